"""The notebooks: committed without outputs, and each one runs top to bottom with nbclient.

Every notebook is executed in a fresh kernel from a temporary working folder (so it must find
its input without help from the cwd), once on the sample corpus and once on the shared seeds
(``KG_INPUT``). A cell that raises fails the test. The executed notebooks and the figures they
draw are left in ``test-artifacts/notebooks/`` for people to look at.
"""

from __future__ import annotations

import base64

import nbformat
import pytest
from nbclient import NotebookClient

from .conftest import REPO, SHARED

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
CORPORA = {
    "examples": REPO / "examples",
    "seeds": SHARED / "seeds",
}


def test_there_are_three_numbered_notebooks():
    assert [p.name for p in NOTEBOOKS] == ["01-explore.ipynb", "02-analytics.ipynb", "03-sparql.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_notebook_has_no_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: a cell has outputs"
            assert cell.execution_count is None, f"{path.name}: a cell has an execution count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_reads_one_parameter_and_the_installed_package(path):
    nb = nbformat.read(path, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    assert 'os.environ.get("KG_INPUT"' in tagged[0].source
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "sys.path" not in code
    assert "import kg" in code
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")


def _execute(path, corpus, cwd, monkeypatch):
    monkeypatch.setenv("KG_INPUT", str(corpus) if corpus else "")
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}
    )
    client.execute()
    return nb


def _texts(nb) -> str:
    parts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                parts.append(output.text)
            elif "text/plain" in output.get("data", {}):
                parts.append(output["data"]["text/plain"])
    return "\n".join(parts)


def _pictures(nb) -> list[bytes]:
    return [
        base64.b64decode(output["data"]["image/png"])
        for cell in nb.cells
        for output in cell.get("outputs", [])
        if "image/png" in output.get("data", {})
    ]


@pytest.mark.parametrize(
    "corpus", ["examples", pytest.param("seeds", marks=pytest.mark.slow)], ids=["examples", "seeds"]
)
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_top_to_bottom(path, corpus, tmp_path, monkeypatch, artifacts):
    source = CORPORA[corpus]
    if corpus == "seeds" and not source.is_dir():
        raise AssertionError(f"{source} is missing: the notebooks run on the shared seeds too")
    # the sample corpus is found by the notebook itself, from a working folder far from the repo
    nb = _execute(path, None if corpus == "examples" else source, tmp_path, monkeypatch)

    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors
    assert all(c.execution_count for c in nb.cells if c.cell_type == "code")
    text = _texts(nb)
    pictures = _pictures(nb)
    assert pictures, "every notebook draws at least one figure"
    assert all(p.startswith(b"\x89PNG") for p in pictures)

    papers = {"examples": 18, "seeds": 83}[corpus]
    if path.stem.startswith("01"):
        assert f"{papers} papers" in text
        assert "Top benchmarks" in text
    elif path.stem.startswith("02"):
        assert f"N = {papers} papers" in text
        assert "communities" in text
    else:
        assert "triples in" in text
        assert "same rows" in text

    out = artifacts / "notebooks"
    out.mkdir(exist_ok=True)
    nbformat.write(nb, out / f"{path.stem}-{corpus}.ipynb")
    for i, picture in enumerate(pictures):
        (out / f"{path.stem}-{corpus}-{i}.png").write_bytes(picture)
    (out / f"{path.stem}-{corpus}.txt").write_text(text, encoding="utf-8")


def test_a_wrong_input_path_fails_the_first_cell_that_reads_it(tmp_path, monkeypatch):
    from nbclient.exceptions import CellExecutionError

    with pytest.raises(CellExecutionError, match="no corpus at"):
        _execute(NOTEBOOKS[0], tmp_path / "missing", tmp_path, monkeypatch)
