"""Printable documents: the score sheet (phiếu chấm), the record (biên bản), the merge summary.

Everything is checked on the PDF itself, read back with PyMuPDF: the Vietnamese texts, the
hash and fingerprint a board checks the paper against, the QR code's modules, the fonts."""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pymupdf
import pytest
import segno
from cryptography.hazmat.primitives.asymmetric import ec
from sheet_data import Graded, build_graded_contest

from judge_app.core.errors import JudgeAppError
from judge_app.exchange import keys
from judge_app.exchange.merge import MergeStatus, merge_score_files
from judge_app.exchange.score_file import (
    FORMAT,
    VERSION,
    file_bytes,
    read_score_file,
    signed_part,
)
from judge_app.reports.records import discrepancy_record, merge_summary
from judge_app.reports.score_sheet import score_sheet_from_file, score_sheets_from_contest
from judge_app.reports.sheets_cli import add_commands
from judge_app.store.database import AUDIT_HEAD_KEY, open_contest_file

DATE = dt.date(2019, 8, 28)


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Graded]:
    mp = pytest.MonkeyPatch()
    home = tmp_path_factory.mktemp("sheets-home")
    mp.setenv("JUDGE_APP_HOME", str(home))
    try:
        yield build_graded_contest(tmp_path_factory.mktemp("sheets"), home)
    finally:
        mp.undo()


def _text(path: Path) -> list[str]:
    with pymupdf.open(path) as document:
        return [page.get_text() for page in document]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _sha(path: Path) -> str:
    return read_score_file(path).sha256


# --- the score sheet from a score file --------------------------------------------------------


def test_sheet_from_a_score_file_says_everything_in_vietnamese(
    graded: Graded, tmp_path: Path
) -> None:
    out = tmp_path / "GK2.pdf"
    report = score_sheet_from_file(graded.score_files["GK2"], graded.board, out, date=DATE)
    pages = _text(out)
    assert report.pages == len(pages) and report.entries == 18
    text = _flat(" ".join(pages))
    for expected in (
        "PHIẾU CHẤM BÀI DỰ THI",
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "HỘI ĐỒNG GIÁM KHẢO",
        "ngày 28 tháng 8 năm 2019",
        graded.judge_names["GK2"],
        "GIÁM KHẢO CHẤM",
        "TRƯỞNG BAN GIÁM KHẢO",
        "Ý hay, dẫn chứng đúng",  # the page note
        "Báo cáo: lạc đề",  # the flag
        "đã kiểm tra chữ ký số",  # the board has GK2's key pinned
    ):
        assert expected in text, expected
    for name in graded.criteria.values():
        assert _flat(name) in text
    sha = _sha(graded.score_files["GK2"])
    fingerprint = graded.fingerprints["GK2"]
    for number, page in enumerate(pages, start=1):  # a loose page still names its file
        assert sha in page and fingerprint in _flat(page)
        assert f"Trang {number}/{len(pages)}" in page


def test_the_sheet_shows_the_scores_of_the_file(graded: Graded, tmp_path: Path) -> None:
    out = tmp_path / "GK1.pdf"
    score_sheet_from_file(graded.score_files["GK1"], graded.board, out, date=DATE)
    text = " ".join(_text(out))
    for item in read_score_file(graded.score_files["GK1"]).entries:
        assert item["code"] in text
        assert item["total"].replace(".", ",") in text  # Vietnamese decimal comma


def test_fonts_are_embedded_and_never_a_base14_or_type3_fallback(
    graded: Graded, tmp_path: Path
) -> None:
    out = tmp_path / "GK3.pdf"
    score_sheet_from_file(graded.score_files["GK3"], graded.board, out, date=DATE)
    with pymupdf.open(out) as document:
        for page in document:
            fonts = page.get_fonts(full=True)
            assert fonts
            for xref, ext, kind, name, *_ in fonts:
                assert kind != "Type3" and ext == "ttf", (kind, ext, name)
                assert "Liberation" in name
                assert document.extract_font(xref)[3], f"{name} not embedded"


def _qr_matrix(document: Any, page: Any, modules: int) -> list[list[bool]]:
    """The modules of the page's QR image, read at each module's centre."""
    (info,) = page.get_images(full=True)
    pixmap = pymupdf.Pixmap(document, info[0])
    size = pixmap.width / modules
    grid = []
    for row in range(modules):
        line = []
        for column in range(modules):
            x, y = int((column + 0.5) * size), int((row + 0.5) * size)
            line.append(pixmap.pixel(x, y)[0] < 128)
        grid.append(line)
    return grid


def test_every_page_carries_a_qr_code_of_the_file_hash(graded: Graded, tmp_path: Path) -> None:
    out = tmp_path / "GK2.pdf"
    score_sheet_from_file(graded.score_files["GK2"], graded.board, out, date=DATE)
    sha = _sha(graded.score_files["GK2"])
    expected = [
        [bool(v) for v in row]
        for row in segno.make(sha, error="m", micro=False, boost_error=False).matrix
    ]
    with pymupdf.open(out) as document:
        for page in document:
            # No pure-Python QR decoder exists; the modules drawn must be the hash's encoding.
            assert _qr_matrix(document, page, len(expected)) == expected
            (rect,) = page.get_image_rects(page.get_images()[0][0])
            assert rect.width > 40 and rect.y0 > page.rect.height * 0.85  # in the footer


def _synthetic_file(path: Path, entries: int, uuid: str = "u-1") -> Path:
    """A signed score file of `entries` entries with long comments, for pagination."""
    key = ec.generate_private_key(ec.SECP256R1())
    items = [
        {
            "code": f"A{n:04d}",
            "round": 1,
            "status": "submitted",
            "revision": 1,
            "answers": {},
            "scores": {"ND": "2.5", "HT": "0.75"},
            "criterion_comments": {},
            "comment": "Bài viết đúng chủ đề, bố cục rõ ràng, mạch lạc; cần liên hệ thực tiễn "
            "ở địa phương nhiều hơn." * (1 + n % 2),
            "flags": {},
            "page_notes": [],
            "files": [{"n": 1, "sha256": "0" * 64}],
            "total": "4.25",
            "choice_points": "1",
            "submitted_at": None,
        }
        for n in range(1, entries + 1)
    ]
    body = {
        "format": FORMAT,
        "version": VERSION,
        "app_version": "0",
        "contest": {"uuid": uuid, "name": "Cuộc thi viết “Em yêu quê hương”"},
        "round": 1,
        "judge": {"code": "GK9", "name": "Nguyễn Thị Hồng Nhung"},
        "key_fingerprint": keys.fingerprint(key.public_key()),
        "revision": 4,
        "exported_at": "2019-08-26T03:15:00Z",
        "audit_head": "",
        "entries": items,
        "summary": ["Tệp điểm"],
    }
    signed = signed_part(body)
    path.write_bytes(file_bytes(signed, keys.sign(key, signed)))
    return path


RUBRIC = {
    "contest": {
        "uuid": "u-1",
        "name": "Cuộc thi viết “Em yêu quê hương”",
        "settings": {
            "board_name": "UBND HUYỆN KIM ĐỘNG\nBAN TỔ CHỨC CUỘC THI",
            "place": "Kim Động",
        },
        "head_judge": "Trần Văn Bình",
    },
    "criteria": [
        {"code": "ND", "name": "Nội dung bài viết", "maximum": "3"},
        {"code": "HT", "name": "Hình thức trình bày", "maximum": "1"},
    ],
    "questions": [{"number": 1, "points": "1"}],
}


def test_a_long_sheet_paginates_with_its_header_row_on_every_page(tmp_path: Path) -> None:
    source = _synthetic_file(tmp_path / "long.jgs", 120)
    out = tmp_path / "long.pdf"
    report = score_sheet_from_file(source, RUBRIC, out, date=dt.date(2019, 2, 5))
    pages = _text(out)
    assert report.pages == len(pages) >= 3
    assert f"Trang 2/{len(pages)}" in pages[1]
    joined = " ".join(pages)
    assert "BAN TỔ CHỨC CUỘC THI" in pages[0] and "Kim Động, ngày 05 tháng 02 năm 2019" in joined
    for page in pages:
        assert "Số phách" in page and "Nhận xét" in page  # header row repeated
    for n in range(1, 121):
        assert joined.count(f"A{n:04d}") == 1  # every row once, none split or lost
    assert "chưa kiểm tra chữ ký số" in _flat(joined)  # no pinned key in a plain rubric
    assert "Trần Văn Bình" in pages[-1]  # the signature block is never split from its names


def test_a_sheet_of_another_contest_is_refused(tmp_path: Path) -> None:
    source = _synthetic_file(tmp_path / "other.jgs", 3, uuid="u-2")
    out = tmp_path / "other.pdf"
    with pytest.raises(JudgeAppError) as caught:
        score_sheet_from_file(source, RUBRIC, out)
    assert caught.value.code == "sheet_other_contest"
    assert not out.exists()


def test_a_file_that_fails_the_pinned_key_is_not_printed(graded: Graded, tmp_path: Path) -> None:
    """A file re-signed by another key (claiming to be GK1's) must not become a signed paper."""
    parsed = read_score_file(graded.score_files["GK1"])
    key = ec.generate_private_key(ec.SECP256R1())
    forged = tmp_path / "forged.jgs"
    forged.write_bytes(file_bytes(parsed.signed, keys.sign(key, parsed.signed)))
    out = tmp_path / "forged.pdf"
    with pytest.raises(JudgeAppError) as caught:
        score_sheet_from_file(forged, graded.board, out)
    assert caught.value.code == "sheet_bad_signature"
    assert not out.exists()


# --- sheets from the contest file -------------------------------------------------------------


def test_sheets_from_the_contest_carry_each_merged_file_hash(
    graded: Graded, tmp_path: Path
) -> None:
    out = tmp_path / "all.pdf"
    with open_contest_file(graded.board) as db:
        reports = score_sheets_from_contest(db, out, date=DATE)
    assert [r.judge for r in reports] == ["GK1", "GK2", "GK3"]
    pages = _text(out)
    assert len(pages) == sum(r.pages for r in reports)
    start = 0
    for report in reports:
        sheet = pages[start : start + report.pages]
        assert report.sha256 == _sha(graded.score_files[report.judge])
        assert all(report.sha256 in page for page in sheet)
        assert graded.judge_names[report.judge] in " ".join(sheet)
        assert f"Trang 1/{report.pages}" in sheet[0]  # each sheet numbers its own pages
        start += report.pages


def test_one_judge_into_a_folder_and_an_unknown_judge(graded: Graded, tmp_path: Path) -> None:
    with open_contest_file(graded.board) as db:
        (report,) = score_sheets_from_contest(db, tmp_path / "sheets", "GK3", date=DATE)
        assert report.path == tmp_path / "sheets" / "phieu-cham-GK3-vong-1.pdf"
        assert graded.judge_names["GK3"] in " ".join(_text(report.path))
        with pytest.raises(JudgeAppError) as caught:
            score_sheets_from_contest(db, tmp_path / "x.pdf", "GK99")
    assert caught.value.code == "sheet_unknown_judge"


# --- records ----------------------------------------------------------------------------------


def test_the_record_lists_settled_discrepancies_with_reasons_and_the_audit_head(
    graded: Graded, tmp_path: Path
) -> None:
    out = tmp_path / "bien-ban.pdf"
    with open_contest_file(graded.board) as db:
        report = discrepancy_record(db, out, date=DATE)
        head = db.read_scalar("SELECT value FROM meta WHERE key = :k", {"k": AUDIT_HEAD_KEY})
    assert report.entries == 2 and report.audit_head == head
    pages = _text(out)
    text = _flat(" ".join(pages))
    number, digest = head.split(" ")
    for expected in (
        "BIÊN BẢN XỬ LÝ ĐIỂM CHẤM CHÊNH LỆCH",
        "Độc lập - Tự do - Hạnh phúc",
        graded.discussed,
        graded.head_decided,
        "Hai giám khảo trao đổi, thống nhất bài làm đạt ý tiêu chí 3",
        "Trưởng ban đọc lại bài, lấy điểm giữa hai lần chấm",
        "Chênh lệch từ 1,0 đến 1,5 điểm",
        "Chênh lệch trên 1,5 điểm",
        "Điểm chính thức: 8,5",
        "Điểm chính thức: 7,75",
        f"dòng {number}",
        digest,
        "TRƯỞNG BAN GIÁM KHẢO",
        "Bài còn chờ xử lý",
    ):
        assert expected in text, expected
    for page in pages:
        assert digest in page


def test_merge_summary_of_a_run_names_refused_files_and_why(graded: Graded, tmp_path: Path) -> None:
    board = tmp_path / "board" / "contest.sqlite"
    shutil.copytree(graded.board.parent, board.parent)
    damaged = tmp_path / "GK1-damaged.jgs"
    data = bytearray(graded.score_files["GK1"].read_bytes())
    data[len(data) // 2] ^= 0x01
    damaged.write_bytes(bytes(data))
    out = tmp_path / "merge.pdf"
    with open_contest_file(board) as db:
        run = merge_score_files(db, [graded.score_files["GK2"], damaged], actor="Trưởng ban")
        assert [o.status for o in run.outcomes] == [MergeStatus.UNCHANGED, MergeStatus.REFUSED]
        report = merge_summary(db, out, run, actor="Lê Thị Thu Hà", date=DATE)
    assert report.entries == 2
    text = _flat(" ".join(_text(out)))
    for expected in (
        "BÁO CÁO TỔNG HỢP GHÉP TỆP ĐIỂM",
        "GK1-damaged.jgs",
        "Từ chối",
        "Đã ghép trước đó, không thay đổi",
        "Lê Thị Thu Hà",
        "NGƯỜI GHÉP TỆP",
    ):
        assert expected in text, expected


def test_merge_summary_from_the_contest_file(graded: Graded, tmp_path: Path) -> None:
    out = tmp_path / "merge.pdf"
    with open_contest_file(graded.board) as db:
        report = merge_summary(db, out, date=DATE)
    assert report.entries == 3
    text = _flat(" ".join(_text(out)))
    for code in ("GK1", "GK2", "GK3"):
        assert code in text
    assert "Đã ghép" in text and "tệp bị từ chối không được lưu lại" in text


# --- command line -----------------------------------------------------------------------------


def _run(argv: list[str], lang: str = "vi") -> int:
    parser = argparse.ArgumentParser(prog="judge-app")
    add_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    result: int = args.handler(args, lang)
    return result


def test_sheets_commands_write_each_document(
    graded: Graded, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    board, date = str(graded.board), "2019-08-28"
    score = tmp_path / "score.pdf"
    assert (
        _run(
            [
                "sheets",
                "score",
                str(graded.score_files["GK1"]),
                "--contest",
                board,
                "-o",
                str(score),
                "--date",
                date,
            ],
            lang="en",
        )
        == 0
    )
    assert "Score sheet of judge GK1, round 1" in capsys.readouterr().out
    assert _run(["sheets", "judge", board, "--judge", "GK2", "-o", str(tmp_path / "j.pdf")]) == 0
    assert "Đã in phiếu chấm của giám khảo GK2" in capsys.readouterr().out
    assert _run(["sheets", "records", board, "-o", str(tmp_path / "r.pdf")]) == 0
    assert _run(["sheets", "merge-summary", board, "-o", str(tmp_path / "m.pdf")]) == 0
    for name in ("score.pdf", "j.pdf", "r.pdf", "m.pdf"):
        with pymupdf.open(tmp_path / name) as document:
            assert document.page_count >= 1
            assert document[0].rect.width == pytest.approx(595.28, abs=0.5)  # A4
    assert not list(tmp_path.glob(".*.tmp"))  # written atomically, no temp left behind
