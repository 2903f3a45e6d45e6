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
    save(answers_path, bank, "why_fit", text)
    assert "why_fit: |" in answers_path.read_text()
    assert load(answers_path, bank)["why_fit"] == text


def test_new_file_text_loads_to_exactly_the_values_given(bank):
    values = {"name": "no", "why_fit": "  indented first line\nthen", "core_strengths": ["a: b", "- c"]}
    sheet = load_text(new_file_text(bank, values), bank)
    assert {k: sheet[k] for k in values} == values
