"""``render --watch``: renders on every change, survives a broken save, stops on Ctrl-C."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from careerstory.errors import UserError
from careerstory.render.request import RenderRequest
from careerstory.render.templating import Templates, builtin_folder
from careerstory.render.watching import file_changes, watch_and_render, watched_paths

VALUES = {"name": "Sam Lee", "current_role": "Shift supervisor", "possible_roles": ["Planner"]}


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def bump(path: Path, text: str) -> None:
    """Write and move the modification time on, as a save a moment later would."""
    stat = path.stat()
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_watch_renders_again_after_each_save_and_survives_a_broken_one(write_answers, bank, capsys) -> None:
    path = write_answers(VALUES)
    brief = path.with_suffix(".md")
    good = path.read_text("utf-8")
    saves = [
        lambda: bump(path, good.replace("Sam Lee", "Sam Lee-Park")),
        lambda: bump(path, "version: 1\nabout: [broken\n"),
        lambda: bump(path, good.replace("Sam Lee", "Samira Lee")),
    ]
    seen: list[str] = []

    def changes() -> Iterator[None]:
        for save in saves:
            seen.append(brief.read_text("utf-8").splitlines()[0])
            save()
            yield None
        seen.append(brief.read_text("utf-8").splitlines()[0])

    watch_and_render(RenderRequest([path], ["md"]), bank, changes=changes())
    assert seen == ["# Sam Lee", "# Sam Lee-Park", "# Sam Lee-Park", "# Samira Lee"]
    err = capsys.readouterr().err
    assert f"{path}:2:8: error: a list opened with '[' is never closed" in err and "Still watching" in err


def test_a_change_that_leaves_the_inputs_as_they_were_renders_nothing(write_answers, bank, capsys) -> None:
    path = write_answers(VALUES)
    watch_and_render(RenderRequest([path], ["md"]), bank, changes=iter([None, None, None]))
    assert capsys.readouterr().err.count("wrote ") == 1


def test_watch_listens_to_the_answers_folder_and_every_template_folder(write_answers, tmp_path: Path) -> None:
    own = tmp_path / "mine"
    (own / "fonts").mkdir(parents=True)
    (own / "brief.css").write_text("body {}", encoding="utf-8")  # a template folder holds a template
    path = write_answers(VALUES)
    templates = Templates(own)
    files, folders = watched_paths(RenderRequest([path], ["md"], template_dir=own), templates)
    assert files == {path.resolve()}
    assert {path.parent.resolve(), own.resolve(), (own / "fonts").resolve(), builtin_folder().resolve()} <= folders


def test_a_real_save_is_seen_by_the_file_watcher(write_answers, tmp_path: Path) -> None:
    import threading

    path = write_answers(VALUES)
    request = RenderRequest([path], ["md"])
    seen = threading.Event()

    def save_soon() -> None:
        import time

        time.sleep(0.3)  # let the watcher start; a save before it would go unseen
        while not seen.is_set():
            bump(path, path.read_text("utf-8"))
            seen.wait(0.5)

    saver = threading.Thread(target=save_soon, daemon=True)
    saver.start()
    give_up = threading.Event()
    timer = threading.Timer(30, give_up.set)  # a watcher that never wakes fails the test, not the suite
    timer.start()
    for _change in file_changes(request, Templates(), stop=give_up):
        seen.set()
        break
    timer.cancel()
    give_up.set()
    saver.join(5)
    assert seen.is_set()


def test_ctrl_c_travels_up_for_the_command_line_to_exit_130(write_answers, bank) -> None:
    def interrupt() -> Iterator[None]:
        raise KeyboardInterrupt
        yield None

    with pytest.raises(KeyboardInterrupt):
        watch_and_render(RenderRequest([write_answers(VALUES)], ["md"]), bank, changes=interrupt())


def test_watch_refuses_standard_output(write_answers) -> None:
    with pytest.raises(UserError):
        RenderRequest([write_answers(VALUES)], ["md"], out="-", watch=True)


def test_watch_hints_wrap_between_words_to_the_terminal(write_answers, bank, capsys, monkeypatch) -> None:
    from careerstory.render import watching

    monkeypatch.setattr(watching, "terminal_width", lambda: 39)
    path = write_answers(VALUES)
    saves = [lambda: bump(path, "version: 1\nabout: [broken\n")]

    def changes() -> Iterator[None]:
        for save in saves:
            save()
            yield None

    watch_and_render(RenderRequest([path], ["md"]), bank, changes=changes())
    err = capsys.readouterr().err.splitlines()
    long_lines = [line for line in err if len(line) > 39 and str(path.parent) not in line]  # a path stays whole
    assert not long_lines
    words = " ".join(err).split()
    for hint in ("Watching for changes; Ctrl-C stops.", "Still watching: save the file again when it is fixed."):
        assert " ".join(hint.split()) in " ".join(words)
