"""What careerstory drafts for the person to finish (TEMP shim, replaced on merge by the drafts branch).

# TEMP shim, replaced on merge by the drafts branch: it returns the person's saved answer,
# or an empty draft; the real module drafts the text from their answers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from careerstory.answers.model import AnswerSheet


@dataclass(frozen=True)
class Drafted:
    """The person's confirmed answer, or careerstory's draft of it."""

    text: str
    draft: bool
    left_out: tuple[str, ...] = ()


def _saved(record: Mapping[str, Any], field_id: str) -> Drafted:
    value = record.get(field_id, "")
    text = value.strip() if isinstance(value, str) else ""
    return Drafted(text, False) if text else Drafted("", True)


def person_message(sheet: AnswerSheet, person: Mapping[str, Any], today: dt.date) -> Drafted:
    """The message for this person: theirs, or the draft."""
    return _saved(person, "message")


def intro(sheet: AnswerSheet) -> Drafted:
    """The note a mentor forwards: theirs, or the draft."""
    text = sheet.text("intro").strip()
    return Drafted(text, False) if text else Drafted("", True)


def tell_me(sheet: AnswerSheet, job: Mapping[str, Any]) -> Drafted:
    """Their "tell me about yourself" for this job: theirs, or the draft."""
    return _saved(job, "tell_me")


def letter(sheet: AnswerSheet, job: Mapping[str, Any], today: dt.date) -> Drafted:
    """Their application letter for this job: theirs, or the draft."""
    return _saved(job, "letter")


def message_draft(sheet: AnswerSheet, person: Mapping[str, Any], today: dt.date) -> str:
    """The draft alone (the shim drafts nothing)."""
    return ""


def intro_draft(sheet: AnswerSheet) -> str:
    """The draft alone (the shim drafts nothing)."""
    return ""


def tell_me_draft(sheet: AnswerSheet, job: Mapping[str, Any]) -> str:
    """The draft alone (the shim drafts nothing)."""
    return ""


def letter_draft(sheet: AnswerSheet, job: Mapping[str, Any], today: dt.date) -> str:
    """The draft alone (the shim drafts nothing)."""
    return ""
