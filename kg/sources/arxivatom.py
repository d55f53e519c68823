"""Reader for arXiv API responses: Atom XML feeds of ``<entry>`` elements.

The XML is parsed with :mod:`defusedxml`, which refuses document type declarations, entity
declarations and external references outright, so a feed can neither expand entities
("billion laughs") nor make kg read other files. Each entry gives one paper; an entry with
no title or summary, and the arXiv API's own error entries, are reported with their line. A
feed that stops being well-formed half way yields the entries before the break, then a
problem with the line where parsing stopped.

Examples
--------
>>> feed = '''<feed xmlns="http://www.w3.org/2005/Atom">
... <entry><id>http://arxiv.org/abs/2401.00001v2</id><title>A  Title</title>
... <summary>An abstract.</summary><published>2024-01-02T00:00:00Z</published></entry>
... </feed>'''
>>> [(p.arxiv_id, p.title, p.date) for p in read_arxiv_atom(feed, "q.xml")]
[('2401.00001', 'A Title', '2024-01-02')]
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import ParseError

from kg.records import Paper, SourceProblem, SourceRef
from kg.sources.normalize import arxiv_id_from, clean_text, normalize_date, title_id
from kg.sources.text import tidy_field

__all__ = ["looks_like_atom", "read_arxiv_atom"]

_FIELDS = {"id", "title", "summary", "published", "updated", "doi", "comment", "journal_ref"}


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


class _EntryCollector:
    """Parser target that keeps, for each ``<entry>``, its fields and the line it starts on."""

    def __init__(self) -> None:
        self.parser: object | None = None
        self.entries: list[dict[str, object]] = []
        self._entry: dict[str, object] | None = None
        self._path: list[str] = []
        self._text: list[str] = []

    def _line(self) -> int:
        return self.parser.parser.CurrentLineNumber  # type: ignore[union-attr]

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        name = _local(tag)
        self._path.append(name)
        self._text = []
        if name == "entry" and self._entry is None:
            self._entry = {"line": self._line(), "authors": [], "categories": [], "links": []}
        elif self._entry is not None:
            if name == "category" and attrib.get("term"):
                self._entry["categories"].append(attrib["term"])  # type: ignore[union-attr]
            elif name == "link":
                self._entry["links"].append(dict(attrib))  # type: ignore[union-attr]
            elif name == "primary_category" and attrib.get("term"):
                self._entry["primary_category"] = attrib["term"]

    def data(self, text: str) -> None:
        self._text.append(text)

    def end(self, tag: str) -> None:
        name = _local(tag)
        text = "".join(self._text)
        self._text = []
        self._path.pop()
        entry = self._entry
        if entry is None:
            return
        parent = self._path[-1] if self._path else ""
        if name == "entry" and parent != "entry":
            self.entries.append(entry)
            self._entry = None
        elif name in _FIELDS and parent == "entry":
            entry[name] = text
        elif name == "name" and parent == "author":
            entry["authors"].append(clean_text(text))  # type: ignore[union-attr]

    def close(self) -> None:
        return None


def looks_like_atom(head: str) -> bool:
    """Whether the start of a text is an Atom feed (as the arXiv API returns)."""
    text = head.lstrip("\ufeff \t\r\n")
    return text.startswith("<") and "<feed" in text and ("2005/Atom" in text or "<entry" in text)


def _paper(entry: dict[str, object], name: str) -> Paper | SourceProblem:
    source = SourceRef(name, int(entry["line"]))  # type: ignore[arg-type]
    raw_id = clean_text(entry.get("id"))
    if "arxiv.org/api/errors" in raw_id:
        return SourceProblem(source, f"arXiv API error: {clean_text(entry.get('summary'))[:200]}")
    title, raw_title = tidy_field(entry.get("title"))
    if not title:
        return SourceProblem(source, "entry has no title")
    abstract, raw_abstract = tidy_field(entry.get("summary"))
    if not abstract:
        return SourceProblem(source, f"entry {title[:60]!r} has no summary")
    arxiv_id = arxiv_id_from(raw_id)
    links = entry["links"]
    alternate = [
        link["href"]
        for link in links  # type: ignore[union-attr]
        if link.get("href") and link.get("rel", "alternate") == "alternate"
    ]
    url = f"https://arxiv.org/abs/{arxiv_id}" if arxiv_id else (alternate[0] if alternate else None)
    extra = {
        key: entry[key]
        for key in ("authors", "categories", "primary_category")
        if entry.get(key) not in (None, [])
    }
    if entry.get("doi"):
        extra["doi"] = clean_text(entry["doi"])
    return Paper(
        id=arxiv_id or raw_id or title_id(title),
        title=title,
        abstract=abstract,
        date=normalize_date(clean_text(entry.get("published") or entry.get("updated")) or None),
        url=url,
        arxiv_id=arxiv_id,
        sources=(source,),
        extra=extra,
        raw_title=raw_title,
        raw_abstract=raw_abstract,
    )


def read_arxiv_atom(text: str, name: str) -> Iterator[Paper | SourceProblem]:
    """Yield one paper per ``<entry>`` of an Atom feed, then any problem that stopped parsing."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser

    collector = _EntryCollector()
    parser = DefusedXMLParser(target=collector, forbid_dtd=True, forbid_entities=True)
    collector.parser = parser
    failure: SourceProblem | None = None
    try:
        parser.feed(text)
        parser.close()
    except ParseError as error:
        line, column = getattr(error, "position", (None, None))
        reason = str(error).split(": line ")[0]
        failure = SourceProblem(SourceRef(name, line), f"invalid XML: {reason} (column {column})")
    except DefusedXmlException as error:
        line = parser.parser.CurrentLineNumber
        reason = "DTDs, entity declarations and external references are not read"
        failure = SourceProblem(SourceRef(name, line), f"refused XML ({type(error).__name__}): {reason}")
    for entry in collector.entries:
        yield _paper(entry, name)
    if failure is not None:
        yield failure
    elif not collector.entries:
        yield SourceProblem(SourceRef(name), "feed has no entries")
