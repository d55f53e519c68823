"""The shipped catalogue is valid, large and broad; user files and PwC dumps extend it."""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest

from kg.nlp.catalogue import Catalogue, CatalogueError, load_catalogue
from kg.nlp.catalogue.pwc import read_pwc_file
from kg.nlp.cues import GENERIC_ACRONYMS
from kg.nlp.pipeline import make_pipeline
from kg.records import ENTITY_TYPES
from tests.conftest import FIXTURES

SHIPPED = load_catalogue()


def test_shipped_catalogue_has_at_least_3000_entries_of_every_type():
    counts = Counter(entry.type for entry in SHIPPED)
    assert len(SHIPPED) >= 3000
    assert set(counts) == set(ENTITY_TYPES)
    assert min(counts.values()) >= 100, counts


def test_a_family_lists_its_sizes_as_entries_of_their_own():
    # "Janus-Pro-1B" and "Janus-Pro-7B" are two checkpoints, each a variant of Janus-Pro, not
    # two spellings of it (one size written two ways, "GPT-2 124M"/"117M", is a checkpoint's)
    import re

    size = re.compile(r"(?<![\w.])\d+(?:\.\d+)?[BMbm](?!\w)")  # a hub id writes "8b"
    checkpoint = re.compile(r"(?:Small|Medium|Large|XL|XXL|Base|\dB\d+)$", re.I)
    merged = [
        entry.name
        for entry in SHIPPED
        if entry.type == "Model"
        and not size.search(entry.name)
        and not checkpoint.search(entry.name)
        and len({m.group(0).upper() for a in entry.aliases if (m := size.search(a))}) > 1
    ]
    assert merged == []
    assert SHIPPED.get("Janus-Pro-7B").parent == "Janus-Pro"


def test_a_model_name_with_only_a_size_after_it_is_no_alias():
    # "OpenVLA-7B" is a sized variant of OpenVLA, as papers and readers count it, even for a
    # model made in one size; a hub id with more in it ("Mistral-Small-24B-Instruct-2501") may stay
    import re

    sized = [
        (entry.name, alias)
        for entry in SHIPPED
        if entry.type == "Model"
        for alias in entry.aliases
        if re.fullmatch(re.escape(entry.name) + r"[-\s]\d+(?:\.\d+)?[BM]", alias, re.I)
    ]
    assert sized == []


def test_a_base_model_is_no_alias_of_its_instruction_tuned_release():
    # "Qwen2-VL-7B" (pre-trained) and "Qwen2-VL-7B-Instruct" are two checkpoints; only a model
    # released solely as its tuned version may keep the short name as an alias
    import re

    released_tuned_only = {"LLaMA 3.3 70B Instruct", "E5-Mistral-7B-Instruct", "InternLM3-8B-Instruct"}
    released_tuned_only |= {"Llama-3.1-Nemotron-70B-Instruct"}
    released_tuned_only |= {f"Qwen2.5-VL-{size}-Instruct" for size in ("3B", "7B", "32B", "72B")}
    tuned = re.compile(r"[\s\-_](?:Instruct|Chat)$", re.I)

    def squash(text):
        return re.sub(r"[^a-z0-9]", "", text.lower())

    folded = []
    for entry in SHIPPED:
        found = tuned.search(entry.name)
        if entry.type != "Model" or found is None or entry.name in released_tuned_only:
            continue
        base = squash(entry.name[: found.start()])
        folded += [alias for alias in entry.aliases if squash(alias) == base]
    assert folded == []
    assert SHIPPED.lookup("Qwen2-VL-7B")[0].name == "Qwen2-VL-7B"
    assert SHIPPED.get("LongLLMLingua").parent == "LLMLingua"


def test_a_family_lists_its_later_versions_as_entries_of_their_own():
    # "ManiSkill3" is a variant of ManiSkill and "MultiWOZ 2.1" of MultiWOZ, not spellings of
    # them; a first version ("Spider 1.0", "LLaMA-1") or a dated snapshot of one model stays an
    # alias, and so do the sizes a few data sets are always written with
    import re

    version = re.compile(r"[\s\-_]?(?:[vV](?=\d))?(\d+(?:\.\d+)?)[kK]?$")
    written_with_size = {"Stanford Cars-196", "Kodak24", "AgeDB-30", "MEN-3k", "HSSD-200", "NTU RGB+D 60"}
    written_with_size |= {"COCO-Stuff-164K", "MIRFlickr-25K", "MIRFLICKR-25K", "LibriSpeech-960"}
    written_with_size |= {"AudioSet-20K", "ImageNet-256", "ImageNet-512"}  # (a resolution, no version)
    written_with_size |= {"AFLW2000", "PointNet2", "Mini-Kinetics-200"}

    def squash(text):
        return re.sub(r"[^a-z0-9]", "", text.lower())

    folded = []
    for entry in SHIPPED:
        for alias in entry.aliases:
            m = version.search(alias)
            if m is None or m.start() == 0 or squash(alias[: m.start()]) != squash(entry.name):
                continue
            number = float(m.group(1))
            dated = number > 10_000 or (entry.type == "Model" and number >= 100)  # "claude-3-opus-20240229"
            gym = re.search(r"-v\d$", alias) is not None  # "HalfCheetah-v4": one environment
            if number > 1 and not dated and not gym and alias not in written_with_size:
                folded.append(alias)
    assert folded == []
    assert SHIPPED.get("ManiSkill3").parent == "ManiSkill"
    assert SHIPPED.get("HMMT February 2025").parent == "HMMT"


def test_no_two_entries_share_a_name():
    names = Counter(entry.name.casefold() for entry in SHIPPED)
    assert [n for n, c in names.items() if c > 1] == []


def test_no_two_lines_of_the_shipped_files_share_a_name():
    # loading keeps the last of two lines with one name, so the files themselves are checked
    import json
    from pathlib import Path

    import kg.nlp.catalogue

    folder = Path(kg.nlp.catalogue.__file__).parent
    names = Counter(
        json.loads(line)["name"].casefold()
        for path in sorted(folder.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    )
    assert len(names) >= 3000
    assert [n for n, c in names.items() if c > 1] == []
    # and every line of a shipped file is an entry: no blank lines left by an edit
    blank = [
        (path.name, number)
        for path in sorted(folder.glob("*.jsonl"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if not line.strip()
    ]
    assert blank == []


def test_no_two_entries_share_an_id():
    # the id keys the entry a match links to: "HumanEval+" must not take "HumanEval"'s
    ids = Counter(entry.id for entry in SHIPPED)
    assert [i for i, c in ids.items() if c > 1] == []


def test_a_match_of_a_name_links_to_its_own_entry_not_a_plus_variant():
    nlp = make_pipeline()
    doc = nlp("A title\n\nWe evaluate on HumanEval, MBPP and ScanNet, and on HumanEval+ too.")
    assert {e.name for e in doc._.kg_entities} >= {"HumanEval", "HumanEval+", "ScanNet"}


def test_every_parent_is_an_entry():
    missing = sorted({e.parent for e in SHIPPED if e.parent and e.parent not in SHIPPED})
    assert missing == []


def test_shared_aliases_are_marked_ambiguous():
    owners: dict[str, list] = defaultdict(list)
    for entry in SHIPPED:
        for form in {f.casefold(): f for f in entry.forms}.values():
            owners[form.casefold()].append((entry, form))
    unmarked = [
        (form, [e.name for e, _ in pairs])
        for form, pairs in owners.items()
        if len(pairs) > 1 and not any(f in e.ambiguous_aliases or f == e.name for e, f in pairs)
    ]
    assert unmarked == []


def test_no_generic_word_is_a_name_or_alias():
    generic = {
        *GENERIC_ACRONYMS,
        "model",
        "models",
        "dataset",
        "benchmark",
        "AI",
        "LLM",
        "deep learning",
        "deep reinforcement learning",
    }
    bad = [(e.name, f) for e in SHIPPED for f in e.forms if f in generic or f.lower() in generic]
    assert bad == []


def test_parents_are_set_for_families():
    with_parent = [e for e in SHIPPED if e.parent]
    assert len(with_parent) >= 300


@pytest.mark.parametrize(
    ("name", "type_", "parent"),
    [
        ("VinDr-Mammo", "Dataset", None),
        ("NELL-995", "Dataset", "NELL"),
        ("MoisesDB", "Dataset", None),
        ("SparseBEV", "Method", None),
        ("AFLOW", "Dataset", None),
        ("DP-FedAvg", "Method", None),
        ("ComplexBench", "Benchmark", None),
        ("R-Drop", "Method", "Dropout"),
        ("tgbl-wiki", "Dataset", "Temporal Graph Benchmark"),
        ("GEOM-QM9", "Dataset", "GEOM"),
        ("FBNetV2", "Model", "FBNet"),
        # ... and of eight more: generation, 3D vision, NLP, RL and games, efficiency, agents and
        # code, time series and tabular ML, vision and vision-language
        ("Meissonic", "Model", None),
        ("PIFu", "Model", None),
        ("coCondenser", "Model", None),
        ("Neural MMO", "Benchmark", None),
        ("Ternary Weight Networks", "Method", "Quantization"),
        ("NAS-Bench-201", "Benchmark", None),
        ("Hogwild!", "Method", None),
        ("Objectron", "Dataset", None),
        # ... and of a third round in depth: biology, Earth observation, robots, retrieval
        ("Scanorama", "Method", None),
        ("Daymet", "Dataset", None),
        ("Touchdown", "Benchmark", None),
        ("Expected Reciprocal Rank", "Metric", None),
        # ... and of three more rounds, from LLM releases and document AI to astronomy, BCI,
        # interpretability and the training techniques of deep learning
        ("IIIT5K", "Benchmark", None),
        ("MOON", "Method", None),
        ("Gaia DR3", "Dataset", None),
        ("Neural Latents Benchmark", "Benchmark", None),
        ("RWTH-PHOENIX-Weather 2014", "Dataset", None),
        ("Sparse Feature Circuits", "Method", None),
        ("Dynamic NTK Scaling", "Method", "NTK-aware Scaling"),
        ("Freeway", "Benchmark", "Arcade Learning Environment"),
        # a specific method under its family, not an alias of it
        ("Draft & Verify", "Method", "Self-Speculative Decoding"),
        ("Generalized Knowledge Distillation", "Method", "On-Policy Distillation"),
        # a released generator of molecules is a model; an architecture stays a method
        ("TargetDiff", "Model", None),
        ("DiffDock", "Model", None),
        ("SchNet", "Method", None),
    ],
)
def test_the_long_tail_of_many_fields_is_known(name, type_, parent):
    entry = SHIPPED.get(name)
    assert entry is not None and (entry.type, entry.parent) == (type_, parent)


def test_user_file_extends_and_overrides(tmp_path):
    extra = tmp_path / "mine.jsonl"
    extra.write_text(
        '{"name": "Zorblax", "type": "Model", "aliases": ["ZBX-1"], "parent": null}\n', encoding="utf-8"
    )
    catalogue = load_catalogue([extra])
    assert catalogue.get("Zorblax").type == "Model"
    assert len(catalogue) == len(SHIPPED) + 1


def test_bad_user_line_names_file_and_line(tmp_path):
    extra = tmp_path / "bad.jsonl"
    extra.write_text('{"name": "A", "type": "Model"}\n{"name": "B", "type": "Gizmo"}\n', encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"bad\.jsonl:2"):
        load_catalogue([extra], shipped=False)


def test_pwc_methods_dump():
    entries = {e.name: e for e in read_pwc_file(FIXTURES / "pwc_methods.json")}
    assert set(entries) == {"Zigzag Pooling", "Quux Attention"}
    assert entries["Zigzag Pooling"].aliases == ("ZZP",)
    assert entries["Zigzag Pooling"].domain == "vision"
    assert entries["Quux Attention"].aliases == ()


def test_pwc_datasets_dump():
    entries = {e.name: e for e in read_pwc_file(FIXTURES / "pwc_datasets.json")}
    assert entries["Frobnicate-10K"].type == "Benchmark"
    assert set(entries["Frobnicate-10K"].aliases) == {"Frobnicate Ten Thousand", "Frob10K"}
    assert entries["WiggleCorpus"].type == "Dataset"


def test_pwc_dump_drives_extraction():
    nlp = make_pipeline(
        catalogue_files=[FIXTURES / "pwc_methods.json", FIXTURES / "pwc_datasets.json"],
        use_shipped_catalogue=False,
    )
    doc = nlp("A title\n\nWe add ZZP to a network and report results on Frob10K.")
    found = {(e.name, e.type) for e in doc._.kg_entities}
    assert ("Zigzag Pooling", "Method") in found
    assert ("Frobnicate-10K", "Benchmark") in found


def test_not_a_pwc_dump_is_a_clear_error(tmp_path):
    bogus = tmp_path / "x.json"
    bogus.write_text('{"name": "not a list"}', encoding="utf-8")
    with pytest.raises(CatalogueError, match="Papers-with-Code"):
        load_catalogue([bogus], shipped=False)


def test_without_drops_every_entry_with_a_form():
    catalogue = Catalogue.from_entries(SHIPPED)
    smaller = catalogue.without(["GSM8K"])
    assert "GSM8K" in catalogue and "GSM8K" not in smaller
    assert len(smaller) == len(catalogue) - len(catalogue.lookup("GSM8K"))


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?:divergence|distance)$", {"Metric"}),
        (r"generali[sz]ation$", {"Task"}),
        (r"(?:bandits?)$", {"Task"}),
    ],
)
def test_types_agree_with_name_morphology(pattern, expected):
    import re

    # (a learning algorithm whose name ends on a measure's word: "Contrastive Divergence")
    named_after_a_measure = {"Contrastive Divergence"}
    odd = [
        (e.name, e.type)
        for e in SHIPPED
        if re.search(pattern, e.name, re.I) and e.type not in expected and e.name not in named_after_a_measure
    ]
    assert odd == []


def test_no_alias_is_the_name_of_another_entry():
    # an alias that names another entry hides it ("Occ3D-Waymo" as an alias of Occ3D read every
    # mention as the family, never as its own entry), unless the form is marked ambiguous or both
    # entries match only in their own case ("IRIS" the world model, "Iris" the data set)
    names = {entry.name.casefold(): entry for entry in SHIPPED}
    hidden = [
        (entry.name, alias)
        for entry in SHIPPED
        for alias in entry.aliases
        if (other := names.get(alias.casefold())) is not None
        and other is not entry
        and alias not in entry.ambiguous_aliases
        and not (entry.case_sensitive and other.case_sensitive and alias != other.name)
    ]
    assert hidden == []
