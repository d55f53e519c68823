"""SPARQL over a graph kg wrote: named queries (``schema/queries/*.rq``), safe parameters, two engines.

Oxigraph (pyoxigraph) is the default engine; rdflib is there to compare with. Parameter
values are never pasted into query text as they come: each becomes an RDF term (a string
literal, an IRI or an integer, checked and escaped by pyoxigraph's N-Triples writer) in a
``VALUES`` block opened at the top of the query's ``WHERE`` group, so a value holding
quotes, braces or SPARQL keywords is only ever a value.

A named query is a ``.rq`` file whose leading comment lines say what it does and which
parameters it takes::

    # Papers that use or evaluate on an entity.
    # param name key: the entity's label, one of its aliases or its id

A parameter is a ``string`` (the default), a ``key`` (lower-cased, to match
``kg:lookupKey``), an ``iri`` or an ``integer``. ``= VALUE`` after the kind gives a default,
which makes the parameter optional::

    # param limit integer = 100: how many pairs to give

An ``integer`` parameter may also stand after ``LIMIT`` or ``OFFSET`` (``LIMIT ?limit``),
where SPARQL takes no variable: the checked number is written there.

Examples
--------
>>> sorted(named_queries())[:3]
['aliases', 'co-occurring-methods', 'entity-types']
>>> named_queries()["papers-using"].params["name"].kind
'key'
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any, NamedTuple

from kg.namespace import PREFIXES

__all__ = [
    "ENGINES",
    "Cell",
    "NamedQuery",
    "Param",
    "QueryError",
    "QueryResult",
    "bind_params",
    "load_store",
    "named_queries",
    "run_query",
    "with_values",
]

ENGINES = ("oxigraph", "rdflib")
XSD = "http://www.w3.org/2001/XMLSchema#"
_PARAM_LINE = re.compile(r"#\s*param\s+(\w+)(?:\s+(string|key|iri|integer))?(?:\s*=\s*([^\s:]+))?\s*:\s*(.*)")
_NUMERIC = {f"{XSD}{t}": int for t in ("integer", "int", "long", "short", "nonNegativeInteger")} | {
    f"{XSD}{t}": float for t in ("double", "float", "decimal")
}


class QueryError(ValueError):
    """A query that cannot run: bad SPARQL, an unknown name, a missing or bad parameter."""


class Param(NamedTuple):
    """A parameter a named query takes: the variable it binds, its kind and what it means."""

    name: str
    kind: str
    help: str
    default: str | None = None


@dataclass(frozen=True)
class NamedQuery:
    """A query shipped in ``schema/queries``."""

    name: str
    description: str
    params: dict[str, Param]
    text: str


def _parse_named(name: str, text: str) -> NamedQuery:
    description: list[str] = []
    params: dict[str, Param] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _PARAM_LINE.match(line)
        if match:
            params[match[1]] = Param(match[1], match[2] or "string", match[4].strip(), match[3])
        else:
            description.append(line.lstrip("# ").strip())
    return NamedQuery(name, " ".join(d for d in description if d), params, text)


def named_queries() -> dict[str, NamedQuery]:
    """Every named query shipped with kg, by name (the file name without ``.rq``)."""
    folder = files("kg.schema") / "queries"
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name.removesuffix(".rq")
            found[name] = _parse_named(name, entry.read_text(encoding="utf-8"))
    return found


class Cell(NamedTuple):
    """One value of a result row, engine-neutral: an IRI, a literal or a blank node."""

    kind: str  # "uri", "literal" or "bnode", as SPARQL JSON results name them
    value: str
    datatype: str | None = None
    language: str | None = None

    def python(self) -> Any:
        """The value as Python: ``int``/``float``/``bool`` for numeric and boolean literals."""
        if self.kind == "literal" and self.datatype:
            if self.datatype in _NUMERIC:
                try:
                    return _NUMERIC[self.datatype](self.value)
                except ValueError:
                    return self.value
            if self.datatype == f"{XSD}boolean":
                return self.value in ("true", "1")
        return self.value

    def sparql_json(self) -> dict[str, str]:
        """The value as a SPARQL 1.1 JSON results term."""
        term = {"type": self.kind, "value": self.value}
        if self.language:
            term["xml:lang"] = self.language
        elif self.datatype and self.datatype != f"{XSD}string":
            term["datatype"] = self.datatype
        return term


@dataclass
class QueryResult:
    """What a query gave: rows of cells for SELECT, a boolean for ASK, triples for CONSTRUCT."""

    columns: list[str] = field(default_factory=list)
    rows: list[tuple[Cell | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: str | None = None  # N-Triples, for CONSTRUCT and DESCRIBE

    def records(self) -> list[dict[str, Any]]:
        """Rows as dicts of Python values (unbound values left out)."""
        return [
            {c: cell.python() for c, cell in zip(self.columns, row, strict=True) if cell is not None}
            for row in self.rows
        ]

    def column(self, name: str) -> list[Any]:
        """One column's Python values (``None`` where unbound)."""
        index = self.columns.index(name)
        return [None if row[index] is None else row[index].python() for row in self.rows]

    def to_json(self) -> str:
        """SPARQL 1.1 Query Results JSON (``application/sparql-results+json``)."""
        if self.boolean is not None:
            return json.dumps({"head": {}, "boolean": self.boolean})
        bindings = [
            {c: cell.sparql_json() for c, cell in zip(self.columns, row, strict=True) if cell is not None}
            for row in self.rows
        ]
        return json.dumps(
            {"head": {"vars": self.columns}, "results": {"bindings": bindings}}, ensure_ascii=False
        )

    def to_csv(self) -> str:
        """SPARQL 1.1 Query Results CSV (``text/csv``): plain values, CRLF line ends."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        if self.boolean is not None:
            writer.writerow(["boolean"])
            writer.writerow(["true" if self.boolean else "false"])
            return out.getvalue()
        writer.writerow(self.columns)
        for row in self.rows:
            writer.writerow(
                ["" if c is None else f"_:{c.value}" if c.kind == "bnode" else c.value for c in row]
            )
        return out.getvalue()


def _prefixes() -> dict[str, str]:
    return {name: str(ns) for name, ns in PREFIXES.items()} | {
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    }


def load_store(path: str | Path, *, format: str | None = None):
    """An in-memory Oxigraph store holding the RDF file ``path``.

    Raises
    ------
    OSError
        If the file cannot be read.
    QueryError
        If it does not parse.
    """
    import pyoxigraph as ox

    from kg.rdfread import check_rdf_format, guess_rdf_format, oxigraph_format

    format = check_rdf_format(format or guess_rdf_format(path))
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    store = ox.Store()
    try:
        with path.open("rb") as stream:
            store.bulk_load(stream, oxigraph_format(format))
    except SyntaxError as error:
        raise QueryError(f"{path}: not valid {format}: {str(error).splitlines()[0][:200]}") from None
    return store


def bind_params(
    params: dict[str, str], *, declared: dict[str, Param] | None = None
) -> dict[str, tuple[str, str]]:
    """Check ``params`` and give each as ``(kind, value)``: ``string``, ``key``, ``iri`` or ``integer``.

    A ``key`` is a string lower-cased the way kg writes ``kg:lookupKey``, so that a query can
    find a paper or entity by any spelling case through an index lookup.

    With ``declared`` (a named query's parameters), every declared one without a default
    must be given and no other may be; without it, every value binds as a string.

    Examples
    --------
    >>> bind_params({"limit": "5"}, declared={"limit": Param("limit", "integer", "")})
    {'limit': ('integer', '5')}
    >>> bind_params({"x": '" } DROP ALL #'})
    {'x': ('string', '" } DROP ALL #')}
    """
    import pyoxigraph as ox

    bound = {}
    if declared is not None:
        unknown = sorted(set(params) - set(declared))
        if unknown:
            known = ", ".join(declared) or "none"
            raise QueryError(f"unknown parameter {unknown[0]!r} (this query takes: {known})")
        missing = [p for p in declared if p not in params and declared[p].default is None]
        if missing:
            p = declared[missing[0]]
            raise QueryError(f"missing --param {p.name}=... ({p.help})")
        params = {p.name: p.default for p in declared.values() if p.default is not None} | params
    for name, value in params.items():
        if not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise QueryError(f"parameter name {name!r} is not a SPARQL variable name")
        kind = declared[name].kind if declared is not None else "string"
        if kind == "integer" and not re.fullmatch(r"[+-]?\d+", value.strip()):
            raise QueryError(f"parameter {name} must be an integer, not {value!r}")
        if kind == "iri":
            try:
                ox.NamedNode(value)
            except ValueError as error:
                raise QueryError(f"parameter {name} is not a valid IRI: {error}") from None
        if kind == "integer":
            value = value.strip()
        elif kind == "key":
            value, kind = value.lower(), "string"
        bound[name] = (kind, value)
    return bound


def _ox_term(kind: str, value: str):
    import pyoxigraph as ox

    if kind == "iri":
        return ox.NamedNode(value)
    if kind == "integer":
        return ox.Literal(value, datatype=ox.NamedNode(f"{XSD}integer"))
    return ox.Literal(value)


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_SLICE = re.compile(r"\b(LIMIT|OFFSET)\s+\?(\w+)\b", re.IGNORECASE)


def with_values(query: str, bound: dict[str, tuple[str, str]]) -> str:
    """``query`` with a ``VALUES`` block for ``bound`` opened at the top of its first ``WHERE`` group.

    Each value is written as an escaped RDF term, never as raw text. The block goes into the
    first group spelled ``WHERE {``; a query whose parameter belongs in a subquery (a
    subquery does not see the outer group's variables) leaves the optional ``WHERE`` keyword
    out of the groups before it, as ``co-occurring-methods.rq`` does.

    Examples
    --------
    >>> print(with_values("SELECT ?x WHERE { ?x ?p ?name }", {"name": ("string", 'say "hi"')}))
    SELECT ?x WHERE { VALUES (?name) { ("say \\"hi\\"") }
     ?x ?p ?name }
    """
    if not bound:
        return query

    def number(match: re.Match) -> str:
        kind, value = bound.get(match[2], (None, ""))
        if kind != "integer" or int(value) < 0:
            raise QueryError(f"{match[1]} ?{match[2]} needs a non-negative integer parameter {match[2]}")
        return f"{match[1]} {int(value)}"

    query = _SLICE.sub(number, query)
    match = _WHERE.search(query)
    if match is None:
        raise QueryError("parameters need a query with a WHERE { ... } group to bind them in")
    names = " ".join(f"?{name}" for name in bound)
    terms = " ".join(str(_ox_term(kind, value)) for kind, value in bound.values())
    return f"{query[: match.end()]} VALUES ({names}) {{ ({terms}) }}\n{query[match.end() :]}"


def _ox_cell(term) -> Cell | None:
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return Cell("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return Cell("bnode", term.value)
    return Cell("literal", term.value, term.datatype.value if term.datatype else None, term.language)


def _ox_rows(solutions) -> list[tuple[Cell | None, ...]]:
    """The rows of ``solutions`` as cells, each distinct term converted once.

    Results repeat terms a lot (a type, a label per pair, a count), and building a cell
    reads several attributes of a pyoxigraph term, so the cells are shared per query.
    """
    cells: dict[Any, Cell | None] = {None: None}

    def cell(term) -> Cell | None:
        found = cells.get(term, cells)
        if found is cells:
            found = cells[term] = _ox_cell(term)
        return found

    return [tuple(map(cell, solution)) for solution in solutions]


def _rdflib_cell(term) -> Cell | None:
    from rdflib import BNode, Literal

    if term is None:
        return None
    if isinstance(term, Literal):
        datatype = str(term.datatype) if term.datatype else (None if term.language else f"{XSD}string")
        return Cell("literal", str(term), datatype, term.language)
    if isinstance(term, BNode):
        return Cell("bnode", str(term))
    return Cell("uri", str(term))


def _run_oxigraph(store, text: str, bound: dict[str, tuple[str, str]]) -> QueryResult:
    import pyoxigraph as ox

    try:
        answer = store.query(with_values(text, bound), prefixes=_prefixes())
    except SyntaxError as error:
        raise QueryError(f"bad SPARQL: {str(error).splitlines()[0]}") from None
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult(boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        return QueryResult(columns=[v.value for v in answer.variables], rows=_ox_rows(answer))
    return QueryResult(triples=ox.serialize(list(answer), format=ox.RdfFormat.N_TRIPLES).decode("utf-8"))


def _run_rdflib(graph, text: str, bound: dict[str, tuple[str, str]]) -> QueryResult:
    from pyparsing import ParseException

    try:
        answer = graph.query(with_values(text, bound), initNs=_prefixes())
    except ParseException as error:
        raise QueryError(f"bad SPARQL: {error}") from None
    if answer.type == "ASK":
        return QueryResult(boolean=bool(answer.askAnswer))
    if answer.type == "SELECT":
        columns = [str(v) for v in answer.vars]
        return QueryResult(columns=columns, rows=[tuple(_rdflib_cell(t) for t in row) for row in answer])
    return QueryResult(triples=answer.serialize(format="nt").decode("utf-8"))


def run_query(
    source: Any,
    query: str | None = None,
    *,
    named: str | None = None,
    params: dict[str, str] | None = None,
    engine: str = "oxigraph",
    format: str | None = None,
) -> QueryResult:
    """Run SPARQL ``query`` (or the named query ``named``) on ``source``.

    ``source`` is a path to an RDF file kg wrote, a ``pyoxigraph.Store`` (engine
    ``oxigraph``) or an rdflib ``Graph`` (engine ``rdflib``). ``params`` bind variables to
    values safely: strings, or the kinds a named query declares.

    Raises
    ------
    QueryError
        On bad SPARQL, an unknown query name or a missing, unknown or malformed parameter.
    """
    if engine not in ENGINES:
        raise QueryError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if (query is None) == (named is None):
        raise QueryError("give either a SPARQL query or --named NAME")
    declared = None
    if named is not None:
        queries = named_queries()
        if named not in queries:
            raise QueryError(f"no named query {named!r}; kg query --list shows them")
        query, declared = queries[named].text, queries[named].params
    bound = bind_params(dict(params or {}), declared=declared)
    if isinstance(source, str | Path):
        if engine == "oxigraph":
            source = load_store(source, format=format)
        else:
            from kg.rdfread import parse_rdflib

            try:
                source = parse_rdflib(source, format=format)
            except ValueError as error:
                raise QueryError(str(error)) from None
    runner = _run_oxigraph if engine == "oxigraph" else _run_rdflib
    return runner(source, query, bound)
