"""The command line: thin Typer commands that call plain functions.

One handler at this edge turns a :class:`UserError` into a short message and exit 1,
and an interrupt into exit 130; any other exception is a bug and keeps its traceback.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperArgument, TyperCommand

from careerstory import _, __version__, n_
from careerstory.errors import Interrupted, Problem, UserError, problems_found, terminal_width
from careerstory.questions import default_bank
from careerstory.render.request import BadRequest, Format, PageSize, RenderRequest

DEFAULT_FILE = Path("careerstory.yaml")
EXIT_USER_ERROR = 1
EXIT_INTERRUPTED = 130

app = typer.Typer(
    help='Answer "What do you want to do?" one coaching question at a time, and get a brief out of it.',
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class _FileArgument(TyperArgument):
    """A file argument shown in help as ``FILE`` or ``FILE...``, without Typer's ``<list[Path]>``."""

    def display_type_rich(self, ctx: typer.Context) -> str | None:  # type: ignore[override]
        return None

    def _rich_display_name(self) -> str:
        return self.display_name_raw + ("..." if self.nargs != 1 else "")


class _Command(TyperCommand):
    """A command whose arguments read as ``FILE...`` in its help."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, TyperArgument):
                param.__class__ = _FileArgument


# The answers files a command reads, as every command that takes them names them.
_Files = Annotated[
    list[Path] | None,
    typer.Argument(help="Answers files [default: careerstory.yaml].", dir_okay=False, metavar="FILE"),
]

# A coach's caseload (steps, board): a folder among the files gets its own row or line saying
# what it is, as any file that cannot be read does, and the rest is still shown.
_CaseloadFiles = Annotated[
    list[Path] | None,
    typer.Argument(help="Answers files [default: careerstory.yaml].", metavar="FILE"),
]


def _answers_files(files: list[Path] | None) -> list[Path]:
    """The files named, each once and in order; careerstory.yaml when none is.

    One file named twice in other words (``t.yaml``, ``./t.yaml``, its full path, a link to
    it) is read once, under the name it was first given.
    """
    seen: dict[str, Path] = {}
    for path in files or [DEFAULT_FILE]:
        seen.setdefault(os.path.realpath(path), path)
    return list(seen.values())


def _page_size(value: str) -> str:
    # Said as Click says a wrong choice; Typer's own check would add "Value error,".
    if value not in {size.value for size in PageSize}:
        choices = ", ".join(f"'{size.value}'" for size in PageSize)
        raise typer.BadParameter(f"'{value}' is not one of {choices}.")
    return value


FileArgument = Annotated[
    Path, typer.Argument(help="The answers file.", show_default=True, dir_okay=False, metavar="FILE")
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"careerstory {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Answer "What do you want to do?" and get a brief out of it.

    Start with `careerstory ask`, then `careerstory render --pdf`.
    """


def _known_ids(values: list[str], known: list[str], option: str) -> list[str]:
    from careerstory.answers.migrations import older_only_keys

    removed = {question: version for (_block, question), version in older_only_keys().items()}
    gone = [v for v in values if v not in known and v in removed]
    if gone:
        raise typer.BadParameter(
            _(
                "'{id}' was a question of version {version}; it now lives in each job you go for. "
                "Ask it with --block targets."
            ).format(id=gone[0], version=removed[gone[0]]),
            param_hint=option,
        )
    unknown = [v for v in values if v not in known]
    if unknown:
        raise typer.BadParameter(
            _("unknown id '{id}'. Known ids: {known}.").format(id=unknown[0], known=", ".join(known)), param_hint=option
        )
    return values


@app.command(cls=_Command)
def ask(
    file: FileArgument = DEFAULT_FILE,
    block: Annotated[
        list[str] | None, typer.Option("--block", "-b", help="Ask only this block (repeatable).", metavar="ID")
    ] = None,
    question: Annotated[
        list[str] | None, typer.Option("--question", "-q", help="Ask only this question (repeatable).", metavar="ID")
    ] = None,
    language: Annotated[
        str | None,
        typer.Option("--language", metavar="CODE", help="The language of a new answers file (de, pl, de-AT...)."),
    ] = None,
) -> None:
    """Ask the coaching questions, one at a time.

    Each answer is saved the moment it is given: stop whenever you like, and nothing is lost.
    """
    bank = default_bank()
    blocks = _known_ids(block or [], [b.id for b in bank.blocks], "--block")
    questions = _known_ids(question or [], [q.id for q in bank.questions], "--question")
    code = ""
    if language is not None:
        from careerstory.i18n import LanguageError, parse_language

        try:
            code = parse_language(language).tag
        except LanguageError as error:
            raise typer.BadParameter(f"{error.message}. {error.hint}", param_hint="--language") from None
    from careerstory.ask import run_ask
    from careerstory.storage import check_folder

    check_folder(file)
    run_ask(file, bank, blocks, questions, code)


@app.command(cls=_Command)
def render(
    files: _Files = None,
    md: Annotated[bool, typer.Option("--md", help="Write Markdown (the default when no format is named).")] = False,
    pdf: Annotated[bool, typer.Option("--pdf", help="Write a PDF.")] = False,
    html: Annotated[bool, typer.Option("--html", help="Write HTML.")] = False,
    out: Annotated[
        str | None,
        typer.Option(
            "--out",
            "-o",
            metavar="PATH",
            help="Output file, or folder when several files or formats are rendered; '-' writes Markdown to stdout.",
        ),
    ] = None,
    page_size: Annotated[
        str,
        typer.Option(
            "--page-size",
            callback=_page_size,
            metavar="[" + "|".join(size.value for size in PageSize) + "]",
            help="Paper size of the PDF.",
        ),
    ] = PageSize.a4.value,
    template_dir: Annotated[
        Path | None,
        typer.Option("--template-dir", metavar="DIR", file_okay=False, help="Your own templates (run sandboxed)."),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Refuse while a required answer is open.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Render even when the output is up to date.")] = False,
    watch: Annotated[bool, typer.Option("--watch", help="Render again whenever a file changes.")] = False,
    doc: Annotated[
        list[str] | None,
        typer.Option(
            "--doc",
            "-d",
            metavar="DOC",
            help="Which document (repeatable): brief (the default), pitch, conversations, interview, letter, or all.",
        ),
    ] = None,
    target: Annotated[
        list[str] | None,
        typer.Option(
            "--target",
            "-t",
            metavar="ROLE",
            help="Tailor the documents to a job you go for, by its role or slug (repeatable), or all.",
        ),
    ] = None,
    share_private: Annotated[
        bool,
        typer.Option(
            "--share-private", help="Put your private answers (pay floor, what people told you) in the brief too."
        ),
    ] = False,
) -> None:
    """Render the brief, pitch, kit, interview sheets and letters.

    Markdown unless --pdf or --html is named; --doc pitch, conversations, interview or letter (or all)
    for the others. An interview sheet and a letter are made per job: those --target names, else
    each job applied for, being interviewed for or offered.
    """
    wanted = ((Format.md, md), (Format.html, html), (Format.pdf, pdf))
    try:
        request = RenderRequest(
            files=tuple(files or [DEFAULT_FILE]),
            formats=tuple(fmt for fmt, asked in wanted if asked) or (Format.md,),
            out=out,
            page_size=PageSize(page_size),
            template_dir=template_dir,
            strict=strict,
            force=force,
            watch=watch,
            documents=tuple(doc or ["brief"]),
            targets=tuple(target or []),
            share_private=share_private,
        )
    except BadRequest as error:
        raise typer.BadParameter(error.message, param_hint=error.option) from None
    if watch:
        from careerstory.render.watching import watch_and_render

        try:
            watch_and_render(request, default_bank())
        except KeyboardInterrupt:
            sys.stderr.write("\n" + _("Stopped watching.") + "\n")
            raise typer.Exit(EXIT_INTERRUPTED) from None
    else:
        from careerstory.render.running import run_render

        run_render(request, default_bank())


@app.command(cls=_Command)
def check(
    files: _Files = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 while a required answer is open.")] = False,
) -> None:
    """Check answers files and report what is answered, block by block."""
    from careerstory.answers.report import check_files, check_text

    checks = check_files(_answers_files(files), default_bank())
    several = len(checks) > 1
    for number, checked in enumerate(checks):
        text = check_text(checked, several)
        if text:
            typer.echo(("\n" if number else "") + text)
        if several and checked.problems:
            # Each file's problems under its own header: stdout first, so the two streams interleave in order.
            sys.stdout.flush()
            sys.stderr.write("\n".join(problem.format(terminal_width()) for problem in checked.problems) + "\n")
            sys.stderr.flush()
        for warning in checked.warnings:
            hint = "".join("\n    " + line for line in warning.hint.splitlines())
            sys.stderr.write(
                _("{where}: warning: {message}").format(where=warning.where(), message=warning.message) + hint + "\n"
            )
    problems = [problem for checked in checks for problem in checked.problems]
    if problems and several:
        sys.stderr.write(problems_found(len(problems)) + "\n")
        raise typer.Exit(EXIT_USER_ERROR)
    if problems:
        raise UserError(*problems)
    if strict and not all(checked.report and checked.report.complete for checked in checks):
        raise typer.Exit(EXIT_USER_ERROR)


@app.command(cls=_Command)
def review(
    files: _Files = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when there is any note.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the notes as one JSON array.")] = False,
    github: Annotated[bool, typer.Option("--github", help="Print the notes as GitHub workflow annotations.")] = False,
) -> None:
    """A coach's notes on your answers, and what to do about each.

    What a coach would push back on, each with what to do.
    """
    if as_json and github:
        raise typer.BadParameter(_("choose one of --json and --github."), param_hint="--json")
    from careerstory.review import review_files
    from careerstory.review.output import as_github, as_text
    from careerstory.review.output import as_json as json_text

    bank = default_bank()
    reviews = review_files(_answers_files(files), bank)
    text = json_text(reviews) if as_json else as_github(reviews) if github else as_text(reviews, bank)
    if text:
        typer.echo(text)
    problems = [problem for review in reviews for problem in review.problems]
    if problems:
        raise UserError(*problems)
    if strict and any(review.notes for review in reviews):
        raise typer.Exit(EXIT_USER_ERROR)


_Out = Annotated[
    Path | None,
    typer.Option(
        "--out",
        "-o",
        metavar="PATH",
        dir_okay=False,
        help="Write to this file instead of standard output ('-' is standard output).",
    ),
]


def _to_file(out: Path | None) -> Path | None:
    """The file --out names; None for standard output ('-', as render reads it)."""
    return None if out is None or str(out) == "-" else out


def _unreadable_files(problems: list[Problem]) -> None:
    """Each file that could not be read, named on standard error; then exit 1, after the rest was shown."""
    if problems:
        sys.stdout.flush()
        sys.stderr.write("\n".join(problem.format(terminal_width()) for problem in problems) + "\n")
        sys.stderr.write(problems_found(len(problems)) + "\n")
        raise typer.Exit(EXIT_USER_ERROR)


@app.command(cls=_Command)
def steps(
    files: _CaseloadFiles = None,
    ics: Annotated[bool, typer.Option("--ics", help="Write the dated steps as an iCalendar file of to-dos.")] = False,
    out: _Out = None,
) -> None:
    """Every next step of every person and job, overdue first.

    Steps with no date, or a date careerstory cannot read, come last, as you typed them.
    """
    from careerstory.clock import now, today
    from careerstory.follow.caseload import write_output
    from careerstory.follow.steps import gather, in_order, steps_text

    paths = _answers_files(files)
    gathered = gather(paths, default_bank())
    ordered = in_order(gathered)
    if ics:
        from careerstory.follow.todos import calendar_bytes

        data = calendar_bytes(ordered, now())
    else:
        text = steps_text(ordered, today())
        data = (text + "\n").encode() if text else b""
    written = _to_file(out)
    if written is not None:
        write_output(written, data, paths)
    elif data:
        sys.stdout.buffer.write(data)
    if not ordered and not any(checked.problems for checked in gathered):
        sys.stderr.write(_("No next steps yet: write one beside a person or a job with `careerstory ask`.") + "\n")
    _unreadable_files([problem for checked in gathered for problem in checked.problems])


@app.command(cls=_Command)
def board(
    files: _CaseloadFiles = None,
    md: Annotated[bool, typer.Option("--md", help="Write a Markdown table (the default).")] = False,
    html: Annotated[bool, typer.Option("--html", help="Write a web page with a sortable table.")] = False,
    out: _Out = None,
) -> None:
    """A coach's board: one row per client, who needs you most first.

    Overdue steps first, then files that cannot be read, then open required answers; each row says why.
    """
    if md and html:
        raise typer.BadParameter(_("choose one of --md and --html."), param_hint="--html")
    from careerstory.clock import today
    from careerstory.follow.board import board_html, board_language, board_markdown, board_view, gather
    from careerstory.follow.caseload import write_output
    from careerstory.i18n import using

    paths = _answers_files(files)
    clients = gather(paths, default_bank())
    with using(board_language(clients) or None, announce=False):
        view = board_view(clients, today())
        text = board_html(view) if html else board_markdown(view)
    data = text.encode()
    written = _to_file(out)
    if written is not None:
        write_output(written, data, paths)
    else:
        sys.stdout.buffer.write(data)
    if view.problems:
        sys.stdout.flush()
        sys.stderr.write(
            n_(
                "{n} file could not be read: its row says why.",
                "{n} files could not be read: their rows say why.",
                view.problems,
            ).format(n=view.problems)
            + "\n"
        )
        raise typer.Exit(EXIT_USER_ERROR)


@app.command(cls=_Command)
def migrate(
    files: _Files = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the change as a unified diff; write nothing.")
    ] = False,
) -> None:
    """Upgrade answers files to the current version, comments and all.

    Every comment and answer stays; the old file is kept beside it (FILE.v1).
    """
    from careerstory.answers.migrating import migrate_files

    outcomes, problems = migrate_files(_answers_files(files), default_bank(), dry_run=dry_run)
    for outcome in outcomes:
        if outcome.diff:
            typer.echo(outcome.diff, nl=False)
        sys.stderr.write(outcome.note + "\n")
    if problems:
        raise UserError(*problems)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the answers file (for editors)."""
    from careerstory.answers.schema import schema_text

    typer.echo(schema_text(default_bank()), nl=False)


def main() -> NoReturn:
    """Run careerstory; the one place where errors become exit codes."""
    # A reader that stops early (`careerstory check *.yaml | head -1`) ends careerstory
    # as it ends cat or grep: quietly, by SIGPIPE. Python ignores the signal and Click
    # would turn the broken pipe into a silent exit 1.
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    try:
        code = app(standalone_mode=False)
    except UserError as error:
        sys.stderr.write(error.format(terminal_width()) + "\n")
        sys.exit(EXIT_USER_ERROR)
    except Interrupted as stopped:
        # ask says it in the language of the file it was asking about.
        sys.stderr.write("\n" + (str(stopped) or _("Stopped. Every answer you confirmed is saved.")) + "\n")
        sys.exit(EXIT_INTERRUPTED)
    except (KeyboardInterrupt, EOFError):
        sys.stderr.write("\n" + _("Stopped.") + "\n")
        sys.exit(EXIT_INTERRUPTED)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except typer.Abort:
        sys.stderr.write("\n" + _("Stopped.") + "\n")
        sys.exit(EXIT_INTERRUPTED)
    except typer.TyperException as error:
        # Usage errors (Click's, vendored by Typer): shown as Click shows them, exit 2.
        show = getattr(error, "show", None)
        if show is None:
            raise
        show()
        sys.exit(getattr(error, "exit_code", 2))
    sys.exit(code if isinstance(code, int) else 0)
