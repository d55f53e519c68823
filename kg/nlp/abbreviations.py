"""Long form ↔ short form pairs such as "Low-Rank Adaptation (LoRA)", in both orders.

The matching is Schwartz and Hearst's (2003): the characters of the short form are found,
right to left, in the candidate long form, the first one at the start of a word. The
functions here work on plain strings with character offsets; the spaCy component in
:mod:`kg.nlp.components` only turns their offsets into spans.

Examples
--------
>>> text = ("We fine-tune with Low-Rank Adaptation (LoRA) and "
...         "RLHF (reinforcement learning from human feedback).")
>>> [(p.long.text, p.short.text) for p in find_abbreviations(text)]
[('Low-Rank Adaptation', 'LoRA'), ('reinforcement learning from human feedback', 'RLHF')]
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kg.nlp.gazetteer import words_of

__all__ = [
    "AbbreviationPair",
    "Piece",
    "find_abbreviations",
    "is_short_form",
    "match_long_form",
]


class Piece(NamedTuple):
    """A run of text and its character offsets."""

    text: str
    start: int
    end: int


class AbbreviationPair(NamedTuple):
    """A long form and the short form that stands for it in the same text."""

    long: Piece
    short: Piece


_LAST_WORD = re.compile(r"([^\s(]+)\s*$")
_PAREN = re.compile(r"\(([^()]{1,200})\)")
_WORD = re.compile(r"[^\s]+")
_CITATION = re.compile(r"(?:\d{4}[a-z]?|et al\.?|e\.g\.?|i\.e\.?|cf\.?|see|ours)\b", re.I)
_SHORT_SHAPE = re.compile(r"[A-Za-z0-9][\w.\-/&+$^{}]*(?:\s[\w.\-/&+]+)?")


#: a species with its genus cut to a capital: "C. elegans", "E. coli"
_SPECIES = re.compile(r"[A-Z]\. ?[a-z]{3,}")
#: the words that open an aside in a bracket, written without their full stops too
_ASIDE_WORDS = frozenset({"eg", "e.g", "ie", "i.e", "cf", "viz", "resp", "see", "like", "incl"})


def is_short_form(text: str) -> bool:
    """Whether ``text`` can be a short form: short, one or two words, with a capital letter.

    >>> is_short_form("LoRA"), is_short_form("n-gram TM"), is_short_form("2018"), is_short_form("ours")
    (True, True, False, False)
    >>> is_short_form("subtask A"), is_short_form("eg. Atari"), is_short_form("cf BERT")
    (False, False, False)

    A species written the biologists' short way is no acronym: "Caenorhabditis elegans (C. elegans)".

    >>> is_short_form("C. elegans"), is_short_form("E. coli"), is_short_form("D. melanogaster")
    (False, False, False)
    """
    text = text.strip()
    if _SPECIES.fullmatch(text):
        return False
    words = text.split()
    if len(words) == 2 and len(words[1]) == 1:  # a label: "subtask A", "Model B"
        return False
    if len(words) == 2 and words[0].lower().rstrip(".,:") in _ASIDE_WORDS:
        return False  # an example or a comparison: "(eg. Atari)", "(cf. BERT)"
    return (
        2 <= len(text) <= 15
        and _SHORT_SHAPE.fullmatch(text) is not None
        and any(c.isupper() for c in text)
        and any(c.isalpha() for c in text)
        and _CITATION.search(text) is None
    )


def match_long_form(candidate: str, short: str) -> int | None:
    """Return where the long form for ``short`` starts within ``candidate``, or ``None``.

    ``candidate`` is the text just before (or inside) the parentheses. Every letter and
    digit of the short form must be found, right to left and case-folded, and the first
    one must begin a word.

    >>> candidate = "a new method -- prompt inversion from logprob sequences"
    >>> candidate[match_long_form(candidate, "PILS"):]
    'prompt inversion from logprob sequences'

    A "2" or "4" between letters may stand for "to" or "for", as short forms write them:

    >>> candidate = "We propose Text-to-LoRA"
    >>> candidate[match_long_form(candidate, "T2L"):]
    'Text-to-LoRA'

    The capitals of a mixed-case short form may spell the initials on their own:

    >>> candidate = "We propose Heuristics Allied with Distant Supervision"
    >>> candidate[match_long_form(candidate, "HAnDS"):]
    'Heuristics Allied with Distant Supervision'
    """
    offset = _match_letters(candidate, short)
    if offset is None and _NUMBER_FOR_WORD.search(short):
        # the digit must stand for a whole word "to" or "for" (not "A2BCD", whose 2 squares A):
        # write those words with the digit, keeping every offset
        digits = _WORD_FOR_NUMBER.sub(lambda m: "2o" if m.group(0).lower() == "to" else "4or", candidate)
        if digits != candidate:
            offset = _match_letters(digits, short)
    capitals = "".join(c for c in short if c.isupper())
    if offset is None and len(capitals) >= 3 and any(c.islower() for c in short):
        # "Heuristics Allied with Distant Supervision (HAnDS)": the capitals spell the
        # initials, and the lower-case letters are the words' own
        offset = _initials_offset(candidate, capitals)
    return offset


#: a digit between letters that a short form writes for a word: "T2L" (to), "G4C" (for)
_NUMBER_FOR_WORD = re.compile(r"(?<=[A-Za-z])[24](?=[A-Za-z])")
_WORD_FOR_NUMBER = re.compile(r"\b(?:to|for)\b", re.I)


def _match_letters(candidate: str, short: str) -> int | None:
    chars = [c.lower() for c in short if c.isalnum()]
    if not chars:
        return None
    text = candidate.lower()
    pos = len(text) - 1
    for index in range(len(chars) - 1, -1, -1):
        char = chars[index]
        first = index == 0
        while pos >= 0:
            at_word_start = pos == 0 or not text[pos - 1].isalnum()
            if text[pos] == char and (not first or at_word_start):
                break
            pos -= 1
        if pos < 0:
            return None
        pos -= 1
    return pos + 1


#: a count after an acronym's letters ("PC-459" for the 459-class PASCAL Context)
_COUNT_SUFFIX = re.compile(r"(?<=[A-Za-z])-\d{2,}$")
_INITIAL_WORD = re.compile(r"[A-Za-z0-9][^\s\-–—/]*")
#: small words a long form holds that its acronym leaves out ("learning from human feedback")
_UNCOUNTED = frozenset({"of", "for", "from", "the", "and", "with", "in", "on", "to", "a", "an", "by", "via"})


def initials_offset(candidate: str, short: str) -> int | None:
    """Where the long form starts when an upper-case ``short`` spells the initials of the last
    words of ``candidate`` (small words such as "from" may stand between them), else ``None``.

    Tried before :func:`match_long_form`, whose right-to-left letter search can settle on a
    letter inside a word ("Subspace Cubic Newton" for SSCN).

    >>> text = "a new algorithm—Stochastic Subspace Cubic Newton"
    >>> text[initials_offset(text, "SSCN"):]
    'Stochastic Subspace Cubic Newton'
    >>> text = "we use reinforcement learning from human feedback"
    >>> text[initials_offset(text, "RLHF"):]
    'reinforcement learning from human feedback'
    >>> initials_offset("Low-Rank Adaptation", "LoRA") is None
    True

    A lower-case head noun after the spelled words is part of the long form but not of the
    acronym: "Robust Reward Model training (RRM)".

    >>> text = "We propose Robust Reward Model training"
    >>> text[initials_offset(text, "RRM"):]
    'Robust Reward Model training'
    """
    offset = _initials_offset(candidate, short)
    if offset is None and (bare := without_head_word(candidate)) != candidate:
        offset = _initials_offset(bare, short)
    return offset


#: a lower-case head noun that ends a long form its acronym leaves out ("... training (RRM)")
_LAST_HEAD_WORD = re.compile(
    r"(?<=\w)\s+(?:training|learning|method|approach|framework|algorithm|loss|objective|scheme|"
    r"technique|strategy|procedure|module|mechanism|pipeline|architecture)$"
)


def without_head_word(long_text: str) -> str:
    """``long_text`` without the lower-case head noun its acronym leaves out, if it ends on one.

    >>> without_head_word("advantageous actor critic algorithm")
    'advantageous actor critic'
    >>> without_head_word("Low-Rank Adaptation")
    'Low-Rank Adaptation'
    """
    last = _LAST_HEAD_WORD.search(long_text)
    return long_text[: last.start()] if last is not None else long_text


def _initials_offset(candidate: str, short: str) -> int | None:
    letters = [c for c in short if c.isalnum()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return None
    wanted = [c.lower() for c in letters]
    initials: list[str] = []
    for word in reversed(list(_INITIAL_WORD.finditer(candidate))):
        if initials and word.group(0).lower() in _UNCOUNTED:
            continue
        initials.append(word.group(0)[0].lower())
        if len(initials) == len(wanted):
            return word.start() if initials[::-1] == wanted else None
    return None


def _long_candidate(text: str, end: int, short: str) -> Piece:
    """The words before ``end`` that may hold the long form (Schwartz-Hearst window)."""
    window = min(len(short) + 5, 2 * len(short))
    # a sentence's end, a clause break, a line break (the title's end) or another parenthesis
    # closes the window; no long form is longer than 40 characters a word (searching the
    # whole text before ``end`` for each short form made long texts quadratic)
    floor = max(0, end - 40 * window)
    stop = max(
        floor - 1,
        text.rfind(".", floor, end - 1),
        text.rfind(";", floor, end),
        text.rfind(":", floor, end),
        text.rfind(")", floor, end),
        text.rfind("(", floor, end),
        text.rfind("\n", floor, end),
    )
    words = [m for m in _WORD.finditer(text, stop + 1, end)][-window:]
    if not words:
        return Piece("", end, end)
    start = words[0].start()
    return Piece(text[start:end], start, end)


def _hyphenated_word_start(text: str, at: int) -> int:
    """Where the hyphenated word holding ``text[at]`` starts: a long form takes whole words.

    >>> text = "the spike-and-slab Restricted Boltzmann Machine"
    >>> text[_hyphenated_word_start(text, text.index("slab")):]
    'spike-and-slab Restricted Boltzmann Machine'
    """
    while at > 1 and text[at - 1] == "-" and text[at - 2].isalnum():
        at -= 1
        while at > 0 and text[at - 1].isalnum():
            at -= 1
    return at


#: what a bracket glued to a word holds when it is a formula: a lower-case start or an operator
_FORMULA = re.compile(r"^[^A-Z]|[/=+*^,]")

_QUOTES = "\"'“”‘’"


def _trim(piece: Piece, offset: int) -> Piece | None:
    """The long form from ``offset`` on, without the punctuation or quotes around it.

    >>> _trim(Piece("we propose “fidelity-weighted learning”", 0, 40), 11)
    Piece(text='fidelity-weighted learning', start=12, end=38)
    """
    text = piece.text[offset:]
    start = piece.start + offset + (len(text) - len(text.lstrip(_QUOTES)))
    text = text.lstrip(_QUOTES).rstrip(" ,-–—" + _QUOTES)
    if not text or len(text.split()) < 1:
        return None
    return Piece(text, start, start + len(text))


#: Lower-case words a long form never starts with: when the short form's first letter can
#: only be found there ("we propose a mix-generator GAN (PGAN)"), the letters do not spell it.
_NOT_FIRST = words_of(
    """a an the of to in on at by for from with across into onto over via between among and or
    but we our propose proposes proposed present presents introduce introduces use uses using
    called namely is are was were"""
)


def _long_form_ok(long: Piece, short: Piece) -> bool:
    """Whether ``long`` can be what ``short`` stands for.

    >>> _long_form_ok(Piece("Low-Rank Adaptation", 0, 19), Piece("LoRA", 21, 25))
    True
    >>> _long_form_ok(Piece("across tasks in arcade environments", 0, 35), Piece("Atari", 37, 42))
    False

    Two long forms for two short forms are no pair: "Natural Policy Gradient and Trust Region
    Policy Optimization (NPG/TRPO)" names two methods, each found on its own.

    >>> _long_form_ok(Piece("Natural Gradient and Trust Region", 0, 33), Piece("NG/TR", 35, 40))
    False
    """
    if "/" in short.text and (" and " in long.text or " & " in long.text):
        return False
    words = long.text.split()
    compact = long.text.replace("-", "").replace(" ", "").lower()
    return (
        len(long.text) > len(short.text)
        and words[0] not in _NOT_FIRST
        and compact != short.text.replace("-", "").lower()
        and len(words) <= len(short.text) + 5
        and not long.text.endswith(("(", "[", "{"))
        # a comma ends a clause ("evaluate on DMLab, Minecraft (MineRL)") unless the words
        # spell the acronym ("Watch, Attend, and Spell (WAS)")
        and (", " not in long.text or initials_offset(long.text, short.text) == 0)
    )


#: a title that opens on a short name and a colon: "CyCADA: Cycle-Consistent Adversarial ..."
_TITLE_HEAD = re.compile(r"\s*([^\s:]{2,15}):\s+")
#: where the words that may spell a title's short name end: a small word or a stop
_SUBTITLE_END = re.compile(
    r"\s+(?:for|with|via|in|on|using|through|by|from|towards?|to|of|and|as|at|beyond|without|"
    r"under|is|are)\b|[,:;.?!—–(]|\s-\s",
    re.I,
)
#: subtitle openings that begin a phrase, not a spelled-out name
_NOT_SPELLED_OPENING = words_of(
    "towards toward rethinking revisiting beyond when how why what is are do does can"
)


def title_pair(text: str) -> AbbreviationPair | None:
    """The pair a title makes when its short name is spelled out right after the colon.

    >>> title_pair("CyCADA: Cycle-Consistent Adversarial Domain Adaptation\\n\\nWe adapt.").long.text
    'Cycle-Consistent Adversarial Domain Adaptation'
    >>> title_pair("GradNorm: Gradient Normalization for Adaptive Loss Balancing").long.text
    'Gradient Normalization'
    >>> title_pair("D2GAN: A Few-Shot Learning Approach") is None
    True
    >>> title_pair("OpenMixer: Open Mixer Toolbox and Benchmark") is None  # "Toolbox" spells nothing
    True
    >>> title_pair("Pearl: Prototype lEArning via Rule Lists").long.text
    'Prototype lEArning via Rule Lists'
    >>> title_pair("PEARL: Prototype Learning via Rule Lists").long.text
    'Prototype Learning via Rule Lists'

    A coined name of mixed case is the paper's system, not the task its capitals happen to
    spell ("StreamST: Simultaneous Speech Translation with ..."); an acronym may be the task's.

    >>> title_pair("StreamST: Simultaneous Speech Translation with LLMs") is None
    True
    >>> title_pair("MOTR: Multiple Object Tracking with Transformers").long.text
    'Multiple Object Tracking'

    A digit may count the words its letter begins, as in brackets:

    >>> title_pair("D3PG: Deep Differentiable Deterministic Policy Gradients").long.text
    'Deep Differentiable Deterministic Policy Gradients'
    """
    title = text[: text.find("\n\n")] if "\n\n" in text else text
    head = _TITLE_HEAD.match(title)
    if head is None or not is_short_form(head.group(1)) or not head.group(1)[0].isupper():
        return None
    start = head.end()
    short = Piece(head.group(1), head.start(1), head.end(1))
    stop = _SUBTITLE_END.search(title, start)
    pair = _spelled_title_pair(title, start, stop.start() if stop else len(title.rstrip()), short)
    if pair is None and stop is not None and stop.group(0).strip().isalpha():
        # the spelled words may run past one small word: "PEARL: Prototype Learning via Rule Lists"
        further = _SUBTITLE_END.search(title, stop.end())
        pair = _spelled_title_pair(title, start, further.start() if further else len(title.rstrip()), short)
    if pair is None:  # "FSPool: Learning Set Representations with Featurewise Sort Pooling"
        pair = _spelled_after_preposition(title, start, short)
    if pair is not None and not short.text.isupper() and _TASK_HEAD_END.search(pair.long.text):
        return None
    return pair


#: where a title names its means after a preposition: " with Featurewise Sort Pooling"
_MEANS_BEFORE = re.compile(r"\s(?:with|via|using|through|by)\s+(?=[A-Z])")


def _spelled_after_preposition(title: str, start: int, short: Piece) -> AbbreviationPair | None:
    """The pair of a title's short name and the capitalised words after a later "with",
    "via", "using", "through" or "by" that spell it.

    >>> title_pair("FSPool: Learning Set Representations with Featurewise Sort Pooling").long.text
    'Featurewise Sort Pooling'
    >>> title_pair("FSPool: Learning Set Representations with Sorted Features") is None
    True
    """
    for means in _MEANS_BEFORE.finditer(title, start):
        stop = _SUBTITLE_END.search(title, means.end())
        end = stop.start() if stop else len(title.rstrip())
        pair = _spelled_title_pair(title, means.end(), end, short)
        if pair is not None:
            return pair
    return None


#: the last word of a task's name: "... Speech Translation", "... Object Detection"
_TASK_HEAD_END = re.compile(
    r"(?:Translation|Recognition|Detection|Segmentation|Classification|Generation|Summari[sz]ation|"
    r"Retrieval|Parsing|Tagging|Answering|Captioning|Forecasting|Localization|Tracking|"
    r"Understanding|Prediction|Extraction|Completion)$"
)


def _capitals(text: str) -> str:
    """The capital letters and digits of ``text``, in order ("Prototype lEArning" -> "PEA")."""
    return "".join(c for c in text if c.isupper() or c.isdigit())


def _spelled_title_pair(title: str, start: int, end: int, short: Piece) -> AbbreviationPair | None:
    """The pair of ``short`` and the title's words from ``start`` to ``end``, if they spell it."""
    words = title[start:end].split()
    while words and words[-1].islower():  # "... Origin-Destination prediction model"
        end = title.rindex(words.pop(), start, end)
        end = len(title[:end].rstrip())
    if not words or not words[0][0].isupper() or words[0].lower() in _NOT_SPELLED_OPENING:
        return None
    long = Piece(title[start:end], start, end)
    letters = sum(c.isupper() or c.isdigit() for c in short.text)
    # capitals that spell the whole name say so however few the name's own are: "Pearl:
    # Prototype lEArning via Rule Lists"
    spelled = len(short.text) >= 3 and _capitals(long.text) == short.text.upper()
    offset = match_long_form(long.text, short.text)
    if offset is None and _LETTER_COUNT.search(short.text):  # "D3PG: Deep Differentiable Deterministic ..."
        offset = _counted_letters_offset(long.text, short.text)
    if (
        offset == 0
        and short.text[-1].lower() in words[-1].lower()  # the last word spells part of it
        and (short.text.isupper() or not long.text.isupper())  # a capitalised title spells little
        and _long_form_ok(long, short)
        and (len(words) <= max(letters, 2) + 1 or spelled)
    ):
        return AbbreviationPair(long, short)
    return None


_TITLE_WORD = re.compile(r"[\w'’]+(?:-[\w'’]+)*")


def _title_initials_pairs(text: str, paired: set[str]) -> list[AbbreviationPair]:
    """Pairs of an acronym the abstract writes bare and the run of capitalised title words
    whose initials spell it: "... with Surrogate Gradient Normalization" over "We introduce
    SGN, a normalization ..." (the first bare use in the abstract is the short form). The run
    must be whole ("Open-domain Question Answering" spells no "QA") and the only one.

    >>> text = "Training SNNs with Surrogate Gradient Normalization\\n\\nWe introduce SGN, which helps."
    >>> [(p.long.text, p.short.text) for p in _title_initials_pairs(text, set())]
    [('Surrogate Gradient Normalization', 'SGN')]
    >>> _title_initials_pairs("Scalable Open-domain Question Answering\\n\\nWe use Dr.QA and QA.", set())
    []
    >>> _title_initials_pairs("A NEW WAY TO LEARN\\n\\nWe use NWTL.", set())
    []
    >>> text = "Imitating Latent Policies from Observation\\n\\nWe present ILPO, a method."
    >>> [(p.long.text, p.short.text) for p in _title_initials_pairs(text, set())]
    [('Imitating Latent Policies from Observation', 'ILPO')]
    """
    split = text.find("\n\n")
    if split <= 0 or text[:split].isupper():
        return []
    title = text[:split]
    by_initials: dict[str, list[list[tuple[str, int]]]] = {}
    runs = _capitalised_runs(title)
    for run in runs + _bridged_runs(title, runs):
        if 2 <= len(run) <= 5:
            by_initials.setdefault("".join(word[0] for word, _ in run), []).append(run)
    pairs = []
    for short, runs in by_initials.items():
        if len(runs) != 1 or short in paired or text.find(short, split) == -1:
            continue  # (a cheap test before the search for the bare acronym)
        match = re.compile(rf"(?<![\w\-.]){short}(?![\w\-])").search(text, split)
        if match is not None:
            (_, start), (last, last_start) = runs[0][0], runs[0][-1]
            end = last_start + len(last)
            pairs.append(AbbreviationPair(Piece(title[start:end], start, end), Piece(short, *match.span())))
    return sorted(pairs, key=lambda pair: pair.short.start)


def _bridged_runs(title: str, runs: list[list[tuple[str, int]]]) -> list[list[tuple[str, int]]]:
    """Runs of capitalised words joined across one lower-case function word, which an
    acronym skips: "Imitating Latent Policies from Observation" spells ILPO.

    >>> title = "Imitating Latent Policies from Observation"
    >>> [[w for w, _ in run] for run in _bridged_runs(title, _capitalised_runs(title))]
    [['Imitating', 'Latent', 'Policies', 'Observation']]
    """
    bridged: list[list[tuple[str, int]]] = []
    for run in runs:
        if bridged:
            last, last_start = bridged[-1][-1]
            if _FUNCTION_WORD_GAP.fullmatch(title, last_start + len(last), run[0][1]):
                bridged[-1] = bridged[-1] + run
                continue
        bridged.append(list(run))
    return [run for run in bridged if run not in runs]


#: one lower-case function word between two capitalised title words
_FUNCTION_WORD_GAP = re.compile(r" (?:of|for|from|with|via|and|in|on|to|by) ")


def _capitalised_runs(title: str) -> list[list[tuple[str, int]]]:
    """The runs of capitalised words side by side in ``title``, each word with its offset.

    >>> [[w for w, _ in run] for run in _capitalised_runs("Training SNNs with Surrogate Gradient Norm")]
    [['Training', 'SNNs'], ['Surrogate', 'Gradient', 'Norm']]
    """
    runs: list[list[tuple[str, int]]] = []
    last_end = -1
    for match in _TITLE_WORD.finditer(title):
        word = match.group(0)
        if not word[0].isupper():
            last_end = -1
            continue
        if runs and last_end >= 0 and not title[last_end : match.start()].strip():
            runs[-1].append((word, match.start()))
        else:
            runs.append([(word, match.start())])
        last_end = match.end()
    return runs


def find_abbreviations(text: str) -> list[AbbreviationPair]:
    """Every long form / short form pair written with parentheses in ``text``, and the one a
    title such as "CyCADA: Cycle-Consistent Adversarial Domain Adaptation" makes.

    Both "Long Form (LF)" and "LF (Long Form)" are found. Citations, years, "e.g." asides
    and anything whose letters cannot be aligned are ignored.

    >>> find_abbreviations("Understanding the (Un)interpretability of Image Models")
    []
    >>> [(p.long.text, p.short.text) for p in find_abbreviations(
    ...     "We revisit the Recurrent Attention Model (RAM, Mnih et al. (2014)), a network.")]
    [('Recurrent Attention Model', 'RAM')]
    >>> find_abbreviations("Few-Shot Learning (learning with limited labeled data) is hard.")
    []

    A citation may stand between the long form and its short form:

    >>> text = "We use Kronecker-factored Approximate Curvature (Martens & Grosse, 2015) (K-FAC) here."
    >>> [(p.long.text, p.short.text) for p in find_abbreviations(text)]
    [('Kronecker-factored Approximate Curvature', 'K-FAC')]
    """
    titled = title_pair(text)
    pairs: list[AbbreviationPair] = [titled] if titled is not None else []
    for match in _PAREN.finditer(text):
        inside = match.group(1).strip()
        if match.start() and text[match.start() - 1].isalnum() and _FORMULA.search(inside):
            continue  # a call or an index glued to a word, "O(d/N)", "f(x)": no abbreviation
        if text[match.end() : match.end() + 1].isalpha():
            continue  # a prefix in brackets glued to the word after it: "(Un)interpretability"
        inner_start = match.start(1) + (len(match.group(1)) - len(match.group(1).lstrip()))
        inside, inner_start = _bare_short_form(inside, inner_start)
        if is_short_form(inside):
            short = Piece(inside, inner_start, inner_start + len(inside))
            pair = _pair_before(text, match.start(), short)
            if pair is None and (
                cited := _CITATION_BEFORE.search(text, max(0, match.start() - 120), match.start())
            ):
                # "Kronecker-factored Approximate Curvature (Martens & Grosse, 2015) (K-FAC)"
                pair = _pair_before(text, cited.start(), short)
            if pair is not None:
                pairs.append(pair)
                continue
        window = max(0, match.start() - 40)  # a short form is short: look back a little only
        before = _LAST_WORD.search(text, window, match.start())
        # "LoRA (Low-Rank Adaptation)"; not "the Lexical Substitution Task (task 10)", a label
        if (
            before
            and is_short_form(before.group(1).rstrip(",;:"))
            and len(inside.split()) >= 2
            and not inside.split()[-1].isdigit()
            # "Few-Shot Learning (learning with limited labeled data)": a gloss, no expansion
            and inside.split()[0].casefold() != before.group(1).rstrip(",;:").casefold()
        ):
            word = before.group(1).rstrip(",;:")
            short = Piece(word, before.start(1), before.start(1) + len(word))
            offset = match_long_form(inside, word)
            if offset == 0:
                long = Piece(inside, inner_start, inner_start + len(inside))
                if _long_form_ok(long, short):
                    pairs.append(AbbreviationPair(long, short))
    if "et al" in text or "," in text:  # "(RAM, Mnih et al. (2014))": a short form, then its source
        for match in _CITED_SHORT_FORM.finditer(text):
            pair = _pair_before(text, match.start(), Piece(match.group(1), match.start(1), match.end(1)))
            if pair is not None:
                pairs.append(pair)
    pairs += _apposed_pairs(text, {p.short.text for p in pairs})
    # "Masked Experience Memory, or MEM, ...", "..., MEM for short", "a ... network named ZQA-Net"
    pairs += _worded_pairs(text, {p.short.text for p in pairs})
    # last, an acronym no bracket defines, spelled by the title's capitalised words
    return pairs + _title_initials_pairs(text, {p.short.text for p in pairs})


#: a citation in brackets right before another bracket: "(Martens & Grosse, 2015) "
_CITATION_BEFORE = re.compile(r"\s*\([^()]*(?:\b(?:19|20)\d\d[a-z]?|\bet al\.?)\)\s*$")

#: words a bracket puts before or after the short form it gives: "(or MEM)", "(MEM for short)"
_SHORT_LEAD = re.compile(
    r"(?:or(?:\s+simply)?|hereafter|henceforth|abbreviated(?:\s+as)?|shortened\s+to|a\.k\.a\.?|aka)\s+", re.I
)
_SHORT_TAIL = re.compile(r"\s+for\s+short$", re.I)


def _bare_short_form(inside: str, start: int) -> tuple[str, int]:
    """The short form a bracket's words give, without them, and where it starts: "(or MEM)" and
    "(MEM for short)" give MEM; any other bracket stays as it is.

    >>> _bare_short_form("or MEM", 10), _bare_short_form("MEM for short", 10), _bare_short_form("or so", 10)
    (('MEM', 13), ('MEM', 10), ('or so', 10))
    """
    lead = _SHORT_LEAD.match(inside)
    bare, at = (inside[lead.end() :], start + lead.end()) if lead else (inside, start)
    tail = _SHORT_TAIL.search(bare)
    if tail is not None:
        bare = bare[: tail.start()]
    return (bare, at) if bare != inside and is_short_form(bare) else (inside, start)


#: a short form words set after its long form: ", or MEM,", ", MEM for short", " named ZQA-Net"
_WORDED_SHORT = re.compile(
    r",\s+or\s+(?:simply\s+)?([A-Z][\w\-]{1,15})(?=\s*[,.;:)])"
    r"|,\s+([A-Z][\w\-]{1,15})\s+for\s+short\b"
    r"|,?\s+(?:called|named|dubbed|termed|coined)\s+(?:as\s+)?([A-Z][\w\-]*[A-Z][\w\-]*)(?![\w\-])"
)


#: the words :data:`_WORDED_SHORT` needs, one of which a text must hold
_SETTING_OFF_WORDS = (", or", "short", "called", "named", "dubbed", "termed", "coined")


def _worded_pairs(text: str, paired: set[str]) -> list[AbbreviationPair]:
    """Pairs a short form makes with the words before what sets it off: a comma ("Masked
    Experience Memory, or MEM, stores ...", "Zorbic Flow Networks, ZFN for short") or a word of
    naming ("a zero-query adaptive network named ZQA-Net"), when their letters spell it.

    >>> text = "We add Masked Experience Memory, or MEM, to agents; BERT, or RoBERTa, is next."
    >>> [(p.long.text, p.short.text) for p in _worded_pairs(text, set())]
    [('Masked Experience Memory', 'MEM')]
    >>> text = "We propose a zero-query adaptive network named ZQA-Net and a new model called ZFN."
    >>> [(p.long.text, p.short.text) for p in _worded_pairs(text, set())]
    [('zero-query adaptive network', 'ZQA-Net')]
    """
    found: list[AbbreviationPair] = []
    if not any(word in text for word in _SETTING_OFF_WORDS):
        return found  # (most texts: a substring test is cheaper than the search)
    for match in _WORDED_SHORT.finditer(text):
        group = next(i for i in (1, 2, 3) if match.group(i))
        short = Piece(match.group(group), match.start(group), match.end(group))
        if short.text in paired or not is_short_form(short.text):
            continue
        # (a word of naming may follow any description: only initials spell a long form there)
        pair = _pair_before(text, match.start(), short, initials_only=group == 3)
        if pair is not None:
            found.append(pair)
    return found


#: a bracket that opens on a short form and goes on with the work it comes from:
#: "(RAM, Mnih et al. (2014))", "(CEM; Rubinstein, 1999)"
_CITED_SHORT_FORM = re.compile(
    r"\(([A-Z][A-Za-z0-9\-]{1,15})[,;]\s+(?:[A-Z][\w\-]+(?:\s+(?:and|&)\s+[A-Z][\w\-]+)?,?\s+"
    r"(?:et\s+al\.?,?\s*)?\(?(?:19|20)\d\d[a-z]?\)?|[A-Z][\w\-]+\s+et\s+al\.?)"
)


def _pair_before(
    text: str, bracket: int, short: Piece, *, initials_only: bool = False
) -> AbbreviationPair | None:
    """The pair ``short`` (inside the bracket that opens at ``bracket``) makes with the words
    before the bracket, if their letters spell it (with ``initials_only``, if each of their
    words' initials is one of its letters, in order)."""
    candidate = _long_candidate(text, bracket, short.text)
    offset = initials_offset(candidate.text.rstrip(), short.text)
    if offset is None:
        offset = match_long_form(candidate.text.rstrip(), short.text)
        if offset is not None and initials_only and not _initials_in(candidate.text[offset:], short.text):
            offset = None
    counted = _COUNT_SUFFIX.search(short.text)
    if offset is None and counted:  # "PASCAL Context (PC-459)": its 459 classes are not spelled out
        offset = initials_offset(candidate.text.rstrip(), short.text[: counted.start()])
    if offset is None and _LETTER_COUNT.search(short.text):
        offset = _counted_letters_offset(candidate.text.rstrip(), short.text)
    if offset is None:
        return None
    offset = _hyphenated_word_start(candidate.text, offset)
    text_end = candidate.start + len(candidate.text.rstrip())
    long = _trim(Piece(candidate.text.rstrip(), candidate.start, text_end), offset)
    if long is not None and _long_form_ok(long, short):
        return AbbreviationPair(long, short)
    return None


#: a letter and a small count after it: "A3C" writes the A of three words as A3
_LETTER_COUNT = re.compile(r"(?<=[A-Za-z])[2-4](?![0-9])")


def _counted_letters_offset(candidate: str, short: str) -> int | None:
    """Where the long form starts when a digit in ``short`` counts the words its letter begins:
    "Asynchronous Advantage Actor-Critic (A3C)", "spike-and-slab sparse coding (S3C)",
    "Object-Oriented Prediction and Planning (O2P2)". Each counted word's initial must be one of
    the letters, in order, so a digit that is no count finds nothing.

    >>> text = "we call it spike-and-slab sparse coding"
    >>> text[_counted_letters_offset(text, "S3C"):]
    'spike-and-slab sparse coding'
    >>> text = "The proposed data-dependent Gaussian prior objective (D2GPo) helps."
    >>> [(p.long.text, p.short.text) for p in find_abbreviations(text)]
    [('data-dependent Gaussian prior objective', 'D2GPo')]
    >>> _counted_letters_offset("using 8-bit floating point", "FP8") is None
    True
    """
    repeated = _LETTER_COUNT.sub(lambda m: short[m.start() - 1] * (int(m.group(0)) - 1), short)
    offset = initials_offset(candidate, repeated)
    if offset is not None:
        return offset
    offset = match_long_form(candidate, repeated)
    return offset if offset is not None and _initials_in(candidate[offset:], repeated) else None


def _initials_in(long: str, short: str) -> bool:
    """Whether the initial of each counted word of ``long`` is a letter of ``short``, in order.

    >>> _initials_in("coarse-to-fine adaptive network", "CA-Net")
    True
    >>> _initials_in("dynamic convolution method", "DyNet")
    False
    """
    letters = iter(short.casefold())
    initials = [w[0].casefold() for w in long.split() if w.casefold() not in _UNCOUNTED]
    return all(initial in letters for initial in initials)


#: an upper-case acronym ending right before a comma: "... ESFT" in "we present ESFT, expert-..."
_ACRONYM_BEFORE_COMMA = re.compile(r"(?<![\w\-])[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*$")
#: the lower-case words after the comma, up to the next comma or the clause's end
_APPOSED_WORDS = re.compile(
    r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\s+[a-z][a-z0-9]*(?:-[a-z0-9]+)*){0,5}(?=,|\s*[.;])"
)


def _apposed_pairs(text: str, paired: set[str]) -> list[AbbreviationPair]:
    """Pairs an acronym makes with the lower-case words after it whose initials spell it in
    full, set off by commas: "ESFT, expert-specialized fine-tuning, which tunes ...". Each
    comma is found with ``str.find`` and only the words around it are matched.

    >>> text = "We present ESFT, expert-specialized fine-tuning, which"
    >>> [(p.long.text, p.short.text) for p in _apposed_pairs(text, set())]
    [('expert-specialized fine-tuning', 'ESFT')]
    >>> _apposed_pairs("We test GPT, BERT, and more", set())
    []
    """
    found = []
    comma = text.find(", ")
    while comma != -1:
        space = text.rfind(" ", max(0, comma - 12), comma)
        word = text[space + 1 : comma] if space != -1 else text[max(0, comma - 12) : comma]
        if not (word[:1].isupper() and not word[1:].islower() and word[-1:].isalnum()):
            comma = text.find(", ", comma + 2)
            continue  # no acronym ends here (most commas): skip the pattern
        acronym = _ACRONYM_BEFORE_COMMA.search(text, max(0, comma - 12), comma)
        if acronym is not None and acronym.group(0) not in paired:
            short = Piece(acronym.group(0), acronym.start(), acronym.end())
            words = _APPOSED_WORDS.match(text, comma + 2)
            if words is not None and initials_offset(words.group(0), acronym.group(0)) == 0:
                found.append(AbbreviationPair(Piece(words.group(0), words.start(), words.end()), short))
            elif text[max(0, acronym.start() - 2) : acronym.start()] == ", ":
                pair = _capitalised_pair_before(text, acronym.start() - 2, short)
                if pair is not None:
                    found.append(pair)
        comma = text.find(", ", comma + 2)
    return found


def _capitalised_pair_before(text: str, comma: int, short: Piece) -> AbbreviationPair | None:
    """The pair an acronym set off by commas makes with the capitalised name before the first
    comma, when its letters spell the acronym: "Explainable Adversarial Learning, ExL, is ...",
    "the Conjugate Kernel, CK, (also ...)". Lower-case words there are a list or a description.

    >>> text = "We use the Conjugate Kernel, CK, and the Zorb Net, ZN, here"
    >>> [(p.long.text, p.short.text) for p in _apposed_pairs(text, set())]
    [('Conjugate Kernel', 'CK'), ('Zorb Net', 'ZN')]
    >>> _apposed_pairs("It uses deep kernels, CK, and more", set())
    []
    >>> _apposed_pairs("We test on MMBench, MME, and SEED", set())
    []
    """
    pair = _pair_before(text, comma, short)
    if pair is None:
        return None
    counted = [w for w in pair.long.text.split() if w.casefold() not in _UNCOUNTED]
    # words, each capitalised ("MMBench, MME, SEED" is a list of names, one spelling the next)
    return pair if len(counted) > 1 and all(_CAPITALISED_WORD.fullmatch(w) for w in counted) else None


_CAPITALISED_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z][a-z]*)*")
