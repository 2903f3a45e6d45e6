"""A JSON Schema of the answers file, generated from the bank for editors that validate YAML."""

from __future__ import annotations

import json
from typing import Any

from careerstory.questions import Bank, Question

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
    properties: dict[str, Any] = {}
    for field in question.fields:
        if field.choices:
            properties[field.id] = {"enum": [*field.choices, "", None], "description": field.label}
        else:
            properties[field.id] = {**_TEXT, "description": field.label}
    entry = {
        "type": "object",
        "properties": properties,
        "required": [f.id for f in question.fields],
        "additionalProperties": False,
    }
    return {"type": ["array", "null"], "items": entry, **described}


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
        "properties": {"version": {"enum": [1, "1"], "description": "Version of the answers file layout."}, **blocks},
        "additionalProperties": False,
    }


def schema_text(bank: Bank) -> str:
    """The schema as the JSON text ``careerstory schema`` prints."""
    return json.dumps(build_schema(bank), indent=2, ensure_ascii=False) + "\n"
