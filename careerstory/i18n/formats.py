"""Dates and lists in the forms of the language spoken, from CLDR's data.

English, and any language spoken through English for want of a catalog, keeps
careerstory's own forms ("26 November 2026", "a, b and c"). A language with a catalog
takes CLDR's long date ("26. November 2026", "2 marca 2024" with Polish's genitive
month) and its standard list pattern, read from the small copy beside its catalog
(see :mod:`careerstory.i18n.cldr`); a regional code (``de-AT``, whose January is
"Jänner") asks Babel itself, which loads its data on first use.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from careerstory.i18n.catalogs import LOCALE_FOLDER, SOURCE_LANGUAGE, active, catalog_language
from careerstory.i18n.tags import Language, parse_language

if TYPE_CHECKING:
    import datetime as dt

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
# A CLDR date pattern: quoted text ('de', '' for a quote), runs of one letter, anything else.
_PATTERN_PART = re.compile(r"'(?:[^']|'')*'|([A-Za-z])\1*|[^'A-Za-z]+")


def _babel_language(lang: str | Language | None) -> Language | None:
    """The language whose CLDR forms to use; None for careerstory's English ones.

    A language spoken through English (no catalog) gets English dates too, so that a
    page never mixes English words with another language's dates.
    """
    language = active() if lang is None else lang if isinstance(lang, Language) else parse_language(lang)
    return None if catalog_language(language) == SOURCE_LANGUAGE else language


@cache
def _copy(language: Language) -> dict[str, Any] | None:
    """The CLDR copy for exactly this language (``de`` has one, ``de-AT`` asks Babel)."""
    lang = catalog_language(language)
    if lang.replace("_", "-").lower() != language.tag.lower():
        return None
    path = LOCALE_FOLDER / lang / "cldr.json"
    if not path.is_file():
        return None
    import json

    copy: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return copy


def month_names(lang: str) -> tuple[str, ...]:
    """The names a date in ``lang`` writes its months with, wide then abbreviated (January is 1st and 13th).

    A language with a catalog has them from its CLDR copy (in the form its dates use:
    Polish "marca"); any other language, and a regional code, from English or its
    catalog's language, so that reading a date never loads Babel.
    """
    try:
        language = parse_language(lang)
    except ValueError:
        language = None
    copy = _copy(parse_language(catalog_language(language).replace("_", "-"))) if language is not None else None
    if copy is None:
        return (*_MONTHS, *(month[:3] for month in _MONTHS))  # Babel's English abbreviations: Jan ... Dec
    return (*copy["months"], *copy["months_short"])


@cache
def _babel_locale(language: Language) -> babel.Locale:
    """CLDR's data for the code asked (de-AT has its own "Jänner"), else for its catalog's language."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(language.tag, sep="-")
    except (UnknownLocaleError, ValueError):
        return Locale.parse(catalog_language(language))


def _from_pattern(pattern: str, day: dt.date, months: Sequence[str]) -> str | None:
    """``day`` written by a CLDR pattern of days, months and years; None for any other field."""
    fields = {
        "d": str(day.day),
        "dd": f"{day.day:02}",
        "M": str(day.month),
        "MM": f"{day.month:02}",
        "MMMM": months[day.month - 1],
        "y": str(day.year),
        "yyyy": f"{day.year:04}",
    }
    out = []
    for match in _PATTERN_PART.finditer(pattern):
        part = match.group()
        if part.startswith("'"):
            out.append(part[1:-1].replace("''", "'") if part != "''" else "'")
        elif match.group(1):
            if part not in fields:
                return None
            out.append(fields[part])
        else:
            out.append(part)
    return "".join(out)


def format_date(day: dt.date, lang: str | Language | None = None) -> str:
    """``day`` as a person reads it in ``lang`` (the active language when None)."""
    language = _babel_language(lang)
    if language is None:
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    copy = _copy(language)
    if copy is not None:
        text = _from_pattern(copy["date"], day, copy["months"])
        if text is not None:
            return text
    from babel.dates import format_date as babel_format_date

    return babel_format_date(day, "long", locale=_babel_locale(language))


# How a letter's date line reads in each language, with the place it is written from and
# without one: "Berlin, 2. Dezember 2026", "Le 2 décembre 2026", "2 grudnia 2026 r.".
# An English letter carries the date alone.
_DATE_LINES = {
    "de": ("{place}, {date}", "{date}"),
    "fr": ("{place}, le {date}", "Le {date}"),
    "es": ("{place}, {date}", "{date}"),
    "pl": ("{place}, {date} r.", "{date} r."),
}


def date_line(day: dt.date, place: str = "", lang: str | Language | None = None) -> str:
    """A letter's date line in ``lang`` (the active language when None), with ``place`` where the language puts one."""
    language = _babel_language(lang)
    date = format_date(day, lang)
    if language is None:
        return date
    with_place, alone = _DATE_LINES.get(catalog_language(language), ("{place}, {date}", "{date}"))
    return (with_place if place else alone).format(place=place, date=date)


def format_list(items: Sequence[str], lang: str | Language | None = None) -> str:
    """``a``, ``a and b``, ``a, b and c`` in ``lang`` (the active language when None)."""
    language = _babel_language(lang)
    if len(items) <= 1:
        return "".join(items)
    if language is None:
        return ", ".join(items[:-1]) + " and " + items[-1]
    copy = _copy(language)
    if copy is None:
        from babel.lists import format_list as babel_format_list

        return babel_format_list(list(items), locale=_babel_locale(language))
    patterns = copy["list"]
    if len(items) == 2:
        return str(patterns["2"]).format(*items)
    text = str(patterns["start"]).format(items[0], items[1])
    for item in items[2:-1]:
        text = str(patterns["middle"]).format(text, item)
    return str(patterns["end"]).format(text, items[-1])
