"""One log file per user for details the user is not shown (tracebacks, timings)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from judge_app import paths

LOG_NAME = "judge-app.log"
_configured: Path | None = None


def setup_logging() -> Path:
    """Send the app's log records to a rotating file; return its path (idempotent)."""
    global _configured
    target = paths.log_dir() / LOG_NAME
    if _configured == target:
        return target
    handler = logging.handlers.RotatingFileHandler(
        target, maxBytes=2_000_000, backupCount=3, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("judge_app")
    for old in list(root.handlers):
        if isinstance(old, logging.handlers.RotatingFileHandler):
            root.removeHandler(old)
            old.close()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _configured = target
    return target


def log_path() -> Path:
    return paths.log_dir() / LOG_NAME
