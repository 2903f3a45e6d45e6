"""careerstory in the person's own language: catalogs, the language spoken, dates and lists.

Code marks a message with ``_("...")`` or ``n_("one ...", "{n} ...", n)`` from the
``careerstory`` package and fills placeholders afterwards with ``.format(name=...)``;
texts that are data (the question bank) are extracted by :mod:`careerstory.i18n.extract`
and looked up where they are shown, with ``_(question.prompt)``. Each answers file's
work runs inside :func:`using` with the file's ``language`` (or ``ask --language``): the
language is a context variable, restored when the block ends, never process state;
templates get the same catalog through :func:`jinja_install`.
"""

from careerstory.i18n.catalogs import (
    DOMAIN,
    LOCALE_FOLDER,
    active,
    active_catalog,
    available_languages,
    catalog_language,
    catalog_path,
    translations,
    using,
)
from careerstory.i18n.formats import date_line, format_date, format_list
from careerstory.i18n.jinja import jinja_install
from careerstory.i18n.tags import ENGLISH, Language, LanguageError, parse_language

__all__ = [
    "DOMAIN",
    "ENGLISH",
    "LOCALE_FOLDER",
    "Language",
    "LanguageError",
    "active",
    "active_catalog",
    "available_languages",
    "catalog_language",
    "catalog_path",
    "date_line",
    "format_date",
    "format_list",
    "jinja_install",
    "parse_language",
    "translations",
    "using",
]
