"""What a document says, worked out from validated answers before any template sees them.

Templates only lay out a :class:`Brief`: which answers appear, where, under which
heading, and the recipes assembled from the person's own words are decided here, once
for every format, from data alone: the bank says where each question shows and how
it is headed, ``documents.yaml`` what each document is made of. No question is known
here by its id.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from careerstory import _
from careerstory.answers import AnswerSheet
from careerstory.answers.model import Answer, FieldValue, field_items, field_text
from careerstory.answers.recipes import recipe
from careerstory.errors import Problem, UserError
from careerstory.i18n import format_date, parse_language
from careerstory.questions import Question
from careerstory.questions.documents import HEADER, HIDDEN, SECTION, Document, pattern_roles
from careerstory.render.text import balance_direction


@dataclass(frozen=True)
class Column:
    """One column of a group's table."""

    id: str
    label: str
    kind: str = "text"  # the field's kind: text, long or choice (a status, shown as a badge)


@dataclass(frozen=True)
class Detail:
    """A long field of a group shown below its table: one entry per record that has it."""

    heading: str
    entries: tuple[tuple[str, str], ...]  # (who or what it is about, the text)


@dataclass(frozen=True)
class Item:
    """One answered question as a document shows it."""

    id: str
    role: str
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
    """Everything a template of one document may print."""

    id: str  # the document's id
    header: dict[str, str]  # role -> text, for every question in the header ("" while open)
    places: dict[str, tuple[Item, ...]]  # every other place of the document -> its answered questions
    recipes: dict[str, str]  # recipe name -> the text it makes ("" when nothing is answered for it)
    title: str
    subject: str
    moment: dt.datetime
    sections: tuple[Section, ...]
    open_questions: tuple[str, ...]
    answers: dict[str, Answer] = field(default_factory=dict)
    language: str = "en"  # the answers file's language (a BCP 47 code): the page's lang

    @property
    def date(self) -> dt.date:
        """The day the document is dated."""
        return self.moment.date()

    @property
    def created(self) -> str:
        """The moment as a W3C date-time, for the PDF metadata."""
        return self.moment.strftime("%Y-%m-%dT%H:%M:%S+00:00")

    @property
    def date_text(self) -> str:
        """The date as a person reads it in the document's language: ``26 November 2026``, ``26. November 2026``."""
        return format_date(self.date, self.language)


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


def _first_filled(patterns: tuple[str, ...], values: dict[str, str]) -> str:
    """The first pattern whose every role has an answer, filled in."""
    for pattern in patterns:
        roles = pattern_roles(pattern)
        if all(values.get(role) for role in roles):
            return _(pattern).format_map({role: values[role] for role in roles})
    return ""


def _first_field_text(sheet: AnswerSheet, question: Question, field_id: str) -> str:
    texts = (field_text(entry, field_id).strip() for entry in sheet.entries(question.id))
    return next((text for text in texts if text), "")


def _heading(question: Question) -> str:
    # The bank is written in English; its words are translated where they are shown.
    return _(question.heading or question.prompt)


def _item(sheet: AnswerSheet, question: Question, document: Document) -> Item:
    heading = _heading(question)
    if question.kind in ("text", "long"):
        return Item(question.id, question.role, heading, question.kind, text=sheet.text(question.id).strip())
    if question.kind == "list":
        items = tuple(i.strip() for i in sheet.items(question.id))
        return Item(question.id, question.role, heading, "list", items=items)
    rows = tuple(
        {
            f.id: "; ".join(i.strip() for i in field_items(entry, f.id))
            if f.kind == "list"
            else field_text(entry, f.id).strip()
            for f in question.fields
        }
        for entry in sheet.entries(question.id)
    )
    columns = tuple(
        Column(f.id, _(f.label), f.kind) for f in question.fields if f.place(document.id) in ("column", HEADER)
    )
    details = []
    for f in question.fields:
        if f.place(document.id) != "detail":
            continue
        first = columns[0].id if columns else f.id
        entries = tuple((row[first] or _("Someone"), row[f.id]) for row in rows if row[f.id])
        if entries:
            details.append(Detail(_(f.heading or f.label), entries))
    return Item(question.id, question.role, heading, "group", columns=columns, rows=rows, details=tuple(details))


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

    values = {qid: contain(value) for qid, value in sheet.values.items()}
    return AnswerSheet(sheet.bank, values, sheet.path, sheet.language, sheet.migrated_from)


def build_document(sheet: AnswerSheet, document: Document) -> Brief:
    """Turn validated answers into what ``document`` shows."""
    sheet = _contained(sheet)
    header: dict[str, str] = {}
    places: dict[str, list[Item]] = {place: [] for place in document.places if place not in (HEADER, SECTION)}
    sections = []
    for block in sheet.bank.blocks:
        items: list[Item] = []
        for question in block.questions:
            place = question.place(document.id, document.default_place)
            if place not in (*document.places, HIDDEN):
                raise ValueError(f"bank: {question.id} shows at {place!r}, not a place of the {document.id}")
            for group_field in question.fields:
                if group_field.place(document.id) == HEADER:
                    # A record's field in the header names the first record that has it (the
                    # brief's aim: the first target job's role); it stays a column of the table.
                    if not group_field.role:
                        raise ValueError(f"bank: {question.id}.{group_field.id} shows in the header but has no role")
                    header[group_field.role] = _first_field_text(sheet, question, group_field.id)
            if place == HEADER:
                if not question.role:
                    raise ValueError(f"bank: {question.id} shows in the {document.id}'s header but has no role")
                header[question.role] = sheet.text(question.id).strip()
            elif place != HIDDEN and sheet.answered(question):
                item = _item(sheet, question, document)
                (items if place == SECTION else places[place]).append(item)
        if items:
            sections.append(Section(block.id, _(block.title), tuple(items)))
    # Titles may name any answered text by its role, wherever it shows.
    texts = {q.role: sheet.text(q.id).strip() for q in sheet.bank.questions if q.role and q.kind in ("text", "long")}
    texts.update(header)
    return Brief(
        id=document.id,
        header=header,
        places={place: tuple(items) for place, items in places.items()},
        recipes={name: recipe(sheet, parts) for name, parts in document.recipes},
        title=_first_filled(document.title, texts),
        subject=_first_filled(document.subject, texts),
        moment=brief_moment(sheet.path),
        sections=tuple(sections),
        open_questions=tuple(q.id for q in sheet.open_questions()),
        answers={q.id: sheet[q.id] for q in sheet.bank.questions},
        language=parse_language(sheet.language).tag if sheet.language else "en",
    )


def build_brief(sheet: AnswerSheet) -> Brief:
    """What the brief, the document every render makes by default, shows."""
    from careerstory.questions.documents import document

    return build_document(sheet, document("brief"))
