"""What the brief says, worked out from validated answers before any template sees them.

Templates only lay out a :class:`Brief`: which answers appear, under which heading,
in which order, and the pitch assembled from the person's own words are decided here,
once for every format.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from careerstory.answers import AnswerSheet
from careerstory.answers.model import Answer, FieldValue, field_items, field_text
from careerstory.errors import Problem, UserError
from careerstory.questions import Question
from careerstory.render.text import balance_direction, first_sentence, join_words

# The questions the brief opens with; they are not repeated in the blocks below.
HEADER_QUESTIONS = ("name", "current_role", "target_role", "what_i_want")

# How each answer is headed in the brief: in the person's voice, shorter than the
# prompt that asked for it. A question missing here (a custom bank) is headed by its prompt.
HEADINGS = {
    "dont_want": "What I don't want",
    "constraints": "What my next job must respect",
    "best_moments": "My best moments at work",
    "what_it_entails": "What that entails",
    "why_enjoy": "Why I enjoy it",
    "skill_jobs": "Jobs where this skill makes sense",
    "industries": "Industries",
    "functions": "Functions",
    "companies": "Companies",
    "possible_roles": "Possible roles",
    "people": "People to talk to",
    "why_change": "Why I want to change",
    "why_fit": "Why I am a good fit",
    "transferable_skills": "Skills that transfer",
    "core_strengths": "Core strengths",
    "what_is_special": "What is special about me",
    "pitch": "My pitch",
    "help_wanted": "How you can help",
    "jobs": "The jobs I am going for",
}

# Spelled out rather than taken from the locale, so that the brief reads the same everywhere.
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

# Long group fields shown below a group's table rather than inside it, with their heading.
DETAILS = {
    ("people", "learned"): "What I learned from them",
    ("jobs", "why_fit"): "Why I fit",
    ("jobs", "gaps"): "What I lack, and my plan",
    ("jobs", "objections"): "Why they might say no, and my answer",
    ("jobs", "why_them"): "Why them",
    ("jobs", "learned"): "What I learned",
}


@dataclass(frozen=True)
class Column:
    """One column of a group's table."""

    id: str
    label: str


@dataclass(frozen=True)
class Detail:
    """A long field of a group shown below its table: one entry per record that has it."""

    heading: str
    entries: tuple[tuple[str, str], ...]  # (who or what it is about, the text)


@dataclass(frozen=True)
class Item:
    """One answered question as the brief shows it."""

    id: str
    heading: str
    kind: str  # the question's kind: text, long, list or group
    text: str = ""
    items: tuple[str, ...] = ()
    columns: tuple[Column, ...] = ()
    rows: tuple[dict[str, str], ...] = ()
    details: tuple[Detail, ...] = ()


@dataclass(frozen=True)
class Section:
    """One block of the method, with its answered questions only."""

    id: str
    title: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Brief:
    """Everything a template may print."""

    name: str
    current_role: str
    target_role: str
    what_i_want: str
    pitch: str
    moment: dt.datetime
    sections: tuple[Section, ...]
    open_questions: tuple[str, ...]
    answers: dict[str, Answer] = field(default_factory=dict)

    @property
    def date(self) -> dt.date:
        """The day the brief is dated."""
        return self.moment.date()

    @property
    def created(self) -> str:
        """The moment as a W3C date-time, for the PDF metadata."""
        return self.moment.strftime("%Y-%m-%dT%H:%M:%S+00:00")

    @property
    def date_text(self) -> str:
        """The date as a person reads it: ``26 November 2026``."""
        return f"{self.date.day} {_MONTHS[self.date.month - 1]} {self.date.year}"

    @property
    def title(self) -> str:
        """The document's title, also used for the PDF metadata."""
        return f"{self.name}: career brief" if self.name else "Career brief"

    @property
    def subject(self) -> str:
        """One line saying what the brief is about, for the PDF metadata."""
        if self.current_role and self.target_role:
            return f"From {self.current_role} to {self.target_role}"
        return self.current_role or self.target_role or "What do you want to do?"


def brief_moment(answers_path: Path | None) -> dt.datetime:
    """The moment the brief is dated: printed on it (as a day) and stored in the PDF.

    ``SOURCE_DATE_EPOCH`` wins when set, so that builds are reproducible. Otherwise it
    is the day the answers file was last changed: the brief is as old as the answers
    it shows, and rendering the same file twice gives the same document. Without a file
    (answers given in memory) it is today. All dates are UTC.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            seconds = int(epoch)
            if seconds < 0:
                raise ValueError(epoch)
            return dt.datetime.fromtimestamp(seconds, dt.UTC)
        except (ValueError, OverflowError, OSError):
            raise UserError(
                Problem(
                    f"SOURCE_DATE_EPOCH is {epoch!r}, not a number of seconds since 1970",
                    "Set it to an integer such as 1767225600, or unset it.",
                )
            ) from None
    if answers_path is not None:
        try:
            return dt.datetime.fromtimestamp(int(answers_path.stat().st_mtime), dt.UTC)
        except OSError:
            pass
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _pitch(sheet: AnswerSheet) -> str:
    """A short paragraph in the person's own words: strengths, why the change, why them."""
    parts = []
    strengths = [s.strip() for s in sheet.items("core_strengths")] if _known(sheet, "core_strengths") else []
    if strengths:
        # "a, b and c" reads well for lower-case phrases; capitalised ones or phrases with
        # their own commas read as a list, kept exactly as typed.
        prose = all(s[:1].islower() and "," not in s for s in strengths)
        listed = join_words(strengths) if prose else "; ".join(strengths)
        parts.append(f"What I bring: {listed.rstrip('.')}.")
    for question_id in ("why_change", "why_fit"):
        if _known(sheet, question_id):
            sentence = first_sentence(sheet.text(question_id))
            if sentence:
                parts.append(sentence)
    return " ".join(parts)


def _known(sheet: AnswerSheet, question_id: str) -> bool:
    try:
        sheet.bank.question(question_id)
    except KeyError:
        return False
    return True


def _text(sheet: AnswerSheet, question_id: str) -> str:
    return sheet.text(question_id).strip() if _known(sheet, question_id) else ""


def _first_target_role(sheet: AnswerSheet) -> str:
    # Version 2 keeps aims in `targets`; the masthead names the first one, as version 1
    # named its one target role (the render --target work replaces this).
    jobs = sheet.entries("jobs") if _known(sheet, "jobs") else []
    roles = [field_text(job, "role").strip() for job in jobs]
    return next((role for role in roles if role), "")


def _item(sheet: AnswerSheet, question: Question) -> Item:
    heading = HEADINGS.get(question.id, question.prompt)
    if question.kind in ("text", "long"):
        return Item(question.id, heading, question.kind, text=sheet.text(question.id).strip())
    if question.kind == "list":
        return Item(question.id, heading, "list", items=tuple(i.strip() for i in sheet.items(question.id)))
    rows = tuple(
        {
            f.id: "; ".join(i.strip() for i in field_items(entry, f.id))
            if f.kind == "list"
            else field_text(entry, f.id).strip()
            for f in question.fields
        }
        for entry in sheet.entries(question.id)
    )
    columns = tuple(Column(f.id, f.label) for f in question.fields if (question.id, f.id) not in DETAILS)
    details = []
    for f in question.fields:
        heading_of_detail = DETAILS.get((question.id, f.id))
        if heading_of_detail is None:
            continue
        first = columns[0].id if columns else f.id
        entries = tuple((row[first] or "Someone", row[f.id]) for row in rows if row[f.id])
        if entries:
            details.append(Detail(heading_of_detail, entries))
    return Item(question.id, heading, "group", columns=columns, rows=rows, details=tuple(details))


def _contained(sheet: AnswerSheet) -> AnswerSheet:
    """The same answers, each closing the direction overrides it opens (see balance_direction)."""

    def contain(value: Answer) -> Answer:
        if isinstance(value, str):
            return balance_direction(value)
        if all(isinstance(item, str) for item in value):
            return [balance_direction(item) for item in value if isinstance(item, str)]
        return [{k: contain_field(t) for k, t in entry.items()} for entry in value if isinstance(entry, dict)]

    def contain_field(value: FieldValue) -> FieldValue:
        return balance_direction(value) if isinstance(value, str) else [balance_direction(i) for i in value]

    return AnswerSheet(sheet.bank, {qid: contain(value) for qid, value in sheet.values.items()}, sheet.path)


def build_brief(sheet: AnswerSheet) -> Brief:
    """Turn validated answers into what the brief shows."""
    sheet = _contained(sheet)
    sections = []
    for block in sheet.bank.blocks:
        items = tuple(_item(sheet, q) for q in block.questions if q.id not in HEADER_QUESTIONS and sheet.answered(q))
        if items:
            sections.append(Section(block.id, block.title, items))
    return Brief(
        name=_text(sheet, "name"),
        current_role=_text(sheet, "current_role"),
        target_role=_first_target_role(sheet),
        what_i_want=_text(sheet, "what_i_want"),
        pitch=_pitch(sheet),
        moment=brief_moment(sheet.path),
        sections=tuple(sections),
        open_questions=tuple(q.id for q in sheet.open_questions()),
        answers={q.id: sheet[q.id] for q in sheet.bank.questions},
    )
