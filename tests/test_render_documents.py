"""The pitch page, the conversation kit and --target: names, tailoring, privacy, hostile answers."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from careerstory.answers import load
from careerstory.questions import Bank
from careerstory.questions.documents import document
from careerstory.render.brief import build_document
from careerstory.render.outputs import laid_out_pages
from careerstory.render.request import BadRequest, RenderRequest
from careerstory.render.running import run_render
from careerstory.render.targets import slugify, slugs, targets_of
from careerstory.render.text import fence_for, sentences

REPO = Path(__file__).resolve().parents[1]
TEACHER = REPO / "examples" / "teacher.yaml"

PERSON = {
    "name": "Ada Quinn",
    "current_role": "Warehouse shift supervisor",
    "constraints": "PAYFLOOR-SECRET: at least 41,000 a year",
    "pitch": "I run a night shift of 30 people. I want to train people for a living. Could we talk?",
    "why_change": "I want to teach. The nights are long.",
    "people": [
        {
            "name": "Dr. Bea Stone",
            "works_as": "Trainer at a logistics firm",
            "connection": "My cousin's manager",
            "ask_about": "How she got in",
            "status": "to contact",
        },
        {
            "name": "Cal Reed",
            "works_as": "Learning designer",
            "status": "talked",
            "learned": "CONFIDENCE-SECRET: the team is being cut",
            "next_step": "Thank him",
            "contacted_on": "3 May 2026",
        },
    ],
    "jobs": [
        {"role": "Trainer", "organisation": "Acme", "requirements": ["Coaching adults"], "why_fit": "FIT-ACME"},
        {
            "role": "Trainer",
            "organisation": "Beta Ltd",
            "why_fit": "FIT-BETA",
            "status": "rejected",
            "learned": "REJECTION-SECRET: lead with numbers",
            "next_step": "Ask for feedback by 1 June",
        },
        {"role": "Ünïcode Coach", "organisation": "Gamma"},
    ],
}


def render(path: Path, bank: Bank, *formats: str, **options: object) -> dict[str, str]:
    request = RenderRequest((path,), tuple(formats) or ("md",), force=True, **options)  # type: ignore[arg-type]
    return {p.name: p.read_text("utf-8") for p in run_render(request, bank) if p.suffix != ".pdf"}


def test_slugs_fold_to_ascii_and_tell_apart_two_targets_with_one_role() -> None:
    assert slugify("Ünïcode Coach (Senior)") == "unicode-coach-senior"
    assert slugs(["Trainer", "Trainer", "Trainer", "", "東京"], ["Acme", "Acme", "", "X", "Y"]) == [
        "trainer-acme",
        "trainer-acme-2",
        "trainer",
        "target-4",
        "target-5",
    ]


def test_every_document_and_target_gets_its_own_name(write_answers, bank: Bank) -> None:
    path = write_answers(PERSON)
    names = sorted(render(path, bank, documents=("all",), targets=("all",)))
    stems = ["trainer-acme", "trainer-beta-ltd", "unicode-coach"]
    docs = ("", "-pitch", "-conversations", "-interview", "-letter")
    expected = [f"careerstory{doc}-{slug}.md" for doc in docs for slug in stems]
    assert names == sorted(expected)
    general = sorted(render(path, bank, documents=("all",)))
    assert general == ["careerstory-conversations.md", "careerstory-pitch.md", "careerstory.md"]


def test_a_target_named_by_role_or_slug_tailors_to_it_and_not_the_others(write_answers, bank: Bank) -> None:
    path = write_answers(PERSON)
    out = render(path, bank, targets=("trainer-acme",))
    assert list(out) == ["careerstory-trainer-acme.md"]
    brief = out["careerstory-trainer-acme.md"]
    assert "FIT-ACME" in brief and "FIT-BETA" not in brief
    assert "Trainer, Acme" in brief.splitlines()[2]
    both = render(path, bank, targets=("  TRAINER ",))
    assert sorted(both) == ["careerstory-trainer-acme.md", "careerstory-trainer-beta-ltd.md"]


def test_an_unknown_target_exits_1_listing_the_targets(write_answers, tmp_path: Path) -> None:
    path = write_answers(PERSON)
    result = subprocess.run(
        [sys.executable, "-m", "careerstory", "render", str(path), "--target", "Astronaut"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Astronaut" in result.stderr and "Trainer (trainer-acme)" in result.stderr
    assert "Traceback" not in result.stderr


def test_target_all_on_a_file_without_targets_gives_the_general_documents_and_says_so(
    write_answers, bank: Bank, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_answers({"name": "Ada", "current_role": "Teacher"})
    assert list(render(path, bank, targets=("all",))) == ["careerstory.md"]
    assert "no jobs to tailor to yet" in capsys.readouterr().err


def test_out_names_a_file_only_when_one_output_results(write_answers, bank: Bank, tmp_path: Path) -> None:
    path = write_answers(PERSON)
    one = tmp_path / "mine.md"
    assert run_render(RenderRequest((path,), ("md",), out=str(one), targets=("unicode-coach",)), bank) == [one]
    folder = tmp_path / "several"
    written = run_render(RenderRequest((path,), ("md",), out=str(folder), documents=("brief", "pitch")), bank)
    assert sorted(p.name for p in written) == ["careerstory-pitch.md", "careerstory.md"]
    assert all(p.parent == folder for p in written)


def test_an_unknown_document_is_refused_with_the_known_ones(tmp_path: Path) -> None:
    with pytest.raises(BadRequest, match="brief, pitch, conversations, interview, letter, all"):
        RenderRequest((tmp_path / "a.yaml",), documents=("cv",))
    assert RenderRequest((tmp_path / "a.yaml",), documents=("all", "pitch")).documents == (
        "brief",
        "pitch",
        "conversations",
        "interview",
        "letter",
    )


def test_private_answers_stay_out_of_the_brief_unless_shared_and_out_of_every_message(
    write_answers, bank: Bank, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_answers(PERSON)
    secrets = ("PAYFLOOR-SECRET", "CONFIDENCE-SECRET", "REJECTION-SECRET")
    capsys.readouterr()
    brief = render(path, bank)["careerstory.md"]
    assert not any(secret in brief for secret in secrets)
    # What was left out is for the person: said on standard error, never to the mentor on the page.
    assert "private answers" in capsys.readouterr().err and "rivate answers" not in brief
    shared = render(path, bank, share_private=True)["careerstory.md"]
    assert all(secret in shared for secret in secrets)
    kit = render(path, bank, documents=("conversations",))["careerstory-conversations.md"]
    assert "CONFIDENCE-SECRET" in kit  # the kit is the person's own
    sheet = load(path, bank)
    for job in (None, *targets_of(sheet)):
        view = build_document(sheet, document("conversations"), job, share_private=True)
        for person in view.people:
            # A thank-you may say back what that same person said (their `learned`), nobody else's.
            theirs = ("CONFIDENCE-SECRET",) if person.name == "Cal Reed" else ()
            assert not any(secret in person.message for secret in secrets if secret not in theirs)


def test_the_kit_lists_people_to_contact_first_and_gives_each_what_their_status_calls_for(
    write_answers, bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerstory.answers import drafts

    def drafted(sheet: object, person: dict[str, str], today: object) -> drafts.Drafted:
        return drafts.Drafted(f"Hi {person['name']}, DRAFTED-FOR-{person['status'].upper()}", True)

    monkeypatch.setattr(drafts, "person_message", drafted)
    path = write_answers(PERSON)
    kit = render(path, bank, documents=("conversations",))["careerstory-conversations.md"]
    assert kit.index("| Dr. Bea Stone |") < kit.index("| Cal Reed |")
    bea, cal = kit.split("\n## Dr. Bea Stone\n")[1].split("\n## Cal Reed\n")
    message = bea.split("```text\n")[1].split("\n```")[0]
    assert message == "Hi Dr. Bea Stone, DRAFTED-FOR-TO CONTACT"
    assert "### A message to send (draft)" in bea
    assert bea.index("How she got in") < bea.index("What does a typical week look like for you?")
    assert "### Your thank-you and follow-up (draft)" in cal and "DRAFTED-FOR-TALKED" in cal
    assert "What to ask" not in cal and "typical week" not in cal  # no first-meeting questions after a talk
    assert "### What they offered, and your next step" in cal and "Thank him" in cal
    # careerstory's messages are marked where they stand; the kit itself is not a draft for them
    assert not kit.startswith("# Conversations: Ada Quinn\n\n**Draft**")


def test_every_example_person_gets_what_their_status_calls_for(bank: Bank) -> None:
    for path in sorted((REPO / "examples").glob("*.yaml")):
        view = build_document(load(path, bank), document("conversations"))
        for person in view.people:
            assert person.stage == {"to contact": "first", "contacted": "nudge", "talked": "after"}[person.status]
            if person.stage == "after":
                assert person.questions == (), (path.name, person.name)
            else:
                assert 1 <= len(person.questions) <= 4, (path.name, person.name)
                assert person.questions[0] == person.fields["ask_about"]


def test_a_message_holding_backticks_gets_a_longer_fence() -> None:
    assert fence_for("plain") == "```"
    assert fence_for("see ```` here") == "`````"


def test_next_steps_of_people_and_targets_are_gathered_with_their_dates(write_answers, bank: Bank) -> None:
    view = build_document(load(write_answers(PERSON), bank), document("brief"))
    steps = [(s.about, s.step, s.when) for s in view.next_steps]
    assert ("Cal Reed", "Thank him", "contacted 3 May 2026") in steps
    assert ("Trainer", "Ask for feedback by 1 June", "") in steps


def test_a_title_s_full_stop_ends_no_sentence() -> None:
    assert sentences("Dr. Marsh said yes. Then she left.", 2) == ["Dr. Marsh said yes.", "Then she left."]


def test_the_fingerprint_covers_the_document_and_the_target(write_answers, bank: Bank) -> None:
    path = write_answers(PERSON)
    for doc, target in (("brief", ()), ("pitch", ()), ("pitch", ("trainer-acme",)), ("pitch", ("unicode-coach",))):
        written = run_render(RenderRequest((path,), ("md",), documents=(doc,), targets=target), bank)
        assert len(written) == 1  # each a new output, never taken for another one up to date
    again = run_render(RenderRequest((path,), ("md",), documents=("pitch",), targets=("trainer-acme",)), bank)
    assert again == []


def test_hostile_answers_give_clear_documents(write_answers, bank: Bank, capsys: pytest.CaptureFixture[str]) -> None:
    fifty = [{"name": f"Person {n}", "status": "to contact"} for n in range(50)]
    values = {
        "name": "Long Talker",
        "current_role": "Talker",
        "pitch": "I talk a great deal, and this sentence goes on. " * 120,
        "people": [{"works_as": "Someone without a name", "status": "to contact"}, *fifty],
    }
    path = write_answers(values)
    out = render(path, bank, "md", "html", documents=("all",))
    kit = out["careerstory-conversations.md"]
    assert kit.count("\n## ") == 51  # one part per person, no empty list of next steps
    assert "Someone on your list (no name yet)" in kit
    pdfs = run_render(RenderRequest((path,), ("pdf",), documents=("pitch",), force=True), bank)
    pages = len(PdfReader(pdfs[0]).pages)
    assert pages > 1 and laid_out_pages(pdfs[0]) == pages
    assert "runs to" in capsys.readouterr().err  # a second page, and a line that says so


def test_a_half_finished_file_says_so_kindly_in_every_document(bank: Bank, tmp_path: Path) -> None:
    path = REPO / "examples" / "half-finished.yaml"
    request = RenderRequest((path,), ("md",), out=str(tmp_path), documents=("all",), force=True)
    out = {p.name: p.read_text("utf-8") for p in run_render(request, bank)}
    assert "still taking shape" in out["half-finished.md"]
    assert "Your pitch is still to write" in out["half-finished-pitch.md"]
    assert "No one on your list yet" in out["half-finished-conversations.md"]
    assert all(len(re.sub(r"\s", "", text)) > 200 for text in out.values())


def _bank_with(change) -> Bank:
    import copy

    from careerstory.questions import bank_from_data
    from careerstory.questions.compiled import load_data

    raw = copy.deepcopy(load_data("bank.yaml"))
    change({q["id"]: q for block in raw["blocks"] for q in block["questions"]})
    return bank_from_data(raw)


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda qs: qs["name"].pop("role"), "bank: name shows in the brief's header but has no role"),
        (
            lambda qs: qs["pitch"]["show"].update(brief="margin"),
            "bank: pitch shows at 'margin', not a place of the brief",
        ),
        (
            lambda qs: next(f for f in qs["jobs"]["fields"] if f["id"] == "role").pop("role"),
            "bank: jobs.role shows in the header but has no role",
        ),
    ],
)
def test_a_bank_showing_a_question_where_a_document_cannot_is_refused_before_anything_is_read(tmp_path, change, said):
    from careerstory.questions.documents import check_places, default_documents

    bank = _bank_with(change)
    with pytest.raises(ValueError, match=re.escape(said)):
        check_places(bank, default_documents())
    missing = tmp_path / "never-read.yaml"  # the check comes first: no file is opened
    with pytest.raises(ValueError, match=re.escape(said)):
        run_render(RenderRequest((missing,), ("md",)), bank)
