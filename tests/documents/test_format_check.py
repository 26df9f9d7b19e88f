"""The format check catches Letter paper, Arial 12, TCVN3/VNI text, unmarked Vietnamese, scans."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from judge_app.core.messages import CATALOGUE, render
from judge_app.documents.format_check import (
    CONTEST_DEFAULT,
    FormatReport,
    FormatRequirements,
    check,
    display_text,
    font_family_key,
    page_size_name,
)
from judge_app.documents.model import A4_PT, LETTER_PT, DocKind, DocumentFacts, FontUse, Problem
from judge_app.documents.vietnamese import unicode_to_tcvn3, unicode_to_vni

ESSAY = (
    "Cuộc thi tìm hiểu về lịch sử quê hương là dịp để mỗi người chúng ta nhìn lại truyền "
    "thống tốt đẹp của dân tộc. Em đã đọc nhiều tài liệu, hỏi ông bà, thầy cô và bạn bè "
    "để viết bài dự thi này với tất cả lòng biết ơn. Những tấm gương anh hùng năm xưa đã "
    "dạy em sống có trách nhiệm, biết yêu thương và giữ gìn tiếng Việt trong sáng."
)
ENGLISH = (
    "The history of our home town is a chance for every one of us to look back on the good "
    "traditions of the nation. I read many books and asked my grandparents and teachers."
)
UNMARKED = (
    "Cuoc thi tim hieu ve lich su que huong la dip de moi nguoi chung ta nhin lai truyen "
    "thong tot dep cua dan toc. Em da doc nhieu tai lieu, hoi ong ba, thay co va ban be."
)


def facts(
    *,
    kind: DocKind = DocKind.DOCX,
    pages: int = 3,
    size: tuple[float, float] = A4_PT,
    fonts: tuple[tuple[str, float, int], ...] = (("Times New Roman", 14.0, 6000),),
    text_chars: int | None = None,
    problems: tuple[Problem, ...] = (),
    image_pixels: tuple[int, int] | None = None,
) -> DocumentFacts:
    chars = sum(n for _, _, n in fonts) if text_chars is None else text_chars
    return DocumentFacts(
        path=Path("bai_du_thi.docx"),
        kind=kind,
        size_bytes=12345,
        page_count=pages,
        page_sizes_pt=[size] * pages,
        has_text=chars > 0,
        text_chars=chars,
        fonts=[FontUse(name, pt, n) for name, pt, n in fonts],
        image_pixels=image_pixels,
        problems=list(problems),
    )


def codes(report: FormatReport) -> list[str]:
    return [p.code for p in report.issues]


def test_times_new_roman_14_a4_vietnamese_is_ok() -> None:
    report = check(facts(), ESSAY)
    assert report.badge == "ok"
    assert report.issues == ()
    assert report.page_size_name == "A4"
    assert report.pages == 3
    assert (report.main_font, report.main_size, report.required_share) == (
        "Times New Roman",
        14.0,
        1.0,
    )
    assert report.vietnamese == "diacritics"
    assert report.legacy_encoding is None
    assert not report.scan_without_text


def test_letter_size_is_caught() -> None:
    report = check(facts(size=LETTER_PT), ESSAY)
    assert report.page_size_name == "Letter"
    assert report.badge == "warn"
    assert report.issues == (Problem("format_not_a4", {"size": "Letter"}),)


def test_landscape_a4_and_small_rounding_are_still_a4() -> None:
    assert page_size_name((841.89, 595.28)) == "A4"
    assert page_size_name((595.0, 842.0)) == "A4"
    assert page_size_name((612.0, 1008.0)) == "216×356 mm"  # US Legal
    assert check(facts(size=(596.0, 843.0)), ESSAY).badge == "ok"


def test_one_letter_page_among_a4_pages_is_caught() -> None:
    mixed = replace(facts(), page_sizes_pt=[A4_PT, LETTER_PT, A4_PT])
    report = check(mixed, ESSAY)
    assert report.page_size_name == "A4"
    assert codes(report) == ["format_not_a4"]


def test_arial_12_is_caught() -> None:
    report = check(
        facts(
            fonts=(
                ("Arial", 12.0, 5400),
                ("Arial-BoldMT", 12.0, 300),
                ("Times New Roman", 14.0, 300),
            )
        ),
        ESSAY,
    )
    assert report.main_font == "Arial"
    assert report.main_size == 12.0
    assert report.required_share == pytest.approx(0.05)
    assert report.badge == "warn"
    assert report.issues == (
        Problem("format_font", {"font": "Arial", "size": "12", "share": "5%"}),
    )


def test_sixty_percent_times_new_roman_14_reports_the_share() -> None:
    report = check(facts(fonts=(("Times New Roman", 14.0, 600), ("Calibri", 11.0, 400))), ESSAY)
    assert report.required_share == pytest.approx(0.6)
    assert report.main_font == "Times New Roman"
    assert report.issues == (
        Problem("format_font", {"font": "Times New Roman", "size": "14", "share": "60%"}),
    )


def test_times_new_roman_13_is_the_wrong_size() -> None:
    report = check(facts(fonts=(("Times New Roman", 13.0, 6000),)), ESSAY)
    assert report.required_share == 0.0
    assert report.issues[0].params["size"] == "13"


def test_pdf_names_of_times_new_roman_are_accepted() -> None:
    pdf_fonts = (
        ("ABCDEF+TimesNewRomanPSMT", 14.0, 3000),
        ("GHIJKL+TimesNewRomanPS-BoldMT", 14.0, 500),
        ("TimesNewRomanPS-BoldItalicMT", 14.04, 200),
        ("Times New Roman,Italic", 13.96, 300),
    )
    report = check(facts(kind=DocKind.PDF, fonts=pdf_fonts), ESSAY)
    assert report.required_share == 1.0
    assert report.main_font == "TimesNewRomanPSMT"
    assert report.badge == "ok"


def test_font_family_keys() -> None:
    keys = {
        font_family_key(n)
        for n in (
            "Times New Roman",
            "TimesNewRoman",
            "Times New Roman Bold",
            "TimesNewRomanPSMT",
            "ABCDEF+TimesNewRomanPS-BoldItalicMT",
            "times new roman,bold",
        )
    }
    assert keys == {"timesnewroman"}
    assert font_family_key("ArialMT") == font_family_key("Arial-BoldMT") == "arial"


def test_metric_twins_are_not_times_new_roman_unless_the_contest_accepts_them() -> None:
    twin = facts(kind=DocKind.PDF, fonts=(("LiberationSerif", 14.0, 6000),))
    assert check(twin, ESSAY).badge == "warn"
    lenient = FormatRequirements(font_aliases=("Liberation Serif",))
    assert check(twin, ESSAY, lenient).badge == "ok"


def test_tcvn3_text_is_caught_with_the_font_name_and_converted_back() -> None:
    garbled = unicode_to_tcvn3(ESSAY)
    report = check(facts(fonts=((".VnTime", 14.0, 6000),)), garbled)
    assert report.legacy_encoding == "tcvn3"
    assert "format_legacy_tcvn3" in codes(report)
    assert report.vietnamese == "diacritics"  # judged after conversion
    assert report.badge == "warn"
    assert display_text(garbled, report) == ESSAY


def test_tcvn3_text_is_caught_without_a_font_name() -> None:
    # Word stored the run as Times New Roman, but the entrant typed with a TCVN3 keyboard driver.
    garbled = unicode_to_tcvn3(ESSAY)
    report = check(facts(), garbled)
    assert report.legacy_encoding == "tcvn3"
    assert codes(report) == ["format_legacy_tcvn3"]
    assert display_text(garbled, report) == ESSAY


def test_vni_text_is_caught_and_converted_back() -> None:
    garbled = unicode_to_vni(ESSAY)
    for fonts in ((("VNI-Times", 14.0, 6000),), (("Times New Roman", 14.0, 6000),)):
        report = check(facts(fonts=fonts), garbled)
        assert report.legacy_encoding == "vni"
        assert "format_legacy_vni" in codes(report)
        assert display_text(garbled, report) == ESSAY


def test_display_text_leaves_unicode_alone() -> None:
    report = check(facts(), ESSAY)
    assert display_text(ESSAY, report) is ESSAY


def test_vietnamese_without_diacritics_is_flagged() -> None:
    report = check(facts(), UNMARKED)
    assert report.vietnamese == "no_diacritics"
    assert codes(report) == ["format_no_diacritics"]


def test_english_is_not_vietnamese() -> None:
    report = check(facts(), ENGLISH)
    assert report.vietnamese == "not_vietnamese"
    assert codes(report) == ["format_not_vietnamese"]


def test_the_language_rule_can_be_switched_off() -> None:
    report = check(facts(), ENGLISH, FormatRequirements(require_diacritics=False))
    assert report.vietnamese == "not_vietnamese"
    assert report.badge == "ok"


def test_scanned_pdf_is_a_scan_not_an_error() -> None:
    report = check(facts(kind=DocKind.PDF, fonts=(), size=LETTER_PT), "")
    assert report.scan_without_text
    assert report.badge == "scan"
    assert codes(report) == ["format_scan_no_text"]
    assert report.main_font is None and report.required_share is None
    assert report.vietnamese == "unknown"
    assert report.page_size_name == "Letter"  # reported, but not an issue for a scan


def test_scanner_watermark_text_still_makes_a_scan() -> None:
    stamped = facts(kind=DocKind.PDF, pages=4, fonts=(("Helvetica", 8.0, 60),))
    report = check(stamped, "Scanned with CamScanner " * 4)
    assert report.badge == "scan"


def test_a_long_typed_pdf_is_not_a_scan() -> None:
    # Fonts and text are counted on the first 50 pages only; a 300-page essay is still typed.
    long_pdf = facts(kind=DocKind.PDF, pages=300, fonts=(("TimesNewRomanPSMT", 14.0, 60_000),))
    assert check(long_pdf, ESSAY).badge == "ok"


def test_photo_of_handwriting_is_a_scan() -> None:
    photo = facts(
        kind=DocKind.IMAGE, pages=1, fonts=(), size=(960.0, 1280.0), image_pixels=(3000, 4000)
    )
    report = check(photo, "")
    assert report.badge == "scan"
    assert report.page_size_name == "3000×4000 px"


def test_unreadable_file_is_an_error() -> None:
    broken = facts(
        kind=DocKind.PDF, pages=1, fonts=(), problems=(Problem("corrupt", {"detail": "xref"}),)
    )
    report = check(broken, "")
    assert report.badge == "error"
    assert codes(report) == ["format_file_problem", "corrupt"]
    assert not report.scan_without_text


def test_a_note_is_not_an_error() -> None:
    noted = facts(problems=(Problem("wrong_extension", {"ext": ".doc", "kind": "docx"}),))
    assert check(noted, ESSAY).badge == "ok"


def test_report_is_json_ready() -> None:
    report = check(facts(size=LETTER_PT, fonts=(("Arial", 12.0, 6000),)), ESSAY)
    data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert data == {
        "badge": "warn",
        "page_size": "Letter",
        "pages": 3,
        "main_font": "Arial",
        "main_size": 12.0,
        "required_share": 0.0,
        "vietnamese": "diacritics",
        "legacy_encoding": None,
        "scan_without_text": False,
        "issues": [
            {"code": "format_not_a4", "params": {"size": "Letter"}},
            {"code": "format_font", "params": {"font": "Arial", "size": "12", "share": "0%"}},
        ],
    }


def test_default_requirements_are_the_contest_rule() -> None:
    assert FormatRequirements() == CONTEST_DEFAULT
    assert CONTEST_DEFAULT.font == "Times New Roman"
    assert CONTEST_DEFAULT.size_pt == 14.0
    assert CONTEST_DEFAULT.page_size_name == "A4"


@pytest.mark.parametrize(
    ("fact", "text"),
    [
        (facts(size=LETTER_PT, fonts=(("Arial", 12.0, 6000),)), UNMARKED),
        (facts(fonts=((".VnTime", 14.0, 6000),)), unicode_to_tcvn3(ESSAY)),
        (facts(fonts=(("VNI-Times", 14.0, 6000),)), unicode_to_vni(ESSAY)),
        (facts(), ENGLISH),
        (facts(kind=DocKind.PDF, fonts=()), ""),
        (facts(kind=DocKind.PDF, fonts=(), problems=(Problem("encrypted"),)), ""),
    ],
)
def test_every_issue_renders_in_both_languages(fact: DocumentFacts, text: str) -> None:
    report = check(fact, text)
    assert report.issues
    for issue in report.issues:
        assert issue.code in CATALOGUE
        vi, en = (render(issue.code, lang, **issue.params) for lang in ("vi", "en"))
        assert "?" not in vi and "?" not in en, issue
        assert vi != en
    font_issue = check(facts(fonts=(("Arial", 12.0, 6000),)), ESSAY).issues[0]
    assert render(font_issue.code, "vi", **font_issue.params) == (
        "Chỉ 0% văn bản dùng Times New Roman cỡ 14; phông chữ chính: Arial cỡ 12"
    )
    assert render(font_issue.code, "en", **font_issue.params) == (
        "Only 0% of the text is in Times New Roman 14; main font: Arial 12 pt"
    )
