"""The graph as compact JSON-LD: short keys and prefixed IRIs from ``schema/context.jsonld``.

pyoxigraph writes JSON-LD in expanded form, every key and IRI spelled out in full. kg
writes the compact form itself from kg.rdf's triples against its own context, which is small
and fixed, instead of running a general JSON-LD compaction algorithm (pyld takes 4 s on the
20,000 triples of the seed build, where this takes under 1 s):

* the context (``schema/context.jsonld``) names the prefixes of ``kg.ttl`` (``kg``, ``schema``,
  ``dcterms``, ``skos``, ``mls``, ``prov``, ``oa``, ``fabio``, ``rdf``, ``rdfs``, ``xsd``), the
  classes (``Method``, ``ScholarlyArticle`` ...) and the properties kg writes (``title``,
  ``mentions``, ``paperCount`` ...); each file adds ``paper`` and ``entity`` prefixes for its
  base IRI, so that ``entity:lora`` is ``<{base}entity/lora>``;
* a property with a term is written under the term, any other under a prefixed name;
* a value is written short where the term's definition makes it mean the same (a plain
  string, an ``@id`` string, an integer as a JSON number, a ``confidence`` as a string) and as
  a full value object otherwise, so the file holds the same triples as the Turtle.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("entity:lora", kind="entity", id="lora", label="LoRA", type="Method", aliases=[])
>>> doc = to_jsonld(g)
>>> doc["@graph"][0]["@id"], doc["@graph"][0]["@type"], doc["@graph"][0]["label"]
('entity:lora', 'Method', 'LoRA')
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, NamedTuple

import networkx as nx

from kg.io import atomic_write

__all__ = [
    "Literal",
    "compact_nodes",
    "file_context",
    "graph_nodes",
    "load_context",
    "to_jsonld",
    "write_jsonld",
]

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"


@cache
def load_context() -> dict[str, Any]:
    """The ``@context`` object of ``schema/context.jsonld`` (shipped as ``kg.schema``)."""
    text = (files("kg.schema") / "context.jsonld").read_text(encoding="utf-8")
    return json.loads(text)["@context"]


def file_context(base: str) -> list[Any]:
    """The ``@context`` of a graph file: kg's context, then ``paper``/``entity`` prefixes for ``base``."""
    return [load_context(), {"paper": f"{base}paper/", "entity": f"{base}entity/"}]


class _Compactor:
    """Compacts expanded node objects against one context (only what kg's context uses)."""

    def __init__(self, context: list[Any]) -> None:
        # a prefix is a plain definition of a namespace IRI (ending in / or #)
        self.prefixes: list[tuple[str, str]] = sorted(
            (
                (definition, name)
                for part in context
                for name, definition in part.items()
                if isinstance(definition, str) and "://" in definition and definition.endswith(("/", "#"))
            ),
            key=lambda p: -len(p[0]),
        )
        prefixes = set(self.prefixes)
        self.terms: dict[str, tuple[str, str | None]] = {}  # full IRI -> (term, coercion)
        for part in context:
            for name, definition in part.items():
                if isinstance(definition, str) and (definition, name) in prefixes:
                    continue
                if isinstance(definition, str):
                    iri, coercion = definition, None
                else:
                    iri, coercion = definition["@id"], definition.get("@type")
                if coercion and coercion != "@id":
                    coercion = self._expand(coercion)
                self.terms.setdefault(self._expand(iri), (name, coercion))

    def _expand(self, value: str) -> str:
        prefix, _, rest = value.partition(":")
        for namespace, name in self.prefixes:
            if name == prefix:
                return namespace + rest
        return value

    def iri(self, value: str) -> str:
        """``value`` as a prefixed name where a prefix fits, else in full."""
        for namespace, name in self.prefixes:
            if value.startswith(namespace):
                rest = value[len(namespace) :]
                if not rest.startswith("//"):
                    return f"{name}:{rest}"
        return value

    def vocab(self, value: str) -> str:
        """A class or datatype IRI: its term where it has a plain one, else :meth:`iri`."""
        term = self.terms.get(value)
        return term[0] if term and term[1] is None else self.iri(value)

    def value(self, value: str | Literal, coercion: str | None) -> Any:
        if not isinstance(value, Literal):  # an IRI
            return self.iri(value) if coercion == "@id" else {"@id": self.iri(value)}
        text, datatype = value
        if coercion is None:
            if datatype == _STRING:
                return text
            if datatype == _INTEGER and _canonical_int(text):
                return int(text)
        elif datatype == coercion:
            return text
        if datatype == _STRING:
            return {"@value": text}
        return {"@value": text, "@type": self.vocab(datatype)}

    def node(self, subject: str, properties: dict[str, list]) -> dict[str, Any]:
        out: dict[str, Any] = {"@id": self.iri(subject)}
        types = properties.get(RDF_TYPE, [])
        if types and not any(isinstance(t, Literal) for t in types):
            out["@type"] = self.vocab(types[0]) if len(types) == 1 else [self.vocab(t) for t in types]
        for key, values in properties.items():
            if key == RDF_TYPE and "@type" in out:
                continue
            term, coercion = self.terms.get(key, (None, None))
            items = [self.value(v, coercion) for v in values]
            out[term or self.iri(key)] = items[0] if len(items) == 1 else items
        return out


class Literal(NamedTuple):
    """A literal as :func:`graph_nodes` gives it: lexical form and datatype IRI."""

    value: str
    datatype: str


_STRING, _INTEGER = f"{XSD}string", f"{XSD}integer"


def _canonical_int(text: str) -> bool:
    try:
        return str(int(text)) == text
    except ValueError:
        return False


def graph_nodes(graph: nx.MultiDiGraph, *, base: str | None = None) -> tuple[dict[str, dict[str, list]], int]:
    """kg.rdf's triples of ``graph`` by subject, then property, and their count.

    IRIs are ``str``, literals :class:`Literal`; the order is kg.rdf's.
    """
    from kg.rdf import DEFAULT_BASE_IRI, _Terms, graph_triples

    terms = _Terms(str, Literal)
    nodes: dict[str, dict[str, list]] = {}
    count = 0
    for subject, predicate, obj in graph_triples(graph, base=base or DEFAULT_BASE_IRI, terms=terms):
        properties = nodes.get(subject)
        if properties is None:
            properties = nodes[subject] = {}
        values = properties.get(predicate)
        if values is None:
            properties[predicate] = [obj]
        else:
            values.append(obj)
        count += 1
    return nodes, count


def compact_nodes(nodes: dict[str, dict[str, list]], context: list[Any]) -> list[dict[str, Any]]:
    """:func:`graph_nodes`' subjects as compact JSON-LD node objects for ``context``.

    >>> ctx = file_context("https://x.org/id/")
    >>> count = Literal("3", "http://www.w3.org/2001/XMLSchema#integer")
    >>> papers = "https://kg.example.org/ontology#paperCount"
    >>> compact_nodes({"https://x.org/id/entity/a": {papers: [count]}}, ctx)
    [{'@id': 'entity:a', 'paperCount': 3}]
    """
    compactor = _Compactor(context)
    return [compactor.node(subject, properties) for subject, properties in nodes.items()]


def _document(graph: nx.MultiDiGraph, base: str | None) -> tuple[dict[str, Any], int]:
    from kg.rdf import DEFAULT_BASE_IRI

    base = base or DEFAULT_BASE_IRI
    nodes, count = graph_nodes(graph, base=base)
    context = file_context(base)
    return {"@context": context, "@graph": compact_nodes(nodes, context)}, count


def to_jsonld(graph: nx.MultiDiGraph, *, base: str | None = None) -> dict[str, Any]:
    """``graph``'s RDF form (kg.rdf's triples) as one compact JSON-LD document."""
    return _document(graph, base)[0]


def write_jsonld(graph: nx.MultiDiGraph, path: str | Path, *, base: str | None = None) -> int:
    """Write ``graph`` as compact JSON-LD at ``path`` (atomically); return the triple count."""
    document, count = _document(graph, base)
    # the context indented, then one node object a line (json's C encoder only runs unindented)
    context = json.dumps(document["@context"], ensure_ascii=False, indent=1)
    nodes = ",\n".join(json.dumps(node, ensure_ascii=False) for node in document["@graph"])
    with atomic_write(path, binary=True) as stream:
        # "replace": a lone surrogate (not UTF-8) becomes "?", as in kg's Turtle
        stream.write(f'{{"@context": {context},\n"@graph": [\n{nodes}\n]}}\n'.encode("utf-8", "replace"))
    return count
