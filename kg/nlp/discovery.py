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
    "VARIANT_TITLE_WORDS",
    "VARIANT_WORDS",
    "called_names",
    "extend_name",
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
    if text.isalpha() and text.isupper() and len(text) >= 8:  # an emphasised word, not an acronym
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
    """Every name-shaped run of characters in ``text[start:end]``, with its offsets.

    Runs of upper-case words ("NATURAL INSTRUCTIONS") come out whole as well as word by word;
    the assembler keeps the longest.

    >>> [p.text for p in shaped_names("we introduce NATURAL INSTRUCTIONS, a dataset")]
    ['NATURAL INSTRUCTIONS', 'NATURAL']
    """
    found = [
        Piece(m.group(0), m.start(), m.end())
        for m in _CAPS_RUN.finditer(text, start, len(text) if end is None else end)
        if _is_caps_name(m.group(0))
    ]
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
_CAPS_RUN = re.compile(r"\b[A-Z][A-Z0-9]+(?:[ -][A-Z][A-Z0-9]+){1,3}\b")


def _is_caps_name(run: str) -> bool:
    words = re.split(r"[ -]", run)
    return any(len(w) >= 5 for w in words) and not any(w.rstrip("s") in GENERIC_ACRONYMS for w in words)


_DOMAIN = re.compile(r"[A-Za-z]\.[A-Za-z]|^\d+[A-Za-z]{2,}")


def _split_slashes(chunk: str) -> list[str]:
    """Split "CLIP/LMM" in two, but keep "ViT-B/16" (a slash before digits) whole."""
    return re.split(r"/(?!\d)", chunk)


_TITLE = re.compile(r"\s*([^:]{2,60}?)\s*:\s+\S")
_CAPITALISED = re.compile(r"[A-Z][\w'\-]*")


def title_name(title: str) -> Piece | None:
    """The name a "Name: description" title introduces, if it has one.

    The head must be one to three words, each capitalised or name-shaped, and must not
    open like a sentence ("The ...", "Towards ...", "Rethinking ...").

    >>> title_name("Prismatic Synthesis: Gradient-based Data Diversification").text
    'Prismatic Synthesis'
    >>> title_name("The Imitation Game: Turing Machine Imitator") is None
    True
    >>> title_name("Thinking Beyond Tokens: From Brain to Cognition") is None
    True
    """
    match = _TITLE.match(title)
    if not match:
        return None
    head = match.group(1).strip()
    words = head.split()
    first = words[0].lower()
    if first in GENERIC_WORDS or first in _TITLE_OPENERS or len(words) > 3:
        return None
    shaped = [is_name_shaped(w) for w in words]
    capitalised = all(_CAPITALISED.fullmatch(w) or ok for w, ok in zip(words, shaped, strict=True))
    if any(shaped) or (capitalised and not (len(words) > 1 and first.endswith("ing"))):
        start = match.start(1)
        return Piece(head, start, start + len(head))
    return None


#: First words of titles whose head is a phrase, not a name.
_TITLE_OPENERS = frozenset(
    [
        "towards",
        "toward",
        "beyond",
        "rethinking",
        "revisiting",
        "understanding",
        "when",
        "why",
        "how",
        "what",
        "who",
        "where",
        "is",
        "are",
        "do",
        "does",
        "can",
        "should",
        "will",
        "not",
        "position",
        "survey",
        "review",
        "tutorial",
        "case",
    ]
)


_WORD = r"[A-Z][\w\-+]*(?:\.\w[\w\-+]*)*"
_CALLED = re.compile(
    r"\b(?:called|dubbed|named|termed|coined|namely)\s+[\"“']?" rf"({_WORD}(?:\s+{_WORD}){{0,3}})",
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


#: Capitalised words that continue a model or benchmark name ("GPT-3.5 Turbo", "Arena Hard").
VARIANT_TITLE_WORDS = frozenset(
    [
        "Instruct",
        "Chat",
        "Turbo",
        "Sonnet",
        "Opus",
        "Haiku",
        "Pro",
        "Ultra",
        "Flash",
        "Mini",
        "Nano",
        "Base",
        "Large",
        "Small",
        "Medium",
        "XL",
        "XXL",
        "Lite",
        "Plus",
        "Max",
        "Coder",
        "Math",
        "Vision",
        "Auto",
        "Hard",
        "Verified",
        "Preview",
        "Omni",
        "Distill",
    ]
)
_SIZE = re.compile(r"\d+(?:\.\d+)?(?:x\d+)?[BMKT]")
_VERSION = re.compile(r"v\d+(?:\.\d+)*|[1-9]\d?(?:\.\d+)?|(?:19|20)\d\d")
_NEXT_TOKEN = re.compile(r"[ \u00a0]([^\s]+)")
_NOT_AFTER_NUMBER = re.compile(r"\s*(?:%|percent\b|[a-z]+s\b|[a-z]+\s+(?:of|out)\b)")


def extend_name(text: str, end: int, *, max_parts: int = 4) -> int:
    """Where a name ending at ``end`` really ends, once versions, sizes and variants join it.

    "LLaMA" in "LLaMA 3 8B Instruct" grows to the whole model name; a bare number followed
    by a plural noun or a percent sign ("GPT-4 3 times", "ResNet 50 layers") does not join.

    >>> text = "We tune LLaMA 3 8B Instruct and GPT-3.5 Turbo on AlpacaEval 2.0, and Mistral 7 times."
    >>> [text[text.index(n):extend_name(text, text.index(n) + len(n))]
    ...  for n in ("LLaMA", "GPT-3.5", "AlpacaEval", "Mistral")]
    ['LLaMA 3 8B Instruct', 'GPT-3.5 Turbo', 'AlpacaEval 2.0', 'Mistral']
    """
    pos = end
    for _ in range(max_parts):
        match = _NEXT_TOKEN.match(text, pos)
        if not match:
            break
        token = match.group(1).rstrip(".,;:!?)]}\"'")
        token_end = match.start(1) + len(token)
        if (
            token in VARIANT_TITLE_WORDS
            or _SIZE.fullmatch(token)
            or (_VERSION.fullmatch(token) and not _NOT_AFTER_NUMBER.match(text, token_end))
        ):
            pos = token_end
        else:
            break
    return pos
