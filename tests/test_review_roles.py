"""The review finds answers by the role their question plays, as documents do, never by the question's id."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from careerstory.answers.locating import Address, locate
from careerstory.questions import Bank, bank_from_data, default_bank, load_data
from careerstory.review import question_title, review_files

EXAMPLES = Path(__file__).parent.parent / "examples"
# 20 March 2026, so that contacts and due dates fall as the examples' own notes expect.
TODAY = "1773964800"


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY)


def renamed_bank() -> tuple[Bank, dict[str, str]]:
    """The shipped bank with every question that plays a role given another id (its role kept)."""
    raw = copy.deepcopy(load_data("bank.yaml"))
    renamed = {}
    for block in raw["blocks"]:
        for question in block["questions"]:
            if question.get("role"):
                renamed[question["id"]] = f"my_{question['id']}"
                question["id"] = renamed[question["id"]]
    return bank_from_data(raw), renamed


def with_ids(text: str, renamed: dict[str, str]) -> str:
    """An answers file with each question's key (two spaces in, under its block) renamed."""
    return re.sub(r"(?m)^  ([a-z_]+):", lambda m: f"  {renamed.get(m.group(1), m.group(1))}:", text)


def review(tmp_path: Path, bank: Bank, text: str, name: str) -> list:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    [found] = review_files([path], bank)
    assert not found.problems, found.problems
    return list(found.notes)


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_every_rule_still_speaks_when_every_question_with_a_role_is_renamed(tmp_path: Path, example: str) -> None:
    bank, renamed = renamed_bank()
    text = (EXAMPLES / example).read_text(encoding="utf-8")
    before = review(tmp_path, default_bank(), text, "before.yaml")
    after = review(tmp_path, bank, with_ids(text, renamed), "after.yaml")
    # The same notes, at the same places, saying the same; only the question's name follows its new id.
    assert [(n.rule, n.line, n.column, n.message) for n in after] == [
        (n.rule, n.line, n.column, n.message) for n in before
    ]
    assert [n.question.split("[")[0].split(".")[0] for n in after] == [
        renamed.get(n.address.question, n.address.question) for n in before
    ]


def test_the_renamed_examples_reach_the_rules_of_records_and_of_plain_answers(tmp_path: Path) -> None:
    # The parametrised test above only proves something if the examples draw these notes at all.
    bank, renamed = renamed_bank()
    rules = set()
    for path in EXAMPLES.glob("*.yaml"):
        text = with_ids(path.read_text(encoding="utf-8"), renamed)
        rules |= {n.rule for n in review(tmp_path, bank, text, path.name)}
    # A person's step, a job's requirement (records), a strength (a list's item): each found by role.
    assert {"due-passed", "requirement-unanswered", "unbacked-strength"} <= rules, rules


def test_a_located_answer_carries_its_address_and_its_questions_role(bank: Bank) -> None:
    text = (EXAMPLES / "teacher.yaml").read_text(encoding="utf-8")
    found = {a.question: a for a in locate(text, bank)}
    learned = next(a for name, a in found.items() if name.endswith(".learned") and name.startswith("people["))
    assert learned.role == "people"
    assert learned.address.record is not None and learned.address.field == "learned"
    assert str(learned.address) == learned.question == f"people[{learned.address.record}].learned"
    need = next(a for name, a in found.items() if re.fullmatch(r"jobs\[\d+\]\.requirements\[\d+\]", name))
    assert (need.role, need.address.field, need.address.sub) == ("jobs", "requirements", None)
    assert need.address.item is not None


def test_an_address_is_said_as_notes_print_it() -> None:
    assert str(Address("why_change")) == "why_change"
    assert str(Address("core_strengths", item=3)) == "core_strengths[3]"
    assert str(Address("people", record=2, field="learned")) == "people[2].learned"
    assert str(Address("jobs", 1, "requirements", 3)) == "jobs[1].requirements[3]"
    assert str(Address("jobs", 1, "requirements", 3, "evidence")) == "jobs[1].requirements[3].evidence"


def test_a_notes_title_is_read_from_its_address(bank: Bank) -> None:
    people = bank.question("people")
    title = question_title(bank, Address("people", record=3, field="learned"))
    assert title == f"{people.heading or people.prompt}, 3: {people.field('learned').label}"
    assert question_title(bank, Address("not_a_question")) == "not_a_question"
