"""Reading RDF files kg wrote: parse by extension, and turn the triples back into the graph.

Examples
--------
>>> guess_rdf_format("out/graph.nt")
'ntriples'
>>> guess_rdf_format("graph.jsonld")
'jsonld'
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

__all__ = ["RDF_EXTENSIONS", "guess_rdf_format", "parse_rdflib"]

#: File extension of each RDF format kg reads and writes.
RDF_EXTENSIONS = {"turtle": ".ttl", "ntriples": ".nt", "jsonld": ".jsonld"}
_BY_EXTENSION = {".ttl": "turtle", ".nt": "ntriples", ".jsonld": "jsonld", ".json": "jsonld"}
_RDFLIB_NAMES = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld"}


def guess_rdf_format(path: str | Path) -> str:
    """``turtle``, ``ntriples`` or ``jsonld`` from the file name (Turtle when unsure)."""
    return _BY_EXTENSION.get(Path(path).suffix.lower(), "turtle")


def _check_format(format: str) -> str:
    if format not in RDF_EXTENSIONS:
        raise ValueError(f"unknown RDF format {format!r}; choose one of {', '.join(RDF_EXTENSIONS)}")
    return format


def parse_rdflib(path: str | Path, *, format: str | None = None) -> Graph:
    """Parse an RDF file into an rdflib ``Graph``.

    Raises
    ------
    OSError
        If the file cannot be read.
    ValueError
        If it does not parse as ``format``.
    """
    format = _check_format(format or guess_rdf_format(path))
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    try:
        return Graph().parse(path, format=_RDFLIB_NAMES[format])
    except (SyntaxError, ValueError, KeyError, TypeError) as error:
        raise ValueError(f"{path}: not valid {format}: {str(error).splitlines()[0][:200]}") from None
    except Exception as error:  # rdflib's parsers raise their own exception classes
        if type(error).__module__.startswith("rdflib"):
            raise ValueError(f"{path}: not valid {format}: {str(error).splitlines()[0][:200]}") from None
        raise
