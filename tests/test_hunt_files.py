"""The hostile hunt's findings about files (issue 19): nothing overwritten, nothing hangs, no traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).parents[1]
EXAMPLES = REPO / "examples"


def careerstory(*args: str, cwd: Path | None = None, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "careerstory", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
        check=False,
        **kwargs,  # type: ignore[call-overload]
    )


# -- finding 12: a closed pipe ends careerstory quietly -------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["check", *(str(p) for p in sorted(EXAMPLES.glob("*.yaml")))],
        ["review", str(EXAMPLES / "teacher.yaml")],
        ["render", str(EXAMPLES / "teacher.yaml"), "--out", "-"],
        ["schema"],
    ],
    ids=["check", "review", "render", "schema"],
)
def test_a_reader_that_has_gone_ends_careerstory_quietly_by_sigpipe(args: list[str]) -> None:
    # The read end is closed before careerstory starts, so its first write meets a broken pipe.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "careerstory", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert done.returncode == -signal.SIGPIPE  # what `yes | head -1` gives yes: 141 in the shell
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
    assert "error" not in done.stderr


# -- finding 16: one lock per answers file, whatever TMPDIR or the user ---------------------

_HOLD_LOCK = """
import sys
from pathlib import Path
from careerstory.storage import FileLock
lock = FileLock(Path(sys.argv[1]))
lock.acquire()
print("held", flush=True)
sys.stdin.read()
lock.release()
"""


@pytest.mark.parametrize("how", ["same path", "through a symlink", "relative path"])
def test_two_commands_on_one_file_exclude_each_other_whatever_their_tmpdir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    from careerstory.errors import UserError
    from careerstory.storage import FileLock

    answers = tmp_path / "f.yaml"
    answers.write_text("version: 2\n")
    other_tmp = tmp_path / "other-tmp"
    other_tmp.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(answers)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(other_tmp)},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        mine = tmp_path / "mine"
        mine.mkdir()
        monkeypatch.setenv("TMPDIR", str(mine))
        monkeypatch.setattr("tempfile.tempdir", None)
        if how == "through a symlink":
            (tmp_path / "link.yaml").symlink_to(answers)
            path = tmp_path / "link.yaml"
        elif how == "relative path":
            monkeypatch.chdir(tmp_path)
            path = Path("f.yaml")
        else:
            path = answers
        with pytest.raises(UserError, match="already open in another"):
            FileLock(path).acquire()
    finally:
        holder.communicate("", timeout=30)
    # Let go, the lock leaves nothing beside the file.
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    lock = FileLock(answers)
    lock.acquire()
    lock.release()


def test_a_lock_file_that_cannot_be_made_beside_the_file_is_said_plainly(tmp_path: Path) -> None:
    from careerstory.errors import UserError
    from careerstory.storage import FileLock

    (tmp_path / "f.yaml").write_text("version: 2\n")
    # Its "folder" is a file: refused for any user, root included.
    with pytest.raises(UserError, match="cannot lock"):
        FileLock(tmp_path / "f.yaml" / "x.yaml").acquire()
