"""The project's own exceptions: what a person can fix, and what they asked for."""

from __future__ import annotations

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

    def format(self) -> str:
        """The problem as ``file:line:column: error: message`` with the fix indented below."""
        where = self.where()
        head = f"{where}: error: {self.message}" if where else f"error: {self.message}"
        return "\n".join([head, *("    " + line for line in self.hint.splitlines())])


class UserError(Exception):
    """Something the person can fix: shown as a short message, exit code 1, no traceback."""

    def __init__(self, *problems: Problem) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems

    def format(self) -> str:
        """Every problem, one after the other, and how many there are when more than one."""
        text = "\n".join(problem.format() for problem in self.problems)
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
