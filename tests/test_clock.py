"""SOURCE_DATE_EPOCH, read once for every command: the brief's date and the review's today agree."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from careerstory import clock
from careerstory.errors import UserError


@pytest.mark.parametrize("value", ["soon", "-5", "1.5", "1e9", "99999999999999999999"])
def test_a_malformed_epoch_is_an_error_that_says_what_to_set(monkeypatch, value):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(UserError) as refused:
        clock.today()
    assert repr(value) in refused.value.problems[0].message
    assert "1767225600" in refused.value.problems[0].hint


def test_the_epoch_names_the_day_and_an_empty_one_is_unset(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", " 1767225600 ")
    assert clock.today() == dt.date(2026, 1, 1)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "")
    assert clock.source_moment() is None


@pytest.mark.parametrize("command", ["render", "review"])
def test_render_and_review_read_it_alike(tmp_path: Path, command):
    answers = Path(__file__).parent.parent / "examples" / "teacher.yaml"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "tomorrow"}
    done = subprocess.run(
        [sys.executable, "-m", "careerstory", command, str(answers), *(["--out", "-"] if command == "render" else [])],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert done.returncode == 1
    assert "SOURCE_DATE_EPOCH is 'tomorrow', not a number of seconds since 1970" in done.stderr
    assert "Traceback" not in done.stderr
