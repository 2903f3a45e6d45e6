"""The terminal adapter: the one module that talks to questionary and prompt_toolkit.

Everything ``ask`` shows or asks goes through a :class:`Terminal`: a line of text, a
few paragraphs, a pick from a list, or plain words printed between prompts. Whatever
the prompt, Ctrl-C and Ctrl-D raise :class:`~careerstory.errors.Interrupted` (questionary's
own ``.ask()`` would swallow them and return None, which reads like an empty answer).

A real terminal is used when no ``input``/``output`` is given. :func:`scripted` gives
the no-terminal path: keys come from a prompt_toolkit pipe and what is shown goes to
plain text, and every prompt runs exactly as it would for a person, keys and all.

questionary and prompt_toolkit are imported inside the methods: start-up of the other
commands must not pay for them (ruff TID253).
"""

from __future__ import annotations

import contextlib
import functools
import io
import re
import shutil
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from careerstory import _
from careerstory.errors import Interrupted

T = TypeVar("T")

MAX_WIDTH = 80

# Colour only where it helps to find one's place: the question, the pointer, the answer.
STYLE_RULES = [
    ("qmark", "fg:ansicyan bold"),
    ("question", "bold"),
    ("answer", "fg:ansicyan"),
    ("pointer", "fg:ansicyan bold"),
    ("highlighted", "fg:ansicyan"),
    ("selected", ""),
    ("instruction", "fg:ansibrightblack"),
    ("title", "bold"),
    ("quiet", "fg:ansibrightblack"),
    ("warning", "fg:ansiyellow"),
]

# Key for "write this answer in my editor" inside a multi-line prompt: O for open.
EDITOR_KEY = "c-o"


def editor_key_name() -> str:
    """The editor key as the person's keyboard names it, as every other key in their language."""
    return _("Ctrl-O")


# A command the person may copy: "careerstory" and a command, to the closing backtick or the line's end.
_COMMAND = re.compile(r"careerstory (?:ask|render|check|review|migrate|schema)\b[^`\n]*")


def wrap(text: str, width: int, indent: str = "", subsequent: str | None = None) -> str:
    """``text`` wrapped at spaces to ``width``, never cutting a word, never leaving one alone on the last line.

    A word longer than the line (a path) stays whole; a hyphenated word (``Alt-Enter``) too.
    """
    rest = indent if subsequent is None else subsequent
    lines = textwrap.wrap(
        text, width, initial_indent=indent, subsequent_indent=rest, break_long_words=False, break_on_hyphens=False
    )
    if len(lines) >= 2 and len(lines[-1].split()) == 1 and len(lines[-2].split()) >= 3:
        kept, moved = lines[-2].rsplit(" ", 1)
        last = f"{rest}{moved} {lines[-1].lstrip()}"
        if len(last) <= width:
            lines[-2:] = [kept, last]
    return "\n".join(lines)


@dataclass(frozen=True)
class OpenEditor:
    """What a multi-line prompt returns when the person asks for their editor."""

    text: str  # what was in the prompt when they asked: the editor starts from it


@functools.cache
def _own_style() -> Any:
    from prompt_toolkit.styles import Style

    return Style(STYLE_RULES)


@functools.cache
def _printing_style() -> Any:
    """The style every printed line uses: prompt_toolkit's defaults under careerstory's rules, merged once."""
    from prompt_toolkit.styles import default_ui_style, merge_styles

    return merge_styles([default_ui_style(), _own_style()])


class Terminal:
    """Prompts and printed words, on a real terminal or on the streams tests give."""

    def __init__(self, input: Any = None, output: Any = None) -> None:
        self._input = input
        self._output = output

    @property
    def width(self) -> int:
        """Columns to write in: the terminal's, but never more than 80."""
        if self._output is not None:
            return MAX_WIDTH
        return max(40, min(MAX_WIDTH, shutil.get_terminal_size((MAX_WIDTH, 24)).columns))

    def say(self, text: str = "", style: str = "") -> None:
        """Print a line (or several) between prompts; ``style`` is a class of STYLE_RULES."""
        self.show([(f"class:{style}" if style else "", self._wrapped(text))])

    def _wrapped(self, text: str) -> str:
        """Each line wrapped at spaces to the terminal, its indent kept: translations run longer.

        A command to copy (``careerstory render FILE --pdf``) stays whole on one line.
        """
        lines = []
        for line in text.split("\n"):
            if len(line) < self.width:
                lines.append(line)
                continue
            indent = line[: len(line) - len(line.lstrip(" "))]
            held = _COMMAND.sub(lambda found: found.group(0).replace(" ", "\0"), line[len(indent) :])
            lines.append(wrap(held, self.width - 1, indent).replace("\0", " "))
        return "\n".join(lines)

    def show(self, fragments: Sequence[tuple[str, str]]) -> None:
        """Print styled fragments, ``(style, text)``, followed by a line break."""
        from prompt_toolkit.application import get_app_or_none, get_app_session
        from prompt_toolkit.formatted_text import FormattedText

        if get_app_or_none() is not None:  # a prompt is on the screen: print above it, as prompt_toolkit does
            from prompt_toolkit import print_formatted_text

            print_formatted_text(FormattedText(list(fragments)), style=self._style(), output=self._output)
            return
        from prompt_toolkit.renderer import print_formatted_text as print_fragments

        # prompt_toolkit's own print merges its hundreds of default rules into a new style
        # for every line; the merged style is made once here, and every line reuses it.
        output = self._output or get_app_session().output
        print_fragments(output, FormattedText([*fragments, ("", "\n")]), _printing_style())
        output.flush()

    def question(self, message: str) -> None:
        """Print a question that several prompts answer (a list's items, a group's records)."""
        self.show([("class:qmark", "?"), ("class:question", f" {self._fit(message)}")])

    def _fit(self, message: str) -> str:
        # A question longer than the screen wraps under itself, not at column 0.
        return wrap(message, self.width - 4, "", "  ")

    def line(self, message: str, default: str = "", *, qmark: str = "?") -> str:
        """One line of text; Enter confirms, the default is there to keep or change."""
        import questionary

        question = questionary.text(
            self._fit(message), default=default, qmark=qmark, style=self._style(), **self._streams()
        )
        typed = str(self._run(question, erase=True))
        self._echo(qmark, self._fit(message), typed.split("\n"))
        return typed

    def _echo(self, qmark: str, message: str, answer: list[str]) -> None:
        """A confirmed prompt shown again, its answer wrapped at spaces (the prompt's own wrap cuts words).

        One line of answer follows the question on its line; several go below it, indented.
        """
        *above, last = message.split("\n")
        head = f"{qmark} {last}"
        rows = [("class:qmark", qmark), ("class:question", " " + "\n".join([*above, last]))]
        if len(answer) == 1 and answer[0]:
            wrapped = wrap(f"{head} {answer[0]}", self.width - 1, "", "  ")
            rows.append(("class:answer", wrapped[len(head) :]))
        elif any(answer):
            body = "\n".join(wrap(line, self.width - 1, "  ") if line else "" for line in answer)
            rows.append(("class:answer", "\n" + body))
        self.show(rows)

    def paragraphs(
        self, message: str, default: str = "", *, editor_name: str | None = None, qmark: str = "?"
    ) -> str | OpenEditor:
        """Several lines of text; Esc then Enter (or Alt-Enter) confirms.

        With ``editor_name``, :data:`EDITOR_KEY` leaves the prompt and returns
        :class:`OpenEditor` holding what was typed so far.
        """
        import questionary
        from prompt_toolkit.key_binding import KeyBindings

        how = [
            _("Several lines are fine. Finish with Esc then Enter, or Alt-Enter."),
            # What the documents make of it, so that nobody wraps by hand in fear of breaks.
            _("A blank line starts a new paragraph; a line break after a long line reads as a space."),
        ]
        if editor_name:
            how.append(_("{key} writes it in {editor} instead.").format(key=editor_key_name(), editor=editor_name))
        # prompt_toolkit would cut an instruction longer than the screen: it is wrapped here.
        hint = "\n".join(wrap(line, self.width - 1, "  ") for line in how)
        keys = KeyBindings()
        if editor_name:

            @keys.add(EDITOR_KEY, eager=True)
            def _open_editor(event: Any) -> None:
                event.app.exit(result=OpenEditor(event.app.current_buffer.text))

        question = questionary.text(
            self._fit(message),
            default=default,
            multiline=True,
            qmark=qmark,
            instruction=f"\n{hint}\n>",
            style=self._style(),
            key_bindings=keys,
            **self._streams(),
        )
        result = self._run(question, erase=True)
        if isinstance(result, OpenEditor):
            return result
        self._echo(qmark, self._fit(message), str(result).split("\n"))
        return str(result)

    def choose(
        self, message: str, choices: Sequence[tuple[str, T]], default: T | None = None, *, qmark: str = "?"
    ) -> T:
        """One of ``choices`` (title, value), picked with the arrow keys and Enter."""
        import questionary

        items = [questionary.Choice(title, value=index) for index, (title, _value) in enumerate(choices)]
        start = next((i for i, (_title, value) in enumerate(choices) if default is not None and value == default), 0)
        question = questionary.select(
            self._fit(message),
            choices=items,
            default=items[start],
            qmark=qmark,
            instruction=_("(Use arrow keys)"),
            style=self._style(),
            **self._streams(),
        )
        # Values travel as indexes: questionary compares choice values, and ours may
        # be dicts or repeat.
        picked = int(self._run(question, erase=True))
        self._echo(qmark, self._fit(message), [choices[picked][0]])
        return choices[picked][1]

    def confirm(self, message: str, default: bool = True) -> bool:
        """Yes or no; Enter takes ``default``."""
        import questionary

        question = questionary.confirm(self._fit(message), default=default, style=self._style(), **self._streams())
        agreed = bool(self._run(question, erase=True))
        self._echo("?", self._fit(message), [_("Yes") if agreed else _("No")])
        return agreed

    def _streams(self) -> dict[str, Any]:
        return {"input": self._input, "output": self._output} if self._input is not None else {}

    def _style(self) -> Any:
        return _own_style()

    def _run(self, question: Any, *, erase: bool = False) -> Any:
        """The prompt's answer; with ``erase``, the prompt leaves the screen when done, for :meth:`_echo`."""
        from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

        stop = KeyBindings()

        # prompt_toolkit ends a prompt on Ctrl-D only when it is empty, and select
        # prompts ignore it; here it always means "stop", as the help text says.
        @stop.add("c-d", eager=True)
        def _stop(event: Any) -> None:
            event.app.exit(exception=EOFError)

        app = question.application
        app.erase_when_done = erase
        app.key_bindings = merge_key_bindings([app.key_bindings, stop]) if app.key_bindings else stop
        try:
            return question.unsafe_ask()
        except (KeyboardInterrupt, EOFError):
            raise Interrupted from None


def interrupt() -> None:
    """Stop the conversation from a signal handler (SIGTERM), as Ctrl-C would.

    While a prompt runs, an exception raised in the handler would land inside
    prompt_toolkit's event loop, which prints it and waits for Enter; so the prompt is
    ended from the loop itself instead, and :meth:`Terminal._run` raises as for Ctrl-C.
    """
    from prompt_toolkit.application.current import get_app_or_none

    app = get_app_or_none()
    loop = getattr(app, "loop", None)
    if app is None or not app.is_running or loop is None:
        raise Interrupted

    def end_prompt() -> None:
        if not app.is_done:
            app.exit(exception=KeyboardInterrupt)

    # Thread-safe scheduling also wakes the loop if it is waiting for a key.
    loop.call_soon_threadsafe(end_prompt)


@contextlib.contextmanager
def scripted(keys: str) -> Iterator[tuple[Terminal, io.StringIO]]:
    """A terminal that reads ``keys`` as typed and shows plain text in the returned buffer.

    When the keys run out the input is closed, which reads as Ctrl-D: a script that
    answers fewer prompts than are asked stops with :class:`Interrupted`, never hangs.
    """
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output.plain_text import PlainTextOutput

    shown = io.StringIO()
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        pipe.close()
        yield Terminal(pipe, PlainTextOutput(shown)), shown
