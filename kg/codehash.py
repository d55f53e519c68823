"""One hash of kg's own files: what kg's outputs and parsed inputs depend on besides the data.

A new kg (its code, templates, schema or shipped catalogue) may read, extract or write
differently, so everything kg keeps between builds is keyed by this hash too.

Examples
--------
>>> len(code_hash())
64
>>> code_hash() == code_hash()
True
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

__all__ = ["code_hash"]

#: The endings of kg's files that take part in the hash.
CODE_SUFFIXES = frozenset({".py", ".html", ".js", ".css", ".ttl", ".jsonl", ".rq"})


@functools.lru_cache(maxsize=1)
def code_hash() -> str:
    """SHA-256 over the names and bytes of kg's own files (computed once per process)."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in CODE_SUFFIXES:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
