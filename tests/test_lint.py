"""The code base stays ruff clean (the project's style rules live in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from .conftest import REPO


def test_ruff_finds_nothing():
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "kg", "tests"], cwd=REPO, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_format_is_clean():
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "kg", "tests"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_no_module_binds_a_top_level_name_twice():
    """A second module-level ``_PATTERN = ...`` silently replaces the first for every function
    that reads it (ruff's F811 covers functions and imports, not assignments)."""
    import ast
    from collections import Counter

    twice = []
    for path in sorted((REPO / "kg").rglob("*.py")):
        names: Counter[str] = Counter()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign):
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names[node.target.id] += 1
            elif isinstance(node, ast.FunctionDef | ast.ClassDef):
                names[node.name] += 1
        twice += [f"{path.relative_to(REPO)}: {name}" for name, count in names.items() if count > 1]
    assert twice == []
