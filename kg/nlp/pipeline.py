"""Build kg's spaCy pipeline and run it over papers.

The pipeline starts from ``spacy.blank("en")`` with kg's name-preserving tokenizer (or from
a trained pipeline the user names, whose NER then adds evidence) and adds the components of
:mod:`kg.nlp.components` in order.

Examples
--------
>>> from kg.records import Paper
>>> nlp = make_pipeline()
>>> [result] = extract_papers([Paper("p1", "Title", "We evaluate GPT-4 on MMLU.")], nlp)
>>> sorted(e.name for e in result.entities)
['GPT-4', 'MMLU']
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language

from kg.nlp import components as _components  # registers the factories
from kg.nlp.tokenizer import create_tokenizer
from kg.records import Paper, PaperExtraction

__all__ = ["PIPELINE_VERSION", "extract_papers", "make_pipeline", "pipeline_fingerprint"]

#: Bumped whenever a change to the components changes what they extract.
PIPELINE_VERSION = "1"
_ = _components


def make_pipeline(
    *,
    catalogue_files: Iterable[str] = (),
    use_shipped_catalogue: bool = True,
    spacy_model: str | None = None,
    min_confidence: float = 0.0,
) -> Language:
    """Return a ready pipeline.

    Parameters
    ----------
    catalogue_files
        Extra catalogue JSONL files; their entries add to (or replace) the shipped ones.
    use_shipped_catalogue
        Set to false to match only the given files.
    spacy_model
        Name or path of an installed, trained spaCy pipeline to start from instead of
        ``spacy.blank("en")``; its tagger/parser/NER run first and its entities become
        extra candidates.
    min_confidence
        Entities scored below this are dropped.
    """
    if spacy_model:
        nlp = spacy.load(spacy_model)
    else:
        nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "kg.NameTokenizer.v1"}}})
    nlp.add_pipe(
        "kg_catalogue",
        config={"catalogue_files": list(map(str, catalogue_files)), "use_shipped": use_shipped_catalogue},
    )
    nlp.add_pipe("kg_abbreviations")
    nlp.add_pipe("kg_discovery")
    nlp.add_pipe("kg_entities", config={"min_confidence": min_confidence})
    return nlp


def extract_papers(
    papers: Iterable[Paper], nlp: Language, *, batch_size: int = 64
) -> Iterator[PaperExtraction]:
    """Run ``nlp`` over each paper's title and abstract and yield its entities."""
    stream = ((paper.text, paper) for paper in papers)
    for doc, paper in nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        yield PaperExtraction(paper, list(doc._.kg_entities or []))


def _source_hash() -> str:
    """Hash of the Python files of :mod:`kg.nlp` and of the records they produce."""
    nlp_dir = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in [*sorted(nlp_dir.rglob("*.py")), nlp_dir.parent / "records.py"]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def pipeline_fingerprint(nlp: Language) -> str:
    """A hash of everything besides the paper that decides what ``nlp`` extracts.

    It covers :data:`PIPELINE_VERSION`, the source code of :mod:`kg.nlp` (so an edit that
    forgets to bump the version still counts), the spaCy version, the base pipeline's name
    and version, every component's settings (``min_confidence`` included) and the catalogue
    entries in use -- their content and order, not the files they came from. Two pipelines
    with the same fingerprint extract the same entities from the same paper.

    >>> pipeline_fingerprint(make_pipeline()) == pipeline_fingerprint(make_pipeline())
    True
    >>> pipeline_fingerprint(make_pipeline()) == pipeline_fingerprint(make_pipeline(min_confidence=0.5))
    False
    """
    components = {}
    for name in nlp.pipe_names:
        settings = dict(nlp.config["components"].get(name, {}))
        settings.pop("catalogue_files", None)  # the entries themselves are hashed below
        components[name] = settings
    entries = []
    for name in nlp.pipe_names:
        catalogue = getattr(nlp.get_pipe(name), "catalogue", None)
        if catalogue is not None:
            entries.append([name, [entry.to_json() for entry in catalogue]])
    described = {
        "kg_pipeline": PIPELINE_VERSION,
        "code": _source_hash(),
        "spacy": spacy.__version__,
        "base": [nlp.meta.get("lang"), nlp.meta.get("name"), nlp.meta.get("version")],
        "tokenizer": nlp.config["nlp"].get("tokenizer"),
        "components": components,
        "catalogue": entries,
    }
    blob = json.dumps(described, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:24]


create_tokenizer  # noqa: B018 - imported so the tokenizer is registered
