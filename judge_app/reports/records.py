"""The board's records (biên bản) as A4 PDFs: discrepancies settled, and the merge summary.

A biên bản is what the judges and the head judge sign to say how an entry's score was settled
when the judges disagreed: each judge's total, the gaps, the rule that applied (discussion,
third grading, head judge), and the recorded decision with its reason. It prints the head of
the contest file's audit chain, so the paper names the exact state of the log it was made
from: anyone can later check that the log still leads to that row (`judge-app audit verify`).

The merge summary says which score files were merged or refused and why (from a
`MergeReport`), or, after the fact, which files the contest file holds (`score_file` rows and
their audit rows; a refused file leaves no trace in the contest file by design).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import describe
from judge_app.core.scores import Points
from judge_app.exchange.merge import MergeReport, MergeStatus
from judge_app.fileio import write_atomically
from judge_app.reports.letterhead import (
    Letterhead,
    Signer,
    heading_html,
    letterhead_for,
    parse_settings,
    signatures_html,
)
from judge_app.reports.pdf_layout import (
    CONTENT_WIDTH,
    QR_NAME,
    Block,
    DocumentMeta,
    Flow,
    Images,
    KeepTogether,
    Table,
    esc,
    footer_html,
    qr_png,
    render_pdf,
)
from judge_app.store.database import AUDIT_HEAD_KEY, ContestDatabase
from judge_app.store.models import (
    AuditRow,
    Contest,
    Decision,
    Entry,
    Grading,
    GradingStatus,
    Judge,
    Meta,
    ScoreFileRecord,
)
from judge_app.store.settlement import EntrySettlement, Queue, settle_entries

RECORD_TITLE = "BIÊN BẢN XỬ LÝ ĐIỂM CHẤM CHÊNH LỆCH"
MERGE_TITLE = "BÁO CÁO TỔNG HỢP GHÉP TỆP ĐIỂM"
PENDING = (Queue.DISCUSS, Queue.THIRD, Queue.THIRD_ASSIGNED, Queue.HEAD)
KIND_LABELS = {
    "discussed": "Hai giám khảo trao đổi, thống nhất điểm",
    "head": "Trưởng ban giám khảo quyết định",
    "invalid": "Hội đồng quyết định bài không hợp lệ",
    "appeal": "Kết quả phúc khảo",
}
QUEUE_LABELS = {
    Queue.DISCUSS: "chờ hai giám khảo trao đổi",
    Queue.THIRD: "chờ phân công chấm lần 3",
    Queue.THIRD_ASSIGNED: "đang chấm lần 3",
    Queue.HEAD: "chờ trưởng ban quyết định",
}


@dataclass(frozen=True)
class RecordReport:
    path: Path
    pages: int
    entries: int  # entries (record) or files (merge summary) listed
    audit_head: str


@dataclass(frozen=True)
class _Board:
    letterhead: Letterhead
    contest_name: str
    head_name: str
    judges: dict[str, str]  # code → name
    audit_head: str  # "<row number> <hash>"
    agree_below: Points
    discuss_upto: Points
    third_mean_upto: Points
    max_total: Points
    criterion_agree_below: Points
    criterion_discuss_upto: Points


def _board(session: Session, date: dt.date | None) -> _Board:
    contest = session.scalars(select(Contest)).one()
    head = session.get(Meta, AUDIT_HEAD_KEY)
    judges = {j.code: j.name for j in session.scalars(select(Judge).order_by(Judge.code))}
    head_name = session.scalars(select(Judge.name).where(Judge.is_head.is_(True))).first()
    scale = contest.max_total.centi

    def scaled(p: Points) -> Points:
        return Points((p.centi * scale + 500) // 1000)

    return _Board(
        letterhead_for(parse_settings(contest.settings), contest.organiser, date),
        contest.name,
        head_name or "",
        judges,
        head.value if head is not None else "",
        scaled(contest.agree_below),
        scaled(contest.discuss_upto),
        scaled(contest.third_mean_upto),
        contest.max_total,
        contest.agree_below if contest.per_criterion_rule else Points(10**9),
        contest.discuss_upto if contest.per_criterion_rule else Points(10**9),
    )


def _today() -> dt.date:
    return dt.datetime.now(dt.UTC).astimezone(dt.timezone(dt.timedelta(hours=7))).date()


def _p(points: Points) -> str:
    return points.format(",")


def _limit(points: Points) -> str:
    """A threshold as the rule writes it: "1,0", "1,5", "2,5"."""
    text = points.format(",")
    return text if "," in text else f"{text},0"


def _audit_text(head: str) -> tuple[str, str]:
    """("1234", "ab12…") from the stored "1234 ab12…"."""
    number, _, digest = head.partition(" ")
    return (number, digest) if digest else ("", head)


def _write(out: Path, data: bytes) -> None:
    try:
        write_atomically(out, data)
    except OSError as exc:
        raise JudgeAppError("sheet_unwritable", out, reason=exc.strerror or str(exc)) from exc


def _pages(data: bytes) -> int:
    import pymupdf

    with pymupdf.open("pdf", data) as document:
        return int(document.page_count)


def _footer(title: str, board: _Board) -> list[str]:
    number, digest = _audit_text(board.audit_head)
    return [
        f"{esc(title.capitalize())} – {esc(board.contest_name)}",
        f"Đầu chuỗi nhật ký của tệp cuộc thi: dòng {esc(number)}",
        f"SHA-256: {esc(digest)}",
    ]


def _audit_paragraph(board: _Board, what: str = "Biên bản") -> str:
    number, digest = _audit_text(board.audit_head)
    return (
        f'<p class="small" style="margin-top:6pt">{what} lập từ tệp cuộc thi có đầu chuỗi '
        f"nhật ký thay đổi ở dòng <b>{esc(number)}</b>, mã băm SHA-256:</p>"
        f'<p class="small b" style="margin-left:12pt">{esc(digest)}</p>'
        '<p class="small i">Lệnh <b>judge-app audit verify</b> trên tệp cuộc thi kiểm tra rằng '
        "nhật ký vẫn dẫn tới đúng dòng này, không bị sửa hay xoá.</p>"
    )


def _render(
    blocks: Sequence[Block], title: str, board: _Board, out: Path, entries: int
) -> RecordReport:
    _, digest = _audit_text(board.audit_head)
    data = render_pdf(
        blocks,
        DocumentMeta(title=title, subject=board.contest_name, keywords=board.audit_head),
        footer=lambda page, total: footer_html(_footer(title, board), page, total, qr=bool(digest)),
        images=Images({QR_NAME: qr_png(digest)} if digest else {}),
    )
    _write(out, data)
    return RecordReport(out, _pages(data), entries, board.audit_head)


def _intro(board: _Board, title: str, subtitle: str) -> str:
    return (
        heading_html(board.letterhead)
        + f'<p class="title">{esc(title)}</p>'
        + f'<p class="subtitle b">{esc(subtitle)}</p>'
    )


# ---------------------------------------------------------------------------------------------
# Biên bản: discrepancies settled


@dataclass(frozen=True)
class _Decided:
    kind: str
    score: Points | None
    reason: str
    by: str
    at: dt.datetime


def _decisions(session: Session) -> dict[str, list[_Decided]]:
    found: dict[str, list[_Decided]] = defaultdict(list)
    for decision, code in session.execute(
        select(Decision, Entry.code)
        .join(Entry, Entry.id == Decision.entry_id)
        .order_by(Decision.id)
    ):
        found[code].append(
            _Decided(
                decision.kind,
                decision.score,
                decision.reason,
                decision.decided_by,
                decision.decided_at,
            )
        )
    return found


def needs_record(item: EntrySettlement) -> bool:
    """Settled by something other than the two judges' plain agreement: a discussion, a third
    grading or a decision (an invalid entry by decision too)."""
    if item.queue is Queue.DECIDED:
        return True
    if item.queue is Queue.INVALID:
        return item.rule == "decision"
    return item.queue is Queue.AGREED and item.rule in ("two_equal_of_three", "mean_of_three")


def _stage(item: EntrySettlement, board: _Board) -> int:
    """What the two first gradings called for: 0 agree, 1 discuss, 2 third grading (the worst
    part decides; the total against the scaled thresholds, criteria against the plain ones)."""
    worst = 0
    for part, gap in item.gaps:
        agree, discuss = (
            (board.agree_below, board.discuss_upto)
            if part == "total"
            else (board.criterion_agree_below, board.criterion_discuss_upto)
        )
        stage = 0 if gap < agree else 1 if gap <= discuss else 2
        worst = max(worst, stage)
    return worst


def _rule_text(item: EntrySettlement, board: _Board) -> str:
    gap = item.gap
    if len(item.gradings) >= 3:
        spread = f" (chênh lệch lớn nhất {_p(gap)})" if gap is not None else ""
        if item.rule == "two_equal_of_three":
            return f"Chấm lần 3{spread}: hai điểm bằng nhau, lấy điểm đó."
        if item.rule == "mean_of_three":
            return (
                f"Chấm lần 3{spread}: chênh lệch lớn nhất không quá "
                f"{_limit(board.third_mean_upto)} điểm, lấy trung bình ba lần chấm."
            )
        return (
            f"Chấm lần 3{spread}: chênh lệch lớn nhất trên {_limit(board.third_mean_upto)} "
            "điểm, trưởng ban giám khảo quyết định."
        )
    if item.queue is Queue.INVALID:
        return "Bài có dấu hiệu vi phạm, đưa ra Hội đồng xem xét."
    if _stage(item, board) >= 2:
        text = (
            f"Chênh lệch trên {_limit(board.discuss_upto)} điểm (toàn bài hoặc tiêu chí): "
            "phải chấm lần 3"
        )
        if item.rule == "decision_head":
            text += "; trưởng ban giám khảo quyết định trước khi chấm lần 3"
        return text + "."
    return (
        f"Chênh lệch từ {_limit(board.agree_below)} đến {_limit(board.discuss_upto)} điểm "
        "(toàn bài hoặc tiêu chí): hai giám khảo trao đổi; không thống nhất thì trưởng ban "
        "quyết định."
    )


def _gap_text(item: EntrySettlement) -> str:
    parts: list[str] = []
    for part, gap in item.gaps:
        if part == "total":
            parts.insert(0, f"Toàn bài: <b>{_p(gap)}</b>")
        elif gap.centi > 0:
            parts.append(f"{esc(part)}: {_p(gap)}")
    return "<br/>".join(parts)


def _outcome_text(item: EntrySettlement, decided: list[_Decided]) -> str:
    lines = []
    if item.queue is Queue.INVALID:
        lines.append('<span class="b">Bài không hợp lệ</span>')
    elif item.final is not None:
        exact = ""
        if item.exact is not None and item.exact != item.final.to_decimal():
            exact = f" (chưa làm tròn: {str(item.exact).replace('.', ',')})"
        lines.append(f'Điểm chính thức: <span class="b">{_p(item.final)}</span>{exact}')
    for d in decided:
        score = f": {_p(d.score)} điểm" if d.score is not None else ""
        when = d.at.strftime("%d/%m/%Y %H:%M")
        lines.append(
            f"{esc(KIND_LABELS.get(d.kind, d.kind))}{score}. Lý do: {esc(d.reason)} "
            f'<span class="i">({esc(d.by)}, {when} UTC)</span>'
        )
    return "<br/>".join(lines)


def _record_table(
    items: Sequence[EntrySettlement], decisions: dict[str, list[_Decided]], board: _Board
) -> Table:
    rows = []
    for number, item in enumerate(items, start=1):
        totals = "<br/>".join(
            f"{esc(g.judge)} (lần {g.round}): <b>{_p(g.total)}</b>" for g in item.gradings
        )
        rows.append(
            [
                str(number),
                f'<span class="b code">{esc(item.code)}</span>',
                totals,
                _gap_text(item),
                esc(_rule_text(item, board)),
                _outcome_text(item, decisions.get(item.code, [])),
            ]
        )
    widths = [22.0, 60.0, 86.0, 64.0, 110.0]
    widths.append(CONTENT_WIDTH - sum(widths))
    header = [
        "TT",
        "Số phách",
        "Điểm của giám khảo",
        "Chênh lệch",
        "Quy định áp dụng",
        "Kết quả, quyết định",
    ]
    return Table(widths, header, rows, ["c", "c", "", "", "", ""])


def discrepancy_record(
    db: ContestDatabase, out_pdf: Path, *, date: dt.date | None = None
) -> RecordReport:
    """The biên bản of every entry whose score was settled beyond plain agreement."""
    settled = settle_entries(db)
    with db.read_session() as session:
        board = _board(session, date or _today())
        decisions = _decisions(session)
    items = [s for s in settled if needs_record(s)]
    pending = [s for s in settled if s.queue in PENDING]
    involved = sorted({g.judge for s in items for g in s.gradings})
    where = board.letterhead.place or "……………"
    members = "; ".join(f"{esc(code)} – {esc(board.judges.get(code, ''))}" for code in involved)
    intro = _intro(board, RECORD_TITLE, board.contest_name) + (
        f"<p>Hội đồng giám khảo cuộc thi lập biên bản tại {esc(where)} về việc xử lý các bài dự "
        "thi có điểm chấm của các giám khảo chênh lệch, theo quy định chấm của cuộc thi "
        f"(thang điểm {_p(board.max_total)}).</p>"
        f"<p><b>Thành phần:</b> Trưởng ban giám khảo: {esc(board.head_name or '……………')}; "
        f"các giám khảo: {members or 'không có'}.</p>"
        f'<p class="h">Nội dung: {len(items)} bài đã xử lý</p>'
    )
    blocks: list[Block] = [Flow(intro)]
    if items:
        blocks.append(_record_table(items, decisions, board))
    else:
        blocks.append(Flow("<p class='i'>Không có bài nào phải xử lý chênh lệch điểm.</p>"))
    closing = ""
    if pending:
        listed = ", ".join(
            f"{esc(s.code)} ({QUEUE_LABELS.get(s.queue, s.queue.value)})" for s in pending[:60]
        )
        more = f" và {len(pending) - 60} bài khác" if len(pending) > 60 else ""
        closing += (
            f'<p class="h">Bài còn chờ xử lý: {len(pending)}</p>'
            f'<p class="small">{listed}{more}.</p>'
        )
    closing += _audit_paragraph(board)
    closing += (
        '<p style="margin-top:6pt">Biên bản được các thành viên thống nhất thông qua và ký '
        "tên dưới đây.</p>"
    )
    signers = [Signer(f"GIÁM KHẢO {code}", board.judges.get(code, "")) for code in involved]
    signers.append(Signer("TRƯỞNG BAN GIÁM KHẢO", board.head_name))
    blocks += [Flow(closing), KeepTogether(signatures_html(signers))]
    return _render(blocks, RECORD_TITLE, board, out_pdf, len(items))


# ---------------------------------------------------------------------------------------------
# Merge summary


@dataclass(frozen=True)
class _FileLine:
    name: str
    judge: str
    revision: int
    entries: int
    outcome: str
    detail: str


def _outcome_label(status: MergeStatus) -> str:
    return {
        MergeStatus.MERGED: "Đã ghép",
        MergeStatus.UNCHANGED: "Đã ghép trước đó, không thay đổi",
        MergeStatus.REFUSED: "Từ chối",
    }[status]


def _lines_from_report(report: MergeReport) -> list[_FileLine]:
    lines = []
    for outcome in report.outcomes:
        detail = describe(outcome.error, "vi") if outcome.error is not None else ""
        if outcome.unknown_files:
            detail += (
                f"{len(outcome.unknown_files)} bài có tệp khác với tệp của Hội đồng: "
                + ", ".join(outcome.unknown_files[:20])
            )
        lines.append(
            _FileLine(
                outcome.path.name,
                outcome.judge,
                outcome.revision,
                outcome.entries,
                _outcome_label(outcome.status),
                detail,
            )
        )
    return lines


def _lines_from_contest(session: Session) -> list[_FileLine]:
    audits: dict[str, dict[str, object]] = {}
    for actor, at, after in session.execute(
        select(AuditRow.actor, AuditRow.at, AuditRow.after).where(AuditRow.action == "scores.merge")
    ):
        data = json.loads(after) if after else {}
        if isinstance(data, dict) and "sha256" in data:
            audits[str(data["sha256"])] = {"actor": actor, "at": at, **data}
    lines = []
    for record, code in session.execute(
        select(ScoreFileRecord, Judge.code)
        .join(Judge, Judge.id == ScoreFileRecord.judge_id)
        .order_by(ScoreFileRecord.recorded_at, ScoreFileRecord.id)
    ):
        trail = audits.get(record.sha256, {})
        unknown = int(str(trail.get("unknown_files", 0)) or 0)
        detail = f"Ghép lúc {trail.get('at', '')} bởi {trail.get('actor', '')}" if trail else ""
        if unknown:
            detail += f"; {unknown} bài có tệp khác với tệp của Hội đồng"
        detail += f"; SHA-256 {record.sha256[:16]}…"
        lines.append(
            _FileLine(
                Path(record.stored_path).name or record.sha256[:12],
                code,
                record.revision,
                record.entries,
                "Đã ghép",
                detail.lstrip("; "),
            )
        )
    return lines


def _per_judge(session: Session, lines: Sequence[_FileLine]) -> Table:
    submitted: dict[str, int] = defaultdict(int)
    drafts: dict[str, int] = defaultdict(int)
    for code, status in session.execute(
        select(Judge.code, Grading.status).join(Judge, Judge.id == Grading.judge_id)
    ):
        if status is GradingStatus.SUBMITTED:
            submitted[code] += 1
        else:
            drafts[code] += 1
    judges = sorted({line.judge for line in lines if line.judge} | set(submitted) | set(drafts))
    rows = []
    for code in judges:
        mine = [line for line in lines if line.judge == code]
        merged = [line for line in mine if line.outcome == "Đã ghép"]
        refused = sum(1 for line in mine if line.outcome == "Từ chối")
        newest = max((line.revision for line in merged), default=0)
        rows.append(
            [
                f'<span class="b">{esc(code)}</span>',
                str(len(merged)),
                str(refused),
                str(newest) if newest else "",
                str(submitted.get(code, 0)),
                str(drafts.get(code, 0)),
            ]
        )
    widths = [70.0, 70.0, 70.0, 80.0, 90.0]
    widths.append(CONTENT_WIDTH - sum(widths))
    header = [
        "Giám khảo",
        "Tệp đã ghép",
        "Tệp bị từ chối",
        "Lần xuất mới nhất",
        "Bài đã nộp điểm (trong tệp cuộc thi)",
        "Bài nháp",
    ]
    return Table(widths, header, rows, ["c"] * 6)


def merge_summary(
    db: ContestDatabase,
    out_pdf: Path,
    report: MergeReport | None = None,
    *,
    actor: str = "",
    date: dt.date | None = None,
) -> RecordReport:
    """The merge summary: of `report` (one merge run) or of every file the contest holds."""
    with db.read_session() as session:
        board = _board(session, date or _today())
        lines = _lines_from_report(report) if report is not None else _lines_from_contest(session)
        per_judge = _per_judge(session, lines)
    merged = sum(1 for line in lines if line.outcome == "Đã ghép")
    refused = sum(1 for line in lines if line.outcome == "Từ chối")
    scope = (
        "các tệp điểm của lần ghép này"
        if report is not None
        else "mọi tệp điểm đã ghép vào tệp cuộc thi (tệp bị từ chối không được lưu lại)"
    )
    intro = _intro(board, MERGE_TITLE, board.contest_name) + (
        f"<p>Tổng hợp {scope}: <b>{len(lines)}</b> tệp, đã ghép <b>{merged}</b>, "
        f"từ chối <b>{refused}</b>. Mỗi tệp được kiểm tra chữ ký số với khoá đã đăng ký của "
        "giám khảo; tệp bị từ chối không làm thay đổi tệp cuộc thi.</p>"
        '<p class="h">Các tệp điểm</p>'
    )
    rows = [
        [
            str(n),
            esc(line.name),
            f'<span class="b">{esc(line.judge)}</span>',
            str(line.revision) if line.revision else "",
            str(line.entries) if line.entries else "",
            f'<span class="b">{esc(line.outcome)}</span>'
            + (f"<br/>{esc(line.detail)}" if line.detail else ""),
        ]
        for n, line in enumerate(lines, start=1)
    ]
    widths = [22.0, 120.0, 50.0, 40.0, 40.0]
    widths.append(CONTENT_WIDTH - sum(widths))
    files = Table(
        widths,
        ["TT", "Tệp", "Giám khảo", "Lần xuất", "Số bài", "Kết quả"],
        rows,
        ["c", "", "c", "c", "c", ""],
    )
    blocks: list[Block] = [Flow(intro)]
    blocks.append(files if rows else Flow("<p class='i'>Chưa có tệp điểm nào.</p>"))
    blocks += [
        Flow('<p class="h">Theo giám khảo</p>'),
        per_judge,
        Flow(_audit_paragraph(board, "Báo cáo")),
        KeepTogether(
            signatures_html(
                [Signer("NGƯỜI GHÉP TỆP", actor), Signer("TRƯỞNG BAN GIÁM KHẢO", board.head_name)]
            )
        ),
    ]
    return _render(blocks, MERGE_TITLE, board, out_pdf, len(lines))
