"""The command line, through typer's CliRunner, on real seeds and on bad input."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kg.cli import EXIT_SKIPPED, app

from .conftest import FIXTURES

runner = CliRunner()


def test_build_on_the_seeds_writes_every_output(seeds_dir, tmp_path):
    seed = next(seeds_dir.glob("*.txt"))
    result = runner.invoke(app, ["build", str(seed), str(seed), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for name in ("graph.ttl", "graph.html", "graph.json", "papers.jsonl"):
        assert (tmp_path / name).stat().st_size > 0
    rows = [json.loads(line) for line in (tmp_path / "papers.jsonl").open()]
    assert len(rows) == 83
    assert all({"id", "title", "entities"} <= set(r) for r in rows)
    assert "papers" in result.output and "83" in result.output


def test_extract_writes_the_scorer_format(tmp_path):
    out = tmp_path / "x.jsonl"
    result = runner.invoke(app, ["extract", str(FIXTURES / "good.jsonl"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.open()]
    assert [r["title"] for r in rows] == ["Tuning Adapters with LoRA", "Sentence Lists Are Joined"]
    for entity in rows[0]["entities"]:
        assert {"name", "type", "mentions", "proposed"} <= set(entity)
        assert entity["type"] in {"Method", "Model", "Dataset", "Benchmark", "Task", "Metric"}


def test_bad_records_are_reported_the_rest_builds_and_exit_says_so(tmp_path):
    result = runner.invoke(
        app,
        [
            "build",
            str(FIXTURES / "bad.jsonl"),
            str(tmp_path / "missing.csv"),
            str(FIXTURES / "empty.jsonl"),
            str(FIXTURES / "good.jsonl"),
            "--out",
            str(tmp_path / "out"),
        ],
    )
    assert result.exit_code == EXIT_SKIPPED
    assert "bad.jsonl:2: invalid JSON" in result.output
    assert "missing.csv: no such file or folder" in result.output
    assert "empty.jsonl: file is empty" in result.output
    assert "has no abstract" in result.output
    rows = (tmp_path / "out" / "papers.jsonl").read_text().splitlines()
    assert len(rows) == 3
    skipped = [json.loads(line) for line in (tmp_path / "out" / "skipped.jsonl").open()]
    assert {s["line"] for s in skipped if s["file"].endswith("bad.jsonl")} == {2, 3, 4}
    again = runner.invoke(
        app, ["build", str(FIXTURES / "bad.jsonl"), "--allow-skipped", "--out", str(tmp_path / "out2")]
    )
    assert again.exit_code == 0


def test_fail_mode_stops_with_one_line_and_writes_nothing(tmp_path):
    result = runner.invoke(
        app, ["build", str(FIXTURES / "bad.jsonl"), "--on-error", "fail", "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 1
    assert "bad.jsonl:2" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_nothing_readable_is_an_error_not_a_traceback(tmp_path):
    result = runner.invoke(app, ["build", str(tmp_path / "nothing.jsonl"), "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "no papers could be read" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_unknown_format_and_bad_catalogue_are_user_errors(tmp_path):
    result = runner.invoke(
        app, ["extract", str(FIXTURES / "good.jsonl"), "--format", "xml", "--out", str(tmp_path / "x.jsonl")]
    )
    assert result.exit_code == 1 and "unknown --format 'xml'" in result.output
    bad = tmp_path / "cat.jsonl"
    bad.write_text("{not json\n")
    result = runner.invoke(
        app,
        [
            "extract",
            str(FIXTURES / "good.jsonl"),
            "--catalogue",
            str(bad),
            "--out",
            str(tmp_path / "x.jsonl"),
        ],
    )
    assert result.exit_code == 1 and "cat.jsonl:1" in result.output


def test_a_build_never_reads_its_own_output_folder_inside_an_input_folder(tmp_path):
    for extra in ([], ["--no-cache"]):  # with the cache and without it
        corpus = tmp_path / f"corpus{len(extra)}"
        corpus.mkdir()
        (corpus / "a.jsonl").write_bytes((FIXTURES / "good.jsonl").read_bytes())
        out = corpus / "out"
        for _ in range(2):  # the second build finds the first one's files in its input folder
            result = runner.invoke(app, ["build", str(corpus), "--out", str(out), *extra])
            assert result.exit_code == 0, result.output
            assert "skipped   0" in result.output
        assert sum(1 for _ in (out / "papers.jsonl").open()) == 2
