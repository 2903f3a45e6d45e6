"""Where a file's answers stand: the per-block progress, and the report ``check`` prints.

:func:`progress` is computed here once; ``check``'s report and the summary at the end of
``ask`` both show it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from careerstory import _, n_
from careerstory.answers.locating import editing_traps
from careerstory.answers.model import AnswerSheet, OpenRecord
from careerstory.answers.reading import decode, read
from careerstory.errors import Problem, UserError
from careerstory.i18n import using
from careerstory.questions import Bank, Block, Question


@dataclass(frozen=True)
class BlockProgress:
    """How far one block is answered, and which of its questions are still open."""

    block: Block
    answered: int
    open: tuple[Question, ...]

    @property
    def total(self) -> int:
        """How many questions the block has."""
        return len(self.block.questions)

    @property
    def complete(self) -> bool:
        """True when every question of the block has an answer."""
        return not self.open

    @property
    def open_required(self) -> tuple[Question, ...]:
        """The open questions a complete brief needs."""
        return tuple(q for q in self.open if q.required)


def progress(sheet: AnswerSheet) -> list[BlockProgress]:
    """Each block of the bank with how far ``sheet`` answers it, in bank order."""
    return [
        BlockProgress(block, sheet.answered_count(block), tuple(sheet.open_questions(block)))
        for block in sheet.bank.blocks
    ]


def open_required(blocks: Sequence[BlockProgress]) -> list[Question]:
    """Every open question a complete brief needs, in bank order."""
    return [question for block in blocks for question in block.open_required]


@dataclass(frozen=True)
class Gaps:
    """What keeps a file from a complete brief: what `--strict` refuses, in check and render alike."""

    questions: tuple[Question, ...]  # open required questions, in bank order
    records: tuple[OpenRecord, ...]  # records lacking a required field

    def __bool__(self) -> bool:
        return bool(self.questions or self.records)


def strict_gaps(sheet: AnswerSheet) -> Gaps:
    """The open required questions and the open records of ``sheet``."""
    return Gaps(tuple(open_required(progress(sheet))), tuple(sheet.open_records()))


def strict_problem(sheet: AnswerSheet) -> Problem | None:
    """Why ``--strict`` refuses ``sheet``, or None when it lets it through."""
    gaps = strict_gaps(sheet)
    if not gaps:
        return None
    what = [q.id for q in gaps.questions] + [str(record) for record in gaps.records]
    return Problem(
        _("--strict: not complete yet: {what}").format(what=", ".join(what)),
        _("Answer them with `careerstory ask {file}`, or go without --strict.").format(file=sheet.path),
        sheet.path,
    )


@dataclass(frozen=True)
class Report:
    """What ``check`` says about one valid file."""

    text: str
    complete: bool  # every required question has an answer


def report(sheet: AnswerSheet) -> Report:
    """The report of a valid file: block by block, what is answered and what is open."""
    blocks = progress(sheet)
    lines = [_("{file}: valid").format(file=sheet.path)]
    width = max(len(_(p.block.title)) for p in blocks)
    for block in blocks:
        answered = _("{done} of {total} answered").format(done=block.answered, total=block.total)
        lines.append(f"  {_(block.block.title):<{width}}  {answered}")
        for question in block.open:
            mark = _("required") if question.required else _("optional")
            lines.append("      " + _("open ({mark}): {id}").format(mark=mark, id=question.id))
    gaps = strict_gaps(sheet)
    for record in gaps.records:
        lines.append("  " + _("open record: {record} yet").format(record=record))
    if gaps.records:
        lines.append(_("Fill in what each open record lacks, or delete the record; `check --strict` waits for it."))
    missing = len(gaps.questions)
    if missing:
        lines.append(
            n_(
                "{n} required question still open: `careerstory ask {file}` asks it.",
                "{n} required questions still open: `careerstory ask {file}` asks them.",
                missing,
            ).format(n=missing, file=sheet.path)
        )
    elif gaps.records:
        lines.append(
            n_(
                "Every required question is answered, but {n} record is still open.",
                "Every required question is answered, but {n} records are still open.",
                len(gaps.records),
            ).format(n=len(gaps.records))
        )
    else:
        lines.append(_("Every required question is answered."))
    return Report("\n".join(lines), not gaps)


@dataclass(frozen=True)
class FileCheck:
    """The outcome of checking one file: its report, or the problems that make it invalid."""

    path: Path
    report: Report | None
    problems: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()  # editing traps in a valid file: said, never an error


def check_files(paths: Sequence[Path], bank: Bank) -> list[FileCheck]:
    """Check every file; an invalid one does not stop the others from being checked."""
    checks = []
    for path in paths:
        try:
            sheet, data = read(path, bank)
            with using(sheet.language or None):  # each file's report in its own language
                checked = report(sheet)
        except UserError as error:
            checks.append(FileCheck(path, None, error.problems))
            continue
        # The traps are looked for in the bytes just checked, line breaks read as a text file's.
        text = decode(data, path).replace("\r\n", "\n").replace("\r", "\n")
        checks.append(FileCheck(path, checked, warnings=tuple(editing_traps(text, path))))
    return checks


def check_text(check: FileCheck, several: bool) -> str:
    """What standard output says of one checked file, under a ``==> file <==`` header when ``several``.

    A single invalid file gives no text: its problems, on standard error, say it all.
    When there are several, the problems follow their file's header on standard error.
    """
    if check.report is not None:
        body = check.report.text
    elif several:
        n = len(check.problems)
        body = n_("{file}: invalid, {n} problem:", "{file}: invalid, {n} problems:", n).format(file=check.path, n=n)
    else:
        return ""
    return f"==> {check.path} <==\n{body}" if several else body
