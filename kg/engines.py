"""Run the spaCy stage over many papers: in this process, or in a pool of local processes.

Every engine yields one :class:`~kg.records.PaperExtraction` per paper, in input order, and
the same extractions whatever the number of processes. Papers go to workers in chunks;
each worker builds its pipeline once (:func:`pipeline_for` keeps one per
:class:`PipelineSettings`) and sends back the entities as JSON, which the caller turns back
into records around the original :class:`~kg.records.Paper`.

Long runs stay flat in memory: papers are streamed (no list of all docs), and each chunk
runs inside spaCy's ``nlp.memory_zone()``, which frees the strings and lexemes the chunk
added to the vocabulary.

The Dask engine lives in :mod:`kg.distributed`; it reuses :func:`extract_chunk`.

Examples
--------
>>> from kg.records import Paper
>>> papers = [Paper(f"p{i}", f"Paper {i}", "We fine-tune BERT on SQuAD.") for i in range(3)]
>>> [sorted(e.name for e in x.entities) for x in extract_stream(papers, jobs=1)]
[['BERT', 'SQuAD'], ['BERT', 'SQuAD'], ['BERT', 'SQuAD']]
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from kg.records import ExtractedEntity, Paper, PaperExtraction

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "ENGINES",
    "FORK_SPLIT_PAPERS",
    "WARM_PAPERS",
    "ZONE_PAPERS",
    "LocalPool",
    "PipelineSettings",
    "chunked",
    "default_jobs",
    "extract_as_json",
    "extract_chunk",
    "extract_stream",
    "open_engine",
    "pipeline_built",
    "pipeline_for",
    "ready_pipeline",
    "rebuild",
    "warm_pipeline",
    "warm_vocabulary",
]

#: Papers sent to a worker at a time (and papers per ``memory_zone`` in one process).
DEFAULT_CHUNK_SIZE = 256
#: Fewest papers that a pool sized down to one process (too few papers for a second chunk)
#: shares with a forked copy of itself, when more than one job was asked for: the copy has the
#: built pipeline already, so the new papers of a small incremental build take half the time.
FORK_SPLIT_PAPERS = 64

#: The engines ``kg build --engine`` accepts.
ENGINES = ("local", "dask")


@dataclass(frozen=True)
class PipelineSettings:
    """What a worker needs to build the same pipeline as the caller (hashable, picklable).

    >>> PipelineSettings(catalogue_files=("extra.jsonl",)).spacy_model is None
    True
    """

    catalogue_files: tuple[str, ...] = ()
    spacy_model: str | None = None
    #: ``(size, mtime_ns)`` of each catalogue file, so an edited file means a new pipeline
    stamps: tuple[tuple[int, int], ...] = ()

    @classmethod
    def of(cls, catalogue_files: Iterable[str | os.PathLike] = (), spacy_model: str | None = None):
        """Settings for these files as they are now on disk.

        >>> PipelineSettings.of().catalogue_files
        ()
        """
        files = tuple(str(f) for f in catalogue_files)
        stamps = []
        for file in files:
            try:
                info = os.stat(file)
                stamps.append((info.st_size, info.st_mtime_ns))
            except OSError:
                stamps.append((-1, -1))  # the pipeline reports the missing file
        return cls(files, spacy_model, tuple(stamps))


_PIPELINES: dict[PipelineSettings, object] = {}


def pipeline_for(settings: PipelineSettings):
    """The pipeline for ``settings``, built on first use and kept for this process.

    >>> pipeline_for(PipelineSettings()) is pipeline_for(PipelineSettings())
    True
    """
    nlp = _PIPELINES.get(settings)
    if nlp is None:
        from kg.nlp.pipeline import make_pipeline

        nlp = make_pipeline(catalogue_files=list(settings.catalogue_files), spacy_model=settings.spacy_model)
        for stale in [s for s in _PIPELINES if _same_but_edited(s, settings)]:
            del _PIPELINES[stale]  # its catalogue files have changed since: never asked for again
        _PIPELINES[settings] = nlp
    return nlp


def pipeline_built(settings: PipelineSettings) -> bool:
    """Whether this process has built the pipeline for ``settings`` already (a watching build).

    >>> _ = pipeline_for(PipelineSettings()); pipeline_built(PipelineSettings())
    True
    """
    return settings in _PIPELINES


def _same_but_edited(old: PipelineSettings, new: PipelineSettings) -> bool:
    """The same files and model as ``new``, stamped before they were edited.

    >>> _same_but_edited(PipelineSettings(("a",), None, ((1, 1),)), PipelineSettings(("a",), None, ((2, 2),)))
    True
    """
    same = (old.catalogue_files, old.spacy_model) == (new.catalogue_files, new.spacy_model)
    return same and old.stamps != new.stamps


def built_catalogue(catalogue_files: Iterable[str | os.PathLike] = ()):
    """The catalogue of a pipeline this process has built for ``catalogue_files`` as they are
    now on disk, or ``None``: linking the graph after extracting need not read it again.

    >>> built_catalogue(["no-such-file.jsonl"]) is None
    True
    """
    wanted = PipelineSettings.of(catalogue_files)
    for settings, nlp in _PIPELINES.items():
        same_files = (settings.catalogue_files, settings.stamps) == (wanted.catalogue_files, wanted.stamps)
        if same_files and "kg_catalogue" in nlp.pipe_names:
            return nlp.get_pipe("kg_catalogue").catalogue
    return None


def default_jobs() -> int:
    """The number of CPUs this process may run on (at least 1).

    >>> default_jobs() >= 1
    True
    """
    if hasattr(os, "process_cpu_count"):  # Python 3.13+
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def chunked(items: Iterable, size: int) -> Iterator[list]:
    """Lists of ``size`` items from ``items`` (the last one shorter), lazily.

    >>> list(chunked(range(5), 2))
    [[0, 1], [2, 3], [4]]
    """
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


#: Papers a pipeline extracts inside one ``memory_zone`` before the zone is closed and the
#: strings and lexemes it added are freed. A zone per 256-paper chunk made every chunk
#: rebuild the lexemes of words the previous chunk had just freed (half the throughput).
ZONE_PAPERS = 4096
#: Papers a fresh pipeline extracts outside any zone, so that the corpus's common words
#: stay in its vocabulary for good and later zones only hold the rarer ones.
WARM_PAPERS = 256


class _ZoneKeeper:
    """One ``memory_zone`` kept open over several chunks of a pipeline, renewed every
    :data:`ZONE_PAPERS` papers; the first :data:`WARM_PAPERS` papers run outside it."""

    def __init__(self, nlp) -> None:
        self.nlp = nlp
        self.zone = None
        self.inside = 0
        self.warm = 0

    def run(self, papers: list[Paper]) -> list[PaperExtraction]:
        from kg.nlp.pipeline import extract_papers

        pending = [c for _, c in self.nlp.pipeline if not getattr(c, "ready", True)]
        if pending:  # what components build lazily must not be freed with a zone
            self.close()
            for component in pending:
                component.prepare()
        if self.warm < WARM_PAPERS:
            self.close()
            self.warm += len(papers)
            return list(extract_papers(papers, self.nlp))
        if self.zone is not None and self.inside >= ZONE_PAPERS:
            self.close()
        if self.zone is None:
            self.zone = self.nlp.memory_zone()
            self.zone.__enter__()
            self.inside = 0
        self.inside += len(papers)
        return list(extract_papers(papers, self.nlp))

    def close(self) -> None:
        """Leave the open zone, if any, freeing what it added to the vocabulary."""
        zone, self.zone = self.zone, None
        if zone is not None:
            zone.__exit__(None, None, None)


_KEEPERS: dict[int, _ZoneKeeper] = {}


def _extract_in_zone(
    papers: list[Paper], nlp, *, memory_zone: bool = True, keep_zone: bool = False
) -> list[PaperExtraction]:
    """Extract ``papers`` with ``nlp``, inside a memory zone when ``memory_zone``.

    ``keep_zone`` leaves the zone open for the next chunk (workers, and the in-process pool,
    which closes it at the end); otherwise it is closed before returning.
    """
    if not (memory_zone and hasattr(nlp, "memory_zone")):
        from kg.nlp.pipeline import extract_papers

        for _, component in nlp.pipeline:
            getattr(component, "prepare", lambda: None)()
        return list(extract_papers(papers, nlp))
    keeper = _KEEPERS.get(id(nlp))
    if keeper is None or keeper.nlp is not nlp:
        keeper = _KEEPERS[id(nlp)] = _ZoneKeeper(nlp)
    try:
        return keeper.run(papers)
    finally:
        if not keep_zone:
            keeper.close()


def _close_zone(nlp) -> None:
    keeper = _KEEPERS.get(id(nlp))
    if keeper is not None and keeper.nlp is nlp:
        keeper.close()


def extract_chunk(settings: PipelineSettings, papers: list[Paper]) -> list[list[dict]]:
    """Worker side: the entities of each paper of ``papers``, as JSON (one list per paper).

    >>> [[e["name"] for e in es] for es in extract_chunk(PipelineSettings(), [Paper("a", "T", "GPT-4.")])]
    [['GPT-4']]
    """
    return _as_json(_extract_in_zone(papers, pipeline_for(settings), keep_zone=True))


def extract_json(papers: list[Paper], nlp) -> list[list[dict]]:
    """:func:`extract_chunk` with a given pipeline and no memory zone (a forked copy's share,
    whose memory goes when it exits)."""
    return _as_json(_extract_in_zone(papers, nlp, memory_zone=False))


def extract_as_json(papers: list[Paper], settings: PipelineSettings) -> list[list[dict]]:
    """Build the pipeline of ``settings`` and extract ``papers`` in this process, sharing them
    with a forked copy from :data:`FORK_SPLIT_PAPERS` papers on; what :func:`rebuild` takes.

    What a forked child runs for the few new papers of an incremental build, while its parent
    readies the outputs (see :func:`kg.api.build`).

    >>> extract_as_json([Paper("a", "T", "We use BERT.")], PipelineSettings())[0][0]["name"]
    'BERT'
    """
    with LocalPool(settings, jobs=1, fork_helper=True) as pool:
        return _as_json(list(pool.extract(papers)))


def _as_json(extractions: list[PaperExtraction]) -> list[list[dict]]:
    """Each extraction's entities as JSON, what :func:`rebuild` turns back into records."""
    return [[entity.to_json() for entity in x.entities] for x in extractions]


def rebuild(papers: list[Paper], entities: list[list[dict]]) -> list[PaperExtraction]:
    """Caller side: put the JSON entities from :func:`extract_chunk` back with their papers."""
    return [
        PaperExtraction(paper, [ExtractedEntity.from_json(e) for e in found])
        for paper, found in zip(papers, entities, strict=True)
    ]


def warm_vocabulary(nlp, papers: list[Paper]) -> None:
    """Extract ``papers`` with ``nlp`` outside any memory zone and drop the results.

    Their words stay in the pipeline's vocabulary and tokenizer cache for good, so a later
    small batch (a watching build's new papers) finds the corpus's common words there
    rather than making each one again. What a paper gives does not depend on what the
    pipeline saw before.

    >>> from kg.nlp.pipeline import make_pipeline
    >>> nlp = make_pipeline()
    >>> "qubit" in nlp.vocab.strings
    False
    >>> warm_vocabulary(nlp, [Paper("a", "T", "A qubit.")])
    >>> "qubit" in nlp.vocab.strings
    True
    """
    from kg.nlp.pipeline import extract_papers

    for _ in extract_papers(papers, nlp):
        pass


def ready_pipeline(nlp):
    """``nlp`` after one tiny document, so that lazily built parts (the catalogue's phrase
    matchers) are ready before the first real chunk."""
    nlp("Warm up.")
    return nlp


def _init_worker(settings: PipelineSettings) -> None:
    import gc

    ready_pipeline(pipeline_for(settings))
    # The pipeline (catalogue, matchers, vocabulary) lives as long as the worker: moved out of
    # the collector's reach, it is not rescanned by every full collection while papers run.
    gc.freeze()
    gc.set_threshold(max(gc.get_threshold()[0], 10_000), *gc.get_threshold()[1:])


def warm_pipeline(settings: PipelineSettings) -> None:
    """Build the pipeline of ``settings`` in this process and make it ready (:func:`ready_pipeline`).

    >>> warm_pipeline(PipelineSettings()); pipeline_built(PipelineSettings())
    True
    """
    ready_pipeline(pipeline_for(settings))


def _warm(settings: PipelineSettings) -> int:
    import time

    warm_pipeline(settings)
    time.sleep(0.2)  # hold this worker so the next warm-up task lands on another one
    return os.getpid()


class LocalPool:
    """A pool of ``jobs`` worker processes, each with its own pipeline; a context manager.

    ``jobs=1`` runs in this process; with ``fork_helper`` a batch of at least
    :data:`FORK_SPLIT_PAPERS` papers is then split with a forked copy of this process (where
    POSIX ``fork`` and a second CPU exist), which starts with the pipeline already built.
    Keep one pool open to extract several corpora without building the pipelines again
    (what ``kg bench`` does to time the steady state).

    >>> from kg.records import Paper
    >>> with LocalPool(jobs=1) as pool:
    ...     [x.paper.id for x in pool.extract([Paper("a", "T", "We use BERT.")])]
    ['a']
    """

    def __init__(
        self,
        settings: PipelineSettings | None = None,
        *,
        jobs: int | None = 1,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        memory_zone: bool = True,
        build_pipelines: bool = True,
        fork_helper: bool = False,
    ) -> None:
        self.settings = settings or PipelineSettings()
        self.jobs = default_jobs() if jobs is None else max(1, jobs)
        self.build_pipelines = build_pipelines
        self.fork_helper = fork_helper
        self.chunk_size = chunk_size
        self.memory_zone = memory_zone
        self._pool = None
        self._nlp = None

    def __enter__(self) -> LocalPool:
        if self.jobs > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # forkserver: workers start clean (no threads or open files copied from the caller)
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["kg.engines", "kg.nlp.pipeline"])
            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs,
                mp_context=context,
                initializer=_init_worker if self.build_pipelines else None,
                initargs=(self.settings,) if self.build_pipelines else (),
            )
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def _local_pipeline(self):
        if self._nlp is None:  # shared with pipeline_for: the settings carry catalogue file stamps
            self._nlp = pipeline_for(self.settings)
        return self._nlp

    def warm(self) -> None:
        """Start every worker and build its pipeline now rather than on the first chunk."""
        if self._pool is None:
            ready_pipeline(self._local_pipeline())
        else:
            list(self._pool.map(_warm, [self.settings] * self.jobs))

    def submit(self, function, *args):
        """Run ``function(*args)`` on a worker (here when ``jobs=1``); a future."""
        if self._pool is not None:
            return self._pool.submit(function, *args)
        from concurrent.futures import Future

        future: Future = Future()
        future.set_result(function(*args))
        return future

    def extract(self, papers: Iterable[Paper]) -> Iterator[PaperExtraction]:
        """Yield the extraction of every paper of ``papers``, in order."""
        if self._pool is not None:
            yield from self._collect(chunked(papers, self.chunk_size))
            return
        if self.fork_helper:
            from kg.forking import can_fork

            papers = list(papers)
            if len(papers) >= FORK_SPLIT_PAPERS and can_fork():
                yield from self._extract_beside_fork(papers)
                return
        yield from self._extract_here(papers)

    def _extract_here(self, papers: Iterable[Paper]) -> Iterator[PaperExtraction]:
        nlp = self._local_pipeline()
        try:
            for chunk in chunked(papers, self.chunk_size):
                yield from _extract_in_zone(chunk, nlp, memory_zone=self.memory_zone, keep_zone=True)
        finally:  # the caller may go on using the pipeline: no zone stays open
            _close_zone(nlp)

    def _extract_beside_fork(self, papers: list[Paper]) -> Iterator[PaperExtraction]:
        """The first half of ``papers`` here, the second in a forked copy of this process."""
        from kg.forking import start_forked

        nlp = ready_pipeline(self._local_pipeline())  # built and warmed once, for both processes
        half = len(papers) // 2
        tail = papers[half:]
        job = start_forked(lambda: extract_json(tail, nlp))
        try:
            yield from self._extract_here(papers[:half])
            yield from rebuild(tail, job.result())
        finally:  # the caller stopped early or was interrupted: the child goes too
            job.cancel()

    def _collect(self, chunks: Iterator[list[Paper]]) -> Iterator[PaperExtraction]:
        """The results of ``chunks`` extracted by the workers, in order."""
        pending: deque = deque()
        for chunk in chunks:
            pending.append((chunk, self._pool.submit(extract_chunk, self.settings, chunk)))
            while len(pending) >= 2 * self.jobs:  # bounded look-ahead keeps memory flat
                done, future = pending.popleft()
                yield from rebuild(done, future.result())
        while pending:
            done, future = pending.popleft()
            yield from rebuild(done, future.result())


def extract_stream(
    papers: Iterable[Paper],
    *,
    settings: PipelineSettings | None = None,
    jobs: int | None = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    memory_zone: bool = True,
) -> Iterator[PaperExtraction]:
    """Yield the extraction of every paper, in order, using ``jobs`` processes.

    Parameters
    ----------
    papers
        Any iterable; it is read lazily, a few chunks ahead of what has been yielded.
    settings
        Which pipeline to build (default: the shipped catalogue on a blank English pipeline).
    jobs
        Worker processes; ``None`` means one per CPU (:func:`default_jobs`); 1 runs in this
        process with no pool at all.
    chunk_size
        Papers per task sent to a worker (and per ``memory_zone``).
    memory_zone
        Free the vocabulary's per-chunk strings after each chunk (spaCy >= 3.8).

    Notes
    -----
    Workers start with ``forkserver``: a script that calls this with ``jobs > 1`` needs the
    usual ``if __name__ == "__main__":`` guard.
    """
    with LocalPool(settings, jobs=jobs, chunk_size=chunk_size, memory_zone=memory_zone) as pool:
        yield from pool.extract(papers)


def open_engine(
    engine: str = "local",
    settings: PipelineSettings | None = None,
    *,
    jobs: int | None = 1,
    scheduler: str | None = None,
    papers: int | None = None,
    build_pipelines: bool = True,
):
    """The pool for ``engine`` (``"local"`` or ``"dask"``), ready to use as a context manager.

    ``papers``, when known, keeps small inputs from starting more local workers than there
    are chunks to give them.

    >>> with open_engine("local", jobs=4, papers=10) as pool:
    ...     pool.jobs
    1
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if engine == "dask":
        from kg.distributed import DaskPool

        return DaskPool(settings, scheduler=scheduler, workers=jobs, papers=papers)
    if scheduler is not None:
        raise ValueError("--scheduler needs --engine dask")
    asked = default_jobs() if jobs is None else max(1, jobs)
    jobs = asked if papers is None else max(1, min(asked, -(-papers // DEFAULT_CHUNK_SIZE)))
    # too few papers for a second worker's chunk: a forked copy of this process takes half
    return LocalPool(settings, jobs=jobs, build_pipelines=build_pipelines, fork_helper=jobs < asked)
