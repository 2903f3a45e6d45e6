"""A coach's generated caseload: 200 answers files, some overdue, some broken, some of older versions."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
sys.path.insert(0, str(REPO / "tests"))

from hand_written import HAND_WRITTEN  # noqa: E402  (a version-2 file as a person leaves it)

BROKEN = "version: 3\nabout:\n  name: [a list never closed\n"


def with_dues(text: str, dues: list[str]) -> str:
    """``text`` with its records' empty ``due:`` filled in turn."""
    for due in dues:
        text = text.replace("      due:\n", f"      due: {due or chr(39) * 2}\n", 1)
    return text


def write_caseload(folder: Path, count: int = 200, start: dt.date = dt.date(2026, 3, 1)) -> list[Path]:
    """``count`` files in ``folder``: every tenth broken, every tenth a version 1, every tenth a version 2."""
    folder.mkdir(parents=True, exist_ok=True)
    version_1 = (REPO / "tests" / "fixtures" / "teacher-v1.yaml").read_text("utf-8")
    examples = sorted(p for p in EXAMPLES.glob("*.yaml") if p.stem != "half-finished")
    paths = []
    for number in range(count):
        path = folder / f"client-{number:03d}.yaml"
        if number % 10 == 3:
            text = BROKEN
        elif number % 10 == 5:
            text = version_1
        elif number % 10 == 7:
            text = HAND_WRITTEN
        else:
            example = examples[number % len(examples)]
            # Dates spread around the start, ISO and as typed, so that some clients are overdue.
            days = [start + dt.timedelta(days=(number * 7 + turn * 11) % 60 - 20) for turn in range(3)]
            typed = [days[0].isoformat(), "", days[2].isoformat()]
            text = with_dues(example.read_text("utf-8"), typed)
        path.write_text(text, "utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    for written in write_caseload(Path(sys.argv[1])):
        print(written)
