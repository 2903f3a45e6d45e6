"""Dates as people type them, in the file's language or in ISO: one reader for every rule.

``read_date("3. Mai 2026", "de")`` is 3 May 2026. The reading is dateparser's (its
month and day names for every language careerstory speaks, and more); it is imported
here only, on the first date read, because it costs a few hundred milliseconds. A
date must name its day, month and year, and be absolute: "early March" and
"yesterday" are not read, since a file's "yesterday" has no fixed day. A date of
figures alone is read here, day first (month first in en-US); in any other English
one that reads both ways (03/05/2026) is not read at all, rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
# What is read: the day, the month and the year, all typed; nothing relative to today.
_SETTINGS: dict[str, Any] = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["custom-formats", "absolute-time"],
    "STRICT_PARSING": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
    "DATE_ORDER": "DMY",  # 03.05.2026 is 3 May in every language careerstory speaks
}
_MOST_CHARACTERS = 60  # a typed date is short; longer text is not one
# A date of figures alone: 03/05/2026, 3.5.26, 30.11.2026. (ISO, year first, is read above.)
_NUMERIC = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{2}|\d{4})\.?")
_MONTH_FIRST = frozenset({"en-us"})  # the one tag careerstory speaks that writes the month first


def base(language: str) -> str:
    """The base language of a tag ("" is English): ``de-AT`` -> ``de``."""
    return (language.split("-", 1)[0] or "en").lower()


def read_date(text: str, language: str = "") -> dt.date | None:
    """The day ``text`` names, read in ``language`` (a tag; "" is English) or in English or ISO; else None."""
    typed = " ".join(text.split())
    if not typed or len(typed) > _MOST_CHARACTERS:
        return None
    if _ISO.fullmatch(typed):
        try:
            return dt.date.fromisoformat(typed)
        except ValueError:  # 2026-02-31
            return None
    numeric = _NUMERIC.fullmatch(typed)
    if numeric:
        return _read_numeric(numeric, language)
    recognised, day = _named_month(typed, base(language))
    return day if recognised else _read(typed, base(language))


# A day, a month by its name and a year, as most dates in a file are typed: "16 March
# 2026", "3. Mai 2026", "16 marca 2026", "March 16, 2026". Read with the month names of
# the file's language (its CLDR copy) and of English, as dateparser reads them, without
# its half a second of start-up; any other shape, or a name not among those, is dateparser's.
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\.?\s+([^\W\d_]+)\.?(?:,?\s+(\d{4}))?")
_MONTH_DAY_YEAR = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?")


@lru_cache(maxsize=16)
def _month_numbers(language: str) -> dict[str, int]:
    """Month names, wide and abbreviated, of ``language`` then English, folded: ``{"märz": 3, ...}``."""
    from careerstory.i18n.formats import month_names

    numbers: dict[str, int] = {}
    for spoken in dict.fromkeys([language, "en"]):
        for position, name in enumerate(month_names(spoken)):
            numbers.setdefault(name.casefold().rstrip("."), position % 12 + 1)
    return numbers


def _named_month(typed: str, language: str) -> tuple[bool, dt.date | None]:
    """(True, the day) for a day and a month by its name, the day None without a year or when the month lacks it.

    (False, None) for any other text: dateparser reads that.
    """
    found = _DAY_MONTH_YEAR.fullmatch(typed)
    if found:
        day, month, year = found.group(1), found.group(2), found.group(3)
    elif found := _MONTH_DAY_YEAR.fullmatch(typed):
        month, day, year = found.group(1), found.group(2), found.group(3)
    else:
        return False, None
    number = _month_numbers(language).get(month.casefold())
    if number is None:
        return False, None
    if year is None:
        return True, None  # "30 November": no day of its own (read_day_near finds the nearest)
    try:
        return True, dt.date(int(year), number, int(day))
    except ValueError:  # 31 February
        return True, None


def _read_numeric(numeric: re.Match[str], language: str) -> dt.date | None:
    """A date of figures alone, in its language's order; in English (not en-US) only when one reading fits."""
    first, _separator, second, year_typed = numeric.groups()
    year = int(year_typed)
    if len(year_typed) == 2:  # as strptime's %y: 69-99 are the 1900s
        year += 1900 if year >= 69 else 2000
    tag = language.casefold()
    if tag in _MONTH_FIRST:
        readings = [(int(first), int(second))]
    elif base(language) == "en":
        # 03/05/2026 is 3 May in London and 5 March in New York: an English file is not guessed.
        readings = [(int(second), int(first)), (int(first), int(second))]
    else:
        readings = [(int(second), int(first))]
    days = set()
    for month, day in readings:
        try:
            days.add(dt.date(year, month, day))
        except ValueError:
            continue
    return days.pop() if len(days) == 1 else None


@lru_cache(maxsize=1024)
def _read(typed: str, language: str) -> dt.date | None:
    import dateparser  # type: ignore[import-untyped]

    languages = list(dict.fromkeys([language, "en"]))
    try:
        found = dateparser.parse(typed, languages=languages, settings=_SETTINGS)
    except (ValueError, OverflowError):
        found = None
    if found is None and language != "en":
        try:  # a language dateparser does not know: English alone
            found = dateparser.parse(typed, languages=["en"], settings=_SETTINGS)
        except (ValueError, OverflowError):
            found = None
    return found.date() if found is not None else None


_YEAR = re.compile(r"\d{4}")
_DAY_AND_MONTH = re.compile(r"\d{1,2}([./-])\d{1,2}\.?")  # 30.11, 30.11. or 11/30


def read_day_near(text: str, language: str, today: dt.date) -> dt.date | None:
    """As :func:`read_date`, and a day typed without its year ("30 November") is the one nearest ``today``.

    The year is added to the text as typed and the whole read again, so the month names
    stay dateparser's; a text with no figure at all ("Friday") is still unread.
    """
    found = read_date(text, language)
    typed = " ".join(text.split())
    if found is not None or not typed or _YEAR.search(typed) or not any(c.isdigit() for c in typed):
        return found
    days = []
    for year in (today.year - 1, today.year, today.year + 1):
        numeric = _DAY_AND_MONTH.fullmatch(typed)
        written = f"{typed.rstrip('.')}{numeric.group(1)}{year}" if numeric else f"{typed} {year}"
        day = read_date(written, language)
        if day is not None:
            days.append(day)
    return min(days, key=lambda day: abs((day - today).days), default=None)
