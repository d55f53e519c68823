"""Plain-keyboard spellings of a name that clean-up wrote with Unicode signs.

Clean-up turns LaTeX into the characters it stands for (``S$^{2}$FT`` is ``S²FT``,
``$\\pi_0$`` is ``π₀``), which reads well but is not what people type or what a table keyed
by the source's spelling holds. :func:`plain_spellings` gives the forms a reader would type
instead, so they can travel with an entity as aliases.

>>> plain_spellings("S²FT")
('S2FT',)
>>> plain_spellings("π₀")
('π0', 'pi0')
>>> plain_spellings("GSM8K")
()
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["plain_aliases", "plain_spellings", "source_spellings"]

#: a word of a source's text that clean-up may have rewritten: LaTeX, braces or an entity
_MARKED_WORD = re.compile(r"[^\s]*[$\\{&][^\s]*")
#: punctuation around a word that is not part of a name
_EDGE_PUNCTUATION = "()[].,;:!?\"'"


def _greek_letter_name(char: str) -> str | None:
    """``"pi"`` for π, ``"Delta"`` for Δ; ``None`` for a character that is no Greek letter.

    >>> _greek_letter_name("τ"), _greek_letter_name("Δ"), _greek_letter_name("x")
    ('tau', 'Delta', None)
    """
    name = unicodedata.name(char, "")
    for prefix, case in (("GREEK SMALL LETTER ", str.lower), ("GREEK CAPITAL LETTER ", str.capitalize)):
        if name.startswith(prefix) and " " not in name[len(prefix) :]:
            return case(name[len(prefix) :])
    return None


@lru_cache(maxsize=65536)
def plain_spellings(form: str) -> tuple[str, ...]:
    """The spellings of ``form`` with its Unicode signs written out, most faithful first.

    First compatibility forms (superscript and subscript digits become digits, ``ﬁ`` is
    ``fi``), then that with Greek letters spelled by name and accents dropped (``Zürich`` is
    ``Zurich``). An ASCII name gives none.

    >>> plain_spellings("τ²-bench")
    ('τ2-bench', 'tau2-bench')
    >>> plain_spellings("M³-Bench")
    ('M3-Bench',)
    >>> plain_spellings("Zürich")
    ('Zurich',)
    """
    if form.isascii():
        return ()
    compatible = unicodedata.normalize("NFKC", form)
    spelled = "".join(_greek_letter_name(c) or c for c in compatible)
    stripped = "".join(c for c in unicodedata.normalize("NFKD", spelled) if not unicodedata.combining(c))
    out: list[str] = []
    for candidate in (compatible, stripped):
        if candidate != form and candidate not in out:
            out.append(candidate)
    return tuple(out)


def plain_aliases(forms: Iterable[str]) -> list[str]:
    """The keyboard spellings of ``forms`` that are not among them, in order, each once.

    >>> plain_aliases(["S²FT", "S2FT", "π₀"])
    ['π0', 'pi0']
    """
    forms = list(forms)
    seen = set(forms)
    out: list[str] = []
    for form in forms:
        for spelling in plain_spellings(form):
            if spelling not in seen:
                seen.add(spelling)
                out.append(spelling)
    return out


def source_spellings(raw: str) -> dict[str, str]:
    r"""The cleaned form of each word of ``raw`` that LaTeX, braces or an HTML entity made
    clean-up rewrite, mapped to the word as the source spelled it.

    A name the source wrote in LaTeX ("$\mathcal{S}^3$-Bench") is extracted from its cleaned
    form ("S³-Bench"); this map lets a record name the source's spelling beside it, for a
    reader or a gold file that copied the source.

    >>> source_spellings(r"We test $\mathcal{S}^3$-Bench, \textsc{SemID} and GSM8K.")
    {'S³-Bench': '$\\mathcal{S}^3$-Bench', 'SemID': '\\textsc{SemID}'}
    """
    from kg.sources.text import tidy  # here, not above: the readers import this package's records

    out: dict[str, str] = {}
    for match in _MARKED_WORD.finditer(raw):
        word = match.group().strip(_EDGE_PUNCTUATION)
        clean = tidy(word).strip(_EDGE_PUNCTUATION)
        if clean and clean != word:
            out.setdefault(clean, word)
    return out
