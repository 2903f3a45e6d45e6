"""``careerstory render --watch``: render again whenever an answers file or template changes.

watchfiles (inotify on Linux) wakes the process only when a file changes, so an idle
watch costs nothing. It watches the folders of the answers files (an editor saving by
rename gives the file a new inode, which a watch on the file itself would lose) and
every folder of the templates, the built-in ones and ``--template-dir``; changes to
other files of those folders, the outputs among them, are ignored. WeasyPrint stays
imported between renders, so each PDF after the first comes quickly. A broken save
is reported and the watch goes on; Ctrl-C ends it, and the interrupt travels up to the
command line, which exits 130.
"""

from __future__ import annotations

import sys
import textwrap
import threading
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from careerstory import _
from careerstory.errors import UserError, terminal_width
from careerstory.questions import Bank
from careerstory.render.request import Format, RenderRequest
from careerstory.render.running import run_render
from careerstory.render.templating import Templates

# How long watchfiles waits for a burst of events (an editor's save) to end, in ms.
SETTLE_MS = 20


def watched_paths(request: RenderRequest, templates: Templates) -> tuple[set[Path], set[Path]]:
    """The files whose change renders again, and the folders to watch for them."""
    files = {path.resolve() for path in request.files}
    folders = {path.parent for path in files}
    folders.update(templates.walk()[1])
    return files, folders


def file_changes(request: RenderRequest, templates: Templates, stop: threading.Event | None = None) -> Iterator[None]:
    """Yield once after each change to an answers file or a template file, until ``stop`` is set."""
    from watchfiles import watch

    files, folders = watched_paths(request, templates)
    template_folders = tuple(folder.resolve() for folder in templates.folders)

    def wanted(_change: object, name: str) -> bool:
        path = Path(name)
        return path in files or any(path.is_relative_to(folder) for folder in template_folders)

    # Each folder is watched without its subfolders, which are listed themselves: the
    # answers' folder may hold a whole home directory, never walked.
    for _batch in watch(*sorted(folders), watch_filter=wanted, recursive=False, step=SETTLE_MS, stop_event=stop):
        yield None


def watch_and_render(request: RenderRequest, bank: Bank, *, changes: Iterable[None] | None = None) -> None:
    """Render now, then again after every change, until interrupted.

    ``changes`` (for tests) stands in for the file system's changes: one render follows
    each item it yields.
    """
    from careerstory.render.pdf import import_weasyprint

    if Format.pdf in request.formats:
        import_weasyprint()  # once, so that every render after a save starts warm
    templates = Templates(request.template_dir)
    _say(_("Watching for changes; Ctrl-C stops."))
    _render(request, bank)
    # After the first round the fingerprints skip every output whose inputs did not change.
    again = replace(request, force=False)
    for _change in changes if changes is not None else file_changes(request, templates):
        _render(again, bank)


def _render(request: RenderRequest, bank: Bank) -> None:
    try:
        run_render(request, bank)
    except UserError as error:
        # Wrapped at spaces to the terminal, as every other message: the terminal's own wrap cuts words.
        sys.stderr.write(error.format(terminal_width()) + "\n")
        _say(_("Still watching: save the file again when it is fixed."))


def _say(text: str) -> None:
    """One hint on standard error, wrapped at spaces to the terminal when it is one."""
    width = terminal_width()
    if width is not None and len(text) > width:
        text = textwrap.fill(text, width, break_long_words=False, break_on_hyphens=False)
    sys.stderr.write(text + "\n")
