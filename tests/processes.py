"""Helpers for tests that run ``kg`` as a real process."""

from __future__ import annotations

import queue
import signal
import sys
import threading
import time

__all__ = ["KG", "LineReader", "interruptible"]

#: the ``kg`` command of the Python running the tests
KG = [sys.executable, "-c", "from kg.cli import main; main()"]


def interruptible() -> None:
    """A ``preexec_fn`` for a process a test will Ctrl-C (``SIGINT``): Ctrl-C as a terminal
    gives it, even where the tests run as a background job, whose children a shell starts with
    ``SIGINT`` ignored (and Python then never turns it into ``KeyboardInterrupt``)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class LineReader:
    """The lines a process writes to a stream, read on a thread so that waiting can time out."""

    def __init__(self, stream) -> None:
        self.seen: list[str] = []
        self._queue: queue.Queue = queue.Queue()
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream) -> None:
        for line in stream:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def wait_for(self, text: str, timeout: float = 180) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self._queue.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                break
            if line is None:
                raise AssertionError(f"the process ended before printing {text!r}: {self.seen}")
            self.seen.append(line)
            if text in line:
                return line
        raise AssertionError(f"no line with {text!r} in {timeout} s: {self.seen}")
