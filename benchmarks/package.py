"""How long a 500-entry grading package takes to make and to open.

Run: `python benchmarks/package.py [--entries N] [--kib K]`.

A contest file with N entries (one small PDF of about K KiB each), a rubric of five criteria
with levels and ten multiple-choice questions, the head judge's key pinned, every entry
assigned to one grader in round 1. Timed: `create_package` (check the stored files' hashes,
make the judge's cleaned copies through documents/cleaning.py, sign, write the zip) and
`open_package` (verify the signature and every member's hash, create the workspace file, write
the rows and the files). Budget: open ≤ 5 s for 500 entries.
Reference in the same run: reading and hashing every member of the package, the floor any
verifying open pays before writing anything.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from judge_app.core.scores import Points
from judge_app.exchange import keys
from judge_app.exchange.judge_keys import create_head_key
from judge_app.exchange.package import create_package
from judge_app.exchange.workspace import open_package
from judge_app.store.database import create_contest_file
from judge_app.store.models import (
    Assignment,
    Category,
    CategoryKind,
    Contest,
    Criterion,
    CriterionLevel,
    Entry,
    EntryFile,
    EntryStatus,
    FileKind,
    Judge,
    Question,
)

BUDGET_SECONDS = 5.0
PASSPHRASE = b"benchmark-passphrase"


def tiny_pdf(number: int, kib: int) -> bytes:
    """A valid one-page PDF, different for each entry, padded to about `kib` KiB."""
    text = f"BT /F1 14 Tf 72 720 Td (Bai so {number}) Tj ET"
    padding = "%" + "x" * 76 + "\n"
    body = (
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>endobj\n"
        f"4 0 obj<</Length {len(text)}>>stream\n{text}\nendstream endobj\n"
        + padding * max(0, kib * 1024 // len(padding))
        + "trailer<</Root 1 0 R>>\n%%EOF\n"
    )
    return body.encode("ascii")


def make_contest(root: Path, n_entries: int, kib: int) -> Path:
    db_path = root / "board" / "contest.sqlite"
    db_path.parent.mkdir(parents=True)
    with create_contest_file(db_path) as db:
        with db.session() as session, session.begin():
            contest = Contest(name="Benchmark", year=2019)
            session.add(contest)
            session.flush()
            category = Category(
                contest_id=contest.id, code="staff", name="Staff", kind=CategoryKind.STAFF
            )
            session.add(category)
            for number in range(1, 11):
                session.add(
                    Question(
                        contest_id=contest.id,
                        number=number,
                        prompt=f"Question {number}",
                        answer="B",
                        points=Points(25),
                    )
                )
            for sort in range(5):
                criterion = Criterion(
                    contest_id=contest.id,
                    code=f"C{sort}",
                    name=f"Criterion {sort}",
                    guide="Guide " * 40,
                    maximum=Points(200),
                    sort=sort,
                )
                criterion.levels = [
                    CriterionLevel(low=Points(0), high=Points(100), descriptor="weak"),
                    CriterionLevel(low=Points(125), high=Points(200), descriptor="good"),
                ]
                session.add(criterion)
            head = Judge(contest_id=contest.id, code="TB", name="Head", is_head=True)
            grader = Judge(contest_id=contest.id, code="GK1", name="Grader")
            session.add_all([head, grader])
            session.flush()
            for number in range(n_entries):
                code = f"E{number:05d}"
                data = tiny_pdf(number, kib)
                stored = Path("entries") / code / "1.pdf"
                target = db_path.parent / stored
                target.parent.mkdir(parents=True)
                target.write_bytes(data)
                entry = Entry(
                    contest_id=contest.id,
                    code=code,
                    category_id=category.id,
                    status=EntryStatus.ASSIGNED,
                )
                entry.files.append(
                    EntryFile(
                        stored_path=stored.as_posix(),
                        sha256=hashlib.sha256(data).hexdigest(),
                        size=len(data),
                        kind=FileKind.PDF,
                        original_name=f"Bai du thi {number}.pdf",
                    )
                )
                session.add(entry)
                session.flush()
                session.add(Assignment(entry_id=entry.id, judge_id=grader.id, round=1))
        create_head_key(db, "Head", PASSPHRASE, "bench", folder=root / "keys")
    return db_path


def hash_members(package: Path) -> int:
    """Reference: read and hash every member of the package, nothing else."""
    total = 0
    with zipfile.ZipFile(package) as archive:
        for info in archive.infolist():
            total += len(hashlib.sha256(archive.read(info)).digest())
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=500)
    parser.add_argument("--kib", type=int, default=32, help="size of each entry file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-package-") as temp:
        root = Path(temp)
        start = time.perf_counter()
        db_path = make_contest(root, args.entries, args.kib)
        setup = time.perf_counter() - start
        fingerprint = keys.list_keys(folder=root / "keys")[0].fingerprint
        private_key = keys.load_private_key(fingerprint, PASSPHRASE, folder=root / "keys")
        from judge_app.store.database import open_contest_file

        package = root / "out" / "GK1.jgp"
        with open_contest_file(db_path) as db:
            start = time.perf_counter()
            report = create_package(db, "GK1", 1, package, private_key, actor="bench")
            made = time.perf_counter() - start
        start = time.perf_counter()
        hash_members(package)
        reference = time.perf_counter() - start
        start = time.perf_counter()
        opened = open_package(
            package,
            root / "judge" / "workspace.sqlite",
            accept_fingerprint=fingerprint,
            pinned_keys_dir=root / "trust",
        )
        opening = time.perf_counter() - start
    size_mib = args.entries * args.kib / 1024
    print(f"contest: {report.entries} entries, {report.files} files, ~{size_mib:.1f} MiB")
    print(f"set-up (not timed against a budget): {setup:.2f} s")
    print(f"create_package: {made:.2f} s")
    print(f"reference, read + hash every member: {reference:.2f} s")
    print(
        f"open_package: {opening:.2f} s ({opened.entries_added} entries, "
        f"{opened.files_written} files; budget {BUDGET_SECONDS:.1f} s)"
    )
    if opening > BUDGET_SECONDS:
        print("OVER BUDGET", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
