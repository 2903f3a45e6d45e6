"""What a rule reads: one file's answers with their places, and what a rule says back."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from careerstory.answers.locating import Located
from careerstory.answers.model import AnswerSheet
from careerstory.questions import Bank

# `jobs[1].requirements[2]` is an item (a requirement's need, however it is written); its
# other fields (`jobs[1].requirements[2].evidence`, `.plan`) are the item's own.
_RECORD = re.compile(
    r"(?P<question>\w+)\[(?P<number>\d+)\](?:\.(?P<field>\w+))?(?:\[(?P<item>\d+)\](?:\.(?P<sub>\w+))?)?"
)


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
    question: str
    line: int
    column: int
    rule: str
    message: str

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

    question: str
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

    def answer(self, question_id: str) -> Located | None:
        """The located answer of a text or long question; None when left out or empty."""
        for located in self.answers:
            if located.question == question_id:
                return located if located.text.strip() else None
        return None

    def items(self, question_id: str) -> list[Located]:
        """The non-empty items of a list question, in order."""
        prefix = question_id + "["
        return [a for a in self.answers if a.question.startswith(prefix) and "." not in a.question and a.text.strip()]

    @cached_property
    def _records(self) -> dict[str, list[Record]]:
        records: dict[str, dict[int, Record]] = {}
        for located in self.answers:
            match = _RECORD.fullmatch(located.question)
            if not match or not match.group("field"):
                continue
            number = int(match.group("number"))
            record = records.setdefault(match.group("question"), {}).setdefault(
                number, Record(match.group("question"), number)
            )
            if match.group("item"):
                sub = match.group("sub")
                if sub:
                    record.item_fields.setdefault(match.group("field"), {}).setdefault(int(match.group("item")), {})[
                        sub
                    ] = located
                elif located.text.strip():
                    record.items.setdefault(match.group("field"), []).append(located)
            else:
                record.fields[match.group("field")] = located
        return {question: [by_number[n] for n in sorted(by_number)] for question, by_number in records.items()}

    def records(self, question_id: str) -> list[Record]:
        """The records of a group question that hold something."""
        return [
            record
            for record in self._records.get(question_id, [])
            if record.items or any(f.text.strip() for f in record.fields.values())
        ]
