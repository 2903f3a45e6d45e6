"""Every next step of every person and job, with when it falls due: ``careerstory steps``.

Where next steps are kept is data (``next_steps`` in documents.yaml): each source names
the group, the field saying who or which job, the step, and the field saying when it is
due. A due date is read as typed, in the file's language; one that cannot be read stays
as typed, marked so, and goes after the dated steps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from careerstory import _
from careerstory.answers.locating import Lines, Located
from careerstory.answers.model import AnswerSheet, GroupEntry, field_text
from careerstory.clock import today
from careerstory.errors import Problem
from careerstory.follow.caseload import Opened, open_file, over_files
from careerstory.i18n import using
from careerstory.i18n.dates import read_day_near
from careerstory.i18n.formats import format_date
from careerstory.questions import Bank, Question
from careerstory.questions.documents import StepSource, step_sources


@dataclass(frozen=True)
class Step:
    """One next step of one record (a person, a job), with its due date when one can be read."""

    file: Path
    line: int  # where the step is written, counted from 1; 0 when it cannot be placed
    language: str  # the file's language tag ("" is English): the row speaks it
    owner: str  # whose file: its `name` answer ("" when unanswered)
    kind: str  # the group the record belongs to: people, jobs
    about: str  # who or which job: the record's name or role
    detail: str  # what tells two records of one name apart: a job's organisation
    step: str
    typed: str  # the due date as typed ("" when none)
    due: dt.date | None  # the due date, when ``typed`` can be read

    def overdue(self, today: dt.date) -> bool:
        """True when the step was due before ``today``."""
        return self.due is not None and self.due < today

    @property
    def identity(self) -> str:
        """What names the step's record across runs: whose file, the record's kind and its name or role."""
        return "\0".join((self.owner, self.kind, self.about))


@dataclass(frozen=True)
class FileSteps:
    """The next steps of one answers file, or why it could not be read."""

    path: Path
    steps: tuple[Step, ...] = ()
    problems: tuple[Problem, ...] = ()
    missing: bool = False
    migrated_from: int | None = None


def _group(bank: Bank, role: str) -> Question | None:
    return next((q for q in bank.questions if q.role == role and q.shape.records), None)


def owner_name(sheet: AnswerSheet) -> str:
    """The person whose file it is, as they wrote their name ("" when unanswered)."""
    question = next((q for q in sheet.bank.questions if q.role == "name" and q.shape.line), None)
    return sheet.text(question.id).strip() if question else ""


def _line(answers: dict[str, Located], lines: Lines, question_id: str, number: int, field: str, step: str) -> int:
    """The line the step is written on: at its place in the file, else where the same text stands."""
    located = answers.get(f"{question_id}[{number}].{field}")
    if located is None or located.text.strip() != step:
        suffix = f".{field}"
        located = next(
            (a for a in answers.values() if a.question.endswith(suffix) and a.text.strip() == step),
            None,
        )
    return lines.place(located.index(0)).line if located is not None else 0


def _records(sheet: AnswerSheet, question: Question) -> Iterable[tuple[int, GroupEntry]]:
    # Counted as the file counts them, empty records included, so the number is the file's own.
    value = sheet[question.id]
    for number, entry in enumerate(value, start=1):
        if isinstance(entry, dict):
            yield number, entry


def steps_of(opened: Opened, sources: Sequence[StepSource] | None = None) -> tuple[Step, ...]:
    """Every next step a valid file holds, in the order of the file."""
    sheet = opened.sheet
    if sheet is None:
        return ()
    owner = owner_name(sheet)
    answers = {a.question: a for a in opened.answers}
    lines = Lines(opened.text)
    found = []
    for source in step_sources() if sources is None else sources:
        question = _group(sheet.bank, source.role)
        if question is None:
            continue
        for number, entry in _records(sheet, question):
            step = field_text(entry, source.step).strip()
            if not step:
                continue
            typed = field_text(entry, source.due).strip() if source.due else ""
            found.append(
                Step(
                    file=opened.path,
                    line=_line(answers, lines, question.id, number, source.step, step),
                    language=sheet.language,
                    owner=owner,
                    kind=source.role,
                    about=field_text(entry, source.about).strip(),
                    detail=field_text(entry, source.detail).strip() if source.detail else "",
                    step=step,
                    typed=typed,
                    # a day typed without its year is the one nearest today, as review reads it
                    due=read_day_near(typed, sheet.language, today()) if typed else None,
                )
            )
    return tuple(found)


def file_steps(path: Path, bank: Bank) -> FileSteps:
    """Read ``path`` once and gather its next steps (a caseload's unit of work)."""
    opened = open_file(path, bank)
    if opened.sheet is None:
        return FileSteps(path, problems=opened.problems, missing=opened.missing)
    return FileSteps(path, steps_of(opened), migrated_from=opened.sheet.migrated_from)


def gather(paths: Sequence[Path], bank: Bank) -> list[FileSteps]:
    """The next steps of every file, in the order of ``paths``; an unreadable file does not stop the others."""
    return over_files(paths, file_steps, bank)


def in_order(files: Sequence[FileSteps]) -> list[Step]:
    """Every step: the dated ones by date (the overdue, being earliest, on top), then the undated, as found."""
    steps = [step for checked in files for step in checked.steps]
    dated = sorted((s for s in steps if s.due is not None), key=lambda s: s.due or dt.date.min)
    return dated + [s for s in steps if s.due is None]


# -- as text --------------------------------------------------------------------------------


def what(step: Step) -> str:
    """Who or which job the step is about, in the active language."""
    if step.kind == "jobs":
        role = step.about or _("a job you go for")
        return _("{role} at {organisation}").format(role=role, organisation=step.detail) if step.detail else role
    return step.about or _("someone on your list")


def when(step: Step, today: dt.date) -> str:
    """When the step is due, in the active language: overdue, a date, no date, or the date as typed."""
    if step.due is not None:
        day = format_date(step.due)
        return _("overdue since {date}").format(date=day) if step.overdue(today) else _("due {date}").format(date=day)
    if step.typed:
        return _("date not read: {typed}").format(typed=step.typed)
    return _("no date yet")


def whose(step: Step) -> str:
    """Whose file the step comes from: their name and the file's place."""
    place = f"{step.file}:{step.line}" if step.line else str(step.file)
    return f"{step.owner} ({place})" if step.owner else place


def _one_line(text: str) -> str:
    # A line break typed in a name or a step (a carriage return too) would split its row.
    return " ".join(text.split())


def steps_text(steps: Sequence[Step], today: dt.date) -> str:
    """One line per step, each in its own file's language, the columns lined up."""
    rows = []
    for step in steps:
        with using(step.language or None, announce=False):
            cells = (when(step, today), whose(step), f"{what(step)}: {step.step}")
        rows.append(tuple(_one_line(cell) for cell in cells))
    if not rows:
        return ""
    widths = [max(len(row[column]) for row in rows) for column in range(2)]
    return "\n".join(f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]}".rstrip() for row in rows)
