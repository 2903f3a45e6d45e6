"""Drafts in ``ask``: offered when an answer is empty, saved only when confirmed, never over the person's own.

Driven as in test_ask_conversation: real questionary prompts on a pipe, keys typed as a
person would; when the keys run out the pipe closes, which reads as Ctrl-D.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from careerstory.answers import load
from careerstory.answers.drafts import intro_draft, letter_draft, message_draft, tell_me_draft
from careerstory.ask.conversation import converse
from careerstory.ask.terminal import scripted
from careerstory.errors import Interrupted
from careerstory.i18n import format_date, using
from careerstory.questions import Bank

ENTER = "\r"
FINISH = "\x1b\r"  # Esc then Enter ends a multi-line answer
DOWN = "\x1b[B"
CTRL_C = "\x03"
CLEAR = ("\x15" + "\x7f") * 15  # Ctrl-U and Backspace, line after line: the whole prompt erased
ADD, CHANGE, DONE = ENTER, DOWN + ENTER, DOWN * 3 + ENTER
TODAY = dt.date(2026, 6, 1)
OWN = "Hi Sam, my own words. Maya"

FILE = """\
version: 3
{language}about:
  name: Maya Okafor
  current_role: Chemistry teacher at Northfield Academy
story:
  what_i_want: I want to design online courses as a learning designer.
  transferable_skills:
    - skill: Training colleagues
      evidence: Trained 40 nurses on the new system; queries fell by a third.
  intro:{intro}
options:
  people:
    - name: Sam Reyes
      works_as: Designer at Fernhill Software
      ask_about: How do you test a new lesson?
      status: to contact
      message: {own}
targets:
  jobs:
    - role: Learning designer
      organisation: Kestrel Education, digital team
      status: applied
"""


def confirmed(saved: str, drafted: str) -> bool:
    """The draft as saved once confirmed: its words and paragraphs, long lines broken at words to fit the prompt."""
    from careerstory.render.text import reflowed

    return bool(drafted) and reflowed(saved) == reflowed(drafted) and all(len(line) < 80 for line in saved.split("\n"))


@pytest.fixture(autouse=True)
def today_is_fixed(monkeypatch: pytest.MonkeyPatch) -> None:
    moment = dt.datetime(TODAY.year, TODAY.month, TODAY.day, 12, tzinfo=dt.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(moment.timestamp())))


@pytest.fixture
def path(tmp_path: Path) -> Path:
    written = tmp_path / "answers.yaml"
    written.write_text(FILE.format(language="", intro="", own=OWN), encoding="utf-8")
    return written


def ask(path: Path, bank: Bank, keys: str, question: str, *, stops: bool = False) -> str:
    with scripted(keys) as (terminal, shown):
        if stops:
            with pytest.raises(Interrupted):
                converse(path, bank, [], [question], terminal, None)
        else:
            converse(path, bank, [], [question], terminal, None)
    return shown.getvalue().replace("\r\n", "\n")


def people(path: Path, bank: Bank) -> list[dict[str, Any]]:
    return [dict(record) for record in load(path, bank).entries("people")]


# name, works_as, connection, ask_about, status (to contact), contacted_on, learned, next_step
NEW_PERSON = "Ana Li" + ENTER + "Researcher at Brightwell" + ENTER + "We met at a Brightwell session" + ENTER
NEW_PERSON += "How do you test a lesson?" + ENTER + ENTER + ENTER + FINISH + ENTER
# Sam changed: name, works_as, connection, ask_about kept; status moved to "contacted"
SAM_CONTACTED = CHANGE + ENTER + ENTER * 4 + DOWN + ENTER


def test_a_new_persons_message_starts_as_a_draft_saved_when_confirmed(path: Path, bank: Bank) -> None:
    shown = ask(path, bank, ADD + NEW_PERSON + FINISH + ENTER + DONE, "people")
    sam, ana = people(path, bank)
    sheet = load(path, bank)
    assert "A draft made from your own answers is in the prompt" in shown
    assert confirmed(ana["message"], message_draft(sheet, {**ana, "message": ""}, TODAY))
    assert "How do you test a lesson?" in " ".join(ana["message"].split()) and ana["message"].startswith("Hi Ana,")
    assert sam["message"] == OWN, "another person's own message is untouched"


def test_a_declined_draft_is_not_saved(path: Path, bank: Bank) -> None:
    ask(path, bank, ADD + NEW_PERSON + CLEAR + FINISH + ENTER + DONE, "people")
    _sam, ana = people(path, bank)
    assert ana["name"] == "Ana Li" and ana["message"] == ""


def test_a_status_change_offers_its_draft_beside_the_current_message(path: Path, bank: Bank) -> None:
    # contacted_on offered as today, learned, next_step; the new draft accepted and confirmed; due offered
    keys = SAM_CONTACTED + ENTER + FINISH + ENTER + ENTER + FINISH + ENTER + DONE
    shown = ask(path, bank, keys, "people")
    [sam] = people(path, bank)
    assert "Your current message:" in shown and OWN in shown
    assert "A draft for their new status:" in shown
    assert sam["status"] == "contacted"
    assert sam["contacted_on"] == format_date(TODAY) == "1 June 2026"
    assert sam["due"] == format_date(TODAY + dt.timedelta(days=14)) == "15 June 2026"
    assert confirmed(sam["message"], message_draft(load(path, bank), {**sam, "message": ""}, TODAY))
    assert "1 June 2026" in sam["message"], "the nudge names the day it follows up"


def test_declining_the_new_statuss_draft_keeps_the_current_message(path: Path, bank: Bank) -> None:
    keys = SAM_CONTACTED + ENTER + FINISH + ENTER + "n" + FINISH + ENTER + DONE
    ask(path, bank, keys, "people")
    [sam] = people(path, bank)
    assert sam["status"] == "contacted" and sam["message"] == OWN


def test_ctrl_c_in_a_drafted_prompt_keeps_what_was_confirmed(path: Path, bank: Bank) -> None:
    keys = SAM_CONTACTED + ENTER + FINISH + ENTER + ENTER + "More" + CTRL_C
    ask(path, bank, keys, "people", stops=True)
    [sam] = people(path, bank)
    assert sam["status"] == "contacted" and sam["contacted_on"] == "1 June 2026"
    assert sam["message"] == OWN, "the draft being edited is not saved"


def test_the_dates_offered_are_in_the_files_language(tmp_path: Path, bank: Bank) -> None:
    path = tmp_path / "de.yaml"
    path.write_text(FILE.format(language="language: de\n", intro="", own=OWN), encoding="utf-8")
    ask(path, bank, SAM_CONTACTED + ENTER + FINISH + ENTER + "n" + FINISH + ENTER + DONE, "people")
    [sam] = people(path, bank)
    assert sam["contacted_on"] == "1. Juni 2026" and sam["due"] == "15. Juni 2026"


def test_an_empty_intro_starts_as_its_draft_and_an_own_one_is_never_replaced(tmp_path: Path, bank: Bank) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text(FILE.format(language="", intro="", own=OWN), encoding="utf-8")
    ask(empty, bank, FINISH, "intro")
    with using("en"):
        drafted = intro_draft(load(empty, bank))
    assert drafted.startswith("I'm Maya Okafor, a chemistry teacher")
    assert confirmed(load(empty, bank).text("intro"), drafted)
    own = tmp_path / "own.yaml"
    own.write_text(FILE.format(language="", intro=" My own note.", own=OWN), encoding="utf-8")
    shown = ask(own, bank, FINISH, "intro")
    assert "A draft made from your own answers" not in shown
    assert load(own, bank).text("intro") == "My own note."


def test_a_jobs_tell_me_and_letter_start_as_drafts(path: Path, bank: Bank) -> None:
    # role, organisation, no requirement, four long answers, status, next step, learned; then the drafts
    keys = CHANGE + ENTER + ENTER * 2 + ENTER + FINISH * 4 + ENTER + ENTER + FINISH + FINISH + FINISH + ENTER + DONE
    ask(path, bank, keys, "jobs")
    sheet = load(path, bank)
    [job] = sheet.entries("jobs")
    assert tell_me_draft(sheet, job) != ""
    assert confirmed(job["tell_me"], tell_me_draft(sheet, job))
    assert confirmed(job["letter"], letter_draft(sheet, job, TODAY))
    assert "I am applying for the learning designer role at Kestrel Education." in job["letter"]
    assert "digital team" not in job["letter"]


def test_a_story_grows_from_a_line_of_evidence_field_by_field(path: Path, bank: Bank) -> None:
    # the first evidence line picked; its title kept; situation typed; task skipped; action typed; Ctrl-C at result
    keys = ENTER + ENTER + "At St Oswald's, 2024." + FINISH + FINISH + "I ran twelve sessions." + FINISH + CTRL_C
    shown = ask(path, bank, keys, "stories", stops=True)
    assert "Grow it from a line of your evidence?" in shown
    [story] = load(path, bank).entries("stories")
    assert story["title"] == "Trained 40 nurses on the new system"
    assert story["situation"] == "At St Oswald's, 2024." and story["action"] == "I ran twelve sessions."
    assert story["result"] == "", "the seeded result is saved only once it is confirmed"


def test_a_story_confirmed_whole_keeps_the_line_as_its_result(path: Path, bank: Bank) -> None:
    keys = ENTER + ENTER + FINISH * 4 + ENTER + DONE
    ask(path, bank, keys, "stories")
    [story] = load(path, bank).entries("stories")
    assert story["result"] == "Trained 40 nurses on the new system; queries fell by a third."
