"""Cheap tests in front of slow regex searches in discovery and sentence splitting never
change an answer: each is compared with the plain search on generated text."""

from __future__ import annotations

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
