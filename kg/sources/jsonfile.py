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

__all__ = ["read_json", "read_jsonl"]

_DECODER = json.JSONDecoder()


def _record(value: object, source: SourceRef) -> Paper | SourceProblem:
    if not isinstance(value, Mapping):
        return SourceProblem(source, f"expected a JSON object, found {type(value).__name__}")
    return paper_from_mapping(value, source)


def read_jsonl(lines: Iterable[str], name: str) -> Iterator[Paper | SourceProblem]:
    """Yield one paper per non-blank line of a JSON Lines stream."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        source = SourceRef(name, number)
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            yield SourceProblem(source, f"invalid JSON: {error.msg} (column {error.colno})")
            continue
        yield _record(value, source)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def read_json(text: str, name: str) -> Iterator[Paper | SourceProblem]:
    """Yield the papers of one JSON document, each tagged with the line its record starts on."""
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
            yield from (_record(v, SourceRef(name)) for v in lists[0])
        else:
            yield _record(value, SourceRef(name, text.count("\n", 0, pos) + 1))
        return
    if text[pos] != "[":
        yield SourceProblem(SourceRef(name, 1), "not a JSON array or object")
        return
    yield from _read_array(text, pos + 1, name)


def _read_array(text: str, pos: int, name: str) -> Iterator[Paper | SourceProblem]:
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
        yield _record(value, SourceRef(name, line))
        pos = _skip_space(text, end)
        if pos < len(text) and text[pos] == ",":
            pos += 1
        elif pos >= len(text) or text[pos] != "]":
            line += text.count("\n", counted, pos)
            yield SourceProblem(SourceRef(name, line), "invalid JSON: expected ',' or ']'")
            return
