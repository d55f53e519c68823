"""SHACL validation: the seed build conforms, hand-broken graphs do not, and the CLI says so."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from typer.testing import CliRunner

from kg.cli import app
from kg.namespace import DCTERMS, KG, RDF
from kg.rdfread import parse_rdflib
from kg.validate import validate_file, validate_graph

runner = CliRunner()

PREFIXES = """
@prefix kg: <https://kg.example.org/ontology#> .
@prefix schema: <http://schema.org/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://kg.example.org/id/> .
"""

GOOD = """
id:paper\\/p1 a schema:ScholarlyArticle ; dcterms:identifier "p1" ; dcterms:title "A paper" ;
    kg:mentions id:entity\\/gsm8k ; kg:evaluatesOn id:entity\\/gsm8k .
id:entity\\/gsm8k a kg:Benchmark ; dcterms:identifier "gsm8k" ; rdfs:label "GSM8K" ;
    skos:prefLabel "GSM8K" ; kg:lookupKey "gsm8k" ;
    kg:confidence 0.9e0 ; kg:paperCount 1 ; kg:mentionCount 1 .
"""

# Each entry: Turtle added to GOOD, and a piece of the message it must cause.
BROKEN = {
    "no title": (
        'id:paper\\/p2 a schema:ScholarlyArticle ; dcterms:identifier "p2" .',
        "exactly one non-empty dcterms:title",
    ),
    "confidence out of range": (
        'id:entity\\/x a kg:Method ; dcterms:identifier "x" ; rdfs:label "X" ; skos:prefLabel "X" ; '
        "kg:confidence 1.5e0 ; kg:paperCount 0 ; kg:mentionCount 0 .",
        "xsd:double from 0 to 1",
    ),
    "two entity types": (
        "id:entity\\/gsm8k a kg:Model .",
        "exactly one of the six entity types",
    ),
    "prefLabel differs from label": (
        'id:entity\\/y a kg:Task ; dcterms:identifier "y" ; rdfs:label "Y" ; skos:prefLabel "Why" ; '
        "kg:confidence 0.5e0 ; kg:paperCount 0 ; kg:mentionCount 0 .",
        "equal to its rdfs:label",
    ),
    "finer relation without mentions": (
        'id:paper\\/p1 kg:proposes id:entity\\/z . id:entity\\/z a kg:Method ; dcterms:identifier "z" ; '
        'rdfs:label "Z" ; skos:prefLabel "Z" ; kg:confidence 0.5e0 ; kg:paperCount 1 ; kg:mentionCount 1 .',
        "without its kg:mentions triple",
    ),
    "link to a statement that is not there": (
        "id:l a kg:Link ; rdf:subject id:paper\\/p1 ; rdf:predicate kg:proposes ; "
        "rdf:object id:entity\\/gsm8k ; kg:confidence 0.5e0 .",
        "is not in the graph",
    ),
    "mentions a paper": (
        "id:paper\\/p1 kg:mentions id:paper\\/p1 .",
        "kg:mentions points at a kg:Entity",
    ),
    "selector ends before it starts": (
        "id:s a oa:TextPositionSelector ; oa:start 9 ; oa:end 3 .",
        "before oa:end",
    ),
}


def test_the_seed_build_conforms(seed_build):
    _, paths = seed_build
    report = validate_file(paths["ttl"])
    assert report.conforms, report.summary()
    assert report.triples > 10_000 and not report.violations


def test_a_small_hand_written_graph_conforms():
    report = validate_graph(Graph().parse(data=PREFIXES + GOOD, format="turtle"))
    assert report.conforms, report.summary()


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_graph_does_not_conform(case):
    extra, message = BROKEN[case]
    report = validate_graph(Graph().parse(data=PREFIXES + GOOD + extra, format="turtle"))
    assert not report.conforms
    assert any(message in v.message for v in report.violations), report.summary()
    assert message in report.summary()


def test_cli_reports_conformance_and_exit_status(seed_build, tmp_path):
    _, paths = seed_build
    ok = runner.invoke(app, ["validate", str(paths["ttl"])])
    assert ok.exit_code == 0, ok.output
    assert "conforms" in ok.output and "does not" not in ok.output

    broken = parse_rdflib(paths["ttl"])
    paper = next(broken.subjects(DCTERMS.title, None))
    broken.remove((paper, DCTERMS.title, None))
    entity = next(broken.subjects(RDF.type, KG.Benchmark))
    broken.set((entity, KG.confidence, Literal(-0.5)))
    broken.add((paper, KG.mentions, URIRef("https://kg.example.org/id/entity/nowhere")))
    path = tmp_path / "broken.ttl"
    broken.serialize(path, format="turtle")
    bad = runner.invoke(app, ["validate", str(path)])
    assert bad.exit_code == 1
    assert "does not conform" in bad.output
    assert "dcterms:title" in bad.output and "xsd:double from 0 to 1" in bad.output
    assert "kg:mentions points at a kg:Entity" in bad.output
    assert str(paper) in bad.output


def test_cli_unreadable_input_is_one_line(tmp_path):
    path = tmp_path / "junk.ttl"
    path.write_text("this is <not turtle", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert "not valid turtle" in result.output and "Traceback" not in result.output
    missing = runner.invoke(app, ["validate", str(tmp_path / "missing.nt")])
    assert missing.exit_code == 1 and "no such file" in missing.output
