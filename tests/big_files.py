"""Answers files near the size limit, one per shape that could make a rule slow.

Shared by the review's tests (which assert the review completes and says sensible things)
and the benchmark (which prints how long each takes).
"""

from __future__ import annotations

import itertools
import string
from pathlib import Path

from careerstory.answers.reading import MAX_BYTES

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TEACHER = (EXAMPLES / "teacher.yaml").read_text(encoding="utf-8")
NEAR = MAX_BYTES - 6_000  # what fits under the limit with the teacher's answers around it


def _replace_answer(text: str, key: str, body: str) -> str:
    """The teacher's file with the block answer under ``  key: |`` replaced by ``body`` (one paragraph)."""
    head, rest = text.split(f"\n  {key}: |\n", 1)
    # The answer runs while its lines are indented by four spaces (or blank).
    lines = rest.split("\n")
    end = next(i for i, line in enumerate(lines) if line and not line.startswith("    "))
    return head + f"\n  {key}: |\n    " + body + "\n" + "\n".join(lines[end:])


def acronyms(count: int = 0) -> str:
    """Thousands of different four-letter acronyms, none spelled out, in one answer."""
    names = ("".join(letters) for letters in itertools.product(string.ascii_uppercase, repeat=4))
    budget = NEAR - len(TEACHER)
    chosen: list[str] = []
    length = -1  # of the chosen joined by spaces, kept as they are added (joining each time is quadratic)
    while (count and len(chosen) < count) or (not count and length < budget):
        chosen.append(next(names))
        length += 5
    return _replace_answer(TEACHER, "why_enjoy", " ".join(chosen))


def repeated_words() -> str:
    """One word typed over and over in one answer."""
    budget = NEAR - len(TEACHER)
    return _replace_answer(TEACHER, "why_enjoy", " ".join(["teaching"] * (budget // 9)))


def one_long_line() -> str:
    """One answer of a single line of prose, near the limit: an acronym in every sentence, a bracket
    never closed in each, and one note to self at the very end."""
    sentence = "I redesigned the VLE course (need to check the title for 40 students and we saw results rise. "
    budget = NEAR - len(TEACHER) - 10
    return _replace_answer(TEACHER, "why_enjoy", (sentence * (budget // len(sentence))) + "TODO")


def records(count: int = 500) -> str:
    """Hundreds of people, each contacted long ago with no next step."""
    person = (
        "    - name: Contact {n}\n      works_as: Learning designer at company {n}\n"
        "      ask_about: What a normal week looks like\n      status: contacted\n"
        "      contacted_on: 3 February 2026\n      learned:\n      next_step:\n"
    )
    added = "".join(person.format(n=n) for n in range(1, count + 1))
    return TEACHER.replace("\n  people:\n", "\n  people:\n" + added, 1)


SHAPES = {
    "acronyms": acronyms,
    "repeated-words": repeated_words,
    "one-long-line": one_long_line,
    "records": records,
}
