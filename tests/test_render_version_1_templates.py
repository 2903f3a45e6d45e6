"""A person's template written for version 1 is told what replaced the values it uses."""

from __future__ import annotations

from pathlib import Path

import in_process
import pytest

TEACHER = Path(__file__).parent.parent / "examples" / "teacher.yaml"


@pytest.mark.parametrize(
    ("expression", "old", "new"),
    [
        ("brief.name", "brief.name", "brief.header.name"),
        ("brief.target_role", "brief.target_role", "brief.header.target_role"),
        ("answers.target_role", "answers.target_role", "answers.jobs[0].role"),
        ("answers['why_fit']", "answers.why_fit", "answers.jobs[0].why_fit"),
    ],
)
def test_a_version_1_value_is_named_with_what_replaced_it(tmp_path: Path, expression: str, old: str, new: str) -> None:
    (tmp_path / "brief.md.j2").write_text("# Brief\n\n{{ " + expression + " }}\n")
    done = in_process.run("render", str(TEACHER), "--template-dir", str(tmp_path), "--out", "-")
    assert done.returncode == 1
    assert f"brief.md.j2:3: error: the template uses {old}, a value of templates written for version 1" in done.stderr
    assert new in done.stderr and "Traceback" not in done.stderr


def test_another_missing_value_gets_the_usual_message(tmp_path: Path) -> None:
    (tmp_path / "brief.md.j2").write_text("{{ brief.nickname }}\n")
    done = in_process.run("render", str(TEACHER), "--template-dir", str(tmp_path), "--out", "-")
    assert "the template uses a value that does not exist" in done.stderr and "version 1" not in done.stderr
