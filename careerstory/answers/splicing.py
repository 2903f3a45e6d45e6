"""Splice one answer into the text of an answers file, all else byte for byte.

The answer's place is found through the node tree's marks (:mod:`careerstory.answers.reading`
gives them); only the text of that answer changes. The person's comments inside the old
answer move just above it, a comment after it stays on its line; a question or block the
person deleted comes back in bank order.
"""

from __future__ import annotations

import re

import yaml

from careerstory.answers.emitting import INDENT, emit_answer, new_file_text
from careerstory.answers.model import Answer
from careerstory.answers.reading import (
    Pair,
    compose_nodes,
    content_end,
    find_pair,
    is_empty,
    scalars,
    values_by_key,
)
from careerstory.questions import Bank, Question

_BLOCK_HEADER_COMMENT = re.compile(r"[|>][0-9+-]*[ \t]+(#[^\r\n]*)")


def _comments_within(text: str, pair: Pair, end: int) -> list[str]:
    """The person's comments in ``pair``'s text (up to ``end``), in order.

    A ``#`` starts a comment exactly when it stands outside every scalar and after
    whitespace; the scalars' marks tell where they are, quoted or block.
    """
    start = pair.start
    inner = scalars(pair.key) + scalars(pair.value)
    inside = [(s.start_mark.index, s.end_mark.index) for s in inner]
    found: list[tuple[int, str]] = []
    for scalar in inner:
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
    return [comment for _index, comment in sorted(found)]


def newline_of(text: str) -> str:
    """The file's line break: CRLF when every break is one, else LF."""
    return "\r\n" if "\r\n" in text and text.count("\r\n") == text.count("\n") else "\n"


def line_start(text: str, index: int) -> int:
    """Index of the first character of the line holding ``index``."""
    return text.rfind("\n", 0, index) + 1


def line_end(text: str, index: int) -> int:
    """Index just past the line break of the line holding ``index``."""
    found = text.find("\n", index)
    return len(text) if found == -1 else found + 1


def _splice(text: str, pair: Pair, end: int, emitted: str, newline: str, kept: list[str]) -> str:
    """Put ``emitted`` where ``pair``'s key .. ``end`` stood, keeping the comments around it.

    ``kept`` are comments from inside the old answer: they move onto lines of their own
    just above it. A comment after the old answer's last line goes to the end of the new
    one's first line, where it cannot fall inside a block scalar.
    """
    start = pair.start
    indent = " " * pair.column
    eol = text.find("\n", end)
    eol = len(text) if eol == -1 else eol
    rest = text[end:eol]
    tail = rest.rstrip("\r")
    if not tail.strip():
        new = emitted + text[end + len(tail) :]  # trailing spaces after an answer go with it
    else:
        first, sep, more = emitted.partition(newline)
        new = first + tail + sep + more + text[end + len(tail) :]
    begins = line_start(text, start)
    above = "".join(indent + comment + newline for comment in kept)
    return text[:begins] + above + text[begins:start] + new


def _insert_line(text: str, at: int, line: str, newline: str) -> str:
    """Insert ``line`` as whole lines at the line start ``at``."""
    if at == len(text) and text and not text.endswith("\n"):
        return text + newline + line + newline
    return text[:at] + line + newline + text[at:]


def _place(text: str, mapping: yaml.MappingNode, order: list[str], key: str) -> int:
    """The line start where ``key`` goes in ``mapping`` so that it follows ``order``."""
    present = values_by_key(mapping)
    for previous in reversed(order[: order.index(key)]):
        if previous in present:
            return line_end(text, content_end(present[previous], text))
    # Nothing comes before it: go above the first key and the comment lines just above it.
    at = line_start(text, mapping.value[0][0].start_mark.index)
    while at > 0:
        above = line_start(text, at - 1)
        if not text[above:at].lstrip().startswith("#"):
            break
        at = above
    return at


def replace_answer(text: str, bank: Bank, question: Question, value: Answer, name: str = "careerstory.yaml") -> str:
    """Return ``text`` with ``question``'s answer set to ``value``, all else untouched."""
    root = compose_nodes(text)
    newline = newline_of(text)
    if root is None or is_empty(root):
        # Only comments so far: they stay, and the layout follows them.
        layout = new_file_text(bank, {question.id: value}, name).replace("\n", newline)
        return text + (newline if text and not text.endswith("\n") else "") + layout
    if not isinstance(root, yaml.MappingNode) or root.flow_style:
        return text  # the strict reader has refused this file already
    block = find_pair(root, question.block_id)
    if block is None:
        column = root.value[0][0].start_mark.column
        indent = " " * column + INDENT
        lines = (
            " " * column + f"{question.block_id}:" + newline + indent + emit_answer(question, value, indent, newline)
        )
        at = _place(text, root, ["version", "language", *(b.id for b in bank.blocks)], question.block_id)
        return _insert_line(text, at, lines, newline)
    answer = find_pair(block.value, question.id)
    if answer is not None:
        end = answer.end(text)
        indent = " " * answer.column
        kept = _comments_within(text, answer, end)
        return _splice(text, answer, end, emit_answer(question, value, indent, newline), newline, kept)
    if isinstance(block.value, yaml.MappingNode) and not block.value.flow_style:
        indent = " " * block.value.value[0][0].start_mark.column
        at = _place(text, block.value, [q.id for q in bank.block(question.block_id).questions], question.id)
        return _insert_line(text, at, indent + emit_answer(question, value, indent, newline), newline)
    # The block is empty, or hand-written in flow style: write it out afresh.
    end = block.end(text)
    indent = " " * block.column + INDENT
    emitted = f"{question.block_id}:" + newline + indent + emit_answer(question, value, indent, newline)
    return _splice(text, block, end, emitted, newline, _comments_within(text, block, end))
