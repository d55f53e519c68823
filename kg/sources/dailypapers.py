"""Reader for daily-paper page dumps: the text a browser copies from a daily papers page.

The layout is a few page-chrome lines, then a date line ("Aug 7"), then papers as a title
line and an abstract paragraph, separated by blank lines. A later date line applies to the
papers under it.

Examples
--------
>>> import io
>>> dump = io.StringIO("Daily Papers\\n\\nAug 7\\n\\nA Title\\n\\nAn abstract. It is long.\\n")
>>> [(p.title, p.date) for p in read_dailypapers(dump, "page.txt")]
[('A Title', '--08-07')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from kg.records import Paper, SourceProblem, SourceRef
from kg.sources.normalize import MONTHS, normalize_date, title_id
from kg.sources.text import tidy, tidy_field

__all__ = ["PAGE_CHROME", "looks_like_dailypapers", "read_dailypapers"]

#: Lines of page furniture that are never titles or abstracts.
PAGE_CHROME = (
    re.compile(r"new|subscribe|daily papers|byak and the research community", re.I),
    re.compile(r"get trending papers.*", re.I),
    re.compile(r"(upvote|submitted by|view all|load more|next|previous|search)\b.*", re.I),
    re.compile(r"[\d,.]+k?|·|•|-+", re.I),
)
_DATE_LINE = re.compile(r"([A-Za-z]{3,9})\.?\s+\d{1,2}(?:,?\s+\d{4})?")
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z(]")


def _is_chrome(line: str) -> bool:
    return any(p.fullmatch(line) for p in PAGE_CHROME)


def _is_date(line: str) -> bool:
    match = _DATE_LINE.fullmatch(line)
    return bool(match and match.group(1).lower() in MONTHS and normalize_date(line))


def _looks_like_title(paragraph: str) -> bool:
    """A title is one short line with at most one sentence break inside."""
    return len(paragraph) <= 300 and len(_SENTENCE_END.findall(paragraph)) <= 1


def _paragraphs(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """Yield ``(first line number, text)`` for each run of non-blank lines."""
    start, parts = 0, []
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if line:
            if not parts:
                start = number
            parts.append(line)
        elif parts:
            yield start, "\n".join(parts)
            parts = []
    if parts:
        yield start, "\n".join(parts)


def looks_like_dailypapers(head: str) -> bool:
    """Whether the start of a text file has the daily-papers page layout."""
    lines = [line.strip() for line in head.splitlines() if line.strip()][:12]
    return any(_is_date(line) for line in lines) or any(
        line.lower() in {"daily papers", "byak and the research community"} for line in lines
    )


def read_dailypapers(lines: Iterable[str], name: str) -> Iterator[Paper | SourceProblem]:
    """Yield the papers of one page dump, each dated by the date line above it.

    A title with no abstract after it is reported as a :class:`SourceProblem`. A paragraph
    that sits where a title should be but reads like prose continues the abstract before it.
    """
    date: str | None = None
    title: tuple[int, str] | None = None
    last: Paper | None = None
    for number, text in _paragraphs(lines):
        if _is_chrome(text):
            continue
        if _is_date(text):
            if title is not None:
                yield SourceProblem(SourceRef(name, title[0]), f"title {tidy(title[1])!r} has no abstract")
                title = None
            if last is not None:
                yield last
                last = None
            date = normalize_date(text)
            continue
        if title is None:
            if last is not None and not _looks_like_title(text):
                more, more_raw = tidy_field(text)
                raw = last.raw_abstract
                if raw is not None or more_raw is not None:
                    raw = f"{raw or last.abstract}\n\n{text}"
                last = replace(last, abstract=f"{last.abstract} {more}".strip(), raw_abstract=raw)
                continue
            if last is not None:
                yield last
                last = None
            title = (number, text)
            continue
        line, raw_title = title
        title_text, kept_title = tidy_field(raw_title)
        if not title_text:
            yield SourceProblem(SourceRef(name, line), "title is empty after clean-up")
            title = None
            continue
        abstract, kept_abstract = tidy_field(text)
        if not abstract:
            yield SourceProblem(SourceRef(name, line), f"title {title_text!r} has no abstract")
            title = None
            continue
        last = Paper(
            id=title_id(title_text),
            title=title_text,
            abstract=abstract,
            date=date,
            sources=(SourceRef(name, line),),
            raw_title=kept_title,
            raw_abstract=kept_abstract,
        )
        title = None
    if last is not None:
        yield last
    if title is not None:
        yield SourceProblem(SourceRef(name, title[0]), f"title {tidy(title[1])!r} has no abstract")
