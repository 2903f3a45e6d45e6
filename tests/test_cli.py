import json
import os
import subprocess
import sys
from pathlib import Path

import in_process
import pytest

from careerstory.answers import new_file_text
from careerstory.answers.schema import schema_text

REPO = Path(__file__).parents[1]


def run(*args: str, cwd: Path | None = None, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return in_process.run(*args, cwd=cwd, stdin=stdin)


def test_version_and_help_work(tmp_path):
    version = run("--version")
    assert (version.returncode, version.stdout.startswith("careerstory ")) == (0, True)
    result = run("--help")
    assert result.returncode == 0
    for command in ("ask", "render", "check", "schema"):
        assert command in result.stdout


def test_check_reports_each_block_and_open_required_questions(bank, tmp_path):
    (tmp_path / "careerstory.yaml").write_text(new_file_text(bank, {"name": "Ada", "pitch": "x"}))
    result = run("check", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "About you" in result.stdout and "1 of 5 answered" in result.stdout
    assert "open (required): current_role" in result.stdout
    assert "open (optional): dont_want" in result.stdout
    assert run("check", "--strict", cwd=tmp_path).returncode == 1


def test_check_strict_passes_when_every_required_answer_is_given(bank, tmp_path):
    values = {q.id: ("x" if q.kind in ("text", "long") else ["x"]) for q in bank.questions if q.kind != "group"}
    values["transferable_skills"] = [{"skill": "s", "evidence": "e"}]
    (tmp_path / "a.yaml").write_text(new_file_text(bank, values))
    result = run("check", "a.yaml", "--strict", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Every required question is answered" in result.stdout


def complete_values(bank) -> dict:
    values = {q.id: ("x" if q.kind in ("text", "long") else ["x"]) for q in bank.questions if q.kind != "group"}
    values["transferable_skills"] = [{"skill": "s", "evidence": "e"}]
    return values


def test_check_reports_each_of_several_files_under_its_name(bank, tmp_path):
    (tmp_path / "a.yaml").write_text(new_file_text(bank, complete_values(bank)))
    (tmp_path / "b.yaml").write_text(new_file_text(bank, {"name": "Bo"}))
    result = run("check", "a.yaml", "b.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    a_part, b_part = result.stdout.split("==> b.yaml <==")
    assert a_part.startswith("==> a.yaml <==\na.yaml: valid")
    assert "Every required question is answered" in a_part
    assert "b.yaml: valid" in b_part and "open (required): current_role" in b_part
    strict = run("check", "a.yaml", "b.yaml", "--strict", cwd=tmp_path)
    assert strict.returncode == 1
    assert run("check", "a.yaml", "a.yaml", "--strict", cwd=tmp_path).returncode == 0


def test_check_of_several_files_shows_every_problem_of_every_file_and_exits_1(bank, tmp_path):
    (tmp_path / "good.yaml").write_text(new_file_text(bank, complete_values(bank)))
    (tmp_path / "bad.yaml").write_text("about:\n  nmae: x\n")
    (tmp_path / "worse.yaml").write_text("story:\n  why_chnage: y\n  what_is_special: [a]\n")
    result = run("check", "bad.yaml", "good.yaml", "worse.yaml", "missing.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert "==> good.yaml <==\ngood.yaml: valid" in result.stdout
    assert "==> bad.yaml <==\nbad.yaml: invalid, 1 problem:" in result.stdout
    assert "bad.yaml:2:3: error: unknown question 'nmae'" in result.stderr
    assert "worse.yaml:2:3: error: unknown question 'why_chnage'" in result.stderr
    assert "worse.yaml:3:20: error: what_is_special: expected text, found a list" in result.stderr
    assert "missing.yaml: error: no such answers file" in result.stderr
    assert "4 problems found" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_of_several_files_prints_each_files_problems_under_its_own_header(bank, tmp_path):
    (tmp_path / "bad.yaml").write_text("about:\n  nmae: x\n")
    (tmp_path / "good.yaml").write_text(new_file_text(bank, complete_values(bank)))
    (tmp_path / "worse.yaml").write_text("story:\n  why_chnage: y\n")
    # One stream, as a terminal shows both: each problem right under its file's header.
    result = subprocess.run(
        [sys.executable, "-m", "careerstory", "check", "bad.yaml", "good.yaml", "worse.yaml"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 1
    text = result.stdout
    assert text.index("==> bad.yaml <==") < text.index("bad.yaml:2:3: error") < text.index("==> good.yaml <==")
    assert text.index("==> worse.yaml <==") < text.index("worse.yaml:2:3: error")
    assert "worse.yaml: invalid, 1 problem:" in text
    assert text.rstrip().endswith("2 problems found; fix them and run the command again.")
    assert "(s)" not in text


def test_check_lists_a_target_without_a_role_and_strict_refuses_it(bank, tmp_path):
    values = complete_values(bank)
    values["jobs"] = [{"organisation": "Acme", "status": "applied"}]
    (tmp_path / "a.yaml").write_text(new_file_text(bank, values))
    result = run("check", "a.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "open record: jobs[1] has no role yet" in result.stdout
    assert run("check", "a.yaml", "--strict", cwd=tmp_path).returncode == 1


def test_a_bad_file_gives_every_problem_with_its_place_and_no_traceback(tmp_path):
    (tmp_path / "a.yaml").write_text("about:\n  nmae: x\nstory:\n  why_chnage: y\n")
    result = run("check", "a.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert "a.yaml:2:3: error: unknown question 'nmae'" in result.stderr
    assert "a.yaml:4:3: error: unknown question 'why_chnage'" in result.stderr
    assert "Did you mean 'why_change'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_file_is_exit_1_with_what_to_do(tmp_path):
    result = run("check", "nope.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert "careerstory ask nope.yaml" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["ask", "--block", "nope"],
        ["ask", "--question", "why"],
        ["render", "--bogus"],
        ["render", "--out", "-", "--pdf"],
        ["render", "--page-size", "a5"],
    ],
)
def test_a_wrong_command_line_is_exit_2(tmp_path, args):
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_id_names_the_known_ones(tmp_path):
    result = run("ask", "--question", "why_chnage", cwd=tmp_path)
    assert result.returncode == 2
    assert "why_change" in result.stderr


def test_markdown_on_standard_output_is_utf8_whatever_the_locale(bank, tmp_path):
    (tmp_path / "a.yaml").write_text(new_file_text(bank, {"name": "Zoë → Ōsaka", "pitch": "x"}), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "careerstory", "render", "a.yaml", "--out", "-"],
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONIOENCODING": "latin-1"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "# Zoë → Ōsaka" in result.stdout.decode("utf-8")


def test_schema_prints_valid_json_generated_from_the_bank(bank):
    result = run("schema")
    schema = json.loads(result.stdout)
    assert set(schema["properties"]) == {"version", "language", *(b.id for b in bank.blocks)}
    people = schema["properties"]["options"]["properties"]["people"]["items"]
    assert people["properties"]["status"]["enum"][:3] == ["to contact", "contacted", "talked"]
    job = schema["properties"]["targets"]["properties"]["jobs"]["items"]
    assert job["properties"]["requirements"]["type"] == ["array", "null"]
    assert job["properties"]["status"]["enum"][-3:] == ["withdrawn", "", None]
    assert "required" not in job  # a field left out reads as empty
    number, text = schema["properties"]["version"]["anyOf"]  # 3, 3.0 or "3", as check reads them
    assert number["const"] == 3 and text["pattern"] == "^0*3$"
    # A requirement is a record (need, evidence, plan) or a plain item read as its need.
    plain, record = job["properties"]["requirements"]["items"]["anyOf"]
    assert plain["$ref"] == "#/$defs/text" and "string" in schema["$defs"]["text"]["type"]
    assert record["additionalProperties"] is False
    assert list(record["properties"]) == ["need", "evidence", "plan"]
    assert {"message", "due"} <= set(people["properties"])
    assert {"tell_me", "letter", "due"} <= set(job["properties"])
    story = schema["properties"]["story"]["properties"]
    assert list(story["stories"]["items"]["properties"]) == ["title", "situation", "task", "action", "result", "shows"]
    assert "location" in schema["properties"]["about"]["properties"]


def test_check_reads_version_3_records_and_names_a_bad_requirement_by_line_and_column(tmp_path):
    good = (
        "version: 3\nabout:\n  name: Ada\ntargets:\n  jobs:\n    - role: Analyst\n      requirements:\n"
        "        - SQL\n        - need: R\n          evidence: I wrote the team's R package.\n"
    )
    (tmp_path / "good.yaml").write_text(good)
    result = run("check", "good.yaml", cwd=tmp_path)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    (tmp_path / "bad.yaml").write_text(good.replace("evidence:", "evidense:"))
    result = run("check", "bad.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert "bad.yaml:10:11" in result.stderr and "unknown field 'evidense'" in result.stderr
    assert "Did you mean 'evidence'? Fields: need, evidence, plan." in result.stderr


def test_the_committed_schema_is_not_stale(bank):
    committed = REPO / "examples" / "careerstory.schema.json"
    assert committed.read_text("utf-8") == schema_text(bank), "run `make schema` to refresh it"


def test_markdown_render_imports_neither_pdf_prompts_progress_bar_nor_watcher(bank, tmp_path):
    (tmp_path / "a.yaml").write_text(new_file_text(bank, {"name": "Ada", "pitch": "x"}), encoding="utf-8")
    code = (
        "import sys; from careerstory import cli; sys.argv = ['careerstory', 'render', 'a.yaml']\n"
        "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
        "print([m for m in ('weasyprint', 'questionary', 'prompt_toolkit', 'rich', 'watchfiles') if m in sys.modules])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True)
    assert (tmp_path / "a.md").exists()
    assert result.stdout.strip() == "[]"


def test_start_up_does_not_import_heavy_libraries():
    code = (
        "import sys; from careerstory import cli;"
        "heavy = ('weasyprint', 'questionary', 'prompt_toolkit', 'jinja2', 'rich', 'watchfiles', 'yaml');"
        "print([m for m in heavy if m in sys.modules])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


V1_FIXTURE = REPO / "tests" / "fixtures" / "teacher-v1.yaml"


def test_check_reads_a_version_1_file_and_names_migrate_in_one_line(tmp_path):
    result = run("check", str(V1_FIXTURE))
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("\n") == 1 and "careerstory migrate" in result.stderr
    assert run("check", str(V1_FIXTURE), "--strict").returncode == 1  # pitch is new and required


def test_a_version_1_file_and_its_migration_render_the_same_brief(bank, tmp_path, monkeypatch):
    from careerstory.answers import load

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    migrated = tmp_path / "teacher.yaml"
    migrated.write_text(new_file_text(bank, load(V1_FIXTURE, bank).values), encoding="utf-8")
    old, new = run("render", str(V1_FIXTURE), "--out", "-"), run("render", str(migrated), "--out", "-")
    assert (old.returncode, new.returncode) == (0, 0), old.stderr + new.stderr
    assert old.stdout == new.stdout and "Learning experience designer" in old.stdout


def test_a_file_newer_than_careerstory_is_refused_with_what_to_do(tmp_path):
    (tmp_path / "a.yaml").write_text("version: 99\nabout:\n  name: Ada\n")
    result = run("check", "a.yaml", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "a.yaml:1:10: error: this file is version 99" in result.stderr and "Upgrade careerstory" in result.stderr


def test_ask_in_a_folder_that_does_not_exist_says_so_before_any_question(tmp_path):
    result = run("ask", "nodir/x.yaml", cwd=tmp_path, stdin="Ada\n")
    assert result.returncode == 1
    assert "nodir/x.yaml: error: the folder nodir does not exist" in result.stderr
    assert "mkdir -p nodir" in result.stderr
    assert "Traceback" not in result.stderr and "name" not in result.stdout.lower()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_ask_in_a_folder_that_cannot_be_written_says_so_before_any_question(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = run("ask", "locked/x.yaml", cwd=tmp_path, stdin="Ada\n")
    finally:
        locked.chmod(0o700)
    assert result.returncode == 1
    assert "the folder locked cannot be written to" in result.stderr


def test_a_wrong_page_size_reads_as_clicks_own_choice_error():
    result = run("render", "--page-size", "legal")
    assert result.returncode == 2
    assert "Invalid value for '--page-size': 'legal' is not one of 'a4', 'letter'." in result.stderr


def test_help_shows_files_as_FILE_and_every_command_whole_at_80_columns():
    # cli._FileArgument leans on Typer's internals (display_type_rich, _rich_display_name):
    # checked on Typer 0.26 to 0.29; this test is what says when a release breaks it.
    env = {**os.environ, "COLUMNS": "80"}
    listing = subprocess.run(
        [sys.executable, "-m", "careerstory", "--help"], capture_output=True, text=True, env=env, timeout=60
    ).stdout
    commands = listing.split("Commands:")[1].strip().splitlines()
    assert len(commands) == 8 and not [line for line in commands if line.endswith("...")]
    for command in ("check", "render", "review", "steps", "board"):
        text = run(command, "--help").stdout
        assert "  FILE...  " in text and "list[Path]" not in text
    assert "--page-size [a4|letter]" in run("render", "--help").stdout


@pytest.mark.parametrize(
    "args",
    [
        ("--version",),
        ("check", "bad.yaml", "good.yaml"),
        ("render", "good.yaml", "--out", "-"),
        ("render", "--page-size", "legal"),
        ("ask", "--question", "why_chnage"),
        ("steps", "good.yaml", "missing.yaml"),
    ],
    ids=" ".join,
)
def test_the_in_process_runner_gives_what_a_process_gives(bank, tmp_path, args):
    # Most command-line tests run careerstory in the test's process (tests/in_process.py):
    # the same exit code, standard output and standard error as `python -m careerstory`.
    (tmp_path / "good.yaml").write_text(new_file_text(bank, {"name": "Zoë", "pitch": "I teach."}), encoding="utf-8")
    (tmp_path / "bad.yaml").write_text("about:\n  name: [never closed\n", encoding="utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    process = subprocess.run(
        [sys.executable, "-m", "careerstory", *args], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60
    )
    here = in_process.run(*args, cwd=tmp_path, env=env)
    assert (here.returncode, here.stdout, here.stderr) == (process.returncode, process.stdout, process.stderr)
    assert os.getcwd() != str(tmp_path) and os.environ.get("SOURCE_DATE_EPOCH") != "1767225600"
