"""Shared fixtures: paths to real data beside the repo and one seed build per session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTIFACTS = REPO / "test-artifacts"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The real daily-paper dumps in ../shared/seeds (83 papers)."""
    path = SHARED / "seeds"
    assert path.is_dir(), f"{path} is missing: tests read the shared seeds"
    return path


@pytest.fixture(scope="session")
def nlp():
    """kg's full pipeline with the shipped catalogue, built once."""
    from kg.nlp.pipeline import make_pipeline

    return make_pipeline()


@pytest.fixture(scope="session")
def seed_build(seeds_dir, tmp_path_factory):
    """``kg.build`` of the seeds, written to a temporary folder: (result, paths)."""
    import kg

    result = kg.build([seeds_dir])
    out = tmp_path_factory.mktemp("seed-build")
    return result, result.write(out)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Folder where tests leave screenshots and reports for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
