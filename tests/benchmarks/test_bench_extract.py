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
