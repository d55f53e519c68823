"""The extraction cache: exact round trips, hits, misses, invalidation, pruning, and builds on it."""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import kg
from kg.cache import (
    CACHE_FILE,
    CacheError,
    ExtractionCache,
    content_key,
    decode_extraction,
    encode_extraction,
)
from kg.cli import EXIT_SKIPPED, app
from kg.graph import build_graph, node_link_text
from kg.io import staged_files
from kg.nlp.pipeline import extract_papers, make_pipeline, pipeline_fingerprint
from kg.records import Evidence, ExtractedEntity, Paper, PaperExtraction, SourceRef

from .conftest import FIXTURES, REPO

runner = CliRunner()
OUTPUTS = ("graph.json", "papers.jsonl", "graph.ttl", "graph.html")


@pytest.fixture(scope="module")
def seed_extractions(seeds_dir, nlp):
    papers, _ = kg.read([seeds_dir])
    return list(extract_papers(papers, nlp))


@pytest.fixture
def catalogue_file(tmp_path):
    path = tmp_path / "extra.jsonl"
    entry = {"name": "Frobnicating Network", "type": "Model", "aliases": ["FrobNet"]}
    path.write_text(json.dumps(entry) + "\n")
    return path


def _corpus(tmp_path, papers):
    path = tmp_path / "papers.jsonl"
    with path.open("w") as stream:
        for id_, title, abstract in papers:
            stream.write(json.dumps({"id": id_, "title": title, "abstract": abstract}) + "\n")
    return path


SMALL = [
    ("c1", "FrobNet for Parsing", "We train FrobNet and compare it with BERT on GLUE."),
    ("c2", "Sparse Routers", "We propose RouteMix, a router evaluated on MMLU and GSM8K."),
    ("c3", "Token Budgets", "We fine-tune Llama-2-7B with LoRA and report accuracy on HellaSwag."),
]


def test_every_seed_extraction_round_trips_exactly(seed_extractions):
    assert sum(len(x.entities) for x in seed_extractions) > 50
    for extraction in seed_extractions:
        assert decode_extraction(encode_extraction(extraction), extraction.paper) == extraction


def test_round_trip_keeps_unrounded_floats_none_and_unicode():
    ev = Evidence("Zürich-Net", 0, 10, "Zürich-Net — wins.", 0, "proposes")
    entity = ExtractedEntity(
        "Zürich-Net", "Model", ["Zürich-Net"], [ev], proposed=True, relation="proposes", confidence=0.1 + 0.2
    )
    sources = (SourceRef("a:b.txt"), SourceRef("f", 7))
    paper = Paper("p:1\ud800", "Zürich-Net", "Zürich-Net — wins.", sources=sources)  # a lone surrogate
    back = decode_extraction(encode_extraction(PaperExtraction(paper, [entity])), paper)
    assert back.entities[0].confidence == 0.30000000000000004
    assert back.entities[0].catalogue_id is None and back.entities[0].parent is None
    assert back.paper.sources == (SourceRef("a:b.txt", None), SourceRef("f", 7))
    assert back == PaperExtraction(paper, [entity])


def test_hit_miss_and_current_paper_metadata(tmp_path, seed_extractions):
    path = tmp_path / CACHE_FILE
    extractions = seed_extractions[:10]
    papers = [x.paper for x in extractions]
    with ExtractionCache(path, "fp-a") as cache:
        assert cache.get_many(papers) == {}
        assert cache.put(extractions[:6]) == 6
    with ExtractionCache(path, "fp-a") as cache:
        hits = cache.get_many(papers)
        assert sorted(hits) == list(range(6))
        assert [hits[i] for i in range(6)] == extractions[:6]
        # same text, new date: still a hit, and the hit carries the paper as read now
        redated = replace(papers[0], date="1999-01-01")
        assert cache.get_many([redated])[0].paper.date == "1999-01-01"
        # a changed abstract or id is a miss
        assert cache.get_many([replace(papers[1], abstract=papers[1].abstract + " More.")]) == {}
        assert cache.get_many([replace(papers[1], id="other")]) == {}
    with ExtractionCache(path, "fp-b") as cache:  # another pipeline sees nothing
        assert cache.get_many(papers) == {}
        assert len(cache) == 0 and cache.total_rows() == 6


def test_prune_drops_other_fingerprints_and_unkept_papers(tmp_path, seed_extractions):
    path = tmp_path / CACHE_FILE
    with ExtractionCache(path, "old") as cache:
        cache.put(seed_extractions[:5])
    with ExtractionCache(path, "new") as cache:
        cache.put(seed_extractions[:8])
        assert cache.prune() == 5
        assert cache.total_rows() == 8
        assert cache.prune(keep=[x.paper for x in seed_extractions[:3]]) == 5
        assert sorted(cache.get_many([x.paper for x in seed_extractions[:8]])) == [0, 1, 2]


def test_content_key_reads_what_extraction_reads():
    paper = Paper("p1", "T", "A", date="2024", url="u", sources=(SourceRef("x"),))
    assert content_key(paper) == content_key(replace(paper, date=None, url=None, sources=()))
    assert content_key(paper) != content_key(replace(paper, title="T2"))


def test_fingerprint_follows_catalogue_content_and_settings(tmp_path, catalogue_file):
    base = pipeline_fingerprint(make_pipeline())
    with_extra = pipeline_fingerprint(make_pipeline(catalogue_files=[str(catalogue_file)]))
    assert with_extra != base
    moved = tmp_path / "moved.jsonl"
    moved.write_bytes(catalogue_file.read_bytes())
    assert pipeline_fingerprint(make_pipeline(catalogue_files=[str(moved)])) == with_extra
    moved.write_text(catalogue_file.read_text().replace("FrobNet", "FrobNetwork"))
    assert pipeline_fingerprint(make_pipeline(catalogue_files=[str(moved)])) != with_extra
    assert pipeline_fingerprint(make_pipeline(min_confidence=0.3)) != base


def test_older_schema_is_emptied_and_garbage_is_a_clear_error(tmp_path, seed_extractions):
    path = tmp_path / CACHE_FILE
    with ExtractionCache(path, "fp") as cache:
        cache.put(seed_extractions[:3])
        cache.set_meta("schema", "0")
    with ExtractionCache(path, "fp") as cache:
        assert cache.total_rows() == 0
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is no database" * 100)
    with pytest.raises(CacheError, match="not a usable kg cache"):
        ExtractionCache(bad, "fp")


def test_builds_extract_only_new_changed_or_invalidated_papers(tmp_path, catalogue_file):
    cache = tmp_path / "out" / CACHE_FILE
    corpus = _corpus(tmp_path, SMALL)
    first = kg.build([corpus], cache=cache)
    assert (first.cached, first.extracted) == (0, 3)
    again = kg.build([corpus], cache=cache)
    assert (again.cached, again.extracted) == (3, 0)
    assert again.extractions == first.extractions
    changed = [*SMALL[:2], ("c3", "Token Budgets", "We now use QLoRA.")]
    corpus = _corpus(tmp_path, [*changed, ("c4", "New Paper", "We study ResNet-50 on ImageNet.")])
    third = kg.build([corpus], cache=cache)
    assert (third.cached, third.extracted) == (2, 2)
    fourth = kg.build([corpus], cache=cache, catalogue=[catalogue_file])
    assert (fourth.cached, fourth.extracted) == (0, 4)
    frob = [e for e in fourth.extractions[0].entities if "FrobNet" in e.mentions]
    assert frob and frob[0].catalogue_id == "frobnicating-network"


def test_interrupted_extraction_keeps_its_finished_batches(tmp_path, seeds_dir):
    cache = tmp_path / CACHE_FILE
    seen = []

    def stop_after_40(n):
        seen.append(n)
        if len(seen) == 40:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        kg.build([seeds_dir], cache=cache, progress=stop_after_40)
    with sqlite3.connect(cache) as db:
        rows = db.execute("SELECT COUNT(*) FROM extractions").fetchone()[0]
    assert rows == 40  # the batch under way was saved on the way out
    resumed = kg.build([seeds_dir], cache=cache)
    assert resumed.resumed and (resumed.cached, resumed.extracted) == (40, 43)
    assert resumed.extractions == kg.build([seeds_dir]).extractions


def test_staged_outputs_replace_all_or_nothing(tmp_path):
    (tmp_path / "a.txt").write_text("old a")
    (tmp_path / "b.txt").write_text("old b")
    with pytest.raises(RuntimeError), staged_files(tmp_path) as stage:
        stage.path("a.txt").write_text("new a")
        stage.path("b.txt").write_text("new b")
        raise RuntimeError("crash before the renames")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]
    assert (tmp_path / "a.txt").read_text() == "old a"
    with staged_files(tmp_path) as stage:
        stage.path("a.txt").write_text("new a")
        stage.remove("b.txt")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
    assert (tmp_path / "a.txt").read_text() == "new a"


def test_builds_are_byte_identical_twice_and_with_or_without_cache(tmp_path, seeds_dir):
    inputs = [str(seeds_dir), str(REPO / "examples")]
    runs = {"cold": [], "warm": [], "nocache": ["--no-cache"]}
    for name in ("cold", "nocache"):
        result = runner.invoke(app, ["build", *inputs, "--out", str(tmp_path / name), *runs[name]])
        assert result.exit_code == 0, result.output
    (tmp_path / "warm").mkdir()
    (tmp_path / "cold" / CACHE_FILE).rename(tmp_path / "warm" / CACHE_FILE)
    result = runner.invoke(app, ["build", *inputs, "--out", str(tmp_path / "warm")])
    assert result.exit_code == 0, result.output
    assert "101 from cache, 0 extracted" in " ".join(result.output.split())
    assert not (tmp_path / "nocache" / CACHE_FILE).exists()
    for name in OUTPUTS:
        cold = (tmp_path / "cold" / name).read_bytes()
        assert cold == (tmp_path / "warm" / name).read_bytes(), name
        assert cold == (tmp_path / "nocache" / name).read_bytes(), name


def test_unchanged_outputs_are_left_alone_and_damaged_ones_rewritten(tmp_path):
    corpus = _corpus(tmp_path, SMALL)
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(corpus), "--out", str(out)]).exit_code == 0
    before = {n: (out / n).stat().st_mtime_ns for n in OUTPUTS}
    result = runner.invoke(app, ["build", str(corpus), "--out", str(out)])
    assert result.exit_code == 0 and "up to date" in result.output
    assert {n: (out / n).stat().st_mtime_ns for n in OUTPUTS} == before
    good = (out / "graph.html").read_bytes()
    (out / "graph.html").write_text("damaged")
    result = runner.invoke(app, ["build", str(corpus), "--out", str(out), "--max-nodes", "1500"])
    assert result.exit_code == 0 and "up to date" not in result.output
    assert (out / "graph.html").read_bytes() == good
    result = runner.invoke(app, ["build", str(corpus), "--out", str(out), "--max-nodes", "2"])
    assert "up to date" not in result.output and (out / "graph.html").read_bytes() != good


def test_cli_cache_errors_are_one_line(tmp_path):
    good = str(FIXTURES / "good.jsonl")
    result = runner.invoke(app, ["build", good, "--out", str(tmp_path), "--resume", "--no-cache"])
    assert result.exit_code == 1 and "--resume needs the cache" in result.output
    (tmp_path / CACHE_FILE).write_bytes(b"garbage" * 1000)
    result = runner.invoke(app, ["build", good, "--out", str(tmp_path)])
    assert result.exit_code == 1 and "not a usable kg cache" in result.output
    assert "Traceback" not in result.output
    result = runner.invoke(app, ["build", good, "--out", str(tmp_path / "fresh"), "--resume"])
    assert result.exit_code == 0 and "nothing to resume" in result.output


_text = st.text(max_size=30)
_evidence = st.builds(
    Evidence, _text, st.integers(0, 10**6), st.integers(0, 10**6), _text, st.integers(0, 10**6), _text
)
_entity = st.builds(
    ExtractedEntity,
    name=_text,
    type=st.sampled_from(["Method", "Model", "Dataset", "Benchmark", "Task", "Metric"]),
    mentions=st.lists(_text, max_size=3),
    evidence=st.lists(_evidence, max_size=3),
    proposed=st.booleans(),
    relation=_text,
    confidence=st.floats(allow_nan=False),
    sources=st.lists(_text, max_size=2),
    catalogue_id=st.none() | _text,
    parent=st.none() | _text,
)
_paper = st.builds(
    Paper,
    id=_text,
    title=_text,
    abstract=_text,
    date=st.none() | _text,
    url=st.none() | _text,
    arxiv_id=st.none() | _text,
    sources=st.lists(st.builds(SourceRef, _text, st.none() | st.integers(1, 10**6)), max_size=2).map(tuple),
)


@given(st.builds(PaperExtraction, _paper, st.lists(_entity, max_size=4)))
@settings(max_examples=200, deadline=None)
def test_any_extraction_round_trips_exactly(extraction):
    assert decode_extraction(encode_extraction(extraction), extraction.paper) == extraction
    assert len(content_key(extraction.paper)) == 32


def test_rows_hold_offsets_not_the_papers_text(seed_extractions):
    import zlib

    extraction = max(seed_extractions, key=lambda x: len(x.entities))
    row = zlib.decompress(encode_extraction(extraction)).decode("utf-8")
    sentence = max((ev.sentence for e in extraction.entities for ev in e.evidence), key=len)
    assert len(sentence) > 40 and sentence not in row
    assert extraction.paper.abstract[:40] not in row
    assert decode_extraction(encode_extraction(extraction), extraction.paper) == extraction


def test_piece_maps_are_saved_and_replaced_by_kind(tmp_path):
    with ExtractionCache(tmp_path / CACHE_FILE, "fp") as cache:
        assert cache.get_piece_map("jsonl") is None
        maps = [("jsonl", "papers.jsonl", 10, 5, b"[1]"), ("json", "graph.json", 3, 4, b"")]
        assert cache.put_piece_maps(maps) == 2
        cache.put_piece_maps([("jsonl", "papers.jsonl", 12, 6, b"[2]")])
    with ExtractionCache(tmp_path / CACHE_FILE, "other fingerprint") as cache:  # maps are per folder
        assert cache.get_piece_map("jsonl") == ("papers.jsonl", 12, 6, b"[2]")
        assert cache.get_piece_map("json") == ("graph.json", 3, 4, b"")


def test_a_schema_3_cache_loses_its_output_text_table(tmp_path):
    import sqlite3

    path = tmp_path / CACHE_FILE
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("INSERT INTO meta VALUES ('schema', '3')")
    db.execute("CREATE TABLE fragments (kind TEXT, key TEXT, count INTEGER, data BLOB)")
    db.commit()
    db.close()
    with ExtractionCache(path, "fp") as cache:
        tables = {row[0] for row in cache._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "fragments" not in tables and "piece_maps" in tables


@pytest.mark.parametrize("change", ["touched", "edited", "deleted"])
def test_an_output_changed_on_disk_is_not_reused(change, tmp_path):
    """Pieces are copied from the previous file only while it is the file the cache mapped."""
    out = tmp_path / "out"
    corpus = _corpus(tmp_path, SMALL)
    kg.build([corpus], cache=out / CACHE_FILE).write(out)
    target = out / "papers.jsonl"
    if change == "touched":
        info = target.stat()
        os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns + 10**9))
    elif change == "edited":
        target.write_bytes(target.read_bytes().replace(b'"id"', b'"ident"'))
    else:
        target.unlink()
    grown = [*SMALL, ("c9", "Sparse Probes", "We train sparse probes on GPT-2 with MMLU.")]
    result = kg.build([_corpus(tmp_path, grown)], cache=out / CACHE_FILE)
    result.write(out)
    assert 0 < result.reused_parts <= 2 * len(SMALL)  # only graph.json and the Turtle reused theirs
    fresh = tmp_path / "fresh"
    kg.build([_corpus(tmp_path, grown)]).write(fresh)
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name


@pytest.mark.parametrize("rdf_format", ["turtle", "ntriples"])
def test_grown_build_writes_the_bytes_of_a_fresh_build(rdf_format, tmp_path, seeds_dir):
    """Outputs after adding papers to a cached build equal a from-scratch build of the same corpus."""
    files = sorted(seeds_dir.glob("*.txt"))
    first, grown = files[:70], [*files, REPO / "examples"]
    grow, fresh = tmp_path / "grow", tmp_path / "fresh"
    kg.build(first, cache=grow / CACHE_FILE).write(grow, rdf_format=rdf_format)
    result = kg.build(grown, cache=grow / CACHE_FILE)
    assert result.cached > 0 and result.extracted > 0
    result.write(grow, rdf_format=rdf_format)
    assert result.reused_parts > 0  # pieces of the unchanged papers came from the cache
    assert result.reused_entity_parts > 0  # and of the entities no new paper touched
    # the write filled only the edges it rendered; the graph handed out afterwards is whole
    whole = build_graph(result.extractions, catalogue=result.catalogue)
    assert node_link_text(result.graph) == node_link_text(whole)
    again = kg.build(grown, cache=fresh / CACHE_FILE)
    again.write(fresh, rdf_format=rdf_format)
    assert again.reused_parts == 0 and again.reused_entity_parts == 0
    rdf = "graph.ttl" if rdf_format == "turtle" else "graph.nt"
    for name in (rdf, "graph.json", "papers.jsonl", "graph.html"):
        assert (grow / name).read_bytes() == (fresh / name).read_bytes(), name
    # and so does a build with no cache at all
    kg.build(grown).write(tmp_path / "plain", rdf_format=rdf_format)
    for name in (rdf, "graph.json", "papers.jsonl", "graph.html"):
        assert (grow / name).read_bytes() == (tmp_path / "plain" / name).read_bytes(), name


def test_changed_papers_and_renamed_entities_are_rendered_again(tmp_path):
    """A paper whose text changed, or whose entity got another name, is not taken from the cache."""
    out = tmp_path / "out"
    corpus = _corpus(tmp_path, SMALL)
    kg.build([corpus], cache=out / CACHE_FILE).write(out)
    changed = [
        SMALL[0],
        SMALL[1],
        ("c3", "Token Budgets", "We fine-tune Llama-2-7B with QLoRA on HellaSwag."),
    ]
    result = kg.build([_corpus(tmp_path, changed)], cache=out / CACHE_FILE)
    result.write(out)
    fresh = tmp_path / "fresh"
    kg.build([_corpus(tmp_path, changed)]).write(fresh)
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name
    assert 0 < result.reused_parts < 3 * len(SMALL)


def test_the_fingerprint_is_read_back_while_the_pipeline_inputs_are_unchanged(tmp_path, monkeypatch):
    """A re-run does not build a pipeline (nor import spaCy) just to learn its fingerprint."""
    import kg.engines
    from kg.api import _fingerprint
    from kg.engines import PipelineSettings, pipeline_for

    extra = tmp_path / "extra.jsonl"
    extra.write_text(json.dumps({"name": "Zorblax", "type": "Method"}) + "\n", encoding="utf-8")
    path = tmp_path / CACHE_FILE
    settings = PipelineSettings.of([extra])
    first = _fingerprint(settings, path)
    assert first == pipeline_fingerprint(pipeline_for(settings))

    def no_pipeline(settings):
        raise AssertionError("the pipeline was built")

    monkeypatch.setattr(kg.engines, "pipeline_for", no_pipeline)
    assert _fingerprint(PipelineSettings.of([extra]), path) == first
    monkeypatch.undo()

    extra.write_text(json.dumps({"name": "Zorblax", "type": "Dataset"}) + "\n", encoding="utf-8")
    changed = PipelineSettings.of([extra])
    second = _fingerprint(changed, path)
    assert second != first and second == pipeline_fingerprint(pipeline_for(changed))


def test_linking_after_extracting_borrows_the_pipelines_catalogue(tmp_path):
    """The graph is linked with the catalogue the pipeline that extracted the papers holds,
    not a second copy read from the same files; an edited file is read afresh."""
    from kg.api import _load_catalogue
    from kg.engines import PipelineSettings, pipeline_for

    extra = tmp_path / "extra.jsonl"
    extra.write_text(json.dumps({"name": "Zorblax", "type": "Method"}) + "\n", encoding="utf-8")
    held = pipeline_for(PipelineSettings.of([extra])).get_pipe("kg_catalogue").catalogue
    assert _load_catalogue((str(extra),), None) is held
    extra.write_text(json.dumps({"name": "Zorblax", "type": "Dataset"}) + "\n", encoding="utf-8")
    reread = _load_catalogue((str(extra),), None)
    assert reread is not held and reread.get("Zorblax").type == "Dataset"


def _no_reading(monkeypatch):
    """Make any read of an input file fail the test."""
    import kg.sources

    def refuse(path, **kwargs):
        raise AssertionError(f"{path} was read")

    monkeypatch.setattr(kg.sources, "read_file", refuse)


def test_an_unchanged_rerun_reads_nothing(tmp_path, monkeypatch):
    """`kg build` on inputs whose files, options and pipeline are as recorded answers from the
    record, with the same summary and exit status as a full run."""
    folder = tmp_path / "in"
    folder.mkdir()
    _corpus(folder, SMALL)
    (folder / "bad.jsonl").write_text('{"title": "No abstract here"}\n', encoding="utf-8")
    out = tmp_path / "out"
    first = runner.invoke(app, ["build", str(folder), "--out", str(out)])
    assert first.exit_code == EXIT_SKIPPED, first.output  # a record was skipped
    _no_reading(monkeypatch)
    again = runner.invoke(app, ["build", str(folder), "--out", str(out)])
    assert again.exit_code == EXIT_SKIPPED, again.output
    assert "up to date" in again.output and "3 from cache, 0 extracted" in again.output
    assert "has no abstract" in again.output  # the skipped record is reported again
    allowed = runner.invoke(app, ["build", str(folder), "--out", str(out), "--allow-skipped"])
    assert allowed.exit_code == 0, allowed.output


@pytest.mark.parametrize(
    "change",
    ["touch an input", "add an input file", "edit an output", "other options", "other catalogue"],
)
def test_a_changed_build_is_not_taken_from_the_record(change, tmp_path, catalogue_file):
    from kg.api import recorded_build

    folder = tmp_path / "in"
    folder.mkdir()
    _corpus(folder, SMALL)
    out = tmp_path / "out"
    kg.build([folder], cache=out / CACHE_FILE).write(out)
    assert recorded_build([folder], out) is not None
    options: dict = {}
    if change == "touch an input":
        path = folder / "papers.jsonl"
        info = path.stat()
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 10**9))
    elif change == "add an input file":
        (folder / "more.jsonl").write_text(
            json.dumps({"id": "c4", "title": "More", "abstract": "We use BERT."}) + "\n", encoding="utf-8"
        )
    elif change == "edit an output":
        (out / "graph.json").write_text("{}", encoding="utf-8")
    elif change == "other options":
        options = {"max_nodes": 10}
    else:
        options = {"catalogue": [catalogue_file]}
    assert recorded_build([folder], out, **options) is None


def test_a_touched_input_is_recorded_again_by_the_up_to_date_run(tmp_path, monkeypatch):
    from kg.api import recorded_build

    corpus = _corpus(tmp_path, SMALL)
    out = tmp_path / "out"
    kg.build([corpus], cache=out / CACHE_FILE).write(out)
    info = corpus.stat()
    os.utime(corpus, ns=(info.st_atime_ns, info.st_mtime_ns + 10**9))
    assert recorded_build([corpus], out) is None
    result = kg.build([corpus], cache=out / CACHE_FILE)
    result.write(out)
    assert result.up_to_date  # same papers: nothing rewritten, but the new times are recorded
    assert recorded_build([corpus], out) is not None


def test_standard_input_is_never_taken_from_the_record(tmp_path):
    from kg.api import recorded_build

    corpus = _corpus(tmp_path, SMALL)
    out = tmp_path / "out"
    kg.build([corpus], cache=out / CACHE_FILE).write(out)
    assert recorded_build(["-"], out) is None
    assert recorded_build([corpus], tmp_path / "never-built") is None
