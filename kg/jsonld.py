"""The graph as compact JSON-LD: short keys and prefixed IRIs from ``schema/context.jsonld``.

pyoxigraph writes JSON-LD in expanded form, every key and IRI spelled out in full. kg
compacts that output itself against its own context, which is small and fixed, instead of
running a general JSON-LD compaction algorithm (pyld takes minutes on a large graph):

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
from typing import Any

import networkx as nx

from kg.io import atomic_write

__all__ = ["compact_nodes", "file_context", "load_context", "to_jsonld", "write_jsonld"]

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

    def value(self, value: dict[str, Any], coercion: str | None) -> Any:
        if "@id" in value:
            reference = value["@id"] if value["@id"].startswith("_:") else self.iri(value["@id"])
            return reference if coercion == "@id" else {"@id": reference}
        datatype = value.get("@type")
        if coercion is None:
            if datatype is None and "@language" not in value:
                return value["@value"]
            if datatype == f"{XSD}integer" and _canonical_int(value["@value"]):
                return int(value["@value"])
        elif coercion != "@id" and datatype == coercion:
            return value["@value"]
        out = {"@value": value["@value"]}
        if datatype is not None:
            out["@type"] = self.vocab(datatype)
        elif "@language" in value:
            out["@language"] = value["@language"]
        return out

    def node(self, node: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, values in node.items():
            if key == "@id":
                out["@id"] = values if values.startswith("_:") else self.iri(values)
            elif key == RDF_TYPE and all("@id" in v and not v["@id"].startswith("_:") for v in values):
                types = [self.vocab(v["@id"]) for v in values]
                out["@type"] = types[0] if len(types) == 1 else types
            else:
                term, coercion = self.terms.get(key, (None, None))
                name = term or self.iri(key)
                items = [self.value(v, coercion) for v in values]
                out[name] = items[0] if len(items) == 1 else items
        # @id and @type first, for people reading the file
        return {key: out[key] for key in sorted(out, key=lambda k: (k != "@id", k != "@type"))}


def _canonical_int(text: str) -> bool:
    try:
        return str(int(text)) == text
    except ValueError:
        return False


def compact_nodes(nodes: list[dict[str, Any]], context: list[Any]) -> list[dict[str, Any]]:
    """Expanded JSON-LD node objects (one per subject run, as pyoxigraph writes them), compacted.

    Node objects of the same subject are merged first, keeping the order they came in.

    >>> ctx = file_context("https://x.org/id/")
    >>> compact_nodes([{"@id": "https://x.org/id/entity/a",
    ...     "https://kg.example.org/ontology#paperCount": [
    ...         {"@value": "3", "@type": "http://www.w3.org/2001/XMLSchema#integer"}]}], ctx)
    [{'@id': 'entity:a', 'paperCount': 3}]
    """
    merged: dict[str, dict[str, list]] = {}
    for node in nodes:
        into = merged.setdefault(node["@id"], {"@id": node["@id"]})
        for key, values in node.items():
            if key != "@id":
                into.setdefault(key, []).extend(values)
    compactor = _Compactor(context)
    return [compactor.node(node) for node in merged.values()]


def _document(graph: nx.MultiDiGraph, base: str | None) -> tuple[dict[str, Any], int]:
    import pyoxigraph as ox

    from kg.rdf import DEFAULT_BASE_IRI, oxigraph_triples

    base = base or DEFAULT_BASE_IRI
    expanded = json.loads(ox.serialize(oxigraph_triples(graph, base=base), format=ox.RdfFormat.JSON_LD))
    count = sum(len(values) for node in expanded for key, values in node.items() if key != "@id")
    context = file_context(base)
    return {"@context": context, "@graph": compact_nodes(expanded, context)}, count


def to_jsonld(graph: nx.MultiDiGraph, *, base: str | None = None) -> dict[str, Any]:
    """``graph``'s RDF form (kg.rdf's triples) as one compact JSON-LD document."""
    return _document(graph, base)[0]


def write_jsonld(graph: nx.MultiDiGraph, path: str | Path, *, base: str | None = None) -> int:
    """Write ``graph`` as compact JSON-LD at ``path`` (atomically); return the triple count."""
    document, count = _document(graph, base)
    with atomic_write(path, binary=True) as stream:
        stream.write(json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8"))
        stream.write(b"\n")
    return count
