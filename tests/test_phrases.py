"""The catalogue's phrase matching: the trie finds what spaCy's PhraseMatcher finds, and the
tries kept on disk are read back as they were made."""

from __future__ import annotations

import gc
import itertools
import marshal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import LOWER, ORTH
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.nlp.catalogue import Catalogue, CatalogueEntry
from kg.nlp.components import catalogue_tries, matcher_plan, token_values
from kg.nlp.phrases import PhraseTrie
from kg.nlp.pipeline import make_pipeline

from .corpus import real_abstracts

WORDS = ["a", "b", "c", "d"]


def _spacy_matches(patterns: dict[int, list[list[str]]], words: list[str]) -> list[tuple[int, int, int]]:
    vocab = Vocab()
    matcher = PhraseMatcher(vocab)
    for key, forms in patterns.items():
        matcher.add(str(key), [Doc(vocab, words=form) for form in forms])
    doc = Doc(vocab, words=words) if words else Doc(vocab, words=[])
    return sorted((int(vocab.strings[m]), start, end) for m, start, end in matcher(doc))


def _trie_matches(patterns: dict[int, list[list[str]]], words: list[str]) -> list[tuple[int, int, int]]:
    vocab = Vocab()
    trie = PhraseTrie()
    for key, forms in patterns.items():
        trie.add(key, [[vocab.strings.add(w) for w in form] for form in forms])
    return sorted(trie.find([vocab.strings.add(w) for w in words]))


@pytest.mark.parametrize(
    "patterns, words",
    [
        ({0: [["a"]], 1: [["a", "b"]], 2: [["a", "b", "c"]]}, ["a", "b", "c", "a", "b"]),  # nested
        ({0: [["a", "a"]]}, ["a", "a", "a"]),  # overlapping occurrences of one pattern
        ({0: [["b", "c"]], 1: [["b", "c"]]}, ["a", "b", "c"]),  # one form under two keys
        ({0: [["a", "b"], ["a", "b"]]}, ["a", "b"]),  # a form twice under one key: found once
        ({0: [["c", "d"]]}, ["a", "b", "c"]),  # cut off at the end
        ({0: [["a"]]}, []),
    ],
)
def test_the_trie_finds_what_the_phrase_matcher_finds(patterns, words):
    assert _trie_matches(patterns, words) == _spacy_matches(patterns, words)


_forms = st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4), min_size=1, max_size=4)


@settings(max_examples=300, deadline=None)
@given(
    patterns=st.dictionaries(st.integers(0, 6), _forms, min_size=1, max_size=5),
    words=st.lists(st.sampled_from(WORDS), max_size=20),
)
def test_the_trie_agrees_with_the_phrase_matcher_on_any_patterns(patterns, words):
    assert _trie_matches(patterns, words) == _spacy_matches(patterns, words)


def test_matches_come_by_start_then_end():
    trie = PhraseTrie()
    trie.add(5, [(1, 2, 3), (2,)])
    trie.add(4, [(1,), (1, 2)])
    found = trie.find([1, 2, 3])
    assert [(start, end) for _, start, end in found] == sorted((start, end) for _, start, end in found)
    assert {key for key, _, _ in found} == {4, 5}


@pytest.fixture(scope="module")
def shipped_nlp():
    nlp = make_pipeline()
    nlp.get_pipe("kg_catalogue").prepare()
    return nlp


def test_the_ruler_matches_the_shipped_catalogue_as_a_phrase_matcher_does(shipped_nlp):
    """On 400 real abstracts, every match of the ruler's tries is one a PhraseMatcher holding
    the same patterns makes, in the same order (before the ruler drops re-cased words)."""
    ruler = shipped_nlp.get_pipe("kg_catalogue")
    groups, forms_of = matcher_plan(ruler.catalogue)
    matchers = {}
    for prefix, attr in (("=", ORTH), ("~", LOWER)):
        matcher = PhraseMatcher(shipped_nlp.vocab, attr="ORTH" if attr == ORTH else "LOWER")
        planned = forms_of[prefix]
        keywords = iter(token_values(shipped_nlp, [f for _, forms in planned for f in forms], attr))
        for group, forms in planned:
            matcher.add(str(group), [next(keywords) for _ in forms])
        matchers[prefix] = matcher
    strings = shipped_nlp.vocab.strings
    matched = 0
    for _, abstract in itertools.islice(real_abstracts(), 400):
        doc = shipped_nlp.make_doc(abstract)
        values = doc.to_array([ORTH, LOWER]).T.tolist()
        for prefix, trie, row in (("=", ruler._exact, values[0]), ("~", ruler._folded, values[1])):
            expected = [(int(strings[m]), s, e) for m, s, e in matchers[prefix](doc)]
            assert trie.find(row) == expected, abstract[:80]
            matched += len(expected)
    assert matched > 1000  # the shipped catalogue names something in most abstracts
    assert [e.name for e in groups[0]]  # groups hold entries


def test_the_shipped_tries_are_plain_integers_the_collector_never_walks(shipped_nlp):
    """Hundreds of thousands of nested dicts would cost every full collection of the process."""
    ruler = shipped_nlp.get_pipe("kg_catalogue")
    for trie in (ruler._exact, ruler._folded):
        edges, ends, _shared = trie.state
        assert len(edges) > 10_000 and len(ends) > 10_000
        assert not gc.is_tracked(edges) and not gc.is_tracked(ends)
    assert len(ruler._exact) + len(ruler._folded) > len(ruler.catalogue)


def test_a_trie_rejects_negative_keys_and_foreign_state():
    with pytest.raises(ValueError, match="0 or more"):
        PhraseTrie().add(-1, [(1,)])
    with pytest.raises(TypeError, match="edges, ends, shared"):
        PhraseTrie({1: {}})  # the nested dicts of an older kg


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "kg-cache"))
    return tmp_path / "kg-cache"


SAM = frozenset({"SAM"})
CATALOGUE = Catalogue.from_entries(
    [
        CatalogueEntry("Low-Rank Adaptation", "Method", ("LoRA",)),
        CatalogueEntry("GSM8K", "Benchmark"),
        CatalogueEntry("Segment Anything Model", "Model", ("SAM",), ambiguous_aliases=SAM),
        CatalogueEntry("Sharpness-Aware Minimization", "Method", ("SAM",), ambiguous_aliases=SAM),
    ]
)


def _found(tries, nlp, text):
    groups, exact, folded = tries
    doc = nlp.make_doc(text)
    values = doc.to_array([ORTH, LOWER]).T.tolist()
    return sorted(
        (doc[s:e].text, tuple(sorted(x.name for x in groups[g])))
        for trie, row in ((exact, values[0]), (folded, values[1]))
        for g, s, e in trie.find(row)
    )


TEXT = "We tune SAM with LoRA and low-rank adaptations on GSM8K."


def test_tries_are_kept_on_disk_and_read_back_the_same(folder):
    nlp = make_pipeline(use_shipped_catalogue=False)
    made = catalogue_tries(nlp, CATALOGUE)
    (saved,) = folder.glob("tries-*.bin")
    inode = saved.stat().st_ino
    read = catalogue_tries(nlp, CATALOGUE)
    assert saved.stat().st_ino == inode  # read, not written again (a new file replaces the old)
    assert _found(read, nlp, TEXT) == _found(made, nlp, TEXT)
    assert ("SAM", ("Segment Anything Model", "Sharpness-Aware Minimization")) in _found(read, nlp, TEXT)
    assert ("low-rank adaptations", ("Low-Rank Adaptation",)) in _found(read, nlp, TEXT)


def test_a_changed_catalogue_gets_tries_of_its_own(folder):
    nlp = make_pipeline(use_shipped_catalogue=False)
    catalogue_tries(nlp, CATALOGUE)
    grown = Catalogue.from_entries([*CATALOGUE, CatalogueEntry("MATH", "Benchmark")])
    found = _found(catalogue_tries(nlp, grown), nlp, "We test on MATH and GSM8K.")
    assert [name for name, _ in found] == ["GSM8K", "MATH"]
    assert len(list(folder.glob("tries-*.bin"))) == 2


@pytest.mark.parametrize("damage", [lambda data: data[:-5], lambda data: b"\x00" * 40, lambda data: b""])
def test_a_damaged_tries_file_is_made_again(damage, folder):
    nlp = make_pipeline(use_shipped_catalogue=False)
    made = catalogue_tries(nlp, CATALOGUE)
    (saved,) = folder.glob("tries-*.bin")
    saved.write_bytes(damage(saved.read_bytes()))
    assert _found(catalogue_tries(nlp, CATALOGUE), nlp, TEXT) == _found(made, nlp, TEXT)
    ids, exact, folded = marshal.loads(saved.read_bytes())  # written again, whole
    assert len(ids) == len(made[0]) and len(PhraseTrie(exact)) + len(PhraseTrie(folded)) > 4


def test_tries_without_a_cache_folder(monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", "off")
    nlp = make_pipeline(use_shipped_catalogue=False)
    assert ("GSM8K", ("GSM8K",)) in _found(catalogue_tries(nlp, CATALOGUE), nlp, TEXT)
