"""Process-wide settings for long runs.

:func:`paused_gc` stops Python's cyclic garbage collector for a short burst of work
(linking the graph, writing the outputs) whose garbage reference counting frees anyway.
:func:`relaxed_gc` makes the collector run less often while a build creates millions of
small objects that all stay alive (papers, entities, graph attributes). With the default
thresholds the collector keeps rescanning them: decoding 10,000 cached extractions took
twice as long with it as without. :func:`exit_now` ends a command-line run without the
interpreter's teardown, which frees every object one by one (half a second after a 10,000-paper
build) only for the operating system to take the memory back anyway.

Examples
--------
>>> import gc
>>> before = gc.get_threshold()
>>> with relaxed_gc():
...     gc.get_threshold()[0]
100000
>>> gc.get_threshold() == before
True
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

__all__ = ["exit_now", "exit_status", "paused_gc", "relaxed_gc"]


@contextmanager
def relaxed_gc(first_generation: int = 100_000) -> Iterator[None]:
    """Collect the youngest generation only every ``first_generation`` allocations; restore
    the previous thresholds afterwards. Garbage still gets collected, just in larger steps."""
    before = gc.get_threshold()
    gc.set_threshold(max(first_generation, before[0]), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Switch the cyclic collector off for the block (and back on if it was on).

    Writing allocates many objects that reference counting frees; full collections over a
    large graph in the middle of it cost seconds for nothing.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def exit_status(code: object) -> int:
    """The process exit status Python gives ``SystemExit(code)``; a message is printed to
    standard error, as the interpreter would, and gives 1.

    >>> exit_status(None), exit_status(3), exit_status(True)
    (0, 3, 1)
    """
    if code is None:
        return 0
    if isinstance(code, int):
        return int(code) & 0xFF
    print(code, file=sys.stderr)
    return 1


def exit_now(code: object = 0) -> NoReturn:
    """End the process with the status of ``SystemExit(code)``, skipping the interpreter's teardown.

    The ``atexit`` handlers run first (they close pools and remove temporary files) and the
    standard streams are flushed, so nothing a command wrote or registered is lost; only the
    freeing of every live object is skipped. While another thread is still running, it is a
    plain ``SystemExit``, so that the interpreter waits for the thread as usual. Call it only
    from a process's entry point, never from code that a caller may want to go on after.
    """
    if threading.active_count() > 1:
        raise SystemExit(code)
    status = exit_status(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed stream or a reader that went away
            stream.flush()
    os._exit(status)
