"""The hostile hunt's findings about files (issue 19): nothing overwritten, nothing hangs, no traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import in_process
import pytest

REPO = Path(__file__).parents[1]
EXAMPLES = REPO / "examples"


def careerstory(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return in_process.run(*args, cwd=cwd, env=env)


def careerstory_process(*args: str, cwd: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    """A real process, stopped after ``timeout``: for what must never hang."""
    return subprocess.run(
        [sys.executable, "-m", "careerstory", *args], capture_output=True, text=True, cwd=cwd, timeout=timeout
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
    done = careerstory_process(*command, str(special), cwd=tmp_path, timeout=20)
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
    done = careerstory_process(*command, str(huge), cwd=tmp_path, timeout=20)
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


# -- finding 4: migrate keeps a verified copy first, and takes it away when it fails -----------

V1 = "version: 1\nabout:\n  name: Ada\n  # my aim\n  target_role: Analyst\n"


def _full_disk_after(monkeypatch: pytest.MonkeyPatch, good_writes: int) -> None:
    """The disk fills up part-way through write number ``good_writes + 1``."""
    import errno

    from careerstory import storage

    real = storage.write_all
    calls = {"n": 0}

    def write_all(fd: int, data: bytes) -> None:
        calls["n"] += 1
        if calls["n"] > good_writes:
            real(fd, data[: len(data) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(fd, data)

    monkeypatch.setattr(storage, "write_all", write_all)


def _migrate(path: Path, bank) -> list:
    from careerstory.answers.migrating import migrate_files

    return migrate_files([path], bank, dry_run=False)[1]


@pytest.mark.parametrize("fails", ["the copy", "the file itself"])
def test_a_full_disk_during_migrate_changes_nothing_and_leaves_no_copy(
    fails: str, tmp_path: Path, bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(V1)
    _full_disk_after(monkeypatch, 0 if fails == "the copy" else 1)
    [problem] = _migrate(path, bank)
    assert "No space left on device" in problem.message and "again" in problem.hint
    assert path.read_text() == V1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]
    monkeypatch.undo()
    # Once there is room again, a rerun works cleanly: one copy, under the first name.
    assert _migrate(path, bank) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "a.yaml.v1"]
    assert (tmp_path / "a.yaml.v1").read_text() == V1
    assert path.read_text().startswith("version: 3\n")


def test_a_read_only_file_is_refused_by_migrate_without_leaving_a_copy(tmp_path: Path, bank) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(V1)
    path.chmod(0o444)
    for _attempt in range(2):  # and again: still no .v1, no .v1-2
        [problem] = _migrate(path, bank)
        assert "read-only" in problem.message and "Nothing was written" in problem.hint
        assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]
    path.chmod(0o644)
    assert _migrate(path, bank) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "a.yaml.v1"]


def test_a_copy_that_does_not_read_back_is_removed_and_nothing_changes(
    tmp_path: Path, bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerstory import storage

    path = tmp_path / "a.yaml"
    path.write_text(V1)
    real = storage.read_bytes
    monkeypatch.setattr(
        storage, "read_bytes", lambda p, limit=storage.MAX_BYTES: b"" if p.name.endswith(".v1") else real(p, limit)
    )
    [problem] = _migrate(path, bank)
    assert "copy" in problem.message
    assert path.read_text() == V1 and sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_migrating_a_file_restored_from_its_copy_uses_that_copy_again(tmp_path: Path, bank) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(V1)
    assert _migrate(path, bank) == []
    path.write_bytes((tmp_path / "a.yaml.v1").read_bytes())  # the person went back to version 1
    assert _migrate(path, bank) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "a.yaml.v1"]


def test_a_full_disk_during_migrate_shows_no_traceback(tmp_path: Path) -> None:
    # The real command, its disk filling up as it writes the copy.
    (tmp_path / "a.yaml").write_text(V1)
    script = (
        "import errno, os, sys\n"
        "from careerstory import storage, cli\n"
        "def full(fd, data):\n"
        "    os.write(fd, data[:3])\n"
        "    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))\n"
        "storage.write_all = full\n"
        "sys.argv = ['careerstory', 'migrate', 'a.yaml']\n"
        "cli.main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "No space left on device" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


# -- finding 17: migrate reads every line ending check reads, and keeps every byte -----------


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_migrate_keeps_every_byte_of_moved_comments_whatever_the_line_endings(
    newline: str, tmp_path: Path, bank
) -> None:
    from test_answers_migrating import ODD_V1, ODD_V2

    from careerstory.answers import load_text
    from careerstory.answers.migrating import plan

    # Trailing spaces and tabs after comments that move, and after one that stays.
    def spaced(text: str) -> str:
        return (
            text.replace("because data\n", "because data  \t\n")
            .replace("(second thought)\n", "(second thought)\t\n")
            .replace("new job?\n", "new job? \n")
            .replace("about skills\n", "about skills\t \n")
        )

    old, expected = spaced(ODD_V1).replace("\n", newline), spaced(ODD_V2).replace("\n", newline)
    path = tmp_path / "mine.yaml"
    path.write_bytes(old.encode())
    load_text(old, bank)  # check reads it as valid, so migrate must take it
    assert plan(path, path.read_bytes(), bank).new.decode() == expected


def test_a_note_after_an_empty_answer_keeps_its_trailing_spaces(tmp_path: Path, bank) -> None:
    from careerstory.answers.migrating import plan

    path = tmp_path / "mine.yaml"
    path.write_bytes(b"version: 1\rabout:\r  target_role:    # none yet \t\r  name: Z\r")
    assert plan(path, path.read_bytes(), bank).new == b"version: 3\rabout:\r  # none yet \t\r  name: Z\r"


def test_migrate_upgrades_a_cr_only_file_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "old-mac.yaml"
    path.write_bytes(b"version: 1\rabout:\r  name: Ada\r  target_role: Analyst\r")
    assert careerstory("check", str(path)).returncode == 0
    done = careerstory("migrate", str(path))
    assert done.returncode == 0, done.stderr
    assert path.read_bytes() == b"version: 3\rabout:\r  name: Ada\r\rtargets:\r  jobs:\r    - role: Analyst\r"
    assert careerstory("check", str(path)).returncode == 0


# -- findings 1, 5, 6, 7: every output path of a run is planned and checked before a write ---

FULL = __import__("json").loads((REPO / "tests" / "golden" / "full.answers.json").read_text("utf-8"))


def _with_jobs(write_answers, *roles: str, name: str = "s.yaml") -> Path:
    import copy

    job = FULL["jobs"][0]
    return write_answers({**FULL, "jobs": [{**copy.deepcopy(job), "role": role} for role in roles]}, name)


def _document_counts() -> tuple[int, int]:
    """How many documents are made for a file and each of its jobs, and how many only per job."""
    from careerstory.questions.documents import default_documents

    documents = default_documents()
    return sum(not d.per_job for d in documents), sum(d.per_job for d in documents)


def _render(files: list[Path], **options: object) -> list[Path]:
    from careerstory.questions import default_bank
    from careerstory.render.request import RenderRequest
    from careerstory.render.running import run_render

    return run_render(RenderRequest(tuple(files), force=True, **options), default_bank())  # type: ignore[arg-type]


@pytest.fixture(autouse=False)
def _dated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize(
    "roles",
    [
        ("Designer", "Pitch Designer"),
        ("Pitch",),
        ("Conversations",),
        ("Conversations Lead", "Lead"),
        ("Pitch Conversations", "Conversations", "Pitch"),
        ("Designer", "designer", "DESIGNER"),
        ("Interview", "Letter Designer", "Interview Coach"),
    ],
)
def test_every_document_and_target_of_a_run_gets_a_file_of_its_own(
    roles: tuple[str, ...], write_answers, tmp_path: Path, _dated: None
) -> None:
    from careerstory.render.request import Format

    answers = _with_jobs(write_answers, *roles)
    for targets in (("all",), ()):
        written = _render([answers], documents=("all",), targets=targets, formats=(Format.md,))
        assert len(written) == len(set(written))
    # Tailored and general, every name once: each document for every job and the general
    # one, and those made per job (an interview sheet, a letter) for every job (all applied).
    general, per_job = _document_counts()
    names = [n for n in _files(tmp_path) if n != "s.yaml"]
    assert len(names) == general * (len(roles) + 1) + per_job * len(roles)


def test_tailored_names_are_unique_by_construction(bank) -> None:
    from careerstory.questions.documents import default_documents
    from careerstory.render.targets import document_words, slugs

    words = document_words()
    # The rule the construction rests on: no document's word is another's first word.
    assert all(not (a != b and (a + "-").startswith(b + "-")) for a in words for b in words)
    roles = [*words, *(f"{w} {x}" for w in words for x in ("designer", "lead")), "designer", "lead", "job pitch"]
    made = slugs(roles, [""] * len(roles))
    assert len(set(made)) == len(made)
    names = {doc.file_name.format(stem="s") for doc in default_documents()}
    tailored = [doc.file_name.format(stem="s") + "-" + slug for doc in default_documents() for slug in made]
    assert len(set(tailored)) == len(tailored) and not names & set(tailored)


def test_a_run_that_would_write_one_path_twice_writes_nothing(write_answers, tmp_path: Path, _dated: None) -> None:
    from careerstory.errors import UserError
    from careerstory.render.request import Format

    a = _with_jobs(write_answers, "Designer", name="me.yaml")
    (tmp_path / "b").mkdir()
    b = _with_jobs(write_answers, "Designer", name="b/me.yaml")
    before = _files(tmp_path)
    with pytest.raises(UserError) as caught:
        _render([a, b], documents=("all",), targets=("all",), formats=(Format.md,), out=str(tmp_path / "out"))
    assert any("would both be written to" in p.message for p in caught.value.problems)
    assert _files(tmp_path) == before and not (tmp_path / "out").exists()


@pytest.mark.parametrize("fmt", ["--md", "--html", "--pdf"])
@pytest.mark.parametrize("name", ["other.yaml", "other.YML", "notes.txt", "old.yaml.v1", "no-suffix"])
def test_render_never_writes_over_an_answers_file_whatever_its_name(
    fmt: str, name: str, write_answers, tmp_path: Path
) -> None:
    source = write_answers(FULL, "me.yaml")
    other = tmp_path / name
    other.write_bytes(source.read_bytes().replace(b"Maya", b"Ada"))
    before = _files(tmp_path)
    done = careerstory("render", str(source), fmt, "--out", str(other), cwd=tmp_path)
    assert done.returncode == 1
    assert "answers file" in done.stderr and "Nothing was written" in done.stderr and "Traceback" not in done.stderr
    assert _files(tmp_path) == before


def test_a_broken_answers_file_is_not_written_over_either(write_answers, tmp_path: Path, _dated: None) -> None:
    from careerstory.errors import UserError

    source = write_answers(FULL, "me.yaml")
    broken = tmp_path / "draft.txt"
    broken.write_text("# my answers\nabout:\n  name: [Ada\n")
    with pytest.raises(UserError, match="reads as an answers file"):
        _render([source], out=str(broken))
    assert broken.read_text() == "# my answers\nabout:\n  name: [Ada\n"


def test_one_protected_path_among_many_outputs_stops_the_whole_run(write_answers, tmp_path: Path, _dated: None) -> None:
    from careerstory.errors import UserError
    from careerstory.render.request import Format

    source = _with_jobs(write_answers, "Designer", "Analyst", name="me.yaml")
    out = tmp_path / "out"
    out.mkdir()
    (out / "me-pitch-analyst.md").write_text("version: 2\nabout:\n  name: Kept\n")
    with pytest.raises(UserError, match="reads as an answers file"):
        _render([source], documents=("all",), targets=("all",), formats=(Format.md, Format.html), out=str(out))
    assert [p.name for p in out.iterdir()] == ["me-pitch-analyst.md"]


def test_a_brief_written_before_is_written_over_as_ever(write_answers, tmp_path: Path, _dated: None) -> None:
    source = write_answers(FULL, "me.yaml")
    (first,) = _render([source])
    (again,) = _render([source])
    assert first == again == tmp_path / "me.md"


@pytest.mark.parametrize("targets", [["--target", "all"], ["--target", "Designer", "--target", "Analyst"]])
def test_standard_output_takes_one_document_and_refuses_several_targets(
    targets: list[str], write_answers, tmp_path: Path
) -> None:
    source = _with_jobs(write_answers, "Designer", "Analyst", name="me.yaml")
    done = careerstory("render", str(source), *targets, "--out", "-", cwd=tmp_path)
    assert done.returncode == 1 and done.stdout == ""
    assert "'-' (standard output) takes one document" in done.stderr and "--target" in done.stderr
    one = careerstory("render", str(source), "--target", "Designer", "--out", "-", cwd=tmp_path)
    assert one.returncode == 0 and one.stdout.startswith("# ")


def test_a_very_long_role_gives_file_names_that_fit_and_stay_unique(write_answers, tmp_path: Path) -> None:
    long = "Senior " * 50 + "Designer"
    source = _with_jobs(write_answers, long, long + " II", "Designer", name="me.yaml")
    done = careerstory("render", str(source), "--doc", "all", "--target", "all", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    names = [n for n in _files(tmp_path) if n != "me.yaml"]
    general, per_job = _document_counts()
    assert len(names) == len(set(names)) == (general + per_job) * 3  # --target all: the three jobs only
    assert max(len(n) for n in names) <= len("me-conversations-") + 64 + len(".md")


def test_a_name_too_long_for_the_file_system_is_refused_before_anything_is_written(
    write_answers, tmp_path: Path
) -> None:
    source = _with_jobs(write_answers, "Designer", name="a" * 240 + ".yaml")
    done = careerstory("render", str(source), "--doc", "all", "--target", "all", cwd=tmp_path)
    assert done.returncode == 1
    assert "longer than 255 bytes" in done.stderr and "Traceback" not in done.stderr
    assert [p.name for p in tmp_path.iterdir()] == [source.name]
    out = careerstory("render", str(source), "--out", "x" * 300 + ".md", cwd=tmp_path)
    assert out.returncode == 1 and "Traceback" not in out.stderr


# -- finding 11: a template folder is one, and only what templates can load is walked ---------


@pytest.mark.parametrize("folder", ["/proc", "/usr", "/etc", "/"])
def test_a_system_folder_given_as_templates_is_refused_at_once(folder: str, tmp_path: Path) -> None:
    done = careerstory_process(
        "render", str(EXAMPLES / "teacher.yaml"), "--template-dir", folder, "--out", "x.md", cwd=tmp_path, timeout=20
    )
    assert done.returncode == 1
    assert "is no template folder" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "x.md").exists()


def test_a_folder_without_templates_is_refused_without_being_walked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerstory.errors import UserError
    from careerstory.render.templating import Templates

    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "brief.md").write_text("not a template")
    (folder / "fonts").mkdir()
    (folder / "fonts" / "fonts.conf").write_text("<fontconfig/>")

    def no_walk(*args: object, **kwargs: object) -> None:
        raise AssertionError("walked")

    monkeypatch.setattr(os, "walk", no_walk)
    with pytest.raises(UserError, match="is no template folder"):
        Templates(folder)


def test_a_template_folder_with_more_files_than_any_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from careerstory.errors import UserError
    from careerstory.render import templating
    from careerstory.render.templating import Templates

    monkeypatch.setattr(templating, "MAX_TEMPLATE_FILES", 50)
    folder = tmp_path / "mine"
    (folder / "deep").mkdir(parents=True)
    (folder / "brief.md.j2").write_text("x")
    for n in range(51):
        (folder / "deep" / f"{n}.txt").touch()
    with pytest.raises(UserError, match="no template folder"):
        Templates(folder).fingerprint()


def test_the_fingerprint_covers_what_templates_load_and_skips_what_they_cannot(tmp_path: Path) -> None:
    from careerstory.render.templating import Templates

    folder = tmp_path / "mine"
    (folder / ".git" / "objects").mkdir(parents=True)
    (folder / "brief.css").write_text("body {}")
    (folder / "parts").mkdir()
    before = Templates(folder).fingerprint()
    for n in range(3000):  # a repository's history beside the templates is never walked
        (folder / ".git" / "objects" / str(n)).touch()
    (folder / "__pycache__").mkdir()
    (folder / "__pycache__" / "x.pyc").touch()
    (tmp_path / "outside.j2").write_text("x")
    (folder / "link.j2").symlink_to(tmp_path / "outside.j2")  # points out of the folder: never loaded
    assert Templates(folder).fingerprint() == before
    (folder / "parts" / "part.j2").write_text("x")
    assert Templates(folder).fingerprint() != before


def test_a_template_cannot_load_a_hidden_file(tmp_path: Path, write_answers, _dated: None) -> None:
    from careerstory.errors import UserError

    folder = tmp_path / "mine"
    (folder / ".private").mkdir(parents=True)
    (folder / ".private" / "x.j2").write_text("SECRET")
    (folder / "brief.md.j2").write_text("{% include '.private/x.j2' %}\n")
    with pytest.raises(UserError, match="not a file inside its folder"):
        _render([write_answers(FULL, "me.yaml")], template_dir=folder)
