"""Field clean-up shared by every reader: identifiers, dates and whitespace.

Examples
--------
>>> arxiv_id_from("https://arxiv.org/abs/2401.01234v3")
'2401.01234'
>>> normalize_date("Aug 7")
'--08-07'
>>> normalize_date("2024-03-15T10:00:00Z")
'2024-03-15'
"""

from __future__ import annotations

import hashlib
import re

from kg.records import normalize_title

__all__ = [
    "MONTHS",
    "arxiv_id_from",
    "clean_text",
    "find_arxiv_id",
    "normalize_date",
    "title_id",
]

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}

_NEW_STYLE = r"\d{4}\.\d{4,5}"
_OLD_STYLE = r"[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?/\d{7}"
_ARXIV_ID = re.compile(
    rf"(?<![\w.])(?:arxiv:\s*)?({_NEW_STYLE}|{_OLD_STYLE})(?:v\d+)?(?:\s*\[[\w.-]+\])?(?![\w])", re.I
)
_ARXIV_URL = re.compile(
    rf"(?:arxiv\.org/(?:abs|pdf|html|format)/|huggingface\.co/papers/|10\.48550/arxiv\.)"
    rf"({_NEW_STYLE}|{_OLD_STYLE})(?![\d])",
    re.I,
)
_ARXIV_IN_TEXT = re.compile(rf"arxiv:\s*({_NEW_STYLE}|{_OLD_STYLE})(?![\d])", re.I)


def arxiv_id_from(value: object) -> str | None:
    """Return the version-less arXiv id in ``value`` (an id, ``arXiv:`` form or URL), if any.

    Versions (``v2``), ``arXiv:`` prefixes, ``[cs.CL]`` suffixes, abs/pdf/html URLs and
    arXiv DOIs (``10.48550/arXiv.2401.01234``) are all reduced to the bare id.

    >>> arxiv_id_from("arXiv:hep-th/9901001v2")
    'hep-th/9901001'
    >>> arxiv_id_from("https://arxiv.org/pdf/2401.01234v3.pdf")
    '2401.01234'
    >>> arxiv_id_from("SJ1Xmf-Rb") is None
    True
    """
    if value is None:
        return None
    text = str(value).strip()
    match = _ARXIV_URL.search(text)
    if match:
        return match.group(1)
    match = _ARXIV_ID.fullmatch(text)
    return match.group(1) if match else None


def find_arxiv_id(value: object) -> str | None:
    """Find an arXiv id written inside free text (``arXiv preprint arXiv:2401.01234``).

    Only explicit forms count: ``arXiv:ID``, an arXiv URL or an arXiv DOI.

    >>> find_arxiv_id("arXiv preprint arXiv:1810.04805v2")
    '1810.04805'
    >>> find_arxiv_id("Proc. 2401.01234 pages") is None
    True
    """
    if value is None:
        return None
    text = str(value)
    match = _ARXIV_URL.search(text) or _ARXIV_IN_TEXT.search(text)
    return match.group(1) if match else None


def title_id(title: str) -> str:
    """A stable identifier for a paper known only by its title.

    >>> title_id("Attention Is All You Need") == title_id("attention is all you need!")
    True
    """
    folded = normalize_title(title) or title.strip()  # a title of punctuation only hashes as is
    digest = hashlib.sha1(folded.encode("utf-8")).hexdigest()
    return f"paper-{digest[:12]}"


_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_MONTH_DAY = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?")
_DAY_MONTH = re.compile(r"(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})")


def _valid(year: int | None, month: int, day: int | None) -> bool:
    if not 1 <= month <= 12:
        return False
    if day is None:
        return True
    days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    if year is not None and month == 2 and not (year % 4 == 0 and (year % 100 or year % 400 == 0)):
        days = 28
    return 1 <= day <= days


def normalize_date(value: object) -> str | None:
    """Return ``value`` as an ISO 8601 date string as precise as it is, or ``None``.

    Years alone stay years (``2021``), months stay months (``2024-03``), and a month and
    day with no year become an XML Schema ``gMonthDay`` (``--08-07``).

    >>> normalize_date(2021), normalize_date("Mar 13, 2024"), normalize_date("13 March 2024")
    ('2021', '2024-03-13', '2024-03-13')
    >>> normalize_date("yesterday") is None
    True
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return f"{value:04d}" if 1000 <= value <= 9999 else None
    text = str(value).strip()
    if not text:
        return None
    match = _ISO.fullmatch(text)
    if match:
        year, month, day = match.groups()
        if month is None:
            return year
        if not _valid(int(year), int(month), int(day) if day else None):
            return None
        return f"{year}-{month}" if day is None else f"{year}-{month}-{day}"
    match = _MONTH_DAY.fullmatch(text)
    if match and match.group(1).lower() in MONTHS:
        month, day = MONTHS[match.group(1).lower()], int(match.group(2))
        year = int(match.group(3)) if match.group(3) else None
        if not _valid(year, month, day):
            return None
        return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    match = _DAY_MONTH.fullmatch(text)
    if match and match.group(2).lower() in MONTHS:
        day, month, year = int(match.group(1)), MONTHS[match.group(2).lower()], int(match.group(3))
        return f"{year:04d}-{month:02d}-{day:02d}" if _valid(year, month, day) else None
    return None


_SPACE = re.compile(r"\s+")


def clean_text(value: object) -> str:
    """Collapse runs of whitespace (newlines included) to one space and trim.

    A list of strings, as some corpora store an abstract sentence by sentence, is joined.

    >>> clean_text(["First  sentence.", "Second\\nsentence."])
    'First sentence. Second sentence.'
    """
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = " ".join(str(v) for v in value if v is not None)
    return _SPACE.sub(" ", str(value)).strip()
