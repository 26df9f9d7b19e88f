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
    # Codes and sealing (intake/seal.py)
    "code_bad_character": (
        "Số phách {text} có ký tự {char} không dùng trong số phách (không có 0, O, 1, I, L, U, Z).",
        "The code {text} holds {char}, which codes never use (no 0, O, 1, I, L, U, Z).",
    ),
    "code_wrong_length": (
        "Số phách {text} phải có {length} ký tự (dạng K7M-4QX).",
        "The code {text} must have {length} characters (like K7M-4QX).",
    ),
    "code_check_failed": (
        "Số phách {text} không đúng (sai ký tự kiểm tra): có thể gõ nhầm một ký tự.",
        "The code {text} is not valid (its check character fails): a character may be mistyped.",
    ),
    "code_space_exhausted": (
        "Không tạo được {count} số phách mới không trùng.",
        "Could not draw {count} new codes that are not taken.",
    ),
    "code_change_sealed": (
        "Bài {entry} đã được niêm phong đầu phách; không đổi số phách được.",
        "The identity record of entry {entry} is sealed; its code cannot change.",
    ),
    "seal_wrong_passphrase": (
        "Mật khẩu niêm phong không đúng cho tệp {path}.",
        "Wrong seal passphrase for {path}.",
    ),
    "seal_passphrase_count": (
        "Niêm phong cần {needed} mật khẩu nhưng đã nhập {given}.",
        "The seal needs {needed} passphrases but {given} were given.",
    ),
    "seal_passphrase_short": (
        "Mật khẩu niêm phong phải có ít nhất {minimum} ký tự.",
        "A seal passphrase must have at least {minimum} characters.",
    ),
    "seal_passphrases_same": (
        "Hai mật khẩu niêm phong phải khác nhau (mỗi người giữ một mật khẩu).",
        "The two seal passphrases must differ (each board member holds one).",
    ),
    "seal_not_set_up": (
        "Tệp {path} chưa được niêm phong lần nào.",
        "{path} has never been sealed.",
    ),
    "seal_setup_damaged": (
        "Thông tin niêm phong trong {path} bị hỏng hoặc bị sửa ({reason}).",
        "The seal set-up in {path} is damaged or was edited ({reason}).",
    ),
    "seal_record_damaged": (
        "Đầu phách của bài {entry} trong {path} bị sửa hoặc bị chuyển từ bài khác; không mở được.",
        "The identity record of entry {entry} in {path} was altered or moved from another entry; "
        "it cannot be opened.",
    ),
    "seal_participant_missing": (
        "Đầu phách của bài {entry} trỏ tới một người dự thi không còn trong {path}.",
        "The identity record of entry {entry} names a participant no longer in {path}.",
    ),
    "seal_done": (
        "Đã niêm phong {count} đầu phách trong {path}.",
        "Sealed {count} identity records in {path}.",
    ),
    "seal_backup_not_removed": (
        "Đã niêm phong, nhưng không xoá được bản sao lưu cũ {path} ({reason}); bản này vẫn chứa "
        "đầu phách chưa niêm phong: hãy tự xoá nó.",
        "Sealed, but the old backup {path} could not be deleted ({reason}); it still holds the "
        "identity records unsealed: delete it yourself.",
    ),
    "reveal_done": (
        "Đã ghép phách {count} bài trong {path}; việc này được ghi vào nhật ký.",
        "Revealed {count} entries in {path}; this is recorded in the audit log.",
    ),
    "codes_written": (
        "Đã ghi danh sách {count} số phách vào {path}.",
        "Wrote the list of {count} codes to {path}.",
    ),
    "seal_passphrase_prompt": (
        "Mật khẩu niêm phong {number}: ",
        "Seal passphrase {number}: ",
    ),
    "seal_passphrase_repeat": (
        "Nhập lại mật khẩu {number}: ",
        "Repeat passphrase {number}: ",
    ),
    "seal_passphrase_mismatch": (
        "Hai lần nhập mật khẩu không khớp.",
        "The two entries of the passphrase differ.",
    ),
    "seal_passphrase_missing": (
        "Cần mật khẩu niêm phong: dùng --passphrase-file, biến JUDGE_APP_SEAL_PASSPHRASE "
        "hoặc chạy trong cửa sổ lệnh để nhập.",
        "A seal passphrase is needed: use --passphrase-file, JUDGE_APP_SEAL_PASSPHRASE, or run "
        "in a terminal to type it.",
    ),
    "seal_passphrase_file_empty": (
        "Tệp mật khẩu {path} rỗng.",
        "The passphrase file {path} is empty.",
    ),
    "codes_header_code": ("Số phách", "Code"),
    "codes_header_name": ("Họ và tên", "Full name"),
    "codes_header_unit": ("Đơn vị", "Unit"),
    "codes_header_category": ("Đối tượng", "Category"),
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
    "format_checked": (
        "Đã kiểm tra thể thức {files} tệp của {path}: {ok} đúng thể thức, {warn} cần xem lại, "
        "{scan} viết tay/bản quét, {error} không đọc được.",
        "Checked the format of {files} files of {path}: {ok} meet the rules, {warn} need a "
        "look, {scan} handwritten/scanned, {error} cannot be read.",
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
    # Cleaning judges' copies (documents/cleaning.py)
    "clean_kind_not_cleaned": (
        "tệp {kind} được sao chép nguyên trạng, chưa xoá thông tin ẩn (tác giả, thuộc tính)",
        "the {kind} file was copied unchanged; its hidden data (author, properties) remains",
    ),
    "clean_part_not_cleaned": (
        "phần {part} trong tệp được giữ nguyên, chưa xoá thông tin ẩn",
        "the part {part} of the file was kept unchanged; its hidden data remains",
    ),
    # Redaction (documents/redaction.py)
    "redact_not_checked": (
        "tệp không có chữ đánh máy (ảnh, bản quét): chưa che được họ tên, trường trong tệp",
        "the file has no typed text (photo, scan): names and schools in it are not blacked out",
    ),
    "redact_failed": (
        "không che được thông tin cá nhân trong tệp ({reason})",
        "the identity in the file could not be blacked out ({reason})",
    ),
    "redact_identities_sealed": (
        "đầu phách đã niêm phong: bản của giám khảo chưa được che họ tên, trường; "
        "hãy nhập mật khẩu của Ban làm phách để che",
        "the identity records are sealed: the judges' copies were not redacted; enter the "
        "passphrases of the anonymisation team to redact them",
    ),
    "word_yes": (
        "có",
        "yes",
    ),
    "word_no": (
        "không",
        "no",
    ),
    # Participant lists (intake/participants.py)
    "list_too_big": (
        "Tệp danh sách {path} nặng {size_mb} MB, vượt giới hạn {limit_mb} MB của một danh sách.",
        "The participant list {path} is {size_mb} MB, over the {limit_mb} MB limit for a list.",
    ),
    "list_too_many_rows": (
        "Danh sách {path} có hơn {limit} dòng; hãy kiểm tra lại tệp (có thể gửi nhầm tệp).",
        "The list {path} has more than {limit} rows; check the file (it may be the wrong one).",
    ),
    "list_empty": (
        "Tệp danh sách {path} trống, không có dòng nào.",
        "The participant list {path} is empty: it has no rows.",
    ),
    "list_password": (
        "Tệp danh sách {path} có đặt mật khẩu; hãy đề nghị đơn vị gửi lại bản không mật khẩu.",
        "The list {path} has a password; ask the unit to send it again without one.",
    ),
    "list_corrupt": (
        "Tệp danh sách {path} bị hỏng, không đọc được ({reason}).",
        "The list {path} is damaged and cannot be read ({reason}).",
    ),
    "list_reason_not_a_zip": (
        "tệp XLSX không nguyên vẹn",
        "the XLSX file is incomplete",
    ),
    "list_reason_zip_bomb": (
        "nội dung giải nén quá lớn",
        "its unpacked content is too large",
    ),
    "list_unsupported": (
        "Tệp {path} là tệp {kind}, không phải bảng tính danh sách; "
        "hãy lưu danh sách dưới dạng XLSX, XLS hoặc CSV.",
        "{path} is a {kind} file, not a spreadsheet; save the list as XLSX, XLS or CSV.",
    ),
    "list_html_no_table": (
        "Tệp {path} là một trang web, không có bảng danh sách nào bên trong.",
        "{path} is a web page with no table in it.",
    ),
    "list_unreadable": (
        "Không đọc được tệp danh sách {path}: {reason}",
        "Cannot read the list {path}: {reason}",
    ),
    "list_sheet_missing": (
        "Tệp {path} không có trang tính “{sheet}”.",
        "{path} has no sheet “{sheet}”.",
    ),
    "list_no_header": (
        "Không tìm thấy dòng tiêu đề (Họ và tên, Ngày sinh…) trong trang “{sheet}” của {path}; "
        "hãy chọn cột bằng tay.",
        "No header row (Họ và tên, Ngày sinh…) found on sheet “{sheet}” of {path}; "
        "choose the columns by hand.",
    ),
    "list_unit_code_bad": (
        "Mã đơn vị “{unit}” không dùng được (trống hoặc quá dài).",
        "The unit code “{unit}” cannot be used (empty or too long).",
    ),
    "list_mapping_unreadable": (
        "Cách đọc cột đã lưu cho đơn vị {unit} trong {path} bị hỏng; hãy chọn lại các cột.",
        "The column mapping saved for unit {unit} in {path} is damaged; choose the columns again.",
    ),
    "list_summary": (
        "{path}: trang “{sheet}”, tiêu đề ở dòng {header}, {people} người "
        "(CBGV-NV: {staff}; học sinh theo khối: {students}); {errors} lỗi, {warnings} cảnh báo",
        "{path}: sheet “{sheet}”, header on row {header}, {people} people "
        "(staff: {staff}; students by grade: {students}); {errors} errors, {warnings} warnings",
    ),
    "list_columns": (
        "  Cột: {columns}",
        "  Columns: {columns}",
    ),
    "list_low_confidence": (
        "  Chưa chắc về cách đọc cột (độ tin cậy {confidence}): hãy kiểm tra lại các cột.",
        "  The column guess is uncertain ({confidence} confidence): check the columns.",
    ),
    "list_problem_line": (
        "  Dòng {row}: {problem}",
        "  Row {row}: {problem}",
    ),
    "list_name_missing": (
        "thiếu họ tên",
        "name missing",
    ),
    "list_date_unreadable": (
        "không đọc được ngày sinh “{value}”",
        "cannot read the birth date “{value}”",
    ),
    "list_date_invalid": (
        "ngày sinh “{value}” không có thật",
        "the birth date “{value}” does not exist",
    ),
    "list_date_swapped": (
        "ngày sinh “{value}” viết theo kiểu tháng/ngày; đã đọc là {date}",
        "the birth date “{value}” is written month first; read as {date}",
    ),
    "list_date_future": (
        "ngày sinh {date} sau ngày tính tuổi",
        "the birth date {date} is after the reference date",
    ),
    "list_date_too_early": (
        "ngày sinh {date} trước năm 1940",
        "the birth date {date} is before 1940",
    ),
    "list_student_age": (
        "học sinh sinh ngày {date} mới {age} tuổi (ngoài khoảng 10–16)",
        "student born {date} is {age} (outside 10–16)",
    ),
    "list_staff_under_18": (
        "cán bộ, giáo viên, nhân viên sinh ngày {date} mới {age} tuổi (dưới 18)",
        "staff member born {date} is {age} (under 18)",
    ),
    "list_grade_missing": (
        "học sinh không ghi lớp",
        "student without a grade",
    ),
    "list_grade_outside": (
        "lớp {grade} không thuộc khối 6–9",
        "grade {grade} is not one of 6–9",
    ),
    "list_category_missing": (
        "không rõ đối tượng (CBGV-NV hay học sinh)",
        "category unknown (staff or student)",
    ),
    "list_category_unknown": (
        "không hiểu đối tượng “{value}”",
        "unknown category “{value}”",
    ),
    "list_duplicate_row": (
        "trùng hoàn toàn với dòng {other}",
        "exact repeat of row {other}",
    ),
    "list_same_name": (
        "trùng họ tên “{name}” với dòng {rows} (kiểm tra có phải hai người khác nhau)",
        "same name “{name}” as row {rows} (check they are different people)",
    ),
    "list_field_seq": ("STT", "No."),
    "list_field_full_name": ("Họ và tên", "Full name"),
    "list_field_last_name": ("Họ (và đệm)", "Family and middle name"),
    "list_field_first_name": ("Tên", "Given name"),
    "list_field_birth_date": ("Ngày sinh", "Birth date"),
    "list_field_birth_day": ("Ngày sinh (ngày)", "Birth day"),
    "list_field_birth_month": ("Tháng sinh", "Birth month"),
    "list_field_birth_year": ("Năm sinh", "Birth year"),
    "list_field_birth_date_male": ("Ngày sinh (cột Nam)", "Birth date (male column)"),
    "list_field_birth_date_female": ("Ngày sinh (cột Nữ)", "Birth date (female column)"),
    "list_field_grade": ("Lớp", "Class"),
    "list_field_category": ("Đối tượng", "Category"),
    "list_field_unit": ("Đơn vị", "Unit"),
    "list_field_position": ("Chức vụ", "Position"),
    "list_field_phone": ("Điện thoại", "Phone"),
    "list_field_email": ("Thư điện tử", "E-mail"),
    "list_field_gender": ("Giới tính", "Sex"),
    "list_field_note": ("Ghi chú", "Note"),
    # Archives and e-mails (intake/archives.py): refusals are reasons, said after the name.
    "unpack_target_unwritable": (
        "Không ghi được vào thư mục đích {path}: {reason}",
        "Cannot write to the target folder {path}: {reason}",
    ),
    "unpack_outside_target": (
        "Từ chối ghi {path}: đường dẫn nằm ngoài thư mục đích {target}",
        "Refused to write {path}: the path is outside the target folder {target}",
    ),
    "unpack_source_missing": (
        "không tìm thấy tệp hoặc thư mục này",
        "no such file or folder",
    ),
    "unpack_source_unreadable": (
        "không đọc được ({reason})",
        "cannot be read ({reason})",
    ),
    "unpack_symlink": (
        "là liên kết tượng trưng (symlink), không phải tệp; không lấy",
        "is a symbolic link, not a file; not taken",
    ),
    "unpack_not_a_file": (
        "không phải tệp thông thường; không lấy",
        "is not a regular file; not taken",
    ),
    "unpack_email_too_large": (
        "thư quá lớn (trên {limit}); hãy lưu riêng các tệp đính kèm",
        "the e-mail is too large (over {limit}); save its attachments separately",
    ),
    "unpack_email_unreadable": (
        "không đọc được thư điện tử ({reason})",
        "cannot be read as an e-mail ({reason})",
    ),
    "unpack_email_no_attachments": (
        "thư không có tệp đính kèm",
        "the e-mail has no attachments",
    ),
    "unpack_zip_damaged": (
        "tệp nén .zip bị hỏng, không mở được ({reason}); đề nghị đơn vị gửi lại",
        "the .zip file is damaged and cannot be opened ({reason}); ask the unit to resend it",
    ),
    "unpack_zip_too_many_entries": (
        "tệp nén có {count} mục (giới hạn {limit}); không mở",
        "the zip lists {count} entries (limit {limit}); not opened",
    ),
    "unpack_zip_overlapping": (
        "dữ liệu trùng lên mục khác trong tệp nén (dấu hiệu tệp nén độc hại); không lấy",
        "its data overlaps another entry of the zip (a sign of a zip bomb); not taken",
    ),
    "unpack_encrypted": (
        "có mật khẩu; đề nghị đơn vị gửi lại tệp không đặt mật khẩu",
        "has a password; ask the unit to resend it without one",
    ),
    "unpack_zip_method": (
        "nén bằng phương pháp không hỗ trợ (mã {method}); đề nghị nén lại bằng .zip thông thường",
        "compressed with an unsupported method (code {method}); ask for a plain .zip",
    ),
    "unpack_member_damaged": (
        "bị hỏng, không giải nén được ({reason})",
        "is damaged and cannot be unpacked ({reason})",
    ),
    "unpack_member_too_large": (
        "quá lớn (trên {limit}); không lấy",
        "is too large (over {limit}); not taken",
    ),
    "unpack_member_ratio": (
        "tỉ lệ nén bất thường ({ratio}:1, giới hạn {limit}:1; dấu hiệu bom nén); không lấy",
        "abnormal compression ratio ({ratio}:1, limit {limit}:1: a zip bomb?); not taken",
    ),
    "unpack_source_too_large": (
        "tổng dung lượng giải nén vượt {limit}; phần còn lại của nguồn này không được lấy",
        "more than {limit} unpacked in total; the rest of this source is not taken",
    ),
    "unpack_too_many_files": (
        "quá {limit} tệp trong một nguồn; phần còn lại không được lấy",
        "more than {limit} files in one source; the rest is not taken",
    ),
    "unpack_too_deep": (
        "tệp nén lồng nhau quá {limit} cấp; không mở",
        "zips nested more than {limit} deep; not opened",
    ),
    "unpack_not_supported": (
        "định dạng {format} không được hỗ trợ; vui lòng gửi tệp .zip",
        "the {format} format is not supported; please send a .zip",
    ),
    "unpack_not_zip": (
        "có đuôi .zip nhưng không phải tệp nén (thực ra là {kind}); vui lòng gửi tệp .zip thật",
        "is named .zip but is not a zip (it is {kind}); please send a real .zip",
    ),
    "unpack_source_email": (
        "{source}: thư từ {sender}, tiêu đề “{subject}”, nhận lúc {received}",
        "{source}: e-mail from {sender}, subject “{subject}”, received {received}",
    ),
    "unpack_source_plain": (
        "{source}: nguồn {path}",
        "{source}: source {path}",
    ),
    "unpack_kept_line": (
        "  + {stored} ({size} byte) ← {chain}",
        "  + {stored} ({size} bytes) ← {chain}",
    ),
    "unpack_ignored_line": (
        "  · bỏ qua tệp hệ thống: {chain}",
        "  · system file ignored: {chain}",
    ),
    "unpack_refused_line": (
        "  ✗ từ chối {chain}: {reason}",
        "  ✗ refused {chain}: {reason}",
    ),
    "unpack_summary": (
        "Đã lấy {kept} tệp vào {target}; bỏ qua {ignored} tệp hệ thống; từ chối {refused}.",
        "{kept} files taken into {target}; {ignored} system files ignored; {refused} refused.",
    ),
    "unpack_unknown_time": (
        "không rõ",
        "unknown",
    ),
    # Receiving entries (intake/receive.py)
    "receive_unit_unknown": (
        "Tệp cuộc thi {path} không có đơn vị mã {unit}.",
        "The contest file {path} has no unit with code {unit}.",
    ),
    "receive_not_board": (
        "{path} là không gian chấm của giám khảo: chỉ nhận bài vào tệp của ban giám khảo.",
        "{path} is a judge's workspace: entries are received into the board's contest file only.",
    ),
    "receive_received_bad": (
        "Thời điểm nhận “{value}” không hợp lệ; hãy viết dạng 2019-08-20 16:45.",
        "The receipt time “{value}” is not valid; write it as 2019-08-20 16:45.",
    ),
    "receive_late": (
        "nộp muộn: nhận lúc {received}, hạn là trước {deadline}",
        "late: received at {received}, due before {deadline}",
    ),
    "receive_duplicate": (
        "trùng nội dung với bài {entry} (đơn vị {unit})",
        "same content as entry {entry} (unit {unit})",
    ),
    "receive_duplicate_receipt": (
        "trùng nội dung với một bài đã nhận",
        "same content as an entry already received",
    ),
    "receive_unmatched": (
        "không khớp với ai trong danh sách: cần ghép tay (tạm xếp đối tượng {category})",
        "matches nobody on the list: needs linking (category {category} for now)",
    ),
    "receive_ambiguous": (
        "khớp với nhiều người ({names}): cần chọn đúng người",
        "matches several people ({names}): choose the right one",
    ),
    "receive_empty": (
        "tệp rỗng (0 byte), không lưu; người dự thi: {person}",
        "empty file (0 bytes), not stored; participant: {person}",
    ),
    "receive_unreadable": (
        "tệp không đọc được (hỏng hoặc không phải tài liệu)",
        "the file cannot be read (damaged or not a document)",
    ),
    "receive_other_kind": (
        "không phải PDF, DOCX hay ảnh (loại {kind})",
        "not a PDF, DOCX or image (kind {kind})",
    ),
    "receive_category_unknown": (
        "danh sách không ghi đối tượng: tạm xếp {category}, cần xác nhận",
        "the list gives no category: {category} for now, to be confirmed",
    ),
    "receive_second_entry": (
        "người này đã có bài {entry}; các tệp mới thành một bài riêng",
        "this person already has entry {entry}; the new files form a separate entry",
    ),
    "receive_no_entry": (
        "chưa có bài dự thi",
        "no entry received",
    ),
    "receive_list_low_confidence": (
        "chưa chắc cách đọc cột của danh sách {path} (độ tin cậy {confidence}): "
        "hãy kiểm tra lại các cột",
        "the columns of the list {path} are uncertain ({confidence} confidence): check them",
    ),
    "receive_list_problem": (
        "danh sách, dòng {row}: {problem}",
        "list, row {row}: {problem}",
    ),
    "receive_summary": (
        "Đơn vị {unit}: {entries} bài mới, {files} tệp mới, {already} tệp đã nhận từ trước, "
        "{added} người dự thi mới.",
        "Unit {unit}: {entries} new entries, {files} new files, {already} files received "
        "before, {added} new participants.",
    ),
    "receive_status_line": (
        "  {status}: {count}",
        "  {status}: {count}",
    ),
    "receive_problem_line": (
        "  {entry} {subject}: {problem}",
        "  {entry} {subject}: {problem}",
    ),
    "receive_status_late": ("nộp muộn", "late"),
    "receive_status_needs_linking": ("cần ghép người dự thi", "needs linking"),
    "receive_status_ambiguous": ("khớp nhiều người", "several matches"),
    "receive_status_duplicate": ("trùng nội dung", "duplicates"),
    "receive_status_empty": ("tệp rỗng", "empty files"),
    "receive_status_unreadable": ("không đọc được", "unreadable"),
    "receive_status_other_kind": ("không phải tài liệu", "not a document"),
    "receive_status_refused": ("bị từ chối khi giải nén", "refused when unpacking"),
    "receive_status_no_entry": ("chưa có bài", "no entry received"),
    "receive_missing_sealed": (
        "  Đã làm phách: không xác định được ai chưa có bài.",
        "  Identities are sealed: who has no entry cannot be told.",
    ),
    "receive_link_entry_unknown": (
        "Tệp cuộc thi {path} không có bài mã {entry}.",
        "The contest file {path} has no entry with code {entry}.",
    ),
    "receive_link_sealed": (
        "Bài {entry} đã được làm phách: không ghép người dự thi được nữa ({path}).",
        "Entry {entry} is sealed: it can no longer be linked to a participant ({path}).",
    ),
    "receive_link_other_unit": (
        "Người được chọn không thuộc đơn vị của bài {entry} ({path}).",
        "The chosen person does not belong to the unit of entry {entry} ({path}).",
    ),
    "receive_report_written": (
        "Đã ghi báo cáo nhận bài: {path}",
        "Intake report written: {path}",
    ),
    "receive_receipt_written": (
        "Đã ghi biên nhận gửi đơn vị: {path}",
        "Receipt for the unit written: {path}",
    ),
    # Assignment (core/assignment.py)
    "assign_infeasible": (
        "Không đủ giám khảo không vướng xung đột lợi ích cho {count} bài: {entries}",
        "Not enough judges free of conflicts of interest for {count} entries: {entries}",
    ),
    "assign_override_conflict": (
        "Không thể phân công bài {entry} cho giám khảo {judge}: xung đột lợi ích "
        "hoặc giám khảo không chấm vòng này.",
        "Entry {entry} cannot go to judge {judge}: a conflict of interest, "
        "or the judge does not grade this round.",
    ),
    "assign_bad_k": (
        "Số giám khảo mỗi bài phải từ 1 trở lên (đang là {k}).",
        "Judges per entry must be 1 or more (got {k}).",
    ),
    "assign_bad_round": (
        "Số vòng chấm phải từ 1 trở lên (đang là {round}).",
        "The grading round must be 1 or more (got {round}).",
    ),
    "assign_no_judges": (
        "Chưa có giám khảo chấm bài (ngoài trưởng ban).",
        "There are no grading judges (besides the head judge).",
    ),
    "assign_no_contest": (
        "Tệp {path} không chứa đúng một cuộc thi.",
        "{path} does not hold exactly one contest.",
    ),
    "assign_unknown_entry": (
        "Không có bài dự thi mã {entry} trong {path}.",
        "There is no entry with code {entry} in {path}.",
    ),
    "assign_unknown_judge": (
        "Không có giám khảo chấm bài mã {judge} trong {path}.",
        "There is no grading judge with code {judge} in {path}.",
    ),
    "assign_round_empty": (
        "Vòng chấm {round} chưa có phân công nào trong {path}.",
        "Round {round} has no assignments in {path}.",
    ),
    "calibration_too_few": (
        "Chỉ có {available} bài không vướng xung đột lợi ích với giám khảo nào; "
        "chấm chung cần {wanted} bài.",
        "Only {available} entries are free of conflicts with every judge; "
        "calibration needs {wanted}.",
    ),
    "calibration_too_small": (
        "Chấm chung cần ít nhất {minimum} bài mẫu (đang là {n}).",
        "Calibration needs at least {minimum} sample entries (got {n}).",
    ),
    "assign_done": (
        "Vòng {round}: đã phân công {entries} bài ({rows} lượt chấm, {k} giám khảo mỗi bài); "
        "mỗi giám khảo chấm {low}–{high} bài (hạt giống ngẫu nhiên {seed}).",
        "Round {round}: assigned {entries} entries ({rows} gradings, {k} per entry); "
        "each judge grades {low}–{high} entries (seed {seed}).",
    ),
    "assign_load": (
        "  {judge}: {count} bài",
        "  {judge}: {count} entries",
    ),
    "assign_nothing": (
        "Vòng {round}: mọi bài đã đủ giám khảo; không có gì thay đổi.",
        "Round {round}: every entry already has its judges; nothing changed.",
    ),
    "assign_bad_override": (
        "Phân công thủ công không hợp lệ: {value} (cần dạng MÃ_BÀI=MÃ_GK[,MÃ_GK]).",
        "Not a valid manual override: {value} (expected ENTRY=JUDGE[,JUDGE]).",
    ),
    "assign_bad_usage": (
        "Thừa tham số {word}; để chuyển bài của giám khảo nghỉ, dùng: assign drop DB --judge MÃ",
        "Unexpected argument {word}; to move a dropped judge's entries use: "
        "assign drop DB --judge CODE",
    ),
    "assign_missing_option": (
        "Thiếu tuỳ chọn {option}.",
        "The option {option} is missing.",
    ),
    "assign_drop_done": (
        "Vòng {round}: đã chuyển {moved} bài chưa chấm của giám khảo {judge} cho người khác; "
        "giữ {kept} bài đã chấm (hạt giống ngẫu nhiên {seed}).",
        "Round {round}: moved judge {judge}'s {moved} ungraded entries to others; "
        "kept {kept} graded ones (seed {seed}).",
    ),
    # Identity-leak scanner (core/leaks.py)
    "leak_scan_workspace": (
        "{path} là tệp làm việc của giám khảo, không có đầu phách: hãy quét tệp cuộc thi của "
        "Ban giám khảo.",
        "{path} is a judge's workspace without identity records: scan the board's contest file.",
    ),
    "leak_scan_summary": (
        "{path}: đã quét {entries} bài — {hits} bài có dấu hiệu lộ danh tính, {clean} bài "
        "không thấy dấu hiệu, {not_checked} bài chưa kiểm tra được (ảnh, bản quét), "
        "{unreadable} bài không đọc được.",
        "{path}: {entries} entries scanned — {hits} with signs of identity, {clean} without, "
        "{not_checked} not checked (photos, scans), {unreadable} unreadable.",
    ),
    "leak_scan_advice": (
        "Bài có dấu hiệu lộ danh tính chuyển trưởng ban giám khảo xem; chỉ Ban giám khảo "
        "quyết định một bài không hợp lệ, có biên bản.",
        "Entries with signs of identity go to the head judge; only the board declares an entry "
        "invalid, in a recorded decision.",
    ),
    "leak_scan_entry": (
        "Bài {entry}: {status}",
        "Entry {entry}: {status}",
    ),
    "leak_scan_hit": (
        "  tệp {file}, trang {page}: {kind} ({confidence}): “{text}”",
        "  file {file}, page {page}: {kind} ({confidence}): “{text}”",
    ),
    "leak_scan_file_unchecked": (
        "  tệp {file}: chưa kiểm tra (ảnh hoặc bản quét không có lớp chữ)",
        "  file {file}: not checked (picture or scan without a text layer)",
    ),
    "leak_scan_file_unreadable": (
        "  tệp {file}: không đọc được ({reason})",
        "  file {file}: cannot be read ({reason})",
    ),
    "leak_scan_file_truncated": (
        "  tệp {file}: chỉ kiểm tra {checked} trang đầu trong {pages} trang",
        "  file {file}: only the first {checked} of {pages} pages checked",
    ),
    "leak_scan_no_identity": (
        "  (không có đầu phách: chỉ tìm số điện thoại, e-mail, tên trường, lớp và câu tự giới "
        "thiệu)",
        "  (no identity record: only phones, e-mails, schools, classes and self-introductions "
        "looked for)",
    ),
    "leak_status_clean": ("không thấy dấu hiệu", "no signs found"),
    "leak_status_hits": ("có dấu hiệu lộ danh tính", "signs of identity"),
    "leak_status_not_checked": ("chưa kiểm tra được", "not checked"),
    "leak_status_unreadable": ("không đọc được", "unreadable"),
    "leak_kind_name": ("họ tên", "name"),
    "leak_kind_unit": ("tên trường, đơn vị", "school or unit"),
    "leak_kind_phone": ("số điện thoại của người dự thi", "the entrant's phone number"),
    "leak_kind_phone_any": ("số điện thoại", "a phone number"),
    "leak_kind_email": ("địa chỉ e-mail", "e-mail address"),
    "leak_kind_class": ("lớp", "class"),
    "leak_kind_phrase": ("câu tự giới thiệu", "self-introduction"),
    "leak_confidence_strong": ("rõ", "strong"),
    "leak_confidence_weak": ("cần xem lại", "weak"),
    # Keys (exchange/keys.py)
    "key_created": (
        "Đã tạo khoá “{name}”. Dấu vân tay: {fingerprint}",
        "Key “{name}” created. Fingerprint: {fingerprint}",
    ),
    "key_location": (
        "Khoá bí mật (đã mã hoá bằng cụm mật khẩu) lưu tại: {path}",
        "Private key (encrypted with the passphrase) stored at: {path}",
    ),
    "key_head_pinned": (
        "Đã ghim khoá này cho trưởng ban giám khảo {judge} trong {path}.",
        "This key is pinned as head judge {judge}'s key in {path}.",
    ),
    "key_list_item": (
        "{fingerprint}  {name}  (tạo lúc {created})",
        "{fingerprint}  {name}  (created {created})",
    ),
    "key_list_empty": (
        "Máy này chưa có khoá nào (thư mục khoá: {path}).",
        "No keys on this computer yet (key folder: {path}).",
    ),
    "key_exported": (
        "Đã ghi khoá công khai {fingerprint} ra {path}.",
        "Public key {fingerprint} written to {path}.",
    ),
    "key_fingerprint_of": (
        "Dấu vân tay của {path}: {fingerprint}",
        "Fingerprint of {path}: {fingerprint}",
    ),
    "key_registered": (
        "Đã ghim khoá {fingerprint} cho giám khảo {judge} trong {path}.",
        "Key {fingerprint} pinned for judge {judge} in {path}.",
    ),
    "key_unchanged": (
        "Giám khảo {judge} đã có đúng khoá {fingerprint} trong {path}; không thay đổi gì.",
        "Judge {judge} already has key {fingerprint} in {path}; nothing changed.",
    ),
    "key_replaced": (
        "Đã thay khoá của giám khảo {judge} trong {path}: khoá mới {fingerprint}; "
        "khoá cũ {old} bị thu hồi, tệp ký bằng khoá cũ sẽ bị từ chối.",
        "Judge {judge}'s key replaced in {path}: new key {fingerprint}; "
        "old key {old} retired, files signed with it will be refused.",
    ),
    "key_prompt_passphrase": (
        "Cụm mật khẩu của khoá:",
        "Key passphrase:",
    ),
    "key_prompt_passphrase_again": (
        "Nhập lại cụm mật khẩu:",
        "Passphrase again:",
    ),
    "key_prompt_fingerprint": (
        "Gõ dấu vân tay mà giám khảo đọc cho bạn (khoá {path}):",
        "Type the fingerprint the judge reads to you (key {path}):",
    ),
    "key_name_required": (
        "Hãy đặt tên cho khoá (--name), ví dụ họ tên giám khảo.",
        "Give the key a name (--name), e.g. the judge's name.",
    ),
    "key_passphrase_too_short": (
        "Cụm mật khẩu quá ngắn: cần ít nhất {minimum} ký tự.",
        "The passphrase is too short: at least {minimum} characters are needed.",
    ),
    "key_passphrase_mismatch": (
        "Hai lần nhập cụm mật khẩu không khớp nhau.",
        "The two passphrases you typed differ.",
    ),
    "key_passphrase_needed": (
        "Cần cụm mật khẩu nhưng không có bàn phím để hỏi: dùng --passphrase-file "
        "hoặc biến môi trường {env}.",
        "A passphrase is needed but there is no terminal to ask: use --passphrase-file "
        "or the {env} environment variable.",
    ),
    "key_passphrase_file_invalid": (
        "Tệp cụm mật khẩu {path} không phải văn bản UTF-8 ngắn.",
        "The passphrase file {path} is not a short UTF-8 text file.",
    ),
    "key_wrong_passphrase": (
        "Sai cụm mật khẩu cho khoá {path}.",
        "Wrong passphrase for the key {path}.",
    ),
    "key_not_found": (
        "Máy này không có khoá nào có dấu vân tay {fingerprint} (xem: judge-app key list).",
        "No key on this computer has the fingerprint {fingerprint} (see: judge-app key list).",
    ),
    "key_ambiguous": (
        "Có {count} khoá bắt đầu bằng {fingerprint}; hãy gõ thêm ký tự.",
        "{count} keys start with {fingerprint}; type more of it.",
    ),
    "key_file_damaged": (
        "Tệp khoá {path} bị hỏng hoặc không khớp với tên của nó.",
        "The key file {path} is damaged or does not match its name.",
    ),
    "key_file_unreadable": (
        "Không đọc được tệp khoá {path}: {reason}",
        "Cannot read the key file {path}: {reason}",
    ),
    "key_file_invalid": (
        "Tệp {path} không phải khoá công khai dạng PEM.",
        "{path} is not a PEM public key.",
    ),
    "key_file_is_private": (
        "Tệp {path} chứa khoá BÍ MẬT, không phải khoá công khai: không gửi tệp này cho ai; "
        "hãy xuất khoá công khai bằng judge-app key export (và thay khoá nếu tệp đã gửi đi).",
        "{path} holds a PRIVATE key, not a public one: never send it to anyone; export the "
        "public key with judge-app key export (and replace the key if this file was sent).",
    ),
    "key_wrong_type": (
        "Tệp {path} chứa khoá {kind}; judge-app chỉ dùng khoá ECDSA P-256.",
        "{path} holds a {kind} key; judge-app uses ECDSA P-256 keys only.",
    ),
    "key_wrong_curve": (
        "Tệp {path} chứa khoá trên đường cong {curve}; judge-app chỉ dùng P-256.",
        "{path} holds a key on the curve {curve}; judge-app uses P-256 only.",
    ),
    "key_fingerprint_required": (
        "Hãy so dấu vân tay của {path} với giám khảo và ghi nó vào --fingerprint.",
        "Compare the fingerprint of {path} with the judge and give it as --fingerprint.",
    ),
    "key_fingerprint_mismatch": (
        "Dấu vân tay không khớp: giám khảo đọc {expected}, nhưng tệp {path} có {actual}. "
        "Không ghim khoá này.",
        "Fingerprints differ: the judge read {expected}, but {path} has {actual}. "
        "The key was not pinned.",
    ),
    "key_judge_not_found": (
        "Tệp cuộc thi {path} không có giám khảo mã {judge}.",
        "The contest file {path} has no judge with code {judge}.",
    ),
    "key_no_head_judge": (
        "Tệp cuộc thi {path} cần đúng một trưởng ban giám khảo (đang có {count}).",
        "The contest file {path} needs exactly one head judge (it has {count}).",
    ),
    "key_already_registered": (
        "Giám khảo {judge} đã có khoá {fingerprint} trong {path}; "
        "muốn đổi khoá hãy dùng judge-app key replace với lý do.",
        "Judge {judge} already has key {fingerprint} in {path}; "
        "to change it use judge-app key replace with a reason.",
    ),
    "key_not_registered": (
        "Giám khảo {judge} chưa có khoá trong {path}; hãy dùng judge-app key register.",
        "Judge {judge} has no key in {path} yet; use judge-app key register.",
    ),
    "key_same_as_current": (
        "Khoá trong {path} chính là khoá hiện tại của giám khảo {judge}.",
        "The key in {path} already is judge {judge}'s current key.",
    ),
    "key_retired": (
        "Khoá {fingerprint} đã bị thu hồi (của giám khảo {judge}) trong {path}; "
        "không dùng lại được.",
        "Key {fingerprint} was retired (judge {judge}'s) in {path}; it cannot be used again.",
    ),
    "key_used_by_other_judge": (
        "Khoá {fingerprint} đã được ghim cho giám khảo {judge} trong {path}; "
        "mỗi giám khảo cần khoá riêng.",
        "Key {fingerprint} is already pinned for judge {judge} in {path}; "
        "each judge needs their own key.",
    ),
    "key_reason_required": (
        "Hãy ghi lý do thay khoá (--reason), ví dụ “mất máy tính”.",
        "Give the reason for replacing the key (--reason), e.g. “laptop lost”.",
    ),
    "package_redacted": (
        "Đã che {characters} ký tự lộ danh tính trong {files} tệp của gói.",
        "Blacked out {characters} identifying characters in {files} files of the package.",
    ),
    # Grading packages (exchange/package.py)
    "package_created": (
        "Đã tạo gói chấm {path} cho giám khảo {judge}, vòng {round}: {entries} bài, {files} tệp.",
        "Grading package {path} made for judge {judge}, round {round}: {entries} entries, "
        "{files} files.",
    ),
    "package_judge_not_found": (
        "Tệp cuộc thi {path} không có giám khảo mã {judge}.",
        "The contest file {path} has no judge with code {judge}.",
    ),
    "package_judge_is_head": (
        "{judge} là trưởng ban giám khảo trong {path}: trưởng ban không nhận gói chấm.",
        "{judge} is the head judge in {path}: the head judge gets no grading package.",
    ),
    "package_no_head_key": (
        "Trưởng ban giám khảo {judge} chưa có khoá trong {path}; hãy tạo bằng "
        "judge-app key create --head.",
        "Head judge {judge} has no key in {path} yet; make one with judge-app key create --head.",
    ),
    "package_key_not_head": (
        "Khoá {fingerprint} không phải khoá của trưởng ban {judge} trong {path} ({head}).",
        "Key {fingerprint} is not head judge {judge}'s key in {path} ({head}).",
    ),
    "package_no_entries": (
        "Giám khảo {judge} không có bài nào ở vòng {round} trong {path}; hãy phân công trước.",
        "Judge {judge} has no entries in round {round} in {path}; assign the round first.",
    ),
    "package_source_changed": (
        "Tệp bài thi {path} đã thay đổi so với mã băm ghi khi nhận bài; không đóng gói.",
        "The entry file {path} differs from the hash recorded at intake; not packaged.",
    ),
    "package_file_refused": (
        "Không làm được bản sạch của tệp {path} (bài {entry}): {reason}. Hãy chuyển bài này "
        "cho trưởng ban hoặc bỏ phân công của nó rồi đóng gói lại.",
        "Cannot make the clean copy of {path} (entry {entry}): {reason}. Refer this entry to "
        "the head judge or remove its assignment, then package again.",
    ),
    "package_not_zip": (
        "Tệp {path} không phải gói chấm (không phải tệp zip).",
        "{path} is not a grading package (not a zip file).",
    ),
    "package_truncated": (
        "Gói chấm {path} bị cắt cụt hoặc hỏng; hãy xin trưởng ban gửi lại.",
        "The grading package {path} is truncated or damaged; ask the head judge to send it again.",
    ),
    "package_bad_member_name": (
        "Gói chấm {path} có mục tên không hợp lệ ({member}); bị từ chối.",
        "The grading package {path} has a member with an unsafe name ({member}); refused.",
    ),
    "package_manifest_missing": (
        "Gói chấm {path} thiếu bản kê (manifest.json).",
        "The grading package {path} has no manifest (manifest.json).",
    ),
    "package_signature_missing": (
        "Gói chấm {path} thiếu chữ ký (manifest.sig).",
        "The grading package {path} has no signature (manifest.sig).",
    ),
    "package_manifest_invalid": (
        "Bản kê của gói chấm {path} không đúng định dạng ({reason}).",
        "The manifest of the grading package {path} is malformed ({reason}).",
    ),
    "package_wrong_version": (
        "Gói chấm {path} có phiên bản định dạng {version}; ứng dụng này đọc phiên bản {supported}.",
        "The grading package {path} is format version {version}; this app reads version "
        "{supported}.",
    ),
    "package_bad_signature": (
        "Chữ ký của gói chấm {path} không hợp lệ: gói đã bị sửa hoặc không do trưởng ban ký.",
        "The signature of the grading package {path} is invalid: the package was changed or "
        "not signed by the head judge.",
    ),
    "package_head_unknown": (
        "Máy này chưa biết khoá của trưởng ban cho cuộc thi của gói {path}. Dấu vân tay trong "
        "gói: {fingerprint}. Hãy so với dấu vân tay trưởng ban đọc cho bạn rồi mở lại với "
        "--accept-fingerprint.",
        "This computer does not know the head judge's key for the contest of {path} yet. "
        "Fingerprint in the package: {fingerprint}. Compare it with the one the head judge "
        "reads to you, then open it again with --accept-fingerprint.",
    ),
    "package_head_mismatch": (
        "Dấu vân tay không khớp: trưởng ban đọc {expected}, nhưng gói {path} được ký bằng "
        "{actual}. Không mở gói này.",
        "Fingerprints differ: the head judge read {expected}, but {path} is signed with "
        "{actual}. The package was not opened.",
    ),
    "package_head_changed": (
        "Gói chấm {path} được ký bằng khoá {fingerprint}, không phải khoá trưởng ban đã ghim "
        "cho cuộc thi này ({pinned}); bị từ chối.",
        "The grading package {path} is signed with key {fingerprint}, not the head judge's key "
        "pinned for this contest ({pinned}); refused.",
    ),
    "package_member_edited": (
        "Tệp {member} trong gói chấm {path} đã bị sửa (mã băm không khớp); bị từ chối.",
        "The file {member} in the grading package {path} was changed (hash mismatch); refused.",
    ),
    "package_member_missing": (
        "Gói chấm {path} thiếu tệp {member} có trong bản kê.",
        "The grading package {path} lacks the file {member} its manifest lists.",
    ),
    "package_extra_member": (
        "Gói chấm {path} chứa mục {member} không có trong bản kê; bị từ chối.",
        "The grading package {path} holds {member}, which its manifest does not list; refused.",
    ),
    "package_foreign_contest": (
        "Gói chấm {path} thuộc cuộc thi {contest}, nhưng không gian chấm {workspace} là của "
        "cuộc thi {workspace_contest}.",
        "The grading package {path} belongs to contest {contest}, but the workspace "
        "{workspace} is contest {workspace_contest}'s.",
    ),
    "package_other_judge": (
        "Gói chấm {path} dành cho giám khảo {judge}, nhưng không gian chấm {workspace} là của "
        "giám khảo {workspace_judge}.",
        "The grading package {path} is for judge {judge}, but the workspace {workspace} is "
        "judge {workspace_judge}'s.",
    ),
    "workspace_not_workspace": (
        "Tệp {path} không phải không gian chấm của giám khảo (đó là tệp của ban giám khảo).",
        "{path} is not a judge's workspace (it is the board's contest file).",
    ),
    "workspace_file_unknown": (
        "Không gian chấm {path} không có tệp số {n} của bài {entry}.",
        "The workspace {path} has no file {n} of entry {entry}.",
    ),
    "workspace_opened": (
        "Đã mở gói {package} vào không gian chấm {path}: giám khảo {judge}, vòng {round}, "
        "thêm {entries} bài, {files} tệp.",
        "Opened {package} into the workspace {path}: judge {judge}, round {round}, "
        "{entries} entries and {files} files added.",
    ),
    "workspace_head_pinned": (
        "Đã ghim khoá của trưởng ban ({fingerprint}) cho cuộc thi này trên máy.",
        "The head judge's key ({fingerprint}) is now pinned for this contest on this computer.",
    ),
    "workspace_prompt_fingerprint": (
        "Dấu vân tay trong gói: {fingerprint}\nGõ dấu vân tay mà trưởng ban đọc cho bạn:",
        "Fingerprint in the package: {fingerprint}\nType the fingerprint the head judge reads "
        "to you:",
    ),
    # --- redaction boxes (h4-redaction: intake/redaction_boxes, documents/redaction_burn) ---
    "redaction_box_format": (
        "Ô che phải là bốn số từ 0 đến 1: x0,y0,x1,y1 (nhận được: {text}).",
        "A redaction box is four numbers from 0 to 1: x0,y0,x1,y1 (got: {text}).",
    ),
    "redaction_entry_not_found": (
        "Tệp cuộc thi {path} không có bài số phách {entry}.",
        "The contest file {path} has no entry with the code {entry}.",
    ),
    "redaction_file_not_found": (
        "Bài {entry} có {files} tệp; không có tệp số {file}.",
        "Entry {entry} has {files} files; there is no file {file}.",
    ),
    "redaction_file_unreadable": (
        "Tệp {path} không mở được nên không vẽ ô che lên được; tệp này không đến tay giám khảo.",
        "{path} cannot be opened, so no box can be drawn on it; it never reaches a judge.",
    ),
    "redaction_box_outside": (
        "Ô che {box} nằm ngoài trang: mỗi số phải từ 0 đến 1 (phần của chiều rộng, chiều cao).",
        "The box {box} lies outside the page: each number must be from 0 to 1 (a share of the "
        "width or height).",
    ),
    "redaction_box_empty": (
        "Ô che {box} rỗng hoặc quá nhỏ: x1 phải lớn hơn x0 và y1 lớn hơn y0.",
        "The box {box} is empty or too small: x1 must be greater than x0 and y1 than y0.",
    ),
    "redaction_page_missing": (
        "Tệp {path} có {pages} trang; không có trang {page}.",
        "{path} has {pages} pages; there is no page {page}.",
    ),
    "redaction_box_not_found": (
        "Không có ô che số {box} trong tệp cuộc thi {path}.",
        "There is no redaction box number {box} in the contest file {path}.",
    ),
    "redaction_burn_failed": (
        "không tô đen được ô che vào bản của giám khảo ({reason})",
        "the redaction boxes could not be burned into the judge's copy ({reason})",
    ),
    "redaction_box_kind": (
        "loại tệp này không mang được ô che",
        "this kind of file cannot carry redaction boxes",
    ),
    "redaction_box_added": (
        "Đã thêm ô che số {box}: bài {entry}, tệp {file}, trang {page}.",
        "Redaction box {box} added: entry {entry}, file {file}, page {page}.",
    ),
    "redaction_box_removed": (
        "Đã xoá ô che số {box}: bài {entry}, tệp {file}, trang {page}.",
        "Redaction box {box} removed: entry {entry}, file {file}, page {page}.",
    ),
    "redaction_box_line": (
        "#{box}  bài {entry}  tệp {file}  trang {page}  {rect}  ({by})",
        "#{box}  entry {entry}  file {file}  page {page}  {rect}  ({by})",
    ),
    "redaction_boxes_none": (
        "Chưa có ô che nào.",
        "No redaction boxes yet.",
    ),
    "redaction_packages_stale": (
        "Các gói chấm đã làm trước thay đổi này cần làm lại và gửi lại: {packages}.",
        "Grading packages made before this change must be remade and sent again: {packages}.",
    ),
    "redaction_package_name": (
        "{judge} (vòng {round})",
        "{judge} (round {round})",
    ),
    "redaction_preview_written": (
        "Đã lưu trang {page} của bản giám khảo nhận (bài {entry}, tệp {file}) vào {out}: "
        "{characters} ký tự bị che tự động, {boxes} ô che.",
        "Page {page} of the judge's copy (entry {entry}, file {file}) saved as {out}: "
        "{characters} characters blacked out automatically, {boxes} boxes burned.",
    ),
    "redaction_preview_not_checked": (
        "Tệp này không có chữ đánh máy (ảnh, bản quét): hãy vẽ ô che lên họ tên, trường.",
        "This file has no typed text (photo, scan): draw boxes over names and schools.",
    ),
    # --- grading workspace (h7-grading-data: store/grading.py, scores CLI) ---
    "grading_not_a_workspace": (
        "Tệp {path} không phải là không gian chấm của một giám khảo (cần đúng một giám khảo "
        "và một cuộc thi).",
        "{path} is not a judge's grading workspace (it needs exactly one judge and one contest).",
    ),
    "grading_entry_unknown": (
        "Bài {entry} không được giao cho giám khảo trong không gian chấm {path}.",
        "Entry {entry} is not assigned to the judge of the workspace {path}.",
    ),
    "grading_criterion_unknown": (
        "Tiêu chí số {criterion} không có trong hướng dẫn chấm của {path}.",
        "Criterion {criterion} is not in the rubric of {path}.",
    ),
    "grading_question_unknown": (
        "Câu hỏi số {question} không có trong hướng dẫn chấm của {path}.",
        "Question {question} is not in the rubric of {path}.",
    ),
    "answer_not_an_option": (
        "Câu {number}: “{value}” không phải là một phương án ({options}).",
        "Question {number}: “{value}” is not one of the options ({options}).",
    ),
    "grading_flag_unknown": (
        "Không có loại báo cáo “{flag}” (các loại: {known}).",
        "There is no flag “{flag}” (flags: {known}).",
    ),
    "page_note_invalid": (
        "Ghi chú trên trang của bài {entry} phải có nội dung và nằm trong trang.",
        "A page note on entry {entry} needs a text and a point inside the page.",
    ),
    "page_note_unknown": (
        "Bài {entry} không có ghi chú trên trang số {note}.",
        "Entry {entry} has no page note {note}.",
    ),
    "grading_incomplete": (
        "Chưa nộp được bài {entry}: còn thiếu {missing}.",
        "Entry {entry} cannot be submitted yet: {missing} still missing.",
    ),
    "grading_blocked": (
        "Chưa nộp được bài {entry}: bài đang được báo cáo trưởng ban ({flags}); "
        "hãy bỏ báo cáo khi đã chấm được.",
        "Entry {entry} cannot be submitted: it is flagged for the head judge ({flags}); "
        "clear the flag once it can be graded.",
    ),
    "bank_comment_empty": (
        "Nhận xét mẫu không được để trống.",
        "A reusable comment cannot be empty.",
    ),
    "bank_comment_not_removable": (
        "Nhận xét mẫu số {comment} không phải do giám khảo thêm nên không xoá được.",
        "Reusable comment {comment} was not added by the judge, so it cannot be removed.",
    ),
    "scores_import_rejected": (
        "Không nhập gì từ {path}: có {count} lỗi (xem các dòng ở trên); sửa tệp rồi nhập lại.",
        "Nothing imported from {path}: {count} problems (listed above); fix the file and "
        "import it again.",
    ),
    "scores_import_row_problem": (
        "Dòng {row}: {reason}",
        "Row {row}: {reason}",
    ),
    "scores_import_cell_problem": (
        "Dòng {row}, cột “{column}”: {reason}",
        "Row {row}, column “{column}”: {reason}",
    ),
    "scores_import_no_header": (
        "Không tìm thấy dòng tiêu đề có cột số phách (“Số phách” hoặc “code”) trong {path}.",
        "No header row with an entry code column (“Số phách” or “code”) in {path}.",
    ),
    "scores_import_column_unknown": (
        "Cột “{column}” không phải tiêu chí, câu hỏi, nhận xét hay tổng điểm (các tiêu chí: "
        "{known}).",
        "Column “{column}” is not a criterion, question, comment or total (criteria: {known}).",
    ),
    "scores_import_column_twice": (
        "Cột “{column}” trùng với cột “{other}”.",
        "Column “{column}” repeats column “{other}”.",
    ),
    "scores_import_code_missing": (
        "Thiếu số phách.",
        "The entry code is missing.",
    ),
    "scores_import_code_twice": (
        "Bài {entry} đã có ở dòng {first}.",
        "Entry {entry} already appears on row {first}.",
    ),
    "scores_import_empty": (
        "Tệp {path} không có dòng điểm nào.",
        "{path} holds no score rows.",
    ),
    "scores_import_total_mismatch": (
        "Tổng điểm ghi trong tệp là {given} nhưng cộng lại được {computed} (bài {entry}).",
        "The file gives a total of {given} but the scores add up to {computed} (entry {entry}).",
    ),
    "scores_imported": (
        "Đã nhập {path} vào {workspace}: {rows} bài, {scores} điểm tiêu chí, {answers} câu trắc "
        "nghiệm, {comments} nhận xét, {submitted} bài đã nộp.",
        "Imported {path} into {workspace}: {rows} entries, {scores} criterion scores, {answers} "
        "multiple-choice answers, {comments} comments, {submitted} entries submitted.",
    ),
    "scores_list_summary": (
        "Giám khảo {judge}: đã chấm {done}/{total}.",
        "Judge {judge}: {done}/{total} submitted.",
    ),
    "grading_progress_not_started": ("chưa chấm", "not started"),
    "grading_progress_draft": ("đang chấm", "draft"),
    "grading_progress_submitted": ("đã nộp", "submitted"),
    "grading_progress_flagged": ("báo cáo trưởng ban", "flagged"),
    # --- signed score files and merge (issue #7) ------------------------------------------
    "file_unreadable": (
        "Không đọc được tệp {path} ({reason}).",
        "Cannot read {path} ({reason}).",
    ),
    "score_file_malformed": (
        "Tệp {path} không phải tệp điểm hợp lệ của judge-app (hỏng hoặc bị cắt cụt ở: {reason}).",
        "{path} is not a valid judge-app score file (damaged or truncated at: {reason}).",
    ),
    "score_file_too_large": (
        "Tệp {path} quá lớn cho một tệp điểm ({size_mb} MB).",
        "{path} is too large for a score file ({size_mb} MB).",
    ),
    "score_file_version": (
        "Tệp điểm {path} có phiên bản định dạng {version} mà ứng dụng này không đọc được; "
        "hãy cập nhật judge-app.",
        "The score file {path} has format version {version}, which this app cannot read; "
        "update judge-app.",
    ),
    "score_file_edited": (
        "Tệp điểm {path} đã bị sửa sau khi ký (nội dung khác với bản đã ký); không nhận.",
        "The score file {path} was edited after it was signed; refused.",
    ),
    "score_export_not_workspace": (
        "{path} không phải bàn chấm của giám khảo; chỉ xuất tệp điểm từ bàn chấm.",
        "{path} is not a judge's workspace; score files are exported from a workspace.",
    ),
    "score_export_nothing": (
        "Bàn chấm {path} chưa có bài nào được phân công; không có gì để xuất.",
        "The workspace {path} has no assigned entries; nothing to export.",
    ),
    "score_export_done": (
        "Đã xuất tệp điểm {path}: giám khảo {judge}, vòng {round}, lần xuất {revision}, "
        "{entries} bài ({submitted} đã nộp). Mã băm SHA-256: {sha256}",
        "Exported the score file {path}: judge {judge}, round {round}, revision {revision}, "
        "{entries} entries ({submitted} submitted). SHA-256: {sha256}",
    ),
    "score_verify_ok": (
        "Chữ ký hợp lệ: tệp {path} do khoá {fingerprint} ký (giám khảo {judge}, vòng {round}, "
        "lần xuất {revision}, {entries} bài).",
        "Valid signature: {path} was signed by key {fingerprint} (judge {judge}, round {round}, "
        "revision {revision}, {entries} entries).",
    ),
    "score_verify_unchecked": (
        "Tệp {path} đọc được, nhưng CHƯA kiểm tra chữ ký: hãy chỉ ra khoá công khai của giám "
        "khảo bằng --key. Tệp tự nhận khoá {fingerprint}.",
        "{path} is readable, but its signature is NOT checked: give the judge's public key with "
        "--key. The file claims key {fingerprint}.",
    ),
    "score_verify_bad": (
        "Chữ ký của tệp {path} KHÔNG khớp với khoá {fingerprint}; không tin tệp này.",
        "The signature of {path} does NOT match key {fingerprint}; do not trust this file.",
    ),
    "merge_not_board": (
        "{path} không phải tệp cuộc thi của ban giám khảo; chỉ ghép điểm vào tệp cuộc thi.",
        "{path} is not the board's contest file; score files are merged into the contest file.",
    ),
    "merge_other_contest": (
        "Tệp điểm {path} thuộc một cuộc thi khác; không nhận.",
        "The score file {path} belongs to another contest; refused.",
    ),
    "merge_unknown_judge": (
        "Tệp điểm {path} ghi giám khảo {judge}, không có trong cuộc thi này; không nhận.",
        "The score file {path} names judge {judge}, who is not in this contest; refused.",
    ),
    "merge_key_not_registered": (
        "Chưa đăng ký khoá của giám khảo {judge}: hãy so dấu vân tay rồi chạy "
        "'judge-app key register' trước khi ghép {path}.",
        "Judge {judge} has no registered key: compare the fingerprint and run "
        "'judge-app key register' before merging {path}.",
    ),
    "merge_key_replaced": (
        "Tệp điểm {path} được ký bằng khoá cũ {fingerprint} của giám khảo {judge}, khoá này đã "
        "bị thay; không nhận tệp mới ký bằng khoá cũ.",
        "The score file {path} is signed with judge {judge}'s old key {fingerprint}, which was "
        "replaced; files signed with a replaced key are refused.",
    ),
    "merge_key_mismatch": (
        "Tệp điểm {path} ký bằng khoá {fingerprint}, không phải khoá đã đăng ký của giám khảo "
        "{judge} ({pinned}); không nhận.",
        "The score file {path} is signed with key {fingerprint}, not judge {judge}'s registered "
        "key ({pinned}); refused.",
    ),
    "merge_bad_signature": (
        "Chữ ký của tệp điểm {path} không đúng với khoá đã đăng ký của giám khảo {judge}: tệp "
        "đã bị sửa hoặc không phải do giám khảo này ký; không nhận.",
        "The signature of {path} does not match judge {judge}'s registered key: the file was "
        "altered or not signed by this judge; refused.",
    ),
    "merge_revision_conflict": (
        "CẢNH BÁO: đã ghép một tệp khác cũng là lần xuất {revision} của giám khảo {judge}; hai "
        "tệp khác nhau cùng nhận một lần xuất. Tệp {path} không được nhận; hãy hỏi giám khảo.",
        "WARNING: another file was merged as revision {revision} of judge {judge}; two "
        "different files claim one revision. {path} is refused; ask the judge.",
    ),
    "merge_revision_old": (
        "Tệp điểm {path} là lần xuất {revision} của giám khảo {judge}, cũ hơn lần xuất {newest} "
        "đã ghép; không nhận (tránh quay lại điểm cũ).",
        "The score file {path} is revision {revision} of judge {judge}, older than revision "
        "{newest} already merged; refused (no rollback to older scores).",
    ),
    "merge_not_assigned": (
        "Tệp điểm {path} có {count} bài không phân công cho giám khảo {judge} ({entries}); "
        "không nhận tệp.",
        "The score file {path} holds {count} entries not assigned to judge {judge} "
        "({entries}); refused.",
    ),
    "merge_score_invalid": (
        "Tệp điểm {path}: điểm tiêu chí {criterion} của bài {entry} ngoài thang điểm; không nhận.",
        "Score file {path}: the score of criterion {criterion} for entry {entry} is off the "
        "scale; refused.",
    ),
    "merge_unknown_criterion": (
        "Tệp điểm {path}: bài {entry} có tiêu chí {criterion} không có trong hướng dẫn chấm.",
        "Score file {path}: entry {entry} has criterion {criterion}, which is not in the rubric.",
    ),
    "merge_unknown_question": (
        "Tệp điểm {path}: bài {entry} có câu trắc nghiệm {question} không hợp lệ.",
        "Score file {path}: entry {entry} has an invalid multiple-choice question {question}.",
    ),
    "merge_total_mismatch": (
        "Tệp điểm {path}: tổng điểm {total} của bài {entry} không bằng tổng các phần; không nhận.",
        "Score file {path}: the total {total} of entry {entry} is not the sum of its parts; "
        "refused.",
    ),
    "reveal_before_lock": (
        "Chưa khoá điểm: đầu phách của {path} chỉ được ghép sau khi khoá điểm ('judge-app lock'). "
        'Nếu Ban giám khảo buộc phải ghép phách sớm, hãy ghi lý do bằng --before-lock "…" '
        "(lý do được ghi vào nhật ký).",
        "The scores of {path} are not locked: identities are revealed only after the lock "
        "('judge-app lock'). If the board must reveal earlier, give the reason with "
        '--before-lock "…" (it is kept in the audit log).',
    ),
    "receive_list_attachment_unused": (
        "Bảng tính {path} gửi kèm bài không được dùng làm danh sách dự thi (đã có danh sách "
        "khác); không coi là bài dự thi.",
        "The spreadsheet {path} sent with the entries was not used as the participant list "
        "(another list was); it is not an entry.",
    ),
    "receive_list_attachment_unreadable": (
        "Không đọc được danh sách dự thi {path} gửi kèm bài ({reason}); bài vẫn được nhận, "
        "hãy kiểm tra danh sách bằng 'Kiểm tra danh sách dự thi…'.",
        "The participant list {path} sent with the entries cannot be read ({reason}); the "
        "entries are received, check the list with 'Check a participant list…'.",
    ),
    "mailbox_list_needs_unit": (
        "--list dùng cho một đơn vị: hãy ghi --unit, hoặc để danh sách trong thư của đơn vị.",
        "--list is for one unit: give --unit, or leave the list in the unit's e-mail.",
    ),
    "mailbox_email_unreadable": (
        "Không đọc được thư {path}; hãy tiếp nhận bằng tay (--unit).",
        "Cannot read the e-mail {path}; receive it by hand (--unit).",
    ),
    "mailbox_email_too_large": (
        "Thư {path} quá lớn; hãy tiếp nhận bằng tay (--unit).",
        "The e-mail {path} is too large; receive it by hand (--unit).",
    ),
    "mailbox_email_no_unit": (
        "Không biết đơn vị nào gửi thư {path} (địa chỉ chưa đăng ký, tiêu đề không có mã hay tên "
        "đơn vị); hãy tiếp nhận bằng tay (--unit).",
        "No unit is known to have sent {path} (address not registered, no unit code or name in "
        "the subject); receive it by hand (--unit).",
    ),
    "mailbox_email_ambiguous": (
        "Thư {path} có thể của nhiều đơn vị; không đoán: hãy tiếp nhận bằng tay (--unit).",
        "The e-mail {path} could be from several units; not guessed: receive it by hand (--unit).",
    ),
    "rounding_rule_unknown": (
        "Quy tắc làm tròn '{rule}' không có; dùng half_up_2, half_up_1 hoặc half_up_quarter.",
        "Unknown rounding rule '{rule}'; use half_up_2, half_up_1 or half_up_quarter.",
    ),
    "decision_reason_required": (
        "Bài {entry}: phải ghi lý do cho quyết định (lý do được ghi vào biên bản và nhật ký).",
        "Entry {entry}: a decision needs a reason (it goes into the record and the audit log).",
    ),
    "decision_unknown_entry": (
        "Không có bài mang số phách {entry} trong {path}.",
        "There is no entry with code {entry} in {path}.",
    ),
    "decision_score_required": (
        "Bài {entry}: hãy ghi điểm quyết định (--score).",
        "Entry {entry}: give the decided score (--score).",
    ),
    "decision_score_invalid": (
        "Bài {entry}: điểm {score} không hợp lệ (từ 0 đến {maximum}, tối đa hai chữ số thập phân).",
        "Entry {entry}: the score {score} is not valid (0 to {maximum}, at most two decimals).",
    ),
    "decision_not_in_discussion": (
        "Bài {entry} không ở diện trao đổi (đang ở: {queue}); quyết định của trưởng ban dùng "
        "--kind head.",
        "Entry {entry} is not in discussion (it is: {queue}); a head judge's decision uses "
        "--kind head.",
    ),
    "decision_recorded": (
        "Đã ghi quyết định cho bài {entry}: {queue}, điểm {score}.",
        "Recorded the decision for entry {entry}: {queue}, score {score}.",
    ),
    "queue_summary": (
        "{waiting} chờ chấm, {agreed} thống nhất, {discuss} cần trao đổi, {third} cần chấm lần 3, "
        "{third_assigned} đang chấm lần 3, {head} trưởng ban quyết định, {decided} đã quyết định, "
        "{invalid} không hợp lệ.",
        "{waiting} waiting, {agreed} agreed, {discuss} to discuss, {third} need a third grading, "
        "{third_assigned} third grading assigned, {head} for the head judge, {decided} decided, "
        "{invalid} invalid.",
    ),
    "assign_third_none": (
        "Không có bài nào cần chấm lần 3.",
        "No entry needs a third grading.",
    ),
    "assign_third_done": (
        "Đã phân công chấm lần 3 cho {entries} bài (vòng {round}, hạt giống {seed}).",
        "Assigned a third grading for {entries} entries (round {round}, seed {seed}).",
    ),
    "key_fingerprint_line": (
        "Dấu vân tay khoá ký: {fingerprint}",
        "Signing key fingerprint: {fingerprint}",
    ),
    "score_export_choose_key": (
        "Máy này có {count} khoá ký; hãy chọn khoá của bạn bằng --key (xem 'judge-app key list'), "
        "hoặc tạo khoá bằng 'judge-app key create'.",
        "This computer has {count} signing keys; choose yours with --key (see 'judge-app key "
        "list'), or create one with 'judge-app key create'.",
    ),
    "merge_file_changed": (
        "Tệp điểm {path} thay đổi trong lúc đang ghép; hãy ghép lại.",
        "The score file {path} changed while it was being merged; merge it again.",
    ),
    "merge_file_merged": (
        "Đã ghép {path}: giám khảo {judge}, lần xuất {revision}, {entries} bài.",
        "Merged {path}: judge {judge}, revision {revision}, {entries} entries.",
    ),
    "merge_file_unchanged": (
        "{path} đã được ghép trước đây (giống hệt từng byte); không thay đổi gì.",
        "{path} was merged before (byte for byte); nothing changed.",
    ),
    "merge_file_refused": (
        "KHÔNG NHẬN {path}: {reason}",
        "REFUSED {path}: {reason}",
    ),
    "merge_unknown_files": (
        "Lưu ý: giám khảo {judge} đã xem tệp khác với tệp của cuộc thi ở {count} bài: {entries}",
        "Note: judge {judge} saw files that differ from the contest's in {count} entries: "
        "{entries}",
    ),
    # --- contest set-up wizard (ui/setup_*.py) ---
    "setup_file_required": (
        "Hãy chọn nơi lưu tệp cuộc thi sẽ được tạo.",
        "Choose where the new contest file goes.",
    ),
    "setup_passphrase_mismatch": (
        "Hai lần nhập cụm mật khẩu không giống nhau; hãy nhập lại cả hai.",
        "The two passphrases differ; type both again.",
    ),
    "setup_row_problem": (
        "Dòng {row}: {problem}",
        "Row {row}: {problem}",
    ),
    # Contest set-up, configuration, rubric file, unit list, judge table (intake/contest_*.py,
    # intake/judges.py, intake/unit_list.py)
    "contest_config_invalid": (
        "Cấu hình cuộc thi {source} có {count} lỗi; lỗi đầu tiên ở {field}: {reason}",
        "The contest configuration {source} has {count} problem(s); the first is at {field}: "
        "{reason}",
    ),
    "rubric_invalid": (
        "Tệp hướng dẫn chấm {source} có {count} lỗi; lỗi đầu tiên ở {field}: {reason}",
        "The rubric file {source} has {count} problem(s); the first is at {field}: {reason}",
    ),
    "config_source_form": ("biểu mẫu thiết lập cuộc thi", "the contest set-up form"),
    "config_problem_line": ("  {field}: {reason}", "  {field}: {reason}"),
    "contest_config_too_big": (
        "Tệp cấu hình {path} quá lớn ({size_mb} MB; tối đa {limit_mb} MB).",
        "The configuration file {path} is too large ({size_mb} MB; at most {limit_mb} MB).",
    ),
    "contest_config_unreadable": (
        "Không đọc được tệp cấu hình {path}: {reason}",
        "Cannot read the configuration file {path}: {reason}",
    ),
    "contest_config_not_utf8": (
        "Tệp cấu hình {path} không phải văn bản UTF-8 (byte {offset}); hãy lưu lại với mã hoá "
        "UTF-8.",
        "The configuration file {path} is not UTF-8 text (byte {offset}); save it again as UTF-8.",
    ),
    "contest_config_bad_json": (
        "Tệp cấu hình {path} không phải JSON hợp lệ: dòng {line}, cột {column} ({reason}).",
        "The configuration file {path} is not valid JSON: line {line}, column {column} ({reason}).",
    ),
    "config_reason_not_object": ("phải là một đối tượng JSON", "must be a JSON object"),
    "config_reason_unknown_key": (
        "khoá không được hỗ trợ (sai chính tả?)",
        "unknown key (a typo?)",
    ),
    "config_reason_required": ("bắt buộc phải có", "required"),
    "config_reason_not_list": ("phải là một danh sách", "must be a list"),
    "config_reason_not_text": ("phải là chuỗi chữ", "must be text"),
    "config_reason_empty": ("không được để trống", "must not be empty"),
    "config_reason_bad_code": (
        "mã chỉ gồm chữ cái không dấu, chữ số và - _ . & (tối đa 32 ký tự)",
        "a code is ASCII letters, digits and - _ . & (at most 32 characters)",
    ),
    "config_reason_not_integer": ("phải là số nguyên", "must be a whole number"),
    "config_reason_not_bool": ("phải là true hoặc false", "must be true or false"),
    "config_reason_not_score": (
        "không phải điểm hợp lệ (ví dụ “0.25”)",
        "not a valid score (e.g. “0.25”)",
    ),
    "config_reason_out_of_range": (
        "điểm âm, bằng 0 ở chỗ phải dương, hoặc quá lớn",
        "negative, zero where it must be positive, or too large",
    ),
    "config_reason_off_grid": ("phải là bội của 0,25", "must be a multiple of 0.25"),
    "config_reason_not_date": ("không phải ngày dạng YYYY-MM-DD", "not a date as YYYY-MM-DD"),
    "config_reason_not_datetime": (
        "không phải ngày giờ dạng YYYY-MM-DDTHH:MM:SS",
        "not a date and time as YYYY-MM-DDTHH:MM:SS",
    ),
    "config_reason_timezone": (
        "ghi giờ địa phương, không kèm múi giờ",
        "write local time, without a time zone",
    ),
    "config_reason_duplicate_number": (
        "số thứ tự trùng với một mục trước",
        "the number repeats an earlier one",
    ),
    "config_reason_duplicate_code": (
        "mã trùng với một mục trước",
        "the code repeats an earlier one",
    ),
    "config_reason_duplicate_grade": (
        "hai đối tượng cùng một lớp",
        "two categories for the same grade",
    ),
    "config_reason_duplicate_level": ("mức giải lặp lại", "the prize level is repeated"),
    "config_reason_duplicate_rule": ("quy tắc lặp lại", "the rule is repeated"),
    "config_reason_answer_not_option": (
        "đáp án không nằm trong các phương án",
        "the answer is not one of the options",
    ),
    "config_reason_bad_options": (
        "phương án phải là 2–16 chữ cái khác nhau, ví dụ ABCD",
        "options must be 2–16 distinct letters, e.g. ABCD",
    ),
    "config_reason_no_rubric": (
        "cần ít nhất một câu trắc nghiệm hoặc một tiêu chí",
        "at least one question or criterion is needed",
    ),
    "config_reason_version": (
        "phiên bản định dạng không được hỗ trợ (cần 1)",
        "unsupported format version (expected 1)",
    ),
    "config_reason_grade_staff": (
        "đối tượng cán bộ, giáo viên, nhân viên không có lớp",
        "a staff category has no grade",
    ),
    "config_reason_unknown_group": (
        "không có nhóm đơn vị mã này trong unit_groups",
        "no unit group with this code in unit_groups",
    ),
    "config_reason_unknown_category": (
        "không có đối tượng mã này trong categories",
        "no category with this code in categories",
    ),
    "config_reason_unknown_unit": (
        "không có đơn vị mã này trong units",
        "no unit with this code in units",
    ),
    "config_reason_conflict_own_unit": (
        "đơn vị của chính giám khảo, vốn luôn là xung đột lợi ích",
        "the judge's own unit, always a conflict of interest",
    ),
    "config_reason_head_count": (
        "cần đúng một trưởng ban giám khảo (head: true)",
        "exactly one head judge (head: true) is required",
    ),
    "config_reason_level_order": (
        "các mức giải phải theo thứ tự Nhất, Nhì, Ba, Khuyến khích",
        "prize levels must be in the order first, second, third, consolation",
    ),
    "rubric_locked": (
        "Không thể thay hướng dẫn chấm của {path}: đã có {assignments} lượt phân công và "
        "{gradings} lượt chấm.",
        "The rubric of {path} cannot be replaced: it already has {assignments} assignments and "
        "{gradings} gradings.",
    ),
    "rubric_not_board": (
        "{path} là không gian chấm của giám khảo; chỉ tệp của ban giám khảo mới thay được "
        "hướng dẫn chấm.",
        "{path} is a judge's workspace; only the board's contest file can take a new rubric.",
    ),
    "rubric_below_quality": (
        "Hướng dẫn chấm {path} có tổng điểm {max_total}, thấp hơn ngưỡng đạt chất lượng "
        "{quality} của cuộc thi.",
        "The rubric {path} totals {max_total} points, below the contest's quality bar {quality}.",
    ),
    "judge_unknown": (
        "Không có giám khảo mã {judge} trong {path}.",
        "There is no judge with code {judge} in {path}.",
    ),
    "judge_unit_unknown": (
        "Không có đơn vị mã {unit} trong {path}.",
        "There is no unit with code {unit} in {path}.",
    ),
    "judge_exists": (
        "Đã có giám khảo mã {judge} trong {path}.",
        "{path} already has a judge with code {judge}.",
    ),
    "judge_second_head": (
        "{path} đã có trưởng ban giám khảo ({head}); không thể thêm {judge} làm trưởng ban thứ "
        "hai.",
        "{path} already has a head judge ({head}); {judge} cannot be a second one.",
    ),
    "judge_capacity_bad": (
        "Số bài tối đa của giám khảo phải từ 1 trở lên (đang là {capacity}).",
        "A judge's most entries must be 1 or more (got {capacity}).",
    ),
    "judge_code_bad": (
        "Mã giám khảo “{judge}” không hợp lệ: chỉ gồm chữ cái không dấu, chữ số và - _ . & "
        "(tối đa 32 ký tự).",
        "The judge code “{judge}” is not valid: ASCII letters, digits and - _ . & only "
        "(at most 32 characters).",
    ),
    "judge_name_missing": (
        "Giám khảo {judge} chưa có họ tên.",
        "Judge {judge} has no name.",
    ),
    "judge_conflict_own_unit": (
        "Đơn vị {unit} là đơn vị của chính giám khảo {judge}, vốn luôn được coi là xung đột "
        "lợi ích.",
        "{unit} is judge {judge}'s own unit, which is always a conflict of interest.",
    ),
    "unit_list_no_header": (
        "Không tìm thấy dòng tiêu đề của danh sách đơn vị trong {path} (cần cột “Tên đơn vị” "
        "hoặc “Trường”).",
        "No header row found in the unit list {path} (a “Tên đơn vị” or “Trường” column is "
        "needed).",
    ),
    "unit_list_name_missing": ("thiếu tên đơn vị", "unit name missing"),
    "unit_list_duplicate_code": (
        "mã đơn vị {code} đã có ở dòng trên",
        "the unit code {code} appears on an earlier row",
    ),
    "unit_list_duplicate_name": (
        "đơn vị “{name}” đã có ở dòng {first}",
        "the unit “{name}” is already on row {first}",
    ),
    "unit_list_code_bad": (
        "mã đơn vị “{code}” không hợp lệ (chữ cái không dấu, chữ số, - _ . &)",
        "the unit code “{code}” is not valid (ASCII letters, digits, - _ . &)",
    ),
    "unit_list_count_bad": (
        "số người ({category}) không phải số nguyên không âm: “{value}”",
        "the headcount ({category}) is not a whole number ≥ 0: “{value}”",
    ),
    "unit_list_group_unknown": (
        "nhóm “{group}” không có trong cấu hình",
        "the group “{group}” is not in the configuration",
    ),
    "unit_list_has_errors": (
        "Danh sách đơn vị {path} có {count} lỗi; chưa tạo cuộc thi.",
        "The unit list {path} has {count} problem(s); no contest was created.",
    ),
    "assign_capacity_short": (
        "Tổng số bài tối đa của các giám khảo ({available}) nhỏ hơn số lượt chấm cần "
        "({needed}); hãy nâng số bài tối đa hoặc thêm giám khảo.",
        "The judges' combined capacity ({available}) is below the gradings needed "
        "({needed}); raise a capacity or add judges.",
    ),
    "contest_created": (
        "Đã tạo cuộc thi “{name}” trong {path}: {groups} nhóm đơn vị, {categories} đối tượng, "
        "{units} đơn vị, {questions} câu trắc nghiệm, {criteria} tiêu chí, {judges} giám khảo.",
        "Created the contest “{name}” in {path}: {groups} unit groups, {categories} "
        "categories, {units} units, {questions} questions, {criteria} criteria, {judges} judges.",
    ),
    "contest_units_read": (
        "Đã đọc {count} đơn vị từ {path}.",
        "Read {count} units from {path}.",
    ),
    "contest_head_key": (
        "Khoá của trưởng ban {judge}: {fingerprint} (lưu tại {path}).",
        "Head judge {judge}'s key: {fingerprint} (kept in {path}).",
    ),
    "contest_head_key_later": (
        "Chưa tạo khoá cho trưởng ban; tạo sau bằng: judge-app key create --name TÊN --head {path}",
        "No key made for the head judge yet; make it later with: judge-app key create "
        "--name NAME --head {path}",
    ),
    "contest_exported": (
        "Đã ghi cấu hình cuộc thi vào {path}.",
        "Contest configuration written to {path}.",
    ),
    "contest_template_exported": (
        "Đã ghi mẫu cuộc thi cho năm sau vào {path}: không có người dự thi, bài dự thi, số "
        "người của đơn vị, xung đột và số bài tối đa của giám khảo; ngày tháng dời sang năm "
        "{year}.",
        "Template for next year written to {path}: no participants, entries, unit headcounts, "
        "judges' conflicts or capacities; dates moved to {year}.",
    ),
    "contest_show_title": ("{name}\n  {organiser} — năm {year}", "{name}\n  {organiser} — {year}"),
    "contest_show_group": (
        "  Nhóm {group} ({name}): nhận bài trước {deadline}",
        "  Group {group} ({name}): entries before {deadline}",
    ),
    "contest_show_no_deadline": ("không có hạn", "no deadline"),
    "contest_show_counts": (
        "  {categories} đối tượng, {units} đơn vị; {questions} câu trắc nghiệm, {criteria} "
        "tiêu chí; tổng {max_total} điểm",
        "  {categories} categories, {units} units; {questions} questions, {criteria} "
        "criteria; {max_total} points in all",
    ),
    "contest_show_rules": (
        "  Mỗi bài {k} giám khảo, bước điểm {step}; chênh lệch (thang 10): dưới {agree} thống "
        "nhất, đến {discuss} trao đổi, trên đó chấm lần 3",
        "  {k} judges per entry, score step {step}; gaps (10-point scale): under {agree} "
        "agreed, up to {discuss} discussed, above that a third grading",
    ),
    "contest_show_judges": (
        "  {judges} giám khảo (trưởng ban {head}); {keys} khoá đã ghim",
        "  {judges} judges (head judge {head}); {keys} keys pinned",
    ),
    "contest_show_progress": (
        "  {entries} bài dự thi, {participants} người dự thi, {assignments} lượt phân công, "
        "{gradings} lượt chấm",
        "  {entries} entries, {participants} participants, {assignments} assignments, "
        "{gradings} gradings",
    ),
    "rubric_exported": (
        "Đã ghi hướng dẫn chấm ({questions} câu, {criteria} tiêu chí, tổng {max_total} điểm) "
        "vào {path}.",
        "Rubric ({questions} questions, {criteria} criteria, {max_total} points) written to "
        "{path}.",
    ),
    "rubric_imported": (
        "Đã thay hướng dẫn chấm của {path}: {questions} câu, {criteria} tiêu chí, tổng "
        "{max_total} điểm.",
        "Replaced the rubric of {path}: {questions} questions, {criteria} criteria, "
        "{max_total} points.",
    ),
    "judge_added": (
        "Đã thêm giám khảo {judge} ({name}) vào {path}.",
        "Added judge {judge} ({name}) to {path}.",
    ),
    "judge_list_empty": ("Chưa có giám khảo nào trong {path}.", "{path} has no judges yet."),
    "judge_list_line": (
        "{marker} {judge}  {name}  đơn vị: {unit}  tối đa: {capacity}  xung đột: {conflicts}  "
        "khoá: {fingerprint}",
        "{marker} {judge}  {name}  unit: {unit}  most: {capacity}  conflicts: {conflicts}  "
        "key: {fingerprint}",
    ),
    "judge_conflicts_set": (
        "Giám khảo {judge}: xung đột lợi ích đã khai báo với {units}.",
        "Judge {judge}: declared conflicts of interest with {units}.",
    ),
    "judge_conflict_held": (
        "Lưu ý: {judge} đang giữ {count} bài của đơn vị vừa khai báo: {entries}; chuyển các bài "
        "chưa chấm bằng judge-app assign drop.",
        "Note: {judge} already holds {count} entries of the units just declared: {entries}; "
        "move the ungraded ones with judge-app assign drop.",
    ),
    "judge_capacity_set": (
        "Giám khảo {judge}: tối đa {capacity} bài mỗi vòng.",
        "Judge {judge}: at most {capacity} entries per round.",
    ),
    "judge_capacity_cleared": (
        "Giám khảo {judge}: không giới hạn số bài.",
        "Judge {judge}: no limit on entries.",
    ),
    "judge_capacity_value_bad": (
        "Số bài tối đa phải là số nguyên từ 1 trở lên, hoặc “none”: {value}",
        "The most entries must be a whole number of 1 or more, or “none”: {value}",
    ),
    # --- printable documents: score sheets, records, merge summary (reports/, h9-sheets) ---
    "sheet_written": (
        "Đã in phiếu chấm của giám khảo {judge}, vòng {round} ({entries} bài, {pages} trang): "
        "{path}",
        "Score sheet of judge {judge}, round {round} ({entries} entries, {pages} pages): {path}",
    ),
    "record_written": (
        "Đã lập biên bản xử lý điểm chênh lệch ({entries} bài, {pages} trang): {path}",
        "Record of discrepancies settled ({entries} entries, {pages} pages): {path}",
    ),
    "merge_summary_written": (
        "Đã lập báo cáo ghép tệp điểm ({entries} tệp, {pages} trang): {path}",
        "Merge summary ({entries} files, {pages} pages): {path}",
    ),
    "sheet_rubric_invalid": (
        "Không đọc được hướng dẫn chấm để in phiếu chấm: {reason}",
        "The rubric for the score sheet cannot be read: {reason}",
    ),
    "sheet_unknown_criterion": (
        "Tệp điểm {path} có tiêu chí {criterion} (bài {entry}) không có trong hướng dẫn chấm "
        "của cuộc thi đã chọn.",
        "The score file {path} has criterion {criterion} (entry {entry}), which the chosen "
        "contest's rubric does not have.",
    ),
    "sheet_bad_signature": (
        "Chữ ký số của tệp điểm {path} không khớp với khoá đã đăng ký của giám khảo {judge}: "
        "không in phiếu chấm từ tệp này.",
        "The score file {path} does not verify with judge {judge}'s registered key: no score "
        "sheet is printed from it.",
    ),
    "sheet_other_contest": (
        "Tệp điểm {path} thuộc một cuộc thi khác với tệp cuộc thi đã chọn.",
        "The score file {path} belongs to another contest than the chosen contest file.",
    ),
    "sheet_unknown_judge": (
        "Không có giám khảo {judge} trong tệp cuộc thi {path}.",
        "There is no judge {judge} in the contest file {path}.",
    ),
    "sheet_no_assignments": (
        "Giám khảo {judge} chưa được phân công bài nào trong {path}: không có phiếu chấm để in.",
        "Judge {judge} has no assigned entries in {path}: there is no score sheet to print.",
    ),
    "sheet_nothing": (
        "Chưa có bài nào được phân công cho giám khảo trong {path}: không có phiếu chấm để in.",
        "No entry is assigned to a judge in {path} yet: there is no score sheet to print.",
    ),
    "sheet_unwritable": (
        "Không ghi được tệp {path}: {reason}",
        "Cannot write {path}: {reason}",
    ),
    "sheet_preview_failed": (
        "Không hiển thị được bản xem trước của {path}: {reason}",
        "Cannot show the preview of {path}: {reason}",
    ),
    # Judge's key backup and restore (exchange/key_backup.py, ui/judge_key_dialogs.py)
    "key_backup_file_warning": (
        "Tệp này chứa khoá ký bí mật của giám khảo (đã mã hoá bằng cụm mật khẩu). Ai có cả "
        "tệp này và cụm mật khẩu đều ký được thay giám khảo: cất tệp tách khỏi máy tính, "
        "không gửi cho ai.",
        "This file holds a judge's secret signing key (encrypted with the passphrase). Anyone "
        "with both this file and the passphrase can sign as the judge: keep it apart from the "
        "computer and never send it to anyone.",
    ),
    "key_backup_written": (
        "Đã sao lưu khoá “{name}” ({fingerprint}) vào {path}. Cất tệp này tách khỏi máy tính.",
        "Key “{name}” ({fingerprint}) backed up to {path}. Keep this file apart from the computer.",
    ),
    "key_backup_restored": (
        "Đã khôi phục khoá “{name}” ({fingerprint}) từ {path} vào máy này.",
        "Key “{name}” ({fingerprint}) restored from {path} to this computer.",
    ),
    "key_backup_already_here": (
        "Khoá {fingerprint} trong {path} đã có sẵn trên máy này; không thay đổi gì.",
        "The key {fingerprint} in {path} is already on this computer; nothing changed.",
    ),
    "key_backup_invalid": (
        "Tệp {path} không phải bản sao lưu khoá của judge-app (hoặc đã bị cắt, bị sửa); "
        "không khôi phục gì.",
        "{path} is not a judge-app key backup (or it was cut short or edited); nothing was "
        "restored.",
    ),
    "key_backup_version": (
        "Bản sao lưu khoá {path} có định dạng phiên bản {version}, phiên bản judge-app này "
        "không đọc được; hãy cập nhật ứng dụng.",
        "The key backup {path} has format version {version}, which this judge-app cannot "
        "read; please update the app.",
    ),
    "key_backup_damaged": (
        "Bản sao lưu khoá {path} đã bị hỏng hoặc bị sửa (mã kiểm tra không khớp); không khôi "
        "phục gì. Hãy dùng một bản sao lưu khác.",
        "The key backup {path} is damaged or was edited (its checksum does not match); "
        "nothing was restored. Use another backup.",
    ),
    "key_backup_foreign": (
        "Bản sao lưu {path} không nhất quán: khoá bí mật trong đó không phải khoá {fingerprint} "
        "mà tệp ghi; không khôi phục gì.",
        "The backup {path} is inconsistent: its private key is not the key {fingerprint} the "
        "file names; nothing was restored.",
    ),
    "key_backup_wrong_passphrase": (
        "Cụm mật khẩu này không mở được khoá trong bản sao lưu {path}; không khôi phục gì.",
        "This passphrase does not open the key in the backup {path}; nothing was restored.",
    ),
    # --- results: lock, rankings, prizes, ties, school ranking (issue #8, h14-results) -------
    "results_not_board": (
        "{path} là tệp của giám khảo, không phải tệp cuộc thi của Ban giám khảo: không khoá "
        "hay xếp giải ở đây được.",
        "{path} is a judge's workspace, not the board's contest file: results cannot be "
        "locked or computed there.",
    ),
    "results_already_locked": (
        "Điểm của {path} đã được khoá lúc {at}; không cần khoá lại.",
        "The scores of {path} were already locked at {at}; nothing to lock.",
    ),
    "results_no_entries": (
        "{path} chưa có bài dự thi nào: không có gì để khoá.",
        "{path} has no entries yet: nothing to lock.",
    ),
    "results_lock_unsettled": (
        "Chưa khoá được điểm {path}: {count} bài chưa có điểm cuối cùng ({queues}): "
        "{entries}. Hãy chấm, thảo luận, chấm lần 3 hoặc để Trưởng ban quyết định trước.",
        "Cannot lock {path}: {count} entries have no final score yet ({queues}): {entries}. "
        "Finish their grading, discussion, third grading or head judge's decision first.",
    ),
    "results_not_locked": (
        "Điểm của {path} chưa được khoá: hãy khoá điểm (judge-app lock) trước khi xếp giải.",
        "The scores of {path} are not locked: lock them (judge-app lock) before computing results.",
    ),
    "results_appeal_open": (
        "{count} bài của {path} đang được phúc khảo ({entries}): hãy khoá điểm lại sau khi "
        "phúc khảo xong rồi mới xếp giải.",
        "{count} entries of {path} are open for an appeal ({entries}): lock the scores again "
        "once the appeal is done, then compute the results.",
    ),
    "results_changed_since_lock": (
        "Điểm trong {path} đã thay đổi sau khi khoá lúc {at} (mã băm không khớp): kết quả "
        "không được tính. Hãy xem nhật ký thay đổi và khoá lại.",
        "The scores in {path} changed after the lock at {at} (the digest does not match): "
        "no results are computed. Check the audit log and lock again.",
    ),
    "results_locked_entry": (
        "Điểm bài {entry} đã khoá: không ghi quyết định mới được trừ khi mở phúc khảo bài này "
        "(judge-app appeal unlock).",
        "The score of entry {entry} is locked: no new decision unless an appeal opens it "
        "(judge-app appeal unlock).",
    ),
    "results_locked_merge": (
        "Không ghép tệp điểm {path}: điểm đã khoá mà tệp thay đổi điểm của {count} bài "
        "({entries}). Chỉ bài đang phúc khảo mới nhận điểm mới.",
        "The score file {path} was not merged: the scores are locked and the file changes "
        "{count} entries ({entries}). Only entries open for an appeal take new scores.",
    ),
    "results_unlock_reason_required": (
        "Hãy ghi lý do mở khoá bài {entry} để phúc khảo.",
        "Give the reason for opening entry {entry} for an appeal.",
    ),
    "results_locked_done": (
        "Đã khoá điểm {path}: {count} bài, mã băm {digest}.",
        "Scores of {path} locked: {count} entries, digest {digest}.",
    ),
    "results_unlocked_done": (
        "Đã mở bài {entry} để phúc khảo; cần khoá điểm lại trước khi xếp giải.",
        "Entry {entry} is open for an appeal; lock the scores again before computing results.",
    ),
    "results_school_formula": (
        "Điểm đơn vị = ({w_entries} × số bài hợp lệ ÷ số bài của đơn vị nhiều bài nhất + "
        "{w_participation} × tỉ lệ tham gia (số bài ÷ số CB-GV-NV và học sinh lớp 6–9, tối đa "
        "1) + {w_quality} × tỉ lệ bài đạt chất lượng) ÷ {w_total}",
        "Unit score = ({w_entries} × valid entries ÷ the most entries of any unit + "
        "{w_participation} × participation rate (entries ÷ staff and grade 6–9 pupils, at "
        "most 1) + {w_quality} × share of entries of quality) ÷ {w_total}",
    ),
    "results_note_u18_sealed": (
        "Giải xuất sắc dưới 18 tuổi chưa xét: danh tính còn niêm phong (hãy ghép phách).",
        "The under-18 excellence prize is not given yet: identities are still sealed "
        "(reveal them).",
    ),
    "results_note_u18_no_reference_date": (
        "Giải xuất sắc dưới 18 tuổi chưa xét: cuộc thi chưa có ngày tính tuổi.",
        "The under-18 excellence prize is not given: the contest has no reference date for ages.",
    ),
    "results_note_u18_none": (
        "Không có người dự thi dưới 18 tuổi đủ điều kiện nhận giải xuất sắc.",
        "No entrant under 18 is eligible for the excellence prize.",
    ),
    "results_note_no_quality_threshold": (
        "Cuộc thi chưa đặt ngưỡng điểm đạt chất lượng: chưa bài nào được tính là đạt.",
        "The contest has no quality threshold: no entry counts as of quality.",
    ),
    "tie_reason_required": (
        "Hãy ghi lý do Ban giám khảo sắp xếp nhóm bằng điểm {group}.",
        "Give the board's reason for ordering the tie {group}.",
    ),
    "tie_unknown_group": (
        "Không có nhóm bằng điểm {group} trong {path}. Các nhóm chưa phân định: {known}.",
        "There is no tie {group} in {path}. Ties still unsettled: {known}.",
    ),
    "tie_already_settled": (
        "Nhóm bằng điểm {group} đã được phân định theo quy tắc ({rule}); Ban giám khảo không "
        "cần quyết định.",
        "The tie {group} is already settled by the rule ({rule}); no board decision needed.",
    ),
    "tie_order_mismatch": (
        "Thứ tự cho nhóm {group} phải liệt kê đúng một lần mỗi bài: {codes}.",
        "The order for the tie {group} must name each of its entries exactly once: {codes}.",
    ),
    "tie_order_against_rule": (
        "Thứ tự cho nhóm {group} trái với quy tắc phân định ({rule}): chỉ được sắp xếp các "
        "bài mà quy tắc không phân biệt được.",
        "The order for the tie {group} goes against the tie rule ({rule}): only entries the "
        "rule cannot tell apart may be ordered.",
    ),
    "tie_settled_done": (
        "Đã ghi quyết định của Ban giám khảo cho nhóm {group}: {order}.",
        "The board's order for the tie {group} is recorded: {order}.",
    ),
    "results_show_heading": (
        "Kết quả: {name} — {ranked} bài được xếp hạng, {invalid} bài không hợp lệ, "
        "{quality} bài đạt chất lượng ({share}%, chỉ tiêu {target}%)",
        "Results: {name} — {ranked} ranked entries, {invalid} invalid, {quality} of quality "
        "({share}%, target {target}%)",
    ),
    "results_show_ties": (
        "Bằng điểm ở ranh giới giải ({count}, chưa phân định {unsettled}):",
        "Ties at a prize boundary ({count}, unsettled {unsettled}):",
    ),
    "results_show_units": (
        "Xếp hạng tập thể (đơn vị):",
        "School (collective) ranking:",
    ),
    "results_show_invalid": (
        "Bài không hợp lệ (không xếp hạng):",
        "Invalid entries (not ranked):",
    ),
    "prize_first": ("Giải Nhất", "First prize"),
    "prize_second": ("Giải Nhì", "Second prize"),
    "prize_third": ("Giải Ba", "Third prize"),
    "prize_consolation": ("Giải Khuyến khích", "Consolation prize"),
    "prize_excellence_u18": (
        "Giải xuất sắc (dưới 18 tuổi)",
        "Excellence prize (under 18)",
    ),
    # --- Appeals (phúc khảo), shortlists and finalists (h17-appeals: store/appeals.py,
    # store/shortlist.py) ---
    "appeal_reason_required": (
        "Hãy ghi lý do phúc khảo bài {entry}.",
        "Give the reason for the appeal of entry {entry}.",
    ),
    "appeal_results_not_locked": (
        "Chỉ nhận phúc khảo sau khi điểm của {path} đã được khoá (judge-app lock).",
        "Appeals are taken only once the scores of {path} are locked (judge-app lock).",
    ),
    "appeal_entry_not_scored": (
        "Bài {entry} không có điểm chính thức để phúc khảo (trạng thái: {queue}).",
        "Entry {entry} has no final score to appeal (state: {queue}).",
    ),
    "appeal_already_open": (
        "Bài {entry} đang có một yêu cầu phúc khảo chưa giải quyết (ghi nhận lúc {at}).",
        "Entry {entry} already has an appeal in progress (recorded at {at}).",
    ),
    "appeal_unknown": (
        "Bài {entry} không có yêu cầu phúc khảo nào đang chờ (judge-app appeal request).",
        "Entry {entry} has no appeal in progress (judge-app appeal request).",
    ),
    "appeal_not_assigned": (
        "Chưa phân công giám khảo chấm phúc khảo bài {entry} (judge-app appeal assign).",
        "No judge is assigned to the appeal of entry {entry} yet (judge-app appeal assign).",
    ),
    "appeal_waiting": (
        "Bài {entry}: mới có {done}/{assigned} bài chấm phúc khảo được nộp; hãy ghép tệp điểm "
        "của các giám khảo phúc khảo trước.",
        "Entry {entry}: only {done} of {assigned} appeal gradings are in; merge the appeal "
        "judges' score files first.",
    ),
    "appeal_third_needed": (
        "Hai giám khảo phúc khảo bài {entry} chấm lệch nhau {gap} điểm: cần giám khảo thứ ba "
        "(judge-app appeal assign).",
        "The two appeal judges of entry {entry} differ by {gap}: a third judge is needed "
        "(judge-app appeal assign).",
    ),
    "appeal_dialogue_required": (
        "Điểm bài {entry} thay đổi từ {original} thành {result} (từ {threshold} điểm trở lên): "
        "phải tổ chức đối thoại trực tiếp và ghi biên bản; nhập nội dung biên bản bằng "
        "--dialogue-record.",
        "The score of entry {entry} changes from {original} to {result} ({threshold} or "
        "more): a face-to-face dialogue must be held and recorded; give its record with "
        "--dialogue-record.",
    ),
    "appeal_entry_frozen": (
        "Điểm đã được khoá lại trước khi phúc khảo bài {entry} xong; hãy mở lại bằng "
        "judge-app appeal request.",
        "The scores were locked again before the appeal of entry {entry} was settled; reopen "
        "it with judge-app appeal request.",
    ),
    "appeal_requested_done": (
        "Đã ghi nhận yêu cầu phúc khảo số {number} cho bài {entry} (điểm hiện tại {original}); "
        "bài được mở khoá để chấm phúc khảo.",
        "Appeal {number} of entry {entry} recorded (current score {original}); the entry is "
        "open for regrading.",
    ),
    "appeal_assign_nothing": (
        "Không có bài phúc khảo nào cần phân công giám khảo.",
        "No appeal needs a judge assigned.",
    ),
    "appeal_assigned_done": (
        "Vòng chấm phúc khảo {round}: {two} bài được giao hai giám khảo, {third} bài được giao "
        "giám khảo thứ ba. Hãy tạo gói chấm: judge-app package … --round {round}.",
        "Appeal round {round}: {two} entries got two judges, {third} a third judge. Make their "
        "packages: judge-app package … --round {round}.",
    ),
    "appeal_settled_changed": (
        "Phúc khảo bài {entry}: điểm đổi từ {original} thành {final} ({rule}).",
        "Appeal of entry {entry}: the score changes from {original} to {final} ({rule}).",
    ),
    "appeal_settled_kept": (
        "Phúc khảo bài {entry}: kết quả {result} lệch dưới {threshold} so với {original}, giữ "
        "nguyên điểm {original}.",
        "Appeal of entry {entry}: the result {result} differs from {original} by less than "
        "{threshold}; the score stays {original}.",
    ),
    "appeal_relocked": (
        "Điểm đã được khoá lại (mã {digest}).",
        "The scores are locked again (digest {digest}).",
    ),
    "appeal_relock_waiting": (
        "Chưa khoá lại điểm: còn {count} bài đang phúc khảo ({entries}); điểm được khoá lại khi "
        "bài cuối cùng xong (hoặc judge-app lock).",
        "Not locked again yet: {count} entries are still open for an appeal ({entries}); the "
        "scores are locked again when the last is settled (or judge-app lock).",
    ),
    "appeal_list_empty": (
        "Chưa có yêu cầu phúc khảo nào.",
        "No appeal has been requested.",
    ),
    "shortlist_no_screening": (
        "Cuộc thi {path} không có vòng sơ khảo (settings.rounds.screening là false).",
        "The contest {path} has no screening round (settings.rounds.screening is false).",
    ),
    "shortlist_round_empty": (
        "Vòng {round} của {path} chưa có bài chấm nào đã nộp: không có điểm sơ khảo để chọn.",
        "Round {round} of {path} has no submitted grading: no screening score to cut on.",
    ),
    "shortlist_ungraded": (
        "{count} bài chưa có điểm sơ khảo ở vòng {round}: {entries}. Hãy chấm hoặc ghi quyết "
        "định không hợp lệ trước khi chọn danh sách.",
        "{count} entries have no screening score in round {round}: {entries}. Grade them, or "
        "record them as invalid, before the cut.",
    ),
    "shortlist_locked": (
        "Điểm của {path} đã được khoá: không thể chọn lại danh sách vào vòng chung khảo.",
        "The scores of {path} are locked: the shortlist can no longer be cut.",
    ),
    "shortlist_main_started": (
        "Vòng chung khảo đã có bài được chấm ({entries}): không thể chọn lại danh sách.",
        "The main round already has gradings ({entries}): the shortlist can no longer be cut.",
    ),
    "shortlist_bad_rule": (
        "Hãy chọn đúng một cách: --top N (N ≥ 1) hoặc --min-score X (0..{maximum}).",
        "Choose exactly one rule: --top N (N ≥ 1) or --min-score X (0..{maximum}).",
    ),
    "shortlist_none": (
        "Chưa có danh sách vào vòng chung khảo (judge-app shortlist cut).",
        "No shortlist has been cut yet (judge-app shortlist cut).",
    ),
    "shortlist_out_reason": (
        "Không vào vòng chung khảo (điểm sơ khảo {score}; {rule})",
        "Not shortlisted (screening score {score}; {rule})",
    ),
    "shortlist_rule_top": (
        "{count} bài điểm cao nhất{scope}",
        "top {count}{scope}",
    ),
    "shortlist_rule_min": (
        "điểm từ {score} trở lên",
        "score {score} or more",
    ),
    "shortlist_scope_category": (
        " mỗi đối tượng",
        " per category",
    ),
    "shortlist_cut_done": (
        "Danh sách vào vòng chung khảo ({rule}): {kept}/{total} bài; {out} bài dừng ở vòng "
        "sơ khảo.",
        "Shortlist ({rule}): {kept} of {total} entries; {out} stop at the screening round.",
    ),
    "shortlist_tie_included": (
        "Bằng điểm ở ranh giới [{group}] {score}: cả {count} bài đều được chọn ({entries}).",
        "Tie at the cut [{group}] {score}: all {count} entries are kept ({entries}).",
    ),
    "shortlist_assigned_done": (
        "Vòng {round}: {entries} bài trong danh sách được phân công ({judges} giám khảo mỗi bài).",
        "Round {round}: {entries} shortlisted entries assigned ({judges} judges each).",
    ),
    "finalists_not_locked": (
        "Chỉ xuất danh sách dự thi cấp trên sau khi điểm của {path} đã được khoá (judge-app lock).",
        "Finalists are exported only once the scores of {path} are locked (judge-app lock).",
    ),
    "finalists_not_revealed": (
        "Chưa ghép phách {path}: cần danh tính thí sinh để gửi lên cấp trên (judge-app reveal).",
        "The identities of {path} are not revealed yet; the next tier needs them "
        "(judge-app reveal).",
    ),
    "finalists_none": (
        "Không có bài nào đạt tiêu chí đã chọn ({rule}).",
        "No entry meets the chosen rule ({rule}).",
    ),
    "finalists_file_missing": (
        "Thiếu hoặc sai tệp bài dự thi {entry}: {path}.",
        "A file of entry {entry} is missing or changed: {path}.",
    ),
    "finalists_exported_done": (
        "Đã ghi {path}: {count} bài ({files} tệp) để gửi lên cấp trên.",
        "Wrote {path}: {count} finalists ({files} files) for the next tier.",
    ),
    "finalists_bad_package": (
        "Tệp {path} không phải gói danh sách dự thi cấp trên hợp lệ ({reason}).",
        "{path} is not a valid finalists package ({reason}).",
    ),
    "finalists_unknown_category": (
        "Cuộc thi nhận chưa có đối tượng {categories} mà gói {path} cần; hãy thêm đối tượng "
        "trước khi nhập.",
        "The receiving contest lacks the categories {categories} the package {path} needs; add "
        "them before importing.",
    ),
    "finalists_already_imported": (
        "Gói {path} đã được nhập vào cuộc thi này lúc {at}.",
        "The package {path} was already imported into this contest at {at}.",
    ),
    "finalists_imported_done": (
        "Đã nhập {count} bài ({files} tệp) từ {path}; số phách mới được cấp, danh tính chưa "
        "niêm phong.",
        "Imported {count} entries ({files} files) from {path}; new codes given, identities "
        "not sealed yet.",
    ),
    # Result outputs: workbook, result list PDFs, certificates (reports/results_*.py, h16)
    "results_output_unwritable": (
        "Không ghi được tệp kết quả {path}: {reason}",
        "Cannot write the results file {path}: {reason}",
    ),
    "certificates_sealed": (
        "Chưa làm giấy chứng nhận: danh tính người dự thi còn niêm phong; hãy ghép phách "
        "(judge-app reveal) rồi xuất lại.",
        "Certificates not made: the entrants' identities are still sealed; reveal them "
        "(judge-app reveal) and export again.",
    ),
    "certificate_template_unreadable": (
        "Không đọc được mẫu giấy chứng nhận {path} (không phải tệp DOCX hợp lệ: {reason}).",
        "Cannot read the certificate template {path} (not a valid DOCX: {reason}).",
    ),
    "certificate_template_unknown_field": (
        "Mẫu giấy chứng nhận {path} có trường không hợp lệ {fields}. Các trường dùng được: "
        "{known}.",
        "The certificate template {path} has unknown fields {fields}. Fields it may use: {known}.",
    ),
    "results_exported": (
        "Đã xuất kết quả vào {folder}: {prizes} giải cá nhân, {certificates} giấy chứng nhận.",
        "Results exported to {folder}: {prizes} individual prizes, {certificates} certificates.",
    ),
    "results_export_unsettled": (
        "Lưu ý: còn {count} trường hợp bằng điểm chưa phân định; danh sách được ghi là DỰ THẢO.",
        "Note: {count} ties are not settled yet; the lists are marked DRAFT (DỰ THẢO).",
    ),
    # --- judge statistics and charts (judge_app/store/judge_stats*.py, reports/charts.py) ---
    "stats_no_gradings": (
        "Chưa có bài nào được chấm và nộp: chưa có thống kê giám khảo.",
        "No grading has been submitted yet: no judge statistics.",
    ),
    "stats_judges_heading": (
        "Giám khảo (điểm toàn bài, mọi đối tượng):",
        "Judges (totals, every category):",
    ),
    "stats_category_heading": (
        "Đối tượng {category}:",
        "Category {category}:",
    ),
    "stats_judge_header": (
        "Mã\tHọ tên\tSố bài\tĐiểm TB\tĐộ lệch chuẩn\tLệch so với GK chấm cùng\t"
        "Chênh lệch TB\tICC(1,1) [KTC 95%]\tPhút/bài\tTổng (giờ)\tGhi chú",
        "Code\tName\tGraded\tMean\tSD\tLeniency vs co-judges\t"
        "Mean gap\tICC(1,1) [95% CI]\tMin/entry\tTotal (h)\tNotes",
    ),
    "stats_agreement_heading": (
        "Mức thống nhất giữa hai giám khảo chấm độc lập (lượt chấm chính):",
        "Agreement between the two independent judges (main grading):",
    ),
    "stats_agreement_header": (
        "Phần\tSố cặp\tICC(1,1) [KTC 95%]\tICC(1,2) điểm trung bình\tα Krippendorff [KTC 95%]",
        "Part\tPairs\tICC(1,1) [95% CI]\tICC(1,2) of the mean\tKrippendorff's α [95% CI]",
    ),
    "stats_calibration_heading": (
        "Buổi chấm chung ({entries} bài):",
        "Calibration round ({entries} entries):",
    ),
    "stats_part_total": ("Toàn bài", "Total"),
    "stats_part_choice": ("Trắc nghiệm", "Multiple choice"),
    "stats_flag_lenient": ("chấm rộng tay", "lenient"),
    "stats_flag_severe": ("chấm chặt tay", "severe"),
    "stats_flag_low_agreement": ("ít thống nhất", "low agreement"),
    "stats_flagged": (
        "Nên mời vào buổi chấm chung: {judges}.",
        "Suggested for a calibration session: {judges}.",
    ),
    "stats_none_flagged": (
        "Không giám khảo nào lệch quá ±{limit} điểm hay thống nhất kém (ICC < {floor}).",
        "No judge is off by more than ±{limit} points or agrees poorly (ICC < {floor}).",
    ),
    "stats_time_note": (
        "Thời gian chấm là ước tính từ khoảng cách giữa hai lần nộp bài liên tiếp của mỗi giám "
        "khảo; khoảng nghỉ trên {minutes} phút không được tính.",
        "Grading times are estimates from the gaps between a judge's consecutive submissions; "
        "breaks over {minutes} minutes are not counted.",
    ),
    "stats_charts_written": (
        "Đã lưu {count} biểu đồ vào {path}",
        "{count} charts saved in {path}",
    ),
    "chart_total_axis": ("Điểm toàn bài (thang {maximum})", "Total score (out of {maximum})"),
    "chart_count_axis": ("Số lượt chấm", "Gradings"),
    "chart_mean_line": ("Điểm trung bình chung", "Overall mean"),
    "chart_by_category_title": (
        "Phân bố điểm theo đối tượng – {contest}",
        "Distribution of totals by category – {contest}",
    ),
    "chart_by_judge_title": (
        "Phân bố điểm theo giám khảo – {contest}",
        "Distribution of totals by judge – {contest}",
    ),
    "chart_by_judge_in_category_title": (
        "Phân bố điểm theo giám khảo – đối tượng {category}",
        "Distribution of totals by judge – category {category}",
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
