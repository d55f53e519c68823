"""Check an RDF file against kg's SHACL shapes (``schema/shapes.ttl``) with pySHACL.

The ontology (``schema/kg.ttl``) is mixed into the data graph while validating, so that
``sh:class kg:Entity`` accepts a ``kg:Benchmark`` (its subclass).

Examples
--------
>>> from kg.graph import build_graph
>>> from kg.rdf import to_rdflib
>>> from kg.records import Evidence, ExtractedEntity, Paper, PaperExtraction
>>> ev = Evidence("GSM8K", 0, 5, "GSM8K.", 0, "evaluates_on")
>>> g = build_graph([PaperExtraction(Paper("p1", "T", "GSM8K."), [
...     ExtractedEntity("GSM8K", "Benchmark", ["GSM8K"], [ev], relation="evaluates_on")])])
>>> validate_graph(to_rdflib(g)).conforms
True
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.term import Node

__all__ = ["ValidationReport", "Violation", "load_shapes", "validate_file", "validate_graph"]


@dataclass(frozen=True)
class Violation:
    """One SHACL result: which node broke which constraint, and why."""

    focus: str
    path: str
    value: str | None
    message: str
    severity: str
    constraint: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = "" if self.value is None else f" (value {self.value!r})"
        return f"{self.severity}: <{self.focus}>{where}: {self.message}{value}"


@dataclass
class ValidationReport:
    """Whether a graph conforms, and every violation when it does not."""

    conforms: bool
    triples: int
    violations: list[Violation] = field(default_factory=list)

    def summary(self, *, limit: int = 50) -> str:
        """A report for people: one line when the graph conforms, else the violations."""
        if self.conforms:
            return f"conforms: {self.triples} triples satisfy kg's SHACL shapes"
        counts = Counter(v.message for v in self.violations)
        lines = [f"does not conform: {len(self.violations)} violations in {self.triples} triples"]
        lines += [f"  {n:>5} x {message}" for message, n in counts.most_common()]
        lines.append("")
        lines += [str(v) for v in self.violations[:limit]]
        if len(self.violations) > limit:
            lines.append(f"... and {len(self.violations) - limit} more")
        return "\n".join(lines)


def _schema_graph(name: str) -> Graph:
    return Graph().parse(data=(files("kg.schema") / name).read_text(encoding="utf-8"), format="turtle")


def load_shapes() -> Graph:
    """kg's SHACL shapes graph."""
    return _schema_graph("shapes.ttl")


def _short(graph: Graph, node: Node | None) -> str:
    """A property path as a prefixed name where one is bound; a sequence path as ``(path)``."""
    if isinstance(node, URIRef):
        return graph.namespace_manager.normalizeUri(node)
    return "" if node is None else "(path)"


def _violations(results: Graph, data: Graph) -> list[Violation]:
    from rdflib.namespace import SH

    found = []
    for result in results.subjects(SH.resultSeverity, None):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        message = results.value(result, SH.resultMessage)
        severity = results.value(result, SH.resultSeverity)
        constraint = results.value(result, SH.sourceConstraintComponent)
        found.append(
            Violation(
                focus=str(focus),
                path=_short(data, path),
                value=None if value is None else str(value),
                message=str(message) if message is not None else str(constraint).rsplit("#", 1)[-1],
                severity=str(severity).rsplit("#", 1)[-1],
                constraint=str(constraint).rsplit("#", 1)[-1],
            )
        )
    return sorted(found, key=lambda v: (v.message, v.focus, v.path, v.value or ""))


def validate_graph(data: Graph, *, shapes: Graph | None = None) -> ValidationReport:
    """Validate an rdflib graph against kg's shapes (or ``shapes``)."""
    import pyshacl

    conforms, results, _ = pyshacl.validate(
        data,
        shacl_graph=shapes if shapes is not None else load_shapes(),
        ont_graph=_schema_graph("kg.ttl"),
        inference="none",
        allow_warnings=False,
    )
    return ValidationReport(bool(conforms), len(data), [] if conforms else _violations(results, data))


def validate_file(path: str | Path, *, format: str | None = None) -> ValidationReport:
    """Parse ``path`` (Turtle, N-Triples or JSON-LD, by extension unless ``format``) and validate it.

    Raises
    ------
    ValueError
        If the file does not parse as RDF.
    OSError
        If the file cannot be read.
    """
    from kg.rdfread import parse_rdflib

    return validate_graph(parse_rdflib(path, format=format))
