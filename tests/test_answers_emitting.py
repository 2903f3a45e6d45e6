import pytest
from hand_written import save

from careerstory.answers import load, load_text, new_file_text


def test_a_new_file_has_a_header_and_every_question_as_a_comment(bank, answers_path):
    save(answers_path, bank, "why_enjoy", "Because.")
    text = answers_path.read_text()
    assert text.startswith("# careerstory answers")
    assert "# yaml-language-server: $schema=" in text
    for question in bank.questions:
        assert f"  # {question.prompt}\n  {question.id}:" in text
    assert "  why_enjoy: |\n    Because.\n" in text


@pytest.mark.parametrize("text", ["trailing spaces \nsecond", "a\tb\n\tindented by a tab", "  leading\nx"])
def test_long_answers_stay_literal_blocks_even_with_spaces_and_tabs(bank, answers_path, text):
    save(answers_path, bank, "what_is_special", text)
    assert "what_is_special: |" in answers_path.read_text()
    assert load(answers_path, bank)["what_is_special"] == text


def test_new_file_text_loads_to_exactly_the_values_given(bank):
    values = {"name": "no", "what_is_special": "  indented first line\nthen", "core_strengths": ["a: b", "- c"]}
    sheet = load_text(new_file_text(bank, values), bank)
    assert {k: sheet[k] for k in values} == values


def test_a_new_file_says_the_current_version_then_its_language_when_set(bank):
    from careerstory.answers.migrations import CURRENT_VERSION

    plain = new_file_text(bank, {})
    assert f"\nversion: {CURRENT_VERSION}\n\n# " in plain
    assert "\nlanguage:" not in plain
    spoken = new_file_text(bank, {}, language="de-AT")
    assert f"\nversion: {CURRENT_VERSION}\nlanguage: de-AT\n" in spoken
    assert load_text(spoken, bank).language == "de-AT"


def test_an_empty_list_field_in_a_record_is_written_empty_not_as_brackets(bank):
    text = new_file_text(bank, {"jobs": [{"role": "Designer", "requirements": []}]})
    assert "requirements: []" not in text
    assert "\n      requirements:\n" in text
    assert load_text(text, bank)["jobs"][0]["requirements"] == []
