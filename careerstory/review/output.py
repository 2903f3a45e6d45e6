"""The review's three ways of saying its notes: for a person, for editors (JSON), for GitHub."""

from __future__ import annotations

import json
from collections.abc import Sequence
from contextlib import nullcontext

from careerstory import _, n_
from careerstory.i18n import using
from careerstory.questions import Bank
from careerstory.review import FileReview, Note


def note_line(note: Note) -> str:
    """``file:line:col: rule: message``, the form editors and terminals link to."""
    return f"{note.file}:{note.line}:{note.column}: {note.rule}: {note.message}"


def as_text(reviews: Sequence[FileReview], bank: Bank) -> str:
    """Notes grouped by block under the block's title, then a one-line summary.

    Each file's headings speak its language, as its notes do; the summary speaks the
    language the reviewed files share (the one careerstory speaks when they differ).
    """
    lines: list[str] = []
    for review in reviews:
        with using(review.language or None, announce=False):
            titles = {block.id: _(block.title) for block in bank.blocks}
            block = None
            for note in review.notes:
                if note.block != block:
                    block = note.block
                    lines.append(("\n" if lines else "") + titles.get(block, block))
                lines.append("  " + note_line(note))
    notes = sum(len(review.notes) for review in reviews)
    reviewed = [review for review in reviews if not review.problems]
    languages = {review.language for review in reviewed}
    with using(languages.pop() or None, announce=False) if len(languages) == 1 else nullcontext():
        if notes:
            summary = n_(
                "{n} note: a coach's view, so take what helps.",
                "{n} notes: a coach's view, so take what helps.",
                notes,
            ).format(n=notes)
        else:
            summary = _("No notes: a coach would have little to push back on.")
    if reviewed:
        lines.append(("\n" if lines else "") + summary)
    return "\n".join(lines)


def as_json(reviews: Sequence[FileReview]) -> str:
    """One JSON array of every note, for editors and CI."""
    return json.dumps([note.as_dict() for review in reviews for note in review.notes], ensure_ascii=False, indent=2)


def _escape(text: str, *, property_value: bool = False) -> str:
    # GitHub's workflow commands: these characters would end the value or the command.
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def as_github(reviews: Sequence[FileReview]) -> str:
    """A GitHub workflow annotation per note, shown on the note's line of the file."""
    return "\n".join(
        f"::warning file={_escape(note.file, property_value=True)},line={note.line},col={note.column},"
        f"title={_escape(note.rule, property_value=True)}::{_escape(note.message)}"
        for review in reviews
        for note in review.notes
    )
