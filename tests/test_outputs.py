"""The output writer's pieces: runs copied from an earlier file give the bytes written plainly."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st

import kg.outputs
from kg.outputs import _Sink

SOURCE = b"alpha, beta, gamma\n" * 3

#: a write of literal bytes, or a copy of SOURCE[start:end]
operation = st.one_of(
    st.binary(max_size=20).map(lambda data: ("write", data)),
    st.tuples(st.integers(0, len(SOURCE)), st.integers(0, len(SOURCE))).map(
        lambda ends: ("copy", min(ends), max(ends))
    ),
    st.sampled_from([("write", b", "), ("write", b"\n")]),  # separators the source goes on with
)


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
        expected = b""
        for op in operations:
            data = op[1] if op[0] == "write" else SOURCE[op[1] : op[2]]
            offset = sink.write(data) if op[0] == "write" else sink.copy(SOURCE, op[1], op[2])
            assert offset == len(expected)
            expected += data
        sink.close()
        assert out.getvalue() == expected
        assert sink.pos == len(expected)
    finally:
        kg.outputs._COPY_BLOCK = saved


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
