"""``careerstory render --watch``: render again whenever an answers file or template changes.

It polls the size and modification time of the answers files and every template file
(no extra dependency, works on every file system) forty times a second: a few dozen
stat calls, nothing next to a layout. WeasyPrint stays imported between renders, so
each PDF after the first comes quickly. A broken save is reported and the watch goes on; Ctrl-C ends it, and
the interrupt travels up to the command line, which exits 130.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from careerstory.errors import Problem, UserError
from careerstory.questions import Bank
from careerstory.render.running import RenderRequest, run_render
from careerstory.render.templating import Templates

POLL_SECONDS = 0.025

Snapshot = tuple[tuple[str, int, int], ...]


def snapshot(request: RenderRequest, templates: Templates) -> Snapshot:
    """Size and modification time of every file the briefs are made from, templates too."""
    paths: list[Path] = [*request.files, *templates.files()]
    stamps = []
    for path in paths:
        try:
            stat = path.stat()
            stamps.append((str(path), stat.st_size, stat.st_mtime_ns))
        except OSError:
            stamps.append((str(path), -1, -1))
    return tuple(stamps)


def watch_and_render(
    request: RenderRequest,
    bank: Bank,
    *,
    rounds: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Render now, then again after every change, until interrupted.

    ``rounds`` (for tests) stops after that many polls instead of running for ever.
    """
    if request.out == "-":
        raise UserError(Problem("--watch writes files: give --out a path, or leave it out"))
    from careerstory.render.pdf import import_weasyprint

    if "pdf" in request.formats:
        import_weasyprint()  # once, so that every render after a save starts warm
    templates = Templates(request.template_dir)
    seen: Snapshot | None = None
    polls = 0
    sys.stderr.write("Watching for changes; Ctrl-C stops.\n")
    while rounds is None or polls < rounds:
        current = snapshot(request, templates)
        if current != seen:
            seen = current
            try:
                # After the first round the fingerprints skip every brief whose inputs did not change.
                run_render(replace(request, force=request.force and polls == 0), bank)
            except UserError as error:
                sys.stderr.write(error.format() + "\n")
                sys.stderr.write("Still watching: save the file again when it is fixed.\n")
        polls += 1
        sleep(POLL_SECONDS)
