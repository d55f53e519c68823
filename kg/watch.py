"""Watch a build's inputs and say when they change (``kg build --watch``).

A corpus that grows every day is rebuilt in the same process: its spaCy pipeline stays
built, so a rebuild after a few new papers pays neither Python's, spaCy's nor the
pipeline's start-up (about 2.5 s of a separate ``kg build`` on the project machine). The
events come from :mod:`watchfiles` (inotify, FSEvents or polling); this module only decides
what to watch and which events matter.

A file input is watched through its folder, since an editor or a download that replaces the
file (write elsewhere, then rename) ends a watch set on the file itself. Events inside the
output folder never count, so writing the outputs does not start another build.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["WatchPlan", "changes"]


@dataclass(frozen=True)
class WatchPlan:
    """The folders to watch for a build, and which paths in them are the build's inputs.

    Parameters
    ----------
    files
        Input files (and catalogue files), absolute.
    folders
        Input folders, absolute; anything new or changed under them counts.
    out
        The output folder, absolute; nothing under it counts.

    Examples
    --------
    >>> plan = WatchPlan(frozenset({"/data/extra.jsonl"}), ("/data/corpus",), "/data/corpus/out")
    >>> plan.roots, plan.counts("/data/corpus/day-2.jsonl"), plan.counts("/data/extra.jsonl")
    (['/data'], True, True)
    >>> plan.counts("/data/notes.txt"), plan.counts("/data/corpus/out/papers.jsonl")
    (False, False)
    """

    files: frozenset[str]
    folders: tuple[str, ...]
    out: str

    @classmethod
    def of(cls, inputs: Iterable[str | os.PathLike], out: str | os.PathLike) -> WatchPlan:
        """The plan for these inputs: a path that is a folder now is watched as a folder."""
        files, folders = set(), []
        for raw in inputs:
            if str(raw) == "-":
                raise ValueError("standard input cannot be watched; give files or folders")
            path = os.path.abspath(raw)
            if os.path.isdir(path):
                folders.append(path)
            else:
                files.add(path)
        return cls(frozenset(files), tuple(folders), os.path.abspath(out))

    @property
    def roots(self) -> list[str]:
        """The folders handed to the watcher: the input folders and each input file's folder."""
        roots = set(self.folders) | {os.path.dirname(f) for f in self.files}
        return sorted(root for root in roots if not any(_inside(root, other) for other in roots - {root}))

    @property
    def recursive(self) -> bool:
        """Watch below the roots only when there are input folders (a file's folder is not one)."""
        return bool(self.folders)

    def counts(self, path: str) -> bool:
        """Whether an event on ``path`` (absolute) may change the build."""
        if _inside(path, self.out):
            return False
        if path in self.files:
            return True
        hidden = any(part.startswith(".") for part in Path(path).parts[1:])
        return not hidden and any(_inside(path, folder) for folder in self.folders)


def _inside(path: str, folder: str) -> bool:
    """``path`` is ``folder`` or lies below it.

    >>> _inside("/a/b/c", "/a/b"), _inside("/a/bc", "/a/b")
    (True, False)
    """
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def changes(plan: WatchPlan, *, debounce_ms: int = 400, stop_event=None) -> Iterator[list[str]]:
    """Yield ``[]`` once the watcher listens, then, after each burst of file events that
    matter, the paths they touched (sorted).

    Build after the first item: a change made while that build runs is then seen too.
    Blocks between bursts; ends on Ctrl-C (without raising) or when ``stop_event`` is set.
    ``WATCHFILES_FORCE_POLLING=1`` makes the watcher poll, for file systems without
    change notifications (some network and container mounts).
    """
    from watchfiles import DefaultFilter, watch

    default = DefaultFilter()

    def matters(change, path: str) -> bool:
        return plan.counts(os.path.abspath(path)) and default(change, path)

    listening = False
    for batch in watch(
        *plan.roots,
        watch_filter=matters,
        debounce=debounce_ms,
        recursive=plan.recursive,
        raise_interrupt=False,
        stop_event=stop_event,
        rust_timeout=250,  # wake up that often when idle, the first time to say it listens
        yield_on_timeout=True,
    ):
        if not listening:
            listening = True
            yield []
        if batch:
            yield sorted({path for _, path in batch})
