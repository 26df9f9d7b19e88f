from __future__ import annotations

import unicodedata

import pytest

from judge_app.core.leaks import (
    IdentityHints,
    LeakHit,
    contact_details,
    find_leaks,
    normalise,
    phone_digits,
    unit_forms,
)

AN = IdentityHints(
    full_name="Nguyễn Văn An",
    unit_names=("Trường THCS Khương Đình",),
    phones=("0912 345 678",),
    emails=("nguyenvanan@gmail.com",),
    class_name="8A3",
)

ESSAY = (
    "Dịch vụ công trực tuyến giúp người dân làm thủ tục an toàn, nhanh chóng. Anh em trong "
    "khu phố em đều đã quen với cổng dịch vụ công. Ngữ văn dạy em rằng văn bản phải rõ ràng. "
    "Trường mang tên Nguyễn Trãi ở gần nhà em, và em mong cuộc sống bình an."
)


def _kinds(hits: list[LeakHit], kind: str) -> list[LeakHit]:
    return [h for h in hits if h.kind == kind]


def _names(text: str, identity: IdentityHints = AN) -> list[str]:
    return [h.text for h in find_leaks(text, identity) if h.kind == "name"]


def test_normalise_drops_diacritics_case_and_punctuation() -> None:
    assert normalise("  Đỗ Thị  Minh-Nguyệt,\nTRƯỜNG THCS!") == "do thi minh nguyet truong thcs"
    assert normalise(unicodedata.normalize("NFD", "Nguyễn Văn An")) == "nguyen van an"


def test_planted_name_without_diacritics_is_found() -> None:
    planted = ESSAY.replace("bình an.", "bình an. Bai viet cua nguyen van an, cam on.")
    hits = find_leaks(planted, AN)
    names = _kinds(hits, "name")
    assert [h.text for h in names] == ["nguyen van an"]
    assert names[0].confidence == "strong"
    assert planted[names[0].start : names[0].end] == "nguyen van an"


@pytest.mark.parametrize(
    "text",
    [
        "Họ và tên: Nguyễn Văn An",
        "AN NGUYỄN VĂN",
        "NGUYEN VAN AN",
        "Văn An Nguyễn",
        "Em là Văn An, lớp trưởng, Nguyễn là họ của em.",
    ],
)
def test_the_name_in_any_order_and_case_is_found(text: str) -> None:
    assert _names(text)


def test_given_name_with_one_other_syllable_is_a_weak_hit() -> None:
    hits = _kinds(find_leaks("Em tên là Nguyễn An. Cảm ơn thầy cô.", AN), "name")
    assert [(h.text, h.confidence) for h in hits] == [("Nguyễn An", "weak")]


@pytest.mark.parametrize(
    "text",
    [
        ESSAY,
        "an toàn giao thông",
        "anh em trong nhà",
        "Nguyễn Trãi là nhà văn lớn",
        "Nguyễn Trãi, văn bản an toàn",
        "công an phường hướng dẫn nộp văn bản",
        "Ông Hồ Văn An là người khác",  # a longer proper name: someone else
        "Nguyễn Vân An",  # another name: diacritics count when the text has them
    ],
)
def test_common_syllables_and_other_names_are_not_the_entrant(text: str) -> None:
    assert _names(text) == []


def test_diacritics_decide_when_the_text_has_them() -> None:
    thanh = IdentityHints("Vũ Xuân Thành")
    assert _names("dịch vụ công ở quận Thanh Xuân", thanh) == []
    assert _names("Vu Xuan Thanh", thanh) == ["Vu Xuan Thanh"]
    # The tone mark's place is a spelling habit, not another name.
    assert _names("Lý Thuỳ Dương", IdentityHints("Lý Thùy Dương")) == ["Lý Thuỳ Dương"]
    # A list typed without diacritics matches every spelling.
    assert _names("Lý Thùy Dương", IdentityHints("Ly Thuy Duong")) == ["Lý Thùy Dương"]


def test_a_one_word_name_is_never_a_hit() -> None:
    assert _names("An đi học", IdentityHints("An")) == []


def test_school_found_in_every_form() -> None:
    typed, proper = unit_forms("Trường THCS Khương Đình")
    assert {"truong thcs khuong dinh", "thcs khuong dinh", "trung hoc co so khuong dinh"} <= set(
        typed
    )
    assert proper == ["khuong dinh"]
    for text in (
        "Trường THCS Khương Đình",
        "hoc sinh thcs khuong dinh",
        "TRƯỜNG THCS KHƯƠNG\nĐÌNH",
    ):
        units = _kinds(find_leaks(text, AN), "unit")
        assert units and units[0].confidence == "strong", text
    weak = _kinds(find_leaks("nhà em ở Khương Đình", AN), "unit")
    assert [(h.text, h.confidence) for h in weak] == [("Khương Đình", "weak")]


def test_a_common_phrase_of_every_entry_is_not_a_unit_hit() -> None:
    office = IdentityHints(
        "Vương Đình Khải",
        unit_names=("Phòng GD&ĐT quận Thanh Xuân",),
        common_phrases=("Phòng Giáo dục và Đào tạo quận Thanh Xuân",),
    )
    assert _kinds(find_leaks("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO QUẬN THANH XUÂN", office), "unit") == []


def test_another_school_is_a_weak_unit_hit() -> None:
    hits = _kinds(find_leaks("Em đã tới Trường THCS Nhân Chính. Sau đó", AN), "unit")
    assert [(h.text, h.confidence) for h in hits] == [("Trường THCS Nhân Chính", "weak")]
    # Lower-case "tuổi hoa" is prose, not "Trường Mầm non Tuổi Hoa".
    hoa = IdentityHints("Lại Thị Mai", unit_names=("Trường Mầm non Tuổi Hoa",))
    assert _kinds(find_leaks("những năm tuổi hoa", hoa), "unit") == []


def test_phones() -> None:
    text = "Liên hệ 0912 345 678 hoặc +84 912.345.678; cơ quan 024.3856.1234; năm 2019."
    hits = [h for h in find_leaks(text, AN) if h.kind.startswith("phone")]
    assert [(h.kind, h.text) for h in hits] == [
        ("phone", "0912 345 678"),
        ("phone", "+84 912.345.678"),
        ("phone_any", "024.3856.1234"),
    ]
    assert phone_digits("+84 912-345-678") == "0912345678"
    assert _kinds(find_leaks("ngày 20/08/2019, 100.000.000 đồng", AN), "phone_any") == []


def test_emails() -> None:
    hits = _kinds(find_leaks("Gửi NguyenVanAn@gmail.com và hotro@dichvucong.gov.vn", AN), "email")
    assert [(h.text, h.confidence) for h in hits] == [
        ("NguyenVanAn@gmail.com", "strong"),
        ("hotro@dichvucong.gov.vn", "weak"),
    ]


def test_class_and_self_introduction() -> None:
    hits = find_leaks("Em tên là Hùng, học sinh lớp 8A3. Họ và tên: Hùng. Lớp 9A1.", AN)
    assert [(h.kind, h.text, h.confidence) for h in hits if h.kind != "name"] == [
        ("phrase", "Em tên là", "weak"),
        ("class", "lớp 8A3", "strong"),
        ("phrase", "Họ và tên", "weak"),
        ("class", "Lớp 9A1", "weak"),
    ]
    # A form field talked about is not the entrant's own field.
    assert find_leaks("Kiểm tra họ tên, ngày sinh của em.", AN) == []


def test_offsets_map_back_to_the_original_text() -> None:
    text = "Bài viết.\n\nNGƯỜI VIẾT:  Nguyễn   Văn\nAn – Trường  THCS Khương Đình"
    for hit in find_leaks(text, AN):
        assert text[hit.start : hit.end] == hit.text
    names = _kinds(find_leaks(text, AN), "name")
    assert [h.text for h in names] == ["Nguyễn   Văn\nAn"]
    decomposed = unicodedata.normalize("NFD", "Họ và tên: Nguyễn Văn An.")
    hit = _kinds(find_leaks(decomposed, AN), "name")[0]
    assert unicodedata.normalize("NFC", hit.text) == "Nguyễn Văn An"


def test_contact_field_parsed() -> None:
    assert contact_details("ĐT: 0912.345.678, email: an@x.vn") == (["0912.345.678"], ["an@x.vn"])


def test_empty_text_and_empty_identity() -> None:
    assert find_leaks("", AN) == []
    assert find_leaks("Nguyễn Văn An", IdentityHints("")) == []
