"""Scale: the process pool and the Dask engine give the outputs of one process, byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph
from typer.testing import CliRunner

import kg
import kg.cache
import kg.forking
from kg.cli import app
from kg.engines import FORK_SPLIT_PAPERS, PipelineSettings, extract_stream, open_engine, warm_vocabulary
from kg.rdf import to_rdflib

from .conftest import REPO, SHARED

SCITLDR = SHARED / "corpora" / "scitldr-a" / "dev.jsonl"
runner = CliRunner()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The first 120 papers of a real corpus, as a temporary JSONL file."""
    assert SCITLDR.exists(), f"{SCITLDR} is missing: these tests read the shared corpora"
    path = tmp_path_factory.mktemp("corpus") / "papers.jsonl"
    with open(SCITLDR, encoding="utf-8") as source:
        lines = [next(source) for _ in range(120)]
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def papers(corpus):
    found, problems = kg.read([corpus])
    assert not problems
    return found


def _dump(extractions) -> list[str]:
    return [json.dumps(x.to_json(), sort_keys=True) for x in extractions]


def test_two_processes_match_one(papers):
    one = list(extract_stream(papers, jobs=1, memory_zone=False))
    two = list(extract_stream(papers, jobs=2, chunk_size=16))  # 8 chunks over 2 workers
    assert [x.paper for x in two] == papers  # the original records, in input order
    assert _dump(two) == _dump(one)
    assert sum(len(x.entities) for x in one) > 100


@pytest.fixture
def forks(monkeypatch) -> list:
    """Every call of :func:`kg.forking.start_forked`, which still forks for real."""
    calls: list = []
    real = kg.forking.start_forked

    def counted(function, **options):
        calls.append(function)
        return real(function, **options)

    monkeypatch.setattr(kg.forking, "start_forked", counted)
    return calls


def test_a_batch_too_small_for_two_workers_is_shared_with_a_forked_copy(papers, forks):
    assert FORK_SPLIT_PAPERS <= len(papers) <= 256  # one chunk: the pool is sized down to this process
    one = list(extract_stream(papers, jobs=1, memory_zone=False))
    with open_engine("local", jobs=2, papers=len(papers)) as pool:
        assert (pool.jobs, pool.fork_helper) == (1, True)
        shared = list(pool.extract(papers))
    assert len(forks) == (1 if kg.forking.can_fork() else 0)  # (POSIX fork and a second CPU)
    assert [x.paper for x in shared] == papers
    assert _dump(shared) == _dump(one)


def test_no_fork_for_a_few_papers_or_when_one_job_is_asked_for(papers, forks):
    with open_engine("local", jobs=2, papers=FORK_SPLIT_PAPERS - 1) as pool:
        assert pool.fork_helper
        few = list(pool.extract(papers[: FORK_SPLIT_PAPERS - 1]))
    with open_engine("local", jobs=1, papers=len(papers)) as pool:
        assert not pool.fork_helper
        assert len(list(pool.extract(papers))) == len(papers)
    assert len(few) == FORK_SPLIT_PAPERS - 1 and forks == []


def _grown_build(corpus: Path, tmp_path: Path, monkeypatch, forks: list | None = None) -> tuple:
    """Build the first 100 papers of ``corpus`` with a cache, then all 120 as a new process
    would (no pipeline built yet): the build and the folder it was written to. ``forks`` is
    emptied between the two."""
    import kg.engines

    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    first, grown = tmp_path / "first.jsonl", tmp_path / "grown.jsonl"
    first.write_text("".join(lines[:100]), encoding="utf-8")
    grown.write_text("".join(lines), encoding="utf-8")
    out = tmp_path / "out"
    kg.build([first], cache=out / kg.cache.CACHE_FILE, jobs=2).write(out)
    monkeypatch.setattr(kg.engines, "_PIPELINES", {})
    if forks is not None:
        forks.clear()
    result = kg.build([grown], cache=out / kg.cache.CACHE_FILE, jobs=2)
    assert (result.cached, result.extracted) == (100, 20)
    result.write(out)
    return result, out


def test_a_few_new_papers_are_extracted_in_a_forked_child_with_the_same_outputs(
    corpus, tmp_path, monkeypatch, forks
):
    """The 20 new papers go to a forked child, which builds the pipeline and extracts them
    while this process loads the catalogue and the writers; the files equal a plain build's."""
    from kg.engines import pipeline_built

    _, out = _grown_build(corpus, tmp_path, monkeypatch, forks)
    forked = kg.forking.can_fork()  # (POSIX fork and a second CPU)
    assert len(forks) == (1 if forked else 0)
    assert pipeline_built(PipelineSettings()) is not forked  # the child built it, not this process
    plain = tmp_path / "plain"
    kg.build([tmp_path / "grown.jsonl"], jobs=1).write(plain)
    for name in ("papers.jsonl", "graph.json", "graph.ttl", "graph.html"):
        assert (out / name).read_bytes() == (plain / name).read_bytes(), name


def test_a_build_with_nothing_new_stops_the_child_it_started(corpus, tmp_path, monkeypatch):
    """The child starts before the build knows what is new; with nothing new it is killed and
    reaped, and this process never builds the pipeline."""
    import os

    import kg.engines

    out = tmp_path / "out"
    kg.build([corpus], cache=out / kg.cache.CACHE_FILE, jobs=2).write(out)
    monkeypatch.setattr(kg.engines, "_PIPELINES", {})
    jobs = []
    real = kg.forking.start_forked

    def kept(function, **options):
        jobs.append(real(function, **options))
        return jobs[-1]

    monkeypatch.setattr(kg.forking, "start_forked", kept)
    again = kg.build([corpus], cache=out / kg.cache.CACHE_FILE, jobs=2)
    assert (again.cached, again.extracted) == (120, 0)
    assert len(jobs) == (1 if kg.forking.can_fork() else 0)
    for job in jobs:
        with pytest.raises(ProcessLookupError):
            os.kill(job.pid, 0)  # killed and reaped
    assert not kg.engines.pipeline_built(PipelineSettings())


def test_a_failed_child_leaves_the_papers_to_this_process(corpus, tmp_path, monkeypatch):
    """Should the forked child fail, the same papers are extracted here and nothing changes."""
    import os

    import kg.engines

    parent, real = os.getpid(), kg.engines.extract_as_json

    def fails_in_a_child(papers, settings):
        if os.getpid() != parent:
            raise RuntimeError("the child broke")
        return real(papers, settings)

    monkeypatch.setattr(kg.engines, "extract_as_json", fails_in_a_child)
    result, _ = _grown_build(corpus, tmp_path, monkeypatch)
    assert kg.engines.pipeline_built(PipelineSettings())  # built here after all
    plain = list(extract_stream([x.paper for x in result.extractions], jobs=1))
    assert _dump(result.extractions) == _dump(plain)


def test_a_warmed_vocabulary_changes_no_extraction(papers):
    from kg.nlp.pipeline import extract_papers, make_pipeline

    cold = list(extract_papers(papers[:40], make_pipeline()))
    nlp = make_pipeline()
    warm_vocabulary(nlp, papers[40:])
    assert len(nlp.vocab) > len(make_pipeline().vocab)  # the warm-up left words behind
    assert _dump(extract_papers(papers[:40], nlp)) == _dump(cold)


def test_memory_zone_changes_nothing(papers):
    plain = list(extract_stream(papers, jobs=1, memory_zone=False, chunk_size=10))
    zoned = list(extract_stream(papers, jobs=1, memory_zone=True, chunk_size=10))
    assert _dump(zoned) == _dump(plain)


def test_dask_engine_writes_the_same_files(corpus, tmp_path):
    outputs = ("jsonl", "json", "ttl")
    local = kg.build([corpus], jobs=1).write(tmp_path / "local", outputs=outputs)
    dask = kg.build([corpus], jobs=2, engine="dask").write(tmp_path / "dask", outputs=outputs)
    for name, path in local.items():
        assert path.read_bytes() == dask[name].read_bytes(), name
    assert len(local["jsonl"].read_text().splitlines()) == 120


def test_cli_jobs_and_ntriples_parts(corpus, tmp_path):
    out, parts = tmp_path / "out", tmp_path / "nt"
    result = runner.invoke(
        app, ["build", str(corpus), "-o", str(out), "--jobs", "2", "--ntriples-parts", str(parts), "-q"]
    )
    assert result.exit_code == 0, result.output
    files = sorted(parts.glob("part-*.nt"))
    assert len(files) == 9  # 4 per worker, plus the entities
    union = Graph()
    for file in files:
        union.parse(file, format="nt")
    whole = to_rdflib(kg.load(out))
    assert len(union) == len(whole) > 1000
    assert set(union) == set(whole)


def test_dask_ntriples_parts(corpus, tmp_path):
    result = kg.build([corpus])
    paths = kg.api.write_ntriples_parts(result.graph, tmp_path, parts=3, engine="dask", jobs=2)
    union = Graph()
    for path in paths:
        union.parse(path, format="nt")
    assert set(union) == set(to_rdflib(result.graph))


def test_scheduler_without_dask_is_one_line(corpus, tmp_path):
    result = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path), "--scheduler", "tcp://x:1"])
    assert result.exit_code == 1
    assert "--scheduler needs --engine dask" in result.output
    assert "Traceback" not in result.output


def test_settings_key_the_worker_cache():
    from kg.engines import pipeline_for

    assert pipeline_for(PipelineSettings()) is pipeline_for(PipelineSettings())


def test_bench_prints_every_row(tmp_path):
    from kg.bench import ROWS

    assert SCITLDR.exists(), f"{SCITLDR} is missing: these tests read the shared corpora"
    result = runner.invoke(app, ["bench", "--papers", "200"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "kg bench: 200 abstracts" in result.output
    for _, label, _, _ in ROWS:
        row = next((line for line in lines if "│" in line and label.format(jobs=2) in line), None)
        assert row is not None, label
        value = row.split("│")[2].strip()
        assert value != "-" and float(value.replace(",", "")) >= 0, row


def test_bench_with_one_job_measures_the_process_itself():
    # one job extracts in this process: there are no workers to sample (this once divided by zero)
    examples = str(REPO / "examples")
    args = ["bench", "-n", "60", "--jobs", "1", "--no-dask", "--corpus", examples, "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    numbers = json.loads(result.output[result.output.index("{") :])
    assert min(numbers["rss_samples_mb"]) > 0 and numbers["rss_spread"] >= 0, numbers


def test_bench_corpus_repeats_with_distinct_ids(tmp_path):
    from kg.bench import make_corpus

    path = tmp_path / "c.jsonl"
    distinct = make_corpus([REPO / "examples"], 3 * 40, path)
    papers, problems = kg.read([path])
    assert not problems
    assert distinct < 120 and len(papers) == 120  # every copy survives duplicate merging
    assert len({p.id for p in papers}) == 120


def test_outputs_option_writes_only_those(corpus, tmp_path):
    result = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path), "--outputs", "json,jsonl", "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == [
        "graph.json",
        "papers.jsonl",
    ]
    bad = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path), "--outputs", "pdf"])
    assert bad.exit_code == 1 and "unknown --outputs pdf" in bad.output


def test_bench_stream_samples_memory_along_a_long_run():
    result = runner.invoke(
        app, ["bench", "--stream", "300", "--jobs", "2", "--corpus", str(REPO / "examples"), "--json"]
    )
    assert result.exit_code == 0, result.output
    numbers = json.loads(result.stdout)
    assert [row["papers"] for row in numbers["samples"]][-1] == 300
    assert len(numbers["samples"]) == 20 and numbers["entities"] > 300
    rss = [row["rss_mb"] for row in numbers["samples"][1:]]
    assert numbers["rss_min_mb"] == min(rss) and numbers["rss_max_mb"] == max(rss) > 100
    assert numbers["spread"] == pytest.approx(100 * (max(rss) - min(rss)) / min(rss))
