"""`careerstory steps`: every next step, overdue first, in each file's language, and as iCalendar to-dos."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import in_process
import pytest
import vobject

from careerstory import _
from careerstory.i18n import using
from careerstory.i18n.formats import format_date

EXAMPLES = Path(__file__).parents[1] / "examples"
# 20 March 2026 and 1 March 2026, as SOURCE_DATE_EPOCH says them.
MARCH_20 = "1773964800"
MARCH_1 = "1772323200"


def with_dues(name: str, *dues: str) -> str:
    """An example's text with its records' `due:` set, one value per record in file order, the rest emptied."""
    lines = (EXAMPLES / name).read_text(encoding="utf-8").split("\n")
    given = iter(dues)
    for number, line in enumerate(lines):
        if line.startswith("      due:"):
            due = next(given, "")
            lines[number] = f"      due: {due}" if due else "      due: ''"
    assert next(given, None) is None, "more dates than records"
    return "\n".join(lines)


# Sam (overdue on 20 March), Jonah (2 April), Helen (a date no reader can fix), Ruth (no
# date), then the Kestrel job (24 March).
TEACHER = with_dues("teacher.yaml", "16 March 2026", "2026-04-02", "early March", "", "24 March 2026")


def run(*args: str, cwd: Path, epoch: str = MARCH_20) -> subprocess.CompletedProcess[str]:
    return in_process.run(*args, cwd=cwd, env={**os.environ, "SOURCE_DATE_EPOCH": epoch})


def test_dated_steps_come_first_overdue_on_top_then_by_date_then_the_undated_as_typed(tmp_path: Path) -> None:
    (tmp_path / "teacher.yaml").write_text(TEACHER, encoding="utf-8")
    result = run("steps", "teacher.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = result.stdout.splitlines()
    assert [row.split("  ")[0] for row in rows] == [
        "overdue since 16 March 2026",
        "due 24 March 2026",
        "due 2 April 2026",
        "date not read: early March",
        "no date yet",
    ]
    assert "Sam Reyes: Send him my Rise module" in rows[0]
    assert "Learning experience designer at Kestrel Education, digital learning team: Rehearse" in rows[1]
    assert "Jonah Feld: Thank him" in rows[2]
    assert "Dr Helen Marsh: Nudge her" in rows[3]
    assert "Ruth Adeyemi: Email her" in rows[4]
    # Whose file, and the line the step is written on.
    line = TEACHER.splitlines().index(
        "      next_step: Send him my Rise module for a second look before the Kestrel interview"
    )
    assert f"Maya Okafor (teacher.yaml:{line + 1})" in rows[0]


def test_overdue_is_judged_by_source_date_epoch(tmp_path: Path) -> None:
    (tmp_path / "teacher.yaml").write_text(TEACHER, encoding="utf-8")
    early = run("steps", "teacher.yaml", cwd=tmp_path, epoch=MARCH_1).stdout.splitlines()
    assert early[0].startswith("due 16 March 2026")
    assert not any("overdue" in row for row in early)


@pytest.mark.parametrize(
    ("name", "language", "typed", "day"),
    [
        ("store-manager.yaml", "de", "17. Februar 2026", dt.date(2026, 2, 17)),
        ("translator.yaml", "pl", "30 listopada 2026", dt.date(2026, 11, 30)),
    ],
)
def test_each_row_speaks_its_files_language_and_reads_its_dates(
    tmp_path: Path, name: str, language: str, typed: str, day: dt.date
) -> None:
    (tmp_path / name).write_text(with_dues(name, typed), encoding="utf-8")
    (tmp_path / "teacher.yaml").write_text(TEACHER, encoding="utf-8")
    rows = run("steps", name, "teacher.yaml", cwd=tmp_path).stdout.splitlines()
    with using(language):
        said = (_("overdue since {date}") if day < dt.date(2026, 3, 20) else _("due {date}")).format(
            date=format_date(day)
        )
    assert said not in {"overdue since " + format_date(day, "en"), "due " + format_date(day, "en")}
    mine = [row for row in rows if row.startswith(said)]
    assert len(mine) == 1 and f"({name}:" in mine[0]
    # The teacher's rows stay English beside them.
    assert any(row.startswith("overdue since 16 March 2026") for row in rows)


def test_an_invalid_or_missing_file_is_named_on_stderr_exit_1_and_the_others_still_listed(tmp_path: Path) -> None:
    (tmp_path / "teacher.yaml").write_text(TEACHER, encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("version: 3\nabout:\n  name: [unclosed\n", encoding="utf-8")
    result = run("steps", "broken.yaml", "teacher.yaml", "gone.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "broken.yaml:3:" in result.stderr and "gone.yaml" in result.stderr
    assert "no such answers file" in result.stderr
    assert len(result.stdout.splitlines()) == 5


def todos(ics: str) -> list[vobject.base.Component]:
    calendar = vobject.readOne(ics)
    return list(calendar.vtodo_list)


def test_ics_holds_one_todo_per_dated_step_read_by_a_second_parser(tmp_path: Path) -> None:
    (tmp_path / "teacher.yaml").write_text(TEACHER, encoding="utf-8")
    result = run("steps", "teacher.yaml", "--ics", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    found = todos(result.stdout)
    assert [todo.due.value for todo in found] == [dt.date(2026, 3, 16), dt.date(2026, 3, 24), dt.date(2026, 4, 2)]
    assert all(isinstance(todo.due.value, dt.date) and not isinstance(todo.due.value, dt.datetime) for todo in found)
    assert found[0].summary.value.startswith("Sam Reyes: Send him my Rise module")
    assert found[1].summary.value.startswith("Learning experience designer at Kestrel Education")
    line = TEACHER.splitlines().index("      next_step: Thank him, and tell him how the bank application went") + 1
    assert str((tmp_path / "teacher.yaml").resolve()) in found[2].description.value
    assert f"line {line}" in found[2].description.value
    assert found[0].dtstamp.value == dt.datetime(2026, 3, 20, tzinfo=dt.UTC)
    assert len({todo.uid.value for todo in found}) == 3


def test_uids_stay_across_runs_and_change_with_the_persons_name(tmp_path: Path) -> None:
    (tmp_path / "teacher.yaml").write_text(TEACHER, encoding="utf-8")
    first = todos(run("steps", "--ics", "teacher.yaml", cwd=tmp_path, epoch=MARCH_1).stdout)
    again = todos(run("steps", "--ics", "teacher.yaml", cwd=tmp_path, epoch=MARCH_20).stdout)
    assert [t.dtstamp.value for t in first] != [t.dtstamp.value for t in again]
    assert [t.uid.value for t in first] == [t.uid.value for t in again]
    (tmp_path / "teacher.yaml").write_text(TEACHER.replace("name: Maya Okafor", "name: Maya O. Okafor"), "utf-8")
    renamed = todos(run("steps", "--ics", "teacher.yaml", cwd=tmp_path).stdout)
    assert not {t.uid.value for t in first} & {t.uid.value for t in renamed}


def test_ics_out_writes_the_file_and_never_over_an_answers_file(tmp_path: Path) -> None:
    (tmp_path / "teacher.yaml").write_text(TEACHER, encoding="utf-8")
    written = run("steps", "teacher.yaml", "--ics", "--out", "steps.ics", cwd=tmp_path)
    assert written.returncode == 0, written.stderr
    assert written.stdout == ""
    assert len(todos((tmp_path / "steps.ics").read_text(encoding="utf-8"))) == 3
    # An answers file under another name, and the input itself, are both refused.
    (tmp_path / "notes.txt").write_text(TEACHER, encoding="utf-8")
    for target in ("notes.txt", "teacher.yaml"):
        refused = run("steps", "teacher.yaml", "--ics", "--out", target, cwd=tmp_path)
        assert refused.returncode == 1 and "never writes over" in refused.stderr
        assert (tmp_path / target).read_text(encoding="utf-8") == TEACHER


def test_a_file_with_no_steps_says_so_on_stderr(tmp_path: Path) -> None:
    (tmp_path / "empty.yaml").write_text("version: 3\n", encoding="utf-8")
    result = run("steps", "empty.yaml", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout == "" and "No next steps yet" in result.stderr
