"""A view of the graph as one self-contained interactive HTML page (vis-network).

The page is rendered from kg's own template. It inlines vis-network (the copy bundled with
pyvis), so it makes no network request and works offline; a content-security policy forbids
any fetch. The view's nodes and edges (:func:`kg.viewdata.make_view`) are embedded as JSON
that cannot break out of its ``<script>`` block, and the page's script builds tooltips, the
details panel, search results and legends from DOM text nodes, never from HTML strings.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("paper:1", kind="paper", id="1", label="A <b>paper</b>", title="A <b>paper</b>",
...            date="", url="", arxiv_id="", abstract="About GSM8K.")
>>> g.add_node("entity:gsm8k", kind="entity", id="gsm8k", label="GSM8K", type="Benchmark",
...            aliases=[], paper_count=1)
>>> g.add_edge("paper:1", "entity:gsm8k", key="evaluates_on", relation="evaluates_on")
'evaluates_on'
>>> html = render_html(g)
>>> "<b>paper</b>" in html, "vis.Network" in html
(False, True)
"""

from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jinja2
import networkx as nx
import orjson
from markupsafe import Markup

from kg.io import atomic_write
from kg.viewdata import EDGE_STYLES, TYPE_COLORS, ViewData, make_view

__all__ = ["EDGE_STYLES", "TYPE_COLORS", "render_html", "render_view", "write_html"]

#: Above this many nodes the browser's layout iterates less, so mid-sized views settle quickly.
LARGE_VIEW = 800
#: Above this many nodes the layout is computed in Python (:mod:`kg.layout`) and the page
#: draws it at once, with no simulation in the browser.
PRECOMPUTE_LAYOUT = 400


@lru_cache(maxsize=1)
def _vis_js() -> str:
    spec = importlib.util.find_spec("pyvis")  # found, not imported: only its files are needed
    if spec is not None and spec.submodule_search_locations:
        package = Path(next(iter(spec.submodule_search_locations)))
    else:
        package = Path(str(resources.files("pyvis")))
    root = package / "templates" / "lib" / "vis-9.1.2"
    return (root / "vis-network.min.js").read_text(encoding="utf-8")


def _options(view: ViewData, *, precomputed: bool) -> dict:
    n = len(view.nodes)
    large = n > LARGE_VIEW
    iterations = 400 if n <= 300 else 250 if n <= LARGE_VIEW else 150 if n <= 3000 else 100
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": False},
        "physics": {
            "enabled": not precomputed,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -50 if not large else -40,
                "centralGravity": 0.04,
                "springLength": 70 if view.kind == "graph" else 110,
                "avoidOverlap": 0 if large else 0.2,
            },
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 25, "fit": True},
        },
        "interaction": {"hover": not large, "tooltipDelay": 150, "hideEdgesOnDrag": large},
        "edges": {"smooth": False, "arrows": {"to": {"scaleFactor": 0.4}}},
        "nodes": {
            "font": {"size": 14 if not large else 10},
            "scaling": {"label": {"drawThreshold": 4}},
            "borderWidth": 1,
        },
    }


def _place(view: ViewData) -> None:
    """Give every node of ``view`` a fixed position from :func:`kg.layout.force_layout`."""
    from kg.layout import force_layout

    graph = nx.Graph()
    graph.add_nodes_from(node["id"] for node in view.nodes)
    graph.add_edges_from((edge["from"], edge["to"]) for edge in view.edges)
    positions = force_layout(graph, iterations=50 if len(view.nodes) <= 3000 else 40)
    for node in view.nodes:
        node["x"], node["y"] = positions[node["id"]]


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    """The page template, compiled once per process; its ``tojson`` writes with orjson."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("kg", "templates"),
        autoescape=jinja2.select_autoescape(["html"]),
    )
    env.policies["json.dumps_function"] = _dumps
    return env.get_template("graph.html")


def _dumps(value: object, *, sort_keys: bool = False) -> str:
    """``value`` as JSON text, keys sorted when asked: orjson, or the standard library for
    what orjson refuses (a lone surrogate in a title).

    >>> _dumps({"b": 1, "a": "é"}, sort_keys=True)
    '{"a":"é","b":1}'
    >>> _dumps(["\\ud800"])  # a lone surrogate, escaped
    '["\\\\ud800"]'
    """
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS if sort_keys else 0).decode()
    except TypeError:
        return json.dumps(value, sort_keys=sort_keys, separators=(",", ":"))


def render_view(view: ViewData, *, title: str = "kg graph", precompute_above: int = PRECOMPUTE_LAYOUT) -> str:
    """The page drawing ``view``, as a string.

    Views with more than ``precompute_above`` nodes are laid out here, not in the browser.
    """
    precomputed = len(view.nodes) > precompute_above
    if precomputed:
        _place(view)
    template = _template()
    relations = [
        (r, r.replace("_", " ").replace("co occurs", "co-occurs"), EDGE_STYLES[r]) for r in view.relations
    ]
    return template.render(
        title=title,
        note=view.note,
        kind=view.kind,
        node_legend=[(t, TYPE_COLORS[t]) for t in view.types],
        edge_legend=relations,
        vis_js=Markup(_vis_js()),
        data={
            "kind": view.kind,
            "focus": view.focus,
            "colors": TYPE_COLORS,
            "nodes": view.nodes,
            "edges": view.edges,
            "options": _options(view, precomputed=precomputed),
        },
    )


def render_html(graph: nx.MultiDiGraph, *, title: str = "kg graph", **view_options: object) -> str:
    """The page for ``graph``; ``view_options`` go to :func:`kg.viewdata.make_view`."""
    return render_view(make_view(graph, **view_options), title=title)  # type: ignore[arg-type]


def write_html(graph: nx.MultiDiGraph, path: str | Path, **options: object) -> int:
    """Write the page (atomically); return its size in bytes.

    ``options`` are ``title`` and those of :func:`kg.viewdata.make_view`.
    """
    html = render_html(graph, **options)  # type: ignore[arg-type]
    with atomic_write(path) as stream:
        stream.write(html)
    return len(html.encode("utf-8"))
