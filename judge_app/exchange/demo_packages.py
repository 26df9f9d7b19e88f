"""Ready grading packages for the demo contest: head judge key, round 1, one package per grader.

The head judge TB's demo key lives in ``<demo folder>/keys`` (never the user's own key folder)
with the passphrase ``demo-truong-ban`` (`DEMO_PASSPHRASE`), so anyone trying the demo can make
more packages: ``judge-app package contest.sqlite --judge GK1 -o x.jgp --key <fingerprint>``
after copying that folder's files into their key folder, or through `make_demo_packages`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from judge_app.exchange import keys
from judge_app.exchange.judge_keys import create_head_key
from judge_app.exchange.package import EXTENSION, create_package
from judge_app.intake.assign import assign_round
from judge_app.store.database import open_contest_file
from judge_app.store.models import Assignment, Judge

__all__ = ["DEMO_PASSPHRASE", "DemoPackages", "make_demo_packages"]

DEMO_PASSPHRASE = "demo-truong-ban"
DEMO_ROUND = 1
DEMO_PER_ENTRY = 2
DEMO_SEED = 2019
ACTOR = "demo"
KEYS_FOLDER = "keys"


@dataclass(frozen=True, slots=True)
class DemoPackages:
    packages: list[Path]
    head_fingerprint: str
    keys_folder: Path


def package_name(judge_code: str) -> str:
    return f"goi-cham-{judge_code}{EXTENSION}"


def make_demo_packages(
    db_path: Path, out_dir: Path, *, keys_folder: Path | None = None
) -> DemoPackages:
    """Give the demo's head judge a key, assign round 1 (k = 2) and write one package per
    grader into `out_dir`; packages already there are made again (demo files only)."""
    db_path = Path(db_path)
    folder = db_path.parent / KEYS_FOLDER if keys_folder is None else Path(keys_folder)
    passphrase = keys.normalise_passphrase(DEMO_PASSPHRASE)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with open_contest_file(db_path) as db:
        with db.read_session() as session:
            head = session.scalars(select(Judge).where(Judge.is_head.is_(True))).one()
            fingerprint = head.key_fingerprint
            head_name = head.name
            already_assigned = session.scalars(
                select(Assignment.id).where(Assignment.round == DEMO_ROUND)
            ).first()
        if fingerprint is None:
            info, _ = create_head_key(db, head_name, passphrase, ACTOR, folder=folder)
            fingerprint = info.fingerprint
        private_key = keys.load_private_key(fingerprint, passphrase, folder=folder)
        if already_assigned is None:
            assign_round(db, DEMO_ROUND, DEMO_PER_ENTRY, DEMO_SEED, actor=ACTOR)
        with db.read_session() as session:
            graders = session.scalars(
                select(Judge.code).where(Judge.is_head.is_(False)).order_by(Judge.code)
            ).all()
        for code in graders:
            target = out_dir / package_name(code)
            target.unlink(missing_ok=True)
            create_package(db, code, DEMO_ROUND, target, private_key, actor=ACTOR)
            written.append(target)
    return DemoPackages(written, fingerprint, folder)
