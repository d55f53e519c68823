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
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from kg.nlp.abbreviations import Piece
from kg.nlp.cues import (
    GENERIC_ACRONYMS,
    GENERIC_WORDS,
    ORGANISATIONS,
    SHARED_TASK_SERIES,
    UNITS,
    appositive_kind,
)
from kg.nlp.gazetteer import (
    ARTICLE_KINDS,
    FUNCTION_WORDS,
    ORGANISATION_WORDS,
    is_never_a_name,
    is_place_phrase,
    words_of,
)

__all__ = [
    "NOT_NAMES",
    "SIZE",
    "VARIANT_TITLE_WORDS",
    "VARIANT_WORDS",
    "called_names",
    "cued_names",
    "eponym_terms",
    "extend_name",
    "introduced_phrases",
    "is_name_shaped",
    "is_title_case",
    "other_mentions",
    "outside_spans",
    "phrase_names",
    "precision_methods",
    "repeated_mentions",
    "setting_terms",
    "shaped_names",
    "shared_task_names",
    "title_method_names",
    "title_name",
    "title_names",
    "trim_name",
    "whole_title_names",
    "without_owner",
    "word_count",
]

_SCRIPT_DIGITS = "\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089"  # S²FT, H₂O
_GREEK = "α-ωΑ-Ω"  # τ-bench, α-CLIP
_LATIN = "À-ÖØ-öø-ÿ"  # accented Latin letters: "Élan-2", "ÜberLM-7B"
_GREEK_LETTER = re.compile(f"[{_GREEK}]")
_CHUNK = re.compile(
    rf"(?<![\w$\\])[A-Za-z0-9{_LATIN}{_GREEK}][A-Za-z0-9{_LATIN}{_SCRIPT_DIGITS}.+]*"
    rf"(?:(?:-|/)[A-Za-z0-9{_LATIN}][A-Za-z0-9{_LATIN}{_SCRIPT_DIGITS}.+]*)*(?:\([a-z]+\))?"
    r"(?:@(?:\d+(?:\.\d+)?|[kKnN])(?![\w@]|\.\w))?"  # a measure at a cut-off: "Tern@5", "Recall@50."
)
#: a complexity bound, whose capitals are variables: "O(N 2 + SN log N)", "O (KN)"
#: (also Õ, and ⌦, the glyph some PDFs put for Ω: "Õ(d p H3T )", "⌦( p HdT )")
_BIG_O = re.compile(r"(?<!\w)[OΘΩÕ⌦]\s?\([^()]{1,60}\)")
#: a quantisation setting's bit widths: "W4A16", "W8A8", "W4A4KV4"
_BIT_WIDTHS = re.compile(r"W\d{1,2}A\d{1,2}(?:KV\d{1,2})?|\d{1,3}-?DoFs?|\d{1,3}-?DOFs?")
#: graphics cards and accelerator boards written as one word
_GPU = re.compile(r"(?:GTX|RTX|Titan|Tesla|Quadro|Jetson)[-]?[A-Z]?\d{2,4}\w*|Cortex-[AMR]\d{1,3}\w*")
#: a function applied to a variable, as formulas write it: logN, expX, maxK
#: a lower-case prefix word before an acronym: "short-CoT models", "non-IID data"
#: the domain of an e-mail address
_EMAIL_DOMAIN = re.compile(r"@[\w\-]+\.[A-Za-z]")
#: the total and active sizes of a mixture of experts, written alone
_MOE_SIZE = re.compile(r"\d+(?:\.\d+)?[BM]-A\d+(?:\.\d+)?[BM]")
#: a long run of letters and digits in both cases, as a link's file or document ids are written
_RANDOM_ID = re.compile(
    r"(?=[A-Za-z0-9]{20})(?=[a-z0-9]*[A-Z])(?=[A-Z0-9]*[a-z])(?=[A-Za-z]*\d)[A-Za-z0-9]{20,}"
)
#: a cut-off alone, which qualifies a measure: "an R-Precision (Top-3) of 0.83"
_TOP_K = re.compile(r"[Tt]op-?\d+")
#: a range of sizes: "evaluators in the 7B-13B range", "1B–8B models"
_SIZE_RANGE = re.compile(r"\d+(?:\.\d+)?[KMBT]?[-–]\d+(?:\.\d+)?[KMBT]")
#: experts times their size, written alone: "our 8x1.5B model" (not "Mixtral-8x7B")
_EXPERTS_SIZE = re.compile(r"\d+x\d+(?:\.\d+)?[BMK]")
#: a climate scenario: "SSP2-4.5", "SSP5-8.5", "RCP8.5"
_CLIMATE_SCENARIO = re.compile(r"SSP\d-\d\.\d|RCP\d\.\d")
#: a size and the plain word it measures, capitalised in a title: "4M-Token", "128K-Context"
_SIZED_WORD = re.compile(r"\d+(?:\.\d+)?[KkMBT]-[A-Z]?[a-z]+")
#: an author's name glued to a year, as citation keys are written: "Maddison2016"
_CITATION_KEY = re.compile(r"[A-Z][a-z]+(?:19|20)\d\d[a-z]?")
#: a short symbol with a subscript index, as a formula writes it: "KB₁", "W₂"
_INDEXED_SYMBOL = re.compile(r"[A-Za-z]{1,3}[₀-₉]+")
#: a numbered part of a competition, a study or a procedure run into its number: "Track1", "Phase2"
_NUMBERED_PART = re.compile(
    r"(?:Track|Task|Subtask|Phase|Stage|Round|Part|Step|Fold|Setting|Experiment)\d{1,2}"
)
#: symbols of a formula: no name holds them
_MATH_SYMBOL = re.compile(r"[∈∉∩∪⊂⊆⊃⊇≤≥≠≈∀∃∑∏∫→←↔⇒]")
#: a word made a modifier by the participle or adjective after its hyphen
_PARTICIPLE_SUFFIXED = re.compile(
    r"[^\W\d_][\w.]*-(?i:trained|only|based|free|aware|guided|driven|tuned|aligned|specific|centric|"
    r"style|like|enhanced|augmented|induced|generated|supervised|conditioned|powered|assisted|"
    r"inspired|agnostic|dependent|independent|friendly|ready|level|scale|regulari[sz]ed|constrained|"
    r"penali[sz]ed|weighted|annotated|label(?:l)?ed)"
)
#: a number run into the next word where a space was lost
_NUMBER_GLUED_TO_WORD = re.compile(r"\d[\d.\-]*(?:\.[A-Z][a-z]+|[xX][a-z]{3,})")
#: a plain word made a modifier by a participle of checking: "Execution-Verified", "Human-Curated"
_PLAIN_WORD_PARTICIPLE = re.compile(r"[A-Z][a-z]+-(?i:verified|filtered|curated|validated|checked|grounded)")
_PREFIXED_ACRONYM = re.compile(
    r"(?:short|long|multi|non|pre|post|cross|sub|low|high|full|single|dual|zero|few|inter|"
    r"intra|over|under|anti|mid|large|small|user|human|reverse|forward|inverse|backward)-"
    r"(?:[A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*s?|\d+(?:\.\d+)?[BMKT])"  # "sub-2B": a range of sizes
    r"|(?:Sub|Over|Under)-\d+(?:\.\d+)?[BMKT]"  # capitalised too: "Does GRPO Help Sub-1B Models Reason?"
)
#: a letter over a number: "L/5", "N/2"
_RATIO = re.compile(r"[A-Za-z]/\d+")
#: a range of Roman numerals: "Fitzpatrick skin types V-VI", "stages II-IV"
_ROMAN_RANGE = re.compile(r"[IVX]{1,4}(?:[-–/][IVX]{1,4})+")
_MATH_CALL = re.compile(r"(?:log|ln|exp|sin|cos|tan|tanh|max|min|det|diag|tr|sgn|sign)[A-Z][0-9]?")
#: five digits in a row: grant, patent and report numbers, not names
_LONG_NUMBER = re.compile(r"\d{5}")
#: a number glued to its unit of measure
_MEASURE = re.compile(
    r"\d+(?:\.\d+)?(?:dB|FPS|fps|Hz|kHz|MHz|GHz|kbps|Mbps|Gbps|[GMPT]?FLOPS|[GMPT]?FLOPs|GiB|MiB|TiB|GB|MB|TB|KB|"
    r"ms|mm|cm|km|nm|p)"
)
_NUMBERISH = re.compile(
    r"[\d.,%+\-/x×]+|\d+(?:\.\d+)?(?:st|nd|rd|th|s|k|K|M|B|T|D)?|v\d+(?:\.\d+)*"
    r"|\d+(?:\.\d+)?[MBK](?:/\d+(?:\.\d+)?[MBK])+",  # sizes listed with slashes: "8B/70B"
    re.I,
)


def is_name_shaped(text: str) -> bool:
    """Whether ``text`` looks like a proper name of an ML artefact.

    A name has a capital inside it (ImageNet, RLHF, MT-Bench), or mixes letters and digits
    (GSM8K, GPT-4, Qwen2); plain words, numbers and generic acronyms (LLMs, AI) do not.

    >>> [is_name_shaped(t) for t in ["ImageNet", "Table", "LLMs", "2024", "x2", "1.3B", "MT-Bench", "L/5"]]
    [True, False, False, False, False, False, True, False]
    >>> [is_name_shaped(t) for t in ["V-VI", "II-IV", "VI-X3"]]
    [False, False, True]
    >>> [is_name_shaped(t) for t in ["short-CoT", "non-IID", "Self-RAG", "post-LN", "dB", "sub-2B", "Sub-1B"]]
    [False, False, True, False, False, False, False]
    >>> [is_name_shaped(t) for t in ["Gallant-Bench", "Hydra-Net", "Self-Consistency", "Full-Duplex-Bench"]]
    [True, True, False, True]
    >>> [is_name_shaped(t) for t in ["Sketch-of-Thought", "Out-of-Distribution", "State-of-the-Art"]]
    [True, False, False]
    >>> [is_name_shaped(t) for t in ["Quorra-Hard", "Kestrel-Lite", "Non-Max", "Semi-Hard"]]
    [True, True, False, False]
    >>> [is_name_shaped(t) for t in ["ΠGDM", "ΠGDM-Net", "σ²", "βI", "NeurIPS2019", "ICLR'24"]]
    [True, True, False, False, False, False]
    >>> [is_name_shaped(t) for t in ["7B-13B", "0.5B–7B", "1-8B", "Qwen-7B", "GPT-4", "Top-3"]]
    [False, False, False, True, True, False]
    >>> is_name_shaped("d/1i99e682CqYWMEDXlnqkqrctGLVA9viiz/view"), is_name_shaped("Qwen2.5-Coder-32B")
    (False, True)
    >>> [is_name_shaped(t) for t in ["OS-Copilot-X", "Non-Max-Suppression", "US-EU", "Zorb-VL"]]
    [True, False, False, True]
    >>> [is_name_shaped(t) for t in ["12.5Hz", "16kHz", "100ms", "8GB", "1080p", "Zorb1080p"]]
    [False, False, False, False, False, True]
    >>> [is_name_shaped(t) for t in ["RLHF-Trained", "English-only", "LLM-based", "Zorb-Lite", "X-Annotated"]]
    [False, False, False, True, False]
    >>> is_name_shaped("Execution-Verified"), is_name_shaped("Human-Curated")
    (False, False)
    >>> [is_name_shaped(t) for t in ["0.5.Obviously", "10-20Xfaster", "3-CNF", "4M", "K2"]]
    [False, False, True, False, True]
    >>> is_name_shaped("OSWorld-Verified")  # a benchmark's verified variant
    True
    >>> [is_name_shaped(t) for t in ["pass@32", "maj@64", "user@host"]]
    [True, True, False]
    >>> [is_name_shaped(t) for t in ["code2seq", "pix2pix", "utf8", "x86", "tiny-coder-350m", "top-5"]]
    [True, True, False, False, True, False]
    >>> [is_name_shaped(t) for t in ["Maddison2016", "argmin∈S", "celebA", "vGraph", "30B-A3B"]]
    [False, False, True, True, False]
    >>> [is_name_shaped(t) for t in ["4M-Token", "128K-Context", "8B-Scale", "Zorb-8B", "ABC→D", "Cortex-M4"]]
    [False, False, False, True, False, False]
    >>> [is_name_shaped(t) for t in ["X-Ray", "Q-Former", "8x1.5B", "SSP2-4.5", "Mixtral-8x7B"]]
    [False, True, False, False, True]
    >>> [is_name_shaped(t) for t in ["Zorb-Thinking", "Zorb-Lite", "Track1", "Phase2", "Tracker1", "KB₁"]]
    [True, True, False, False, True, False]
    >>> [is_name_shaped(t) for t in ["VLA-Cache", "LLM-Pruner", "LLM-Synthesized", "NP-Hard", "LLMs-Zorb"]]
    [True, True, False, False, True]
    """
    if text in GENERIC_ACRONYMS or text in UNITS or _NUMBERISH.fullmatch(text) or "{" in text:
        return False
    if "→" in text:  # "ABC→D", "sim→real": a setting from one split or domain to another
        return False
    if text[0].isdigit() and _MEASURE.fullmatch(text):  # "12.5Hz", "16kHz", "100ms": a quantity
        return False  # braces spell a set of names ("Qwen2.5-{7,14}B"), as formulas do, not one
    if not any(c.isalpha() for c in text) or len(text) < 2:
        return False
    if text in ORGANISATIONS or (text.isupper() and len(text.rstrip("s")) < 2):
        return False
    if text[-1].isdigit() and text.rstrip("0123456789'’-") in ORGANISATIONS:
        return False  # a venue and its year: "NeurIPS2019", "ICLR'24"
    if text.isalpha() and text.isupper() and len(text) >= 8:  # an emphasised word, not an acronym
        return False
    if _MATH_CALL.fullmatch(text) or _LONG_NUMBER.search(text):  # logN; grant LM009961-01
        return False
    if _RATIO.fullmatch(text) or _ROMAN_RANGE.fullmatch(text):  # "L/5"; "skin types V-VI"
        return False
    if _PREFIXED_ACRONYM.fullmatch(text):  # "short-CoT", "non-IID", "multi-GPU": a modifier
        return False
    if _PARTICIPLE_SUFFIXED.fullmatch(text):  # "RLHF-Trained", "English-only": a modifier too
        return False
    if _PLAIN_WORD_PARTICIPLE.fullmatch(text):  # "Execution-Verified" (but "OSWorld-Verified")
        return False
    if _NUMBER_GLUED_TO_WORD.fullmatch(text):  # "to 0.5.Obviously, ...", "10-20Xfaster"
        return False
    if _NUMBERED_PART.fullmatch(text):  # "the champion of Track1": a part, no name
        return False
    if _INDEXED_SYMBOL.fullmatch(text):  # "KB₁", "W₂": a formula's symbol with its index
        return False
    if _CITATION_KEY.fullmatch(text) or _MATH_SYMBOL.search(text):  # "Maddison2016"; "argmin∈S"
        return False
    if _MOE_SIZE.fullmatch(text) or _SIZED_WORD.fullmatch(text):  # "30B-A3B"; "4M-Token", "8B-Scale"
        return False
    if _SIZE_RANGE.fullmatch(text) or _TOP_K.fullmatch(text):  # "the 7B-13B range"; "R-Precision (Top-3)"
        return False
    if _RANDOM_ID.search(text):  # a file id of a link broken by a space: "file/ d/1i99e682CqYW..."
        return False
    if _EXPERTS_SIZE.fullmatch(text) or _CLIMATE_SCENARIO.fullmatch(text):  # "8x1.5B"; "SSP2-4.5", "RCP8.5"
        return False
    if _GPU.fullmatch(text) or _BIT_WIDTHS.fullmatch(text):  # GTX1080; W4A16; 7-DoF: hardware, a setting
        return False
    if text in _LETTER_WORDS:  # X-Ray, T-Shirt: words, not a letter and a name
        return False
    if _LETTER_NAME.fullmatch(text) or _GREEK_NAME.fullmatch(text):  # G-Vendi, Q-Former, τ-bench
        return True
    if _GREEK_VERSION_NAME.fullmatch(text):  # π0-FAST-R: a version of a Greek-lettered name
        return True
    if _LOWER_AT_CUTOFF.fullmatch(text):  # "pass@32", "maj@64": a measure at a cut-off
        return True
    if _LOWER_INNER_DIGIT.fullmatch(text):  # "code2seq", "pix2pix": a name in lower case
        return True
    if _LOWER_SIZED_ID.fullmatch(text):  # "tiny-coder-350m", "mt-rm-1b": a model id in lower case
        return True
    if text[0].islower() and "-" in text and _lower_hub_id(text):  # "bge-m3", "gte-large-en-v1.5"
        return True
    if _GREEK_CAPS_NAME.fullmatch(text):  # ΠGDM, ΠGDM-Net: a Greek letter opening an acronym
        return True
    if _SUFFIXED_NAME.fullmatch(text):  # Gallant-Bench, Hydra-Net: a word and a name's suffix
        return True
    if "-" in text and (
        _OF_NAME.fullmatch(text)  # Sketch-of-Thought, Mixture-of-Agents: the "X-of-Y" method names
        or _VARIANT_SUFFIXED.fullmatch(text)  # Quorra-Hard, Falcon-Instruct: a version of a name
    ):
        return True
    if _GREEK_LETTER.match(text):  # a Greek letter opens a formula unless it opens a name above
        return False
    parts = [p for p in _PART_SEP.split(text) if p]
    named_parts = [p for p in parts if p not in GENERIC_ACRONYMS and p.rstrip("s") not in GENERIC_ACRONYMS]
    inner_capital = any(c.isupper() for part in named_parts for c in part[1:])
    has_digit = any(c.isdigit() for c in text) and text[0].isupper()
    # three or more capitalised parts, one an acronym: "OS-Copilot-X"
    joined = (
        text.count("-") >= 2
        and all(part[:1].isupper() for part in parts)
        and any(len(part) >= 2 and part.isupper() for part in parts)
        and any(len(part) >= 3 and part[1:].islower() for part in named_parts)
    )
    # a generic acronym joined to a capitalised word: "VLA-Cache", "SQL-Critic", "LLM-Pruner" (not a
    # modifier, "LLM-Synthesized", nor a class of problems, "NP-Hard")
    acronym_joined = (
        len(parts) == 2
        and parts[0].rstrip("s") in GENERIC_ACRONYMS
        and _JOINED_NAME_WORD.fullmatch(parts[1]) is not None
    )
    return inner_capital or has_digit or joined or acronym_joined


#: the capitalised word a generic acronym is joined to in a name: not a participle or adjective
_JOINED_NAME_WORD = re.compile(r"(?!(?:Hard|Complete|Parallel|Style)$)[A-Z][a-z]{2,}(?<!ed)(?<!ing)")


#: a capitalised word joined to a suffix that names ML artefacts: "Gallant-Bench", "Hydra-Net"
#: a capitalised word and variant words: "Quorra-Hard", "Falcon-Instruct", "Gorlo-Lite-Base"
_VARIANT_SUFFIXED = re.compile(
    r"(?!(?:Non|Semi|Self|Multi|Top|Real|Open|High|Low|Min|Max)-)[A-Z][a-z]{2,}"
    r"(?:-(?:Hard|Lite|Verified|Plus|Pro|Mini|Max|Ultra|Turbo|Instruct|Chat|Base|Large|XL|XXL|Thinking|Reasoning|"
    r"Rumination|Zero))+"
)
#: the "X-of-Thought" family of method names
_OF_NAME = re.compile(
    r"[A-Z][a-z]+-of-(?:Thoughts?|Draft|Table|Verification|Agents|Experts|Density|Reasoning|Tools|Code)"
)
_SUFFIXED_NAME = re.compile(r"(?:[A-Z][a-z]{2,}-){1,3}(?:Bench|Eval|Net|GPT|BERT|QA|Gym|Arena|Coder|LLM|VLM)")


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
        "xsmall",
        "xlarge",
        "xxlarge",
        "multi",
        "multilingual",
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
        "thinking",
        "reasoning",
        "rumination",
        "zero",
    ]
)


def trim_name(text: str) -> str:
    """Drop trailing hyphen parts that are not part of the name: lower-case words, and a
    title's capitalised modifier ("SAM-Based", "OCR-Free").

    >>> trim_name("LoRA-based"), trim_name("BERT-base"), trim_name("API-protected")
    ('LoRA', 'BERT-base', 'API')
    >>> trim_name("SAM-Based"), trim_name("NeRF-Free"), trim_name("Quorra-Hard")
    ('SAM', 'NeRF', 'Quorra-Hard')
    >>> trim_name("VSI-bench"), trim_name("Video-R1-260k"), trim_name("Zorb-guided")
    ('VSI-bench', 'Video-R1-260k', 'Zorb')
    >>> trim_name("xLAM-7b-fc-r"), trim_name("Zorb-8B-tuned"), trim_name("EQGAT-diff")
    ('xLAM-7b-fc-r', 'Zorb-8B', 'EQGAT-diff')
    >>> trim_name("VAR-d30"), trim_name("Zorb-v2")
    ('VAR-d30', 'Zorb-v2')
    """
    if _GREEK_NAME.fullmatch(text):  # "τ-bench": the letter alone is no name
        return text
    parts = text.split("-")
    while len(parts) > 1 and (
        (
            parts[-1].islower()
            and parts[-1] not in VARIANT_WORDS
            and not _NAME_SUFFIX.fullmatch(parts[-1])
            and not _checkpoint_tag(parts)
        )
        or parts[-1] in _TITLE_MODIFIERS
    ):
        parts.pop()
    return "-".join(parts)


def _checkpoint_tag(parts: list[str]) -> bool:
    """Whether the last of ``parts`` is a short tag a checkpoint's id carries after its size
    ("xLAM-7b-fc-r": function calling, research): one or two letters, past a size part.

    >>> _checkpoint_tag("xLAM-7b-fc-r".split("-")), _checkpoint_tag("Zorb-8B-ish".split("-"))
    (True, False)
    """
    tag = parts[-1]
    if len(tag) > 2 or not tag.isalpha() or tag in _SHORT_WORDS:
        return False
    return any(_SIZE_PART.fullmatch(part) for part in parts[1:-1])


#: a model's size as a hyphen part: "7b", "8B", "1.5B", "350m"
_SIZE_PART = re.compile(r"\d+(?:\.\d+)?[bBmM]")
#: two-letter words that end a compound as an ordinary word, not a checkpoint's tag
_SHORT_WORDS = frozenset({"to", "of", "in", "on", "or", "as", "at", "by", "is", "be", "up"})


#: lower-case hyphen parts that end a name: a benchmark's suffix ("VSI-bench", "MT-bench"), a
#: diffusion variant's ("EQGAT-diff"), a count or size ("Video-R1-260k", "llama-7b") and a
#: depth or version tag of a letter or two and a number ("VAR-d30", "Zorb-v2")
_NAME_SUFFIX = re.compile(r"bench|eval|arena|gym|diff|\d+(?:\.\d+)?[kmb]|[a-z]{1,2}\d+(?:\.\d+)?[kmb]?")


#: Capitalised hyphen parts that make a title's name a modifier: "SAM-Based", "CLIP-Aware"
_TITLE_MODIFIERS = words_of(
    """Based Free Aware Guided Driven Agnostic Specific Style Like Inspired Centric Oriented
    Enabled Powered Friendly Conditioned"""
)


def shaped_names(text: str, start: int = 0, end: int | None = None) -> list[Piece]:
    r"""Every name-shaped run of characters in ``text[start:end]``, with its offsets.

    Runs of upper-case words ("NATURAL INSTRUCTIONS") come out whole as well as word by word;
    the assembler keeps the longest.

    >>> [p.text for p in shaped_names("we introduce NATURAL INSTRUCTIONS, a dataset")]
    ['NATURAL INSTRUCTIONS', 'NATURAL']
    >>> [p.text for p in shaped_names("FooNet is released under CC BY-NC 4.0 and GPL-3.0 (CC BY 4.0).")]
    ['FooNet']
    >>> [p.text for p in shaped_names("It fills [MASK] before <EOS> with BERT.")]
    ['BERT']
    >>> [p.text for p in shaped_names("Mail eak5rf@virginia.edu on Recall@50 too.")]
    ['Recall@50']
    >>> [p.text for p in shaped_names("It keeps MRR@10 and Tern@1000. Then")]
    ['MRR@10', 'Tern@1000']
    >>> [p.text for p in shaped_names("On CALVIN (ABC to D split) and LIBERO.")]
    ['CALVIN', 'LIBERO']
    >>> [p.text for p in shaped_names("On the CALVIN ABC→D split it wins.")]
    ['CALVIN']
    >>> [p.text for p in shaped_names("On the CALVIN ABC-D split it wins; Z500 errors drop.")]
    ['CALVIN']
    >>> [p.text for p in shaped_names("On the CALVIN ABC-to-D split it wins.")]
    ['CALVIN']
    >>> [p.text for p in shaped_names("ZorbVec: DEEP NEURAL TOPIC MODELS\n\nZorbVec beats LDA.")]
    ['ZorbVec', 'ZorbVec', 'LDA']
    >>> [p.text for p in shaped_names("We test on CIFAR-10 (CI- FAR10) too.")]
    ['CIFAR-10']
    >>> [p.text for p in shaped_names("We compare PPO- and GRPO-tuned models.")]
    ['PPO', 'GRPO']
    >>> [p.text for p in shaped_names("The generator is L-Lipschitz, unlike StyleGAN.")]
    ['StyleGAN']
    >>> [p.text for p in shaped_names("Unlike Wave-U-Net (Stoller et al., 2018), it uses Q-Former.")]
    ['Wave-U-Net', 'Q-Former']
    >>> [p.text for p in shaped_names("Funded by NIH #1R01 and NSF #IIS-1302448 for BERT.")]
    ['BERT']
    """
    stop = len(text) if end is None else end
    found = [
        Piece(m.group(0), m.start(), m.end())
        for m in _CAPS_RUN.finditer(text, start, stop)
        if _is_caps_name(m.group(0)) and not text.startswith(("→", "->"), m.end())  # "CALVIN ABC→D"
    ]
    headings = _caps_headings(text, start, stop)
    title_end = text.find("\n\n")
    colon = text.find(": ", 0, max(title_end, 0)) + 2 if title_end > 0 else 0
    if title_end > 0 and _upper_case_title(text[:title_end]):
        # an upper-case title is a heading: its names come back in the abstract
        found = [p for p in found if p.start >= title_end]
        headings.insert(0, (0, title_end))
    elif colon >= 2 and _upper_case_title(text[colon:title_end]):
        # so is its part after a colon ("textTOvec: DEEP CONTEXTUALIZED NEURAL ...")
        found = [p for p in found if not colon <= p.start < title_end]
        headings.insert(0, (colon, title_end))
    # spans whose letters are no names: formulas ("O(N^2)") and licences ("CC BY 4.0", "GPL-3.0")
    has_bound = "O" in text or "Õ" in text or "Ω" in text or "Θ" in text or "⌦" in text
    unnamed = [(m.start(), m.end()) for m in _BIG_O.finditer(text, start, stop)] if has_bound else []
    if "CC" in text or "GPL" in text or "Apache" in text or "ODC" in text or "BSD" in text:
        unnamed += [(m.start(), m.end()) for m in _LICENCE.finditer(text, start, stop)]
    if (
        " to " in text or "→" in text or "->" in text or "split" in text
    ):  # "CALVIN (ABC to D split)", "ABC→D split"
        splits = [(m.start(), m.end()) for m in _SPLIT_TO_SPLIT.finditer(text, start, stop)]
        unnamed += splits
        # "CALVIN ABC-D": a benchmark and its split setting, read as one upper-case run
        found = [
            p for p in found if not any(p.start < s_end and s_start < p.end for s_start, s_end in splits)
        ]
    unnamed.sort()
    broken_at = -1
    for word_start, word_end in nameish_words(text, start, stop):
        if headings and not outside_spans(headings, word_start):
            continue  # a word of an upper-case heading is not an acronym
        if (
            text.startswith("- ", word_end - 1)
            and word_end - 2 >= 0
            and text[word_end - 2].isalnum()
            and not _SUSPENDED_HYPHEN.match(text, word_end + 1)  # "PPO- and GRPO-tuned"
        ):
            broken_at = word_end + 1  # "(CI- FAR10)": a word broken at a line's end, both halves
            continue
        if word_start == broken_at:
            continue
        if unnamed and not (outside_spans(unnamed, word_start) and outside_spans(unnamed, word_start + 1)):
            continue  # "O(N^2 + SN log N)", "(CC BY-SA 4.0)": a formula's letters, a licence
        if text.find("://", word_start, word_end) >= 0 or text.startswith("www.", word_start):
            continue  # a web address: its path and query are not names
        if _NUMBER_SIGN.match(text, word_start) or (word_start and _NUMBER_SIGN.match(text, word_start - 1)):
            continue  # a grant's or an issue's number: "Health #1R01", "#N00014-17" (not "#HashtagWars")
        if "@" in text[word_start:word_end] and _EMAIL_DOMAIN.search(text, word_start, word_end):
            continue  # an e-mail address ("eak5rf@virginia.edu"); "Recall@50." is a measure
        for match in _CHUNK.finditer(text, word_start, word_end):
            found.extend(p for p in _chunk_names(text, match) if not _cited_author(text, p))
    found.extend(p for p in repeated_shouted_names(text, start, stop) if outside_spans(headings, p.start))
    return [
        part
        for p in found
        if not _state_code(text, p)
        and not _GLUED_SUFFIX.fullmatch(p.text)  # "MNLIbased": one token, no name of its own
        and not _PROPERTY_OF_CONSTANT.fullmatch(p.text)
        and not _PRESSURE_LEVEL_VARIABLE.fullmatch(p.text)
        and not _spelled_for_an_acronym(text, p.text)
        # a language, spoken or programmed: "chiShona", "isiZulu", "TypeScript"
        and not is_never_a_name(_NOUN_CLASS_PREFIX.sub("", p.text))
        for part in _plus_joined(p)
    ]


def repeated_shouted_names(text: str, start: int = 0, end: int | None = None) -> list[Piece]:
    """Upper-case words of eight letters or more that the text writes twice or more among
    lower-case words: a name set in capitals ("We present CROSSGRAD, a method ... CROSSGRAD
    does not need"), where one such word alone is an emphasised word or a heading.

    >>> text = "We present CROSSGRAD, a method. It is IMPORTANT that CROSSGRAD needs no labels."
    >>> [p.text for p in repeated_shouted_names(text)]
    ['CROSSGRAD', 'CROSSGRAD']

    Words of an adjective's, an adverb's or a verb's ending are emphasis, however often:

    >>> [p.text for p in repeated_shouted_names("a SYMMETRIC pad; the SYMMETRIC pad")]
    []
    """
    stop = len(text) if end is None else end
    if _LONG_CAPS_WORD.search(text, start, stop) is None:
        return []
    words = [
        m
        for m in _LONG_CAPS_WORD.finditer(text, start, stop)
        if not _EMPHASIS_ENDING.search(m.group(0))
        and not _CAPS_BESIDE.search(text, max(0, m.start() - 6), m.start())
        and not _CAPS_AFTER.match(text, m.end())
    ]
    counts = Counter(m.group(0) for m in words)
    return [Piece(m.group(0), m.start(), m.end()) for m in words if counts[m.group(0)] > 1]


#: an upper-case word of eight letters or more, standing alone
_LONG_CAPS_WORD = re.compile(r"(?<![\w\-])[A-Z]{8,}(?![\w\-])")
#: endings of adjectives, adverbs, verb forms and abstract nouns: "SYMMETRIC", "CAREFULLY"
_EMPHASIS_ENDING = re.compile(r"(?:IC|AL|IVE|OUS|ABLE|IBLE|ING|ED|LY|TION|MENT|NESS|ITY)$")
#: another upper-case word just before or after: a heading or a shouted phrase
_CAPS_BESIDE = re.compile(r"[A-Z]{3,}\W*$")
_CAPS_AFTER = re.compile(r"\W{0,3}[A-Z]{3,}")


#: an acronym and a modifier suffix run together where a PDF lost the hyphen: "MNLIbased"
#: the words that turn a name into a modifier after a hyphen: "CheXbert-based", "GPT-style"
_MODIFIER_WORDS = (
    "based|style|like|type|typed|driven|guided|aware|free|specific|level|wise|agnostic|inspired|activated|"
    "domain|consistent|optimal|complete|completeness|related|oriented|enabled|powered|centric|friendly|"
    "family"
)
_GLUED_SUFFIX = re.compile(rf"([A-Z][A-Z0-9]+)(?:{_MODIFIER_WORDS})")


def _spelled_for_an_acronym(text: str, word: str) -> bool:
    """Whether ``word`` is a plain word with its second letter raised to spell an acronym out,
    as the text writes it in lower case elsewhere: "Fast nEural Network" (SAFENet).

    >>> text = "a Secure, Accurate and Fast nEural Network (SAFENet) for neural inference"
    >>> _spelled_for_an_acronym(text, "nEural"), _spelled_for_an_acronym("dSprites and sprites", "dSprites")
    (True, False)
    """
    return _RAISED_SECOND_LETTER.fullmatch(word) is not None and (
        re.search(rf"(?<![\w\-]){word.lower()}(?![\w\-])", text) is not None
    )


#: a lower-case word whose second letter alone is a capital: "nEural", "nEtwork"
_RAISED_SECOND_LETTER = re.compile(r"[a-z][A-Z][a-z]{3,}")


#: the noun-class prefix a Bantu language's name may carry: "chiShona", "isiZulu", "kiSwahili"
_NOUN_CLASS_PREFIX = re.compile(r"^(?:chi|isi|ki|lu|se|si)(?=[A-Z])")
#: a property with its constant, no name: "L-Lipschitz", "K-Lipschitz"
_PROPERTY_OF_CONSTANT = re.compile(r"[A-Za-z]{1,2}-Lipschitz")


#: what follows a hyphen whose word is left open on purpose: "PPO- and GRPO-tuned", "pre- or post-"
_SUSPENDED_HYPHEN = re.compile(r"(?:and|or|nor|to|versus|vs\.?)\b")
#: a setting from some splits or domains to another, named by letters: "ABC to D split", "(A to B)"
_SPLIT_TO_SPLIT = re.compile(
    r"\b[A-Z]{1,4}(?:\s+to\s+|\s*(?:→|->)\s*)[A-Z]{1,4}(?=\s*(?:splits?\b|settings?\b|setup\b|transfer\b|\)))"
    r"|\b[A-Z]{1,4}-(?:to-)?[A-Z]{1,4}(?=\s+splits?\b)"  # "the CALVIN ABC-D split", "ABC-to-D split"
)
#: a weather variable at a pressure level: "Z500", "T850", "Q700"
_PRESSURE_LEVEL_VARIABLE = re.compile(r"[ZTUVQ](?:50|100|200|250|300|500|700|850|925|1000)")


def _plus_joined(piece: Piece) -> list[Piece]:
    """The names a "+" joins in ``piece`` when each is name-shaped ("DDPG+HER" is DDPG and
    HER, a combination), else ``piece`` itself ("Flush+Reload", "HumanEval+").

    >>> [p.text for p in _plus_joined(Piece("DDPG+HER", 0, 8))], _plus_joined(Piece("C++", 0, 3))[0].text
    (['DDPG', 'HER'], 'C++')
    """
    parts = piece.text.split("+")
    if len(parts) < 2 or not all(parts) or not all(is_name_shaped(part) for part in parts):
        return [piece]
    out, at = [], piece.start
    for part in parts:
        out.append(Piece(part, at, at + len(part)))
        at += len(part) + 1
    return out


#: the two-letter codes of US states, written after a city in an affiliation ("Evanston, IL")
_US_STATES = words_of(
    """AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH
    NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"""
)
_CITY_BEFORE = re.compile(r"[A-Z][a-z]+,\s*$")


def _state_code(text: str, piece: Piece) -> bool:
    """Whether ``piece`` is a state code after a city: "Evanston, IL, USA".

    >>> text = "Northwestern University, Evanston, IL, USA. We use IL and RL."
    >>> [_state_code(text, Piece("IL", at, at + 2)) for at in (35, 51)]
    [True, False]
    """
    return (
        piece.text in _US_STATES
        and _CITY_BEFORE.search(text, max(0, piece.start - 30), piece.start) is not None
    )


#: Creative Commons, GNU, Apache and open-data licences: "CC BY 4.0", "CC BY-NC-SA", "CC0",
#: "GPL-3.0", "AGPLv3", "Apache-2.0", "ODC-By"
_LICENCE = re.compile(
    r"\bCC(?:0|[- ]BY(?:[- ](?:SA|NC|ND))*(?:[- ]\d\.\d)?)(?![\w])"
    r"|\b(?:A|L)?GPL(?:[- ]?v?\d(?:\.\d)?)?(?![\w])"
    r"|\bApache[- ]2\.0(?![\w])|\bODC[- ](?:By|BY|ODbL)(?![\w])|\bBSD[- ]\d(?:-Clause)?(?![\w])"
)


def _upper_case_title(title: str) -> bool:
    """Whether ``title`` is written all in capitals, three words or more (a short one such as
    "MMLU" or "SAM 2" is a name, not a heading).

    >>> _upper_case_title("ATTACK GRAPH CONVOLUTIONAL NETWORKS"), _upper_case_title("SAM 2")
    (True, False)
    """
    return len(title.split()) >= 3 and not any(c.islower() for c in title)


def _cited_author(text: str, piece: Piece) -> bool:
    """Whether ``piece`` is an author's name in a citation: no digit in it, and "et al.", a
    year or a co-author and a year after it ("LeCun et al.", "LeCun (1998)", "LeCun, 1998").

    >>> text = "CNNs (LeCun et al., 1998) and GPT-4 (2023)."
    >>> [_cited_author(text, Piece(w, text.index(w), text.index(w) + len(w))) for w in ("LeCun", "GPT-4")]
    [True, False]
    """
    return not any(c.isdigit() for c in piece.text) and _AUTHOR_AFTER.match(text, piece.end) is not None


#: what follows an author's name in a citation: "LeCun et al.", "LeCun, 1998", "LeCun (1998)"
_AUTHOR_AFTER = re.compile(
    r"(?:\s+et\s+al\b|,\s*(?:19|20)\d\d\b|\s+\((?:19|20)\d\d[a-z]?\)|\s+(?:and|&)\s+[A-Z][\w'\-]+,?\s+\(?(?:19|20)\d\d)"
)


#: three or more upper-case words in a row
_CAPS_STRETCH = re.compile(r"[A-Z](?<![\w\-][A-Z])[A-Z0-9\-]*(?:[ ,:]+[A-Z][A-Z0-9\-]*\b){2,}")


def _caps_headings(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """Where ``text`` has an upper-case heading: three or more upper-case words in a row, one
    of them a connector ("ANALYSIS OF LAYER RESPONSES", "SQUARE LOSS VS CROSS-ENTROPY").

    >>> text = "4 RELATED FINDINGS AND TAKEAWAYS We use BERT, GPT AND T5."
    >>> [text[s:e] for s, e in _caps_headings(text, 0, len(text))]
    ['RELATED FINDINGS AND TAKEAWAYS']
    """
    spans = []
    for match in _CAPS_STRETCH.finditer(text, start, stop):
        words = re.split(r"[ ,:]+", match.group(0))
        connectors = [w for w in words if _caps_connector(w)]
        if connectors and len(words) - len(connectors) >= 2 and "," not in match.group(0):
            spans.append(match.span())
    return spans


def nameish_words(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    r"""``(start, end)`` of each space-delimited word in ``text[start:end]`` that holds a digit
    or a capital after its first character, the only words that can be name-shaped.

    What ``re.finditer(r"(?<!\S)\S*?(?:\S[A-Z]|\d)\S*", ...)`` finds, found faster: a regex
    looks for the capitals and digits alone (skipping lower-case text in C), and each is
    widened to its word.

    >>> text = "We tune GPT-4 and LLaMA on a benchmark."
    >>> [text[s:e] for s, e in nameish_words(text)]
    ['GPT-4', 'LLaMA']
    """
    stop = len(text) if end is None else end
    words = []
    done = start
    for trigger in _NAMEISH_TRIGGER.finditer(text, start, stop):
        at = trigger.start()
        opens_word = at == 0 or text[at - 1].isspace()
        first = trigger.group(0)
        if at < done or (opens_word and not first.isdigit() and not _GREEK_LETTER.match(first)):
            continue  # inside a word already taken, or a capital that opens its word
        first = at
        while first > 0 and not text[first - 1].isspace():
            first -= 1
        last = _NON_SPACE.match(text, at, stop).end()
        done = last
        if first >= start:  # a word cut by ``start`` is not one of ours
            words.append((first, last))
    return words


def _chunk_names(text: str, match: re.Match[str]) -> list[Piece]:
    """The names in one word-like chunk ("CLIP/LMM" holds two)."""
    raw = match.group(0)
    if not _MAYBE_NAME.search(raw) or text.startswith("://", match.end()):
        return []
    if _DOMAIN.search(raw) and not _DIGIT_NAME.match(raw):  # "example.org", "2nd"; not "3DMatch"
        return []
    if text.startswith("(", match.end()) and _GROUP_AFTER.match(text, match.end()):  # "SE(3)", "SO(3)"
        return []
    if text[match.start() - 1 : match.start()] in ("'", "’") and _GLUED_POSSESSIVE.match(raw):
        return []  # "OpenAI’sGymand": a possessive run into the next word, no name
    if text[match.start() - 1 : match.start()] in ("[", "<") and text[match.end() : match.end() + 1] in (
        "]",
        ">",
    ):
        return []  # "[MASK]", "<EOS>": a special token of a vocabulary
    found = []
    offset = match.start()
    for part in _split_slashes(raw):
        stem = part.rstrip(".+")
        # (a hub id is whole with its lower-case parts: "bge-m3", "gte-large-en-v1.5")
        trimmed = _hub_id_stem(stem) or trim_name(stem).rstrip(".+")
        if trimmed == stem and part.rstrip(".") != stem:  # "GPS++", "Uni-Mol+": the pluses are the name's
            trimmed = part.rstrip(".")
        if (
            is_name_shaped(trimmed)
            and not _shouted_word(text, trimmed)
            and not _GLUED_WORD.match(trimmed)  # "fromWikipedia": text that lost a space
        ):
            found.append(Piece(trimmed, offset, offset + len(trimmed)))
        offset += len(part) + 1
    return found


#: a number after its sign: "#1R01", "#IIS-1302448", "#N00014-17-1-2091"
_NUMBER_SIGN = re.compile(r"#(?:\d|[A-Z]{1,4}-?\d{3,})")


#: A function word run into the capitalised word after it when a PDF lost the space
_GLUED_WORD = re.compile(
    r"(from|to|of|in|on|and|for|with|the|at|into|onto|over|via|across|between|that|this|than|these|those|"
    r"using|which|where)[A-Z]"
)
#: What follows the apostrophe of a possessive run into the word after it ("’sGymand"): no
#: name has a letter right after its "'s"
_GLUED_POSSESSIVE = re.compile(r"s[A-Za-z]")


def _shouted_word(text: str, word: str) -> bool:
    """Whether ``word`` is an English word written in capitals (a heading's "PATTERN"): five
    letters or more, all upper case, and also written in lower case in ``text``.

    >>> _shouted_word("A PATTERN matcher finds each pattern.", "PATTERN")
    True
    >>> _shouted_word("SQuAD and GLUE and MNIST: we train on MNIST.", "MNIST")
    False
    """
    if len(word) < 5 or not (word.isalpha() and word.isupper()):
        return False
    return _lower_case_word(text, word.lower())


_PART_SEP = re.compile(r"[-/]")
_CAPS_SEP = re.compile(r"[ -]")
_NAME_SLASH = re.compile(r"/(?!\d)")
_WORD_SEP = re.compile(r"[\s-]+")
_MAYBE_NAME = re.compile(rf".[A-Z]|\d|^[{_GREEK}]")
#: a letter joined to a capitalised word ("G-Vendi", "Q-Former"), also after a capitalised
#: word that makes a variant of it ("Wave-U-Net", "Res-U-Net"; not "Non-U-Net")
_LETTER_NAME = re.compile(
    r"(?:(?!(?:Non|Semi|Self|Multi|Pre|Post|Anti|Sub|Super|Over|Under)-)[A-Z][a-z]{1,}-)?[A-Z]-[A-Z][a-z]{2,}\w*"
)
#: English words made of a letter and a word, which the shape of a letter name takes in
_LETTER_WORDS = frozenset(["X-Ray", "X-Rays", "T-Shirt", "T-Shirts", "U-Turn", "E-Mail", "E-Mails"])
#: a Greek letter before a hyphen and a capitalised word or "bench": "α-CLIP", "τ-bench" (not
#: "σ0", "σ²" or "βI", formulas, nor "ε-greedy", a plain term)
_GREEK_CAPS_NAME = re.compile(rf"[{_GREEK}][A-Z]{{2,}}[\w\-]*")
_GREEK_NAME = re.compile(rf"[{_GREEK}]-(?:[a-z]*[A-Z][\w\-]*|bench)")
#: a model's id in lower case, ending on its size in parameters
_LOWER_SIZED_ID = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*-\d+(?:\.\d+)?[bm]")
#: a lower-case measure at a cut-off: "pass@32", "maj@64", "hit@10"
_LOWER_AT_CUTOFF = re.compile(r"[a-z]{2,12}@(?:\d+|[kn])")
#: a Greek letter with a version, then a hyphen and a capitalised word: "π0-FAST-R", "π0.5-Lite"
_GREEK_VERSION_NAME = re.compile(rf"[{_GREEK}]\d+(?:\.\d+)?-[A-Z][\w\-]*")
_NAMEISH_TRIGGER = re.compile(rf"[\dA-Z{_GREEK}]")
_NON_SPACE = re.compile(r"\S*")
# Patterns below open with the character class and check what precedes it afterwards
# ("[A-Z](?<!\w[A-Z])" rather than "\b[A-Z]"): the regex engine can then skip ahead to the
# next capital instead of trying every position.
_CAPS_RUN = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z0-9]+(?:[ -][A-Z][A-Z0-9]+){1,3}(?:-[A-Z0-9]+)?\b")


def _is_caps_name(run: str) -> bool:
    """Whether an upper-case run names something ("NATURAL INSTRUCTIONS"), not a heading
    ("ANALYSIS OF LAYER RESPONSES", "KNOWLEDGE DISTILLATION VIA LEARNING").

    >>> _is_caps_name("NATURAL INSTRUCTIONS"), _is_caps_name("ANALYSIS OF LAYER RESPONSES")
    (True, False)
    >>> _is_caps_name("NVIDIA A100")  # a company's product
    False
    """
    words = _CAPS_SEP.split(run)
    return (
        any(len(w) >= 5 for w in words)
        and not any(w.rstrip("s") in GENERIC_ACRONYMS or w in ORGANISATIONS for w in words)
        and not any(_caps_connector(w) for w in words)
    )


#: words that join a heading's upper-case words but never a name's
_CAPS_CONNECTORS = frozenset(["vs", "versus", "via", "of", "to", "the", "an", "towards", "using"])


def _caps_connector(word: str) -> bool:
    """Whether an upper-case ``word`` joins a heading ("OF", "VS", "WITH")."""
    return word.title() in FUNCTION_WORDS or word.lower() in _CAPS_CONNECTORS


#: the dimension of a symmetry group right after its letters: "SE(3)", "E(n)"
_GROUP_AFTER = re.compile(r"\((?:\d|n)\)")
_DOMAIN = re.compile(r"[A-Za-z]\.[A-Za-z]|^\d+[A-Za-z]{2,}")
#: a name that opens on a number: mixed case with five letters or more ("2WikiMultihopQA",
#: "3DMatch"; not "4KHz" or "10TFLOPS") or a 2D/3D/4D acronym ("3DPW", "3DGS")
_DIGIT_NAME = re.compile(r"\d+(?=[A-Za-z]{5})[A-Z][a-z]*[A-Z]\w*[a-z]|[234]D[A-Z]{2,}\b")


def _split_slashes(chunk: str) -> list[str]:
    """Split "CLIP/LMM" in two, but keep "ViT-B/16" (a slash before digits) whole."""
    return _NAME_SLASH.split(chunk)


#: emoji and pictographs that decorate a title ("🚀 Name: ..."), never part of the name
_EMOJI = "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f"
_TITLE = re.compile(rf"\s*(?:[{_EMOJI}]+\s*)?([^:]{{2,60}}?)\s*:\s+\S")
_CAPITALISED = re.compile(r"[A-Z][\w'\-]*")
#: the kind of document a title's head may end with, which is not part of the name
_REPORT = re.compile(r"\s+(?:Tech(?:nical)?\s+Report|System\s+Card|Report)$")
#: the kinds of a journal's pieces, which head their titles: "Panel: Computational Linguistics in ..."
_HEADINGS = words_of(
    """Panel Erratum Errata Corrigendum Retraction Obituary Preface Foreword Editorial Introduction
    Commentary Perspective Perspectives Reply Response Rejoinder Announcement Keynote Tutorial Overview"""
)
#: a verb that announces a title's name: "Introducing Orbis-1: ...", "Meet Zorb: ..."
_ANNOUNCING = re.compile(r"(?:Introducing|Presenting|Announcing|Meet)\s+")
#: a title that is a report on a named release and nothing more
_REPORT_TITLE = re.compile(r"\s*([^:]{2,60}?)\s+(?:Tech(?:nical)?\s+Report|System\s+Card)\s*")
#: a lower-case version after a name: "Kimi k1.5", "Foo v2"
_VERSION_WORD = re.compile(r"[a-z]\d+(?:\.\d+)*")


def title_name(title: str, abstract: str = "") -> Piece | None:
    """The name a "Name: description" title introduces, if it has one.

    The head must be one to three words, each capitalised or name-shaped, and must not
    open like a sentence ("The ...", "Towards ...", "Rethinking ..."); a head of several
    plain capitalised words must recur in the ``abstract`` or end with a noun that names an
    artefact ("Deliberation Networks", "Neumann Optimizer", "Thermometer Encoding") or a way
    of doing something ("Budgeted Training", "Spectral Quantization").

    >>> title_name("Prismatic Synthesis: Data Diversification", "We propose Prismatic Synthesis.").text
    'Prismatic Synthesis'
    >>> title_name("The Imitation Game: Turing Machine Imitator") is None
    True
    >>> title_name("Towards Kestrel: A Generalist Agent", "We build an agent. Then Kestrel acts.").text
    'Kestrel'
    >>> title_name("Towards Robustness: A Study", "We study robustness of models.") is None
    True
    >>> title_name("BERT's Attention Heads: What They Track") is None
    True
    >>> title_name("Thinking Beyond Tokens: From Brain to Cognition") is None
    True
    >>> title_name("Routing Networks: Adaptive Selection", "we introduce the routing network paradigm").text
    'Routing Networks'

    >>> title_name("Deliberation Networks: Sequence Generation Beyond One-Pass Decoding").text
    'Deliberation Networks'
    >>> title_name("Budgeted Training: Rethinking Training Under Constraints").text
    'Budgeted Training'
    >>> title_name("Zorbic Pooling: Permutation-Invariant Functions").text
    'Zorbic Pooling'
    >>> title_name("Side-Tuning: Network Adaptation", "We propose an alternative: Side-Tuning.").text
    'Side-Tuning'
    >>> title_name("Learning-Rate: A Study", "We study learning rates.") is None
    True
    >>> title_name("Mamba-2 Meets RLHF: Scaling Laws for Reward Models") is None
    True
    >>> title_name("SASRec Revisited: Cross-Entropy Closes the Gap") is None
    True
    >>> title_name("FooNet-3B versus Pythia: Who Memorizes Less?") is None
    True
    >>> title_name("🚀 LongMemEval-Pro: Benchmarking Chat Assistants").text
    'LongMemEval-Pro'
    >>> title_name("Kimi k1.5: Scaling Reinforcement Learning with LLMs").text
    'Kimi k1.5'
    >>> title_name("Phi-4-Mini Technical Report: Compact yet Powerful Models").text
    'Phi-4-Mini'
    >>> title_name("MiMo-VL Technical Report").text, title_name("A Technical Report") is None
    ('MiMo-VL', True)
    >>> title_name("Introducing Orbis-1: An Open Earth Observation Model").text
    'Orbis-1'
    >>> title_name("Squibs: On Paraphrase and Coreference"), title_name("Panel: Linguistics in India")
    (None, None)
    >>> title_name("Lean Copilot 2: Retrieval-Augmented Theorem Proving").text
    'Lean Copilot 2'
    >>> title_name("Part 2: Scaling the Data") is None
    True
    >>> title_name("s1: Simple Test-Time Scaling", "Our model, s1, wins.").text
    's1'
    >>> title_name("v2: Notes", "More notes.") is None
    True
    >>> title_name("π0: A Flow Model for Robot Control", "We train π0 on robots.").text
    'π0'
    >>> title_name("wav2vec 2.0: Speech Representations", "Here wav2vec 2.0 masks speech.").text
    'wav2vec 2.0'
    >>> title_name("lookback: Cache Eviction", "We present lookback, an eviction policy.").text
    'lookback'
    >>> title_name("survey: Cache Eviction", "We survey eviction policies.") is None
    True
    >>> title_name("uniblock: Corpus Filtering", "We introduce a method, uniblock, to score text.").text
    'uniblock'
    >>> title_name("survey: Cache Eviction", "We introduce a survey of eviction policies.") is None
    True
    >>> title_name("Exponential Zorb Word Embeddings: An Iterative Approach").text
    'Exponential Zorb Word Embeddings'
    >>> title_name("Notes on Word Embeddings: An Iterative Approach") is None
    True
    >>> title_name("Video Large Language Models: A Survey of Architectures") is None
    True
    """
    # "Phi-4-Mini Technical Report: ...", or a title that is only the report: "MiMo-VL Technical Report"
    match = _TITLE.match(title) or _REPORT_TITLE.fullmatch(title)
    if not match:
        return None
    head = _REPORT.sub("", match.group(1).strip())
    head_start = match.start(1)
    # "RAFT (Retrieval-Augmented Fine-Tuning): ...": the long form in brackets is the name's own
    bracket = _BRACKET_END.search(head)
    if bracket is not None and bracket.start() > 0 and not head.split(" ", 1)[0].endswith("ing"):
        head = head[: bracket.start()]  # (not "Finding ReMO (Related Memory Object): ...")
    # "Introducing Orbis-1: ...": the verb announces the name and is no part of it
    announced = _ANNOUNCING.match(head)
    if announced is not None and announced.end() < len(head):
        head, head_start = head[announced.end() :], head_start + announced.end()
    if "'s " in head or "’s " in head:
        return None  # "BERT's Attention Heads: ...": a study of what a known thing has
    words = head.split()
    if len(words) == 1 and (head in NOT_NAMES or head in _HEADINGS):
        return None  # a journal's section heading: "Squibs: On Paraphrase and Coreference"
    first = words[0].lower()
    if (
        first in ("towards", "toward")
        and len(words) == 2
        and (is_name_shaped(words[1]) or re.search(rf"(?<!\. ){re.escape(words[1])}\b", abstract[1:]))
    ):
        # "Towards Kestrel: A Generalist Agent": the name the paper works towards, when the
        # abstract writes it as a name (not "Towards Robustness: ...")
        head, head_start = words[1], head_start + len(head) - len(words[1])
        words, first = [head], head.lower()
    # four words name a thing only with a noun of an artefact or a way at the end:
    # "Exponential Family Word Embeddings: An Iterative Approach ..."
    long_name = len(words) == 4 and (words[-1] in _ARTEFACT_NOUNS or words[-1] in _TITLE_WAY_NOUNS)
    if first in GENERIC_WORDS or first in _TITLE_OPENERS or (len(words) > 3 and not long_name):
        return None
    if any(w.lower() in _TITLE_VERBS for w in words[1:]):
        return None  # "Mamba-2 Meets RLHF": a claim, not a name
    if len(words) == 3 and _claimed_between(words):
        return None  # "BERT Wears GloVes": a name, a verb and a name make a claim
    # a lower-case version after the first word is part of the name: "Kimi k1.5"
    shaped = [is_name_shaped(w) or (i > 0 and bool(_VERSION_WORD.fullmatch(w))) for i, w in enumerate(words)]
    # a version number after capitalised words names a release: "Lean Copilot 2", "Foo 3.5"
    numbered = len(words) > 1 and bool(_VERSION_NUMBER.fullmatch(words[-1])) and first not in _NUMBERED_PARTS
    named = words[:-1] if numbered else words
    capitalised = all(_CAPITALISED.fullmatch(w) or ok for w, ok in zip(named, shaped, strict=False))
    recurs = (
        len(words) == 1
        or numbered
        or head in abstract
        or words[-1] in _ARTEFACT_NOUNS
        or words[-1] in _TITLE_WAY_NOUNS
    )
    # "s1: Simple Test-Time Scaling": a short lower-case name with a number, written again
    lowered = (
        (
            len(words) == 1
            and (
                _LOWER_NUMBERED.fullmatch(head) is not None or _LOWER_INNER_DIGIT.fullmatch(head) is not None
            )
            and word_count(abstract, head) > 0
        )
        or (  # "wav2vec 2.0: ...": a lower-case name with a digit inside, and its version
            numbered
            and len(words) == 2
            and _LOWER_INNER_DIGIT.fullmatch(words[0]) is not None
            and head in abstract
        )
        or (  # "lookback: ...": a lower-case word the abstract presents ("We present lookback, a ...",
            # "we introduce a simple method, uniblock, to ...")
            len(words) == 1
            and head.islower()
            and re.search(rf"{_PRESENTED_AS}{re.escape(head)}\b", abstract) is not None
        )
    )
    # a gerund opens a phrase ("Thinking Beyond Tokens"), unless an artefact noun ends the head and
    # the abstract writes it again ("Routing Networks: ...", "we introduce the routing network")
    # (a hyphenated word is a gerund by its first part: "Side-Tuning" names a way, not "Thinking")
    gerund = first.split("-", 1)[0].endswith("ing") and not (
        words[-1] in _ARTEFACT_NOUNS and _singular_form(head).lower() in abstract.lower()
    )
    # "Video Large Language Models: A Survey of ...": the head of a survey names its topic
    surveyed = _SURVEY_AFTER.match(title, match.end(1)) is not None
    if any(shaped) or lowered or (capitalised and recurs and not gerund and not surveyed):
        return Piece(head, head_start, head_start + len(head))
    return None


#: the description after a title's colon that makes the head a topic: "...: A Survey of ..."
_SURVEY_AFTER = re.compile(
    r"\s*:\s+(?:An?\s+)?(?:(?:Comprehensive|Systematic|Brief|Short|Critical)\s+)?"
    r"(?:Survey|Review|Overview|Tutorial|Primer|Position Paper)\b",
    re.I,
)


_BRACKET_END = re.compile(r"\s*\([^()]*\)$")
#: what a verb of presenting puts before the name it gives: nothing, or the kind and a comma
_PRESENTED_AS = (
    r"\b(?:present|propose|introduce)s?\s+(?:[^.;,()]{1,60}?,\s+|[^.;()]{0,60}?\b(?:called|named|dubbed)\s+)?"
)


def _claimed_between(words: list[str]) -> bool:
    """Whether three title words are two names with a verb between them: a plain capitalised
    word ending in "s" ("BERT Wears GloVes", "GPT-4 Plays Chess"; not "Deep Zorb Networks").

    >>> _claimed_between(["BERT", "Wears", "GloVes"]), _claimed_between(["Deep", "Zorb", "Networks"])
    (True, False)
    """
    first, verb, _ = words
    return (
        is_name_shaped(first)
        and _CAPITALISED.fullmatch(verb) is not None
        and not is_name_shaped(verb)
        and verb.endswith("s")
        and not verb.endswith(("ss", "us", "is"))
        and verb.lower() not in GENERIC_WORDS
    )


def _singular_form(phrase: str) -> str:
    """``phrase`` with its last word in the singular ("Routing Networks" -> "Routing Network")."""
    return phrase[:-1] if phrase.endswith("s") and not phrase.endswith("ss") else phrase


def title_names(title: str, abstract: str = "") -> list[Piece]:
    """The names a "Name: description" title introduces (:func:`title_name`): one, or two
    name-shaped ones joined by "and" ("RankZephyr-Lite and LiT5-Distill: Compact Rerankers").

    >>> [p.text for p in title_names("ZorbA and ZorbB-7B: Two Models")]
    ['ZorbA', 'ZorbB-7B']
    >>> [p.text for p in title_names("Lean Copilot 2: Retrieval-Augmented Theorem Proving")]
    ['Lean Copilot 2']
    >>> [p.text for p in title_names("ZorbA & ZorbB-7B: Two Models")]
    ['ZorbA', 'ZorbB-7B']
    >>> [p.text for p in title_names("RAFT (Retrieval-Augmented Fine-Tuning): Adapting Models")]
    ['RAFT']
    """
    head = title_name(title, abstract)
    if head is None:
        return []
    first, joined, second = head.text.partition(" & " if " & " in head.text else " and ")
    if not joined or not (is_name_shaped(first) and is_name_shaped(second)):
        return [head]
    second_start = head.start + len(first) + len(joined)
    return [Piece(first, head.start, head.start + len(first)), Piece(second, second_start, head.end)]


def word_count(text: str, word: str) -> int:
    """How often ``word`` stands in ``text`` as a word of its own (not inside "s1K" or "x-s1").

    >>> word_count("s1 and s1K, x-s1; s1.", "s1")
    2
    """
    return len(re.findall(rf"(?<![\w\-]){re.escape(word)}(?![\w\-])", text))


#: a model hub's lower-case id: words joined by hyphens ("bge-m3", "gte-large-en-v1.5",
#: "e5-mistral-7b-instruct"), one of which is a version, a size or letters with digits
_HUB_ID = re.compile(r"[a-z][a-z0-9]{1,15}(?:-[a-z0-9]+(?:\.\d+)*){1,6}")
#: (few letters before the digits: "objectivity1" is a word and a footnote's number)
_HUB_ID_MARK = re.compile(r"v\d+(?:\.\d+)*|\d+(?:\.\d+)?[bmk]|[a-z]{1,5}\d+[a-z]*")
#: first words of hyphenated lower-case words that are no ids: norms ("l2-normalized"),
#: diseases ("covid-19"), formats and settings ("mp3-encoded", "top-5")
_NOT_HUB_ID_START = words_of("l0 l1 l2 l3 covid sars mp3 mp4 h264 x86 top fp int bf utf")


def _hub_id_stem(text: str) -> str | None:
    """``text`` without a modifier's last parts ("-based", "-tuned") when what is left is a
    model hub's lower-case id, else ``None``.

    >>> _hub_id_stem("bge-m3-based"), _hub_id_stem("gte-large-en-v1.5"), _hub_id_stem("LoRA-based")
    ('bge-m3', 'gte-large-en-v1.5', None)
    """
    if "-" not in text or not text[:1].islower():  # (most words: no need to split them)
        return None
    parts = text.split("-")
    while len(parts) > 1 and (parts[-1].endswith("ed") or parts[-1] in _MODIFIER_PARTS):
        parts.pop()
    stem = "-".join(parts)
    return stem if _lower_hub_id(stem) else None


#: last parts that make a hyphenated word a modifier ("bge-m3-style")
_MODIFIER_PARTS = words_of("based style like only free aware level specific")


def _lower_hub_id(text: str) -> bool:
    """Whether ``text`` is a model hub's lower-case id (see :data:`_HUB_ID`).

    >>> [_lower_hub_id(t) for t in ("bge-m3", "gte-large-en-v1.5", "e5-mistral-7b-instruct", "nomic-v2")]
    [True, True, True, True]
    >>> [_lower_hub_id(t) for t in ("l2-normalized", "covid-19", "pre-2020", "non-objectivity1", "top-5")]
    [False, False, False, False, False]
    """
    if _HUB_ID.fullmatch(text) is None:
        return False
    parts = text.split("-")
    return parts[0] not in _NOT_HUB_ID_START and any(_HUB_ID_MARK.fullmatch(part) for part in parts)


#: a lower-case name with a digit inside: "wav2vec", "node2vec"
_LOWER_INNER_DIGIT = re.compile(r"[a-z]{2,8}\d[a-z]{2,8}")
#: a short lower-case name with a number: "s1", "o3", "k1.5", "π0"
_LOWER_NUMBERED = re.compile(r"[a-zα-ω]{1,4}\d+(?:\.\d+)?[a-z]?")
#: a bare version number, the last word of a release's name ("Lean Copilot 2")
_VERSION_NUMBER = re.compile(r"\d{1,2}(?:\.\d+)?")
#: first words of numbered heads that are parts of a series, not releases ("Part 2: ...")
_NUMBERED_PARTS = words_of(
    """part chapter phase stage step task track round level section lesson exercise question
    problem experiment study day week year session volume issue vol no"""
)

#: Last words of a title's head that make it the name of an artefact even when the abstract
#: does not write it out again.
_ARTEFACT_NOUNS = words_of(
    """
    Network Networks Net Nets Model Models Transformer Transformers Encoder Encoders Decoder
    Decoders Autoencoder Autoencoders Tracker Optimizer Optimiser Initialization Initialisation
    Encoding Embedding Embeddings Kernel Kernels Architecture Agent Agents Benchmark Dataset
    Corpus Treebank Classifier Classifiers Detector Detectors Guard Guards Verifier Verifiers
    Retriever Retrievers Reranker Rerankers Planner Planners
    """
)

#: The last words of a "Name: description" head that make it a way of doing something, the
#: paper's own ("Spectral Quantization: ...", "Budgeted Training: ...", "Model-Augmented
#: Actor-Critic: ..."), though its words are plain ones and the abstract does not repeat them.
_TITLE_WAY_NOUNS = words_of(
    """
    Quantization Quantisation Training Learning Search Inference Propagation Descent
    Optimization Optimisation Clustering Filtering Mining Maximization Maximisation Actor-Critic
    Attention Convolution Convolutions Disentanglement Distillation Regularization
    Regularisation Sampling Pruning Prompting Decoding Routing Augmentation Alignment
    Pooling Normalization Normalisation Flow Flows Loss Bottleneck Weighting Reranking Compression
    """
)

#: Verbs that make a title's head a sentence ("X Meets Y", "Scale Is All You Need"), and the
#: words of a comparison ("X versus Y").
_TITLE_VERBS = words_of(
    """meets meet is are was were makes make helps help matters matter beats beat learns learn
    needs need works work wins win fails fail goes go scales scale revisited reconsidered
    reexamined re-examined unveiled explained versus vs vs. against"""
)

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
        # verbs of studying or acting on a thing: "Explaining AlphaGo: Interpreting ..."
        "explaining",
        "interpreting",
        "visualizing",
        "visualising",
        "probing",
        "attacking",
        "fooling",
        "debiasing",
        "dissecting",
        "demystifying",
    ]
)


#: last words of a title that name a task the paper works on, not its own artefact
#: ("Unsupervised Video-to-Video Translation", "Non-Autoregressive Dialog State Tracking")
_TASK_HEADS = words_of(
    """translation tracking detection segmentation classification recognition imputation answering
    parsing summarization summarisation generation retrieval captioning spam estimation forecasting"""
)
#: first words of a title that open a study or a sentence rather than a name
_WHOLE_TITLE_OPENERS = _TITLE_OPENERS | words_of(
    "a an the on learning improving exploring identifying analyzing analysing evaluating training using"
)


def whole_title_names(text: str, title_end: int) -> list[Piece]:
    r"""A title of two to four capitalised words that the abstract writes again, in any case,
    names the paper's own thing ("Stochastic Weight Recycling" with "... stochastic weight
    recycling preserves ..."): the title and each place the abstract writes it.

    >>> text = "Fraternal Dropout\n\nWe propose fraternal dropout, a regulariser."
    >>> [(p.text, p.start) for p in whole_title_names(text, 17)]
    [('Fraternal Dropout', 0), ('fraternal dropout', 30)]
    >>> text = "Video-to-Video Translation\n\nvideo-to-video translation"
    >>> whole_title_names(text, 26)
    []
    """
    title = text[:title_end].strip().rstrip(".")
    words = title.split()
    if (
        not 2 <= len(words) <= 4
        or ":" in title
        or "'" in title
        or "’" in title
        or words[0].lower() in _WHOLE_TITLE_OPENERS
        or words[-1].lower() in _TASK_HEADS
        or any(w.lower() in _TITLE_VERBS or not w[:1].isupper() for w in words)
    ):
        return []
    start = text.find(title)
    pattern = re.compile(rf"(?<![\w\-]){re.escape(title)}(?:s)?(?![\w\-])", re.I)
    repeats = [Piece(m.group(0), m.start(), m.end()) for m in pattern.finditer(text, title_end)]
    if not repeats or start < 0:
        return []
    return [Piece(title, start, start + len(title)), *repeats]


#: a title that ends on how the paper does it: "... with Hilbert Representations", "... via Task Hinting"
_TITLE_MEANS = re.compile(
    r"\s(?:via|with|using|through|by)\s+(?:the\s+|a\s+|an\s+)?((?:[A-Z][\w\-]*\s+){1,3}[A-Z][\w\-]*)"
    r"(?=$|\s+for\s)"
)
#: ... or that opens on it, alone or before what it is for: "Domain Adaptive Multibranch Networks",
#: "N-Ary Quantization for CNN Model Compression"
_TITLE_OPENING_MEANS = re.compile(
    r"^(?:The\s+|A\s+|An\s+)?((?:[A-Z][\w\-]*\s+){1,3}[A-Z][\w\-]*)(?=\s+(?:for|in|on|of)\s|\s*$)"
)
#: the paper's own proposal somewhere in the abstract: "we propose", "a new", "our method"
_WE_PROPOSE = re.compile(
    r"\b[Ww]e\s+(?:\w+\s+)?(?:propose|introduce|present|develop|devise)\b|\b(?:a|an)\s+(?:new|novel)\s"
    r"|\b[Oo]ur\s+(?:\w+\s+)?(?:method|approach|model|framework|architecture|algorithm)\b"
)
#: last words of such a name: a way of doing something, not a thing the paper works with
_MEANS_HEADS = words_of(
    """networks nets encoders decoders flows transformers attention regularization regularisation
    sampling calibration consistency sparsification indexing disentanglement elimination
    randomization randomisation hinting representations gradients supervision convolutions
    distillation alignment augmentation pruning quantization prompting decoding routing cloning
    network autoencoder autoencoders bottleneck gan gans predictor predictors embedding embeddings
    transforms ensembling factorization classifier classifiers estimator estimators machines"""
)


def _named_opening(words: list[str]) -> bool:
    """Whether the words a title opens on can be a name: three or more, the first no verb
    ("Training Neural Networks", "Understanding Knowledge Distillation") nor a study's opener.

    >>> [_named_opening(t.split()) for t in ("Neighborhood Consensus Networks", "Training Deep Networks")]
    [True, False]
    """
    first = words[0].lower()
    long_enough = len(words) >= 3 or (len(words) == 2 and "-" in words[0])
    return long_enough and not first.endswith("ing") and first not in _WHOLE_TITLE_OPENERS


#: capitalised modifiers a title puts before a known name without making a new one
_PLAIN_TITLE_MODIFIERS = words_of(
    """deep neural large small scalable efficient simple fast robust generic general improved
    modern standard conventional classical vanilla pretrained pre-trained trained learned
    adversarial generative bayesian graph local global sparse dense structured disentangled
    hierarchical latent implicit explicit contrastive recurrent convolutional residual low-rank
    single multiple shared joint unified feed-forward feedforward multi-layer multilayer"""
)


def title_method_names(
    text: str,
    title_end: int,
    known: Sequence[tuple[int, int]] = (),
    known_models: Sequence[tuple[int, int]] = (),
) -> list[Piece]:
    r"""The name a title (without a colon) ends on after "via", "with", "using", "through" or
    "by" (or that stands there before "for ..."), when the abstract proposes something: the
    paper's own way of doing it ("Foundation Policies with Hilbert Representations"). Its last
    word must name a way of doing something (networks, regularization, sampling, ...: not
    "with Latent Variables"); a known name (a span of
    ``known``, maybe after plain modifiers: "with Deep Graph Convolutional Networks"), a known
    model's part (a span of ``known_models`` and one word: "with Whisper Encoders"), plain
    modifiers alone ("via Deep Representations") and a function word are none.

    >>> text = "Length Generalization via Task Hinting\n\nWe propose task hinting, an auxiliary task."
    >>> [p.text for p in title_method_names(text, 38)]
    ['Task Hinting']
    >>> text = "Node Labels with Deep Graph Networks\n\nWe propose a loss."
    >>> title_method_names(text, 36, known=[(25, 36)])
    []
    >>> text = "Translation with Whisper Encoders\n\nWe propose a policy."
    >>> title_method_names(text, 33, known_models=[(17, 24)])
    []

    A title that opens on such a name, alone or before what it is for, names it too:

    >>> text = "Zorbic Multibranch Networks for Adaptation\n\nWe propose a network."
    >>> [p.text for p in title_method_names(text, 42)]
    ['Zorbic Multibranch Networks']

    Two words do when the first is hyphenated, and the way may stand before what it is for:

    >>> text = "Interpolation-Prediction Networks for Time Series\n\nWe propose a network."
    >>> [p.text for p in title_method_names(text, 49)]
    ['Interpolation-Prediction Networks']
    >>> text = "Speech via Hybrid Denoising Networks for Enhancement\n\nWe propose a network."
    >>> [p.text for p in title_method_names(text, 52)]
    ['Hybrid Denoising Networks']
    """
    if not _WE_PROPOSE.search(text, title_end):
        return []
    match = _TITLE_MEANS.search(text, 0, title_end)
    if match is None:
        match = _TITLE_OPENING_MEANS.match(text, 0, title_end) if ":" not in text[:title_end] else None
        if match is None or not _named_opening(match.group(1).split()):
            return []
    start, end = match.span(1)
    words = match.group(1).split()
    if (
        words[-1].lower() not in _MEANS_HEADS
        or all(w.lower() in _PLAIN_TITLE_MODIFIERS for w in words[:-1])
        or any(w in FUNCTION_WORDS or is_never_a_name(w) for w in words)
    ):
        return []
    for known_start, known_end in known:
        if known_end == end and known_start >= start:
            modifiers = text[start:known_start].split()
            if all(w.lower() in _PLAIN_TITLE_MODIFIERS for w in modifiers):
                return []  # "with Deep Graph Convolutional Networks": a known name
    for model_start, model_end in known_models:
        if model_start == start and model_end < end and len(text[model_end:end].split()) == 1:
            return []  # "with Whisper Encoders": a part of a known model
    return [Piece(match.group(1), start, end)]


_WORD = r"(?:[A-Z]|[a-z]{1,4}\d)[\w\-+]*(?:\.\w[\w\-+]*)*"  # "Self-Play Tuning", "s1", "k1.5"
_CALLED = re.compile(
    # (an article after the verb is no part of the name: "a tokenizer called the HoMi Tokenizer")
    r"\b(?:called|dubbed|named|termed|coined|namely|refer(?:red)?\s+to\s+as|hereafter|henceforth)\s+"
    r"(?:the\s+)?[\"“']?"
    rf"({_WORD}(?:\s+(?:of\s+)?{_WORD}){{0,5}})",
)


#: a connector after a called name with more capitalised words: the name goes on ("Large Content
#: and Behavior Models", "Slow Thinking to Learn (STL)", "Share, Specialize, and Compete") and is
#: left to the abbreviation after it
_NAME_GOES_ON = re.compile(r"\s+(?:and|&|to|of|for|with|in|on)\s+[A-Z]|,\s+[A-Z][a-z]+,?\s+and\s+[A-Z]")
#: "we call it X", "we call our method the X", "we call 'X'"
_WE_CALL = re.compile(
    r"\b[Ww]e\s+(?:call|name|dub|term)\s+(?:(?:it|this|them|these|our)(?:\s+[a-z\-]+){0,2}\s+)?"
    rf"(?:the\s+)?[\"“'‘]?({_WORD}(?:\s+(?:of\s+)?{_WORD}){{0,5}})"
)


#: a quoted name right after its naming: 'dubbed "focal-contrast"', "we term it 'sparse echo'",
#: 'Our method, “Masked Prototype Voting”, ...' (any case: the quotes mark the name's ends); the
#: quoted phrase is found first and the naming looked for right before it (cheaper than trying
#: the naming at every position)
_QUOTED = re.compile(r"[\"“‘']([\w][\w\-]*(?:\s[\w\-]+){0,3})[\"”’']")
_NAMING_BEFORE_QUOTE = re.compile(
    # (not scare quotes: 'so-called "deep" networks')
    r"(?:(?<!so-)(?<!so\s)\b(?:called|dubbed|named|termed|coined)"
    r"|\b[Ww]e\s+(?:call|name|term|dub)\s+(?:it|this|them|these|our\s+[a-z\-]+(?:\s+[a-z\-]+)?)"
    r"|\b[Oo]ur\s+(?:[a-z\-]+\s+){0,2}(?:method|approach|model|loss|framework|technique|algorithm|objective|"
    r"metric|benchmark|dataset|module|layer|regulari[sz]er)s?,)\s+$"
)


#: a quoted capitalised name right after the verb that introduces it: 'We propose "Active
#: Neural Localizer", a ...' (a lower-case quote there is a scare quote: 'a "plug-and-play" module')
_PROPOSING_BEFORE_QUOTE = re.compile(
    r"\b[Ww]e\s+(?:propose|introduce|present|develop)\s+(?:(?:an?|the)\s+(?:[a-z\-]+\s+){0,3})?$"
)


def _quoted_names(text: str) -> list[Piece]:
    """Quoted names right after their naming (see :data:`_NAMING_BEFORE_QUOTE`), and capitalised
    ones right after the verb that introduces them.

    >>> [p.text for p in _quoted_names("Our loss, dubbed 'focal-contrast', helps; the model's 'x' is not.")]
    ['focal-contrast']
    >>> [p.text for p in _quoted_names('We propose "Zorb Localizer", not a "plug-and-play" trick.')]
    ['Zorb Localizer']
    """
    return [
        Piece(m.group(1), m.start(1), m.end(1))
        for m in _QUOTED.finditer(text)
        if _NAMING_BEFORE_QUOTE.search(text, max(0, m.start() - 60), m.start())
        or (
            m.group(1)[0].isupper()
            and _PROPOSING_BEFORE_QUOTE.search(text, max(0, m.start() - 60), m.start()) is not None
        )
    ]


def called_names(text: str) -> list[Piece]:
    """Names introduced by "called X", "dubbed X", "we call it X" and the like.

    >>> [p.text for p in called_names("a method called Self-Play Tuning that")]
    ['Self-Play Tuning']
    >>> [p.text for p in called_names("it, called Locally Linear Unsupervised Feature Selection, relies")]
    ['Locally Linear Unsupervised Feature Selection']
    >>> [p.text for p in called_names("a simple world we call 'Krazy World' and mazes")]
    ['Krazy World']
    >>> [p.text for p in called_names("It runs in a regime we call the Edge of Stability.")]
    ['Edge of Stability']
    >>> called_names("We call these models Large Content and Behavior Models (LCBMs).")
    []
    >>> called_names("a novel model, called the Slow Thinking to Learn (STL), that")
    []
    >>> called_names("a quantity called Q, namely X. It grows.")
    []
    >>> [p.text for p in called_names("s1: Scaling. Our model, dubbed s1, and a variable called x1.")]
    ['s1']
    >>> [p.text for p in called_names("Our loss, dubbed 'focal-contrast', helps. We term it “sparse echo”.")]
    ['focal-contrast', 'sparse echo']
    """
    out = _quoted_names(text)
    for pattern in (_CALLED, _WE_CALL):
        for match in pattern.finditer(text):
            name = match.group(1).rstrip(".")
            end = match.start(1) + len(name)
            if len(name) < 2:
                continue  # "a quantity called X": a symbol, not a name
            if _LOWER_NUMBERED.fullmatch(name) and word_count(text, name) < 2:
                continue  # "a variable called x1"; a name such as s1 comes back
            # "Large Content and Behavior Models": the name goes on past the connector
            if name.split()[0].lower() not in GENERIC_WORDS and not _NAME_GOES_ON.match(text, end):
                out.append(Piece(name, match.start(1), end))
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
        "Edge",
        "Thinking",
        "Reasoning",
    ]
)
#: a size in parameters or examples: "7B", "1.5B", "8x7B", "200K"
SIZE = re.compile(r"\d+(?:\.\d+)?(?:x\d+)?[BMKT]")
#: (a bare number with two decimals is a score, not a version: "FID 1.51")
#: a version after a name: "v2.12", "3", "1.5", "11", "17.0", "2024" (not a score: "InfographicVQA
#: 72.8 ANLS", "BLEU 33.8")
_VERSION = re.compile(r"[vV]\d+(?:\.\d+)*|[1-9](?:\.\d)?|[1-9]\d(?:\.0)?|(?:19|20)\d\d")
_NEXT_TOKEN = re.compile(r"[ \u00a0]([^\s]+)")
#: a class count, a size letter, a size or a size word glued to a name by a hyphen: "-459", "-T",
#: "-XL", "-8B", "-Base" ("Chronos-Bolt-Base")
_GLUED_VARIANT = re.compile(
    r"-(?:\d{2,4}|[TSBLHG]|[gh]|XL|XXL|\d+(?:\.\d+)?[BM]|Instruct"
    r"|(?i:base|x{0,2}large|x?small|tiny|mini|medium|huge|giant|omni)"
    r"|v\d{1,2}(?:\.\d{1,2}){0,2})"  # (a release: "Skywork-Reward-Llama-3.1-8B-v0.2")
    r"(?![\w\-]|\.\d)"
)
_NOT_AFTER_NUMBER = re.compile(r"\s*(?:%|percent\b|[a-z]+s\b|[a-z]+\s+(?:of|out)\b)")


def extend_name(text: str, end: int, *, max_parts: int = 4) -> int:
    """Where a name ending at ``end`` really ends, once versions, sizes and variants join it.

    "LLaMA" in "LLaMA 3 8B Instruct" grows to the whole model name; a bare number followed
    by a plural noun or a percent sign ("GPT-4 3 times", "ResNet 50 layers") does not join.

    >>> text = "We tune LLaMA 3 8B Instruct and GPT-3.5 Turbo on AlpacaEval 2.0, and Mistral 7 times."
    >>> [text[text.index(n):extend_name(text, text.index(n) + len(n))]
    ...  for n in ("LLaMA", "GPT-3.5", "AlpacaEval", "Mistral")]
    ['LLaMA 3 8B Instruct', 'GPT-3.5 Turbo', 'AlpacaEval 2.0', 'Mistral']
    >>> text = "It beats Grounding DINO-T on Pascal Context-459 and improves over Chronos-Bolt-Base."
    >>> grown = lambda n: text[text.index(n) : extend_name(text, text.index(n) + len(n))]
    >>> [grown(n) for n in ("Grounding DINO", "Pascal Context", "Chronos-Bolt")]
    ['Grounding DINO-T', 'Pascal Context-459', 'Chronos-Bolt-Base']
    >>> extend_name("on InfographicVQA 72.8 ANLS", 16), extend_name("Common Voice 17.0 and", 12)
    (16, 17)
    >>> extend_name("Common Voice 17.0 reduces WER", 12), extend_name("ResNet 50 layers", 6)
    (17, 6)
    >>> extend_name("beats Qwen2.5-7B-v0.1 and", 16)
    21
    >>> extend_name("with DINOv2-g features", 11)  # a giant or huge size, in lower case
    13
    >>> extend_name("on MultiCoNER II data", 13)  # a release in Roman numerals
    16
    >>> extend_name("CLIP Vision Encoders are biased", 4)  # a part of the model, no variant
    4
    >>> text = "It reaches FID 1.51 on UD v2.12 against MeshAnything V2."
    >>> [text[text.index(n):extend_name(text, text.index(n) + len(n))] for n in ("FID", "UD", "MeshAnything")]
    ['FID', 'UD v2.12', 'MeshAnything V2']
    """
    pos = end
    glued = _GLUED_VARIANT.match(text, pos)
    if glued:
        pos = glued.end()  # "Pascal Context-459", "Grounding DINO-T": a count or a size glued on
    for _ in range(max_parts):
        match = _NEXT_TOKEN.match(text, pos)
        if not match:
            break
        token = match.group(1).rstrip(".,;:!?)]}\"'")
        token_end = match.start(1) + len(token)
        if token in VARIANT_TITLE_WORDS and _PART_AFTER.match(text, token_end):
            break  # "CLIP Vision Encoders": a part of the model, no variant of it
        if (
            token in VARIANT_TITLE_WORDS
            or token in _ROMAN_VERSIONS
            or SIZE.fullmatch(token)
            or (token[:1] in "vV" and bool(_VERSION.fullmatch(token)))
            # (a decimal version is no count: "Common Voice 17.0 reduces the error")
            or (_VERSION.fullmatch(token) and ("." in token or not _NOT_AFTER_NUMBER.match(text, token_end)))
        ):
            pos = token_end
        else:
            break
    return pos


#: a part of a model after a variant word, which then names the part: "Vision Encoders"
_PART_AFTER = re.compile(r" (?:encoders?|towers?|backbones?|features?|heads?|branch(?:es)?)\b", re.I)
#: a second, third or fourth release written in Roman numerals: "MultiCoNER II"
_ROMAN_VERSIONS = frozenset({"II", "III", "IV"})


#: Capitalised words that are not names of ML artefacts even in mid-sentence.
NOT_NAMES = frozenset(
    [
        # a journal's section heading run into the text
        "Squibs",
        # sentence adverbs and connectives that open a sentence before a comma
        "Further",
        "Together",
        "Altogether",
        "Indeed",
        "Instead",
        "Therefore",
        "Here",
        "There",
        "Next",
        "Then",
        "Also",
        "Still",
        "Yet",
        "Again",
        "Besides",
        "Meanwhile",
        "Otherwise",
        "Likewise",
        "Nevertheless",
        "Nonetheless",
        "First",
        "Second",
        "Third",
        "Today",
        "Nowadays",
        "Namely",
        "I",
        "We",
        "Our",
        "Table",
        "Tables",
        "Figure",
        "Figures",
        "Fig",
        "Section",
        "Sections",
        "Appendix",
        "Eq",
        "Equation",
        "Theorem",
        "Lemma",
        "Corollary",
        "Definition",
        "Proposition",
        "Algorithm",
        "Step",
        "Stage",
        "Phase",
        "Subtask",
        "Track",
        # a name's kind suffix standing alone: "V* Bench" (the symbol is no name of its own)
        "Bench",
        "Benchmark",
        "Leaderboard",
        "Advances",  # "In Advances in Neural Information Processing Systems"
        "Part",
        "Chapter",
        "Example",
        "Code",
        "Project",
        "English",
        "Chinese",
        "French",
        "German",
        "Spanish",
        "Japanese",
        "Korean",
        "Arabic",
        "Hindi",
        "Russian",
        "Italian",
        "Portuguese",
        "European",
        "American",
        "Asian",
        "African",
        "Western",
        "Eastern",
        "Northern",
        "Southern",
        "Internet",
        "Web",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Bayesian",
        "Gaussian",
        "Euclidean",
        "Markov",
        "Markovian",
        "Boolean",
        "Hessian",
        "Lipschitz",
        "Newtonian",
        "Riemannian",
        "Hamiltonian",
        "Lagrangian",
        "Laplacian",
        "Jacobian",
        "Cartesian",
        "Poisson",
        "Bernoulli",
        "Dirichlet",
        "Wasserstein",
        "Fisher",
        "Hilbert",
        "Banach",
        "Fourier",
        "Turing",
        "Monte",
        "Carlo",
        "Kolmogorov",
        "Shannon",
        "Hebbian",
        "Darwinian",
        "Pareto",
        "Nash",
        "Boltzmann",
        "Langevin",
        "Lyapunov",
        "Hopfield",
        "Kalman",
        "Gibbs",
        "Hoeffding",
        "Bregman",
        "Sobolev",
        "Black",
        "White",
        "Hispanic",
        "Latino",
        "Latina",
        "Indigenous",
        "Muslim",
        "Christian",
        "Jewish",
        "However",
        "Moreover",
        "Furthermore",
        "Finally",
        "Overall",
        "Specifically",
        "Notably",
        "Additionally",
        "Thus",
        "Hence",
        "Github",
        "GitHub",
        "Python",
        "Java",
        "Prolog",
        "Lisp",
        "Haskell",
        "Perl",
        "Matlab",
        "MATLAB",
        "Windows",
        "Linux",
        "Unix",
        "UNIX",
        "PyTorch",
        "TensorFlow",
        "JAX",
        "Hugging",
        "Face",
        "HuggingFace",
        "Kaggle",
    ]
)
_CAP_WORD = r"[A-Z][a-z][\w'\-]*(?:[\s-]+[A-Z][\w'\-]*){0,2}"
_TYPE_NOUN = re.compile(
    r"\s+(?:models?|architectures?|networks?|benchmarks?|datasets?|corpus|families|family|"
    r"environments?|suites?|agents?|checkpoints?|metrics?|loss|losses|objectives?|optimi[sz]ers?|"
    r"regulari[sz]ers?)\b"
)
#: adjectives made of names ("Euclidean", "Riemannian"), which a type noun after them does not make names
_NAME_ADJECTIVE = re.compile(r"[A-Z][a-z]+(?:ian|ean)")
_INTRO = re.compile(
    r"(?:\b(?:we|We|paper|work)\s+(?:(?:\w+ly|further|also|then|next|first|finally)\s+)?"
    r"(?:propose|introduce|present|release|develop|design|build|"
    r"construct|create|curate|contribute|call|name|term|dub)[sd]?"
    # a second verb of the paper's own sentence: "We formulate ... and propose X"
    r"|\band\s+(?:then\s+)?(?:propose|introduce|present))\s+(?:the\s+|an?\s+)?"
    rf"(?:(?:new|novel|first)\s+)?(?:[a-z][\w\-]*\s+)?({_CAP_WORD})"
)
_NAME_CONTINUES = re.compile(r"(?:[ -]+[A-Z][\w'\-]*)+")
_NAMING = re.compile(rf"\bnaming\s+(?:the|our|it|this)?\s*\w*\s+({_CAP_WORD})")
#: a sentence that opens on a name the paper calls its own: "Lumen, our new metric, ..."
_OWN_OPENING = re.compile(rf"(?:^|(?<=[.!?]\s))({_CAP_WORD})(?=,\s+(?:our\s|an?\s+(?:new|novel)\s))", re.M)
#: a sentence that opens on the name of something new: "Zephyrine is a new mechanism that ..."
_IS_NEW = re.compile(rf"(?:^|(?<=[.!?]\s))({_CAP_WORD})\s+is\s+an?\s+(?:new|novel)\b", re.M)
#: "Our optimizer, Kestrel-Opt, matches ...": the name an "our <kind>" appositive gives; also
#: "the resulting (or proposed) <kind>, Name," ("The resulting simple, yet general algorithm, ...")
_OUR_KIND_NAMED = re.compile(  # (no "\b" before "our": it opens on a letter, found fast)
    r"(?:[Oo]ur\s+(?:[\w\-]+\s+){0,2}|[Tt]he\s+(?:resulting|proposed)\s+(?:[\w\-]+,?\s+){0,5})"
    r"(?:method|model|approach|framework|algorithm|system|benchmark|dataset|corpus|agent|optimi[sz]er|metric|architecture|policy|pipeline|tokenizer|verifier|"
    r"retriever|planner|encoder|decoder|suite|library|toolkit|simulator|environment|sampler|estimator|"
    rf"scheduler|regulari[sz]er|router|controller|attacker|data),\s+({_CAP_WORD})"
    r"(?=(?:[ -]+[A-Z][\w'\-]*){0,4}(?:,|\s+\())"  # the name may run on: "Pre-trained Distillation,"
)
#: the name after the colon of the paper's own sentence: "We propose a simple method for
#: transfer: Side-Tuning"
_INTRO_COLON = re.compile(
    r"\b[Ww]e\s+(?:\w+\s+)?(?:propose|introduce|present)\b[^.;:]{0,80}?"
    r"\b(?:method|approach|framework|model|algorithm|technique|architecture|strategy|recipe|loss|objective|"
    rf"module|system|tool|metric|benchmark|dataset|corpus|suite)s?\b[^.;:]{{0,60}}:\s+({_CAP_WORD})"
)
#: the name of a new kind of thing after its comma: "We define a new task, Personality-Captions"
_NEW_KIND_NAMED = re.compile(
    r"\b(?:a|an)\s+(?:new|novel)\s+(?:[\w\-]+\s+){0,3}(?:task|dataset|benchmark|metric|method|model|"
    rf"framework|setting|problem|corpus|suite|environment),\s+({_CAP_WORD})"
)
#: the name of what the paper makes, set right after its kind: "We train a 7B model, Zorblin,
#: that ...", "..., and curate a dataset, Zorbset, of ..."
_MADE_KIND_NAMED = re.compile(
    r"\b(?:[Ww]e|and)\s+(?:\w+\s+)?(?:train|pre-?train|fine-?tune|build|design|develop|curate|collect|"
    r"construct|create)\s+an?\s+(?:[\w\-.]+\s+){0,3}(?:model|LLM|network|policy|agent|encoder|retriever|"
    r"reranker|classifier|verifier|judge|dataset|benchmark|corpus|suite|tokenizer),\s+"
    rf"({_CAP_WORD})(?=,|\s+\()"
)
#: ... or set right after its kind with no comma: "we create an out-of-distribution dataset
#: Zorb-Adv by asking ..." (data, tools and measures: "we fine-tune a model BERT" names no new one)
_MADE_KIND_NAMED_BARE = re.compile(
    r"\b(?:[Ww]e|and)\s+(?:\w+\s+)?(?:build|design|develop|curate|collect|construct|create|introduce|propose|"
    r"present|release)\s+an?\s+(?:[\w\-.]+\s+){0,3}(?:dataset|benchmark|corpus|suite|tool|toolkit|metric|"
    rf"measure|environment|simulator)\s+({_CAP_WORD})"
    r"(?=[,.;]|\s+(?:\(|by|that|which|of|for|with|from|containing|consisting|comprising|to)\b)"
)
#: "we release the translated preferences as Zorbsafe"
_RELEASED_AS = re.compile(
    r"\b[Ww]e\s+(?:\w+\s+)?(?:release|open-source|publish)[sd]?\b(?:[^.;]{1,80}?)?\s+"
    rf"(?<!\swell\s)(?<!\ssuch\s)as\s+({_CAP_WORD})"  # not "as well as X", "such as X"
)
#: the words the patterns above end with, a fast search (it opens on a literal) before theirs
_GATED = {
    _IS_NEW: re.compile(r"is\s+an?\s+(?:new|novel)\b"),
    _OWN_OPENING: re.compile(r",\s+(?:our\s|an?\s+(?:new|novel)\s)"),
    _INTRO_COLON: re.compile(r":\s+[A-Z]"),
}
#: words one of which must be in the text for the pattern to match (``in`` is faster still)
_GATED_WORDS = {
    _RELEASED_AS: ("release", "open-source", "publish"),
    _OUR_KIND_NAMED: ("our ", "Our ", "resulting ", "proposed "),
    _NEW_KIND_NAMED: ("new ", "novel "),
    _MADE_KIND_NAMED: ("train", "build", "design", "develop", "curate", "collect", "construct", "create"),
    _MADE_KIND_NAMED_BARE: (
        "build",
        "design",
        "develop",
        "curate",
        "collect",
        "construct",
        "create",
        "introduce",
        "propose",
        "present",
        "release",
    ),
}
_POSSESSIVE = re.compile(r"'s$")


#: an organisation's possessive opening a phrase: "Meta's Llama", "OpenAI’s Sora"
_OWNER = re.compile(r"([A-Z][\w\-]*)['’]s\s+(?=\S)")


def without_owner(piece: Piece) -> Piece:
    """``piece`` without an organisation's possessive before the name: "Meta's Llama" is Llama
    (a maker's name is no part of its model's).

    >>> without_owner(Piece("Meta's Llama", 10, 22)), without_owner(Piece("Prisoner's Dilemma", 0, 18)).text
    (Piece(text='Llama', start=17, end=22), "Prisoner's Dilemma")
    """
    owner = _OWNER.match(piece.text)
    if owner is None or owner.group(1) not in ORGANISATIONS:
        return piece
    return Piece(piece.text[owner.end() :], piece.start + owner.end(), piece.end)


def _bare_word(token: str) -> str:
    """A capitalised token without a possessive or a modifier suffix.

    >>> _bare_word("LlamaGen's"), _bare_word("CheXbert-based"), _bare_word("Top-k")
    ('LlamaGen', 'CheXbert', 'Top-k')
    """
    if "'" in token:
        token = _POSSESSIVE.sub("", token).rstrip("'")
    return _MODIFIER_SUFFIX.sub("", token) if "-" in token else token


#: a hyphenated suffix that makes a name a modifier ("CheXbert-based"), unlike "Top-k"
_MODIFIER_SUFFIX = re.compile(rf"(?<=\w)-(?:{_MODIFIER_WORDS})$")
_CAPITALISED_TOKEN = re.compile(r"[A-Z](?<![\w\-/.@#][A-Z])[a-z][\w'\-]*(?![\w\-/])")


#: "(Lake and Baroni, 2018)", "(Wang et al., 2022a; Lee, 2020)", "Wang et al. (2022)", "Lovell,
#: Adams, and Mansingka (2012)": author names
_CITATION = re.compile(
    r"\([^()]{0,120}?\b(?:19|20)\d\d[a-z]?\)"
    r"|\b[A-Z][\w'\-]+(?:,\s+[A-Z][\w'\-]+){0,6}(?:,?\s+(?:and|&)\s+[A-Z][\w'\-]+|\s+et\s+al\.?)?"
    r"\s+\((?:19|20)\d\d[a-z]?\)"
    # one item of a long citation list whose parenthesis closes too far away: "Bollmann, 2019;"
    r"|\b[A-Z][\w'\-]+(?:\s+(?:and|&)\s+[A-Z][\w'\-]+|\s+et\s+al\.?)?,\s+(?:19|20)\d\d[a-z]?\b(?=\s*[;)])"
    # an author named with "et al." and no year: "the model of Nowak et al. [7]"
    r"|\b[A-Z][\w'\-]+\s+et\s+al\b"
)


def citation_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` cites a work by author and year; the names there are people.

    >>> text = "SCAN (Lake and Baroni, 2018) and the circuit of Wang et al. (2022)."
    >>> [text[s:e] for s, e in citation_spans(text)]
    ['(Lake and Baroni, 2018)', 'Wang et al. (2022)']
    >>> text = "as Lovell, Adams, and Mansingka (2012) show"
    >>> [text[s:e] for s, e in citation_spans(text)]
    ['Lovell, Adams, and Mansingka (2012)']
    """
    if "19" not in text and "20" not in text and "et al" not in text:
        return []
    return [m.span() for m in _CITATION.finditer(text)]


def outside_spans(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether ``at`` lies outside every one of ``spans`` (sorted, not overlapping).

    >>> [outside_spans([(2, 5), (8, 9)], at) for at in (0, 2, 4, 5, 8, 9)]
    [True, False, False, True, False, True]
    """
    i = bisect_right(spans, (at, _AFTER_ANY)) - 1
    return i < 0 or at >= spans[i][1]


_AFTER_ANY = 1 << 62


_ENUMERATOR = re.compile(r"(?:^|\s)\(?(?:\d{1,2}|[ivx]{1,4}|[a-h])[).]$")


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 16) : start].rstrip(" \"'“(")
    if not before and start > 16:  # a long run of spaces or quotes: look further back
        before = text[:start].rstrip(" \"'“(")
    if _ENUMERATOR.search(before):  # "(2) Reward models ...", "ii) Data ..."
        return True
    return not before or before[-1] in ".!?:;\n"


def _plain_capital(word: str) -> bool:
    return word not in NOT_NAMES and word.lower() not in GENERIC_WORDS and word not in ORGANISATIONS


#: Surnames that, alone, are half of a term ("Bayes optimal", "Cheeger cut", "Viterbi
#: decoding"): the whole term may be a name, the surname by itself is not; so with "Deep"
#: and "Siamese", which open names ("Deep SAD", "Siamese LSTM") but name nothing alone.
_LONE_EPONYMS = words_of(
    """
    Bayes Bernstein Bethe Cheeger Gumbel Ising Kemeny Occam Shapley Sinkhorn Viterbi Zipf
    Zipfian Newton Nesterov Bellman Cauchy Chernoff Jensen Lagrange Laplace Gauss Euler
    Horn Markov Gibbs Dirichlet Poisson Bernoulli Boltzmann Hebbian Hilbert Banach Riemann
    Riemannian Kullback Leibler Fourier Kalman Lipschitz Lyapunov Hoeffding Kolmogorov Turing
    Hessians Jacobians Hamiltonians Laplacians Gaussians Hessian Jacobian Hamiltonian Laplacian
    Lagrangian Gram Lie Kronecker Grassmannian Toeplitz Hadamard Frobenius Stiefel
    Deep Siamese Plücker
    """
)


#: the endings of adverbs: "Surprisingly", "Recently" (not "Shapley", "Polly")
_ADVERB = re.compile(r"(?:ingly|edly|ally|ively|ously|ably|ibly|ently|antly|arly|ctly)$")


def _lone_name(word: str) -> bool:
    """Whether a single capitalised word may be a name: not a place, language or function
    word, not a word of institutions, and not a surname that only ever heads a longer term."""
    return (
        _plain_capital(word)
        and not _ADVERB.search(word)
        and not is_never_a_name(word)
        and word not in _LONE_EPONYMS
        and word not in _INSTITUTION_WORDS
        and word not in UNITS
        and word not in ARTICLE_KINDS
    )


_LAST_CAPITALISED = re.compile(r"([A-Z][\w'\-]*)$")
_NEXT_CAPITALISED = re.compile(r"\s+([A-Z][\w'\-]*)")
_SCHOOL_WORDS = ("University", "Institute", "College", "School", "Department", "Dept.", "Dept")


def _address_words(text: str) -> set[str]:
    """The capitalised words ``text`` uses in an address (a place, wherever else it stands):
    the word before a state code, the word after "University of" and the like.

    >>> sorted(_address_words("Work at Pittsburgh, PA and the University of Essex."))
    ['Essex', 'Pittsburgh']
    """
    words = set()
    at = text.find(",")
    while at >= 0:  # str.find, then a match at the comma: far faster than one regex scan
        if _PLACE_AFTER.match(text, at):
            before = _LAST_CAPITALISED.search(text, max(0, at - 40), at)
            if before:
                words.add(before.group(1).rstrip("'"))
        at = text.find(",", at + 1)
    at = text.find(" of")
    while at >= 0:
        if text[max(0, at - 10) : at].endswith(_SCHOOL_WORDS):
            after = _NEXT_CAPITALISED.match(text, at + 3)
            if after:
                words.add(after.group(1).rstrip("'"))
        at = text.find(" of", at + 1)
    return words


def cued_names(text: str, start: int = 0) -> list[Piece]:
    """Capitalised words that context marks as names, from ``start`` on (skip the title).

    Author names in citations ("(Lake and Baroni, 2018)") are not counted. Four cues: the
    word recurs capitalised (once mid-sentence at least), a type noun
    after it ("Transformer models", "Procgen benchmark"),
    an introducing verb before it ("we introduce Scylla", "naming the model Seer"), and
    a list that already holds a name-shaped item ("AlpacaEval 2.0, FLASK, Koala and
    MT-Bench").

    >>> text = "We introduce Scylla. It trains Transformer models, tests Koala, MT-Bench and Bayesian nets."
    >>> [p.text for p in cued_names(text)]
    ['Scylla', 'Transformer', 'Koala']
    >>> [p.text for p in cued_names("It beats VQGAN, Tokzilla's tokenizer and GPT-4.")]
    ['Tokzilla']
    >>> [p.text for p in cued_names("We pretrain Ostrich, a family of open code models.")]
    ['Ostrich']
    >>> [p.text for p in cued_names("Zephyrine is a new mechanism. Training is a new art. Zephyrine wins.")]
    ['Zephyrine']
    >>> [p.text for p in cued_names("Lumen, our new metric, works. However, our method fails.")]
    ['Lumen']
    >>> [p.text for p in cued_names("Unlike SnapZorb, our cache is query-aware.")]
    []
    >>> [p.text for p in cued_names("Following ZorbDiff, our model predicts the mean.")]
    []
    >>> [p.text for p in cued_names("On SWE-bench Verified it wins; the Verified score rises.")]
    []
    >>> [p.text for p in cued_names("We propose a simple method for transfer: Side-Tuning. It wins.")]
    ['Side-Tuning']
    >>> [p.text for p in cued_names("We define a new task, Personality-Captions, for captions.")]
    ['Personality-Captions']
    >>> [p.text for p in cued_names("Our optimizer, Kestrel-Opt, matches AdamW.")]
    ['Kestrel-Opt']
    >>> [p.text for p in cued_names("We introduce The Zorb Scientist, which writes papers.")]
    ['The Zorb Scientist']
    >>> [p.text for p in cued_names("We present the Zorb-VL Series, a family of models.")]
    ['Zorb-VL']
    >>> [p.text for p in cued_names("Zorblin is a DNA tokenizer. Zorblin is fast. Attention is a module.")]
    ['Zorblin']
    >>> [p.text for p in cued_names("We train a 7B model, Quillan, that proves lemmas.")]
    ['Quillan']
    >>> [p.text for p in cued_names("We create an adversarial dataset Zorb-Adv by asking workers.")]
    ['Zorb-Adv']
    >>> [p.text for p in cued_names("Prompting methods such as Binder and Dater fail in France.")]
    ['Binder', 'Dater']
    >>> cued_names("We introduce the Computational Linguistics special issue on semantics.")
    []
    >>> cued_names("Stein variational descent helps. We use Stein's lemma.")
    []
    >>> cued_names("We propose a Boosting-based method for finding bias.")
    []
    """
    found: dict[int, Piece] = {}
    for pattern in (
        _INTRO,
        _NAMING,
        _IS_NEW,
        _OWN_OPENING,
        _RELEASED_AS,
        _OUR_KIND_NAMED,
        _INTRO_COLON,
        _NEW_KIND_NAMED,
        _MADE_KIND_NAMED,
        _MADE_KIND_NAMED_BARE,
    ):
        if pattern in _GATED and _GATED[pattern].search(text) is None:
            continue  # the words the pattern ends with are not in the text: skip the slow search
        if pattern in _GATED_WORDS and not any(word in text for word in _GATED_WORDS[pattern]):
            continue
        for match in pattern.finditer(text, start):
            if pattern is _OUR_KIND_NAMED and match.start() > 0 and text[match.start() - 1].isalnum():
                continue  # "four", "your"
            name, end = match.group(1), match.end(1)
            more = _NAME_CONTINUES.match(text, end)
            if more:  # longer than the pattern holds: "a Mutual Information Neural Estimator"
                name, end = text[match.start(1) : more.end()], more.end()
                if len(_WORD_SEP.split(name)) > 6:
                    continue
            words = [w for w in _WORD_SEP.split(name) if w]
            if len(words) > 1 and words[-1] in ("Series", "Family") and name.endswith(" " + words[-1]):
                # "the Qwen2-VL Series": the family is the model's own name
                name, end, words = name[: -len(words[-1]) - 1], end - len(words[-1]) - 1, words[:-1]
            if pattern is _IS_NEW and (text.count(name) < 2 or _also_lower_case(text, name)):
                continue  # a word opening a sentence names nothing unless it recurs as a name
            if pattern is _OWN_OPENING and (
                name in NOT_NAMES
                or name.endswith("ly")
                or _also_lower_case(text, name)
                or (len(words) > 1 and words[0] in _OPENING_WORDS)
            ):
                continue  # "However, our method ...", "Finally, a new ...", "Unlike Zorb, our ..."
            # a capital "The" in mid-sentence opens the name: "we introduce The AI Scientist"
            own_article = (
                words[0] == "The"
                and len(words) > 1
                and text[match.start(1) - 2 : match.start(1) - 1].islower()
            )
            if len(words) == 1 and name in _LONE_EPONYMS:
                continue  # "we propose a Siamese architecture": the word opens names, names nothing
            if name.lower() in FIELD_NAMES:
                continue  # a field, or a journal named after it: "the Computational Linguistics issue"
            lone_non_name = len(words) == 1 and (is_never_a_name(name) or name in ARTICLE_KINDS)
            if (own_article or _plain_capital(words[0])) and not lone_non_name:
                found[match.start(1)] = Piece(name, match.start(1), end)
    cited = citation_spans(text)
    words = [
        (_bare_word(m.group(0)), m.start())
        for m in _CAPITALISED_TOKEN.finditer(text)
        if not cited or outside_spans(cited, m.start())
    ]
    # a Title Case title capitalises every word: there, a capital is no sign of a name
    skip_title = start > 0 and is_title_case(text[:start])
    counts = Counter(
        _singular(w) for w, at in words if not (skip_title and at < start and not _joined_names(w))
    )
    # a word seen once in an address ("University of Essex") is a place wherever it stands,
    # and one seen in a citation ("(Clark, 2003)") a person
    places = _address_words(text)
    if cited:
        places |= {m.group(0) for s, e in cited for m in _CAPITALISED_TOKEN.finditer(text, s, e)}
    lowered: dict[str, bool] = {}
    openers = comparison_openers(text)  # where the words of comparison end
    introduced = {piece.text for piece in found.values()}
    for word, at in words:
        end = at + len(word)
        if at < start or at in found or not _lone_name(word) or word in places or word.endswith("-"):
            continue  # (a suspended hyphen: "Natural- to Formal-language")
        if _PARTICIPLE_SUFFIXED.fullmatch(word) or _PREFIXED_ACRONYM.fullmatch(word):
            continue  # "the English-only model", "Sub-2B models": a modifier
        if _PERSONS_RESULT.match(text, end):
            continue  # "via Stein's lemma", "Newton's method": a person's result names no entity
        subject = (
            _result_subject(text, word, end, lowered)
            or _variant_of(word, introduced)
            or (
                # the abstract opens on it and says what it is: "Zorblin is a byte-pair tokenizer"
                not text[start:at].strip()
                and _IS_A.match(text, end) is not None
                and not word.endswith(_ABSTRACT_NOUN_ENDS)  # "Stability is a property"
                and text.count(word) > 1  # a name is written again ("Mesh is a data structure" is not)
                and not _memo(lowered, word, _also_lower_case, text)
            )
        )
        cued = (
            subject
            or (counts[_singular(word)] >= 2 and not _memo(lowered, word, _also_lower_case, text))
            or (_TYPE_NOUN.match(text, end) and not _NAME_ADJECTIVE.fullmatch(word))
            or _in_name_list(text, at, end)
            or (_in_kind_list(text, at, _ARTEFACT_KIND_OPENER) and not _NAME_ADJECTIVE.fullmatch(word))
            or (text.startswith(",", end) and appositive_kind(text[end : end + 120]) is not None)
            or _compared_with(text, at, openers)
        )
        # a sentence's first word, or part of a Title Case phrase, is no evidence of a name,
        # unless a result is said of it: "Quillon outperforms GPT-4o"
        if (
            cued
            and (subject or not _sentence_initial(text, at))
            and not _capitalised_neighbour(text, at, end)
            and not _authors(text, at, end)
            and word not in VARIANT_TITLE_WORDS  # "the Verified score": a variant of a name said before
        ):
            found[at] = Piece(word, at, end)
    # "we construct a ReLU-based network", "we propose a Boosting-based method": a modifier
    return [found[k] for k in sorted(found) if not _MODIFIER_SUFFIX.search(found[k].text)]


#: a hyphenated modifier suffix right after a name: "Evol-Instruct-style"
_MODIFIER_AFTER = re.compile(rf"-(?:{_MODIFIER_WORDS})\b")


#: what a person's name owns when it names a result or a method: "Stein's lemma"
_PERSONS_RESULT = re.compile(
    r"['’]s\s+(?:lemma|theorem|inequality|identity|law|conjecture|formula|rule|principle|paradox|"
    r"criterion|bound|equation|method|algorithm|test)\b"
)


def _variant_of(word: str, introduced: set[str]) -> bool:
    """Whether ``word`` is a size or variant of a name the text introduces ("Zorbo-small" of
    "We present Zorbo"): a name wherever it stands.

    >>> [_variant_of(word, {"Zorbo"}) for word in ("Zorbo-small", "Zorbo-7B", "Zorbo-S", "Zorbo-style")]
    [True, True, True, False]
    """
    stem, hyphen, tail = word.rpartition("-")
    return (
        bool(hyphen)
        and stem in introduced
        and (
            tail.lower() in VARIANT_WORDS
            or tail in VARIANT_TITLE_WORDS
            or tail in _SIZE_LETTERS
            or SIZE.fullmatch(tail) is not None
        )
    )


#: the letters that name a model's size after a hyphen: "Zorbo-S", "Zorbo-XL"
_SIZE_LETTERS = words_of("XS S M B L H G T XL XXL")


#: "X is a ...": what a name is, said as a text opens on it
_IS_A = re.compile(r"\s+is\s+an?\s")
#: a verb of a result after its subject: "Quillon outperforms GPT-4o"
_RESULT_VERB = re.compile(
    r"\s+(?:(?:also|further|consistently|significantly|clearly|still|even)\s+)?"
    r"(?:outperforms|surpasses|beats|achieves|attains|reaches|exceeds)\b"
)


#: the endings of gerunds and abstract nouns: "Training achieves", "Performance reaches"
_ABSTRACT_NOUN_ENDS = ("ing", "tion", "ment", "ness", "ity", "ance", "ence", "ency", "acy", "ure", "ism")


def _result_subject(text: str, word: str, end: int, lowered: dict[str, bool]) -> bool:
    """Whether ``word`` (ending at ``end``) is the subject of a result and could be a name:
    not a gerund ("Pretraining outperforms ...") nor a word the text also writes in lower case.

    >>> text = "Quillon outperforms GPT-4o. Distillation achieves more; distillation is cheap."
    >>> _result_subject(text, "Quillon", 7, {}), _result_subject(text, "Distillation", 40, {})
    (True, False)
    """
    if not _RESULT_VERB.match(text, end) or word.endswith(_ABSTRACT_NOUN_ENDS):
        return False
    return not _memo(lowered, word, _also_lower_case, text)


#: words that set the paper's result against what follows: "outperforms", "gains over"
_COMPARED_OPENER = re.compile(
    r"\b(?:outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|beats?|beating|"
    r"(?:compared?|comparing|benchmarked|evaluated)\s+(?:to|with|against)|"
    r"(?:gains?|improvements?|advantages?)\s+over|\w{3,}er\s+than)\s+"
    r"(?:(?:the|strong|prior|existing|recent)\s+)*(?:baselines?\s+(?:such as|like|including)\s+)?"
)


def _compared_with(text: str, start: int, openers: list[int] | None = None) -> bool:
    """Whether the capitalised word at ``start`` is one of what the paper compares with: "gains
    over Wren", "outperforms Wren and Tansy" (every item before it capitalised). ``openers``:
    where :func:`comparison_openers` found the words of comparison end, if known.

    >>> text = "It outperforms Wren and Tansy, and is faster than Quillon in Paris."
    >>> [_compared_with(text, text.index(w)) for w in ("Wren", "Tansy", "Quillon", "Paris")]
    [True, True, True, False]
    """
    if openers is None:
        openers = comparison_openers(text)
    i = bisect_right(openers, start) - 1
    if i < 0 or start - openers[i] > 120:
        return False
    items = _ITEM_SEPARATOR.split(text[openers[i] : start])
    if items[-1]:  # the word must follow a separator (or the opener itself)
        return False
    return all(item[:1].isupper() and len(item.split()) <= 3 for item in items[:-1])


def comparison_openers(text: str) -> list[int]:
    """Where the words that set a result against what follows end in ``text``, in order.

    The pattern is tried only where one of its first words stands (found by ``str.find``,
    many times faster than a search with the pattern over every abstract).

    >>> text = "It outperforms Wren, rather than Tansy, and is faster than Quillon."
    >>> [text[:end][-12:] for end in comparison_openers(text)]
    ['outperforms ', 'faster than ']
    """
    lower = text.lower()
    ends = []
    for word in _OPENER_WORDS:
        at = lower.find(word)
        while at != -1:
            start = at
            if word == "than":  # "\w{3,}er\s+than": go back to the comparative's start
                while start > 0 and lower[start - 1].isspace():
                    start -= 1
                while start > 0 and _regex_word_char(lower[start - 1]):
                    start -= 1
            if start == 0 or not _regex_word_char(lower[start - 1]):
                match = _COMPARED_OPENER.match(text, start)
                if match is not None and match.group(0).lower() not in _NOT_COMPARED:
                    ends.append(match.end())
            at = lower.find(word, at + 1)
    return sorted(set(ends))


def _regex_word_char(char: str) -> bool:
    r"""What ``\w`` matches: letters, digits and the underscore."""
    return char.isalnum() or char == "_"


#: the words :data:`_COMPARED_OPENER` can open on ("than" ends the comparative before it)
_OPENER_WORDS = (
    "outperform", "surpass", "beat", "compar", "benchmarked", "evaluated", "gain", "improvement",
    "advantage", "than",
)  # fmt: skip


#: comparatives that set no method against another: "other than", "rather than"
_NOT_COMPARED = {
    "other than ", "rather than ", "fewer than ", "larger than ", "smaller than ", "greater than ",
}  # fmt: skip


#: two surnames: "the SVM by Crammer and Singer", "Crammer&Singer"
_BY_BEFORE = re.compile(r"\bby\s+(?:[A-Z][a-z]+\s*(?:and|&)\s*)?$")
_AND_SURNAME = re.compile(r"\s*(?:and|&)\s*[A-Z][a-z]+(?![\w\-])")
_AMPERSAND_BEFORE = re.compile(r"[A-Z][a-z]+&$")


def _authors(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is one of two authors a method is credited to.

    >>> text = "the SVM by Crammer and Singer, as in Crammer&Singer"
    >>> [_authors(text, text.index(w), text.index(w) + len(w)) for w in ("Crammer", "Singer")]
    [True, True]
    """
    before = text[max(0, start - 40) : start]
    by = _BY_BEFORE.search(before)
    if by and (by.group(0).count("and") or by.group(0).count("&") or _AND_SURNAME.match(text, end)):
        return True
    return text.startswith("&", end) or bool(_AMPERSAND_BEFORE.search(before))


_TITLE_WORD = re.compile(r"[^\W\d_][\w'\-]{3,}")


def is_title_case(title: str) -> bool:
    """Whether ``title`` capitalises (nearly) all its words of four letters or more.

    >>> is_title_case("Total Variation, Cheeger Cuts."), is_title_case("Cheeger cuts on graphs")
    (True, False)
    """
    words = _TITLE_WORD.findall(title)
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _memo(memo: dict[str, bool], word: str, test: Callable[[str, str], bool], text: str) -> bool:
    """``test(text, word)``, computed once per word."""
    if word not in memo:
        memo[word] = test(text, word)
    return memo[word]


def _joined_names(word: str) -> bool:
    """Whether ``word`` joins capitalised words by hyphens, as names do ("Gumbel-Sinkhorn")."""
    parts = word.split("-")
    return len(parts) > 1 and all(p[:1].isupper() for p in parts)


def _also_lower_case(text: str, word: str) -> bool:
    """Whether ``word`` (or its singular) also stands in ``text`` in lower case, as a plain
    English word does at a sentence's start or in a Title Case heading ("Game", "Attention").

    >>> _also_lower_case("Attention helps. We study attention.", "Attention")
    True
    >>> _also_lower_case("Scylla helps. We study Scylla.", "Scylla")
    False
    """
    lower = word.lower()
    forms = {lower, _singular(lower)}
    return any(_lower_case_word(text, form) for form in forms)


def _lower_case_word(text: str, word: str) -> bool:
    """Whether ``word`` stands in ``text`` as a word of prose: not inside a longer word, a
    hyphenated compound or a path ("https://.../projects/portal" is no lower-case "portal").

    >>> _lower_case_word("see https://x.org/portal now", "portal"), _lower_case_word("a portal", "portal")
    (False, True)
    """
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (_word_char(before) or before in "/.") and not (_word_char(after) or after == "/"):
            return True
        at = text.find(word, at + 1)
    return False


#: Two to four capitalised words in a row ("Expert Iteration", "Penn Treebank")
_PHRASE = re.compile(r"[A-Z](?<![\w\-/.@#][A-Z])[a-z][\w'’\-]*(?:[ ][A-Z][a-z][\w'’\-]*){1,3}(?![\w\-/])")
#: a Title Case phrase that goes on past a connector ("Conference on Computer Vision")
_CONNECTED_BEFORE = re.compile(r"[A-Z][\w'\-]*\s+(?:of|on|for|in|at|to|the)\s+$")
_CONNECTED_AFTER = re.compile(r"\s+(?:of|on|for|in|at|to|the)\s+[A-Z]")
#: ", NJ", ", MD 20755": a place and its state, as in an address
_PLACE_AFTER = re.compile(r",\s+[A-Z]{2}\b(?![\w\-])")
#: a parenthetical citation right after the phrase: "Colored Objects (Ippolito & Callison-Burch, 2023)"
_CITED_AFTER = re.compile(r"\s*\([^()]{0,80}?(?:et al\.?|&|\band\b)[^()]{0,40}?\b(?:19|20)\d\d[a-z]?\)")
#: words of organisations and places, which Title Case lists in affiliations are full of
#: a word with a capital or a digit right before a phrase: the phrase ends a longer name
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w\-]*|\w*\d\w*)[ ]$")
#: last words that make a Title Case phrase the name of a data set or benchmark
_DATA_HEADS = words_of("Corpus Corpora Treebank Dataset Benchmark Suite")
#: words a heading or a paper's prose capitalises before such a last word: "the Proposed Dataset"
_PLAIN_DATA_MODIFIERS = words_of(
    """Proposed New Novel Our Synthetic Real Public Original Full Main Target Source Test Training
    Train Validation Evaluation Large Small Standard Resulting Final Whole Entire Same Following
    Multilingual English Benchmark Dataset"""
)
_INSTITUTION_WORDS = ORGANISATION_WORDS | words_of(
    """
    Center Centre School Office Research Science Sciences Engineering Street Road Avenue City
    County State Kingdom Republic
    """
)


#: fields of study, which "Computer Vision models" and the like name as a type noun's modifier
FIELD_NAMES = frozenset(
    [
        "computer vision",
        "natural language processing",
        "natural language understanding",
        "artificial intelligence",
        "computer graphics",
        "signal processing",
        "speech processing",
        "data mining",
        "data science",
        "information retrieval",
        "computational linguistics",
        "cognitive science",
        "operations research",
        "software engineering",
    ]
)


def phrase_names(text: str, start: int = 0) -> list[Piece]:
    """Title Case phrases of two to four words that context marks as one name.

    Capitalised words side by side are no evidence on their own (a heading, an
    affiliation, a place); the phrase counts when it is an item of a list beside a
    name-shaped item ("PPO, GRPO, and Expert Iteration"), when a type noun follows it ("the
    Penn Treebank corpus"), or when a citation ("Colored Objects (Ippolito & Callison-Burch,
    2023)") or an appositive of a kind ("Column Networks, a deep architecture") follows it.
    Phrases inside citations, joined to more capitalised words by "of", "on", "for"...,
    naming institutions, or followed by a state code (", NJ") are left out, and so are those
    at a sentence's start unless a citation or an appositive follows them.

    >>> text = ("We compare PPO, GRPO and Expert Iteration on the Penn Treebank corpus. "
    ...         "Work done at College Park, MD and at the University of Texas.")
    >>> [p.text for p in phrase_names(text)]
    ['Expert Iteration', 'Penn Treebank']
    >>> [p.text for p in phrase_names("It is trained on a new Zorb Crawl-based dataset.")]
    ['Zorb Crawl']

    A phrase whose last word names data is a name of its own: "the Zorb Radio News Corpus".

    >>> [p.text for p in phrase_names("We probe it on the Zorb Radio News Corpus today.")]
    ['Zorb Radio News Corpus']
    """
    found = []
    cited = None
    for match in _PHRASE.finditer(text, start):
        at, end = match.span()
        words = match.group(0).split()
        # "the Zorb Radio News Corpus": a name of data (not "the Proposed Dataset")
        # (nor the end of a longer name: "the TIMIT Speech Corpus")
        data_headed = (
            words[-1] in _DATA_HEADS
            and not any(w in _PLAIN_DATA_MODIFIERS for w in words)
            and not _NAME_BEFORE.search(text, max(0, at - 30), at)
        )
        named = words[:-1] if data_headed else words
        if (
            not (all(_plain_capital(w) for w in named) or _generic_headed(text, words, at, end))
            or _PARTICIPLE_SUFFIXED.fullmatch(words[0])  # a modifier: "DiT-based Cascade R-CNN"
            or any(w in _INSTITUTION_WORDS for w in words)
            or match.group(0).lower() in FIELD_NAMES
            or is_place_phrase(match.group(0))
            or all(is_never_a_name(w) for w in words)  # "Spanish Dutch", "Austria Vienna"
            or _CONNECTED_AFTER.match(text, end)
            or _PLACE_AFTER.match(text, end)
            or _CONNECTED_BEFORE.search(text[max(0, at - 40) : at])
        ):
            continue
        # an appositive saying its kind makes it a name even where a sentence opens on it:
        # "Column Networks, a deep architecture, capture ..."
        described = (
            _A_KIND_AFTER.match(text, end) is not None and appositive_kind(text[end : end + 120]) is not None
        )
        if described and words[0].endswith("ing") and _sentence_initial(text, at):
            continue  # a sentence opening on a verb: "Presenting ZorbScope, a probing toolkit, ..."
        if not (_CITED_AFTER.match(text, end) or described) and (  # a cited phrase is a name anywhere
            _sentence_initial(text, at)
            or not (
                data_headed
                or _TYPE_NOUN.match(text, end)
                or _in_name_list(text, at, end)
                or _in_kind_list(text, at)
            )
        ):
            continue
        if cited is None:
            cited = citation_spans(text)
        if outside_spans(cited, at):
            # "a Common Crawl-based dataset": the name is what the data set is based on
            modifier = _MODIFIER_SUFFIX.search(match.group(0))
            name_end = end - (len(modifier.group(0)) if modifier else 0)
            if not modifier and _DATA_NOUN_AFTER.match(text, end):
                at = _acronym_run_start(text, at, len(words))
            found.append(Piece(text[at:name_end], at, name_end))
    return found


#: an appositive opening right after a phrase: ", a deep architecture"
_A_KIND_AFTER = re.compile(r",\s+an?\s")
#: a noun of data right after a phrase: the phrase names the data
_DATA_NOUN_AFTER = re.compile(r"\s+(?:datasets?|corpus|corpora|benchmarks?|database)\b")
#: an upper-case or capitalised word right before a phrase
_NAME_WORD_BEFORE = re.compile(r"(?<![\w\-/.@#])(?:[A-Z]{2,6}|[A-Z][a-z][\w\-]*)[ ]$")


def _acronym_run_start(text: str, at: int, words: int) -> int:
    """Where a data set's name starts that a Title Case phrase ends, taking in the acronyms and
    capitalised words written before it ("the AAPM Low-Dose CT Grand Challenge dataset"), six
    words in all at most. Unchanged unless an acronym is among them.

    >>> text = "on the AAPM Low-Dose CT Grand Challenge dataset"
    >>> text[_acronym_run_start(text, text.index("Grand"), 2):text.index(" dataset")]
    'AAPM Low-Dose CT Grand Challenge'
    >>> text = "on the Penn Treebank corpus"
    >>> _acronym_run_start(text, text.index("Penn"), 2) == text.index("Penn")
    True
    """
    start, acronym = at, False
    while words < 6 and (before := _NAME_WORD_BEFORE.search(text, max(0, start - 12), start)):
        if _sentence_initial(text, before.start()):
            break
        acronym = acronym or before.group(0)[:2].isupper()
        start, words = before.start(), words + 1
    return start if acronym else at


def _generic_headed(text: str, words: list[str], start: int, end: int) -> bool:
    """Whether a phrase opening on a generic word ("Data Interpreter") stands in a list beside
    a name-shaped item, which makes it a name; its last word must not be generic.

    >>> text = "We compare AIDE and Data Interpreter, or Data Science."
    >>> _generic_headed(text, ["Data", "Interpreter"], 20, 36)
    True
    >>> _generic_headed(text, ["Data", "Science"], 41, 53)
    False
    """
    if len(words) != 2 or not _plain_capital(words[-1]) or words[-1] in NOT_NAMES:
        return False
    return words[0].lower() in GENERIC_WORDS and _in_name_list(text, start, end)


_PREV_WORD = re.compile(r"([\w'’\-]+)[ ]$")
_NEXT_WORD = re.compile(r"[ ]([\w'’\-]+)")
#: a token opening on a digit before a capitalised word: "(Relightable) 3D Gaussians"
_DIGIT_THEN_CAPITAL = re.compile(r"[ ]\d[\w\-]*[ ][A-Z]")


def _capitalised_neighbour(text: str, start: int, end: int) -> bool:
    """Whether a capitalised word stands right before or after ``text[start:end]`` (after it
    also past a token opening on a digit: "Relightable 3D Hats"); a sentence's opening
    function word or determiner ("On Amazon-Sports, ...", "Our X model") does not count.

    >>> text = "On Amazon-Sports, it wins. The Deep Learning book. Our Cormorant model. Relightable 3D Hats."
    >>> words = ("Amazon-Sports", "Deep", "Cormorant", "Relightable")
    >>> [_capitalised_neighbour(text, text.index(w), text.index(w) + len(w)) for w in words]
    [False, True, False, True]
    """
    before = _PREV_WORD.search(text[max(0, start - 30) : start])
    opening = before is not None and before.group(1) in _OPENING_WORDS
    if opening and _sentence_initial(text, start - len(before.group(0))):
        before = None
    after = _NEXT_WORD.match(text, end)
    return any(m is not None and m.group(1)[:1].isupper() for m in (before, after)) or (
        after is not None and after.group(1)[:1].isdigit() and bool(_DIGIT_THEN_CAPITAL.match(text, end))
    )


#: function words that open a sentence before a name: "On X, ...", "For X, ...", "Our X model ..."
_OPENING_WORDS = words_of(
    "On In For Across With From Using Unlike Like Beyond Our The This These Following Given Besides After Via"
)


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


_LIST_ITEM = re.compile(r"[\w.\-+]+")
_ITEM_BEFORE = re.compile(r"([\w.\-+]+)(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|/)$")
_LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|/)")


def _ends_with_list_separator(head: str) -> bool:
    """Whether ``head`` can end the way :data:`_ITEM_BEFORE` needs: a comma, a slash, or
    "and"/"or" after a space or comma and before one (a cheap test ahead of the search).

    >>> [_ends_with_list_separator(h) for h in ["GPT-4, ", "A/", "BERT and ", "BERT,or ", "a band "]]
    [True, True, True, True, False]
    """
    tail = head.rstrip()
    if tail.endswith((",", "/")):
        return True
    if tail == head:  # "and" and "or" must be followed by a space
        return False
    for word in ("and", "or"):
        before = tail[-len(word) - 1 : -len(word)]
        if tail.endswith(word) and (before == "," or before.isspace()):
            return True
    return False


#: the kinds of artefact whose members a single capitalised word may name ("methods such as
#: Binder and Dater"), and the other kinds a list of Title Case names may open (a game or a task
#: may be a plain word: "games such as Go, Chess and Shogi")
_ARTEFACT_KINDS = (
    r"benchmarks|datasets|methods|models|baselines|approaches|algorithms|systems|architectures|techniques|"
    r"metrics|LLMs"
)
_OTHER_KINDS = r"benchmark|dataset|environments?|games?|puzzles?|tasks?|suites?|simulators?|corpora"
_LIST_OPENS = r",?\s+(?:such as|including|like)\s+"
#: a kind of thing and the opening of a list of them: "puzzle environments such as "
_KIND_OPENER = re.compile(rf"\b(?:{_ARTEFACT_KINDS}|{_OTHER_KINDS}){_LIST_OPENS}")
#: ... of the kinds of artefact only
_ARTEFACT_KIND_OPENER = re.compile(rf"\b(?:{_ARTEFACT_KINDS}){_LIST_OPENS}")
_ITEM_SEPARATOR = re.compile(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def _in_kind_list(text: str, start: int, opener: re.Pattern[str] = _KIND_OPENER) -> bool:
    """Whether the phrase at ``start`` is an item of a list a kind opens, every item before it
    capitalised: "environments such as Tower of Hanoi, Checker Jumping and Blocks World".

    >>> text = "puzzle environments such as Tower of Hanoi, Checker Jumping and Blocks World"
    >>> _in_kind_list(text, text.index("Checker")), _in_kind_list(text, text.index("Blocks"))
    (True, True)
    >>> _in_kind_list("games such as chess, Checker Jumping", 20)
    False
    """
    head = text[max(0, start - 150) : start]
    if "such as" not in head and "including" not in head and "like" not in head:
        return False  # skip the search on most phrases
    openers = list(opener.finditer(head))
    if not openers:
        return False
    opener = openers[-1]
    items = _ITEM_SEPARATOR.split(head[opener.end() :])
    if items[-1]:  # the phrase must follow a separator (or the opener itself)
        return False
    return all(item[:1].isupper() and "." not in item and len(item.split()) <= 4 for item in items[:-1])


def _in_name_list(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is an item of a list whose neighbour is name-shaped,
    or whose later capitalised items lead to a name-shaped one or a type noun ("the Instacart,
    Dunnhumby and TaFeng datasets").

    >>> text = "On the Instacart, Dunnhumby and TaFeng datasets"
    >>> _in_name_list(text, 7, 16), _in_name_list("Paris, Rome and Oslo", 0, 5)
    (True, False)
    """
    at = end
    for _ in range(4):  # the next items, while they are capitalised words
        after = _LIST_SEP.match(text, at)
        nxt = _LIST_ITEM.match(text, after.end()) if after else None
        if nxt is None:
            break
        if is_name_shaped(nxt.group(0).rstrip(".")):
            return True
        if not nxt.group(0)[:1].isupper():
            break
        if _TYPE_NOUN.match(text, nxt.end()):
            return True
        at = nxt.end()
    head = text[max(0, start - 40) : start]
    if not _ends_with_list_separator(head):
        return False  # skip the end-anchored search, slow on every word
    before = _ITEM_BEFORE.search(head)
    return bool(before and is_name_shaped(before.group(1).rstrip(".")))


def other_mentions(text: str, piece: Piece) -> list[Piece]:
    """Every other place ``piece``'s exact text occurs as a whole word in ``text``.

    >>> text = "Prismatic Synthesis: data\\n\\nWe propose Prismatic Synthesis, which..."
    >>> [p.start for p in other_mentions(text, Piece("Prismatic Synthesis", 0, 19))]
    [38]
    """
    out = []
    pattern = re.compile(rf"(?<![\w\-]){re.escape(piece.text)}(?![\w\-])")
    for match in pattern.finditer(text):
        if match.start() != piece.start:
            out.append(Piece(piece.text, match.start(), match.end()))
    return out


def repeated_mentions(text: str, pieces: Iterable[Piece]) -> list[Piece]:
    r"""Every place where the text of one of ``pieces`` occurs again as a whole word in
    ``text`` (not inside a path or an address: ".../R-GAP"), leaving out places a piece already
    holds. Each distinct text is searched once,
    so a name found many times costs one pass over ``text``, not one per find.

    >>> text = "Deep Foo Nets: X\n\nDeep Foo Nets (DFN) beat Deep Foo Nets-2 and Deep Foo Nets."
    >>> [p.start for p in repeated_mentions(text, [Piece("Deep Foo Nets", 18, 31)] * 3)]
    [0, 63]
    """
    starts: dict[str, set[int]] = {}
    for piece in pieces:
        starts.setdefault(piece.text, set()).add(piece.start)
    out = []
    for name, taken in starts.items():
        # str.find, then the whole-word test: what (?<![\w/@#-])name(?![\w-]) finds, many times faster
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if (at == 0 or not _word_char(text[at - 1])) and (end == len(text) or not _word_char(text[end])):
                if at not in taken and not (at and text[at - 1] in "/@#"):  # not in a path: ".../R-GAP"
                    out.append(Piece(name, at, end))
                at = text.find(name, end)
            else:
                at = text.find(name, at + 1)
    return out


def _word_char(char: str) -> bool:
    r"""What ``[\w-]`` matches in a regex over text: letters, digits, underscore, hyphen."""
    return char.isalnum() or char in "_-"


#: the head noun of an eponym term, up to two lower-case words after the name; neither may be
#: a function word or look like a verb ("Chronos tokenize values", "X predicts values"). A
#: mathematical result ("the Gauss-Markov theorem", "a Log-Sobolev inequality") is no head:
#: a theorem is no method, model or data set
_TERM_HEAD_NOUNS = (
    r"(?:learning|process(?:es)?|optimi[sz]ation|inference|sampling|dynamics|"
    r"regression|divergence|distance|transform|complexity|values?(?!\s+functions?\b)|decision process(?:es)?|"
    r"tree search|"
    r"chains?|random fields?|kernels?|descent|estimat(?:ion|or)|bounds?|dimension|machines?|"
    r"mixture models?|networks?|entropy|equations?|collapse|tickets?|"
    r"clustering|convolutions?|pooling|free energ(?:y|ies)|cuts?|filters?|priors?|samplers?|pyramids?|"
    r"algorithms?|"
    r"curvature|reflect(?:ors?|ions?)|"
    # a statistical test, not a test split: "the Friedman test", "a Nemenyi post-hoc test" (not
    # "the Pile test set")
    r"tests?(?!\s+(?:sets?|splits?|data|suites?|accuracy|loss|error|time|cases?|examples?|samples?|images?)\b)))\b"
)
_TERM_HEAD = re.compile(
    r"[ -]((?:(?!(?:to|of|the|and|or|for|in|on|with|by|a|an|is|are|was|were|that|which|as|at|from|"
    r"than|then|into|over|under|via|using|being|having|given)\b"
    r"|[a-z]*(?:[^sui]s|i[sz]e|ify)\b)[a-z]+[ -]){0,2}?" + _TERM_HEAD_NOUNS
)
#: after a plural ("Transformers implement gradient descent"), only a head noun right after it
_TERM_HEAD_NEXT = re.compile(r"[ -](" + _TERM_HEAD_NOUNS)
#: a capitalised word in the plural (a consonant and "s"): a subject, not an eponym; "Bayes",
#: "Mahalanobis" and "Gibbs" are names
_PLURAL_WORD = re.compile(r"(?!Gibbs\b)[A-Z][a-z]*[b-df-hj-np-rtv-z]s")
_CAPITALISED_BEFORE = re.compile(r"(?<![\w\-])([A-Z][a-z][\w\-]*)\s$")
#: the item before "and", "or" or a comma in a list
_LIST_ITEM_BEFORE = re.compile(r"(?<!\S)(\S+?)(?:,?\s+(?:and|or)|,)\s+\Z")
#: a capitalised name and its version right before: "Gemini 1.5 ", "Claude 3 "
_NAME_VERSION_BEFORE = re.compile(r"(?<![\w\-])[A-Z][\w\-]*\s\d{1,2}(?:\.\d{1,2})?\s\Z")
#: a token right before that is a name of mixed shape ("ImageNet", "GPT-4", "Min-K%"; not an
#: acronym, which may be the term's own: "the POMC Pareto optimization approach")
_NAME_TOKEN_BEFORE = re.compile(r"(?<!\S)(?=\S*[A-Z]\S*[A-Z])(?=\S*[a-z0-9%])\S+\s\Z")
#: names turned adjectives, which with a head below say what kind a thing is
_ADJECTIVE_EPONYMS = frozenset(["Gaussian", "Bayesian", "Euclidean", "Markovian", "Boolean", "Cartesian"])
#: an eponym that is surely a person's name: a possessive ("Gillespie's"; a hyphenated pair may
#: be plain words: "Teacher-Student algorithms")
_NAMED_FOR_PEOPLE = re.compile(r"['’]s$")
_KIND_HEAD = re.compile(r"(?:filters?|priors?|samplers?|pyramids?)$")
#: (a surname may carry accents: "the Cramér distance", "Fréchet")
_EPONYM = re.compile(
    r"(?:(?<![\w\-/.@#])Mc[A-Z]|[A-Z](?<![\w\-/.@#][A-Z]))[a-zß-öø-ÿ]+(?:[-–][A-Z][a-zß-öø-ÿ]+)?(?:['’]s)?"
    r"(?=[ -][a-z])"
)


_DETERMINERS = frozenset(["the", "a", "an", "this", "these", "that", "our", "its", "their", "each", "all"])


def _name_word_before(word: str) -> bool:
    """Whether a capitalised ``word`` right before an eponym makes it part of a longer name
    ("Neural Tangents", "Monte Carlo"), unlike a sentence's opening word ("In", "The").

    >>> [_name_word_before(w) for w in ("Monte", "Neural", "In", "The")]
    [True, True, False, False]
    """
    lower = word.lower()
    return word not in FUNCTION_WORDS and lower not in _DETERMINERS and lower not in GENERIC_WORDS


#: a shared task of an evaluation series, by year and number: "SemEval-2019 Task 6", "WMT'14 Task 1"
_SHARED_TASK_NAME = re.compile(
    rf"(?<![\w\-]){SHARED_TASK_SERIES}"
    r"(?:[- ]?'?\d{2}|[- ]?\d{4})?[- ](?:Shared\s+|Challenge\s+)?(?:Task|task|Track)\s*\d{1,2}[A-Za-z]?(?!\w)"
)


def shared_task_names(text: str) -> list[Piece]:
    """The shared tasks of evaluation series, named whole: the series alone is a venue.

    >>> [p.text for p in shared_task_names("Our system for SemEval-2019 Task 6 and WMT 2014 Task 1.")]
    ['SemEval-2019 Task 6', 'WMT 2014 Task 1']
    >>> [p.text for p in shared_task_names("medications from the n2c2 2018 Track 2 corpus")]
    ['n2c2 2018 Track 2']
    >>> [p.text for p in shared_task_names("captions of the DCASE 2024 Challenge Task 6 test set")]
    ['DCASE 2024 Challenge Task 6']
    """
    return [Piece(m.group(0), m.start(), m.end()) for m in _SHARED_TASK_NAME.finditer(text)]


def eponym_terms(text: str, start: int = 0) -> list[Piece]:
    """Technical terms headed by a proper name: "Hebbian learning", "Rademacher complexity".

    The capitalised word must sit mid-sentence and be followed by a technical head noun.

    >>> text = "It uses Hebbian learning, the Rademacher complexity and the Kullback-Leibler divergence."
    >>> [p.text for p in eponym_terms(text)]
    ['Hebbian learning', 'Rademacher complexity', 'Kullback-Leibler divergence']
    >>> [p.text for p in eponym_terms("It uses a Bloomier filter, Dirichlet priors and a Gaussian prior.")]
    ['Bloomier filter', 'Dirichlet priors']
    >>> eponym_terms("Models like Chronos tokenize values.")
    []
    >>> eponym_terms("We found Transformers implement gradient descent.")
    []
    >>> eponym_terms("It runs on the Hangzhou road networks.")
    []
    >>> eponym_terms("Memes spread on the Twitter network.")
    []
    >>> eponym_terms("It uses the Min-K% Prob membership inference score.")
    []
    >>> eponym_terms("It is scored by a Gemini 1.5 Flash progress estimator.")
    []
    >>> eponym_terms("Pipelines such as MinerU and Marker chain layout detection and OCR.")
    []
    >>> eponym_terms("It works in Reproducing kernel Hilbert Spaces and by Markov chain Monte Carlo.")
    []
    >>> eponym_terms("Problems evolve by an Evol-Instruct-style mutation process.")
    []
    """
    out = []
    for match in _EPONYM.finditer(text, start):
        if _sentence_initial(text, match.start()) or match.group(0) in _NOT_EPONYMS:
            continue
        if _MODIFIER_AFTER.match(text, match.end()):
            continue  # "an Evol-Instruct-style mutation process": the name modifies, heads nothing
        if is_never_a_name(match.group(0)):
            continue  # a place or a language: "the Hangzhou road networks", "Chinese word segmentation"
        if match.group(0).removesuffix("'s").removesuffix("’s") in ORGANISATIONS:
            continue  # a company or a site: "the Twitter network"
        before = _CAPITALISED_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if before and _name_word_before(before.group(1)):
            continue  # the last word of a longer name: "Neural Tangents performs exact inference"
        if _NAME_TOKEN_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            continue  # ... or of a name with capitals or a sign inside: "the Min-K% Prob score"
        if _NAME_VERSION_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            continue  # ... or of a released model's name: "a Gemini 1.5 Flash progress estimator"
        listed = _LIST_ITEM_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if listed and is_name_shaped(listed.group(1).rstrip(",")):
            continue  # an item of a list of names, then a verb: "MinerU and Marker chain layout detection"
        plural = _PLURAL_WORD.fullmatch(match.group(0)) is not None
        head = (_TERM_HEAD_NEXT if plural else _TERM_HEAD).match(text, match.end())
        if head and match.group(0) in _ADJECTIVE_EPONYMS and _KIND_HEAD.search(head.group(0)):
            continue  # "a Gaussian prior", "Bayesian filters": a kind of thing, not one named thing
        algorithm = head is not None and head.group(0).rstrip("s").endswith("algorithm")
        if algorithm and not _NAMED_FOR_PEOPLE.search(match.group(0)):
            continue  # "the Adam algorithm" is Adam; "Gillespie's algorithm" is named
        if head and _CAPITALISED_NEXT.match(text, head.end()):
            continue  # the start of a longer name: "Reproducing kernel Hilbert Spaces"
        if head:
            out.append(Piece(text[match.start() : head.end()], match.start(), head.end()))
    return out


#: a capitalised word right after a term: the term opens a longer name
_CAPITALISED_NEXT = re.compile(r" [A-Z][a-z]")


#: settings that make a kind of reinforcement learning, or of decision problem, a named one
_SETTINGS = words_of(
    """
    offline online model-based model-free multi-agent single-agent goal-conditioned hierarchical
    inverse safe risk-sensitive distributional off-policy on-policy batch continual lifelong
    federated decentralized decentralised cooperative multi-task multitask meta few-shot zero-shot
    self-supervised unsupervised semi-supervised linear tabular episodic constrained robust
    contextual average-reward factored low-rank adversarial preference-based reward-free
    """
)
#: the kinds a setting word names: found first, then the word before them is checked
_SETTING_HEAD = re.compile(
    r"(?<![\w\-])(?:meta-RL|RL|POMDPs?|MDPs?|"
    r"(?i:reinforcement learning|meta-reinforcement learning|bandits?|imitation learning))(?![\w\-])"
)
_SETTING_KEYS = ("reinforcement learning", "bandit", "imitation learning")
_WORD_BEFORE_HEAD = re.compile(r"(?<![\w\-])([A-Za-z][a-z\-]*)[ -]$")


def setting_terms(text: str, start: int = 0) -> list[Piece]:
    """Kinds of reinforcement learning and decision problems named by their setting: "offline
    meta-RL", "goal-conditioned RL", "linear MDP", "multi-agent reinforcement learning".

    >>> text = "It helps offline meta-RL and goal-conditioned RL in a linear MDP, unlike deep RL."
    >>> [p.text for p in setting_terms(text)]
    ['offline meta-RL', 'goal-conditioned RL', 'linear MDP']
    >>> [p.text for p in setting_terms("Bias in Adversarial Imitation Learning")]
    ['Adversarial Imitation Learning']
    """
    if "RL" not in text and "MDP" not in text:  # most texts name none of the kinds
        lower = text.lower()
        if not any(key in lower for key in _SETTING_KEYS):
            return []
    found = []
    for head in _SETTING_HEAD.finditer(text, start):
        before = _WORD_BEFORE_HEAD.search(text, max(start, head.start() - 30), head.start())
        if before and before.group(1).lower() in _SETTINGS:
            found.append(Piece(text[before.start(1) : head.end()], before.start(1), head.end()))
    return found


#: a number format or a bit-width setting before the way it is used: "W4A8 quantization", "FP8
#: mixed precision", "BF16 training" (the format alone names nothing: "4x faster than FP16")
_PRECISION_METHOD = re.compile(
    r"(?<![\w\-])(?:W\d{1,2}A\d{1,2}(?:KV\d{1,2})?|(?:FP|BF|INT|MXFP|NVFP)\d{1,2})[ \-]"
    r"(?:quanti[sz]ation|training|pre-?training|mixed[ \-]precision|inference)(?![\w\-])"
)


def precision_methods(text: str, start: int = 0) -> list[Piece]:
    """Ways of computing named by their number format or bit widths: "W4A8 quantization", "FP8
    mixed precision", "BF16 training"; not the bare format ("4x faster than FP16").

    >>> text = "W4A8 quantization uses INT8 tensor cores; with FP8 mixed precision it is 4x faster than FP16."
    >>> [p.text for p in precision_methods(text)]
    ['W4A8 quantization', 'FP8 mixed precision']
    """
    return [Piece(m.group(0), m.start(), m.end()) for m in _PRECISION_METHOD.finditer(text, start)]


def introduced_phrases(text: str, start: int = 0) -> list[Piece]:
    """Lower-case terms the paper introduces and says the kind of: "We introduce the
    distribution locality, a measure of ...", "we propose position coupling, a simple method".

    The term is two to four lower-case words (or one hyphenated word) right after a verb of
    proposal, and an appositive of a kind follows it; a term that ends on a kind word itself
    ("a simple method, a variant of ...") is none.

    >>> text = "We introduce the distribution locality, a measure of how far tokens reach."
    >>> [p.text for p in introduced_phrases(text)]
    ['distribution locality']
    >>> [p.text for p in introduced_phrases("We propose a simple method, a variant of Adam.")]
    []
    >>> text = "We introduce sieve, a gradient-free selection method. Unlike LESS, sieve needs no backprop."
    >>> [p.text for p in introduced_phrases(text)]
    ['sieve']
    >>> [p.text for p in introduced_phrases("We propose regularization, a technique that helps.")]
    []
    >>> [p.text for p in introduced_phrases("We introduce two evaluation metrics, the X score and")]
    []

    A lower-case term the paper names as a method, model, task or metric is one too: "we call
    this approach limited self-supervision" (but not "the so-called partition function", a
    known thing, nor "singular vectors, which we call intruder dimensions", no entity).

    >>> [p.text for p in introduced_phrases("We call this approach limited self-supervision, as")]
    ['limited self-supervision']
    >>> [p.text for p in introduced_phrases("new vectors, which we call intruder dimensions.")]
    []

    So is the term named right after "a new problem" (or task, or setting), acronyms and all:

    >>> [p.text for p in introduced_phrases("We study a new research problem, online GNN evaluation, which")]
    ['online GNN evaluation']
    """
    found = []
    for at in _we_positions(text, start):  # the pattern opens on "we": tried only there
        match = _INTRODUCED_PHRASE.match(text, at)
        if match is not None:
            words = match.group(1).split()
            if (
                words[-1] in _KIND_WORDS
                or words[-1].removesuffix("s") in _KIND_WORDS  # "two evaluation metrics, the X and"
                or words[0] in _COUNT_WORDS
                # one plain word is a name only when the text goes on using it as one
                or (len(words) == 1 and "-" not in words[0] and word_count(text, words[0]) < 2)
            ):
                continue
            found.append(Piece(match.group(1), match.start(1), match.end(1)))
    if "a new " in text or "a novel " in text:
        found += _terms_before_new_kind(text, start)
        for match in _NEW_PROBLEM.finditer(text, start):
            words = match.group(1).split()
            if not any(word in _NOT_TERM_WORDS or word.title() in FUNCTION_WORDS for word in words):
                found.append(Piece(match.group(1), match.start(1), match.end(1)))
    if _NAMING_GATE.search(text, start) is not None:
        for match in _NAMED_LOWER.finditer(text, start):
            words = match.group(1).split()
            if (
                words[0] in _NOT_TERM_OPENERS
                or (len(words) == 1 and "-" not in words[0])
                or any(word in _NOT_TERM_WORDS for word in words)
            ):
                continue
            found.append(Piece(match.group(1), match.start(1), match.end(1)))
    return sorted(found, key=lambda piece: piece.start)


#: the kinds of method, metric or task a lower-case term the paper introduces or names may be
#: said to be
_TERM_KINDS = words_of(
    """approach method technique framework procedure strategy objective loss metric measure
    algorithm scheme regularizer regulariser task mechanism module architecture estimator
    paradigm recipe"""
)
#: ... in an appositive after the term ("X, a measure of ...", "X, a new benchmark")
_KIND_WORDS = _TERM_KINDS | words_of("benchmark dataset principle criterion score protocol")
#: ... or as the object of the naming ("we call this approach X", "a regularizer, which we
#: call X"); a named phenomenon or part ("which we call intruder dimensions") is none of the
#: entity types
_NAMED_KINDS = (
    "(?:" + "|".join(sorted(_TERM_KINDS | words_of("model problem setting learning training"))) + ")s?"
)
_LOWER_WORD = r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*"
_NAMED_LOWER = re.compile(
    rf"(?:\b{_NAMED_KINDS},?\s+(?:(?:which|that)\s+)?we\s+(?:call|name|term|dub)"
    rf"|\b[Ww]e\s+(?:call|name|term|dub)\s+(?:this|these|such|our)\s+(?:[a-z\-]+\s+)?{_NAMED_KINDS})"
    r"\s+[\"“']?"
    rf"({_LOWER_WORD}(?:\s{_LOWER_WORD}){{0,3}})[\"”']?"
    r"(?=\s*[,.;:(]|\s+(?:that|which|where)\b)"
)


def _terms_before_new_kind(text: str, start: int) -> list[Piece]:
    """Lower-case terms of two to four words right before ", a new <kind>", after a preposition
    or an article: "... with reasoning graph accuracy, a new measure of ..." (not after a verb:
    "we then apply gradient surgery, a novel technique", where the term's start is unknown).

    >>> [p.text for p in _terms_before_new_kind("It adds the reasoning graph accuracy, a new measure.", 0)]
    ['reasoning graph accuracy']
    >>> [p.text for p in _terms_before_new_kind("We then apply gradient surgery, a novel technique.", 0)]
    []
    """
    found = []
    for match in _NEW_KIND_AFTER.finditer(text, start):
        words = _TERM_BEFORE.search(text, max(start, match.start() - 60), match.start())
        if words is None:
            continue
        parts = words.group(1).split()
        # the term opens after a preposition or an article ("with reasoning graph accuracy"),
        # not after a verb ("we then apply gradient surgery")
        left = max((i for i, p in enumerate(parts) if p in _TERM_LEFT), default=None)
        if left is None:
            continue
        parts = parts[left + 1 :]
        if (
            len(parts) < 2
            or parts[-1] in _KIND_WORDS
            or any(p in _NOT_TERM_WORDS or p.title() in FUNCTION_WORDS for p in parts)
        ):
            continue
        end = match.start()
        begin = end - len(" ".join(parts))  # one space or line break between the words
        found.append(Piece(text[begin:end], begin, end))
    return found


#: ", a new measure", ", a novel training objective": a kind the paper says is new
_NEW_KIND_AFTER = re.compile(
    r",\s+an?\s+(?:new|novel)\s+(?:[a-z\-]+\s+){0,2}?(?:measure|metric|score|method|approach|objective|loss|"
    r"task|benchmark|algorithm|technique|regularizer|criterion)\b"
)
#: up to five lower-case words ending right before the comma
_TERM_BEFORE = re.compile(r"(?<![\w\-])((?:[a-z][a-z0-9\-]*\s){1,4}[a-z][a-z0-9\-]*)$")
#: the words a term may open after
_TERM_LEFT = words_of("with of on in for by via from to the a an our and or as")
#: a word of a term that may be an acronym: "online GNN evaluation"
_TERM_WORD = r"(?:[a-z][a-z0-9]*|[A-Z]{2,6}s?)(?:-[A-Za-z0-9]+)*"
#: "a new research problem, online GNN evaluation, which ...": the term named after its kind
_NEW_PROBLEM = re.compile(
    r"\ba\s+(?:new|novel)\s+(?:research\s+|learning\s+)?(?:problem|task|setting)\s*(?:,|:|—)\s*[\"“']?"
    rf"((?:[a-z][a-z0-9\-]*\s)?{_TERM_WORD}(?:\s{_TERM_WORD}){{1,3}})[\"”']?"
    r"(?=\s*[,.;:(]|\s+(?:that|which|where)\b)"
)
#: the words every naming above holds (a search many times faster than the pattern's)
_NAMING_GATE = re.compile(r"[Ww]e\s+(?:call|name|term|dub)")


def _we_positions(text: str, start: int) -> list[int]:
    """Where "we" or "We" stands in ``text`` from ``start`` (found with ``str.find``)."""
    positions = []
    for token in ("we", "We"):
        at = text.find(token, start)
        while at != -1:
            positions.append(at)
            at = text.find(token, at + 2)
    return sorted(positions)


#: words a named term does not open on ("we call this X": "this" is no term)
_NOT_TERM_OPENERS = words_of("the a an it this these them for upon as on in to by our its their such")
#: words that make the run a clause, not a term ("we call confirmation bias and demonstrate")
_NOT_TERM_WORDS = words_of("and or as was were is are be been has have had demonstrate show find")
#: words that count what follows: "two evaluation metrics" are no term
_COUNT_WORDS = words_of("two three four five six seven eight nine ten several multiple various many some")
_INTRODUCED_PHRASE = re.compile(
    r"(?<![\w\-])[Ww]e\s+(?:also\s+|further\s+|then\s+|first\s+)?(?:introduce|propose|present|define|develop|design)\s+"
    r"(?:the\s+|an?\s+)?(?:new\s+|novel\s+)?"
    rf"({_LOWER_WORD}(?:\s{_LOWER_WORD}){{0,3}}),\s+(?:an?|the)\s+(?:[\w\-]+\s+){{0,3}}?"
    rf"(?:{'|'.join(sorted(_KIND_WORDS))})s?\b"
)


_NOT_EPONYMS = frozenset(
    [
        "I",
        "We",
        "Our",
        "Table",
        "Figure",
        "Section",
        "Appendix",
        "English",
        "Chinese",
        # a describing word capitalised by mistake: "widely used Deep neural networks"
        "Deep",
        "Internet",
        "Web",
        "Python",
        "GitHub",
    ]
)
