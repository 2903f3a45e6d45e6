"""What a document says, worked out from validated answers before any template sees them.

Templates only lay out a :class:`Brief`: which answers appear, where, under which
heading, and the recipes assembled from the person's own words are decided here, once
for every format, from data alone: the bank says where each question shows and how
it is headed, ``documents.yaml`` what each document is made of. No question is known
here by its id.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from careerstory import _
from careerstory.answers import AnswerSheet
from careerstory.answers.model import Answer, FieldValue, field_items, field_text
from careerstory.answers.recipes import TITLES, lower_first, recipe
from careerstory.clock import source_moment
from careerstory.i18n import date_line, format_date, parse_language
from careerstory.questions import Question
from careerstory.questions.documents import (
    HEADER,
    HIDDEN,
    SECTION,
    Document,
    Kit,
    pattern_roles,
    step_sources,
    targets_data,
)
from careerstory.render.preparing import JobText, Preparation, drafted, place_of, prepare_for
from careerstory.render.targets import Target
from careerstory.render.text import balance_direction, fence_for, sentences


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
class NextStep:
    """One next step, gathered from wherever it was written, with the date the person gave."""

    about: str  # who or what it is about
    step: str
    when: str = ""  # "contacted 3 May 2026", as typed


@dataclass(frozen=True)
class TargetView:
    """The job a tailored document is for: every field of its record, as typed."""

    slug: str
    role: str
    organisation: str
    fields: dict[str, str]  # field id -> text ("" while open; private fields "" where not shown)
    lists: dict[str, tuple[str, ...]]  # list field id -> its items (the requirements)
    parts: tuple[Item, ...]  # its answered long and list fields, in bank order, each under its heading


@dataclass(frozen=True)
class Person:
    """One person to talk to, as the conversation kit prepares the call."""

    name: str  # as typed, or a kind stand-in when it is open
    fields: dict[str, str]  # field id -> text
    status: str
    not_yet: bool  # not contacted yet: the kit gives a message to send
    questions: tuple[str, ...]  # their own question first, then the coach's
    introduction: str
    outreach: str  # "" once they are contacted
    fence: str  # a Markdown fence longer than any backtick run of the message


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
    roles: dict[str, Item | None] = field(default_factory=dict)  # every question with a role: its item, None while open
    target: TargetView | None = None
    next_steps: tuple[NextStep, ...] = ()
    people: tuple[Person, ...] = ()  # the conversation kit, in the order its summary lists them
    private_left_out: bool = False  # private answers exist and this document leaves them out
    left_for_the_brief: dict[str, int] = field(default_factory=dict)  # role -> records its design leaves out
    drafted: dict[str, JobText] = field(default_factory=dict)  # a job's text -> the person's own, or the draft
    preparation: Preparation | None = None  # an interview sheet's grid, questions, stories and lessons
    date_line: str = ""  # a letter's: "Berlin, 2. Dezember 2026"

    @property
    def draft(self) -> bool:
        """True when the document's main text is careerstory's draft, not yet the person's own."""
        return any(text.draft for text in self.drafted.values())

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
    moment = source_moment()
    if moment is not None:
        return moment
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
            if f.holds_items
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
        if isinstance(value, str):
            return balance_direction(value)
        if all(isinstance(item, str) for item in value):
            return [balance_direction(item) for item in value if isinstance(item, str)]
        return [{k: balance_direction(t) for k, t in item.items()} for item in value if isinstance(item, dict)]

    values = {qid: contain(value) for qid, value in sheet.values.items()}
    return AnswerSheet(sheet.bank, values, sheet.path, sheet.language, sheet.migrated_from)


def _without_private(sheet: AnswerSheet) -> tuple[AnswerSheet, bool]:
    """The answers with every private one emptied, and whether there was any to empty."""
    values = dict(sheet.values)
    removed = False
    for question in sheet.bank.questions:
        if question.private:
            removed = removed or sheet.answered(question)
            values[question.id] = "" if question.kind in ("text", "long") else []
            continue
        private = [f.id for f in question.fields if f.private]
        if not private:
            continue
        entries = []
        for entry in sheet.entries(question.id):
            removed = removed or any(field_text(entry, f).strip() for f in private)
            entries.append({k: ("" if k in private else v) for k, v in entry.items()})
        values[question.id] = entries
    return AnswerSheet(sheet.bank, values, sheet.path, sheet.language, sheet.migrated_from), removed


def _row(question: Question, entry: dict[str, FieldValue]) -> dict[str, str]:
    return {
        f.id: "; ".join(i.strip() for i in field_items(entry, f.id))
        if f.holds_items
        else field_text(entry, f.id).strip()
        for f in question.fields
    }


def _group(sheet: AnswerSheet, role: str) -> Question | None:
    return next((q for q in sheet.bank.questions if q.role == role and q.kind == "group"), None)


def _next_steps(sheet: AnswerSheet) -> tuple[NextStep, ...]:
    steps = []
    for source in step_sources():
        question = _group(sheet, source.role)
        if question is None:
            continue
        for entry in sheet.entries(question.id):
            step = field_text(entry, source.step).strip()
            if not step:
                continue
            date = field_text(entry, source.date).strip() if source.date else ""
            about = field_text(entry, source.about).strip() or _("Someone on your list")
            steps.append(NextStep(about, step, _(source.when).format(date) if date else ""))
    return tuple(steps)


def _fill(lines: tuple[tuple[str, ...], ...], values: dict[str, str], joiner: str) -> str:
    said = [_first_filled(tuple(_(p) for p in patterns), values) for patterns in lines]
    return joiner.join(line for line in said if line)


def _first_name(name: str) -> str:
    words = name.split()
    if not words:
        return ""
    return name if words[0].rstrip(".").lower() in TITLES else words[0]


def _person_values(question: Question, entry: dict[str, FieldValue], kit: Kit) -> dict[str, str]:
    """What a message may say about the person written to: their fields, never a private one."""
    values = {"their_first_name": _first_name(field_text(entry, kit.name).strip())}
    for f in question.fields:
        if not f.private and f.kind != "list":
            text = field_text(entry, f.id).strip().rstrip(".?")
            values[f"their_{f.id}"] = text
            values[f"their_{f.id}_lower"] = lower_first(text)
    return values


def _my_values(sheet: AnswerSheet, target: Target | None) -> dict[str, str]:
    """What an introduction may say about the person: their answers by role, never a private one.

    ``{role}`` is the answer, ``{role}_lower`` with a lower-case first letter, and for
    long text ``{role}_first`` and ``{role}_second`` its first two sentences (a list's
    ``_first`` is its first item); ``{aim}`` is the target, else the first job's role,
    and ``{aim_organisation}`` the target's organisation.
    """
    values: dict[str, str] = {}
    for q in sheet.bank.questions:
        if not q.role or q.private:
            continue
        if q.kind in ("text", "long"):
            text = sheet.text(q.id).strip()
            said = sentences(text, 2, limit=220)
            values |= {q.role: text, f"{q.role}_lower": lower_first(text)}
            values |= {f"{q.role}_first": said[0] if said else "", f"{q.role}_second": said[1] if len(said) > 1 else ""}
        elif q.kind == "list":
            first = next(iter(i.strip() for i in sheet.items(q.id) if i.strip()), "")
            values |= {f"{q.role}_first": first, f"{q.role}_first_lower": lower_first(first)}
    values["my_first_name"] = _first_name(values.get("name", ""))
    where = targets_data()
    jobs = _group(sheet, where.role)
    named = _named_entries(sheet, jobs) if jobs else []
    aim = target.name if target else (field_text(named[0], where.name).strip() if named else "")
    values |= {"aim": aim, "aim_lower": lower_first(aim), "aim_organisation": target.organisation if target else ""}
    return values


def _people(sheet: AnswerSheet, kit: Kit, target: Target | None) -> tuple[Person, ...]:
    question = _group(sheet, kit.role)
    if question is None:
        return ()
    mine = _my_values(sheet, target)
    people = []
    for entry in sheet.entries(question.id):
        values = {**mine, **_person_values(question, entry, kit)}
        fields = _row(question, entry)
        status = fields.get(kit.status, "")
        not_yet = status in kit.not_yet or not status
        own = fields.get(kit.own_question, "")
        message = _fill(kit.outreach, values, "\n\n") if not_yet else ""
        people.append(
            Person(
                name=fields.get(kit.name, "") or _("Someone on your list (no name yet)"),
                fields=fields,
                status=status,
                not_yet=not_yet,
                questions=tuple(q for q in (own, *map(_, kit.questions)) if q),
                introduction=_fill(kit.introduction, values, " "),
                outreach=message,
                fence=fence_for(message),
            )
        )
    rank = {status: n for n, status in enumerate(kit.order)}
    return tuple(sorted(people, key=lambda p: rank.get(p.status, -1)))


def _target_view(sheet: AnswerSheet, target: Target) -> TargetView:
    question = _group(sheet, targets_data().role)
    assert question is not None
    entry = next(e for n, e in enumerate(_named_entries(sheet, question)) if n == target.index)
    fields = _row(question, entry)
    lists = {
        f.id: tuple(i.strip() for i in field_items(entry, f.id) if i.strip()) for f in question.fields if f.holds_items
    }
    return TargetView(
        slug=target.slug,
        role=target.name,
        organisation=target.organisation,
        fields=fields,
        lists=lists,
        parts=tuple(
            Item(f.id, f.role, _(f.heading or f.label), "list", items=lists[f.id])
            if f.holds_items
            else Item(f.id, f.role, _(f.heading or f.label), "long", text=fields[f.id])
            for f in question.fields
            if (f.holds_items and lists[f.id]) or (f.kind == "long" and fields[f.id])
        ),
    )


def _job_entry(sheet: AnswerSheet, target: Target) -> dict[str, FieldValue]:
    question = _group(sheet, targets_data().role)
    assert question is not None  # a target was found in it
    return _named_entries(sheet, question)[target.index]


def _named_entries(sheet: AnswerSheet, question: Question) -> list[dict[str, FieldValue]]:
    name = targets_data().name
    return [e for e in sheet.entries(question.id) if field_text(e, name).strip()]


def build_document(
    sheet: AnswerSheet, document: Document, target: Target | None = None, *, share_private: bool = False
) -> Brief:
    """Turn validated answers into what ``document`` shows, tailored to ``target`` when given.

    Private answers (bank.yaml) are left out unless the document is for the person alone
    or ``share_private`` says they chose to share them.
    """
    # A question this document never shows (a message, a letter: another document's) is
    # not missing from it.
    open_questions = tuple(
        q.id for q in sheet.open_questions() if q.place(document.id, document.default_place) != "hidden"
    )
    sheet = _contained(sheet)
    kit_sheet = sheet
    private_left_out = False
    if not (document.shows_private or share_private):
        sheet, private_left_out = _without_private(sheet)
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
                if target is not None and question.role == targets_data().role:
                    # The tailored part shows this target's own details; the board keeps the others' apart.
                    item = Item(item.id, item.role, item.heading, item.kind, columns=item.columns, rows=item.rows)
                (items if place == SECTION else places[place]).append(item)
        if items:
            sections.append(Section(block.id, _(block.title), tuple(items)))
    # Titles may name any answered text by its role, wherever it shows.
    texts = {q.role: sheet.text(q.id).strip() for q in sheet.bank.questions if q.role and q.kind in ("text", "long")}
    view = _target_view(sheet, target) if target is not None else None
    moment = _today_moment() if document.dated_today else brief_moment(sheet.path)
    texts_for_job: dict[str, JobText] = {}
    preparation = None
    if target is not None:
        # The job's record as this document may show it (private fields emptied where it must).
        job = _job_entry(sheet, target)
        # What careerstory drafts is read by others (a letter, an answer said aloud): it is
        # drafted from the shared answers only, whatever this document shows.
        shared, _left_out = _without_private(sheet)
        texts_for_job = drafted(shared, _job_entry(shared, target), document.drafted, moment.date())
        if document.prepare is not None:
            preparation = prepare_for(sheet, job, target.index, document.prepare)
    if view is not None:
        header[targets_data().name if targets_data().name in header else "target_role"] = view.role
        header["target_role"] = view.role
        header["organisation"] = view.organisation
    texts.update(header)
    # Every role is there, None while open, so that a template may test it without failing.
    roles: dict[str, Item | None] = {
        q.role: _item(sheet, q, document) if sheet.answered(q) else None for q in sheet.bank.questions if q.role
    }
    more: dict[str, int] = {}
    for role, limit in document.limits:
        bounded = roles.get(role)
        if bounded is not None and len(bounded.rows) + len(bounded.items) > limit:
            more[role] = len(bounded.rows) + len(bounded.items) - limit
            roles[role] = replace(bounded, rows=bounded.rows[:limit], items=bounded.items[:limit])
    title = _first_filled(document.title, texts)
    if any(text.draft for text in texts_for_job.values()):
        title = _("Draft: {title}").format(title=title)
    return Brief(
        id=document.id,
        header=header,
        places={place: tuple(items) for place, items in places.items()},
        recipes={name: recipe(sheet, parts) for name, parts in document.recipes},
        title=title,
        subject=_first_filled(document.subject, texts),
        moment=moment,
        sections=tuple(sections),
        open_questions=open_questions,
        answers={q.id: _for_templates(q, sheet[q.id]) for q in sheet.bank.questions},
        language=parse_language(sheet.language).tag if sheet.language else "en",
        roles=roles,
        target=view,
        next_steps=_next_steps(sheet),
        people=_people(kit_sheet, document.kit, target) if document.kit else (),
        private_left_out=private_left_out,
        left_for_the_brief=more,
        drafted=texts_for_job,
        preparation=preparation,
        date_line=date_line(moment.date(), place_of(texts.get(document.sent_from, ""))) if document.sent_from else "",
    )


def _today_moment() -> dt.datetime:
    """The start of today, or ``SOURCE_DATE_EPOCH`` when set: a letter is dated the day it is made, to be sent.

    A day, not the second: the letter made again the same day is the same letter (and up to date).
    """
    moment = source_moment()
    if moment is not None:
        return moment
    return dt.datetime.combine(dt.datetime.now(dt.UTC).date(), dt.time(), dt.UTC)


class PrintsAsFirstField(str):
    """A record of a record's group field as templates see it: its first field's text (a requirement's need).

    So a version-2 template looping over a job's ``requirements`` as strings keeps
    working, and a newer one reads ``requirement.evidence`` and ``requirement.plan``.
    """

    fields: dict[str, str]

    def __new__(cls, record: dict[str, str]) -> PrintsAsFirstField:
        """The record's first field's text, carrying every field."""
        made = super().__new__(cls, next(iter(record.values()), ""))
        made.fields = dict(record)
        return made

    def __getattr__(self, name: str) -> str:
        try:
            return str(self.__dict__["fields"][name])
        except KeyError:
            raise AttributeError(name) from None


def _for_templates(question: Question, value: Answer) -> Answer:
    if question.kind != "group" or not any(f.kind == "group" for f in question.fields):
        return value
    # The records' group fields hold str (a PrintsAsFirstField) where the type says dict.
    return [  # type: ignore[return-value]
        {
            key: [PrintsAsFirstField(item) if isinstance(item, dict) else item for item in text]
            if isinstance(text, list)
            else text
            for key, text in entry.items()
        }
        if isinstance(entry, dict)
        else entry
        for entry in value
    ]


def build_brief(sheet: AnswerSheet) -> Brief:
    """What the brief, the document every render makes by default, shows."""
    from careerstory.questions.documents import document

    return build_document(sheet, document("brief"))
