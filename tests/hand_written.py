"""An answers file as a person leaves it after a first evening, and how tests save into it."""

from __future__ import annotations

import difflib
from pathlib import Path

from careerstory.answers import AnswersFile

HAND_WRITTEN = """\
# My answers -- started on the train, 3 May.
version: 2

about:
  name:    Maya   # spaces kept as I like them
  # I never know how to say this:
  current_role: Teacher
  constraints:

strengths:

  # TODO ask Sam about this one
  best_moments: |
    When the class gets it.

    When a shy student asks a question.
  what_it_entails:
  why_enjoy: because
  skill_jobs:
    - trainer   # maybe
    - tutor

options:
  people:
    - name: Sam
      works_as: designer
      ask_about: a normal week
      status: talked
      learned: |
        Lots.
# the end, for now
"""


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def save(path: Path, bank, question_id: str, value) -> None:
    with AnswersFile(path, bank) as answers:
        answers.save(bank.question(question_id), value)
