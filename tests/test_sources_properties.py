"""Property-based tests over every reader: hostile text in, no crash, each good record once.

Each round-trip test writes generated records in one format (as a real producer would:
JSON escaping, XML escaping, CSV quoting, BibTeX braces), mixes in malformed records, reads
the bytes back through :func:`kg.sources.read_bytes`, and checks that

* nothing raises;
* every record with a non-empty title and abstract comes back exactly once, in order, with
  its arXiv id, the line it starts on, and the title and abstract that :func:`tidy` makes
  of what was written;
* every other record comes back as one :class:`SourceProblem` with the file and a line.

Fields mix plain text, hostile pieces (control characters, ``<script>``, quotes, ``>``,
``%``, bidi marks, LaTeX) and raw invalid UTF-8 bytes. The example counts add up to more
than 10,000 generated cases.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from xml.sax.saxutils import escape as xml_escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.records import Paper, SourceProblem
from kg.sources import FORMATS, read_bytes
from kg.sources.text import tidy

HOSTILE = [
    "\x00",
    "\x07",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\u202e",
    "\u200f",
    "\u200b",
    "\ufeff",
    "\u00ad",
    "<script>alert(1)</script>",
    "</summary>",
    "]]>",
    '"',
    "'",
    ">",
    "<",
    "%",
    "&",
    "&amp;",
    "&#0;",
    "&#x202e;",
    ",",
    ";",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "-\n",
    "lan-\nguage",
    "é",
    "e\u0301",
    "😀",
    "עברית",
    "$^{2}$",
    "$",
    "\\emph{x}",
    '\\"u',
    "\\cite{k}",
    "\\",
    "{",
    "}",
    "@",
    "#",
    "~",
    " ",
    "\u00a0",
]
PLAIN = st.text(
    alphabet=st.characters(exclude_categories=("Cs",)),
    max_size=12,
)
# raw bytes that are never ASCII, so they can never end a JSON line or a CSV field
BAD_BYTES = st.binary(min_size=1, max_size=4).map(lambda b: bytes(x | 0x80 for x in b))

Segment = str | bytes


PIECES = st.one_of(PLAIN, st.sampled_from(HOSTILE), BAD_BYTES)


def _join(pieces: list[Segment], keep) -> list[Segment]:
    """Filter characters a format forbids and merge neighbouring pieces of the same kind."""
    segments: list[Segment] = []
    for piece in pieces:
        if isinstance(piece, str) and keep is not None:
            piece = "".join(ch for ch in piece if keep(ch))
        if segments and type(segments[-1]) is type(piece):
            segments[-1] = segments[-1] + piece
        elif piece:
            segments.append(piece)
    return segments


def fields(keep=None) -> st.SearchStrategy[list[Segment]]:
    """A field as segments of text and raw bytes; ``keep`` filters characters a format forbids."""
    return st.lists(PIECES, max_size=8).map(lambda pieces: _join(pieces, keep))


def logical(segments: list[Segment]) -> str:
    """The text a reader sees for a field: its bytes decoded as the readers decode files."""
    raw = b"".join(s.encode("utf-8") if isinstance(s, str) else s for s in segments)
    return raw.decode("utf-8", errors="replace")


def encode(segments: list[Segment], escape) -> bytes:
    return b"".join(escape(s).encode("utf-8") if isinstance(s, str) else s for s in segments)


@dataclass
class Record:
    number: int
    title: list[Segment]
    abstract: list[Segment]

    @property
    def arxiv_id(self) -> str:
        return f"2401.{10000 + self.number:05d}"


def corpora(keep=None, size: int = 6):
    """Records, and for each position (one more than records) whether junk is written there."""
    field = fields(keep)
    rows = st.lists(st.tuples(field, field, st.booleans()), min_size=1, max_size=size)
    return st.tuples(rows, st.booleans()).map(
        lambda pair: (
            [Record(i, title, abstract) for i, (title, abstract, _) in enumerate(pair[0])],
            [junk for *_, junk in pair[0]] + [pair[1]],
        )
    )


def check(data: bytes, name: str, fmt: str | None, records, starts, junk_count, *, latex=False):
    """Read ``data`` back and compare with what was written (see the module doc)."""
    out = list(read_bytes(data, name, format=fmt))
    papers = [r for r in out if isinstance(r, Paper)]
    problems = [r for r in out if isinstance(r, SourceProblem)]
    assert len(papers) + len(problems) == len(out)
    expected = []
    for record, line in zip(records, starts, strict=True):
        title, abstract = tidy(logical(record.title), latex=latex), tidy(logical(record.abstract), latex=latex)
        if title and abstract:
            expected.append((record.arxiv_id, line, title, abstract))
    got = [(p.arxiv_id, p.sources[0].line, p.title, p.abstract) for p in papers]
    assert got == expected
    assert len(problems) == junk_count + len(records) - len(expected)
    assert all(p.source.file == name and p.source.line for p in problems)
    return papers, problems


LIMITS = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}


# -- JSON Lines, JSON, arXiv snapshot and the daily-papers API -------------------------------


def _json_escape(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)[1:-1]


def _json_string(segments) -> bytes:
    return b'"' + encode(segments, _json_escape) + b'"'


@settings(max_examples=1400, **LIMITS)
@given(corpora())
def test_jsonl_round_trip(corpus):
    records, junk = corpus
    lines, starts = [], []
    for i, record in enumerate(records):
        if junk[i]:
            lines.append(b'{"title": "broken", "abstract": ')  # truncated JSON
        starts.append(len(lines) + 1)
        lines.append(
            b'{"id": "arXiv:' + record.arxiv_id.encode() + b'v2", "title": '
            + _json_string(record.title) + b', "abstract": ' + _json_string(record.abstract) + b"}"
        )
    if junk[-1]:
        lines.append(b'["not", "an", "object"]')
    check(b"\n".join(lines) + b"\n", "c.jsonl", "jsonl", records, starts, sum(junk))


@settings(max_examples=1400, **LIMITS)
@given(corpora())
def test_arxiv_snapshot_round_trip(corpus):
    records, junk = corpus
    lines, starts = [], []
    for i, record in enumerate(records):
        if junk[i]:
            lines.append(b'"a string, not a record"')
        starts.append(len(lines) + 1)
        lines.append(
            b'{"id": "' + record.arxiv_id.encode() + b'", "title": ' + _json_string(record.title)
            + b', "abstract": ' + _json_string(record.abstract)
            + b', "categories": "cs.CL", "versions": [{"version": "v1", "created": "Tue, 2 Jan 2024'
            + b' 10:00:00 GMT"}], "update_date": "2024-01-05", "authors": ' + _json_string(record.title) + b"}"
        )
    if junk[-1]:
        lines.append(b"{not json")
    papers, _ = check(b"\n".join(lines) + b"\n", "s.json", "arxiv-snapshot", records, starts, sum(junk))
    assert all(p.date == "2024-01-02" for p in papers)


def _array(items: list[bytes], name: str, fmt: str, records, junk_positions, *, nested: bool):
    """Write ``items`` as a JSON array, one item per line, and check the read-back."""
    body, starts = [b"["], []
    for i, item in enumerate(items):
        if i in junk_positions:
            body.append(b"  42,")
        starts.append(len(body) + 1)
        body.append(b"  " + item + b",")
    if len(items) in junk_positions:
        body.append(b"  42,")
    if body[-1].endswith(b","):
        body[-1] = body[-1][:-1]
    body.append(b"]")
    return check(b"\n".join(body), name, fmt, records, starts, len(junk_positions))


@settings(max_examples=1400, **LIMITS)
@given(corpora())
def test_json_array_round_trip(corpus):
    records, junk = corpus
    items = [
        b'{"arxiv_id": "' + r.arxiv_id.encode() + b'", "title": ' + _json_string(r.title)
        + b', "summary": ' + _json_string(r.abstract) + b"}"
        for r in records
    ]
    _array(items, "a.json", "json", records, {i for i, j in enumerate(junk) if j}, nested=False)


@settings(max_examples=1400, **LIMITS)
@given(corpora())
def test_hf_api_round_trip(corpus):
    records, junk = corpus
    items = [
        b'{"paper": {"id": "' + r.arxiv_id.encode() + b'", "summary": ' + _json_string(r.abstract)
        + b', "publishedAt": "2024-01-02T00:00:00.000Z"}, "title": ' + _json_string(r.title)
        + b', "publishedAt": "2024-01-03T00:00:00.000Z"}'
        for r in records
    ]
    papers, _ = _array(items, "d.json", "hf-api", records, {i for i, j in enumerate(junk) if j}, nested=True)
    assert all(p.date == "2024-01-02" for p in papers)


# -- CSV -------------------------------------------------------------------------------------


@settings(max_examples=1200, **LIMITS)
@given(corpora(keep=lambda ch: ch != "\x00"))
def test_csv_round_trip(corpus):
    records, junk = corpus
    out = io.BytesIO()
    out.write(b"id,title,abstract\r\n")
    line, starts = 2, []
    for i, record in enumerate(records):
        if junk[i]:
            out.write(b"only,two\r\n")
            line += 1
        starts.append(line)
        row = [record.arxiv_id.encode()]
        for segments in (record.title, record.abstract):
            row.append(b'"' + encode(segments, lambda s: s.replace('"', '""')) + b'"')
        data = b",".join(row) + b"\r\n"
        out.write(data)
        # a quoted field may hold line breaks; count the ones the reader will see
        line += logical([data.decode("utf-8", "replace")]).replace("\r\n", "\n").replace("\r", "\n").count("\n")
    if junk[-1]:
        out.write(b"a,b,c,d\r\n")
    check(out.getvalue(), "t.csv", "csv", records, starts, sum(junk))


# -- arXiv Atom XML --------------------------------------------------------------------------


def _xml_char(ch: str) -> bool:
    code = ord(ch)
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or code >= 0x10000


@settings(max_examples=1400, **LIMITS)
@given(corpora(keep=_xml_char))
def test_arxiv_atom_round_trip(corpus):
    records, junk = corpus
    parts = [b'<?xml version="1.0" encoding="UTF-8"?>', b'<feed xmlns="http://www.w3.org/2005/Atom">']
    starts = []
    for i, record in enumerate(records):
        if junk[i]:
            parts.append(b"<entry><id>http://arxiv.org/abs/2401.99999v1</id><title>no summary</title></entry>")
        starts.append(len(parts) + 1)
        parts.append(
            b"<entry><id>http://arxiv.org/abs/" + record.arxiv_id.encode() + b"v3</id>"
            + b"<title>" + encode(record.title, xml_escape) + b"</title>"
            + b"<summary>" + encode(record.abstract, xml_escape) + b"</summary></entry>"
        )
    if junk[-1]:
        parts.append(b"<entry><title></title><summary>untitled</summary></entry>")
    parts.append(b"</feed>")
    data = b"\n".join(parts)
    # line breaks inside fields move later entries down: count them as the parser does
    starts = []
    line = 1
    for part in parts:
        if part.startswith(b"<entry><id>http://arxiv.org/abs/2401.1"):
            starts.append(line)
        line += part.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    check(data, "q.xml", "arxiv-atom", records, starts, sum(junk) if records else sum(junk) + 0)


# -- BibTeX ----------------------------------------------------------------------------------


def _bib_char(ch: str) -> bool:
    return ch not in "{}@\\"


@settings(max_examples=1200, **LIMITS)
@given(corpora(keep=_bib_char))
def test_bibtex_round_trip(corpus):
    records, junk = corpus
    parts: list[bytes] = []
    starts = []
    line = 1
    for i, record in enumerate(records):
        if junk[i]:
            chunk = b"@misc{junk" + str(i).encode() + b", title = {No abstract here}}\n"
            parts.append(chunk)
            line += 1
        starts.append(line)
        chunk = (
            b"@article{key" + str(i).encode() + b",\n  title = {" + encode(record.title, str) + b"},\n"
            b"  abstract = {" + encode(record.abstract, str) + b"},\n  eprint = {" + record.arxiv_id.encode()
            + b"v1},\n  archivePrefix = {arXiv}\n}\n"
        )
        parts.append(chunk)
        line += chunk.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n").count("\n")
    if junk[-1]:
        parts.append(b"@article{last, title = {Last but no abstract}, year = 2020}\n")
    data = b"".join(parts) or b"% empty\n"
    junk_count = sum(junk) + (0 if parts else 1)  # "no BibTeX entries found"
    check(data, "r.bib", "bibtex", records, starts, junk_count, latex=True)


# -- anything at all into every reader -------------------------------------------------------

ANY_TEXT = st.lists(st.one_of(PLAIN, st.sampled_from(HOSTILE), BAD_BYTES), max_size=30).map(
    lambda parts: b"".join(p.encode("utf-8") if isinstance(p, str) else p for p in parts)
)
PREFIXES = [
    b"",
    b"[",
    b"{",
    b'[{"paper": {',
    b"<feed><entry><title>",
    b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>',
    b"@article{k,\n title = {",
    b"title,abstract\n",
    b"Daily Papers\n\nAug 7\n\n",
    b"\x1f\x8b",
]


@settings(max_examples=1500, **LIMITS)
@given(st.sampled_from(PREFIXES), ANY_TEXT, st.sampled_from([None, *FORMATS]))
def test_any_bytes_in_any_reader_never_raise(prefix, body, fmt):
    out = list(read_bytes(prefix + body, "x", format=fmt))
    for record in out:
        assert isinstance(record, Paper | SourceProblem)
        if isinstance(record, Paper):
            assert record.title and record.abstract
            assert record.title == record.title.strip() and "\x00" not in record.title + record.abstract
        else:
            assert record.source.file == "x"


# -- megabyte abstracts ----------------------------------------------------------------------

BIG = st.lists(st.one_of(PLAIN, st.sampled_from(HOSTILE)), min_size=1, max_size=6).map("".join)


@settings(max_examples=4, **LIMITS)
@given(BIG.filter(lambda s: tidy(s)))
def test_one_megabyte_abstracts_in_every_format(chunk):
    piece = chunk.replace("\x00", " ").replace("@", " ").replace("{", " ").replace("}", " ")
    piece = "".join(ch for ch in piece if _xml_char(ch)) or "text"
    abstract = (piece + " ") * (1_000_000 // (len(piece) + 1) + 1)
    assert len(abstract) >= 1_000_000
    title = "Big " + piece[:20]
    writers = {
        "jsonl": json.dumps({"id": "2401.00001", "title": title, "abstract": abstract}),
        "hf-api": json.dumps([{"paper": {"id": "2401.00001", "summary": abstract}, "title": title}]),
        "arxiv-atom": "<feed><entry><id>http://arxiv.org/abs/2401.00001v1</id><title>"
        + xml_escape(title)
        + "</title><summary>"
        + xml_escape(abstract)
        + "</summary></entry></feed>",
        "bibtex": "@misc{k, eprint = {2401.00001}, title = {" + title + "}, abstract = {" + abstract + "}}",
    }
    for fmt, text in writers.items():
        papers = [r for r in read_bytes(text.encode("utf-8"), "big", format=fmt) if isinstance(r, Paper)]
        assert [p.arxiv_id for p in papers] == ["2401.00001"], fmt
        assert papers[0].abstract == tidy(abstract, latex=fmt == "bibtex"), fmt
    rows = io.StringIO()
    csv.writer(rows).writerows([["id", "title", "abstract"], ["2401.00001", title, abstract]])
    [paper] = [r for r in read_bytes(rows.getvalue().encode(), "big.csv") if isinstance(r, Paper)]
    assert len(paper.abstract) == len(tidy(abstract))
