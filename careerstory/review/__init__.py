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

from careerstory import _
from careerstory.answers.locating import Address, Lines, Located, locate
from careerstory.answers.model import AnswerSheet
from careerstory.answers.reading import decode, read
from careerstory.errors import Problem, UserError
from careerstory.i18n import using
from careerstory.questions import Bank
from careerstory.review.rules import RULES, Rule
from careerstory.review.story import Note, Story
from careerstory.review.words import today

__all__ = ["RULES", "FileReview", "Note", "Rule", "question_title", "review_files", "review_sheet"]


def base_language(code: str) -> str:
    """The base language of a file's ``language`` ("" is English)."""
    return (code.split("-", 1)[0] or "en").lower()


def question_title(bank: Bank, address: Address) -> str:
    """A note's answer as the person knows it, in the active language: the heading, else the prompt.

    A record's field adds its number and label: ``people[3].learned`` -> ``Conversations so far, 3:
    What you learned``.
    """
    try:
        asked = bank.question(address.question)
    except KeyError:
        return str(address)
    title = _(asked.heading or asked.prompt)
    if address.record is not None and address.field is not None:
        try:
            label = _(asked.field(address.field).label)
        except KeyError:
            label = address.field
        return _("{question}, {number}: {field}").format(question=title, number=address.record, field=label)
    return title


def review_sheet(
    sheet: AnswerSheet, text: str, on: date | None = None, answers: Sequence[Located] | None = None
) -> list[Note]:
    """Every note on a valid file's answers, grouped by block in the bank's order, then by place.

    ``answers`` are the file's located answers when the caller has them already (``board``).
    """
    story = Story(
        path=sheet.path or Path("careerstory.yaml"),
        bank=sheet.bank,
        language=base_language(sheet.language),
        answers=list(answers) if answers is not None else locate(text, sheet.bank),
        today=on or today(),
        source=text,
        lifted=sheet.migrated_from is not None,
        sheet=sheet,
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
                    finding.answer.address,
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
    language: str = ""  # the file's language: its notes, headings and summary speak it


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
            notes = tuple(review_sheet(sheet, decode(data, path)))
        reviews.append(FileReview(path, notes, language=sheet.language))
    return reviews
