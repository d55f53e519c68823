"""The graph's RDF as N-Triples parts, each part serialised by a worker.

For corpora too large for one Turtle file, the paper nodes are cut into ``parts`` groups
(plus one part for the entities); each group travels to a worker as a small subgraph (its
papers and the entities they link to), and the worker writes ``part-NNNNN.nt`` itself with
kg's N-Triples writer (:func:`kg.rdf.write_ntriples_nodes`), so no single process ever holds
every triple. The union of the parts is exactly the graph of :func:`kg.rdf.to_rdflib`.

Examples
--------
>>> import tempfile
>>> from kg.graph import build_graph
>>> from kg.records import Evidence, ExtractedEntity, Paper, PaperExtraction
>>> ev = Evidence("GSM8K", 0, 5, "GSM8K.", 0, "evaluates_on")
>>> g = build_graph([PaperExtraction(Paper("p1", "T", "GSM8K."), [
...     ExtractedEntity("GSM8K", "Benchmark", ["GSM8K"], [ev], relation="evaluates_on")])])
>>> with tempfile.TemporaryDirectory() as out:
...     [p.name for p in write_ntriples_parts(g, out, parts=1)]
['part-00000.nt', 'part-00001.nt']
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx

from kg.graph import entity_nodes, paper_nodes
from kg.io import atomic_write
from kg.pairs import PAIRS_KEY, method_pairs
from kg.rdf import DEFAULT_BASE_IRI, write_ntriples_nodes

__all__ = ["split_graph", "write_ntriples_parts", "write_part"]

Submit = Callable[..., object]


def split_graph(graph: nx.MultiDiGraph, parts: int) -> list[tuple[nx.MultiDiGraph, list[str], str]]:
    """``(subgraph, nodes, kind)`` per part: ``parts`` paper groups, then one entity group."""
    papers = [node for node, _ in paper_nodes(graph)]
    size = max(1, -(-len(papers) // max(1, parts)))
    pieces = []
    for start in range(0, len(papers), size):
        group = papers[start : start + size]
        keep = set(group)
        for node in group:
            keep.update(graph.successors(node))
        pieces.append((graph.subgraph(keep).copy(), group, "paper"))
    entities = [node for node, _ in entity_nodes(graph)]
    entity_part = graph.subgraph(entities).copy()
    entity_part.graph[PAIRS_KEY] = method_pairs(graph)  # it has no papers to count them from
    pieces.append((entity_part, entities, "entity"))
    return pieces


def write_part(graph: nx.MultiDiGraph, nodes: list[str], kind: str, path: str, base: str) -> int:
    """Worker side: write the triples of ``nodes`` as N-Triples to ``path``; return their number."""
    with atomic_write(path, binary=True) as stream:
        return write_ntriples_nodes(graph, nodes, kind, stream, base=base)


def write_ntriples_parts(
    graph: nx.MultiDiGraph,
    out_dir: str | Path,
    *,
    parts: int = 8,
    base: str = DEFAULT_BASE_IRI,
    submit: Submit | None = None,
) -> list[Path]:
    """Write ``graph`` as ``parts`` + 1 N-Triples files into ``out_dir``; return their paths.

    ``submit(function, *args)`` runs a part somewhere and returns an object with
    ``result()`` (a ``concurrent.futures`` pool's or a Dask client's ``submit``); without it
    the parts are written here, one after another. Old ``part-*.nt`` files are removed first.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("part-*.nt"):
        old.unlink()
    futures, paths = [], []
    for index, (subgraph, nodes, kind) in enumerate(split_graph(graph, parts)):
        path = out / f"part-{index:05d}.nt"
        paths.append(path)
        if submit is None:
            write_part(subgraph, nodes, kind, str(path), base)
        else:
            futures.append(submit(write_part, subgraph, nodes, kind, str(path.resolve()), base))
    for future in futures:
        future.result()
    return paths
