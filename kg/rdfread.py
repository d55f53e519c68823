"""Reading RDF files kg wrote: parse by extension, and turn the triples back into the graph.

Examples
--------
>>> guess_rdf_format("out/graph.nt")
'ntriples'
>>> guess_rdf_format("graph.jsonld")
'jsonld'
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
from rdflib import Graph

from kg.namespace import DCTERMS, FABIO, KG, OA, RDF, RDFS, SCHEMA, SKOS, XSD
from kg.rdf import RELATION_PROPERTIES, TYPE_CLASSES

__all__ = [
    "RDF_EXTENSIONS",
    "canonical_form",
    "check_rdf_format",
    "from_rdflib",
    "graph_from_triples",
    "guess_rdf_format",
    "oxigraph_format",
    "parse_rdflib",
    "read_rdf",
]

#: File extension of each RDF format kg reads and writes.
RDF_EXTENSIONS = {"turtle": ".ttl", "ntriples": ".nt", "jsonld": ".jsonld"}
_BY_EXTENSION = {".ttl": "turtle", ".nt": "ntriples", ".jsonld": "jsonld", ".json": "jsonld"}
_RDFLIB_NAMES = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld"}

XSD_STRING = str(XSD.string)
_TYPE, _ARTICLE, _LINK = str(RDF.type), str(SCHEMA.ScholarlyArticle), str(KG.Link)
_ID, _TITLE, _LABEL, _ABSTRACT, _DATE = (
    str(DCTERMS.identifier),
    str(DCTERMS.title),
    str(RDFS.label),
    str(DCTERMS.abstract),
    str(DCTERMS.date),
)
_URL, _ARXIV, _SOURCE, _ALT = (
    str(SCHEMA.url),
    str(FABIO.hasArXivId),
    str(KG.sourceLocation),
    str(SKOS.altLabel),
)
_PAPERS, _MENTIONS, _CONFIDENCE, _CATALOGUE, _VARIANT = (
    str(KG.paperCount),
    str(KG.mentionCount),
    str(KG.confidence),
    str(KG.catalogueId),
    str(KG.variantOf),
)
_SUBJECT, _PREDICATE, _OBJECT = str(RDF.subject), str(RDF.predicate), str(RDF.object)
_SURFACE, _RULE, _HAS_MENTION = str(KG.surfaceForm), str(KG.evidenceRule), str(KG.hasMention)
_HAS_TARGET, _HAS_SELECTOR, _EXACT, _START, _END = (
    str(OA.hasTarget),
    str(OA.hasSelector),
    str(OA.exact),
    str(OA.start),
    str(OA.end),
)
_SENTENCE, _SENTENCE_START = str(KG.sentence), str(KG.sentenceStart)


def guess_rdf_format(path: str | Path) -> str:
    """``turtle``, ``ntriples`` or ``jsonld`` from the file name (Turtle when unsure)."""
    return _BY_EXTENSION.get(Path(path).suffix.lower(), "turtle")


def check_rdf_format(format: str) -> str:
    """``format`` if kg reads and writes it, else ``ValueError``."""
    if format not in RDF_EXTENSIONS:
        raise ValueError(f"unknown RDF format {format!r}; choose one of {', '.join(RDF_EXTENSIONS)}")
    return format


def parse_rdflib(path: str | Path, *, format: str | None = None) -> Graph:
    """Parse an RDF file into an rdflib ``Graph``.

    Raises
    ------
    OSError
        If the file cannot be read.
    ValueError
        If it does not parse as ``format``.
    """
    format = check_rdf_format(format or guess_rdf_format(path))
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    try:
        return Graph().parse(path, format=_RDFLIB_NAMES[format])
    except (SyntaxError, ValueError, KeyError, TypeError) as error:
        raise ValueError(f"{path}: not valid {format}: {str(error).splitlines()[0][:200]}") from None
    except Exception as error:  # rdflib's parsers raise their own exception classes
        if type(error).__module__.startswith("rdflib"):
            raise ValueError(f"{path}: not valid {format}: {str(error).splitlines()[0][:200]}") from None
        raise


def oxigraph_format(format: str):
    """The ``pyoxigraph.RdfFormat`` of a kg format name."""
    import pyoxigraph as ox

    return {
        "turtle": ox.RdfFormat.TURTLE,
        "ntriples": ox.RdfFormat.N_TRIPLES,
        "jsonld": ox.RdfFormat.JSON_LD,
    }[format]


def _term(node) -> str | tuple[str, str]:
    """An IRI as ``str``; a literal as ``(lexical form, datatype IRI)``."""
    datatype = getattr(node, "datatype", None)
    if datatype is None:
        return node.value if hasattr(node, "value") else str(node)
    return (node.value, datatype.value)


def _rdflib_term(node) -> str | tuple[str, str]:
    from rdflib import Literal

    if isinstance(node, Literal):
        return (str(node), str(node.datatype or XSD_STRING))
    return str(node)


def read_rdf(path: str | Path, *, format: str | None = None) -> nx.MultiDiGraph:
    """Read a graph kg wrote as RDF (Turtle, N-Triples or JSON-LD) back into NetworkX.

    The result equals :func:`canonical_form` of the graph that was written: the same nodes,
    edges and attributes, with list attributes in sorted order (RDF keeps no order).

    Raises
    ------
    OSError
        If the file cannot be read.
    ValueError
        If it does not parse, or is not a graph kg wrote.
    """
    import pyoxigraph as ox

    format = check_rdf_format(format or guess_rdf_format(path))
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    try:
        with path.open("rb") as stream:
            triples = [
                (t.subject.value, t.predicate.value, _term(t.object))
                for t in ox.parse(stream, oxigraph_format(format))
            ]
    except SyntaxError as error:
        raise ValueError(f"{path}: not valid {format}: {str(error).splitlines()[0][:200]}") from None
    return graph_from_triples(triples)


def from_rdflib(rdf: Graph) -> nx.MultiDiGraph:
    """The NetworkX graph held in an rdflib ``Graph`` (one :func:`kg.rdf.to_rdflib` made)."""
    return graph_from_triples((str(s), str(p), _rdflib_term(o)) for s, p, o in rdf)


def _one(props: dict, key: str, default=None):
    values = props.get(key)
    if not values:
        return default
    value = min(values)
    return value[0] if isinstance(value, tuple) else value


def _texts(props: dict, key: str) -> list[str]:
    return sorted(v[0] for v in props.get(key, ()) if isinstance(v, tuple))


def graph_from_triples(triples: Iterable[tuple[str, str, str | tuple[str, str]]]) -> nx.MultiDiGraph:
    """Rebuild the NetworkX graph from ``(subject, predicate, object)`` triples of a kg export.

    Subjects and predicates are IRI strings; an object is an IRI string or a literal as
    ``(lexical form, datatype IRI)``.

    Raises
    ------
    ValueError
        If a paper, entity or link lacks what kg always writes (an identifier, a label ...).
    """
    from kg.graph import GRAPH_FORMAT_VERSION

    subjects: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        subjects[s][p].append(o)
    classes = {str(v): k for k, v in TYPE_CLASSES.items()}
    relations = {str(v): k for k, v in RELATION_PROPERTIES.items()}
    papers, entities, links = [], [], []
    for s, props in subjects.items():
        for kind in props.get(_TYPE, ()):
            if kind == _ARTICLE:
                papers.append(s)
            elif kind in classes:
                entities.append((s, classes[kind]))
            elif kind == _LINK:
                links.append(s)

    graph = nx.MultiDiGraph(kg_format=GRAPH_FORMAT_VERSION)
    node_of: dict[str, str] = {}
    try:
        paper_rows = []
        for s in papers:
            props = subjects[s]
            paper_id = _one(props, _ID)
            if paper_id is None:
                raise ValueError(f"paper <{s}> has no dcterms:identifier")
            title = _one(props, _TITLE)
            paper_rows.append(
                (
                    paper_id,
                    s,
                    {
                        "kind": "paper",
                        "id": paper_id,
                        "label": _one(props, _LABEL, title),
                        "title": title,
                        "abstract": _one(props, _ABSTRACT, ""),
                        "date": _one(props, _DATE, ""),
                        "url": _one(props, _URL, ""),
                        "arxiv_id": _one(props, _ARXIV, ""),
                        "sources": _texts(props, _SOURCE),
                    },
                )
            )
        entity_rows = []
        for s, type_ in entities:
            props = subjects[s]
            entity_id = _one(props, _ID)
            if entity_id is None:
                raise ValueError(f"entity <{s}> has no dcterms:identifier")
            entity_rows.append(
                (
                    entity_id,
                    s,
                    {
                        "kind": "entity",
                        "id": entity_id,
                        "label": _one(props, _LABEL),
                        "type": type_,
                        "aliases": _texts(props, _ALT),
                        "paper_count": int(_one(props, _PAPERS, "0")),
                        "mention_count": int(_one(props, _MENTIONS, "0")),
                        "confidence": float(_one(props, _CONFIDENCE, "0")),
                        "catalogue_id": _one(props, _CATALOGUE, ""),
                    },
                )
            )
        for prefix, rows in (("paper", paper_rows), ("entity", entity_rows)):
            for key, s, data in sorted(rows, key=lambda row: row[0]):
                node_of[s] = f"{prefix}:{key}"
                graph.add_node(node_of[s], **data)
        for _, s, _ in sorted(entity_rows, key=lambda row: row[0]):
            for parent in sorted(subjects[s].get(_VARIANT, ()), key=lambda iri: node_of.get(iri, "")):
                if parent in node_of:
                    graph.add_edge(node_of[s], node_of[parent], key="variant_of", relation="variant_of")
        edges = []
        for s in links:
            props = subjects[s]
            paper, entity = _one(props, _SUBJECT), _one(props, _OBJECT)
            relation = relations.get(_one(props, _PREDICATE, ""))
            if paper not in node_of or entity not in node_of or relation is None:
                raise ValueError(f"link <{s}> does not join a paper to an entity by a kg relation")
            evidence = sorted(
                (_evidence(subjects, m) for m in props.get(_HAS_MENTION, ())),
                key=lambda ev: (ev["start"], ev["end"]),
            )
            edges.append(
                (
                    node_of[paper],
                    node_of[entity],
                    relation,
                    {
                        "relation": relation,
                        "confidence": float(_one(props, _CONFIDENCE, "0")),
                        "mentions": _texts(props, _SURFACE),
                        "evidence": evidence,
                        "rules": _texts(props, _RULE),
                    },
                )
            )
        for u, v, key, data in sorted(edges, key=lambda e: (e[0], e[1], e[2])):
            graph.add_edge(u, v, key=key, **data)
    except (TypeError, KeyError) as error:
        raise ValueError(f"not a graph kg wrote: {error}") from None
    return graph


def _evidence(subjects: dict, mention: str) -> dict:
    props = subjects[mention]
    target = _one(props, _HAS_TARGET)
    text, start, end = None, None, None
    for selector in subjects[target].get(_HAS_SELECTOR, ()):
        sel = subjects[selector]
        if _one(sel, _EXACT) is not None:
            text = _one(sel, _EXACT)
        if _one(sel, _START) is not None:
            start, end = int(_one(sel, _START)), int(_one(sel, _END))
    if text is None or start is None:
        raise ValueError(f"mention <{mention}> lacks its quote or position selector")
    return {
        "text": text,
        "start": start,
        "end": end,
        "sentence": _one(props, _SENTENCE, ""),
        "sentence_start": int(_one(props, _SENTENCE_START, "0")),
    }


def canonical_form(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``graph`` as :func:`read_rdf` gives it back after an export: lists sorted, one evidence per span.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("entity:x", kind="entity", id="x", label="X", type="Method", aliases=["b", "a"],
    ...            paper_count=0, mention_count=0, confidence=1.0, catalogue_id="")
    >>> canonical_form(g).nodes["entity:x"]["aliases"]
    ['a', 'b']
    """
    from kg.graph import GRAPH_FORMAT_VERSION

    out = nx.MultiDiGraph(kg_format=GRAPH_FORMAT_VERSION)
    for node, data in graph.nodes(data=True):
        data = dict(data)
        for key in ("aliases", "sources"):
            if key in data:
                data[key] = sorted(data[key])
        out.add_node(node, **data)
    for u, v, key, data in graph.edges(keys=True, data=True):
        data = dict(data)
        if key != "variant_of":
            data["mentions"] = sorted(data.get("mentions", []))
            data["rules"] = sorted(data.get("rules", []))
            unique = {}
            for ev in data.get("evidence", []):
                unique.setdefault((ev["start"], ev["end"]), dict(ev))
            data["evidence"] = [unique[span] for span in sorted(unique)]
        out.add_edge(u, v, key=key, **data)
    return out
