"""``careerstory migrate``: an older answers file rewritten on disk as the current version.

The in-memory lift (:mod:`careerstory.answers.migrations`) says what a step moves; this
module makes the same moves in the text, span by span: each moved answer is cut out
together with the comment lines just above it, re-indented, and written under its new
home (``targets:`` / ``jobs:`` / ``- role: ...``); the ``version`` line changes; every
other byte stays. The result is read back and must give exactly the answers of the
in-memory lift, or nothing is written: a layout the writer cannot keep exactly is
refused, never corrupted. The old bytes are kept beside the file, in ``<file>.v1``
or ``<file>.v2`` after the version it was (``.v2-2``, ``.v2-3``... when that name is
taken: an older copy is never overwritten), written and read back before the file is
touched, and removed again when the file cannot be replaced (read-only, a full disk).
A CR-only file is moved in LF and given back its CRs. Version 3's step moves nothing:
it writes each plain requirement item (``- SQL``) as a record (``- need: SQL``), in place.

Each step finds all its edits (the cuts, the new record, the version line) on one
node tree of the text it starts from, then makes them together, from the end back.
Cost of a 100 kB version-1 file (300 people, tests/bench/bench.py builds it) on the
2-core development machine, 3 December 2026: working out the migration takes 51 ms in
process (it took 83 ms when every cut, the insertion and the version line composed the
tree afresh, nine trees in all), against 22 ms to read the file; the tree is now
composed four times: the in-memory lift, once for each of the two steps, the read-back.
Files that people write are under 10 kB.
"""

from __future__ import annotations

import contextlib
import difflib
import errno
import itertools
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from careerstory import _, storage
from careerstory.answers.migrations import CURRENT_VERSION, Move, Step, steps_from
from careerstory.answers.model import AnswerSheet
from careerstory.answers.reading import (
    MAX_BYTES,
    Pair,
    compose_nodes,
    content_end,
    decode,
    find_pair,
    is_empty,
    load_text,
)
from careerstory.answers.splicing import line_end, line_start, newline_of
from careerstory.errors import Problem, UserError
from careerstory.questions import Bank

BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Migration:
    """What migrating one file gives: its old and new bytes, and the steps taken."""

    path: Path
    old: bytes
    new: bytes
    from_version: int | None  # None: the file is current, nothing to do
    steps: tuple[Step, ...]

    @property
    def needed(self) -> bool:
        """True when the file is older than the current version."""
        return self.from_version is not None

    def diff(self) -> str:
        """The change as a unified diff, as ``--dry-run`` prints it."""
        old = decode(self.old, self.path).splitlines(keepends=True)
        new = decode(self.new, self.path).splitlines(keepends=True)
        lines = difflib.unified_diff(old, new, f"{self.path} (version {self.from_version})", f"{self.path}")
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


@dataclass(frozen=True)
class _Piece:
    """A moved answer: the comment lines above it and its own text, key to last line."""

    field: str
    comments: tuple[str, ...]
    lines: tuple[str, ...]  # the first starts at the key; the others keep their indentation
    column: int  # the key's column where it stood


def plan(path: Path, data: bytes, bank: Bank) -> Migration:
    """Work out the migration of ``data`` (the file at ``path``); raise :class:`UserError` when it cannot be made."""
    text = decode(data, path)
    lifted = load_text(text, bank, path)
    if lifted.migrated_from is None:
        return Migration(path, data, data, None, ())
    steps = steps_from(lifted.migrated_from)
    # YAML reads a lone CR as a line break, as old Mac editors wrote them; the writer
    # works in lines ended by LF, so a CR-only file is moved in LF and given back its CRs.
    cr_only = "\r" in text and "\n" not in text
    new = text.replace("\r", "\n") if cr_only else text
    for number, step in enumerate(steps, 1):
        # One tree per step: every edit of the step is found on it, then all are made at once.
        root = _root(new, path)
        edits = _step_edits(new, root, step, path, bank)
        if number == len(steps):
            edits.append(_version_edit(new, root))
        new = _edited(new, edits)
    if cr_only:
        new = new.replace("\n", "\r")
    _verify(new, lifted, bank, path)
    bom = BOM if data.startswith(BOM) else b""
    return Migration(path, data, bom + new.encode("utf-8"), lifted.migrated_from, steps)


def backup_path(path: Path, version: int) -> Path:
    """The first free name for the old bytes: ``<file>.v1``, then ``<file>.v1-2``, ..."""
    return next(candidate for candidate in _backup_names(path, version) if not _taken(candidate))


def _backup_names(path: Path, version: int) -> Iterator[Path]:
    yield path.with_name(f"{path.name}.v{version}")
    for number in itertools.count(2):
        yield path.with_name(f"{path.name}.v{version}-{number}")


def _taken(candidate: Path) -> bool:
    return candidate.exists() or candidate.is_symlink()


def _same_copy(candidate: Path, data: bytes) -> bool:
    """True when ``candidate`` is a regular file holding exactly ``data`` (a copy kept before)."""
    try:
        return candidate.is_file() and not candidate.is_symlink() and storage.read_bytes(candidate, len(data)) == data
    except UserError:
        return False


def _keep_copy(path: Path, data: bytes, version: int) -> tuple[Path, bool]:
    """Write the old bytes to a new file beside ``path``, with its mode (answers can be private).

    The copy is read back before anything else is done; one that cannot be written
    whole (a full disk) is removed again. A copy of exactly these bytes kept before is
    used as it is, so that migrating again never piles up copies. Returns the copy
    and whether it was made now.
    """
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mode = 0o600
    for copy in _backup_names(path, version):
        if _taken(copy):
            if _same_copy(copy, data):
                return copy, False
            continue
        try:
            # O_EXCL: a copy that appeared meanwhile is never written over.
            fd = os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, mode | stat.S_IWUSR)
        except FileExistsError:
            continue
        except OSError as error:
            raise UserError(
                Problem(
                    _("cannot keep a copy of the old file beside it: {reason}").format(reason=error.strerror),
                    _("Nothing was changed. Make the folder writable, then run the command again."),
                    path,
                )
            ) from None
        try:
            try:
                storage.write_all(fd, data)
                os.fchmod(fd, mode)
                os.fsync(fd)
            finally:
                os.close(fd)
            if storage.read_bytes(copy, len(data)) != data:
                raise OSError(errno.EIO, _("the copy does not read back as the file"))
        except BaseException as error:
            with contextlib.suppress(OSError):
                os.unlink(copy)
            if isinstance(error, (OSError, UserError)):
                reason = error.strerror if isinstance(error, OSError) else error.problems[0].message
                raise UserError(
                    Problem(
                        _("could not keep a copy of the old file beside it: {reason}").format(reason=reason),
                        _(
                            "Nothing was changed, and no copy is left behind. Free some disk space, "
                            "then run the command again."
                        ),
                        path,
                    )
                ) from None
            raise
        return copy, True
    raise AssertionError("unreachable: the names of copies never run out")


def write(migration: Migration) -> Path:
    """Keep the old bytes beside the file, then replace it atomically; return the copy's path.

    When the file itself cannot be replaced (read-only, a full disk), the copy made
    for it is removed again: a refused migration leaves the folder as it was.
    """
    assert migration.from_version is not None
    copy, made = _keep_copy(migration.path, migration.old, migration.from_version)
    try:
        storage.atomic_write(migration.path, migration.new)
    except BaseException:
        if made:
            with contextlib.suppress(OSError):
                os.unlink(copy)
        raise
    return copy


def read_for_migration(path: Path) -> bytes:
    """The file's bytes, or a :class:`UserError` saying why it cannot be read."""
    data = storage.read_bytes(path)
    if data is None:
        raise UserError(Problem(_("no such answers file"), _("Give the path of an existing file."), path))
    if len(data) > MAX_BYTES:
        decode(data, path)  # raises the reader's own message about the size
    return data


def migrate_locked(path: Path, bank: Bank) -> tuple[Migration, Path | None]:
    """Migrate the file at ``path`` on disk; the caller holds its lock (``ask`` does)."""
    migration = plan(path, read_for_migration(path), bank)
    return migration, (write(migration) if migration.needed else None)


def migrate_path(path: Path, bank: Bank, *, dry_run: bool) -> tuple[Migration, Path | None]:
    """Migrate one file (or only plan it, for ``--dry-run``), holding its lock against a running ``ask``."""
    if dry_run:
        return plan(path, read_for_migration(path), bank), None
    lock = storage.FileLock(path)
    lock.acquire()
    try:
        return migrate_locked(path, bank)
    finally:
        lock.release()


# -- the text, span by span ----------------------------------------------------------------


def _refuse(path: Path | None, why: str, line: int | None = None, column: int | None = None) -> UserError:
    return UserError(
        Problem(
            _("cannot upgrade this file's layout by itself: {why}").format(why=why),
            _(
                "Nothing was changed. Move the answer by hand: the README's section for people with a "
                "version-1 file shows where each answer goes."
            ),
            path,
            line,
            column,
        )
    )


def _root(text: str, path: Path | None) -> yaml.MappingNode:
    root = compose_nodes(text)
    if not isinstance(root, yaml.MappingNode) or root.flow_style:
        raise _refuse(path, _("the file is not a mapping of blocks in block style"))
    return root


def _comments_start(text: str, floor: int, key_start: int) -> int:
    """The start of the comment lines just above the key (none may start before ``floor``)."""
    at = line_start(text, key_start)
    while at > floor:
        above = line_start(text, at - 1)
        if above < floor or not text[above:at].lstrip().startswith("#"):
            break
        at = above
    return at


def _floor(text: str, block: Pair, answer: Pair) -> int:
    """Where the text that belongs to ``answer`` may start: after its previous sibling, or the block's key line."""
    assert isinstance(block.value, yaml.MappingNode)
    previous = block.key
    for key, value in block.value.value:
        if key is answer.key:
            break
        previous = value
    end = content_end(previous, text) if previous is not block.key else block.key.end_mark.index
    return line_end(text, end)


# A change of the text: (start, end, what takes the place of text[start:end]).
Edit = tuple[int, int, str]


def _edited(text: str, edits: list[Edit]) -> str:
    """``text`` with every edit made; all were found on ``text`` as it is, none overlaps another."""
    limit = len(text)
    # From the end back, so that each edit's offsets still hold when it is made; an
    # insertion where a cut ends goes in first, and stays after what the cut leaves.
    for start, end, new in sorted(edits, key=lambda edit: (edit[0], edit[1]), reverse=True):
        if end > limit:
            raise NotImplementedError(f"migration edits overlap at {start}")
        text = text[:start] + new + text[end:]
        limit = start
    return text


def _cut(text: str, root: yaml.MappingNode, move: Move, path: Path | None) -> tuple[Edit | None, _Piece | None]:
    """The edit that takes the source answer of ``move`` out of ``text`` with its comment lines, and that answer."""
    block = find_pair(root, move.source[0])
    if block is None or not isinstance(block.value, yaml.MappingNode):
        return None, None
    answer = find_pair(block.value, move.source[1])
    if answer is None:
        return None, None
    if block.value.flow_style:
        # Checked on the file as written (see _apply), so this names the right line.
        mark = block.key.start_mark
        raise _refuse(path, _("block '{block}' is written in flow style").format(block=block.key.value), mark.line + 1)
    floor = _floor(text, block, answer)
    start = _comments_start(text, floor, answer.start)
    # Whole lines, every byte but the line break kept (a comment's trailing spaces too).
    comment_lines = [line.removesuffix("\r") for line in text[start : line_start(text, answer.start)].split("\n")][:-1]
    if is_empty(answer.value):
        # Nothing to move: the key goes, and careerstory's old question above it with it.
        end = line_end(text, answer.key.end_mark.index)
        mine = [line for line in comment_lines if line.strip() != f"# {move.prompt}"]
        # A note after the empty answer ("target_role:  # not yet") stays, on a line of its own.
        note = text[answer.key.end_mark.index : end].rstrip("\r\n").lstrip().removeprefix(":").lstrip(" \t")
        if note.startswith("#"):
            mine.append(" " * answer.column + note)
        return (start, end, "".join(line + newline_of(text) for line in mine)), None
    end = line_end(text, answer.end(text))
    # The key is written anew (plain, under its new name); the rest keeps its bytes.
    body = text[answer.key.end_mark.index : end].rstrip("\r\n")
    lines = tuple(line.rstrip("\r") for line in (str(move.target[-1]) + body).split("\n"))
    # A comment is re-indented with its answer; what follows its '#' stays as typed.
    piece = _Piece(str(move.target[-1]), tuple(c.lstrip(" \t") for c in comment_lines), lines, answer.column)
    return (start, end, ""), piece


def _reindent(line: str, by: int) -> str | None:
    if not line or by >= 0:
        # Spaces-only lines shift too: beyond the block's indentation they are content.
        return " " * by + line if line else line
    return line[-by:] if line[:-by] == " " * -by else None


def _record(pieces: list[_Piece], dash: int, newline: str, path: Path | None) -> str:
    """The first record of a group, written at ``dash``: ``- role: ...`` and its fields below."""
    out: list[str] = []
    column = dash + 2
    for number, piece in enumerate(pieces):
        at = dash if number == 0 else column
        out += [" " * at + comment for comment in piece.comments]
        first = ("- " if number == 0 else "") + piece.lines[0]
        out.append(" " * at + first)
        for line in piece.lines[1:]:
            moved = _reindent(line, column - piece.column)
            if moved is None:
                raise _refuse(path, _("'{field}' has lines less indented than its key").format(field=piece.field))
            out.append(moved)
    return newline.join(out) + newline


def _items_to_records(text: str, root: yaml.MappingNode, step: Step) -> list[Edit]:
    """Write each plain item of the step's record fields as a record of its first field.

    ``- SQL`` becomes ``- need: SQL`` (``[SQL]`` becomes ``[{need: SQL}]``): the item's
    text, its quotes and the comments around it keep their bytes; lines after the
    first of an item spread over several lines move two spaces right, below the new key.
    """
    edits: list[Edit] = []
    for block_id, question_id, field_id, first in step.item_records:
        block = find_pair(root, block_id)
        group = find_pair(block.value, question_id) if block else None
        if group is None or not isinstance(group.value, yaml.SequenceNode):
            continue
        for record in group.value.value:
            found = find_pair(record, field_id)
            if found is None or not isinstance(found.value, yaml.SequenceNode):
                continue
            flow = bool(found.value.flow_style) or bool(record.flow_style)
            for item in found.value.value:
                if not isinstance(item, yaml.ScalarNode) or is_empty(item):
                    continue
                start, end = int(item.start_mark.index), content_end(item, text)
                own = text[start:end]
                if flow:
                    edits.append((start, end, "{" + f"{first}: " + own + "}"))
                else:
                    edits.append((start, end, f"{first}: " + own.replace("\n", "\n  ")))
    return edits


def _step_edits(text: str, root: yaml.MappingNode, step: Step, path: Path | None, bank: Bank) -> list[Edit]:
    """The edits of one step's moves (and its items made records), all found on ``root``, the tree of ``text``."""
    edits = _items_to_records(text, root, step) if step.item_records else []
    if not step.moves:
        return edits
    homes = {move.target[:3] for move in step.moves}
    if len(homes) != 1 or any(len(m.source) != 2 or len(m.target) != 4 for m in step.moves):
        # Today's only step moves answers into the first record of one group; another
        # kind of step needs its own writing here.
        raise NotImplementedError(f"step {step.version}: only moves into one group's first record are written")
    pieces: list[_Piece] = []
    cuts: list[Edit] = []
    for move in step.moves:
        cut, piece = _cut(text, root, move, path)
        cuts += [cut] if cut is not None else []
        pieces += [piece] if piece is not None else []
    if pieces:
        home = step.moves[0].target
        # A cut starts at a line's start: when one runs to the end, what stays ends in a line break.
        broken = text.endswith("\n") or any(end == len(text) for _start, end, _new in cuts)
        edits.append(_insert(text, root, bank, str(home[0]), str(home[1]), pieces, path, broken))
    return edits + cuts


def _titled(text: str, bank: Bank, key: yaml.ScalarNode) -> bool:
    """True when the block at ``key`` has its title as a comment just above it, as careerstory writes files."""
    above = text[line_start(text, max(0, line_start(text, int(key.start_mark.index)) - 1)) : key.start_mark.index]
    titles = {f"# {block.title}" for block in bank.blocks} | {f"# {_(block.title)}" for block in bank.blocks}
    return above.strip() in titles


def _insert(
    text: str,
    root: yaml.MappingNode,
    bank: Bank,
    block_id: str,
    question_id: str,
    pieces: list[_Piece],
    path: Path | None,
    ends_in_break: bool,
) -> Edit:
    """The edit that puts ``pieces`` as the first record of ``block_id``'s group ``question_id``.

    ``ends_in_break`` says whether the text, once this step's cuts are made, ends in a line break.
    """
    newline = newline_of(text)
    top = int(root.value[0][0].start_mark.column)
    unit = max(2, min((p.column for p in pieces), default=2) - top)
    block = find_pair(root, block_id)
    if block is None:
        # The block goes last, after the last block's own text, laid out as a new file's.
        at = line_end(text, content_end(root.value[-1][1], text))
        head = newline + " " * top + f"{block_id}:" + newline + " " * (top + unit) + f"{question_id}:" + newline
        if _titled(text, bank, root.value[-1][0]):
            head = newline + " " * top + f"# {_(bank.block(block_id).title)}" + head
        lead = newline if at == len(text) and text and not ends_in_break else ""
        return (at, at, lead + head + _record(pieces, top + 2 * unit, newline, path))
    where = block.key.start_mark
    if is_empty(block.value):
        at = line_end(text, int(block.key.end_mark.index))
        head = " " * (top + unit) + f"{question_id}:" + newline
        return (at, at, head + _record(pieces, top + 2 * unit, newline, path))
    group = find_pair(block.value, question_id)
    if group is None or not is_empty(group.value):
        raise _refuse(
            path,
            _("'{block}' already holds '{question}' records").format(block=block_id, question=question_id),
            where.line + 1,
            where.column + 1,
        )
    at = line_end(text, int(group.key.end_mark.index))
    return (at, at, _record(pieces, group.column + unit, newline, path))


def _version_edit(text: str, root: yaml.MappingNode) -> Edit:
    """The current version written: the ``version`` value replaced, or a line added above the first block."""
    found = find_pair(root, "version")
    if found is not None:
        value = found.value
        return (int(value.start_mark.index), content_end(value, text), str(CURRENT_VERSION))
    first = root.value[0][0]
    at = _comments_start(text, 0, int(first.start_mark.index))
    return (at, at, " " * int(first.start_mark.column) + f"version: {CURRENT_VERSION}" + newline_of(text))


def _verify(text: str, lifted: AnswerSheet, bank: Bank, path: Path | None) -> None:
    """The new text must read back, as the current version, to exactly the lifted answers."""
    try:
        reread = load_text(text, bank, path)
    except UserError as error:
        why = _("the result would not read back ({problem})").format(problem=error.problems[0].message)
        raise _refuse(path, why) from None
    changed = [q.id for q in bank.questions if reread[q.id] != lifted[q.id]]
    if changed or reread.migrated_from is not None or reread.language != lifted.language:
        what = changed[0] if changed else "version"
        raise _refuse(path, _("the answer to '{question}' would not stay exactly as it is").format(question=what))


@dataclass(frozen=True)
class Outcome:
    """What ``careerstory migrate`` says about one file: a diff for standard output, a note for the person."""

    diff: str
    note: str


def migrate_files(paths: list[Path], bank: Bank, *, dry_run: bool) -> tuple[list[Outcome], list[Problem]]:
    """Migrate each file (or plan it); a file that fails does not stop the others."""
    outcomes: list[Outcome] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            migration, copy = migrate_path(path, bank, dry_run=dry_run)
        except UserError as error:
            problems += error.problems
            continue
        if not migration.needed:
            note = _("{file}: already version {version}; nothing to change.").format(file=path, version=CURRENT_VERSION)
            outcomes.append(Outcome("", note))
            continue
        what = "; ".join(_(step.summary) for step in migration.steps)
        if dry_run:
            note = _("{file}: would be upgraded from version {old} to {new} ({what}); nothing was written.").format(
                file=path, old=migration.from_version, new=CURRENT_VERSION, what=what
            )
        else:
            note = _(
                "{file}: upgraded from version {old} to {new} ({what}). Your version-{old} file is kept as {copy}."
            ).format(file=path, old=migration.from_version, new=CURRENT_VERSION, what=what, copy=copy)
        outcomes.append(Outcome(migration.diff() if dry_run else "", note))
    return outcomes, problems
