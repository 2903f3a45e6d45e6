import os
import stat

import pytest
from hand_written import HAND_WRITTEN, save
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerstory import storage
from careerstory.answers import AnswersFile, load
from careerstory.answers.model import clean_text, unstorable_character
from careerstory.errors import UserError


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
                "message": "Hi Sam,\nthank you.",
                "due": "30.11.2026",
            }
        ],
        "jobs": [
            {
                "role": "Designer",
                "organisation": "",
                "requirements": [
                    {"need": "no", "evidence": "", "plan": ""},
                    {"need": "- a: b", "evidence": "yes: really", "plan": "a\nb"},
                ],
                "why_fit": "",
                "gaps": "",
                "objections": "",
                "why_them": "",
                "status": "offer",
                "next_step": "",
                "learned": "x\n\ny",
                "tell_me": "",
                "letter": "Dear Ms Patel,\n\nYours,\nZoë",
                "due": "",
            }
        ],
        "transferable_skills": [{"skill": "Explaining", "evidence": "Exam results up 18%"}],
    }
    for question_id, value in values.items():
        save(answers_path, bank, question_id, value)
    sheet = load(answers_path, bank)
    for question_id, value in values.items():
        assert sheet[question_id] == value


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
