"""Writing a long answer in the person's own editor: ``$VISUAL``, ``$EDITOR``, or a sane default.

The editor opens a temporary file (in the system's temporary folder, never beside the
answers file) holding the question as ``#`` lines, a cut line, and the current answer
under it. Everything down to the cut line is left out of the answer, so an answer may
itself hold lines that start with ``#``; if the person deletes the cut line, the
``#`` lines at the very top are left out instead.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from careerstory import _
from careerstory.errors import Interrupted

CUT_LINE = "# ------------------------ >8 ------------------------"
_FALLBACKS = ("editor", "nano", "vi")


class EditorFailed(Exception):
    """The editor could not start or gave up; the answer stays as it was."""


@dataclass(frozen=True)
class Editor:
    """An editor command, as the person configured it."""

    command: tuple[str, ...]

    @property
    def name(self) -> str:
        """What to call it on screen: ``nano``, ``vim``, ``code``."""
        name = Path(self.command[0]).name
        if name == "editor":  # Debian's alternative: name the editor it stands for
            real = Path(os.path.realpath(shutil.which(self.command[0]) or self.command[0])).name
            return real.split(".")[0]  # vim.basic is vim to its user
        return name

    def edit(self, text: str, heading: list[str]) -> str:
        """Let the person edit ``text`` under ``heading``; return what they saved."""
        fd, name = tempfile.mkstemp(prefix="careerstory-", suffix=".txt")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as stream:
                stream.write(_with_heading(text, heading))
            try:
                done = subprocess.run([*self.command, name], check=False)
            except KeyboardInterrupt:
                raise Interrupted from None
            except OSError as error:
                raise EditorFailed(
                    _("Could not start {editor}: {reason}.").format(editor=self.name, reason=error.strerror)
                ) from None
            if done.returncode in (-signal.SIGINT, -signal.SIGTERM, 128 + signal.SIGINT):
                raise Interrupted
            if done.returncode != 0:
                raise EditorFailed(
                    _("{editor} stopped with an error (exit code {code}).").format(
                        editor=self.name, code=done.returncode
                    )
                )
            return strip_heading(Path(name).read_text(encoding="utf-8", errors="replace"))
        finally:
            with contextlib.suppress(OSError):
                os.unlink(name)


def _with_heading(text: str, heading: list[str]) -> str:
    lines = [f"# {line}" for line in heading]
    lines += [
        "# " + _("Write your answer under the cut line, then save and close the editor."),
        "# " + _("Everything down to the cut line is left out of the answer."),
        CUT_LINE,
    ]
    return "\n".join(lines) + "\n" + text + ("\n" if text else "")


def strip_heading(saved: str) -> str:
    """The answer in a saved file: what follows the cut line, without edge blank lines."""
    lines = saved.replace("\r\n", "\n").split("\n")
    if CUT_LINE in lines:
        lines = lines[lines.index(CUT_LINE) + 1 :]
    else:
        while lines and lines[0].startswith("#"):
            lines.pop(0)
    return tidy("\n".join(lines))


def tidy(text: str) -> str:
    """No blank lines or spaces at the edges of a long answer; its inner layout stays."""
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def find_editor(environ: dict[str, str] | None = None) -> Editor | None:
    """``$VISUAL``, then ``$EDITOR``, then the first of editor, nano, vi on the PATH."""
    env = os.environ if environ is None else environ
    for variable in ("VISUAL", "EDITOR"):
        words = shlex.split(env.get(variable, ""))
        if words:
            return Editor(tuple(words))
    for candidate in _FALLBACKS:
        found = shutil.which(candidate, path=env.get("PATH"))
        if found:
            return Editor((found,))
    return None
