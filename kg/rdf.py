"""The graph as RDF, against kg's ontology (``schema/kg.ttl``).

Papers are ``schema:ScholarlyArticle`` with ``dcterms:`` title, abstract and date; entities
are typed with kg's classes (aligned to ML-Schema), labelled with ``rdfs:label`` /
``skos:prefLabel`` and ``skos:altLabel``; every paper→entity link is a ``kg:mentions``
triple plus its finer relation (``kg:proposes``, ``kg:uses`` ...), and a ``kg:Link`` that
carries the link's confidence, surface forms and rules; each mention is a Web Annotation
whose selectors give the quoted text and its character offsets.

The output is a function of the graph's content alone: papers, entities, links and list
items are written sorted, so the same graph gives byte-identical files, whatever order it
was built in. IRIs are minted from ids with every character outside ``A-Za-z0-9-._~``
percent-encoded (UTF-8), so any id gives a valid IRI, under a base IRI the caller chooses.

:func:`write_rdf` writes Turtle and N-Triples with kg's own writer (terms spelled as text,
grouped by subject; :class:`RdfText` gives it node by node) and JSON-LD with pyoxigraph;
:func:`to_rdflib` gives an rdflib ``Graph`` for people who work in rdflib.

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
>>> str(paper_iri("p 1"))
'https://kg.example.org/id/paper/p%201'
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import quote

import networkx as nx
from rdflib import Graph, URIRef

from kg.io import atomic_write
from kg.iri import DEFAULT_BASE_IRI, RDF_FORMATS, check_base_iri
from kg.namespace import DCTERMS, FABIO, KG, OA, PREFIXES, PROV, RDF, RDFS, SCHEMA, SKOS, XSD

__all__ = [
    "DEFAULT_BASE_IRI",
    "RDF_FORMATS",
    "RELATION_PROPERTIES",
    "TYPE_CLASSES",
    "RdfText",
    "check_base_iri",
    "entity_iri",
    "entity_triples",
    "graph_triples",
    "paper_iri",
    "paper_triples",
    "to_rdflib",
    "write_ntriples_nodes",
    "write_rdf",
    "write_turtle",
]


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

_CONTEXT_CHARS = 32  # characters of text kept before and after a quote (oa:prefix / oa:suffix)
_DATE_KINDS = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), XSD.date),
    (re.compile(r"\d{4}-\d{2}"), XSD.gYearMonth),
    (re.compile(r"\d{4}"), XSD.gYear),
    (re.compile(r"--\d{2}-\d{2}"), XSD.gMonthDay),
)


def _segment(value: str) -> str:
    """``value`` percent-encoded for one IRI path segment.

    Dots are kept except where they could be misread: a segment of dots only would be a
    ``.``/``..`` path step, and a trailing dot trips some Turtle parsers, so those dots
    become ``%2E`` (a real ``%`` is always ``%25``, so the encoding stays one-to-one).

    Examples
    --------
    >>> _segment("Qwen2.5 7B"), _segment(".."), _segment("et al.")
    ('Qwen2.5%207B', '%2E%2E', 'et%20al%2E')
    """
    segment = quote(value, safe="-._~")
    if segment.endswith("."):
        stripped = segment.rstrip(".")
        segment = stripped + "%2E" * (len(segment) - len(stripped))
    return segment


def paper_iri(paper_id: str, base: str = DEFAULT_BASE_IRI) -> URIRef:
    """The IRI of a paper: ``<base>paper/<percent-encoded id>``."""
    return URIRef(f"{base}paper/{_segment(paper_id)}")


def entity_iri(entity_id: str, base: str = DEFAULT_BASE_IRI) -> URIRef:
    """The IRI of an entity: ``<base>entity/<percent-encoded id>``."""
    return URIRef(f"{base}entity/{_segment(entity_id)}")


def _date_kind(value: str) -> str:
    for pattern, kind in _DATE_KINDS:
        if pattern.fullmatch(value):
            probe = value.lstrip("-")
            try:  # 2024-02-30 is not an xsd:date; keep such a value as a plain string
                if kind == XSD.date:
                    dt.date.fromisoformat(probe)
                elif kind == XSD.gYearMonth:
                    dt.date.fromisoformat(f"{probe}-01")
                elif kind == XSD.gMonthDay:
                    dt.date.fromisoformat(f"2000-{probe}")
            except ValueError:
                return XSD.string
            return kind
    return XSD.string


class _Terms:
    """Builds RDF terms for one library: IRIs (cached) and literals from Python values."""

    def __init__(self, iri: Callable[[str], Any], literal: Callable[[str, Any], Any]) -> None:
        self._iri = iri
        self._literal = literal
        self._cache: dict[str, Any] = {}
        self.string = iri(str(XSD.string))
        self.integer = iri(str(XSD.integer))
        self.double = iri(str(XSD.double))
        self.a = iri(str(RDF.type))
        self.p = {name: iri(str(term)) for name, term in _PREDICATES.items()}
        self.relations = {name: iri(str(term)) for name, term in RELATION_PROPERTIES.items()}
        self.classes = {name: iri(str(term)) for name, term in TYPE_CLASSES.items()}

    def iri(self, value: str) -> Any:
        term = self._cache.get(value)
        if term is None:
            term = self._cache[value] = self._iri(value)
        return term

    def text(self, value: str) -> Any:
        try:
            return self._literal(value, self.string)
        except (ValueError, TypeError, UnicodeError):  # lone surrogates cannot be UTF-8
            return self._literal(value.encode("utf-8", "replace").decode("utf-8"), self.string)

    def int(self, value: int) -> Any:
        return self._literal(str(int(value)), self.integer)

    def float(self, value: float) -> Any:
        return self._literal(repr(float(value)), self.double)

    def typed(self, value: str, datatype: str) -> Any:
        return self._literal(value, self.iri(str(datatype)))


def _relation_key(relation: str) -> int:
    return list(RELATION_PROPERTIES).index(relation) if relation in RELATION_PROPERTIES else 99


def graph_triples(graph: nx.MultiDiGraph, *, base: str = DEFAULT_BASE_IRI, terms: _Terms | None = None):
    """Every triple of ``graph``'s RDF form: papers sorted by id, then entities sorted by id.

    Triples are ``(subject, predicate, object)`` tuples of rdflib terms, or of the terms
    ``terms`` builds (kg uses this to make pyoxigraph terms directly).
    """
    t = terms or _rdflib_terms()
    papers = sorted((d["id"], n) for n, d in graph.nodes(data=True) if d.get("kind") == "paper")
    entities = sorted((d["id"], n) for n, d in graph.nodes(data=True) if d.get("kind") == "entity")
    for _, node in papers:
        yield from paper_triples(graph, node, base=base, terms=t)
    for _, node in entities:
        yield from entity_triples(graph, node, base=base, terms=t)
    from kg.pairs import method_pair_triples

    yield from method_pair_triples(graph, entity_iri=lambda i: str(entity_iri(i, base)), terms=t)


def paper_triples(graph: nx.MultiDiGraph, node: str, *, base: str = DEFAULT_BASE_IRI, terms=None):
    """The triples of one paper node: the paper, its links (sorted) and their mentions."""
    t = terms or _rdflib_terms()
    iri, a, p_, relations = t.iri, t.a, t.p, t.relations
    nodes = graph.nodes
    data = nodes[node]
    paper_id = data["id"]
    paper_seg = f"{base}paper/{_segment(paper_id)}"
    paper = iri(paper_seg)
    yield paper, a, p_["ScholarlyArticle"]
    yield paper, p_["identifier"], t.text(paper_id)
    yield paper, p_["title"], t.text(data["title"])
    yield paper, p_["label"], t.text(data.get("label", data["title"]))
    if data.get("abstract"):
        yield paper, p_["abstract"], t.text(data["abstract"])
    if data.get("date"):
        yield paper, p_["date"], t.typed(data["date"], _date_kind(data["date"]))
    if data.get("url"):
        yield paper, p_["url"], t.typed(data["url"], XSD.anyURI)
    if data.get("arxiv_id"):
        yield paper, p_["hasArXivId"], t.text(data["arxiv_id"])
    for source in sorted(data.get("sources", [])):
        yield paper, p_["sourceLocation"], t.text(source)
    for key in sorted({paper_id.lower(), data["title"].lower()}):
        yield paper, p_["lookupKey"], t.text(key)
    text = f"{data['title']}\n\n{data.get('abstract', '')}"
    links = sorted(
        (nodes[target]["id"], _relation_key(key), key, target, edge)
        for _, target, key, edge in graph.out_edges(node, keys=True, data=True)
        if nodes[target].get("kind") == "entity" and key in relations
    )
    seen_entities: set[str] = set()
    for entity_id, _, relation, target, edge in links:
        entity = iri(f"{base}entity/{_segment(entity_id)}")
        if target not in seen_entities:
            seen_entities.add(target)
            yield paper, relations["mentions"], entity
            yield entity, p_["wasDerivedFrom"], paper
        if relation != "mentions":
            yield paper, relations[relation], entity
        link = iri(f"{paper_seg}/link/{relation}/{_segment(entity_id)}")
        yield link, a, p_["Link"]
        yield link, p_["subject"], paper
        yield link, p_["predicate"], relations[relation]
        yield link, p_["object"], entity
        yield link, p_["confidence"], t.float(edge.get("confidence", 0.0))
        for form in sorted(edge.get("mentions", [])):
            yield link, p_["surfaceForm"], t.text(form)
        for rule in sorted(edge.get("rules", [])):
            yield link, p_["evidenceRule"], t.text(rule)
        mention_seg = f"{paper_seg}/mention/{relation}/{_segment(entity_id)}"
        done: set[tuple[int, int]] = set()
        for ev in sorted(edge.get("evidence", []), key=lambda e: (e["start"], e["end"])):
            span = (int(ev["start"]), int(ev["end"]))
            if span in done:
                continue
            done.add(span)
            ann_seg = f"{mention_seg}/{span[0]}-{span[1]}"
            yield from _mention_triples(t, p_, a, ann_seg, link, paper, entity, relations[relation], ev, text)


def entity_triples(graph: nx.MultiDiGraph, node: str, *, base: str = DEFAULT_BASE_IRI, terms=None):
    """The triples of one entity node: its type, labels, keys, counts and ``kg:variantOf`` links."""
    t = terms or _rdflib_terms()
    iri, a, p_ = t.iri, t.a, t.p
    nodes = graph.nodes
    data = nodes[node]
    entity_id = data["id"]
    entity = iri(f"{base}entity/{_segment(entity_id)}")
    yield entity, a, t.classes[data["type"]]
    yield entity, p_["identifier"], t.text(entity_id)
    yield entity, p_["label"], t.text(data["label"])
    yield entity, p_["prefLabel"], t.text(data["label"])
    for alias in sorted(data.get("aliases", [])):
        yield entity, p_["altLabel"], t.text(alias)
    for key in sorted({name.lower() for name in (entity_id, data["label"], *data.get("aliases", []))}):
        yield entity, p_["lookupKey"], t.text(key)
    yield entity, p_["paperCount"], t.int(data.get("paper_count", 0))
    yield entity, p_["mentionCount"], t.int(data.get("mention_count", 0))
    yield entity, p_["confidence"], t.float(data.get("confidence", 0.0))
    if data.get("catalogue_id"):
        yield entity, p_["catalogueId"], t.text(data["catalogue_id"])
    parents = sorted(
        nodes[target]["id"]
        for _, target, key in graph.out_edges(node, keys=True)
        if key == "variant_of" and nodes[target].get("kind") == "entity"
    )
    for parent_id in parents:
        yield entity, p_["variantOf"], iri(f"{base}entity/{_segment(parent_id)}")


def _mention_triples(t, p_, a, ann_seg, link, paper, entity, relation, ev, text):
    ann = t.iri(ann_seg)
    target, quote_sel, pos_sel = (t.iri(f"{ann_seg}/{part}") for part in ("target", "quote", "position"))
    start, end = int(ev["start"]), int(ev["end"])
    yield link, p_["hasMention"], ann
    yield ann, a, p_["Mention"]
    yield ann, p_["hasBody"], entity
    yield ann, p_["hasTarget"], target
    yield ann, p_["motivatedBy"], p_["identifying"]
    yield ann, p_["relation"], relation
    yield ann, p_["sentence"], t.text(ev.get("sentence", ""))
    yield ann, p_["sentenceStart"], t.int(ev.get("sentence_start", 0))
    yield target, a, p_["SpecificResource"]
    yield target, p_["hasSource"], paper
    yield target, p_["hasSelector"], quote_sel
    yield target, p_["hasSelector"], pos_sel
    yield quote_sel, a, p_["TextQuoteSelector"]
    yield quote_sel, p_["exact"], t.text(ev["text"])
    yield quote_sel, p_["prefix"], t.text(text[max(0, start - _CONTEXT_CHARS) : start])
    yield quote_sel, p_["suffix"], t.text(text[end : end + _CONTEXT_CHARS])
    yield pos_sel, a, p_["TextPositionSelector"]
    yield pos_sel, p_["start"], t.int(start)
    yield pos_sel, p_["end"], t.int(end)


_PREDICATES = {
    "ScholarlyArticle": SCHEMA.ScholarlyArticle,
    "identifier": DCTERMS.identifier,
    "title": DCTERMS.title,
    "abstract": DCTERMS.abstract,
    "date": DCTERMS.date,
    "label": RDFS.label,
    "url": SCHEMA.url,
    "hasArXivId": FABIO.hasArXivId,
    "sourceLocation": KG.sourceLocation,
    "wasDerivedFrom": PROV.wasDerivedFrom,
    "Link": KG.Link,
    "subject": RDF.subject,
    "predicate": RDF.predicate,
    "object": RDF.object,
    "confidence": KG.confidence,
    "surfaceForm": KG.surfaceForm,
    "evidenceRule": KG.evidenceRule,
    "hasMention": KG.hasMention,
    "Mention": KG.Mention,
    "hasBody": OA.hasBody,
    "hasTarget": OA.hasTarget,
    "motivatedBy": OA.motivatedBy,
    "identifying": OA.identifying,
    "relation": KG.relation,
    "sentence": KG.sentence,
    "sentenceStart": KG.sentenceStart,
    "SpecificResource": OA.SpecificResource,
    "hasSource": OA.hasSource,
    "hasSelector": OA.hasSelector,
    "TextQuoteSelector": OA.TextQuoteSelector,
    "exact": OA.exact,
    "prefix": OA.prefix,
    "suffix": OA.suffix,
    "TextPositionSelector": OA.TextPositionSelector,
    "start": OA.start,
    "end": OA.end,
    "prefLabel": SKOS.prefLabel,
    "altLabel": SKOS.altLabel,
    "paperCount": KG.paperCount,
    "mentionCount": KG.mentionCount,
    "catalogueId": KG.catalogueId,
    "lookupKey": KG.lookupKey,
    "variantOf": KG.variantOf,
}


def _rdflib_terms() -> _Terms:
    from rdflib import Literal

    string = XSD.string

    def literal(value: str, datatype: URIRef) -> Literal:
        # rdflib tells a plain literal from an xsd:string one; parsers give plain ones
        return Literal(value) if datatype == string else Literal(value, datatype=datatype)

    return _Terms(URIRef, literal)


def _oxigraph_terms() -> _Terms:
    import pyoxigraph as ox

    return _Terms(ox.NamedNode, lambda value, datatype: ox.Literal(value, datatype=datatype))


def _prefixes(base: str) -> dict[str, str]:
    return {
        **{k: str(v) for k, v in PREFIXES.items()},
        "rdf": str(RDF._NS),
        "id": base,
        "paper": f"{base}paper/",
        "entity": f"{base}entity/",
    }


def to_rdflib(graph: nx.MultiDiGraph, *, base: str = DEFAULT_BASE_IRI) -> Graph:
    """``graph`` as an rdflib ``Graph`` with kg's prefixes bound."""
    check_base_iri(base)
    rdf = Graph()
    for prefix, namespace in _prefixes(base).items():
        rdf.bind(prefix, namespace)
    for triple in graph_triples(graph, base=base):
        rdf.add(triple)
    return rdf


def oxigraph_triples(graph: nx.MultiDiGraph, *, base: str = DEFAULT_BASE_IRI) -> Iterator:
    """``graph``'s triples as ``pyoxigraph.Triple`` objects, in :func:`graph_triples` order."""
    import pyoxigraph as ox

    check_base_iri(base)
    return itertools.starmap(ox.Triple, graph_triples(graph, base=base, terms=_oxigraph_terms()))


#: Characters a literal may not hold as themselves: ECHAR where the grammar has one (``\\t``,
#: ``\\"`` ...), UCHAR (``\\u0000``) for the other control characters.
_CONTROL_ESCAPES = {chr(c): f"\\u{c:04X}" for c in (*range(0x20), 0x7F)} | {"\b": "\\b", "\f": "\\f"}
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f"\\\x7f]')
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: A percent-encoded segment that can be a Turtle local name once ``/ % ~`` are escaped.
_PN_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.~%/-]*[A-Za-z0-9_~-])?")


def _pn_escape(local: str) -> str:
    """``local`` with the characters a Turtle local name must escape (``/ % ~``) escaped."""
    return local.replace("%", "\\%").replace("~", "\\~").replace("/", "\\/")


def _quoted(value: str) -> str:
    """``value`` as an N-Triples / Turtle ``STRING_LITERAL_QUOTE``.

    >>> print(_quoted('say "hi"\\n\\x00'))
    "say \\"hi\\"\\n\\u0000"
    """
    if _NEEDS_ESCAPE.search(value):
        value = value.replace("\\", "\\\\").replace('"', '\\"')
        value = value.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
        if _CONTROL.search(value):
            value = _CONTROL.sub(lambda m: _CONTROL_ESCAPES[m.group()], value)
    return f'"{value}"'


class _Syntax:
    """How kg's writer spells terms and triples: N-Triples, or Turtle with prefixed names.

    Terms come out as finished text and the 18 triples of a mention as one template, so a
    triple costs a few string operations and no term object.
    """

    def __init__(self, base: str, *, turtle: bool) -> None:
        self.turtle = turtle
        self.base = base
        self.prefixes = _prefixes(base)
        # longest namespace first; among equally long ones, the first in ``prefixes`` wins
        self._longest_first = sorted(self.prefixes.items(), key=lambda kv: -len(kv[1]))
        self._entities: dict[str, str] = {}
        self._segments: dict[str, tuple[str, str]] = {}
        self._texts: dict[str, str] = {}
        self._dates: dict[str, str] = {}
        self.p = {name: self.iri(str(term)) for name, term in _PREDICATES.items()}
        self.a = "a" if turtle else self.iri(str(RDF.type))
        self.relations = {name: self.iri(str(term)) for name, term in RELATION_PROPERTIES.items()}
        self.classes = {name: self.iri(str(term)) for name, term in TYPE_CLASSES.items()}
        self.integer = "" if turtle else f"^^{self.iri(str(XSD.integer))}"
        self.double = f"^^{self.iri(str(XSD.double))}"
        self.anyuri = f"^^{self.iri(str(XSD.anyURI))}"
        self.mention = self._mention_template()

    def iri(self, value: str) -> str:
        """``value`` as ``<value>``, or in Turtle as a prefixed name where one fits."""
        if self.turtle:  # the longest namespace that leaves a valid local name
            for prefix, namespace in self._longest_first:
                if value.startswith(namespace):
                    local = value[len(namespace) :]
                    if local == "" or _PN_LOCAL.fullmatch(local):
                        return f"{prefix}:{_pn_escape(local)}"
        return f"<{value}>"

    def under(self, kind: str, segment: str) -> tuple[str, str, str]:
        """``(start, slash, end)`` that spell ``<base><kind>/<segment>`` and the IRIs below it.

        The IRI of ``segment/x/y`` is ``start + slash + "x" + slash + "y" + end``; a path
        segment written after ``slash`` is the escaped one of :meth:`segment` when ``slash``
        is Turtle's ``\\/``.
        """
        if self.turtle and _PN_LOCAL.fullmatch(segment):
            return f"{kind}:{_pn_escape(segment)}", "\\/", ""
        return f"<{self.base}{kind}/{segment}", "/", ">"

    def segment(self, entity_id: str) -> tuple[str, str]:
        """``entity_id``'s IRI segment, as is and escaped for a Turtle local name (cached)."""
        pair = self._segments.get(entity_id)
        if pair is None:
            raw = _segment(entity_id)
            pair = self._segments[entity_id] = (raw, _pn_escape(raw))
        return pair

    def entity(self, entity_id: str) -> str:
        """The term of an entity's IRI (cached)."""
        term = self._entities.get(entity_id)
        if term is None:
            start, _, end = self.under("entity", self.segment(entity_id)[0])
            term = self._entities[entity_id] = start + end
        return term

    def label(self, value: str) -> str:
        """A literal likely to repeat (labels, surface forms, sentences): cached."""
        term = self._texts.get(value)
        if term is None:
            term = self._texts[value] = _quoted(value)
        return term

    def int(self, value: int) -> str:
        return f'"{int(value)}"{self.integer}' if self.integer else str(int(value))

    def float(self, value: float) -> str:
        return f'"{float(value)!r}"{self.double}'

    def date(self, value: str) -> str:
        term = self._dates.get(value)
        if term is None:
            kind = _date_kind(value)
            term = _quoted(value) if kind == XSD.string else f"{_quoted(value)}^^{self.iri(str(kind))}"
            self._dates[value] = term
        return term

    def block(self, subject: str, pairs: list[tuple[str, str]]) -> str:
        """The triples ``(subject, p, o)`` for ``(p, o)`` in ``pairs``, as text."""
        if self.turtle:
            return f"{subject} " + " ;\n\t".join([f"{p} {o}" for p, o in pairs]) + " .\n"
        return "".join([f"{subject} {p} {o} .\n" for p, o in pairs])

    def header(self) -> str:
        """Turtle's ``@prefix`` lines, sorted (nothing for N-Triples)."""
        if not self.turtle:
            return ""
        return "".join(sorted(f"@prefix {k}: <{v}> .\n" for k, v in self.prefixes.items()))

    def _mention_template(self) -> str:
        """A ``%``-format template (named fields) of one mention's 18 triples.

        The triples are :func:`_mention_triples`'. The template is spelled with ``{field}``
        placeholders first: no term in it holds a brace (base IRIs may not), so after
        doubling every ``%`` the placeholders are the only fields.
        """
        p_, a = self.p, self.a
        number = "{%s}" if self.turtle else '"{%s}"' + self.integer
        text = "".join(
            [
                self.block(
                    "{ann}",
                    [
                        (a, p_["Mention"]),
                        (p_["hasBody"], "{entity}"),
                        (p_["hasTarget"], "{target}"),
                        (p_["motivatedBy"], p_["identifying"]),
                        (p_["relation"], "{relation}"),
                        (p_["sentence"], "{sentence}"),
                        (p_["sentenceStart"], number % "sentence_start"),
                    ],
                ),
                self.block(
                    "{target}",
                    [
                        (a, p_["SpecificResource"]),
                        (p_["hasSource"], "{paper}"),
                        (p_["hasSelector"], "{quote}"),
                        (p_["hasSelector"], "{position}"),
                    ],
                ),
                self.block(
                    "{quote}",
                    [
                        (a, p_["TextQuoteSelector"]),
                        (p_["exact"], "{exact}"),
                        (p_["prefix"], "{prefix}"),
                        (p_["suffix"], "{suffix}"),
                    ],
                ),
                self.block(
                    "{position}",
                    [
                        (a, p_["TextPositionSelector"]),
                        (p_["start"], number % "start"),
                        (p_["end"], number % "end"),
                    ],
                ),
            ]
        )
        return re.sub(r"\{(\w+)\}", r"%(\1)s", text.replace("%", "%%"))


_MENTION_TRIPLES = 18


def _paper_text(graph: nx.MultiDiGraph, node: str, s: _Syntax) -> tuple[str, int]:
    """The triples of :func:`paper_triples` as text, and how many there are."""
    nodes = graph.nodes
    data = nodes[node]
    p_, a, q, lab, relations, block = s.p, s.a, _quoted, s.label, s.relations, s.block
    paper_id = data["id"]
    start, sl, end = s.under("paper", _segment(paper_id))
    escaped = 1 if sl != "/" else 0
    paper = start + end
    title = data["title"]
    pairs = [(a, p_["ScholarlyArticle"]), (p_["identifier"], q(paper_id)), (p_["title"], q(title))]
    pairs.append((p_["label"], q(data.get("label", title))))
    if data.get("abstract"):
        pairs.append((p_["abstract"], q(data["abstract"])))
    if data.get("date"):
        pairs.append((p_["date"], s.date(data["date"])))
    if data.get("url"):
        pairs.append((p_["url"], q(data["url"]) + s.anyuri))
    if data.get("arxiv_id"):
        pairs.append((p_["hasArXivId"], q(data["arxiv_id"])))
    pairs += [(p_["sourceLocation"], q(source)) for source in sorted(data.get("sources", []))]
    pairs += [(p_["lookupKey"], q(key)) for key in sorted({paper_id.lower(), title.lower()})]
    links = sorted(
        (nodes[target]["id"], _relation_key(key), key, target, edge)
        for _, target, key, edge in graph.out_edges(node, keys=True, data=True)
        if nodes[target].get("kind") == "entity" and key in relations
    )
    out = [""]
    count = 0
    seen: set[str] = set()
    text = f"{title}\n\n{data.get('abstract', '')}"
    template = s.mention
    for entity_id, _, relation, target, edge in links:
        entity = s.entity(entity_id)
        if target not in seen:
            seen.add(target)
            pairs.append((relations["mentions"], entity))
            out.append(block(entity, [(p_["wasDerivedFrom"], paper)]))
            count += 1
        prop = relations[relation]
        if relation != "mentions":
            pairs.append((prop, entity))
        tail = f"{relation}{sl}{s.segment(entity_id)[escaped]}"
        link = f"{start}{sl}link{sl}{tail}{end}"
        lpairs = [
            (a, p_["Link"]),
            (p_["subject"], paper),
            (p_["predicate"], prop),
            (p_["object"], entity),
            (p_["confidence"], s.float(edge.get("confidence", 0.0))),
        ]
        lpairs += [(p_["surfaceForm"], lab(form)) for form in sorted(edge.get("mentions", []))]
        lpairs += [(p_["evidenceRule"], lab(rule)) for rule in sorted(edge.get("rules", []))]
        mention = f"{start}{sl}mention{sl}{tail}{sl}"
        mentions: list[str] = []
        done: set[tuple[int, int]] = set()
        for ev in sorted(edge.get("evidence", []), key=lambda e: (e["start"], e["end"])):
            first, last = int(ev["start"]), int(ev["end"])
            if (first, last) in done:
                continue
            done.add((first, last))
            ann = f"{mention}{first}-{last}"
            lpairs.append((p_["hasMention"], ann + end))
            mentions.append(
                template
                % {
                    "ann": ann + end,
                    "target": f"{ann}{sl}target{end}",
                    "quote": f"{ann}{sl}quote{end}",
                    "position": f"{ann}{sl}position{end}",
                    "entity": entity,
                    "paper": paper,
                    "relation": prop,
                    "sentence": lab(ev.get("sentence", "")),
                    "sentence_start": int(ev.get("sentence_start", 0)),
                    "exact": lab(ev["text"]),
                    "prefix": q(text[max(0, first - _CONTEXT_CHARS) : first]),
                    "suffix": q(text[last : last + _CONTEXT_CHARS]),
                    "start": first,
                    "end": last,
                }
            )
        count += len(lpairs) + _MENTION_TRIPLES * len(mentions)
        out.append(block(link, lpairs))
        out += mentions
    out[0] = block(paper, pairs)
    return "".join(out), count + len(pairs)


def _entity_text(graph: nx.MultiDiGraph, node: str, s: _Syntax) -> tuple[str, int]:
    """The triples of :func:`entity_triples` as text, and how many there are."""
    nodes = graph.nodes
    data = nodes[node]
    p_, q = s.p, s.label
    entity_id = data["id"]
    label = q(data["label"])
    aliases = data.get("aliases", [])
    pairs = [
        (s.a, s.classes[data["type"]]),
        (p_["identifier"], q(entity_id)),
        (p_["label"], label),
        (p_["prefLabel"], label),
    ]
    pairs += [(p_["altLabel"], q(alias)) for alias in sorted(aliases)]
    keys = sorted({name.lower() for name in (entity_id, data["label"], *aliases)})
    pairs += [(p_["lookupKey"], q(key)) for key in keys]
    pairs.append((p_["paperCount"], s.int(data.get("paper_count", 0))))
    pairs.append((p_["mentionCount"], s.int(data.get("mention_count", 0))))
    pairs.append((p_["confidence"], s.float(data.get("confidence", 0.0))))
    if data.get("catalogue_id"):
        pairs.append((p_["catalogueId"], q(data["catalogue_id"])))
    parents = sorted(
        nodes[target]["id"]
        for _, target, key in graph.out_edges(node, keys=True)
        if key == "variant_of" and nodes[target].get("kind") == "entity"
    )
    pairs += [(p_["variantOf"], s.entity(parent)) for parent in parents]
    return s.block(s.entity(entity_id), pairs), len(pairs)


def _pairs_text(graph: nx.MultiDiGraph, s: _Syntax) -> tuple[str, int]:
    """The ``kg:MethodPair`` facts of :func:`kg.pairs.method_pair_triples` as text, and their count."""
    from kg.pairs import method_pair_iri, pair_rows

    rows = pair_rows(graph, lambda entity_id: str(entity_iri(entity_id, s.base)))
    if not rows:
        return "", 0
    kind, first_p, second_p, count_p = (
        s.iri(f"{KG._NS}{name}") for name in ("MethodPair", "firstMethod", "secondMethod", "sharedPaperCount")
    )
    terms: dict[str, str] = {}  # an entity IRI's term, made once per entity

    def term(iri: str) -> str:
        found = terms.get(iri)
        if found is None:
            found = terms[iri] = s.iri(iri)
        return found

    # one pair's block as a format string: control characters 0-3 mark where its terms go
    # (no term holds one), braces of the text around them are doubled
    marked = s.block("\0", [(s.a, kind), (first_p, "\1"), (second_p, "\2"), (count_p, "\3")])
    escaped = marked.replace("{", "{{").replace("}", "}}")
    template = re.sub("[\0-\3]", lambda m: f"{{{ord(m.group())}}}", escaped)
    fill = template.format
    blocks = [
        fill(s.iri(method_pair_iri(first, second)), term(first), term(second), s.int(count))
        for first, second, count in rows
    ]
    return "".join(blocks), 4 * len(rows)


def _write_texts(texts: Iterable[tuple[str, int]], stream: BinaryIO, header: str = "") -> int:
    """Write ``texts`` after ``header`` to the binary ``stream``; return the triple count.

    Text is encoded with ``errors="replace"``: a lone surrogate (which UTF-8 cannot hold)
    becomes ``?``, as :class:`_Terms` has it for pyoxigraph.
    """
    total = 0
    chunk: list[str] = [header]
    for text, count in texts:
        total += count
        chunk.append(text)
        if len(chunk) >= 2048:
            stream.write("".join(chunk).encode("utf-8", "replace"))
            chunk = []
    stream.write("".join(chunk).encode("utf-8", "replace"))
    return total


def write_ntriples_nodes(
    graph: nx.MultiDiGraph, nodes: Iterable[str], kind: str, stream: BinaryIO, *, base: str = DEFAULT_BASE_IRI
) -> int:
    """Write the N-Triples of ``nodes`` (all papers or all entities) to binary ``stream``.

    Returns the number of triples. :mod:`kg.ntriples` writes its parts with this.
    """
    syntax = _Syntax(check_base_iri(base), turtle=False)
    text_of = _paper_text if kind == "paper" else _entity_text
    texts: Iterable[tuple[str, int]] = (text_of(graph, node, syntax) for node in nodes)
    if kind == "entity":  # the pair facts go with the entities
        texts = itertools.chain(texts, [_pairs_text(graph, syntax)])
    return _write_texts(texts, stream)


class RdfText:
    """``graph``'s Turtle or N-Triples, one node at a time (what :func:`write_rdf` writes).

    The file is :meth:`header` followed by :meth:`node` of every node in :meth:`order`, so a
    build that kept a paper's text from an earlier build can put it back unchanged.

    Examples
    --------
    >>> from kg.graph import build_graph
    >>> from kg.records import Paper, PaperExtraction
    >>> text = RdfText(build_graph([PaperExtraction(Paper("p1", "T", "A."), [])]))
    >>> text.order()
    ['paper:p1']
    >>> text.node("paper:p1")[1]
    7
    """

    def __init__(
        self, graph: nx.MultiDiGraph, *, format: str = "turtle", base: str = DEFAULT_BASE_IRI
    ) -> None:
        if format not in ("turtle", "ntriples"):
            raise ValueError(f"RdfText writes turtle or ntriples, not {format!r}")
        self.graph = graph
        self._syntax = _Syntax(check_base_iri(base), turtle=format == "turtle")

    def header(self) -> str:
        """The ``@prefix`` lines (Turtle) or nothing (N-Triples)."""
        return self._syntax.header()

    def order(self) -> list[str]:
        """Every node in file order: papers sorted by id, then entities sorted by id."""
        nodes = self.graph.nodes(data=True)
        papers = sorted((d["id"], n) for n, d in nodes if d.get("kind") == "paper")
        entities = sorted((d["id"], n) for n, d in nodes if d.get("kind") == "entity")
        return [n for _, n in papers] + [n for _, n in entities]

    def node(self, node: str) -> tuple[str, int]:
        """``node``'s triples as text, and how many there are."""
        kind = self.graph.nodes[node].get("kind")
        return (_paper_text if kind == "paper" else _entity_text)(self.graph, node, self._syntax)

    def tail(self) -> tuple[str, int]:
        """What follows the nodes: the ``kg:MethodPair`` facts (see :mod:`kg.pairs`)."""
        return _pairs_text(self.graph, self._syntax)

    def write(self, stream: BinaryIO, texts: Iterable[tuple[str, int]] | None = None) -> int:
        """Write the header, ``texts`` (default: every node's) and :meth:`tail` to ``stream``;
        return the count."""
        if texts is None:
            texts = map(self.node, self.order())
        return _write_texts(itertools.chain(texts, [self.tail()]), stream, self.header())


def write_rdf(
    graph: nx.MultiDiGraph,
    path: str | Path,
    *,
    format: str = "turtle",
    base: str = DEFAULT_BASE_IRI,
) -> int:
    """Write ``graph`` as ``turtle``, ``ntriples`` or ``jsonld`` (atomically); return the triple count.

    Turtle and N-Triples are written by kg's own writer, term by term as text (the triples
    of :func:`graph_triples`, grouped by subject); JSON-LD by :mod:`kg.jsonld`, compacted
    against ``schema/context.jsonld``.

    Raises
    ------
    ValueError
        If ``format`` is not one of :data:`RDF_FORMATS` or ``base`` is not a usable base IRI.
    """
    if format not in RDF_FORMATS:
        raise ValueError(f"unknown RDF format {format!r}; choose one of {', '.join(RDF_FORMATS)}")
    check_base_iri(base)
    if format == "jsonld":
        from kg.jsonld import write_jsonld

        return write_jsonld(graph, path, base=base)
    with atomic_write(path, binary=True) as stream:
        return RdfText(graph, format=format, base=base).write(stream)


def write_turtle(graph: nx.MultiDiGraph, path: str | Path, *, base: str = DEFAULT_BASE_IRI) -> int:
    """Write ``graph`` as Turtle (atomically); return the number of triples."""
    return write_rdf(graph, path, format="turtle", base=base)
