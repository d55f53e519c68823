"""Turtle output: parses back with rdflib, uses only declared ontology terms, and kg's own
writer gives exactly the reference triples of :func:`kg.rdf.graph_triples`."""

from __future__ import annotations

import os
import subprocess
import sys

import networkx as nx
import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from kg.namespace import KG, RDF, SCHEMA
from kg.ntriples import write_ntriples_parts
from kg.rdf import DEFAULT_BASE_IRI, RDF_FORMATS, _quoted, entity_iri, to_rdflib, write_rdf

from .conftest import REPO
from .test_export import graphs


def test_seed_turtle_parses_back_with_rdflib(seed_build):
    result, paths = seed_build
    parsed = Graph().parse(paths["ttl"], format="turtle")
    papers = set(parsed.subjects(RDF.type, SCHEMA.ScholarlyArticle))
    assert len(papers) == 83
    mentions = set(parsed.subject_objects(KG.mentions))
    links = {(u, v) for u, v, _ in result.graph.edges(keys=True) if u.startswith("paper:")}
    assert len(mentions) == len(links)


def test_every_kg_term_written_is_declared_in_the_ontology(seed_build):
    _, paths = seed_build
    ontology = Graph().parse(REPO / "schema" / "kg.ttl")
    declared = set(ontology.subjects())
    written = Graph().parse(paths["ttl"])
    used = {
        t for triple in written for t in triple if isinstance(t, URIRef) and str(t).startswith(str(KG._NS))
    }
    assert used, "the export wrote no kg: terms"
    assert used <= declared, f"undeclared: {sorted(used - declared)}"


# ---------------------------------------------------------------- kg's own Turtle / N-Triples writer


def _written(graph, tmp_path, format: str, base: str = DEFAULT_BASE_IRI) -> Graph:
    path = tmp_path / f"g{RDF_FORMATS[format]}"
    count = write_rdf(graph, path, format=format, base=base)
    parsed = Graph().parse(path, format="turtle" if format == "turtle" else "nt")
    assert count == len(parsed)
    return parsed


@pytest.mark.parametrize("format", ["turtle", "ntriples"])
def test_fast_writer_gives_the_reference_graph_on_the_seed_build(format, seed_build, tmp_path):
    result, _ = seed_build
    reference = to_rdflib(result.graph)  # graph_triples with rdflib terms: the reference
    assert isomorphic(_written(result.graph, tmp_path, format), reference)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(graph=graphs(), format=st.sampled_from(["turtle", "ntriples"]))
def test_fast_writer_gives_the_reference_graph_on_hostile_graphs(graph, format, tmp_path):
    assert isomorphic(_written(graph, tmp_path, format), to_rdflib(graph))
    # and a second, independent parser reads the same triples
    path = tmp_path / f"g{RDF_FORMATS[format]}"
    kind = ox.RdfFormat.TURTLE if format == "turtle" else ox.RdfFormat.N_TRIPLES
    assert len(set(ox.parse(path=str(path), format=kind))) == len(to_rdflib(graph))


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("plain", '"plain"'),
        ('say "hi"', '"say \\"hi\\""'),
        ("back\\slash", '"back\\\\slash"'),
        ("tab\tnew\nline\rcr", '"tab\\tnew\\nline\\rcr"'),
        ("\b\f", '"\\b\\f"'),
        ("nul\x00 unit\x1f del\x7f", '"nul\\u0000 unit\\u001F del\\u007F"'),
        ("naïve 深度 🤖 \u2028", '"naïve 深度 🤖 \u2028"'),
    ],
)
def test_literals_are_escaped_by_the_grammar(value, written):
    assert _quoted(value) == written
    parsed = Graph().parse(data=f"<urn:s> <urn:p> {written} .\n", format="nt")
    assert str(next(iter(parsed.objects()))) == value


@pytest.mark.parametrize("name", ["plain", "-dash", ".dot", "a.b", "x~y", "100%", "", "a/b", "2.5"])
def test_prefixed_names_are_used_only_where_they_read_back(name, tmp_path):
    graph = nx.MultiDiGraph()
    graph.add_node(f"entity:{name}", kind="entity", id=name, label=name, type="Method")
    parsed = _written(graph, tmp_path, "turtle")
    assert (entity_iri(name), RDF.type, KG.Method) in parsed


@pytest.mark.parametrize("format", ["turtle", "ntriples"])
def test_fast_writer_is_byte_identical_across_hash_seeds(format, seed_build, tmp_path):
    result, paths = seed_build
    script = (
        "import sys; from kg.graph import load_graph_json; from kg.rdf import write_rdf\n"
        "write_rdf(load_graph_json(sys.argv[1]), sys.argv[2], format=sys.argv[3])\n"
    )
    outputs = []
    for seed in ("3", "4"):
        out = tmp_path / f"{seed}.out"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-c", script, str(paths["json"]), str(out), format], check=True, env=env
        )
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    here = tmp_path / "here.out"
    write_rdf(result.graph, here, format=format)
    assert here.read_bytes() == outputs[0]


def test_ntriples_parts_hold_exactly_the_reference_graph(seed_build, tmp_path):
    result, _ = seed_build
    paths = write_ntriples_parts(result.graph, tmp_path, parts=3)
    union = Graph()
    for path in paths:
        union.parse(path, format="nt")
    assert isomorphic(union, to_rdflib(result.graph))


def test_shacl_accepts_the_fast_writers_turtle(seed_build, tmp_path):
    from kg.validate import validate_file

    result, _ = seed_build
    path = tmp_path / "g.ttl"
    write_rdf(result.graph, path)
    report = validate_file(path)
    assert report.conforms and report.triples == len(to_rdflib(result.graph)), report.summary()


def test_a_name_written_with_unicode_signs_is_found_by_its_keyboard_spelling(tmp_path):
    import rdflib

    import kg

    page = tmp_path / "daily.txt"
    page.write_text(
        "Daily Papers\n\nS$^{2}$FT: Sparse Fine-Tuning\n\nWe propose S$^{2}$FT, which tunes LLaMA-2 on GSM8K"
        " and beats LoRA on every benchmark we tried in this study.\n",
        encoding="utf-8",
    )
    kg.build([page]).write(tmp_path / "out")
    graph = rdflib.Graph().parse(tmp_path / "out" / "graph.ttl")
    rows = graph.query(
        'SELECT ?label WHERE { ?e skos:altLabel "S2FT" ; rdfs:label ?label }',
        initNs={"skos": rdflib.namespace.SKOS, "rdfs": rdflib.RDFS},
    )
    assert [str(row.label) for row in rows] == ["S²FT"]
