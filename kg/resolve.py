"""Cross-paper canonicalisation: one entity per referent across the whole corpus.

Each paper's entities (from the spaCy stage) are grouped under a canonical key:

- the catalogue entry, when the entity was matched to one;
- otherwise the normalised canonical name, so "Foo-Net" and "FooNet" meet;
- an acronym seen alone ("PILS") joins the entity whose long form it abbreviates elsewhere
  in the corpus, but only when that acronym stands for exactly one long form; ambiguous
  acronyms stay apart.

Canonical ids are minted from the chosen name (:func:`kg.nlp.catalogue.entity_slug`), so they
are stable across runs. No spaCy here.

Examples
--------
>>> from kg.records import ExtractedEntity, Paper, PaperExtraction
>>> def ent(name, *mentions):
...     return ExtractedEntity(name, "Method", list(mentions or [name]), [], confidence=0.8)
>>> a = PaperExtraction(Paper("a", "A", "x"), [ent("prompt inversion", "PINV", "prompt inversion")])
>>> b = PaperExtraction(Paper("b", "B", "y"), [ent("PINV")])
>>> res = resolve([a, b])
>>> [(e.id, e.name, sorted(e.papers)) for e in res.entities.values()]
[('prompt-inversion', 'prompt inversion', ['a', 'b'])]
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from kg.nlp.catalogue import Catalogue, entity_slug, normalize_form
from kg.records import LinkFacts, PaperExtraction
from kg.spelling import plain_aliases

__all__ = ["CanonicalEntity", "Resolution", "resolve", "resolve_facts"]


@dataclass
class CanonicalEntity:
    """One entity of the corpus, with everything known about it."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    parent: str | None = None
    catalogue_id: str | None = None
    confidence: float = 0.0
    papers: set[str] = field(default_factory=set)
    mention_count: int = 0


@dataclass
class Resolution:
    """The corpus's canonical entities and, per paper, which entity each local one became."""

    entities: dict[str, CanonicalEntity]
    #: per paper (by index), the (entity id, index of the paper's local entity) of each of its
    #: local entities, ordered as :attr:`order` orders their entities and then by that index
    links: list[list[tuple[str, int]]]
    #: the rank of each entity id: their order by the key they were grouped under
    order: dict[str, int]


@lru_cache(maxsize=1 << 16)
def _is_acronym(text: str) -> bool:
    if " " in text:
        return False
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 2


#: A number or size on its own ("100" of "CIFAR-10/100", "13B" of "Llama 2 7B and 13B"): the
#: mention of a variant whose family the text left out, never an alias of it.
_ELIDED_NUMBER = re.compile(r"\d+(?:\.\d+)?[BMKTbmkt]?")


#: One local entity behind a canonical one: paper id, its facts, paper index, entity index.
Member = tuple[str, LinkFacts, int, int]


def resolve(extractions: Iterable[PaperExtraction], catalogue: Catalogue | None = None) -> Resolution:
    """Merge the per-paper entities of ``extractions`` into canonical entities.

    Parents named by catalogue entries that no paper mentions are added too (with no
    papers), so every variant-of link has both ends.
    """
    return resolve_facts([(x.paper.id, x.link_facts()) for x in extractions], catalogue)


def resolve_facts(
    papers: Sequence[tuple[str, Sequence[LinkFacts]]], catalogue: Catalogue | None = None
) -> Resolution:
    """:func:`resolve` over each paper's id and the :class:`~kg.records.LinkFacts` of its
    entities, which is all it reads; a link's indices point into ``papers``."""
    occurrences: list[tuple[Member, str]] = []
    acronym_keys: dict[str, set[str]] = defaultdict(set)
    is_acronym, normalize = _is_acronym, normalize_form  # (locals: this loop runs once per entity)
    for paper_index, (paper_id, entities) in enumerate(papers):
        for entity_index, facts in enumerate(entities):
            name, _, mentions, _, catalogue_id = facts[:5]
            # grouped under the catalogue entry, else under the normalised name
            key = f"cat:{catalogue_id}" if catalogue_id else f"name:{normalize(name)}"
            occurrences.append(((paper_id, facts, paper_index, entity_index), key))
            for mention in mentions:
                if mention != name and is_acronym(mention):
                    acronym_keys[normalize(mention)].add(key)
    grouped: dict[str, list[Member]] = defaultdict(list)
    for member, key in occurrences:
        facts = member[1]
        if not facts.catalogue_id and is_acronym(facts.name):
            homes = acronym_keys.get(normalize(facts.name), set())
            if len(homes) == 1:
                key = next(iter(homes))
        grouped[key].append(member)
    return _canonicalise(grouped, catalogue, len(papers))


def _canonicalise(grouped: dict[str, list[Member]], catalogue: Catalogue | None, papers: int) -> Resolution:
    by_key: dict[str, CanonicalEntity] = {}
    for key in sorted(grouped):
        members = grouped[key]
        by_key[key] = _merge(members)
    _drop_written_forms(by_key.values(), catalogue)
    _add_catalogue_parents(by_key, catalogue)
    ids = _mint_ids(by_key)
    entities: dict[str, CanonicalEntity] = {}
    for key, entity in by_key.items():
        entity.id = ids[key]
        entities[entity.id] = entity
    name_to_id = {normalize_form(e.name): e.id for e in entities.values()}
    for entity in entities.values():
        if entity.parent is not None:
            parent_id = name_to_id.get(normalize_form(entity.parent))
            entity.parent = parent_id if parent_id != entity.id else None
    links: list[list[tuple[str, int]]] = [[] for _ in range(papers)]
    order: dict[str, int] = {}
    for key, members in sorted(grouped.items()):
        entity_id = ids[key]
        order[entity_id] = len(order)
        for _, _, paper_index, entity_index in members:
            links[paper_index].append((entity_id, entity_index))
    return Resolution(dict(sorted(entities.items())), links, order)


def _merge(members: list[Member]) -> CanonicalEntity:
    # plain dicts counted in member order: what Counter gives, without its overhead
    names: dict[str, int] = {}
    votes: dict[str, float] = {}
    parents: dict[str, int] = {}
    mentions: set[str] = set()
    catalogued = None
    miss = 1.0
    mention_count = 0
    for _, local, _, _ in members:
        name, type_, forms, confidence, catalogue_id, parent, evidence_count, _ = local  # one unpacking
        names[name] = names.get(name, 0) + 1
        if catalogue_id and catalogued is None:
            catalogued = local
        votes[type_] = votes.get(type_, 0) + (confidence + (10 if catalogue_id else 0))
        mentions.update(forms)
        miss *= 1.0 - (confidence if confidence < 0.99 else 0.99)
        if parent:
            parents[parent] = parents.get(parent, 0) + 1
        mention_count += evidence_count or 1
    if catalogued is not None:
        name = catalogued.name
    else:
        long_forms = [n for n in names if not _is_acronym(n)]
        name = max(long_forms or names, key=lambda n: (names[n], -len(n), n))
    type_ = max(votes, key=lambda t: (votes[t], t))
    # the keyboard spellings of names written with Unicode signs ("S²FT" is also "S2FT")
    mentions.update(plain_aliases([name, *sorted(mentions)]))
    mentions.discard(name)
    if any(form[:1].isdigit() for form in mentions):
        mentions = {form for form in mentions if not _ELIDED_NUMBER.fullmatch(form)}
    return CanonicalEntity(
        id="",
        name=name,
        type=type_,
        aliases=sorted(mentions),
        parent=max(parents, key=parents.__getitem__) if parents else None,  # the first most common
        catalogue_id=catalogued.catalogue_id if catalogued is not None else None,
        confidence=round(1.0 - miss, 3),
        papers={member[0] for member in members},
        mention_count=mention_count,
    )


def _drop_written_forms(entities: Iterable[CanonicalEntity], catalogue: Catalogue | None) -> None:
    """Leave out of each entity's aliases the forms that only say how a paper wrote it (they stay
    on the paper's edge), unless its catalogue entry lists them:

    - a catalogued entity's qualified forms ("ligand RMSD" of RMSD, see
      :func:`kg.nlp.assemble.qualified_forms`; "loopy belief propagation" stays an alias of
      belief propagation, as its entry lists it);
    - the lone words of a name that a list wrote with the rest elided ("image" of image
      classification in "image and text classification", "Sequential" of Sequential MNIST).
    """
    for entity in entities:
        if not entity.aliases:
            continue
        written = _elided_words(entity.aliases, entity.name) if " " in entity.name else set()
        entry = catalogue.by_id(entity.catalogue_id) if catalogue and entity.catalogue_id else None
        if entry is not None:
            written |= _qualified(set(entity.aliases), entity.name)
        if written:
            known = {form.casefold() for form in entry.forms} if entry is not None else set()
            entity.aliases = [a for a in entity.aliases if a not in written or a.casefold() in known]


def _elided_words(forms: Iterable[str], name: str) -> set[str]:
    """The forms that are one word of the several-word ``name`` on its own (an acronym aside).

    >>> sorted(_elided_words(["image", "image recognition", "IC"], "image classification"))
    ['image']
    >>> sorted(_elided_words(["Lite", "MNIST"], "Sequential MNIST Lite"))
    ['Lite']
    """
    words = {word.casefold() for word in name.split()}
    return {form for form in forms if " " not in form and form.casefold() in words and not _is_acronym(form)}


def _qualified(forms: set[str], name: str) -> set[str]:
    """The forms that are another form of the same entity with a lower-case qualifier before it
    or a kind noun after it ("ligand RMSD" beside "RMSD", "normalized SGD" beside "SGD",
    "MinHash deduplication" beside "MinHash"): how a paper wrote the entity (kept on its edge),
    no alias of it.

    >>> sorted(_qualified({"RMSD", "ligand RMSD", "RMSD scores", "root-mean-square deviation"}, "RMSD"))
    ['RMSD scores', 'ligand RMSD']
    """
    out = set()
    for form in forms:
        qualifier, space, rest = form.partition(" ")
        if space and qualifier[:1].islower() and (rest in forms or rest == name):
            out.add(form)
        head, space, kind = form.rpartition(" ")
        if space and kind[:1].islower() and (head in forms or head == name):
            out.add(form)
    return out


def _add_catalogue_parents(by_key: dict[str, CanonicalEntity], catalogue: Catalogue | None) -> None:
    if catalogue is None:
        return
    pending = [e.parent for e in by_key.values() if e.parent]
    while pending:
        name = pending.pop()
        entry = catalogue.get(name)
        key = f"cat:{entry.id}" if entry else None
        if entry is None or key in by_key:
            continue
        by_key[key] = CanonicalEntity(
            id="",
            name=entry.name,
            type=entry.type,
            aliases=sorted(entry.aliases),
            parent=entry.parent,
            catalogue_id=entry.id,
            confidence=0.0,
        )
        if entry.parent:
            pending.append(entry.parent)


def _mint_ids(by_key: dict[str, CanonicalEntity]) -> dict[str, str]:
    """Slug of the canonical name; on a clash, the type and then a counter are appended."""
    wanted: dict[str, list[str]] = defaultdict(list)
    for key, entity in sorted(by_key.items()):
        wanted[entity.catalogue_id or entity_slug(entity.name)].append(key)
    ids: dict[str, str] = {}
    used: set[str] = set()
    for slug, keys in sorted(wanted.items()):
        for key in keys:
            candidate = slug if len(keys) == 1 else f"{slug}-{by_key[key].type.lower()}"
            number = 2
            base = candidate
            while candidate in used:
                candidate = f"{base}-{number}"
                number += 1
            used.add(candidate)
            ids[key] = candidate
    return ids
