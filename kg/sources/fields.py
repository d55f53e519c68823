"""Turn one loosely structured record (a JSON object, a CSV row) into a :class:`Paper`.

Corpora name the same field many ways; this module is the one place that knows them.

Examples
--------
>>> from kg.records import SourceRef
>>> paper = paper_from_mapping(
...     {"title": "A", "source": ["One.", "Two."], "paper_id": "x1", "year": 2020},
...     SourceRef("c.jsonl", 3))
>>> paper.abstract, paper.id, paper.date
('One. Two.', 'x1', '2020')
"""

from __future__ import annotations

from collections.abc import Mapping

from kg.records import Paper, SourceProblem, SourceRef
from kg.sources.normalize import arxiv_id_from, clean_text, normalize_date, title_id
from kg.sources.text import tidy_field

__all__ = ["ABSTRACT_FIELDS", "DATE_FIELDS", "ID_FIELDS", "TITLE_FIELDS", "paper_from_mapping"]

TITLE_FIELDS = ("title", "titles", "paper_title")
ABSTRACT_FIELDS = ("abstract", "abstracts", "summary", "summaries", "source", "text", "paperabstract")
ID_FIELDS = ("id", "paper_id", "paperid", "arxiv_id", "arxivid", "doi")
URL_FIELDS = ("url", "link", "urls", "pdf_url")
DATE_FIELDS = ("date", "published", "publishedat", "published_at", "update_date", "year")


def _fold(record: Mapping[str, object]) -> dict[str, object]:
    return {str(k).strip().lower(): v for k, v in record.items()}


def _lookup(folded: Mapping[str, object], names: tuple[str, ...]) -> object | None:
    for name in names:
        value = folded.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def paper_from_mapping(record: Mapping[str, object], source: SourceRef) -> Paper | SourceProblem:
    """Read the title, abstract, id, url and date out of ``record``.

    A nested ``paper`` object (as in the daily-papers API) is read as part of the record.
    Returns a :class:`SourceProblem` when there is no title or no abstract.
    """
    nested = record.get("paper")
    if isinstance(nested, Mapping):
        record = {**record, **nested}
    record = _fold(record)
    title, raw_title = tidy_field(_lookup(record, TITLE_FIELDS))
    if not title:
        return SourceProblem(source, "record has no title")
    abstract, raw_abstract = tidy_field(_lookup(record, ABSTRACT_FIELDS))
    if not abstract:
        return SourceProblem(source, f"record {title[:60]!r} has no abstract")
    raw_id = _lookup(record, ID_FIELDS)
    url = _lookup(record, URL_FIELDS)
    url_text = clean_text(url[0] if isinstance(url, list) else url) or None
    arxiv_id = arxiv_id_from(raw_id) or arxiv_id_from(url_text)
    if arxiv_id:
        paper_id = arxiv_id
    elif raw_id is not None and clean_text(raw_id):
        paper_id = clean_text(raw_id)
    else:
        paper_id = title_id(title)
    if url_text is None and arxiv_id:
        url_text = f"https://arxiv.org/abs/{arxiv_id}"
    date = normalize_date(_lookup(record, DATE_FIELDS))
    return Paper(
        id=paper_id,
        title=title,
        abstract=abstract,
        date=date,
        url=url_text,
        arxiv_id=arxiv_id,
        sources=(source,),
        raw_title=raw_title,
        raw_abstract=raw_abstract,
    )
