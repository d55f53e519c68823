"""Compact JSON-LD (kg/jsonld.py, schema/context.jsonld): the same triples as the Turtle,
read back by rdflib and Oxigraph, with short keys and prefixed IRIs."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.graph import GRAPH_FORMAT_VERSION
from kg.jsonld import file_context, load_context, to_jsonld, write_jsonld
from kg.query import load_store, run_query
from kg.rdf import write_rdf

from .conftest import REPO


@pytest.fixture(scope="module")
def seed_files(seed_build, tmp_path_factory):
    """The seed build written as Turtle and as compact JSON-LD: (graph, ttl path, jsonld path)."""
    result, _ = seed_build
    folder = tmp_path_factory.mktemp("jsonld")
    ttl, jsonld = folder / "graph.ttl", folder / "graph.jsonld"
    count = write_rdf(result.graph, ttl)
    assert write_jsonld(result.graph, jsonld) == count
    return result.graph, ttl, jsonld


def test_seed_build_round_trips_through_rdflib(seed_files):
    _, ttl, jsonld = seed_files
    turtle = Graph().parse(ttl, format="turtle")
    back = Graph().parse(jsonld, format="json-ld")
    assert len(turtle) > 10_000
    assert len(back) == len(turtle)
    assert isomorphic(back, turtle)


def test_file_is_compact(seed_files):
    _, _, jsonld = seed_files
    document = json.loads(jsonld.read_text(encoding="utf-8"))
    terms = set(load_context())
    nodes = document["@graph"]
    assert document["@context"][0] == load_context()
    # every key is a term of the context, and no IRI is spelled out in full
    assert {key for node in nodes for key in node} - {"@id", "@type"} <= terms
    assert "https://kg.example.org/" not in json.dumps(nodes)
    papers = [n for n in nodes if n.get("@type") == "ScholarlyArticle"]
    entities = [
        n for n in nodes if n.get("@type") in ("Method", "Model", "Dataset", "Benchmark", "Task", "Metric")
    ]
    assert papers and entities
    assert all(n["@id"].startswith("paper:") and isinstance(n["title"], str) for n in papers)
    assert all(n["@id"].startswith("entity:") and isinstance(n["paperCount"], int) for n in entities)
    linked = [n for n in papers if "mentions" in n]
    assert linked and all(
        m.startswith("entity:")
        for n in linked
        for m in ([n["mentions"]] if isinstance(n["mentions"], str) else n["mentions"])
    )


def test_oxigraph_reads_it_and_queries_agree(seed_files):
    _, ttl, jsonld = seed_files
    from_ttl, from_jsonld = load_store(ttl), load_store(jsonld)
    assert len(from_ttl) == len(from_jsonld)
    for name in ("top-models", "proposals", "entity-types"):
        assert run_query(from_jsonld, named=name).rows == run_query(from_ttl, named=name).rows, name


def test_context_declares_the_prefixes_of_the_ontology():
    ontology = (REPO / "schema" / "kg.ttl").read_text(encoding="utf-8")
    declared = dict(re.findall(r"@prefix\s+(\w+):\s+<([^>]+)>", ontology))
    context = load_context()
    for prefix in ("kg", "schema", "dcterms", "skos", "mls", "prov", "oa", "xsd", "rdfs"):
        assert context[prefix] == declared[prefix], prefix
    # every kg: term the context names is declared in the ontology
    rdf = Graph().parse(REPO / "schema" / "kg.ttl")
    subjects = {str(s) for s in rdf.subjects()}
    for name, definition in context.items():
        iri = definition if isinstance(definition, str) else definition["@id"]
        if iri.startswith("kg:"):
            assert declared["kg"] + iri[3:] in subjects, name


def _hostile_graph() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph(kg_format=GRAPH_FORMAT_VERSION)
    graph.add_node(
        "paper:a:b/c",
        kind="paper",
        id="a:b/c",
        label='Quotes " and \\ and ünïcödé',
        title='Quotes " and \\ and ünïcödé',
        abstract="Line one\nline two with {braces}, @context and a lone surrogate \ud800",
        date="--05",
        url="https://example.org/p?q=1",
        arxiv_id="",
        sources=["x.txt:3"],
    )
    for eid, label, type_ in [("//odd", "//odd", "Method"), ("007", "007", "Metric")]:
        graph.add_node(
            f"entity:{eid}",
            kind="entity",
            id=eid,
            label=label,
            type=type_,
            aliases=["@id", "kg:uses"],
            paper_count=1,
            mention_count=2,
            confidence=0.5,
            catalogue_id="",
        )
        graph.add_edge(
            "paper:a:b/c",
            f"entity:{eid}",
            key="uses",
            relation="uses",
            confidence=1.0,
            mentions=[label],
            evidence=[],
            rules=["called"],
        )
    return graph


@pytest.mark.parametrize("base", [None, "https://example.org/graphs/run-1/"])
def test_awkward_values_and_bases_round_trip(tmp_path, base):
    graph = _hostile_graph()
    kwargs = {"base": base} if base else {}
    write_rdf(graph, tmp_path / "g.ttl", **kwargs)
    write_jsonld(graph, tmp_path / "g.jsonld", **kwargs)
    turtle = Graph().parse(tmp_path / "g.ttl", format="turtle")
    back = Graph().parse(tmp_path / "g.jsonld", format="json-ld")
    assert len(turtle) > 20 and isomorphic(back, turtle)
    document = to_jsonld(graph, **kwargs)
    assert document["@context"] == file_context(base or "https://kg.example.org/id/")
    paper = next(n for n in document["@graph"] if n.get("@type") == "ScholarlyArticle")
    assert paper["@id"] == "paper:a%3Ab%2Fc"
    assert paper["date"] == "--05" or paper["date"]["@value"] == "--05"


def test_export_function_writes_jsonld(seed_build, tmp_path):
    """``kg.exports.export(..., to="jsonld")`` from the graph.json a build wrote."""
    import kg
    from kg.exports import export

    _, paths = seed_build
    graph = kg.load(paths["json"])
    written = export(graph, to="jsonld", out=tmp_path / "graph.jsonld")
    assert written == [tmp_path / "graph.jsonld"]
    back = Graph().parse(written[0], format="json-ld")
    assert isomorphic(back, Graph().parse(paths["ttl"], format="turtle"))
