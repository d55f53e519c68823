"""Readers: real seed text and small fixtures, good and bad."""

from __future__ import annotations

import json

import pytest

from kg.records import Paper, SourceProblem
from kg.sources import detect_format, merge_duplicates, read_papers
from kg.sources.normalize import arxiv_id_from, normalize_date

from .conftest import FIXTURES, SHARED


def split(records):
    papers = [r for r in records if isinstance(r, Paper)]
    problems = [r for r in records if isinstance(r, SourceProblem)]
    return papers, problems


def test_daily_dump_reads_all_83_seed_papers(seeds_dir):
    papers, problems = split(list(read_papers([seeds_dir])))
    assert problems == []
    assert len(papers) == 83
    assert papers[0].title == "Data Factors for Better Compositional Generalization"
    assert papers[0].abstract.startswith("Recent diagnostic datasets")
    assert {p.date for p in papers} == {"--08-07"}
    assert all(p.sources[0].line > 11 for p in papers)
    assert not any(p.title in {"Daily Papers", "Subscribe", "new"} for p in papers)


def test_same_file_twice_is_still_83_papers_with_both_sources(seeds_dir):
    seed = next(seeds_dir.glob("*.txt"))
    papers, _ = split(list(read_papers([seed, seed])))
    merged = merge_duplicates(papers)
    assert len(merged) == 83
    assert all(len(p.sources) == 1 for p in merged)  # identical source refs fold into one


def test_overlapping_pages_merge_and_keep_every_source():
    papers, problems = split(list(read_papers([FIXTURES / "page.txt"])))
    assert [p.title for p in papers].count("Adapter Soup: Merging LoRA Modules") == 2
    merged = merge_duplicates(papers)
    soup = next(p for p in merged if p.title.startswith("Adapter Soup"))
    assert [s.line for s in soup.sources] == [13, 21]
    assert soup.date == "--03-13"
    later = next(p for p in merged if p.title.startswith("Counting"))
    assert later.date == "--03-14"
    assert [str(p) for p in problems] == [
        f"{FIXTURES / 'page.txt'}:17: title 'A Title Without Abstract' has no abstract"
    ]


def test_jsonl_fields_ids_and_sentence_lists():
    papers, problems = split(list(read_papers([FIXTURES / "good.jsonl"])))
    assert problems == []
    first, second = papers
    assert (first.id, first.arxiv_id, first.date) == ("2401.00001", "2401.00001", "2024-01-02")
    assert first.url == "https://arxiv.org/abs/2401.00001"
    assert second.abstract == "First sentence about BERT. Second sentence about ImageNet."
    assert (second.id, second.date) == ("abc-1", "2020")


def test_bad_jsonl_lines_are_reported_with_line_and_the_rest_read():
    papers, problems = split(list(read_papers([FIXTURES / "bad.jsonl"])))
    assert [p.title for p in papers] == ["A Fine Paper"]
    lines = [(p.source.line, p.reason.split(":")[0]) for p in problems]
    assert lines == [
        (2, "invalid JSON"),
        (3, "record 'No Abstract Here' has no abstract"),
        (4, "expected a JSON object, found list"),
    ]
    assert all(p.source.file.endswith("bad.jsonl") for p in problems)


def test_json_array_records_keep_their_line_numbers():
    papers, problems = split(list(read_papers([FIXTURES / "array.json"])))
    assert problems == []
    assert [p.sources[0].line for p in papers] == [2, 3]
    assert papers[1].arxiv_id == "2305.12345"
    assert papers[1].date == "2023-05-17"


def test_csv_with_plural_headers():
    papers, _ = split(list(read_papers([FIXTURES / "plural.csv"])))
    assert [(p.title, p.date, p.sources[0].line) for p in papers] == [
        ("Plural Headers Work", "2021", 2),
        ("Second Row", "2022", 3),
    ]


def test_missing_and_empty_files_are_problems_not_crashes(tmp_path):
    papers, problems = split(
        list(read_papers([tmp_path / "nope.jsonl", FIXTURES / "empty.jsonl", FIXTURES / "good.jsonl"]))
    )
    assert len(papers) == 2
    assert [p.reason for p in problems] == ["no such file or folder", "file is empty"]


def test_real_corpora_read_without_problems():
    jsonl = SHARED / "corpora" / "scitldr-a" / "dev.jsonl"
    array = SHARED / "corpora" / "beese-ml-nlp" / "ML.json"
    papers, problems = split(list(read_papers([jsonl, array])))
    assert problems == []
    expected = sum(1 for line in jsonl.open() if line.strip()) + len(json.loads(array.read_text()))
    assert len(papers) == expected
    assert all(p.title and p.abstract for p in papers)


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.jsonl", '{"title": "x"}\n{"title": "y"}\n', "jsonl"),
        ("a.json", '[{"title": "x"}]', "json"),
        ("a.json", '{"title": "x",\n "abstract": "y"}', "json"),
        ("a.data", '{"title": "x"}\n{"title": "y"}\n', "jsonl"),
        ("a.csv", "title,abstract\n", "csv"),
        ("a.txt", "Daily Papers\n\nAug 7\n\nTitle\n\nAbstract.", "dailypapers"),
        ("a.txt", "just some notes", None),
    ],
)
def test_format_detection(name, head, expected):
    assert detect_format(name, head) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2401.01234v3", "2401.01234"),
        ("https://arxiv.org/pdf/2401.01234v1.pdf", "2401.01234"),
        ("arXiv:math.GT/0309136", "math.GT/0309136"),
        ("SJ1Xmf-Rb", None),
        (None, None),
    ],
)
def test_arxiv_ids(value, expected):
    assert arxiv_id_from(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Aug 7", "--08-07"),
        ("Feb 30", None),
        ("2024-02-29", "2024-02-29"),
        ("2023-02-29", None),
        (2019, "2019"),
        ("March 3, 2024", "2024-03-03"),
        ("soon", None),
    ],
)
def test_dates(value, expected):
    assert normalize_date(value) == expected


def test_stdin_is_read(monkeypatch):
    import io
    import sys

    data = json.dumps({"title": "From Stdin", "abstract": "Text."}) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    papers, _ = split(list(read_papers(["-"])))
    assert [p.title for p in papers] == ["From Stdin"]
