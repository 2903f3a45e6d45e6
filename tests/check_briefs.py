"""CI's check of the example briefs that ``make examples`` rendered into out/examples/.

Each PDF must open and hold the person's name; ``careerstory check`` must pass on every
example, and ``check --strict`` on every complete one (all but the half-finished file).
Run as a script: ``python tests/check_briefs.py``; it exits 1 on the first failure.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pypdfium2

from careerstory.answers import load
from careerstory.questions import default_bank

REPO = Path(__file__).resolve().parents[1]
UNFINISHED = {"half-finished.yaml"}


def main() -> int:
    bank = default_bank()
    careerstory = str(Path(sys.executable).parent / "careerstory")
    examples = sorted((REPO / "examples").glob("*.yaml"))
    for example in examples:
        name = load(example, bank).text("name")
        brief = REPO / "out" / "examples" / f"{example.stem}.pdf"
        pdf = pypdfium2.PdfDocument(brief)
        text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
        if name not in text:
            print(f"{brief}: the name {name!r} is not in the PDF's text", file=sys.stderr)
            return 1
        strict = [] if example.name in UNFINISHED else ["--strict"]
        result = subprocess.run([careerstory, "check", str(example), *strict], capture_output=True, text=True)
        if result.returncode != 0:
            print(f"careerstory check {' '.join(strict)} failed on {example}:\n{result.stderr}", file=sys.stderr)
            return 1
        print(f"ok {brief.relative_to(REPO)}: {len(pdf)} page(s), names {name}")
    print(f"{len(examples)} example briefs checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
