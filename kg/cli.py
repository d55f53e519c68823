"""The ``kg`` command line: thin typer wrappers over :mod:`kg.api`.

Exit status: 0 when everything went through; 3 when some input records were skipped (the
outputs are still written; ``--allow-skipped`` turns this into 0); 1 on an error that stops
the command (with a one-line reason, never a traceback); 2 for a usage error; 130 when
interrupted by Ctrl-C (the previous outputs are kept, and ``kg build --resume`` continues).
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kg.cache import CACHE_FILE

__all__ = ["app"]

app = typer.Typer(
    name="kg",
    help="Build a knowledge graph of ML papers and the entities their abstracts name.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_SKIPPED = 3
_err = Console(stderr=True)
_out = Console()


class OnError(StrEnum):
    """What to do with an input record that cannot be read."""

    skip = "skip"
    fail = "fail"


class RdfFormat(StrEnum):
    """The RDF serialisations kg writes."""

    turtle = "turtle"
    ntriples = "ntriples"
    jsonld = "jsonld"


class UserError(Exception):
    """An error the user can fix; reported as one line, no traceback."""


Inputs = Annotated[
    list[Path], typer.Argument(help="Files or folders to read ('-' for stdin).", show_default=False)
]
FormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="Input format for every file: dailypapers, jsonl, json, csv, tsv, arxiv-atom, "
        "arxiv-snapshot, hf-api, bibtex (default: guessed from extension and content).",
    ),
]
CatalogueOpt = Annotated[
    list[Path] | None, typer.Option("--catalogue", "-c", help="Extra catalogue JSONL file (repeatable).")
]
SpacyModelOpt = Annotated[
    str | None,
    typer.Option("--spacy-model", help="Start from this installed spaCy pipeline instead of a blank one."),
]
OnErrorOpt = Annotated[
    OnError,
    typer.Option("--on-error", help="skip: report bad records and go on; fail: stop at the first one."),
]
AllowSkippedOpt = Annotated[
    bool, typer.Option("--allow-skipped", help="Exit 0 even when some input records were skipped.")
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs", "-j", min=1, help="Worker processes (local) or local Dask workers (default: one per CPU)."
    ),
]


class Engine(StrEnum):
    """Where the spaCy stage runs."""

    local = "local"
    dask = "dask"


EngineOpt = Annotated[
    Engine, typer.Option("--engine", help="local: a pool of processes here; dask: a Dask cluster.")
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option(
        "--scheduler", help="Dask scheduler address, e.g. tcp://host:8786 (default: a local cluster)."
    ),
]


def _engine_kwargs(jobs: int | None, engine: Engine, scheduler: str | None) -> dict:
    if scheduler and engine is not Engine.dask:
        raise UserError("--scheduler needs --engine dask")
    if engine is Engine.dask:
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise UserError('--engine dask needs the dask extra: pip install "kg[dask]"') from None
    return {"jobs": jobs, "engine": engine.value, "scheduler": scheduler}


def _report_failure(message: str) -> None:
    _err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)


def _fail(message: str) -> typer.Exit:
    _report_failure(message)
    return typer.Exit(1)


def _check_inputs(inputs: list[Path], format: str | None) -> None:
    from kg.sources import FORMATS

    if format is not None and format not in FORMATS:
        raise UserError(f"unknown --format {format!r}; choose one of {', '.join(FORMATS)}")
    if not inputs:
        raise UserError("no input given")


def _progress(quiet: bool) -> Progress:
    return Progress(
        TextColumn("[bold]extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=_err,
        disable=quiet,
        transient=True,
    )


def _report_problems(problems: list, on_error: OnError, quiet: bool) -> None:
    if problems and on_error is OnError.fail:
        raise UserError(f"{problems[0]} (stopping: --on-error fail)")
    for problem in problems[:20]:
        _err.print(f"[yellow]skipped[/yellow] {problem}", highlight=False, soft_wrap=True)
    if len(problems) > 20:
        _err.print(f"[yellow]… and {len(problems) - 20} more skipped[/yellow]")


def _run_extraction(function, inputs, format, catalogue, spacy_model, quiet, **kwargs):
    """Call ``kg.build`` or ``kg.extract`` with a progress bar, turning errors into one line."""
    from kg.api import InputProblem
    from kg.nlp.catalogue import CatalogueError

    _check_inputs(inputs, format)
    with _progress(quiet) as bar:
        task = bar.add_task("extract", total=None)
        try:
            return function(
                [str(p) for p in inputs],
                format=format,
                catalogue=list(catalogue or []),
                spacy_model=spacy_model,
                progress=lambda n: bar.advance(task, n),
                total=lambda n: bar.update(task, total=n),
                **kwargs,
            )
        except CatalogueError as error:
            raise UserError(str(error)) from None
        except InputProblem as error:
            raise UserError(f"{error} (stopping: --on-error fail)") from None
        except OSError as error:
            if spacy_model and "Can't find model" in str(error):
                raise UserError(f"spaCy pipeline {spacy_model!r} is not installed") from None
            raise UserError(str(error)) from None


def _recorded_build(inputs, out, format, catalogue, spacy_model, chosen, base_iri, max_nodes, rdf_format):
    """:func:`kg.api.recorded_build` for ``kg build``'s options (``None``: build as usual)."""
    from kg.api import recorded_build

    _check_inputs(inputs, format)
    return recorded_build(
        [str(p) for p in inputs],
        out,
        format=format,
        catalogue=list(catalogue or []),
        spacy_model=spacy_model,
        outputs=chosen,
        base_iri=base_iri,
        max_nodes=max_nodes,
        rdf_format=str(rdf_format),
        skipped=True,
    )


def _summary_of_recorded(recorded, cache: Path, seconds: float, quiet: bool) -> None:
    """The summary of an unchanged re-run that read nothing (see :func:`kg.api.recorded_build`)."""
    from types import SimpleNamespace

    standing = SimpleNamespace(
        summary=lambda: recorded.summary,
        problems=recorded.problems,
        cache_path=cache,
        cached=recorded.papers,
        extracted=0,
        up_to_date=True,
    )
    _summary(standing, recorded.written, seconds, quiet)


def _summary(result, written: dict[str, Path], seconds: float, quiet: bool) -> None:
    if quiet:
        return
    summary = result.summary()
    table = Table(title="kg build", show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    table.add_row("papers", f"{summary['papers']} ({summary['repeats']} repeats merged)")
    types, relations = summary["entities"], summary["edges"]
    table.add_row("entities", f"{sum(types.values())}: " + ", ".join(f"{t} {n}" for t, n in types.items()))
    table.add_row(
        "edges", f"{sum(relations.values())}: " + ", ".join(f"{r} {n}" for r, n in relations.items())
    )
    table.add_row("skipped", str(len(result.problems)))
    if result.cache_path is not None:
        table.add_row("cache", f"{result.cached} from cache, {result.extracted} extracted")
    for name, path in written.items():
        size = path.stat().st_size
        table.add_row(name, f"{path} ({size / 1024:,.0f} KiB)")
    if result.up_to_date:
        table.add_row("outputs", "up to date (nothing changed since they were written)")
    table.add_row("time", f"{seconds:.1f} s")
    _out.print(table)


@app.command("build")
def build_cli(
    inputs: Inputs,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the outputs.")] = Path("out"),
    format: FormatOpt = None,
    catalogue: CatalogueOpt = None,
    spacy_model: SpacyModelOpt = None,
    base_iri: Annotated[
        str | None, typer.Option("--base-iri", help="Base IRI for minted paper and entity IRIs.")
    ] = None,
    max_nodes: Annotated[int, typer.Option("--max-nodes", help="Most nodes drawn in graph.html.")] = 1500,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue an interrupted build from the papers it cached.")
    ] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help=f"Extract every paper; neither read nor write {CACHE_FILE}.")
    ] = False,
    rdf_format: Annotated[
        RdfFormat, typer.Option("--rdf-format", help="RDF output: graph.ttl, graph.nt or graph.jsonld.")
    ] = RdfFormat.turtle,
    on_error: OnErrorOpt = OnError.skip,
    allow_skipped: AllowSkippedOpt = False,
    quiet: QuietOpt = False,
    jobs: JobsOpt = None,
    engine: EngineOpt = Engine.local,
    scheduler: SchedulerOpt = None,
    outputs: Annotated[
        str,
        typer.Option("--outputs", help="Outputs to write, comma-separated: ttl, html, json, jsonl."),
    ] = "ttl,html,json,jsonl",
    ntriples_parts: Annotated[
        Path | None,
        typer.Option(
            "--ntriples-parts",
            help="Also write the RDF as N-Triples parts into this folder, each part written by a worker.",
        ),
    ] = None,
    watch: Annotated[
        bool,
        typer.Option("--watch", help="Keep running; rebuild whenever an input or catalogue file changes."),
    ] = False,
) -> None:
    """Build graph.ttl, graph.html, graph.json and papers.jsonl from INPUTS into --out.

    Extractions are cached in --out (see --no-cache): a rebuild extracts only new or
    changed papers, and one after a crash or Ctrl-C (--resume) continues where it stopped.
    With --watch, kg stays running and rebuilds whenever an input or catalogue file changes.
    """
    options = dict(
        inputs=inputs,
        out=out,
        format=format,
        catalogue=catalogue,
        spacy_model=spacy_model,
        base_iri=base_iri,
        max_nodes=max_nodes,
        resume=resume,
        no_cache=no_cache,
        rdf_format=rdf_format,
        on_error=on_error,
        allow_skipped=allow_skipped,
        quiet=quiet,
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
        outputs=outputs,
        ntriples_parts=ntriples_parts,
    )
    if not watch:
        status = _build_once(**options)
        if status:
            raise typer.Exit(status)
        return
    _watch_and_build(options)


def _watch_and_build(options: dict) -> None:
    """``kg build --watch``: build, then build again after every change to the inputs.

    A ``SIGTERM`` (what ``kill`` and service managers send) stops it as Ctrl-C does: a rebuild
    it interrupts writes nothing, and the exit status is 0.
    """
    import signal

    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        _watch_until_stopped(options)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _watch_until_stopped(options: dict) -> None:
    import time

    from kg.watch import WatchPlan, changes

    watched = [*options["inputs"], *(options["catalogue"] or [])]
    try:
        plan = WatchPlan.of(watched, options["out"])
    except ValueError as error:
        raise _fail(f"--watch: {error}") from None
    events = changes(plan)
    if next(events, None) is None:  # stopped before it listened
        return
    from kg.api import keep_between_builds

    keep_between_builds()  # the next build takes what this one read from the cache
    # listening from here: a change made during the first build starts a second one
    status = _build_once(**options)
    if status == 130:
        raise typer.Exit(status)
    options["resume"] = False  # a resumed first build leaves a cache that later builds just use
    if status != 1 and options["engine"] is Engine.local:
        try:
            _warm_local_pipeline(options)
        except KeyboardInterrupt:
            return  # Ctrl-C before the watch began: the build above is complete

    def say(message: str) -> None:
        if not options["quiet"]:
            _err.print(message, highlight=False)

    say(f"watching {len(watched)} input(s) for changes (Ctrl-C to stop)")
    try:
        for touched in events:
            first = Path(touched[0]).name + (f" and {len(touched) - 1} more" if len(touched) > 1 else "")
            say(f"changed: {first}; rebuilding")
            started = time.perf_counter()
            status = _build_once(**options)
            if status == 130:
                # Ctrl-C stops the watch, during a rebuild too: that rebuild wrote nothing
                say("stopped watching during a rebuild; the outputs are the last complete build's")
                return
            outcome = "failed" if status == 1 else "rebuilt"
            say(f"{outcome} in {time.perf_counter() - started:.2f} s; watching")
    except KeyboardInterrupt:
        pass  # between a rebuild and the next wait: the watch stops as it would while waiting
    say("stopped watching")


def _warm_local_pipeline(options: dict) -> None:
    """Build the pipeline a small rebuild runs in this process (see :func:`kg.engines.open_engine`)
    now, if an unchanged first build did not need it, warm it on the corpus's first papers
    (:func:`kg.engines.warm_vocabulary`) and import the output writers."""
    from kg.api import preload_writers, read
    from kg.engines import WARM_PAPERS, PipelineSettings, pipeline_for, ready_pipeline, warm_vocabulary

    settings = PipelineSettings.of(options["catalogue"] or [], options["spacy_model"])
    nlp = ready_pipeline(pipeline_for(settings))
    out = options["out"]
    cache = None if options["no_cache"] else out / CACHE_FILE
    papers, _ = read(options["inputs"], format=options["format"], cache=cache, exclude=out)
    warm_vocabulary(nlp, papers[:WARM_PAPERS])
    preload_writers()


def _build_once(
    *,
    inputs,
    out,
    format,
    catalogue,
    spacy_model,
    base_iri,
    max_nodes,
    resume,
    no_cache,
    rdf_format,
    on_error,
    allow_skipped,
    quiet,
    jobs,
    engine,
    scheduler,
    outputs,
    ntriples_parts,
) -> int:
    """One ``kg build``; its exit status (errors are printed, not raised)."""
    import time

    import kg
    from kg.cache import CacheError
    from kg.iri import DEFAULT_BASE_IRI, check_base_iri

    started = time.perf_counter()
    cache = None if no_cache else out / CACHE_FILE
    try:
        try:
            check_base_iri(base_iri or DEFAULT_BASE_IRI)
        except ValueError as error:
            raise UserError(str(error)) from None
        from kg.api import OUTPUT_FILES

        chosen = [name.strip() for name in outputs.split(",") if name.strip()]
        unknown = [name for name in chosen if name not in OUTPUT_FILES]
        if unknown:
            known = ", ".join(OUTPUT_FILES)
            raise UserError(f"unknown --outputs {', '.join(unknown)}; choose from {known}")
        engine_kwargs = _engine_kwargs(jobs, engine, scheduler)
        if resume and no_cache:
            raise UserError("--resume needs the cache; drop --no-cache")
        if resume and not cache.exists():
            _err.print(f"nothing to resume in {out}; building from scratch", highlight=False)
        if cache is not None and not resume and ntriples_parts is None:
            recorded = _recorded_build(
                inputs, out, format, catalogue, spacy_model, chosen, base_iri, max_nodes, rdf_format
            )
            if recorded is not None and not (recorded.problems and on_error is OnError.fail):
                _report_problems(recorded.problems, on_error, quiet)
                _summary_of_recorded(recorded, cache, time.perf_counter() - started, quiet)
                return EXIT_SKIPPED if recorded.problems and not allow_skipped else 0
        result = _run_extraction(
            kg.build,
            inputs,
            format,
            catalogue,
            spacy_model,
            quiet,
            cache=cache,
            stop_on_problem=on_error is OnError.fail,
            exclude=out,
            **engine_kwargs,
        )
        if resume and result.resumed and not quiet:
            note = f"resumed: {result.cached} papers from the interrupted build's cache"
            _err.print(note, highlight=False)
        _report_problems(result.problems, on_error, quiet)
        if not result.extractions:
            raise UserError("no papers could be read from the input")
        written = result.write(
            out,
            outputs=chosen,
            base_iri=base_iri,
            max_nodes=max_nodes,
            skipped=True,
            rdf_format=str(rdf_format),
        )
        parts = []
        if ntriples_parts is not None:
            from kg.api import write_ntriples_parts

            parts = write_ntriples_parts(result.graph, ntriples_parts, base_iri=base_iri, **engine_kwargs)
    except (CacheError, UserError) as error:
        _report_failure(str(error))
        return 1
    except KeyboardInterrupt:
        note = "; the papers extracted so far are cached: run again with --resume" if cache else ""
        message = f"interrupted: {out} keeps its previous outputs{note}"
        _err.print(message, highlight=False, soft_wrap=True)
        return 130
    _summary(result, written, time.perf_counter() - started, quiet)
    if parts and not quiet:
        size = sum(p.stat().st_size for p in parts)
        note = f"N-Triples: {len(parts)} parts -> {ntriples_parts} ({size / 1024:,.0f} KiB)"
        _out.print(note, highlight=False)
    return EXIT_SKIPPED if result.problems and not allow_skipped else 0


@app.command("extract")
def extract_cli(
    inputs: Inputs,
    out: Annotated[Path, typer.Option("--out", "-o", help="JSONL file to write ('-' for stdout).")],
    format: FormatOpt = None,
    catalogue: CatalogueOpt = None,
    spacy_model: SpacyModelOpt = None,
    on_error: OnErrorOpt = OnError.skip,
    allow_skipped: AllowSkippedOpt = False,
    quiet: QuietOpt = False,
    jobs: JobsOpt = None,
    engine: EngineOpt = Engine.local,
    scheduler: SchedulerOpt = None,
) -> None:
    """Write one JSON line per paper with the entities found in it."""
    import kg

    try:
        stop = on_error is OnError.fail
        engine_kwargs = _engine_kwargs(jobs, engine, scheduler)
        result = _run_extraction(
            kg.extract, inputs, format, catalogue, spacy_model, quiet, stop_on_problem=stop, **engine_kwargs
        )
        _report_problems(result.problems, on_error, quiet)
        if str(out) == "-":
            for extraction in result.extractions:
                sys.stdout.write(json.dumps(extraction.to_json(), ensure_ascii=False) + "\n")
        else:
            result.write_jsonl(out)
    except UserError as error:
        raise _fail(str(error)) from None
    if not quiet and str(out) != "-":
        entities = sum(len(x.entities) for x in result.extractions)
        _err.print(
            f"{len(result.extractions)} papers, {entities} entities -> {out} ({result.seconds:.1f} s)",
            highlight=False,
        )
    if result.problems and not allow_skipped:
        raise typer.Exit(EXIT_SKIPPED)


@app.command("view")
def view_cli(
    graph: Annotated[Path, typer.Argument(help="graph.json from kg build, or the build folder.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.")],
    kind: Annotated[
        str, typer.Option("--kind", help="graph: papers and entities; cooccurrence: entities only.")
    ] = "graph",
    focus: Annotated[
        str | None, typer.Option("--focus", help="Only the neighbourhood of this entity (name or alias).")
    ] = None,
    depth: Annotated[int, typer.Option("--depth", help="Hops around --focus.", min=0)] = 2,
    max_nodes: Annotated[int, typer.Option("--max-nodes", help="Most nodes drawn.", min=1)] = 1500,
    min_papers: Annotated[
        int, typer.Option("--min-papers", help="Leave out entities named by fewer papers.", min=1)
    ] = 1,
    types: Annotated[
        str | None,
        typer.Option("--types", help="Entity types to keep, comma-separated (e.g. Model,Benchmark)."),
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="Page title.")] = None,
    quiet: QuietOpt = False,
) -> None:
    """Write an interactive HTML view of a built graph: all of it, co-occurrence, or one neighbourhood."""
    import kg
    from kg.view import render_view
    from kg.viewdata import ViewError, make_view

    try:
        try:
            loaded = kg.load(graph)
        except FileNotFoundError:
            raise UserError(f"no graph at {graph} (give graph.json or a kg build folder)") from None
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise UserError(f"cannot read graph {graph}: {error}") from None
        try:
            view = make_view(
                loaded,
                kind=kind,
                focus=focus,
                depth=depth,
                max_nodes=max_nodes,
                min_papers=min_papers,
                types=types,
            )
        except ViewError as error:
            raise UserError(str(error)) from None
        if title is None:
            named = {"graph": "paper–entity graph", "cooccurrence": "entity co-occurrence"}[kind]
            title = f"kg {named}" + (f" around {loaded.nodes[view.focus]['label']}" if view.focus else "")
        html = render_view(view, title=title)
        from kg.io import atomic_write

        try:
            with atomic_write(out) as stream:
                stream.write(html)
        except OSError as error:
            raise UserError(f"cannot write {out}: {error}") from None
    except UserError as error:
        raise _fail(str(error)) from None
    if not quiet:
        size = len(html.encode("utf-8"))
        _err.print(
            f"{len(view.nodes)} nodes, {len(view.edges)} edges -> {out} ({size / 1024:,.0f} KiB)"
            + (f"\n{view.note}" if view.note else ""),
            highlight=False,
            soft_wrap=True,
        )


@app.command("bench")
def bench_cli(
    papers: Annotated[int, typer.Option("--papers", "-n", min=1, help="Abstracts in the corpus.")] = 2000,
    corpus: Annotated[
        list[Path] | None,
        typer.Option("--corpus", help="Files or folders to repeat (default: ../shared/corpora)."),
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Processes / Dask workers.")] = 2,
    dask: Annotated[bool, typer.Option("--dask/--no-dask", help="Time the Dask engine too.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the numbers as one JSON object.")] = False,
    stream: Annotated[
        int | None,
        typer.Option(
            "--stream",
            min=1,
            help="Instead: stream this many abstracts through extraction and sample memory.",
        ),
    ] = None,
) -> None:
    """Time every stage on N repeated real abstracts and print one table (or --json).

    With --stream N, run only a long extraction of N abstracts (made on the fly, never
    written) and print the RSS of kg and its workers along the way.
    """
    from kg.bench import render_memory_table, render_table, run_bench, run_memory

    for path in corpus or []:
        if not path.exists():
            raise _fail(f"no such corpus: {path}")
    if stream is not None:
        try:
            memory = run_memory(
                papers=stream,
                corpus=list(corpus or []),
                jobs=jobs,
                log=lambda step: _err.print(f"[dim]bench: {step}[/dim]"),
            )
        except (OSError, ValueError, RuntimeError) as error:
            raise _fail(f"bench failed: {error}") from None
        _out.print_json(json.dumps(memory)) if as_json else _out.print(render_memory_table(memory))
        return
    if dask:
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise _fail('--dask needs the dask extra: pip install "kg[dask]" (or pass --no-dask)') from None
    try:
        result = run_bench(
            papers=papers,
            corpus=list(corpus or []),
            jobs=jobs,
            dask=dask,
            log=lambda step: _err.print(f"[dim]bench: {step}[/dim]"),
        )
    except (OSError, ValueError, RuntimeError) as error:
        raise _fail(f"bench failed: {error}") from None
    if as_json:
        _out.print_json(json.dumps(result))
    else:
        _out.print(render_table(result))


def main() -> None:
    """The ``kg`` command: run :data:`app`, then leave without the interpreter's teardown
    (:func:`kg.runtime.exit_now`), which after a large build takes half a second."""
    from kg.runtime import exit_now

    try:
        app()
    except SystemExit as leaving:
        exit_now(leaving.code)
    exit_now(0)


class ExportTo(StrEnum):
    """The formats ``kg export`` writes (see :mod:`kg.exports`)."""

    graphml = "graphml"
    gexf = "gexf"
    neo4j = "neo4j"
    jsonld = "jsonld"


@app.command("export")
def export_cli(
    graph: Annotated[Path, typer.Argument(help="A build's graph.json, or the folder holding it.")],
    to: Annotated[ExportTo, typer.Option("--to", "-t", help="Format to write.")],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="File to write (a folder for neo4j: CSV files and import.sh).")
    ],
    quiet: QuietOpt = False,
) -> None:
    """Write a built graph as GraphML, GEXF (Gephi), Neo4j import CSV or compact JSON-LD."""
    import kg
    from kg.exports import export

    try:
        loaded = kg.load(graph)
    except FileNotFoundError:
        raise _fail(f"no graph at {graph} (give graph.json or the folder kg build wrote)") from None
    except KeyError as error:
        raise _fail(f"cannot read {graph} as a kg graph: no {error} in it") from None
    except (OSError, ValueError, TypeError) as error:
        raise _fail(f"cannot read {graph} as a kg graph: {error}") from None
    if to is ExportTo.neo4j and out.exists() and not out.is_dir():
        raise _fail(f"--out {out} is a file; neo4j export writes a folder")
    if to is not ExportTo.neo4j and out.is_dir():
        raise _fail(f"--out {out} is a folder; {to.value} export writes one file")
    try:
        written = export(loaded, to=to.value, out=out)
    except OSError as error:
        raise _fail(f"cannot write {out}: {error}") from None
    if not quiet:
        for path in written:
            _err.print(f"{path} ({path.stat().st_size / 1024:,.0f} KiB)", highlight=False)
        _err.print(
            f"{loaded.number_of_nodes()} nodes, {loaded.number_of_edges()} edges -> {to.value}",
            highlight=False,
        )


@app.command("evaluate")
def evaluate_cli(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (one paper per line).")],
    pred: Annotated[Path, typer.Argument(help="Predicted JSONL, e.g. from kg extract.")],
    partial: Annotated[
        bool, typer.Option("--partial", help="Also match when one form's words lie inside the other's.")
    ] = False,
    show: Annotated[int, typer.Option("--show", help="Print N misses and N false positives.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as one JSON line.")] = False,
) -> None:
    """Score PRED against GOLD: precision, recall, F1, typed F1 and a per-type table."""
    from kg.evaluate import load_jsonl, score

    try:
        result = score(load_jsonl(gold), load_jsonl(pred), partial=partial)
    except (OSError, ValueError, KeyError) as error:
        raise _fail(f"cannot score: {error}") from None
    if as_json:
        _out.print_json(json.dumps(result.as_dict()))
        return
    table = Table(title=f"{pred.name} vs {gold.name}" + (" (partial)" if partial else ""))
    for column in ("", "precision", "recall", "F1", "typed F1"):
        table.add_column(column, justify="right" if column else "left")
    table.add_row(
        "all", f"{result.precision:.3f}", f"{result.recall:.3f}", f"{result.f1:.3f}", f"{result.typed_f1:.3f}"
    )
    for type_ in sorted(set(result.recall_by_type) | set(result.precision_by_type)):
        recall = result.recall_by_type.get(type_)
        precision = result.precision_by_type.get(type_)
        table.add_row(
            type_,
            "-" if precision is None else f"{precision:.3f}",
            "-" if recall is None else f"{recall:.3f}",
            "",
            "",
        )
    _out.print(table)
    _out.print(
        f"{result.papers_gold} gold papers ({result.papers_missing} missing), "
        f"{result.gold_entities} gold entities, {result.predicted} predicted",
        highlight=False,
    )
    _out.print(
        f"proposed (over matched entities): precision {result.proposed_precision:.3f}, "
        f"recall {result.proposed_recall:.3f}",
        highlight=False,
    )
    if result.shared_misses:
        _out.print(
            f"{result.shared_misses} misses match a prediction already credited to another gold "
            f"entity of the paper (the gold lists forms of one referent apart); recall with them "
            f"credited: {result.shared_recall:.3f}",
            highlight=False,
        )
    if show:
        _out.print("[bold]misses[/bold]")
        for title, type_, name in result.misses[:show]:
            _out.print(f"  {name} ({type_}) — {title[:70]}", highlight=False)
        _out.print("[bold]false positives[/bold]")
        for title, type_, name in result.false_positives[:show]:
            _out.print(f"  {name} ({type_}) — {title[:70]}", highlight=False)


@app.command("validate")
def validate_cli(
    file: Annotated[Path, typer.Argument(help="RDF file kg wrote (.ttl, .nt or .jsonld).")],
    rdf_format: Annotated[
        RdfFormat | None, typer.Option("--rdf-format", help="Format of FILE (default: from its extension).")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="Most violations listed one by one.")] = 50,
) -> None:
    """Check FILE against kg's SHACL shapes; exit 1 when it does not conform."""
    from kg.validate import validate_file

    try:
        report = validate_file(file, format=rdf_format and str(rdf_format))
    except (OSError, ValueError) as error:
        raise _fail(str(error)) from None
    _out.print(report.summary(limit=limit), highlight=False, soft_wrap=True, markup=False)
    if not report.conforms:
        raise typer.Exit(1)


class QueryOutput(StrEnum):
    """How ``kg query`` prints results."""

    table = "table"
    csv = "csv"
    json = "json"


class QueryEngine(StrEnum):
    """The SPARQL engines ``kg query`` can use."""

    oxigraph = "oxigraph"
    rdflib = "rdflib"


def _parse_params(pairs: list[str]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise UserError(f"--param takes NAME=VALUE, not {pair!r}")
        params[name.strip()] = value
    return params


def _list_queries() -> None:
    from kg.query import named_queries

    table = Table(title="named queries (kg query GRAPH --named NAME)", show_lines=False)
    table.add_column("name", style="bold", no_wrap=True)
    table.add_column("what it gives")
    table.add_column("parameters")
    for query in named_queries().values():
        params = "\n".join(f"{p.name}: {p.help}" for p in query.params.values())
        table.add_row(query.name, query.description, params or "-")
    _out.print(table)


def _print_result(result, output: QueryOutput, limit: int | None) -> None:
    if limit is not None:
        result.rows = result.rows[:limit]
    if result.triples is not None:
        sys.stdout.write(result.triples)
    elif output is QueryOutput.json:
        sys.stdout.write(result.to_json() + "\n")
    elif output is QueryOutput.csv:
        sys.stdout.write(result.to_csv())
    elif result.boolean is not None:
        _out.print("true" if result.boolean else "false")
    else:
        rows = len(result.rows)
        table = Table(caption=f"{rows} row{'' if rows == 1 else 's'}", caption_justify="left")
        for column in result.columns:
            table.add_column(column, overflow="fold")
        for row in result.rows:
            table.add_row(*("" if cell is None else str(cell.python()) for cell in row))
        _out.print(table, highlight=False)


@app.command("query")
def query_cli(
    graph: Annotated[
        Path | None, typer.Argument(help="RDF file kg wrote (.ttl, .nt or .jsonld).", show_default=False)
    ] = None,
    query: Annotated[
        str | None, typer.Argument(help="SPARQL text, or a .rq file.", show_default=False)
    ] = None,
    named: Annotated[str | None, typer.Option("--named", "-n", help="Run a named query.")] = None,
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE bound to ?NAME (repeatable).")
    ] = None,
    output: Annotated[QueryOutput, typer.Option("--output", "-o", help="table, csv or json.")] = (
        QueryOutput.table
    ),
    engine: Annotated[
        QueryEngine, typer.Option("--engine", help="oxigraph (fast) or rdflib.")
    ] = QueryEngine.oxigraph,
    limit: Annotated[int | None, typer.Option("--limit", help="Print at most N rows.")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the named queries and exit.")] = False,
) -> None:
    """Run SPARQL on GRAPH: a query given as text, or a named one (--named; see --list)."""
    from kg.query import QueryError, run_query

    if list_:
        _list_queries()
        return
    try:
        if graph is None:
            raise UserError("give the RDF file to query (or --list)")
        if query is not None and named is not None:
            raise UserError("give either a SPARQL query or --named NAME, not both")
        if query is None and named is None:
            raise UserError("give a SPARQL query or --named NAME (kg query --list shows the names)")
        if query is not None and query.endswith(".rq") and Path(query).is_file():
            query = Path(query).read_text(encoding="utf-8")
        result = run_query(graph, query, named=named, params=_parse_params(param or []), engine=str(engine))
    except (UserError, QueryError, OSError, ValueError) as error:
        raise _fail(str(error)) from None
    _print_result(result, output, limit)


@app.command("serve")
def serve_cli(
    graph: Annotated[Path, typer.Argument(help="RDF file kg wrote (.ttl, .nt or .jsonld).")],
    host: Annotated[str, typer.Option("--host", help="Interface to listen on (loopback by default).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option("--port", help="Port to listen on (0 picks a free one).")] = 8000,
) -> None:
    """Serve GRAPH as a local SPARQL 1.1 endpoint (/sparql) with a query page (/)."""
    from kg.query import QueryError
    from kg.serve import serve

    if host not in ("127.0.0.1", "localhost", "::1"):
        _err.print(f"[yellow]warning:[/yellow] listening on {host}: anyone who can reach it can query")
    try:
        serve(graph, host=host, port=port, announce=lambda line: print(line, flush=True))
    except (QueryError, OSError, ValueError) as error:
        raise _fail(str(error)) from None
