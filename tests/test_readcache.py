"""Parsed input files kept in the cache, cached papers linked without decoding their entities,
and output files flushed to disk in the background."""

from __future__ import annotations

import json
import math
import os
import shutil
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kg
import kg.api
import kg.forking
import kg.sources
from kg.cache import CACHE_FILE, decode_records, encode_records
from kg.io import staged_files
from kg.records import Paper, SourceProblem, SourceRef
from kg.sources import SUFFIXES, read_file

from .conftest import FIXTURES


def _fixture_files():
    return sorted(p for p in FIXTURES.iterdir() if p.suffix in SUFFIXES)


@pytest.mark.parametrize("path", _fixture_files(), ids=lambda p: p.name)
def test_what_each_fixture_gives_reads_back_the_same(path):
    records = list(read_file(path))
    data = encode_records(records)
    assert data is not None
    back = decode_records(data)
    assert back == records
    # equality skips raw text and extras: compare those too
    assert [getattr(r, "extra", None) for r in back] == [getattr(r, "extra", None) for r in records]
    assert [getattr(r, "raw_title", None) for r in back] == [getattr(r, "raw_title", None) for r in records]


def test_fixtures_hold_both_papers_and_problems():
    records = [r for path in _fixture_files() for r in read_file(path)]
    assert any(isinstance(r, Paper) for r in records)
    assert any(isinstance(r, SourceProblem) for r in records)


_hostile = st.text(
    alphabet=st.characters(blacklist_categories=(), blacklist_characters=()),  # lone surrogates too
    max_size=40,
)
_plain = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | _hostile,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_hostile, inner, max_size=3),
    max_leaves=8,
)
_source = st.builds(SourceRef, _hostile, st.none() | st.integers(1, 10**9))
_paper = st.builds(
    Paper,
    id=_hostile,
    title=_hostile,
    abstract=_hostile,
    date=st.none() | _hostile,
    url=st.none() | _hostile,
    arxiv_id=st.none() | _hostile,
    sources=st.lists(st.builds(SourceRef, _hostile, st.none() | st.integers(1, 10**9)), max_size=2).map(
        tuple
    ),
    extra=st.dictionaries(_hostile, _plain, max_size=3),
    raw_title=st.none() | _hostile,
    raw_abstract=st.none() | _hostile,
)
_problem = st.builds(
    SourceProblem, st.builds(SourceRef, _hostile, st.none() | st.integers(1, 10**9)), _hostile
)


@given(st.lists(_paper | _problem, max_size=5))
@settings(max_examples=300, deadline=None)
def test_any_records_read_back_exactly(records):
    back = decode_records(encode_records(records))
    assert back == records
    for got, sent in zip(back, records, strict=True):
        if isinstance(sent, Paper):
            assert (got.extra, got.raw_title, got.raw_abstract) == (
                sent.extra,
                sent.raw_title,
                sent.raw_abstract,
            )


@pytest.mark.parametrize("value", [(1, 2), math.nan, math.inf, 2**70, {1: "a"}, {"a": {"b"}}])
def test_extras_json_would_change_are_not_kept(value):
    assert encode_records([Paper("p", "T", "A", extra={"x": value})]) is None


def _refuse(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("an unchanged file was parsed again")

    monkeypatch.setattr(kg.sources, "read_file", refuse)
    monkeypatch.setattr(kg.sources, "read_bytes", refuse)


def _rows(cache_path):
    with sqlite3.connect(cache_path) as db:
        return dict(db.execute("SELECT file, stamp FROM parsed_inputs"))


def test_an_unchanged_file_is_not_parsed_again(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    shutil.copytree(FIXTURES, folder)
    cache = tmp_path / CACHE_FILE
    plain = kg.read([folder])
    first = kg.read([folder], cache=cache)
    assert first == plain
    assert len(_rows(cache)) == len(_fixture_files())
    _refuse(monkeypatch)
    again = kg.read([folder], cache=cache)
    assert again == plain
    assert [p.extra for p in again[0]] == [p.extra for p in plain[0]]


def test_a_touched_or_copied_file_is_known_by_its_bytes(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    shutil.copytree(FIXTURES, folder)
    cache = tmp_path / CACHE_FILE
    plain = kg.read([folder], cache=cache)
    before = _rows(cache)
    good = folder / "good.jsonl"
    good.write_bytes(good.read_bytes())  # same bytes, new time and maybe a new inode
    os.utime(good, ns=(1, 1))
    _refuse(monkeypatch)
    assert kg.read([folder], cache=cache) == plain
    after = _rows(cache)
    assert after[str(good)] != before[str(good)]  # the new stamp is kept: next time, nothing is read
    assert {f: s for f, s in after.items() if f != str(good)} == {
        f: s for f, s in before.items() if f != str(good)
    }


def test_changed_files_are_parsed_again_and_gone_ones_forgotten(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    first, second = folder / "a.jsonl", folder / "b.jsonl"
    first.write_text(json.dumps({"id": "a", "title": "First", "abstract": "One."}) + "\n")
    second.write_text(json.dumps({"id": "b", "title": "Second", "abstract": "Two."}) + "\n")
    cache = tmp_path / CACHE_FILE
    papers, _ = kg.read([folder], cache=cache)
    assert [p.abstract for p in papers] == ["One.", "Two."]
    stamp = os.stat(first)
    first.write_text(json.dumps({"id": "a", "title": "First", "abstract": "Uno."}) + "\n")
    os.utime(first, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 1_000_000))
    second.unlink()
    papers, _ = kg.read([folder], cache=cache)
    assert [p.abstract for p in papers] == ["Uno."]
    assert list(_rows(cache)) == [str(first)]


def test_standard_input_is_never_kept(tmp_path, monkeypatch):
    import io

    line = json.dumps({"id": "s", "title": "From a pipe", "abstract": "Text."}) + "\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(line.encode())))
    papers, _ = kg.read(["-"], cache=tmp_path / CACHE_FILE)
    assert [p.id for p in papers] == ["s"]
    cache = tmp_path / CACHE_FILE
    assert not cache.exists() or _rows(cache) == {}


def _refuse_whole_files(monkeypatch):
    """Make reading a whole file fail: only the lines added at a file's end may be read."""

    def refuse(*args, **kwargs):
        raise AssertionError("the whole file was parsed again")

    monkeypatch.setattr(kg.sources, "read_file", refuse)
    monkeypatch.setattr(kg.sources, "read_bytes", refuse)


def _record_line(number: int, title: str = "Paper") -> bytes:
    return json.dumps({"id": f"g{number}", "title": f"{title} {number}", "abstract": "We use LoRA."}).encode()


def _grow_and_read(path, added: bytes, cache):
    """Append ``added`` to ``path`` and read it through the cache."""
    with path.open("ab") as stream:
        stream.write(added)
    return kg.read([path], cache=cache)


def test_lines_added_to_a_jsonl_file_are_read_alone(tmp_path, monkeypatch):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"\n".join(_record_line(i) for i in range(3)) + b"\n{broken\n")
    cache = tmp_path / CACHE_FILE
    kg.read([path], cache=cache)
    with monkeypatch.context() as patch:
        _refuse_whole_files(patch)
        added = b"\n" + _record_line(3) + b"\n[1, 2]\n" + _record_line(4) + b"\n"
        papers, problems = _grow_and_read(path, added, cache)
    plain_papers, plain_problems = kg.read([path])
    assert papers == plain_papers and problems == plain_problems
    assert [p.id for p in papers] == ["g0", "g1", "g2", "g3", "g4"]
    assert [(r.source.line, r.reason[:12]) for r in problems] == [(4, "invalid JSON"), (7, "expected a J")]
    assert [p.sources[0].line for p in papers[3:]] == [6, 8]
    with sqlite3.connect(cache) as db:
        assert db.execute("SELECT COUNT(*) FROM parsed_appends").fetchone()[0] == 1
    _refuse(monkeypatch)  # unchanged since: taken by its stamp, added part included
    assert kg.read([path], cache=cache) == (plain_papers, plain_problems)


@pytest.mark.parametrize(
    ("start", "added", "why"),
    [
        (
            b'{"id": "a", "title": "A", "abstract": "x"}',
            b'\n{"id": "b", "title": "B", "abstract": "y"}\n',
            "no newline",
        ),
        (
            b'{"id": "a", "title": "A", "abstract": "x"}\r',
            b'\n{"id": "b", "title": "B", "abstract": "y"}\n',
            "lone CR",
        ),
        (
            b'[{"id": "a", "title": "A", "abstract": "x"},\n',
            b'{"id": "b", "title": "B", "abstract": "y"}]\n',
            "JSON",
        ),
    ],
)
def test_growth_that_is_not_whole_lines_is_parsed_again(tmp_path, start, added, why):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(start)
    cache = tmp_path / CACHE_FILE
    kg.read([path], cache=cache)
    assert _grow_and_read(path, added, cache) == kg.read([path]), why
    with sqlite3.connect(cache) as db:
        assert db.execute("SELECT COUNT(*) FROM parsed_appends").fetchone()[0] == 0


def test_an_edited_start_is_parsed_again(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(_record_line(0) + b"\n" + _record_line(1) + b"\n")
    cache = tmp_path / CACHE_FILE
    kg.read([path], cache=cache)
    path.write_bytes(_record_line(0, "Edited") + b"\n" + _record_line(1) + b"\n" + _record_line(2) + b"\n")
    papers, _ = kg.read([path], cache=cache)
    assert [p.title for p in papers] == ["Edited 0", "Paper 1", "Paper 2"]
    assert papers == kg.read([path])[0]


def test_a_file_grown_many_times_is_saved_whole_again(tmp_path):
    from kg.parsed import MAX_APPENDED_PARTS

    path = tmp_path / "feed.jsonl"
    path.write_bytes(_record_line(0) + b"\n")
    cache = tmp_path / CACHE_FILE
    kg.read([path], cache=cache)
    counts = []
    for i in range(1, MAX_APPENDED_PARTS + 2):
        assert _grow_and_read(path, _record_line(i) + b"\n", cache) == kg.read([path])
        with sqlite3.connect(cache) as db:
            counts.append(db.execute("SELECT COUNT(*) FROM parsed_appends").fetchone()[0])
    assert counts == [*range(1, MAX_APPENDED_PARTS + 1), 0]
    assert [p.id for p in kg.read([path], cache=cache)[0]] == [f"g{i}" for i in range(MAX_APPENDED_PARTS + 2)]


def test_a_grown_arxiv_snapshot_is_read_like_the_whole_file(tmp_path, monkeypatch):
    def entry(number):
        record = {
            "id": f"2401.{number:05d}",
            "title": f"Paper {number}",
            "abstract": "We use LoRA.",
            "categories": "cs.LG",
            "update_date": "2024-01-02",
            "authors": "A. Author",
        }
        return json.dumps(record).encode() + b"\n"

    path = tmp_path / "arxiv-metadata.json"
    path.write_bytes(entry(1) + entry(2))
    cache = tmp_path / CACHE_FILE
    kg.read([path], cache=cache)
    with monkeypatch.context() as patch:
        _refuse_whole_files(patch)
        cached = _grow_and_read(path, entry(3), cache)
    plain = kg.read([path])
    assert cached == plain
    assert [p.arxiv_id for p in cached[0]] == ["2401.00001", "2401.00002", "2401.00003"]


_line_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12
)  # any character a JSON string may hold, line and paragraph separators included
_lines = st.lists(
    st.one_of(
        st.builds(
            lambda t: json.dumps({"title": t or "T", "abstract": t}, ensure_ascii=False).encode(), _line_text
        ),
        st.sampled_from([b"", b"{oops", b"[]", b"\xff\xfe", b"  ", b"x\ry", b"\xc3"]),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=150, deadline=None)
@given(before=_lines, after=_lines, ending=st.sampled_from([b"\n", b"\r\n"]), bom=st.booleans())
def test_any_growth_by_whole_lines_reads_like_the_whole_file(tmp_path_factory, before, after, ending, bom):
    folder = tmp_path_factory.mktemp("grow")
    path = folder / "feed.jsonl"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + b"".join(line + ending for line in before))
    cache = folder / CACHE_FILE
    kg.read([path], cache=cache)
    cached = _grow_and_read(path, b"".join(line + ending for line in after), cache)
    assert cached == kg.read([path])


def _jsonl(path, rows):
    path.write_text("".join(json.dumps({"id": i, "title": t, "abstract": a}) + "\n" for i, t, a in rows))
    return path


BASE = [
    ("r1", "Sparse Routers", "We propose RouteMix, a router evaluated on MMLU and GSM8K."),
    ("r2", "Token Budgets", "We fine-tune Llama-2-7B with LoRA and report accuracy on HellaSwag."),
    ("r3", "Vision at Scale", "We train ViT-B/16 on ImageNet-1K and compare it with ResNet-50."),
]
MORE = [("r4", "Speech Adapters", "We add LoRA adapters to Whisper and evaluate on LibriSpeech.")]


def test_a_grown_build_links_its_cached_papers_without_decoding_them(tmp_path, monkeypatch):
    base, more = _jsonl(tmp_path / "base.jsonl", BASE), _jsonl(tmp_path / "more.jsonl", MORE)
    cache = tmp_path / "out" / CACHE_FILE
    kg.build([base], cache=cache).write(tmp_path / "out")
    decoded = []
    real = kg.cache.decode_extraction
    monkeypatch.setattr(
        kg.cache, "decode_extraction", lambda data, paper: decoded.append(paper.id) or real(data, paper)
    )
    grown = kg.build([base, more], cache=cache)
    assert (grown.cached, grown.extracted) == (3, 1)
    counts = grown.summary()  # links every paper
    assert decoded == []
    fresh = kg.build([base, more])
    assert counts == fresh.summary()
    assert grown.extractions == fresh.extractions  # each cached paper decodes on first use
    assert sorted(decoded) == ["r1", "r2", "r3"]


@pytest.fixture
def kept_between_builds():
    """What a ``kg build --watch`` process turns on, turned off again after the test."""
    kg.api.keep_between_builds()
    yield
    kg.api.keep_between_builds(False)


def _traced_selects(monkeypatch):
    """The SELECTs every SQLite connection opened from now on runs (real databases, traced)."""
    statements: list[str] = []
    connect = sqlite3.connect

    def traced(*args, **kwargs):
        db = connect(*args, **kwargs)
        db.set_trace_callback(lambda sql: statements.append(sql) if sql.startswith("SELECT") else None)
        return db

    monkeypatch.setattr(sqlite3, "connect", traced)
    return statements


def test_a_process_that_builds_again_takes_unchanged_files_from_memory(
    tmp_path, monkeypatch, kept_between_builds
):
    folder = tmp_path / "in"
    shutil.copytree(FIXTURES, folder)
    cache = tmp_path / CACHE_FILE
    plain = kg.read([folder])
    assert kg.read([folder], cache=cache) == plain
    selects = _traced_selects(monkeypatch)
    with monkeypatch.context() as refused:
        _refuse(refused)
        again = kg.read([folder], cache=cache)
    assert again == plain
    assert [p.extra for p in again[0]] == [p.extra for p in plain[0]]
    assert not [sql for sql in selects if "data FROM parsed_inputs" in sql]  # nor decoded from the cache
    good = folder / "good.jsonl"
    stamp = os.stat(good)
    good.write_text(json.dumps({"id": "new", "title": "Changed Today", "abstract": "New text."}) + "\n")
    os.utime(good, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 1_000_000))
    papers, _ = kg.read([folder], cache=cache)
    assert "Changed Today" in [p.title for p in papers]  # a changed stamp is never taken from memory
    assert papers == kg.read([folder])[0]


def test_a_process_that_builds_again_takes_cached_rows_from_memory(
    tmp_path, monkeypatch, kept_between_builds
):
    from kg.cache import content_key

    base, more = _jsonl(tmp_path / "base.jsonl", BASE), _jsonl(tmp_path / "more.jsonl", MORE)
    cache = tmp_path / "out" / CACHE_FILE
    kg.build([base], cache=cache)
    old_keys = [content_key(p) for p in kg.read([base])[0]]
    new_key = content_key(kg.read([more])[0][0])
    selects = _traced_selects(monkeypatch)

    def rows_asked_for():
        asked = [sql for sql in selects if "FROM extractions" in sql and "content IN" in sql]
        selects.clear()
        return " ".join(asked)  # traced SQL holds the bound values

    grown = kg.build([base, more], cache=cache)
    assert (grown.cached, grown.extracted) == (3, 1)
    asked = rows_asked_for()
    assert new_key in asked and not any(key in asked for key in old_keys)
    assert grown.extractions == kg.build([base, more]).extractions
    grown.summary()  # links every paper
    decoded = []
    real = kg.cache.decode_link_facts
    monkeypatch.setattr(kg.cache, "decode_link_facts", lambda data: decoded.append(data) or real(data))
    again = kg.build([base, more], cache=cache)  # the new paper's row was kept when it was put
    assert (again.cached, again.extracted) == (4, 0)
    assert rows_asked_for() == ""
    # the same paper read from the same row is the last build's extraction, its facts decoded once
    assert all(again.extractions[i] is grown.extractions[i] for i in range(3))
    assert again.summary() == grown.summary()
    assert len(decoded) == 1  # only the paper extracted last time
    cache.unlink()  # a new database file: nothing kept for the old one is used
    fresh = kg.build([base, more], cache=cache)
    assert (fresh.cached, fresh.extracted) == (0, 4)


def test_a_failed_background_flush_keeps_the_old_files(tmp_path):
    (tmp_path / "a.txt").write_text("old")
    with pytest.raises(FileNotFoundError), staged_files(tmp_path) as stage:
        stage.path("a.txt").write_text("new")
        stage.sync_soon(tmp_path / "never-written.txt")
    assert (tmp_path / "a.txt").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_flushed_files_are_committed(tmp_path):
    with staged_files(tmp_path) as stage:
        for name in ("a.txt", "b.txt"):
            path = stage.path(name)
            path.write_text(name)
            stage.sync_soon(path)
    assert sorted(p.read_text() for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


def test_disk_writer_sends_big_files_to_disk_and_reports_failures(tmp_path):
    from kg.io import DiskWriter

    path = tmp_path / "big.bin"
    blocks = [bytes([i]) * 1000 for i in range(50)]
    with path.open("wb") as raw, DiskWriter(raw, every=4096) as stream:
        for block in blocks:
            stream.write(block)
    assert path.read_bytes() == b"".join(blocks)
    read_end, write_end = os.pipe()  # a pipe cannot be synced: the failure must surface
    with open(write_end, "wb") as raw, open(read_end, "rb"):
        writer = DiskWriter(raw, every=1)
        writer.write(b"x")
        with pytest.raises(OSError):
            writer.finish()
