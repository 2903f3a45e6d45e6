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


# -- the screen at 80 columns: nothing cut inside a word, nothing left dangling --------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from careerstory import _  # noqa: E402
from careerstory.ask.kinds import shorten  # noqa: E402
from careerstory.ask.terminal import wrap  # noqa: E402
from careerstory.i18n import using  # noqa: E402
from careerstory.questions import default_bank  # noqa: E402

LANGUAGES = ["en", "de", "fr", "es", "pl"]
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöü.,-", min_size=1, max_size=14)


def screen(shown: str) -> list[str]:
    return shown.replace("\r\n", "\n").split("\n")


@given(st.lists(WORDS, min_size=1, max_size=60), st.integers(20, 80), st.sampled_from(["", "  ", "    "]))
def test_wrapping_keeps_every_word_whole_fits_and_leaves_no_word_alone_below(
    words: list[str], width: int, indent: str
) -> None:
    lines = wrap(" ".join(words), width, indent).split("\n")
    assert " ".join(line.strip() for line in lines).split(" ") == words
    assert all(len(line) <= width or len(line.split()) == 1 for line in lines)
    if len(lines) >= 2 and len(lines[-1].split()) == 1:
        # alone only when the line above could not give it a companion
        assert len(lines[-2].split()) < 3 or len(f"{indent}{lines[-2].split()[-1]} {lines[-1].strip()}") > width


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_shortened_prompt_ends_between_words_in_every_language(language: str) -> None:
    with using(language):
        prompts = [_(q.prompt) for q in default_bank().questions]
        prompts += [_(f.label) for q in default_bank().questions for f in q.fields]
    for text in prompts:
        for width in range(24, 80):
            cut = shorten(text, width)
            assert len(cut) <= width
            if cut.endswith("…") and cut != text:
                kept = cut[:-1].split()
                whole = text.split()[: len(kept)]
                whole[-1] = whole[-1].rstrip(",;:·-–—")  # a comma before the ellipsis goes
                assert kept == whole, (text, width, cut)  # whole words only


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_how_to_finish_hint_fits_80_columns_whole_in_every_language(language: str) -> None:
    with using(language), scripted("one\x1b\r") as (terminal, shown):
        terminal.paragraphs("Why?", editor_name="vim")
        how = _("Several lines are fine. Finish with Esc then Enter, or Alt-Enter.")
    lines = [line for line in screen(shown.getvalue()) if line.startswith("  ") and len(line.strip()) > 1]
    assert all(len(line) <= 79 for line in lines)
    assert " ".join(how.split()) in " ".join(" ".join(lines).split())


def test_a_typed_answer_is_shown_again_wrapped_between_words() -> None:
    typed = "Maya Okafor, a teacher who moved from chemistry classrooms to training adults at work"
    with scripted(typed + "\r") as (terminal, shown):
        assert terminal.line("What is your name?") == typed
    *_drawn, first, second, _end = screen(shown.getvalue())  # the prompt's own drawing, then the answer again
    assert first.lstrip() == "? What is your name? Maya Okafor, a teacher who moved from chemistry classrooms"
    assert second == "  to training adults at work"


@pytest.mark.parametrize("language", ["de", "fr", "es", "pl"])
def test_a_pick_says_how_to_pick_in_the_persons_language(language: str) -> None:
    with using(language), scripted("\r") as (terminal, shown):
        terminal.choose("?", [("a", 1), ("b", 2)])
        instruction = _("(Use arrow keys)")
    assert instruction != "(Use arrow keys)"
    assert instruction in shown.getvalue()
    assert "Use arrow keys" not in shown.getvalue()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_key_is_named_alike_in_each_language(language: str) -> None:
    """Ctrl-C in one message and Strg-O in another is two keyboards: one word for the Ctrl key per language."""
    import re

    from babel.messages.pofile import read_po

    from careerstory.i18n import catalog_path

    with using(language), scripted("x\x1b\r") as (terminal, shown):
        terminal.paragraphs("Why?", editor_name="vim")
    names = set(re.findall(r"\b(\w+)-O\b", shown.getvalue()))
    if language != "en":
        po = catalog_path(language).with_suffix(".po")
        with po.open(encoding="utf-8") as stream:
            for message in read_po(stream):
                if message.string and isinstance(message.id, str) and "Ctrl-" in message.id:
                    names |= set(re.findall(r"\b(\w+)-[A-Z]\b", str(message.string))) - {"Alt"}
    else:
        names.add("Ctrl")
    assert len(names) == 1, names


def test_a_picked_choice_is_shown_again_wrapped_between_words() -> None:
    message = "Free some space (or make the file writable), then:"
    title = "Quit (copy your answer from above first)"
    with scripted("\x1b[B\r") as (terminal, shown):
        assert terminal.choose(message, [("Try saving again", 1), (title, 2)]) == 2
    *_drawn, first, second, _end = screen(shown.getvalue())
    assert first.lstrip() == "? Free some space (or make the file writable), then: Quit (copy your answer"
    assert second == "  from above first)"
