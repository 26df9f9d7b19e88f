"""Hand-made results books for the output tests and benchmarks (no contest file needed).

`make_book(n)` gives n ranked entries over five categories with Vietnamese names, prizes pooled
3/6/9/12 plus the under-18 prize, one tie settled by the tie rule at the first/second boundary
and one the board has not settled at the consolation boundary, two invalid entries, units with
the school ranking, and each entry's two (sometimes three) judges with five criteria.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from judge_app.core.scores import Points
from judge_app.reports.letterhead import Letterhead
from judge_app.reports.results_data import JudgeScore, ResultsBook, ScoreRow
from judge_app.store.results import (
    InvalidEntry,
    RankedEntry,
    Results,
    TieGroup,
    UnitResult,
)

CATEGORIES = {
    "CBGV": "Cán bộ, giáo viên, nhân viên",
    "HS6": "Học sinh lớp 6",
    "HS7": "Học sinh lớp 7",
    "HS8": "Học sinh lớp 8",
    "HS9": "Học sinh lớp 9",
}
CRITERIA = (
    ("HIEU", "Hiểu biết về dịch vụ công trực tuyến"),
    ("VIDU", "Ví dụ thực tế và đề xuất giải pháp"),
    ("BOCUC", "Bố cục và ngôn ngữ"),
    ("TRINHBAY", "Hình thức trình bày"),
    ("SANGTAO", "Tính sáng tạo"),
)
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô")
MIDDLE = ("Thị", "Văn", "Đức", "Ngọc", "Minh", "Thu", "Quang", "Thanh")
GIVEN = ("Hương", "Dũng", "Phương", "Tuấn", "Lan", "Hải", "Nguyệt", "Đạt", "Yến", "Khoa")
UNITS = [
    ("THCS-KD", "Trường THCS Thị trấn Lương Bằng", "THCS"),
    ("THCS-TT", "Trường THCS Toàn Thắng", "THCS"),
    ("MN-HM", "Trường Mầm non Hoa Mai", "MN"),
    ("PGD", "Phòng Giáo dục và Đào tạo huyện Kim Động", "PGD"),
]
LEVELS = [("first", 3), ("second", 6), ("third", 9), ("consolation", 12)]
CHAMPION = "Nguyễn Thị Ánh Tuyết"  # the best entry's name, with ư, ế, Ánh
WINNER_UNIT = UNITS[0][1]


def name_of(n: int) -> str:
    if n == 0:
        return CHAMPION
    return (
        f"{SURNAMES[n % len(SURNAMES)]} {MIDDLE[(n // 10) % len(MIDDLE)]} "
        f"{GIVEN[(n // 3) % len(GIVEN)]}"
    )


def make_book(entries: int = 60, *, revealed: bool = True) -> ResultsBook:
    categories = list(CATEGORIES)
    # Scores from 9.75 down in steps of 0.25 every few entries: many equal scores.
    finals = [
        Points(975 - 25 * (n // 3)) if n >= 2 else Points(975 - 25 * n) for n in range(entries)
    ]
    finals = [max(p, Points(100)) for p in finals]
    codes = [f"P{n + 1:05d}" for n in range(entries)]
    # Prizes by position in the pooled order (3/6/9/12) with two ties at boundaries.
    prize_of: dict[int, str | None] = {}
    position = 0
    for level, count in LEVELS:
        for _ in range(count):
            prize_of[position] = level
            position += 1
    pending = {28, 29, 30} if entries > 31 else set()
    ties = []
    if entries > 31:
        ties = [
            TieGroup(
                category="*",
                level="first/second",
                codes=(codes[2], codes[3]),
                rule_used="higher_min_judge_score",
                settled=True,
                order=(codes[2], codes[3]),
                reason="",
                key="all/3",
                rank=3,
                exact=finals[2].to_decimal(),
                places=("first", "second"),
            ),
            TieGroup(
                category="*",
                level="consolation/none",
                codes=(codes[28], codes[29], codes[30]),
                rule_used="",
                settled=False,
                order=(codes[28], codes[29], codes[30]),
                reason="",
                key="all/29",
                rank=29,
                exact=finals[28].to_decimal(),
                places=("consolation", "consolation", "none"),
            ),
        ]
    pooled = []
    by_category: dict[str, list[RankedEntry]] = {c: [] for c in categories}
    rank = 0
    previous: Points | None = None
    for n in range(entries):
        if finals[n] != previous:
            rank = n + 1
            previous = finals[n]
        level = None if n in pending else prize_of.get(n)
        held: tuple[str, ...] = (level,) if level else ()
        if n == 5:
            held = (*held, "excellence_u18")
        category = categories[n % len(categories)]
        unit = UNITS[n % len(UNITS)]
        note = ""
        if n in (2, 3):
            note = "all/3: higher_min_judge_score"
        if n in pending:
            note = "all/29: board?"
        pooled.append(
            RankedEntry(
                code=codes[n],
                category=category,
                final=finals[n],
                exact=finals[n].to_decimal(),
                rank=rank,
                participant=name_of(n) if revealed else None,
                birth_date=dt.date(1980 + n % 30, 1 + n % 12, 1 + n % 28) if revealed else None,
                unit_code=unit[0] if revealed else None,
                unit_name=unit[1] if revealed else None,
                prize=held[0] if held else None,
                quality=finals[n] >= Points(800),
                tie_note=note,
                prizes=held,
                pending=n in pending,
            )
        )
    for row in pooled:
        items = by_category[row.category]
        same = items and items[-1].final == row.final
        within = items[-1].rank if same else len(items) + 1
        items.append(RankedEntry(**{**row.__dict__, "rank": within}))
    rankings: dict[str, list[RankedEntry]] = {"*": pooled, **by_category}
    units = [
        UnitResult(
            unit_code=code,
            unit_name=name,
            group=group,
            entries=entries // 4,
            headcount=entries // 3 + 1,
            participation=Decimal("0.7500"),
            quality_entries=entries // 8,
            quality_rate=Decimal("0.5000"),
            score=Decimal("0.750000000000") - Decimal(index) / 10,
            rank=index + 1,
            prize="first" if index < 3 else "second",
        )
        for index, (code, name, group) in enumerate(UNITS)
    ]
    results = Results(
        contest_name="Tìm hiểu dịch vụ công trực tuyến năm 2019",
        locked=True,
        revealed=revealed,
        rankings=rankings,
        categories=dict(CATEGORIES),
        ties=ties,
        invalid=[
            InvalidEntry("X00001", "HS7", "Ghi họ tên và tên trường trong bài (lộ danh tính)"),
            InvalidEntry("X00002", "CBGV", "Sao chép nguyên văn bài của người khác"),
        ],
        units=units,
        quality_overall=Decimal("0.1250"),
        quality_target_percent=10,
        formula="Điểm = (1 × số bài/số bài nhiều nhất + 1 × tỉ lệ tham gia + 1 × tỉ lệ đạt "
        "chất lượng) / 3",
        quality_entries=sum(1 for r in pooled if r.quality),
        ranked_entries=entries,
        quality_threshold=Points(800),
        reference_date=dt.date(2019, 8, 20),
        weights={"entries": Decimal(1), "participation": Decimal(1), "quality": Decimal(1)},
        notes=(),
        lock_digest="ab" * 32,
        locked_at="2019-09-01T08:00:00+00:00",
        pooled=True,
    )
    scores = []
    for n in range(entries):
        judges = []
        for j in range(3 if n % 17 == 0 else 2):
            base = finals[n].centi + (25 if j == 0 else -25 if j == 1 else 0)
            parts = {code: Points(base // 5 // 25 * 25) for code, _ in CRITERIA}
            total = Points(sum(p.centi for p in parts.values()) + 100)
            judge = f"GK{(n + j) % 3 + 1}"
            judges.append(JudgeScore(judge, 1 if j < 2 else 2, total, parts, Points(100)))
        scores.append(
            ScoreRow(
                codes[n],
                categories[n % len(categories)],
                "agreed",
                tuple(judges),
                Points(50),
                finals[n],
                finals[n].to_decimal(),
                "mean_of_two" if len(judges) == 2 else "mean_of_three",
            )
        )
    return ResultsBook(
        results=results,
        criteria=CRITERIA,
        has_choice=True,
        scores=tuple(scores),
        letterhead=Letterhead(
            ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN KIM ĐỘNG", "BAN TỔ CHỨC CUỘC THI"),
            "Kim Động",
            dt.date(2019, 9, 5),
        ),
        organiser="Phòng Giáo dục và Đào tạo huyện Kim Động",
        head_name="Đỗ Văn Khải",
    )
