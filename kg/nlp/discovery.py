"""Finding names that no catalogue knows, from their shape and the words around them.

Three rules, each a plain function over a string:

- :func:`shaped_names`: acronyms, CamelCase and letter–digit names (RLHF, KnowCoder,
  GSM8K, R1-Distill-Qwen-7B), generic acronyms and numbers left out;
- :func:`title_name`: the "Name: what it does" title;
- :func:`called_names`: "called X", "dubbed X", "named X".

Examples
--------
>>> [p.text for p in shaped_names("We test KnowCoder and GPT-4 on GSM8K with LLMs in 2024.")]
['KnowCoder', 'GPT-4', 'GSM8K']
>>> title_name("SIRL: Similarity-based Implicit Representation Learning").text
'SIRL'
"""

from __future__ import annotations

import re

from kg.nlp.abbreviations import Piece
from kg.nlp.cues import GENERIC_ACRONYMS, GENERIC_WORDS, ORGANISATIONS

__all__ = [
    "VARIANT_WORDS",
    "called_names",
    "is_name_shaped",
    "shaped_names",
    "title_name",
    "trim_name",
]

_CHUNK = re.compile(
    r"(?<![\w$\\])[A-Za-z0-9][A-Za-z0-9.+]*(?:(?:-|/)[A-Za-z0-9][A-Za-z0-9.+]*)*(?:\([a-z]+\))?"
)
_NUMBERISH = re.compile(r"[\d.,%+\-/x×]+|\d+(?:st|nd|rd|th|s|k|K|M|B|D)?|v\d+(?:\.\d+)*", re.I)


def is_name_shaped(text: str) -> bool:
    """Whether ``text`` looks like a proper name of an ML artefact.

    A name has a capital inside it (ImageNet, RLHF, MT-Bench), or mixes letters and digits
    (GSM8K, GPT-4, Qwen2); plain words, numbers and generic acronyms (LLMs, AI) do not.

    >>> [is_name_shaped(t) for t in ["ImageNet", "Table", "LLMs", "2024", "x2", "MT-Bench"]]
    [True, False, False, False, False, True]
    """
    if text in GENERIC_ACRONYMS or _NUMBERISH.fullmatch(text):
        return False
    if not any(c.isalpha() for c in text) or len(text) < 2:
        return False
    if text in ORGANISATIONS or (text.isupper() and len(text.rstrip("s")) < 2):
        return False
    parts = [p for p in re.split(r"[-/]", text) if p]
    named_parts = [p for p in parts if p not in GENERIC_ACRONYMS and p.rstrip("s") not in GENERIC_ACRONYMS]
    inner_capital = any(c.isupper() for part in named_parts for c in part[1:])
    has_digit = any(c.isdigit() for c in text) and text[0].isupper()
    return inner_capital or has_digit


#: Lower-case hyphen parts that belong to a model name ("BERT-base", "GPT-4o-mini").
VARIANT_WORDS = frozenset(
    [
        "base",
        "large",
        "small",
        "mini",
        "tiny",
        "medium",
        "huge",
        "giant",
        "xl",
        "xxl",
        "instruct",
        "chat",
        "it",
        "hf",
        "turbo",
        "preview",
        "pro",
        "plus",
        "max",
        "lite",
        "nano",
        "distill",
        "coder",
        "math",
        "vision",
        "v1",
        "v2",
        "v3",
        "o",
    ]
)


def trim_name(text: str) -> str:
    """Drop trailing lower-case hyphen parts that are not part of the name.

    >>> trim_name("LoRA-based"), trim_name("BERT-base"), trim_name("API-protected")
    ('LoRA', 'BERT-base', 'API')
    """
    parts = text.split("-")
    while len(parts) > 1 and parts[-1].islower() and parts[-1] not in VARIANT_WORDS:
        parts.pop()
    return "-".join(parts)


def shaped_names(text: str, start: int = 0, end: int | None = None) -> list[Piece]:
    """Every name-shaped run of characters in ``text[start:end]``, with its offsets."""
    found = []
    for match in _CHUNK.finditer(text, start, len(text) if end is None else end):
        raw = match.group(0)
        if not _MAYBE_NAME.search(raw):  # fast path: plain words are most of the text
            continue
        if _DOMAIN.search(raw) or text.startswith("://", match.end()):
            continue
        offset = match.start()
        for part in _split_slashes(raw):
            trimmed = trim_name(part.rstrip(".+")).rstrip(".+")
            if is_name_shaped(trimmed):
                found.append(Piece(trimmed, offset, offset + len(trimmed)))
            offset += len(part) + 1
    return found


_MAYBE_NAME = re.compile(r".[A-Z]|\d")
_DOMAIN = re.compile(r"[A-Za-z]\.[A-Za-z]|^\d+[A-Za-z]{2,}")


def _split_slashes(chunk: str) -> list[str]:
    """Split "CLIP/LMM" in two, but keep "ViT-B/16" (a slash before digits) whole."""
    return re.split(r"/(?!\d)", chunk)


_TITLE = re.compile(r"\s*([^:]{2,60}?)\s*:\s+\S")
_CAPITALISED = re.compile(r"[A-Z][\w'\-]*(?:\s+[A-Z0-9][\w'\-]*){0,2}")


def title_name(title: str) -> Piece | None:
    """The name a "Name: description" title introduces, if it has one.

    >>> title_name("The Imitation Game: Turing Machine Imitator") is None
    True
    """
    match = _TITLE.match(title)
    if not match:
        return None
    head = match.group(1).strip()
    words = head.split()
    if words[0].lower() in GENERIC_WORDS or len(words) > 3:
        return None
    if (len(words) == 1 and (is_name_shaped(head) or _CAPITALISED.fullmatch(head))) or any(
        is_name_shaped(w) for w in words
    ):
        start = match.start(1)
        return Piece(head, start, start + len(head))
    return None


_CALLED = re.compile(
    r"\b(?:called|dubbed|named|termed|coined|namely)\s+[\"“']?"
    r"([A-Z][\w.\-+]*(?:\s+[A-Z][\w.\-+]*){0,3})",
)


def called_names(text: str) -> list[Piece]:
    """Names introduced by "called X", "dubbed X" and the like.

    >>> [p.text for p in called_names("a method called Self-Play Tuning that")]
    ['Self-Play Tuning']
    """
    out = []
    for match in _CALLED.finditer(text):
        name = match.group(1).rstrip(".")
        if name.split()[0].lower() not in GENERIC_WORDS:
            out.append(Piece(name, match.start(1), match.start(1) + len(name)))
    return out
