"""A build's output files, written piece by piece, reusing the pieces of the previous build.

``graph.json``, the Turtle (or N-Triples) file and ``papers.jsonl`` are, node by node, pieces
of text that depend on little: a paper's node and out-edges and the ``id``, ``label``,
``type`` and ``catalogue_id`` of the entities it links to; an entity's node and out-edges.
:class:`PaperParts` hashes exactly that into a key per node (from the paper's *origin*, see
:func:`kg.graph.build_graph_with_origins`, or else from its node-link JSON). While it writes a
file it notes where each node's piece lies (a *piece map*), and the cache keeps the map with the
file's name, size and modification time. A later build whose output folder still holds that file
(moved or copied with its times kept is fine) copies the bytes of every unchanged node straight
from it (consecutive pieces as one run) and renders only the new or changed ones. The files are
byte-identical to those of a build from scratch, and nothing but the small maps is stored twice.

Examples
--------
>>> import io
>>> from kg.graph import build_graph
>>> from kg.records import Paper, PaperExtraction
>>> parts = PaperParts(build_graph([PaperExtraction(Paper("p1", "T", "A."), [])]))
>>> parts.write_rdf(io.BytesIO(), format="ntriples", base="https://example.org/")
7
>>> parts.papers_jsonl().startswith(b'{"id": "p1"')
True
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import mmap
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import networkx as nx
import orjson

from kg.graph import node_link_pieces, paper_record
from kg.rdf import DEFAULT_BASE_IRI, RdfText

if TYPE_CHECKING:
    from kg.cache import ExtractionCache

__all__ = ["PaperParts"]


def _nothing(node: str) -> None:
    """The default ``fill``: the graph's edges are complete."""


#: The entity attributes a paper's pieces read (besides the paper's own node and edges).
_TARGET_KEYS = ("kind", "id", "label", "type", "catalogue_id")
#: Bytes gathered before each write to the output stream.
_CHUNK = 1 << 22
#: Bytes per write when copying a run of an earlier file.
_COPY_BLOCK = 1 << 26
#: Longest literal (a separator) that may be taken from the earlier file instead of written.
_SEPARATOR_MAX = 16
#: bytes of new edges :meth:`PaperParts.write_graph_json` holds in memory before spilling to a file
_SPOOL_IN_MEMORY = 64 << 20

#: Where a node's piece lies in a file: ``(offset, length, count)``, or for ``graph.json``
#: ``(node offset, node length, edges offset, edges length, edge count)``.
Place = tuple[int, ...]
#: Renders a node's piece: its bytes and count.
Render = Callable[[str], tuple[bytes, int]]


def rdf_kind(format: str, base: str) -> str:
    """The piece-map kind of the RDF in ``format`` with base IRI ``base``.

    >>> rdf_kind("turtle", "https://example.org/")
    'rdf turtle https://example.org/'
    """
    return f"rdf {format} {base}"


class _Sink:
    """An output stream written in large chunks, that knows its position and copies runs of
    an earlier file's bytes as one block.

    >>> out = io.BytesIO()
    >>> sink = _Sink(out)
    >>> sink.write(b"ab"), sink.copy(b"xyz", 1, 3), sink.write(b"!")
    (0, 2, 4)
    >>> sink.close(); out.getvalue()
    b'abyz!'
    """

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.pos = 0
        self._chunk: list[bytes] = []
        self._size = 0
        self._run: list | None = None  # [source, start, end] still to copy

    def write(self, data: bytes) -> int:
        """Append ``data``; return the offset it starts at."""
        offset = self.pos
        run = self._run
        if run is not None:
            source, _, end = run
            size = len(data)
            if size <= _SEPARATOR_MAX and source[end : end + size] == data:  # the same bytes follow there
                run[2] = end + size
                self.pos += size
                return offset
            self._flush_run()
        self._chunk.append(data)
        self._size += len(data)
        self.pos += len(data)
        if self._size >= _CHUNK:
            self._flush_chunk()
        return offset

    def copy(self, source: mmap.mmap | bytes, start: int, end: int) -> int:
        """Append ``source[start:end]``; return the offset it starts at."""
        offset = self.pos
        run = self._run
        if run is not None and run[0] is source and run[2] == start:
            run[2] = end
        else:
            self._flush_run()
            self._run = [source, start, end]
        self.pos += end - start
        return offset

    def close(self) -> None:
        """Write what is still held."""
        self._flush_run()
        self._flush_chunk()

    def _flush_chunk(self) -> None:
        if self._chunk:
            self.stream.write(b"".join(self._chunk))
            self._chunk, self._size = [], 0

    def _flush_run(self) -> None:
        run, self._run = self._run, None
        if run is None:
            return
        self._flush_chunk()
        source, start, end = run
        with memoryview(source) as view:
            for at in range(start, end, _COPY_BLOCK):
                with view[at : min(end, at + _COPY_BLOCK)] as block:
                    self.stream.write(block)


class _Spool:
    """What a :class:`_Sink` is asked to write, held back to be written after the rest by
    :meth:`replay`: runs of an earlier file as offsets, new bytes in memory up to ``limit``
    (by default ``_SPOOL_IN_MEMORY``) and past it in a temporary file in ``folder``.

    >>> out = io.BytesIO()
    >>> sink, spool = _Sink(out), _Spool(limit=4)
    >>> spool.write(b"abc"), spool.copy(b"xyz", 0, 2), spool.write(b"later"), sink.write(b"first ")
    (0, 3, 5, 0)
    >>> spool.replay(sink); sink.close(); out.getvalue()
    b'first abcxylater'
    """

    def __init__(self, *, limit: int | None = None, folder: Path | None = None) -> None:
        self.pos = 0
        self._steps: list[tuple] = []
        self._held = 0
        self._limit = _SPOOL_IN_MEMORY if limit is None else limit
        self._folder = folder
        self._file: BinaryIO | None = None

    def write(self, data: bytes) -> int:
        """Hold ``data``; return the offset it will start at, counted from the spool's start."""
        offset = self.pos
        self.pos += len(data)
        if self._held + len(data) <= self._limit:
            self._held += len(data)
            self._steps.append((data,))
            return offset
        if self._file is None:
            self._file = tempfile.TemporaryFile(dir=self._folder)  # noqa: SIM115 - closed by replay
        at = self._file.tell()
        self._file.write(data)
        self._steps.append((self._file, at, at + len(data)))
        return offset

    def copy(self, source: mmap.mmap | bytes, start: int, end: int) -> int:
        """Hold ``source[start:end]``; return its offset as :meth:`write` does."""
        offset = self.pos
        self._steps.append((source, start, end))
        self.pos += end - start
        return offset

    def replay(self, sink: _Sink) -> None:
        """Write everything held to ``sink``, in order, and let go of it."""
        spilled = self._file
        with contextlib.ExitStack() as stack:
            if spilled is not None:
                stack.callback(spilled.close)
                spilled.flush()
                spilled = stack.enter_context(mmap.mmap(spilled.fileno(), 0, access=mmap.ACCESS_READ))
            write, copy = sink.write, sink.copy
            for step in self._steps:
                if len(step) == 1:
                    write(step[0])
                elif step[0] is self._file:
                    copy(spilled, step[1], step[2])
                else:
                    copy(*step)
            sink.close()  # the last run of the spilled file is copied before it is unmapped
        self._steps, self._file, self._held = [], None, 0


class _Earlier:
    """The previous build's file of one output, mapped, and where each node's piece lies in it."""

    def __init__(self, path: Path, places: dict[str, Place]) -> None:
        self.places = places
        self._file = open(path, "rb")  # noqa: SIM115 - closed by close()
        self.data = mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ)

    def close(self) -> None:
        self.data.close()
        self._file.close()


class PaperParts:
    """The outputs of ``graph``, written with the pieces of the previous build's files reused.

    Parameters
    ----------
    graph
        The build's graph.
    cache
        An open extraction cache holding the previous build's piece maps, or ``None`` to
        render everything.
    salt
        Mixed into every key: kg's code hash and the pipeline fingerprint, so that new code
        or another pipeline never reuses old pieces.
    origins
        Per paper node, what it was made from (:func:`kg.graph.build_graph_with_origins`);
        papers without one are keyed by their node-link JSON.
    fill
        Called with a paper node before its out-edges' attributes are read, when ``graph``
        came from :func:`kg.graph.build_graph_deferred` (:meth:`kg.graph.DeferredEdges.fill`).

    Each writer takes the output's final ``path``: the previous build's file there is read
    (when the cache's map says it is unchanged), and :meth:`save_maps` records the new file's
    map once it is in place.
    """

    def __init__(
        self,
        graph: nx.MultiDiGraph,
        *,
        cache: ExtractionCache | None = None,
        salt: str = "",
        origins: dict[str, bytes | str | None] | None = None,
        fill: Callable[[str], None] | None = None,
    ) -> None:
        self.graph = graph
        self.cache = cache
        self.salt = salt
        self.origins = origins or {}
        self.fill = fill or _nothing
        self._keys: dict[str, str] | None = None
        self.papers = [n for n, d in graph.nodes(data=True) if d.get("kind") == "paper"]
        self.entities = [n for n, d in graph.nodes(data=True) if d.get("kind") == "entity"]
        #: paper pieces and entity pieces copied from the previous files, pieces rendered
        self.reused = 0
        self.reused_entities = 0
        self.rendered = 0
        #: per output kind written with a path: ``(path, {key: place})``
        self._placed: dict[str, tuple[Path, dict[str, Place]]] = {}
        #: per output kind, the piece map read from the cache (``None``: there was none)
        self._maps: dict[str, tuple | None] = {}

    def keys(self) -> dict[str, str]:
        """Every paper and entity node's key (made once)."""
        if self._keys is None:
            graph = self.graph
            nodes = graph._node  # the attribute dicts themselves: NodeView lookups cost more
            succ = graph._succ
            salt = self.salt.encode()
            targets: dict[str, bytes] = {}  # what a paper's pieces read of each entity it links to
            keys = {}
            for node in self.papers:
                origin = self.origins.get(node)
                if origin is not None:
                    head = b"origin\n" + (origin if isinstance(origin, bytes) else origin.encode())
                else:
                    self.fill(node)
                    node_json, edge_jsons = node_link_pieces(graph, node)
                    pieces = json.dumps([node_json, edge_jsons])  # ASCII: surrogates too
                    head = b"json\n" + pieces.encode()
                parts = [salt, head]
                for target in succ[node]:
                    signature = targets.get(target)
                    if signature is None:
                        fields = [nodes[target].get(k) for k in _TARGET_KEYS]
                        signature = targets[target] = b"\n" + json.dumps(fields).encode()
                    parts.append(signature)
                keys[node] = hashlib.sha256(b"".join(parts)).hexdigest()
            for node in self.entities:
                # an entity's pieces read its node and its out-edges (variant_of) with their
                # targets' kind and id; repr spells all of it exactly, in order
                out = [
                    (target, key, data, nodes[target].get("kind"), nodes[target].get("id"))
                    for target, keyed in succ[node].items()
                    for key, data in keyed.items()
                ]
                text = repr((node, nodes[node], out)).encode("utf-8", "surrogatepass")
                keys[node] = hashlib.sha256(salt + b"entity\n" + text).hexdigest()
            self._keys = keys
        return self._keys

    def write_rdf(
        self,
        stream: BinaryIO,
        *,
        format: str = "turtle",
        base: str = DEFAULT_BASE_IRI,
        path: Path | None = None,
    ) -> int:
        """Write :func:`kg.rdf.write_rdf`'s Turtle or N-Triples to ``stream``; return the count.

        Pieces are written in file order as they are rendered or copied, so the whole RDF
        text (a gigabyte at 100,000 papers) is never in memory at once.
        """
        rdf = RdfText(self.graph, format=format, base=base)
        kind = rdf_kind(format, base)
        keys = self.keys()
        placed: dict[str, Place] = {}
        total = 0
        with self._earlier(kind, path) as earlier:
            sink = _Sink(stream)
            sink.write(rdf.header().encode("utf-8", "replace"))

            def render(node: str) -> tuple[bytes, int]:
                text, count = rdf.node(node)
                return text.encode("utf-8", "replace"), count

            for node in rdf.order():
                key = keys[node]  # every node written is a paper or an entity
                placed[key] = self._put(sink, earlier, key, node, render)
                total += placed[key][2]
            tail, count = rdf.tail()  # the method pairs: counted over the whole graph, never reused
            sink.write(tail.encode("utf-8", "replace"))
            sink.close()
        self._note(kind, path, placed)
        return total + count

    def write_graph_json(self, stream: BinaryIO, *, path: Path | None = None) -> None:
        """Write ``graph.json``: :func:`kg.graph.node_link_text` and a newline.

        The edges follow all the nodes in the file, so while the nodes are written each
        node's edges are held in a :class:`_Spool` and written at the end.
        """
        graph = self.graph
        keys = self.keys()
        placed: dict[str, Place] = {}
        head = json.dumps(
            {"directed": graph.is_directed(), "multigraph": graph.is_multigraph(), "graph": graph.graph},
            ensure_ascii=False,
        ).encode()
        with self._earlier("json", path) as earlier:
            places = earlier.places if earlier else {}
            sink, spool = _Sink(stream), _Spool(folder=None if path is None else path.parent)
            sink.write(head[:-1] + b', "nodes": [')
            first_node, first_edges = True, True
            for node in graph:
                if not first_node:
                    sink.write(b", ")
                first_node = False
                key = keys.get(node)
                where = places.get(key) if key is not None else None
                if where is not None:
                    node_start, node_length, edges_start, edges_length, count = where
                    node_at = sink.copy(earlier.data, node_start, node_start + node_length)
                    if count:
                        if not first_edges:
                            spool.write(b", ")
                        edges_at = spool.copy(earlier.data, edges_start, edges_start + edges_length)
                    self._count_reused(node)
                else:
                    self.fill(node)
                    node_json, edge_list = node_link_pieces(graph, node)
                    node_data = node_json.encode()
                    node_at, node_length, count = sink.write(node_data), len(node_data), len(edge_list)
                    if count:
                        if not first_edges:
                            spool.write(b", ")
                        edges_data = ", ".join(edge_list).encode()
                        edges_at, edges_length = spool.write(edges_data), len(edges_data)
                    if key is not None:
                        self.rendered += 1
                if count:
                    first_edges = False
                else:
                    edges_at, edges_length = 0, 0
                if key is not None:
                    placed[key] = (node_at, node_length, edges_at, edges_length, count)
            sink.write(b'], "edges": [')
            edges_base = sink.pos
            spool.replay(sink)
            sink.write(b"]}\n")
            sink.close()
        for key, (node_at, node_length, edges_at, edges_length, count) in placed.items():
            if count:
                placed[key] = (node_at, node_length, edges_base + edges_at, edges_length, count)
        self._note("json", path, placed)

    def write_papers_jsonl(self, stream: BinaryIO, *, path: Path | None = None) -> None:
        """Write ``papers.jsonl``: one line per paper, in graph order."""
        graph = self.graph
        keys = self.keys()
        placed: dict[str, Place] = {}

        def render(node: str) -> tuple[bytes, int]:
            record = paper_record(graph, node, graph.nodes[node])
            return (json.dumps(record, ensure_ascii=False) + "\n").encode(), 1

        with self._earlier("jsonl", path) as earlier:
            sink = _Sink(stream)
            for node in self.papers:
                key = keys[node]
                placed[key] = self._put(sink, earlier, key, node, render)
            sink.close()
        self._note("jsonl", path, placed)

    def _put(self, sink: _Sink, earlier: _Earlier | None, key: str, node: str, render: Render) -> Place:
        """Write ``node``'s piece: copied from the earlier file when it holds one under ``key``,
        else rendered (``render(node)`` gives its bytes and count). Returns where it now lies."""
        where = earlier.places.get(key) if earlier is not None else None
        if where is not None:
            start, length, count = where
            self._count_reused(node)
            return sink.copy(earlier.data, start, start + length), length, count
        self.fill(node)
        data, count = render(node)
        self.rendered += 1
        return sink.write(data), len(data), count

    def graph_json(self) -> bytes:
        """``graph.json``'s bytes (see :meth:`write_graph_json`)."""
        stream = io.BytesIO()
        self.write_graph_json(stream)
        return stream.getvalue()

    def papers_jsonl(self) -> bytes:
        """``papers.jsonl``'s bytes (see :meth:`write_papers_jsonl`)."""
        stream = io.BytesIO()
        self.write_papers_jsonl(stream)
        return stream.getvalue()

    def prepare_rdf(self, format: str, base: str) -> None:
        """Make the keys and read the RDF's piece map now.

        Call it before :meth:`write_rdf` runs in a forked child (:mod:`kg.forking`): the
        child then neither uses the cache's database connection nor makes the keys again.
        """
        self.keys()
        self._saved_map(rdf_kind(format, base))

    def counters(self) -> tuple[int, int, int]:
        """``(reused, reused_entities, rendered)`` so far."""
        return self.reused, self.reused_entities, self.rendered

    def outcome(self, format: str, base: str, before: tuple[int, int, int]) -> dict:
        """What a forked :meth:`write_rdf` did since :meth:`counters` gave ``before``, for
        the parent's :meth:`absorb`: the counts and the new file's piece map."""
        kind = rdf_kind(format, base)
        return {
            "kind": kind,
            "placed": self._placed.get(kind),
            "counters": [now - then for now, then in zip(self.counters(), before, strict=True)],
        }

    def absorb(self, outcome: dict) -> None:
        """Take in the :meth:`outcome` of a writer that ran in a forked child."""
        reused, reused_entities, rendered = outcome["counters"]
        self.reused += reused
        self.reused_entities += reused_entities
        self.rendered += rendered
        if outcome["placed"] is not None:
            self._placed[outcome["kind"]] = outcome["placed"]

    def save_maps(self) -> int:
        """Record in the cache where each piece lies in the files just written; return how many
        maps were saved. Call it once the files are in place under the paths the writers got."""
        if self.cache is None:
            return 0
        maps = []
        for kind, (path, placed) in self._placed.items():
            info = os.stat(path)
            data = orjson.dumps([list(placed), list(placed.values())])
            maps.append((kind, path.name, info.st_size, info.st_mtime_ns, data))
        self.cache.put_piece_maps(maps)
        return len(maps)

    def _note(self, kind: str, path: Path | None, placed: dict[str, Place]) -> None:
        if path is not None and self.cache is not None:
            self._placed[kind] = (path, placed)

    @contextlib.contextmanager
    def _earlier(self, kind: str, path: Path | None) -> Iterator[_Earlier | None]:
        """The previous build's file of ``kind`` at ``path``, if the cache maps it as it is now."""
        earlier = None
        if path is not None:
            saved = self._saved_map(kind)
            if saved is not None:
                file, size, mtime, data = saved
                try:
                    info = os.stat(path)
                except OSError:
                    info = None
                if (
                    info is not None
                    and file == path.name
                    and (info.st_size, info.st_mtime_ns) == (size, mtime)
                    and size > 0
                ):
                    keys, places = orjson.loads(data)
                    earlier = _Earlier(path, dict(zip(keys, map(tuple, places), strict=True)))
        try:
            yield earlier
        finally:
            if earlier is not None:
                earlier.close()

    def _saved_map(self, kind: str) -> tuple | None:
        if kind not in self._maps:
            self._maps[kind] = None if self.cache is None else self.cache.get_piece_map(kind)
        return self._maps[kind]

    def _count_reused(self, node: str) -> None:
        if self.graph._node[node].get("kind") == "paper":
            self.reused += 1
        else:
            self.reused_entities += 1
