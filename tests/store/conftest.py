"""Fixtures for the store tests: real contest files in tmp_path, per-user folders in a tmp home."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from store_helpers import Seeded, seed_contest

from judge_app.store.database import ContestDatabase, create_contest_file


@pytest.fixture(autouse=True)
def judge_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Backups and other per-user files go to a throwaway folder, never the real profile."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("JUDGE_APP_HOME", str(home))
    return home


@pytest.fixture
def contest_path(tmp_path: Path) -> Path:
    return tmp_path / "contest.sqlite"


@pytest.fixture
def db(contest_path: Path) -> Iterator[ContestDatabase]:
    database = create_contest_file(contest_path)
    yield database
    database.close()


@pytest.fixture
def seed() -> Callable[..., Seeded]:
    return seed_contest


@pytest.fixture
def seeded(db: ContestDatabase) -> Seeded:
    return seed_contest(db)
