"""A batch of files in several languages: each file's lines in its own language, PDFs included."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import in_process

from careerstory.answers import new_file_text
from careerstory.questions import Bank

ANSWERS = {"name": "Anna Berger", "current_role": "Teacher", "best_moments": "Running the science fair."}


def _file(bank: Bank, path: Path, language: str) -> Path:
    path.write_text(new_file_text(bank, ANSWERS, path.name, language), encoding="utf-8")
    return path


def _render(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # In this very process: one file's language must not stay behind for the next.
    return in_process.run("render", *args, cwd=cwd, env={**os.environ, "SOURCE_DATE_EPOCH": "1767225600"})


def test_a_mixed_batch_says_each_file_s_lines_in_its_language(bank, tmp_path):
    _file(bank, tmp_path / "a.yaml", "")
    _file(bank, tmp_path / "b.yaml", "de")
    _file(bank, tmp_path / "c.yaml", "")
    done = _render("a.yaml", "b.yaml", "c.yaml", "--md", "--pdf", "--out", "out", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    for name in ("a", "c"):
        assert f"wrote out/{name}.md" in lines and f"wrote out/{name}.pdf" in lines, lines
        assert not any(line.startswith(f"out/{name}.") and "geschrieben" in line for line in lines)
    assert "out/b.md geschrieben" in lines and "out/b.pdf geschrieben" in lines, lines
    assert not any(line.startswith("wrote out/b.") for line in lines)
    # The open-questions line of each file, in its language too.
    assert any(line.startswith("a.yaml:") and "still open" in line for line in lines), lines
    assert not any(line.startswith("b.yaml:") and "still open" in line for line in lines), lines


def test_the_order_of_the_batch_does_not_change_what_a_file_is_told(bank, tmp_path):
    _file(bank, tmp_path / "a.yaml", "")
    _file(bank, tmp_path / "b.yaml", "pl")
    forwards = _render("a.yaml", "b.yaml", "--out", "one", cwd=tmp_path).stderr.splitlines()
    backwards = _render("b.yaml", "a.yaml", "--out", "two", cwd=tmp_path).stderr.splitlines()
    assert sorted(line.replace("one/", "") for line in forwards) == sorted(
        line.replace("two/", "") for line in backwards
    )
    assert "wrote one/a.md" in forwards
