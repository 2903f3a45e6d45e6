"""The schema editors validate with and `check` agree: on a corpus of files, each is valid to both or to neither."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import jsonschema
import pytest
import yaml

from careerstory.answers.reading import load_text
from careerstory.answers.schema import schema_text
from careerstory.errors import UserError
from careerstory.questions import Bank

BASE = """\
version: {version}
about:
  name: {name}
  dont_want:
    - {item}
options:
  people:
    - {person}
"""
GOOD = {"version": "3", "name": "Maya", "item": "Weekends", "person": "name: Sam\n      status: talked"}

# (what changes, to what): each made into a file of its own.
CORPUS = [
    *(("version", v) for v in ("3", '"3"', "'03'", "3.0", "3.00", "+3", "4", "3.5", "two", '"3.0"', '"+3"', "",
                               "[3]", "{a: 3}", "0", "-3", "true")),
    *(("name", n) for n in ("Maya", '"Ma\\x07ya"', '"Ma\\u2028ya"', '"Ma\\u2029ya"', '"Ma\\x85ya"', '"Ma\\ufeffya"',
                            '"Ma\\ufffeya"', '"Ma\\U0001FFFEya"', '"Ma\\ud800ya"', '"Ma\\x00ya"', '"Ma\\x1bya"',
                            '"Ma\\x7fya"', '"Ma\\x9fya"', '"Ma\\ufdd0ya"', '"Ma\\rya"', '"Ma\\tya"', '"Ma😀ya"',
                            '"Mé\\u00e9"', "no", "1.10", "2026-05-01", "~", "[a, b]", "{a: b}")),
    *(("item", i) for i in ("x", '"x\\x07"', '"x\\u2028"', "~", "[a]", "{a: b}", "3")),
    *(("person", p) for p in ("name: Sam", "", "~", "3", "[a]", "name: Sam\n      status: bogus",
                              "name: Sam\n      status: ''", "name: Sam\n      unknown: x", 'name: "S\\x07am"',
                              "name: Sam\n      learned: \"a\\u2028b\"")),
]  # fmt: skip


def _as_an_editor_reads(value: Any) -> Any:
    """YAML 1.2, as editors read it, has no dates: 2026-05-01 is text."""
    if isinstance(value, dict):
        return {key: _as_an_editor_reads(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_an_editor_reads(item) for item in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def _file(change: str, value: str) -> str:
    return BASE.format(**{**GOOD, change: value})


@pytest.fixture
def validator(bank: Bank) -> jsonschema.protocols.Validator:
    schema = json.loads(schema_text(bank))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


@pytest.mark.parametrize(("change", "value"), CORPUS, ids=[f"{c}={v!r}" for c, v in CORPUS])
def test_the_schema_and_check_agree_on_every_file(
    bank: Bank, validator: jsonschema.protocols.Validator, change: str, value: str
) -> None:
    text = _file(change, value)
    try:
        instance = _as_an_editor_reads(yaml.safe_load(text))  # 2.0 a number, no a boolean
    except yaml.YAMLError:
        pytest.skip("not YAML to an editor either")
    schema_says = validator.is_valid(instance)
    try:
        load_text(text, bank)
        check_says = True
    except UserError:
        check_says = False
    assert schema_says == check_says, (text, [e.message for e in validator.iter_errors(instance)])


def test_the_corpus_holds_good_and_bad_files_of_each_kind(bank: Bank) -> None:
    verdicts: dict[str, set[bool]] = {}
    for change, value in CORPUS:
        try:
            load_text(_file(change, value), bank)
            verdicts.setdefault(change, set()).add(True)
        except UserError:
            verdicts.setdefault(change, set()).add(False)
    assert all(found == {True, False} for found in verdicts.values()), verdicts
