"""careerstory: answer the hardest question of a career, and get a brief out of it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

__version__ = "0.1.0"

# The active catalog's lookups, set by careerstory.i18n.activate(); None while careerstory
# speaks English, its source language, so that English pays one comparison per message.
_gettext: Callable[[str], str] | None = None
_ngettext: Callable[[str, str, int], str] | None = None


def _(message: str) -> str:
    """Mark a message for translation; return it in the active language (see careerstory.i18n)."""
    # An empty msgid would return the catalog's header.
    return _gettext(message) if _gettext is not None and message else message


def n_(singular: str, plural: str, n: int) -> str:
    """Mark a message with a plural; return the form that ``n`` takes in the active language."""
    if _ngettext is None:
        return singular if n == 1 else plural
    return _ngettext(singular, plural, n)
