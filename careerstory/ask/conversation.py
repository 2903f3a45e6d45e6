"""``careerstory ask``: the coaching conversation, one question at a time, nothing lost.

The conversation goes block by block. A block opens with its title and why it is
asked; each question shows where the person is (block, "question 2 of 3", answers in
all), its help text and an example, and the current answer as the default. After the
block's questions comes a review of its answers, where any one can be changed before
moving on. At the end: what is complete, what is open, and the command that renders
the brief.

- A plain ``ask`` starts at the first open question and asks only the open ones; a
  block is reviewed when something in it was asked. With every question answered,
  it offers the review of each block instead.
- ``--block``/``--question`` ask just those (answered or not), in bank order; the
  named blocks are reviewed at their end.
- Long answers are typed in a multi-line prompt (Esc then Enter, or Alt-Enter,
  finishes it) or, by pressing Ctrl-O there, written in ``$VISUAL``/``$EDITOR``; see
  :mod:`careerstory.ask.editor`. How each kind is asked: :mod:`careerstory.ask.kinds`.

Nothing is lost: each answer goes to disk through :meth:`AnswersFile.save` (an atomic
replacement) the moment it is confirmed, before anything else is shown. When the disk
refuses it (full, read-only), the typed answer is shown in full and the save can be
tried again once space is freed; quitting there exits 1 with the answer on screen. Ctrl-C and
Ctrl-D anywhere, and SIGTERM, raise :class:`Interrupted`, which leaves the half-typed
answer unsaved; the command line turns it into exit code 130. An answer the file
cannot hold (a control character) is explained and asked again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shlex
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from careerstory import _, n_, storage
from careerstory.answers import Answer, AnswersFile
from careerstory.answers.drafts import intro_draft
from careerstory.answers.migrations import CURRENT_VERSION, steps_from
from careerstory.answers.model import AnswerSheet, GroupEntry, Unstorable, field_records, field_text
from careerstory.answers.reading import decode
from careerstory.answers.recipes import draft as make_draft
from careerstory.answers.recipes import first_clause, first_sentence
from careerstory.answers.report import open_required, progress
from careerstory.ask.editor import Editor, find_editor
from careerstory.ask.kinds import Drafting, Save, ask_answer, entry_title, shorten, typed_lines
from careerstory.ask.terminal import wrap
from careerstory.errors import Interrupted, Problem, UserError
from careerstory.i18n import LanguageError, parse_language, using
from careerstory.questions import Bank, Block, Question
from careerstory.storage import WriteFailed

if TYPE_CHECKING:
    from careerstory.ask.terminal import Terminal


def run_ask(path: Path, bank: Bank, block_ids: list[str], question_ids: list[str], language: str = "") -> None:
    """Ask in this process's terminal, or refuse when there is none to talk to.

    ``language`` (a well-formed code) is written into the file when ``ask`` creates it.
    """
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise not_a_terminal(path, bank)
    from careerstory.ask.terminal import Terminal

    with _sigterm_interrupts():
        converse(path, bank, block_ids, question_ids, Terminal(), find_editor(), language)


def converse(
    path: Path,
    bank: Bank,
    block_ids: list[str],
    question_ids: list[str],
    terminal: Terminal,
    editor: Editor | None,
    language: str = "",
) -> None:
    """The whole conversation over ``terminal``; tests call it with a pipe-fed one.

    ``language`` (``ask --language``) is the language of a new file; a file that exists speaks its own.
    """
    language = _language_tag(language) if language else ""
    new = not path.exists()
    with (
        AnswersFile(path, bank, language if new else "") as answers,
        using(answers.sheet.language or answers.language or None),
    ):
        try:
            if answers.sheet.migrated_from is not None and not _upgrade(answers, terminal):
                return
            Conversation(answers, terminal, editor).run(block_ids, question_ids)
        except (Interrupted, KeyboardInterrupt, EOFError):
            # Said after the conversation, in the language it was held in.
            raise Interrupted(_("Stopped. Every answer you confirmed is saved.")) from None


def _language_tag(code: str) -> str:
    """``ask --language``'s code in its usual spelling, or a :class:`UserError` saying how to write it."""
    try:
        return parse_language(code).tag
    except LanguageError as error:
        raise UserError(Problem(f"--language: {error.message}", error.hint)) from None


def _upgrade(answers: AnswersFile, terminal: Terminal) -> bool:
    """Say what upgrading an older file does, and do it on disk if the person agrees."""
    from careerstory.answers.migrating import backup_path, migrate_locked

    old = answers.sheet.migrated_from
    assert old is not None
    terminal.say(
        _("{file} is a version-{old} answers file. To go on, careerstory upgrades it to version {new}:").format(
            file=answers.path, old=old, new=CURRENT_VERSION
        )
    )
    for step in steps_from(old):
        terminal.say("  - " + _(step.summary))
    terminal.say(
        "  "
        + _("Every other answer and comment stays as it is; your version-{old} file is kept as {copy}.").format(
            old=old, copy=backup_path(answers.path, old).name
        ),
        "quiet",
    )
    if not terminal.confirm(_("Upgrade it now?"), default=True):
        terminal.say(
            _("Nothing was changed. `careerstory migrate --dry-run {file}` shows the change.").format(
                file=shlex.quote(str(answers.path))
            )
        )
        return False
    _migration, copy = migrate_locked(answers.path, answers.bank)
    answers.reload()
    terminal.say(_("Upgraded. Your version-{old} file is kept as {copy}.").format(old=old, copy=copy), "quiet")
    return True


def _evidence_offers(sheet: AnswerSheet) -> tuple[str, ...]:
    """The person's own evidence, offered for a requirement: each skill's evidence, each story's result."""
    offers = [field_text(e, "evidence").strip() for e in sheet.entries("transferable_skills")]
    for story in sheet.entries("stories"):
        title, result = field_text(story, "title").strip(), field_text(story, "result").strip()
        offers.append(f"{title}: {result}" if title and result else title or result)
    return tuple(dict.fromkeys(o for o in offers if o))


def _story_seeds(sheet: AnswerSheet) -> tuple[str, ...]:
    """Lines a story can grow from: each skill's evidence, each requirement's evidence."""
    lines = [field_text(e, "evidence").strip() for e in sheet.entries("transferable_skills")]
    for job in sheet.entries("jobs"):
        lines += [record.get("evidence", "").strip() for record in field_records(job, "requirements")]
    return tuple(dict.fromkeys(line for line in lines if line))


def _seed_story(line: str) -> dict[str, str]:
    """A story's first fields from a line of evidence: the line is its result, its first clause its title."""
    title = first_clause(first_sentence(line)).rstrip(".")
    return {"title": shorten(title, 60), "result": line}


def not_a_terminal(path: Path, bank: Bank) -> UserError:
    """The refusal when standard input or output is not a terminal."""
    blocks = ", ".join(block.id for block in bank.blocks)
    first_block = bank.blocks[0]
    first = first_block.questions[0]
    file = shlex.quote(str(path))
    return UserError(
        Problem(
            _("`careerstory ask` needs a terminal to talk to, and its input or output is not one"),
            _(
                "Without a terminal, write the answers into {file} by hand: `version: {version}`, then\n"
                "one section per block ({blocks}) holding its question ids,\n"
                "e.g. `{block}:` and under it `  {question}: {example}`. `careerstory schema` lists every id.\n"
                "Then run `careerstory check {file}`."
            ).format(
                file=file,
                version=CURRENT_VERSION,
                blocks=blocks,
                block=first_block.id,
                question=first.id,
                example=_(first.example),
            ),
            path,
        )
    )


@contextlib.contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """A polite kill (SIGTERM) stops like Ctrl-C: saved answers stay, exit code 130."""

    def stop(signum: int, frame: FrameType | None) -> None:
        from careerstory.ask.terminal import interrupt

        interrupt()

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class Conversation:
    """One ``ask`` session over an open answers file."""

    def __init__(self, answers: AnswersFile, terminal: Terminal, editor: Editor | None) -> None:
        self.answers = answers
        self.bank = answers.bank
        self.terminal = terminal
        self.editor = editor

    def run(self, block_ids: list[str], question_ids: list[str]) -> None:
        """Ask what was asked for, review blocks, and say where things stand."""
        sheet = self.answers.sheet
        if block_ids or question_ids:
            plan = [
                (block, [q for q in block.questions if block.id in block_ids or q.id in question_ids])
                for block in self.bank.blocks
            ]
            reviewed = set(block_ids)
        else:
            plan = [(block, sheet.open_questions(block)) for block in self.bank.blocks]
            reviewed = {block.id for block, questions in plan if questions}
            if not reviewed:
                reviewed = {block.id for block in self.bank.blocks}
        self._welcome(everything_answered=not (block_ids or question_ids) and not sheet.open_questions())
        for block, questions in plan:
            if not questions and block.id not in reviewed:
                continue
            self._open_block(block)
            for question in questions:
                self._ask(block, question)
            if block.id in reviewed:
                self._review(block)
        self._summary()

    # -- what is shown ------------------------------------------------------------------

    def _paragraph(self, text: str, indent: str = "  ", style: str = "") -> None:
        self.terminal.say(wrap(" ".join(text.split()), self.terminal.width - 1, indent), style)

    def _welcome(self, *, everything_answered: bool) -> None:
        say = self.terminal.say
        answered = self._answered_count()
        say(
            _("careerstory saves each answer to {file} the moment you give it.").format(file=self.answers.path), "quiet"
        )
        say(_("An empty answer skips a question. Ctrl-C stops; what you confirmed stays saved."), "quiet")
        if everything_answered:
            say()
            say(_("Every question already has an answer. Here they are, block by block,"))
            say(_("for you to change any of them."))
        elif answered:
            say()
            say(
                _("Welcome back: {answered} of {total} questions have an answer.").format(
                    answered=answered, total=len(self.bank.questions)
                )
            )

    def _open_block(self, block: Block) -> None:
        title = f"━━ {_(block.title)} "
        self.terminal.say()
        self.terminal.say(title + "━" * max(3, self.terminal.width - 1 - len(title)), "title")
        self._paragraph(_(block.intro), indent="")

    def _answered_count(self) -> int:
        return self.answers.sheet.answered_count()

    def _heading(self, block: Block, question: Question) -> None:
        position = block.questions.index(question) + 1
        self.terminal.say()
        self.terminal.say(
            _("{block} · question {position} of {count} · {answered} of {total} answered in all").format(
                block=_(block.title),
                position=position,
                count=len(block.questions),
                answered=self._answered_count(),
                total=len(self.bank.questions),
            ),
            "quiet",
        )
        self._paragraph(_(question.help))
        self._paragraph(_("For example: {example}").format(example=_(question.example)))

    # -- asking --------------------------------------------------------------------------

    def _ask(self, block: Block, question: Question) -> None:
        self._heading(block, question)
        sheet = self.answers.sheet
        draft = ""
        if question.draft and not sheet.answered(question):
            draft = intro_draft(sheet) if question.role == "intro" else make_draft(sheet, question)
        if draft:
            self._paragraph(
                _("A draft made from your own answers is in the prompt. Make it yours: change any word, then confirm."),
                style="quiet",
            )
        offers = _evidence_offers(sheet) if any(f.shape.records for f in question.fields) else ()
        drafting = self._drafting(question) if question.shape.records else None
        ask_answer(
            self.terminal, question, sheet[question.id], self._saver(question), self.editor, draft, offers, drafting
        )

    def _drafting(self, question: Question) -> Drafting:
        """Drafts of a record's messages and letters, today's dates, and story seeds, for ``question``."""
        from careerstory.answers import drafts
        from careerstory.clock import today
        from careerstory.i18n import format_date

        day = today()

        def draft(field_id: str, record: GroupEntry) -> tuple[str, tuple[str, ...]]:
            sheet = self.answers.sheet
            if question.role == "people" and field_id == "message":
                drafted = drafts.drafted_message(sheet, record, day)
                return drafted.text, drafted.left_out
            if question.role == "jobs" and field_id == "tell_me":
                return drafts.tell_me_draft(sheet, record), ()
            if question.role == "jobs" and field_id == "letter":
                return drafts.letter_draft(sheet, record, day), ()
            return "", ()

        seeds = _story_seeds(self.answers.sheet) if question.role == "stories" else ()
        return Drafting(draft, lambda days: format_date(day + dt.timedelta(days=days)), seeds, _seed_story)

    def _saver(self, question: Question) -> Save:
        def save(value: Answer) -> bool:
            while True:
                try:
                    self.answers.save(question, value)
                except Unstorable as refused:
                    for problem in refused.problems:
                        self._paragraph(f"{problem.message}. {problem.hint}", style="warning")
                    return False
                except (OSError, WriteFailed) as failed:
                    self._save_failed(question, value, failed)  # returns when the person asks to try again
                    continue
                return True

        return save

    def _save_failed(self, question: Question, value: Answer, failed: OSError | WriteFailed) -> None:
        """The disk refused the answer (full, read-only): keep the typed text, show it, offer to try again.

        Returns when the person wants the save tried again; raises :class:`UserError` (exit 1)
        when they quit, with their text shown in full just above the message.
        """
        if isinstance(failed, WriteFailed):
            reason = failed.problems[0].message
        else:
            reason = _("could not save {file}: {reason}").format(
                file=self.answers.path, reason=failed.strerror or failed
            )
        self.terminal.say()
        self._paragraph(reason, indent="", style="warning")
        self._paragraph(
            _("Your answer is not lost: here it is in full, to copy if you need it."), indent="", style="warning"
        )
        self._show_typed(question, value)
        again = self.terminal.choose(
            _("Free some space (or make the file writable), then:"),
            [(_("Try saving again"), True), (_("Quit (copy your answer from above first)"), False)],
        )
        if again:
            return
        self._show_typed(question, value)
        file = shlex.quote(str(self.answers.path))
        raise UserError(
            Problem(
                reason,
                _(
                    "Your answer to '{question}' is shown in full above: copy it before you close this window. "
                    "Every earlier answer is in the file. Free some space, then run `careerstory ask {file}` "
                    "and paste it in."
                ).format(question=question.id, file=file),
                self.answers.path,
            )
        ) from None

    def _show_typed(self, question: Question, value: Answer) -> None:
        """``value`` exactly as typed, unwrapped (a wrapped line would not copy back as it was)."""
        lines = typed_lines(question, value)
        rule = "─" * min(40, self.terminal.width - 1)
        self.terminal.show([("class:quiet", rule)])
        for line in lines:
            self.terminal.show([("class:answer", line)])
        self.terminal.show([("class:quiet", rule)])

    def _review(self, block: Block) -> None:
        keep_going = _("Looks right, move on")
        while True:
            self.terminal.say()
            self.terminal.say(_("Your answers in “{block}”:").format(block=_(block.title)), "title")
            for question in block.questions:
                self._paragraph(_(question.prompt))  # whole: a cut prompt ends in half a word
                self.terminal.say(f"      {self._summary_of(question)}", "answer")
            self._coach_notes(block)
            choices: list[tuple[str, Question | None]] = [(keep_going, None)]
            choices += [
                (_("Change: {question}").format(question=shorten(_(q.prompt), self.terminal.width - 14)), q)
                for q in block.questions
            ]
            picked = self.terminal.choose(_("Change one, or move on?"), choices)
            if picked is None:
                return
            self._ask(block, picked)

    def _coach_notes(self, block: Block, most: int = 3) -> None:
        """A few of the review's notes on this block, offered, never asked about."""
        from careerstory.review import question_title, review_sheet

        try:
            text = decode(storage.read_bytes(self.answers.path) or b"", self.answers.path)
        except UserError:
            return
        notes = [note for note in review_sheet(self.answers.sheet, text) if note.block == block.id]
        if not notes:
            return
        self.terminal.say()
        self.terminal.say(_("A coach might push back on:"))
        for note in notes[:most]:
            # The question as they were asked it, not its id in the file.
            where = question_title(self.bank, note.address)
            self._paragraph(_("{question}: {note}").format(question=where, note=note.message), indent="  ")
        if len(notes) > most:
            more = n_("and {n} more note", "and {n} more notes", len(notes) - most).format(n=len(notes) - most)
            file = shlex.quote(str(self.answers.path))
            self.terminal.say("  " + _("{more}: careerstory review {file}").format(more=more, file=file))

    def _summary_of(self, question: Question) -> str:
        width = self.terminal.width - 8
        sheet = self.answers.sheet
        if not sheet.answered(question):
            return _("(open)")
        if question.shape.items:
            return shorten("; ".join(sheet.items(question.id)), width)
        if question.shape.records:
            titles = [entry_title(question, entry, width) for entry in sheet.entries(question.id)]
            return shorten("; ".join(titles), width)
        return shorten(sheet.text(question.id), width)

    def _summary(self) -> None:
        say = self.terminal.say
        file = shlex.quote(str(self.answers.path))
        say()
        say(_("Where your brief stands"), "title")
        blocks = progress(self.answers.sheet)
        width = max(len(_(p.block.title)) for p in blocks)
        for block in blocks:
            mark = (
                _("complete")
                if block.complete
                else _("{done} of {total} answered").format(done=block.answered, total=block.total)
            )
            say(f"  {_(block.block.title):<{width}}  {mark}")
        required = open_required(blocks)
        if required:
            say()
            say(_("Still open, and needed for a complete brief:"))
            for question in required:
                say(f"  {shorten(_(question.prompt), self.terminal.width - 4)}")
            say(_("Answer them with: careerstory ask {file}").format(file=file))
        else:
            say()
            say(_("Every question needed for a complete brief has an answer."))
        say()
        say(_("Make your brief with: careerstory render {file} --pdf").format(file=file))
