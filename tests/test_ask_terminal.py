"""The terminal adapter: questionary prompts on a pipe, and how they stop."""

from __future__ import annotations

import pytest

from careerstory.ask.terminal import OpenEditor, scripted
from careerstory.errors import Interrupted

CTRL_C, CTRL_D, CTRL_O = "\x03", "\x04", "\x0f"


def test_a_line_returns_what_was_typed_after_its_default() -> None:
    with scripted(" Okafor\r") as (terminal, _):
        assert terminal.line("Name?", "Maya") == "Maya Okafor"


@pytest.mark.parametrize("stop", [CTRL_C, CTRL_D], ids=["ctrl-c", "ctrl-d"])
def test_ctrl_c_and_ctrl_d_stop_a_line_even_with_text_in_it(stop: str) -> None:
    with scripted("typed" + stop) as (terminal, _), pytest.raises(Interrupted):
        terminal.line("Name?", "Maya")


@pytest.mark.parametrize("stop", [CTRL_C, CTRL_D], ids=["ctrl-c", "ctrl-d"])
def test_ctrl_c_and_ctrl_d_stop_a_pick(stop: str) -> None:
    with scripted("\x1b[B" + stop) as (terminal, _), pytest.raises(Interrupted):
        terminal.choose("Which?", [("a", 1), ("b", 2)])


def test_running_out_of_keys_stops_instead_of_waiting() -> None:
    with scripted("no enter") as (terminal, _), pytest.raises(Interrupted):
        terminal.line("Name?")


def test_a_pick_returns_the_value_even_when_values_are_alike_or_unhashable() -> None:
    entries = [("first", {"name": "Sam"}), ("second", {"name": "Sam"})]
    with scripted("\x1b[B\r") as (terminal, _):
        assert terminal.choose("Which?", entries) is entries[1][1]


def test_a_pick_starts_on_its_default() -> None:
    with scripted("\r") as (terminal, _):
        assert terminal.choose("Status", [("to contact", "to contact"), ("talked", "talked")], "talked") == "talked"


def test_paragraphs_keep_line_breaks_and_say_how_to_finish() -> None:
    with scripted("one\rtwo\x1b\r") as (terminal, shown):
        assert terminal.paragraphs("Why?") == "one\ntwo"
    assert "Finish with Esc then Enter, or Alt-Enter." in shown.getvalue()


def test_the_editor_key_hands_over_what_was_typed() -> None:
    with scripted("half" + CTRL_O) as (terminal, shown):
        assert terminal.paragraphs("Why?", editor_name="nano") == OpenEditor("half")
    assert "Ctrl-O writes it in nano instead." in shown.getvalue()


def test_without_an_editor_the_editor_key_does_nothing() -> None:
    with scripted("half" + CTRL_O + "\x1b\r") as (terminal, shown):
        assert terminal.paragraphs("Why?") == "half"
    assert "Ctrl-O" not in shown.getvalue()


def test_said_words_reach_the_output() -> None:
    with scripted("") as (terminal, shown):
        terminal.say("About you · question 1 of 3", "quiet")
        terminal.question("What is your name?")
    assert shown.getvalue().replace("\r\n", "\n") == "About you · question 1 of 3\n? What is your name?\n"


def test_a_long_line_wraps_at_spaces_with_its_indent_and_keeps_a_command_whole() -> None:
    from careerstory.ask.terminal import Terminal

    terminal = Terminal(output=object())  # a given output: 80 columns
    german = "  Eine leere Antwort überspringt eine Frage. Strg-C beendet; was du bestätigt hast, bleibt gespeichert."
    wrapped = terminal._wrapped(german).split("\n")
    assert len(wrapped) == 2 and all(len(line) < 80 for line in wrapped)
    assert wrapped[1].startswith("  ") and " ".join(w.strip() for w in wrapped) == german.strip()
    command = "Make your brief with: careerstory render /a/very/long/path/to/the/answers/file/careerstory.yaml --pdf"
    assert "\ncareerstory render /a/very/long/path/to/the/answers/file/careerstory.yaml --pdf" in terminal._wrapped(
        command
    )
