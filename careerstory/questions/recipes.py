"""Recipes as data: text assembled from a person's answers, part by part.

A recipe is a list of parts. Each part names the answer it takes by ``role`` (bank.yaml),
how much of it it takes (``take``), and the pattern it says it in (``say``, ``{}``
standing for what was taken); a part that finds nothing is left out, or replaced by its
``otherwise`` part. The brief's recipes live in documents.yaml, the pitch's draft on the
pitch question in bank.yaml; :mod:`careerstory.answers.recipes` assembles them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

Take = Literal[
    "text",
    "first_sentence",
    "aim",
    "two_sentences",
    "phrases",
    "first_with_number",
    "role_phrase",
    "clause",
    "fixed",
    # The takes of a record's own fields (a person's, a job's), for the drafts of
    # careerstory/answers/drafts.py: a name as greeted, a note turned to its reader, a
    # question asked of them, a date, an organisation's name, a next step as promised,
    # a job's requirements answered with evidence, a gap with its plan.
    "greeting_name",
    "formal_name",
    "to_reader",
    "question",
    "date",
    "organisation",
    "promise",
    "requirements",
    "gap_plan",
]
# text: the whole answer; first_sentence: its first sentence; two_sentences: its first
# two; aim: the first sentence when it is a bare aim ("to train clinicians…", "in einem
# kleinen Unternehmen Projekte planen"), to follow "I want", else nothing; phrases: a list's items
# joined as a person lists them; first_with_number: the first sentence holding a digit
# (across the records' `field` for a group); role_phrase: a job as said after "I'm"
# ("a chemistry teacher"); clause: the first sentence made to follow "because"; fixed:
# reads no answer and says its ``say`` as it stands (the pitch's closing ask).
TAKES: tuple[Take, ...] = get_args(Take)


@dataclass(frozen=True)
class Part:
    """One part of a recipe: an answer, taken whole or in part, said in a pattern."""

    role: str
    take: Take
    say: str = "{}"
    field: str = ""  # for a group question: the field of its records that is read
    otherwise: Part | None = None  # said instead when this part finds nothing
    cut: bool = False  # may be cut to its first clause when the whole runs past its words
    spare: bool = False  # left out first when the whole runs past its words
    record: str = ""  # a draft's part reading the field of its own record (a person's, a job's), not a role
    # Said only when each named fact of the record is one of its values ({status: [talked]}).
    given: tuple[tuple[str, tuple[str, ...]], ...] = ()
    alone: bool = False  # a line of its own (a greeting, a sign-off), not joined to the sentences around it

    def applies(self, facts: dict[str, str]) -> bool:
        """Whether the record's facts are the ones this part is said for."""
        return all(facts.get(fact, "") in values for fact, values in self.given)


def parse_part(raw: dict[str, Any], owner: str) -> Part:
    """One part from its data; malformed data is a bug, so it raises plainly."""
    take = raw["take"]
    if take != "fixed" and "role" not in raw and "record" not in raw:
        raise ValueError(f"{owner}: a {take!r} part names the role or the record's field it reads")
    if take not in TAKES:
        raise ValueError(f"{owner}: unknown take {take!r}")
    otherwise = raw.get("otherwise")
    return Part(
        role=str(raw.get("role", "")),
        take=take,
        say=str(raw.get("say", "{}")),
        field=str(raw.get("field", "")),
        otherwise=parse_part(otherwise, owner) if otherwise is not None else None,
        cut=bool(raw.get("cut", False)),
        spare=bool(raw.get("spare", False)),
        record=str(raw.get("record", "")),
        given=tuple((str(fact), tuple(map(str, values))) for fact, values in raw.get("given", {}).items()),
        alone=bool(raw.get("alone", False)),
    )


def parse_recipe(raw: list[dict[str, Any]], owner: str) -> tuple[Part, ...]:
    """A recipe's parts from their data."""
    return tuple(parse_part(part, owner) for part in raw)


def roles(parts: tuple[Part, ...]) -> set[str]:
    """Every role a recipe reads, its fallbacks included."""
    found: set[str] = set()
    for part in parts:
        current: Part | None = part
        while current is not None:
            if current.take != "fixed" and not current.record:  # a fixed part reads no answer
                found.add(current.role)
            current = current.otherwise
    return found
