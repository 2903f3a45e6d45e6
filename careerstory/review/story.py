"""What a rule reads: one file's answers with their places, and what a rule says back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from careerstory.answers.locating import Address, Located
from careerstory.answers.model import AnswerSheet
from careerstory.questions import Bank, Question


@dataclass(frozen=True)
class Finding:
    """What a rule found: the answer, where in its text (a character offset), and what to do."""

    answer: Located
    offset: int
    message: str


@dataclass(frozen=True)
class Note:
    """A coach's note on one answer, placed at its line and column in the file."""

    file: str
    block: str
    address: Address
    line: int
    column: int
    rule: str
    message: str

    @property
    def question(self) -> str:
        """The answer as a person names it (``people[2].learned``), as notes print it."""
        return str(self.address)

    def as_dict(self) -> dict[str, Any]:
        """The note for ``--json``."""
        return {
            "file": self.file,
            "block": self.block,
            "question": self.question,
            "line": self.line,
            "column": self.column,
            "rule": self.rule,
            "message": self.message,
        }


@dataclass
class Record:
    """One record of a group question (a person, a job), its fields by id."""

    question: str  # the question's id, as the answers sheet holds it
    role: str  # the question's role, as the rules ask for it
    number: int
    fields: dict[str, Located] = field(default_factory=dict)
    items: dict[str, list[Located]] = field(default_factory=dict)
    # An item's other fields, by field and item number (a requirement's evidence and plan).
    item_fields: dict[str, dict[int, dict[str, Located]]] = field(default_factory=dict)

    def text(self, field_id: str) -> str:
        """The field's text ("" when empty or left out)."""
        located = self.fields.get(field_id)
        return located.text.strip() if located else ""

    def at(self, *field_ids: str) -> Located:
        """The first of these fields the record has, else its first field: where a note points."""
        for field_id in field_ids:
            if field_id in self.fields:
                return self.fields[field_id]
            if self.items.get(field_id):
                return self.items[field_id][0]
        return next(iter(self.fields.values()), None) or next(iter(self.items.values()))[0]


@dataclass
class Story:
    """One valid file's answers as the rules read them."""

    path: Path
    bank: Bank
    language: str  # the base language of the answers: "en", "de"...
    answers: list[Located]
    today: date
    source: str = ""
    lifted: bool = False  # written in an older version and read as the current one
    sheet: AnswerSheet | None = None  # the answers as documents read them, for what careerstory drafts from them
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def english(self) -> bool:
        """True when the answers are in English."""
        return self.language == "en"

    def question(self, role: str) -> Question | None:
        """The bank's question that plays ``role``; None when no question does."""
        return next((q for q in self.bank.questions if q.role == role), None)

    def answer(self, role: str) -> Located | None:
        """The located answer of the text or long question playing ``role``; None when left out or empty."""
        for located in self.answers:
            if located.role == role and located.address.plain:
                return located if located.text.strip() else None
        return None

    def items(self, role: str) -> list[Located]:
        """The non-empty items of the list question playing ``role``, in order."""
        return [
            a
            for a in self.answers
            if a.role == role and a.address.record is None and a.address.item is not None and a.text.strip()
        ]

    @cached_property
    def _records(self) -> dict[str, list[Record]]:
        records: dict[str, dict[int, Record]] = {}
        for located in self.answers:
            address = located.address
            if not located.role or address.record is None or address.field is None:
                continue
            record = records.setdefault(located.role, {}).setdefault(
                address.record, Record(address.question, located.role, address.record)
            )
            if address.item is not None:
                if address.sub is not None:
                    record.item_fields.setdefault(address.field, {}).setdefault(address.item, {})[address.sub] = located
                elif located.text.strip():
                    record.items.setdefault(address.field, []).append(located)
            else:
                record.fields[address.field] = located
        return {role: [by_number[n] for n in sorted(by_number)] for role, by_number in records.items()}

    def records(self, role: str) -> list[Record]:
        """The records of the group question playing ``role`` that hold something."""
        return [
            record
            for record in self._records.get(role, [])
            if record.items or any(f.text.strip() for f in record.fields.values())
        ]
