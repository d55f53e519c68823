"""The arXiv Atom, arXiv snapshot, daily-papers API and BibTeX readers, on fixtures we wrote."""

from __future__ import annotations

import gzip
import io
import json
import shutil
import sys

import pytest

from kg.records import Paper, PaperExtraction, SourceProblem
from kg.sources import FORMATS, detect_format, merge_duplicates, read_bytes, read_papers

from .conftest import FIXTURES


def split(records):
    records = list(records)
    papers = [r for r in records if isinstance(r, Paper)]
    problems = [r for r in records if isinstance(r, SourceProblem)]
    assert len(papers) + len(problems) == len(records)
    return papers, problems


def where(problems):
    return [(p.source.file.rsplit("/", 1)[-1], p.source.line, p.reason) for p in problems]


# -- arXiv API (Atom) ------------------------------------------------------------------------


def test_atom_entries_fields_and_clean_up():
    papers, problems = split(read_papers([FIXTURES / "arxiv.xml"]))
    assert [p.arxiv_id for p in papers] == ["2402.11111", "hep-th/9901001", "2402.33333"]
    s2ft, strings, only_if = papers
    assert s2ft.title == "S²FT: Structured Sparse Fine-Tuning for Large Language Models"
    assert s2ft.raw_title.startswith("S$^{2}$FT: Structured Sparse Fine-Tuning for\n")
    assert s2ft.abstract == (
        "We propose S²FT, which updates a few structured rows of each layer. On the Toy-Arith "
        "benchmark it cuts memory by 40% while matching full fine-tuning. "
        "Code: https://example.org/s2ft."
    )
    assert (s2ft.date, s2ft.url, s2ft.sources[0].line) == (
        "2024-02-17",
        "https://arxiv.org/abs/2402.11111",
        6,
    )
    assert s2ft.extra["authors"] == ["Ada Example", "Björn Sample"]
    assert s2ft.extra["categories"] == ["cs.CL", "cs.LG"]
    assert strings.title == "Toy Strings at Zürich & Elsewhere"
    assert strings.abstract == "We count toy strings <exactly> once."
    assert strings.id == "hep-th/9901001"
    assert only_if.title == "Only-IF: Conditional Adapters"
    assert where(problems) == [("arxiv.xml", 32, "entry 'A Title With No Summary' has no summary")]


def test_atom_broken_half_way_keeps_the_entries_before_the_break():
    papers, problems = split(read_papers([FIXTURES / "arxiv-broken.xml"]))
    assert [p.title for p in papers] == ["Before The Break"]
    assert where(problems) == [("arxiv-broken.xml", 10, "invalid XML: mismatched tag (column 29)")]


def test_atom_api_error_entry_is_a_problem():
    papers, problems = split(read_papers([FIXTURES / "arxiv-error.xml"]))
    assert papers == []
    assert where(problems) == [("arxiv-error.xml", 3, "arXiv API error: incorrect id format for 1234.12345")]


def test_atom_entity_declarations_and_external_entities_are_refused():
    papers, problems = split(read_papers([FIXTURES / "entities.xml"]))
    assert papers == []
    [problem] = problems
    assert problem.source.line == 2
    assert problem.reason.startswith("refused XML (DTDForbidden)")


def test_atom_feed_without_entries_is_reported():
    stream = io.StringIO('<feed xmlns="http://www.w3.org/2005/Atom"><title>q</title></feed>')
    _, problems = split(read_file_from(stream, "empty.xml"))
    assert [p.reason for p in problems] == ["feed has no entries"]


def read_file_from(stream, name, **kwargs):
    """Read an in-memory text as if it were the file ``name``."""
    return list(read_bytes(stream.getvalue().encode(), name, **kwargs))


# -- arXiv metadata snapshot -----------------------------------------------------------------


def test_snapshot_lines_dates_and_problems():
    papers, problems = split(read_papers([FIXTURES / "snapshot.jsonl"]))
    assert [(p.id, p.date, p.sources[0].line) for p in papers] == [
        ("2402.11111", "2024-02-17", 1),  # the first version's date, not update_date
        ("math/0101001", "2001-01-05", 2),  # no versions: update_date
        ("2402.66666", "2024-02-20", 6),
    ]
    s2ft = papers[0]
    assert s2ft.abstract.endswith("cuts memory by 40% while matching full fine-tuning.")
    assert s2ft.extra["categories"] == ["cs.CL", "cs.LG"]
    assert s2ft.extra["authors"] == "Ada Example and Björn Sample"
    assert papers[2].abstract == "Prompt sieves drop & reorder demonstrations."
    assert [(line, reason.split(":")[0]) for _, line, reason in where(problems)] == [
        (3, "record 'Snapshot Line Without Abstract' has no abstract"),
        (4, "invalid JSON"),
        (5, "expected a JSON object, found list"),
    ]


def test_snapshot_in_a_json_file_is_recognised_by_content(tmp_path):
    target = tmp_path / "arxiv-metadata-oai-snapshot.json"
    shutil.copy(FIXTURES / "snapshot.jsonl", target)
    head = target.read_text()[:8192]
    assert detect_format(str(target), head) == "arxiv-snapshot"
    papers, _ = split(read_papers([target]))
    assert len(papers) == 3


# -- Hugging Face daily-papers API -----------------------------------------------------------


def test_hf_api_items_titles_dates_and_problems():
    papers, problems = split(read_papers([FIXTURES / "hf-daily.json"]))
    assert [(p.id, p.title, p.date, p.sources[0].line) for p in papers] == [
        ("2402.11111", "S²FT: Structured Sparse Fine-Tuning for Large Language Models", "2024-02-17", 2),
        ("2402.77777", "Title Only In The Paper Object", "2024-02-18", 15),
        ("2402.99999", "Patch Rebalancing", "2024-02-19", 31),
    ]
    assert papers[0].extra == {
        "authors": ["Ada Example", "Björn Sample"],
        "upvotes": 42,
        "listed": "2024-02-19",
    }
    assert papers[2].abstract == "Tokens & patches, rebalanced."
    assert where(problems) == [
        ("hf-daily.json", 25, "item 'Listed Without Summary' has no summary"),
        ("hf-daily.json", 30, "expected a JSON object, found str"),
    ]


def test_hf_api_single_paper_object():
    doc = json.dumps({"id": "2401.00009", "title": "One", "summary": "Alone.", "publishedAt": "2024-01-09"})
    assert detect_format("paper.json", doc) == "hf-api"
    papers, _ = split(read_file_from(io.StringIO(doc), "paper.json"))
    assert [(p.arxiv_id, p.title, p.date) for p in papers] == [("2401.00009", "One", "2024-01-09")]


# -- BibTeX ----------------------------------------------------------------------------------


def test_bibtex_entries_ids_dates_and_problems():
    papers, problems = split(read_papers([FIXTURES / "refs.bib"]))
    assert [(p.id, p.date, p.sources[0].line) for p in papers] == [
        ("2402.11111", "2024-02", 4),  # eprint + archivePrefix, year + month macro
        ("math/0101001", "2001", 16),  # "arXiv preprint arXiv:math/0101001" in journal
        ("2205.01234", "2022-05-03", 29),  # arXiv DOI; biblatex date wins over year
        ("paper-1f602fb7c4c7", "2019", 46),  # no identifier: id from the title
    ]
    s2ft, _, cafe, book = papers
    assert s2ft.title == "S²FT: Structured Sparse Fine-Tuning for Large Language Models"
    assert s2ft.abstract.endswith("It cuts memory by 40% while matching full fine-tuning.")
    assert s2ft.extra["authors"] == ["Example, Ada", "Sample, Björn"]
    assert s2ft.extra["bibtex_key"] == "example2024s2ft"
    assert (cafe.title, cafe.abstract) == ("Café Tables via DOI", "A table of cafés, read with a DOI only.")
    assert book.url is None and book.arxiv_id is None
    assert [(line, reason.split(":")[0]) for _, line, reason in where(problems)] == [
        (24, "entry 'noabstract2023' has no abstract"),
        (37, "unreadable BibTeX block"),
        (41, "repeated citation key 'example2024s2ft'; entry skipped"),
    ]


def test_bibtex_with_no_entries_is_reported():
    _, problems = split(read_file_from(io.StringIO("% only a comment\n"), "x.bib", format="bibtex"))
    assert [p.reason for p in problems] == ["no BibTeX entries found"]


# -- across sources --------------------------------------------------------------------------


def test_mixed_folder_with_gzip_merges_one_paper_across_four_sources(tmp_path):
    shutil.copy(FIXTURES / "arxiv.xml", tmp_path / "query.xml")
    shutil.copy(FIXTURES / "snapshot.jsonl", tmp_path / "snapshot.json")
    (tmp_path / "daily.json.gz").write_bytes(gzip.compress((FIXTURES / "hf-daily.json").read_bytes()))
    shutil.copy(FIXTURES / "refs.bib", tmp_path / "refs.bib")
    (tmp_path / "notes.md").write_text("not an input")
    papers, problems = split(read_papers([tmp_path]))
    assert {p.source.file.rsplit("/", 1)[-1] for p in problems} == {
        "query.xml",
        "snapshot.json",
        "daily.json.gz",
        "refs.bib",
    }
    merged = merge_duplicates(papers)
    s2ft = next(p for p in merged if p.arxiv_id == "2402.11111")
    assert sorted(s.file.rsplit("/", 1)[-1] for s in s2ft.sources) == [
        "daily.json.gz",
        "query.xml",
        "refs.bib",
        "snapshot.json",
    ]
    knots = [p for p in merged if p.arxiv_id == "math/0101001"]
    assert len(knots) == 1 and len(knots[0].sources) == 2
    ids = [p.key for p in merged]
    assert len(ids) == len(set(ids))
    assert len(merged) == len(papers) - 3 - 1  # s2ft seen 4 times, the knots twice


def test_stdin_detects_each_format(monkeypatch):
    for fixture, expected in [
        ("arxiv.xml", 3),
        ("snapshot.jsonl", 3),
        ("hf-daily.json", 3),
        ("refs.bib", 4),
    ]:
        data = gzip.compress((FIXTURES / fixture).read_bytes())  # gzip on stdin works too
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        papers, _ = split(read_papers(["-"]))
        assert len(papers) == expected, fixture
        assert all(p.sources[0].file == "-" for p in papers)


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("q.xml", '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', "arxiv-atom"),
        ("-", '<feed xmlns="http://www.w3.org/2005/Atom"><entry>', "arxiv-atom"),
        ("page.html", "<html><body>", None),
        ("refs.txt", "% refs\n@inproceedings{key,\n title={T}}", "bibtex"),
        ("refs.bib", "% nothing yet", "bibtex"),
        ("d.json", '[{"paper": {"id": "2401.00001", "summary": "s"}, "title": "t"}]', "hf-api"),
        (
            "s.jsonl",
            '{"id": "0704.0001", "abstract": "a", "versions": [], "update_date": "2008"}\n',
            "arxiv-snapshot",
        ),
        ("g.json", '[{"title": "t", "abstract": "a", "publishedAt": "2024", "summary": "s"}]', "json"),
    ],
)
def test_detection_of_the_new_formats(name, head, expected):
    assert detect_format(name, head) == expected


def test_format_names():
    assert {"arxiv-atom", "arxiv-snapshot", "hf-api", "bibtex"} <= set(FORMATS)


def test_raw_text_goes_to_papers_jsonl_and_back():
    [paper] = [p for p in read_papers([FIXTURES / "arxiv.xml"]) if isinstance(p, Paper)][:1]
    data = PaperExtraction(paper, []).to_json()
    assert paper.raw_title and paper.raw_title != paper.title
    assert data["title"] == " ".join(paper.raw_title.split()) and data["clean_title"] == paper.title
    back = PaperExtraction.from_json(json.loads(json.dumps(data))).paper
    assert back.title == paper.title and back.abstract == paper.abstract
    assert (back.raw_title, back.raw_abstract) == (data["title"], paper.raw_abstract)
    plain = Paper("p", "Plain", "Text.")
    assert {"raw_title", "clean_title", "raw_abstract"}.isdisjoint(PaperExtraction(plain, []).to_json())


def test_papers_written_before_clean_title_existed_still_read_back():
    old_line = {"id": "p", "title": "S²FT: Sparse", "raw_title": "S$^{2}$FT: Sparse", "abstract": "A."}
    paper = PaperExtraction.from_json(old_line).paper
    assert (paper.title, paper.raw_title) == ("S²FT: Sparse", "S$^{2}$FT: Sparse")


def test_kg_extract_reads_every_new_format_with_forced_and_guessed_format(tmp_path):
    from typer.testing import CliRunner

    from kg.cli import EXIT_SKIPPED, app

    inputs = [str(FIXTURES / n) for n in ("arxiv.xml", "snapshot.jsonl", "hf-daily.json", "refs.bib")]
    out = tmp_path / "papers.jsonl"
    result = CliRunner().invoke(app, ["extract", *inputs, "--out", str(out), "--quiet"])
    assert result.exit_code == EXIT_SKIPPED, result.output
    rows = [json.loads(line) for line in out.open()]
    by_id = {r["id"]: r for r in rows}
    assert len(by_id) == len(rows) == 9
    s2ft = by_id["2402.11111"]
    assert s2ft["clean_title"] == "S²FT: Structured Sparse Fine-Tuning for Large Language Models"
    assert s2ft["title"] == "S$^{2}$FT: Structured Sparse Fine-Tuning for Large Language Models"
    [s2ft_entity] = [e for e in s2ft["entities"] if e["name"] == "S²FT"]
    assert s2ft_entity["aliases"] == ["S2FT", "S$^{2}$FT"]  # the keyboard's spelling, then the source's
    assert len(s2ft["sources"]) == 4
    forced = CliRunner().invoke(
        app, ["extract", str(FIXTURES / "refs.bib"), "--format", "bibtex", "--out", str(out), "--quiet"]
    )
    assert forced.exit_code == EXIT_SKIPPED, forced.output
    assert len(out.read_text().splitlines()) == 4


def test_xml_declaring_another_encoding_is_decoded_with_it():
    feed = (
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        "<entry><id>http://arxiv.org/abs/2401.00001</id><title>Caf\u00e9 Z\u00fcrich</title>"
        "<summary>ok</summary></entry></feed>"
    )
    for data in (feed.encode("latin-1"), feed.replace("ISO-8859-1", "UTF-8").encode("utf-8")):
        [paper] = read_bytes(data, "f.xml")
        assert paper.title == "Café Zürich"
