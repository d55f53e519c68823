"""Incremental builds: a first build, a re-run on the same corpus, and one after adding 1 %.

The corpus is ``KG_BENCH_SCALE`` papers (default 300, so that CI stays fast) made from the
real abstracts in ../shared/corpora. Each phase is timed the way ``kg build`` runs it
(``kg.build`` with the cache in the output folder, then ``BuildResult.write``, whose time is
split into linking the graph and each output file); the numbers are printed, saved as
pytest-benchmark extra info and written to ``test-artifacts/bench-incremental.json``. Run at 10k papers with::

    KG_BENCH_SCALE=10000 python -m pytest tests/benchmarks/test_bench_incremental.py -s
"""

from __future__ import annotations

import gc
import json
import os
import signal
import subprocess
import time

import kg
from kg.cache import CACHE_FILE

from ..corpus import write_corpus
from ..processes import KG, LineReader, interruptible

SCALE = int(os.environ.get("KG_BENCH_SCALE", "300"))


def _build(inputs, out):
    gc.collect()  # each phase is a fresh `kg build` process: no garbage of the one before
    started = time.perf_counter()
    result = kg.build(inputs, cache=out / CACHE_FILE)
    extracted_at = time.perf_counter()
    result.write(out, skipped=True)
    done = time.perf_counter()
    times = {"total_s": done - started, "extract_s": extracted_at - started, "write_s": done - extracted_at}
    times["write_split_s"] = dict(result.timings)
    times["reused_parts"] = result.reused_parts
    times["reused_entity_parts"] = result.reused_entity_parts
    return result, times


def test_incremental_build_phases(benchmark, tmp_path, artifacts):
    added = max(1, SCALE // 100)
    corpus = write_corpus(tmp_path / "corpus.jsonl", SCALE)
    out = tmp_path / "out"

    first, first_t = _build([corpus], out)
    assert (first.cached, first.extracted) == (0, SCALE) and not first.up_to_date
    del first  # as if the process had ended

    rerun, rerun_t = benchmark.pedantic(_build, args=([corpus], out), rounds=1, iterations=1)
    assert (rerun.cached, rerun.extracted) == (SCALE, 0) and rerun.up_to_date
    del rerun

    more = write_corpus(tmp_path / "more.jsonl", added, start=SCALE)
    grown, grown_t = _build([corpus, more], out)
    assert (grown.cached, grown.extracted) == (SCALE, added) and not grown.up_to_date
    assert sum(1 for _ in (out / "papers.jsonl").open()) == SCALE + added
    assert grown.reused_parts >= SCALE  # the unchanged papers' output pieces came from the cache

    numbers = {
        "papers": SCALE,
        "added": added,
        "first": first_t,
        "rerun": rerun_t,
        "add_1_percent": grown_t,
        "rerun_speedup": first_t["total_s"] / rerun_t["total_s"],
        "add_speedup": first_t["total_s"] / grown_t["total_s"],
        "add_vs_rerun": grown_t["total_s"] / rerun_t["total_s"],
        "cache_bytes": (out / CACHE_FILE).stat().st_size,
    }
    benchmark.extra_info.update(numbers)
    (artifacts / "bench-incremental.json").write_text(json.dumps(numbers, indent=2) + "\n")
    print()
    for phase in ("first", "rerun", "add_1_percent"):
        t = numbers[phase]
        split = ", ".join(f"{name} {seconds:.2f}" for name, seconds in t["write_split_s"].items())
        print(
            f"{phase:14} total {t['total_s']:8.2f} s   read+extract {t['extract_s']:8.2f} s"
            f"   write {t['write_s']:8.2f} s"
            + (
                f" ({split}; {t['reused_parts']} paper and {t['reused_entity_parts']} entity pieces reused)"
                if split
                else ""
            )
        )
    print(f"re-run {numbers['rerun_speedup']:.1f}x faster; +1 % run {numbers['add_speedup']:.1f}x faster")
    print(f"+1 % run / unchanged re-run: {numbers['add_vs_rerun']:.2f}")


def _timed_kg(*args: str) -> float:
    started = time.perf_counter()
    done = subprocess.run([*KG, *args], capture_output=True, text=True, timeout=3600)
    assert done.returncode == 0, done.stderr
    return time.perf_counter() - started


def test_incremental_builds_from_the_command_line(tmp_path, artifacts):
    """The same three phases as separate ``kg build`` processes, then +1 % to a ``--watch`` one.

    A separate process pays Python's, spaCy's and the pipeline's start-up before its first new
    paper; a watching process has paid them once, before the first build.
    """
    added = max(1, SCALE // 100)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_corpus(corpus / "day-0.jsonl", SCALE)
    out = tmp_path / "out"
    build = ["build", str(corpus), "--out", str(out), "--quiet"]

    first = _timed_kg(*build)
    rerun = _timed_kg(*build)
    write_corpus(corpus / "day-1.jsonl", added, start=SCALE)
    grown = _timed_kg(*build)

    command = [*KG, *build[:-1], "--watch"]  # not --quiet: it says when it has rebuilt
    watching = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, preexec_fn=interruptible
    )
    try:
        lines = LineReader(watching.stderr)
        lines.wait_for("watching", timeout=3600)
        watched = []
        for day in (2, 3):
            started = time.perf_counter()
            write_corpus(corpus / f"day-{day}.jsonl", added, start=SCALE + added * (day - 1))
            lines.wait_for("rebuilt in", timeout=3600)
            watched.append(time.perf_counter() - started)
        watching.send_signal(signal.SIGINT)
        assert watching.wait(timeout=120) == 0
    finally:
        if watching.poll() is None:
            watching.kill()
    assert sum(1 for _ in (out / "papers.jsonl").open()) == SCALE + 3 * added

    numbers = {
        "papers": SCALE,
        "added": added,
        "first_s": first,
        "rerun_s": rerun,
        "add_1_percent_s": grown,
        "add_1_percent_watching_s": watched,
        "rerun_speedup": first / rerun,
        "add_speedup": first / grown,
        "add_watching_speedup": [first / seconds for seconds in watched],
    }
    (artifacts / "bench-incremental-cli.json").write_text(json.dumps(numbers, indent=2) + "\n")
    print()
    print(f"kg build, {SCALE} papers: first {first:.2f} s")
    print(f"unchanged re-run, a new kg build process: {rerun:.2f} s ({first / rerun:.1f}x)")
    print(f"+{added} papers, a new kg build process: {grown:.2f} s ({first / grown:.1f}x)")
    for day, seconds in enumerate(watched, start=1):
        print(f"+{added} papers to kg build --watch (#{day}): {seconds:.2f} s ({first / seconds:.1f}x)")
