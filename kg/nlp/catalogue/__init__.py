"""The catalogue of known ML entities: JSONL package data plus user files.

One JSON object per line::

    {"name": "Low-Rank Adaptation", "type": "Method", "aliases": ["LoRA"], "parent": null}

Optional keys: ``ambiguous_aliases`` (aliases other entries share; trusted only when the
paper's own long form or context settles them), ``case_sensitive`` (match only as written),
``domain`` and ``note``.

Examples
--------
>>> catalogue = Catalogue.from_entries([
...     CatalogueEntry.from_json({"name": "Low-Rank Adaptation", "type": "Method",
...                               "aliases": ["LoRA"]})])
>>> [e.name for e in catalogue.lookup("LoRA")]
['Low-Rank Adaptation']
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from kg.nlp.patterncache import load_marshalled, save_marshalled
from kg.records import ENTITY_TYPES, SourceProblem, SourceRef
from kg.runtime import paused_gc

__all__ = [
    "Catalogue",
    "CatalogueEntry",
    "CatalogueError",
    "entity_slug",
    "load_catalogue",
    "normalize_form",
    "read_catalogue_file",
    "spell_symbols",
]


class CatalogueError(ValueError):
    """A catalogue file that cannot be used, with the file and line at fault."""


_SLUG = re.compile(r"[^0-9a-z]+")
#: characters a slug spells out rather than drops: plus signs and Greek letters
_SPELLED = re.compile(r"[+#\u0370-\u03ff]")


def spell_symbols(text: str) -> str:
    """``text`` with its plus and sharp signs and Greek letters spelled out, as keys must keep them.

    >>> spell_symbols("HumanEval+"), spell_symbols("\u03c4-bench"), spell_symbols("QuIP#")
    ('HumanEval-plus', 'tau-bench', 'QuIP-sharp')
    """
    return _SPELLED.sub(_spell, text) if _SPELLED.search(text) else text


def _spell(match: re.Match[str]) -> str:
    char = match.group(0)
    if char == "+":
        return "-plus"
    if char == "#":
        return "-sharp"
    # "GREEK SMALL LETTER ALPHA" -> "alpha"
    return unicodedata.name(char, "").rsplit(" ", 1)[-1].lower() or "-"


_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_KEPT_SYMBOLS = re.compile(r"(?<=\d)\.(?=\d)|@")


def _kept(match: re.Match[str]) -> str:
    return "p" if match.group(0) == "." else "at"


@functools.lru_cache(maxsize=1 << 16)
def normalize_form(text: str) -> str:
    """Fold a surface form so that spelling variants meet.

    A decimal point and an "@" are kept (as "p" and "at"), so that "OPT-1.3B" does not meet
    "OPT-13B", nor "R@1" meet "R1".

    >>> normalize_form("GNNs") == normalize_form("GNN"), normalize_form("In-Context Learning")
    (True, 'incontextlearning')
    >>> normalize_form("OPT-1.3B"), normalize_form("OPT 1.3B"), normalize_form("R@1")
    ('opt1p3b', 'opt1p3b', 'rat1')
    >>> normalize_form("Zorbo-S") == normalize_form("Zorbo"), normalize_form("GNNs") == normalize_form("GNN")
    (False, True)
    >>> [normalize_form(t) for t in ("Poisson processes", "Poisson process", "policies", "policy")]
    ['poissonprocess', 'poissonprocess', 'policy', 'policy']
    """
    folded = _NON_ALNUM.sub("", _KEPT_SYMBOLS.sub(_kept, spell_symbols(text).casefold()))
    # a plural "s" ends a word: the size letter of "Horizon-S" is no plural
    if len(folded) > 3 and folded.endswith("s") and not folded.endswith("ss") and text[-2:-1].isalnum():
        if folded.endswith("sses"):  # "Gaussian processes": a process
            return folded[:-2]
        if folded.endswith("ies") and len(folded) > 5 and text[-3:].islower():  # "policies": a policy
            return folded[:-3] + "y"
        folded = folded[:-1]
    return folded


@functools.lru_cache(maxsize=65536)
def entity_slug(name: str) -> str:
    """A lower-case, hyphen-separated key for a canonical name.

    A plus or sharp sign and a Greek letter are spelled out, so that "HumanEval+", "QuIP#" and
    "PanGu-α" do not share the key of "HumanEval", "QuIP" and "PanGu-Σ".

    >>> entity_slug("GPT-4o (mini)")
    'gpt-4o-mini'
    >>> entity_slug("Z\u00fcrich-Net")
    'zurich-net'
    >>> entity_slug("U-Net++"), entity_slug("PanGu-\u03b1"), entity_slug("\u03c00")
    ('u-net-plus-plus', 'pangu-alpha', 'pi0')
    """
    folded = unicodedata.normalize("NFKD", spell_symbols(name)).encode("ascii", "ignore").decode("ascii")
    slug = _SLUG.sub("-", folded.lower()).strip("-")
    if not slug:  # a name with no Latin letters or digits at all
        slug = "x-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]
    return slug


class CatalogueEntry(NamedTuple):
    """One known entity."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    ambiguous_aliases: frozenset[str] = frozenset()
    case_sensitive: bool = False
    domain: str | None = None
    note: str | None = None

    @property
    def id(self) -> str:
        """The entry's stable key, derived from its name."""
        return entity_slug(self.name)

    @property
    def forms(self) -> tuple[str, ...]:
        """The name followed by every alias."""
        return (self.name, *self.aliases)

    @classmethod
    def from_json(cls, data: dict) -> CatalogueEntry:
        """Build an entry from one parsed JSONL line.

        Raises
        ------
        ValueError
            If the name is missing or the type unknown.
        """
        name = str(data.get("name") or "").strip()
        if not name:
            raise ValueError("entry has no name")
        type_ = str(data.get("type") or "").strip()
        matches = [t for t in ENTITY_TYPES if t.lower() == type_.lower()]
        if not matches:
            raise ValueError(f"entry {name!r} has unknown type {type_!r}")
        aliases = tuple(dict.fromkeys(a.strip() for a in data.get("aliases") or [] if a.strip()))
        return cls(
            name=name,
            type=matches[0],
            aliases=tuple(a for a in aliases if a != name),
            parent=(data.get("parent") or None),
            ambiguous_aliases=frozenset(data.get("ambiguous_aliases") or ()),
            case_sensitive=bool(data.get("case_sensitive", False)),
            domain=data.get("domain"),
            note=data.get("note"),
        )

    def to_json(self) -> dict:
        """The JSONL form of this entry."""
        out: dict = {
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "parent": self.parent,
        }
        if self.ambiguous_aliases:
            out["ambiguous_aliases"] = sorted(self.ambiguous_aliases)
        if self.case_sensitive:
            out["case_sensitive"] = True
        if self.domain:
            out["domain"] = self.domain
        if self.note:
            out["note"] = self.note
        return out


def read_catalogue_file(path: str | Path) -> Iterator[CatalogueEntry | SourceProblem]:
    """Yield the entries of one JSONL catalogue file, and a problem for each bad line."""
    path = Path(path)
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            source = SourceRef(str(path), number)
            try:
                yield CatalogueEntry.from_json(json.loads(line))
            except (json.JSONDecodeError, ValueError, TypeError, AttributeError) as error:
                yield SourceProblem(source, f"bad catalogue entry: {error}")


class Catalogue:
    """Entries indexed by every surface form (case-folded).

    Later entries with the same name replace earlier ones, so a user file can correct the
    shipped catalogue.
    """

    def __init__(self) -> None:
        self._entries: dict[str, CatalogueEntry] = {}
        self._by_form: dict[str, list[str]] = defaultdict(list)
        self._by_id: dict[str, CatalogueEntry] = {}
        self._folded: dict[Callable[[str], str], dict[str, list[str]]] = {}
        #: A hash of the files this catalogue was loaded from, as they were (set by
        #: :func:`load_catalogue`; ``None`` once entries are added by hand).
        self.fingerprint: str | None = None

    @classmethod
    def from_entries(cls, entries: Iterable[CatalogueEntry]) -> Catalogue:
        """Index ``entries``; a later entry with an existing name replaces it."""
        catalogue = cls()
        catalogue.extend(entries)
        return catalogue

    def extend(self, entries: Iterable[CatalogueEntry]) -> None:
        """Add or replace entries."""
        self._folded = {}
        self.fingerprint = None
        for entry in entries:
            key = entry.name.casefold()
            old = self._entries.get(key)
            if old is not None:
                for form in {f.casefold() for f in old.forms}:
                    self._by_form[form].remove(key)
                self._by_id.pop(old.id, None)
            self._entries[key] = entry
            self._by_id[entry.id] = entry
            for form in entry.forms:
                ids = self._by_form[form.casefold()]
                if key not in ids:
                    ids.append(key)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[CatalogueEntry]:
        return iter(self._entries.values())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.casefold() in self._entries

    def get(self, name: str) -> CatalogueEntry | None:
        """The entry whose canonical name is ``name`` (any case), if any."""
        return self._entries.get(name.casefold())

    @property
    def ids_unique(self) -> bool:
        """Whether no two entries share an :attr:`CatalogueEntry.id`.

        >>> same = [CatalogueEntry("GPT-4o", "Model"), CatalogueEntry("GPT 4o", "Model")]
        >>> Catalogue.from_entries(same).ids_unique, Catalogue.from_entries(same[:1]).ids_unique
        (False, True)
        """
        return len(self._by_id) == len(self._entries)

    def by_id(self, entry_id: str) -> CatalogueEntry | None:
        """The entry with :attr:`CatalogueEntry.id` ``entry_id``."""
        return self._by_id.get(entry_id)

    def lookup(self, form: str) -> list[CatalogueEntry]:
        """Every entry that has ``form`` as its name or an alias (case-insensitive)."""
        return [self._entries[k] for k in self._by_form.get(form.casefold(), ())]

    def lookup_folded(self, form: str, fold: Callable[[str], str]) -> list[CatalogueEntry]:
        """Every entry with a name or alias that ``fold`` maps where it maps ``form`` (the
        index for each ``fold`` is built on first use).

        >>> cat = Catalogue.from_entries([CatalogueEntry("Claude 3.5 Sonnet", "Model")])
        >>> squash = lambda text: "".join(c for c in text.casefold() if c.isalnum())
        >>> [e.name for e in cat.lookup_folded("Claude35-Sonnet", squash)]
        ['Claude 3.5 Sonnet']
        """
        index = self._folded.get(fold)
        if index is None:
            index = self._folded[fold] = self._folded_index(fold)
        return [self._entries[k] for k in index.get(fold(form), ())]

    def _folded_index(self, fold: Callable[[str], str]) -> dict[str, list[str]]:
        """Each folded form's entry keys; kept on disk for a loaded catalogue and one of kg's
        own named functions (whose code the fingerprint covers)."""
        name = f"{fold.__module__}.{fold.__qualname__}"
        key = None
        if self.fingerprint is not None and name.startswith("kg.") and "<" not in name:
            key = hashlib.sha256(f"{self.fingerprint}\n{name}".encode()).hexdigest()[:32]
            saved = load_marshalled("folded", key)
            if isinstance(saved, dict):
                return saved
        index: dict[str, list[str]] = defaultdict(list)
        for entry_key, entry in self._entries.items():
            for folded in {fold(f) for f in entry.forms}:
                index[folded].append(entry_key)
        index = dict(index)
        if key is not None:
            save_marshalled("folded", key, index)
        return index

    def without(self, forms: Iterable[str]) -> Catalogue:
        """A copy lacking every entry that has one of ``forms`` as name or alias."""
        drop = {f.casefold() for f in forms}
        return Catalogue.from_entries(e for e in self if not any(f.casefold() in drop for f in e.forms))


def _package_files() -> list[Path]:
    folder = resources.files(__name__)
    return sorted(Path(str(item)) for item in folder.iterdir() if str(item.name).endswith(".jsonl"))


def load_catalogue(extra_files: Iterable[str | Path] = (), *, shipped: bool = True) -> Catalogue:
    """The shipped catalogue (unless ``shipped`` is false), extended by ``extra_files``.

    Extra files use the same JSONL format, or are Papers-with-Code ``methods.json`` /
    ``datasets.json`` dumps (see :mod:`kg.nlp.catalogue.pwc`); their entries replace shipped
    ones of the same name.

    Raises
    ------
    CatalogueError
        If a file is missing or has a bad line.
    """
    entries: list[CatalogueEntry] = []
    extra = list(map(Path, extra_files))
    files = [*(_package_files() if shipped else []), *extra]
    for path in files:
        if not path.is_file():
            raise CatalogueError(f"{path}: catalogue file not found")
    fingerprint = _files_fingerprint(extra, shipped)
    saved = _saved_catalogue(fingerprint)
    if saved is not None:
        return saved
    for path in files:
        if path.name.endswith((".json", ".json.gz")):  # a Papers-with-Code dump
            from kg.nlp.catalogue.pwc import read_pwc_file

            entries.extend(read_pwc_file(path))
            continue
        for item in read_catalogue_file(path):
            if isinstance(item, SourceProblem):
                raise CatalogueError(str(item))
            entries.append(item)
    catalogue = Catalogue.from_entries(entries)
    catalogue.fingerprint = fingerprint
    save_marshalled("catalogue", fingerprint, _catalogue_state(catalogue))
    return catalogue


# A loaded catalogue is kept on disk beside the phrase patterns (kg.nlp.patterncache), so that
# a new process reads 18,000 entries and their indexes back in milliseconds instead of parsing
# the JSON Lines again (0.2 s) and folding every form on first use (0.2 s).


def _files_fingerprint(extra: list[Path], shipped: bool) -> str:
    """A hash of kg's code (the shipped files are part of it) and of each extra file's bytes."""
    import sys

    from kg.codehash import code_hash

    digest = hashlib.sha256(f"{code_hash()}\n{sys.version}\n{shipped}\n".encode())
    for path in extra:
        digest.update(f"{path.name}\n".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:32]


def _catalogue_state(catalogue: Catalogue) -> tuple:
    rows = [
        (key, *entry[:4], sorted(entry.ambiguous_aliases), *entry[5:])
        for key, entry in catalogue._entries.items()
    ]
    by_id = [(entry_id, entry.name.casefold()) for entry_id, entry in catalogue._by_id.items()]
    return rows, dict(catalogue._by_form), by_id


def _saved_catalogue(fingerprint: str) -> Catalogue | None:
    state = load_marshalled("catalogue", fingerprint)
    try:
        rows, by_form, by_id = state  # type: ignore[misc]
        catalogue = Catalogue()
        entries = catalogue._entries
        with paused_gc():
            for key, name, type_, aliases, parent, ambiguous, *rest in rows:
                entries[key] = CatalogueEntry(name, type_, aliases, parent, frozenset(ambiguous), *rest)
            catalogue._by_form.update(by_form)
            catalogue._by_id = {entry_id: entries[key] for entry_id, key in by_id}
    except (TypeError, ValueError, KeyError):  # nothing saved, or not what this code saves
        return None
    catalogue.fingerprint = fingerprint
    return catalogue
