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
from typing import Any

from careerstory.questions.compiled import load_data
from careerstory.questions.recipes import TAKES, Part, Take, parse_recipe

__all__ = [
    "HEADER",
    "HIDDEN",
    "SECTION",
    "TAKES",
    "Document",
    "Kit",
    "Part",
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
class Kit:
    """A page per person to talk to: where the people are, and the words a coach adds."""

    role: str  # the group of people, by role
    name: str  # the field naming a person
    status: str  # the field holding where things stand
    own_question: str  # the field holding the person's own question for them
    not_yet: tuple[str, ...]  # statuses of people not contacted yet: they get a message to send
    order: tuple[str, ...]  # statuses in the order the summary lists them
    questions: tuple[str, ...]
    introduction: tuple[tuple[str, ...], ...]  # lines, each its patterns, first filled wins
    outreach: tuple[tuple[str, ...], ...]  # paragraphs, the same way


@dataclass(frozen=True)
class Standard:
    """A question every career changer is asked, and what of theirs answers it."""

    ask: str
    lean_on_role: str = ""  # an answer of the file, by role
    lean_on_field: str = ""  # or a field of the job
    story: str = ""  # "strongest": the story that answers most of the job's requirements


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
    for_jobs: tuple[str, ...] = ()  # made per job: without --target, for the jobs of these statuses
    dated_today: bool = False  # dated today (a letter), not the day the answers last changed
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
        for_jobs=tuple(map(str, raw.get("for_jobs", ()))),
        dated_today=str(raw.get("dated", "answers")) == "today",
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
            )
            for a in raw["asked"]
        ),
        panel=tuple(map(str, raw["panel"])),
    )


def _patterns(lines: list[list[str]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(p) for p in (line if isinstance(line, list) else [line])) for line in lines)


def _kit(raw: dict[str, Any]) -> Kit:
    return Kit(
        role=str(raw["role"]),
        name=str(raw["name"]),
        status=str(raw["status"]),
        own_question=str(raw["own_question"]),
        not_yet=tuple(map(str, raw["not_yet"])),
        order=tuple(map(str, raw["order"])),
        questions=tuple(map(str, raw["asks"])),
        introduction=_patterns(raw["introduction"]),
        outreach=_patterns(raw["outreach"]),
    )


def documents_from_data(raw: dict[str, Any]) -> tuple[Document, ...]:
    """Build the documents from their parsed data; malformed data is a bug, so it raises plainly."""
    documents = tuple(_document(d) for d in raw["documents"])
    ids = [d.id for d in documents]
    if len(ids) != len(set(ids)):
        raise ValueError("documents: ids must be unique")
    return documents


@cache
def default_documents() -> tuple[Document, ...]:
    """The documents shipped with careerstory."""
    return documents_from_data(load_data("documents.yaml"))


@cache
def targets_data() -> Targets:
    """Where the jobs a person goes for are kept, shared by every document."""
    raw = load_data("documents.yaml")["targets"]
    return Targets(str(raw["role"]), str(raw["name"]), str(raw["organisation"]), str(raw.get("status", "")))


@cache
def step_sources() -> tuple[StepSource, ...]:
    """The groups whose next steps every document may gather into one list."""
    return tuple(
        StepSource(str(s["role"]), str(s["about"]), str(s["step"]), str(s.get("date", "")), str(s.get("when", "{}")))
        for s in load_data("documents.yaml").get("next_steps", [])
    )


def document(doc_id: str) -> Document:
    """The shipped document named ``doc_id``."""
    for candidate in default_documents():
        if candidate.id == doc_id:
            return candidate
    raise KeyError(doc_id)
