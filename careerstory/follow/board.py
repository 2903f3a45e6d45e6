"""A coach's board: one row per client's answers file, the one who most needs attention first.

Each file is read once (in a worker of a pool for a large caseload) into a :class:`Client`,
a small record of what the board shows; :func:`board_view` then ranks the clients and
words each row, and the templates (``board.md.j2``, ``board.html.j2``) lay it out.
The ranking: overdue steps first, then files that cannot be read, then open required
answers; each row says why it stands where it does.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from careerstory import _, n_
from careerstory.answers.model import AnswerSheet, field_text
from careerstory.answers.report import open_required, progress
from careerstory.errors import Problem
from careerstory.follow.caseload import open_file, over_files
from careerstory.follow.steps import Step, owner_name, steps_of, what
from careerstory.i18n import using
from careerstory.i18n.formats import format_date
from careerstory.questions import Bank, Question
from careerstory.questions.documents import targets_data

# An application no longer open: the aim is the first job that is neither.
CLOSED = frozenset({"rejected", "withdrawn"})


@dataclass(frozen=True)
class Client:
    """What the board shows of one answers file, or why it could not be read."""

    path: Path
    name: str = ""
    language: str = ""
    aim: str = ""  # the first job neither rejected nor withdrawn: its role, and organisation
    answered: int = 0  # required questions answered
    required: int = 0  # required questions
    notes: int = 0  # the coach's review notes
    applications: tuple[tuple[str, int], ...] = ()  # (status, how many jobs), in the choices' order
    steps: tuple[Step, ...] = ()
    problems: tuple[Problem, ...] = ()
    missing: bool = False
    migrated_from: int | None = None

    def overdue(self, today: dt.date) -> int:
        """How many of the client's steps were due before ``today``."""
        return sum(step.overdue(today) for step in self.steps)

    def next_due(self, today: dt.date) -> Step | None:
        """The first step due today or later."""
        coming = [step for step in self.steps if step.due is not None and not step.overdue(today)]
        return min(coming, key=lambda step: step.due or dt.date.max) if coming else None

    @property
    def open_required(self) -> int:
        """How many required questions are still open."""
        return self.required - self.answered


def _jobs(sheet: AnswerSheet) -> Question | None:
    role = targets_data().role
    return next((q for q in sheet.bank.questions if q.role == role and q.shape.records), None)


def _aim(sheet: AnswerSheet, jobs: Question | None) -> str:
    if jobs is None:
        return ""
    targets = targets_data()
    for entry in sheet.entries(jobs.id):
        if field_text(entry, "status").strip() in CLOSED:
            continue
        role = field_text(entry, targets.name).strip()
        organisation = field_text(entry, targets.organisation).strip()
        if role or organisation:
            return ", ".join(part for part in (role, organisation) if part)
    return ""


def _applications(sheet: AnswerSheet, jobs: Question | None) -> tuple[tuple[str, int], ...]:
    if jobs is None:
        return ()
    counted = Counter(field_text(entry, "status").strip() for entry in sheet.entries(jobs.id))
    try:
        order = list(jobs.field("status").choices)
    except KeyError:
        order = []
    order += sorted(status for status in counted if status and status not in order)
    return tuple((status, counted[status]) for status in order if counted[status])


def client(path: Path, bank: Bank) -> Client:
    """Read ``path`` once and gather what the board shows of it (a caseload's unit of work)."""
    from careerstory.review import review_sheet

    opened = open_file(path, bank)
    sheet = opened.sheet
    if sheet is None:
        return Client(path, problems=opened.problems, missing=opened.missing)
    blocks = progress(sheet)
    required = sum(1 for block in blocks for question in block.block.questions if question.required)
    with using(sheet.language or None, announce=False):
        notes = len(review_sheet(sheet, opened.text, answers=opened.answers))
    jobs = _jobs(sheet)
    return Client(
        path,
        name=owner_name(sheet),
        language=sheet.language,
        aim=_aim(sheet, jobs),
        answered=required - len(open_required(blocks)),
        required=required,
        notes=notes,
        applications=_applications(sheet, jobs),
        steps=steps_of(opened),
        migrated_from=sheet.migrated_from,
    )


def gather(paths: Sequence[Path], bank: Bank) -> list[Client]:
    """Every client of the caseload, in the order of ``paths``."""
    return over_files(paths, client, bank)


# -- the board as a coach reads it ------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One client's row, worded in the board's language, with the values its columns sort by."""

    rank: int
    file: str
    name: str
    aim: str
    complete: str
    complete_share: float  # answered over required, for sorting
    notes: int
    applications: str
    next_due: str
    next_due_iso: str  # for sorting; "" when none
    overdue: int
    reason: str
    attention: bool  # overdue, unreadable or missing: the row a coach looks at first
    problem: str  # why the file cannot be read ("" when it can)
    version_note: str  # the file is of an older version ("" when current)


@dataclass(frozen=True)
class Board:
    """The whole board: its rows in the order a coach should look at them."""

    title: str
    date_text: str
    language: str  # the html lang: the clients' common language, else English
    rows: tuple[Row, ...]
    problems: int  # files that could not be read


def board_language(clients: Sequence[Client]) -> str:
    """The language every readable client's file speaks, when they all speak one careerstory speaks; else English ("").

    A board of files in a language careerstory has no words for is worded in English, and says so.
    """
    from careerstory.i18n.catalogs import available_languages

    spoken = {c.language.split("-", 1)[0].lower() or "en" for c in clients if not c.problems}
    common = spoken.pop() if len(spoken) == 1 else ""
    return common if common in available_languages() else ""


def _rank_key(indexed: tuple[int, Client], today: dt.date) -> tuple[int, dt.date, int, int, int]:
    number, found = indexed
    # Of two clients with as many steps overdue, the one whose step has waited longer comes first.
    oldest = min((s.due for s in found.steps if s.due is not None and s.overdue(today)), default=dt.date.max)
    return (-found.overdue(today), oldest, 0 if found.problems else 1, -found.open_required, number)


def _reason(found: Client, today: dt.date) -> str:
    overdue = found.overdue(today)
    if overdue:
        return n_("{n} step overdue", "{n} steps overdue", overdue).format(n=overdue)
    if found.missing:
        return _("the file is missing")
    if found.problems:
        return n_(
            "the file cannot be read: {n} problem", "the file cannot be read: {n} problems", len(found.problems)
        ).format(n=len(found.problems))
    if found.open_required:
        return n_("{n} required answer still open", "{n} required answers still open", found.open_required).format(
            n=found.open_required
        )
    return _("on track: nothing overdue, every required answer in")


def _problem(found: Client) -> str:
    if not found.problems or found.missing:  # the reason says it all
        return ""
    first = found.problems[0]
    where = f"{first.path}:{first.line}:{first.column}" if first.line else str(first.path or found.path)
    return f"{where}: {first.message}"


def _row(rank: int, found: Client, today: dt.date) -> Row:
    coming = found.next_due(today)
    statuses = [
        _("{count} {status}").format(count=count, status=_(status) if status else _("no status"))
        for status, count in found.applications
    ]
    return Row(
        rank=rank,
        file=str(found.path),
        name=found.name or (_("(no name yet)") if not found.problems else ""),
        aim=found.aim,
        complete=_("{done} of {total}").format(done=found.answered, total=found.required) if not found.problems else "",
        complete_share=found.answered / found.required if found.required else 0.0,
        notes=found.notes,
        applications=", ".join(statuses),
        next_due=_("{date}: {what}").format(date=format_date(coming.due), what=what(coming))
        if coming is not None and coming.due is not None
        else "",
        next_due_iso=coming.due.isoformat() if coming is not None and coming.due is not None else "",
        overdue=found.overdue(today),
        reason=_reason(found, today),
        attention=bool(found.overdue(today) or found.problems),
        problem=_problem(found),
        version_note=_("version {old} file: `careerstory migrate {file}` upgrades it").format(
            old=found.migrated_from, file=found.path
        )
        if found.migrated_from is not None
        else "",
    )


def board_view(clients: Sequence[Client], today: dt.date) -> Board:
    """The board of ``clients``, ranked, worded in the active language."""
    ranked = sorted(enumerate(clients), key=lambda indexed: _rank_key(indexed, today))
    return Board(
        title=_("Caseload board"),
        date_text=format_date(today),
        language=board_language(clients) or "en",
        rows=tuple(_row(rank, found, today) for rank, (_number, found) in enumerate(ranked, start=1)),
        problems=sum(1 for found in clients if found.problems),
    )


def board_markdown(board: Board) -> str:
    """The board as a GitHub-flavoured Markdown table (``board.md.j2``)."""
    from careerstory.render.templating import Templates
    from careerstory.render.text import tidy_markdown

    return tidy_markdown(Templates().render("board.md.j2", {"board": board}, html=False))


def board_html(board: Board) -> str:
    """The board as a page that stands alone (``board.html.j2``): the brief's design, its faces inside it."""
    from markupsafe import Markup

    from careerstory.render.templating import Templates
    from careerstory.render.webpage import embed_fonts

    templates = Templates()
    # The brief's design, and the board's few rules of its own after it.
    css = templates.read("brief.css") + "\n" + templates.read("board.css")
    page = templates.render(
        "board.html.j2", {"board": board, "stylesheet": Markup(css.replace("</", "<\\/"))}, html=True
    )
    return embed_fonts(page, templates.folders)
