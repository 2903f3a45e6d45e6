"""The coach's review: each rule finds the weakness planted for it, and stays quiet on strong answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from careerstory.answers.locating import Lines, locate
from careerstory.i18n.dates import read_date
from careerstory.questions import Bank
from careerstory.review import RULES, review_files
from careerstory.review.prose import prose_findings

EXAMPLES = Path(__file__).parent.parent / "examples"
TEACHER = (EXAMPLES / "teacher.yaml").read_text(encoding="utf-8")
# 20 March 2026: the teacher's third contact (2 March) is then 18 days old.
TODAY = "1773964800"

TARGETS = """\
version: 2
targets:
  jobs:
    - role: Data analyst
      organisation: Acme Foods
    - role: Reporting analyst
      requirements:
        - Strong SQL
      gaps:
"""


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY)


def plant(bank: Bank, question: str, new: str, text: str = TEACHER) -> str:
    """The text with one answer's text replaced (its first to its last character)."""
    located = next(a for a in locate(text, bank) if a.question == question)
    if not located.text:
        return text[: located.start] + new + text[located.start :]
    return text[: located.index(0)] + new + text[located.index(len(located.text) - 1) + 1 :]


# (rule, question it is planted in, the new answer, the question the note names)
PLANTED = [
    ("thin-answer", "why_enjoy", "I like the puzzle.", "why_enjoy"),
    (
        "one-best-moment",
        "best_moments",
        "Last March a student who had told me all autumn she was not a science person explained moles to her"
        " class with a bag of rice and the kitchen scales, and her explanation was better than mine, which is"
        " why I teach at all.",
        "best_moments",
    ),
    (
        "evidence-without-result",
        "transferable_skills[3].evidence",
        "Mentoring new teachers through their first year.",
        "transferable_skills[3].evidence",
    ),
    (
        "we-not-i",
        "transferable_skills[3].evidence",
        "We mentored three new teachers since 2022.",
        "transferable_skills[3].evidence",
    ),
    (
        "leaving-not-going",
        "why_change",
        "After eight years, marking and behaviour take more energy than teaching, and I am tired of Sunday"
        " nights at the kitchen table with a pile of exercise books.",
        "why_change",
    ),
    (
        "too-many-strengths",
        "core_strengths[4]",
        "Calm under deadlines\n    - Patient with beginners\n    - Curious about data",
        "core_strengths[6]",
    ),
    ("too-many-roles", "possible_roles[3]", "Curriculum designer\n    - Museum educator", "possible_roles[4]"),
    (
        "repeated-strength",
        "core_strengths[4]",
        "Making complicated things feel simple and clear",
        "core_strengths[4]",
    ),
    (
        "note-to-self",
        "what_i_want",
        "I want to design online courses (need to check the job title) for an education company.",
        "what_i_want",
    ),
    (
        "unexplained-acronym",
        "why_enjoy",
        "I like the puzzle, and I like seeing the result in the VLE statistics every single week of the school year.",
        "why_enjoy",
    ),
    ("talked-nothing-learned", "people[3].status", "talked", "people[3].learned"),
    ("no-follow-up", "people[3].next_step", "", "people[3].next_step"),
    ("unclear-date", "people[3].contacted_on", "early March", "people[3].contacted_on"),
    ("pitch-too-long", "pitch", " ".join(["I teach chemistry and I want to design courses."] * 10), "pitch"),
    (
        "pitch-without-target",
        "pitch",
        "I'm a chemistry teacher whose course raised results 18% in two years. Could you spare twenty minutes?",
        "pitch",
    ),
    (
        "pitch-without-number",
        "pitch",
        "I'm a chemistry teacher who wants to be a learning experience designer. Could you spare a few minutes?",
        "pitch",
    ),
    (
        "pitch-without-ask",
        "pitch",
        "I'm a chemistry teacher whose course raised results 18% in two years, heading for learning experience design.",
        "pitch",
    ),
    ("unbacked-strength", "core_strengths[2]", "Fluent in Portuguese and Italian", "core_strengths[2]"),
    (
        "unmentioned-requirement",
        "jobs[1].requirements[1]",
        "Fluent Portuguese and Italian",
        "jobs[1].requirements[1]",
    ),
    (
        "cliche",
        "what_i_want",
        "At the end of the day I want to design online courses as a learning experience designer.",
        "what_i_want",
    ),
    (
        "weasel-word",
        "what_i_want",
        "I would argue that I want to design online courses as a learning experience designer.",
        "what_i_want",
    ),
    (
        "redundancy",
        "what_i_want",
        "I want to design online courses as a learning experience designer, a free gift to learners.",
        "what_i_want",
    ),
    (
        "corporate-speak",
        "what_i_want",
        "I want to think outside the box and design online courses as a learning experience designer.",
        "what_i_want",
    ),
]


def review_text(tmp_path: Path, bank: Bank, text: str, name: str = "planted.yaml") -> list:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    [review] = review_files([path], bank)
    assert not review.problems, review.problems
    return list(review.notes)


@pytest.mark.parametrize(("rule", "where", "new", "question"), PLANTED, ids=[p[0] for p in PLANTED])
def test_each_rule_finds_the_weakness_planted_for_it(
    tmp_path: Path, bank: Bank, rule: str, where: str, new: str, question: str
) -> None:
    before = {(n.rule, n.question) for n in review_text(tmp_path, bank, TEACHER, "teacher.yaml")}
    assert (rule, question) not in before
    notes = review_text(tmp_path, bank, plant(bank, where, new))
    assert (rule, question) in {(n.rule, n.question) for n in notes}


@pytest.mark.parametrize(
    ("rule", "question"),
    [("target-without-requirements", "jobs[1].role"), ("target-without-gaps", "jobs[2].gaps")],
)
def test_a_target_needs_requirements_and_then_gaps(tmp_path: Path, bank: Bank, rule: str, question: str) -> None:
    notes = review_text(tmp_path, bank, TARGETS)
    assert [n.question for n in notes if n.rule == rule] == [question]


def test_every_registered_rule_has_a_planted_weakness_and_says_what_it_looks_for() -> None:
    from test_review_version_3 import PLANTED as VERSION_3  # the rules of version 3's answers, planted there

    # draft-unchanged plants careerstory's own draft, made afresh from the example in its test there
    elsewhere = {"target-without-requirements", "target-without-gaps", "draft-unchanged"}
    planted = {p[0] for p in PLANTED + VERSION_3} | elsewhere
    assert planted == set(RULES)
    assert all(rule.doc for rule in RULES.values())


def test_a_note_names_the_line_and_column_of_the_words_inside_a_block_answer(tmp_path: Path, bank: Bank) -> None:
    new = "I want to design courses\n    for adults (need to check the title) at a company."
    text = plant(bank, "what_i_want", new)
    [note] = [n for n in review_text(tmp_path, bank, text) if n.rule == "note-to-self"]
    line = text.splitlines()[note.line - 1]
    assert line[note.column - 1 :].startswith("(need to check")
    assert line.startswith("    for adults")


def test_a_record_is_counted_as_a_person_counts(tmp_path: Path, bank: Bank) -> None:
    [note] = [n for n in review_text(tmp_path, bank, TARGETS) if n.rule == "target-without-gaps"]
    assert note.question == "jobs[2].gaps"
    assert note.block == "targets"


def test_english_only_rules_stay_quiet_on_another_language(tmp_path: Path, bank: Bank) -> None:
    text = plant(bank, "transferable_skills[3].evidence", "We mentored three new teachers since 2022.")
    text = text.replace("version: 3\n", "version: 3\nlanguage: de\n", 1)
    rules = {n.rule for n in review_text(tmp_path, bank, text)}
    english_only = {rule.id for rule in RULES.values() if rule.languages == {"en"}}
    assert "we-not-i" in english_only
    assert not rules & english_only


def test_a_strong_complete_file_gets_at_most_two_notes(
    tmp_path: Path, bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On 10 March 2026, the day the examples reach; ten days on, their next steps are rightly overdue.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1773100800")
    assert len(review_text(tmp_path, bank, TEACHER, "teacher.yaml")) <= 2


def test_prose_checks_place_each_finding_in_its_own_answer(bank: Bank) -> None:
    text = plant(bank, "what_i_want", "In the end I want to think outside the box.")
    answers = locate(text, bank)
    [found] = [f for f in prose_findings(answers) if "outside the box" in f.message]
    assert found.answer.question == "what_i_want"
    assert found.answer.text[found.offset :].startswith("think outside the box")
    place = Lines(text).place(found.answer.index(found.offset))
    assert text.splitlines()[place.line - 1][place.column - 1 :].startswith("think outside")


@pytest.mark.parametrize(
    ("typed", "language", "day"),
    [("2026-03-03", "", (2026, 3, 3)), ("3 March 2026", "", (2026, 3, 3)), ("March 3, 2026", "en", (2026, 3, 3)),
     ("3rd Mar 2026", "en", (2026, 3, 3)), ("3. Mai 2026", "de", (2026, 5, 3)), ("3 mai 2026", "fr", (2026, 5, 3)),
     ("1er mars 2026", "fr", (2026, 3, 1)), ("3 de mayo de 2026", "es", (2026, 5, 3)),
     ("3 maja 2026", "pl", (2026, 5, 3)), ("2 marca 2026", "pl-PL", (2026, 3, 2)), ("3.5.2026", "de", (2026, 5, 3)),
     ("2026-05-03", "pl", (2026, 5, 3)), ("3 May 2026", "de", (2026, 5, 3)),
     ("early March", "en", None), ("31 February 2026", "", None), ("2026-02-31", "", None),
     ("Anfang März", "de", None), ("début mai", "fr", None), ("principios de mayo", "es", None),
     ("na początku maja", "pl", None), ("yesterday", "en", None), ("gestern", "de", None), ("3 Mai", "de", None),
     ("3 maja 2026", "xx", None), ("", "en", None)],
)  # fmt: skip
def test_dates_are_read_as_people_type_them_in_their_language(
    typed: str, language: str, day: tuple[int, int, int] | None
) -> None:
    parsed = read_date(typed, language)
    assert (parsed.timetuple()[:3] if parsed else None) == day


@pytest.mark.parametrize(
    ("language", "typed"),
    [("de", "3. Februar 2026"), ("fr", "3 février 2026"), ("es", "3 de febrero de 2026"), ("pl", "3 lutego 2026")],
)
def test_the_two_week_reminder_fires_in_every_language(tmp_path: Path, bank: Bank, language: str, typed: str) -> None:
    text = plant(bank, "people[3].next_step", "")
    text = plant(bank, "people[3].due", "", text)  # no step planned, so none falls due
    text = plant(bank, "people[3].contacted_on", typed, text)
    text = text.replace("version: 3\n", f"version: 3\nlanguage: {language}\n", 1)
    assert f"\nlanguage: {language}\n" in text
    rules = [n.rule for n in review_text(tmp_path, bank, text) if n.question.startswith("people[3]")]
    assert rules == ["no-follow-up"]


@pytest.mark.parametrize(
    ("language", "example"), [("de", "3. März 2026"), ("fr", "3 mars 2026"), ("pl", "3 marca 2026")]
)
def test_an_unclear_date_is_noted_in_every_language_with_an_example_in_it(
    tmp_path: Path, bank: Bank, language: str, example: str
) -> None:
    text = plant(bank, "people[3].contacted_on", "irgendwann im März")
    text = text.replace("version: 3\n", f"version: 3\nlanguage: {language}\n", 1)
    [note] = [n for n in review_text(tmp_path, bank, text) if n.rule == "unclear-date"]
    assert example in note.message


def test_today_comes_from_source_date_epoch(tmp_path: Path, bank: Bank, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1772409600")  # 2 March 2026: nobody is late yet
    text = plant(bank, "people[3].next_step", "")
    assert "no-follow-up" not in {n.rule for n in review_text(tmp_path, bank, text)}


# -- every example, counted ------------------------------------------------------------------

COUNTS = Path(__file__).parent / "golden" / "review-counts.json"


def test_the_notes_on_each_example_are_the_committed_count(bank: Bank, update_golden: bool) -> None:
    """A rule change that floods (or silences) the examples fails here; --update-golden rewrites the counts."""
    reviews = review_files(sorted(EXAMPLES.glob("*.yaml")), bank)
    counts = {review.path.name: len(review.notes) for review in reviews}
    if update_golden:
        COUNTS.write_text(json.dumps(counts, indent=2) + "\n", encoding="utf-8")
    assert counts == json.loads(COUNTS.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("language", "imported"), [("de", False), ("en", True)])
def test_proselint_is_imported_only_for_an_english_file(tmp_path: Path, language: str, imported: bool) -> None:
    import subprocess
    import sys

    path = tmp_path / "a.yaml"
    path.write_text(TEACHER.replace("version: 3\n", f"version: 3\nlanguage: {language}\n", 1), encoding="utf-8")
    code = (
        "import sys; from pathlib import Path; from careerstory.questions import default_bank;"
        "from careerstory.review import review_files;"
        f"review_files([Path({str(path)!r})], default_bank()); print('proselint' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == str(imported)


# -- near the size limit, every shape ----------------------------------------------------------


def test_a_near_limit_file_of_thousands_of_acronyms_gets_one_note_per_acronym(tmp_path: Path, bank: Bank) -> None:
    from big_files import NEAR, acronyms

    text = acronyms()
    assert len(text.encode()) > NEAR - 2_000
    typed = text.split("  why_enjoy: |\n    ", 1)[1].split("\n", 1)[0].split()
    assert len(typed) > 4_000
    notes = review_text(tmp_path, bank, text)
    flagged = [n.message.split("'")[1] for n in notes if n.rule == "unexplained-acronym"]
    assert len(flagged) == len(set(flagged)) > 0.99 * len(typed)
    assert {n.question for n in notes if n.rule == "unexplained-acronym"} == {"why_enjoy"}


def test_a_near_limit_answer_of_one_word_repeated_draws_no_flood(tmp_path: Path, bank: Bank) -> None:
    from big_files import NEAR, repeated_words

    text = repeated_words()
    assert len(text.encode()) > NEAR - 2_000
    notes = review_text(tmp_path, bank, text)
    assert len(notes) <= len(review_text(tmp_path, bank, TEACHER, "teacher.yaml")) + 2


def test_a_near_limit_answer_on_one_line_gets_each_note_once(tmp_path: Path, bank: Bank) -> None:
    from big_files import NEAR, one_long_line

    text = one_long_line()
    assert len(text.encode()) > NEAR - 2_000 and max(len(line) for line in text.splitlines()) > NEAR - 20_000
    notes = [n for n in review_text(tmp_path, bank, text) if n.question == "why_enjoy"]
    assert sorted(n.rule for n in notes) == ["note-to-self", "unexplained-acronym"]
    [todo] = [n for n in notes if n.rule == "note-to-self"]
    assert text.splitlines()[todo.line - 1][todo.column - 1 :].startswith("TODO")


def test_five_hundred_people_each_get_their_own_reminder(tmp_path: Path, bank: Bank) -> None:
    from big_files import records

    notes = review_text(tmp_path, bank, records(500))
    reminded = {n.question for n in notes if n.rule == "no-follow-up"}
    assert len(reminded) == 500  # the teacher's own four have their next steps


# -- acronyms, notes to self and the pitch draft -----------------------------------------------


@pytest.mark.parametrize(
    ("typed", "flagged"),
    [("TODO", []), ("TBD", []), ("FIXME", []), ("FP&A", ["FP&A"]), ("S&OP cycles", ["S&OP"]),
     ("R&D and Q&A", []), ("HR/IT", []), ("SQL/ETL", ["ETL"]), ("KPIs", ["KPI"]), ("ABCDEF", [])],
)  # fmt: skip
def test_an_acronym_is_flagged_whole_once_and_a_note_to_self_is_not_an_acronym(
    tmp_path: Path, bank: Bank, typed: str, flagged: list[str]
) -> None:
    text = plant(bank, "what_i_want", f"I want to design online courses {typed} as a learning experience designer.")
    notes = review_text(tmp_path, bank, text)
    said = [n.message.split("'")[1] for n in notes if n.rule == "unexplained-acronym" and n.question == "what_i_want"]
    assert said == flagged
    marker = typed in ("TODO", "TBD", "FIXME")
    assert [n.rule for n in notes if n.rule == "note-to-self"] == (["note-to-self"] if marker else [])


@pytest.mark.parametrize(
    ("spelled", "typed"),
    [("financial planning and analysis (FP&A)", "FP&A"), ("Financial Planning & Analysis", "FP&A"),
     ("Key Performance Indicators", "KPIs"), ("KPI (key performance indicator)", "KPI")],
)  # fmt: skip
def test_an_acronym_spelled_out_anywhere_is_not_flagged(tmp_path: Path, bank: Bank, spelled: str, typed: str) -> None:
    text = plant(
        bank, "what_i_want", f"I want to design online courses on {spelled}, as a learning experience designer."
    )
    text = plant(bank, "why_change", f"I want to work with {typed} every day.", text)
    assert "unexplained-acronym" not in {n.rule for n in review_text(tmp_path, bank, text)}


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_the_pitch_draft_careerstory_offers_passes_its_own_review(tmp_path: Path, bank: Bank, path: Path) -> None:
    from careerstory.answers import load
    from careerstory.answers.recipes import draft
    from careerstory.i18n import using

    sheet = load(path, bank)
    with using(sheet.language or None, announce=False):
        drafted = draft(sheet, bank.question("pitch"))
    assert drafted
    text = path.read_text(encoding="utf-8")
    if not next(a for a in locate(text, bank) if a.question == "pitch").text:
        text = text.replace("\n  pitch:\n", "\n  pitch: |\n    x\n", 1)
    notes = review_text(tmp_path, bank, plant(bank, "pitch", drafted, text), path.name)
    assert [(n.rule, n.message) for n in notes if n.question == "pitch"] == []
