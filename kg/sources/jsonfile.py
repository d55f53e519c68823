"""Readers for JSON Lines files and JSON documents holding paper records.

A JSON document may be an array of records, one record, or an object whose single list
value holds the records (``{"papers": [...]}``). Each record is read by
:func:`kg.sources.fields.paper_from_mapping`; a record that does not parse is reported with
its line and the rest still go through.

Examples
--------
>>> import io
>>> lines = io.StringIO('{"title": "T", "abstract": "A."}\\n{oops\\n')
>>> [type(r).__name__ for r in read_jsonl(lines, "x.jsonl")]
['Paper', 'SourceProblem']
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping

from kg.records import Paper, SourceProblem, SourceRef
from kg.sources.fields import paper_from_mapping

__all__ = ["json_lines", "json_values", "read_json", "read_jsonl"]

_DECODER = json.JSONDecoder()


def _record(value: object, source: SourceRef) -> Paper | SourceProblem:
    """A JSON value as a paper, through the loose field names of :mod:`kg.sources.fields`."""
    if not isinstance(value, Mapping):
        return SourceProblem(source, f"expected a JSON object, found {type(value).__name__}")
    return paper_from_mapping(value, source)


def json_lines(
    lines: Iterable[str], name: str, first_line: int = 1
) -> Iterator[tuple[object, SourceRef] | SourceProblem]:
    """Yield ``(value, where)`` for each non-blank line of a JSON Lines stream, or its problem;
    ``first_line`` numbers the stream's first line (the rest of a file read from its middle)."""
    for number, line in enumerate(lines, start=first_line):
        if not line.strip():
            continue
        source = SourceRef(name, number)
        try:
            yield json.loads(line), source
        except json.JSONDecodeError as error:
            yield SourceProblem(source, f"invalid JSON: {error.msg} (column {error.colno})")


def read_jsonl(lines: Iterable[str], name: str, first_line: int = 1) -> Iterator[Paper | SourceProblem]:
    """Yield one paper per non-blank line of a JSON Lines stream (see :func:`json_lines`)."""
    for item in json_lines(lines, name, first_line):
        yield item if isinstance(item, SourceProblem) else _record(*item)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def json_values(text: str, name: str) -> Iterator[tuple[object, SourceRef] | SourceProblem]:
    """Yield ``(value, where)`` for each record of a JSON document, or the problem that stops it.

    An array gives its items, each with the line it starts on; ``{"papers": [...]}`` (an
    object whose single list value holds the records) gives that list's items; any other
    object is one record.

    >>> [where.line for value, where in json_values('[\\n {"a": 1},\\n {"a": 2}\\n]', "x.json")]
    [2, 3]
    """
    pos = _skip_space(text, 0)
    if pos == len(text):
        yield SourceProblem(SourceRef(name), "file is empty")
        return
    if text[pos] == "{":
        try:
            value, _ = _DECODER.raw_decode(text, pos)
        except json.JSONDecodeError as error:
            yield SourceProblem(SourceRef(name, error.lineno), f"invalid JSON: {error.msg}")
            return
        lists = [v for v in value.values() if isinstance(v, list)]
        if len(lists) == 1 and "title" not in value:
            yield from ((v, SourceRef(name)) for v in lists[0])
        else:
            yield value, SourceRef(name, text.count("\n", 0, pos) + 1)
        return
    if text[pos] != "[":
        yield SourceProblem(SourceRef(name, 1), "not a JSON array or object")
        return
    yield from _read_array(text, pos + 1, name)


def read_json(text: str, name: str) -> Iterator[Paper | SourceProblem]:
    """Yield the papers of one JSON document, each tagged with the line its record starts on."""
    for item in json_values(text, name):
        yield item if isinstance(item, SourceProblem) else _record(*item)


def _read_array(text: str, pos: int, name: str) -> Iterator[tuple[object, SourceRef] | SourceProblem]:
    line, counted = 1 + text.count("\n", 0, pos), pos
    while True:
        pos = _skip_space(text, pos)
        if pos < len(text) and text[pos] == "]":
            return
        line += text.count("\n", counted, pos)
        counted = pos
        try:
            value, end = _DECODER.raw_decode(text, pos)
        except json.JSONDecodeError as error:
            yield SourceProblem(
                SourceRef(name, error.lineno),
                f"invalid JSON: {error.msg}; the rest of the array is not read",
            )
            return
        yield value, SourceRef(name, line)
        pos = _skip_space(text, end)
        if pos < len(text) and text[pos] == ",":
            pos += 1
        elif pos >= len(text) or text[pos] != "]":
            line += text.count("\n", counted, pos)
            yield SourceProblem(SourceRef(name, line), "invalid JSON: expected ',' or ']'")
            return
