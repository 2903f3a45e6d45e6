"""The application letter: one page per job, dated and signed as the file's language writes a letter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from careerstory.answers import drafts, new_file_text
from careerstory.i18n import date_line
from careerstory.questions import Bank
from careerstory.render.preparing import place_of
from careerstory.render.request import RenderRequest
from careerstory.render.running import run_render

# 2 December 2026, 00:00 UTC: the day every letter here is dated.
EPOCH = "1796169600"
LETTER_EN = """Dear Dr Shah,

I am a ward sister of twelve years, and I am applying to be your patient flow lead. Every winter I
have moved patients through a full hospital; last year no shift on my ward ran short for six weeks.

I have not written SQL at work yet. I am taking the free course and will finish it by May.

Northgate publishes its waiting times, and I want to help bring them down.

Yours sincerely,
Rosa Lind"""


def person(letter: str, location: str = "") -> dict[str, object]:
    return {
        "name": "Rosa Lind",
        "current_role": "Hospital ward sister",
        "constraints": "PAYFLOOR-SECRET: at least 52,000",
        "location": location,
        "people": [{"name": "Ola Berg", "status": "talked", "learned": "PERSON-LEARNED-SECRET"}],
        "jobs": [
            {
                "role": "Patient flow lead",
                "organisation": "Northgate Hospital",
                "status": "applied",
                "learned": "JOB-LEARNED-SECRET",
                "tell_me": "TELL-ME-TEXT",
                "letter": letter,
            },
            {"role": "Clinical educator", "status": "rejected", "learned": "LESSON-SECRET"},
        ],
    }


NEVER = ("PAYFLOOR-SECRET", "PERSON-LEARNED-SECRET", "JOB-LEARNED-SECRET", "LESSON-SECRET", "TELL-ME-TEXT")


@pytest.fixture(autouse=True)
def _dated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def write(tmp_path: Path, bank: Bank, values: dict[str, object], language: str = "") -> Path:
    path = tmp_path / "careerstory.yaml"
    path.write_text(new_file_text(bank, values, path.name, language), encoding="utf-8")  # type: ignore[arg-type]
    return path


def render(path: Path, bank: Bank, *formats: str, **options: object) -> dict[str, str]:
    request = RenderRequest((path,), tuple(formats) or ("md",), force=True, documents=("letter",), **options)  # type: ignore[arg-type]
    return {p.name: p.read_text("utf-8") for p in run_render(request, bank) if p.suffix != ".pdf"}


def test_the_letter_is_the_persons_own_under_their_name_and_the_date(tmp_path: Path, bank: Bank) -> None:
    pages = render(write(tmp_path, bank, person(LETTER_EN, "Leeds, or remote")), bank, "md", "html")
    assert sorted(pages) == ["careerstory-letter-patient-flow-lead.html", "careerstory-letter-patient-flow-lead.md"]
    md = pages["careerstory-letter-patient-flow-lead.md"]
    lines = [line for line in md.splitlines() if line.strip()]
    # An English letter carries the date alone, without the place.
    assert lines[:3] == ["**Rosa Lind**", "2 December 2026", "Dear Dr Shah,"]
    assert "Leeds" not in md and "Yours sincerely," in md
    for page in pages.values():
        assert "Draft" not in page and "Northgate publishes its waiting times" in page
        for secret in NEVER:
            assert secret not in page


@pytest.mark.parametrize(
    ("language", "location", "letter", "expected"),
    [
        ("de", "Berlin, oder remote", "Sehr geehrte Frau Kühn,\n\nich bewerbe mich.", "Berlin, 2. Dezember 2026"),
        ("de", "remote", "Sehr geehrte Frau Kühn,\n\nich bewerbe mich.", "2. Dezember 2026"),
        ("pl", "Kraków; zdalnie", "Szanowna Pani,\n\nzgłaszam swoją kandydaturę.", "Kraków, 2 grudnia 2026 r."),
        ("fr", "", "Madame,\n\nje vous écris.", "Le 2 décembre 2026"),
        ("es", "Sevilla", "Estimada señora:\n\nle escribo.", "Sevilla, 2 de diciembre de 2026"),
    ],
)
def test_the_date_line_and_salutation_follow_the_files_language(
    tmp_path: Path, bank: Bank, language: str, location: str, letter: str, expected: str
) -> None:
    pages = render(write(tmp_path, bank, person(letter, location), language), bank, "md", "html")
    md = pages["careerstory-letter-patient-flow-lead.md"]
    lines = [line for line in md.splitlines() if line.strip()]
    # "2. Dezember" alone on a line would start a Markdown list: its full stop is escaped.
    assert [lines[1].replace("\\.", "."), lines[2]] == [expected, letter.splitlines()[0]]
    assert f'<p class="date-line">{expected}</p>' in pages["careerstory-letter-patient-flow-lead.html"]
    assert f'lang="{language}"' in pages["careerstory-letter-patient-flow-lead.html"]


def test_the_date_line_of_each_language_with_and_without_a_place() -> None:
    day = dt.date(2026, 12, 2)
    assert date_line(day, "Leeds", "en") == "2 December 2026"
    assert date_line(day, "Lyon", "fr") == "Lyon, le 2 décembre 2026"
    assert date_line(day, "", "pl") == "2 grudnia 2026 r."


def test_only_a_short_first_phrase_that_reads_as_a_place_heads_the_date_line() -> None:
    assert place_of("Leeds, remote or hybrid (two office days a week at most); from September 2026") == "Leeds"
    assert place_of("Frankfurt am Main oder remote") == "Frankfurt am Main"
    assert place_of("Remote, anywhere in the UK") == ""
    assert place_of("two days a week in Leeds") == ""
    assert place_of("From 1 March, Leeds") == ""


def test_a_drafted_letter_says_so_and_is_drafted_without_private_answers(
    tmp_path: Path, bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = []

    def letter(sheet, job, today):  # type: ignore[no-untyped-def]
        seen.append((sheet.text("constraints"), job.get("learned"), today))
        return drafts.Drafted("Dear Northgate team,\n\nDRAFTED-LETTER\n\nRosa", True)

    monkeypatch.setattr(drafts, "letter", letter)
    pages = render(write(tmp_path, bank, person("")), bank, "md", "html")
    md, html = pages["careerstory-letter-patient-flow-lead.md"], pages["careerstory-letter-patient-flow-lead.html"]
    assert md.startswith("> **Draft:**") and "DRAFTED-LETTER" in md
    assert "\n\n**Rosa Lind**\n\n" in md  # the note is a quote of its own, not the sender's first line
    assert "<title>Draft: Rosa Lind: letter to Northgate Hospital</title>" in html and "DRAFTED-LETTER" in html
    assert seen == [("", "", dt.date(2026, 12, 2))]


@pytest.mark.parametrize("size", ["a4", "letter"])
def test_the_letter_is_one_page_on_either_paper(tmp_path: Path, bank: Bank, size: str) -> None:
    long_letter = LETTER_EN.replace(
        "\n\nYours", "\n\n" + ("I kept the ward running through two winters. " * 8 + "\n\n") * 5 + "Yours"
    )
    path = write(tmp_path, bank, person(long_letter, "Leeds"))
    written = run_render(RenderRequest((path,), ("pdf",), force=True, documents=("letter",), page_size=size), bank)
    reader = PdfReader(written[0])
    assert len(reader.pages) == 1
    assert round(float(reader.pages[0].mediabox.width)) == (595 if size == "a4" else 612)
    text = reader.pages[0].extract_text()
    assert "Rosa Lind" in text and "2 December 2026" in text and "Yours sincerely" in text
    for secret in NEVER:
        assert secret not in text


def test_without_a_fixed_date_the_letter_is_dated_today_and_stays_up_to_date_that_day(
    tmp_path: Path, bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    path = write(tmp_path, bank, person(LETTER_EN))
    request = RenderRequest((path,), ("md",), documents=("letter",))
    [written] = run_render(request, bank)
    today = dt.datetime.now(dt.UTC).date()
    assert date_line(today, "", "en") in written.read_text("utf-8")
    if dt.datetime.now(dt.UTC).date() == today:  # not across midnight
        assert run_render(request, bank) == []
