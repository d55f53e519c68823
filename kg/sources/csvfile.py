"""Reader for CSV and TSV files with a header row.

Column names are matched loosely (``title`` or ``titles``, ``abstract`` or ``summaries``, ...)
by :func:`kg.sources.fields.paper_from_mapping`.

Examples
--------
>>> import io
>>> rows = io.StringIO("titles,summaries\\nA Title,An abstract.\\n")
>>> [p.title for p in read_csv(rows, "x.csv")]
['A Title']
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable, Iterator

from kg.records import Paper, SourceProblem, SourceRef
from kg.sources.fields import paper_from_mapping

__all__ = ["read_csv"]


def read_csv(
    lines: Iterable[str], name: str, *, delimiter: str | None = None
) -> Iterator[Paper | SourceProblem]:
    """Yield one paper per data row; the delimiter defaults to tab for ``.tsv`` names."""
    csv.field_size_limit(sys.maxsize)
    if delimiter is None:
        delimiter = "\t" if name.lower().endswith((".tsv", ".tsv.gz")) else ","
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        yield SourceProblem(SourceRef(name), "file is empty")
        return
    except csv.Error as error:
        yield SourceProblem(SourceRef(name, 1), f"unreadable CSV header: {error}")
        return
    header = [h.strip().lstrip("\ufeff") for h in header]
    line = reader.line_num
    while True:
        start = line + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield SourceProblem(SourceRef(name, start), f"unreadable CSV row: {error}")
            line = reader.line_num
            continue
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield SourceProblem(
                SourceRef(name, start), f"row has {len(row)} fields, header has {len(header)}"
            )
            continue
        yield paper_from_mapping(dict(zip(header, row, strict=True)), SourceRef(name, start))
