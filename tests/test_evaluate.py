"""kg evaluate agrees with the project's shared scorer, number for number."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.evaluate import load_jsonl, score

from .conftest import SHARED

SCORER = SHARED / "tools" / "score.py"


def shared_scorer(gold, pred, *flags):
    done = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(pred), "--json", *flags],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


@pytest.mark.parametrize("partial", [False, True])
def test_scores_match_the_shared_scorer_on_the_seed_build(seed_build, partial):
    _, paths = seed_build
    gold = SHARED / "gold" / "seeds-dev.jsonl"
    flags = ["--partial"] if partial else []
    expected = shared_scorer(gold, paths["jsonl"], *flags)
    ours = score(load_jsonl(gold), load_jsonl(paths["jsonl"]), partial=partial).as_dict()
    assert ours == expected


def test_misses_and_false_positives_are_listed():
    gold = [
        {
            "title": "A",
            "entities": [
                {"name": "GSM8K", "type": "Benchmark", "named": True},
                {"name": "fine-tuning", "type": "Method", "named": False},
            ],
        }
    ]
    pred = [
        {
            "title": "A",
            "entities": [{"name": "fine-tuning", "type": "Method"}, {"name": "LLMs", "type": "Model"}],
        }
    ]
    result = score(gold, pred)
    assert result.misses == [("A", "Benchmark", "GSM8K")]
    assert result.false_positives == [("A", "Model", "LLMs")]
    assert (result.precision, result.recall) == (0.5, 0.0)


def test_evaluate_command_prints_a_table(seed_build):
    _, paths = seed_build
    result = CliRunner().invoke(
        app, ["evaluate", str(SHARED / "gold" / "seeds-dev.jsonl"), str(paths["jsonl"]), "--show", "3"]
    )
    assert result.exit_code == 0, result.output
    assert "typed F1" in result.output and "misses" in result.output


def test_misses_a_merged_prediction_explains_are_counted_apart(tmp_path):
    # the gold lists the long form and the bare acronym as two rows; the prediction merged them
    gold = [
        {
            "title": "A",
            "entities": [
                {"name": "Noun Classifier Associations", "type": "Method", "named": True},
                {"name": "NCA", "type": "Method", "named": True},
                {"name": "GSM8K", "type": "Benchmark", "named": True},
            ],
        }
    ]
    pred = [
        {
            "title": "A",
            "entities": [
                {"name": "Noun Classifier Associations", "type": "Method", "mentions": ["NCA"]},
            ],
        }
    ]
    result = score(gold, pred)
    assert result.recall == round(1 / 3, 3)
    assert result.shared_misses == 1  # NCA: its prediction was credited to the first row
    assert result.shared_recall == round(2 / 3, 3)  # GSM8K is a true miss
    # the headline numbers stay the shared scorer's
    paths = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    for path, rows in zip(paths, (gold, pred), strict=True):
        path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    assert result.as_dict() == shared_scorer(*paths)


def test_evaluate_command_explains_shared_misses(tmp_path):
    gold = tmp_path / "gold.jsonl"
    pred = tmp_path / "pred.jsonl"
    long_and_short = [
        {"name": "Low-Rank Adaptation", "type": "Method", "named": True},
        {"name": "LoRA", "type": "Method", "named": True},
    ]
    gold.write_text(json.dumps({"title": "A", "entities": long_and_short}) + "\n")
    merged = {"name": "Low-Rank Adaptation", "type": "Method", "mentions": ["LoRA"]}
    pred.write_text(json.dumps({"title": "A", "entities": [merged]}) + "\n")
    result = CliRunner().invoke(app, ["evaluate", str(gold), str(pred)])
    assert result.exit_code == 0, result.output
    assert "1 misses match a prediction already credited" in result.output
    assert "credited: 1.000" in " ".join(result.output.split())
    assert shared_scorer(gold, pred)["recall"] == 0.5  # what the headline keeps


def test_proposed_flags_are_scored_over_matched_pairs():
    gold = [
        {
            "title": "A",
            "entities": [
                {"name": "FooNet", "type": "Method", "named": True, "proposed": True},
                {"name": "BarSet", "type": "Dataset", "named": True, "proposed": True},
                {"name": "GSM8K", "type": "Benchmark", "named": True, "proposed": False},
                {"name": "MMLU", "type": "Benchmark", "named": True, "proposed": False},
            ],
        }
    ]
    pred = [
        {
            "title": "A",
            "entities": [
                {"name": "FooNet", "type": "Method", "proposed": True},  # both
                {"name": "BarSet", "type": "Dataset", "proposed": False},  # the gold only
                {"name": "GSM8K", "type": "Benchmark", "proposed": True},  # the prediction only
                {"name": "Unmatched", "type": "Method", "proposed": True},  # no pair: not counted
            ],
        }
    ]
    result = score(gold, pred)
    assert (result.proposed_precision, result.proposed_recall) == (0.5, 0.5)


def _extract_and_gold(tmp_path, title, abstract, named):
    """``kg extract`` of one daily-papers page, and a gold file that names ``named`` (name,
    type) in it as the source wrote them, keyed by the title as the source wrote it."""
    page = tmp_path / "daily.txt"
    page.write_text(f"Daily Papers\n\n{title}\n\n{abstract}\n", encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(app, ["extract", str(page), "--out", str(pred), "--quiet"])
    assert result.exit_code == 0, result.output
    gold = tmp_path / "gold.jsonl"
    entities = [{"name": n, "type": t, "mentions": [n], "named": True} for n, t in named]
    gold.write_text(json.dumps({"id": "1", "title": title, "entities": entities}) + "\n", encoding="utf-8")
    return gold, pred


def test_a_gold_file_keyed_by_the_sources_latex_spelling_meets_kg_extract(tmp_path):
    gold, pred = _extract_and_gold(
        tmp_path,
        "M$^{3}$-Bench: Judging Multi-Step Agents",
        "We introduce M$^{3}$-Bench, a benchmark for embodied agents, and evaluate the $\\pi_0$ policy "
        "and OpenVLA on it, where $\\pi_0$ reaches 41% success while Octo trails in every suite.",
        [("M$^{3}$-Bench", "Benchmark"), ("$\\pi_0$", "Model"), ("OpenVLA", "Model"), ("Octo", "Model")],
    )
    shared = shared_scorer(gold, pred)
    assert shared["recall"] == 1.0 and shared["precision"] == 1.0
    assert score(load_jsonl(gold), load_jsonl(pred)).as_dict() == shared


def test_a_gold_file_that_copies_latex_names_verbatim_meets_kg_extract(tmp_path):
    gold, pred = _extract_and_gold(
        tmp_path,
        "Judging Agents at Scale",
        "We introduce $\\mathcal{S}^3$-Bench, a benchmark for agents, and \\textsc{SemID}, a tokenizer,"
        " and evaluate OpenVLA on it in each setting.",
        [("$\\mathcal{S}^3$-Bench", "Benchmark"), ("\\textsc{SemID}", "Method"), ("OpenVLA", "Model")],
    )
    assert shared_scorer(gold, pred)["recall"] == 1.0
