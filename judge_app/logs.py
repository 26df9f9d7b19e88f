"""One log file per user for details the user is not shown (tracebacks, timings)."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from judge_app import paths

LOG_NAME = "judge-app.log"
_configured: Path | None = None


def setup_logging() -> Path:
    """Send the app's log records to a rotating file; return its path (idempotent)."""
    global _configured
    try:
        target = paths.log_dir() / LOG_NAME
        if _configured == target:
            return target
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=2_000_000, backupCount=3, encoding="utf-8", delay=True
        )
        if not os.access(target.parent, os.W_OK) or (
            target.exists() and not os.access(target, os.W_OK)
        ):
            raise PermissionError(target)
    except OSError:
        # A read-only or broken profile folder must not stop the app: log nowhere rather
        # than fail; the user's messages never depended on the log.
        target = Path(os.devnull)
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    # A log write that fails later (disk full) must never print a traceback to the user.
    logging.raiseExceptions = False
    root = logging.getLogger("judge_app")
    for old in list(root.handlers):
        if isinstance(old, logging.handlers.RotatingFileHandler | logging.NullHandler):
            root.removeHandler(old)
            old.close()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _configured = target
    return target


def log_path() -> Path:
    return _configured or paths.log_dir() / LOG_NAME
