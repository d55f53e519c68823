"""The ``kg`` command line: thin typer wrappers over :mod:`kg.api`.

Exit status: 0 when everything went through; 3 when some input records were skipped (the
outputs are still written; ``--allow-skipped`` turns this into 0); 1 on an error that stops
the command (with a one-line reason, never a traceback); 2 for a usage error.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

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
        help="Input format for every file: dailypapers, jsonl, json, csv, tsv "
        "(default: guessed from extension and content).",
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


def _fail(message: str) -> typer.Exit:
    _err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
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


def _write_skipped(problems: list, path: Path) -> None:
    from kg.io import atomic_write

    with atomic_write(path) as stream:
        for problem in problems:
            stream.write(
                json.dumps(
                    {"file": problem.source.file, "line": problem.source.line, "reason": problem.reason},
                    ensure_ascii=False,
                )
                + "\n"
            )


def _run_extraction(function, inputs, format, catalogue, spacy_model, quiet, **kwargs):
    """Call ``kg.build`` or ``kg.extract`` with a progress bar, turning errors into one line."""
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
        except OSError as error:
            if spacy_model and "Can't find model" in str(error):
                raise UserError(f"spaCy pipeline {spacy_model!r} is not installed") from None
            raise UserError(str(error)) from None


def _summary(result, written: dict[str, Path], quiet: bool) -> None:
    if quiet:
        return
    from kg.graph import entity_nodes, paper_nodes

    graph = result.graph
    papers = sum(1 for _ in paper_nodes(graph))
    types = Counter(d["type"] for _, d in entity_nodes(graph))
    relations = Counter(k for _, _, k in graph.edges(keys=True))
    sources = sum(len(d.get("sources", [])) for _, d in paper_nodes(graph))
    table = Table(title="kg build", show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column()
    table.add_row("papers", f"{papers} ({sources - papers} repeats merged)")
    table.add_row(
        "entities",
        f"{sum(types.values())}: "
        + ", ".join(f"{t} {n}" for t, n in sorted(types.items(), key=lambda kv: -kv[1])),
    )
    table.add_row(
        "edges",
        f"{graph.number_of_edges()}: "
        + ", ".join(f"{r} {n}" for r, n in sorted(relations.items(), key=lambda kv: -kv[1])),
    )
    table.add_row("skipped", str(len(result.problems)))
    for name, path in written.items():
        size = path.stat().st_size
        table.add_row(name, f"{path} ({size / 1024:,.0f} KiB)")
    table.add_row("time", f"{result.seconds:.1f} s")
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
) -> None:
    """Build graph.ttl, graph.html, graph.json and papers.jsonl from INPUTS into --out."""
    import kg

    try:
        from kg.api import OUTPUT_FILES

        chosen = [name.strip() for name in outputs.split(",") if name.strip()]
        unknown = [name for name in chosen if name not in OUTPUT_FILES]
        if unknown:
            raise UserError(f"unknown --outputs {', '.join(unknown)}; choose from {', '.join(OUTPUT_FILES)}")
        engine_kwargs = _engine_kwargs(jobs, engine, scheduler)
        result = _run_extraction(kg.build, inputs, format, catalogue, spacy_model, quiet, **engine_kwargs)
        _report_problems(result.problems, on_error, quiet)
        if not result.extractions:
            raise UserError("no papers could be read from the input")
        written = result.write(out, outputs=chosen, base_iri=base_iri, max_nodes=max_nodes)
        parts = []
        if ntriples_parts is not None:
            from kg.api import write_ntriples_parts

            parts = write_ntriples_parts(result.graph, ntriples_parts, base_iri=base_iri, **engine_kwargs)
        if result.problems:
            _write_skipped(result.problems, out / "skipped.jsonl")
            written["skipped"] = out / "skipped.jsonl"
        elif (out / "skipped.jsonl").exists():
            (out / "skipped.jsonl").unlink()
    except UserError as error:
        raise _fail(str(error)) from None
    _summary(result, written, quiet)
    if parts and not quiet:
        size = sum(p.stat().st_size for p in parts)
        note = f"N-Triples: {len(parts)} parts -> {ntriples_parts} ({size / 1024:,.0f} KiB)"
        _out.print(note, highlight=False)
    if result.problems and not allow_skipped:
        raise typer.Exit(EXIT_SKIPPED)


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
        engine_kwargs = _engine_kwargs(jobs, engine, scheduler)
        result = _run_extraction(kg.extract, inputs, format, catalogue, spacy_model, quiet, **engine_kwargs)
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
) -> None:
    """Time every stage on N repeated real abstracts and print one table (or --json)."""
    from kg.bench import render_table, run_bench

    for path in corpus or []:
        if not path.exists():
            raise _fail(f"no such corpus: {path}")
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


def main() -> None:  # pragma: no cover - console entry point
    app()


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
    if show:
        _out.print("[bold]misses[/bold]")
        for title, type_, name in result.misses[:show]:
            _out.print(f"  {name} ({type_}) — {title[:70]}", highlight=False)
        _out.print("[bold]false positives[/bold]")
        for title, type_, name in result.false_positives[:show]:
            _out.print(f"  {name} ({type_}) — {title[:70]}", highlight=False)
