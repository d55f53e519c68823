"""Large test corpora made on the fly from the real abstracts in ../shared/corpora.

Nothing from the shared corpora is copied into the repository: :func:`write_corpus` writes a
temporary JSONL file that repeats the real titles and abstracts under distinct ids (and
distinct titles, so that kg does not merge the repeats as one paper).

Examples
--------
>>> import tempfile, pathlib
>>> path = write_corpus(pathlib.Path(tempfile.mkdtemp()) / "c.jsonl", 3)  # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from kg.records import normalize_title

__all__ = ["real_abstracts", "write_corpus"]

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def real_abstracts() -> Iterator[tuple[str, str]]:
    """``(title, abstract)`` of every paper in the shared SciTLDR-A and Beese corpora."""
    folder = SHARED / "corpora"
    for split in ("train", "dev", "test"):
        with open(folder / "scitldr-a" / f"{split}.jsonl", encoding="utf-8") as stream:
            for line in stream:
                record = json.loads(line)
                yield record["title"], " ".join(record["source"])
    for name in ("ML.json", "NLP.json"):
        with open(folder / "beese-ml-nlp" / name, encoding="utf-8") as stream:
            for record in json.load(stream):
                if record.get("abstract"):
                    yield record["title"], record["abstract"]


def write_corpus(path: Path, size: int, *, start: int = 0) -> Path:
    """Write ``size`` papers as JSONL to ``path``: ids ``bench-<start>`` to ``bench-<start+size-1>``.

    Paper ``i`` uses real abstract ``i`` modulo the number available; repeats get a title
    suffix so that every paper stays distinct.
    """
    pool = list({normalize_title(t): (t, a) for t, a in real_abstracts()}.values())
    with open(path, "w", encoding="utf-8") as stream:
        for i in range(start, start + size):
            title, abstract = pool[i % len(pool)]
            round_ = i // len(pool)
            if round_:
                title = f"{title} (repeat {round_})"
            stream.write(json.dumps({"id": f"bench-{i:06d}", "title": title, "abstract": abstract}) + "\n")
    return path
