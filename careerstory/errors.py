"""The project's own exceptions: what a person can fix, and what they asked for."""

from __future__ import annotations

import shutil
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

from careerstory import n_


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, pointed at as precisely as it can be."""

    message: str
    hint: str = ""
    path: Path | None = None
    line: int | None = None  # 1-based, as editors count
    column: int | None = None  # 1-based

    def where(self) -> str:
        """Return ``file:line:column`` (or as much of it as is known)."""
        if self.path is None:
            return ""
        parts = [str(self.path)]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def format(self, width: int | None = None) -> str:
        """The problem as ``file:line:column: error: message`` with the fix indented below.

        With a ``width``, lines are wrapped at spaces to fit it; a path or a word longer
        than the line stays whole.
        """
        where = self.where()
        # The place is an indent of the first line, so a path is never cut, even one with spaces.
        lines = [_wrap(self.message, f"{where}: error: " if where else "error: ", "  ", width)]
        for line in self.hint.splitlines():
            indent = "    " + line[: len(line) - len(line.lstrip(" "))]
            lines.append(_wrap(line.lstrip(" "), indent, indent, width))
        return "\n".join(lines)


def _wrap(text: str, first: str, rest: str, width: int | None) -> str:
    if width is None or len(first + text) <= width:
        return first + text
    return textwrap.fill(
        text,
        width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )


def terminal_width() -> int | None:
    """The width to wrap messages on standard error to: the terminal's, None when it is no terminal."""
    if not sys.stderr.isatty():
        return None
    return shutil.get_terminal_size().columns - 1  # a full last column makes some terminals add a blank line


class UserError(Exception):
    """Something the person can fix: shown as a short message, exit code 1, no traceback."""

    def __init__(self, *problems: Problem) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems

    def format(self, width: int | None = None) -> str:
        """Every problem, one after the other, and how many there are when more than one."""
        text = "\n".join(problem.format(width) for problem in self.problems)
        if len(self.problems) > 1:
            text += "\n" + problems_found(len(self.problems))
        return text


def problems_found(n: int) -> str:
    """The line after a list of problems that says how many there were."""
    return n_(
        "{n} problem found; fix it and run the command again.",
        "{n} problems found; fix them and run the command again.",
        n,
    ).format(n=n)


class Interrupted(Exception):
    """The person pressed Ctrl-C or Ctrl-D; everything confirmed is already on disk."""
