"""``careerstory migrate``: an older file rewritten on disk, every byte outside the moved answers kept."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from careerstory.answers import load_text
from careerstory.answers.migrating import migrate_files, migrate_path, plan
from careerstory.errors import UserError
from careerstory.questions import Bank

FIXTURES = Path(__file__).parent / "fixtures"

# Hand-written: four-space indents, comments above and after answers, a quoted value,
# block scalars with deeper lines, no version line, a comment at the very end.
ODD_V1 = """\
#   my own header, spaced   oddly
about:
    name:    Ada   # trailing note
    # why this aim?  because data
    #    (second thought)
    target_role: "Data analyst"   # quoted on purpose

    current_role: Clerk
strengths:
    best_moments: |
        Counting   things.

          Indented line.
story:
    why_change: >-
        Folded
        text.
    # What makes you a good fit for this new job?
    why_fit: |
        I count.
          Deeper.
    # after why_fit, about skills
    core_strengths:
    -   Patience
# tail comment
"""

ODD_V2 = """\
version: 3
#   my own header, spaced   oddly
about:
    name:    Ada   # trailing note

    current_role: Clerk
strengths:
    best_moments: |
        Counting   things.

          Indented line.
story:
    why_change: >-
        Folded
        text.
    # after why_fit, about skills
    core_strengths:
    -   Patience

targets:
    jobs:
        # why this aim?  because data
        #    (second thought)
        - role: "Data analyst"   # quoted on purpose
          # What makes you a good fit for this new job?
          why_fit: |
              I count.
                Deeper.
# tail comment
"""


def _migrated(text: str, bank: Bank, tmp_path: Path, name: str = "mine.yaml") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode())
    return plan(path, path.read_bytes(), bank).new.decode()


def test_a_hand_written_file_survives_byte_for_byte_outside_the_moved_answers(bank, tmp_path):
    assert _migrated(ODD_V1, bank, tmp_path) == ODD_V2


def test_the_result_reads_as_the_in_memory_lift(bank, tmp_path):
    lifted = load_text(ODD_V1, bank)
    migrated = load_text(ODD_V2, bank)
    assert migrated.migrated_from is None
    assert migrated.values == lifted.values


def test_the_version_1_fixture_migrates_and_keeps_every_other_line(bank, tmp_path):
    old = (FIXTURES / "teacher-v1.yaml").read_text("utf-8")
    new = _migrated(old, bank, tmp_path)
    assert "version: 3\n" in new and "version: 1\n" not in new
    # Its blocks carry their titles as comments, as careerstory writes them: the new block does too.
    assert "\n\n# Which jobs am I going for?\ntargets:\n  jobs:\n" in new
    moved = {"  # What job are you aiming for, if you know yet?", "  target_role: Learning experience designer"}
    kept = [line for line in old.splitlines() if line not in moved and line != "version: 1"]
    start = old.index("  # What makes you a good fit")
    why_fit = old[start : old.index("  # Which skills")].splitlines()
    kept = [line for line in kept if line not in why_fit]
    assert new.startswith("\n".join(kept[:6]))
    assert [line for line in new.splitlines() if line in kept] == kept
    assert new.endswith(
        "\ntargets:\n  jobs:\n    # What job are you aiming for, if you know yet?\n"
        "    - role: Learning experience designer\n      # What makes you a good fit for this new job?\n"
        "      why_fit: |\n        I have done the heart"
        + old.split("I have done the heart", 1)[1].split("  # Which skills")[0].replace("\n    ", "\n        ")
    )


def test_an_empty_answer_goes_with_careerstorys_question_but_a_persons_note_stays(bank, tmp_path):
    text = (
        "version: 1\nabout:\n  name: Ada\n  # my note\n"
        "  # What job are you aiming for, if you know yet?\n  target_role:\n"
    )
    assert _migrated(text, bank, tmp_path) == "version: 3\nabout:\n  name: Ada\n  # my note\n"


def test_a_note_after_an_empty_answer_stays_on_a_line_of_its_own(bank, tmp_path):
    text = "version: 1\nabout:\n  target_role:    # none yet\n  name: Z\n"
    assert _migrated(text, bank, tmp_path) == "version: 3\nabout:\n  # none yet\n  name: Z\n"


@pytest.mark.parametrize("end", ["", "\n"])
def test_a_note_on_the_last_line_stays_in_its_block_when_a_new_block_follows(bank, tmp_path, end):
    # The moves cut the file's last answer and add `targets:` after the last block: the
    # person's note stays with `about`, and one blank line parts the blocks.
    text = "version: 1\nstory:\n  why_fit: x\nabout:\n  name: A\n  target_role:  # later" + end
    assert _migrated(text, bank, tmp_path) == (
        "version: 3\nstory:\nabout:\n  name: A\n  # later\n\ntargets:\n  jobs:\n    - why_fit: x\n"
    )


def test_each_step_reads_the_tree_of_its_text_once(bank, tmp_path, monkeypatch):
    from careerstory.answers import migrating

    composed = []
    real = migrating.compose_nodes
    monkeypatch.setattr(migrating, "compose_nodes", lambda text: composed.append(text) or real(text))
    moved = plan(tmp_path / "a.yaml", (FIXTURES / "teacher-v1.yaml").read_bytes(), bank)
    assert [step.version for step in moved.steps] == [2, 3]
    assert len(composed) == 2, "one tree for version 2's moves and one for version 3's records, nothing more"


def test_a_flow_style_block_without_a_moved_answer_is_no_obstacle(bank, tmp_path):
    text = "version: 1\nabout:\n  target_role: X\nstory: {why_change: x}\n"
    expected = "version: 3\nabout:\nstory: {why_change: x}\n\ntargets:\n  jobs:\n    - role: X\n"
    assert _migrated(text, bank, tmp_path) == expected


def test_crlf_and_a_byte_order_mark_are_kept(bank, tmp_path):
    text = "version: 1\r\nabout:\r\n  name: Ada\r\n  target_role: Analyst\r\n"
    path = tmp_path / "crlf.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    new = plan(path, path.read_bytes(), bank).new
    expected = "version: 3\r\nabout:\r\n  name: Ada\r\n\r\ntargets:\r\n  jobs:\r\n    - role: Analyst\r\n"
    assert new == b"\xef\xbb\xbf" + expected.encode()


def test_an_empty_targets_block_is_filled_in_place(bank, tmp_path):
    text = "version: 1\nabout:\n  target_role: Analyst\ntargets:\n  jobs:\n# end\n"
    assert _migrated(text, bank, tmp_path) == "version: 3\nabout:\ntargets:\n  jobs:\n    - role: Analyst\n# end\n"


def test_a_layout_the_writer_cannot_keep_is_refused_and_nothing_is_written(bank, tmp_path):
    path = tmp_path / "flow.yaml"
    path.write_text("version: 1\nabout:\n  target_role: Analyst\nstory: {why_change: x, why_fit: y}\n")
    before = path.read_bytes()
    with pytest.raises(UserError) as caught:
        migrate_path(path, bank, dry_run=False)
    [problem] = caught.value.problems
    assert "block 'story' is written in flow style" in problem.message and problem.line == 4
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["flow.yaml"]


def test_the_old_bytes_are_kept_beside_and_never_overwritten(bank, tmp_path):
    path = tmp_path / "careerstory.yaml"
    (tmp_path / "careerstory.yaml.v1").write_text("an older copy\n")
    path.write_text(ODD_V1)
    _, copy = migrate_path(path, bank, dry_run=False)
    assert copy == tmp_path / "careerstory.yaml.v1-2"
    assert copy.read_text() == ODD_V1
    assert (tmp_path / "careerstory.yaml.v1").read_text() == "an older copy\n"
    assert path.read_text() == ODD_V2


def test_the_copy_keeps_a_private_files_mode(bank, tmp_path):
    path = tmp_path / "private.yaml"
    path.write_text(ODD_V1)
    path.chmod(0o600)
    _, copy = migrate_path(path, bank, dry_run=False)
    assert copy is not None and copy.stat().st_mode & 0o777 == 0o600
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_current_file_is_left_alone(bank, tmp_path):
    path = tmp_path / "new.yaml"
    path.write_text("version: 3\nabout:\n  name: Ada\n")
    outcomes, problems = migrate_files([path], bank, dry_run=False)
    assert problems == [] and "nothing to change" in outcomes[0].note
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.yaml"]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "careerstory", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=60, check=False)


def test_dry_run_prints_the_diff_and_writes_nothing(tmp_path):
    (tmp_path / "careerstory.yaml").write_text(ODD_V1)
    done = run("migrate", "--dry-run", cwd=tmp_path)
    assert done.returncode == 0
    assert "+version: 3\n" in done.stdout and '-    target_role: "Data analyst"   # quoted on purpose\n' in done.stdout
    assert "nothing was written" in done.stderr
    assert (tmp_path / "careerstory.yaml").read_text() == ODD_V1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["careerstory.yaml"]


def test_several_files_each_handled_and_every_problem_shown(tmp_path):
    (tmp_path / "a.yaml").write_text(ODD_V1)
    (tmp_path / "b.yaml").write_text("version: 99\n")
    (tmp_path / "c.yaml").write_text("version: 3\n")
    done = run("migrate", "a.yaml", "b.yaml", "c.yaml", "missing.yaml", cwd=tmp_path)
    assert done.returncode == 1
    assert "a.yaml: upgraded from version 1 to 3" in done.stderr and "kept as a.yaml.v1" in done.stderr
    assert "b.yaml:1:10: error: this file is version 99" in done.stderr and "Upgrade careerstory" in done.stderr
    assert "c.yaml: already version 3; nothing to change." in done.stderr
    assert "missing.yaml: error: no such answers file" in done.stderr
    assert "Traceback" not in done.stderr
    assert (tmp_path / "a.yaml").read_text() == ODD_V2


# -- version 2 to 3: each requirement becomes `- need: ...` ----------------------------

ODD_REQUIREMENTS_V2 = """\
# mine, spaced   oddly
version:   2   # the layout
targets:
   jobs:
   -   role: Analyst
       requirements:
       # from the advert, word for word
       -    SQL   # the core one
       -  "Stakeholder management: directors"
       - >-
         A folded
         requirement

       -
       organisation: Acme
   - {role: Other, requirements: [R, 'Python 3']}
# end
"""

ODD_REQUIREMENTS_V3 = """\
# mine, spaced   oddly
version:   3   # the layout
targets:
   jobs:
   -   role: Analyst
       requirements:
       # from the advert, word for word
       -    need: SQL   # the core one
       -  need: "Stakeholder management: directors"
       - need: >-
           A folded
           requirement

       -
       organisation: Acme
   - {role: Other, requirements: [{need: R}, {need: 'Python 3'}]}
# end
"""


def test_version_2_requirements_become_records_and_every_other_byte_stays(bank, tmp_path):
    assert _migrated(ODD_REQUIREMENTS_V2, bank, tmp_path) == ODD_REQUIREMENTS_V3
    assert load_text(ODD_REQUIREMENTS_V3, bank).values == load_text(ODD_REQUIREMENTS_V2, bank).values


def test_version_2_with_crlf_keeps_its_line_breaks(bank, tmp_path):
    old = ODD_REQUIREMENTS_V2.replace("\n", "\r\n")
    path = tmp_path / "crlf.yaml"
    path.write_bytes(old.encode())
    assert plan(path, path.read_bytes(), bank).new.decode() == ODD_REQUIREMENTS_V3.replace("\n", "\r\n")


def test_a_version_2_file_without_requirements_changes_its_version_line_only(bank, tmp_path):
    text = "version: 2\nabout:\n  name: Ada  # me\ntargets:\n  jobs:\n    - role: X\n      requirements:\n"
    assert _migrated(text, bank, tmp_path) == text.replace("version: 2", "version: 3")


def test_version_1_goes_through_2_to_3(bank, tmp_path):
    text = "about:\n  target_role: Analyst\ntargets:\n"
    assert _migrated(text, bank, tmp_path) == "version: 3\nabout:\ntargets:\n  jobs:\n    - role: Analyst\n"
    old = (FIXTURES / "teacher-v1.yaml").read_text("utf-8")
    assert load_text(_migrated(old, bank, tmp_path), bank).values == load_text(old, bank).values


def test_a_version_2_file_keeps_its_bytes_in_v2_never_overwritten(bank, tmp_path):
    path = tmp_path / "careerstory.yaml"
    path.write_bytes(ODD_REQUIREMENTS_V2.encode())
    (tmp_path / "careerstory.yaml.v2").write_text("an older copy\n")
    _, copy = migrate_path(path, bank, dry_run=False)
    assert copy == tmp_path / "careerstory.yaml.v2-2"
    assert copy.read_bytes() == ODD_REQUIREMENTS_V2.encode()
    assert (tmp_path / "careerstory.yaml.v2").read_text() == "an older copy\n"
    assert path.read_text() == ODD_REQUIREMENTS_V3
    again, copy = migrate_path(path, bank, dry_run=False)
    assert not again.needed and copy is None


def test_dry_run_on_version_2_prints_the_requirement_lines_and_writes_nothing(tmp_path):
    path = tmp_path / "two.yaml"
    path.write_text(ODD_REQUIREMENTS_V2)
    done = subprocess.run(
        [sys.executable, "-m", "careerstory", "migrate", str(path), "--dry-run"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "\n-       -    SQL   # the core one\n" in done.stdout
    assert "\n+       -    need: SQL   # the core one\n" in done.stdout
    assert "from version 2 to 3" in done.stderr
    assert path.read_text() == ODD_REQUIREMENTS_V2 and not (tmp_path / "two.yaml.v2").exists()
