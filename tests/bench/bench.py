"""careerstory's benchmark: figures side by side with their floors, as ratios of one run.

Absolute times drift on a shared machine, so every figure is compared with a floor
measured in the same run: a bare Typer app for start-up, a bare WeasyPrint script for
the PDF. Each time is the median of several runs; peak memory is the child's maximum
resident set size. Run it with ``make bench``; it prints a Markdown table.

Bytecode: start-up is measured as a person gets it, from an installed wheel whose
modules pip compiled at install time; the table's heading says whether careerstory's
modules in the measured environment were compiled. The development machine sets
``PYTHONDONTWRITEBYTECODE``, under which an editable install recompiles every module
on every run, so figures taken there without the wheel would be slower than real.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "teacher.yaml"
# `make bench` points this at a virtual environment holding the built wheel, as a person
# installs it; the floors run on that environment's Python, with the same Typer.
BIN = Path(os.environ.get("BENCH_VENV", Path(sys.executable).parent.parent)) / "bin"
CAREERSTORY = str(BIN / "careerstory")
PYTHON = str(BIN / "python")
RUNS = int(os.environ.get("BENCH_RUNS", "7"))
IDLE_SECONDS = 30  # how long --watch is left idle to measure what waiting costs

BARE_APP = """
import sys
import typer

app = typer.Typer()


@app.command()
def hello(name: str = "world") -> None:
    print(f"hello {name}")


@app.command()
def bye() -> None:
    print("bye")


app()
"""

BARE_PDF = """
import sys
from weasyprint import HTML

HTML(filename=sys.argv[1], base_url=sys.argv[3]).write_pdf(sys.argv[2])
"""

# Turns the same HTML into a PDF five times in one warm process (WeasyPrint imported,
# fonts loaded) and prints the median: the floor for a re-render under --watch.
WRITE_PDF_ONLY = """
import sys, time
from weasyprint import HTML

source = open(sys.argv[1], encoding="utf-8").read()
HTML(string=source, base_url=sys.argv[2]).write_pdf()
times = []
for _ in range(5):
    start = time.perf_counter()
    HTML(string=source, base_url=sys.argv[2]).write_pdf()
    times.append(time.perf_counter() - start)
print(sorted(times)[2])
"""

# Runs a command and prints its peak resident memory (kB) once it is done.
PEAK = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL);"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def timed(command: list[str], runs: int = RUNS, before: Callable[[], None] | None = None) -> float:
    """Median wall time of ``command`` in seconds."""
    times = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def paired(ours: list[str], floor: list[str], runs: int = RUNS) -> tuple[float, float]:
    """Median times of two commands run turn about, so that drift hits both alike."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for command, bucket in ((ours, times[0]), (floor, times[1])):
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            bucket.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def peak_kb(command: list[str]) -> int:
    result = subprocess.run([sys.executable, "-c", PEAK, *command], check=True, capture_output=True, text=True)
    return int(result.stdout.strip())


def row(what: str, ours: float, floor: float, target: str, ok: bool, extra: str = "") -> str:
    verdict = "yes" if ok else "**no**"
    figures = f"{ours * 1000:.0f} ms | {floor * 1000:.0f} ms | {ours / floor:.2f}x"
    return f"| {what} | {figures} | {target} | {verdict} | {extra} |"


def bytecode_compiled() -> bool:
    """True when careerstory's modules in the measured environment have compiled bytecode beside them."""
    code = (
        "import importlib.util, os, careerstory.cli as m;"
        "print(os.path.exists(importlib.util.cache_from_source(m.__file__)))"
    )
    return subprocess.run([PYTHON, "-c", code], check=True, capture_output=True, text=True).stdout.strip() == "True"


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has used so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def watch_latency(work: Path, bare_pdf_time: float) -> tuple[float, str]:
    """Median time from saving the answers file to a finished PDF under --watch, and its idle CPU."""
    answers = work / "watched.yaml"
    shutil.copy(EXAMPLE, answers)
    pdf = work / "watched.pdf"
    process = subprocess.Popen(
        [CAREERSTORY, "render", str(answers), "--pdf", "--force", "--watch", "--out", str(pdf)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not pdf.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(1)
        idle_from = cpu_seconds(process.pid)
        time.sleep(IDLE_SECONDS)
        idle = cpu_seconds(process.pid) - idle_from
        times = []
        for i in range(RUNS):
            time.sleep(0.5)
            before = pdf.stat().st_mtime_ns
            start = time.perf_counter()
            with answers.open("a") as stream:
                stream.write(f"# edit {i}\n")
            while pdf.stat().st_mtime_ns == before and time.perf_counter() - start < 30:
                time.sleep(0.005)
            # WeasyPrint writes the file in one go after layout; wait for the size to settle.
            times.append(time.perf_counter() - start)
        return statistics.median(times), f"idle: {idle:.2f} s of CPU in {IDLE_SECONDS} s"
    finally:
        process.terminate()
        process.wait(timeout=10)


def big_version_1(path: Path, size: int = 100_000) -> int:
    """Write a version-1 file of about ``size`` bytes: the teacher's, with people added; return how many."""
    base = (REPO / "tests" / "fixtures" / "teacher-v1.yaml").read_text("utf-8")
    marker = "  people:\n"
    head, rest = base.split(marker, 1)
    added: list[str] = []
    text = base
    while len(text.encode()) < size:
        n = len(added) + 1
        added.append(
            f"    - name: Contact {n}\n      works_as: Learning designer at company {n}\n"
            "      ask_about: What a normal week looks like\n      status: talked\n      learned: |\n"
            f"        A portfolio of {n} small pieces beats a certificate: the problem, the change, the result.\n"
            "        # not a comment: this line is part of the answer\n"
        )
        text = head + marker + "".join(added) + rest
    path.write_text(text, "utf-8")
    return len(added)


def migrate_cost(work: Path) -> str:
    """``migrate`` of a 100 kB version-1 file against ``check`` of the same file (reading it, lifted in memory)."""
    source = work / "big-v1.yaml"
    big_version_1(source)
    target = work / "big.yaml"

    def fresh() -> None:
        shutil.copy(source, target)
        for copy in work.glob("big.yaml.v1*"):
            copy.unlink()

    ours = timed([CAREERSTORY, "migrate", str(target)], before=fresh)
    floor = timed([CAREERSTORY, "check", str(source)])
    size = source.stat().st_size // 1000
    return row(f"`migrate` of a {size} kB version-1 file vs `check` of it", ours, floor, "≤ 2x", ours <= 2 * floor)


def one_vs_each(
    folder: Path, flags: list[str], what: str, runs: int, each_out: Callable[[Path, Path], Path], extra: str = ""
) -> str:
    """A coach's 20 files: one command for them all against one command per file."""
    folder.mkdir()
    files = [folder / f"client-{i:02d}.yaml" for i in range(20)]
    for file in files:
        shutil.copy(EXAMPLE, file)
    out = folder / "out"
    one_command = timed([CAREERSTORY, "render", *map(str, files), *flags, "--force", "--out", str(out)], runs=runs)
    start = time.perf_counter()
    for file in files:
        subprocess.run(
            [CAREERSTORY, "render", str(file), *flags, "--force", "--out", str(each_out(file, out))],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    separate = time.perf_counter() - start
    speedup = separate / one_command
    return (
        f"| {what} | {one_command * 1000:.0f} ms | {separate * 1000:.0f} ms | {speedup:.2f}x faster | ≥ 3x faster "
        f"| {'yes' if speedup >= 3 else '**no**'} | {extra} |"
    )


def document_rows(work: Path, answers: Path) -> list[str]:
    """Every document against the brief alone, and a coach's 20 files with ``--doc all`` against 20 runs."""
    rows = []
    render = [CAREERSTORY, "render", str(answers), "--force"]
    all_pdf, brief_pdf = paired(
        [*render, "--pdf", "--doc", "all", "--out", str(work / "docs-pdf")],
        [*render, "--pdf", "--out", str(work / "brief-only.pdf")],
    )
    rows.append(
        row(
            "every document as PDF vs the PDF brief alone",
            all_pdf,
            brief_pdf,
            "≤ 1.6x",
            all_pdf <= 1.6 * brief_pdf,
            "one WeasyPrint import, three PDFs in the pool",
        )
    )
    all_md, brief_md = paired(
        [*render, "--doc", "all", "--out", str(work / "docs-md")],
        [*render, "--out", str(work / "brief-only.md")],
    )
    rows.append(
        row(
            "every document as Markdown vs the Markdown brief alone",
            all_md,
            brief_md,
            "≤ 1.2x",
            all_md <= 1.2 * brief_md,
        )
    )
    rows.append(
        one_vs_each(
            work / "coach",
            ["--doc", "all"],
            "20 files `--doc all` (Markdown) in one command vs 20 invocations",
            runs=3,
            each_out=lambda _file, out: out,
        )
    )
    return rows


def first_web_page_row(work: Path, answers: Path) -> str:
    """The web page on a new machine (no cache at all) against the same page rendered again."""
    cache = work / "first-page-cache"
    command = [CAREERSTORY, "render", str(answers), "--html", "--force", "--out", str(work / "first.html")]
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}

    def once(cold: bool) -> float:
        if cold:
            shutil.rmtree(cache, ignore_errors=True)
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        return time.perf_counter() - start

    colds, warms = [], []
    for _ in range(RUNS):
        colds.append(once(cold=True))
        warms.append(once(cold=False))
    cold, warm = statistics.median(colds), statistics.median(warms)
    size = (work / "first.html").stat().st_size
    return row(
        "first `render --html` on a new machine vs the same page again",
        cold,
        warm,
        "≤ 1.5x",
        cold <= 1.5 * warm,
        f"Latin faces embedded whole from the build's cuts; the page is {size // 1000} kB",
    )


def near_limit_rows(work: Path) -> list[str]:
    """``review`` of a near-limit file of each shape that could make a rule slow, against ``check`` of it."""
    sys.path.insert(0, str(REPO / "tests"))
    from big_files import SHAPES

    rows = []
    for name, make in SHAPES.items():
        path = work / f"near-limit-{name}.yaml"
        path.write_text(make(), "utf-8")
        ours = timed([CAREERSTORY, "review", str(path)], runs=3)
        floor = timed([CAREERSTORY, "check", str(path)], runs=3)
        size = path.stat().st_size // 1000
        rows.append(
            row(f"`review` vs `check` of a {size} kB file: {name}", ours, floor, "≤ 5x", ours <= 5 * floor, "linear")
        )
    return rows


def main() -> None:
    if not EXAMPLE.exists():
        sys.exit(f"{EXAMPLE} is missing")
    work = Path(tempfile.mkdtemp(prefix="careerstory-bench-"))
    bare = work / "bare.py"
    bare.write_text(BARE_APP)
    bare_pdf = work / "bare_pdf.py"
    bare_pdf.write_text(BARE_PDF)
    answers = work / "brief.yaml"
    shutil.copy(EXAMPLE, answers)
    py = PYTHON
    if os.environ.get("BENCH_ONLY") == "review":  # the near-limit review figures alone
        print("| what | careerstory | floor | ratio | target | met | notes |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        print("\n".join(near_limit_rows(work)))
        return
    rows = document_rows(work, answers)
    if os.environ.get("BENCH_ONLY") == "documents":  # the documents' figures alone, in a minute
        print("| what | careerstory | floor | ratio | target | met | notes |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        print("\n".join(rows))
        return

    help_ours, help_bare = paired([CAREERSTORY, "--help"], [py, str(bare), "--help"])
    rows.append(
        row("`careerstory --help` vs bare Typer `--help`", help_ours, help_bare, "≤ 1.3x", help_ours <= 1.3 * help_bare)
    )

    md_ours, cmd_bare = paired(
        [CAREERSTORY, "render", str(answers), "--force", "--out", str(work / "brief.md")], [py, str(bare), "hello"]
    )
    rows.append(
        row("`render` (Markdown) vs bare Typer command", md_ours, cmd_bare, "≤ 1.5x", md_ours <= 1.5 * cmd_bare)
    )

    # The same answers in German: what speaking another language costs (its catalog and dates).
    german = work / "brief-de.yaml"
    german.write_text(answers.read_text("utf-8").replace("\nversion: 3\n", "\nversion: 3\nlanguage: de\n", 1), "utf-8")
    de_ours, en_ours = paired(
        [CAREERSTORY, "render", str(german), "--force", "--out", str(work / "brief-de.md")],
        [CAREERSTORY, "render", str(answers), "--force", "--out", str(work / "brief-en.md")],
    )
    rows.append(
        row("`render` (Markdown) in German vs in English", de_ours, en_ours, "≤ 1.1x", de_ours <= 1.1 * en_ours)
    )

    html = work / "brief.html"
    subprocess.run([CAREERSTORY, "render", str(answers), "--html", "--force", "--out", str(html)], check=True)
    rows.append(first_web_page_row(work, answers))
    templates = str(REPO / "templates")
    pdf_ours, pdf_bare = paired(
        [CAREERSTORY, "render", str(answers), "--pdf", "--force", "--out", str(work / "brief.pdf")],
        [py, str(bare_pdf), str(html), str(work / "bare.pdf"), templates],
    )
    # What Typer itself costs before any command runs: the bare app's command against
    # Python doing nothing. The bare WeasyPrint script pays none of it.
    typer_only, python_only = paired([py, str(bare), "hello"], [py, "-c", "pass"])
    mem_bare = peak_kb([py, str(bare_pdf), str(html), str(work / "bare.pdf"), templates])
    mem_ours = peak_kb([CAREERSTORY, "render", str(answers), "--pdf", "--force", "--out", str(work / "brief.pdf")])
    rows.append(
        row(
            "`render --pdf` vs bare WeasyPrint script",
            pdf_ours,
            pdf_bare,
            "≤ 1.15x",
            pdf_ours <= 1.15 * pdf_bare,
            f"peak {mem_ours // 1024} MB vs {mem_bare // 1024} MB; Typer's own start-up is "
            f"{(typer_only - python_only) * 1000:.0f} ms of the {(pdf_ours - pdf_bare) * 1000:.0f} ms gap",
        )
    )

    # The review reads the same file as check, then runs its rules and proselint (English).
    review_ours, check_floor = paired([CAREERSTORY, "review", str(answers)], [CAREERSTORY, "check", str(answers)])
    rows.append(
        row(
            "`review` vs `check` on a complete file",
            review_ours,
            check_floor,
            "≤ 1.75x",
            review_ours <= 1.75 * check_floor,
        )
    )

    rows.append(
        one_vs_each(
            work / "many",
            ["--pdf"],
            "20 briefs `--pdf` in one command vs 20 invocations",
            runs=1,
            each_out=lambda file, out: out / f"{file.stem}.pdf",
            extra=f"{os.cpu_count()} cores",
        )
    )

    watched, idle_note = watch_latency(work, pdf_bare)
    bare_write = timed([py, str(bare_pdf), str(html), str(work / "bare.pdf"), templates], runs=3)
    # The floor for --watch is write_pdf alone, without starting Python and importing WeasyPrint.
    inner = work / "inner.py"
    inner.write_text(WRITE_PDF_ONLY)
    write_only = float(
        subprocess.run([py, str(inner), str(html), templates], check=True, capture_output=True, text=True).stdout
    )
    rows.append(
        row(
            "`render --watch`: save to finished PDF vs bare `write_pdf`",
            watched,
            write_only,
            "≤ 1.2x",
            watched <= 1.2 * write_only,
            f"a cold bare script takes {bare_write * 1000:.0f} ms; {idle_note}",
        )
    )

    examples = sorted((REPO / "examples").glob("*.yaml"))
    skip_out = work / "skip"
    subprocess.run(
        [CAREERSTORY, "render", *map(str, examples), "--md", "--pdf", "--out", str(skip_out)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    again = timed([CAREERSTORY, "render", *map(str, examples), "--md", "--pdf", "--out", str(skip_out)], runs=3)
    forced = timed(
        [CAREERSTORY, "render", *map(str, examples), "--md", "--pdf", "--force", "--out", str(skip_out)], runs=1
    )
    rows.append(
        row(
            f"all {len(examples)} examples, nothing changed vs `--force`",
            again,
            forced,
            "near-instant",
            again <= 0.25 * forced,
        )
    )

    rows.append(migrate_cost(work))
    rows.extend(near_limit_rows(work))

    print(
        f"careerstory (installed in {BIN.parent}) benchmark on {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}; "
        f"median of {RUNS} runs unless noted; careerstory's bytecode "
        f"{'compiled' if bytecode_compiled() else 'NOT compiled (slower than installed)'}"
    )
    print()
    print("| what | careerstory | floor | ratio | target | met | notes |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    print("\n".join(rows))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
