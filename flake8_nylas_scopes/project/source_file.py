"""Reading a Python file so it can be written back unchanged except for the edit.

The text is decoded as the interpreter would (BOM, PEP 263 cookie, UTF-8) with line
endings kept as they are, and encoded back with the same encoding and BOM.  Writes
are atomic: a temporary file in the same directory, flushed to disk, given the
original's permission bits, then moved over the original.
"""

from __future__ import annotations

import codecs
import io
import os
import tokenize
from dataclasses import dataclass

from .atomic import write_bytes_atomically


class SourceFileError(Exception):
    """A file that cannot be read or written back; the message names the path."""


@dataclass(frozen=True)
class SourceFile:
    path: str
    text: str
    encoding: str
    bom: bool

    def encode(self, text: str) -> bytes:
        try:
            data = text.encode(self.encoding)
        except UnicodeEncodeError as error:
            raise SourceFileError(
                f"{self.path}: the fixed text cannot be encoded as {self.encoding} ({error.reason})"
            ) from None
        return codecs.BOM_UTF8 + data if self.bom else data


def read_source_file(path: str) -> SourceFile:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise SourceFileError(f"{path}: cannot read ({error.strerror or error})") from None
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as error:
        raise SourceFileError(f"{path}: cannot decode ({error})") from None
    bom = data.startswith(codecs.BOM_UTF8)
    if bom:
        data = data[len(codecs.BOM_UTF8):]
        encoding = "utf-8"
    try:
        # Decoding bytes keeps "\r\n" and "\r": no newline translation happens here.
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as error:
        raise SourceFileError(f"{path}: cannot decode ({error})") from None
    return SourceFile(path, text, encoding, bom)


def write_atomically(path: str, data: bytes) -> None:
    """Replace the file at ``path`` (following symlinks) by ``data`` in one step."""
    try:
        write_bytes_atomically(path, data)
    except OSError as error:
        raise SourceFileError(f"{path}: cannot write ({error.strerror or error})") from None


def replace_unless_changed(original: SourceFile, data: bytes) -> None:
    """Write ``data`` over the file ``original`` was read from, unless that would
    override something: the file no longer holds what was read (an editor saved it in
    the meantime), or the user may not write it (renaming a new file over a read-only
    one succeeds all the same)."""
    if read_source_file(original.path) != original:
        raise SourceFileError(
            f"{original.path}: changed while it was being fixed; it is left as it is now"
        )
    if not os.access(original.path, os.W_OK):
        # The rename would replace it all the same: the directory is what it checks.
        raise SourceFileError(f"{original.path}: cannot write (read-only file)")
    write_atomically(original.path, data)
