"""Plain records passed between the stages of kg.

Every stage speaks in these small immutable values, so readers, the spaCy stage, the
resolver and the exporters stay independent of one another.

Examples
--------
>>> paper = Paper(id="p1", title="LoRA at scale", abstract="We study LoRA.")
>>> paper.key
'title:lora at scale'
>>> EntityType.parse("benchmark")
<EntityType.BENCHMARK: 'Benchmark'>
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import NamedTuple

from kg.spelling import plain_aliases, source_spellings

__all__ = [
    "ENTITY_TYPES",
    "EntityType",
    "Evidence",
    "ExtractedEntity",
    "LinkFacts",
    "Paper",
    "PaperExtraction",
    "Relation",
    "SourceProblem",
    "SourceRef",
    "normalize_title",
]


class EntityType(StrEnum):
    """The six kinds of ML entity kg recognises."""

    METHOD = "Method"
    MODEL = "Model"
    DATASET = "Dataset"
    BENCHMARK = "Benchmark"
    TASK = "Task"
    METRIC = "Metric"

    @classmethod
    def parse(cls, text: str) -> EntityType:
        """Return the type named by ``text``, ignoring case.

        Raises
        ------
        ValueError
            If ``text`` names no entity type.
        """
        for member in cls:
            if member.value.lower() == text.strip().lower():
                return member
        known = ", ".join(m.value for m in cls)
        raise ValueError(f"unknown entity type {text!r} (expected one of {known})")


ENTITY_TYPES: tuple[str, ...] = tuple(t.value for t in EntityType)


class Relation(StrEnum):
    """How a paper relates to an entity it names, from weakest to strongest claim."""

    MENTIONS = "mentions"
    USES = "uses"
    COMPARES_WITH = "compares_with"
    EVALUATES_ON = "evaluates_on"
    PROPOSES = "proposes"

    @property
    def strength(self) -> int:
        """Rank of the claim: ``proposes`` is strongest, ``mentions`` weakest."""
        return _RELATION_STRENGTH[self]


_RELATION_STRENGTH = {relation: rank for rank, relation in enumerate(Relation)}


class SourceRef(NamedTuple):
    """Where a record came from: a file (or ``-`` for stdin) and a 1-based line."""

    file: str
    line: int | None = None

    def __str__(self) -> str:
        return self.file if self.line is None else f"{self.file}:{self.line}"


class SourceProblem(NamedTuple):
    """A record, line or file a reader could not turn into a paper, and why."""

    source: SourceRef
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


_NON_WORD = re.compile(r"[\W_]+")


@functools.lru_cache(maxsize=1 << 16)  # a process that builds again reads the same titles
def normalize_title(title: str) -> str:
    """Fold a title to the form used to recognise the same paper twice.

    >>> normalize_title("  LoRA vs. Full Fine-tuning: An Illusion ")
    'lora vs full fine tuning an illusion'
    """
    return _NON_WORD.sub(" ", title.casefold()).strip()


@dataclass(frozen=True, slots=True)
class Paper:
    """One paper: what every reader yields.

    ``id`` is the identifier the source gave (or one derived from the title), ``date`` an ISO
    8601 string as precise as the source allows (``2024-03-15``, ``2024-03``, ``2024``, or
    ``--03-15`` when the source gives month and day only), and ``sources`` every place the
    paper was read from. ``raw_title`` and ``raw_abstract`` keep the text as the source wrote
    it when the readers' clean-up changed more than whitespace (``None`` otherwise); they do
    not take part in equality.
    """

    id: str
    title: str
    abstract: str
    date: str | None = None
    url: str | None = None
    arxiv_id: str | None = None
    sources: tuple[SourceRef, ...] = ()
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)
    raw_title: str | None = field(default=None, compare=False)
    raw_abstract: str | None = field(default=None, compare=False)

    @property
    def key(self) -> str:
        """The identity used to merge duplicates: the arXiv id, else the folded title."""
        if self.arxiv_id:
            return f"arxiv:{self.arxiv_id}"
        return f"title:{normalize_title(self.title)}"

    @property
    def source_title(self) -> str:
        """The title as the source spelled it, with its whitespace folded.

        This is the title ``papers.jsonl`` keys a paper by, so that a table keyed by the
        source's spelling (a gold file, a join with the source's metadata) meets it; ``title``
        is the cleaned text kg extracts from and shows.

        >>> Paper("1", "S²FT: Sparse Tuning", "", raw_title="S$^{2}$FT:\\n Sparse Tuning").source_title
        'S$^{2}$FT: Sparse Tuning'
        >>> Paper("2", "Plain Title", "").source_title
        'Plain Title'
        """
        return " ".join(self.raw_title.split()) if self.raw_title else self.title

    @property
    def text(self) -> str:
        """Title and abstract as one text, the title first, separated by a blank line."""
        return f"{self.title}\n\n{self.abstract}" if self.abstract else self.title

    def merged_with(self, other: Paper) -> Paper:
        """Return this paper with ``other``'s sources added and its gaps filled from ``other``."""
        sources = self.sources + tuple(s for s in other.sources if s not in self.sources)
        return replace(
            self,
            abstract=self.abstract or other.abstract,
            raw_abstract=self.raw_abstract if self.abstract else other.raw_abstract,
            date=self.date or other.date,
            url=self.url or other.url,
            arxiv_id=self.arxiv_id or other.arxiv_id,
            sources=sources,
            extra={**other.extra, **self.extra},
        )


class Evidence(NamedTuple):
    """One mention of an entity: the text as written and where it stands.

    ``start`` and ``end`` are character offsets into ``Paper.text`` (title, blank line,
    abstract); ``sentence`` is the sentence that holds the mention and ``sentence_start`` its
    offset in the same text; ``relation`` is what the sentence says the paper does with it.
    """

    text: str
    start: int
    end: int
    sentence: str
    sentence_start: int
    relation: str = "mentions"


@dataclass(slots=True)
class ExtractedEntity:
    """An entity as one paper names it, with every surface form and the evidence for it."""

    name: str
    type: str
    mentions: list[str]
    evidence: list[Evidence]
    proposed: bool = False
    relation: str = Relation.MENTIONS.value
    confidence: float = 0.5
    sources: list[str] = field(default_factory=list)
    catalogue_id: str | None = None
    parent: str | None = None
    #: What settled the type: catalogue, parent, context, name, list, or None (the default).
    typed_by: str | None = None

    def to_json(self, source_spellings: dict[str, str] | None = None) -> dict[str, object]:
        """The JSON form written to ``papers.jsonl`` (see DESIGN's ``kg extract`` contract).

        ``aliases`` (only when there are any) lists the keyboard spellings of the forms
        clean-up wrote with Unicode signs ("S2FT" for "S²FT"), then the source's spelling of
        each form clean-up rewrote (``source_spellings``, from
        :func:`kg.spelling.source_spellings`): "$\\mathcal{S}^3$-Bench" beside "S³-Bench".

        >>> ExtractedEntity("S²FT", "Method", ["S²FT"], []).to_json({"S²FT": "S$^{2}$FT"})["aliases"]
        ['S2FT', 'S$^{2}$FT']
        """
        forms = [self.name, *self.mentions]
        aliases = plain_aliases(forms)
        if source_spellings:
            spelled = filter(None, (source_spellings.get(form) for form in forms))
            aliases = list(dict.fromkeys([*aliases, *spelled]))
        out: dict[str, object] = {
            "name": self.name,
            "type": self.type,
            "mentions": list(self.mentions),
            **({"aliases": aliases} if aliases else {}),
            "proposed": self.proposed,
            "relation": self.relation,
            "confidence": round(self.confidence, 3),
            "evidence_sources": list(self.sources),
        }
        if self.catalogue_id:
            out["catalogue_id"] = self.catalogue_id
        if self.parent:
            out["parent"] = self.parent
        if self.typed_by:
            out["typed_by"] = self.typed_by
        out["evidence"] = [
            {
                "text": e.text,
                "start": e.start,
                "end": e.end,
                "sentence": e.sentence,
                "sentence_start": e.sentence_start,
                "relation": e.relation,
            }
            for e in self.evidence
        ]
        return out

    @classmethod
    def from_json(cls, data: dict) -> ExtractedEntity:
        """Inverse of :meth:`to_json`."""
        return cls(
            name=data["name"],
            type=data["type"],
            mentions=list(data.get("mentions", [])),
            evidence=[Evidence(**e) for e in data.get("evidence", [])],
            proposed=bool(data.get("proposed", False)),
            relation=data.get("relation", Relation.MENTIONS.value),
            confidence=float(data.get("confidence", 0.5)),
            sources=list(data.get("evidence_sources", [])),
            catalogue_id=data.get("catalogue_id"),
            parent=data.get("parent"),
            typed_by=data.get("typed_by"),
        )


class LinkFacts(NamedTuple):
    """What linking across papers reads of one :class:`ExtractedEntity`: everything but its
    evidence, of which only the number and the relations (in first-seen order) count.

    A cached paper's facts are stored apart from its entities, so a build links it without
    decoding them.

    >>> ev = Evidence("LoRA", 0, 4, "LoRA.", 0, "uses")
    >>> LinkFacts.of(ExtractedEntity("LoRA", "Method", ["LoRA"], [ev, ev])).relations
    ('uses',)
    """

    name: str
    type: str
    mentions: tuple[str, ...]
    confidence: float
    catalogue_id: str | None
    parent: str | None
    evidence_count: int
    relations: tuple[str, ...]

    @classmethod
    def of(cls, entity: ExtractedEntity) -> LinkFacts:
        """The facts of ``entity``."""
        evidence = entity.evidence
        relations = tuple(dict.fromkeys(ev.relation for ev in evidence)) if evidence else (entity.relation,)
        return cls(
            entity.name,
            entity.type,
            tuple(entity.mentions),
            entity.confidence,
            entity.catalogue_id,
            entity.parent,
            len(evidence),
            relations,
        )


@dataclass(slots=True)
class PaperExtraction:
    """A paper together with the entities the spaCy stage found in it."""

    paper: Paper
    entities: list[ExtractedEntity]

    def to_json(self) -> dict[str, object]:
        """One line of ``papers.jsonl``.

        ``title`` is the title as the source spelled it (:attr:`Paper.source_title`), with
        ``clean_title`` beside it when clean-up changed it; evidence offsets and sentences
        are in the cleaned text. The abstract is the cleaned one, with ``raw_abstract``
        beside it when clean-up changed it.
        """
        p = self.paper
        changed = p.raw_title or p.raw_abstract  # the source's spellings, where clean-up rewrote any
        spellings = source_spellings(f"{p.raw_title or ''} {p.raw_abstract or ''}") if changed else None
        return {
            "id": p.id,
            "title": p.source_title,
            **({"clean_title": p.title} if p.raw_title else {}),
            "abstract": p.abstract,
            "date": p.date,
            "url": p.url,
            "arxiv_id": p.arxiv_id,
            "sources": [str(s) for s in p.sources],
            **({"raw_abstract": p.raw_abstract} if p.raw_abstract else {}),
            "entities": [e.to_json(spellings) for e in self.entities],
        }

    def link_facts(self) -> list[LinkFacts]:
        """The :class:`LinkFacts` of each entity, in order."""
        return [LinkFacts.of(entity) for entity in self.entities]

    @classmethod
    def from_json(cls, data: dict) -> PaperExtraction:
        """Inverse of :meth:`to_json`."""
        sources = []
        for s in data.get("sources", []):
            file, _, line = s.rpartition(":")
            if file and line.isdigit():
                sources.append(SourceRef(file, int(line)))
            else:
                sources.append(SourceRef(s))
        cleaned = "clean_title" in data
        paper = Paper(
            id=data["id"],
            title=data["clean_title"] if cleaned else data["title"],
            abstract=data.get("abstract", ""),
            date=data.get("date"),
            url=data.get("url"),
            arxiv_id=data.get("arxiv_id"),
            sources=tuple(sources),
            raw_title=data["title"] if cleaned else data.get("raw_title"),
            raw_abstract=data.get("raw_abstract"),
        )
        return cls(paper, [ExtractedEntity.from_json(e) for e in data.get("entities", [])])
