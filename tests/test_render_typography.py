"""Typography in the HTML and PDF: quotes, dashes and ellipses typeset; the Markdown as typed."""

from __future__ import annotations

import pytest

from careerstory.render.templating import Templates
from careerstory.render.typography import typeset


@pytest.mark.parametrize(
    ("typed", "typeset_text"),
    [
        ('She said "just isn\'t" twice.', "She said \u201cjust isn\u2019t\u201d twice."),
        ("In the '90s I taught", "In the \u201990s I taught"),
        ("'90s kids", "\u201990s kids"),
        ("'Yes,' she said", "\u2018Yes,\u2019 she said"),
        ("north -- south --- east", "north \u2013 south \u2014 east"),
        ("and then...", "and then\u2026"),
        ("2019-2021, e-learning", "2019-2021, e-learning"),
    ],
)
def test_typeset_curls_quotes_and_sets_dashes_and_ellipses(typed: str, typeset_text: str) -> None:
    assert typeset(typed) == typeset_text


@pytest.mark.parametrize("typed", ["a \\ b \\\\ c", "&#8212; &amp; &quot;", "<code>x</code>"])
def test_typeset_leaves_backslashes_entities_and_tags_as_typed(typed: str) -> None:
    assert typeset(typed) == typed


def test_html_templates_typeset_every_value_then_escape_it() -> None:
    env = Templates().environment(html=True)
    out = env.from_string('<p title="{{ v }}">{{ v }}</p>').render(v='<b onclick="x">it\'s</b> -- "ok"')
    assert out == (
        '<p title="&lt;b onclick=\u201dx\u201d&gt;it\u2019s&lt;/b&gt; \u2013 \u201cok\u201d">'
        "&lt;b onclick=\u201dx\u201d&gt;it\u2019s&lt;/b&gt; \u2013 \u201cok\u201d</p>"
    )


def test_markdown_templates_print_exactly_what_was_typed() -> None:
    env = Templates().environment(html=False)
    assert env.from_string("{{ v }}").render(v='it\'s -- "ok"...') == 'it\'s -- "ok"...'
