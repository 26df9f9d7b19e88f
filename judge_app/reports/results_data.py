"""Everything the result outputs show, read once from a locked contest file.

The workbook, the PDF list, the certificates and the GUI all show the same `ResultsBook`: the
`Results` of `store.results.compute_results` (rankings, prizes, ties, units), every entry's
scores with each judge's total and criteria (the "all scores" sheet), the letterhead and the
judge statistics when that module is present. Reading it once keeps the outputs of one export
consistent with each other and lets tests build a book by hand.

The Vietnamese names of prizes, tie rules and settlement rules live here too: the outputs are
official documents in Vietnamese whatever the UI language.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from judge_app.core.scores import Points
from judge_app.reports.letterhead import Letterhead, letterhead_for, parse_settings
from judge_app.store.database import session_driver
from judge_app.store.results import RankedEntry, Results, TieGroup
from judge_app.store.sheet import load_int_map

PRIZE_ORDER = ("first", "second", "third", "consolation", "excellence_u18")
PRIZE_NAMES: dict[str, str] = {
    "first": "Giải Nhất",
    "second": "Giải Nhì",
    "third": "Giải Ba",
    "consolation": "Giải Khuyến khích",
    "excellence_u18": "Giải Xuất sắc dành cho người dự thi dưới 18 tuổi",
    "none": "Không đạt giải",
}
PRIZE_SHORT: dict[str, str] = {
    "first": "Nhất",
    "second": "Nhì",
    "third": "Ba",
    "consolation": "Khuyến khích",
    "excellence_u18": "Xuất sắc dưới 18 tuổi",
    "none": "—",
}
TIE_RULE_NAMES: dict[str, str] = {
    "higher_min_judge_score": "điểm thấp nhất của các giám khảo cao hơn",
    "more_agreement": "điểm các giám khảo sát nhau hơn",
    "earlier_receipt": "nộp bài sớm hơn",
    "board": "Ban giám khảo quyết định",
}
SETTLEMENT_RULES: dict[str, str] = {
    "mean_of_two": "Trung bình hai giám khảo",
    "two_equal_of_three": "Hai trong ba điểm bằng nhau",
    "mean_of_three": "Trung bình ba giám khảo",
    "decision_discussed": "Thống nhất sau trao đổi",
    "decision_head": "Trưởng ban quyết định",
    "decision": "Ban giám khảo quyết định",
    "status": "Bài được đánh dấu không hợp lệ",
    "": "",
}
QUEUE_NAMES: dict[str, str] = {
    "agreed": "Đã có điểm",
    "decided": "Đã quyết định",
    "invalid": "Không hợp lệ",
    "waiting": "Chưa đủ lượt chấm",
    "discuss": "Cần trao đổi",
    "third": "Cần chấm lần 3",
    "third_assigned": "Đang chấm lần 3",
    "head": "Trưởng ban quyết định",
}


def prize_name(level: str | None) -> str:
    return PRIZE_NAMES.get(level or "none", level or "")


def rules_text(rule_used: str) -> str:
    """ "higher_min_judge_score, more_agreement" → the rules in Vietnamese, joined by "rồi"."""
    names = [TIE_RULE_NAMES.get(r.strip(), r.strip()) for r in rule_used.split(",") if r.strip()]
    return ", rồi ".join(names)


def contest_title(name: str) -> str:
    """ "Cuộc thi “Tìm hiểu …”": the name as documents cite it, never "Cuộc thi “Cuộc thi …”"."""
    name = name.strip()
    if name.casefold().startswith("cuộc thi"):
        return name
    return f"Cuộc thi “{name}”"


def score_text(points: Points | None) -> str:
    """ "9,25": Vietnamese decimal comma, two decimals."""
    return "" if points is None else f"{points.to_decimal():.2f}".replace(".", ",")


def exact_text(value: Decimal | None) -> str:
    if value is None:
        return ""
    value = value.normalize()
    if value.as_tuple().exponent > -2:  # type: ignore[operator]
        value = value.quantize(Decimal("0.01"))
    return format(value, "f").replace(".", ",")


def percent_text(fraction: Decimal) -> str:
    return format((fraction * 100).quantize(Decimal("0.01")), "f").replace(".", ",") + " %"


@dataclass(frozen=True)
class JudgeScore:
    """One judge's submitted grading of an entry, as the "all scores" sheet shows it."""

    judge: str
    round: int
    total: Points
    criteria: Mapping[str, Points]  # criterion code → points
    choice: Points  # the multiple-choice part (total minus the criteria)


@dataclass(frozen=True)
class ScoreRow:
    code: str
    category: str
    queue: str
    judges: tuple[JudgeScore, ...]
    gap: Points | None
    final: Points | None
    exact: Decimal | None
    rule: str


@dataclass(frozen=True)
class JudgeStatsTable:
    """Judge statistics as a plain table (header, rows of text or numbers), whoever computed
    them: the workbook and the PDF only lay it out."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ResultsBook:
    results: Results
    criteria: tuple[tuple[str, str], ...] = ()  # (code, name) in rubric order
    has_choice: bool = False
    scores: tuple[ScoreRow, ...] = ()
    letterhead: Letterhead = field(
        default_factory=lambda: Letterhead(("HỘI ĐỒNG GIÁM KHẢO",), "", None)
    )
    organiser: str = ""
    head_name: str = ""
    decision_number: str = ""  # "…/QĐ-…" until the board fills it in
    judge_stats: tuple[JudgeStatsTable, ...] = ()
    charts: Mapping[str, bytes] = field(default_factory=dict)  # file name → PNG

    def category_name(self, code: str) -> str:
        if code == "*":
            return "Toàn cuộc thi"
        return self.results.categories.get(code, code)

    def ranking_keys(self) -> list[str]:
        """The lists shown: the pooled one first when prizes are pooled, then each category."""
        keys = [k for k in self.results.categories if k in self.results.rankings]
        keys += [k for k in self.results.rankings if k not in keys and k != "*"]
        return (["*"] if "*" in self.results.rankings else []) + keys

    def prize_list(self) -> list[tuple[str, RankedEntry]]:
        """Every prize held, (level, entry), by level then rank then code; an entry with a
        ranked prize and the excellence prize appears under both."""
        source = self.results.rankings.get("*")
        if source is None:
            source = [row for rows in self.results.rankings.values() for row in rows]
        found = [(level, row) for row in source for level in row.prizes]
        order = {level: n for n, level in enumerate(PRIZE_ORDER)}
        found.sort(key=lambda item: (order.get(item[0], 99), item[1].rank, item[1].code))
        return found

    def ties_by_code(self) -> dict[str, TieGroup]:
        """Entry code → the individual tie it stands in (collective ties are by unit code)."""
        out: dict[str, TieGroup] = {}
        for tie in self.results.ties:
            if tie.category == "units":
                continue
            for code in tie.codes:
                out.setdefault(code, tie)
        return out


def tie_text(tie: TieGroup) -> str:
    """How a tie at a boundary was settled, in one Vietnamese sentence."""
    if not tie.settled:
        return "Chưa phân định: chờ Ban giám khảo quyết định"
    if tie.rule_used == "board":
        reason = f" ({tie.reason})" if tie.reason else ""
        return f"Ban giám khảo quyết định thứ tự{reason}"
    return f"Phân định theo {rules_text(tie.rule_used)}"


def tie_note_for(book: ResultsBook, code: str, ties: Mapping[str, TieGroup]) -> str:
    tie = ties.get(code)
    if tie is None:
        return ""
    others = [c for c in tie.codes if c != code]
    return f"Bằng điểm với {', '.join(others)}; {tie_text(tie)[0].lower()}{tie_text(tie)[1:]}"


# ---------------------------------------------------------------------------------------------
# Reading a contest file


def read_score_rows(db: Any) -> tuple[tuple[tuple[str, str], ...], bool, tuple[ScoreRow, ...]]:
    """The rubric's criteria, whether it has multiple-choice questions, and every entry's
    standing with each counted judge's total and criteria (the settlement's own gradings)."""
    from judge_app.store.settlement import _calibration_rounds, settle_entries

    settled = settle_entries(db)
    with db.read_session() as session:
        excluded = _calibration_rounds(session)
        c = session_driver(session)
        criteria = tuple(
            (code, name)
            for code, name in c.execute("SELECT code, name FROM criterion ORDER BY sort, id")
        )
        has_choice = bool(c.execute("SELECT count(*) FROM question").fetchone()[0])
        names = dict(c.execute("SELECT id, code FROM criterion"))
        by_entry: dict[str, dict[tuple[str, int], dict[str, Points]]] = defaultdict(dict)
        for code, round_, judge, scores in c.execute(
            "SELECT e.code, g.round, j.code, g.scores FROM grading g "
            "JOIN entry e ON e.id = g.entry_id "
            "JOIN judge j ON j.id = g.judge_id WHERE g.status = 'SUBMITTED'"
        ):
            if round_ not in excluded:
                by_entry[code][(judge, round_)] = {
                    names[criterion_id]: Points(centi)
                    for criterion_id, centi in load_int_map(scores).items()
                }
    rows = []
    for row in settled:
        found = by_entry.get(row.code, {})
        judges = []
        for grading in row.gradings:
            given = found.get((grading.judge, grading.round), {})
            in_criteria = Points(sum(p.centi for p in given.values()))
            judges.append(
                JudgeScore(
                    grading.judge,
                    grading.round,
                    grading.total,
                    given,
                    Points(grading.total.centi - in_criteria.centi),
                )
            )
        rows.append(
            ScoreRow(
                row.code,
                row.category,
                str(row.queue),
                tuple(judges),
                row.gap,
                row.final,
                row.exact,
                row.rule,
            )
        )
    return criteria, has_choice, tuple(rows)


def load_book(
    db: Any,
    *,
    date: dt.date | None = None,
    results: Results | None = None,
    with_judge_stats: bool = True,
) -> ResultsBook:
    """The book of a locked contest (`compute_results` refuses before the lock)."""
    from judge_app.store.results import compute_results

    computed = results if results is not None else compute_results(db)
    criteria, has_choice, scores = read_score_rows(db)
    with db.read_session() as session:
        c = session_driver(session)
        organiser, raw = c.execute("SELECT organiser, settings FROM contest LIMIT 1").fetchone()
        head = c.execute("SELECT name FROM judge WHERE is_head = 1 ORDER BY id LIMIT 1").fetchone()
    settings = parse_settings(raw)
    number = settings.get("decision_number")
    stats: tuple[JudgeStatsTable, ...] = ()
    charts: dict[str, bytes] = {}
    if with_judge_stats:
        from judge_app.reports.results_stats import judge_statistics

        stats, charts = judge_statistics(db)
    return ResultsBook(
        results=computed,
        criteria=criteria,
        has_choice=has_choice,
        scores=scores,
        letterhead=letterhead_for(settings, organiser or "", date),
        organiser=organiser or "",
        head_name=head[0] if head else "",
        decision_number=str(number) if isinstance(number, str | int) and number else "",
        judge_stats=stats,
        charts=charts,
    )
