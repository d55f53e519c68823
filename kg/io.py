"""Atomic file output: write to a temporary file beside the target, then rename.

A crash or Ctrl-C while writing leaves the previous file untouched, never half a file.
:func:`staged_files` does the same for a set of files that belong together: each is
written under a temporary name, and all are renamed into place only once every one of
them is complete.

Examples
--------
>>> import pathlib, tempfile
>>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
>>> with atomic_write(target) as stream:
...     _ = stream.write("hello")
>>> target.read_text()
'hello'
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import IO

__all__ = ["DiskWriter", "Stage", "atomic_write", "staged_files"]


def _file_mode(path: Path) -> int:
    """Keep an existing file's mode; a new file gets the usual 0o666 less the umask."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def atomic_write(path: str | Path, *, binary: bool = False) -> Iterator[IO]:
    """Open a temporary file for writing; on success it is flushed to disk and replaces
    ``path`` in one step."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, _file_mode(path))
        mode = "wb" if binary else "w"
        encoding = None if binary else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding, newline=None if binary else "\n") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


#: ``fdatasync`` where the system has it (not macOS), else ``fsync``.
_fdatasync = getattr(os, "fdatasync", os.fsync)


class DiskWriter:
    """A binary file whose bytes are sent to disk in the background while it is being written.

    Every ``every`` bytes a thread starts ``fdatasync`` on the file (unless the previous one
    is still running), so the disk works while the caller makes the rest; :meth:`finish`
    makes the whole file durable, and then has only the tail left to wait for. A context
    manager; leaving the block without an error calls :meth:`finish`.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "big.bin"
    >>> with path.open("wb") as raw, DiskWriter(raw, every=4) as stream:
    ...     _ = stream.write(b"0123456789")
    >>> path.read_bytes()
    b'0123456789'
    """

    def __init__(self, stream: IO[bytes], *, every: int = 32 << 20) -> None:
        self.stream = stream
        self.every = every
        self._pending = 0
        self._thread: threading.Thread | None = None
        self._errors: list[BaseException] = []

    def write(self, data: bytes | memoryview) -> int:
        """Write ``data``; return its length."""
        written = self.stream.write(data)
        self._pending += len(data)
        if self._pending >= self.every and (self._thread is None or not self._thread.is_alive()):
            self._pending = 0
            self.stream.flush()
            self._thread = threading.Thread(target=self._sync, name="fdatasync", daemon=True)
            self._thread.start()
        return written

    def _sync(self) -> None:
        try:
            _fdatasync(self.stream.fileno())
        except BaseException as error:  # raised by finish()
            self._errors.append(error)

    def wait(self) -> None:
        """Wait for the background flush, if one is running; raise what it failed with."""
        if self._thread is not None:
            self._thread.join()
        if self._errors:
            raise self._errors[0]

    def finish(self) -> None:
        """Wait for the background flush and make the whole file durable (``fsync``)."""
        self.wait()
        self.stream.flush()
        os.fsync(self.stream.fileno())

    def __enter__(self) -> DiskWriter:
        return self

    def __exit__(self, exc_type, *exc: object) -> None:
        if exc_type is None:
            self.finish()
        elif self._thread is not None:
            self._thread.join()


class Stage:
    """Temporary names for the files of one :func:`staged_files` group."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._tag = uuid.uuid4().hex[:12]
        self.staged: dict[Path, Path] = {}
        self.removed: list[Path] = []
        self._syncing: list[tuple[threading.Thread, list[BaseException]]] = []

    def path(self, name: str) -> Path:
        """The temporary path to write ``name`` to; it becomes ``folder/name`` on success."""
        final = self.folder / name
        for pattern in (f".{name}.*.staged", f"..{name}.*.staged.*.tmp"):  # left by a killed build
            for leftover in self.folder.glob(pattern):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()
        temp = self.folder / f".{name}.{self._tag}.staged"
        self.staged[final] = temp
        return temp

    def remove(self, name: str) -> None:
        """Delete ``folder/name`` (if present) when the group is committed."""
        self.removed.append(self.folder / name)

    def sync_soon(self, path: Path) -> None:
        """Start flushing the finished file ``path`` to disk in a background thread.

        The group is committed only once every such flush has ended (see :meth:`wait`), so
        the next file can be made while the disk takes this one.
        """
        errors: list[BaseException] = []

        def flush() -> None:
            try:
                fd = os.open(path, os.O_RDWR)  # some systems sync only what is open for writing
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
            except BaseException as error:  # raised in the committing thread
                errors.append(error)

        thread = threading.Thread(target=flush, name=f"fsync {path.name}", daemon=True)
        thread.start()
        self._syncing.append((thread, errors))

    def wait(self, *, quietly: bool = False) -> None:
        """Wait for the flushes :meth:`sync_soon` started; raise the first that failed, unless
        ``quietly`` (the group is being discarded)."""
        syncing, self._syncing = self._syncing, []
        for thread, _ in syncing:
            thread.join()
        failed = [error for _, errors in syncing for error in errors]
        if failed and not quietly:
            raise failed[0]


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a folder
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def staged_files(folder: str | Path) -> Iterator[Stage]:
    """Write several files into ``folder`` so that they replace the old ones together.

    Inside the block, write each file to ``stage.path(name)``. When the block ends without
    an error, every staged file is renamed to its name (and files marked with
    ``stage.remove`` are deleted); if it raises, or the process dies, the staged files are
    discarded and ``folder`` keeps its previous files.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> with staged_files(folder) as stage:
    ...     _ = stage.path("a.txt").write_text("A")
    ...     _ = stage.path("b.txt").write_text("B")
    ...     sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    []
    >>> sorted(p.name for p in folder.iterdir())
    ['a.txt', 'b.txt']
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stage = Stage(folder)
    try:
        yield stage
        stage.wait()
        for final, temp in stage.staged.items():
            if not temp.exists():
                raise FileNotFoundError(f"{final.name} was staged but never written")
            os.chmod(temp, _file_mode(final))
        for final, temp in stage.staged.items():
            os.replace(temp, final)
        for path in stage.removed:
            if path not in stage.staged:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
        _fsync_folder(folder)
    finally:
        stage.wait(quietly=True)
        for temp in stage.staged.values():
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
