"""Readers: files and folders in, :class:`~kg.records.Paper` records out. No spaCy here.

:func:`read_papers` walks the inputs, picks a reader per file from its extension and
content (or the ``format`` given), and yields papers and :class:`~kg.records.SourceProblem`
reports in input order. :func:`merge_duplicates` folds repeats of the same paper into one.

One module per format: :mod:`~kg.sources.dailypapers` (page dumps), :mod:`~kg.sources.jsonfile`
(JSON Lines and JSON), :mod:`~kg.sources.csvfile` (CSV/TSV), :mod:`~kg.sources.arxivatom`
(arXiv API Atom feeds), :mod:`~kg.sources.arxivsnapshot` (the arXiv metadata snapshot),
:mod:`~kg.sources.hfapi` (the daily-papers API) and :mod:`~kg.sources.bibtex`. Every one
cleans titles and abstracts with :func:`kg.sources.text.tidy`.

Examples
--------
>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.jsonl").write_text('{"title": "T", "abstract": "A."}\\n')
>>> [p.title for p in read_papers([folder])]
['T']
"""

from __future__ import annotations

import gzip
import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from kg.records import Paper, SourceProblem, SourceRef, normalize_title
from kg.sources.arxivatom import looks_like_atom, read_arxiv_atom
from kg.sources.arxivsnapshot import looks_like_snapshot, read_arxiv_snapshot
from kg.sources.bibtex import looks_like_bibtex, read_bibtex
from kg.sources.csvfile import read_csv
from kg.sources.dailypapers import looks_like_dailypapers, read_dailypapers
from kg.sources.hfapi import looks_like_hf_api, read_hf_api
from kg.sources.jsonfile import read_json, read_jsonl

__all__ = [
    "FORMATS",
    "SUFFIXES",
    "detect_format",
    "input_files",
    "merge_duplicates",
    "read_appended",
    "read_bytes",
    "read_file",
    "read_papers",
]

Records = Iterator[Paper | SourceProblem]

_READERS: dict[str, Callable[[IO[str], str], Records]] = {
    "dailypapers": read_dailypapers,
    "jsonl": read_jsonl,
    "json": lambda stream, name: read_json(stream.read(), name),
    "csv": lambda stream, name: read_csv(stream, name, delimiter=","),
    "tsv": lambda stream, name: read_csv(stream, name, delimiter="\t"),
    "arxiv-atom": lambda stream, name: read_arxiv_atom(stream.read(), name),
    "arxiv-snapshot": read_arxiv_snapshot,
    "hf-api": lambda stream, name: read_hf_api(stream.read(), name),
    "bibtex": lambda stream, name: read_bibtex(stream.read(), name),
}
#: The names ``--format`` accepts.
FORMATS: tuple[str, ...] = tuple(_READERS)
#: File endings read when a folder is given (``.gz`` of each too).
SUFFIXES = {
    ".txt": "dailypapers",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".xml": "arxiv-atom",
    ".atom": "arxiv-atom",
    ".bib": "bibtex",
    ".bibtex": "bibtex",
}


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _first_json_line(text: str) -> object:
    first = text.split("\n", 1)[0]
    try:
        return json.loads(first)
    except ValueError:
        return None


def detect_format(name: str, head: str) -> str | None:
    """Pick a reader from a file's name and its first few kilobytes of text.

    Content wins over the name where they disagree: a ``.json`` file of JSON Lines is read
    as JSON Lines, and one whose lines are arXiv snapshot records as ``arxiv-snapshot``.

    >>> detect_format("x.json", '{"title": "a"}\\n{"title": "b"}\\n')
    'jsonl'
    >>> detect_format("-", '@article{k, title={T}}')
    'bibtex'
    >>> detect_format("notes.txt", "hello") is None
    True
    """
    stripped = head.lstrip("\ufeff \t\r\n")
    by_name = SUFFIXES.get(_suffix(Path(name)))
    if stripped.startswith("<"):
        return "arxiv-atom" if looks_like_atom(stripped) or by_name == "arxiv-atom" else None
    if stripped.startswith("{") and looks_like_snapshot(_first_json_line(stripped)):
        return "arxiv-snapshot"
    if stripped.startswith(("[", "{")) and looks_like_hf_api(stripped):
        return "hf-api"
    if stripped.startswith("["):
        return "json"
    if stripped.startswith("{"):
        first = stripped.split("\n", 1)[0].strip()
        if first.endswith("}") and "\n" in stripped.strip():
            return "jsonl"
        return by_name if by_name in {"json", "jsonl"} else "json"
    if by_name in {"csv", "tsv", "bibtex"}:
        return by_name
    if looks_like_bibtex(head):
        return "bibtex"
    if looks_like_dailypapers(head):
        return "dailypapers"
    if by_name in {"json", "jsonl"}:
        return by_name
    return None


def input_files(
    paths: Iterable[str | Path], *, skip: str | Path | None = None
) -> Iterator[Path | SourceProblem]:
    """Expand folders (recursively, sorted, hidden entries skipped) into readable files.

    A missing path is reported as a :class:`SourceProblem`; files in a folder whose ending
    no reader knows are passed over, and so is the folder ``skip`` (a build's output folder
    inside its input folder: a build never reads what it wrote).
    """
    skipped = None if skip is None else Path(skip).resolve()
    for raw in paths:
        path = Path(raw)
        if str(raw) == "-":
            yield path
        elif path.is_dir():
            holds_skipped = skipped is not None and path.resolve() in skipped.parents
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                ours = holds_skipped and skipped in child.resolve().parents
                if child.is_file() and not hidden and not ours and _suffix(child) in SUFFIXES:
                    yield child
        elif path.is_file():
            yield path
        else:
            yield SourceProblem(SourceRef(str(path)), "no such file or folder")


def _read_bytes_of(path: Path) -> bytes:
    if str(path) == "-":
        return sys.stdin.buffer.read()
    return path.read_bytes()


_XML_ENCODING = re.compile(rb"""\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def _decode(data: bytes) -> str:
    """UTF-8 (BOM dropped, bad bytes to U+FFFD), unless an XML declaration names another encoding."""
    declared = _XML_ENCODING.match(data[:256])
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return data.decode("utf-8-sig", errors="replace")


def read_bytes(data: bytes, name: str, *, format: str | None = None) -> Records:
    """Yield the records of one file's bytes: gunzipped if gzip, decoded as UTF-8 (a BOM is
    dropped, invalid bytes become U+FFFD; XML may declare another encoding), then read by the
    reader ``format`` or the one :func:`detect_format` picks.

    >>> [p.title for p in read_bytes(b'{"title": "T\\xff", "abstract": "A."}\\n', "x.jsonl")]
    ['T\ufffd']
    """
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, gzip.BadGzipFile) as error:
            yield SourceProblem(SourceRef(name), f"cannot read file: {error}")
            return
    text = _decode(data)
    if not text.strip():
        yield SourceProblem(SourceRef(name), "file is empty")
        return
    chosen = _chosen_format(text, name, format)
    if chosen is None:
        yield SourceProblem(SourceRef(name), f"cannot tell the format; pass --format ({', '.join(FORMATS)})")
        return
    if chosen not in _READERS:
        yield SourceProblem(SourceRef(name), f"unknown format {chosen!r}")
        return
    yield from _READERS[chosen](io.StringIO(text, newline=None), name)


def _chosen_format(text: str, name: str, format: str | None) -> str | None:
    """``format``, or the one :func:`detect_format` picks from the start of ``text``."""
    first_line_end = text.find("\n", 0, 1 << 24) + 1  # a JSON Lines record may be long
    return format or detect_format(name, text[: max(8192, first_line_end)])


#: Formats read line by line, whose lines added at a file's end can be read alone.
_LINE_READERS: dict[str, Callable[[IO[str], str, int], Records]] = {
    "jsonl": read_jsonl,
    "arxiv-snapshot": read_arxiv_snapshot,
}


def read_appended(data: bytes, old_size: int, name: str, *, format: str | None = None) -> Records | None:
    r"""The records of the lines that follow the first ``old_size`` bytes of ``data``, exactly
    as :func:`read_bytes` would number and read them in the whole file; ``None`` when that
    cannot be done (not a line format, compressed, or the first part does not end a line).

    >>> old = b'{"title": "T", "abstract": "A."}\n'
    >>> new = old + b'\n{"title": "U", "abstract": "B."}\n'
    >>> [(p.title, p.sources[0].line) for p in read_appended(new, len(old), "x.jsonl")]
    [('U', 3)]
    >>> read_appended(b"[1,\n 2]\n", 4, "x.json") is None
    True
    """
    if not 0 < old_size < len(data) or data[:2] == b"\x1f\x8b" or data[old_size - 1 : old_size] != b"\n":
        return None
    head = _decode(data[:old_size])
    if not head.strip():
        return None
    chosen = _chosen_format(head, name, format)
    if (
        chosen not in _LINE_READERS
        or _chosen_format(_decode(data[: old_size + 65536]), name, format) != chosen
    ):
        return None  # a short first part might have been read as something else
    # the lines before, counted as universal newlines count them: "\r\n", "\r" and "\n"
    lines = head.count("\n") + head.count("\r") - head.count("\r\n")
    tail = data[old_size:].decode("utf-8", errors="replace")
    return _LINE_READERS[chosen](io.StringIO(tail, newline=None), name, lines + 1)


def read_file(path: Path, *, format: str | None = None) -> Records:
    """Yield the records of one file (``-`` reads standard input); see :func:`read_bytes`."""
    name = "-" if str(path) == "-" else str(path)
    try:
        data = _read_bytes_of(path)
    except OSError as error:
        yield SourceProblem(SourceRef(name), f"cannot read file: {error}")
        return
    yield from read_bytes(data, name, format=format)


def read_papers(paths: Iterable[str | Path], *, format: str | None = None) -> Records:
    """Yield every paper (and every problem) found in ``paths``, in order."""
    for item in input_files(paths):
        if isinstance(item, SourceProblem):
            yield item
        else:
            yield from read_file(item, format=format)


def merge_duplicates(papers: Iterable[Paper]) -> list[Paper]:
    """Fold papers with the same :attr:`Paper.key` into the first, keeping every source.

    >>> from kg.records import Paper, SourceRef
    >>> a = Paper("1", "Same Title", "x", sources=(SourceRef("a.txt", 1),))
    >>> b = Paper("2", "same title!", "x", sources=(SourceRef("b.txt", 9),))
    >>> [str(s) for s in merge_duplicates([a, b])[0].sources]
    ['a.txt:1', 'b.txt:9']
    """
    merged: dict[str, Paper] = {}
    slot_of: dict[str, str] = {}
    for paper in papers:
        title_key = f"title:{normalize_title(paper.title)}"
        keys = [paper.key, title_key] if paper.arxiv_id else [title_key]
        slot = next((slot_of[k] for k in keys if k in slot_of), keys[0])
        kept = merged.get(slot)
        if kept is not None and kept.arxiv_id and paper.arxiv_id and kept.arxiv_id != paper.arxiv_id:
            slot = paper.key  # same title, different arXiv papers: keep both
            kept = merged.get(slot)
        merged[slot] = paper if kept is None else kept.merged_with(paper)
        for key in keys:
            slot_of.setdefault(key, slot)
    return list(merged.values())
