"""The kinds of answer, one entry each in :data:`KINDS`.

An entry says what the kind holds (one text, short items, or records of fields), whether
it is written as a block and asked in the multi-line prompt, whether it picks one of its
choices, and where in the bank it may stand. Reading, saving, emitting, asking, the
schema and the documents ask the entry, never the kind's name, so a new kind is one entry
here (and, when it is asked in a new way, one widget in ``careerstory/ask/kinds.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Holds = Literal["text", "items", "records"]
Place = Literal["question", "field", "subfield"]  # a question, a record's field, a group field's own field


@dataclass(frozen=True)
class Kind:
    """One kind of answer."""

    name: str
    holds: Holds
    places: frozenset[Place]
    block: bool = False  # several lines: a `|` block in the file, the multi-line prompt, a draft laid out at words
    pick: bool = False  # one of the field's choices, chosen from a list

    @property
    def text(self) -> bool:
        """True when the answer is one piece of text."""
        return self.holds == "text"

    @property
    def items(self) -> bool:
        """True when the answer is a list of short items."""
        return self.holds == "items"

    @property
    def records(self) -> bool:
        """True when the answer is records of fields of its own (a group)."""
        return self.holds == "records"

    @property
    def line(self) -> bool:
        """True for text typed on one line (neither a block nor a choice): what names a record."""
        return self.text and not self.block and not self.pick

    def empty(self) -> str | list[str]:
        """The value of an answer of this kind that is left empty or left out."""
        return "" if self.text else []


_EVERYWHERE: frozenset[Place] = frozenset(("question", "field", "subfield"))
_NOT_IN_A_SUBFIELD: frozenset[Place] = frozenset(("question", "field"))

KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("text", "text", _EVERYWHERE),
        Kind("long", "text", _EVERYWHERE, block=True),
        Kind("choice", "text", frozenset(("field",)), pick=True),
        Kind("list", "items", _NOT_IN_A_SUBFIELD),
        Kind("group", "records", _NOT_IN_A_SUBFIELD),
    )
}


def kinds_at(place: Place) -> tuple[str, ...]:
    """The names of the kinds that may stand at ``place``, in the table's order."""
    return tuple(name for name, kind in KINDS.items() if place in kind.places)
