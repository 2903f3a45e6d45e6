"""The jobs a person goes for, as ``render --target`` names them: slugs and selection.

A target's slug names its files (``careerstory-pitch-learning-designer.pdf``): the
role, ASCII-folded and lower-cased, its words joined by ``-``, cut after about 56
characters; two targets with the same role add the organisation, then ``-2``; a role
with nothing left is ``target-N`` (N its place in the list, counted from 1). A slug that
would start with a document's word (``pitch``, ``conversations``) starts with ``job-``:
the brief of a job "Pitch Designer" is then ``careerstory-job-pitch-designer.md``, never
the pitch of a job "Designer", and every output of a run has a name of its own. Which group holds the targets is data
(``documents.yaml``), so nothing here knows a question by its id.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from careerstory import _
from careerstory.answers import AnswerSheet
from careerstory.answers.model import GroupEntry, field_text
from careerstory.errors import Problem, UserError
from careerstory.questions.documents import targets_data
from careerstory.render.request import ALL

# A slug's length at most (before "job-" and "-2"), so that a long role still makes a file name.
MAX_SLUG = 56
JOB_PREFIX = "job"


@dataclass(frozen=True)
class Target:
    """One job a person goes for, as a render is tailored to it."""

    index: int  # its place among the records, from 0
    slug: str
    name: str  # the role, as typed
    organisation: str
    entry: GroupEntry


def slugify(text: str) -> str:
    """``Learning Experience Designer (Kestrel)`` -> ``learning-experience-designer-kestrel``."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return "-".join(re.findall(r"[a-z0-9]+", folded))


def document_words() -> tuple[str, ...]:
    """What each document adds to the answers file's stem (``pitch``, ``conversations``), as slugs."""
    from careerstory.questions.documents import default_documents

    words = (slugify(doc.file_name.replace("{stem}", "")) for doc in default_documents())
    return tuple(word for word in words if word)


def _capped(slug: str, most: int = MAX_SLUG) -> str:
    """``slug`` cut to ``most`` characters at a word's end where one is near (a file name has a limit)."""
    if len(slug) <= most:
        return slug
    cut = slug[:most]
    return cut.rsplit("-", 1)[0] if "-" in cut[most // 2 :] else cut


def _unreserved(slug: str, words: tuple[str, ...]) -> str:
    # A slug that starts with a document's word would make the brief's file name of one
    # job the pitch's of another ("Pitch Designer" / "Designer"), or a general document's
    # ("Pitch"): such a slug starts with "job-" instead, so that every name is one output's.
    return f"{JOB_PREFIX}-{slug}" if any(slug == w or slug.startswith(w + "-") for w in words) else slug


def slugs(names: list[str], organisations: list[str], words: tuple[str, ...] | None = None) -> list[str]:
    """Each target's slug, unique within the file, by the rules of the module's docstring."""
    words = document_words() if words is None else words
    base = [_unreserved(_capped(slugify(name)), words) or f"target-{n}" for n, name in enumerate(names, 1)]
    made: list[str] = []
    for n, slug in enumerate(base):
        if base.count(slug) > 1 and slugify(organisations[n]):
            slug = _capped(f"{slug}-{slugify(organisations[n])}", MAX_SLUG + len(JOB_PREFIX) + 1)
        unique, count = slug, 2
        while unique in made:
            unique, count = f"{slug}-{count}", count + 1
        made.append(unique)
    return made


def targets_of(sheet: AnswerSheet) -> list[Target]:
    """Every target of the file that has a role (a target without one is open and cannot be chosen)."""
    where = targets_data()
    question = next((q for q in sheet.bank.questions if q.role == where.role), None)
    if question is None:
        return []
    entries = [e for e in sheet.entries(question.id) if field_text(e, where.name).strip()]
    names = [field_text(e, where.name).strip() for e in entries]
    organisations = [field_text(e, where.organisation).strip() for e in entries]
    return [
        Target(n, slug, names[n], organisations[n], entries[n]) for n, slug in enumerate(slugs(names, organisations))
    ]


def select(sheet: AnswerSheet, wanted: tuple[str, ...]) -> list[Target | None]:
    """The targets ``--target`` names in this file; ``[None]`` (the general documents) when none is asked.

    A name matches a role (case and spaces aside) or a slug; ``all`` is every target. A
    file with no targets and ``all`` gives the general documents, and the caller says so.
    A name that matches nothing is a :class:`UserError` listing the file's targets.
    """
    if not wanted:
        return [None]
    found = targets_of(sheet)
    chosen: list[Target] = []
    for name in wanted:
        if name.strip().casefold() == ALL:
            chosen.extend(found)
            continue
        key = " ".join(name.split()).casefold()
        matches = [t for t in found if " ".join(t.name.split()).casefold() == key or t.slug == slugify(name)]
        if not matches:
            listed = ", ".join(f"{t.name} ({t.slug})" for t in found) or _("none yet")
            raise UserError(
                Problem(
                    _("no target {name!r} in this file; its targets: {listed}").format(name=name, listed=listed),
                    _("Name one by its role or its slug, or use --target all."),
                    sheet.path,
                )
            )
        chosen.extend(matches)
    unique = list({t.index: t for t in chosen}.values())
    return list(unique) if unique else [None]
