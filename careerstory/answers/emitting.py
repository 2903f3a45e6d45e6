"""Emit answers as YAML: one answer's lines, or a whole new file laid out from the bank.

Every scalar is written so that it reads back as exactly the text typed: values YAML
would take for something else are quoted, long answers are ``|`` blocks, empty answers
stay empty after the colon.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from careerstory import _
from careerstory.answers.migrations import CURRENT_VERSION
from careerstory.answers.model import Answer, FieldValue, empty_answer
from careerstory.i18n import using
from careerstory.questions import Bank, Field, Question

INDENT = "  "
SCHEMA_FILE = "careerstory.schema.json"


class _AnswerDumper(yaml.SafeDumper):
    """Block style, indented sequences, empty answers left empty, long text as ``|``."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    if data == "":
        # Tagged null so the emitter writes nothing at all after the colon.
        return dumper.represent_scalar("tag:yaml.org,2002:null", "")
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|" if "\n" in data else None)


_AnswerDumper.add_representer(str, _represent_str)


def _for_dump(question: Question, value: Answer) -> Any:
    """Long text gets a final line break so that it is written as a plain ``|`` block."""

    def long(text: str) -> str:
        text = text.rstrip("\n")  # line breaks at the end are not part of an answer
        return text + "\n" if text else text

    if isinstance(value, str):
        return long(value) if question.shape.block else value
    if question.shape.items:
        return value or ""
    return [
        {f.id: _field_for_dump(f, entry.get(f.id, ""), long) for f in question.fields}
        for entry in value
        if isinstance(entry, dict)
    ] or ""


def _field_for_dump(field: Field, value: FieldValue, long: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return long(value) if field.shape.block else value
    if field.shape.records:
        # A requirement is written `- need: ...`, its evidence and plan only once they hold something.
        first = field.fields[0].id
        return [
            {
                sub.id: long(item.get(sub.id, "")) if sub.shape.block else item.get(sub.id, "")
                for sub in field.fields
                if sub.id == first or item.get(sub.id, "").strip()
            }
            if isinstance(item, dict)
            else {first: item}
            for item in value
        ] or ""
    return value or ""  # an empty list field is written empty, like an empty answer


def _literal_block(question_id: str, text: str) -> str | None:
    """``id: |`` with ``text`` below it, or None when that would not read back exactly.

    PyYAML falls back to a double-quoted line for text with trailing spaces or tabs,
    which YAML's literal blocks hold fine; a person reads and edits a block far better.
    """
    indicator = "2" if text[:1] in " \t" else ""
    candidate = "\n".join(
        [f"{question_id}: |{indicator}"] + [INDENT + line if line else "" for line in text.split("\n")]
    )
    try:
        read_back = yaml.load(candidate + "\n", Loader=yaml.BaseLoader)
    except yaml.YAMLError:
        return None
    if isinstance(read_back, dict) and read_back.get(question_id, "").rstrip("\n") == text:
        return candidate
    return None


def emit_answer(question: Question, value: Answer, indent: str, newline: str = "\n") -> str:
    """``id: answer`` as YAML lines; lines after the first carry ``indent``; no final break."""
    dumped = yaml.dump(
        {question.id: _for_dump(question, value)},
        Dumper=_AnswerDumper,
        allow_unicode=True,
        sort_keys=False,
        width=1_000_000,  # never fold a person's line
    ).rstrip("\n")
    # PyYAML closes a document that ends in a kept line break (`|+`) with `...`; inside
    # a file that marker would end the document early.
    dumped = dumped.removesuffix("\n...")
    if question.shape.block and isinstance(value, str) and value and not dumped.startswith(f"{question.id}: |"):
        dumped = _literal_block(question.id, value) or dumped
    lines = dumped.split("\n")
    return newline.join([lines[0]] + [indent + line if line else line for line in lines[1:]])


def new_file_text(bank: Bank, values: dict[str, Answer], name: str = "careerstory.yaml", language: str = "") -> str:
    """The text of a fresh answers file, every block and question present; ``language`` when set.

    Its comments are in that language: the blocks' titles and the questions themselves.
    """
    with using(language or None, announce=False):
        return _new_file_text(bank, values, name, language)


def _new_file_text(bank: Bank, values: dict[str, Answer], name: str, language: str) -> str:
    # A value for a question the bank does not have would vanish from the file unseen.
    unknown = sorted(set(values) - {question.id for question in bank.questions})
    if unknown:
        raise KeyError(f"no such question in the bank: {', '.join(unknown)}")
    out = [
        "# " + _('careerstory answers: your way to an answer to "What do you want to do?"'),
        "# " + _("This file is yours. Edit any answer here, add notes as comments (# ...),"),
        "# " + _("then check it with `careerstory check {file}`").format(file=name),
        "# " + _("and make your brief with `careerstory render {file} --pdf`.").format(file=name),
        "# "
        + _("Editors with YAML support validate it after `careerstory schema > {schema}`:").format(schema=SCHEMA_FILE),
        f"# yaml-language-server: $schema={SCHEMA_FILE}",
        f"version: {CURRENT_VERSION}",
    ]
    if language:
        out.append(f"language: {language}")
    for block in bank.blocks:
        out += ["", f"# {_(block.title)}", f"{block.id}:"]
        for question in block.questions:
            value = values.get(question.id, empty_answer(question))
            out += [f"{INDENT}# {_(question.prompt)}", INDENT + emit_answer(question, value, INDENT)]
    return "\n".join(out) + "\n"
