"""A JSON Schema of the answers file, generated from the bank for editors that validate YAML."""

from __future__ import annotations

import json
from typing import Any

from careerstory.answers.migrations import CURRENT_VERSION
from careerstory.answers.reading import LANGUAGE_PATTERN
from careerstory.questions import Bank, Field, Question

# careerstory reads every value as the text typed (`no`, `1.10`, `2026-05-01` stay
# text), while editors read YAML's plain `no` or `1.10` as a boolean or a number; the
# schema accepts those too, so that it never flags what careerstory accepts.
_TEXT: dict[str, Any] = {"type": ["string", "number", "integer", "boolean", "null"]}


def _answer_schema(question: Question) -> dict[str, Any]:
    described = {"description": f"{question.prompt} {question.help}".strip()}
    if question.kind in ("text", "long"):
        return {**_TEXT, **described}
    if question.kind == "list":
        return {"type": ["array", "null"], "items": _TEXT, **described}
    # No field is required: a field left out reads as empty.
    entry = {
        "type": "object",
        "properties": {field.id: _field_schema(field) for field in question.fields},
        "additionalProperties": False,
    }
    return {"type": ["array", "null"], "items": entry, **described}


def _field_schema(field: Field) -> dict[str, Any]:
    described = {"description": f"{field.label}. {field.help}".strip() if field.help else field.label}
    if field.choices:
        return {"enum": [*field.choices, "", None], **described}
    if field.kind == "list":
        return {"type": ["array", "null"], "items": _TEXT, **described}
    if field.kind == "group":
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
            "version": {
                "enum": [CURRENT_VERSION, str(CURRENT_VERSION)],
                "description": "Version of the answers file layout.",
            },
            "language": {
                "type": ["string", "null"],
                "pattern": f"^(?:{LANGUAGE_PATTERN})$",
                "description": "The language careerstory asks and writes in (a BCP 47 code such as de or de-AT); "
                "English when absent.",
            },
            **blocks,
        },
        "additionalProperties": False,
    }


def schema_text(bank: Bank) -> str:
    """The schema as the JSON text ``careerstory schema`` prints."""
    return json.dumps(build_schema(bank), indent=2, ensure_ascii=False) + "\n"
