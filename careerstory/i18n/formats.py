"""Dates and lists in the forms of the language spoken, from Babel's CLDR data.

English, and any language spoken through English for want of a catalog, keeps
careerstory's own forms ("26 November 2026", "a, b and c") and imports no Babel; every
language with a catalog takes CLDR's long date ("26. November 2026",
"2 marca 2024" with Polish's genitive month) and its standard list pattern.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from careerstory.i18n.catalogs import SOURCE_LANGUAGE, active, catalog_language
from careerstory.i18n.tags import Language, parse_language

if TYPE_CHECKING:
    import babel

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _babel_language(lang: str | Language | None) -> Language | None:
    """The language whose CLDR forms to use; None for careerstory's English ones.

    A language spoken through English (no catalog) gets English dates too, so that a
    page never mixes English words with another language's dates.
    """
    language = active() if lang is None else lang if isinstance(lang, Language) else parse_language(lang)
    return None if catalog_language(language) == SOURCE_LANGUAGE else language


@cache
def _babel_locale(language: Language) -> babel.Locale:
    """CLDR's data for the code asked (de-AT has its own "Jänner"), else for its catalog's language."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(language.tag, sep="-")
    except (UnknownLocaleError, ValueError):
        return Locale.parse(catalog_language(language))


def format_date(day: dt.date, lang: str | Language | None = None) -> str:
    """``day`` as a person reads it in ``lang`` (the active language when None)."""
    language = _babel_language(lang)
    if language is None:
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    from babel.dates import format_date as babel_format_date

    return babel_format_date(day, "long", locale=_babel_locale(language))


def format_list(items: Sequence[str], lang: str | Language | None = None) -> str:
    """``a``, ``a and b``, ``a, b and c`` in ``lang`` (the active language when None)."""
    language = _babel_language(lang)
    if language is None or len(items) <= 1:
        return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else "".join(items)
    from babel.lists import format_list as babel_format_list

    return babel_format_list(list(items), locale=_babel_locale(language))
