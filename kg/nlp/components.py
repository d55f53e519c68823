"""kg's spaCy components: thin wrappers that turn plain-function results into spans.

=====================  ======================================================
factory                writes
=====================  ======================================================
``kg_catalogue``       ``doc.spans["kg_catalogue"]`` (label = type, kb_id = entry)
``kg_abbreviations``   ``doc._.kg_abbreviations`` and ``doc.spans["kg_abbreviations"]``
``kg_discovery``       ``doc.spans["kg_discovered"]`` (label = rule)
``kg_entities``        ``doc._.kg_entities`` and ``doc.spans["kg_entities"]``
=====================  ======================================================

Examples
--------
>>> import spacy
>>> from kg.nlp.pipeline import make_pipeline
>>> nlp = make_pipeline()
>>> doc = nlp("LoRA at Scale\\n\\nWe fine-tune Llama-2-7B with LoRA and test it on GSM8K.")
>>> sorted((e.name, e.type) for e in doc._.kg_entities if e.name == "GSM8K")
[('GSM8K', 'Benchmark')]
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from pathlib import Path

import srsly
from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from kg.nlp.abbreviations import AbbreviationPair, Piece, find_abbreviations
from kg.nlp.assemble import Candidate, assemble_entities, recased_word
from kg.nlp.catalogue import Catalogue, CatalogueEntry, load_catalogue
from kg.nlp.discovery import (
    called_names,
    cued_names,
    eponym_terms,
    introduced_phrases,
    phrase_names,
    precision_methods,
    repeated_mentions,
    setting_terms,
    shaped_names,
    shared_task_names,
    title_method_names,
    title_names,
    whole_title_names,
    without_owner,
)
from kg.nlp.patterncache import load_marshalled, load_patterns, save_marshalled, save_patterns
from kg.nlp.phrases import PhraseTrie
from kg.records import ExtractedEntity

__all__ = [
    "AbbreviationDetector",
    "CatalogueRuler",
    "EntityAssembler",
    "NameDiscoverer",
    "catalogue_tries",
    "doc_text",
    "matcher_plan",
    "pattern_forms",
    "token_values",
]


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per doc (spaCy rebuilds it from every token on each call)."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


def _pattern_tokenizer(nlp: Language):
    """A copy of ``nlp``'s tokenizer for the catalogue's patterns.

    Filling the pipeline's own tokenizer cache with tens of thousands of pattern strings
    makes it several times slower on running text afterwards (measured: 1.0 s → 4 s per
    1,000 abstracts), so patterns go through a twin that shares only the vocab.
    """
    from spacy.tokenizer import Tokenizer

    if not isinstance(nlp.tokenizer, Tokenizer):
        return nlp.tokenizer
    twin = Tokenizer(nlp.vocab)
    twin.from_bytes(nlp.tokenizer.to_bytes())
    return twin


def token_values(nlp: Language, forms: list[str], attr: int) -> list[tuple[int, ...]]:
    """The ``attr`` value (``ORTH`` or ``LOWER`` hash) of every token of every form, as
    :class:`~spacy.matcher.PhraseMatcher` patterns, tokenized the way ``nlp`` tokenizes text.

    The result is kept on disk (:mod:`kg.nlp.patterncache`) under a hash of the forms, the
    attribute, the spaCy version and the tokenizer's settings, and read back by later processes.

    >>> from kg.nlp.pipeline import make_pipeline
    >>> nlp = make_pipeline(use_shipped_catalogue=False)
    >>> [len(p) for p in token_values(nlp, ["GPT-4", "low-rank adaptation"], ORTH)]
    [3, 4]
    """
    if not forms:
        return []
    key = _patterns_key(nlp, forms, attr)
    patterns = load_patterns(key, len(forms))
    if patterns is None:
        patterns = _tokenized_values(nlp, forms, attr)
        save_patterns(key, patterns)
    return patterns


def _patterns_key(nlp: Language, forms: list[str], attr: int) -> str:
    """A hash of what :func:`token_values` gives for ``forms``."""
    import hashlib

    import spacy

    digest = hashlib.sha256(f"{spacy.__version__}\n{attr}\n".encode())
    digest.update(hashlib.sha256(nlp.tokenizer.to_bytes(exclude=["vocab"])).digest())
    digest.update("\n".join(forms).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


def _tokenized_values(nlp: Language, forms: list[str], attr: int) -> list[tuple[int, ...]]:
    """:func:`token_values`, computed: the forms run through a twin of ``nlp``'s tokenizer.

    The forms go through the tokenizer as one text, one per line, and are cut at the line
    breaks: a single call instead of one per form, and no pattern ``Doc`` objects (about four
    times faster for the shipped catalogue's forty thousand forms). Forms are single-spaced
    and one line each; if the cut does not give one pattern per form, each form is
    tokenized alone.
    """
    tokenizer = _pattern_tokenizer(nlp)
    if all("\n" not in form for form in forms):
        doc = tokenizer("\n".join(forms))
        newline = nlp.vocab.strings.add("\n")
        patterns: list[tuple[int, ...]] = []
        current: list[int] = []
        for orth, value in doc.to_array([ORTH, attr]).tolist():
            if orth == newline:
                patterns.append(tuple(current))
                current = []
            else:
                current.append(value)
        patterns.append(tuple(current))
        if len(patterns) == len(forms):
            return patterns
    return [tuple(doc.to_array(attr).tolist()) for doc in tokenizer.pipe(forms)]


def _ensure_extensions() -> None:
    for name in ("kg_abbreviations", "kg_entities"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def _case_sensitive(form: str, entry: CatalogueEntry) -> bool:
    letters = [c for c in form if c.isalpha()]
    return (
        entry.case_sensitive
        or form in entry.ambiguous_aliases
        or len(form) <= 4
        or (bool(letters) and all(c.isupper() for c in letters))
        # CamelCase: ComplEx; but "Self-Consistency" is written "self-consistency" just as often
        or (" " not in form and any(c.isupper() for c in form[1:]) and not _TITLE_HYPHENATED.fullmatch(form))
    )


#: Capitalised words joined by hyphens, with the small words between ("Plan-and-Solve")
_TITLE_HYPHENATED = re.compile(r"[A-Z][a-z]+(?:-(?:[A-Z][a-z]+|of|and|the|to|in|for|on|with))+")


def _plural(form: str) -> str | None:
    last = form.split()[-1] if form.split() else form
    if not last[-1:].isalpha() or "@" in last:  # "Recall@k" has no plural
        return None
    if last.isupper():
        return form + "s"
    if last.endswith(("s", "x", "ch", "sh")):
        return form + "es"
    if last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        return form[:-1] + "ies"
    return form + "s"


#: a head noun and what it is of, whose plural is the head's: "chains of thought", "mixtures of experts"
_HEAD_OF = re.compile(r"([A-Za-z]+)([ \-]of[ \-].+)")
#: two capitalised words joined by a hyphen, as two people's names are ("Bradley-Terry")
_EPONYM_PAIR = re.compile(r"([A-Z][a-z]+)-([A-Z][a-z]+)")
#: an upper-case acronym or a CamelCase name joined to its version or size ("GPT-4.1",
#: "CIFAR-10", "DenseNet-161"), which is also written in lower case, as model and data
#: identifiers are ("gpt-4.1", "cifar-10", "densenet-161")
_UPPER_VERSIONED = re.compile(r"(?:[A-Z]{2,}|[A-Z][a-z]+(?:[A-Z][a-z]*)+)-?\d[\w.\-]*")


#: CamelCase made of whole words of three letters or more: ImageNet, PageRank (not ComplEx, GloVe)
#: a grid or an image size, "32x32": also written "32×32", "32 × 32" and "32 x 32"
_GRID_SIZE = re.compile(r"(?<![\w.])(\d{1,4})\s?[x×]\s?(\d{1,4})(?![\w.])")
_CAMEL_WORDS = re.compile(r"[A-Z][a-z]{2,}(?:[A-Z][a-z]{2,})+")


_IZE = re.compile(r"(?<=[a-z]{3})i([sz])(ations?|es?|ed|ing|ers?)\b")
_YZE = re.compile(r"(?<=[a-z]{2})y([sz])(es?|ed|ing|ers?)\b")
_ELING = re.compile(r"(?<=[a-z]{2}e)(ll?)(ing|ed|ers?)\b")


def _swap_ize(form: str) -> str:
    """The other spelling of "-ize" / "-ise" words (and "-yze" / "-yse").

    >>> _swap_ize("text summarization"), _swap_ize("batch normalisation"), _swap_ize("noise")
    ('text summarisation', 'batch normalization', 'noise')
    """

    def swap(match: re.Match[str]) -> str:
        return match.group(0)[0] + ("s" if match.group(1) == "z" else "z") + match.group(2)

    return _YZE.sub(swap, _IZE.sub(swap, form))


def _swap_eling(form: str) -> str:
    """The other spelling of "-eling" / "-elling" words.

    >>> _swap_eling("language modeling"), _swap_eling("sequence labelling")
    ('language modelling', 'sequence labeling')
    """
    return _ELING.sub(lambda m: ("l" if m.group(1) == "ll" else "ll") + m.group(2), form)


#: British and American spellings of the same name are both matched
_OTHER_SPELLINGS = (_swap_ize, _swap_eling)


_SEPARATOR = re.compile(r"[ \-]")


#: a number joined to a lower-case noun: "5-datasets", a name only with its hyphen
_COUNT_AND_NOUN = re.compile(r"\d+-[a-z]")


def pattern_forms(entry: CatalogueEntry) -> list[tuple[str, bool]]:
    """Every surface form to match for ``entry``, with whether it is case-sensitive.

    Hyphen and space spellings of each form are both matched (for a long name of three or four
    words, any mix of them: "gradient-boosted decision trees"), and plurals are added, as are a
    typeset apostrophe ("Prisoner’s Dilemma") and "neural net" for "neural network". A
    CamelCase name of whole words, seven letters or more, is also matched with only its
    first capital ("Imagenet") and in capitals ("ROTOWIRE"), as written, since papers often
    spell it so; shorter ones would turn into plain words ("PlaNet", "Planet").

    >>> entry = CatalogueEntry("graph neural network", "Method", ("GNN",))
    >>> sorted(f for f, _ in pattern_forms(entry))[:6]
    ['GNN', 'GNNs', 'graph neural net', 'graph neural nets', 'graph neural network', 'graph neural networks']
    >>> [f for f, sensitive in pattern_forms(CatalogueEntry("Recall@K", "Metric")) if not sensitive]
    ['Recall@k']
    >>> sorted(f for f, _ in pattern_forms(CatalogueEntry("ImageNet 32x32", "Dataset")) if "32" in f)[:4]
    ['ImageNet 32 x 32', 'ImageNet 32 × 32', 'ImageNet 32x32', 'ImageNet 32×32']
    >>> sorted(pattern_forms(CatalogueEntry("GPT-4.1", "Model")))
    [('GPT 4.1', True), ('GPT-4.1', True), ('GPT4.1', True), ('gpt-4.1', True)]
    >>> forms = dict(pattern_forms(CatalogueEntry("5-datasets", "Benchmark")))
    >>> "5-datasets" in forms, "5 datasets" in forms
    (True, False)
    """
    out: dict[str, bool] = {}
    # a cut-off is written "@K" or "@k" alike: "Recall@K" is also "Recall@k", and so "recall@k"
    cutoffs = [f[:-1] + f[-1].swapcase() for f in entry.forms if f.endswith(("@K", "@k"))]
    for form in (*entry.forms, *cutoffs):
        sensitive = _case_sensitive(form, entry)
        variants = {form, form.replace(" ", "-")}
        if not _COUNT_AND_NOUN.match(form):  # ("5 datasets" counts data sets; "5-datasets" names some)
            variants.add(form.replace("-", " "))
        if _EPONYM_PAIR.search(form):  # "Bradley–Terry", as typeset with an en dash
            variants.add(_EPONYM_PAIR.sub("\\1–\\2", form))
        if _GRID_SIZE.search(form):  # "ImageNet 32 × 32", as typeset
            variants |= {_GRID_SIZE.sub(f"\\1{times}\\2", form) for times in ("x", "×", " × ", " x ")}
        if "'" in form:  # "Prisoner’s Dilemma", with a typeset apostrophe
            variants.add(form.replace("'", "’"))
        if form.lower().endswith("neural network"):  # "Bayesian neural nets"
            variants.add(form[: -len("work")])
        if "-" in form and len(form) > 5:
            variants.add(form.replace("-", ""))
        if len(form) >= 7 and _CAMEL_WORDS.fullmatch(form):  # "Imagenet": written flat (not "Planet")
            variants.add(form[0] + form[1:].lower())
            variants.add(form.upper())  # "ROTOWIRE", as some papers set a data set's name
        separators = _SEPARATOR.findall(form)
        if not sensitive and 2 <= len(separators) <= 3:  # "gradient-boosted decision trees"
            parts = _SEPARATOR.split(form)
            for joins in itertools.product(" -", repeat=len(separators)):
                variants.add(parts[0] + "".join(j + part for j, part in zip(joins, parts[1:], strict=True)))
        if not sensitive:  # "text summarisation", "language modelling"
            variants |= {spelling(v) for v in variants for spelling in _OTHER_SPELLINGS}
        for variant in list(variants):
            plural = _plural(variant)
            if plural:
                variants.add(plural)
            if not sensitive and (of := _HEAD_OF.fullmatch(variant)):  # "chains of thought"
                head_plural = _plural(of.group(1))
                if head_plural:
                    variants.add(head_plural + of.group(2))
        # "plan and solve" in plain words is English; only "Plan and Solve" names the method
        spaced_as_written = not sensitive and bool(_TITLE_HYPHENATED.fullmatch(form))
        if sensitive and _UPPER_VERSIONED.fullmatch(form):  # "gpt-4.1", "cifar-10", "cifar10": as an id
            variants.add(form.lower())
        for variant in variants:
            variant = " ".join(variant.split())
            variant_sensitive = sensitive or (spaced_as_written and " " in variant)
            if variant and (variant not in out or variant_sensitive is False):
                out[variant] = out.get(variant, True) and variant_sensitive
    return sorted(out.items())


def catalogue_tries(
    nlp: Language, catalogue: Catalogue
) -> tuple[list[list[CatalogueEntry]], PhraseTrie, PhraseTrie]:
    """The catalogue matchers of ``nlp``: the entry groups of :func:`matcher_plan`, and a
    :class:`~kg.nlp.phrases.PhraseTrie` of the exact and of the case-folded forms whose keys
    index the groups.

    Making them takes about a second for the shipped catalogue; every process that extracts
    needs them before its first paper. So they are kept on disk (:mod:`kg.nlp.patterncache`)
    under a hash of kg's code, what :func:`pattern_forms` and the grouping read of every
    entry, the tokenizer and the spaCy and Python versions, and read back in a tenth of that.

    >>> from kg.nlp.pipeline import make_pipeline
    >>> cat = Catalogue.from_entries([CatalogueEntry("Low-Rank Adaptation", "Method", ("LoRA",))])
    >>> groups, exact, folded = catalogue_tries(make_pipeline(use_shipped_catalogue=False), cat)
    >>> [e.name for e in groups[0]], len(exact), len(folded)
    (['Low-Rank Adaptation'], 2, 12)
    """
    key = _tries_key(nlp, catalogue) if catalogue.ids_unique else None
    saved = load_marshalled("tries", key) if key is not None else None
    try:
        ids, exact, folded = saved  # type: ignore[misc]
        groups = [[catalogue.by_id(i) for i in group] for group in ids]
        if all(None not in group for group in groups):
            return groups, PhraseTrie(exact), PhraseTrie(folded)  # type: ignore[return-value]
    except (ValueError, TypeError):
        pass  # nothing saved, or not what this code saves: made again below
    groups, forms_of = matcher_plan(catalogue)
    tries = []
    for prefix, attr in (("=", ORTH), ("~", LOWER)):
        trie = PhraseTrie()
        planned = forms_of[prefix]
        keywords = iter(token_values(nlp, [f for _, forms in planned for f in forms], attr))
        for group, forms in planned:
            trie.add(group, [next(keywords) for _ in forms])
        tries.append(trie)
    if key is not None:
        ids = [[entry.id for entry in group] for group in groups]
        save_marshalled("tries", key, (ids, tries[0].state, tries[1].state))
    return groups, tries[0], tries[1]


def _tries_key(nlp: Language, catalogue: Catalogue) -> str:
    import hashlib
    import sys

    import orjson
    import spacy

    from kg.codehash import code_hash

    digest = hashlib.sha256(f"{code_hash()}\n{spacy.__version__}\n{sys.version}\n".encode())
    digest.update(hashlib.sha256(nlp.tokenizer.to_bytes(exclude=["vocab"])).digest())
    if catalogue.fingerprint is not None:  # the hash of the files it was loaded from
        digest.update(f"files {catalogue.fingerprint}".encode())
        return digest.hexdigest()[:32]
    for entry in catalogue:
        read = [entry.id, entry.forms, entry.case_sensitive, sorted(entry.ambiguous_aliases)]
        digest.update(orjson.dumps(read))
    return digest.hexdigest()[:32]


def matcher_plan(catalogue: Catalogue) -> tuple[list[list[CatalogueEntry]], dict[str, list]]:
    """What the catalogue matchers hold: groups of entries, and the forms of each group.

    Every form of :func:`pattern_forms` goes under the list of entries that share it, once
    exactly as written (``"="``) or once case-folded (``"~"``); each distinct list of entries
    is a group. Returns the groups, and per prefix ``[group index, forms]`` pairs.

    >>> cat = Catalogue.from_entries([CatalogueEntry("Low-Rank Adaptation", "Method", ("LoRA",))])
    >>> groups, forms = matcher_plan(cat)
    >>> [e.name for e in groups[0]], forms["="][0][1], len(forms["~"][0][1])
    (['Low-Rank Adaptation'], ['LoRA', 'LoRAs'], 12)
    """
    buckets: dict[str, list[CatalogueEntry]] = {}  # "=Form" (exact) or "~form" (folded)
    # a folded form is tokenized as first written, not lower-cased: the tokenizer's
    # exceptions depend on case ("Dr. GRPO" is two tokens, "dr. grpo" three)
    written: dict[str, str] = {}
    for entry in catalogue:
        for form, sensitive in pattern_forms(entry):
            key = ("=" + form) if sensitive else ("~" + form.lower())
            written.setdefault(key, form)
            bucket = buckets.setdefault(key, [])
            if entry not in bucket:
                bucket.append(entry)
    # one matcher key per distinct list of entries, holding all of its forms
    groups: list[list[CatalogueEntry]] = []
    group_of: dict[tuple[str, ...], int] = {}
    forms_of: dict[str, dict[int, list[str]]] = {"=": {}, "~": {}}
    for key, entries in buckets.items():
        ids = tuple(e.id for e in entries)
        if ids not in group_of:
            group_of[ids] = len(groups)
            groups.append(entries)
        forms_of[key[0]].setdefault(group_of[ids], []).append(written[key])
    planned = {
        prefix: [[group, forms] for group, forms in by_group.items()] for prefix, by_group in forms_of.items()
    }
    return groups, planned


class CatalogueRuler:
    """Mark every catalogue name and alias in the text (a phrase matcher, case-aware).

    Short, upper-case or explicitly case-sensitive forms match only as written; the rest
    match in any case. An ambiguous form gets one span per entry that has it.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "kg_catalogue",
        *,
        catalogue_files: Iterable[str] = (),
        use_shipped: bool = True,
        spans_key: str = "kg_catalogue",
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.catalogue_files = list(catalogue_files)
        self.use_shipped = use_shipped
        self.set_catalogue(load_catalogue(self.catalogue_files, shipped=use_shipped))

    def set_catalogue(self, catalogue: Catalogue) -> None:
        """Replace the catalogue; the matchers are rebuilt before the next document.

        Building them takes seconds, so a pipeline made only to read its settings (the
        fingerprint of a build whose workers do the matching) never pays for it.
        """
        self.catalogue = catalogue
        self._ready = False

    @property
    def ready(self) -> bool:
        """Whether the matchers are built for the current catalogue."""
        return self._ready

    def prepare(self) -> None:
        """Build the matchers now if the catalogue changed since they were built.

        Call it outside ``nlp.memory_zone()``: strings added inside a zone are freed at its end.
        """
        if not self._ready:
            self._build_matchers()

    def _build_matchers(self) -> None:
        self._groups, self._exact, self._folded = catalogue_tries(self.nlp, self.catalogue)
        self._ready = True

    def match(self, doc: Doc) -> list[tuple[int, int, list[CatalogueEntry]]]:
        """``(start token, end token, entries)`` for each match: the exact ones, then the
        case-folded ones, each by start and end."""
        self.prepare()
        found = []
        values = doc.to_array([ORTH, LOWER]).T.tolist() if len(doc) else [[], []]
        for trie, attr_values in ((self._exact, values[0]), (self._folded, values[1])):
            for group, start, end in trie.find(attr_values):
                entries = self._groups[group]
                if trie is self._folded and end - start == 1 and recased_word(doc[start].text, entries):
                    continue
                found.append((start, end, entries))
        return found

    def set_annotations(self, doc: Doc, matches: list) -> None:
        """Write the matches as spans labelled with the entry's type."""
        spans = []
        for start, end, entries in matches:
            for entry in entries:
                spans.append(Span(doc, start, end, label=entry.type, kb_id=entry.id))
        doc.spans[self.spans_key] = spans

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the catalogue in use as JSONL."""
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "catalogue.jsonl", (e.to_json() for e in self.catalogue))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> CatalogueRuler:
        """Load the catalogue saved by :meth:`to_disk`."""
        path = ensure_path(path) / "catalogue.jsonl"
        if path.exists():
            self.set_catalogue(
                Catalogue.from_entries(CatalogueEntry.from_json(d) for d in srsly.read_jsonl(path))
            )
        return self


class AbbreviationDetector:
    """Find "long form (SF)" and "SF (long form)" pairs (Schwartz–Hearst)."""

    def __init__(self, nlp: Language, name: str = "kg_abbreviations") -> None:
        _ensure_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        pairs = find_abbreviations(doc_text(doc))
        doc._.kg_abbreviations = pairs
        spans = []
        for pair in pairs:
            for piece, label in ((pair.long, "LONG"), (pair.short, "SHORT")):
                span = doc.char_span(piece.start, piece.end, label=label, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.spans["kg_abbreviations"] = spans
        return doc


class NameDiscoverer:
    """Propose names no catalogue knows: name shapes, "Name: ..." titles, "called X"."""

    def __init__(self, nlp: Language, name: str = "kg_discovery") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        title_end = text.find("\n\n") if "\n\n" in text else len(text)
        found: list[tuple[Piece, str]] = [(p, "shape") for p in shaped_names(text)]
        found += [(p, "shape") for p in shared_task_names(text)]
        found += [(p, "called") for p in called_names(text)]
        found += [(p, "cue") for p in cued_names(text, title_end)]
        found += [(p, "cue") for p in eponym_terms(text, title_end)]
        found += [(p, "cue") for p in setting_terms(text)]
        found += [(p, "cue") for p in precision_methods(text)]
        found += [(p, "cue") for p in phrase_names(text, title_end)]
        found += [(p, "cue") for p in introduced_phrases(text, title_end)]
        found += [(head, "title") for head in title_names(text[:title_end], text[title_end:])]
        found += [(piece, "title") for piece in whole_title_names(text, title_end)]
        hits = doc.spans.get("kg_catalogue", ())
        known = [(span.start_char, span.end_char) for span in hits]
        models = [(span.start_char, span.end_char) for span in hits if span.label_ == "Model"]
        found += [(piece, "title") for piece in title_method_names(text, title_end, known, models)]
        for rule in ("title", "called", "cue"):
            # (a title's name of one hyphenated word too, which shapes do not always find:
            # "Wan-Edit attaches")
            joined = "-" if rule == "title" else " "
            pieces = [p for p, kind in found if kind == rule and (" " in p.text or joined in p.text)]
            found += [(other, rule) for other in repeated_mentions(text, pieces)]
        spans = []
        for piece, rule in found:
            piece = without_owner(piece)  # "Meta's Llama 2" names Llama 2
            span = doc.char_span(piece.start, piece.end, label=rule, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["kg_discovered"] = spans
        return doc


#: Labels of common trained NER pipelines that may name ML entities, and the type they hint.
NER_LABELS = {
    "PRODUCT": None,
    "WORK_OF_ART": None,
    "METHOD": "Method",
    "TASK": "Task",
    "METRIC": "Metric",
    "DATASET": "Dataset",
    "MATERIAL": "Dataset",
}


class EntityAssembler:
    """Merge every component's spans into typed per-paper entities (see :mod:`assemble`)."""

    def __init__(
        self,
        nlp: Language,
        name: str = "kg_entities",
        *,
        min_confidence: float = 0.0,
        catalogue_component: str = "kg_catalogue",
    ) -> None:
        _ensure_extensions()
        self.nlp = nlp
        self.name = name
        self.min_confidence = min_confidence
        self.catalogue_component = catalogue_component

    @property
    def catalogue(self) -> Catalogue:
        try:  # get_pipe is cheaper than building pipe_names for every document
            return self.nlp.get_pipe(self.catalogue_component).catalogue
        except KeyError:
            return Catalogue()

    def candidates(self, doc: Doc) -> list[Candidate]:
        """Every span the earlier components proposed, as plain candidates."""
        catalogue = self.catalogue
        out: list[Candidate] = []
        if "kg_catalogue" in doc.spans:
            for span in doc.spans["kg_catalogue"]:
                entry = catalogue.by_id(span.kb_id_)
                out.append(
                    Candidate(
                        span.start_char, span.end_char, span.text, "catalogue", (entry,) if entry else ()
                    )
                )
        if "kg_discovered" in doc.spans:
            for span in doc.spans["kg_discovered"]:
                out.append(Candidate(span.start_char, span.end_char, span.text, span.label_))
        ents = doc.ents if doc.has_annotation("ENT_IOB") else ()
        for span in ents:
            if span.label_ in NER_LABELS:
                out.append(
                    Candidate(span.start_char, span.end_char, span.text, "ner", type=NER_LABELS[span.label_])
                )
        return out

    def __call__(self, doc: Doc) -> Doc:
        pairs: list[AbbreviationPair] = doc._.kg_abbreviations or []
        entities = assemble_entities(
            doc_text(doc),
            self.candidates(doc),
            pairs,
            self.catalogue,
            min_confidence=self.min_confidence,
        )
        doc._.kg_entities = entities
        doc.spans["kg_entities"] = _entity_spans(doc, entities)
        return doc


def _entity_spans(doc: Doc, entities: list[ExtractedEntity]) -> list[Span]:
    spans = []
    for entity in entities:
        for ev in entity.evidence:
            span = doc.char_span(
                ev.start,
                ev.end,
                label=entity.type,
                kb_id=entity.catalogue_id or entity.name,
                alignment_mode="expand",
            )
            if span is not None:
                spans.append(span)
    return spans


@Language.factory(
    "kg_catalogue", default_config={"catalogue_files": [], "use_shipped": True, "spans_key": "kg_catalogue"}
)
def make_catalogue_ruler(
    nlp: Language, name: str, catalogue_files: list[str], use_shipped: bool, spans_key: str
) -> CatalogueRuler:
    """Factory for :class:`CatalogueRuler`."""
    return CatalogueRuler(
        nlp, name, catalogue_files=catalogue_files, use_shipped=use_shipped, spans_key=spans_key
    )


@Language.factory("kg_abbreviations")
def make_abbreviation_detector(nlp: Language, name: str) -> AbbreviationDetector:
    """Factory for :class:`AbbreviationDetector`."""
    return AbbreviationDetector(nlp, name)


@Language.factory("kg_discovery")
def make_name_discoverer(nlp: Language, name: str) -> NameDiscoverer:
    """Factory for :class:`NameDiscoverer`."""
    return NameDiscoverer(nlp, name)


@Language.factory(
    "kg_entities", default_config={"min_confidence": 0.0, "catalogue_component": "kg_catalogue"}
)
def make_entity_assembler(
    nlp: Language, name: str, min_confidence: float, catalogue_component: str
) -> EntityAssembler:
    """Factory for :class:`EntityAssembler`."""
    return EntityAssembler(nlp, name, min_confidence=min_confidence, catalogue_component=catalogue_component)
