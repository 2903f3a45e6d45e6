"""The brief's templates: built-in or the person's own, always in Jinja2's immutable sandbox.

A person's ``--template-dir`` holds files named like the built-in ones; a file it lacks
comes from the built-in folder. Every template, built-in or not, runs sandboxed with
strict undefined values, autoescaping for HTML that a template cannot switch off (the
``safe`` filter and ``{% autoescape %}`` are not available), and a loader that reads
only files inside its own folder once symlinks and ``..`` are resolved. Anything a
template does wrong becomes a :class:`UserError` naming the template and its line.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import traceback
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from careerstory import _, storage
from careerstory.errors import Problem, UserError
from careerstory.i18n import Language, active, jinja_install
from careerstory.questions.compiled import cache_folder
from careerstory.render import limits, text
from careerstory.render import typography as text_typography

if TYPE_CHECKING:
    import jinja2

FONTS_FOLDER = "fonts"

MAX_EXPONENT = 1000
# Far above any template (the built-in ones are under 20 kB each).
MAX_TEMPLATE_BYTES = 2_000_000
# Far above any template folder (the built-in one holds about 20 files).
MAX_TEMPLATE_FILES = 2_000
MAX_REPEAT = 1_000_000

# Filters that would let a template print raw HTML or turn text into links.
_UNSAFE_FILTERS = ("safe", "urlize")


def builtin_folder() -> Path:
    """The folder of the templates that ship with careerstory."""
    return Path(str(resources.files("careerstory.templates")))


def inside(path: Path, folder: Path) -> Path | None:
    """``path`` with symlinks and ``..`` resolved, when that lies inside ``folder``; else None.

    Hidden files and folders (``.git``) and ``__pycache__`` are not the templates' own:
    a template loads none of them, and the fingerprint does not walk them.
    """
    try:
        resolved = path.resolve(strict=True)
        root = folder.resolve(strict=True)
        if not (resolved.is_relative_to(root) and resolved.is_file()):
            return None
    except (OSError, RuntimeError):
        return None
    return None if any(_skipped(part) for part in resolved.relative_to(root).parts) else resolved


def _loadable(path: Path, root: Path) -> bool:
    """True for a regular file that a template can load (a symlink only when it stays inside ``root``)."""
    try:
        status = path.lstat()
    except OSError:
        return False
    if stat.S_ISLNK(status.st_mode):
        return inside(path, root) is not None
    return stat.S_ISREG(status.st_mode)


def _skipped(name: str) -> bool:
    return name.startswith(".") or name == "__pycache__"


def _read_text(path: Path) -> str:
    """A template file's text, or a :class:`UserError` naming where it is not UTF-8."""
    data = storage.read_bytes(path, MAX_TEMPLATE_BYTES)
    if data is None:
        raise UserError(Problem("the template file is gone", "Render again once the folder holds it.", path))
    if len(data) > MAX_TEMPLATE_BYTES:
        raise UserError(
            Problem(
                f"the template file is larger than {MAX_TEMPLATE_BYTES // 1_000_000} MB",
                "A template is text that lays out a brief; check that this is the right file.",
                path,
            )
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise UserError(Problem("the template is not UTF-8 text", "Save it as UTF-8.", path, line)) from None


def _moved_answers() -> dict[tuple[str, str], tuple[str, str]]:
    """``answers.<id>`` of each answer a migration step moved into a record, and where it went."""
    from careerstory.answers.migrations import STEPS

    names = {}
    for step in STEPS:
        for move in step.moves:
            old = move.source[1]
            if len(move.target) == 4:
                _block, group, index, field = move.target
                new = f"the {field} of each record in answers.{group} (answers.{group}[{index}].{field})"
            else:
                new = f"answers.{move.target[1]}"
            names[("dict", old)] = (f"answers.{old}", new)
    return names


# Values templates written for version 1 used, and what took their place: the brief's
# own names, then every answer the migrations moved. A template sees its document as a
# `DocumentView` (render/brief.py), the name Jinja's error gives.
_VIEW = "DocumentView"
_VERSION_1_NAMES = {
    (_VIEW, "name"): ("brief.name", "brief.header.name"),
    (_VIEW, "current_role"): ("brief.current_role", "brief.header.current_role"),
    (_VIEW, "target_role"): ("brief.target_role", "brief.header.target_role (the first job's role)"),
    (_VIEW, "what_i_want"): ("brief.what_i_want", "answers.what_i_want, or the items of brief.places.lead"),
    (_VIEW, "pitch"): ("brief.pitch", "answers.pitch, the person's own pitch"),
    **_moved_answers(),
}
_NO_ATTRIBUTE = re.compile(r"'(?:[\w.]+\.)?(\w+) object' has no attribute '(\w+)'")


def _version_1_name(message: str) -> tuple[str, str] | None:
    """(the old name, what replaced it) when an undefined value is one version 1 had."""
    found = _NO_ATTRIBUTE.search(message)
    return _VERSION_1_NAMES.get((found[1], found[2])) if found else None


def _template_error(error: Exception, templates: Templates, name: str | None = None) -> UserError:
    """Name the template file and line where ``error`` happened, as far as it is known."""
    import jinja2

    path: Path | None = None
    line: int | None = None
    if isinstance(error, jinja2.TemplateSyntaxError):
        line = error.lineno
        path = Path(error.filename) if error.filename else templates.path_of(error.name)
    else:
        # Jinja rewrites tracebacks so that template frames carry the template's file and line.
        for frame in reversed(traceback.extract_tb(error.__traceback__)):
            if frame.filename.endswith(".j2") and Path(frame.filename).exists():
                path, line = Path(frame.filename), frame.lineno
                break
    if path is None and name is not None:
        path = templates.path_of(name)
    where = path.name if path is not None else _("the template")
    if isinstance(error, limits.TemplateLimit):
        message = _("{template} went over a template's bounds: {bound}").format(template=where, bound=error)
        hint = _limits_hint()
    elif isinstance(error, MemoryError):
        message = _("{template} ran out of memory").format(template=where)
        hint = _limits_hint()
    elif isinstance(error, jinja2.TemplateNotFound):
        message = f"the template asks for '{error.name}', which is not a file inside its folder"
        hint = "Templates may include or import only files of their own folder."
    elif isinstance(error, jinja2.exceptions.SecurityError):
        message = f"the template did something the sandbox forbids: {error}"
        hint = "Templates may print the brief's values, within limits; Python internals are out of reach."
    elif isinstance(error, jinja2.UndefinedError):
        message = f"the template uses a value that does not exist: {error.message}"
        hint = "Check the name against the values listed in templates/README.md."
        renamed = _version_1_name(str(error.message))
        if renamed:
            message = f"the template uses {renamed[0]}, a value of templates written for version 1"
            hint = f"Since version 2 it is {renamed[1]}; templates/README.md lists every value."
    elif isinstance(error, jinja2.TemplateSyntaxError):
        message = f"template syntax: {error.message}"
        hint = "Fix the template at this line."
    else:
        message = f"the template failed: {error or type(error).__name__}"
        hint = "Fix the template at this line."
    return UserError(Problem(message, hint, path, line))


def _limits_hint() -> str:
    return _(
        "A template may build texts of up to {text:,} characters, write {output:,} in all and run for {seconds:g} "
        "seconds (templates/README.md); make it build less."
    ).format(text=limits.MAX_TEXT, output=limits.MAX_OUTPUT, seconds=limits.TIME_LIMIT)


@cache
def _environment_class() -> type[jinja2.sandbox.ImmutableSandboxedEnvironment]:
    import jinja2
    from jinja2 import nodes
    from jinja2.compiler import CodeGenerator, Frame
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class BoundedCodeGenerator(CodeGenerator):
        """Compiles ``a ~ b`` to a join whose length is checked, so that doubling a text stops at the bound."""

        def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
            self.write("environment.bounded(")
            super().visit_Concat(node, frame)
            self.write(")")

    class BriefEnvironment(ImmutableSandboxedEnvironment):
        """The sandbox, minus every way of printing unescaped text into HTML.

        ``**`` and sequence ``*`` are checked, so that one expression cannot take the
        machine's memory or hours of arithmetic; every call, attribute, ``+`` and ``%``
        goes through :mod:`careerstory.render.limits`, which bounds what a template
        builds and how long it runs.
        """

        intercepted_binops = frozenset({"*", "**", "+", "%"})
        code_generator_class = BoundedCodeGenerator
        bounded = staticmethod(limits.after)

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
            limits.before_call(__obj, args, kwargs)
            return limits.after(super().call(__context, __obj, *args, **kwargs))

        def getattr(self, obj: Any, attribute: str) -> Any:
            limits.check_time()
            return super().getattr(obj, attribute)

        def getitem(self, obj: Any, argument: Any) -> Any:
            limits.check_time()
            return super().getitem(obj, argument)

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            limits.check_time()
            if operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, type(left)):
                limits.too_long(len(left) + len(right))
            if operator == "%" and isinstance(left, str):
                limits.too_long(limits.predicted("format", left, (), {}))
            if operator == "**" and isinstance(right, int) and right > MAX_EXPONENT:
                raise jinja2.exceptions.SecurityError(f"exponents above {MAX_EXPONENT} are not allowed")
            if operator == "*":
                for items, count in ((left, right), (right, left)):
                    repeats = isinstance(items, (str, list, tuple)) and isinstance(count, int)
                    if repeats and len(items) * count > MAX_REPEAT:
                        raise jinja2.exceptions.SecurityError(f"a repeat longer than {MAX_REPEAT:,} is not allowed")
            return super().call_binop(context, operator, left, right)

        def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
            tree = super()._parse(source, name, filename)
            for node in tree.find_all(nodes.EvalContextModifier):
                raise jinja2.TemplateSyntaxError(
                    "{% autoescape %} is not available: the brief's HTML is always escaped",
                    node.lineno,
                    name,
                    filename,
                )
            return tree

    return BriefEnvironment


@cache
def _bytecode_cache(kind: str) -> jinja2.BytecodeCache | None:
    """Compiled templates kept between runs, beside the render fingerprints.

    Compiling the templates costs more than the rest of a Markdown render; Jinja checks
    each cached entry against its template's source, so an edited template recompiles.
    Escaping is compiled in, so HTML and Markdown keep separate caches: a partial that
    both include must never come back compiled without escaping.
    """
    import jinja2

    class QuietCache(jinja2.FileSystemBytecodeCache):
        """A cache that cannot be written is only slower, never an error."""

        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            with contextlib.suppress(OSError):
                super().dump_bytecode(bucket)

    folder = cache_folder() / "templates" / kind
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return QuietCache(str(folder))


def _typeset_value(value: Any) -> Any:
    from markupsafe import Markup

    # Markup is the template's own (the stylesheet), not an answer; quotes are the active language's.
    return (
        text_typography.typeset(value, active()) if isinstance(value, str) and not isinstance(value, Markup) else value
    )


def _markup(css: str) -> Any:
    from markupsafe import Markup

    return Markup(css)


def _escape_markdown(value: Any) -> Any:
    """What a Markdown template prints is literal text unless a filter built it as Markdown.

    Markdown has no autoescape of its own, so this does its work: every string printed
    is escaped as text inside a line (so a role typed ``*x* <b>`` stays those
    characters), except what the ``md`` filters made and what ``md_built`` marks as the
    template's own Markdown (a macro's output, a heading's ``#``).
    """
    from markupsafe import Markup

    return text.markdown_inline(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def _built(build: Callable[[str], str]) -> Callable[[str], Any]:
    """A Markdown filter whose output is Markdown already: marked so, it is not escaped again."""
    return lambda value: _markup(build(value))


def _loader(folders: tuple[Path, ...]) -> jinja2.BaseLoader:
    import jinja2
    from jinja2.loaders import split_template_path

    class FolderLoader(jinja2.BaseLoader):
        """Read a template from the first folder that has it, never from outside them."""

        def get_source(
            self, environment: jinja2.Environment, template: str
        ) -> tuple[str, str | None, Callable[[], bool] | None]:
            pieces = split_template_path(template)  # refuses '..'
            for folder in folders:
                path = inside(folder.joinpath(*pieces), folder)
                if path is not None:
                    mtime = path.stat().st_mtime_ns
                    source = _read_text(path)
                    return source, str(path), lambda p=path, m=mtime: p.stat().st_mtime_ns == m
            raise jinja2.TemplateNotFound(template)

    return FolderLoader()


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _check_template_folder(folder: Path, builtin: Path) -> None:
    """Refuse what is not a folder of templates: missing, unreadable, or holding none of the template files."""
    if not _is_dir(folder):
        raise UserError(
            Problem(
                f"{folder}: no such template folder",
                "Give --template-dir a folder holding brief.md.j2, brief.html.j2 or brief.css.",
                folder,
            )
        )
    # Its own version of a built-in file, or of one of the built-in fonts, makes a template folder.
    known = [p.name for p in builtin.iterdir() if p.suffix in (".j2", ".css")]
    known += [f"{FONTS_FOLDER}/{p.name}" for p in (builtin / FONTS_FOLDER).iterdir() if p.suffix != ".txt"]
    try:
        with os.scandir(folder) as entries:
            names = {entry.name for entry in entries}
        if FONTS_FOLDER in names:
            with os.scandir(folder / FONTS_FOLDER) as entries:
                names |= {f"{FONTS_FOLDER}/{entry.name}" for entry in entries}
    except OSError as error:
        raise UserError(
            Problem(f"{folder}: cannot read the template folder ({error.strerror})", "Check its permissions.", folder)
        ) from None
    if not names & set(known):
        raise UserError(
            Problem(
                f"{folder} is no template folder: it holds none of the template files",
                "Give --template-dir a folder holding your own brief.md.j2, brief.html.j2, brief.css or another "
                "of the files templates/README.md lists; what it lacks comes from the built-in templates.",
                folder,
            )
        )


class Templates:
    """The templates one render uses: the person's folder first, then the built-in one."""

    def __init__(self, template_dir: Path | None = None) -> None:
        # Resolved once, so that the fence around the PDF's files and the fallback to the
        # built-in ones do not depend on how the folder was spelt (relative, via a link).
        template_dir = template_dir.resolve() if template_dir is not None and _is_dir(template_dir) else template_dir
        builtin = builtin_folder().resolve()
        self.folders: tuple[Path, ...] = (template_dir, builtin) if template_dir else (builtin,)
        if template_dir is not None:
            _check_template_folder(template_dir, builtin)
        self._walked: tuple[list[Path], list[Path]] | None = None
        self._envs: dict[bool, jinja2.Environment] = {}
        self._languages: dict[bool, Language] = {}

    def environment(self, html: bool) -> jinja2.Environment:
        """The sandboxed Jinja environment for HTML (every template escaped) or Markdown.

        It speaks the active language: one environment serves every answers file of a
        render, its catalog swapped when a file speaks another language. The compiled
        templates (and their bytecode cache) do not depend on the language, since
        ``{% trans %}`` looks its words up as the template renders.
        """
        env = self._environment(html)
        language = active()
        if self._languages.get(html) != language:
            jinja_install(env, language, escape=None if html else _escape_markdown)
            # An imported template (parts.*.j2) keeps the words of the language it was
            # first imported in: Jinja caches it with its names resolved. Loading the
            # templates afresh (from the bytecode cache) makes the macros speak this one.
            if env.cache is not None:
                env.cache.clear()
            self._languages[html] = language
        return env

    def _environment(self, html: bool) -> jinja2.Environment:
        if html not in self._envs:
            import jinja2

            env = _environment_class()(
                loader=_loader(self.folders),
                # finalize is compiled in: HTML compiled before typesetting must not be reused.
                bytecode_cache=_bytecode_cache("html-typeset-bounded" if html else "md-escaped-bounded"),
                # One switch for the whole environment, not a guess by file name: what an
                # HTML template includes or imports is escaped too, whatever it is called.
                autoescape=html,
                undefined=jinja2.StrictUndefined,
                keep_trailing_newline=True,
                trim_blocks=True,
                lstrip_blocks=True,
                # Every value an HTML template prints is typeset (curly quotes, dashes)
                # before it is escaped; the Markdown keeps what was typed, escaped.
                finalize=_typeset_value if html else _escape_markdown,
            )
            for name in _UNSAFE_FILTERS:
                env.filters.pop(name, None)
            env.filters.update(
                chunks=text.chunks,
                md=_built(text.markdown_escape),
                md_block=_built(text.markdown_block),
                md_quote=_built(text.markdown_quote),
                md_cell=_built(text.markdown_cell),
                # The template's own Markdown, printed as it is: a macro's output, a run of '#'.
                md_built=_built(str),
                join_words=text.join_words,
                # CSS text is not HTML: escaped for CSS, then kept from HTML escaping.
                css_content=lambda message: _markup(text.css_content(message)),
            )
            # What can build a long text from a short one, or loop for long, keeps within the bounds.
            for name in limits.BOUNDED_FILTERS:
                if name in env.filters:
                    env.filters[name] = limits.bounded_filter(name, env.filters[name])
            env.globals["lipsum"] = limits.bounded_lipsum(cast("Callable[..., Any]", env.globals["lipsum"]))
            env.globals["range"] = limits.bounded_range(cast("Callable[..., range]", env.globals["range"]))
            self._envs[html] = env
        return self._envs[html]

    def path_of(self, name: str | None) -> Path | None:
        """The file a template name stands for, or None."""
        if name is None:
            return None
        for folder in self.folders:
            found = inside(folder / name, folder)
            if found is not None:
                return found
        return None

    def render(self, name: str, context: dict[str, Any], *, html: bool) -> str:
        """Render one template (escaping for ``html``), turning what it does wrong into a :class:`UserError`."""
        import jinja2

        try:
            template = self.environment(html=html).get_template(name)
            with limits.deadline():
                return limits.written(template.generate(context))
        except jinja2.TemplateError as error:
            raise _template_error(error, self, name) from None
        except (ArithmeticError, LookupError, TypeError, ValueError, RecursionError, MemoryError) as error:
            problem = _template_error(error, self, name)
            path = problem.problems[0].path
            if path is not None and inside(path, builtin_folder()) is not None:
                raise  # the built-in templates failing is careerstory's bug: keep the traceback
            raise problem from None

    def read(self, name: str) -> str:
        """A plain file of the templates (the stylesheet), from the first folder that has it."""
        path = self.path_of(name)
        if path is None:
            raise UserError(Problem(f"no template file '{name}' in {', '.join(map(str, self.folders))}"))
        return _read_text(path)

    def walk(self) -> tuple[list[Path], list[Path]]:
        """Every file a template can load, and every folder holding them, walked once.

        Hidden entries and ``__pycache__`` are skipped, as the loaders skip them, and a
        folder that cannot be read is passed over; a folder with more than
        :data:`MAX_TEMPLATE_FILES` files is no template folder and is refused.
        """
        if self._walked is None:
            files: list[Path] = []
            folders: list[Path] = []
            for root in self.folders:
                for at, names, found in os.walk(root):
                    names[:] = sorted(name for name in names if not _skipped(name))
                    folders.append(Path(at))
                    files.extend(
                        path
                        for name in sorted(found)
                        if not _skipped(name) and _loadable(path := Path(at) / name, root)
                    )
                    if len(files) > MAX_TEMPLATE_FILES:
                        raise UserError(
                            Problem(
                                f"{root} holds more than {MAX_TEMPLATE_FILES:,} files: it is no template folder",
                                "Give --template-dir a folder of your own templates (brief.md.j2, brief.css, fonts/).",
                                root,
                            )
                        )
            self._walked = (files, folders)
        return self._walked

    def files(self) -> Iterator[Path]:
        """Every file a template can load, of every template folder."""
        yield from self.walk()[0]

    def fingerprint(self) -> str:
        """Changes whenever a template file is changed, added or removed."""
        digest = hashlib.sha256()
        for path in self.files():
            try:
                status = path.stat()
            except OSError:  # gone since the walk: it cannot be loaded either
                continue
            digest.update(f"{path}\0{status.st_size}\0{status.st_mtime_ns}\n".encode())
        return digest.hexdigest()
