"""Typeset quotes, dashes and ellipses in what a person typed, for the HTML and PDF only.

SmartyPants does the work; its text-level steps are called directly because an answer
is plain text, not HTML: the whole ``smartypants()`` would read ``<code>`` typed in an
answer as a tag and turn backslashes into entities. Its output is Unicode characters,
never entities, and the text is escaped afterwards like any other, so nothing typed can
become markup. The Markdown brief keeps exactly what was typed.
"""

from __future__ import annotations

import re

# SmartyPants curls the apostrophe of '90s only after a letter (its pattern starts with
# \b); after a space or at the start it would open a quote instead.
_DECADE = re.compile(r"'(?=\d0s\b)")
# An ampersand typed by the person is set aside while SmartyPants turns its own
# entities (&#8220; ...) into characters, so that a typed "&#8212;" stays as typed.
_AMPERSAND = "\ue000"


def typeset(text: str) -> str:
    """``text`` with curly quotes and apostrophes, en and em dashes (-- and ---) and ellipses."""
    import smartypants

    if not any(mark in text for mark in "'\"-."):
        return text
    text = text.replace("&", _AMPERSAND)
    text = _DECADE.sub("\u2019", text)
    text = smartypants.convert_dashes_oldschool(text)
    text = smartypants.convert_ellipses(text)
    text = smartypants.convert_quotes(text)
    text = smartypants.convert_entities(text, 0)
    return text.replace(_AMPERSAND, "&")
