"""Resident memory of a process, on every OS (psutil; /proc on Linux without it)."""

from __future__ import annotations

import os
from pathlib import Path


def resident_bytes(pid: int | None = None) -> int:
    """Resident set size of `pid` (this process by default); 0 when it is gone."""
    pid = os.getpid() if pid is None else pid
    try:
        import psutil
    except ImportError:  # pragma: no cover - psutil is a dependency
        try:
            with Path(f"/proc/{pid}/statm").open() as statm:
                return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            return 0
    try:
        return int(psutil.Process(pid).memory_info().rss)
    except psutil.Error:
        return 0
