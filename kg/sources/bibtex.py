"""Reader for BibTeX files whose entries carry abstracts.

Parsing is done by :mod:`bibtexparser` (2.x): ``@string`` macros are resolved and the
enclosing braces or quotes of each value removed. Titles and abstracts are LaTeX, so they
always go through the LaTeX clean-up (``{BERT}`` -> ``BERT``, ``Z{\\"u}rich`` -> ``Zürich``).
The arXiv id comes from ``eprint`` (with ``archivePrefix = {arXiv}`` or an id-shaped value),
an arXiv ``url`` or ``doi``, or ``arXiv:ID`` in ``journal``/``note``. Entries with no title
or abstract, blocks the parser could not read, and repeated citation keys are reported with
their line; every other entry still goes through.

Examples
--------
>>> bib = '@article{k1,\\n title = {{BERT}: Deep},\\n abstract = {We pre-train.},\\n'
>>> bib += ' year = 2019, month = jun, eprint = {1810.04805v2}, archivePrefix = {arXiv}}\\n'
>>> [(p.arxiv_id, p.title, p.date) for p in read_bibtex(bib, "refs.bib")]
[('1810.04805', 'BERT: Deep', '2019-06')]
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from kg.records import Paper, SourceProblem, SourceRef
from kg.sources.normalize import MONTHS, arxiv_id_from, clean_text, find_arxiv_id, normalize_date, title_id
from kg.sources.text import tidy, tidy_field

__all__ = ["looks_like_bibtex", "read_bibtex"]

_ENTRY_START = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]", re.M)


def looks_like_bibtex(head: str) -> bool:
    """Whether the start of a text holds a BibTeX entry (``@article{``, ``@misc(`` ...)."""
    return bool(_ENTRY_START.search(head))


def _date(fields: dict[str, str]) -> str | None:
    if fields.get("date"):
        return normalize_date(clean_text(fields["date"]))
    year = clean_text(fields.get("year"))
    if not re.fullmatch(r"\d{4}", year):
        return None
    month = clean_text(fields.get("month")).lower().rstrip(".")
    number = MONTHS.get(month) or (int(month) if month.isdigit() and 1 <= int(month) <= 12 else None)
    return f"{year}-{number:02d}" if number else year


def _arxiv_id(fields: dict[str, str]) -> str | None:
    eprint = clean_text(fields.get("eprint"))
    prefix = clean_text(fields.get("archiveprefix") or fields.get("eprinttype")).lower()
    if eprint and (prefix == "arxiv" or not prefix):
        found = arxiv_id_from(eprint)
        if found:
            return found
    for key in ("url", "doi"):
        found = arxiv_id_from(fields.get(key))
        if found:
            return found
    for key in ("journal", "note", "howpublished", "booktitle"):
        found = find_arxiv_id(fields.get(key))
        if found:
            return found
    return None


def _paper(entry: object, name: str) -> Paper | SourceProblem:
    source = SourceRef(name, entry.start_line + 1)  # type: ignore[attr-defined]
    fields = {f.key.lower(): str(f.value) for f in entry.fields}  # type: ignore[attr-defined]
    key = entry.key  # type: ignore[attr-defined]
    title, raw_title = tidy_field(fields.get("title"), latex=True)
    if not title:
        return SourceProblem(source, f"entry {key!r} has no title")
    abstract, raw_abstract = tidy_field(fields.get("abstract"), latex=True)
    if not abstract:
        return SourceProblem(source, f"entry {key!r} has no abstract")
    arxiv_id = _arxiv_id(fields)
    doi = clean_text(fields.get("doi")) or None
    url = clean_text(fields.get("url")) or None
    if url is None:
        url = f"https://arxiv.org/abs/{arxiv_id}" if arxiv_id else (f"https://doi.org/{doi}" if doi else None)
    extra: dict[str, object] = {"bibtex_key": key, "entry_type": entry.entry_type.lower()}  # type: ignore[attr-defined]
    if fields.get("author"):
        extra["authors"] = [tidy(a, latex=True) for a in re.split(r"\s+and\s+", fields["author"])]
    if doi:
        extra["doi"] = doi
    return Paper(
        id=arxiv_id or doi or title_id(title),
        title=title,
        abstract=abstract,
        date=_date(fields),
        url=url,
        arxiv_id=arxiv_id,
        sources=(source,),
        extra=extra,
        raw_title=raw_title,
        raw_abstract=raw_abstract,
    )


def _failure(block: object, name: str) -> SourceProblem:
    line = getattr(block, "start_line", None)
    source = SourceRef(name, line + 1 if isinstance(line, int) else None)
    kind = type(block).__name__
    if kind == "DuplicateBlockKeyBlock":
        return SourceProblem(source, f"repeated citation key {getattr(block, 'key', '?')!r}; entry skipped")
    error = getattr(block, "error", None)
    text = str(getattr(error, "abort_reason", None) or error or "").strip()
    reason = text.splitlines()[0] if text else kind
    return SourceProblem(source, f"unreadable BibTeX block: {reason}")


def read_bibtex(text: str, name: str) -> Iterator[Paper | SourceProblem]:
    """Yield one paper per entry, and one problem per entry or block that could not be read."""
    import bibtexparser

    log = logging.getLogger("bibtexparser")
    level = log.level
    log.setLevel(logging.ERROR)  # its warnings about bad blocks are reported as problems below
    try:
        library = bibtexparser.parse_string(text)
    except Exception as error:  # the parser gives up on some inputs with its own errors
        yield SourceProblem(SourceRef(name), f"unreadable BibTeX: {type(error).__name__}: {error}")
        return
    finally:
        log.setLevel(level)
    records: list[tuple[int, Paper | SourceProblem]] = []
    for entry in library.entries:
        records.append((entry.start_line, _paper(entry, name)))
    for block in library.failed_blocks:
        records.append((getattr(block, "start_line", 0) or 0, _failure(block, name)))
    records.sort(key=lambda pair: pair[0])
    if not records:
        yield SourceProblem(SourceRef(name), "no BibTeX entries found")
    for _, record in records:
        yield record
