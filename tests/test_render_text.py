"""Typed text in the brief: paragraphs, breaks and bullets survive; all other markup stays literal."""

from __future__ import annotations

import markdown_it
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerstory.render.text import (
    Bullets,
    Paragraph,
    balance_direction,
    chunks,
    first_sentence,
    join_words,
    markdown_block,
    markdown_cell,
    markdown_escape,
    tidy_markdown,
)


def commonmark(text: str) -> list:
    return markdown_it.MarkdownIt("commonmark").enable("table").enable("strikethrough").parse(text)


def literal_text(tokens: list) -> str:
    """The text a reader sees, or a failure when any structure other than a paragraph appears."""
    kinds = {t.type for t in tokens}
    assert kinds <= {"paragraph_open", "paragraph_close", "inline"}, kinds
    out = []
    for token in tokens:
        if token.type == "inline":
            for child in token.children or []:
                assert child.type in ("text", "softbreak", "hardbreak"), (child.type, child.content)
                out.append(child.content if child.type == "text" else "\n")
    return "".join(out)


LONG = "A line long enough to have been wrapped by the editor,"  # 55 characters


def test_blank_lines_split_paragraphs_and_a_break_after_a_long_line_is_a_space() -> None:
    assert chunks(f"{LONG}\ntwo\n\nthree") == [Paragraph((f"{LONG} two",)), Paragraph(("three",))]


def test_a_break_after_a_short_line_is_kept_so_a_salutation_and_a_sign_off_print_as_typed() -> None:
    typed = f"Dear Sam,\n{LONG}\nand it goes on.\nThank you,\nMaya"
    assert chunks(typed) == [Paragraph(("Dear Sam,", f"{LONG} and it goes on.", "Thank you,", "Maya"))]
    # 49 characters keep the break, 50 join: the line's own length, not the joined one's
    assert chunks("x" * 49 + "\nnext") == [Paragraph(("x" * 49, "next"))]
    assert chunks("x" * 50 + "\nnext") == [Paragraph(("x" * 50 + " next",))]


def test_a_paragraph_wrapped_by_hand_at_80_columns_reads_as_one() -> None:
    typed = (
        "I taught chemistry for nine years. The part I would keep is the redesign work:\n"
        "  rebuilding a unit so that forty students who had given up could follow it,\r\n"
        "and watching their marks come back.\n\nNext paragraph."
    )
    assert chunks(typed) == [
        Paragraph(
            (
                "I taught chemistry for nine years. The part I would keep is the redesign work: "
                "rebuilding a unit so that forty students who had given up could follow it, "
                "and watching their marks come back.",
            )
        ),
        Paragraph(("Next paragraph.",)),
    ]


def test_a_line_ending_in_a_backslash_keeps_its_break_and_loses_the_backslash() -> None:
    typed = f"{LONG} Long Road\\\nLeeds \\\nLS1 4AB\nUK"
    assert chunks(typed) == [Paragraph((f"{LONG} Long Road", "Leeds", "LS1 4AB", "UK"))]
    assert chunks(f"{LONG} C:\\\\\nnext") == [Paragraph((f"{LONG} C:\\\\ next",))]  # a doubled one is text


def test_an_indented_line_after_an_item_goes_on_with_the_item() -> None:
    typed = "- Trained 40 nurses on the\n  new system\n- Cut queries by a third\nAfter."
    assert chunks(typed) == [
        Bullets(("Trained 40 nurses on the new system", "Cut queries by a third")),
        Paragraph(("After.",)),
    ]


def test_dash_lines_become_a_bullet_list_between_paragraphs() -> None:
    assert chunks("Then:\n- a\n- b\nAfter.") == [Paragraph(("Then:",)), Bullets(("a", "b")), Paragraph(("After.",))]


def test_a_lone_dash_is_text_not_an_empty_bullet() -> None:
    assert chunks("-\n- ") == [Paragraph(("-", "-"))]


@pytest.mark.parametrize(
    "typed",
    [
        "# Heading",
        "## Also a heading",
        "> quoted",
        "- not my list",
        "+ plus item",
        "* star item",
        "1. ordered",
        "12) ordered",
        "    four spaces of code",
        "```python",
        "~~~",
        "---",
        "===",
        "***",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[link](javascript:alert(1))",
        "![image](file:///etc/passwd)",
        "<https://example.com>",
        "`code` and **bold** and _em_ and ~~strike~~",
        "a | table | row",
        "&amp; &#65; &copy;",
        "back\\slash\\",
        "[ref]: https://example.com",
        "<!-- comment -->",
    ],
)
def test_markdown_escape_keeps_every_construct_literal(typed: str) -> None:
    escaped = markdown_escape(typed)
    assert literal_text(commonmark(escaped)) == typed.strip()


def test_table_delimiter_after_a_line_cannot_make_a_table() -> None:
    text = markdown_block("a | b\\\n--- | ---\\\nc | d")  # its line breaks kept, so a table could start
    assert literal_text(commonmark(text)) == "a | b\n--- | ---\nc | d"


LINE = st.text(alphabet=st.characters(categories=("L", "N", "P", "S")) | st.sampled_from(" #>-+*=_`<&|\\"), max_size=40)


@settings(max_examples=400, deadline=None)
@given(LINE)
def test_markdown_escape_shows_any_line_exactly_as_typed(line: str) -> None:
    expected = line.strip(" ")
    if expected:
        assert literal_text(commonmark(markdown_escape(line))) == expected


def test_markdown_block_keeps_paragraphs_breaks_and_bullets() -> None:
    block = markdown_block("First line\\\nsecond line\n\n- one\n- two *three*")
    tokens = commonmark(block)
    kinds = [t.type for t in tokens if t.type.endswith("_open")]
    item = ["list_item_open", "paragraph_open"]
    assert kinds == ["paragraph_open", "bullet_list_open", *item, *item]
    assert any(c.type == "hardbreak" for t in tokens if t.type == "inline" for c in t.children or [])
    assert "two \\*three\\*" in block


def test_markdown_cell_holds_no_pipe_or_line_break() -> None:
    cell = markdown_cell("a | b\n\n- c\n- d")
    assert "\n" not in cell
    assert "\\|" in cell
    assert cell == "a \\| b<br><br>- c<br>- d"


def test_tidy_markdown_removes_runs_of_blank_lines_and_trailing_spaces() -> None:
    assert tidy_markdown("\n\n# A  \n\n\n\nb\n\n") == "# A\n\nb\n"


def test_first_sentence_cuts_long_text_at_a_word() -> None:
    assert first_sentence("One. Two.") == "One."
    long = "word " * 100
    cut = first_sentence(long, limit=50)
    assert len(cut) <= 50
    assert cut.endswith("…")


def test_join_words_reads_as_a_sentence() -> None:
    assert join_words(["a"]) == "a"
    assert join_words(["a", "b", "c"]) == "a, b and c"


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("plain", "plain"),
        ("a\u202eb", "a\u202eb\u202c"),
        ("a\u202eb\u202c c", "a\u202eb\u202c c"),  # already closed: nothing added
        ("\u2067x\u202ay", "\u2067x\u202ay\u202c\u2069"),  # closed innermost first
        ("stray \u202c close", "stray \u202c close"),
    ],
)
def test_balance_direction_closes_what_an_answer_leaves_open(typed: str, shown: str) -> None:
    assert balance_direction(typed) == shown


def test_a_draft_laid_out_for_the_prompt_reads_as_the_same_paragraphs() -> None:
    from careerstory.ask.kinds import laid_out

    draft = "Hi Sam,\n\n" + "I teach chemistry and I am moving into learning design, " * 4 + "\n\nThank you,\nMaya"
    shown = laid_out(draft, 76)
    assert max(len(line) for line in shown.split("\n")) <= 76 and shown.count("\n") > draft.count("\n")
    assert chunks(shown) == chunks(draft)
    assert laid_out(draft, 40) == draft  # too narrow to wrap as documents read it: kept whole


def test_a_table_cell_keeps_a_date_that_opens_it_as_typed() -> None:
    # Inside a GFM cell nothing starts a list or a heading: "19. März" needs no backslash.
    assert markdown_cell("19. März 2026") == "19. März 2026"
    assert markdown_cell("# 3 - done") == "# 3 - done"
    assert markdown_block("19. März 2026") == "19\\. März 2026"  # at a paragraph's start it would be a list
