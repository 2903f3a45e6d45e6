"""``render --watch``: renders on every change, survives a broken save, stops on Ctrl-C."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from careerstory.errors import UserError
from careerstory.render import RenderRequest
from careerstory.render.watching import watch_and_render

VALUES = {"name": "Sam Lee", "current_role": "Shift supervisor", "possible_roles": ["Planner"]}


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def bump(path: Path, text: str) -> None:
    """Write and move the modification time on, as a save a moment later would."""
    stat = path.stat()
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_watch_renders_again_after_each_save_and_survives_a_broken_one(write_answers, bank, capsys) -> None:
    path = write_answers(VALUES)
    brief = path.with_suffix(".md")
    good = path.read_text("utf-8")
    saves = [
        lambda: bump(path, good.replace("Sam Lee", "Sam Lee-Park")),
        lambda: bump(path, "version: 1\nabout: [broken\n"),
        lambda: bump(path, good.replace("Sam Lee", "Samira Lee")),
    ]
    seen: list[str] = []

    def sleep(_seconds: float) -> None:
        seen.append(brief.read_text("utf-8").splitlines()[0] if brief.exists() else "")
        if saves:
            saves.pop(0)()

    watch_and_render(RenderRequest([path], ["md"]), bank, rounds=5, sleep=sleep)
    assert seen == ["# Sam Lee", "# Sam Lee-Park", "# Sam Lee-Park", "# Samira Lee", "# Samira Lee"]
    err = capsys.readouterr().err
    assert f"{path}:3:1: error: YAML syntax" in err and "Still watching" in err


def test_watch_skips_rounds_without_a_change(write_answers, bank, capsys) -> None:
    path = write_answers(VALUES)
    watch_and_render(RenderRequest([path], ["md"]), bank, rounds=4, sleep=lambda _s: None)
    assert capsys.readouterr().err.count("wrote ") == 1


def test_ctrl_c_travels_up_for_the_command_line_to_exit_130(write_answers, bank) -> None:
    def interrupt(_seconds: float) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        watch_and_render(RenderRequest([write_answers(VALUES)], ["md"]), bank, sleep=interrupt)


def test_watch_refuses_standard_output(write_answers, bank) -> None:
    with pytest.raises(UserError):
        watch_and_render(RenderRequest([write_answers(VALUES)], ["md"], out="-"), bank, rounds=1)
