"""``kg bench``: how fast kg runs on this machine, stage by stage, and how much memory it takes.

A corpus of ``papers`` abstracts is made by repeating real ones (each copy gets its own id
and a title suffix, so duplicate merging keeps them all), written as JSONL into a temporary
folder, and timed through every stage:

- tokenizer only (``spacy.blank("en")``'s tokenizer on the same texts) against kg's whole
  spaCy stage in one process, and their ratio;
- the stage with ``jobs`` local processes and with a Dask ``LocalCluster`` of 1 and ``jobs``
  workers (pipelines built before the clock starts);
- graph build, Turtle write, HTML write;
- an end-to-end ``kg build`` in a child process, with the peak RSS of its process tree;
- worker RSS sampled along the parallel run (spread = (max - min) / min after the first chunk).

Rates are papers per second of wall time; the machine may be shared, so compare runs made
side by side.

Examples
--------
It reads the shared corpora and takes a while, so the example is not run as a doctest
(``tests/test_scale.py`` runs ``kg bench`` itself)::

    result = run_bench(papers=40, jobs=1, dask=False, end_to_end=False)
    print(result["kg_rate"])
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

__all__ = [
    "ROWS",
    "default_corpora",
    "make_corpus",
    "render_memory_table",
    "render_table",
    "repeated_papers",
    "run_bench",
    "run_memory",
]

#: The rows of the table: key in the result, label, unit, target.
ROWS = [
    ("tokenizer_cold_rate", "tokenizer only (spacy.blank), first pass", "abstracts/s", ""),
    ("tokenizer_rate", "tokenizer only, warm vocabulary", "abstracts/s", ""),
    ("kg_rate", "kg extract, 1 process (best of 2 passes)", "abstracts/s", ""),
    ("ratio", "ratio kg / warm tokenizer", "", ">= 0.5"),
    ("ratio_cold", "ratio, first passes of both", "", ""),
    ("jobs_rate", "kg extract, --jobs {jobs}", "abstracts/s", ""),
    ("jobs_speedup", "speed-up --jobs {jobs}", "x", ">= 1.7"),
    ("dask1_rate", "dask, 1 worker", "abstracts/s", ""),
    ("daskn_rate", "dask, {jobs} workers", "abstracts/s", ""),
    ("dask_speedup", "speed-up dask {jobs} / 1", "x", ""),
    ("graph_s", "graph build", "s", ""),
    ("turtle_s", "Turtle write", "s", ""),
    ("html_s", "HTML write", "s", ""),
    ("build_s", "kg build end to end (--jobs {jobs})", "s", ""),
    ("build_rss_mb", "peak RSS, kg build (process tree)", "MB", "<= 4096"),
    ("rss_spread", "worker RSS spread over the run", "%", "<= 10"),
]


def default_corpora() -> list[Path]:
    """The real corpora beside the repository (``../shared/corpora``), else ``examples/``."""
    root = Path(__file__).resolve().parent.parent
    shared = root.parent / "shared" / "corpora"
    found = [shared / name for name in ("scitldr-a", "beese-ml-nlp") if (shared / name).is_dir()]
    return found or [root / "examples"]


def _base_papers(sources: Iterable[str | Path]) -> list:
    import kg

    base, _ = kg.read(list(sources))
    if not base:
        raise ValueError("no papers in the bench corpus")
    return base


def _copies(base: list, papers: int) -> Iterator:
    """``papers`` papers repeating ``base``: copy ``k`` of paper ``p`` gets id ``<p.id>~k`` and
    title ``<p.title> [k]`` (so duplicate merging keeps them all)."""
    from kg.records import Paper

    for index in range(papers):
        paper = base[index % len(base)]
        copy = index // len(base)
        if copy == 0:
            yield Paper(paper.id, paper.title, paper.abstract)
        else:
            yield Paper(f"{paper.id}~{copy}", f"{paper.title} [{copy}]", paper.abstract)


def make_corpus(sources: Iterable[str | Path], papers: int, path: str | Path) -> int:
    """Write ``papers`` records to ``path`` (JSONL) by repeating the papers of ``sources``
    (ids and titles as :func:`repeated_papers` gives them); return the number of distinct
    source papers.
    """
    base = _base_papers(sources)
    with open(path, "w", encoding="utf-8") as stream:
        for paper in _copies(base, papers):
            record = {"id": paper.id, "title": paper.title, "abstract": paper.abstract}
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(base)


def _tree_rss(process) -> int:
    total = 0
    for proc in [process, *process.children(recursive=True)]:
        with contextlib.suppress(Exception):  # the process ended between listing and reading
            total += proc.memory_info().rss
    return total


class _PeakSampler:
    """Sample the RSS of a process tree every ``interval`` seconds in a thread; keep the peak."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        import psutil

        self.process = psutil.Process(pid)
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.peak = max(self.peak, _tree_rss(self.process))
            except Exception:
                return
            self._stop.wait(self.interval)

    def __enter__(self) -> _PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def _two_passes(function: Callable[[], object]) -> tuple[float, float, object]:
    """:func:`_timed` twice: the first pass's seconds, the faster pass's, and the value. The
    first pass pays for warming up (new words in the vocabulary), which a long run does once."""
    first_seconds, value = _timed(function)
    seconds, value = _timed(function)
    return first_seconds, min(first_seconds, seconds), value


def _best_of_two(function: Callable[[], object]) -> tuple[float, object]:
    """The faster of two runs of ``function`` (see :func:`_two_passes`) and its value."""
    _, seconds, value = _two_passes(function)
    return seconds, value


def _timed(function: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    value = function()
    return time.perf_counter() - started, value


def run_bench(
    *,
    papers: int = 2000,
    corpus: Sequence[str | Path] = (),
    jobs: int = 2,
    dask: bool = True,
    end_to_end: bool = True,
    work_dir: str | Path | None = None,
    log: Callable[[str], None] | None = None,
) -> dict[str, object]:
    """Run every measurement and return the numbers by key (see :data:`ROWS`)."""
    import psutil
    import spacy

    from kg.engines import LocalPool
    from kg.graph import build_graph
    from kg.nlp.catalogue import load_catalogue
    from kg.rdf import write_turtle
    from kg.runtime import relaxed_gc
    from kg.view import write_html

    say = log or (lambda _: None)
    result: dict[str, object] = {"papers": papers, "jobs": jobs}
    with tempfile.TemporaryDirectory(dir=work_dir) as tmp:
        folder = Path(tmp)
        corpus_file = folder / "bench.jsonl"
        result["source_papers"] = make_corpus(corpus or default_corpora(), papers, corpus_file)
        import kg

        items, _ = kg.read([corpus_file])
        result["papers"] = len(items)
        texts = [p.text for p in items]
        # chunks small enough that every worker gets several: no idle worker at the end
        chunk = max(8, min(256, len(items) // (8 * jobs)))
        result["chunk_size"] = chunk

        say("tokenizer only")
        tokenizer = spacy.blank("en").tokenizer
        first, seconds, _ = _two_passes(lambda: sum(1 for _ in tokenizer.pipe(texts, batch_size=256)))
        result["tokenizer_cold_rate"] = len(texts) / first
        result["tokenizer_rate"] = len(texts) / seconds

        say("kg extract, 1 process")
        # under the collector settings `kg build` extracts with (kg.runtime.relaxed_gc)
        with LocalPool(jobs=1, chunk_size=chunk) as pool, relaxed_gc():
            pool.warm()
            first, seconds, extractions = _two_passes(lambda: list(pool.extract(items)))
        result["kg_rate"] = len(items) / seconds
        result["ratio"] = result["kg_rate"] / result["tokenizer_rate"]
        result["ratio_cold"] = len(items) / first / result["tokenizer_cold_rate"]

        say(f"kg extract, {jobs} processes")
        me = psutil.Process()
        samples: list[int] = []
        every = max(1, len(items) // 20)

        def sampled(pool):
            for index, extraction in enumerate(pool.extract(items), 1):
                if index % every == 0:
                    # the workers' memory; with one job, extraction runs in this process
                    workers = sum(_tree_rss(child) for child in me.children())
                    samples.append(workers or _tree_rss(me))
                yield extraction

        with LocalPool(jobs=jobs, chunk_size=chunk) as pool, relaxed_gc():
            pool.warm()
            seconds, parallel = _best_of_two(lambda: (samples.clear(), list(sampled(pool)))[1])
        result["jobs_rate"] = len(items) / seconds
        result["jobs_speedup"] = result["jobs_rate"] / result["kg_rate"]
        result["same_output"] = [x.to_json() for x in parallel] == [x.to_json() for x in extractions]
        steady = samples[1:] or samples
        result["rss_samples_mb"] = [round(s / 2**20, 1) for s in samples]
        low = min(steady, default=0)
        result["rss_spread"] = 100 * (max(steady) - low) / low if low else 0.0
        del parallel

        if dask:
            from kg.distributed import DaskPool

            for key, workers in (("dask1_rate", 1), ("daskn_rate", jobs)):
                say(f"dask, {workers} worker(s)")
                with DaskPool(workers=workers, partition_size=chunk) as pool:
                    pool.warm()
                    seconds, _ = _best_of_two(lambda pool=pool: sum(1 for _ in pool.extract(items)))
                result[key] = len(items) / seconds
            result["dask_speedup"] = result["daskn_rate"] / result["dask1_rate"]

        say("graph build")
        started = time.perf_counter()
        graph = build_graph(extractions, catalogue=load_catalogue(()))
        result["graph_s"] = time.perf_counter() - started
        result["graph_nodes"] = graph.number_of_nodes()
        result["graph_edges"] = graph.number_of_edges()
        say("Turtle write")
        started = time.perf_counter()
        write_turtle(graph, folder / "graph.ttl")
        result["turtle_s"] = time.perf_counter() - started
        say("HTML write")
        started = time.perf_counter()
        write_html(graph, folder / "graph.html")
        result["html_s"] = time.perf_counter() - started
        graph = extractions = None  # free them before the end-to-end run

        if end_to_end:
            say("kg build end to end")
            command = [sys.executable, "-c", "from kg.cli import main; main()", "build", str(corpus_file)]
            command += ["--out", str(folder / "out"), "--jobs", str(jobs), "--quiet"]
            started = time.perf_counter()
            child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            with _PeakSampler(child.pid) as sampler:
                _, stderr = child.communicate()
            result["build_s"] = time.perf_counter() - started
            result["build_rss_mb"] = sampler.peak / 2**20
            if child.returncode != 0:
                raise RuntimeError(f"kg build failed: {stderr.decode(errors='replace').strip()[-500:]}")
    return result


def repeated_papers(sources: Iterable[str | Path], papers: int) -> Iterator:
    """``papers`` papers made on the fly by repeating those of ``sources``, without writing
    them anywhere: a stream for long runs. Copy ``k`` of paper ``p`` gets id ``<p.id>~k`` and
    title ``<p.title> [k]``."""
    return _copies(_base_papers(sources), papers)


def run_memory(
    *,
    papers: int,
    corpus: Sequence[str | Path] = (),
    jobs: int = 2,
    samples: int = 20,
    log: Callable[[str], None] | None = None,
) -> dict[str, object]:
    """Stream ``papers`` abstracts through extraction with ``jobs`` processes and sample the RSS
    of this process and its workers ``samples`` times along the way.

    Nothing is kept but a count of entities, so the samples show what extraction itself
    holds. ``spread`` compares the samples after the first (when the pipelines are built):
    ``(max - min) / min`` in percent.
    """
    import psutil

    from kg.engines import LocalPool

    say = log or (lambda _: None)
    me = psutil.Process()
    every = max(1, papers // samples)
    rows: list[dict[str, float]] = []
    entities = 0
    started = time.perf_counter()
    stream = repeated_papers(corpus or default_corpora(), papers)
    with LocalPool(jobs=jobs) as pool:
        for index, extraction in enumerate(pool.extract(stream), 1):
            entities += len(extraction.entities)
            if index % every == 0 or index == papers:
                seconds = time.perf_counter() - started
                rows.append({"papers": index, "rss_mb": _tree_rss(me) / 2**20, "rate": index / seconds})
                say(f"{index:,} papers, {rows[-1]['rss_mb']:,.0f} MB, {rows[-1]['rate']:,.0f}/s")
    steady = [row["rss_mb"] for row in rows[1:]] or [row["rss_mb"] for row in rows]
    return {
        "papers": papers,
        "jobs": jobs,
        "entities": entities,
        "seconds": time.perf_counter() - started,
        "samples": rows,
        "rss_min_mb": min(steady),
        "rss_max_mb": max(steady),
        "spread": 100 * (max(steady) - min(steady)) / min(steady),
    }


def render_memory_table(result: dict[str, object]):
    """:func:`run_memory`'s samples as a rich ``Table``, with the spread in the title."""
    from rich.table import Table

    title = (
        f"kg bench --stream: {result['papers']:,} abstracts, --jobs {result['jobs']}, "
        f"RSS {result['rss_min_mb']:,.0f}-{result['rss_max_mb']:,.0f} MB after the first sample "
        f"(spread {result['spread']:.1f} %, target <= 10 %)"
    )
    table = Table(title=title)
    for column in ("papers", "RSS (MB)", "abstracts/s so far"):
        table.add_column(column, justify="right")
    for row in result["samples"]:
        table.add_row(f"{row['papers']:,}", f"{row['rss_mb']:,.0f}", f"{row['rate']:,.0f}")
    return table


def render_table(result: dict[str, object]):
    """The result as a rich ``Table`` with one row per measurement in :data:`ROWS`."""
    from rich.table import Table

    jobs = result.get("jobs", 2)
    table = Table(title=f"kg bench: {result['papers']} abstracts ({result.get('source_papers')} distinct)")
    table.add_column("measurement")
    table.add_column("value", justify="right")
    table.add_column("unit")
    table.add_column("target")
    for key, label, unit, target in ROWS:
        value = result.get(key)
        if value is None:
            shown = "-"
        elif unit == "abstracts/s":
            shown = f"{value:,.0f}"
        elif unit in ("x", ""):
            shown = f"{value:.2f}"
        elif unit == "%":
            shown = f"{value:.1f}"
        elif unit == "MB":
            shown = f"{value:,.0f}"
        else:
            shown = f"{value:.2f}"
        table.add_row(label.format(jobs=jobs), shown, unit, target)
    return table
