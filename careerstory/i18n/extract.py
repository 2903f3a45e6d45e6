"""A Babel extractor for the question bank: every text a person reads, found by its key.

``babel.cfg`` names it (``[careerstory.i18n.extract.extract_bank: ...]``), so that
``make messages`` puts the bank's prompts, help texts, examples, titles, labels and
choices into ``careerstory.pot`` beside the messages of the code and the templates.

A string is extracted when it stands under a key of :data:`TRANSLATED_KEYS`, however
deep (a list of choices, a mapping of headings by document), except under a key of
:data:`VERBATIM_KEYS` (ids and other values the code compares), and unless it is only
placeholders. Other keys (:data:`CONTAINER_KEYS`, :data:`NAMED_KEYS`) are walked
through, so a translated key nested in a new structure is still found. Every key of
every YAML file beside the bank must be in one of these lists, or
``tests/test_i18n_catalogs.py`` fails: a new key is a decision, not a text silently
left in English.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

import yaml

_FIELD = re.compile(r"\{[^{}]*\}")
_WORDS = re.compile(r"[^\W\d_]")

# Keys whose strings a person reads: translated, and looked up at display with _(text).
TRANSLATED_KEYS = frozenset(
    {
        "title",
        "intro",
        "prompt",
        "help",
        "example",
        "label",
        "labels",
        "choices",
        "heading",
        "headings",
        "lead",
        "note",
        "notes",
        "hint",
        "text",
        "description",
        "placeholder",
        "subject",
        "say",
        "asks",
        "introduction",
        "outreach",
        "when",
        "ask",
        "ask_about_requirement",
        "panel",
    }
)
# Keys whose values are data: ids, kinds, flags, the names of places, roles and files.
VERBATIM_KEYS = frozenset(
    {
        "version",
        "id",
        "kind",
        "required",
        "value",
        "role",
        "show",
        "places",
        "default_place",
        "take",
        "file_name",
        "templates",
        "stylesheet",
        "private",
        "pages",
        "tailored_pages",
        "limits",
        "targets",
        "about",
        "step",
        "date",
        "due",  # a next step's field saying when it falls due: a field id
        "detail",  # a next step's field telling two records apart: a field id
        "name",
        "status",
        "not_yet",
        "order",
        "own_question",
        "review",  # the review's limits per question (min_words): numbers
        "field",
        "cut",  # a draft's part may be cut to its first clause: a flag
        "spare",  # a draft's part is left out first when the draft runs long: a flag
        "record",  # a draft's part reads this field of its record: an id
        "alone",  # a draft's part stands on a line of its own: a flag
        "given",  # the facts a draft's part is said for ({status: [talked]}): values the code compares
        "forward",
        "reads",
        "parts",  # where each part of a person's page comes from: field ids
        "dated",
        "stages",  # what each status calls for: ids
        "nudge_after_days",
        "most_questions",
        "suits",  # the kinds of person a question suits: ids
        "words",  # the words that tell a kind of person, by language: matched, not shown
        "repeats",  # the words that show a question is already asked: matched, not shown
        # An interview sheet's and a letter's data: statuses, field and role names.
        "for_jobs",
        "sent_from",
        "drafted",
        "requirements",
        "need",
        "evidence",
        "plan",
        "stories",
        "shows",
        "objections",
        "lessons",
        "statuses",
        "lean_on",
        "story",
    }
)
# Keys that only hold other entries: walked through for the keys above.
CONTAINER_KEYS = frozenset(
    {
        "blocks",
        "questions",
        "fields",
        "documents",
        "draft",
        "otherwise",
        "kit",
        "next_steps",
        "kinds",
        "prepare",
        "asked",
    }
)
# Keys holding a mapping from names (of recipes, say) to entries: the names are data.
NAMED_KEYS = frozenset({"recipes"})

Extracted = tuple[int, str | None, str, list[str]]


def extract_bank(
    fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: Collection[str], options: Mapping[str, Any]
) -> Iterator[Extracted]:
    """Babel's extractor interface: yield ``(line, None, text, [where])`` for each text of the bank."""
    root = yaml.compose(fileobj.read().decode(options.get("encoding", "utf-8")), Loader=yaml.SafeLoader)
    if root is not None:
        yield from _walk(root, [], translated=False)


def bank_keys(text: str) -> set[str]:
    """Every key of a bank's YAML text that names a kind of entry (not the names under ``recipes``)."""
    keys: set[str] = set()
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    stack: list[tuple[yaml.Node, bool]] = [(root, False)] if root is not None else []
    while stack:
        node, named = stack.pop()
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if not named:
                    keys.add(str(key.value))
                # Below a translated or verbatim key, keys are names of documents or places.
                if named or key.value not in TRANSLATED_KEYS | VERBATIM_KEYS:
                    stack.append((value, not named and key.value in NAMED_KEYS))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, False) for item in node.value)
    return keys


def _walk(node: yaml.Node, where: list[str], translated: bool) -> Iterator[Extracted]:
    if isinstance(node, yaml.ScalarNode):
        # A pattern that is only placeholders ("{current_role}") has nothing to translate.
        if translated and node.tag == "tag:yaml.org,2002:str" and _WORDS.search(_FIELD.sub("", node.value)):
            yield node.start_mark.line + 1, None, node.value, [f"bank: {' > '.join(where)}"]
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _walk(item, where, translated)
    elif isinstance(node, yaml.MappingNode):
        # Name the place by the id of the block, question or field it belongs to.
        ids = [value.value for key, value in node.value if key.value == "id" and isinstance(value, yaml.ScalarNode)]
        here = where + ids
        for key, value in node.value:
            if key.value in VERBATIM_KEYS:
                continue
            inside = translated or key.value in TRANSLATED_KEYS
            yield from _walk(value, [*here, str(key.value)] if inside and not translated else here, inside)
