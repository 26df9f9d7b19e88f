"""The child process is killed on a hang or a memory breach, and the next request works."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from doc_makers import red_box_pdf

from judge_app.documents.limits import MB, Limits
from judge_app.documents.sandbox import Sandbox, SandboxBreachError
from judge_app.documents.service import DocumentService


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    box = Sandbox(limits=Limits(memory_bytes=400 * MB), allow_debug=True)
    try:
        yield box
    finally:
        box.close()


def test_a_hanging_child_is_killed_at_the_timeout_and_replaced(sandbox: Sandbox) -> None:
    sandbox.start()
    first = sandbox.pid
    start = time.monotonic()
    with pytest.raises(SandboxBreachError) as failure:
        sandbox.debug("sleep", 30, timeout=1.0)
    assert time.monotonic() - start < 3.0
    assert failure.value.problem.code == "timeout"
    assert sandbox.call("ping", timeout=30) == "pong"
    assert sandbox.pid != first and sandbox.restarts == 1


def test_a_child_eating_memory_is_killed_and_replaced(sandbox: Sandbox) -> None:
    with pytest.raises(SandboxBreachError) as failure:
        sandbox.debug("allocate", 800 * MB, timeout=20.0)
    assert failure.value.problem.code == "memory"
    assert failure.value.problem.params == {"limit": "400"}
    assert sandbox.call("ping", timeout=30) == "pong"


def test_debug_requests_are_refused_unless_allowed() -> None:
    box = Sandbox()
    try:
        with pytest.raises(RuntimeError, match="unknown request"):
            box.debug("sleep", 0.1)
    finally:
        box.close()


def test_an_open_that_breaks_the_time_limit_is_a_timeout_placeholder(tmp_path: Path) -> None:
    pdf = red_box_pdf(tmp_path / "slow.pdf")
    limits = Limits(open_timeout_s=0.001)
    with DocumentService(limits=limits, cache_dir=tmp_path / "cache") as service:
        info = service.open(pdf).result(timeout=60)
        assert info.placeholder
        assert info.facts.problems[0].code == "timeout"
        assert service.render(info.doc_id, 0, 0.5).result(timeout=30).width > 0


def test_a_hang_at_the_default_limit_still_shows_the_reason_within_5_s(tmp_path: Path) -> None:
    """Kill at the open timeout, start a fresh child, draw the placeholder: all under 5 s."""
    pdf = red_box_pdf(tmp_path / "hangs.pdf")
    box = Sandbox(allow_debug=True)
    try:
        box.start()
        start = time.monotonic()
        with pytest.raises(SandboxBreachError) as breach:
            box.debug("sleep", 60, timeout=box.limits.open_timeout_s)
        _, _, facts, placeholder = box.call("open", "d1", pdf, breach.value.problem, timeout=30)
        assert time.monotonic() - start < 5.0
        assert placeholder and facts.problems[0].code == "timeout"
    finally:
        box.close()
