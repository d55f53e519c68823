"""The ontology in schema/kg.ttl: it parses, it aligns to the standard vocabularies, and it
declares every class and property the exporter writes."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

from kg.namespace import DCTERMS, KG, MLS, OA, OWL, PROV, RDF, RDFS, SCHEMA, SKOS

from .conftest import REPO

BUILT_IN = (str(RDF._NS), str(RDFS._NS), str(OWL._NS))
PROPERTY_KINDS = {OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(REPO / "schema" / "kg.ttl", format="turtle")


@pytest.fixture(scope="module")
def written(seed_build) -> Graph:
    _, paths = seed_build
    return Graph().parse(paths["ttl"], format="turtle")


def _is_class(ontology: Graph, term: URIRef) -> bool:
    return (term, RDF.type, OWL.Class) in ontology


def _is_property(ontology: Graph, term: URIRef) -> bool:
    return any((term, RDF.type, kind) in ontology for kind in PROPERTY_KINDS)


def test_every_class_the_export_writes_is_declared(ontology, written):
    classes = set(written.objects(None, RDF.type))
    assert {SCHEMA.ScholarlyArticle, KG.Mention, KG.Link, OA.TextQuoteSelector} <= classes
    missing = {c for c in classes if not str(c).startswith(BUILT_IN) and not _is_class(ontology, c)}
    assert not missing, f"classes written but not declared: {sorted(missing)}"


def test_every_property_the_export_writes_is_declared(ontology, written):
    predicates = set(written.predicates())
    assert {DCTERMS.title, DCTERMS.abstract, KG.mentions, OA.hasSelector, PROV.wasDerivedFrom} <= predicates
    missing = {p for p in predicates if not str(p).startswith(BUILT_IN) and not _is_property(ontology, p)}
    assert not missing, f"properties written but not declared: {sorted(missing)}"


def test_every_kg_term_in_the_namespace_module_is_declared(ontology):
    for name in KG.__annotations__:
        term = KG[name]
        assert _is_class(ontology, term) or _is_property(ontology, term), name


@pytest.mark.parametrize(
    ("child", "parent"),
    [
        (KG.Method, MLS.Algorithm),
        (KG.Model, MLS.Model),
        (KG.Dataset, MLS.Dataset),
        (KG.Dataset, SCHEMA.Dataset),
        (KG.Benchmark, KG.Dataset),
        (KG.Task, MLS.Task),
        (KG.Metric, MLS.EvaluationMeasure),
        (KG.Mention, OA.Annotation),
        (KG.Link, RDF.Statement),
        (KG.Entity, PROV.Entity),
        (KG.Entity, SKOS.Concept),
    ],
)
def test_classes_align_to_standard_vocabularies(ontology, child, parent):
    assert (child, RDFS.subClassOf, parent) in ontology


def _ancestors(ontology: Graph, prop: URIRef) -> set[URIRef]:
    return set(ontology.transitive_objects(prop, RDFS.subPropertyOf)) - {prop}


@pytest.mark.parametrize("prop", [KG.mentions, KG.proposes, KG.uses, KG.evaluatesOn, KG.comparesWith])
def test_paper_entity_properties_are_schema_mentions(ontology, prop):
    assert SCHEMA.mentions in _ancestors(ontology, prop)


def test_variants_and_mentions_are_provenance(ontology):
    assert PROV.wasDerivedFrom in _ancestors(ontology, KG.variantOf)
    assert PROV.wasDerivedFrom in _ancestors(ontology, KG.hasMention)


def test_every_kg_term_has_an_english_label(ontology):
    for name in KG.__annotations__:
        labels = [label for label in ontology.objects(KG[name], RDFS.label) if label.language == "en"]
        assert labels, f"kg:{name} has no rdfs:label@en"
