"""The graph as a self-contained interactive HTML page (pyvis / vis-network).

Nodes and edges are assembled with pyvis; the page is rendered from kg's own template, which
inlines vis-network (from the pyvis package) so it makes no network request, and embeds the
graph as JSON that cannot break out of its ``<script>`` block. Tooltips are plain text.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("paper:1", kind="paper", id="1", label="A <b>paper</b>", title="A <b>paper</b>",
...            date="", url="", abstract="About GSM8K.")
>>> g.add_node("entity:gsm8k", kind="entity", id="gsm8k", label="GSM8K", type="Benchmark",
...            aliases=[], paper_count=1)
>>> g.add_edge("paper:1", "entity:gsm8k", key="evaluates_on", relation="evaluates_on")
'evaluates_on'
>>> html = render_html(g)
>>> "<b>paper</b>" in html, "vis.Network" in html
(False, True)
"""

from __future__ import annotations

from collections import Counter
from importlib import resources
from pathlib import Path

import jinja2
import networkx as nx
from markupsafe import Markup
from pyvis.network import Network

from kg.graph import entity_nodes, paper_nodes
from kg.io import atomic_write

__all__ = ["EDGE_STYLES", "TYPE_COLORS", "render_html", "select_nodes", "write_html"]

TYPE_COLORS = {
    "Paper": "#9aa5b1",
    "Method": "#4e79a7",
    "Model": "#f28e2b",
    "Dataset": "#59a14f",
    "Benchmark": "#76b7b2",
    "Task": "#b07aa1",
    "Metric": "#e15759",
}
EDGE_STYLES = {
    "proposes": {"color": "#e15759", "width": 3, "dashes": False},
    "evaluates_on": {"color": "#76b7b2", "width": 2, "dashes": False},
    "uses": {"color": "#4e79a7", "width": 1.5, "dashes": False},
    "compares_with": {"color": "#f28e2b", "width": 1.5, "dashes": True},
    "mentions": {"color": "#c0c4c8", "width": 1, "dashes": False},
    "variant_of": {"color": "#555555", "width": 1, "dashes": [2, 4]},
}
_OPTIONS = {
    "physics": {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 90},
        "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 50},
    },
    "interaction": {"hover": True, "tooltipDelay": 120},
    "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.4}}},
    "nodes": {"font": {"size": 12}},
}


def _vis_asset(name: str) -> str:
    root = Path(str(resources.files("pyvis"))) / "templates" / "lib" / "vis-9.1.2"
    return (root / name).read_text(encoding="utf-8")


def select_nodes(graph: nx.MultiDiGraph, max_nodes: int) -> tuple[set[str], str]:
    """The nodes to draw when the graph is too big, and a note saying what was left out.

    Entities are ranked by paper count; papers are kept while they link to a kept entity.
    """
    if graph.number_of_nodes() <= max_nodes:
        return set(graph.nodes), ""
    entities = sorted(entity_nodes(graph), key=lambda nd: (-nd[1].get("paper_count", 0), nd[0]))
    budget = max_nodes // 2
    kept = {n for n, _ in entities[:budget]}
    for node, _ in paper_nodes(graph):
        if len(kept) >= max_nodes:
            break
        if any(v in kept for v in graph.successors(node)):
            kept.add(node)
    left = graph.number_of_nodes() - len(kept)
    note = (
        f"Showing {len(kept)} of {graph.number_of_nodes()} nodes: the "
        f"{min(budget, len(entities))} entities named by most papers and papers linked to "
        f"them; {left} nodes left out."
    )
    return kept, note


def _tooltip(data: dict, graph: nx.MultiDiGraph, node: str) -> str:
    if data.get("kind") == "paper":
        parts = [data.get("title", ""), data.get("date") or "", data.get("url") or ""]
        abstract = data.get("abstract", "")
        parts.append(abstract[:280] + ("…" if len(abstract) > 280 else ""))
        return "\n".join(p for p in parts if p)
    neighbours: Counter[str] = Counter()
    for paper in graph.predecessors(node):
        for other in graph.successors(paper):
            if other != node:
                neighbours[graph.nodes[other].get("label", other)] += 1
    lines = [f"{data.get('label')} ({data.get('type')})", f"papers: {data.get('paper_count', 0)}"]
    if data.get("aliases"):
        lines.append("also: " + ", ".join(data["aliases"][:8]))
    if neighbours:
        lines.append("with: " + ", ".join(n for n, _ in neighbours.most_common(5)))
    return "\n".join(lines)


def build_network(graph: nx.MultiDiGraph, *, max_nodes: int = 1500) -> tuple[Network, str]:
    """Assemble the pyvis ``Network`` for ``graph`` (at most ``max_nodes`` nodes)."""
    kept, note = select_nodes(graph, max_nodes)
    net = Network(directed=True, cdn_resources="in_line")
    for node, data in graph.nodes(data=True):
        if node not in kept:
            continue
        kind = data.get("kind")
        type_ = "Paper" if kind == "paper" else data.get("type", "Method")
        label = data.get("label", node)
        if kind == "paper":
            label = label if len(label) <= 40 else label[:38] + "…"
        size = 8 if kind == "paper" else 10 + 4 * min(int(data.get("paper_count", 1)), 10)
        net.add_node(
            node,
            label=label,
            title=_tooltip(data, graph, node),
            color=TYPE_COLORS[type_],
            shape="square" if kind == "paper" else "dot",
            size=size,
        )
    for source, target, key in graph.edges(keys=True):
        if source in kept and target in kept:
            style = EDGE_STYLES.get(key, EDGE_STYLES["mentions"])
            net.add_edge(source, target, title=key.replace("_", " "), **style)
    return net, note


def render_html(graph: nx.MultiDiGraph, *, title: str = "kg graph", max_nodes: int = 1500) -> str:
    """The whole page as a string."""
    net, note = build_network(graph, max_nodes=max_nodes)
    nodes, edges, *_ = net.get_network_data()
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("kg", "templates"),
        autoescape=jinja2.select_autoescape(["html"]),
    )
    template = env.get_template("graph.html")
    return template.render(
        title=title,
        note=note,
        legend=list(TYPE_COLORS.items()),
        vis_js=Markup(_vis_asset("vis-network.min.js")),
        vis_css=Markup(_vis_asset("vis-network.css")),
        data={"nodes": nodes, "edges": edges, "options": _OPTIONS},
    )


def write_html(graph: nx.MultiDiGraph, path: str | Path, **options: object) -> int:
    """Write the page (atomically); return its size in bytes."""
    html = render_html(graph, **options)
    with atomic_write(path) as stream:
        stream.write(html)
    return len(html.encode("utf-8"))
