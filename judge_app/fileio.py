"""File work every package shares: content hashes and crash-safe writes.

A crash, kill or power cut must leave either the old file or the new one, never half of one:
write a temp file beside the target, fsync it, rename it over the target, then fsync the folder
so the rename itself survives a power cut.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path

_BLOCK = 1 << 20


def sha256_file(path: Path) -> tuple[str, int]:
    """Hex SHA-256 and size of a file, read in 1 MiB blocks (entry files can be large)."""
    digest = hashlib.sha256()
    size = 0
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(_BLOCK), b""):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def fsync_directory(directory: Path) -> None:
    """Make a rename in `directory` durable (no-op where directories cannot be opened)."""
    if os.name != "posix":
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_atomically(
    target: Path, data: bytes, *, mode: int | None = None, durable: bool = True
) -> None:
    """Temp file beside `target` (mkstemp makes it 0600 from the start), fsync, `mode`, rename,
    fsync the folder. A private key is never readable by others, not even before the chmod.

    `durable=False` skips both fsyncs, for caches that can be made again: the rename still
    makes the file appear whole or not at all to readers, and the cache checks what it reads.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}", suffix=".tmp")
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            if durable:
                os.fsync(out.fileno())
        if mode is not None:
            with contextlib.suppress(OSError):  # no POSIX modes on this OS
                temp.chmod(mode)
        temp.replace(target)
        if durable:
            fsync_directory(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
