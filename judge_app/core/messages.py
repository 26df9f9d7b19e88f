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
    "demo_exists": (
        "Thư mục {path} đã chứa một cuộc thi; chọn thư mục trống hoặc dùng --force.",
        "{path} already holds a contest; choose an empty folder or use --force.",
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
    "unexpected": (
        "Lỗi không mong đợi: {reason}. Chi tiết trong nhật ký: {log}",
        "Unexpected error: {reason}. Details in the log: {log}",
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
