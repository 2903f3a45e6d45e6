"""Where each answer's words sit in the file, and the editing traps YAML hides.

The strict reader gives each answer's text; a note about a word in it needs that word's
own line and column. A scalar's value keeps its characters in the order they were typed,
only dropping indentation, quotes and line breaks (a folded or plain line break reads
as a space, an escape as one character), so walking the value and the source together
finds every character's place without re-implementing YAML's scanner.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from careerstory import _
from careerstory.answers.reading import compose_nodes, is_empty, is_null
from careerstory.errors import Problem
from careerstory.questions import Bank


@dataclass(frozen=True)
class Place:
    """A place in the file, counted from 1 as editors count."""

    line: int
    column: int


class Lines:
    """Turns an index in the file's text into its line and column."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]

    def place(self, index: int) -> Place:
        """The line and column of the character at ``index``."""
        line = bisect.bisect_right(self.starts, index) - 1
        return Place(line + 1, index - self.starts[line] + 1)


@dataclass(frozen=True)
class Address:
    """Which answer: its question, and the record, field, item and item's field within it.

    Records and items are counted from 1, as a person counts them. A list question's item
    has only ``item``; a group's field has ``record`` and ``field``; a field holding items
    (a story's ``shows``, a job's ``requirements``) adds ``item``, and an item's own field
    (a requirement's ``evidence``) adds ``sub``. An item's naming field (a requirement's
    ``need``) is the item itself.
    """

    question: str
    record: int | None = None
    field: str | None = None
    item: int | None = None
    sub: str | None = None

    def __str__(self) -> str:
        """How a person names it, as notes print it: ``people[2].learned``, ``jobs[1].requirements[3]``."""
        said = self.question
        if self.record is not None:
            said += f"[{self.record}]"
        if self.field is not None:
            said += f".{self.field}"
        if self.item is not None:
            said += f"[{self.item}]"
        if self.sub is not None:
            said += f".{self.sub}"
        return said

    @property
    def plain(self) -> bool:
        """True for a question's own answer (a text, a long answer), not an item nor a record's field."""
        return self.record is None and self.item is None


@dataclass(frozen=True)
class Located:
    """One answer (or one item, or one record's field), its address and role, and the file index of each character.

    ``role`` is the bank's role of its question (what documents and the review address it
    by, "" when it has none); ``question`` is how a person names it (``people[2].learned``).
    """

    block: str
    address: Address
    role: str
    text: str
    indexes: tuple[int, ...]  # file index of each character of ``text``
    start: int  # file index of the value (or of the record, for a field left out)

    @property
    def question(self) -> str:
        """How a person names the answer: records and items counted from 1 (``jobs[1].requirements[3]``)."""
        return str(self.address)

    def index(self, offset: int) -> int:
        """The file index of the character at ``offset`` in the text (its start when empty)."""
        if not self.indexes:
            return self.start
        return self.indexes[max(0, min(offset, len(self.indexes) - 1))]


def character_indexes(node: yaml.ScalarNode, source: str) -> tuple[int, ...]:
    """The file index of each character of the scalar's value."""
    value = str(node.value)
    position = int(node.start_mark.index)
    end = int(node.end_mark.index)
    if node.style in ("|", ">"):
        # The header (`|-`, `>2`) is not text; the value starts on the next line.
        position = source.find("\n", position, end) + 1 or position
    indexes = []
    for char in value:
        found = position
        while found < end and not _same(char, source[found]):
            found += 1
        if found >= end:  # an escape that reads as another character: keep the last place
            found = max(position - 1, int(node.start_mark.index))
        else:
            position = found + 1
        indexes.append(found)
    return tuple(indexes)


def _same(char: str, typed: str) -> bool:
    return char == typed or (char in " \n" and typed in " \n")


def locate(text: str, bank: Bank) -> list[Located]:
    """Every answer of a valid file, with its characters' places, in the order of the file."""
    root = compose_nodes(text)
    if not isinstance(root, yaml.MappingNode):
        return []
    found: list[Located] = []
    item_names = _item_names(bank)
    roles = {q.id: q.role for q in bank.questions}
    for block_key, block_node in root.value:
        block_id = str(block_key.value)
        if block_id not in {b.id for b in bank.blocks} or not isinstance(block_node, yaml.MappingNode):
            continue
        for key, node in block_node.value:
            question = str(key.value)
            at = _Where(block_id, roles.get(question, ""), text)
            found += _locate_answer(at, Address(question), node, item_names)
    return found


def _item_names(bank: Bank) -> frozenset[str]:
    """The fields that name an item of a record's group field (a requirement's `need`)."""
    return frozenset(f.fields[0].id for q in bank.questions for f in q.fields if f.shape.records)


@dataclass(frozen=True)
class _Where:
    """What every answer of one question shares: its block, its question's role, the file's text."""

    block: str
    role: str
    text: str

    def scalar(self, address: Address, node: yaml.ScalarNode) -> Located:
        start = int(node.start_mark.index)
        if is_null(node):
            return Located(self.block, address, self.role, "", (), start)
        value = str(node.value).rstrip("\n")
        indexes = character_indexes(node, self.text)[: len(value)]
        return Located(self.block, address, self.role, value, indexes, start)


def _locate_answer(at: _Where, address: Address, node: yaml.Node, item_names: frozenset[str]) -> list[Located]:
    """The answer at ``address`` (a question, or a record's field) and, for a sequence, each of its items."""
    if isinstance(node, yaml.ScalarNode):
        return [at.scalar(address, node)]
    if not isinstance(node, yaml.SequenceNode):
        return []
    found: list[Located] = []
    for number, item in enumerate(node.value, start=1):
        if address.field is None:  # a question's records, or a list question's items
            if isinstance(item, yaml.MappingNode):
                for key, value in item.value:
                    found += _locate_answer(
                        at, replace(address, record=number, field=str(key.value)), value, item_names
                    )
            elif isinstance(item, yaml.ScalarNode):
                found.append(at.scalar(replace(address, item=number), item))
        elif address.item is None:  # a record's field holding items: a story's shows, a job's requirements
            within = replace(address, item=number)
            if isinstance(item, yaml.MappingNode):
                for key, value in item.value:
                    # An item's need is the item, named as a plain item is (`jobs[1].requirements[2]`).
                    named = within if key.value in item_names else replace(within, sub=str(key.value))
                    if isinstance(value, yaml.ScalarNode):
                        found.append(at.scalar(named, value))
            elif isinstance(item, yaml.ScalarNode):
                found.append(at.scalar(within, item))
    return found


# -- editing traps: what YAML reads differently from what the person meant ------------------


def editing_traps(text: str, path: Path | None) -> list[Problem]:
    """Warnings for a valid file: a ` #` that cut a plain answer short, a `#` line inside a `|` block."""
    root = compose_nodes(text)
    if root is None:
        return []
    lines = Lines(text)
    warnings = []
    # Answers only: `version: 2  # ...` and `language: de  # ...` lose nothing to their comment.
    blocks = [value for _key, value in root.value] if isinstance(root, yaml.MappingNode) else []
    answers = [s for block in blocks if not isinstance(block, yaml.ScalarNode) for s in _value_scalars(block)]
    for node in answers:
        if is_empty(node):
            continue
        if not node.style:
            end = int(node.end_mark.index)
            rest = text[end : text.find("\n", end) if "\n" in text[end:] else len(text)]
            if rest.lstrip(" \t").startswith("#") and rest[:1] in (" ", "\t"):
                where = lines.place(end + len(rest) - len(rest.lstrip(" \t")))
                warnings.append(
                    Problem(
                        _("the answer stops before ' #': YAML reads the rest of the line as a comment"),
                        _("If '{rest}' belongs to the answer, put the whole answer in quotes.").format(
                            rest=rest.strip()
                        ),
                        path,
                        where.line,
                        where.column,
                    )
                )
        elif node.style in ("|", ">"):
            indexes = character_indexes(node, text)
            offset = 0
            for line in str(node.value).split("\n"):
                if line.lstrip().startswith("#"):
                    where = lines.place(indexes[offset + len(line) - len(line.lstrip())])
                    warnings.append(
                        Problem(
                            _("this '#' line is inside the answer, so it is part of it, not a comment"),
                            _("To keep it as a note to yourself, move it above the question, level with its key."),
                            path,
                            where.line,
                            where.column,
                        )
                    )
                offset += len(line) + 1
    return warnings


def _value_scalars(node: yaml.Node) -> list[yaml.ScalarNode]:
    if isinstance(node, yaml.ScalarNode):
        return [node]
    if isinstance(node, yaml.MappingNode):
        return [s for _key, value in node.value for s in _value_scalars(value)]
    if isinstance(node, yaml.SequenceNode):
        return [s for item in node.value for s in _value_scalars(item)]
    return []
