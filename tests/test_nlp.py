"""The spaCy stage: tokenizer, plain functions, components on spacy.blank("en")."""

from __future__ import annotations

import json

import pytest
import spacy

from kg.nlp.abbreviations import _long_candidate, find_abbreviations
from kg.nlp.catalogue import Catalogue, CatalogueEntry, load_catalogue
from kg.nlp.cues import type_from_context, type_from_name
from kg.nlp.discovery import shaped_names, title_name
from kg.nlp.pipeline import extract_papers, make_pipeline
from kg.nlp.tokenizer import create_tokenizer
from kg.records import Evidence, ExtractedEntity, Paper

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


def mention_forms(doc) -> set[str]:
    """Every surface form of every entity the pipeline found in ``doc``."""
    return {m for e in doc._.kg_entities for m in e.mentions}


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("GPT-4", ["GPT", "-", "4"]),
        ("ImageNet-1K.", ["ImageNet", "-", "1K", "."]),
        ("Qwen-7B", ["Qwen", "-", "7B"]),
        ("on GSM8K.", ["on", "GSM8K", "."]),
        ("GPT-4V(ision)", ["GPT", "-", "4V", "(", "ision", ")"]),
        ("(IoU=0.5)", ["(", "IoU", "=", "0.5", ")"]),
        ("on ImageNet-C. Tent", ["on", "ImageNet", "-", "C", ".", "Tent"]),
        # a hyphen left open before "and": the name before it is whole
        ("PPO- and GRPO-tuned", ["PPO", "-", "and", "GRPO", "-", "tuned"]),
        ("transfer with μP.", ["transfer", "with", "μP", "."]),
        ("e.g.,FactorVAE", ["e.g.", ",", "FactorVAE"]),
        # braces list several names; a LaTeX superscript stays inside its name
        ("Qwen2.5-{7,14}B", ["Qwen2.5", "-{", "7,14", "}", "B"]),
        ("S$^{2}$FT", ["S$^{2}$FT"]),
        # a lower-case letter ending a name keeps no full stop ("o." is an initial to spaCy)
        ("than Show-o. We", ["than", "Show", "-", "o", ".", "We"]),
        ("e.g. this", ["e.g.", "this"]),
        # a "+" between two names joins them; one ending a name is part of it
        ("DDPG+HER and HumanEval+", ["DDPG", "+", "HER", "and", "HumanEval+"]),
        ("a tie+win rate", ["a", "tie+win", "rate"]),
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
        # a long form never reaches back across another parenthesis
        (
            "a Semantics Aligning Network (SAN) which has a base network as encoder (SA-Enc) for reID",
            [("Semantics Aligning Network", "SAN")],
        ),
        # quotes around a long form are not part of it
        ("we propose “fidelity-weighted learning” (FWL), a method", [("fidelity-weighted learning", "FWL")]),
        # "subtask A" is a label, not a short form
        ("offensive language identification (subtask A), offense type identification (subtask B)", []),
        # letters scattered over a phrase that opens with a function word or a verb spell nothing
        ("we transfer skills across tasks in demanding arcade environments (Atari) that", []),
        ("we propose a mix-generator generative adversarial networks (PGAN) which", []),
        # an upper-case acronym spelling the initials of the last words takes all of them
        ("a new scheme—Sparse Subset Voting (SSV)—for ensembles", [("Sparse Subset Voting", "SSV")]),
        # a bracket glued to a word holds a formula, unless it holds an acronym
        ("one step of gradient descent, achieving excess risk O(d/N) for f(x, y)", []),
        ("Distributional Semantic Spaces(DSS) derive vectors", [("Distributional Semantic Spaces", "DSS")]),
        # a long form takes whole hyphenated words
        (
            "a semi-supervised Contrastive Pose Learner (SCPL) for",
            [("semi-supervised Contrastive Pose Learner", "SCPL")],
        ),
        # a comma ends a clause, unless the words around it spell the acronym
        ("and evaluate on DMLab, Minecraft (MineRL) and RT-1", []),
        ("In this paper, we introduce a novel hybrid temporal network (TricorNet), which", []),
        ("from Memory, Attention, and Control (MAC) cells", [("Memory, Attention, and Control", "MAC")]),
        # a count after the acronym's letters is not spelled out ("its 459 classes")
        ("6.2 mIoU on PASCAL Context (PC-459) over", [("PASCAL Context", "PC-459")]),
        # ... but a version is part of the name: no long form holds it
        ("the Generative Pre-trained Transformer (GPT-4) is big", []),
        # a small digit after a letter counts the words that letter begins
        (
            "we use the Asynchronous Advantage Actor Critic (A3C) agent",
            [("Asynchronous Advantage Actor Critic", "A3C")],
        ),
        ("a model we call spike-and-slab sparse coding (S3C).", [("spike-and-slab sparse coding", "S3C")]),
        (
            "Our model, Object-Oriented Prediction and Planning (O2P2), learns",
            [("Object-Oriented Prediction and Planning", "O2P2")],
        ),
        (
            "The proposed data-dependent Gaussian prior objective (D2GPo) helps",
            [("data-dependent Gaussian prior objective", "D2GPo")],
        ),
        (
            "in the advantageous actor critic algorithm (A2C).",
            [("advantageous actor critic algorithm", "A2C")],
        ),
        # a citation may stand between the long form and its short form
        (
            "the Kronecker-factor Approximate Curvature (Martens & Grosse, 2015) (K-FAC) method",
            [("Kronecker-factor Approximate Curvature", "K-FAC")],
        ),
        ("as argued before (Smith et al., 2019) (see Section 3)", []),
        # ... and spells every word it counts: no long form here
        ("training with 8-bit floating point (FP8) numbers", []),
        ("Asynchronous Accelerated Nonuniform Randomized Block Coordinate Descent algorithm (A2BCD)", []),
        # a title's short name spelled out right after the colon, up to a small word
        (
            "CyCADA: Cycle-Consistent Adversarial Domain Adaptation\n\nWe adapt.",
            [("Cycle-Consistent Adversarial Domain Adaptation", "CyCADA")],
        ),
        (
            "GradNorm: Gradient Normalization for Loss Balancing\n\nIt works.",
            [("Gradient Normalization", "GradNorm")],
        ),
        # ... or past one small word, when the words up to it spell too little
        (
            "PEARL: Prototype Learning via Rule Lists\n\nWe learn.",
            [("Prototype Learning via Rule Lists", "PEARL")],
        ),
        # ... or by the capitals alone, however few the name's own are
        (
            "Pearl: Prototype lEArning via Rule Lists\n\nWe learn.",
            [("Prototype lEArning via Rule Lists", "Pearl")],
        ),
        ("FooNet: Towards Robust Vision\n\nWe test.", []),
        # ... or after a later "with", "via", "using", "through" or "by"
        (
            "FSPool: Learning Set Representations with Featurewise Sort Pooling\n\nWe pool.",
            [("Featurewise Sort Pooling", "FSPool")],
        ),
        ("NoiGAN: NOISE AWARE GRAPH EMBEDDING\n\nWe embed.", []),
        ("OpenMixer: Open Mixer Toolbox and Benchmark\n\nWe mix.", []),
        # a numbered label in brackets spells out nothing
        ("We ran the Lexical Substitution Task (task 10) again.", []),
        # nor does a prefix in brackets glued to the word after it
        ("Understanding the (Un)interpretability of Image Models", []),
        # an acronym and, between commas, the lower-case words whose initials spell it
        ("ESFT, expert-specialized fine-tuning, which", [("expert-specialized fine-tuning", "ESFT")]),
        ("we test GPT, BERT, and T5 on it", []),
        # ... or a capitalised name before the first comma, with the acronym between commas
        (
            "We introduce Explainable Adversarial Learning, ExL, an approach",
            [("Explainable Adversarial Learning", "ExL")],
        ),
        ("The Conjugate Kernel, CK, (also called NNGP) is studied", [("Conjugate Kernel", "CK")]),
        ("We compare deep kernel learning, DKL, and more", []),
        ("We test on MMBench, MME, and SEED", []),
        # a lower-case head noun after the spelled initials belongs to the long form
        ("We propose Robust Reward Model training (RRM), which", [("Robust Reward Model training", "RRM")]),
        (
            "and the proximal policy optimization algorithm (PPO).",
            [("proximal policy optimization algorithm", "PPO")],
        ),
        # a "2" may stand for the word "to", but only for it ("A2BCD" squares its A)
        ("We propose Text-to-LoRA (T2L), a hypernetwork.", [("Text-to-LoRA", "T2L")]),
        ("We propose learning to transfer learn (L2TL) here.", [("learning to transfer learn", "L2TL")]),
        ("an accelerated nonuniform block coordinate descent (A2BCD) method", []),
        # two long forms for two slashed short forms make no pair
        ("the Natural Policy Gradient and Trust Region Policy Optimization (NPG/TRPO) problems", []),
        # a short form followed in its bracket by the work it comes from
        (
            "We revisit the Recurrent Attention Model (RAM, Mnih et al. (2014)), a network.",
            [("Recurrent Attention Model", "RAM")],
        ),
        (
            "It follows Optimality Theory (OT; Prince and Smolensky, 2004) here.",
            [("Optimality Theory", "OT")],
        ),
        (
            "It uses Long Short-Term Memory (LSTM, Hochreiter & Schmidhuber, 1997).",
            [("Long Short-Term Memory", "LSTM")],
        ),
        (
            "the Reweighted Wake Sleep (RWS; Bornschein and Bengio, 2015) algorithm",
            [("Reweighted Wake Sleep", "RWS")],
        ),
        # a short form the bracket or a comma gives with a word or two
        ("We add Masked Experience Memory (or MEM) to it.", [("Masked Experience Memory", "MEM")]),
        ("We add Masked Experience Memory (MEM for short).", [("Masked Experience Memory", "MEM")]),
        ("We add Masked Experience Memory, or MEM, to it.", [("Masked Experience Memory", "MEM")]),
        ("We add Masked Experience Memory, MEM for short.", [("Masked Experience Memory", "MEM")]),
        ("We test BERT, or RoBERTa, on it", []),
        # a word of naming sets off a short form that the initials of the words before it spell
        ("We build a zero-query adaptive net named ZQA-Net.", [("zero-query adaptive net", "ZQA-Net")]),
        ("We present a new approach, called ZQNet, to it.", []),
        ("a dynamic convolution method, called DyNet", []),
    ],
)
def test_abbreviations_in_both_orders(text, pairs):
    assert [(p.long.text, p.short.text) for p in find_abbreviations(text)] == pairs


def test_a_title_name_and_its_spelled_out_form_are_one_entity(nlp):
    doc = nlp("TarMAC: Targeted Multi-Agent Communication\n\nTarMAC lets agents choose whom to address.")
    [entity] = doc._.kg_entities
    assert set(entity.mentions) == {"TarMAC", "Targeted Multi-Agent Communication"}
    assert entity.proposed


def test_a_title_name_is_not_merged_with_a_known_entity_it_does_not_abbreviate(nlp):
    doc = nlp(
        "LAMOL: LAnguage MOdeling for Lifelong Learning\n\nWe present LAMOL, based on language modeling."
    )
    types = {e.name: e.type for e in doc._.kg_entities}
    assert types["LAMOL"] == "Method" and types["language modeling"] == "Task"


class _SearchSpy(str):
    """A text that records where each backward search of it starts."""

    starts: list[int]

    def rfind(self, sub, start=None, end=None):
        self.starts.append(0 if start is None else start)
        return str.rfind(self, sub, start, end)


def test_the_search_for_a_long_form_reads_only_a_few_hundred_characters_back():
    # each short form reads only the text a long form can take up, so a long text with many short
    # forms set off by words is read in linear time (it was read back to its start for each)
    text = _SearchSpy("a b c called XY " * 2_000)
    text.starts = []
    end = text.rindex(" XY")
    candidate = _long_candidate(text, end, "XY")
    assert candidate.text.split()[-2:] == ["c", "called"], candidate
    assert text.starts and min(text.starts) >= end - 40 * 7, min(text.starts)


def test_abbreviation_offsets_point_at_the_text():
    text = "We fine-tune with Low-Rank Adaptation (LoRA)."
    [pair] = find_abbreviations(text)
    assert text[pair.long.start : pair.long.end] == "Low-Rank Adaptation"
    assert text[pair.short.start : pair.short.end] == "LoRA"


def test_shape_discovery_skips_generic_acronyms_numbers_and_urls():
    text = "LLMs like GPT-4 and KnowCoder beat AI on GSM8K in 2024 (see github.com/x/FooBar)."
    assert [p.text for p in shaped_names(text)] == ["GPT-4", "KnowCoder", "GSM8K"]
    # a range of sizes is no model: "all public sub-2B models"
    assert [p.text for p in shaped_names("It beats all sub-2B models and Zorb-2B.")] == ["Zorb-2B"]
    # a lower-case benchmark suffix or count ends a name; another lower-case word does not
    text = "We build Zorb-R1-260k, test on ZRB-bench and use Zorb-based tools."
    assert [p.text for p in shaped_names(text)] == ["Zorb-R1-260k", "ZRB-bench"]


def test_a_kind_suffix_alone_is_no_name(nlp):
    # "Q* Bench": the symbol before the suffix names nothing, so "Bench" must not stand alone
    text = "Across 20 benchmarks, including MME-RealWorld, Q* Bench and Zorb-Eval, it wins."
    found = entities(nlp, "Zooming", text)
    assert "Bench" not in found and "Zorb-Eval" in found


def test_a_hyphenated_long_form_names_the_pair(nlp):
    found = entities(nlp, "Text-to-LoRA: Instant Adaption", "We propose Text-to-LoRA (T2L). T2L is fast.")
    assert set(found) == {"Text-to-LoRA"} and set(found["Text-to-LoRA"].mentions) == {"Text-to-LoRA", "T2L"}


def test_a_title_that_is_only_a_report_proposes_its_release(nlp):
    found = entities(nlp, "Zorbo-VL Technical Report", "We open-source Zorbo-VL-7B, a vision-language model.")
    assert found["Zorbo-VL"].proposed and found["Zorbo-VL-7B"].proposed


def test_a_size_in_an_appositive_makes_a_model(nlp):
    found = entities(nlp, "Judges", "Here we introduce Rubrik, a 3B judge distilled from GPT-4.1 labels.")
    assert found["Rubrik"].type == "Model" and found["Rubrik"].proposed


@pytest.mark.parametrize(
    ("abstract", "kinds"),
    [
        # a plural appositive after a list of names says what each of them is
        (
            "For ZorbA and ZorbB, two large datasets for puzzles, we win.",
            {"ZorbA": "Dataset", "ZorbB": "Dataset"},
        ),
        (
            "We beat ZorbA, ZorbB and ZorbC, three strong baselines, on MMLU.",
            dict.fromkeys(["ZorbA", "ZorbB", "ZorbC"], "Method"),
        ),
    ],
)
def test_a_plural_appositive_types_every_name_of_its_list(nlp, abstract, kinds):
    found = entities(nlp, "Puzzles", abstract)
    assert {name: found[name].type for name in kinds} == kinds


def test_an_adverb_after_a_verb_of_proposing_is_no_part_of_a_name(nlp):
    found = entities(nlp, "Traces", "We present here eligibility propagation (e-prop), a new rule.")
    assert "here eligibility propagation" not in found and found["e-prop"].type == "Method"


@pytest.mark.parametrize(
    ("abstract", "names"),
    [
        ("Our kernel speeds up W4A8 quantization on INT8 tensor cores.", {"W4A8 quantization"}),
        (
            "Training uses FP8 mixed precision, and BF16 training is the baseline.",
            {"FP8 mixed precision", "BF16 training"},
        ),
        # a bare format names nothing
        ("It runs 2x faster than FP16 and keeps INT4 weights.", set()),
    ],
)
def test_a_number_format_before_its_use_names_a_method(nlp, abstract, names):
    found = entities(nlp, "Kernels", abstract)
    assert {n for n in found if n.split()[0][:2] in {"W4", "FP", "BF", "IN"}} == names
    assert all(found[n].type == "Method" for n in names)


def test_a_list_of_settings_leaves_known_methods_as_they_are(nlp):
    text = "It happens in settings such as Gaussian process (GP) classification and linear regression."
    found = entities(nlp, "Grokking", text)
    assert found["Gaussian Process"].type == "Method" and found["Linear Regression"].type == "Method"


def test_the_spectral_norm_of_a_matrix_is_no_spectral_normalization(nlp):
    found = entities(nlp, "Norms", "Bounds on the spectral norm of the weights predict little.")
    assert "Spectral Normalization" not in found


@pytest.mark.parametrize(
    ("abstract", "name"),
    [
        ("We probe the layers using the Zorb Radio News Corpus and LibriSpeech.", "Zorb Radio News Corpus"),
        # a heading's words before the head, or the end of a longer name, are none
        ("We evaluate it on the Proposed Dataset and on LibriSpeech.", None),
        ("It reaches 90% accuracy on the TIMIT Speech Corpus.", None),
    ],
)
def test_a_title_case_phrase_ending_in_a_data_noun_is_a_data_set(nlp, abstract, name):
    found = entities(nlp, "Probing", abstract)
    phrases = [n for n in found if n.endswith(("Corpus", "Dataset"))]
    assert phrases == ([name] if name else []), found
    if name:
        assert found[name].type == "Dataset"


@pytest.mark.parametrize(
    ("abstract", "name"),
    [
        (
            "It reaches 44.1 dB PSNR on the AAPM Low-Dose CT Grand Challenge dataset.",
            "AAPM Low-Dose CT Grand Challenge",
        ),
        ("We evaluate on the Zorb Low-Dose CT Grand Challenge dataset.", "Zorb Low-Dose CT Grand Challenge"),
    ],
)
def test_a_data_set_name_before_its_noun_takes_in_its_acronyms(nlp, abstract, name):
    found = entities(nlp, "Denoising", abstract)
    assert name in found and found[name].type == "Dataset", found


def test_a_title_name_of_one_hyphenated_word_is_found_again_whole(nlp):
    # "Wan" is a catalogue model: the title's name must win over it at a sentence's start too
    found = entities(nlp, "Wan-Zorb: Video Editing", "Wan-Zorb attaches a branch to a frozen model.")
    assert "Wan" not in found and len(found["Wan-Zorb"].evidence) == 2, found


@pytest.mark.parametrize(
    ("abstract", "name", "proposed"),
    [
        ("On our Zorb-Bench and on the public TGVE benchmark, it wins.", "Zorb-Bench", True),
        # a modifier of the paper's own thing is not it
        ("We validate our ZV k-means on synthetic data.", "ZV", False),
        # nor a name the catalogue knows
        ("Our GPT-4o baseline and our Zorbix are compared.", "GPT-4o", False),
        # the model the paper trains, named after its kind
        ("We train a 7B model, Zorbix-7B, that beats StarCoder2-7B.", "Zorbix-7B", True),
        ("We train a small model, GPT-2, on it.", "GPT-2", False),
        # the name the abstract opens on, saying what it is
        ("Zorblin is a tokenizer for DNA. Zorblin shortens sequences.", "Zorblin", True),
    ],
)
def test_an_unknown_name_after_our_is_the_papers_own(nlp, abstract, name, proposed):
    found = entities(nlp, "A title", abstract)
    assert found[name].proposed is proposed, found


@pytest.mark.parametrize(
    "abstract",
    ["Stability is a property of models. Stability matters.", "Mesh is a data structure. We mesh it."],
)
def test_an_abstract_opening_on_a_plain_noun_names_nothing(nlp, abstract):
    found = entities(nlp, "Stable Models", abstract)
    assert not {"Stability", "Mesh", "Medical Subject Headings"} & set(found), found


def test_an_announcing_verb_is_no_part_of_a_titles_name(nlp):
    found = entities(nlp, "Introducing Orbis-1: An Open Earth Model", "We introduce Orbis-1, a model.")
    assert "Orbis-1" in found and not any(name.startswith("Introducing") for name in found), found


def test_a_short_name_right_after_a_decimal_score_is_its_metric(nlp):
    found = entities(nlp, "Detection", "On LVIS it reaches 39.8 ZPr; Zorbnet-7 is 2.5 times slower.")
    assert found["ZPr"].type == "Metric" and found["Zorbnet-7"].type != "Metric", found


def test_an_upper_case_acronym_is_no_lower_case_catalogue_word(nlp):
    # "chess" is a catalogue task; "CHESS" here is a text-to-SQL method
    found = entities(nlp, "Text-to-SQL", "It beats DIN-SQL, DAIL-SQL and CHESS on Spider.")
    assert found["CHESS"].catalogue_id is None and found["CHESS"].type != "Task", found


def test_the_first_of_two_names_a_result_is_given_on_is_evaluated_on(nlp):
    found = entities(nlp, "Retrieval", "For RAG, it improves MMLU and GPQA performance by 6.4% and 22.6%.")
    assert found["MMLU"].relation == "evaluates_on" and found["GPQA"].relation == "evaluates_on", found


def test_a_known_name_right_after_its_data_kind_is_the_papers_own(nlp):
    # s1K is in the catalogue; "a small dataset s1K" names the data the paper curates
    found = entities(nlp, "Scaling", "First, we curate a small dataset s1K of 1,000 questions.")
    assert found["s1K"].proposed, found


def test_a_camel_case_model_is_no_plain_phrase_in_lower_case(nlp):
    found = entities(nlp, "Omni", "It generates text and natural speech responses, unlike NaturalSpeech 2.")
    assert "NaturalSpeech" not in found and "NaturalSpeech 2" in found, found


def test_expert_iteration_is_found_in_lower_case(nlp):
    found = entities(nlp, "Provers", "Built on the standard expert iteration pipeline, it wins.")
    assert found["Expert Iteration"].type == "Method", found


def test_the_bare_abbreviation_qa_is_the_task_not_a_benchmark(nlp):
    found = entities(nlp, "Spatial Probing", "We write 50K spatial QA pairs and test on six QA benchmarks.")
    assert "QA" not in found
    assert found["question answering"].type == "Task"


def test_a_name_of_capitalised_parts_around_an_acronym_is_whole():
    # "OS-Copilot-X" is one name, not the catalogue's Copilot inside it
    assert [p.text for p in shaped_names("We build OS-Copilot-X on agents.")] == ["OS-Copilot-X"]


def test_the_pluses_that_end_a_name_are_part_of_it():
    # "GPS++" is a graph transformer, not the generic GPS; a sentence's full stop is no part of it
    text = "It beats GPS++ and DeepLabv3+, not PointNet++."
    assert [p.text for p in shaped_names(text)] == ["GPS++", "DeepLabv3+", "PointNet++"]


@pytest.mark.parametrize(
    ("title", "names"),
    [
        ("SAM-Based Few-Shot Segmentation of Scans", ["SAM"]),
        ("CLIP-Aware Prompt Tuning", ["CLIP"]),
        ("NeRF-Free View Synthesis", ["NeRF"]),
        ("A Training-Free Planner", []),
        # a variant word is part of the name, a modifier is not
        ("Quorra-Hard: a Harder Split", ["Quorra-Hard"]),
    ],
)
def test_a_titles_capitalised_modifier_is_no_part_of_the_name(title, names):
    assert [p.text for p in shaped_names(title)] == names


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("SIRL: Similarity-based Implicit Representation Learning", "SIRL"),
        ("RT-Trajectory: Robotic Task Generalization", "RT-Trajectory"),
        ("The Imitation Game: Turing Machine Imitator", None),
        ("A Plain Title Without A Colon", None),
        # a plain head not written again in the abstract counts when it ends with an artefact noun
        ("Neumann Optimizer: A Practical Optimization Algorithm", "Neumann Optimizer"),
        ("Twin Networks: Matching the Future for Sequence Generation", "Twin Networks"),
        ("Knowledge Matters: Importance of Prior Information", None),
        ("Last Words: Improving Our Reviewing Processes", None),
        # a version number after capitalised words names a release; a numbered part does not
        ("Lean Copilot 2: Retrieval-Augmented Theorem Proving", "Lean Copilot 2"),
        ("Movie Maker 3.5: Longer Videos", "Movie Maker 3.5"),
        ("Part 2: Scaling the Data", None),
        ("Task 1: Shared Task Overview", None),
        # a comparison is no name
        ("Zorb-3B versus Pythia: Who Memorizes Less?", None),
        ("ZorbNet vs. ResNet: A Study", None),
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


@pytest.mark.parametrize("written", ["Dr. Zorbic Tuning", "Dr. zorbic tuning"])
def test_a_catalogue_form_with_a_tokenizer_exception_matches_in_any_case(tmp_path, written):
    # "Dr." is one token only when capitalised: the pattern is tokenized as the entry writes
    # it, then matched in any case
    path = tmp_path / "cat.jsonl"
    path.write_text(json.dumps({"name": "Dr. Zorbic Tuning", "type": "Method"}) + "\n")
    nlp = make_pipeline(catalogue_files=[str(path)], use_shipped_catalogue=False)
    doc = nlp(f"A title\n\nWe study {written} on tasks.")
    assert [s.text for s in doc.spans["kg_catalogue"]] == [written]


@pytest.mark.parametrize(
    ("written", "name"),
    [("Claude3.5-Sonnet", "Claude 3.5 Sonnet"), ("FB15K237", "FB15k-237"), ("WMT’16", "WMT16")],
)
def test_a_versioned_name_written_without_its_spaces_is_the_catalogue_entry(nlp, written, name):
    found = entities(nlp, "A title", f"We compare it with {written} on tasks.")
    assert found[name].catalogue_id is not None and written in found[name].mentions, found


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("gpt-4.1", "GPT-4.1"),
        ("cifar-10", "CIFAR-10"),
        ("opt-1.3b", "OPT-1.3B"),
        # a CamelCase name and its size, as a model identifier is written
        ("densenet-161", "DenseNet-161"),
        ("resnet-50", "ResNet-50"),
    ],
)
def test_an_upper_case_versioned_name_matches_as_a_lower_case_identifier(nlp, written, name):
    found = entities(nlp, "A title", f"Agents based on {written} and claude-3.7-sonnet lose points.")
    assert written in found[name].mentions, found


def test_a_capitalised_plural_is_no_upper_case_name_in_another_case(nlp):
    # BLINK is a benchmark; "Blinks" here is the paper's own model family
    found = entities(nlp, "Blinks: Foundation for Human Vision", "We present Blinks, a family of models.")
    assert found["Blinks"].catalogue_id is None and found["Blinks"].type == "Model", found


def test_two_entries_that_share_a_form_stay_two_entities(nlp):
    # SAPIEN is a robot simulator, Sapiens a human-vision model family: one normalised form
    found = entities(nlp, "Vision", "We simulate in SAPIEN and compare with Sapiens on Humans-5K.")
    assert found["SAPIEN"].type == "Benchmark" and found["Sapiens"].type == "Model", found


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


def test_author_names_cited_twice_are_not_entities(small_nlp):
    found = entities(
        small_nlp,
        "A title",
        "We follow Lee et al. (2020) and (Smith and Lee, 2018) on SCAN; "
        "Wang et al. (2022) and Wang (2023) disagree.",
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


def test_user_trained_spacy_model_adds_its_ner_evidence(tmp_path):
    """A trained pipeline given as --spacy-model runs first; its entities become candidates."""
    import random

    import spacy
    from spacy.training import Example

    trained = spacy.blank("en")
    ner = trained.add_pipe("ner")
    ner.add_label("METHOD")
    text = "We improve the frobnication layer of the network."
    start = text.index("frobnication layer")
    examples = [Example.from_dict(trained.make_doc(text), {"entities": [(start, start + 18, "METHOD")]})]
    optimizer = trained.initialize(lambda: examples)
    random.seed(0)
    for _ in range(40):
        trained.update(examples, sgd=optimizer)
    trained.to_disk(tmp_path / "trained")

    nlp = make_pipeline(spacy_model=str(tmp_path / "trained"), use_shipped_catalogue=False)
    assert nlp.pipe_names[0] == "ner"
    doc = nlp("A title\n\n" + text)
    found = {e.name: e for e in doc._.kg_entities}
    assert "frobnication layer" in found
    assert "ner" in found["frobnication layer"].sources
    assert found["frobnication layer"].type == "Method"


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("We tune LLaMA 3 8B Instruct on it.", "LLaMA", "LLaMA 3 8B Instruct"),
        ("Scores on AlpacaEval 2.0, MT-Bench.", "AlpacaEval", "AlpacaEval 2.0"),
        ("Mistral 7B Instruct v0.2 wins.", "Mistral", "Mistral 7B Instruct v0.2"),
        ("Models such as Claude 3.5 Sonnet and Grok 3 are", "Claude", "Claude 3.5 Sonnet"),
        ("Models such as Claude 3.5 Sonnet and Grok 3 are", "Grok", "Grok 3"),
        ("It beats GPT-4 by 3 points.", "GPT-4", "GPT-4"),
        ("We run ResNet 50 times.", "ResNet", "ResNet"),
        ("It reaches 80% on AIME 2024.", "AIME", "AIME 2024"),
        ("GPT-4 2.5% better", "GPT-4", "GPT-4"),
        ("and Grounding DINO 1.5 Edge, an efficient model", "Grounding DINO", "Grounding DINO 1.5 Edge"),
    ],
)
def test_extend_name(text, name, expected):
    from kg.nlp.discovery import extend_name

    start = text.index(name)
    assert text[start : extend_name(text, start + len(name))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We introduce Scylla, a dynamic evaluation framework.", ["Scylla"]),
        ("naming the model Seer. It works.", ["Seer"]),
        ("trained on Waterbirds and Office-Home datasets", ["Waterbirds", "Office-Home"]),
        ("such as LLaMA and Qwen families", ["Qwen"]),
        ("We train Transformer models. Transformer layers help.", ["Transformer"]),
        ("we create the Multifaceted Collection, a preference dataset", ["Multifaceted Collection"]),
        # a list mate loses a lower-case hyphen suffix: "CheXbert-based scores" names CheXbert
        ("It improves RadGraph F1 and CheXbert-based scores.", ["CheXbert"]),
        # a sentence's opening preposition is no capitalised neighbour of the name after it
        (
            "On Amazon-Sports, Goodreads-LP and ArtGraph, it wins.",
            ["Amazon-Sports", "Goodreads-LP", "ArtGraph"],
        ),
        # a name longer than three words is taken whole, not cut after its third
        ("We present a Mutual Information Neural Estimator (MINE).", ["Mutual Information Neural Estimator"]),
        ("Bayesian networks and Gaussian processes on MNIST", []),
        ("code at https://github.com/Some-Org/Meta-DT and GPT-4", []),
        ("Large Language Models and Large Language Models again", []),
        ("as shown in Table 2 and Figure 3 with GPT-4", []),
        # places, languages, function words, institutions and lone surnames are not names
        ("tweets in Catalan and Danish. We find Catalan and Danish differ.", []),
        ("pages written in Ethiopic, Khmer and Tibetan scripts; Ethiopic is rare", []),
        ("ensembles of Earth system model runs; a full Earth system model is costly", []),
        ("Carnegie Mellon, Pittsburgh, PA. Work also done at Pittsburgh labs.", []),
        ("University of Essex and the Essex group with GPT-4", []),
        ("They ask Who, What, When, Where and Why. We answer Who and Why.", []),
        ("the Bayes optimal rule and the Bayes risk, as Viterbi decoding and Viterbi paths", []),
        ("probabilistic Horn clauses; the Horn clauses and Markov blankets, two Markov chains", []),
        # mathematical objects named after people: a matrix, a group, a product
        ("eigenvalues of a Gram matrix; the Gram matrix again; G-CNNs on Lie groups and Lie algebras", []),
        ("a Kronecker factored Laplace approximation; our Kronecker factored method", []),
        ("the Department of Computer Science, the School and the University", []),
        # a recurring word also written in lower case is a plain word ("Game" and "game")
        ("a First-Person Shooter Game. The game is hard; the Game ends.", []),
        # an item of a long citation list is a person, not a name
        (
            "normalisation has drawn work (Bollmann, 2019; Tang et al., 2018; Bollmann, 2018; "
            "Lusetti et al., 2018; Robertson and Goldwater, 2018; Ljubesic et al., 2016)",
            [],
        ),
        # labels of a shared task and a venue's opening word are no names
        ("For Subtask 1, we rank first. For Subtask 2 too. In Advances in NeurIPS, Advances", []),
        # two authors a method is credited to, with "and" or an ampersand
        ("the SVM by Crammer and Singer. The SVM by Crammer&Singer fails.", []),
        # an author cited with "et al." and no year
        ("the model of Kowalczyk et al. [7] and, later, Kowalczyk et al. show it", []),
        # the kind of article a journal paper calls itself
        ("In this Perspective, we propose a framework. This Perspective serves as a guide.", []),
    ],
)
def test_cued_names(text, expected):
    from kg.nlp.discovery import cued_names

    assert [p.text for p in cued_names(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It uses Hebbian learning and the Rademacher complexity.",
            ["Hebbian learning", "Rademacher complexity"],
        ),
        (
            "an extension of Brown clustering with Winograd convolutions",
            ["Brown clustering", "Winograd convolutions"],
        ),
        ("minima of the Bethe free energy and the Cheeger cut", ["Bethe free energy", "Cheeger cut"]),
        ("orthogonal maps from Householder reflectors", ["Householder reflectors"]),
        # a surname before a verb or a function word heads no term
        ("results of Smith show that Adam is fast", []),
        # nor does the last word of a longer capitalised name
        ("For wide networks, Neural Tangents performs exact inference.", []),
        ("with a novel Incremental Saddle Point estimation procedure", []),
        # a sentence's opening word or an acronym before it is no such name
        ("It is hard. In Bayesian inference, the evidence is costly.", ["Bayesian inference"]),
        ("the POMC Pareto optimization approach", ["Pareto optimization"]),
        # the words between the name and the head noun are no verbs
        ("Models like Chronos tokenize values by scaling.", []),
        ("We show Fixup enables residual networks to train.", []),
        ("It uses Nesterov accelerated gradient descent.", ["Nesterov accelerated gradient descent"]),
        # a capitalised word before the eponym makes it the end of a longer name
        ("a robust Monte Carlo sampling based method", []),
        # ... and one after its head the start of a longer name
        ("a dictionary of Reproducing kernel Hilbert Spaces over which", []),
        # a theorem is no term of the kinds kept, nor is a value the head of a value function
        ("By the Gauss-Markov theorem and a Log-Sobolev inequality, it holds.", []),
        ("to maximize the Bayesian value function and the Shapley values", ["Shapley values"]),
        # a plural is a subject, not an eponym; "Bayes" and "Gibbs" are names
        ("We found Transformers implement gradient descent.", []),
        (
            "It uses Bayes point machines and the Gibbs free energy.",
            ["Bayes point machines", "Gibbs free energy"],
        ),
        ("Our approach, which we call Janossy pooling, averages orderings.", ["Janossy pooling"]),
        ("we use Hutchinson’s trace estimator for the log-density", ["Hutchinson’s trace estimator"]),
        ("a continuous relaxation of Prolog’s backward chaining algorithm", []),
        ("as in ICLR 2021 Downsampling using max-pooling shifts maps", []),
        # a word after a released model's version is part of that name
        ("and a zero-shot Gemini 1.5 Flash progress estimator", []),
    ],
)
def test_eponym_terms(text, expected):
    from kg.nlp.discovery import eponym_terms

    assert [p.text for p in eponym_terms(text)] == expected


def test_cued_names_in_a_title_case_title():
    """A Title Case title capitalises every word: a word written capitalised there and once in
    the abstract is not cued, unless it joins names by a hyphen or the title is plain case."""
    from kg.nlp.discovery import cued_names

    def names(title: str, abstract: str) -> list[str]:
        text = f"{title}\n\n{abstract}"
        return [p.text for p in cued_names(text, len(title) + 2)]

    assert names("Extensive and Lightweight Research Platforms", "It is Lightweight to run.") == []
    assert names("Learning with Gumbel-Sinkhorn Networks", "the Gumbel-Sinkhorn method") == [
        "Gumbel-Sinkhorn"
    ]
    assert names("Learning with Scylla for evaluation", "we grade on Scylla today") == ["Scylla"]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Total Variation, Cheeger Cuts.", True),
        ("Learning Latent Permutations with Gumbel-Sinkhorn Networks", True),
        ("Cheeger cuts on weighted graphs", False),
        ("On the generalization capacity of neural networks", False),
        ("BERT", False),  # one word is no evidence either way
    ],
)
def test_title_case(title, expected):
    from kg.nlp.discovery import is_title_case

    assert is_title_case(title) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Catalan", True),
        ("Pittsburgh", True),
        ("Germany's", True),
        ("Whether", True),
        ("Bob", True),
        ("Unicode", True),
        ("Scylla", False),
        ("Transformer", False),
        ("Penn", False),
    ],
)
def test_gazetteer_words(word, expected):
    from kg.nlp.gazetteer import is_never_a_name

    assert is_never_a_name(word) is expected


def test_gazetteer_lists_hold_single_capitalised_words():
    from kg.nlp.gazetteer import (
        ARTICLE_KINDS,
        FUNCTION_WORDS,
        LANGUAGES,
        ORGANISATION_WORDS,
        PLACE_PHRASES,
        PLACEHOLDER_PEOPLE,
        PLACES,
    )

    for word in FUNCTION_WORDS | LANGUAGES | PLACES | PLACEHOLDER_PEOPLE | ORGANISATION_WORDS | ARTICLE_KINDS:
        assert word[:1].isupper() and " " not in word, word
    for phrase in PLACE_PHRASES:
        assert len(phrase.split()) >= 2, phrase


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We compare PPO, GRPO, and Expert Iteration across scales.", ["Expert Iteration"]),
        ("Results on the Penn Treebank corpus and on WikiText-103.", ["Penn Treebank"]),
        ("a different task: Colored Objects (Ippolito & Callison-Burch, 2023).", ["Colored Objects"]),
        ("Tiny Images (Torralba et al., 2008) is large.", ["Tiny Images"]),
        ("We evaluate on the CNN/Daily Mail and New York Times datasets.", ["New York Times"]),
        # the items of a list a kind opens, every item before them capitalised
        (
            "in puzzle environments such as Tower of Hanoi, Checker Jumping and Blocks World",
            ["Checker Jumping", "Blocks World"],
        ),
        ("in games such as chess, Checker Jumping and Blocks World", []),
        # a heading, places, institutions, fields of study and longer Title Case runs: no name
        ("Related Work and Future Directions are discussed.", []),
        ("Work done at College Park, MD with GPT-4.", []),
        ("funded by the National Science Foundation, DARPA and IARPA", []),
        ("applied to Natural Language Processing and Computer Vision models", []),
        ("at the Conference on Computer Vision and Pattern Recognition, CVPR", []),
        ("the MIDI and Audio Edited for Synchronous TRacks and Organization dataset", []),
        # a sentence's first words count only when a citation follows them
        ("Expert Iteration, PPO and GRPO are compared.", []),
        # ... or an appositive that says what kind of thing they are
        ("Gravel Networks, a deep architecture, capture relations.", ["Gravel Networks"]),
        ("We describe Recursive Ledger Coverage, a new search algorithm.", ["Recursive Ledger Coverage"]),
        ("In the Document Understanding Conferences, the task is summarization.", []),
        ("Presenting Gravel Scope, a probing toolkit, we analyse heads.", []),
        ("see Wang et al. (2022) and Lee and Park (2021) for LoRA", []),
        ("offices in GPT-4, Hong Kong and New York datasets", []),
        # a word made a modifier by its suffix opens no name
        ("including YOLOv8 and DiT-based Cascade Detectors", []),
    ],
)
def test_phrase_names(text, expected):
    from kg.nlp.discovery import phrase_names

    assert [p.text for p in phrase_names(text)] == expected


def test_long_form_in_the_title_is_one_mention_not_a_fragment(nlp):
    text = (
        "Gated Foo Mixture of Experts with Bar Loss\n\n"
        "We propose Gated Foo Mixture of Experts (GF-MoE), which routes tokens."
    )
    doc = nlp(text)
    names = {e.name: e for e in doc._.kg_entities}
    assert "Gated Foo Mixture" not in names, names
    entity = next(e for e in doc._.kg_entities if "GF-MoE" in e.mentions)
    assert 0 in {ev.start for ev in entity.evidence}  # the title's occurrence is its evidence


def test_listed_phrase_takes_its_list_mates_type(nlp):
    doc = nlp("A study of RL\n\nWe compare the effects of PPO, GRPO, and Expert Iteration on reasoning.")
    types = {e.name: e.type for e in doc._.kg_entities}
    assert types.get("Expert Iteration") == "Method", types


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # a baseline listed with known methods is a method, whatever "outperforms" suggests
        ("AEPO outperforms ZorbPO, GRPO and DAPO on GAIA.", "Method"),
        # ... but not beside a known model
        ("It outperforms ZorbLM, GRPO, DPO and GPT-4o on GAIA.", "Model"),
    ],
)
def test_a_baseline_called_a_model_gives_way_to_known_methods_listed_with_it(nlp, abstract, expected):
    found = entities(nlp, "A title", abstract)
    name = next(n for n in found if n.startswith("Zorb"))
    assert found[name].type == expected, found


def test_a_whole_list_takes_the_type_its_typed_names_give():
    """Every unknown name of a list gets the type of its typed names, not only the nearest
    ones; a name typed by its shape alone ("-Net") gives way to a typed mate."""
    from kg.nlp.assemble import type_from_list_mates

    text = "We run experiments on Zorbix, Quellon-10, Quellon-100 and PictoNet."
    names = [("Zorbix", "Benchmark", "context"), ("Quellon-10", "Method", None)]
    names += [("Quellon-100", "Method", None), ("PictoNet", "Method", "name")]
    entities = [
        ExtractedEntity(
            n, t, [n], [Evidence(n, text.index(n), text.index(n) + len(n), text, 0, "mentions")], typed_by=by
        )
        for n, t, by in names
    ]
    typed = {e.name: e.type for e in type_from_list_mates(text, entities)}
    assert typed == dict.fromkeys(["Zorbix", "Quellon-10", "Quellon-100", "PictoNet"], "Benchmark")


@pytest.mark.parametrize(
    ("title", "abstract", "expected"),
    [
        (
            "Prismatic Synthesis: Gradient-based Data",
            "We propose Prismatic Synthesis.",
            "Prismatic Synthesis",
        ),
        ("Echo Chamber: RL Post-training Amplifies Behaviors", "We study RL.", None),
        ("Scylla: Dynamic Evaluation", "", "Scylla"),
        ("Towards Better Models: A Study", "Towards Better Models", None),
        ("Thinking Beyond Tokens: A Survey", "Thinking Beyond Tokens", None),
        ("Meta-DT: Offline Meta-RL as Sequence Modeling", "", "Meta-DT"),
        # a gerund opening a head of an artefact noun the abstract writes again
        ("Zorbing Networks: Adaptive Selection", "We introduce the zorbing network.", "Zorbing Networks"),
        ("Zorbing Networks: Adaptive Selection", "We study selection.", None),
        # a head ending on a way of doing something is the paper's own way
        ("Spectral Quantization: Scaling Visual Tokenizers", "We study tokenizers.", "Spectral Quantization"),
        (
            "Model-Augmented Actor-Critic: Backpropagating through Paths",
            "We study it.",
            "Model-Augmented Actor-Critic",
        ),
        # ... but not a sentence, a gerund or plain words on their own
        ("Beyond Greedy Search: Ranking", "We rank.", None),
        ("Revisiting Knowledge Distillation: A Study", "We study it.", None),
        ("Visual Representations: Defining Properties", "We define them.", None),
        # a head ending on a kind of artefact ("Guards", "Retrievers") names the paper's own
        ("Layered Zorbic Guards: Input Classifiers", "We train safeguards.", "Layered Zorbic Guards"),
        # a name, a verb and a name make a claim
        ("BERT Wears GloVes: Distilling Static Embeddings", "We distil BERT into GloVe.", None),
        ("ZorbNet Graph Transformers: Message Passing", "We propose them.", "ZorbNet Graph Transformers"),
        # a lower-case head the abstract presents, right after the verb or as its kind's appositive
        ("zorblock: Corpus Filtering", "We present zorblock, a filter.", "zorblock"),
        ("zorblock: Corpus Filtering", "We introduce a simple method, zorblock, to filter.", "zorblock"),
        ("zorblock: Corpus Filtering", "We introduce a new filter called zorblock.", "zorblock"),
        ("survey: Cache Eviction", "We introduce a survey of eviction policies.", None),
    ],
)
def test_title_name_rules(title, abstract, expected):
    found = title_name(title, abstract)
    assert (found.text if found else None) == expected


def test_upper_case_title_run_is_one_name(nlp):
    doc = nlp("A title\n\nTo study this, we introduce NATURAL INSTRUCTIONS, a dataset of tasks.")
    mentions = {m for e in doc._.kg_entities for m in e.mentions}
    assert "NATURAL INSTRUCTIONS" in mentions
    assert not mentions & {"NATURAL", "INSTRUCTIONS"}


def test_camel_case_catalogue_names_do_not_match_plain_words():
    cat = Catalogue.from_entries(
        [CatalogueEntry("ComplEx", "Method"), CatalogueEntry("MultiPL-E", "Benchmark")]
    )
    nlp = make_pipeline(use_shipped_catalogue=False)
    nlp.get_pipe("kg_catalogue").set_catalogue(cat)
    doc = nlp("A title\n\nA complex model answers multiple questions; ComplEx and MultiPL-E differ.")
    spans = [s.text for s in doc.spans["kg_catalogue"]]
    assert spans == ["ComplEx", "MultiPL-E"]


@pytest.mark.parametrize(
    "name", ["G-Vendi", "Q-Former", "GSM8K", "MT-Bench", "Full-Duplex-Bench", "Long-Context-Eval"]
)
def test_letter_hyphen_names_are_name_shaped(name):
    from kg.nlp.discovery import is_name_shaped

    assert is_name_shaped(name)


def test_multiword_alias_with_an_acronym_matches_in_any_case():
    cat = Catalogue.from_entries([CatalogueEntry("Temporal Difference Learning", "Method", ("TD learning",))])
    nlp = make_pipeline(use_shipped_catalogue=False)
    nlp.get_pipe("kg_catalogue").set_catalogue(cat)
    doc = nlp("Closing the Gap between TD Learning and Supervised Learning\n\nWe study it.")
    assert [e.name for e in doc._.kg_entities] == ["Temporal Difference Learning"]


def test_latex_name_survives_reading_and_extraction(tmp_path):
    """S$^{2}$FT is cleaned to S²FT by the reader and found whole by the pipeline."""
    import kg

    corpus = tmp_path / "p.jsonl"
    corpus.write_text(
        json.dumps({"id": "x1", "title": "S$^{2}$FT: Sparse Tuning", "abstract": "We use S$^{2}$FT."}) + "\n",
        encoding="utf-8",
    )
    result = kg.extract([corpus])
    names = {e.name for e in result.extractions[0].entities}
    assert "S²FT" in names


@pytest.mark.parametrize(
    ("text", "name", "catalogued"),
    [
        # the paper's own long form also settles the later bare uses of its acronym
        (
            "We compare SVM classifiers. This paper presents Noun Classifier Associations (NCA) "
            "for choosing classifiers. NCA works well.",
            "Noun Classifier Associations",
            False,
        ),
        # a loose phrase that only holds the letters does not overrule the catalogue
        (
            "To embed unseen nodes, a general framework with sampling and aggregating (GraphSAGE) "
            "was proposed. GraphSAGE is inductive.",
            "GraphSAGE",
            True,
        ),
        # ... written in another case, after a short form written as a word
        (
            "We present Pearl (Prototype Learning via Rule Lists), which learns rules. PEARL wins.",
            "Prototype Learning via Rule Lists",
            False,
        ),
        # ... and in the plural ("SDDs" is no plural of the Stanford Drone Dataset here)
        (
            "The Sentential Decision Diagram (SDD) represents Boolean functions. SDDs are compact.",
            "Sentential Decision Diagram",
            False,
        ),
    ],
)
def test_bare_acronym_follows_the_papers_own_long_form(nlp, text, name, catalogued):
    doc = nlp("A title\n\n" + text)
    holder = [e for e in doc._.kg_entities if name in (e.name, *e.mentions)]
    assert len(holder) == 1
    assert (holder[0].catalogue_id is not None) == catalogued
    if not catalogued:
        assert holder[0].name == name
        assert (
            {"NCA"} <= set(holder[0].mentions)
            or {"Pearl", "PEARL"} <= set(holder[0].mentions)
            or {
                "SDD",
                "SDDs",
            }
            <= set(holder[0].mentions)
        )


@pytest.mark.parametrize(
    ("text", "adam"),
    [
        ("As Lovell, Adams, and Mansingka (2012) show, samplers mix slowly.", False),
        ("Smith and Adams (2019) train a sampler.", False),
        ("We follow Adams et al. (2020) closely.", False),
        ("We follow prior work (Adams, 2020) closely.", False),
        # a name before its citation is the thing cited, not an author
        ("We train with Adam (Kingma and Ba, 2015) on MNIST.", True),
    ],
)
def test_an_authors_name_in_a_citation_is_no_entity(nlp, text, adam):
    doc = nlp("A title\n\n" + text)
    assert ("Adam" in {e.name for e in doc._.kg_entities}) == adam


@pytest.mark.parametrize("kind", ["", " models"])
def test_a_short_form_defined_in_the_plural_settles_its_singular(nlp, kind):
    """ "NTM" after "Neural Topic Models (NTMs)" is that topic model, not the catalogue's
    Neural Turing Machine, bare or before a kind word."""
    doc = nlp(f"A title\n\nWe study Neural Topic Models (NTMs) for short texts. Ours beats every NTM{kind}.")
    names = {e.name: e for e in doc._.kg_entities}
    assert "Neural Turing Machine" not in names
    [holder] = [e for e in doc._.kg_entities if "NTMs" in e.mentions]
    assert "NTM" in holder.mentions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We fine-tune SAM on COCO with a ViT backbone for instance segmentation.", "Segment Anything Model"),
        ("We use MAE pretraining for ViT on ImageNet.", "Masked Autoencoder"),
        ("Results with SAM only.", "SAM"),
    ],
)
def test_ambiguous_acronym_settled_by_the_field_or_left_alone(nlp, text, expected):
    """The other known names in the paper pick the field; with no clue the bare form stays."""
    doc = nlp("A title\n\n" + text)
    names = {e.name: e for e in doc._.kg_entities}
    assert expected in names
    if expected == "SAM":
        assert names["SAM"].catalogue_id is None and names["SAM"].confidence <= 0.55


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("diagnostic datasets on parsing, such as ", " and others.", "Dataset"),
        ("", ": A Learning Environment for Theorem Proving", "Benchmark"),
        ("", ": A Mixed Reality Driving Simulator", "Benchmark"),
        ("we test on 5 benchmarks (", ", Foo and Bar)", "Benchmark"),
        ("we design a discrepancy score, dubbed ", ", to rank models.", "Metric"),
        ("we use Transformers, naming the model ", ".", "Model"),
        ("policies improve in the ", " environment.", "Benchmark"),
        ("a study introduced the ", " evaluation, where models write", "Benchmark"),
        # a capitalised long form before its acronym is not a list of models
        ("we propose Meta Representations for Agents (", ") that models", None),
        ("we propose ", " for agents.", None),
        # the noun after a name's own acronym
        ("we study the Hidden Object Naming ", " (HON) task and", "Task"),
        ("we release the Zorbal Speech Corpus ", " (ZSC) dataset", "Dataset"),
        ("we study the Hidden Object Naming ", " (a task we define)", None),
        # a title's "Name: An Evaluation of ..." names a benchmark
        ("", ": A Holistic Evaluation of Spoken Language Models", "Benchmark"),
        # a challenge or shared task after a name is a competition held on data (a benchmark),
        # unless "challenge" is the verb
        ("results on the ", " challenge in 2019", "Benchmark"),
        ("we took part in the ", " shared task.", "Benchmark"),
        ("we study the ", " task of answering questions", "Task"),
        ("models such as TabPFN and ", " challenge boosted trees", None),
        # a sentence that opens on names lists what was measured
        ("On ", ", our monitor blocks 94% of attacks", "Benchmark"),
        ("On AgentDojo and ", ", our monitor blocks 94% of attacks", "Benchmark"),
        ("Across the ", " suite, ours wins", "Benchmark"),
        # a score reported on a name
        ("Kimi k1.5 reaches 77.5 on ", ", 96.2 on MATH 500", "Benchmark"),
        ("it ranks in the 94th percentile on ", ".", "Benchmark"),
        # "the problem of X" says more than what follows X
        ("we study the problem of ", " (GFSL) -- a model must then adapt", "Task"),
        ("results on the combinatorial problems of the ", " suite", "Benchmark"),
        # ... but a capitalised "Task of" names a campaign's task, and "sub-tasks of" a shared task
        ("metrics for the Lexical Substitution Task of ", ", and new ones", None),
        ("The four sub-tasks of ", " build a capability", None),
        # a name set beside its kind, opening the sentence or after the verb of "we"
        ("Our benchmark, ", ", pairs 500 requests with images.", "Benchmark"),
        ("We introduce a challenge dataset, ", ", that consists of stories.", "Dataset"),
        ("we propose an extension of the MS-COCO dataset, ", ", which pairs images and captions.", "Dataset"),
        ("Our proposed model, ", ", combines a CNN and a GRU.", "Model"),
        ("We describe a new metric, ", ", which takes human judgments.", "Metric"),
        # ... or after "the resulting" and "the final": what the paper made
        ("in 36 languages. The resulting dataset, ", ", contains 2.9M samples.", "Dataset"),
        ("The final benchmark, ", ", holds 900 tasks.", "Benchmark"),
        # "release our <kind> as X" names it
        (
            "We recommend both variants and release our corruption suite as ",
            " to support evaluation.",
            "Benchmark",
        ),
        # ... not a phrase that opens on a preposition
        ("On the benchmark, ", " wins by a wide margin.", None),
        ("On MovieLens-1M, our model, ", ", improves Recall@10.", "Model"),
        # where data come from is a data set; outputs sampled from a model are not data
        ("We use 1.2M annotated cells from ", ", TissueNet and more.", "Dataset"),
        ("questions sampled from the ", " test split", "Dataset"),
        ("Samples from ", " help.", None),
        # a set of problems or questions is a benchmark, not a task
        ("We release ", ", a set of 800 programming problems with hidden tests.", "Benchmark"),
        # language-model nouns and a family of trained networks name models
        ("We introduce ", ", an 8B diffusion LM trained from scratch.", "Model"),
        ("We release ", ", a small VLM for charts.", "Model"),
        ("We present ", ", a family of tabular transformers.", "Model"),
        ("We present ", ", a family of methods for search.", "Method"),
        ("We pretrain ", ", a ViT-g/14 foundation model for pathology.", "Model"),
        ("We present ", ", a 1.5B-parameter encoder-decoder trained on audio.", "Model"),
        ("We describe a deployed retrieval agent, denoted as ", ", that routes queries.", "Model"),
        # a data noun with its comma before the name; items of a list that opens "On ..."
        ("It is pretrained on FineWeb-Edu and a new Korean web corpus, ", ".", "Dataset"),
        ("On FEMNIST, ", " and a federated split of CIFAR-100, it improves accuracy.", "Benchmark"),
        ("On ImageNet, FooNet and ", " reach 80%.", None),
        # a kind noun, after "and a" and up to two words, before the name
        ("It uses 60k prompts and a 0.4B preference model, ", ", to rank answers.", "Model"),
        # a kind noun before the bracket the name is written in ("model" says too little)
        ("A probability distance, the Integral Probability Metric (", ") here.", "Metric"),
        ("We release a new benchmark (", ") of 500 tasks.", "Benchmark"),
        ("We train a topic model (", ") on news.", None),
        # "scores" as a verb names no metric: what the model was trained on stays a data set
        ("A reward model trained on ", " scores the drafts.", "Dataset"),
        ("Our model ", " scores the answers.", None),
        # what is made of data sets is a data set
        ("We merge twelve public speech corpora to build ", ", a 9,000-hour set.", "Dataset"),
        ("We combine 40 datasets to create ", " for instruction tuning.", "Dataset"),
        ("We use these models to build ", " for reasoning.", None),
        # "data" after a name, but not after a short form defined in brackets
        ("Fine-tuning on our ", " data closes the gap.", "Dataset"),
        ("It synthesizes chain-of-thought (", ") data from programs.", None),
        # a kind noun that ends the name before it says nothing of the name after it
        ("On the Atari 100k benchmark ", " reaches a score of 1.32.", None),
        ("We evaluate on our new reasoning benchmark ", ".", "Benchmark"),
        ("On the visual document retrieval benchmark ", ", it reaches 85.2 nDCG@5.", "Benchmark"),
    ],
)
def test_type_from_context(before, after, expected):
    assert type_from_context(before, after) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("algorithmic regret", "Metric"),
        ("pointwise mutual information", "Metric"),
        ("Jaccard index", "Metric"),
        ("Faithfulness", "Metric"),
        ("Representativeness of Attribute", "Metric"),
        ("business", None),
        ("GSM-Hard", None),
        ("Foo-Bench", "Benchmark"),
        ("Zorb-Bench-EN", "Benchmark"),
        ("ZorbBench-CN", "Benchmark"),
        ("Zorb-7B", "Model"),
        ("Image Transformer", "Method"),
        ("Graph Matching Network", "Method"),
        ("Multilayer Perceptron", "Method"),
        ("Sparse Autoencoder", "Method"),
        ("Mixture of Experts", None),
        # trained models named as such; an architecture called a "Model" is not typed by it
        ("Large Content and Behavior Models", "Model"),
        ("Plug and Play Language Model", "Model"),
        ("Attentive Interaction Model", None),
        # a measure at a cut-off or a threshold
        ("Acc@0.5IoU", "Metric"),
        ("Hit@K", "Metric"),
        ("user@host", None),
        # a model family inside a name, as written or as a lower-case id; not a word's letters
        ("ZorbLLaMA", "Model"),
        ("llama-zorb", "Model"),
        ("ClipAdaGrad", None),
        ("Reproducing Kernel Hilbert Space", None),
        ("Physics-as-Inverse-Graphics", None),
    ],
)
def test_type_from_name(name, expected):
    assert type_from_name(name) == expected


@pytest.mark.parametrize(
    ("abstract", "types"),
    [
        # a list of approaches types the unknown names a known data set listed with them
        # would have typed data
        (
            "Existing approaches, including GCond, SFGC, and GEOM, rely on bi-level optimization.",
            {"GCond": "Method", "SFGC": "Method"},
        ),
        # a data noun right before "like" is the list's kind, not a noun further back
        (
            "Alignment objectives based on bitexts like Europarl or ZorbUN help encoders.",
            {"ZorbUN": "Dataset"},
        ),
    ],
)
def test_a_list_takes_the_kind_named_nearest_before_it(nlp, abstract, types):
    found = entities(nlp, "A title", abstract)
    assert {name: found[name].type for name in types} == types


@pytest.mark.parametrize(
    ("abstract", "name", "expected"),
    [
        # a known model listed among "five benchmarks (...)" is a benchmark in this paper
        ("We evaluate on five benchmarks (MT-Bench, AlpacaEval, Koala and Vicuna).", "Koala", "Benchmark"),
        ("We test on datasets such as CIFAR-10, Zorbex-Set and SVHN.", "Zorbex-Set", "Dataset"),
        # "methods such as" is loose wording: a known model stays a model
        ("Popular methods such as GPT-4 and Claude fail here.", "GPT-4", "Model"),
        # words between the kind and "such as", and a citation after an item
        (
            "Diagnostic datasets on parsing, such as ZorbEx (Smith and Lee, 2018) and QuuxA "
            "(Lee, 2020), are hard.",
            "QuuxA",
            "Dataset",
        ),
        # the kind nearest to "such as" wins
        ("Models trained on tasks such as ZorbEx and QuuxA fail.", "QuuxA", "Task"),
        # the list ends at the first word that is not a list separator
        ("Two benchmarks (MT-Bench and AlpacaEval) were run with Koala.", "Koala", "Model"),
        # a leaderboard "including" names what it ranks, not more leaderboards
        ("It wins on the AlpacaEval leaderboard, including Claude 2 and GPT-4.", "Claude 2", "Model"),
        # "tasks" is loose wording for data sets: a known dataset stays a dataset
        ("It helps vision tasks including ImageNet and COCO.", "ImageNet", "Dataset"),
        ("It helps vision tasks including ImageNet and COCO.", "COCO", "Dataset"),
        ("We test on tasks such as GSM8K and MATH.", "GSM8K", "Benchmark"),
        # ... and "benchmarks" for tasks: a known task stays a task
        ("It leads 10 benchmarks, including code generation and repair.", "code generation", "Task"),
        # several words may qualify the counted kind
        ("Tests on three widely used event relation datasets (ZorbTB, QuuxEv) agree.", "QuuxEv", "Dataset"),
        # a comma or a colon after a counted kind opens its list too
        ("We evaluate on two benchmarks, NanoCraft and long-hand addition.", "NanoCraft", "Benchmark"),
        ("We use three datasets: ZorbTB, QuuxEv and MNIST.", "QuuxEv", "Dataset"),
        # ... but not the subject after an opening phrase
        ("Across three tasks, ZorbNet beats BERT.", "ZorbNet", "Method"),
        ("With only 200 demonstrations per task, ZorbNet reaches 90%.", "ZorbNet", "Method"),
        # a number inside a name counts nothing
        (
            "We use two DNNs trained on the ImageNet-1000 train dataset, ResNet-50 and DenseNet-121.",
            "ResNet-50",
            "Method",
        ),
    ],
)
def test_items_of_a_kind_list_take_its_kind(nlp, abstract, name, expected):
    doc = nlp("A title\n\n" + abstract)
    types = {e.name: e.type for e in doc._.kg_entities}
    assert types[name] == expected


def test_a_discovered_compound_takes_the_type_of_its_known_head(nlp):
    doc = nlp("Zorbic Continual Learning: a study\n\nWe study Zorbic Continual Learning in depth.")
    found = {e.name: e for e in doc._.kg_entities}
    assert found["Zorbic Continual Learning"].type == "Task"
    assert found["Zorbic Continual Learning"].typed_by == "head"


def test_pattern_hashes_from_one_text_equal_tokenizing_each_form(nlp):
    """The catalogue's patterns, cut from one tokenized text, are what tokenizing each form gives."""
    from spacy.attrs import LOWER

    from kg.nlp.components import _pattern_tokenizer, pattern_forms, token_values

    ruler = nlp.get_pipe("kg_catalogue")
    forms = sorted({form for entry in ruler.catalogue for form, _ in pattern_forms(entry)})
    one_by_one = [tuple(doc.to_array(LOWER).tolist()) for doc in _pattern_tokenizer(nlp).pipe(forms)]
    assert token_values(nlp, forms, LOWER) == one_by_one
    assert len(forms) > 20_000


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("We pretrain on Imagenet and fine-tune an Alexnet.", {"ImageNet", "AlexNet"}),
        ("A tour of the planet, a complex glove of ideas.", set()),  # PlaNet, ComplEx, GloVe
        ("Exploring the Planet of the Apes with a Complex Glove.", set()),
    ],
)
def test_camel_case_names_written_flat(nlp, sentence, expected):
    doc = nlp(f"A title\n\n{sentence}")
    found = {e.name for e in doc._.kg_entities if e.catalogue_id}
    assert found == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a name of capitalised words and hyphens is written in lower case too
        ("It beats self-consistency and uses self-attention.", {"Self-Consistency", "Self-Attention"}),
        ("Agents train by self-play with an actor-critic.", {"Self-Play", "Actor-Critic"}),
        # ... but with spaces for hyphens, only as the name is written: the rest is English
        ("Agents plan and solve tasks that models do not answer.", set()),
        ("They Plan and Solve; see Do-Not-Answer.", {"Plan-and-Solve Prompting", "Do-Not-Answer"}),
        # a name that is also a plain noun keeps its case
        ("We build a meta-dataset of 61 tasks and test on Meta-Dataset.", {"Meta-Dataset"}),
    ],
)
def test_hyphenated_title_case_names_written_in_lower_case(nlp, sentence, expected):
    doc = nlp(f"A title\n\n{sentence}")
    found = {e.name for e in doc._.kg_entities if e.catalogue_id}
    assert found == expected
    if "meta-dataset" in sentence:  # only the capitalised mention is the benchmark
        [entity] = [e for e in doc._.kg_entities if e.name == "Meta-Dataset"]
        assert entity.mentions == ["Meta-Dataset"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "X of Y" takes its plural on X
        ("Models write longer chains of thought.", {"Chain-of-Thought Prompting"}),
        ("Sparse mixtures of experts route tokens.", {"Mixture of Experts"}),
        # a name of several words is matched with any mix of hyphens and spaces between them
        ("Such models rival gradient-boosted decision trees on small tables.", {"Gradient Boosting"}),
        ("We study weakly-supervised semantic segmentation.", {"weakly supervised semantic segmentation"}),
        ("We study weakly supervised semantic-segmentation.", {"weakly supervised semantic segmentation"}),
    ],
)
def test_long_names_match_with_hyphens_and_spaces_mixed(nlp, sentence, expected):
    doc = nlp(f"A title\n\n{sentence}")
    assert {e.name for e in doc._.kg_entities if e.catalogue_id} == expected


def test_a_measure_qualified_by_its_setting_is_the_measure_under_both_names(nlp):
    found = entities(nlp, "A title", "It reaches 91% test accuracy and 88.6% relaxed accuracy on ChartQA.")
    assert found["Accuracy"].mentions == ["test accuracy", "accuracy"], found
    assert found["Relaxed Accuracy"].parent == "Accuracy", found


@pytest.mark.parametrize(
    ("abstract", "name", "type_"),
    [
        # a form two catalogue entries share names the data set where the paper evaluates on it
        ("Experiments on the ACE corpus show gains.", "Automatic Content Extraction", "Dataset"),
        ("Its ACE is lower than that of temperature scaling.", "Adaptive Calibration Error", "Metric"),
        # a found name nothing else types is data where the paper evaluates on it
        ("Gains on ZorbFlow-CS are smaller.", "ZorbFlow-CS", "Benchmark"),
        ("Zero-shot transfer to QUUX and ZorbEvents yields gains of 6 points.", "QUUX", "Benchmark"),
        # ... or names right after a task and "on", even in a list of tasks
        ("In our setting (deraining on ZorbRain and dehazing on QUUX), it wins.", "QUUX", "Benchmark"),
        ("In our setting (deraining on ZorbRain and dehazing on QUUX), it wins.", "ZorbRain", "Benchmark"),
        # ... not what a sentence evaluates or compares by name
        ("We evaluate grounding models (Zorb-DETR, QuuxVTG) on our split.", "QuuxVTG", "Method"),
    ],
)
def test_a_name_the_paper_evaluates_on_is_data(nlp, abstract, name, type_):
    found = entities(nlp, "A title", abstract)
    assert name in found and found[name].type == type_, found


def test_a_surname_that_opens_a_name_and_modifies_nouns_elsewhere_is_no_name(nlp):
    abstract = (
        "We present extensions of the Zorbmann network, an architecture inspired by a truncated "
        "Zorbmann series expansion. The Zorbmann network approach is fast."
    )
    found = entities(nlp, "A title", abstract)
    assert "Zorbmann network" in found and "Zorbmann" not in found, found


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Zorbic Physics Predictor", "Zorbic Physics Predictor"),
        ("Point Cloud Quux GAN", "Point Cloud Quux GAN"),
        ("Learning via Zorbic Information Factorization", "Zorbic Information Factorization"),
    ],
)
def test_a_title_that_names_a_way_of_doing_it_names_the_papers_method(nlp, title, name):
    found = entities(nlp, title, "We propose a new model and show that it works on two data sets.")
    assert name in found and found[name].proposed, found


def test_a_data_set_and_the_split_scored_on_are_the_data_set(nlp):
    abstract = "It attains 87.3% on Spider test and 41.0 AP on LVIS val; a Friedman test confirms it."
    found = entities(nlp, "A title", abstract)
    assert {"Spider", "LVIS", "Friedman test"} <= set(found), found
    assert not {"Spider test", "LVIS val"} & set(found), found


def test_a_shared_task_keeps_its_whole_name_as_a_form(nlp):
    found = entities(nlp, "A title", "We took part in the CoNLL 2007 shared task on dependency parsing.")
    conll = next(e for e in found.values() if "CoNLL 2007" in e.mentions)
    assert "CoNLL 2007 shared task" in conll.mentions, conll.mentions


def test_a_word_spelled_with_a_raised_letter_for_an_acronym_is_no_name(nlp):
    abstract = "We build a Secure, Accurate and Fast nEural Network (SAFENet) for neural inference."
    found = entities(nlp, "A title", abstract)
    assert "nEural" not in found, found
    assert "SAFENet" in {m for e in found.values() for m in e.mentions}, found


def test_plain_word_dataset_keeps_its_head_noun_as_a_form(nlp):
    doc = nlp("A title\n\nWe measure scaling on the Honor dataset and on GSM8K.")
    entity = next(e for e in doc._.kg_entities if e.name == "Honor")
    assert entity.type == "Dataset"
    assert entity.mentions == ["Honor", "Honor dataset"]
    gsm8k = next(e for e in doc._.kg_entities if e.name == "GSM8K")
    assert gsm8k.mentions == ["GSM8K"]  # a catalogued name gets no extra form


@pytest.mark.parametrize(
    ("abstract", "form", "found"),
    [
        # nothing settles the form: the chip technology, an unrelated method's acronym, a symbol
        ("We build a mixed-signal CMOS array for inner products.", "CMOS", False),
        ("We propose ICL, an interpretable continual learner.", "ICL", False),
        ("We learn a representation phi from a function class Phi.", "Phi", False),
        ("Hard satisfiable CNF families include regular 3-CNF formulas.", "CNF", False),
        # the entry's own long form, or a known name of its field, settles it
        ("Listeners rated naturalness (MOS) and preference (CMOS) of the TTS output.", "CMOS", True),
        ("We study in-context learning; ICL emerges with scale.", "ICL", True),
        ("We compare Phi with Llama and Mistral on reasoning.", "Phi", True),
        ("Continuous normalizing flows (CNFs) are flexible; our CNF is faster.", "CNF", True),
        # a multi-word form is settled by its own words
        ("Curvature is found by MAP estimation of the contour.", "MAP estimation", True),
    ],
)
def test_ambiguous_catalogue_form_needs_the_paper_to_settle_it(nlp, abstract, form, found):
    doc = nlp(f"A title\n\n{abstract}")
    catalogued = {m for e in doc._.kg_entities if e.catalogue_id for m in e.mentions}
    assert (form in catalogued) == found, catalogued


def test_a_long_form_repeated_many_times_gives_one_candidate_per_place():
    from kg.nlp.abbreviations import find_abbreviations
    from kg.nlp.assemble import pair_candidates

    text = "Deep Foo Nets for X\n\n" + " ".join(["We use Deep Foo Nets (DFN) here."] * 50)
    pairs = find_abbreviations(text)
    assert len(pairs) == 50
    candidates = pair_candidates(pairs, text)
    places = [(c.start, c.end) for c in candidates]
    assert len(places) == len(set(places)) == 50 * 2 + 1  # both sides of each pair, and the title


def test_a_run_on_text_keeps_evidence_to_a_window_around_each_mention(nlp):
    from kg.nlp.assemble import MAX_SENTENCE

    filler = "and then the model kept going without a full stop " * 200
    text = f"A title\n\nWe evaluate on GSM8K {filler} and finally on MMLU {filler} too."
    doc = nlp(text)
    evidence = [ev for e in doc._.kg_entities for ev in e.evidence]
    assert {ev.text for ev in evidence} >= {"GSM8K", "MMLU"}
    for ev in evidence:
        assert len(ev.sentence) <= MAX_SENTENCE
        assert text[ev.sentence_start : ev.sentence_start + len(ev.sentence)] == ev.sentence
        assert ev.sentence_start <= ev.start and ev.end <= ev.sentence_start + len(ev.sentence)


@pytest.mark.parametrize(
    ("abstract", "metrics"),
    [
        ("We train in mixed precision and with half-precision weights.", set()),
        ("The model solves associative recall and free recall tasks.", set()),
        ("Precision medicine needs models of patients.", set()),
        ("We add a high-precision latent variable to binary weights.", set()),
        ("We reduce the precision of activation maps and keep numeric precision of weights.", set()),
        ("The solver has convergence and precision guarantees.", set()),
        # the metric itself, even where a value is low
        ("The detector has low precision but high recall.", {"Precision", "Recall"}),
        ("We report precision, recall and F1 score.", {"Precision", "Recall", "F1 Score"}),
    ],
)
def test_metric_words_in_other_senses_are_not_metrics(nlp, abstract, metrics):
    doc = nlp(f"A title\n\n{abstract}")
    assert {e.name for e in doc._.kg_entities if e.type == "Metric"} == metrics


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        (
            "We propose a few-shot learning approach, Zorb2Net, for rare classes.",
            # (a task is never used: one that qualifies a method noun is only mentioned)
            {"few-shot learning": "mentions", "Zorb2Net": "proposes"},
        ),
        # a known method written as a kind, in lower case, before a method noun
        ("We propose a cotraining approach for unlabeled text.", {"Co-Training": "uses"}),
        ("We propose a model based RL algorithm.", {"Model-Based Reinforcement Learning": "uses"}),
        # a name of the paper's own that happens to start in lower case
        ("We propose the svdRNN method.", {"svdRNN": "proposes"}),
        # ... or before a data noun: the data set is proposed, not the method
        ("We construct a 200K multimodal chain-of-thought dataset.", {"Multimodal Chain-of-Thought": "uses"}),
        ("We further propose an inference-time Sway Sampling strategy.", {"Sway Sampling": "proposes"}),
        # a known name after "a new" before a method noun is the kind of what is proposed
        ("We propose a new RLVR paradigm.", {"Reinforcement Learning with Verifiable Rewards": "uses"}),
        ("We propose a FooNet model for vision.", {"FooNet": "proposes"}),
        # ... also past a word or two after the article, and before a procedure or methodology
        ("We collected a cross-lingual R2R dataset.", {"Room-to-Room": "uses"}),
        ("We designed a novel quantization methodology.", {"Quantization": "uses"}),
        ("We propose a variational inference based approach.", {"Variational Inference": "uses"}),
        # a known kind right before the paper's own name, and what the proposal is based on
        (
            "For the attack, we introduce a novel GAN, PreImageGAN.",
            {"Generative Adversarial Network": "uses", "PreImageGAN": "proposes"},
        ),
        (
            "We introduce a new Hierarchical Reinforcement Learning (HRL) framework, Hierarchical "
            "Actor-Critic.",
            {"Hierarchical Reinforcement Learning": "uses", "Hierarchical Actor-Critic": "proposes"},
        ),
        (
            "This paper proposes a novel Linear Programming (LP) based algorithm.",
            {"Linear Programming": "uses"},
        ),
        ("We propose EdgeGANRob based on robust edge features.", {"EdgeGANRob": "proposes"}),
        # a known name that ends a longer capitalised name: the longer one is new, and the paper's
        (
            "We designed a Contextual Recurrent Convolutional Network for it.",
            {"Contextual Recurrent Convolutional Network": "proposes"},
        ),
        # past tenses and "collect" propose too
        (
            "We developed FooNet. We collected BarSet, 120K pairs of videos.",
            {"FooNet": "proposes", "BarSet": "proposes"},
        ),
    ],
)
def test_a_name_used_as_a_modifier_of_a_method_noun_is_not_proposed(nlp, abstract, expected):
    doc = nlp(f"A title\n\n{abstract}")
    assert {e.name: e.relation for e in doc._.kg_entities} == expected


def test_a_word_of_a_title_in_capitals_is_a_known_name_only_if_the_abstract_writes_it(nlp):
    doc = nlp("FAST OBJECT FINDING WITH BERT FEATURES\n\nWe localize objects with BERT features.")
    assert {e.name for e in doc._.kg_entities} == {"BERT"}
    doc = nlp("FAST OBJECT FINDING WITH BERT FEATURES\n\nWe use the FAST tokenizer and BERT.")
    assert {e.name for e in doc._.kg_entities} >= {"FAST", "BERT"}


def test_word_and_signal_properties_are_not_names(nlp):
    doc = nlp("A title\n\nWe handle OOV words, HD maps and F0 contours with a Conformer and report WER.")
    names = mention_forms(doc)
    assert not names & {"OOV", "F0", "HD"}
    assert {"Conformer", "WER"} <= names


def test_later_items_of_a_list_share_what_an_earlier_item_is_evaluated_on(nlp):
    doc = nlp(
        "A title\n\nWe evaluate kernels on the bioinformatics datasets MUTAG, PROTEINS, NCI1, "
        "IMDB-BINARY and COLLAB. We evaluate on ImageNet; CIFAR-10 was not used."
    )
    relations = {e.name: e.relation for e in doc._.kg_entities}
    assert {relations[n] for n in ("MUTAG", "PROTEINS", "NCI1", "IMDB-BINARY", "COLLAB")} == {"evaluates_on"}
    assert relations["ImageNet"] == "evaluates_on"
    doc = nlp("A title\n\nOn the CIFAR-10 and the CIFAR-100 datasets, FooNet wins.")
    assert {e.name: e.relation for e in doc._.kg_entities}["CIFAR-100"] == "evaluates_on"
    assert relations["CIFAR-10"] != "evaluates_on"  # a semicolon ends the list and the sentence's cue


def test_an_acronym_with_a_plural_s_is_looked_up_in_the_singular_only(nlp):
    doc = nlp("A title\n\nMultimodal agents (MAs) act. We study MAs and train GNNs.")
    names = {e.name for e in doc._.kg_entities}
    assert "Memory Aware Synapses" not in names  # "MAs" is no case variant of the catalogue's "MAS"
    assert "Graph Neural Network" in names


def test_a_benchmark_used_in_a_sentence_that_evaluates_is_evaluated_on(nlp):
    doc = nlp("A title\n\nWe evaluate with questions and the TruthfulQA benchmark. We use MMLU data.")
    relations = {e.name: e.relation for e in doc._.kg_entities}
    assert relations["TruthfulQA"] == "evaluates_on"
    assert relations["MMLU"] == "uses"  # no word of evaluation in its sentence


def test_a_count_of_examples_ending_a_name_makes_it_a_data_set(nlp):
    doc = nlp("A title\n\nWe co-train with VQA data from LLaVA-665K and compare Yi-34B-200K.")
    types = {e.name: e.type for e in doc._.kg_entities}
    assert types["LLaVA-665K"] == "Dataset"
    assert types["Yi-34B-200K"] == "Model"  # a size in parameters: the count is its context


def test_state_codes_of_affiliations_and_kinds_of_graphs_are_not_names(nlp):
    text = "A title\n\nNorthwestern University, Evanston, IL, USA. We learn a DAG and use IL and PSPACE."
    doc = nlp(text)
    listed = [ev.start for e in doc._.kg_entities for ev in e.evidence if ev.text == "IL"]
    assert listed == [text.index("use IL") + 4]  # imitation learning, not the state in the address
    assert not mention_forms(doc) & {"DAG", "PSPACE"}


def test_amazon_review_subsets_keep_their_names_past_the_organisation_filter(nlp):
    doc = nlp("A title\n\nOn the Amazon Beauty and Amazon Sports datasets, FooRec wins.")
    assert {"Amazon Beauty", "Amazon Sports and Outdoors"} <= {e.name for e in doc._.kg_entities}


def test_top_1_alone_is_accuracy_and_top_1_error_is_its_own_metric(nlp):
    doc = nlp("A title\n\nIt reaches 76% top-1 and a top-1 error rate of 3.6% with fewer FLOPS.")
    assert {e.name for e in doc._.kg_entities} == {"Top-1 Accuracy", "Top-1 Error"}


def test_data_named_after_a_metric_and_on_are_evaluated_on(nlp):
    doc = nlp("A title\n\nZero-shot, DepthWild lowers AbsRel on KITTI, NYUv2 and ETH3D.")
    relations = {e.name: e.relation for e in doc._.kg_entities}
    assert {relations[n] for n in ("KITTI", "NYU Depth V2", "ETH3D")} == {"evaluates_on"}


def test_data_named_right_before_a_metric_are_evaluated_on(nlp):
    doc = nlp(
        "A title\n\nIt lifts the OSWorld success rate and its HumanEval pass@1 with a 1% drop in "
        "VBench score; we train on C4."
    )
    relations = {e.name: e.relation for e in doc._.kg_entities}
    found = (relations["OSWorld"], relations["HumanEval"], relations["VBench"], relations["C4"])
    assert found == ("evaluates_on", "evaluates_on", "evaluates_on", "uses")


def test_scores_before_each_listed_benchmark_evaluate_on_all(nlp):
    doc = nlp(
        "A title\n\nThe agent resolves 58.3% of SWE-bench Verified and 41.0% of SWE-bench Multilingual."
    )
    relations = {e.name: e.relation for e in doc._.kg_entities}
    assert relations == {"SWE-bench Verified": "evaluates_on", "SWE-bench Multilingual": "evaluates_on"}


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # a paper evaluates on data or a task; methods, models and metrics it evaluates with
        (
            "Our results on VQA show better accuracy.",
            {"visual question answering": "evaluates_on", "Accuracy": "uses"},
        ),
        (
            "We evaluate our pruning method on Llama-2-7B and Mistral-7B across MMLU.",
            {"LLaMA 2 7B": "uses", "Mistral 7B": "uses", "MMLU": "evaluates_on"},
        ),
        (
            "Results on CIFAR-10 show significant improvements on both accuracy and recall.",
            {"Accuracy": "uses", "Recall": "uses", "CIFAR-10": "evaluates_on"},
        ),
        # the metric a gain is given in is used, not compared with
        (
            "Our R2NN outperforms the baseline by about 1.5 points in BLEU on WMT14.",
            {"BLEU": "uses", "WMT14": "evaluates_on"},
        ),
        ("On CoQA, it outperforms the previous best model's F1 score by 1.6%.", {"F1 Score": "uses"}),
        # data and tasks in a comparison are measured on, unless they name the compared kind
        (
            "SPU outperforms TRPO in Mujoco tasks, beats unsupervised domain adaptation methods and "
            "even outperforms ImageNet pre-trained models.",
            {
                "MuJoCo": "evaluates_on",
                "unsupervised domain adaptation": "mentions",
                "ImageNet": "uses",
                "Trust Region Policy Optimization": "compares_with",
            },
        ),
    ],
)
def test_only_data_and_tasks_are_evaluated_on(nlp, abstract, expected):
    doc = nlp(f"A title\n\n{abstract}")
    relations = {e.name: e.relation for e in doc._.kg_entities}
    assert {name: relations.get(name) for name in expected} == expected
    assert all(
        ev.relation != "evaluates_on"
        for e in doc._.kg_entities
        if e.type in {"Method", "Model", "Metric"}
        for ev in e.evidence
    )


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # a task word may stand between a name and its data noun
        (
            "It sets a new state of the art on the VireoFood-172 classification benchmark.",
            {"VireoFood-172": ("Benchmark", "evaluates_on")},
        ),
        ("We train on the Foo-9 pretraining corpus.", {"Foo-9": ("Method", "uses")}),
        # "the new X suite, which we build": scored on, and the paper's own
        (
            "It scores 64.5 on the new LoomQA suite, which we build from 2,000 books.",
            {"LoomQA": ("Benchmark", "proposes")},
        ),
        ("We use ImageNet, which we augment with noise.", {"ImageNet": ("Dataset", "uses")}),
        # a data noun right before a name types it; "our ... corpus X" is the paper's own
        (
            "Trained on our synthetic corpus QS-Synth, the prover is evaluated on the benchmark FooEval.",
            {"QS-Synth": ("Dataset", "proposes"), "FooEval": ("Benchmark", "evaluates_on")},
        ),
        # a comparison ends at a new clause with its own subject
        (
            "Compared to StreamingLLM, it keeps its accuracy on Needle-in-a-Haystack.",
            {"Accuracy": ("Metric", "mentions"), "Needle in a Haystack": ("Benchmark", "evaluates_on")},
        ),
    ],
)
def test_data_nouns_and_made_data_type_and_relate_names(nlp, abstract, expected):
    found = {e.name: (e.type, e.relation) for e in nlp(f"A title\n\n{abstract}")._.kg_entities}
    assert {name: found.get(name) for name in expected} == expected


@pytest.mark.parametrize("written", ["recall@k", "Recall@k", "precision@K", "hits@k"])
def test_a_metric_at_a_cut_off_matches_with_either_case_of_k(nlp, written):
    doc = nlp(f"A title\n\nWe report {written} and MRR on the test split.")
    assert written in mention_forms(doc), mention_forms(doc)


def test_a_list_before_a_data_noun_is_found_and_typed_whole(nlp):
    # (names no catalogue knows: Instacart, Dunnhumby and TaFeng are entries now)
    doc = nlp("A title\n\nOn the Zorbmart, Quillhumby and TaZorb datasets, it improves NDCG@20 and MRR@20.")
    found = {e.name: e.type for e in doc._.kg_entities}
    assert {found.get(n) for n in ("Zorbmart", "Quillhumby", "TaZorb")} == {"Dataset"}
    # a metric at a cut-off is a variant of the catalogue's metric
    assert found.get("NDCG@20") == "Metric"
    assert found.get("MRR@20") == "Metric"
    # a known benchmark in such a list keeps its kind
    doc = nlp("A title\n\nWe test on the MMLU, GSM8K and FooQA datasets.")
    found = {e.name: e.type for e in doc._.kg_entities}
    assert (found["MMLU"], found["GSM8K"]) == ("Benchmark", "Benchmark")


@pytest.mark.parametrize(
    ("abstract", "name"),
    [
        # PSM: a time-series anomaly data set beside SMD and MSL, a matching method elsewhere
        ("Lumen improves F1 on SMD, MSL and PSM.", "PSM"),
        (
            "We estimate effects with propensity score matching (PSM) on census data.",
            "Propensity Score Matching",
        ),
    ],
)
def test_a_shared_acronym_is_read_by_its_field(nlp, abstract, name):
    names = {e.name for e in nlp(f"A title\n\n{abstract}")._.kg_entities}
    assert name in names


@pytest.mark.parametrize(
    ("abstract", "name", "proposed"),
    [
        # a known name the paper builds an instance or a variant of is used, not proposed
        ("We propose a novel GAN called CrystalGAN for crystals.", "Generative Adversarial Network", False),
        ("We introduce the 2-simplicial Transformer, an extension of it.", "Transformer", False),
        # (the variant itself, named by qualifying words before a known acronym, is the paper's)
        ("We propose top-k multiclass SVM as a direct method.", "top-k multiclass SVM", True),
        ("We develop a hierarchically coupled HMM for signals.", "hierarchically coupled HMM", True),
        ("We develop a hierarchically coupled HMM and test the HMM.", "Hidden Markov Model", False),
        ("We introduce contrastive learning to enhance reward models.", "Contrastive Learning", False),
        # ... but the known name itself, or the one a paper names, is proposed
        ("We propose the Wasserstein Auto-Encoder (WAE), a new algorithm.", "Wasserstein Autoencoder", True),
        (
            "We propose a normalization technique called spectral normalization to help.",
            "Spectral Normalization",
            True,
        ),
        (
            "A phenomenon we call weak-to-strong generalization appears.",
            "Weak-to-Strong Generalization",
            True,
        ),
        ("Using this dataset, we train a 7B LLM called Janus and test it.", "Janus", True),
        # a name the paper trains and says what it is, or writes as its own, is new unless known
        ("We pretrain Falconet, a family of open language models, on 3T tokens.", "Falconet", True),
        ("We train GPT-2, a 124M model, on OpenWebText.", "GPT-2", False),
        ("Fine-tuning on our ProsodyInstruct data closes the gap.", "ProsodyInstruct", True),
        (
            "Training with our length-debiased pairwise objective (LD-PO) raises accuracy.",
            "length-debiased pairwise objective",
            True,
        ),
        ("We compare our GPT-4 baseline with prior prompts.", "GPT-4", False),
        # a name derived is new; a known one derived is only used
        (
            "We unify them and derive a new sampler, Unified Posterior Sampling (UPS).",
            "Unified Posterior Sampling",
            True,
        ),
        ("We derive the evidence lower bound (ELBO) for this model.", "Evidence Lower Bound", False),
        ("We derive fixed-point quantization rules for all layers.", "Quantization", False),
        # "denoted as" names the paper's own thing, but not a known one
        ("We describe a retrieval agent, denoted as EntAgent, that routes queries.", "EntAgent", True),
        ("We maximise the evidence lower bound, denoted as ELBO.", "Evidence Lower Bound", False),
        # "the proposed X", "X (our method)", "X is a new ...", "referred to as X", "and pretrain X, a ..."
        ("Building upon DivideMix, the proposed NoiseGate learns a gate.", "NoiseGate", True),
        ("NoiseGate (our method) achieves 93.1% accuracy.", "NoiseGate", True),
        ("Zephyrine is a new mechanism that trains small models. Zephyrine wins.", "Zephyrine", True),
        ("The tasks are collectively referred to as CounterBench.", "CounterBench", True),
        ("This is commonly referred to as RLHF.", "Reinforcement Learning from Human Feedback", False),
        ("We extend Mamba-2 to DNA and pretrain Caduceus-L, a long-range model.", "Caduceus-L", True),
        ("We fine-tune Llama-2-7B on WildChat to obtain WildLlama, a chat model.", "WildLlama", True),
        ("We find leaks in MBPP and construct MBPP-Clean, a decontaminated variant.", "MBPP-Clean", True),
        # "named as X"; a name a proposal extends is only used ("the proposed DocNADE extension")
        ("The proposed DocNADE extension is named as ctx-DocNADEe.", "ctx-DocNADEe", True),
        ("The proposed DocNADE extension is named as ctx-DocNADEe.", "DocNADE", False),
        ("We propose a QH variant of Adam called QHAdam.", "QH", False),
    ],
)
def test_a_known_name_is_proposed_only_as_itself(nlp, abstract, name, proposed):
    found = {e.name: e.proposed for e in nlp(f"A title\n\n{abstract}")._.kg_entities}
    assert found[name] is proposed


def test_a_capitalised_word_before_a_metric_loss_or_optimizer_noun(nlp):
    text = "Losses\n\nWe report the Brindle metric and use the Halyard optimizer, not the Euclidean metric."
    found = {e.name: e.type for e in nlp(text)._.kg_entities}
    assert (found.get("Brindle"), found.get("Halyard")) == ("Metric", "Method")
    assert "Euclidean" not in found


def test_a_capitalised_word_with_a_variant_word_is_a_name(nlp):
    text = "Variants\n\nResults on Zembla and Quorra-Hard improve, and Kestrel-Lite wins a Min-Max game."
    found = {e.name for e in nlp(text)._.kg_entities}
    assert {"Zembla", "Quorra-Hard", "Kestrel-Lite"} <= found
    assert "Min-Max" not in found


def test_a_sentence_opening_on_the_papers_own_name(nlp):
    text = "Metrics\n\nLumen, our new metric, tracks ratings. Further, our model wins. Overall, a new era."
    found = {e.name: (e.type, e.proposed) for e in nlp(text)._.kg_entities}
    assert found["Lumen"] == ("Metric", True)
    assert not {"Further", "Overall"} & set(found)


def test_names_after_our_the_and_at_a_cut_off(nlp):
    text = (
        "Seabirds\n\nOur Cormorant model is trained with the Shearwater objective. It is measured "
        "in Tern@5 and Recall@50; mail goes to a@b.com."
    )
    found = {e.name: e.type for e in nlp(text)._.kg_entities}
    assert [found.get(n) for n in ("Cormorant", "Shearwater", "Tern@5")] == ["Model", "Method", "Metric"]
    assert found.get("Recall@50") == "Metric"  # a cut-off of the catalogue's Recall@K


def test_short_lower_case_names_with_a_number(nlp):
    text = (
        "s1: Simple Test-Time Scaling\n\nOur model, dubbed s1, uses budget forcing and the "
        "Sketch-of-Thought prompt. A variable called x1 grows."
    )
    entities = nlp(text)._.kg_entities
    found = {e.name: e.proposed for e in entities}
    # (the catalogue knows the s1 model, by the name of its release: the paper proposes it)
    assert [e.proposed for e in entities if "s1" in e.mentions] == [True]
    assert "Sketch-of-Thought" in found
    assert "x1" not in found


def test_what_the_papers_own_proposal_introduces_is_new_too(nlp):
    text = (
        "Orca: Learning to Reason\n\nWe present Orca, a 13B model. Orca introduces OrcaBench, a suite "
        "of 300 tasks. Orca also introduces LoRA adapters, and GPT-4 introduces GPT-Probe."
    )
    found = {e.name: e.proposed for e in nlp(text)._.kg_entities}
    assert found["OrcaBench"] is True
    assert found["Low-Rank Adaptation"] is False  # a known name
    assert found["GPT-Probe"] is False  # brought by another paper's model


def test_a_plain_word_of_a_title_case_title_needs_the_abstract(nlp):
    text = "Benchmarking Uncertainty in Weather Models\n\nWe rank GenCast on WeatherBench 2."
    assert "Weather" not in {e.name for e in nlp(text)._.kg_entities}
    text = "Forecasting the Weather\n\nWe train on the Weather and Traffic datasets."
    assert {"Weather", "Traffic"} <= {e.name for e in nlp(text)._.kg_entities}


def test_a_benchmark_trained_on_stays_used_beside_an_evaluation(nlp):
    text = "Routing\n\nWe train routers on Chatbot Arena preferences and evaluate them on MT-Bench."
    found = {e.name: e.relation for e in nlp(text)._.kg_entities}
    assert (found["Chatbot Arena"], found["MT-Bench"]) == ("uses", "evaluates_on")
    text = "Multitask\n\nWe evaluate our approach by fine-tuning BERT on the GLUE benchmark."
    assert {e.name: e.relation for e in nlp(text)._.kg_entities}["GLUE"] == "evaluates_on"


def test_data_before_the_verb_scores_is_trained_on_not_evaluated_on(nlp):
    text = "Rewards\n\nA reward model trained on HelpSteer2 scores the drafts. FooNet scores 84.3 on MMLU."
    found = {e.name: e.relation for e in nlp(text)._.kg_entities}
    assert found["HelpSteer2"] == "uses"
    assert found["MMLU"] == "evaluates_on"


def test_a_benchmark_named_after_a_model_is_no_variant_of_it(nlp):
    text = "Evals\n\nWe test LLaVA-1.5 on LLaVA-Bench and GPT-J on Codex-Eval, a coding suite."
    found = {e.name: (e.type, e.parent) for e in nlp(text)._.kg_entities}
    assert found["Codex-Eval"] == ("Benchmark", None)
    assert found["LLaVA-1.5"][1] == "LLaVA"


def test_a_variant_typed_by_its_shape_takes_its_familys_kind(nlp):
    text = (
        "Fennimore: A Corpus of Legal Arguments\n\nWe present Fennimore, a corpus of 14,300 arguments. "
        "We also release Fennimore-Small, a 1,000-argument subset, and train SMYRF-BERT on it."
    )
    found = {e.name: (e.type, e.parent) for e in nlp(text)._.kg_entities}
    assert found["Fennimore-Small"] == ("Dataset", "Fennimore")
    assert found["SMYRF-BERT"][0] == "Model"


def test_a_sized_variant_takes_its_familys_kind_not_the_data_size_shape(nlp):
    text = (
        "Zorbdoc: Small Document Models\n\nWe present Zorbdoc, a family of compact vision-language "
        "models. Zorbdoc-500M achieves 79.5 ANLS on DocVQA. We also build ZorbCrawl, a new dataset; "
        "ZorbCrawl-400M is its largest cut."
    )
    found = {e.name: (e.type, e.parent) for e in nlp(text)._.kg_entities}
    assert found["Zorbdoc-500M"] == ("Model", "Zorbdoc"), found
    assert found["ZorbCrawl-400M"] == ("Dataset", "ZorbCrawl"), found


@pytest.mark.parametrize(
    "abstract",
    [
        # scare quotes after "so-called" name nothing
        'We find our so-called "deep" networks are still shallow.',
        "The English-only model fails on Zorbish.",
        "Reward features in RLHF-Trained models differ.",
        # a citation key, a formula and a person with an initial name nothing
        "As in Maddison2016, we minimise argmin∈S; thanks to H. Adam for comments.",
        # software, a model hub id's owner, and a failure named after a god
        "We use RDKit and TSLib; Qwen/Qwen2.5-7B-Instruct loads; the Janus problem remains.",
        # a notation for molecules
        "We parse SMILES strings of 9,000 molecules.",
        # robots and arms are hardware, whatever their names look like, as is a name after its
        # robot's maker
        "On the Unitree H1 and G1 robots, our policy walks; a WidowX 250 arm picks.",
        "We retarget motions to the kinematics of a Unitree G1 and train on a model of the Unitree H1.",
        "Models learn to recall and reason; we recall that better in-context recall helps.",
        # a choice of the best few is no accuracy
        "We replace the top-1 routing of the experts with a learned router.",
        # words made of a letter and a word
        "Chest X-Ray report generation needs radiologist feedback on each X-Ray.",
        # the words of a backronym's expansion name nothing of their own
        "We propose ZEAL (Zoom, sEArch, and telL), an agent for large images.",
        # records, wards, weakness lists, files, platforms and agencies of application papers
        "We mine EHR notes from the ICU and TikTok posts; bugs map to CWE classes; USDA yields help.",
        # experts times a size, a climate scenario, a forecasting agency
        "Our 8x1.5B model beats baselines from ECMWF under the SSP2-4.5 scenario.",
        # a measure used to filter data is no score the paper reports
        "We apply perplexity filtering to the corpus and keep top-k gating.",
        # a person-and-machine pair, fields in pseudo-code, a proceedings series
        "A Human-AI loop labels keywords. The node Tc.left holds points. JMLR: W&CP volume 28.",
    ],
)
def test_modifiers_and_verbs_are_no_names_or_metrics(nlp, abstract):
    found = entities(nlp, "A title", abstract)
    unwanted = {"English-only", "RLHF-Trained", "Recall", "deep", "H1", "G1", "WidowX", "Maddison2016"}
    unwanted |= {
        "Adam",
        "RDKit",
        "TSLib",
        "Qwen",
        "Janus",
        "SMILES",
        "Top-1 Accuracy",
        "Perplexity",
    }
    unwanted |= {
        "Human-AI",
        "Tc.left",
        "W&CP",
        "X-Ray",
        "Zoom",
        "sEArch",
        "telL",
        "8x1.5B",
        "ECMWF",
        "SSP2-4.5",
    }
    unwanted |= {"EHR", "ICU", "TikTok", "CWE", "USDA"}
    assert not unwanted & set(found) and not any("∈" in name for name in found), found


def test_units_are_not_names_but_may_be_defined_as_short_forms(nlp):
    doc = nlp(
        "A title\n\nIt gains 1.2 dB, runs at 120 FPS on 16 kHz audio; above a few Hz, Hz rates vary."
        " Its best binder reaches 38 nM, the next 2 μM."
    )
    assert not mention_forms(doc) & {"dB", "kHz", "Hz", "nM", "μM"}
    # (frames per second is the measure a paper reports its speed in, like FLOPs its cost)
    assert {e.name: e.type for e in doc._.kg_entities}.get("frames per second") == "Metric"
    # a number glued to its unit is a quantity too
    doc = nlp("A title\n\nA 12.5Hz tokenizer at 16kHz sends 0.35MB in 100ms.")
    assert not mention_forms(doc) & {"12.5Hz", "16kHz", "0.35MB", "100ms"}, mention_forms(doc)
    doc = nlp("A title\n\nWe sample points with farthest point sampling (FPS). FPS is fast.")
    assert {"farthest point sampling", "FPS"} <= mention_forms(doc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # upper-case headings with a connector are no names, nor are their words
        ("4 ANALYSIS OF LAYER RESPONSES We prune VGG-16 layers.", ["VGG-16"]),
        ("SQUARE LOSS VS CROSS-ENTROPY IN CLASSIFICATION TASKS. We train BERT.", ["BERT"]),
        ("We release NATURAL INSTRUCTIONS and GPT-4 outputs.", ["NATURAL INSTRUCTIONS", "NATURAL", "GPT-4"]),
        # formulas and grant numbers are not names
        ("the cost grows as logN and logK, funded by LM009961-01 and IIS-1018922", []),
        # an English word shouted in capitals, written in lower case too, is a plain word
        ("The REFLECT mode copies: reflect padding keeps edges. MNIST, ImageNet.", ["MNIST", "ImageNet"]),
        # ... but a name whose lower-case form only stands in a URL is still a name
        ("We present PORTAL. Videos at https://example.org/projects/portal .", ["PORTAL"]),
        # the path and query of a web address are not names
        ("Videos: https://video.example.com/list?id=PLx9Qk2ZwY7 and www.example.org/GPT-9 too", []),
        # a Greek letter before a hyphenated name is a name; "ε-greedy" is a plain term and
        # "σ0", "σ²", "βI" are formulas
        ("Unlike τ-bench and α-CLIP, with ε-greedy, σ0, σ², βI and α = 0.5.", ["τ-bench", "α-CLIP"]),
        # the capitals of a complexity bound are variables
        ("It runs in time O (N 2 + SN log N) and O(KV), unlike GPT-4.", ["GPT-4"]),
        # a function word run into a name where a PDF lost the space is no name either
        ("tables fromWikipedia and two extensions toNTPs, unlike ByT5", ["ByT5"]),
        # nor is a word a lost space ran into a possessive
        ("abstractions like OpenAI’sGymand DeepMind'sControl, and ByT5", ["ByT5"]),
        # a name may open on a number (mixed case, five letters or more, or a 3D acronym), but
        # ordinals, units and rates may not
        # the letters of a symmetry group ("SE(3)", "SO(3)", "GF(2)") are no name
        ("An SE(3)-equivariant net over SO(3) and GF(2), unlike EGNN.", ["EGNN"]),
        # a lower-case word joined to a name is a modifier: "user-ChatGPT conversations"
        ("We log user-ChatGPT conversations and human-GPT4 chats with Vicuna-7B.", ["Vicuna-7B"]),
        (
            "On 2WikiMultihopQA, 3DMatch and 3DPW it came 2nd at 4KHz and 10TFLOPS with 20NewsGroups.",
            ["2WikiMultihopQA", "3DMatch", "3DPW", "20NewsGroups"],
        ),
    ],
)
def test_shaped_names_leave_out_headings_formulas_and_numbers(text, expected):
    assert [p.text for p in shaped_names(text)] == expected


@pytest.mark.parametrize(
    ("abstract", "name", "form"),
    [
        (
            "Models fail on out-of-distribution (OOD) generalization, and OOD data hurt them.",
            "out-of-distribution generalization",
            "out-of-distribution (OOD) generalization",
        ),
        (
            "We study part of speech (POS) tagging for many languages, where POS labels are sparse.",
            "part-of-speech tagging",
            "part of speech (POS) tagging",
        ),
    ],
)
def test_a_known_term_written_around_its_abbreviation_is_one_mention(nlp, abstract, name, form):
    doc = nlp(f"A title\n\n{abstract}")
    [entity] = [e for e in doc._.kg_entities if form in e.mentions]
    assert entity.name == name and entity.typed_by == "catalogue"
    # the abbreviation's other uses belong to the same entity, not to one of their own
    short = form.split("(")[1].split(")")[0]
    assert all(short not in e.mentions for e in doc._.kg_entities if e is not entity)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("efficient generalization in offline meta-RL.", ["offline meta-RL"]),
        ("bandits and linear MDP for the first time", ["linear MDP"]),
        (
            "Offline reinforcement learning and goal-conditioned RL",
            ["Offline reinforcement learning", "goal-conditioned RL"],
        ),
        # one setting word: the known term after it stays its own ("goal-conditioned RL")
        ("a model-free goal-conditioned RL agent", ["goal-conditioned RL"]),
        # a field, not a setting: deep RL; and a setting word alone names nothing
        ("deep RL and reinforcement learning in general, offline data", []),
    ],
)
def test_setting_terms(text, expected):
    from kg.nlp.discovery import setting_terms

    assert [p.text for p in setting_terms(text)] == expected


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # an author in a citation, even CamelCase, is a person
        ("A title\n\nCNNs (LeCun et al., 1998) work; LeCun (1998) agrees.", {"LeCun"}, {"CNNs"}),
        # venues, societies and software tools are named, but not ML entities
        (
            "A title\n\nOur PyTorch code for IEEE and PMLR runs on CUDA with ResNet.",
            {"PyTorch", "IEEE", "PMLR", "CUDA"},
            {"ResNet"},
        ),
        # an upper-case title is a heading; its names come back in the abstract
        (
            "ATTACK GRAPH CONVOLUTIONAL NETWORKS BY ADDING FAKE NODES\n\nWe attack GCNs with fake nodes.",
            {"ATTACK GRAPH CONVOLUTIONAL NETWORKS"},
            {"GCNs"},
        ),
        # an organisation's abbreviation is no entity; a catalogue benchmark named after its
        # meeting stays
        (
            "Padding in CNNs\n\nResults appeared at the International Conference on Image Processing "
            "(ICIP) and the Workshop on Machine Translation (WMT). ICIP papers use ResNet on WMT data.",
            {"ICIP", "International Conference on Image Processing", "Image Processing"},
            {"ResNet", "WMT"},
        ),
        # a university or institute named in another language is an organisation too
        (
            "A Spanish corpus\n\nWe thank researchers from the Universidad Nacional Autónoma de México "
            "(UNAM) and the Politecnico di Milano (POLIMI) who trained BERT.",
            {"Universidad Nacional Autónoma de México", "UNAM", "Politecnico di Milano", "POLIMI"},
            {"BERT"},
        ),
        # a curly possessive keeps a Title Case name whole
        (
            "Adapting annotation\n\nWe adapt from the People’s Daily corpus to the Penn Chinese Treebank.",
            {"Daily"},
            {"People’s Daily"},
        ),
        # a named conjecture is one name; Boolean operators and software acronyms are not names
        (
            "Length generalization\n\nWe introduce the RASP-Generalization Conjecture for Transformers, "
            "learn XOR functions, and write programs in a DSL with a GUI.",
            {"RASP-Generalization", "XOR", "DSL", "GUI"},
            {"RASP-Generalization Conjecture"},
        ),
        # words of science, medicine and business; a web address; a function word run into a
        # name; a long form takes whole hyphenated words
        (
            "Brain signals\n\nWe classify EEG, EMG and fMRI recordings in FP16 or INT16 and DNA reads, as "
            "the CEO asked (videos at https://example.org/v?list=PLk2Rt9Q), with tables fromWikipedia and "
            "a spike-and-slab Restricted Boltzmann Machine (ssRBM).",
            {
                "EEG",
                "FP16",
                "INT16",
                "EMG",
                "fMRI",
                "DNA",
                "CEO",
                "PLk2Rt9Q",
                "fromWikipedia",
                "slab Restricted Boltzmann Machine",
            },
            {"spike-and-slab Restricted Boltzmann Machine", "ssRBM"},
        ),
        # laboratory techniques of biology are no ML entities
        (
            "Cells\n\nWe analyze CRISPR screens, scRNA-seq data and ATAC-seq peaks with CellFormer.",
            {"CRISPR", "scRNA-seq", "scRNA", "ATAC-seq"},
            {"CellFormer"},
        ),
        # sensors record the data; they are neither data sets nor methods
        (
            "Driving\n\nWe fuse LiDAR point clouds, RGB-D frames and IMU readings with a new detector, "
            "FogFormer, and record MEG signals and RGBA masks.",
            {"LiDAR", "RGB-D", "IMU", "MEG", "RGBA"},
            {"FogFormer"},
        ),
        # accelerators, serving libraries and clouds are the tools, not the entities
        (
            "Serving\n\nWe fine-tune GPT-4o mini on 64 NVIDIA A100 GPUs, H100s and MI300X with DeepSpeed, "
            "serve it with vLLM on AWS and chain calls with LangChain over a FAISS index, as EleutherAI "
            "does.",
            {"NVIDIA A100", "A100", "H100s", "MI300X", "DeepSpeed", "AWS", "LangChain", "FAISS"}
            | {"EleutherAI"},
            {"GPT-4o mini", "vLLM"},  # a serving engine is a method, the libraries around it no names
        ),
        # ... and so are a kernel's hardware units, training frameworks, schedulers and review boards
        (
            "Kernels\n\nZorbAttention uses the Tensor Cores and TMA, trains with T5X on Kubernetes and "
            "Slurm, was approved by the IRB, beats RunwayML's Gen2 and fits one DGX in FP8 precision.",
            {"Tensor Cores", "TMA", "T5X", "Kubernetes", "Slurm", "IRB", "RunwayML", "DGX", "Precision"},
            {"ZorbAttention"},
        ),
        # a hyphenated name is not cut for a longer catalogue form of its end ("ImageNet dataset")
        (
            "Few-shot\n\nWe use the mini-ImageNet dataset and a non-autoregressive model.",
            {"ImageNet dataset", "autoregressive model"},
            {"mini-ImageNet"},
        ),
        # a word with a name's suffix, and a word an appositive says is a model, are names
        (
            "Suites\n\nMoreover, Gallant introduces Gallant-Bench, a suite of 300 tasks. "
            "We pretrain Ostrich, a family of open code models.",
            {"Moreover", "Self-Consistency"},
            {"Gallant-Bench", "Ostrich"},
        ),
        # sizes listed with a slash, and names written as a set in braces, are no names
        (
            "Sizes\n\nWe probe Llama 3.1 (8B/70B) and Qwen2.5-{7,14,32}B.",
            {"8B/70B", "Qwen2.5-{7,14,32}B", "Qwen2.5-{7,14,32}B."},
            {"Llama 3.1", "Qwen2.5"},
        ),
        # degrees of freedom are no names; a name a robot hand shares with an interatomic
        # potential counts only in a paper of that field
        (
            "Hands\n\nA 16-DoF Allegro hand and a 7-DOF arm are trained with PPO.",
            {"16-DoF", "7-DOF", "Allegro"},
            {"PPO"},
        ),
        ("Potentials\n\nWe compare Allegro with NequIP on MD17.", set(), {"Allegro", "NequIP", "MD17"}),
        (
            "Kernels\n\nOur kernels give 2x speedups for Llama-2-7B on NVIDIA, AMD and Intel GPUs.",
            {"NVIDIA", "AMD", "Intel"},
            {"Llama-2-7B"},
        ),
        # laws and diseases are no ML entities; a dataset named after a disease is
        (
            "Health\n\nUnder GDPR and HIPAA we study COVID-19 tweets and the COVID-19 Open Research "
            "Dataset (CORD-19).",
            {"GDPR", "HIPAA", "COVID-19"},
            {"CORD-19"},
        ),
        # an acronym from outside ML names nothing bare, but a paper may define it for its own method
        (
            "NAS\n\nWe propose Dynamic Neural Architecture (DNA), a search method. We also record "
            "electroencephalography (EEG) signals and CT scans; EEG is noisy.",
            {"EEG", "electroencephalography", "CT"},
            {"DNA", "Dynamic Neural Architecture"},
        ),
        # a laboratory is no entity; a paper's own acronym that a lab also uses still is
        (
            "Robots\n\nWork done at MIT CSAIL and HKUST. We propose Self-Adapting Improvement Loops (SAIL).",
            {"CSAIL", "HKUST"},
            {"SAIL", "Self-Adapting Improvement Loops"},
        ),
        # licences are no entities; "X split" names an evaluation set
        (
            "Charts\n\nWe release the ChartMimic-Hard split under CC-BY 4.0 and the code under GPLv3; "
            "SheetBench (CC BY-NC 4.0) follows.",
            {"CC-BY 4.0", "CC-BY", "GPLv3", "CC"},
            {"ChartMimic-Hard"},
        ),
        # a venue known by its short form; pieces of formulas with an open bracket
        (
            "Padding\n\nShown at Computer Vision and Pattern Recognition (CVPR). We count Dyck-(k, m) "
            "words and QRX):2 cases with GPT-4V(ision).",
            {"Computer Vision and Pattern Recognition", "CVPR", "Dyck-(k", "QRX):2"},
            {"GPT-4V(ision)"},
        ),
        # venues with their year, funders and agencies, complexity classes are no entities;
        # a venue named after its shared-task data still is
        (
            "Defences\n\nOur model won the NIPS 2017 competition with data from the NIH and NASA, "
            "although the problem is hard unless P = NP. We also test on CoNLL-2003.",
            {"NIPS 2017", "NIPS", "NIH", "NASA", "NP"},
            {"CoNLL-2003"},
        ),
        # a comparison is no part of a name; a class of models with a qualifier is no entity
        (
            "Grounding\n\nVideo large language models (Video-LLMs) miss events. We raise R@1 "
            "(IoU=0.5) on Charades-STA.",
            {"IoU=0.5", "Video-LLMs", "Video large language models"},
            {"IoU", "Charades-STA"},
        ),
        # a quantisation setting, a serving library and plural Gaussians are no entities
        (
            "Quant\n\nW4A4KV4 quantization of 3D Gaussians runs in SGLang with EAGLE-3 and CUTLASS kernels.",
            {"W4A4KV4", "Gaussians", "CUTLASS"},
            {"EAGLE-3", "SGLang"},
        ),
        # an adverb is no name, even where a cue stands after it; nor a word cut by a hyphen
        (
            "Saliency\n\nMaps fail. Surprisingly, a simple technique helps them, as the Surprisingly "
            "model shows for Natural- to Formal-language generation with TP-N2F.",
            {"Surprisingly", "Natural-", "Natural"},
            {"TP-N2F"},
        ),
        # formats, platforms, clouds, fields and formulas are named, but no ML entities
        (
            "Robustness\n\nWe test JPEG compression on Android and EC2 for XAI and a KG, with CO2 costs; "
            "the agent plays StarCraft.",
            {"JPEG", "Android", "EC2", "XAI", "KG", "CO2"},
            {"StarCraft"},
        ),
        # programming languages are named beside code models, but are no ML entities
        (
            "Code\n\nContinually pretraining StarCoder2-7B on Rust, Zig and Haskell improves MultiPL-E.",
            {"Rust", "Zig", "Haskell"},
            {"StarCoder2-7B", "MultiPL-E"},
        ),
        # robots an experiment runs on are hardware, not ML entities
        (
            "Embodiments\n\nFine-tuning OpenVLA on a Franka arm and testing on a UR5 and a WidowX fails.",
            {"Franka", "UR5", "WidowX"},
            {"OpenVLA"},
        ),
        # devices and graphics cards are no entities either
        (
            "Phones\n\nWe run Phi-3-mini on an iPhone 15 Pro and an iPad, and train on a GTX1080 and "
            "an RTX-3090.",
            {"iPhone 15 Pro", "iPhone", "iPad", "GTX1080", "RTX-3090"},
            {"Phi-3-mini"},
        ),
        # a split-to-split setting, a complexity class, a reversed divergence and a number format
        # are no names
        (
            "Splits\n\nWe test on CALVIN (ABC to D split), relate looped models to the class TC0, fix "
            "reverse-KL distillation and show that logarithmic precision suffices.",
            {"ABC", "TC0", "reverse-KL", "precision"},
            {"CALVIN"},
        ),
        # a Boolean operator, a platform's network, a resolution and a memory test are no names;
        # a shared task is named with its number; a typeset apostrophe, a CamelCase name in
        # capitals, "neural nets" and networks of an activation are matched whole
        (
            "Hashing\n\nWe take the Boolean AND operation over the Twitter network, trade temporal and "
            "frequency precision, study sequential recall, join SemEval-2019 Task 6, play the Iterated "
            "Prisoner’s Dilemma, test on ROTOWIRE and train Bayesian neural nets and deep ReLU networks.",
            {"AND", "Twitter network", "precision", "recall", "SemEval-2019", "ReLU"},
            {
                "SemEval-2019 Task 6",
                "Iterated Prisoner’s Dilemma",
                "ROTOWIRE",
                "Bayesian neural nets",
                "ReLU networks",
            },
        ),
        # a unit, a data repository, a maker's possessive and a count of kinds are no names
        (
            "Scores\n\nIt reaches an MAE of 0.032 eV/atom on data from PhysioNet and with Meta's Llama 2. "
            "We introduce two evaluation metrics, the detection score and the fuzzing score.",
            {"eV", "PhysioNet", "Meta's Llama 2", "Meta's Llama", "two evaluation metrics"},
            {"Llama 2", "MAE"},
        ),
        # languages are no names; a split setting after a benchmark leaves the benchmark whole;
        # a class count or a size letter glued to a known name makes a variant of it
        (
            "Splits\n\nWe label Kinyarwanda and chiShona text, test on the CALVIN ABC→D split, report "
            "mIoU on Pascal Context-459 and beat Grounding DINO-T.",
            {"Kinyarwanda", "chiShona", "CALVIN ABC", "ABC→D"},
            {"CALVIN", "Pascal Context-459", "Grounding DINO-T"},
        ),
        # a programming language and a memory's reach are no names; a size glued to a known
        # name makes a variant; a long form continued past its short form keeps its own form
        (
            "Guards\n\nIt gains across Java, TypeScript and Rust, trails on long-range recall, beats "
            "Llama Guard 3-8B, and shortens long chain-of-thought (CoT) reasoning.",
            {"TypeScript", "recall", "Llama Guard 3"},
            {"Llama Guard 3-8B", "chain-of-thought", "CoT"},
        ),
        # a weather centre, its variables and units, a chip maker and a split setting are no
        # names; a Meta-World suite is a benchmark of its own
        (
            "Weather\n\nIt beats the European Centre for Medium-Range Weather Forecasts (ECMWF) on Z500 "
            "at 500 hPa, runs on an ARM core, and wins on the CALVIN ABC-D split and Meta-World MT50.",
            {
                "European Centre for Medium-Range Weather Forecasts",
                "ECMWF",
                "Z500",
                "hPa",
                "ARM",
                "CALVIN ABC-D",
            },
            {"CALVIN", "Meta-World MT50"},
        ),
        # an acronym and a modifier suffix run together are no name
        (
            "Entailment\n\nWe pretrain on MNLIbased data with Nesterov's method.",
            {"MNLIbased"},
            {"Nesterov's method"},
        ),
        # Atari games are benchmarks; a property with its constant is no name
        (
            "Games\n\nOur agent plays Pong and Seaquest, and its generator is L-Lipschitz.",
            {"L-Lipschitz", "L"},
            {"Pong", "Seaquest"},
        ),
        # a mixed-case short form whose capitals spell its long form's initials
        (
            "Typing\n\nWe propose Heuristics Allied with Distant Supervision (HAnDS) to label data.",
            {"Heuristics Allied"},
            {"Heuristics Allied with Distant Supervision", "HAnDS"},
        ),
        # the halves of a word broken at a line's end, and an upper-case title after its colon,
        # are no names
        (
            "ZorbVec: DEEP CONTEXTUALIZED NEURAL TOPIC MODELS\n\nZorbVec beats ResNet-32 on CIFAR-10 "
            "(CI- FAR10), but not PPO- and GRPO-tuned ones.",
            {
                "CI",
                "CI-",
                "FAR10",
                "DEEP CONTEXTUALIZED NEURAL",
                "DEEP CONTEXTUALIZED NEURAL TOPIC MODELS",
                "PPO-",
            },
            {"ZorbVec", "CIFAR-10", "PPO", "GRPO"},
        ),
        # acronyms of a field nobody spells out, a maximum a posteriori MAP, a word run into a
        # stray capital, a bare evaluation workshop and an adjective's "prior" are no names;
        # terms headed by a person's name and a filter, a prior or a pyramid are
        (
            "Filters\n\nIt serves SLA and ESL research, uses MAP LP relaxations, Rao-Blackwellised particle "
            "filters, the Bloomier filter, Dirichlet priors, a Laplacian pyramid and a Gaussian prior in "
            "the regimeN of few samples (a regime of its own), and entered SemEval-2013, the 7th "
            "International Workshop on Semantic Evaluation.",
            {
                "SLA",
                "ESL",
                "MAP",
                "regimeN",
                "SemEval-2013",
                "International Workshop on Semantic Evaluation",
                "Gaussian prior",
            },
            {
                "Rao-Blackwellised particle filters",
                "Bloomier filter",
                "Dirichlet priors",
                "Laplacian pyramid",
            },
        ),
        # graphics cards and boards are no names; a size word glued to a known model, each year
        # of a yearly benchmark and a shared task's track are named whole
        (
            "Hardware\n\nIt runs on an NVIDIA L4 and a Jetson AGX Orin, improves over Chronos-Bolt-Base on "
            "TREC DL 2019 and TREC DL 2020, and reads the n2c2 2018 Track 2 corpus.",
            {"L4", "Jetson", "AGX", "Orin", "Chronos-Bolt", "n2c2 2018"},
            {"Chronos-Bolt-Base", "TREC DL 2019", "TREC DL 2020", "n2c2 2018 Track 2"},
        ),
        # plotting and probing libraries are no names, nor is a score after a benchmark a version
        # of it; a benchmark split, a data set's other names and an acronym its field settles are
        (
            "Tools\n\nWe render charts with Matplotlib and Vega-Lite, probe with TransformerLens, reach "
            "72.8 ANLS on InfographicVQA 72.8 ANLS and, on Emu Edit Test, beat ACDC at circuit discovery "
            "on the Enron email corpus.",
            {"Matplotlib", "Vega-Lite", "TransformerLens", "InfographicVQA 72.8"},
            {"InfographicVQA", "Emu Edit Test", "ACDC", "Enron email corpus"},
        ),
        # entity labels, licences (also one named after a model), organisations, tools and a
        # company's possessive are no names; a known model's part in a title is no new method
        (
            "Translation with Whisper Encoders\n\nWe propose a policy. Labels are PER, LOC, ORG and MISC. "
            "Code is under Apache-2.0, data under ODC-By and weights under the Llama 3.1 Community "
            "License; we train on LUMI with TRL and compare with Perplexity's Sonar.",
            {
                "Whisper Encoders",
                "PER",
                "LOC",
                "Apache-2.0",
                "ODC-By",
                "Llama 3.1",
                "LUMI",
                "TRL",
                "Perplexity",
            },
            set(),
        ),
        # statistical tests and an algorithm named for a person are names; a known optimiser's
        # "algorithm", a test split, complexity classes, a licence and libraries are not
        (
            "Tests\n\nWe assess with the Friedman test and a Nemenyi post-hoc test, sample with "
            "Gillespie's algorithm, train with the Adam algorithm, score the Pile test set, place SSMs in "
            "TC^0 below NC^1, and release BSD-3 code built on Stan, PyMC and BoTorch.",
            {"Adam algorithm", "Pile test", "TC^0", "NC^1", "BSD-3", "Stan", "PyMC", "BoTorch"},
            {"Friedman test", "Nemenyi post-hoc test", "Gillespie's algorithm", "Adam"},
        ),
        # a surname with an accent names a distance as one without does
        (
            "Distances\n\nWe propose the Brénnan distance and compare it with the Brennan divergence.",
            {"Brénnan"},
            {"Brénnan distance", "Brennan divergence"},
        ),
        # a phone's chip, video codecs and a university are no names; a matching named for its
        # country is the Hungarian algorithm
        (
            "Chips\n\nWe run on the Qualcomm Snapdragon 8 Gen 3, stream H.264 and AV1 video, and assign "
            "boxes with Hungarian matching at ETH.",
            {"Gen 3", "Snapdragon", "H.264", "AV1", "ETH"},
            {"Hungarian matching"},
        ),
        # Wikipedia as a corpus is data; a test named for a person in the possessive is a name
        (
            "Corpora\n\nWe mine Wikipedia and check gains with McNemar's test.",
            set(),
            {"Wikipedia", "McNemar's test"},
        ),
        # a curvature named for people, a kernel and a solver written with its order are names
        (
            "Curvature\n\nWe rewire by Ollivier-Ricci curvature, use the RBF kernel and sample with "
            "DPM-Solver++(2M) on CIFAR-10.",
            {"DPM"},
            {"Ollivier-Ricci curvature", "RBF kernel", "DPM-Solver++(2M)"},
        ),
        # "Monte Carlo" before another noun qualifies it; alone or in a known compound it is a name
        (
            "Sampling\n\nIt handles Monte-Carlo policy evaluation, is superior to Monte Carlo in speed, and "
            "uses Monte Carlo rollouts.",
            {"Monte-Carlo"},
            {"Monte Carlo", "Monte Carlo rollouts"},
        ),
        # a learned score's predictions are scores; a reasoning model's short name is settled by
        # its field; named data parts and scores; a benchmark library is no name
        (
            "Scores\n\nUTMOS predictions agree with it; like s1, we use budget forcing and DeepSeek-R1. "
            "On the PDBbind core set we report the Vina score, with FuxiCTR.",
            {"FuxiCTR", "PDBbind"},
            {"UTMOS", "s1", "PDBbind core set", "Vina score"},
        ),
        ("States\n\nThe states s1 and s2 of the chain differ.", {"s1"}, set()),
        # a Greek letter with a number is no counted variable: "π0 and π0-FAST" are two policies
        ("Policies\n\nIt beats π0 and π0-FAST.", set(), {"π0", "π0-FAST"}),
        # vision-language-action models are a class of models, like LLMs: no entity
        (
            "Robots\n\nVision-Language-Action Models (VLAs) map images to actions; we fine-tune a VLA.",
            {"Vision-Language-Action Models", "VLAs", "VLA"},
            set(),
        ),
        # "long" chain-of-thought is chain-of-thought, long
        (
            "Traces\n\nDistilling long chain-of-thought (CoT) traces is costly.",
            {"long chain-of-thought"},
            {"chain-of-thought", "CoT"},
        ),
        # a kind of a generic model class is no name; number formats, agent libraries, an agent
        # metric and a speech test set are
        (
            "Agents\n\nVideo large language models (Video LLMs) guess. We report pass^k on tau-bench and "
            "WER on the Seed-TTS test-en set, with NVFP4 weights and LangGraph.",
            {"Video large language models", "Video LLMs", "NVFP4", "LangGraph"},
            {"pass^k", "Seed-TTS test-en"},
        ),
        # a title's play on its acronym is no name; an acronym the catalogue knows from another
        # field is the paper's own name when its title gives it, and that field's where it settles
        (
            "IMPPRES: Learning IMPlicature and PRESupposition\n\nWe create IMPPRES. ETS's e-rater scores "
            "essays.",
            {"IMPlicature", "PRESupposition", "ETS"},
            {"IMPPRES"},
        ),
        ("ETS: Edit Models for Scoring\n\nWe describe ETS, which scores paraphrases.", set(), {"ETS"}),
        # ... but a name whose two capitals happen to be in another name's is a name
        (
            "Condensation\n\nExisting approaches, including GCond and SFGC, match gradients.",
            set(),
            {"GCond", "SFGC"},
        ),
        ("Sales\n\nWe forecast sales with ETS and ARIMA.", set(), {"ETS", "ARIMA"}),
        # a MAP with a value is the score
        ("Scores\n\nWe reach a MAP of 41.2 with Naive Bayes.", set(), {"MAP", "Naive Bayes"}),
    ],
)
def test_which_forms_are_names(nlp, text, absent, present):
    names = mention_forms(nlp(text))
    assert not names & absent and present <= names


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("In this paper, we propose “", "” (FWL), a method"),
        ('We propose "', '" for localization'),
        ("We call our new method the ", " (CFNet)."),
        ("we call it ", "."),
        ("we propose an effective and efficient ", " (DRH) approach"),
        ("We propose a new loss (NL), and introduce the ", " (LHPB) for planning."),
        ("We evaluate on ChartQA and our new ", " split."),
        ("The novel ", " (UORO) algorithm allows online learning of recurrent graphs."),
        ("The result is our method, ", " (GROOVE)."),
        ("Our proposed model, ", " (DVD-GAN), scales to longer videos."),
        ("We use Transformers for states and actions, naming the model ", "."),
        ("We refer to these subnetworks as ''", "'', found by pruning."),
        # a second proposing verb of the same subject, after a long first clause
        (
            "We improve noise sampling for rectified flow models by biasing it towards perceptually "
            "relevant scales, and present ",
            ", a transformer-based architecture.",
        ),
    ],
)
def test_quoted_and_named_introductions_are_proposals(before, after):
    from kg.nlp.cues import relation_from_context

    assert relation_from_context(before, after) == "proposes"


@pytest.mark.parametrize(
    ("abstract", "name"),
    [
        (
            'We propose "Active Zorb Localizer", a differentiable network that localizes.',
            "Active Zorb Localizer",
        ),
        (
            'In this paper, we propose "Imitative Zorb Models" to combine planning and imitation.',
            "Imitative Zorb Models",
        ),
    ],
)
def test_a_quoted_capitalised_name_after_we_propose_is_the_papers_own(nlp, abstract, name):
    found = entities(nlp, "A title", abstract)
    assert found[name].proposed, found


def test_scare_quotes_after_we_propose_name_nothing(nlp):
    found = entities(nlp, "A title", 'We propose a "plug-and-play" module for retrieval.')
    assert "plug-and-play" not in found, found


@pytest.mark.parametrize(
    ("abstract", "name"),
    [
        (
            "We introduce contextual explanation networks (CENs), a class of models.",
            "contextual explanation networks",
        ),
        (
            "We call these models Large Content and Behavior Models (LCBMs).",
            "Large Content and Behavior Models",
        ),
        ("We survey Large Multimodal Reasoning Models (LMRMs) and their limits.", None),
    ],
)
def test_a_plural_abbreviation_is_a_name_only_when_the_paper_introduces_it(nlp, abstract, name):
    names = {e.name for e in nlp(f"A title\n\n{abstract}")._.kg_entities}
    if name is None:
        assert not any("Reasoning Models" in n or n == "LMRMs" for n in names), names
    else:
        assert name in names


@pytest.mark.parametrize(
    ("abstract", "absent", "present"),
    [
        # the paper spells out a class the catalogue's entry of that acronym is not
        (
            "Protein language models (PLMs) such as ESM-2 learn structure. We probe PLMs.",
            "Permutation Language Modeling",
            "ESM-2",
        ),
        (
            "Gated Neural Networks (GNNs) such as LSTMs avoid vanishing gradients. GNNs gate.",
            "Graph Neural Network",
            None,
        ),
        # the same class written out with another first word is still the entry
        (
            "Deep Convolution Neural Networks (CNNs) see well. We prune CNNs.",
            None,
            "Convolutional Neural Network",
        ),
        ("Graph neural networks (GNNs) pass messages.", None, "Graph Neural Network"),
    ],
)
def test_a_class_spelled_out_keeps_only_the_entries_it_names(nlp, abstract, absent, present):
    names = {e.name for e in nlp(f"A title\n\n{abstract}")._.kg_entities}
    assert absent not in names
    if present:
        assert present in names


def test_a_verb_after_and_is_not_a_paired_adjective():
    from kg.nlp.cues import relation_from_context

    assert relation_from_context("We propose a method and compare ", " to it.") != "proposes"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We train with batch normalisation.", "Batch Normalization"),
        ("A survey of text summarisation.", "text summarization"),
        ("Results on language modelling.", "language modeling"),
        ("We add layer normalisation and weight normalisation.", "Weight Normalization"),
    ],
)
def test_british_and_american_spellings_find_one_entry(nlp, text, name):
    found = entities(nlp, "A title", text)
    assert name in found and found[name].catalogue_id is not None


def test_a_size_in_parameters_names_a_model_that_extends_the_papers_name(nlp):
    found = entities(
        nlp,
        "Verifiers",
        "We introduce Quorbit, a framework for verifiers. On our new benchmark, "
        "ProofMaze, and on the existing OlympiadBench, Quorbit-7B-Instruct halves the tokens. "
        "We release Quorbit-Corpus-3B, a dataset of 3B tokens.",
    )
    model = found["Quorbit-7B-Instruct"]
    assert (model.type, model.parent) == ("Model", "Quorbit")
    assert found["Quorbit-Corpus-3B"].type == "Dataset"  # the text calls it a dataset
    assert found["Quorbit"].parent is None


@pytest.mark.parametrize(
    ("text", "typed"),
    [
        # a list of three takes the type of its typed names, a shape-typed "-Net" included
        ("experiments on Zorbix, Quellon-10 and PictoNet, all image sets", "Benchmark"),
        # two names and a comma are no list
        ("On the existing OlympiadBench, Quorbit reduces the tokens.", "Method"),
        # a bracket holding two names is a list
        ("assistants (OlympiadBench, Quorbit) fail.", "Benchmark"),
        # "and" comes before a list's last item: the list ends there
        ("On OlympiadBench and MathVista, Quorbit reduces the tokens.", "Method"),
        # a sentence opening on what it measures, then its subjects with no comma after them
        ("On OlympiadBench, Quorbit and Quorbit-Lite reach 80% accuracy.", "Method"),
        # a last item named with its kind as the paper's own joins the list
        ("We test it on ERQA, Quorbit and our new suite Zorb-Pro, of 3,500 questions.", "Benchmark"),
    ],
)
def test_list_mates_in_the_pipeline(nlp, text, typed):
    found = entities(nlp, "A title", text)
    unknown = [e for name, e in found.items() if name.startswith(("Quellon", "PictoNet", "Quorbit"))]
    assert unknown and all(e.type == typed for e in unknown), found


@pytest.mark.parametrize(
    ("text", "name", "parent"),
    [
        (
            "we survey the rise of Agentic RAG pipelines for search.",
            "Agentic RAG",
            "Retrieval-Augmented Generation",
        ),
        ("we train with Downpour SGD on many machines.", "Downpour SGD", "Stochastic Gradient Descent"),
        # a sentence's first word, a generic acronym and a glued word qualify nothing
        ("Standard SGD is slow. We study Deep RL agents.", None, None),
        ("many ImageNet-trained CNNs fail.", None, None),
    ],
)
def test_capitalised_words_before_a_known_acronym_name_a_variant(nlp, text, name, parent):
    found = entities(nlp, "A title", text)
    if name is None:
        assert all(" " not in e.name or e.catalogue_id for e in found.values()), found
    else:
        assert found[name].parent == parent and found[name].type == "Method"


@pytest.mark.parametrize(
    ("text", "elided", "name"),
    [
        ("We score 32% on SWE-bench Verified and Lite.", "Lite", "SWE-bench Lite"),
        ("We fine-tune Llama 2 7B, 13B and 70B.", "70B", "LLaMA 2 70B"),
        ("We compare Claude 3 Opus and Sonnet.", "Sonnet", "Claude 3 Sonnet"),
        # a version and a variant word after the "and"
        ("Applied to Gemini 1.0 Pro and 1.5 Flash, it helps.", "1.5 Flash", "Gemini 1.5 Flash"),
        # a later year of a yearly benchmark
        ("We report pass@1 on AIME 2024 and 2025.", "2025", "AIME 2025"),
        ("We test on WMT 2014, 2016 and 2019 news sets.", "2019", "WMT19"),
        # variants listed after slashes
        ("Results on CIFAR-10/100 and SVHN.", "100", "CIFAR-100"),
        ("Results on CIFAR-10/100 and SVHN.", "CIFAR-10", "CIFAR-10"),
        ("We prune Resnet-18/34/50 on ImageNet.", "34", "ResNet-34"),
        ("We prune ResNet-50/101 on ImageNet.", "101", "ResNet-101"),
    ],
)
def test_a_variant_written_without_its_family_is_that_variant(nlp, text, elided, name):
    found = entities(nlp, "A title", text)
    assert name in found and elided in found[name].mentions
    assert not any("/" in entity.name for entity in found.values())


def test_a_slashed_list_stays_whole_unless_the_catalogue_knows_every_variant(nlp):
    found = entities(nlp, "A title", "We train Zorbnet-7/13 models on CIFAR-10/1000.")
    assert "CIFAR-10" not in found and "CIFAR-100" not in found


@pytest.mark.parametrize(
    "abstract",
    [
        "Training with our augmentation strategy, ZorbAug, halves the error rate.",
        "We add our consistency objective, ZorbCons, to the usual loss.",
    ],
)
def test_a_name_apposed_to_our_strategy_or_objective_is_proposed(nlp, abstract):
    found = entities(nlp, "A title", abstract)
    name = next(n for n in found if n.startswith("Zorb"))
    assert found[name].proposed and found[name].relation == "proposes", found[name]


def test_plain_phrases_that_spell_a_benchmark_are_not_it(nlp):
    found = entities(
        nlp, "A title", "We relabel the images with real labels and craft natural adversarial examples."
    )
    assert not {"ImageNet-ReaL", "ImageNet-A"} & set(found), found


def test_the_papers_long_form_settles_an_ambiguous_acronym_of_a_task(nlp):
    found = entities(
        nlp, "A title", "We study automatic post-editing (APE) of translations. Our APE model helps."
    )
    assert "automatic post-editing" in found and "Automatic Prompt Engineer" not in found, found


def test_what_is_used_lends_its_use_to_later_items_of_its_kind_only(nlp):
    # (the verb's reach ends before the last items)
    abstract = (
        "We use ZorbNet-50, QuuxNet-18, FooNet-101, BarNet-152, BazNet-200 and QuxNet-7 for "
        "image classification, semantic segmentation and depth estimation."
    )
    found = entities(nlp, "A title", abstract)
    assert {found[n].relation for n in ("ZorbNet-50", "BazNet-200", "QuxNet-7")} == {"uses"}, found
    assert found["depth estimation"].relation != "uses", found["depth estimation"]


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        # a sentence that opens on names, or a score reported on one, evaluates on them
        ("On ", ", AgentGuard blocks 94% of attacks.", "evaluates_on"),
        ("On AgentDojo and ", ", AgentGuard blocks 94% of attacks.", "evaluates_on"),
        ("On AgentDojo, InjecAgent, and ", ", it wins.", "evaluates_on"),
        ("It reaches 77.5 on ", " and 96.2 on MATH 500.", "evaluates_on"),
        # "On" inside a sentence is not the opening that lists benchmarks; what a paper builds on
        # it uses
        ("We comment on ", " and extend it.", "mentions"),
        ("We build on ", " and extend it.", "uses"),
        # what an appositive says the proposed thing is, is not proposed itself
        ("We introduce Mixtral 8x7B, a Sparse ", " (SMoE) language model.", "mentions"),
        ("We introduce ", ", a sparse model.", "proposes"),
        ("We propose a simple, effective ", " method.", "proposes"),
        # a sentence's subject "our method" proposes nothing named before it
        ("On ", ", our method also outperforms the baselines.", "evaluates_on"),
        ("Inspired by ", ", our approach relies on a low-rank update.", "mentions"),
        # a name made a modifier of what is proposed is only built on
        ("We propose ", "-style orthogonal adapters.", "uses"),
        ("We introduce a ", "-based planner.", "uses"),
        # "our <adjective> model, X" names the paper's own model; "our base model, X" is only used
        ("The error drops with our hybrid model, ", ".", "proposes"),
        ("We start from our base model, ", ", which is small.", "uses"),
        ("It keeps efficacy with our null-space constrained variant, ", ".", "proposes"),
        ("On VOC, our detector, ", ", wins.", "proposes"),
        ("Our experiments use the policy, ", ", as is.", "uses"),
        # an appositive "our model" after the name; "we ... to create X"
        ("For example, ", ", our model distilled from a 32B LLM, wins.", "proposes"),
        ("We assembled 106 medical data sets to create ", " for experiments.", "proposes"),
        ("We distil a teacher into a causal student, producing ", ", which streams.", "proposes"),
        ("We train it with PPO and call the resulting agent ", ".", "proposes"),
        # "known as" names the object of a sentence of proposing, but not a thing made before
        ("We propose a new approach, known as the ", " (iRDA), for sparsity.", "proposes"),
        ("It relies on a regulariser known as ", ".", "uses"),
        ("The resulted method, namely ", " (PC-NAS), wins.", "proposes"),
        ("This allows us to propose ", ", a graph model.", "proposes"),
        ("We also present a further proposed model of ", " (DualVAE).", "proposes"),
        ("In this paper we propose a straightforward alternative: ", ".", "proposes"),
        # "e.g." and "et al." end no clause
        ("Using ", ", our convolutional network model achieves 0.69%.", "uses"),
        ("On the benchmarks ", ", our method also outperforms them.", "mentions"),
        ("For cross-lingual ", ", our approach achieved better results.", "mentions"),
        ("We use a greedy scheme to construct the solution to ", " step by step.", "mentions"),
        ("We evaluate on several benchmarks, e.g., ", ".", "evaluates_on"),
        ("The method, trained on data, scores 84.3 on ", ".", "evaluates_on"),
        # what a comparison was measured on
        ("LongVU outperforms LLaVA and VideoChat2 on VideoMME, MLVU and ", ".", "evaluates_on"),
        ("It outperforms methods based on ", ".", "compares_with"),
        # "more than 10" is a quantity, not a comparison: the benchmarks are what it is measured on
        ("It does well on more than 10 benchmarks, including ", ".", "evaluates_on"),
        ("It is 3x faster than ", ".", "compares_with"),
        ("It scores 74.9 on MathVista, matching OpenAI's ", ".", "compares_with"),
        ("It learns by feature matching with ", ".", "uses"),
        # the maker named in an appositive is not what is introduced
        ("We introduce Magistral, ", "'s first reasoning model.", "mentions"),
        # every name a proposing verb takes
        ("We introduce Phi-4-Mini and ", ", two compact models.", "proposes"),
        ("Equipped with it, our model ", " exceeds o1-preview.", "proposes"),
        ("We release FooNet, BarNet and ", ".", "proposes"),
        ("We introduce a model and evaluate it on ", ".", "evaluates_on"),
        # ... but ", the X" after the proposing verb's object renames it
        ("We propose a novel deep architecture, the ", " (PMN), to mimic binding.", "proposes"),
        ("Its cost is 6.8x less than ", ".", "compares_with"),
        ("It effectively competes with cutting-edge efficient VLMs such as ", ".", "compares_with"),
        ("With 25 passes we match ", " on ImageNet.", "compares_with"),
        ("Our system greatly improves upon ", " on our dataset.", "compares_with"),
        # "Evaluations cover A, B and X": what they are run on (not "the span of X")
        ("Evaluations cover Atari, ProcGen and ", ".", "evaluates_on"),
        ("It outputs points in the span of ", ".", "mentions"),
        # a range of speedups reported on a name
        ("It speeds up decoding by 1.8-3.1x on ", ", and more.", "evaluates_on"),
        # "called X" names what others made when the clause says so; ours otherwise
        ("It rivals a recent second-order method called ", ".", "mentions"),
        ("Sequential learning, also called ", ", is hard.", "mentions"),
        ("Recently, a module called ", " (RN) has been introduced.", "mentions"),
        ("We also design a strong attack method called ", ".", "proposes"),
        # two words may stand between "we" and the verb
        ("We also publicly release ", " checkpoints.", "proposes"),
        ("We propose a hybrid model that combines a network named ", " and an LSTM.", "mentions"),
        ("This work proposes a method using sinusoidal functions, called ", ".", "proposes"),
        ("Experiments show that, when augmented with our approach, ", " achieve more.", "mentions"),
        ("We show that using our approach, ", " on clean samples improves.", "mentions"),
        # a score with its metric's short name, whatever the metric; not hardware
        ("It attains 49.8 Arg-C on ", ".", "evaluates_on"),
        ("We train with 8 GPUs on ", ".", "uses"),
        # after "on", only "new" or "novel" makes the name the paper's
        ("It beats Gemini Pro on ", ", a comprehensive evaluation over 11 benchmarks.", "evaluates_on"),
        ("This leads to ", ", a simple yet effective algorithm.", "proposes"),
        # "X, a new record" is a result, not a new thing
        ("It achieves 0.84% error on ", ", a new record for kernels.", "evaluates_on"),
        # "vs." between two scores ends no clause
        ("It improves MNLI by +0.9% (90.2% vs. 91.1%), on ", " by +2.3%.", "evaluates_on"),
        ("We leverage RASP (Weiss et al., 2021) and introduce the ", " conjecture.", "proposes"),
        # a decimal point ends no clause; a comparison after the data set is compared with
        ("It achieves a 3.2x walltime speedup on ", ".", "evaluates_on"),
        ("It achieves a 3.2x speedup on MT-Bench, exceeding ", " and Medusa.", "compares_with"),
        ("On two suites our model ranks first on average, ahead of ", ".", "compares_with"),
        # gains reported on data are measured on it; "improves on X" compares with X (a data
        # set so compared is what was measured: see relations_fit_for_kind), and
        # the field, the method built on or the data trained on are not evaluated on
        ("It improves the Pareto frontier on ", " and GSM8K.", "evaluates_on"),
        ("Our method improves on ", " by 3 points.", "compares_with"),
        ("We show improvements in the context of ", ".", "mentions"),
        ("We derive an improved propagation scheme based on ", ".", "uses"),
        ("It improves generative models trained on both the ", " and CIFAR datasets.", "uses"),
        ("Improved accuracies are obtained on many datasets, which indicates that ", " helps.", "mentions"),
        # "over" compares after a word of gain or preference, not as a preposition of place
        ("It shows large improvements over general RNN and ", " models.", "compares_with"),
        ("We see a 100x speedup on GPUs over Stan and 37x over ", ".", "compares_with"),
        ("It learns a prior distribution over ", " weights.", "mentions"),
        ("We prove that over-parameterized ", " generalise.", "mentions"),
        ("Nodes communicate over 10Gbps ", ".", "mentions"),
        # "rather than" sets an alternative aside; it compares no systems
        ("Models rely on frame captions rather than ", ".", "mentions"),
        # a sentence that opens on the paper's own training uses what it trains
        ("Fine-tuning XLM-R large and ", " on CoNLL-2003, we find gains.", "uses"),
        ("Training ", " is notoriously unstable.", "mentions"),
        # a comparison ends where a new clause starts (which here says where the method transfers)
        ("It gains 6.2 mIoU over GrowSP and PointDC, and the method transfers to ", ".", "evaluates_on"),
        ("It gains 6.2 mIoU over GrowSP and PointDC, and the method also handles ", ".", "mentions"),
        ("It performs better than DCGAN, WGAN, and the ", " as measured by FID.", "compares_with"),
        # "preferences over" is a noun's preposition, no comparison; the videos come from the name
        ("We collect 120K preferences over videos from ", " and Kling.", "uses"),
        ("Raters preferred its outputs over those of ", ".", "compares_with"),
        # "compare A, B with X" compares with X; "trails X" and "lags behind X" compare too
        ("We compare open models, including Qwen3 and GLM-4.5, with proprietary ", ".", "compares_with"),
        ("The best open model trails ", " by 9 points.", "compares_with"),
        ("The resulting model, ", ", reaches 87.2 on ChartQA.", "proposes"),
        # "we show on X", "validated on X": shown on data is evaluated on it
        ("We show on Colored MNIST, Waterbirds and ", " that JTT matches IRM.", "evaluates_on"),
        ("Our model is validated on the Criteo and ", " datasets.", "evaluates_on"),
        ("We show that models work on ", " as well.", "mentions"),
        # "the resulting X" followed by a comma or its short form is the paper's own
        ("The resulting ", ", pre-trained on Kinetics-400, wins.", "proposes"),
        ("The resulting ", " significantly improve the results.", "mentions"),
        # "our <words> reranker, X" names the paper's own reranker, like "our model, X"
        ("Our best model family, ", ", outperforms all open models.", "proposes"),
        ("It sets a new state of the art for self-supervised models on ", " segmentation.", "evaluates_on"),
        ("With GPT-4 and our distilled 7B reranker, ", ", we improve nDCG.", "proposes"),
        # "we provide X, a <kind>": the appositive says what the paper gives
        ("Finally, we provide ", " (gCOG), a configurable benchmark with splits.", "proposes"),
        ("We provide ", " with more context.", "mentions"),
        # a second verb of "we" far into a long clause still proposes
        (
            "Specifically, we leverage RASP (Weiss et al., 2021) -- a programming language designed for "
            "the computational model of a Transformer -- and introduce the ",
            " conjecture.",
            "proposes",
        ),
        # the object of "we train" or "we fine-tune" is used; the end of a name is no score
        ("We fine-tune ", " on SST-2.", "uses"),
        ("We first train ", " and a GRU.", "uses"),
        ("We train ResNet-50 on ", ".", "uses"),
        ("Our quantized ResNet-50 on ", " achieves 76.6% top-1 accuracy.", "evaluates_on"),
        # a metric named right before "on" reports a score on what follows
        ("It reaches 62.1 F1 on ", " and 85% accuracy.", "evaluates_on"),
        # (not "MAP" the metric: what the paper studies MAP inference on is used)
        ("We study MAP inference on ", ".", "uses"),
        # a share of a benchmark's problems solved is a score on it; a share of data is not
        ("The agent resolves 58.3% of ", " issues.", "evaluates_on"),
        ("We train on 10% of ", ".", "uses"),
        # "matches X on Y" measures on Y; "matches" as a noun compares nothing
        ("At 8B, our model matches LLaMA 3 8B on ", " and beats it.", "evaluates_on"),
        ("On head-to-head matches of no-limit ", ", our agent wins.", "mentions"),
        # "beating X" compares; what a model is trained on is used, even after "Experiments"
        ("Cantor reaches 25.9 BLEU, beating ", " at equal latency.", "compares_with"),
        ("Experiments training GPT-2 on OpenWebText and ResNet-18 on ", " agree with the theory.", "uses"),
        ("Models trained on ImageNet reach 80% on ", ".", "evaluates_on"),
        ("It outperforms adversarial training methods on ", ".", "evaluates_on"),
        # "X, whose ..." ends the object of "present" (what it combines is used, not proposed); "a
        # new <kind> set, X" gives the paper's own
        ("We present Prism-VL, whose tokenizer combines a ", " semantic encoder.", "uses"),
        ("We test on RewardBench and a new out-of-distribution set, ", ".", "proposes"),
        # ", the first <words>" describes the proposed thing; ", the X (XX)" names it
        ("We introduce OpenMixup, the first ", " augmentation codebase.", "mentions"),
        ("We propose a novel Bayesian optimization algorithm, the ", " method.", "proposes"),
        # the items of a kind measured across ("across eight tasks, including X") are measured on,
        # in the paper's own result only
        (
            "It costs 1.2 points across eight tasks from the harness, including ",
            " and HellaSwag.",
            "evaluates_on",
        ),
        ("DNNs had great success on NLP tasks such as ", " and translation.", "mentions"),
        ("We train on datasets such as ", ".", "uses"),
        # a list headed by "benchmarks" after "on" is measured on
        ("We estimate treatment effects on the ", " and Jobs benchmarks.", "evaluates_on"),
        ("We train on the ", " and Jobs benchmarks.", "uses"),
        # a result carried over to data is measured on it
        ("It transfers to ", " and LiveCodeBench.", "evaluates_on"),
        ("The policy generalizes well to unseen ", " tasks.", "evaluates_on"),
        ("Knowledge is transferred from ", " to BERT.", "mentions"),
        # "we open-source the environment, X" gives the paper's own
        ("We open-source the environment, ", ", with 12,000 tasks.", "proposes"),
        # a name trained and described, or written as the paper's own with its kind or short form
        ("We train ", ", a family of tabular transformers from 10M to 1B parameters.", "proposes"),
        ("We train ", " on 4 GPUs for a day.", "uses"),
        ("Fine-tuning on our ", " data closes the gap.", "proposes"),
        ("Training with our ", " (LD-BT) raises accuracy.", "proposes"),
        ("In our ", " experiments, accuracy rises.", "mentions"),
        # a list that opens "On ..." is measured on, up to the comma that ends it; the names
        # after "On X, " are the subject, and "our monitor" after it is no appositive
        ("On FEMNIST, ", " and a federated split of CIFAR-100, it improves accuracy.", "evaluates_on"),
        ("On ImageNet, FooNet and ", " reach 80%.", "mentions"),
        ("On AgentDojo and ", ", our monitor blocks attacks.", "evaluates_on"),
        # a comparison does not run past a clause of its own, nor is "exceedingly" a comparison
        ("Compared to centralized backdoors, we show that DBA is more stealthy against ", ".", "mentions"),
        ("We compare our sampler to existing methods such as ", " on several examples.", "compares_with"),
        ("GANs perform exceedingly well on tasks such as ", ".", "mentions"),
        # a count of tasks drawn from a suite is measured on, unless trained on
        ("We test encoders for behavior cloning on 12 tasks from ", " and Franka Kitchen.", "evaluates_on"),
        ("We train on 40 tasks from ", ".", "uses"),
        # what an evaluation is set against is compared with
        ("It was benchmarked against random survival forests and ", ".", "compares_with"),
        # a list that opens a sentence ends at its comma, past a decimal point in a name
        ("On MT-Bench, ", " and GSM8K with LLaMA-3.1-70B-Instruct, TreeDraft is faster.", "evaluates_on"),
        # the object of "evaluate" is evaluated on (a model or method so named is only used)
        ("We re-evaluate 29 ", " tasks across three model families.", "evaluates_on"),
        # the data a model is trained with: "robot data from X"
        ("Trained on 6,000 hours of teleoperated robot data from ", " and BridgeData V2, it plans.", "uses"),
        # a margin over what follows: "14 points above X"
        ("It reaches 60.8% top-1 accuracy, 14 points above ", " and RDED.", "compares_with"),
        # a clause that opens mid-sentence on the data, then its result
        ("It is 50 times faster, and on ", " it improves SSIM over 3DGS.", "evaluates_on"),
        ("It is fast; on the ", " split our model reaches 41 mIoU.", "evaluates_on"),
        ("It is fast, while on ", ", the gains vanish.", "evaluates_on"),
        # (not a clause of results: what it relies on is used)
        ("It relies on parsing, and on ", " for the rest.", "uses"),
        ("On HealthBench and our newly collected ", ", it agrees with graders.", "proposes"),
        ("We open-source MiMo-VL-7B-SFT and ", ", two vision-language models.", "proposes"),
        ("Using DPOP, we create and open-source Smaug-34B and ", ", two models.", "proposes"),
        # a colon glued to the object's last word
        ("On top of it, we introduce an advanced long-thinking variant: ", ".", "proposes"),
        ("We present results on two benchmarks: ", " and GSM8K.", "evaluates_on"),
        ("We present results on two benchmarks: MMLU and ", ".", "evaluates_on"),
        # a known thing the paper works with, named by "called"; a part of the paper's own is new
        ("We estimate it with the algorithm called ", " (ZINE). Results improve.", "mentions"),
        ("We propose a framework with a module called ", ". It works.", "proposes"),
        # what a proposal is based on, written with a space ("-based" was read already)
        ("We propose an ", " algorithm based context preserving architecture.", "uses"),
        ("We propose ", " based on attention.", "proposes"),
        # each name of a list after a kind of the paper's own, four words or fewer before it
        ("We propose two new conditional GAN architectures: ZorbGAN and ", ". Both train fast.", "proposes"),
        ("We have constructed two datasets: ", " for SFT and another for RL.", "proposes"),
        ("This shows in performance, as evidenced by benchmarks such as ", " and GSM8K.", "evaluates_on"),
        # a count of a benchmark's problems solved
        ("Our flagship model solves 86 problems on ", " at pass@184.", "evaluates_on"),
        ("We implement ", ", a testbed for domain generalization.", "proposes"),
        ("We combine the best design choices into a recipe, ", ", and scale it.", "proposes"),
        # an article after "called" is no part of the name
        ("This paper adds a novel motion tokenizer called the ", ".", "proposes"),
        ("It rivals a recent method called the ", ".", "mentions"),
        # the second of two names so given
        ("We produce finetuned variants called BLOOMZ and ", ".", "proposes"),
        ("It rivals recent methods called K-FAC and ", ".", "mentions"),
        # "a trained probe": the participle describes the probe, which is not trained on what follows
        ("We compare entropy and a trained probe on ", ", WebArena and SWE-bench.", "evaluates_on"),
        ("We release a novel dataset of annotated videos, ", " (PVD), with code.", "proposes"),
        ("It is pretrained on 1.2M chest X-rays from ", ", CheXpert and NIH ChestX-ray14.", "uses"),
        ("Evaluations on the hard information seeking benchmarks, ", " and X, show gains.", "evaluates_on"),
        ("We implement our method in ", ", a deep learning library.", "mentions"),
        # every name of a bracket after what the paper introduces, not after a comparison
        ("We also introduce new datasets (FineMath, Stack-Edu, and ", ") for math.", "proposes"),
        ("We introduce Foo that beats baselines (FineMath, Stack-Edu, and ", ").", "compares_with"),
        ("It depends on ", " and on the data.", "mentions"),
        # building on something uses it; building something makes it
        ("We build upon the ", " implementation by Lotter (2016).", "uses"),
        ("We build a new model, ", ", for speech.", "proposes"),
        # two verbs of one object: the first one proposes it
        ("We propose and evaluate ", " on three tasks.", "proposes"),
        ("We design and analyze a new stochastic algorithm, ", ", which is fast.", "proposes"),
        ("We present and compare ", " and ResNet.", "mentions"),
        ("We train and evaluate ", " on three tasks.", "evaluates_on"),
        # a name given with words between "refer to" and "as"
        ("We refer to this method as ", ", a kind of Mixup.", "proposes"),
        ("The proposed architecture, the ", " (GTrXL), surpasses LSTMs.", "proposes"),
        # a defined name with its short form
        ("We define ", " (UMixUp), a superset of MixUp.", "proposes"),
        ("We define the loss with ", " (KL).", "uses"),
    ],
)
def test_relation_read_from_the_sentence(before, after, expected):
    from kg.nlp.cues import relation_from_context

    assert relation_from_context(before, after) == expected


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # a value next to an ambiguous acronym makes it the metric
        ("The MAE drops from 0.31 to 0.22 on our molecules.", "Mean Absolute Error"),
        ("Our potential reaches a lower MAE than NequIP.", "Mean Absolute Error"),
        ("It reaches an MAE of 0.5 eV.", "Mean Absolute Error"),
        # no value, no field: the acronym stays unsettled
        ("Our potential matches the MAE of NequIP without help.", None),
    ],
)
def test_a_measured_ambiguous_acronym_is_the_metric(nlp, abstract, expected):
    doc = nlp("Molecules\n\n" + abstract)
    [mae] = [e for e in doc._.kg_entities if "MAE" in e.mentions]
    assert (mae.name if mae.catalogue_id else None) == expected


@pytest.mark.parametrize(
    ("name", "parent"),
    [
        ("Qwen2-7B-Instruct", "Qwen2"),
        ("MATH-Hard", "MATH"),
        # an upper-case name is a stem only as written: Math-Shepherd is no MATH variant
        ("Math-Shepherd", None),
        ("Gsm8k-Plus", None),
    ],
)
def test_find_parent_respects_the_case_of_short_names(name, parent):
    from kg.nlp.assemble import find_parent
    from kg.nlp.catalogue import Catalogue, CatalogueEntry

    entries = [("Qwen2", "Model"), ("MATH", "Benchmark"), ("GSM8K", "Benchmark")]
    catalogue = Catalogue.from_entries(CatalogueEntry(name, type_) for name, type_ in entries)
    found = find_parent(name, catalogue)
    assert (found.name if found else None) == parent


@pytest.mark.parametrize(
    ("name", "parent"),
    [
        # a short method or metric acronym joined to another name is no version of it
        ("DIN-SQL", None),
        ("KL-CPD", None),
        ("MMD-GAN", None),
        ("GNN-FiLM", None),
        ("LSH Softmax", None),
        # sizes, versions, variant words and two-letter tags still make versions
        ("GAN-XL", "Generative Adversarial Network"),
        ("GNN-Large", "Graph Neural Network"),
        ("MMD-2", "Maximum Mean Discrepancy"),
        # data and models named with a word after them are versions ("COCO-Stuff", "OPT-IML")
        ("COCO-Stuff", "COCO"),
        ("OPT-IML", "OPT"),
    ],
)
def test_find_parent_keeps_joined_acronyms_apart(name, parent):
    from kg.nlp.assemble import find_parent
    from kg.nlp.catalogue import Catalogue, CatalogueEntry

    entries = [
        CatalogueEntry("Deep Interest Network", "Method", aliases=("DIN",)),
        CatalogueEntry("Kullback-Leibler Divergence", "Metric", aliases=("KL",)),
        CatalogueEntry("Maximum Mean Discrepancy", "Metric", aliases=("MMD",)),
        CatalogueEntry("Graph Neural Network", "Method", aliases=("GNN",)),
        CatalogueEntry("Locality-Sensitive Hashing", "Method", aliases=("LSH",)),
        CatalogueEntry("Generative Adversarial Network", "Method", aliases=("GAN",)),
        CatalogueEntry("COCO", "Dataset"),
        CatalogueEntry("OPT", "Model"),
    ]
    found = find_parent(name, Catalogue.from_entries(entries))
    assert (found.name if found else None) == parent


def test_sizes_and_at_signs_keep_names_apart(nlp):
    # "OPT-1.3B" and "OPT-13B", "R@1" and DeepSeek's "R1": no fold of the forms may join them
    doc = nlp("Sizes\n\nWe compare OPT-1.3B with OPT-13B. DeepSeek-R1 reaches R@1 of 40 while R1 is slow.")
    groups = {e.name: set(e.mentions) for e in doc._.kg_entities}
    assert groups["OPT-1.3B"] == {"OPT-1.3B"} and groups["OPT-13B"] == {"OPT-13B"}
    assert "R@1" not in groups["DeepSeek-R1"]


def test_a_later_version_is_its_own_entity_and_a_variant_of_its_family():
    from kg.nlp.catalogue import load_catalogue

    catalogue = load_catalogue()
    for version, family in [("EAGLE-3", "EAGLE"), ("Tacotron 2", "Tacotron"), ("CoTracker3", "CoTracker")]:
        entry = catalogue.get(version)
        assert entry is not None and entry.parent == family
        assert version not in catalogue.get(family).aliases


def test_a_version_glued_to_a_name_of_the_paper_makes_a_variant():
    from kg.nlp.assemble import link_paper_variants

    def entity(name):
        return ExtractedEntity(name, "Method", [name], [])

    out = link_paper_variants([entity("LongRoPE"), entity("LongRoPE2"), entity("FooNet50"), entity("BarNet")])
    assert [(x.name, x.parent) for x in out] == [
        ("LongRoPE", None),
        ("LongRoPE2", "LongRoPE"),
        ("FooNet50", None),  # no FooNet in the paper
        ("BarNet", None),
    ]


@pytest.mark.parametrize(
    ("abstract", "names"),
    [
        # what the paper sets its result against, capitalised plain words included
        ("We report gains over Wren, a widely used augmentation scheme.", {"Wren"}),
        ("Our method outperforms Wren and Tansy on CIFAR-10.", {"Wren", "Tansy"}),
        ("It is faster than Quillon.", {"Quillon"}),
        # the subject of a result, even at a sentence's start
        ("Quillon outperforms GPT-4o on MMLU.", {"Quillon", "GPT-4o"}),
        # a two-word name opening on a generic word, in a list beside a name-shaped one
        ("We compare against AIDE and Data Interpreter, two agent frameworks.", {"AIDE", "Data Interpreter"}),
    ],
)
def test_plain_words_compared_with_are_names(nlp, abstract, names):
    assert names <= set(entities(nlp, "A title", abstract))


@pytest.mark.parametrize(
    "abstract",
    [
        "We measure it rather than Tansy alone.",
        "Distillation achieves more; distillation is cheap.",
        "Performance reaches a plateau after 1,000 tasks.",
        # an author the abstract cites is a person where it stands alone too
        "We modify a tagger (Clark, 2003) and are always better than the Clark average results.",
        # the first word of a longer name ("Tansy 3D Gaussians") is not taken alone
        "It improves PSNR over GS-IR and Tansy 3D Gaussians.",
    ],
)
def test_comparisons_do_not_make_names_of_plain_words(nlp, abstract):
    found = entities(nlp, "A title", abstract)
    assert not {"Tansy", "Distillation", "Clark", "Performance"} & set(found), found


@pytest.mark.parametrize(
    ("abstract", "name"),
    [
        ("We fine-tune Qwen2.5-VL-7B on our captions, obtaining Zorblens-7B, which wins.", "Zorblens-7B"),
        ("We train on Zorbcap-200K, a synthetic caption corpus we release.", "Zorbcap-200K"),
        # what a large model is distilled or compressed into is the paper's own
        ("We distil Whisper large-v3 into ZorbWhisper, a 39M-parameter model.", "ZorbWhisper"),
        ("We compress a 7B reasoning model into Zorblet-1B using pruning.", "Zorblet-1B"),
    ],
)
def test_what_the_paper_obtains_or_releases_is_proposed(nlp, abstract, name):
    found = entities(nlp, "A title", abstract)
    assert found[name].proposed, found


def test_a_known_plain_word_the_paper_gives_to_its_own_new_kind_of_thing(nlp):
    # the catalogue's Sparrow is a dialogue model; this paper's is a decoding strategy
    found = entities(
        nlp,
        "Sparrow: Token-Efficient Reasoning via Budget Prediction",
        "We present Sparrow, a training-free decoding strategy that stops generation early.",
    )
    assert found["Sparrow"].proposed and found["Sparrow"].type == "Method"
    assert found["Sparrow"].catalogue_id is None


@pytest.mark.parametrize(
    "abstract",
    [
        "Linear attention lags on recall-intensive tasks.",
        "Benchmarks rely on synthetic recall tasks.",
        "Fine-tuning reshapes factual recall in language models.",
        # a number format, a statistic, advice, a level of detail
        "We estimate a sparse precision matrix in low precision floating point.",
        "We close with practical recommendations at a fine level of specificity.",
    ],
)
def test_a_metric_word_in_another_sense_is_no_metric(nlp, abstract):
    found = entities(nlp, "A title", abstract)
    assert not {"Recall", "Precision", "recommendation", "Specificity"} & set(found), found


@pytest.mark.parametrize(
    ("abstract", "name", "type_", "relation"),
    [
        # an appositive that counts what it holds names a data set
        ("We also release Zorbtrace, 4,200 agent trajectories with causes.", "Zorbtrace", "Dataset", None),
        ("We introduce Zorbbind, a set of 6,000 synthetic image-caption pairs.", "Zorbbind", "Dataset", None),
        # "on X with an AUROC of 0.91": an unknown name a result is measured on
        ("It predicts effects on ClinVox with an AUROC of 0.91.", "ClinVox", "Dataset", "evaluates_on"),
        # "the 3D turbulence data of X" (and "..., our model reduces" is no appositive of X)
        ("On the turbulence data of ZorbTD, our model reduces the error.", "ZorbTD", "Dataset", None),
        # an enumerated list of the paper's contributions proposes each described item
        ("Our contributions: (1) ZorbZip, a method; (2) ZorbLoss, a loss.", "ZorbLoss", None, "proposes"),
        ("We propose (i) ZorbZip, a coarsening method, and (ii) ZorbBench.", "ZorbZip", None, "proposes"),
        ("We evaluate on (1) ZorbQA, a math benchmark, and (2) ZorbMC.", "ZorbQA", None, "evaluates_on"),
        # "Fine-tuning A on B yields X, which ..." makes X; "yields X gains" names nothing new
        ("Tuning Wren-7B on our data yields ZorbAgent-7B, which wins.", "ZorbAgent-7B", None, "proposes"),
        ("Training on GSM8K yields ZorbNet gains.", "ZorbNet", None, "mentions"),
        # an appositive types a version of a known name: "CoT-pass@k, a metric" (pass@k's kin)
        ("We introduce CoT-pass@k, a metric that checks the reasoning.", "CoT-pass@k", "Metric", "proposes"),
        # ... but "a model" says no more than its parent architecture does
        ("We propose Deep Zorb U-Net, a U-Net structured model.", "Deep Zorb U-Net", "Method", None),
        # a known benchmark whose score a sentence moves by a number is evaluated on
        ("It improves MMMU, MMBench and Video-MME by 1.2 to 2.4 points.", "MMBench", None, "evaluates_on"),
        # "and then propose X": a second verb of the paper's own sentence
        ("We first build a model, and then propose ZorbRL to unlock it.", "ZorbRL", None, "proposes"),
        # a catalogue acronym the paper gives to a new thing of another kind is the paper's
        ("We propose two methods: RACE, a reference-based framework.", "RACE", "Method", "proposes"),
        # "with a VBench drop of only 0.3%": a change in a benchmark's score by a number
        ("It runs 2x faster with a VBench drop of only 0.3%.", "VBench", None, "evaluates_on"),
        # "the A and B environments" are measured in, like "the A and B benchmarks"
        ("In the ZorbWorld and TEACh environments, it fails less.", "ZorbWorld", None, "evaluates_on"),
        # the second of two names after a colon, the first described, is proposed too
        ("We propose two metrics: ZorbA, a graded score, and ZorbB, which sums.", "ZorbB", None, "proposes"),
        # results set against the paper's own: a signed difference "over X", a "whereas" clause,
        # a score "for X" beside the paper's (not a gain the paper's method gives X)
        ("We propose ZorbTTS. It reaches a CMOS of +0.32 over MaskGCT.", "MaskGCT", None, "compares_with"),
        (
            "We propose ZorbKV. ZorbKV keeps 97% accuracy, whereas SnapKV retains 84%.",
            "SnapKV",
            None,
            "compares_with",
        ),
        (
            "We propose ZorbTTS. Similarity rises from 54% for VALL-E 2 to 81% for ZorbTTS.",
            "VALL-E 2",
            None,
            "compares_with",
        ),
        (
            "We propose ZorbAct. ZorbAct improves accuracy by 0.9% for ResNet-50 and 0.6% for ViT-B.",
            "ResNet-50",
            None,
            "uses",
        ),
        # a citation in the paper's own sentence credits only what it follows; the proposal named
        # by its kind ("The model ...") is the paper's own work too
        (
            "We train ZorbA and ZorbB, each with PPO (Schulman et al., 2017).",
            "Proximal Policy Optimization",
            None,
            "uses",
        ),
        ("PPO (Schulman et al., 2017) is popular.", "Proximal Policy Optimization", None, "mentions"),
        (
            "We propose ZorbDet. The model couples a ConvNeXt-L backbone with a decoder.",
            "ConvNeXt-L",
            None,
            "uses",
        ),
        # what the paper follows, combines, pairs with, or has its data made by is used (not "the
        # following forms")
        ("Its router follows the DeepSeekMoE design.", "DeepSeekMoE", None, "uses"),
        ("Training data combines WildGuardMix and BeaverTails.", "BeaverTails", None, "uses"),
        ("Traces generated by Gemini 2.5 Pro teach the student.", "Gemini 2.5 Pro", None, "uses"),
        # "a novel" as a book is no proposal
        ("It is hard to answer from Wikipedia, a novel, or the Web.", "Wikipedia", None, "mentions"),
        # existing work the paper itself evaluates is used; existing work it only describes is not
        ("We also evaluate existing strategies, namely ZorbA and ZorbB.", "ZorbA", None, "uses"),
        ("Existing strategies, namely ZorbA and ZorbB, fail on our data.", "ZorbA", None, "mentions"),
        # the paper's proposal as "it", doing something: its benchmarks are evaluated on
        (
            "We propose ZorbGround. It transfers to grounding on RefCOCO and RefCOCO+.",
            "RefCOCO",
            None,
            "evaluates_on",
        ),
        ("We propose ZorbGround. It is known that RefCOCO is hard.", "RefCOCO", None, "mentions"),
        # an item of three words in a list that opens a sentence
        (
            "On MS MARCO Document, TREC DL 2019 and ZorbDocs, it wins.",
            "TREC DL 2019",
            None,
            "evaluates_on",
        ),
        # the model a paper starts from is used: "fine-tuned from X", "Starting from X", "Building upon X"
        ("Our model is fine-tuned from Wren-32B with RL.", "Wren-32B", None, "uses"),
        ("Starting from Wren-7B, we apply GRPO.", "Wren-7B", None, "uses"),
        ("Building upon ZorbSeg and GLaMM, we add memory.", "ZorbSeg", None, "uses"),
        ("It is obtained by fine-tuning Wren-7B on captions.", "Wren-7B", None, "uses"),
        # "followed by X (XS), our new RL algorithm." ends its sentence: ours, after "by" too
        ("It is followed by Zorbic Sampling (ZS), our new RL method.", "Zorbic Sampling", None, "proposes"),
        # a participle of giving before a described name: "Presenting X, a probing toolkit, ..."
        ("Presenting ZorbScope, a probing toolkit, we analyse heads.", "ZorbScope", "Method", "proposes"),
        ("Distillation yields ZorbTrace, a toolkit for tracing.", "ZorbTrace", "Method", "proposes"),
        # a version of a Greek-lettered name is a name of its own
        ("We propose π0-Zorb, a smaller policy, and compare it with π0.", "π0-Zorb", "Model", "proposes"),
        # a quoted name right after its naming is the paper's, in any case
        ("Our loss, dubbed 'focal-zorb', helps.", "focal-zorb", None, "proposes"),
        ("Our method, “Masked Zorb Voting”, pools features.", "Masked Zorb Voting", None, "proposes"),
        ("We term it “sparse zorb” and test it.", "sparse zorb", None, "proposes"),
        # "using a new dataset named X" names the paper's own data
        ("We test using a new dataset named ZorbAware with questions.", "ZorbAware", "Dataset", "proposes"),
        # two people's names joined by an en dash are the catalogue's pair
        ("We fit Bradley–Terry and Plackett–Luce objectives.", "Plackett-Luce Model", "Method", None),
        # "lowers the rate on X", a measure named right before "on" (with its short form), and "a
        # GenEval score of 0.78" report results on the data
        ("It lowers the harm rate on StrongREJECT and XSTest.", "XSTest", None, "evaluates_on"),
        ("We also report character error rate (CER) on AISHELL-1.", "AISHELL-1", None, "evaluates_on"),
        ("It achieves a GenEval score of 0.78.", "GenEval", None, "evaluates_on"),
        # what a release covers is not released (the paper's own work is on it)
        ("We release ZorbNLU, covering sentiment analysis.", "sentiment analysis", None, "evaluates_on"),
        # every listed artefact of the paper's own kinds, brackets between, and after a colon
        ("We present two compact rerankers, ZorbA (7B) and ZorbB (220M).", "ZorbB", None, "proposes"),
        ("We contribute two tools: ZorbNet, a retriever, and ZorbSet, a set.", "ZorbSet", None, "proposes"),
        # "which we refer to as X", "(hereafter X)"
        ("Our agent, which we refer to as Orion-Zorb, plans.", "Orion-Zorb", None, "proposes"),
        ("We train a model (hereafter Draco-Zorb) on reactions.", "Draco-Zorb", None, "proposes"),
        # classic proposals: a described object with its name in brackets, "we call the model with
        # ... X", "a new type of ... for ..., X (XX)", ", namely X"
        ("We introduce a novel hybrid convolutional and recurrent network (ZNet).", "ZNet", None, "proposes"),
        (
            "We call the full model with composable parts Zorbic Action Predictor (ZAP).",
            "Zorbic Action Predictor",
            None,
            "proposes",
        ),
        (
            "We propose a new type of prior for CNNs, zorbic weight prior (ZWP), here.",
            "zorbic weight prior",
            None,
            "proposes",
        ),
        (
            "We propose a simple architecture to augment reward, namely Zorbic Network (ZN).",
            "Zorbic Network",
            None,
            "proposes",
        ),
        # ... but not a task in brackets after "for": "an approach for adaptive text-to-speech (TTS)"
        ("We present an approach for adaptive text-to-speech (TTS).", "text-to-speech", None, "evaluates_on"),
        # an appositive counting what the data hold, after "comprising" or with a "k"
        ("We release ZorbEval-3D, comprising 9,800 questions.", "ZorbEval-3D", "Dataset", "proposes"),
        ("We also release ZorbTraj, 120k annotated trajectories.", "ZorbTraj", "Dataset", "proposes"),
        # "Unlike A, B does ...": A is compared with, B is the sentence's subject
        ("Unlike ZorbPO, GRPO drops the critic.", "ZorbPO", None, "compares_with"),
        ("Unlike PPO, ZorbPO drops the critic.", "ZorbPO", None, "mentions"),
        # what a sentence on the paper's training makes is a model
        ("Tuning Wren-7B on data yields Zorb-Forge-LM, which wins.", "Zorb-Forge-LM", "Model", "proposes"),
        # contributions one by one: "First, X, a dataset of ...", not "First, BERT is fine-tuned"
        ("We make two. First, ZorbTrace-1M, a dataset of traces.", "ZorbTrace-1M", None, "proposes"),
        # "we define the X (XX) metric": the paper's own measure; "we define accuracy as" is not (it
        # is only used)
        ("We define the Zorbic Robustness Gap (ZRG) metric.", "Zorbic Robustness Gap", "Metric", "proposes"),
        ("We define accuracy as the share of hits.", "Accuracy", None, "uses"),
        # a language pair between a name and its data noun
        ("We test on the ZORB Mandarin-English corpus.", "ZORB", "Dataset", None),
        # "non-IID splits of X" are splits of a data set
        ("It saves 72% on non-IID splits of ZorbInstruct.", "ZorbInstruct", "Dataset", None),
        # a size after a known data set's name is a model trained on it
        ("It improves by 8.6 over SWE-Gym-32B on SWE-bench Verified.", "SWE-Gym-32B", "Model", None),
        # a sized version of a known architecture is a trained model, not the architecture
        ("We compare Mamba-2.8B-Zorb with Pythia-2.8B.", "Mamba-2.8B-Zorb", "Model", None),
        # a result moved "from A to B" on a benchmark
        ("It lifts the success rate on WebArena from 14.9% to 22%.", "WebArena", "Benchmark", "evaluates_on"),
        # what the paper calls its new set of questions is a benchmark
        (
            "Across TriviaQA and a new set of post-cutoff questions we call Zorbfacts, it fails.",
            "Zorbfacts",
            "Benchmark",
            "proposes",
        ),
        # "Our optimizer, X, ...": the paper's own, found by the appositive
        ("Our optimizer, Kestrel-Opt, matches tuned AdamW on 83 tasks.", "Kestrel-Opt", "Method", "proposes"),
        ("Our sampler, Zorbneg, draws negatives by exposure.", "Zorbneg", "Method", "proposes"),
        # "the resulting <kind>, X Y, ...": the paper's own, a Title Case name too
        (
            "The resulting simple, yet general algorithm, Gravel Distillation, brings gains.",
            "Gravel Distillation",
            "Method",
            "proposes",
        ),
        # "a 7B language model, i.e., X", "the 671B X", "this new setting of X"
        ("We probe a 7B language model (LLM), i.e., ZorbMoE, in pretraining.", "ZorbMoE", "Model", None),
        ("It is trained on data generated by the 671B Zorb1 model family.", "Zorb1", "Model", None),
        ("Few study this new setting of zorbic learning (ZL).", "zorbic learning", "Task", None),
        # "X strict accuracy", "41% of tasks on X": a result measured on X
        ("Training improves ZorbEval strict accuracy by 6 points.", "ZorbEval", "Benchmark", "evaluates_on"),
        ("The students solve 41% of tasks on ZorbBench retail.", "ZorbBench", "Benchmark", "evaluates_on"),
        # "measured by X" names a metric; "on X (-2.1 EM)" gives a result on X
        ("It is measured by zorbic variance lost (ZVL).", "zorbic variance lost", "Metric", None),
        ("Retrieval hurts on single-hop ZorbQA (-2.1 EM).", "ZorbQA", "Benchmark", "evaluates_on"),
        # a result between the training and the name: "pretraining loses 6.8 points on X"
        (
            "Naive continual pretraining loses 6.8 points on ZorbEval.",
            "ZorbEval",
            "Benchmark",
            "evaluates_on",
        ),
        # "action chunking" is the technique ACT is built on, not text chunking
        (
            "Delta actions with action chunking improve success.",
            "action chunking",
            "Method",
            None,
        ),
        ("We collect ZorbJudge, 5,600 review comments from 120 repositories.", "ZorbJudge", "Dataset", None),
        # "we release the ... preferences as X": the paper's own data set
        ("We release the translated preferences as Zorbsafe.", "Zorbsafe", "Dataset", "proposes"),
        # "..., which we release as X": the paper's own data, right after "release"
        ("Tuned on this data, which we release as ZorbDialog, it wins.", "ZorbDialog", "Dataset", "proposes"),
        # "our counter-hint data, X, ..." is the paper's own data; "we re-run A on X" evaluates on X
        ("Training with our counter-hint data, ZorbGuard, halves it.", "ZorbGuard", "Dataset", "proposes"),
        ("We re-run debate protocols with GPT-4o on ZorbQA.", "ZorbQA", "Benchmark", "evaluates_on"),
        # "X, 1,500 prompts that ..." counts what a data set holds; "Our attacker, X, ..." is ours
        ("We propose ZorbIF, 1,500 prompts that each combine constraints.", "ZorbIF", "Dataset", "proposes"),
        ("Our attacker, Zorb-Gen, bypasses the filter.", "Zorb-Gen", "Method", "proposes"),
        # "reduces object hallucination on X" measures on X, also after "requires no training and"
        ("It needs no training and reduces hallucination on ZorbBench.", "ZorbBench", None, "evaluates_on"),
        # "X, a generative retriever for conversational QA" is a model, whatever its "-QA" says
        ("We present ZorbQA, a generative retriever for conversational QA.", "ZorbQA", "Model", "proposes"),
        # "we pretrain X on ...": what the paper trains is a model, whatever its "-100M" says
        ("We pretrain scZorb-100M on 33 million cells.", "scZorb-100M", "Model", None),
        # "beats standard fine-tuning on X": a method named by its training, measured on X
        ("It also beats standard fine-tuning on ZorbBench.", "ZorbBench", None, "evaluates_on"),
        # "images from X" uses X; not a name further on ("questions from a database, X models")
        ("Agents play a game over images from ZorbShapes.", "ZorbShapes", None, "uses"),
        ("To answer questions from a database, ZorbNet models fail.", "ZorbNet", None, "mentions"),
        # "we assemble X, more than 2,700 question-answer pairs": the paper's own data
        ("We assemble ZorbChem, more than 2,700 question-answer pairs.", "ZorbChem", "Dataset", "proposes"),
        # "generalize well to standard benchmarks such as X": evaluated on X
        ("They generalize well to common benchmarks like ZorbSpeech.", "ZorbSpeech", None, "evaluates_on"),
        # "reduces the error by 30% over A and B" compares with them
        ("It reduces the relative error by 30% over Wren-2 and ZorbONet.", "ZorbONet", None, "compares_with"),
        # "we adapt X to ..." uses X
        ("We adapt diffusion forcing to train long video models.", "Diffusion Forcing", "Method", "uses"),
        # "... and call the collection X": the paper names what it made, of the kind it says
        ("We render pairs and call the collection ZorbCharts.", "ZorbCharts", "Dataset", "proposes"),
        ("We call this model the Zorbic Engine, and show it learns.", "Zorbic Engine", "Model", "proposes"),
        # a list before "splits" is a list of benchmarks
        ("It beats Wren on the ZorbQA and ZorbLF splits.", "ZorbQA", "Benchmark", "evaluates_on"),
        # "competitive with A on X", "on par with A": compared with A, measured on X
        ("It is competitive with Wren-2 on ZorbBench.", "Wren-2", "Method", "compares_with"),
        ("It is competitive with Wren-2 on ZorbBench.", "ZorbBench", "Benchmark", "evaluates_on"),
        ("It performs on par with Wren-2 models.", "Wren-2", "Model", "compares_with"),
        # "gains on X remain", "without replay X drops by 7 points": results on X
        ("Replay helps, and gains on ZorbBench remain.", "ZorbBench", "Benchmark", "evaluates_on"),
        ("Without replay, ZorbBench drops by 7 points.", "ZorbBench", "Benchmark", "evaluates_on"),
        # a lower-case phrase the paper beats is no model: its head, a known method, types it
        ("It beats zorbic prompt tuning (ZPT).", "zorbic prompt tuning", "Method", None),
        # what a suite the paper builds is made from is used
        ("We build a robustness suite from ZorbEmo and CREMA-D with noise.", "ZorbEmo", None, "uses"),
        # "a new metric, X", "our new on-device benchmark, X" (a hyphen after "on" is no preposition)
        ("We measure it with a new metric, ZorbRate.", "ZorbRate", "Metric", "proposes"),
        (
            "It wins on IFEval and our new on-device benchmark, ZorbTasks, of requests.",
            "ZorbTasks",
            None,
            "proposes",
        ),
        # "a family of 0.5B to 3B parameter models" is a model family
        ("We present Zorblet, a family of 0.5B to 3B parameter models.", "Zorblet", "Model", "proposes"),
        # ... as is a family of acronyms of models, beside the data set named after it; a family
        # of platforms is none
        (
            "We introduce Zorbeye, a family of multimodal PRMs, with Zorbeye-400K, a dataset of labels.",
            "Zorbeye",
            "Model",
            "proposes",
        ),
        ("We introduce Zorbplat, a family of open platforms for agents.", "Zorbplat", "Method", "proposes"),
        # "a 2.1x speedup on X": a result measured on X
        ("On Llama-3-8B it gives a 2.1x speedup on ZorbBench.", "ZorbBench", "Benchmark", "evaluates_on"),
        # "we compare A and B on X": what the comparison is run on
        ("We compare Wrenet and Tansy-2 on ZorbBench.", "ZorbBench", "Benchmark", "evaluates_on"),
        # a suite is a benchmark, and "on A and on X" evaluates on X too
        (
            "We evaluate it on MTEB and on ZorbLoc, a long-document retrieval suite.",
            "ZorbLoc",
            "Benchmark",
            "evaluates_on",
        ),
        # a kind named before a clause of its own introduces no list after it
        (
            "On the AutoML Benchmark, it beats tuned trees such as ZorbBoost and LightGBM.",
            "ZorbBoost",
            "Method",
            "compares_with",
        ),
        # "two benchmarks, i.e., A and X": every name of the kind introduced; "a dataset, which we call X"
        (
            "We introduce two benchmarks, i.e., ZorbCon and ZorbEval, for tests.",
            "ZorbEval",
            "Benchmark",
            "proposes",
        ),
        (
            "We introduce such a dataset, which we call Zorb Wikidata Questions.",
            "Zorb Wikidata Questions",
            "Dataset",
            None,
        ),
        # ... but a capitalised kind noun ends a name: "the Zorb Space Model, which we call X" is no model
        ("We learn the Zorb Space Model, which we call Zorbic Words (ZW).", "Zorbic Words", "Method", None),
        # "a new framework for X, Name": the framework the paper names
        (
            "We introduce a new framework for model inference, Zorb of Thoughts (ZoT).",
            "Zorb of Thoughts",
            None,
            "proposes",
        ),
        # a capitalised suite named is a benchmark
        (
            "We release a protocol, the Zorbic Home Generalization Suite, with held-out homes.",
            "Zorbic Home Generalization Suite",
            "Benchmark",
            None,
        ),
        # a type hierarchy or an ontology named is data
        ("We label spans with the ZorbTypes type hierarchy.", "ZorbTypes", "Dataset", None),
        # shared tasks are benchmarks, named with their number
        ("We take part in SemEval-2019 Task 11 on affect.", "SemEval-2019 Task 11", "Benchmark", None),
        ("Our system for the CoNLL-2008 shared task wins.", "CoNLL-2008", "Benchmark", None),
        # the item after "and" ends a kind list: the sentence's subject after it is no item
        ("On benchmarks such as ZorbQA and ZorbVQA, Wrenet-2 beats Tansy.", "Wrenet-2", "Method", None),
        # "improving on X by 7.5 points": a benchmark in a comparison is what was measured
        ("RTO beats PPO, improving on ZorbEval by 7.5 points.", "ZorbEval", None, "evaluates_on"),
        # a kind set beside a name after a preposition types it
        ("We probe it using a controlled biography dataset, zorbS, and find gaps.", "zorbS", "Dataset", None),
        # "we verify our claims on X": evaluated on X
        ("We verify our claims on the Zorb-EXP and CSL datasets.", "Zorb-EXP", None, "evaluates_on"),
        # a known name that ends a longer capitalised name is used by the new one
        (
            "We propose Video-level 4D Convolutional Neural Networks, namely V4D.",
            "Convolutional Neural Network",
            None,
            "uses",
        ),
        ("We propose 2 adversarial training scenarios to test models.", "Adversarial Training", None, "uses"),
        # (a task qualifying a method noun is only mentioned)
        ("Our new text-to-image representation method helps.", "text-to-image generation", None, "mentions"),
        # a known model distilled into is the student, not a new model
        ("We distil Qwen2.5-72B-Instruct into Llama-3.2-3B.", "LLaMA 3.2 3B", "Model", "uses"),
        # the subject after an opening comparison is not compared with what it is compared to
        ("We study robots. Compared to OpenVLA and Octo, Zorbic achieves more.", "Zorbic", None, "proposes"),
        ("We study it. Compared to OpenVLA and Octo, Zorbic achieves more.", "Octo", None, "compares_with"),
        # the benchmarks a result is given on, by example (data sets may be trained on)
        ("It leads in coding and math benchmarks, including ZorbEval.", "ZorbEval", None, "evaluates_on"),
        # "we ... by introducing X": the paper's own
        ("We challenge this notion by introducing Zorbic, a diffusion model.", "Zorbic", "Model", "proposes"),
        # a generic acronym spelled out as something else is a name of the paper's
        ("Rho employs Zorbic Language Modeling (SLM) on tokens.", "Zorbic Language Modeling", None, None),
        # the unit of a score ("by 7.6 mAP") and the name after it are no list
        ("It gains on Zorbs-5K by 7.6 mAP and Zorbs-2K by 17.1 mIoU.", "Zorbs-2K", "Dataset", "evaluates_on"),
        # "a new instruction set" is data; an "agent-based pipeline" is a pipeline, not an agent
        ("We also construct ZorbIns, a new instruction set of papers.", "ZorbIns", "Dataset", "proposes"),
        (
            "We introduce ZorbWrite, an agent-based pipeline for long outputs.",
            "ZorbWrite",
            "Method",
            "proposes",
        ),
        # "as well as X" after "we release" is no naming; "and propose X" keeps the paper's subject
        ("We release weights that beat Wren-2 as well as ZorbLM.", "ZorbLM", None, "compares_with"),
        ("We cast it as search and propose Zorb-of-Step Search.", "Zorb-of-Step Search", None, "proposes"),
        # a second name after a first one defined by its short form
        (
            "We propose Zorbic Tuning (ZT) and Wrenic image Representation (WiR).",
            "Wrenic image Representation",
            None,
            "proposes",
        ),
        # what the paper trains and calls a verifier is its own trained model
        ("We train ZorbVerify-14B, a generative verifier of proofs.", "ZorbVerify-14B", "Model", "proposes"),
        # the paper's own thing named after "our proposed <kind>,"
        ("It adds our proposed strategy, ZorbSpan, to the sampler.", "ZorbSpan", None, "proposes"),
        # a later artefact of the sentence that introduces the paper's own, and a new name
        # the text defines at once
        (
            "We introduce ZorbGap, a metric, and the ZorbFaith-1K dataset of summaries.",
            "ZorbFaith-1K",
            None,
            "proposes",
        ),
        (
            "We track quality with a new Zorbic Index Delta (ZID) that compares revisions.",
            "Zorbic Index Delta",
            None,
            "proposes",
        ),
        # the name after the colon of the paper's sentence of proposal, and a new task's name
        (
            "We propose a simple method for transfer: Zorb-Tuning. It adapts nets.",
            "Zorb-Tuning",
            None,
            "proposes",
        ),
        (
            "We define a new task, Zorbic-Captions, where captions follow a persona.",
            "Zorbic-Captions",
            None,
            "proposes",
        ),
        # a name the paper cites was made before it, whatever the verb
        ("We present ZorbGram (Smith and Eisner, 2006) for translation.", "ZorbGram", None, "mentions"),
        # an unknown model named with its size that the paper trains is its own, beside other
        # artefacts too (a known one it trains is only used)
        (
            "We build ZorbForge. We then train Zorbprover-7B on it, from Qwen2.5-7B.",
            "Zorbprover-7B",
            "Model",
            "proposes",
        ),
        ("We build ZorbForge. We then fine-tune Qwen2.5-7B on it.", "Qwen2.5-7B", "Model", "uses"),
        # a variant of a size the paper makes is its own too, and a named test split is a benchmark
        (
            "We present Zorvid. Zorvid-7B wins, and the tuned Zorvid-7B-Instruct is preferred.",
            "Zorvid-7B-Instruct",
            None,
            "proposes",
        ),
        (
            "We also release a harder test split, ZorbMoments-Hard.",
            "ZorbMoments-Hard",
            "Benchmark",
            "proposes",
        ),
        # the resulting <kind> of two words, a kind introduced after "and introduce a", and a known
        # method's parts put into a model
        (
            "We distil it. The resulting six-layer student, ShadowZorb, runs fast.",
            "ShadowZorb",
            None,
            "proposes",
        ),
        (
            "We build a corpus and introduce a dialect-aware score, FaroZ1, for it.",
            "FaroZ1",
            "Metric",
            "proposes",
        ),
        ("We introduce LoRA adapters into the cross-attention blocks.", "Low-Rank Adaptation", None, "uses"),
        # what the paper curates is data, and the baseline it trains its own
        ("We curate ZiaZorb from 4,800 spreadsheets of sales.", "ZiaZorb", "Dataset", "proposes"),
        ("We train ZeoZorb, an encoder-decoder baseline, on it.", "ZeoZorb", "Method", "proposes"),
        # "benchmark" as a verb names no kind of its list
        ("We benchmark nine detectors, including ZorbDetect and DetectGPT.", "DetectGPT", "Method", None),
        # a size in parameters after "is a" makes a model
        ("Our student, ZorbGecko-M3, is a 560M encoder for retrieval.", "ZorbGecko-M3", "Model", None),
        # the name a counted indefinite kind is given, and a measure written "X score above"
        (
            "We curate a 2,400-example dataset, ZorbHarm, of persuasive prompts.",
            "ZorbHarm",
            "Dataset",
            "proposes",
        ),
        ("Designs with a zcTM score above 0.8 are kept.", "zcTM", "Metric", None),
        # "we develop a <kind> ..., the X,": the paper's own, named after its description
        (
            "We develop a linear surrogate model for RNNs, the ZILR-LSTM, that trains fast.",
            "ZILR-LSTM",
            None,
            "proposes",
        ),
        # an appositive's kind past a short form it defines
        ("We build Zorb-Flow, a vision-language-action (VLA) model for arms.", "Zorb-Flow", "Model", None),
        # data the paper collects, releases or builds, however the sentence puts it
        ("We curate and publicly release ZorbScans, a set of 900 scans.", "ZorbScans", None, "proposes"),
        ("We record talks, which we release as the ZorbSpeech dataset.", "ZorbSpeech", "Dataset", "proposes"),
        ("The newly collected ZorbLog dataset has 300 hours.", "ZorbLog", "Dataset", "proposes"),
        ("The dataset, ZorbPairs-2M, is constructed by our pipeline.", "ZorbPairs-2M", None, "proposes"),
    ],
)
def test_kinds_and_roles_from_counts_results_and_adaptation(nlp, abstract, name, type_, relation):
    found = entities(nlp, "A title", abstract)
    assert type_ is None or found[name].type == type_, found
    assert relation is None or found[name].relation == relation, found[name]


def test_a_name_longer_than_the_naming_pattern_is_not_proposed_in_part(nlp):
    found = entities(nlp, "A title", "Training operates in a regime we call the Edge of Zorbility.")
    assert not [name for name, entity in found.items() if entity.proposed and name == "Zorbility"], found


@pytest.mark.parametrize(
    ("title", "abstract", "name", "proposed"),
    [
        # the title is the term the abstract abbreviates: the paper's own
        (
            "Zorbic Transformer Networks",
            "We extend equivariance through the Zorbic Transformer Network (ZTN). ZTN combines two ideas.",
            "Zorbic Transformer Network",
            True,
        ),
        (
            "Soft Zorbation Networks for Rover Path Planning",
            "Zorbation networks plan. The key addition is a soft zorbation network (SZN) with soft updates.",
            "soft zorbation network",
            True,
        ),
        # a known term in the title is studied, not proposed; nor is what "with" adds to
        (
            "Variational Autoencoders for Molecules",
            "A variational autoencoder (VAE) encodes molecules.",
            "Variational Autoencoder",
            False,
        ),
        (
            "Zorbic Propagation with Continual Weight Updates",
            "Zorbic propagation (ZP) trains energy models; we update weights continually.",
            "Zorbic propagation",
            False,
        ),
    ],
)
def test_a_title_naming_the_term_the_abstract_abbreviates_proposes_it(nlp, title, abstract, name, proposed):
    found = entities(nlp, title, abstract)
    # (the name may be the title's Title Case form of the long form)
    [entity] = [e for e in found.values() if name in e.mentions or e.name == name]
    assert entity.proposed is proposed, entity


def test_a_place_before_a_technical_noun_is_no_eponym_term(nlp):
    found = entities(nlp, "A title", "We evaluate it on the Manhattan and Hangzhou road networks.")
    assert not [name for name in found if "Hangzhou" in name], found


def test_an_acronym_two_known_entities_share_is_left_unlinked_without_context(nlp):
    # VPT is Visual Prompt Tuning in vision and Video PreTraining in Minecraft agents
    found = entities(nlp, "A title", "We train on gameplay from the VPT dataset.")
    assert found["VPT"].catalogue_id is None, found


def test_roles_capitalised_are_no_names(nlp):
    found = entities(nlp, "A title", "We train Speaker and Listener agents and a Critic net by REINFORCE.")
    assert not {"Speaker", "Listener", "Critic"} & set(found) and "REINFORCE" in found, found
    # ... and so are a system's components and its agents' roles
    text = "We bridge features with a Policy module, an Engineer agent, a Thinker and REINFORCE."
    found = entities(nlp, "A title", text)
    assert not {"Policy", "Engineer", "Thinker"} & set(found) and "REINFORCE" in found, found


def test_an_ambiguous_acronym_is_settled_by_the_words_of_one_long_form(nlp):
    # sharpness and minima: Sharpness-Aware Minimization, not the Segment Anything Model
    found = entities(
        nlp,
        "Sharp Minima Can Generalize",
        "Flat minima motivate methods such as SAM. We measure sharpness of ResNet-18 on CIFAR-10.",
    )
    assert "Sharpness-Aware Minimization" in found, found


@pytest.mark.parametrize(
    ("title", "abstract", "name"),
    [
        # TAPE: a protein benchmark, and an LLM-feature method for text-attributed graphs;
        # "embeddings" is too common a word to point to the benchmark
        (
            "Graph Models Meet Language Models",
            "We combine LLM embeddings with GraphSAGE on Cora and beat GLEM and TAPE.",
            "Title, Abstract, Prediction and Explanation",
        ),
        (
            "Protein Language Models",
            "We evaluate protein embeddings on the TAPE tasks such as remote homology.",
            "Tasks Assessing Protein Embeddings",
        ),
    ],
)
def test_an_ambiguous_acronym_is_settled_by_its_field_or_a_telling_word(nlp, title, abstract, name):
    assert name in entities(nlp, title, abstract)


def test_h2o_is_the_kv_cache_method_only_beside_its_field(nlp):
    found = entities(nlp, "A title", "It keeps 98% on LongBench, whereas H2O and SnapKV keep 91%.")
    # a method a result is contrasted with is not evaluated on (nor used)
    assert found["Heavy-Hitter Oracle"].relation == "mentions", found
    found = entities(nlp, "A title", "We predict H2O and CO2 adsorption in porous frameworks with a GNN.")
    assert "Heavy-Hitter Oracle" not in found and "H2O" not in found, found


def test_data_in_a_bracket_after_an_evaluated_task_are_its_test_sets(nlp):
    found = entities(
        nlp,
        "A title",
        "Our tagger sets new results on relation classification (FewRel and TACRED), and "
        "semantic role labeling (CoNLL-2005 and CoNLL-2012).",
    )
    assert {found[name].relation for name in ("FewRel", "TACRED", "CoNLL-2005", "CoNLL-2012")} == {
        "evaluates_on"
    }, found


def test_pollutants_an_air_quality_record_holds_are_no_entities(nlp):
    found = entities(
        nlp, "A title", "Stations record PM2.5, PM10, NO2 and SO2 hourly; an LSTM predicts them."
    )
    assert not {"PM2.5", "PM10", "NO2", "SO2"} & set(found), found
    assert "Long Short-Term Memory" in found


@pytest.mark.parametrize(
    ("abstract", "proposed"),
    [
        # a paper that proposes nothing else: the unknown name its results are said of
        ("Grasping is hard. Zorbgrasp retargets poses. Zorbgrasp outperforms UniDexGrasp.", True),
        ("Grasping is hard. In simulation, Zorbgrasp achieves 84% success.", True),
        # "our X achieves" after an opening phrase; "four" is no "our"
        ("Grasping is hard. On Push-T, our Zorbgrasp achieves 84% success.", True),
        ("Grasping is hard. Of the four Zorbgrasp achieves most.", False),
        # what keeps a score, and what the paper sets against named work
        ("Caches are big. SnapZorb retains 98% of the accuracy of Llama-3.1-8B.", True),
        ("Caches are big. Unlike H2O and StreamingLLM, SnapZorb is query-aware.", True),
        ("Caches are big. Unlike SnapZorb, our cache is query-aware.", False),
        # one of the others' work the sentence opens on
        ("Among several recently proposed compressors, SnapZorb achieves the best ratio.", False),
        ("We propose Wrenet. Unlike H2O and StreamingLLM, SnapZorb is query-aware.", False),
        # what reaches a score is a system, whatever its "-QA" says
        ("Clips are long. ZorbVQA compresses clips. ZorbVQA reaches 62% on EgoSchema.", True),
        # beside a new benchmark of the paper's too
        ("We build ZorbEval from 14 repositories. Zorbgrasp achieves 40% on ZorbEval.", True),
        # nor a name the paper says it uses
        ("We use the Zorbgrasp approximation to scale it. Zorbgrasp achieves similar accuracy.", False),
        # not when the paper names its own thing, nor when it sets its results against the name
        ("We propose Wrenet. Zorbgrasp outperforms UniDexGrasp, but Wrenet wins.", False),
        ("Wrenet is ours and beats Zorbgrasp. Zorbgrasp outperforms UniDexGrasp.", False),
    ],
)
def test_the_unknown_subject_of_the_results_is_the_papers_own(nlp, abstract, proposed):
    found = entities(nlp, "A title", abstract)
    name = next(name for name in ("ZorbVQA", "SnapZorb", "Zorbgrasp") if name in found)
    assert found[name].proposed is proposed and found[name].type not in ("Benchmark", "Dataset"), found


def test_a_known_method_defined_under_a_generic_head_is_the_method(nlp):
    found = entities(nlp, "A title", "We plug it into the proximal policy optimization algorithm (PPO).")
    assert "Proximal Policy Optimization" in found, found


@pytest.mark.parametrize(
    ("abstract", "name", "type_"),
    [
        ("We introduce the zorbic locality, a measure of how far tokens reach.", "zorbic locality", "Metric"),
        ("We propose position zorbling, a simple method for arithmetic.", "position zorbling", "Method"),
        # named right before "a new measure" (after a preposition or an article)
        ("It scores with reasoning graph zorbness, a new measure.", "reasoning graph zorbness", "Metric"),
        ("We study a paradigm we call early zorbing: data the agent makes.", "early zorbing", "Method"),
        # named right after "a new problem", acronyms and all
        ("We study a new research problem, online GNN zorbing, which helps.", "online GNN zorbing", "Task"),
    ],
)
def test_a_lower_case_term_the_paper_introduces_with_its_kind_is_proposed(nlp, abstract, name, type_):
    found = entities(nlp, "A title", abstract)
    assert found[name].proposed and found[name].type == type_, found


@pytest.mark.parametrize(
    ("abstract", "name", "present"),
    [
        # the paper's own naming of a lower-case method or metric
        (
            "We call this approach limited zorb-supervision, as we use little data.",
            "limited zorb-supervision",
            True,
        ),
        ("We add a regularizer, which we call zorbic decay, to the loss.", "zorbic decay", True),
        # not a named part or phenomenon, nor a clause ("we call confirmation bias and demonstrate")
        ("New vectors appear, which we call zorbic dimensions.", "zorbic dimensions", False),
        ("We call this zorbic overfitting.", "zorbic overfitting", False),
        ("We call this method zorbic bias and show that it hurts.", "zorbic bias and show", False),
        # nor a known thing "so-called"
        ("The so-called zorbic function is hard to estimate.", "zorbic function", False),
    ],
)
def test_a_lower_case_term_the_paper_names_is_found(nlp, abstract, name, present):
    found = entities(nlp, "A title", abstract)
    assert (name in found and found[name].proposed) is present, found


def test_a_lower_case_kind_word_introduced_is_no_term(nlp):
    found = entities(nlp, "A title", "We propose a simple method, a variant of Adam for sparse data.")
    assert "simple method" not in found, found


def test_a_greek_capital_opens_an_acronym_and_a_venue_year_is_no_name(nlp):
    found = entities(
        nlp, "A title", "We extend ΣZGM to blind deblurring, shown at NeurIPS2019 and AAAI-21, beating DPS."
    )
    assert "ΣZGM" in found and not {"NeurIPS2019", "AAAI-21"} & set(found), found
    # (a known one is its entry: ΠGDM, the pseudoinverse-guided diffusion model)
    found = entities(nlp, "A title", "We extend ΠGDM to blind deblurring.")
    assert found["Pseudoinverse-Guided Diffusion Models"].mentions == ["ΠGDM"], found


def test_an_acronym_of_two_fields_follows_the_papers_field(nlp):
    # DPT is the Dense Prediction Transformer in depth estimation, a Decision-Pretrained
    # Transformer beside PPO and in-context reinforcement learning
    found = entities(nlp, "A title", "In-context RL with a transformer beats DPT and PPO on XLand-MiniGrid.")
    assert "Decision-Pretrained Transformer" in found, found


def test_a_kind_in_the_title_does_not_type_a_list_in_the_abstract(nlp):
    found = entities(
        nlp,
        "Robust Watermarking for Large Language Models",
        "Text watermarks such as ZWG and Quorbigram can be removed by paraphrasing.",
    )
    assert found["ZWG"].type != "Model", found


def test_a_long_form_does_not_run_back_into_the_title(nlp):
    found = entities(
        nlp,
        "ZorbGAN: Text-Guided Image Manipulation",
        "We propose a novel generative adversarial network for attribute manipulation (ZorbGAN).",
    )
    assert not [name for name in found if "\n" in name], found
    assert found["ZorbGAN"].proposed, found


def test_a_value_times_before_on_reports_a_result_on_the_data(nlp):
    found = entities(nlp, "A title", "Removing sinks degrades perplexity by 2x on ZorbText-103.")
    assert found["ZorbText-103"].relation == "evaluates_on", found


def test_an_appositive_kind_is_not_read_past_its_relative_clause(nlp):
    # "an automatic evaluation that decomposes model outputs": no model
    found = entities(nlp, "A title", "We show ZorbCheck, an automatic evaluation that decomposes models.")
    assert found["ZorbCheck"].type != "Model", found


def test_a_phenomenon_is_a_task(nlp):
    found = entities(nlp, "A title", "Zorbic collapse (ZC) is a phenomenon observed in classification.")
    assert found["Zorbic collapse"].type == "Task", found


@pytest.mark.parametrize("name", ["multilabel classification", "quasigroup completion", "lane detection"])
def test_a_lower_case_phrase_headed_by_a_task_noun_is_a_task(name):
    from kg.nlp.cues import type_from_name

    assert type_from_name(name) == "Task"
    assert type_from_name("Probabilistic Classifier Chains") != "Task"


def test_a_size_of_the_papers_own_name_is_proposed_too(nlp):
    found = entities(
        nlp,
        "Efficient Long-Video Understanding",
        "We present ZorbVid, a video-language model. ZorbVid-7B outperforms LLaVA-Video-7B on EgoSchema.",
    )
    assert found["ZorbVid"].proposed and found["ZorbVid-7B"].proposed, found
    assert found["ZorbVid-7B"].parent == "ZorbVid"


def test_a_size_of_the_papers_own_name_that_extends_a_known_family_is_proposed_too(nlp):
    found = entities(
        nlp,
        "Qwen3-Embedding-Zorb: Small Text Embeddings",
        "We train Qwen3-Embedding-Zorb-0.6B on synthetic pairs. It beats E5-Mistral on MTEB.",
    )
    assert found["Qwen3-Embedding-Zorb-0.6B"].proposed, found
    assert found["Qwen3-Embedding-Zorb-0.6B"].parent == "Qwen3-Embedding-Zorb"


def test_a_name_opening_on_an_accented_capital_is_found(nlp):
    found = entities(nlp, "A title", "We compare Élan-2 with Llama-3-8B. Our model, ÜberLM-7B, wins.")
    assert "Élan-2" in found and found["ÜberLM-7B"].proposed, found


def test_a_catalogue_phrase_inside_a_hyphenated_word_is_not_matched(nlp):
    found = entities(nlp, "A title", "Cross-attention mechanisms and self-imitation learning help ZorbNet.")
    assert "Cross-Attention" in found, found
    assert not {"Attention Mechanism", "Imitation Learning"} & set(found), found


def test_a_metric_at_any_lower_case_cut_off_is_a_variant_of_the_catalogue_metric(nlp):
    found = entities(nlp, "A title", "We report pass@32 and pass@3200 on miniF2F and maj@64 on AIME.")
    parents = [found[n].parent for n in ("Pass@32", "Pass@3200", "Maj@64")]
    assert parents == ["Pass@k", "Pass@k", "Maj@k"], found
    assert found["Pass@32"].mentions == ["pass@32"] and found["Maj@64"].type == "Metric", found


def test_a_technical_reports_name_is_a_model(nlp):
    found = entities(nlp, "GLM-Zorb Technical Report", "We present GLM-Zorb, a family of open weights.")
    assert found["GLM-Zorb"].type == "Model" and found["GLM-Zorb"].proposed, found


def test_a_title_naming_two_things_names_both(nlp):
    found = entities(nlp, "ZorbRank-Lite and ZorbT5-Distill: Compact Rerankers", "We distil rerankers.")
    assert found["ZorbRank-Lite"].proposed and found["ZorbT5-Distill"].proposed, found


@pytest.mark.parametrize(
    ("title", "abstract", "own", "known"),
    [
        # "we propose <words> <known method>": a new method of the known kind, the known one used
        (
            "Fraternal Dropout",
            "We propose fraternal dropout, which trains two copies with dropout.",
            "Fraternal Dropout",
            "Dropout",
        ),
        (
            "A title",
            "We propose a temporal data augmentation for supervised learning.",
            "temporal data augmentation",
            None,
        ),
        # ... an acronym too, where the noun phrase ends; and a method the paper derives
        ("A title", "We propose the dense RNN, which links every state.", "dense RNN", None),
        (
            "A title",
            "We derive a new hierarchical policy gradient with a baseline.",
            "hierarchical policy gradient",
            None,
        ),
    ],
)
def test_a_known_method_the_paper_qualifies_as_its_own_is_a_new_method(nlp, title, abstract, own, known):
    found = entities(nlp, title, abstract)
    assert found[own].proposed and found[own].type == "Method", found
    assert known is None or not found[known].proposed, found


def test_a_qualified_known_method_used_as_a_modifier_stays_the_known_one(nlp):
    found = entities(nlp, "A title", "We present online sparse coding methods, and a simple dropout scheme.")
    assert "Sparse Coding" in found and "online sparse coding" not in found, found
    found = entities(
        nlp, "A title", "We present a shift-reduce CCG semantic parser. We derive tight RNN bounds."
    )
    assert not {"shift-reduce CCG", "tight RNN"} & set(found), found


def test_a_lower_case_name_with_a_digit_inside_is_a_name(nlp):
    found = entities(nlp, "zorb2seq: Sequences from Code", "We present zorb2seq and test code2vec.")
    assert found["zorb2seq"].proposed and "code2vec" in found, found


def test_lower_case_model_ids_and_capital_versions_are_whole_names(nlp):
    found = entities(nlp, "A title", "We release zorb-coder-350m and beat ZorbMesh V2 on ZorbBench.")
    assert found["zorb-coder-350m"].type == "Model" and found["zorb-coder-350m"].proposed, found
    assert "ZorbMesh V2" in found, found


def test_a_model_familys_variants_are_found_and_proposed(nlp):
    found = entities(
        nlp,
        "Zorbyuan-Lite: Small MoE Models",
        "We present Zorbyuan-Lite, a 16B-A3B MoE model released as Zorbyuan-Lite-Base and a"
        " Zorbyuan-Lite-Thinking variant. Zephyrine-Thinking rivals it with 4-bit KV quantization.",
    )
    assert found["Zorbyuan-Lite-Base"].proposed and found["Zorbyuan-Lite-Thinking"].proposed, found
    assert found["Zephyrine-Thinking"].type == "Model", found
    assert not {"16B-A3B", "KV"} & set(found), found


def test_two_names_joined_by_a_plus_are_each_found(nlp):
    found = entities(nlp, "A title", "We compare DDPG+HER with SAC and test a ZorbNet+CRF tagger on C++.")
    expected = {"Deep Deterministic Policy Gradient", "Hindsight Experience Replay", "ZorbNet"}
    assert expected <= set(found), found
    assert not any("+" in name for name in found), found


def test_a_bare_acronym_spelled_by_title_words_is_their_short_form(nlp):
    found = entities(
        nlp,
        "Stable Training of Spiking Networks with Zorbic Gradient Normalization",
        "We introduce ZGN, a normalization of surrogate gradients. ZGN trains 100-layer networks.",
    )
    assert "ZGN" in found["Zorbic Gradient Normalization"].mentions, found
    assert found["Zorbic Gradient Normalization"].proposed


def test_a_plain_catalogue_word_recased_with_capitals_of_its_own_is_another_name(nlp):
    # "SPIDEr" (a captioning metric) is not the text-to-SQL benchmark "Spider"; "SPIDER" is
    found = entities(nlp, "A title", "We caption Clotho clips and report SPIDEr and CIDEr.")
    assert "Spider" not in found and found["SPIDEr"].type == "Metric", found
    found = entities(nlp, "A title", "We parse questions into SQL and evaluate on SPIDER.")
    assert found["Spider"].type == "Benchmark", found


@pytest.mark.parametrize(
    ("abstract", "written", "known"),
    [
        # capitals inside a word: another name than the case-sensitive all-capitals entry
        ("We pre-train GraPPa on synthetic question-SQL pairs.", "GraPPa", "GRAPPA"),
        ("We compare MaSS with momentum SGD on convex problems.", "MaSS", "MASS"),
        ("We compare LeMoNADe with three spike sorting methods.", "LeMoNADe", "LEMONADE"),
    ],
)
def test_capitals_inside_a_word_name_no_case_sensitive_capitals_entry(nlp, abstract, written, known):
    found = entities(nlp, "A title", abstract)
    assert written in found and found[written].catalogue_id is None, found
    assert known not in found, found


@pytest.mark.parametrize(
    ("abstract", "name"),
    [
        ("We reconstruct undersampled MRI with GRAPPA and a U-Net.", "GRAPPA"),  # as written
        ("We retrieve abstracts from MedLine for the study.", "MEDLINE"),  # not case-sensitive
    ],
)
def test_a_known_name_written_its_own_way_is_still_found(nlp, abstract, name):
    assert entities(nlp, "A title", abstract)[name].catalogue_id is not None


@pytest.mark.parametrize(
    ("abstract", "name", "short"),
    [
        # the letters allow a shorter long form ("similarity"), which a known term holds
        ("It raises speaker similarity (SIM) by 0.1 over VALL-E.", "Speaker Similarity", "SIM"),
        ("Our model improves the area under the curve (AUC) by 2 points.", "Area Under the ROC Curve", "AUC"),
    ],
)
def test_a_short_form_joins_the_known_term_that_holds_its_long_form(nlp, abstract, name, short):
    found = entities(nlp, "A title", abstract)
    assert short in found[name].mentions and short not in found and found[name].type == "Metric", found


@pytest.mark.parametrize(
    ("title", "proposed"),
    [
        # a title that is a known name and nothing else is the paper that made it
        ("Attentive Neural Processes", True),
        # a title that only starts with the name studies or applies it
        ("Attentive Neural Processes for Sensor Fusion", False),
        ("Attentive Neural Processes: A Study of Their Calibration", False),
    ],
)
def test_a_title_that_is_a_known_name_alone_proposes_it(nlp, title, proposed):
    abstract = "Neural Processes (NPs) map context sets to functions. We add attention to NPs."
    found = entities(nlp, title, abstract)
    assert found["Attentive Neural Processes"].proposed is proposed, found


def test_a_size_and_the_word_it_measures_are_no_name(nlp):
    abstract = "Our 8B-Scale model reads 128K-Context inputs on RULER."
    found = entities(nlp, "Scaling to 4M-Token Contexts", abstract)
    assert not {"4M-Token", "8B-Scale", "128K-Context"} & set(found) and "RULER" in found, found


def test_the_title_writes_a_long_form_in_title_case(nlp):
    title = "Riemannian Stochastic Gradient Descent for Tensor-Train Networks"
    found = entities(nlp, title, "We propose a Riemannian stochastic gradient descent (RSGD) algorithm.")
    assert "Stochastic Gradient Descent" not in found, found
    rsgd = next(e for e in found.values() if "RSGD" in e.mentions)
    assert "Riemannian Stochastic Gradient Descent" in rsgd.mentions and rsgd.proposed, found


@pytest.mark.parametrize(
    "abstract",
    [
        "Our GUI agent runs on macOS and iOS and clicks through forms.",
        "On CALVIN (ABC→D), the policy completes 4.1 tasks in a row.",
    ],
)
def test_operating_systems_and_split_settings_are_no_names(nlp, abstract):
    found = entities(nlp, "A title", abstract)
    assert not {"macOS", "iOS", "ABC→D", "ABC"} & set(found), found


RESULTS_ON_DATASETS = (
    "Results on three temporal relation datasets (ZorbTime, QuuxEvents and FooTR) favour our encoder."
)
TRAINED_ON_CORPORA = (
    "We fine-tune the tagger on two noisy web corpora (ZorbWeb, QuuxCrawl) and report F1 on a clean set."
)
#: (abstract, name, the relation the words around the name give it)
ROLE_CASES = [
    # benchmarks in brackets after "on ... benchmarks"; comparisons
    ("It keeps its scores on general benchmarks (MMLU, BBH and DROP).", "BIG-Bench Hard", "evaluates_on"),
    ("It keeps its scores on general benchmarks (MMLU, BBH and DROP).", "MMLU", "evaluates_on"),
    ("Our model matches tuned XGBoost, LightGBM and CatBoost on tables.", "XGBoost", "compares_with"),
    ("It reaches 0.81 GenEval, narrowing the gap to FLUX.1-dev.", "FLUX.1 [dev]", "compares_with"),
    ("The policy doubles the success rate of OpenVLA-OFT.", "OpenVLA-OFT", "compares_with"),
    # data sets listed after their kind share the list's relation
    (RESULTS_ON_DATASETS, "ZorbTime", "evaluates_on"),
    (RESULTS_ON_DATASETS, "QuuxEvents", "evaluates_on"),
    (RESULTS_ON_DATASETS, "FooTR", "evaluates_on"),
    (TRAINED_ON_CORPORA, "ZorbWeb", "uses"),
    (TRAINED_ON_CORPORA, "QuuxCrawl", "uses"),
    # ... the nearest cue word decides: trained on one, measured on the others
    ("We train on ZorbWeb and report accuracy on two corpora (QuuxCrawl, FooNews).",
     "FooNews", "evaluates_on"),
    ("We score systems against four learner corpora (ZorbLearn, QuuxEssays, FooCorr and BarGEC).",
     "BarGEC", "evaluates_on"),
    ("Our nets set the state of the art across three node benchmarks: the Cora, Citeseer and Pubmed.",
     "Citeseer", "evaluates_on"),
    # a result on data is measured on it
    ("Index storage shrinks by 85.2% in ZorbDigits while pruning as much.", "ZorbDigits", "evaluates_on"),
    ("The pruned net is 3x faster on ZorbDigits with no loss.", "ZorbDigits", "evaluates_on"),
    ("The detector performs much better on ZorbDigits than on the street scenes.",
     "ZorbDigits", "evaluates_on"),
    ("Certified robustness breaks down on ZorbDigits.", "ZorbDigits", "evaluates_on"),
    ("The agent reaches 24.3% success on ZorbDigits.", "ZorbDigits", "evaluates_on"),
    ("It keeps a 61% win rate on ZorbDigits.", "ZorbDigits", "evaluates_on"),
    # "as well as" goes on a list of what was measured; a place in a ranking is a result
    ("We report pass@1 on AIME 2024 and 2025, as well as MATH-500.", "MATH500", "evaluates_on"),
    ("Results on CoQA and QuAC as well as on DROP improve.", "DROP", "evaluates_on"),
    ("Our parser ranks first on the ZorbTB treebank.", "ZorbTB", "evaluates_on"),
    # what the method builds on is used, and so is the model a sentence opens on training
    ("We extend ZorbVL-7B with a memory module.", "ZorbVL-7B", "uses"),
    ("BarRL is a variant of ZorbPO that clips less.", "ZorbPO", "uses"),
    ("Our method relies on the popular ZorbHash index.", "ZorbHash", "uses"),
    ("By utilizing ZorbGrad, the solver converges fast.", "ZorbGrad", "uses"),
    ("We incorporate ZorbNorm into every block.", "ZorbNorm", "uses"),
    ("Fine-tuning Zorb-8B on ChatPairs yields Quux-8B.", "Zorb-8B", "uses"),
    # the models a benchmark paper evaluates are used
    ("We evaluate 18 models, including ZorbVLM, QuuxVL-1.5 and FooVL-7B, on our suite.", "FooVL-7B", "uses"),
    ("We benchmark ZorbLM-7B, QuuxLM-8B and FooLM-9B on long documents.", "QuuxLM-8B", "uses"),
    ("We assess several LLMs (ZorbLM-7B, QuuxLM-8B) on the new tasks.", "QuuxLM-8B", "uses"),
    # a metric given with its value is used
    ("Our system achieves a word error rate (WER) of 40.9% on the test set.", "Word Error Rate", "uses"),
    ("It reaches WER (29.6%), BLEU score (41.4%), and F-measure (36.9%).", "F1 Score", "uses"),
    ("The tagger gets accuracy = 0.81 on the held-out set.", "Accuracy", "uses"),
    ("Accuracy is a poor guide when classes are rare.", "Accuracy", "mentions"),
    # a task is never used: it qualifies a method noun, or the method is used for it
    ("We use a dependency parsing model as a feature extractor.", "dependency parsing", "mentions"),
    ("The stories can also be used for story generation.", "story generation", "evaluates_on"),
    # "improve on" with a plural subject: the data is measured on, the model compared with
    ("Models trained on our corpus improve on ZorbMath and GSM8K by 4 points.", "ZorbMath", "evaluates_on"),
    ("We improve on ZorbLM-7B by pretraining longer.", "ZorbLM-7B", "compares_with"),
    # a sentence opening on a benchmark that describing words stand before
    ("On the multilingual ZorbNLI benchmark, our method outperforms mBERT.", "ZorbNLI", "evaluates_on"),
    ("On the challenging ZorbNav environment, the planner wins.", "ZorbNav", "evaluates_on"),
    ("On the relationship between ZorbFlows and autoencoders.", "ZorbFlows", "mentions"),
    # the models a paper tests are used; what it dominates it is compared with
    ("We test 12 models, including ZorbLM-7B, QuuxLM-8B and FooLM-9B, on our suite.", "FooLM-9B", "uses"),
    ("Our method dominates ZorbPO and QuuxPO on the Pareto frontier.", "QuuxPO", "compares_with"),
    # data the paper sets its own against is compared with, not measured on
    ("Unlike ZorbQA and MedQA, which test recall, our benchmark needs reasoning.", "ZorbQA", "compares_with"),
    # a metric the paper reports is used, every one of a list; a project it reports on is not
    ("We also report PSNR, SSIM and LPIPS on GSO.", "Learned Perceptual Image Patch Similarity", "uses"),
    ("We report on early results from ZorbCorner, a crowd-sourced project.", "ZorbCorner", "mentions"),
    # a part given a role in the paper's setup is used (a baseline is compared with)
    ("The pipeline runs ZorbLM-70B as the reader.", "ZorbLM-70B", "uses"),
    ("Margins computed by ZorbLM-70B as judge transfer to cheaper judges.", "ZorbLM-70B", "uses"),
    ("Quantizing ZorbLM-8B to 4 bits, we keep its accuracy.", "ZorbLM-8B", "uses"),
    ("Our 8B model is cheap, approaching ZorbLM-70B at a tenth of the cost.", "ZorbLM-70B", "compares_with"),
    # the models or methods a paper studies or measures across are used
    ("We test 20 models with context windows of 128K tokens or more, including ZorbLM-7B and QuuxLM.",
     "ZorbLM-7B", "uses"),
    ("We quantify bias across 15 judge models, including ZorbJudge-7B and QuuxLM.", "ZorbJudge-7B", "uses"),
    ("We study weight-only and KV cache quantization methods, including ZorbQ and AWQ.", "ZorbQ", "uses"),
    # "In X evaluations": results on X
    ("In ZorbEnv evaluations of two robot setups, it also outperforms Octo.", "ZorbEnv", "evaluates_on"),
    ("Our law predicts the performance of a 7B model on the ZorbCORE average of 22 tasks.", "ZorbCORE",
     "evaluates_on"),
    # a part of a data set stands for it; a passive evaluation evaluates
    ("On the validation split of ZorbScapes, our model reaches 82.1 mIoU.", "ZorbScapes", "evaluates_on"),
    ("Across 812 tasks in ZorbArena, the agent succeeds 40% of the time.", "ZorbArena", "evaluates_on"),
    ("Node classification was performed on ZorbCite and Cora.", "ZorbCite", "evaluates_on"),
    # what the method is integrated into or retrained is used; what it does not rely on is not
    ("We integrate our pooling into ZorbTDNN and ResNet-34.", "ZorbTDNN", "uses"),
    ("We retrain ZorbNet++, DGCNN and PCT with our loss.", "ZorbNet++", "uses"),
    ("Our analysis does not rely on the ZorbNTK regime.", "ZorbNTK", "mentions"),
    ("It does not require calibration and works with ZorbAttention kernels.", "ZorbAttention", "uses"),
    ("Comparisons with ZorbTest and multilingual SFT baselines show gains.", "ZorbTest", "compares_with"),
    # comparisons without a verb of comparison before the name
    ("Our model stays within 0.4 points of ZorbAST while being smaller.", "ZorbAST", "compares_with"),
    ("It scores close to ZorbZero at half the cost.", "ZorbZero", "compares_with"),
    ("ZorbRCNN and Cascade R-CNN are also outperformed.", "ZorbRCNN", "compares_with"),
    ("SchNet, ZorbNet and Equiformer are also included in the comparison.", "ZorbNet", "compares_with"),
    ("It attains 85.6% accuracy on Cora, on par with ZorbGCN and above APPNP.", "ZorbGCN", "compares_with"),
    ("The baselines are ZorbRec, SASRec and BERT4Rec.", "ZorbRec", "compares_with"),
    ("Our model reaches a MOS of 4.21 against 4.12 for ZorbSpeech and 4.29 for VITS.", "ZorbSpeech",
     "compares_with"),
    # other data the paper compares its own with stays compared with
    ("We compare against existing benchmarks ZorbInject and AgentDojo and find them saturated.",
     "AgentDojo", "compares_with"),
    # data named as the start of the compared thing trained it
    ("Compared to ImageNet initialisation, our self-supervised weights converge faster.", "ImageNet", "uses"),
    # what the paper builds data from, is powered by or re-implements is used
    ("We build 50K preference pairs from ZorbChat and UltraFeedback.", "ZorbChat", "uses"),
    ("Powered by ZorbLM-70B, the agent plans tool calls.", "ZorbLM-70B", "uses"),
    ("SAC, ZorbTD and PPO were re-implemented in JAX.", "ZorbTD", "uses"),
    # what a score is above, and the baselines a bracket lists, are compared with
    ("The agent scores above ZorbDQN and Rainbow on Atari.", "ZorbDQN", "compares_with"),
    ("Three baselines (ZorbBase, Octo and RT-1) are included.", "ZorbBase", "compares_with"),
    # the metrics a paper lists are used
    ("Objective metrics include ZorbMCD and F0 RMSE.", "ZorbMCD", "uses"),
    # what the paper focuses on or improves the performance of is used; what it is superior to,
    # or wins against, is compared with
    ("Focusing on ZorbJ-6B, we fit scaling laws for memorization.", "ZorbJ-6B", "uses"),
    ("Our recipe improves the performance of ZorbQwen-7B by 4 points.", "ZorbQwen-7B", "uses"),
    ("It achieves superior generalization to ZorbLPG on unseen tasks.", "ZorbLPG", "compares_with"),
    ("It reaches a win rate of 75.2% against ZorbMistral and GPT-4.", "ZorbMistral", "compares_with"),
    # what others' work uses is only mentioned
    ("Existing methods rely on ZorbFeat features and fail on long inputs.", "ZorbFeat", "mentions"),
    ("Widely used alignment techniques, such as RLHF, rely on ZorbRM scores.", "ZorbRM", "mentions"),
    # a sentence opening "In X, we find ..." gives a finding in X; what a finding is about was studied
    ("In the canonical iterated ZorbDilemma, we find that models defect.", "ZorbDilemma", "evaluates_on"),
    ("We find that ZorbLM-7B acts unforgivingly in repeated games.", "ZorbLM-7B", "uses"),
    # a benchmark used in a sentence that gives a result is evaluated on
    ("When used to guide beam search on MATH-500, our verifier improves accuracy by 6.3 points.",
     "MATH500", "evaluates_on"),
    # a task the words of use reach is what the paper works on, unless it qualifies a method noun
    ("Using the example of machine translation, we propose a new evaluation frame.", "machine translation",
     "evaluates_on"),
    ("We fine-tune Qwen2.5-7B with English math reasoning traces.", "mathematical reasoning", "mentions"),
    # tasks the paper names by example in its own clause are worked on; an analysis runs on data
    ("Our model handles tasks (like zorbic image captioning) without labels.", "image captioning",
     "evaluates_on"),
    ("Unlike tasks such as image captioning, ours has no reference.", "image captioning", "mentions"),
    ("Through empirical analysis on CIFAR-10 and MNIST, we find gaps.", "CIFAR-10", "evaluates_on"),
    # a name the paper's own sentence gives no role word is what its own work uses; not in a
    # sentence about others' work, a contrast, a denial or an inspiration
    ("We then ask ZorbJudge-8B to grade every answer.", "ZorbJudge-8B", "uses"),
    ("Our pipeline couples a ZorbViT encoder with a small decoder.", "ZorbViT", "uses"),
    ("Existing methods such as ZorbPrune deliver little speedup.", "ZorbPrune", "mentions"),
    ("Inspired by the ZorbMUF method, we propose slow momentum.", "ZorbMUF", "mentions"),
    # ... and so is a sentence that gives the paper's results in numbers, or its ablations
    ("Accuracy falls from above 90% to 38.5% on long inputs.", "Accuracy", "uses"),
    ("Ablations on MS MARCO show that both losses matter.", "MS MARCO", "evaluates_on"),
    # what trains the paper's models is used (not who proposed them)
    ("We analyse two-layer networks trained by ZorbGD on parity.", "ZorbGD", "uses"),
    # what the paper itself studies, with no word of use
    ("We study the behavior of ZorbLM models on long inputs.", "ZorbLM", "uses"),
    ("To do so, we let different LLMs (GPT-3, GPT-3.5 and ZorbLM) play repeated games.", "GPT-3", "uses"),
    ("This paper analyzes the ZorbNet architecture from a spectral view.", "ZorbNet", "uses"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("abstract", "name", "type_"),
    [
        # "We introduce VidGen, a video model" is not the data set VidGen-1M the catalogue knows
        ("We introduce VidGen, a video diffusion model that writes clips.", "VidGen", "Model"),
        # the second thing a "we" sentence makes and names is the paper's own, of the kind set before it
        ("We introduce ZorbVid, a video model, and train a reward model, ZorbRM.", "ZorbRM", "Model"),
        ("We train a 7B model, Quillan, that proves lemmas.", "Quillan", "Model"),
        ("We curate a dataset, Tallyset, of receipts for the task.", "Tallyset", "Dataset"),
        ("To train it, we synthesize ChartMaze, a collection of 120K charts.", "ChartMaze", "Dataset"),
        # a kind written after the name: "our proposed X probe set", "the X average of 22 tasks"
        ("We show it on our proposed ZorbNIAH-Hard probe set.", "ZorbNIAH-Hard", "Benchmark"),
        # a size or variant of the paper's own name is its own, wherever it stands
        ("We present LIRA, a recipe. LIRA-base, a 110M-parameter model, wins on BEIR.", "LIRA-base", "Model"),
        ("We present Zorbo, a family of retrievers. Zorbo-small is twice as fast.", "Zorbo-small", "Model"),
        # a measure the paper defines, with or without a short form before its kind noun
        ("We define the ZorbGap metric to measure forgetting.", "ZorbGap", "Metric"),
        # a made data set named right after its kind, no comma; every unknown item "our" lists
        ("We create an adversarial dataset Zorb-Adv by asking workers.", "Zorb-Adv", "Dataset"),
        # a size letter after the paper's own name is a model of its own
        (
            "We release Zorbo, a family of models (Zorbo-S with 46M and Zorbo-L with 710M).",
            "Zorbo-S",
            "Model",
        ),
        ("Our Zorb-ResNet50 and Zorb-MobileNetV2 beat the baseline.", "Zorb-MobileNetV2", "Method"),
        # contributions one by one: "The first, X, is an optimizer ..."
        (
            "We propose two tools. The first, Lookaround, is an optimizer that averages weights.",
            "Lookaround",
            "Method",
        ),
    ],
)
def test_a_named_thing_the_paper_makes_is_proposed_with_its_kind(nlp, abstract, name, type_):
    found = entities(nlp, "A title", abstract)
    assert found[name].proposed and found[name].type == type_, found.get(name)


def test_others_training_a_model_propose_nothing(nlp):
    abstract = "Prior systems pretrain a large model, and train a reward model, ZorbRM, on votes."
    found = entities(nlp, "A title", abstract)
    assert not found["ZorbRM"].proposed, found


@pytest.mark.parametrize(
    ("title", "abstract", "name", "relation"),
    [
        # the task a title names is what the paper works on
        ("Robust Video Generation with Zorb Priors", "We study priors for clips.", "video generation",
         "evaluates_on"),
        # a metric a result is given in is used
        ("A title", "The grokked model can achieve near-perfect accuracy.", "Accuracy", "uses"),
        ("A title", "We maximize the regret of the learner.", "Regret", "uses"),
        # the shared task a system paper's title names is evaluated on, by its own name where the
        # catalogue knows one (SemEval-2019 Task 6 is OffensEval)
        ("ZorbTeam at SemEval-2019 Task 9: Stacked Encoders", "We describe our system.",
         "SemEval-2019 Task 9", "evaluates_on"),
        ("ZorbTeam at SemEval-2019 Task 6: Stacked Encoders", "We describe our system.",
         "OffensEval", "evaluates_on"),
    ],
)  # fmt: skip
def test_a_title_task_is_worked_on_and_a_result_metric_used(nlp, title, abstract, name, relation):
    found = entities(nlp, title, abstract)
    assert found[name].relation == relation, found[name]


@pytest.mark.parametrize(("abstract", "name", "relation"), ROLE_CASES)
def test_the_words_around_a_name_give_its_role(nlp, abstract, name, relation):
    found = entities(nlp, "A title", abstract)
    assert found[name].relation == relation, found[name]


def test_a_shared_task_stays_a_benchmark_whatever_the_title_calls_the_system(nlp):
    title = "ZorbTeam at SemEval-2017 Task 4: A GRU-SVM Model for Sentiment Classification"
    found = entities(nlp, title, "We describe our system for SemEval-2017 Task 4 and its data.")
    assert found["SemEval-2017 Task 4"].type == "Benchmark", found


def test_the_team_system_of_a_shared_task_paper_is_its_own(nlp):
    title = "ZorbTeam at SemEval-2019 Task 3: Attentive Recurrent Networks for Emotion Detection"
    found = entities(nlp, title, "We describe ZorbTeam, which stacks recurrent layers over BERT.")
    assert found["ZorbTeam"].proposed and not found["BERT"].proposed, found


@pytest.mark.parametrize(
    ("title", "abstract", "name"),
    [
        # a title that ends on the paper's way of doing it names what it proposes
        ("Foundation Policies with Zorbic Representations", "We propose a way to pretrain policies.",
         "Zorbic Representations"),
        ("Length Generalization via Task Hinting", "We introduce an auxiliary task for transformers.",
         "Task Hinting"),
        # not a thing the paper works with, plain modifiers of a known name, or no proposal
        # ... as does a title that opens on such a name of three words or more, alone or before
        # what it is for (not a verb's object: "Training Deep Zorbic Networks")
        ("Zorbic Multibranch Networks for Domain Adaptation", "We propose a network with branches.",
         "Zorbic Multibranch Networks"),
        ("Training Deep Zorbic Networks", "We propose an initialisation.", None),
        # ... nor are describing words before a way of doing it ("Disentangled Attention")
        ("Policy Transfer with Disentangled Attention", "We propose a transfer method.", None),
        ("Zorbic Transfer with a Single Feed-Forward Network", "We propose a transfer method.", None),
        # a proposal said as "a new ..." or "our method" counts too
        ("Robust Features via Multi-Zorb Information Bottleneck", "This leads to a new multi-view model.",
         "Multi-Zorb Information Bottleneck"),
        ("Causal Trees with Latent Variables", "We propose an algorithm for trees.", None),
        ("Node Labels with Deep Graph Convolutional Networks", "We propose a loss for nodes.", None),
        ("Policies with Zorbic Representations", "Policies often overfit to their data.", None),
    ],
)  # fmt: skip
def test_a_title_ending_on_a_way_of_doing_it_names_the_papers_own(nlp, title, abstract, name):
    found = entities(nlp, title, abstract)
    proposed = [e.name for e in found.values() if e.proposed]
    assert proposed == ([name] if name else []), found


@pytest.mark.parametrize(
    ("title", "abstract", "proposed"),
    [
        # a title of a few capitalised words the abstract writes again names the paper's own
        ("Zorbic Weight Recycling", "We show that zorbic weight recycling keeps ResNet-50 accurate.", True),
        # not a task the paper works on, nor a title that opens a study
        ("Zorbic Video Translation", "Zorbic video translation maps clips between styles.", None),
        ("Understanding Zorbic Recycling", "We study why understanding zorbic recycling matters.", None),
    ],
)
def test_a_short_title_the_abstract_repeats_names_the_papers_own(nlp, title, abstract, proposed):
    found = entities(nlp, title, abstract)
    own = [e for e in found.values() if title.lower() in (m.lower() for m in e.mentions)]
    if proposed is None:
        assert not own or not own[0].proposed, found
    else:
        assert own and own[0].proposed is proposed and own[0].type == "Method", found


def test_lower_case_hub_ids_are_whole_names(nlp):
    abstract = "Our encoder beats zorb-m3, gte-large-en-v1.5 and e5-mistral-7b-instruct on MTEB."
    found = entities(nlp, "A title", abstract)
    forms = {m for e in found.values() for m in e.mentions}
    assert {"zorb-m3", "gte-large-en-v1.5", "e5-mistral-7b-instruct"} <= forms, found
    assert "gte-large" not in forms and "mistral-7b-instruct" not in forms, found
    assert all(found[name].type == "Model" for name in found if name != "MTEB"), found


def test_a_title_approach_to_a_named_problem_leaves_the_problem_a_task(nlp):
    title = "Few-shot Zorbic Learning: a Brain-inspired Approach"
    abstract = "We study few-shot zorbic learning (FSZL), where a learner adapts from a few examples."
    catalogue = [CatalogueEntry("zorbic learning", "Task")]
    nlp_with = make_pipeline(catalogue_files=[], use_shipped_catalogue=True)
    ruler = nlp_with.get_pipe("kg_catalogue")
    ruler.set_catalogue(Catalogue.from_entries([*ruler.catalogue, *catalogue]))
    found = entities(nlp_with, title, abstract)
    fszl = next(e for e in found.values() if "FSZL" in e.mentions)
    assert fszl.type == "Task", found


@pytest.mark.parametrize(
    ("title", "abstract", "name", "type_"),
    [
        # an evaluation campaign's year names its test set, not the measure
        ("A title", "We test on the NIST 2008 evaluation set and report BLEU.", "NIST 2008", "Benchmark"),
        # a bracketed long form in a title's head is the name's own
        ("ZAFT (Zorb-Augmented Fine-Tuning): Adapting Models", "ZAFT adapts models.", "ZAFT", "Method"),
    ],
)
def test_campaign_years_and_bracketed_title_heads(nlp, title, abstract, name, type_):
    found = entities(nlp, title, abstract)
    [entity] = [e for e in found.values() if name in e.mentions]
    assert entity.type == type_ and "(" not in entity.name, found


def test_a_title_of_two_names_joined_by_an_ampersand_gives_both_and_a_possessive_none(nlp):
    found = entities(nlp, "ZorbA & ZorbB-7B: Two Compact Models", "ZorbA and ZorbB-7B are small.")
    assert {"ZorbA", "ZorbB-7B"} <= set(found) and "ZorbA & ZorbB-7B" not in found, found
    found = entities(nlp, "BERT's Attention Heads: What They Track", "We probe heads of BERT.")
    assert not any("Attention Heads" in name for name in found), found


def test_a_kl_penalty_is_a_method_and_a_kl_divergence_penalty_keeps_the_divergence(nlp):
    found = entities(nlp, "A title", "We add a KL penalty toward the reference policy during RLHF.")
    assert found["KL Penalty"].type == "Method" and "Kullback-Leibler Divergence" not in found, found
    found = entities(nlp, "A title", "We add a KL-divergence penalty toward the reference policy.")
    assert "Kullback-Leibler Divergence" in found and "KL Penalty" not in found, found


def test_towards_a_name_in_a_title_names_the_papers_own(nlp):
    abstract = "We build an agent for desktops. Trained on trajectories, Zorbkestrel solves 38% of OSWorld."
    found = entities(nlp, "Towards Zorbkestrel: A Generalist Agent", abstract)
    assert found["Zorbkestrel"].proposed, found


def test_what_a_papers_own_data_set_holds_makes_it_proposed_data(nlp):
    abstract = (
        "Reefs are understudied. ZorbReef comprises 14,600 reef images. We define a new Zorb Ratio (ZR)."
    )
    found = entities(nlp, "A title", abstract)
    assert found["ZorbReef"].proposed and found["ZorbReef"].type == "Dataset", found


def test_each_cut_off_of_a_metric_is_its_own_variant_of_the_family(nlp):
    found = entities(
        nlp,
        "Link prediction",
        "It improves Hits@50 on ogbl-collab and Hits@100 on ogbl-ppa, with gains in Hits@10, NDCG@10"
        " and R@1.",
    )
    assert {"Hits@50", "Hits@100", "Hits@10", "NDCG@10", "Recall@1"} <= set(found), found
    assert found["Hits@50"].parent == found["Hits@10"].parent == "Hits@K", found
    assert found["Recall@1"].mentions == ["R@1"] and found["Recall@1"].parent == "Recall@K", found
    # a cut-off is no catalogue entry of its own; the family named at a cut-off stays one
    assert found["Hits@50"].catalogue_id is None and found["NDCG@10"].catalogue_id is None, found
    # accuracy at a cut-off is no weather score's ACC
    located = entities(nlp, "Localization", "File-level accuracy improves to 89.1% (Acc@5).")
    assert located["Accuracy@5"].parent == "Accuracy@k", located
    concrete = entities(nlp, "Detection", "It reaches 51.2 AP@50 on COCO.")
    assert "AP50" in concrete and concrete["AP50"].catalogue_id == "ap50", concrete


def test_a_lower_case_title_name_the_abstract_presents_is_proposed(nlp):
    found = entities(
        nlp,
        "zorblook: Query-Aware Cache Eviction for Long Contexts",
        "We present zorblook, an eviction policy that keeps a sketch of evicted keys.",
    )
    assert found["zorblook"].proposed, found


def test_single_capitalised_names_in_a_list_a_kind_of_method_opens_are_names(nlp):
    found = entities(
        nlp, "Tables", "Prompting methods such as Zorbin and Quillet decompose questions in Paris."
    )
    assert {"Zorbin", "Quillet"} <= set(found) and "Paris" not in found, found
    games = entities(nlp, "Games", "Search has mastered games such as Go, Chess and Shogi.")
    assert "Go" not in games, games


def test_a_capitalised_word_ending_a_longer_name_heads_no_eponym_term(nlp):
    found = entities(nlp, "Contamination", "We use the Min-K% Prob membership inference score.")
    assert not any(name.startswith("Prob") for name in found), found


def test_a_name_written_with_its_data_noun_is_also_mentioned_alone(nlp):
    found = entities(nlp, "Splatting", "It is smaller on the Mip-NeRF 360 dataset and on the M5 dataset.")
    mentions = {m for e in found.values() for m in e.mentions}
    assert {"Mip-NeRF 360", "M5"} <= mentions, found


def test_sibling_data_sets_a_list_writes_without_their_family_word(nlp):
    found = entities(nlp, "Recommendation", "We evaluate on Amazon Beauty, Sports and Toys, and on Yelp.")
    assert found["Amazon Sports and Outdoors"].mentions == ["Sports"], found
    assert found["Amazon Toys and Games"].mentions == ["Toys"], found
    # ... one of two words too
    two = entities(nlp, "Recommendation", "We evaluate on Amazon Beauty, Sports and Video Games.")
    assert two["Amazon Video Games"].mentions == ["Video Games"], two
    plain = entities(nlp, "Recommendation", "We evaluate on Amazon Beauty, Paris and Toys.")
    assert "Paris" not in {m for e in plain.values() for m in e.mentions}, plain
    # a list item that is a name of its own stays itself
    own = entities(nlp, "Compression", "We test on CIFAR-100, Tiny ImageNet, and ImageNet.")
    assert own["ImageNet"].mentions == ["ImageNet"], own
    assert own["Tiny ImageNet"].mentions == ["Tiny ImageNet"], own


def test_a_molecules_orbital_gap_is_no_method(nlp):
    found = entities(nlp, "Molecules", "It lowers the error of HOMO-LUMO gap prediction on QM9.")
    assert "HOMO-LUMO" not in found and "QM9" in found, found


def test_a_pair_that_only_joins_modalities_names_no_entity(nlp):
    found = entities(
        nlp,
        "Probing",
        "Do language and vision (LaVi) models grasp both? LaVi models fail, as do"
        " vision-and-language (V&L) ones.",
    )
    assert not {"language and vision", "LaVi", "vision-and-language", "V&L"} & set(found), found
    task = entities(nlp, "Speech", "We study text-to-speech (TTS) and visual question answering (VQA).")
    assert {"text-to-speech", "visual question answering"} <= set(task), task


def test_splitting_documents_into_passages_is_no_shallow_parsing(nlp):
    found = entities(nlp, "Late Chunking Meets Retrieval", "Late chunking beats naive chunking.")
    assert "text chunking" not in found, found
    parsing = entities(nlp, "Tagging", "We study part-of-speech tagging and chunking on CoNLL-2000.")
    assert "text chunking" in parsing, parsing


def test_a_range_of_sizes_is_no_model(nlp):
    found = entities(nlp, "Judges", "Verbosity bias is 27% for judges in the 7B-13B range, unlike GPT-4o.")
    assert "7B-13B" not in found and "GPT-4o" in found, found


def test_a_catalogue_entitys_shorter_form_inside_its_mention_is_a_form_too(nlp):
    found = entities(nlp, "Reasoning", "RLVR elicits long chain-of-thought reasoning in language models.")
    cot = next(e for e in found.values() if e.catalogue_id and "chain" in e.catalogue_id)
    assert "chain-of-thought" in cot.mentions, cot


def test_known_agents_and_evaluation_suites_of_research_papers(nlp):
    found = entities(
        nlp,
        "ReproLab",
        "Agents, from The AI Scientist to Agent Laboratory, write papers; an AI scientist is rare. "
        "Perplexity on Paloma drops, and the GPT score on DriveLM rises.",
    )
    assert "AI scientist" not in found["The AI Scientist"].mentions, found
    assert {"Agent Laboratory", "Paloma", "GPTScore", "DriveLM"} <= set(found) and "GPT" not in found, found


def test_a_capitalised_word_listed_after_a_name_heads_no_eponym_term(nlp):
    found = entities(nlp, "Parsing", "Pipelines such as MinerU and Marker chain layout detection and OCR.")
    assert "Marker chain" not in found, found


def test_a_name_ending_on_its_model_class_is_a_model(nlp):
    found = entities(nlp, "Robots", "KineVLA injects priors, and MedZorbVLM reads scans.")
    assert found["KineVLA"].type == "Model" and found["MedZorbVLM"].type == "Model", found


def test_a_plain_lower_case_word_introduced_with_its_kind_and_used_again_is_proposed(nlp):
    found = entities(
        nlp,
        "Fewer Samples, Same Skills",
        "We introduce zorbsift, a gradient-free selection method. Unlike LESS, zorbsift needs no backprop.",
    )
    assert found["zorbsift"].proposed, found
    once = entities(nlp, "Regularisation", "We propose smoothing, a technique that helps training.")
    assert "smoothing" not in once, once


def test_a_cut_off_alone_and_an_api_format_are_no_names(nlp):
    found = entities(nlp, "Motion", "It gets an R-Precision (Top-3) of 0.83 from 3,100 OpenAPI specs.")
    assert not {"Top-3", "OpenAPI"} & set(found) and "R-Precision" in found, found


def test_a_links_file_id_and_a_messaging_app_are_no_names(nlp):
    found = entities(
        nlp,
        "Emotions",
        "Apps like WhatsApp carry chats. The appendix is at https://drive.google.com/file/ "
        "d/1i99e682CqYWMEDXlnqkqrctGLVA9viiz/view?usp= sharing",
    )
    assert not found, found


def test_a_decimal_version_joins_its_name_before_a_verb(nlp):
    found = entities(nlp, "ASR", "Training on FLEURS and Common Voice 17.0 reduces the word error rate.")
    assert found["Common Voice 17.0"].parent == "Common Voice", found


def test_deep_alone_and_two_words_a_pdf_ran_together_are_no_names(nlp):
    found = entities(
        nlp,
        "Robustness",
        "Widely used Deep neural networks are fragile; Deep Q-Networks too. It learns"
        " higher-orderConvolutional LSTM (ConvLSTM) on low-quality JPG images.",
    )
    assert not {"Deep", "Deep neural networks", "higher-orderConvolutional", "JPG"} & set(found), found
    assert {"Deep Q-Network", "ConvLSTM"} <= set(found), found
    own = entities(nlp, "Deep Random Splines", "We present Deep Random Splines, a class of processes.")
    assert own["Deep Random Splines"].proposed, own
    siamese = entities(nlp, "Humor", "We propose a Siamese architecture with LSTM networks.")
    assert "Siamese" not in siamese, siamese


def test_a_metric_name_before_a_data_noun_names_data(nlp):
    abstract = "We use digits from the NIST database, train on the SPICE dataset, report corpus-level BLEU."
    found = entities(nlp, "Digits", abstract)
    assert found["NIST"].type == "Dataset" and found["SPICE"].type == "Dataset", found
    assert found["BLEU"].type == "Metric", found
    high = entities(nlp, "Clues", "No high-precision database of such words exists for most languages.")
    assert not any(e.type == "Dataset" for e in high.values()), high


def test_a_pair_of_languages_glued_by_a_lost_space_is_no_name(nlp):
    abstract = "We test on the Spanish-toEnglish, ChineseEnglish and UrduEnglish directions with BLEU."
    found = entities(nlp, "Accurate Evaluation", abstract)
    assert not {"Spanish-toEnglish", "ChineseEnglish", "UrduEnglish"} & set(found), found
    assert "BLEU" in found, found


def test_a_pair_of_languages_is_no_name_and_log_and_low_light_data_are_known(nlp):
    found = entities(
        nlp,
        "Translation",
        "On MuST-C English-German and English-Spanish, wait-k lags. Drain parses BGL and Thunderbird"
        " logs, and it beats Retinexformer on LOL-v2-real and DARK FACE.",
    )
    assert not {"English-German", "English-Spanish", "DARK", "FACE"} & set(found), found
    assert {"wait-k", "Drain", "BGL", "Thunderbird", "LOL-v2-real", "DARK FACE"} <= set(found), found
    chat = entities(nlp, "Humor", "People write LOL in chats, and we study humor detection.")
    assert "LOw-Light dataset" not in chat, chat


def test_a_makers_product_a_glued_omni_and_a_challenges_task_are_named_whole(nlp):
    found = entities(
        nlp,
        "Agents",
        "We audit Perplexity Deep Research and SALMONN-omni on the DCASE 2024 Challenge Task 6 set.",
    )
    assert "Perplexity" not in found and "SALMONN-omni" in found, found
    assert found["DCASE 2024 Challenge Task 6"].type == "Benchmark", found
    metric = entities(nlp, "Language models", "We fine-tune GPT-2. Perplexity drops by 3 points.")
    assert "Perplexity" in metric, metric


def test_compiler_radar_and_genomics_words_are_no_names_and_a_compiler_model_is_known(nlp):
    found = entities(
        nlp,
        "Compilers",
        "LLM Compiler, pretrained on LLVM IR, is compared with LLM Compiler FTD 7B. It encodes cameras as"
        " Plücker ray maps and fuses optical and SAR imagery with eQTL and CAGE tracks and RTL designs.",
    )
    assert not {"LLVM", "Plücker", "SAR", "eQTL", "CAGE", "RTL"} & set(found), found
    assert found["LLM Compiler FTD 7B"].parent == "LLM Compiler FTD", found


def test_a_field_paired_with_its_short_form_and_phone_messages_are_no_entities(nlp):
    found = entities(
        nlp,
        "Rendering",
        "We translate Computer Graphic (CG) scenes to photos; each CG scene is edged. Drivers"
        " reply by Short Message Service (SMS) while driving.",
    )
    assert not {"Computer Graphic", "CG", "Short Message Service", "SMS"} & set(found), found
    solver = entities(nlp, "Solvers", "We run conjugate gradient (CG) until CG converges.")
    assert "CG" in solver["Conjugate Gradient"].mentions, solver


def test_bits_of_precision_and_boosting_an_update_are_no_method_or_metric(nlp):
    found = entities(
        nlp,
        "Quantization",
        "VGG-16 keeps its accuracy at 4-bits of precision. The attacker starts with simple boosting"
        " of the malicious agent's update.",
    )
    assert not {"Precision", "boosting"} & set(found) and "Accuracy" in found, found


def test_a_complexity_bound_with_a_tilde_or_an_omega_glyph_holds_no_names(nlp):
    found = entities(nlp, "Regret", "The regret is Õ(d p H3T ), near a lower bound ⌦( p HdT ) of GRPO.")
    assert not {"H3T", "HdT"} & set(found), found


def test_lower_case_the_stack_and_a_tucker_decomposition_are_what_they_say(nlp):
    found = entities(
        nlp,
        "Embeddings",
        "Tensor decomposition of the stack of matrices, a Tucker decomposition, beats CP decomposition.",
    )
    assert "The Stack" not in found, found
    assert {"Tensor Decomposition", "Tucker Decomposition", "CP Decomposition"} <= set(found), found
    assert found["Tucker Decomposition"].parent == "Tensor Decomposition", found


def test_mt_alone_is_machine_translation_and_sentence_encoders_are_models(nlp):
    found = entities(
        nlp,
        "Heads",
        "Attention drives Transformer-based MT models and BERT. We compare GloVe, Sent2vec and"
        " GenSen features.",
    )
    assert "MT" in found["machine translation"].mentions and found["machine translation"].type == "Task"
    assert {found[n].type for n in ("GloVe", "Sent2vec", "GenSen")} == {"Model"}, found


def test_parts_listed_before_their_data_set_are_its_catalogue_parts(nlp):
    text = "We evaluate on the Beauty, Sports and Toys subsets of the Amazon Reviews dataset."
    found = entities(nlp, "Recommendation", text)
    parts = {name for name, e in found.items() if e.parent == "Amazon Reviews"}
    assert len(parts) == 3 and {"Beauty", "Toys"} <= {m for n in parts for m in found[n].mentions}, found


def test_a_kind_before_another_phrase_of_a_list_does_not_type_its_such_as_list(nlp):
    found = entities(
        nlp,
        "Tokenizers",
        "We report PESQ, discriminability measured by ABX error rate, and downstream performance in"
        " systems such as AudioLM and Moshi.",
    )
    assert found["AudioLM"].type == "Model" and found["Moshi"].type == "Model", found


def test_a_capitalised_word_joined_to_a_letter_name_is_one_name(nlp):
    text = "Compared to Wave-U-Net (Stoller et al., 2018), it is cleaner than U-Net."
    found = entities(nlp, "Separation", text)
    assert {"Wave-U-Net", "U-Net"} <= set(found), found


def test_precision_in_a_paper_on_number_formats_is_a_width_not_a_metric(nlp):
    found = entities(
        nlp, "Adaptive Quantization", "We quantize each weight to an optimal precision, which keeps accuracy."
    )
    assert "Precision" not in found and "Accuracy" in found, found
    measured = entities(nlp, "Quantized Detectors", "Quantized detectors keep their precision and recall.")
    assert "Precision" in measured, measured


def test_a_numbered_track_and_computer_aided_design_are_no_names(nlp):
    found = entities(
        nlp,
        "Doom",
        "Our agent won Track1 of the ViZDoom AI Competition 2016 and renders CAD models; it adds 2 Bleu.",
    )
    assert not {"Track1", "CAD"} & set(found) and "ViZDoom AI Competition 2016" in found, found
    assert "Bleu" in found["BLEU"].mentions, found
    own = entities(nlp, "Counterfactuals", "We study counterfactually augmented data (CAD); CAD helps.")
    assert "counterfactually augmented data" in own, own


def test_a_translation_test_set_keeps_its_direction_and_its_bare_name(nlp):
    text = "We evaluate on IWSLT 2014 German-to-English and WMT 2014 English to French."
    found = entities(nlp, "Translation", text)
    iwslt = found["IWSLT 2014 German-to-English"]
    assert "IWSLT 2014" in iwslt.mentions and iwslt.type == "Benchmark", found
    assert "WMT 2014" in found["WMT 2014 English to French"].mentions, found
    text = "We translate English-German news with a Zorb 2014 English-German model."
    pair = entities(nlp, "Translation", text)
    assert not any("English-German" in name for name in pair), pair


def test_split_names_database_engines_and_ui_are_no_names(nlp):
    found = entities(
        nlp,
        "Grounding",
        "On RefCOCO val, testA and testB it wins; its UI is simple, and Longformer-large queries PostgreSQL.",
    )
    assert not {"testA", "testB", "UI", "PostgreSQL"} & set(found), found
    large = found["Longformer-large"]
    assert large.parent == "Longformer" and large.type == "Model", found


def test_janus_artifacts_are_no_model(nlp):
    found = entities(nlp, "Text-to-3D", "Distillation yields Janus artifacts; Janus-Pro draws the views.")
    assert "Janus" not in found and "Janus-Pro" in found, found


def test_semantic_web_languages_and_brain_signals_are_no_names(nlp):
    found = entities(
        nlp, "Ontologies", "We verbalise OWL ontologies, query RDF with SPARQL and read SSVEP from EEG."
    )
    assert not {"OWL", "RDF", "SPARQL", "SSVEP"} & set(found), found


def test_a_plural_subject_that_scores_is_no_metric_and_a_data_publisher_no_name(nlp):
    abstract = (
        "Zorbic language models (zLMs) are used widely. We trace this to how zLMs score combinations"
        " of substitutions. ACE 2005 is distributed by the Linguistic Data Consortium (LDC)."
    )
    found = entities(nlp, "Zorbic Models", abstract)
    assert found["Zorbic language models"].type != "Metric", found
    assert "Linguistic Data Consortium" not in found and "LDC" not in found, found


def test_a_release_glued_to_a_known_model_is_a_variant_of_it(nlp):
    abstract = "It beats reward models such as Skywork-Reward-Llama-3.1-8B-v0.2 and Qwen2.5-7B-v0.1."
    found = entities(nlp, "A title", abstract)
    assert found["Qwen2.5-7B-v0.1"].parent == "Qwen2.5-7B", found
    assert "Skywork-Reward-Llama-3.1-8B-v0.2" in found, found


def test_a_giant_or_huge_size_in_lower_case_stays_with_its_model(nlp):
    found = entities(nlp, "A title", "We compare frozen DINOv2-g and UNI2-h features.")
    assert "DINOv2-g" in found and "UNI2-h" in found, found


def test_a_metric_or_method_keeps_the_qualified_forms_the_paper_writes(nlp):
    abstract = (
        "It lowers the ligand RMSD to 1.2 and reaches a macro AUROC of 0.91 with higher accuracy."
        " To maximise F1 and the intractable log-likelihood, we also report the citation F1."
        " We train with normalized SGD and a simple CRF;"
        " simple recurrent neural networks (S-RNNs) and representations facilitate transfer learning."
    )
    found = entities(nlp, "A title", abstract)
    metrics = {e.name: e for e in found.values() if e.type == "Metric"}
    forms = {form for e in metrics.values() for form in e.mentions}
    assert {"ligand RMSD", "macro AUROC", "citation F1"} <= forms, forms
    assert not {"higher accuracy", "maximise F1", "intractable log-likelihood"} & forms, forms
    # the measure stays one entity, named as the catalogue names it
    assert not {"ligand RMSD", "macro AUROC", "citation F1"} & set(metrics), metrics
    method_forms = {form for e in found.values() if e.type == "Method" for form in e.mentions}
    assert "normalized SGD" in method_forms, method_forms
    assert not {"simple CRF", "facilitate transfer learning"} & method_forms, method_forms
    # (a name of its own, with its short form, not a recurrent network qualified as simple)
    rnn_forms = {form for e in found.values() if e.name == "Recurrent Neural Network" for form in e.mentions}
    assert "simple recurrent neural networks" not in rnn_forms, found


@pytest.mark.parametrize(
    ("abstract", "name", "form"),
    [
        (
            "Models for instruction-based image editing still fail on counting.",
            "image editing",
            "instruction-based image editing",
        ),
        (
            "We study gradient-based hyperparameter optimization at scale.",
            "hyperparameter optimization",
            "gradient-based hyperparameter optimization",
        ),
    ],
)
def test_a_compound_that_says_how_qualifies_a_task(nlp, abstract, name, form):
    found = entities(nlp, "A title", abstract)
    assert form in found[name].mentions, found


def test_the_end_of_an_open_compound_or_a_time_word_qualifies_nothing(nlp):
    abstract = (
        "We study large scale text classification and real world CQA data. Planning may benefit"
        " MBRL agents in future MBRL work, unlike the current policy gradient."
    )
    forms = {form for e in entities(nlp, "A title", abstract).values() for form in e.mentions}
    assert {"text classification", "CQA", "MBRL", "policy gradient"} <= forms, forms
    assert not {"scale text classification", "world CQA", "benefit MBRL", "future MBRL"} & forms, forms
    assert "current policy gradient" not in forms, forms
    abstract = "This made semi-supervised learning easy for difficult relation extraction and real-world OCR."
    forms = {form for e in entities(nlp, "A title", abstract).values() for form in e.mentions}
    assert not {"made semi-supervised learning", "difficult relation extraction", "real-world OCR"} & forms
    abstract = (
        "We study long horizon hierarchical reinforcement learning and binary code vulnerability detection."
    )
    forms = {form for e in entities(nlp, "A title", abstract).values() for form in e.mentions}
    assert not {"horizon hierarchical reinforcement learning", "code vulnerability detection"} & forms, forms


@pytest.mark.parametrize(
    ("title", "abstract", "name", "kind"),
    [
        ("A title", "We report perplexity on the WikiText-103 benchmark.", "WikiText-103", "Benchmark"),
        ("A title", "We release DuoRC, a novel dataset for reading comprehension.", "DuoRC", "Dataset"),
        (
            "TabFact: A Large-scale Dataset for Table-based Fact Verification",
            "We build it.",
            "TabFact",
            "Dataset",
        ),
    ],
)
def test_a_known_data_set_is_the_kind_of_data_the_paper_calls_it(nlp, title, abstract, name, kind):
    assert entities(nlp, title, abstract)[name].type == kind


def test_a_count_of_data_sets_is_no_name_written_with_a_hyphen(nlp):
    found = entities(nlp, "A title", "We benchmark eight methods on 5 datasets. We also test on 5-datasets.")
    assert found["5-datasets"].mentions == ["5-datasets"], found


def test_a_word_written_as_a_word_is_no_case_sensitive_name_with_inner_capitals(nlp):
    # BiT (Big Transfer) and UnitY are case-sensitive catalogue names; "Bits" and "Unity" are words
    abstract = "Agents are tested on the Bits benchmark. It is powered by SUMO and Unity."
    found = entities(nlp, "A title", abstract)
    assert not {"Big Transfer", "UnitY"} & set(found), found
    found = entities(nlp, "BIDAF FOR READING", "We extend BIDAF to longer passages.")
    assert "BiDAF" in found, found


def test_a_word_of_scale_quality_role_or_a_bare_verb_qualifies_nothing(nlp):
    abstract = (
        "We visualize and understand GANs, further explore speech enhancement, run representative"
        " few-shot classification methods, train a student CNN, and use high fidelity entity typing"
        " for downstream QA and large-scale NLI."
    )
    forms = {form for e in entities(nlp, "A title", abstract).values() for form in e.mentions}
    assert {"GANs", "speech enhancement", "few-shot classification", "CNN", "QA", "NLI"} <= forms, forms
    glued = {"understand GANs", "explore speech enhancement", "representative few-shot classification"}
    glued |= {"student CNN", "fidelity entity typing", "downstream QA", "large-scale NLI"}
    assert not glued & forms, forms


def test_a_task_takes_no_kind_noun_nor_the_verb_of_a_plural_subject(nlp):
    found = entities(
        nlp,
        "Do explanations make VQA models more predictable?",
        "We train sentiment analysis models and NMT models, and a VAE model with a KL loss.",
    )
    forms = {form for e in found.values() for form in e.mentions}
    assert {"VQA", "sentiment analysis", "NMT", "VAE model", "KL loss"} <= forms, forms
    assert not {"make VQA", "VQA models", "sentiment analysis models", "NMT models"} & forms, forms


def test_a_known_method_the_title_qualifies_and_the_abstract_calls_its_own_is_a_new_method(nlp):
    found = entities(
        nlp,
        "Fully Quantized Transformer for Zorbic Translation",
        "We quantize every matrix product. Our fully quantized Transformer matches the Transformer.",
    )
    assert {"Fully Quantized Transformer", "fully quantized Transformer"} <= set(
        found["Fully Quantized Transformer"].mentions
    ), found
    assert "Transformer" in found, found
    # a word that only rates the method makes no new one
    plain = entities(nlp, "Simple Transformer for Zorbic Translation", "Our simple Transformer wins.")
    assert "Simple Transformer" not in plain and "Transformer" in plain, plain


def test_a_preposition_qualifies_nothing(nlp):
    found = entities(nlp, "A title", "We compare best-of-N sampling versus majority voting.")
    forms = {form for e in found.values() for form in e.mentions}
    assert "majority voting" in forms and "versus majority voting" not in forms, forms


def test_imagenet_at_a_resolution_is_imagenet(nlp):
    found = entities(
        nlp, "A title", "It reaches an FID of 1.21 on ImageNet 256×256 and 2.3 on ImageNet 512x512."
    )
    assert "ImageNet" in found and "ImageNet-1K" not in found, found


@pytest.mark.parametrize("size", ["32 × 32", "32×32", "64x64", "64 x 64"])
def test_imagenet_at_a_typeset_resolution_is_one_mention(nlp, size):
    found = entities(nlp, "A title", f"It reaches 3.2 bits per dimension on CIFAR-10 and ImageNet {size}.")
    assert f"ImageNet {size}" in found["ImageNet"].mentions, found
    assert "Downsampled ImageNet" not in found, found


@pytest.mark.parametrize(
    ("abstract", "name", "form"),
    [
        (
            "The policies achieve zero-shot sim2real transfer on a real arm.",
            "sim-to-real transfer",
            "sim2real transfer",
        ),
        (
            "The policies achieve zero-shot sim-to-real transfer on a real arm.",
            "sim-to-real transfer",
            "sim-to-real transfer",
        ),
    ],
)
def test_a_short_form_takes_the_head_noun_of_its_long_name(nlp, abstract, name, form):
    found = entities(nlp, "A title", abstract)
    assert form in found[name].mentions, found


@pytest.mark.parametrize(("form", "family"), [("OpenVLA-7B", "OpenVLA"), ("GPT-J-6B", "GPT-J")])
def test_a_model_made_in_one_size_is_still_its_own_sized_variant(nlp, form, family):
    found = entities(
        nlp, "A title", f"We distill {family} into a small policy, starting from {form} weights."
    )
    assert found[form].parent == family and found[family].mentions == [family], found


@pytest.mark.parametrize(
    ("abstract", "name", "form"),
    [
        ("Accuracy rises on WinoGrande, ARC-e, ARC-c and OBQA.", "ARC-Easy", "ARC-e"),
        ("Accuracy rises on WinoGrande, ARC-e, ARC-c and OBQA.", "ARC-Challenge", "ARC-c"),
        ("Edits keep DINO feature similarity high.", "DINO Score", "DINO feature similarity"),
        (
            "Edits raise CLIP directional similarity.",
            "CLIP directional similarity",
            "CLIP directional similarity",
        ),
        ("The ImageBind score rises from 0.21 to 0.30.", "ImageBind score", "ImageBind score"),
        ("Masks are filled by FLUX.1 Fill for local edits.", "FLUX.1 Fill", "FLUX.1 Fill"),
        ("It improves normalized edit distance (NED) by 0.1.", "Normalized Edit Distance", "NED"),
        ("With 1% of the DQN Replay Dataset it beats DQN.", "DQN Replay Dataset", "DQN Replay Dataset"),
        (
            "Tokenizers such as BPE and the Unigram language model fix a vocabulary.",
            "Unigram",
            "Unigram language model",
        ),
        ("It reaches 77.9 F1 and 76.5 Ign F1 on DocRED.", "Ign F1", "Ign F1"),
        ("The program is fed into a general purpose A* planner.", "A* Search", "A* planner"),
        ("We train small networks on cifar10 and report test error.", "CIFAR-10", "cifar10"),
        (
            "Distilling SD3-Medium on 2M prompts gives a one-step model.",
            "Stable Diffusion 3 Medium",
            "SD3-Medium",
        ),
    ],
)
def test_benchmark_splits_and_generation_metrics_by_their_usual_names(nlp, abstract, name, form):
    found = entities(nlp, "A title", abstract)
    assert form in found[name].mentions, found


@pytest.mark.parametrize(
    ("abstract", "name", "short"),
    [
        (
            "Predictive State Recurrent Neural Networks (PSRNNs) model time series. PSRNNs filter.",
            "Predictive State Recurrent Neural Networks",
            "PSRNNs",
        ),
        (
            "We build on Restricted Kernel Machines (RKMs) for generation.",
            "Restricted Kernel Machines",
            "RKMs",
        ),
        (
            "Bellman Error Basis Functions (BEBFs) improve policy evaluation. We generate BEBFs fast.",
            "Bellman Error Basis Functions",
            "BEBFs",
        ),
    ],
)
def test_a_title_cased_family_with_a_plural_short_form_is_a_name(nlp, abstract, name, short):
    found = entities(nlp, "A title", abstract)
    assert short in found[name].mentions, found


def test_a_title_cased_class_of_models_with_a_plural_short_form_is_no_name(nlp):
    found = entities(nlp, "A title", "Protein Language Models (PLMs) read sequences. PLMs help.")
    assert not any("PLMs" in e.mentions for e in found.values()), found


@pytest.mark.parametrize(
    ("title", "name"),
    [
        # (a name no catalogue knows: a known one in a title is no proposal by itself)
        (
            "Zorbation-Prediction Networks for Irregularly Sampled Series",
            "Zorbation-Prediction Networks",
        ),
        (
            "Multi-Domain Processing via Hybrid Denoising Networks for Speech Enhancement",
            "Hybrid Denoising Networks",
        ),
    ],
)
def test_a_title_names_the_way_it_proposes_before_what_it_is_for(nlp, title, name):
    found = entities(nlp, title, "We propose a new network that works on noisy inputs.")
    assert found[name].proposed, found


@pytest.mark.parametrize(
    "abstract",
    [
        "We assign each cached token one of three precisions (8, 4 or 2 bits) after quantization.",
        "FP8 pretraining matches bf16 runs; the router stays in higher precision.",
    ],
)
def test_precision_in_a_paper_on_number_formats_is_no_metric(nlp, abstract):
    found = entities(nlp, "Mixed-Precision Training", abstract)
    assert "Precision" not in found, found


def test_a_list_of_suites_after_a_benchmark_names_its_parts(nlp):
    abstract = "On the LIBERO benchmark it reaches 96.8% across the Spatial, Object, Goal and Long suites."
    found = entities(nlp, "A title", abstract)
    assert {"LIBERO", "LIBERO-Spatial", "LIBERO-Object", "LIBERO-Goal", "LIBERO-Long"} <= set(found), found
    assert "Spatial" not in found and found["LIBERO-Long"].mentions == ["Long"], found


def test_a_hardware_acronym_spelled_out_as_something_else_is_the_papers_term(nlp):
    found = entities(
        nlp, "A title", "We revisit the Recurrent Attention Model (RAM, Mnih et al. (2014)). RAM is slow."
    )
    assert "RAM" in found["Recurrent Attention Model"].mentions, found
    found = entities(nlp, "A title", "It fits in 16 GB of random access memory (RAM) on one GPU.")
    assert not any("RAM" in e.mentions for e in found.values()), found


def test_grant_numbers_and_funding_offices_are_no_names_but_a_hashtag_is(nlp):
    abstract = (
        "Funded by National Institutes of Health #1R01 LM009961-01 and ONR #N00014-17-1-2091. "
        "We study the #HashtagWars dataset."
    )
    found = entities(nlp, "A title", abstract)
    assert "1R01" not in found and "ONR" not in found and "HashtagWars" in found, found


def test_a_paradigm_is_not_the_model_family_built_on_it(nlp):
    found = entities(
        nlp, "A title", "Visual autoregressive modeling (VAR) made next-scale prediction popular."
    )
    assert "next-scale prediction" in found, found
    assert "next-scale prediction" not in found["Visual Autoregressive Modeling"].mentions, found


def test_a_language_pair_in_codes_alone_is_no_name(nlp):
    found = entities(
        nlp,
        "A title",
        "For the WMT14 En-De and De-En task, BLEU rises by 1.2. On IWSLT14 De-En and En-De it wins.",
    )
    assert "WMT14 English-German" in found and not any("De-En" in e.mentions for e in found.values()), found


@pytest.mark.parametrize(
    ("abstract", "name"),
    [
        (
            "We sample without replacement using Stochastic Beam Search over the decoder.",
            "Stochastic Beam Search",
        ),
        (
            "We designed a Contextual Recurrent Convolutional Network for robust vision.",
            "Contextual Recurrent Convolutional Network",
        ),
        # "Neural" names a learnt kind of a classical method; it rates nothing
        (
            "We propose a novel memory architecture, the Neural Bloom Filter, which is compact.",
            "Neural Bloom Filter",
        ),
    ],
)
def test_capitalised_words_before_a_title_cased_method_name_a_kind_of_it(nlp, abstract, name):
    found = entities(nlp, "A title", abstract)
    assert name in found, found


@pytest.mark.parametrize(
    ("abstract", "name", "parent"),
    [
        (
            "We propose Meta Decision Transformer for offline meta-RL.",
            "Meta Decision Transformer",
            "Decision Transformer",
        ),
        ("We sample sequences using Stochastic Beam Search.", "Stochastic Beam Search", "Beam Search"),
    ],
)
def test_a_qualified_title_cased_method_is_a_variant_of_the_longest_known_name(nlp, abstract, name, parent):
    found = entities(nlp, "A title", abstract)
    assert found[name].parent == parent, found


def test_a_plain_capitalised_word_before_a_title_cased_method_names_nothing_new(nlp):
    found = entities(nlp, "A title", "The method improves on Standard Beam Search for decoding.")
    assert "Beam Search" in found and "Standard Beam Search" not in found, found


@pytest.mark.parametrize(
    ("abstract", "name"),
    [
        ("On WikiANN and MultiCoNER II it improves entity-level F1.", "MultiCoNER II"),
        ("It improves by 4.1 points over GLiNER-multi on average.", "GLiNER-multi"),
    ],
)
def test_a_roman_release_and_a_multilingual_tag_end_a_name(nlp, abstract, name):
    found = entities(nlp, "A title", abstract)
    assert name in found, found


def test_a_run_of_capitals_longer_than_a_qualifier_makes_no_cut_name(nlp):
    found = entities(
        nlp, "A title", "We propose the Gaussian Process Prior Variational Autoencoder for videos."
    )
    assert "Process Prior Variational Autoencoder" not in found, found


def test_a_depth_tag_ends_a_models_name(nlp):
    found = entities(nlp, "A title", "It outperforms VAR-d30 and MAR-H while being four times faster.")
    assert "VAR-d30" in found and "Visual Autoregressive Modeling" not in found, found
    # ... as a size tag of letters and a count does ("so400m": shape-optimised, 400M)
    found = entities(nlp, "A title", "The vision encoder is SigLIP2-so400m and the decoder Qwen2.5-0.5B.")
    assert "SigLIP2-so400m" in found and found["SigLIP2-so400m"].type == "Model", found


def test_a_task_keeps_the_qualified_forms_the_paper_writes(nlp):
    abstract = (
        "We study biomedical relation extraction and satellite image classification, unlike current MT."
    )
    found = entities(nlp, "A title", abstract)
    forms = {form for e in found.values() if e.type == "Task" for form in e.mentions}
    assert {"biomedical relation extraction", "satellite image classification"} <= forms, forms
    assert "current MT" not in forms, forms
    assert {"relation extraction", "image classification"} <= set(found), found


def test_extra_sizes_in_lower_case_stay_with_their_model(nlp):
    found = entities(
        nlp, "A title", "Drafts such as ProGen2-small paired with ProGen2-xlarge or Zorb-xxlarge."
    )
    assert {"ProGen2-small", "ProGen2-xlarge", "Zorb-xxlarge"} <= set(found), found


def test_a_generic_acronym_joined_to_a_capitalised_word_is_a_name(nlp):
    abstract = "Unlike prior methods such as FastV and VLA-Cache, or LLM-Synthesized data, it is NP-Hard."
    found = entities(nlp, "A title", abstract)
    assert "VLA-Cache" in found, found
    assert not {"LLM-Synthesized", "NP-Hard"} & set(found), found


def test_a_count_in_place_of_a_names_n_is_that_name(nlp):
    found = entities(nlp, "A title", "Best-of-8 improves accuracy over greedy decoding.")
    assert "Best-of-8" in found["Best-of-N Sampling"].mentions, found


def test_a_coined_title_name_is_not_the_task_its_capitals_spell(nlp):
    title = "StreamZT: Simultaneous Zorbic Translation with Large Language Models"
    abstract = "We introduce StreamZT, which couples a speech encoder with an LLM for translation."
    found = entities(nlp, title, abstract)
    assert found["StreamZT"].proposed and found["StreamZT"].type != "Task", found
    assert "Simultaneous Zorbic Translation" not in found["StreamZT"].mentions, found


def test_a_catalogue_form_inside_a_hyphenated_word_grows_no_variant(nlp):
    found = entities(nlp, "A title", "We reward Step-by-Step Audio Reasoning in models such as Step-Audio.")
    assert "Step Audio Reasoning" not in found and "Step-Audio" in found, found


def test_formats_directions_and_venues_are_no_names(nlp):
    abstract = (
        "We translate English-to-Chinese and English-to-German speech, write scores as MIDI and"
        " tables as Markdown, and test on the ASRU 2019 challenge data. English-to-Chinese is hard;"
        " MIDI and Markdown are everywhere; ASRU results are close."
    )
    found = entities(nlp, "Speech Formats", abstract)
    names = {m for e in found.values() for m in (e.name, *e.mentions)}
    never = {"English-to-Chinese", "English-to-German", "MIDI", "Markdown", "ASRU", "ASRU 2019"}
    assert not never & names, found


def test_a_checkpoint_tag_a_lone_variant_word_and_a_field_pair(nlp):
    found = entities(
        nlp,
        "SWE-Forge: Environments for Training Software Engineering Agents",
        "Training software engineering (SWE) agents is hard. Tuned from xLAM-7b-fc-r, it resolves 51%"
        " on SWE-bench Verified; the Verified score rises.",
    )
    assert "xLAM-7b-fc-r" in found and "SWE-bench Verified" in found, found
    assert not {"Verified", "software engineering", "Software Engineering", "xLAM-7b"} & set(found), found


def test_octo_sizes_are_apart_and_a_physics_engine_and_bev_are_no_names(nlp):
    found = entities(
        nlp,
        "Policies",
        "We test Octo-Small and Octo-Base in PhysX with BEV features; the L2 error beats LLM-Planner's.",
    )
    assert {"Octo-Small", "Octo-Base", "L2 Error", "LLM-Planner"} <= set(found), found
    assert not {"PhysX", "BEV", "Octo"} & set(found), found


def test_frequency_and_currency_units_are_no_metrics_and_a_diffusion_suffix_stays(nlp):
    found = entities(nlp, "Phonons", "EQGAT-diff errs by 0.9 THz and costs 0.40 USD; a Potts model fits.")
    assert not {"THz", "USD", "EQGAT"} & set(found), found
    assert {"EQGAT-diff", "Potts Model"} <= set(found), found


def test_a_metric_symbol_joined_to_a_method_name_is_no_variant_of_the_metric(nlp):
    found = entities(nlp, "Reasoning", "We compare R²-GRPO, Zorb-GRPO and Seq-DPO with PPO on GSM8K.")
    assert found["R²-GRPO"].parent is None and found["R²-GRPO"].type == "Method", found
    assert found["Zorb-GRPO"].type == "Method", found


def test_a_contrastive_objective_is_no_name_but_a_contrastive_loss_is(nlp):
    # readers name the loss ("a contrastive loss between frames and tokens"); "a contrastive
    # objective that aligns X with Y" describes what a model is trained for
    found = entities(nlp, "A title", "The encoder is trained with a contrastive objective on 2M pairs.")
    assert "Contrastive Loss" not in found, found
    found = entities(nlp, "A title", "We add a contrastive loss between encoder frames and tokens.")
    assert "Contrastive Loss" in found, found


@pytest.mark.parametrize(
    "abstract",
    [
        "Previous works employ supervised learning to learn the one-step transition models.",
        "The agent uses imitation learning to learn a single policy for all tasks.",
    ],
)
def test_a_kind_of_learning_before_to_learn_is_no_learning_to_learn(nlp, abstract):
    assert "Meta-Learning" not in entities(nlp, "A title", abstract)


def test_learning_to_learn_on_its_own_is_meta_learning(nlp):
    found = entities(nlp, "A title", "We train few-shot classifiers by learning to learn from many tasks.")
    assert "learning to learn" in found["Meta-Learning"].mentions, found


def test_a_split_joined_to_a_data_set_is_a_form_of_it_and_one_after_a_space_is_left_out(nlp):
    found = entities(nlp, "A title", "On miniF2F-test it proves 64.3% of theorems, and 81% on Spider test.")
    assert found["miniF2F"].mentions == ["miniF2F-test"], found
    assert found["Spider"].mentions == ["Spider"], found


def test_a_bound_on_model_size_is_no_name_even_capitalised(nlp):
    found = entities(nlp, "Does GRPO Help Sub-1B Models Reason?", "We train Sub-2B models with GRPO.")
    assert not any(name.startswith("Sub-") for name in found), found


def test_a_word_annotated_by_something_is_a_modifier_but_a_verified_benchmark_is_a_name(nlp):
    found = entities(nlp, "A title", "We train on Human-Annotated data and test on OSWorld-Verified.")
    assert "Human-Annotated" not in found, found
    assert "OSWorld-Verified" in found["OSWorld-Verified"].mentions, found


def test_hardware_and_software_abbreviations_are_no_names(nlp):
    found = entities(nlp, "A title", "It carries over to efficient HW implementations and HW/SW codesign.")
    assert "HW" not in found and "SW" not in found, found


@pytest.mark.parametrize(
    ("written", "known"),
    [
        ("MIR-Flickr", "MIRFlickr"),
        ("SpaceInvaders", "Space Invaders"),
        ("InceptionResnetV2", "Inception-ResNet-v2"),
    ],
)
def test_a_known_name_written_with_other_hyphens_or_spaces_is_that_name(nlp, written, known):
    found = entities(nlp, "A title", f"We evaluate on {written} with a simple baseline.")
    assert known in found and found[known].mentions == [written], found


def test_an_acronym_with_another_hyphen_is_not_respaced_into_a_known_name(nlp):
    found = entities(nlp, "A title", "Captions are scored with CIDEr and PAC-S against references.")
    assert "PACS" not in found, found


@pytest.mark.parametrize(
    ("abstract", "known"),
    [
        ("We stack a Graph Convolution Network (GCN) on the features.", "Graph Convolutional Network"),
        ("Training uses Stochastic Gradient Descend (SGD) for all runs.", "Stochastic Gradient Descent"),
        ("Inputs feed a spiking neuron network (SNN) on chip.", "Spiking Neural Network"),
        # a head noun the short form leaves out is not a letter off
        ("We plug it into the advantageous actor critic algorithm (A2C).", "Advantage Actor-Critic"),
    ],
)
def test_a_long_form_spelled_a_little_off_is_the_known_name_of_its_short_form(nlp, abstract, known):
    found = entities(nlp, "A title", abstract)
    assert known in found and len(found) == 1, found


def test_a_papers_long_form_settles_an_acronym_two_known_names_share(nlp):
    found = entities(
        nlp, "A title", "We study wide fully connected neural networks (FCNs). Wide FCNs generalize well."
    )
    assert "Multilayer Perceptron" in found and "Fully Convolutional Network" not in found, found
    assert "FCNs" in found["Multilayer Perceptron"].mentions, found


def test_a_lower_case_adjective_before_a_known_acronym_is_no_part_of_its_capitalised_name(nlp):
    found = entities(nlp, "A title", "We explore efficient neural architecture search methods for vision.")
    assert "Neural Architecture Search" in found, found
    assert "Efficient Neural Architecture Search" not in found, found
    found = entities(nlp, "A title", "We compare with Efficient Neural Architecture Search on CIFAR-10.")
    assert "Efficient Neural Architecture Search" in found, found


@pytest.mark.parametrize(
    ("abstract", "known", "not_known"),
    [
        (
            "Graph convolutional neural networks have been applied widely.",
            "Graph Convolutional Network",
            "Convolutional Neural Network",
        ),
        ("We adapt self-ensembling to visual domain adaptation.", "self-ensembling", "Ensemble Learning"),
    ],
)
def test_a_known_name_that_another_known_name_holds_is_not_taken_apart(nlp, abstract, known, not_known):
    found = entities(nlp, "A title", abstract)
    assert known in found and not_known not in found, found


def test_a_long_form_near_two_known_names_of_its_short_form_stays_the_papers(nlp):
    found = entities(nlp, "A title", "We pretrain with Self-Supervised Training (SSL) on unlabeled audio.")
    assert "Self-Supervised Learning" not in found and "Semi-Supervised Learning" not in found, found


@pytest.mark.parametrize(
    ("abstract", "known"),
    [
        ("Sampling runs a Monte-Carlo Markov Chain (MCMC) in latent space.", "Markov Chain Monte Carlo"),
        ("Agents built on Deep Q-learning networks (DQN) play the games.", "Deep Q-Network"),
        ("Layers are joined as in the Dense Convolutional Network (DenseNet).", "DenseNet"),
        ("Accuracy on the Multi-Genre NLI (MultiNLI) dataset rises by two points.", "MultiNLI"),
        ("Features come from a convolutional NN (CNN) trained on images.", "Convolutional Neural Network"),
    ],
)
def test_a_long_form_in_other_words_is_the_known_name_of_its_short_form(nlp, abstract, known):
    found = entities(nlp, "A title", abstract)
    assert known in found, found


def test_a_long_form_that_qualifies_the_known_name_of_its_short_form_stays_the_papers(nlp):
    found = entities(nlp, "A title", "By taking an extra step, optimistic mirror descent (OMD) converges.")
    assert "Mirror Descent" not in found, found


def test_a_long_name_set_in_capitals_and_written_twice_is_found(nlp):
    abstract = (
        "We present ZORBAGRAD, a method that learns from several domains. Unlike prior work, "
        "ZORBAGRAD needs no labels from the new domain. It is IMPORTANT to note this."
    )
    found = entities(nlp, "Generalizing across domains", abstract)
    assert "ZORBAGRAD" in found and found["ZORBAGRAD"].proposed, found
    assert "IMPORTANT" not in found, found


def test_a_name_set_in_capitals_takes_the_spelling_the_title_gives_it(nlp):
    abstract = "ZORBALEON learns a policy for code tuning. ZORBALEON is fast and ZORBALEON is small."
    found = entities(nlp, "Zorbaleon: Adaptive Code Tuning", abstract)
    assert "Zorbaleon" in found and "ZORBALEON" in found["Zorbaleon"].mentions, found


def test_an_ambiguous_acronym_listed_among_known_data_sets_is_the_data_set(nlp):
    abstract = (
        "We score tokens by their attention from the query. "
        "It keeps 95% of the performance averaged over GQA, TextVQA, POPE and MMBench."
    )
    found = entities(nlp, "Pruning visual tokens", abstract)
    assert "GQA" in found and found["GQA"].type == "Benchmark", found
    assert "Grouped-Query Attention" not in found, found


@pytest.mark.parametrize(
    ("abstract", "modifier", "known"),
    [
        ("Seeds evolve by an Evol-Instruct-style mutation process.", "Evol-Instruct-style", "Evol-Instruct"),
        ("We construct a ReLU-based neural network with few layers.", "ReLU-based", "Rectified Linear Unit"),
    ],
)
def test_a_name_with_a_modifier_suffix_gives_the_name_not_a_phrase(nlp, abstract, modifier, known):
    found = entities(nlp, "A title", abstract)
    assert known in found, found
    assert not any(modifier in name for name in found), found


def test_a_family_suffix_names_the_family(nlp):
    found = entities(nlp, "A title", "Random rewards can improve Qwen-family models on MATH.")
    assert "Qwen" in found and not any("family" in name for name in found), found


def test_phones_and_neural_processors_are_hardware_not_methods(nlp):
    found = entities(nlp, "A title", "Prefill runs on the NPU of two iPhones and eight Android phones.")
    assert not {"NPU", "iPhones"} & set(found), found


def test_a_title_whose_initials_skip_a_function_word_is_the_long_form_of_the_abstracts_acronym(nlp):
    abstract = "We present ZLPO, a method that learns latent policies. ZLPO beats behavior cloning."
    found = entities(nlp, "Zipping Latent Policies from Observation", abstract)
    name = "Zipping Latent Policies from Observation"
    assert name in found and "ZLPO" in found[name].mentions and found[name].proposed, found


def test_a_plural_acronym_whose_long_form_the_title_writes_is_one_entity(nlp):
    abstract = "Training without locking gives Decoupled Zorb Interfaces (DZIs). We study DZIs."
    found = entities(nlp, "Understanding Decoupled Zorb Interfaces", abstract)
    name = "Decoupled Zorb Interfaces"
    assert name in found and "DZIs" in found[name].mentions, found


def test_a_plain_word_with_a_participle_of_checking_is_a_modifier(nlp):
    title = "ZorbScope: Scaling Execution-Verified Training Environments"
    found = entities(nlp, title, "ZorbScope helps agents.")
    assert "Execution-Verified" not in found and "ZorbScope" in found, found


def test_a_title_name_before_evaluating_is_a_benchmark(nlp):
    title = "Zorbstack: Evaluating Long-Context Retrieval across 25 Languages"
    found = entities(nlp, title, "We introduce Zorbstack, which extends retrieval to 25 languages.")
    assert found["Zorbstack"].type == "Benchmark", found


def test_a_capability_such_as_tool_use_is_no_entity(nlp):
    found = entities(nlp, "A title", "Agents need tool use and planning to solve web tasks.")
    assert not any("tool" in name.lower() for name in found), found


def test_a_score_a_procedure_computes_is_a_metric(nlp):
    abstract = "We introduce a causal scoring procedure, Zorbic Reliance Score (ZRS), that measures reliance."
    found = entities(nlp, "A title", abstract)
    assert found["Zorbic Reliance Score"].type == "Metric", found


def test_a_number_run_into_the_next_word_is_no_name(nlp):
    abstract = "The rate is set to 0.5.Obviously, it converges. Zorbic is up to 10-20Xfaster than Gym."
    found = entities(nlp, "A title", abstract)
    assert not any(name[0].isdigit() for name in found), found


def test_an_example_in_a_bracket_without_full_stops_is_no_short_form(nlp):
    abstract = (
        "When the game environment is one where strong strategies can be computed in the zero-sum "
        "setting (eg. Atari) agents cooperate."
    )
    found = entities(nlp, "A title", abstract)
    assert not any("strategies" in name for name in found), found


def test_a_known_data_set_named_by_a_plain_word_keeps_its_head_noun_as_a_form(nlp):
    found = entities(nlp, "A title", "We train on the 100K-hour Emilia dataset for speech synthesis.")
    assert found["Emilia"].mentions == ["Emilia", "Emilia dataset"], found


@pytest.mark.parametrize(
    ("abstract", "meant"),
    [
        ("We compare VGGish, PANNs, CLAP and MERT embeddings.", "Acoustic Music Understanding Model"),
        ("We tune the phrase-based system weights with MERT and report BLEU.", "minimum error rate training"),
    ],
)
def test_mert_is_the_music_model_among_audio_models_and_a_tuning_method_in_translation(nlp, abstract, meant):
    found = entities(nlp, "A title", abstract)
    assert meant in found and found[meant].mentions == ["MERT"], found


def test_a_rate_at_a_fixed_rate_of_errors_is_one_metric(nlp):
    found = entities(nlp, "A title", "The attack reaches a TPR at 1% FPR of 12.5% on the held-out members.")
    assert "TPR at 1% FPR" in found and found["TPR at 1% FPR"].type == "Metric", found


def test_a_multilingual_version_of_a_known_benchmark_is_a_benchmark(nlp):
    found = entities(nlp, "A title", "The ranking of chat models on m-ArenaHard changes with the judge.")
    assert found["m-ArenaHard"].type == "Benchmark", found


def test_a_known_data_set_written_with_its_kind_noun_is_that_data_set_with_that_form(nlp):
    abstract = "We evaluate on the Wall Street Journal Dataset and the LibriSpeech Corpus."
    found = entities(nlp, "A title", abstract)
    assert "Wall Street Journal Dataset" in found["Wall Street Journal corpus"].mentions, found
    assert "LibriSpeech Corpus" in found["LibriSpeech"].mentions, found


def test_a_model_named_data_at_the_end_of_a_list_trained_on_is_the_data(nlp):
    abstract = (
        "We fine-tune Llama-3.1-8B-Instruct, Gemma-2-9B-it and Qwen2.5-7B-Instruct on SST-2, "
        "AGNews, GSM8K and Alpaca mixed with harmful samples."
    )
    found = entities(nlp, "A title", abstract)
    assert "Alpaca-52K" in found and "Alpaca" not in found, found


def test_a_known_name_of_several_words_written_with_hyphens_inside_them_is_that_name(nlp):
    found = entities(nlp, "A title", "We train a Feed-Forward Neural Network (FFNN) on the features.")
    assert "Multilayer Perceptron" in found, found


def test_a_plural_in_es_or_ies_is_the_same_entity_as_its_singular(nlp):
    found = entities(nlp, "A title", "The Poisson processes and a Poisson process fit the events.")
    assert len(found) == 1, found
    assert set(next(iter(found.values())).mentions) == {"Poisson processes", "Poisson process"}


@pytest.mark.parametrize(
    ("abstract", "metric"),
    [
        ("Latency is measured in average lagging on MuST-C.", "Average Lagging"),
        ("It improves d-BLEU by 1.2 points on document translation.", "d-BLEU"),
        ("Designs reach an scRMSD below 2 Å in most cases.", "scRMSD"),
        ("Sampling needs only 4 NFE per image.", "Number of Function Evaluations"),
        ("Rare categories gain 3.1 APr on LVIS.", "APr"),
        ("The screening model improves BEDROC and EF1% on DUD-E.", "BEDROC"),
    ],
)
def test_metrics_of_translation_latency_protein_design_and_sampling_cost_are_known(nlp, abstract, metric):
    found = entities(nlp, "A title", abstract)
    assert metric in found and found[metric].type == "Metric", found


def test_data_named_after_a_model_is_data(nlp):
    found = entities(nlp, "A title", "We train on the DeepScaleR-Preview-Dataset and Skywork-OR1-RL-Data.")
    assert found["DeepScaleR-Preview-Dataset"].type == "Dataset", found
    assert found["Skywork-OR1-RL-Data"].type == "Dataset", found
    assert found["DeepScaleR-Preview-Dataset"].parent is None, found


def test_a_model_name_a_model_is_trained_on_is_its_data_unless_it_is_compared_with(nlp):
    found = entities(nlp, "A title", "We fine-tune LLaMA-7B on Alpaca for three epochs.")
    assert "Alpaca-52K" in found and "Alpaca" not in found, found
    found = entities(nlp, "A title", "We fine-tune LLaMA-7B on Alpaca and compare with Alpaca and Vicuna.")
    assert found["Alpaca"].type == "Model", found


@pytest.mark.parametrize(
    ("abstract", "name", "type_"),
    [
        ("Storm tracks come from IBTrACS for 1980-2020.", "IBTrACS", "Dataset"),
        ("Segmentation is scored on KiTS23 and AbdomenCT-1K.", "AbdomenCT-1K", "Dataset"),
        ("Faces are taken from YouTube-Faces clips.", "YouTube Faces", "Dataset"),
        ("The model reaches 61% on AfriXNLI.", "AfriXNLI", "Benchmark"),
        ("Proofs are graded on USAMO 2025 problems.", "USAMO", "Benchmark"),
        (
            "Rankers are trained on Yahoo Learning to Rank and MSLR-WEB30K.",
            "Yahoo! Learning to Rank Challenge",
            "Dataset",
        ),
        ("Rankers are trained on Yahoo Learning to Rank and MSLR-WEB30K.", "MSLR-WEB30K", "Dataset"),
        ("Results on MQ2007 follow the LETOR 4.0 folds.", "MQ2007", "Dataset"),
        (
            "Action recognition is tested on Mini-Kinetics and Something-Something V1.",
            "Mini-Kinetics",
            "Dataset",
        ),
        ("The parser is trained on CCGbank sections 02-21.", "CCGbank", "Dataset"),
        (
            "Cross-lingual embeddings are evaluated on bilingual lexicon induction.",
            "bilingual lexicon induction",
            "Task",
        ),
        ("Detectors are scored on NINCO and SSB-hard against ViM.", "NINCO", "Dataset"),
        ("Detectors are scored on NINCO and SSB-hard against ViM.", "SSB-hard", "Benchmark"),
        ("Detectors are scored on NINCO and SSB-hard against ViM.", "Virtual-logit Matching", "Method"),
        ("Regeneration removes Tree-Ring and StegaStamp watermarks.", "Tree-Ring", "Method"),
        ("We test unlearning on TOFU and MUSE.", "Machine Unlearning Six-Way Evaluation", "Benchmark"),
        ("Dynamic pruning with MaxScore and Block-Max WAND is slow.", "Block-Max WAND", "Method"),
        ("We fuse the lists with reciprocal rank fusion (RRF).", "Reciprocal Rank Fusion", "Method"),
        ("Long documents such as TREC Robust04 favour BM25.", "Robust04", "Dataset"),
        ("We index with a Differentiable Search Index (DSI).", "Differentiable Search Index", "Method"),
        ("Deep ensembles beat SWAG and MC dropout on ImageNet-C.", "SWA-Gaussian", "Method"),
        ("We pretrain on the Pile of Law and evaluate on LexGLUE.", "Pile of Law", "Dataset"),
        ("Document-level models such as ATLOP and DREEAM lead on Re-DocRED.", "Re-DocRED", "Dataset"),
        ("Zero-shot NER with GLiNER and UniversalNER is strong.", "UniversalNER", "Model"),
        ("We report MUC, B-cubed, CEAF-e and BLANC on CorefUD.", "BLANC", "Metric"),
        ("MetricX-24 and xCOMET correlate with MQM judgements.", "MetricX-24", "Metric"),
        ("We train on Geometry3K and GeoQA+ and test on UniGeo.", "GeoQA+", "Dataset"),
        ("Entity linkers such as ReFinED do well on AIDA-CoNLL.", "ReFinED", "Model"),
        (
            "We train on Opencpop and M4Singer and test speaker verification on VoxCeleb1-H.",
            "M4Singer",
            "Dataset",
        ),
        ("Inductive link prediction on ILPC 2022 and Wikidata5M against EdgeBank.", "Wikidata5M", "Dataset"),
        ("Skin lesion models are audited on Fitzpatrick17k.", "Fitzpatrick17k", "Dataset"),
        ("Reports are labelled with CheXbert on MIMIC-CXR.", "CheXbert", "Model"),
        # released speech synthesisers, retrievers and image generators are trained models
        ("Our vocoder beats HiFi-GAN and the Tacotron 2 pipeline in MOS.", "Tacotron 2", "Model"),
        ("We rerank with ColBERT and Sentence-BERT on MS MARCO.", "ColBERT", "Model"),
        ("Samples from BigGAN and StyleGAN2 fool the classifier.", "BigGAN", "Model"),
        # released generators and estimators of faces, bodies, motion, voices and 3D scenes, and
        # the parametric body and head models they fit, are trained models too
        ("We compare with SadTalker, LivePortrait and EchoMimic on HDTF.", "LivePortrait", "Model"),
        ("We compare with SadTalker, LivePortrait and EchoMimic on HDTF.", "EchoMimic", "Model"),
        ("Motion is generated better than by MoMask and T2M-GPT.", "MoMask", "Model"),
        ("Bodies are fitted as SMPL-X meshes and faces as FLAME meshes.", "SMPL-X", "Model"),
        ("Bodies are fitted as SMPL-X meshes and faces as FLAME meshes.", "FLAME", "Model"),
        ("Point maps from CUT3R and MonST3R drift on long videos.", "CUT3R", "Model"),
        ("Our singer beats DiffSinger and VISinger2 in MOS.", "VISinger2", "Model"),
        ("Emotion is scored with emotion2vec and voices are converted with FreeVC.", "FreeVC", "Model"),
        ("Video features come from VideoMAE V2.", "VideoMAE V2", "Model"),
        # an ambiguous short form settled by a known name of its field written as a short form too
        ("Used as a dense reward for online RL with SAC, it helps.", "Soft Actor-Critic", "Method"),
        ("Visual tokens are pruned better than by FastV and SparseVLM.", "SparseVLM", "Method"),
        ("We pretrain on IIT-CDIP and test on DocVQA.", "IIT-CDIP", "Dataset"),
        (
            "We propose the Cramér distance as an alternative to the Wasserstein metric.",
            "Cramér distance",
            "Metric",
        ),
        (
            "We propose the Cramér distance as an alternative to the Wasserstein metric.",
            "Wasserstein Distance",
            "Metric",
        ),
        ("Hands are recovered with HaMeR on the Berkeley DeepDrive videos.", "BDD100K", "Dataset"),
        # subsets and releases of a known collection are entries of their own under it
        ("Link prediction on tgbl-wiki and tgbl-coin improves.", "tgbl-coin", "Dataset"),
        ("Conformers come from GEOM-Drugs and GEOM-QM9.", "GEOM-QM9", "Dataset"),
        ("We train on Common Voice 17 and test on ASVspoof 2019 LA.", "Common Voice 17.0", "Dataset"),
        ("We train on Common Voice 17 and test on ASVspoof 2019 LA.", "ASVspoof 2019 LA", "Benchmark"),
        # the long tail of eight fields: medicine, graphs, speech, driving, science, trustworthy
        # ML, LLM evaluation and the classic benchmarks
        ("Fundus images come from ODIR-5K and mammograms from VinDr-Mammo.", "VinDr-Mammo", "Dataset"),
        ("We compare with SDNE and QA-GNN on NELL-995.", "NELL-995", "Dataset"),
        ("Separation is scored by SIR on MoisesDB with LPCNet features.", "MoisesDB", "Dataset"),
        ("Signs come from Tsinghua-Tencent 100K; SparseBEV detects cars.", "SparseBEV", "Method"),
        ("Crystal data from AFLOW train a Gaussian Approximation Potential.", "AFLOW", "Dataset"),
        ("Deepfakes from FakeAVCeleb are detected; DP-FedAvg trains privately.", "DP-FedAvg", "Method"),
        ("We fine-tune on MathV360K and evaluate on ComplexBench.", "ComplexBench", "Benchmark"),
        ("R-Drop regularises the model on OCNLI and AmbigQA.", "R-Drop", "Method"),
    ],
)
def test_known_names_of_many_fields_are_found_with_their_kind(nlp, abstract, name, type_):
    found = entities(nlp, "A title", abstract)
    assert name in found and found[name].type == type_, found


@pytest.mark.parametrize(
    "abstract",
    [
        "We study non-autoregressive neural machine translation with distillation.",
        "Non-autoregressive translation predicts all tokens in parallel.",
    ],
)
def test_non_autoregressive_translation_is_one_known_task(nlp, abstract):
    found = entities(nlp, "A title", abstract)
    assert found["non-autoregressive machine translation"].type == "Task", found


@pytest.mark.parametrize(
    ("abstract", "task"),
    [
        ("We improve subseasonal-to-seasonal forecasting.", "subseasonal-to-seasonal forecasting"),
        ("Our model performs video-to-audio generation in real time.", "video-to-audio generation"),
        ("The array supports direction-of-arrival estimation in rooms.", "direction of arrival estimation"),
        ("We study CATE estimation.", "heterogeneous treatment effect estimation"),
    ],
)
def test_tasks_of_forecasting_sound_and_causal_effects_are_known(nlp, abstract, task):
    found = entities(nlp, "A title", abstract)
    assert task in found and found[task].type == "Task", found


def test_a_camera_or_processor_named_before_its_kind_is_hardware_but_a_method_of_camera_poses_is_not(nlp):
    abstract = (
        "Clips were recorded with a Sony FX3 camera and decoded on an Apple M2 CPU, "
        "then pseudo-labeled with MegaSaM camera poses."
    )
    found = entities(nlp, "A title", abstract)
    assert "FX3" not in found and "M2" not in found and "MegaSaM" in found, found


@pytest.mark.parametrize(
    ("title", "method"),
    [
        ("Learning to Rank Learning Curves", "Learning to Rank"),
        ("Learning to Optimize Multigrid Solvers", "Learning to Optimize"),
    ],
)
def test_learning_to_do_something_with_an_object_after_it_is_a_verb(nlp, title, method):
    assert method not in entities(nlp, title, "We study a problem.")


def test_learning_to_rank_before_its_short_form_is_the_method(nlp):
    assert "Learning to Rank" in entities(
        nlp, "A title", "We apply learning to rank (LTR) to search results."
    )


def test_a_name_glued_to_that_or_than_is_no_name(nlp):
    found = entities(nlp, "A title", "We show thatNormCo works better thanBERTopic on disease names.")
    assert not any(name.startswith(("that", "than")) for name in found), found


def test_a_way_of_imaging_or_staining_tissue_is_no_ml_entity(nlp):
    abstract = (
        "Retinal scans use optical coherence tomography (OCT); slides are stained with hematoxylin "
        "and eosin (H&E). OCT images are noisy, so we train a U-Net on them."
    )
    found = entities(nlp, "A title", abstract)
    assert set(found) == {"U-Net"}, found


def test_trec_tracks_and_their_years_are_benchmarks(nlp):
    found = entities(nlp, "A title", "We evaluate on TREC Clinical Trials 2021 and on TREC-QA.")
    assert found["TREC Clinical Trials 2021"].parent == "TREC Clinical Trials Track", found
    assert found["TREC QA Track"].type == "Benchmark", found


def test_quotation_marks_around_a_new_name_are_no_part_of_it(nlp):
    abstract = "We introduce a “Zero-Shot” medical image Artifact Reduction (ZSAR) framework."
    found = entities(nlp, "A title", abstract)
    assert "Zero-Shot medical image Artifact Reduction" in found, found
    assert "ZSAR" in found["Zero-Shot medical image Artifact Reduction"].mentions, found


def test_a_librispeech_test_split_after_a_space_is_a_mention_of_librispeech(nlp):
    # readers annotate the corpus a split belongs to ("LibriSpeech", or the split as its form)
    found = entities(nlp, "A title", "WER on LibriSpeech test-clean drops to 1.9%.")
    assert "LibriSpeech test-clean" in found["LibriSpeech"].mentions, found


@pytest.mark.parametrize(
    ("title", "abstract", "written"),
    [
        # the title writes the long form with a hyphen where the abstract has a space
        (
            "Revisiting Zorbed Wake-Sleep",
            "We revisit Zorbed Wake Sleep (ZWS).",
            "Zorbed Wake-Sleep",
        ),
        # and the other way round
        ("Fast Zorb Tree Search", "We propose Zorb-Tree Search (ZTS) for planning.", "Zorb Tree Search"),
    ],
)
def test_a_title_writing_the_long_form_with_other_hyphens_is_one_entity(nlp, title, abstract, written):
    found = entities(nlp, title, abstract)
    assert len(found) == 1, found
    (entity,) = found.values()
    assert written in entity.mentions and {"ZWS", "ZTS"} & set(entity.mentions), found


def test_a_title_writing_a_qualified_known_method_is_that_method(nlp):
    title = "Solving Cubes with Approximate Policy Iteration"
    abstract = "Recently, Approximate Policy Iteration (API) algorithms have mastered board games."
    found = entities(nlp, title, abstract)
    assert "Policy Iteration" not in found and "Approximate Policy Iteration" in found, found


def test_a_species_in_brackets_is_no_abbreviation(nlp):
    abstract = "We simulate the roundworm Caenorhabditis elegans (C. elegans) with a neural ODE."
    found = entities(nlp, "A title", abstract)
    assert not any("elegans" in name for name in found), found


def test_stemming_from_is_the_verb_not_the_task(nlp):
    abstract = "Errors stemming from noisy labels hurt; we compare stemming and lemmatization."
    found = entities(nlp, "A title", abstract)
    assert found["stemming"].mentions == ["stemming"] and len(found["stemming"].mentions) == 1, found
    assert not entities(nlp, "A title", "Instabilities stemming from the critic slow training."), found


def test_a_neural_network_before_a_known_method_stays_in_its_name(nlp):
    abstract = "The library computes the Neural Network Gaussian Process of wide networks."
    assert "Neural Network Gaussian Process" in entities(nlp, "A title", abstract)


def test_a_title_writing_the_long_form_of_a_split_term_is_that_term(nlp):
    abstract = "Unsupervised part of speech (POS) tagging is often framed as clustering."
    found = entities(nlp, "A Grounded Part-of-Speech Tagger", abstract)
    assert list(found) == ["part-of-speech tagging"], found
    assert "Part-of-Speech" in found["part-of-speech tagging"].mentions, found


def test_an_own_long_form_overrules_a_known_term_with_the_same_short_form(nlp):
    # the catalogue's "SCE loss" is the symmetric cross entropy; this paper's SCE is its own
    abstract = "We show that the softmax cross-entropy (SCE) loss misleads. We replace the SCE loss."
    found = entities(nlp, "Rethinking Softmax Cross-Entropy Loss", abstract)
    assert "Symmetric Cross Entropy" not in found, found
    assert {"softmax cross-entropy", "SCE"} <= set(found["Softmax Cross-Entropy"].mentions), found


def test_a_measure_at_a_cut_off_ends_a_sentence(nlp):
    found = entities(nlp, "A title", "BlockSkip keeps 99% of exact MRR@10 and Recall@1000. It is fast.")
    assert found["Recall@1000"].type == "Metric", found


def test_an_ambiguous_acronym_before_a_procedure_noun_is_the_method(nlp):
    # ("matches" spells a word of exact match out, which alone would settle the acronym on it)
    abstract = "We estimate the prior with an online EM procedure; it matches SAR, with EM on SQuAD."
    found = entities(nlp, "A title", abstract)
    assert found["Expectation-Maximization"].mentions[0] == "EM", found
    assert found["Exact Match"].type == "Metric", found


@pytest.mark.parametrize(
    ("abstract", "meant"),
    [
        # a question-answering paper's field votes for exact match; nothing measures it
        ("Such models are fit with EM, whose local optima hurt. We answer questions on SQuAD.", "Method"),
        ("We answer questions on SQuAD, where EM rises to 71.2.", "Metric"),
        ("We answer questions on SQuAD and report EM and F1.", "Metric"),
    ],
)
def test_an_ambiguous_acronym_the_field_reads_as_a_metric_needs_a_measure(nlp, abstract, meant):
    found = entities(nlp, "A title", abstract)
    assert [e.type for e in found.values() if "EM" in e.mentions] == [meant], found


@pytest.mark.parametrize(
    "abstract",
    [
        "We adapt from GTA5-to-Cityscapes and SYNTHIA-to-Cityscapes.",
        "We adapt from GTA5→Cityscapes and SYNTHIA→Cityscapes.",
    ],
)
def test_a_direction_of_adaptation_names_its_two_data_sets(nlp, abstract):
    found = entities(nlp, "A title", abstract)
    assert set(found) == {"GTA5", "SYNTHIA", "Cityscapes"}, found


def test_an_arrow_after_a_splits_letter_leaves_the_split_alone(nlp):
    found = entities(nlp, "A title", "We train on the CALVIN ABC→D split.")
    assert set(found) == {"CALVIN"}, found


def test_a_vision_transformer_with_its_patch_size_is_a_trained_model(nlp):
    # "ViT-B/16" names a released checkpoint; "ViT" alone is the architecture
    found = entities(nlp, "A title", "We fine-tune a ViT-B/16 and compare it with a plain ViT.")
    assert found["ViT-B/16"].type == "Model" and found["Vision Transformer"].type == "Method", found


def test_a_title_head_joining_two_known_methods_names_both(nlp):
    title = "Transformer to CNN: Label-scarce distillation for text classification"
    found = entities(nlp, title, "We distill.")
    assert {"Transformer", "Convolutional Neural Network"} <= set(found), found
    assert "Transformer to CNN" not in found, found


def test_the_jeffreys_divergence_is_a_known_measure(nlp):
    found = entities(nlp, "A title", "We compare the KL and Jeffreys divergences of the two models.")
    assert found["Jeffreys Divergence"].type == "Metric", found


def test_a_range_of_one_series_names_both_ends(nlp):
    found = entities(nlp, "A title", "We evaluate on WMT20-WMT22 test sets.")
    assert {"WMT20", "WMT22"} <= set(found) and "WMT20-WMT22" not in found, found


def test_two_known_names_of_different_kinds_side_by_side_are_two(nlp):
    found = entities(nlp, "A title", "We collect WMT24 MQM annotations for 12 language pairs.")
    assert found["WMT24"].type == "Benchmark", found
    assert found["Multidimensional Quality Metrics"].type == "Metric", found


def test_indic_languages_are_no_entities(nlp):
    found = entities(nlp, "A title", "We translate Santali and other Indic languages with IndicTrans2.")
    assert set(found) == {"IndicTrans2"}, found


@pytest.mark.parametrize(
    ("title", "task"),
    [
        ("GSRec: Linear-Time Long-Sequence Recommendation", "long-sequence recommendation"),
        ("Fine-Grained Signals for Fashion Recommendation", "fashion recommendation"),
        ("A Benchmark for Decision-Centric Meeting Summarization", "meeting summarization"),
    ],
)
def test_a_qualified_recommendation_or_summarization_task_is_known(nlp, title, task):
    found = entities(nlp, title, "We study the problem.")
    assert found[task].type == "Task" and "recommendation" not in found, found


def test_a_part_of_a_model_after_a_variant_word_is_no_variant(nlp):
    found = entities(nlp, "Spurious Features in CLIP Vision Encoders", "We probe the CLIP encoder.")
    assert "CLIP" in found and "CLIP Vision" not in found, found


def test_a_bare_ordinary_differential_equation_is_no_method(nlp):
    abstract = "We sample with an ODE solver in few steps, unlike the probability flow ODE."
    found = entities(nlp, "A title", abstract)
    assert "ODE" not in found and "probability flow ODE" in found, found


@pytest.mark.parametrize(
    "abstract",
    [
        "Neural solvers learn partial differential equations (PDEs) on irregular meshes.",
        "Our PDE solver beats PDE-Refiner on PDEBench.",
        "The scheduler meets latency SLOs for every request; an SLO is missed rarely.",
    ],
)
def test_a_kind_of_equation_or_a_service_objective_is_no_entity(nlp, abstract):
    found = entities(nlp, "A title", abstract)
    assert not {"PDE", "PDEs", "SLO", "SLOs"} & set(found), found
    assert not {"PDE", "PDEs", "SLO", "SLOs"} & {form for e in found.values() for form in e.mentions}, found


def test_chips_and_devices_a_model_runs_on_are_no_entities(nlp):
    found = entities(nlp, "A title", "We deploy on IOT edge devices and report 16.5 ms for VPU targets.")
    assert not {"IOT", "VPU"} & set(found), found


def test_a_named_solver_or_benchmark_of_equations_stays(nlp):
    found = entities(nlp, "A title", "Our PDE solver beats PDE-Refiner on PDEBench.")
    assert {"PDE-Refiner", "PDEBench"} <= set(found), found


def test_information_technology_is_no_entity(nlp):
    found = entities(nlp, "A title", "We build HelpdeskQA from internal IT documentation.")
    assert "IT" not in found, found


def test_a_surnames_particle_is_part_of_the_name(nlp):
    found = entities(nlp, "A title", "We propose a von Mises-Fisher loss for continuous outputs.")
    assert "von Mises-Fisher" in found and "Mises-Fisher" not in found, found


def test_raft_is_the_flow_network_among_vision_names_and_a_method_among_alignment_ones(nlp):
    vision = entities(nlp, "A title", "We estimate optical flow with RAFT on Sintel and KITTI.")
    assert vision["RAFT"].type == "Model", vision
    alignment = entities(nlp, "A title", "We compare RAFT, DPO and rejection sampling for aligning LLMs.")
    assert alignment["RAFT"].type == "Method", alignment


def test_llm_serving_engines_are_methods_and_deep_learning_libraries_no_entities(nlp):
    abstract = "We serve with vLLM and SGLang and compare with TensorRT-LLM, all written in PyTorch."
    found = entities(nlp, "A title", abstract)
    assert {found[name].type for name in ("vLLM", "SGLang", "TensorRT-LLM")} == {"Method"}, found
    assert "PyTorch" not in found, found


def test_n_m_sparsity_is_a_known_method(nlp):
    found = entities(nlp, "A title", "We prune Llama-2-7B to 2:4 semi-structured sparsity with Wanda.")
    assert "2:4 semi-structured sparsity" in found["N:M Sparsity"].mentions, found


def test_federated_and_continual_learning_data_are_known(nlp):
    abstract = "Clients hold FEMNIST and Sent140 shards; we also test on Split-ImageNet and WISDM."
    found = entities(nlp, "A title", abstract)
    names = ("FEMNIST", "Sent140", "Split ImageNet", "WISDM")
    assert {found[name].type for name in names} == {"Dataset"}, found


def test_a_splits_difficulty_in_capitals_and_a_wireless_link_are_no_names(nlp):
    abstract = "Models do well on the EASY set but fail on the HARD set. Phones read WiFi signals."
    assert entities(nlp, "A title", abstract) == {}


def test_classic_face_food_and_argument_data_are_known(nlp):
    abstract = "We test on Adience, UEC Food-100 and the Change My View corpus; a blizzard hit the city."
    found = entities(nlp, "A title", abstract)
    assert set(found) == {"Adience", "UEC Food-100", "Change My View"}, found


@pytest.mark.parametrize(
    ("abstract", "name", "type_"),
    [
        # the multimodal benchmark, which papers of this field name far more than an entity linker
        ("GPT-4o and Qwen2-VL-7B score low on BLINK and MMVP, and LLMs reason poorly.", "BLINK", "Benchmark"),
        # the cardiac segmentation challenge in a paper on medical segmentation models
        ("nnU-Net stays strong on ACDC and Synapse against SAM and MedSAM.", "ACDC", "Dataset"),
    ],
)
def test_a_short_name_of_two_data_sets_keeps_the_one_its_field_means(nlp, abstract, name, type_):
    assert entities(nlp, "A title", abstract)[name].type == type_


def test_a_name_before_a_closing_bracket_and_a_dash_is_found(nlp):
    abstract = "We relied on lexical resources (Roget's and WordNet)—corpora statistics did not help."
    assert entities(nlp, "A title", abstract)["WordNet"].type == "Dataset"


@pytest.mark.parametrize(
    ("abstract", "name"),
    [
        ("We cluster documents of 20news and Reuters.", "20 Newsgroups"),
        ("We use the spectral Stein gradient estimator.", "Spectral Stein Gradient Estimator"),
        # a member of a family is its own entry, not an alias of the family
        ("We train FFJORD on MNIST.", "FFJORD"),
        ("We propose an off-policy method, Trust-PCL, for control.", "Trust-PCL"),
        ("Sequences come from Swiss-Prot.", "Swiss-Prot"),
        (
            "We fit it with iteratively reweighted least squares (IRLS).",
            "iteratively reweighted least squares",
        ),
    ],
)
def test_more_classic_names_are_known(nlp, abstract, name):
    assert name in entities(nlp, "A title", abstract)


def test_a_preposition_opening_the_sentence_is_no_part_of_the_name_after_it(nlp):
    abstract = "We downscale climate data. Following CorrDiff, our model predicts the mean."
    found = entities(nlp, "A title", abstract)
    assert "CorrDiff" in found and "Following CorrDiff" not in found, found


def test_a_kind_noun_set_before_a_known_name_qualifies_nothing(nlp):
    abstract = "We tune models with the method LoRA, and select samples by the algorithm IWAL."
    forms = {form for e in entities(nlp, "A title", abstract).values() for form in e.mentions}
    assert {"LoRA", "IWAL"} <= forms, forms
    assert not {"method LoRA", "algorithm IWAL"} & forms, forms


@pytest.mark.parametrize(
    ("abstract", "names"),
    [
        (
            "We introduce two methods. The first, GlimpseRate, times how long a viewer needs. The"
            " second, FakeCount, counts how often viewers err.",
            {"GlimpseRate", "FakeCount"},
        ),
        (
            "We present two novel enhancements of an online sampler. It is used widely in practice and"
            " has strong guarantees in theory. The first enhancement, SampD, prunes candidates. The"
            " second enhancement, SampZ, zooms into the version space.",
            {"SampD", "SampZ"},
        ),
    ],
)
def test_the_first_and_second_of_the_new_things_a_paper_counts_are_proposed(nlp, abstract, names):
    found = entities(nlp, "A title", abstract)
    assert {name for name in names if found[name].proposed} == names, found


def test_the_first_of_things_the_paper_did_not_count_as_new_is_not_proposed(nlp):
    abstract = "Prior work offers two methods. The first, GlimpseRate, times how long a viewer needs."
    assert not entities(nlp, "A title", abstract)["GlimpseRate"].proposed


def test_a_word_of_order_or_cost_or_an_open_compound_end_qualifies_nothing(nlp):
    abstract = (
        "Unlike the usual VAE, ordinary SGD with expensive data augmentation and subsequent quantization"
        " reaches maximal accuracy on high dimensional continuous control and few shot link prediction"
        " for natural language question answering."
    )
    forms = {form for e in entities(nlp, "A title", abstract).values() for form in e.mentions}
    assert {"VAE", "SGD", "data augmentation", "quantization", "accuracy", "link prediction"} <= forms, forms
    glued = {"usual VAE", "ordinary SGD", "expensive data augmentation", "subsequent quantization"}
    glued |= {"maximal accuracy", "dimensional continuous control", "shot link prediction"}
    glued |= {"language question answering"}
    assert not glued & forms, forms


def test_a_qualifier_that_ends_a_longer_compound_qualifies_nothing(nlp):
    abstract = "We compare deep learning-based rumor detection with rule-based rumor detection."
    forms = {form for e in entities(nlp, "A title", abstract).values() for form in e.mentions}
    assert "rule-based rumor detection" in forms and "learning-based rumor detection" not in forms, forms


@pytest.mark.parametrize(
    ("abstract", "name", "forms"),
    [
        # a known acronym's long form that writes out another known acronym inside it
        (
            "We cast it as constrained Markov decision processes (CMDPs) and solve them.",
            "constrained MDP",
            {"constrained Markov decision processes", "CMDPs"},
        ),
        (
            "We cast it as a constrained Markov decision process (CMDP) and solve it.",
            "constrained MDP",
            {"constrained Markov decision process", "CMDP"},
        ),
        (
            "We train deep convolutional generative adversarial networks (DCGAN) on faces.",
            "Deep Convolutional GAN",
            {"deep convolutional generative adversarial networks", "DCGAN"},
        ),
    ],
)
def test_a_long_form_spelling_a_known_acronym_inside_is_that_entry(nlp, abstract, name, forms):
    found = entities(nlp, "A title", abstract)
    assert forms <= set(found[name].mentions), found
    assert "Markov decision process" not in found, found


@pytest.mark.parametrize(
    ("abstract", "proposed"),
    [
        (
            "In this work we propose two new methods to improve the transfer of attacks, namely Nesterov"
            " Iterative Glimpse Method (NIGM) and Scale-Shifted Glimpse Method (SSGM). NIGM looks ahead.",
            {"NIGM": True, "SSGM": True},
        ),
        (
            "We propose to simulate roll-outs, exploiting recent image-to-image models, namely Blix2Blix"
            " GANs, to predict the dynamics.",
            {"Blix2Blix GANs": False},
        ),
        (
            "We study a well-established surrogate for ConvNets called Convolutional Glimpse Circuits"
            " (ConvGCs), and show they are deep.",
            {"Convolutional Glimpse Circuits": False},
        ),
    ],
)
def test_names_after_namely_in_a_proposal_are_proposed_and_an_established_called_one_is_not(
    nlp, abstract, proposed
):
    found = {e.name: e for e in entities(nlp, "A title", abstract).values()}
    found |= {m: e for e in found.values() for m in e.mentions}
    assert {name: found[name].proposed for name in proposed} == proposed, found


@pytest.mark.parametrize(
    ("abstract", "measure"),
    [
        ("We test their ability to remember and recall facts as training goes on.", False),
        ("Past observations are recalled from memory, beyond direct recall.", False),
        ("Our tagger reaches high precision and recall on news.", True),
        ("Relevant passages survive when first-stage recall is high.", True),
        ("We tune the threshold to maximize recall.", True),
        ("It finds 93% of the lenses, doubling the true positive rate.", True),
    ],
)
def test_recall_is_the_measure_only_where_the_text_measures_it(nlp, abstract, measure):
    assert ("Recall" in entities(nlp, "A title", abstract)) == measure


@pytest.mark.parametrize(
    ("abstract", "name", "form"),
    [
        ("We test on the Sequential and Permuted MNIST datasets.", "Sequential MNIST", "Sequential"),
        ("It helps image and text classification alike.", "image classification", "image"),
        ("We study one-shot and few-shot learning of embeddings.", "one-shot learning", "one-shot"),
    ],
)
def test_a_list_that_leaves_its_last_words_to_a_known_name_names_each(nlp, abstract, name, form):
    assert form in entities(nlp, "A title", abstract)[name].mentions


def test_a_word_set_beside_a_known_name_by_a_comma_is_no_elided_name(nlp):
    abstract = "The resulting general algorithm, Pre-trained Distillation, helps."
    assert "Algorithm Distillation" not in entities(nlp, "A title", abstract)


def test_the_works_a_whole_papers_reference_list_cites_are_not_its_entities(nlp):
    body = "We propose ZorbNet, a detector, and test it on COCO. " + "It pads its inputs with zeros. " * 120
    references = "REFERENCES [1] A. Author. Spatial transformer networks. [2] B. Author. CoordConv."
    found = entities(nlp, "ZorbNet: padding matters", body + references)
    assert {"ZorbNet", "COCO"} <= set(found), found
    assert not {"Spatial Transformer Network", "CoordConv"} & set(found), found
    # an abstract that only speaks of references keeps its names
    short = "We add References\nto CoordConv outputs."
    assert "CoordConv" in entities(nlp, "A title", short)


@pytest.mark.parametrize("verb", ["Explaining", "Probing", "Attacking", "Demystifying"])
def test_a_title_that_opens_on_a_verb_of_study_names_the_thing_studied(nlp, verb):
    found = entities(nlp, f"{verb} AlphaGo: Contextual Effects in Networks", "We study AlphaGo's moves.")
    assert "AlphaGo" in found and f"{verb} AlphaGo" not in found, found


def test_a_field_acronym_that_a_known_task_spells_out_is_that_tasks_short_form(nlp):
    abstract = "Natural language generation (NLG) is hard to evaluate. NLG systems are compared."
    assert "NLG" in entities(nlp, "A title", abstract)["natural language generation"].mentions
    assert "NLP" not in entities(nlp, "A title", "NLP systems are compared.")


@pytest.mark.parametrize(
    ("abstract", "name", "parent"),
    [
        ("We smooth the states with an extended Kalman filter.", "extended Kalman filter", "Kalman Filter"),
        ("Agents are trained on DMLab-30 with IMPALA.", "DMLab-30", "DeepMind Lab"),
        ("We train it by denoising score matching.", "denoising score matching", "Score Matching"),
    ],
)
def test_a_member_of_a_family_is_its_own_entity_under_the_family(nlp, abstract, name, parent):
    found = entities(nlp, "A title", abstract)
    assert found[name].parent == parent, found


@pytest.mark.parametrize(
    ("abstract", "name", "not_mention"),
    [
        ("We evaluate on MNIST and Fashion MNIST datasets.", "Fashion-MNIST", "MNIST datasets"),
        ("The Tiny ImageNet dataset is small.", "Tiny ImageNet", "ImageNet dataset"),
    ],
)
def test_a_kind_word_after_a_name_counts_nothing_against_a_longer_name(nlp, abstract, name, not_mention):
    found = entities(nlp, "A title", abstract)
    assert name in found, found
    assert not any(not_mention in e.mentions for e in found.values()), found


def test_a_bare_acronym_names_the_known_name_the_paper_writes_with_it(nlp):
    found = entities(
        nlp,
        "HR-TD: A Regularized TD Method for Fast Convergence",
        "We propose a novel TD learning method that converges faster.",
    )
    assert "TD" in found["Temporal Difference Learning"].mentions, found
    assert "TD" not in found, found


def test_a_called_name_holds_of_between_its_capitalised_words(nlp):
    found = entities(nlp, "A title", "Full-batch training runs in a regime we call the Edge of Stability.")
    assert "Edge of Stability" in found and found["Edge of Stability"].proposed, found
    assert "Edge" not in found and "Stability" not in found, found


def test_a_bare_acronym_names_the_papers_own_short_form_with_a_head_noun(nlp):
    found = entities(
        nlp,
        "Learning from Between-class Examples",
        "We propose Between-Class learning (BC learning), which mixes two examples. BC is simple to use.",
    )
    assert "BC" in found["Between-Class learning"].mentions, found
    assert "BC" not in found, found


def test_a_plain_word_of_a_quoted_example_sentence_is_no_entity(nlp):
    found = entities(
        nlp,
        "Do You Know That Florence Is Packed? Speaker Commitment",
        'Mary asks "Do you know that Florence is packed with visitors?", so we take it that Florence is'
        " packed. We evaluate on the CommitmentBank.",
    )
    assert "Florence" not in found and "CommitmentBank" in found, found


def test_a_name_of_an_idea_is_no_data_however_often_results_are_on_it(nlp):
    found = entities(
        nlp,
        "A title",
        "Zorbic Matrix Theory (ZMT) is applied to weight matrices. Building on results on ZMT, we"
        " find five phases of training.",
    )
    assert found["Zorbic Matrix Theory"].type != "Benchmark", found


def test_boosting_after_a_comma_and_before_its_object_is_the_verb(nlp):
    found = entities(
        nlp,
        "A title",
        "Labelled data remain a luxury, boosting great interest in few-shot learning.",
    )
    assert "boosting" not in found and "few-shot learning" in found, found


def test_a_variant_of_the_short_form_of_a_proposed_name_is_proposed(nlp):
    found = entities(
        nlp,
        "A title",
        "The resulted method, namely Posterior Convergent NAS (PC-NAS), wins. On a large search space,"
        " PC-NAS-L reaches 78.1% top-1 accuracy.",
    )
    assert found["PC-NAS-L"].proposed and found["PC-NAS-L"].parent == "Posterior Convergent NAS", found
    found = entities(
        nlp,
        "DocRE-R1: Reinforcement Learning for Document-Level Relation Extraction",
        "Document-level relation extraction (DocRE) is hard. We propose DocRE-R1, which trains with GRPO.",
    )
    assert found["DocRE-R1"].type == "Method" and found["DocRE-R1"].parent is None, found


def test_an_unsettled_shared_acronym_lends_no_type_to_its_list_mates(nlp):
    found = entities(
        nlp,
        "A title",
        "Max-product message passing and its convergent versions (such as ZPLP, MSD, QRW-S) perform"
        " block coordinate descent.",
    )
    assert found["ZPLP"].type == "Method" and found["QRW-S"].type == "Method", found


def test_a_title_name_the_abstract_writes_with_its_capitals_is_whole_in_the_title(nlp):
    found = entities(
        nlp,
        "Graph Matching Networks for Learning the Similarity of Graph Structured Objects",
        "We propose a novel Graph Matching Network model that computes a similarity score.",
    )
    assert "Graph Matching Networks" in found["Graph Matching Network"].mentions, found
    assert "Matching Network" not in found, found
