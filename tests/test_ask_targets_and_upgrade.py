"""``ask`` for version 2: the jobs a person goes for, an older file upgraded after saying so, a new file's language."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from test_ask_conversation import CTRL_C, DOWN, ENTER, FINISH, MOVE_ON, answers, converse_with, interrupted_with
from test_ask_in_a_real_terminal import CAREERSTORY, answered, finish, spawn

from careerstory.ask.conversation import converse
from careerstory.ask.terminal import scripted
from careerstory.questions import Bank

FIXTURES = Path(__file__).parent / "fixtures"
DONE = DOWN * 3 + ENTER  # the group menu's "Move on"

ADD_TARGET = (
    "Learning experience designer" + ENTER
    + "Brightpath Learning" + ENTER
    + "Designing for adults" + ENTER + "Storyline" + ENTER + ENTER  # requirements, one per line
    + "My Year 10 scheme." + FINISH  # why_fit
    + "No Storyline yet." + FINISH  # gaps
    + FINISH  # objections
    + FINISH  # why_them
    + DOWN + ENTER  # status: applied
    + "Send the module" + ENTER  # next_step
    + FINISH  # learned
)  # fmt: skip


def test_a_target_is_added_field_by_field_with_its_requirements_one_per_line(answers_path: Path, bank: Bank) -> None:
    shown = converse_with(answers_path, bank, ADD_TARGET + DONE + MOVE_ON, blocks=("targets",))
    [job] = answers(answers_path, bank)["jobs"]  # type: ignore[misc]
    assert job == {
        "role": "Learning experience designer",
        "organisation": "Brightpath Learning",
        "requirements": ["Designing for adults", "Storyline"],
        "why_fit": "My Year 10 scheme.",
        "gaps": "No Storyline yet.",
        "objections": "",
        "why_them": "",
        "status": "applied",
        "next_step": "Send the module",
        "learned": "",
    }
    # Every field that has help and an example in the bank shows them when it is asked.
    assert "Copy what the job asks for from the advert" in shown
    assert "For example: Experience designing learning for adults or young people" in shown
    assert "For example: Send the Storyline module to the recruiter by 30 May" in shown
    assert "1. Learning experience designer · Brightpath Learning (applied)" in shown


def test_changing_a_target_keeps_its_requirements_with_enter(answers_path: Path, bank: Bank) -> None:
    converse_with(answers_path, bank, ADD_TARGET + DONE + MOVE_ON, blocks=("targets",))
    change = DOWN + ENTER + ENTER  # Change one, the first
    keys = change + ENTER * 2  # role and organisation kept
    keys += ENTER * 2 + "Adults too" + ENTER + ENTER  # both requirements kept, one added
    keys += FINISH * 4 + ENTER + ENTER + FINISH + DONE + MOVE_ON
    converse_with(answers_path, bank, keys, blocks=("targets",))
    [job] = answers(answers_path, bank)["jobs"]  # type: ignore[misc]
    assert job["requirements"] == ["Designing for adults", "Storyline", "Adults too"]


def test_a_version_1_file_is_upgraded_after_saying_what_changes(answers_path: Path, bank: Bank) -> None:
    old = (FIXTURES / "teacher-v1.yaml").read_bytes()
    answers_path.write_bytes(old)
    shown = interrupted_with(answers_path, bank, ENTER)  # Enter: yes, the default
    shown = " ".join(shown.split())  # lines are wrapped to the terminal's width
    assert "is a version-1 answers file" in shown
    assert "your target role and why you fit it move into your first target" in shown
    assert "kept as careerstory.yaml.v1" in shown
    assert (answers_path.parent / "careerstory.yaml.v1").read_bytes() == old
    text = answers_path.read_text("utf-8")
    assert "version: 2\n" in text and "    - role: Learning experience designer\n" in text
    assert answers(answers_path, bank)["jobs"][0]["role"] == "Learning experience designer"  # type: ignore[index]


def test_saying_no_to_the_upgrade_changes_nothing(answers_path: Path, bank: Bank) -> None:
    old = (FIXTURES / "teacher-v1.yaml").read_bytes()
    answers_path.write_bytes(old)
    shown = converse_with(answers_path, bank, "n")
    assert "Nothing was changed." in shown
    assert answers_path.read_bytes() == old
    assert sorted(p.name for p in answers_path.parent.iterdir()) == ["careerstory.yaml"]


def test_language_is_written_into_a_new_file(answers_path: Path, bank: Bank) -> None:
    with scripted("Maya" + ENTER) as (terminal, _shown):
        converse(answers_path, bank, [], ["name"], terminal, None, "de-AT")
    assert "\nlanguage: de-AT\n" in answers_path.read_text("utf-8")


def test_removed_question_ids_point_to_the_targets_block_and_a_bad_language_is_refused(tmp_path: Path) -> None:
    for args, said in (
        (["--question", "target_role"], "Ask it with --block targets."),
        (["--question", "why_fit"], "Ask it with --block targets."),
        (["--language", "german"], "'german' is not a language code"),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "careerstory", "ask", *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 2, args
        assert said in " ".join(done.stderr.split()), args
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not CAREERSTORY, reason="careerstory is not installed in this environment")
def test_adding_a_target_in_a_real_terminal(tmp_path: Path, bank: Bank) -> None:
    child = spawn("--block", "targets", cwd=tmp_path)
    child.expect_exact("Which jobs are you going for?")
    child.expect_exact("Role:")
    child.send("Data analyst\r")
    child.expect_exact("Organisation:")
    child.send("Northwind\r")
    child.expect_exact("Copy what the job asks for")
    child.expect_exact("1.")
    child.send("SQL\r")
    child.expect_exact("2.")
    child.send("\r")
    # Each prompt waited for by its own label: a redraw of the one before cannot stand in for it.
    for label in (
        "Why you fit this job:",
        "What you lack, and your plan:",
        "and your answer:",
        "Why this organisation:",
    ):
        child.expect_exact(label)
        child.expect_exact("> ")
        child.send("\x1b\r")
    child.expect_exact("Status:")
    child.send("\x1b[B\x1b[B\r")  # interviewing
    child.expect_exact("Next step:")
    child.send("Prepare the case study\r")
    child.expect_exact("What you learned:")
    child.expect_exact("> ")
    child.send("\x1b\r")
    child.expect_exact("What next?")
    child.send("\x1b[B\x1b[B\x1b[B\r")
    child.expect_exact("Change one, or move on?")
    child.send("\r")
    child.expect_exact("Make your brief with")
    assert finish(child) == 0
    [job] = answered(tmp_path / "careerstory.yaml", bank)["jobs"]  # type: ignore[misc]
    assert (job["role"], job["requirements"], job["status"]) == ("Data analyst", ["SQL"], "interviewing")


PITCH_READY = """\
version: 2
about:
  current_role: Chemistry teacher
story:
  why_change: I want to design for thousands. More.
  what_i_want: I want to design courses.
  transferable_skills:
    - skill: Explaining
      evidence: Results rose 18% in two years.
"""
DRAFT = (
    "I'm a chemistry teacher. Results rose 18% in two years. I want to design courses. "
    "I'm making the change because I want to design for thousands. "
    "Could you spare twenty minutes to tell me what the work is really like?"
)


def test_the_pitch_starts_as_a_draft_of_their_own_answers_saved_only_when_confirmed(
    answers_path: Path, bank: Bank
) -> None:
    answers_path.write_text(PITCH_READY)
    shown = interrupted_with(answers_path, bank, " Really" + CTRL_C, questions=("pitch",))
    assert "A draft made from your own answers is in the prompt" in shown
    assert "I'm a chemistry teacher. Results rose 18% in two years." in shown
    assert answers_path.read_text() == PITCH_READY  # nothing saved before they confirm
    converse_with(answers_path, bank, " Really." + FINISH, questions=("pitch",))
    assert answers(answers_path, bank)["pitch"] == DRAFT + " Really."


def test_an_answered_pitch_gets_no_draft(answers_path: Path, bank: Bank) -> None:
    answers_path.write_text(PITCH_READY + "  pitch: Mine.\n")
    shown = converse_with(answers_path, bank, FINISH, questions=("pitch",))
    assert "A draft made" not in shown and answers(answers_path, bank)["pitch"] == "Mine."


@pytest.mark.skipif(not CAREERSTORY, reason="careerstory is not installed in this environment")
def test_a_version_1_file_in_a_real_terminal_is_upgraded_after_a_yes(tmp_path: Path, bank: Bank) -> None:
    old = (FIXTURES / "teacher-v1.yaml").read_bytes()
    (tmp_path / "careerstory.yaml").write_bytes(old)
    child = spawn("--question", "name", cwd=tmp_path)
    child.expect_exact("is a version-1 answers file")
    child.expect_exact("Upgrade it now?")
    child.send("y")
    child.expect_exact("Upgraded.")
    child.expect_exact("What is your name?")
    child.send("\r")
    assert finish(child) == 0
    assert (tmp_path / "careerstory.yaml.v1").read_bytes() == old
    assert answered(tmp_path / "careerstory.yaml", bank)["jobs"][0]["role"] == "Learning experience designer"  # type: ignore[index]
