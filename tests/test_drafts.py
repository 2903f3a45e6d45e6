"""Drafts that could be sent as they are: each truth rule planted on purpose-built answers, in two languages."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from careerstory.answers import load, load_text
from careerstory.answers.drafts import (
    intro,
    intro_draft,
    letter,
    letter_draft,
    message_draft,
    organisation_name,
    organisation_said,
    person_message,
    tell_me,
    tell_me_draft,
    to_second_person,
)
from careerstory.answers.model import AnswerSheet
from careerstory.i18n import using
from careerstory.questions import Bank

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.yaml"))
TODAY = dt.date(2026, 6, 1)
STATUSES = ("to contact", "contacted", "talked")
JOB_STATUSES = ("exploring", "applied", "interviewing", "offer", "rejected", "withdrawn")
# "Applying" in each language the tests speak, as a draft would say it.
APPLYING = {"en": r"\bappl(y|ied|ying|ication)\b", "de": r"bewerb|beworben"}


def answers(
    language: str = "en",
    people: list[dict[str, Any]] | None = None,
    jobs: list[dict[str, Any]] | None = None,
    **about: Any,
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "version": 3,
        "language": language,
        "about": {"name": "Maya Okafor", "current_role": "Chemistry teacher at Northfield Academy", **about},
        "strengths": {"best_moments": "When a student explains the idea back to the class."},
        "options": {"people": people or []},
        "story": {
            "why_change": "I want to design learning for thousands of people.",
            "what_i_want": "I want to design online courses as a learning designer.",
            "transferable_skills": [{"skill": "Explaining", "evidence": "Results rose 18% in two years."}],
            "help_wanted": "An introduction to a course designer.",
        },
        "targets": {"jobs": jobs or []},
    }
    return data


def sheet_of(bank: Bank, data: dict[str, Any]) -> AnswerSheet:
    return load_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), bank)


def person(**fields: Any) -> dict[str, Any]:
    return {"name": "Sam Reyes", "works_as": "Designer at Fernhill Software", "status": "to contact", **fields}


def job(**fields: Any) -> dict[str, Any]:
    return {"role": "Learning designer", "organisation": "Kestrel Education", "status": "applied", **fields}


def every_draft(sheet: AnswerSheet) -> Iterator[str]:
    """Every draft of the file: the intro, each person's message in every status, each job's texts."""
    yield intro_draft(sheet)
    for record in sheet.entries("people"):
        for status in STATUSES:
            yield message_draft(sheet, {**record, "status": status, "contacted_on": "2026-05-01"}, TODAY)
    for record in sheet.entries("jobs"):
        yield tell_me_draft(sheet, record)
        yield letter_draft(sheet, record, TODAY)


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("status", ["exploring", "rejected", "withdrawn"])
def test_nobody_hears_of_an_application_that_is_not_open(bank: Bank, language: str, status: str) -> None:
    insider = person(works_as="Head of learning at Kestrel Education", learned="Every lesson is tested.")
    sheet = sheet_of(bank, answers(language, [insider], [job(status=status)]))
    with using(language):
        drafts = list(every_draft(sheet))
    assert all(drafts), "every draft has something to say"
    for text in drafts:
        assert not re.search(APPLYING[language], text, re.IGNORECASE), text


@pytest.mark.parametrize("language", ["en", "de"])
def test_an_application_is_named_only_to_someone_who_works_there(bank: Bank, language: str) -> None:
    insider = person(name="Helen Marsh", works_as="Head of learning at Kestrel Education")
    outsider = person(name="Ruth Adeyemi", works_as="Researcher at Brightwell Learning")
    sheet = sheet_of(bank, answers(language, [insider, outsider], [job(status="interviewing")]))
    with using(language):
        to_insider = message_draft(sheet, sheet.entries("people")[0], TODAY)
        to_outsider = message_draft(sheet, sheet.entries("people")[1], TODAY)
        letter_text = letter_draft(sheet, sheet.entries("jobs")[0], TODAY)
    assert re.search(APPLYING[language], to_insider, re.IGNORECASE) and "Kestrel Education" in to_insider
    assert not re.search(APPLYING[language], to_outsider, re.IGNORECASE) and "Kestrel" not in to_outsider
    assert re.search(APPLYING[language], letter_text, re.IGNORECASE)


NOT_ASKING = {"en": "not asking about a job", "de": "nicht um eine Stelle"}


@pytest.mark.parametrize(
    ("language", "job_question", "plain_question"),
    [
        ("en", "Do you hire teachers straight from the classroom?", "How do you test a new lesson?"),
        ("de", "Stellen Sie Lehrkräfte direkt aus der Schule ein?", "Wie testen Sie eine neue Lektion?"),
    ],
)
def test_not_asking_about_jobs_is_never_said_beside_a_question_about_one(
    bank: Bank, language: str, job_question: str, plain_question: str
) -> None:
    asking = person(ask_about=job_question)
    plain = person()  # no question of their own: the message asks about the work itself
    applied_there = person(ask_about=plain_question, works_as="Designer at Kestrel Education")
    sheet = sheet_of(bank, answers(language, [asking, plain, applied_there], [job()]))
    with using(language):
        said = [message_draft(sheet, p, TODAY) for p in sheet.entries("people")]
    assert job_question in said[0] and NOT_ASKING[language] not in said[0]
    assert NOT_ASKING[language] in said[1], "the reassurance is kept where it is true"
    assert NOT_ASKING[language] not in said[2], "someone where you applied knows you are asking about a job"


@pytest.mark.parametrize(
    ("note", "said"),
    [
        ("He posted about your team's new course", "You posted about your team's new course"),
        ("She runs the Leeds edtech meetup", "You run the Leeds edtech meetup"),
        ("How does he recruit for his team?", "How do you recruit for your team?"),
        ("We met at a talk he gave in 2024", "We met at a talk you gave in 2024"),
        ("Sam suggested I write to you", "Sam suggested I write to you"),
    ],
)
def test_a_note_about_the_reader_is_said_to_them_where_the_grammar_is_certain(note: str, said: str) -> None:
    with using("en"):
        assert to_second_person(note) == said


@pytest.mark.parametrize(
    "note",
    [
        "ask her about the Leeds team",
        "(ask about hiring?)",
        "She always says yes",
        "I met her team in May",
        "They posted it",
    ],
)
def test_a_note_that_cannot_be_turned_safely_is_not_turned(note: str) -> None:
    with using("en"):
        assert to_second_person(note) is None


@pytest.mark.parametrize(
    ("language", "connection", "ask_about"),
    [
        ("en", "ask her about the Leeds team", "how she recruits (ask?)"),
        ("de", "Er hat auf LinkedIn über sein Team geschrieben", "wie er Leute einstellt"),
        ("pl", "On prowadzi spotkania w Leeds", "jak ona rekrutuje"),
    ],
)
def test_what_cannot_be_said_to_the_reader_is_left_out_with_a_reason(
    bank: Bank, language: str, connection: str, ask_about: str
) -> None:
    sheet = sheet_of(bank, answers(language, [person(connection=connection, ask_about=ask_about)]))
    with using(language):
        drafted = person_message(sheet, sheet.entries("people")[0], TODAY)
    assert drafted.draft and drafted.text
    assert connection not in drafted.text and ask_about not in drafted.text
    assert len(drafted.left_out) == 2, drafted.left_out


def test_a_note_about_the_reader_in_english_opens_the_message_in_the_second_person(bank: Bank) -> None:
    sheet = sheet_of(
        bank,
        answers(
            "en", [person(connection="He posted about the Fernhill course", ask_about="How does he test a lesson?")]
        ),
    )
    with using("en"):
        text = message_draft(sheet, sheet.entries("people")[0], TODAY)
    assert "You posted about the Fernhill course." in text and "How do you test a lesson?" in text
    assert not re.search(r"\b(he|him|his)\b", text, re.IGNORECASE)


@pytest.mark.parametrize("language", ["en", "de"])
def test_an_organisation_typed_with_its_team_is_said_by_its_name(bank: Bank, language: str) -> None:
    typed = "Kestrel Education, digital learning team"
    assert organisation_name(typed) == "Kestrel Education"
    insider = person(works_as="Head of learning at Kestrel Education")
    sheet = sheet_of(bank, answers(language, [insider], [job(organisation=typed)]))
    with using(language):
        texts = [*every_draft(sheet)]
    assert any("Kestrel Education" in text for text in texts)
    assert not any("digital learning team" in text for text in texts)


def private_markers(bank: Bank, data: dict[str, Any]) -> dict[str, str]:
    """A unique marker planted in every private answer of ``data``: question id or group.field -> marker."""
    planted: dict[str, str] = {}
    block_of = {q.id: q.block_id for q in bank.questions}
    for question in bank.questions:
        if question.private:
            marker = f"PRIVATE{len(planted)}X"
            data.setdefault(question.block_id, {})[question.id] = f"{marker} is mine alone."
            planted[question.id] = marker
        for field in question.fields:
            if not field.private:
                continue
            for number, record in enumerate(data.get(block_of[question.id], {}).get(question.id, [])):
                marker = f"PRIVATE{len(planted)}X"
                record[field.id] = f"{marker} was said in confidence."
                planted[f"{question.id}.{number}.{field.id}"] = marker
    return planted


@pytest.mark.parametrize("language", ["en", "de", "pl"])
def test_no_private_answer_ever_appears_in_a_draft(bank: Bank, language: str) -> None:
    people = [person(), person(name="Helen Marsh", works_as="Head at Kestrel Education")]
    jobs = [job(status=status, organisation=f"Org {status}") for status in JOB_STATUSES] + [job()]
    data = answers(language, people, jobs)
    planted = private_markers(bank, data)
    assert any(key.startswith("constraints") for key in planted) and any(".learned" in key for key in planted)
    sheet = sheet_of(bank, data)
    with using(language):
        drafts = [*every_draft(sheet)]
    assert len(drafts) == 1 + 3 * len(people) + 2 * len(jobs)
    for text in drafts:
        for where, marker in planted.items():
            # The one exception: a thank-you says back what that same person said.
            if marker in text:
                assert where.startswith("people.") and where.endswith(".learned"), (where, text)
    for number, record in enumerate(sheet.entries("people")):
        with using(language):
            thanks = message_draft(sheet, {**record, "status": "talked"}, TODAY)
        others = [m for w, m in planted.items() if w.startswith("people.") and not w.startswith(f"people.{number}.")]
        assert not any(marker in thanks for marker in others)


def test_a_thank_you_says_back_what_they_said_and_the_next_step(bank: Bank) -> None:
    talked = person(
        status="talked",
        learned="His team tests every lesson with a class.",
        next_step="Send him my Rise module by Friday",
    )
    sheet = sheet_of(bank, answers("en", [talked]))
    with using("en"):
        text = message_draft(sheet, sheet.entries("people")[0], TODAY)
    assert "your team tests every lesson with a class" in text
    assert "I'll send you my Rise module by Friday" in text
    assert not re.search(r"\b(him|his)\b", text)


def test_a_nudge_before_two_weeks_says_when_it_is_due(bank: Bank) -> None:
    early = person(status="contacted", contacted_on="2026-05-25")
    late = person(status="contacted", contacted_on="2026-05-01")
    sheet = sheet_of(bank, answers("en", [early, late]))
    with using("en"):
        soon, due = (person_message(sheet, p, TODAY) for p in sheet.entries("people"))
    assert soon.text and "25 May 2026" in soon.text
    assert any("8 June 2026" in line for line in soon.left_out)
    assert not due.left_out and "1 May 2026" in due.text


def test_a_saved_answer_is_returned_as_written_and_a_draft_is_marked(bank: Bank) -> None:
    mine = "Hi Sam,\n\nMy own words.\n\nMaya"
    data = answers("en", [person(message=mine), person()], [job(tell_me="Mine.", letter="My letter.")])
    data["story"]["intro"] = "My note."
    sheet = sheet_of(bank, data)
    with using("en"):
        first, second = (person_message(sheet, p, TODAY) for p in sheet.entries("people"))
        record = sheet.entries("jobs")[0]
        assert (first.text, first.draft) == (mine, False)
        assert second.draft and second.text == message_draft(sheet, sheet.entries("people")[1], TODAY)
        assert intro(sheet).text == "My note." and not intro(sheet).draft
        assert tell_me(sheet, record).text == "Mine." and letter(sheet, record, TODAY).text == "My letter."


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_draft_reads_as_one_person_to_another(bank: Bank, path: Path) -> None:
    sheet = load(path, bank)
    with using(sheet.language or None):
        for text in every_draft(sheet):
            assert "{" not in text and not re.search(r"[^\S\n]{2}|\n{3}", text), text
        assert len(intro_draft(sheet).split()) <= 120, "a note to forward is about 120 words at most"
        for record in sheet.entries("people"):
            assert len(message_draft(sheet, record, TODAY).split()) <= 130, "a message is read on a phone"
        for record in sheet.entries("jobs"):
            spoken_answer = tell_me_draft(sheet, record)
            assert 60 <= len(spoken_answer.split()) <= 200, "60 to 90 seconds said aloud"
            assert organisation_name(record["organisation"]) in spoken_answer.rsplit(". ", 1)[-1], "it ends on this job"
            if record.get("status") not in ("applied", "interviewing", "offer"):
                assert not re.search(r"I am applying|I've applied", letter_draft(sheet, record, TODAY))


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_letter_answers_requirements_with_evidence_and_a_gap_with_its_plan(bank: Bank, language: str) -> None:
    requirements = [
        {"need": "Designing for adults", "evidence": "Trained 40 colleagues; feedback averaged 4.6 out of 5."},
        {"need": "Storyline", "plan": "I am building a module in Storyline by 30 May."},
        "SQL",
    ]
    data = answers(language, [], [job(requirements=requirements, why_them="Their courses reach my students.")])
    sheet = sheet_of(bank, data)
    with using(language):
        text = letter_draft(sheet, sheet.entries("jobs")[0], TODAY)
    lines = text.split("\n\n")
    said = "I trained 40 colleagues" if language == "en" else "Trained 40 colleagues"  # "I" is added in English
    assert any("“Designing for adults”" in line or "„Designing for adults“" in line for line in lines)
    assert any("Designing for adults" in line and said in line for line in lines)
    assert any("Storyline" in line and "by 30 May" in line for line in lines)
    assert "SQL" not in text, "a requirement with neither evidence nor plan is not claimed"
    opening = "Your" if language == "en" else "Their"  # English says it to them
    assert lines[-1].endswith("Maya Okafor") and f"{opening} courses reach my students." in text


def test_no_draft_says_a_note_to_self(tmp_path: Path) -> None:
    """A note to self in any answer a draft reads ("???", "TODO: …", "(ask Jen?)") never reaches the reader."""
    from careerstory.answers import drafts
    from careerstory.answers.reading import load
    from careerstory.questions import default_bank

    text = (Path(__file__).parent.parent / "examples" / "teacher.yaml").read_text(encoding="utf-8")
    text = text.replace("  what_is_special: |\n", "  what_is_special: |\n    ??? TODO: say it better. (ask Sam?)\n", 1)
    text = text.replace("      why_them: |\n", "      why_them: |\n        TODO: check their annual report first.\n", 1)
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    sheet = load(path, default_bank())
    made = [drafts.intro_draft(sheet)]
    for person in sheet.entries("people"):
        made.append(drafts.message_draft(sheet, person, dt.date(2026, 3, 10)))
    for job in sheet.entries("jobs"):
        made += [drafts.tell_me_draft(sheet, job), drafts.letter_draft(sheet, job, dt.date(2026, 3, 10))]
    assert any(made)
    for draft in made:
        assert "???" not in draft and "TODO" not in draft and "(ask" not in draft, draft


@pytest.mark.parametrize(
    ("language", "aim", "said"),
    [
        ("en", "To train clinicians on the systems they use.", "I want to train clinicians on the systems they use."),
        ("en", "to design courses teachers use the next morning", "I want to design courses teachers use the next"),
        (
            "de",
            "in einem kleinen Unternehmen Projekte planen",
            "Ich möchte in einem kleinen Unternehmen Projekte planen.",
        ),
    ],
)
def test_a_bare_aim_is_said_as_what_the_person_wants(bank: Bank, language: str, aim: str, said: str) -> None:
    data = answers(language, [person()], [job()])
    data["story"]["what_i_want"] = aim
    sheet = sheet_of(bank, data)
    with using(language):
        texts = [intro_draft(sheet), message_draft(sheet, sheet.entries("people")[0], TODAY)]
        texts += [tell_me_draft(sheet, sheet.entries("jobs")[0]), letter_draft(sheet, sheet.entries("jobs")[0], TODAY)]
    for text in texts:
        assert said in text, text
        core = aim.split(" ", 1)[1][:20]
        assert text.count(core) == 1, "the fragment is not pasted in as a sentence as well"


def test_an_aim_written_as_a_sentence_is_kept_as_written(bank: Bank) -> None:
    sheet = sheet_of(bank, answers())  # "I want to design online courses as a learning designer."
    text = intro_draft(sheet)
    assert "I want to design online courses as a learning designer." in text
    assert "I want I want" not in text


@pytest.mark.parametrize("language", ["en", "de"])
def test_an_answer_with_a_colon_of_its_own_is_said_with_one_colon(bank: Bank, language: str) -> None:
    data = answers(language)
    data["story"]["help_wanted"] = "A reader who works with data: tell me which project to lead with."
    with using(language):
        text = intro_draft(sheet_of(bank, data))
    sentence = next(s for s in text.split(". ") if "tell me which project" in s)
    assert sentence.count(":") == 1, sentence
    assert "works with data – tell me which project" in sentence


def test_an_organisation_named_with_what_it_is_keeps_what_it_is(bank: Bank) -> None:
    typed = "No, the budgeting app, analytics team"
    assert organisation_name(typed) == "No"
    assert organisation_said(typed) == "No, the budgeting app"
    assert organisation_said("Kestrel Education, digital learning team") == "Kestrel Education"
    insider = person(works_as="Analytics lead at No")
    sheet = sheet_of(bank, answers("en", [insider], [job(organisation=typed)]))
    with using("en"):
        letter_text = letter_draft(sheet, sheet.entries("jobs")[0], TODAY)
        message = message_draft(sheet, sheet.entries("people")[0], TODAY)
    assert "role at No, the budgeting app." in letter_text
    with using("en"):
        spoken_answer = tell_me_draft(sheet, sheet.entries("jobs")[0])
    assert "role at No, the budgeting app, is the next step" in spoken_answer, "the aside is closed mid-sentence"
    assert "analytics team" not in letter_text
    assert "I've applied for the learning designer role at No, the budgeting app" in message, "she works there"


@pytest.mark.parametrize(
    ("name", "greeted"),
    [
        ("Dr. Claudia Reinholz", "Hallo Dr. Reinholz,"),
        ("Frau Dr. Anna Schulz", "Hallo Frau Dr. Schulz,"),
        ("Thomas Wendt", "Hallo Thomas Wendt,"),
    ],
)
def test_a_german_message_greets_a_title_with_the_family_name(bank: Bank, name: str, greeted: str) -> None:
    sheet = sheet_of(bank, answers("de", [person(name=name)]))
    with using("de"):
        assert message_draft(sheet, sheet.entries("people")[0], TODAY).splitlines()[0] == greeted


def test_a_german_note_about_the_reader_is_not_said_to_them(bank: Bank) -> None:
    about_her = person(connection="Sie hat bei unserer Fortbildung im März gesprochen")
    to_him = person(name="Thomas Wendt", connection="Sie nehmen bei uns die Zwischenprüfungen ab")
    sheet = sheet_of(bank, answers("de", [about_her, to_him]))
    with using("de"):
        her, him = (message_draft(sheet, record, TODAY) for record in sheet.entries("people"))
    assert "Sie hat" not in her
    assert "Sie nehmen bei uns die Zwischenprüfungen ab." in him


def test_a_title_before_the_evidence_is_not_said_as_a_deed(bank: Bank) -> None:
    requirement = {"need": "Registered nurse", "evidence": "Registered nurse for eleven years."}
    done = {"need": "Training", "evidence": "Trained 40 nurses on the new system."}
    sheet = sheet_of(bank, answers("en", jobs=[job(requirements=[requirement, done])]))
    with using("en"):
        text = letter_draft(sheet, sheet.entries("jobs")[0], TODAY)
    assert "“Registered nurse”: Registered nurse for eleven years." in text
    assert "I registered" not in text
    assert "“Training”: I trained 40 nurses" in text


def test_why_them_that_calls_them_they_is_said_to_them(bank: Bank) -> None:
    about = job(why_them="They help people understand their own money. Their team is small.")
    to_them = job(role="Data analyst", why_them="Your courses are used in every school in Leeds.")
    sheet = sheet_of(bank, answers("en", jobs=[about, to_them]))
    with using("en"):
        first, second = (letter_draft(sheet, record, TODAY) for record in sheet.entries("jobs"))
        spoken_answer = tell_me_draft(sheet, sheet.entries("jobs")[0])
    assert "You help people understand their own money. Their team is small." in first, "only the opening word"
    assert "You help people understand their own money." in spoken_answer
    assert "They help" not in first + spoken_answer
    assert "Your courses are used in every school in Leeds." in second
