"""Sentence boundaries for abstracts, as plain character offsets.

Abbreviations with periods ("e.g.", "et al.", "Fig. 2") and decimals ("GPT-3.5") do not end
a sentence; a blank line (between title and abstract) always does.

Examples
--------
>>> text = "A Title\\n\\nWe use GPT-3.5, e.g. for QA. It works."
>>> [text[s:e] for s, e in sentence_bounds(text)]
['A Title', 'We use GPT-3.5, e.g. for QA.', 'It works.']
"""

from __future__ import annotations

import re

__all__ = ["references_start", "sentence_bounds"]

_END = re.compile(r"(?:[.!?]+[\"”')\]]*)(?=\s+[\"“'(\[]?[A-Z0-9])|\n\s*\n")
_NO_BREAK = re.compile(
    r"(?:\b(?:e\.g|i\.e|et al|etc|cf|vs|Fig|Figs|Eq|Eqs|Sec|Tab|No|approx|resp|viz|Dr|Mr|Ms|"
    r"Prof|St|Inc|Ltd|Jr|Sr|al)\.|\b[A-Z]\.)$"
)


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence in ``text``, whitespace trimmed."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        end = match.end()
        # the longest abbreviation is 7 characters: searching the sentence's last 10 is exact
        if match.group(0).startswith((".", "!", "?")) and _NO_BREAK.search(text[max(start, end - 10) : end]):
            continue
        _append(text, start, end, bounds)
        start = end
    _append(text, start, len(text), bounds)
    return bounds


def _append(text: str, start: int, end: int, bounds: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        bounds.append((start, end))


#: a heading of a reference list on a line of its own, or run into its first entry: "\nReferences\n",
#: "REFERENCES [1] M. Abadi", "Bibliography"
_REFERENCES_HEADING = re.compile(
    r"(?<!\S)(REFERENCES|References|BIBLIOGRAPHY|Bibliography)[ \t]*"
    r"(?:\n|\[1\]|1\.\s+[A-Z]|[A-Z][a-z]+,\s+[A-Z]\.)"
)
#: a text shorter than this is an abstract, whose "References" is a word of its own
MIN_TEXT_WITH_REFERENCES = 3000


def references_start(text: str) -> int | None:
    r"""Where a reference list starts in a long text (a whole paper given as its abstract), if
    one does: the works it cites are no entities of the paper.

    >>> body = "We propose FooNet. " * 200
    >>> text = body + "\nREFERENCES [1] M. Abadi. TensorFlow."
    >>> references_start(text) == len(body) + 1
    True
    >>> references_start("Short. References\nare discussed.") is None
    True
    """
    if len(text) < MIN_TEXT_WITH_REFERENCES:
        return None
    # the last heading: a paper's own "References" section comes at its end
    headings = list(_REFERENCES_HEADING.finditer(text, MIN_TEXT_WITH_REFERENCES // 2))
    return headings[-1].start(1) if headings else None
