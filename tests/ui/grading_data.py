"""A judge's workspace made from the demo contest's signed package, for grading-view tests.

The demo (≈ 10 s) is built once per test session into a template folder; each test gets its
own copy of the closed workspace file and its entry files, so tests never share state.
Also the identity strings of the demo entrants (names, schools, birth dates, original file
names), read from the board's contest file: none of them may ever reach the judge's screen.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from judge_app.demo.build import build_demo_contest
from judge_app.exchange.workspace import files_dir, open_package
from judge_app.store.database import open_contest_file
from judge_app.store.models import EntryFile, Participant, Unit

JUDGE = "GK1"


@dataclass(frozen=True)
class DemoWorkspace:
    board: Path  # the demo's board contest file
    workspace: Path  # template workspace of judge GK1 (closed; copy it before use)
    identities: tuple[str, ...]


def build_demo_workspace(root: Path) -> DemoWorkspace:
    """Demo contest, GK1's package opened into a workspace, identities collected."""
    demo = build_demo_contest(root / "demo")
    packages = sorted((root / "demo" / "packages").glob(f"*{JUDGE}*"))
    fingerprint = _fingerprint(demo.path)
    workspace = root / "workspace" / f"{JUDGE}.sqlite"
    open_package(
        packages[0], workspace, accept_fingerprint=fingerprint, pinned_keys_dir=root / "trust"
    )
    return DemoWorkspace(demo.path, workspace, identity_strings(demo.path))


def _fingerprint(board: Path) -> str:
    from judge_app.store.models import Judge

    with open_contest_file(board) as db, db.read_session() as session:
        head = session.scalars(select(Judge).where(Judge.is_head.is_(True))).one()
        assert head.key_fingerprint is not None
        return head.key_fingerprint


def identity_strings(board: Path) -> tuple[str, ...]:
    """Every entrant's name, birth date (as Vietnamese write it), school and file name."""
    found: set[str] = set()
    with open_contest_file(board) as db, db.read_session() as session:
        for person in session.scalars(select(Participant)):
            found.add(person.full_name)
            if person.birth_date is not None:
                found.add(person.birth_date.strftime("%d/%m/%Y"))
        for unit in session.scalars(select(Unit)):
            if len(unit.name) > 4:
                found.add(unit.name)
        for name in session.scalars(select(EntryFile.original_name)):
            stem = Path(name).stem
            if len(stem) > 4:
                found.add(name)
                found.add(stem)
    return tuple(sorted(s for s in found if s.strip()))


def copy_workspace(template: Path, target_dir: Path) -> Path:
    """A private copy of the (closed) workspace file and its files folder."""
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / template.name
    shutil.copy2(template, target)
    shutil.copytree(files_dir(template), files_dir(target))
    return target
