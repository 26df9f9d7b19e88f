"""Test-wide set-up: Qt offscreen, and every per-user folder inside the test's tmp dir."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("JUDGE_APP_LANG", "vi")


@pytest.fixture(autouse=True)
def app_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Backups, logs, keys and settings of each test go to a fresh folder, never the user's."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("JUDGE_APP_HOME", str(home))
    yield home
