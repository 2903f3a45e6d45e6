"""Typeset quotes, dashes and ellipses in what a person typed, for the HTML and PDF only.

SmartyPants does the work; its text-level steps are called directly because an answer
is plain text, not HTML: the whole ``smartypants()`` would read ``<code>`` typed in an
answer as a tag and turn backslashes into entities. Its output is Unicode characters,
never entities, and the text is escaped afterwards like any other, so nothing typed can
become markup. The Markdown brief keeps exactly what was typed.

SmartyPants knows English marks only; it decides which quote opens and which closes,
and the marks are then the language's own: „…“ in German, „…” in Polish, « … » in
French, «…» in Spanish (the RAE's first choice). Apostrophes stay ’ in every language.
"""

from __future__ import annotations

import re

from careerstory.i18n import Language

# SmartyPants curls the apostrophe of '90s only after a letter (its pattern starts with
# \b); after a space or at the start it would open a quote instead.
_DECADE = re.compile(r"'(?=\d0s\b)")
# An ampersand typed by the person is set aside while SmartyPants turns its own
# entities (&#8220; ...) into characters, so that a typed "&#8212;" stays as typed.
_AMPERSAND = "\ue000"

_QUOTE = re.compile("&#82(?:16|17|20|21);")
_NARROW = "\u202f"  # French sets its guillemets off with a narrow no-break space
# Each language's marks for SmartyPants's “ ” ‘ ’ (the last only where it closes a ‘).
_MARKS = {
    "de": ("\u201e", "\u201c", "\u201a", "\u2018"),  # „…“ ‚…‘
    "pl": ("\u201e", "\u201d", "\u00ab", "\u00bb"),  # „…”, «…» inside
    "fr": ("\u00ab" + _NARROW, _NARROW + "\u00bb", "\u201c", "\u201d"),  # « … », “…” inside
    "es": ("\u00ab", "\u00bb", "\u201c", "\u201d"),  # «…», “…” inside
}
# Swiss German and Swiss French write «…» with no space (the Swiss Duden's rule).
_SWISS = ("\u00ab", "\u00bb", "\u2039", "\u203a")


def _marks(language: Language) -> tuple[str, str, str, str] | None:
    if language.region == "CH" and language.language in ("de", "fr"):
        return _SWISS
    return _MARKS.get(language.language)


def _local_quotes(text: str, marks: tuple[str, str, str, str]) -> str:
    """The quotes SmartyPants set (still entities: “ ” ‘ ’) in the language's marks.

    Quotes the person typed as characters are theirs and stay. A ’ closes a single
    quote only when one is open and it does not stand between two letters (don’t,
    l’eau); every other ’ is an apostrophe and stays.
    """
    double_open, double_close, single_open, single_close = marks
    single = False

    def mark(quote: re.Match[str]) -> str:
        nonlocal single
        entity = quote.group()
        if entity == "&#8220;":
            return double_open
        if entity == "&#8221;":
            return double_close
        if entity == "&#8216;":
            single = True
            return single_open
        before, after = text[quote.start() - 1 : quote.start()], text[quote.end() : quote.end() + 1]
        if single and not (before.isalpha() and after.isalpha()):
            single = False
            return single_close
        return entity

    return _QUOTE.sub(mark, text)


def typeset(text: str, language: Language | None = None) -> str:
    """``text`` with curly quotes and apostrophes, en and em dashes (-- and ---) and ellipses.

    Quotes are English ones unless ``language`` has marks of its own.
    """
    import smartypants

    if not any(mark in text for mark in "'\"-."):
        return text
    text = text.replace("&", _AMPERSAND)
    text = _DECADE.sub("\u2019", text)
    text = smartypants.convert_dashes_oldschool(text)
    text = smartypants.convert_ellipses(text)
    text = smartypants.convert_quotes(text)
    marks = _marks(language) if language is not None else None
    if marks is not None:
        text = _local_quotes(text, marks)
    text = smartypants.convert_entities(text, 0)
    return text.replace(_AMPERSAND, "&")
