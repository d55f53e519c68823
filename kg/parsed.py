"""Input files parsed once: their records kept in the extraction cache between builds.

:class:`ParsedFiles` reads the input files of a build the way
:func:`kg.sources.read_papers` does, but takes each file's records from the cache when the
file is as it was: first by its stamp (size, modification time, inode: nothing is read),
then by a hash of its bytes (a touched or copied file). A JSON Lines file that only grew
(lines added at its end) keeps its saved records and only the added lines are read. All of
this is tied to the ``--format`` and to kg's own code (:func:`kg.codehash.code_hash`).
Standard input is always parsed.

Examples
--------
>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.jsonl").write_text('{"title": "T", "abstract": "A."}\\n')
>>> parsed = ParsedFiles(folder / "cache.sqlite", None)
>>> [p.title for p in parsed.records([folder])], len(parsed.fresh)
(['T'], 1)
>>> parsed.save()
>>> again = ParsedFiles(folder / "cache.sqlite", None)
>>> [p.title for p in again.records([folder])], len(again.fresh)
(['T'], 0)
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from kg import sources  # its readers are looked up when used: tests replace them
from kg.cache import ExtractionCache
from kg.codehash import code_hash
from kg.records import SourceProblem

__all__ = ["MAX_APPENDED_PARTS", "ParsedFiles", "file_stamp", "keep_recent_files"]

#: While on (:func:`keep_recent_files`): the records of the files that the last build in this
#: process read, by cache file and input file, with the stamp they had. A process that builds
#: again (``kg build --watch``) takes an unchanged file's records from here rather than
#: decoding them from the cache.
_recent: dict[tuple[str, str], tuple[str, list]] | None = None


def keep_recent_files(on: bool = True) -> None:
    """Keep (or stop keeping) the records of the files the last build read in memory, for
    the next build of this process to take by their stamps.

    >>> keep_recent_files(); keep_recent_files(False)
    """
    global _recent
    _recent = {} if on else None


#: A grown file's added records are saved apart from the rest this many times; the next
#: growth saves all of its records again as one part.
MAX_APPENDED_PARTS = 16


class ParsedFiles:
    """The records of input files, taken from the cache at ``cache_path`` for each file whose
    stamp (:func:`file_stamp`) or, failing that, whose bytes are the ones saved with them;
    :meth:`save` keeps the others'.

    Nothing is created until :meth:`save`: a build that stops at a bad record leaves no
    output folder behind.
    """

    def __init__(self, cache_path: Path | None, format: str | None) -> None:
        self.cache_path = cache_path
        self.format = format
        self.fresh: list[tuple[str, str, str, list]] = []  # (file, stamp, digest, records)
        self.grown: list[tuple[str, str, str, list]] = []  # (file, stamp, digest, added records)
        self.restamped: list[tuple[str, str]] = []  # (file, new stamp): known by its bytes
        self.stamped: list[str] = []

    def records(self, inputs: Iterable[str | Path], *, skip: str | Path | None = None) -> list:
        """What :func:`kg.sources.read_papers` yields for ``inputs``, in the same order, the
        folder ``skip`` passed over (see :func:`kg.sources.input_files`)."""
        records: list = []
        cache = None
        self._read_now: dict[tuple[str, str], tuple[str, list]] = {}
        if self.cache_path is not None and self.cache_path.exists():
            cache = ExtractionCache(self.cache_path, "")
        try:
            for item in sources.input_files(inputs, skip=skip):
                if isinstance(item, SourceProblem):
                    records.append(item)
                    continue
                stamp = None if self.cache_path is None else file_stamp(item, self.format)
                if stamp is None:
                    records.extend(sources.read_file(item, format=self.format))
                else:
                    records.extend(self._file_records(item, stamp, cache))
        finally:
            if cache is not None:
                cache.close()
        if _recent is not None and self.cache_path is not None:  # (a build without a cache keeps none)
            _recent.clear()
            _recent.update(self._read_now)
        return records

    def _file_records(self, path: Path, stamp: str, cache: ExtractionCache | None) -> list:
        """One file's records: by its stamp (from :data:`_recent`, else the cache), else by
        its bytes, else parsed (and noted)."""
        name = str(path)
        memo_key = (str(self.cache_path), name)
        recent = None if _recent is None else _recent.get(memo_key)
        found = recent[1] if recent is not None and recent[0] == stamp else None
        if found is None and cache is not None:
            found = cache.get_parsed(name, stamp=stamp)
        if found is None:
            try:
                data = path.read_bytes()
            except OSError:  # the reader reports it
                return list(sources.read_file(path, format=self.format))
            found = self._by_bytes(name, data, stamp, cache)
        self.stamped.append(name)
        self._read_now[memo_key] = (stamp, found)
        return found

    def _by_bytes(self, name: str, data: bytes, stamp: str, cache: ExtractionCache | None) -> list:
        """The records of a file not known by its stamp: by its bytes, else parsed (and noted)."""
        digest = f"{hashlib.blake2b(data, digest_size=20).hexdigest()} {self.format or ''} {code_hash()}"
        found = None if cache is None else cache.get_parsed(name, digest=digest)
        if found is not None:  # touched or copied, not changed
            self.restamped.append((name, stamp))
            return found
        grown = None if cache is None else self._grown(name, data, digest, cache)
        if grown is not None:
            old, added, parts = grown
            found = [*old, *added]
            if parts < MAX_APPENDED_PARTS:
                self.grown.append((name, stamp, digest, added))
                return found
        else:
            found = list(sources.read_bytes(data, name, format=self.format))
        self.fresh.append((name, stamp, digest, found))
        return found

    def _grown(self, name: str, data: bytes, digest: str, cache: ExtractionCache) -> tuple | None:
        """For a file that only grew since its records were saved (lines added to the end of
        a JSON Lines file): ``(saved records, records of the added lines, parts saved so
        far)``; ``None`` when the saved bytes are not the start of ``data`` unchanged."""
        entry = cache.parsed_entry(name)
        if entry is None:
            return None
        old_stamp, old_digest, parts = entry
        old_hash, _, old_settings = old_digest.partition(" ")
        if old_settings != digest.partition(" ")[2]:  # another --format or another kg
            return None
        size = old_stamp.split(" ", 1)[0]
        old_size = int(size) if size.isdigit() else 0
        if not 0 < old_size < len(data):
            return None
        if hashlib.blake2b(data[:old_size], digest_size=20).hexdigest() != old_hash:
            return None
        added = sources.read_appended(data, old_size, name, format=self.format)
        old = None if added is None else cache.get_parsed(name, digest=old_digest)
        return None if old is None else (old, list(added), parts)

    def save(self) -> None:
        """Keep the files parsed by :meth:`records` in the cache, and forget files not read."""
        if self.cache_path is None or not (self.fresh or self.cache_path.exists()):
            return
        with ExtractionCache(self.cache_path, "") as cache:
            cache.update_parsed(self.fresh, self.restamped, keep=self.stamped, grown=self.grown)
        self.fresh, self.restamped, self.grown = [], [], []


def file_stamp(path: Path, format: str | None) -> str | None:
    """What must stay the same for a file's parsed records to be reused without reading it
    (``None``: standard input, or a file that cannot be looked at)."""
    if str(path) == "-":
        return None
    try:
        info = path.stat()
    except OSError:
        return None
    return f"{info.st_size} {info.st_mtime_ns} {info.st_ino} {format or ''} {code_hash()}"
