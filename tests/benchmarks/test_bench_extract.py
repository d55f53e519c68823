"""Extraction throughput beside the bare spaCy tokenizer on the same real abstracts.

Prints abstracts/s for ``spacy.blank("en")``'s tokenizer and for kg's whole spaCy stage (one
process), and their ratio (target: kg at 50 % of the tokenizer or better). The number of
abstracts comes from ``KG_BENCH_PAPERS`` (default 300, so CI stays short)::

    KG_BENCH_PAPERS=3000 pytest tests/benchmarks/test_bench_extract.py -s --benchmark-enable
"""

from __future__ import annotations

import os
import time

import pytest
import spacy

from kg.api import read
from kg.nlp.pipeline import make_pipeline
from tests.conftest import SHARED

PAPERS = int(os.environ.get("KG_BENCH_PAPERS", "300"))


@pytest.fixture(scope="module")
def texts() -> list[str]:
    papers, _ = read([SHARED / "corpora" / "beese-ml-nlp", SHARED / "corpora" / "scitldr-a" / "test.jsonl"])
    texts = [p.text for p in papers]
    assert texts
    return (texts * (PAPERS // len(texts) + 1))[:PAPERS]


def _rate(run, texts: list[str], rounds: int = 3) -> float:
    best = min(_timed(run, texts) for _ in range(rounds))
    return len(texts) / best


def _timed(run, texts: list[str]) -> float:
    started = time.perf_counter()
    run(texts)
    return time.perf_counter() - started


def test_extraction_throughput_beside_the_tokenizer(texts, benchmark):
    blank = spacy.blank("en")
    nlp = make_pipeline()

    def tokenize(batch):
        for _ in blank.tokenizer.pipe(batch, batch_size=256):
            pass

    def extract(batch):
        for doc in nlp.pipe(batch, batch_size=256):
            assert doc._.kg_entities is not None

    tokenizer_rate = _rate(tokenize, texts)
    kg_rate = _rate(extract, texts)
    benchmark.extra_info.update(tokenizer_per_s=tokenizer_rate, kg_per_s=kg_rate)
    benchmark(extract, texts)
    print(
        f"\n{len(texts)} abstracts: tokenizer {tokenizer_rate:,.0f}/s, kg {kg_rate:,.0f}/s, "
        f"ratio {kg_rate / tokenizer_rate:.2f} (target 0.50)"
    )
    assert kg_rate > 0 and tokenizer_rate > kg_rate  # kg runs the tokenizer and more


def test_long_texts_without_full_stops_take_time_in_proportion_to_their_length(texts):
    """One text made of real abstracts run together without full stops (as a PDF's text without
    its punctuation may be), at 100 KB and at 400 KB: kg's time per kilobyte at both sizes. Rules
    that read the whole text or the whole sentence again for each name made the larger one far
    slower per kilobyte (8.4 s for 500 KB before the session of 2026-12-07's fix, 2.1 s after)."""
    from kg.nlp.pipeline import extract_papers
    from kg.records import Paper

    nlp = make_pipeline()
    run_on = " ".join(texts).replace(".", " ")
    list(extract_papers([Paper("warm", "A title", texts[0])], nlp))
    rates = {}
    for size in (100_000, 400_000):
        text = (run_on * (size // len(run_on) + 1))[:size]
        started = time.perf_counter()
        [extraction] = extract_papers([Paper("long", "A long text", text)], nlp)
        rates[size] = (time.perf_counter() - started) / (size / 1000)
        assert extraction.entities, size
    small, large = rates[100_000] * 1000, rates[400_000] * 1000
    print(
        f"\nlong texts without full stops: {small:.2f} ms/KB at 100 KB, {large:.2f} ms/KB at 400 KB"
        f" (ratio {large / small:.2f}; 1.0 is linear)"
    )


def test_a_long_list_of_names_takes_time_in_proportion_to_its_length():
    """One sentence listing 500 and 2,000 made-up names ("ZorbNet-0, ZorbNet-1, ..."): kg's
    time per kilobyte at both sizes. A pattern that read the rest of a list after each name
    (is it a list of robots?) made the longer list 4.5 times slower per kilobyte (8.4 s for
    4,000 names before the session of 2026-12-07's fix, 1.7 s after)."""
    from kg.nlp.pipeline import extract_papers
    from kg.records import Paper

    nlp = make_pipeline()
    list(extract_papers([Paper("warm", "A title", "We use BERT on GLUE.")], nlp))
    rates = {}
    for count in (500, 2_000):
        text = "".join(f"ZorbNet-{i}, " for i in range(count))
        started = time.perf_counter()
        [extraction] = extract_papers([Paper("list", "A long list", text)], nlp)
        rates[count] = (time.perf_counter() - started) / (len(text) / 1000)
        assert len(extraction.entities) >= count // 2, count
    short, long = rates[500] * 1000, rates[2_000] * 1000
    print(
        f"\na list of names: {short:.1f} ms/KB for 500, {long:.1f} ms/KB for 2,000 (ratio {long / short:.2f})"
    )
