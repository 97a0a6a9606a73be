"""``--output`` files are replaced whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from flake8_nylas_scopes.project.atomic import write_text_atomically


def test_a_failed_write_leaves_the_old_file_and_no_debris(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.sarif"
    target.write_text("old report\n")

    def fail(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="No space left"):
        write_text_atomically(str(target), "new report\n")
    assert target.read_text() == "old report\n"
    assert os.listdir(tmp_path) == ["report.sarif"]


def test_a_new_file_gets_the_umask_permissions(tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        write_text_atomically(str(tmp_path / "new.json"), "{}\n")
    finally:
        os.umask(previous)
    assert (tmp_path / "new.json").stat().st_mode & 0o777 == 0o640
    assert (tmp_path / "new.json").read_text() == "{}\n"


def test_text_is_written_as_utf8_without_newline_translation(tmp_path: Path) -> None:
    write_text_atomically(str(tmp_path / "out.txt"), "é\r\n")
    assert (tmp_path / "out.txt").read_bytes() == "é\r\n".encode()


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root gives files away"
)
def test_a_replaced_file_keeps_its_owner(tmp_path: Path) -> None:
    # root fixing a user's checkout (in a container, with sudo) must not leave the
    # user with files owned by root.
    from flake8_nylas_scopes.project.atomic import write_bytes_atomically

    target = tmp_path / "app.py"
    target.write_text("old\n")
    os.chown(target, 65534, 65534)
    write_bytes_atomically(str(target), b"new\n")
    assert (target.stat().st_uid, target.stat().st_gid) == (65534, 65534)
    assert target.read_bytes() == b"new\n"


def test_a_fifo_is_written_to_not_replaced(tmp_path: Path) -> None:
    # ``--output`` naming a pipe (or /dev/stdout): a file renamed over it would take
    # its place and the reader would get nothing.
    import stat
    import threading

    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(
        target=lambda: received.append(fifo.read_bytes()), daemon=True
    )
    reader.start()
    write_text_atomically(str(fifo), "report\n")
    reader.join(timeout=30)
    assert received == [b"report\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert os.listdir(tmp_path) == ["report.fifo"]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root makes device nodes"
)
def test_a_device_is_written_to_not_replaced(tmp_path: Path) -> None:
    # ``--output /dev/null`` run as root (a CI container) replaced /dev/null itself
    # with a regular file holding the report.
    import stat

    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    write_text_atomically(str(null), "report\n")
    assert stat.S_ISCHR(null.stat().st_mode)
    assert os.listdir(tmp_path) == ["null"]


def test_a_directory_that_refuses_new_files_is_named_as_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The file itself may be writable: what fails is making its replacement beside it.
    import tempfile

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied", str(tmp_path / ".x.tmp"))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(OSError) as raised:
        write_text_atomically(str(tmp_path / "report.json"), "{}\n")
    assert raised.value.strerror == (
        "Permission denied in its directory, where its replacement is written"
    )
