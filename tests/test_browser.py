"""Every example's HTML brief, opened alone in headless Chromium as a reader would open it.

tests/browser/check_pages.mjs drives Chromium (puppeteer-core) and runs axe-core; the
packages are pinned in tests/package.json and installed by `make test`. Each page is
copied alone into a folder of its own, so that nothing beside it can be loaded. The
screenshots (desktop and phone; dark mode is judged by its colours) and Chromium's print
of each page are left in out/screenshots/ for a person to look at.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from careerstory.questions import default_bank
from careerstory.render.request import RenderRequest
from careerstory.render.running import run_render

REPO = Path(__file__).resolve().parents[1]
TESTS = REPO / "tests"
SCREENSHOTS = REPO / "out" / "screenshots"
EXAMPLES = sorted((REPO / "examples").glob("*.yaml"))
# A coach's board of every example, one of them with a step overdue and one file broken.
BOARD = "board"
OVERDUE = "overdue-teacher"


def _pages() -> list[str]:
    """Every document of every example that `--doc all` makes: the brief, the pitch page, the
    conversation kit, and an interview sheet and a letter for each job applied, interviewing or offered."""
    from careerstory.answers import load
    from careerstory.answers.model import field_text
    from careerstory.questions.documents import default_documents, targets_data
    from careerstory.render.targets import targets_of

    pages = []
    for path in EXAMPLES:
        sheet = load(path, default_bank())
        for doc in default_documents():
            name = doc.file_name.format(stem=path.stem)
            if not doc.per_job:
                pages.append(name)
                continue
            status = targets_data().status
            pages.extend(f"{name}-{t.slug}" for t in targets_of(sheet) if field_text(t.entry, status) in doc.for_jobs)
    return pages


PAGES = _pages()


def _chromium() -> str | None:
    for name in (os.environ.get("CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome"):
        if name and (found := shutil.which(name)):
            return found
    return None


def _missing() -> str | None:
    """Why the browser test cannot run here, or None when it can."""
    if _chromium() is None:
        return "Chromium is not installed (Debian: apt-get install chromium), so the HTML briefs are not checked"
    if shutil.which("node") is None:
        return "Node.js is not installed, so the HTML briefs are not checked in Chromium"
    if not (TESTS / "node_modules" / "puppeteer-core").is_dir() or not (TESTS / "node_modules" / "axe-core").is_dir():
        return "tests/node_modules lacks puppeteer-core or axe-core: `make browser-deps` installs them"
    return None


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    reason = _missing()
    if reason and os.environ.get("CI"):
        pytest.fail(f"{reason}; .ci/run installs them, so in CI this is a failure")
    if reason:
        pytest.skip(reason)
    rendered = tmp_path_factory.mktemp("briefs")
    with pytest.MonkeyPatch.context() as patch:
        # Module-scoped, so the conftest's per-test cache is not set up yet: this one is its own.
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        patch.setenv("SOURCE_DATE_EPOCH", "1767225600")
        written = run_render(
            RenderRequest(list(EXAMPLES), ["html"], out=f"{rendered}/", force=True, documents=("all",)), default_bank()
        )
        board = _board(tmp_path_factory.mktemp(BOARD))
        pages = [str(board)]
        for html in sorted(written):
            alone = tmp_path_factory.mktemp(html.stem) / html.name
            shutil.copyfile(html, alone)
            pages.append(str(alone))
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        command = ["node", str(TESTS / "browser" / "check_pages.mjs"), str(_chromium()), str(SCREENSHOTS), *pages]
        # Chromium looks at the pages while careerstory lays out the PDFs they are compared with.
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as browser:
            run_render(
                RenderRequest(list(EXAMPLES), ["pdf"], out=f"{rendered}/", force=True, documents=("all",)),
                default_bank(),
            )
            try:
                stdout, stderr = browser.communicate(timeout=300)
            except subprocess.TimeoutExpired:
                browser.kill()
                raise
    assert browser.returncode == 0, f"the browser check failed to run:\n{stderr[-3000:]}"
    result: dict[str, dict[str, object]] = json.loads(stdout)
    # The first client on the board, as the page lists them.
    result[BOARD]["first"] = re.findall(r'<span class="file">([^<]*)</span>', board.read_text(encoding="utf-8"))[0]
    for name in PAGES:
        result[name]["pdf_pages"] = len(PdfReader(rendered / f"{name}.pdf").pages)
    return result


def _board(folder: Path) -> Path:
    """The board of every example (on 1 January 2026), a teacher with a step due in December and a broken file."""
    from careerstory.follow.board import board_html, board_view, gather
    from careerstory.i18n.dates import read_date

    clients = folder / "clients"
    clients.mkdir()
    overdue = clients / f"{OVERDUE}.yaml"
    teacher = (REPO / "examples" / "teacher.yaml").read_text(encoding="utf-8")
    # Due long before any example's own overdue step (the nurse's nudge of 17 November 2025).
    overdue.write_text(re.sub(r"(?m)^      due:.*$", "      due: 2025-06-15", teacher, count=1), encoding="utf-8")
    broken = clients / "broken.yaml"
    broken.write_text("version: 3\nabout:\n  name: [never closed\n", encoding="utf-8")
    today = read_date("2026-01-01")
    assert today is not None
    view = board_view(gather([*EXAMPLES, broken, overdue], default_bank()), today)
    page = folder / f"{BOARD}.html"
    page.write_text(board_html(view), encoding="utf-8")
    return page


def test_the_board_loads_only_itself_passes_every_browser_check_and_sorts(
    report: dict[str, dict[str, object]],
) -> None:
    board = report[BOARD]
    assert board["problems"] == [], "board.html in Chromium:\n" + "\n".join(map(str, board["problems"]))  # type: ignore[call-overload]
    sorting = board["sorting"]
    assert isinstance(sorting, dict)
    rows = len(EXAMPLES) + 2
    assert sorting["down"] == list(range(rows, 0, -1)) and sorting["up"] == list(range(1, rows + 1))
    assert (SCREENSHOTS / f"{BOARD}-phone.png").stat().st_size > 0
    assert str(board["first"]).endswith(f"{OVERDUE}.yaml")


@pytest.mark.parametrize("example", PAGES)
def test_example_page_loads_only_itself_and_passes_every_browser_check(
    report: dict[str, dict[str, object]], example: str
) -> None:
    problems = report[example]["problems"]
    assert problems == [], f"{example}.html in Chromium:\n" + "\n".join(map(str, problems))  # type: ignore[call-overload]


@pytest.mark.parametrize("example", PAGES)
def test_printing_the_page_from_chromium_gives_about_the_pages_of_the_pdf(
    report: dict[str, dict[str, object]], example: str
) -> None:
    printed, laid_out = report[example]["printPages"], report[example]["pdf_pages"]
    assert isinstance(printed, int) and isinstance(laid_out, int)
    assert abs(printed - laid_out) <= 1, f"Chromium prints {printed} pages, careerstory's PDF has {laid_out}"
    assert (SCREENSHOTS / f"{example}-phone.png").stat().st_size > 0
