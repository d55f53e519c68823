"""From candidate mentions to the entities of one paper: plain functions, no spaCy.

The spaCy components each propose :class:`Candidate` mentions (catalogue hits, abbreviation
pairs, discovered names). :func:`assemble_entities` then

1. keeps the longest of overlapping candidates (``Qwen2-7B-Instruct`` over ``Qwen2``);
2. groups mentions that refer to one thing: the same catalogue entry, the two sides of an
   abbreviation, the same normalised form;
3. settles ambiguous acronyms by the paper's own long form, or by other forms of one
   candidate entry found in the text;
4. types each group (catalogue, else name shape and context cues), names it, reads each
   mention's relation from its sentence, and scores its confidence.

Examples
--------
>>> from kg.nlp.catalogue import Catalogue, CatalogueEntry
>>> cat = Catalogue.from_entries([CatalogueEntry("GSM8K", "Benchmark")])
>>> text = "Title\\n\\nWe propose Foo-Net and evaluate it on GSM8K."
>>> at = text.index
>>> cands = [Candidate(at("GSM8K"), at("GSM8K") + 5, "GSM8K", "catalogue", (cat.get("GSM8K"),)),
...          Candidate(at("Foo-Net"), at("Foo-Net") + 7, "Foo-Net", "shape")]
>>> [(e.name, e.type, e.relation) for e in assemble_entities(text, cands, [], cat)]
[('Foo-Net', 'Method', 'proposes'), ('GSM8K', 'Benchmark', 'evaluates_on')]
"""

from __future__ import annotations

import re
import string
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from difflib import SequenceMatcher
from typing import NamedTuple

from kg.nlp.abbreviations import AbbreviationPair, Piece, without_head_word
from kg.nlp.catalogue import Catalogue, CatalogueEntry, normalize_form
from kg.nlp.cues import (
    GENERIC_ACRONYMS,
    NON_ML_ACRONYMS,
    ORGANISATIONS,
    SCORE_VERB_NEXT,
    SHARED_TASK,
    VENUES,
    appositive_kind,
    kind_lists,
    ordinal_of_proposed,
    relation_from_context,
    set_against,
    trained_on,
    type_from_context,
    type_from_name,
)
from kg.nlp.discovery import (
    FIELD_NAMES,
    SIZE,
    VARIANT_TITLE_WORDS,
    VARIANT_WORDS,
    citation_spans,
    extend_name,
    is_title_case,
    outside_spans,
    repeated_mentions,
    word_count,
)
from kg.nlp.gazetteer import (
    LANGUAGE_CODES,
    LANGUAGES,
    ORGANISATION_WORDS,
    is_never_a_name,
    is_organisation_name,
    words_of,
)
from kg.nlp.sentences import references_start, sentence_bounds
from kg.records import Evidence, ExtractedEntity, Relation

__all__ = [
    "RULE_CONFIDENCE",
    "Candidate",
    "assemble_entities",
    "extend_candidates",
    "find_parent",
    "normalize_form",
    "select_mentions",
]

#: How much a mention found by each rule is trusted on its own.
RULE_CONFIDENCE = {
    "catalogue": 0.9,
    "abbreviation": 0.85,
    "title": 0.8,
    "called": 0.8,
    "variant": 0.8,
    "ner": 0.7,
    "cue": 0.65,
    "shape": 0.6,
}
_RULE_ORDER = {rule: rank for rank, rule in enumerate(RULE_CONFIDENCE)}


class Candidate(NamedTuple):
    """A span of the paper's text that some rule thinks names an entity."""

    start: int
    end: int
    text: str
    rule: str
    entries: tuple[CatalogueEntry, ...] = ()
    type: str | None = None


_PARENTHESIS = re.compile(r"\([a-z]+\)$")


def _lookup_forms(text: str) -> list[str]:
    """The forms ``text`` is looked up as: itself, without a bracket, in the singular, and a
    metric at a cut-off as the metric's "@K" form or the metric ("NDCG@20": "NDCG@K", "NDCG").

    >>> _lookup_forms("NDCG@20")
    ['NDCG@20', 'NDCG@20', 'NDCG@K', 'NDCG@k', 'NDCG']
    >>> _lookup_forms("best-of-16")[-1]
    'best-of-N'
    """
    forms = [text, _PARENTHESIS.sub("", text)]
    if text.endswith("s") and len(text) > 3:
        forms.append(text[:-1])
    if text.endswith("es") and len(text) > 4:
        forms.append(text[:-2])
    cut = _CUT_OFF.search(text)
    if cut and cut.start() > 0:
        stem = text[: cut.start()]
        forms += [f"{stem}@K", f"{stem}@k", stem]
    if (of_n := _OF_COUNT.search(text)) is not None:  # "best-of-16": a count of the "-of-N" name
        forms.append(text[: of_n.start()] + "-of-N")
    return forms


#: a metric's cut-off: "@20" in "NDCG@20", "Recall@50"
_CUT_OFF = re.compile(r"@\d{1,4}$")
#: a count in place of a name's "N": "-of-16" in "best-of-16" (Best-of-N)
_OF_COUNT = re.compile(r"-of-\d{1,5}$")


def _at_cut_off(mention: _Mention) -> _Mention:
    """A metric at one cut-off as its own entry, a variant of the metric's family: "Hits@50"
    and "Hits@10" are two measures (of Hits@K), as "NDCG@10" is one of NDCG. A family's
    "@K" name gives the cut-off's ("R@1" of Recall@K is Recall@1); a concrete entry
    ("AP50", found for "AP@50") is left alone. The entry it gets is no catalogue entry: the
    entity it makes has no catalogue id.

    >>> hits = CatalogueEntry("Hits@K", "Metric", aliases=("Hits@10",))
    >>> _at_cut_off(_Mention(0, 7, "Hits@10", frozenset({"catalogue"}), (hits,), None)).entries
    (CatalogueEntry(name='Hits@10', type='Metric', aliases=(), parent='Hits@K', ...),)
    >>> ndcg = CatalogueEntry("Normalized Discounted Cumulative Gain", "Metric")
    >>> _at_cut_off(_Mention(0, 7, "nDCG@20", frozenset({"catalogue"}), (ndcg,), None)).entries[0].name
    'nDCG@20'
    """
    cut = _CUT_OFF.search(mention.text)
    if cut is None or len(mention.entries) != 1:
        return mention
    family = mention.entries[0]
    at_k = family.name.endswith(("@K", "@k"))
    if family.type != "Metric" or (any(c.isdigit() for c in family.name) and not at_k):
        return mention
    name = family.name[:-2] + mention.text[cut.start() :] if at_k else mention.text
    cut_off = CatalogueEntry(name, "Metric", parent=family.name, domain=family.domain)
    return mention._replace(entries=(cut_off,))


#: a generic head after a name of two words or more: "the proximal policy optimization algorithm
#: (PPO)" names Proximal Policy Optimization
_GENERIC_HEAD = re.compile(r" (?:algorithm|method|approach|technique)s?$")


def _lookup(text: str, catalogue: Catalogue) -> tuple[CatalogueEntry, ...]:
    """The catalogue entries ``text`` names, trying it as written, without a bracket and in
    the singular (case is ignored). An acronym with a plural "s" ("MAs", "GNNs") is looked
    up in the singular only: "MAs" is no case variant of "MAS". A method or model is found
    under a generic head too: "proximal policy optimization algorithm".

    >>> cat = Catalogue.from_entries([CatalogueEntry("Proximal Policy Optimization", "Method")])
    >>> [e.name for e in _lookup("proximal policy optimization algorithm", cat)]
    ['Proximal Policy Optimization']
    >>> cat = Catalogue.from_entries([CatalogueEntry("LibriSpeech", "Dataset")])
    >>> [e.name for e in _lookup("LibriSpeech Corpus", cat)]
    ['LibriSpeech']
    """
    forms = _lookup_forms(text)
    if _PLURAL_ACRONYM.fullmatch(text):
        forms = [form for form in forms if not form.endswith("s")]
    for form in forms:
        found = [entry for entry in catalogue.lookup(form) if not _recapitalized(form, entry)]
        if found:
            return tuple(found)
    # "the proximal policy optimization algorithm (PPO)" names the method; "a machine
    # translation approach" is an approach to the task, not the task
    head = _GENERIC_HEAD.search(text)
    if head and " " in text[: head.start()]:
        found = catalogue.lookup(_PARENTHESIS.sub("", text[: head.start()]))
        if found and all(entry.type in ("Method", "Model") for entry in found):
            return tuple(found)
    # "the LibriSpeech Corpus", "the Emilia Dataset": a known data set with its kind noun
    kind = _DATA_KIND_END.search(text)
    if kind:
        found = catalogue.lookup(text[: kind.start()])
        if found and all(entry.type in _DATA_TYPES for entry in found):
            return tuple(found)
    return ()


def _recapitalized(form: str, entry: CatalogueEntry, fold: Callable[[str], str] = str.casefold) -> bool:
    """Whether ``form`` puts capitals inside a word where ``entry``, case-sensitive, spells it
    in capitals only (the forms compared as ``fold`` makes them): "GraPPa" (a table model) is
    no GRAPPA (an MRI method), "MaSS" no MASS, while "Grappa", written as a word, may be. An
    entry not marked case-sensitive is written every way ("MedLine" is MEDLINE).

    >>> grappa = CatalogueEntry("GRAPPA", "Method", case_sensitive=True)
    >>> _recapitalized("GraPPa", grappa), _recapitalized("Grappa", grappa), _recapitalized("GRAPPA", grappa)
    (True, False, False)
    >>> _recapitalized("MedLine", CatalogueEntry("MEDLINE", "Dataset"))
    False

    Nor is a word written as a word a case-sensitive entry with such capitals: "Bit" (or
    "Bits") is no BiT, the Big Transfer models, and "Unity" no UnitY; in capitals only, it may be
    ("BIDAF" is BiDAF).

    >>> bit = CatalogueEntry("Big Transfer", "Model", ("BiT",), case_sensitive=True)
    >>> [_recapitalized(form, bit) for form in ("Bit", "BiT", "BIT", "big transfer")]
    [True, False, False, False]
    """
    if not entry.case_sensitive:
        return False
    folded = fold(form)
    same = [known for known in entry.forms if fold(known) == folded]
    if _INNER_CAPITAL.search(form) is None:
        if form.isupper():
            return False
        # ("big transfer" is a name written in lower case; "Bit" is another word than "BiT")
        return bool(same) and all(_INNER_CAPITAL.search(known) and " " not in known for known in same)
    return all(known.isupper() for known in same)


#: a capital right after a lower-case letter: "GraPPa", "MaSS"
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")


#: a data set's kind noun ending a name, in either case
_DATA_KIND_END = re.compile(r" (?:[Dd]ataset|[Cc]orpus|[Bb]enchmark|[Dd]ata [Ss]et)$")


#: an acronym's capitals with a lower-case tail of its own: "SPIDEr", "CIDEr"
_CAPITALS_THEN_LOWER = re.compile(r"[A-Z]{3,}[a-rt-z][a-z]?")


def recased_word(word: str, entries: list[CatalogueEntry]) -> bool:
    """Whether ``word`` writes a plain catalogue word as an acronym with a lower-case tail: then
    it is another name ("SPIDEr", a captioning metric, is not the benchmark "Spider"), while
    "LLaMa" still writes "LLaMA", "CityScapes" "Cityscapes" and "SPIDER" or "spider" "Spider".

    >>> spider = CatalogueEntry("Spider", "Benchmark")
    >>> [recased_word(w, [spider]) for w in ("SPIDEr", "SPIDER", "spider", "Spider")]
    [True, False, False, False]
    >>> recased_word("LLaMa", [CatalogueEntry("LLaMA", "Model")])
    False
    """
    if _CAPITALS_THEN_LOWER.fullmatch(word) is None:  # "CityScapes", "MixUp" still write them
        return False
    folded = word.lower()
    forms = [f for e in entries for f in (e.name, *e.aliases) if f.lower() == folded]
    return bool(forms) and all(f.islower() or f.isupper() or f.istitle() for f in forms)


def _lookup_cased(text: str, catalogue: Catalogue) -> tuple[CatalogueEntry, ...]:
    """:func:`_lookup`, without the upper-case entries that only ``text`` without its "s" names
    in another case: "Sapiens" is no plural of SAPIEN (while "Cifar-10" still is CIFAR-10).

    >>> cat = Catalogue.from_entries([CatalogueEntry("SAPIEN", "Benchmark"), CatalogueEntry("GNN", "Method")])
    >>> _lookup_cased("Sapiens", cat), [e.name for e in _lookup_cased("GNNs", cat)]
    ((), ['GNN'])
    """
    found = _lookup(text, catalogue)
    if found and recased_word(text, list(found)):
        return ()
    if not found:
        return _lookup_squashed(text, catalogue) or _lookup_respaced(text, catalogue)
    if not text.endswith("s") or catalogue.lookup(text) or catalogue.lookup(_PARENTHESIS.sub("", text)):
        return found
    singular = text[:-1]
    return tuple(
        entry for entry in found if not any(_shouted_other_case(form, singular) for form in entry.forms)
    )


def _lookup_squashed(text: str, catalogue: Catalogue) -> tuple[CatalogueEntry, ...]:
    """The versioned entries (models, data) that ``text``, a name with a digit, spells without
    its spaces or hyphens: "Claude3.5-Sonnet" is Claude 3.5 Sonnet, "GPT4-Turbo" GPT-4 Turbo.

    >>> cat = Catalogue.from_entries([CatalogueEntry("Claude 3.5 Sonnet", "Model")])
    >>> [e.name for e in _lookup_squashed("Claude3.5-Sonnet", cat)], _lookup_squashed("R1", cat)
    (['Claude 3.5 Sonnet'], ())
    """
    if len(text) < 5 or not any(c.isdigit() for c in text) or not any(c.isalpha() for c in text):
        return ()
    return tuple(e for e in catalogue.lookup_folded(text, normalize_form) if e.type in _VERSIONED_TYPES)


def _respaced(text: str) -> str:
    return _SPACING.sub("", text.casefold())


_SPACING = re.compile(r"[\s\-_]+")
#: a one-word name in parts: hyphens or a capital inside it ("MIR-Flickr", "SpaceInvaders")
_IN_PARTS = re.compile(r"-|[a-z][A-Z]")


def _lookup_respaced(text: str, catalogue: Catalogue) -> tuple[CatalogueEntry, ...]:
    """The entries ``text`` spells with other hyphens or spaces between its parts: "MIR-Flickr"
    is MIRFlickr, "SpaceInvaders" is Space Invaders (the letters and their order the same, so
    no plural or other word is read as a known one).

    >>> cat = Catalogue.from_entries([CatalogueEntry("MIRFlickr", "Dataset")])
    >>> [e.name for e in _lookup_respaced("MIR-Flickr", cat)], _lookup_respaced("MIR-Flickrs", cat)
    (['MIRFlickr'], ())

    Only one word with lower-case letters in it is read so: an acronym's hyphen may part two
    names ("PAC-S" is no PACS), and words may be another name ("Extended-long Short-term Memory").
    Words keep their spaces and lose only their hyphens ("Feed-Forward Neural Network" is a
    feedforward neural network):

    >>> mlp = CatalogueEntry("MLP", "Method", aliases=("feedforward neural network",))
    >>> [e.name for e in _lookup_respaced("Feed-Forward Neural Network", Catalogue.from_entries([mlp]))]
    ['MLP']
    """
    if len(text) < 5 or sum(map(str.islower, text)) < 3:
        return ()
    if " " in text:
        if "-" not in text:
            return ()
        # (one folded index serves both: of what it finds, keep the entries whose spaces agree)
        wanted = _dehyphenated(text)
        found = catalogue.lookup_folded(text, _respaced)
        return tuple(e for e in found if any(_dehyphenated(f) == wanted for f in e.forms))
    if _IN_PARTS.search(text) is None:
        return ()
    found = catalogue.lookup_folded(text, _respaced)
    return tuple(e for e in found if not _recapitalized(text, e, _respaced))  # "LeMoNADe": no LEMONADE


def _dehyphenated(text: str) -> str:
    return text.casefold().replace("-", "")


def _shouted_other_case(form: str, written: str) -> bool:
    """Whether ``form`` is an upper-case name that ``written`` spells in another case."""
    return form.casefold() == written.casefold() and form != written and form.isupper()


#: an acronym written with a plural "s": capitals (digits and hyphens between) and a lower-case "s"
_PLURAL_ACRONYM = re.compile(r"[A-Z][A-Z0-9\-]*[A-Z]s")


def find_parent(name: str, catalogue: Catalogue) -> CatalogueEntry | None:
    """The catalogue entry a variant name belongs to, found by dropping variant suffixes.

    >>> cat = Catalogue.from_entries([CatalogueEntry("Qwen2", "Model")])
    >>> find_parent("Qwen2-7B-Instruct", cat).name
    'Qwen2'
    >>> find_parent("m-ArenaHard", Catalogue.from_entries([CatalogueEntry("ArenaHard", "Benchmark")])).name
    'ArenaHard'
    >>> tasks = Catalogue.from_entries([CatalogueEntry("graph matching", "Task")])
    >>> find_parent("Graph Matching Network", tasks) is None  # a network for the task, no version of it
    True
    """
    for stem in _stems(name):
        found = _lookup(stem, catalogue)
        if len(found) == 1 and _written_as(stem, found[0]) and not _joined_names(name, stem, found[0]):
            if found[0].type in ("Task", "Metric") and not all(
                _variant_part(word) for word in re.split(r"[-\s]", name[len(stem) :]) if word
            ):
                continue  # "Graph Matching Network": a network for the task, no version of it
            return found[0]
    if (prefixed := _LANGUAGE_PREFIX.match(name)) is not None:
        # "m-ArenaHard", "X-CSQA": a multilingual or cross-lingual version of a benchmark
        found = _lookup(name[prefixed.end() :], catalogue)
        if len(found) == 1 and found[0].type in _DATA_TYPES:
            return found[0]
    return None


#: the prefix of a multilingual or cross-lingual version of a benchmark: "m-ArenaHard", "X-CSQA"
_LANGUAGE_PREFIX = re.compile(r"[mxMX]-(?=[A-Z])")


#: the word after a short acronym in a name: a capital, then letters only
_NAMED_WORD = re.compile(r"[-\s]([A-Z][A-Za-z]*)")


def _joined_names(name: str, stem: str, entry: CatalogueEntry) -> bool:
    """Whether ``name`` joins a short method, metric or task acronym to another name rather
    than naming a version of it: "DIN-SQL", "KL-CPD", "MMD-GAN", "GNN-FiLM", "LSH Softmax"
    (a size, version or variant word after it still makes a version: "GAN-XL"), or names a
    benchmark after a model or method ("LLaVA-Bench", "Codex-Eval").

    >>> gan = CatalogueEntry("Generative Adversarial Network", "Method", aliases=("GAN",))
    >>> _joined_names("MMD-GAN", "MMD", gan), _joined_names("GAN-XL", "GAN", gan)
    (True, False)
    >>> _joined_names("GAN-Bench", "GAN", gan)  # a benchmark named after a model or method
    True
    >>> _joined_names("R²-GRPO", "R²", CatalogueEntry("Coefficient of Determination", "Metric"))
    True
    """
    if entry.type in ("Model", "Method") and _BENCHMARK_PART.fullmatch(name[len(stem) :]):
        return True  # "LLaVA-Bench", "Codex-Eval": a benchmark named after a model
    short = _SHORT_ACRONYM.fullmatch(stem) or (entry.type == "Metric" and len(stem) <= 3)  # "R²-GRPO"
    if entry.type not in _JOINABLE_TYPES or not short:
        return False
    word = _NAMED_WORD.match(name, len(stem))
    return word is not None and len(word.group(1)) >= 3 and not _variant_part(word.group(1).title())


_JOINABLE_TYPES = frozenset({"Method", "Metric", "Task"})
#: the last part of a benchmark's name
_BENCHMARK_PART = re.compile(r"[-\s](?:Bench|Eval|Arena|Leaderboard)", re.I)
_SHORT_ACRONYM = re.compile(r"[A-Z]{2,5}")


def _written_as(stem: str, entry: CatalogueEntry) -> bool:
    """Whether ``stem`` spells one of ``entry``'s forms in a case it allows: an upper-case or
    short form only as written ("Math-Shepherd" is no variant of MATH).

    >>> entry = CatalogueEntry("MATH", "Benchmark")
    >>> _written_as("MATH", entry), _written_as("Math", entry)
    (True, False)
    """
    for form in _lookup_forms(stem):
        for known in entry.forms:
            if known.casefold() == form.casefold():
                letters = [c for c in known if c.isalpha()]
                strict = (
                    entry.case_sensitive
                    or len(known) <= 4
                    or (bool(letters) and all(c.isupper() for c in letters))
                )
                if known == form or not strict:
                    return True
    return False


def _stems(name: str, *, variant_parts_only: bool = False) -> Iterator[str]:
    """``name`` with its last hyphen- or space-joined part dropped, again and again (only while
    that part is a version, size or variant word, with ``variant_parts_only``).

    >>> list(_stems("Qwen2-7B-Instruct")), list(_stems("Winograd-domain", variant_parts_only=True))
    (['Qwen2-7B', 'Qwen2'], [])
    """
    parts = re.split(r"([-\s])", name)
    while len(parts) > 2 and (not variant_parts_only or _variant_part(parts[-1])):
        parts = parts[:-2]
        yield "".join(parts)


def _qualified_acronym(group: list[_Mention], catalogue: Catalogue) -> CatalogueEntry | None:
    """The catalogue name a qualified name ends with, the longest ("Agentic RAG" → RAG, "Meta
    Decision Transformer" → Decision Transformer, not Transformer), for a group made by
    :func:`qualifier_start`."""
    for m in group:
        if "variant" in m.rules and " " in m.text:
            words = m.text.split()
            for i in range(1, len(words)):
                found = _lookup(" ".join(words[i:]), catalogue)
                if len(found) == 1:
                    return found[0]
    return None


def find_head(name: str, catalogue: Catalogue) -> CatalogueEntry | None:
    """The known entity a multi-word name ends with, its head ("few-shot continual learning"
    ends with "continual learning"): an English compound is the same kind of thing as its head.

    Only heads of two words or more count, and only tasks, methods and metrics, whose
    names are phrases ("question answering"); a one-word head such as "learning" says little.

    >>> cat = Catalogue.from_entries([CatalogueEntry("continual learning", "Task")])
    >>> find_head("Few-shot Continual Learning", cat).type
    'Task'
    >>> find_head("Continual Learning", cat) is None
    True
    >>> find_head("Replay for Continual Learning", cat) is None
    True
    """
    words = name.split()
    for first in range(1, len(words) - 1):
        if words[first - 1].lower() in _PREPOSITIONS:
            break  # "Regularized Learning under Label Shift" is a kind of learning, not of shift
        found = _lookup(" ".join(words[first:]), catalogue)
        if len(found) == 1 and found[0].type in _HEAD_TYPES:
            return found[0]
    return None


_HEAD_TYPES = frozenset({"Task", "Method", "Metric"})
_PREPOSITIONS = frozenset({"under", "for", "with", "of", "in", "on", "via", "by", "from", "to", "through"})


#: Entity types whose names take versions and sizes ("LLaMA 3 8B", "AlpacaEval 2.0").
_VERSIONED_TYPES = frozenset({"Model", "Dataset", "Benchmark"})


#: a named statement: a discovered name and the capitalised noun after it are one name
_STATEMENT_AFTER = re.compile(r" (?:Conjecture|Hypothesis|Theorem|Principle|Paradox|Laws?)\b")


def _proposed_compound(text: str, cand: Candidate) -> Candidate | None:
    """The compound a paper proposes of one or two lower-case words and a known name in lower
    case right after a verb of proposing ("we propose fraternal dropout"): a new thing of the
    known one's kind, not the known one.

    >>> from kg.nlp.catalogue import CatalogueEntry
    >>> text = "We propose fraternal dropout, which trains two copies."
    >>> hit = Candidate(21, 28, "dropout", "catalogue", (CatalogueEntry("Dropout", "Method"),))
    >>> _proposed_compound(text, hit)[2:]
    ('fraternal dropout', 'cue', (), 'Method')
    >>> _proposed_compound("We propose a simple dropout.", hit._replace(start=20, end=27)) is None
    True
    >>> _proposed_compound("We present here dropout.", hit._replace(start=16, end=23)) is None
    True
    >>> rnn = Candidate(21, 24, "RNN", "catalogue", (CatalogueEntry("Recurrent Neural Network", "Method"),))
    >>> _proposed_compound("We propose the dense RNN, which connects all states.", rnn).text
    'dense RNN'
    """
    # (a lower-case name, or an acronym: "we propose the dense RNN", "we propose factorial LSTMs")
    written = cand.text[:1].islower() or bool(
        _ACRONYM_WORD.fullmatch(cand.text) or _PLURAL_ACRONYM.fullmatch(cand.text)
    )
    if not written or not cand.entries or cand.entries[0].type != "Method":
        return None
    found = _PROPOSED_QUALIFIER_BEFORE.search(text, max(0, cand.start - 80), cand.start)
    if found is None:
        return None
    start = found.start(1)
    # ... and the sentence proposes what the words name ("we present online sparse coding
    # methods for ..." only uses sparse coding)
    before, after = text[max(0, start - 140) : start], text[cand.end : cand.end + 120]
    if relation_from_context(before, after) != Relation.PROPOSES.value or _METHOD_HEAD.match(after):
        return None
    if ("deriv" in found.group(0) or not cand.text[:1].islower()) and not _PHRASE_END.match(after):
        # "we derive fixed-point quantization constraints": what is derived is no method; "a
        # shift-reduce CCG semantic parser": an acronym before a noun is that noun's modifier
        return None
    return Candidate(start, cand.end, text[start : cand.end], "cue", (), "Method")


#: the end of a noun phrase: a mark, or a word that opens what comes after the phrase
_PHRASE_END = re.compile(r"\s*[,.;:()]|\s+(?:with|for|that|which|to|in|on|by|of|from|and|is|are|as|using)\b")


#: a verb of proposing, then the lower-case words that make a known name the paper's own
_PROPOSED_QUALIFIER_BEFORE = re.compile(
    r"\b(?:[Ww]e\s+(?:\w+\s+)?(?:propose|introduce|present|develop|derive|devise|call|term|name|dub)[sd]?|"
    r"called|dubbed|termed)"
    r"\s+(?:an?\s+|the\s+)?(?:(?:new|novel)\s+)?"
    r"((?:(?!(?:new|novel|simple|efficient|effective|improved|general|unified|robust|scalable|principled|"
    r"alternative|modified|standard|better|powerful|lightweight|practical|fast|flexible|generic|strong|"
    r"deep|shallow|neural|large|small|two|three|four|five|several|multiple|various|different|many|some|"
    # (nor an adverb of the verb: "we present here eligibility propagation")
    r"here|herein|now|also|further|then|first|thus|hence|briefly|formally|"
    r"the|an?|and|or|of|to|for|with|using|on|in|that|which)\b)[a-z][a-z\-]+\s+){1,2})$"
)


def extend_candidates(text: str, candidates: Iterable[Candidate]) -> list[Candidate]:
    """Add the longer candidate a name makes with the versions and sizes that follow it, and
    with the capitalised noun of a named statement ("RASP-Generalization Conjecture").

    A catalogue hit that grows ("LLaMA" → "LLaMA 3 8B Instruct") becomes a ``variant``
    candidate with no entry of its own; its parent and type are found later.

    >>> from kg.nlp.catalogue import CatalogueEntry
    >>> llama = CatalogueEntry("LLaMA", "Model")
    >>> hit = Candidate(8, 13, "LLaMA", "catalogue", (llama,))
    >>> [(c.text, c.rule) for c in extend_candidates("We tune LLaMA 3 8B Instruct.", [hit])]
    [('LLaMA', 'catalogue'), ('LLaMA 3 8B Instruct', 'variant')]
    >>> text = "the RASP-Generalization Conjecture holds"
    >>> [c.text for c in extend_candidates(text, [Candidate(4, 23, "RASP-Generalization", "shape")])]
    ['RASP-Generalization', 'RASP-Generalization Conjecture']
    >>> hit = Candidate(2, 5, "TPR", "catalogue", (CatalogueEntry("True Positive Rate", "Metric"),))
    >>> [c.text for c in extend_candidates("a TPR at 1% FPR of 0.4", [hit])]
    ['TPR', 'TPR at 1% FPR']
    >>> cue = Candidate(6, 18, "Mises-Fisher", "cue")
    >>> [c.text for c in extend_candidates("a von Mises-Fisher loss", [cue])]
    ['von Mises-Fisher']
    """
    out = []
    title_end = text.find("\n\n")
    qualified: list[Candidate] = []
    compounds_found: set[str] = set()  # (each proposed compound's writings are searched for once)
    for cand in candidates:
        particle = None if cand.entries else _PARTICLE_BEFORE.search(text, max(0, cand.start - 4), cand.start)
        if particle:  # "von Mises-Fisher loss": the surname's particle is part of the name
            cand = cand._replace(start=particle.start(), text=text[particle.start() : cand.end])
        out.append(cand)
        own = _proposed_compound(text, cand) if cand.rule == "catalogue" and cand.entries else None
        if own is not None and own.text.casefold() not in compounds_found:
            # "we propose fraternal dropout": the paper's own kind of dropout, wherever it is written
            # ("Fraternal Dropout" in the title)
            compounds_found.add(own.text.casefold())
            written = re.finditer(rf"(?<![\w\-]){re.escape(own.text)}(?![\w\-])", text, re.I)
            out += [own._replace(start=m.start(), end=m.end(), text=m.group()) for m in written]
        if cand.rule == "catalogue" and cand.start > title_end and _qualifiable(cand, text):
            start = qualifier_start(text, cand.start)
            if start < cand.start:  # "the rise of Agentic RAG frameworks"
                qualified.append(Candidate(start, cand.end, text[start : cand.end], "variant"))
        elif cand.rule == "catalogue" and 0 <= cand.end <= title_end:
            # "Fully Quantized Transformer for ..." with "our fully quantized Transformer"
            qualified += _own_titled_variant(text, cand, title_end)
        elif cand.rule == "catalogue" and cand.start > title_end and _title_cased_method(cand):
            start = _kind_qualifier_start(text, cand.start)
            if start < cand.start:  # "using Stochastic Beam Search": capitalised words before it
                qualified.append(Candidate(start, cand.end, text[start : cand.end], "variant"))
        operating_point = _OPERATING_POINT.match(text, cand.end) if cand.entries else None
        if operating_point and any(e.type == "Metric" for e in cand.entries):
            # "TPR at 1% FPR": a rate read at a fixed rate of errors is one measure
            end = operating_point.end()
            out.append(Candidate(cand.start, end, text[cand.start : end], "variant", (), "Metric"))
        statement = _STATEMENT_AFTER.match(text, cand.end)
        if statement and not cand.entries:  # "the RASP-Generalization Conjecture"
            out.append(Candidate(cand.start, statement.end(), text[cand.start : statement.end()], cand.rule))
        if cand.entries and any(_TRANSLATION_TASKS.match(e.name) for e in cand.entries):
            out += _with_direction(text, cand)
        if cand.rule in {"abbreviation", "title"}:
            continue
        if cand.entries and not any(e.type in _VERSIONED_TYPES for e in cand.entries):
            continue
        end = extend_name(text, cand.end)
        if end > cand.end:
            rule = "variant" if cand.entries else cand.rule
            out.append(Candidate(cand.start, end, text[cand.start : end], rule, (), cand.type))
    return out + qualified + _qualified_in_title(text, qualified)


def _qualified_in_title(text: str, qualified: Sequence[Candidate]) -> list[Candidate]:
    r"""The places where the title writes a qualified name that the abstract writes in
    mid-sentence, where its capitals show where it starts: the title capitalises every word,
    so "Approximate Policy Iteration" there is read as the abstract reads it.

    >>> text = "Solving Cubes with Approximate Policy Iteration\n\nWe use Approximate Policy Iteration."
    >>> at = text.rindex("Approximate")
    >>> found = _qualified_in_title(text, [Candidate(at, at + 28, text[at : at + 28], "variant")])
    >>> [(c.text, c.start) for c in found]
    [('Approximate Policy Iteration', 19)]
    """
    forms = {c.text for c in qualified}
    return [Candidate(at, end, text[at:end], "variant") for f in forms for at, end in _title_places(text, f)]


def _title_places(text: str, form: str) -> Iterator[tuple[int, int]]:
    r"""Where the title (the text before the first blank line) writes ``form`` as whole words,
    in any case and with a hyphen or a space between its words.

    >>> list(_title_places("Revisiting Wake-Sleep and Non-Wake Sleep\n\nAbstract.", "wake sleep"))
    [(11, 21)]
    """
    title_end = text.find("\n\n")
    if title_end <= 0:
        return
    title = _spaced(text[:title_end].casefold())
    folded = _spaced(form.casefold())
    at = title.find(folded)
    while at >= 0:
        end = at + len(folded)
        before, after = text[at - 1 : at] if at else "", text[end : end + 1]
        if not (before.isalnum() or before in ("_", "-")) and not (after.isalnum() or after in ("_", "-")):
            yield at, end
        at = title.find(folded, end)


#: the particle of a surname right before it: "von Mises-Fisher", "van Kampen"
_PARTICLE_BEFORE = re.compile(r"(?<![\w\-])[Vv][ao]n \Z")
#: a fixed operating point after a rate: " at 1% FPR", "@0.1%FPR", " at 95% TPR"
_OPERATING_POINT = re.compile(
    r" ?(?:at|@) ?\d+(?:\.\d+)?\s?% ?(?:FPR|TPR|FNR|TNR|false positive rate|true positive rate)\b"
)
#: the shared tasks of machine translation, whose test sets go by their direction too
_TRANSLATION_TASKS = re.compile(r"(?:WMT|IWSLT)\b|(?:WMT|IWSLT)\s?'?’?\d")
#: a translation direction right after its year: " German-to-English", " EN-DE", " En→De"
_DIRECTION_AFTER = re.compile(
    r"\s+([A-Z][a-z]+|[A-Z]{2}|[A-Z][a-z])(?:-to-|\s*→\s*|-|\s+to\s+)([A-Z][a-z]+|[A-Z]{2}|[A-Z][a-z])(?![\w\-])"
)


def _with_direction(text: str, cand: Candidate) -> list[Candidate]:
    """A translation test set written with its direction after its name and year: "IWSLT 2014
    German-to-English", "WMT16 EN-DE" name one test set, a variant of the shared task.

    >>> wmt = CatalogueEntry("WMT 2016", "Benchmark")
    >>> text = "on WMT 2016 EN-DE and IWSLT 2014 German-to-English."
    >>> [c.text for c in _with_direction(text, Candidate(3, 11, "WMT 2016", "catalogue", (wmt,)))]
    ['WMT 2016 EN-DE']
    >>> _with_direction("on WMT 2016 Human-AI data", Candidate(3, 11, "WMT 2016", "catalogue", (wmt,)))
    []
    """
    end = _direction_end(text, extend_name(text, cand.end))
    if end is None:
        return []
    return [Candidate(cand.start, end, text[cand.start : end], "variant", (), cand.type)]


def _direction_end(text: str, at: int, *, whole: bool = False) -> int | None:
    """Where a translation direction that starts at ``at`` (past its spaces) ends, if one
    does: two languages, in full or as two-letter codes ("German-to-English", "EN-DE");
    with ``whole``, only one that runs to the end of ``text``.

    >>> _direction_end("WMT16 EN-DE data", 5), _direction_end("WMT16 Human-AI", 5)
    (11, None)
    """
    direction = (_DIRECTION_AFTER.fullmatch if whole else _DIRECTION_AFTER.match)(text, at)
    if direction is None or not all(
        side in LANGUAGES or side.lower() in LANGUAGE_CODES for side in direction.groups()
    ):
        return None
    return direction.end()


_ELLIPSIS = re.compile(
    r"(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*/\s*)([A-Za-z]+|\d+(?:\.\d+)?[BMK]|(?:19|20)\d\d)\b"
)
_LAST_PART = re.compile(r"([\s\-])([^\s\-]+)$")


def elided_variants(text: str, candidates: Iterable[Candidate], catalogue: Catalogue) -> list[Candidate]:
    """The variants a list writes with their family left out: "Lite" in "SWE-bench Verified and
    Lite" is SWE-bench Lite, "13B" in "Llama 2 7B and 13B" is Llama 2 13B, "2025" in "AIME 2024
    and 2025" is AIME 2025. A lone variant word, size or year after a name ending in one is a
    mention of the catalogue entry they make together.

    >>> cat = Catalogue.from_entries([CatalogueEntry("SWE-bench Lite", "Benchmark")])
    >>> text = "on SWE-bench Verified and Lite."
    >>> hit = Candidate(3, 21, "SWE-bench Verified", "catalogue", ())
    >>> [(c.text, c.entries[0].name) for c in elided_variants(text, [hit], cat)]
    [('Lite', 'SWE-bench Lite')]
    """
    out = []
    names_parts = _PARTS_NOUN.search(text) is not None  # (most texts name no parts: one scan a text)
    for cand in candidates:
        more = _ELLIPSIS.match(text, cand.end)  # most names are not followed by a list: fails fast
        if more is None or not _variant_word(more.group(1)):
            out += _elided_versions(text, cand, catalogue)
            out += _elided_siblings(text, cand, catalogue)
            out += _shared_head_before(text, cand, catalogue)
            out += _listed_parts(text, cand, catalogue)
            if names_parts:
                out += _suites_after(text, cand, catalogue)
            continue
        last = _LAST_PART.search(cand.text)
        if last is None or not _variant_word(last.group(2)):
            continue
        stem, separator = cand.text[: last.start()], last.group(1)
        at = cand.end
        while (more := _ELLIPSIS.match(text, at)) and _variant_word(more.group(1)):
            entries = _lookup(f"{stem}{separator}{more.group(1)}", catalogue)
            if len(entries) != 1:
                break
            out.append(Candidate(more.start(1), more.end(1), more.group(1), "variant", entries))
            at = more.end()
    return out


#: a name whose last number is followed by others after slashes: "CIFAR-10/100", "ResNet-18/34/50"
_SLASHED_NUMBERS = re.compile(r"(.*?[\s\-]?)(\d+[A-Za-z]?)((?:/\d+[A-Za-z]?)+)")


def slashed_variants(candidates: Iterable[Candidate], catalogue: Catalogue) -> tuple[list[Candidate], set]:
    """The variants a name lists after slashes, each as a mention of its own catalogue entry
    ("CIFAR-10/100" is CIFAR-10 and CIFAR-100), and the spans of the whole names they replace.

    A name is split only when every variant it lists is exactly one catalogue entry; the
    first is its written stem and number ("CIFAR-10"), each other its number ("100"), as the
    variants a list elides are ("13B" in "Llama 2 7B and 13B").

    >>> cat = Catalogue.from_entries([CatalogueEntry(n, "Dataset") for n in ("CIFAR-10", "CIFAR-100")])
    >>> parts, whole = slashed_variants([Candidate(3, 15, "CIFAR-10/100", "shape")], cat)
    >>> [(c.text, c.start, c.entries[0].name) for c in parts], whole
    ([('CIFAR-10', 3, 'CIFAR-10'), ('100', 12, 'CIFAR-100')], {(3, 15)})
    >>> slashed_variants([Candidate(0, 9, "Zorb-7/13", "shape")], cat)
    ([], set())
    """
    parts: list[Candidate] = []
    whole: set[tuple[int, int]] = set()
    for cand in candidates:
        if "/" not in cand.text:
            continue  # nearly every name: fails fast
        match = _SLASHED_NUMBERS.fullmatch(cand.text)
        if match is None:
            continue
        stem, first = match.group(1), match.group(2)
        found = [(cand.start, cand.start + len(stem) + len(first), stem + first)]
        at = cand.start + match.start(3)
        for number in match.group(3).split("/")[1:]:
            found.append((at + 1, at + 1 + len(number), number))
            at += 1 + len(number)
        entries = [_lookup(stem + number, catalogue) for number in [first, *(n for _, _, n in found[1:])]]
        if any(len(e) != 1 for e in entries) or len({e[0] for e in entries}) != len(entries):
            continue
        whole.add((cand.start, cand.end))
        for (begin, end, written), entry in zip(found, entries, strict=True):
            parts.append(Candidate(begin, end, written, "variant", entry))
    return parts, whole


def _elided_siblings(text: str, cand: Candidate, catalogue: Catalogue) -> list[Candidate]:
    """The sibling data sets a list writes with their family's first word left out: "Sports" and
    "Toys" in "Amazon Beauty, Sports and Toys" are Amazon Sports and Amazon Toys, when the
    catalogue knows each under the same parent as the first.

    >>> cat = Catalogue.from_entries([CatalogueEntry("Amazon Toys", "Dataset", parent="Amazon")])
    >>> beauty = CatalogueEntry("Amazon Beauty", "Dataset", parent="Amazon")
    >>> hit = Candidate(3, 16, "Amazon Beauty", "catalogue", (beauty,))
    >>> [(c.text, c.entries[0].name) for c in _elided_siblings("on Amazon Beauty and Toys.", hit, cat)]
    [('Toys', 'Amazon Toys')]
    >>> cat = Catalogue.from_entries([CatalogueEntry("ImageNet", "Dataset"), CatalogueEntry("Tiny ImageNet",
    ...     "Dataset", parent="ImageNet")])
    >>> tiny = Candidate(3, 16, "Tiny ImageNet", "catalogue", (cat.get("Tiny ImageNet"),))
    >>> _elided_siblings("on Tiny ImageNet and ImageNet.", tiny, cat)
    []
    """
    if len(cand.entries) != 1 or cand.entries[0].parent is None or cand.entries[0].type not in _DATA_TYPES:
        return []
    stem, _, last = cand.text.rpartition(" ")
    if not stem or not last[:1].isupper():
        return []
    out, at = [], cand.end
    while (more := _ELLIPSIS.match(text, at)) and more.group(1)[:1].isupper():
        word, end = more.group(1), more.end(1)
        entries = _lookup(f"{stem} {word}", catalogue)
        if len(entries) != 1 and (second := _NEXT_CAPITALISED_WORD.match(text, end)):
            # a sibling of two words: "Amazon Beauty, Sports and Video Games"
            longer = _lookup(f"{stem} {word} {second.group(1)}", catalogue)
            if len(longer) == 1:
                word, end, entries = f"{word} {second.group(1)}", second.end(1), longer
        if (
            len(entries) != 1
            or entries[0] == cand.entries[0]
            or entries[0].parent != cand.entries[0].parent
            or _lookup(word, catalogue)  # a name of its own: "Tiny ImageNet, and ImageNet"
        ):
            break
        out.append(Candidate(more.start(1), end, word, "variant", entries))
        at = end
    return out


def _shared_head_before(text: str, cand: Candidate, catalogue: Catalogue) -> list[Candidate]:
    """The names a list writes with their last words left to the known name after them:
    "Sequential" in "the Sequential and Permuted MNIST datasets" is Sequential MNIST, "image" in
    "image and text classification" is image classification, when the catalogue knows each
    whole, and the first word alone names nothing.

    >>> cat = Catalogue.from_entries([CatalogueEntry("Sequential MNIST", "Dataset")])
    >>> hit = Candidate(22, 36, "Permuted MNIST", "catalogue", ())
    >>> found = _shared_head_before("on the Sequential and Permuted MNIST", hit, cat)
    >>> [(c.text, c.entries[0].name) for c in found]
    [('Sequential', 'Sequential MNIST')]

    A hyphen left open before "and" waits for the same head: "batch- and group- normalization".

    >>> cat = Catalogue.from_entries([CatalogueEntry("Batch Normalization", "Method")])
    >>> hit = Candidate(11, 31, "group- normalization", "catalogue", ())
    >>> found = _shared_head_before("batch- and group- normalization", hit, cat)
    >>> [(c.text, c.entries[0].name) for c in found]
    [('batch', 'Batch Normalization')]
    """
    _, space, rest = cand.text.partition(" ")
    # (the word right before is joined by "and", "or" or a slash: after a bare comma it may be
    # the kind the name is set beside, "a general algorithm, Pre-trained Distillation")
    if not space or len(cand.entries) > 1 or not text.endswith((" and ", " or ", "/"), 0, cand.start):
        return []
    out, at = [], cand.start
    while (before := _LISTED_WORD_BEFORE.search(text, max(0, at - 40), at)) is not None:
        # (a hyphen left open belongs to the head: "batch- and group- normalization")
        word = before.group(1).rstrip("-")
        if not word or word.lower() in _NOT_LISTED_WORDS or _lookup(word, catalogue):
            break
        entries = _lookup(f"{word} {rest}", catalogue)
        if len(entries) != 1 or (cand.entries and entries[0] == cand.entries[0]):
            break
        out.append(Candidate(before.start(1), before.start(1) + len(word), word, "variant", entries))
        at = before.start(1)
    return out


#: a listed word right before a name, with the comma, "and", "or" or slash that joins them
_LISTED_WORD_BEFORE = re.compile(
    r"(?<![\w\-])([A-Za-z][\w\-]*)(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*/\s*)$"
)
#: words a list may hold that name no kind of the name after them
_NOT_LISTED_WORDS = frozenset({"both", "either", "neither", "the", "a", "an", "and", "or", "between", "of"})


_NEXT_CAPITALISED_WORD = re.compile(r" ([A-Z][a-z]+)\b")


#: a list of capitalised parts right before "subsets of (the)": "the Beauty, Sports and Toys
#: subsets of the"
_PARTS_OF_BEFORE = re.compile(
    r"\b((?:[A-Z][\w\-]*\s*,\s*)*[A-Z][\w\-]*\s*,?\s+(?:and|or)\s+[A-Z][\w\-]*)\s+"
    r"(?:subsets?|splits?|domains?|categories|portions?|subcategories)\s+of\s+(?:the\s+)?$"
)


def _listed_parts(text: str, cand: Candidate, catalogue: Catalogue) -> list[Candidate]:
    """The parts of a data set a list names before it: "Beauty", "Sports" and "Toys" in "the
    Beauty, Sports and Toys subsets of the Amazon Reviews dataset" are Amazon Beauty, Amazon
    Sports and Amazon Toys, when the catalogue knows each as a part of the data set named after.

    >>> amazon = CatalogueEntry("Amazon Reviews", "Dataset")
    >>> part = lambda name: CatalogueEntry(name, "Dataset", parent="Amazon Reviews")
    >>> cat = Catalogue.from_entries([amazon, part("Amazon Toys"), part("Amazon Beauty")])
    >>> text = "on the Beauty, Sports and Toys subsets of the Amazon Reviews dataset"
    >>> hit = Candidate(46, 60, "Amazon Reviews", "catalogue", (amazon,))
    >>> [(c.text, c.entries[0].name) for c in _listed_parts(text, hit, cat)]
    [('Beauty', 'Amazon Beauty'), ('Toys', 'Amazon Toys')]
    """
    if len(cand.entries) != 1 or cand.entries[0].type not in _DATA_TYPES or " of " not in text:
        return []
    listed = _PARTS_OF_BEFORE.search(text, max(0, cand.start - 160), cand.start)
    if listed is None:
        return []
    first_word = cand.text.split()[0]
    return _catalogued_parts(listed, cand.entries[0].name, lambda part: [f"{first_word} {part}"], catalogue)


def _catalogued_parts(
    listed: re.Match[str], family: str, names: Callable[[str], list[str]], catalogue: Catalogue
) -> list[Candidate]:
    """A ``variant`` candidate for each capitalised item of the list in ``listed``'s first group
    that one of its ``names`` makes a catalogue entry with ``family`` as parent."""
    out = []
    for part in re.finditer(r"[A-Z][\w\-]*", listed.group(1)):
        for name in names(part.group()):
            entries = _lookup(name, catalogue)
            if len(entries) == 1 and entries[0].parent == family:
                start = listed.start(1) + part.start()
                out.append(Candidate(start, start + len(part.group()), part.group(), "variant", entries))
                break
    return out


def _suites_after(text: str, cand: Candidate, catalogue: Catalogue) -> list[Candidate]:
    """The parts of a benchmark a list names later in the sentence: "Spatial" and "Long" in "On
    the LIBERO benchmark it reaches 96.8% across the Spatial, Object, Goal and Long suites" are
    LIBERO-Spatial and LIBERO-Long, when the catalogue knows each as a part of the benchmark.

    >>> libero = CatalogueEntry("LIBERO", "Benchmark")
    >>> part = lambda name: CatalogueEntry(name, "Benchmark", parent="LIBERO")
    >>> cat = Catalogue.from_entries([libero, part("LIBERO-Spatial"), part("LIBERO-Long")])
    >>> text = "On LIBERO it reaches 96.8% across the Spatial, Object and Long suites."
    >>> hit = Candidate(3, 9, "LIBERO", "catalogue", (libero,))
    >>> [(c.text, c.entries[0].name) for c in _suites_after(text, hit, cat)]
    [('Spatial', 'LIBERO-Spatial'), ('Long', 'LIBERO-Long')]
    """
    if len(cand.entries) != 1 or cand.entries[0].type not in _DATA_TYPES:
        return []
    stop = text.find(". ", cand.end, cand.end + _PARTS_REACH)
    # (a list that starts within 160 characters: the search reads no further than it may reach)
    listed = _PARTS_AFTER.search(text, cand.end, cand.end + _PARTS_REACH if stop < 0 else stop)
    if listed is None or listed.start() - cand.end > 160:
        return []
    return _catalogued_parts(
        listed, cand.entries[0].name, lambda part: [f"{cand.text}-{part}", f"{cand.text} {part}"], catalogue
    )


_PARTS_NOUN = re.compile(r"\b(?:suites|splits|subsets|tracks)\b")


#: how far after a benchmark's name the list of its parts may end
_PARTS_REACH = 600
#: a list of capitalised parts before the noun of a benchmark's parts: "the Spatial, Object,
#: Goal and Long suites"
_PARTS_AFTER = re.compile(
    r"\b((?:[A-Z][\w\-]*\s*,\s*)*[A-Z][\w\-]*\s*,?\s+(?:and|or)\s+[A-Z][\w\-]*)\s+"
    r"(?:suites|splits|subsets|task suites|tracks)\b"
)


#: a version and a variant word after a list's "and": "Gemini 1.0 Pro and 1.5 Flash"
_VERSIONED_ELLIPSIS = re.compile(
    r"(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)(\d+(?:\.\d+)?\s+[A-Z][a-z]+)\b"
)
_VERSION_TAIL = re.compile(r"\s\d+(?:\.\d+)?\s+[A-Z][a-z]+$")


def _elided_versions(text: str, cand: Candidate, catalogue: Catalogue) -> list[Candidate]:
    """The versions a list writes with their family left out: "1.5 Flash" in "Gemini 1.0 Pro
    and 1.5 Flash" is Gemini 1.5 Flash, when the catalogue knows that name.

    >>> cat = Catalogue.from_entries([CatalogueEntry("Gemini 1.5 Flash", "Model")])
    >>> text = "Gemini 1.0 Pro and 1.5 Flash"
    >>> [c.text for c in _elided_versions(text, Candidate(0, 14, "Gemini 1.0 Pro", "catalogue", ()), cat)]
    ['1.5 Flash']
    """
    tail = _VERSION_TAIL.search(cand.text)
    more = _VERSIONED_ELLIPSIS.match(text, cand.end) if tail else None
    if more is None:
        return []
    entries = _lookup(f"{cand.text[: tail.start()]} {more.group(1)}", catalogue)
    if len(entries) != 1:
        return []
    return [Candidate(more.start(1), more.end(1), more.group(1), "variant", entries)]


def _variant_word(word: str) -> bool:
    """A size ("13B"), a variant word ("Lite", "Sonnet", "mini") that ends a model's name, or
    a year that ends a benchmark's ("2025" in "AIME 2024 and 2025").

    >>> [_variant_word(w) for w in ("13B", "Lite", "2025", "and", "25")]
    [True, True, True, False, False]
    """
    return (
        bool(SIZE.fullmatch(word))
        or word in VARIANT_TITLE_WORDS
        or word in VARIANT_WORDS
        or (len(word) == 4 and word[:2] in ("19", "20") and word.isdigit())
    )


def _qualifiable(cand: Candidate, text: str) -> bool:
    """Whether a catalogue hit is a method or model acronym that capitalised words may qualify
    ("Agentic RAG", "Downpour SGD"); a generic one ("Deep RL") or one that a longer name
    goes on from ("NASNet" in "NASNet-A") is not."""
    after = text[cand.end : cand.end + 1]
    return (
        " " not in cand.text
        and _TWO_CAPITALS.search(cand.text) is not None
        and not (after.isalnum() or after == "-")
        and not _is_generic(cand.text)
        and any(e.type in {"Method", "Model"} for e in cand.entries)
    )


def _title_cased_method(cand: Candidate) -> bool:
    """Whether a catalogue hit is a method or model of several words, each capitalised as
    written ("Beam Search"), which capitalised words before it may qualify ("Stochastic
    Beam Search", "Contextual Recurrent Convolutional Network"; not "Standard Beam Search").

    >>> beam = CatalogueEntry("Beam Search", "Method")
    >>> _title_cased_method(Candidate(0, 11, "Beam Search", "catalogue", (beam,)))
    True
    >>> _title_cased_method(Candidate(0, 11, "beam search", "catalogue", (beam,)))
    False
    """
    words = cand.text.split()
    return (
        len(words) > 1
        and all(w[:1].isupper() for w in words)
        and any(e.type in {"Method", "Model"} for e in cand.entries)
    )


def _kind_qualifier_start(text: str, start: int) -> int:
    """Where up to two capitalised words naming a kind of the Title Case method at ``start``
    begin ("Stochastic Beam Search"), or ``start``: words that rate it are left out ("Standard
    Beam Search"), and a longer run of capitals says nothing of where the name starts.

    >>> text = "using Stochastic Beam Search, not Standard Beam Search"
    >>> [text[_kind_qualifier_start(text, m.start()) : m.end()] for m in re.finditer("Beam Search", text)]
    ['Stochastic Beam Search', 'Beam Search']

    A plain word that makes a noun with the next one stays: "Neural Network Gaussian Process".

    >>> text = "it yields the Neural Network Gaussian Process kernel"
    >>> text[_kind_qualifier_start(text, text.index("Gaussian")) :]
    'Neural Network Gaussian Process kernel'
    """
    begin = qualifier_start(text, start, max_words=2)
    if _QUALIFIER.search(text, max(0, begin - 40), begin):
        return start
    while begin < start and text[begin : text.index(" ", begin)].lower() in _PLAIN_QUALIFIERS:
        if _NETWORK_NOUN.match(text, text.index(" ", begin) + 1):
            break
        begin = text.index(" ", begin) + 1
    return begin


#: the noun a plain qualifier makes a name with: "Neural Network", "Deep Networks"
_NETWORK_NOUN = re.compile(r"Net(?:work)?s?\b")


#: capitalised words that rate or date a method rather than name a kind of it
_PLAIN_QUALIFIERS = words_of(
    """deep large small scalable efficient simple fast robust generic general improved
    modern standard conventional classical classic vanilla traditional original naive basic novel
    new proposed our regular plain typical existing popular common recent prior previous"""
)
_TWO_CAPITALS = re.compile(r"[A-Z].*[A-Z]")
_QUALIFIER = re.compile(r"(?<![\w\-])([A-Z][a-z]+(?:-[A-Za-z]+)*) \Z")
_SENTENCE_GOES_ON = re.compile(r"[a-z0-9,;(][ \t]*\n?[ \t]*\Z")  # a blank line ends a sentence


def _own_titled_variant(text: str, cand: Candidate, title_end: int) -> list[Candidate]:
    r"""A known method in the title after capitalised words that the abstract writes as the
    paper's own ("our ...", "the proposed ..."): the paper's variant of it, in the title and
    wherever the abstract says so. Words that only rate it name nothing ("Simple", "New").

    >>> from kg.nlp.catalogue import CatalogueEntry
    >>> text = "Fully Quantized Transformer for Translation\n\nOur fully quantized Transformer wins."
    >>> hit = Candidate(16, 27, "Transformer", "catalogue", (CatalogueEntry("Transformer", "Method"),))
    >>> [c.text for c in _own_titled_variant(text, hit, text.index("\n\n"))]
    ['Fully Quantized Transformer', 'fully quantized Transformer']
    >>> text = "Simple Transformer for Translation\n\nOur simple Transformer wins."
    >>> _own_titled_variant(text, hit._replace(start=7, end=18), text.index("\n\n"))
    []
    >>> text = "Graph Matching Networks for Retrieval\n\nWe propose a Graph Matching Network model."
    >>> matching = CatalogueEntry("Matching Networks", "Method")
    >>> hit = Candidate(6, 23, "Matching Networks", "catalogue", (matching,))
    >>> [c.text for c in _own_titled_variant(text, hit, text.index("\n\n"))]
    ['Graph Matching Networks', 'Graph Matching Network']
    """
    if not any(e.type == "Method" for e in cand.entries):
        return []
    words = _TITLE_MODIFIERS.search(text, max(0, cand.start - 40), cand.start)
    if words is None:
        return []
    modifiers = re.split(r"[ -]", words.group(1))
    if all(w.lower() in _PLAIN_QUALIFIERS or w.lower() in _RATING_WORDS for w in modifiers):
        return []
    spaced = r"[ -]".join(re.escape(w) for w in modifiers)
    own = re.compile(rf"\b(?:[Oo]ur|[Tt]he proposed)\s+({spaced}[ -]{re.escape(cand.text)})(?![\w\-])", re.I)
    found = list(own.finditer(text, title_end))
    if not found:
        # ... or that the abstract writes with the title's capitals, as a name: "Graph Matching
        # Networks for ..." with "a novel Graph Matching Network model" (not "Matching Networks")
        # (the whole name: not "Polar Transformer" of "Polar Transformer Networks")
        singular = re.escape(cand.text[:-1] if cand.text.endswith("s") else cand.text)
        capitalised = re.compile(rf"(?<![\w\-])({spaced}[ -]{singular}s?)(?![\w\-]| [A-Z])")
        found = [
            m
            for m in capitalised.finditer(text, title_end)
            if _SENTENCE_GOES_ON.search(text, max(0, m.start() - 20), m.start())  # mid-sentence
        ]
    if not found:
        return []
    start = words.start(1)
    title = Candidate(start, cand.end, text[start : cand.end], "variant")
    return [title, *(Candidate(m.start(1), m.end(1), m.group(1), "variant") for m in found)]


#: one or two capitalised words right before a name: "Fully Quantized " in a title
_TITLE_MODIFIERS = re.compile(
    r"(?<![\w\-])((?:[A-Z][a-z]+(?:-[A-Za-z]+)*[ -])?[A-Z][a-z]+(?:-[A-Za-z]+)*)[ -]\Z"
)


def qualifier_start(text: str, start: int, *, max_words: int = 3) -> int:
    """Where the capitalised words written just before ``start`` in mid-sentence begin, or
    ``start`` when there are none: "the rise of Agentic RAG" gives the start of "Agentic".

    Places, languages, function words and organisation words do not qualify a name, and a run
    that opens a sentence is left alone (its first capital says nothing).

    >>> text = "we emphasize the rise of Agentic RAG frameworks. Standard SGD is slow."
    >>> text[qualifier_start(text, text.index("RAG")):text.index("RAG")]
    'Agentic '
    >>> qualifier_start(text, text.index("SGD")) == text.index("SGD")
    True
    >>> text = "many ImageNet-trained CNNs"
    >>> qualifier_start(text, text.index("CNNs")) == text.index("CNNs")
    True
    """
    begin = start
    for _ in range(max_words):
        word = _QUALIFIER.search(text, max(0, begin - 40), begin)
        if word is None or is_never_a_name(word.group(1)) or word.group(1) in ORGANISATION_WORDS:
            break
        begin = word.start(1)
    if begin == start or not _SENTENCE_GOES_ON.search(text, max(0, begin - 20), begin):
        return start
    return begin


def select_mentions(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Keep the longest of overlapping candidates (ties go to the more trusted rule).

    A lower-case kind word a form ends on ("MNIST datasets") is not counted against another
    name: "Fashion MNIST" wins in "on Fashion MNIST datasets".

    >>> text = "on Fashion MNIST datasets"
    >>> hits = [Candidate(3, 16, "Fashion MNIST", "catalogue"),
    ...         Candidate(11, 25, "MNIST datasets", "catalogue")]
    >>> [c.text for c in select_mentions(hits)]
    ['Fashion MNIST']
    """
    ordered = sorted(
        candidates,
        key=lambda c: (-_name_length(c), -(c.end - c.start), _RULE_ORDER.get(c.rule, 99), c.start),
    )
    kept: list[Candidate] = []
    spans: set[tuple[int, int]] = set()
    taken = bytearray(max((c.end for c in ordered), default=0))  # 1 where a kept mention lies
    for cand in ordered:
        if cand.end <= cand.start:
            continue
        if (cand.start, cand.end) not in spans:
            if taken.find(1, cand.start, cand.end) >= 0:
                continue
            spans.add((cand.start, cand.end))
            taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        kept.append(cand)
    return sorted(kept, key=lambda c: (c.start, _RULE_ORDER.get(c.rule, 99)))


def _name_length(cand: Candidate) -> int:
    """The length of ``cand`` without a lower-case kind word at its end ("MNIST dataset")."""
    kind = _KIND_WORD_END.search(cand.text)
    return (cand.end - cand.start) - (len(kind.group(0)) if kind else 0)


#: a lower-case kind word ending a form: " datasets", " corpus", " benchmark"
_KIND_WORD_END = re.compile(r" (?:datasets?|data\s?sets?|corpus|corpora|benchmarks?)$")


class _Groups:
    """Union-find over mention indices."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


class _Mention(NamedTuple):
    start: int
    end: int
    text: str
    rules: frozenset[str]
    entries: tuple[CatalogueEntry, ...]
    type: str | None


def _merge_same_span(mentions: list[Candidate]) -> list[_Mention]:
    merged: dict[tuple[int, int], _Mention] = {}
    for c in mentions:
        old = merged.get((c.start, c.end))
        if old is None:
            merged[(c.start, c.end)] = _Mention(
                c.start, c.end, c.text, frozenset([c.rule]), c.entries, c.type
            )
        else:
            entries = old.entries + tuple(e for e in c.entries if e not in old.entries)
            merged[(c.start, c.end)] = old._replace(
                rules=old.rules | {c.rule}, entries=entries, type=old.type or c.type
            )
    return sorted(merged.values(), key=lambda m: m.start)


def _is_generic(text: str) -> bool:
    return text in GENERIC_ACRONYMS or text.rstrip("s") in GENERIC_ACRONYMS


#: what the generic model-class acronyms stand for; spelled out otherwise, one names a thing
#: of the paper's: "Selective Language Modeling (SLM)", "Large Reconstruction Model (LRM)"
_GENERIC_EXPANSIONS = {
    "LLM": ("large language model",),
    "SLM": ("small language model", "small scale language model"),
    "LM": ("language model",),
    "VLM": ("vision language model", "visual language model"),
    "VLA": ("vision language action model", "vision language action"),
    "MLLM": ("multimodal large language model", "multi modal large language model"),
    "LVLM": ("large vision language model",),
    "LRM": ("large reasoning model",),
    "LMM": ("large multimodal model", "large multi modal model"),
    # not a model class, but a non-ML acronym that a paper may spell out as its own term:
    # "counterfactually augmented data (CAD)" stays, "computer-aided design (CAD)" goes
    "CAD": ("computer aided design",),
    # ... and a machine's memory: "Recurrent Attention Model (RAM)" stays, "random access memory (RAM)" goes
    "RAM": ("random access memory",),
}


def _own_expansion(pair: AbbreviationPair) -> bool:
    """Whether ``pair`` spells out a generic model-class acronym as something else.

    >>> from kg.nlp.discovery import Piece
    >>> pair = lambda long, short: AbbreviationPair(Piece(long, 0, 1), Piece(short, 2, 3))
    >>> _own_expansion(pair("Selective Language Modeling", "SLM"))
    True
    >>> _own_expansion(pair("Small Language Models", "SLMs"))
    False
    """
    expansions = _GENERIC_EXPANSIONS.get(pair.short.text.rstrip("s"))
    if expansions is None:
        return False
    return _folded_long_form(pair) not in expansions


def _qualified_class(pair: AbbreviationPair) -> bool:
    """Whether ``pair`` names a kind of a generic model class: "Video large language models
    (Video LLMs)", "Code LLMs".

    >>> from kg.nlp.discovery import Piece
    >>> pair = lambda long, short: AbbreviationPair(Piece(long, 0, 1), Piece(short, 2, 3))
    >>> _qualified_class(pair("Video large language models", "Video LLMs"))
    True
    >>> _qualified_class(pair("Zorbic Language Model", "ZLM"))
    False
    """
    words = pair.short.text.split()
    if len(words) < 2 or words[0] != pair.long.text.split()[0]:
        return False
    expansions = _GENERIC_EXPANSIONS.get(words[-1].rstrip("s"), ())
    return any(_folded_long_form(pair).endswith(expansion) for expansion in expansions)


#: the words of a long form that only joins modalities or fields: "language and vision (LaVi)"
_MODALITY_WORDS = frozenset(
    ["vision", "visual", "language", "text", "textual", "image", "video", "audio", "speech", "and"]
)


def _field_only(pair: AbbreviationPair) -> bool:
    """Whether ``pair``'s long form is a field of study ("Computer Graphic (CG) images",
    "natural language processing (NLP)"): a domain, no one entity.

    >>> from kg.nlp.discovery import Piece
    >>> pair = lambda long, short: AbbreviationPair(Piece(long, 0, 1), Piece(short, 2, 3))
    >>> [_field_only(pair(*p)) for p in [("Computer Graphic", "CG"), ("conjugate gradient", "CG")]]
    [True, False]
    """
    return _folded_long_form(pair) in _FOLDED_FIELD_NAMES


_FOLDED_FIELD_NAMES = frozenset(name.removesuffix("s") for name in FIELD_NAMES)


def _imaging_only(pair: AbbreviationPair) -> bool:
    """Whether ``pair``'s long form is a way of imaging or staining tissue ("optical coherence
    tomography (OCT)", "hematoxylin and eosin (H&E)"): what the data is, no ML entity.

    >>> from kg.nlp.discovery import Piece
    >>> pair = lambda long, short: AbbreviationPair(Piece(long, 0, 1), Piece(short, 2, 3))
    >>> [_imaging_only(pair(*p)) for p in [("optical coherence tomography", "OCT"), ("Zorb Tomography", "Z")]]
    [True, False]
    """
    return pair.long.text[:1].islower() and _IMAGING_END.search(pair.long.text) is not None


#: the last words of a way of imaging or staining tissue
_IMAGING_END = re.compile(
    r"(?:tomography|microscopy|spectroscopy|resonance imaging|radiography|sonography|angiography|"
    r"and eosin|staining)$"
)


def _modalities_only(pair: AbbreviationPair) -> bool:
    """Whether ``pair`` only joins modalities ("language and vision (LaVi)", "vision-and-language
    (V&L)", "audio-visual (AV)"): a kind of model or task, no one entity; a task that converts one
    into another says so ("text-to-speech (TTS)").

    >>> from kg.nlp.discovery import Piece
    >>> pair = lambda long, short: AbbreviationPair(Piece(long, 0, 1), Piece(short, 2, 3))
    >>> [_modalities_only(pair(*p)) for p in [("language and vision", "LaVi"), ("Vision-and-language", "V&L"),
    ...  ("text-to-speech", "TTS"), ("visual question answering", "VQA")]]
    [True, True, False, False]
    """
    words = _folded_long_form(pair).split()
    return len(words) > 1 and all(w in _MODALITY_WORDS for w in words)


def _folded_long_form(pair: AbbreviationPair) -> str:
    """A pair's long form in lower case, hyphens as spaces, in the singular: "large language model"."""
    return " ".join(pair.long.text.lower().replace("-", " ").split()).removesuffix("s")


def _plural_acronym(text: str, *, qualified: bool = False) -> bool:
    """ "LMRMs", "PLMs": a plural short form names a class of things, not one entity; with
    ``qualified``, so does one after a hyphenated qualifier ("Video-LLMs").

    >>> [_plural_acronym(t) for t in ("LMRMs", "Video-LLMs", "GPTs-4", "Ms", "MoEs")]
    [True, False, False, False, False]
    >>> _plural_acronym("Video-LLMs", qualified=True)
    True
    """
    last = text.rsplit("-", 1)[-1] if qualified else text
    return len(last) > 2 and last.endswith("s") and last[:-1].isupper()


def _title_cased_family(pair: AbbreviationPair, catalogue: Catalogue | None = None) -> bool:
    """Whether a pair with a plural short form names one family of models in Title Case:
    "Predictive State Recurrent Neural Networks (PSRNNs)", "Restricted Kernel Machines (RKMs)"
    (while "Protein Language Models (PLMs)" is a class of things, and a long form that spells a
    ``catalogue`` entry of the short form is that entry: "Deep Convolution Neural Networks (CNNs)").

    >>> from kg.nlp.abbreviations import find_abbreviations
    >>> text = "Predictive State Recurrent Neural Networks (PSRNNs) and Protein Language Models (PLMs)."
    >>> [_title_cased_family(p) for p in find_abbreviations(text)]
    [True, False]
    """
    words = pair.long.text.replace("-", " ").split()
    if len(words) < 3 or not all(w[0].isupper() for w in words) or words[-1].lower() not in _FAMILY_HEADS:
        return False
    if catalogue is None:
        return True
    known = _lookup(pair.short.text.removesuffix("s"), catalogue)
    return not any(_long_form_close(entry, pair.long.text, pair.short.text) for entry in known)


def _known_task_spelled(pair: AbbreviationPair, catalogue: Catalogue | None) -> bool:
    """Whether a pair whose short form names a field alone spells out a known task: "Natural
    language generation (NLG)" is that task, and NLG its short form there.

    >>> from kg.nlp.abbreviations import find_abbreviations
    >>> from kg.nlp.catalogue import Catalogue
    >>> catalogue = Catalogue.from_entries([CatalogueEntry("natural language generation", "Task")])
    >>> pairs = find_abbreviations("Natural language generation (NLG) is hard.")
    >>> [_known_task_spelled(p, catalogue) for p in pairs]
    [True]
    """
    if catalogue is None:
        return False
    return any(entry.type == "Task" for entry in _lookup(pair.long.text, catalogue))


def _spells_known_short_form(pair: AbbreviationPair, catalogue: Catalogue | None) -> bool:
    """Whether a pair's plural short form is a ``catalogue`` entry that its long form spells:
    "constrained Markov decision processes (CMDPs)" is the one formalism CMDP, written out
    (not the known name inside it, Markov decision process).

    >>> from kg.nlp.abbreviations import find_abbreviations
    >>> from kg.nlp.catalogue import Catalogue
    >>> cmdp = CatalogueEntry("constrained MDP", "Task", aliases=("CMDP",))
    >>> mdp = CatalogueEntry("Markov decision process", "Task", aliases=("MDP",))
    >>> catalogue = Catalogue.from_entries([cmdp, mdp])
    >>> text = "We solve constrained Markov decision processes (CMDPs) and protein models (PMs)."
    >>> [_spells_known_short_form(p, catalogue) for p in find_abbreviations(text)]
    [True, False]
    """
    if catalogue is None:
        return False
    known = _lookup(pair.short.text.removesuffix("s"), catalogue)
    return any(_long_form_fits(entry, pair.long.text) for entry in known) or bool(
        known and _long_form_with_known_inside(known, pair.long.text, catalogue)
    )


def _titled_long_form(pair: AbbreviationPair, text: str) -> bool:
    r"""Whether the title writes a pair's Title Case long form: the paper is about that one
    thing ("Understanding Synthetic Gradients and Decoupled Neural Interfaces", then
    "Decoupled Neural Interfaces (DNIs)"), not a class of things it names in passing.

    >>> from kg.nlp.abbreviations import find_abbreviations
    >>> text = "On Decoupled Neural Interfaces\n\nThis gives Decoupled Neural Interfaces (DNIs)."
    >>> [_titled_long_form(p, text) for p in find_abbreviations(text)]
    [True]
    """
    title_end = text.find("\n\n")
    words = pair.long.text.replace("-", " ").split()
    if title_end <= 0 or pair.long.start < title_end or len(words) < 2:
        return False
    if not all(w[0].isupper() for w in words) or words[-1].lower() in _CLASS_HEADS:
        return False
    return pair.long.text.casefold() in text[:title_end].casefold()


#: plural heads that name a class of things even in a title: "Protein Language Models"
_CLASS_HEADS = words_of(
    "models methods agents systems approaches algorithms tools techniques embeddings ensembles"
)


#: the plural head nouns of a Title Case family of models or units
_FAMILY_HEADS = words_of(
    "networks machines units learners provers fields processes autoencoders transformers nets functions"
)


def _proposed_pair(pair: AbbreviationPair, text: str) -> bool:
    """Whether the sentence introduces ``pair`` as the paper's own ("We introduce contextual
    explanation networks (CENs)"): a plural short form then names a new family, not a class
    the field already has.

    >>> from kg.nlp.abbreviations import find_abbreviations
    >>> text = "We introduce contextual explanation networks (CENs). Prior CNNs (convolutional nets) fail."
    >>> [_proposed_pair(p, text) for p in find_abbreviations(text)]
    [True, False]
    """
    first = min(pair.long.start, pair.short.start)
    last = max(pair.long.end, pair.short.end)
    opening = max(text.rfind(". ", 0, first), text.rfind("\n", 0, first))
    before = text[opening + 1 : first]
    return relation_from_context(before, text[last : last + 120]) == "proposes"


def pair_candidates(
    pairs: Iterable[AbbreviationPair], text: str = "", catalogue: Catalogue | None = None
) -> list[Candidate]:
    """Both sides of every abbreviation pair whose short form is not a generic acronym, and
    every other place in ``text`` where a long form of several words is written out again
    (the title often names the method the abstract defines).

    >>> from kg.nlp.abbreviations import find_abbreviations
    >>> text = "Deep Foo Nets for X. We propose Deep Foo Nets (DFN) for X."
    >>> [(c.text, c.start) for c in pair_candidates(find_abbreviations(text), text)]
    [('Deep Foo Nets', 32), ('DFN', 47), ('Deep Foo Nets', 0)]
    """
    out = []
    long_forms = []
    split_entries: dict[str, tuple[CatalogueEntry, ...]] = {}
    for pair in pairs:
        if (
            (
                _is_generic(pair.short.text)
                and not (pair.short.text in NON_ML_ACRONYMS and text and _proposed_pair(pair, text))
                and not _own_expansion(pair)
                and not _known_task_spelled(pair, catalogue)
            )
            or _qualified_class(pair)
            or _modalities_only(pair)
            or _field_only(pair)
            or _imaging_only(pair)
        ):
            continue  # "large language models (LLMs)"; but "we propose DNA (Dynamic ...)" stays
        if (
            _plural_acronym(pair.short.text, qualified=True)
            and not (text and _proposed_pair(pair, text))
            and not _title_cased_family(pair, catalogue)
            and not _titled_long_form(pair, text)
            and not _spells_known_short_form(pair, catalogue)
        ):
            continue
        out.append(Candidate(pair.long.start, pair.long.end, pair.long.text, "abbreviation"))
        out.append(Candidate(pair.short.start, pair.short.end, pair.short.text, "abbreviation"))
        if " " in pair.long.text:
            long_forms.append(pair.long)
            split = _split_term(pair, text, catalogue) if catalogue else None
            if split is not None:  # "part of speech (POS) tagging": written again, it is that term
                split_entries[_spaced(pair.long.text.casefold())] = split.entries
    if text and long_forms:
        repeats = repeated_mentions(text, long_forms)
        repeats += _title_cased_repeats(text, long_forms, {p.start for p in repeats})
        for p in repeats:
            entries = split_entries.get(_spaced(p.text.casefold()))
            if entries:
                out.append(Candidate(p.start, p.end, p.text, "catalogue", entries))
            else:
                out.append(Candidate(p.start, p.end, p.text, "abbreviation"))
    return out


def _title_cased_repeats(text: str, long_forms: Sequence[Piece], taken: set[int]) -> list[Piece]:
    r"""The places where the title writes a long form in another case ("Riemannian Stochastic
    Gradient Descent" for the abstract's "Riemannian stochastic gradient descent (RSGD)") or
    with a hyphen for a space, or the other way round ("Reweighted Wake-Sleep" for "Reweighted
    Wake Sleep (RWS)").

    >>> text = "Riemannian Stochastic Gradient Descent\n\nWe propose Riemannian stochastic gradient descent."
    >>> at = text.index("Riemannian stochastic")
    >>> long_form = Piece(text[at : at + 38], at, at + 38)
    >>> [(p.text, p.start) for p in _title_cased_repeats(text, [long_form], set())]
    [('Riemannian Stochastic Gradient Descent', 0)]
    >>> text = "Revisiting Reweighted Wake-Sleep\n\nWe revisit the Reweighted Wake Sleep (RWS) method."
    >>> at = text.index("Reweighted Wake Sleep")
    >>> [p.text for p in _title_cased_repeats(text, [Piece(text[at : at + 21], at, at + 21)], set())]
    ['Reweighted Wake-Sleep']
    """
    return [
        Piece(text[at:end], at, end)
        for form in {p.text for p in long_forms}
        for at, end in _title_places(text, form)
        if at not in taken and text[at:end] != form
    ]


def _spaced(text: str) -> str:
    """``text`` with each hyphen a space: the same length, so a place in one is a place in the
    other.

    >>> _spaced("wake-sleep")
    'wake sleep'
    """
    return text.replace("-", " ")


_WORDS_AFTER = re.compile(r"\s*\)\s+([A-Za-z][\w\-]*)(?:\s+([A-Za-z][\w\-]*))?")


def split_term_candidates(
    pairs: Iterable[AbbreviationPair], text: str, catalogue: Catalogue
) -> list[Candidate]:
    """A known term written around its own abbreviation: in "out-of-distribution (OOD)
    generalization" the long form and the word after the parenthesis, or the short form and
    that word, name a catalogue entry; the whole span is one mention of it.

    >>> from kg.nlp.abbreviations import find_abbreviations
    >>> cat = Catalogue.from_entries([CatalogueEntry("OOD generalization", "Task")])
    >>> text = "We test out-of-distribution (OOD) generalization and out-of-distribution (OOD) data."
    >>> [(c.text, c.entries[0].name) for c in split_term_candidates(find_abbreviations(text), text, cat)]
    [('out-of-distribution (OOD) generalization', 'OOD generalization')]
    """
    return [cand for pair in pairs if (cand := _split_term(pair, text, catalogue)) is not None]


def _split_term(pair: AbbreviationPair, text: str, catalogue: Catalogue) -> Candidate | None:
    """The known term that ``pair`` and the words after its bracket make, if they make one."""
    if pair.long.end > pair.short.start:  # "LoRA (Low-Rank Adaptation)": nothing is split
        return None
    after = _WORDS_AFTER.match(text, pair.short.end)
    if after is None:
        return None
    words = [w for w in after.groups() if w]
    known = _known_term((pair.long.text, pair.short.text), words, catalogue)
    if known is None:
        return None
    count, entries = known
    end = after.end(count)
    return Candidate(pair.long.start, end, text[pair.long.start : end], "catalogue", entries)


#: a year after a measure's name: the campaign's test set ("NIST 2008", "the NIST 2006 set")
_CAMPAIGN_YEAR = re.compile(r"(?<![\w.])(?:19[89]\d|20[0-4]\d)(?![\w.])")


#: an acronym and a bracket after it: "SEAL (Show, sEArch, and telL)"
_ACRONYM_BRACKET = re.compile(r"\b([A-Z][A-Z0-9]{1,10})\s*\(([^()]{3,80})\)")


def _spelled_brackets(text: str) -> list[tuple[int, int]]:
    """The spans of brackets whose capitals spell the acronym before them, its expansion
    ("SEAL (Show, sEArch, and telL)"), whose words (odd capitals and all) name nothing of
    their own; a pair the abbreviation detector finds keeps its long form.

    >>> text = "We propose SEAL (Show, sEArch, and telL). It uses CLIP (ViT-L)."
    >>> [text[s:e] for s, e in _spelled_brackets(text)]
    ['Show, sEArch, and telL']
    """
    spans = []
    for match in _ACRONYM_BRACKET.finditer(text):
        capitals = "".join(c for c in match.group(2) if c.isupper())
        if capitals == match.group(1) and not match.group(2).istitle():
            spans.append((match.start(2), match.end(2)))
    return spans


def _known_long_form(pair: AbbreviationPair, mentions: Sequence[Candidate], text: str) -> int | None:
    """The index of the catalogue mention that holds ``pair``'s long form and starts earlier,
    on the short form's first letter: the shortest long form the letters allow ("similarity
    (SIM)") is part of a known term ("speaker similarity"), which the short form abbreviates.
    """
    initial = pair.short.text[:1].lower()
    for i, m in enumerate(mentions):
        starts_earlier = m.start < pair.long.start and text[m.start].lower() == initial
        if m.entries and m.end == pair.long.end and starts_earlier:
            return i
    return None


def _known_term(
    heads: Sequence[str], words: Sequence[str], catalogue: Catalogue
) -> tuple[int, tuple[CatalogueEntry, ...]] | None:
    """The longest "head word..." (any of ``heads``, then ``words[:n]``) the catalogue knows,
    as ``(n, entries)``; ``None`` when it knows none. With a long form and its short form as
    ``heads``, a term found through the short form must not spell it out in other words: the
    "SCE loss" of "softmax cross-entropy (SCE) loss" is no symmetric cross entropy.

    >>> cat = Catalogue.from_entries([CatalogueEntry("Symmetric Cross Entropy", "Method", ("SCE loss",))])
    >>> _known_term(("softmax cross-entropy", "SCE"), ["loss"], cat) is None
    True
    >>> _known_term(("symmetric cross entropy", "SCE"), ["loss"], cat)[0]
    1
    """
    for count in range(len(words), 0, -1):
        tail = " ".join(words[:count])
        for head in heads:
            entries = _lookup(f"{head} {tail}", catalogue)
            if head is not heads[0] and len(heads) > 1:
                entries = tuple(e for e in entries if not _spelled_otherwise(e, heads[0], head))
            if entries:
                return count, entries
    return None


def _own_short_with_kind(mention: _Mention, own_long: dict[str, str]) -> str | None:
    """The paper's own short form that ``mention`` writes before one more word ("SCE loss"),
    when every catalogue entry it names spells that short form out in other words. A plain
    lower-case word is no short form written with capitals: "node classification" is no "NODE".

    >>> nc = CatalogueEntry("node classification", "Task", ("vertex classification",))
    >>> mention = lambda text: _Mention(0, len(text), text, frozenset({"catalogue"}), (nc,), None)
    >>> own = {"node": "neural ordinary differential equation"}
    >>> [_own_short_with_kind(mention(text), own) for text in ("node classification", "NODE classification")]
    [None, 'node']
    """
    short, _, rest = mention.text.rpartition(" ")
    key = _own_short(short, own_long) if short and " " not in short and not short.islower() else None
    if key is None or not rest.islower():
        return None
    if all(_spelled_otherwise(e, own_long[key], short) for e in mention.entries):
        return key
    return None


def _spelled_otherwise(entry: CatalogueEntry, long_text: str, short: str) -> bool:
    """Whether every form of ``entry`` that spells ``short`` out starts with a word that
    ``long_text`` does not hold ("Symmetric Cross Entropy" against "softmax cross-entropy"; not
    "Weisfeiler-Lehman Test" against "1-dimensional Weisfeiler-Lehman").

    >>> sce = CatalogueEntry("Symmetric Cross Entropy", "Method")
    >>> [_spelled_otherwise(sce, long_form, "SCE") for long_form in ("softmax cross-entropy", "symmetric CE")]
    [True, False]

    A second word of the same initial but another stem spells it otherwise too ("fully connected
    neural networks" against "Fully Convolutional Network").

    >>> fcn = CatalogueEntry("Fully Convolutional Network", "Method")
    >>> forms = ("fully connected neural networks", "fully convolutional nets")
    >>> [_spelled_otherwise(fcn, f, "FCN") for f in forms]
    [True, False]
    """
    paper = re.split(r"[\s\-]+", long_text.casefold())
    words = set(paper)
    spelled = [f for f in entry.forms if " " in f and short.casefold() not in f.casefold().split()]

    def contradicted(form: str) -> bool:
        known = re.split(r"[\s\-]+", form.casefold())
        if known[0] not in words:
            return True
        # (words, not a short form's letters: "symmetric CE")
        return known[0] == paper[0] and _second_word_differs(known, paper)

    return bool(spelled) and all(contradicted(f) for f in spelled)


def assemble_entities(
    text: str,
    candidates: Sequence[Candidate],
    pairs: Sequence[AbbreviationPair],
    catalogue: Catalogue,
    *,
    min_confidence: float = 0.0,
) -> list[ExtractedEntity]:
    """Group, resolve, type and score the mentions of one paper (see module docstring)."""
    if (cut := references_start(text)) is not None:
        # a whole paper given as its abstract: the works its reference list cites are not its own
        candidates = [c for c in candidates if c.start < cut]
        pairs = [p for p in pairs if p.short.start < cut and p.long.start < cut]
    pairs, candidates = _without_organisations(pairs, candidates)
    candidates = _without_other_classes(pairs, candidates, text, catalogue)
    candidates = _without_cited_authors(candidates, text)
    candidates = _without_quoted_sentences(candidates, text)
    if modalities := {
        p.short.text for p in pairs if _modalities_only(p) or _field_only(p) or _imaging_only(p)
    }:
        # "language and vision (LaVi) models": LaVi names a kind of model wherever it stands
        # (so does a field's short form: "Computer Graphic (CG) scenes ... a CG scene", and a way of
        # imaging's: "optical coherence tomography (OCT) ... OCT images")
        candidates = [c for c in candidates if c.entries or c.text not in modalities]
    pairs = [p for p in pairs if not _title_pair_names_another(p, text, catalogue)]
    split = split_term_candidates(pairs, text, catalogue)
    # (a form inside a hyphenated word is dropped before it grows: "Step-by-Step Audio Reasoning"
    # holds no "Step Audio" to make a variant of)
    candidates = [
        c
        for c in candidates
        if not _inside_hyphenated(c, text)
        and not _learning_for_a_purpose(c, text)
        and not _joined_known_names(c, catalogue)
    ]
    all_candidates = [*extend_candidates(text, candidates), *pair_candidates(pairs, text, catalogue), *split]
    all_candidates += elided_variants(text, all_candidates, catalogue)
    slashed, whole = slashed_variants(all_candidates, catalogue)
    if slashed:  # "CIFAR-10/100": CIFAR-10 and CIFAR-100, and no "CIFAR-10/100"
        all_candidates = [c for c in all_candidates if (c.start, c.end) not in whole] + slashed
    all_candidates = [c for c in all_candidates if _balanced(c.text) and not _inside_hyphenated(c, text)]
    all_candidates = _with_glued_splits(_without_split_words(all_candidates), text)
    if "(" in text:
        spelled = _spelled_brackets(text)
        if spelled:
            all_candidates = [
                c
                for c in all_candidates
                if c.entries or c.rule == "abbreviation" or outside_spans(spelled, c.start)
            ]
    mentions = _merge_same_span(select_mentions(all_candidates))
    mentions = [m if m.entries else m._replace(entries=_lookup_cased(m.text, catalogue)) for m in mentions]
    groups = _Groups(len(mentions))
    index_of = {(m.start, m.end): i for i, m in enumerate(mentions)}
    paired: dict[int, int] = {}
    for pair in pairs:
        long_i = index_of.get((pair.long.start, pair.long.end))
        if long_i is None:
            long_i = _known_long_form(pair, mentions, text)
        short_i = index_of.get((pair.short.start, pair.short.end))
        if long_i is not None and short_i is not None:
            groups.union(long_i, short_i)
            paired[short_i] = long_i
    # a term written around its abbreviation lends its group to the abbreviation's other uses
    for term in split:
        term_i = index_of.get((term.start, term.end))
        shorts = {p.short.text for p in pairs if p.long.start == term.start}
        if term_i is not None:
            for i, m in enumerate(mentions):
                if m.text in shorts:
                    groups.union(term_i, i)
    mentions = [_at_cut_off(m) for m in _settle_entries(mentions, paired, text, catalogue)]
    by_key: dict[str, int] = {}
    key_entry: dict[str, str | None] = {}  # the entry of the mention that first took each key
    for i, m in enumerate(mentions):
        entry_id = m.entries[0].id if len(m.entries) == 1 else None
        keys = [f"entry:{entry_id}"] if entry_id else []
        keys.append(f"form:{normalize_form(m.text)}")
        for key in keys:
            if key in by_key:
                owner = key_entry[key]
                if owner and entry_id and owner != entry_id:
                    continue  # "Sapiens" (a model) and "SAPIEN" (a simulator): one form, two entries
                groups.union(by_key[key], i)
            else:
                by_key[key] = i
                key_entry[key] = entry_id
    for i, j in bare_acronyms_of_known_phrases(mentions, paired):
        groups.union(i, j)
    # the short form of a pair lends its group to later bare uses of the same form
    members: dict[int, list[int]] = {}
    for i in range(len(mentions)):
        members.setdefault(groups.find(i), []).append(i)
    sentences = sentence_bounds(text)
    title_end = text.find("\n\n") if "\n\n" in text else len(text)
    built = [
        _build_entity([mentions[i] for i in idx], text, sentences, title_end, catalogue)
        for idx in members.values()
    ]
    entities = [e for e in built if e is not None]
    entities = type_from_list_mates(text, entities)
    entities = evaluated_after_metrics(text, entities)
    entities = relation_from_list_mates(text, entities)
    entities = own_list_mates(text, entities)
    entities = type_from_kind_lists(text, entities)
    entities = evaluated_after_tasks(text, entities)
    entities = evaluated_on_as_data(entities, catalogue)
    entities = relations_fit_for_kind(text, entities)
    entities = title_tasks_worked_on(title_end, entities)
    entities = introduced_by_own(entities)
    entities = named_by_title(text[:title_end], entities, {p.short.text for p in pairs})
    entities = shared_task_system(text[:title_end], entities)
    entities = own_result_subject(text, title_end, entities)
    entities = trained_by_us(entities)
    entities = set_against_own(title_end, entities)
    entities = own_work_mentions(text, title_end, entities)
    entities = link_paper_variants(entities)
    entities = without_stray_modifiers(text, entities)
    entities = qualified_forms(text, entities)
    return [e for e in entities if e.confidence >= min_confidence]


def bare_acronyms_of_known_phrases(
    mentions: Sequence[_Mention], short_forms: Collection[int] = ()
) -> list[tuple[int, int]]:
    """Pairs of mention indices: a bare acronym no entry knows, and a known name the paper
    writes as that acronym and a head noun ("TD" and "TD learning", temporal difference
    learning); the acronym alone is too ambiguous for the catalogue, but not beside its name.

    >>> td = CatalogueEntry("Temporal Difference Learning", "Method", ("TD learning",))
    >>> ms = [_Mention(0, 2, "TD", frozenset({"shape"}), (), None),
    ...       _Mention(9, 20, "TD learning", frozenset({"catalogue"}), (td,), None)]
    >>> bare_acronyms_of_known_phrases(ms)
    [(0, 1)]

    The paper's own short form with a head noun (the mentions at ``short_forms``) names its
    acronym too: "BC" after "Between-Class learning (BC learning)".

    >>> ms = [_Mention(0, 11, "BC learning", frozenset({"abbreviation"}), (), None),
    ...       _Mention(20, 22, "BC", frozenset({"shape"}), (), None)]
    >>> bare_acronyms_of_known_phrases(ms, short_forms={0})
    [(1, 0)]
    """
    named: dict[str, int] = {}
    for j, m in enumerate(mentions):
        first, _, rest = m.text.partition(" ")
        known = len(m.entries) == 1 or j in short_forms
        if known and rest.lower() in _ACRONYM_HEADS and _SHORT_ACRONYM.fullmatch(first):
            named.setdefault(first, j)
    return [(i, named[m.text]) for i, m in enumerate(mentions) if not m.entries and m.text in named]


#: the head nouns a known name may add to its acronym: "TD learning", "MCTS algorithm"
_ACRONYM_HEADS = frozenset(
    {"learning", "method", "methods", "algorithm", "algorithms", "model", "models", "network", "networks"}
)


#: a sentence of the paper's own work: "we", "our", "us", its ablations, a result in numbers
_OWN_WORK = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Uu]s|[Aa]blations?)\b|\d(?:\.\d+)?\s*(?:%|points?\b|pp\b|×|x\b)")
#: a sentence whose subject is the paper's proposal by its kind: "The model couples ...", "First,
#: the method ..."
_OWN_KIND_OPENING = re.compile(
    r"\s*(?:(?:First|Second|Third|Finally|Then|Next|Moreover|Furthermore|In addition|Specifically),\s+)?"
    r"(?:The|This)\s+(?:proposed\s+|resulting\s+|final\s+|full\s+)?(?:method|model|approach|framework|system|"
    r"pipeline|detector|policy|agent|architecture|algorithm|recipe)\b"
)
#: a sentence whose subject is "it" doing something: "It transfers to ...", "Moreover, it scales to"
_IT_DOES = re.compile(
    r"\s*(?:(?:Moreover|Furthermore|Further|Finally|Additionally|In addition|Notably),\s+it|It)\s+"
    r"(?:also\s+|further\s+|consistently\s+|even\s+)?"
    r"(?!(?:is|was|has|does|remains|seems|appears|follows|means|turns|holds|becomes|requires|needs)\b)[a-z]{3,}s\b"
)
#: a sentence about others' work, a contrast or a denial
_NOT_OWN_WORK = re.compile(
    r"\b(?:[Uu]nlike|[Ii]n\s+contrast|[Ww]hereas|[Pp]rior|[Pp]revious(?:ly)?|[Ee]xisting|[Rr]ecent(?:ly)?|"
    r"[Tt]raditional(?:ly)?|[Cc]onventional(?:ly)?|[Pp]opular|[Ww]idely|et\s+al|have\s+been|has\s+been|"
    r"instead\s+of|rather\s+than|[Ww]ithout|[Dd]espite|[Aa]lthough|[Hh]owever|[Ss]tate-of-the-art|"
    # what inspired the paper, and who made something: "Inspired by X", "proposed by X (2016)"
    r"[Ii]nspired\s+by|in\s+the\s+spirit\s+of|(?:proposed|introduced|identified|developed)\s+by|"
    # a denial, and the subject of a report: "does not rely on X", "we report on X"
    r"not|never|no\s+longer|cannot|report(?:s|ed)?\s+on)\b"
    r"|\((?:[^()]*\s)?(?:19|20)\d\d[a-z]?\)"
)


#: a contrast clause after the paper's own result: "ZorbKV keeps 97%, whereas X and Y retain 84%"
_WHEREAS = re.compile(r",\s+(?:whereas|while)\s+")
#: a score given for a name and set against another: "rises from 54% for X to 81% for ours",
#: "drops by 0.8 points, versus 4.5 for X" (not "by 0.6% for X", a gain the method gives X)
_SCORE_FOR_BEFORE = re.compile(
    r"\b(?:from|versus|vs\.?|against|compared\s+(?:to|with))\s+\d[\d.,]*\s*(?:%|points?)?\s+for\s+(?:the\s+)?$"
)


def set_against_own(title_end: int, entities: list[ExtractedEntity]) -> list[ExtractedEntity]:
    """Mark compared with a method or model only mentioned where a sentence sets its result
    against the paper's own: in a "whereas"/"while" clause after the own name, or scored "for X"
    beside a score for the own name.

    >>> s = "ZorbKV keeps 97%, whereas SnapKV retains 84%."
    >>> own = ExtractedEntity("ZorbKV", "Method", ["ZorbKV"], [], proposed=True, relation="proposes")
    >>> ev = Evidence("SnapKV", 31, 37, s, 5, "mentions")
    >>> snap = ExtractedEntity("SnapKV", "Method", ["SnapKV"], [ev], relation="mentions")
    >>> [e.relation for e in set_against_own(3, [own, snap])]
    ['proposes', 'compares_with']
    """
    own_names = [m for e in entities if e.proposed for m in e.mentions]
    if not own_names:
        return entities
    out = []
    for entity in entities:
        mentioned = entity.relation == Relation.MENTIONS.value
        if entity.proposed or entity.type not in ("Method", "Model") or not mentioned:
            out.append(entity)
            continue
        evidence = [
            ev._replace(relation=Relation.COMPARES_WITH.value)
            if ev.start > title_end
            and ev.relation == Relation.MENTIONS.value
            and _set_against_own(ev, own_names)
            else ev
            for ev in entity.evidence
        ]
        out.append(_with_evidence(entity, evidence))
    return out


def _set_against_own(ev: Evidence, own_names: list[str]) -> bool:
    at = ev.start - ev.sentence_start
    before, after = ev.sentence[:at], ev.sentence[at + len(ev.text) :]
    if _SCORE_FOR_BEFORE.search(before):
        return any(name in before or name in after for name in own_names)
    contrast = _WHEREAS.search(before)
    return (
        contrast is not None
        and any(name in before[: contrast.start()] for name in own_names)
        and re.search(r"\d", after) is not None
    )


#: words of others' work that the paper itself evaluates: "We evaluate existing strategies, namely X"
_OTHERS_WORK_WORDS = frozenset(
    [
        "existing",
        "prior",
        "previous",
        "previously",
        "recent",
        "recently",
        "popular",
        "widely",
        "state-of-the-art",
    ]
)
#: the paper studying something as its object
_WE_STUDY = re.compile(
    r"\b[Ww]e\s+(?:also\s+|further\s+|then\s+|first\s+)?(?:evaluate|benchmark|study|analy[sz]e|test|examine|"
    r"investigate|assess|probe|audit|revisit|re-evaluate|reproduce)\b"
)


#: a sentence the paper opens on itself: "We ...", "Our ..."
_WE_OPENING = re.compile(r"\s*(?:[A-Z][a-z]+(?:\s+[a-z]+)?,\s+)?(?:We|Our)\b")
#: a proposal's verb, after which a cited name is someone else's thing presented ("We present
#: a grammar (Smith and Eisner, 2006)")
_PRESENTS = re.compile(r"\b(?:present|introduce|propose)s?\b")
#: what marks a citation among the words of others' work
_CITATION_WORD = re.compile(r"et\s+al|\((?:[^()]*\s)?(?:19|20)\d\d[a-z]?\)")


def _not_own_work(sentence: str) -> bool:
    """Whether ``sentence`` speaks of others' work, a contrast or a denial, and not of the paper
    evaluating others' work as its object.

    >>> _not_own_work("Existing strategies, namely X and Y, fail.")
    True
    >>> _not_own_work("We also evaluate existing strategies, namely X and Y.")
    False
    >>> _not_own_work("We evaluate X, which does not scale.")
    True
    >>> _not_own_work("We train A with GRPO (Shao et al., 2024).")
    False
    >>> _not_own_work("GRPO (Shao et al., 2024) is fast.")
    True
    """
    found = [m.group(0).lower() for m in _NOT_OWN_WORK.finditer(sentence)]
    if found and _WE_OPENING.match(sentence) and not _PRESENTS.search(sentence):
        # "We conduct a study across A and B, training each with GRPO (Shao et al., 2024)": a
        # citation in the paper's own sentence only credits what it follows
        found = [word for word in found if not _CITATION_WORD.search(word)]
    if not found:
        return False
    return not (all(word in _OTHERS_WORK_WORDS for word in found) and _WE_STUDY.search(sentence))


def own_work_mentions(text: str, title_end: int, entities: list[ExtractedEntity]) -> list[ExtractedEntity]:
    r"""Give a name only mentioned, in an abstract sentence about the paper's own work ("we",
    "our", ablations, a result in numbers, or the paper's own name) with no word of
    others' work or contrast, the relation the
    paper's own work has with its kind: a method, model, metric or data set is used, a benchmark
    or task is evaluated on.

    >>> ev = Evidence("Zorb-7B", 22, 29, "We then ask Zorb-7B to grade it.", 10, "mentions")
    >>> x = ExtractedEntity("Zorb-7B", "Model", ["Zorb-7B"], [ev], relation="mentions")
    >>> [e.relation for e in own_work_mentions("Title\n\nWe then ask Zorb-7B to grade it.", 5, [x])]
    ['uses']

    A sentence of the paper's proposal as "it", doing something, is its own work too:

    >>> [bool(_IT_DOES.match(s)) for s in ("It transfers to X.", "Moreover, it scales to Y.", "It is known.")]
    [True, True, False]
    """
    own_names = [m for e in entities if e.proposed for m in e.mentions]
    out = []
    for entity in entities:
        if entity.relation != Relation.MENTIONS.value or entity.proposed:
            out.append(entity)
            continue
        kind = Relation.EVALUATES_ON.value if entity.type in ("Benchmark", "Task") else Relation.USES.value
        evidence = [
            ev._replace(relation=kind)
            if ev.start > title_end
            and ev.relation == Relation.MENTIONS.value
            and (
                _OWN_WORK.search(ev.sentence)
                or any(name in ev.sentence for name in own_names)
                # "It transfers to X on Y": the paper's own proposal doing something (not "It is
                # well known that ..."), or named by its kind: "The model couples a X encoder"
                or (own_names and _IT_DOES.match(ev.sentence) is not None)
                or (own_names and _OWN_KIND_OPENING.match(ev.sentence) is not None)
            )
            and not _not_own_work(ev.sentence)
            # a task that qualifies a method or data noun: "a dependency parsing model"
            and not (entity.type == "Task" and _METHOD_NOUN_AFTER.match(text, ev.end))
            else ev
            for ev in entity.evidence
        ]
        out.append(_with_evidence(entity, evidence))
    return out


def title_tasks_worked_on(title_end: int, entities: list[ExtractedEntity]) -> list[ExtractedEntity]:
    """Give a task the title names, and nothing else relates the paper to, the relation
    ``evaluates_on``: the paper works on it ("Length Generalization of Transformers", "Zero-shot
    Video Generation with ...").

    >>> ev = Evidence("video generation", 0, 16, "video generation with X", 0, "mentions")
    >>> task = ExtractedEntity("video generation", "Task", ["video generation"], [ev])
    >>> [x.relation for x in title_tasks_worked_on(24, [task])]
    ['evaluates_on']
    """
    out = []
    for entity in entities:
        if entity.type == "Task" and entity.relation == Relation.MENTIONS.value:
            evidence = [
                ev._replace(relation=Relation.EVALUATES_ON.value) if ev.start < title_end else ev
                for ev in entity.evidence
            ]
            if evidence != entity.evidence:
                entity = replace(entity, evidence=evidence, relation=Relation.EVALUATES_ON.value)
        out.append(entity)
    return out


def named_by_title(
    title: str, entities: list[ExtractedEntity], short_forms: set[str]
) -> list[ExtractedEntity]:
    """Mark proposed the unknown term a paper's title names when the abstract gives it a short
    form: "Polar Transformer Networks" with "the Polar Transformer Network (PTN)", "Soft Value
    Iteration Networks for Planetary Rover Path Planning" with "soft value iteration network
    (SVIN)". A catalogue entry is left as it is (a paper titled with a known term studies it),
    unless the title is the name and nothing else ("Deep Sets", "Attentive Neural Processes").

    >>> e = lambda name, *forms: ExtractedEntity(name, "Method", [name, *forms], [])
    >>> out = named_by_title("Polar Transformer Networks", [e("Polar Transformer Network", "PTN")], {"PTN"})
    >>> [(x.name, x.proposed, x.relation) for x in out]
    [('Polar Transformer Network', True, 'proposes')]
    >>> ptn = e("Polar Transformer Network")
    >>> named_by_title("Polar Transformer Networks: Rotation", [ptn], set())[0].proposed
    False
    >>> named_by_title("Polar Transformer Networks", [e("Polar Transformer Network")], set())[0].proposed
    True
    """
    whole = _term_key(title.strip().rstrip("."))
    if not short_forms and " " not in whole:
        return entities
    heads = {_term_key(head) for head in _title_heads(title)}
    out = []
    for entity in entities:
        forms = (entity.name, *entity.mentions)
        if not entity.proposed and (
            (
                entity.catalogue_id is None
                and any(form in short_forms for form in forms)
                and any(_term_key(form) in heads for form in forms)
            )
            # a title that is the name and nothing else: the paper that made it ("Deep Sets",
            # "Attentive Neural Processes"), known or not
            or (
                " " in whole
                and whole.split(" ", 1)[0] not in _STUDY_OPENERS
                and entity.type not in ("Task", "Metric")
                and any(_term_key(form) == whole for form in forms)
            )
        ):
            entity = replace(entity, proposed=True, relation="proposes")
        out.append(entity)
    return out


#: "CUFE at SemEval-2016 Task 4: ...": a team's system described at a shared task
_AT_SHARED_TASK = re.compile(
    r"([^\s:][^:]{0,40}?)\s+at\s+(?:the\s+)?(?:SemEval|WMT|CoNLL|BioNLP|TREC|CLEF|CheckThat|FEVER|MEDIQA|"
    r"NTCIR|IWSLT|TAC|BEA|WASSA|WNUT|SMM4H|GermEval|EvalITA|IberLEF|FinCausal|DSTC)\b"
)


def shared_task_system(title: str, entities: list[ExtractedEntity]) -> list[ExtractedEntity]:
    """Mark proposed the system a shared-task paper's title opens on: "CUFE at SemEval-2016
    Task 4: A Gated Recurrent Model ..." describes the team's own CUFE.

    The shared task the title names is what the system was evaluated on.

    >>> e = ExtractedEntity("CUFE", "Method", ["CUFE"], [])
    >>> ev = Evidence("SemEval-2016 Task 4", 8, 27, "", 0)
    >>> t = ExtractedEntity("SemEval-2016 Task 4", "Benchmark", [ev.text], [ev])
    >>> out = shared_task_system("CUFE at SemEval-2016 Task 4: GRUs", [e, t])
    >>> [(x.name, x.proposed, x.relation) for x in out]
    [('CUFE', True, 'proposes'), ('SemEval-2016 Task 4', False, 'evaluates_on')]
    """
    match = _AT_SHARED_TASK.match(title.strip())
    if match is None:
        return entities
    system = match.group(1)
    # the shared task the title names is what the system was evaluated on
    task_at = title.find(" at ", match.start(1) + len(system)) + 4
    task_end = title.find(":", task_at)
    out = []
    for entity in entities:
        if not entity.proposed and entity.catalogue_id is None and system in (entity.name, *entity.mentions):
            entity = replace(entity, proposed=True, relation=Relation.PROPOSES.value)
        elif entity.relation != Relation.PROPOSES.value and any(
            task_at <= ev.start and (task_end < 0 or ev.end <= task_end) for ev in entity.evidence
        ):
            entity = replace(entity, relation=Relation.EVALUATES_ON.value)
        out.append(entity)
    return out


#: the paper's own training right before a name: "We then train X", "we fine-tune X"
_WE_TRAIN_BEFORE = re.compile(
    r"\b[Ww]e\s+(?:then\s+|also\s+|further\s+|finally\s+|next\s+)?"
    r"(?:train|fine-?tune|finetune|pre-?train|continually\s+pre-?train|distill?)\s+$"
)


def trained_by_us(entities: list[ExtractedEntity]) -> list[ExtractedEntity]:
    """Mark proposed an unknown model whose name gives its size and that the paper says it
    trains ("We then train ForgeProver-7B on it, starting from DeepSeek-Prover-V1.5"): a
    model no catalogue knows, named with its size, is the checkpoint the paper makes, whatever
    else it proposes (a known one it trains is only used: "we fine-tune Qwen2.5-7B").

    >>> ev = Evidence("Zorb-7B", 14, 21, "We then train Zorb-7B on it.", 0, "uses")
    >>> x = ExtractedEntity("Zorb-7B", "Model", ["Zorb-7B"], [ev], relation="uses", typed_by="size")
    >>> [(e.name, e.proposed) for e in trained_by_us([x])]
    [('Zorb-7B', True)]
    """
    out = []
    for entity in entities:
        if (
            not entity.proposed
            and entity.catalogue_id is None
            and entity.typed_by == "size"
            and any(
                _WE_TRAIN_BEFORE.search(e.sentence, 0, e.start - e.sentence_start) for e in entity.evidence
            )
        ):
            entity = replace(entity, proposed=True, relation=Relation.PROPOSES.value)
        out.append(entity)
    return out


def own_result_subject(text: str, title_end: int, entities: list[ExtractedEntity]) -> list[ExtractedEntity]:
    """In a paper that proposes no other method or model (a new benchmark may stand beside it),
    mark proposed an unknown name that opens a sentence (or a clause) with a result ("KeyIn
    outperforms ...", "..., CAB achieves ...", "..., our FlowPolicy achieves ...") and that the
    paper never sets its results against: the paper's own, named without a verb of proposal
    ("KeyIn discovers keyframes ... KeyIn outperforms ..."), or that opens the clause after
    "Unlike A, ..." ("Unlike H2O, SnapEvict is query-aware"). A name the paper says it uses
    ("We use the EK-FAC approximation ... EK-FAC achieves") is not its own.

    >>> ev = lambda t: Evidence(t, 0, len(t), "", 0, "mentions")
    >>> e = lambda name: ExtractedEntity(name, "Method", [name], [ev(name)])
    >>> text = "We study grasping. Zorbgrasp outperforms UniDexGrasp."
    >>> [(x.name, x.proposed) for x in own_result_subject(text, 0, [e("Zorbgrasp"), e("UniDexGrasp")])]
    [('Zorbgrasp', True), ('UniDexGrasp', False)]
    """
    # the paper may make a benchmark and a method: only another proposed method or model says
    # the method is named elsewhere
    if any(entity.proposed and entity.type in ("Method", "Model") for entity in entities):
        return entities
    out = []
    for entity in entities:
        if (
            entity.catalogue_id is None
            and not entity.proposed
            and entity.relation != "compares_with"
            and not any(_used_by_us(ev) for ev in entity.evidence)
            and any(_opens_a_result(text, form, title_end) for form in set(entity.mentions))
        ):
            entity = replace(entity, proposed=True, relation="proposes")
            if entity.typed_by == "name" and entity.type in ("Benchmark", "Dataset"):
                # what reaches a score is a system, whatever its "-QA" says: "MemVQA reaches 62 %"
                entity = replace(entity, type="Method", typed_by="context")
        out.append(entity)
    return out


#: the paper saying it uses a name: "We use the Eigenvalue-corrected ... (EK-FAC) approximation"
_USED_BY_US = re.compile(r"\b[Ww]e\s+(?:use|adopt|employ|leverage|apply|build\s+on)\s+(?:the\s+|an?\s+)?$")


def _used_by_us(evidence: Evidence) -> bool:
    """Whether the sentence of ``evidence`` says "we use" (adopt, employ...) right before it."""
    return _USED_BY_US.search(evidence.sentence[: evidence.start - evidence.sentence_start]) is not None


#: a verb of a result right after a clause's subject: "X (also) outperforms", "X achieves"
_RESULT_VERB_AFTER = re.compile(
    r"\s+(?:also\s+|further\s+|consistently\s+|significantly\s+)?(?:outperforms|achieves|reaches|"
    r"improves|matches|beats|surpasses|obtains|attains|yields|delivers|exceeds|retains|preserves|"
    # ... or what the paper's own data set holds: "CoralSeg comprises 14,600 images"
    r"comprises|contains|consists\s+of)\b"
)
#: words of the clause before a subject that make it others' work: "Among the recently proposed
#: methods, X achieves", "Of existing approaches, X reaches" (within its sentence)
_PRIOR_WORK_BEFORE = re.compile(
    r"\b(?:recent(?:ly)?\s+proposed|existing|previous(?:ly)?|prior|popular|well-known|widely\s+used)\b"
    r"[^.!?]*,\s+(?:our\s+)?$",
    re.I,
)
#: a clause that sets what follows against named work: "Unlike H2O and StreamingLLM, X is ..."
_CONTRAST_BEFORE = re.compile(r"(?:^|[.!?]\s+)(?:Unlike|In\s+contrast\s+to)\s[^.!?;]*,\s$")


def _opens_a_result(text: str, form: str, start: int) -> bool:
    """Whether ``form`` stands in ``text`` (from ``start``) at a sentence's or clause's start
    before a verb of a result, or opens the clause after "Unlike A, " (what is set against A)."""
    at = text.find(form, start)
    while at != -1:
        opens = (
            at == 0
            or text[at - 2 : at] in (". ", "! ", "? ", ", ")
            or text[at - 1] == "\n"
            # "..., our FlowPolicy achieves": the paper's own subject (not "four")
            or (text[at - 4 : at] in ("our ", "Our ") and not text[at - 5 : at - 4].isalpha())
        )
        if (
            opens
            and (
                _RESULT_VERB_AFTER.match(text, at + len(form))
                or _CONTRAST_BEFORE.search(text, max(0, at - 300), at) is not None
            )
            # "Among several recently proposed algorithms, RGC achieves ...": one of others' work
            and _PRIOR_WORK_BEFORE.search(text, max(0, at - 150), at) is None
        ):
            return True
        at = text.find(form, at + 1)
    return False


#: where a title's head ends: "Soft Value Iteration Networks for Planetary Rover Path Planning"
#: (not at "with" or "in": "Equilibrium Propagation with Continual Weight Updates" studies a
#: known method, and the paper's new thing is what the title adds)
_TITLE_HEAD_END = re.compile(r":|\s+for\s")
#: first words of a title that opens like a sentence or names a study, not a thing
_STUDY_OPENERS = words_of(
    "learning towards toward on understanding rethinking revisiting improving exploring"
)


def _title_heads(title: str) -> list[str]:
    """The whole ``title`` and its part before a colon or "for", unless it opens like a study
    ("Learning Computational Grammars", "Towards ...")."""
    title = " ".join(title.split())
    if title.split(" ", 1)[0].lower() in _STUDY_OPENERS:
        return []
    heads = [title]
    end = _TITLE_HEAD_END.search(title)
    if end is not None and end.start() > 0:
        heads.append(title[: end.start()])
    return heads


def _term_key(form: str) -> str:
    """``form`` lower-cased, hyphens as spaces and a plural's last "s" dropped: the title's
    "Polar Transformer Networks" meets the abstract's "Polar Transformer Network"."""
    key = " ".join(form.lower().replace("-", " ").split())
    return key[:-1] if key.endswith("s") and not key.endswith("ss") else key


def introduced_by_own(entities: list[ExtractedEntity]) -> list[ExtractedEntity]:
    """Mark proposed the names a sentence says the paper's own proposal brings: in "We present
    Orca. Orca introduces OrcaBench, a suite of tasks." OrcaBench is new too. A known name so
    introduced is left as it is.

    >>> ev = lambda t, s, rel: Evidence(t, s.index(t), s.index(t) + len(t), s, 0, rel)
    >>> s = "Orca introduces OrcaBench."
    >>> orca = ExtractedEntity("Orca", "Model", ["Orca"], [], proposed=True, relation="proposes")
    >>> bench = ExtractedEntity("OrcaBench", "Benchmark", ["OrcaBench"], [ev("OrcaBench", s, "mentions")])
    >>> [(e.name, e.proposed, e.relation) for e in introduced_by_own([orca, bench])][1]
    ('OrcaBench', True, 'proposes')
    """
    own = {form for e in entities if e.proposed for form in (e.name, *e.mentions)}
    if not own:
        return entities
    out = []
    for entity in entities:
        if not entity.proposed and entity.catalogue_id is None:
            evidence = [
                ev._replace(relation=Relation.PROPOSES.value)
                if ev.relation in _WEAK_RELATIONS and _own_subject(ev, own)
                else ev
                for ev in entity.evidence
            ]
            if evidence != entity.evidence:
                entity = replace(entity, evidence=evidence, relation=Relation.PROPOSES.value, proposed=True)
        out.append(entity)
    return out


_WEAK_RELATIONS = frozenset({Relation.MENTIONS.value, Relation.USES.value})
#: the subject and a verb of bringing something new, right before a name
_OWN_SUBJECT_BEFORE = re.compile(
    r"(?:^|[.;]\s+)\s*([A-Z][\w\-.+]*(?:\s[A-Z0-9][\w\-.+]*)?)\s+(?:also\s+|further\s+)?"
    r"(?:introduces|presents|proposes|releases|contributes)\s+(?:the\s+|an?\s+)?(?:new\s+|novel\s+)?$"
)


def _own_subject(evidence: Evidence, own: set[str]) -> bool:
    """Whether the sentence of ``evidence`` opens on a form of the paper's own proposal whose
    verb of bringing something new takes the name."""
    before = evidence.sentence[: evidence.start - evidence.sentence_start]
    if not before.endswith(" "):
        return False
    match = _OWN_SUBJECT_BEFORE.search(before)
    return match is not None and match.group(1) in own


def _inside_hyphenated(candidate: Candidate, text: str) -> bool:
    """Whether ``candidate`` is a catalogue form of several words that starts inside a
    hyphenated word: in "the mini-ImageNet dataset" the name is mini-ImageNet, which the
    longer "ImageNet dataset" must not swallow, and "cross-attention mechanisms" hold no
    "attention mechanisms" (a one-word form may: "mini-ImageNet" is still found).

    >>> text = "the mini-ImageNet dataset with cross-attention mechanisms"
    >>> _inside_hyphenated(Candidate(9, 25, "ImageNet dataset", "catalogue"), text)
    True
    >>> _inside_hyphenated(Candidate(37, 57, "attention mechanisms", "catalogue"), text)
    True
    """
    start = candidate.start
    return (
        candidate.rule == "catalogue"
        and start >= 2
        and text[start - 1] == "-"
        and text[start - 2].isalpha()
        and " " in candidate.text
    )


def _joined_known_names(candidate: Candidate, catalogue: Catalogue) -> bool:
    """Whether ``candidate`` joins two known names of one kind into a direction, written as one
    word or a title's head ("GTA5-to-Cityscapes", "SYNTHIA→Cityscapes", "Transformer to CNN:
    ..."): it names the two, which are found on their own, not a third.

    >>> cat = Catalogue.from_entries(
    ...     [CatalogueEntry(n, "Dataset") for n in ("GTA5", "Cityscapes")]
    ...     + [CatalogueEntry(n, "Method") for n in ("Transformer", "CNN")]
    ... )
    >>> written = ("GTA5-to-Cityscapes", "Transformer to CNN", "Text-to-SQL", "GTA5 to CNN")
    >>> [_joined_known_names(Candidate(0, len(t), t, "shape"), cat) for t in written]
    [True, True, False, False]

    A range of one series names its two ends too:

    >>> cat = Catalogue.from_entries([CatalogueEntry(n, "Benchmark") for n in ("WMT20", "WMT22")])
    >>> _joined_known_names(Candidate(0, 11, "WMT20-WMT22", "shape"), cat)
    True
    """
    if candidate.entries:
        return False
    parts = _DIRECTION.split(candidate.text)
    if len(parts) != 2:
        parts = _RANGE.split(candidate.text)  # a range of one series: "WMT20-WMT22"
        if len(parts) != 2 or parts[0][:3] != parts[1][:3]:
            return _known_names_side_by_side(candidate.text, catalogue)
    kinds = [{_KIND_GROUPS[e.type] for e in _lookup(part, catalogue)} for part in parts]
    return bool(kinds[0] & kinds[1])


def _known_names_side_by_side(text: str, catalogue: Catalogue) -> bool:
    """Whether ``text`` is two known names of different kinds with a space between them, the
    second measuring or annotating the first ("WMT24 MQM", "SQuAD F1"): two names, not one.

    >>> cat = Catalogue.from_entries([CatalogueEntry("WMT24", "Benchmark"), CatalogueEntry("MQM", "Metric")])
    >>> _known_names_side_by_side("WMT24 MQM", cat), _known_names_side_by_side("WMT24 Plus", cat)
    (True, False)
    """
    parts = text.split(" ")
    if len(parts) != 2:
        return False
    kinds = [{_KIND_GROUPS[e.type] for e in _lookup(part, catalogue)} for part in parts]
    return bool(kinds[0]) and bool(kinds[1]) and not kinds[0] & kinds[1]


#: the hyphen between two names of one series: "WMT20-WMT22"
_RANGE = re.compile(r"-(?=[A-Z])")
#: the joint of a direction: "-to-", " to ", an arrow
_DIRECTION = re.compile(r"-to-| to |\s?[→⇒]\s?")
#: the kinds whose names a direction joins: data to data, method or model to method or model
_KIND_GROUPS = {
    "Dataset": "data",
    "Benchmark": "data",
    "Method": "method",
    "Model": "method",
    "Task": "task",
    "Metric": "metric",
}
#: a kind of learning named before "learning": "supervised learning", "meta learning"
_PARADIGM_BEFORE = re.compile(
    r"\b(?:(?:un|semi-|self-|weakly[- ])?supervised|reinforcement|imitation|meta|transfer|multi-?task|active|"
    r"online|offline|federated|continual|curriculum|contrastive|representation|deep|machine|adversarial|"
    r"few-shot|zero-shot)[\s-]$",
    re.I,
)


def _learning_for_a_purpose(candidate: Candidate, text: str) -> bool:
    """Whether a catalogue "learning to ..." is the tail of a kind of learning and the verb of
    its purpose: "we employ supervised learning to learn the transitions" uses supervised
    learning, not learning to learn; "or learning to learn few-shot classifiers" is meta-learning.

    >>> text = "using inverse reinforcement learning to learn rewards, or learning to learn"
    >>> found = [Candidate(s, s + 17, "learning to learn", "catalogue") for s in (28, 58)]
    >>> [_learning_for_a_purpose(c, text) for c in found]
    [True, False]

    An object right after it makes it a verb too: "Learning to Rank Learning Curves", "learning to
    learn the prior" (not "learning to rank (LTR)", "Learning to Learn with Feedback"):

    >>> text = "Learning to Rank Learning Curves"
    >>> _learning_for_a_purpose(Candidate(0, 16, "Learning to Rank", "catalogue"), text)
    True
    """
    if candidate.rule != "catalogue" or not candidate.text.lower().startswith("learning to "):
        return False
    return (
        _PARADIGM_BEFORE.search(text, max(0, candidate.start - 30), candidate.start) is not None
        or _OBJECT_AFTER_VERB.match(text, candidate.end) is not None
    )


#: the object of a verb: an article, or a capitalised word (in a title: "... to Rank Learning Curves")
_OBJECT_AFTER_VERB = re.compile(r" (?:the|a|an|[A-Z][a-z]+)\b(?! [A-Z]{2,}\b)")


def _without_split_words(candidates: list[Candidate]) -> list[Candidate]:
    """Leave out a found name that is a catalogued data set and the split it is scored on:
    "87.3% on Spider test" reports on Spider, which is no "Spider test" of its own (as a
    "Friedman test" is).

    >>> from kg.nlp.catalogue import CatalogueEntry
    >>> spider = Candidate(11, 17, "Spider", "catalogue", (CatalogueEntry("Spider", "Benchmark"),))
    >>> found = [spider, Candidate(11, 22, "Spider test", "cue")]
    >>> [c.text for c in _without_split_words(found)]
    ['Spider']
    """
    data = {
        (c.start, c.text)
        for c in candidates
        if c.entries and all(e.type in {"Dataset", "Benchmark"} for e in c.entries)
    }
    if not data:
        return candidates
    return [
        c
        for c in candidates
        if c.entries
        or not (split := _SPLIT_WORD_END.search(c.text))
        or (c.start, c.text[: split.start()]) not in data
    ]


def _with_glued_splits(candidates: list[Candidate], text: str) -> list[Candidate]:
    """Take a split joined to a catalogued data set's name into its mention: "miniF2F-test" is
    written as one word and is a form of miniF2F (a split after a space is left out:
    "87.3% on Spider test" mentions Spider).

    >>> from kg.nlp.catalogue import CatalogueEntry
    >>> text = "On miniF2F-test and Spider test."
    >>> found = [Candidate(3, 10, "miniF2F", "catalogue", (CatalogueEntry("miniF2F", "Benchmark"),))]
    >>> found += [Candidate(20, 26, "Spider", "catalogue", (CatalogueEntry("Spider", "Benchmark"),))]
    >>> [c.text for c in _with_glued_splits(found, text)]
    ['miniF2F-test', 'Spider']
    """
    if "-" not in text:
        return candidates
    out = []
    for c in candidates:
        split = _GLUED_SPLIT.match(text, c.end) if c.entries and text.startswith("-", c.end) else None
        if split and all(e.type in _DATA_TYPES for e in c.entries):
            c = c._replace(end=split.end(), text=text[c.start : split.end()])
        out.append(c)
    return out


#: a split joined to a data set's name by a hyphen: "-test", "-val", "-dev"
_GLUED_SPLIT = re.compile(r"-(?:test|val|dev|validation|testmini)(?![\w\-])")
#: a split a result is reported on, after a data set's name: " test", " val", "-dev"
_SPLIT_WORD_END = re.compile(r"[ \-](?:test|val|dev|validation|testmini|test-dev|test-std)$")


def _title_pair_names_another(pair: AbbreviationPair, text: str, catalogue: Catalogue) -> bool:
    """Whether ``pair`` is a title's "NAME: Long Form" whose long form is a known entity that
    the name is not a form of ("LAMOL: LAnguage MOdeling for ...": a method, not the task).

    >>> from kg.nlp.abbreviations import find_abbreviations
    >>> from kg.nlp.catalogue import load_catalogue
    >>> text = "LAMOL: LAnguage MOdeling for Lifelong Learning\\n\\nWe learn."
    >>> [_title_pair_names_another(p, text, load_catalogue()) for p in find_abbreviations(text)]
    [True]
    """
    if not (pair.short.end < pair.long.start and text[pair.short.end : pair.short.end + 1] == ":"):
        return False
    entries = _lookup(pair.long.text, catalogue)
    short = pair.short.text.casefold()
    return bool(entries) and not any(short == f.casefold() for e in entries for f in e.forms)


def _without_other_classes(
    pairs: Sequence[AbbreviationPair], candidates: Sequence[Candidate], text: str, catalogue: Catalogue
) -> list[Candidate]:
    """Drop the mentions of a plural short form that the paper spells out as a class of
    things the catalogue's entries of that form are not: "Protein language models (PLMs)" are no
    Permutation Language Modeling, while "convolutional networks (CNNs)" are the catalogue's CNN.

    >>> from kg.nlp.abbreviations import find_abbreviations
    >>> plm = CatalogueEntry("Permutation Language Modeling", "Method", aliases=("PLM",))
    >>> text = "Protein language models (PLMs) are big. PLMs help."
    >>> found = [Candidate(25, 29, "PLMs", "catalogue", (plm,)), Candidate(40, 44, "PLMs", "shape")]
    >>> _without_other_classes(find_abbreviations(text), found, text, Catalogue.from_entries([plm]))
    []
    """
    classes = {
        pair.short.text: pair.long.text
        for pair in pairs
        if _plural_acronym(pair.short.text, qualified=True)
        and not _proposed_pair(pair, text)
        and not _title_cased_family(pair, catalogue)
    }
    if not classes:
        return list(candidates)
    out = []
    for c in candidates:
        entries = (c.entries or _lookup(c.text, catalogue)) if c.text in classes else ()
        if not entries or any(_long_form_close(e, classes[c.text], c.text) for e in entries):
            out.append(c)
    return out


def _long_form_close(entry: CatalogueEntry, long_text: str, short: str) -> bool:
    """Whether ``long_text`` (the paper's long form of ``short``) spells ``entry``, or its word
    where ``short`` starts begins like the first word of one of the entry's long forms
    ("Deep Convolution Neural Networks (CNNs)" and "Convolutional Neural Network").

    >>> cnn = CatalogueEntry("Convolutional Neural Network", "Method", aliases=("CNN",))
    >>> _long_form_close(cnn, "Deep Convolution Neural Networks", "CNNs")
    True
    >>> _long_form_close(cnn, "capsule networks", "CNs")
    False
    """
    if _long_form_fits(entry, long_text):
        return True
    initial = short[:1].casefold()
    words = long_text.split()
    while len(words) > 1 and words[0][:1].casefold() != initial:
        words = words[1:]  # "Deep" in "Deep Convolution Neural Networks (CNNs)"
    first = normalize_form(words[0])[:5] if words else ""
    return bool(first) and any(
        " " in form and normalize_form(form.split()[0])[:5] == first for form in entry.forms
    )


def _second_word_differs(known: list[str], written: list[str]) -> bool:
    """Whether two long forms that open alike go on with words of the same initial but another
    stem: "Fully Convolutional Network" and "fully connected neural networks" (not "Deep
    Convolution" and "Deep Convolutional"); see :func:`_spelled_otherwise`.

    >>> _second_word_differs(["Fully", "Convolutional", "Network"], ["fully", "connected", "networks"])
    True
    >>> _second_word_differs(["Deep", "Convolutional"], ["Deep", "Convolution", "Nets"])
    False
    """
    if len(known) < 2 or len(written) < 2:
        return False
    a, b = known[1].casefold(), written[1].casefold()
    return min(len(a), len(b)) >= 4 and a[:1] == b[:1] and a[:4] != b[:4]


#: words that make a long form an organisation's name when its short form is one
_OFFICE_WORDS = frozenset(
    {"Centre", "Center", "Organization", "Organisation", "Administration", "Office", "Agency"}
)


#: a plain capitalised word ("Adams"), what an author's name looks like
_SURNAME = re.compile(r"[A-Z][a-z]+")
#: what follows an author's name inside a citation: the next author, "et al." or the year
_AFTER_AUTHOR = re.compile(r",|\s+(?:and|&|et\s+al)\b|\s+\(")


def _without_cited_authors(candidates: Sequence[Candidate], text: str) -> list[Candidate]:
    """Drop the candidates that are an author's name in a citation: "Adams" in "Lovell, Adams,
    and Mansingka (2012)" or "(Adams, 2020)" is a person, not the Adam optimiser. A name listed
    before its citation ("SCAN (Lake and Baroni, 2018)", "(BERT; Devlin et al., 2019)") stays.

    >>> text = "as Lovell, Adams, and Mansingka (2012) show, Adam is fast."
    >>> found = [Candidate(12, 17, "Adams", "catalogue"), Candidate(45, 49, "Adam", "catalogue")]
    >>> [c.text for c in _without_cited_authors(found, text)]
    ['Adam']
    """
    cited = citation_spans(text)
    if not cited:
        return list(candidates)
    return [
        c
        for c in candidates
        if outside_spans(cited, c.start)
        or not _SURNAME.fullmatch(c.text)
        or not _AFTER_AUTHOR.match(text, c.end)
    ]


def _without_quoted_sentences(candidates: Sequence[Candidate], text: str) -> list[Candidate]:
    """Drop the candidates inside a quoted sentence, an example a paper reads or a question it
    asks: "Florence" in "asks \u201cDo you know that Florence is packed with visitors?\u201d" is
    the city, not the vision model, and so is a plain capitalised word of the example wherever
    the paper repeats it.

    >>> text = 'Mary asks "Do you know that Florence is packed?" as Florence is, with Florence-2.'
    >>> found = [Candidate(28, 36, "Florence", "catalogue"), Candidate(51, 59, "Florence", "catalogue"),
    ...          Candidate(71, 81, "Florence-2", "catalogue")]
    >>> [c.text for c in _without_quoted_sentences(found, text)]
    ['Florence-2']
    """
    if '"' not in text and "\u201c" not in text:
        return list(candidates)
    quoted = [m.span(1) for m in _QUOTED_SENTENCE.finditer(text)]
    if not quoted:
        return list(candidates)
    example_words = {
        c.text for c in candidates if not outside_spans(quoted, c.start) and _PLAIN_WORD.fullmatch(c.text)
    }
    return [c for c in candidates if outside_spans(quoted, c.start) and c.text not in example_words]


#: a quoted sentence of four words or more, ending on its own stop: "\u201cDo you know ...?\u201d"
_QUOTED_SENTENCE = re.compile(
    r"[\"\u201c]((?:[^\"\u201c\u201d\s]+\s+){3,40}[^\"\u201c\u201d\s]*[.?!])[\"\u201d]"
)


def _without_organisations(
    pairs: Sequence[AbbreviationPair], candidates: Sequence[Candidate]
) -> tuple[list[AbbreviationPair], list[Candidate]]:
    """Drop each pair that names an organisation or a meeting ("International Conference on
    Image Processing (ICIP)", "Computer Vision and Pattern Recognition (CVPR)": by the words
    of its long form or a known short form), what lies inside its long form, and the mentions
    of its short form that no catalogue knows (a catalogue's WMT or TREC, benchmarks named
    after their meetings, stay).

    >>> from kg.nlp.abbreviations import find_abbreviations
    >>> text = "Shown at the International Conference on Image Processing (ICIP). ICIP is big."
    >>> pairs = find_abbreviations(text)
    >>> kept, left = _without_organisations(pairs, [Candidate(66, 70, "ICIP", "shape")])
    >>> kept, left
    ([], [])
    """
    venues = [
        p
        for p in pairs
        if is_organisation_name(p.long.text)
        or p.short.text in VENUES
        # "European Centre for Medium-Range Weather Forecasts (ECMWF)" (not a paper's own long
        # form for a short form some cloud also has: "goal-conditioned predictors (GCP)")
        or (p.short.text in ORGANISATIONS and not _OFFICE_WORDS.isdisjoint(p.long.text.split()))
    ]
    if not venues:
        return list(pairs), list(candidates)
    shorts = {p.short.text for p in venues}
    spans = [(p.long.start, p.long.end) for p in venues]
    kept = [
        c
        for c in candidates
        if (c.text not in shorts or c.rule == "catalogue")
        and not any(start <= c.start and c.end <= end for start, end in spans)
    ]
    return [p for p in pairs if p not in venues], kept


#: a last item of the paper's own, named with its kind: "ERQA, RoboSpatial and our new suite X"
_OWN_LAST_ITEM = r"(?:our\s+(?:new\s+|own\s+|proposed\s+)?(?:benchmark|suite|dataset|corpus)\s+)"
_LIST_GAP = re.compile(
    rf"\s*(?:,\s*(?:(?:and|or)\s+(?:the\s+|{_OWN_LAST_ITEM})?)?|\s+(?:and|or)\s+(?:the\s+|{_OWN_LAST_ITEM})?"
    r"|\s*/\s*|\s*;\s*"
    # "on AIME 2024 and 2025, as well as MATH-500"
    r"|,?\s+as\s+well\s+as\s+(?:on\s+)?(?:the\s+)?)"
    # a score before each item: "58.3% of SWE-bench Verified and 41.0% of SWE-bench Multilingual",
    # "68.4% of miniF2F and 22 problems of PutnamBench"
    r"(?:\d+(?:\.\d+)?\s*(?:%|problems|questions|tasks|issues)\s+(?:of|on)\s+(?:the\s+)?)?"
)


def type_from_list_mates(text: str, entities: list[ExtractedEntity]) -> list[ExtractedEntity]:
    """Give an entity typed by nothing but the default the type of the names listed with it.

    In "AlpacaEval 2.0, FLASK, Koala and MT-Bench" a known benchmark lends its type to the
    unknown names of the whole list. The listed names vote by how they were typed: a catalogue
    entry counts most, then the words around a name, then its shape.

    >>> e = lambda name, type_, at, typed_by, entry=None: ExtractedEntity(
    ...     name, type_, [name], [Evidence(name, at, at + len(name), "", 0, "mentions")],
    ...     typed_by=typed_by, catalogue_id=entry)
    >>> text = "on MT-Bench, Koala, Vicuna and FooNet"
    >>> out = type_from_list_mates(text, [e("MT-Bench", "Benchmark", 3, "catalogue", "mt-bench"),
    ...     e("Koala", "Method", 13, None), e("Vicuna", "Method", 20, None),
    ...     e("FooNet", "Method", 31, "name")])
    >>> [(x.name, x.type) for x in out]
    [('MT-Bench', 'Benchmark'), ('Koala', 'Benchmark'), ('Vicuna', 'Benchmark'), ('FooNet', 'Benchmark')]

    An acronym the catalogue knows under several entries, which the paper does not settle, votes
    for nothing ("such as MPLP, MSD, TRW-S": MSD is no data set there).

    >>> text = "such as MPLP, MSD, TRW-S"
    >>> out = type_from_list_mates(text, [e("MPLP", "Method", 8, None), e("MSD", "Dataset", 14, "catalogue"),
    ...     e("TRW-S", "Method", 19, None)])
    >>> [(x.name, x.type) for x in out]
    [('MPLP', 'Method'), ('MSD', 'Dataset'), ('TRW-S', 'Method')]
    """
    spans = _evidence_spans(entities)
    votes: dict[int, Counter[str]] = {}
    for run in _list_runs(text, spans):
        members = list(dict.fromkeys(i for _, _, i, _ in run))
        typed: Counter[str] = Counter()
        known: Counter[str] = Counter()  # the catalogue's types alone
        for i in members:
            if entities[i].typed_by == "catalogue" and entities[i].catalogue_id is None:
                continue  # an acronym several entries share, which the paper leaves unsettled ("MSD")
            if not _typed_by_default(entities[i]):
                typed[entities[i].type] += _MATE_WEIGHT.get(entities[i].typed_by, 1)
            if entities[i].typed_by == "catalogue":
                known[entities[i].type] += 1
        for i in members:
            if typed and _typed_by_default(entities[i]):
                votes.setdefault(i, Counter()).update(typed)
            elif entities[i].typed_by == "name":  # its shape gives way to what its mates say
                others = typed.copy()
                others[entities[i].type] -= 1
                strong = others.most_common(1)[0] if others else None
                if strong and strong[1] >= 2 and strong[0] != entities[i].type:
                    votes.setdefault(i, Counter())[strong[0]] += 1
            elif (
                entities[i].typed_by == "context"
                and entities[i].type == "Model"
                and known["Method"] >= 2
                and not known["Model"]
            ):
                # "outperforms ZorbPO, GRPO and DAPO": a baseline listed with known methods is one
                votes.setdefault(i, Counter())["Method"] += 1
    out = list(entities)
    for i, counter in votes.items():
        out[i] = replace(out[i], type=counter.most_common(1)[0][0], typed_by="list")
    return out


_CONJUNCTION = re.compile(r"\band\b|\bor\b|/|\bas well as\b")


#: a mention in a list: where it starts and ends, its entity's index and its evidence's index
_Span = tuple[int, int, int, int]


def _evidence_spans(entities: list[ExtractedEntity]) -> list[_Span]:
    """Every mention of ``entities`` as a :data:`_Span`, in text order."""
    return sorted(
        (ev.start, ev.end, i, j) for i, entity in enumerate(entities) for j, ev in enumerate(entity.evidence)
    )


def _list_runs(text: str, spans: list[_Span]) -> list[list[_Span]]:
    """The lists that ``spans`` (sorted mentions) form in ``text``: runs of mentions of two
    or more entities apart by a comma, "and", "or", a slash or a semicolon.

    Two mentions and a comma are no list ("on OlympiadBench, VeriThinker-7B reduces")
    unless a bracket holds just them ("assistants (ChatGPT, Coze)"), and "and"/"or" comes
    before a list's last item ("On A and B, C improves" ends at B).

    >>> text = "On A and B, C improves over D, E and F."
    >>> spans = [(3, 4, 0, 0), (9, 10, 1, 0), (12, 13, 2, 0), (28, 29, 3, 0), (31, 32, 4, 0), (37, 38, 5, 0)]
    >>> [[text[start:end] for start, end, _, _ in run] for run in _list_runs(text, spans)]
    [['A', 'B'], ['D', 'E', 'F']]
    """
    # each list: its items, and whether an "and"/"or" joined it
    runs: list[tuple[list[_Span], list[bool]]] = []
    last_start = last_end = None
    for span in spans:
        start, end, _, _ = span
        if (
            last_end is not None
            and _LIST_GAP.fullmatch(text, last_end, start)
            # "by 7.6 mAP and X by 17.1 mIoU": a score's unit and what follows are no list
            and not (_scored(text, last_start) and not _scored(text, start))
        ):
            joined = _CONJUNCTION.search(text, last_end, start) is not None
            if joined or not runs[-1][1][0]:
                runs[-1][0].append(span)
                runs[-1][1][0] = runs[-1][1][0] or joined
                last_start, last_end = start, end
                continue
        runs.append(([span], [False]))
        last_start, last_end = start, end
    lists = []
    for items, (joined,) in runs:
        if _opening_then_subjects(text, items):
            items = items[1:]  # "On ImageNet, FooNet and BarNet reach 80%": the subjects
        first, last = items[0][0], items[-1][1]
        members = len({i for _, _, i, _ in items})
        bracketed = text[first - 1 : first] == "(" and text[last : last + 1] == ")"
        if members > 2 or (members == 2 and (bracketed or joined)):
            lists.append(items)
    return lists


def _scored(text: str, start: int) -> bool:
    """Whether a number stands right before ``start``: the mention there is the unit of a
    score ("7.6 mAP", "12% WER")."""
    begin = max(0, start - 12)
    last = text[begin:start].rstrip()[-1:]
    return (last.isdigit() or last == "%") and _SCORE_BEFORE.search(text, begin, start) is not None


#: a number (and maybe "%") right before a mention: "7.6 mAP", "12% WER"
_SCORE_BEFORE = re.compile(r"(?<![\w\-.])\d+(?:[.,]\d+)*\s*%?\s+$")
#: a sentence's opening on what it measures: "On ", "Across the "
_OPENING_ON_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n)(?:On|Across)\s+(?:the\s+)?$")


def _opening_then_subjects(text: str, items: list[_Span]) -> bool:
    """Whether a list's first item is what a sentence opens on and the rest, with no comma
    after them, are the subject: "On ImageNet, FooNet and BarNet reach 80%" (but "On A, B and
    C, we ..." is one list).

    >>> text = "On ImageNet, FooNet and BarNet reach 80%. On A, B and C, we win."
    >>> _opening_then_subjects(text, [(3, 11, 0, 0), (13, 19, 1, 0), (24, 30, 2, 0)])
    True
    >>> _opening_then_subjects(text, [(45, 46, 0, 0), (48, 49, 1, 0), (54, 55, 2, 0)])
    False
    """
    first_start, first_end = items[0][0], items[0][1]
    if len(items) < 3 or not text.startswith(", ", first_end):
        return False
    if not _OPENING_ON_BEFORE.search(text, max(0, first_start - 20), first_start):
        return False
    return not text[items[-1][1] :].lstrip().startswith(",")


def _strongest(evidence: list[Evidence]) -> Relation:
    """The strongest relation among ``evidence``: an entity's relation to its paper."""
    return max((Relation(ev.relation) for ev in evidence), key=lambda r: r.strength)


def _with_evidence(entity: ExtractedEntity, evidence: list[Evidence]) -> ExtractedEntity:
    """``entity`` with ``evidence`` instead of its own (when it differs) and the relation the
    strongest of it gives."""
    if evidence == entity.evidence:
        return entity
    return replace(entity, evidence=evidence, relation=_strongest(evidence).value)


_ON_BEFORE = re.compile(r"\s+(?:on|across)\s+(?:the\s+)?$")
_DATA_TYPES = frozenset({"Dataset", "Benchmark"})


def evaluated_after_metrics(text: str, entities: list[ExtractedEntity]) -> list[ExtractedEntity]:
    """Give data named right after a metric and "on" the relation ``evaluates_on``: "lowers
    AbsRel on KITTI", "a WER of 3.1 on LibriSpeech" (the metric is any the paper names); and
    data named right before a metric or a result: "the OSWorld success rate", "its HumanEval
    pass@1", "a 1% drop in VBench score".

    >>> e = lambda name, type_, at: ExtractedEntity(
    ...     name, type_, [name], [Evidence(name, at, at + len(name), "", 0, "mentions")], relation="mentions")
    >>> found = [e("AbsRel", "Metric", 10), e("KITTI", "Dataset", 20)]
    >>> [x.relation for x in evaluated_after_metrics("It lowers AbsRel on KITTI.", found)]
    ['mentions', 'evaluates_on']
    >>> found = [e("OSWorld", "Benchmark", 9), e("success rate", "Metric", 17)]
    >>> [x.relation for x in evaluated_after_metrics("It lifts OSWorld success rate.", found)]
    ['evaluates_on', 'mentions']
    >>> found = [e("ClinVox", "Method", 13), e("AUROC", "Metric", 29)]
    >>> text = "It scores on ClinVox with an AUROC of 0.9."
    >>> [(x.type, x.relation) for x in evaluated_after_metrics(text, found)]
    [('Dataset', 'evaluates_on'), ('Metric', 'mentions')]
    """
    metric_evidence = [ev for entity in entities if entity.type == "Metric" for ev in entity.evidence]
    metric_ends = {ev.end for ev in metric_evidence}
    metric_starts = {ev.start for ev in metric_evidence}
    out = list(entities)
    for i, entity in enumerate(entities):
        untyped = entity.type not in _DATA_TYPES and _typed_by_default(entity)
        if not untyped and entity.type not in _DATA_TYPES:
            continue
        evidence = []
        for ev in entity.evidence:
            on = _ON_BEFORE.search(text, max(0, ev.start - 16), ev.start)
            after = _METRIC_GAP.match(text, ev.end)
            gap = _WITH_METRIC_GAP.match(text, ev.end) if on else None
            with_metric = gap is not None and gap.end() in metric_starts
            measured = (
                with_metric
                if untyped  # only "on X with an AUROC of 0.91" says what an untyped name is
                else (on and on.start() in metric_ends)
                or (after and after.end() in metric_starts)
                or with_metric
                or _RESULT_AFTER.match(text, ev.end)
                or (on and _FROM_TO_AFTER.match(text, ev.end))
                or _VALUE_BRACKET_AFTER.match(text, ev.end)
            )
            if measured and ev.relation in (Relation.MENTIONS.value, Relation.USES.value):
                ev = ev._replace(relation=Relation.EVALUATES_ON.value)
            evidence.append(ev)
        if evidence != entity.evidence:
            relation = _strongest(evidence)
            out[i] = replace(entity, evidence=evidence, relation=relation.value)
            if untyped:
                out[i] = replace(out[i], type="Dataset", typed_by="context")
    return out


def evaluated_after_tasks(text: str, entities: list[ExtractedEntity]) -> list[ExtractedEntity]:
    """Give data named right after a task and "on" the relation ``evaluates_on``: "semantic
    segmentation on ADE20K", "long-document retrieval on LongEmbed"; a name no rule typed but by
    default or by its list (where the task may be its list mate: "deraining on Rain100L and
    dehazing on SOTS") is a benchmark there.

    >>> e = lambda name, type_, at, by: ExtractedEntity(name, type_, [name],
    ...     [Evidence(name, at, at + len(name), "", 0, "mentions")], relation="mentions", typed_by=by)
    >>> text = "For retrieval on LongEmbed, it wins."
    >>> found = [e("retrieval", "Task", 4, "catalogue"), e("LongEmbed", "Method", 17, None)]
    >>> [(x.type, x.relation) for x in evaluated_after_tasks(text, found)]
    [('Task', 'mentions'), ('Benchmark', 'evaluates_on')]

    Data in a bracket right after a task the paper is evaluated on are that task's test sets:
    "results on relation classification (FewRel and TACRED), and semantic role labeling
    (CoNLL-2005 and CoNLL-2012)".

    >>> text = "Gains on parsing (ZorbBank and ZorbTB)."
    >>> found = [e("parsing", "Task", 9, "catalogue"), e("ZorbBank", "Dataset", 18, "catalogue"),
    ...          e("ZorbTB", "Dataset", 31, "catalogue")]
    >>> found[0] = replace(found[0], relation="evaluates_on")
    >>> [x.relation for x in evaluated_after_tasks(text, found)]
    ['evaluates_on', 'evaluates_on', 'evaluates_on']
    """
    task_ends = {ev.end for entity in entities if entity.type == "Task" for ev in entity.evidence}
    if not task_ends:
        return entities
    evaluated_task_ends = {
        ev.end
        for entity in entities
        if entity.type == "Task" and entity.relation == Relation.EVALUATES_ON.value
        for ev in entity.evidence
    }
    out = list(entities)
    for i, entity in enumerate(entities):
        untyped = entity.typed_by in (None, "list") and not entity.catalogue_id
        if (entity.type in ("Task", "Metric") and entity.typed_by != "list") or entity.proposed:
            continue
        if entity.type not in _DATA_TYPES and not untyped:
            continue
        evidence = []
        for ev in entity.evidence:
            on = _ON_BEFORE.search(text, max(0, ev.start - 12), ev.start)
            loose = ev.relation in (Relation.MENTIONS.value, Relation.USES.value)
            if loose and (
                (on and on.start() in task_ends)
                or (entity.type in _DATA_TYPES and _in_bracket_after(text, ev.start, evaluated_task_ends))
            ):
                ev = ev._replace(relation=Relation.EVALUATES_ON.value)
            evidence.append(ev)
        if evidence != entity.evidence:
            out[i] = replace(entity, evidence=evidence, relation=_strongest(evidence).value)
            if untyped and entity.type not in _DATA_TYPES:
                out[i] = replace(out[i], type="Benchmark", typed_by="context")
    return out


def _in_bracket_after(text: str, at: int, ends: set[int]) -> bool:
    """Whether ``at`` lies in a bracket, still open and opened at most 80 characters before,
    that follows one of ``ends`` ("parsing (ZorbBank and ZorbTB)").

    >>> text = "parsing (A, B and C)"
    >>> _in_bracket_after(text, text.index("C"), {7}), _in_bracket_after(text, text.index("C"), {3})
    (True, False)
    """
    if not ends:
        return False
    bracket = text.rfind("(", max(0, at - 80), at)
    if bracket < 0 or any(mark in text[bracket:at] for mark in (")", ";", ". ")):
        return False
    return len(text[:bracket].rstrip()) in ends


#: "hurts on NaturalQuestions (-2.1 EM)", "MMLU (72.1%)": a result in a bracket after the data
#: (a signed number, a share or a decimal; not a year: "ImageNet (2009)")
_VALUE_BRACKET_AFTER = re.compile(r" \((?:[-+−]\s?\d|\d+(?:\.\d+)?\s*%|\d+\.\d+)")
#: "raises the success rate on WebArena from 14.9% to 22.3%": a result moved on the data before it
_FROM_TO_AFTER = re.compile(r" from [-+]?\d[\d.,]*\s*%? to [-+]?\d")
#: "on ClinVar with an AUROC of 0.91": the data a result is measured on, then the metric
_WITH_METRIC_GAP = re.compile(r" with (?:an? |the |its )?")
#: what lies between data and the metric measured on it: "OSWorld success rate", "HLE's accuracy"
_METRIC_GAP = re.compile(r"(?:'s)? ")
#: a result named by the data it was measured on: "the VBench score", "MMLU accuracy"
_RESULT_AFTER = re.compile(
    # "the VBench score", "IFEval strict accuracy", "MMLU zero-shot accuracy", "MMLU and GPQA
    # performance" (the first of two names the result is given on)
    r"(?:\s+and\s+[A-Z][\w\-.]*)?"
    rf"(?:(?:'s)? (?:scores?(?!\s+(?:[-+\d]|(?:{SCORE_VERB_NEXT})\b))|(?:[a-z\-]+ )?accuracy|results?|"
    r"performance)\b"
    r"(?!\s+(?:of|on)\b)"
    # "with a VBench drop of only 0.3%", "a GenEval score of 0.78": a score, or a change in it,
    # given by a number
    r"|(?:'s)? (?:drop|gain|decrease|degradation|improvement|score|accuracy)s? of "
    r"(?:only |just |about |up to )?[-+]?\d)"
)


#: kinds of entity a paper evaluates with, never on (kg's ontology: it evaluates on data or a task)
_NOT_EVALUATED_ON = frozenset({"Method", "Model", "Metric"})


def relations_fit_for_kind(text: str, entities: list[ExtractedEntity]) -> list[ExtractedEntity]:
    """Make each entity's relations fit its kind, as kg's ontology has them.

    Give a method, model or metric that the words around it say the paper evaluates on
    the relation ``uses`` instead: "improvements on both accuracy and recall", "we evaluate
    on Llama-2-7B", "gains on VAE training". In kg's ontology a paper evaluates on a dataset,
    a benchmark or a task. A metric is never what a paper compares with: the words of
    comparison around it name the measure ("exceeds the accuracy of X", "beats X's F1 score"),
    so it is used; and a metric a result is given in is used rather than only mentioned:
    "by 1.5 points of BLEU", "a 9.5% increase in accuracy", "in terms of perplexity". Data
    or a task in a comparison is what it was measured on (see :func:`_data_in_comparison`).

    >>> found = [ExtractedEntity("Accuracy", "Metric", ["accuracy"],
    ...     [Evidence("accuracy", 15, 23, "", 0, "evaluates_on")], relation="evaluates_on")]
    >>> [(x.relation, x.evidence[0].relation) for x in relations_fit_for_kind("", found)]
    [('uses', 'uses')]
    >>> text = "It wins by 2 points of BLEU."
    >>> found = [ExtractedEntity("BLEU", "Metric", ["BLEU"],
    ...     [Evidence("BLEU", 23, 27, "", 0, "compares_with")], relation="compares_with")]
    >>> [x.relation for x in relations_fit_for_kind(text, found)]
    ['uses']
    """
    evaluates, uses = Relation.EVALUATES_ON.value, Relation.USES.value
    compares, mentions = Relation.COMPARES_WITH.value, Relation.MENTIONS.value
    out = []
    for entity in entities:
        if entity.type in _NOT_EVALUATED_ON:
            metric = entity.type == "Metric"
            evidence = [
                ev._replace(relation=uses)
                if ev.relation == evaluates
                or (metric and ev.relation == compares)
                or (
                    metric
                    and ev.relation == mentions
                    and (
                        _MEASURE_BEFORE.search(text, max(0, ev.start - 20), ev.start) is not None
                        or _measured(text, ev.start, _past_short_form(text, ev.end))
                        or _RESULT_IN_BEFORE.search(text, max(0, ev.start - 40), ev.start) is not None
                    )
                )
                else ev
                for ev in entity.evidence
            ]
            if evidence != entity.evidence or entity.relation == evaluates:
                relation = _strongest(evidence).value if evidence else uses
                entity = replace(entity, evidence=evidence, relation=relation)
        elif entity.type == "Task" and any(ev.relation == uses for ev in entity.evidence):
            evidence = [
                _task_used(ev, text)
                if ev.relation == uses
                else _data_in_comparison(ev, text)
                if ev.relation == compares
                else ev
                for ev in entity.evidence
            ]
            entity = replace(entity, evidence=evidence, relation=_strongest(evidence).value)
        elif any(ev.relation == compares for ev in entity.evidence):
            evidence = [
                _data_in_comparison(ev, text) if ev.relation == compares else ev for ev in entity.evidence
            ]
            entity = replace(entity, evidence=evidence, relation=_strongest(evidence).value)
        out.append(entity)
    return out


def _task_used(evidence: Evidence, text: str) -> Evidence:
    """A task the words of use put in place is not itself used: it qualifies the method named
    after it ("a hierarchical MT system", "statistical dependency parsing models"), so it is
    only mentioned; otherwise it is what the method is applied to ("can also be used for
    story generation", "we apply it to the problem of domain adaptation", "we use the example
    of machine translation"), which the paper evaluates on.

    >>> text = "We use an MT system for story generation."
    >>> [_task_used(Evidence(t, text.index(t), text.index(t) + len(t), text, 0, "uses"), text).relation
    ...  for t in ("MT", "story generation")]
    ['mentions', 'evaluates_on']
    """
    if _METHOD_NOUN_AFTER.match(text, evidence.end):
        return evidence._replace(relation=Relation.MENTIONS.value)
    return evidence._replace(relation=Relation.EVALUATES_ON.value)


#: the kind of method or data a task name qualifies: " system", " models", "-based framework",
#: " (MT) system", " representation method", " traces"
_METHOD_NOUN_AFTER = re.compile(
    r"(?:\s*\([^()]{1,12}\))?(?:-based)?(?:\s+[a-z][\w\-]*)?\s+(?:systems?|models?|frameworks?|methods?|approach(?:es)?|algorithms?|toolkits?|metrics?|"
    r"pipelines?|architectures?|networks?|modules?|techniques?|tools?|"
    # ... or data: "English math reasoning traces", "a tool use benchmark"
    r"traces|data|datasets?|corpus|corpora|examples|problems|benchmarks?|trajectories|demonstrations|prompts)\b",
    re.I,
)


def _data_in_comparison(evidence: Evidence, text: str) -> Evidence:
    """Data or a task in a comparison: what the compared things were measured on ("outperforms
    PPO in Atari video game tasks", "surpasses prior scores on DMLab-30"), unless it names the
    kind of the compared things ("outperforms unsupervised domain adaptation methods", "ImageNet
    pre-trained models"), which then it only qualifies or trained them, or the sentence opens by
    setting the paper's own against it ("Unlike MedQA, which tests recall, our benchmark ...") or
    names it among other data ("we compare against existing benchmarks X and Y"), which stays a
    comparison.

    >>> text = "It beats video prediction methods and wins on Atari."
    >>> [_data_in_comparison(Evidence(t, text.index(t), text.index(t) + len(t), text, 0, "compares_with"),
    ...     text).relation for t in ("video prediction", "Atari")]
    ['mentions', 'evaluates_on']
    """
    before = evidence.sentence[: evidence.start - evidence.sentence_start]
    if set_against(before) or _OTHER_DATA_BEFORE.search(before[-80:]):
        # "Unlike MedQA and X, which test recall, our benchmark ...", "compared with existing
        # resources such as X": other data the paper's own is set against, not measured on
        return evidence
    kind = _COMPARED_KIND_AFTER.match(text, evidence.end)
    if kind is None:
        return evidence._replace(relation=Relation.EVALUATES_ON.value)
    return evidence._replace(relation=Relation.USES.value if kind.group(1) else Relation.MENTIONS.value)


#: other data named as such right before a name: "existing benchmarks ", "prior datasets such as "
_OTHER_DATA_BEFORE = re.compile(
    r"\b(?:existing|prior|previous|other|related|earlier)\s+(?:[\w\-]+\s+)?(?:benchmarks?|datasets?|"
    r"corpora|suites?|resources?)\s*(?:,\s*)?(?:such\s+as\s+|like\s+|including\s+|\(\s*)?"
    # (and the items before a later one: "existing benchmarks A, B and ")
    r"(?:[^\s,;.()]+(?:\s+[^\s,;.()]+)?(?:,\s*(?:and\s+)?|\s+and\s+))*$",
    re.I,
)
#: the kind of thing compared, named right after data or a task: "X methods", "X pre-trained
#: models" (group 1: the data trained them, also "compared to ImageNet initialisation")
_COMPARED_KIND_AFTER = re.compile(
    r"[\s\-]+(?:(pre-?trained|trained|initiali[sz]ation|initiali[sz]ed|pre-?training|weights|features)\b|(?:[\w\-]+\s+)?(?:methods?|approach(?:es)?|baselines?|models?|"
    r"systems?|networks?|algorithms?|techniques?|frameworks?)\b)",
    re.I,
)


#: the measure a result is given in: "by 8-12 points of X", "a 9.5% increase in X", "in terms of X"
_MEASURE_BEFORE = re.compile(r"(?:\b(?:points?|pp)|%)\s+(?:of|in)\s+(?:the\s+)?$|\bin\s+terms\s+of\s+$", re.I)
#: a short form in brackets right after its long form: " (WER)"
_SHORT_FORM_BRACKET = re.compile(r"\s+\([A-Za-z@\-]{1,10}\)")


def _past_short_form(text: str, end: int) -> int:
    """Where a name's bracketed short form ends, if one follows it at ``end`` ("word error
    rate (WER) of 40.9%"), else ``end``."""
    bracket = _SHORT_FORM_BRACKET.match(text, end)
    return bracket.end() if bracket else end


#: the relations a list's later items take from an earlier one: "evaluated on A, B and C"
_LISTED_RELATIONS = frozenset(
    {Relation.EVALUATES_ON.value, Relation.COMPARES_WITH.value, Relation.USES.value}
)
#: kinds that lend "uses" to one another in a list: methods and models, data sets and benchmarks,
#: metrics (a task is seldom used: its "uses" is lent to nothing)
_USES_GROUP = {
    "Method": "Method",
    "Model": "Method",
    "Dataset": "Data",
    "Benchmark": "Data",
    "Metric": "Metric",
}


def relation_from_list_mates(text: str, entities: list[ExtractedEntity]) -> list[ExtractedEntity]:
    """Give a listed mention that the words around it leave at ``mentions`` the relation of
    an earlier item of its list, when that item is evaluated on or compared with: the
    sentence's cue words reach only so far ("on the bioinformatics datasets MUTAG, PROTEINS
    and NCI1"). An item that is used lends ``uses`` to the later items of its own kind only
    (methods and models, data, metrics; a task lends nothing): "trained with the A2C and PPO
    algorithms". A list split by a semicolon shares nothing.

    >>> e = lambda name, at, rel: ExtractedEntity(
    ...     name, "Dataset", [name], [Evidence(name, at, at + len(name), "", 0, rel)], relation=rel)
    >>> text = "We test on MUTAG, PROTEINS and NCI1."
    >>> out = relation_from_list_mates(text, [e("MUTAG", 11, "evaluates_on"),
    ...     e("PROTEINS", 18, "evaluates_on"), e("NCI1", 31, "mentions")])
    >>> [x.relation for x in out]
    ['evaluates_on', 'evaluates_on', 'evaluates_on']
    """
    changed: dict[int, dict[int, str]] = {}
    for run in _list_runs(text, _evidence_spans(entities)):
        if ";" in text[run[0][0] : run[-1][1]]:
            continue
        carried = carrier = None
        for _, _, i, j in run:
            relation = changed.get(i, {}).get(j, entities[i].evidence[j].relation)
            if relation in _LISTED_RELATIONS:
                carried, carrier = relation, _USES_GROUP.get(entities[i].type)
            elif (
                relation == Relation.MENTIONS.value
                and carried is not None
                # what is used lends itself only to its own kind: "ResNet-50 and SqueezeNet",
                # not the tasks listed after the methods
                and (
                    carried != Relation.USES.value
                    or (carrier is not None and _USES_GROUP.get(entities[i].type) == carrier)
                )
            ):
                changed.setdefault(i, {})[j] = carried
    out = list(entities)
    for i, relations in changed.items():
        evidence = [
            ev._replace(relation=relations.get(j, ev.relation)) for j, ev in enumerate(out[i].evidence)
        ]
        relation = _strongest(evidence)
        out[i] = replace(out[i], evidence=evidence, relation=relation.value)
    return out


def own_list_mates(text: str, entities: list[ExtractedEntity]) -> list[ExtractedEntity]:
    """Mark proposed every unknown item of a list that "our" opens on a proposed name: "Our
    CR-ResNet50 and CR-MobileNetV2 outperform ..." are both the paper's own.

    >>> e = lambda name, at, rel: ExtractedEntity(name, "Method", [name],
    ...     [Evidence(name, at, at + len(name), "", 0, rel)], relation=rel, proposed=rel == "proposes")
    >>> text = "Our ZorbA and ZorbB win."
    >>> [x.proposed for x in own_list_mates(text, [e("ZorbA", 4, "proposes"), e("ZorbB", 14, "mentions")])]
    [True, True]
    """
    out = list(entities)
    for run in _list_runs(text, _evidence_spans(entities)):
        start, _, first, _ = run[0]
        if not out[first].proposed or not _OUR_BEFORE.search(text, max(0, start - 6), start):
            continue
        for _, _, i, _ in run[1:]:
            if not out[i].proposed and out[i].catalogue_id is None:
                out[i] = replace(out[i], proposed=True, relation=Relation.PROPOSES.value)
    return out


#: How much a list mate's type counts, by what typed it
_MATE_WEIGHT = {"catalogue": 3, "context": 2, "parent": 2}


#: an optional bracket after a list item, such as its citation: "SCAN (Lake and Baroni, 2018)"
_ITEM_BRACKET = re.compile(r"(?:\s*\([^()]{0,80}\))?")
_LISTED_KINDS = frozenset({"Benchmark", "Dataset", "Task", "Metric"})


def type_from_kind_lists(text: str, entities: list[ExtractedEntity]) -> list[ExtractedEntity]:
    """Type every item of a list the text introduces by kind ("five benchmarks (A, B, C)",
    "datasets such as A and B", "the A, B and C datasets") as that kind, catalogue types
    included, except that a list of
    "methods" or "models" retypes only entities nothing else typed, a list of "tasks" leaves
    typed data sets alone, and a list of data sets leaves catalogue tasks alone.

    The items are the entities whose mentions follow one another from the list's start,
    separated by commas, "and", "or" or slashes (a bracket after an item, such as its
    citation, is passed over); the list ends at anything else.

    >>> e = lambda name, type_, at: ExtractedEntity(
    ...     name, type_, [name], [Evidence(name, at, at + len(name), "", 0, "mentions")],
    ...     typed_by="catalogue")
    >>> text = "on three benchmarks (MT-Bench, Koala and Vicuna) using Vicuna"
    >>> out = type_from_kind_lists(text, [e("MT-Bench", "Benchmark", 21), e("Koala", "Model", 31)])
    >>> [(x.name, x.type, x.typed_by) for x in out]
    [('MT-Bench', 'Benchmark', 'catalogue'), ('Koala', 'Benchmark', 'list')]
    """
    starts = kind_lists(text)
    trailing = [(m.start(), m.group(1)) for m in _DATA_NOUN_AFTER_LIST.finditer(text)]
    if not starts and not trailing:
        return entities
    at = {ev.start: (ev.end, i) for i, entity in enumerate(entities) for ev in entity.evidence}
    kinds: dict[int, str] = {}
    if trailing:
        _type_lists_before_nouns(text, entities, trailing, kinds)
    for position, kind in starts:
        while position in at:
            end, i = at[position]
            kinds.setdefault(i, kind)
            gap = _LIST_GAP.match(text, _ITEM_BRACKET.match(text, end).end())
            if gap is None or gap.end() == end:
                break
            position = gap.end()
            if _CONJUNCTION.search(gap.group(0)):
                # the item after "and" ends the list: in "such as A and B, FooNet wins" FooNet
                # is no item
                if position in at:
                    kinds.setdefault(at[position][1], kind)
                break
    out = list(entities)
    for i, kind in kinds.items():
        # papers call models "methods" loosely, so only the data, task and metric kinds win;
        # they call benchmarks "tasks" loosely too ("tasks including ImageNet and COCO"), so
        # a "tasks" list leaves a data set typed by anything but the default as it is
        loose = kind == "Task" and out[i].type in _DATA_KINDS and out[i].typed_by is not None
        # ... and name tasks among benchmarks ("10 benchmarks, including code generation")
        loose = loose or (kind in _DATA_KINDS and out[i].type == "Task" and out[i].typed_by == "catalogue")
        # ... and "settings such as Gaussian process (GP) classification" leaves a known method one
        known_method = out[i].type in ("Method", "Model") and out[i].typed_by == "catalogue"
        loose = loose or (kind == "Task" and known_method)
        # a list of "approaches" types as ways of doing things the unknown names a data set
        # listed with them typed data ("approaches, including GCond, SFGC, and GEOM")
        by_mates = out[i].typed_by == "list" and out[i].type in _DATA_KINDS and kind in ("Method", "Model")
        weak = out[i].typed_by is None or by_mates
        if out[i].type != kind and not loose and (kind in _LISTED_KINDS or weak):
            out[i] = replace(out[i], type=kind, typed_by="list")
    return out


_DATA_KINDS = frozenset({"Benchmark", "Dataset"})
#: a list's last item followed by a plural data noun: "the Instacart, Dunnhumby and TaFeng datasets",
#: "the ExpertQA and LFQA splits", "the MIMIC-IV-ECG and PhysioNet 2021 collections"
_DATA_NOUN_AFTER_LIST = re.compile(r"(?<=[\w)+]) (datasets|corpora|collections|benchmarks|splits|subsets)\b")
#: the plural nouns above that make their list benchmarks (the others make data sets)
_BENCHMARK_NOUNS = frozenset({"benchmarks", "splits", "subsets"})
_SEPARATOR_BEFORE = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)$")


def _type_lists_before_nouns(
    text: str, entities: list[ExtractedEntity], nouns: list[tuple[int, str]], kinds: dict[int, str]
) -> None:
    """Give ``kinds`` the kind of each list of two or more items that ends right before a plural
    data noun ("the A, B and C datasets"), walking back from the last item."""
    ending = {ev.end: (ev.start, i) for i, entity in enumerate(entities) for ev in entity.evidence}
    for position, noun in nouns:
        kind = "Benchmark" if noun in _BENCHMARK_NOUNS else "Dataset"
        items = []
        end = position
        while end in ending:
            start, i = ending[end]
            items.append(i)
            separator = _SEPARATOR_BEFORE.search(text, max(0, start - 8), start)
            if separator is None:
                break
            end = separator.start()
        if len(items) >= 2:
            for i in items:
                # papers call benchmarks data sets and back: a known data set keeps its kind
                if not (entities[i].type in _DATA_KINDS and entities[i].typed_by in ("catalogue", "parent")):
                    kinds.setdefault(i, kind)


#: a model's size in parameters at the end of its name: "-7B", " 1.5B", "-8x7B"
_PARAMETER_COUNT = re.compile(r"[-\s_](?:\d+x)?\d+(?:\.\d+)?B$")
#: a count of examples ending a name, "LLaVA-665K", "PRM800K", "Alpaca-52K" (a data set), and a
#: size in parameters anywhere in one ("Yi-34B-200K" is a model with a long context)
_EXAMPLE_COUNT = re.compile(r"(?:[-\s_]|(?<=[A-Za-z]))\d{2,}(?:\.\d+)?K$")
_SIZE_ANYWHERE = re.compile(r"\d(?:\.\d+)?B\b")


def without_stray_modifiers(text: str, entities: list[ExtractedEntity]) -> list[ExtractedEntity]:
    """Leave out a lone capitalised word that only a cue found, that opens a longer name of the
    paper and that modifies a plain noun wherever else it stands: the Neumann of "the Neumann
    network ... a truncated Neumann series expansion" is a surname, the network the name.

    >>> text = "We extend the Neumann network, inspired by a Neumann series expansion."
    >>> net = ExtractedEntity("Neumann network", "Method", ["Neumann network"], [], sources=["cue"])
    >>> ev = Evidence("Neumann", 45, 52, text, 0, "uses")
    >>> lone = ExtractedEntity("Neumann", "Method", ["Neumann"], [ev], sources=["cue"])
    >>> [e.name for e in without_stray_modifiers(text, [net, lone])]
    ['Neumann network']
    """
    names = [e.name for e in entities]
    return [
        entity
        for entity in entities
        if not (
            " " not in entity.name
            and not entity.catalogue_id
            and not entity.proposed
            and set(entity.sources) <= {"cue"}
            and any(other.startswith(entity.name + " ") for other in names)
            and all(_PLAIN_NOUN_AFTER.match(text, ev.end) for ev in entity.evidence)
        )
    ]


def qualified_forms(text: str, entities: list[ExtractedEntity]) -> list[ExtractedEntity]:
    """Add to each known metric's, method's and task's mentions the qualified forms the paper
    writes it in: what a measure is taken over or how it is averaged ("ligand RMSD", "force MAE",
    "macro AUROC", "citation F1"), what kind of a method it uses ("normalized SGD", "multiclass
    SVM", "deep autoencoder"), the domain or setting of a task ("biomedical relation
    extraction"), and the name with the kind noun written after it ("MinHash deduplication",
    "WENO schemes"). The entity stays the measure, method or task itself (and a qualified form
    is no alias of it in the graph, see :mod:`kg.resolve`); a word that only rates or compares
    ("higher accuracy", "a simple CRF"), a verb ("to maximise F1"), a word of another entity, or
    a qualified form the paper abbreviates as a name of its own ("simple recurrent neural
    networks (S-RNNs)") qualifies nothing.

    >>> text = "It lowers ligand RMSD to 1.2 and force MAE by 8%, with higher accuracy."
    >>> ev = lambda form: Evidence(form, text.index(form), text.index(form) + len(form), text, 0)
    >>> metrics = [ExtractedEntity(n, "Metric", [f], [ev(f)], catalogue_id=n.lower()) for n, f in
    ...            [("RMSD", "RMSD"), ("MAE", "MAE"), ("Accuracy", "accuracy")]]
    >>> [e.mentions for e in qualified_forms(text, metrics)]
    [['RMSD', 'ligand RMSD'], ['MAE', 'force MAE'], ['accuracy']]
    >>> text = "We remove near-duplicates by MinHash deduplication."
    >>> [e.mentions for e in qualified_forms(text, [ExtractedEntity("MinHash", "Method", ["MinHash"],
    ...     [ev("MinHash")], catalogue_id="minhash")])]
    [['MinHash', 'MinHash deduplication']]
    """
    taken = [(ev.start, ev.end) for entity in entities for ev in entity.evidence]
    out = []
    for entity in entities:
        if entity.type not in _NOT_QUALIFYING or entity.catalogue_id is None:  # (a new name is whole)
            out.append(entity)
            continue
        starts = [_qualifier_start(text, ev, entity.type, taken) for ev in entity.evidence]
        prefixed = [
            text[at : ev.end] for at, ev in zip(starts, entity.evidence, strict=True) if at is not None
        ]
        suffixed = [  # (a task's "model" is a model for it: "sentiment analysis model", "NMT models")
            text[ev.start : kind.end()]
            for ev in entity.evidence
            if entity.type != "Task" and (kind := _KIND_AFTER.match(text, ev.end))
        ]
        head = _name_head_after(text, entity)
        forms = list(dict.fromkeys([*entity.mentions, *prefixed, *suffixed, *head]))
        out.append(entity if len(forms) == len(entity.mentions) else replace(entity, mentions=forms))
    return out


def _name_head_after(text: str, entity: ExtractedEntity) -> list[str]:
    """The mentions of ``entity`` with the last word of its name written after them: a short
    form the paper follows with the head noun of the long one ("sim2real transfer" of
    "sim-to-real transfer", "CoT prompting" of "chain-of-thought prompting").

    >>> text = "Policies reach zero-shot sim2real transfer."
    >>> ev = Evidence("sim2real", 25, 33, text, 0)
    >>> _name_head_after(text, ExtractedEntity("sim-to-real transfer", "Task", ["sim2real"], [ev]))
    ['sim2real transfer']
    """
    words = entity.name.split()
    if len(words) < 2 or not words[-1].isalpha():
        return []
    head = words[-1].lower()
    out = []
    for ev in entity.evidence:
        if ev.text.lower().endswith((head, head + "s")) or text[ev.end : ev.end + 1] != " ":
            continue
        after = _NEXT_WORD.match(text, ev.end + 1)
        if after is not None and after.group().lower() in (head, head + "s"):
            out.append(text[ev.start : after.end()])
    return out


#: the word right after a position
_NEXT_WORD = re.compile(r"\w+")


def _qualifier_start(text: str, ev: Evidence, type_: str, taken: list[tuple[int, int]]) -> int | None:
    """Where the word that qualifies the mention ``ev`` of an entity of ``type_`` starts, if one
    stands right before it (see :func:`qualified_forms`); ``taken`` are the spans of every
    mention of the paper."""
    before = _WORD_BEFORE_MENTION.search(text, max(0, ev.start - 40), ev.start)
    if before is None or not _qualifier(before.group(1)) or before.group(1).lower() in _NOT_QUALIFYING[type_]:
        return None
    at = before.start(1)
    word = before.group(1).lower()
    if word in _COMPOUND_SECOND and _COMPOUND_FIRST_BEFORE.search(text, max(0, at - 12), at):
        return None  # the end of an open compound: "large scale text classification", "real world CQA"
    if _VERB_OPENER_BEFORE.search(text, max(0, at - 20), at):
        return None  # the word is a verb: "to maximise accuracy", "we incorporate FLOPs"
    if (
        "-" in word
        and (prior := _WORD_BEFORE_MENTION.search(text, max(0, at - 30), at)) is not None
        and f"{prior.group(1).lower()} {word.split('-')[0]}" in _OPEN_COMPOUND_NOUNS
    ):
        return None  # the end of a longer compound: "deep learning-based data imputation"
    if type_ == "Method" and _SUBJECT_BEFORE.search(text, max(0, at - 30), at):
        return None  # ... after a plural subject: "representations facilitate transfer learning"
    if type_ == "Method" and any(start <= at < end for start, end in taken):
        return None  # the word is part of another name
    if _SHORT_FORM_AFTER.match(text, ev.end):
        return None  # "simple recurrent neural networks (S-RNNs)": a name of its own
    return at


#: open compounds of two words whose second a hyphenated qualifier may start: "deep
#: learning-based", "neural network-based"
_OPEN_COMPOUND_NOUNS = frozenset(
    {
        "deep learning",
        "machine learning",
        "reinforcement learning",
        "neural network",
        "language model",
        "graph neural",
        "deep neural",
    }
)
#: the second words of open compounds that modify what follows them ("large scale", "real
#: world", "long term", "fine grained"), and the first words they take
_COMPOUND_SECOND = words_of(
    """scale world term range grained level resource quality time fidelity dimensional shot language
    horizon purpose context order code"""
)
_COMPOUND_FIRST_BEFORE = re.compile(
    r"(?<![\w\-])(?:large|small|real|long|short|fine|coarse|high|low|mid|wide|full|medium|few|zero|one|"
    r"natural|general|special|binary|source|higher|first|second)[ ]\Z",
    re.I,
)
#: a noun after an ambiguous acronym that only a method takes: "an EM procedure", "EM steps"
_PROCEDURE_AFTER = re.compile(r"[ \-](?:procedures?|algorithms?|steps?|iterations?|updates?|solvers?)\b")
#: a kind noun right after a mention, which a paper may write as part of the name
_KIND_AFTER = re.compile(
    r" (?:schemes?|models?|loss(?:es)?|estimators?|"
    r"architectures?|networks?|layers?|modules?|objectives?|solvers?|samplers?|deduplication|"
    r"filtering|regulari[sz]ation|training|decoding|sampling|search|estimation|scores?|tests?)\b"
)


#: a plural noun or a closing bracket right before a word, which is then likely a verb
_SUBJECT_BEFORE = re.compile(r"(?:[a-z]{2}[^\Wsui]s|\))[ ]\Z")
#: an abbreviation in brackets right after a form
_SHORT_FORM_AFTER = re.compile(r"\s*\([A-Z][\w\-]*\)")


def _qualifier(word: str) -> bool:
    """Whether a lower-case ``word`` before a measure, method or task may say which one it is
    ("ligand", "macro").

    >>> [_qualifier(w) for w in ("ligand", "macro", "normalized", "higher", "improves", "the", "strongly")]
    [True, True, True, False, False, False, False]
    >>> [_qualifier(w) for w in ("instruction-based", "length-controlled", "well-tuned")]
    [True, True, False]
    """
    lower = word.lower()
    if lower in _RATING_WORDS or lower in _QUALIFIER_STOPS:
        return False
    if lower in _AVERAGING_WORDS or _COMPOUND_QUALIFIER.fullmatch(lower):
        return True
    # adverbs, verbs ("improves", "boosting", "achieved") and comparatives are no qualifiers
    return not _NOT_QUALIFIER_ENDING.search(lower)


#: the lower-case word (maybe hyphenated) right before a mention, in the same sentence
_WORD_BEFORE_MENTION = re.compile(r"(?<![\w\-./])([a-z][a-z]+(?:-[a-z0-9]+)*)[ ]\Z")
_NOT_QUALIFIER_ENDING = re.compile(r"(?:ly|[^su]s|ed|ing|est|ier)$")
#: a word before which the next one is a verb: a subject, "to", a modal, an adverb in "-ly"
_VERB_OPENER_BEFORE = re.compile(
    r"(?<![\w\-])(?:[Ww]e|[Tt]hey|[Ii]t|to|can|could|may|might|will|would|should|must|cannot|also|which|that|"
    r"who|not|[a-z]+ly)[ ]\Z"
)
#: words that make no kind of a method or task: rating, generic, verbs, connectives
_GENERIC_QUALIFIERS = words_of(
    """
    simple vanilla plain basic classic classical conventional naive popular existing recent
    efficient powerful novel lightweight scalable modern typical common widely-used well-known
    weak own further internal despite through how why what plus above below because although
    though unless whereas frozen pretrained pre-trained fine-tuned open-weight open-source
    off-the-shelf general generic traditional practical complex minimal diverse
    multiple effective regular aggressive just case input shorter longer perform facilitate
    unify employ adopt apply leverage exploit combine extend generalize generalise replace
    current future independent canonical benefit implementation made valid right wrong difficult
    challenging real-world state-of-art important crucial representative particular intuitive
    performant downstream upstream large-scale small-scale high-quality low-quality student teacher
    backbone understand explore investigate examine analyze analyse improve enhance evaluate
    method methods algorithm algorithms approach approaches technique techniques framework
    strategy scheme known successful little subsequent separate usual relevant expensive first ordinary
    """
)
#: the types whose forms take a qualifier, and the words beyond :func:`_qualifier`'s that
#: qualify nothing before an entity of each
_NOT_QUALIFYING: dict[str, frozenset[str]] = {
    "Metric": _GENERIC_QUALIFIERS | words_of("intractable tractable"),
    "Method": _GENERIC_QUALIFIERS,
    "Task": _GENERIC_QUALIFIERS
    | words_of("suitable current particular first benchmark help understand box type vocabulary auto"),
}
#: a compound that says how a task is set or a measure is taken, though it ends like a
#: participle: "instruction-based image editing", "text-guided", "length-controlled win rate"
_COMPOUND_QUALIFIER = re.compile(
    r"[a-z0-9]+(?:-[a-z0-9]+)*-(?:based|guided|driven|conditioned|grounded|controlled|constrained|"
    r"augmented|aware|oriented|centric|specific)"
)
#: how a measure is averaged or made: qualifiers, though they end like participles
_AVERAGING_WORDS = words_of("normalized normalised weighted unweighted balanced averaged macro micro")
#: words that rate, compare or count a result, or say when it is taken, but name no measure
_RATING_WORDS = words_of(
    """
    higher lower better worse greater smaller larger bigger faster slower stronger weaker fewer more
    less good high low strong competitive comparable superior similar same overall average final
    new prior previous reported absolute relative top standard original considerable reasonable poor
    great perfect significant substantial state-of-the-art much mean total whole full maximum
    minimum max min maximal peak optimal near-perfect impressive remarkable notable modest slight marginal
    large small huge drastic dramatic excellent robust consistent stable promising decent
    sufficient acceptable negligible inferior equivalent given additional accurate approximate
    tighter looser wider narrower deeper cheaper individual various different neither either exact
    true art upper-bound high-dimensional human-level baseline reference desired target expected
    """
)
#: function words and the verbs and nouns that stand before a metric without naming it
_QUALIFIER_STOPS = words_of(
    """
    the a an of in on and or with by to for its their our this that these those at as from than
    while both each all any no not only also still even per is are was were be been has have had
    can could may might will would shall should does do did into over under across between within
    without via using where which who whose when then thus hence yet so but nor if whether about
    around up down out off onto upon toward towards among along against after before during since
    until such other another some many most several few one two three four five six seven eight
    nine ten test testing training validation dev evaluation zero-shot few-shot
    improve reduce increase boost raise lift achieve attain reach yield obtain maintain preserve
    match exceed outperform surpass report measure compute evaluate use optimize maximize minimize
    gain drop loss cost terms respect unlike model system percent level set sets extra specific
    random narrow non-trivial zero state-of-theart
    show offer maximise minimise propose include deliver plague require introduce
    retain incorporate present prefer provide give enable ensure guarantee sustain keep hold lose
    recover restore study analyze analyse consider examine investigate define derive learn train
    compare trade balance sacrifice harm hurt degrade affect influence track monitor assess quantify
    capture reflect demonstrate estimate predict like lost single versus vs including excluding besides
    except minus beyond inside outside make help allow let
    """
)


#: a plain lower-case noun right after a word, which the word then modifies
_PLAIN_NOUN_AFTER = re.compile(
    r" (?!(?:and|or|nor|of|to|in|on|at|by|for|with|from|as|is|are|was|were|be|has|have|that|which|the|an?)\b)"
    r"[a-z][a-z\-]+\b"
)


def link_paper_variants(entities: list[ExtractedEntity]) -> list[ExtractedEntity]:
    """Make a discovered name a variant of the paper's own name it extends ("VeriThinker-7B"
    of "VeriThinker"), when no catalogue entry gave it a parent.

    >>> e = lambda name, type_: ExtractedEntity(name, type_, [name], [])
    >>> out = link_paper_variants([e("VeriThinker", "Method"), e("VeriThinker-7B-Instruct", "Model")])
    >>> [(x.name, x.parent) for x in out]
    [('VeriThinker', None), ('VeriThinker-7B-Instruct', 'VeriThinker')]
    >>> corvid = replace(e("Corvid", "Model"), proposed=True)
    >>> out = link_paper_variants([corvid, e("Corvid-7B-Instruct", "Model"), e("Corvid-7B", "Model")])
    >>> [(x.name, x.proposed, x.parent) for x in out]
    [('Corvid', True, None), ('Corvid-7B-Instruct', True, 'Corvid-7B'), ('Corvid-7B', True, 'Corvid')]

    A size or variant of a name the paper proposes is the paper's own too.

    >>> own = replace(e("MemVid", "Model"), proposed=True, relation="proposes")
    >>> [(x.name, x.proposed) for x in link_paper_variants([own, e("MemVid-7B", "Model")])]
    [('MemVid', True), ('MemVid-7B', True)]
    >>> own = replace(own, name="Posterior Convergent NAS", mentions=["Posterior Convergent NAS", "PC-NAS"])
    >>> [(x.name, x.parent, x.proposed) for x in link_paper_variants([own, e("PC-NAS-L", "Method")])][1]
    ('PC-NAS-L', 'Posterior Convergent NAS', True)

    So is one whose family the catalogue knows (a known name the paper proposes), and one
    that the catalogue gave a family, when it extends the paper's own name (which extends the
    family: "Qwen3-Embedding-Lite-0.6B" of the paper's "Qwen3-Embedding-Lite").

    >>> sized = replace(e("ReTool-32B", "Method"), parent="ReTool")
    >>> [(x.name, x.proposed) for x in link_paper_variants([replace(own, name="ReTool"), sized])]
    [('ReTool', True), ('ReTool-32B', True)]

    A version glued to the name counts too ("LongRoPE2" of "LongRoPE"). A variant typed by its
    name's shape alone takes the kind its family's context gave: "Fennimore-Small" of the corpus
    "Fennimore" is a data set, not a model.

    >>> data = replace(e("Fennimore", "Dataset"), typed_by="context")
    >>> out = link_paper_variants([data, replace(e("Fennimore-Small", "Model"), typed_by="name")])
    >>> (out[1].parent, out[1].type)
    ('Fennimore', 'Dataset')

    The other way round, a family typed by nothing takes the kind the paper gave a version of it.

    >>> version = replace(e("RTLM v1.1", "Benchmark"), typed_by="list")
    >>> out = link_paper_variants([version, e("RTLM", "Method")])
    >>> (out[1].type, out[0].parent)
    ('Benchmark', 'RTLM')
    """
    by_form = {normalize_form(e.name): e for e in entities}
    # the paper's own family may go by its short form: "PC-NAS-L" of "Posterior Convergent NAS
    # (PC-NAS)" (not a task's: "DocRE-R1" is no kind of "document-level relation extraction (DocRE)")
    for e in entities:
        for form in e.mentions if e.proposed else ():
            by_form.setdefault(normalize_form(form), e)
    index = {id(e): i for i, e in enumerate(entities)}
    out = list(entities)
    family_kinds: dict[int, str] = {}
    # shorter names first, so that a size the loop makes the paper's own passes that on to its
    # variants ("Corvid" -> "Corvid-7B" -> "Corvid-7B-Instruct")
    for i in sorted(range(len(entities)), key=lambda k: len(entities[k].name)):
        entity = entities[i]
        if entity.catalogue_id:
            continue
        if entity.parent:
            # "We propose ReTool ... ReTool-32B achieves": a size of the paper's own known name
            family = by_form.get(normalize_form(entity.parent))
            if family is not None and family.proposed and not entity.proposed and _sized_from(entity, family):
                out[i] = replace(entity, proposed=True, relation=Relation.PROPOSES.value)
            elif not entity.proposed:
                # "Qwen3-Embedding-Lite: ... We train Qwen3-Embedding-Lite-0.6B": a size of the
                # paper's own name, which extends a known family, is the paper's, under its name
                stems = _stems(entity.name, variant_parts_only=True)
                own = [by_form.get(normalize_form(stem)) for stem in stems]
                family = next((f for f in own if f and f.proposed and f.name != entity.name), None)
                if family is not None:
                    proposes = Relation.PROPOSES.value
                    out[i] = replace(entity, parent=family.name, proposed=True, relation=proposes)
            continue
        glued = _GLUED_VERSION.fullmatch(entity.name)
        variant_stems = list(_stems(entity.name, variant_parts_only=True))
        for stem in [*variant_stems, *([glued.group(1)] if glued else [])]:
            family = by_form.get(normalize_form(stem))
            if family is not None:
                family = out[index[id(family)]]  # (as this loop left it)
            if family is not None and family.name != entity.name:
                if family.typed_by in _SURE_TYPINGS and _shape_typed_variant(entity, stem, family.type):
                    entity = replace(entity, type=family.type, typed_by="parent")
                if family.proposed and not entity.proposed and stem in variant_stems:
                    # "We present MemVid ... MemVid-7B outperforms X": a size of the paper's own
                    entity = replace(entity, proposed=True, relation=Relation.PROPOSES.value)
                if family.typed_by is None and entity.typed_by in _SURE_TYPINGS:
                    # "on VerilogEval v2 and RTLLM v1.1 ... on RTLLM": the family is of its version's kind
                    family_kinds.setdefault(index[id(family)], entity.type)
                out[i] = replace(entity, parent=family.name)
                break
    for i, kind in family_kinds.items():
        if out[i].typed_by is None:
            out[i] = replace(out[i], type=kind, typed_by="context")
    return out


#: "score" right after a name, then a plain word: with a plural name, the verb ("pLMs score
#: combinations of substitutions")
_PLURAL_SUBJECT_SCORES = re.compile(r" score (?!of\b|on\b|for\b|in\b|at\b|and\b|to\b|is\b|was\b)[a-z]")


def _plural_name(name: str) -> bool:
    """Whether ``name`` is a plural acronym ("pLMs", "LLMs"): "s" after an upper-case letter.

    >>> _plural_name("pLMs"), _plural_name("BLEU"), _plural_name("Codes")
    (True, False, False)
    """
    return len(name) > 2 and name.endswith("s") and name[-2].isupper()


def _sized_from(entity: ExtractedEntity, family: ExtractedEntity) -> bool:
    """Whether ``entity``'s name is one of ``family``'s forms with version, size or variant
    parts after it ("ReTool-32B" of "ReTool")."""
    forms = {normalize_form(form) for form in (family.name, *family.mentions)}
    return any(normalize_form(stem) in forms for stem in _stems(entity.name, variant_parts_only=True))


def _shape_typed_variant(entity: ExtractedEntity, stem: str, family_type: str = "") -> bool:
    """Whether only a default or a plain variant word typed ``entity`` ("Fennimore-Small"), not
    a telling part after its family's name ("SMYRF-BERT" is a BERT).

    After a model's name a size is a plain variant part ("Zorbdoc-500M" is a model, though the
    shape alone would make it data, as "LAION-400M" is); after a method's it may count what a
    pipeline made ("DocWeaver-9M" documents).

    >>> e = ExtractedEntity("SMYRF-BERT", "Model", [], [], typed_by="name")
    >>> _shape_typed_variant(e, "SMYRF"), _shape_typed_variant(replace(e, name="SMYRF-Small"), "SMYRF")
    (False, True)
    >>> sized = replace(e, name="SMYRF-500M")
    >>> _shape_typed_variant(sized, "SMYRF", "Model"), _shape_typed_variant(sized, "SMYRF", "Method")
    (True, False)
    """
    if entity.typed_by is None:
        return True
    rest = entity.name[len(stem) :]
    if family_type == "Model":
        rest = _SIZE_PART.sub("", rest)
    rest = rest.lstrip("- ")
    return entity.typed_by == "name" and not any(c.isupper() for c in rest[1:])


#: a size in parameters in a variant's name: "500M", "1.5B"
_SIZE_PART = re.compile(r"\d+(?:\.\d+)?[MBT]\b")  # (not "400K": a count of examples)


#: typings that come from what the paper says, not from a name's shape or a default
_SURE_TYPINGS = frozenset({"catalogue", "context", "list", "parent"})


#: a name with a version glued to its end: "LongRoPE2", "SmolVLM2" (the name keeps 4+ characters)
_GLUED_VERSION = re.compile(r"(.{3,}[A-Za-z])\d{1,3}(?:\.\d)?")


def _variant_part(word: str) -> bool:
    """Whether ``word`` can end a variant's name: a version or size ("7B", "2004"), a variant
    word ("Instruct", "base") or a short upper-case tag ("XL", "RKF"); not a plain word ("domain").

    >>> [_variant_part(w) for w in ("7B", "Instruct", "base", "RKF", "domain", "Critic")]
    [True, True, True, True, False, False]
    """
    return (
        any(c.isdigit() for c in word)
        or word in VARIANT_TITLE_WORDS
        or word in VARIANT_WORDS
        or (word.isupper() and len(word) <= 6)
    )


_BRACKET = re.compile(r"[()\[\]{}]")


def _balanced(text: str) -> bool:
    """Whether every bracket ``text`` opens it also closes: "GPT-4V(ision)" is a name, a
    piece cut from a formula ("Dyck-(k", "AESMC):1") is not.

    >>> _balanced("GPT-4V(ision)"), _balanced("FLUX.1 [dev]"), _balanced("Dyck-(k"), _balanced("AESMC):1")
    (True, True, False, False)
    """
    if _BRACKET.search(text) is None:
        return True
    depth = {"(": 0, "[": 0, "{": 0}
    closes = {")": "(", "]": "[", "}": "{"}
    for char in text:
        if char in depth:
            depth[char] += 1
        elif char in closes:
            depth[closes[char]] -= 1
            if depth[closes[char]] < 0:
                return False
    return not any(depth.values())


def _listed_with_data(mentions: list[_Mention], text: str) -> dict[int, CatalogueEntry]:
    """For each mention with several entries, one of them data, that a list holds among two
    or more known data sets and nothing else known: that data entry.

    >>> gqa = CatalogueEntry("GQA", "Benchmark")
    >>> attention = CatalogueEntry("Grouped-Query Attention", "Method", aliases=("GQA",))
    >>> text = "averaged over GQA, TextVQA and POPE"
    >>> mentions = [
    ...     _Mention(14, 17, "GQA", frozenset(), (gqa, attention), None),
    ...     _Mention(19, 26, "TextVQA", frozenset(), (CatalogueEntry("TextVQA", "Benchmark"),), None),
    ...     _Mention(31, 35, "POPE", frozenset(), (CatalogueEntry("POPE", "Benchmark"),), None),
    ... ]
    >>> {i: e.name for i, e in _listed_with_data(mentions, text).items()}
    {0: 'GQA'}
    """
    if not any(len(m.entries) > 1 for m in mentions):
        return {}
    spans = sorted((m.start, m.end, i, 0) for i, m in enumerate(mentions))
    out = {}
    for run in _list_runs(text, spans):
        items = [mentions[i] for _, _, i, _ in run]
        for _, _, i, _ in run:
            data = [e for e in mentions[i].entries if e.type in _DATA_TYPES]
            if len(mentions[i].entries) < 2 or len(data) != 1:
                continue
            known = [m.entries[0].type for m in items if m is not mentions[i] and len(m.entries) == 1]
            if len(known) >= 2 and all(t in _DATA_TYPES for t in known):
                out[i] = data[0]
    return out


def _typed_by_default(entity: ExtractedEntity) -> bool:
    return entity.typed_by is None


def _own_short(text: str, own: Mapping[str, object]) -> str | None:
    """The key in ``own`` of the paper's own short form that ``text`` writes, as defined or in
    the other number: "SDDs" of "SDD", and "NTM" of "Neural Topic Models (NTMs)".

    >>> _own_short("SDDs", {"sdd": ()}), _own_short("SDD", {"sdd": ()}), _own_short("GANs", {})
    ('sdd', 'sdd', None)
    >>> _own_short("NTM", {"ntms": ()}), _own_short("ntm", {"ntms": ()})
    ('ntms', None)
    """
    key = text.casefold()
    if key in own:
        return key
    if len(text) > 2 and text[-1] == "s" and text[-2].isupper() and key[:-1] in own:
        return key[:-1]
    if len(text) > 1 and text[-1].isupper() and key + "s" in own:
        return key + "s"
    return None


def _long_form_with_known_inside(
    entries: Sequence[CatalogueEntry], long_text: str, catalogue: Catalogue
) -> list[CatalogueEntry]:
    """The ``entries`` that a long form spells once a known name inside it is read as that
    name's acronym: "constrained Markov decision process (CMDP)" is the entry "constrained
    MDP", since the ``catalogue`` knows "Markov decision process" as MDP.

    >>> mdp = CatalogueEntry("Markov decision process", "Task", aliases=("MDP",))
    >>> cmdp = CatalogueEntry("constrained MDP", "Task", aliases=("CMDP",))
    >>> catalogue = Catalogue.from_entries([mdp, cmdp])
    >>> long_text = "constrained Markov decision processes"
    >>> [e.name for e in _long_form_with_known_inside([cmdp], long_text, catalogue)]
    ['constrained MDP']
    """
    words = long_text.split()
    forms = {entry.name: {normalize_form(form) for form in entry.forms} for entry in entries}
    out = []
    for i in range(len(words)):
        for j in range(i + 2, len(words) + 1):
            if j - i == len(words):
                continue  # the whole long form is no part of it
            known = _lookup(" ".join(words[i:j]), catalogue)
            acronyms = {f for entry in known for f in entry.forms if f.isupper() and len(f) > 1}
            for acronym in acronyms:
                written = normalize_form(" ".join([*words[:i], acronym, *words[j:]]))
                out += [e for e in entries if written in forms[e.name] and e not in out]
    return out


def _settle_entries(
    mentions: list[_Mention], paired: dict[int, int], text: str, catalogue: Catalogue | None = None
) -> list[_Mention]:
    """Resolve mentions with several catalogue entries; let a paper's long form win."""
    out = list(mentions)
    for short_i, long_i in paired.items():
        long, short = out[long_i], out[short_i]
        if long.entries and len(long.entries) == 1:
            out[short_i] = short._replace(entries=long.entries)
        elif short.entries:
            compatible = [e for e in short.entries if _long_form_fits(e, long.text)]
            compatible = compatible or _long_form_misspelled(short.entries, long.text)
            compatible = compatible or _long_form_reworded(short.entries, long.text)
            if not compatible and catalogue is not None:
                compatible = _long_form_with_known_inside(short.entries, long.text, catalogue)
            out[short_i] = short._replace(entries=tuple(compatible))
            if compatible and len(compatible) == 1:
                out[long_i] = long._replace(entries=tuple(compatible))
    # the long form also settles the short form's bare uses, in any case: "NCA" after "Noun
    # Classifier Associations (NCA)" is not the catalogue's Neural Cellular Automata, nor is
    # "PEARL" after the title "Pearl: Prototype lEArning via Rule Lists" the meta-RL method
    own_entries = {
        out[short_i].text.casefold(): out[short_i].entries
        for short_i, long_i in paired.items()
        if _spelled_out(out[long_i].text, out[short_i].text)
    }
    own_long = {
        out[short_i].text.casefold(): out[long_i].text
        for short_i, long_i in paired.items()
        if _spelled_out(out[long_i].text, out[short_i].text)
    }
    for i, m in enumerate(out):
        # (in the other number too: "SDDs" after "Sentential Decision Diagram (SDD)")
        own = _own_short(m.text, own_entries)
        if i not in paired and own is not None:
            out[i] = m._replace(entries=own_entries[own])
        elif i not in paired and m.entries and (own := _own_short_with_kind(m, own_long)) is not None:
            # "SCE loss" after "softmax cross-entropy (SCE) loss": the paper's SCE, not the catalogue's
            short = m.text.rpartition(" ")[0]
            out[i] = m._replace(end=m.start + len(short), text=short, entries=own_entries[own])
    folded = text.casefold()
    for i, m in enumerate(out):
        if len(m.entries) > 1:
            present = [
                e
                for e in m.entries
                if any(f.casefold() in folded for f in e.forms if f.casefold() != m.text.casefold())
            ]
            if len(present) == 1:
                out[i] = m._replace(entries=tuple(present))
    settled_in_text = set()
    for i, m in enumerate(out):
        if len(m.entries) > 1 and _measured(text, m.start, m.end):
            metrics = [e for e in m.entries if e.type == "Metric"]
            if len(metrics) == 1:  # "the MAE drops to 0.22": the error, not the autoencoder
                out[i] = m._replace(entries=(metrics[0],))
                settled_in_text.add(i)
    for i, m in enumerate(out):
        if len(m.entries) > 1 and i not in settled_in_text and _evaluated_on(text, m.start, m.end):
            data = [e for e in m.entries if e.type in {"Dataset", "Benchmark"}]
            if len(data) == 1:  # "Experiments on the ACE RDC 2003 corpus": data, not a calibration error
                out[i] = m._replace(entries=(data[0],))
                settled_in_text.add(i)
    for i, data in _listed_with_data(out, text).items():
        if i not in settled_in_text:  # "averaged over GQA, TextVQA, POPE and MME": data too
            out[i] = out[i]._replace(entries=(data,))
            settled_in_text.add(i)
    for i, m in enumerate(out):
        if len(m.entries) > 1 and i not in settled_in_text and _PROCEDURE_AFTER.match(text, m.end):
            methods = [e for e in m.entries if e.type == "Method"]
            if len(methods) == 1:  # "an online EM procedure": the algorithm, not exact match
                out[i] = m._replace(entries=(methods[0],))
                settled_in_text.add(i)
    for i, m in enumerate(out):
        if len(m.entries) > 1 and i not in settled_in_text:
            # "flat minima ... methods such as SAM": the one entry whose long form's words the
            # paper writes elsewhere (sharpness) is meant, not the Segment Anything Model
            worded = [e for e in m.entries if _long_form_words_written(e, m.text, folded)]
            if len(worded) == 1:
                out[i] = m._replace(entries=(worded[0],))
                settled_in_text.add(i)  # by the paper's own words
    domains = Counter(m.entries[0].domain for m in out if len(m.entries) == 1 and m.entries[0].domain)
    for i, m in enumerate(out):
        if len(m.entries) > 1 and domains:  # the field the paper's other known names belong to
            votes = [(domains.get(e.domain, 0), e) for e in m.entries]
            best = max(v for v, _ in votes)
            winners = [e for v, e in votes if v == best]
            if best > 0 and len(winners) == 1:
                chosen = _unmeasured_as_method(winners[0], m, out, text)
                out[i] = m._replace(entries=(chosen,))
                if chosen is not winners[0]:
                    settled_in_text.add(i)  # by the paper's words: nothing measured in it
    field_forms: dict[str | None, set[str]] = {}  # the forms of known names, by field
    for m in out:
        if len(m.entries) == 1:
            field_forms.setdefault(m.entries[0].domain, set()).add(m.text)
    settled: dict[tuple[str, str], bool] = {}
    for i, m in enumerate(out):
        if (
            len(m.entries) == 1
            and " " not in m.text  # an acronym-like form; "MAP estimation" is settled by its words
            and (m.text in m.entries[0].ambiguous_aliases or m.text in _GREEK_LETTERS)
            and i not in paired
            and i not in settled_in_text
        ):
            key = (m.entries[0].id, m.text)
            if key not in settled:
                settled[key] = _settled(m.entries[0], m.text, folded, field_forms)
            if not settled[key]:
                # "CMOS" in a chip-design paper: a form that names other things too, which
                # neither the paper's long form nor its field settles
                out[i] = m._replace(entries=(), rules=m.rules | {"unsettled"})
    for i, m in enumerate(out):
        if (
            m.entries
            and not m.text.islower()  # (a word of a compound: "a high-precision database")
            and all(e.type == "Metric" for e in m.entries)
            and _DATA_NOUN_AFTER.match(text, m.end)
        ):
            # "the SPICE dataset", "the NIST database": a metric's name before a data noun names data
            out[i] = m._replace(entries=(), type="Dataset", rules=(m.rules - {"catalogue"}) | {"cue"})
    title_end = text.find("\n\n")
    shouted = title_end > 0 and _shouted(text[:title_end])
    capitalised = title_end > 0 and not shouted and is_title_case(text[:title_end])
    for i, m in enumerate(out):
        if (
            m.entries
            and (
                _other_sense(text, m.start, m.end)
                # "Benchmarking Uncertainty in Weather Models": in a Title Case title, a plain
                # capitalised word a case-sensitive entry spells names it only if the abstract
                # writes it so too
                or (
                    capitalised
                    and m.end <= title_end
                    and m.entries[0].case_sensitive
                    and _PLAIN_CAPITAL_WORD.fullmatch(m.text) is not None
                    and word_count(text[title_end:], m.text) == 0
                )
                # "FAST OBJECT LOCALIZATION VIA ...": in a title in capitals, a single capitalised
                # word names something only if the abstract writes it so too
                or (
                    shouted
                    and m.end <= title_end
                    and " " not in m.text
                    and m.text.isupper()
                    and m.text not in text[title_end:]
                )
            )
        ):
            out[i] = m._replace(entries=(), rules=m.rules | {"unsettled"})
        elif m.entries and _shouted_word(m.text, m.entries[0]):
            # "CHESS" (a text-to-SQL method) is no "chess": an upper-case acronym does not match
            # an entry spelled only as a lower-case word, and stays a name of its own
            out[i] = m._replace(entries=())
    return out


_PLAIN_CAPITAL_WORD = re.compile(r"[A-Z][a-z]+")


def _shouted_word(form: str, entry: CatalogueEntry) -> bool:
    """Whether ``form`` is an upper-case acronym that matched an entry written only as a
    lower-case word.

    >>> _shouted_word("CHESS", CatalogueEntry(name="chess", type="Task"))
    True
    >>> _shouted_word("chess", CatalogueEntry(name="chess", type="Task"))
    False
    >>> _shouted_word("BLEU", CatalogueEntry(name="BLEU", type="Metric"))
    False
    """
    if len(form) < 3 or not form.isupper() or " " in form:
        return False
    return entry.name.islower() and not any(alias.isupper() for alias in entry.aliases)


def _long_form_words_written(entry: CatalogueEntry, form: str, folded: str) -> bool:
    """Whether ``folded`` (a paper's case-folded text) writes a distinctive word of ``entry``'s
    name, other than the acronym ``form`` itself: the stem of "sharpness" for
    Sharpness-Aware Minimization.

    >>> entry = CatalogueEntry(name="Sharpness-Aware Minimization", type="Method")
    >>> _long_form_words_written(entry, "SAM", "sharpness measures; we use sam.")
    True
    >>> _long_form_words_written(CatalogueEntry(name="Segment Anything Model", type="Model"), "SAM",
    ...     "sharpness measures; we use sam.")
    False
    """
    if entry.name == form:
        return False
    for word in _NAME_WORD.findall(entry.name.casefold()):
        stem = word[: max(5, len(word) - 3)]  # "sharpn" for "sharpness", not "exper" for "experience"
        if word not in _COMMON_NAME_WORDS and re.search(rf"\b{stem}", folded):
            return True
    return False


_NAME_WORD = re.compile(r"[a-z]{5,}")
#: words too common in papers to point to one entry: "model" is in every text
_COMMON_NAME_WORDS = words_of(
    """
    model models network networks learning neural method methods system systems based training
    large language deep layer layers representation representations generation generative
    adaptive efficient robust general error score approach framework embedding embeddings
    prediction predictions tasks
    """
)


def _shouted(title: str) -> bool:
    """Whether a title is written in capitals: four in five of its (ASCII) letters.

    >>> _shouted("FAST OBJECT LOCALIZATION VIA SENSITIVITY"), _shouted("Fast Object Localization")
    (True, False)
    """
    raw = title.encode("ascii", "ignore")
    lower = len(raw) - len(raw.translate(None, _LOWER_CASE))
    upper = len(raw) - len(raw.translate(None, _UPPER_CASE))
    return lower + upper >= 12 and upper >= 4 * lower


_LOWER_CASE = string.ascii_lowercase.encode()
_UPPER_CASE = string.ascii_uppercase.encode()


#: metric words that other words around them make into another noun: a number format
#: ("mixed precision", "half-precision weights", "a high-precision variable", "logarithmic
#: precision suffices"), a resolution ("frequency precision"), a memory test
#: ("associative recall", "sequential recall"), a field ("precision medicine")
_SENSE_WORDS = frozenset({"precision", "recall"})
_OTHER_SENSE_BEFORE = re.compile(
    r"\b(?:(?:mixed|half|full|single|double|quadruple|arbitrary|numerical|numeric|machine|floating[- ]point|"
    r"logarithmic|log|finite|infinite|bounded|unbounded|limited|constant|polynomial|"
    r"fixed[- ]point|\d+-bit|low|reduced|associative|free|cued|serial|episodic|total|factual|knowledge|"
    r"memory|in-context|long-context|long-range|verbatim|exact|FP\d+|BF16|TF32|INT\d+|NF4|"
    # a resolution or a memory's order: "temporal and frequency precision", "sequential recall"
    r"temporal|frequency|spatial|spectral|sequential|"
    # a number format's width: "4 bits of precision", "six digits of precision"
    r"bits? of|digits? of)[- ]|high-|resolution\s+(?:and|or)\s+)$",
    re.I,
)
#: "recall" as a verb: after "to", a subject or a modal ("models can recall", "we recall that")
_RECALL_VERB_BEFORE = re.compile(
    r"\b(?:to|we|they|it|can|cannot|could|must|should|may|might|will|would|models?|LLMs?)\s+$", re.I
)
_OTHER_SENSE_AFTER = re.compile(
    # "precision medicine"; "recall-intensive tasks", which need the model to recall; a number
    # format or a statistic: "low precision floating point", "a sparse precision matrix"
    r"[- ](?:medicine|agriculture|farming|oncology|health(?:care)?|matri(?:x|ces)|floating|arithmetic|"
    r"formats?|weights|quantization|highway|guarantees?)\b"
    # a number format's width of what a network computes: "the precision of activations"
    r"|\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[a-z]+\s+)?(?:activations?|weights|parameters|coefficients|"
    r"gradients|arithmetic|computations?)\b"
    r"|-(?:intensive|heavy|demanding|critical)\b|\s+tasks?\b"
    # "recall then generate": the verb
    r"|\s+then\b",
    re.I,
)


#: what makes "Janus" the multi-face failure of text-to-3D generation, not the model
_JANUS_PROBLEM_AFTER = re.compile(
    r"[\s\-]+(?:artifacts?|artefacts?|problems?|issues?|effects?|faces?)\b", re.I
)
#: a product's capitalised name right after its maker's: "Perplexity Deep Research"
_PRODUCT_AFTER = re.compile(r" (?:Deep|Sonar|Pro|Search|Labs|AI)\b")


#: the kinds of splitting a document into passages: "late chunking", "naive chunking"
_DOCUMENT_CHUNKING_BEFORE = re.compile(
    r"\b(?:late|naive|na[iï]ve|semantic|fixed-size|fixed-length|document|recursive|agentic|sliding-window|"
    r"contextual|passage|sentence-level|token-level|hierarchical|adaptive)\s+\Z",
    re.I,
)
#: the object of a verb right after it: "boosting the accuracy", "boosting OpenVLA's rate",
#: "boosting DL by priors", "boosting performance", "boosting of the agent's update"
_OBJECT_AFTER = re.compile(
    r"\s+(?:(?i:(?:of\s+)?(?:the|a|an|its|their|our|both|this|these|[\w\-.]+['’]s)|performance|accuracy|efficiency|"
    r"robustness|generali[sz]ation|throughput)\b|[A-Z]{2,}s?\b(?![\-.]\w))"
)


#: where a participle opens a clause: ", boosting great interest in ...", "thereby boosting"
_PARTICIPLE_BEFORE = re.compile(r"(?:,|\b(?:thus|thereby|while|further|greatly|significantly))\s+$")
#: a lower-case word after "boosting" that is not a noun the method makes ("boosting algorithms")
#: nor a word that goes on the sentence ("boosting and bagging"): an object, "boosting great interest"
_VERB_OBJECT_AFTER = re.compile(
    r" (?!(?:algorithms?|methods?|approach(?:es)?|frameworks?|procedures?|rounds?|iterations?|theory|"
    r"literature|ensembles?|models?|classifiers?|trees?|machines?|stages?|steps?|loss(?:es)?|style|"
    r"variants?|techniques?|learners?|schemes?|strategy|strategies|weights?|type|family|perspective|"
    r"of|with|and|or|for|in|on|by|to|is|are|was|were|can|could|may|might|has|have|had|as|that|which|"
    r"where|while|when|does|do|did|also|often|typically|alone|itself|based|via|from|into|over|under|"
    r"than|at|like|such|using|would|will|should|must|yields?|achieves?|improves?|reduces?)\b)[a-z]{3,}\b"
)
#: what a maximum a posteriori "MAP" is said of, unlike the score "a MAP of 41.2"
_MAP_ESTIMATE_AFTER = re.compile(
    r"[\s\-]+(?:LP|inference|estimat\w*|decoding|assignments?|solutions?|problems?|quer(?:y|ies)|"
    r"configurations?|objectives?|rules?|classifiers?|predictions?|solvers?|states?|label\w*|"
    r"hypothes[ie]s|adaptation|training|learning|polic(?:y|ies)|parameters?|points?|relaxations?)\b"
)


#: a data noun right after a name: "the NIST database", "the X corpus" (not "corpus-level")
_DATA_NOUN_AFTER = re.compile(
    r"\s+(?:[Dd]atabases?|[Dd]atasets?|[Dd]ata\s+sets?|[Cc]orpus|[Cc]orpora)(?![\w\-])"
)


def _other_sense(text: str, start: int, end: int) -> bool:
    """Whether a metric word (or "boosting") means something else where it stands.

    >>> text = "We report precision and recall with mixed precision, associative recall and low-precision."
    >>> [_other_sense(text, m.start(), m.end()) for m in re.finditer("precision|recall", text)]
    [False, False, True, True, True]
    >>> text = "recall-intensive tasks, recall tasks; a high-precision variable reaches high precision"
    >>> [_other_sense(text, m.start(), m.end()) for m in re.finditer("recall|precision", text)]
    [True, True, True, False]
    >>> text = "quantized to 4-bits of precision, or 16 digits of precision"
    >>> [_other_sense(text, m.start(), m.end()) for m in re.finditer("precision", text)]
    [True, True]
    >>> text = "each token gets one of three precisions (8, 4 or 2 bits) after quantization"
    >>> _other_sense(text, text.index("precisions"), text.index("precisions") + 10)
    True
    >>> text = "deployed in FP8 precision, it can recall then generate"
    >>> [_other_sense(text, m.start(), m.end()) for m in re.finditer("recall|precision", text)]
    [True, True]
    >>> text = "we reduce the precision of activation maps and give precision guarantees; numeric precision"
    >>> [_other_sense(text, m.start(), m.end()) for m in re.finditer("precision", text)]
    [True, True, True]
    >>> text = "shapes of arbitrary resolution and precision, with high recall and precision"
    >>> [_other_sense(text, m.start(), m.end()) for m in re.finditer("precision", text)]
    [True, False]
    >>> text = "low precision floating point, a sparse precision matrix, practical recommendations"
    >>> [_other_sense(text, m.start(), m.end()) for m in re.finditer("precision|recommendations", text)]
    [True, True, True]
    >>> text = "trained to recall facts; we recall that better in-context recall lifts recall"
    >>> [_other_sense(text, m.start(), m.end()) for m in re.finditer("recall", text)]
    [True, True, True, False]

    "Boosting" names the ensemble method unless an object follows it, as it follows the verb:

    >>> text = "MAP LP relaxations and MAP estimates give a MAP of 41.2 and a higher MAP."
    >>> [_other_sense(text, m.start(), m.end()) for m in re.finditer("MAP", text)]
    [True, True, False, False]
    >>> texts = ["its sensitivity to noise", "a sensitivity of 0.91", "sensitivity and specificity"]
    >>> [_other_sense(t, t.index("sensitivity"), t.index("sensitivity") + 11) for t in texts]
    [True, False, False]
    >>> text = "gradient boosting beats bagging, boosting the accuracy and boosting OpenVLA's rate"
    >>> [_other_sense(text, m.start(), m.end()) for m in re.finditer("boosting", text)]
    [False, True, True]
    >>> text = "boosting DL by priors, boosting performance, boosting algorithms, boosting (AdaBoost)"
    >>> [_other_sense(text, m.start(), m.end()) for m in re.finditer("boosting", text)]
    [True, True, False, False]
    >>> text = "simple boosting of the agent's update, boosting of decision stumps"
    >>> [_other_sense(text, m.start(), m.end()) for m in re.finditer("boosting", text)]
    [True, False]
    >>> text = "It is scarce, boosting great interest; bagging, boosting methods; thus boosting alone"
    >>> [_other_sense(text, m.start(), m.end()) for m in re.finditer("boosting", text)]
    [True, False, False]

    A maker's name before its product is no metric, nor is "chunking" a document's splitting:

    >>> text = "Perplexity Deep Research cites well; Perplexity Pro too; the Perplexity drops"
    >>> [_other_sense(text, m.start(), m.end()) for m in re.finditer("Perplexity", text)]
    [True, True, False]
    >>> text = "it avoids Janus artifacts and the Janus problem, unlike Janus-Pro and Janus"
    >>> [_other_sense(text, m.start(), m.end()) for m in re.finditer("Janus", text)]
    [True, True, False, False]
    >>> text = "late chunking beats naive chunking; POS tagging and chunking"
    >>> [_other_sense(text, m.start(), m.end()) for m in re.finditer("chunking", text)]
    [True, True, False]
    >>> text = "errors stemming from noise; stemming and lemmatization"
    >>> [_other_sense(text, m.start(), m.end()) for m in re.finditer("stemming", text)]
    [True, False]
    """
    if text[start:end] == "MAP":  # maximum a posteriori, before what it estimates: "MAP LP relaxations"
        return _MAP_ESTIMATE_AFTER.match(text, end) is not None
    word = text[start:end].lower()
    if word == "boosting":  # the verb, with its object after it: "boosting OpenVLA's success rate"
        return _OBJECT_AFTER.match(text, end) is not None or (
            _PARTICIPLE_BEFORE.search(text, max(0, start - 12), start) is not None
            and _VERB_OBJECT_AFTER.match(text, end) is not None
        )
    if word == "recommendations":  # advice ("practical recommendations"); the task is singular
        return True
    if word == "janus":  # the many-faced failure of 3D generation: "Janus artifacts", "the Janus problem"
        return _JANUS_PROBLEM_AFTER.match(text, end) is not None
    if text[start:end] == "Perplexity" and _PRODUCT_AFTER.match(text, end):
        return True  # the company before its product: "Perplexity Deep Research", "Perplexity Sonar"
    if word == "chunking":  # splitting documents for retrieval ("late chunking"), not shallow parsing
        return _DOCUMENT_CHUNKING_BEFORE.search(text, max(0, start - 30), start) is not None
    if word == "stemming":  # "instabilities stemming from X": the verb, not reducing words to stems
        return text.startswith(" from ", end)
    if word == "specificity":  # "the level of specificity"; the measure goes with sensitivity
        return "sensitivity" not in text[max(0, start - 80) : end + 80].lower()
    if word == "sensitivity":  # "sensitivity to noise"; the measure goes with specificity or a value
        near = text[max(0, start - 80) : end + 80].lower()
        return "specificity" not in near and _VALUE_AFTER.match(text, end) is None
    word = word.removesuffix("s")  # "three precisions (8, 4 or 2 bits)"
    if word not in _SENSE_WORDS:
        return False
    before = text[max(0, start - 20) : start]
    if _OTHER_SENSE_AFTER.match(text, end):
        return True
    if word == "precision" and _about_number_formats(text):
        return True  # "an optimal precision for each parameter" in a paper on quantization
    if before.endswith("low ") or before.endswith("Low "):  # "a low precision" is a value of it
        return False
    if word == "recall" and (_RECALL_VERB_BEFORE.search(before) or text.startswith(" that ", end)):
        return True  # the verb: "trained to recall and reason", "we recall that"
    return bool(_OTHER_SENSE_BEFORE.search(before) or _OTHER_SENSE_AFTER.match(text, end))


#: words of papers about number formats, where "precision" is a format's width ...
_NUMBER_FORMAT_WORDS = (
    "quantiz", "quantis", "bit-width", "bitwidth", "floating point", "floating-point", "fixed-point",
    "fixed point", "half-precision", "mixed precision", "mixed-precision", "low-precision", "fp16", "fp8",
    "int8",
)  # fmt: skip
#: ... unless the paper also reads results in precision as a measure (a whole word: "bf16"
#: holds no F1)
_RETRIEVAL_MEASURE = re.compile(
    r"(?<![\w\-])(?:recall\w*|f1|f-score|f-measure)(?![\w])|average precision|precision@|precision at"
)


def _about_number_formats(text: str) -> bool:
    """Whether ``text`` is about number formats (quantization, floating point) and reads no
    result in precision as a measure: there "precision" is how many bits a number keeps.

    >>> _about_number_formats("We quantize weights, finding an optimal precision per layer.")
    True
    >>> _about_number_formats("Quantized detectors keep their precision and recall.")
    False
    >>> _about_number_formats("FP8 training matches BF16 runs where bf16 keeps a higher precision.")
    True
    """
    lower = text.lower()
    if not any(w in lower for w in _NUMBER_FORMAT_WORDS):
        return False
    return _RETRIEVAL_MEASURE.search(lower) is None


#: a value after a name ("MAE of 0.31", "MAE drops from 0.31", "MAE (0.2)") ...
_VALUE_AFTER = re.compile(
    r"\s*(?:of|=|:|is|was|drops?|falls?|rises?|climbs?|reach\w*|reduc\w*|improv\w*|decreas\w*|increas\w*|goes)?\s*"
    r"(?:from|to|by|below|under)?\s*\(?[-+]?\d"
)
#: ... or before it ("0.22 MAE", "12% lower MAE", "a lower MAE")
_VALUE_BEFORE = re.compile(r"(?:\d%?|\b(?:lower|higher|better|worse|low|high|best|mean|average))\s+$")
#: a result given in a metric: "can achieve near-perfect accuracy", "improved accuracy levels",
#: "maximize the regret of" (the metric is what the paper's own results are read in)
_RESULT_IN_BEFORE = re.compile(
    r"\b(?:achiev\w*|attain\w*|reach\w*|obtain\w*|improv\w*|boost\w*|increas\w*|maximi[sz]\w*|minimi[sz]\w*|"
    r"near-perfect|perfect|superior|state-of-the-art)\s+(?:the\s+|its\s+|our\s+|their\s+)?(?:[\w\-]+\s+){0,2}?$",
    re.I,
)


def _recall_as_measure(text: str, mention: _Mention) -> bool:
    """Whether a mention of "recall" is the measure: given a value, read as a result, written
    beside another measure or with a measure's words ("recall@10", "recall rate").

    >>> text = "Their ability to recall facts drops. We report precision and recall; recall@5 rises."
    >>> [_recall_as_measure(text, _Mention(m.start(), m.end(), "recall", frozenset(), (), None))
    ...  for m in re.finditer("recall", text)]
    [False, True, True]
    """
    start, end = mention.start, mention.end
    return (
        _given_a_result(text, start, end)
        or _RECALL_MEASURE_AFTER.match(text, end) is not None
        or _MEASURE_SIZE_BEFORE.search(text, max(0, start - 40), start) is not None
        or _MEASURE_BESIDE.search(text, _window_start(text, start), _window_end(text, end)) is not None
    )


def _window_start(text: str, start: int, width: int = 40) -> int:
    """Where the window of ``width`` characters before ``start`` begins, not past a full stop."""
    stop = text.rfind(". ", max(0, start - width), start)
    return stop + 2 if stop >= 0 else max(0, start - width)


def _window_end(text: str, end: int, width: int = 40) -> int:
    """Where the window of ``width`` characters after ``end`` ends, not past a full stop."""
    stop = text.find(". ", end, end + width)
    return stop if stop >= 0 else min(len(text), end + width)


#: a measure's words right after "recall": "@10", " rate", " score", " of 0.8", " is high"
_RECALL_MEASURE_AFTER = re.compile(
    r"(?:@|\s*\(|\s+(?:rates?|scores?|of\s+\d|at\s+\d|metrics?)\b|-oriented"
    r"|\s+(?:is|was|are|were|remains?|stays?)\s+(?:very\s+)?(?:high|low|higher|lower|poor|perfect)\b)"
)
#: what a measure's size or aim is said to be right before it (the verbs of a result are
#: :data:`_RESULT_IN_BEFORE`'s): "low recall", "a specified empirical recall", "weighted recall"
_MEASURE_SIZE_BEFORE = re.compile(
    r"\b(?:decreas\w*|trad\w+\s+off|higher|lower|high|low|better|worse|target|specified|weighted|"
    r"average[ds]?|mean)\s+(?:(?:the|a|an|its|their|in|of)\s+)?(?:[\w\-]+\s+)?$"
)
#: another measure written near a mention: "precision and recall", "recall, and F1"
_MEASURE_BESIDE = re.compile(
    r"\b(?:[Pp]recision|F1|F-(?:score|measure)|F\d|[Aa]ccuracy|AUC|mAP|MRR|NDCG|[Hh]its|false\s+(?:positives|negatives)|"
    r"ROUGE|BLEU|[Ss]ensitivity|[Ss]pecificity)\b"
)


def _given_a_result(text: str, start: int, end: int) -> bool:
    """Whether the words around ``text[start:end]`` give it a value or read a result in it, as
    they do a measure's: "MAE drops to 0.22", "to maximize recall".

    >>> text = "We tune it to maximize recall, and EM rises to 71.2; EM is slow."
    >>> [_given_a_result(text, m.start(), m.end()) for m in re.finditer("recall|EM", text)]
    [True, True, False]
    """
    return (
        _measured(text, start, end) or _RESULT_IN_BEFORE.search(text, max(0, start - 60), start) is not None
    )


def _measured(text: str, start: int, end: int) -> bool:
    """Whether the words around ``text[start:end]`` give it a value, as they do a metric.

    >>> text = "The MAE drops from 0.31 to 0.22, and a 4% lower MAE; MAE pretraining helps."
    >>> [_measured(text, m.start(), m.end()) for m in re.finditer("MAE", text)]
    [True, True, False]
    """
    return bool(_VALUE_AFTER.match(text, end) or _VALUE_BEFORE.search(text, max(0, start - 20), start))


def evaluated_on_as_data(entities: list[ExtractedEntity], catalogue: Catalogue) -> list[ExtractedEntity]:
    """Type as a benchmark a found name nothing else typed that the paper mostly evaluates on:
    "Gains on SMCalFlow-CS are smaller", "Zero-shot transfer to RAMS yields gains".

    >>> ev = Evidence("SMCalFlow-CS", 9, 21, "Gains on SMCalFlow-CS are smaller.", 0, "evaluates_on")
    >>> found = ExtractedEntity("SMCalFlow-CS", "Method", ["SMCalFlow-CS"], [ev], relation="evaluates_on")
    >>> [(e.type, e.typed_by) for e in evaluated_on_as_data([found], Catalogue())]
    [('Benchmark', 'relation')]
    """
    out = []
    for entity in entities:
        if (
            entity.typed_by is None
            and not entity.catalogue_id
            and _mostly_evaluated_on(entity.evidence)
            and _data_like_name(entity.name, catalogue)
        ):
            entity = replace(entity, type="Benchmark", typed_by="relation")
        out.append(entity)
    return out


def _mostly_evaluated_on(evidence: list[Evidence]) -> bool:
    """Whether at least half the sentences that write a name evaluate on it, as on data."""
    if any(ev.relation == Relation.PROPOSES.value for ev in evidence):
        return False
    evaluated = sum(ev.relation == Relation.EVALUATES_ON.value and _on_before(ev) for ev in evidence)
    return evaluated > 0 and 2 * evaluated >= len(evidence)


def _on_before(evidence: Evidence) -> bool:
    """Whether a preposition of place stands right before the mention (or the list it ends):
    "Gains on X", "transfer to A and X", not "we evaluate models (A, X)"."""
    before = _before_list(evidence.sentence[: evidence.start - evidence.sentence_start])
    return _PLACE_BEFORE.search(before[-60:]) is not None


#: "on ", "to the ", "across the held-out ": where a result is measured
_PLACE_BEFORE = re.compile(r"\b(?:on|to|across)\s+(?:the\s+)?(?:[\w\-]+\s+)?$")


def _data_like_name(name: str, catalogue: Catalogue) -> bool:
    """Whether ``name`` may name data: no lower-case word ("supervised learning") and no
    known kind of method or model at its end ("Bayesian convolutional neural network").

    >>> from kg.nlp.catalogue import CatalogueEntry
    >>> cat = Catalogue.from_entries([CatalogueEntry("convolutional neural network", "Method")])
    >>> names = ("SMCalFlow-CS", "supervised learning", "Bayesian convolutional neural network")
    >>> [_data_like_name(n, cat) for n in names]
    [True, False, False]

    Nor does a name that ends on the kind of an idea ("Random Matrix Theory"):

    >>> _data_like_name("Random Matrix Theory", cat)
    False
    """
    words = name.split()
    return (
        not any(word[:1].islower() for word in words)
        and words[-1].lower() not in _IDEA_HEADS
        and find_head(name, catalogue) is None
    )


#: last words of names of ideas and ways of doing, never of data: "Random Matrix Theory"
_IDEA_HEADS = frozenset(
    {"theory", "theorem", "hypothesis", "principle", "law", "conjecture", "lemma", "analysis", "algorithm",
     "method", "learning", "optimization", "optimisation", "regularization", "regularisation", "inference",
     "estimation", "sampling", "attention", "decoding", "training", "search"}
)  # fmt: skip


def _evaluated_on(text: str, start: int, end: int) -> bool:
    """Whether the sentence around ``text[start:end]`` evaluates on it (or on the list it
    ends), as on a data set.

    >>> text = "On VQAv2 and GQA, it gains 3 points. GQA cuts the KV cache."
    >>> [_evaluated_on(text, m.start(), m.end()) for m in re.finditer("GQA", text)]
    [True, False]
    """
    stop = text.rfind(". ", 0, start)
    sentence_start = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, start) + 1)
    before = _before_list(text[sentence_start:start])
    sentence_end = text.find(". ", end)
    after = text[end : sentence_end if sentence_end >= 0 else len(text)]
    return relation_from_context(before, after) == Relation.EVALUATES_ON.value


def _before_list(before: str) -> str:
    """``before`` up to the list a name ends, if it ends one: "On A, B and " gives "On ".

    >>> _before_list("On VQAv2, GQA and "), _before_list("On ")
    ('On ', 'On ')
    """
    listed = _LIST_BEFORE.search(before)
    return before[: listed.start()] if listed else before


#: the items of a list before its last one: "A, B and "
_LIST_BEFORE = re.compile(r"(?:[\w\-.+]+,\s+){0,4}[\w\-.+]+,?\s+(?:and|or)\s+$")


def _spelled_out(long: str, short: str) -> bool:
    """Whether ``long`` is a tight expansion of ``short``: about one word per capital letter
    (or digit) of the short form, not a loose phrase that only happens to hold its letters.

    >>> _spelled_out("Noun Classifier Associations", "NCA")
    True
    >>> _spelled_out("for graphs, a general framework with sampling and aggregating", "GraphSAGE")
    False

    A short form written as a word ("Pearl") counts each of its letters:

    >>> _spelled_out("Prototype Learning via Rule Lists", "Pearl")
    True
    """
    letters = sum(c.isupper() or c.isdigit() for c in short)
    if short[1:].islower():
        letters = len(short)
    return len(long.split()) <= letters + 2


def _unmeasured_as_method(
    chosen: CatalogueEntry, mention: _Mention, out: list[_Mention], text: str
) -> CatalogueEntry:
    """The method an ambiguous form names when the field's vote chose a metric that the paper
    never gives a value, reads a result in or lists with other metrics ("the local optima which
    plague EM" in a paper on question answering is expectation-maximization, not exact match;
    "EM and F1" and "EM rises to 71.2" are the metric).

    >>> from kg.nlp.catalogue import CatalogueEntry
    >>> em = frozenset({"EM"})
    >>> em_metric = CatalogueEntry("Exact Match", "Metric", ("EM",), ambiguous_aliases=em)
    >>> em_method = CatalogueEntry("Expectation-Maximization", "Method", ("EM",), ambiguous_aliases=em)
    >>> f1 = CatalogueEntry("F1", "Metric")
    >>> def chosen(text):
    ...     spans = [i for i in range(len(text)) if text.startswith("EM", i)]
    ...     found = [_Mention(i, i + 2, "EM", frozenset(), (em_metric, em_method), None) for i in spans]
    ...     found += [_Mention(i, i + 2, "F1", frozenset(), (f1,), None) for i in range(len(text))
    ...               if text.startswith("F1", i)]
    ...     return _unmeasured_as_method(em_metric, found[0], found, text).name
    >>> chosen("Such models are fit with EM, which is slow.")
    'Expectation-Maximization'
    >>> chosen("We report EM and F1 on SQuAD.")
    'Exact Match'
    >>> chosen("On SQuAD, EM rises to 71.2.")
    'Exact Match'
    """
    methods = [e for e in mention.entries if e.type == "Method"]
    if chosen.type != "Metric" or len(methods) != 1:
        return chosen
    metrics = [m for m in out if len(m.entries) == 1 and m.entries[0].type == "Metric"]
    for m in out:
        if m.text != mention.text:
            continue
        if _given_a_result(text, m.start, m.end):
            return chosen
        gaps = ((o.end, m.start) if o.end <= m.start else (m.end, o.start) for o in metrics)
        if any(_LIST_GAP.fullmatch(text, *gap) for gap in gaps):
            return chosen  # listed with other measures: "EM and F1", "F1/EM"
    return methods[0]


def _settled(entry: CatalogueEntry, form: str, folded: str, field_forms: dict[str | None, set[str]]) -> bool:
    """Whether a paper (``folded``: its case-folded text) settles an ambiguous ``form`` of
    ``entry``: it writes another of the entry's forms, or another known name of its field."""
    if field_forms.get(entry.domain, set()) - {form}:
        return True
    return any(
        f.casefold() in folded
        for f in entry.forms
        if f not in entry.ambiguous_aliases and f.casefold() != form.casefold()
    )


#: Greek letters spelled out: in a paper's text, mostly symbols ("a function class Phi")
_GREEK_LETTERS = frozenset(
    [
        "Alpha",
        "Beta",
        "Gamma",
        "Delta",
        "Epsilon",
        "Zeta",
        "Eta",
        "Theta",
        "Iota",
        "Kappa",
        "Lambda",
        "Mu",
        "Nu",
        "Xi",
        "Omicron",
        "Pi",
        "Rho",
        "Sigma",
        "Tau",
        "Upsilon",
        "Phi",
        "Chi",
        "Psi",
        "Omega",
    ]
)


def _read_as_data(
    group: Sequence[_Mention], cue_types: Counter[str], text: str, sentences: list[tuple[int, int]]
) -> bool:
    """Whether the words around a name read it as data: the cues lead with a data type, or a
    sentence trains something on it ("We fine-tune LLaMA-7B on Alpaca")."""
    ranked = cue_types.most_common(2)
    if ranked and ranked[0][0] in _DATA_TYPES and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
        return True
    befores = [text[_sentence_of(m.start, m.end, sentences, text)[0] : m.start] for m in group]
    # (or on the list it ends: "fine-tune Llama-3.1-8B on SST-2, GSM8K and Alpaca")
    return any(trained_on(before) or trained_on(_before_list(before)) for before in befores)


def _data_named_after(
    entry: CatalogueEntry, group: Sequence[_Mention], catalogue: Catalogue
) -> CatalogueEntry | None:
    """The one data set the catalogue names "<name> dataset" or "<name> data" after a model's
    name as the paper writes it: "fine-tuned on Alpaca" reads the Alpaca data, not the model.

    >>> alpaca = CatalogueEntry("Alpaca", "Model")
    >>> data = CatalogueEntry("Alpaca-52K", "Dataset", aliases=("Alpaca dataset",))
    >>> group = [_Mention(0, 6, "Alpaca", frozenset({"catalogue"}), (alpaca,), None)]
    >>> _data_named_after(alpaca, group, Catalogue.from_entries([alpaca, data])).name
    'Alpaca-52K'
    """
    for m in group:
        for kind in ("dataset", "data"):
            data = [e for e in catalogue.lookup(f"{m.text} {kind}") if e.type in _DATA_TYPES]
            if len(data) == 1:
                return data[0]
    return None


#: the last word of a data set's name: "DeepScaleR-Preview-Dataset", "Skywork-OR1-RL-Data"
_DATA_NAME_END = re.compile(r"[-\s](?:Dataset|Data|Corpus)$")


def _long_form_misspelled(entries: Sequence[CatalogueEntry], long_text: str) -> list[CatalogueEntry]:
    """The one entry of a short form whose long form the paper's ``long_text`` spells with a
    letter or an ending off ("Graph Convolution Network (GCN)", "Stochastic Gradient Descend
    (SGD)", "spiking neuron network (SNN)"): nearly all its letters in order, and clearly
    nearer than any other entry's.

    >>> gcn = CatalogueEntry("Graph Convolutional Network", "Method", aliases=("GCN",))
    >>> gan = CatalogueEntry("Graph Attention Network", "Method", aliases=("GAT",))
    >>> [e.name for e in _long_form_misspelled([gcn, gan], "Graph Convolution Network")]
    ['Graph Convolutional Network']
    >>> _long_form_misspelled([gcn], "Graph Capsule Network")
    []

    A head noun the acronym leaves out is no letter off: "advantageous actor critic algorithm
    (A2C)" spells Advantage Actor-Critic.

    >>> a2c = CatalogueEntry("Advantage Actor-Critic", "Method", aliases=("A2C",))
    >>> [e.name for e in _long_form_misspelled([a2c], "advantageous actor critic algorithm")]
    ['Advantage Actor-Critic']
    """
    targets = {normalize_form(long_text), normalize_form(without_head_word(long_text))}
    scored = sorted(
        (
            max(
                SequenceMatcher(None, target, normalize_form(f)).ratio()
                for f in entry.forms
                if " " in f
                for target in targets
            ),
            index,
        )
        for index, entry in enumerate(entries)
        if any(" " in f for f in entry.forms)
    )
    if not scored or scored[-1][0] < _NEAR_SPELLING:
        return []
    if len(scored) > 1 and scored[-2][0] > scored[-1][0] - 0.05:
        return []
    return [entries[scored[-1][1]]]


#: how alike two long forms' letters must be to be one name misspelled (difflib's ratio)
_NEAR_SPELLING = 0.88


def _long_form_reworded(entries: Sequence[CatalogueEntry], long_text: str) -> list[CatalogueEntry]:
    """The one entry of a short form whose long form the paper writes with the same words in
    another order, one word less or a word that qualifies nothing more, or a run of them as
    its acronym ("Monte-Carlo Markov Chain (MCMC)", "Deep Q-learning networks (DQN)", "Dense
    Convolutional Network (DenseNet)", "Multi-Genre NLI (MultiNLI)"); two words shared at least.

    >>> mcmc = CatalogueEntry("Markov Chain Monte Carlo", "Method", aliases=("MCMC",))
    >>> [e.name for e in _long_form_reworded([mcmc], "Monte-Carlo Markov Chain")]
    ['Markov Chain Monte Carlo']
    >>> mnli = CatalogueEntry("MultiNLI", "Dataset", aliases=("Multi-Genre Natural Language Inference",))
    >>> [e.name for e in _long_form_reworded([mnli], "Multi-Genre NLI")]
    ['MultiNLI']

    Another word in place of one of the entry's is another name:

    >>> snn = CatalogueEntry("Spiking Neural Network", "Method", aliases=("SNN",))
    >>> _long_form_reworded([snn], "Siamese Neural Network")
    []
    >>> md = CatalogueEntry("Mirror Descent", "Method", aliases=("online mirror descent", "OMD"))
    >>> _long_form_reworded([md], "optimistic mirror descent")
    []
    """
    fitting = [
        entry
        for entry in entries
        if any(_same_words(long_text, form) for form in entry.forms if _LONG_FORM_WORD.search(form))
    ]
    return fitting if len(fitting) == 1 else []


#: a form of several words (a long form), not an acronym or a one-word name
_LONG_FORM_WORD = re.compile(r"[a-z][\s\-][A-Za-z]|[a-z]{3}[\s\-]")
_WORD = re.compile(r"[A-Za-z0-9]+")


def _content_words(text: str) -> list[str]:
    """The words of ``text`` in lower case, plural "-s" and adverb "-ly" endings off.

    >>> _content_words("Densely Connected Networks")
    ['dense', 'connected', 'network']
    """
    out = []
    for word in _WORD.findall(text):
        word = word.lower()
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        out.append(word.removesuffix("ly") if len(word) > 5 else word)
    return out


def _same_words(paper_form: str, known_form: str) -> bool:
    """Whether two long forms name one thing in other words (see `_long_form_reworded`)."""
    known = _content_words(known_form)
    paper = []
    for word in _WORD.findall(paper_form):
        run = _initials_run(word, known) if word.isupper() and len(word) > 1 else None
        paper.extend(run or _content_words(word))
    mine, theirs = set(paper), set(known)
    if len(mine & theirs) < 2:
        return False
    # the paper may drop one of the known words, or add a word that qualifies nothing
    # ("Capsule Neural Network"), not a qualifier ("optimistic mirror descent" is no MD)
    dropped_one = mine <= theirs and len(theirs - mine) <= 1
    return dropped_one or (theirs < mine and mine - theirs <= _FILLER_WORDS)


#: words a long form may add to a known name without naming something else
_FILLER_WORDS = frozenset({"neural", "network", "learning", "model", "method", "algorithm"})


def _initials_run(acronym: str, words: list[str]) -> list[str] | None:
    """The run of ``words`` whose initials spell ``acronym`` ("NN" in neural network)."""
    size = len(acronym)
    for i in range(len(words) - size + 1):
        run = words[i : i + size]
        if "".join(w[0] for w in run) == acronym.lower():
            return run
    return None


def _long_form_fits(entry: CatalogueEntry, long_text: str) -> bool:
    target = normalize_form(long_text)
    return any(normalize_form(f) == target for f in entry.forms)


#: A "sentence" longer than this (a run-on text with no full stops) is cut to a window
#: around the mention, so that evidence and context stay small.
MAX_SENTENCE = 2000
_WINDOW = 400


def _sentence_of(start: int, end: int, sentences: list[tuple[int, int]], text: str) -> tuple[int, int]:
    """The sentence holding ``start``, or a window of it around ``start:end`` if it is longer
    than :data:`MAX_SENTENCE` (cut at spaces).

    >>> _sentence_of(4, 7, [(0, 10), (11, 20)], "The cat sat. A dog ran.")
    (0, 10)
    >>> text = "word " * 1000
    >>> s, e = _sentence_of(2500, 2504, [(0, len(text))], text)
    >>> (s, e), text[s:e].startswith("word") and len(text[s:e]) < 1000
    ((2100, 2904), True)
    """
    at = bisect_right(sentences, (start, _AFTER_ANY_END)) - 1
    if at < 0 or not sentences[at][0] <= start < sentences[at][1]:
        return start, start
    s, e = sentences[at]
    if e - s <= MAX_SENTENCE:
        return s, e
    lo, hi = max(s, start - _WINDOW), min(e, end + _WINDOW)
    if lo > s and text[lo - 1] != " ":  # start at a word
        cut = text.find(" ", lo, start)
        lo = cut + 1 if cut >= 0 else lo
    if hi < e and text[hi] != " ":  # end after a word
        cut = text.rfind(" ", end, hi)
        hi = cut if cut >= 0 else hi
    return lo, hi


_AFTER_ANY_END = 1 << 62
#: a name's shape, not a lower-case phrase ("our own data"): a capital or a digit in it
_NAMEISH = re.compile(r".*[A-Z0-9]")
#: "we train a 7B model, ": the kind of thing the paper trains, right before its name
_TRAINED_KIND_BEFORE = re.compile(
    r"(?:\b[Ww]e|\band)\s+(?:\w+\s+)?(?:train|pre-?train|fine-?tune)\s+an?\s+(?:[\w\-.]+\s+){0,3}"
    r"(?:model|LLM|LM|network|policy|agent|encoder|retriever|reranker|classifier|verifier|judge)s?,\s$"
)
#: a name short and capitalised enough to be a metric's unit: "APr", "mIoU", "CER"
_SHORT_UNIT = re.compile(r"[A-Za-z]{0,3}[A-Z][A-Za-z]{0,4}")
#: "X is a ...", saying what X is (not "X is a widely used benchmark", which others made)
_IS_A_AFTER = re.compile(
    r"\s+is\s+an?\s+(?!(?:well|widely|popular|common|commonly|standard|recent|recently|classic|classical|"
    r"prominent|leading|famous|established|existing|key|fundamental|long-standing)\b)"
)
#: what may follow a name that ends its noun phrase: a stop, a bracket, "and", "or"
_PHRASE_ENDS = re.compile(r"\s*(?:[,.;:()]|and\b|or\b|$)")


def _hub_owner(text: str, mention: _Mention) -> bool:
    """Whether ``mention`` is the owner part of a model hub id whose name repeats it
    ("Qwen/Qwen2.5-7B-Instruct"), not a name of its own ("ViT-B/16", "A/B testing").

    >>> m = _Mention(0, 4, "Qwen", frozenset(), (), None)
    >>> _hub_owner("Qwen/Qwen2.5-7B loads.", m), _hub_owner("Qwen/Llama models", m)
    (True, False)
    """
    after = text[mention.end : mention.end + 4]
    # (an acronym before its variant is a list: "MNIST/MNIST-C")
    return after[:1] == "/" and after[1:].lower() == mention.text[:3].lower() and not mention.text.isupper()


#: a person's initial right before a name: "H. Adam", "J.-P. Vert"
_INITIAL_BEFORE = re.compile(r"(?<![\w.])[A-Z]\.(?:-[A-Z]\.)?\s$")
#: shapes no name has: a person-and-machine pair ("Human-AI loop"), a field of a record in
#: pseudo-code ("Tc.left"), a proceedings series ("JMLR: W&CP")
_NO_NAME_SHAPE = re.compile(r"Human-[A-Z][\w]*|[A-Za-z]{1,3}\.[a-z]{1,10}|W&CP")
#: the other labels of named-entity recognition, near a "PER" that is one of them
_NER_LABEL_NEAR = re.compile(r"\b(?:LOC|ORG|MISC)\b")
#: catalogue forms that mostly qualify another noun, which then names the thing
_MODIFIER_FORMS = frozenset(["Monte Carlo", "Monte-Carlo"])
_CONTENT_WORD_AFTER = re.compile(
    r"[\s\-]+(?!(?:in|on|at|of|and|or|for|with|to|from|by|is|are|was|were|that|which|as|than)\b)[a-z]{3,}"
)


#: rules by which the paper itself names something ("ETS: Discriminative Edit Models ...", "called
#: X"): such a name stands even where a catalogue form it spells is unsettled
_NAMING_RULES = frozenset({"title", "called"})
_CAPITALS_THEN_WORD = re.compile(r"([A-Z]{2,})([a-z]{3,})")


def _spells_an_acronym(form: str, text: str) -> bool:
    """Whether ``form`` is a word whose capitals spell part of an upper-case name of the paper:
    "IMPlicature" and "PRESupposition" beside IMPPRES (not "CLIPort" beside no such name).

    >>> text = "Learning IMPlicature and PRESupposition. We create IMPPRES. CLIPort uses CLIP."
    >>> [_spells_an_acronym(w, text) for w in ("IMPlicature", "PRESupposition", "CLIPort")]
    [True, True, False]
    >>> _spells_an_acronym("GCond", "Baselines are GCond and SFGC.")
    False
    """
    split = _CAPITALS_THEN_WORD.fullmatch(form)
    if split is None:
        return False
    if len(split.group(1)) < 3 and not _capitalised_neighbour_word(form, text):
        return False  # two capitals alone are in too many acronyms: "GCond" beside "SFGC"
    capitals = split.group(1)
    return any(
        capitals in word and len(word) > len(capitals)
        for word in re.findall(r"(?<![\w\-])[A-Z]{3,}(?![\w\-])", text)
    )


def _capitalised_neighbour_word(form: str, text: str) -> bool:
    """Whether a capitalised word stands next to ``form``, as the words spelling an acronym do
    together ("GradiEnt Component COrrections, a GECCO cell").

    >>> _capitalised_neighbour_word("COrrections", "the GradiEnt Component COrrections, a GECCO cell")
    True
    >>> _capitalised_neighbour_word("GCond", "We use GCond and SFGC here.")
    False
    """
    word = re.escape(form)
    raised = r"[A-Z][A-Za-z]*[a-z]{2,}"
    return re.search(rf"{raised}(?:\s+(?:and|of|for|via|with))?\s+{word}(?![\w\-])", text) is not None or (
        re.search(rf"(?<![\w\-]){word}(?:\s+(?:and|of|for|via|with))?\s+{raised}", text) is not None
    )


def _indexed_variable(form: str, text: str, end: int) -> bool:
    """Whether ``form`` ("s1") is a letter with an index that the text goes on to count up.

    >>> text = "the input s1, . . . , sk and states s1 and s2; we compare with s1 and LIMO"
    >>> [_indexed_variable("s1", text, m.end()) for m in re.finditer("s1", text)]
    [True, True, False]
    >>> _indexed_variable("π0", "π0 and π0-FAST", 2), _indexed_variable("s1", "s1 and s1-32B", 2)
    (False, False)
    """
    if len(form) != 2 or not (form[0].isascii() and form[0].islower() and form[1].isdigit()):
        return False  # (not "π0", the robot policy: "π0 and π0-FAST")
    counted = re.match(rf"[\s,.…]*(?:and|or|to)?[\s,.…]*{form[0]}(\d|[a-z])(?![\w\-])", text[end : end + 20])
    return counted is not None and counted.group(1) != form[1]


#: a licence named after a model: "the Llama 3.1 Community License"
_LICENCE_AFTER = re.compile(r"\s+(?:Community\s+|Research\s+|Open\s+)?Licen[cs]e\b")
#: a possessive before a product's capitalised name: "Perplexity's Sonar"
_MAKER_OF_AFTER = re.compile(r"['’]s\s+[A-Z]")
#: a lower-case word run into a stray capital, from a PDF's lost space or a symbol: "regimeN"
_WORD_AND_CAPITAL = re.compile(r"([a-z]{4,})[A-Z]")
#: a hyphenated lower-case compound run into the next capitalised word: "higher-orderConvolutional"
_COMPOUND_AND_WORD = re.compile(r"[a-z]+(?:-[a-z]+)+[A-Z][a-z]{3,}")
#: a field of study after an acronym nobody spells out: "applicable to SLA and ESL research"
_FIELD_AFTER = re.compile(
    r"(?:\s+(?:and|or)\s+[A-Z][\w\-]*)?\s+(?:research(?:ers)?|communit(?:y|ies)|literature|practitioners)\b"
)
#: what "top-1" or "top-k" selects when it is no accuracy ("top-1 routing", "top-k sampling"),
#: and a measure used to filter data ("perplexity filtering")
_NOT_A_SCORE_AFTER = re.compile(
    r"[\s\-]+(?:routing|gating|sampling|selection|experts?|tokens?|candidates|predictions|decoding|sparsification|"
    # ... and a measure used to filter data: "perplexity filtering" (not "a KL penalty" or "KL
    # regularization": the gold keeps KL divergence there)
    r"filtering)\b",
    re.I,
)
#: a robot or a chip named before it, maybe as one of a list: "H1 and G1 robots", "xArm7 robot"
_HARDWARE_AFTER = re.compile(
    # (a few more names of the list at most: an unbounded list made each name read to its end)
    r"(?:(?:,\s*|\s+and\s+|\s+or\s+)[\w\-]+){0,6}\s+(?:\d+\s+)?(?:robots?|humanoids?|quadrupeds?|arms?|grippers?|"
    r"drones?|GPUs?|TPUs?|CPUs?|chips?|boards?|cameras?|processors?|annealers?|quantum\s+(?:annealers?|computers?|processors?)|"
    r"smartphones?|phones?|headsets?|sensors?)\b"
    # (not a thing a method gives the device: "MegaSaM camera poses", "X sensor readings")
    r"(?!\s+(?:poses?|parameters?|intrinsics?|extrinsics?|trajector(?:y|ies)|calibration|motion|views?|rays?|"
    r"models?|tokens?|data|images?|frames?|inputs?|features?|readings?|streams?|signals?)\b)"
)


#: a maker of robots right before a name, which is then its robot: "a Unitree G1", "a Franka
#: Emika Panda"
_ROBOT_MAKER_BEFORE = re.compile(
    r"\b(?:Unitree|Franka(?:\s+Emika)?|Kinova|UFactory|Universal\s+Robots|Boston\s+Dynamics|ANYbotics|"
    r"Agility\s+Robotics|Fourier|Booster|Galaxea|AgileX|Hello\s+Robot|Trossen)\s+\Z"
)


def _apposed_kind(group: list[_Mention], text: str, sentences: list[tuple[int, int]]) -> str | None:
    """The kind an appositive after a comma gives the first mention of ``group`` that has one
    ("X, a metric that ..." is a Metric)."""
    for m in group:
        _, end = _sentence_of(m.start, m.end, sentences, text)
        after = text[m.end : end]
        kind = appositive_kind(after) if _COMMA_APPOSITIVE.match(after) else None
        if kind is not None:
            return kind
    return None


#: a comma that opens an appositive, maybe past the name's short form: "X (XS), a metric"
_COMMA_APPOSITIVE = re.compile(r"\s*(?:\([^)]{1,30}\)\s*)?,\s")
#: a model and a method, which an appositive names loosely ("an advanced U-Net structured model"
#: is an architecture, a method, as its parent U-Net is)
_LOOSE_KINDS = {"Model", "Method"}


def _data_kind_written(group: list[_Mention], text: str) -> str | None:
    """The kind of data the paper's own words call a data set, right after its name or in an
    appositive, when they say one kind more often than the other: Benchmark for "the WikiText-103
    benchmark", Dataset for "DuoRC, a novel dataset" (the guidelines' test between the two).

    >>> text = "We test on the WikiText-103 benchmark. WikiText-103 is large."
    >>> spans = [m.span() for m in re.finditer("WikiText-103", text)]
    >>> group = [_Mention(start, end, "WikiText-103", frozenset(), (), None) for start, end in spans]
    >>> _data_kind_written(group, text), _data_kind_written(group[1:], text)
    ('Benchmark', None)
    """
    kinds: Counter[str] = Counter()
    for m in group:
        said = _DATA_KIND_AFTER.match(text, m.end)
        if said is not None:
            kinds["Benchmark" if said.group(1).lower().startswith("benchmark") else "Dataset"] += 1
    if kinds["Benchmark"] == kinds["Dataset"]:
        return None
    return "Benchmark" if kinds["Benchmark"] > kinds["Dataset"] else "Dataset"


#: the kind of data a name is called right after it: " benchmark", ", a new dataset", ": A Dataset"
_DATA_KIND_AFTER = re.compile(
    r"(?:\s+|\s*[,:]\s+an?\s+(?:(?:new|novel|large|large-scale|challenging|public|publicly\s+available|"
    r"real-world|synthetic|multilingual|new\s+large-scale)\s+)?)(benchmark|dataset|corpus|data\s+set)s?\b",
    re.I,
)


def _build_entity(
    group: list[_Mention],
    text: str,
    sentences: list[tuple[int, int]],
    title_end: int,
    catalogue: Catalogue,
) -> ExtractedEntity | None:
    # "Monte-Carlo policy evaluation": a modifier of something else, which the whole names
    group = [m for m in group if not (m.text in _MODIFIER_FORMS and _CONTENT_WORD_AFTER.match(text, m.end))]
    if not group:
        return None
    rules = frozenset().union(*(m.rules for m in group))
    entry_sets = [m.entries for m in group if m.entries]
    entry = entry_sets[0][0] if entry_sets else None
    ambiguous = bool(entry_sets) and len(entry_sets[0]) > 1
    if entry is None and all(_is_generic(m.text) or _plural_acronym(m.text) for m in group):
        return None  # "LLMs", or a plural acronym no catalogue knows ("LMRMs"): a class of things
    if all(m.text == "PER" and _NER_LABEL_NEAR.search(text, max(0, m.start - 20), m.end + 20) for m in group):
        return None  # "PER, LOC, ORG": an entity label, though PER also names two catalogue entries
    if entry is None and all("unsettled" in m.rules and not m.rules & _NAMING_RULES for m in group):
        return None  # an ambiguous catalogue form nothing in the paper settles
    if entry is None and all(
        _HARDWARE_AFTER.match(text, m.end) or _ROBOT_MAKER_BEFORE.search(text, max(0, m.start - 40), m.start)
        for m in group
    ):
        return None  # hardware: "the Unitree H1 and G1 robots", "a WidowX 250 arm", "a Unitree G1"
    if all(_INITIAL_BEFORE.search(text, max(0, m.start - 6), m.start) for m in group):
        return None  # a person: "H. Adam", whose surname the catalogue has as an optimiser
    if (
        entry is not None
        and entry.type == "Metric"
        and all(
            (after := _NOT_A_SCORE_AFTER.match(text, m.end))
            # (the predictions of a learned score are its scores: "UTMOS predictions")
            and (not after.group(0).lower().endswith("predictions") or m.text.lower().startswith("top"))
            for m in group
        )
    ):
        return None  # "top-1 routing", "perplexity filtering": a choice or a part of training, not a score
    if (
        entry is not None
        and entry.name == "Recall"
        and not any(m.text.lower() != "recall" or _recall_as_measure(text, m) for m in group)
    ):
        return None  # "their ability to remember and recall", "dream recall": the word, not the measure
    if entry is None and all(_NO_NAME_SHAPE.fullmatch(m.text) for m in group):
        return None  # "Human-AI", "Tc.left", "W&CP": a field, code, a venue (a language pair stays:
        # SciERC's gold keeps "German-English" as data)
    if (
        entry is None
        # (two letters are mostly a task's: "empirical MT research")
        and all(m.text.isupper() and len(m.text) > 2 and _FIELD_AFTER.match(text, m.end) for m in group)
        and not any("abbreviation" in m.rules for m in group)
    ):
        return None  # "SLA and ESL research": a field, spelled out nowhere, not a method
    if entry is None and all(
        (glued := _WORD_AND_CAPITAL.fullmatch(m.text)) and word_count(text, glued.group(1)) for m in group
    ):
        return None  # "in the regimeN of few samples" where "regime" is a word of the paper (not "zorbS")
    if entry is None and all(_COMPOUND_AND_WORD.fullmatch(m.text) for m in group):
        return None  # "learns higher-orderConvolutional LSTM": two words a PDF ran together
    if entry is None and all("→" in m.text for m in group):
        return None  # "CALVIN (ABC→D)": a setting from some splits to another, not a name
    if all(_hub_owner(text, m) for m in group):
        return None  # "Qwen/Qwen2.5-7B-Instruct": the owner of a model hub id, not a model
    if entry is None and all(_spells_an_acronym(m.text, text) for m in group):
        return None  # "IMPlicature and PRESupposition": a title's play on its acronym, IMPPRES
    if all(_indexed_variable(m.text, text, m.end) for m in group):
        return None  # "the input s1, . . . , sk", "states s1 and s2": a variable and its index
    if all(_LICENCE_AFTER.match(text, m.end) for m in group):
        return None  # "under the Llama 3.1 Community License": a licence, not the model
    metric = entry is not None and entry.type == "Metric"
    if metric and all(_MAKER_OF_AFTER.match(text, m.end) for m in group):
        return None  # "Perplexity's Sonar Deep Research": a company's possessive, not the metric
    if entry is not None and entry.type == "Model" and all(text.startswith(" problem", m.end) for m in group):
        return None  # "the Janus problem": a failure named after a two-faced god, not the model
    evidence: list[Evidence] = []
    cue_types: Counter[str] = Counter()
    for m in group:
        s, e = _sentence_of(m.start, m.end, sentences, text)
        before, after = text[s : m.start], text[m.end : e]
        relation = relation_from_context(before, after, in_title=m.start < title_end)
        opens_abstract = m.start == title_end + 2
        if "title" in m.rules or (not m.entries and _named_as_own(m.text, before, after, opens_abstract)):
            relation = Relation.PROPOSES.value
        elif not m.entries and ordinal_of_proposed(before, text[max(0, s - 700) : s]):
            relation = Relation.PROPOSES.value  # "We introduce two methods. The first, X, ..."
        evidence.append(Evidence(m.text, m.start, m.end, text[s:e], s, relation))
        cue = type_from_context(before, after) or m.type
        if cue == "Metric" and not m.entries and _PLURAL_SUBJECT_SCORES.match(after) and _plural_name(m.text):
            cue = None  # "pLMs score combinations": the verb of a plural subject, not a metric's noun
        if cue is None and not m.entries and _score_unit(m.text, before):
            cue = "Metric"
        if "title" in m.rules:
            cue = cue or type_from_context("", text[m.end : title_end])
        if cue == "Method" and m.start < title_end and after.startswith(":") and not m.entries:
            # "Few-shot Continual Learning: a Brain-inspired Approach": the approach is the
            # paper's, to a problem its head names
            head = find_head(m.text, catalogue)
            cue = None if head is not None and head.type == "Task" else cue
        if cue:
            cue_types[cue] += 1
    if any(not m.entries and m.text.split()[-1].lower() in _IDEA_HEADS for m in group):
        for kind in _DATA_TYPES:  # "results in Random Matrix Theory": an idea holds no data
            cue_types.pop(kind, None)
    paired = [m.text for m in group if "abbreviation" in m.rules]
    # words, else one hyphenated word with a lower-case part: "Text-to-LoRA" for T2L (not "LR-nets"
    # beside "Local reparameterization networks")
    long_forms = [t for t in paired if " " in t.strip()] or [t for t in paired if _hyphenated_long_form(t)]
    long_forms.sort(key=str.isupper)  # not an upper-case title's: "FUNCTIONAL VARIATIONAL BAYESIAN ..."
    typed_by: str | None
    if ambiguous:  # nothing in the paper settles it: keep the bare form, merge with nothing
        types = {e.type for e in entry_sets[0]}
        name, parent, entry = _most_common_form(group), None, None
        if len(types) == 1:
            type_, typed_by = types.pop(), "catalogue"
        elif cue_types:
            type_, typed_by = cue_types.most_common(1)[0][0], "context"
        else:
            type_, typed_by = "Method", None
    elif entry is not None and _renamed_by_own(entry, evidence, cue_types):
        # "We present Sparrow, a decoding strategy": a new thing under a known name
        name, parent, entry = _most_common_form(group), None, None
        type_, typed_by = cue_types.most_common(1)[0][0], "context"
    elif entry is not None:
        compared = any(ev.relation == Relation.COMPARES_WITH.value for ev in evidence)
        if entry.type == "Model" and not compared and _read_as_data(group, cue_types, text, sentences):
            entry = _data_named_after(entry, group, catalogue) or entry
        name, type_ = entry.name, entry.type
        parent, typed_by = entry.parent, "catalogue"
        if type_ in _DATA_TYPES and (own_kind := _data_kind_written(group, text)) not in (None, type_):
            type_, typed_by = own_kind, "context"  # "the WikiText-103 benchmark", "TabFact, a dataset"
    else:
        name = long_forms[0] if long_forms else _most_common_form(group)
        shape_type = type_from_name(name) or next(
            (type_from_name(m.text) for m in group if type_from_name(m.text)), None
        )
        type_ = cue_types.most_common(1)[0][0] if cue_types else shape_type or "Method"
        typed_by = "context" if cue_types else "name" if shape_type else None
        if shape_type and cue_types and shape_type in {"Benchmark", "Model"}:
            type_ = shape_type if cue_types.get(shape_type) or not cue_types else type_
        if type_ == "Method" and shape_type == "Metric" and _SCORE_NAME.search(name):
            # "a causal scoring procedure, Concept Reliance Score (CRS)": a score is measured
            type_, typed_by = "Metric", "name"
        if SHARED_TASK.match(name):
            # "YNUDLG at SemEval-2017 Task 4: A GRU-SVM Model": the task, whatever the title says
            type_, typed_by = "Benchmark", "name"
        if _PARAMETER_COUNT.search(name) and "Dataset" not in cue_types:
            type_, typed_by = "Model", "size"  # "VeriThinker-7B": a size in parameters names a model
        found = find_parent(name, catalogue) or _qualified_acronym(group, catalogue)
        parent = found.name if found else None
        # a version of a known entity is the same kind, but a sized one of a known architecture
        # is a trained model ("Mamba-2.8B-SlimPJ")
        if found is not None and not long_forms:
            # (also a sized name after a data set's: "SWE-Gym-32B" is a model trained on SWE-Gym)
            data_cued = cue_types.get("Dataset") or cue_types.get("Benchmark")
            of_method = found.type == "Method" and "Dataset" not in cue_types and _SIZE_ANYWHERE.search(name)
            of_data = found.type in _DATA_TYPES and _PARAMETER_COUNT.search(name) and not data_cued
            sized = of_method or of_data
            # ... and what an appositive calls it, it is: "CoT-pass@k, a metric that ..." (read only
            # when the size does not settle it)
            if sized:
                type_, typed_by = "Model", "size"
            elif (
                (apposed := _apposed_kind(group, text, sentences)) is not None
                and apposed != found.type
                and {apposed, found.type} != _LOOSE_KINDS
            ):
                type_, typed_by = apposed, "context"
            elif found.type not in _DATA_TYPES and _DATA_NAME_END.search(name):
                # "DeepScaleR-Preview-Dataset": data released beside a model, no version of it
                type_, typed_by, parent = "Dataset", "name", None
            elif found.type == "Metric" and _CAMPAIGN_YEAR.search(name):
                # "NIST 2008", "MUC 1995": an evaluation campaign's year names its test data
                type_, typed_by = "Benchmark", "parent"
            else:
                type_, typed_by = found.type, "parent"
        elif typed_by is None and (head := find_head(name, catalogue)) is not None:
            type_, typed_by = head.type, "head"
        elif (
            type_ == "Model"
            and " " in name
            and name.islower()
            and (head := find_head(name, catalogue)) is not None
            and head.type == "Method"
        ):
            # "outperforms test-time prompt tuning (TPT)": a lower-case phrase names no model;
            # its head, a known method ("prompt tuning"), gives the kind
            type_, typed_by = "Method", "head"
        if (
            type_ in {"Model", "Method"}
            and _EXAMPLE_COUNT.search(name)
            and not _SIZE_ANYWHERE.search(name)
            and "Model" not in cue_types
        ):
            type_, typed_by = "Dataset", "size"  # "LLaVA-665K", "PRM800K": a count of examples
    evidence = _modifiers_not_proposed(evidence, text, any_case=type_ == "Task", known=entry is not None)
    if type_ == "Benchmark":
        evidence = _benchmarks_evaluated_with(evidence)
    relation = _strongest(evidence)
    confidence = max(RULE_CONFIDENCE.get(r, 0.5) for r in rules)
    if ambiguous:
        confidence = min(confidence, 0.55)
    if entry is None:
        confidence = min(0.95, confidence + 0.05 * (len(group) - 1) + 0.1 * bool(cue_types))
    mentions = list(dict.fromkeys(m.text for m in group))
    mentions += _forms_around_bracket(mentions)
    mentions += _forms_without_kind_noun(mentions)
    mentions += _forms_without_direction(mentions)
    if entry is not None:
        mentions += _entry_forms_inside(mentions, entry)
    known_data = entry is not None and entry.type in _DATA_TYPES
    mentions += _headed_forms(group, text, plain_words=entry is None or known_data, titled_heads=known_data)
    return ExtractedEntity(
        name=_without_quotes(name) if entry is None else name,
        type=type_,
        mentions=mentions,
        evidence=evidence,
        proposed=relation is Relation.PROPOSES,
        relation=relation.value,
        confidence=round(confidence, 3),
        sources=sorted(rules),
        catalogue_id=entry.id if entry is not None and entry in catalogue.lookup(entry.name) else None,
        parent=parent,
        typed_by=typed_by,
    )


def _without_quotes(name: str) -> str:
    """``name`` without the quotation marks a paper set around it or a word of it (its mentions
    keep them, as written).

    >>> _without_quotes('"LazImpa"'), _without_quotes("Zero-Shot” image Artifact Reduction")
    ('LazImpa', 'Zero-Shot image Artifact Reduction')
    >>> _without_quotes("Hutchinson’s trace estimator")
    'Hutchinson’s trace estimator'
    """
    if '"' not in name and "“" not in name and "”" not in name:
        return name
    return _QUOTE_MARKS.sub("", name).strip() or name


_QUOTE_MARKS = re.compile(r"[\"“”]")


def _named_as_own(name: str, before: str, after: str, opens_abstract: bool) -> bool:
    """Whether a name no catalogue knows is the paper's own by where it stands: after "our",
    ending its noun phrase ("On our EditVerse-Bench and ..."; not a modifier: "our EV k-means",
    "our MT system"), right after the model the paper trains ("we train a 7B model, X, that
    ..."), or opening the abstract to say what it is ("X is a byte-pair tokenizer"; not "X is a
    widely used benchmark").

    >>> _named_as_own("Zorb-Bench", "On our ", " and on X, it wins.", False)
    True
    >>> _named_as_own("EV", "We validate our ", " k-means.", False)
    False
    >>> _named_as_own("Zorb-7B", "We train a 7B model, ", ", that wins.", False)
    True
    >>> own = lambda after: _named_as_own("Zorblin", "", after, True)
    >>> own(" is a DNA tokenizer."), own(" is a widely used set.")
    (True, False)
    """
    if _NAMEISH.match(name) is None:
        return False
    return (
        (before.endswith(("our ", "Our ")) and _PHRASE_ENDS.match(after) is not None)
        or (before.endswith(", ") and _trained_by_us(before))
        or (opens_abstract and _IS_A_AFTER.match(after) is not None)
    )


def _trained_by_us(before: str) -> bool:
    """Whether ``before`` (a sentence up to a name) ends on the kind of thing the paper trains:
    "We train a 7B model, ", or with "we" earlier in the sentence, "..., and train a reward
    model, " (not "Others pretrain a model, and train a reward model, ").

    >>> _trained_by_us("We introduce X, a video model, and train a reward model, ")
    True
    >>> _trained_by_us("They introduce X, and train a reward model, ")
    False
    """
    found = _TRAINED_KIND_BEFORE.search(before[-80:])
    if found is None:
        return False
    return found.group(0)[0] in "Ww" or _WE.search(before) is not None


_WE = re.compile(r"\b[Ww]e\b")


def _score_unit(name: str, before: str) -> bool:
    """Whether ``name`` is short enough to be a metric's unit and right after a decimal score:
    "reaches 39.8 APr".

    >>> _score_unit("APr", "it reaches 39.8 "), _score_unit("APr", "it reaches ")
    (True, False)
    >>> _score_unit("Zorbnets", "it reaches 8.5 ")
    False
    """
    if _SHORT_UNIT.fullmatch(name) is None:
        return False
    score = _SCORE_BEFORE.search(before[-14:])  # a decimal one: "8 GPUs" counts, it scores nothing
    return score is not None and "." in score.group(0)


def _hyphenated_long_form(text: str) -> bool:
    """Whether ``text``, one side of an abbreviation pair with no space, can be its long form:
    a hyphenated word with a lower-case part after its first ("Text-to-LoRA"; not "GRPO-ATS").

    >>> [_hyphenated_long_form(t) for t in ("Text-to-LoRA", "GRPO-ATS", "LoRA")]
    [True, False, False]
    """
    return any(part.isalpha() and part.islower() for part in text.split("-")[1:])


def _renamed_by_own(entry: CatalogueEntry, evidence: list[Evidence], cue_types: Counter[str]) -> bool:
    """Whether the paper proposes something of another kind under a catalogue entry's name that
    is a plain word or an acronym ("We present Sparrow, a decoding strategy" is no Sparrow
    dialogue model; "RACE, a reference-based framework" is no RACE reading benchmark).

    >>> entry = CatalogueEntry(name="Sparrow", type="Model")
    >>> ev = Evidence("Sparrow", 11, 18, "We present Sparrow, a decoding strategy.", 0, "proposes")
    >>> _renamed_by_own(entry, [ev], Counter({"Method": 1}))
    True
    >>> _renamed_by_own(entry, [ev._replace(relation="uses")], Counter({"Method": 1}))
    False
    >>> _renamed_by_own(entry, [ev], Counter({"Method": 1, "Model": 1}))  # one cue agrees
    False
    >>> longer = CatalogueEntry(name="VidGen-1M", type="Dataset", aliases=("VidGen",))
    >>> ev = Evidence("VidGen", 13, 19, "We introduce VidGen, a video diffusion model.", 0, "proposes")
    >>> _renamed_by_own(longer, [ev], Counter({"Model": 1}))
    True
    """
    if cue_types and _proposed_in_another_case(entry, evidence):
        return True
    plain = _PLAIN_CAPITAL_WORD.fullmatch(entry.name) or _ACRONYM_WORD.fullmatch(entry.name)
    # ... or the paper writes only the first word of a longer name ("We introduce VidGen, a
    # video diffusion model" is no VidGen-1M data set; an acronym is no first word: LSTM)
    plain = plain or all(
        _ONE_WORD_ALIAS.fullmatch(ev.text) and entry.name.startswith(ev.text) and ev.text != entry.name
        for ev in evidence
    )
    if not cue_types or not plain:
        return False
    if any(ev.text.islower() for ev in evidence):
        return False  # "autoencoder" is the class of models, whatever the paper builds on it
    if not any(ev.relation == Relation.PROPOSES.value for ev in evidence):
        return False
    if cue_types[entry.type]:
        return False  # "Hymba: A Hybrid-head Architecture ..., a family of small language models"
    cue = cue_types.most_common(1)[0][0]
    return cue != entry.type and not (cue in _DATA_TYPES and entry.type in _DATA_TYPES)


def _proposed_in_another_case(entry: CatalogueEntry, evidence: list[Evidence]) -> bool:
    """Whether the paper proposes a name of capitals alone that it writes in another case than
    every form of the catalogue entry it matched: "We present LIRA, a recipe" is no LiRA attack.

    >>> lira = CatalogueEntry("Likelihood Ratio Attack", "Method", aliases=("LiRA",))
    >>> ev = Evidence("LIRA", 11, 15, "We present LIRA, a recipe.", 0, "proposes")
    >>> _proposed_in_another_case(lira, [ev]), _proposed_in_another_case(lira, [ev._replace(text="LiRA")])
    (True, False)
    """
    if not any(ev.relation == Relation.PROPOSES.value for ev in evidence):
        return False
    forms = set(entry.forms)
    return all(_ACRONYM_WORD.fullmatch(ev.text) and ev.text not in forms for ev in evidence)


#: a name of capital letters alone: "RACE"
_ACRONYM_WORD = re.compile(r"[A-Z]{2,8}")
#: one word of letters, the first a capital: "VidGen", "Sparrow"
_ONE_WORD_ALIAS = re.compile(r"[A-Z][A-Za-z]+")


#: a word of evaluation in the sentence of a benchmark it uses
_EVALUATION_WORD = re.compile(
    # (or a result: "when used to guide beam search on MATH-500, X improves accuracy")
    r"\b(?:evaluat\w*|benchmark(?:ed|ing)|test(?:ed|ing)?|assess\w*|measur\w*|improv\w*|accuracy|outperform\w*|"
    r"achiev\w*)\b",
    re.I,
)


def _benchmarks_evaluated_with(evidence: list[Evidence]) -> list[Evidence]:
    """The evidence of a benchmark, where one used in a sentence that evaluates ("we evaluate
    with the X benchmark", "using X, we test ...") is evaluated on.

    >>> ev = Evidence("X", 28, 29, "We evaluate with the benchmark X.", 0, "uses")
    >>> [e.relation for e in _benchmarks_evaluated_with([ev])]
    ['evaluates_on']
    """
    return [
        ev._replace(relation=Relation.EVALUATES_ON.value)
        if (ev.relation == Relation.USES.value and _evaluated_in_sentence(ev))
        or (ev.relation == Relation.MENTIONS.value and _improved_by_a_score(ev))
        else ev
        for ev in evidence
    ]


def _improved_by_a_score(evidence: Evidence) -> bool:
    """Whether the sentence of ``evidence`` moves a score on the name by a number: "The
    curriculum improves MMMU, MMBench and X by 1.2 to 2.4 points".

    >>> text = "It improves MMMU and X by 2 points."
    >>> _improved_by_a_score(Evidence("X", 22, 23, text, 0))
    True
    """
    offset = evidence.start - evidence.sentence_start
    before, after = evidence.sentence[max(0, offset - 100) : offset], evidence.sentence[offset:]
    return _SCORE_VERB_BEFORE.search(before) is not None and _BY_A_NUMBER_AFTER.match(after) is not None


#: a verb that moves a score, then no clause boundary up to the name
_SCORE_VERB_BEFORE = re.compile(r"\b(?:improv|boost|rais|increas|lift|push|enhanc)\w*\s[^.;:]{0,80}$", re.I)
#: the list the name ends, up to "by <number>"
_BY_A_NUMBER_AFTER = re.compile(r"[^.;:()]{0,80}?\s+by\s+(?:up\s+to\s+|about\s+|over\s+)?\d")


def _evaluated_in_sentence(evidence: Evidence) -> bool:
    """Whether the sentence of ``evidence`` evaluates with the name: it has a word of evaluation,
    and the name is not trained on before the sentence turns to evaluating ("we train routers on
    X and evaluate them on Y"; but "we evaluate by fine-tuning BERT on X" evaluates on X)."""
    before = evidence.sentence[: evidence.start - evidence.sentence_start]
    if _EVALUATION_WORD.search(before):
        return True
    return _EVALUATION_WORD.search(evidence.sentence) is not None and not trained_on(before)


#: a head noun after a name that makes the name a modifier: "a few-shot learning approach"
_METHOD_HEAD = re.compile(
    # (a lower-case word may stand between: "a text-to-image representation method")
    r"[\s\-]+(?:based[\s\-]+)?(?:[a-z][a-z\-]*\s+)?(?:approach|method|framework|model|algorithm|technique|system|"
    r"pipeline|network|architecture|scheme|strategy|paradigm|dataset|benchmark|corpus|procedure|mechanism|"
    r"module|scenario|training|formulation|methodolog(?:y|ie))s?\b",
    re.I,
)


#: a plain lower-case first word: "cotraining", "model based RL", but not "svdRNN" or "word2vec"
_LOWER_WORD = re.compile(r"[a-z]+(?![\w])")


def _modifiers_not_proposed(
    evidence: list[Evidence], text: str, *, any_case: bool, known: bool = False
) -> list[Evidence]:
    """The evidence, where "we propose a <name> approach" proposes the approach and only uses
    the name: a task's, one written in lower case as a kind ("a cotraining approach", "a
    model based RL algorithm"), or a known name after an article and up to two words ("a new
    RLVR paradigm"), not the paper's own name ("the DRH approach", "our svdRNN method", "a
    FooNet model"). A known name is also only used when it ends a longer capitalised name, when
    it is the kind of a name that follows ("a novel GAN, PreImageGAN"), and any name a
    proposal is based on ("an LP based algorithm"); a short form in brackets goes with its
    long form.

    >>> text = "We propose a few-shot learning approach."
    >>> ev = Evidence("few-shot learning", 13, 30, text, 0, "proposes")
    >>> [e.relation for e in _modifiers_not_proposed([ev], text, any_case=False)]
    ['uses']
    """
    out = []
    for ev in evidence:
        if ev.relation == Relation.PROPOSES.value:
            before = max(0, ev.start - 40)
            after_article = known and _ARTICLE_BEFORE.search(text, before, ev.start) is not None
            modifier = (any_case or after_article or _LOWER_WORD.match(ev.text) is not None) and bool(
                _METHOD_HEAD.match(text, ev.end)
            )
            # "we designed a Contextual Recurrent Convolutional Network", "we propose Video-level
            # 4D CNNs", "the Cramér GAN": the longer name is new (not at a sentence's start)
            tail = known and _CAPITAL_BEFORE.search(text, max(0, ev.start - 30), ev.start) is not None
            # "a novel GAN, PreImageGAN", "a new HRL framework, HAC": the kind of the named one
            kind = after_article and _NAMED_AFTER.match(text, ev.end) is not None
            # "a Linear Programming (LP) based algorithm": what it is built on
            based = _BASED_AFTER.match(text, ev.end) is not None
            # a known name the proposal is an instance or a variant of ("a genetic algorithm
            # that ...", "the 2-simplicial Transformer", "top-k multiclass SVM"), or applies
            # ("we introduce contrastive learning to enhance ...")
            # ... unless the words before name it: "a 7B LLM called Janus", "a small dataset s1K"
            named = _NAMING_BEFORE.search(text, before, ev.start) is not None or (
                _DATA_KIND_BEFORE.search(text, before, ev.start) is not None
                and _NAMEISH.match(ev.text) is not None
            )
            instance = (
                known
                and not named
                and (
                    _INSTANCE_BEFORE.search(text, before, ev.start) is not None
                    or _APPLIED_AFTER.match(text, ev.end) is not None
                )
            )
            # "we train GPT-2, a 124M model, on ...": a known model trained again is not new
            # "our GPT-4 baseline": a known name the paper writes as its own is only used too
            not_new = known and (
                _KNOWN_NOT_NEW_BEFORE.search(text, max(0, ev.start - 100), ev.start) is not None
                or _OUR_BEFORE.search(text, max(0, ev.start - 10), ev.start) is not None
            )
            # "the proposed DocNADE extension": what is new is the extension
            extended = _EXTENSION_AFTER.match(text, ev.end) is not None
            if modifier or tail or kind or based or instance or not_new or extended:
                ev = ev._replace(relation=Relation.USES.value)
        out.append(ev)
    # the short form in brackets right after its long form goes with it: "a new Hierarchical
    # Reinforcement Learning (HRL) framework, HAC"
    ends = {ev.end: ev.relation for ev in out}
    return [
        ev._replace(relation=Relation.USES.value)
        if ev.relation == Relation.PROPOSES.value
        and text[max(0, ev.start - 2) : ev.start] == " ("
        and ends.get(ev.start - 2) == Relation.USES.value
        else ev
        for ev in out
    ]


#: a capitalised word right before a name, of which the name is then the last part
_CAPITAL_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b(?:[A-Z][^\W\d_]+|\d+[A-Z]\w*|[A-Z]+)(?:-[\w]+)?\s+$")
#: a name the paper gives the thing right after a known kind: "a novel GAN, PreImageGAN",
#: "Video-level 4D CNNs, namely V4D", "a new HRL framework, Hierarchical Actor-Critic"
_NAMED_AFTER = re.compile(
    r"(?:\s*\([^)]{1,20}\))?(?:\s+[a-z][\w\-]*){0,2}"
    r"(?:,\s+(?:namely\s+|called\s+|dubbed\s+|named\s+)?|\s+(?:called|dubbed|named|termed)\s+[\"“']?)[A-Z]"
)
#: what makes a known name the kind of the proposed thing rather than the thing: an indefinite
#: article ("a genetic algorithm (GA) that"), the definite one with lower-case modifiers ("the
#: 2-simplicial Transformer"), or modifiers right after the verb ("propose Bayesian hypernetworks")
_INSTANCE_BEFORE = re.compile(
    r"\b(?:an?\s+(?:[\w\-]+\s+){0,3}|the\s+(?:[a-z0-9][\w\-]*\s+){1,3}"
    r"|(?:propose|introduce|present|design|develop)(?:s|d|ed)?\s+"
    r"(?:(?!(?:the|a|an|our|this|these)\b)(?:[a-z][\w\-]*|[A-Z][a-z]+)\s+){1,3})$"
)
#: the naming of the proposed thing, which the name after it is: "a 7B LLM called Janus", "a
#: phenomenon we call weak-to-strong generalization"
_NAMING_BEFORE = re.compile(r"\b(?:call(?:s|ed)?|name[sd]?|dub(?:bed)?|term(?:ed)?|coined)\s+[\"“'‘]?$")
#: the kind of data right before a name, which it names: "we curate a small dataset s1K"
_DATA_KIND_BEFORE = re.compile(r"\b(?:dataset|corpus|benchmark|suite)\s+$")
#: a known name applied to something: "we introduce contrastive learning to enhance ...", "into"
_APPLIED_AFTER = re.compile(r"\s+(?:to\s+(?!the\b)[a-z]+|into)\b")
#: a word after a name that makes the proposal a version of it
_EXTENSION_AFTER = re.compile(r"\s+(?:extension|variant|version|modification|adaptation)s?\b")
#: "our" right before a name
_OUR_BEFORE = re.compile(r"\bour\s+$", re.I)
#: a verb of training or "denoted as" right before a name, or of deriving before it in its
#: clause: a known name so written is nothing new ("we derive the ELBO", "the bound, denoted as
#: ELBO", "we derive fixed-point quantization rules")
_KNOWN_NOT_NEW_BEFORE = re.compile(
    r"\b(?:pre-?)?train(?:s|ed)?\s+(?:the\s+)?$|\b(?:denoted|referred\s+to)\s+as\s+$"
    r"|\bderive[sd]?\s+[^.;]{0,80}$"
    # "we distil Qwen2.5-72B into Llama-3.2-3B": a known model distilled into is the student
    r"|\b(?:distil|compress)\w*\b(?:[^.;]|\.(?=\d)){1,80}?\binto\s+$",
    re.I,
)
#: "X based", "X (XX)-based": a name that what is proposed is built on
_BASED_AFTER = re.compile(r"(?:\s*\([^)]{1,20}\))?[\s\-]+based\b(?!\s+on\b)")
#: an article, maybe with a word or two, right before a name: "a new RLVR paradigm",
#: "a cross-lingual R2R dataset", "an effective variational inference algorithm"
_ARTICLE_BEFORE = re.compile(r"\b(?:an?|the)\s+(?:[\w\-]+\s+){0,2}$", re.I)


_PLAIN_WORD = re.compile(r"[A-Z][a-z]+")
#: a data set's kind noun after its name, in lower case or Title Case
_DATA_HEAD = re.compile(r" ([Dd]ataset|[Cc]orpus|[Bb]enchmark)\b")


#: a long form, its short form in brackets, and the words that go on after it
_FORM_AROUND_BRACKET = re.compile(r"(.+?) \(([^()]+)\) (.+)")


def _forms_around_bracket(mentions: list[str]) -> list[str]:
    """The long form a mention such as "chain-of-thought (CoT) reasoning" writes before its
    short form's bracket, the short form, and the mention without the bracket: each is how the
    paper names it.

    >>> _forms_around_bracket(["chain-of-thought (CoT) reasoning"])
    ['chain-of-thought', 'CoT', 'chain-of-thought reasoning']
    """
    out = []
    for mention in mentions:
        if (around := _FORM_AROUND_BRACKET.fullmatch(mention)) is not None:
            long, short, rest = around.groups()
            out += [long, short, f"{long} {rest}"]
    return [form for form in dict.fromkeys(out) if form not in mentions]


#: a name written with its kind noun after it: "the M5 dataset", "the Mip-NeRF 360 dataset"
_KIND_NOUN_ENDED = re.compile(r"(\S.*)\s(?:data ?sets?|benchmarks?|corpus)")


def _forms_without_kind_noun(mentions: list[str]) -> list[str]:
    """The name alone of a mention that writes a capitalised or numbered name with its kind noun
    after it ("M5 dataset", a catalogue form): it is how the paper names the thing, the noun
    only saying what kind it is. A plain word keeps its noun ("Honor dataset").

    >>> _forms_without_kind_noun(["M5 dataset", "Mip-NeRF 360 dataset", "Honor dataset", "M5"])
    ['Mip-NeRF 360']
    """
    out = []
    for mention in mentions:
        named = _KIND_NOUN_ENDED.fullmatch(mention)
        if named and not _PLAIN_WORD.fullmatch(named.group(1)) and re.search(r"[A-Z\d]", named.group(1)):
            out.append(named.group(1))
    return [form for form in dict.fromkeys(out) if form not in mentions]


def _forms_without_direction(mentions: list[str]) -> list[str]:
    """The shared task's name alone of a translation test set written with its direction:
    "IWSLT 2014 German-to-English" is also how the paper names IWSLT 2014.

    >>> _forms_without_direction(["IWSLT 2014 German-to-English", "WMT16 EN-DE", "WMT16", "Zorb EN-DE"])
    ['IWSLT 2014']
    >>> _forms_without_direction(["WMT 2014 English to French"])
    ['WMT 2014']
    """
    out = []
    for mention in mentions:
        if not _TRANSLATION_TASKS.match(mention):
            continue
        for cut in (i for i, c in enumerate(mention) if c == " "):  # "EN-DE", "German to English"
            if _direction_end(mention, cut, whole=True) is not None:
                out.append(mention[:cut])
                break
    return [form for form in dict.fromkeys(out) if form not in mentions]


def _entry_forms_inside(mentions: list[str], entry: CatalogueEntry) -> list[str]:
    """The entry's shorter forms that open or close a mention of it, as written there:
    "chain-of-thought reasoning" also writes "chain-of-thought", "long chain-of-thought" too.

    >>> cot = CatalogueEntry("Chain-of-Thought Prompting", "Method", aliases=("CoT", "chain-of-thought"))
    >>> _entry_forms_inside(["Chain-of-thought reasoning", "long chain-of-thought", "CoT"], cot)
    ['Chain-of-thought', 'chain-of-thought']
    """
    out = []
    for mention in mentions:
        if " " not in mention:
            continue
        folded = mention.casefold()
        for form in entry.forms:
            key = form.casefold()
            if len(key) < len(folded) and folded.startswith(key + " "):
                out.append(mention[: len(form)])
            elif len(key) < len(folded) and folded.endswith(" " + key):
                out.append(mention[-len(form) :])
    return [form for form in dict.fromkeys(out) if form not in mentions]


def _headed_forms(
    group: list[_Mention], text: str, *, plain_words: bool = True, titled_heads: bool = False
) -> list[str]:
    """ "Honor dataset" for a name that is a plain word written before its head noun (with
    ``plain_words``): the word alone is an ordinary word, so the head noun is part of how the
    name is written; and "CoNLL 2007 shared task" for a shared task's name written so, as its
    whole name.

    >>> m = _Mention(15, 20, "Honor", frozenset({"cue"}), (), None)
    >>> _headed_forms([m], "We test on the Honor dataset.")
    ['Honor dataset']
    >>> m = _Mention(4, 14, "CoNLL 2007", frozenset({"catalogue"}), (), None)
    >>> _headed_forms([m], "the CoNLL 2007 shared task on parsing", plain_words=False)
    ['CoNLL 2007 shared task']
    >>> m = _Mention(4, 23, "Wall Street Journal", frozenset({"catalogue"}), (), None)
    >>> _headed_forms([m], "the Wall Street Journal Dataset", plain_words=False, titled_heads=True)
    ['Wall Street Journal Dataset']
    """
    out = []
    for m in group:
        noun = _DATA_HEAD.match(text, m.end)
        # a lower-case noun after a plain word, or a Title Case one ("the Wall Street Journal Dataset")
        if noun and (
            (plain_words and _PLAIN_WORD.fullmatch(m.text) and noun.group(1).islower())
            or (titled_heads and not noun.group(1).islower())
        ):
            out.append(f"{m.text} {noun.group(1)}")
        elif head := _SHARED_TASK_AFTER.match(text, m.end):
            out.append(f"{m.text}{head.group(0)}")
    return list(dict.fromkeys(out))


_SHARED_TASK_AFTER = re.compile(r" [Ss]hared [Tt]asks?\b")


#: a name whose head is a score: whatever procedure computes it, it is a measure
_SCORE_NAME = re.compile(r"[ \-]Scores?$")


def _most_common_form(group: list[_Mention]) -> str:
    """The form written most often, singular forms winning ties; a long name set in capitals
    counts for its own spelling where the paper writes that too ("CHAMELEON" for Chameleon).

    >>> group = [_Mention(0, 0, t, frozenset(), (), None) for t in ["CHAMELEON", "Chameleon", "CHAMELEON"]]
    >>> _most_common_form(group)
    'Chameleon'
    """
    counts = Counter(m.text for m in group)
    spelt = {t.upper(): t for t in counts if not t.isupper()}
    for form in [t for t in counts if len(t) >= 8 and t.isupper() and t in spelt]:
        counts[spelt[form]] += counts.pop(form)
    return max(counts, key=lambda t: (counts[t], not t.endswith("s")))
