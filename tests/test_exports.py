"""GraphML, GEXF and Neo4j CSV exports: they reload with NetworkX / parse as Neo4j expects."""

from __future__ import annotations

import csv
import json
import re

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from kg.cli import app
from kg.exports import ARRAY_DELIMITER, export, sanitize, write_gexf, write_graphml, write_neo4j

runner = CliRunner()

# One header cell of neo4j-admin's CSV: a keyword column, or name:type (arrays end in []).
NEO4J_TYPES = (
    "int|long|float|double|boolean|byte|short|char|string|date|localtime|time|localdatetime|datetime"
)
HEADER_CELL = re.compile(
    rf"^(:ID|:LABEL|:START_ID|:END_ID|:TYPE|[A-Za-z_][A-Za-z0-9_]*:({NEO4J_TYPES})(\[\])?)$"
)


@pytest.fixture(scope="module")
def seed_graph(seed_build):
    import kg

    _, paths = seed_build
    return kg.load(paths["json"])


def _same_value(original, exported):
    """An exported value stands for the original: scalars as they are, lists and dicts as JSON text."""
    if isinstance(original, (list, dict)):
        return json.loads(exported) == original
    if isinstance(original, float):
        return exported == pytest.approx(original)
    return exported == original


def _check_reloaded(graph, reloaded, *, renamed=None):
    renamed = renamed or {}
    assert reloaded.number_of_nodes() == graph.number_of_nodes()
    assert reloaded.number_of_edges() == graph.number_of_edges()
    assert set(reloaded.nodes) == set(graph.nodes)
    assert {(u, v, k) for u, v, k in reloaded.edges(keys=True)} == set(graph.edges(keys=True))
    for node, data in graph.nodes(data=True):
        back = reloaded.nodes[node]
        for name, value in data.items():
            assert _same_value(value, back[renamed.get(name, name)]), (node, name)
    for u, v, key, data in graph.edges(keys=True, data=True):
        back = reloaded.edges[u, v, key]
        for name, value in data.items():
            assert _same_value(value, back[name]), (u, v, key, name)


def test_graphml_reloads_with_every_attribute(seed_graph, tmp_path):
    path = tmp_path / "seeds.graphml"
    write_graphml(seed_graph, path)
    reloaded = nx.read_graphml(path, force_multigraph=True)
    assert reloaded.is_directed() and reloaded.is_multigraph()
    _check_reloaded(seed_graph, reloaded)
    paper = next(n for n, d in seed_graph.nodes(data=True) if d["kind"] == "paper")
    assert reloaded.nodes[paper]["abstract"] == seed_graph.nodes[paper]["abstract"]


def test_gexf_reloads_with_every_attribute(seed_graph, tmp_path):
    path = tmp_path / "seeds.gexf"
    write_gexf(seed_graph, path)
    reloaded = nx.read_gexf(path)
    assert reloaded.is_directed() and reloaded.is_multigraph()
    _check_reloaded(seed_graph, reloaded, renamed={"id": "kg_id"})


def _read_csv(path):
    with open(path, encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    return rows[0], rows[1:]


def test_neo4j_csv_follows_the_import_header_format(seed_graph, tmp_path):
    paths = write_neo4j(seed_graph, tmp_path / "neo4j")
    node_header, node_rows = _read_csv(paths["nodes"])
    rel_header, rel_rows = _read_csv(paths["relationships"])
    for cell in node_header + rel_header:
        assert HEADER_CELL.match(cell), cell
    assert node_header[:2] == [":ID", ":LABEL"]
    assert rel_header[:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert {"confidence:float", "aliases:string[]", "paper_count:int", "title:string"} <= set(node_header)
    assert "confidence:float" in rel_header
    assert len(node_rows) == seed_graph.number_of_nodes()
    assert len(rel_rows) == seed_graph.number_of_edges()
    assert all(len(r) == len(node_header) for r in node_rows)
    assert all(len(r) == len(rel_header) for r in rel_rows)

    ids = [r[0] for r in node_rows]
    assert len(set(ids)) == len(ids) == len(set(seed_graph.nodes))
    assert all(r[0] in set(ids) and r[1] in set(ids) for r in rel_rows)
    assert {r[2] for r in rel_rows} <= {
        "MENTIONS",
        "USES",
        "EVALUATES_ON",
        "COMPARES_WITH",
        "PROPOSES",
        "VARIANT_OF",
    }

    column = {name: i for i, name in enumerate(node_header)}
    for row in node_rows:
        data = seed_graph.nodes[row[0]]
        labels = row[column[":LABEL"]].split(ARRAY_DELIMITER)
        assert labels[0] == data["kind"].capitalize()
        if data["kind"] == "entity":
            assert labels[1] == data["type"]
            aliases = row[column["aliases:string[]"]]
            assert (aliases.split(ARRAY_DELIMITER) if aliases else []) == data["aliases"]
            assert float(row[column["confidence:float"]]) == pytest.approx(data["confidence"])
            assert int(row[column["paper_count:int"]]) == data["paper_count"]
        else:
            assert row[column["abstract:string"]] == data["abstract"]  # commas, quotes survive

    rel_column = {name: i for i, name in enumerate(rel_header)}
    for row in rel_rows:
        if row[2] == "VARIANT_OF":
            continue
        evidence = json.loads(row[rel_column["evidence:string"]])
        key = row[rel_column["relation:string"]]
        assert evidence == seed_graph.edges[row[0], row[1], key]["evidence"]

    script = paths["script"].read_text()
    assert "neo4j-admin database import full" in script
    assert "--nodes=nodes.csv" in script and "--relationships=relationships.csv" in script


def test_neo4j_array_items_never_split_on_their_own_delimiter(tmp_path):
    graph = nx.MultiDiGraph()
    graph.add_node("entity:x", kind="entity", type="Method", aliases=["a;b", "c"], confidence=1)
    graph.add_node("entity:y", kind="entity", type="Model", aliases=[], confidence=0.5, flag=True)
    paths = write_neo4j(graph, tmp_path)
    header, rows = _read_csv(paths["nodes"])
    assert "confidence:float" in header  # an int and a float in one column: float
    assert "flag:boolean" in header
    aliases = [row[header.index("aliases:string[]")] for row in rows]
    assert aliases == ["a,b;c", ""]
    assert [row[header.index("flag:boolean")] for row in rows] == ["", "true"]


# --------------------------------------------------------------------------- sanitising

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**40), 2**40),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=8),
)
VALUES = st.one_of(SCALARS, st.lists(SCALARS, max_size=3), st.dictionaries(st.sampled_from("ab"), SCALARS))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.dictionaries(st.sampled_from(["x", "y", "label", "start"]), VALUES), min_size=1, max_size=4)
)
def test_exports_never_fail_on_lists_none_or_mixed_types(tmp_path_factory, attributes):
    graph = nx.MultiDiGraph()
    for i, data in enumerate(attributes):
        graph.add_node(f"n{i}", **data)
        graph.add_edge(f"n{i}", "n0", key="k", **data)
    out = tmp_path_factory.mktemp("x")
    write_graphml(graph, out / "g.graphml")
    write_gexf(graph, out / "g.gexf")
    write_neo4j(graph, out / "neo4j")
    for reloaded in (nx.read_graphml(out / "g.graphml", force_multigraph=True), nx.read_gexf(out / "g.gexf")):
        assert reloaded.number_of_nodes() == graph.number_of_nodes()
        assert reloaded.number_of_edges() == graph.number_of_edges()
    clean = sanitize(graph)
    for name in {k for _, d in clean.nodes(data=True) for k in d}:
        kinds = {type(d[name]) for _, d in clean.nodes(data=True) if name in d}
        assert len(kinds) == 1 and kinds <= {str, int, float, bool}


def test_sanitize_keeps_types_that_agree_and_drops_none():
    graph = nx.MultiDiGraph(kg_format=1)
    graph.add_node("a", n=1, f=0.5, flag=True, tags=["x"], gone=None)
    graph.add_node("b", n=2, f=1, flag=False, tags=[])
    clean = sanitize(graph)
    assert clean.graph == {"kg_format": 1}
    assert clean.nodes["a"] == {"n": 1, "f": 0.5, "flag": True, "tags": '["x"]'}
    assert clean.nodes["b"] == {"n": 2, "f": 1.0, "flag": False, "tags": "[]"}
    assert graph.nodes["a"]["tags"] == ["x"]  # the input is left alone


# --------------------------------------------------------------------------- kg export


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "neo4j"])
def test_kg_export_command(seed_build, tmp_path, fmt):
    import kg

    _, paths = seed_build
    out = tmp_path / f"out.{fmt}"
    source = paths["json"].parent if fmt == "gexf" else paths["json"]  # a folder or the file
    result = runner.invoke(app, ["export", str(source), "--to", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    graph = kg.load(paths["json"])
    if fmt == "neo4j":
        assert sorted(p.name for p in out.iterdir()) == ["import.sh", "nodes.csv", "relationships.csv"]
        assert len(_read_csv(out / "nodes.csv")[1]) == graph.number_of_nodes()
    else:
        reloaded = nx.read_graphml(out, force_multigraph=True) if fmt == "graphml" else nx.read_gexf(out)
        assert reloaded.number_of_edges() == graph.number_of_edges()
    assert f"{graph.number_of_nodes()} nodes" in result.output


def test_kg_export_user_errors_are_one_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"not": "a graph"}')
    cases = [
        (
            ["export", str(tmp_path / "missing"), "--to", "gexf", "--out", str(tmp_path / "x.gexf")],
            "no graph",
        ),
        (["export", str(bad), "--to", "graphml", "--out", str(tmp_path / "x.graphml")], "cannot read"),
        (["export", str(bad), "--to", "gexf", "--out", str(tmp_path)], "cannot read"),
    ]
    for args, message in cases:
        result = runner.invoke(app, args)
        assert result.exit_code == 1, result.output
        assert message in result.output
        assert "Traceback" not in result.output
        assert len(result.output.strip().splitlines()) == 1
    wrong = runner.invoke(app, ["export", str(bad), "--to", "pdf", "--out", str(tmp_path / "x")])
    assert wrong.exit_code == 2


def test_export_function_rejects_unknown_formats(tmp_path):
    with pytest.raises(ValueError, match="graphml, gexf, neo4j"):
        export(nx.MultiDiGraph(), to="dot", out=tmp_path / "g.dot")
