"""The save session of ``ask``: the file locked, each answer saved the moment it is given.

Every new text is read back with the strict reader before it reaches the disk; if it
would not give exactly the intended answers, nothing is written and the answer goes to
a rescue file beside it. An edit made in another program while ``ask`` runs is kept;
when it touches the answer about to be saved, that answer goes to the rescue file too.
"""

from __future__ import annotations

from pathlib import Path

from careerstory import _, storage
from careerstory.answers.emitting import new_file_text
from careerstory.answers.model import Answer, AnswerSheet, clean_answer, empty_answer
from careerstory.answers.reading import decode, load_bytes, load_text
from careerstory.answers.splicing import replace_answer
from careerstory.errors import Problem, UserError
from careerstory.questions import Bank, Question


class AnswersFile:
    """One answers file held open by ``ask``: locked, and saved one answer at a time."""

    def __init__(self, path: Path, bank: Bank) -> None:
        self.path = path
        self.bank = bank
        self._lock = storage.FileLock(path)
        self._bytes: bytes | None = None
        self.sheet = AnswerSheet(bank, {q.id: empty_answer(q) for q in bank.questions}, path)

    def __enter__(self) -> AnswersFile:
        self._lock.acquire()
        try:
            self.reload()
        except BaseException:
            self._lock.release()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self._lock.release()

    def reload(self) -> None:
        """Read the file again (it may not exist yet)."""
        data = storage.read_bytes(self.path)
        self._bytes = data
        if data is not None:
            self.sheet = load_bytes(data, self.bank, self.path)

    def save(self, question: Question, value: Answer) -> None:
        """Store one answer now, or raise :class:`UserError` leaving the file as it was."""
        value = clean_answer(question, value)
        current = storage.read_bytes(self.path)
        if current != self._bytes:
            self._merge_outside_change(question, value, current)
        bom = b"\xef\xbb\xbf" if current and current.startswith(b"\xef\xbb\xbf") else b""
        if current is None:
            text = new_file_text(self.bank, {question.id: value}, self.path.name, self.sheet.language)
        else:
            text = replace_answer(decode(current, self.path), self.bank, question, value, self.path.name)
        intended = dict(self.sheet.values)
        intended[question.id] = value
        self._verify(text, question, intended)
        data = bom + text.encode("utf-8")
        storage.atomic_write(self.path, data)
        self._bytes = data
        self.sheet.values = intended

    def _rescue(self, values: dict[str, Answer]) -> Path:
        """Write ``values`` to a new file beside the answers file, never over another."""
        number = 1
        while True:
            suffix = ".from-ask" if number == 1 else f".from-ask-{number}"
            rescue = self.path.with_name(self.path.stem + suffix + self.path.suffix)
            if not rescue.exists():
                break
            number += 1
        storage.atomic_write(rescue, new_file_text(self.bank, values, rescue.name, self.sheet.language).encode("utf-8"))
        return rescue

    def _merge_outside_change(self, question: Question, value: Answer, current: bytes | None) -> None:
        """The file changed since we read it: carry on only if this answer is untouched."""
        if current is None:
            raise UserError(
                Problem(
                    _("{file} was deleted while careerstory was asking").format(file=self.path),
                    _("Nothing more was written. Run `careerstory ask {file}` to start again.").format(file=self.path),
                    self.path,
                )
            )
        try:
            theirs = load_text(decode(current, self.path), self.bank, self.path)
        except UserError as error:
            rescue = self._rescue(self.sheet.values | {question.id: value})
            raise UserError(
                *error.problems,
                Problem(
                    _("{file} was changed in another program and is no longer valid").format(file=self.path),
                    _(
                        "Your edit in the file is kept as it is. Every answer given here is saved in {rescue}. "
                        "Fix the problems above, then run `careerstory ask` again."
                    ).format(rescue=rescue),
                    self.path,
                ),
            ) from None
        if theirs[question.id] != self.sheet[question.id]:
            rescue = self._rescue(theirs.values | {question.id: value})
            raise UserError(
                Problem(
                    _(
                        "{file} was changed in another program, in the answer to '{question}' "
                        "that careerstory was about to save"
                    ).format(file=self.path, question=question.id),
                    _(
                        "Your edit in the file is kept as it is. The answer typed here is saved in {rescue}; "
                        "copy what you want from it, then run `careerstory ask` again."
                    ).format(rescue=rescue),
                    self.path,
                )
            )
        self._bytes = current
        self.sheet = theirs

    def _verify(self, text: str, question: Question, intended: dict[str, Answer]) -> None:
        try:
            reread = load_text(text, self.bank, self.path)
            changed = [q.id for q in self.bank.questions if reread[q.id] != intended.get(q.id, empty_answer(q))]
            reason = (
                _("would not keep the answer to '{question}' exactly as typed").format(question=changed[0])
                if changed
                else ""
            )
        except UserError as error:
            reason = _("would make the file invalid ({problem})").format(problem=error.problems[0].message)
        if reason:
            rescue = self._rescue(intended)
            raise UserError(
                Problem(
                    _("saving '{question}' into the hand-written layout of {file} {reason}").format(
                        question=question.id, file=self.path, reason=reason
                    ),
                    _(
                        "Nothing was changed in it. Your answer is saved in {rescue}: copy it into the file "
                        "by hand, then run `careerstory check`."
                    ).format(rescue=rescue),
                    self.path,
                )
            )
