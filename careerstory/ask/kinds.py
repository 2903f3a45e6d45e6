"""Each kind of question as the prompts that answer it.

- ``text``: one line. ``long``: a multi-line prompt, or the person's editor.
- ``list``: one item per prompt; the current items come first, each kept with Enter
  or removed by erasing it, then new ones until an empty line.
- ``group``: records added field by field (a ``choice`` field is a pick from its
  choices), then a loop: add another, change one, remove one, or move on.

An empty answer to a question that has none skips it; erasing a current answer and
confirming the empty prompt clears it. Every change is handed to ``save`` the moment it
is confirmed (each list item, each field of a group's record), so an interrupt loses at
most the prompt being typed. ``save`` returns False when it refused the value and said why; the
same prompt comes back holding what was typed, to be fixed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from careerstory import _
from careerstory.answers import Answer, GroupEntry
from careerstory.answers.model import (
    FieldValue,
    SubRecord,
    empty_field,
    entry_filled,
    field_items,
    field_records,
    field_text,
    filled_entries,
    filled_items,
)
from careerstory.answers.recipes import WRAPPED
from careerstory.ask.editor import Editor, EditorFailed, tidy
from careerstory.ask.terminal import OpenEditor, Terminal, wrap
from careerstory.questions import Field, Question

Save = Callable[[Answer], bool]


@dataclass(frozen=True)
class Drafting:
    """What ``ask`` offers while a record is filled: drafts of what a reader sees, dates, starting points.

    ``draft(field_id, record)`` is careerstory's draft of a field for the record as it
    stands ("" when it has none) and the notes on what it left out; ``date(days)`` is
    the day ``days`` from today, as the file's language writes it; ``seeds`` are lines
    of the person's own evidence a new record (a story) can grow from, and
    ``seed(line)`` the fields a chosen line fills.
    """

    draft: Callable[[str, GroupEntry], tuple[str, tuple[str, ...]]]
    date: Callable[[int], str]
    seeds: Sequence[str] = ()
    seed: Callable[[str], dict[str, str]] = dataclass_field(default=lambda line: {})


def ask_answer(
    terminal: Terminal,
    question: Question,
    current: Answer,
    save: Save,
    editor: Editor | None,
    draft: str = "",
    offers: Sequence[str] = (),
    drafting: Drafting | None = None,
) -> None:
    """Ask ``question`` by its kind, starting from the ``current`` answer (or a text question's ``draft``).

    A draft is only a start: it is saved when the person confirms it, as anything typed.
    ``offers`` are the person's own evidence (a skill's, a story's) offered as the
    evidence of a requirement.
    """
    if question.shape.records:
        terminal.question(_(question.prompt))
        _ask_group(terminal, question, [dict(e) for e in filled_entries(current)], save, editor, offers, drafting)
    elif question.shape.items:
        terminal.question(_(question.prompt))
        _ask_list(terminal, filled_items(current), save)
    else:
        assert isinstance(current, str)
        _ask_text(terminal, question, current, save, editor, draft)


def laid_out(draft: str, width: int) -> str:
    """A draft's long lines broken at words to fit the prompt, which would otherwise cut words in two.

    Documents read a break after a line of 50 characters or more as a space, so the
    paragraphs stay whole wherever the draft goes; a narrow terminal keeps the lines whole.
    """
    if width < WRAPPED + 10:
        return draft
    lines = []
    for line in draft.split("\n"):
        lines.extend(wrap(line, width).split("\n") if len(line) > width else [line])
    return "\n".join(lines)


def _ask_text(
    terminal: Terminal, question: Question, current: str, save: Save, editor: Editor | None, draft: str = ""
) -> None:
    typed = laid_out(draft, terminal.width - 4) if draft and question.shape.block else draft or current
    while True:
        if question.shape.block:
            typed = _paragraphs(terminal, _(question.prompt), typed, editor, [_(question.prompt)])
        else:
            typed = terminal.line(_(question.prompt), typed).strip()
        if typed == current:
            if not typed.strip():
                terminal.say("  " + _("Skipped for now."), "quiet")
            return
        if save(typed):
            if not typed:
                terminal.say("  " + _("Cleared."), "quiet")
            return


def _paragraphs(
    terminal: Terminal, message: str, typed: str, editor: Editor | None, heading: list[str], qmark: str = "?"
) -> str:
    """Several lines from the prompt, or from the editor when the person asks for it."""
    while True:
        result = terminal.paragraphs(message, typed, editor_name=editor.name if editor else None, qmark=qmark)
        if not isinstance(result, OpenEditor):
            return tidy(result)
        assert editor is not None
        try:
            written = editor.edit(result.text, heading)
        except EditorFailed as failure:
            terminal.say(f"  {failure} " + _("Your text is back in the prompt."), "warning")
            typed = result.text
            continue
        _echo(terminal, written)
        return written


def _echo(terminal: Terminal, text: str) -> None:
    for line in text.split("\n") if text else [_("(empty)")]:
        terminal.say(f"  │ {line}", "answer")


def _ask_list(terminal: Terminal, items: list[str], save: Save) -> None:
    if items:
        terminal.say("  " + _("Enter keeps an item; erase it to remove it. An empty line finishes."), "quiet")
    else:
        terminal.say("  " + _("One item per line. An empty line finishes."), "quiet")
    saved = list(items)

    def keep(wanted: list[str]) -> bool:
        nonlocal saved
        if wanted != saved and not save(wanted):  # an item kept as it was is not saved again
            return False
        saved = wanted
        return True

    if not _typed_items(terminal, items, keep) and not items:
        terminal.say("  " + _("Skipped for now."), "quiet")


def _typed_items(
    terminal: Terminal, items: list[str], keep: Callable[[list[str]], bool], indent: str = ""
) -> list[str]:
    """Items one per line: each current one kept with Enter or erased to remove it, then new ones.

    ``keep`` gets the whole list the moment an item is confirmed; an item it refuses is
    asked again. An empty new line finishes; the items kept are returned.
    """
    kept: list[str] = []
    for position, item in enumerate(items):
        rest = items[position + 1 :]
        typed = item
        while True:
            typed = terminal.line(f"{indent}{len(kept) + 1}.", typed, qmark=" ").strip()
            if keep([*kept, typed, *rest] if typed else [*kept, *rest]):
                break
        if typed:
            kept.append(typed)
    while True:
        typed = terminal.line(f"{indent}{len(kept) + 1}.", "", qmark=" ").strip()
        while typed and not keep([*kept, typed]):
            typed = terminal.line(f"{indent}{len(kept) + 1}.", typed, qmark=" ").strip()
        if not typed:
            return kept
        kept.append(typed)


def typed_lines(question: Question, value: Answer) -> list[str]:
    """An answer as the lines a person typed: a text as it is, list items and records as ``- `` lines."""
    if isinstance(value, str):
        return value.split("\n") if value else [_("(empty)")]
    if question.shape.items:
        return [f"- {item}" for item in value if isinstance(item, str)]
    lines: list[str] = []
    for entry in value:
        assert isinstance(entry, dict)
        marker = "- "
        for field in question.fields:
            held = entry.get(field.id, "")
            text = "; ".join(field_items(entry, field.id)) if isinstance(held, list) else held
            if not text:
                continue
            first, *more = text.split("\n")
            lines.append(f"{marker}{_(field.label)}: {first}")
            lines += [f"    {line}" for line in more]
            marker = "  "
    return lines


def entry_title(question: Question, entry: GroupEntry, width: int = 60) -> str:
    """One line naming a record: its first two text fields, then its choices in brackets."""
    texts = [field_text(entry, f.id).strip() for f in question.fields if f.shape.line][:2]
    title = " · ".join(text for text in texts if text) or _("(no name)")
    choices = [field_text(entry, f.id).strip() for f in question.fields if f.shape.pick]
    if any(choices):
        title += f" ({', '.join(_(c) for c in choices if c)})"  # stored in English, shown translated
    return shorten(title, width)


def shorten(text: str, width: int) -> str:
    """The first line of ``text``, cut with an ellipsis to fit ``width``: between words, never inside one.

    Only a first word longer than the whole line is cut inside itself.
    """
    lines = text.strip().split("\n")
    first = lines[0]
    if len(first) > width or len(lines) > 1:
        cut = first[: width - 1]
        if len(first) > width - 1 and first[width - 1] != " " and " " in cut.strip():
            cut = cut.rsplit(" ", 1)[0]
        return cut.rstrip(" ,;:·-–—") + "…"
    return first


def _ask_group(
    terminal: Terminal,
    question: Question,
    entries: list[GroupEntry],
    save: Save,
    editor: Editor | None,
    offers: Sequence[str] = (),
    drafting: Drafting | None = None,
) -> None:
    # A list shown straight after the question needs no blank line above it.
    first_look = bool(entries)
    if not entries:
        first = _(question.fields[0].label)
        terminal.say(
            "  " + _("One at a time, field by field. Leave {field} empty to skip.").format(field=first), "quiet"
        )
        entry = _fill_until_saved(
            terminal, question, {}, ([], []), editor, save, adding=True, offers=offers, drafting=drafting
        )
        if entry is None:
            terminal.say("  " + _("Skipped for now."), "quiet")
            return
        entries = [entry]
    while True:
        if not first_look:
            terminal.say()
        first_look = False
        for number, entry in enumerate(entries, 1):
            terminal.say(f"  {number}. {entry_title(question, entry, terminal.width - 8)}")
        action = terminal.choose(
            _("What next?"),
            [
                (_("Add another"), "add"),
                (_("Change one"), "change"),
                (_("Remove one"), "remove"),
                (_("Move on"), "done"),
            ],
        )
        if action == "done":
            return
        if action == "add":
            added = _fill_until_saved(
                terminal, question, {}, (entries, []), editor, save, adding=True, offers=offers, drafting=drafting
            )
            if added is not None:
                entries = [*entries, added]
            continue
        picked = _pick_entry(terminal, question, entries, _("Which one?"))
        if picked is None:
            continue
        if action == "remove":
            remaining = entries[:picked] + entries[picked + 1 :]
            if save(remaining):
                terminal.say("  " + _("Removed {entry}.").format(entry=entry_title(question, entries[picked])), "quiet")
                entries = remaining
            continue
        others = (entries[:picked], entries[picked + 1 :])
        changed = _fill_until_saved(
            terminal, question, entries[picked], others, editor, save, adding=False, offers=offers, drafting=drafting
        )
        if changed is not None:
            # A record whose every field was erased is gone, as it is on disk.
            kept = [changed] if entry_filled(changed) else []
            entries = [*others[0], *kept, *others[1]]


def _pick_entry(terminal: Terminal, question: Question, entries: list[GroupEntry], message: str) -> int | None:
    choices: list[tuple[str, int | None]] = [
        (entry_title(question, entry, terminal.width - 8), index) for index, entry in enumerate(entries)
    ]
    return terminal.choose(message, [*choices, (_("Back"), None)])


def _fill_until_saved(
    terminal: Terminal,
    question: Question,
    start: GroupEntry,
    around: tuple[list[GroupEntry], list[GroupEntry]],
    editor: Editor | None,
    save: Save,
    *,
    adding: bool,
    offers: Sequence[str] = (),
    drafting: Drafting | None = None,
) -> GroupEntry | None:
    """Fill a record field by field, saving it in its place as each field is confirmed.

    ``around`` is the records before and after its place (a new one goes last). A record
    stopped half way (Ctrl-C) is on disk with the fields confirmed so far: an open
    record, which ``check`` lists. None when adding is given up at the first field.
    """
    before, after = around
    # Fields not asked yet keep what they hold; a new record's are empty, as on disk.
    record: GroupEntry = {f.id: start.get(f.id, empty_field(f)) for f in question.fields}
    saved = dict(record) if start else {}

    def keep(field_id: str, value: FieldValue) -> bool:
        nonlocal saved
        wanted = {**record, field_id: value}
        if wanted != saved:
            whole = [*before, *([wanted] if entry_filled(wanted) else []), *after]
            if not save(whole):
                return False
            saved = wanted
        record[field_id] = value
        return True

    seeded: dict[str, str] = {}
    if adding and drafting is not None and drafting.seeds:
        seeded = _pick_seed(terminal, drafting)
    offered = _Offered(drafting, start, record, seeded)
    if not _fill_entry(terminal, question, start, editor, keep, adding=adding, offers=offers, offered=offered):
        return None
    return record


def _pick_seed(terminal: Terminal, drafting: Drafting) -> dict[str, str]:
    """A line of the person's own evidence to grow the new record from, or nothing."""
    choices: list[tuple[str, str]] = [(shorten(line, terminal.width - 12), line) for line in drafting.seeds]
    picked = terminal.choose(
        _("Grow it from a line of your evidence?"), [*choices, (_("Start from scratch"), "")], qmark=" "
    )
    return drafting.seed(picked) if picked else {}


@dataclass
class _Offered:
    """What a record's fields are offered while it is filled: drafts, today's date, a seed line's fields."""

    drafting: Drafting | None
    start: GroupEntry
    record: GroupEntry  # the record as confirmed so far
    seeded: dict[str, str]

    def status_changed(self) -> bool:
        return bool(self.start) and field_text(self.record, "status") != field_text(self.start, "status")

    def became(self, status: str) -> bool:
        return field_text(self.record, "status") == status and field_text(self.start, "status") != status

    def default(self, field: Field, current: str) -> str:
        """The text a field's prompt starts from: what it holds, else a seed, a date or a draft."""
        if self.drafting is not None and self.became("contacted"):
            if field.id == "contacted_on":
                return self.drafting.date(0)
            if field.id == "due":
                return self.drafting.date(14)
        if current.strip():
            return current
        if field.id in self.seeded:
            return self.seeded[field.id]
        return ""


def _fill_entry(
    terminal: Terminal,
    question: Question,
    start: GroupEntry,
    editor: Editor | None,
    keep: Callable[[str, FieldValue], bool],
    *,
    adding: bool,
    offers: Sequence[str] = (),
    offered: _Offered | None = None,
) -> bool:
    """Ask each field in turn and hand it to ``keep``; False when adding is given up."""
    for position, field in enumerate(question.fields):
        _field_help(terminal, field)
        if field.shape.records:
            records = _ask_subrecords(
                terminal,
                question,
                field,
                field_records(start, field.id),
                editor,
                offers,
                functools.partial(keep, field.id),
            )
            while not keep(field.id, records):
                pass  # the save was refused and the person chose to try again
            continue
        if field.shape.items:
            _ask_items(terminal, field, field_items(start, field.id), functools.partial(keep, field.id))
            continue
        value = field_text(start, field.id)
        if offered is not None:
            value = offered.default(field, value)
            if field.draft:
                value = _offer_draft(terminal, field, value, offered)
        while True:
            value = _ask_field(terminal, question, field, value, editor)
            if adding and position == 0 and not value:
                return False
            if keep(field.id, value):
                break
    return True


def _offer_draft(terminal: Terminal, field: Field, current: str, offered: _Offered) -> str:
    """The text a drafted field's prompt starts from; the person's own is never replaced unasked.

    Empty: careerstory's draft. After a status change: the current text shown, then the
    draft the new status calls for, and the person chooses; declining keeps their text.
    """
    if offered.drafting is None:
        return current
    draft, notes = offered.drafting.draft(field.id, dict(offered.record))
    if not draft or draft == current:
        return current
    if not current.strip():
        _say_paragraph(
            terminal,
            _("A draft made from your own answers is in the prompt. Make it yours: change any word, then confirm."),
        )
        for note in notes:
            _say_paragraph(terminal, note)
        return laid_out(draft, terminal.width - 4) if field.shape.block else draft
    if not offered.status_changed():
        return current
    terminal.say("  " + _("Your current message:"), "quiet")
    _quote(terminal, current)
    terminal.say("  " + _("A draft for their new status:"), "quiet")
    _quote(terminal, draft)
    for note in notes:
        _say_paragraph(terminal, note)
    if terminal.confirm(_("Start from the new draft? (No keeps your current message.)"), default=True):
        return laid_out(draft, terminal.width - 4) if field.shape.block else draft
    return current


def _quote(terminal: Terminal, text: str) -> None:
    """A text shown to be read, each line wrapped to the terminal behind a bar."""
    for line in text.split("\n"):
        terminal.say(wrap(line, terminal.width - 1, "  │ ") if line.strip() else "  │", "answer")


def _say_paragraph(terminal: Terminal, text: str) -> None:
    terminal.say(wrap(" ".join(text.split()), terminal.width - 1, "  "), "quiet")


def _field_help(terminal: Terminal, field: Field) -> None:
    """A field's help and example, when the bank gives them, just above its prompt."""
    said = [_(field.help)] if field.help else []
    if field.example:
        said.append(_("For example: {example}").format(example=_(field.example)))
    for text in said:
        terminal.say(wrap(" ".join(text.split()), terminal.width - 1, "  "), "quiet")


def _ask_items(terminal: Terminal, field: Field, items: list[str], keep: Callable[[list[str]], bool]) -> list[str]:
    """A record's list field, one item per line: current items kept with Enter, erased to remove.

    Each item goes to ``keep`` the moment it is entered; a refused one is asked again.
    """
    label = f"  {_(field.label)}:"
    terminal.say(label, "")
    terminal.say("    " + _("One item per line. An empty line finishes."), "quiet")
    return _typed_items(terminal, items, keep, indent="  ")


def _ask_subrecords(
    terminal: Terminal,
    question: Question,
    field: Field,
    records: list[SubRecord],
    editor: Editor | None,
    offers: Sequence[str],
    keep: Callable[[list[SubRecord]], bool],
) -> list[SubRecord]:
    """A record's group field (a job's requirements), one record at a time.

    Each need is asked in turn (kept with Enter, erased to remove; an empty new one
    finishes), then what shows the person can: their own evidence offered as choices,
    or, with none yet, how they are closing the gap.
    """
    need, *rest = field.fields
    terminal.say(f"  {_(field.label)}:", "")
    terminal.say("    " + _("One at a time. An empty line finishes."), "quiet")
    kept: list[SubRecord] = []
    pending = list(records)
    while True:
        current = pending.pop(0) if pending else {}
        typed = terminal.line(f"  {len(kept) + 1}. {_(need.label)}:", current.get(need.id, ""), qmark=" ").strip()
        if not typed:
            if pending or current:
                continue  # erased: this one goes, the next is asked
            return kept
        record = {sub.id: current.get(sub.id, "") for sub in field.fields}
        record[need.id] = typed
        # Saved as each part is confirmed, like every field: Ctrl-C keeps what was given.
        keep([*kept, dict(record), *pending])
        for sub in rest:
            if sub.id == "plan" and record.get("evidence", "").strip():
                continue  # evidence found: no gap to close
            record[sub.id] = _ask_subfield(terminal, question, sub, record[sub.id], editor, offers)
            keep([*kept, dict(record), *pending])
        kept.append(record)


def _ask_subfield(
    terminal: Terminal, question: Question, field: Field, current: str, editor: Editor | None, offers: Sequence[str]
) -> str:
    if field.id == "evidence" and offers and not current.strip():
        choices: list[tuple[str, str]] = [(shorten(offer, terminal.width - 12), offer) for offer in offers]
        picked = terminal.choose(
            "    " + _("Which of your evidence shows it?"),
            [*choices, (_("Write it myself"), "\0write"), (_("None yet: I'll write my plan"), "")],
            qmark=" ",
        )
        if not picked:
            return ""
        current = "" if picked == "\0write" else picked
    if field.shape.block:
        label = f"    {_(field.label)}:"
        return _paragraphs(terminal, label, current, editor, [_(question.prompt), _(field.label)], qmark=" ")
    return terminal.line(f"    {_(field.label)}:", current, qmark=" ").strip()


def _ask_field(terminal: Terminal, question: Question, field: Field, current: str, editor: Editor | None) -> str:
    # Fields sit under their question, indented and without a question mark of their own.
    label = f"{_(field.label)}:"
    if field.shape.pick:
        # Stored in English, shown in the person's language.
        choices = [(_(choice), choice) for choice in field.choices]
        return terminal.choose(label, choices, default=current or field.choices[0], qmark=" ")
    if field.shape.block:
        return _paragraphs(terminal, label, current, editor, [_(question.prompt), _(field.label)], qmark=" ")
    return terminal.line(label, current, qmark=" ").strip()
