"""TEMP shim, replaced on merge by the drafts branch: the saved answer, or an empty draft.

# TEMP shim, replaced on merge by the drafts branch
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from careerstory.answers.model import AnswerSheet, field_text


@dataclass(frozen=True)
class Drafted:
    """What a reader will see: the person's own answer, or careerstory's draft of it."""

    text: str
    draft: bool
    left_out: tuple[str, ...] = ()


def _own(text: str) -> Drafted:
    return Drafted(text, False) if text.strip() else Drafted("", True)


def person_message(sheet: AnswerSheet, person: Mapping[str, Any], today: dt.date) -> Drafted:
    """The person's saved message, else an empty draft (TEMP shim)."""
    return _own(field_text(dict(person), "message"))


def intro(sheet: AnswerSheet) -> Drafted:
    """The saved note to forward, else an empty draft (TEMP shim)."""
    question = next((q for q in sheet.bank.questions if q.role == "intro"), None)
    return _own(sheet.text(question.id) if question is not None else "")


def tell_me(sheet: AnswerSheet, job: Mapping[str, Any]) -> Drafted:
    """The saved answer, else an empty draft (TEMP shim)."""
    return _own(field_text(dict(job), "tell_me"))


def letter(sheet: AnswerSheet, job: Mapping[str, Any], today: dt.date) -> Drafted:
    """The saved letter, else an empty draft (TEMP shim)."""
    return _own(field_text(dict(job), "letter"))


def message_draft(sheet: AnswerSheet, person: Mapping[str, Any], today: dt.date) -> str:
    """No draft in the shim."""
    return ""


def intro_draft(sheet: AnswerSheet) -> str:
    """No draft in the shim."""
    return ""


def tell_me_draft(sheet: AnswerSheet, job: Mapping[str, Any]) -> str:
    """No draft in the shim."""
    return ""


def letter_draft(sheet: AnswerSheet, job: Mapping[str, Any], today: dt.date) -> str:
    """No draft in the shim."""
    return ""
