"""Where the app keeps per-user files.

Contest data lives in the contest's own database file; this module only names the per-user
folders (backups, logs, keys, settings) and the bundled resources. `JUDGE_APP_HOME` moves all
per-user folders under one directory, which tests and portable installs use.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "judge-app"
APP_AUTHOR = "judge-app"


def _home_override() -> Path | None:
    value = os.environ.get("JUDGE_APP_HOME")
    return Path(value) if value else None


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    """Per-user data: backups, keys."""
    home = _home_override()
    if home is not None:
        return _ensure(home / "data")
    return _ensure(Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)))


def log_dir() -> Path:
    home = _home_override()
    if home is not None:
        return _ensure(home / "logs")
    return _ensure(Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)))


def config_dir() -> Path:
    home = _home_override()
    if home is not None:
        return _ensure(home / "config")
    return _ensure(Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)))


def backup_dir() -> Path:
    return _ensure(data_dir() / "backups")


def resources_dir() -> Path:
    """The bundled resources: next to the package in a source tree, or inside a frozen build."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    installed = Path(__file__).resolve().parent / "resources"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"
