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


def careerstory(
    *args: str, cwd: Path | None = None, timeout: float = 60, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "careerstory", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
        check=False,
        env=env,
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


# -- finding 9: what is not a regular file is refused, and no file is read past the limit ----


@pytest.fixture(params=["fifo", "/dev/zero", "a symlink to /dev/zero"])
def special(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    if request.param == "fifo":
        path = tmp_path / "pipe.yaml"
        os.mkfifo(path)
        return path
    if request.param == "/dev/zero":
        return Path("/dev/zero")
    link = tmp_path / "zero.yaml"
    link.symlink_to("/dev/zero")
    return link


@pytest.mark.parametrize(
    "command",
    [["check"], ["review"], ["render"], ["render", "--out", "-"], ["migrate"], ["migrate", "--dry-run"]],
    ids=" ".join,
)
def test_a_pipe_or_a_device_is_refused_by_every_command_without_waiting(
    command: list[str], special: Path, tmp_path: Path
) -> None:
    done = careerstory(*command, str(special), cwd=tmp_path, timeout=20)
    assert done.returncode == 1
    assert "is not a regular file" in done.stderr and "Traceback" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_ask_refuses_a_pipe_or_a_device_before_it_locks_or_reads(special: Path, bank) -> None:
    from careerstory.answers import AnswersFile
    from careerstory.errors import UserError

    with pytest.raises(UserError, match="is not a regular file"), AnswersFile(special, bank):
        pass
    assert not special.with_name(f".{special.name}.lock").exists()


def test_a_folder_is_refused_by_the_one_reading_function(tmp_path: Path, bank) -> None:
    from careerstory.answers import AnswersFile, read
    from careerstory.answers.migrating import migrate_path
    from careerstory.errors import UserError

    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    for attempt in (
        lambda: read(folder, bank),
        lambda: migrate_path(folder, bank, dry_run=True),
        lambda: AnswersFile(folder, bank).__enter__(),
    ):
        with pytest.raises(UserError, match="this is a folder"):
            attempt()


@pytest.mark.parametrize(
    "command", [["check"], ["review"], ["render"], ["migrate"], ["migrate", "--dry-run"]], ids=" ".join
)
def test_a_huge_file_is_refused_after_reading_no_more_than_the_limit(command: list[str], tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as stream:  # sparse: a gigabyte that costs nothing on disk
        stream.write(b"version: 1\nabout:\n  name: ")
        stream.truncate(1 << 30)
    done = careerstory(*command, str(huge), cwd=tmp_path, timeout=20)
    assert done.returncode == 1
    assert "larger than 256 kB" in done.stderr and "Traceback" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["huge.yaml"]


def test_the_reading_function_reads_one_byte_past_the_limit_and_no_more(tmp_path: Path) -> None:
    from careerstory import storage

    path = tmp_path / "big.yaml"
    path.write_bytes(b"x" * 1000)
    assert storage.read_bytes(path, 10) == b"x" * 11
    assert storage.read_bytes(path) == b"x" * 1000
    assert storage.read_bytes(tmp_path / "nothing.yaml") is None
