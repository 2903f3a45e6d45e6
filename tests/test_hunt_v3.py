"""A hostile hunt through what version 3 added: dates as typed, `steps`, its iCalendar file, `--out`."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import in_process
import pytest
import vobject

from careerstory.i18n.dates import read_date, read_day_near

EXAMPLES = Path(__file__).parents[1] / "examples"
MARCH_20 = "1773964800"  # 20 March 2026, as SOURCE_DATE_EPOCH says it
TODAY = dt.date(2026, 3, 20)


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return in_process.run(*args, cwd=cwd, env={**os.environ, "SOURCE_DATE_EPOCH": MARCH_20})


# -- dates: an ambiguous numeric date in English is not guessed; en-US reads month first ------


@pytest.mark.parametrize("typed", ["03/05/2026", "3.5.2026", "04-06-2026", "1/2/26"])
def test_an_ambiguous_numeric_date_in_english_is_not_read(typed: str) -> None:
    assert read_date(typed, "en") is None
    assert read_date(typed, "") is None
    assert read_date(typed, "en-GB") is None


def test_an_ambiguous_numeric_date_without_a_year_in_english_is_not_read() -> None:
    assert read_day_near("3/5", "en", TODAY) is None
    assert read_day_near("3.5", "en", TODAY) is None


@pytest.mark.parametrize(
    ("typed", "language", "day"),
    [
        ("03/05/2026", "en-US", dt.date(2026, 3, 5)),
        ("3/5/26", "en-us", dt.date(2026, 3, 5)),
        ("13/05/2026", "en", dt.date(2026, 5, 13)),  # only one reading: 13 is no month
        ("05/13/2026", "en", dt.date(2026, 5, 13)),
        ("05/05/2026", "en", dt.date(2026, 5, 5)),  # both readings are one day
        ("03/05/2026", "de", dt.date(2026, 5, 3)),
        ("03.05.2026", "pl", dt.date(2026, 5, 3)),
    ],
)
def test_a_numeric_date_is_read_in_its_languages_order(typed: str, language: str, day: dt.date) -> None:
    assert read_date(typed, language) == day


@pytest.mark.parametrize(("typed", "language"), [("05/13/2026", "de"), ("13/05/2026", "en-US"), ("31.02.2026", "fr")])
def test_a_numeric_date_is_not_read_the_other_way_round_when_its_own_order_fails(typed: str, language: str) -> None:
    assert read_date(typed, language) is None


def test_a_day_and_month_in_en_us_is_read_month_first_nearest_today() -> None:
    assert read_day_near("3/25", "en-US", TODAY) == dt.date(2026, 3, 25)
    assert read_day_near("25.3", "de", TODAY) == dt.date(2026, 3, 25)


# -- steps as text: one line per step, whatever the person typed ------------------------------


def _hostile_teacher() -> str:
    text = (EXAMPLES / "teacher.yaml").read_text(encoding="utf-8")
    text = text.replace("name: Maya Okafor", 'name: "Maya\\nOkafor\\r\\nX-EVIL: 1"', 1)
    text = text.replace("name: Sam Reyes", 'name: "Sam\\rReyes"', 1)
    return text


def test_a_name_with_line_breaks_keeps_each_step_on_one_line(tmp_path: Path) -> None:
    (tmp_path / "t.yaml").write_text(_hostile_teacher(), encoding="utf-8")
    result = run("steps", "t.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = result.stdout.split("\n")[:-1]
    assert "\r" not in result.stdout
    steps = run("steps", "--ics", "t.yaml", cwd=tmp_path).stdout.count("BEGIN:VTODO")
    undated = sum(1 for row in rows if row.startswith(("no date yet", "date not read")))
    assert len(rows) == steps + undated
    assert all("Maya Okafor X-EVIL: 1 (t.yaml:" in row for row in rows)
    assert any("Sam Reyes: Send him" in row for row in rows)


def test_the_hostile_names_are_text_in_the_calendar_too(tmp_path: Path) -> None:
    (tmp_path / "t.yaml").write_text(_hostile_teacher(), encoding="utf-8")
    result = run("steps", "--ics", "t.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    calendar = vobject.readOne(result.stdout)
    assert not [line for line in result.stdout.split("\r\n") if line.startswith("X-EVIL")]
    assert any(
        todo.summary.value.startswith("Sam\nReyes") or "Sam" in todo.summary.value for todo in calendar.vtodo_list
    )


# -- iCalendar UIDs: two records of one name keep their own to-do when dates come and go -------

TWO_ANNAS = """\
version: 3
about:
  name: Maya Okafor
options:
  people:
    - name: Anna Berg
      status: to contact
      next_step: Ask Anna at Fernhill about portfolios
      due: '{first}'
    - name: Anna Berg
      status: to contact
      next_step: Ask Anna at Kestrel about testing
      due: '{second}'
"""


def _uids(tmp_path: Path, first: str, second: str) -> dict[str, str]:
    (tmp_path / "a.yaml").write_text(TWO_ANNAS.format(first=first, second=second), encoding="utf-8")
    result = run("steps", "--ics", "a.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    calendar = vobject.readOne(result.stdout)
    return {todo.summary.value.split(": ", 1)[1]: todo.uid.value for todo in calendar.vtodo_list}


def test_a_record_keeps_its_uid_when_another_of_the_same_name_gets_a_date(tmp_path: Path) -> None:
    before = _uids(tmp_path, "", "2026-04-02")
    after = _uids(tmp_path, "2026-04-01", "2026-04-02")
    kestrel = "Ask Anna at Kestrel about testing"
    assert after[kestrel] == before[kestrel]
    assert len(set(after.values())) == 2


def test_two_records_of_one_name_keep_their_uids_when_their_dates_swap_order(tmp_path: Path) -> None:
    before = _uids(tmp_path, "2026-04-01", "2026-04-02")
    after = _uids(tmp_path, "2026-04-03", "2026-04-02")
    assert after == before


def test_two_files_of_one_owner_keep_their_uids_when_their_dates_swap_order(tmp_path: Path) -> None:
    def uids(first: str, second: str) -> dict[str, str]:
        for name, due in (("one.yaml", first), ("two.yaml", second)):
            (tmp_path / name).write_text(TWO_ANNAS.format(first=due, second=""), encoding="utf-8")
        result = run("steps", "--ics", "one.yaml", "two.yaml", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        calendar = vobject.readOne(result.stdout)
        return {todo.description.value.split("\n")[0]: todo.uid.value for todo in calendar.vtodo_list}

    assert uids("2026-04-01", "2026-04-02") == uids("2026-04-03", "2026-04-02")


# -- --out through a link: never into an answers file's name -----------------------------------


def test_out_through_a_link_to_a_yaml_file_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "t.yaml").write_text((EXAMPLES / "teacher.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "draft.yaml").write_text("", encoding="utf-8")  # an answers file not yet begun
    (tmp_path / "steps.ics").symlink_to("draft.yaml")
    result = run("steps", "--ics", "t.yaml", "--out", "steps.ics", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "draft.yaml" in result.stderr
    assert (tmp_path / "draft.yaml").read_text(encoding="utf-8") == ""


def test_render_out_through_a_link_to_a_yaml_file_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "t.yaml").write_text((EXAMPLES / "teacher.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "draft.yaml").write_text("", encoding="utf-8")
    (tmp_path / "brief.md").symlink_to("draft.yaml")
    result = run("render", "t.yaml", "--out", "brief.md", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "draft.yaml" in result.stderr
    assert (tmp_path / "draft.yaml").read_text(encoding="utf-8") == ""


# -- the interview sheet: a story is told for an objection that names what it shows, as words --


def _objection_stories(shows: str, objections: str) -> list[tuple[str, str]]:
    from careerstory.answers import load_text
    from careerstory.questions import default_bank
    from careerstory.questions.documents import default_documents
    from careerstory.render.preparing import prepare_for

    text = f"""\
version: 3
story:
  stories:
    - title: The quiz
      action: I rewrote two lessons.
      shows:
        - {shows}
targets:
  jobs:
    - role: Designer
      objections: |
{objections}
"""
    sheet = load_text(text, default_bank())
    prepare = next(doc.prepare for doc in default_documents() if doc.prepare is not None)
    made = prepare_for(sheet, sheet.entries("jobs")[0], 0, prepare)
    return [(likely.ask, likely.story.title if likely.story else "") for likely in made.likely if likely.objection]


def test_a_story_showing_one_letter_is_not_told_for_every_objection_with_that_letter() -> None:
    told = _objection_stories("R", '        "You have never led a team." I led the science department for two years.')
    assert told == [("You have never led a team.", "")]


def test_a_story_is_told_for_an_objection_naming_what_it_shows() -> None:
    told = _objection_stories(
        "SQL", '        "Your SQL is thin." I wrote the reports.\n\n        "Sequels bore you." Not at all.'
    )
    assert told == [("Your SQL is thin.", "The quiz"), ("Sequels bore you.", "")]


# -- review of a file with many people: the drafts read the file's notes once, not once a person --


def _many_people(count: int) -> str:
    people = "".join(
        f"    - name: Person {n} Smith\n"
        f"      works_as: Designer at Org{n}\n"
        f"      status: contacted\n"
        f"      contacted_on: 3 February 2026\n"
        f"      message: Hi, we met at the fair. Could we talk for ten minutes?\n"
        for n in range(count)
    )
    return f"version: 3\nabout:\n  name: Maya Okafor\noptions:\n  people:\n{people}"


def test_reviewing_twice_the_people_costs_about_twice_the_work(monkeypatch: pytest.MonkeyPatch) -> None:
    from careerstory.answers import load_text, notes
    from careerstory.questions import default_bank
    from careerstory.review import review_sheet

    calls = 0
    real = notes.without_notes

    def counted(text: str) -> str:
        nonlocal calls
        calls += 1
        return real(text)

    monkeypatch.setattr(notes, "without_notes", counted)  # what the note-free view of a file calls

    def work(count: int) -> int:
        nonlocal calls
        text = _many_people(count)
        sheet = load_text(text, default_bank())
        calls = 0
        review_sheet(sheet, text, on=TODAY)
        return calls

    small, large = work(40), work(80)
    assert small > 0
    assert large < 3 * small  # linear doubles it; once a person over the whole file quadruples it


@pytest.mark.parametrize("command", [("steps", "--ics"), ("steps",), ("board",), ("board", "--html")])
def test_out_dash_is_standard_output_as_in_render(tmp_path: Path, command: tuple[str, ...]) -> None:
    (tmp_path / "t.yaml").write_text((EXAMPLES / "teacher.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = run(*command, "t.yaml", "--out", "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "-").exists()
    assert result.stdout == run(*command, "t.yaml", cwd=tmp_path).stdout


def test_one_file_named_twice_in_other_words_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "t.yaml").write_text((EXAMPLES / "teacher.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "same.yaml").symlink_to("t.yaml")
    once = run("steps", "--ics", "t.yaml", cwd=tmp_path).stdout.count("BEGIN:VTODO")
    named = ("t.yaml", str(tmp_path / "t.yaml"), "same.yaml", "./t.yaml")
    assert run("steps", "--ics", *named, cwd=tmp_path).stdout.count("BEGIN:VTODO") == once > 0
    board = run("board", *named, cwd=tmp_path)
    assert board.stdout.count("(t.yaml)") == 1, board.stdout
    assert "same.yaml" not in board.stdout


@pytest.mark.parametrize("document", ["brief", "conversations"])
def test_a_due_date_without_its_year_prints_as_the_same_day_with_it(tmp_path: Path, document: str) -> None:
    teacher = (EXAMPLES / "teacher.yaml").read_text(encoding="utf-8")
    assert "      due: 13 March 2026\n" in teacher
    (tmp_path / "t.yaml").write_text(teacher, encoding="utf-8")
    with_year = run("render", "t.yaml", "--doc", document, "--out", "-", cwd=tmp_path)
    (tmp_path / "t.yaml").write_text(
        teacher.replace("      due: 13 March 2026\n", "      due: 13 March\n"), encoding="utf-8"
    )
    without = run("render", "t.yaml", "--doc", document, "--out", "-", cwd=tmp_path)
    assert with_year.returncode == without.returncode == 0, without.stderr
    assert "13 March 2026" in with_year.stdout
    assert without.stdout == with_year.stdout


# -- a story answers a requirement: the interview sheet and review agree on when --------------

NEEDS = """\
version: 3
about:
  name: Maya Okafor
story:
  stories:
    - title: The café rota
      action: I rebuilt the rota.
      result: Overtime fell by a third.
      shows:
        - {shown}
targets:
  jobs:
    - role: Designer
      status: applied
      requirements:
        - need: {need}
"""


@pytest.mark.parametrize(
    ("shown", "need"),
    [("SQL.", "SQL"), ("sql", "SQL"), ("Cafe\u0301 management", "Caf\u00e9 management"), ("Data  work;", "data work")],
)
def test_the_sheet_and_review_agree_that_a_story_shows_a_requirement(shown: str, need: str) -> None:
    from careerstory.answers import load_text
    from careerstory.questions import default_bank
    from careerstory.questions.documents import default_documents
    from careerstory.render.preparing import prepare_for
    from careerstory.review import review_sheet

    text = NEEDS.format(shown=shown, need=need)
    sheet = load_text(text, default_bank())
    prepare = next(doc.prepare for doc in default_documents() if doc.prepare is not None)
    made = prepare_for(sheet, sheet.entries("jobs")[0], 0, prepare)
    assert [r.stories for r in made.requirements] == [("The café rota",)]
    notes = review_sheet(sheet, text, on=TODAY)
    assert not [note for note in notes if note.rule == "requirement-unanswered"]


def test_a_requirement_no_story_shows_is_still_unanswered_in_both() -> None:
    from careerstory.answers import load_text
    from careerstory.questions import default_bank
    from careerstory.review import review_sheet

    text = NEEDS.format(shown="SQL reports", need="SQL")
    notes = review_sheet(load_text(text, default_bank()), text, on=TODAY)
    assert [note.rule for note in notes if note.rule == "requirement-unanswered"] == ["requirement-unanswered"]


# -- a caseload with a folder in it: the folder gets its row, the rest is still shown -------------


def test_a_folder_among_the_files_gets_its_row_on_the_board_and_the_rest_still_shows(tmp_path: Path) -> None:
    (tmp_path / "t.yaml").write_text((EXAMPLES / "teacher.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "archive").mkdir()
    board = run("board", "t.yaml", "archive", cwd=tmp_path)
    assert board.returncode == 1
    assert "Traceback" not in board.stderr
    assert "Maya Okafor (t.yaml)" in board.stdout
    assert "archive: this is a folder" in board.stdout
    steps = run("steps", "t.yaml", "archive", cwd=tmp_path)
    assert steps.returncode == 1
    assert "Maya Okafor (t.yaml:" in steps.stdout
    assert "archive: error: this is a folder" in steps.stderr


@pytest.mark.parametrize("language", ["ja", "pt-BR"])
def test_a_board_in_english_for_a_language_careerstory_does_not_speak_says_it_is_english(
    tmp_path: Path, language: str
) -> None:
    text = (EXAMPLES / "teacher.yaml").read_text(encoding="utf-8")
    (tmp_path / "t.yaml").write_text(
        text.replace("version: 3\n", f"version: 3\nlanguage: {language}\n", 1), encoding="utf-8"
    )
    board = run("board", "--html", "t.yaml", cwd=tmp_path)
    assert board.returncode == 0, board.stderr
    assert "Caseload board" in board.stdout  # the words are English
    assert '<html lang="en">' in board.stdout
