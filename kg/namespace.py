"""RDF vocabularies kg writes, as rdflib namespaces that fail loudly on a typo.

``KG`` is kg's own ontology (``schema/kg.ttl``); the others are the standard vocabularies it
reuses. Every term the exporter writes is declared here, and a test checks each one is
declared in the ontology file too.

Examples
--------
>>> str(KG.evaluatesOn)
'https://kg.example.org/ontology#evaluatesOn'
>>> KG.evaluatesOnn
Traceback (most recent call last):
...
AttributeError: term 'evaluatesOnn' not in namespace 'https://kg.example.org/ontology#'
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace, Namespace

__all__ = [
    "DCTERMS",
    "FABIO",
    "KG",
    "MLS",
    "OA",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "XSD",
]


class KG(DefinedNamespace):
    """kg's ontology terms."""

    _NS = Namespace("https://kg.example.org/ontology#")
    _fail = True

    # classes
    Entity: URIRef  # any named ML entity
    Method: URIRef
    Model: URIRef
    Dataset: URIRef
    Benchmark: URIRef
    Task: URIRef
    Metric: URIRef
    Mention: URIRef  # one occurrence of an entity in a paper (an oa:Annotation)
    Link: URIRef  # one paper -> entity statement, reified to carry its details

    # paper -> entity
    mentions: URIRef
    uses: URIRef
    evaluatesOn: URIRef
    comparesWith: URIRef
    proposes: URIRef

    # entity -> entity
    variantOf: URIRef

    # data properties
    confidence: URIRef
    paperCount: URIRef
    mentionCount: URIRef
    catalogueId: URIRef
    lookupKey: URIRef
    sourceLocation: URIRef
    relation: URIRef
    hasMention: URIRef
    surfaceForm: URIRef
    evidenceRule: URIRef
    sentence: URIRef
    sentenceStart: URIRef


class MLS(DefinedNamespace):
    """The ML-Schema terms kg aligns its classes to."""

    _NS = Namespace("http://www.w3.org/ns/mls#")
    _fail = True

    Algorithm: URIRef
    Model: URIRef
    Dataset: URIRef
    Task: URIRef
    EvaluationMeasure: URIRef


class SCHEMA(DefinedNamespace):
    """The schema.org terms kg uses (``http://schema.org/``, as most data uses it)."""

    _NS = Namespace("http://schema.org/")
    _fail = True

    ScholarlyArticle: URIRef
    Dataset: URIRef
    DefinedTerm: URIRef
    CreativeWork: URIRef
    mentions: URIRef
    url: URIRef


class FABIO(DefinedNamespace):
    """FaBiO (SPAR) terms for bibliographic identifiers."""

    _NS = Namespace("http://purl.org/spar/fabio/")
    _fail = True

    hasArXivId: URIRef


class OA(DefinedNamespace):
    """Web Annotation vocabulary terms for mentions and their text positions."""

    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True

    Annotation: URIRef
    SpecificResource: URIRef
    TextQuoteSelector: URIRef
    TextPositionSelector: URIRef
    hasBody: URIRef
    hasTarget: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    exact: URIRef
    prefix: URIRef
    suffix: URIRef
    start: URIRef
    end: URIRef
    motivatedBy: URIRef
    identifying: URIRef


#: Prefixes bound in every file kg writes.
PREFIXES: dict[str, Namespace | str] = {
    "kg": KG._NS,
    "mls": MLS._NS,
    "schema": SCHEMA._NS,
    "fabio": FABIO._NS,
    "oa": OA._NS,
    "dcterms": DCTERMS._NS,
    "skos": SKOS._NS,
    "prov": PROV._NS,
    "rdfs": RDFS._NS,
    "owl": OWL._NS,
    "xsd": XSD._NS,
}
