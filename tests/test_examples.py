"""The example answers files: what a newcomer judges careerstory by, so they must stay right."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import pytest
import yaml

from careerstory.answers import AnswerSheet, load, new_file_text
from careerstory.questions import default_bank

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
BRIEFS = EXAMPLES / "briefs"
WORKFLOW = EXAMPLES / "ci" / "brief.yml"
# The committed briefs are dated 10 March 2026, the day the personas' stories have reached
# (some next steps overdue, some to come), so that they do not go stale with the calendar.
BRIEF_EPOCH = "1773100800"
REGENERATE = "Regenerate the examples and their briefs with: .venv/bin/python tests/test_examples.py"
HALF_FINISHED = "half-finished"
NON_ENGLISH = "translator"
# Personas written in their own language: careerstory asks them, and writes their briefs, in it.
IN_THEIR_LANGUAGE = {"translator": "pl", "store-manager": "de"}
DEMO = "teacher"  # the persona `make demo` renders

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
COMPLETE_FILES = [path for path in EXAMPLE_FILES if path.stem != HALF_FINISHED]


def sheet_of(stem: str) -> AnswerSheet:
    return load(EXAMPLES / f"{stem}.yaml", default_bank())


def test_examples_hold_four_complete_personas_a_non_english_one_and_a_half_finished_one() -> None:
    stems = {path.stem for path in EXAMPLE_FILES}
    assert {DEMO, NON_ENGLISH, HALF_FINISHED} <= stems
    assert len(COMPLETE_FILES) >= 5


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda path: path.stem)
def test_example_loads_with_the_strict_reader(path: Path) -> None:
    sheet = load(path, default_bank())
    assert not sheet.is_empty()


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda path: path.stem)
def test_example_is_laid_out_exactly_as_careerstory_writes_it(path: Path) -> None:
    bank = default_bank()
    sheet = load(path, bank)
    expected = new_file_text(bank, sheet.values, path.name, sheet.language)
    assert path.read_text(encoding="utf-8") == expected, (
        f"{path.name} is no longer in careerstory's own layout (did the bank's prompts change?). " + REGENERATE
    )


@pytest.mark.parametrize("path", COMPLETE_FILES, ids=lambda path: path.stem)
def test_complete_example_answers_every_required_question(path: Path) -> None:
    sheet = load(path, default_bank())
    assert [q.id for q in sheet.open_questions(required_only=True)] == []


def test_demo_persona_answers_every_question_optional_ones_too() -> None:
    assert [q.id for q in sheet_of(DEMO).open_questions()] == []


def test_half_finished_example_has_some_answers_and_some_required_questions_open() -> None:
    sheet = sheet_of(HALF_FINISHED)
    bank = default_bank()
    assert [q.id for q in sheet.open_questions(bank.block("about"), required_only=True)] == []
    strengths = bank.block("strengths")
    assert 0 < len(sheet.open_questions(strengths)) < len(strengths.questions)
    assert sheet.open_questions(required_only=True)
    assert [q.id for q in bank.block("story").questions if sheet.answered(q)] == []


def _text_of(sheet: AnswerSheet) -> str:
    parts: list[str] = []
    for question in sheet.bank.questions:
        value = sheet[question.id]
        if isinstance(value, str):
            parts.append(value)
        else:
            for item in value:
                fields = [item] if isinstance(item, str) else item.values()
                for field in fields:
                    for text in [field] if isinstance(field, str) else field:
                        # A requirement is a record of its own: need, evidence, plan.
                        parts.extend([text] if isinstance(text, str) else text.values())
    return "\n".join(parts)


def test_non_english_persona_holds_non_ascii_text_in_several_scripts() -> None:
    sheet = sheet_of(NON_ENGLISH)
    assert not sheet.text("name").isascii()
    scripts = {unicodedata.name(char).split()[0] for char in _text_of(sheet) if not char.isascii() and char.isalpha()}
    assert {"LATIN", "CJK", "ARABIC", "CYRILLIC"} <= scripts
    people = " ".join(entry["name"] for entry in sheet.entries("people"))
    assert not people.isascii()


@pytest.mark.parametrize(("stem", "language"), IN_THEIR_LANGUAGE.items())
def test_personas_in_their_own_language_say_so(stem: str, language: str) -> None:
    assert sheet_of(stem).language == language
    assert (BRIEFS / f"{stem}.md").exists()


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda path: path.stem)
def test_people_have_a_lesson_learned_only_once_talked_to(path: Path) -> None:
    for entry in load(path, default_bank()).entries("people"):
        assert bool(entry["learned"].strip()) == (entry["status"] == "talked"), entry["name"]


def test_people_in_the_examples_are_in_every_state() -> None:
    statuses = {entry["status"] for path in COMPLETE_FILES for entry in load(path, default_bank()).entries("people")}
    assert statuses == {"to contact", "contacted", "talked"}


@pytest.mark.parametrize("path", COMPLETE_FILES, ids=lambda path: path.stem)
def test_each_complete_persona_has_a_pitch_short_enough_to_say_in_thirty_seconds(path: Path) -> None:
    pitch = load(path, default_bank()).text("pitch")
    assert 50 <= len(pitch.split()) <= 80
    assert any(char.isdigit() for char in pitch) and "?" in pitch  # a number to prove it, and an ask


def test_two_personas_go_for_several_jobs_and_one_keeps_what_a_rejection_taught() -> None:
    jobs = {path.stem: load(path, default_bank()).entries("jobs") for path in COMPLETE_FILES}
    assert len([stem for stem, records in jobs.items() if len(records) >= 2]) >= 2
    rejected = [job for records in jobs.values() for job in records if job["status"] == "rejected"]
    assert rejected and all(str(job["learned"]).strip() for job in rejected)
    for records in jobs.values():
        for job in records:
            assert job["role"] and job["requirements"] and job["why_fit"] and job["status"], job["role"]


def test_the_version_1_fixture_is_still_version_1() -> None:
    text = (REPO / "tests" / "fixtures" / "teacher-v1.yaml").read_text(encoding="utf-8")
    assert "\nversion: 1\n" in text and "target_role:" in text and "why_fit:" in text


def test_answers_that_look_like_yaml_booleans_stay_text() -> None:
    assert "No" in sheet_of("accountant").items("companies")
    assert "On" in sheet_of("logistics-officer").items("companies")


def careerstory_command() -> list[str]:
    """The installed ``careerstory`` command of the running interpreter."""
    script = Path(sys.executable).with_name("careerstory")
    found = str(script) if script.exists() else shutil.which("careerstory")
    assert found, "the careerstory command is not installed: run `make test`"
    return [found]


def run_careerstory(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run careerstory as a person would, with the brief's date fixed and its cache kept aside."""
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "SOURCE_DATE_EPOCH": BRIEF_EPOCH, "XDG_CACHE_HOME": cache}
        return subprocess.run(
            [*careerstory_command(), *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
        )


def render_briefs(out: Path) -> None:
    """Render every document of every example in Markdown into ``out``, general and tailored to each target."""
    files = [str(path.relative_to(REPO)) for path in EXAMPLE_FILES]
    for tailoring in ([], ["--target", "all"]):
        result = run_careerstory(
            "render", *files, "--md", "--doc", "all", *tailoring, "--force", "--out", f"{out}{os.sep}", cwd=REPO
        )
        assert result.returncode == 0, result.stderr


def test_every_example_has_a_committed_brief_pitch_and_conversation_kit() -> None:
    briefs = {path.stem for path in BRIEFS.glob("*.md")}
    for stem in (path.stem for path in EXAMPLE_FILES):
        assert {stem, f"{stem}-pitch", f"{stem}-conversations"} <= briefs, REGENERATE


def test_committed_briefs_match_a_fresh_render_of_the_templates(tmp_path: Path) -> None:
    render_briefs(tmp_path)
    fresh = {path.name: path.read_text(encoding="utf-8") for path in tmp_path.glob("*.md")}
    committed = {path.name: path.read_text(encoding="utf-8") for path in BRIEFS.glob("*.md")}
    assert sorted(committed) == sorted(fresh), REGENERATE
    stale = [name for name in sorted(fresh) if committed[name] != fresh[name]]
    assert stale == [], f"examples/briefs/ is stale against the templates: {', '.join(stale)}. {REGENERATE}"


def test_ci_workflow_checks_and_renders_with_careerstory_commands_that_work(tmp_path: Path) -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    runs = [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]
    commands = [shlex.split(run) for run in runs if run.startswith("careerstory ")]
    assert [command[1] for command in commands] == ["check", "review", "render"]
    shutil.copy(EXAMPLES / f"{DEMO}.yaml", tmp_path / "careerstory.yaml")
    for command in commands:
        result = run_careerstory(*command[1:], cwd=tmp_path)
        assert result.returncode == 0, f"{shlex.join(command)}: {result.stderr}"
    uploaded = next(
        step["with"]["path"] for step in workflow["jobs"]["brief"]["steps"] if "with" in step and "path" in step["with"]
    )
    assert sorted(path.name for path in (tmp_path / uploaded).iterdir()) == ["careerstory.md", "careerstory.pdf"]


def rewrite_examples() -> None:
    """Lay every example out afresh from its own answers, as careerstory writes a new file."""
    bank = default_bank()
    for path in EXAMPLE_FILES:
        sheet = load(path, bank)
        path.write_text(new_file_text(bank, sheet.values, path.name, sheet.language), encoding="utf-8")
        print(f"rewrote {path.relative_to(REPO)}")


def rewrite_briefs() -> None:
    """Render examples/briefs/ afresh, dropping briefs whose example is gone."""
    BRIEFS.mkdir(exist_ok=True)
    for old in BRIEFS.glob("*.md"):
        old.unlink()
    render_briefs(BRIEFS)
    print(f"rendered {len(EXAMPLE_FILES)} briefs into {BRIEFS.relative_to(REPO)}")


if __name__ == "__main__":
    rewrite_examples()
    rewrite_briefs()
