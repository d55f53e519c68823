"""Graph analytics over a kg graph, every answer a pandas ``DataFrame``.

The functions read the ``MultiDiGraph`` that :func:`kg.build` makes (or :func:`kg.load`
reads back): paper nodes linked to the entity nodes they name. Most questions are asked of
the *co-occurrence graph*, the projection of that paper–entity bipartite graph onto the
entities, where two entities are joined when some paper names both and the edge weight
counts those papers (:func:`cooccurrence_graph`).

Association scores over ``N`` papers, an entity ``a`` named by ``n_a`` of them and a pair
named together by ``n_ab``:

* ``lift = n_ab * N / (n_a * n_b)`` -- how many times more often the pair occurs than if the
  two were named independently (1 means no association);
* ``pmi = log2(lift)`` -- pointwise mutual information, in bits.

NetworkX backends: the centrality and community functions take ``backend=`` and hand it to
NetworkX unchanged, so an installed backend (``nx-cugraph`` on a GPU, for one) runs the same
code; ``nx.config.backend_priority`` works as well. Neither is required.

Examples
--------
>>> g = mentions_graph({"p1": ["LoRA", "GSM8K"], "p2": ["LoRA", "GSM8K"], "p3": ["LoRA", "MMLU"]},
...                    types={"GSM8K": "Benchmark", "MMLU": "Benchmark"})
>>> used_with(g, "LoRA")[["label", "count", "lift"]]
   label  count  lift
0  GSM8K      2   1.0
1   MMLU      1   1.0
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Literal

import networkx as nx
import pandas as pd

from kg.records import ENTITY_TYPES

__all__ = [
    "BETWEENNESS_SAMPLES",
    "EXACT_BETWEENNESS_NODES",
    "centrality",
    "communities",
    "community_graph",
    "community_summary",
    "cooccurrence_graph",
    "cooccurrence_table",
    "entity_table",
    "entity_trends",
    "find_entity",
    "leiden_available",
    "mentions_graph",
    "paper_entities",
    "paper_periods",
    "paper_table",
    "papers_per_period",
    "summary",
    "top_entities",
    "used_with",
]

Freq = Literal["year", "month", "day"]
#: :func:`centrality` computes exact betweenness up to this many entities ...
EXACT_BETWEENNESS_NODES = 1000
#: ... and above it estimates betweenness from this many sampled source nodes.
BETWEENNESS_SAMPLES = 200
_PANDAS_FREQ = {"year": "Y", "month": "M", "day": "D"}
_FULL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_YEARLESS_DATE = re.compile(r"^--(\d{2})(?:-(\d{2}))?")


# --------------------------------------------------------------------------- building blocks


def mentions_graph(
    papers: Mapping[str, Iterable[str]],
    *,
    types: Mapping[str, str] | None = None,
    aliases: Mapping[str, Iterable[str]] | None = None,
    dates: Mapping[str, str] | None = None,
) -> nx.MultiDiGraph:
    """A kg graph straight from paper → entity names, without any text processing.

    Handy for examples, tests and what-if questions. Entities are typed by ``types``
    (``Method`` when not listed) and written as their ``aliases`` too; ``dates`` gives paper
    dates as ISO strings. The graph is made
    by :func:`kg.graph.build_graph`, so it has the attributes of a real build.

    Examples
    --------
    >>> g = mentions_graph({"p1": ["BERT", "SQuAD"]}, types={"SQuAD": "Dataset"}, dates={"p1": "2019-05"})
    >>> sorted(g.nodes)
    ['entity:bert', 'entity:squad', 'paper:p1']
    >>> g.nodes["entity:squad"]["type"], g.nodes["paper:p1"]["date"]
    ('Dataset', '2019-05')
    """
    from kg.graph import build_graph
    from kg.records import ExtractedEntity, Paper, PaperExtraction

    types = types or {}
    aliases = aliases or {}
    dates = dates or {}
    extractions = [
        PaperExtraction(
            Paper(paper_id, paper_id, "", date=dates.get(paper_id)),
            [
                ExtractedEntity(name, types.get(name, "Method"), [name, *aliases.get(name, ())], [])
                for name in dict.fromkeys(names)
            ],
        )
        for paper_id, names in papers.items()
    ]
    return build_graph(extractions)


def _is_entity(data: Mapping) -> bool:
    return data.get("kind") == "entity"


def _is_paper(data: Mapping) -> bool:
    return data.get("kind") == "paper"


def _type_filter(types: str | Iterable[str] | None) -> set[str] | None:
    if types is None:
        return None
    return {types} if isinstance(types, str) else set(types)


def paper_entities(
    graph: nx.MultiDiGraph,
    *,
    types: str | Iterable[str] | None = None,
    relations: str | Iterable[str] | None = None,
) -> dict[str, set[str]]:
    """The entity nodes each paper names: ``{paper node: {entity node, ...}}``.

    ``types`` keeps entities of those types only; ``relations`` keeps links of those
    relations only (``uses``, ``evaluates_on``, ...). Every paper is a key, even one left
    with no entities.

    Examples
    --------
    >>> g = mentions_graph({"p1": ["BERT", "SQuAD"], "p2": []}, types={"SQuAD": "Dataset"})
    >>> paper_entities(g, types="Dataset")
    {'paper:p1': {'entity:squad'}, 'paper:p2': set()}
    """
    wanted_types = _type_filter(types)
    wanted_relations = _type_filter(relations)
    out: dict[str, set[str]] = {}
    for node, data in graph.nodes(data=True):
        if not _is_paper(data):
            continue
        found = out.setdefault(node, set())
        for _, target, relation in graph.out_edges(node, keys=True):
            target_data = graph.nodes[target]
            if not _is_entity(target_data):
                continue
            if wanted_relations is not None and relation not in wanted_relations:
                continue
            if wanted_types is not None and target_data.get("type") not in wanted_types:
                continue
            found.add(target)
    return out


def _entity_papers(graph: nx.MultiDiGraph, **filters) -> dict[str, set[str]]:
    by_entity: dict[str, set[str]] = {}
    for paper, entities in paper_entities(graph, **filters).items():
        for entity in entities:
            by_entity.setdefault(entity, set()).add(paper)
    return by_entity


# --------------------------------------------------------------------------- tables


def entity_table(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """One row per entity: label, type, papers and mentions naming it, aliases, node key.

    ``papers`` counts the papers linked to the entity in this graph.

    Examples
    --------
    >>> g = mentions_graph({"p1": ["BERT", "SQuAD"], "p2": ["BERT"]}, types={"SQuAD": "Dataset"})
    >>> entity_table(g)[["label", "type", "papers"]]
       label     type  papers
    0   BERT   Method       2
    1  SQuAD  Dataset       1
    """
    by_entity = _entity_papers(graph)
    rows = [
        {
            "label": data.get("label", node),
            "type": data.get("type", ""),
            "papers": len(by_entity.get(node, ())),
            "mentions": data.get("mention_count", 0),
            "confidence": data.get("confidence"),
            "aliases": list(data.get("aliases", [])),
            "node": node,
        }
        for node, data in graph.nodes(data=True)
        if _is_entity(data)
    ]
    columns = ["label", "type", "papers", "mentions", "confidence", "aliases", "node"]
    return pd.DataFrame(rows, columns=columns)


def paper_table(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """One row per paper: title, date, url, arXiv id, how many entities it names, node key.

    Examples
    --------
    >>> g = mentions_graph({"p1": ["BERT", "SQuAD"], "p2": ["BERT"]}, dates={"p1": "2019-05"})
    >>> paper_table(g)[["title", "date", "entities"]]
      title     date  entities
    0    p1  2019-05         2
    1    p2                  1
    """
    named = paper_entities(graph)
    rows = [
        {
            "title": data.get("title", ""),
            "date": data.get("date", ""),
            "url": data.get("url", ""),
            "arxiv_id": data.get("arxiv_id", ""),
            "entities": len(named[node]),
            "node": node,
        }
        for node, data in graph.nodes(data=True)
        if _is_paper(data)
    ]
    return pd.DataFrame(rows, columns=["title", "date", "url", "arxiv_id", "entities", "node"])


def summary(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """Counts at a glance: papers, entities per type, links per relation.

    Examples
    --------
    >>> g = mentions_graph({"p1": ["BERT", "SQuAD"], "p2": ["BERT"]}, types={"SQuAD": "Dataset"})
    >>> summary(g)
          group      item  count
    0     nodes    papers      2
    1     nodes  entities      2
    2    entity    Method      1
    3    entity   Dataset      1
    4  relation  mentions      3
    """
    kinds = Counter(data.get("kind") for _, data in graph.nodes(data=True))
    types = Counter(data.get("type") for _, data in graph.nodes(data=True) if _is_entity(data))
    relations = Counter(key for _, _, key in graph.edges(keys=True))
    rows = [("nodes", "papers", kinds["paper"]), ("nodes", "entities", kinds["entity"])]
    rows += [("entity", t, types[t]) for t in ENTITY_TYPES if types[t]]
    rows += [("entity", t, n) for t, n in types.items() if t not in ENTITY_TYPES]
    rows += [("relation", r, n) for r, n in relations.most_common()]
    return pd.DataFrame(rows, columns=["group", "item", "count"])


def top_entities(
    graph: nx.MultiDiGraph,
    *,
    types: str | Iterable[str] | None = None,
    k: int = 10,
    by: Literal["papers", "mentions"] = "papers",
) -> pd.DataFrame:
    """The ``k`` most named entities of each type, ranked by papers (or mentions).

    Ties are broken by the other count, then by label. Types come in kg's order (Method,
    Model, Dataset, Benchmark, Task, Metric); ``types`` picks some.

    Examples
    --------
    >>> g = mentions_graph({"p1": ["BERT", "SQuAD", "GloVe"], "p2": ["BERT", "SQuAD"], "p3": ["BERT"]},
    ...                    types={"SQuAD": "Dataset"})
    >>> top_entities(g, k=1)[["type", "rank", "label", "papers"]]
          type  rank  label  papers
    0   Method     1   BERT       3
    1  Dataset     1  SQuAD       2
    """
    if by not in ("papers", "mentions"):
        raise ValueError(f"by must be 'papers' or 'mentions', not {by!r}")
    other = "mentions" if by == "papers" else "papers"
    table = entity_table(graph)
    wanted = _type_filter(types)
    order = [t for t in ENTITY_TYPES if t in set(table["type"])]
    order += sorted(set(table["type"]) - set(order))
    parts = []
    for type_ in order:
        if wanted is not None and type_ not in wanted:
            continue
        part = table[table["type"] == type_].assign(_key=lambda t: t["label"].str.casefold())
        part = part.sort_values([by, other, "_key"], ascending=[False, False, True]).head(k)
        parts.append(part.drop(columns="_key").assign(rank=range(1, len(part) + 1)))
    columns = ["type", "rank", "label", "papers", "mentions", "aliases", "node"]
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.concat(parts, ignore_index=True)[columns]


def find_entity(graph: nx.MultiDiGraph, name: str) -> str:
    """The node key of the entity called ``name``: a node key, an id, a label or an alias.

    Labels and aliases match ignoring case; when several entities match, the one named by
    the most papers wins.

    Raises
    ------
    KeyError
        If no entity goes by that name.

    Examples
    --------
    >>> g = mentions_graph({"p1": ["Low-Rank Adaptation"]}, aliases={"Low-Rank Adaptation": ["LoRA"]})
    >>> find_entity(g, "lora")
    'entity:low-rank-adaptation'
    """
    if name in graph and _is_entity(graph.nodes[name]):
        return name
    if f"entity:{name}" in graph and _is_entity(graph.nodes[f"entity:{name}"]):
        return f"entity:{name}"
    folded = name.strip().casefold()
    by_label, by_alias = [], []
    for node, data in graph.nodes(data=True):
        if not _is_entity(data):
            continue
        if str(data.get("label", "")).casefold() == folded:
            by_label.append(node)
        elif any(str(a).casefold() == folded for a in data.get("aliases", [])):
            by_alias.append(node)
    found = by_label or by_alias
    if not found:
        raise KeyError(f"no entity named {name!r}")
    return max(found, key=lambda n: (graph.nodes[n].get("paper_count", 0), n))


# --------------------------------------------------------------------------- co-occurrence


def cooccurrence_graph(
    graph: nx.MultiDiGraph,
    *,
    types: str | Iterable[str] | None = None,
    relations: str | Iterable[str] | None = None,
    min_weight: int = 1,
) -> nx.Graph:
    """Project the paper–entity graph onto entities: an edge for each pair named together.

    Nodes are the entities named by at least one paper, with ``label``, ``type`` and
    ``papers`` (how many papers name it). Edges carry ``weight`` (papers naming both),
    ``lift`` and ``pmi`` (see the module notes); ``N``, the number of papers, is every paper
    of ``graph`` and is kept in ``graph.graph["papers"]``. Pairs named together fewer than
    ``min_weight`` times are left out.

    Examples
    --------
    >>> g = mentions_graph({"p1": ["A", "B", "C"], "p2": ["A", "B"], "p3": ["A"], "p4": ["D"]})
    >>> co = cooccurrence_graph(g)
    >>> {k: round(v, 3) for k, v in co.edges["entity:a", "entity:b"].items()}
    {'weight': 2, 'lift': 1.333, 'pmi': 0.415}
    >>> sorted(co.nodes), co.graph["papers"]
    (['entity:a', 'entity:b', 'entity:c', 'entity:d'], 4)
    """
    named = paper_entities(graph, types=types, relations=relations)
    total = len(named)
    counts: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for entities in named.values():
        ordered = sorted(entities)
        counts.update(ordered)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                pairs[a, b] += 1
    co = nx.Graph(papers=total)
    for node in sorted(counts, key=lambda n: (-counts[n], n)):
        data = graph.nodes[node]
        co.add_node(node, label=data.get("label", node), type=data.get("type", ""), papers=counts[node])
    for (a, b), weight in pairs.items():
        if weight < min_weight:
            continue
        lift = weight * total / (counts[a] * counts[b])
        co.add_edge(a, b, weight=weight, lift=lift, pmi=math.log2(lift))
    return co


def _as_cooccurrence(graph: nx.Graph) -> nx.Graph:
    """Accept either a kg graph (projected here) or a graph from :func:`cooccurrence_graph`."""
    return cooccurrence_graph(graph) if graph.is_multigraph() else graph


def cooccurrence_table(graph: nx.Graph, *, k: int | None = None) -> pd.DataFrame:
    """The entity pairs named together, most frequent first, with lift and PMI.

    ``graph`` is a kg graph or a co-occurrence graph; ``k`` keeps the first ``k`` rows.

    Examples
    --------
    >>> g = mentions_graph({"p1": ["A", "B", "C"], "p2": ["A", "B"], "p3": ["A"], "p4": ["D"]})
    >>> cooccurrence_table(g)[["source", "target", "weight", "lift", "pmi"]].round(3)
      source target  weight   lift    pmi
    0      A      B       2  1.333  0.415
    1      B      C       1  2.000  1.000
    2      A      C       1  1.333  0.415
    """
    co = _as_cooccurrence(graph)
    rows = []
    for a, b, data in co.edges(data=True):
        first, second = sorted((a, b), key=lambda n: (-co.nodes[n]["papers"], co.nodes[n]["label"]))
        rows.append(
            {
                "source": co.nodes[first]["label"],
                "target": co.nodes[second]["label"],
                "source_type": co.nodes[first]["type"],
                "target_type": co.nodes[second]["type"],
                "weight": data["weight"],
                "lift": data["lift"],
                "pmi": data["pmi"],
                "source_node": first,
                "target_node": second,
            }
        )
    columns = ["source", "target", "source_type", "target_type", "weight", "lift", "pmi"]
    columns += ["source_node", "target_node"]
    table = pd.DataFrame(rows, columns=columns)
    table = table.sort_values(["weight", "pmi", "source", "target"], ascending=[False, False, True, True])
    table = table.reset_index(drop=True)
    return table if k is None else table.head(k)


def used_with(
    graph: nx.Graph,
    entity: str,
    *,
    k: int | None = 10,
    types: str | Iterable[str] | None = None,
    min_count: int = 1,
    sort: Literal["count", "lift", "pmi"] = "count",
) -> pd.DataFrame:
    """What is used with ``entity``: the entities named in the same papers, ranked.

    ``count`` is how many papers name both; ``papers`` how many name the neighbour at all;
    ``lift`` and ``pmi`` say how much more often the two meet than chance would have it. The
    default order is by ``count`` (ties by ``pmi``); ``sort="pmi"`` or ``"lift"`` favours
    specific company over popular company. ``types`` keeps neighbours of those types.

    Raises
    ------
    KeyError
        If ``entity`` names no entity of the graph.

    Examples
    --------
    >>> g = mentions_graph({"p1": ["LoRA", "GSM8K"], "p2": ["LoRA", "GSM8K", "Adam"], "p3": ["Adam"],
    ...                     "p4": ["Adam", "GSM8K"]})
    >>> used_with(g, "LoRA")[["label", "count", "papers", "lift", "pmi"]]
       label  count  papers      lift       pmi
    0  GSM8K      2       3  1.333333  0.415037
    1   Adam      1       3  0.666667 -0.584963
    """
    co = _as_cooccurrence(graph)
    if entity not in co:
        if graph.is_multigraph():
            entity = find_entity(graph, entity)
        else:
            entity = next(
                (n for n, d in co.nodes(data=True) if d["label"].casefold() == entity.casefold()), entity
            )
    if entity not in co:
        raise KeyError(f"no entity named {entity!r} is named by any paper")
    wanted = _type_filter(types)
    rows = []
    for neighbour, data in co[entity].items():
        node = co.nodes[neighbour]
        if data["weight"] < min_count or (wanted is not None and node["type"] not in wanted):
            continue
        rows.append(
            {
                "label": node["label"],
                "type": node["type"],
                "count": data["weight"],
                "papers": node["papers"],
                "lift": data["lift"],
                "pmi": data["pmi"],
                "node": neighbour,
            }
        )
    table = pd.DataFrame(rows, columns=["label", "type", "count", "papers", "lift", "pmi", "node"])
    if sort not in ("count", "lift", "pmi"):
        raise ValueError(f"sort must be 'count', 'lift' or 'pmi', not {sort!r}")
    keys = [sort, "pmi" if sort == "count" else "count", "label"]
    table = table.sort_values(keys, ascending=[False, False, True]).reset_index(drop=True)
    table.attrs["entity"] = entity
    return table if k is None else table.head(k)


# --------------------------------------------------------------------------- centrality


def centrality(
    graph: nx.Graph,
    *,
    k: int | None = None,
    types: str | Iterable[str] | None = None,
    weight: str | None = "weight",
    betweenness_samples: int | Literal["auto"] | None = "auto",
    seed: int = 0,
    backend: str | None = None,
) -> pd.DataFrame:
    """Degree, weighted degree, PageRank and betweenness of each entity in the co-occurrence graph.

    ``degree`` counts distinct co-occurring entities, ``strength`` sums edge weights,
    ``degree_centrality`` is ``degree / (n - 1)``; ``pagerank`` follows the weights;
    ``betweenness`` (normalised) counts hops, since co-occurrence weights are closeness, not
    distance. Exact betweenness costs time in nodes × edges, so ``betweenness_samples``
    estimates it from that many source nodes: ``"auto"`` is exact up to
    ``EXACT_BETWEENNESS_NODES`` entities and samples ``BETWEENNESS_SAMPLES`` sources above
    (seeded by ``seed``); ``None`` is always exact. The count used is in
    ``table.attrs["betweenness_samples"]`` (``None`` when exact).
    ``types`` filters rows after the measures are computed on the whole graph. Rows are ranked
    by PageRank; ``k`` keeps the first ``k``. ``backend`` is passed to NetworkX.

    Examples
    --------
    >>> g = mentions_graph({"p1": ["Hub", "A"], "p2": ["Hub", "B"], "p3": ["Hub", "C"]})
    >>> centrality(g)[["label", "degree", "strength", "betweenness"]]
      label  degree  strength  betweenness
    0   Hub       3         3          1.0
    1     A       1         1          0.0
    2     B       1         1          0.0
    3     C       1         1          0.0
    """
    co = _as_cooccurrence(graph)
    columns = [
        "label",
        "type",
        "papers",
        "degree",
        "strength",
        "degree_centrality",
        "pagerank",
        "betweenness",
    ]
    if co.number_of_nodes() == 0:
        return pd.DataFrame(columns=[*columns, "node"])
    if betweenness_samples == "auto":
        betweenness_samples = None if len(co) <= EXACT_BETWEENNESS_NODES else BETWEENNESS_SAMPLES
    if betweenness_samples is not None and betweenness_samples >= len(co):
        betweenness_samples = None
    pagerank = nx.pagerank(co, weight=weight, backend=backend)
    betweenness = nx.betweenness_centrality(
        co,
        k=betweenness_samples,
        normalized=True,
        seed=seed if betweenness_samples is not None else None,
        backend=backend,
    )
    scale = 1 / (len(co) - 1) if len(co) > 1 else 0.0
    wanted = _type_filter(types)
    rows = [
        {
            "label": data["label"],
            "type": data["type"],
            "papers": data["papers"],
            "degree": co.degree(node),
            "strength": co.degree(node, weight=weight) if weight else co.degree(node),
            "degree_centrality": co.degree(node) * scale,
            "pagerank": float(pagerank[node]),
            "betweenness": float(betweenness[node]),
            "node": node,
        }
        for node, data in co.nodes(data=True)
        if wanted is None or data["type"] in wanted
    ]
    table = pd.DataFrame(rows, columns=[*columns, "node"])
    table = table.sort_values(["pagerank", "papers", "label"], ascending=[False, False, True])
    table = table.reset_index(drop=True)
    table.attrs["betweenness_samples"] = betweenness_samples
    return table if k is None else table.head(k)


# --------------------------------------------------------------------------- communities


def leiden_available(backend: str | None = None) -> bool:
    """Whether Leiden community detection can run here.

    It can when an installed NetworkX backend implements ``leiden_communities``
    (``nx-cugraph`` does) or when ``leidenalg`` and ``igraph`` are installed.

    Examples
    --------
    >>> isinstance(leiden_available(), bool)
    True
    """
    implementers = getattr(nx.community.leiden_communities, "backends", set())
    if backend is not None and backend in implementers:
        return True
    if backend is None and implementers:
        return True
    try:
        import igraph  # noqa: F401
        import leidenalg  # noqa: F401
    except ImportError:
        return False
    return True


def _leiden(co: nx.Graph, *, weight: str | None, resolution: float, seed: int, backend: str | None) -> list:
    implementers = getattr(nx.community.leiden_communities, "backends", set())
    if implementers and (backend is None or backend in implementers):
        return list(
            nx.community.leiden_communities(
                co, weight=weight, resolution=resolution, seed=seed, backend=backend
            )
        )
    import igraph
    import leidenalg

    nodes = list(co)
    index = {n: i for i, n in enumerate(nodes)}
    ig = igraph.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in co.edges()])
    weights = [d.get(weight, 1) for _, _, d in co.edges(data=True)] if weight else None
    partition = leidenalg.find_partition(
        ig,
        leidenalg.RBConfigurationVertexPartition,
        weights=weights,
        resolution_parameter=resolution,
        seed=seed,
    )
    return [{nodes[i] for i in members} for members in partition]


def communities(
    graph: nx.Graph,
    *,
    method: Literal["auto", "louvain", "leiden"] = "auto",
    resolution: float = 1.0,
    seed: int = 0,
    weight: str | None = "weight",
    backend: str | None = None,
) -> pd.DataFrame:
    """Communities of the co-occurrence graph: one row per entity with its community number.

    ``method="auto"`` runs Leiden where :func:`leiden_available`, else Louvain (NetworkX's own);
    the method used is in ``table.attrs["method"]``. Communities are numbered from 0, largest
    first; within one, entities are ordered by papers. ``backend`` is passed to NetworkX.

    Raises
    ------
    ValueError
        If ``method="leiden"`` and no Leiden implementation is installed, or for an unknown method.

    Examples
    --------
    >>> g = mentions_graph({"p1": ["A", "B"], "p2": ["A", "B"], "p3": ["C", "D"], "p4": ["C", "D", "E"]})
    >>> communities(g, method="louvain")[["label", "community"]]
      label  community
    0     C          0
    1     D          0
    2     E          0
    3     A          1
    4     B          1
    """
    co = _as_cooccurrence(graph)
    if method == "auto":
        method = "leiden" if leiden_available(backend) else "louvain"
    if method == "leiden":
        if not leiden_available(backend):
            raise ValueError("Leiden needs a NetworkX backend that has it (nx-cugraph) or leidenalg + igraph")
        found = _leiden(co, weight=weight, resolution=resolution, seed=seed, backend=backend)
    elif method == "louvain":
        found = nx.community.louvain_communities(
            co, weight=weight, resolution=resolution, seed=seed, backend=backend
        )
    else:
        raise ValueError(f"method must be 'auto', 'louvain' or 'leiden', not {method!r}")

    def rank(node: str) -> tuple:
        return (
            -co.nodes[node]["papers"],
            -co.degree(node, weight=weight),
            co.nodes[node]["label"].casefold(),
        )

    ordered = sorted((sorted(c, key=rank) for c in found if c), key=lambda c: (-len(c), rank(c[0])))
    rows = [
        {
            "label": co.nodes[node]["label"],
            "type": co.nodes[node]["type"],
            "papers": co.nodes[node]["papers"],
            "community": number,
            "node": node,
        }
        for number, members in enumerate(ordered)
        for node in members
    ]
    table = pd.DataFrame(rows, columns=["label", "type", "papers", "community", "node"])
    table.attrs["method"] = method
    return table


def community_summary(membership: pd.DataFrame, *, top: int = 5, min_size: int = 1) -> pd.DataFrame:
    """Describe each community by its size, its top entities and the types it holds.

    ``membership`` is a table from :func:`communities`; communities smaller than
    ``min_size`` are left out.

    Examples
    --------
    >>> g = mentions_graph({"p1": ["A", "B"], "p2": ["A", "B"], "p3": ["C", "D"], "p4": ["C", "D", "E"]},
    ...                    types={"E": "Dataset"})
    >>> community_summary(communities(g, method="louvain"), top=2)  # doctest: +NORMALIZE_WHITESPACE
       community  size top_entities                types
    0          0     3         C, D  Method 2, Dataset 1
    1          1     2         A, B             Method 2
    """
    rows = []
    for number, members in membership.groupby("community", sort=True):
        if len(members) < min_size:
            continue
        types = Counter(members["type"])
        rows.append(
            {
                "community": number,
                "size": len(members),
                "top_entities": ", ".join(members["label"].head(top)),
                "types": ", ".join(f"{t} {n}" for t, n in types.most_common()),
            }
        )
    return pd.DataFrame(rows, columns=["community", "size", "top_entities", "types"])


def community_graph(graph: nx.Graph, membership: pd.DataFrame, *, top: int = 3) -> nx.Graph:
    """The graph of communities: one node per community, edges weighted by the links between them.

    Each node has ``size`` (entities), ``papers`` (summed over its entities) and ``label``
    (its ``top`` entities); an edge's ``weight`` sums the co-occurrence weights crossing it.

    Examples
    --------
    >>> g = mentions_graph({"p1": ["A", "B"], "p2": ["A", "B"], "p3": ["B", "C"], "p4": ["C", "D"],
    ...                     "p5": ["C", "D"]})
    >>> cg = community_graph(g, communities(g, method="louvain"), top=1)
    >>> sorted(cg.nodes(data="size")), list(cg.edges(data="weight"))
    ([(0, 2), (1, 2)], [(0, 1, 1)])
    """
    co = _as_cooccurrence(graph)
    of = dict(zip(membership["node"], membership["community"], strict=True))
    quotient = nx.Graph()
    for number, members in membership.groupby("community", sort=True):
        quotient.add_node(
            int(number),
            size=len(members),
            papers=int(members["papers"].sum()),
            label=", ".join(members["label"].head(top)),
        )
    for a, b, data in co.edges(data=True):
        ca, cb = of.get(a), of.get(b)
        if ca is None or cb is None or ca == cb:
            continue
        ca, cb = int(ca), int(cb)
        if quotient.has_edge(ca, cb):
            quotient.edges[ca, cb]["weight"] += data.get("weight", 1)
        else:
            quotient.add_edge(ca, cb, weight=data.get("weight", 1))
    return quotient


# --------------------------------------------------------------------------- trends


def _parse_date(value: str, default_year: int | None) -> tuple[int | None, int | None, int | None]:
    """``(year, month, day)`` from an ISO date as precise as it goes; ``--MM-DD`` takes ``default_year``."""
    value = (value or "").strip()
    full = _FULL_DATE.match(value)
    if full:
        year, month, day = full.groups()
        return int(year), int(month) if month else None, int(day) if day else None
    yearless = _YEARLESS_DATE.match(value)
    if yearless:
        month, day = yearless.groups()
        return default_year, int(month), int(day) if day else None
    return None, None, None


def _period(parts: tuple[int | None, int | None, int | None], freq: Freq) -> str | None:
    """The period label; a date with no year keeps none (``--03``, ``--03-15``)."""
    year, month, day = parts
    if (freq in ("month", "day") and month is None) or (freq == "day" and day is None):
        return None
    if year is None and freq == "year":
        return None
    prefix = "-" if year is None else f"{year:04d}"
    if freq == "year":
        return prefix
    if freq == "month":
        return f"{prefix}-{month:02d}"
    return f"{prefix}-{month:02d}-{day:02d}"


def _infer_year(graph: nx.MultiDiGraph) -> int | None:
    years = Counter(
        parts[0]
        for _, data in graph.nodes(data=True)
        if _is_paper(data) and (parts := _parse_date(data.get("date", ""), None))[0] is not None
    )
    return years.most_common(1)[0][0] if years else None


def paper_periods(
    graph: nx.MultiDiGraph, *, freq: Freq = "month", default_year: int | Literal["infer"] | None = "infer"
) -> pd.Series:
    """The period (``2024``, ``2024-03`` or ``2024-03-15``) each paper falls in, by its date.

    Dates too coarse for ``freq`` give ``None``. Day-and-month dates without a year
    (``--03-15``, from daily-paper pages) take ``default_year``; ``"infer"`` uses the most
    common year among the papers that have one. Where no year is known they keep none
    (``--03``, ``--03-15``), and such periods sort before dated ones.

    Examples
    --------
    >>> g = mentions_graph({"p1": [], "p2": [], "p3": []},
    ...                    dates={"p1": "2024-03-15", "p2": "--04-01", "p3": "2024"})
    >>> paper_periods(g).to_dict()
    {'paper:p1': '2024-03', 'paper:p2': '2024-04', 'paper:p3': None}
    >>> paper_periods(g, freq="day", default_year=None).to_dict()
    {'paper:p1': '2024-03-15', 'paper:p2': '--04-01', 'paper:p3': None}
    """
    if freq not in _PANDAS_FREQ:
        raise ValueError(f"freq must be 'year', 'month' or 'day', not {freq!r}")
    year = _infer_year(graph) if default_year == "infer" else default_year
    periods = {
        node: _period(_parse_date(data.get("date", ""), year), freq)
        for node, data in graph.nodes(data=True)
        if _is_paper(data)
    }
    return pd.Series(periods, dtype=object, name="period")


def _all_periods(found: Iterable[str], freq: Freq) -> list[str]:
    """Every period from the first to the last found, gaps included."""
    found = set(found)
    yearless = sorted(p for p in found if p.startswith("--"))
    dated = sorted(found - set(yearless))
    out = []
    if yearless:  # filled within a leap year, so that --02-29 has its place
        span = pd.period_range(f"2000{yearless[0][1:]}", f"2000{yearless[-1][1:]}", freq=_PANDAS_FREQ[freq])
        out += [f"-{str(p)[4:]}" for p in span]
    if dated:
        out += [str(p) for p in pd.period_range(dated[0], dated[-1], freq=_PANDAS_FREQ[freq])]
    return out


def papers_per_period(
    graph: nx.MultiDiGraph, *, freq: Freq = "month", default_year: int | Literal["infer"] | None = "infer"
) -> pd.DataFrame:
    """How many papers fall in each period, empty periods included (see :func:`paper_periods`).

    Papers without a usable date are left out; their number is in ``table.attrs["undated"]``.

    Examples
    --------
    >>> g = mentions_graph({"p1": [], "p2": [], "p3": []},
    ...                    dates={"p1": "2024-01-15", "p2": "2024-03-02", "p3": "2024-03-30"})
    >>> papers_per_period(g)  # doctest: +NORMALIZE_WHITESPACE
             papers
    period
    2024-01       1
    2024-02       0
    2024-03       2
    """
    periods = paper_periods(graph, freq=freq, default_year=default_year)
    dated = periods.dropna()
    counts = Counter(dated)
    index = pd.Index(_all_periods(counts, freq), name="period")
    table = pd.DataFrame({"papers": [counts.get(p, 0) for p in index]}, index=index)
    table.attrs["undated"] = int(len(periods) - len(dated))
    return table


def entity_trends(
    graph: nx.MultiDiGraph,
    *,
    entities: Iterable[str] | None = None,
    types: str | Iterable[str] | None = None,
    k: int = 10,
    freq: Freq = "month",
    default_year: int | Literal["infer"] | None = "infer",
    share: bool = False,
) -> pd.DataFrame:
    """Papers per period naming each entity: one row per period, one column per entity.

    ``entities`` names the entities (labels, aliases or node keys, see :func:`find_entity`);
    without it, the ``k`` entities (of ``types``) named by the most dated papers. Empty periods
    between the first and last are rows of zeros. ``share=True`` divides by the papers of the
    period. Papers without a usable date are left out (``attrs["undated"]`` counts them).

    Examples
    --------
    >>> g = mentions_graph({"p1": ["LoRA"], "p2": ["LoRA", "DPO"], "p3": ["DPO"], "p4": ["DPO"]},
    ...                    dates={"p1": "2024-01-15", "p2": "2024-03-02", "p3": "2024-03", "p4": "2024"})
    >>> entity_trends(g)  # doctest: +NORMALIZE_WHITESPACE
    entity   DPO  LoRA
    period
    2024-01    0     1
    2024-02    0     0
    2024-03    2     1
    >>> entity_trends(g).attrs["undated"]  # p4 gives a year only
    1
    >>> entity_trends(g, entities=["LoRA"], freq="year", share=True)  # doctest: +NORMALIZE_WHITESPACE
    entity  LoRA
    period
    2024     0.5
    """
    periods = paper_periods(graph, freq=freq, default_year=default_year)
    dated = periods.dropna()
    named = paper_entities(graph, types=types)
    by_entity: dict[str, Counter[str]] = {}
    for paper, period in dated.items():
        for entity in named.get(paper, ()):
            by_entity.setdefault(entity, Counter())[period] += 1
    if entities is None:
        chosen = sorted(
            by_entity, key=lambda n: (-sum(by_entity[n].values()), graph.nodes[n]["label"].casefold())
        )
        chosen = chosen[:k]
    else:
        chosen = [find_entity(graph, name) for name in entities]
    labels = _display_labels(graph, chosen)
    index = pd.Index(_all_periods(dated, freq), name="period")
    table = pd.DataFrame(
        {labels[n]: [by_entity.get(n, Counter()).get(p, 0) for p in index] for n in chosen},
        index=index,
        columns=pd.Index([labels[n] for n in chosen], name="entity"),
    )
    if share:
        totals = Counter(dated)
        table = table.div([totals.get(p, 0) or float("nan") for p in index], axis=0).fillna(0.0)
    table.attrs["undated"] = int(len(periods) - len(dated))
    table.attrs["nodes"] = list(chosen)
    return table


def _display_labels(graph: nx.MultiDiGraph, nodes: list[str]) -> dict[str, str]:
    """Entity labels, with the type added where two chosen entities share a label."""
    labels = {n: graph.nodes[n].get("label", n) for n in nodes}
    clashes = {label for label, n in Counter(labels.values()).items() if n > 1}
    return {
        n: f"{lab} ({graph.nodes[n].get('type', '')})" if lab in clashes else lab for n, lab in labels.items()
    }
