"""Each answer's characters keep their place in the file; editing traps are found where they are."""

from __future__ import annotations

import pytest

from careerstory.answers.locating import Lines, editing_traps, locate
from careerstory.questions import Bank


@pytest.mark.parametrize(
    "value",
    [
        "plain words here",
        "'single ''quoted'' words here'",
        '"double \\"quoted\\" words here"',
        "|\n    literal words\n    here",
        ">\n    folded words\n    here",
        "plain words\n    on two lines here",
    ],
)
def test_every_character_of_an_answer_maps_to_where_it_was_typed(bank: Bank, value: str) -> None:
    text = f"version: 2\nstory:\n  why_change: {value}\n"
    [answer] = [a for a in locate(text, bank) if a.question == "why_change"]
    here = answer.text.index("here")
    assert text[answer.index(here) : answer.index(here) + 4] == "here"
    assert all(text[i] == c for i, c in zip(answer.indexes, answer.text, strict=True) if c not in " \n'\"")


def test_records_and_items_are_counted_from_one(bank: Bank) -> None:
    text = "version: 2\ntargets:\n  jobs:\n    - role: A\n    - role: B\n      requirements:\n        - x\n        - y"
    names = [a.question for a in locate(text, bank)]
    assert names == ["jobs[1].role", "jobs[2].role", "jobs[2].requirements[1]", "jobs[2].requirements[2]"]


def test_lines_and_columns_count_from_one() -> None:
    assert Lines("ab\ncd").place(0) == Lines("x").place(0)
    assert (Lines("ab\ncd").place(0).line, Lines("ab\ncd").place(0).column) == (1, 1)
    place = Lines("ab\ncd").place(4)
    assert (place.line, place.column) == (2, 2)


def test_a_comment_after_a_plain_answer_and_a_hash_line_inside_a_block_are_traps() -> None:
    text = "about:\n  name: Manager #2\n  current_role: |\n    Teacher\n      # check with Sam\n"
    warnings = editing_traps(text, None)
    assert [(w.line, w.column) for w in warnings] == [(2, 17), (5, 7)]


def test_an_empty_answer_with_a_comment_and_a_quoted_hash_are_no_traps() -> None:
    text = "version: 2  # the format\nabout:\n  name:  # later\n  current_role: 'Manager #2'\n"
    text += "  constraints: |\n    Pay #1 priority\n"
    assert editing_traps(text, None) == []
