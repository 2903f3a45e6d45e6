"""Read an answers file strictly: every mistake is named with its line, column and fix.

PyYAML's own loaders would quietly keep the last of two duplicate keys, turn ``no``
into False and follow ``!!python`` tags, so the file is parsed twice at the node level
instead: once as events (to refuse anchors, aliases and tags), once as a node tree
whose scalars stay the exact text typed.

The same node tree is what the writer changes a file by: :func:`compose_nodes`,
:func:`find_pair` and :class:`Pair` say where a block or an answer sits in the text.
"""

from __future__ import annotations

import difflib
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from careerstory import N_, _, storage
from careerstory.answers import migrations
from careerstory.answers.migrations import CURRENT_VERSION
from careerstory.answers.model import (
    Answer,
    AnswerSheet,
    FieldValue,
    GroupEntry,
    SubRecord,
    empty_answer,
    empty_field,
    empty_subrecord,
    unstorable_character,
)
from careerstory.errors import Problem, UserError
from careerstory.i18n import LanguageError, parse_language, using
from careerstory.questions import Bank, Block, Field, Question

# The largest answers file read (storage says why), and the reader's own message for more.
MAX_BYTES = storage.MAX_BYTES
# libyaml's parser when PyYAML was built with it (its wheels are): the same events,
# nodes and marks as the pure-Python one, about twenty times faster.
_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

_TAB_HINT = N_("YAML indents with spaces only: replace the tab with spaces.")
_QUOTE = (N_("a quote is never closed"), N_("Add the closing quote, at the end of the answer."))
_INDENTATION = (
    N_("this line does not line up with the lines around it"),
    N_("Check this line's indentation: it should line up with its siblings."),
)
# libyaml's own words for the problems people make by hand (matched on its problem and
# context texts, first match wins), each said plainly with what to do.
_SYNTAX_PROBLEMS: tuple[tuple[str, tuple[str, str]], ...] = (
    ("'\\t'", (N_("a tab character here"), _TAB_HINT)),
    ("found unexpected end of stream", _QUOTE),
    ("while scanning a quoted scalar", _QUOTE),
    (
        "did not find expected node content",
        (
            N_("a value is missing here"),
            N_("After a ',' in [ ] or { } another item must follow; or put the answer in quotes."),
        ),
    ),
    (
        "did not find expected ',' or ']'",
        (N_("a list opened with '[' is never closed"), N_("Close it with ']', or put the answer in quotes.")),
    ),
    (
        "did not find expected ',' or '}'",
        (N_("a mapping opened with '{' is never closed"), N_("Close it with '}', or put the answer in quotes.")),
    ),
    (
        "found character that cannot start any token",
        (
            N_("an answer cannot start with this character"),
            N_('Put the whole answer in quotes, for example "@maya".'),
        ),
    ),
    (
        "found unknown escape character",
        (
            N_("an unknown escape: a backslash in double quotes starts an escape"),
            N_("Write \\\\ for a backslash, or put the answer in single quotes instead."),
        ),
    ),
    (
        "mapping values are not allowed",
        (
            N_("a ': ' where no new answer can start"),
            N_("Check this line's indentation against the line above, and put text holding ': ' in quotes."),
        ),
    ),
    ("did not find expected key", _INDENTATION),
    ("did not find expected '-' indicator", _INDENTATION),
    ("expected <block end>", _INDENTATION),
    (
        "could not find expected ':'",
        (
            N_("a line that is neither 'id: answer' nor a list item"),
            N_("Each answer needs 'id: value'; check the line above too."),
        ),
    ),
    (
        "while scanning a block scalar",
        (
            N_("only a line break may follow '|' or '>'"),
            N_("Start the text on the next line, indented below the question id."),
        ),
    ),
    (
        "expected a single document",
        (N_("the file holds more than one document"), N_("Remove the '---' line: an answers file is one document.")),
    ),
    (
        "nesting depth",
        (
            N_("the file is nested far too deeply"),
            N_("Answers are text, lists or simple records: this is nested far too deeply."),
        ),
    ),
)


class Reader:
    """Collects every problem of one file instead of stopping at the first."""

    def __init__(self, bank: Bank, path: Path | None) -> None:
        self.bank = bank
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, mark: Any, message: str, hint: str = "") -> None:
        """Note a problem at a YAML mark (0-based), or for the whole file when None."""
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        self.problems.append(Problem(message, hint, self.path, line, column))

    def fail_if_any(self) -> None:
        """Raise every problem noted so far, in the order of the file."""
        if self.problems:
            raise UserError(*sorted(self.problems, key=lambda p: (p.line or 0, p.column or 0)))


def load(path: Path, bank: Bank) -> AnswerSheet:
    """Read and validate the answers file at ``path``."""
    return read(path, bank)[0]


def read(path: Path, bank: Bank) -> tuple[AnswerSheet, bytes]:
    """The validated answers at ``path`` and the bytes they were read from."""
    data = storage.read_bytes(path)
    if data is None:
        raise UserError(
            Problem(
                _("no such answers file"),
                _("Run `careerstory ask {file}` to start one, or give the path of an existing file.").format(file=path),
                path,
            )
        )
    sheet = load_bytes(data, bank, path)
    if sheet.migrated_from is not None:
        # Said here, where a command reads a file by its path, so that check and render
        # each say it once, and ask's own reads and read-backs stay quiet.
        with using(sheet.language or None, announce=False):
            sys.stderr.write(
                _(
                    "{file}: version {old} file, read as version {new}; "
                    "`careerstory migrate {file}` upgrades it and keeps your comments."
                ).format(file=path, old=sheet.migrated_from, new=CURRENT_VERSION)
                + "\n"
            )
    return sheet, data


def reads_as_answers(data: bytes) -> bool:
    """True when ``data`` is what an answers file holds, valid or not: a thing never to write over.

    That is a YAML mapping holding ``version`` or a block of the questions, or, when the
    YAML is broken, text whose first line after the comments is such a key.
    """
    from careerstory.questions import default_bank

    names = {"version", *(block.id for block in default_bank().blocks)}

    if len(data) > MAX_BYTES:
        return False
    try:
        text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        return False
    root = compose_nodes(text)
    if isinstance(root, yaml.MappingNode):
        return any(isinstance(key, yaml.ScalarNode) and key.value in names for key, _value in root.value)
    if root is not None:
        return False
    lines = (line.strip() for line in text.splitlines())
    first = next((line for line in lines if line and not line.startswith("#")), "")
    return first.partition(":")[1] == ":" and first.partition(":")[0].strip() in names


def decode(data: bytes, path: Path | None) -> str:
    """Decode the file's bytes as UTF-8 (a BOM is fine), or say where they are not."""
    if len(data) > MAX_BYTES:
        raise UserError(
            Problem(
                _("the answers file is larger than {size} kB").format(size=MAX_BYTES // 1000),
                _("An answers file holds text you typed; check that this is the right file."),
                path,
            )
        )
    body = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        before = body[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise UserError(
            Problem(
                _("byte 0x{byte:02x} is not UTF-8 text").format(byte=body[error.start]),
                _("Save the file as UTF-8 in your editor."),
                path,
                line,
                column,
            )
        ) from None


def load_bytes(data: bytes, bank: Bank, path: Path | None = None) -> AnswerSheet:
    """Validate the raw bytes of an answers file."""
    return load_text(decode(data, path), bank, path)


# The file's own `language:` line, found before parsing, so that even a file that does
# not parse is told its problems in its own language.
_LANGUAGE_LINE = re.compile(r"^language:[ \t]*[\"']?([A-Za-z0-9-]{1,64})[\"']?[ \t]*(?:#.*)?$", re.MULTILINE)


def spoken_language(text: str) -> str:
    """The language a file's messages are told in: its `language:` line when well-formed, else English."""
    found = _LANGUAGE_LINE.search(text)
    if found is None:
        return ""
    try:
        return parse_language(found.group(1)).tag
    except LanguageError:
        return ""  # said as a problem of its own when the file is read


def load_text(text: str, bank: Bank, path: Path | None = None) -> AnswerSheet:
    """Validate the text of an answers file and return its answers, its problems told in its language."""
    with using(spoken_language(text) or None, announce=False):
        return _load_text(text, bank, path)


def _load_text(text: str, bank: Bank, path: Path | None) -> AnswerSheet:
    reader = Reader(bank, path)
    root = compose(text, reader)
    sheet = AnswerSheet(bank, {q.id: empty_answer(q) for q in bank.questions}, path)
    if root is not None:
        try:
            _read_root(root, reader, sheet)
        except RecursionError:
            reader.problem(root.start_mark, "the file is nested far too deeply", "Answers are text, lists or records.")
    reader.fail_if_any()
    return sheet


def compose(text: str, reader: Reader) -> yaml.Node | None:
    """Parse to a node tree of plain text, refusing what a person's file never needs.

    Anchors, aliases and tags are reported but do not stop the reading, so that the
    rest of the file's problems are reported with them.
    """
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.AliasEvent):
                reader.problem(
                    event.start_mark,
                    _("the alias *{name} is not allowed here").format(name=event.anchor),
                    _("Write the answer out in full instead of pointing to another one."),
                )
            elif isinstance(event, yaml.NodeEvent) and event.anchor is not None:
                reader.problem(
                    event.start_mark,
                    _("the anchor &{name} is not allowed here").format(name=event.anchor),
                    _("Remove it; answers are plain text."),
                )
            if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)) and event.tag not in (None, "!"):
                reader.problem(
                    event.start_mark,
                    _("the tag {tag} is not allowed: an answer is plain text").format(
                        tag=str(event.tag).replace("tag:yaml.org,2002:", "!!")
                    ),
                    _("Delete the tag (the word starting with '!'), and keep the answer."),
                )
        return yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        said = " ".join(str(part) for part in (error.context, error.problem) if part)
        # For an unclosed quote the problem is found at the end of the file; the quote
        # itself is where the person has to look.
        quoted = "quoted scalar" in str(error.context) and "end of stream" in str(error.problem)
        # An unclosed '[' or '{' is found where the parser gives up, often lines later;
        # its context mark is the bracket that was never closed.
        unclosed = "flow" in str(error.context) and "did not find expected ','" in str(error.problem)
        mark = (error.context_mark if quoted or unclosed else error.problem_mark) or error.context_mark
        # Marked at import, translated here: the language is the file's, known only now.
        message, hint = next(
            ((_(message), _(hint)) for key, (message, hint) in _SYNTAX_PROBLEMS if key in said),
            (_("YAML syntax: {message}").format(message=said), _("Fix the YAML syntax at this place.")),
        )
        if mark is not None and text[mark.index : mark.index + 1] == "\t":
            message, hint = _("a tab character here"), _(_TAB_HINT)
        reader.problem(mark, message, hint)
    except yaml.reader.ReaderError as error:
        before = text[: error.position]
        line, column = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        reader.problems.append(
            Problem(
                _("the character {character} is not allowed in the file").format(
                    character=_describe(chr(error.character) if isinstance(error.character, int) else "?")
                ),
                _("Delete it (it usually arrives by copy and paste)."),
                reader.path,
                line,
                column,
            )
        )
    except RecursionError:
        reader.problem(None, _("the file is nested far too deeply"), _("Answers are text, lists or simple records."))
    except yaml.YAMLError as error:  # e.g. a second document
        reader.problem(None, _("YAML: {error}").format(error=error), _("Keep one document of plain text."))
    return None


def _describe(char: str) -> str:
    return f"U+{ord(char):04X} ({unicodedata.name(char, _('a control character'))})"


def _suggest(word: str, known: list[str]) -> str:
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    return _("Did you mean '{word}'? ").format(word=close[0]) if close else ""


def _pairs(node: yaml.MappingNode, reader: Reader, what: str) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
    """The mapping's key/value pairs, each key a scalar named once."""
    seen: dict[str, yaml.ScalarNode] = {}
    pairs: list[tuple[yaml.ScalarNode, yaml.Node]] = []
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            reader.problem(key.start_mark, _("a key in {what} must be a plain name").format(what=what))
            continue
        if key.value in seen:
            first = seen[key.value].start_mark
            reader.problem(
                key.start_mark,
                _("'{key}' appears twice in {what} (first at line {first})").format(
                    key=key.value, what=what, first=first.line + 1
                ),
                _("Keep one of them: merge the answers of line {first} and line {second}.").format(
                    first=first.line + 1, second=key.start_mark.line + 1
                ),
            )
            continue
        seen[key.value] = key
        pairs.append((key, value))
    return pairs


# -- the node tree, for the writer that changes a file by span ---------------------------


def compose_nodes(text: str) -> yaml.Node | None:
    """The node tree of ``text``, or None when it holds no node or does not parse.

    Meant for text the strict reader has accepted; :func:`compose` says what is wrong
    with any other.
    """
    try:
        return yaml.compose(text, Loader=_LOADER)
    except (yaml.YAMLError, RecursionError):
        return None


def is_empty(node: yaml.Node) -> bool:
    """True for a key with nothing after it (a plain empty scalar)."""
    # libyaml calls the plain style "", the Python parser None.
    return isinstance(node, yaml.ScalarNode) and node.value == "" and not node.style


# YAML 1.1 and 1.2 both read these plain scalars as null: PyYAML and yq write an empty
# answer as `~` or `null`, and the schema allows null for every answer.
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))


def is_null(node: yaml.Node) -> bool:
    """True for what YAML reads as no value: nothing, a plain `~` or `null`, an empty `[]` or `{}`.

    A quoted "~" or "null" is text as typed.
    """
    if isinstance(node, yaml.ScalarNode):
        return not node.style and node.value in _NULLS
    return isinstance(node, yaml.CollectionNode) and bool(node.flow_style) and not node.value


@dataclass(frozen=True)
class Pair:
    """A key of a mapping and the node of its value: where an answer or a block sits."""

    key: yaml.ScalarNode
    value: yaml.Node

    @property
    def start(self) -> int:
        """Index of the key's first character in the text."""
        return int(self.key.start_mark.index)

    @property
    def column(self) -> int:
        """The key's column, 0-based: the indentation of its line."""
        return int(self.key.start_mark.column)

    def end(self, text: str) -> int:
        """Index just past the value's own text (see :func:`content_end`)."""
        return content_end(self.value, text)


def find_pair(mapping: yaml.Node, key: str) -> Pair | None:
    """The pair of ``mapping`` whose key is ``key``; None when absent or not a mapping."""
    if isinstance(mapping, yaml.MappingNode):
        for k, v in mapping.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return Pair(k, v)
    return None


def values_by_key(mapping: yaml.MappingNode) -> dict[str, yaml.Node]:
    """The value nodes of a mapping, by their keys' text."""
    return {k.value: v for k, v in mapping.value if isinstance(k, yaml.ScalarNode)}


def content_end(node: yaml.Node, text: str) -> int:
    """Index just past the last character that belongs to ``node``'s own text."""
    if isinstance(node, yaml.ScalarNode) or (isinstance(node, yaml.CollectionNode) and node.flow_style):
        end: int = node.end_mark.index
        # Block scalars own the line breaks (and trailing spaces) after them; those stay.
        while end > node.start_mark.index and text[end - 1] in " \t\r\n":
            end -= 1
        return end
    last = node.value[-1]
    return content_end(last[1] if isinstance(node, yaml.MappingNode) else last, text)


def scalars(node: yaml.Node) -> list[yaml.ScalarNode]:
    """Every scalar under ``node`` (keys and values), in the order of the text."""
    if isinstance(node, yaml.ScalarNode):
        return [node]
    if isinstance(node, yaml.MappingNode):
        return [s for key, value in node.value for part in (key, value) for s in scalars(part)]
    if isinstance(node, yaml.SequenceNode):
        return [s for item in node.value for s in scalars(item)]
    return []


# -- validation ----------------------------------------------------------------------------


def _read_root(root: yaml.Node, reader: Reader, sheet: AnswerSheet) -> None:
    if is_null(root):
        return
    if not isinstance(root, yaml.MappingNode):
        reader.problem(
            root.start_mark,
            _("the answers file must be a mapping of blocks"),
            _("Start from `careerstory ask`, which writes the layout for you."),
        )
        return
    version = _version(root, reader)
    if version is None:
        return
    if version < CURRENT_VERSION:
        reader.problems += [
            Problem(p.message, p.hint, reader.path, p.line, p.column) for p in migrations.lift(root, version)
        ]
        sheet.migrated_from = version
    block_ids = [b.id for b in reader.bank.blocks]
    for key, value in _pairs(root, reader, _("the file")):
        if key.value == "version":
            continue
        if key.value == "language":
            sheet.language = _language(value, reader)
        elif key.value in block_ids:
            _read_block(reader.bank.block(key.value), value, reader, sheet)
        else:
            hint = _unknown_key_hint(reader.bank, key.value, block_ids, _("Known blocks"))
            reader.problem(key.start_mark, _("unknown block '{key}'").format(key=key.value), hint)


def _unknown_key_hint(bank: Bank, key: str, known: list[str], known_label: str) -> str:
    """What to do about a key that is not known where it stands.

    A question id out of its block is told where it belongs; any other key gets the
    closest known one suggested, and the list of what may stand there.
    """
    owner = next((block.id for block in bank.blocks if any(q.id == key for q in block.questions)), None)
    if owner:
        return _("'{key}' is a question of block '{owner}': move it under `{owner}:`.").format(key=key, owner=owner)
    return _suggest(key, known) + f"{known_label}: {', '.join(known)}."


# A version as typed: plain, a whole number as YAML and every editor read it (2, +2, 2.0);
# quoted, digits alone ("2"). The schema says the same (careerstory/answers/schema.py).
PLAIN_VERSION = re.compile(r"\+?([0-9]+)(?:\.0*)?")
QUOTED_VERSION = re.compile(r"([0-9]+)")


def version_number(node: yaml.Node) -> int | None:
    """The whole number a ``version`` value is, or None when it is no version."""
    if not isinstance(node, yaml.ScalarNode):
        return None
    text = str(node.value).strip()
    plain = not node.style  # libyaml says "", the pure-Python parser None
    match = (PLAIN_VERSION if plain else QUOTED_VERSION).fullmatch(text) if text.isascii() else None
    return int(match.group(1)) if match else None


def _version(root: yaml.MappingNode, reader: Reader) -> int | None:
    """The file's version, or None when it is newer than this careerstory reads.

    A version that is no version at all is reported, and the file read as current so
    that its other problems are reported with it.
    """
    node = next((v for k, v in root.value if isinstance(k, yaml.ScalarNode) and k.value == "version"), None)
    if node is None:
        return migrations.guess_version(root)
    number = version_number(node)
    if number is not None and number > CURRENT_VERSION:
        reader.problem(
            node.start_mark,
            _("this file is version {version}, newer than this careerstory (it reads up to version {current})").format(
                version=number, current=CURRENT_VERSION
            ),
            _("Upgrade careerstory (for example `pip install --upgrade careerstory`), then run the command again."),
        )
        return None
    if number is not None and number >= min(s.version for s in migrations.STEPS) - 1:
        return number
    reader.problem(
        node.start_mark,
        _("unsupported version (this careerstory reads versions 1 to {current})").format(current=CURRENT_VERSION),
        _("Write `version: {current}`.").format(current=CURRENT_VERSION),
    )
    return CURRENT_VERSION


def _language(node: yaml.Node, reader: Reader) -> str:
    text = _text(node, reader, "language", _("a language code"))
    if not text:
        return ""
    try:
        parse_language(text)  # the one grammar, shared with `ask --language` and the schema
    except LanguageError:
        reader.problem(
            node.start_mark,
            _("'{text}' is not a language code").format(text=text),
            _("Write a BCP 47 code such as `en`, `de`, `pl` or `de-AT`, or delete the line for English."),
        )
        return ""
    return text.strip()


def _read_block(block: Block, node: yaml.Node, reader: Reader, sheet: AnswerSheet) -> None:
    if is_null(node):
        return
    if not isinstance(node, yaml.MappingNode):
        reader.problem(
            node.start_mark,
            _("block '{block}' must hold its questions as 'id: answer' lines").format(block=block.id),
            _("Indent each question id under the block name."),
        )
        return
    ids = [q.id for q in block.questions]
    for key, value in _pairs(node, reader, _("block '{block}'").format(block=block.id)):
        if key.value in ids:
            question = block.questions[ids.index(key.value)]
            answer = _read_answer(question, value, reader)
            if answer is not None:
                sheet.values[question.id] = answer
            continue
        moved = _moved_to(block.id, key.value)
        if moved:
            hint = _(
                "Since version {version} it lives in each target: "
                "move it under `targets:` `jobs:` as a job's `{field}`."
            ).format(version=_moved_in(block.id, key.value), field=moved)
        else:
            hint = _unknown_key_hint(reader.bank, key.value, ids, _("Questions of '{block}'").format(block=block.id))
        reader.problem(
            key.start_mark, _("unknown question '{key}' in block '{block}'").format(key=key.value, block=block.id), hint
        )


def _moved_in(block_id: str, question_id: str) -> int:
    """The version whose step moved a question of an older version away."""
    return next(s.version for s in migrations.STEPS for m in s.moves if m.source == (block_id, question_id))


def _moved_to(block_id: str, question_id: str) -> str | None:
    """The field a question of an older version became, if a step moved it into records."""
    for step in migrations.STEPS:
        for move in step.moves:
            if move.source == (block_id, question_id) and len(move.target) == 4:
                return str(move.target[3])
    return None


def _text(node: yaml.Node, reader: Reader, where: str, what: str) -> str | None:
    if is_null(node):
        return ""
    if isinstance(node, yaml.ScalarNode):
        # A block scalar always ends in a line break; it is layout, not part of the answer.
        text = str(node.value).rstrip("\n")
        # The same rule as for a typed answer: a control character written as an escape
        # ("\x07", "\u0000") would reach every output unseen. A "\r" is a line break to
        # YAML and to the brief's Markdown alike, so it stays.
        bad = unstorable_character(text.replace("\r", "\n"))
        if bad is not None:
            reader.problem(
                node.start_mark,
                _("{where}: the answer holds the invisible character {character}").format(
                    where=where, character=_describe(bad)
                ),
                _("Delete its escape (such as \\x07 or \\u0000) from the quoted text."),
            )
            return None
        return text
    shape = _("a list") if isinstance(node, yaml.SequenceNode) else _("a mapping")
    hint = (
        _("Write it as one text; for several lines use `|` and indent the lines below.")
        if isinstance(node, yaml.SequenceNode)
        else _("Put text holding ': ' in quotes.")
    )
    reader.problem(
        node.start_mark, _("{where}: expected {what}, found {shape}").format(where=where, what=what, shape=shape), hint
    )
    return None


def _read_answer(question: Question, node: yaml.Node, reader: Reader) -> Answer | None:
    if question.shape.text:
        return _text(node, reader, question.id, _("text"))
    if is_null(node):
        return []
    if not isinstance(node, yaml.SequenceNode):
        example = (
            "  - " + _("first item") + "\n  - " + _("second item")
            if question.shape.items
            else _record_example(question)
        )
        reader.problem(
            node.start_mark,
            _("{question}: expected a list of items starting with '- '").format(question=question.id),
            _("Write it as:") + f"\n{example}",
        )
        return None
    if question.shape.items:
        return _items(node, reader, question.id)
    entries = [_read_entry(question, item, reader) for item in node.value]
    return [entry for entry in entries if entry is not None]


def _record_example(question: Question) -> str:
    """A record in two or three lines: fields left out read as empty, so the rest can wait."""
    shown = [f.id for f in question.fields if f.required] + [f.id for f in question.fields if not f.required]
    return "  - " + "\n    ".join(f"{field}: ..." for field in shown[:3])


def _read_entry(question: Question, node: yaml.Node, reader: Reader) -> GroupEntry | None:
    field_ids = [f.id for f in question.fields]
    if is_null(node):
        return {f.id: empty_field(f) for f in question.fields}
    if not isinstance(node, yaml.MappingNode):
        reader.problem(
            node.start_mark,
            _("{question}: a record is written as `field: text` lines under a '- '").format(question=question.id),
            _("Write it like this (any field left out reads as empty):") + "\n" + _record_example(question),
        )
        return None
    # A field left out reads as empty, so a field added in a new version needs no edit of old records.
    entry: GroupEntry = {f.id: empty_field(f) for f in question.fields}
    for key, value in _pairs(node, reader, _("an entry of '{question}'").format(question=question.id)):
        if key.value not in field_ids:
            reader.problem(
                key.start_mark,
                _("{question}: unknown field '{key}'").format(question=question.id, key=key.value),
                _suggest(key.value, field_ids) + _("Fields: {fields}.").format(fields=", ".join(field_ids)),
            )
            continue
        field = question.field(key.value)
        where = f"{question.id}.{key.value}"
        read: FieldValue | None
        if field.shape.items:
            read = _items(value, reader, where)
        elif field.shape.records:
            read = _subrecords(field, value, reader, where)
        else:
            read = _text(value, reader, where, _("text"))
        if read is None:
            continue
        if field.choices and isinstance(read, str) and read and read not in field.choices:
            reader.problem(
                value.start_mark,
                _("{where}: '{text}' is not one of its choices").format(where=where, text=read),
                _suggest(read, list(field.choices))
                + _("Use one of: {choices}.").format(choices=", ".join(field.choices)),
            )
        entry[key.value] = read
    return entry


def _subrecord_example(field: Field) -> str:
    first, *rest = [sub.id for sub in field.fields]
    return f"  - {first}: ...\n" + "".join(f"    {sub}: ...\n" for sub in rest[:1]) + f"  - {first}: ..."


def _subrecords(field: Field, node: yaml.Node, reader: Reader, where: str) -> list[SubRecord] | None:
    """A group field's records (a job's requirements); a plain item reads as the first field.

    So a hand-written list (``- SQL``) keeps working: it is ``- need: SQL`` with the rest empty.
    """
    if is_null(node):
        return []
    if not _is_list(node, reader, where, _subrecord_example(field)):
        return None
    sub_ids = [sub.id for sub in field.fields]
    records: list[SubRecord] = []
    for item in node.value:
        record = empty_subrecord(field)
        if isinstance(item, yaml.ScalarNode):
            text = _text(item, reader, where, _("text"))
            if text is None:
                continue
            record[sub_ids[0]] = text
            records.append(record)
            continue
        if not isinstance(item, yaml.MappingNode):
            reader.problem(
                item.start_mark,
                _("{question}: each item is a text or `field: text` lines under its '- '").format(question=where),
                _("Write it like this (any field left out reads as empty):") + "\n" + _subrecord_example(field),
            )
            continue
        for key, value in _pairs(item, reader, _("an item of '{question}'").format(question=where)):
            if key.value not in sub_ids:
                reader.problem(
                    key.start_mark,
                    _("{question}: unknown field '{key}'").format(question=where, key=key.value),
                    _suggest(key.value, sub_ids) + _("Fields: {fields}.").format(fields=", ".join(sub_ids)),
                )
                continue
            text = _text(value, reader, f"{where}.{key.value}", _("text"))
            if text is not None:
                record[key.value] = text
        records.append(record)
    return records


def _is_list(node: yaml.Node, reader: Reader, where: str, example: str) -> bool:
    """Whether ``node`` is a YAML list; when not, a problem saying so, with ``example`` to copy."""
    if isinstance(node, yaml.SequenceNode):
        return True
    reader.problem(
        node.start_mark,
        _("{question}: expected a list of items starting with '- '").format(question=where),
        _("Write it as:") + "\n" + example,
    )
    return False


def _items(node: yaml.Node, reader: Reader, where: str) -> list[str] | None:
    """A list of short text items (empty when the node is empty)."""
    if is_null(node):
        return []
    if not _is_list(node, reader, where, "  - " + _("first item") + "\n  - " + _("second item")):
        return None
    items = [_text(item, reader, where, _("a short text item")) for item in node.value]
    return [item for item in items if item is not None]
