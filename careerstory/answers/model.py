"""What an answer is, and when a question counts as answered."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from careerstory import _
from careerstory.errors import Problem, UserError
from careerstory.questions import Bank, Block, Field, Question

# A record's list field (a story's `shows`) holds items, its group field (a job's
# requirements) records of text fields, the first naming each; every other field text.
SubRecord = dict[str, str]
FieldValue = str | list[str] | list[SubRecord]
GroupEntry = dict[str, FieldValue]
# text and long answers are str, list answers list[str], group answers list[GroupEntry].
Answer = str | list[str] | list[GroupEntry]


class Unstorable(UserError):
    """An answer holds what the file cannot keep exactly; typing it again fixes it."""


def empty_answer(question: Question) -> Answer:
    """The value of an unanswered question."""
    return question.shape.empty()


def empty_field(field: Field) -> FieldValue:
    """The value of a record's field left empty or left out."""
    return [] if field.holds_items else ""


def empty_subrecord(field: Field) -> SubRecord:
    """A group field's record with every one of its fields empty."""
    return {sub.id: "" for sub in field.fields}


def record_label(item: str | SubRecord) -> str:
    """The text an item of a list or group field prints as: itself, or a record's first field (its need)."""
    if isinstance(item, str):
        return item
    return next(iter(item.values()), "") if item else ""


def field_text(entry: GroupEntry, field_id: str) -> str:
    """The text of a record's text, long or choice field ("" when absent)."""
    value = entry.get(field_id, "")
    return value if isinstance(value, str) else ""


def field_items(entry: GroupEntry, field_id: str) -> list[str]:
    """The non-empty items of a record's list field; of a group field, each record's first field (its need).

    So whatever reads a job's requirements as short items (documents, review, recipes,
    version-2 templates) reads the needs.
    """
    value = entry.get(field_id, [])
    if not isinstance(value, list):
        return []
    return [label for label in map(record_label, value) if label.strip()]


def field_records(entry: GroupEntry, field_id: str) -> list[SubRecord]:
    """The records of a group field that hold something (a plain item already read as its first field)."""
    value = entry.get(field_id, [])
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, dict) and any(t.strip() for t in item.values())]


def _holds_something(value: FieldValue) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return any((item.strip() if isinstance(item, str) else any(t.strip() for t in item.values())) for item in value)


def entry_filled(entry: GroupEntry) -> bool:
    """True when a group record holds something in any field."""
    return any(_holds_something(value) for value in entry.values())


def missing_fields(question: Question, entry: GroupEntry) -> list[Field]:
    """The required fields this record still lacks (a job without its role is open)."""
    return [f for f in question.required_fields if not _holds_something(entry.get(f.id, empty_field(f)))]


def filled_items(value: Answer) -> list[str]:
    """The items of a list answer that hold something."""
    return [item for item in value if isinstance(item, str) and item.strip()]


def filled_entries(value: Answer) -> list[GroupEntry]:
    """The records of a group answer that hold something."""
    return [entry for entry in value if isinstance(entry, dict) and entry_filled(entry)]


def is_answered(question: Question, value: Answer) -> bool:
    """True when the answer holds something beyond whitespace."""
    if isinstance(value, str):
        return bool(value.strip())
    return bool(filled_items(value) if question.shape.items else filled_entries(value))


# YAML folds or drops these on a round trip, and nobody means to type them.
# The characters an answer may not hold, as ranges of code points: the control characters
# but tab and line feed, the surrogates, the line separators, and the noncharacters. The
# one description both `check` (below) and the schema (careerstory/answers/schema.py) read.
UNSTORABLE: tuple[tuple[int, int], ...] = (
    (0x00, 0x08),
    (0x0B, 0x1F),
    (0x7F, 0x9F),  # U+0085 (NEL), a line separator, with them
    (0xD800, 0xDFFF),
    (0x2028, 0x2029),
    (0xFEFF, 0xFEFF),
    (0xFDD0, 0xFDEF),
    *((plane * 0x10000 + 0xFFFE, plane * 0x10000 + 0xFFFF) for plane in range(17)),
)
_UNSTORABLE = re.compile("[" + "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in UNSTORABLE) + "]")


def unstorable_character(text: str) -> str | None:
    """Return the first character an answer may not hold, or None when all are fine."""
    found = _UNSTORABLE.search(text)
    return found.group(0) if found else None


def clean_text(text: str, where: str) -> str:
    """Prepare typed text for storage: CRLF becomes LF, trailing line breaks go.

    Anything else YAML could not give back exactly is refused, never altered.
    """
    text = text.replace("\r\n", "\n").rstrip("\n")
    bad = unstorable_character(text)
    if bad is not None:
        raise Unstorable(
            Problem(
                _(
                    "{where}: the answer holds the invisible character U+{code:04X} ({name}), "
                    "which the answers file cannot keep exactly"
                ).format(where=where, code=ord(bad), name=unicodedata.name(bad, _("a control character"))),
                _("Type the answer again without it (it often arrives by copy and paste)."),
            )
        )
    return text


def clean_answer(question: Question, value: Answer) -> Answer:
    """Apply :func:`clean_text` to every piece of text in an answer."""
    where = question.id
    if isinstance(value, str):
        return clean_text(value, where)
    if question.shape.items:
        return [clean_text(item, where) for item in value if isinstance(item, str)]
    # Every field present, in the bank's order, as the reader gives a record back.
    known = {f.id: f for f in question.fields}
    return [
        {
            **{f.id: _clean_field(f, entry.get(f.id, empty_field(f)), f"{where}.{f.id}") for f in question.fields},
            **{key: text for key, text in entry.items() if key not in known},
        }
        for entry in value
        if isinstance(entry, dict)
    ]


def _clean_field(field: Field, value: FieldValue, where: str) -> FieldValue:
    if isinstance(value, str):
        return clean_text(value, where)
    if not field.shape.records:
        return [clean_text(item, where) for item in value if isinstance(item, str)]
    # A plain item is a record of the first field (`- SQL` is `- need: SQL`).
    records: list[SubRecord] = []
    for item in value:
        record = {sub.id: "" for sub in field.fields}
        if isinstance(item, str):
            record[field.fields[0].id] = clean_text(item, where)
        else:
            record.update({key: clean_text(text, f"{where}.{key}") for key, text in item.items()})
        records.append(record)
    return records


@dataclass(frozen=True)
class OpenRecord:
    """A record that holds something but lacks a required field; ``number`` counts from 1."""

    question: Question
    number: int
    missing: tuple[Field, ...]

    def __str__(self) -> str:
        return _("{question}[{number}] has no {fields}").format(
            question=self.question.id, number=self.number, fields=", ".join(f.id for f in self.missing)
        )


@dataclass
class AnswerSheet:
    """Every answer of one file, keyed by question id, with where each one stands."""

    bank: Bank
    values: dict[str, Answer]
    path: Path | None = None
    # The file's `language` as written (a BCP 47 code), "" when absent: English.
    language: str = ""
    # The version the file was written in, when it was lifted to the current one in memory.
    migrated_from: int | None = None

    def __getitem__(self, question_id: str) -> Answer:
        return self.values.get(question_id, empty_answer(self.bank.question(question_id)))

    def answered(self, question: Question) -> bool:
        """True when this question has an answer."""
        return is_answered(question, self[question.id])

    def open_questions(self, block: Block | None = None, *, required_only: bool = False) -> list[Question]:
        """Questions still unanswered, in bank order."""
        questions = block.questions if block else self.bank.questions
        return [q for q in questions if not self.answered(q) and (q.required or not required_only)]

    def answered_count(self, block: Block | None = None) -> int:
        """How many questions (of ``block``, or of all) have an answer."""
        return sum(self.answered(q) for q in (block.questions if block else self.bank.questions))

    def is_empty(self) -> bool:
        """True when nothing at all is answered."""
        return not any(self.answered(q) for q in self.bank.questions)

    def text(self, question_id: str) -> str:
        """The answer of a text or long question."""
        value = self[question_id]
        assert isinstance(value, str)
        return value

    def items(self, question_id: str) -> list[str]:
        """The non-empty items of a list question."""
        return filled_items(self[question_id])

    def entries(self, question_id: str) -> list[GroupEntry]:
        """The non-empty records of a group question, every field present."""
        return filled_entries(self[question_id])

    def open_records(self) -> list[OpenRecord]:
        """Records that hold something yet lack a required field, in bank order."""
        found = []
        for question in self.bank.questions:
            if not question.shape.records:
                continue
            for number, entry in enumerate(filled_entries(self[question.id]), start=1):
                missing = missing_fields(question, entry)
                if missing:
                    found.append(OpenRecord(question, number, tuple(missing)))
        return found
