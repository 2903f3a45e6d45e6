"""The ask conversation, driven in-process through real questionary prompts on a pipe.

Every test types keys as a person would; when the keys run out the pipe closes, which
reads as Ctrl-D, so a test that expects more prompts than it types stops instead of
hanging.
"""

from __future__ import annotations

import datetime as dt
import errno
import io
import os
import re
import signal
import stat
from pathlib import Path
from typing import Any

import pytest

from careerstory.answers import load, new_file_text
from careerstory.answers.drafts import letter_draft, message_draft, tell_me_draft
from careerstory.answers.model import AnswerSheet
from careerstory.ask.conversation import _sigterm_interrupts, converse, not_a_terminal, run_ask
from careerstory.ask.editor import Editor
from careerstory.ask.terminal import scripted
from careerstory.clock import today
from careerstory.errors import Interrupted, UserError
from careerstory.i18n import format_date
from careerstory.questions import Bank

ENTER = "\r"
FINISH = "\x1b\r"  # Esc then Enter ends a multi-line answer
DOWN = "\x1b[B"
CTRL_C = "\x03"
CTRL_D = "\x04"
CTRL_O = "\x0f"
ERASE = "\x15"  # Ctrl-U: erase the line before the cursor
CLEAR = (ERASE + "\x7f") * 15  # Ctrl-U and Backspace, line after line: a draft of several lines erased

ABOUT_DONE = "Maya Okafor" + ENTER + "Chemistry teacher" + ENTER + "Sunday marking" + ENTER + ENTER + "Leeds" + FINISH
ABOUT_DONE += "Leeds or remote" + ENTER
ABOUT = {
    "name": "Maya Okafor",
    "current_role": "Chemistry teacher",
    "dont_want": ["Sunday marking"],
    "constraints": "Leeds",
    "location": "Leeds or remote",
}
MOVE_ON = ENTER  # the review's first choice


def converse_with(
    path: Path,
    bank: Bank,
    keys: str,
    *,
    blocks: tuple[str, ...] = (),
    questions: tuple[str, ...] = (),
    editor: Editor | None = None,
    stops: bool = False,
) -> str:
    """Run the conversation on ``keys`` and return what it printed; ``stops``: expect Interrupted."""
    with scripted(keys) as (terminal, shown):
        if stops:
            with pytest.raises(Interrupted):
                converse(path, bank, list(blocks), list(questions), terminal, editor)
        else:
            converse(path, bank, list(blocks), list(questions), terminal, editor)
    return shown.getvalue().replace("\r\n", "\n")


def interrupted_with(path: Path, bank: Bank, keys: str, **options: object) -> str:
    return converse_with(path, bank, keys, stops=True, **options)  # type: ignore[arg-type]


def answers(path: Path, bank: Bank) -> dict[str, object]:
    """The file's answers, a message confirmed as careerstory drafted it (and the dates offered) read as empty.

    Most tests here are about how fields are asked; the drafts offered have tests of their own.
    """
    if not path.exists():
        return {}
    sheet = load(path, bank)
    found = {q.id: sheet[q.id] for q in bank.questions if sheet.answered(q)}
    if "people" in found:
        found["people"] = [_undrafted(sheet, dict(record)) for record in sheet.entries("people")]
    if "jobs" in found:
        found["jobs"] = [_undrafted_job(sheet, dict(record)) for record in sheet.entries("jobs")]
    return found


def _same(saved: str, drafted: str) -> bool:
    """The draft as confirmed: its words, its long lines broken to fit the prompt."""
    return saved.split() == drafted.split()


def _undrafted_job(sheet: AnswerSheet, record: dict[str, Any]) -> dict[str, Any]:
    if record.get("tell_me") and _same(record["tell_me"], tell_me_draft(sheet, {**record, "tell_me": ""})):
        record["tell_me"] = ""
    if record.get("letter") and _same(record["letter"], letter_draft(sheet, {**record, "letter": ""}, today())):
        record["letter"] = ""
    return record


def _undrafted(sheet: AnswerSheet, record: dict[str, Any]) -> dict[str, Any]:
    day = today()
    if record.get("message") and _same(record["message"], message_draft(sheet, {**record, "message": ""}, day)):
        record["message"] = ""
    if record.get("contacted_on") == format_date(day):
        record["contacted_on"] = ""
    if record.get("due") == format_date(day + dt.timedelta(days=14)):
        record["due"] = ""
    return record


def write_answers(path: Path, bank: Bank, keys: str) -> None:
    """Give some answers through the conversation itself, then stop."""
    interrupted_with(path, bank, keys)


def script_editor(tmp_path: Path, body: str) -> Editor:
    """An editor that is a small shell script; ``$1`` is the file it edits."""
    script = tmp_path / "fake-editor"
    script.write_text("#!/bin/sh\n" + body + "\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return Editor((str(script),))


# -- the first run and the shape of the conversation ---------------------------------


def test_first_run_saves_each_answer_and_reviews_the_block(answers_path: Path, bank: Bank) -> None:
    interrupted_with(answers_path, bank, ABOUT_DONE + MOVE_ON)
    assert answers(answers_path, bank) == ABOUT


def test_each_question_shows_where_the_person_is_its_help_and_an_example(answers_path: Path, bank: Bank) -> None:
    text = interrupted_with(answers_path, bank, "Maya" + ENTER)
    assert "━━ About you" in text
    assert "About you · question 1 of 5 · 0 of 24 answered in all" in text
    assert "About you · question 2 of 5 · 1 of 24 answered in all" in text
    assert "Your starting point." in text
    assert "For example: Secondary-school chemistry teacher at Northfield Academy" in text


def test_the_end_says_what_is_open_and_how_to_render(answers_path: Path, bank: Bank) -> None:
    # Answer the about block, then skip every other question with empty answers.
    skip_rest = ABOUT_DONE + MOVE_ON
    skip_rest += FINISH * 3 + ENTER + MOVE_ON  # strengths: three long, one list
    skip_rest += ENTER * 4 + ENTER + MOVE_ON  # options: four lists, one group
    # story; the pitch starts as a draft of their answers: erased, it is skipped too
    # and so does the note to forward
    skip_rest += FINISH + ENTER + ENTER + FINISH * 2 + CLEAR + FINISH + FINISH + CLEAR + FINISH + ENTER + MOVE_ON
    skip_rest += ENTER + MOVE_ON  # targets: one group
    shown = converse_with(answers_path, bank, skip_rest)
    assert "Still open, and needed for a complete brief:" in shown
    assert "  What is your 30-second pitch?" in shown
    assert "Which industries could you target?\n" not in shown.split("Still open")[1]  # optional: not listed
    # Wrapped to the terminal, the command to copy stays whole on one line.
    assert "Make your brief with:" in shown and f"\ncareerstory render {answers_path} --pdf\n" in shown
    assert re.search(r"About you +complete\n  What am I good at\? +0 of 4 answered", shown)
    assert answers(answers_path, bank) == ABOUT


def test_resume_starts_at_the_first_open_question(answers_path: Path, bank: Bank) -> None:
    write_answers(answers_path, bank, "Maya" + ENTER + "Teacher" + ENTER)
    shown = interrupted_with(answers_path, bank, "Marking" + ENTER + ENTER)
    assert "Welcome back: 2 of 24 questions have an answer." in shown
    assert "question 1 of 5" not in shown
    assert "About you · question 3 of 5" in shown.split("━━ About you")[1]
    assert answers(answers_path, bank)["dont_want"] == ["Marking"]


def test_resume_skips_complete_blocks_without_reviewing_them(answers_path: Path, bank: Bank) -> None:
    write_answers(answers_path, bank, ABOUT_DONE + MOVE_ON)
    shown = interrupted_with(answers_path, bank, "")
    assert "About you" not in shown.split("Where your brief stands")[0]
    assert "━━ What am I good at?" in shown


def test_with_every_question_answered_it_offers_each_block_for_review(answers_path: Path, bank: Bank) -> None:
    everything = {
        q.id: (
            [{f.id: ["x"] if f.kind in ("list", "group") else (f.choices or ("x",))[0] for f in q.fields}]
            if q.kind == "group"
            else ["x"]
            if q.kind == "list"
            else "x"
        )
        for q in bank.questions
    }
    answers_path.write_text(new_file_text(bank, everything))  # type: ignore[arg-type]
    shown = converse_with(answers_path, bank, MOVE_ON * len(bank.blocks))
    assert "Every question already has an answer." in shown
    assert shown.count("? Change one, or move on? Looks right, move on") >= len(bank.blocks)
    assert "question 1 of" not in shown
    assert "Every question needed for a complete brief has an answer." in shown


# -- defaults, skipping, clearing ----------------------------------------------------


def test_the_current_answer_is_the_default_and_enter_keeps_it(answers_path: Path, bank: Bank) -> None:
    write_answers(answers_path, bank, "Maya" + ENTER)
    before = answers_path.read_bytes()
    converse_with(answers_path, bank, ENTER, questions=("name",))
    assert answers_path.read_bytes() == before


def test_typing_after_the_default_changes_the_answer(answers_path: Path, bank: Bank) -> None:
    write_answers(answers_path, bank, "Maya" + ENTER)
    converse_with(answers_path, bank, " Okafor" + ENTER, questions=("name",))
    assert answers(answers_path, bank) == {"name": "Maya Okafor"}


def test_an_empty_answer_skips_the_question(answers_path: Path, bank: Bank) -> None:
    write_answers(answers_path, bank, ENTER + "Teacher" + ENTER)
    assert answers(answers_path, bank) == {"current_role": "Teacher"}


def test_erasing_the_current_answer_clears_it(answers_path: Path, bank: Bank) -> None:
    write_answers(answers_path, bank, "Maya" + ENTER + "Teacher" + ENTER)
    shown = converse_with(answers_path, bank, ERASE + ENTER, questions=("current_role",))
    assert "Cleared." in shown
    assert answers(answers_path, bank) == {"name": "Maya"}


def test_an_answer_the_file_cannot_hold_is_explained_and_asked_again(
    answers_path: Path, bank: Bank, tmp_path: Path
) -> None:
    editor = script_editor(tmp_path, 'printf "bell\\007here\\n" >> "$1"')
    shown = converse_with(
        answers_path, bank, CTRL_O + ERASE + "fixed" + FINISH, questions=("why_change",), editor=editor
    )
    assert "U+0007" in shown
    assert answers(answers_path, bank) == {"why_change": "fixed"}


# -- long answers, the editor --------------------------------------------------------


def test_a_long_answer_keeps_its_lines_and_finishes_with_esc_enter(answers_path: Path, bank: Bank) -> None:
    shown = converse_with(
        answers_path, bank, "First line." + ENTER + "Second line." + FINISH, questions=("best_moments",)
    )
    assert "Finish with Esc then Enter, or Alt-Enter." in shown
    assert answers(answers_path, bank) == {"best_moments": "First line.\nSecond line."}


def test_the_editor_starts_from_the_current_answer_and_its_comments_are_dropped(
    answers_path: Path, bank: Bank, tmp_path: Path
) -> None:
    seen = tmp_path / "seen.txt"
    editor = script_editor(tmp_path, f'cp "$1" {seen}\nprintf "# not a comment\\nwith more\\n" >> "$1"')
    converse_with(answers_path, bank, "Typed here" + FINISH, questions=("why_change",))
    shown = converse_with(answers_path, bank, CTRL_O, questions=("why_change",), editor=editor)
    given = seen.read_text()
    assert given.startswith("# Why do you want to make the change?\n")
    assert given.endswith("\nTyped here\n")
    assert f"{CTRL_O!r}" not in shown
    assert "Ctrl-O writes it in fake-editor instead." in shown
    assert answers(answers_path, bank) == {"why_change": "Typed here\n# not a comment\nwith more"}


def test_an_editor_that_fails_gives_the_text_back_to_the_prompt(answers_path: Path, bank: Bank, tmp_path: Path) -> None:
    editor = script_editor(tmp_path, "exit 3")
    shown = converse_with(
        answers_path, bank, "Half" + CTRL_O + " done" + FINISH, questions=("what_is_special",), editor=editor
    )
    assert "stopped with an error (exit code 3)" in shown
    assert answers(answers_path, bank) == {"what_is_special": "Half done"}


def test_ctrl_c_inside_the_editor_stops_and_keeps_the_old_answer(
    answers_path: Path, bank: Bank, tmp_path: Path
) -> None:
    converse_with(answers_path, bank, "Old" + FINISH, questions=("what_is_special",))
    editor = script_editor(tmp_path, 'printf "new words\\n" >> "$1"\nkill -INT $$')
    interrupted_with(answers_path, bank, CTRL_O, questions=("what_is_special",), editor=editor)
    assert answers(answers_path, bank) == {"what_is_special": "Old"}


def test_the_editor_leaves_no_file_behind(answers_path: Path, bank: Bank, tmp_path: Path) -> None:
    record = tmp_path / "path.txt"
    editor = script_editor(tmp_path, f'echo "$1" > {record}\necho words >> "$1"')
    converse_with(answers_path, bank, CTRL_O, questions=("what_is_special",), editor=editor)
    assert not Path(record.read_text().strip()).exists()
    assert sorted(p.name for p in answers_path.parent.iterdir()) == sorted(
        ["careerstory.yaml", "fake-editor", "path.txt"]
    )


# -- lists -------------------------------------------------------------------------


def test_a_list_takes_one_item_per_line_until_an_empty_one(answers_path: Path, bank: Bank) -> None:
    converse_with(answers_path, bank, "Designer" + ENTER + "Trainer" + ENTER + ENTER, questions=("skill_jobs",))
    assert answers(answers_path, bank) == {"skill_jobs": ["Designer", "Trainer"]}


def test_each_list_item_is_on_disk_as_soon_as_it_is_entered(answers_path: Path, bank: Bank) -> None:
    interrupted_with(
        answers_path, bank, "Designer" + ENTER + "Trainer" + ENTER + "Half typ" + CTRL_C, questions=("skill_jobs",)
    )
    assert answers(answers_path, bank) == {"skill_jobs": ["Designer", "Trainer"]}


def test_current_list_items_are_kept_changed_or_removed_then_more_added(answers_path: Path, bank: Bank) -> None:
    converse_with(answers_path, bank, "A" + ENTER + "B" + ENTER + "C" + ENTER + ENTER, questions=("companies",))
    keys = ENTER + ERASE + ENTER + "2" + ENTER + "D" + ENTER + ENTER  # keep A, remove B, C→C2, add D
    converse_with(answers_path, bank, keys, questions=("companies",))
    assert answers(answers_path, bank) == {"companies": ["A", "C2", "D"]}


# -- groups ------------------------------------------------------------------------

# name, works_as, connection, ask_about, status, contacted_on, learned, next_step
PERSON_SAM = "Sam Reyes" + ENTER + "Designer" + ENTER * 2 + "A normal week" + ENTER * 3 + FINISH + ENTER
PERSON_SAM += FINISH + ENTER  # message and due, version 3's: left empty
SAM = {
    "name": "Sam Reyes",
    "works_as": "Designer",
    "connection": "",
    "ask_about": "A normal week",
    "status": "to contact",
    "contacted_on": "",
    "learned": "",
    "next_step": "",
    "message": "",
    "due": "",
}
NOBODY = dict.fromkeys(SAM, "")
ADD, CHANGE, REMOVE, DONE = ENTER, DOWN + ENTER, DOWN * 2 + ENTER, DOWN * 3 + ENTER


def test_a_group_adds_records_field_by_field_with_a_choice_for_status(answers_path: Path, bank: Bank) -> None:
    keys = (
        PERSON_SAM
        + ADD
        + "Ana"
        + ENTER * 3
        + ENTER
        + DOWN * 2
        + ENTER
        + ENTER
        + "Loves it"
        + FINISH
        + ENTER
        + FINISH
        + ENTER
        + DONE
    )
    converse_with(answers_path, bank, keys, questions=("people",))
    assert answers(answers_path, bank) == {
        "people": [SAM, NOBODY | {"name": "Ana", "status": "talked", "learned": "Loves it"}]
    }


def test_a_group_record_is_changed_with_its_fields_as_defaults(answers_path: Path, bank: Bank) -> None:
    converse_with(answers_path, bank, PERSON_SAM + DONE, questions=("people",))
    keys = (
        CHANGE
        + ENTER
        + ENTER
        + " senior"
        + ENTER * 3
        + DOWN
        + ENTER
        + ENTER
        + "Met for coffee"
        + FINISH
        + ENTER
        + ENTER  # the message drafted for "to contact": start again from the nudge's draft
        + FINISH
        + ENTER
        + DONE
    )
    converse_with(answers_path, bank, keys, questions=("people",))
    [sam] = answers(answers_path, bank)["people"]  # type: ignore[misc]
    assert sam == SAM | {"works_as": "Designer senior", "status": "contacted", "learned": "Met for coffee"}


def test_a_group_record_is_removed(answers_path: Path, bank: Bank) -> None:
    keys = PERSON_SAM + ADD + "Ana" + ENTER * 6 + FINISH + ENTER + FINISH + ENTER + DONE
    converse_with(answers_path, bank, keys, questions=("people",))
    shown = converse_with(answers_path, bank, REMOVE + ENTER + DONE, questions=("people",))
    assert "Removed Sam Reyes · Designer (to contact)." in shown
    assert [p["name"] for p in answers(answers_path, bank)["people"]] == ["Ana"]  # type: ignore[index,union-attr]


def test_leaving_the_first_field_empty_skips_the_group(answers_path: Path, bank: Bank) -> None:
    shown = converse_with(answers_path, bank, ENTER, questions=("transferable_skills",))
    assert "Skipped for now." in shown
    assert answers(answers_path, bank) == {}


def test_ctrl_c_in_a_group_keeps_the_records_already_added(answers_path: Path, bank: Bank) -> None:
    keys = PERSON_SAM + ADD + "Ana" + ENTER + "Half" + CTRL_C
    interrupted_with(answers_path, bank, keys, questions=("people",))
    people = answers(answers_path, bank)["people"]
    assert [p["name"] for p in people] == ["Sam Reyes", "Ana"]  # type: ignore[index,union-attr]
    assert people[1]["works_as"] == ""  # type: ignore[index]  # typed, never confirmed


# Each kind of record, its fields confirmed one by one, then a stop before the record ends.
HALF_RECORDS = {
    "people": (
        "Ana Lee" + ENTER + "Product lead" + ENTER + "Old colleague" + ENTER + "Hiring" + ENTER,
        {"name": "Ana Lee", "works_as": "Product lead", "connection": "Old colleague", "ask_about": "Hiring"},
    ),
    "transferable_skills": (
        "Explaining hard ideas" + ENTER,
        {"skill": "Explaining hard ideas"},
    ),
    "jobs": (
        # The stop comes while the first requirement's evidence is typed: its need is kept.
        "Trainer" + ENTER + "Acme" + ENTER + "Workshops" + ENTER,
        {
            "role": "Trainer",
            "organisation": "Acme",
            "requirements": [{"need": "Workshops", "evidence": "", "plan": ""}],
        },
    ),
}


@pytest.mark.parametrize("stop", [CTRL_C, CTRL_D], ids=["ctrl-c", "ctrl-d"])
@pytest.mark.parametrize("question", list(HALF_RECORDS))
def test_a_record_stopped_half_way_keeps_every_field_already_confirmed(
    answers_path: Path, bank: Bank, question: str, stop: str
) -> None:
    typed, confirmed = HALF_RECORDS[question]
    interrupted_with(answers_path, bank, typed + "half typed" + stop, questions=(question,))
    [record] = answers(answers_path, bank)[question]  # type: ignore[misc]
    assert {key: value for key, value in record.items() if value} == confirmed
    assert "half typed" not in answers_path.read_text()


def test_a_half_record_reads_as_open_and_changing_it_starts_from_its_fields(answers_path: Path, bank: Bank) -> None:
    interrupted_with(answers_path, bank, "Trainer" + ENTER + "Acme" + ENTER + CTRL_C, questions=("jobs",))
    interrupted_with(answers_path, bank, CHANGE + ENTER + ERASE + ENTER + CTRL_C, questions=("jobs",))
    sheet = load(answers_path, bank)  # a job without its role is an open record, not a broken file
    assert [str(record) for record in sheet.open_records()] == ["jobs[1] has no role"]
    keys = CHANGE + ENTER + "Coach" + ENTER + ENTER + CTRL_C
    interrupted_with(answers_path, bank, keys, questions=("jobs",))
    [job] = answers(answers_path, bank)["jobs"]  # type: ignore[misc]
    assert (job["role"], job["organisation"]) == ("Coach", "Acme")  # type: ignore[index]


# -- review, --block, --question -----------------------------------------------------


def test_the_review_changes_an_earlier_answer_before_moving_on(answers_path: Path, bank: Bank) -> None:
    change_name = DOWN + ENTER + ERASE + "Maya O." + ENTER
    interrupted_with(answers_path, bank, ABOUT_DONE + change_name + MOVE_ON)
    assert answers(answers_path, bank)["name"] == "Maya O."
    assert answers(answers_path, bank)["constraints"] == "Leeds"


def test_block_option_asks_every_question_of_the_block_with_defaults(answers_path: Path, bank: Bank) -> None:
    write_answers(answers_path, bank, "Maya" + ENTER + "Teacher" + ENTER)
    shown = converse_with(
        answers_path,
        bank,
        ENTER + " of art" + ENTER + "Sundays" + ENTER * 2 + FINISH + ENTER + MOVE_ON,
        blocks=("about",),
    )
    assert "question 1 of 5" in shown
    assert "Your answers in “About you”" in shown
    assert "What am I good at?" not in shown.split("Where your brief stands")[0]
    assert answers(answers_path, bank) == {"name": "Maya", "current_role": "Teacher of art", "dont_want": ["Sundays"]}


def test_question_option_asks_just_those_in_bank_order_without_review(answers_path: Path, bank: Bank) -> None:
    shown = converse_with(answers_path, bank, "Maya" + ENTER + "Designer" + ENTER, questions=("current_role", "name"))
    assert "Change one, or move on?" not in shown
    assert shown.index("What is your name?") < shown.index("What is your current job?")
    assert answers(answers_path, bank) == {"name": "Maya", "current_role": "Designer"}


# -- stopping: Ctrl-C and Ctrl-D at every kind of prompt -------------------------------

STOPS = {
    "text": ("", ("name",)),
    "long": ("Half a thought" + ENTER + "more", ("best_moments",)),
    "list item": ("Half an item", ("skill_jobs",)),
    "group field": ("Sam" + ENTER + "Desi", ("people",)),
    "group choice": ("Sam" + ENTER + ENTER + ENTER + DOWN, ("people",)),
    "group menu": (PERSON_SAM + DOWN, ("people",)),
}


@pytest.mark.parametrize("stop", [CTRL_C, CTRL_D], ids=["ctrl-c", "ctrl-d"])
@pytest.mark.parametrize("where", list(STOPS))
def test_stopping_at_any_prompt_keeps_what_was_confirmed_and_nothing_half_typed(
    answers_path: Path, bank: Bank, where: str, stop: str
) -> None:
    write_answers(answers_path, bank, "Maya" + ENTER + "Teacher" + ENTER)
    before = answers(answers_path, bank)
    typed, questions = STOPS[where]
    interrupted_with(answers_path, bank, typed + stop, questions=questions)
    after = answers(answers_path, bank)
    if where == "group menu":
        assert after.pop("people") == [SAM]
    if where.startswith("group "):  # each confirmed field of a record is saved as it is confirmed
        assert after.pop("people", [SAM])[0]["name"] in ("Sam", "Sam Reyes")  # type: ignore[index]
    assert after == before


@pytest.mark.parametrize("stop", [CTRL_C, CTRL_D], ids=["ctrl-c", "ctrl-d"])
def test_stopping_at_the_review_keeps_the_block(answers_path: Path, bank: Bank, stop: str) -> None:
    interrupted_with(answers_path, bank, ABOUT_DONE + DOWN + stop)
    assert answers(answers_path, bank) == ABOUT


def test_sigterm_stops_like_ctrl_c() -> None:
    with pytest.raises(Interrupted), _sigterm_interrupts():
        os.kill(os.getpid(), signal.SIGTERM)
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


# -- no terminal -------------------------------------------------------------------


def test_without_a_terminal_ask_refuses_and_points_to_the_file_and_check(
    answers_path: Path, bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Maya\n"))
    with pytest.raises(UserError) as refused:
        run_ask(answers_path, bank, [], [])
    [problem] = refused.value.problems
    assert "not one" in problem.message
    assert f"careerstory check {answers_path}" in problem.hint
    assert "about, strengths, options, story" in problem.hint
    assert not answers_path.exists()
    assert not_a_terminal(answers_path, bank).problems == refused.value.problems


def test_a_file_written_by_ask_loads_back_to_exactly_what_was_typed(answers_path: Path, bank: Bank) -> None:
    keys = "no" + ENTER + "01234" + ENTER + "2026-05-01" + ENTER * 2 + FINISH + ENTER + MOVE_ON
    keys += "# not a comment" + ENTER + "1.10" + ENTER + "  indented: yes" + FINISH
    interrupted_with(answers_path, bank, keys)
    assert answers(answers_path, bank) == {
        "name": "no",
        "current_role": "01234",
        "dont_want": ["2026-05-01"],
        "best_moments": "# not a comment\n1.10\n  indented: yes",
    }


def test_the_review_of_a_block_offers_a_coachs_notes_without_asking_anything(answers_path: Path, bank: Bank) -> None:
    text = (Path(__file__).parents[1] / "examples" / "teacher.yaml").read_text(encoding="utf-8")
    answers_path.write_text(text.replace("Three new teachers mentored since 2022.", "We mentored new teachers."))
    shown = converse_with(answers_path, bank, MOVE_ON * len(bank.blocks))
    # Every block's notes (an earlier block may have its own: a next step now overdue).
    notes = [part.split("? Change one")[0] for part in shown.split("A coach might push back on:")[1:]]
    # Named by the question they were asked, not by its id in the file.
    said = " ".join(" ".join(notes).split())
    assert "Skills that transfer, and the evidence, 3: Evidence: Say what you did yourself" in said
    assert "transferable_skills" not in said


# -- a disk that refuses the answer (full, read-only) --------------------------------

LONG_ANSWER = "The afternoon the whole class finally got titration right, " * 3 + "and cheered."
TRY_AGAIN, QUIT = ENTER, DOWN + ENTER


def refuse_once(monkeypatch: pytest.MonkeyPatch, code: int) -> list[int]:
    """The atomic write fails once with ``code`` (ENOSPC, EROFS, EACCES), then works; returns its call count."""
    from careerstory import storage

    real = storage.atomic_write
    calls: list[int] = []

    def write(path: Path, data: bytes) -> None:
        calls.append(code)
        if len(calls) == 1:
            raise OSError(code, os.strerror(code))
        real(path, data)

    monkeypatch.setattr(storage, "atomic_write", write)
    return calls


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES], ids=errno.errorcode.get)
def test_a_save_the_disk_refuses_shows_the_typed_answer_and_tries_again(
    answers_path: Path, bank: Bank, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    refuse_once(monkeypatch, code)
    shown = converse_with(answers_path, bank, LONG_ANSWER + ENTER + TRY_AGAIN, questions=("name",))
    assert os.strerror(code) in " ".join(shown.split())
    assert LONG_ANSWER in shown.split("\n")  # whole, on one line, to copy back as it was
    assert "Try saving again" in shown
    assert answers(answers_path, bank) == {"name": LONG_ANSWER}


def test_quitting_after_a_refused_save_exits_with_the_answer_shown(
    answers_path: Path, bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_answers(answers_path, bank, "Maya" + ENTER)
    refuse_once(monkeypatch, errno.ENOSPC)
    typed = "First paragraph of a long story." + ENTER + ENTER + LONG_ANSWER
    with scripted(typed + FINISH + QUIT) as (terminal, shown), pytest.raises(UserError) as caught:
        converse(answers_path, bank, [], ["best_moments"], terminal, None)
    lines = shown.getvalue().replace("\r\n", "\n").split("\n")
    end = lines[lines.index("First paragraph of a long story.", len(lines) // 2) :]
    assert end[:3] == ["First paragraph of a long story.", "", LONG_ANSWER]  # shown again, last, before exit 1
    [problem] = caught.value.problems
    assert "No space left on device" in problem.message
    assert "copy it" in problem.hint
    assert answers(answers_path, bank) == {"name": "Maya"}  # the earlier answers are untouched


def test_a_full_disk_in_the_real_write_keeps_a_records_fields_to_try_again(
    answers_path: Path, bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerstory import storage

    fsync = os.fsync
    failures = [errno.ENOSPC]

    def full_disk(fd: int) -> None:
        if failures:
            raise OSError(failures.pop(), "No space left on device")
        fsync(fd)

    monkeypatch.setattr(storage.os, "fsync", full_disk)
    keys = "Trainer" + ENTER + TRY_AGAIN + "Acme" + ENTER + CTRL_C
    shown = interrupted_with(answers_path, bank, keys, questions=("jobs",))
    assert "could not save" in shown
    assert "- Role: Trainer" in shown
    [job] = answers(answers_path, bank)["jobs"]  # type: ignore[misc]
    assert (job["role"], job["organisation"]) == ("Trainer", "Acme")  # type: ignore[index]
    assert not [p for p in answers_path.parent.iterdir() if p.name.endswith(".tmp")]


# -- the screen at 80 columns ----------------------------------------------------------


def test_the_review_shows_a_long_prompt_whole_and_every_line_fits(answers_path: Path, bank: Bank) -> None:
    from careerstory.ask.terminal import MAX_WIDTH

    story = next(block for block in bank.blocks if block.id == "story")
    skip_all = "".join(FINISH if q.kind == "long" else ENTER for q in story.questions)
    shown = converse_with(answers_path, bank, skip_all, blocks=("story",), stops=True)
    review = shown[shown.index("Your answers in “Now, what's my story?”") :]
    prompt = "Which skills from your current role translate well into the new role or company?"
    assert prompt in " ".join(line.strip() for line in review.split("\n"))
    for line in review.split("\n"):
        if line.rstrip().endswith("…"):
            assert line.rstrip()[:-1].split()[-1] in prompt.split()  # cut between words, never "compa…"
    said = review[: review.index("? Change one, or move on?")].split("\n")
    assert all(len(line) < MAX_WIDTH for line in said)


def test_every_field_label_of_a_record_is_indented_under_its_question(answers_path: Path, bank: Bank) -> None:
    keys = "Trainer" + ENTER + "Acme" + ENTER + "Workshops" + ENTER + ENTER + CTRL_C
    shown = converse_with(answers_path, bank, keys, questions=("jobs",), stops=True)
    jobs = next(q for q in bank.questions if q.id == "jobs")
    for field in jobs.fields[:3]:  # role, organisation and what they ask for
        label = f"{field.label}:"
        lines = [line for line in shown.split("\n") if label in line]
        assert lines, label
        assert not [line for line in lines if line.startswith(label)], f"{label} at column 0"


def test_the_welcome_leaves_no_word_alone_on_a_line(
    tmp_path: Path, bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for length in range(10, 60):
        shown = converse_with(Path("f" * length + ".yaml"), bank, "", stops=True)
        welcome = shown.split("\n\n")[0].split("\n")
        assert all(len(line) < 80 and len(line.split()) > 1 for line in welcome), welcome
