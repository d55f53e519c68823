"""Parsed input files kept in the cache, extraction of a few new papers beside the decoding of
the cached ones, and output files flushed to disk in the background."""

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


def _jsonl(path, rows):
    path.write_text("".join(json.dumps({"id": i, "title": t, "abstract": a}) + "\n" for i, t, a in rows))
    return path


BASE = [
    ("r1", "Sparse Routers", "We propose RouteMix, a router evaluated on MMLU and GSM8K."),
    ("r2", "Token Budgets", "We fine-tune Llama-2-7B with LoRA and report accuracy on HellaSwag."),
    ("r3", "Vision at Scale", "We train ViT-B/16 on ImageNet-1K and compare it with ResNet-50."),
]
MORE = [("r4", "Speech Adapters", "We add LoRA adapters to Whisper and evaluate on LibriSpeech.")]


def test_new_papers_extracted_beside_the_decoding_match_an_inline_build(tmp_path, monkeypatch):
    base, more = _jsonl(tmp_path / "base.jsonl", BASE), _jsonl(tmp_path / "more.jsonl", MORE)
    expected = kg.build([base, more]).extractions
    forks = []
    real = kg.forking.start_forked
    monkeypatch.setattr(kg.forking, "start_forked", lambda fn: forks.append(1) or real(fn))
    monkeypatch.setattr(kg.api, "BESIDE_CACHED", 1)
    monkeypatch.setattr(kg.forking, "can_fork", lambda: True)  # one CPU forks too, only slower
    cache = tmp_path / "out" / CACHE_FILE
    kg.build([base], cache=cache)
    assert forks == []  # nothing was cached: the engine extracts
    grown = kg.build([base, more], cache=cache)
    assert forks == [1]
    assert (grown.cached, grown.extracted) == (3, 1)
    assert grown.extractions == expected


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
