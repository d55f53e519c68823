"""kg.analytics on small graphs with hand-computed answers, and on the seed build."""

from __future__ import annotations

import math
from collections import Counter

import networkx as nx
import pytest

from kg import analytics as an
from kg.graph import build_graph
from kg.records import ExtractedEntity, Paper, PaperExtraction

# p1 {A, B, C}, p2 {A, B}, p3 {A, D}, p4 {E}: N = 4; A in 3 papers, B in 2, C, D, E in 1.
PAPERS = {"p1": ["A", "B", "C"], "p2": ["A", "B"], "p3": ["A", "D"], "p4": ["E"]}
TYPES = {"C": "Dataset", "D": "Dataset", "E": "Benchmark"}


@pytest.fixture
def small():
    return an.mentions_graph(PAPERS, types=TYPES)


def node(label: str) -> str:
    return f"entity:{label.lower()}"


# --------------------------------------------------------------------------- co-occurrence


def test_cooccurrence_weights_lift_and_pmi_by_hand(small):
    co = an.cooccurrence_graph(small)
    assert co.graph["papers"] == 4
    assert dict(co.nodes(data="papers")) == {
        node("A"): 3,
        node("B"): 2,
        node("C"): 1,
        node("D"): 1,
        node("E"): 1,
    }
    weights = {frozenset(e[:2]): e[2] for e in co.edges(data="weight")}
    assert weights == {
        frozenset({node("A"), node("B")}): 2,
        frozenset({node("A"), node("C")}): 1,
        frozenset({node("B"), node("C")}): 1,
        frozenset({node("A"), node("D")}): 1,
    }
    # lift = n_ab * N / (n_a * n_b)
    assert co.edges[node("A"), node("B")]["lift"] == pytest.approx(2 * 4 / (3 * 2))
    assert co.edges[node("B"), node("C")]["lift"] == pytest.approx(2.0)
    assert co.edges[node("B"), node("C")]["pmi"] == pytest.approx(1.0)
    assert co.edges[node("A"), node("D")]["pmi"] == pytest.approx(math.log2(4 / 3))
    assert co.degree(node("E")) == 0  # named alone: a node, no edges


def test_cooccurrence_matches_networkx_bipartite_projection(small):
    bipartite = nx.Graph(small.to_undirected())
    entities = [n for n, d in small.nodes(data=True) if d["kind"] == "entity"]
    expected = nx.bipartite.weighted_projected_graph(bipartite, entities)
    co = an.cooccurrence_graph(small)
    assert {frozenset(e[:2]): e[2] for e in co.edges(data="weight")} == {
        frozenset(e[:2]): e[2] for e in expected.edges(data="weight")
    }


def test_cooccurrence_filters_and_min_weight(small):
    assert list(an.cooccurrence_graph(small, min_weight=2).edges) == [(node("A"), node("B"))]
    datasets = an.cooccurrence_graph(small, types="Dataset")
    assert sorted(datasets.nodes) == [node("C"), node("D")]
    assert datasets.number_of_edges() == 0  # C and D never share a paper
    assert datasets.graph["papers"] == 4  # N stays the whole corpus


def test_two_relations_to_one_entity_count_once_and_relations_filter():
    def ent(name, relation):
        return ExtractedEntity(name, "Method", [name], [], relation=relation)

    graph = build_graph(
        [
            PaperExtraction(Paper("p1", "t1", ""), [ent("X", "uses"), ent("Y", "uses")]),
            PaperExtraction(Paper("p2", "t2", ""), [ent("X", "mentions"), ent("Y", "proposes")]),
        ]
    )
    # p2 -> Y through two local entities would still be one paper
    assert an.cooccurrence_graph(graph).edges[node("X"), node("Y")]["weight"] == 2
    uses = an.cooccurrence_graph(graph, relations="uses")
    assert uses.edges[node("X"), node("Y")]["weight"] == 1
    assert uses.nodes[node("X")]["papers"] == 1


def test_variant_edges_are_not_papers():
    graph = an.mentions_graph({"p1": ["A", "B"]})
    graph.add_edge(node("A"), node("B"), key="variant_of", relation="variant_of")
    co = an.cooccurrence_graph(graph)
    assert co.edges[node("A"), node("B")]["weight"] == 1
    assert an.paper_entities(graph) == {"paper:p1": {node("A"), node("B")}}


def test_cooccurrence_table_order(small):
    table = an.cooccurrence_table(small)
    assert list(zip(table["source"], table["target"], table["weight"], strict=True)) == [
        ("A", "B", 2),
        ("B", "C", 1),  # lift 2 ranks before the lift-4/3 pairs
        ("A", "C", 1),
        ("A", "D", 1),
    ]
    assert len(an.cooccurrence_table(small, k=2)) == 2


# --------------------------------------------------------------------------- what is used with X


def test_used_with_ranks_by_count_then_pmi(small):
    table = an.used_with(small, "A")
    assert list(table["label"]) == ["B", "C", "D"]
    assert list(table["count"]) == [2, 1, 1]
    assert table["lift"].tolist() == pytest.approx([4 / 3, 4 / 3, 4 / 3])
    assert table.attrs["entity"] == node("A")
    by_lift = an.used_with(small, "B", sort="lift")
    assert list(by_lift["label"]) == ["C", "A"]  # C: lift 2, A: lift 4/3
    assert by_lift["pmi"].tolist() == pytest.approx([1.0, math.log2(4 / 3)])
    assert list(an.used_with(small, "A", types="Dataset")["label"]) == ["C", "D"]
    assert list(an.used_with(small, "A", min_count=2)["label"]) == ["B"]
    assert an.used_with(small, "E").empty


def test_used_with_accepts_a_cooccurrence_graph_and_rejects_unknown(small):
    co = an.cooccurrence_graph(small)
    assert list(an.used_with(co, "a")["label"]) == ["B", "C", "D"]
    with pytest.raises(KeyError, match="no entity named 'Nope'"):
        an.used_with(small, "Nope")
    with pytest.raises(ValueError, match="sort"):
        an.used_with(small, "A", sort="weight")


def test_find_entity_by_key_id_label_and_alias():
    graph = an.mentions_graph({"p1": ["Low-Rank Adaptation"]}, aliases={"Low-Rank Adaptation": ["LoRA"]})
    key = "entity:low-rank-adaptation"
    for name in (key, "low-rank-adaptation", "LOW-RANK ADAPTATION", "lora"):
        assert an.find_entity(graph, name) == key
    with pytest.raises(KeyError):
        an.find_entity(graph, "paper:p1")


# --------------------------------------------------------------------------- tables and top-k


def test_top_entities_per_type_with_ties_and_k():
    graph = an.mentions_graph(
        {"p1": ["m1", "m2", "d1"], "p2": ["m1", "m2", "d2"], "p3": ["m1", "m3", "d2"], "p4": ["m3"]},
        types={"d1": "Dataset", "d2": "Dataset"},
    )
    table = an.top_entities(graph, k=2)
    assert list(zip(table["type"], table["rank"], table["label"], table["papers"], strict=True)) == [
        ("Method", 1, "m1", 3),
        ("Method", 2, "m2", 2),  # m2 and m3 tie on 2 papers; the label decides
        ("Dataset", 1, "d2", 2),
        ("Dataset", 2, "d1", 1),
    ]
    only = an.top_entities(graph, types=["Dataset"], k=1)
    assert list(only["label"]) == ["d2"]
    assert an.top_entities(graph, types="Task").empty
    with pytest.raises(ValueError):
        an.top_entities(graph, by="pagerank")


def test_summary_and_tables(small):
    table = an.summary(small)
    counts = {(g, i): c for g, i, c in table.itertuples(index=False)}
    assert counts[("nodes", "papers")] == 4
    assert counts[("nodes", "entities")] == 5
    assert counts[("entity", "Dataset")] == 2
    assert counts[("relation", "mentions")] == 8
    papers = an.paper_table(small)
    assert dict(zip(papers["title"], papers["entities"], strict=True)) == {"p1": 3, "p2": 2, "p3": 2, "p4": 1}
    entities = an.entity_table(small).set_index("label")
    assert entities.loc["A", "papers"] == 3
    assert entities.loc["E", "type"] == "Benchmark"


# --------------------------------------------------------------------------- centrality


def test_centrality_of_a_star():
    graph = an.mentions_graph(
        {"p1": ["Hub", "A"], "p2": ["Hub", "B"], "p3": ["Hub", "C"], "p4": ["Hub", "A"]}
    )
    table = an.centrality(graph)
    assert table["label"].iloc[0] == "Hub"
    assert table["pagerank"].sum() == pytest.approx(1.0)
    hub = table.set_index("label").loc["Hub"]
    assert (hub["degree"], hub["strength"], hub["degree_centrality"], hub["betweenness"]) == (3, 4, 1.0, 1.0)
    leaves = table.set_index("label").loc[["A", "B", "C"]]
    assert leaves["betweenness"].tolist() == [0.0, 0.0, 0.0]
    # A shares two papers with the hub, so weighted PageRank puts it above B and C
    assert (
        leaves.loc["A", "pagerank"]
        > leaves.loc["B", "pagerank"]
        == pytest.approx(leaves.loc["C", "pagerank"])
    )
    assert len(an.centrality(graph, k=2)) == 2
    assert an.centrality(an.mentions_graph({"p1": []})).empty


def test_backend_is_passed_to_networkx(small):
    same = an.centrality(small, backend="networkx")
    assert same["pagerank"].tolist() == pytest.approx(an.centrality(small)["pagerank"].tolist())
    with pytest.raises(ImportError, match="no-such-backend"):
        an.centrality(small, backend="no-such-backend")


# --------------------------------------------------------------------------- communities

TWO_GROUPS = {
    "p1": ["A", "B", "C"],
    "p2": ["A", "B", "C"],
    "p3": ["A", "B"],
    "p4": ["X", "Y", "Z"],
    "p5": ["X", "Y", "Z"],
    "p6": ["C", "X"],  # one weak bridge
}


@pytest.mark.parametrize("method", ["louvain", "leiden"])
def test_communities_split_two_groups(method):
    graph = an.mentions_graph(TWO_GROUPS)
    membership = an.communities(graph, method=method)
    assert membership.attrs["method"] == method
    groups = membership.groupby("community")["label"].apply(set).to_dict()
    assert groups == {0: {"A", "B", "C"}, 1: {"X", "Y", "Z"}}
    # A, B and C tie on papers (3) and weighted degree (5): the label decides
    assert list(membership["label"][:3]) == ["A", "B", "C"]
    summary = an.community_summary(membership, top=2)
    assert summary["top_entities"].tolist() == ["A, B", "X, Y"]
    assert summary["size"].tolist() == [3, 3]
    quotient = an.community_graph(graph, membership)
    assert quotient.number_of_nodes() == 2
    assert quotient.edges[0, 1]["weight"] == 1  # the bridge paper p6


def test_communities_cover_every_entity_once_and_bad_method(small):
    membership = an.communities(small, method="louvain")
    assert sorted(membership["node"]) == sorted(an.cooccurrence_graph(small).nodes)
    assert membership["node"].is_unique
    assert an.community_summary(membership, min_size=2)["size"].min() >= 2
    with pytest.raises(ValueError):
        an.communities(small, method="girvan-newman")


# --------------------------------------------------------------------------- trends

DATED = {
    "p1": ["LoRA"],
    "p2": ["LoRA", "DPO"],
    "p3": ["DPO"],
    "p4": ["DPO"],
    "p5": ["LoRA"],
    "p6": ["DPO"],
}
DATES = {
    "p1": "2023-11-02",
    "p2": "2024-01-15",
    "p3": "2024-01",
    "p4": "--01-20",  # no year: inferred as 2024, the most common year
    "p5": "2024",  # year only: no month
    "p6": "",
}


def test_trends_per_month_by_hand():
    graph = an.mentions_graph(DATED, dates=DATES)
    trends = an.entity_trends(graph)
    assert list(trends.index) == ["2023-11", "2023-12", "2024-01"]
    assert trends.to_dict(orient="list") == {"DPO": [0, 0, 3], "LoRA": [1, 0, 1]}
    assert trends.attrs["undated"] == 2  # p5 and p6
    totals = an.papers_per_period(graph)
    assert totals["papers"].tolist() == [1, 0, 3]


def test_trends_per_year_share_and_chosen_entities():
    graph = an.mentions_graph(DATED, dates=DATES)
    yearly = an.entity_trends(graph, freq="year", entities=["lora"])
    assert yearly.to_dict(orient="index") == {"2023": {"LoRA": 1}, "2024": {"LoRA": 2}}
    share = an.entity_trends(graph, freq="year", entities=["LoRA"], share=True)
    assert share["LoRA"].tolist() == pytest.approx([1.0, 2 / 4])


def test_yearless_dates_with_and_without_a_year():
    graph = an.mentions_graph(DATED, dates=DATES)
    periods = an.paper_periods(graph, freq="day", default_year=None)
    assert periods["paper:p4"] == "--01-20"
    assert an.paper_periods(graph, freq="day", default_year=2020)["paper:p4"] == "2020-01-20"
    daily = an.mentions_graph({"a": ["X"], "b": ["X"]}, dates={"a": "--02-28", "b": "--03-01"})
    assert list(an.papers_per_period(daily, freq="day").index) == ["--02-28", "--02-29", "--03-01"]
    with pytest.raises(ValueError):
        an.paper_periods(graph, freq="week")


def test_duplicate_labels_get_their_type():
    graph = an.mentions_graph(
        {"p1": ["Pile", "PILE-method"]}, types={"Pile": "Dataset"}, dates={"p1": "2024-01"}
    )
    graph.nodes[node("PILE-method")]["label"] = "Pile"  # two entities, one label
    trends = an.entity_trends(graph)
    assert sorted(trends.columns) == ["Pile (Dataset)", "Pile (Method)"]


# --------------------------------------------------------------------------- the seed build


def test_analytics_on_the_seed_build(seed_build):
    _, paths = seed_build
    import kg

    graph = kg.load(paths["json"].parent)
    papers = sum(1 for _, d in graph.nodes(data=True) if d["kind"] == "paper")
    summary = an.summary(graph)
    assert summary.set_index("item").loc["papers", "count"] == papers

    co = an.cooccurrence_graph(graph)
    named = an.paper_entities(graph)
    pairs = Counter(
        frozenset((a, b)) for entities in named.values() for a in entities for b in entities if a < b
    )
    assert {frozenset(e[:2]): w for *e, w in co.edges(data="weight")} == dict(pairs)
    for a, b, data in co.edges(data=True):
        expected = data["weight"] * papers / (co.nodes[a]["papers"] * co.nodes[b]["papers"])
        assert data["lift"] == pytest.approx(expected)

    top = an.top_entities(graph, k=3)
    for _, part in top.groupby("type"):
        assert part["papers"].is_monotonic_decreasing

    scores = an.centrality(graph)
    assert scores["pagerank"].sum() == pytest.approx(1.0)
    assert scores["pagerank"].is_monotonic_decreasing

    membership = an.communities(graph, method="louvain", seed=1)
    assert sorted(membership["node"]) == sorted(co.nodes)

    hub = scores["node"].iloc[0]
    company = an.used_with(graph, hub, k=None)
    assert len(company) == co.degree(hub)

    trends = an.entity_trends(graph, freq="day", k=5)
    dated = an.paper_periods(graph, freq="day").dropna().index
    for column, nodekey in zip(trends.columns, trends.attrs["nodes"], strict=True):
        assert trends[column].sum() == sum(1 for p in dated if nodekey in named[p])


def test_betweenness_is_sampled_above_the_exact_limit(monkeypatch):
    graph = an.mentions_graph({f"p{i}": ["Hub", f"E{i}"] for i in range(12)})  # a star of 13 entities
    exact = an.centrality(graph)
    assert exact.attrs["betweenness_samples"] is None
    monkeypatch.setattr(an, "EXACT_BETWEENNESS_NODES", 5)
    monkeypatch.setattr(an, "BETWEENNESS_SAMPLES", 6)
    sampled = an.centrality(graph)
    assert sampled.attrs["betweenness_samples"] == 6
    assert sampled.set_index("label").loc["Hub", "betweenness"] > 0
    assert an.centrality(graph, betweenness_samples=None).attrs["betweenness_samples"] is None
