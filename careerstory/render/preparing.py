"""What a document made for one job holds beyond the job's record: its drafts and the interview sheet.

A job's ``tell_me`` and ``letter`` are the person's own once written; until then the
document prints careerstory's draft, marked as one (:mod:`careerstory.answers.drafts`).
The interview sheet matches each requirement to its evidence, its plan or the story
that shows it, puts the questions an interviewer is likely to ask beside the story to
tell, and brings back what earlier applications taught. Which fields hold all this is
data (``documents.yaml``, ``prepare``), so nothing here knows a question by its id.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from careerstory import _
from careerstory.answers import AnswerSheet, GroupEntry
from careerstory.answers import drafts as drafting
from careerstory.answers.model import field_items, field_records, field_text
from careerstory.answers.recipes import need_key
from careerstory.questions import Question
from careerstory.questions.documents import Prepare, targets_data


@dataclass(frozen=True)
class JobText:
    """A text another person reads (a letter, an answer said aloud): theirs, or careerstory's draft."""

    text: str  # "" when there is nothing yet to draft it from
    draft: bool  # True while it is careerstory's draft, not the person's own
    left_out: tuple[str, ...] = ()  # what the draft left out and why, one line each


# The texts careerstory can draft for one job, by the name a document's `drafted` gives them.
DRAFTERS: dict[str, Callable[[AnswerSheet, GroupEntry, dt.date], drafting.Drafted]] = {
    "tell_me": lambda sheet, job, today: drafting.tell_me(sheet, job),
    "letter": lambda sheet, job, today: drafting.letter(sheet, job, today),
}


def drafted(sheet: AnswerSheet, job: GroupEntry, names: tuple[str, ...], today: dt.date) -> dict[str, JobText]:
    """Each text the document names, the person's own or its draft."""
    made = {}
    for name in names:
        if name not in DRAFTERS:
            raise ValueError(f"documents: careerstory cannot draft {name!r}; it drafts {', '.join(DRAFTERS)}")
        result = DRAFTERS[name](sheet, job, today)
        made[name] = JobText(result.text.strip(), result.draft and bool(result.text.strip()), tuple(result.left_out))
    return made


@dataclass(frozen=True)
class Story:
    """One story of the person's story bank, as they would tell it."""

    title: str
    parts: tuple[tuple[str, str], ...]  # (the field's label, its text), in bank order: situation, task...
    shows: tuple[str, ...]


@dataclass(frozen=True)
class Requirement:
    """One thing the advert asks for, beside what answers it."""

    need: str
    evidence: str
    plan: str
    stories: tuple[str, ...]  # the titles of the stories that show it

    @property
    def answered(self) -> bool:
        """True when evidence or a story shows it."""
        return bool(self.evidence or self.stories)


@dataclass(frozen=True)
class Objection:
    """Why they might be turned down, as the person wrote it, and their answer."""

    said: str  # what they might say, without its quotes: the question to expect
    answer: str
    quoted: str = ""  # what they might say as the person wrote it, quotes and all


@dataclass(frozen=True)
class Likely:
    """A question the panel is likely to ask, and what the person has to answer it with."""

    ask: str
    story: Story | None  # the story to tell, where one fits
    lean_on: str = ""  # what they already wrote that answers it (evidence, an answer)
    plan: str = ""  # for a requirement they cannot show yet: how they are closing it
    objection: bool = False  # an objection: its answer stands with the objections
    hint: str = ""  # a coach's word on how to say it to a panel, in the document's language


@dataclass(frozen=True)
class Lesson:
    """What an application that is over taught, for the next one."""

    role: str
    organisation: str
    status: str
    text: str


@dataclass(frozen=True)
class Preparation:
    """Everything an interview sheet prepares beyond the job's own fields."""

    requirements: tuple[Requirement, ...]
    likely: tuple[Likely, ...]
    objections: tuple[Objection, ...]
    stories: tuple[Story, ...]
    panel: tuple[str, ...]
    lessons: tuple[Lesson, ...]


_OPENING_QUOTES = "\"“„«‘‚'"
_CLOSING_QUOTES = "\"”“»’‘'"
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _same(a: str, b: str) -> bool:
    return bool(need_key(a)) and need_key(a) == need_key(b)


def _names(text: str, shown: str) -> bool:
    """True when ``text`` holds ``shown`` as whole words ("R" is in "You lack R", not in "never")."""
    return re.search(rf"(?<!\w){re.escape(shown.casefold())}(?!\w)", text.casefold()) is not None


def split_objection(paragraph: str) -> Objection:
    """``"You only taught teenagers." Three new teachers mentored…`` -> what they say, and the answer.

    The objection is the quoted words at the paragraph's start (any language's quotes),
    else its first sentence; a paragraph of one sentence has no answer yet.
    """
    from careerstory.answers.recipes import sentences

    text = " ".join(paragraph.split())
    if text[:1] in _OPENING_QUOTES:
        end = next((n for n in range(1, len(text)) if text[n] in _CLOSING_QUOTES), -1)
        if end > 1:
            return Objection(text[1:end].strip(), text[end + 1 :].strip(), text[: end + 1])
    said = sentences(text)
    first = said[0] if said else text
    return Objection(first, " ".join(said[1:]), first)


def _stories(sheet: AnswerSheet, prepare: Prepare) -> tuple[Story, ...]:
    question = _group(sheet, prepare.stories)
    if question is None:
        return ()
    stories = []
    for entry in sheet.entries(question.id):
        title = field_text(entry, prepare.story_name).strip()
        parts = tuple(
            (_(f.label), field_text(entry, f.id).strip())
            for f in question.fields
            if f.id != prepare.story_name and not f.holds_items and field_text(entry, f.id).strip()
        )
        shows = tuple(i.strip() for i in field_items(entry, prepare.shows) if i.strip())
        if title or parts:
            stories.append(Story(title or _("A story still to name"), parts, shows))
    return tuple(stories)


def _group(sheet: AnswerSheet, role: str) -> Question | None:
    return next((q for q in sheet.bank.questions if q.role == role and q.shape.records), None)


def _lessons(sheet: AnswerSheet, prepare: Prepare, index: int) -> tuple[Lesson, ...]:
    where = targets_data()
    question = _group(sheet, where.role)
    if question is None:
        return ()
    named = [e for e in sheet.entries(question.id) if field_text(e, where.name).strip()]
    return tuple(
        Lesson(
            field_text(entry, where.name).strip(),
            field_text(entry, where.organisation).strip(),
            field_text(entry, where.status).strip(),
            field_text(entry, prepare.lessons).strip(),
        )
        for n, entry in enumerate(named)
        if n != index
        and field_text(entry, where.status).strip() in prepare.lesson_statuses
        and field_text(entry, prepare.lessons).strip()
    )


def _answer_by_role(sheet: AnswerSheet, role: str) -> str:
    question = next((q for q in sheet.bank.questions if q.role == role), None)
    return sheet.text(question.id).strip() if question is not None and question.shape.text else ""


def prepare_for(sheet: AnswerSheet, job: GroupEntry, index: int, prepare: Prepare) -> Preparation:
    """The interview sheet of the job ``job`` (the ``index``-th named one) from its record and the story bank."""
    stories = _stories(sheet, prepare)
    requirements = []
    for record in field_records(job, prepare.requirements):
        need = str(record.get(prepare.need, "")).strip()
        if not need:
            continue
        shown = tuple(s.title for s in stories if any(_same(item, need) for item in s.shows))
        requirements.append(
            Requirement(
                need,
                str(record.get(prepare.evidence, "")).strip(),
                str(record.get(prepare.plan, "")).strip(),
                shown,
            )
        )
    by_title = {s.title: s for s in stories}
    likely = [
        Likely(
            _(prepare.ask_about_requirement).format(need=r.need),
            by_title[r.stories[0]] if r.stories else None,
            lean_on=r.evidence,
            plan="" if r.answered else r.plan,
        )
        for r in requirements
    ]
    paragraphs = _PARAGRAPH_BREAK.split(field_text(job, prepare.objections).strip())
    objections = tuple(split_objection(p) for p in paragraphs if p.strip())
    for objection in objections:
        fits = next((s for s in stories if any(_names(objection.said, i) for i in s.shows)), None)
        likely.append(Likely(objection.said, fits, objection=True))
    counts: list[int] = [sum(s.title in r.stories for r in requirements) for s in stories]
    most = max(counts, default=0)
    strongest = stories[counts.index(most)] if most else None
    for standard in prepare.asked:
        lean_on = (
            _answer_by_role(sheet, standard.lean_on_role)
            if standard.lean_on_role
            else field_text(job, standard.lean_on_field).strip()
        )
        story = strongest if standard.story == "strongest" else None
        hint = _(standard.hint) if standard.hint else ""
        likely.append(Likely(_(standard.ask), story, lean_on=lean_on, hint=hint))
    return Preparation(
        requirements=tuple(requirements),
        likely=tuple(likely),
        objections=objections,
        stories=stories,
        panel=tuple(_(p) for p in prepare.panel),
        lessons=_lessons(sheet, prepare, index),
    )


# Words a person writes first about where they work that name no place a letter is sent from.
_NOT_PLACES = frozenset(
    {"remote", "hybrid", "anywhere", "flexible", "homeoffice", "zdalnie", "télétravail", "remoto", "teletrabajo"}
)


def place_of(location: str) -> str:
    """The place a letter is written from: ``Leeds`` of ``Leeds, remote or hybrid; from September``.

    Only a short first phrase that reads as a place name (a capital, no digits, at most
    three words) counts; anything else gives "" and the date line stands alone.
    """
    first = re.split(r"[,;(/\n]| or | oder | ou | o | lub ", location.strip(), maxsplit=1)[0].strip()
    words = first.split()
    if not words or len(words) > 3 or not first[0].isupper() or any(c.isdigit() for c in first):
        return ""
    return "" if first.casefold() in _NOT_PLACES else first
