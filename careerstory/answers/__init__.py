"""The answers file: a person's own YAML document, read strictly and written gently.

``reading`` validates it and gives its node tree; ``emitting`` writes answers as YAML;
``splicing`` puts one answer into the text; ``saving`` is ``ask``'s locked save session;
``report`` is what ``check`` says, block by block.
"""

from careerstory.answers.emitting import new_file_text
from careerstory.answers.model import Answer, AnswerSheet, GroupEntry, is_answered
from careerstory.answers.reading import load, load_text, read
from careerstory.answers.saving import AnswersFile

__all__ = [
    "Answer",
    "AnswerSheet",
    "AnswersFile",
    "GroupEntry",
    "is_answered",
    "load",
    "load_text",
    "new_file_text",
    "read",
]
