"""A small on-disk cache of the catalogue's phrase patterns, shared by every kg process.

Building the catalogue matchers means tokenizing some fifty thousand names and aliases,
about 1.5 s in every process that extracts (each worker, and each small incremental build).
The result, one tuple of token hashes per form, depends only on the forms, the attribute
hashed and the tokenizer, so it is saved once under a hash of those and read back in
milliseconds afterwards. The matchers made from them (see
:func:`kg.nlp.components.catalogue_tries`) are kept the same way, as other kinds of blob, and so
are the loaded catalogue itself and its folded indexes (see :func:`kg.nlp.catalogue.load_catalogue`).

The folder is ``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``; set
``KG_CACHE_DIR=off`` to neither read nor write it. It keeps the :data:`KEEP_PER_KIND` most
recently used files of each kind and removes older ones. A file that cannot be read or does not
match is ignored (and written again), and a folder that cannot be written costs nothing but
the time saved.

Examples
--------
>>> import tempfile, os
>>> os.environ["KG_CACHE_DIR"] = tempfile.mkdtemp()
>>> save_patterns("k1", [(1, 2), (), (3,)])
>>> load_patterns("k1", 3)
[(1, 2), (), (3,)]
>>> load_patterns("k1", 4) is None  # not the number of forms asked for
True
>>> del os.environ["KG_CACHE_DIR"]
"""

from __future__ import annotations

import contextlib
import marshal
import os
import struct
import tempfile
from array import array
from pathlib import Path

from kg.runtime import paused_gc

__all__ = [
    "KEEP_PER_KIND",
    "cache_dir",
    "load_blob",
    "load_marshalled",
    "load_patterns",
    "prune",
    "save_blob",
    "save_marshalled",
    "save_patterns",
]

_MAGIC = b"KGPATTERNS1\n"
_HEADER = struct.Struct("<QQ")  # number of patterns, number of values


def cache_dir() -> Path | None:
    """The folder the patterns are kept in, or ``None`` when ``KG_CACHE_DIR=off`` (or when no
    folder is set and there is no home directory)."""
    chosen = os.environ.get("KG_CACHE_DIR")
    if chosen:
        return None if chosen.lower() == "off" else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home directory to be found: keep nothing
            return None
    return Path(base) / "kg"


def _path(key: str, kind: str = "patterns") -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / f"{kind}-{key}.bin"


def load_blob(kind: str, key: str) -> bytes | None:
    """The bytes saved by :func:`save_blob` under ``kind`` and ``key``, or ``None``.

    >>> import tempfile, os
    >>> os.environ["KG_CACHE_DIR"] = tempfile.mkdtemp()
    >>> save_blob("plan", "k2", b"data")
    >>> load_blob("plan", "k2"), load_blob("plan", "k3")
    (b'data', None)
    >>> del os.environ["KG_CACHE_DIR"]
    """
    path = _path(key, kind)
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # used now: the last to be pruned
    return data


def save_blob(kind: str, key: str, data: bytes) -> None:
    """Save ``data`` under ``kind`` and ``key`` (atomically; silently skipped if the folder is
    not writable)."""
    path = _path(key, kind)
    if path is None:
        return
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.write(data)
            os.replace(temp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
        prune(kind)


def load_marshalled(kind: str, key: str) -> object:
    """The value :func:`save_marshalled` saved under ``kind`` and ``key``, or ``None`` when
    there is none or it cannot be read back. The collector is paused meanwhile: a large value
    is tens of thousands of new containers, none of them garbage.

    >>> import tempfile, os
    >>> os.environ["KG_CACHE_DIR"] = tempfile.mkdtemp()
    >>> save_marshalled("demo", "k", {"a": [1, 2]})
    >>> load_marshalled("demo", "k"), load_marshalled("demo", "other")
    ({'a': [1, 2]}, None)
    >>> del os.environ["KG_CACHE_DIR"]
    """
    data = load_blob(kind, key)
    if data is None:
        return None
    try:
        with paused_gc():
            return marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None


def save_marshalled(kind: str, key: str, value: object) -> None:
    """Save ``value`` (built of what :mod:`marshal` writes) under ``kind`` and ``key``."""
    save_blob(kind, key, marshal.dumps(value))


#: How many files of each kind the folder keeps: every catalogue (a ``--catalogue`` file edited,
#: a new kg) saves new ones, and nothing else would ever remove the old.
KEEP_PER_KIND = 32


def prune(kind: str, keep: int | None = None) -> int:
    """Remove all but the ``keep`` (default :data:`KEEP_PER_KIND`) most recently used files of
    ``kind``; return how many went.

    >>> import tempfile, os
    >>> os.environ["KG_CACHE_DIR"] = tempfile.mkdtemp()
    >>> for key in ("a", "b", "c"):
    ...     save_blob("demo", key, key.encode())
    >>> prune("demo", keep=1), [load_blob("demo", k) for k in ("a", "b", "c")]
    (2, [None, None, b'c'])
    >>> del os.environ["KG_CACHE_DIR"]
    """
    folder = cache_dir()
    if folder is None:
        return 0
    dated = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.startswith(f"{kind}-") and entry.name.endswith(".bin"):
                with contextlib.suppress(OSError):
                    dated.append((entry.stat().st_mtime_ns, entry.name, entry.path))
    dated.sort(reverse=True)
    removed = 0
    for _, _, path in dated[KEEP_PER_KIND if keep is None else keep :]:
        with contextlib.suppress(OSError):
            os.unlink(path)
            removed += 1
    return removed


def load_patterns(key: str, count: int) -> list[tuple[int, ...]] | None:
    """The ``count`` patterns saved under ``key``, or ``None`` if there are none that fit."""
    data = load_blob("patterns", key)
    if data is None:
        return None
    start = len(_MAGIC) + _HEADER.size
    if not data.startswith(_MAGIC) or len(data) < start:
        return None
    patterns, values = _HEADER.unpack_from(data, len(_MAGIC))
    lengths, hashes = array("I"), array("Q")
    if patterns != count or len(data) != start + patterns * lengths.itemsize + values * hashes.itemsize:
        return None
    middle = start + patterns * lengths.itemsize
    lengths.frombytes(data[start:middle])
    hashes.frombytes(data[middle:])
    if sum(lengths) != values:
        return None
    flat = hashes.tolist()
    result, at = [], 0
    for length in lengths:
        result.append(tuple(flat[at : at + length]))
        at += length
    return result


def save_patterns(key: str, patterns: list[tuple[int, ...]]) -> None:
    """Save ``patterns`` under ``key`` (atomically; silently skipped if the folder is not writable)."""
    lengths = array("I", map(len, patterns))
    hashes = array("Q", [value for pattern in patterns for value in pattern])
    data = _MAGIC + _HEADER.pack(len(patterns), len(hashes)) + lengths.tobytes() + hashes.tobytes()
    save_blob("patterns", key, data)
