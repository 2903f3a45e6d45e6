"""Write answers so that only what changed changes.

A new file is laid out from the bank. Saving into an existing file replaces just the
text of one answer, found through the node tree's marks, so the person's comments,
order and spacing elsewhere stay byte for byte. Every new text is read back with the
strict reader before it reaches the disk; if it would not give exactly the intended
answers, nothing is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from careerstory.answers import storage
from careerstory.answers.model import Answer, AnswerSheet, clean_answer, empty_answer
from careerstory.answers.reading import _Reader, compose, decode, load_text
from careerstory.errors import Problem, UserError
from careerstory.questions import Bank, Question

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
        return text + "\n" if text else text

    if isinstance(value, str):
        return long(value) if question.kind == "long" else value
    if question.kind == "list":
        return value or ""
    return [
        {f.id: (long(entry.get(f.id, "")) if f.kind == "long" else entry.get(f.id, "")) for f in question.fields}
        for entry in value
        if isinstance(entry, dict)
    ] or ""


def emit_answer(question: Question, value: Answer, indent: str, newline: str = "\n") -> str:
    """``id: answer`` as YAML lines; lines after the first carry ``indent``; no final break."""
    dumped = yaml.dump(
        {question.id: _for_dump(question, value)},
        Dumper=_AnswerDumper,
        allow_unicode=True,
        sort_keys=False,
        width=1_000_000,  # never fold a person's line
    )
    lines = dumped.rstrip("\n").split("\n")
    return newline.join([lines[0]] + [indent + line if line else line for line in lines[1:]])


def new_file_text(bank: Bank, values: dict[str, Answer], name: str = "careerstory.yaml") -> str:
    """The text of a fresh answers file, every block and question present."""
    out = [
        '# careerstory answers: your way to an answer to "What do you want to do?"',
        "# This file is yours. Edit any answer here, add notes as comments (# ...),",
        f"# then check it with `careerstory check {name}`",
        f"# and make your brief with `careerstory render {name} --pdf`.",
        f"# Editors with YAML support validate it after `careerstory schema > {SCHEMA_FILE}`:",
        f"# yaml-language-server: $schema={SCHEMA_FILE}",
        "version: 1",
    ]
    for block in bank.blocks:
        out += ["", f"# {block.title}", f"{block.id}:"]
        for question in block.questions:
            value = values.get(question.id, empty_answer(question))
            out += [f"{INDENT}# {question.prompt}", INDENT + emit_answer(question, value, INDENT)]
    return "\n".join(out) + "\n"


def _content_end(node: yaml.Node, text: str) -> int:
    """Index just past the last character that belongs to ``node``'s own text."""
    if isinstance(node, yaml.ScalarNode) or (isinstance(node, yaml.CollectionNode) and node.flow_style):
        end: int = node.end_mark.index
        # Block scalars own the line breaks after them; the breaks stay where they are.
        while end > node.start_mark.index and text[end - 1] in " \t\r\n":
            end -= 1
        return end
    last = node.value[-1]
    return _content_end(last[1] if isinstance(node, yaml.MappingNode) else last, text)


def _find(mapping: yaml.Node, key: str) -> tuple[yaml.ScalarNode, yaml.Node] | None:
    if isinstance(mapping, yaml.MappingNode):
        for k, v in mapping.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return k, v
    return None


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text and text.count("\r\n") == text.count("\n") else "\n"


def replace_answer(text: str, bank: Bank, question: Question, value: Answer) -> str:
    """Return ``text`` with ``question``'s answer set to ``value``, all else untouched."""
    reader = _Reader(bank, None)
    root = compose(text, reader)
    newline = _newline(text)
    if root is None or not isinstance(root, yaml.MappingNode):
        return new_file_text(bank, {question.id: value}).replace("\n", newline)
    found_block = _find(root, question.block_id)
    if found_block is None:
        tail = "" if not text or text.endswith("\n") else newline
        return (
            text
            + tail
            + f"{question.block_id}:"
            + newline
            + INDENT
            + emit_answer(question, value, INDENT, newline)
            + newline
        )
    block_key, block_node = found_block
    found = _find(block_node, question.id)
    if found is not None:
        key, node = found
        start, end = key.start_mark.index, _content_end(node, text)
        indent = " " * key.start_mark.column
    elif isinstance(block_node, yaml.MappingNode) and not block_node.flow_style:
        first_key: yaml.Node = block_node.value[0][0]
        start = end = _content_end(block_node, text)
        indent = " " * first_key.start_mark.column
        return text[:start] + newline + indent + emit_answer(question, value, indent, newline) + text[end:]
    else:  # the block is empty (or hand-written in flow style): write it out afresh
        start, end = block_key.start_mark.index, _content_end(block_node, text)
        indent = " " * block_key.start_mark.column + INDENT
        emitted = emit_answer(question, value, indent, newline)
        return text[:start] + f"{question.block_id}:" + newline + indent + emitted + text[end:]
    emitted = emit_answer(question, value, indent, newline)
    rest = text[end:]
    line_rest = rest.split("\n", 1)[0].rstrip("\r")
    if newline in emitted and line_rest.strip():
        # A comment after a one-line answer would land inside a block scalar: keep it
        # on a line of its own instead.
        rest = newline + indent + rest.lstrip(" \t")
    return text[:start] + emitted + rest


class AnswersFile:
    """One answers file held open by ``ask``: locked, and saved one answer at a time."""

    def __init__(self, path: Path, bank: Bank) -> None:
        self.path = path
        self.bank = bank
        self._lock = storage.FileLock(path)
        self._bytes: bytes | None = None
        self.sheet = AnswerSheet(bank, {q.id: empty_answer(q) for q in bank.questions}, path)

    def __enter__(self) -> AnswersFile:
        self._lock.acquire()
        try:
            self.reload()
        except BaseException:
            self._lock.release()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self._lock.release()

    def reload(self) -> None:
        """Read the file again (it may not exist yet)."""
        data = storage.read_bytes(self.path)
        self._bytes = data
        if data is not None:
            from careerstory.answers.reading import load_bytes

            self.sheet = load_bytes(data, self.bank, self.path)

    def save(self, question: Question, value: Answer) -> None:
        """Store one answer now, or raise :class:`UserError` leaving the file as it was."""
        value = clean_answer(question, value)
        current = storage.read_bytes(self.path)
        if current != self._bytes:
            self._merge_outside_change(question, value, current)
        bom = b"\xef\xbb\xbf" if current and current.startswith(b"\xef\xbb\xbf") else b""
        if current is None:
            text = new_file_text(self.bank, {question.id: value}, self.path.name)
        else:
            text = replace_answer(decode(current, self.path), self.bank, question, value)
        intended = dict(self.sheet.values)
        intended[question.id] = value
        self._verify(text, intended)
        data = bom + text.encode("utf-8")
        storage.atomic_write(self.path, data)
        self._bytes = data
        self.sheet.values = intended

    def _merge_outside_change(self, question: Question, value: Answer, current: bytes | None) -> None:
        """The file changed since we read it: carry on only if this answer is untouched."""
        if current is None:
            raise UserError(
                Problem(
                    f"{self.path} was deleted while careerstory was asking",
                    f"Nothing more was written. Run `careerstory ask {self.path}` to start again.",
                    self.path,
                )
            )
        theirs = load_text(decode(current, self.path), self.bank, self.path)
        if theirs[question.id] != self.sheet[question.id]:
            mine = self.path.with_name(self.path.stem + ".from-ask" + self.path.suffix)
            rescue = theirs.values | {question.id: value}
            storage.atomic_write(mine, new_file_text(self.bank, rescue, mine.name).encode("utf-8"))
            raise UserError(
                Problem(
                    f"{self.path} was changed in another program, in the answer to '{question.id}' "
                    "that careerstory was about to save",
                    f"Your edit in the file is kept as it is. The answer typed here is saved in {mine}; "
                    "copy what you want from it, then run `careerstory ask` again.",
                    self.path,
                )
            )
        self._bytes = current
        self.sheet = theirs

    def _verify(self, text: str, intended: dict[str, Answer]) -> None:
        try:
            reread = load_text(text, self.bank, self.path)
        except UserError as error:
            raise UserError(
                Problem(
                    f"saving would make {self.path} invalid ({error.problems[0].message})",
                    "Nothing was written. The hand-written layout around this answer may be unusual: "
                    "edit the answer in the file directly.",
                    self.path,
                )
            ) from None
        changed = [q.id for q in self.bank.questions if reread[q.id] != intended.get(q.id, empty_answer(q))]
        if changed:
            raise UserError(
                Problem(
                    f"saving would not keep the answer to '{changed[0]}' exactly as typed",
                    "Nothing was written. Edit the answer in the file directly, then run `careerstory check`.",
                    self.path,
                )
            )
