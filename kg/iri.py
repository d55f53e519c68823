"""Base IRIs and RDF file formats: what the command line checks before anything is built.

Kept apart from :mod:`kg.rdf` so that checking options imports neither rdflib nor networkx
(``kg build`` answers an unchanged re-run in well under a second, see
:func:`kg.api.recorded_build`); :mod:`kg.rdf` re-exports all three names.

Examples
--------
>>> RDF_FORMATS["ntriples"]
'.nt'
"""

from __future__ import annotations

import re

__all__ = ["DEFAULT_BASE_IRI", "RDF_FORMATS", "check_base_iri"]

#: Where minted IRIs live unless the user sets ``--base-iri``.
DEFAULT_BASE_IRI = "https://kg.example.org/id/"

#: The RDF formats :func:`kg.rdf.write_rdf` writes, with their file extensions.
RDF_FORMATS = {"turtle": ".ttl", "ntriples": ".nt", "jsonld": ".jsonld"}

_BAD_IRI_CHARS = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def check_base_iri(base: str) -> str:
    """Return ``base`` if it can prefix minted IRIs; else raise ``ValueError`` saying why.

    Examples
    --------
    >>> check_base_iri("https://example.org/kg/")
    'https://example.org/kg/'
    >>> check_base_iri("example.org")
    Traceback (most recent call last):
    ...
    ValueError: base IRI 'example.org' must be absolute (start with a scheme such as https:)
    """
    if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", base):
        raise ValueError(f"base IRI {base!r} must be absolute (start with a scheme such as https:)")
    if _BAD_IRI_CHARS.search(base):
        raise ValueError(f"base IRI {base!r} holds a character IRIs cannot (space, quote, <, >, ...)")
    if not base.endswith(("/", "#", ":")):
        raise ValueError(f"base IRI {base!r} must end with '/', '#' or ':'")
    return base
