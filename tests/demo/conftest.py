from __future__ import annotations

from pathlib import Path

import pytest

from judge_app.cli import main


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo contest built through the real command, shared by the read-only tests."""
    target = tmp_path_factory.mktemp("demo") / "contest"
    mp = pytest.MonkeyPatch()
    mp.setenv("JUDGE_APP_HOME", str(tmp_path_factory.mktemp("demo-home")))
    try:
        assert main(["demo", str(target), "--no-gui"]) == 0
    finally:
        mp.undo()
    return target
