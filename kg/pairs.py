"""Method pairs: which methods papers name together, written as small derived RDF facts.

Counting co-mentioned pairs in SPARQL joins every paper's methods with each other, which
takes seconds on a graph of millions of triples. kg counts them once from the NetworkX
graph instead and writes each pair as a ``kg:MethodPair``::

    <.../entity/adam/pair/dropout> a kg:MethodPair ;
        kg:firstMethod <.../entity/adam> ;
        kg:secondMethod <.../entity/dropout> ;
        kg:sharedPaperCount 3 .

The two members are ordered by IRI, so each pair is written once. The named query
``method-pairs`` reads these facts.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> for e in ("adam", "dropout", "mnist"):
...     g.add_node(f"entity:{e}", kind="entity", id=e, type="Dataset" if e == "mnist" else "Method")
>>> for p in ("p1", "p2"):
...     g.add_node(f"paper:{p}", kind="paper", id=p)
...     for e in ("adam", "dropout", "mnist"):
...         _ = g.add_edge(f"paper:{p}", f"entity:{e}", key="mentions")
>>> method_pairs(g)
{('entity:adam', 'entity:dropout'): 2}
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import combinations
from typing import Any

import networkx as nx

from kg.namespace import KG

__all__ = [
    "MAX_METHODS_PAIRED",
    "PAIRS_KEY",
    "PAPER_LINKS",
    "method_pair_iri",
    "method_pair_triples",
    "method_pairs",
    "pair_counts",
    "pair_rows",
]

#: the edge keys from a paper to an entity that kg writes as ``kg:mentions`` (and finer links)
PAPER_LINKS = frozenset({"mentions", "uses", "evaluates_on", "compares_with", "proposes"})

_KG = str(KG._NS)


#: a paper naming more methods than this adds no pairs: it lists methods rather than uses
#: them together (the most in one of 4,519 real abstracts is 37), and n methods make n(n-1)/2
#: pairs: one "abstract" listing 2,000 names made 2 million pairs and a 327 MB graph.ttl
MAX_METHODS_PAIRED = 60


def method_pairs(graph: nx.MultiDiGraph) -> dict[tuple[str, str], int]:
    """How many papers name both methods of each pair, by ``(node, node)`` sorted by node name.

    A paper names an entity when it has any of the :data:`PAPER_LINKS` edges to it; a paper
    that names more than :data:`MAX_METHODS_PAIRED` methods counts for no pair.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("paper:list", kind="paper", id="list")
    >>> for i in range(MAX_METHODS_PAIRED + 1):
    ...     g.add_node(f"entity:m{i}", kind="entity", id=f"m{i}", type="Method")
    ...     _ = g.add_edge("paper:list", f"entity:m{i}", key="mentions")
    >>> method_pairs(g)
    {}
    """
    nodes = graph._node  # the attribute dicts themselves: view look-ups cost more
    succ = graph._succ
    methods_ = {n for n, d in nodes.items() if d.get("kind") == "entity" and d.get("type") == "Method"}
    counts: Counter[tuple[str, str]] = Counter()
    for paper, data in nodes.items():
        if data.get("kind") != "paper":
            continue
        methods = sorted(
            target
            for target, keyed in succ[paper].items()
            if target in methods_ and not PAPER_LINKS.isdisjoint(keyed)
        )
        if 1 < len(methods) <= MAX_METHODS_PAIRED:
            counts.update(combinations(methods, 2))
    return dict(sorted(counts.items()))


#: ``graph.graph`` key under which a subgraph carries the pair counts of the whole graph
#: (:func:`kg.ntriples.split_graph` gives them to the entity part, which has no papers).
PAIRS_KEY = "kg_method_pairs"


def pair_counts(graph: nx.MultiDiGraph) -> dict[tuple[str, str], int]:
    """The counts ``graph`` carries under :data:`PAIRS_KEY`, else :func:`method_pairs` of it."""
    carried = graph.graph.get(PAIRS_KEY)
    return method_pairs(graph) if carried is None else carried


def method_pair_iri(first_iri: str, second_iri: str) -> str:
    """The IRI of a pair of entity IRIs: the first's (in IRI order), ``/pair/``, the second's last segment.

    >>> method_pair_iri("https://x.org/id/entity/lora", "https://x.org/id/entity/adam")
    'https://x.org/id/entity/adam/pair/lora'
    """
    first, second = sorted((first_iri, second_iri))
    return f"{first}/pair/{second.rsplit('/', 1)[1]}"


def pair_rows(graph: nx.MultiDiGraph, entity_iri) -> list[tuple[str, str, int]]:
    """``(first IRI, second IRI, papers)`` of every pair of :func:`pair_counts`, in IRI order;
    ``entity_iri`` maps an entity id to its IRI string."""
    nodes = graph.nodes
    iris: dict[str, str] = {}

    def iri(node: str) -> str:
        found = iris.get(node)
        if found is None:
            found = iris[node] = entity_iri(nodes[node]["id"])
        return found

    rows = []
    for (u, v), count in pair_counts(graph).items():
        first, second = iri(u), iri(v)
        rows.append((first, second, count) if first <= second else (second, first, count))
    rows.sort()
    return rows


def method_pair_triples(graph: nx.MultiDiGraph, *, entity_iri, terms) -> Iterator[tuple[Any, Any, Any]]:
    """The ``kg:MethodPair`` triples of ``graph``, four a pair, in IRI order.

    Parameters
    ----------
    graph
        A kg graph.
    entity_iri
        Entity id -> the entity's IRI as a string (kg.rdf's IRI scheme).
    terms
        Term maker of kg.rdf (``iri(str)``, ``a``, ``int(int)``), for rdflib or pyoxigraph terms.
    """
    pair_class, first_p, second_p, count_p = (
        terms.iri(_KG + name) for name in ("MethodPair", "firstMethod", "secondMethod", "sharedPaperCount")
    )
    for first, second, count in pair_rows(graph, entity_iri):
        pair = terms.iri(method_pair_iri(first, second))
        yield pair, terms.a, pair_class
        yield pair, first_p, terms.iri(first)
        yield pair, second_p, terms.iri(second)
        yield pair, count_p, terms.int(count)
