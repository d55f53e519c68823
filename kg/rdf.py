"""The graph as RDF, against kg's ontology (``schema/kg.ttl``).

Papers are ``schema:ScholarlyArticle`` with ``dcterms:`` title, abstract and date; entities
are typed with kg's classes (aligned to ML-Schema), labelled with ``rdfs:label`` /
``skos:prefLabel`` and ``skos:altLabel``; every paper→entity link is a ``kg:mentions``
triple plus its finer relation (``kg:proposes``, ``kg:uses`` ...); each mention is a Web
Annotation whose selectors give the quoted text and its character offsets.

IRIs are minted from ids with every unsafe character percent-encoded, under a base IRI the
caller chooses.

Examples
--------
>>> from kg.graph import build_graph
>>> from kg.records import Evidence, ExtractedEntity, Paper, PaperExtraction
>>> ev = Evidence("GSM8K", 0, 5, "GSM8K.", 0, "evaluates_on")
>>> g = build_graph([PaperExtraction(Paper("p 1", "T", "GSM8K."), [
...     ExtractedEntity("GSM8K", "Benchmark", ["GSM8K"], [ev], relation="evaluates_on")])])
>>> rdf = to_rdflib(g)
>>> (paper_iri("p 1"), KG.evaluatesOn, entity_iri("gsm8k")) in rdf
True
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import networkx as nx
from rdflib import Graph, Literal, URIRef

from kg.graph import entity_nodes, paper_nodes
from kg.io import atomic_write
from kg.namespace import DCTERMS, FABIO, KG, OA, PREFIXES, PROV, RDF, RDFS, SCHEMA, SKOS, XSD

__all__ = [
    "DEFAULT_BASE_IRI",
    "RELATION_PROPERTIES",
    "TYPE_CLASSES",
    "entity_iri",
    "entity_triples",
    "graph_triples",
    "paper_iri",
    "paper_triples",
    "to_rdflib",
    "write_turtle",
]

#: Where minted IRIs live unless the user sets ``--base-iri``.
DEFAULT_BASE_IRI = "https://kg.example.org/id/"

TYPE_CLASSES = {
    "Method": KG.Method,
    "Model": KG.Model,
    "Dataset": KG.Dataset,
    "Benchmark": KG.Benchmark,
    "Task": KG.Task,
    "Metric": KG.Metric,
}
RELATION_PROPERTIES = {
    "mentions": KG.mentions,
    "uses": KG.uses,
    "evaluates_on": KG.evaluatesOn,
    "compares_with": KG.comparesWith,
    "proposes": KG.proposes,
}

Triple = tuple[URIRef, URIRef, URIRef | Literal]


def _segment(value: str) -> str:
    return quote(value, safe="-._~")


def paper_iri(paper_id: str, base: str = DEFAULT_BASE_IRI) -> URIRef:
    """The IRI of a paper: ``<base>paper/<percent-encoded id>``."""
    return URIRef(f"{base}paper/{_segment(paper_id)}")


def entity_iri(entity_id: str, base: str = DEFAULT_BASE_IRI) -> URIRef:
    """The IRI of an entity: ``<base>entity/<percent-encoded id>``."""
    return URIRef(f"{base}entity/{_segment(entity_id)}")


def _date_literal(value: str) -> Literal:
    if value.startswith("--"):
        return Literal(value, datatype=XSD.gMonthDay)
    kinds = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}
    return Literal(value, datatype=kinds.get(len(value), XSD.string))


def _paper_triples(data: dict, base: str) -> Iterator[Triple]:
    iri = paper_iri(data["id"], base)
    yield iri, RDF.type, SCHEMA.ScholarlyArticle
    yield iri, DCTERMS.identifier, Literal(data["id"])
    yield iri, DCTERMS.title, Literal(data["title"])
    yield iri, RDFS.label, Literal(data["title"])
    if data.get("abstract"):
        yield iri, DCTERMS.abstract, Literal(data["abstract"])
    if data.get("date"):
        yield iri, DCTERMS.date, _date_literal(data["date"])
    if data.get("url"):
        yield iri, SCHEMA.url, Literal(data["url"], datatype=XSD.anyURI)
    if data.get("arxiv_id"):
        yield iri, FABIO.hasArXivId, Literal(data["arxiv_id"])
    for source in data.get("sources", []):
        yield iri, KG.sourceLocation, Literal(source)


def _entity_triples(data: dict, base: str) -> Iterator[Triple]:
    iri = entity_iri(data["id"], base)
    yield iri, RDF.type, TYPE_CLASSES[data["type"]]
    yield iri, DCTERMS.identifier, Literal(data["id"])
    yield iri, RDFS.label, Literal(data["label"])
    yield iri, SKOS.prefLabel, Literal(data["label"])
    for alias in data.get("aliases", []):
        yield iri, SKOS.altLabel, Literal(alias)
    yield iri, KG.paperCount, Literal(int(data["paper_count"]))
    yield iri, KG.mentionCount, Literal(int(data["mention_count"]))
    yield iri, KG.confidence, Literal(float(data["confidence"]))
    if data.get("catalogue_id"):
        yield iri, KG.catalogueId, Literal(data["catalogue_id"])


def _mention_triples(paper: URIRef, entity: URIRef, relation: str, ev: dict, text: str) -> Iterator[Triple]:
    ann = URIRef(f"{paper}/mention/{ev['start']}-{ev['end']}")
    target, quote_sel, pos_sel = (URIRef(f"{ann}/{p}") for p in ("target", "quote", "position"))
    yield ann, RDF.type, KG.Mention
    yield ann, OA.hasBody, entity
    yield ann, OA.hasTarget, target
    yield ann, OA.motivatedBy, OA.identifying
    yield ann, KG.relation, RELATION_PROPERTIES[relation]
    yield ann, KG.sentence, Literal(ev["sentence"])
    yield ann, KG.sentenceStart, Literal(int(ev["sentence_start"]))
    yield target, RDF.type, OA.SpecificResource
    yield target, OA.hasSource, paper
    yield target, OA.hasSelector, quote_sel
    yield target, OA.hasSelector, pos_sel
    yield quote_sel, RDF.type, OA.TextQuoteSelector
    yield quote_sel, OA.exact, Literal(ev["text"])
    yield quote_sel, OA.prefix, Literal(text[max(0, ev["start"] - 32) : ev["start"]])
    yield quote_sel, OA.suffix, Literal(text[ev["end"] : ev["end"] + 32])
    yield pos_sel, RDF.type, OA.TextPositionSelector
    yield pos_sel, OA.start, Literal(int(ev["start"]))
    yield pos_sel, OA.end, Literal(int(ev["end"]))


def paper_triples(graph: nx.MultiDiGraph, node: str, *, base: str = DEFAULT_BASE_IRI) -> Iterator[Triple]:
    """The triples of one paper node: the paper, its links and their mentions."""
    data = graph.nodes[node]
    yield from _paper_triples(data, base)
    paper = paper_iri(data["id"], base)
    text = f"{data['title']}\n\n{data.get('abstract', '')}"
    for _, target, relation, edge in graph.out_edges(node, keys=True, data=True):
        entity = entity_iri(graph.nodes[target]["id"], base)
        yield paper, KG.mentions, entity
        if relation != "mentions":
            yield paper, RELATION_PROPERTIES[relation], entity
        yield entity, PROV.wasDerivedFrom, paper
        for ev in edge.get("evidence", []):
            yield from _mention_triples(paper, entity, relation, ev, text)


def entity_triples(graph: nx.MultiDiGraph, node: str, *, base: str = DEFAULT_BASE_IRI) -> Iterator[Triple]:
    """The triples of one entity node: its type, labels, counts and ``variantOf`` links."""
    data = graph.nodes[node]
    yield from _entity_triples(data, base)
    iri = entity_iri(data["id"], base)
    for _, target, key in graph.out_edges(node, keys=True):
        if key == "variant_of":
            yield iri, KG.variantOf, entity_iri(graph.nodes[target]["id"], base)


def graph_triples(graph: nx.MultiDiGraph, *, base: str = DEFAULT_BASE_IRI) -> Iterator[Triple]:
    """Every triple of ``graph``'s RDF form, paper by paper, then entity by entity."""
    for node, _ in paper_nodes(graph):
        yield from paper_triples(graph, node, base=base)
    for node, _ in entity_nodes(graph):
        yield from entity_triples(graph, node, base=base)


def to_rdflib(graph: nx.MultiDiGraph, *, base: str = DEFAULT_BASE_IRI) -> Graph:
    """``graph`` as an rdflib ``Graph`` with kg's prefixes bound."""
    rdf = Graph()
    for prefix, namespace in PREFIXES.items():
        rdf.bind(prefix, namespace)
    rdf.bind("id", base)
    for triple in graph_triples(graph, base=base):
        rdf.add(triple)
    return rdf


def write_turtle(graph: nx.MultiDiGraph, path: str | Path, *, base: str = DEFAULT_BASE_IRI) -> int:
    """Write ``graph`` as Turtle (atomically); return the number of triples."""
    rdf = to_rdflib(graph, base=base)
    with atomic_write(path, binary=True) as stream:
        rdf.serialize(destination=stream, format="turtle", encoding="utf-8")
    return len(rdf)
