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
from typing import TYPE_CHECKING

from careerstory import _, n_
from careerstory.answers import AnswerSheet, read
from careerstory.answers.model import field_text
from careerstory.answers.report import strict_problem
from careerstory.errors import Problem, UserError
from careerstory.i18n import using
from careerstory.questions import Bank
from careerstory.questions.documents import check_places, document, targets_data
from careerstory.render import outputs, pdf
from careerstory.render.brief import DocumentView, build_document
from careerstory.render.outputs import Output
from careerstory.render.request import Format, PageSize, RenderRequest
from careerstory.render.targets import Target, select, targets_of
from careerstory.render.templating import FONTS_FOLDER, Templates
from careerstory.render.text import tidy_markdown

if TYPE_CHECKING:
    from rich.progress import Progress


def _context(view: DocumentView) -> dict[str, object]:
    # A template sees its document under the document's id (`brief`), and every answer by question id.
    return {view.id: view, "answers": view.answers}


def render_markdown(view: DocumentView, templates: Templates) -> str:
    """The Markdown of a document."""
    name = document(view.id).template(Format.md)
    return tidy_markdown(templates.render(name, _context(view), html=False))


def render_html(view: DocumentView, templates: Templates, stylesheet: str | None = None) -> str:
    """The HTML of a document, its stylesheet (the document's own unless given) inline so that the file stands alone."""
    from markupsafe import Markup

    doc = document(view.id)
    css = templates.read(doc.stylesheet) if stylesheet is None else stylesheet
    # The stylesheet is the template author's own file, not an answer: it goes in as is.
    context = {**_context(view), "stylesheet": Markup(css.replace("</", "<\\/"))}
    return templates.render(doc.template(Format.html), context, html=True)


def view_texts(view: DocumentView) -> Iterator[str]:
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


@dataclass(frozen=True)
class PdfTask:
    """One PDF to lay out: everything a worker process needs, nothing it must share."""

    html: str
    path: Path  # where it is written
    base_folder: Path
    roots: tuple[Path, ...]
    fallback: tuple[Path, ...]
    page_size: PageSize
    language: str = ""  # the answers file's language: a worker speaks it in what it says


def lay_out(task: PdfTask) -> tuple[bytes, int]:
    """Lay out one PDF (run in a worker process when there are several): its bytes and pages."""
    # A worker speaks the file's language in what it says, whatever was spoken where it forked.
    with using(task.language or None, announce=False):
        return pdf.write_pdf(
            task.html, base_folder=task.base_folder, roots=task.roots, fallback=task.fallback, page_size=task.page_size
        )


@dataclass(frozen=True)
class ReadFile:
    """An answers file, read and checked, and the jobs its documents are tailored to."""

    path: Path
    sheet: AnswerSheet
    data: bytes  # the bytes validated are the bytes fingerprinted
    targets: list[Target | None]  # the jobs --target names in it; [None]: the general documents
    tailored: dict[str, list[Target]]  # each document made per job -> the jobs it is made for


@dataclass(frozen=True)
class Setup:
    """What every file of one render shares: the request, the templates, and the fingerprint of both."""

    request: RenderRequest
    templates: Templates
    inputs: str  # the templates and the data the documents are made from, fingerprinted once per render


@dataclass(frozen=True)
class Built:
    """One output built: its bytes, or the PDF still to lay out; neither when it is up to date."""

    output: Output
    fingerprint: str
    data: bytes | None = None  # Markdown or HTML, ready to write
    pdf: PdfTask | None = None  # a PDF, laid out once every file is built

    @property
    def up_to_date(self) -> bool:
        """True when the file already there was written from the same inputs."""
        return self.data is None and self.pdf is None


@dataclass
class Written:
    """What a render wrote: each path's fingerprint and each PDF's pages (kept for the next render)."""

    fingerprints: dict[Path, str] = field(default_factory=dict)
    pages: dict[Path, int] = field(default_factory=dict)


Say = Callable[[str], None]


def read_file(request: RenderRequest, bank: Bank, file: Path, say: Say) -> ReadFile:
    """Read and validate one answers file, and find the jobs ``--target`` names in it."""
    sheet, data = read(file, bank)
    if sheet.is_empty():
        raise UserError(
            Problem(
                _("nothing is answered yet, so there is no brief to make"),
                _("Run `careerstory ask {file}` to answer the questions, then render again.").format(file=file),
                file,
            )
        )
    if request.strict and (refused := strict_problem(sheet)):
        raise UserError(refused)
    with using(sheet.language or None):
        targets = select(sheet, request.targets)
        if request.targets and targets == [None]:
            say(
                _(
                    "{file}: no jobs to tailor to yet, so these are the general documents "
                    "(`careerstory ask {file} --block targets` adds them)"
                ).format(file=file)
            )
        tailored = _tailored(request, file, sheet, [t for t in targets if t is not None], say)
    return ReadFile(file, sheet, data, targets, tailored)


def _tailored(
    request: RenderRequest, file: Path, sheet: AnswerSheet, named: list[Target], say: Say
) -> dict[str, list[Target]]:
    """The jobs each document made per job is for: those ``--target`` names, else those its statuses ask."""
    tailored: dict[str, list[Target]] = {}
    for doc in map(document, request.documents):
        if not doc.per_job:
            continue
        if request.targets:
            jobs = named
        else:
            status = targets_data().status
            jobs = [t for t in targets_of(sheet) if field_text(t.entry, status).strip() in doc.for_jobs]
        tailored[doc.id] = jobs
        if jobs:
            continue
        statuses = ", ".join(_(s) for s in doc.for_jobs)
        if not request.every_document:
            said = (
                _("no job in this file to make --doc {document} for")
                if request.targets
                else _("no job to make --doc {document} for: none has the status {statuses}")
            )
            raise UserError(
                Problem(
                    said.format(document=doc.id, statuses=statuses),
                    _("Name the job with --target ROLE (its role or its slug); --target all takes every job."),
                    file,
                )
            )
        say(
            _("{file}: no --doc {document}, as no job has the status {statuses} (--target ROLE makes one)").format(
                file=file, document=doc.id, statuses=statuses
            )
        )
    return tailored


def plan(request: RenderRequest, files: list[ReadFile]) -> list[Output]:
    """Every output of the files read, in order, checked as a whole before anything is written."""
    targets = {f.path: f.targets for f in files}
    tailored = {(f.path, doc_id): jobs for f in files for doc_id, jobs in f.tailored.items()}
    return [o for o in outputs.plan_outputs(request, targets, tailored) if o.file in targets]


def build_file(setup: Setup, file: ReadFile, planned: list[Output], say: Say) -> list[Built]:
    """Build every output of one answers file, in the plan's order; a document's view and HTML once each."""
    sheet, request = file.sheet, setup.request
    _say_open(file, planned, say)
    views: dict[tuple[str, str], DocumentView] = {}
    labels: dict[tuple[str, str], str] = {}
    for output in planned:
        key = _key(output)
        if key not in views:
            views[key] = build_document(sheet, output.document, output.job, share_private=request.share_private)
            _say_drafted(file.path, views[key], output.job, say)
        labels.setdefault(key, output.path.stem if output.path is not None else output.document.id)
    _tell_about(request, file.path, [(view, labels[key]) for key, view in views.items()], say)
    html: dict[tuple[str, str], str] = {}  # made once per document, for the HTML file and the PDF alike
    built = []
    for output in planned:
        key = _key(output)
        view = views[key]
        # A document judged by today is made again when the day changes, its answers untouched.
        day = view.today.isoformat() if output.document.dated_today else ""
        fingerprint = outputs.fingerprint(
            file.data, setup.inputs, output.document.id, key[1], output.format, request.page_size, view.created, day
        )
        if output.path is not None and not request.force and outputs.is_up_to_date(output.path, fingerprint):
            built.append(Built(output, fingerprint))
        elif output.format is Format.md:
            built.append(Built(output, fingerprint, render_markdown(view, setup.templates).encode()))
        else:
            if key not in html:
                html[key] = render_html(view, setup.templates)
            if output.format is Format.html:
                from careerstory.render.webpage import for_screen  # fontTools: for the HTML file only

                # The PDF's HTML stays lean (fonts fetched from the template folder); the file gets them inside.
                page = for_screen(html[key], setup.templates.folders, request.page_size)
                built.append(Built(output, fingerprint, page.encode()))
            else:
                built.append(Built(output, fingerprint, pdf=_pdf_task(setup, view, html[key], output, say)))
    return built


def _key(output: Output) -> tuple[str, str]:
    """One document of one file: its id, and the slug of the job it is tailored to ("" for none)."""
    return (output.document.id, output.job.slug if output.job else "")


def _say_open(file: ReadFile, planned: list[Output], say: Say) -> None:
    # Only what a document being made would show is left out of it.
    shown = {o.document for o in planned}
    still_open = [
        q for q in file.sheet.open_questions() if any(q.place(d.id, d.default_place) != "hidden" for d in shown)
    ]
    if still_open:
        say(
            n_(
                "{file}: {n} question still open, left out of the brief: {ids} (`careerstory ask {file}` asks it)",
                "{file}: {n} questions still open, left out of the brief: {ids} (`careerstory ask {file}` asks them)",
                len(still_open),
            ).format(file=file.path, n=len(still_open), ids=", ".join(q.id for q in still_open))
        )


def _tell_about(request: RenderRequest, file: Path, views: list[tuple[DocumentView, str]], say: Say) -> None:
    """Say what keeps each document a draft, and what a brief leaves out; ``--strict`` refuses a draft.

    These are for the person, so they go to standard error, never onto a page a mentor reads.
    """
    drafts = [
        Problem(
            _("{document} is a draft: {reasons}").format(document=name, reasons="; ".join(view.draft_reasons)),
            _("Finish those answers, or render without --strict to have it marked as a draft."),
            file,
        )
        for view, name in views
        if view.draft
    ]
    if drafts and request.strict:
        raise UserError(*drafts)
    for view, name in views:
        if view.draft:
            say(
                _("{file}: {document} is marked as a draft: {reasons}").format(
                    file=file, document=name, reasons="; ".join(view.draft_reasons)
                )
            )
    for view, name in views:
        for line in view.drafted_in_place:
            say(f"{file}: {name}: {line}")
    if any(view.private_left_out for view, _name in views):
        say(
            _(
                "{file}: private answers (your pay floor, what people told you) are left out of what others "
                "read; --share-private puts them in"
            ).format(file=file)
        )


def _say_drafted(file: Path, view: DocumentView, job: Target | None, say: Say) -> None:
    """What each of the document's drafts left out, and why (that it is a draft, _tell_about says)."""
    for name, text in view.drafted.items():
        if not (text.draft and text.left_out):
            continue
        say(
            _("{file}: careerstory's draft of {field} for {job} left out:").format(
                file=file, field=name, job=job.name if job else ""
            )
        )
        for line in text.left_out:
            say(f"  {line}")


def _pdf_task(setup: Setup, view: DocumentView, html: str, output: Output, say: Say) -> PdfTask:
    """The PDF to lay out later; the characters its fonts cannot draw are said now."""
    assert output.path is not None
    folders = setup.templates.folders
    from careerstory.render import fonts  # ctypes and fontTools: for PDFs only

    missing = fonts.undrawable(view_texts(view), tuple(f / FONTS_FOLDER for f in folders))
    for warning in fonts.font_warnings(missing):
        say(_("{file}: warning: {warning}").format(file=output.file, warning=warning))
    return PdfTask(
        html=html,
        path=output.path,
        base_folder=folders[0],
        roots=folders,
        fallback=folders[1:],
        page_size=setup.request.page_size,
        language=view.language,
    )


def write(built: Built, data: bytes, progress: _Progress, written: Written) -> None:
    """Write one output (to standard output when it has no path) and say so."""
    path = built.output.path
    if path is None:
        # The brief is UTF-8 whatever the terminal's locale says.
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    outputs.write_output(path, data)
    written.fingerprints[path] = built.fingerprint
    progress.done(_("wrote {file}").format(file=path))


def write_file(built: list[Built], progress: _Progress, written: Written) -> list[tuple[Built, PdfTask]]:
    """Write one file's Markdown and HTML, say which are up to date; return its PDFs, still to lay out."""
    pdfs = []
    for one in built:
        if one.up_to_date:
            assert one.output.path is not None
            progress.done(_("{file} is up to date (--force renders it anyway)").format(file=one.output.path))
        elif one.data is not None:
            write(one, one.data, progress, written)
        elif one.pdf is not None:
            pdfs.append((one, one.pdf))
    return pdfs


def write_pdfs(
    pdfs: list[tuple[Built, PdfTask]], workers: int | None, progress: _Progress, written: Written
) -> list[Problem]:
    """Lay out every PDF, in parallel when there are several, write each, and return what went wrong."""
    if not pdfs:
        return []
    pdf.import_weasyprint()  # once, before any fork, so that every worker starts warm
    count = min(len(pdfs), workers or os.cpu_count() or 1)
    problems: list[Problem] = []
    if count <= 1:
        for one, task in pdfs:
            problems += _finish_pdf(one, task, partial(lay_out, task), progress, written)
        return problems
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        futures = [(one, task, pool.submit(lay_out, task)) for one, task in pdfs]
        for one, task, future in futures:
            problems += _finish_pdf(one, task, future.result, progress, written)
    return problems


def _finish_pdf(
    built: Built, task: PdfTask, result: Callable[[], tuple[bytes, int]], progress: _Progress, written: Written
) -> list[Problem]:
    with using(task.language or None, announce=False):  # its lines in its file's language
        try:
            data, pages = result()
            write(built, data, progress, written)
        except UserError as error:
            return _located(error.problems, built.output.file)
        written.pages[task.path] = pages
        doc = built.output.document
        designed = doc.tailored_pages if built.output.job else doc.pages
        if designed and pages > designed:
            # Never cut what the person wrote: the page runs on, and they are told.
            progress.say(
                n_(
                    "{file}: runs to {pages} page, and is made to fit {designed}: "
                    "the longest answers on it are the ones to shorten",
                    "{file}: runs to {pages} pages, and is made to fit {designed}: "
                    "the longest answers on it are the ones to shorten",
                    pages,
                ).format(file=task.path, pages=pages, designed=designed)
            )
    return []


def _located(problems: tuple[Problem, ...], file: Path) -> list[Problem]:
    """Problems without a place of their own are about this answers file."""
    return [p if p.path is not None else Problem(f"{file}: {p.message}", p.hint) for p in problems]


def run_render(request: RenderRequest, bank: Bank) -> list[Path]:
    """Render every output of ``request``: read, plan, build and write; return the files written.

    One file's problems do not stop the others: all are rendered that can be, and every
    problem is raised together at the end as one :class:`UserError`.
    """
    check_places(bank, tuple(map(document, request.documents)))
    templates = Templates(request.template_dir)
    # Once per render, not per answers file: the templates, and the data the documents are made from.
    inputs = outputs.fingerprint(
        templates.fingerprint(), repr(bank), repr(request.documents), repr(request.share_private)
    )
    setup = Setup(request, templates, inputs)
    problems: list[Problem] = []
    progress = _Progress(0)
    files: list[ReadFile] = []
    for path in request.files:
        try:
            files.append(read_file(request, bank, path, progress.say))
        except UserError as error:
            problems += _located(error.problems, path)
    planned = plan(request, files)
    progress = _Progress(sum(output.path is not None for output in planned))
    written = Written()
    pdfs: list[tuple[Built, PdfTask]] = []
    try:
        for file in files:
            # Each file speaks its own language, in the messages about it and in its documents,
            # and only while its own outputs are made.
            with using(file.sheet.language or None, announce=False):
                try:
                    built = build_file(setup, file, [o for o in planned if o.file == file.path], progress.say)
                    pdfs += write_file(built, progress, written)
                except UserError as error:
                    problems += _located(error.problems, file.path)
        try:
            problems += write_pdfs(pdfs, request.workers, progress, written)
        except UserError as error:  # WeasyPrint cannot start: no PDF can be made
            problems += error.problems
    finally:
        progress.close()
    outputs.remember(written.fingerprints, written.pages)
    if problems:
        raise UserError(*problems)
    return list(written.fingerprints)
