"""kg's public Python API: what the CLI and the notebooks both call.

Examples
--------
>>> import kg
>>> result = kg.build(["examples/"])                       # doctest: +SKIP
>>> result.write("out/")                                   # doctest: +SKIP
>>> graph = kg.load("out/")                                # doctest: +SKIP
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg.codehash import code_hash
from kg.records import Paper, PaperExtraction, SourceProblem
from kg.runtime import paused_gc

if TYPE_CHECKING:
    import networkx as nx

    from kg.forking import ForkedJob
    from kg.graph import DeferredEdges
    from kg.io import Stage
    from kg.nlp.catalogue import Catalogue
    from kg.outputs import PaperParts
    from kg.parsed import ParsedFiles

__all__ = [
    "OUTPUT_FILES",
    "SKIPPED_FILE",
    "BuildResult",
    "ExtractResult",
    "InputProblem",
    "RecordedBuild",
    "build",
    "extract",
    "graph_summary",
    "load",
    "read",
    "recorded_build",
    "write_ntriples_parts",
]

#: The files :meth:`BuildResult.write` produces, by short name.
OUTPUT_FILES = {
    "ttl": "graph.ttl",
    "html": "graph.html",
    "json": "graph.json",
    "jsonl": "papers.jsonl",
}

#: Written beside the outputs when input records were skipped.
SKIPPED_FILE = "skipped.jsonl"
#: Cache metadata key set while a build's extraction is under way (cleared once written).
IN_PROGRESS = "build_in_progress"

Progress = Callable[[int], None]


class InputProblem(ValueError):
    """Raised with ``stop_on_problem``: the first input record that could not be read."""

    def __init__(self, problem: SourceProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


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
    """The extraction of a build and what went wrong on input; the graph is linked on demand.

    ``cached`` counts the papers whose entities came from the extraction cache, and
    ``resumed`` is true when the cache held rows of an interrupted build of the same
    pipeline. After :meth:`write`, ``up_to_date`` tells whether the outputs already matched
    this build (and were left as they were), and ``reused_parts`` counts the per-paper pieces
    of output text taken from the cache instead of rendered (see :mod:`kg.outputs`), and
    ``reused_entity_parts`` the entities' pieces taken from it.
    ``timings`` gives the seconds :meth:`write` spent linking the graph (``graph``, 0 when it
    was already linked), on each output file, by short name, and putting the files in place
    and recording them in the cache (``commit``).
    """

    extractions: list[PaperExtraction]
    problems: list[SourceProblem] = field(default_factory=list)
    seconds: float = 0.0
    catalogue: Catalogue | None = None
    #: read into :attr:`catalogue` when the graph is first linked, if no catalogue was given
    catalogue_files: tuple[str, ...] = ()
    cached: int = 0
    resumed: bool = False
    cache_path: Path | None = None
    fingerprint: str | None = None
    up_to_date: bool = False
    _graph: nx.MultiDiGraph | None = field(default=None, repr=False)
    _summary: dict | None = field(default=None, repr=False)
    reused_parts: int = 0
    reused_entity_parts: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    _origins: dict[str, bytes | None] | None = field(default=None, repr=False)
    _edges: DeferredEdges | None = field(default=None, repr=False)
    #: what :func:`recorded_build` compares: the input files as read and the pipeline's inputs
    input_stamp: list | None = field(default=None, repr=False)
    _options: list | None = field(default=None, repr=False)

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The linked graph (built from the extractions on first use)."""
        graph = self._linked()
        if self._edges is not None and len(self._edges):
            with paused_gc():
                self._edges.fill_all()
        return graph

    def _linked(self) -> nx.MultiDiGraph:
        """The graph, whose paper→entity edges may still lack their attributes (see
        :func:`kg.graph.build_graph_deferred`): :meth:`write` fills only those it renders."""
        if self._graph is None:
            from kg.graph import build_graph_deferred

            if self.catalogue is None:  # loaded only now: an up-to-date re-run never needs it
                self.catalogue = _load_catalogue(self.catalogue_files, self.fingerprint)
            with paused_gc():
                self._graph, self._origins, self._edges = build_graph_deferred(
                    self.extractions, catalogue=self.catalogue
                )
        return self._graph

    @property
    def extracted(self) -> int:
        """Papers that went through the spaCy pipeline in this build."""
        return len(self.extractions) - self.cached

    def summary(self) -> dict:
        """Counts of the graph: papers, merged repeats, entities and edges by type and relation."""
        if self._summary is None:
            self._summary = graph_summary(self._linked())  # counts: the edges' keys suffice
        return self._summary

    def write(
        self,
        out_dir: str | Path,
        *,
        outputs: Sequence[str] = tuple(OUTPUT_FILES),
        base_iri: str | None = None,
        max_nodes: int = 1500,
        skipped: bool = False,
        rdf_format: str = "turtle",
    ) -> dict[str, Path]:
        """Write the chosen outputs into ``out_dir``; return their paths by short name.

        Every file is written under a temporary name and all are renamed into place together
        once each is complete, so an interrupted write leaves the previous outputs as they
        were. With ``skipped``, ``skipped.jsonl`` lists the input problems (and an old one is
        removed when there are none). ``rdf_format`` (``turtle``, ``ntriples`` or ``jsonld``)
        picks the RDF output, written as ``graph.ttl``, ``graph.nt`` or ``graph.jsonld``; it
        keeps the short name ``ttl``. When the build used a cache and the cache records that
        the outputs in ``out_dir`` were written from exactly this input, pipeline, kg version
        and options (and they are unchanged on disk), nothing is rewritten.
        """
        with paused_gc():  # a collection over a large live graph costs seconds and frees nothing
            return self._write(
                Path(out_dir),
                outputs=outputs,
                base_iri=base_iri,
                max_nodes=max_nodes,
                skipped=skipped,
                rdf_format=rdf_format,
            )

    def _write(
        self,
        out: Path,
        *,
        outputs: Sequence[str],
        base_iri: str | None,
        max_nodes: int,
        skipped: bool,
        rdf_format: str,
    ) -> dict[str, Path]:
        from kg.io import staged_files
        from kg.iri import DEFAULT_BASE_IRI, RDF_FORMATS, check_base_iri

        begun = time.perf_counter()
        self.timings = {}
        if rdf_format not in RDF_FORMATS:
            raise ValueError(f"unknown RDF format {rdf_format!r}; choose one of {', '.join(RDF_FORMATS)}")
        base = check_base_iri(base_iri or DEFAULT_BASE_IRI)
        names = _output_names(outputs, rdf_format, skipped and bool(self.problems))
        written = {name: out / file for name, file in names.items()}
        self._options = [sorted(names.items()), base, max_nodes]
        key = self._output_key(names, base, max_nodes) if self.cache_path else None
        if key is not None and self._outputs_current(key, written):
            self.up_to_date = True
            self._refresh_input_stamp()
            return written
        from kg.cache import ExtractionCache
        from kg.forking import start_forked
        from kg.outputs import PaperParts

        cache = ExtractionCache(self.cache_path, self.fingerprint) if self.cache_path else None
        try:
            started = time.perf_counter()
            self.timings["prepare"] = started - begun
            graph = self._linked()
            self.timings["graph"] = time.perf_counter() - started
            salt = f"{code_hash()} {self.fingerprint}"
            fill = self._edges.fill if self._edges is not None else None
            parts = PaperParts(graph, cache=cache, salt=salt, origins=self._origins, fill=fill)
            job = None
            with staged_files(out) as stage:
                try:
                    if self._rdf_beside(names, rdf_format, parts):
                        # the RDF is written by a forked copy of this process on a second
                        # core while this one writes the other files (see kg.forking)
                        parts.prepare_rdf(rdf_format, base)  # keys and map read here, once
                        rdf_path = stage.path(names["ttl"])
                        write_rdf = functools.partial(
                            self._write_rdf_forked,
                            rdf_path,
                            final=out / names["ttl"],
                            base_iri=base,
                            rdf_format=rdf_format,
                            parts=parts,
                        )
                        job = start_forked(write_rdf)
                    for name, file in names.items():
                        if job is not None and name == "ttl":
                            continue
                        started = time.perf_counter()
                        self._write_one(
                            name,
                            stage.path(file),
                            stage=stage,
                            final=out / file,
                            base_iri=base,
                            max_nodes=max_nodes,
                            rdf_format=rdf_format,
                            parts=parts,
                        )
                        self.timings[name] = time.perf_counter() - started
                    if job is not None:
                        started = time.perf_counter()
                        outcome = job.result()
                        parts.absorb(outcome)
                        self.timings["ttl"] = outcome["seconds"]
                        self.timings["ttl_wait"] = time.perf_counter() - started
                finally:
                    if job is not None:
                        job.cancel()  # only if it is still running: this write failed
                if skipped and not self.problems:
                    stage.remove(SKIPPED_FILE)
                started = time.perf_counter()
            self.reused_parts = parts.reused
            self.reused_entity_parts = parts.reused_entities
            parts.save_maps()  # the files are in place: where their pieces lie, for the next build
        finally:
            if cache is not None:
                cache.close()
        if key is not None:
            self._record_outputs(key, written)
        self.timings["commit"] = time.perf_counter() - started
        return written

    @staticmethod
    def _rdf_beside(names: dict[str, str], rdf_format: str, parts: PaperParts) -> bool:
        """Whether to write the RDF in a forked child beside the other outputs."""
        from kg.forking import can_fork

        return (
            "ttl" in names
            and len(names) > 1
            and rdf_format != "jsonld"
            and len(parts.papers) >= PARALLEL_RDF_PAPERS
            and can_fork()
        )

    def _write_rdf_forked(
        self, path: Path, *, final: Path, base_iri: str, rdf_format: str, parts: PaperParts
    ) -> dict:
        """Run in the forked child: write the RDF to the staged ``path`` and flush it to disk
        (beside the parent's work), return what :meth:`PaperParts.absorb` takes."""
        from kg.io import DiskWriter

        started = time.perf_counter()
        before = parts.counters()
        with path.open("wb") as raw, DiskWriter(raw) as stream:
            parts.write_rdf(stream, format=rdf_format, base=base_iri, path=final)
        outcome = parts.outcome(rdf_format, base_iri, before)
        outcome["seconds"] = time.perf_counter() - started
        return outcome

    def _write_one(
        self,
        name: str,
        path: Path,
        *,
        stage: Stage,
        final: Path | None = None,
        base_iri: str,
        max_nodes: int,
        rdf_format: str,
        parts: PaperParts | None = None,
    ) -> None:
        """Write output ``name`` to the staged ``path``, reusing pieces of the earlier file at
        ``final``; the file is flushed to disk in the background (:meth:`kg.io.Stage.sync_soon`)."""
        import json

        from kg.io import DiskWriter
        from kg.outputs import PaperParts
        from kg.rdf import write_rdf
        from kg.view import render_html

        parts = parts or PaperParts(self.graph)
        if name == "ttl" and rdf_format == "jsonld":
            write_rdf(self.graph, path, format=rdf_format, base=base_iri)  # synced as it is written
            return
        # a staged file is a temporary name already: written in place, renamed at commit; it
        # goes to disk while it is written, and its last part while the next file is made
        with path.open("wb") as raw:
            stream = DiskWriter(raw)
            if name == "ttl":
                parts.write_rdf(stream, format=rdf_format, base=base_iri, path=final)
            elif name == "html":  # the view reads nodes and edge keys, never edge attributes
                stream.write(render_html(parts.graph, max_nodes=max_nodes).encode("utf-8"))
            elif name == "json":
                parts.write_graph_json(stream, path=final)
            elif name == "jsonl":
                parts.write_papers_jsonl(stream, path=final)
            elif name == "skipped":
                for problem in self.problems:
                    file, line = problem.source
                    record = {"file": file, "line": line, "reason": problem.reason}
                    stream.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
            stream.wait()
        stage.sync_soon(path)

    def _output_key(self, names: dict[str, str], base_iri: str | None, max_nodes: int) -> str:
        """Hash of everything the outputs are made from."""
        import hashlib
        import json

        import orjson

        def encoded(value: object) -> bytes:
            try:
                return orjson.dumps(value)
            except TypeError:  # a lone surrogate, which orjson refuses
                return json.dumps(value).encode("ascii")

        digest = hashlib.sha256()
        header = [code_hash(), self.fingerprint, sorted(names.items()), base_iri, max_nodes]
        digest.update(json.dumps(header).encode())
        from kg.cache import content_of

        records = []
        for extraction in self.extractions:  # the entities follow from the paper and fingerprint
            p = extraction.paper  # its title and abstract through their hash, known to the cache
            records.append(
                [p.id, content_of(extraction), p.date, p.url, p.arxiv_id, [list(s) for s in p.sources]]
            )
        digest.update(encoded(records))
        digest.update(encoded([[*problem.source, problem.reason] for problem in self.problems]))
        return digest.hexdigest()

    def _outputs_current(self, key: str, written: dict[str, Path]) -> bool:
        import json

        from kg.cache import ExtractionCache

        with ExtractionCache(self.cache_path, self.fingerprint) as cache:
            stamp = cache.get_meta("outputs")
        if stamp is None:
            return False
        stamp = json.loads(stamp)
        if stamp.get("key") != key or not _files_as_recorded(stamp.get("files", {}), written):
            return False
        self._summary = stamp.get("summary")
        return self._summary is not None

    def _refresh_input_stamp(self) -> None:
        """The outputs are current but the input files were touched: record them as they are now,
        so that the next unchanged re-run is recognised without reading (:func:`recorded_build`)."""
        import json

        from kg.cache import ExtractionCache

        if self.input_stamp is None:
            return
        with ExtractionCache(self.cache_path, self.fingerprint) as cache:
            stamp = json.loads(cache.get_meta("outputs"))
            if stamp.get("inputs") != self.input_stamp and "options" in stamp:
                stamp["inputs"] = self.input_stamp
                cache.set_meta("outputs", json.dumps(stamp))

    def _record_outputs(self, key: str, written: dict[str, Path]) -> None:
        import json

        from kg.cache import ExtractionCache

        files = {}
        for path in written.values():
            info = os.stat(path)
            files[str(path)] = [info.st_size, info.st_mtime_ns]
        stamp = {"key": key, "files": files, "summary": self.summary()}
        if self.input_stamp is not None:
            stamp["inputs"] = self.input_stamp
            stamp["options"] = self._options
            stamp["papers"] = len(self.extractions)
            stamp["problems"] = [[*problem.source, problem.reason] for problem in self.problems]
        with ExtractionCache(self.cache_path, self.fingerprint) as cache:
            cache.set_meta("outputs", json.dumps(stamp))
            cache.set_meta(IN_PROGRESS, None)
            # every paper of this build has its row, so as many rows as papers means nothing
            # else is left to prune (and hashing every paper again is skipped)
            if cache.total_rows() != len(self.extractions):
                cache.prune(keep=[x.paper for x in self.extractions])


def _files_as_recorded(recorded: dict[str, list[int]], written: dict[str, Path]) -> bool:
    """Whether ``written`` are exactly the files recorded, each with its recorded size and time."""
    if recorded.keys() != {str(path) for path in written.values()}:
        return False
    for path, (size, mtime) in recorded.items():
        try:
            info = os.stat(path)
        except OSError:
            return False
        if (info.st_size, info.st_mtime_ns) != (size, mtime):
            return False
    return True


#: From this many papers on, the RDF is written by a forked child beside the other outputs
#: (when the machine has a second CPU): below it the fork is not worth its cost.
PARALLEL_RDF_PAPERS = 5000

#: The catalogue last loaded for linking, by ``(files, pipeline fingerprint)``.
_CATALOGUE_MEMO: dict[tuple, Catalogue] = {}


def _load_catalogue(files: tuple[str, ...], fingerprint: str | None) -> Catalogue:
    """The catalogue of ``files``, reused within a process while the fingerprint is the same.

    The pipeline fingerprint hashes the catalogue's entries, so an equal fingerprint means an
    equal catalogue; without one the files are always read. A pipeline this process built for
    the same files (to extract new papers) lends its catalogue.
    """
    from kg.engines import built_catalogue
    from kg.nlp.catalogue import load_catalogue

    key = (files, fingerprint)
    if fingerprint is not None and key in _CATALOGUE_MEMO:
        return _CATALOGUE_MEMO[key]
    catalogue = built_catalogue(files)
    if catalogue is None:
        catalogue = load_catalogue(files)
    if fingerprint is not None:
        _CATALOGUE_MEMO.clear()  # one at a time: a catalogue is large
        _CATALOGUE_MEMO[key] = catalogue
    return catalogue


def preload_writers() -> None:
    """Import now the modules that :meth:`BuildResult.write` imports on first use.

    A ``kg build --watch`` process calls it while it waits, so that its first rebuild does
    not pay for them (about 0.15 s, most of it the output and view modules).

    >>> preload_writers()
    >>> import sys; "kg.outputs" in sys.modules and "kg.view" in sys.modules
    True
    """
    import kg.cache
    import kg.forking
    import kg.graph
    import kg.io
    import kg.layout
    import kg.outputs
    import kg.pairs
    import kg.rdf
    import kg.resolve
    import kg.view  # noqa: F401


def keep_between_builds(on: bool = True) -> None:
    """Keep (or stop keeping) in memory what a build read from its cache, for the next build
    of this process: the records of each input file (taken again while the file's stamp is
    unchanged, :func:`kg.parsed.keep_recent_files`) and each paper's cached extraction with
    the link facts it decoded (:func:`kg.cache.keep_recent_rows`). A ``kg build --watch``
    process turns it on: at 10,000 papers a rebuild then skips about 0.3 s of database
    reads and decoding, for the memory of one build's records and extractions.

    >>> keep_between_builds(); keep_between_builds(False)
    """
    from kg.cache import keep_recent_rows
    from kg.parsed import keep_recent_files

    keep_recent_files(on)
    keep_recent_rows(on)


def graph_summary(graph: nx.MultiDiGraph) -> dict:
    """Counts of ``graph``: papers, repeats merged, entities by type, edges by relation.

    >>> import networkx as nx
    >>> graph_summary(nx.MultiDiGraph())["papers"]
    0
    """
    from collections import Counter

    from kg.graph import entity_nodes, paper_nodes

    papers = sum(1 for _ in paper_nodes(graph))
    sources = sum(len(d.get("sources", [])) for _, d in paper_nodes(graph))
    types = Counter(d["type"] for _, d in entity_nodes(graph))
    if graph.is_directed() and graph.is_multigraph():  # the adjacency dicts, not a tuple per edge
        relations = Counter(k for nbrs in graph._succ.values() for keyed in nbrs.values() for k in keyed)
    else:
        relations = Counter(k for _, _, k in graph.edges(keys=True))
    return {
        "papers": papers,
        "repeats": max(0, sources - papers),
        "entities": dict(sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))),
        "edges": dict(sorted(relations.items(), key=lambda kv: (-kv[1], kv[0]))),
    }


def read(
    inputs: Iterable[str | Path],
    *,
    format: str | None = None,
    cache: str | Path | None = None,
    exclude: str | Path | None = None,
) -> tuple[list, list]:
    """Read and de-duplicate papers: ``(papers, problems)``.

    With ``cache`` (an extraction cache file, see :mod:`kg.cache`), what each input file gave
    is kept there, and a file whose stamp (size, modification time, inode) or bytes are
    unchanged since (read with the same ``format`` by the same kg) is not parsed again
    (:class:`kg.parsed.ParsedFiles`). Nothing under the folder ``exclude`` (a build's output
    folder inside an input folder) is read.
    """
    papers, problems, parsed = _read(inputs, format, cache, exclude)
    parsed.save()
    return papers, problems


def _read(
    inputs: Iterable[str | Path],
    format: str | None,
    cache: str | Path | None,
    exclude: str | Path | None = None,
) -> tuple[list, list, ParsedFiles]:
    """:func:`read`, with what is to be kept in the cache left for the caller to save, and the
    folder ``exclude`` not read."""
    from kg.parsed import ParsedFiles
    from kg.records import Paper
    from kg.sources import merge_duplicates

    parsed = ParsedFiles(None if cache is None else Path(cache), format)
    papers: list[Paper] = []
    problems: list[SourceProblem] = []
    for record in parsed.records(inputs, skip=exclude):
        (papers if isinstance(record, Paper) else problems).append(record)
    return merge_duplicates(papers), problems, parsed


def extract(
    inputs: Iterable[str | Path],
    *,
    format: str | None = None,
    catalogue: Iterable[str | Path] = (),
    spacy_model: str | None = None,
    progress: Progress | None = None,
    total: Callable[[int], None] | None = None,
    cache: str | Path | None = None,
    stop_on_problem: bool = False,
    jobs: int | None = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> ExtractResult:
    """Read ``inputs`` and find the entities of every paper.

    ``total`` is called once with the number of unique papers, ``progress`` as papers are
    done. With ``cache`` (an SQLite file, see :mod:`kg.cache`) papers already extracted by
    the same pipeline are read back, and new extractions are saved as they finish. With
    ``stop_on_problem``, a bad input record raises :class:`InputProblem` before anything is
    extracted. ``jobs`` worker processes (``None``: one per CPU) run the spaCy stage;
    ``engine="dask"`` runs it on a Dask cluster instead (``scheduler`` is its address; none
    starts a local cluster of ``jobs`` workers). Every engine gives the same extractions in
    the same order.
    """
    return _extract(
        inputs,
        format=format,
        catalogue=catalogue,
        spacy_model=spacy_model,
        progress=progress,
        total=total,
        cache=cache,
        stop_on_problem=stop_on_problem,
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
    )[0]


def _extract(
    inputs: Iterable[str | Path],
    *,
    format: str | None,
    catalogue: Iterable[str | Path],
    spacy_model: str | None,
    progress: Progress | None,
    total: Callable[[int], None] | None,
    cache: str | Path | None,
    stop_on_problem: bool = False,
    jobs: int | None = 1,
    engine: str = "local",
    scheduler: str | None = None,
    exclude: str | Path | None = None,
) -> tuple[ExtractResult, dict]:
    """:func:`extract`, and what the cache did: ``cached``, ``resumed``, ``fingerprint``."""
    from kg.engines import PipelineSettings
    from kg.runtime import relaxed_gc

    started = time.perf_counter()
    settings = PipelineSettings.of(catalogue, spacy_model)
    engine_options = {"engine": engine, "jobs": jobs, "scheduler": scheduler}
    extractor = None if cache is None else _start_extractor(settings, engine_options, Path(cache))
    try:
        with relaxed_gc():  # many small objects stay alive from here on
            papers, problems, parsed = _read(inputs, format, cache, exclude)
            if problems and stop_on_problem:
                raise InputProblem(problems[0])
            parsed.save()
            if total is not None:
                total(len(papers))
            info: dict = {"cached": 0, "resumed": False, "fingerprint": None}
            if cache is None:
                extractions = list(_run_engine(papers, settings, engine_options, progress))
            else:
                info["fingerprint"] = _fingerprint(settings, Path(cache))
                extractions = _extract_cached(
                    papers, settings, engine_options, Path(cache), progress, info, extractor
                )
            return ExtractResult(extractions, problems, time.perf_counter() - started), info
    finally:
        if extractor is not None:
            extractor.cancel()  # (nothing when it has answered)


def _run_engine(
    papers: list[Paper], settings, options: dict, progress: Progress | None
) -> Iterator[PaperExtraction]:
    """Extract ``papers`` on the engine ``options`` name, sized for this many papers."""
    from kg.engines import open_engine

    with open_engine(
        options["engine"], settings, jobs=options["jobs"], scheduler=options["scheduler"], papers=len(papers)
    ) as pool:
        for extraction in pool.extract(papers):
            yield extraction
            if progress is not None:
                progress(1)


def _fingerprint(settings, cache_path: Path) -> str:
    """The pipeline fingerprint of ``settings``, read from the cache when nothing it hashes changed.

    Building a pipeline (and importing spaCy) takes seconds, which a re-run with nothing to
    extract should not pay. The cache keeps the fingerprint beside a key of everything the
    pipeline is made from: kg's own files (code and shipped catalogue), the spaCy version and
    the bytes of the extra catalogue files. With a ``spacy_model`` the pipeline is always built.
    """
    from kg.cache import ExtractionCache

    recorded = _recorded_fingerprint(settings, cache_path)
    if recorded is not None:
        return recorded
    from kg.engines import pipeline_for
    from kg.nlp.pipeline import pipeline_fingerprint

    fingerprint = pipeline_fingerprint(pipeline_for(settings))
    key = _pipeline_inputs_key(settings)
    if key is not None:
        with ExtractionCache(cache_path, fingerprint) as cache:
            cache.set_meta(PIPELINE_KEY, f"{key} {fingerprint}")
    return fingerprint


def _recorded_fingerprint(settings, cache_path: Path) -> str | None:
    """The fingerprint the cache at ``cache_path`` recorded for a pipeline made from what
    ``settings`` is made from now, or ``None`` (no such record, no cache file yet)."""
    from kg.cache import ExtractionCache

    key = _pipeline_inputs_key(settings)
    if key is None or not cache_path.is_file():
        return None
    with ExtractionCache(cache_path, "") as cache:
        saved = cache.get_meta(PIPELINE_KEY)
    if saved is not None and saved.startswith(key + " "):
        return saved[len(key) + 1 :]
    return None


@functools.lru_cache(maxsize=8)  # settings carry the catalogue files' sizes and times
def _pipeline_inputs_key(settings) -> str | None:
    """A hash of what the pipeline of ``settings`` is built from, or ``None`` if it cannot be
    told without building it (a spaCy model, an unreadable catalogue file)."""
    import hashlib
    import importlib.metadata

    if settings.spacy_model is not None:
        return None
    digest = hashlib.sha256(code_hash().encode())
    digest.update(importlib.metadata.version("spacy").encode())
    for file in settings.catalogue_files:
        try:
            data = Path(file).read_bytes()
        except OSError:
            return None
        digest.update(b"\0%d\0" % len(data) + data)
    return digest.hexdigest()


#: Cache metadata key: the pipeline inputs key and the fingerprint it gave.
PIPELINE_KEY = "pipeline"


def _extract_cached(
    papers: list[Paper],
    settings,
    engine_options: dict,
    path: Path,
    progress: Progress | None,
    info: dict,
    extractor: ForkedJob | None = None,
) -> list[PaperExtraction]:
    """Reuse cached extractions, extract the rest on the engine and save them in small batches.
    A few new papers go to ``extractor`` (:func:`_start_extractor`), when there is one."""
    from kg.cache import ExtractionCache

    fingerprint = info["fingerprint"]
    with ExtractionCache(path, fingerprint) as cache:
        found = cache.get_cached(papers)  # decoded only when read (see CachedExtraction)
        info["cached"] = len(found)
        info["resumed"] = cache.get_meta(IN_PROGRESS) == fingerprint and bool(found)
        missing = [i for i in range(len(papers)) if i not in found]
        if missing:
            cache.set_meta(IN_PROGRESS, fingerprint)
        if progress is not None and found:
            progress(len(found))

        def prepare() -> None:  # this process's share while a forked child extracts
            preload_writers()
            _load_catalogue(settings.catalogue_files, fingerprint)
            for extraction in found.values():
                extraction.link_facts()

        if extractor is not None and not 0 < len(missing) <= CACHE_BATCH:
            extractor.cancel()  # nothing to extract, or enough for the engine's workers
            extractor = None
        _extract_missing(
            papers, missing, found, settings, engine_options, cache, progress, extractor, prepare
        )
    return [found[i] for i in range(len(papers))]


def _extract_missing(
    papers: list[Paper],
    missing: list[int],
    found: dict[int, PaperExtraction],
    settings,
    engine_options: dict,
    cache,
    progress: Progress | None,
    extractor: ForkedJob | None = None,
    prepare: Callable[[], None] = lambda: None,
) -> None:
    """Fill ``found`` at the ``missing`` indices from the engine, saving the extractions in
    ``cache`` in small batches; or from ``extractor``, a forked child, while this process runs
    ``prepare``."""
    batch: list[PaperExtraction] = []
    last_commit = time.monotonic()
    todo = None
    try:
        if missing and extractor is not None:
            todo = _extracted_beside([papers[i] for i in missing], settings, extractor, prepare)
        elif missing:  # the engine is sized for what is left: a few new papers are extracted in-process
            todo = _run_engine([papers[i] for i in missing], settings, engine_options, None)
        for index, extraction in zip(missing, todo or (), strict=True):
            found[index] = extraction
            batch.append(extraction)
            if len(batch) >= CACHE_BATCH or time.monotonic() - last_commit > 2.0:
                cache.put(batch)
                batch, last_commit = [], time.monotonic()
            if progress is not None:
                progress(1)
    finally:  # Ctrl-C keeps what was done
        if todo is not None:
            todo.close()  # stops the workers now, not when the generator is collected
        if batch:
            cache.put(batch)


#: Papers per cache transaction while extracting: a killed build loses at most this many.
CACHE_BATCH = 256


def _start_extractor(settings, engine_options: dict, cache_path: Path) -> ForkedJob | None:
    """A forked child that imports spaCy and builds the pipeline while this process reads the
    inputs and finds the cached papers, and then extracts the new papers it is sent
    (:func:`_extracted_beside`); or ``None``, where it would not pay.

    It pays for a build whose cache knows the pipeline (so nothing else builds it first) on
    the local engine, when more than one job is allowed, a second CPU and ``fork`` exist, and
    this process has not built the pipeline yet: a watching build has one and extracts here.
    It is sent work only when the new papers fit one cache batch (fewer than two workers'
    chunks), and stopped otherwise.
    """
    from kg.engines import default_jobs, extract_as_json, pipeline_built, warm_pipeline
    from kg.forking import can_fork, start_forked

    jobs = engine_options["jobs"]
    asked = default_jobs() if jobs is None else jobs
    if engine_options["engine"] != "local" or asked < 2 or not can_fork() or pipeline_built(settings):
        return None
    if _recorded_fingerprint(settings, cache_path) is None:
        return None
    return start_forked(
        functools.partial(extract_as_json, settings=settings),
        ready=functools.partial(warm_pipeline, settings),
    )


def _extracted_beside(
    papers: list[Paper], settings, extractor: ForkedJob, prepare: Callable[[], None]
) -> Iterator[PaperExtraction]:
    """The extractions of ``papers``, made by the forked ``extractor`` while this process runs
    ``prepare``.

    Should the child fail, the papers are extracted here instead, so that the error (a bad
    catalogue file, say) is raised as it would be without the child.
    """
    from kg.engines import extract_as_json, rebuild
    from kg.forking import ForkedJobError

    extractor.send(papers)
    try:
        prepare()
        found = extractor.result()
    except ForkedJobError:
        found = extract_as_json(papers, settings)
    yield from rebuild(papers, found)


def build(
    inputs: Iterable[str | Path],
    *,
    format: str | None = None,
    catalogue: Iterable[str | Path] = (),
    spacy_model: str | None = None,
    progress: Progress | None = None,
    total: Callable[[int], None] | None = None,
    cache: str | Path | None = None,
    stop_on_problem: bool = False,
    jobs: int | None = 1,
    engine: str = "local",
    scheduler: str | None = None,
    exclude: str | Path | None = None,
) -> BuildResult:
    """Read and extract: the build of ``inputs``, ready to :meth:`~BuildResult.write`.

    ``cache`` is an extraction cache file (``DIR/.kg-cache.sqlite`` for ``kg build``):
    papers it holds for the same pipeline are not extracted again, and a build that was
    interrupted continues where it stopped. ``stop_on_problem`` is as in :func:`extract`.
    ``exclude`` is a folder whose files are never read as input, the output folder when it
    lies inside an input folder (default: the cache's folder).
    """
    if exclude is None and cache is not None:
        exclude = Path(cache).parent
    started = time.perf_counter()
    inputs = list(inputs)
    catalogue = list(catalogue)
    input_stamp = None
    if cache is not None:
        input_stamp = _input_stamp(inputs, format, catalogue, spacy_model, skip=exclude)
    result, info = _extract(
        inputs,
        format=format,
        catalogue=catalogue,
        spacy_model=spacy_model,
        progress=progress,
        total=total,
        cache=cache,
        stop_on_problem=stop_on_problem,
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
        exclude=exclude,
    )
    return BuildResult(
        result.extractions,
        result.problems,
        time.perf_counter() - started,
        catalogue_files=tuple(str(path) for path in catalogue),
        cached=info["cached"],
        resumed=info["resumed"],
        cache_path=None if cache is None else Path(cache),
        fingerprint=info["fingerprint"],
        input_stamp=input_stamp,
    )


def _output_names(outputs: Sequence[str], rdf_format: str, skipped: bool) -> dict[str, str]:
    """The file name of each chosen output (``skipped``: with ``skipped.jsonl``)."""
    from kg.iri import RDF_FORMATS

    names = {name: OUTPUT_FILES[name] for name in outputs}
    if "ttl" in names:
        names["ttl"] = str(Path(names["ttl"]).with_suffix(RDF_FORMATS[rdf_format]))
    if skipped:
        names["skipped"] = SKIPPED_FILE
    return names


def _input_stamp(
    inputs: list[str | Path],
    format: str | None,
    catalogue: list[str | Path],
    spacy_model: str | None,
    *,
    skip: Path | None = None,
) -> list | None:
    """What a build reads, as seen before reading it: every input file's path, size and
    modification time, the format, and :func:`_pipeline_inputs_key`. ``None`` when that cannot
    tell a change (standard input, a spaCy model, an unreadable file)."""
    from kg.engines import PipelineSettings
    from kg.sources import input_files

    pipeline = _pipeline_inputs_key(PipelineSettings.of(catalogue, spacy_model))
    if pipeline is None:
        return None
    files: list = []
    for item in input_files(inputs, skip=skip):
        if isinstance(item, SourceProblem):
            files.append(str(item))
            continue
        if str(item) == "-":
            return None
        try:
            info = os.stat(item)
        except OSError:
            return None
        files.append([os.path.abspath(item), info.st_size, info.st_mtime_ns])
    return [format, pipeline, files]


@dataclass
class RecordedBuild:
    """The last build written to an output folder, found unchanged by :func:`recorded_build`."""

    summary: dict
    papers: int
    problems: list[SourceProblem]
    written: dict[str, Path]


def recorded_build(
    inputs: Iterable[str | Path],
    out: str | Path,
    *,
    format: str | None = None,
    catalogue: Iterable[str | Path] = (),
    spacy_model: str | None = None,
    outputs: Sequence[str] = tuple(OUTPUT_FILES),
    base_iri: str | None = None,
    max_nodes: int = 1500,
    rdf_format: str = "turtle",
    skipped: bool = False,
) -> RecordedBuild | None:
    """The build last written to ``out`` if building ``inputs`` again would change nothing.

    That is so when the cache in ``out`` recorded, at its last write, the same input files
    with the same sizes and modification times, the same pipeline inputs (kg's files, the
    spaCy version, the catalogue files' bytes), the same options, and output files that are
    still as written. Then nothing is read: ``kg build`` answers an unchanged re-run in the
    time it takes to start. Otherwise (or for standard input or a ``spacy_model``) ``None``:
    run :func:`build`.
    """
    import json

    from kg.cache import CACHE_FILE, ExtractionCache
    from kg.iri import DEFAULT_BASE_IRI, check_base_iri
    from kg.records import SourceRef

    out = Path(out)
    if not (out / CACHE_FILE).exists():
        return None
    stamp = _input_stamp(list(inputs), format, list(catalogue), spacy_model, skip=out)
    if stamp is None:
        return None
    with ExtractionCache(out / CACHE_FILE, "") as cache:
        saved = cache.get_meta("outputs")
    if saved is None:
        return None
    saved = json.loads(saved)
    if saved.get("inputs") != stamp:
        return None
    problems = [SourceProblem(SourceRef(file, line), reason) for file, line, reason in saved["problems"]]
    names = _output_names(outputs, rdf_format, skipped and bool(problems))
    base = check_base_iri(base_iri or DEFAULT_BASE_IRI)
    if saved.get("options") != json.loads(json.dumps([sorted(names.items()), base, max_nodes])):
        return None
    written = {name: out / file for name, file in names.items()}
    if not _files_as_recorded(saved["files"], written):
        return None
    return RecordedBuild(saved["summary"], saved["papers"], problems, written)


def load(path: str | Path) -> nx.MultiDiGraph:
    """Load a built graph: an output folder, its ``graph.json``, or its RDF (.ttl, .nt, .jsonld)."""
    from kg.graph import load_graph_json

    path = Path(path)
    if path.is_dir():
        path = path / OUTPUT_FILES["json"]
    if path.suffix in (".ttl", ".nt", ".jsonld"):
        from kg.rdfread import read_rdf

        return read_rdf(path)
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
