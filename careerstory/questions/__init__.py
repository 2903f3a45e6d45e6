"""The question bank: the coaching method as data, loaded into plain frozen records.

The bank ships as ``bank.yaml`` inside the package, and ``documents.yaml`` beside it
says what each document is made of (see :mod:`careerstory.questions.documents`);
nothing here knows about terminals, files of answers or templates. Both are parsed
once and kept, compiled, in the user's cache (see :mod:`careerstory.questions.compiled`),
so that start-up pays neither the YAML parser nor its import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from careerstory.questions.compiled import load_data
from careerstory.questions.kinds import KINDS, Kind, Place, kinds_at
from careerstory.questions.recipes import Part, parse_recipe


@dataclass(frozen=True)
class Field:
    """One named field of a group question's records (a person to talk to, a job).

    A ``list`` field holds short items (a story's ``shows``); a ``group`` field holds
    records of its own ``fields`` (a job's requirements: need, evidence, plan), the
    first of them naming each one; every other kind holds text. A record lacking a
    ``required`` field is open, not invalid.
    """

    id: str
    label: str
    kind: str  # a name in the table of kinds (careerstory/questions/kinds.py)
    choices: tuple[str, ...] = ()
    required: bool = False
    help: str = ""
    example: str = ""
    role: str = ""  # the name a document addresses it by, where it shows in a header
    heading: str = ""  # a document's heading for it, where it shows apart from the table
    private: bool = False  # the person's own: only documents for them show it, unless they share it
    show: dict[str, str] = field(default_factory=dict, hash=False, compare=False)  # document id -> place
    review: dict[str, int] = field(default_factory=dict, hash=False, compare=False)  # the review's limits
    fields: tuple[Field, ...] = ()  # a group field's own fields; the first names each record
    draft: tuple[Part, ...] = ()  # the recipe of the draft `ask` offers while it is empty (a message, a letter)

    @property
    def shape(self) -> Kind:
        """The field's entry in the table of kinds."""
        return KINDS[self.kind]

    @property
    def holds_items(self) -> bool:
        """True for a field holding several items: a list, or a group whose records print as their first field."""
        return not self.shape.text

    def subfield(self, field_id: str) -> Field:
        """Return the group field's own field named ``field_id``."""
        for candidate in self.fields:
            if candidate.id == field_id:
                return candidate
        raise KeyError(field_id)

    def place(self, document: str, default: str = "column") -> str:
        """Where the field shows in ``document``: ``column``, ``detail`` or ``hidden``."""
        return self.show.get(document, default)


@dataclass(frozen=True)
class Question:
    """One question of the method: what is asked, why, and what shape the answer has."""

    id: str
    block_id: str
    prompt: str
    help: str
    example: str
    kind: str  # a name in the table of kinds (careerstory/questions/kinds.py)
    required: bool
    fields: tuple[Field, ...] = ()
    role: str = ""  # the name documents address it by; stays when the id is renamed
    heading: str = ""  # how documents head the answer; the prompt when empty
    private: bool = False  # the person's own: only documents for them show it, unless they share it
    show: dict[str, str] = field(default_factory=dict, hash=False, compare=False)  # document id -> place
    review: dict[str, int] = field(default_factory=dict, hash=False, compare=False)  # the review's limits
    draft: tuple[Part, ...] = ()  # the recipe of the draft `ask` offers while it is unanswered

    @property
    def shape(self) -> Kind:
        """The question's entry in the table of kinds."""
        return KINDS[self.kind]

    def place(self, document: str, default: str) -> str:
        """Where the question shows in ``document`` (``default`` when the bank does not say)."""
        return self.show.get(document, default)

    @property
    def required_fields(self) -> tuple[Field, ...]:
        """The fields a record needs before it counts as filled in."""
        return tuple(f for f in self.fields if f.required)

    def field(self, field_id: str) -> Field:
        """Return the group field named ``field_id``."""
        for candidate in self.fields:
            if candidate.id == field_id:
                return candidate
        raise KeyError(field_id)


@dataclass(frozen=True)
class Block:
    """A block of the method: a title the person sees and its questions in order."""

    id: str
    title: str
    intro: str
    questions: tuple[Question, ...]
    heading: str = ""  # how documents head it, in the person's voice (default: the title)


@dataclass(frozen=True)
class Bank:
    """Every block and question, in the order they are asked and written."""

    blocks: tuple[Block, ...]

    @property
    def questions(self) -> tuple[Question, ...]:
        """Every question of every block, in bank order."""
        return tuple(q for block in self.blocks for q in block.questions)

    def block(self, block_id: str) -> Block:
        """Return the block with this id."""
        for block in self.blocks:
            if block.id == block_id:
                return block
        raise KeyError(block_id)

    def question(self, question_id: str) -> Question:
        """Return the question with this id."""
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)


def _show(raw: dict[str, Any], owner: str) -> dict[str, str]:
    show = raw.get("show", {})
    if not isinstance(show, dict):
        raise ValueError(f"bank: {owner!r}: show is a mapping of document id to place")
    return {str(document): str(place) for document, place in show.items()}


def _review(raw: dict[str, Any], owner: str) -> dict[str, int]:
    review = raw.get("review", {})
    if not isinstance(review, dict) or not all(isinstance(v, int) for v in review.values()):
        raise ValueError(f"bank: {owner!r}: review is a mapping of limit to number (min_words: 25)")
    return {str(limit): int(value) for limit, value in review.items()}


def _field(raw: dict[str, Any], place: Place = "field") -> Field:
    # A record's field, or a group field's own field (a requirement's need, evidence, plan).
    kind = raw["kind"]
    kinds = kinds_at(place)
    if kind not in kinds:
        raise ValueError(f"bank: field {raw['id']!r} has unknown kind {kind!r} here (kinds: {', '.join(kinds)})")
    fields = raw.get("fields", [])
    assert isinstance(fields, list)
    if KINDS[kind].records != bool(fields):
        raise ValueError(f"bank: field {raw['id']!r}: only group fields have fields")
    choices = raw.get("choices", [])
    assert isinstance(choices, list)
    if KINDS[kind].pick != bool(choices):
        raise ValueError(f"bank: field {raw['id']!r}: only choice fields have choices")
    return Field(
        id=str(raw["id"]),
        label=str(raw["label"]),
        kind=kind,
        choices=tuple(map(str, choices)),
        required=bool(raw.get("required", False)),
        help=str(raw.get("help", "")),
        example=str(raw.get("example", "")),
        role=str(raw.get("role", "")),
        heading=str(raw.get("heading", "")),
        private=bool(raw.get("private", False)),
        show=_show(raw, str(raw["id"])),
        review=_review(raw, str(raw["id"])),
        fields=tuple(_field(f, "subfield") for f in fields),
        draft=parse_recipe(raw.get("draft", []), f"bank: field {raw['id']}: draft"),
    )


def _question(raw: dict[str, Any], block_id: str) -> Question:
    kind = raw["kind"]
    kinds = kinds_at("question")
    if kind not in kinds:
        raise ValueError(f"bank: question {raw['id']!r} has unknown kind {kind!r} (kinds: {', '.join(kinds)})")
    fields = raw.get("fields", [])
    assert isinstance(fields, list)
    if KINDS[kind].records != bool(fields):
        raise ValueError(f"bank: question {raw['id']!r}: only group questions have fields")
    return Question(
        id=str(raw["id"]),
        block_id=block_id,
        prompt=str(raw["prompt"]),
        help=str(raw["help"]),
        example=str(raw["example"]),
        kind=kind,
        required=bool(raw["required"]),
        fields=tuple(_field(f) for f in fields),
        role=str(raw.get("role", "")),
        heading=str(raw.get("heading", "")),
        private=bool(raw.get("private", False)),
        show=_show(raw, str(raw["id"])),
        review=_review(raw, str(raw["id"])),
        draft=parse_recipe(raw.get("draft", []), f"bank: {raw['id']}: draft"),
    )


def parse_bank(text: str) -> Bank:
    """Build a bank from its YAML text; a malformed bank is a bug, so it raises plainly."""
    import yaml

    return bank_from_data(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))


def bank_from_data(raw: dict[str, Any]) -> Bank:
    """Build a bank from its parsed data (plain dicts, lists and text)."""
    blocks = tuple(
        Block(
            id=str(b["id"]),
            title=str(b["title"]),
            intro=str(b["intro"]),
            questions=tuple(_question(q, str(b["id"])) for q in b["questions"]),
            heading=str(b.get("heading", "")),
        )
        for b in raw["blocks"]
    )
    ids = [q.id for block in blocks for q in block.questions] + [b.id for b in blocks]
    if len(ids) != len(set(ids)):
        raise ValueError("bank: block and question ids must be unique")
    roles = [q.role for block in blocks for q in block.questions if q.role]
    if len(roles) != len(set(roles)):
        raise ValueError("bank: two questions play the same role")
    return Bank(blocks)


@cache
def default_bank() -> Bank:
    """The bank shipped with careerstory."""
    return bank_from_data(load_data("bank.yaml"))
