from careerstory.answers import load_text, new_file_text
from careerstory.answers.report import open_required, progress, report, strict_gaps, strict_problem


def test_progress_counts_each_block_and_names_its_open_questions(bank):
    sheet = load_text(new_file_text(bank, {"name": "Ada", "constraints": "Leeds", "skill_jobs": ["a"]}), bank)
    blocks = progress(sheet)
    assert [p.block.id for p in blocks] == [b.id for b in bank.blocks]
    about, strengths = blocks[0], blocks[1]
    assert (about.answered, about.total, about.complete) == (2, 5, False)
    assert [q.id for q in about.open] == ["current_role", "dont_want", "location"]
    assert strengths.answered == 1
    required = [q.id for q in open_required(blocks)]
    assert required[0] == "current_role"
    assert required == [q.id for q in sheet.open_questions(required_only=True)]


def test_the_report_says_complete_only_when_no_required_question_is_open(bank):
    values = {q.id: ("x" if q.kind in ("text", "long") else ["x"]) for q in bank.questions if q.required}
    values["transferable_skills"] = [{"skill": "s", "evidence": "e"}]
    complete = report(load_text(new_file_text(bank, values), bank))
    assert complete.complete and "Every required question is answered." in complete.text
    partial = report(load_text(new_file_text(bank, {"name": "Ada"}), bank))
    assert not partial.complete and "still open" in partial.text


def roleless_job_values(bank) -> dict:
    values = {q.id: ("x" if q.kind in ("text", "long") else ["x"]) for q in bank.questions if q.required}
    values["transferable_skills"] = [{"skill": "s", "evidence": "e"}]
    values["jobs"] = [{"organisation": "Acme", "status": "applied"}]
    return values


def test_a_file_whose_only_gap_is_an_open_record_says_so_in_its_last_line(bank):
    checked = report(load_text(new_file_text(bank, roleless_job_values(bank)), bank))
    assert not checked.complete
    assert checked.text.splitlines()[-1] == "Every required question is answered, but 1 record is still open."


def test_check_and_render_refuse_the_same_files_under_strict(bank):
    sheet = load_text(new_file_text(bank, roleless_job_values(bank)), bank)
    assert strict_gaps(sheet).records and not strict_gaps(sheet).questions
    refused = strict_problem(sheet)
    assert refused is not None and "jobs[1] has no role" in refused.message
