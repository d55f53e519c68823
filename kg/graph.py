"""The graph: papers and entities as a NetworkX ``MultiDiGraph``, the source of every output.

Nodes
    ``paper:<id>`` with ``kind="paper"``, ``label``, ``title``, ``abstract``, ``date``,
    ``url``, ``arxiv_id`` and ``sources``; ``entity:<id>`` with ``kind="entity"``,
    ``label``, ``type``, ``aliases``, ``paper_count``, ``mention_count``, ``confidence`` and
    ``catalogue_id``.
Edges
    paper → entity, keyed by relation (``mentions``, ``uses``, ``evaluates_on``,
    ``compares_with``, ``proposes``), with ``confidence``, ``mentions`` (surface forms) and
    ``evidence`` (text, offsets, sentence); entity → entity ``variant_of``.

Every attribute is a string, number, bool or list, so node-link JSON reloads losslessly.

Examples
--------
>>> from kg.records import Evidence, ExtractedEntity, Paper, PaperExtraction
>>> ev = Evidence("GSM8K", 0, 5, "GSM8K.", 0, "evaluates_on")
>>> x = PaperExtraction(Paper("p1", "T", "GSM8K."), [
...     ExtractedEntity("GSM8K", "Benchmark", ["GSM8K"], [ev], relation="evaluates_on")])
>>> g = build_graph([x])
>>> sorted(g.nodes), list(g.edges(keys=True))
(['entity:gsm8k', 'paper:p1'], [('paper:p1', 'entity:gsm8k', 'evaluates_on')])
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import networkx as nx
import orjson

from kg.cache import content_of
from kg.io import atomic_write
from kg.nlp.catalogue import Catalogue
from kg.records import ExtractedEntity, PaperExtraction, Relation
from kg.resolve import resolve_facts

__all__ = [
    "GRAPH_FORMAT_VERSION",
    "DeferredEdges",
    "build_graph",
    "build_graph_deferred",
    "build_graph_with_origins",
    "entity_nodes",
    "load_graph_json",
    "node_link_pieces",
    "node_link_text",
    "paper_nodes",
    "paper_record",
    "paper_records",
    "save_graph_json",
]

GRAPH_FORMAT_VERSION = 1


def paper_node(paper_id: str) -> str:
    """The node key of a paper."""
    return f"paper:{paper_id}"


def entity_node(entity_id: str) -> str:
    """The node key of an entity."""
    return f"entity:{entity_id}"


def build_graph(
    extractions: Iterable[PaperExtraction], *, catalogue: Catalogue | None = None
) -> nx.MultiDiGraph:
    """Resolve entities across papers and link every paper to the entities it names."""
    return build_graph_with_origins(extractions, catalogue=catalogue)[0]


def build_graph_with_origins(
    extractions: Iterable[PaperExtraction], *, catalogue: Catalogue | None = None
) -> tuple[nx.MultiDiGraph, dict[str, bytes | None]]:
    """:func:`build_graph`, and for each paper node the JSON of what it was made from.

    A paper's node and out-edges are a function of its :class:`~kg.records.Paper` fields
    and, link by link in order, the id of the entity linked and the index of the extracted
    entity behind the link (whose content the caller knows from the extraction). The origin
    text holds exactly those (the title and abstract as their :func:`~kg.cache.content_key`),
    so equal origins (for the same extractions) mean equal edges.
    """
    graph, origins, edges = build_graph_deferred(extractions, catalogue=catalogue)
    edges.fill_all()
    return graph, origins


class DeferredEdges:
    """The attributes of a graph's paper→entity edges, given to them paper by paper.

    :func:`build_graph_deferred` makes every edge with its key (the relation) and an empty
    attribute dict; :meth:`fill` gives one paper's edges their ``confidence``, ``mentions``,
    ``evidence`` and ``rules``, exactly as :func:`build_graph` has them.
    """

    def __init__(
        self,
        graph: nx.MultiDiGraph,
        extractions: list[PaperExtraction],
        pending: dict[str, list[tuple[int, list[tuple[str, int]]]]],
    ) -> None:
        self.graph = graph
        self._extractions = extractions
        #: per paper node, each extraction behind it: its index and its (entity node, entity index) links
        self._pending = pending

    def __len__(self) -> int:
        """Papers whose edges are still empty."""
        return len(self._pending)

    def fill(self, paper: str) -> None:
        """Give paper node ``paper``'s out-edges their attributes (nothing if done already).

        Only here are the paper's entities read (a cached extraction decodes them now).
        """
        behind = self._pending.pop(paper, None)
        if behind:
            succ = self.graph._succ[paper]
            for paper_index, links in behind:
                entities = self._extractions[paper_index].entities
                for entity, entity_index in links:
                    _link(succ[entity], entities[entity_index])

    def fill_all(self) -> None:
        """Fill every paper's edges: the graph is then the one :func:`build_graph` makes."""
        for paper in list(self._pending):
            self.fill(paper)


def build_graph_deferred(
    extractions: Iterable[PaperExtraction], *, catalogue: Catalogue | None = None
) -> tuple[nx.MultiDiGraph, dict[str, bytes | None], DeferredEdges]:
    """:func:`build_graph_with_origins` with the paper→entity edges' attributes left to fill.

    Nodes, entity→entity edges and every edge key are in place (so counts, neighbours and
    relations can be read); the attributes of a paper's out-edges are empty until the
    returned :class:`DeferredEdges` fills them. A build whose paper pieces come from the
    cache fills only the papers it renders.

    Examples
    --------
    >>> from kg.records import Evidence, ExtractedEntity, Paper, PaperExtraction
    >>> ev = Evidence("GSM8K", 0, 5, "GSM8K.", 0, "evaluates_on")
    >>> x = PaperExtraction(Paper("p1", "T", "GSM8K."), [
    ...     ExtractedEntity("GSM8K", "Benchmark", ["GSM8K"], [ev], relation="evaluates_on")])
    >>> g, _, edges = build_graph_deferred([x])
    >>> g.edges["paper:p1", "entity:gsm8k", "evaluates_on"]
    {}
    >>> edges.fill("paper:p1")
    >>> g.edges["paper:p1", "entity:gsm8k", "evaluates_on"]["mentions"]
    ['GSM8K']
    """
    extractions = list(extractions)
    facts = [x.link_facts() for x in extractions]
    resolution = resolve_facts([(x.paper.id, f) for x, f in zip(extractions, facts, strict=True)], catalogue)
    graph = nx.MultiDiGraph(kg_format=GRAPH_FORMAT_VERSION)
    for extraction in extractions:
        p = extraction.paper
        graph.add_node(
            paper_node(p.id),
            kind="paper",
            id=p.id,
            label=p.title,
            title=p.title,
            abstract=p.abstract,
            date=p.date or "",
            url=p.url or "",
            arxiv_id=p.arxiv_id or "",
            sources=[str(s) for s in p.sources],
        )
    for entity in resolution.entities.values():
        graph.add_node(
            entity_node(entity.id),
            kind="entity",
            id=entity.id,
            label=entity.name,
            type=entity.type,
            aliases=list(entity.aliases),
            paper_count=len(entity.papers),
            mention_count=entity.mention_count,
            confidence=entity.confidence,
            catalogue_id=entity.catalogue_id or "",
        )
    for entity in resolution.entities.values():
        if entity.parent:
            graph.add_edge(
                entity_node(entity.id), entity_node(entity.parent), key="variant_of", relation="variant_of"
            )
    paper_keys = [paper_node(x.paper.id) for x in extractions]  # node keys made once, not per link
    entity_keys = {entity_id: entity_node(entity_id) for entity_id in resolution.entities}
    pending: dict[str, list[tuple[int, list[tuple[str, int]]]]] = {}
    for paper_index, paper in enumerate(paper_keys):
        links = [
            (entity_keys[entity_id], entity_index)
            for entity_id, entity_index in resolution.links[paper_index]
        ]
        pending.setdefault(paper, []).append((paper_index, links))
    succ, pred = graph._succ, graph._pred  # both ends exist: add_edge's checks are not needed
    ranks = None
    if len(pending) < len(paper_keys):  # a paper id read twice: the corpus-wide order is needed
        ranks = {entity_keys[entity_id]: rank for entity_id, rank in resolution.order.items()}
    for paper, entity, paper_index, entity_index in _links_in_order(pending, ranks):
        targets = succ[paper]
        keyed = targets.get(entity)
        if keyed is None:
            keyed = targets[entity] = pred[entity][paper] = {}
        # the edges (one per relation) in the order the full link makes them
        for relation in facts[paper_index][entity_index].relations:
            if relation not in keyed:
                keyed[relation] = {}
    if hasattr(nx, "_clear_cache"):  # networkx >= 3.3 caches conversions per graph
        nx._clear_cache(graph)
    origins: dict[str, bytes | None] = {}
    for paper_index, extraction in enumerate(extractions):
        p = extraction.paper
        # the title and abstract enter through their hash, which the cache has computed already
        fields = [p.id, content_of(extraction), p.date, p.url, p.arxiv_id, [list(s) for s in p.sources]]
        node = paper_node(p.id)
        # two extractions of one id share a node: no origin describes it
        origins[node] = None if node in origins else _json_bytes([fields, resolution.links[paper_index]])
    linked = {paper: behind for paper, behind in pending.items() if any(links for _, links in behind)}
    return graph, origins, DeferredEdges(graph, extractions, linked)


def _links_in_order(
    pending: dict[str, list[tuple[int, list[tuple[str, int]]]]], ranks: dict[str, int] | None
) -> Iterator[tuple[str, str, int, int]]:
    """Every (paper node, entity node, paper index, entity index) link in the corpus-wide
    order: by entity (its rank in ``ranks``), then paper and entity index.

    Without ``ranks`` each paper node stands for one paper, and going through the papers in
    order, each paper's links in entity order, gives the order (nodes and edge lists fill
    the same way).
    """
    if ranks is None:
        for paper, ((paper_index, links),) in pending.items():
            for entity, entity_index in links:
                yield paper, entity, paper_index, entity_index
        return
    merged = [
        (ranks[entity], paper_index, entity_index, paper, entity)
        for paper, behind in pending.items()
        for paper_index, links in behind
        for entity, entity_index in links
    ]
    for _, paper_index, entity_index, paper, entity in sorted(merged):
        yield paper, entity, paper_index, entity_index


def _json_bytes(value: object) -> bytes:
    """``value`` as compact JSON bytes (orjson; ASCII-escaped JSON for lone surrogates)."""
    try:
        return orjson.dumps(value)
    except TypeError:  # a lone surrogate, which orjson refuses
        return json.dumps(value).encode("ascii")


def _link(keyed: dict, local: ExtractedEntity) -> None:
    """Add ``local``'s evidence to the edges (by relation, made already) of one paper→entity pair."""
    evidence = local.evidence
    if not evidence:
        by_relation: dict[str, list] = {local.relation: []}
    else:
        relation = evidence[0].relation
        if all(ev.relation == relation for ev in evidence):  # the usual case
            by_relation = {relation: evidence}
        else:
            by_relation = {}
            for ev in evidence:
                by_relation.setdefault(ev.relation, []).append(ev)
    # forms the paper writes that no evidence span holds ("Honor dataset" beside "Honor") go
    # with the first relation's edge, so papers.jsonl lists what kg extract lists
    extra = [m for m in local.mentions if m not in {e.text for e in evidence}] if evidence else []
    for relation, group in by_relation.items():
        data = keyed[relation]
        texts = [*(e.text for e in group), *extra]
        extra = []
        items = [
            {
                "text": e.text,
                "start": e.start,
                "end": e.end,
                "sentence": e.sentence,
                "sentence_start": e.sentence_start,
            }
            for e in group
        ]
        if not data:  # the first local entity behind this edge
            data["relation"] = relation
            data["confidence"] = local.confidence
            data["mentions"] = list(dict.fromkeys(texts)) or list(local.mentions)
            data["evidence"] = items
            data["rules"] = list(local.sources)
        else:  # two local entities of one paper resolved to the same canonical entity
            data["evidence"].extend(items)
            data["mentions"] = list(dict.fromkeys([*data["mentions"], *texts]))
            data["confidence"] = max(data["confidence"], local.confidence)
            data["rules"] = sorted({*data["rules"], *local.sources})


def paper_nodes(graph: nx.MultiDiGraph) -> Iterator[tuple[str, dict]]:
    """``(node, data)`` for every paper node, in insertion order."""
    return ((n, d) for n, d in graph.nodes(data=True) if d.get("kind") == "paper")


def entity_nodes(graph: nx.MultiDiGraph) -> Iterator[tuple[str, dict]]:
    """``(node, data)`` for every entity node, in insertion order."""
    return ((n, d) for n, d in graph.nodes(data=True) if d.get("kind") == "entity")


#: :attr:`Relation.strength` by relation name, looked up once per edge in :func:`paper_records`.
_STRENGTH = {relation.value: relation.strength for relation in Relation}


def paper_records(graph: nx.MultiDiGraph) -> Iterator[dict]:
    """One ``papers.jsonl`` record per paper, rendered from the graph (see :func:`paper_record`)."""
    for node, data in paper_nodes(graph):
        yield paper_record(graph, node, data)


def paper_record(graph: nx.MultiDiGraph, node: str, data: dict) -> dict:
    """The ``papers.jsonl`` record of paper ``node`` (whose attributes are ``data``).

    The shape is DESIGN's ``kg extract`` contract: ``id``, ``title`` and ``entities``, each
    with ``name``, ``type``, ``mentions`` and ``proposed``, plus ids, relations, confidence
    and evidence. It reads the paper, its out-edges and the ``id``, ``label``, ``type`` and
    ``catalogue_id`` of the entities they point to, nothing else.
    """
    entities = []
    adjacency = graph.succ[node]
    nodes = graph.nodes
    for target, edges in adjacency.items():
        target_data = nodes[target]
        relations = sorted(edges, key=_STRENGTH.__getitem__, reverse=True)
        mentions = list(dict.fromkeys(m for r in relations for m in edges[r]["mentions"]))
        evidence = sorted(
            ({**ev, "relation": r} for r in relations for ev in edges[r]["evidence"]),
            key=lambda ev: ev["start"],
        )
        entities.append(
            {
                "id": target_data["id"],
                "name": target_data["label"],
                "type": target_data["type"],
                "mentions": mentions,
                "proposed": Relation.PROPOSES.value in edges,
                "relation": relations[0],
                "relations": relations,
                "confidence": max(e["confidence"] for e in edges.values()),
                "catalogue_id": target_data["catalogue_id"] or None,
                "evidence": evidence,
            }
        )
    return {
        "id": data["id"],
        "title": data["title"],
        "date": data["date"] or None,
        "url": data["url"] or None,
        "arxiv_id": data["arxiv_id"] or None,
        "sources": list(data["sources"]),
        "entities": entities,
    }


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def node_link_pieces(graph: nx.MultiDiGraph, node: str) -> tuple[str, list[str]]:
    """``node``'s entry in node-link JSON and the entries of its out-edges, as JSON text.

    These are the items of ``nx.node_link_data(graph, edges="edges", name="node")``'s
    ``nodes`` and ``edges`` lists, encoded as :func:`json.dumps` encodes them there.
    """
    node_json = _dumps({**graph.nodes[node], "node": node})
    edge_jsons = [
        _dumps({**data, "source": node, "target": target, "key": key})
        for target, keyed in graph.succ[node].items()
        for key, data in keyed.items()
    ]
    return node_json, edge_jsons


def node_link_text(graph: nx.MultiDiGraph, pieces: Iterable[tuple[str, list[str]]] | None = None) -> str:
    """``graph`` as node-link JSON text, the bytes of ``json.dumps(nx.node_link_data(...))``.

    ``pieces`` are :func:`node_link_pieces` of every node in graph order (made here if not
    given), so a caller that already has them does not encode the graph twice.
    """
    if pieces is None:
        pieces = (node_link_pieces(graph, node) for node in graph)
    node_jsons: list[str] = []
    edge_jsons: list[str] = []
    for node_json, edges in pieces:
        node_jsons.append(node_json)
        edge_jsons += edges
    head = _dumps(
        {"directed": graph.is_directed(), "multigraph": graph.is_multigraph(), "graph": graph.graph}
    )
    return f'{head[:-1]}, "nodes": [{", ".join(node_jsons)}], "edges": [{", ".join(edge_jsons)}]}}'


def save_graph_json(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Write ``graph`` as node-link JSON (atomically)."""
    text = node_link_text(graph)
    with atomic_write(path) as stream:
        stream.write(text)
        stream.write("\n")


def load_graph_json(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by :func:`save_graph_json`."""
    with open(path, encoding="utf-8") as stream:
        data = json.load(stream)
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges", name="node")
