"""kg's public Python API: what the CLI and the notebooks both call.

Examples
--------
>>> import kg
>>> result = kg.build(["examples/"])                       # doctest: +SKIP
>>> result.write("out/")                                   # doctest: +SKIP
>>> graph = kg.load("out/")                                # doctest: +SKIP
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg.records import PaperExtraction, SourceProblem

__all__ = [
    "OUTPUT_FILES",
    "BuildResult",
    "ExtractResult",
    "build",
    "extract",
    "load",
    "write_ntriples_parts",
]

#: The files :meth:`BuildResult.write` produces, by short name.
OUTPUT_FILES = {
    "ttl": "graph.ttl",
    "html": "graph.html",
    "json": "graph.json",
    "jsonl": "papers.jsonl",
}

Progress = Callable[[int], None]


@dataclass
class ExtractResult:
    """Per-paper entities, and every input problem met on the way."""

    extractions: list[PaperExtraction]
    problems: list[SourceProblem] = field(default_factory=list)
    seconds: float = 0.0

    def write_jsonl(self, path: str | Path) -> None:
        """Write one line per paper in the ``kg extract`` format (atomically)."""
        import json

        from kg.io import atomic_write

        with atomic_write(path) as stream:
            for extraction in self.extractions:
                stream.write(json.dumps(extraction.to_json(), ensure_ascii=False) + "\n")


@dataclass
class BuildResult:
    """The built graph, the extraction it came from, and what went wrong on input."""

    graph: nx.MultiDiGraph
    extractions: list[PaperExtraction]
    problems: list[SourceProblem] = field(default_factory=list)
    seconds: float = 0.0

    def write(
        self,
        out_dir: str | Path,
        *,
        outputs: Sequence[str] = tuple(OUTPUT_FILES),
        base_iri: str | None = None,
        max_nodes: int = 1500,
    ) -> dict[str, Path]:
        """Write the chosen outputs into ``out_dir``; return their paths by short name."""
        from kg.graph import paper_records, save_graph_json
        from kg.io import atomic_write
        from kg.rdf import DEFAULT_BASE_IRI, write_turtle
        from kg.view import write_html

        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        written: dict[str, Path] = {}
        for name in outputs:
            path = out / OUTPUT_FILES[name]
            if name == "ttl":
                write_turtle(self.graph, path, base=base_iri or DEFAULT_BASE_IRI)
            elif name == "html":
                write_html(self.graph, path, max_nodes=max_nodes)
            elif name == "json":
                save_graph_json(self.graph, path)
            elif name == "jsonl":
                import json

                with atomic_write(path) as stream:
                    for record in paper_records(self.graph):
                        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            written[name] = path
        return written


def read(inputs: Iterable[str | Path], *, format: str | None = None) -> tuple[list, list]:
    """Read and de-duplicate papers: ``(papers, problems)``."""
    from kg.records import Paper
    from kg.sources import merge_duplicates, read_papers

    papers: list[Paper] = []
    problems: list[SourceProblem] = []
    for record in read_papers(inputs, format=format):
        (papers if isinstance(record, Paper) else problems).append(record)
    return merge_duplicates(papers), problems


def extract(
    inputs: Iterable[str | Path],
    *,
    format: str | None = None,
    catalogue: Iterable[str | Path] = (),
    spacy_model: str | None = None,
    progress: Progress | None = None,
    total: Callable[[int], None] | None = None,
    jobs: int | None = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> ExtractResult:
    """Read ``inputs`` and find the entities of every paper.

    ``total`` is called once with the number of unique papers, ``progress`` once per paper.
    ``jobs`` worker processes (``None``: one per CPU) run the spaCy stage; ``engine="dask"``
    runs it on a Dask cluster instead (``scheduler`` is its address; none starts a local
    cluster of ``jobs`` workers). Every engine gives the same extractions in the same order.
    """
    from kg.engines import PipelineSettings, open_engine

    started = time.perf_counter()
    papers, problems = read(inputs, format=format)
    if total is not None:
        total(len(papers))
    settings = PipelineSettings.of(catalogue, spacy_model)
    extractions = []
    with open_engine(engine, settings, jobs=jobs, scheduler=scheduler, papers=len(papers)) as pool:
        stream = pool.extract(papers)
        for extraction in stream:
            extractions.append(extraction)
            if progress is not None:
                progress(1)
    return ExtractResult(extractions, problems, time.perf_counter() - started)


def build(
    inputs: Iterable[str | Path],
    *,
    format: str | None = None,
    catalogue: Iterable[str | Path] = (),
    spacy_model: str | None = None,
    progress: Progress | None = None,
    total: Callable[[int], None] | None = None,
    jobs: int | None = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> BuildResult:
    """Read, extract and link: the graph of ``inputs``, ready to :meth:`~BuildResult.write`."""
    from kg.graph import build_graph
    from kg.nlp.catalogue import load_catalogue

    started = time.perf_counter()
    result = extract(
        inputs,
        format=format,
        catalogue=catalogue,
        spacy_model=spacy_model,
        progress=progress,
        total=total,
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
    )
    graph = build_graph(result.extractions, catalogue=load_catalogue(catalogue))
    return BuildResult(graph, result.extractions, result.problems, time.perf_counter() - started)


def load(path: str | Path) -> nx.MultiDiGraph:
    """Load a built graph: an output folder or its ``graph.json``."""
    from kg.graph import load_graph_json

    path = Path(path)
    if path.is_dir():
        path = path / OUTPUT_FILES["json"]
    return load_graph_json(path)


def write_ntriples_parts(
    graph: nx.MultiDiGraph,
    out_dir: str | Path,
    *,
    parts: int | None = None,
    base_iri: str | None = None,
    jobs: int | None = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> list[Path]:
    """Write ``graph`` as N-Triples parts into ``out_dir``, each part written by a worker.

    ``parts`` defaults to four per worker. See :mod:`kg.ntriples`.
    """
    from kg.engines import open_engine
    from kg.ntriples import write_ntriples_parts as write_parts
    from kg.rdf import DEFAULT_BASE_IRI

    with open_engine(engine, jobs=jobs, scheduler=scheduler, build_pipelines=False) as pool:
        return write_parts(
            graph,
            out_dir,
            parts=parts or 4 * pool.jobs,
            base=base_iri or DEFAULT_BASE_IRI,
            submit=pool.submit if pool.jobs > 1 or engine == "dask" else None,
        )
