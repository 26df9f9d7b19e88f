"""The printed results: the result list (kết quả) and the prize decision's annex.

Two A4 documents in the official layout of `letterhead` and `pdf_layout` (Liberation Serif
embedded, quốc hiệu and tiêu ngữ, "Trang x/y" in the footer):

- `ket-qua-cuoc-thi.pdf`, the result list the board signs: figures (entries ranked, invalid,
  quality against the target), every prize by level, every tie at a prize boundary with how it
  was settled (or that the board must still order it), the school ranking with its formula,
  invalid entries with reasons, judge statistics and charts when available;
- `danh-sach-dat-giai.pdf`, "DANH SÁCH ĐẠT GIẢI … (Kèm theo Quyết định số …/QĐ-… )": the
  individual and collective prizes only, to staple to the decision. The decision's number is
  left as dots for the board to write in unless the contest settings give it
  (`decision_number`).

While a tie is unsettled, both say so in red at the top (DỰ THẢO): a list with a prize still
undecided must not pass for the final one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from judge_app.core.messages import render
from judge_app.reports.letterhead import DOTS, Signer, date_line, heading_html, signatures_html
from judge_app.reports.pdf_layout import (
    CONTENT_WIDTH,
    Block,
    DocumentMeta,
    Flow,
    FooterHtml,
    Images,
    KeepTogether,
    Spacer,
    Table,
    esc,
    footer_html,
    render_pdf,
)
from judge_app.reports.results_data import (
    PRIZE_NAMES,
    PRIZE_ORDER,
    ResultsBook,
    contest_title,
    exact_text,
    percent_text,
    score_text,
    tie_note_for,
    tie_text,
)
from judge_app.reports.results_xlsx import write_output

RESULT_LIST = "ket-qua-cuoc-thi.pdf"
ANNEX = "danh-sach-dat-giai.pdf"
CHART_WIDTH = CONTENT_WIDTH


def _date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _who(row: object) -> str:
    name = getattr(row, "participant", None)
    return esc(name) if name else '<span class="i">(chưa ghép phách)</span>'


ROOM_AFTER_HEADING = 60.0  # a heading never ends a page: it keeps room for two table rows


def _heading(html: str) -> list[Block]:
    """A heading kept with what follows: placed as one block with room below it (a new page
    when that room is missing), then the room is given back to the next block."""
    room = f'<div style="height:{ROOM_AFTER_HEADING:.0f}pt"></div>'
    return [KeepTogether(html + room), Spacer(-ROOM_AFTER_HEADING)]


def _draft_warning(book: ResultsBook) -> str:
    unsettled = book.results.unsettled
    if not unsettled:
        return ""
    keys = ", ".join(tie.key for tie in unsettled)
    return (
        '<p class="c b" style="color:#b00000;margin:6pt 0 2pt 0">DỰ THẢO – còn '
        f"{len(unsettled)} trường hợp bằng điểm tại ranh giới giải chưa được Ban giám khảo "
        f"phân định ({esc(keys)}); các giải liên quan chưa được xác định.</p>"
    )


def _prize_table(book: ResultsBook, level: str, with_notes: bool) -> Table:
    rows = [row for held, row in book.prize_list() if held == level]
    ties = book.ties_by_code()
    widths = [24.0, 112.0, 56.0, 118.0, 64.0, 52.0, 41.8]
    header = ["TT", "Họ và tên", "Ngày sinh", "Đơn vị", "Đối tượng", "Số phách", "Điểm"]
    body = []
    for number, row in enumerate(rows, start=1):
        name = _who(row)
        if with_notes and row.code in ties:
            note = esc(tie_note_for(book, row.code, ties))
            name += f'<br/><span class="i" style="font-size:9pt">{note}</span>'
        body.append(
            [
                str(number),
                name,
                _date(row.birth_date),
                esc(row.unit_name or ""),
                esc(book.category_name(row.category)),
                f'<span class="code">{esc(row.code)}</span>',
                score_text(row.final),
            ]
        )
    return Table(widths, header, body, ["c", "", "c", "", "", "c", "c"])


def _individual_blocks(book: ResultsBook, *, with_notes: bool, numbered: str) -> list[Block]:
    blocks: list[Block] = []
    held = {level for level, _ in book.prize_list()}
    counter = 0
    for level in PRIZE_ORDER:
        if level not in held:
            continue
        counter += 1
        count = sum(1 for lv, _ in book.prize_list() if lv == level)
        blocks.extend(
            _heading(
                f'<p class="h">{numbered}{counter}. {esc(PRIZE_NAMES[level])} ({count} giải)</p>'
            )
        )
        blocks.append(_prize_table(book, level, with_notes))
    if not held:
        blocks.append(Flow('<p class="i">Chưa có giải cá nhân nào được xác định.</p>'))
    return blocks


def _collective_table(book: ResultsBook) -> Table:
    units = [u for u in book.results.units if u.prize or u.pending]
    widths = [24.0, 70.0, 171.8, 60.0, 62.0, 80.0]
    header = ["TT", "Mã đơn vị", "Tên đơn vị", "Số bài", "Điểm xếp hạng", "Giải"]
    body = [
        [
            str(n),
            esc(u.unit_code),
            esc(u.unit_name),
            str(u.entries),
            format(u.score.quantize(u.score.__class__("0.0001")), "f").replace(".", ","),
            esc(PRIZE_NAMES.get(u.prize or "", "") if u.prize else "Chờ phân định"),
        ]
        for n, u in enumerate(units, start=1)
    ]
    return Table(widths, header, body, ["c", "c", "", "c", "c", ""])


def _school_table(book: ResultsBook) -> Table:
    widths = [30.0, 150.0, 42.0, 42.0, 50.0, 42.0, 50.0, 61.8]
    header = [
        "Hạng",
        "Đơn vị",
        "Số bài",
        "Số người",
        "Tỉ lệ tham gia",
        "Bài đạt CL",
        "Tỉ lệ đạt CL",
        "Điểm xếp hạng",
    ]
    body = [
        [
            str(u.rank),
            esc(u.unit_name) + (f"<br/><b>{esc(PRIZE_NAMES[u.prize])}</b>" if u.prize else ""),
            str(u.entries),
            str(u.headcount),
            percent_text(u.participation),
            str(u.quality_entries),
            percent_text(u.quality_rate),
            exact_text(u.score.quantize(u.score.__class__("0.0001"))),
        ]
        for u in book.results.units
    ]
    return Table(widths, header, body, ["c", "", "c", "c", "c", "c", "c", "c"])


def _ties_table(book: ResultsBook) -> Table:
    widths = [50.0, 40.0, 120.0, 257.8]
    header = ["Nhóm", "Điểm", "Các bài bằng điểm (thứ tự sau phân định)", "Cách phân định"]
    body = []
    for tie in book.results.ties:
        order = tie.order if tie.settled else tie.codes
        places = [PRIZE_NAMES.get(p, p) for p in tie.places] if tie.settled else []
        listed = "<br/>".join(
            esc(code) + (f" – {esc(places[n])}" if n < len(places) else "")
            for n, code in enumerate(order)
        )
        body.append([esc(tie.key), exact_text(tie.exact), listed, esc(tie_text(tie))])
    return Table(widths, header, body, ["c", "c", "", ""])


def _invalid_table(book: ResultsBook) -> Table:
    widths = [60.0, 110.0, 297.8]
    body = [
        [
            esc(item.code),
            esc(book.category_name(item.category)),
            esc(item.reason or "Bài được đánh dấu không hợp lệ"),
        ]
        for item in book.results.invalid
    ]
    return Table(widths, ["Số phách", "Đối tượng", "Lý do"], body, ["c", "", ""])


def _figures(book: ResultsBook) -> str:
    r = book.results
    threshold = score_text(r.quality_threshold) if r.quality_threshold is not None else "—"
    lines = [
        f"Số bài được xếp hạng: <b>{r.ranked_entries}</b>; bài không hợp lệ: "
        f"<b>{len(r.invalid)}</b>.",
        f"Bài đạt chất lượng (từ {threshold} điểm): <b>{r.quality_entries}</b>, "
        f"tỉ lệ <b>{percent_text(r.quality_overall)}</b> (chỉ tiêu {r.quality_target_percent} %).",
        "Xét giải cá nhân: "
        + ("chung toàn cuộc thi." if r.pooled else "theo từng đối tượng dự thi."),
        f"Điểm được khoá lúc {esc(r.locked_at)}; mã kiểm tra {esc(r.lock_digest[:16])}….",
    ]
    lines += [esc(render(note, "vi")) for note in r.notes]
    return "".join(f"<p>– {line}</p>" for line in lines)


def _stats_blocks(book: ResultsBook) -> tuple[list[Block], Images]:
    images = Images()
    blocks: list[Block] = []
    if not book.judge_stats and not book.charts:
        return blocks, images
    blocks.append(Flow('<p class="h">V. THỐNG KÊ VỀ GIÁM KHẢO</p>'))
    for table in book.judge_stats:
        count = max(len(table.header), 1)
        widths = [CONTENT_WIDTH / count] * count
        rows = [[esc(_cell(v)) for v in row] for row in table.rows]
        blocks.append(Flow(f'<p class="b" style="margin-top:4pt">{esc(table.title)}</p>'))
        blocks.append(Table(widths, [esc(h) for h in table.header], rows))
        blocks.extend(Flow(f'<p class="small i">{esc(note)}</p>') for note in table.notes)
    for name, png in book.charts.items():
        images.files[name] = png
        width, height = _png_size(png)
        shown_h = CHART_WIDTH * height / width if width else 200.0
        blocks.append(
            KeepTogether(
                f'<p class="c"><img src="{esc(name)}" width="{CHART_WIDTH:.0f}" '
                f'height="{shown_h:.0f}"/></p>'
            )
        )
    return blocks, images


def _cell(value: object) -> str:
    from decimal import Decimal

    from judge_app.core.scores import Points

    if isinstance(value, Points):
        return value.format(",")
    if isinstance(value, Decimal):
        return format(value, "f").replace(".", ",")
    if isinstance(value, float):
        return f"{value:.2f}".replace(".", ",")
    return "" if value is None else str(value)


def _png_size(data: bytes) -> tuple[int, int]:
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    return 0, 0


def _signers(book: ResultsBook) -> list[Signer]:
    return [Signer("THƯ KÝ", ""), Signer("TRƯỞNG BAN GIÁM KHẢO", book.head_name)]


def _footer(book: ResultsBook, what: str) -> FooterHtml:
    line = f"{what} – {esc(book.results.contest_name)}"
    digest = f"Mã kiểm tra khi khoá điểm (SHA-256): {esc(book.results.lock_digest[:32])}…"

    def footer(page: int, total: int) -> str:
        return footer_html([line, digest], page, total, qr=False)

    return footer


def result_list_blocks(book: ResultsBook) -> tuple[list[Block], Images]:
    r = book.results
    blocks: list[Block] = [
        Flow(
            heading_html(book.letterhead)
            + '<p class="title">KẾT QUẢ CHẤM THI VÀ XẾP GIẢI</p>'
            + f'<p class="subtitle b">{esc(contest_title(r.contest_name))}</p>'
            + _draft_warning(book)
            + '<p class="h">I. SỐ LIỆU CHUNG</p>'
            + _figures(book)
            + '<p class="h">II. GIẢI CÁ NHÂN</p>'
        ),
        *_individual_blocks(book, with_notes=True, numbered=""),
    ]
    if r.ties:
        blocks.extend(
            _heading(
                '<p class="h">Các trường hợp bằng điểm tại ranh giới giải</p>'
                '<p class="small">Không trường hợp nào được phân định ngầm: mỗi nhóm ghi quy tắc '
                "đã dùng theo thể lệ hoặc quyết định của Ban giám khảo.</p>"
            )
        )
        blocks.append(_ties_table(book))
    blocks.extend(
        _heading(
            '<p class="h">III. XẾP HẠNG ĐƠN VỊ (GIẢI TẬP THỂ)</p>'
            f'<p class="small">Công thức: {esc(r.formula)}</p>'
        )
    )
    blocks.append(_school_table(book))
    blocks.extend(_heading('<p class="h">IV. BÀI KHÔNG HỢP LỆ (KHÔNG XẾP HẠNG)</p>'))
    if r.invalid:
        blocks.append(_invalid_table(book))
    else:
        blocks.append(Flow('<p class="i">Không có.</p>'))
    stats, images = _stats_blocks(book)
    blocks.extend(stats)
    blocks.append(Spacer(6.0))
    blocks.append(KeepTogether(signatures_html(_signers(book))))
    return blocks, images


def annex_blocks(book: ResultsBook) -> list[Block]:
    r = book.results
    number = book.decision_number or f"{DOTS}/QĐ-{DOTS}"
    issuer = book.organiser or (
        book.letterhead.board_lines[0] if book.letterhead.board_lines else DOTS
    )
    # The decision's date is the board's to write unless its number is known already.
    when = book.letterhead.date if book.decision_number else None
    date = date_line("", when).split(", ", 1)[1]
    prizes = book.prize_list()
    collective = [u for u in r.units if u.prize]
    blocks: list[Block] = [
        Flow(
            heading_html(book.letterhead)
            + '<p class="title">DANH SÁCH ĐẠT GIẢI</p>'
            + '<p class="subtitle b" style="margin-bottom:0">'
            + f"{esc(contest_title(r.contest_name))}</p>"
            + f'<p class="c i">(Kèm theo Quyết định số {esc(number)} {esc(date)} '
            f"của {esc(issuer)})</p>" + _draft_warning(book) + '<p class="h">I. GIẢI CÁ NHÂN</p>'
        ),
        *_individual_blocks(book, with_notes=False, numbered=""),
        *_heading('<p class="h">II. GIẢI TẬP THỂ</p>'),
    ]
    if collective or any(u.pending for u in r.units):
        blocks.append(_collective_table(book))
    else:
        blocks.append(Flow('<p class="i">Không có giải tập thể.</p>'))
    blocks.append(
        Flow(
            f'<p style="margin-top:8pt">Danh sách có <b>{len(prizes)}</b> giải cá nhân và '
            f"<b>{len(collective)}</b> giải tập thể./.</p>"
        )
    )
    return blocks


def result_list_pdf(book: ResultsBook) -> bytes:
    blocks, images = result_list_blocks(book)
    meta = DocumentMeta(
        title=f"Kết quả chấm thi và xếp giải – {book.results.contest_name}",
        subject=book.results.contest_name,
        author=book.letterhead.board_lines[-1] if book.letterhead.board_lines else "",
        keywords=f"sha256:{book.results.lock_digest}",
    )
    return render_pdf(blocks, meta, footer=_footer(book, "Kết quả chấm thi"), images=images)


def annex_pdf(book: ResultsBook) -> bytes:
    meta = DocumentMeta(
        title=f"Danh sách đạt giải – {book.results.contest_name}",
        subject=book.results.contest_name,
        keywords=f"sha256:{book.results.lock_digest}",
    )
    return render_pdf(annex_blocks(book), meta, footer=_footer(book, "Danh sách đạt giải"))


def write_result_pdfs(book: ResultsBook, folder: Path) -> Sequence[Path]:
    """Both documents into `folder`, each written atomically."""
    written = []
    for name, make in ((RESULT_LIST, result_list_pdf), (ANNEX, annex_pdf)):
        target = folder / name
        write_output(target, make(book))
        written.append(target)
    return written
