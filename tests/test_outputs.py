"""The output writer's pieces: runs copied from an earlier file give the bytes written plainly."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import kg.forking
import kg.outputs
from kg.outputs import _Sink, _Spool

SOURCE = b"alpha, beta, gamma\n" * 3

#: a write of literal bytes, or a copy of SOURCE[start:end]
operation = st.one_of(
    st.binary(max_size=20).map(lambda data: ("write", data)),
    st.tuples(st.integers(0, len(SOURCE)), st.integers(0, len(SOURCE))).map(
        lambda ends: ("copy", min(ends), max(ends))
    ),
    st.sampled_from([("write", b", "), ("write", b"\n")]),  # separators the source goes on with
)


def apply(target: _Sink | _Spool, operations: list[tuple]) -> bytes:
    """Make each write or copy of ``operations`` on ``target``, checking that each returns where
    its bytes start; return the bytes they add up to."""
    expected = b""
    for op in operations:
        data = op[1] if op[0] == "write" else SOURCE[op[1] : op[2]]
        offset = target.write(data) if op[0] == "write" else target.copy(SOURCE, op[1], op[2])
        assert offset == len(expected)
        expected += data
    return expected


@settings(max_examples=300, deadline=None)
@given(operations=st.lists(operation, max_size=30), block=st.sampled_from([1, 3, 1 << 26]))
def test_sink_writes_exactly_what_it_was_given(operations, block):
    """Whatever mix of writes, copies and absorbed separators, the stream holds their concatenation
    and each call returns where its bytes start."""
    saved = kg.outputs._COPY_BLOCK
    kg.outputs._COPY_BLOCK = block  # small blocks: a run is copied in many writes
    try:
        out = io.BytesIO()
        sink = _Sink(out)
        expected = apply(sink, operations)
        sink.close()
        assert out.getvalue() == expected
        assert sink.pos == len(expected)
    finally:
        kg.outputs._COPY_BLOCK = saved


@settings(max_examples=300, deadline=None)
@given(
    before=st.binary(max_size=10),
    operations=st.lists(operation, max_size=30),
    limit=st.sampled_from([0, 5, 1 << 20]),
)
def test_a_spool_replays_what_it_held_after_what_came_first(tmp_path_factory, before, operations, limit):
    """Held in memory or spilled to a file past ``limit``, a spool's writes and copies come out
    after the sink's own bytes, each at the offset the spool gave plus where it was replayed."""
    out = io.BytesIO()
    sink, spool = _Sink(out), _Spool(limit=limit, folder=tmp_path_factory.getbasetemp())
    held = apply(spool, operations)
    sink.write(before)
    base = sink.pos
    spool.replay(sink)
    sink.close()
    assert out.getvalue() == before + held and base == len(before)


def test_graph_json_is_the_same_when_its_edges_spill_to_a_file(seed_build, monkeypatch):
    """graph.json's edges, held back until the nodes are written, give the same file whether
    they stay in memory or pass the spool's limit (and the bytes node_link_text gives)."""
    from kg.graph import node_link_text
    from kg.outputs import PaperParts

    graph = seed_build[0].graph
    in_memory = PaperParts(graph).graph_json()
    monkeypatch.setattr(kg.outputs, "_SPOOL_IN_MEMORY", 100)
    spilled_to = []
    real_file = kg.outputs.tempfile.TemporaryFile

    def spilling(**options):
        spilled_to.append(options)
        return real_file(**options)

    monkeypatch.setattr(kg.outputs.tempfile, "TemporaryFile", spilling)
    spilled = PaperParts(graph).graph_json()
    assert spilled == in_memory == (node_link_text(graph) + "\n").encode()


def test_a_separator_the_source_goes_on_with_extends_the_run():
    out = io.BytesIO()
    sink = _Sink(out)
    sink.copy(SOURCE, 0, 5)  # "alpha"
    sink.write(b", ")  # SOURCE goes on with ", ": taken into the run
    sink.copy(SOURCE, 7, 11)  # "beta" follows on directly
    assert sink._run is not None and sink._run[1:] == [0, 11]
    sink.write(b"; ")  # not what follows in SOURCE: the run ends here
    assert sink._run is None
    sink.close()
    assert out.getvalue() == b"alpha, beta; "


def test_the_rdf_written_by_a_forked_child_is_the_same(tmp_path, seeds_dir, monkeypatch):
    """With the RDF written beside the other outputs, every file is byte-identical to a plain
    sequential write, and its piece map still serves the next build."""
    import kg
    import kg.api
    from kg.cache import CACHE_FILE

    examples = Path(__file__).resolve().parent.parent / "examples"
    sequential, forked = tmp_path / "sequential", tmp_path / "forked"
    kg.build([seeds_dir, examples]).write(sequential)
    monkeypatch.setattr(kg.api, "PARALLEL_RDF_PAPERS", 0)
    monkeypatch.setattr(kg.forking, "can_fork", lambda: True)
    first = kg.build([seeds_dir], cache=forked / CACHE_FILE)
    first.write(forked)
    assert "ttl_wait" in first.timings  # the forked path ran
    grown = kg.build([seeds_dir, examples], cache=forked / CACHE_FILE)
    grown.write(forked)
    assert grown.reused_parts > 2 * 83  # the seed papers' pieces of more than two files: Turtle too
    for name in ("graph.ttl", "graph.json", "papers.jsonl", "graph.html"):
        assert (forked / name).read_bytes() == (sequential / name).read_bytes(), name
