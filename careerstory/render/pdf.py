"""HTML to PDF with WeasyPrint, fenced in: it reads only the template folders' files.

WeasyPrint is imported here, inside functions, so that ``--help`` and Markdown never
pay for it (and never fail on a machine without Pango).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, cast
from urllib.parse import unquote, urlsplit

from careerstory.errors import Problem, UserError
from careerstory.render.request import PageSize
from careerstory.render.templating import inside

PANGO_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0"


def import_weasyprint() -> ModuleType:
    """Import WeasyPrint, or say in one message which system packages it needs."""
    try:
        import weasyprint
    except OSError as error:  # cffi cannot open Pango or one of its libraries
        raise UserError(
            Problem(
                f"making a PDF needs the Pango library, which is missing ({error})",
                f"On Debian or Ubuntu: sudo apt-get install {PANGO_PACKAGES}\n"
                "Markdown and HTML need nothing more: careerstory render --md --html",
            )
        ) from None
    # WeasyPrint reports unreachable resources (an answer's <img>, once escaped, never is
    # one) and CSS it skips as log warnings; the brief's own checks speak for themselves.
    logging.getLogger("weasyprint").setLevel(logging.CRITICAL)
    return cast(ModuleType, weasyprint)


def allowed_file(url: str, roots: tuple[Path, ...], fallback: tuple[Path, ...] = ()) -> Path | None:
    """The file a ``file:`` URL names, if it lies inside one of ``roots``; else None.

    Symlinks and ``..`` are resolved before the check. A file missing under the first
    root is looked up at the same relative place under ``fallback`` (the built-in
    templates), the way a person's template folder falls back to the built-in one.
    """
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    path = Path(unquote(parts.path))
    for root in roots:
        found = inside(path, root)
        if found is not None:
            return found
    for root in roots:
        try:
            relative = Path(path).relative_to(root)
        except ValueError:
            continue
        for other in fallback:
            found = inside(other / relative, other)
            if found is not None:
                return found
    return None


# Where a link in the brief may lead: nowhere on this machine, and no script.
LINK_SCHEMES = ("http", "https", "mailto")


def _safe_link(kind: str, target: str) -> bool:
    """Links inside the brief and to the web stay; attachments and file: or javascript: links go."""
    return kind == "internal" or (kind == "external" and urlsplit(target).scheme.lower() in LINK_SCHEMES)


@dataclass
class FetchLog:
    """What the fetcher was asked for: served and refused URLs (kept for tests and doubts)."""

    served: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def make_url_fetcher(weasyprint: ModuleType, roots: tuple[Path, ...], fallback: tuple[Path, ...], log: FetchLog) -> Any:
    """A WeasyPrint URL fetcher that serves files of the template folders and nothing else."""

    class FolderFetcher(weasyprint.URLFetcher):  # type: ignore[misc,name-defined]
        def fetch(self, url: str, headers: object = None) -> Any:
            path = allowed_file(url, roots, fallback)
            if path is None:
                log.refused.append(url)
                raise ValueError(f"careerstory fetches no resources outside its templates: {url[:200]}")
            log.served.append(url)
            return weasyprint.urls.URLFetcherResponse(path.as_uri(), path.read_bytes())

    return FolderFetcher()


def write_pdf(
    html: str,
    *,
    base_folder: Path,
    roots: tuple[Path, ...],
    fallback: tuple[Path, ...],
    page_size: PageSize | str,
    log: FetchLog | None = None,
) -> tuple[bytes, int]:
    """Lay out ``html`` and return the PDF's bytes and its number of pages.

    Relative URLs resolve against ``base_folder``. The PDF is tagged (PDF/UA-1), carries
    no attachments whatever the HTML asks for, and holds nothing that changes from one
    run to the next: the same HTML gives the same bytes.
    """
    weasyprint = import_weasyprint()
    fetcher = make_url_fetcher(weasyprint, roots, fallback, log if log is not None else FetchLog())
    size = PageSize(page_size).css
    document = weasyprint.HTML(
        string=html,
        base_url=base_folder.resolve().as_uri() + "/",
        url_fetcher=fetcher,
    ).render(
        stylesheets=[weasyprint.CSS(string=f"@page {{ size: {size}; }}", url_fetcher=fetcher)],
        pdf_variant="pdf/ua-1",
    )
    document.metadata.attachments = []
    for page in document.pages:
        page.links[:] = [link for link in page.links if _safe_link(link[0], link[1])]
    data: bytes = document.write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=False)
    return data, len(document.pages)
