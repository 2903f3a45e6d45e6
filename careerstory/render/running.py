"""``careerstory render``: every answers file to every format asked for, all problems at once.

Markdown and HTML are rendered in this process. PDFs are laid out by WeasyPrint, which
is imported once; several PDFs are laid out in parallel, one process per core, forked
after that import so that each starts warm.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from careerstory import _, n_
from careerstory.answers import AnswerSheet, read
from careerstory.answers.model import field_text
from careerstory.answers.report import strict_problem
from careerstory.errors import Problem, UserError
from careerstory.i18n import using
from careerstory.questions import Bank
from careerstory.questions.documents import document, targets_data
from careerstory.render import outputs, pdf
from careerstory.render.brief import Brief, build_document
from careerstory.render.outputs import Output
from careerstory.render.request import Format, PageSize, RenderRequest
from careerstory.render.targets import Target, select, targets_of
from careerstory.render.templating import FONTS_FOLDER, Templates
from careerstory.render.text import tidy_markdown

if TYPE_CHECKING:
    from rich.progress import Progress


def _context(view: Brief) -> dict[str, object]:
    # A template sees its document under the document's id (`brief`), and every answer by question id.
    return {view.id: view, "answers": view.answers}


def render_markdown(view: Brief, templates: Templates) -> str:
    """The Markdown of a document."""
    name = document(view.id).template(Format.md)
    return tidy_markdown(templates.render(name, _context(view), html=False))


def render_html(view: Brief, templates: Templates, stylesheet: str | None = None) -> str:
    """The HTML of a document, its stylesheet (the document's own unless given) inline so that the file stands alone."""
    from markupsafe import Markup

    doc = document(view.id)
    css = templates.read(doc.stylesheet) if stylesheet is None else stylesheet
    # The stylesheet is the template author's own file, not an answer: it goes in as is.
    context = {**_context(view), "stylesheet": Markup(css.replace("</", "<\\/"))}
    return templates.render(doc.template(Format.html), context, html=True)


def view_texts(view: Brief) -> Iterator[str]:
    """Every piece of text a document prints from the answers, to check that fonts can draw it."""
    yield from view.header.values()
    yield from view.recipes.values()
    items = [item for place in view.places.values() for item in place]
    for section in view.sections:
        yield section.title
        items.extend(section.items)
    if view.forward is not None:
        yield view.forward.text
    for person in view.people:
        yield person.message
        yield from person.questions
    for item in items:
        yield item.heading
        yield item.text
        yield from item.items
        for row in item.rows:
            yield from row.values()
        for detail in item.details:
            yield detail.heading
            for about, said in detail.entries:
                yield about
                yield said
    if view.target is not None:
        yield from view.target.fields.values()
        for listed in view.target.lists.values():
            yield from listed
    yield view.date_line
    yield from (text.text for text in view.drafted.values())
    prep = view.preparation
    if prep is not None:
        yield from prep.panel
        yield from (part for r in prep.requirements for part in (r.need, r.evidence, r.plan))
        yield from (part for q in prep.likely for part in (q.ask, q.lean_on, q.plan))
        yield from (part for o in prep.objections for part in (o.said, o.answer))
        yield from (part for lesson in prep.lessons for part in (lesson.role, lesson.organisation, lesson.text))
        for story in prep.stories:
            yield story.title
            yield from story.shows
            for label, said in story.parts:
                yield label
                yield said


@dataclass(frozen=True)
class PdfJob:
    """One PDF to lay out: everything a worker process needs, nothing it must share."""

    html: str
    target: Path
    base_folder: Path
    roots: tuple[Path, ...]
    fallback: tuple[Path, ...]
    page_size: PageSize
    language: str = ""  # the answers file's language: a worker speaks it in what it says


def lay_out(job: PdfJob) -> tuple[bytes, int]:
    """Lay out one PDF (run in a worker process when there are several): its bytes and pages."""
    # A worker speaks the file's language in what it says, whatever was spoken where it forked.
    with using(job.language or None, announce=False):
        return pdf.write_pdf(
            job.html, base_folder=job.base_folder, roots=job.roots, fallback=job.fallback, page_size=job.page_size
        )


@dataclass(frozen=True)
class PendingPdf:
    """A PDF built but not yet laid out, with the output it is for and its fingerprint."""

    job: PdfJob
    output: Output
    fingerprint: str


class _Progress:
    """One line per output; on a terminal, with several outputs, a bar drawn by rich.

    rich is imported only when a bar is drawn. The bar refreshes when an output is
    done, not from a timer thread, so that the worker processes fork from a process
    without threads.
    """

    def __init__(self, total: int) -> None:
        self.total = total
        self.count = 0
        self.bar: Progress | None = None
        if total > 1 and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            console = Console(file=sys.stderr, force_terminal=True, highlight=False)
            self.bar = Progress(
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.description}", markup=False),
                console=console,
                auto_refresh=False,
                transient=True,
            )
            self.task = self.bar.add_task("", total=total)
            self.bar.start()

    def say(self, line: str) -> None:
        """A message of its own, above the bar."""
        if self.bar is not None:
            self.bar.console.print(line, markup=False, soft_wrap=True)
            self.bar.refresh()
        else:
            sys.stderr.write(line + "\n")
            sys.stderr.flush()

    def done(self, line: str) -> None:
        """One output finished (written or already up to date)."""
        self.count += 1
        if self.bar is None:
            sys.stderr.write(line + "\n")
            sys.stderr.flush()
            return
        self.bar.update(self.task, advance=1, description=line[:40])
        self.bar.refresh()
        if self.count == self.total:
            self.close()
            sys.stderr.write(n_("{n} brief done", "{n} briefs done", self.total).format(n=self.total) + "\n")
            sys.stderr.flush()

    def close(self) -> None:
        """Take the bar away (finished, or cut short by an error), so that messages start on a clean line."""
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


class _Run:
    """One ``render`` call: plan the outputs, build each, write them; what went wrong is gathered."""

    def __init__(self, request: RenderRequest, bank: Bank) -> None:
        self.request = request
        self.bank = bank
        self.templates = Templates(request.template_dir)
        # Once per render, not per answers file: the templates, and the data the documents are made from.
        self.inputs_print = outputs.fingerprint(
            self.templates.fingerprint(), repr(bank), repr(request.documents), repr(request.share_private)
        )
        self.problems: list[Problem] = []
        self.sheets: dict[Path, tuple[AnswerSheet, bytes]] = {}
        self.jobs: dict[Path, list[Target | None]] = {}
        self.per_job: dict[tuple[Path, str], list[Target]] = {}  # (file, document made per job) -> its jobs
        self.plan: list[Output] = []
        self.written: dict[Path, str] = {}
        self.pages: dict[Path, int] = {}
        self.pending: list[PendingPdf] = []
        self.progress = _Progress(0)

    def read_file(self, file: Path) -> None:
        """Read and validate one answers file, and find the targets ``--target`` names in it."""
        sheet, data = self.sheet(file)
        with using(sheet.language or None):
            self.jobs[file] = select(sheet, self.request.targets)
            if self.request.targets and self.jobs[file] == [None]:
                self.say(
                    _(
                        "{file}: no jobs to tailor to yet, so these are the general documents "
                        "(`careerstory ask {file} --block targets` adds them)"
                    ).format(file=file)
                )
            self.find_per_job(file, sheet)
        self.sheets[file] = (sheet, data)

    def find_per_job(self, file: Path, sheet: AnswerSheet) -> None:
        """The jobs each document made per job is for: those ``--target`` names, else those its statuses ask."""
        named = [t for t in self.jobs[file] if t is not None]
        for doc in map(document, self.request.documents):
            if not doc.per_job:
                continue
            if self.request.targets:
                jobs = named
            else:
                status = targets_data().status
                jobs = [t for t in targets_of(sheet) if field_text(t.entry, status).strip() in doc.for_jobs]
            self.per_job[(file, doc.id)] = jobs
            if jobs:
                continue
            statuses = ", ".join(_(s) for s in doc.for_jobs)
            if not self.request.every_document:
                said = (
                    _("no job in this file to make --doc {document} for")
                    if self.request.targets
                    else _("no job to make --doc {document} for: none has the status {statuses}")
                )
                raise UserError(
                    Problem(
                        said.format(document=doc.id, statuses=statuses),
                        _("Name the job with --target ROLE (its role or its slug); --target all takes every job."),
                        file,
                    )
                )
            self.say(
                _("{file}: no --doc {document}, as no job has the status {statuses} (--target ROLE makes one)").format(
                    file=file, document=doc.id, statuses=statuses
                )
            )

    def start(self) -> None:
        """Plan every output of the files read; the progress bar counts them."""
        self.plan = outputs.plan_outputs(self.request, self.jobs, self.per_job)
        self.plan = [output for output in self.plan if output.file in self.sheets]
        self.progress = _Progress(sum(output.target is not None for output in self.plan))

    def say(self, line: str) -> None:
        self.progress.say(line)

    def sheet(self, file: Path) -> tuple[AnswerSheet, bytes]:
        sheet, data = read(file, self.bank)  # the bytes validated are the bytes fingerprinted
        if sheet.is_empty():
            raise UserError(
                Problem(
                    _("nothing is answered yet, so there is no brief to make"),
                    _("Run `careerstory ask {file}` to answer the questions, then render again.").format(file=file),
                    file,
                )
            )
        if self.request.strict and (refused := strict_problem(sheet)):
            raise UserError(refused)
        return sheet, data

    def build_file(self, file: Path) -> None:
        """Build every output of one answers file: Markdown and HTML written at once, PDFs queued."""
        sheet, data = self.sheets[file]
        # Each file speaks its own language, in the messages about it and in its documents,
        # and only while its own outputs are made.
        with using(sheet.language or None, announce=False):
            self._build_file(file, sheet, data)

    def _build_file(self, file: Path, sheet: AnswerSheet, data: bytes) -> None:
        # Only what a document being made would show is left out of it.
        shown = {o.document for o in self.plan if o.file == file}
        still_open = [
            q for q in sheet.open_questions() if any(q.place(d.id, d.default_place) != "hidden" for d in shown)
        ]
        if still_open:
            self.say(
                n_(
                    "{file}: {n} question still open, left out of the brief: {ids} (`careerstory ask {file}` asks it)",
                    "{file}: {n} questions still open, left out of the brief: {ids} "
                    "(`careerstory ask {file}` asks them)",
                    len(still_open),
                ).format(file=file, n=len(still_open), ids=", ".join(q.id for q in still_open))
            )
        views: dict[tuple[str, str], Brief] = {}
        html: dict[tuple[str, str], str] = {}  # made once per document, for the HTML file and the PDF alike
        mine = [o for o in self.plan if o.file == file]
        for output in mine:
            key = (output.document.id, output.job.slug if output.job else "")
            if key not in views:
                views[key] = build_document(
                    sheet, output.document, output.job, share_private=self.request.share_private
                )
                self.say_drafted(file, views[key], output.job)
        labels: dict[tuple[str, str], str] = {}
        for output in mine:
            key = (output.document.id, output.job.slug if output.job else "")
            labels.setdefault(key, output.target.stem if output.target is not None else output.document.id)
        self.tell_about(file, {key: (view, labels[key]) for key, view in views.items()})
        for output in mine:
            doc = output.document
            key = (doc.id, output.job.slug if output.job else "")
            view = views[key]
            # A document judged by today is made again when the day changes, its answers untouched.
            day = view.today.isoformat() if doc.dated_today else ""
            print_ = outputs.fingerprint(
                data, self.inputs_print, doc.id, key[1], output.format, self.request.page_size, view.created, day
            )
            target = output.target
            if target is not None and not self.request.force and outputs.is_up_to_date(target, print_):
                self.progress.done(_("{file} is up to date (--force renders it anyway)").format(file=target))
                continue
            if output.format is Format.md:
                self.emit(render_markdown(view, self.templates).encode(), target, print_)
                continue
            if key not in html:
                html[key] = render_html(view, self.templates)
            if output.format is Format.html:
                from careerstory.render.webpage import for_screen  # fontTools: for the HTML file only

                # The PDF's HTML stays lean (fonts fetched from the template folder); the file gets them inside.
                page = for_screen(html[key], self.templates.folders, self.request.page_size)
                self.emit(page.encode(), target, print_)
            else:
                self.queue_pdf(view, html[key], output, print_)

    def tell_about(self, file: Path, views: dict[tuple[str, str], tuple[Brief, str]]) -> None:
        """Say what keeps each document a draft, and what a brief leaves out; ``--strict`` refuses a draft.

        These are for the person, so they go to standard error, never onto a page a mentor reads.
        """
        drafts = []
        for view, name in views.values():
            if view.draft:
                drafts.append(
                    Problem(
                        _("{document} is a draft: {reasons}").format(
                            document=name, reasons="; ".join(view.draft_reasons)
                        ),
                        _("Finish those answers, or render without --strict to have it marked as a draft."),
                        file,
                    )
                )
                if not self.request.strict:
                    self.say(
                        _("{file}: {document} is marked as a draft: {reasons}").format(
                            file=file, document=name, reasons="; ".join(view.draft_reasons)
                        )
                    )
        if drafts and self.request.strict:
            raise UserError(*drafts)
        for view, name in views.values():
            for line in view.drafted_in_place:
                self.say(f"{file}: {name}: {line}")
        if any(view.private_left_out for view, _name in views.values()):
            self.say(
                _(
                    "{file}: private answers (your pay floor, what people told you) are left out of what others "
                    "read; --share-private puts them in"
                ).format(file=file)
            )

    def say_drafted(self, file: Path, view: Brief, job: Target | None) -> None:
        """What each of the document's drafts left out, and why (that it is a draft, tell_about says)."""
        for name, text in view.drafted.items():
            if not (text.draft and text.left_out):
                continue
            self.say(
                _("{file}: careerstory's draft of {field} for {job} left out:").format(
                    file=file, field=name, job=job.name if job else ""
                )
            )
            for line in text.left_out:
                self.say(f"  {line}")

    def queue_pdf(self, view: Brief, html: str, output: Output, print_: str) -> None:
        assert output.target is not None
        folders = self.templates.folders
        job = PdfJob(
            html=html,
            target=output.target,
            base_folder=folders[0],
            roots=folders,
            fallback=folders[1:],
            page_size=self.request.page_size,
            language=view.language,
        )
        from careerstory.render import fonts  # ctypes and fontTools: for PDFs only

        missing = fonts.undrawable(view_texts(view), tuple(f / FONTS_FOLDER for f in folders))
        for warning in fonts.font_warnings(missing):
            self.say(_("{file}: warning: {warning}").format(file=output.file, warning=warning))
        self.pending.append(PendingPdf(job, output, print_))

    def emit(self, data: bytes, target: Path | None, print_: str) -> None:
        if target is None:
            # The brief is UTF-8 whatever the terminal's locale says.
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return
        outputs.write_output(target, data)
        self.written[target] = print_
        self.progress.done(_("wrote {file}").format(file=target))

    def write_pdfs(self) -> None:
        if not self.pending:
            return
        pdf.import_weasyprint()  # once, before any fork, so that every worker starts warm
        workers = min(len(self.pending), self.request.jobs or os.cpu_count() or 1)
        if workers <= 1:
            for pending in self.pending:
                self.finish_pdf(pending, partial(lay_out, pending.job))
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures = [(pending, pool.submit(lay_out, pending.job)) for pending in self.pending]
            for pending, future in futures:
                self.finish_pdf(pending, future.result)

    def finish_pdf(self, pending: PendingPdf, result: Callable[[], tuple[bytes, int]]) -> None:
        with using(pending.job.language or None, announce=False):  # its lines in its file's language
            self._finish_pdf(pending, result)

    def _finish_pdf(self, pending: PendingPdf, result: Callable[[], tuple[bytes, int]]) -> None:
        try:
            data, pages = result()
            self.emit(data, pending.job.target, pending.fingerprint)
        except UserError as error:
            self.problems.extend(_located(error.problems, pending.output.file))
            return
        self.pages[pending.job.target] = pages
        doc = pending.output.document
        designed = doc.tailored_pages if pending.output.job else doc.pages
        if designed and pages > designed:
            # Never cut what the person wrote: the page runs on, and they are told.
            self.say(
                n_(
                    "{file}: runs to {pages} page, and is made to fit {designed}: "
                    "the longest answers on it are the ones to shorten",
                    "{file}: runs to {pages} pages, and is made to fit {designed}: "
                    "the longest answers on it are the ones to shorten",
                    pages,
                ).format(file=pending.job.target, pages=pages, designed=designed)
            )


def _located(problems: tuple[Problem, ...], file: Path) -> list[Problem]:
    """Problems without a place of their own are about this answers file."""
    return [p if p.path is not None else Problem(f"{file}: {p.message}", p.hint) for p in problems]


def run_render(request: RenderRequest, bank: Bank) -> list[Path]:
    """Render every output of ``request``: plan, build, write; return the files written.

    One file's problems do not stop the others: all are rendered that can be, and every
    problem is raised together at the end as one :class:`UserError`.
    """
    run = _Run(request, bank)
    try:
        for file in request.files:
            try:
                run.read_file(file)
            except UserError as error:
                run.problems.extend(_located(error.problems, file))
        run.start()
        for file in run.sheets:
            try:
                run.build_file(file)
            except UserError as error:
                run.problems.extend(_located(error.problems, file))
        try:
            run.write_pdfs()
        except UserError as error:
            run.problems.extend(error.problems)
    finally:
        run.progress.close()
    outputs.remember(run.written, run.pages)
    if run.problems:
        raise UserError(*run.problems)
    return list(run.written)
