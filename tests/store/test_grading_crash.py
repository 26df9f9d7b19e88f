"""A grading process killed with SIGKILL mid-grading loses nothing it had confirmed.

The child sets scores, comments and its position in a loop through the same functions the
grading window calls, announcing each change before the call ("try") and confirming it after
the call returned ("ok"). The parent kills it at a random point; the reopened workspace must hold
every confirmed change, and the one change in flight either wholly or not at all.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from grading_helpers import build_workspace

from judge_app.store import grading
from judge_app.store.audit import verify
from judge_app.store.database import open_contest_file

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from judge_app.core.scores import Points
    from judge_app.store import grading
    from judge_app.store.database import open_contest_file

    db = open_contest_file(Path(sys.argv[1]))
    rubric = grading.load_rubric(db)
    codes = [row.code for row in grading.list_entries(db)]
    i = 0
    while True:
        for code in codes:
            print(f"try position - {code}", flush=True)
            grading.remember_position(db, code)
            print("ok", flush=True)
            for criterion in rubric.criteria:
                steps = criterion.maximum.centi // criterion.step.centi
                value = criterion.step.centi * (i % (steps + 1))
                print(f"try score {code}:{criterion.id} {value}", flush=True)
                grading.set_score(db, code, criterion.id, Points(value))
                print("ok", flush=True)
                i += 1
            print(f"try comment {code} nhận xét số {i}", flush=True)
            grading.set_comment(db, code, f"nhận xét số {i}")
            print("ok", flush=True)
    """
)


def _stored(path: Path) -> dict[tuple[str, str], str]:
    """Every value the test compares, read back from the reopened workspace."""
    values: dict[tuple[str, str], str] = {}
    with open_contest_file(path, integrity="sync") as db:
        assert verify(db).ok
        position = grading.last_position(db)
        if position is not None:
            values[("position", "-")] = position
        for row in grading.list_entries(db):
            state = grading.grading_state(db, row.code)
            for criterion_id, points in state.scores.items():
                values[("score", f"{row.code}:{criterion_id}")] = str(points.centi)
            if state.comment:
                values[("comment", row.code)] = state.comment
    return values


@pytest.mark.parametrize("seed", [1, 2])
def test_killed_grading_keeps_every_confirmed_change(tmp_path: Path, seed: int) -> None:
    workspace = build_workspace(tmp_path / "gk1.sqlite")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(workspace)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )
    assert child.stdout is not None
    kill_after = random.Random(seed).randint(40, 90)
    confirmed: dict[tuple[str, str], str] = {}
    pending: tuple[tuple[str, str], str] | None = None
    oks = 0

    def take(line: str) -> None:
        nonlocal pending, oks
        line = line.rstrip("\n")
        if line.startswith("try "):
            kind, key, value = line[4:].split(" ", 2)
            pending = ((kind, key), value)
        elif line == "ok" and pending is not None:
            confirmed[pending[0]] = pending[1]
            pending, oks = None, oks + 1

    try:
        for line in child.stdout:
            take(line)
            if oks >= kill_after:
                os.kill(child.pid, signal.SIGKILL)
                break
        for line in child.stdout:  # lines already in the pipe were confirmed before the kill
            take(line)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=30)
        child.stdout.close()
        assert child.stderr is not None
        errors = child.stderr.read()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL, errors
    assert oks >= kill_after

    stored = _stored(workspace)
    for key, value in confirmed.items():
        if pending is not None and key == pending[0]:
            # The change in flight when the kill came: committed wholly or not at all.
            assert stored.get(key) in {value, pending[1]}
        else:
            assert stored.get(key) == value, key
    # Nothing beyond the confirmed changes and the one in flight.
    extra = set(stored) - set(confirmed) - ({pending[0]} if pending else set())
    assert not extra
