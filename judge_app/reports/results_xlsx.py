"""The results workbook (XLSX): what the board checks, sorts and archives.

Sheets, in this order: Tổng hợp (summary, notes), Giải thưởng (every prize), Xếp hạng chung and
one ranking per category, Xếp hạng đơn vị (the school ranking with its formula in words and as a
live Excel formula beside the app's score, so a board can check it), Hòa điểm (every tie at a
prize boundary and how it was settled), Bài không hợp lệ (with reasons), Điểm chi tiết (every
entry with each judge's total and criteria, the gap, the final score and the rule that gave it)
and Thống kê giám khảo when the statistics are available.

Headers are Vietnamese, frozen under the title rows, columns sized for their contents, scores
as numbers with two decimals (never text, so the board can sort and sum). The workbook is
streamed by `xlsx_writer` (openpyxl is too slow for 20,000 entries in 15 s). Written
atomically.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from judge_app.core.errors import JudgeAppError
from judge_app.fileio import write_atomically
from judge_app.reports.results_data import (
    PRIZE_SHORT,
    QUEUE_NAMES,
    SETTLEMENT_RULES,
    ResultsBook,
    percent_text,
    prize_name,
    tie_note_for,
    tie_text,
)
from judge_app.reports.xlsx_writer import Style, Workbook

SCORE_FORMAT = "0.00"
EXACT_FORMAT = "0.00##"
RATE_FORMAT = "0.00%"
SCORE12_FORMAT = "0.0000"
DATE_FORMAT = "DD/MM/YYYY"
PRIZE_FILLS = {
    "first": "FCE4B0",
    "second": "E3EBF6",
    "third": "F3E0CF",
    "consolation": "E6F2DF",
    "excellence_u18": "F2DDEB",
}
PENDING_FILL = "F8C9C9"


@dataclass(frozen=True)
class Column:
    name: str
    width: float
    kind: str = "text"  # text | int | score | exact | rate | score12 | date | formula


_FORMATS = {
    "score": SCORE_FORMAT,
    "exact": EXACT_FORMAT,
    "rate": RATE_FORMAT,
    "score12": SCORE12_FORMAT,
    "date": DATE_FORMAT,
    "formula": SCORE12_FORMAT,
}


HEADER = Style(bold=True, fill="D9D9D9", border=True, wrap=True, center=True)
TITLE = Style(bold=True, size=13)


class _Sheet:
    """One sheet: title lines, a styled header row frozen under them, then rows whose number
    columns carry their format (and a fill for prize rows)."""

    def __init__(
        self, book: Workbook, title: str, columns: Sequence[Column], intro: Sequence[str] = ()
    ) -> None:
        self.sheet = book.add_sheet(title)
        self.columns = list(columns)
        self.sheet.widths = [column.width for column in self.columns]
        for index, line in enumerate(intro):
            self.sheet.append([line], [TITLE if index == 0 else None])
        header_row = len(intro) + 1
        self.sheet.freeze = (header_row + 1, 2)
        self.sheet.print_title_row = header_row
        self.sheet.row_heights[header_row] = 32
        self.sheet.append([c.name for c in self.columns], [HEADER] * len(self.columns))
        self.first_data_row = header_row + 1
        self._plain = [
            Style(_FORMATS[c.kind]) if c.kind in _FORMATS else None for c in self.columns
        ]
        self._filled: dict[str, list[Style | None]] = {}

    def append(self, values: Sequence[object], fill: str | None = None) -> None:
        if fill is None:
            styles = self._plain
        else:
            styles = self._filled.get(fill) or self._filled.setdefault(
                fill,
                [Style(_FORMATS.get(c.kind, "General"), fill=fill) for c in self.columns],
            )
        self.sheet.append(values, styles)

    @property
    def rows(self) -> int:
        return self.sheet.count - self.first_data_row + 1


# ---------------------------------------------------------------------------------------------
# The sheets


def _summary(wb: Workbook, book: ResultsBook) -> None:
    r = book.results
    sheet = _Sheet(
        wb,
        "Tổng hợp",
        [Column("Mục", 44), Column("Giá trị", 70)],
        [f"KẾT QUẢ CUỘC THI: {r.contest_name}", "Bảng tổng hợp kết quả sau khi khoá điểm"],
    )
    threshold = "" if r.quality_threshold is None else r.quality_threshold.format(",")
    rows: list[tuple[str, object]] = [
        ("Cuộc thi", r.contest_name),
        ("Đơn vị tổ chức", book.organiser),
        ("Khoá điểm lúc", r.locked_at),
        ("Mã kiểm tra khi khoá điểm (SHA-256)", r.lock_digest),
        ("Đã ghép phách", "Có" if r.revealed else "Chưa (họ tên, đơn vị để trống)"),
        ("Số bài được xếp hạng", r.ranked_entries),
        ("Số bài không hợp lệ", len(r.invalid)),
        ("Ngưỡng đạt chất lượng (điểm)", threshold),
        ("Số bài đạt chất lượng", r.quality_entries),
        (
            "Tỉ lệ đạt chất lượng / chỉ tiêu",
            f"{percent_text(r.quality_overall)} / {r.quality_target_percent} %",
        ),
        ("Xét giải", "Chung toàn cuộc thi" if r.pooled else "Theo từng đối tượng"),
        ("Số trường hợp bằng điểm tại ranh giới giải", len(r.ties)),
        ("Trong đó chưa phân định", len(r.unsettled)),
        ("Công thức xếp hạng đơn vị", r.formula),
    ]
    if r.reference_date is not None:
        rows.append(("Ngày tính tuổi (giải dưới 18 tuổi)", r.reference_date.strftime("%d/%m/%Y")))
    from judge_app.core.messages import render

    rows.extend(("Ghi chú", render(note, "vi")) for note in r.notes)
    if not book.judge_stats:
        rows.append(("Thống kê giám khảo", "Chưa có trong bản xuất này"))
    for label, value in rows:
        sheet.append([label, value])


_PERSON_COLUMNS = [
    Column("Số phách", 11),
    Column("Họ và tên", 26),
    Column("Ngày sinh", 12, "date"),
    Column("Đơn vị", 30),
    Column("Đối tượng", 18),
]


def _person(book: ResultsBook, row: Any) -> list[object]:
    return [
        row.code,
        row.participant or "",
        row.birth_date,
        row.unit_name or "",
        book.category_name(row.category),
    ]


def _prizes(wb: Workbook, book: ResultsBook) -> None:
    r = book.results
    sheet = _Sheet(
        wb,
        "Giải thưởng",
        [
            Column("TT", 6, "int"),
            Column("Giải", 22),
            *_PERSON_COLUMNS,
            Column("Điểm", 9, "score"),
            Column("Hạng", 7, "int"),
            Column("Ghi chú", 60),
        ],
        [f"DANH SÁCH ĐẠT GIẢI CÁ NHÂN – {r.contest_name}"],
    )
    ties = book.ties_by_code()
    for number, (level, row) in enumerate(book.prize_list(), start=1):
        sheet.append(
            [
                number,
                prize_name(level),
                *_person(book, row),
                row.final,
                row.rank,
                tie_note_for(book, row.code, ties),
            ],
            PRIZE_FILLS.get(level),
        )
    pending = [row for rows in r.rankings.values() for row in rows if row.pending]
    seen: set[str] = set()
    for row in pending:
        if row.code in seen:
            continue
        seen.add(row.code)
        sheet.append(
            [
                None,
                "Chờ phân định",
                *_person(book, row),
                row.final,
                row.rank,
                tie_note_for(book, row.code, ties),
            ],
            PENDING_FILL,
        )


def _ranking(wb: Workbook, book: ResultsBook, key: str) -> None:
    rows = book.results.rankings.get(key, [])
    name = book.category_name(key)
    title = "Xếp hạng chung" if key == "*" else f"XH {name}"
    heading = (
        "XẾP HẠNG CHUNG TOÀN CUỘC THI"
        if key == "*"
        else f"XẾP HẠNG ĐỐI TƯỢNG: {name.upper()} ({key})"
    )
    sheet = _Sheet(
        wb,
        title,
        [
            Column("Hạng", 7, "int"),
            *_PERSON_COLUMNS,
            Column("Điểm", 9, "score"),
            Column("Điểm chưa làm tròn", 12, "exact"),
            Column("Đạt chất lượng", 10),
            Column("Giải", 20),
            Column("Bằng điểm tại ranh giới giải", 60),
        ],
        [heading, f"{len(rows)} bài; tô màu: bài đạt giải, đỏ: chờ phân định bằng điểm"],
    )
    ties = book.ties_by_code()
    for row in rows:
        level = row.prize
        prize = " + ".join(PRIZE_SHORT.get(p, p) for p in row.prizes)
        if row.pending:
            prize = "Chờ phân định"
        fill = PENDING_FILL if row.pending else PRIZE_FILLS.get(level or "")
        sheet.append(
            [
                row.rank,
                *_person(book, row),
                row.final,
                row.exact,
                "Đạt" if row.quality else "",
                prize,
                tie_note_for(book, row.code, ties),
            ],
            fill,
        )


def _units(wb: Workbook, book: ResultsBook) -> None:
    r = book.results
    weights = r.weights or {
        "entries": Decimal(1),
        "participation": Decimal(1),
        "quality": Decimal(1),
    }
    w_e, w_p, w_q = weights["entries"], weights["participation"], weights["quality"]
    columns = [
        Column("Hạng", 7, "int"),
        Column("Mã đơn vị", 12),
        Column("Tên đơn vị", 34),
        Column("Nhóm", 9),
        Column("Số bài hợp lệ", 10, "int"),
        Column("Số người (biên chế, học sinh)", 14, "int"),
        Column("Tỉ lệ tham gia", 11, "rate"),
        Column("Số bài đạt chất lượng", 11, "int"),
        Column("Tỉ lệ đạt chất lượng", 11, "rate"),
        Column("Điểm xếp hạng", 12, "score12"),
        Column("Kiểm tra bằng công thức Excel", 14, "formula"),
        Column("Giải tập thể", 18),
    ]
    sheet = _Sheet(
        wb,
        "Xếp hạng đơn vị",
        columns,
        [
            "XẾP HẠNG ĐƠN VỊ (GIẢI TẬP THỂ)",
            f"Công thức: {r.formula}",
            f"Trọng số: số bài {w_e}, tỉ lệ tham gia {w_p}, tỉ lệ đạt chất lượng {w_q}. "
            "Cột “Kiểm tra” tính lại điểm bằng công thức của Excel từ các cột số bài, số người "
            "và số bài đạt chất lượng.",
        ],
    )
    first = sheet.first_data_row
    last = first + max(len(r.units), 1) - 1
    total = w_e + w_p + w_q
    for offset, unit in enumerate(r.units):
        n = first + offset
        formula = (
            f"=({w_e}*IF(MAX($E${first}:$E${last})>0,E{n}/MAX($E${first}:$E${last}),0)"
            f"+{w_p}*MIN(IF(F{n}>0,E{n}/F{n},0),1)"
            f"+{w_q}*IF(E{n}>0,H{n}/E{n},0))/{total}"
        )
        prize = prize_name(unit.prize) if unit.prize else ("Chờ phân định" if unit.pending else "")
        fill = PENDING_FILL if unit.pending else PRIZE_FILLS.get(unit.prize or "")
        sheet.append(
            [
                unit.rank,
                unit.unit_code,
                unit.unit_name,
                unit.group,
                unit.entries,
                unit.headcount,
                unit.participation,
                unit.quality_entries,
                unit.quality_rate,
                unit.score,
                formula,
                prize,
            ],
            fill,
        )


def _ties(wb: Workbook, book: ResultsBook) -> None:
    sheet = _Sheet(
        wb,
        "Hòa điểm",
        [
            Column("Nhóm", 12),
            Column("Danh sách", 16),
            Column("Hạng chung", 8, "int"),
            Column("Điểm", 10, "exact"),
            Column("Giải liên quan", 22),
            Column("Các bài / đơn vị bằng điểm", 30),
            Column("Thứ tự sau phân định", 30),
            Column("Giải theo thứ tự", 34),
            Column("Cách phân định", 60),
        ],
        [
            "CÁC TRƯỜNG HỢP BẰNG ĐIỂM TẠI RANH GIỚI GIẢI",
            "Không trường hợp nào bị phân định ngầm: mỗi nhóm ghi rõ quy tắc đã dùng hoặc "
            "quyết định của Ban giám khảo.",
        ],
    )
    for tie in book.results.ties:
        pool = {"*": "Toàn cuộc thi", "u18": "Giải dưới 18 tuổi", "units": "Giải tập thể"}.get(
            tie.category, book.category_name(tie.category)
        )
        levels = " / ".join(PRIZE_SHORT.get(level, level) for level in tie.level.split("/"))
        places = ", ".join(PRIZE_SHORT.get(p, p) for p in tie.places)
        sheet.append(
            [
                tie.key,
                pool,
                tie.rank,
                tie.exact,
                levels,
                ", ".join(tie.codes),
                ", ".join(tie.order) if tie.settled else "",
                places if tie.settled else "",
                tie_text(tie),
            ],
            None if tie.settled else PENDING_FILL,
        )


def _invalid(wb: Workbook, book: ResultsBook) -> None:
    sheet = _Sheet(
        wb,
        "Bài không hợp lệ",
        [Column("Số phách", 12), Column("Đối tượng", 20), Column("Lý do", 80)],
        ["BÀI KHÔNG HỢP LỆ (KHÔNG XẾP HẠNG)"],
    )
    for item in book.results.invalid:
        reason = item.reason or "Bài được đánh dấu không hợp lệ (không ghi lý do)"
        sheet.append([item.code, book.category_name(item.category), reason])


def _scores(wb: Workbook, book: ResultsBook) -> None:
    slots = max((len(row.judges) for row in book.scores), default=2)
    slots = max(slots, 2)
    columns = [Column("Số phách", 11), Column("Đối tượng", 10)]
    for n in range(1, slots + 1):
        columns.append(Column(f"GK{n}: mã", 8))
        columns.append(Column(f"GK{n}: tổng", 9, "score"))
        if book.has_choice:
            columns.append(Column(f"GK{n}: trắc nghiệm", 10, "score"))
        columns.extend(Column(f"GK{n}: {code}", 9, "score") for code, _ in book.criteria)
    columns += [
        Column("Chênh lệch", 10, "score"),
        Column("Điểm cuối", 9, "score"),
        Column("Điểm chưa làm tròn", 11, "exact"),
        Column("Cách tính", 26),
        Column("Trạng thái", 18),
    ]
    legend = "; ".join(f"{code}: {name}" for code, name in book.criteria)
    sheet = _Sheet(
        wb,
        "Điểm chi tiết",
        columns,
        [
            "ĐIỂM CHI TIẾT CỦA TỪNG BÀI (CÁC GIÁM KHẢO, TỪNG TIÊU CHÍ)",
            f"Tiêu chí: {legend}" if legend else "",
        ],
    )
    criteria = [code for code, _ in book.criteria]
    for row in book.scores:
        values: list[object] = [row.code, row.category]
        for n in range(slots):
            if n < len(row.judges):
                judge = row.judges[n]
                values += [judge.judge, judge.total]
                if book.has_choice:
                    values.append(judge.choice)
                values += [judge.criteria.get(code) for code in criteria]
            else:
                values += [None] * (2 + book.has_choice + len(criteria))
        values += [
            row.gap,
            row.final,
            row.exact,
            SETTLEMENT_RULES.get(row.rule, row.rule),
            QUEUE_NAMES.get(row.queue, row.queue),
        ]
        sheet.append(values)


def _judge_stats(wb: Workbook, book: ResultsBook) -> None:
    for table in book.judge_stats:
        columns = [Column(name, max(10.0, min(40.0, len(name) + 4))) for name in table.header]
        sheet = _Sheet(wb, table.title, columns, [table.title.upper(), *table.notes])
        for row in table.rows:
            sheet.append(list(row))


SheetMaker = Callable[[Workbook, ResultsBook], None]


def results_workbook(book: ResultsBook, progress: Callable[[str], None] | None = None) -> bytes:
    """The workbook's bytes."""
    wb = Workbook(f"Kết quả – {book.results.contest_name}")
    steps: list[tuple[str, SheetMaker]] = [
        ("Tổng hợp", _summary),
        ("Giải thưởng", _prizes),
    ]
    steps += [(f"Xếp hạng {key}", _ranking_step(key)) for key in book.ranking_keys()]
    steps += [
        ("Xếp hạng đơn vị", _units),
        ("Hòa điểm", _ties),
        ("Bài không hợp lệ", _invalid),
        ("Điểm chi tiết", _scores),
        ("Thống kê giám khảo", _judge_stats),
    ]
    for name, make in steps:
        if progress is not None:
            progress(name)
        make(wb, book)
    return wb.tobytes()


def _ranking_step(key: str) -> SheetMaker:
    return lambda wb, book: _ranking(wb, book, key)


def write_results_xlsx(
    book: ResultsBook, target: Path, progress: Callable[[str], None] | None = None
) -> Path:
    data = results_workbook(book, progress)
    write_output(target, data)
    return target


def write_output(target: Path, data: bytes) -> None:
    """Atomic write; a disk error becomes the message naming the file."""
    try:
        write_atomically(target, data)
    except OSError as exc:
        raise JudgeAppError(
            "results_output_unwritable", target, reason=exc.strerror or str(exc)
        ) from exc


def iter_sheet_names(data: bytes) -> Iterable[str]:
    """The sheet names of a written workbook (tests, the export report)."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data), read_only=True)
    try:
        yield from wb.sheetnames
    finally:
        wb.close()
