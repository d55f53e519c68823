"""Extraction quality on the hand-annotated gold sets, and what carries unseen names.

The floors here are the levels kg reaches today (recorded in the README and the issue note);
a change that lowers any of them fails. Targets still above a floor are named beside it.
"""

from __future__ import annotations

import pytest

from kg.api import read
from kg.evaluate import load_jsonl, score
from kg.nlp.pipeline import extract_papers, make_pipeline
from tests.conftest import SHARED

DEV_GOLD = SHARED / "gold" / "seeds-dev.jsonl"
SCIERC_GOLD = SHARED / "gold" / "scierc-test.jsonl"
SCIERC_TEXT = SHARED / "corpora" / "scierc" / "test.jsonl"


def _rows(nlp, inputs) -> list[dict]:
    papers, problems = read(inputs)
    assert not problems
    return [extraction.to_json() for extraction in extract_papers(papers, nlp)]


@pytest.fixture(scope="module")
def dev_score(nlp, seeds_dir):
    return score(load_jsonl(DEV_GOLD), _rows(nlp, [seeds_dir]))


@pytest.fixture(scope="module")
def unseen_score(seeds_dir):
    """Dev scores with every catalogue entry that names a dev-gold entity removed."""
    gold = load_jsonl(DEV_GOLD)
    forms = {f for row in gold for e in row["entities"] for f in [e["name"], *e.get("mentions", [])]}
    nlp = make_pipeline()
    ruler = nlp.get_pipe("kg_catalogue")
    before = len(ruler.catalogue)
    ruler.set_catalogue(ruler.catalogue.without(forms))
    assert len(ruler.catalogue) < before  # the check really removed something
    return score(gold, _rows(nlp, [seeds_dir]))


def test_dev_f1(dev_score):  # target 0.93
    assert dev_score.f1 >= DEV_F1_FLOOR, dev_score.as_dict()


def test_dev_typed_f1(dev_score):  # target 0.88
    assert dev_score.typed_f1 >= DEV_TYPED_F1_FLOOR, dev_score.as_dict()


def test_dev_precision_stays_high(dev_score):
    assert dev_score.precision >= 0.93, dev_score.as_dict()  # 0.925 on 2026-12-06, 0.938 on 2026-12-07


def test_dev_proposed_flags(dev_score):
    # what the paper introduces, over the matched entities (0.975 and 0.975 in the third
    # session of 2026-12-05, 1.000 and 0.975 in the fifth; one more miss would give 0.95)
    assert dev_score.proposed_precision >= 0.95, dev_score
    assert dev_score.proposed_recall >= 0.95, dev_score


def test_generalisation_recall_without_gold_names_in_the_catalogue(unseen_score):
    assert unseen_score.recall >= 0.81, unseen_score.as_dict()  # target 0.75


def test_scierc_partial_f1(nlp):  # target 0.80
    rows = _rows(nlp, [SCIERC_TEXT])
    result = score(load_jsonl(SCIERC_GOLD), rows, partial=True)
    assert result.f1 >= SCIERC_F1_FLOOR, result.as_dict()


DEV_F1_FLOOR = 0.96  # the target is 0.93, met on 2026-12-04 (0.935); 0.963 on 2026-12-07
DEV_TYPED_F1_FLOOR = 0.95  # 0.931 in the fifth session of 2026-12-05; 0.956 on 2026-12-07
# 0.690 on 2026-12-05 until "non-LR" stopped being a name (a prefix before an acronym is a
# modifier), which had been credited, by --partial overlap, for the gold row "LR (0) grammars";
# 0.713 in the fifth session of 2026-12-05
SCIERC_F1_FLOOR = 0.705
