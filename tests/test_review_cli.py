"""`careerstory review` and check's warnings, as a person runs them."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import in_process

EXAMPLES = Path(__file__).parents[1] / "examples"
TEACHER = (EXAMPLES / "teacher.yaml").read_text(encoding="utf-8")
WEAK = TEACHER.replace(
    "    Three new teachers mentored since 2022.", "    We mentored new teachers (need to count them)."
)
# The line of the weak evidence, counted rather than typed: the example grows as it is written.
WE_LINE = next(n for n, line in enumerate(WEAK.splitlines(), 1) if "We mentored new teachers" in line)


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # 10 March 2026, the day the examples reach: none of their next steps is overdue yet.
    return in_process.run(*args, cwd=cwd, env={**os.environ, "SOURCE_DATE_EPOCH": "1773100800"})


def test_review_prints_notes_grouped_by_block_then_a_summary_and_exits_0(tmp_path: Path) -> None:
    (tmp_path / "weak.yaml").write_text(WEAK, encoding="utf-8")
    result = run("review", "weak.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Now, what's my story?"
    assert any(line.startswith(f"  weak.yaml:{WE_LINE}:") and ": we-not-i: " in line for line in lines)
    assert any(": note-to-self: " in line for line in lines)
    assert lines[-1].endswith("notes: a coach's view, so take what helps.")


def test_review_strict_exits_1_on_any_note_and_0_on_none(tmp_path: Path) -> None:
    (tmp_path / "weak.yaml").write_text(WEAK, encoding="utf-8")
    (tmp_path / "empty.yaml").write_text("version: 2\n", encoding="utf-8")
    assert run("review", "weak.yaml", "--strict", cwd=tmp_path).returncode == 1
    quiet = run("review", "empty.yaml", "--strict", cwd=tmp_path)
    assert (quiet.returncode, quiet.stdout.strip()) == (0, "No notes: a coach would have little to push back on.")


def test_review_json_is_one_array_of_notes_of_every_file(tmp_path: Path) -> None:
    (tmp_path / "weak.yaml").write_text(WEAK, encoding="utf-8")
    (tmp_path / "other.yaml").write_text(WEAK, encoding="utf-8")
    result = run("review", "weak.yaml", "other.yaml", "--json", cwd=tmp_path)
    notes = json.loads(result.stdout)
    assert {note["file"] for note in notes} == {"weak.yaml", "other.yaml"}
    we = next(note for note in notes if note["rule"] == "we-not-i")
    assert we | {"message": ""} == {
        "file": "weak.yaml",
        "block": "story",
        "question": "transferable_skills[3].evidence",
        "line": WE_LINE,
        "column": 9,
        "rule": "we-not-i",
        "message": "",
    }


def test_review_github_annotates_the_line_of_each_note(tmp_path: Path) -> None:
    (tmp_path / "weak.yaml").write_text(WEAK, encoding="utf-8")
    lines = run("review", "weak.yaml", "--github", cwd=tmp_path).stdout.splitlines()
    we = f"::warning file=weak.yaml,line={WE_LINE},col=9,title=we-not-i::Say what you did yourself"
    assert we in "\n".join(lines)
    assert all(line.startswith("::warning file=weak.yaml,line=") for line in lines)


def test_review_refuses_json_and_github_together_and_an_invalid_file_with_checks_errors(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("version: 2\nabout:\n  nmae: Ada\n", encoding="utf-8")
    assert run("review", "bad.yaml", "--json", "--github", cwd=tmp_path).returncode == 2
    invalid = run("review", "bad.yaml", cwd=tmp_path)
    assert invalid.returncode == 1
    assert "bad.yaml:3:3: error: unknown question 'nmae'" in invalid.stderr


def test_check_warns_of_editing_traps_without_changing_its_exit_code(tmp_path: Path) -> None:
    (tmp_path / "trap.yaml").write_text(
        "version: 2\nabout:\n  name: Manager #2\n  current_role: |\n    Teacher\n    # ask Sam first\n",
        encoding="utf-8",
    )
    result = run("check", "trap.yaml", cwd=tmp_path)
    assert result.returncode == 0
    assert "trap.yaml:3:17: warning: the answer stops before ' #'" in result.stderr
    assert "trap.yaml:6:5: warning: this '#' line is inside the answer" in result.stderr


def test_review_of_a_file_in_another_language_speaks_it_in_headings_and_summary(tmp_path: Path) -> None:
    for name, language in (("en.yaml", ""), ("de.yaml", "de"), ("fr.yaml", "fr"), ("es.yaml", "es"), ("pl.yaml", "pl")):
        text = WEAK.replace("version: 3\n", f"version: 3\nlanguage: {language}\n", 1) if language else WEAK
        (tmp_path / name).write_text(text, encoding="utf-8")
    english = run("review", "en.yaml", cwd=tmp_path).stdout.splitlines()
    for language in ("de", "fr", "es", "pl"):
        lines = run("review", f"{language}.yaml", cwd=tmp_path).stdout.splitlines()
        headings = [line for line in lines if line and not line.startswith("  ")]
        assert headings and not set(headings) & set(english), (language, headings)
        assert "a coach's view" not in lines[-1]
    (tmp_path / "empty.yaml").write_text("version: 2\nlanguage: de\n", encoding="utf-8")
    quiet = run("review", "empty.yaml", cwd=tmp_path).stdout.strip()
    assert quiet and "No notes" not in quiet
