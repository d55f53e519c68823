"""Time until a synthetic view's layout is stable in headless Chromium (prints the numbers).

Sizes come from ``KG_BENCH_SCALE``: comma-separated node counts (default ``500``, so CI stays
short). ``KG_BENCH_SCALE=500,2000,5000 pytest tests/benchmarks/test_bench_view.py -s`` runs
the three sizes the README reports. The target: a 2,000-node view interactive within 5 s.
"""

from __future__ import annotations

import os
import random
import time

import networkx as nx
import pytest

from tests.test_browser import make_driver, open_page

SIZES = [int(s) for s in os.environ.get("KG_BENCH_SCALE", "500").split(",") if s.strip()]
TYPES = ["Method", "Model", "Dataset", "Benchmark", "Task", "Metric"]
RELATIONS = ["mentions", "uses", "evaluates_on", "compares_with", "proposes"]

pytestmark = pytest.mark.browser


def synthetic_graph(nodes: int, *, seed: int = 0) -> nx.MultiDiGraph:
    """A kg-shaped graph of ``nodes`` nodes: 40% papers, 60% entities in topics.

    Each paper picks a topic and names 2-6 entities, most from its topic, popular ones more
    often (Zipf-like), so the graph has the hubs and clusters of a real corpus.
    """
    rng = random.Random(seed)
    papers = int(nodes * 0.4)
    entities = nodes - papers
    topics = max(1, entities // 40)
    graph = nx.MultiDiGraph()
    for e in range(entities):
        graph.add_node(
            f"entity:e{e}",
            kind="entity",
            id=f"e{e}",
            label=f"Entity {e}",
            type=TYPES[e % len(TYPES)],
            aliases=[f"E{e}"],
            paper_count=0,
        )
    members = [list(range(t, entities, topics)) for t in range(topics)]
    weights = [[1 / (rank + 1) for rank in range(len(m))] for m in members]
    for p in range(papers):
        graph.add_node(
            f"paper:p{p}",
            kind="paper",
            id=f"p{p}",
            label=f"Synthetic paper {p}",
            title=f"Synthetic paper {p}",
            abstract="An invented abstract. " * 12,
            date="2024-01-01",
            url="",
            arxiv_id=f"2401.{p:05d}",
        )
        topic = rng.randrange(topics)
        named = set(rng.choices(members[topic], weights=weights[topic], k=rng.randint(2, 6)))
        if rng.random() < 0.3:
            named.add(rng.randrange(entities))
        for e in named:
            relation = RELATIONS[(p + e) % len(RELATIONS)]
            graph.add_edge(f"paper:p{p}", f"entity:e{e}", key=relation, relation=relation)
            graph.nodes[f"entity:e{e}"]["paper_count"] += 1
    for e in range(entities):  # every entity is named by some paper
        if graph.nodes[f"entity:e{e}"]["paper_count"] == 0:
            paper = f"paper:p{rng.randrange(papers)}"
            graph.add_edge(paper, f"entity:e{e}", key="mentions", relation="mentions")
            graph.nodes[f"entity:e{e}"]["paper_count"] = 1
    return graph


@pytest.fixture(scope="module")
def browser():
    driver = make_driver()
    yield driver
    driver.quit()


@pytest.mark.parametrize("size", SIZES)
def test_time_to_stable_layout(benchmark, browser, tmp_path, capsys, size):
    from kg.view import write_html

    graph = synthetic_graph(size)
    page = tmp_path / f"synthetic-{size}.html"
    started = time.perf_counter()
    page_bytes = write_html(graph, page, max_nodes=size)
    render_s = time.perf_counter() - started

    benchmark.pedantic(open_page, args=(browser, page), kwargs={"timeout": 300}, rounds=1, iterations=1)
    stable_ms = browser.execute_script("return window.kgStableMs")
    shown = browser.execute_script("return [kgNodes.length, kgEdges.length]")
    assert shown == [size, len(set(graph.edges()))]
    assert browser.execute_script("return kgNetwork.physics.physicsEnabled") is False
    with capsys.disabled():
        print(
            f"\nview {size:>5} nodes {shown[1]:>5} edges: page {page_bytes / 1024:,.0f} KiB, "
            f"Python render {render_s:.2f} s, stable layout {stable_ms / 1000:.2f} s after navigation"
        )
