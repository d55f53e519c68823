"""RDF export and import: formats, determinism, safe IRIs, base IRI, and round trips.

The round trips run on the seed build and on hypothesis-generated graphs whose ids, labels
and texts are hostile (quotes, angle brackets, percent signs, backslashes, LaTeX, control
characters, any Unicode).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import networkx as nx
import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.cli import app
from kg.graph import GRAPH_FORMAT_VERSION, save_graph_json
from kg.namespace import DCTERMS, RDF, SCHEMA
from kg.rdf import RDF_FORMATS, check_base_iri, entity_iri, paper_iri, to_rdflib, write_rdf
from kg.rdfread import canonical_form, from_rdflib, parse_rdflib, read_rdf

FORMATS = sorted(RDF_FORMATS)
runner = CliRunner()

HOSTILE = [
    "plain",
    "two words",
    'a "quoted" name',
    "it's",
    "<angle> & brackets",
    "100% sure",
    "%41 already escaped",
    "naïve Bayes",
    "深度学习",
    "emoji 🤖 model",
    r"\frac{a}{b}_$x^2$ \mathcal{L}",
    "path/with/slashes?and#fragment",
    "tab\tnew\nline",
    "back\\slash",
    "{curly}|pipe^caret`tick",
    "",
    " ",
    "nul\x00char",
    "\u200bzero width",
]
# What may follow the base IRI: unreserved characters, percent escapes and kg's path words.
SAFE_TAIL = re.compile(r"(?:[A-Za-z0-9\-._~/]|%[0-9A-F]{2})*")


@pytest.fixture(scope="module")
def seed_graph(seed_build) -> nx.MultiDiGraph:
    result, _ = seed_build
    return result.graph


# ---------------------------------------------------------------- IRIs


@pytest.mark.parametrize("name", HOSTILE)
def test_minted_iris_are_valid_and_distinct(name):
    for mint, kind in ((paper_iri, "paper/"), (entity_iri, "entity/")):
        iri = str(mint(name))
        ox.NamedNode(iri)  # raises ValueError on an invalid IRI
        tail = iri.removeprefix("https://kg.example.org/id/")
        assert tail.startswith(kind) and SAFE_TAIL.fullmatch(tail), iri
    others = {str(entity_iri(other)) for other in HOSTILE if other != name}
    assert str(entity_iri(name)) not in others


@pytest.mark.parametrize(
    "base", ["https://example.org/kg/", "http://example.org/kg#", "urn:example:kg:", "https://例え.jp/kg/"]
)
def test_base_iri_is_settable(base, seed_graph, tmp_path):
    path = tmp_path / "g.nt"
    write_rdf(seed_graph, path, format="ntriples", base=base)
    parsed = Graph().parse(path, format="nt")
    papers = set(parsed.subjects(RDF.type, SCHEMA.ScholarlyArticle))
    assert len(papers) == 83
    assert all(str(p).startswith(f"{base}paper/") for p in papers)


@pytest.mark.parametrize(
    ("base", "why"),
    [
        ("example.org/kg/", "absolute"),
        ("https://example.org/my kg/", "character"),
        ("https://example.org/<kg>/", "character"),
        ("https://example.org/kg", "must end"),
    ],
)
def test_bad_base_iris_are_refused(base, why):
    with pytest.raises(ValueError, match=why):
        check_base_iri(base)


def test_build_cli_refuses_a_bad_base_iri_in_one_line(tmp_path):
    result = runner.invoke(app, ["build", "examples", "--base-iri", "not an iri", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "base IRI" in result.output and "Traceback" not in result.output


# ---------------------------------------------------------------- formats and determinism


@pytest.mark.parametrize("format", FORMATS)
def test_every_format_parses_to_the_same_triples_as_rdflib(format, seed_graph, tmp_path):
    path = tmp_path / f"g{RDF_FORMATS[format]}"
    count = write_rdf(seed_graph, path, format=format)
    expected = to_rdflib(seed_graph)
    parsed = parse_rdflib(path)
    assert count == len(expected) == len(parsed)
    assert isomorphic(expected, parsed)


def test_turtle_uses_kg_prefixes(seed_graph, tmp_path):
    path = tmp_path / "g.ttl"
    write_rdf(seed_graph, path)
    text = path.read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("@prefix")]
    assert header == sorted(header) and "@prefix kg: <https://kg.example.org/ontology#> ." in header
    assert "paper:" in text and "schema:ScholarlyArticle" in text


def _shuffled_copy(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The same graph, nodes and edges inserted in reverse, lists reversed."""
    copy = nx.MultiDiGraph(**graph.graph)
    for node, data in reversed(list(graph.nodes(data=True))):
        copy.add_node(node, **{k: v[::-1] if isinstance(v, list) else v for k, v in data.items()})
    for u, v, key, data in reversed(list(graph.edges(keys=True, data=True))):
        copy.add_edge(u, v, key=key, **{k: x[::-1] if isinstance(x, list) else x for k, x in data.items()})
    return copy


@pytest.mark.parametrize("format", FORMATS)
def test_export_is_byte_identical_whatever_the_insertion_order(format, seed_graph, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    write_rdf(seed_graph, first, format=format)
    write_rdf(_shuffled_copy(seed_graph), second, format=format)
    assert first.read_bytes() == second.read_bytes()


def test_export_is_byte_identical_across_processes(seed_graph, tmp_path):
    """Same input in two interpreters with different hash seeds: the same bytes."""
    save_graph_json(seed_graph, tmp_path / "graph.json")
    script = (
        "import sys; from kg.graph import load_graph_json; from kg.rdf import write_rdf\n"
        "g = load_graph_json(sys.argv[1])\n"
        "for f, ext in (('turtle', 'ttl'), ('ntriples', 'nt'), ('jsonld', 'jsonld')):\n"
        "    write_rdf(g, f'{sys.argv[2]}.{ext}', format=f)\n"
    )
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-c", script, str(tmp_path / "graph.json"), str(tmp_path / seed)],
            check=True,
            env=env,
        )
    for ext in ("ttl", "nt", "jsonld"):
        assert (tmp_path / f"1.{ext}").read_bytes() == (tmp_path / f"2.{ext}").read_bytes(), ext


@pytest.mark.parametrize(("format", "name"), [("ntriples", "graph.nt"), ("jsonld", "graph.jsonld")])
def test_build_cli_rdf_format_option(format, name, tmp_path):
    result = runner.invoke(
        app, ["build", "examples", "--rdf-format", format, "--out", str(tmp_path), "--quiet"]
    )
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "graph.ttl").exists()
    parsed = parse_rdflib(tmp_path / name)
    assert len(set(parsed.subjects(RDF.type, SCHEMA.ScholarlyArticle))) == 18


# ---------------------------------------------------------------- round trips


@pytest.mark.parametrize("format", FORMATS)
def test_seed_round_trip(format, seed_graph, tmp_path):
    path = tmp_path / f"g{RDF_FORMATS[format]}"
    write_rdf(seed_graph, path, format=format)
    back = read_rdf(path)
    assert nx.utils.graphs_equal(back, canonical_form(seed_graph))
    assert back.number_of_nodes() == seed_graph.number_of_nodes()
    assert back.number_of_edges() == seed_graph.number_of_edges()
    again = tmp_path / f"again{RDF_FORMATS[format]}"
    write_rdf(back, again, format=format)
    assert isomorphic(parse_rdflib(path), parse_rdflib(again))
    assert path.read_bytes() == again.read_bytes()


def test_from_rdflib_reads_to_rdflib(seed_graph):
    assert nx.utils.graphs_equal(from_rdflib(to_rdflib(seed_graph)), canonical_form(seed_graph))


def test_read_rdf_refuses_what_kg_did_not_write(tmp_path):
    path = tmp_path / "other.ttl"
    g = Graph()
    g.add((URIRef("https://x.org/p"), RDF.type, SCHEMA.ScholarlyArticle))
    g.add((URIRef("https://x.org/p"), DCTERMS.title, Literal("no identifier")))
    g.serialize(path, format="turtle")
    with pytest.raises(ValueError, match="no dcterms:identifier"):
        read_rdf(path)
    (tmp_path / "bad.nt").write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not valid ntriples"):
        read_rdf(tmp_path / "bad.nt")


names = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=12))
relations = st.sampled_from(["mentions", "uses", "evaluates_on", "compares_with", "proposes"])
types = st.sampled_from(["Method", "Model", "Dataset", "Benchmark", "Task", "Metric"])
dates = st.sampled_from(["", "2024", "2024-03", "2024-03-15", "--08-07", "2024-02-30", "spring"])
unit = st.floats(min_value=0, max_value=1, allow_nan=False)
evidence = st.builds(
    lambda text, start, width, sentence, sentence_start: {
        "text": text,
        "start": start,
        "end": start + width,
        "sentence": sentence,
        "sentence_start": sentence_start,
    },
    names,
    st.integers(0, 400),
    st.integers(1, 40),
    names,
    st.integers(0, 400),
)


@st.composite
def graphs(draw) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph(kg_format=GRAPH_FORMAT_VERSION)
    paper_ids = draw(st.lists(names, min_size=1, max_size=3, unique=True))
    entity_ids = draw(st.lists(names, min_size=1, max_size=4, unique=True))
    for pid in paper_ids:
        title = draw(names)
        graph.add_node(
            f"paper:{pid}",
            kind="paper",
            id=pid,
            label=title,
            title=title,
            abstract=draw(names),
            date=draw(dates),
            url=draw(st.sampled_from(["", "https://arxiv.org/abs/2401.00001"])),
            arxiv_id=draw(st.sampled_from(["", "2401.00001", "cs/0101001"])),
            sources=draw(st.lists(names, max_size=2, unique=True)),
        )
    for eid in entity_ids:
        graph.add_node(
            f"entity:{eid}",
            kind="entity",
            id=eid,
            label=draw(names),
            type=draw(types),
            aliases=draw(st.lists(names, max_size=3, unique=True)),
            paper_count=draw(st.integers(0, 10**6)),
            mention_count=draw(st.integers(0, 10**6)),
            confidence=draw(unit),
            catalogue_id=draw(st.sampled_from(["", "catalogue-key", "naïve bayes"])),
        )
    for pid in paper_ids:
        for eid in draw(st.lists(st.sampled_from(entity_ids), max_size=3, unique=True)):
            for relation in draw(st.lists(relations, min_size=1, max_size=2, unique=True)):
                graph.add_edge(
                    f"paper:{pid}",
                    f"entity:{eid}",
                    key=relation,
                    relation=relation,
                    confidence=draw(unit),
                    mentions=draw(st.lists(names, max_size=3, unique=True)),
                    evidence=draw(st.lists(evidence, max_size=3)),
                    rules=draw(st.lists(st.sampled_from(["catalogue", "called", "shape"]), unique=True)),
                )
    if len(entity_ids) > 1 and draw(st.booleans()):
        graph.add_edge(
            f"entity:{entity_ids[0]}", f"entity:{entity_ids[1]}", key="variant_of", relation="variant_of"
        )
    return graph


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(graph=graphs(), format=st.sampled_from(FORMATS))
def test_hostile_graphs_round_trip(graph, format, tmp_path):
    path = tmp_path / f"g{RDF_FORMATS[format]}"
    write_rdf(graph, path, format=format)
    parsed = parse_rdflib(path)  # an independent parser accepts every IRI and literal
    assert isomorphic(parsed, to_rdflib(graph))
    back = read_rdf(path)
    assert nx.utils.graphs_equal(back, canonical_form(graph))
    assert isomorphic(to_rdflib(back), parsed)


def test_kg_load_reads_the_rdf_output(seed_build):
    import kg

    result, paths = seed_build
    assert nx.utils.graphs_equal(kg.load(paths["ttl"]), canonical_form(result.graph))


def test_export_to_jsonld_from_the_command_line(tmp_path):
    from rdflib import Graph
    from rdflib.compare import isomorphic

    import kg
    from kg.rdf import to_rdflib

    out = tmp_path / "b"
    assert runner.invoke(app, ["build", "examples", "-o", str(out), "-q"]).exit_code == 0
    result = runner.invoke(app, ["export", str(out), "--to", "jsonld", "-o", str(tmp_path / "g.jsonld")])
    assert result.exit_code == 0, result.output
    back = Graph().parse(tmp_path / "g.jsonld", format="json-ld")
    assert isomorphic(back, to_rdflib(kg.load(out)))
    assert '"@context"' in (tmp_path / "g.jsonld").read_text()[:200]
