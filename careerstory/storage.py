"""Bytes on disk: atomic replacement and a lock, so no write is ever half done.

The answers file and every brief are written through here.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
import tempfile
from pathlib import Path

from careerstory import _
from careerstory.errors import Problem, UserError

# Far above any real brief (the example personas are under 10 kB): a larger file is
# almost surely the wrong file, and refusing it keeps memory and time small (and the
# in-place writer, which walks the pure-Python node tree, quick).
MAX_BYTES = 256_000


class WriteFailed(UserError):
    """The bytes could not be written (a full disk, a read-only file or folder); the old file is intact.

    What was to be written is still in hand, so the caller may keep it and try again.
    """


def _unreadable(path: Path, error: OSError) -> UserError:
    return UserError(
        Problem(
            _("cannot read {file}: {reason}").format(file=path, reason=error.strerror),
            _("Check its permissions."),
            path,
        )
    )


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes | None:
    """The file's bytes, at most ``limit + 1`` of them; None when it does not exist yet.

    Every command reads a person's file through here. What is not a regular file (a
    folder, a pipe, a device such as /dev/zero) is refused before a byte is read: a
    pipe is opened without waiting for a writer, and nothing is read without end. A
    caller refuses a result longer than ``limit`` with its own words.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise _unreadable(path, error) from None
    try:
        kind = stat.S_IFMT(os.fstat(fd).st_mode)
        if kind == stat.S_IFDIR:
            raise UserError(
                Problem(_("this is a folder, not an answers file"), _("Give the path of a .yaml file."), path)
            )
        if kind != stat.S_IFREG:
            raise UserError(
                Problem(
                    _("this is not a regular file (a pipe, a device or a socket)"),
                    _("Nothing was read. Give the path of an answers file, such as careerstory.yaml."),
                    path,
                )
            )
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    except OSError as error:
        raise _unreadable(path, error) from None
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once, keeping its mode and any symlink to it.

    Used for the answers file and for every brief written.

    The bytes go to a temporary file beside the target, are flushed and fsynced, and
    only then renamed over it; a crash at any moment leaves the old file or the new.
    """
    target = Path(os.path.realpath(path))  # write through a symlink, keep the link
    try:
        status = target.stat()
        if not stat.S_ISREG(status.st_mode):
            raise UserError(
                Problem(
                    _("{file} is not a regular file (a folder, a device or a pipe)").format(file=path),
                    _("Nothing was written. Give the path of a file."),
                    path,
                )
            )
        mode = stat.S_IMODE(status.st_mode)
        exists = True
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
        exists = False
    except OSError as error:  # a name too long, a folder that is a file
        raise UserError(
            Problem(
                _("cannot write {file}: {reason}").format(file=path, reason=error.strerror),
                _("Nothing was written. Choose a shorter path, in a folder that exists."),
                path,
            )
        ) from None
    # The write bits say what the person meant; root's access() would say yes regardless.
    if exists and not (mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) and os.access(target, os.W_OK)):
        raise WriteFailed(
            Problem(
                _("{file} is read-only").format(file=path),
                _("Nothing was written. Make it writable (chmod u+w {file}).").format(file=path),
                path,
            )
        )
    try:
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name[:64]}.", suffix=".tmp")
    except OSError as error:
        raise WriteFailed(
            Problem(
                _("cannot write in the folder {folder}: {reason}").format(folder=target.parent, reason=error.strerror),
                _("Nothing was written. Make the folder writable or choose another path."),
                path,
            )
        ) from None
    try:
        try:
            write_all(fd, data)
            os.fchmod(fd, mode)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp_name, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        if isinstance(error, OSError):
            raise WriteFailed(
                Problem(
                    _("could not save {file}: {reason}").format(file=path, reason=error.strerror),
                    _("The file on disk is as it was before. Check the disk space and permissions, then try again."),
                    path,
                )
            ) from None
        raise
    _fsync_folder(target.parent)


def keep_cached(path: Path, data: bytes) -> None:
    """Write a cache entry whole or not at all; a cache that cannot be written only costs time.

    No fsync and no error: unlike the person's files, a lost cache entry is made again.
    """
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, path)  # a reader never sees half of it
        except OSError:
            os.unlink(temporary)
            raise


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of ``data`` to ``fd``; an OSError (a full disk) may come part-way."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _fsync_folder(folder: Path) -> None:
    # The rename itself is only durable once the folder's entry is on disk.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


class FileLock:
    """Refuses a second ``ask`` (or ``migrate``) on the same file while one runs.

    The lock is a file beside the answers file (``.careerstory.yaml.lock``), named after
    its real path's name, so that every command on that file meets the same lock whoever
    runs it and whatever its ``TMPDIR``. It is removed when the lock is let go; the kernel
    drops the lock itself when the process dies, even by SIGKILL, and a lock file left
    behind then guards nothing.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        real = Path(os.path.realpath(path))
        self._lock_path = real.with_name(f".{real.name}.lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise :class:`UserError`; a pipe, device or folder is refused first."""
        with contextlib.suppress(OSError):
            if not stat.S_ISREG(os.stat(self.path).st_mode):
                read_bytes(self.path, 0)  # says what it is, in the words every command uses
        while True:
            try:
                fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
            except OSError as error:
                raise UserError(
                    Problem(
                        _("cannot lock {file} against a second careerstory: {reason}").format(
                            file=self.path, reason=error.strerror
                        ),
                        _("Nothing was changed. Make its folder {folder} writable, then try again.").format(
                            folder=self._lock_path.parent
                        ),
                        self.path,
                    )
                ) from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as error:
                os.close(fd)
                if error.errno in (errno.EAGAIN, errno.EACCES):
                    raise UserError(
                        Problem(
                            _("{file} is already open in another `careerstory ask`").format(file=self.path),
                            _("Finish or quit that one first (Ctrl-C keeps every answer given)."),
                            self.path,
                        )
                    ) from None
                raise
            # The holder before us removes the lock file as it lets go; a lock taken on
            # a file that is no longer there guards nothing, so take it again.
            try:
                if os.fstat(fd).st_ino == os.stat(self._lock_path).st_ino:
                    self._fd = fd
                    return
            except FileNotFoundError:
                pass
            os.close(fd)

    def release(self) -> None:
        """Let go of the lock, and remove its file so that none pile up."""
        if self._fd is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self._lock_path)
            os.close(self._fd)
            self._fd = None


def check_folder(path: Path) -> None:
    """Refuse before any question is asked when ``path``'s folder cannot take the file."""
    folder = path.parent
    if not folder.is_dir():
        raise UserError(
            Problem(
                _("the folder {folder} does not exist").format(folder=folder),
                _("Create it first (`mkdir -p {folder}`), then run the command again.").format(folder=folder),
                path,
            )
        )
    # The file is written by a temporary file beside it, so the folder itself must be writable.
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UserError(
            Problem(
                _("the folder {folder} cannot be written to").format(folder=folder),
                _("Choose a file in a folder of your own, or ask for write permission on this one."),
                path,
            )
        )
