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

__all__ = ["HEADER", "HIDDEN", "SECTION", "TAKES", "Document", "Part", "Take", "default_documents", "document"]

# Places the renderer lays out itself; every other place a document names is a plain
# run of answered questions.
HEADER = "header"
SECTION = "section"
HIDDEN = "hidden"


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


def document(doc_id: str) -> Document:
    """The shipped document named ``doc_id``."""
    for candidate in default_documents():
        if candidate.id == doc_id:
            return candidate
    raise KeyError(doc_id)
