"""A build's per-paper output text, reused from the cache where the paper is unchanged.

``graph.json``, the Turtle (or N-Triples) file and ``papers.jsonl`` are, paper by paper,
pieces of text that depend on little: the paper's node and out-edges, and the ``id``,
``label``, ``type`` and ``catalogue_id`` of the entities it links to. :class:`PaperParts`
hashes exactly that into a key per paper (from the paper's *origin*, see
:func:`kg.graph.build_graph_with_origins`, or else from its node-link JSON); a later build
that adds papers finds the pieces of every unchanged paper in the cache
(:meth:`kg.cache.ExtractionCache.get_fragments`) and renders only the new or changed ones.
An entity's pieces (in ``graph.json`` and the RDF) are keyed by its whole node and out-edges,
so only the entities whose counts or names moved are rendered again. The files are
byte-identical to those of a build from scratch.

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

import hashlib
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, BinaryIO

import networkx as nx

from kg.graph import node_link_pieces, paper_record
from kg.rdf import DEFAULT_BASE_IRI, RdfText

if TYPE_CHECKING:
    from kg.cache import ExtractionCache

__all__ = ["PaperParts"]


def _nothing(node: str) -> None:
    """The default ``fill``: the graph's edges are complete."""


#: The entity attributes a paper's pieces read (besides the paper's own node and edges).
_TARGET_KEYS = ("kind", "id", "label", "type", "catalogue_id")
#: Bytes per write while joining pieces.
_CHUNK = 1 << 22
#: Bytes of new RDF pieces saved to the cache at a time while the RDF is written.
_STORE_BYTES = 1 << 26

Render = Callable[[str], tuple[bytes, int]]


class PaperParts:
    """Per-node pieces of ``graph``'s outputs; paper pieces are read from and saved to ``cache``.

    Parameters
    ----------
    graph
        The build's graph.
    cache
        An open extraction cache, or ``None`` to render everything.
    salt
        Mixed into every key: kg's code hash and the pipeline fingerprint, so that new code
        or another pipeline never reuses old pieces.
    origins
        Per paper node, what it was made from (:func:`kg.graph.build_graph_with_origins`);
        papers without one are keyed by their node-link JSON.
    fill
        Called with a paper node before its out-edges' attributes are read, when ``graph``
        came from :func:`kg.graph.build_graph_deferred` (:meth:`kg.graph.DeferredEdges.fill`).
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
        #: paper pieces taken from the cache, entity pieces taken from it, pieces rendered and saved
        self.reused = 0
        self.reused_entities = 0
        self.rendered = 0

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

    def _pieces(self, kind: str, render: Render, nodes: list[str]) -> dict[str, tuple[bytes, int]]:
        """``{node: (bytes, count)}`` of ``nodes``: from the cache, else ``render(node)`` (then saved)."""
        keys = self.keys()
        found = self._cached(kind, nodes)
        pieces: dict[str, tuple[bytes, int]] = {}
        new: list[tuple[str, bytes, int]] = []
        for node in nodes:
            hit = found.get(keys[node])
            if hit is None:
                self.fill(node)
                hit = render(node)
                new.append((keys[node], *hit))
            pieces[node] = hit
        self._store(kind, new)
        return pieces

    def graph_json(self) -> bytes:
        """``graph.json``'s bytes: :func:`kg.graph.node_link_text` and a newline."""
        graph = self.graph

        def render(node: str) -> tuple[bytes, int]:
            node_json, edge_jsons = node_link_pieces(graph, node)
            return f"{node_json}\n{', '.join(edge_jsons)}".encode(), len(edge_jsons)

        pieces = self._pieces("json", render, self.papers + self.entities)
        node_jsons: list[bytes] = []
        edge_jsons: list[bytes] = []
        for node in graph:
            if node in pieces:
                data, count = pieces[node]
                node_json, _, edges = data.partition(b"\n")  # JSON text holds no raw newline
            else:
                self.fill(node)
                node_json, edge_list = node_link_pieces(graph, node)
                node_json, edges, count = node_json.encode(), ", ".join(edge_list).encode(), len(edge_list)
            node_jsons.append(node_json)
            if count:
                edge_jsons.append(edges)
        head = json.dumps(
            {"directed": graph.is_directed(), "multigraph": graph.is_multigraph(), "graph": graph.graph},
            ensure_ascii=False,
        ).encode()
        return b"".join(
            [
                head[:-1],
                b', "nodes": [',
                b", ".join(node_jsons),
                b'], "edges": [',
                b", ".join(edge_jsons),
                b"]}\n",
            ]
        )

    def write_rdf(self, stream: BinaryIO, *, format: str = "turtle", base: str = DEFAULT_BASE_IRI) -> int:
        """Write :func:`kg.rdf.write_rdf`'s Turtle or N-Triples to ``stream``; return the count.

        Pieces are rendered in the order they are written and saved to the cache in batches of
        :data:`_STORE_BYTES`, so a first build never holds the whole RDF text (a gigabyte at
        100,000 papers) in memory at once.
        """
        rdf = RdfText(self.graph, format=format, base=base)
        kind = f"rdf {format} {base}"
        keys = self.keys()
        found = self._cached(kind, self.papers + self.entities)
        batch: list[tuple[str, bytes, int]] = []
        batch_size = 0
        stream.write(rdf.header().encode("utf-8", "replace"))
        total, size, chunk = 0, 0, []
        for node in rdf.order():
            key = keys.get(node)
            piece = found.get(key) if key is not None else None
            if piece is None:
                self.fill(node)
                text, count = rdf.node(node)
                piece = (text.encode("utf-8", "replace"), count)
                if key is not None and self.cache is not None:
                    batch.append((key, *piece))
                    batch_size += len(piece[0])
                    if batch_size >= _STORE_BYTES:
                        self._store(kind, batch)
                        batch, batch_size = [], 0
            data, count = piece
            total += count
            chunk.append(data)
            size += len(data)
            if size >= _CHUNK:
                stream.write(b"".join(chunk))
                size, chunk = 0, []
        self._store(kind, batch)
        tail, count = rdf.tail()  # the method pairs: counted over the whole graph, never reused
        stream.write(b"".join(chunk) + tail.encode("utf-8", "replace"))
        return total + count

    def _cached(self, kind: str, nodes: list[str]) -> dict[str, tuple[bytes, int]]:
        """``{key: (bytes, count)}`` of the cached pieces of ``nodes`` (counted as reused)."""
        if self.cache is None:
            return {}
        keys = self.keys()
        found = self.cache.get_fragments(kind, [keys[n] for n in nodes])
        if found:
            papers = sum(1 for n in self.papers if keys[n] in found)
            self.reused += papers
            self.reused_entities += len(found) - papers
        return found

    def _store(self, kind: str, batch: list[tuple[str, bytes, int]]) -> None:
        if self.cache is not None and batch:
            self.cache.put_fragments(kind, batch)
            self.rendered += len(batch)

    def papers_jsonl(self) -> bytes:
        """``papers.jsonl``'s bytes: one line per paper, in graph order."""
        graph = self.graph

        def render(node: str) -> tuple[bytes, int]:
            record = paper_record(graph, node, graph.nodes[node])
            return (json.dumps(record, ensure_ascii=False) + "\n").encode(), 1

        pieces = self._pieces("jsonl", render, self.papers)
        return b"".join(pieces[n][0] for n in self.papers)
