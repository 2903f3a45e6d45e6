"""What a document says, worked out from validated answers before any template sees them.

Templates only lay out a :class:`DocumentView`: which answers appear, where, under which
heading, and the recipes assembled from the person's own words are decided here, once
for every format, from data alone: the bank says where each question shows and how
it is headed, ``documents.yaml`` what each document is made of. No question is known
here by its id.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from careerstory import _, clock
from careerstory.answers import AnswerSheet, drafts
from careerstory.answers.model import Answer, FieldValue, field_items, field_text
from careerstory.answers.notes import has_note, sheet_without_notes, without_notes
from careerstory.answers.recipes import recipe
from careerstory.clock import source_moment
from careerstory.i18n import date_line, format_date, parse_language
from careerstory.i18n.dates import read_date, read_day_near
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
from careerstory.render.text import balance_direction, fence_for, reflowed


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
    due: str = ""  # when it falls due: a date in the document's language, or as typed when unreadable
    overdue: bool = False  # due before the day the document is dated


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
    """One person to talk to, and what their status calls for, as the conversation kit prepares it."""

    name: str  # as typed, or a kind stand-in when it is open
    fields: dict[str, str]  # field id -> text (notes to self taken out)
    status: str
    stage: str  # first (a conversation ahead), nudge (written to, no reply yet) or after (talked)
    kind: str  # insider, changer, recruiter or adviser: whom the standard questions suit
    questions: tuple[str, ...]  # their own question first, then at most three that suit them; none after a talk
    message: str  # the message to send now: theirs, or careerstory's draft ("" when there is nothing to draft from)
    message_is_draft: bool
    fence: str  # a Markdown fence longer than any backtick run of the message
    nudge_on: str = ""  # contacted: the day a friendly nudge is fine, in the document's language
    nudge_now: bool = False  # that day has come
    due: str = ""  # the next step's due date, in the document's language (as typed when unreadable)
    overdue: bool = False  # due before today
    contacted_on: str = ""  # the day they were written to, in the document's language (as typed when unreadable)

    @property
    def not_yet(self) -> bool:
        """Not contacted yet (templates written before version 3 ask this)."""
        return self.stage == "first"

    @property
    def outreach(self) -> str:
        """The first message, for templates written before version 3 (empty once contacted)."""
        return self.message if self.stage == "first" else ""

    @property
    def introduction(self) -> str:
        """Templates written before version 3 printed a drawn introduction; the message now says it."""
        return ""


@dataclass(frozen=True)
class Forward:
    """The note a mentor forwards: the person's own, or careerstory's draft of it."""

    text: str
    draft: bool


@dataclass(frozen=True)
class DocumentView:
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
    today: dt.date = dt.date.min  # the day due dates are judged by (clock.today)
    forward: Forward | None = None  # the note to forward, when the document has one and there is text
    # What keeps it a draft (an open required answer, a note to self, its main text careerstory's),
    # one line each, for standard error.
    draft_reasons: tuple[str, ...] = ()
    # Texts it prints as careerstory's drafts, each marked where it stands, that leave the rest
    # the person's own (the note to forward, a message in the kit): said on standard error too.
    drafted_in_place: tuple[str, ...] = ()
    drafted: dict[str, JobText] = field(default_factory=dict)  # a job's text -> the person's own, or the draft
    preparation: Preparation | None = None  # an interview sheet's grid, questions, stories and lessons
    date_line: str = ""  # a letter's: "Berlin, 2. Dezember 2026"

    @property
    def draft(self) -> bool:
        """True while the document is a draft: say so on its first page and in its title."""
        return bool(self.draft_reasons)

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
    if question.shape.text:
        return Item(question.id, question.role, heading, question.kind, text=sheet.text(question.id).strip())
    if question.shape.items:
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


def _noted(sheet: AnswerSheet, document: Document, target: Target | None) -> list[str]:
    """Where an answer this document shows holds a note to self: ``why_change``, ``people[2].learned``."""
    found = []
    for question in sheet.bank.questions:
        if not _shows(document, question, target):
            continue
        value = sheet[question.id]
        if isinstance(value, str):
            if has_note(value):
                found.append(question.id)
            continue
        for n, entry in enumerate(value, start=1):
            if isinstance(entry, str):
                if has_note(entry):
                    found.append(question.id)
                continue
            if not isinstance(entry, dict):
                continue
            for field_id, text in entry.items():
                if not _shows_field(document, question, field_id, target):
                    continue
                texts = [text] if isinstance(text, str) else [t for t in text if isinstance(t, str)]
                if isinstance(text, list):
                    texts += [t for item in text if isinstance(item, dict) for t in item.values()]
                if any(has_note(t) for t in texts):
                    found.append(f"{question.id}[{n}].{field_id}")
    return found


def _shows(document: Document, question: Question, target: Target | None) -> bool:
    """True when ``document`` prints (some of) ``question``'s answer."""
    return (
        question.place(document.id, document.default_place) != HIDDEN
        or question.role in document.reads
        or (document.kit is not None and question.role == document.kit.role)
        or (bool(document.forward) and question.role == document.forward)
        or (target is not None and question.role == targets_data().role)
    )


def _shows_field(document: Document, question: Question, field_id: str, target: Target | None) -> bool:
    if (document.kit is not None and question.role == document.kit.role) or (
        target is not None and question.role == targets_data().role
    ):
        return True
    try:
        return question.field(field_id).place(document.id) != HIDDEN
    except KeyError:
        return False


def _draft_reasons(sheet: AnswerSheet, document: Document, target: Target | None) -> tuple[str, ...]:
    """What keeps ``document`` a draft, one line each, for the person (standard error), in their language."""
    reasons = []
    required = [q.id for q in sheet.open_questions(required_only=True) if _shows(document, q, target)]
    if required:
        reasons.append(_("required answers still open: {ids}").format(ids=", ".join(required)))
    noted = _noted(sheet, document, target)
    if noted:
        reasons.append(_("a note to yourself (left out of the page) in: {where}").format(where=", ".join(noted)))
    return tuple(reasons)


def _drafted_in_place(forward: Forward | None, people: tuple[Person, ...]) -> tuple[str, ...]:
    """The texts printed as careerstory's drafts, marked where they stand, for standard error."""
    said = []
    if forward is not None and forward.draft:
        said.append(_("the note to forward is careerstory's draft, marked as one: make it yours in the answers file"))
    drafted = [p.name for p in people if p.message_is_draft]
    if drafted:
        said.append(_("the message to {names} is careerstory's draft, marked as one").format(names=", ".join(drafted)))
    return tuple(said)


def _forward(sheet: AnswerSheet, document: Document) -> Forward | None:
    if document.forward != "intro":
        return None
    said = drafts.intro(sheet)
    text = without_notes(said.text).strip()
    return Forward(text, said.draft) if text else None


def document_moment(sheet: AnswerSheet, document: Document) -> dt.datetime:
    """The moment a document is dated: today's start for one judged by today, else :func:`brief_moment`."""
    if document.dated_today:
        return dt.datetime.combine(clock.today(), dt.time(), dt.UTC)
    return brief_moment(sheet.path)


def _without_private(sheet: AnswerSheet) -> tuple[AnswerSheet, bool]:
    """The answers with every private one emptied, and whether there was any to empty."""
    values = dict(sheet.values)
    removed = False
    for question in sheet.bank.questions:
        if question.private:
            removed = removed or sheet.answered(question)
            values[question.id] = question.shape.empty()
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
    return next((q for q in sheet.bank.questions if q.role == role and q.shape.records), None)


def _due(typed: str, sheet: AnswerSheet, today: dt.date) -> tuple[str, bool]:
    """A due date as the document prints it (the file's language; as typed when unreadable), and whether it is past."""
    if not typed:
        return "", False
    day = read_day_near(typed, sheet.language, today)  # a day with no year: the one nearest today, as steps reads it
    if day is None:
        return typed, False
    return format_date(day), day < today


def _next_steps(sheet: AnswerSheet, today: dt.date) -> tuple[NextStep, ...]:
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
            due, overdue = _due(field_text(entry, source.due).strip() if source.due else "", sheet, today)
            steps.append(NextStep(about, step, _(source.when).format(date) if date else "", due, overdue))
    return tuple(steps)


def _people(sheet: AnswerSheet, kit: Kit, today: dt.date) -> tuple[Person, ...]:
    question = _group(sheet, kit.role)
    if question is None:
        return ()
    people = []
    drafted_from = drafts.drafting_sheet(sheet)  # notes to self taken out once, not once a person
    for entry in sheet.entries(question.id):
        fields = _row(question, entry)
        status = fields.get(kit.status, "")
        stage = kit.stage(status)
        own = fields.get(kit.own_question, "")
        said = (fields.get(kit.field("works_as"), ""), fields.get(kit.field("connection"), ""))
        kind = kit.kind_of(said, sheet.language)
        questions = () if stage == "after" else (own, *map(_, kit.questions_for(kind, own, sheet.language)))
        message = drafts.person_message(drafted_from, entry, today)
        # As it is to be copied into an email: wrapped lines joined, a salutation's break kept.
        text = reflowed(without_notes(message.text).strip())
        nudge_on, nudge_now = "", False
        contacted = read_date(fields.get(kit.field("contacted_on"), ""), sheet.language)
        if stage == "nudge" and contacted is not None:
            nudge_day = contacted + dt.timedelta(days=kit.nudge_after_days)
            nudge_on, nudge_now = format_date(nudge_day), nudge_day <= today
        due, overdue = _due(fields.get(kit.field("due"), ""), sheet, today)
        people.append(
            Person(
                name=fields.get(kit.name, "") or _("Someone on your list (no name yet)"),
                fields=fields,
                status=status,
                stage=stage,
                kind=kind,
                questions=tuple(q for q in questions if q),
                message=text,
                message_is_draft=message.draft and bool(text),
                fence=fence_for(text),
                nudge_on=nudge_on,
                nudge_now=nudge_now,
                due=due,
                overdue=overdue,
                contacted_on=format_date(contacted) if contacted else fields.get(kit.field("contacted_on"), ""),
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
            if (f.holds_items and lists[f.id]) or (f.shape.block and fields[f.id])
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
) -> DocumentView:
    """Turn validated answers into what ``document`` shows, tailored to ``target`` when given.

    Private answers (bank.yaml) are left out unless the document is for the person alone
    or ``share_private`` says they chose to share them. Where each question shows was
    checked against the documents when they were loaded.
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
    today = clock.today()
    forward = _forward(sheet, document)
    people = _people(sheet_without_notes(kit_sheet), document.kit, today) if document.kit else ()
    reasons = _draft_reasons(sheet, document, target)  # with its notes to self, to say where they were
    sheet = sheet_without_notes(sheet)
    header, places, sections = _placed(sheet, document, target is not None)
    # Titles may name any answered text by its role, wherever it shows.
    texts = {q.role: sheet.text(q.id).strip() for q in sheet.bank.questions if q.role and q.shape.text}
    moment = document_moment(sheet, document)
    view = _target_view(sheet, target) if target is not None else None
    texts_for_job, preparation = _for_the_job(sheet, document, target, moment.date())
    if view is not None:
        header[targets_data().name if targets_data().name in header else "target_role"] = view.role
        header["target_role"] = view.role
        header["organisation"] = view.organisation
    texts.update(header)
    roles, more = _roles(sheet, document)
    title = _first_filled(document.title, texts)
    reasons += _still_drafted(sheet, texts_for_job)
    return DocumentView(
        id=document.id,
        header=header,
        places=places,
        recipes={name: recipe(sheet, parts) for name, parts in document.recipes},
        title=_("Draft: {title}").format(title=title) if reasons else title,
        subject=_first_filled(document.subject, texts),
        moment=moment,
        sections=sections,
        open_questions=open_questions,
        answers={q.id: _for_templates(q, sheet[q.id]) for q in sheet.bank.questions},
        language=parse_language(sheet.language).tag if sheet.language else "en",
        roles=roles,
        target=view,
        next_steps=_next_steps(sheet, today),
        people=people,
        private_left_out=private_left_out,
        left_for_the_brief=more,
        today=today,
        forward=forward,
        draft_reasons=reasons,
        drafted_in_place=_drafted_in_place(forward, people),
        drafted=texts_for_job,
        preparation=preparation,
        date_line=date_line(moment.date(), place_of(texts.get(document.sent_from, ""))) if document.sent_from else "",
    )


def _placed(
    sheet: AnswerSheet, document: Document, tailored: bool
) -> tuple[dict[str, str], dict[str, tuple[Item, ...]], tuple[Section, ...]]:
    """The header's texts by role, each other place's items, and the sections, block by block."""
    header: dict[str, str] = {}
    places: dict[str, list[Item]] = {place: [] for place in document.places if place not in (HEADER, SECTION)}
    sections = []
    for block in sheet.bank.blocks:
        items: list[Item] = []
        for question in block.questions:
            place = question.place(document.id, document.default_place)
            for group_field in question.fields:
                if group_field.place(document.id) == HEADER:
                    # A record's field in the header names the first record that has it (the
                    # brief's aim: the first target job's role); it stays a column of the table.
                    header[group_field.role] = _first_field_text(sheet, question, group_field.id)
            if place == HEADER:
                header[question.role] = sheet.text(question.id).strip()
            elif place != HIDDEN and sheet.answered(question):
                item = _item(sheet, question, document)
                if tailored and question.role == targets_data().role:
                    # The tailored part shows this target's own details; the board keeps the others' apart.
                    item = Item(item.id, item.role, item.heading, item.kind, columns=item.columns, rows=item.rows)
                (items if place == SECTION else places[place]).append(item)
        if items:
            sections.append(Section(block.id, _(block.heading or block.title), tuple(items)))
    return header, {place: tuple(items) for place, items in places.items()}, tuple(sections)


def _for_the_job(
    sheet: AnswerSheet, document: Document, target: Target | None, day: dt.date
) -> tuple[dict[str, JobText], Preparation | None]:
    """A tailored document's texts for its job (the person's own, or drafts) and its preparation."""
    if target is None:
        return {}, None
    # What careerstory drafts is read by others (a letter, an answer said aloud): it is
    # drafted from the shared answers only, whatever this document shows.
    shared, _left_out = _without_private(sheet)
    texts = drafted(shared, _job_entry(shared, target), document.drafted, day)
    if document.prepare is None:
        return texts, None
    # The job's record as this document may show it (private fields emptied where it must).
    return texts, prepare_for(sheet, _job_entry(sheet, target), target.index, document.prepare)


def _roles(sheet: AnswerSheet, document: Document) -> tuple[dict[str, Item | None], dict[str, int]]:
    """Every question with a role, its item or None while open, bounded as the document says; and what was cut."""
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
    return roles, more


def _still_drafted(sheet: AnswerSheet, texts: dict[str, JobText]) -> tuple[str, ...]:
    """The document's main text (a letter, an answer to say aloud) still careerstory's: a draft too."""
    jobs = _group(sheet, targets_data().role)
    return tuple(
        _("“{text}” is careerstory's draft (`careerstory ask {file} --block targets` makes it yours)").format(
            text=_(jobs.field(name).label) if jobs else name, file=sheet.path or "careerstory.yaml"
        )
        for name, text in texts.items()
        if text.draft
    )


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
    if not question.shape.records or not any(f.shape.records for f in question.fields):
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


def build_brief(sheet: AnswerSheet) -> DocumentView:
    """What the brief, the document every render makes by default, shows."""
    from careerstory.questions.documents import document

    return build_document(sheet, document("brief"))
