"""Recipes assembled from answers: sentences, the takes, and the pitch's draft on every example persona."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from careerstory.answers import load, load_text
from careerstory.answers.recipes import clause, first_sentence, recipe, role_phrase, sentences, spoken
from careerstory.answers.recipes import draft as make_draft
from careerstory.i18n import using
from careerstory.questions import Bank
from careerstory.questions.recipes import Part, parse_recipe, roles

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.yaml"))


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("I wrote to Dr. Marsh about it. Then more.", "I wrote to Dr. Marsh about it."),
        ("Mr. and Mrs. Okafor, Ms. Li and St. Mary's No. 5 came. Then more.", None),
        ("Small steps, e.g. rice and coins, i.e. things to weigh. Then more.", None),
        ("Tables, charts, etc. Then more.", "Tables, charts, etc."),
        ("Tables, charts, etc. and more. Then more.", "Tables, charts, etc. and more."),
        ("Why not? Because.", "Why not?"),
        ("- first item\n- second item. Yes", "first item second item."),
    ],
)
def test_first_sentence_does_not_end_at_an_abbreviation(text: str, first: str | None) -> None:
    assert first_sentence(text) == (first or text.split(" Then")[0])


def test_sentences_split_a_paragraph() -> None:
    assert sentences("One. Dr. Two! Three?") == ["One.", "Dr. Two!", "Three?"]


@pytest.mark.parametrize(
    ("role", "said"),
    [
        ("Chemistry teacher at Northfield", "a chemistry teacher at Northfield"),
        ("Army logistics officer", "an army logistics officer"),
        ("UX researcher", "a UX researcher"),
        ("The head of science", "the head of science"),
    ],
)
def test_a_role_is_said_after_im(role: str, said: str) -> None:
    assert role_phrase(role) == said


def test_a_clause_follows_because_and_evidence_gets_its_subject() -> None:
    assert clause("Because Numbers matter. More.") == "numbers matter"
    assert clause("I like numbers.") == "I like numbers"
    assert spoken("Built the model in 3 weeks.") == "I built the model in 3 weeks."
    assert spoken("Results rose 18%.") == "Results rose 18%."


def test_a_part_that_finds_nothing_says_its_otherwise(bank: Bank) -> None:
    sheet = load_text("version: 2\nstrengths:\n  best_moments: A good day. Another.\n", bank)
    [part] = parse_recipe(
        [{"role": "transferable_skills", "field": "evidence", "take": "first_with_number",
          "otherwise": {"role": "best_moments", "take": "first_sentence", "say": "Like this: {}"}}],
        "test",
    )  # fmt: skip
    assert recipe(sheet, (part,)) == "Like this: A good day."
    assert roles((part,)) == {"transferable_skills", "best_moments"}


def test_an_unknown_take_is_a_bug_in_the_data() -> None:
    with pytest.raises(ValueError, match="unknown take"):
        parse_recipe([{"role": "pitch", "take": "everything"}], "test")


def test_the_pitch_draft_reads_every_role_it_names(bank: Bank) -> None:
    draft = bank.question("pitch").draft
    assert draft and roles(draft) <= {q.role for q in bank.questions if q.role}
    assert all(isinstance(part, Part) for part in draft)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_pitch_draft_of_each_persona_reads_as_a_person_speaking(path: Path, bank: Bank) -> None:
    sheet = load(path, bank)
    role = sheet.text("current_role").strip()
    if sheet.language:
        # Another language: its own frame from the catalog, the role kept exactly as typed.
        with using(sheet.language):
            draft = recipe(sheet, bank.question("pitch").draft)
        assert first_sentence(role).rstrip(".") in draft and "I'm" not in draft, draft
        return
    draft = recipe(sheet, bank.question("pitch").draft)
    assert draft.startswith("I'm a"), draft
    assert role[1:20] in draft  # the current role, its first letter lowered after the article
    assert ".." not in draft and "  " not in draft and draft.endswith(("?", "."))
    assert re.search(r"\b(Dr|Mr|Mrs|Ms|St|No)\.$", draft.split(". ")[0]) is None
    if sheet.answered(bank.question("what_i_want")):
        assert "I want" in draft and "I'm making the change because" in recipe(sheet, bank.question("pitch").draft)
    evidence = " ".join(str(e.get("evidence", "")) for e in sheet.entries("transferable_skills"))
    if re.search(r"\d", evidence):
        second = draft.split(". ", 1)[1]
        assert re.search(r"\d", second.split(". ")[0] if "I'm making" in second else second), draft


def test_the_teachers_draft_is_her_own_words(bank: Bank) -> None:
    sheet = load(Path(__file__).parent.parent / "examples" / "teacher.yaml", bank)
    # Within the pitch's 85 words: the reason to change left out, the role cut to its first clause.
    assert make_draft(sheet, bank.question("pitch")) == (
        "I'm a chemistry teacher and Key Stage 4 science coordinator at Northfield Academy. "
        "Year 10 chemistry results rose 18% in two years after I rebuilt the course around small steps; "
        "the department adopted it for all six classes. "
        "I want to design online courses that make hard subjects feel possible, as a learning experience designer "
        "at an education company, testing what I build with real learners and improving it every week. "
        "Could you spare twenty minutes to tell me what the work is really like?"
    )


@pytest.mark.parametrize(
    ("language", "typed", "aimed"),
    [
        ("en", "To train clinicians on the systems they use.", "to train clinicians on the systems they use"),
        ("en", "I want to train clinicians.", ""),
        ("fr", "concevoir des cours en ligne", "concevoir des cours en ligne"),
        ("fr", "je veux concevoir des cours", ""),
        ("de", "ich möchte Projekte planen", ""),
        ("pl", "projektować kursy online", "projektować kursy online"),
        ("de", "Ich möchte Projekte planen.", ""),
    ],
)
def test_a_bare_aim_is_told_from_a_sentence_of_its_own(language: str, typed: str, aimed: str) -> None:
    from careerstory.answers.recipes import aim

    with using(language):
        assert aim(typed) == aimed
