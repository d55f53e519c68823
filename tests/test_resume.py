"""A real ``kg build`` killed half-way: old outputs survive, ``--resume`` finishes the job."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from kg.cache import CACHE_FILE

from .conftest import REPO
from .corpus import write_corpus

OUTPUTS = ("graph.json", "papers.jsonl", "graph.ttl", "graph.html")
KG = [sys.executable, "-c", "from kg.cli import app; app()"]
PAPERS = 700


def _cached_rows(path) -> int:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as db:
            return db.execute("SELECT COUNT(*) FROM extractions").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def _kg(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([*KG, *args], capture_output=True, text=True, timeout=600, env=env)


@pytest.mark.slow
def test_sigkill_keeps_old_outputs_and_resume_matches_a_clean_build(tmp_path):
    corpus = write_corpus(tmp_path / "corpus.jsonl", PAPERS)
    out = tmp_path / "out"
    first = _kg("build", str(REPO / "examples"), "--out", str(out), "--quiet")
    assert first.returncode == 0, first.stderr
    previous = {name: (out / name).read_bytes() for name in OUTPUTS}
    rows_before = _cached_rows(out / CACHE_FILE)

    build = subprocess.Popen([*KG, "build", str(corpus), "--out", str(out), "--quiet"])
    deadline = time.monotonic() + 300
    while _cached_rows(out / CACHE_FILE) < rows_before + 150:
        assert build.poll() is None, "the build ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    build.send_signal(signal.SIGKILL)
    assert build.wait() == -signal.SIGKILL
    saved = _cached_rows(out / CACHE_FILE) - rows_before
    assert 150 <= saved < PAPERS  # killed midway, with finished batches on disk

    for name in OUTPUTS:
        assert (out / name).read_bytes() == previous[name], f"{name} changed by the killed build"

    resumed = _kg("build", str(corpus), "--out", str(out), "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert "resumed" in resumed.stderr
    report = " ".join(resumed.stdout.split())
    assert f"{saved} from cache, {PAPERS - saved} extracted" in report

    clean = _kg("build", str(corpus), "--out", str(tmp_path / "clean"), "--no-cache", "--quiet")
    assert clean.returncode == 0, clean.stderr
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (tmp_path / "clean" / name).read_bytes(), name
    assert not [p.name for p in out.iterdir() if p.name.endswith((".staged", ".tmp"))]
