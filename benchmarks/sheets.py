"""How long a judge's score sheet (phiếu chấm) of 1,000 entries takes to print as PDF.

Run: `python benchmarks/sheets.py [--entries N]`.

A signed score file of N entries (five criteria, multiple choice, comments of one to three lines,
a flag every 11th entry, a page note every 50th) is read and printed with
`score_sheet_from_file`: two layout runs (count pages, then draw with "Trang x/y"), the header
row repeated on each page, the QR code, fonts subset, the file written atomically.
Budget (issue #7): ≤ 10 s for 1,000 entries.
Reference in the same run: the same table laid out as one plain Story (one run, no repeated
header, no footer): the floor of MuPDF's HTML layout for this much text.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import ec

from judge_app.exchange import keys
from judge_app.exchange.score_file import FORMAT, VERSION, file_bytes, read_score_file, signed_part
from judge_app.reports.pdf_layout import CSS, table_html
from judge_app.reports.score_sheet import (
    facts_from_mapping,
    score_sheet_from_file,
    sheet_from_score_file,
    sheet_table,
)

BUDGET_S = 10.0
CRITERIA = [
    ("HIEU", "Hiểu biết về dịch vụ công trực tuyến", "3"),
    ("VIDU", "Ví dụ thực tế và đề xuất giải pháp", "3"),
    ("BOCUC", "Bố cục và ngôn ngữ", "1.5"),
    ("TRINHBAY", "Hình thức trình bày", "0.5"),
    ("SANGTAO", "Tính sáng tạo", "1"),
]
COMMENTS = (
    "Khá.",
    "Bài viết đúng chủ đề, bố cục rõ ràng, mạch lạc.",
    "Bài viết đúng chủ đề, bố cục rõ ràng, mạch lạc; cần liên hệ thực tiễn ở địa phương, "
    "đơn vị nhiều hơn và nêu giải pháp cụ thể.",
)


def make_score_file(path: Path, entries: int) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    items = []
    for n in range(entries):
        scores = {code: "1" if code not in ("TRINHBAY",) else "0.5" for code, _, _ in CRITERIA}
        scores["HIEU"] = ("1.5", "2", "2.5", "3")[n % 4]
        total = sum(float(v) for v in scores.values()) + 0.75
        items.append(
            {
                "code": f"{n + 1:04d}-KD",
                "round": 1,
                "status": "submitted" if n % 13 else "draft",
                "revision": 1,
                "answers": {"1": "A", "2": "B", "3": "C", "4": "D"},
                "scores": scores,
                "criterion_comments": {},
                "comment": COMMENTS[n % 3],
                "flags": {"off_topic": "lạc đề"} if n % 11 == 0 else {},
                "page_notes": (
                    [{"file": 1, "page": 2, "x": "0.5000", "y": "0.5000", "text": "Ý hay"}]
                    if n % 50 == 0
                    else []
                ),
                "files": [{"n": 1, "sha256": "0" * 64}],
                "total": f"{total:.2f}",
                "choice_points": "0.75",
                "submitted_at": None,
            }
        )
    body = {
        "format": FORMAT,
        "version": VERSION,
        "app_version": "bench",
        "contest": {"uuid": "bench", "name": "Cuộc thi “Tìm hiểu dịch vụ công trực tuyến”"},
        "round": 1,
        "judge": {"code": "GK1", "name": "Nguyễn Thị Hồng Nhung"},
        "key_fingerprint": keys.fingerprint(key.public_key()),
        "revision": 1,
        "exported_at": "2019-08-26T03:15:00Z",
        "audit_head": "",
        "entries": items,
        "summary": ["Tệp điểm"],
    }
    signed = signed_part(body)
    path.write_bytes(file_bytes(signed, keys.sign(key, signed)))


RUBRIC = {
    "contest": {
        "uuid": "bench",
        "name": "Cuộc thi “Tìm hiểu dịch vụ công trực tuyến”",
        "organiser": "Phòng Giáo dục và Đào tạo huyện Kim Động",
        "settings": {"place": "Kim Động"},
        "head_judge": "Trần Văn Bình",
    },
    "criteria": [{"code": c, "name": n, "maximum": m} for c, n, m in CRITERIA],
    "questions": [{"number": k, "points": "0.25"} for k in range(1, 5)],
}


def reference_seconds(source: Path) -> float:
    """One plain Story of the same table: no page control, no footer."""
    import pymupdf

    score_file = read_score_file(source)
    sheet = sheet_from_score_file(
        score_file, facts_from_mapping(RUBRIC), signature="unchecked", date=None
    )
    table = sheet_table(sheet)
    start = time.perf_counter()
    archive = pymupdf.Archive(str(Path(__file__).resolve().parents[1] / "resources" / "fonts"))
    story = pymupdf.Story(html=table_html(table, table.rows, 0), user_css=CSS, archive=archive)
    buffer = io.BytesIO()
    writer = pymupdf.DocumentWriter(buffer)
    more = 1
    while more:
        device = writer.begin_page(pymupdf.Rect(0, 0, 595.28, 841.89))
        more, _ = story.place(pymupdf.Rect(85, 57, 553, 760))
        story.draw(device)
        writer.end_page()
    writer.close()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "GK1.jgs"
        make_score_file(source, args.entries)
        import pymupdf  # noqa: F401  (imported before timing: the app imports it once)

        reference = reference_seconds(source)
        start = time.perf_counter()
        report = score_sheet_from_file(source, RUBRIC, Path(folder) / "GK1.pdf")
        seconds = time.perf_counter() - start
        size = report.path.stat().st_size
    print(
        f"score sheet, {args.entries} entries: {seconds:.2f} s, {report.pages} pages, "
        f"{size / 1024:.0f} KiB (budget {BUDGET_S:.0f} s); "
        f"reference plain Story of the table: {reference:.2f} s"
    )
    within = seconds <= BUDGET_S * args.entries / 1000
    print("budget met" if within else "BUDGET MISSED")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
