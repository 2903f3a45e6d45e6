"""careerstory's command line run inside the test's own process, giving what a subprocess gives.

Starting ``python -m careerstory`` again costs about half a second of imports each time,
some 200 times a suite. Here ``careerstory.cli.main`` runs as the command does, the one
place where errors become exit codes, with its own argument list, folder, environment,
standard input and output, all put back afterwards; a bug's traceback lands in stderr as
it would. Tests about the process itself (a closed pipe, a signal, what start-up
imports, a terminal) start a real one.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import traceback
import types
from pathlib import Path


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    raw = stream.buffer.getvalue()  # type: ignore[attr-defined]
    # As subprocess.run(text=True) reads it: universal newlines.
    return raw.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")


def _exit_code(stop: SystemExit) -> int:
    if stop.code is None:
        return 0
    if isinstance(stop.code, int):
        return stop.code
    print(stop.code, file=sys.stderr)  # sys.exit("message"), as Python itself shows it
    return 1


def run(
    *args: str, cwd: Path | str | None = None, env: dict[str, str] | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """``careerstory ARGS`` in folder ``cwd`` with environment ``env`` (default: this one's)."""
    from careerstory.cli import main

    saved_argv, saved_streams, saved_main = sys.argv, (sys.stdin, sys.stdout, sys.stderr), sys.modules["__main__"]
    saved_folder, saved_env = os.getcwd(), dict(os.environ)
    pipe = signal.getsignal(signal.SIGPIPE) if hasattr(signal, "SIGPIPE") else None
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="", write_through=True)
    stderr = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="", write_through=True)
    try:
        # Click names the program after __main__, as `python -m careerstory` would have it.
        sys.argv = [str(Path(main.__code__.co_filename).with_name("__main__.py")), *args]
        stand_in = types.ModuleType("__main__")
        stand_in.__package__ = "careerstory"
        sys.modules["__main__"] = stand_in
        if cwd is not None:
            os.chdir(cwd)
        if env is not None:
            os.environ.clear()
            os.environ.update(env)
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
        sys.stdout, sys.stderr = stdout, stderr
        try:
            main()
            code = 0
        except SystemExit as stop:
            code = _exit_code(stop)
        except BaseException:  # a bug: its traceback, as the command prints it
            traceback.print_exc(file=sys.stderr)
            code = 1
        return subprocess.CompletedProcess(["careerstory", *args], code, _text(stdout), _text(stderr))
    finally:
        sys.argv = saved_argv
        sys.modules["__main__"] = saved_main
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        os.chdir(saved_folder)
        os.environ.clear()
        os.environ.update(saved_env)
        if pipe is not None:
            signal.signal(signal.SIGPIPE, pipe)
