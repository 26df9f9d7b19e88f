"""One sandboxed document service for the whole documents suite (a child costs ~0.3 s)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from judge_app.documents.service import DocumentService


@pytest.fixture(scope="session")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DocumentService]:
    cache = tmp_path_factory.mktemp("render-cache")
    with DocumentService(cache_dir=cache, lang="vi") as shared:
        yield shared


@pytest.fixture(scope="session")
def demo_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    from judge_app.demo.generate import generate_demo_files

    root = tmp_path_factory.mktemp("demo")
    generate_demo_files(root)
    return sorted(path for path in root.rglob("*") if path.is_file())
