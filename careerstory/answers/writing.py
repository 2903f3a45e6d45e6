"""Write answers so that only what changed changes.

A new file is laid out from the bank. Saving into an existing file replaces just the
text of one answer, found through the node tree's marks, so the person's comments,
order and spacing elsewhere stay byte for byte. Every new text is read back with the
strict reader before it reaches the disk; if it would not give exactly the intended
answers, nothing is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from careerstory import storage
from careerstory.answers.migrations import CURRENT_VERSION
from careerstory.answers.model import Answer, AnswerSheet, FieldValue, clean_answer, empty_answer
from careerstory.answers.reading import Reader, compose, decode, load_bytes, load_text
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
        text = text.rstrip("\n")  # line breaks at the end are not part of an answer
        return text + "\n" if text else text

    if isinstance(value, str):
        return long(value) if question.kind == "long" else value
    if question.kind == "list":
        return value or ""
    return [
        {f.id: _field_for_dump(f.kind, entry.get(f.id, ""), long) for f in question.fields}
        for entry in value
        if isinstance(entry, dict)
    ] or ""


def _field_for_dump(kind: str, value: FieldValue, long: Callable[[str], str]) -> Any:
    if isinstance(value, list):
        return value or ""  # an empty list field is written empty, like an empty answer
    return long(value) if kind == "long" else value


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
    if question.kind == "long" and isinstance(value, str) and value and not dumped.startswith(f"{question.id}: |"):
        dumped = _literal_block(question.id, value) or dumped
    lines = dumped.split("\n")
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
        f"version: {CURRENT_VERSION}",
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
        # Block scalars own the line breaks (and trailing spaces) after them; those stay.
        while end > node.start_mark.index and text[end - 1] in " \t\r\n":
            end -= 1
        return end
    last = node.value[-1]
    return _content_end(last[1] if isinstance(node, yaml.MappingNode) else last, text)


def _scalars(node: yaml.Node) -> list[yaml.ScalarNode]:
    if isinstance(node, yaml.ScalarNode):
        return [node]
    if isinstance(node, yaml.MappingNode):
        return [s for key, value in node.value for part in (key, value) for s in _scalars(part)]
    if isinstance(node, yaml.SequenceNode):
        return [s for item in node.value for s in _scalars(item)]
    return []


_BLOCK_HEADER_COMMENT = re.compile(r"[|>][0-9+-]*[ \t]+(#[^\r\n]*)")


def _comments_within(text: str, start: int, end: int, nodes: list[yaml.Node]) -> list[str]:
    """The person's comments between ``start`` and ``end``, in order.

    A ``#`` starts a comment exactly when it stands outside every scalar and after
    whitespace; the scalars' marks tell where they are, quoted or block.
    """
    scalars = [s for node in nodes for s in _scalars(node)]
    inside = [(s.start_mark.index, s.end_mark.index) for s in scalars]
    found: list[tuple[int, str]] = []
    for scalar in scalars:
        header = _BLOCK_HEADER_COMMENT.match(text, scalar.start_mark.index) if scalar.style in ("|", ">") else None
        if header and start <= header.start(1) < end:
            found.append((header.start(1), header.group(1)))
    index = text.find("#", start, end)
    while index != -1:
        if text[index - 1] in " \t\r\n" and not any(a <= index < b for a, b in inside):
            line_end = text.find("\n", index, end)
            line_end = end if line_end == -1 else line_end
            found.append((index, text[index:line_end].rstrip("\r")))
            index = line_end
        index = text.find("#", index + 1, end)
    return [comment for _, comment in sorted(found)]


def _find(mapping: yaml.Node, key: str) -> tuple[yaml.ScalarNode, yaml.Node] | None:
    if isinstance(mapping, yaml.MappingNode):
        for k, v in mapping.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return k, v
    return None


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text and text.count("\r\n") == text.count("\n") else "\n"


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _line_end(text: str, index: int) -> int:
    """Index just past the line break of the line holding ``index``."""
    found = text.find("\n", index)
    return len(text) if found == -1 else found + 1


def _splice(text: str, key: yaml.Node, end: int, emitted: str, newline: str, kept: list[str]) -> str:
    """Put ``emitted`` where ``key`` .. ``end`` stood, keeping the comments around it.

    ``kept`` are comments from inside the old answer: they move onto lines of their own
    just above it. A comment after the old answer's last line goes to the end of the new
    one's first line, where it cannot fall inside a block scalar.
    """
    start = key.start_mark.index
    indent = " " * key.start_mark.column
    eol = text.find("\n", end)
    eol = len(text) if eol == -1 else eol
    rest = text[end:eol]
    tail = rest.rstrip("\r")
    if not tail.strip():
        new = emitted + text[end + len(tail) :]  # trailing spaces after an answer go with it
    else:
        first, sep, more = emitted.partition(newline)
        new = first + tail + sep + more + text[end + len(tail) :]
    line_start = _line_start(text, start)
    above = "".join(indent + comment + newline for comment in kept)
    return text[:line_start] + above + text[line_start:start] + new


def _insert_line(text: str, at: int, line: str, newline: str) -> str:
    """Insert ``line`` as whole lines at the line start ``at``."""
    if at == len(text) and text and not text.endswith("\n"):
        return text + newline + line + newline
    return text[:at] + line + newline + text[at:]


def _place(text: str, mapping: yaml.MappingNode, order: list[str], key: str) -> int:
    """The line start where ``key`` goes in ``mapping`` so that it follows ``order``."""
    present = {k.value: v for k, v in mapping.value if isinstance(k, yaml.ScalarNode)}
    for previous in reversed(order[: order.index(key)]):
        if previous in present:
            return _line_end(text, _content_end(present[previous], text))
    # Nothing comes before it: go above the first key and the comment lines just above it.
    at = _line_start(text, mapping.value[0][0].start_mark.index)
    while at > 0:
        above = _line_start(text, at - 1)
        if not text[above:at].lstrip().startswith("#"):
            break
        at = above
    return at


def replace_answer(text: str, bank: Bank, question: Question, value: Answer, name: str = "careerstory.yaml") -> str:
    """Return ``text`` with ``question``'s answer set to ``value``, all else untouched."""
    reader = Reader(bank, None)
    root = compose(text, reader)
    newline = _newline(text)
    if root is None or (isinstance(root, yaml.ScalarNode) and root.value == ""):
        # Only comments so far: they stay, and the layout follows them.
        layout = new_file_text(bank, {question.id: value}, name).replace("\n", newline)
        return text + (newline if text and not text.endswith("\n") else "") + layout
    if not isinstance(root, yaml.MappingNode) or root.flow_style:
        return text  # the strict reader has refused this file already
    found_block = _find(root, question.block_id)
    if found_block is None:
        column = root.value[0][0].start_mark.column
        indent = " " * column + INDENT
        lines = (
            " " * column + f"{question.block_id}:" + newline + indent + emit_answer(question, value, indent, newline)
        )
        at = _place(text, root, ["version", *(b.id for b in bank.blocks)], question.block_id)
        return _insert_line(text, at, lines, newline)
    block_key, block_node = found_block
    found = _find(block_node, question.id)
    if found is not None:
        key, node = found
        end = _content_end(node, text)
        indent = " " * key.start_mark.column
        kept = _comments_within(text, key.start_mark.index, end, [key, node])
        return _splice(text, key, end, emit_answer(question, value, indent, newline), newline, kept)
    if isinstance(block_node, yaml.MappingNode) and not block_node.flow_style:
        indent = " " * block_node.value[0][0].start_mark.column
        at = _place(text, block_node, [q.id for q in bank.block(question.block_id).questions], question.id)
        return _insert_line(text, at, indent + emit_answer(question, value, indent, newline), newline)
    # The block is empty, or hand-written in flow style: write it out afresh.
    end = _content_end(block_node, text)
    indent = " " * block_key.start_mark.column + INDENT
    emitted = f"{question.block_id}:" + newline + indent + emit_answer(question, value, indent, newline)
    kept = _comments_within(text, block_key.start_mark.index, end, [block_key, block_node])
    return _splice(text, block_key, end, emitted, newline, kept)


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
            text = replace_answer(decode(current, self.path), self.bank, question, value, self.path.name)
        intended = dict(self.sheet.values)
        intended[question.id] = value
        self._verify(text, question, intended)
        data = bom + text.encode("utf-8")
        storage.atomic_write(self.path, data)
        self._bytes = data
        self.sheet.values = intended

    def _rescue(self, values: dict[str, Answer]) -> Path:
        """Write ``values`` to a new file beside the answers file, never over another."""
        number = 1
        while True:
            suffix = ".from-ask" if number == 1 else f".from-ask-{number}"
            rescue = self.path.with_name(self.path.stem + suffix + self.path.suffix)
            if not rescue.exists():
                break
            number += 1
        storage.atomic_write(rescue, new_file_text(self.bank, values, rescue.name).encode("utf-8"))
        return rescue

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
        try:
            theirs = load_text(decode(current, self.path), self.bank, self.path)
        except UserError as error:
            rescue = self._rescue(self.sheet.values | {question.id: value})
            raise UserError(
                *error.problems,
                Problem(
                    f"{self.path} was changed in another program and is no longer valid",
                    f"Your edit in the file is kept as it is. Every answer given here is saved in {rescue}. "
                    "Fix the problems above, then run `careerstory ask` again.",
                    self.path,
                ),
            ) from None
        if theirs[question.id] != self.sheet[question.id]:
            rescue = self._rescue(theirs.values | {question.id: value})
            raise UserError(
                Problem(
                    f"{self.path} was changed in another program, in the answer to '{question.id}' "
                    "that careerstory was about to save",
                    f"Your edit in the file is kept as it is. The answer typed here is saved in {rescue}; "
                    "copy what you want from it, then run `careerstory ask` again.",
                    self.path,
                )
            )
        self._bytes = current
        self.sheet = theirs

    def _verify(self, text: str, question: Question, intended: dict[str, Answer]) -> None:
        try:
            reread = load_text(text, self.bank, self.path)
            changed = [q.id for q in self.bank.questions if reread[q.id] != intended.get(q.id, empty_answer(q))]
            reason = f"would not keep the answer to '{changed[0]}' exactly as typed" if changed else ""
        except UserError as error:
            reason = f"would make the file invalid ({error.problems[0].message})"
        if reason:
            rescue = self._rescue(intended)
            raise UserError(
                Problem(
                    f"saving '{question.id}' into the hand-written layout of {self.path} {reason}",
                    f"Nothing was changed in it. Your answer is saved in {rescue}: copy it into the file "
                    "by hand, then run `careerstory check`.",
                    self.path,
                )
            )
