"""What the views contain (kg.viewdata), the Python layout, the page's markup and `kg view`."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.layout import force_layout
from kg.view import render_html
from kg.viewdata import ViewError, find_entity, fold, make_view, parse_types


def tiny_graph() -> nx.MultiDiGraph:
    """Three papers; LoRA in all three, GSM8K in two, Zoë-Net in one, Qwen2-7B a variant."""
    g = nx.MultiDiGraph()
    entities = {
        "lora": ("LoRA", "Method", ["Low-Rank Adaptation"]),
        "gsm8k": ("GSM8K", "Benchmark", []),
        "zoe": ("Zoë-Net", "Model", ["ZN"]),
        "qwen2": ("Qwen2", "Model", []),
        "qwen2-7b": ("Qwen2-7B", "Model", []),
    }
    links = {
        "1": [("lora", "proposes"), ("lora", "mentions"), ("gsm8k", "evaluates_on")],
        "2": [("lora", "uses"), ("gsm8k", "evaluates_on"), ("qwen2-7b", "uses")],
        "3": [("lora", "compares_with"), ("zoe", "mentions")],
    }
    for pid in links:
        g.add_node(
            f"paper:{pid}",
            kind="paper",
            id=pid,
            label=f"Paper {pid}",
            title=f"Paper {pid}",
            abstract="word " * 100,
            date="2024-05-01",
            url="javascript:alert(1)" if pid == "3" else "",
            arxiv_id="2405.00001" if pid == "1" else "",
        )
    counts = {e: len({p for p, ls in links.items() for x, _ in ls if x == e}) for e in entities}
    for eid, (name, type_, aliases) in entities.items():
        g.add_node(
            f"entity:{eid}",
            kind="entity",
            id=eid,
            label=name,
            type=type_,
            aliases=aliases,
            paper_count=counts[eid],
        )
    for pid, items in links.items():
        for eid, relation in items:
            g.add_edge(f"paper:{pid}", f"entity:{eid}", key=relation, relation=relation)
    g.add_edge("entity:qwen2-7b", "entity:qwen2", key="variant_of", relation="variant_of")
    return g


def by_id(items: list[dict]) -> dict[str, dict]:
    return {item["id"]: item for item in items}


def test_paper_entity_view_one_edge_per_pair_styled_by_strongest_relation():
    view = make_view(tiny_graph())
    assert len(view.nodes) == 8
    edges = by_id(view.edges)
    assert len(edges) == 8  # 9 relation edges, two of them between paper 1 and LoRA
    assert edges["paper:1|entity:lora"]["relation"] == "proposes"
    assert edges["paper:1|entity:lora"]["title"] == "proposes, mentions"
    assert edges["entity:qwen2-7b|entity:qwen2"]["relation"] == "variant_of"
    assert edges["entity:qwen2-7b|entity:qwen2"]["dashes"] == [2, 4]
    nodes = by_id(view.nodes)
    assert nodes["paper:1"]["shape"] != nodes["entity:lora"]["shape"]
    assert nodes["entity:lora"]["size"] > nodes["entity:zoe"]["size"]
    assert view.types == ["Paper", "Method", "Model", "Benchmark"]
    assert view.relations == ["proposes", "evaluates_on", "compares_with", "uses", "mentions", "variant_of"]


def test_tooltip_data():
    nodes = by_id(make_view(tiny_graph()).nodes)
    paper = nodes["paper:1"]["info"]
    assert paper["url"] == "https://arxiv.org/abs/2405.00001"
    assert paper["date"] == "2024-05-01"
    assert paper["abstract"].endswith("…") and len(paper["abstract"]) <= 301
    assert nodes["paper:3"]["info"]["url"] == ""  # only http(s) links
    lora = nodes["entity:lora"]
    assert lora["aliases"] == ["Low-Rank Adaptation"] and lora["papers"] == 3
    assert lora["info"]["with"][0] == "GSM8K"  # named together twice


def test_cooccurrence_view_weights():
    view = make_view(tiny_graph(), kind="cooccurrence")
    assert {n["kind"] for n in view.nodes} == {"entity"}
    weights = {e["id"]: e["weight"] for e in view.edges}
    assert weights["entity:gsm8k|entity:lora"] == 2
    assert weights["entity:lora|entity:zoe"] == 1
    assert "entity:qwen2" in by_id(view.nodes)  # named by no paper, still an entity


@pytest.mark.parametrize(
    ("kind", "depth", "expected"),
    [
        ("graph", 1, {"entity:zoe", "paper:3"}),
        ("graph", 2, {"entity:zoe", "paper:3", "entity:lora"}),
        ("cooccurrence", 1, {"entity:zoe", "entity:lora"}),
        ("cooccurrence", 2, {"entity:zoe", "entity:lora", "entity:gsm8k", "entity:qwen2-7b"}),
    ],
)
def test_neighbourhood(kind, depth, expected):
    view = make_view(tiny_graph(), kind=kind, focus="ZOE-NET", depth=depth)
    assert {n["id"] for n in view.nodes} == expected
    assert view.focus == "entity:zoe"


def test_filters():
    view = make_view(tiny_graph(), min_papers=2)
    assert {n["id"] for n in view.nodes} == {"entity:lora", "entity:gsm8k", "paper:1", "paper:2", "paper:3"}
    view = make_view(tiny_graph(), types="model")
    assert {n["id"] for n in view.nodes} == {
        "entity:zoe",
        "entity:qwen2",
        "entity:qwen2-7b",
        "paper:2",
        "paper:3",
    }


def test_focus_survives_filters():
    view = make_view(tiny_graph(), focus="zoe", types="Method", depth=2)
    assert {n["id"] for n in view.nodes} == {"entity:zoe", "paper:3", "entity:lora"}


def test_top_nodes_with_note():
    view = make_view(tiny_graph(), max_nodes=4)
    ids = {n["id"] for n in view.nodes}
    assert "entity:lora" in ids and len(ids) == 4  # the hub and its three papers
    assert view.note.startswith("Showing 4 of 8 nodes")
    assert "left out 4 entities" in view.note
    focused = make_view(tiny_graph(), max_nodes=2, focus="qwen2", depth=3)
    assert "entity:qwen2" in {n["id"] for n in focused.nodes}


def test_view_errors():
    with pytest.raises(ViewError, match="did you mean GSM8K"):
        make_view(tiny_graph(), focus="GSM8")
    with pytest.raises(ViewError, match="unknown entity type 'Paper'"):
        parse_types("Method,Paper")
    with pytest.raises(ViewError, match="unknown view kind"):
        make_view(tiny_graph(), kind="tree")


def test_fold_and_find():
    assert fold("ZOË") == fold("zoe") == "zoe"
    assert fold("Ζωή") == fold("ΖΩΗ")
    assert find_entity(tiny_graph(), "low-rank adaptation") == "entity:lora"


def test_layout_is_deterministic_and_keeps_linked_nodes_close():
    graph = nx.connected_caveman_graph(30, 12)
    first = force_layout(graph, seed=3)
    assert first == force_layout(graph, seed=3)

    def distance(a, b):
        (x1, y1), (x2, y2) = first[a], first[b]
        return ((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5

    linked = sum(distance(u, v) for u, v in graph.edges()) / graph.number_of_edges()
    pairs = [(i, (i * 37 + 101) % 360) for i in range(360)]
    spread = sum(distance(u, v) for u, v in pairs) / len(pairs)
    assert linked < spread / 4


def page_data(html: str) -> dict:
    match = re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', html, re.S)
    assert match
    return json.loads(match.group(1))


def test_page_markup_is_escaped_and_self_contained():
    g = tiny_graph()
    g.nodes["paper:1"]["title"] = "</script><script>alert(1)</script>"
    g.nodes["entity:lora"]["label"] = "<img src=x onerror=alert(1)>"
    html = render_html(g, title="<i>t</i>")
    assert "<img src=x" not in html and "</script><script>alert" not in html
    assert "<title>&lt;i&gt;t&lt;/i&gt;</title>" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", html)
    assert "innerHTML" not in html.split('<script id="graph-data"')[1]
    data = page_data(html)
    assert by_id(data["nodes"])["entity:lora"]["label"] == "<img src=x onerror=alert(1)>"
    assert data["options"]["physics"]["enabled"] is True


def test_big_views_come_laid_out():
    g = nx.MultiDiGraph()
    for i in range(30):
        g.add_node(
            f"entity:{i}", kind="entity", id=str(i), label=f"E{i}", type="Method", aliases=[], paper_count=1
        )
    data = page_data(render_html(g))
    assert data["options"]["physics"]["enabled"] is True
    from kg.view import render_view

    data = page_data(render_view(make_view(g), precompute_above=10))
    assert data["options"]["physics"]["enabled"] is False
    assert all("x" in n and "y" in n for n in data["nodes"])


@pytest.fixture
def built(tmp_path):
    from kg.graph import save_graph_json

    path = tmp_path / "build" / "graph.json"
    path.parent.mkdir()
    save_graph_json(tiny_graph(), path)
    return path


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--kind", "cooccurrence"],
        ["--focus", "lora", "--depth", "1"],
        ["--max-nodes", "3", "--min-papers", "2", "--types", "Method,Benchmark"],
    ],
)
def test_kg_view_writes_a_page(built, tmp_path, args):
    out = tmp_path / "view.html"
    for source in (built, built.parent):
        run = CliRunner().invoke(app, ["view", str(source), "--out", str(out), *args])
        assert run.exit_code == 0, run.output
        data = page_data(out.read_text(encoding="utf-8"))
        assert data["kind"] == (args[1] if args[:1] == ["--kind"] else "graph")
        assert data["nodes"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--focus", "nothing-like-it"], "no entity named 'nothing-like-it'"),
        (["--types", "Gadget"], "unknown entity type 'Gadget'"),
        (["--kind", "tree"], "unknown view kind 'tree'"),
    ],
)
def test_kg_view_user_errors(built, tmp_path, args, message):
    run = CliRunner().invoke(app, ["view", str(built), "--out", str(tmp_path / "v.html"), *args])
    assert run.exit_code == 1
    assert message in run.output
    assert "Traceback" not in run.output
    assert not (tmp_path / "v.html").exists()


def test_kg_view_missing_or_bad_graph(tmp_path):
    run = CliRunner().invoke(app, ["view", str(tmp_path / "none"), "--out", str(tmp_path / "v.html")])
    assert run.exit_code == 1 and "no graph at" in run.output
    bad = tmp_path / "graph.json"
    bad.write_text("{not json", encoding="utf-8")
    run = CliRunner().invoke(app, ["view", str(bad), "--out", str(tmp_path / "v.html")])
    assert run.exit_code == 1 and "cannot read graph" in run.output
