"""What a view of the graph shows: its nodes and edges as plain data, ready for a page.

Three views are drawn from one built graph:

``graph``
    papers and the entities they name (the default), one edge per paper–entity pair styled
    by its strongest relation, plus entity → entity ``variant_of`` edges;
``cooccurrence``
    entities only, two of them linked when some paper names both (edge weight = papers);
a neighbourhood
    either of the above cut to the nodes within ``depth`` hops of one ``focus`` entity.

Before drawing, entities may be filtered by type and by paper count; a view with more than
``max_nodes`` nodes keeps the best-connected entities (and, in the paper view, the papers
naming them) and says in :attr:`ViewData.note` what was left out.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("paper:1", kind="paper", id="1", label="P", title="P", abstract="", date="",
...            url="", arxiv_id="")
>>> for name, type_ in [("LoRA", "Method"), ("GSM8K", "Benchmark")]:
...     g.add_node(f"entity:{name}", kind="entity", id=name, label=name, type=type_,
...                aliases=[], paper_count=1)
...     _ = g.add_edge("paper:1", f"entity:{name}", key="uses", relation="uses")
>>> view = make_view(g)
>>> len(view.nodes), len(view.edges)
(3, 2)
>>> view = make_view(g, kind="cooccurrence")
>>> [(e["from"], e["to"], e["weight"]) for e in view.edges]
[('entity:GSM8K', 'entity:LoRA', 1)]
>>> find_entity(g, "lora")
'entity:LoRA'
"""

from __future__ import annotations

import difflib
import math
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from kg.graph import entity_nodes, paper_nodes
from kg.records import EntityType, Relation

__all__ = [
    "EDGE_STYLES",
    "KINDS",
    "TYPE_COLORS",
    "ViewData",
    "ViewError",
    "find_entity",
    "fold",
    "make_view",
    "parse_types",
]

KINDS = ("graph", "cooccurrence")

TYPE_COLORS = {
    "Paper": "#9aa5b1",
    "Method": "#4e79a7",
    "Model": "#f28e2b",
    "Dataset": "#59a14f",
    "Benchmark": "#76b7b2",
    "Task": "#b07aa1",
    "Metric": "#e15759",
}
#: vis-network edge style per relation, strongest claim first.
EDGE_STYLES = {
    "proposes": {"color": "#d62728", "width": 3.0, "dashes": False},
    "evaluates_on": {"color": "#2a9d8f", "width": 2.0, "dashes": False},
    "compares_with": {"color": "#f28e2b", "width": 1.5, "dashes": [8, 4]},
    "uses": {"color": "#4e79a7", "width": 1.5, "dashes": False},
    "mentions": {"color": "#b8bec4", "width": 1.0, "dashes": False},
    "variant_of": {"color": "#555555", "width": 1.0, "dashes": [2, 4]},
    "co_occurs": {"color": "#8a96a3", "width": 1.0, "dashes": False},
}
_ABSTRACT_CHARS = 300
_TOP_NEIGHBOURS = 5
#: Papers carry their (shortened) title as a label only in views this small; in bigger ones
#: the title is in the tooltip, the details panel and the search.
_LABEL_PAPERS_UP_TO = 60


class ViewError(ValueError):
    """A view that cannot be drawn as asked (unknown focus, type or kind)."""


@dataclass
class ViewData:
    """The nodes and edges one page draws, and a note on what was left out."""

    kind: str
    nodes: list[dict]
    edges: list[dict]
    note: str = ""
    focus: str | None = None
    types: list[str] = field(default_factory=list)
    relations: list[str] = field(default_factory=list)


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents, for matching names the way the page does.

    >>> fold("Éléonore-MÜLLER")
    'eleonore-muller'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def parse_types(text: str | Iterable[str] | None) -> list[str]:
    """Entity types from ``"Method,Model"`` (any case); ``[]`` for none.

    >>> parse_types("benchmark, model")
    ['Benchmark', 'Model']
    """
    if text is None:
        return []
    items = text.split(",") if isinstance(text, str) else list(text)
    types = []
    for item in (i.strip() for i in items):
        if not item:
            continue
        try:
            types.append(EntityType.parse(item).value)
        except ValueError:
            choices = ", ".join(t.value for t in EntityType)
            raise ViewError(f"unknown entity type {item!r}; choose from {choices}") from None
    return types


def find_entity(graph: nx.MultiDiGraph, name: str) -> str:
    """The entity node named ``name`` (label, alias or id; case and accents ignored).

    Raises
    ------
    ViewError
        When no entity has that name; the message suggests close names.
    """
    wanted = fold(name.strip())
    names: dict[str, str] = {}
    for node, data in entity_nodes(graph):
        for form in (data.get("label", ""), data.get("id", ""), *data.get("aliases", [])):
            names.setdefault(fold(form), node)
    if wanted in names:
        return names[wanted]
    partial = sorted(n for f, n in names.items() if wanted and wanted in f)
    close = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.75)
    hints = list(
        dict.fromkeys(
            [graph.nodes[n]["label"] for n in partial[:3]] + [graph.nodes[names[c]]["label"] for c in close]
        )
    )
    hint = f"; did you mean {', '.join(hints[:3])}?" if hints else ""
    raise ViewError(f"no entity named {name!r} in the graph{hint}")


def _strongest(relations: Iterable[str]) -> str:
    def strength(r: str) -> int:
        return Relation(r).strength if r in Relation._value2member_map_ else -1

    return max(relations, key=strength)


def _entity_papers(graph: nx.MultiDiGraph) -> dict[str, set[str]]:
    papers: dict[str, set[str]] = {n: set() for n, _ in entity_nodes(graph)}
    succ = graph._succ  # the adjacency dicts themselves: views cost more per paper
    for paper, _ in paper_nodes(graph):
        for entity in succ[paper]:
            if entity in papers:
                papers[entity].add(paper)
    return papers


def _cooccurrence(graph: nx.MultiDiGraph) -> nx.Graph:
    """Entities linked by the number of papers naming both."""
    co = nx.Graph()
    co.add_nodes_from(n for n, _ in entity_nodes(graph))
    for paper, _ in paper_nodes(graph):
        entities = sorted(set(graph.successors(paper)))
        for i, a in enumerate(entities):
            for b in entities[i + 1 :]:
                if co.has_edge(a, b):
                    co[a][b]["weight"] += 1
                else:
                    co.add_edge(a, b, weight=1)
    return co


def _induced(base: nx.Graph | nx.MultiDiGraph, keep: set[str]) -> nx.Graph | nx.MultiDiGraph:
    """The subgraph of ``base`` on ``keep``, as a new graph in ``base``'s node and edge order.

    A NetworkX subgraph view of a small node set iterates that set, whose order changes
    with the string hash seed; the view's page must not.
    """
    sub = base.__class__()
    sub.add_nodes_from((n, d) for n, d in base.nodes(data=True) if n in keep)
    if base.is_directed():  # the adjacency dicts themselves, in the order base.edges() walks them
        kept = ((u, nbrs) for u, nbrs in base._succ.items() if u in keep)
        if base.is_multigraph():
            sub.add_edges_from(
                (u, v, k, d)
                for u, nbrs in kept
                for v, keyed in nbrs.items()
                if v in keep
                for k, d in keyed.items()
            )
        else:
            sub.add_edges_from((u, v, d) for u, nbrs in kept for v, d in nbrs.items() if v in keep)
    elif base.is_multigraph():
        edges = base.edges(keys=True, data=True)
        sub.add_edges_from((u, v, k, d) for u, v, k, d in edges if u in keep and v in keep)
    else:
        sub.add_edges_from((u, v, d) for u, v, d in base.edges(data=True) if u in keep and v in keep)
    return sub


def _degrees(shown: nx.Graph | nx.MultiDiGraph) -> dict[str, int]:
    """Each node's degree in ``shown`` taken as a simple undirected graph (a self-loop counts 2)."""
    if shown.is_directed():
        # the adjacency dicts themselves (a NetworkX view's atlases are slow to iterate)
        succ, pred = shown._succ, shown._pred
        return {n: len(succ[n].keys() | pred[n].keys()) + (n in succ[n]) for n in shown}
    adj = shown._adj
    return {n: len(adj[n]) + (n in adj[n]) for n in shown}


def _neighbours(
    graph: nx.MultiDiGraph, entity: str, papers_of: dict[str, set[str]], co: nx.Graph | None
) -> list[str]:
    """The entities named with ``entity``, most shared papers first (then by node key)."""
    if co is not None:
        weights = {n: d["weight"] for n, d in co[entity].items()} if entity in co else {}
    else:
        weights = Counter(n for paper in papers_of.get(entity, ()) for n in set(graph.successors(paper)))
        weights.pop(entity, None)
    return sorted(weights, key=lambda n: (-weights[n], n))


def _filter(graph: nx.MultiDiGraph, min_papers: int, types: list[str], focus: str | None) -> nx.MultiDiGraph:
    """Drop entities below ``min_papers`` or outside ``types`` (not ``focus``), then unlinked papers."""
    if min_papers <= 1 and not types:
        return graph
    keep = {
        n
        for n, d in entity_nodes(graph)
        if n == focus
        or (
            (min_papers <= 1 or d.get("paper_count", 0) >= min_papers)
            and (not types or d.get("type") in types)
        )
    }
    for paper, _ in paper_nodes(graph):
        if any(e in keep for e in graph.successors(paper)):
            keep.add(paper)
    return _induced(graph, keep)


def _top(
    degree: dict[str, int],
    entities: list[str],
    papers_of: dict[str, set[str]],
    max_nodes: int,
    focus: str | None,
) -> tuple[set[str], int]:
    """Entities by degree (focus first), each with its papers, until ``max_nodes`` is reached."""
    ranked = sorted(entities, key=lambda n: (n != focus, -degree.get(n, 0), n))
    kept: set[str] = set()
    count = 0
    for entity in ranked:
        extra = {entity} | (papers_of.get(entity, set()) - kept)
        if len(kept) + len(extra) > max_nodes:
            if kept:
                break
            extra = {entity}
        kept |= extra
        count += 1
    return kept, count


def _paper_info(data: dict) -> dict:
    abstract = data.get("abstract", "") or ""
    if len(abstract) > _ABSTRACT_CHARS:
        abstract = abstract[:_ABSTRACT_CHARS].rsplit(" ", 1)[0] + "…"
    url = data.get("url", "") or ""
    if data.get("arxiv_id"):
        url = f"https://arxiv.org/abs/{data['arxiv_id']}"
    if not url.startswith(("https://", "http://")):
        url = ""
    return {"title": data.get("title", ""), "date": data.get("date", ""), "url": url, "abstract": abstract}


def make_view(
    graph: nx.MultiDiGraph,
    *,
    kind: str = "graph",
    focus: str | None = None,
    depth: int = 2,
    max_nodes: int = 1500,
    min_papers: int = 1,
    types: Iterable[str] | str | None = None,
) -> ViewData:
    """The nodes and edges of one view of ``graph``.

    Parameters
    ----------
    graph
        A graph from :func:`kg.graph.build_graph` or :func:`kg.load`.
    kind
        ``"graph"`` (papers and entities) or ``"cooccurrence"`` (entities only).
    focus
        Name or alias of an entity: show only its neighbourhood.
    depth
        Hops around ``focus`` (in the paper view, 1 = the papers naming it, 2 = also the
        entities those papers name; in the co-occurrence view, entity hops).
    max_nodes
        Most nodes drawn; above it the best-connected entities are kept.
    min_papers
        Leave out entities named by fewer papers.
    types
        Entity types to keep (``"Method,Model"`` or a list); all when empty.
    """
    if kind not in KINDS:
        raise ViewError(f"unknown view kind {kind!r}; choose from {', '.join(KINDS)}")
    if max_nodes < 1 or depth < 0:
        raise ViewError("--max-nodes must be at least 1 and --depth at least 0")
    type_list = parse_types(types)
    papers_of = _entity_papers(graph)
    co = _cooccurrence(graph) if kind == "cooccurrence" else None
    focus_node = find_entity(graph, focus) if focus else None
    view_graph = _filter(graph, min_papers, type_list, focus_node)
    if co is not None:
        shown: nx.Graph = _induced(co, {n for n in view_graph if graph.nodes[n].get("kind") == "entity"})
    else:
        shown = view_graph
    if focus_node is not None:
        shown = _induced(shown, set(nx.ego_graph(nx.Graph(shown), focus_node, radius=depth)))
    total = shown.number_of_nodes()
    degree = _degrees(shown)
    entities = [n for n in shown if graph.nodes[n].get("kind") == "entity"]
    note = ""
    if total > max_nodes:
        shown_set = set(shown)
        local_papers = {e: papers_of[e] & shown_set for e in entities} if kind == "graph" else {}
        kept, count = _top(degree, entities, local_papers, max_nodes, focus_node)
        left_entities = len(entities) - count
        left_papers = (total - len(entities)) - (len(kept) - count)
        note = (
            f"Showing {len(kept)} of {total} nodes: the {count} best-connected entities"
            + (" and the papers naming them" if kind == "graph" else "")
            + f"; left out {left_entities} entities"
            + (f" and {left_papers} papers" if kind == "graph" else "")
            + ". Raise --max-nodes or use --min-papers, --types or --focus to see others."
        )
        shown = _induced(shown, kept)
        degree = _degrees(shown)
    nodes = []
    label_papers = shown.number_of_nodes() <= _LABEL_PAPERS_UP_TO
    for node in shown:
        data = graph.nodes[node]
        if data.get("kind") == "paper":
            nodes.append(
                {
                    "id": node,
                    "label": _short(data.get("label", node)) if label_papers else "",
                    "kind": "paper",
                    "type": "Paper",
                    "shape": "square",
                    "size": round(7 + 1.5 * math.sqrt(degree.get(node, 0)), 1),
                    "degree": degree.get(node, 0),
                    "papers": 1,
                    "aliases": [],
                    "info": _paper_info(data),
                }
            )
            continue
        neighbours = _neighbours(graph, node, papers_of, co)
        papers = int(data.get("paper_count", 0))
        nodes.append(
            {
                "id": node,
                "label": data.get("label", node),
                "kind": "entity",
                "type": data.get("type", "Method"),
                "shape": "dot",
                "size": round(min(10 + 5 * math.sqrt(papers), 60), 1),
                "degree": degree.get(node, 0),
                "papers": papers,
                "aliases": list(data.get("aliases", [])),
                "info": {
                    "with": [graph.nodes[n].get("label", n) for n in neighbours[:_TOP_NEIGHBOURS]],
                },
            }
        )
    edges = _edges(shown, kind)
    present = {n["type"] for n in nodes}
    return ViewData(
        kind=kind,
        nodes=nodes,
        edges=edges,
        note=note,
        focus=focus_node,
        types=[t for t in TYPE_COLORS if t in present],
        relations=[r for r in EDGE_STYLES if any(e["relation"] == r for e in edges)],
    )


def _edges(shown: nx.Graph | nx.MultiDiGraph, kind: str) -> list[dict]:
    edges: list[dict] = []
    if kind == "cooccurrence":
        for u, v, data in shown.edges(data=True):
            a, b = sorted((u, v))
            weight = data["weight"]
            edges.append(
                {
                    "id": f"{a}|{b}",
                    "from": a,
                    "to": b,
                    "relation": "co_occurs",
                    "weight": weight,
                    "title": f"{weight} paper{'s' if weight != 1 else ''} name both",
                    "width": round(min(1 + 1.5 * math.log2(weight), 8), 1),
                    "color": EDGE_STYLES["co_occurs"]["color"],
                    "dashes": False,
                }
            )
        return edges
    pairs: dict[tuple[str, str], list[str]] = {}
    for u, v, key in shown.edges(keys=True):
        pairs.setdefault((u, v), []).append(key)
    for (u, v), relations in pairs.items():
        relation = "variant_of" if "variant_of" in relations else _strongest(relations)
        style = EDGE_STYLES.get(relation, EDGE_STYLES["mentions"])
        ordered = sorted(relations, key=lambda r: r != relation)
        edges.append(
            {
                "id": f"{u}|{v}",
                "from": u,
                "to": v,
                "relation": relation,
                "title": ", ".join(r.replace("_", " ") for r in ordered),
                "arrows": "to",
                **style,
            }
        )
    return edges


def _short(label: str, limit: int = 40) -> str:
    return label if len(label) <= limit else label[: limit - 2].rstrip() + "…"
