"""``careerstory ask`` in a real pseudo-terminal, as a person meets it.

Generous timeouts: these tests wait for words on the screen, never for time, so they
are only slow when something is wrong.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from careerstory.answers import load
from careerstory.questions import Bank
from careerstory.storage import FileLock

CAREERSTORY = shutil.which("careerstory", path=str(Path(sys.executable).parent)) or ""
TIMEOUT = 15

pytestmark = pytest.mark.skipif(not CAREERSTORY, reason="careerstory is not installed in this environment")


def spawn(*args: str, cwd: Path, env: dict[str, str] | None = None) -> pexpect.spawn:
    environment = {
        **os.environ,
        "TERM": "xterm",
        "COLUMNS": "80",
        "LINES": "30",
        # pexpect answers no cursor-position request; without this prompt_toolkit waits for one.
        "PROMPT_TOOLKIT_NO_CPR": "1",
        **(env or {}),
    }
    return pexpect.spawn(
        CAREERSTORY,
        ["ask", *args],
        cwd=str(cwd),
        env=environment,
        dimensions=(30, 80),
        timeout=TIMEOUT,
        encoding="utf-8",
    )


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus is not None, f"killed by signal {child.signalstatus}"
    return int(child.exitstatus)


def answered(path: Path, bank: Bank) -> dict[str, object]:
    sheet = load(path, bank)
    return {q.id: sheet[q.id] for q in bank.questions if sheet.answered(q)}


def test_a_first_session_stopped_with_ctrl_c_resumes_at_the_third_question(tmp_path: Path, bank: Bank) -> None:
    child = spawn(cwd=tmp_path)
    child.expect_exact("About you · question 1 of 5")
    child.expect_exact("What is your name?")
    child.send("Maya Okafor\r")
    child.expect_exact("What is your current job?")
    child.send("Chemistry teacher\r")
    child.expect_exact("What do you already know you don't want?")
    child.send("Half typ\x03")
    child.expect_exact("Stopped. Every answer you confirmed is saved.")
    assert finish(child) == 130
    assert "Traceback" not in (child.before or "")
    path = tmp_path / "careerstory.yaml"
    assert answered(path, bank) == {"name": "Maya Okafor", "current_role": "Chemistry teacher"}

    child = spawn(cwd=tmp_path)
    child.expect_exact("Welcome back: 2 of 24 questions have an answer.")
    child.expect_exact("About you · question 3 of 5")
    assert "question 1 of 5" not in (child.before or "")
    child.expect_exact("What do you already know you don't want?")
    child.send("Sunday marking\r\r")
    child.expect_exact("What must any next job respect?")
    child.send("Leeds\x1b\r")
    child.expect_exact("Where and when can you work?")
    child.send("\r")
    child.expect_exact("Change one, or move on?")
    child.send("\r")
    child.expect_exact("What am I good at? · question 1 of 4 · 4 of 24 answered in all")
    child.expect_exact("Finish with Esc then Enter")
    child.send("First line\rsecond line\x1b\r")
    child.expect_exact("question 2 of 4")
    child.send("\x04")
    assert finish(child) == 130
    assert answered(path, bank) == {
        "name": "Maya Okafor",
        "current_role": "Chemistry teacher",
        "dont_want": ["Sunday marking"],
        "constraints": "Leeds",
        "best_moments": "First line\nsecond line",
    }


def test_sigkill_between_two_questions_leaves_a_whole_file_and_no_temporary_files(tmp_path: Path, bank: Bank) -> None:
    child = spawn("answers.yaml", cwd=tmp_path)
    child.expect_exact("What is your name?")
    child.send("Maya\r")
    child.expect_exact("What is your current job?")
    child.kill(signal.SIGKILL)
    child.expect(pexpect.EOF)
    child.close()
    assert child.signalstatus == signal.SIGKILL
    assert answered(tmp_path / "answers.yaml", bank) == {"name": "Maya"}
    # The lock file beside it may stay (the kernel dropped the lock itself); the next ask takes and removes it.
    assert {p.name for p in tmp_path.iterdir()} <= {"answers.yaml", ".answers.yaml.lock"}
    lock = FileLock(tmp_path / "answers.yaml")
    lock.acquire()
    lock.release()
    assert [p.name for p in tmp_path.iterdir()] == ["answers.yaml"]


def test_sigterm_between_two_questions_stops_like_ctrl_c(tmp_path: Path, bank: Bank) -> None:
    child = spawn(cwd=tmp_path)
    child.expect_exact("What is your name?")
    child.send("Maya\r")
    child.expect_exact("What is your current job?")
    child.kill(signal.SIGTERM)
    child.expect_exact("Stopped. Every answer you confirmed is saved.")
    assert finish(child) == 130
    assert "Traceback" not in (child.before or "")
    assert answered(tmp_path / "careerstory.yaml", bank) == {"name": "Maya"}
    assert [p.name for p in tmp_path.iterdir()] == ["careerstory.yaml"]


def test_ctrl_c_inside_the_editor_stops_and_keeps_earlier_answers(tmp_path: Path, bank: Bank) -> None:
    editor = tmp_path / "slow-editor"
    editor.write_text('#!/bin/sh\necho "editing $1"\nprintf "never saved\\n" >> "$1"\nsleep 30\n')
    editor.chmod(editor.stat().st_mode | stat.S_IXUSR)
    folder = tmp_path / "work"
    folder.mkdir()
    child = spawn("--question", "name", "--question", "why_change", cwd=folder, env={"EDITOR": str(editor)})
    child.expect_exact("What is your name?")
    child.send("Maya\r")
    child.expect_exact("Ctrl-O writes it in slow-editor instead.")
    child.send("\x0f")
    child.expect_exact("editing ")
    child.send("\x03")
    assert finish(child) == 130
    assert answered(folder / "careerstory.yaml", bank) == {"name": "Maya"}


def test_piped_standard_input_is_refused_with_a_way_forward(tmp_path: Path) -> None:
    done = subprocess.run(
        [CAREERSTORY, "ask", "mine.yaml"], cwd=tmp_path, input="Maya\n", capture_output=True, text=True, timeout=TIMEOUT
    )
    assert done.returncode == 1
    assert "careerstory check mine.yaml" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "mine.yaml").exists()


def test_an_unknown_block_or_question_is_a_command_line_error_naming_the_known_ones(tmp_path: Path) -> None:
    for option, known in (("--block", "about, strengths, options, story"), ("--question", "name, current_role")):
        done = subprocess.run(
            [CAREERSTORY, "ask", option, "nope"], cwd=tmp_path, capture_output=True, text=True, timeout=TIMEOUT
        )
        assert done.returncode == 2
        assert "nope" in done.stderr
        assert known in done.stderr


def test_a_german_screen_at_80_columns_speaks_german_and_cuts_no_hint(tmp_path: Path) -> None:
    child = spawn("--language", "de", cwd=tmp_path)
    child.expect_exact("Strg-C beendet")
    child.expect_exact("Wie heißt du?")
    child.send("Maya Okafor\r")
    child.expect_exact("Was ist dein jetziger Job?")
    child.send("Lehrerin\r")
    child.expect_exact("Ein Punkt pro Zeile.")
    child.send("\r")
    child.expect_exact("Mehrere Zeilen sind in Ordnung.")
    child.expect_exact("mit Alt-Enter.")  # whole, on its own line, where it was cut at "oder mit Al"
    child.expect_exact("Mit Strg-O schreibst du sie")  # the same key name as Strg-C
    child.send("Leipzig\x1b\r")
    child.expect_exact("Wo und wann kannst du arbeiten?")
    child.send("\r")
    child.expect_exact("Einen ändern oder weitergehen?")
    child.expect_exact("(mit den Pfeiltasten wählen)")  # questionary's instruction, in German
    child.send("\x03")
    assert finish(child) == 130
    shown = child.before or ""
    assert "Use arrow keys" not in shown and "Ctrl-" not in shown
