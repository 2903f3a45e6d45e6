"""The moment careerstory's documents and notes are dated: ``SOURCE_DATE_EPOCH``, or now.

One reading of the variable for every command, so that a brief's date and the review's
"today" (overdue steps, a reply two weeks late) can never disagree about it.
"""

from __future__ import annotations

import datetime as dt
import os

from careerstory import _
from careerstory.errors import Problem, UserError


def source_moment() -> dt.datetime | None:
    """The moment ``SOURCE_DATE_EPOCH`` names (UTC), None when it is unset or empty.

    Set to anything but a whole number of seconds since 1970, it is an error that says so.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    try:
        seconds = int(epoch)
        if seconds < 0:
            raise ValueError(epoch)
        return dt.datetime.fromtimestamp(seconds, dt.UTC)
    except (ValueError, OverflowError, OSError):
        raise UserError(
            Problem(
                _("SOURCE_DATE_EPOCH is {value!r}, not a number of seconds since 1970").format(value=epoch),
                _("Set it to an integer such as 1767225600, or unset it."),
            )
        ) from None


def today() -> dt.date:
    """Today (UTC), or the day of ``SOURCE_DATE_EPOCH`` when it is set, so that committed results do not drift."""
    moment = source_moment()
    return (moment or dt.datetime.now(dt.UTC)).date()


def now() -> dt.datetime:
    """Now (UTC), or the moment ``SOURCE_DATE_EPOCH`` names when set: what a calendar entry is stamped with."""
    return source_moment() or dt.datetime.now(dt.UTC)
