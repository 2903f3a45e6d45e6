"""Each kind of question as the prompts that answer it.

- ``text``: one line. ``long``: a multi-line prompt, or the person's editor.
- ``list``: one item per prompt; the current items come first, each kept with Enter
  or removed by erasing it, then new ones until an empty line.
- ``group``: records added field by field (a ``choice`` field is a pick from its
  choices), then a loop: add another, change one, remove one, or move on.

An empty answer to a question that has none skips it; erasing a current answer and
confirming the empty prompt clears it. Every change is handed to ``save`` the moment it
is confirmed (each list item, each group record), so an interrupt loses at most the
prompt being typed. ``save`` returns False when it refused the value and said why; the
same prompt comes back holding what was typed, to be fixed.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence

from careerstory import _
from careerstory.answers import Answer, GroupEntry
from careerstory.answers.model import (
    SubRecord,
    entry_filled,
    field_items,
    field_records,
    field_text,
    filled_entries,
    filled_items,
)
from careerstory.ask.editor import Editor, EditorFailed, tidy
from careerstory.ask.terminal import OpenEditor, Terminal
from careerstory.questions import Field, Question

Save = Callable[[Answer], bool]


def ask_answer(
    terminal: Terminal,
    question: Question,
    current: Answer,
    save: Save,
    editor: Editor | None,
    draft: str = "",
    offers: Sequence[str] = (),
) -> None:
    """Ask ``question`` by its kind, starting from the ``current`` answer (or a text question's ``draft``).

    A draft is only a start: it is saved when the person confirms it, as anything typed.
    ``offers`` are the person's own evidence (a skill's, a story's) offered as the
    evidence of a requirement.
    """
    if question.kind == "group":
        terminal.question(_(question.prompt))
        _ask_group(terminal, question, [dict(e) for e in filled_entries(current)], save, editor, offers)
    elif question.kind == "list":
        terminal.question(_(question.prompt))
        _ask_list(terminal, filled_items(current), save)
    else:
        assert isinstance(current, str)
        _ask_text(terminal, question, current, save, editor, draft)


def _ask_text(
    terminal: Terminal, question: Question, current: str, save: Save, editor: Editor | None, draft: str = ""
) -> None:
    typed = draft or current
    while True:
        if question.kind == "long":
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
    kept: list[str] = []
    saved = list(items)
    for position, item in enumerate(items):
        rest = items[position + 1 :]
        typed = item
        while True:
            typed = terminal.line(f"{len(kept) + 1}.", typed, qmark=" ").strip()
            wanted = [*kept, typed, *rest] if typed else [*kept, *rest]
            if wanted == saved or save(wanted):
                break
        saved = wanted
        if typed:
            kept.append(typed)
    while True:
        typed = terminal.line(f"{len(kept) + 1}.", "", qmark=" ").strip()
        while typed and not save([*kept, typed]):
            typed = terminal.line(f"{len(kept) + 1}.", typed, qmark=" ").strip()
        if not typed:
            break
        kept.append(typed)
    if not kept and not items:
        terminal.say("  " + _("Skipped for now."), "quiet")


def entry_title(question: Question, entry: GroupEntry, width: int = 60) -> str:
    """One line naming a record: its first two text fields, then its choices in brackets."""
    texts = [field_text(entry, f.id).strip() for f in question.fields if f.kind == "text"][:2]
    title = " · ".join(text for text in texts if text) or _("(no name)")
    choices = [field_text(entry, f.id).strip() for f in question.fields if f.kind == "choice"]
    if any(choices):
        title += f" ({', '.join(_(c) for c in choices if c)})"  # stored in English, shown translated
    return shorten(title, width)


def shorten(text: str, width: int) -> str:
    """The first line of ``text``, cut with an ellipsis to fit ``width``."""
    lines = text.strip().split("\n")
    first = lines[0]
    if len(first) > width or len(lines) > 1:
        return first[: width - 1].rstrip() + "…"
    return first


def _ask_group(
    terminal: Terminal,
    question: Question,
    entries: list[GroupEntry],
    save: Save,
    editor: Editor | None,
    offers: Sequence[str] = (),
) -> None:
    # A list shown straight after the question needs no blank line above it.
    first_look = bool(entries)
    if not entries:
        first = _(question.fields[0].label)
        terminal.say(
            "  " + _("One at a time, field by field. Leave {field} empty to skip.").format(field=first), "quiet"
        )
        entry = _fill_until_saved(terminal, question, {}, ([], []), editor, save, adding=True, offers=offers)
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
            added = _fill_until_saved(terminal, question, {}, (entries, []), editor, save, adding=True, offers=offers)
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
            terminal, question, entries[picked], others, editor, save, adding=False, offers=offers
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
) -> GroupEntry | None:
    """Fill a record field by field and save it in its place; None when adding is given up.

    ``around`` is the records before and after its place (a new one goes last).
    """
    typed = dict(start)
    while True:
        filled = _fill_entry(terminal, question, typed, editor, adding=adding, offers=offers)
        if filled is None:
            return None
        before, after = around
        whole = [*before, *([filled] if entry_filled(filled) else []), *after]
        if filled == start or save(whole):
            return filled
        typed = filled


def _fill_entry(
    terminal: Terminal,
    question: Question,
    start: GroupEntry,
    editor: Editor | None,
    *,
    adding: bool,
    offers: Sequence[str] = (),
) -> GroupEntry | None:
    entry: GroupEntry = {}
    for position, field in enumerate(question.fields):
        _field_help(terminal, field)
        if field.kind == "group":
            entry[field.id] = _ask_subrecords(terminal, question, field, field_records(start, field.id), editor, offers)
            continue
        if field.kind == "list":
            entry[field.id] = _ask_items(terminal, field, field_items(start, field.id))
            continue
        entry[field.id] = _ask_field(terminal, question, field, field_text(start, field.id), editor)
        if adding and position == 0 and not entry[field.id]:
            return None
    return entry


def _field_help(terminal: Terminal, field: Field) -> None:
    """A field's help and example, when the bank gives them, just above its prompt."""
    said = [_(field.help)] if field.help else []
    if field.example:
        said.append(_("For example: {example}").format(example=_(field.example)))
    for text in said:
        wrapped = textwrap.fill(" ".join(text.split()), terminal.width - 1, initial_indent="  ", subsequent_indent="  ")
        terminal.say(wrapped, "quiet")


def _ask_items(terminal: Terminal, field: Field, items: list[str]) -> list[str]:
    """A record's list field, one item per line: current items kept with Enter, erased to remove."""
    label = f"{_(field.label)}:"
    terminal.say(label, "")
    terminal.say("    " + _("One item per line. An empty line finishes."), "quiet")
    kept: list[str] = []
    for item in items:
        typed = terminal.line(f"  {len(kept) + 1}.", item, qmark=" ").strip()
        if typed:
            kept.append(typed)
    while True:
        typed = terminal.line(f"  {len(kept) + 1}.", "", qmark=" ").strip()
        if not typed:
            return kept
        kept.append(typed)


def _ask_subrecords(
    terminal: Terminal,
    question: Question,
    field: Field,
    records: list[SubRecord],
    editor: Editor | None,
    offers: Sequence[str],
) -> list[SubRecord]:
    """A record's group field (a job's requirements), one record at a time.

    Each need is asked in turn (kept with Enter, erased to remove; an empty new one
    finishes), then what shows the person can: their own evidence offered as choices,
    or, with none yet, how they are closing the gap.
    """
    need, *rest = field.fields
    terminal.say(f"{_(field.label)}:", "")
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
        for sub in rest:
            if sub.id == "plan" and record.get("evidence", "").strip():
                continue  # evidence found: no gap to close
            record[sub.id] = _ask_subfield(terminal, question, sub, record[sub.id], editor, offers)
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
    if field.kind == "long":
        label = f"    {_(field.label)}:"
        return _paragraphs(terminal, label, current, editor, [_(question.prompt), _(field.label)], qmark=" ")
    return terminal.line(f"    {_(field.label)}:", current, qmark=" ").strip()


def _ask_field(terminal: Terminal, question: Question, field: Field, current: str, editor: Editor | None) -> str:
    # Fields sit under their question, indented and without a question mark of their own.
    label = f"{_(field.label)}:"
    if field.kind == "choice":
        # Stored in English, shown in the person's language.
        choices = [(_(choice), choice) for choice in field.choices]
        return terminal.choose(label, choices, default=current or field.choices[0], qmark=" ")
    if field.kind == "long":
        return _paragraphs(terminal, label, current, editor, [_(question.prompt), _(field.label)], qmark=" ")
    return terminal.line(label, current, qmark=" ").strip()
