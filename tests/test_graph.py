"""Resolver, graph construction and the node-link JSON round trip."""

from __future__ import annotations

import networkx as nx

from kg.graph import build_graph, load_graph_json, paper_records, save_graph_json
from kg.records import Evidence, ExtractedEntity, Paper, PaperExtraction
from kg.resolve import resolve


def ent(name, type_="Method", mentions=None, relation="mentions", catalogue_id=None, parent=None):
    mentions = mentions or [name]
    evidence = [
        Evidence(m, i * 10, i * 10 + len(m), f"... {m} ...", 0, relation) for i, m in enumerate(mentions)
    ]
    return ExtractedEntity(
        name,
        type_,
        mentions,
        evidence,
        relation=relation,
        proposed=relation == "proposes",
        confidence=0.8,
        catalogue_id=catalogue_id,
        parent=parent,
    )


def paper(pid, *entities):
    return PaperExtraction(Paper(pid, f"Paper {pid}", "abstract"), list(entities))


def test_acronym_alone_joins_its_only_long_form():
    res = resolve(
        [paper("a", ent("prompt inversion", mentions=["prompt inversion", "PINV"])), paper("b", ent("PINV"))]
    )
    assert list(res.entities) == ["prompt-inversion"]
    assert res.entities["prompt-inversion"].papers == {"a", "b"}


def test_ambiguous_acronym_is_not_merged_blindly():
    res = resolve(
        [
            paper("a", ent("mean absolute error", "Metric", ["mean absolute error", "MAE"])),
            paper("b", ent("masked autoencoder", "Method", ["masked autoencoder", "MAE"])),
            paper("c", ent("MAE")),
        ]
    )
    assert set(res.entities) == {"mean-absolute-error", "masked-autoencoder", "mae"}


def test_spelling_variants_meet_and_type_is_voted():
    res = resolve(
        [
            paper("a", ent("Foo-Net", "Method")),
            paper("b", ent("FooNet", "Method")),
            paper("c", ent("Foo-Net", "Model")),
        ]
    )
    [entity] = res.entities.values()
    assert entity.type == "Method" and entity.papers == {"a", "b", "c"}
    assert entity.aliases == ["FooNet"]


def test_graph_links_papers_to_entities_by_relation_and_variants():
    g = build_graph(
        [
            paper(
                "a",
                ent("Qwen2", "Model", catalogue_id="qwen2"),
                ent("Qwen2-7B-Instruct", "Model", parent="Qwen2", relation="uses"),
            ),
            paper("b", ent("GSM8K", "Benchmark", relation="evaluates_on", catalogue_id="gsm8k")),
        ]
    )
    assert g.has_edge("paper:a", "entity:qwen2-7b-instruct", key="uses")
    assert g.has_edge("entity:qwen2-7b-instruct", "entity:qwen2", key="variant_of")
    assert g.has_edge("paper:b", "entity:gsm8k", key="evaluates_on")
    assert g.nodes["entity:gsm8k"]["paper_count"] == 1
    records = {r["id"]: r for r in paper_records(g)}
    [gsm] = records["b"]["entities"]
    assert (gsm["name"], gsm["type"], gsm["mentions"], gsm["proposed"]) == (
        "GSM8K",
        "Benchmark",
        ["GSM8K"],
        False,
    )


def test_node_link_json_reloads_into_an_equal_graph(seed_build, tmp_path):
    result, paths = seed_build
    reloaded = load_graph_json(paths["json"])
    assert isinstance(reloaded, nx.MultiDiGraph)
    assert dict(reloaded.nodes(data=True)) == dict(result.graph.nodes(data=True))
    assert sorted(reloaded.edges(keys=True, data=True), key=repr) == sorted(
        result.graph.edges(keys=True, data=True), key=repr
    )
    save_graph_json(reloaded, tmp_path / "again.json")
    assert (tmp_path / "again.json").read_text() == paths["json"].read_text()
