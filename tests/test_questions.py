import re
from pathlib import Path

import pytest

from careerstory.questions import default_bank, parse_bank

SPEC_IDS = {
    "about": ["name", "current_role", "dont_want", "constraints", "location"],
    "strengths": ["best_moments", "what_it_entails", "why_enjoy", "skill_jobs"],
    "options": ["industries", "functions", "companies", "possible_roles", "people"],
    "story": [
        "why_change",
        "transferable_skills",
        "core_strengths",
        "what_is_special",
        "what_i_want",
        "pitch",
        "help_wanted",
        "intro",
        "stories",
    ],
    "targets": ["jobs"],
}
SPEC_KINDS = {
    "name": "text",
    "current_role": "text",
    "dont_want": "list",
    "constraints": "long",
    "location": "text",
    "best_moments": "long",
    "what_it_entails": "long",
    "why_enjoy": "long",
    "skill_jobs": "list",
    "industries": "list",
    "functions": "list",
    "companies": "list",
    "possible_roles": "list",
    "people": "group",
    "why_change": "long",
    "transferable_skills": "group",
    "core_strengths": "list",
    "what_is_special": "long",
    "what_i_want": "long",
    "pitch": "long",
    "help_wanted": "long",
    "intro": "long",
    "stories": "group",
    "jobs": "group",
}
OPTIONAL = {
    "dont_want",
    "constraints",
    "location",
    "industries",
    "functions",
    "companies",
    "people",
    "help_wanted",
    "intro",
    "stories",
    "jobs",
}
SEED = Path(__file__).parents[2] / "shared" / "seed"


def test_bank_holds_every_spec_block_and_question_in_order():
    bank = default_bank()
    assert {b.id: [q.id for q in b.questions] for b in bank.blocks} == SPEC_IDS
    assert [b.id for b in bank.blocks] == list(SPEC_IDS)


def test_every_question_has_the_spec_kind_a_help_text_and_an_example():
    for question in default_bank().questions:
        assert question.kind == SPEC_KINDS[question.id], question.id
        assert len(question.help) > 20, question.id
        assert question.example.strip(), question.id
        assert question.required == (question.id not in OPTIONAL), question.id


def test_group_fields_match_the_spec():
    bank = default_bank()
    people = bank.question("people")
    assert [f.id for f in people.fields] == [
        "name",
        "works_as",
        "connection",
        "ask_about",
        "status",
        "contacted_on",
        "learned",
        "next_step",
        "message",
        "due",
    ]
    assert people.field("status").choices == ("to contact", "contacted", "talked")
    assert [f.id for f in bank.question("transferable_skills").fields] == ["skill", "evidence"]
    jobs = bank.question("jobs")
    kinds = {f.id: f.kind for f in jobs.fields}
    assert kinds == {
        "role": "text",
        "organisation": "text",
        "requirements": "group",
        "why_fit": "long",
        "gaps": "long",
        "objections": "long",
        "why_them": "long",
        "status": "choice",
        "next_step": "text",
        "learned": "long",
        "tell_me": "long",
        "letter": "long",
        "due": "text",
    }
    assert jobs.field("status").choices == ("exploring", "applied", "interviewing", "offer", "rejected", "withdrawn")
    assert [f.id for f in jobs.required_fields] == ["role"]


def test_version_3_records_hold_their_new_fields_in_the_contract_order():
    bank = default_bank()
    requirements = bank.question("jobs").field("requirements")
    assert [(f.id, f.kind) for f in requirements.fields] == [("need", "text"), ("evidence", "long"), ("plan", "long")]
    stories = bank.question("stories")
    assert [(f.id, f.kind) for f in stories.fields] == [
        ("title", "text"),
        ("situation", "long"),
        ("task", "long"),
        ("action", "long"),
        ("result", "long"),
        ("shows", "list"),
    ]
    new = [bank.question("people").field(f) for f in ("message", "due")]
    new += [bank.question("jobs").field(f) for f in ("tell_me", "letter", "due")]
    new += list(requirements.fields) + list(stories.fields)
    for field in new:
        assert len(field.help) > 20 and field.example.strip(), field.id
    # What another person reads stays out of the brief until its documents exist.
    for field in [
        bank.question("people").field("message"),
        *[bank.question("jobs").field(f) for f in ("tell_me", "letter")],
    ]:
        assert field.place("brief") == "hidden", field.id
    assert bank.question("constraints").private and not bank.question("location").private


def test_a_group_field_holds_text_fields_only():
    text = "blocks:\n - id: a\n   title: A\n   intro: x\n   questions:\n" + (
        "    - {id: q, kind: group, required: true, prompt: p, help: h, example: e,\n"
        "       fields: [{id: f, kind: group, label: F, fields: [{id: g, kind: list, label: G}]}]}\n"
    )
    with pytest.raises(ValueError, match="unknown kind 'list'"):
        parse_bank(text)


def test_every_field_new_in_version_2_has_a_help_text_and_an_example():
    bank = default_bank()
    new = [bank.question("people").field(f) for f in ("connection", "contacted_on", "next_step")]
    new += [f for f in bank.question("jobs").fields if f.kind != "choice"]
    for field in new:
        assert len(field.help) > 20 and field.example.strip(), field.id


def test_a_field_with_choices_must_be_a_choice_field():
    text = "blocks:\n - id: a\n   title: A\n   intro: x\n   questions:\n" + (
        "    - {id: q, kind: group, required: true, prompt: p, help: h, example: e,\n"
        "       fields: [{id: f, kind: text, label: F, choices: [x]}]}\n"
    )
    with pytest.raises(ValueError, match="choices"):
        parse_bank(text)


def _seed_questions() -> list[str]:
    text = "\n".join(p.read_text("utf-8") for p in sorted(SEED.glob("*")))
    return re.findall(r"^\d\. (.+\?)\s*$", text, flags=re.MULTILINE)


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed lies beside the repository")
def test_every_numbered_seed_question_is_asked_in_its_own_words():
    prompts = " ".join(q.prompt.lower() for q in default_bank().questions)
    seed = _seed_questions()
    assert len(seed) == 8
    for question in seed:
        # "What is special about me and what are the core strengths..." is asked as two questions.
        for part in re.split(r" and (?=what)", question.lower().rstrip("?")):
            words = [w for w in re.findall(r"[a-z]+", part) if len(w) > 3 and w not in {"what", "does", "about"}]
            hits = [w for w in words if w in prompts]
            assert len(hits) >= len(words) * 0.6, (part, words, hits)


def test_a_bank_with_a_repeated_id_is_refused():
    text = "blocks:\n - id: a\n   title: A\n   intro: x\n   questions:\n" + (
        "    - {id: q, kind: text, required: true, prompt: p, help: h, example: e}\n" * 2
    )
    with pytest.raises(ValueError, match="unique"):
        parse_bank(text)


def test_the_compiled_bank_is_kept_in_the_cache_and_an_edit_is_parsed_afresh(tmp_path, monkeypatch):
    from careerstory.questions import compiled

    monkeypatch.setattr(compiled, "DATA_FOLDER", tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "data.yaml").write_text("a: [1, x]\n", encoding="utf-8")
    assert compiled.load_data("data.yaml") == {"a": [1, "x"]}
    (kept,) = (tmp_path / "cache" / "careerstory" / "data").iterdir()
    kept.write_bytes(__import__("marshal").dumps({"a": "from the cache"}))
    assert compiled.load_data("data.yaml") == {"a": "from the cache"}  # read, not parsed again
    (tmp_path / "data.yaml").write_text("a: edited\n", encoding="utf-8")
    assert compiled.load_data("data.yaml") == {"a": "edited"}
    kept.write_bytes(b"not marshal")
    (tmp_path / "data.yaml").write_text("a: [1, x]\n", encoding="utf-8")
    assert compiled.load_data("data.yaml") == {"a": [1, "x"]}  # a broken entry is parsed past


def test_every_role_a_document_names_is_played_by_a_question_of_the_bank():
    from careerstory.questions.documents import default_documents, pattern_roles

    roles = {q.role for q in default_bank().questions if q.role}
    for document in default_documents():
        # A title may also name a record's field shown in the header (the first target job's role).
        header_fields = {
            f.role for q in default_bank().questions for f in q.fields if f.place(document.id) == "header" and f.role
        }
        assert {part.role for _, parts in document.recipes for part in parts} <= roles, document.id
        named = {role for pattern in (*document.title, *document.subject) for role in pattern_roles(pattern)}
        assert named <= roles | header_fields, document.id
        places = {q.place(document.id, document.default_place) for q in default_bank().questions}
        assert places <= {*document.places, "hidden"}, document.id
