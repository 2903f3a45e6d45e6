"""careerstory: answer the hardest question of a career, and get a brief out of it."""

from __future__ import annotations

from contextvars import ContextVar
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

__version__ = "0.1.0"

# The catalog lookups of the language spoken in this context, set only by
# careerstory.i18n.using() for the length of one file's work and restored after it;
# None while careerstory speaks English, its source language, so that English pays one
# lookup per message. A context variable, not a global: a batch of files in several
# languages, a worker, or a test never inherits another file's language.
SPEAKING: ContextVar[tuple[Callable[[str], str], Callable[[str, str, int], str]] | None] = ContextVar(
    "careerstory_speaking", default=None
)


def _(message: str) -> str:
    """Mark a message for translation; return it in the language spoken (see careerstory.i18n)."""
    lookups = SPEAKING.get()
    # An empty msgid would return the catalog's header.
    return lookups[0](message) if lookups is not None and message else message


def n_(singular: str, plural: str, n: int) -> str:
    """Mark a message with a plural; return the form that ``n`` takes in the language spoken."""
    lookups = SPEAKING.get()
    if lookups is None:
        return singular if n == 1 else plural
    return lookups[1](singular, plural, n)


def N_(message: str) -> str:
    """Mark a message for translation where it is written (at import); ``_()`` it where it is shown."""
    return message
