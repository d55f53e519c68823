"""Reader for the arXiv metadata snapshot: JSON Lines, one arXiv paper per line.

Each line holds ``id``, ``title``, ``abstract``, ``categories`` (space separated),
``authors``, ``versions`` (``[{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"},
...]``) and ``update_date``. A paper is dated by its first version, else by ``update_date``.
Lines that are not JSON objects, or lack a title or abstract, are reported with their line.

Examples
--------
>>> import io, json
>>> line = json.dumps({"id": "hep-th/9901001", "title": "Strings", "abstract": "We  study.",
...     "versions": [{"version": "v1", "created": "Fri, 1 Jan 1999 10:00:00 GMT"}]})
>>> [(p.arxiv_id, p.date) for p in read_arxiv_snapshot(io.StringIO(line), "s.jsonl")]
[('hep-th/9901001', '1999-01-01')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from email.utils import parsedate_to_datetime

from kg.records import Paper, SourceProblem, SourceRef
from kg.sources.jsonfile import json_lines
from kg.sources.normalize import arxiv_id_from, clean_text, normalize_date, title_id
from kg.sources.text import tidy, tidy_field

__all__ = ["SNAPSHOT_KEYS", "looks_like_snapshot", "read_arxiv_snapshot"]

#: Keys that mark a JSON object as a snapshot record (two of them, with ``id`` and ``abstract``).
SNAPSHOT_KEYS = frozenset({"versions", "update_date", "authors_parsed", "categories", "journal-ref"})


def looks_like_snapshot(record: object) -> bool:
    """Whether a decoded JSON value looks like one line of the arXiv metadata snapshot."""
    return (
        isinstance(record, Mapping)
        and "id" in record
        and "abstract" in record
        and len(SNAPSHOT_KEYS & record.keys()) >= 2
    )


def _first_version_date(versions: object) -> str | None:
    if not isinstance(versions, list) or not versions or not isinstance(versions[0], Mapping):
        return None
    created = versions[0].get("created")
    if not isinstance(created, str):
        return None
    try:
        return parsedate_to_datetime(created).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return normalize_date(created)


def _paper(record: object, source: SourceRef) -> Paper | SourceProblem:
    if not isinstance(record, Mapping):
        return SourceProblem(source, f"expected a JSON object, found {type(record).__name__}")
    title, raw_title = tidy_field(record.get("title"))
    if not title:
        return SourceProblem(source, "record has no title")
    abstract, raw_abstract = tidy_field(record.get("abstract"))
    if not abstract:
        return SourceProblem(source, f"record {title[:60]!r} has no abstract")
    raw_id = clean_text(record.get("id") if isinstance(record.get("id"), str | int) else None)
    arxiv_id = arxiv_id_from(raw_id)
    extra: dict[str, object] = {}
    if isinstance(record.get("categories"), str):
        extra["categories"] = record["categories"].split()
    if isinstance(record.get("authors"), str):
        extra["authors"] = tidy(record["authors"])
    for key in ("doi", "journal-ref"):
        if isinstance(record.get(key), str) and record[key].strip():
            extra[key.replace("-", "_")] = clean_text(record[key])
    date = _first_version_date(record.get("versions"))
    update = record.get("update_date")
    return Paper(
        id=arxiv_id or raw_id or title_id(title),
        title=title,
        abstract=abstract,
        date=date or normalize_date(update if isinstance(update, str | int) else None),
        url=f"https://arxiv.org/abs/{arxiv_id}" if arxiv_id else None,
        arxiv_id=arxiv_id,
        sources=(source,),
        extra=extra,
        raw_title=raw_title,
        raw_abstract=raw_abstract,
    )


def read_arxiv_snapshot(
    lines: Iterable[str], name: str, first_line: int = 1
) -> Iterator[Paper | SourceProblem]:
    """Yield one paper per line of the snapshot; bad lines become problems and are skipped.
    ``first_line`` numbers the first line given (the rest of a file read from its middle)."""
    for item in json_lines(lines, name, first_line):
        yield item if isinstance(item, SourceProblem) else _paper(*item)
