"""`careerstory board`: a coach's caseload, one row per file, the client who most needs attention first."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from test_steps import EXAMPLES, MARCH_1, MARCH_20, TEACHER, run, with_dues

from careerstory.answers.report import check_files
from careerstory.questions import default_bank
from careerstory.review import review_files

BROKEN = "version: 3\nabout:\n  name: [unclosed\n"
ODD_NAME = "<b>Sam</b> *bold* | pipe & co"


def rows(markdown: str) -> list[list[str]]:
    """The body rows of the board's table, each cell's text, parsed as CommonMark tables."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    found: list[list[str]] = []
    inside_body = False
    for token in tokens:
        if token.type == "tbody_open":
            inside_body = True
        elif token.type == "tbody_close":
            inside_body = False
        elif inside_body and token.type == "tr_open":
            found.append([])
        elif inside_body and token.type == "inline":
            found[-1].append(token.content)
    return found


def caseload_files(folder: Path) -> list[str]:
    """A small caseload: on track, overdue, broken, half-finished, version 1, missing."""
    (folder / "nurse.yaml").write_text(with_dues("nurse.yaml"), encoding="utf-8")  # no date, nothing overdue
    (folder / "teacher.yaml").write_text(TEACHER, encoding="utf-8")  # Sam's step is overdue on 20 March
    (folder / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    shutil.copyfile(EXAMPLES / "half-finished.yaml", folder / "half.yaml")
    shutil.copyfile(Path(__file__).parent / "fixtures" / "teacher-v1.yaml", folder / "old.yaml")
    return ["nurse.yaml", "half.yaml", "broken.yaml", "old.yaml", "teacher.yaml", "gone.yaml"]


def test_the_client_with_overdue_steps_comes_first_then_unreadable_files_then_open_answers(tmp_path: Path) -> None:
    result = run("board", *caseload_files(tmp_path), cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "2 files could not be read" in result.stderr
    table = rows(result.stdout)
    files = [re.search(r"(\w+\.yaml)", row[1]).group(1) for row in table]  # type: ignore[union-attr]
    assert files[0] == "teacher.yaml"
    assert set(files[1:3]) == {"broken.yaml", "gone.yaml"}
    assert files[3] == "half.yaml"
    assert set(files[4:]) == {"nurse.yaml", "old.yaml"}
    by_file = dict(zip(files, table, strict=True))
    assert by_file["teacher.yaml"][-1] == "1 step overdue" and by_file["teacher.yaml"][7] == "1"
    assert "broken.yaml:3:" in by_file["broken.yaml"][-1]
    assert "missing" in by_file["gone.yaml"][-1]
    assert "version 1 file" in by_file["old.yaml"][-1]
    # No line per old file on standard error: the row says it.
    assert "old.yaml" not in result.stderr


def test_a_row_shows_what_check_and_review_say_of_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", MARCH_20)  # the day the board below is run on: the same due notes
    names = caseload_files(tmp_path)
    by_file = {
        re.search(r"(\w+\.yaml)", row[1]).group(1): row  # type: ignore[union-attr]
        for row in rows(run("board", *names, cwd=tmp_path).stdout)
    }
    bank = default_bank()
    for name in ("half.yaml", "nurse.yaml", "teacher.yaml"):
        path = tmp_path / name
        report = check_files([path], bank)[0].report
        assert report is not None
        open_required = sum(line.strip().startswith("open (required)") for line in report.text.splitlines())
        required = sum(q.required for q in bank.questions)
        assert by_file[name][3] == f"{required - open_required} of {required}"
        assert by_file[name][4] == str(len(review_files([path], bank)[0].notes))
    assert by_file["teacher.yaml"][2].startswith("Learning experience designer")  # the rejected job is not the aim
    assert by_file["teacher.yaml"][5] == "1 interviewing, 1 rejected"
    assert by_file["teacher.yaml"][6].startswith("24 March 2026: ")


def test_overdue_follows_source_date_epoch(tmp_path: Path) -> None:
    names = caseload_files(tmp_path)
    table = rows(run("board", *names, cwd=tmp_path, epoch=MARCH_1).stdout)
    # On 1 March nothing is overdue yet: the unreadable files lead.
    assert "teacher.yaml" not in table[0][1]
    assert all(row[7] == "0" for row in table)


def test_a_board_of_german_files_speaks_german(tmp_path: Path) -> None:
    (tmp_path / "store.yaml").write_text(with_dues("store-manager.yaml", "17. Februar 2026"), encoding="utf-8")
    result = run("board", "store.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert 'lang="de"' in run("board", "store.yaml", "--html", cwd=tmp_path).stdout
    table = rows(result.stdout)
    assert "Sabine Krüger" in table[0][1]
    english = rows(run("board", "store.yaml", str(EXAMPLES / "teacher.yaml"), cwd=tmp_path).stdout)
    assert table[0][-1] != next(row for row in english if "store.yaml" in row[1])[-1]


def test_typed_text_stays_text_in_markdown_and_html(tmp_path: Path) -> None:
    odd = TEACHER.replace("name: Maya Okafor", f'name: "{ODD_NAME}"', 1)
    (tmp_path / "odd.yaml").write_text(odd, encoding="utf-8")
    markdown = run("board", "odd.yaml", cwd=tmp_path).stdout
    table = rows(markdown)
    assert len(table) == 1 and len(table[0]) == 9  # the pipe did not split the row
    rendered = MarkdownIt("commonmark").enable("table").render(markdown)
    assert "<b>Sam</b>" not in rendered and html.escape(ODD_NAME, quote=False).split(" (")[0] in rendered
    page = run("board", "odd.yaml", "--html", cwd=tmp_path).stdout
    assert "<b>Sam</b>" not in page
    assert "&lt;b&gt;Sam&lt;/b&gt;" in page


def test_html_stands_alone_and_sorts_with_its_own_script(tmp_path: Path) -> None:
    result = run("board", *caseload_files(tmp_path), "--html", "--out", "board.html", cwd=tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    page = (tmp_path / "board.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "url(fonts/" not in page and "data:font/woff2" in page
    assert page.count("<tr") == 7 and 'class="attention"' in page
    assert "<script>" in page and "aria-sort" in page


def test_board_never_writes_over_an_answers_file(tmp_path: Path) -> None:
    names = caseload_files(tmp_path)
    before = (tmp_path / "nurse.yaml").read_bytes()
    refused = run("board", *names, "--out", "nurse.yaml", cwd=tmp_path)
    assert refused.returncode == 1 and "never writes over" in refused.stderr
    assert (tmp_path / "nurse.yaml").read_bytes() == before


def test_md_and_html_together_is_a_usage_error(tmp_path: Path) -> None:
    assert run("board", "--md", "--html", cwd=tmp_path).returncode == 2


def test_of_two_clients_as_overdue_the_one_waiting_longer_comes_first(tmp_path: Path) -> None:
    (tmp_path / "teacher.yaml").write_text(TEACHER, encoding="utf-8")  # overdue since 16 March
    (tmp_path / "store.yaml").write_text(with_dues("store-manager.yaml", "17. Februar 2026"), encoding="utf-8")
    table = rows(run("board", "teacher.yaml", "store.yaml", cwd=tmp_path).stdout)
    assert [row[7] for row in table] == ["1", "1"]
    assert "store.yaml" in table[0][1] and "teacher.yaml" in table[1][1]


def test_a_pool_of_workers_gives_what_one_process_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from careerstory.follow import board, caseload, steps

    paths = [tmp_path / name for name in caseload_files(tmp_path)]
    bank = default_bank()
    alone = (board.gather(paths, bank), steps.gather(paths, bank))
    monkeypatch.setattr(caseload, "POOL_FROM", 2)  # six files, two workers
    pooled = (board.gather(paths, bank), steps.gather(paths, bank))
    assert pooled == alone
    assert any(found.problems for found in pooled[0]) and any(found.steps for found in pooled[0])
