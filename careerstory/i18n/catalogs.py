"""The language careerstory speaks in this command, and its catalog, loaded only when asked.

English is the language the messages are written in: speaking it loads nothing. Any
other language reads one compiled catalog (``locale/<lang>/LC_MESSAGES/careerstory.mo``)
with the standard library's gettext, which takes the plural rule from the catalog's
header; Babel is needed only to build catalogs and to write dates and lists.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import careerstory
from careerstory import _
from careerstory.i18n.tags import ENGLISH, Language, parse_language

if TYPE_CHECKING:
    import gettext

DOMAIN = "careerstory"
LOCALE_FOLDER = Path(__file__).with_name("locale")
SOURCE_LANGUAGE = "en"

# The language spoken in this context and its catalog folder, beside careerstory.SPEAKING
# (the lookups): both set together by using(), never assigned as process state.
_SPOKEN: ContextVar[tuple[Language, str]] = ContextVar("careerstory_spoken", default=(ENGLISH, SOURCE_LANGUAGE))
_announced: set[str] = set()


def catalog_path(lang: str) -> Path:
    """Where the compiled catalog of ``lang`` (a catalog folder's name: ``de``, ``pt_BR``) lives."""
    return LOCALE_FOLDER / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


def available_languages() -> tuple[str, ...]:
    """English and every language with a compiled catalog, as catalog folder names."""
    found = sorted(path.parent.parent.name for path in LOCALE_FOLDER.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    return (SOURCE_LANGUAGE, *found)


def catalog_language(language: Language) -> str:
    """The catalog that speaks ``language``: its own, else its base language's, else English."""
    if language.is_english:
        return SOURCE_LANGUAGE
    candidates = [f"{language.language}_{part}" for part in (language.script, language.region) if part]
    for candidate in [*candidates, language.language]:
        if catalog_path(candidate).is_file():
            return candidate
    return SOURCE_LANGUAGE


@cache
def translations(lang: str) -> gettext.GNUTranslations | None:
    """The compiled catalog of ``lang`` (a catalog folder's name), read once; None for English."""
    if lang == SOURCE_LANGUAGE:
        return None
    import gettext

    with catalog_path(lang).open("rb") as mo:
        return gettext.GNUTranslations(mo)


@contextlib.contextmanager
def using(code: str | Language | None, *, announce: bool = True) -> Iterator[Language]:
    """Speak ``code`` (English when None) inside the ``with`` block, then what was spoken before.

    Everything said inside (``_``, ``n_``, dates, lists, templates installed there) is in
    that language; wrap each answers file's work in it, with the file's ``language`` or
    ``ask --language``. Nothing outlives the block: the language is a context variable,
    so a batch of files, a worker process or a test each speak only what they asked for.
    A code careerstory has no catalog for is spoken in its base language or English, and
    one line on standard error says so (once per code and process, and never when
    ``announce`` is False). A malformed code raises
    :class:`~careerstory.i18n.tags.LanguageError`.
    """
    language = code if isinstance(code, Language) else parse_language(code) if code else ENGLISH
    lang = catalog_language(language)
    catalog = translations(lang)
    spoken = _SPOKEN.set((language, lang))
    lookups = careerstory.SPEAKING.set((catalog.gettext, catalog.ngettext) if catalog is not None else None)
    try:
        if announce and lang.replace("_", "-").lower() != language.tag.lower() and language.tag not in _announced:
            _announced.add(language.tag)
            print(
                _("careerstory does not speak {asked} yet, so it will use {used}.").format(
                    asked=language.tag, used=lang.replace("_", "-")
                ),
                file=sys.stderr,
            )
        yield language
    finally:
        careerstory.SPEAKING.reset(lookups)
        _SPOKEN.reset(spoken)


def active() -> Language:
    """The language spoken here (``de-AT`` even when the catalog is ``de``)."""
    return _SPOKEN.get()[0]


def active_catalog() -> str:
    """The catalog in use: ``de`` for ``de-AT``, ``en`` for English or a language without one."""
    return _SPOKEN.get()[1]
