"""Where each brief goes, and whether the one already there is up to date.

An output is up to date when careerstory wrote it from exactly the same inputs: the
answers file's bytes, the question bank and documents, the template files, the format and page size, the date printed
on it and careerstory's version all go into one fingerprint. The fingerprints of the
outputs written last are kept in ``$XDG_CACHE_HOME/careerstory/rendered.json`` (so the
person's folders hold nothing but their briefs), with each output's size and
modification time: an output edited or replaced since is rendered again. Any real
change to an input always renders again. Without ``SOURCE_DATE_EPOCH`` the date on the
brief is the answers file's modification time, so touching the file (or checking it
out again) renders again too: the brief would carry a new date.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from careerstory import _, __version__, storage
from careerstory.errors import Problem, UserError
from careerstory.questions.compiled import cache_folder
from careerstory.questions.documents import Document, document
from careerstory.render.request import Format, RenderRequest
from careerstory.render.targets import Target


@dataclass(frozen=True)
class Output:
    """One output of a render: a document of one answers file in one format, and where it goes."""

    file: Path  # the answers file
    document: Document
    format: Format
    path: Path | None  # where it is written; None: standard output
    job: Target | None = None  # the job the document is tailored to; None: the general document


# The longest file name most file systems take, in bytes.
NAME_MAX = 255
# What answers files are called: render writes over none of them, whatever its name.
ANSWERS_SUFFIXES = (".yaml", ".yml")


def plan_outputs(
    request: RenderRequest,
    targets: dict[Path, list[Target | None]] | None = None,
    tailored: dict[tuple[Path, str], list[Target]] | None = None,
) -> list[Output]:
    """Every output the request makes, in order: file by file, document by document, target by target, format by format.

    ``targets`` gives each file's jobs that ``--target`` names (``[None]``, the general
    documents, for a file it lacks); ``tailored`` the jobs of each document made one job at
    a time (none for a pair it lacks). Without ``--out`` each output lies beside its answers file, named after its
    stem as the document's ``file_name`` says, ``-<slug>`` added for a target. With one
    output in all, ``--out`` is that output's file (unless it is an existing folder or
    ends with a slash); otherwise it is a folder, made when missing.

    The whole plan is checked before anything is written: a run that would write one
    path twice, over an answers file (or any ``.yaml``/``.yml``), or under a name too
    long for the file system, is refused as a whole.
    """
    documents = [document(doc_id) for doc_id in request.documents]
    targets = targets or {}
    general: list[Target | None] = [None]

    def jobs_of(file: Path, doc: Document) -> list[Target | None]:
        if doc.per_job:
            return list((tailored or {}).get((file, doc.id), []))
        return targets.get(file, general)

    if request.to_stdout:
        file = request.files[0]
        jobs = jobs_of(file, documents[0])
        if not jobs:  # a document made per job, for a file that has none (said when it was read)
            return []
        if len(jobs) > 1:
            raise UserError(
                Problem(
                    _("'-' (standard output) takes one document, and {file} has {n} jobs to tailor it to").format(
                        file=file, n=len(jobs)
                    ),
                    _("Nothing was written. Name one job with --target, or give --out a folder for them all."),
                    file,
                )
            )
        return [Output(file, documents[0], Format.md, None, jobs[0])]
    out = request.out
    count = sum(len(jobs_of(file, doc)) for file in request.files for doc in documents) * len(request.formats)
    single = count == 1
    plan: list[Output] = []
    for file in request.files:
        for doc in documents:
            for job in jobs_of(file, doc):
                for fmt in request.formats:
                    if out is not None and single and not out.endswith(("/", os.sep)) and not _is_dir(Path(out)):
                        path = Path(out)
                    else:
                        folder = Path(out) if out is not None else file.parent
                        name = doc.file_name.format(stem=file.stem) + (f"-{job.slug}" if job else "")
                        path = folder / (name + fmt.suffix)
                    plan.append(Output(file, doc, fmt, path, job))
    _check_plan(plan, request.files)
    return plan


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long is no folder
        return False


def _what(output: Output) -> str:
    """One output as a person knows it: ``teacher.yaml's pitch for Designer (md)``."""
    if output.job is not None:
        return _("the {document} of {file} for {job} ({format})").format(
            document=output.document.id, file=output.file, job=output.job.name, format=output.format.value
        )
    return _("the {document} of {file} ({format})").format(
        document=output.document.id, file=output.file, format=output.format.value
    )


def _check_plan(plan: list[Output], files: tuple[Path, ...]) -> None:
    """Refuse the whole run, before a byte is written, when any output could not be written as planned."""
    inputs = {file.resolve(): file for file in files}
    seen: dict[Path, Output] = {}
    problems: list[Problem] = []
    keep = _("Nothing was written. Give --out a .md, .html or .pdf file, or a folder.")
    for output in plan:
        assert output.path is not None
        path, key = output.path, output.path.resolve()
        if key in inputs:
            problems.append(
                Problem(
                    _("rendering {file} would write over the answers file {answers}").format(
                        file=output.file, answers=inputs[key]
                    ),
                    _(
                        "Nothing was written. Give --out another path (a brief is named after its answers file, "
                        "so an answers file should end in .yaml)."
                    ),
                    output.file,
                )
            )
        elif key.suffix.casefold() in ANSWERS_SUFFIXES:  # its own name, or the file a link leads to
            problems.append(
                Problem(
                    _("{target} ends in {suffix}, as answers files do: render never writes one").format(
                        target=path if path.suffix.casefold() in ANSWERS_SUFFIXES else key, suffix=key.suffix
                    ),
                    keep,
                    output.file,
                )
            )
        elif _reads_as_answers(path):
            problems.append(
                Problem(
                    _("{target} reads as an answers file, and render never writes over one").format(target=path),
                    keep,
                    output.file,
                )
            )
        elif len(os.fsencode(path.name)) > NAME_MAX:
            problems.append(
                Problem(
                    _("the file name of {what} would be longer than {most} bytes").format(
                        what=_what(output), most=NAME_MAX
                    ),
                    _("Nothing was written. Give the answers file a shorter name, or --out a shorter file name."),
                    output.file,
                )
            )
        if key in seen:
            problems.append(
                Problem(
                    _("{first} and {second} would both be written to {target}").format(
                        first=_what(seen[key]), second=_what(output), target=path
                    ),
                    _("Nothing was written. Rename one of the answers files, or render them one at a time."),
                )
            )
        seen.setdefault(key, output)
    if problems:
        raise UserError(*dict.fromkeys(problems))


def _reads_as_answers(path: Path) -> bool:
    """True when ``path`` holds what reads as an answers file (valid or not), whatever its name."""
    from careerstory.answers.reading import reads_as_answers

    try:
        data = storage.read_bytes(path)
    except UserError:
        return False  # not a file that can be read (a folder, a pipe): the write refuses it in its turn
    return data is not None and reads_as_answers(data)


def fingerprint(*parts: str | bytes) -> str:
    """A digest of everything that shapes one output."""
    digest = hashlib.sha256(__version__.encode())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def _cache_path() -> Path:
    return cache_folder() / "rendered.json"


def _read_cache() -> dict[str, dict[str, object]]:
    try:
        data = json.loads(_cache_path().read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _stamp(path: Path) -> list[int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


def is_up_to_date(path: Path, fingerprint: str) -> bool:
    """True when careerstory wrote ``path`` from the inputs ``fingerprint`` stands for, and it is untouched."""
    record = _read_cache().get(str(path.resolve()))
    stamp = _stamp(path)
    return (
        bool(record)
        and stamp is not None
        and (record or {}).get("fingerprint") == fingerprint
        and (record or {}).get("stamp") == stamp
    )


def laid_out_pages(path: Path) -> int | None:
    """The pages of a PDF careerstory wrote at ``path`` and has not seen changed since, else None.

    A one-page document (the pitch) that runs longer is worth a note: the review may ask
    here rather than lay the PDF out again.
    """
    record = _read_cache().get(str(path.resolve()))
    pages = record.get("pages") if record and record.get("stamp") == _stamp(path) else None
    return pages if isinstance(pages, int) else None


def remember(written: dict[Path, str], pages: dict[Path, int] | None = None) -> None:
    """Record the fingerprints (and a PDF's pages) of outputs just written; an unwritable cache is skipped."""
    if not written:
        return
    cache = _read_cache()
    for path, fingerprint in written.items():
        stamp = _stamp(path)
        if stamp is not None:
            record: dict[str, object] = {"fingerprint": fingerprint, "stamp": stamp}
            if pages and path in pages:
                record["pages"] = pages[path]
            cache[str(path.resolve())] = record
    with contextlib.suppress(OSError, UserError):
        write_output(_cache_path(), json.dumps(cache, indent=0, sort_keys=True).encode())


def write_output(path: Path, data: bytes) -> None:
    """Write one output whole (the answers file's own atomic write), making its folder."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(
            Problem(f"cannot make the folder {path.parent} ({error.strerror})", "Choose another --out.", path)
        ) from None
    storage.atomic_write(path, data)
