"""One render request, checked once: the formats, page sizes and output rules of ``render``.

The command line, ``--watch`` and the runner all take a :class:`RenderRequest`; what
it allows is decided here and nowhere else. Nothing heavy is imported, so the command
line can build its options from these enums at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from careerstory import _
from careerstory.errors import Problem, UserError

STDOUT = "-"
ALL = "all"  # every document (--doc all), every target (--target all)


class Format(StrEnum):
    """What a document can be written as."""

    md = "md"
    html = "html"
    pdf = "pdf"

    @property
    def suffix(self) -> str:
        """The file name suffix of this format."""
        return "." + self.value


class PageSize(StrEnum):
    """Paper sizes the PDF can be laid out on."""

    a4 = "a4"
    letter = "letter"

    @property
    def css(self) -> str:
        """The size as CSS ``@page`` names it."""
        return {"a4": "A4", "letter": "letter"}[self.value]


class BadRequest(UserError):
    """A request the rules refuse; ``option`` is the command-line option at fault."""

    def __init__(self, message: str, option: str) -> None:
        super().__init__(Problem(message))
        self.message = message
        self.option = option


@dataclass(frozen=True)
class RenderRequest:
    """What ``careerstory render`` was asked to do, valid by construction.

    Formats and page sizes may be given as text (``"md"``); they are turned into
    their enums, and anything else is refused with a :class:`BadRequest`.
    """

    files: tuple[Path, ...]
    formats: tuple[Format, ...] = (Format.md,)
    out: str | None = None
    page_size: PageSize = PageSize.a4
    template_dir: Path | None = None
    strict: bool = False
    force: bool = False
    watch: bool = False
    documents: tuple[str, ...] = ("brief",)
    # Targets by role or slug, or "all"; none: the general documents.
    targets: tuple[str, ...] = ()
    # Private answers (bank.yaml) go into documents meant for others too.
    share_private: bool = False
    # Processes laying out PDFs at once; None means one per core.
    workers: int | None = None
    # Set from ``documents``: True when `all` asked for every document, so that a document
    # made per job is added only for the jobs there are, never refused for want of one.
    every_document: bool = False

    def __post_init__(self) -> None:
        set_ = object.__setattr__  # frozen: the checked values are set once, here
        set_(self, "files", tuple(dict.fromkeys(self.files)))  # a file named twice is rendered once
        try:
            set_(self, "formats", tuple(dict.fromkeys(Format(f) for f in self.formats)))
        except ValueError:
            known = ", ".join(Format)
            raise BadRequest(_("unknown format; known: {known}").format(known=known), "--md/--html/--pdf") from None
        try:
            set_(self, "page_size", PageSize(self.page_size))
        except ValueError:
            known = ", ".join(PageSize)
            raise BadRequest(
                _("unknown page size {size!r}; known: {known}").format(size=self.page_size, known=known), "--page-size"
            ) from None
        if not self.files:
            raise BadRequest(_("no answers file to render"), "FILE")
        if not self.formats:
            raise BadRequest(_("no format to write"), "--md/--html/--pdf")
        from careerstory.questions.documents import default_documents

        known_documents = [d.id for d in default_documents()]
        if ALL in self.documents:
            set_(self, "every_document", True)
            set_(self, "documents", tuple(known_documents))
        set_(self, "documents", tuple(dict.fromkeys(self.documents)))
        set_(self, "targets", tuple(dict.fromkeys(t.strip() for t in self.targets if t.strip())))
        unknown = [d for d in self.documents if d not in known_documents]
        if unknown or not self.documents:
            raise BadRequest(
                _("unknown document {doc!r}; known: {known}").format(
                    doc=unknown[0] if unknown else "", known=", ".join([*known_documents, ALL])
                ),
                "--doc",
            )
        if self.out == STDOUT and (
            self.formats != (Format.md,) or len(self.files) > 1 or len(self.documents) > 1 or self.watch
        ):
            raise BadRequest(
                _("'-' (standard output) takes one Markdown brief of one answers file, and not with --watch."),
                "--out",
            )

    @property
    def to_stdout(self) -> bool:
        """True when the one Markdown document goes to standard output."""
        return self.out == STDOUT
