"""The extraction cache: each paper's entities, stored in SQLite and reused by later builds.

A row is keyed by two hashes: :func:`content_key` of what extraction reads from the paper
(its id, title and abstract) and the *fingerprint* of the pipeline that extracted it
(:func:`kg.nlp.pipeline.pipeline_fingerprint`: the pipeline version, the catalogue entries,
the spaCy pipeline and the settings). A paper whose text changed, or a build with another
catalogue or pipeline, finds no row and is extracted again; everything else is read back.

Beside the rows, the cache keeps what each input file gave when it was parsed
(:meth:`ExtractionCache.get_parsed`), under the file's size, modification time and inode and
a hash of its bytes, so an unchanged file is not parsed again, and the piece maps of the output files
(:mod:`kg.outputs`).

The database lives in the output folder (``DIR/.kg-cache.sqlite``, write-ahead logging) and
is written in small transactions while extraction runs, so a build killed half-way leaves
every finished batch behind for the next one to reuse.

Examples
--------
>>> import tempfile, pathlib
>>> from kg.records import Paper, PaperExtraction
>>> path = pathlib.Path(tempfile.mkdtemp()) / "cache.sqlite"
>>> paper = Paper("p1", "A title", "An abstract.")
>>> with ExtractionCache(path, "fingerprint-1") as cache:
...     _ = cache.put([PaperExtraction(paper, [])])
...     hits = cache.get_many([paper])
>>> list(hits)
[0]
>>> with ExtractionCache(path, "fingerprint-2") as cache:  # another pipeline: a miss
...     cache.get_many([paper])
{}
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import orjson

from kg.records import (
    Evidence,
    ExtractedEntity,
    LinkFacts,
    Paper,
    PaperExtraction,
    SourceProblem,
    SourceRef,
)

__all__ = [
    "CACHE_FILE",
    "SCHEMA_VERSION",
    "CacheError",
    "CachedExtraction",
    "ExtractionCache",
    "content_key",
    "content_of",
    "decode_extraction",
    "decode_link_facts",
    "decode_records",
    "encode_extraction",
    "encode_link_facts",
    "encode_records",
    "keep_recent_rows",
]

#: The cache's file name inside an output folder.
CACHE_FILE = ".kg-cache.sqlite"
#: Bumped when the table layout or the row encoding changes; an older file is emptied.
SCHEMA_VERSION = "5"

_CHUNK = 500  # keys per SELECT ... IN (...) query


class _RecentRows:
    """The rows the last build of this process found or stored in one cache file (its
    ``instance`` mark) for one fingerprint, with the extraction :meth:`ExtractionCache.get_cached`
    made of each: what a process that builds again (``kg build --watch``) takes from memory."""

    def __init__(self) -> None:
        self.owner: tuple[str, str] = ("", "")
        self.rows: dict[str, tuple[bytes, bytes]] = {}
        self.extractions: dict[str, CachedExtraction] = {}

    def rows_of(self, owner: tuple[str, str]) -> dict[str, tuple[bytes, bytes]]:
        """The rows kept for ``owner`` (none for another cache file or fingerprint)."""
        return self.rows if owner == self.owner else {}


#: While on (:func:`keep_recent_rows`), the rows of the last build.
_recent: _RecentRows | None = None


def keep_recent_rows(on: bool = True) -> None:
    """Keep (or stop keeping) the rows the last build read in memory for the next build of
    this process; the rows of one paper's content and fingerprint never change, so only the
    database reads are saved.

    >>> keep_recent_rows(); keep_recent_rows(False)
    """
    global _recent
    _recent = _RecentRows() if on else None


def _encoded_parts(
    parts: Iterable[tuple[str, str, str, list[Paper | SourceProblem]]], dropped: list[tuple[str]]
) -> list[tuple[str, str, str, bytes]]:
    """``(file, stamp, digest, encoded records)`` of each part whose records read back the
    same; the file of each other part goes to ``dropped``."""
    encoded = []
    for file, stamp, digest, records in parts:
        data = encode_records(records)
        if data is not None:
            encoded.append((file, stamp, digest, data))
        else:
            dropped.append((file,))
    return encoded


class CacheError(Exception):
    """The cache file cannot be opened or is not a kg cache."""


def content_key(paper: Paper) -> str:
    """Hash of the parts of ``paper`` extraction depends on: id, title and abstract.

    >>> content_key(Paper("p1", "T", "A")) == content_key(Paper("p1", "T", "A", date="2024"))
    True
    >>> content_key(Paper("p1", "T", "A")) == content_key(Paper("p1", "T", "A."))
    False
    """
    fields = [paper.id, paper.title, paper.abstract]
    try:
        blob = orjson.dumps(fields)
    except TypeError:  # a lone surrogate: JSON's ASCII escapes hold it
        blob = json.dumps(fields).encode("ascii")
    return hashlib.sha256(blob).hexdigest()[:32]


def _evidence_to_list(evidence: Evidence, text: str) -> list:
    """One evidence row; the mention and its sentence become offsets when they are slices of
    the paper's text (they always are for kg's own pipeline), which keeps rows small."""
    sentence, at = evidence.sentence, evidence.sentence_start
    sentence_field: int | str = len(sentence) if text[at : at + len(sentence)] == sentence else sentence
    row = [evidence.start, evidence.end, sentence_field, at, str(evidence.relation)]
    if text[evidence.start : evidence.end] != evidence.text:
        row.append(evidence.text)
    return row


_new_evidence = tuple.__new__  # Evidence(...) without its keyword-handling __new__


def _evidence_from_list(row: list, text: str) -> Evidence:
    start, end, sentence, at, relation, *written = row
    if sentence.__class__ is int:
        sentence = text[at : at + sentence]
    return _new_evidence(
        Evidence, (written[0] if written else text[start:end], start, end, sentence, at, relation)
    )


def _entity_to_list(entity: ExtractedEntity, text: str) -> list:
    return [
        entity.name,
        str(entity.type),
        list(entity.mentions),
        [_evidence_to_list(e, text) for e in entity.evidence],
        entity.proposed,
        str(entity.relation),
        entity.confidence,
        list(entity.sources),
        entity.catalogue_id,
        entity.parent,
        entity.typed_by,
    ]


def _entity_from_list(data: list, text: str) -> ExtractedEntity:
    # the fields in ExtractedEntity's order (see _entity_to_list), evidence rows decoded
    data[3] = [_evidence_from_list(e, text) for e in data[3]]
    return ExtractedEntity(*data)


def _dumps(value: object, *, finite: bool) -> bytes:
    if finite:  # orjson would write an infinite confidence as null
        try:
            return orjson.dumps(value)
        except TypeError:  # a lone surrogate, which orjson refuses
            pass
    return json.dumps(value).encode("ascii")


def encode_extraction(extraction: PaperExtraction) -> bytes:
    """Serialise ``extraction``'s entities losslessly (confidences are not rounded).

    The paper's title and abstract are not stored: a row is found by :func:`content_key`,
    so whoever reads it holds the same paper, and evidence is stored as offsets into it.

    >>> from kg.records import Paper, SourceRef
    >>> x = PaperExtraction(Paper("p1", "T", "A", sources=(SourceRef("f.jsonl", 3),)), [])
    >>> decode_extraction(encode_extraction(x), x.paper) == x
    True
    """
    p = extraction.paper
    text = p.text
    entities = extraction.entities
    finite = all(math.isfinite(e.confidence) for e in entities)
    blob = _dumps([p.id, [_entity_to_list(e, text) for e in entities]], finite=finite)
    return zlib.compress(blob, 1)


def decode_extraction(data: bytes, paper: Paper) -> PaperExtraction:
    """Inverse of :func:`encode_extraction`, given the paper the row was stored for.

    Floats survive exactly (both JSON writers give the shortest repr that reads back the
    same double), and strings, lists and ``None`` come back as they went in.
    """
    raw = zlib.decompress(data)
    try:
        _, entities = orjson.loads(raw)
    except orjson.JSONDecodeError:  # escaped lone surrogates, which only json reads back
        _, entities = json.loads(raw)
    text = paper.text
    return PaperExtraction(paper, [_entity_from_list(e, text) for e in entities])


def encode_link_facts(extraction: PaperExtraction) -> bytes:
    """Serialise the :class:`~kg.records.LinkFacts` of ``extraction``'s entities: the part
    of a row that linking reads, stored apart so that a build need not decode the rest.

    >>> from kg.records import Paper
    >>> x = PaperExtraction(Paper("p1", "T", "LoRA"), [ExtractedEntity("LoRA", "Method", ["LoRA"], [])])
    >>> decode_link_facts(encode_link_facts(x)) == x.link_facts()
    True
    """
    facts = extraction.link_facts()
    return _dumps([list(f) for f in facts], finite=all(math.isfinite(f.confidence) for f in facts))


_new_facts = tuple.__new__  # LinkFacts(...) without its keyword-handling __new__


def decode_link_facts(data: bytes) -> list[LinkFacts]:
    """Inverse of :func:`encode_link_facts`."""
    try:
        rows = orjson.loads(data)
    except orjson.JSONDecodeError:  # escaped lone surrogates
        rows = json.loads(data)
    return [
        _new_facts(LinkFacts, (name, kind, tuple(mentions), confidence, cat, parent, count, tuple(relations)))
        for name, kind, mentions, confidence, cat, parent, count, relations in rows
    ]


#: The slot of :class:`~kg.records.PaperExtraction` that holds its entities.
_ENTITIES_SLOT = PaperExtraction.__dict__["entities"]


class CachedExtraction(PaperExtraction):
    """A paper's extraction read from the cache, whose entities are decoded on first use.

    Its :meth:`link_facts` come from their own small part of the row, so linking a corpus of
    cached papers decodes no entity; only the papers whose output is rendered again do.

    >>> from kg.records import Paper
    >>> paper = Paper("p1", "T", "LoRA")
    >>> x = PaperExtraction(paper, [ExtractedEntity("LoRA", "Method", ["LoRA"], [])])
    >>> cached = CachedExtraction(paper, encode_extraction(x), encode_link_facts(x))
    >>> cached.link_facts() == x.link_facts(), cached == x
    (True, True)
    """

    __slots__ = ("_facts", "_linked", "_row", "content")

    def __init__(self, paper: Paper, row: bytes, facts: bytes, content: str | None = None) -> None:
        self.paper = paper
        self._row = row
        self._facts = facts
        #: the paper's :func:`content_key`, as the cache found it
        self.content = content if content is not None else content_key(paper)

    @property  # type: ignore[override]
    def entities(self) -> list[ExtractedEntity]:
        """The paper's entities, decoded from the row the first time they are read."""
        try:
            return _ENTITIES_SLOT.__get__(self)
        except AttributeError:
            entities = decode_extraction(self._row, self.paper).entities
            _ENTITIES_SLOT.__set__(self, entities)
            return entities

    @entities.setter
    def entities(self, value: list[ExtractedEntity]) -> None:
        _ENTITIES_SLOT.__set__(self, value)

    def link_facts(self) -> list[LinkFacts]:
        """The entities' :class:`~kg.records.LinkFacts`, decoded without the entities."""
        try:
            return self._linked
        except AttributeError:
            pass
        try:
            facts = self._facts
        except AttributeError:  # made by unpickling, which sets the entities instead
            return super().link_facts()
        self._linked = decode_link_facts(facts)  # (kept: a later build of this process may link it again)
        return self._linked

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PaperExtraction):
            return (self.paper, self.entities) == (other.paper, other.entities)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


def content_of(extraction: PaperExtraction) -> str:
    """The :func:`content_key` of ``extraction``'s paper (known already for a cached one).

    >>> content_of(PaperExtraction(Paper("p1", "T", "A"), [])) == content_key(Paper("p1", "T", "A"))
    True
    """
    if isinstance(extraction, CachedExtraction):
        return extraction.content
    return content_key(extraction.paper)


_INT64 = 1 << 63


def _plain(value: object) -> bool:
    """Whether ``value`` survives a JSON round trip unchanged (orjson's limits included)."""
    if value is None or isinstance(value, (str, bool)):
        return True
    if isinstance(value, int):
        return -_INT64 <= value < _INT64
    if isinstance(value, float):
        return math.isfinite(value)
    if type(value) is list:
        return all(_plain(v) for v in value)
    if type(value) is dict:
        return all(type(k) is str and _plain(v) for k, v in value.items())
    return False


def encode_records(records: Iterable[Paper | SourceProblem]) -> bytes | None:
    """Serialise what a reader yielded for one file, or ``None`` when something in it would
    not read back the same (a paper's ``extra`` holding a tuple, a NaN or a huge integer).

    >>> from kg.records import SourceRef
    >>> records = [Paper("p1", "T", "A", sources=(SourceRef("f.jsonl", 1),)),
    ...            SourceProblem(SourceRef("f.jsonl", 2), "not JSON")]
    >>> decode_records(encode_records(records)) == records
    True
    """
    rows: list[list] = []
    for record in records:
        if isinstance(record, SourceProblem):
            rows.append([record.source.file, record.source.line, record.reason])
            continue
        if record.extra and not _plain(record.extra):
            return None
        rows.append(
            [
                record.id,
                record.title,
                record.abstract,
                record.date,
                record.url,
                record.arxiv_id,
                [list(source) for source in record.sources],
                record.extra,
                record.raw_title,
                record.raw_abstract,
            ]
        )
    # not compressed: zlib would take twice as long as the encoding (1.7 s per 100,000
    # papers) and a quarter of the reading back, to save space next to far larger outputs
    return _dumps(rows, finite=True)


def decode_records(data: bytes) -> list[Paper | SourceProblem]:
    """Inverse of :func:`encode_records`."""
    try:
        rows = orjson.loads(data)
    except orjson.JSONDecodeError:  # escaped lone surrogates
        rows = json.loads(data)
    records: list[Paper | SourceProblem] = []
    for row in rows:
        if len(row) == 3:
            records.append(SourceProblem(SourceRef(row[0], row[1]), row[2]))
        else:
            sources = tuple(SourceRef(*source) for source in row[6])
            records.append(Paper(*row[:6], sources, *row[7:]))  # type: ignore[arg-type]
    return records


def _chunks(items: Sequence[str], size: int = _CHUNK) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class ExtractionCache:
    """Extractions of one pipeline fingerprint in an SQLite file.

    Parameters
    ----------
    path
        The database file (created with its folder if missing).
    fingerprint
        The pipeline fingerprint; rows of other fingerprints are invisible (and pruned by
        :meth:`prune`).

    Use it as a context manager, or call :meth:`close`.
    """

    def __init__(self, path: str | Path, fingerprint: str) -> None:
        self.path = Path(path)
        self.fingerprint = fingerprint
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._setup()
        except sqlite3.DatabaseError as error:
            reason = f"{self.path}: not a usable kg cache ({error}); delete it or use --no-cache"
            raise CacheError(reason) from None

    def _setup(self) -> None:
        db = self._db
        db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row is not None and row[0] != SCHEMA_VERSION:
            db.execute("DROP TABLE IF EXISTS extractions")
            db.execute("DROP TABLE IF EXISTS fragments")  # schema 3 kept output text here
            db.execute("DELETE FROM meta WHERE key = 'instance'")
        # a mark of this database file: rows kept in memory belong to it (see _RecentRows)
        mark = db.execute("SELECT value FROM meta WHERE key = 'instance'").fetchone()
        self.instance = mark[0] if mark is not None else os.urandom(12).hex()
        if mark is None:
            db.execute("INSERT INTO meta VALUES ('instance', ?)", (self.instance,))
        db.execute(
            "CREATE TABLE IF NOT EXISTS extractions ("
            " fingerprint TEXT NOT NULL, content TEXT NOT NULL, paper_id TEXT NOT NULL,"
            " data BLOB NOT NULL, facts BLOB NOT NULL, PRIMARY KEY (fingerprint, content)) WITHOUT ROWID"
        )
        db.execute(
            "CREATE TABLE IF NOT EXISTS piece_maps ("
            " kind TEXT PRIMARY KEY, file TEXT NOT NULL, size INTEGER NOT NULL,"
            " mtime INTEGER NOT NULL, data BLOB NOT NULL)"
        )
        db.execute(
            "CREATE TABLE IF NOT EXISTS parsed_inputs ("
            " file TEXT PRIMARY KEY, stamp TEXT NOT NULL, digest TEXT NOT NULL, data BLOB NOT NULL)"
        )
        # the records of lines added to a file's end since its parsed_inputs row was written
        db.execute(
            "CREATE TABLE IF NOT EXISTS parsed_appends ("
            " file TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (file, seq))"
        )
        db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))

    def __enter__(self) -> ExtractionCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database (every :meth:`put` is already committed)."""
        self._db.close()

    def __len__(self) -> int:
        """Rows of this fingerprint."""
        sql = "SELECT COUNT(*) FROM extractions WHERE fingerprint = ?"
        return self._db.execute(sql, (self.fingerprint,)).fetchone()[0]

    def total_rows(self) -> int:
        """Rows of every fingerprint."""
        return self._db.execute("SELECT COUNT(*) FROM extractions").fetchone()[0]

    def get_many(self, papers: Sequence[Paper]) -> dict[int, PaperExtraction]:
        """Cached extractions by index into ``papers``; absent indices are misses.

        Each hit carries the paper passed in (its date, url and sources as read now) with the
        entities stored for it.
        """
        rows = self.get_rows(papers)
        return {index: decode_extraction(data, papers[index]) for index, (_, data, _) in rows.items()}

    def get_cached(self, papers: Sequence[Paper]) -> dict[int, CachedExtraction]:
        """:meth:`get_many` with nothing decoded yet (see :class:`CachedExtraction`).

        While the rows are kept in memory (:func:`keep_recent_rows`), a paper read as the same
        object from the same row as in the last build gets that build's extraction again, with
        whatever it had decoded.
        """
        owner = (self.instance, self.fingerprint)
        kept = _recent.extractions if _recent is not None and _recent.owner == owner else {}
        found = {}
        for index, (key, data, facts) in self.get_rows(papers).items():
            old = kept.get(key)
            if old is not None and old.paper is papers[index] and old._row is data:
                found[index] = old
            else:
                found[index] = CachedExtraction(papers[index], data, facts, key)
        if _recent is not None:
            _recent.extractions = {x.content: x for x in found.values()}
        return found

    def get_rows(self, papers: Sequence[Paper]) -> dict[int, tuple[str, bytes, bytes]]:
        """The stored rows of :meth:`get_many`, not yet decoded: by index into ``papers``, the
        paper's :func:`content_key`, its entities (:func:`decode_extraction`) and their link
        facts (:func:`decode_link_facts`)."""
        by_key: dict[str, list[int]] = {}
        for index, paper in enumerate(papers):
            by_key.setdefault(content_key(paper), []).append(index)
        found: dict[int, tuple[str, bytes, bytes]] = {}
        owner = (self.instance, self.fingerprint)
        recent = {} if _recent is None else _recent.rows_of(owner)
        rows_now: dict[str, tuple[bytes, bytes]] = {}
        unknown: list[str] = []
        for key, indices in by_key.items():
            row = recent.get(key)
            if row is None:
                unknown.append(key)
                continue
            rows_now[key] = row
            for index in indices:
                found[index] = (key, *row)
        for keys in _chunks(unknown):
            marks = ",".join("?" * len(keys))
            rows = self._db.execute(
                "SELECT content, data, facts FROM extractions"
                f" WHERE fingerprint = ? AND content IN ({marks})",
                (self.fingerprint, *keys),
            )
            for key, data, facts in rows:
                rows_now[key] = (data, facts)
                for index in by_key[key]:
                    found[index] = (key, data, facts)
        if _recent is not None:
            _recent.owner, _recent.rows = owner, rows_now
        return found

    def put(self, extractions: Iterable[PaperExtraction]) -> int:
        """Store ``extractions`` in one transaction; return how many."""
        rows = [
            (self.fingerprint, content_key(x.paper), x.paper.id, encode_extraction(x), encode_link_facts(x))
            for x in extractions
        ]
        with self._transaction():
            self._db.executemany("INSERT OR REPLACE INTO extractions VALUES (?, ?, ?, ?, ?)", rows)
        if _recent is not None and _recent.owner == (self.instance, self.fingerprint):
            _recent.rows.update((key, (data, facts)) for _, key, _, data, facts in rows)
        return len(rows)

    def prune(self, keep: Iterable[Paper] | None = None) -> int:
        """Delete rows of other fingerprints and, given ``keep``, rows of papers not in it.

        Returns the number of rows deleted.
        """
        with self._transaction():
            deleted = self._db.execute(
                "DELETE FROM extractions WHERE fingerprint != ?", (self.fingerprint,)
            ).rowcount
            if keep is not None:
                self._db.execute("CREATE TEMP TABLE IF NOT EXISTS keep (content TEXT PRIMARY KEY)")
                self._db.execute("DELETE FROM keep")
                self._db.executemany(
                    "INSERT OR IGNORE INTO keep VALUES (?)", ((content_key(p),) for p in keep)
                )
                deleted += self._db.execute(
                    "DELETE FROM extractions WHERE content NOT IN (SELECT content FROM keep)"
                ).rowcount
        return deleted

    def get_piece_map(self, kind: str) -> tuple[str, int, int, bytes] | None:
        """The piece map saved for output ``kind``: ``(file, size, mtime_ns, data)``, or ``None``.

        A piece map says where each node's text lies in an output file a build wrote (see
        :mod:`kg.outputs`); it holds for that file only while its size and modification time
        are the ones saved with it.
        """
        sql = "SELECT file, size, mtime, data FROM piece_maps WHERE kind = ?"
        return self._db.execute(sql, (kind,)).fetchone()

    def put_piece_maps(self, maps: Iterable[tuple[str, str, int, int, bytes]]) -> int:
        """Save ``(kind, file, size, mtime_ns, data)`` piece maps, replacing those of the same kinds."""
        rows = list(maps)
        with self._transaction():
            self._db.executemany("INSERT OR REPLACE INTO piece_maps VALUES (?, ?, ?, ?, ?)", rows)
        return len(rows)

    def get_parsed(
        self, file: str, *, stamp: str | None = None, digest: str | None = None
    ) -> list[Paper | SourceProblem] | None:
        """What reading ``file`` gave, if it was saved (:meth:`update_parsed`) with this
        ``stamp`` (size, time and inode: nothing read) or this ``digest`` (of its bytes: a
        touched or copied file); else ``None``."""
        row = self._db.execute(
            "SELECT stamp, digest, data FROM parsed_inputs WHERE file = ?", (file,)
        ).fetchone()
        if row is None or not (
            (stamp is not None and row[0] == stamp) or (digest is not None and row[1] == digest)
        ):
            return None
        records = decode_records(row[2])
        for (data,) in self._db.execute(
            "SELECT data FROM parsed_appends WHERE file = ? ORDER BY seq", (file,)
        ):
            records.extend(decode_records(data))
        return records

    def parsed_entry(self, file: str) -> tuple[str, str, int] | None:
        """The ``(stamp, digest, appended parts)`` that ``file``'s saved records have, if any."""
        row = self._db.execute("SELECT stamp, digest FROM parsed_inputs WHERE file = ?", (file,)).fetchone()
        if row is None:
            return None
        parts = self._db.execute("SELECT COUNT(*) FROM parsed_appends WHERE file = ?", (file,)).fetchone()[0]
        return row[0], row[1], parts

    def update_parsed(
        self,
        fresh: Iterable[tuple[str, str, str, list[Paper | SourceProblem]]],
        restamped: Iterable[tuple[str, str]],
        keep: Iterable[str],
        grown: Iterable[tuple[str, str, str, list[Paper | SourceProblem]]] = (),
    ) -> int:
        """Keep what reading each ``(file, stamp, digest, records)`` of ``fresh`` gave, give
        each ``(file, stamp)`` of ``restamped`` (found by its digest) its new stamp, add the
        records of the lines each ``(file, stamp, digest, added records)`` of ``grown`` gained
        at its end, and drop the rows of files not in ``keep``. Records that would not read
        back the same are not kept (a grown file's saved records are then dropped too).
        Returns the number of rows written.
        """
        dropped: list[tuple[str]] = []
        rows = _encoded_parts(fresh, dropped)
        appends = _encoded_parts(grown, dropped)
        stamps = [(stamp, file) for file, stamp in restamped]
        kept = set(keep)
        gone = [(f,) for (f,) in self._db.execute("SELECT file FROM parsed_inputs") if f not in kept]
        gone += dropped
        if rows or stamps or gone or appends:
            with self._transaction():
                for table in ("parsed_inputs", "parsed_appends"):
                    self._db.executemany(f"DELETE FROM {table} WHERE file = ?", gone)
                self._db.executemany("DELETE FROM parsed_appends WHERE file = ?", [(r[0],) for r in rows])
                self._db.executemany("INSERT OR REPLACE INTO parsed_inputs VALUES (?, ?, ?, ?)", rows)
                self._db.executemany("UPDATE parsed_inputs SET stamp = ? WHERE file = ?", stamps)
                for file, stamp, digest, data in appends:
                    self._db.execute(
                        "UPDATE parsed_inputs SET stamp = ?, digest = ? WHERE file = ?", (stamp, digest, file)
                    )
                    self._db.execute(
                        "INSERT INTO parsed_appends VALUES"
                        " (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM parsed_appends WHERE file = ?), ?)",
                        (file, file, data),
                    )
        return len(rows) + len(appends)

    def get_meta(self, key: str) -> str | None:
        """A value saved with :meth:`set_meta`, or ``None``."""
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    def set_meta(self, key: str, value: str | None) -> None:
        """Save (or with ``None``, delete) a small value beside the rows."""
        if value is None:
            self._db.execute("DELETE FROM meta WHERE key = ?", (key,))
        else:
            self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def _transaction(self):
        return _Transaction(self._db)


class _Transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT`` (or ``ROLLBACK`` on error) on an autocommit connection."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, *exc: object) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")
