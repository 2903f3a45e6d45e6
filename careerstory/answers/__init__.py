"""The answers file: a person's own YAML document, read strictly and written gently."""

from typing import TYPE_CHECKING, Any

from careerstory.answers.model import Answer, AnswerSheet, GroupEntry, is_answered
from careerstory.answers.reading import load, load_text

if TYPE_CHECKING:
    from careerstory.answers.writing import AnswersFile, new_file_text

__all__ = [
    "Answer",
    "AnswerSheet",
    "AnswersFile",
    "GroupEntry",
    "is_answered",
    "load",
    "load_text",
    "new_file_text",
]


def __getattr__(name: str) -> Any:
    # The writer (and its lock and temporary files) is needed by `ask` alone; `render`
    # and `check` only read, and do not pay for importing it.
    if name in ("AnswersFile", "new_file_text"):
        from careerstory.answers import writing

        return getattr(writing, name)
    raise AttributeError(name)
