"""Version steps: a version-1 file is read as its version-2 self, every answer in its place."""

from pathlib import Path

import pytest
import yaml

from careerstory.answers import load_text, read
from careerstory.answers.migrations import CURRENT_VERSION, STEPS, Move, apply, guess_version, step_to
from careerstory.errors import UserError

FIXTURES = Path(__file__).parent / "fixtures"
TEACHER_V1 = FIXTURES / "teacher-v1.yaml"

V1 = """\
version: 1
about:
  name: Ada
  # aiming high
  target_role: Data analyst
story:
  why_change: Numbers.
  why_fit: |
    I count things.
"""


def _tree(text: str) -> yaml.MappingNode:
    node = yaml.compose(text, Loader=yaml.BaseLoader)
    assert isinstance(node, yaml.MappingNode)
    return node


def test_each_version_after_the_first_has_exactly_one_step():
    assert [step.version for step in STEPS] == list(range(2, CURRENT_VERSION + 1))
    assert all(step.summary for step in STEPS)


def test_step_2_moves_the_target_role_and_why_fit_into_the_first_target():
    assert step_to(2).moves == (
        Move(("about", "target_role"), ("targets", "jobs", 0, "role")),
        Move(("story", "why_fit"), ("targets", "jobs", 0, "why_fit")),
    )


def test_step_2_on_the_node_tree_moves_the_nodes_with_their_marks():
    root = _tree(V1)
    assert apply(step_to(2), root) == []
    lifted = yaml.load(yaml.serialize(root), Loader=yaml.BaseLoader)
    assert lifted["about"] == {"name": "Ada"}
    assert lifted["story"] == {"why_change": "Numbers."}
    assert lifted["targets"] == {"jobs": [{"role": "Data analyst", "why_fit": "I count things.\n"}]}
    role = root.value[-1][1].value[0][1].value[0].value[0][1]
    assert (role.value, role.start_mark.line, role.start_mark.column) == ("Data analyst", 4, 15)


def test_step_2_makes_no_target_out_of_empty_answers():
    root = _tree("version: 1\nabout:\n  name: Ada\n  target_role:\nstory:\n  why_fit:\n")
    apply(step_to(2), root)
    assert yaml.load(yaml.serialize(root), Loader=yaml.BaseLoader) == {
        "version": "1",
        "about": {"name": "Ada"},
        "story": {},
    }


def test_step_2_refuses_to_move_onto_an_answer_already_there():
    text = V1 + "targets:\n  jobs:\n    - role: Designer\n"
    [problem] = apply(step_to(2), _tree(text))
    assert (problem.line, problem.column) == (5, 3)
    assert "targets.jobs[1].role" in problem.message


def test_a_version_1_file_reads_as_its_version_2_self(bank):
    sheet = load_text(V1, bank)
    assert sheet.migrated_from == 1
    [job] = sheet["jobs"]
    assert (job["role"], job["why_fit"], job["status"], job["requirements"]) == (
        "Data analyst",
        "I count things.",
        "",
        [],
    )
    assert (sheet["name"], sheet["why_change"]) == ("Ada", "Numbers.")


def test_the_version_1_fixture_keeps_every_other_answer(bank):
    sheet = load_text(TEACHER_V1.read_text("utf-8"), bank)
    raw = yaml.load(TEACHER_V1.read_text("utf-8"), Loader=yaml.BaseLoader)
    [job] = sheet["jobs"]
    assert job["role"] == raw["about"]["target_role"]
    assert job["why_fit"] == raw["story"]["why_fit"].rstrip("\n")
    assert sheet["what_i_want"] == raw["story"]["what_i_want"].rstrip("\n")
    assert sheet["people"][0]["name"] == raw["options"]["people"][0]["name"]


def test_a_moved_answer_that_is_wrong_is_reported_at_its_own_line(bank):
    with pytest.raises(UserError) as caught:
        load_text("version: 1\nstory:\n  why_fit:\n    - a list\n", bank)
    [problem] = caught.value.problems
    assert problem.line == 4 and "why_fit" in problem.message


@pytest.mark.parametrize(
    ("text", "version"),
    [
        ("about:\n  target_role: x\n", 1),
        ("story:\n  why_fit: x\n", 1),
        ("about:\n  name: x\n", CURRENT_VERSION),
        ("targets:\n  jobs:\n", CURRENT_VERSION),
    ],
)
def test_a_file_without_version_is_version_1_only_when_it_holds_a_version_1_key(text, version):
    assert guess_version(_tree(text)) == version


def test_read_says_on_stderr_once_that_migrate_upgrades_the_file(bank, tmp_path, capsys):
    path = tmp_path / "old.yaml"
    path.write_text(V1)
    sheet, data = read(path, bank)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"careerstory migrate {path}" in err
    assert data == V1.encode() and sheet.migrated_from == 1


def test_a_current_file_is_read_without_a_word(bank, tmp_path, capsys):
    path = tmp_path / "new.yaml"
    path.write_text("version: 3\nabout:\n  name: Ada\n")
    sheet, _ = read(path, bank)
    assert capsys.readouterr().err == "" and sheet.migrated_from is None


def test_move_labels_count_records_from_one():
    assert Move.label(("about", "target_role")) == "about.target_role"
    assert Move.label(("targets", "jobs", 0, "role")) == "targets.jobs[1].role"
