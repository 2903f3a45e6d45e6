from pathlib import Path

from careerstory.errors import Problem, UserError

PROBLEM = Problem(
    "targets.jobs: a record is written as `field: text` lines under a '- ', each one indented below it",
    "Write it like this (any field left out reads as empty), and keep the indentation of the lines above:\n"
    "  - role: ...",
    Path("my folder/careerstory-of-a-long-name.yaml"),
    12,
    7,
)


def test_a_problem_is_wrapped_at_spaces_to_the_width_and_its_place_stays_whole():
    lines = PROBLEM.format(70).splitlines()
    assert lines[0].startswith("my folder/careerstory-of-a-long-name.yaml:12:7: error: targets.jobs:")
    assert all(len(line) <= 70 for line in lines)
    assert " ".join(line.strip() for line in lines).startswith(PROBLEM.where() + ": error: " + PROBLEM.message)
    assert lines[-1] == "      - role: ..."  # an example keeps its own indentation
    assert all(line.startswith("  ") for line in lines[1:])


def test_a_word_longer_than_the_line_is_not_cut():
    text = Problem("see " + "x" * 50, "", Path("a.yaml")).format(20)
    assert "x" * 50 in text


def test_without_a_width_nothing_is_wrapped():
    assert (
        UserError(PROBLEM).format()
        == PROBLEM.format()
        == (f"{PROBLEM.where()}: error: {PROBLEM.message}\n    {PROBLEM.hint.splitlines()[0]}\n      - role: ...")
    )
