"""The on-disk cache of catalogue patterns: read back exactly, ignored when wrong or turned off."""

from __future__ import annotations

import pytest
from spacy.attrs import LOWER, ORTH

from kg.nlp.components import _patterns_key, _tokenized_values, token_values
from kg.nlp.patterncache import cache_dir, load_patterns, save_patterns
from kg.nlp.pipeline import make_pipeline

FORMS = ["GPT-4", "low-rank adaptation", "S$^{2}$FT", "Llama-2-7B", "CIFAR-10", "R1-Distill-Qwen-7B"]


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "kg-cache"))
    return tmp_path / "kg-cache"


@pytest.fixture(scope="module")
def small_nlp():
    return make_pipeline(use_shipped_catalogue=False)


@pytest.mark.parametrize("attr", [ORTH, LOWER])
def test_patterns_read_back_equal_the_tokenized_ones(attr, folder, small_nlp):
    computed = _tokenized_values(small_nlp, FORMS, attr)
    assert token_values(small_nlp, FORMS, attr) == computed  # a miss: computed and saved
    assert len(list(folder.glob("patterns-*.bin"))) == 1
    key = _patterns_key(small_nlp, FORMS, attr)
    assert load_patterns(key, len(FORMS)) == computed
    assert token_values(small_nlp, FORMS, attr) == computed  # a hit


def test_the_key_does_not_depend_on_what_the_vocab_has_seen(small_nlp):
    before = _patterns_key(small_nlp, FORMS, ORTH)
    small_nlp("Zyxwvut-9000 and Qwertyuiop-3 are strings the vocab has not met before.")
    assert _patterns_key(small_nlp, FORMS, ORTH) == before
    assert _patterns_key(small_nlp, FORMS, LOWER) != before
    assert _patterns_key(small_nlp, [*FORMS, "BERT"], ORTH) != before


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-3],
        lambda data: b"not a pattern file",
        lambda data: data[:12] + b"\xff" * (len(data) - 12),
    ],
)
def test_a_damaged_file_is_ignored_and_written_again(damage, folder, small_nlp):
    computed = token_values(small_nlp, FORMS, ORTH)
    (path,) = folder.glob("patterns-*.bin")
    path.write_bytes(damage(path.read_bytes()))
    assert load_patterns(_patterns_key(small_nlp, FORMS, ORTH), len(FORMS)) is None
    assert token_values(small_nlp, FORMS, ORTH) == computed
    assert load_patterns(_patterns_key(small_nlp, FORMS, ORTH), len(FORMS)) == computed


def test_off_neither_reads_nor_writes(tmp_path, monkeypatch, small_nlp):
    monkeypatch.setenv("KG_CACHE_DIR", "off")
    assert cache_dir() is None
    save_patterns("k", [(1,)])
    assert load_patterns("k", 1) is None
    monkeypatch.chdir(tmp_path)
    assert token_values(small_nlp, FORMS, ORTH) == _tokenized_values(small_nlp, FORMS, ORTH)


def test_an_unwritable_folder_costs_nothing_but_time(tmp_path, monkeypatch, small_nlp):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("KG_CACHE_DIR", str(blocker / "kg"))
    assert token_values(small_nlp, FORMS, ORTH) == _tokenized_values(small_nlp, FORMS, ORTH)


def test_the_default_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("KG_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "kg"


def test_no_home_directory_means_no_cache(monkeypatch, small_nlp):
    from pathlib import Path

    def no_home():
        raise RuntimeError("Could not determine home directory.")

    for name in ("KG_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert cache_dir() is None
    assert token_values(small_nlp, FORMS, ORTH) == _tokenized_values(small_nlp, FORMS, ORTH)


def test_only_the_most_recently_used_files_of_a_kind_are_kept(folder):
    import os

    from kg.nlp.patterncache import load_blob, prune, save_blob

    for number in range(5):
        save_blob("demo", f"k{number}", b"x")
        os.utime(folder / f"demo-k{number}.bin", ns=(number * 10**9, number * 10**9))
    save_blob("other", "k0", b"y")
    assert load_blob("demo", "k0") == b"x"  # reading it makes it the most recent
    assert prune("demo", keep=2) == 3
    assert sorted(p.name for p in folder.glob("demo-*.bin")) == ["demo-k0.bin", "demo-k4.bin"]
    assert load_blob("other", "k0") == b"y"


def test_saving_prunes_the_kind(folder, monkeypatch):
    from kg.nlp import patterncache

    monkeypatch.setattr(patterncache, "KEEP_PER_KIND", 3)
    for number in range(6):
        patterncache.save_blob("demo", f"k{number}", b"x")
    assert len(list(folder.glob("demo-*.bin"))) == 3


# -- the loaded catalogue and its folded indexes ------------------------------------------------

ENTRIES = [
    '{"name": "Low-Rank Adaptation", "type": "Method", "aliases": ["LoRA"]}',
    '{"name": "Quorra-Bench", "type": "Benchmark", "aliases": ["QuorraBench"], "parent": null}',
    '{"name": "SaGe", "type": "Method", "case_sensitive": true, "ambiguous_aliases": ["SG"],'
    ' "aliases": ["SG"], "domain": "nlp", "note": "made up"}',
]


def _catalogue_file(tmp_path, lines):
    path = tmp_path / "extra.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _state(catalogue):
    return [(e.to_json(), e.id) for e in catalogue], sorted(
        (form, [e.name for e in catalogue.lookup(form)]) for e in catalogue for form in e.forms
    )


def test_a_loaded_catalogue_reads_back_equal(folder, tmp_path):
    from kg.nlp.catalogue import load_catalogue

    extra = _catalogue_file(tmp_path, ENTRIES)
    first = load_catalogue([extra], shipped=False)
    assert len(list(folder.glob("catalogue-*.bin"))) == 1
    second = load_catalogue([extra], shipped=False)
    assert second is not first and second.fingerprint == first.fingerprint
    assert _state(second) == _state(first)
    assert second.by_id("sage").ambiguous_aliases == frozenset({"SG"})
    assert second.ids_unique


def test_an_edited_catalogue_file_is_read_again(folder, tmp_path):
    from kg.nlp.catalogue import load_catalogue

    extra = _catalogue_file(tmp_path, ENTRIES)
    before = load_catalogue([extra], shipped=False)
    _catalogue_file(tmp_path, [*ENTRIES, '{"name": "Halyard-7B", "type": "Model"}'])
    after = load_catalogue([extra], shipped=False)
    assert after.fingerprint != before.fingerprint
    assert after.get("Halyard-7B") is not None and before.get("Halyard-7B") is None


def test_a_damaged_catalogue_blob_is_ignored(folder, tmp_path):
    from kg.nlp.catalogue import load_catalogue

    extra = _catalogue_file(tmp_path, ENTRIES)
    expected = _state(load_catalogue([extra], shipped=False))
    (path,) = folder.glob("catalogue-*.bin")
    path.write_bytes(b"\x00not marshal")
    assert _state(load_catalogue([extra], shipped=False)) == expected
    path.write_bytes(__import__("marshal").dumps(("wrong", "shape")))
    assert _state(load_catalogue([extra], shipped=False)) == expected


def test_a_folded_index_reads_back_equal(folder, tmp_path):
    from kg.nlp.assemble import _respaced, normalize_form
    from kg.nlp.catalogue import load_catalogue

    extra = _catalogue_file(tmp_path, ENTRIES)
    first = load_catalogue([extra], shipped=False)
    looked = [
        [e.name for e in first.lookup_folded(f, fold)]
        for f in ("quorra bench", "Low rank-Adaptation")
        for fold in (_respaced, normalize_form)
    ]
    assert len(list(folder.glob("folded-*.bin"))) == 2
    second = load_catalogue([extra], shipped=False)
    assert [
        [e.name for e in second.lookup_folded(f, fold)]
        for f in ("quorra bench", "Low rank-Adaptation")
        for fold in (_respaced, normalize_form)
    ] == looked
    assert ["Quorra-Bench"] in looked


def test_a_catalogue_changed_by_hand_has_no_fingerprint(folder, tmp_path):
    from kg.nlp.catalogue import CatalogueEntry, load_catalogue

    catalogue = load_catalogue([_catalogue_file(tmp_path, ENTRIES)], shipped=False)
    catalogue.extend([CatalogueEntry("Halyard-7B", "Model")])
    assert catalogue.fingerprint is None
    catalogue.lookup_folded("Halyard 7B", lambda text: text.casefold().replace(" ", "-"))
    assert not list(folder.glob("folded-*.bin"))  # neither a hand-made catalogue nor a lambda is kept
