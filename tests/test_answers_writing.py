import difflib
import os
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerstory import storage
from careerstory.answers import AnswersFile, load, load_text, new_file_text
from careerstory.answers.model import clean_text, unstorable_character
from careerstory.errors import UserError

HAND_WRITTEN = """\
# My answers -- started on the train, 3 May.
version: 2

about:
  name:    Maya   # spaces kept as I like them
  # I never know how to say this:
  current_role: Teacher
  constraints:

strengths:

  # TODO ask Sam about this one
  best_moments: |
    When the class gets it.

    When a shy student asks a question.
  what_it_entails:
  why_enjoy: because
  skill_jobs:
    - trainer   # maybe
    - tutor

options:
  people:
    - name: Sam
      works_as: designer
      ask_about: a normal week
      status: talked
      learned: |
        Lots.
# the end, for now
"""


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def save(path: Path, bank, question_id: str, value) -> None:
    with AnswersFile(path, bank) as answers:
        answers.save(bank.question(question_id), value)


def test_a_file_written_by_save_loads_back_to_the_same_answers(bank, answers_path):
    values = {
        "name": "Zoë O'Neill",
        "best_moments": "First paragraph.\n\nSecond: with a colon.\n- a bullet",
        "skill_jobs": ["Trainer", "no", "2026-05-01"],
        "people": [
            {
                "name": "Sam",
                "works_as": "x",
                "connection": "",
                "ask_about": "#hash",
                "status": "talked",
                "contacted_on": "2026-05-01",
                "learned": "a\nb",
                "next_step": "no",
            }
        ],
        "jobs": [
            {
                "role": "Designer",
                "organisation": "",
                "requirements": ["no", "- a: b"],
                "why_fit": "",
                "gaps": "",
                "objections": "",
                "why_them": "",
                "status": "offer",
                "next_step": "",
                "learned": "x\n\ny",
            }
        ],
        "transferable_skills": [{"skill": "Explaining", "evidence": "Exam results up 18%"}],
    }
    for question_id, value in values.items():
        save(answers_path, bank, question_id, value)
    sheet = load(answers_path, bank)
    for question_id, value in values.items():
        assert sheet[question_id] == value


def test_a_new_file_has_a_header_and_every_question_as_a_comment(bank, answers_path):
    save(answers_path, bank, "why_enjoy", "Because.")
    text = answers_path.read_text()
    assert text.startswith("# careerstory answers")
    assert "# yaml-language-server: $schema=" in text
    for question in bank.questions:
        assert f"  # {question.prompt}\n  {question.id}:" in text
    assert "  why_enjoy: |\n    Because.\n" in text


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


def test_a_control_character_is_refused_and_the_file_untouched(bank, answers_path):
    answers_path.write_text(HAND_WRITTEN)
    with pytest.raises(UserError, match="U\\+0007"):
        save(answers_path, bank, "name", "bell\x07")
    assert answers_path.read_text() == HAND_WRITTEN


def test_a_save_that_would_not_read_back_exactly_is_refused_and_the_answer_kept_aside(bank, answers_path):
    flow = "{version: 2, about: {name: Ada, current_role: x}}\n"
    answers_path.write_text(flow)
    with pytest.raises(UserError) as caught:
        save(answers_path, bank, "constraints", "y")
    assert answers_path.read_text() == flow
    rescue = answers_path.with_name("careerstory.from-ask.yaml")
    assert str(rescue) in caught.value.problems[0].hint
    assert load(rescue, bank)["constraints"] == "y"


def test_rescued_answers_never_overwrite_an_earlier_rescue(bank, answers_path):
    answers_path.write_text("{version: 2}\n")
    for answer in ("first", "second"):
        with pytest.raises(UserError):
            save(answers_path, bank, "name", answer)
    assert load(answers_path.with_name("careerstory.from-ask.yaml"), bank)["name"] == "first"
    assert load(answers_path.with_name("careerstory.from-ask-2.yaml"), bank)["name"] == "second"


@pytest.mark.parametrize("text", ["trailing spaces \nsecond", "a\tb\n\tindented by a tab", "  leading\nx"])
def test_long_answers_stay_literal_blocks_even_with_spaces_and_tabs(bank, answers_path, text):
    save(answers_path, bank, "what_is_special", text)
    assert "what_is_special: |" in answers_path.read_text()
    assert load(answers_path, bank)["what_is_special"] == text


# Text a person might type or paste: any printable Unicode, line breaks, spaces at
# either end and YAML's own signs.
answer_text = st.text(
    st.one_of(
        st.characters(blacklist_categories=("Cs",)),
        st.sampled_from(list(":#-?|>'\"{}[]&*!%@`,\n \t")),
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=answer_text, items=st.lists(answer_text, max_size=3), kind=st.sampled_from(["name", "what_is_special"]))
def test_any_answer_round_trips_exactly_or_is_refused_with_the_file_intact(bank, tmp_path, text, items, kind):
    path = tmp_path / "round.yaml"
    path.write_text(HAND_WRITTEN)
    try:
        save(path, bank, kind, text)
        save(path, bank, "skill_jobs", items)
    except UserError:
        # Refused: the file holds either the original or the first answer, and loads.
        load(path, bank)
        assert unstorable_character(text + "".join(items)) is not None
        return
    sheet = load(path, bank)
    assert sheet[kind] == clean_text(text, kind)
    assert sheet["skill_jobs"] == [clean_text(item, "x") for item in items]
    assert sheet["best_moments"] == "When the class gets it.\n\nWhen a shy student asks a question."


def test_clean_text_only_drops_trailing_breaks_and_normalises_crlf():
    assert clean_text("  a \r\nb\n\n", "q") == "  a \nb"


def test_a_failing_replace_leaves_the_original_byte_identical(bank, answers_path, monkeypatch):
    answers_path.write_text(HAND_WRITTEN)

    def broken_replace(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(UserError, match="No space left"):
        save(answers_path, bank, "name", "New")
    assert answers_path.read_text() == HAND_WRITTEN
    assert [p.name for p in answers_path.parent.iterdir()] == [answers_path.name]


def test_a_failing_fsync_leaves_the_original_byte_identical(bank, answers_path, monkeypatch):
    answers_path.write_text(HAND_WRITTEN)

    def broken_fsync(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(UserError, match="Input/output error"):
        save(answers_path, bank, "name", "New")
    assert answers_path.read_text() == HAND_WRITTEN
    assert [p.name for p in answers_path.parent.iterdir()] == [answers_path.name]


def test_the_file_mode_is_kept(bank, answers_path):
    answers_path.write_text(HAND_WRITTEN)
    answers_path.chmod(0o640)
    save(answers_path, bank, "name", "New")
    assert stat.S_IMODE(answers_path.stat().st_mode) == 0o640


def test_a_symlinked_file_stays_a_symlink_and_its_target_is_updated(bank, tmp_path):
    target = tmp_path / "real" / "answers.yaml"
    target.parent.mkdir()
    target.write_text(HAND_WRITTEN)
    link = tmp_path / "careerstory.yaml"
    link.symlink_to(target)
    save(link, bank, "name", "Linked")
    assert link.is_symlink()
    assert load(target, bank)["name"] == "Linked"


def test_a_read_only_file_is_a_clear_error_even_for_root(bank, answers_path):
    answers_path.write_text(HAND_WRITTEN)
    answers_path.chmod(0o444)
    with pytest.raises(UserError, match="read-only"):
        save(answers_path, bank, "name", "New")
    assert answers_path.read_text() == HAND_WRITTEN


def test_an_unwritable_folder_is_a_clear_error(bank, answers_path, monkeypatch):
    answers_path.write_text(HAND_WRITTEN)

    def no_temp(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(storage.tempfile, "mkstemp", no_temp)
    with pytest.raises(UserError, match="cannot write in the folder"):
        save(answers_path, bank, "name", "New")
    assert answers_path.read_text() == HAND_WRITTEN


def test_an_outside_edit_elsewhere_is_kept_and_the_save_goes_on(bank, answers_path):
    answers_path.write_text(HAND_WRITTEN)
    with AnswersFile(answers_path, bank) as answers:
        edited = HAND_WRITTEN.replace("why_enjoy: because", "why_enjoy: because I care")
        answers_path.write_text(edited)
        answers.save(bank.question("name"), "Maya O.")
    sheet = load(answers_path, bank)
    assert (sheet["why_enjoy"], sheet["name"]) == ("because I care", "Maya O.")


def test_an_outside_edit_that_breaks_the_file_stops_and_keeps_every_answer_aside(bank, answers_path):
    answers_path.write_text(HAND_WRITTEN)
    with AnswersFile(answers_path, bank) as answers:
        answers.save(bank.question("what_is_special"), "given in ask")
        answers_path.write_text("about:\n  name: 'unclosed\n")
        with pytest.raises(UserError) as caught:
            answers.save(bank.question("name"), "Maya")
    assert answers_path.read_text() == "about:\n  name: 'unclosed\n"
    rescued = load(answers_path.with_name("careerstory.from-ask.yaml"), bank)
    assert (rescued["what_is_special"], rescued["name"]) == ("given in ask", "Maya")
    assert "quote" in caught.value.problems[0].hint


def test_an_outside_edit_of_the_same_answer_stops_and_keeps_both(bank, answers_path):
    answers_path.write_text(HAND_WRITTEN)
    with AnswersFile(answers_path, bank) as answers:
        edited = HAND_WRITTEN.replace("why_enjoy: because", "why_enjoy: from the editor")
        answers_path.write_text(edited)
        with pytest.raises(UserError) as caught:
            answers.save(bank.question("why_enjoy"), "from ask")
    assert answers_path.read_text() == edited
    rescue = answers_path.with_name("careerstory.from-ask.yaml")
    assert str(rescue) in caught.value.problems[0].hint
    assert load(rescue, bank)["why_enjoy"] == "from ask"


def test_a_second_ask_on_the_same_file_is_refused(bank, answers_path):
    with AnswersFile(answers_path, bank), pytest.raises(UserError, match="already open"):
        AnswersFile(answers_path, bank).__enter__()
    with AnswersFile(answers_path, bank):
        pass  # released once the first one is done


def test_new_file_text_loads_to_exactly_the_values_given(bank):
    values = {"name": "no", "what_is_special": "  indented first line\nthen", "core_strengths": ["a: b", "- c"]}
    sheet = load_text(new_file_text(bank, values), bank)
    assert {k: sheet[k] for k in values} == values
