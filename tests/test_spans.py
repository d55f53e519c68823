"""kg.nlp.spans gives exactly the spans ``Doc.char_span(..., alignment_mode="expand")`` gives."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.nlp.spans import CharIndex
from kg.nlp.tokenizer import create_tokenizer

PIECES = ["GPT-4", " ", "  ", "\n\n", "\t", "(", ")", ",", ".", "S$^{2}$FT", "Llama-2-7B", "é", "☃", "-"]


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.tokenizer = create_tokenizer()(nlp)
    return nlp


@settings(max_examples=1000, deadline=None)
@given(pieces=st.lists(st.sampled_from(PIECES), max_size=20), data=st.data())
def test_spans_match_char_span_expand(nlp, pieces, data):
    doc = nlp.make_doc("".join(pieces))
    index = CharIndex(doc)
    size = len(doc.text)
    start = data.draw(st.integers(0, size))
    end = data.draw(st.integers(start, size))
    expected = doc.char_span(start, end, label="X", alignment_mode="expand")
    got = index.span(start, end, label="X")
    if expected is None:
        assert got is None
    else:
        assert got is not None
        assert (got.start, got.end, got.label_) == (expected.start, expected.end, expected.label_)
