"""Writing a file so that readers see the old content or the new, never a part.

One writer for what the tool writes for the user: fixed source files and reports
(``--output``).  The cache, inside a directory of its own, has a lighter one.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile


def write_bytes_atomically(path: str, data: bytes, durable: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory.

    A device or a pipe (``/dev/null``, ``/dev/stdout``, a FIFO) is written to as it is.

    A symlink is followed (the link keeps pointing at the file).  The temporary file
    is renamed over the target only once it is complete (and, when ``durable``,
    flushed to disk: a cache entry need not be); on any error it is removed, the
    target is left as it was and the :class:`OSError` propagates.  A new file gets
    the permissions the umask allows, an existing one keeps its own, and its owner
    and group where the process may give them.
    """
    if _is_device_or_pipe(path):
        # Renaming a file over /dev/null, /dev/stdout or a FIFO would replace the
        # device itself (root may); what is written there is read as it comes anyway.
        with open(path, "wb") as handle:
            handle.write(data)
        return
    target = os.path.realpath(path)
    directory = os.path.dirname(target) or "."
    try:
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=directory
        )
    except OSError as error:
        # The file itself may well be writable: say where the write failed.
        reason = f"{error.strerror or error} in its directory, where its replacement is written"
        raise OSError(error.errno, reason) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(temporary, _mode_for(target))
        _copy_owner(temporary, target)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_text_atomically(path: str, text: str) -> None:
    """``text`` as UTF-8, without newline translation.

    A file name that is not valid UTF-8 is held as surrogate escapes: it is written
    as its own bytes, as a UTF-8 console shows it; any other character UTF-8 cannot
    encode is written as a backslash escape.
    """
    try:
        data = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        data = text.encode("utf-8", "backslashreplace")
    write_bytes_atomically(path, data)


def _is_device_or_pipe(path: str) -> bool:
    """Whether ``path`` names something other than a file or a directory."""
    try:
        mode = os.stat(path).st_mode  # /dev/stdout's link resolves only when followed
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _copy_owner(temporary: str, target: str) -> None:
    """Give the new file the owner and group of the one it replaces.

    The new file belongs to whoever writes it: root fixing a user's checkout (in a
    container, with sudo) would leave files the user cannot write.  Only root may give
    a file away, and a user only to a group of their own, so failing is no error.
    """
    chown = getattr(os, "chown", None)  # not on Windows
    try:
        info = os.stat(target)
    except OSError:
        return  # a new file
    if chown is None or (info.st_uid, info.st_gid) == (os.geteuid(), os.getegid()):
        return
    with contextlib.suppress(OSError):
        chown(temporary, info.st_uid, info.st_gid)


def _mode_for(path: str) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
