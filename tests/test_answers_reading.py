from pathlib import Path

import pytest

from careerstory import _
from careerstory.answers import load, load_text, new_file_text
from careerstory.answers.reading import MAX_BYTES
from careerstory.errors import UserError


def problems_of(text: str, bank, path: Path | None = None) -> list:
    with pytest.raises(UserError) as caught:
        load_text(text, bank, path)
    return list(caught.value.problems)


def only_problem(text: str, bank):
    problems = problems_of(text, bank, Path("a.yaml"))
    assert len(problems) == 1, problems
    return problems[0]


@pytest.mark.parametrize(
    "typed", ["no", "on", "yes", "1.10", "01234", "12:30", "2026-05-01", '"null"', "'~'", "0x1F", ".inf"]
)
def test_every_scalar_stays_the_text_typed(bank, typed):
    sheet = load_text(f"about:\n  name: {typed}\noptions:\n  industries:\n    - {typed}\n", bank)
    assert sheet["name"] == typed.strip("'\"")
    assert sheet["industries"] == [typed.strip("'\"")]


@pytest.mark.parametrize("null", ["~", "null", "Null", "NULL", "", "[]", "{}"])
def test_a_yaml_null_reads_as_an_empty_answer_everywhere(bank, null):
    text = (
        f"version: 2\nabout:\n  name: {null}\noptions:\n  industries: {null}\n"
        f"targets:\n  jobs:\n    - role: Analyst\n      organisation: {null}\n      requirements: {null}\n"
    )
    sheet = load_text(text, bank)
    assert (sheet["name"], sheet["industries"]) == ("", [])
    [job] = sheet["jobs"]
    assert (job["organisation"], job["requirements"]) == ("", [])
    assert sheet.open_questions()[0].id == "name"


def test_a_new_file_lists_every_question_empty_and_loads_as_unanswered(bank):
    sheet = load_text(new_file_text(bank, {}), bank)
    assert sheet.is_empty()
    assert sheet.values == {q.id: ("" if q.kind in ("text", "long") else []) for q in bank.questions}


def test_block_scalars_keep_paragraphs_and_drop_only_the_final_break(bank):
    sheet = load_text("strengths:\n  best_moments: |\n    One.\n\n    - two\n      indented\n", bank)
    assert sheet["best_moments"] == "One.\n\n- two\n  indented"


def test_utf8_bom_and_crlf_are_fine(bank, tmp_path):
    path = tmp_path / "a.yaml"
    path.write_bytes(b"\xef\xbb\xbfabout:\r\n  name: Zo\xc3\xab\r\n")
    assert load(path, bank)["name"] == "Zoë"


def test_an_unclosed_quote_is_pointed_at_where_it_opens(bank):
    problem = only_problem("about:\n  name: 'unclosed\n  current_role: x\nstory:\n  why_fit: y\n", bank)
    assert (problem.path, problem.line, problem.column) == (Path("a.yaml"), 2, 9)
    assert "quote" in problem.hint


@pytest.mark.parametrize("char", ["\x00", "\x07"])
def test_a_control_character_in_the_file_is_pointed_at(bank, char):
    problem = only_problem(f"version: 1\nabout:\n  name: a{char}b\n", bank)
    assert (problem.line, problem.column) == (3, 10)
    assert f"U+{ord(char):04X}" in problem.message and "Delete it" in problem.hint


def test_deep_nesting_is_a_user_error_not_a_crash(bank):
    problems = problems_of("version: 1\nabout:\n  name: " + "[" * 2000 + "]" * 2000 + "\n", bank)
    assert "nest" in problems[0].message + problems[0].hint
    assert problems[0].line == 3


def test_a_tab_is_pointed_at(bank):
    problem = only_problem("about:\n\tname: x\n", bank)
    assert (problem.line, problem.column) == (2, 1)
    assert "spaces" in problem.hint


def test_bad_indentation_is_pointed_at(bank):
    problem = only_problem("about:\n  name: x\n    current_role: y\n", bank)
    assert problem.line == 3
    assert "indentation" in problem.hint


def test_a_duplicate_key_names_both_lines(bank):
    problem = only_problem("about:\n  name: Ada\n  current_role: x\n  name: Bob\n", bank)
    assert (problem.line, problem.column) == (4, 3)
    assert "line 2" in problem.message and "line 4" in problem.hint


def test_a_duplicate_block_is_refused(bank):
    problem = only_problem("about:\n  name: Ada\nabout:\n  name: Bob\n", bank)
    assert problem.line == 3


def test_an_unknown_question_suggests_the_closest_id(bank):
    problem = only_problem("story:\n  why_chnage: because\n", bank)
    assert "why_chnage" in problem.message
    assert "'why_change'" in problem.hint
    assert (problem.line, problem.column) == (2, 3)


def test_a_question_in_the_wrong_block_names_its_block(bank):
    problem = only_problem("about:\n  why_change: because\n", bank)
    assert "story" in problem.hint


def test_an_unknown_block_suggests_the_closest(bank):
    problem = only_problem("strenghts:\n  best_moments: x\n", bank)
    assert "'strengths'" in problem.hint


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("about: Ada\n", "block 'about'"),
        ("about:\n  name:\n    - a\n", "expected text, found a list"),
        ("about:\n  name:\n    first: a\n", "found a mapping"),
        ("options:\n  industries: Banking\n", "expected a list"),
        ("options:\n  people:\n    - Sam\n", "a record is written as"),
        (
            "options:\n  people:\n    - {name: a, works_as: b, ask_about: c, status: talked, learned: e, phone: f}\n",
            "unknown field 'phone'",
        ),
        (
            "options:\n  people:\n    - {name: a, works_as: b, ask_about: c, status: done, learned: e}\n",
            "'done' is not one of its choices",
        ),
        ("version: 0\n", "unsupported version"),
        ("version: two\n", "unsupported version"),
        ("version: 99\n", "newer than this careerstory"),
        ("language: english\n", "not a language code"),
        ("targets:\n  jobs:\n    - role: a\n      status: hired\n", "'hired' is not one of its choices"),
        ("targets:\n  jobs:\n    - role: a\n      requirements: SQL\n", "expected a list of items"),
        ("targets:\n  jobs:\n    - role: [a]\n", "expected text, found a list"),
        ("about:\n  target_role: x\nversion: 2\n", "unknown question 'target_role'"),
        ("- a\n- b\n", "mapping of blocks"),
    ],
)
def test_a_wrong_shape_is_named(bank, text, needle):
    problem = only_problem(text, bank)
    assert needle in problem.message
    assert problem.line is not None and problem.hint


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("about: &a\n  name: x\n", "anchor &a"),
        ("about:\n  name: &n x\n  current_role: *n\n", "alias *n"),
        ("about:\n  name: !!python/object/apply:os.system [echo]\n", "tag"),
        ("about:\n  name: !!str x\n", "tag"),
        ("about:\n  name: !custom x\n", "tag"),
    ],
)
def test_anchors_aliases_and_tags_are_refused(bank, text, needle):
    problems = problems_of(text, bank)
    assert any(needle in p.message for p in problems), problems


def test_an_anchor_does_not_hide_the_other_problems(bank):
    problems = problems_of("version: 1\nabout:\n  nme: &x Ada\nstory:\n  why_chnage: y\n", bank)
    assert len(problems) == 3


def test_all_problems_of_a_file_are_reported_at_once_in_line_order(bank):
    text = "about:\n  nme: x\n  name: a\n  name: b\nstory:\n  why_chnage: y\nextra: 1\n"
    problems = problems_of(text, bank)
    assert [p.line for p in problems] == [2, 4, 6, 7]


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (b"about:\n  name: Zo\xeb\n", (2, 11)),
        (b"\xef\xbb\xbfversion: 1\n\xffabout:\n", (2, 1)),
        (b"about:\n  name: \xc3\xa9\xc3\xa9\xff\n", (2, 11)),  # columns count characters, not bytes
    ],
)
def test_bytes_that_are_not_utf8_are_pointed_at(bank, tmp_path, data, where):
    path = tmp_path / "a.yaml"
    path.write_bytes(data)
    with pytest.raises(UserError) as caught:
        load(path, bank)
    problem = caught.value.problems[0]
    assert (problem.line, problem.column) == where
    assert "UTF-8" in problem.message


def test_a_file_over_the_size_limit_is_refused(bank, tmp_path):
    path = tmp_path / "a.yaml"
    path.write_bytes(b"# " + b"x" * MAX_BYTES + b"\n")
    with pytest.raises(UserError, match="larger than"):
        load(path, bank)


def test_a_missing_file_says_how_to_start_one(bank, tmp_path):
    with pytest.raises(UserError) as caught:
        load(tmp_path / "nope.yaml", bank)
    assert "careerstory ask" in caught.value.problems[0].hint


def test_an_empty_file_is_valid_and_unanswered(bank):
    assert load_text("", bank).is_empty()
    assert load_text("# only a comment\n", bank).is_empty()


# -- version 2 ------------------------------------------------------------------------

JOBS = """\
version: 2
language: de-AT
targets:
  jobs:
    - role: Data analyst
      requirements:
        - SQL
        - "Stakeholder management: you will present to directors"
      status: applied
    - organisation: Acme
      why_fit: |
        I count things.
"""


def test_a_record_field_left_out_reads_as_empty_and_requirements_as_a_list(bank):
    sheet = load_text(JOBS, bank)
    first, second = sheet["jobs"]
    assert first["requirements"] == [
        {"need": "SQL", "evidence": "", "plan": ""},
        {"need": "Stakeholder management: you will present to directors", "evidence": "", "plan": ""},
    ]
    assert (first["status"], first["gaps"], second["requirements"]) == ("applied", "", [])
    assert second["why_fit"] == "I count things."


def test_a_target_without_a_role_is_open_not_invalid(bank):
    sheet = load_text(JOBS, bank)
    [record] = sheet.open_records()
    assert (record.question.id, record.number, [f.id for f in record.missing]) == ("jobs", 2, ["role"])
    assert str(record) == "jobs[2] has no role"


def test_the_language_is_kept_as_written_and_english_when_absent(bank):
    assert load_text(JOBS, bank).language == "de-AT"
    assert load_text("version: 2\n", bank).language == ""


@pytest.mark.parametrize("code", ["de", "pl", "de-AT", "sr-Latn", "zh-Hant-TW", "es-419", "de-CH-1996"])
def test_well_formed_language_codes_are_read(bank, code):
    assert load_text(f"version: 2\nlanguage: {code}\n", bank).language == code


@pytest.mark.parametrize("code", ["english", "d", "de_AT", "de-", "12"])
def test_a_malformed_language_code_is_an_error_at_its_place(bank, code):
    problem = only_problem(f"version: 2\nlanguage: {code}\n", bank)
    assert (problem.line, problem.column) == (2, 11)
    assert "de-AT" in problem.hint


def test_a_wrong_status_is_named_with_its_line_and_column(bank):
    problem = only_problem(JOBS.replace("status: applied", "status: applyed").replace("language: de-AT", "#"), bank)
    assert (problem.line, problem.column) == (9, 15)
    assert "Did you mean 'applied'?" in problem.hint


def test_a_file_is_told_its_problems_in_its_own_language(bank):
    # JOBS says `language: de-AT`: spoken through the German catalog, placeholders kept.
    problem = only_problem(JOBS.replace("status: applied", "status: applyed"), bank)
    assert "„applied“" in problem.hint and "Did you mean" not in problem.hint
    assert _("About you") == "About you"  # and nothing of it stays behind


def test_a_syntax_error_is_told_in_the_file_s_language_even_before_it_parses(bank):
    problem = only_problem("version: 2\nlanguage: de\nabout:\n\tname: Ada\n", bank)
    assert problem.message == "hier steht ein Tabulatorzeichen"
    # The hint is marked at import and translated where it is shown, in the file's language.
    assert problem.hint == "YAML rückt nur mit Leerzeichen ein: Ersetz den Tabulator durch Leerzeichen."


def test_a_version_newer_than_the_tool_says_to_upgrade_and_nothing_else(bank):
    problem = only_problem("version: 99\nabout:\n  nmae: x\n", bank)
    assert (problem.line, problem.column) == (1, 10)
    assert "version 99" in problem.message and "Upgrade careerstory" in problem.hint


def test_a_version_1_question_in_a_version_2_file_points_to_targets(bank):
    problem = only_problem("version: 2\nstory:\n  why_fit: x\n", bank)
    assert "`targets:`" in problem.hint and "why_fit" in problem.hint


@pytest.mark.parametrize("escape", ["\\x07", "\\x00", "\\x7f", "\\x9b", "\\u2028"])
def test_a_control_character_written_as_an_escape_is_refused_at_its_place(bank, escape):
    problem = only_problem(f'about:\n  name: "Maya{escape} Okafor"\n', bank)
    assert (problem.line, problem.column) == (2, 9)
    assert "name: the answer holds the invisible character U+" in problem.message
    assert "Delete its escape" in problem.hint


def test_escapes_in_record_fields_and_list_items_are_refused_too(bank):
    problems = problems_of('options:\n  industries: ["a\\x01"]\ntargets:\n  jobs:\n    - role: "b\\x1b"\n', bank)
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [(2, "industries"), (5, "jobs.role")]


def test_a_tab_newline_or_direction_mark_written_as_an_escape_is_read_as_ask_would_keep_it(bank):
    # ask keeps a pasted right-to-left override (the brief closes it); the file reads the same.
    sheet = load_text('about:\n  name: "Maya\\tOkafor\\n\\u202eokafor"\n', bank)
    assert sheet["name"] == "Maya\tOkafor\n\u202eokafor"


def test_a_record_written_as_plain_text_is_shown_the_record_shape_in_a_few_lines(bank):
    problem = only_problem("version: 2\ntargets:\n  jobs:\n    - Data analyst at Acme\n", bank)
    assert problem.message == "jobs: a record is written as `field: text` lines under a '- '"
    assert problem.hint.splitlines()[1:] == ["  - role: ...", "    organisation: ...", "    requirements: ..."]


@pytest.mark.parametrize(
    ("text", "message", "where"),
    [
        ("about:\n  name: [Maya,\n", "a value is missing here", (3, 1)),
        ("about:\n  name: [Maya\n", "a list opened with '[' is never closed", (2, 9)),
        ("about:\n  name: @maya\n", "an answer cannot start with this character", (2, 9)),
        ('about:\n  name: "C:\\q"\n', "an unknown escape: a backslash in double quotes starts an escape", (2, 12)),
        ("about:\n  name: Maya\n current_role: x\n", "this line does not line up with the lines around it", (3, 2)),
        ("about:\n  name: |x\n    Maya\n", "only a line break may follow '|' or '>'", (2, 10)),
    ],
)
def test_common_yaml_mistakes_are_said_in_plain_words_at_their_place(bank, text, message, where):
    problem = only_problem(text, bank)
    assert (problem.message, (problem.line, problem.column)) == (message, where)
    assert "YAML syntax" not in problem.message and "while parsing" not in problem.message


@pytest.mark.parametrize(
    ("text", "message", "where"),
    [
        # The parser gives up lines later; the person has to look where the bracket opened.
        (
            "version: 2\nabout:\n  name: [Ada\n  current_role: x\n  dont_want:\n    - a\n",
            "a list opened with '[' is never closed",
            (3, 9),
        ),
        ("version: 2\nabout:\n  name: [a, [b, c]\n\n\n  x: y\n", "a list opened with '[' is never closed", (3, 9)),
        (
            "about:\n  name: x\n  dont_want: ['a', \"b\"\n\n\nstory: y\n",
            "a list opened with '[' is never closed",
            (3, 14),
        ),
        (
            "version: 2\nabout:\n  name: {a: b\n  current_role: x\nstory:\n  why: y\n",
            "a mapping opened with '{' is never closed",
            (3, 9),
        ),
        ("about:\n  dont_want: {a: [b]\n", "a mapping opened with '{' is never closed", (2, 14)),
    ],
)
def test_an_unclosed_bracket_is_pointed_at_where_it_opens(bank, text, message, where):
    problem = only_problem(text, bank)
    assert (problem.message, (problem.line, problem.column)) == (message, where)


def test_a_python_tag_is_named_shortly_and_refused(bank):
    problem = only_problem("about:\n  name: !!python/object:os.system x\n", bank)
    assert problem.message == "the tag !!python/object:os.system is not allowed: an answer is plain text"


# -- version 3 ------------------------------------------------------------------------

REQUIREMENTS = """\
version: 3
targets:
  jobs:
    - role: Data analyst
      requirements:
        # copied from the advert
        - SQL
        - need: Stakeholder management
          evidence: |
            I present the budget to the board every term.
        - need: Tableau
          plan: A course, done by May
        -
"""


def test_a_requirement_is_a_record_and_a_plain_item_reads_as_its_need(bank):
    [job] = load_text(REQUIREMENTS, bank)["jobs"]
    assert job["requirements"] == [
        {"need": "SQL", "evidence": "", "plan": ""},
        {"need": "Stakeholder management", "evidence": "I present the budget to the board every term.", "plan": ""},
        {"need": "Tableau", "evidence": "", "plan": "A course, done by May"},
        {"need": "", "evidence": "", "plan": ""},
    ]


def test_whatever_reads_requirements_as_items_reads_their_needs(bank):
    from careerstory.answers.model import field_items, field_records

    [job] = load_text(REQUIREMENTS, bank)["jobs"]
    assert field_items(job, "requirements") == ["SQL", "Stakeholder management", "Tableau"]
    assert len(field_records(job, "requirements")) == 3


@pytest.mark.parametrize(
    ("item", "where", "words"),
    [
        ("- nede: SQL", (6, 11), "unknown field 'nede'"),
        ("- need: [SQL, Python]", (6, 17), "expected text"),
        ("- - SQL", (6, 11), "each item is a text"),
        ("- need: SQL\n          need: R", (7, 11), "appears twice"),
    ],
)
def test_a_requirement_that_is_not_a_record_is_named_with_its_line_and_column(bank, item, where, words):
    text = "version: 3\ntargets:\n  jobs:\n    - role: X\n      requirements:\n        " + item + "\n"
    [problem] = problems_of(text, bank)
    assert (problem.line, problem.column) == where
    assert words in problem.message


def test_requirements_written_as_one_text_are_refused_with_the_shape_to_write(bank):
    text = "version: 3\ntargets:\n  jobs:\n    - role: X\n      requirements: SQL\n"
    [problem] = problems_of(text, bank)
    assert (problem.line, problem.column) == (5, 21)
    assert "- need: ..." in problem.hint


def test_the_new_version_3_answers_are_read(bank):
    text = (
        "version: 3\nabout:\n  location: Leeds or remote\n"
        "options:\n  people:\n    - name: Sam\n"
        "      message: |\n        Hi Sam,\n        thanks.\n      due: 30 listopada\n"
        "story:\n  intro: I teach.\n  stories:\n    - title: The quiz\n      result: 78% got it right\n"
        "      shows:\n        - Using data\n"
        "targets:\n  jobs:\n    - role: X\n      tell_me: I teach.\n      letter: Dear Sam\n      due: 2026-11-30\n"
    )
    sheet = load_text(text, bank)
    assert sheet["location"] == "Leeds or remote" and sheet["intro"] == "I teach."
    [person] = sheet["people"]
    assert (person["message"], person["due"]) == ("Hi Sam,\nthanks.", "30 listopada")
    [story] = sheet["stories"]
    assert (story["title"], story["result"], story["shows"], story["action"]) == (
        "The quiz",
        "78% got it right",
        ["Using data"],
        "",
    )
    [job] = sheet["jobs"]
    assert (job["tell_me"], job["letter"], job["due"]) == ("I teach.", "Dear Sam", "2026-11-30")


def test_a_version_2_file_reads_as_version_3_with_one_line_naming_migrate(bank, tmp_path, capsys):
    from careerstory.answers import read

    path = tmp_path / "old.yaml"
    path.write_text(JOBS.replace("language: de-AT", "#"))  # the note in English; a German file's is German
    sheet, _ = read(path, bank)
    err = capsys.readouterr().err
    assert sheet.migrated_from == 2 and err.count("\n") == 1
    assert "version 2 file, read as version 3" in err and "careerstory migrate" in err
    assert sheet["jobs"][0]["requirements"][0] == {"need": "SQL", "evidence": "", "plan": ""}
    assert sheet["location"] == "" and sheet["jobs"][0]["letter"] == ""


def test_a_question_an_older_version_moved_names_the_version_that_moved_it(bank):
    problem = only_problem("version: 3\nstory:\n  why_fit: I count.\n", bank)
    assert "unknown question 'why_fit'" in problem.message
    assert problem.hint.startswith("Since version 2 it lives in each target")
    assert "a job's `why_fit`" in problem.hint
