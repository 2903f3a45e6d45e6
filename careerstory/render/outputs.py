"""Where each brief goes, and whether the one already there is up to date.

An output is up to date when careerstory wrote it from exactly the same inputs: the
answers file's bytes, the template files, the format and page size, the date printed
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
from pathlib import Path

from careerstory import __version__, storage
from careerstory.errors import Problem, UserError

SUFFIXES = {"md": ".md", "html": ".html", "pdf": ".pdf"}
STDOUT = "-"


def plan_outputs(files: list[Path], formats: list[str], out: str | None) -> dict[tuple[Path, str], Path | None]:
    """The output path of every (answers file, format); None means standard output.

    Without ``out`` each brief lies beside its answers file, named after its stem. With
    one file and one format ``out`` is the output file (unless it is an existing folder
    or ends with a slash); otherwise it is a folder, made when missing.
    """
    plan: dict[tuple[Path, str], Path | None] = {}
    if out == STDOUT:
        if len(files) != 1 or formats != ["md"]:
            raise UserError(Problem("'--out -' writes one Markdown brief: give one answers file and no other format"))
        return {(files[0], "md"): None}
    single = len(files) == 1 and len(formats) == 1
    if out is not None and single and not out.endswith(("/", os.sep)) and not Path(out).is_dir():
        plan[(files[0], formats[0])] = Path(out)
    else:
        folder = Path(out) if out is not None else None
        for file in files:
            for fmt in formats:
                plan[(file, fmt)] = (folder or file.parent) / (file.stem + SUFFIXES[fmt])
    inputs = {file.resolve(): file for file in files}
    seen: dict[Path, Path] = {}
    for (file, _fmt), path in plan.items():
        assert path is not None
        key = path.resolve()
        if key in inputs:
            raise UserError(
                Problem(
                    f"rendering {file} would write over the answers file {inputs[key]}",
                    "Nothing was written. Give --out another path (a brief is named after its answers file, "
                    "so an answers file should end in .yaml).",
                    file,
                )
            )
        if key in seen and seen[key] != file:
            raise UserError(
                Problem(
                    f"{seen[key]} and {file} would both be rendered to {path}",
                    "Rename one of them, or render them one at a time with --out.",
                )
            )
        seen[key] = file
    return plan


def fingerprint(*parts: str | bytes) -> str:
    """A digest of everything that shapes one output."""
    digest = hashlib.sha256(__version__.encode())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def cache_folder() -> Path:
    """The cache folder: render fingerprints and compiled templates, nothing of the person's."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "careerstory"


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


def is_up_to_date(path: Path, print_: str) -> bool:
    """True when careerstory wrote ``path`` from the inputs ``print_`` stands for, and it is untouched."""
    record = _read_cache().get(str(path.resolve()))
    stamp = _stamp(path)
    return bool(record) and stamp is not None and record == {"fingerprint": print_, "stamp": stamp}


def remember(written: dict[Path, str]) -> None:
    """Record the fingerprints of outputs just written; a cache that cannot be written is skipped."""
    if not written:
        return
    cache = _read_cache()
    for path, print_ in written.items():
        stamp = _stamp(path)
        if stamp is not None:
            cache[str(path.resolve())] = {"fingerprint": print_, "stamp": stamp}
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
