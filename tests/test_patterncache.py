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
