"""Title and abstract clean-up: each rule, and what it must leave alone."""

from __future__ import annotations

import pytest

from kg.records import Paper
from kg.sources import merge_duplicates
from kg.sources.normalize import arxiv_id_from, find_arxiv_id
from kg.sources.text import dehyphenate, latex_to_text, strip_invisible, tidy, tidy_field


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        # LaTeX
        ("S$^{2}$FT: Sparse Fine-Tuning", "S²FT: Sparse Fine-Tuning"),
        (r"$\textbf{Only-IF}$: Gates", "Only-IF: Gates"),
        (r"Z\"urich and Z{\"u}rich and Z\"{u}rich", "Zürich and Zürich and Zürich"),
        (r"Caf\'e, na\"{\i}ve, \c{c}a, \v{S}koda, \ss{}", "Café, naïve, ça, Škoda, ß"),
        (r"We \emph{really} match \cite{a,b} and \citep[p.~3]{c}.", "We really match and."),
        (r"See Fig.~\ref{fig:x} and Table~2.", "See Fig. and Table 2."),
        (r"\textbf{\emph{Nested} commands}", "Nested commands"),
        (r"H$_2$O, $10^{-3}$, $x^{ab}$, $\alpha_i$, 90$^\circ$", "H₂O, 10⁻³, x^(ab), αᵢ, 90°"),
        (r"$\mathcal{O}(n^2)$ time, $\le$ 5, $\times$ 2", "O(n²) time, ≤ 5, × 2"),
        (r"40\% gain \& 3\_x \#1 \$5", "40% gain & 3_x #1 $5"),
        (r"\href{https://x.org}{our code} at \url{https://x.org/a_b}", "our code at https://x.org/a_b"),
        (r"models\footnote{See the appendix.} work", "models work"),
        (r"a \textcolor{red}{warm} start", "a warm start"),
        (r"\emph{A}---B and 1--2 and ``quoted''", "A—B and 1–2 and “quoted”"),
        (r"$\mathbb{R}^d$ vectors", "ℝ^d vectors"),
        # a root and a fraction keep their meaning
        (r"$\mathcal{O}(\sqrt{n})$ memory, $\frac{1}{2}$ and $\tfrac{n}{k}$", "O(√n) memory, 1/2 and n/k"),
        # a tie before a bracket, left by a LaTeX source in plain text
        ("robust to out-of-distribution~(OoD) inputs", "robust to out-of-distribution (OoD) inputs"),
        # plain text that merely looks like LaTeX stays as it is
        ("50% of 100 ~2x faster {set} x^2 a_b", "50% of 100 ~2x faster {set} x^2 a_b"),
        ("costs $5 and $10", "costs $5 and $10"),
        ("<script>alert('x')</script> & \"quotes\" > 3", "<script>alert('x')</script> & \"quotes\" > 3"),
        # hyphenation across line breaks
        ("lan-\nguage models", "language models"),
        ("state-of-\nthe-art and self-\nattention", "state-of-the-art and self-attention"),
        ("Llama-\n2 and GPT-\n4o", "Llama-2 and GPT-4o"),
        ("a dash -\nhere", "a dash - here"),
        # entities, invisible characters, odd whitespace
        ("Tom &amp; Jerry &lt;3 &#233;t&#xE9;", "Tom & Jerry <3 été"),
        ("double &amp;amp; escaped", "double & escaped"),
        ("a\u00a0b\u2009c\u3000d\te\r\nf", "a b c d e f"),
        ("zero\u200bwidth\u00adsoft\ufeffbom", "zerowidthsoftbom"),
        ("bidi \u202eevil\u202c and \u200fmark", "bidi evil and mark"),
        ("ctrl\x00\x07\x1b chars\x7f\x85here", "ctrl chars here"),
        ("ligature \ufb01ne \ufb02ow", "ligature fine flow"),
        ("e\u0301 composed", "é composed"),
        # a footnote's number glued to a sentence's last word; versions and figure numbers stay
        ("learning of Bayesian neural networks.1", "learning of Bayesian neural networks."),
        ("on three graphs.2 We then", "on three graphs. We then"),
        ("with Llama-3.1. See Fig.1 and UD v2.12", "with Llama-3.1. See Fig.1 and UD v2.12"),
        ("  \n\t  ", ""),
    ],
)
def test_tidy(raw, clean):
    assert tidy(raw) == clean


def test_bibtex_mode_removes_protective_braces():
    assert tidy("{BERT}: Pre-training of {D}eep Models", latex=True) == "BERT: Pre-training of Deep Models"
    assert tidy("{BERT}: Pre-training") == "{BERT}: Pre-training"


def test_raw_text_is_kept_only_when_clean_up_changed_more_than_spaces():
    assert tidy_field("S$^{2}$FT") == ("S²FT", "S$^{2}$FT")
    assert tidy_field("  Plain\n title ") == ("Plain title", None)
    assert tidy_field(None) == ("", None)
    assert tidy_field(["One.", "Two &amp; three."]) == ("One. Two & three.", "One.\nTwo &amp; three.")


def test_unicode_text_and_non_latin_scripts_pass_through():
    text = "多语言 модели עברית العربية 😀 ∑ café"
    assert tidy(text) == text
    assert strip_invisible(text) == text


@pytest.mark.parametrize(
    ("pdf_text", "clean"),
    [
        ("Na\u0131\u0308ve Bayes", "Na\u00efve Bayes"),  # dotless i + combining diaeresis
        ("Jim\u0131\u0301nez", "Jim\u00ednez"),  # + combining acute
        ("K\u0131z\u0131lay", "K\u0131z\u0131lay"),  # a Turkish dotless i without an accent stays
    ],
)
def test_a_pdf_dotless_i_with_an_accent_becomes_the_accented_letter(pdf_text, clean):
    assert tidy(pdf_text) == clean


def test_latex_passes_text_without_commands_unchanged():
    for text in ["plain", "5% of {x}", "a ~ b", "x_1 and y^2 and $5"]:
        assert latex_to_text(text) is text


def test_deeply_nested_and_unbalanced_latex_does_not_hang_or_raise():
    nested = r"\textbf{" * 3000 + "core" + "}" * 3000
    assert tidy(nested) == "core"
    assert tidy(r"\emph{open and \textbf{never closed") == "open and never closed"
    assert tidy("}}} {{{ \\ \\\\ $ $$ \\c \\'") == "$ $$ \\'"


def test_dehyphenate_only_joins_lower_case_pieces():
    assert dehyphenate("Trans-\nformer") == "Trans-former"
    assert dehyphenate("pre-\ntrained") == "pre-trained"
    assert dehyphenate("opti-\nmization") == "optimization"


def test_same_paper_with_different_latex_merges():
    a = Paper("a", tidy("S$^{2}$FT: Sparse Tuning"), "x")
    b = Paper("b", tidy("S$^2$FT: Sparse  Tuning"), "y")
    c = Paper("c", tidy("S²FT: Sparse Tuning"), "z")
    assert len(merge_duplicates([a, b, c])) == 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2401.01234v2", "2401.01234"),
        ("0704.0001", "0704.0001"),
        ("hep-th/9901001", "hep-th/9901001"),
        ("arXiv:hep-th/9901001v3", "hep-th/9901001"),
        ("arXiv: 2401.01234", "2401.01234"),
        ("arXiv:2401.01234 [cs.CL]", "2401.01234"),
        ("https://arxiv.org/abs/2401.01234v2", "2401.01234"),
        ("http://export.arxiv.org/abs/hep-th/9901001v1", "hep-th/9901001"),
        ("https://arxiv.org/pdf/2401.01234v1.pdf", "2401.01234"),
        ("https://arxiv.org/pdf/2401.01234", "2401.01234"),
        ("10.48550/arXiv.2401.01234", "2401.01234"),
        ("https://doi.org/10.48550/ARXIV.2401.01234", "2401.01234"),
        ("https://huggingface.co/papers/2401.01234", "2401.01234"),
        ("2401.012345", None),
        ("10.1145/3292500.3330701", None),
        ("", None),
    ],
)
def test_arxiv_id_forms(value, expected):
    assert arxiv_id_from(value) == expected


def test_arxiv_ids_in_free_text_need_an_explicit_marker():
    assert find_arxiv_id("arXiv preprint arXiv:2401.01234v2, 2024") == "2401.01234"
    assert find_arxiv_id("In Proc. 2401.01234") is None
