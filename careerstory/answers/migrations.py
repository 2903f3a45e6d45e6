"""The version steps of the answers file: how a version-N reader lifts a version N-1 file.

A step is data: the answers it moves from where the older version kept them to where
the newer one keeps them. The reader applies a step to the parsed node tree, so every
answer keeps its line and column and a version-1 file is read as its version-2 self; the
on-disk `careerstory migrate` applies the same moves to the text, span by span, carrying
the comments above each answer with it. Adding a version is one more :class:`Step`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from careerstory import N_, _
from careerstory.errors import Problem

CURRENT_VERSION = 3

# Where an answer stands: block id, question id, then (inside a group) the record's
# index from 0 and the field id.
AnswerPath = tuple[str, str] | tuple[str, str, int, str]


@dataclass(frozen=True)
class Move:
    """One answer that a step carries from ``source`` to ``target``.

    An empty source is dropped without creating its target, so that a step never adds
    an empty record a person did not write.
    """

    source: AnswerPath
    target: AnswerPath
    # The comment careerstory wrote above the source in the older version: on disk, an
    # empty answer goes with it (a person's own comment above it stays where it is).
    prompt: str = field(default="", compare=False)

    @staticmethod
    def label(path: AnswerPath) -> str:
        """``about.target_role`` or ``targets.jobs[1].role`` (records counted from 1)."""
        if len(path) == 2:
            return ".".join(path)
        block, question, index, field = path
        return f"{block}.{question}[{index + 1}].{field}"


@dataclass(frozen=True)
class Step:
    """What changes from ``version - 1`` to ``version``."""

    version: int
    moves: tuple[Move, ...]
    summary: str
    # Record fields (block, group question, field) whose plain items become records of
    # their first field: on disk `- SQL` is written `- need: SQL`; the reader already
    # reads a plain item so, in every version.
    item_records: tuple[tuple[str, str, str, str], ...] = ()

    @property
    def removed_keys(self) -> tuple[tuple[str, str], ...]:
        """(block, question) pairs that only the older version has."""
        return tuple((m.source[0], m.source[1]) for m in self.moves)


STEPS: tuple[Step, ...] = (
    Step(
        version=2,
        moves=(
            Move(
                ("about", "target_role"),
                ("targets", "jobs", 0, "role"),
                prompt="What job are you aiming for, if you know yet?",
            ),
            Move(
                ("story", "why_fit"),
                ("targets", "jobs", 0, "why_fit"),
                prompt="What makes you a good fit for this new job?",
            ),
        ),
        # Marked here for the catalog; shown through _() where the language is known.
        summary=N_("your target role and why you fit it move into your first target, under `targets:` `jobs:`"),
    ),
    Step(
        version=3,
        moves=(),
        item_records=(("targets", "jobs", "requirements", "need"),),
        summary=N_(
            "each requirement of a job becomes `- need: ...`, so that its evidence or your plan "
            "can stand beside it; new questions (messages, stories, letters) are there to answer when you like"
        ),
    ),
)


def step_to(version: int) -> Step:
    """The step that lifts ``version - 1`` to ``version``."""
    for step in STEPS:
        if step.version == version:
            return step
    raise KeyError(version)


def steps_from(version: int) -> tuple[Step, ...]:
    """The steps that lift a file of ``version`` to the current one, in order."""
    return tuple(step_to(v) for v in range(version + 1, CURRENT_VERSION + 1))


def older_only_keys() -> dict[tuple[str, str], int]:
    """Each (block, question) that only an older version holds, with the last version that held it."""
    return {key: step.version - 1 for step in STEPS for key in step.removed_keys}


def guess_version(root: yaml.MappingNode) -> int:
    """The version of a file that does not say it.

    The older version when the file holds a key only that version had, otherwise the current one.
    """
    older = older_only_keys()
    found = [older[(block, question)] for block, question in _keys(root) if (block, question) in older]
    return min(found) if found else CURRENT_VERSION


def lift(root: yaml.MappingNode, version: int) -> list[Problem]:
    """Lift the node tree of a ``version`` file to the current version, in place.

    Returns the moves that could not be made (their target already holds an answer),
    as problems with the line and column of the answer that could not move.
    """
    problems: list[Problem] = []
    for step in steps_from(version):
        problems += apply(step, root)
    return problems


def apply(step: Step, root: yaml.MappingNode) -> list[Problem]:
    """Make one step's moves on the node tree; each moved node keeps its marks."""
    problems: list[Problem] = []
    for move in step.moves:
        taken = _take(root, move.source)
        if taken is None or _is_empty(taken[1]):
            continue
        key, value = taken
        if not _put(root, move.target, key, value):
            problems.append(
                Problem(
                    _("'{source}' of version {version} would move to '{target}', which already holds an answer").format(
                        source=Move.label(move.source), version=step.version - 1, target=Move.label(move.target)
                    ),
                    _("Keep one of the two answers and delete the other."),
                    None,
                    key.start_mark.line + 1,
                    key.start_mark.column + 1,
                )
            )
    return problems


def _is_empty(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.value == "" and not node.style


def _keys(root: yaml.MappingNode) -> list[tuple[str, str]]:
    found = []
    for block_key, block in root.value:
        if isinstance(block_key, yaml.ScalarNode) and isinstance(block, yaml.MappingNode):
            found += [(block_key.value, k.value) for k, _ in block.value if isinstance(k, yaml.ScalarNode)]
    return found


def _entry(mapping: yaml.Node, key: str) -> int | None:
    if isinstance(mapping, yaml.MappingNode):
        for index, (k, _) in enumerate(mapping.value):
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return index
    return None


def _take(root: yaml.MappingNode, path: AnswerPath) -> tuple[yaml.ScalarNode, yaml.Node] | None:
    """Remove the answer at a (block, question) path and return its key and value."""
    block_at = _entry(root, path[0])
    if block_at is None:
        return None
    block = root.value[block_at][1]
    at = _entry(block, path[1])
    if at is None:
        return None
    key, value = block.value.pop(at)
    return key, value


def _child(parent: yaml.Node, key: str, make: type[yaml.CollectionNode], near: yaml.Node) -> yaml.Node | None:
    """The value under ``key`` in ``parent``, made (empty, marked at ``near``) when absent or empty."""
    at = _entry(parent, key)
    if at is not None:
        current = parent.value[at][1]
        if not _is_empty(current):
            return current if isinstance(current, make) else None
        parent.value.pop(at)
    tag = "tag:yaml.org,2002:map" if make is yaml.MappingNode else "tag:yaml.org,2002:seq"
    made = make(tag, [], near.start_mark, near.end_mark)
    parent.value.append((yaml.ScalarNode("tag:yaml.org,2002:str", key, near.start_mark, near.end_mark), made))
    return made


def _put(root: yaml.MappingNode, path: AnswerPath, key: yaml.ScalarNode, value: yaml.Node) -> bool:
    """Set the answer at ``path``; False when something already stands there."""
    if len(path) == 2:
        parent: yaml.Node | None = _child(root, path[0], yaml.MappingNode, key)
        name = path[1]
    else:
        block, question, index, name = path
        block_node = _child(root, block, yaml.MappingNode, key)
        records = _child(block_node, question, yaml.SequenceNode, key) if block_node else None
        if not isinstance(records, yaml.SequenceNode):
            return False
        while len(records.value) <= index:
            records.value.append(yaml.MappingNode("tag:yaml.org,2002:map", [], key.start_mark, key.end_mark))
        parent = records.value[index]
    if not isinstance(parent, yaml.MappingNode) or _entry(parent, name) is not None:
        return False
    parent.value.append((yaml.ScalarNode("tag:yaml.org,2002:str", name, key.start_mark, key.end_mark), value))
    return True
