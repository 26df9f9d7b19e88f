"""Vietnamese detection and the TCVN3 / VNI legacy encodings (documents.vietnamese)."""

from __future__ import annotations

import unicodedata

import pytest

from judge_app.documents.vietnamese import (
    LOWER_LETTERS,
    TCVN3_ENCODE,
    VIETNAMESE_LETTERS,
    VNI_ENCODE,
    classify_language,
    convert_legacy_text,
    detect_legacy_encoding,
    font_encoding,
    has_vietnamese_diacritics,
    is_capitals_font,
    tcvn3_to_unicode,
    unicode_to_tcvn3,
    unicode_to_vni,
    vietnamese_share,
    vni_to_unicode,
)

MOTTO = "Cộng hòa xã hội chủ nghĩa Việt Nam"
# The garbage these encodings show as when read as Latin-1 (the brief's own examples, checked
# against the published tables; the encoders below must produce exactly these).
MOTTO_TCVN3 = "Céng hßa x· héi chñ nghÜa ViÖt Nam"
MOTTO_VNI = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"

# Real prose whose words hold every one of the 67 lowercase Vietnamese letters
# (ÀẢÃÁẠ of each of the 12 vowels, plus ă â ê ô ơ ư đ); checked below.
PARAGRAPH = (
    "Mẹ là người đã dạy bé cả những điều nhỏ mà rõ ràng: ăn ở cho tử tế, "
    "sẵn lòng giúp đỡ bạn bè. Con mèo của em có đôi mắt tròn, mặt bằng phẳng, "
    "chẳng bao giờ quỵ ngã. Từ đất Việt ta vẫn ẩn chứa bao điều cần nghĩ về "
    "lịch sử; đồng bào mỗi miền, tổ quốc thân yêu, cộng đồng gắn bó. Rất ít ai "
    "chỉ nghĩ về mình; kỳ thi này giúp kỷ luật, kỹ năng và ý thức tự học được "
    "rèn luyện. Trẻ vẽ ông mặt trời ấm êm, ơn thầy cô, ư hử cười vui mùa thu "
    "cũng đúng vụ mùa; vậy ấy là vỡ òa niềm vui với ước mơ, dễ mà để lại dấu ấn "
    "sâu. Chúng tôi hòa cùng thị xã lũy tre, thấy cá bơi ở dưới đầm, ngõ nhỏ rẽ "
    "ra đồng, kẻ tỉnh người quê, sửa lỗi, giữ gìn tiếng Việt trong sáng."
)


def _letters(text: str) -> set[str]:
    return {c for c in unicodedata.normalize("NFC", text) if c in VIETNAMESE_LETTERS}


def test_the_alphabet_has_134_letters() -> None:
    assert len(LOWER_LETTERS) == 67
    assert len(VIETNAMESE_LETTERS) == 134


def test_the_paragraph_covers_every_letter_in_both_cases() -> None:
    assert _letters(PARAGRAPH) == set(LOWER_LETTERS)
    assert _letters(PARAGRAPH) | _letters(PARAGRAPH.upper()) == VIETNAMESE_LETTERS


# --- Vietnamese or not -------------------------------------------------------------------------


def test_vietnamese_prose_has_diacritics() -> None:
    assert has_vietnamese_diacritics(MOTTO)
    assert vietnamese_share(PARAGRAPH) > 0.6
    assert classify_language(PARAGRAPH) == "diacritics"


def test_decomposed_text_counts_like_precomposed() -> None:
    nfd = unicodedata.normalize("NFD", PARAGRAPH)
    assert nfd != PARAGRAPH
    assert vietnamese_share(nfd) == vietnamese_share(PARAGRAPH)
    assert classify_language(nfd) == "diacritics"


def test_vietnamese_without_marks_is_not_english() -> None:
    plain = (
        "Dich vu cong truc tuyen giup nguoi dan thuc hien cac thu tuc hanh chinh ma khong "
        "can den co quan nha nuoc, tiet kiem thoi gian va chi phi cho nguoi dan."
    )
    assert vietnamese_share(plain) == 0.0
    assert not has_vietnamese_diacritics(plain)
    assert classify_language(plain) == "no_diacritics"


def test_english_is_not_vietnamese() -> None:
    english = (
        "The online public service portal lets citizens complete administrative procedures "
        "without visiting a government office, which saves both time and money for everyone."
    )
    assert classify_language(english) == "not_vietnamese"


def test_french_accents_do_not_make_vietnamese() -> None:
    french = "Le café était très élégant et la société française célèbre son été à Paris."
    assert vietnamese_share(french) < 0.2
    assert classify_language(french) == "not_vietnamese"


def test_too_little_text_is_unknown() -> None:
    assert classify_language("") == "unknown"
    assert classify_language("Bài dự thi") == "unknown"


# --- TCVN3 ---------------------------------------------------------------------------------------


def test_tcvn3_encoder_matches_the_published_table() -> None:
    assert unicode_to_tcvn3(MOTTO) == MOTTO_TCVN3
    assert unicode_to_tcvn3("Độc lập - Tự do - Hạnh phúc") == "§éc lËp - Tù do - H¹nh phóc"
    # One byte per letter, all in 0xA1..0xFE, no two letters sharing one.
    assert all(len(code) == 1 and 0xA1 <= ord(code) <= 0xFE for code in TCVN3_ENCODE.values())
    assert len(set(TCVN3_ENCODE.values())) == len(TCVN3_ENCODE) == 67 + 7


def test_tcvn3_round_trip_of_every_lowercase_letter_and_the_seven_capitals() -> None:
    text = PARAGRAPH + " ĂÂÊÔƠƯĐ ĐỘC LẬP".replace("ỘC LẬP", "oc lap")
    garbled = unicode_to_tcvn3(text)
    assert garbled != text
    assert all(ord(c) < 0x100 for c in garbled)  # pure Latin-1 lookalikes, as PDFs show them
    assert tcvn3_to_unicode(garbled) == text


def test_tcvn3_capitals_need_a_capitals_font() -> None:
    heading = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    with pytest.raises(ValueError, match="capitals font"):
        unicode_to_tcvn3(heading)
    stored = unicode_to_tcvn3(heading, capitals_font=True)  # what a .VnTimeH run holds
    assert stored == unicode_to_tcvn3(heading.lower())
    assert tcvn3_to_unicode(stored, capitals_font=True) == heading
    upper_paragraph = PARAGRAPH.upper()
    assert (
        tcvn3_to_unicode(unicode_to_tcvn3(upper_paragraph, capitals_font=True), capitals_font=True)
        == upper_paragraph
    )


def test_tcvn3_detected_without_font_names() -> None:
    assert detect_legacy_encoding(unicode_to_tcvn3(PARAGRAPH)) == "tcvn3"
    assert detect_legacy_encoding(MOTTO_TCVN3 + ". " + unicode_to_tcvn3("Độc lập tự do hạnh phúc"))


def test_tcvn3_detected_from_font_names() -> None:
    short = unicode_to_tcvn3("Việt Nam")  # too little text for statistics alone
    assert detect_legacy_encoding(short) is None
    assert detect_legacy_encoding(short, [".VnTime"]) == "tcvn3"
    assert detect_legacy_encoding(short, ["ABCDEF+VnTimeH,Bold"]) == "tcvn3"


# --- VNI -----------------------------------------------------------------------------------------


def test_vni_encoder_matches_the_published_scheme() -> None:
    assert unicode_to_vni(MOTTO) == MOTTO_VNI
    assert unicode_to_vni("người Đức") == "ngöôøi Ñöùc"
    assert unicode_to_vni("ẤN ĐỘ") == "AÁN ÑOÄ"
    assert len(VNI_ENCODE) == 134


def test_vni_round_trip_of_all_134_letters() -> None:
    for text in (PARAGRAPH, PARAGRAPH.upper(), PARAGRAPH.title()):
        garbled = unicode_to_vni(text)
        assert all(ord(c) < 0x100 for c in garbled)
        assert vni_to_unicode(garbled) == text


def test_vni_accepts_a_lowercase_mark_after_a_capital() -> None:
    assert vni_to_unicode("Aán Ñoä") == "Ấn Độ"


def test_vni_detected_with_and_without_font_names() -> None:
    assert detect_legacy_encoding(unicode_to_vni(PARAGRAPH)) == "vni"
    assert detect_legacy_encoding(MOTTO_VNI + " " + unicode_to_vni("Độc lập tự do hạnh phúc"))
    short = unicode_to_vni("Việt Nam")
    assert detect_legacy_encoding(short) is None
    assert detect_legacy_encoding(short, ["VNI-Times"]) == "vni"


# --- not legacy ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        PARAGRAPH,
        unicodedata.normalize("NFD", PARAGRAPH),
        "The café was très élégant, said the naïve señor in Zürich, über alles.",
        "Dich vu cong truc tuyen la mot cong cu huu ich cho nguoi dan.",
        "",
    ],
)
def test_ordinary_text_is_not_legacy(text: str) -> None:
    assert detect_legacy_encoding(text) is None


def test_a_legacy_font_name_does_not_overrule_unicode_text() -> None:
    # A template that names .VnTime while the entrant typed Unicode: the text is fine.
    assert detect_legacy_encoding(PARAGRAPH, [".VnTime", "Times New Roman"]) is None


def test_font_names() -> None:
    assert font_encoding(".VnTime") == "tcvn3"
    assert font_encoding(".VnArialH") == "tcvn3"
    assert font_encoding("XYZABC+VnTime-Bold") == "tcvn3"
    assert font_encoding("VNI-Times") == "vni"
    assert font_encoding("VNI-Helve-Condense") == "vni"
    assert font_encoding("Times New Roman") is None
    assert font_encoding("Verdana") is None
    assert is_capitals_font(".VnTimeH")
    assert is_capitals_font("ABCDEF+VnArialH,Bold")
    assert not is_capitals_font(".VnTime")
    assert not is_capitals_font("VNI-Helve")


def test_mixed_document_keeps_its_unicode_lines() -> None:
    legacy = "Lịch sử hào hùng của dân tộc"
    unicode_lines = "Việt Nam muôn năm\nNam muôn"  # the last holds only Latin-1 letters
    mixed = unicode_to_tcvn3(legacy) + "\n" + unicode_lines
    assert convert_legacy_text(mixed, "tcvn3") == legacy + "\n" + unicode_lines
    # A lone legacy word still converts: in a legacy document, a tie goes to the encoding.
    assert convert_legacy_text(unicode_to_tcvn3("Cộng"), "tcvn3") == "Cộng"
