"""The conversation kit by status, drafts that look like drafts, and the brief's first page."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from careerstory.answers import drafts, load
from careerstory.answers.notes import note_spans, without_notes
from careerstory.errors import UserError
from careerstory.i18n import using
from careerstory.questions import Bank
from careerstory.questions.documents import document
from careerstory.render.brief import build_document
from careerstory.render.request import RenderRequest
from careerstory.render.running import run_render

REPO = Path(__file__).resolve().parents[1]
# 10 March 2026, the day the examples have reached.
TEN_MARCH = "1773100800"

PEOPLE = [
    {
        "name": "Ruth Adeyemi",
        "works_as": "User researcher at Brightwell Learning",
        "connection": "We met at a teacher feedback session",
        "ask_about": "What does a normal day look like for you?",
        "status": "to contact",
        "next_step": "Email her this week",
        "due": "2026-03-20",
    },
    {
        "name": "Jo Pennington",
        "works_as": "Analytics recruiter at Harper & Lowe",
        "ask_about": "How does my CV read to someone hiring analysts?",
        "status": "contacted",
        "contacted_on": "2026-02-04",
        "next_step": "Nudge her if she has not replied",
        "due": "2026-02-18",
    },
    {
        "name": "Chris Doyle",
        "works_as": "Head of planning at Harrow Freight; left the Army as a major in 2016",
        "ask_about": "How did you translate your CV?",
        "status": "talked",
        "contacted_on": "2026-01-09",
        "learned": "Lead with the numbers, not the rank. TODO: ask him about the interview panel",
        "next_step": "Send him my rewritten CV, as he offered to read it",
        "due": "2026-03-24",
    },
    {"name": "Gail Simmons", "works_as": "My resettlement adviser", "status": "to contact"},
]

PERSON = {
    "name": "Hannah Rourke",
    "current_role": "Army logistics officer",
    "location": "Bristol or remote, from May 2026",
    "pitch": "I ran the supply chain for 1,100 people. I want to plan demand for a retailer. Could we talk?",
    "help_wanted": "An introduction to a demand planner in retail.",
    "transferable_skills": [
        {"skill": "Planning under pressure", "evidence": "Kept 1,100 people supplied for six months."},
        {"skill": "Leading teams", "evidence": "Led 40 soldiers (ask Sam for the exact figure?) on exercise."},
        {"skill": "Budgets", "evidence": "Ran a budget of 2 million pounds."},
    ],
    "constraints": "PAYFLOOR-SECRET: at least 38,000",
    "people": PEOPLE,
    "jobs": [
        {"role": "Demand planner", "organisation": "Coldline", "status": "applied"},
        {
            "role": "Supply chain analyst",
            "organisation": "Harrow Freight",
            "status": "rejected",
            "learned": "Lead with the forecasting, not the rank",
        },
    ],
}


def render(path: Path, bank: Bank, *formats: str, **options: object) -> dict[str, str]:
    request = RenderRequest((path,), tuple(formats) or ("md",), force=True, **options)  # type: ignore[arg-type]
    return {p.name: p.read_text("utf-8") for p in run_render(request, bank) if p.suffix != ".pdf"}


def person_part(kit: str, name: str) -> str:
    return kit.split(f"\n## {name}\n")[1].split("\n## ")[0].split("\n---\n")[0]


@pytest.fixture
def ten_march(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TEN_MARCH)


# -- notes to self ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("I teach chemistry. TODO: add the numbers. I love it.", "I teach chemistry. I love it."),
        ("Great at planning (ask Priya?) and people.", "Great at planning and people."),
        ("What do I bring??? Lots of care.", "Lots of care."),
        ("I built the rota [check] for 40 staff.", "I built the rota for 40 staff."),
        ("Line one.\nTODO more here\nLine three.", "Line one.\nLine three."),
        ("See [my module](https://e.com) soon.", "See [my module](https://e.com) soon."),
        ("I asked my head of department to ask for feedback.", "I asked my head of department to ask for feedback."),
    ],
)
def test_a_note_to_self_is_taken_out_and_the_rest_kept(typed: str, printed: str) -> None:
    assert without_notes(typed) == printed
    assert bool(note_spans(typed)) == (typed != printed)


# -- the kit, one conversation at a time ---------------------------------------------------


def test_each_status_gets_what_it_calls_for_and_nothing_of_the_others(write_answers, bank: Bank, ten_march) -> None:
    kit = render(write_answers(PERSON), bank, documents=("conversations",))["careerstory-conversations.md"]
    ruth, jo, chris = (person_part(kit, n) for n in ("Ruth Adeyemi", "Jo Pennington", "Chris Doyle"))
    assert "### A message to send" in ruth and "When to nudge" not in ruth and "thank-you" not in ruth
    assert "### The nudge" in jo and "A message to send" not in jo
    # Contacted on 4 February: a nudge is fine from 18 February, so by 10 March it is due now.
    assert "**When to nudge:** Now: a friendly nudge has been fine since 18 February 2026." in jo
    assert "### Your thank-you and follow-up" in chris and "What to ask" not in chris
    assert "### What you learned" in chris and "Lead with the numbers, not the rank." in chris
    assert "### What they offered, and your next step" in chris and "(due 24 March 2026)" in chris


def test_questions_fit_who_they_are_and_never_repeat_their_own(bank: Bank, write_answers) -> None:
    view = build_document(load(write_answers(PERSON), bank), document("conversations"))
    people = {p.name: p for p in view.people}
    ruth, jo, chris, gail = (people[n] for n in ("Ruth Adeyemi", "Jo Pennington", "Chris Doyle", "Gail Simmons"))
    assert (ruth.kind, jo.kind, chris.kind, gail.kind) == ("insider", "recruiter", "changer", "adviser")
    assert ruth.questions[0] == "What does a normal day look like for you?"
    assert "What does a typical week look like for you?" not in ruth.questions  # hers asks it already
    assert not any("CV" in q for q in jo.questions[1:])  # her own is about the CV
    assert "Which roles do you see people like me move into first?" in jo.questions
    assert "What support or funding could I use for this change?" in gail.questions
    assert chris.questions == ()  # after a talk, no first-meeting questions
    for person in (ruth, jo, gail):
        assert len(person.questions) <= 1 + 3
        assert len(set(person.questions)) == len(person.questions)


def test_questions_speak_the_file_s_language(bank: Bank, tmp_path: Path) -> None:
    from careerstory.answers import new_file_text

    path = tmp_path / "de.yaml"
    path.write_text(new_file_text(bank, {"name": "Anja", "people": PEOPLE}, path.name, "de"), encoding="utf-8")
    sheet = load(path, bank)
    with using("de", announce=False):
        view = build_document(sheet, document("conversations"))
    gail = next(p for p in view.people if p.name == "Gail Simmons")
    assert "Welche Unterstützung oder Förderung könnte ich für diesen Wechsel nutzen?" in gail.questions


def test_an_overdue_step_is_marked_in_the_summary_and_on_the_person_s_page(
    write_answers, bank: Bank, ten_march
) -> None:
    out = render(write_answers(PERSON), bank, "md", "html", documents=("conversations",))
    kit = out["careerstory-conversations.md"]
    summary = kit.split("\n## ")[0]
    assert "| **Overdue:** 18 February 2026 |" in summary  # Jo's step fell due before 10 March
    assert "| 20 March 2026 |" in summary  # Ruth's is still to come
    assert "**Next step:** **Overdue:** Nudge her" in person_part(kit, "Jo Pennington")
    assert "Overdue" not in person_part(kit, "Ruth Adeyemi")
    html = out["careerstory-conversations.html"]
    assert html.count('<span class="overdue">') == 3  # the summary, the next steps and Jo's page


def test_due_dates_print_in_the_file_s_language(tmp_path: Path, bank: Bank, ten_march) -> None:
    text = (REPO / "examples" / "store-manager.yaml").read_text("utf-8")
    (tmp_path / "laden.yaml").write_text(text, "utf-8")
    kit = render(tmp_path / "laden.yaml", bank, documents=("conversations",))["laden-conversations.md"]
    assert "| Fällig |" in kit and "(fällig am 13. März 2026)" in kit and "**Überfällig:**" in kit
    assert "March" not in kit and "due" not in kit


def test_an_untouched_file_renders_again_when_the_day_changes(
    write_answers, bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerstory import clock

    path = write_answers(PERSON)
    request = RenderRequest((path,), ("md",), documents=("conversations", "brief"))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setattr(clock, "today", lambda: dt.date(2026, 3, 10))
    assert len(run_render(request, bank)) == 2
    assert run_render(request, bank) == []  # the same day: both up to date
    monkeypatch.setattr(clock, "today", lambda: dt.date(2026, 3, 11))
    again = run_render(request, bank)
    # The kit is judged by today; the brief, as old as its answers, is as it was.
    assert [p.name for p in again] == ["careerstory-conversations.md"]
    assert "11 March 2026" in again[0].read_text("utf-8")


def test_a_thin_file_s_kit_gives_a_page_to_each_person_and_invents_nothing(
    write_answers, bank: Bank, ten_march
) -> None:
    path = write_answers({"name": "Lowri Evans", "people": [{"name": "Sam"}, {"works_as": "Someone at a bank"}]})
    kit = render(path, bank, documents=("conversations",))["careerstory-conversations.md"]
    assert kit.count("\n## ") == 2  # a part for each; no list of next steps, since none is written
    assert "Someone on your list (no name yet)" in kit
    assert kit.count("*Not written yet:") == 2  # nothing to draft from: said, not made up
    assert "Overdue" not in kit and "Due" in kit


# -- drafts look like drafts ---------------------------------------------------------------


def test_a_note_to_self_never_prints_and_keeps_every_document_a_draft(
    write_answers, bank: Bank, ten_march, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_answers(PERSON)
    capsys.readouterr()
    out = render(path, bank, "md", "html", documents=("all",), share_private=True)
    for name, text in out.items():
        assert "ask Sam" not in text and "TODO" not in text and "interview panel" not in text, name
    brief = out["careerstory.md"]
    assert "Led 40 soldiers on exercise." in brief  # the rest of the answer prints
    assert brief.splitlines()[:7][-1] == "**Draft**" or "**Draft**" in brief.split("## ")[0]
    html = out["careerstory.html"]
    assert re.search(r"<title>Draft: Hannah Rourke: career brief</title>", html)
    assert '<span class="draft-mark">Draft</span>' in html.split("</header>")[0]
    kit = out["careerstory-conversations.md"]
    assert "**Draft**" in kit.split("\n| ")[0]  # Chris's learned holds a note
    err = capsys.readouterr().err
    [said] = [line for line in err.splitlines() if "careerstory-conversations is marked as a draft" in line]
    assert "a note to yourself (left out of the page) in: people[3].learned" in said
    [said] = [line for line in err.splitlines() if ": careerstory is marked as a draft" in line]
    assert "required answers still open: " in said and "a note to yourself" in said
    assert "transferable_skills[2].evidence" in said


def teacher(tmp_path: Path, change: tuple[str, str] | None = None) -> Path:
    """A copy of the teacher's finished file, with one answer's text changed (old, new)."""
    text = (REPO / "examples" / "teacher.yaml").read_text("utf-8")
    if change is not None:
        assert change[0] in text
        text = text.replace(change[0], change[1], 1)
    path = tmp_path / "maya.yaml"
    path.write_text(text, "utf-8")
    return path


NOTE = (
    "a drawer full of lessons to prove it.",
    "a drawer full of lessons to prove it. TODO: add the lockdown numbers.",
)


def test_render_strict_refuses_a_draft_and_says_why(tmp_path: Path, bank: Bank) -> None:
    finished = teacher(tmp_path)
    assert run_render(RenderRequest((finished,), ("md",), strict=True, force=True), bank)  # finished: made
    finished.with_suffix(".md").unlink()
    path = teacher(tmp_path, NOTE)
    with pytest.raises(UserError) as caught:
        run_render(RenderRequest((path,), ("md",), strict=True, force=True), bank)
    problem = caught.value.problems[0]
    assert problem.message == "maya is a draft: a note to yourself (left out of the page) in: what_is_special"
    assert not path.with_suffix(".md").exists()  # nothing written


def test_careerstory_s_own_text_is_marked_where_it_stands_and_the_rest_stays_the_persons(
    tmp_path: Path, bank: Bank, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = teacher(tmp_path)
    brief = render(path, bank)["maya.md"]
    assert "Draft" not in brief and "## A note to forward\n\n> I'm Maya Okafor" in brief  # her own note
    monkeypatch.setattr(drafts, "intro", lambda sheet: drafts.Drafted("I'm Maya, DRAFTED-NOTE.", True))
    monkeypatch.setattr(
        drafts, "person_message", lambda sheet, person, today: drafts.Drafted("Dear you, DRAFTED-MESSAGE", True)
    )
    capsys.readouterr()
    out = render(path, bank, "md", "html", documents=("brief", "conversations"))
    brief = out["maya.md"]
    assert "## A note to forward (draft)\n\n> I'm Maya, DRAFTED-NOTE." in brief
    assert 'class="lead-part forward is-draft"' in out["maya.html"]
    assert "### A message to send (draft)" in out["maya-conversations.md"]
    # Not the document's main text: the brief and the kit are the person's own, not drafts.
    assert "**Draft**" not in brief.split("## ")[0]
    assert "<title>Maya Okafor: career brief</title>" in out["maya.html"]
    assert not out["maya-conversations.md"].split("## ")[0].count("**Draft**")
    err = capsys.readouterr().err
    assert "maya: the note to forward is careerstory's draft, marked as one" in err
    assert "the message to Ruth Adeyemi, Dr Helen Marsh, Sam Reyes, Jonah Feld is careerstory's draft" in err
    assert "is marked as a draft" not in err


def test_a_draft_says_so_in_the_pdf_title_and_on_its_first_page(tmp_path: Path, bank: Bank) -> None:
    from pypdf import PdfReader

    path = teacher(tmp_path, NOTE)
    [pdf] = run_render(RenderRequest((path,), ("pdf",), force=True), bank)
    assert PdfReader(pdf).metadata.title == "Draft: Maya Okafor: career brief"
    assert _page_texts(pdf)[0].startswith("draft")  # the kicker, first on the page
    assert "TODO" not in _raw_texts(pdf) and "a drawer full of lessons to prove it." in _raw_texts(pdf)


def test_an_unfinished_target_gets_no_page_of_placeholders(write_answers, bank: Bank) -> None:
    path = write_answers(PERSON)
    pitch = render(path, bank, documents=("pitch",), targets=("demand-planner",))
    text = next(iter(pitch.values()))
    assert "copy their requirements" not in text and "still to write" not in text


# -- the brief speaks to the mentor, and its first page is what they act on ----------------


def test_the_brief_speaks_to_the_mentor_and_tells_the_person_on_stderr(
    write_answers, bank: Bank, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_answers({"name": "Sam Lee", "current_role": "Shift supervisor", "dont_want": ["Nights"]})
    capsys.readouterr()
    brief = render(path, bank)["careerstory.md"]
    assert "careerstory ask" not in brief and "rivate answers" not in brief and "still open" not in brief
    assert "About you" not in brief and "### About me" in brief
    assert "My story is still taking shape" in brief
    assert "still open" in capsys.readouterr().err


def test_where_they_can_work_is_shown_and_the_pay_floor_is_not(write_answers, bank: Bank) -> None:
    brief = render(write_answers(PERSON), bank)["careerstory.md"]
    first_page = brief.split("\n---\n")[0]
    assert "Can work: Bristol or remote, from May 2026" in first_page
    assert "PAYFLOOR-SECRET" not in brief
    assert first_page.index("## My pitch") < first_page.index("## How you can help")
    assert first_page.index("## How you can help") < first_page.index("## My strongest evidence")
    assert "Budgets" not in first_page and "Budgets" in brief  # two skills up front, all of them after


def _raw_texts(pdf: Path) -> str:
    import pypdfium2 as pdfium

    document_ = pdfium.PdfDocument(str(pdf))
    return " ".join(" ".join(document_[i].get_textpage().get_text_range().split()) for i in range(len(document_)))


def _page_texts(pdf: Path) -> list[str]:
    import pypdfium2 as pdfium

    document_ = pdfium.PdfDocument(str(pdf))
    return [re.sub(r"\s+", "", document_[i].get_textpage().get_text_range()).casefold() for i in range(len(document_))]


@pytest.mark.parametrize("page_size", ["a4", "letter"])
def test_page_one_holds_what_a_mentor_acts_on_and_the_groundwork_follows(
    tmp_path: Path, bank: Bank, page_size: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TEN_MARCH)
    files = [REPO / "examples" / f"{stem}.yaml" for stem in ("teacher", "store-manager", "translator")]
    request = RenderRequest(tuple(files), ("pdf",), page_size=page_size, out=tmp_path / "out", force=True)  # type: ignore[arg-type]
    for pdf in run_render(request, bank):
        sheet = load(REPO / "examples" / f"{pdf.stem}.yaml", bank)
        with using(sheet.language or None, announce=False):
            from careerstory import _

            words = [_("How you can help"), _("A note to forward"), _("My strongest evidence"), _("My pitch")]
            groundwork = _("The groundwork")
        pages = _page_texts(pdf)
        for word in words:
            assert re.sub(r"\s+", "", word).casefold() in pages[0], (pdf.name, word)
        assert re.sub(r"\s+", "", groundwork).casefold() not in pages[0], pdf.name


def test_the_date_a_kit_is_judged_by_is_today(write_answers, bank: Bank, ten_march) -> None:
    view = build_document(load(write_answers(PERSON), bank), document("conversations"))
    assert view.today == dt.date(2026, 3, 10) and view.date == dt.date(2026, 3, 10)


def test_a_hand_wrapped_message_is_copied_from_the_kit_as_its_paragraphs(tmp_path: Path, bank: Bank) -> None:
    path = teacher(tmp_path)
    text = path.read_text(encoding="utf-8")
    wrapped = (
        "      message: |\n        Dear Ruth,\n\n"
        "        We met at Brightwell's teacher feedback session in the autumn, and\n"
        "        my school uses your chemistry lessons every week.\n\n"
        "        Best wishes,\n        Maya Okafor\n"
    )
    # Ruth's message, whatever it holds, up to her due date, becomes the hand-wrapped one.
    start = text.index("      message:", text.index("    - name: Ruth Adeyemi"))
    path.write_text(text[:start] + wrapped + text[text.index("      due:", start) :], encoding="utf-8")
    kit = render(path, bank, "md", documents=("conversations",))["maya-conversations.md"]
    ruth = kit.split("\n## Ruth Adeyemi\n")[1]
    message = ruth.split("```text\n")[1].split("\n```")[0]
    assert message == (
        "Dear Ruth,\n\nWe met at Brightwell's teacher feedback session in the autumn, and my school uses "
        "your chemistry lessons every week.\n\nBest wishes,\nMaya Okafor"
    )


def test_the_day_they_were_written_to_prints_as_a_date_in_every_format(write_answers, bank: Bank, ten_march) -> None:
    kit = render(write_answers(PERSON), bank, "md", "html", documents=("conversations",))
    for name, page in kit.items():
        assert "contacted 4 February 2026" in page, name  # typed 2026-02-04
        assert "2026-02-04" not in page and "2026-01-09" not in page, name


def test_a_date_opening_a_table_cell_is_printed_as_typed(tmp_path: Path, bank: Bank, ten_march) -> None:
    text = (REPO / "examples" / "store-manager.yaml").read_text("utf-8")
    (tmp_path / "laden.yaml").write_text(text, "utf-8")
    kit = render(tmp_path / "laden.yaml", bank, documents=("conversations",))["laden-conversations.md"]
    assert "| 13. März 2026 |" in kit and "\\." not in kit
