"""``careerstory render``: every answers file to every format asked for, all problems at once.

Markdown and HTML are rendered in this process. PDFs are laid out by WeasyPrint, which
is imported once; several PDFs are laid out in parallel, one process per core, forked
after that import so that each starts warm.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from careerstory.answers import AnswerSheet, read
from careerstory.errors import Problem, UserError
from careerstory.questions import Bank
from careerstory.render import outputs, pdf
from careerstory.render.brief import Brief, build_brief
from careerstory.render.templating import FONTS_FOLDER, HTML_TEMPLATE, MARKDOWN_TEMPLATE, STYLESHEET, Templates
from careerstory.render.text import tidy_markdown

FORMATS = ("md", "html", "pdf")


@dataclass
class RenderRequest:
    """What ``careerstory render`` was asked to do."""

    files: list[Path]
    formats: list[str] = field(default_factory=lambda: ["md"])
    out: str | None = None
    page_size: str = "a4"
    template_dir: Path | None = None
    strict: bool = False
    force: bool = False
    # Processes laying out PDFs at once; None means one per core.
    jobs: int | None = None


def render_markdown(brief: Brief, templates: Templates) -> str:
    """The Markdown brief."""
    return tidy_markdown(templates.render(MARKDOWN_TEMPLATE, {"brief": brief, "answers": brief.answers}))


def render_html(brief: Brief, templates: Templates) -> str:
    """The HTML brief, its stylesheet inline so that the file stands alone."""
    from markupsafe import Markup

    # The stylesheet is the template author's own file, not an answer: it goes in as is.
    stylesheet = Markup(templates.read(STYLESHEET).replace("</", "<\\/"))
    return templates.render(HTML_TEMPLATE, {"brief": brief, "answers": brief.answers, "stylesheet": stylesheet})


def brief_texts(brief: Brief) -> Iterator[str]:
    """Every piece of text the brief prints, to check that fonts can draw it."""
    yield from (brief.name, brief.current_role, brief.target_role, brief.what_i_want, brief.pitch)
    for section in brief.sections:
        yield section.title
        for item in section.items:
            yield item.heading
            yield item.text
            yield from item.items
            for row in item.rows:
                yield from row.values()


@dataclass(frozen=True)
class PdfJob:
    """One PDF to lay out: everything a worker process needs, nothing it must share."""

    html: str
    target: Path
    base_folder: Path
    roots: tuple[Path, ...]
    fallback: tuple[Path, ...]
    page_size: str


def lay_out(job: PdfJob) -> bytes:
    """Lay out one PDF (run in a worker process when there are several)."""
    return pdf.write_pdf(
        job.html, base_folder=job.base_folder, roots=job.roots, fallback=job.fallback, page_size=job.page_size
    )


class _Progress:
    """One line per brief; on a terminal, with several briefs, a bar that redraws in place."""

    WIDTH = 24

    def __init__(self, total: int) -> None:
        self.total = total
        self.count = 0
        self.bar = total > 1 and sys.stderr.isatty()

    def say(self, line: str) -> None:
        """A message of its own, above the bar."""
        sys.stderr.write(("\r\033[K" if self.bar else "") + line + "\n")
        self._draw()

    def done(self, line: str) -> None:
        """One output finished (written or already up to date)."""
        self.count += 1
        if self.bar:
            self._draw(line)
            if self.count == self.total:
                sys.stderr.write("\r\033[K" + f"{self.total} briefs done\n")
        else:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()

    def close(self) -> None:
        """Clear a bar left unfinished (by an error), so that messages start on a clean line."""
        if self.bar and self.count < self.total:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()

    def _draw(self, last: str = "") -> None:
        if self.bar and self.count < self.total:
            filled = self.WIDTH * self.count // self.total
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            sys.stderr.write(f"\r\033[K[{bar}] {self.count}/{self.total} {last[:40]}")
        sys.stderr.flush()


class _Run:
    """The state of one ``render`` call: what was written, what went wrong."""

    def __init__(self, request: RenderRequest, bank: Bank) -> None:
        unknown = [f for f in request.formats if f not in FORMATS]
        if unknown or not request.formats:
            raise UserError(Problem(f"unknown format {unknown[0] if unknown else '(none)'}; known: md, html, pdf"))
        if request.page_size not in pdf.PAGE_SIZES:
            raise UserError(Problem(f"unknown page size {request.page_size!r}; known: a4, letter"))
        self.request = request
        self.bank = bank
        self.templates = Templates(request.template_dir)
        self.template_print = self.templates.fingerprint()  # once per render, not per answers file
        self.plan = outputs.plan_outputs(request.files, request.formats, request.out)
        self.problems: list[Problem] = []
        self.written: dict[Path, str] = {}
        self.pdf_jobs: list[tuple[PdfJob, str, Path]] = []  # job, fingerprint, answers file

        outputs_planned = sum(target is not None for target in self.plan.values())
        self.progress = _Progress(outputs_planned)

    def say(self, line: str) -> None:
        self.progress.say(line)

    def sheet(self, file: Path) -> tuple[AnswerSheet, bytes]:
        sheet, data = read(file, self.bank)  # the bytes validated are the bytes fingerprinted
        if sheet.is_empty():
            raise UserError(
                Problem(
                    "nothing is answered yet, so there is no brief to make",
                    f"Run `careerstory ask {file}` to answer the questions, then render again.",
                    file,
                )
            )
        required = sheet.open_questions(required_only=True)
        if self.request.strict and required:
            ids = ", ".join(q.id for q in required)
            raise UserError(
                Problem(
                    f"--strict: {len(required)} required answer(s) still open: {ids}",
                    f"Answer them with `careerstory ask {file}`, or render without --strict.",
                    file,
                )
            )
        return sheet, data

    def one_file(self, file: Path) -> None:
        sheet, data = self.sheet(file)
        brief = build_brief(sheet)
        still_open = sheet.open_questions()
        if still_open:
            self.say(
                f"{file}: {len(still_open)} question(s) still open, left out of the brief: "
                f"{', '.join(q.id for q in still_open)} (`careerstory ask {file}` asks them)"
            )
        html: str | None = None  # made once, for the HTML file and the PDF alike
        for fmt in self.request.formats:
            target = self.plan[(file, fmt)]
            print_ = outputs.fingerprint(data, self.template_print, fmt, self.request.page_size, brief.created)
            if target is not None and not self.request.force and outputs.is_up_to_date(target, print_):
                self.progress.done(f"{target} is up to date (--force renders it anyway)")
                continue
            if fmt == "md":
                self.emit(render_markdown(brief, self.templates).encode(), target, print_)
                continue
            html = html or render_html(brief, self.templates)
            if fmt == "html":
                from careerstory.render.webpage import for_screen  # fontTools: for the HTML file only

                # The PDF's HTML stays lean (fonts fetched from the template folder); the file gets them inside.
                self.emit(for_screen(html, self.templates.folders, self.request.page_size).encode(), target, print_)
            else:
                assert target is not None
                self.queue_pdf(brief, html, target, print_, file)

    def queue_pdf(self, brief: Brief, html: str, target: Path, print_: str, file: Path) -> None:
        folders = self.templates.folders
        job = PdfJob(
            html=html,
            target=target,
            base_folder=folders[0],
            roots=folders,
            fallback=folders[1:],
            page_size=self.request.page_size,
        )
        from careerstory.render import fonts  # ctypes and fontTools: for PDFs only

        missing = fonts.undrawable(brief_texts(brief), tuple(f / FONTS_FOLDER for f in folders))
        for warning in fonts.font_warnings(missing):
            self.say(f"{file}: warning: {warning}")
        self.pdf_jobs.append((job, print_, file))

    def emit(self, data: bytes, target: Path | None, print_: str) -> None:
        if target is None:
            # The brief is UTF-8 whatever the terminal's locale says.
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return
        outputs.write_output(target, data)
        self.written[target] = print_
        self.progress.done(f"wrote {target}")

    def run_pdfs(self) -> None:
        if not self.pdf_jobs:
            return
        pdf.import_weasyprint()  # once, before any fork, so that every worker starts warm
        workers = min(len(self.pdf_jobs), self.request.jobs or os.cpu_count() or 1)
        if workers <= 1:
            for job, print_, file in self.pdf_jobs:
                self.finish_pdf(job, print_, file, partial(lay_out, job))
            return
        import multiprocessing
        from concurrent.futures import Future, ProcessPoolExecutor

        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures: list[tuple[PdfJob, str, Path, Future[bytes]]] = [
                (job, print_, file, pool.submit(lay_out, job)) for job, print_, file in self.pdf_jobs
            ]
            for job, print_, file, future in futures:
                self.finish_pdf(job, print_, file, future.result)

    def finish_pdf(self, job: PdfJob, print_: str, file: Path, result: Callable[[], bytes]) -> None:
        try:
            data = result()
            self.emit(data, job.target, print_)
        except UserError as error:
            self.problems.extend(_located(error.problems, file))


def _located(problems: tuple[Problem, ...], file: Path) -> list[Problem]:
    """Problems without a place of their own are about this answers file."""
    return [p if p.path is not None else Problem(f"{file}: {p.message}", p.hint) for p in problems]


def run_render(request: RenderRequest, bank: Bank) -> list[Path]:
    """Render every answers file of ``request`` to every format; return the files written.

    One file's problems do not stop the others: all are rendered that can be, and every
    problem is raised together at the end as one :class:`UserError`.
    """
    run = _Run(request, bank)
    for file in request.files:
        try:
            run.one_file(file)
        except UserError as error:
            run.problems.extend(_located(error.problems, file))
    try:
        run.run_pdfs()
    except UserError as error:
        run.problems.extend(error.problems)
    run.progress.close()
    outputs.remember(run.written)
    if run.problems:
        raise UserError(*run.problems)
    return list(run.written)
