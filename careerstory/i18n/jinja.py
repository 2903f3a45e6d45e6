"""Templates in the language spoken: Jinja's i18n extension fed by careerstory's catalogs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from careerstory.i18n.catalogs import active, catalog_language, translations
from careerstory.i18n.formats import format_date, format_list
from careerstory.i18n.tags import Language, parse_language

if TYPE_CHECKING:
    from collections.abc import Callable

    import jinja2

_EXTENSION = "jinja2.ext.InternationalizationExtension"


def jinja_install(
    env: jinja2.Environment, lang: str | Language | None = None, escape: Callable[[Any], Any] | None = None
) -> None:
    """Let ``env``'s templates say ``{% trans %}``, ``_()`` and ``ngettext()`` in ``lang``.

    ``lang`` is the active language when None. Call it after making the environment and
    again whenever the language changes (one render per answers file): the templates
    compile the same whatever the language, since the words are looked up as they render,
    so one bytecode cache serves every language. ``{% trans %}`` blocks are trimmed
    (line breaks and indentation inside them become single spaces), and messages use
    Jinja's new-style gettext: ``_("Brief of %(name)s", name=brief.name)``, escaped in
    HTML like any value. Two filters come with it: ``format_date`` and ``format_list``.

    ``escape`` is for an environment without autoescape that escapes in its ``finalize``
    (Markdown): the values a message holds are escaped with it, and the message, the
    template's own words, is marked safe so that it is not escaped a second time.
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
    if escape is not None:
        _escape_message_values(env, escape)
    env.filters["format_date"] = lambda day: format_date(day, language)
    env.filters["format_list"] = lambda items: format_list(items, language)


def _escape_message_values(env: jinja2.Environment, escape: Callable[[Any], Any]) -> None:
    from jinja2 import pass_context
    from markupsafe import Markup

    gettext, ngettext = env.globals["gettext"], env.globals["ngettext"]

    @pass_context
    def escaped_gettext(context: Any, message: str, **variables: Any) -> Markup:
        values = {key: escape(value) for key, value in variables.items()}
        return Markup(context.call(gettext, message, **values))

    @pass_context
    def escaped_ngettext(context: Any, singular: str, plural: str, n: int, **variables: Any) -> Markup:
        values = {key: escape(value) for key, value in variables.items()}
        return Markup(context.call(ngettext, singular, plural, n, **values))

    env.globals.update(gettext=escaped_gettext, ngettext=escaped_ngettext)
