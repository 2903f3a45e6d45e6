"""A coach's review: the notes a coach would make on a valid answers file.

``check`` says whether a file is valid and answered; the review reads the answers the
way a coach does (thin answers, evidence without a number, a pitch that runs long) and
says what to do, at the answer's own line and column. The rules live in
:mod:`careerstory.review.rules`; this module runs them and places what they find.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from careerstory.answers.locating import Lines, locate
from careerstory.answers.model import AnswerSheet
from careerstory.answers.reading import decode, read
from careerstory.errors import Problem, UserError
from careerstory.i18n import using
from careerstory.questions import Bank
from careerstory.review.rules import RULES, Rule
from careerstory.review.story import Note, Story
from careerstory.review.words import today

__all__ = ["RULES", "FileReview", "Note", "Rule", "review_files", "review_sheet"]


def base_language(code: str) -> str:
    """The base language of a file's ``language`` ("" is English)."""
    return (code.split("-", 1)[0] or "en").lower()


def review_sheet(sheet: AnswerSheet, text: str, on: date | None = None) -> list[Note]:
    """Every note on a valid file's answers, grouped by block in the bank's order, then by place."""
    story = Story(
        path=sheet.path or Path("careerstory.yaml"),
        bank=sheet.bank,
        language=base_language(sheet.language),
        answers=locate(text, sheet.bank),
        today=on or today(),
        source=text,
    )
    lines = Lines(text)
    notes = []
    for rule in RULES.values():
        if not rule.works_in(story.language):
            continue
        for finding in rule.check(story):
            place = lines.place(finding.answer.index(finding.offset))
            notes.append(
                Note(
                    str(story.path),
                    finding.answer.block,
                    finding.answer.question,
                    place.line,
                    place.column,
                    rule.id,
                    finding.message,
                )
            )
    order = {block.id: number for number, block in enumerate(sheet.bank.blocks)}
    return sorted(notes, key=lambda n: (order.get(n.block, len(order)), n.line, n.column, n.rule))


@dataclass(frozen=True)
class FileReview:
    """The outcome of reviewing one file: its notes, or the problems that make it invalid."""

    path: Path
    notes: tuple[Note, ...] = ()
    problems: tuple[Problem, ...] = ()


def review_files(paths: Sequence[Path], bank: Bank) -> list[FileReview]:
    """Review every file; an invalid one does not stop the others."""
    reviews = []
    for path in paths:
        try:
            sheet, data = read(path, bank)
        except UserError as error:
            reviews.append(FileReview(path, problems=error.problems))
            continue
        # The notes speak the file's language, as every word careerstory adds does.
        with using(sheet.language or None, announce=False):
            reviews.append(FileReview(path, tuple(review_sheet(sheet, decode(data, path)))))
    return reviews
