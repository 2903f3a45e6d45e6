"""Templates in the language spoken: Jinja's i18n extension fed by careerstory's catalogs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerstory.i18n.catalogs import active, catalog_language, translations
from careerstory.i18n.formats import format_date, format_list
from careerstory.i18n.tags import Language, parse_language

if TYPE_CHECKING:
    import jinja2

_EXTENSION = "jinja2.ext.InternationalizationExtension"


def jinja_install(env: jinja2.Environment, lang: str | Language | None = None) -> None:
    """Let ``env``'s templates say ``{% trans %}``, ``_()`` and ``ngettext()`` in ``lang``.

    ``lang`` is the active language when None. Call it after making the environment and
    again whenever the language changes (one render per answers file): the templates
    compile the same whatever the language, since the words are looked up as they render,
    so one bytecode cache serves every language. ``{% trans %}`` blocks are trimmed
    (line breaks and indentation inside them become single spaces), and messages use
    Jinja's new-style gettext: ``_("Brief of %(name)s", name=brief.name)``, escaped in
    HTML like any value. Two filters come with it: ``format_date`` and ``format_list``.
    """
    language = active() if lang is None else lang if isinstance(lang, Language) else parse_language(lang)
    if _EXTENSION not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    env.policies["ext.i18n.trimmed"] = True
    catalog = translations(catalog_language(language))
    if catalog is None:
        env.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
    else:
        env.install_gettext_translations(catalog, newstyle=True)  # type: ignore[attr-defined]
    env.filters["format_date"] = lambda day: format_date(day, language)
    env.filters["format_list"] = lambda items: format_list(items, language)
