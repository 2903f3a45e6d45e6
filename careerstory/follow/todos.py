"""The dated next steps as an iCalendar file: one to-do each, that a calendar imports again as an update.

Each to-do's UID is a digest of whose file it is, the record's kind and its name or role,
so a second import of a later run updates the to-do (a new date, a new step) instead
of adding another; the iCalendar text itself is the icalendar library's.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Sequence

from careerstory import _, __version__
from careerstory.follow.steps import Step, what
from careerstory.i18n import using

UID_DOMAIN = "careerstory"


def uid(identity: str) -> str:
    """The UID of a record's to-do: the same record gets the same UID in every run."""
    return hashlib.sha256(identity.encode()).hexdigest()[:32] + "@" + UID_DOMAIN


def uids(steps: Sequence[Step]) -> list[str]:
    """Each step's UID; two records of one name are told apart by their detail, then by their turn.

    The turn is counted in the order the records are written, file by file, and over every
    step, dated or not: a record keeps its UID when another of its name gains a date or
    moves ahead of it in time.
    """
    seen: dict[str, int] = {}
    found = [""] * len(steps)
    # The file as it is on disk, however it was named on this run's command line.
    written = sorted(range(len(steps)), key=lambda number: (os.path.realpath(steps[number].file), steps[number].line))
    for number in written:
        step = steps[number]
        identity = step.identity
        if identity in seen and step.detail:
            identity += "\0" + step.detail
        seen[identity] = seen.get(identity, 0) + 1
        found[number] = uid(identity if seen[identity] == 1 else f"{identity}\0{seen[identity]}")
    return found


def summary(step: Step) -> str:
    """What the to-do says: the person or the job, then the step, in the file's language."""
    return _("{what}: {step}").format(what=what(step), step=step.step)


def description(step: Step) -> str:
    """Where the step is written, so the person can open the file at it."""
    where = step.file.resolve()
    if step.owner:
        text = _("From {name}'s answers file: {file}").format(name=step.owner, file=where)
    else:
        text = _("From the answers file {file}").format(file=where)
    if step.line:
        text += "\n" + _("line {line}").format(line=step.line)
    return text


def calendar_bytes(steps: Sequence[Step], stamp: dt.datetime) -> bytes:
    """An iCalendar file (RFC 5545) with one VTODO per dated step, stamped ``stamp``; undated steps are left out."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//careerstory//steps {__version__}//EN")
    calendar.add("version", "2.0")
    dated = [(step, name) for step, name in zip(steps, uids(steps), strict=True) if step.due is not None]
    for step, name in dated:
        todo = icalendar.Todo()
        todo.add("uid", name)
        todo.add("dtstamp", stamp)
        assert step.due is not None
        todo.add("due", step.due)
        with using(step.language or None, announce=False):
            todo.add("summary", summary(step))
            todo.add("description", description(step))
        todo.add("status", "NEEDS-ACTION")
        calendar.add_component(todo)
    return bytes(calendar.to_ical())
