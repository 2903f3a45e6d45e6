"""A JSON Schema of the answers file, generated from the bank for editors that validate YAML."""

from __future__ import annotations

import json
from typing import Any

from careerstory.answers.migrations import CURRENT_VERSION
from careerstory.answers.model import UNSTORABLE
from careerstory.i18n.tags import json_pattern
from careerstory.questions import Bank, Field, Question


# careerstory reads every value as the text typed (`no`, `1.10`, `2026-05-01` stay
# text), while editors read YAML's plain `no` or `1.10` as a boolean or a number; the
# schema accepts those too, so that it never flags what careerstory accepts.
# Text holds no character `check` refuses (careerstory/answers/model.py UNSTORABLE), but
# the line break "\r", which YAML reads as a line break. Written for ECMA-262 regular
# expressions without the u flag, as editors run them (and Python's re alike): a surrogate
# half is refused only when unpaired, and a character past U+FFFF is written out, so that
# each engine reads it whole.
def _unstorable_pattern() -> str:
    ranges = [(low, high) for low, high in UNSTORABLE if (low, high) != (0xD800, 0xDFFF)]
    ranges = [part for low, high in ranges for part in _without(low, high, 0x0D)]
    small = "".join(
        f"\\u{low:04X}" + (f"-\\u{high:04X}" if high > low else "") for low, high in ranges if high <= 0xFFFF
    )
    large = [chr(code) for low, high in ranges if low > 0xFFFF for code in range(low, high + 1)]
    lone = "[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]"
    return "|".join([f"[{small}]", lone, *large])


def _without(low: int, high: int, code: int) -> list[tuple[int, int]]:
    if not low <= code <= high:
        return [(low, high)]
    return [(a, b) for a, b in ((low, code - 1), (code + 1, high)) if a <= b]


_TEXT_DEFINED: dict[str, Any] = {
    "type": ["string", "number", "integer", "boolean", "null"],
    "not": {"type": "string", "pattern": _unstorable_pattern()},
}
_TEXT: dict[str, Any] = {"$ref": "#/$defs/text"}


def _answer_schema(question: Question) -> dict[str, Any]:
    described = {"description": f"{question.prompt} {question.help}".strip()}
    if question.shape.text:
        return {**_TEXT, **described}
    if question.shape.items:
        return {"type": ["array", "null"], "items": _TEXT, **described}
    # No field is required: a field left out reads as empty, and a bare '-' is an empty record.
    entry = {
        "type": ["object", "null"],
        "properties": {field.id: _field_schema(field) for field in question.fields},
        "additionalProperties": False,
    }
    return {"type": ["array", "null"], "items": entry, **described}


def _field_schema(field: Field) -> dict[str, Any]:
    described = {"description": f"{field.label}. {field.help}".strip() if field.help else field.label}
    if field.choices:
        return {"enum": [*field.choices, "", None], **described}
    if field.shape.items:
        return {"type": ["array", "null"], "items": _TEXT, **described}
    if field.shape.records:
        # An item is a record of the field's own fields, or plain text read as its first field.
        record = {
            "type": ["object", "null"],
            "properties": {sub.id: _field_schema(sub) for sub in field.fields},
            "additionalProperties": False,
        }
        return {"type": ["array", "null"], "items": {"anyOf": [_TEXT, record]}, **described}
    return {**_TEXT, **described}


def build_schema(bank: Bank) -> dict[str, Any]:
    """The schema as a Python mapping."""
    blocks = {
        block.id: {
            "type": ["object", "null"],
            "title": block.title,
            "properties": {q.id: _answer_schema(q) for q in block.questions},
            "additionalProperties": False,
        }
        for block in bank.blocks
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "careerstory answers",
        "description": "Answers to the careerstory coaching questions. Every answer is text.",
        "type": "object",
        "properties": {
            # As `check` reads it (reading.py version_number): a whole number (2, 2.0), or
            # its digits quoted ("2", "02").
            "version": {
                "anyOf": [
                    {"type": "number", "const": CURRENT_VERSION},
                    {"type": "string", "pattern": f"^0*{CURRENT_VERSION}$"},
                ],
                "description": "Version of the answers file layout.",
            },
            "language": {
                "type": ["string", "null"],
                "pattern": json_pattern(),
                "description": "The language careerstory asks and writes in (a BCP 47 code such as de or de-AT); "
                "English when absent.",
            },
            **blocks,
        },
        "additionalProperties": False,
        "$defs": {"text": _TEXT_DEFINED},
    }


def schema_text(bank: Bank) -> str:
    """The schema as the JSON text ``careerstory schema`` prints."""
    return json.dumps(build_schema(bank), indent=2, ensure_ascii=False) + "\n"
