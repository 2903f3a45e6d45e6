"""What each document is made of, as data: ``documents.yaml`` loaded into frozen records.

A document names its templates, the places a question may take on its page, what it
calls itself and the recipes it assembles from answers. Documents address questions
by role (``bank.yaml``), never by id, so a question renamed in the bank keeps its
place in every document. The format is described at the top of ``documents.yaml``.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from careerstory.questions.compiled import load_data
from careerstory.questions.recipes import TAKES, Part, Take, parse_recipe

if TYPE_CHECKING:
    from careerstory.questions import Bank

__all__ = [
    "HEADER",
    "HIDDEN",
    "SECTION",
    "TAKES",
    "Document",
    "Kit",
    "KitQuestion",
    "Part",
    "PersonKind",
    "Prepare",
    "Standard",
    "StepSource",
    "Take",
    "Targets",
    "default_documents",
    "document",
    "step_sources",
    "targets_data",
]

# Places the renderer lays out itself; every other place a document names is a plain
# run of answered questions.
HEADER = "header"
SECTION = "section"
HIDDEN = "hidden"


@dataclass(frozen=True)
class KitQuestion:
    """A question a coach adds to a first conversation, and whom it suits."""

    ask: str
    suits: tuple[str, ...]  # the kinds of person it suits
    repeats: tuple[tuple[str, tuple[str, ...]], ...]  # language -> words showing a question already asks it

    def repeated_by(self, question: str, language: str) -> bool:
        """True when the person's own ``question`` already asks this, in ``language`` or English."""
        return contains_any(question, words_for(self.repeats, language))


@dataclass(frozen=True)
class PersonKind:
    """A kind of person to talk to (a recruiter, an adviser), known by words in what they do."""

    id: str
    words: tuple[tuple[str, tuple[str, ...]], ...]  # language -> words


@dataclass(frozen=True)
class Kit:
    """A page per person to talk to: where the people are, what each status calls for, the questions a coach adds."""

    role: str  # the group of people, by role
    name: str  # the field naming a person
    status: str  # the field holding where things stand
    own_question: str  # the field holding the person's own question for them
    order: tuple[str, ...]  # statuses in the order the summary lists them
    stages: tuple[tuple[str, str], ...]  # status -> first, nudge or after
    nudge_after_days: int
    parts: tuple[tuple[str, str], ...]  # part of the page -> field id
    kinds: tuple[PersonKind, ...]
    questions: tuple[KitQuestion, ...]
    most_questions: int

    def stage(self, status: str) -> str:
        """What a status calls for: ``first`` (also for no status yet), ``nudge`` or ``after``."""
        return dict(self.stages).get(status, "first")

    def field(self, part: str) -> str:
        """The field id holding a part of a person's page (``due``, ``message``)."""
        return dict(self.parts).get(part, part)

    def kind_of(self, texts: tuple[str, ...], language: str) -> str:
        """The kind of person whose words appear in ``texts``; ``insider`` when none does."""
        for kind in self.kinds:
            if any(contains_any(text, words_for(kind.words, language)) for text in texts):
                return kind.id
        return "insider"

    def questions_for(self, kind: str, own: str, language: str) -> tuple[str, ...]:
        """At most ``most_questions`` questions suiting ``kind``, none asking what ``own`` asks (untranslated)."""
        fit = [q.ask for q in self.questions if kind in q.suits and not (own and q.repeated_by(own, language))]
        return tuple(fit[: self.most_questions])


def words_for(words: tuple[tuple[str, tuple[str, ...]], ...], language: str) -> tuple[str, ...]:
    """The words of ``language`` (its base: ``de-AT`` is ``de``) and English."""
    base = (language.split("-", 1)[0] or "en").lower()
    by_language = dict(words)
    return (*by_language.get(base, ()), *(by_language.get("en", ()) if base != "en" else ()))


def contains_any(text: str, words: tuple[str, ...]) -> bool:
    """True when any of ``words`` appears in ``text`` (lower case, padded with spaces so " hr " is a word)."""
    padded = f" {' '.join(text.lower().split())} "
    return any(word in padded for word in words)


@dataclass(frozen=True)
class Standard:
    """A question every career changer is asked, and what of theirs answers it."""

    ask: str
    lean_on_role: str = ""  # an answer of the file, by role
    lean_on_field: str = ""  # or a field of the job
    story: str = ""  # "strongest": the story that answers most of the job's requirements
    hint: str = ""  # a coach's word on how to say it to a panel


@dataclass(frozen=True)
class Prepare:
    """An interview sheet: where a job's requirements, the stories and the lessons are kept."""

    requirements: str  # the job's group field of requirements
    need: str
    evidence: str
    plan: str
    stories: str  # the group of stories, by role
    story_name: str
    shows: str  # a story's list field naming what it proves
    objections: str  # the job's field: one objection a paragraph
    lessons: str  # the job's field holding what an application taught
    lesson_statuses: tuple[str, ...]  # the statuses of applications that are over
    ask_about_requirement: str
    asked: tuple[Standard, ...]
    panel: tuple[str, ...]


@dataclass(frozen=True)
class Targets:
    """The group holding the jobs a person goes for, and the fields that name each one."""

    role: str
    name: str
    organisation: str
    status: str = ""


@dataclass(frozen=True)
class StepSource:
    """A group whose records carry next steps, gathered into one list."""

    role: str
    about: str
    step: str
    date: str = ""
    when: str = "{}"
    due: str = ""  # the field saying when the step falls due, a date as typed
    detail: str = ""  # a field telling two records of one name apart (a job's organisation)


@dataclass(frozen=True)
class Document:
    """One document careerstory renders from the answers."""

    id: str
    file_name: str  # the output's name without suffix, {stem} standing for the answers file's
    templates: tuple[tuple[str, str], ...]  # (format, template file), in the order given
    stylesheet: str
    places: tuple[str, ...]
    default_place: str
    title: tuple[str, ...]
    subject: tuple[str, ...]
    recipes: tuple[tuple[str, tuple[Part, ...]], ...]
    shows_private: bool = False
    pages: int = 0  # the pages the PDF is designed to fit; 0: as many as it takes
    tailored_pages: int = 0  # the same when tailored to a target
    limits: tuple[tuple[str, int], ...] = ()  # role -> the records or items the design shows at most
    kit: Kit | None = None
    reads: tuple[str, ...] = ()  # roles a one-page design prints from doc.roles, besides its places
    forward: str = ""  # the role of the note a mentor forwards, shown as the person's or as careerstory's draft
    # Dated today, and today in its fingerprint (a letter to send, a kit judging due dates),
    # not dated the day the answers last changed.
    dated_today: bool = False
    for_jobs: tuple[str, ...] = ()  # made per job: without --target, for the jobs of these statuses
    drafted: tuple[str, ...] = ()  # the job's fields careerstory drafts while they are open
    sent_from: str = ""  # the role of the answer whose place heads the date line
    prepare: Prepare | None = None

    @property
    def per_job(self) -> bool:
        """True for a document made for one job at a time (an interview sheet, a letter)."""
        return bool(self.for_jobs)

    def template(self, fmt: str) -> str:
        """The template file that makes this document in ``fmt``."""
        return dict(self.templates)[fmt]


def pattern_roles(pattern: str) -> list[str]:
    """The ``{role}`` names a title or subject pattern fills in."""
    return [name for _, name, _, _ in string.Formatter().parse(pattern) if name]


def _document(raw: dict[str, Any]) -> Document:
    doc_id = str(raw["id"])
    places = tuple(str(p) for p in raw["places"])
    default = str(raw["default_place"])
    if default not in (*places, HIDDEN):
        raise ValueError(f"documents: {doc_id}: default_place {default!r} is not one of its places")
    recipes = [
        (str(name), parse_recipe(parts, f"documents: {doc_id}: recipe {name}"))
        for name, parts in raw.get("recipes", {}).items()
    ]
    private = str(raw.get("private", "hide"))
    if private not in ("show", "hide"):
        raise ValueError(f"documents: {doc_id}: private is show or hide, not {private!r}")
    kit = raw.get("kit")
    return Document(
        id=doc_id,
        file_name=str(raw["file_name"]),
        templates=tuple((str(fmt), str(name)) for fmt, name in raw["templates"].items()),
        stylesheet=str(raw["stylesheet"]),
        places=places,
        default_place=default,
        title=tuple(map(str, raw["title"])),
        subject=tuple(map(str, raw["subject"])),
        recipes=tuple(recipes),
        shows_private=private == "show",
        pages=int(raw.get("pages", 0)),
        tailored_pages=int(raw.get("tailored_pages", raw.get("pages", 0))),
        limits=tuple((str(k), int(v)) for k, v in raw.get("limits", {}).items()),
        kit=_kit(kit) if kit else None,
        reads=tuple(map(str, raw.get("reads", []))),
        forward=str(raw.get("forward", "")),
        dated_today=str(raw.get("dated", "")) == "today",
        for_jobs=tuple(map(str, raw.get("for_jobs", ()))),
        drafted=tuple(map(str, raw.get("drafted", ()))),
        sent_from=str(raw.get("sent_from", "")),
        prepare=_prepare(raw["prepare"]) if "prepare" in raw else None,
    )


def _prepare(raw: dict[str, Any]) -> Prepare:
    requirements, stories, lessons = raw["requirements"], raw["stories"], raw["lessons"]
    return Prepare(
        requirements=str(requirements["field"]),
        need=str(requirements["need"]),
        evidence=str(requirements["evidence"]),
        plan=str(requirements["plan"]),
        stories=str(stories["role"]),
        story_name=str(stories["name"]),
        shows=str(stories["shows"]),
        objections=str(raw["objections"]),
        lessons=str(lessons["field"]),
        lesson_statuses=tuple(map(str, lessons["statuses"])),
        ask_about_requirement=str(raw["ask_about_requirement"]),
        asked=tuple(
            Standard(
                ask=str(a["ask"]),
                lean_on_role=str(a.get("lean_on", {}).get("role", "")),
                lean_on_field=str(a.get("lean_on", {}).get("field", "")),
                story=str(a.get("story", "")),
                hint=str(a.get("hint", "")),
            )
            for a in raw["asked"]
        ),
        panel=tuple(map(str, raw["panel"])),
    )


def _by_language(raw: dict[str, Any]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((str(lang), tuple(str(w).lower() for w in words)) for lang, words in raw.items())


def _kit(raw: dict[str, Any]) -> Kit:
    return Kit(
        role=str(raw["role"]),
        name=str(raw["name"]),
        status=str(raw["status"]),
        own_question=str(raw["own_question"]),
        order=tuple(map(str, raw["order"])),
        stages=tuple((str(k), str(v)) for k, v in raw["stages"].items()),
        nudge_after_days=int(raw["nudge_after_days"]),
        parts=tuple((str(k), str(v)) for k, v in raw["parts"].items()),
        kinds=tuple(PersonKind(str(k["id"]), _by_language(k["words"])) for k in raw["kinds"]),
        questions=tuple(
            KitQuestion(str(q["ask"]), tuple(map(str, q["suits"])), _by_language(q.get("repeats", {})))
            for q in raw["questions"]
        ),
        most_questions=int(raw["most_questions"]),
    )


def documents_from_data(raw: dict[str, Any]) -> tuple[Document, ...]:
    """Build the documents from their parsed data; malformed data is a bug, so it raises plainly."""
    documents = tuple(_document(d) for d in raw["documents"])
    ids = [d.id for d in documents]
    if len(ids) != len(set(ids)):
        raise ValueError("documents: ids must be unique")
    return documents


def check_places(bank: Bank, documents: tuple[Document, ...]) -> None:
    """Refuse, as the bug it is, a bank that shows a question where a document has no such place.

    A header prints its answers by role, so a question or a record's field shown there
    needs one. Checked when the documents are loaded (and for any other bank when a
    render starts), so that building a document never has to.
    """
    for doc in documents:
        for question in bank.questions:
            place = question.place(doc.id, doc.default_place)
            if place not in (*doc.places, HIDDEN):
                raise ValueError(f"bank: {question.id} shows at {place!r}, not a place of the {doc.id}")
            if place == HEADER and not question.role:
                raise ValueError(f"bank: {question.id} shows in the {doc.id}'s header but has no role")
            for group_field in question.fields:
                if group_field.place(doc.id) == HEADER and not group_field.role:
                    raise ValueError(f"bank: {question.id}.{group_field.id} shows in the header but has no role")


@cache
def default_documents() -> tuple[Document, ...]:
    """The documents shipped with careerstory, checked against the shipped bank."""
    from careerstory.questions import default_bank

    documents = documents_from_data(load_data("documents.yaml"))
    check_places(default_bank(), documents)
    return documents


@cache
def targets_data() -> Targets:
    """Where the jobs a person goes for are kept, shared by every document."""
    raw = load_data("documents.yaml")["targets"]
    return Targets(str(raw["role"]), str(raw["name"]), str(raw["organisation"]), str(raw.get("status", "")))


@cache
def step_sources() -> tuple[StepSource, ...]:
    """The groups whose next steps every document may gather into one list."""
    return tuple(
        StepSource(
            str(s["role"]),
            str(s["about"]),
            str(s["step"]),
            str(s.get("date", "")),
            str(s.get("when", "{}")),
            str(s.get("due", "")),
            str(s.get("detail", "")),
        )
        for s in load_data("documents.yaml").get("next_steps", [])
    )


def document(doc_id: str) -> Document:
    """The shipped document named ``doc_id``."""
    for candidate in default_documents():
        if candidate.id == doc_id:
            return candidate
    raise KeyError(doc_id)
