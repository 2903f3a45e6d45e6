"""The interview sheet: one job, for the person alone, prepared from their own answers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from careerstory.answers import drafts
from careerstory.questions import Bank
from careerstory.questions.documents import document
from careerstory.render.preparing import split_objection
from careerstory.render.request import RenderRequest
from careerstory.render.running import run_render

PREPARE = document("interview").prepare
assert PREPARE is not None

PERSON = {
    "name": "Rosa Lind",
    "current_role": "Hospital ward sister",
    "constraints": "PAYFLOOR-SECRET: at least 52,000",
    "location": "Leeds, or remote",
    "why_change": "WHY-CHANGE-TEXT: I want to fix the system the ward runs on, not work around it.",
    "what_i_want": "WHAT-I-WANT-TEXT: I want to plan how patients move through a hospital.",
    "pitch": "PITCH-TEXT: I run a ward of 30 nurses. Could we meet for a coffee next week?",
    "intro": "INTRO-TEXT: Rosa would love twenty minutes with someone in patient flow.",
    "people": [{"name": "Ola Berg", "status": "talked", "learned": "PERSON-LEARNED-SECRET: the unit is closing"}],
    "stories": [
        {
            "title": "The winter rota",
            "situation": "STORY-SITUATION: flu took a third of the ward in one week.",
            "task": "Keep every shift safe.",
            "action": "I rebuilt the rota around the sickest patients.",
            "result": "No shift ran short for six weeks.",
            "shows": ["planning under pressure", "Leading a team"],
        },
        {"title": "The audit nobody wanted", "result": "Errors fell by half.", "shows": ["Attention to detail"]},
    ],
    "jobs": [
        {
            "role": "Clinical educator",
            "organisation": "Fenwick Trust",
            "status": "rejected",
            "learned": "LESSON-ONE: lead with the staff training, not the ward.",
        },
        {
            "role": "Operations analyst",
            "organisation": "Harbour Health",
            "status": "withdrawn",
            "learned": "LESSON-TWO: ask who the team is before applying.",
        },
        {
            "role": "Patient flow lead",
            "organisation": "Northgate Hospital",
            "status": "interviewing",
            "requirements": [
                {"need": "Planning under pressure", "evidence": "EVIDENCE-PLANNING: a rota of 40 staff, every week"},
                {"need": "SQL", "plan": "PLAN-SQL: the free course, finished by May"},
                {"need": "Lean certification"},
            ],
            "why_fit": "WHY-FIT-TEXT: I have moved patients through a full hospital every winter.",
            "objections": (
                '"You have never worked outside a ward." ANSWER-WARD: the ward is where flow breaks first.\n\n'
                "You will miss nursing. ANSWER-MISS: I will be closer to it than ever."
            ),
            "why_them": "WHY-THEM-TEXT: Northgate publishes its waiting times.",
            "tell_me": "TELL-ME-TEXT: I am a ward sister who plans.",
            "letter": "LETTER-TEXT: Dear Dr Shah,",
        },
        {"role": "Data analyst", "organisation": "Elsewhere", "status": "exploring"},
    ],
}
NEVER = ("PAYFLOOR-SECRET", "PERSON-LEARNED-SECRET", "PITCH-TEXT", "INTRO-TEXT", "coffee", "twenty minutes")


def render(path: Path, bank: Bank, *formats: str, **options: object) -> dict[str, str]:
    request = RenderRequest((path,), tuple(formats) or ("md",), force=True, **options)  # type: ignore[arg-type]
    return {p.name: p.read_text("utf-8") for p in run_render(request, bank) if p.suffix != ".pdf"}


def test_without_target_a_sheet_is_made_for_each_job_being_interviewed_for_only(write_answers, bank: Bank) -> None:
    path = write_answers(PERSON)
    assert list(render(path, bank, documents=("interview",))) == ["careerstory-interview-patient-flow-lead.md"]


def test_the_sheet_matches_each_requirement_to_its_evidence_story_or_plan(write_answers, bank: Bank) -> None:
    sheet = render(write_answers(PERSON), bank, documents=("interview",))["careerstory-interview-patient-flow-lead.md"]
    lines = {line.split(":**")[0].lstrip("- *"): line for line in sheet.splitlines() if line.startswith("- **")}
    # Evidence, and the story whose `shows` names the need (case and spacing aside).
    assert "EVIDENCE-PLANNING" in lines["Planning under pressure"]
    assert "The winter rota" in lines["Planning under pressure"]
    assert "PLAN-SQL" in lines["SQL"] and "Gap" in lines["SQL"]
    assert "Nothing yet" in lines["Lean certification"]
    assert "The audit nobody wanted" not in sheet.split("## Questions you are likely")[0]


def test_the_likely_questions_come_from_requirements_objections_and_the_standard_ones(
    write_answers, bank: Bank
) -> None:
    sheet = render(write_answers(PERSON), bank, documents=("interview",))["careerstory-interview-patient-flow-lead.md"]
    likely = sheet.split("## Questions you are likely to be asked")[1].split("\n## ")[0]
    for need in ("Planning under pressure", "SQL", "Lean certification"):
        assert PREPARE.ask_about_requirement.format(need=need) in likely
    assert "You have never worked outside a ward." in likely and "You will miss nursing." in likely
    for standard in PREPARE.asked:
        assert standard.ask in likely
    for own in ("WHY-CHANGE-TEXT", "WHAT-I-WANT-TEXT", "WHY-FIT-TEXT", "PLAN-SQL"):
        assert own in likely
    # The question built from the requirement the story shows is told with that story.
    planning = likely.split(PREPARE.ask_about_requirement.format(need="Planning under pressure"))[1].split("\n\n")[0]
    assert "The winter rota" in planning


def test_the_sheet_holds_tell_me_objections_why_them_stories_and_questions_to_ask(write_answers, bank: Bank) -> None:
    path = write_answers(PERSON)
    for name, page in render(path, bank, "md", "html", documents=("interview",)).items():
        for said in ("TELL-ME-TEXT", "ANSWER-WARD", "ANSWER-MISS", "WHY-THEM-TEXT", "STORY-SITUATION"):
            assert said in page, (name, said)
        assert PREPARE.panel[0] in page
        for secret in NEVER:
            assert secret not in page, (name, secret)
        assert "Draft" not in page


def test_every_open_sheet_carries_what_rejected_and_withdrawn_applications_taught(write_answers, bank: Bank) -> None:
    path = write_answers(PERSON)
    sheets = render(path, bank, "md", "html", documents=("interview",), targets=("all",))
    open_sheet = sheets["careerstory-interview-patient-flow-lead.md"]
    assert "Last time (Clinical educator, Fenwick Trust" in open_sheet and "LESSON-ONE" in open_sheet
    assert "LESSON-TWO" in open_sheet and "LESSON-TWO" in sheets["careerstory-interview-data-analyst.html"]
    # A closed application's sheet brings the other lessons, not its own again.
    rejected = sheets["careerstory-interview-clinical-educator.md"]
    assert "LESSON-TWO" in rejected and "LESSON-ONE" not in rejected


def test_a_drafted_answer_is_marked_as_a_draft_in_title_and_text(
    write_answers, bank: Bank, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    jobs = [dict(PERSON["jobs"][2], tell_me="", learned="OWN-LESSON-SECRET"), *PERSON["jobs"][:2]]  # type: ignore[arg-type]
    path = write_answers({**PERSON, "jobs": jobs})
    seen = []

    def tell_me(sheet, job):  # type: ignore[no-untyped-def]
        # Said aloud to the panel: drafted from the shared answers only, even on this private sheet.
        seen.append((sheet.text("constraints"), job.get("learned")))
        return drafts.Drafted("DRAFTED-TELL-ME: hello", True)

    monkeypatch.setattr(drafts, "tell_me", tell_me)
    pages = render(path, bank, "md", "html", documents=("interview",))
    md, html = (
        pages["careerstory-interview-patient-flow-lead.md"],
        pages["careerstory-interview-patient-flow-lead.html"],
    )
    assert md.startswith("# Draft:") and "DRAFTED-TELL-ME" in md
    assert "<title>Draft: Rosa Lind: interview for Patient flow lead</title>" in html and "DRAFTED-TELL-ME" in html
    assert seen and all(said == ("", "") for said in seen)
    err = capsys.readouterr().err
    assert "interview-patient-flow-lead is marked as a draft: “Tell me about yourself” is careerstory's" in err
    assert "--block targets` makes it yours" in err


def test_asking_for_the_sheet_with_no_job_in_an_interview_exits_1_naming_target(write_answers) -> None:
    path = write_answers({**PERSON, "jobs": [PERSON["jobs"][3]]})  # type: ignore[index]
    command = [sys.executable, "-m", "careerstory", "render", str(path)]
    asked = subprocess.run([*command, "--doc", "interview"], capture_output=True, text=True, check=False)
    assert asked.returncode == 1 and "--target" in asked.stderr and "Traceback" not in asked.stderr
    every = subprocess.run([*command, "--doc", "all"], capture_output=True, text=True, check=False)
    assert every.returncode == 0, every.stderr
    assert "no --doc interview" in every.stderr and "no --doc letter" in every.stderr
    assert not list(path.parent.glob("careerstory-interview*")) and not list(path.parent.glob("careerstory-letter*"))
    named = subprocess.run(
        [*command, "--doc", "interview", "--target", "Data analyst"], capture_output=True, check=False
    )
    assert named.returncode == 0 and (path.parent / "careerstory-interview-data-analyst.md").is_file()


def test_a_job_named_like_a_document_gets_a_name_of_its_own(write_answers, bank: Bank) -> None:
    job = {"role": "Interview coach", "organisation": "Talk Ltd", "status": "applied"}
    names = render(write_answers({**PERSON, "jobs": [job]}), bank, documents=("interview", "letter", "brief"))
    assert sorted(names) == [
        "careerstory-interview-job-interview-coach.md",
        "careerstory-letter-job-interview-coach.md",
        "careerstory.md",
    ]


def test_an_objection_is_what_they_say_in_quotes_then_the_answer() -> None:
    german = split_objection("„Zu alt.“ Ich lerne schnell.")
    assert (german.said, german.quoted, german.answer) == ("Zu alt.", "„Zu alt.“", "Ich lerne schnell.")
    assert split_objection("« Trop cher. » Je sais.").answer == "Je sais."
    plain = split_objection("You are too senior. I chose this. It is fine.")
    assert (plain.said, plain.answer) == ("You are too senior.", "I chose this. It is fine.")


@pytest.mark.parametrize("size", ["a4", "letter"])
def test_the_pdf_sheet_prints_the_preparation_and_no_private_answer_of_others(
    write_answers, bank: Bank, size: str
) -> None:
    path = write_answers(PERSON)
    written = run_render(RenderRequest((path,), ("pdf",), force=True, documents=("interview",), page_size=size), bank)
    reader = PdfReader(written[0])
    text = " ".join(page.extract_text() for page in reader.pages)
    width = float(reader.pages[0].mediabox.width)
    assert round(width) == (595 if size == "a4" else 612)
    for said in ("LESSON-ONE", "EVIDENCE-PLANNING", "ANSWER-WARD", "TELL-ME-TEXT"):
        assert said in text
    for secret in NEVER:
        assert secret not in text


def test_the_likely_questions_stay_one_numbered_list_past_nine(write_answers, bank: Bank) -> None:
    import markdown_it

    job = dict(PERSON["jobs"][2])  # type: ignore[index]
    job["requirements"] = [*job["requirements"], *({"need": f"Need {n}", "evidence": f"Done {n}"} for n in range(5))]
    sheet = render(write_answers({**PERSON, "jobs": [job]}), bank, documents=("interview",))
    tokens = markdown_it.MarkdownIt("commonmark").parse(sheet["careerstory-interview-patient-flow-lead.md"])
    assert [t.type for t in tokens].count("ordered_list_open") == 1
    items = [t for t in tokens if t.type == "list_item_open" and t.markup == "."]
    assert len(items) == len(job["requirements"]) + 2 + len(PREPARE.asked) > 9
    # What they wrote stays inside its question, after the story to tell too, the tenth as the first.
    wrote = [t for t in tokens if t.type == "inline" and "You wrote" in t.content]
    assert len(wrote) >= 2 and all(t.level >= 3 for t in wrote)
    assert sum(t.content.count("You wrote") for t in wrote) == 1 + 5 + 3


def test_a_requirement_with_nothing_against_it_says_so_briefly_and_the_advice_comes_once(
    write_answers, bank: Bank
) -> None:
    bare = [{"need": f"Requirement {n}"} for n in range(3)]
    jobs = [{**PERSON["jobs"][2], "requirements": bare}]  # type: ignore[dict-item]
    pages = render(write_answers({**PERSON, "jobs": jobs}), bank, "md", "html", documents=("interview",))
    advice = "find your evidence or write how you are closing the gap"
    for name, page in pages.items():
        assert page.count(advice) == 1, name
        assert page.count("Nothing yet.") == 3, name
    md = pages["careerstory-interview-patient-flow-lead.md"]
    assert "\n\nWhere there is nothing yet" in md  # its own paragraph, not the last item's tail


def test_a_sheet_whose_requirements_are_all_answered_gives_no_advice_on_gaps(write_answers, bank: Bank) -> None:
    answered = [{"need": "SQL", "evidence": "I write it daily."}, {"need": "Lean", "plan": "The course, by May."}]
    jobs = [{**PERSON["jobs"][2], "requirements": answered}]  # type: ignore[dict-item]
    md = render(write_answers({**PERSON, "jobs": jobs}), bank, documents=("interview",))
    assert "nothing yet" not in md["careerstory-interview-patient-flow-lead.md"].lower()


def test_why_you_are_leaving_comes_with_a_coach_s_word_on_saying_it_to_a_panel(write_answers, bank: Bank) -> None:
    complaint = {**PERSON, "why_change": "The pay is bad and my manager is useless."}
    pages = render(write_answers(complaint), bank, "md", "html", documents=("interview",))
    for name, page in pages.items():
        leaving = page.split("Why do you want to leave your current work?")[1].split("Why this field")[0]
        assert "The pay is bad and my manager is useless." in leaving, name  # their words, kept
        assert "lead with what you are moving towards" in leaving, name
        assert page.count("lead with what you are moving towards") == 1, name


def test_the_coach_s_word_speaks_the_file_s_language(write_answers, bank: Bank) -> None:
    path = write_answers(PERSON)
    path.write_text(path.read_text("utf-8").replace("version: 3\n", "version: 3\nlanguage: de\n", 1), "utf-8")
    pages = render(path, bank, "md", documents=("interview",))
    page = next(iter(pages.values()))
    assert "beginnst du mit dem, worauf du zugehst" in page and "moving towards" not in page
