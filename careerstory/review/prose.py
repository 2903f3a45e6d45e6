"""proselint's prose checks, run once over every answer and mapped back to each answer.

proselint is imported here only, when an English file has answers: it costs tens of
milliseconds. It is used through the API of 0.16 (``LintFile(...).lint(config)``), the
release ``pyproject.toml`` asks for. The answers are joined with blank
lines between them, so that no phrase runs from one answer into the next, and an
offset map gives each result back to its own answer.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from careerstory import _
from careerstory.answers.locating import Located

# The families that judge a career story's prose; the rest (typography, spelling,
# dates, psychology's terms) are for other kinds of writing or too noisy on CVs.
FAMILIES = ("cliches", "weasel_words", "hedging", "redundancy", "industrial_language")
# Checks of those families that flag what a career story rightly says.
SILENCED = (
    "industrial_language.bureaucratese",
    "industrial_language.chatspeak",
    "industrial_language.airlinese",
    "weasel_words.very",  # "very uneven months" is honest; the check flags every one
)
SEPARATOR = "\n\n"


@dataclass(frozen=True)
class ProseFinding:
    """One proselint result, in its answer: the family it comes from and a coach's sentence."""

    family: str
    answer: Located
    offset: int
    message: str


def _message(family: str, typed: str, replacement: str | None) -> str:
    if family == "cliches":
        return _("'{text}' is a cliché; say it in your own words, with a detail only you could give.").format(
            text=typed
        )
    if family == "redundancy":
        if replacement:
            return _("'{text}' says it twice; '{better}' is enough.").format(text=typed, better=replacement)
        return _("'{text}' says it twice; cut the extra word.").format(text=typed)
    if family == "industrial_language":
        return _("'{text}' is jargon; say plainly what you did.").format(text=typed)
    return _("'{text}' softens what you say; say it plainly, or give the number.").format(text=typed)


def _lint(text: str) -> list[tuple[str, int, int, str | None]]:
    """(check path, start, end, replacement) for each proselint result over ``text``."""
    from proselint import tools

    checks = {family: True for family in FAMILIES} | {name: False for name in SILENCED}
    from proselint.registry import CheckRegistry

    registry = CheckRegistry()
    if not registry.checks:
        from proselint.checks import __register__

        registry.register_many(__register__)
    # The most specific name first, so that a silenced check wins over its family.
    ordered = dict(sorted(checks.items(), key=lambda item: item[0].count("."), reverse=True))
    config: Any = {"max_errors": 10_000, "checks": ordered}
    # LintFile pads the text with a line break at each end: offsets shift by one.
    return [
        (
            r.check_result.check_path,
            r.check_result.span[0] - 1,
            r.check_result.span[1] - 1,
            r.check_result.replacements,
        )
        for r in tools.LintFile("answers", text).lint(config)
    ]


def prose_findings(answers: Sequence[Located]) -> list[ProseFinding]:
    """Proselint's findings over every answer, each placed in its answer."""
    # The person's name is theirs to spell, not prose to judge.
    parts = [a for a in answers if a.text.strip() and not (a.address.plain and a.role == "name")]
    if not parts:
        return []
    starts = []
    offset = 0
    for answer in parts:
        starts.append(offset)
        offset += len(answer.text) + len(SEPARATOR)
    joined = SEPARATOR.join(a.text for a in parts)
    found = []
    seen: set[tuple[int, int]] = set()
    for check, start, end, replacement in _lint(joined):
        # Several sources flag the same words ("free gift" is in two redundancy lists): one note.
        if (start, end) in seen:
            continue
        seen.add((start, end))
        which = bisect.bisect_right(starts, start) - 1
        answer = parts[which]
        within = start - starts[which]
        if within >= len(answer.text):
            continue
        family = next((f for f in FAMILIES if check.startswith(f)), "")
        typed = answer.text[within : within + (end - start)]
        found.append(ProseFinding(family, answer, within, _message(family, typed, replacement)))
    return found
