"""Writing a long answer in the person's editor: which editor, and what comes back."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from careerstory.ask.editor import CUT_LINE, Editor, EditorFailed, find_editor, strip_heading


def test_visual_wins_over_editor_and_may_carry_arguments() -> None:
    found = find_editor({"VISUAL": "code --wait", "EDITOR": "vi", "PATH": ""})
    assert found == Editor(("code", "--wait"))
    assert found.name == "code"


def test_editor_is_used_when_visual_is_unset_or_empty() -> None:
    assert find_editor({"VISUAL": "", "EDITOR": "nano", "PATH": ""}) == Editor(("nano",))


def test_with_neither_set_a_common_editor_on_the_path_is_used(tmp_path: Path) -> None:
    vi = tmp_path / "vi"
    vi.write_text("#!/bin/sh\n")
    vi.chmod(vi.stat().st_mode | stat.S_IXUSR)
    assert find_editor({"PATH": str(tmp_path)}) == Editor((str(vi),))
    assert find_editor({"PATH": str(tmp_path / "nothing-here")}) is None


def test_everything_down_to_the_cut_line_is_left_out() -> None:
    saved = f"# Why?\n# help\n{CUT_LINE}\n\n# Heading I wrote\nText  \n\n"
    assert strip_heading(saved) == "# Heading I wrote\nText"


def test_without_the_cut_line_only_the_leading_comment_lines_go() -> None:
    assert strip_heading("# Why?\n# help\nMy answer\n# kept\n") == "My answer\n# kept"


def test_an_editor_that_cannot_start_is_a_failure_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(EditorFailed, match="Could not start"):
        Editor((str(tmp_path / "no-such-editor"),)).edit("text", ["Why?"])
