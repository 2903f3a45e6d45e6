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
    # requirements, one at a time: each need, then its evidence, or a plan when there is none
    + "Designing for adults" + ENTER + "I trained 40 colleagues." + FINISH
    + "Storyline" + ENTER + FINISH + "A module by May" + FINISH
    + ENTER
    + "My Year 10 scheme." + FINISH  # why_fit
    + "No Storyline yet." + FINISH  # gaps
    + FINISH  # objections
    + FINISH  # why_them
    + DOWN + ENTER  # status: applied
    + "Send the module" + ENTER  # next_step
    + FINISH  # learned
    + FINISH + FINISH + ENTER  # tell_me, letter, due
)  # fmt: skip
REQUIREMENTS = [
    {"need": "Designing for adults", "evidence": "I trained 40 colleagues.", "plan": ""},
    {"need": "Storyline", "evidence": "", "plan": "A module by May"},
]


def test_a_target_is_added_field_by_field_with_its_requirements_one_per_line(answers_path: Path, bank: Bank) -> None:
    shown = converse_with(answers_path, bank, ADD_TARGET + DONE + MOVE_ON, blocks=("targets",))
    [job] = answers(answers_path, bank)["jobs"]  # type: ignore[misc]
    assert job == {
        "role": "Learning experience designer",
        "organisation": "Brightpath Learning",
        "requirements": REQUIREMENTS,
        "why_fit": "My Year 10 scheme.",
        "gaps": "No Storyline yet.",
        "objections": "",
        "why_them": "",
        "status": "applied",
        "next_step": "Send the module",
        "learned": "",
        "tell_me": "",
        "letter": "",
        "due": "",
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
    keys += ENTER + FINISH  # the first requirement and its evidence kept
    keys += ENTER + FINISH + FINISH  # the second, no evidence yet, its plan kept
    keys += "Adults too" + ENTER + FINISH + FINISH + ENTER  # one added, then the list finished
    keys += FINISH * 4 + ENTER + ENTER + FINISH + FINISH * 2 + ENTER + DONE + MOVE_ON
    converse_with(answers_path, bank, keys, blocks=("targets",))
    [job] = answers(answers_path, bank)["jobs"]  # type: ignore[misc]
    assert job["requirements"] == [*REQUIREMENTS, {"need": "Adults too", "evidence": "", "plan": ""}]


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
    assert "version: 3\n" in text and "    - role: Learning experience designer\n" in text
    assert answers(answers_path, bank)["jobs"][0]["role"] == "Learning experience designer"  # type: ignore[index]


VERSION_2 = """\
version: 2
about:
  name: Ada  # me
targets:
  jobs:
    - role: Analyst
      requirements:
        # from the advert
        - SQL
"""


def test_a_version_2_file_is_upgraded_after_saying_what_changes(answers_path: Path, bank: Bank) -> None:
    answers_path.write_text(VERSION_2)
    shown = " ".join(interrupted_with(answers_path, bank, ENTER).split())
    assert "is a version-2 answers file" in shown and "upgrades it to version 3" in shown
    assert "each requirement of a job becomes `- need: ...`" in shown
    assert "kept as careerstory.yaml.v2" in shown
    assert (answers_path.parent / "careerstory.yaml.v2").read_text() == VERSION_2
    assert answers_path.read_text() == VERSION_2.replace("version: 2", "version: 3").replace("- SQL", "- need: SQL")


def test_saying_no_to_upgrading_version_2_changes_nothing_and_exits_0(answers_path: Path, bank: Bank) -> None:
    answers_path.write_text(VERSION_2)
    shown = converse_with(answers_path, bank, "n")
    assert "Nothing was changed." in shown and answers_path.read_text() == VERSION_2
    assert sorted(p.name for p in answers_path.parent.iterdir()) == ["careerstory.yaml"]


SKILLS_AND_A_STORY = """version: 3
story:
  transferable_skills:
    - skill: Training
      evidence: I trained 40 nurses on the new system; queries fell by a third.
  stories:
    - title: The rota
      result: Overtime fell 20% in a quarter.
"""


def test_a_requirements_evidence_is_offered_from_their_skills_and_stories(answers_path: Path, bank: Bank) -> None:
    answers_path.write_text(SKILLS_AND_A_STORY)
    keys = "Trainer" + ENTER + ENTER  # role, organisation
    keys += "Training adults" + ENTER + ENTER + " Twice." + FINISH  # the first offer, then made theirs
    keys += "Rotas" + ENTER + DOWN + ENTER + FINISH  # the story
    keys += "Storyline" + ENTER + DOWN * 3 + ENTER + "By May" + FINISH  # none yet: a plan
    keys += ENTER + FINISH * 4 + ENTER + ENTER + FINISH * 3 + ENTER + DONE + MOVE_ON
    shown = converse_with(answers_path, bank, keys, blocks=("targets",))
    assert "Which of your evidence shows it?" in shown
    [job] = answers(answers_path, bank)["jobs"]  # type: ignore[misc]
    assert job["requirements"] == [
        {
            "need": "Training adults",
            "evidence": "I trained 40 nurses on the new system; queries fell by a third. Twice.",
            "plan": "",
        },
        {"need": "Rotas", "evidence": "The rota: Overtime fell 20% in a quarter.", "plan": ""},
        {"need": "Storyline", "evidence": "", "plan": "By May"},
    ]


def test_a_story_is_asked_field_by_field_and_saved(answers_path: Path, bank: Bank) -> None:
    keys = "The lockdown quiz" + ENTER  # title
    keys += "Year 10 after lockdown." + FINISH + "Find the cause." + FINISH  # situation, task
    keys += "I interviewed six students." + FINISH + "78% got it right." + FINISH  # action, result
    keys += "Using data" + ENTER + ENTER  # shows, one per line
    shown = converse_with(answers_path, bank, keys + DONE + MOVE_ON, questions=("stories",))
    assert "Which moments would you tell as stories in an interview?" in shown
    assert "in the first person" in shown  # the action's help
    [story] = answers(answers_path, bank)["stories"]  # type: ignore[misc]
    assert story == {
        "title": "The lockdown quiz",
        "situation": "Year 10 after lockdown.",
        "task": "Find the cause.",
        "action": "I interviewed six students.",
        "result": "78% got it right.",
        "shows": ["Using data"],
    }


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
    child.expect_exact("1. What they ask for:")
    child.send("SQL\r")
    child.expect_exact("What shows you can:")
    child.expect_exact("> ")
    child.send("\x1b\r")
    child.expect_exact("How you are closing the gap:")
    child.expect_exact("> ")
    child.send("A course\x1b\r")
    child.expect_exact("2. What they ask for:")
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
    for label in ("What you learned:", "Tell me about yourself:", "Your application letter:"):
        child.expect_exact(label)
        child.expect_exact("> ")
        child.send("\x1b\r")
    child.expect_exact("When the next step is due:")
    child.send("30 May\r")
    child.expect_exact("What next?")
    child.send("\x1b[B\x1b[B\x1b[B\r")
    child.expect_exact("Change one, or move on?")
    child.send("\r")
    child.expect_exact("Make your brief with")
    assert finish(child) == 0
    [job] = answered(tmp_path / "careerstory.yaml", bank)["jobs"]  # type: ignore[misc]
    assert (job["role"], job["status"], job["due"]) == ("Data analyst", "interviewing", "30 May")
    assert job["requirements"] == [{"need": "SQL", "evidence": "", "plan": "A course"}]


PITCH_READY = """\
version: 3
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
    saved = answers(answers_path, bank)["pitch"]
    # Its long lines broken at words to fit the prompt, read as one paragraph again by documents.
    assert " ".join(saved.split()) == DRAFT + " Really." and all(len(line) < 80 for line in saved.split("\n"))


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
