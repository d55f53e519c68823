"""Find the corpus a notebook or demo should read: the one asked for, else the sample corpus.

The sample corpus is the repository's ``examples/`` folder. It is looked for beside the
installed package (an editable install or a source checkout) and then in the working folder
and the folders above it, so a notebook finds it whether it runs from ``notebooks/``, from the
repository root or from a test's temporary folder.

Examples
--------
>>> find_corpus().name
'examples'
>>> find_corpus("no/such/folder")
Traceback (most recent call last):
...
FileNotFoundError: no corpus at no/such/folder
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["find_corpus", "sample_corpus"]


def _candidates(start: Path) -> list[Path]:
    package_root = Path(__file__).resolve().parent.parent
    return [package_root / "examples", *(folder / "examples" for folder in (start, *start.parents))]


def sample_corpus(start: str | Path | None = None) -> Path:
    """The ``examples/`` folder, found beside the package or above ``start`` (default: the cwd).

    Raises
    ------
    FileNotFoundError
        If no ``examples/`` folder with papers in it is found.

    Examples
    --------
    >>> sorted(p.name for p in sample_corpus().iterdir() if p.suffix in {".txt", ".jsonl"})
    ['daily_papers.txt', 'papers.jsonl']
    """
    start = Path(start or os.getcwd()).resolve()
    for folder in _candidates(start):
        if folder.is_dir() and any(p.is_file() and p.name != "README.md" for p in folder.iterdir()):
            return folder
    raise FileNotFoundError(f"no examples/ folder beside the kg package or above {start}")


def find_corpus(value: str | Path | None = None) -> Path:
    """The corpus named by ``value`` (a file or folder); the sample corpus when it is empty.

    Notebooks pass their ``KG_INPUT`` parameter here, so an unset variable means the
    sample corpus and a wrong path fails at once with the path in the message.

    Raises
    ------
    FileNotFoundError
        If ``value`` names nothing, or no sample corpus is found.

    Examples
    --------
    >>> find_corpus("") == sample_corpus()
    True
    """
    if value is None or not str(value).strip():
        return sample_corpus()
    path = Path(str(value).strip()).expanduser()
    if not path.exists():
        raise FileNotFoundError(f"no corpus at {value}")
    return path
