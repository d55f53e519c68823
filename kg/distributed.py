"""The Dask engine: the spaCy stage on the workers of a ``dask.distributed`` cluster.

Papers are cut into partitions and sent to the workers with ``client.submit``; each worker
process builds its pipeline once (kept per settings and per worker thread) and returns the
entities as JSON; the caller gathers the partitions in input order and rebuilds the records,
so the graph and every output are the same as with the local engine. A bounded number of
partitions is in flight at a time, so the caller's memory does not grow with the corpus.

With no scheduler address a ``LocalCluster`` of ``workers`` single-threaded worker
processes is started (and stopped) on this machine. Workers of a real cluster need kg
installed (same version) and the catalogue files at the same paths.

Needs the ``dask`` extra: ``pip install "kg[dask]"``.

Examples
--------
>>> from kg.records import Paper
>>> with DaskPool(workers=1) as pool:                        # doctest: +SKIP
...     [x.paper.id for x in pool.extract([Paper("a", "T", "We use BERT.")])]
['a']
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Iterator

from kg.engines import (
    DEFAULT_CHUNK_SIZE,
    PipelineSettings,
    _extract_in_zone,
    chunked,
    default_jobs,
    rebuild,
)
from kg.records import Paper, PaperExtraction

__all__ = ["DaskPool", "extract_partition", "warm_worker"]

_local = threading.local()


def _pipeline(settings: PipelineSettings):
    """One pipeline per settings and per worker thread (spaCy pipelines are not shared)."""
    cache = getattr(_local, "pipelines", None)
    if cache is None:
        cache = _local.pipelines = {}
    if settings not in cache:
        from kg.nlp.pipeline import make_pipeline

        cache[settings] = make_pipeline(
            catalogue_files=list(settings.catalogue_files), spacy_model=settings.spacy_model
        )
    return cache[settings]


def extract_partition(settings: PipelineSettings, papers: list[Paper]) -> list[list[dict]]:
    """Worker side: each paper's entities as JSON (as :func:`kg.engines.extract_chunk`)."""
    extractions = _extract_in_zone(papers, _pipeline(settings), keep_zone=True)
    return [[entity.to_json() for entity in x.entities] for x in extractions]


def warm_worker(settings: PipelineSettings) -> bool:
    """Worker side: build the pipeline now; run on every worker by :meth:`DaskPool.warm`."""
    from kg.engines import ready_pipeline

    ready_pipeline(_pipeline(settings))
    return True


class DaskPool:
    """A Dask client (and, with no ``scheduler``, a ``LocalCluster``); a context manager.

    Parameters
    ----------
    settings
        Which pipeline the workers build.
    scheduler
        Address of a running scheduler, e.g. ``tcp://host:8786``.
    workers
        Worker processes of the local cluster (``None``: one per CPU); unused with ``scheduler``.
    papers
        Number of papers, when known: small corpora get smaller partitions so every worker
        has some.
    partition_size
        Most papers per task.
    """

    def __init__(
        self,
        settings: PipelineSettings | None = None,
        *,
        scheduler: str | None = None,
        workers: int | None = None,
        papers: int | None = None,
        partition_size: int = DEFAULT_CHUNK_SIZE,
    ) -> None:
        self.settings = settings or PipelineSettings()
        self.scheduler = scheduler
        self.jobs = default_jobs() if workers is None else max(1, workers)
        if papers:
            partition_size = max(1, min(partition_size, -(-papers // (2 * self.jobs))))
        self.partition_size = partition_size
        self.client = None
        self._cluster = None

    def __enter__(self) -> DaskPool:
        try:
            from distributed import Client, LocalCluster
        except ImportError as error:  # pragma: no cover - depends on the install
            raise RuntimeError('the dask engine needs the dask extra: pip install "kg[dask]"') from error
        if self.scheduler:
            self.client = Client(self.scheduler)
            self.jobs = max(1, len(self.client.scheduler_info().get("workers", {})))
        else:
            self._cluster = LocalCluster(
                n_workers=self.jobs,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=40,
            )
            self.client = Client(self._cluster)
        return self

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def warm(self) -> None:
        """Build the pipeline on every worker now."""
        self.client.run(warm_worker, self.settings)

    def submit(self, function, *args):
        """Run ``function(*args)`` on a worker; a Dask future."""
        return self.client.submit(function, *args, pure=False)

    def extract(self, papers: Iterable[Paper]) -> Iterator[PaperExtraction]:
        """Yield the extraction of every paper of ``papers``, in order."""
        pending: deque = deque()
        limit = 2 * self.jobs
        for chunk in chunked(papers, self.partition_size):
            pending.append((chunk, self.client.submit(extract_partition, self.settings, chunk, pure=False)))
            while len(pending) >= limit:
                done, future = pending.popleft()
                yield from rebuild(done, future.result())
                future.release()
        while pending:
            done, future = pending.popleft()
            yield from rebuild(done, future.result())
            future.release()
