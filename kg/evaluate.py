"""Scoring a ``kg extract`` output against hand-annotated gold JSONL (paper level).

The semantics are those of the project's shared scorer: papers meet by folded title; an
entity matches when a normalised surface form (name, mention or alias) is shared, or, with
``partial``, when one form's words lie inside the other's. Recall counts gold entities
flagged ``named``; precision counts a prediction right when it matches any gold entity;
typed scores also need the coarse type (Dataset and Benchmark are one class, Data) to agree.

Each prediction credits at most one gold entity. A gold set that lists coreferent forms of one
referent apart ("Noun Classifier Associations (NCA)" and a later bare "NCA" as two rows, as
span-level sets converted to paper level do) therefore counts the second form as missed when
the prediction merged them. :attr:`Score.shared_misses` counts those misses and
:attr:`Score.shared_recall` is the recall had each been credited, so a conflict between
conventions can be told apart from entities that were not found.

The ``proposed`` flag (what the paper introduces) is scored over the matched pairs too:
:attr:`Score.proposed_precision` and :attr:`Score.proposed_recall`.

Examples
--------
>>> gold = [{"title": "T", "entities": [{"name": "Low-Rank Adaptation", "type": "Method",
...          "mentions": ["LoRA"], "named": True}]}]
>>> pred = [{"title": "T", "entities": [{"name": "LoRA", "type": "Method"},
...          {"name": "Table", "type": "Method"}]}]
>>> s = score(gold, pred)
>>> s.precision, s.recall, s.typed_f1
(0.5, 1.0, 0.667)
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Score", "load_jsonl", "score"]

_COARSE = {"Dataset": "Data", "Benchmark": "Data"}
TYPES = ("Method", "Model", "Dataset", "Benchmark", "Task", "Metric")


def _norm(text: str) -> str:
    folded = re.sub(r"[^0-9a-z]+", "", text.lower())
    if len(folded) > 3 and folded.endswith("s") and not folded.endswith("ss"):
        folded = folded[:-1]
    return folded


def _title_key(title: str) -> str:
    return re.sub(r"\W+", " ", title.lower()).strip()


def _surface(entity: dict) -> list[str]:
    return [entity.get("name", ""), *(entity.get("mentions") or []), *(entity.get("aliases") or [])]


def _forms(entity: dict) -> set[str]:
    return {_norm(f) for f in _surface(entity)} - {""}


def _words(entity: dict) -> set[tuple[str, ...]]:
    out = set()
    for form in _surface(entity):
        words = tuple(w for w in (_norm(x) for x in re.findall(r"[A-Za-z0-9]+", form)) if w)
        if words:
            out.add(words)
    return out


def _contains(big: tuple, small: tuple) -> bool:
    n = len(small)
    return any(big[i : i + n] == small for i in range(len(big) - n + 1))


def _match(a: dict, b: dict, partial: bool) -> bool:
    if _forms(a) & _forms(b):
        return True
    if not partial:
        return False
    for x in _words(a):
        for y in _words(b):
            short, long_ = (x, y) if len(x) <= len(y) else (y, x)
            if max(len(t) for t in short) >= 2 and _contains(long_, short):
                return True
    return False


def _coarse(type_: str | None) -> str:
    type_ = (type_ or "").split("#")[-1].split("/")[-1]
    return _COARSE.get(type_, type_)


@dataclass
class Score:
    """Scores and the errors behind them."""

    papers_gold: int
    papers_missing: int
    gold_entities: int
    predicted: int
    precision: float
    recall: float
    f1: float
    typed_recall: float
    typed_f1: float
    recall_by_type: dict[str, float]
    precision_by_type: dict[str, float]
    #: misses that match a prediction already credited to another gold entity of the paper
    shared_misses: int = 0
    #: recall had those misses been credited too
    shared_recall: float = 0.0
    #: the ``proposed`` flag over matched pairs: how many of those the prediction flags are
    #: flagged in the gold, and how many the gold flags the prediction flags too
    proposed_precision: float = 0.0
    proposed_recall: float = 0.0
    misses: list[tuple[str, str, str]] = field(default_factory=list, repr=False)
    false_positives: list[tuple[str, str, str]] = field(default_factory=list, repr=False)

    def as_dict(self) -> dict:
        """The headline numbers, as the shared scorer's ``--json`` prints them."""
        return {
            "papers_gold": self.papers_gold,
            "papers_missing": self.papers_missing,
            "gold_entities": self.gold_entities,
            "predicted": self.predicted,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "typed_recall": self.typed_recall,
            "typed_f1": self.typed_f1,
            "recall_by_type": self.recall_by_type,
        }


#: who flags a matched pair proposed: (prediction, gold) -> both / the prediction / the gold
_FLAGGED_BY = {(True, True): "both", (True, False): "pred", (False, True): "gold"}


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(
    gold: Iterable[dict],
    pred: Iterable[dict],
    *,
    partial: bool = False,
    types: Iterable[str] = TYPES,
    all_gold: bool = False,
) -> Score:
    """Score predicted papers against gold papers (both as parsed JSONL rows)."""
    types = set(types)
    coarse_types = {_coarse(t) for t in types}
    gold_by = {_title_key(r["title"]): r for r in gold}
    pred_by: dict[str, list[dict]] = {}
    for row in pred:
        pred_by.setdefault(_title_key(row["title"]), []).extend(row.get("entities", []))
    tp = typed_tp = gold_n = fp = shared = 0
    proposed = Counter()  # over matched pairs: both flag it, only the prediction, only the gold
    per_gold: Counter[str] = Counter()
    per_hit: Counter[str] = Counter()
    per_pred: Counter[str] = Counter()
    per_pred_ok: Counter[str] = Counter()
    misses, fps = [], []
    for key, row in gold_by.items():
        gents = [e for e in row["entities"] if e["type"] in types]
        pents = [
            e for e in pred_by.get(key, []) if _coarse(e.get("type")) in coarse_types or not e.get("type")
        ]
        used: set[int] = set()
        for ge in gents:
            hit = next((i for i, pe in enumerate(pents) if i not in used and _match(ge, pe, partial)), None)
            if hit is not None:
                used.add(hit)
            if not (all_gold or ge.get("named", True)):
                continue
            gold_n += 1
            per_gold[_coarse(ge["type"])] += 1
            if hit is None:
                misses.append((row["title"], ge["type"], ge["name"]))
                shared += any(_match(ge, pents[i], partial) for i in used)
                continue
            tp += 1
            flags = (bool(pents[hit].get("proposed")), bool(ge.get("proposed")))
            proposed[_FLAGGED_BY.get(flags, "none")] += 1
            if _coarse(pents[hit].get("type")) == _coarse(ge["type"]):
                typed_tp += 1
                per_hit[_coarse(ge["type"])] += 1
        for pe in pents:
            per_pred[_coarse(pe.get("type"))] += 1
            if any(_match(pe, ge, partial) for ge in gents):
                per_pred_ok[_coarse(pe.get("type"))] += 1
            else:
                fp += 1
                fps.append((row["title"], pe.get("type", ""), pe.get("name", "")))
    predicted = sum(per_pred.values())
    precision = (predicted - fp) / predicted if predicted else 0.0
    recall = tp / gold_n if gold_n else 0.0
    typed_recall = typed_tp / gold_n if gold_n else 0.0
    return Score(
        papers_gold=len(gold_by),
        papers_missing=sum(1 for k in gold_by if k not in pred_by),
        gold_entities=gold_n,
        predicted=predicted,
        precision=round(precision, 3),
        recall=round(recall, 3),
        f1=round(_f1(precision, recall), 3),
        typed_recall=round(typed_recall, 3),
        typed_f1=round(_f1(precision, typed_recall), 3),
        shared_misses=shared,
        proposed_precision=_ratio(proposed["both"], proposed["both"] + proposed["pred"]),
        proposed_recall=_ratio(proposed["both"], proposed["both"] + proposed["gold"]),
        shared_recall=round((tp + shared) / gold_n, 3) if gold_n else 0.0,
        recall_by_type={t: round(per_hit[t] / per_gold[t], 3) for t in per_gold},
        precision_by_type={t: round(per_pred_ok[t] / n, 3) for t, n in per_pred.items() if n},
        misses=misses,
        false_positives=fps,
    )


def load_jsonl(path: str | Path) -> list[dict]:
    """Every non-blank line of a JSONL file, parsed."""
    with open(path, encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]
