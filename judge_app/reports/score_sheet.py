"""The judge's score sheet (phiếu chấm) as a signed-on-paper A4 PDF.

The paper must say exactly what the signed file says, and let anyone check that: its footer
carries the score file's SHA-256, the judge's key fingerprint and a QR code of the hash on
every page, so a page that comes loose still names its file. Two sources:

- `score_sheet_from_file`: a judge's .jgs export (the judge prints from their workspace, or the
  board prints a file it received). The rubric's names come from a contest file or workspace
  (or a plain mapping); when that file has the judge's key pinned, the signature is checked
  first and a sheet of a file that fails is refused.
- `score_sheets_from_contest`: the merged gradings of one judge (or every judge) in the board's
  contest file, one sheet per judge and grading round, with the hash of the newest score file
  merged for them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from judge_app.core.errors import JudgeAppError
from judge_app.core.scores import Points, mean
from judge_app.exchange.score_file import ScoreFile, read_score_file
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
    qr_png,
    render_pdf,
)
from judge_app.reports.pdf_layout import footer_html as page_footer
from judge_app.store.database import ContestDatabase
from judge_app.store.models import (
    Assignment,
    Contest,
    Criterion,
    Entry,
    Grading,
    Judge,
    Question,
    ScoreFileRecord,
)

TITLE = "PHIẾU CHẤM BÀI DỰ THI"

# The grading flags' Vietnamese names (the UI's FLAG_NAMES are Qt strings; reports are Qt-free).
FLAG_LABELS = {
    "identity_revealed": "lộ danh tính",
    "suspected_copy": "nghi sao chép",
    "off_topic": "lạc đề",
    "wrong_format": "sai thể thức",
    "unreadable": "không đọc được",
    "missing_pages": "thiếu trang/tệp",
}
STATUS_LABELS = {"draft": "Bản nháp, chưa nộp", "not_started": "Chưa chấm"}


@dataclass(frozen=True)
class SheetCriterion:
    code: str
    name: str
    maximum: Points


@dataclass(frozen=True)
class SheetRubric:
    criteria: tuple[SheetCriterion, ...]
    questions: int
    choice_max: Points

    @property
    def maximum(self) -> Points:
        return sum((c.maximum for c in self.criteria), self.choice_max)


@dataclass(frozen=True)
class SheetRow:
    code: str
    scores: Mapping[str, Points]
    choice: Points
    total: Points
    comment: str
    status: str  # submitted / draft / not_started
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class SheetNote:
    code: str
    file: int
    page: int
    text: str


@dataclass(frozen=True)
class ScoreSheet:
    """Everything one printed sheet shows."""

    letterhead: Letterhead
    contest_name: str
    round: int
    judge_code: str
    judge_name: str
    head_name: str
    rubric: SheetRubric
    rows: tuple[SheetRow, ...]
    notes: tuple[SheetNote, ...]
    sha256: str | None  # the score file the sheet shows; None when no file was merged
    fingerprint: str | None
    revision: int | None
    exported_at: str
    signature: str  # "checked" (against the pinned key), "unchecked", "none"


@dataclass(frozen=True)
class SheetReport:
    path: Path
    judge: str
    round: int
    entries: int
    pages: int
    sha256: str | None


# ---------------------------------------------------------------------------------------------
# Rubric and contest facts


@dataclass(frozen=True)
class _ContestFacts:
    uuid: str
    name: str
    organiser: str
    settings: dict[str, Any]
    head_name: str
    rubric: SheetRubric


def _rubric_from_session(session: Session) -> SheetRubric:
    criteria = tuple(
        SheetCriterion(c.code, c.name, c.maximum)
        for c in session.scalars(select(Criterion).order_by(Criterion.sort, Criterion.id))
    )
    questions = session.scalars(select(Question)).all()
    return SheetRubric(criteria, len(questions), sum((q.points for q in questions), Points(0)))


def _facts_from_session(session: Session) -> _ContestFacts:
    contest = session.scalars(select(Contest)).one()
    head = session.scalars(select(Judge.name).where(Judge.is_head.is_(True))).first()
    return _ContestFacts(
        contest.uuid,
        contest.name,
        contest.organiser,
        parse_settings(contest.settings),
        head or "",
        _rubric_from_session(session),
    )


def _points(value: Any, source: Path | None) -> Points:
    if isinstance(value, Points):
        return value
    try:
        return Points.parse(str(value))
    except JudgeAppError:
        raise JudgeAppError("sheet_rubric_invalid", source, reason=str(value)) from None


def facts_from_mapping(data: Mapping[str, Any]) -> _ContestFacts:
    """A rubric given as plain data: {"contest": {...}, "criteria": [...], "questions": [...]}."""
    try:
        contest = dict(data.get("contest", {}))
        criteria = tuple(
            SheetCriterion(str(c["code"]), str(c["name"]), _points(c["maximum"], None))
            for c in data.get("criteria", [])
        )
        questions = list(data.get("questions", []))
        choice = sum((_points(q["points"], None) for q in questions), Points(0))
        settings = contest.get("settings", {})
        return _ContestFacts(
            str(contest.get("uuid", "")),
            str(contest.get("name", "")),
            str(contest.get("organiser", "")),
            dict(settings) if isinstance(settings, Mapping) else {},
            str(contest.get("head_judge", "")),
            SheetRubric(criteria, len(questions), choice),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise JudgeAppError("sheet_rubric_invalid", None, reason=str(exc)) from None


# ---------------------------------------------------------------------------------------------
# Building a sheet


def _row_from_item(item: Mapping[str, Any], rubric: SheetRubric, path: Path) -> SheetRow:
    known = {c.code for c in rubric.criteria}
    scores = {code: Points.parse(text) for code, text in item["scores"].items()}
    unknown = sorted(set(scores) - known)
    if unknown:
        raise JudgeAppError(
            "sheet_unknown_criterion", path, entry=item["code"], criterion=unknown[0]
        )
    total = Points.parse(item["total"])
    choice_text = item.get("choice_points")
    if isinstance(choice_text, str):
        choice = Points.parse(choice_text)
    else:
        choice = Points(total.centi - sum(p.centi for p in scores.values()))
    return SheetRow(
        item["code"],
        scores,
        choice,
        total,
        item["comment"],
        item["status"],
        tuple(sorted(item["flags"])),
    )


def sheet_from_score_file(
    score_file: ScoreFile,
    facts: _ContestFacts,
    *,
    signature: str,
    date: dt.date | None,
) -> ScoreSheet:
    body = score_file.body
    rows = tuple(_row_from_item(item, facts.rubric, score_file.path) for item in body["entries"])
    notes = tuple(
        SheetNote(item["code"], int(n.get("file", 1)), int(n.get("page", 1)), n["text"])
        for item in body["entries"]
        for n in item["page_notes"]
    )
    return ScoreSheet(
        letterhead_for(facts.settings, facts.organiser, date),
        facts.name or str(body["contest"].get("name", "")),
        score_file.round,
        score_file.judge_code,
        str(body["judge"].get("name", "")),
        facts.head_name,
        facts.rubric,
        rows,
        notes,
        score_file.sha256,
        score_file.fingerprint,
        score_file.revision,
        str(body["exported_at"]),
        signature,
    )


def _check_signature(db: ContestDatabase, score_file: ScoreFile) -> str:
    """ "checked" when this file holds the judge's pinned key and the file verifies with it."""
    from judge_app.exchange import keys

    with db.read_session() as session:
        judge = session.scalars(select(Judge).where(Judge.code == score_file.judge_code)).first()
        der = judge.public_key if judge is not None else None
    if der is None:
        return "unchecked"
    if not score_file.verify(keys.public_key_from_der(der, db.path)):
        raise JudgeAppError("sheet_bad_signature", score_file.path, judge=score_file.judge_code)
    return "checked"


def score_sheet_from_file(
    score_file: ScoreFile | Path,
    rubric_source: ContestDatabase | Path | Mapping[str, Any],
    out_pdf: Path,
    *,
    date: dt.date | None = None,
) -> SheetReport:
    """Print a judge's score file; the rubric's names come from `rubric_source`."""
    parsed = score_file if isinstance(score_file, ScoreFile) else read_score_file(score_file)
    if isinstance(rubric_source, Mapping):
        facts = facts_from_mapping(rubric_source)
        signature = "unchecked"
    elif isinstance(rubric_source, ContestDatabase):
        facts, signature = _facts_and_signature(rubric_source, parsed)
    else:
        from judge_app.store.database import open_contest_file

        with open_contest_file(Path(rubric_source)) as db:
            facts, signature = _facts_and_signature(db, parsed)
    if facts.uuid and facts.uuid != parsed.contest_uuid:
        raise JudgeAppError("sheet_other_contest", parsed.path)
    sheet = sheet_from_score_file(parsed, facts, signature=signature, date=date or _today())
    return write_sheet(sheet, out_pdf)


def _facts_and_signature(db: ContestDatabase, parsed: ScoreFile) -> tuple[_ContestFacts, str]:
    with db.read_session() as session:
        facts = _facts_from_session(session)
    if facts.uuid != parsed.contest_uuid:
        raise JudgeAppError("sheet_other_contest", parsed.path)
    return facts, _check_signature(db, parsed)


def _today() -> dt.date:
    return dt.datetime.now(dt.UTC).astimezone(dt.timezone(dt.timedelta(hours=7))).date()


def _sheets_in_contest(
    session: Session, judge_code: str | None, round_: int | None
) -> list[tuple[Judge, int]]:
    query = (
        select(Judge, Assignment.round)
        .join(Assignment, Assignment.judge_id == Judge.id)
        .group_by(Judge.id, Assignment.round)
        .order_by(Judge.code, Assignment.round)
    )
    if judge_code is not None:
        query = query.where(Judge.code == judge_code)
    if round_ is not None:
        query = query.where(Assignment.round == round_)
    return [(judge, r) for judge, r in session.execute(query).all()]


def sheet_from_contest(
    session: Session, facts: _ContestFacts, judge: Judge, round_: int, date: dt.date | None
) -> ScoreSheet:
    """One judge's sheet of one round from the contest file's (merged) gradings."""
    questions = {q.id: q for q in session.scalars(select(Question))}
    criteria = {c.id: c.code for c in session.scalars(select(Criterion))}
    entries = session.execute(
        select(Entry.id, Entry.code)
        .join(Assignment, Assignment.entry_id == Entry.id)
        .where(Assignment.judge_id == judge.id, Assignment.round == round_)
        .order_by(Entry.code)
    ).all()
    gradings = {
        g.entry_id: g
        for g in session.scalars(
            select(Grading)
            .where(Grading.judge_id == judge.id, Grading.round == round_)
            .options(
                selectinload(Grading.flags),
                selectinload(Grading.page_notes),
            )
        )
    }
    rows: list[SheetRow] = []
    notes: list[SheetNote] = []
    for entry_id, code in entries:
        grading = gradings.get(entry_id)
        if grading is None:
            rows.append(SheetRow(code, {}, Points(0), Points(0), "", "not_started"))
            continue
        scores = {criteria[cid]: points for cid, points in grading.scores.items()}
        choice = sum(
            (
                questions[qid].points
                for qid, chosen in grading.answers.items()
                if chosen and chosen == questions[qid].answer
            ),
            Points(0),
        )
        total = sum(scores.values(), choice)
        rows.append(
            SheetRow(
                code,
                scores,
                choice,
                total,
                grading.comment,
                grading.status.value,
                tuple(sorted(f.code for f in grading.flags)),
            )
        )
        notes.extend(
            SheetNote(code, n.file_sort + 1, n.page + 1, n.text)
            for n in sorted(grading.page_notes, key=lambda n: (n.file_sort, n.page, n.id))
        )
    newest = session.scalars(
        select(ScoreFileRecord)
        .where(ScoreFileRecord.judge_id == judge.id, ScoreFileRecord.round == round_)
        .order_by(ScoreFileRecord.revision.desc())
        .limit(1)
    ).first()
    return ScoreSheet(
        letterhead_for(facts.settings, facts.organiser, date),
        facts.name,
        round_,
        judge.code,
        judge.name,
        facts.head_name,
        facts.rubric,
        tuple(rows),
        tuple(notes),
        newest.sha256 if newest is not None else None,
        judge.key_fingerprint if newest is not None else None,
        newest.revision if newest is not None else None,
        newest.exported_at if newest is not None else "",
        "checked" if newest is not None else "none",
    )


def score_sheets_from_contest(
    db: ContestDatabase,
    out: Path,
    judge: str | None = None,
    *,
    round_: int | None = None,
    date: dt.date | None = None,
) -> list[SheetReport]:
    """Sheets of every judge (or `judge`) and round from the contest file.

    `out` ending in ".pdf": one file, each sheet starting on its own page with its own page
    numbers; otherwise a folder with one file per judge and round.
    """
    with db.read_session() as session:
        facts = _facts_from_session(session)
        pairs = _sheets_in_contest(session, judge, round_)
        if judge is not None and not pairs:
            known = session.scalars(select(func.count()).where(Judge.code == judge)).one()
            code = "sheet_no_assignments" if known else "sheet_unknown_judge"
            raise JudgeAppError(code, db.path, judge=judge)
        if not pairs:
            raise JudgeAppError("sheet_nothing", db.path)
        sheets = [sheet_from_contest(session, facts, j, r, date or _today()) for j, r in pairs]
    if out.suffix.lower() == ".pdf":
        return _write_together(sheets, out)
    return [write_sheet(sheet, out / _file_name(sheet)) for sheet in sheets]


def _file_name(sheet: ScoreSheet) -> str:
    safe = re.sub(r"[^A-Za-z0-9_-]+", "_", sheet.judge_code) or "judge"
    return f"phieu-cham-{safe}-vong-{sheet.round}.pdf"


def _write_together(sheets: Sequence[ScoreSheet], out: Path) -> list[SheetReport]:
    import pymupdf

    joined = pymupdf.open()
    reports = []
    try:
        for sheet in sheets:
            data = sheet_pdf(sheet)
            part = pymupdf.open("pdf", data)
            reports.append(
                SheetReport(
                    out,
                    sheet.judge_code,
                    sheet.round,
                    len(sheet.rows),
                    part.page_count,
                    sheet.sha256,
                )
            )
            joined.insert_pdf(part)
            part.close()
        joined.set_metadata(
            {"title": f"{TITLE} — {sheets[0].contest_name}", "creator": "judge-app"}
        )
        data = joined.tobytes(garbage=3, deflate=True)
    finally:
        joined.close()
    _write(out, data)
    return reports


def _write(out: Path, data: bytes) -> None:
    try:
        write_atomically(out, data)
    except OSError as exc:
        raise JudgeAppError("sheet_unwritable", out, reason=exc.strerror or str(exc)) from exc


def write_sheet(sheet: ScoreSheet, out_pdf: Path) -> SheetReport:
    data = sheet_pdf(sheet)
    _write(out_pdf, data)
    import pymupdf

    with pymupdf.open("pdf", data) as document:
        pages = document.page_count
    return SheetReport(out_pdf, sheet.judge_code, sheet.round, len(sheet.rows), pages, sheet.sha256)


# ---------------------------------------------------------------------------------------------
# Layout


def _p(points: Points) -> str:
    return points.format(",")


def _comment_cell(row: SheetRow) -> str:
    parts = []
    if row.status in STATUS_LABELS:
        parts.append(f'<span class="i">{esc(STATUS_LABELS[row.status])}.</span>')
    if row.flags:
        labels = ", ".join(FLAG_LABELS.get(f, f) for f in row.flags)
        parts.append(f'<span class="i">Báo cáo: {esc(labels)}.</span>')
    if row.comment:
        parts.append(esc(row.comment))
    return " ".join(parts)


def _widths(rubric: SheetRubric) -> list[float]:
    fixed = [22.0, 60.0]
    extra = ([40.0] if rubric.questions else []) + [40.0]
    count = max(len(rubric.criteria), 1)
    room = CONTENT_WIDTH - sum(fixed) - sum(extra) - 150.0  # the comment keeps 150 pt
    each = max(24.0, min(33.0, room / count))
    widths = fixed + [each] * len(rubric.criteria) + extra
    widths.append(CONTENT_WIDTH - sum(widths))
    return widths


def sheet_table(sheet: ScoreSheet) -> Table:
    rubric = sheet.rubric
    header = ["TT", "Số phách"]
    header += [f"TC{n}<br/>({_p(c.maximum)})" for n, c in enumerate(rubric.criteria, start=1)]
    if rubric.questions:
        header.append(f"Trắc<br/>nghiệm<br/>({_p(rubric.choice_max)})")
    header += [f"Tổng<br/>điểm<br/>({_p(rubric.maximum)})", "Nhận xét"]
    rows = []
    for number, row in enumerate(sheet.rows, start=1):
        started = row.status != "not_started"
        cells = [str(number), f'<span class="b code">{esc(row.code)}</span>']
        cells += [
            _p(row.scores[c.code]) if c.code in row.scores else ("" if not started else "–")
            for c in rubric.criteria
        ]
        if rubric.questions:
            cells.append(_p(row.choice) if started else "")
        cells.append(f'<span class="b">{_p(row.total)}</span>' if started else "")
        cells.append(_comment_cell(row))
        rows.append(cells)
    classes = ["c", "c"] + ["c"] * len(rubric.criteria)
    classes += (["c"] if rubric.questions else []) + ["c", ""]
    return Table(_widths(rubric), header, rows, classes)


def _legend(sheet: ScoreSheet) -> str:
    rubric = sheet.rubric
    items = [
        f"<b>TC{n}</b> ({esc(c.code)}): {esc(c.name)} (tối đa {_p(c.maximum)} điểm)"
        for n, c in enumerate(rubric.criteria, start=1)
    ]
    if rubric.questions:
        items.append(
            f"<b>Trắc nghiệm</b>: {rubric.questions} câu (tối đa {_p(rubric.choice_max)} điểm)"
        )
    lines = "".join(f'<p class="small" style="margin-left:12pt">– {item}</p>' for item in items)
    return (
        '<p class="h" style="margin-top:4pt">Tiêu chí chấm</p>'
        f"{lines}"
        f'<p class="small" style="margin-left:12pt">Tổng điểm tối đa: {_p(rubric.maximum)} điểm. '
        "Điểm ghi theo bước 0,25; dấu “–” là tiêu chí chưa cho điểm.</p>"
        '<p class="h">Bảng điểm</p>'
    )


def _totals(sheet: ScoreSheet) -> str:
    submitted = [r for r in sheet.rows if r.status == "submitted"]
    drafts = sum(1 for r in sheet.rows if r.status == "draft")
    waiting = sum(1 for r in sheet.rows if r.status == "not_started")
    flagged = sum(1 for r in sheet.rows if r.flags)
    text = (
        f"Tổng số bài được phân công: <b>{len(sheet.rows)}</b>; đã nộp điểm: "
        f"<b>{len(submitted)}</b>; bản nháp: <b>{drafts}</b>; chưa chấm: <b>{waiting}</b>; "
        f"có báo cáo cho trưởng ban: <b>{flagged}</b>."
    )
    if submitted:
        average, _ = mean([r.total for r in submitted])
        best = max(r.total for r in submitted)
        worst = min(r.total for r in submitted)
        text += (
            f" Điểm các bài đã nộp: trung bình <b>{_p(average)}</b>, cao nhất <b>{_p(best)}</b>, "
            f"thấp nhất <b>{_p(worst)}</b>."
        )
    return f'<p style="margin-top:6pt">{text}</p>'


def _notes(sheet: ScoreSheet) -> str:
    if not sheet.notes:
        return ""
    lines = "".join(
        f'<p class="small" style="margin-left:12pt">– Bài <b>{esc(n.code)}</b>, tệp {n.file}, '
        f"trang {n.page}: {esc(n.text)}</p>"
        for n in sheet.notes
    )
    return f'<p class="h">Ghi chú trên trang bài</p>{lines}'


def _source_line(sheet: ScoreSheet) -> str:
    if sheet.sha256 is None:
        return (
            "Điểm lấy từ tệp cuộc thi; chưa ghép tệp điểm có chữ ký số nào của giám khảo này "
            "cho vòng chấm này."
        )
    checked = {
        "checked": "đã kiểm tra chữ ký số với khoá đã đăng ký của giám khảo",
        "unchecked": "chưa kiểm tra chữ ký số (không có khoá đã đăng ký của giám khảo)",
    }.get(sheet.signature, "")
    return (
        f"Phiếu in từ tệp điểm có chữ ký số của giám khảo, lần xuất {sheet.revision}, "
        f"lúc {esc(sheet.exported_at)} (giờ UTC); {checked}. Mã SHA-256 và mã QR ở chân mỗi "
        "trang dùng để đối chiếu bản giấy với tệp."
    )


def sheet_blocks(sheet: ScoreSheet) -> list[Block]:
    judge = f"{sheet.judge_code} – {sheet.judge_name}" if sheet.judge_name else sheet.judge_code
    intro = (
        heading_html(sheet.letterhead)
        + f'<p class="title">{TITLE}</p>'
        + f'<p class="subtitle b">{esc(sheet.contest_name)}</p>'
        + f"<p>Vòng chấm: <b>{sheet.round}</b>"
        + ("" if sheet.round < 3 else " (chấm lần 3)")
        + f"</p><p>Giám khảo chấm: <b>{esc(judge)}</b></p>"
        + _legend(sheet)
    )
    closing = _totals(sheet) + _notes(sheet)
    closing += f'<p class="small i" style="margin-top:6pt">{_source_line(sheet)}</p>'
    signers = [
        Signer("TRƯỞNG BAN GIÁM KHẢO", sheet.head_name),
        Signer("GIÁM KHẢO CHẤM", sheet.judge_name),
    ]
    return [
        Flow(intro),
        sheet_table(sheet),
        Flow(closing),
        KeepTogether(signatures_html(signers)),
    ]


def footer_html(sheet: ScoreSheet, page: int, total: int) -> str:
    """Footer of a sheet's page: what it is, the file's hash and key, the page, the QR code."""
    lines = [
        f"Phiếu chấm – giám khảo {esc(sheet.judge_code)} – vòng {sheet.round}"
        + (f" – tệp điểm lần xuất {sheet.revision}" if sheet.revision is not None else "")
    ]
    if sheet.sha256:
        lines.append(f"SHA-256 của tệp điểm: {sheet.sha256}")
        lines.append(f"Dấu vân tay khoá ký: {esc(sheet.fingerprint or '')}")
    else:
        lines.append("Chưa có tệp điểm có chữ ký số")
    return page_footer(lines, page, total, qr=bool(sheet.sha256))


def sheet_pdf(sheet: ScoreSheet) -> bytes:
    images = Images({QR_NAME: qr_png(sheet.sha256)} if sheet.sha256 else {})
    meta = DocumentMeta(
        title=f"{TITLE} – {sheet.judge_code} – vòng {sheet.round}",
        subject=sheet.contest_name,
        author=sheet.judge_name or sheet.judge_code,
        keywords=f"sha256:{sheet.sha256}" if sheet.sha256 else "",
    )
    return render_pdf(
        sheet_blocks(sheet),
        meta,
        footer=lambda page, total: footer_html(sheet, page, total),
        images=images,
    )
