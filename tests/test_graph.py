"""Resolver, graph construction and the node-link JSON round trip."""

from __future__ import annotations

import json
from dataclasses import replace

import networkx as nx

from kg.cache import content_key
from kg.graph import (
    build_graph,
    build_graph_deferred,
    build_graph_with_origins,
    load_graph_json,
    node_link_text,
    paper_record,
    paper_records,
    save_graph_json,
)
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


def test_a_bare_number_or_size_is_no_alias():
    res = resolve(
        [
            paper("a", ent("CIFAR-100", "Dataset", ["100"]), ent("LLaMA 2 13B", "Model", ["13B"])),
            paper("b", ent("CIFAR-100", "Dataset", ["CIFAR100"]), ent("GPT-4o", "Model", ["GPT-4o", "4o"])),
        ]
    )
    aliases = {e.name: e.aliases for e in res.entities.values()}
    assert aliases == {"CIFAR-100": ["CIFAR100"], "LLaMA 2 13B": [], "GPT-4o": ["4o"]}


def test_a_lone_word_of_a_name_is_no_alias_but_stays_on_the_papers_edge(nlp):
    from kg.nlp.catalogue import load_catalogue
    from kg.nlp.pipeline import extract_papers

    papers = [
        Paper("a", "Norms", "We replace batch- and group- normalization in image and text classification."),
        Paper("b", "Images", "We study image classification with batch normalization."),
    ]
    g = build_graph(extract_papers(papers, nlp), catalogue=load_catalogue())
    labels = {data["label"]: node for node, data in g.nodes(data=True) if data.get("kind") == "entity"}
    names = {"Batch Normalization", "Group Normalization", "image classification", "text classification"}
    assert names <= set(labels), labels
    assert "batch" not in g.nodes[labels["Batch Normalization"]]["aliases"]
    assert "image" not in g.nodes[labels["image classification"]]["aliases"]
    edge_forms = {m for _, _, data in g.out_edges("paper:a", data=True) for m in data["mentions"]}
    assert {"batch", "image"} <= edge_forms, edge_forms


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


def test_node_link_text_is_the_bytes_json_dumps_gives(seed_build):
    result, _ = seed_build
    graph = result.graph
    expected = json.dumps(nx.node_link_data(graph, edges="edges", name="node"), ensure_ascii=False)
    assert node_link_text(graph) == expected
    assert node_link_text(nx.MultiDiGraph()) == json.dumps(
        nx.node_link_data(nx.MultiDiGraph(), edges="edges", name="node")
    )


def test_origins_name_each_papers_fields_and_links():
    extractions = [
        paper("p1", ent("BERT", "Model"), ent("SQuAD", "Dataset", relation="evaluates_on")),
        paper("p2", ent("BERT", "Model")),
    ]
    graph, origins = build_graph_with_origins(extractions)
    assert nx.utils.graphs_equal(graph, build_graph(extractions))
    assert set(origins) == {"paper:p1", "paper:p2"}
    fields, links = json.loads(origins["paper:p1"])
    # the title and abstract as their hash: another abstract gives another origin
    assert fields[:2] == ["p1", content_key(extractions[0].paper)]
    changed = replace(extractions[0], paper=replace(extractions[0].paper, abstract="other"))
    assert build_graph_with_origins([changed])[1]["paper:p1"] != origins["paper:p1"]
    assert sorted(links) == [["bert", 0], ["squad", 1]]
    # the same paper id twice shares one node, which no single origin describes
    _, twice = build_graph_with_origins([paper("p1", ent("BERT")), paper("p1", ent("GPT-2"))])
    assert twice == {"paper:p1": None}


def test_deferred_edges_filled_in_any_order_give_the_full_graph(seed_build):
    result, _ = seed_build
    extractions = [*result.extractions, paper("dup", ent("BERT", "Model")), paper("dup", ent("BERT"))]
    full = node_link_text(build_graph(extractions))
    graph, origins, edges = build_graph_deferred(extractions)
    papers = [n for n, d in graph.nodes(data=True) if d["kind"] == "paper"]
    assert len(edges) == sum(1 for p in papers if graph.out_degree(p))
    # keys and counts are there before any attribute is
    assert sorted(graph.edges(keys=True)) == sorted(build_graph(extractions).edges(keys=True))
    assert any(d == {} for _, _, d in graph.edges(data=True))
    for node in reversed(papers[::3]):
        edges.fill(node)
        edges.fill(node)  # a second fill changes nothing
    assert node_link_text(graph) != full
    edges.fill_all()
    assert len(edges) == 0 and node_link_text(graph) == full
    assert origins == build_graph_with_origins(extractions)[1]


def test_paper_record_reads_the_paper_its_edges_and_entity_names(seed_build):
    result, _ = seed_build
    graph = result.graph
    records = list(paper_records(graph))
    assert len(records) == 83
    node = next(n for n, d in graph.nodes(data=True) if d["kind"] == "paper" and graph.out_degree(n))
    record = paper_record(graph, node, graph.nodes[node])
    assert record in records
    targets = {graph.nodes[t]["id"] for t in graph.successors(node)}
    assert {e["id"] for e in record["entities"]} == targets
    for entity in record["entities"]:
        assert entity["relation"] == entity["relations"][0]
        assert [ev["start"] for ev in entity["evidence"]] == sorted(ev["start"] for ev in entity["evidence"])


def test_papers_jsonl_lists_the_forms_extraction_lists_even_without_evidence():
    """A form kept beside its evidence ("Honor dataset" for "Honor") reaches papers.jsonl,
    on the first relation's edge only."""
    honor = ExtractedEntity(
        "Honor",
        "Dataset",
        ["Honor", "Honor dataset"],
        [
            Evidence("Honor", 4, 9, "the Honor dataset", 0, "uses"),
            Evidence("Honor", 30, 35, "Honor again", 26, "evaluates_on"),
        ],
        relation="evaluates_on",
    )
    graph = build_graph([PaperExtraction(Paper("p", "T", "abstract"), [honor])])
    [entity] = paper_record(graph, "paper:p", graph.nodes["paper:p"])["entities"]
    assert entity["mentions"] == ["Honor", "Honor dataset"]
    edges = graph.succ["paper:p"]["entity:honor"]
    assert [edges[r]["mentions"] for r in ("uses", "evaluates_on")] == [["Honor", "Honor dataset"], ["Honor"]]


def test_a_qualified_form_stays_on_the_papers_edge_but_is_no_alias(nlp):
    from kg.nlp.catalogue import load_catalogue
    from kg.nlp.pipeline import extract_papers

    papers = [
        Paper(
            "a",
            "Potentials",
            "Our potentials lower the force MAE to 1.2, train with normalized SGD and Dropout layers.",
        ),
        Paper("b", "Belief", "We run loopy belief propagation and report the MAE."),
    ]
    g = build_graph(extract_papers(papers, nlp), catalogue=load_catalogue())
    labels = {data["label"]: node for node, data in g.nodes(data=True) if data.get("kind") == "entity"}
    mae, sgd, bp = (
        g.nodes[labels[name]]
        for name in ("Mean Absolute Error", "Stochastic Gradient Descent", "Belief Propagation")
    )
    assert "force MAE" not in mae["aliases"] and "normalized SGD" not in sgd["aliases"]
    assert "loopy belief propagation" in bp["aliases"]  # a form the catalogue entry lists stays one
    edge_forms = {m for _, target, data in g.out_edges("paper:a", data=True) for m in data["mentions"]}
    assert {"force MAE", "normalized SGD", "Dropout layers"} <= edge_forms, edge_forms
    assert "Dropout layers" not in g.nodes[labels["Dropout"]]["aliases"]


def test_linking_imports_neither_spacy_nor_the_extraction_rules():
    """A build whose new papers a forked child extracts links and writes in a process that never
    compiles the rules' hundreds of regular expressions nor imports spaCy."""
    import subprocess
    import sys

    code = (
        "import sys, kg.graph, kg.outputs, kg.view, kg.api; kg.api.preload_writers(); "
        "print(sorted(m for m in ('spacy', 'kg.nlp.assemble', 'kg.nlp.cues') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
