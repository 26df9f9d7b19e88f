"""How long the head judge's merge takes on a large contest.

Run: `python benchmarks/merge.py [--judges 20] [--per-judge 10000] [--keep DIR]`.

The issue's case: 20 signed score files of 10,000 entries each (100,000 entries, k = 2), every
entry submitted with 4 multiple-choice answers and 5 criterion scores. Budget: ≤ 5 s for the
whole merge (read, verify against the pinned keys, write 200,000 gradings and 1,000,000 scores,
one transaction per file) plus the rule engine over all entries. The contest file and the score
files are generated first (not timed); score files are built straight from the documented format
and signed with real P-256 keys, as a judge's app would.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

# The merge starts worker processes with "spawn", which runs this script again in each of them
# as __mp_main__: there, like the `judge-app` command, it imports nothing heavy.
if __name__ != "__mp_main__":  # not in the merge's worker processes
    from cryptography.hazmat.primitives.asymmetric import ec

    from judge_app.core.scores import Points
    from judge_app.exchange import keys
    from judge_app.exchange.merge import merge_score_files
    from judge_app.exchange.score_file import FORMAT, VERSION, file_bytes, signed_part
    from judge_app.store.database import create_contest_file, open_contest_file
    from judge_app.store.models import (
        Category,
        CategoryKind,
        Contest,
        Criterion,
        Question,
    )
    from judge_app.store.settlement import settle_entries

BUDGET_SECONDS = 5.0
CRITERIA = [("HIEU", 300), ("VIDU", 300), ("BOCUC", 150), ("TRINHBAY", 50), ("SANGTAO", 100)]
QUESTIONS = [(1, "B"), (2, "D"), (3, "A"), (4, "C")]


def build_contest(path: Path, n_judges: int, per_judge: int) -> tuple[str, list[str]]:
    """A board file with n_judges × per_judge / 2 entries, each assigned to two judges."""
    n_entries = n_judges * per_judge // 2
    with create_contest_file(path) as db:
        with db.session() as session, session.begin():
            contest = Contest(name="Benchmark", max_total=Points(1000))
            session.add(contest)
            session.flush()
            session.add(
                Category(contest_id=contest.id, code="g6", name="Lớp 6", kind=CategoryKind.STUDENT)
            )
            for sort, (code, maximum) in enumerate(CRITERIA):
                session.add(
                    Criterion(
                        contest_id=contest.id,
                        code=code,
                        name=code,
                        maximum=Points(maximum),
                        step=Points(25),
                        sort=sort,
                    )
                )
            for number, answer in QUESTIONS:
                session.add(
                    Question(
                        contest_id=contest.id,
                        number=number,
                        prompt="?",
                        answer=answer,
                        points=Points(25),
                    )
                )
            uuid = contest.uuid
        codes = [f"B{i:06d}" for i in range(n_entries)]
        judge_codes = [f"GK{j + 1:02d}" for j in range(n_judges)]
        with db.write_transaction() as connection:
            connection.execute(
                "INSERT INTO judge (contest_id, code, name, is_head) VALUES (1, 'TB', 'Head', 1)"
            )
            connection.executemany(
                "INSERT INTO judge (contest_id, code, name, is_head) VALUES (1, ?, ?, 0)",
                [(code, f"Giám khảo {code}") for code in judge_codes],
            )
            connection.executemany(
                "INSERT INTO entry (contest_id, code, category_id, status, created_at) "
                "VALUES (1, ?, 1, 'ASSIGNED', '2026-01-01 00:00:00.000000')",
                [(code,) for code in codes],
            )
            # judge j grades entries [j*per_judge/2, …) as first and the next block as second
            half = per_judge // 2
            rows = []
            for j in range(n_judges):
                for block in (j, (j + 1) % n_judges):
                    for e in range(block * half, (block + 1) * half):
                        rows.append((e + 1, j + 2))
            connection.executemany(
                "INSERT INTO assignment (entry_id, judge_id, round, created_at) "
                "VALUES (?, ?, 1, '2026-01-01 00:00:00.000000')",
                rows,
            )
    return uuid, judge_codes


def judge_entries(n_judges: int, per_judge: int, j: int) -> list[int]:
    half = per_judge // 2
    return [e for block in (j, (j + 1) % n_judges) for e in range(block * half, (block + 1) * half)]


def score_file(
    uuid: str, judge: str, key: ec.EllipticCurvePrivateKey, entries: list[int], rng: random.Random
) -> bytes:
    items = []
    for e in entries:
        scores = {code: Points(25 * rng.randint(0, maximum // 25)) for code, maximum in CRITERIA}
        answers = {str(n): rng.choice("ABCD") for n, _ in QUESTIONS}
        choice = sum(25 for n, a in QUESTIONS if answers[str(n)] == a)
        total = Points(sum(p.centi for p in scores.values()) + choice)
        items.append(
            {
                "code": f"B{e:06d}",
                "round": 1,
                "status": "submitted",
                "revision": 3,
                "answers": answers,
                "scores": {c: p.format(".") for c, p in scores.items()},
                "criterion_comments": {},
                "comment": "Bài viết có ý, cần chặt chẽ hơn.",
                "flags": {},
                "page_notes": [],
                "files": [{"n": 1, "sha256": "0" * 64}],
                "total": total.format("."),
                "choice_points": Points(choice).format("."),
                "submitted_at": "2026-11-20T10:00:00",
            }
        )
    body = {
        "format": FORMAT,
        "version": VERSION,
        "app_version": "bench",
        "contest": {"uuid": uuid, "name": "Benchmark"},
        "round": 1,
        "judge": {"code": judge, "name": judge},
        "key_fingerprint": keys.fingerprint(key.public_key()),
        "revision": 1,
        "exported_at": "2026-11-20T10:00:00Z",
        "audit_head": "",
        "entries": items,
        "summary": [f"Tệp điểm của giám khảo {judge}"],
    }
    signed = signed_part(body)
    return file_bytes(signed, keys.sign(key, signed))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--judges", type=int, default=20)
    parser.add_argument("--per-judge", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="work folder to keep (default: a temp folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        board = work / "contest.sqlite"
        for part in (board, Path(f"{board}-wal"), Path(f"{board}-shm")):
            part.unlink(missing_ok=True)
        started = time.perf_counter()
        uuid, judge_codes = build_contest(board, args.judges, args.per_judge)
        rng = random.Random(7)
        files = []
        with open_contest_file(board) as db, db.write_transaction() as connection:
            for j, code in enumerate(judge_codes):
                key = ec.generate_private_key(ec.SECP256R1())
                der = keys.public_key_der(key.public_key())
                connection.execute(
                    "UPDATE judge SET public_key = ?, key_fingerprint = ? WHERE code = ?",
                    (der, keys.fingerprint(key.public_key()), code),
                )
                target = work / f"{code}.jgs"
                target.write_bytes(
                    score_file(uuid, code, key, judge_entries(args.judges, args.per_judge, j), rng)
                )
                files.append(target)
        size = sum(f.stat().st_size for f in files) / 1e6
        print(
            f"generated {len(files)} files ({size:.0f} MB) in {time.perf_counter() - started:.1f} s"
        )

        with open_contest_file(board) as db:
            started = time.perf_counter()
            report = merge_score_files(db, files, actor="bench")
            merged = time.perf_counter() - started
            started = time.perf_counter()
            rows = settle_entries(db)
            settled = time.perf_counter() - started
        refused = [o for o in report.outcomes if o.error is not None]
        if refused:
            print(f"refused: {refused[0].path.name}: {refused[0].error!r}")
            return 1
        total = merged + settled
        per_file = merged / len(files)
        print(
            f"merge {len(files)} files × {args.per_judge} entries: {merged:.2f} s "
            f"({per_file * 1000:.0f} ms per file); rule engine over {len(rows)} entries: "
            f"{settled:.2f} s; total {total:.2f} s (budget {BUDGET_SECONDS:.0f} s)"
        )
        if args.judges * args.per_judge >= 200_000 and total > BUDGET_SECONDS:
            print("BUDGET MISSED")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
