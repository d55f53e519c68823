"""Run one function in a forked copy of this process, beside the caller's own work.

A build's output files are independent of each other once the graph is linked, and the
largest (the Turtle, a gigabyte at 100,000 papers) takes as long as the others together. A
forked child sees the linked graph without copying or pickling it, so :func:`start_forked`
lets the Turtle be written on a second core while this process writes the JSON files. The
child sends back the function's return value (pickled) through a pipe, or the traceback of
what went wrong. A child started with ``ready`` gets ready first (say, builds a pipeline) and
then waits for the argument :meth:`ForkedJob.send` gives it, so that it can start before the
caller knows what to give it.

Examples
--------
>>> job = start_forked(lambda: sum(range(10)))
>>> job.result()
45
>>> job = start_forked(lambda words: " ".join(words), ready=lambda: None)
>>> job.send(["sent", "later"]); job.result()
'sent later'
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any

__all__ = ["ForkedJob", "ForkedJobError", "can_fork", "start_forked"]


class ForkedJobError(RuntimeError):
    """The forked child raised (its traceback is the message) or died without an answer."""


def can_fork() -> bool:
    """Whether :func:`start_forked` is worth using here: POSIX ``fork`` and a second CPU.

    >>> isinstance(can_fork(), bool)
    True
    """
    if not hasattr(os, "fork"):
        return False
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # no affinity call (macOS)
        cpus = os.cpu_count() or 1
    return cpus >= 2


class ForkedJob:
    """A function running in a forked child; :meth:`result` waits for it, :meth:`cancel` stops it."""

    def __init__(self, pid: int, pipe: int, send_pipe: int | None = None) -> None:
        self.pid = pid
        self._pipe: int | None = pipe
        self._send_pipe = send_pipe
        self._done = False

    def send(self, value: Any) -> None:
        """Give a child started with ``ready`` the argument of its function (once).

        The pickled value is written by a short-lived thread, so the caller goes on while the
        child is still getting ready (a pipe holds only some kilobytes until it is read).
        """
        pipe, self._send_pipe = self._send_pipe, None
        if pipe is None:
            raise RuntimeError("this child was not started to wait for an argument, or has it already")
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)

        def write() -> None:
            with contextlib.suppress(OSError), os.fdopen(pipe, "wb") as stream:  # OSError: the child died
                stream.write(payload)

        threading.Thread(target=write, name="kg-forked-send", daemon=True).start()

    def result(self) -> Any:
        """The function's return value; raises :class:`ForkedJobError` if it failed."""
        if self._send_pipe is not None:  # a child still waiting for its argument gets none
            os.close(self._send_pipe)
            self._send_pipe = None
        pipe, self._pipe = self._pipe, None  # the stream below closes it, however it ends
        with os.fdopen(pipe, "rb") as stream:
            payload = stream.read()
        _, status = os.waitpid(self.pid, 0)
        self._done = True
        if not payload:
            raise ForkedJobError(f"forked child {self.pid} ended without an answer (wait status {status})")
        ok, value = pickle.loads(payload)
        if not ok:
            raise ForkedJobError(value)
        return value

    def cancel(self) -> None:
        """Kill the child and reap it (nothing if :meth:`result` already returned)."""
        if self._done:
            return
        self._done = True
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        if self._pipe is not None:
            os.close(self._pipe)
        if self._send_pipe is not None:  # never sent: the child was not needed after all
            os.close(self._send_pipe)
            self._send_pipe = None


def start_forked(function: Callable[..., Any], *, ready: Callable[[], Any] | None = None) -> ForkedJob:
    """Fork; the child runs ``function()`` and sends back what it returns (or raised), then exits.

    With ``ready``, the child runs ``ready()`` first, then waits for the value the caller gives
    :meth:`ForkedJob.send` and runs ``function(value)``; should the caller go away without
    sending, the child exits.

    The child leaves with ``os._exit``: it runs no ``atexit`` hooks and flushes no buffers
    of the parent's, so nothing is written twice and no open database of the caller's is
    closed from the child. ``function`` should only write its own files; what it prints is
    discarded.
    """
    read_end, write_end = os.pipe()
    given, send_end = os.pipe() if ready is not None else (None, None)
    pid = os.fork()
    if pid == 0:  # the child
        try:
            os.close(read_end)
            if send_end is not None:
                os.close(send_end)
            # another thread of the parent (a progress bar's refresher) may have held the
            # standard streams' locks at the fork, and the child has only this thread: it
            # gets streams of its own, so that a stray print or warning cannot block it
            sys.stdout = sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - the child exits
            try:
                payload = pickle.dumps((True, _run(function, ready, given)), protocol=pickle.HIGHEST_PROTOCOL)
            except _NothingSent:
                os._exit(0)
            except BaseException:  # everything goes back to the parent
                payload = pickle.dumps((False, traceback.format_exc()))
            with os.fdopen(write_end, "wb") as stream:
                stream.write(payload)
        finally:
            os._exit(0)
    os.close(write_end)
    if given is not None:
        os.close(given)
    return ForkedJob(pid, read_end, send_end)


class _NothingSent(Exception):
    """The parent closed the argument's pipe without sending one."""


def _run(function: Callable[..., Any], ready: Callable[[], Any] | None, given: int | None) -> Any:
    """In the child: ``function()``, or ``ready()`` and then ``function`` of the value sent."""
    if ready is None:
        return function()
    ready()
    with os.fdopen(given, "rb") as stream:
        data = stream.read()
    if not data:
        raise _NothingSent
    return function(pickle.loads(data))
