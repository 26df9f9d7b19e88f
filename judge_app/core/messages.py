"""The sentences behind error and status codes, in Vietnamese and English.

Qt's .ts files translate widget texts; these messages are also printed by the headless CLI,
which must not load Qt, so they live here as plain data. Both the CLI and the GUI call
`render()`; a test checks every code has both languages and the same placeholders.
"""

from __future__ import annotations

import string
from typing import Any

from judge_app.core.errors import JudgeAppError

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

# code -> (Vietnamese, English). Placeholders use str.format names.
CATALOGUE: dict[str, tuple[str, str]] = {
    "file_not_found": (
        "Không tìm thấy tệp: {path}",
        "File not found: {path}",
    ),
    "not_a_database": (
        "Tệp {path} không phải là tệp cuộc thi của judge-app (không phải cơ sở dữ liệu SQLite).",
        "{path} is not a judge-app contest file (not an SQLite database).",
    ),
    "database_corrupt": (
        "Tệp cuộc thi {path} bị hỏng ({reason}). Bản sao lưu mới nhất: {backup}",
        "The contest file {path} is damaged ({reason}). Newest backup: {backup}",
    ),
    "database_too_new": (
        "Tệp {path} được tạo bởi phiên bản judge-app mới hơn (lược đồ {revision}); "
        "hãy cập nhật ứng dụng.",
        "{path} was made by a newer judge-app (schema {revision}); please update the app.",
    ),
    "database_locked": (
        "Tệp cuộc thi {path} đang được một chương trình khác ghi; hãy thử lại sau.",
        "The contest file {path} is being written by another program; try again later.",
    ),
    "database_unwritable": (
        "Không ghi được vào {path}: {reason}",
        "Cannot write to {path}: {reason}",
    ),
    "file_exists": (
        "Tệp {path} đã tồn tại; judge-app không ghi đè lên tệp có sẵn.",
        "{path} already exists; judge-app does not overwrite an existing file.",
    ),
    "grading_not_found": (
        "Không tìm thấy lượt chấm số {grading} trong {path}.",
        "Grading {grading} does not exist in {path}.",
    ),
    "criterion_not_found": (
        "Tiêu chí số {criterion} không thuộc cuộc thi của lượt chấm {grading}.",
        "Criterion {criterion} does not belong to the contest of grading {grading}.",
    ),
    "audit_row_edited": (
        "nội dung dòng đã bị sửa",
        "the row's content was changed",
    ),
    "audit_row_missing": (
        "dòng đã bị xoá",
        "the row was deleted",
    ),
    "audit_chain_broken": (
        "dòng không nối tiếp dòng trước",
        "the row does not follow the row before it",
    ),
    "audit_head_mismatch": (
        "dòng cuối không khớp với dấu cuối chuỗi đã lưu",
        "the last row does not match the stored end of the chain",
    ),
    "audit_head_missing": (
        "mất dấu cuối chuỗi đã lưu",
        "the stored end of the chain is missing",
    ),
    "no_backup": (
        "(chưa có bản sao lưu)",
        "(no backup yet)",
    ),
    "audit_ok": (
        "Nhật ký thay đổi của {path} nguyên vẹn: {rows} dòng.",
        "The audit log of {path} is intact: {rows} rows.",
    ),
    "audit_broken": (
        "Nhật ký thay đổi của {path} bị sửa hoặc xoá từ dòng {row}: {reason}",
        "The audit log of {path} was edited or cut at row {row}: {reason}",
    ),
    "not_a_folder": (
        "{path} là một tệp, không phải thư mục.",
        "{path} is a file, not a folder.",
    ),
    "demo_exists": (
        "Thư mục {path} đã có tệp không do bản mẫu tạo ra; hãy chọn thư mục trống "
        "(--force chỉ dựng lại một cuộc thi mẫu).",
        "{path} already holds files the demo did not make; choose an empty folder "
        "(--force rebuilds only a demo contest).",
    ),
    "demo_created": (
        "Đã tạo cuộc thi mẫu: {path} ({entries} bài dự thi, {files} tệp).",
        "Demo contest created: {path} ({entries} entries, {files} files).",
    ),
    "score_invalid": (
        "Điểm không hợp lệ: {value}",
        "Not a valid score: {value}",
    ),
    "score_off_grid": (
        "Điểm {value} không chia hết cho bước {step}.",
        "Score {value} is not a multiple of the step {step}.",
    ),
    "score_out_of_range": (
        "Điểm {value} phải nằm trong khoảng 0 … {maximum}.",
        "Score {value} must be between 0 and {maximum}.",
    ),
    "no_display": (
        "Không tìm thấy màn hình để mở cửa sổ; đã lưu ảnh cửa sổ vào {path}.",
        "No display found to open a window; saved a picture of the window to {path}.",
    ),
    "db_ok": (
        "Tệp cuộc thi {path} nguyên vẹn.",
        "The contest file {path} is intact.",
    ),
    "backup_done": (
        "Đã sao lưu vào {path}",
        "Backed up to {path}",
    ),
    "demo_reused": (
        "Mở cuộc thi mẫu đã có: {path}",
        "Opening the existing demo contest: {path}",
    ),
    # DOCX conversion (documents/docx_pdf.py): errors for broken files, then problems shown
    # beside a converted document.
    "docx_not_zip": (
        "Tệp {path} không phải tệp Word .docx hợp lệ (không đọc được dạng nén: {reason}).",
        "{path} is not a valid Word .docx file (not a readable zip: {reason}).",
    ),
    "docx_no_document": (
        "Tệp {path} không chứa nội dung văn bản Word (thiếu word/document.xml).",
        "{path} holds no Word document body (word/document.xml is missing).",
    ),
    "docx_part_missing": (
        "Tệp {path} bị hỏng: thiếu phần {part}.",
        "{path} is damaged: the part {part} is missing.",
    ),
    "docx_too_large": (
        "Tệp {path} có phần {part} quá lớn khi giải nén; không mở để bảo vệ máy.",
        "{path} has a part ({part}) too large when unpacked; not opened, to protect the computer.",
    ),
    "docx_unsafe_xml": (
        "Tệp {path} chứa khai báo XML không an toàn (DOCTYPE/ENTITY) trong {part}; không mở.",
        "{path} carries an unsafe XML declaration (DOCTYPE/ENTITY) in {part}; not opened.",
    ),
    "docx_bad_xml": (
        "Tệp {path} bị hỏng: {part} không phải XML hợp lệ ({reason}).",
        "{path} is damaged: {part} is not valid XML ({reason}).",
    ),
    "docx_render_failed": (
        "Không dựng được trang cho tệp {path}: {reason}",
        "Could not lay out the pages of {path}: {reason}",
    ),
    "docx_object_skipped": (
        "Có đối tượng {kind} không hiển thị được; chỉ hiện khung đánh dấu vị trí.",
        "A {kind} object cannot be shown; a labelled frame marks its place.",
    ),
    "docx_image_unsupported": (
        "Có hình dạng {format} không hiển thị được; chỉ hiện khung đánh dấu vị trí.",
        "A {format} picture cannot be shown; a labelled frame marks its place.",
    ),
    "docx_image_missing": (
        "Có hình liên kết ra ngoài hoặc bị thiếu trong tệp; chỉ hiện khung đánh dấu vị trí.",
        "A picture is linked from outside or missing from the file; a frame marks its place.",
    ),
    "docx_math_simplified": (
        "Công thức toán được hiện dưới dạng chữ thường, không đúng bố cục gốc.",
        "Equations are shown as plain text, not in their original layout.",
    ),
    "unexpected": (
        "Lỗi không mong đợi: {reason}. Chi tiết trong nhật ký: {log}",
        "Unexpected error: {reason}. Details in the log: {log}",
    ),
    # Entry files (judge_app.documents): problem codes are reasons, said inside a sentence.
    "corrupt": (
        "tệp bị hỏng, không đọc được ({detail})",
        "the file is damaged and cannot be read ({detail})",
    ),
    "truncated": (
        "tệp bị cắt cụt (tải về hoặc sao chép chưa hết)",
        "the file is cut short (an incomplete download or copy)",
    ),
    "encrypted": (
        "tệp được đặt mật khẩu",
        "the file is protected by a password",
    ),
    "empty": (
        "tệp rỗng (0 byte)",
        "the file is empty (0 bytes)",
    ),
    "missing": (
        "không tìm thấy tệp",
        "the file does not exist",
    ),
    "too_many_pages": (
        "tệp có {pages} trang; chỉ hiển thị {shown} trang đầu",
        "the file has {pages} pages; only the first {shown} are shown",
    ),
    "too_many_pixels": (
        "ảnh có {width} × {height} điểm ảnh, vượt giới hạn {limit} megapixel",
        "the image has {width} × {height} pixels, over the limit of {limit} megapixels",
    ),
    "too_large": (
        "tệp quá lớn ({size} MB; giới hạn {limit} MB)",
        "the file is too large ({size} MB; the limit is {limit} MB)",
    ),
    "too_large_unpacked": (
        "khi giải nén, tệp chiếm quá nhiều chỗ ({detail}); có thể là tệp độc hại",
        "unpacked, the file would grow too large ({detail}); it may be hostile",
    ),
    "unsafe_content": (
        "tệp chứa khai báo XML không được phép ({detail}); có thể là tệp độc hại",
        "the file holds XML declarations that are not allowed ({detail}); it may be hostile",
    ),
    "timeout": (
        "đọc tệp mất quá {seconds} giây",
        "reading the file took more than {seconds} seconds",
    ),
    "memory": (
        "đọc tệp cần quá {limit} MB bộ nhớ",
        "reading the file needed more than {limit} MB of memory",
    ),
    "unsupported_format": (
        "định dạng {format} chưa được hỗ trợ",
        "the {format} format is not supported",
    ),
    "wrong_extension": (
        "tệp có đuôi {ext} nhưng thực chất là {kind}",
        "the file is named {ext} but is really {kind}",
    ),
    "javascript_ignored": (
        "tệp PDF chứa mã JavaScript; ứng dụng không chạy mã này",
        "the PDF holds JavaScript; the app never runs it",
    ),
    "embedded_files_ignored": (
        "tệp PDF đính kèm {count} tệp khác; các tệp đó bị bỏ qua",
        "the PDF carries {count} attached files; they are ignored",
    ),
    "page_failed": (
        "không vẽ được trang {page} ({detail})",
        "page {page} could not be drawn ({detail})",
    ),
    "doc_placeholder_title": (
        "Không hiển thị được tệp này",
        "This file cannot be shown",
    ),
    "doc_placeholder_reason": (
        "Lý do: {reason}.",
        "Reason: {reason}.",
    ),
    "doc_placeholder_advice": (
        "Đề nghị đơn vị dự thi gửi lại bài dưới dạng PDF hoặc DOCX.",
        "Ask the school to send the entry again as PDF or DOCX.",
    ),
    "doc_placeholder_advice_password": (
        "Đề nghị đơn vị dự thi gửi lại bản không đặt mật khẩu (PDF hoặc DOCX).",
        "Ask the school to send a copy without a password (PDF or DOCX).",
    ),
    "document_unreadable": (
        "Không đọc được tệp {path}: {reason}",
        "Cannot read {path}: {reason}",
    ),
    "page_out_of_range": (
        "Tệp {path} có {pages} trang; không có trang {page}.",
        "{path} has {pages} pages; there is no page {page}.",
    ),
    "render_done": (
        "Đã lưu trang {page} của {path} vào {out} ({width} × {height} điểm ảnh).",
        "Saved page {page} of {path} to {out} ({width} × {height} pixels).",
    ),
    "inspect_summary": (
        "{path}: {kind}, {pages} trang, khổ {size} pt, {size_bytes} byte",
        "{path}: {kind}, {pages} pages, page size {size} pt, {size_bytes} bytes",
    ),
    "inspect_text": (
        "  Có chữ: {has_text} ({chars} ký tự)",
        "  Has text: {has_text} ({chars} characters)",
    ),
    "inspect_fonts": (
        "  Phông chữ: {fonts}",
        "  Fonts: {fonts}",
    ),
    "inspect_image": (
        "  Ảnh: {width} × {height} điểm ảnh",
        "  Image: {width} × {height} pixels",
    ),
    "inspect_problem": (
        "  Vấn đề: {problem}",
        "  Problem: {problem}",
    ),
    "inspect_format": (
        "  Kiểm tra thể thức: {report}",
        "  Format check: {report}",
    ),
    "format_badge_ok": ("đúng thể thức", "meets the format rules"),
    "format_badge_warn": ("cần xem lại thể thức", "format needs a look"),
    "format_badge_scan": ("bài viết tay / bản quét", "handwritten / scanned"),
    "format_badge_error": ("không đọc được", "cannot be read"),
    # Format check (judge_app.documents.format_check): one issue each, shown beside the badge.
    "format_not_a4": (
        "Khổ giấy {size}, không phải A4",
        "Page size {size}, not A4",
    ),
    "format_font": (
        "Chỉ {share} văn bản dùng Times New Roman cỡ 14; phông chữ chính: {font} cỡ {size}",
        "Only {share} of the text is in Times New Roman 14; main font: {font} {size} pt",
    ),
    "format_no_diacritics": (
        "Bài viết tiếng Việt không dấu",
        "Vietnamese written without diacritics",
    ),
    "format_not_vietnamese": (
        "Văn bản có vẻ không phải tiếng Việt",
        "The text does not look Vietnamese",
    ),
    "format_legacy_tcvn3": (
        "Văn bản gõ bằng bảng mã cũ TCVN3 (phông .VnTime…); đã chuyển sang Unicode để hiển thị",
        "Text typed in the old TCVN3 encoding (.VnTime fonts…); converted to Unicode for display",
    ),
    "format_legacy_vni": (
        "Văn bản gõ bằng bảng mã cũ VNI (phông VNI-Times…); đã chuyển sang Unicode để hiển thị",
        "Text typed in the old VNI encoding (VNI-Times fonts…); converted to Unicode for display",
    ),
    "format_scan_no_text": (
        "Bản quét hoặc ảnh chụp, không có chữ đánh máy (không kiểm tra phông chữ)",
        "A scan or photo without typed text (fonts not checked)",
    ),
    "format_file_problem": (
        "Không kiểm tra được thể thức: tệp {kind} không đọc được",
        "Format not checked: the {kind} file cannot be read",
    ),
    "word_yes": (
        "có",
        "yes",
    ),
    "word_no": (
        "không",
        "no",
    ),
}


def render(code: str, lang: str = DEFAULT_LANGUAGE, **params: Any) -> str:
    """The sentence for `code` in `lang`; unknown codes still say something useful."""
    pair = CATALOGUE.get(code)
    if pair is None:
        return f"{code}: {params}" if params else code
    template = pair[0] if lang == "vi" else pair[1]
    names = {f for _, f, _, _ in string.Formatter().parse(template) if f}
    # A parameter may itself be a message code (e.g. backup="no_backup"): say it in `lang` too.
    values = {
        name: render(value, lang) if isinstance(value, str) and value in CATALOGUE else value
        for name, value in ((n, params.get(n, "?")) for n in names)
    }
    return template.format(**values)


def describe(error: JudgeAppError, lang: str = DEFAULT_LANGUAGE) -> str:
    """One line for the user: the error's sentence, which names the file when there is one."""
    params = dict(error.params)
    if error.path is not None:
        params.setdefault("path", str(error.path))
    return render(error.code, lang, **params)
