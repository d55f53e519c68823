"""``kg build --watch``: what is watched, and a real watching process rebuilding on changes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from kg.sources import input_files
from kg.watch import WatchPlan

from .corpus import write_corpus
from .processes import KG, LineReader, interruptible


def _write_jsonl(path, rows) -> None:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")


def _paper(number: int, abstract: str) -> dict:
    return {"id": f"w{number}", "title": f"Watched paper number {number}", "abstract": abstract}


# --- what is watched -------------------------------------------------------------------------


def test_a_folder_input_is_watched_below_it_and_a_file_through_its_folder(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "lists").mkdir()
    listed = tmp_path / "lists" / "extra.jsonl"
    listed.touch()

    folder_plan = WatchPlan.of([tmp_path / "corpus"], out=tmp_path / "out")
    assert folder_plan.roots == [str(tmp_path / "corpus")] and folder_plan.recursive

    file_plan = WatchPlan.of([listed], out=tmp_path / "out")
    assert file_plan.roots == [str(tmp_path / "lists")] and not file_plan.recursive
    assert file_plan.counts(str(listed))
    assert not file_plan.counts(str(tmp_path / "lists" / "other.jsonl"))  # a neighbour is no input
    # a file that does not exist yet is still watched (for when it appears)
    assert WatchPlan.of([tmp_path / "later.jsonl"], out=tmp_path / "out").counts(
        str(tmp_path / "later.jsonl")
    )


@pytest.mark.parametrize(
    "relative, counts",
    [
        ("corpus/day-2.jsonl", True),
        ("corpus/2026/12/day-3.json.gz", True),
        ("corpus/out/papers.jsonl", False),  # the build's own outputs
        ("corpus/out/.kg-cache.sqlite-journal", False),
        ("corpus/.hidden/day-4.jsonl", False),  # hidden, as the folder reader skips them
        ("corpus/.day-5.jsonl.swp", False),
        ("elsewhere.jsonl", False),
        ("corpus-2/day-6.jsonl", False),  # a sibling whose name starts like the folder's
    ],
)
def test_which_events_count_in_a_watched_folder(tmp_path, relative, counts):
    (tmp_path / "corpus").mkdir()
    plan = WatchPlan.of([tmp_path / "corpus"], out=tmp_path / "corpus" / "out")
    assert plan.counts(str(tmp_path / relative)) is counts


def test_standard_input_cannot_be_watched(tmp_path):
    with pytest.raises(ValueError, match="standard input"):
        WatchPlan.of(["-"], out=tmp_path)


def test_a_folder_read_as_input_skips_the_output_folder_inside_it(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "out").mkdir(parents=True)
    _write_jsonl(corpus / "a.jsonl", [_paper(1, "We use BERT.")])
    _write_jsonl(corpus / "out" / "papers.jsonl", [{"id": "w1", "title": "x", "entities": []}])
    everything = [p.name for p in input_files([corpus])]
    assert everything == ["a.jsonl", "papers.jsonl"]
    assert [p.name for p in input_files([corpus], skip=corpus / "out")] == ["a.jsonl"]
    assert [p.name for p in input_files([corpus], skip=tmp_path / "elsewhere")] == everything


# --- a real watching process -----------------------------------------------------------------


def _entities_by_paper(path) -> dict[str, set[str]]:
    with open(path, encoding="utf-8") as stream:
        return {row["id"]: {e["name"] for e in row["entities"]} for row in map(json.loads, stream)}


@pytest.mark.slow
def test_watch_rebuilds_on_a_new_file_and_an_edited_catalogue_and_stops_on_ctrl_c(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    out = corpus / "out"  # inside the watched folder: writing it must not start another build
    _write_jsonl(
        corpus / "day-1.jsonl", [_paper(1, "We fine-tune BERT on SQuAD."), _paper(2, "We use LoRA.")]
    )
    catalogue = tmp_path / "catalogue.jsonl"
    _write_jsonl(catalogue, [{"name": "Quillmix", "type": "Method"}])
    env = {**os.environ, "COLUMNS": "200"}
    command = [*KG, "build", str(corpus), "--out", str(out), "--catalogue", str(catalogue), "--watch"]
    process = subprocess.Popen(
        command, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, preexec_fn=interruptible
    )
    try:
        errors = LineReader(process.stderr)
        errors.wait_for("watching 2 input(s)")
        assert set(_entities_by_paper(out / "papers.jsonl")) == {"w1", "w2"}

        _write_jsonl(corpus / "day-2.jsonl", [_paper(3, "We train Quillmix and Tarnwise on ImageNet.")])
        errors.wait_for("changed: day-2.jsonl")
        errors.wait_for("rebuilt in")
        found = _entities_by_paper(out / "papers.jsonl")
        assert set(found) == {"w1", "w2", "w3"}
        assert "Quillmix" in found["w3"] and "Tarnwise" not in found["w3"]

        _write_jsonl(
            catalogue, [{"name": "Quillmix", "type": "Method"}, {"name": "Tarnwise", "type": "Model"}]
        )
        errors.wait_for("changed: catalogue.jsonl")
        errors.wait_for("rebuilt in")
        assert "Tarnwise" in _entities_by_paper(out / "papers.jsonl")["w3"]
        before_error = (out / "papers.jsonl").read_bytes()

        catalogue.write_text('{"name": "Quillmix", "type": "Gadget"}\n', encoding="utf-8")  # a bad line
        errors.wait_for("changed: catalogue.jsonl")
        errors.wait_for("catalogue.jsonl:1")  # the error names the file and line
        errors.wait_for("failed in")  # ... and the watch goes on, the outputs as they were
        assert (out / "papers.jsonl").read_bytes() == before_error

        time.sleep(2)  # time enough for any event from the outputs just written to come through
        process.send_signal(signal.SIGINT)
        errors.wait_for("stopped watching")
        assert process.wait(timeout=60) == 0
    finally:
        if process.poll() is None:
            process.kill()
    assert sum(line.startswith("changed:") for line in errors.seen) == 3, errors.seen
    report = " ".join(process.stdout.read().split())
    assert "0 from cache, 2 extracted" in report  # the first build
    assert "2 from cache, 1 extracted" in report  # only the new paper
    assert "0 from cache, 3 extracted" in report  # an edited catalogue: every paper again
    assert report.count("skipped 0") == 3  # the outputs in the folder were never read as input


def test_watch_refuses_standard_input(tmp_path):
    result = subprocess.run(
        [*KG, "build", "-", "--out", str(tmp_path), "--watch"],
        input="",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "standard input cannot be watched" in result.stderr


def _ignore_ctrl_c() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # as a shell starts a background job


@pytest.mark.slow
@pytest.mark.parametrize(
    ("stop", "preexec"),
    [
        # Ctrl-C, as a terminal sends it
        (signal.SIGINT, interruptible),
        # what ``kill`` or a service manager sends, to a watch that ignores Ctrl-C
        (signal.SIGTERM, _ignore_ctrl_c),
    ],
    ids=["ctrl-c", "sigterm"],
)
def test_a_stop_during_a_rebuild_ends_the_watch_and_keeps_the_last_outputs(tmp_path, stop, preexec):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    out = tmp_path / "out"
    _write_jsonl(corpus / "day-1.jsonl", [_paper(1, "We fine-tune BERT on SQuAD.")])
    command = [*KG, "build", str(corpus), "--out", str(out), "--watch"]
    process = subprocess.Popen(
        command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, preexec_fn=preexec
    )
    try:
        errors = LineReader(process.stderr)
        errors.wait_for("watching 1 input(s)")
        before = (out / "papers.jsonl").read_bytes()
        write_corpus(corpus / "day-2.jsonl", 3000)  # seconds of extraction
        errors.wait_for("changed: day-2.jsonl")
        time.sleep(0.5)
        process.send_signal(stop)
        errors.wait_for("stopped watching during a rebuild")
        assert process.wait(timeout=60) == 0
    finally:
        if process.poll() is None:
            process.kill()
    assert (out / "papers.jsonl").read_bytes() == before  # the interrupted rebuild wrote nothing


def test_after_the_watch_warm_up_a_rebuild_imports_no_more_of_kg(tmp_path):
    """The warm-up imports every module a build's write needs, so a watch's first rebuild
    does not pay for them; checked in a fresh interpreter, with the cache as kg build uses it."""
    papers = tmp_path / "papers.jsonl"
    _write_jsonl(papers, [_paper(n, "We fine-tune BERT with LoRA and evaluate on GSM8K.") for n in range(3)])
    script = f"""
import sys
import kg
from kg.api import preload_writers
result = kg.build([{str(papers)!r}], cache={str(tmp_path / "out" / ".kg-cache.sqlite")!r})
preload_writers()
before = set(sys.modules)
result.write({str(tmp_path / "out")!r}, skipped=True)
print(sorted(name for name in set(sys.modules) - before if name.startswith("kg")))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "graph.ttl").exists()
    assert done.stdout.strip() == "[]"
