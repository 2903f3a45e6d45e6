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
