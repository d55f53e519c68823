r"""Clean titles and abstracts without changing what they say.

:func:`tidy` is the one entry point every reader calls on a title or an abstract. In order it

1. drops control characters, bidi overrides and marks, zero-width spaces, byte-order marks and
   soft hyphens, and applies Unicode NFC (plus the ``ﬁ``/``ﬂ`` ligatures PDF text carries);
2. decodes HTML entities (``&amp;``, ``&#233;``; twice-escaped ``&amp;lt;`` once more);
3. joins words split across a line break (``lan-\nguage`` -> ``language``) when both pieces
   are lower-case letters and the first is not a word that is usually hyphenated on purpose
   (``state-of-\nthe-art`` and ``Llama-\n2`` keep their hyphen);
4. turns LaTeX into plain Unicode text (:func:`latex_to_text`), only when the text holds a
   LaTeX command or a ``$...$`` span (TeX quotes, ````x''``, become “x” in any text);
5. drops a footnote's number glued to a sentence's last word (``networks.1`` at the end, or
   before the next sentence: ``networks.1 We`` -> ``networks. We``);
6. collapses every run of whitespace (newlines, tabs, no-break and thin spaces) to one space.

The rules for LaTeX: accents become accented letters (``Z\"urich`` -> ``Zürich``); symbols
their Unicode form (``\alpha`` -> ``α``, ``\times`` -> ``×``); formatting commands
(``\emph``, ``\textbf``, ``\mathrm``, ...) keep only their text; ``\cite``, ``\ref``,
``\label`` and ``\footnote`` go; ``\url{u}`` and ``\href{u}{t}`` keep ``u`` and ``t``;
escaped ``\% \& \_ \# \$`` become the plain character; math delimiters and grouping
braces go. A superscript or subscript becomes Unicode when every character has a Unicode
form (``S$^{2}$FT`` -> ``S²FT``, ``H$_2$O`` -> ``H₂O``, ``$10^{-3}$`` -> ``10⁻³``) and is
otherwise written ``^x`` or ``^(xy)``. A bare ``%`` is a percent sign, not a comment, and
``~`` is a space only inside a word-to-word tie (``Fig.~1``) and, in any text, in a tie of a
word to a bracket (``inputs~(OoD)``).

Examples
--------
>>> tidy("S$^{2}$FT: Efficient  \n Fine-Tuning")
'S²FT: Efficient Fine-Tuning'
>>> tidy("$\\textbf{Only-IF}$: Z\\\"urich lan-\nguage models \\cite{a} &amp; 5% more")
'Only-IF: Zürich language models & 5% more'
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

__all__ = ["dehyphenate", "latex_to_text", "strip_invisible", "tidy", "tidy_field"]

# -- invisible and control characters --------------------------------------------------------

_WHITESPACE_CONTROLS = {ord(c) for c in "\t\n\r\v\f\x1c\x1d\x1e\x1f\x85"}
_DROPPED = [
    *range(0x00, 0x20),  # C0 controls
    0x7F,
    *range(0x80, 0xA0),  # C1 controls
    *(0x00AD, 0x200B, 0x2060, 0xFEFF),  # soft hyphen, zero-width space, word joiner, BOM
    *(0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)),  # bidi
    *range(0xFDD0, 0xFDF0),  # noncharacters
    *(0xFFFE, 0xFFFF),
]
_INVISIBLE = re.compile("[" + "".join(re.escape(chr(c)) for c in _DROPPED if c not in (9, 10)) + "]+")
_SPACE_CONTROLS = re.compile("[" + "".join(chr(c) for c in sorted(_WHITESPACE_CONTROLS - {9, 10, 13})) + "]")
_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_LIGATURE = re.compile("|".join(_LIGATURES))
_SURROGATE = re.compile("[\ud800-\udfff]")
_ODD_CODES = sorted({c for c in _DROPPED if c not in (9, 10)} | (_WHITESPACE_CONTROLS - {9, 10, 13}))
_ODD = re.compile("[" + "".join(re.escape(chr(c)) for c in _ODD_CODES) + "\ud800-\udfff]")
_ASCII_CONTROLS = bytes(c for c in _ODD_CODES if c < 0x80)
_DOTLESS_I_ACCENT = re.compile("\u0131([\u0300-\u036f])")


def strip_invisible(text: str) -> str:
    """Drop control and invisible formatting characters (line breaks and tabs survive) and
    write the Unicode hyphens U+2010 and U+2011 as "-".

    >>> strip_invisible("a\\u202eb\\x00c\\u00add\\ne")
    'abcd\\ne'
    >>> strip_invisible("Chain\\u2010of\\u2010Thought")
    'Chain-of-Thought'
    """
    out = text.replace("\r\n", "\n").replace("\r", "\n")
    if out.isascii():
        raw = out.encode("ascii")
        if len(raw.translate(None, _ASCII_CONTROLS)) != len(raw):  # C speed, unlike a regex
            out = _INVISIBLE.sub("", _SPACE_CONTROLS.sub(" ", out))
        return out
    if _ODD.search(out):  # searching first is cheaper than three substitutions that change nothing
        out = _INVISIBLE.sub("", _SPACE_CONTROLS.sub(" ", out))
        out = _SURROGATE.sub("\ufffd", out)
    if _LIGATURE.search(out):
        out = _LIGATURE.sub(lambda m: _LIGATURES[m.group()], out)
    # Unicode hyphens: "Chain\u2010of\u2010Thought" is Chain-of-Thought to the catalogue
    if "\u2010" in out or "\u2011" in out:
        out = out.replace("\u2010", "-").replace("\u2011", "-")
    if "\u0131" in out:  # a PDF's dotless i and accent, from TeX's \"{\i}: "Na\u0131\u0308ve" is "Naïve"
        out = _DOTLESS_I_ACCENT.sub(r"i\1", out)
    return out if unicodedata.is_normalized("NFC", out) else unicodedata.normalize("NFC", out)


# -- hyphenation -----------------------------------------------------------------------------

#: First pieces that are usually hyphenated on purpose: ``state-of-the-art``, ``self-attention``.
KEEP_HYPHEN = frozenset(
    """a an and as at be by for from in into is it non of off on or out over per pre post self so
    than the to up via with cross multi well state high low large small long short open zero one
    two three few many semi co re under end top fine task domain data model human real time all""".split()  # noqa: SIM905
)
_LINE_END_HYPHEN = re.compile(r"-[ \t]*\n[ \t]*")
_TAIL = re.compile(r"(?<![\w-])([a-z]+)\Z")
_HEAD = re.compile(r"[a-z]+(?![\w-])")


def dehyphenate(text: str) -> str:
    """Join lower-case word pieces split by a hyphen at a line break.

    Other hyphens at a line break stay, without the break, when a word goes on after them.

    >>> dehyphenate("lan-\\nguage and state-of-\\nthe-art and Llama-\\n2")
    'language and state-of-the-art and Llama-2'
    """
    if "-" not in text or "\n" not in text:
        return text
    out: list[str] = []
    last = 0
    for match in _LINE_END_HYPHEN.finditer(text):
        start, end = match.span()
        before = text[max(last, start - 40) : start]
        tail, head = _TAIL.search(before), _HEAD.match(text, end)
        if tail and head and tail.group(1) not in KEEP_HYPHEN:
            out.append(text[last:start])  # lan-|guage -> language
        elif start > 0 and end < len(text) and (text[start - 1].isalnum() and text[end].isalnum()):
            out.append(text[last:start] + "-")  # Llama-|2 -> Llama-2
        else:
            continue
        last = end
    out.append(text[last:])
    return "".join(out)


# -- LaTeX -----------------------------------------------------------------------------------

_SUPERSCRIPT = dict(zip("0123456789+-=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ", strict=True))
_SUBSCRIPT = dict(zip("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ", strict=True))
_SCRIPT_WORDS = {"\\prime": "′", "\\circ": "°", "\\top": "ᵀ", "\\ast": "*", "*": "*", "'": "′"}

_ACCENTS = {
    '"': "\u0308",
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "u": "\u0306",
    "v": "\u030c",
    "H": "\u030b",
    "c": "\u0327",
    "k": "\u0328",
    "r": "\u030a",
    "d": "\u0323",
    "b": "\u0331",
}
_LETTERS = {
    "ss": "ß",
    "o": "ø",
    "O": "Ø",
    "aa": "å",
    "AA": "Å",
    "ae": "æ",
    "AE": "Æ",
    "oe": "œ",
    "OE": "Œ",
    "l": "ł",
    "L": "Ł",
    "i": "ı",
    "j": "ȷ",
}
#: Commands whose single argument is kept as plain text.
KEEP_ARGUMENT = frozenset(
    """emph textbf textit texttt textsc textrm textsf textsl textup textmd textnormal text mbox
    underline mathrm mathbf mathit mathsf mathtt mathcal mathscr mathfrak boldsymbol bm
    operatorname url uline""".split()  # noqa: SIM905
)
#: Commands dropped together with their argument.
DROP_ARGUMENT = frozenset(
    """cite citep citet citealp citealt citeauthor citeyear parencite textcite autocite nocite ref
    eqref autoref cref Cref pageref label footnote footnotetext thanks begin end""".split()  # noqa: SIM905
)
_ESCAPED = {"%": "%", "&": "&", "_": "_", "#": "#", "$": "$", "{": "{", "}": "}", " ": " ", ",": " "}
_ESCAPED.update({";": " ", ":": " ", "!": "", "/": "", "-": "", "\\": " "})

_HINT = re.compile(r"\\[A-Za-z\"'`^~=.%&_#${}]")
_MATH = re.compile(r"(?<!\\)\$(?![\s$])((?:\\\$|[^$])*?)(?<![\s\\])\$")
_INLINE_MATH = re.compile(r"\\\((.*?)\\\)", re.S)
_ACCENT = re.compile(
    r"""\\(["'`^~=.])\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))|\\([uvHckrdb])(?:\s*\{\s*(\\?[A-Za-z])\s*\}|\s+([A-Za-z]))"""
)
_GROUPED_ACCENT = re.compile(r"\{(\\[\"'`^~=.uvHckrdb][^{}]{0,4})\}")
_COMMAND = re.compile(r"\\([A-Za-z]+)\*?")
_ARGUMENT = re.compile(r"\s*(?:\[[^\[\]{}]*\]\s*)*\{([^{}]*)\}")
_SCRIPT = re.compile(r"([\^_])\s*(?:\{([^{}]*)\}|(\\[A-Za-z]+|[^\s\\{}]))")
_CITATION = re.compile(
    r"[\s~]*\\(?:cite[a-z]*|(?:eq|auto|c|C|page)?ref|label|footnote|thanks)\*?\s*(?:\[[^\[\]{}]*\]\s*)*\{[^{}]*\}"
)
_TIE = re.compile(r"(?<=[\w.])~(?=\w)")
#: a tie before a bracket, which LaTeX sources keep even where no command is left:
#: "out-of-distribution~(OoD) inputs"
_BRACKET_TIE = re.compile(r"(?<=[A-Za-z])~(?=\()")


@lru_cache(maxsize=1)
def _symbols() -> dict[str, str]:
    """No-argument commands and the Unicode text pylatexenc gives them (``alpha`` -> ``α``)."""
    from pylatexenc.latex2text import get_default_latex_context_db

    table: dict[str, str] = {}
    for spec in get_default_latex_context_db().iter_macro_specs():
        repl = spec.simplify_repl
        if isinstance(repl, str) and "%" not in repl and repl.strip() and len(repl) <= 3:
            table[spec.macroname] = repl
    table.update({"ldots": "…", "dots": "…", "cdots": "⋯", "textasciitilde": "~", "LaTeX": "LaTeX"})
    table.update({"TeX": "TeX", "newline": " ", "quad": " ", "qquad": " ", "textbackslash": "\\"})
    table.update({k: v for k, v in _LETTERS.items()})
    table["sqrt"] = "√"  # its argument follows: \sqrt{n} -> √n
    return table


def _accent(match: re.Match[str]) -> str:
    mark = match.group(1) or match.group(4)
    letter = next(g for g in match.group(2, 3, 5, 6) if g)
    base = {"\\i": "i", "\\j": "j"}.get(letter, letter.lstrip("\\"))
    return unicodedata.normalize("NFC", base + _ACCENTS[mark])


def _script(match: re.Match[str]) -> str:
    kind, braced, single = match.groups()
    body = (braced if braced is not None else single).strip()
    table = _SUPERSCRIPT if kind == "^" else _SUBSCRIPT
    if kind == "^" and body in _SCRIPT_WORDS:
        return _SCRIPT_WORDS[body]
    plain = _commands(body) if "\\" in body or "{" in body else body
    if plain and all(c in table for c in plain):
        return "".join(table[c] for c in plain)
    return f"{kind}{plain}" if len(plain) <= 1 else f"{kind}({plain})"


_WITH_ARGUMENT = re.compile(r"\\([A-Za-z]+)\*?\s*(?:\[[^\[\]{}]*\]\s*)*\{([^{}]*)\}")
_GROUP = re.compile(r"(?<![A-Za-z*\]])\{([^{}\\]*)\}")
_MAX_PASSES = 8
_HREF = "\ufdd7"
_DOUBLE_STRUCK = dict(zip("RNZQCEP", "ℝℕℤℚℂ𝔼ℙ", strict=True))


#: a fraction whose two arguments hold no braces: \frac{1}{2}, \tfrac{n}{k}
_FRACTION = re.compile(r"\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}")


def _commands(text: str) -> str:
    """Replace commands, innermost argument first, until none is left to replace."""
    symbols = _symbols()
    if "frac" in text:  # a fraction of two plain arguments keeps its bar: \frac{1}{2} -> 1/2
        text = _FRACTION.sub(r"\1/\2", text)

    def with_argument(match: re.Match[str]) -> str:
        name, body = match.groups()
        if name in DROP_ARGUMENT:
            return ""
        if name == "href":
            return _HREF  # the link text follows as the next group
        if name in ("textcolor", "color", "colorbox"):
            return ""  # the colour name goes; the text that follows stays
        if name == "mathbb" and body.strip() in _DOUBLE_STRUCK:
            return _DOUBLE_STRUCK[body.strip()]
        return symbols.get(name, "") + body  # KEEP_ARGUMENT and unknown commands keep text

    previous = None
    for _ in range(_MAX_PASSES):  # deeper nesting than this is flattened in one go below
        if previous == text:
            break
        previous = text
        text = _WITH_ARGUMENT.sub(with_argument, text)
        text = _GROUP.sub(r"\1", text)
    text = text.replace(_HREF, "")
    return _COMMAND.sub(lambda m: symbols.get(m.group(1), ""), text)


def _math(body: str) -> str:
    body = _SCRIPT.sub(_script, body)
    return _commands(body) if "\\" in body or "{" in body else body


def _escape_placeholders(text: str) -> str:
    return re.sub(r"\\([%&_#${}])", lambda m: chr(0xFDD0 + "%&_#${}".index(m.group(1))), text)


def _restore_placeholders(text: str) -> str:
    return re.sub("[\ufdd0-\ufdd6]", lambda m: "%&_#${}"[ord(m.group()) - 0xFDD0], text)


def latex_to_text(text: str, *, always: bool = False) -> str:
    r"""Turn the LaTeX in a title or abstract into plain Unicode text (rules in the module doc).

    Text with no LaTeX command and no ``$...$`` span comes back unchanged unless ``always``
    (BibTeX fields, which are LaTeX by definition: ``{BERT}`` loses its braces).

    >>> latex_to_text(r'H$_2$O at 90$^\circ$ in Z\"urich, \emph{not} $\alpha$ \cite{x}')
    'H₂O at 90° in Zürich, not α'
    >>> latex_to_text("costs $5 and $10 for 50%")
    'costs $5 and $10 for 50%'
    """
    if not always and "\\" not in text and "$" not in text:  # a plain-text fast path
        return text
    if not (always or _HINT.search(text) or _MATH.search(text) or "\\(" in text):
        return text
    text = _escape_placeholders(text)
    text = _CITATION.sub("", text)
    text = _INLINE_MATH.sub(lambda m: _math(m.group(1)), text)
    text = _MATH.sub(lambda m: _math(m.group(1)), text)
    text = _GROUPED_ACCENT.sub(r"\1", text)
    text = re.sub(r"\\\\(?:\[[^\]]*\])?", " ", text)
    text = _ACCENT.sub(_accent, text)
    text = _TIE.sub(" ", text)
    text = re.sub(r"\\([,;:! /-])", lambda m: _ESCAPED[m.group(1)], text)
    text = _commands(text)
    text = text.replace("---", "—").replace("--", "–").replace("``", "“").replace("''", "”")
    text = text.replace("{", "").replace("}", "")
    return _restore_placeholders(text)


# -- all together ----------------------------------------------------------------------------

_SPACE = re.compile(r"\s+")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _unescape(text: str) -> str:
    for _ in range(2):
        if "&" not in text or not _ENTITY.search(text):
            break
        text = html.unescape(text)
    return text


#: a pair of TeX quotes around a short phrase
_TEX_QUOTES = re.compile(r"``([^`'\n]{1,200}?)''")
#: a footnote's number after a lower-case word's full stop, before the next sentence or the end
#: ("Bayesian neural networks.1"; not "Llama-3.1", "Sect. 2" or "Fig.1")
_FOOTNOTE_MARK = re.compile(r"(?<=[a-z][a-z][a-z][.!?])\d{1,2}(?=\s+[A-Z]|\s*\Z)")


def tidy(value: object, *, latex: bool = False) -> str:
    """Clean a title or abstract (the steps are listed in the module doc); ``None`` gives ``""``.

    A list of strings, as some corpora store an abstract sentence by sentence, is joined.
    ``latex=True`` treats the text as LaTeX even when it shows no command (BibTeX).

    >>> tidy(["First  sentence.", "Second\\u00a0sentence."])
    'First sentence. Second sentence.'
    >>> tidy("robust to out-of-distribution~(OoD) inputs, x ~ N(0, 1)")
    'robust to out-of-distribution (OoD) inputs, x ~ N(0, 1)'
    >>> tidy("We introduce the ``GraphMixer'' layer.")
    'We introduce the “GraphMixer” layer.'
    >>> tidy("It trains Bayesian neural networks.1 Code uses Llama-3.1. See Fig.1 and v2.12")
    'It trains Bayesian neural networks. Code uses Llama-3.1. See Fig.1 and v2.12'
    """
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = "\n".join(str(v) for v in value if v is not None)
    stripped = strip_invisible(str(value))
    text = dehyphenate(_unescape(stripped))
    if text is not stripped:  # entities or joins may have brought in what strip_invisible drops
        text = strip_invisible(text)
    text = latex_to_text(text, always=latex)
    if "~(" in text:
        text = _BRACKET_TIE.sub(" ", text)
    if "``" in text:  # TeX quotes in text with no other LaTeX: ``GraphMixer'' is “GraphMixer”
        text = _TEX_QUOTES.sub(r"“\1”", text)
    text = _FOOTNOTE_MARK.sub("", text)
    return " ".join(text.split())  # the same as folding \s+ to one space, but in C


def tidy_field(value: object, *, latex: bool = False) -> tuple[str, str | None]:
    """Return ``(clean, raw)``: the tidied text, and the original when tidying did more than
    fold whitespace (``None`` otherwise, so unchanged text is not stored twice).

    >>> tidy_field("Caf&eacute;  au lait")
    ('Café au lait', 'Caf&eacute;  au lait')
    >>> tidy_field("Plain  text")
    ('Plain text', None)
    """
    clean = tidy(value, latex=latex)
    if value is None:
        return clean, None
    raw = "\n".join(str(v) for v in value if v is not None) if isinstance(value, list | tuple) else str(value)
    return clean, (None if " ".join(raw.split()) == clean else raw)
