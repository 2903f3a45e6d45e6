"""Notes to self left in an answer ("TODO: …", "???", "(ask Priya?)", "[check]"): found once, for every reader.

``review``'s ``note-to-self`` rule says where one is; the documents leave each out and
print the rest, and count a document that showed one as a draft. A bare "ask" inside a
sentence is no note: only a bracket opening on a note word is.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from careerstory.answers.model import AnswerSheet

# A bracket followed by "(" is a link typed as Markdown ("[my module](https://…)"), not a note.
# The words that mark a note to self (the acronym rule leaves them to the note rule).
MARKERS = ("TODO", "TBD", "FIXME", "XXX")
NOTE_TO_SELF = re.compile(
    rf"\b(?:{'|'.join(MARKERS)})\b|\?{{2,}}|\[[^\]\n]{{0,40}}\](?!\()|"
    r"\((?i:need|needs|check|todo|tbd|ask|fix|remember|think|add|find|maybe|note|not sure|look up)\b[^)\n]{0,200}\)",
)  # each part bounded, so that a long line of '(need' without ')' is read once, not once per '('

# A marker or "???" takes the rest of its sentence with it ("TODO: add the numbers.");
# a bracketed note is its brackets.
_SENTENCE_END = re.compile(r"[.!]+(?=\s|$)|\?+(?=\s|$)|\n")


def first_note(text: str) -> re.Match[str] | None:
    """The first note to self in ``text``, or None."""
    return NOTE_TO_SELF.search(text)


def has_note(text: str) -> bool:
    """True when ``text`` holds a note to self."""
    return NOTE_TO_SELF.search(text) is not None


def note_spans(text: str) -> list[tuple[int, int]]:
    """Where each note to self lies in ``text``, as (start, end), in order, never overlapping nor crossing a line."""
    spans: list[tuple[int, int]] = []
    for match in NOTE_TO_SELF.finditer(text):
        start, end = match.span()
        if spans and start < spans[-1][1]:
            continue
        if match.group(0)[0] not in "([":
            sentence = text.rfind("\n", 0, start) + 1
            for found in _SENTENCE_END.finditer(text, sentence, start):
                sentence = found.end()
            ends_sentence = match.group(0).startswith("?") and (end == len(text) or text[end].isspace())
            if match.group(0).startswith("?") or not text[sentence:start].strip():
                start = sentence  # "What do I bring???", "TODO: add the numbers."
            if not ends_sentence:
                stop = _SENTENCE_END.search(text, end)
                end = len(text) if stop is None else stop.start() if stop.group(0) == "\n" else stop.end()
        spans.append((start, end))
    return spans


def without_notes(text: str) -> str:
    """``text`` with every note to self taken out, and the spaces and lines it leaves tidied.

    A line that held nothing but a note goes with it, so no empty paragraph is left.
    """
    if not has_note(text):
        return text
    lines = []
    for line in text.split("\n"):
        spans = note_spans(line)
        if not spans:
            lines.append(line)
            continue
        kept, at = [], 0
        for start, end in spans:
            kept.append(line[at:start])
            at = end
        kept.append(line[at:])
        cut = re.sub(r"\s+([,.;:!?])", r"\1", re.sub(r"[ \t]{2,}", " ", "".join(kept))).strip()
        if cut:
            lines.append(cut)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def value_without_notes(value: Any) -> Any:
    """An answer (text, a list's items, a group's records and their fields) with its notes to self taken out."""
    if isinstance(value, str):
        return without_notes(value)
    if isinstance(value, list):
        return [value_without_notes(item) for item in value]
    if isinstance(value, dict):
        return {key: value_without_notes(item) for key, item in value.items()}
    return value


def sheet_without_notes(sheet: AnswerSheet) -> AnswerSheet:
    """The same answers with every note to self taken out, as documents print them and drafts read them."""
    return replace(sheet, values={key: value_without_notes(value) for key, value in sheet.values.items()})
