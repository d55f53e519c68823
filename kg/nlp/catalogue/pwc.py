"""Import the public Papers-with-Code dumps (``methods.json``, ``datasets.json``).

Both dumps are one JSON array of objects. kg reads, per object:

==================  =========================================================
``methods.json``    ``name`` (short name), ``full_name``; ``collections[].area``
``datasets.json``   ``name``, ``full_name``, ``variants``, ``modalities``
==================  =========================================================

A method's full name becomes the canonical name and its short name an alias ("Low-Rank
Adaptation" / "LoRA"); a dataset keeps its short name, with the full name and variants as
aliases. A dataset whose description calls it a benchmark is typed Benchmark.

Examples
--------
>>> rows = [{"name": "LoRA", "full_name": "Low-Rank Adaptation", "url": "https://x/method/lora"}]
>>> [(e.name, e.type, e.aliases) for e in entries_from_pwc(rows)]
[('Low-Rank Adaptation', 'Method', ('LoRA',))]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.nlp.catalogue import CatalogueEntry, CatalogueError

__all__ = ["entries_from_pwc", "is_pwc_dump", "read_pwc_file"]

_AREA_DOMAINS = {
    "computer vision": "vision",
    "natural language processing": "nlp",
    "reinforcement learning": "rl",
    "audio": "speech",
    "speech": "speech",
    "graphs": "graphs",
    "general": "general",
    "sequential": "time-series",
}


def is_pwc_dump(rows: object) -> bool:
    """Whether parsed JSON looks like a Papers-with-Code methods or datasets dump."""
    return (
        isinstance(rows, list)
        and bool(rows)
        and all(isinstance(r, dict) for r in rows[:20])
        and all("name" in r and ("url" in r or "paper" in r) for r in rows[:20])
    )


def _is_dataset(row: dict) -> bool:
    return any(key in row for key in ("modalities", "variants", "data_loaders", "homepage"))


def _domain(row: dict) -> str | None:
    for collection in row.get("collections") or []:
        area = str((collection or {}).get("area") or "").lower()
        if area in _AREA_DOMAINS:
            return _AREA_DOMAINS[area]
    return None


def entries_from_pwc(rows: Iterable[dict]) -> Iterator[CatalogueEntry]:
    """Catalogue entries from the objects of a Papers-with-Code dump (bad rows skipped)."""
    for row in rows:
        short = str(row.get("name") or "").strip()
        full = str(row.get("full_name") or "").strip()
        if not short and not full:
            continue
        if _is_dataset(row):
            description = str(row.get("description") or "").lower()
            type_ = "Benchmark" if "benchmark" in description[:300] else "Dataset"
            name = short or full
            aliases = [full, *(str(v).strip() for v in row.get("variants") or [])]
            yield CatalogueEntry.from_json({"name": name, "type": type_, "aliases": aliases})
        else:
            name = full or short
            yield CatalogueEntry.from_json(
                {"name": name, "type": "Method", "aliases": [short], "domain": _domain(row)}
            )


def read_pwc_file(path: str | Path) -> list[CatalogueEntry]:
    """Read a ``methods.json`` or ``datasets.json`` dump (plain or ``.gz``).

    Raises
    ------
    CatalogueError
        If the file is not JSON or not in the dump format.
    """
    import gzip

    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as stream:
            rows = json.load(stream)
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as error:
        raise CatalogueError(f"{path}: cannot read Papers-with-Code dump: {error}") from None
    if not is_pwc_dump(rows):
        raise CatalogueError(f"{path}: not a Papers-with-Code methods/datasets dump (a JSON array)")
    return list(entries_from_pwc(rows))
