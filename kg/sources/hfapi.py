"""Reader for the Hugging Face daily-papers API: a JSON list of submissions.

Each item is ``{"paper": {"id", "title", "summary", "publishedAt", "authors": [{"name"}],
...}, "title", "publishedAt", ...}``; a bare paper object (``{"id", "title", "summary",
...}``, as the single-paper endpoint returns) is read too. The title is the item's
``title``, else ``paper.title``; the abstract is ``paper.summary``; the date the paper's
``publishedAt`` (its arXiv date), else the item's (the day it was listed). Items are
reported with the line they start on.

Examples
--------
>>> doc = '[{"paper": {"id": "2401.00001", "summary": "Text."}, "title": "T",'
>>> doc += ' "publishedAt": "2024-01-03T00:00:00.000Z"}]'
>>> [(p.arxiv_id, p.title, p.date) for p in read_hf_api(doc, "daily.json")]
[('2401.00001', 'T', '2024-01-03')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from kg.records import Paper, SourceProblem, SourceRef
from kg.sources.jsonfile import json_values
from kg.sources.normalize import arxiv_id_from, clean_text, normalize_date, title_id
from kg.sources.text import tidy_field

__all__ = ["looks_like_hf_api", "read_hf_api"]

_NESTED_PAPER = re.compile(r'"paper"\s*:\s*\{')


def looks_like_hf_api(head: str) -> bool:
    """Whether the start of a JSON text looks like a daily-papers API answer."""
    text = head.lstrip("\ufeff \t\r\n")
    if not text.startswith(("[", "{")):
        return False
    if _NESTED_PAPER.search(text):
        return True
    return '"summary"' in text and '"publishedAt"' in text and '"abstract"' not in text


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _paper(item: object, source: SourceRef) -> Paper | SourceProblem:
    if not isinstance(item, Mapping):
        return SourceProblem(source, f"expected a JSON object, found {type(item).__name__}")
    paper = item.get("paper")
    if not isinstance(paper, Mapping):
        paper = item
    title, raw_title = tidy_field(_text(item.get("title")) or _text(paper.get("title")))
    if not title:
        return SourceProblem(source, "item has no title")
    abstract, raw_abstract = tidy_field(_text(paper.get("summary")) or _text(item.get("summary")))
    if not abstract:
        return SourceProblem(source, f"item {title[:60]!r} has no summary")
    raw_id = clean_text(_text(paper.get("id")))
    arxiv_id = arxiv_id_from(raw_id)
    extra: dict[str, object] = {}
    authors = paper.get("authors")
    if isinstance(authors, list):
        names = [clean_text(a.get("name")) for a in authors if isinstance(a, Mapping)]
        extra["authors"] = [n for n in names if n]
    if isinstance(paper.get("upvotes"), int):
        extra["upvotes"] = paper["upvotes"]
    listed = normalize_date(_text(item.get("publishedAt")))
    if listed and paper is not item:
        extra["listed"] = listed
    date = normalize_date(_text(paper.get("publishedAt"))) or listed
    return Paper(
        id=arxiv_id or raw_id or title_id(title),
        title=title,
        abstract=abstract,
        date=date,
        url=f"https://arxiv.org/abs/{arxiv_id}" if arxiv_id else None,
        arxiv_id=arxiv_id,
        sources=(source,),
        extra=extra,
        raw_title=raw_title,
        raw_abstract=raw_abstract,
    )


def read_hf_api(text: str, name: str) -> Iterator[Paper | SourceProblem]:
    """Yield one paper per item of a daily-papers API answer."""
    for item in json_values(text, name):
        yield item if isinstance(item, SourceProblem) else _paper(*item)
