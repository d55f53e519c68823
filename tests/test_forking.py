"""Forked jobs: answers, errors and deaths come back to the parent; a cancelled child is gone."""

from __future__ import annotations

import os
import time

import pytest

from kg.forking import ForkedJobError, can_fork, start_forked

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX fork only")


def test_the_return_value_comes_back():
    big = list(range(200_000))  # more than a pipe buffer holds: the parent reads while it writes
    assert start_forked(lambda: [x * 2 for x in big]).result() == [x * 2 for x in big]


def test_the_child_sees_the_parents_memory_and_changes_only_its_own():
    state = {"n": 1}

    def bump():
        state["n"] += 41
        return state["n"]

    assert start_forked(bump).result() == 42
    assert state == {"n": 1}


def test_an_exception_in_the_child_is_raised_with_its_traceback():
    def fail():
        raise ValueError("disk is full of turtles")

    with pytest.raises(ForkedJobError, match="disk is full of turtles") as error:
        start_forked(fail).result()
    assert "ValueError" in str(error.value)


def test_a_child_that_dies_without_answering_is_reported():
    with pytest.raises(ForkedJobError, match="without an answer"):
        start_forked(lambda: os._exit(3)).result()


def test_cancel_kills_a_running_child():
    job = start_forked(lambda: time.sleep(60))
    job.cancel()
    with pytest.raises(ProcessLookupError):
        os.kill(job.pid, 0)  # reaped: the pid no longer exists


def test_can_fork_says_whether_a_second_cpu_is_there():
    assert can_fork() == (len(os.sched_getaffinity(0)) >= 2)


def test_what_the_child_prints_is_discarded(capfd):
    import warnings

    def noisy():
        print("from the child", flush=True)
        warnings.warn("a warning from the child", stacklevel=1)
        return 7

    assert start_forked(noisy).result() == 7
    captured = capfd.readouterr()
    assert "from the child" not in captured.out + captured.err


def test_a_wait_interrupted_by_a_signal_still_cancels_cleanly():
    import signal
    import time

    class Interrupted(Exception):
        pass

    def interrupt(signum, frame):
        raise Interrupted

    job = start_forked(lambda: time.sleep(60))
    previous = signal.signal(signal.SIGALRM, interrupt)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        with pytest.raises(Interrupted):
            job.result()  # as Ctrl-C would, while the child still works
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    job.cancel()  # kills and reaps the child; the pipe was closed already
    with pytest.raises(ChildProcessError):
        os.waitpid(job.pid, os.WNOHANG)


def test_a_waiting_child_gets_ready_then_runs_on_what_it_is_sent():
    state = {"ready": False}

    def get_ready():
        state["ready"] = True  # (in the child's copy of the memory)

    job = start_forked(lambda words: (state["ready"], len(words), words[-1]), ready=get_ready)
    words = [f"word{i}" for i in range(100_000)]  # more than a pipe holds: sent by a thread
    job.send(words)
    assert job.result() == (True, 100_000, "word99999")
    assert state == {"ready": False}


def test_a_waiting_child_that_is_sent_nothing_ends_without_an_answer():
    job = start_forked(lambda value: value, ready=lambda: None)
    with pytest.raises(ForkedJobError, match="without an answer"):
        job.result()  # nothing will be sent: the child is told so and exits
    waiting = start_forked(lambda value: value, ready=lambda: None)
    waiting.cancel()
    with pytest.raises(ProcessLookupError):
        os.kill(waiting.pid, 0)


def test_a_failure_while_getting_ready_comes_back():
    def broken():
        raise OSError("no pipeline today")

    job = start_forked(lambda value: value, ready=broken)
    job.send("anything")
    with pytest.raises(ForkedJobError, match="no pipeline today"):
        job.result()


def test_send_is_only_for_a_child_that_waits():
    job = start_forked(lambda: 1)
    with pytest.raises(RuntimeError, match="not started to wait"):
        job.send("x")
    assert job.result() == 1
