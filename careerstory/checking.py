"""What ``careerstory check`` reports: block by block, what is answered and what is open."""

from __future__ import annotations

from careerstory.answers import AnswerSheet


def report(sheet: AnswerSheet) -> tuple[str, bool]:
    """The report's text, and whether every required question is answered."""
    lines = [f"{sheet.path}: valid"]
    width = max(len(b.title) for b in sheet.bank.blocks)
    missing_required = 0
    for block in sheet.bank.blocks:
        done = sheet.answered_count(block)
        lines.append(f"  {block.title:<{width}}  {done} of {len(block.questions)} answered")
        for question in sheet.open_questions(block):
            mark = "required" if question.required else "optional"
            missing_required += question.required
            lines.append(f"      open ({mark}): {question.id}")
    open_records = sheet.open_records()
    for record in open_records:
        lines.append(f"  open record: {record} yet")
    if open_records:
        lines.append("Fill in what each open record lacks, or delete the record; `check --strict` waits for it.")
    if missing_required:
        lines.append(f"{missing_required} required question(s) still open: `careerstory ask {sheet.path}` asks them.")
    else:
        lines.append("Every required question is answered.")
    return "\n".join(lines), missing_required == 0 and not open_records
