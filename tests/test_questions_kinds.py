"""The table of kinds drives reading, saving, the schema and the empty answer: a new kind is one entry."""

import pytest

from careerstory.answers import load_text, new_file_text
from careerstory.answers.model import empty_answer, empty_field
from careerstory.answers.schema import build_schema
from careerstory.questions import default_bank, parse_bank
from careerstory.questions.kinds import KINDS, Kind, kinds_at

_ONE_QUESTION = "blocks:\n - id: a\n   title: A\n   intro: x\n   questions:\n    - {q}\n"


def _bank(question: str):
    return parse_bank(_ONE_QUESTION.format(q=question))


def _every_field(bank):
    for question in bank.questions:
        for field in question.fields:
            yield "field", field
            for sub in field.fields:
                yield "subfield", sub


def test_every_kind_in_the_bank_is_an_entry_allowed_where_it_stands():
    bank = default_bank()
    for question in bank.questions:
        assert question.kind in kinds_at("question"), question.id
    used = {question.kind for question in bank.questions}
    for place, field in _every_field(bank):
        assert field.kind in kinds_at(place), field.id
        used.add(field.kind)
    assert used == set(KINDS), "every entry of the table is used by the bank, and only those"


def test_the_empty_answer_and_the_schema_follow_each_entry():
    bank = default_bank()
    schema = build_schema(bank)
    for question in bank.questions:
        assert empty_answer(question) == question.shape.empty(), question.id
        block = schema["properties"][question.block_id]["properties"][question.id]
        if question.shape.text:
            assert block["$ref"] == "#/$defs/text", question.id
        else:
            assert "array" in block["type"], question.id
            assert ("properties" in block["items"]) == question.shape.records, question.id
    for _place, field in _every_field(bank):
        assert empty_field(field) == field.shape.empty(), field.id


@pytest.mark.parametrize("kind", sorted(kinds_at("question")))
def test_each_question_kind_is_written_and_read_back_as_typed(kind):
    fields = " fields: [{id: f, kind: text, label: F}]," if KINDS[kind].records else ""
    bank = _bank(f"{{id: q, kind: {kind}, required: true, prompt: p, help: h, example: e,{fields}}}")
    question = bank.question("q")
    value = {
        "text": "One line: with a colon # and a hash",
        "items": ["- a dash first", "yes", "012"],
        "records": [{"f": "a record's name"}],
    }[question.shape.holds]
    if question.shape.block:
        value = "First line\n\n  indented second paragraph"
    text = new_file_text(bank, {"q": value})
    assert load_text(text, bank)["q"] == value
    if question.shape.block:
        assert "q: |" in text, "a block kind is written as a literal block"
    assert load_text(new_file_text(bank, {}), bank)["q"] == question.shape.empty()


@pytest.mark.parametrize("place", ["question", "field", "subfield"])
def test_a_bank_naming_a_kind_the_table_lacks_is_refused_with_the_kinds_allowed_there(place):
    question = {
        "question": "{id: q, kind: bold, required: true, prompt: p, help: h, example: e}",
        "field": "{id: q, kind: group, required: true, prompt: p, help: h, example: e,"
        " fields: [{id: f, kind: bold, label: F}]}",
        "subfield": "{id: q, kind: group, required: true, prompt: p, help: h, example: e,"
        " fields: [{id: f, kind: group, label: F, fields: [{id: g, kind: bold, label: G}]}]}",
    }[place]
    with pytest.raises(ValueError, match="unknown kind 'bold'") as refused:
        _bank(question)
    assert f"(kinds: {', '.join(kinds_at(place))})" in str(refused.value)


def test_a_new_kind_is_one_entry_in_the_table(monkeypatch):
    # A one-line kind under another name: nothing but the entry is added.
    monkeypatch.setitem(KINDS, "short", Kind("short", "text", frozenset(("question", "field"))))
    bank = _bank("{id: q, kind: short, required: true, prompt: p, help: h, example: e}")
    question = bank.question("q")
    assert question.shape.line and empty_answer(question) == ""
    assert load_text(new_file_text(bank, {"q": "Typed: as is"}), bank)["q"] == "Typed: as is"
    assert build_schema(bank)["properties"]["a"]["properties"]["q"]["$ref"] == "#/$defs/text"
    assert "short" in kinds_at("question") and "short" not in kinds_at("subfield")
