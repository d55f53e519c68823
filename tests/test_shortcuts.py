"""Cheap tests in front of slow regex searches in discovery and sentence splitting never
change an answer: each is compared with the plain search on generated text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.nlp import discovery, sentences

PIECES = [
    " ", "  ", "\n", "\n\n", "\t", ",", ", ", "/", ".", "!", "?", "and", "or", " and ", ",and ", " or ",
    "band", "GPT-4", "BERT", "x", "e.g.", "i.e.", "et al.", "Fig.", "approx.", "vs.", "A.", "3.5", "We",
    "It", "\"", ")", "(", "Xe.g.", "al.",
]  # fmt: skip
TEXT = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=1500, deadline=None)
@given(head=TEXT)
def test_list_separator_test_agrees_with_the_item_search(head):
    if discovery._ITEM_BEFORE.search(head):
        assert discovery._ends_with_list_separator(head)


def plain_sentence_bounds(text: str) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in sentences._END.finditer(text):
        end = match.end()
        if match.group(0).startswith((".", "!", "?")) and sentences._NO_BREAK.search(text[start:end]):
            continue
        sentences._append(text, start, end, bounds)
        start = end
    sentences._append(text, start, len(text), bounds)
    return bounds


@settings(max_examples=1500, deadline=None)
@given(text=TEXT)
def test_sentence_bounds_agree_with_searching_the_whole_sentence(text):
    assert sentences.sentence_bounds(text) == plain_sentence_bounds(text)


NAME_PIECES = [
    " ", "  ", "\n", "\u00a0", "GPT-4", "LLaMA", "Llama", "a", "We", "x2", "ImageNet", "-", "/", ".", "@",
    "#", "'s", "Kullback-Leibler", "ABC", "DEF", "AB-CD", "the", "٣", "é", "Ö", "_", "(", "’s", "McNemar",
    "Cramér",
]  # fmt: skip
#: what nameish_words stands in for: space-delimited words with a digit or an inner capital
NAMEISH_WORD = re.compile(r"(?<!\S)\S*?(?:\S[A-Z]|\d)\S*")
NAME_TEXT = st.lists(st.sampled_from(NAME_PIECES), max_size=30).map("".join)


@settings(max_examples=1500, deadline=None)
@given(text=NAME_TEXT, data=st.data())
def test_nameish_words_are_those_the_word_regex_finds(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected = [m.span() for m in NAMEISH_WORD.finditer(text, start, end)]
    assert discovery.nameish_words(text, start, end) == expected


ORIGINAL_FORMS = {
    "_CAPS_RUN": r"\b[A-Z][A-Z0-9]+(?:[ -][A-Z][A-Z0-9]+){1,3}(?:-[A-Z0-9]+)?\b",
    "_CAPITALISED_TOKEN": r"(?<![\w\-/.@#])[A-Z][a-z][\w'\-]*(?![\w\-/])",
    "_EPONYM": r"(?<![\w\-/.@#])(?:Mc[A-Z]|[A-Z])[a-zß-öø-ÿ]+(?:[-–][A-Z][a-zß-öø-ÿ]+)?"
    r"(?:['’]s)?(?=[ -][a-z])",
}


@settings(max_examples=1500, deadline=None)
@given(text=NAME_TEXT)
def test_capital_first_patterns_match_their_lookbehind_first_forms(text):
    for name, original in ORIGINAL_FORMS.items():
        fast = [m.span() for m in getattr(discovery, name).finditer(text)]
        assert fast == [m.span() for m in re.finditer(original, text)], name


NAME_PIECES = [
    "Foo Net", "Foo", " ", "-", "_", "x", "é", "٣", "Ⅷ", "\u00b2", "(", ".", "\n", "Foo NetFoo Net",
    "/", "@", "#",
]  # fmt: skip
NAME_TEXT = st.lists(st.sampled_from(NAME_PIECES), max_size=30).map("".join)


@settings(max_examples=1500, deadline=None)
@given(text=NAME_TEXT, name=st.sampled_from(["Foo Net", "Foo", "Net Foo", "Foo NetFoo Net"]))
def test_repeated_mentions_finds_what_the_whole_word_regex_finds(text, name):
    # (not inside a path or an address either: ".../Foo", "@Foo")
    pattern = re.compile(rf"(?<![\w\-/@#]){re.escape(name)}(?![\w\-])")
    expected = [m.start() for m in pattern.finditer(text)]
    piece = discovery.Piece(name, -1, -1)  # holds no place of the text
    assert [p.start for p in discovery.repeated_mentions(text, [piece])] == expected


@settings(max_examples=500, deadline=None)
@given(cuts=st.lists(st.integers(0, 60), max_size=12, unique=True), at=st.integers(-2, 62))
def test_outside_citations_agrees_with_a_scan(cuts, at):
    points = sorted(cuts)
    spans = list(zip(points[::2], points[1::2], strict=False))  # sorted, not overlapping
    assert discovery.outside_spans(spans, at) == (not any(s <= at < e for s, e in spans))


COMPARE_PIECES = [
    " ", "  ", "\n", ",", ".", "outperforms", "Outperform", "surpass", "beats", "beating", "compared to",
    "comparing with", "evaluated against", "gains over", "improvement over", "faster", "better", "than",
    " than ", "rather", "other", "er", "the", "strong", "baselines such as", "Wren", "x", "_", "é", "2",
    "-", "over", "benchmarked with",
]  # fmt: skip
COMPARE_TEXT = st.lists(st.sampled_from(COMPARE_PIECES), max_size=30).map("".join)


@settings(max_examples=1500, deadline=None)
@given(text=COMPARE_TEXT)
def test_comparison_openers_are_those_the_opener_regex_finds(text):
    plain = [
        m.end()
        for m in discovery._COMPARED_OPENER.finditer(text)
        if m.group(0).lower() not in discovery._NOT_COMPARED
    ]
    assert discovery.comparison_openers(text) == plain
