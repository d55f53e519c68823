"""The graph in other tools' formats: GraphML, GEXF, Neo4j bulk-import CSV and compact JSON-LD.

Exporters read only the graph. GraphML and GEXF hold scalar attributes only, one type per
attribute name, so :func:`sanitize` first makes every attribute a string, int, float or bool:
lists and dicts become JSON text (``json.loads`` gives them back), ``None`` is left out, and
an attribute seen with mixed types is written as text everywhere.

The Neo4j export is the CSV layout of ``neo4j-admin database import full``: a header row of
``:ID``/``:LABEL`` (nodes) or ``:START_ID``/``:END_ID``/``:TYPE`` (relationships) and typed
property columns (``confidence:float``, ``aliases:string[]`` with ``;`` between items).

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("entity:lora", kind="entity", label="LoRA", aliases=["Low-Rank Adaptation"], note=None)
>>> sanitize(g).nodes["entity:lora"]
{'kind': 'entity', 'label': 'LoRA', 'aliases': '["Low-Rank Adaptation"]'}
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable, Mapping
from enum import StrEnum
from pathlib import Path

import networkx as nx

from kg.io import atomic_write

__all__ = [
    "ARRAY_DELIMITER",
    "ExportFormat",
    "export",
    "neo4j_header",
    "sanitize",
    "write_gexf",
    "write_graphml",
    "write_neo4j",
]

#: Between the items of an array property in the Neo4j CSV (``--array-delimiter``).
ARRAY_DELIMITER = ";"


class ExportFormat(StrEnum):
    """The formats ``kg export`` writes."""

    graphml = "graphml"
    gexf = "gexf"
    neo4j = "neo4j"
    jsonld = "jsonld"


# --------------------------------------------------------------------------- sanitising


def _scalar_kind(value: object) -> str | None:
    """``bool``, ``int``, ``float`` or ``str`` for a value GraphML can hold as it is."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    return None


def _column_kinds(items: Iterable[Mapping[str, object]]) -> dict[str, str]:
    """One kind per attribute name over all ``items``: the common one, else ``str``."""
    seen: dict[str, set[str]] = {}
    for data in items:
        for key, value in data.items():
            if value is None:
                continue
            seen.setdefault(key, set()).add(_scalar_kind(value) or "json")
    kinds = {}
    for key, found in seen.items():
        if len(found) == 1 and "json" not in found:
            kinds[key] = found.pop()
        elif found <= {"int", "float"}:
            kinds[key] = "float"
        else:
            kinds[key] = "str"
    return kinds


def _convert(value: object, kind: str) -> object:
    if kind == "float":
        return float(value)  # type: ignore[arg-type]
    if kind == "str" and not isinstance(value, str):
        if isinstance(value, (list, tuple, dict, set)):
            return json.dumps(sorted(value) if isinstance(value, set) else value, ensure_ascii=False)
        if isinstance(value, float) and not math.isfinite(value):
            return str(value)
        return json.dumps(value, ensure_ascii=False) if isinstance(value, bool) else str(value)
    return value


def _clean(data: Mapping[str, object], kinds: Mapping[str, str]) -> dict[str, object]:
    return {str(k): _convert(v, kinds[k]) for k, v in data.items() if v is not None}


def sanitize(graph: nx.Graph) -> nx.Graph:
    """A copy of ``graph`` whose attributes every GraphML and GEXF writer accepts.

    Node, edge and graph attributes each get one type per name (see the module notes); node
    keys and edge keys are kept.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", score=1)
    >>> g.add_node("b", score=0.5)
    >>> g.add_node("c", score="high")
    >>> [d["score"] for _, d in sanitize(g).nodes(data=True)]
    ['1', '0.5', 'high']
    """
    node_kinds = _column_kinds(d for _, d in graph.nodes(data=True))
    if graph.is_multigraph():
        edges = list(graph.edges(keys=True, data=True))
        edge_kinds = _column_kinds(e[-1] for e in edges)
    else:
        edges = list(graph.edges(data=True))
        edge_kinds = _column_kinds(e[-1] for e in edges)
    clean = graph.__class__()
    clean.graph.update(_clean(graph.graph, _column_kinds([graph.graph])))
    clean.add_nodes_from((n, _clean(d, node_kinds)) for n, d in graph.nodes(data=True))
    for *ends, data in edges:
        clean.add_edge(*ends, **_clean(data, edge_kinds))
    return clean


# --------------------------------------------------------------------------- GraphML and GEXF


def write_graphml(graph: nx.Graph, path: str | Path) -> None:
    """Write ``graph`` as GraphML (atomically), attributes sanitised.

    Read it back with ``nx.read_graphml(path, force_multigraph=True)``; edge keys are the
    GraphML edge ids.

    Examples
    --------
    >>> import tempfile
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("paper:p1", "entity:lora", key="uses", evidence=[{"start": 0}])
    'uses'
    >>> path = Path(tempfile.mkdtemp()) / "g.graphml"
    >>> write_graphml(g, path)
    >>> list(nx.read_graphml(path, force_multigraph=True).edges(keys=True, data=True))
    [('paper:p1', 'entity:lora', 'uses', {'evidence': '[{"start": 0}]'})]
    """
    clean = sanitize(graph)
    with atomic_write(path, binary=True) as stream:
        nx.write_graphml(clean, stream, encoding="utf-8", prettyprint=True, named_key_ids=True)


_GEXF_RESERVED = {"start", "end", "viz", "pid"}


def write_gexf(graph: nx.Graph, path: str | Path) -> None:
    """Write ``graph`` as GEXF 1.2 (atomically) for Gephi, attributes sanitised.

    GEXF gives ``label`` a place of its own, takes an ``id`` attribute for the node or edge
    id, ``weight`` and ``type`` for edges, and reads ``start``/``end`` as time spans; kg
    attributes with those names are written with a ``kg_`` prefix (a paper's ``id`` becomes
    ``kg_id``), so node keys stay the graph's own.

    Examples
    --------
    >>> import tempfile
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("entity:lora", label="LoRA", aliases=["Low-Rank Adaptation"])
    >>> path = Path(tempfile.mkdtemp()) / "g.gexf"
    >>> write_gexf(g, path)
    >>> dict(nx.read_gexf(path).nodes(data=True))
    {'entity:lora': {'aliases': '["Low-Rank Adaptation"]', 'label': 'LoRA'}}
    """
    clean = sanitize(graph)
    for _, data in clean.nodes(data=True):
        for name in (_GEXF_RESERVED | {"id"}) & set(data):
            data[f"kg_{name}"] = data.pop(name)
    edge_view = clean.edges(keys=True, data=True) if clean.is_multigraph() else clean.edges(data=True)
    for *_, data in edge_view:
        for name in (_GEXF_RESERVED | {"id", "label", "type"}) & set(data):
            data[f"kg_{name}"] = data.pop(name)
        if "weight" in data and not isinstance(data["weight"], (int, float)):
            data["kg_weight"] = data.pop("weight")
    with atomic_write(path, binary=True) as stream:
        nx.write_gexf(clean, stream, encoding="utf-8", prettyprint=True, version="1.2draft")


# --------------------------------------------------------------------------- Neo4j CSV

_NEO4J_TYPES = {"bool": "boolean", "int": "int", "float": "float", "str": "string"}


def _neo4j_kinds(items: list[Mapping[str, object]]) -> dict[str, str]:
    """Neo4j column type per property: scalar types, ``string[]`` for lists of scalars, else JSON text."""
    seen: dict[str, set[str]] = {}
    for data in items:
        for key, value in data.items():
            if value is None:
                continue
            if isinstance(value, (list, tuple)):
                inner = {_scalar_kind(v) for v in value}
                kind = "array" if None not in inner else "json"
            elif isinstance(value, dict):
                kind = "json"
            else:
                kind = _scalar_kind(value) or "str"
            seen.setdefault(key, set()).add(kind)
    kinds = {}
    for key, found in seen.items():
        if len(found) == 1:
            kinds[key] = found.pop()
        elif found <= {"int", "float"}:
            kinds[key] = "float"
        else:
            kinds[key] = "json" if "json" in found or "array" in found else "str"
    return kinds


def neo4j_header(name: str, kind: str) -> str:
    """The header cell of a property column: ``name:type``, ``name:string[]`` for arrays.

    Examples
    --------
    >>> [neo4j_header(n, k) for n, k in [("confidence", "float"), ("aliases", "array"), ("evidence", "json")]]
    ['confidence:float', 'aliases:string[]', 'evidence:string']
    """
    if kind == "array":
        return f"{name}:string[]"
    if kind == "json":
        return f"{name}:string"
    return f"{name}:{_NEO4J_TYPES[kind]}"


def _neo4j_cell(value: object, kind: str) -> str:
    if value is None:
        return ""
    if kind == "array":
        items = value if isinstance(value, (list, tuple)) else [value]
        return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, ",") for v in items)
    if kind == "json":
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if kind == "bool":
        return "true" if value else "false"
    if kind == "float" and isinstance(value, float) and not math.isfinite(value):
        return ""
    return str(value)


def _labels(data: Mapping[str, object]) -> str:
    kind = str(data.get("kind", "node"))
    labels = [kind.capitalize()]
    if data.get("type"):
        labels.append(str(data["type"]))
    return ARRAY_DELIMITER.join(labels)


def _relationship_type(key: object, data: Mapping[str, object]) -> str:
    name = str(data.get("relation") or key or "related_to")
    return "".join(c if c.isalnum() else "_" for c in name).upper()


def _write_csv(path: Path, header: list[str], rows: Iterable[list[str]]) -> int:
    count = 0
    with atomic_write(path) as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def write_neo4j(graph: nx.MultiDiGraph, out_dir: str | Path) -> dict[str, Path]:
    """Write ``nodes.csv``, ``relationships.csv`` and ``import.sh`` for ``neo4j-admin`` into ``out_dir``.

    Nodes get the label ``Paper`` or ``Entity`` (plus the entity type: ``Entity;Model``);
    relationships are typed by relation in upper case (``USES``, ``EVALUATES_ON``,
    ``VARIANT_OF``). Node keys are the import ids. Lists of strings become ``string[]``
    columns (a ``;`` inside an item becomes ``,``), evidence records become JSON text.
    ``import.sh`` holds the ``neo4j-admin database import full`` command line.

    Examples
    --------
    >>> import tempfile
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("paper:p1", kind="paper", title="T")
    >>> g.add_node("entity:lora", kind="entity", type="Method", aliases=["Low-Rank Adaptation"])
    >>> g.add_edge("paper:p1", "entity:lora", key="uses", relation="uses", confidence=0.9)
    'uses'
    >>> paths = write_neo4j(g, tempfile.mkdtemp())
    >>> print(paths["nodes"].read_text(), end="")
    :ID,:LABEL,kind:string,title:string,type:string,aliases:string[]
    paper:p1,Paper,paper,T,,
    entity:lora,Entity;Method,entity,,Method,Low-Rank Adaptation
    >>> print(paths["relationships"].read_text(), end="")
    :START_ID,:END_ID,:TYPE,relation:string,confidence:float
    paper:p1,entity:lora,USES,uses,0.9
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    nodes = list(graph.nodes(data=True))
    node_kinds = _neo4j_kinds([d for _, d in nodes])
    node_columns = list(node_kinds)
    _write_csv(
        out / "nodes.csv",
        [":ID", ":LABEL", *(neo4j_header(c, node_kinds[c]) for c in node_columns)],
        (
            [str(n), _labels(d), *(_neo4j_cell(d.get(c), node_kinds[c]) for c in node_columns)]
            for n, d in nodes
        ),
    )
    if graph.is_multigraph():
        edges = list(graph.edges(keys=True, data=True))
    else:
        edges = [(u, v, None, d) for u, v, d in graph.edges(data=True)]
    edge_kinds = _neo4j_kinds([d for *_, d in edges])
    edge_columns = list(edge_kinds)
    _write_csv(
        out / "relationships.csv",
        [":START_ID", ":END_ID", ":TYPE", *(neo4j_header(c, edge_kinds[c]) for c in edge_columns)],
        (
            [
                str(u),
                str(v),
                _relationship_type(k, d),
                *(_neo4j_cell(d.get(c), edge_kinds[c]) for c in edge_columns),
            ]
            for u, v, k, d in edges
        ),
    )
    script = (
        "#!/bin/sh\n"
        "# Load this folder into an empty Neo4j database (stop the database first).\n"
        'cd "$(dirname "$0")"\n'
        "neo4j-admin database import full --overwrite-destination \\\n"
        f"    --array-delimiter='{ARRAY_DELIMITER}' --multiline-fields=true \\\n"
        "    --nodes=nodes.csv --relationships=relationships.csv \\\n"
        '    "${1:-neo4j}"\n'
    )
    with atomic_write(out / "import.sh") as stream:
        stream.write(script)
    (out / "import.sh").chmod(0o755)
    return {
        "nodes": out / "nodes.csv",
        "relationships": out / "relationships.csv",
        "script": out / "import.sh",
    }


# --------------------------------------------------------------------------- one entry point


def export(graph: nx.MultiDiGraph, *, to: ExportFormat | str, out: str | Path) -> list[Path]:
    """Write ``graph`` in format ``to`` at ``out`` (a file; a folder for ``neo4j``); return the paths.

    Raises
    ------
    ValueError
        For an unknown format.

    Examples
    --------
    >>> import tempfile
    >>> g = nx.MultiDiGraph([("paper:p1", "entity:a")])
    >>> [p.name for p in export(g, to="gexf", out=Path(tempfile.mkdtemp()) / "g.gexf")]
    ['g.gexf']
    """
    try:
        fmt = ExportFormat(to)
    except ValueError:
        known = ", ".join(f.value for f in ExportFormat)
        raise ValueError(f"unknown export format {to!r}; choose one of {known}") from None
    if fmt is ExportFormat.graphml:
        write_graphml(graph, out)
        return [Path(out)]
    if fmt is ExportFormat.gexf:
        write_gexf(graph, out)
        return [Path(out)]
    if fmt is ExportFormat.jsonld:
        from kg.jsonld import write_jsonld

        write_jsonld(graph, out)
        return [Path(out)]
    return list(write_neo4j(graph, out).values())
