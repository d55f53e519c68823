"""Named SPARQL queries on the seed build, each answer checked against the NetworkX graph;
safe parameter binding; both engines; the ``kg query`` command."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from kg.cli import app
from kg.graph import GRAPH_FORMAT_VERSION
from kg.query import QueryError, bind_params, load_store, named_queries, run_query, with_values
from kg.rdf import write_rdf

runner = CliRunner()
RELATION_NAMES = {"evaluates_on": "evaluatesOn", "compares_with": "comparesWith"}


@pytest.fixture(scope="module")
def seed(seed_build):
    """(graph, path of graph.ttl, Oxigraph store)."""
    result, paths = seed_build
    return result.graph, paths["ttl"], load_store(paths["ttl"])  # graph.ttl carries the pair facts


@pytest.fixture(scope="module")
def seed_rdflib(seed_build):
    """The seed build's graph.ttl parsed by rdflib (with the method pairs)."""
    from kg.rdfread import parse_rdflib

    _result, paths = seed_build
    return parse_rdflib(paths["ttl"])


def _reference_pairs(graph) -> Counter:
    """Papers naming both methods, per pair of method nodes, straight from the NetworkX graph."""
    pairs: Counter = Counter()
    for paper, data in graph.nodes(data=True):
        if data["kind"] == "paper":
            methods = sorted({v for _, v in graph.out_edges(paper) if graph.nodes[v]["type"] == "Method"})
            for i, a in enumerate(methods):
                for b in methods[i + 1 :]:
                    pairs[a, b] += 1
    return pairs


def _entities(graph):
    return [(n, d) for n, d in graph.nodes(data=True) if d.get("kind") == "entity"]


def _matching(graph, name: str) -> set[str]:
    key = name.lower()
    return {
        n
        for n, d in _entities(graph)
        if key in {d["label"].lower(), d["id"].lower(), *(a.lower() for a in d["aliases"])}
    }


def _papers_of(graph, node) -> set[str]:
    return {u for u, _ in graph.in_edges(node) if graph.nodes[u]["kind"] == "paper"}


def _most_linked(graph, type_=None) -> dict:
    candidates = [(n, d) for n, d in _entities(graph) if type_ is None or d["type"] == type_]
    _, data = max(candidates, key=lambda nd: (len(_papers_of(graph, nd[0])), nd[1]["id"]))
    return data


def test_every_named_query_is_listed_with_a_description():
    queries = named_queries()
    assert len(queries) >= 12
    for query in queries.values():
        assert query.description and "SELECT" in query.text
        for param in query.params.values():
            assert f"?{param.name}" in query.text and param.help


@pytest.mark.parametrize("name", ["top-datasets", "top-benchmarks", "top-methods", "top-models"])
def test_top_entities(name, seed):
    graph, _, store = seed
    types = {
        "top-datasets": {"Dataset", "Benchmark"},
        "top-benchmarks": {"Benchmark"},
        "top-methods": {"Method"},
        "top-models": {"Model"},
    }[name]
    expected = Counter(
        {
            (d["label"], d["type"]): len(_papers_of(graph, n))
            for n, d in _entities(graph)
            if d["type"] in types and _papers_of(graph, n)
        }
    )
    result = run_query(store, named=name)
    got = Counter({(r["label"], r["type"]): r["papers"] for r in result.records()})
    assert got == expected and got
    counts = result.column("papers")
    assert counts == sorted(counts, reverse=True)


def test_papers_using(seed):
    graph, _, store = seed
    target = max(
        (d for _, d in _entities(graph)),
        key=lambda d: (
            sum(k in ("uses", "evaluates_on") for _, _, k in graph.in_edges(f"entity:{d['id']}", keys=True)),
            d["id"],
        ),
    )
    node = f"entity:{target['id']}"
    expected = {
        (graph.nodes[u]["id"], RELATION_NAMES.get(k, k))
        for u, _, k in graph.in_edges(node, keys=True)
        if k in ("uses", "evaluates_on")
    }
    records = run_query(store, named="papers-using", params={"name": target["label"].upper()}).records()
    assert {(r["id"], r["relation"]) for r in records} == expected and expected
    assert all(r["title"] == graph.nodes[f"paper:{r['id']}"]["title"] for r in records)


def test_proposed_by_and_proposals(seed):
    graph, _, store = seed
    proposals = {
        (graph.nodes[v]["label"], graph.nodes[v]["type"], graph.nodes[u]["title"])
        for u, v, k in graph.edges(keys=True)
        if k == "proposes"
    }
    got = {(r["label"], r["type"], r["title"]) for r in run_query(store, named="proposals").records()}
    assert got == proposals and proposals
    paper = Counter(u for u, _, k in graph.edges(keys=True) if k == "proposes").most_common(1)[0][0]
    expected = {
        (graph.nodes[v]["label"], graph.nodes[v]["type"])
        for _, v, k in graph.out_edges(paper, keys=True)
        if k == "proposes"
    }
    for key in (graph.nodes[paper]["id"], graph.nodes[paper]["title"].lower()):
        records = run_query(store, named="proposed-by", params={"paper": key}).records()
        assert {(r["label"], r["type"]) for r in records} == expected


def test_co_occurring_methods_and_pairs(seed):
    graph, _, store = seed
    target = _most_linked(graph)
    node = f"entity:{target['id']}"
    expected: Counter = Counter()
    for paper in _papers_of(graph, node):
        for other in {v for _, v in graph.out_edges(paper)} - {node}:
            if graph.nodes[other]["type"] == "Method":
                expected[graph.nodes[other]["label"]] += 1
    records = run_query(store, named="co-occurring-methods", params={"name": target["id"]}).records()
    assert Counter({r["label"]: r["papers"] for r in records}) == expected and expected
    assert [r["papers"] for r in records] == sorted((r["papers"] for r in records), reverse=True)


def _labelled(graph, pairs) -> Counter:
    return Counter(
        {frozenset((graph.nodes[a]["label"], graph.nodes[b]["label"])): n for (a, b), n in pairs.items()}
    )


def test_method_pairs_match_the_networkx_graph(seed):
    """Every pair with ``limit`` past their number; the top pairs, ties at the cut kept, by default."""
    graph, _, store = seed
    pairs = _reference_pairs(graph)
    assert len(pairs) > 100  # the default limit cuts the seed build's pairs
    records = run_query(store, named="method-pairs", params={"limit": str(len(pairs) + 5)}).records()
    assert len(records) == len(pairs)
    assert Counter({frozenset((r["first"], r["second"])): r["papers"] for r in records}) == _labelled(
        graph, pairs
    )
    keys = [(-r["papers"], r["first"], r["second"]) for r in records]
    assert keys == sorted(keys)

    for limit in (100, 7, 1):
        cut = sorted(pairs.values(), reverse=True)[limit - 1]
        top = Counter({pair: n for pair, n in pairs.items() if n >= cut})
        records = run_query(store, named="method-pairs", params={"limit": str(limit)}).records()
        assert len(records) == len(top) >= limit
        got = Counter({frozenset((r["first"], r["second"])): r["papers"] for r in records})
        assert got == _labelled(graph, top)
    default = run_query(store, named="method-pairs").records()
    assert default == run_query(store, named="method-pairs", params={"limit": "100"}).records()


@pytest.mark.parametrize(
    ("name", "params"),
    [("co-occurring-methods", True), ("proposals", False), ("method-pairs", False), ("entity-types", False)],
)
def test_rdflib_gives_the_same_rows_on_the_seed_build(seed, seed_rdflib, name, params):
    graph, _, store = seed
    given = {"name": _most_linked(graph)["id"]} if params else {}
    ox = run_query(store, named=name, params=given)
    rl = run_query(seed_rdflib, named=name, params=given, engine="rdflib")
    assert ox.columns == rl.columns and ox.rows == rl.rows and ox.rows


def test_method_pair_triples_conform_to_the_shapes(seed_build):
    from kg.rdfread import parse_rdflib
    from kg.validate import validate_graph

    _result, paths = seed_build
    data = parse_rdflib(paths["ttl"])  # the pair facts as kg build wrote them
    kg_ns = "https://kg.example.org/ontology#"
    assert len(list(data.subjects(predicate=__import__("rdflib").URIRef(kg_ns + "sharedPaperCount")))) > 100
    assert validate_graph(data).conforms


def test_aliases(seed):
    graph, _, store = seed
    data = max((d for _, d in _entities(graph)), key=lambda d: (len(d["aliases"]), d["id"]))
    assert data["aliases"], "the seed build has no entity with aliases"
    alias = data["aliases"][-1].swapcase()
    records = run_query(store, named="aliases", params={"name": alias}).records()
    by_entity: dict[str, set] = {}
    for r in records:
        by_entity.setdefault(r["id"], set()).add(r.get("alias"))
    expected = {
        graph.nodes[n]["id"]: set(graph.nodes[n]["aliases"]) or {None} for n in _matching(graph, alias)
    }
    assert by_entity == expected
    assert data["id"] in by_entity


def test_papers_per_month(seed):
    graph, _, store = seed
    target = _most_linked(graph)

    def month(date: str) -> str:
        return date[:4] if date.startswith("--") else date[:7]

    expected = Counter(
        month(graph.nodes[p]["date"])
        for p in {p for n in _matching(graph, target["label"]) for p in _papers_of(graph, n)}
        if graph.nodes[p]["date"]
    )
    records = run_query(store, named="papers-per-month", params={"name": target["label"]}).records()
    assert Counter({r["month"]: r["papers"] for r in records}) == expected and expected
    months = [r["month"] for r in records]
    assert months == sorted(months)


def test_evidence(seed):
    graph, _, store = seed
    target = _most_linked(graph)
    node = f"entity:{target['id']}"
    expected = {
        (graph.nodes[u]["id"], RELATION_NAMES.get(k, k), ev["start"], ev["text"], ev["sentence"])
        for u, _, k, d in graph.in_edges(node, keys=True, data=True)
        if graph.nodes[u]["kind"] == "paper"  # (a variant's edge to its family holds no evidence)
        for ev in d["evidence"]
    }
    records = run_query(store, named="evidence", params={"name": target["id"]}).records()
    got = {(r["id"], r["relation"], r["start"], r["exact"], r["sentence"]) for r in records}
    assert got == expected and expected


def test_entity_types(seed):
    graph, _, store = seed
    entities = Counter(d["type"] for _, d in _entities(graph))
    links = Counter()
    for n, d in _entities(graph):
        links[d["type"]] += len(_papers_of(graph, n))
    records = run_query(store, named="entity-types").records()
    assert {r["type"]: (r["entities"], r["links"]) for r in records} == {
        t: (entities[t], links[t]) for t in entities
    }


@pytest.fixture(scope="module")
def family(tmp_path_factory):
    """A hand-made graph: a family, two variants (one of a variant), and a hostile name."""
    graph = nx.MultiDiGraph(kg_format=GRAPH_FORMAT_VERSION)
    graph.add_node(
        "paper:p1",
        kind="paper",
        id="p1",
        label="Paper",
        title="Paper",
        abstract="Qwen2 and Qwen2-7B.",
        date="2024-05-01",
        url="",
        arxiv_id="",
        sources=[],
    )
    for eid, label, aliases in [
        ("qwen2", "Qwen2", []),
        ("qwen2-7b", "Qwen2-7B", []),
        ("qwen2-7b-instruct", "Qwen2-7B-Instruct", []),
        ("evil", 'Evil" } } DROP ALL # \\', ["<script>"]),
    ]:
        graph.add_node(
            f"entity:{eid}",
            kind="entity",
            id=eid,
            label=label,
            type="Model",
            aliases=aliases,
            paper_count=1,
            mention_count=1,
            confidence=0.9,
            catalogue_id="",
        )
        graph.add_edge(
            "paper:p1",
            f"entity:{eid}",
            key="uses",
            relation="uses",
            confidence=0.9,
            mentions=[label],
            evidence=[],
            rules=[],
        )
    graph.add_edge("entity:qwen2-7b", "entity:qwen2", key="variant_of", relation="variant_of")
    graph.add_edge("entity:qwen2-7b-instruct", "entity:qwen2-7b", key="variant_of", relation="variant_of")
    path = tmp_path_factory.mktemp("family") / "graph.ttl"
    write_rdf(graph, path)
    return path


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_variants_follow_variant_chains(family, engine):
    records = run_query(family, named="variants", params={"name": "qwen2"}, engine=engine).records()
    assert [r["label"] for r in records] == ["Qwen2-7B", "Qwen2-7B-Instruct"]
    records = run_query(family, named="variants", params={"name": "Qwen2-7B"}, engine=engine).records()
    assert [r["label"] for r in records] == ["Qwen2-7B-Instruct"]


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_hostile_parameter_values_are_values(family, engine):
    label = 'Evil" } } DROP ALL # \\'
    records = run_query(family, named="aliases", params={"name": label}, engine=engine).records()
    assert records == [{"id": "evil", "label": label, "type": "Model", "alias": "<script>"}]
    assert run_query(family, named="aliases", params={"name": 'x" || true || "'}, engine=engine).rows == []


@settings(max_examples=100, deadline=None)
@given(value=st.text(max_size=30))
def test_any_string_binds_to_itself(value):
    store = __import__("pyoxigraph").Store()
    result = run_query(store, "SELECT ?v WHERE { }", params={"v": value})
    assert result.column("v") == [value]


def test_defaults_and_limit_parameters():
    query = named_queries()["method-pairs"]
    assert query.params["limit"].default == "100" and query.params["limit"].kind == "integer"
    assert bind_params({}, declared=query.params) == {"limit": ("integer", "100")}
    assert bind_params({"limit": " 5 "}, declared=query.params) == {"limit": ("integer", "5")}
    text = with_values("SELECT ?x WHERE { ?x ?p ?o } LIMIT ?limit", {"limit": ("integer", "5")})
    assert "LIMIT 5" in text and "?limit }" not in text
    store = __import__("pyoxigraph").Store()
    for bad in ("-1", "ten", "1; DROP ALL"):
        with pytest.raises(QueryError):
            run_query(store, named="method-pairs", params={"limit": bad})
    with pytest.raises(QueryError, match="LIMIT"):
        run_query(store, "SELECT ?x WHERE { ?x ?p ?o } LIMIT ?n", params={"n": "5"})


def test_with_values_refuses_queries_without_where():
    with pytest.raises(QueryError, match="WHERE"):
        with_values("ASK { ?s ?p ?o }", {"x": ("string", "1")})


def test_both_engines_agree_on_every_named_query(tmp_path):
    """On the examples/ build, Oxigraph and rdflib give the same rows for every named query."""
    import kg

    result = kg.build(["examples"])
    path = tmp_path / "graph.ttl"
    write_rdf(result.graph, path)
    store = load_store(path)
    from kg.rdfread import parse_rdflib

    rdf = parse_rdflib(path)
    name = _most_linked(result.graph)["label"]
    paper = next(d["id"] for _, d in result.graph.nodes(data=True) if d["kind"] == "paper")
    for query in named_queries().values():
        params = {p: {"name": name, "paper": paper}[p] for p, d in query.params.items() if d.default is None}
        ox = run_query(store, named=query.name, params=params)
        rl = run_query(rdf, named=query.name, params=params, engine="rdflib")
        assert ox.columns == rl.columns and ox.rows == rl.rows, query.name


def test_unknown_or_bad_queries_are_query_errors(seed):
    _, _, store = seed
    with pytest.raises(QueryError, match="no named query"):
        run_query(store, named="nope")
    with pytest.raises(QueryError, match="missing --param name"):
        run_query(store, named="aliases")
    with pytest.raises(QueryError, match="unknown parameter 'x'"):
        run_query(store, named="aliases", params={"name": "a", "x": "b"})
    with pytest.raises(QueryError, match="bad SPARQL"):
        run_query(store, "SELECT WHERE")


# ---------------------------------------------------------------- the command


def test_cli_list_names_every_query():
    result = runner.invoke(app, ["query", "--list"])
    assert result.exit_code == 0
    for name in named_queries():
        assert name in result.output


def test_cli_named_query_outputs(seed):
    graph, path, _ = seed
    top = _most_linked(graph, "Model")
    as_csv = runner.invoke(app, ["query", str(path), "--named", "top-models", "--output", "csv"])
    assert as_csv.exit_code == 0, as_csv.output
    rows = list(csv.DictReader(io.StringIO(as_csv.output)))
    assert rows[0]["papers"] == str(len(_papers_of(graph, f"entity:{top['id']}")))
    as_json = runner.invoke(
        app, ["query", str(path), "-n", "aliases", "-p", f"name={top['label']}", "-o", "json"]
    )
    data = json.loads(as_json.output)
    assert data["head"]["vars"] == ["id", "label", "type", "alias"]
    assert data["results"]["bindings"][0]["label"] == {"type": "literal", "value": top["label"]}
    table = runner.invoke(app, ["query", str(path), "-n", "top-models", "--limit", "3"])
    assert table.exit_code == 0 and top["label"] in table.output and "3 rows" in table.output


def test_cli_hand_written_query_and_rq_file(seed, tmp_path):
    graph, path, _ = seed
    papers = sum(1 for _, d in graph.nodes(data=True) if d["kind"] == "paper")
    text = "SELECT (COUNT(?p) AS ?n) WHERE { ?p a schema:ScholarlyArticle }"
    for engine in ("oxigraph", "rdflib"):
        result = runner.invoke(app, ["query", str(path), text, "-o", "csv", "--engine", engine])
        assert result.exit_code == 0, result.output
        assert result.output.split() == ["n", str(papers)]
    rq = tmp_path / "ask.rq"
    rq.write_text("ASK { ?p a schema:ScholarlyArticle }", encoding="utf-8")
    assert runner.invoke(app, ["query", str(path), str(rq)]).output.strip() == "true"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--named", "aliases"], "missing --param name"),
        (["--named", "nope"], "no named query"),
        (["SELECT nonsense"], "bad SPARQL"),
        (["--named", "aliases", "--param", "name"], "NAME=VALUE"),
    ],
)
def test_cli_errors_are_one_line(seed, args, message):
    _, path, _ = seed
    result = runner.invoke(app, ["query", str(path), *args])
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("command", [["query", "{path}", "ASK {}"], ["serve", "{path}", "--port", "0"]])
def test_cli_missing_graph_is_one_line(command, tmp_path):
    path = str(tmp_path / "none.ttl")
    result = runner.invoke(app, [part.replace("{path}", path) for part in command])
    assert result.exit_code == 1
    assert "no such file" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_co_occurring_methods_count_papers_once_when_a_name_matches_two_entities(tmp_path, engine):
    graph = nx.MultiDiGraph(kg_format=GRAPH_FORMAT_VERSION)
    for pid in ("p1", "p2"):
        graph.add_node(
            f"paper:{pid}",
            kind="paper",
            id=pid,
            label=pid,
            title=pid,
            abstract="",
            date="",
            url="",
            arxiv_id="",
            sources=[],
        )
    for eid, type_, aliases in [
        ("a1", "Model", ["shared"]),
        ("a2", "Model", ["shared"]),
        ("m", "Method", []),
    ]:
        graph.add_node(
            f"entity:{eid}",
            kind="entity",
            id=eid,
            label=eid.upper(),
            type=type_,
            aliases=aliases,
            paper_count=1,
            mention_count=1,
            confidence=0.9,
            catalogue_id="",
        )
    links = [("p1", "a1"), ("p1", "a2"), ("p1", "m"), ("p2", "a1"), ("p2", "m")]
    for pid, eid in links:
        graph.add_edge(
            f"paper:{pid}",
            f"entity:{eid}",
            key="mentions",
            relation="mentions",
            confidence=0.9,
            mentions=[eid],
            evidence=[],
            rules=[],
        )
    write_rdf(graph, tmp_path / "g.ttl")
    records = run_query(
        tmp_path / "g.ttl", named="co-occurring-methods", params={"name": "Shared"}, engine=engine
    )
    assert records.records() == [{"label": "M", "papers": 2}]
