"""kg.runtime.exit_now and the ``kg`` entry point that uses it, each run in a real child process."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from .processes import KG


def _python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


def test_exit_now_runs_exit_handlers_and_flushes_what_was_written():
    # stdout is a pipe here, so the write sits in Python's buffer until something flushes it
    done = _python(
        "import atexit, sys\n"
        "atexit.register(lambda: print('handler ran'))\n"
        "sys.stdout.write('buffered line\\n')\n"
        "from kg.runtime import exit_now\n"
        "exit_now(3)\n"
        "print('never reached')\n"
    )
    assert done.returncode == 3
    assert done.stdout.splitlines() == ["buffered line", "handler ran"]


@pytest.mark.parametrize(("code", "status"), [("None", 0), ("0", 0), ("2", 2), ("'a message'", 1)])
def test_exit_now_gives_the_status_systemexit_would(code, status):
    done = _python(f"from kg.runtime import exit_now; exit_now({code})")
    assert done.returncode == status
    assert ("a message" in done.stderr) == (status == 1)


def test_exit_now_waits_for_a_running_thread():
    done = _python(
        "import threading, time\n"
        "def late():\n"
        "    time.sleep(0.3)\n"
        "    print('thread finished', flush=True)\n"
        "threading.Thread(target=late).start()\n"
        "from kg.runtime import exit_now\n"
        "exit_now(4)\n"
    )
    assert done.returncode == 4
    assert "thread finished" in done.stdout


def test_the_kg_command_keeps_its_output_and_exit_status(tmp_path):
    shown = subprocess.run([*KG, "--help"], capture_output=True, text=True, timeout=120)
    assert shown.returncode == 0 and "build" in shown.stdout
    failed = subprocess.run(
        [*KG, "evaluate", str(tmp_path / "no-gold.jsonl"), str(tmp_path / "no-pred.jsonl")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert failed.returncode != 0
    assert "no-gold.jsonl" in failed.stdout + failed.stderr


def test_the_installed_kg_script_is_the_entry_point_that_exits_early():
    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    assert project["project"]["scripts"]["kg"] == "kg.cli:main"
    assert "main()" in KG[-1]


def test_python_dash_m_kg_is_the_same_command(tmp_path):
    """``python -m kg`` runs the command line too, exit status and output included."""
    command = [sys.executable, "-m", "kg"]
    shown = subprocess.run([*command, "--help"], capture_output=True, text=True, timeout=120)
    assert shown.returncode == 0 and "build" in shown.stdout
    missing = tmp_path / "nothing-here.jsonl"
    failed = subprocess.run(
        [*command, "build", str(missing), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert failed.returncode != 0
    assert "nothing-here.jsonl" in failed.stdout + failed.stderr
