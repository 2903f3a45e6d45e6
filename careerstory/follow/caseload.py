"""A coach's caseload: many answers files, each read once, in parallel when there are enough.

Each file is read, validated and located once in the process that works on it, and only
small typed records travel back: a caseload of two hundred files never pickles an answer
sheet or the question bank.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from careerstory import _, storage
from careerstory.answers.locating import Located, locate
from careerstory.answers.model import AnswerSheet
from careerstory.answers.reading import decode, load_bytes
from careerstory.errors import Problem, UserError
from careerstory.questions import Bank, default_bank

Result = TypeVar("Result")
# Below this many files a pool costs more to start than it saves (measured: make bench).
POOL_FROM = 24


@dataclass(frozen=True)
class Opened:
    """One answers file as read: its answers, their places and its text; or why it could not be read."""

    path: Path
    sheet: AnswerSheet | None
    text: str = ""
    answers: tuple[Located, ...] = ()
    problems: tuple[Problem, ...] = ()
    missing: bool = False


def open_file(path: Path, bank: Bank) -> Opened:
    """Read ``path`` once, quietly: an older version is said by whoever shows the file, not here."""
    try:
        data = storage.read_bytes(path)
        if data is None:
            problem = Problem(
                _("no such answers file"),
                _("Check the path, or run `careerstory ask {file}` to start one.").format(file=path),
                path,
            )
            return Opened(path, None, problems=(problem,), missing=True)
        sheet = load_bytes(data, bank, path)
        text = decode(data, path)
    except UserError as error:
        return Opened(path, None, problems=error.problems)
    return Opened(path, sheet, text, tuple(locate(text, bank)))


def _default_bank_work(work: Callable[[Path, Bank], Result], path: Path) -> Result:
    return work(path, default_bank())


def over_files(paths: Sequence[Path], work: Callable[[Path, Bank], Result], bank: Bank) -> list[Result]:
    """``work`` done on every file, results in the order of ``paths``.

    A large caseload is spread over a process pool; each worker reads the shipped bank
    itself (inherited from this one), so ``work`` must be a module-level function; with
    a bank of one's own, everything stays in this process.
    """
    workers = min(os.cpu_count() or 1, len(paths) // POOL_FROM)
    if workers < 2 or bank is not default_bank():
        return [work(path, bank) for path in paths]
    import functools
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Forked, as render's PDF workers are: each starts with careerstory imported and the bank read.
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        chunk = max(1, len(paths) // (workers * 4))
        return list(pool.map(functools.partial(_default_bank_work, work), paths, chunksize=chunk))


def write_output(out: Path, data: bytes, inputs: Sequence[Path]) -> None:
    """Write ``data`` to ``out`` all at once; never over an answers file, nor over one of ``inputs``."""
    from careerstory.answers.reading import reads_as_answers
    from careerstory.render.outputs import ANSWERS_SUFFIXES

    keep = _("Nothing was written. Give --out another file name, such as steps.ics or board.html.")
    if out.suffix.casefold() in ANSWERS_SUFFIXES or any(_same_file(out, path) for path in inputs):
        raise UserError(
            Problem(_("{out} is where answers are kept: careerstory never writes over one").format(out=out), keep, out)
        )
    target = Path(os.path.realpath(out))  # the write goes through a link: judge where it lands
    if target.suffix.casefold() in ANSWERS_SUFFIXES:
        raise UserError(
            Problem(
                _("{out} leads to {target}, where answers are kept: careerstory never writes over one").format(
                    out=out, target=target
                ),
                keep,
                out,
            )
        )
    try:
        existing = storage.read_bytes(out)
    except UserError:
        existing = None  # a folder or a pipe: the write says so in its own words
    if existing is not None and reads_as_answers(existing):
        raise UserError(
            Problem(
                _("{out} reads as an answers file, and careerstory never writes over one").format(out=out), keep, out
            )
        )
    storage.atomic_write(out, data)


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve() or (one.exists() and one.samefile(other))
    except OSError:
        return False
