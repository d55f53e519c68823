"""The spaCy stage: tokenizer, plain functions, components on spacy.blank("en")."""

from __future__ import annotations

import json

import pytest
import spacy

from kg.nlp.abbreviations import find_abbreviations
from kg.nlp.catalogue import Catalogue, CatalogueEntry, load_catalogue
from kg.nlp.discovery import shaped_names, title_name
from kg.nlp.pipeline import extract_papers, make_pipeline
from kg.nlp.tokenizer import create_tokenizer
from kg.records import Paper

ENTRIES = [
    {"name": "Low-Rank Adaptation", "type": "Method", "aliases": ["LoRA"]},
    {"name": "GSM8K", "type": "Benchmark"},
    {"name": "Qwen2", "type": "Model"},
    {"name": "graph neural network", "type": "Method", "aliases": ["GNN"]},
    {"name": "Segment Anything Model", "type": "Model", "aliases": ["SAM"], "ambiguous_aliases": ["SAM"]},
    {
        "name": "Sharpness-Aware Minimization",
        "type": "Method",
        "aliases": ["SAM"],
        "ambiguous_aliases": ["SAM"],
    },
]


@pytest.fixture(scope="module")
def small_nlp(tmp_path_factory):
    path = tmp_path_factory.mktemp("cat") / "small.jsonl"
    path.write_text("\n".join(json.dumps(e) for e in ENTRIES) + "\n")
    return make_pipeline(catalogue_files=[str(path)], use_shipped_catalogue=False)


def entities(nlp, title, abstract):
    [result] = extract_papers([Paper("p", title, abstract)], nlp)
    return {e.name: e for e in result.entities}


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("GPT-4", ["GPT", "-", "4"]),
        ("ImageNet-1K.", ["ImageNet", "-", "1K", "."]),
        ("Qwen-7B", ["Qwen", "-", "7B"]),
        ("on GSM8K.", ["on", "GSM8K", "."]),
        ("GPT-4V(ision)", ["GPT", "-", "4V", "(", "ision", ")"]),
    ],
)
def test_tokenizer_cuts_names_the_same_way_everywhere(text, tokens):
    nlp = spacy.blank("en")
    nlp.tokenizer = create_tokenizer()(nlp)
    assert [t.text for t in nlp(text)] == tokens


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("We use Low-Rank Adaptation (LoRA) here.", [("Low-Rank Adaptation", "LoRA")]),
        ("LoRA (Low-Rank Adaptation) is cheap.", [("Low-Rank Adaptation", "LoRA")]),
        (
            "a new method -- prompt inversion from logprob sequences (PILS) -- that",
            [("prompt inversion from logprob sequences", "PILS")],
        ),
        ("such as SCAN (Lake and Baroni, 2018) and COGS", []),
        ("(see Section 2) and (e.g., BERT)", []),
    ],
)
def test_abbreviations_in_both_orders(text, pairs):
    assert [(p.long.text, p.short.text) for p in find_abbreviations(text)] == pairs


def test_abbreviation_offsets_point_at_the_text():
    text = "We fine-tune with Low-Rank Adaptation (LoRA)."
    [pair] = find_abbreviations(text)
    assert text[pair.long.start : pair.long.end] == "Low-Rank Adaptation"
    assert text[pair.short.start : pair.short.end] == "LoRA"


def test_shape_discovery_skips_generic_acronyms_numbers_and_urls():
    text = "LLMs like GPT-4 and KnowCoder beat AI on GSM8K in 2024 (see github.com/x/FooBar)."
    assert [p.text for p in shaped_names(text)] == ["GPT-4", "KnowCoder", "GSM8K"]


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("SIRL: Similarity-based Implicit Representation Learning", "SIRL"),
        ("RT-Trajectory: Robotic Task Generalization", "RT-Trajectory"),
        ("The Imitation Game: Turing Machine Imitator", None),
        ("A Plain Title Without A Colon", None),
    ],
)
def test_title_names(title, name):
    found = title_name(title)
    assert (found.text if found else None) == name


def test_catalogue_hits_are_typed_and_long_and_short_forms_are_one_entity(small_nlp):
    found = entities(
        small_nlp,
        "Adapters",
        "We fine-tune with Low-Rank Adaptation (LoRA) and evaluate on GSM8K. LoRA is cheap.",
    )
    lora = found["Low-Rank Adaptation"]
    assert lora.type == "Method"
    assert set(lora.mentions) == {"Low-Rank Adaptation", "LoRA"}
    assert len(lora.evidence) == 3
    assert found["GSM8K"].type == "Benchmark"
    assert found["GSM8K"].relation == "evaluates_on"


def test_plurals_and_acronyms_match(small_nlp):
    found = entities(small_nlp, "Graphs", "Graph neural networks (GNNs) and GNN variants.")
    assert set(found) == {"graph neural network"}
    assert set(found["graph neural network"].mentions) >= {"Graph neural networks", "GNNs", "GNN"}


def test_variant_names_stay_whole_and_point_to_their_family(small_nlp):
    found = entities(small_nlp, "Small models", "We fine-tune Qwen2-7B-Instruct on math.")
    variant = found["Qwen2-7B-Instruct"]
    assert variant.type == "Model"
    assert variant.parent == "Qwen2"


def test_ambiguous_acronym_is_settled_by_the_papers_long_form(small_nlp):
    vision = entities(small_nlp, "Masks", "The Segment Anything Model (SAM) segments objects.")
    optim = entities(small_nlp, "Flat minima", "Sharpness-Aware Minimization (SAM) finds flat minima.")
    assert vision["Segment Anything Model"].type == "Model"
    assert optim["Sharpness-Aware Minimization"].type == "Method"
    assert "SAM" in vision["Segment Anything Model"].mentions


def test_a_papers_own_definition_beats_the_catalogue(small_nlp):
    found = entities(small_nlp, "Attention", "A Self-Attention Module (SAM) is added to the network.")
    assert "Self-Attention Module" in found
    assert all(e.catalogue_id is None for e in found.values())


def test_discovered_names_are_proposed_and_typed_from_context(small_nlp):
    found = entities(
        small_nlp,
        "FooBench: A Benchmark for Tool Use",
        "We introduce FooBench, a benchmark of tool calls. "
        "We also propose BarNet, a new architecture, and train it on the "
        "ZetaCorpus dataset.",
    )
    assert found["FooBench"].proposed and found["FooBench"].type == "Benchmark"
    assert found["BarNet"].proposed and found["BarNet"].type == "Method"
    assert found["ZetaCorpus"].type == "Dataset"
    assert not found["ZetaCorpus"].proposed


def test_citations_people_and_generic_words_are_not_entities(small_nlp):
    found = entities(
        small_nlp,
        "Data Factors",
        "Datasets such as SCAN (Lake and Baroni, 2018) expose problems in LLMs and AI.",
    )
    assert set(found) == {"SCAN"}


def test_components_are_registered_and_the_pipeline_saves_and_loads(small_nlp, tmp_path):
    assert small_nlp.pipe_names == ["kg_catalogue", "kg_abbreviations", "kg_discovery", "kg_entities"]
    small_nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    doc = loaded("Title\n\nWe evaluate Low-Rank Adaptation (LoRA) on GSM8K.")
    assert sorted(e.name for e in doc._.kg_entities) == ["GSM8K", "Low-Rank Adaptation"]
    assert {s.label_ for s in doc.spans["kg_entities"]} == {"Method", "Benchmark"}


def test_catalogue_lookup_and_removal():
    catalogue = Catalogue.from_entries(CatalogueEntry.from_json(e) for e in ENTRIES)
    assert {e.name for e in catalogue.lookup("sam")} == {
        "Segment Anything Model",
        "Sharpness-Aware Minimization",
    }
    smaller = catalogue.without(["LoRA"])
    assert "Low-Rank Adaptation" not in smaller and len(smaller) == len(catalogue) - 1


def test_bad_catalogue_file_names_its_line(tmp_path):
    from kg.nlp.catalogue import CatalogueError

    path = tmp_path / "bad.jsonl"
    path.write_text('{"name": "X", "type": "Method"}\n{"name": "Y", "type": "Gadget"}\n')
    with pytest.raises(CatalogueError, match=r"bad\.jsonl:2: .*unknown type 'Gadget'"):
        load_catalogue([path], shipped=False)
