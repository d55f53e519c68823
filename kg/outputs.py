"""A build's per-paper output text, reused from the cache where the paper is unchanged.

``graph.json``, the Turtle (or N-Triples) file and ``papers.jsonl`` are, paper by paper,
pieces of text that depend on little: a paper's node-link entries (its attributes and its
out-edges) and a few attributes of the entities it links to. :class:`PaperParts` hashes
exactly those into a key per paper; a later build that adds papers finds the Turtle and
``papers.jsonl`` text of every unchanged paper in the cache (:meth:`kg.cache.ExtractionCache.
get_fragments`) and renders only the new or changed ones. Entities, whose counts move with
every build, are always rendered afresh. The files are byte-identical to a build from scratch.

Examples
--------
>>> import io
>>> from kg.graph import build_graph
>>> from kg.records import Paper, PaperExtraction
>>> parts = PaperParts(build_graph([PaperExtraction(Paper("p1", "T", "A."), [])]))
>>> stream = io.BytesIO()
>>> parts.write_rdf(stream, format="ntriples", base="https://example.org/")
7
>>> parts.papers_jsonl().startswith('{"id": "p1"')
True
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, BinaryIO

import networkx as nx

from kg.graph import node_link_pieces, node_link_text, paper_record
from kg.rdf import DEFAULT_BASE_IRI, RdfText

if TYPE_CHECKING:
    from kg.cache import ExtractionCache

__all__ = ["PaperParts"]

#: The entity attributes a paper's Turtle or ``papers.jsonl`` text reads (besides its own edges).
_TARGET_KEYS = ("kind", "id", "label", "type", "catalogue_id")


class PaperParts:
    """Per-node text of ``graph``'s outputs, with paper text read from and saved to ``cache``.

    Parameters
    ----------
    graph
        The build's graph.
    cache
        An open extraction cache, or ``None`` to render everything.
    salt
        Mixed into every key: kg's code hash, so new code never reuses old text.
    """

    def __init__(
        self, graph: nx.MultiDiGraph, *, cache: ExtractionCache | None = None, salt: str = ""
    ) -> None:
        self.graph = graph
        self.cache = cache
        self.salt = salt
        self._pieces: dict[str, tuple[str, list[str]]] | None = None
        self._keys: dict[str, str] = {}
        self.reused = 0
        self.rendered = 0

    def pieces(self) -> dict[str, tuple[str, list[str]]]:
        """:func:`kg.graph.node_link_pieces` of every node, in graph order (made once)."""
        if self._pieces is None:
            graph = self.graph
            self._pieces = {node: node_link_pieces(graph, node) for node in graph}
            nodes = graph.nodes
            for node, (node_json, edge_jsons) in self._pieces.items():
                if nodes[node].get("kind") != "paper":
                    continue
                digest = hashlib.sha256(self.salt.encode())
                digest.update(node_json.encode("utf-8", "surrogatepass"))
                for edge_json in edge_jsons:
                    digest.update(b"\n" + edge_json.encode("utf-8", "surrogatepass"))
                targets = [[nodes[t].get(k) for k in _TARGET_KEYS] for t in graph.succ[node]]
                digest.update(json.dumps(targets).encode())
                self._keys[node] = digest.hexdigest()
        return self._pieces

    def graph_json(self) -> str:
        """``graph.json``'s text (without the final newline)."""
        return node_link_text(self.graph, self.pieces().values())

    def _texts(self, kind: str, nodes: list[str], render) -> dict[str, tuple[str, int]]:
        """``{node: (text, count)}`` for paper ``nodes``: from the cache, else ``render(node)``."""
        self.pieces()
        keys = self._keys
        found = self.cache.get_fragments(kind, [keys[n] for n in nodes]) if self.cache else {}
        texts: dict[str, tuple[str, int]] = {}
        new: list[tuple[str, str, int]] = []
        for node in nodes:
            hit = found.get(keys[node])
            if hit is None:
                hit = render(node)
                new.append((keys[node], *hit))
            texts[node] = hit
        if self.cache is not None and new:
            self.cache.put_fragments(kind, new)
        self.reused += len(nodes) - len(new)
        self.rendered += len(new)
        return texts

    def write_rdf(self, stream: BinaryIO, *, format: str = "turtle", base: str = DEFAULT_BASE_IRI) -> int:
        """Write the Turtle or N-Triples of :func:`kg.rdf.write_rdf` to ``stream``; return the count."""
        rdf = RdfText(self.graph, format=format, base=base)
        order = rdf.order()
        nodes = self.graph.nodes
        papers = [n for n in order if nodes[n].get("kind") == "paper"]
        texts = self._texts(f"rdf {format} {base}", papers, rdf.node)
        return rdf.write(stream, (texts[n] if n in texts else rdf.node(n) for n in order))

    def papers_jsonl(self) -> str:
        """``papers.jsonl``'s text: one line per paper, in graph order."""
        graph = self.graph
        papers = [n for n, d in graph.nodes(data=True) if d.get("kind") == "paper"]

        def render(node: str) -> tuple[str, int]:
            record = paper_record(graph, node, graph.nodes[node])
            return json.dumps(record, ensure_ascii=False) + "\n", 1

        texts = self._texts("jsonl", papers, render)
        return "".join(texts[n][0] for n in papers)

    def keys(self) -> set[str]:
        """Every paper's key (what a cache keeps when it prunes fragments)."""
        self.pieces()
        return set(self._keys.values())
