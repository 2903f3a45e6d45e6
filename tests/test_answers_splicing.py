import pytest
from hand_written import HAND_WRITTEN, changed_lines, save

from careerstory.answers import load
from careerstory.answers.reading import compose_nodes, find_pair
from careerstory.answers.splicing import replace_answer


def test_saving_one_answer_changes_only_its_lines(bank, answers_path):
    answers_path.write_text(HAND_WRITTEN)
    save(answers_path, bank, "why_enjoy", "Seeing people grow.\nAnd the summers.")
    assert changed_lines(HAND_WRITTEN, answers_path.read_text()) == [
        "-  why_enjoy: because",
        "+  why_enjoy: |",
        "+    Seeing people grow.",
        "+    And the summers.",
    ]


@pytest.mark.parametrize(
    ("question_id", "value", "expected"),
    [
        (
            "name",
            "Maya O.",
            ["-  name:    Maya   # spaces kept as I like them", "+  name: Maya O.   # spaces kept as I like them"],
        ),
        ("constraints", "Leeds", ["-  constraints:", "+  constraints: |", "+    Leeds"]),
        # The note inside the old list is kept, just above the answer.
        ("skill_jobs", ["coach"], ["+  # maybe", "-    - trainer   # maybe", "-    - tutor", "+    - coach"]),
        (
            "people",
            [],
            [
                "-    - name: Sam",
                "-      works_as: designer",
                "-      ask_about: a normal week",
                "-      status: talked",
                "-      learned: |",
                "-        Lots.",
            ],
        ),
    ],
)
def test_each_kind_of_answer_is_replaced_in_place(bank, answers_path, question_id, value, expected):
    answers_path.write_text(HAND_WRITTEN)
    save(answers_path, bank, question_id, value)
    diff = changed_lines(HAND_WRITTEN, answers_path.read_text())
    assert sorted(diff) == sorted(expected)
    assert load(answers_path, bank)[question_id] == value


def test_a_comment_after_a_one_line_answer_survives_a_multi_line_one(bank, answers_path):
    answers_path.write_text(HAND_WRITTEN)
    save(answers_path, bank, "name", "Maya\nOkafor")
    text = answers_path.read_text()
    assert "# spaces kept as I like them" in text
    assert load(answers_path, bank)["name"] == "Maya\nOkafor"


def test_a_missing_question_or_block_is_added_in_bank_order_without_touching_the_rest(bank, answers_path):
    answers_path.write_text(HAND_WRITTEN)
    save(answers_path, bank, "companies", ["Acme"])
    save(answers_path, bank, "what_is_special", "I plan well.")
    save(answers_path, bank, "current_role", "Teacher")  # present: replaced, not added
    text = answers_path.read_text()
    assert changed_lines(HAND_WRITTEN, text) == [
        "+  companies:",
        "+    - Acme",
        "+story:",
        "+  what_is_special: |",
        "+    I plan well.",
    ]
    assert text.index("companies:") < text.index("people:") < text.index("what_is_special:") < text.index("# the end")
    sheet = load(answers_path, bank)
    assert (sheet["companies"], sheet["what_is_special"], sheet["name"]) == (["Acme"], "I plan well.", "Maya")


def test_a_question_added_first_in_its_block_goes_above_the_next_ones_comments(bank, answers_path):
    answers_path.write_text("about:\n  # my job\n  current_role: Teacher\n")
    save(answers_path, bank, "name", "Ada")
    assert answers_path.read_text() == "about:\n  name: Ada\n  # my job\n  current_role: Teacher\n"


def test_an_added_answer_leaves_the_comment_on_the_line_before_it_alone(bank, answers_path):
    answers_path.write_text("version: 2\nabout:\n  name: Ada  # my legal name\n")
    save(answers_path, bank, "current_role", "Dev\nops")
    assert answers_path.read_text().startswith("version: 2\nabout:\n  name: Ada  # my legal name\n  current_role:")


def test_a_file_of_only_comments_keeps_them_and_gets_the_layout_after(bank, answers_path):
    notes = "# My notes: ask Priya about the NHS job on Friday\n# salary floor 42k\n"
    answers_path.write_text(notes)
    save(answers_path, bank, "name", "Ada")
    text = answers_path.read_text()
    assert text.startswith(notes)
    assert f"careerstory check {answers_path.name}" in text
    assert load(answers_path, bank)["name"] == "Ada"


@pytest.mark.parametrize(
    ("before", "value", "after"),
    [
        (
            "story:\n  why_change: \n  what_is_special:\n",
            "one line",
            "story:\n  why_change: |\n    one line\n  what_is_special:\n",
        ),
        (
            "story:\n  why_change: |\n    old \n  what_is_special:\n",
            "new",
            "story:\n  why_change: |\n    new\n  what_is_special:\n",
        ),
        ("story: # todo later\n", "b", "story: # todo later\n  why_change: |\n    b\n"),
        ("story:\n  why_change: |  # my note\n    old\n", "new", "story:\n  # my note\n  why_change: |\n    new\n"),
        (
            "options:\n  skill_jobs:\n    - a\n    # note between\n    - b   # trailing\n",
            ["j"],
            "options:\n  # note between\n  skill_jobs:   # trailing\n    - j\n",
        ),
        ("about:\n  name:\n    # full name\n    Ada\n", "Bob", "about:\n  # full name\n  name: Bob\n"),
        ("about:\n  name: 'a # not a comment'\n", "Bob", "about:\n  name: Bob\n"),
    ],
)
def test_trailing_spaces_go_and_comments_stay_when_an_answer_is_replaced(bank, answers_path, before, value, after):
    answers_path.write_text(before.replace("options:\n  skill_jobs", "strengths:\n  skill_jobs"))
    question = bank.question(
        "skill_jobs" if isinstance(value, list) else ("name" if "name" in before else "why_change")
    )
    save(answers_path, bank, question.id, value)
    assert answers_path.read_text() == after.replace("options:", "strengths:")


def test_an_empty_block_gets_its_first_answer(bank, answers_path):
    answers_path.write_text("version: 2\nstory:\n# notes\n")
    save(answers_path, bank, "what_is_special", "Because.")
    assert load(answers_path, bank)["what_is_special"] == "Because."
    assert "# notes" in answers_path.read_text()


def test_crlf_and_bom_are_kept(bank, answers_path):
    answers_path.write_bytes(b"\xef\xbb\xbfabout:\r\n  name: A\r\n  current_role: B\r\n")
    save(answers_path, bank, "name", "Ada")
    assert answers_path.read_bytes() == b"\xef\xbb\xbfabout:\r\n  name: Ada\r\n  current_role: B\r\n"


def test_the_node_api_gives_an_answers_span_in_the_text(bank):
    text = "about:\n  name: Ada   # me\n  current_role: |\n    Teacher\n\nstory: {}\n"
    root = compose_nodes(text)
    about = find_pair(root, "about")
    name = find_pair(about.value, "name")
    role = find_pair(about.value, "current_role")
    assert text[name.start : name.end(text)] == "name: Ada"
    assert name.column == 2
    assert text[role.start : role.end(text)] == "current_role: |\n    Teacher"
    assert find_pair(about.value, "target_role") is None
    assert find_pair(name.value, "anything") is None  # not a mapping


def test_replace_answer_works_on_text_alone(bank):
    text = "version: 2\nabout:\n  name: Ada  # me\n"
    replaced = replace_answer(text, bank, bank.question("name"), "Zoë")
    assert replaced == "version: 2\nabout:\n  name: Zoë  # me\n"


def test_a_missing_block_goes_after_the_language_line(bank, answers_path):
    answers_path.write_text("version: 2\nlanguage: de\n")
    save(answers_path, bank, "name", "Ada")
    assert answers_path.read_text().startswith("version: 2\nlanguage: de\nabout:\n  name: Ada")
