"""Turtle output: parses back with rdflib and uses only declared ontology terms."""

from __future__ import annotations

from rdflib import Graph, URIRef

from kg.namespace import KG, RDF, SCHEMA

from .conftest import REPO


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
