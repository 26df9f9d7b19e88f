"""Contest set-up from a configuration: the sample contest, every validation naming its field,
export/template round trips, the rubric file, the office's unit list, and the judge table's
declared conflicts and capacity as assignment honours them."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select
from test_archives_makers import cp1258_bytes

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import CATALOGUE, describe
from judge_app.core.scores import Points
from judge_app.intake import contest_config
from judge_app.intake.assign import assign_round
from judge_app.intake.contest_config import (
    DEFAULT_SETTINGS,
    ContestConfig,
    JudgeConfig,
    config_problems,
    config_to_dict,
    load_config,
    parse_config,
    sample_config_path,
    save_config,
)
from judge_app.intake.contest_setup import (
    create_contest,
    export_config,
    export_rubric,
    import_rubric,
    merge_units,
    read_unit_list,
)
from judge_app.intake.judges import (
    add_judge,
    list_judges,
    set_judge_capacity,
    set_judge_conflicts,
)
from judge_app.store.audit import verify
from judge_app.store.database import ContestDatabase, open_contest_file
from judge_app.store.models import (
    Assignment,
    AuditRow,
    Category,
    Contest,
    Criterion,
    CriterionLevel,
    Entry,
    EntryStatus,
    Headcount,
    Judge,
    JudgeConflict,
    Participant,
    Question,
    Unit,
)

ROOT = Path(__file__).resolve().parents[2]


def sample() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(sample_config_path().read_text(encoding="utf-8"))
    return data


@pytest.fixture
def contest(tmp_path: Path) -> Iterator[ContestDatabase]:
    path = create_contest(tmp_path / "c.sqlite", load_config(sample_config_path()), actor="tb")
    db = open_contest_file(path)
    yield db
    db.close()


def _count(db: ContestDatabase, model: Any, *where: Any) -> int:
    with db.read_session() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def _add_entries(db: ContestDatabase, per_unit: dict[str, int]) -> list[str]:
    """Anonymised entries (status ready) of the given units, category staff."""
    codes = []
    with db.session() as session, session.begin():
        contest = session.scalars(select(Contest)).one()
        staff = session.scalars(select(Category).where(Category.code == "staff")).one()
        units = {u.code: u for u in session.scalars(select(Unit))}
        for unit_code, count in per_unit.items():
            for n in range(count):
                code = f"{unit_code}-{n:02d}"
                session.add(
                    Entry(
                        contest_id=contest.id,
                        code=code,
                        category=staff,
                        unit=units[unit_code],
                        status=EntryStatus.READY,
                    )
                )
                codes.append(code)
    return codes


# --------------------------------------------------------------------------- the sample


def test_sample_config_creates_the_seed_contest(contest: ContestDatabase) -> None:
    with contest.read_session() as session:
        row = session.scalars(select(Contest)).one()
        assert row.name.startswith("Cuộc thi “Tìm hiểu dịch vụ công trực tuyến” năm 2019")
        assert (row.max_total, row.score_step, row.quality_threshold) == (
            Points(1000),
            Points(25),
            Points(800),
        )
        assert (row.agree_below, row.discuss_upto, row.third_mean_upto) == (
            Points(100),
            Points(150),
            Points(250),
        )
        assert row.rounding == "half_up_2" and row.per_criterion_rule
        deadlines = {g.code: g.deadline.isoformat() for g in row.unit_groups if g.deadline}
        assert deadlines == {"school": "2019-08-20T17:00:00", "office": "2019-08-22T00:00:00"}
        assert [c.code for c in row.categories] == ["staff", "g6", "g7", "g8", "g9"]
        assert [c.grade for c in row.categories] == [None, 6, 7, 8, 9]
        kd = session.scalars(select(Unit).where(Unit.code == "THCS-KD")).one()
        assert {h.category.code: h.count for h in kd.headcounts}["g6"] == 310
        assert [q.answer for q in row.questions] == ["B", "D", "A", "C"]
        hieu = session.scalars(select(Criterion).where(Criterion.code == "HIEU")).one()
        assert [(lv.low, lv.high) for lv in hieu.levels][1] == (Points(125), Points(225))
        settings = json.loads(row.settings)
        assert settings == DEFAULT_SETTINGS
        levels = settings["prize_scheme"]["individual"]["levels"]
        assert [lv["count"] for lv in levels] == [3, 6, 9, 12]
        assert settings["prize_scheme"]["excellence_under_18"]["count"] == 1
        judges = {
            j.code: (j.is_head, j.unit.code if j.unit else None)
            for j in session.scalars(select(Judge))
        }
        assert judges == {
            "TB": (True, "PGD"),
            "GK1": (False, "THCS-NC"),
            "GK2": (False, "THCS-KD"),
            "GK3": (False, "MN-TH"),
        }
        actions = [a for a in session.scalars(select(AuditRow.action).order_by(AuditRow.id))]
    assert actions == ["file.create", "contest.create"] + ["judge.add"] * 4
    assert verify(contest).ok


def test_the_sample_is_in_sync_with_the_demo_builder() -> None:
    from judge_app.demo.build import demo_config

    assert demo_config() == load_config(sample_config_path())


def test_create_refuses_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "c.sqlite"
    target.write_bytes(b"something the board keeps")
    with pytest.raises(JudgeAppError) as caught:
        create_contest(target, load_config(sample_config_path()), actor="tb")
    assert caught.value.code == "file_exists"
    assert target.read_bytes() == b"something the board keeps"


def test_a_failed_set_up_leaves_no_file(tmp_path: Path) -> None:
    config = load_config(sample_config_path())
    broken = dataclasses.replace(
        config, judges=(*config.judges, JudgeConfig("GK9", "X", unit="NOWHERE"))
    )
    target = tmp_path / "c.sqlite"
    with pytest.raises(JudgeAppError) as caught:
        create_contest(target, broken, actor="tb")
    assert caught.value.code == "judge_unit_unknown"
    assert not target.exists()


# --------------------------------------------------------------------------- validation


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """A mutator setting `a.b[2].c` in the config dict (value `...` deletes the key)."""

    def mutate(data: dict[str, Any]) -> None:
        keys: list[str | int] = []
        for part in path.replace("]", "").split("."):
            name, *indexes = part.split("[")
            keys.append(name)
            keys.extend(int(i) for i in indexes)
        target: Any = data
        for key in keys[:-1]:
            target = target[key]
        if value is ...:
            del target[keys[-1]]
        else:
            target[keys[-1]] = value

    return mutate


BROKEN: list[tuple[str, Callable[[dict[str, Any]], None], str, str]] = [
    (
        "bad criterion step",
        _set("criteria[2].step", "0.3"),
        "criteria[2].step",
        "config_reason_off_grid",
    ),
    ("bad score step", _set("score_step", "0.1"), "score_step", "config_reason_off_grid"),
    (
        "maximum not a score",
        _set("criteria[0].maximum", "ba"),
        "criteria[0].maximum",
        "config_reason_not_score",
    ),
    (
        "answer not in options",
        _set("questions[1].answer", "E"),
        "questions[1].answer",
        "config_reason_answer_not_option",
    ),
    (
        "unknown unit group",
        _set("units[2].group", "college"),
        "units[2].group",
        "config_reason_unknown_group",
    ),
    (
        "unknown headcount category",
        _set("units[0].headcounts.g10", 4),
        "units[0].headcounts.g10",
        "config_reason_unknown_category",
    ),
    (
        "points not adding up",
        _set("criteria[4].maximum", "2"),
        "max_total",
        "= 11 ≠ max_total = 10",
    ),
    (
        "duplicate criterion code",
        _set("criteria[1].code", "HIEU"),
        "criteria[1].code",
        "config_reason_duplicate_code",
    ),
    (
        "duplicate unit code",
        _set("units[3].code", "thcs-kd"),
        "units[3].code",
        "config_reason_duplicate_code",
    ),
    (
        "duplicate question number",
        _set("questions[3].number", 1),
        "questions[3].number",
        "config_reason_duplicate_number",
    ),
    ("no head judge", _set("judges[0].head", False), "judges", "config_reason_head_count"),
    ("two head judges", _set("judges[1].head", True), "judges", "config_reason_head_count"),
    (
        "judge of an unknown unit",
        _set("judges[2].unit", "THPT-X"),
        "judges[2].unit",
        "config_reason_unknown_unit",
    ),
    (
        "conflict with an unknown unit",
        _set("judges[1].conflicts", ["XYZ"]),
        "judges[1].conflicts[0]",
        "config_reason_unknown_unit",
    ),
    (
        "conflict with the judge's own unit",
        _set("judges[1].conflicts", ["THCS-NC"]),
        "judges[1].conflicts[0]",
        "config_reason_conflict_own_unit",
    ),
    ("capacity zero", _set("judges[1].capacity", 0), "judges[1].capacity", "0 ∉ [1, 1000000]"),
    (
        "grade 10 for students",
        _set("categories[1].grade", 10),
        "categories[1].grade",
        "10 ∉ [6, 9]",
    ),
    (
        "student without a grade",
        _set("categories[1].grade", ...),
        "categories[1].grade",
        "config_reason_required",
    ),
    (
        "deadline not ISO",
        _set("unit_groups[0].deadline", "17h00 20/08/2019"),
        "unit_groups[0].deadline",
        "config_reason_not_datetime",
    ),
    (
        "deadline with a zone",
        _set("unit_groups[0].deadline", "2019-08-20T17:00:00+07:00"),
        "unit_groups[0].deadline",
        "config_reason_timezone",
    ),
    (
        "level above the maximum",
        _set("criteria[0].levels[2].high", "3.5"),
        "criteria[0].levels[2].high",
        "3.5 > maximum 3",
    ),
    ("misspelt key", _set("judges_per_entyr", 2), "judges_per_entyr", "config_reason_unknown_key"),
    ("name missing", _set("name", ...), "name", "config_reason_required"),
    ("thresholds out of order", _set("discuss_upto", "3"), "discuss_upto", "1 ≤ 3 ≤ 2.5 ✗"),
    ("rounding unknown", _set("rounding", "banker"), "rounding", '"banker" ∉'),
    ("wrong format header", _set("format", "judge-app-rubric"), "format", "≠"),
    ("newer version", _set("version", 2), "version", "config_reason_version"),
    (
        "unknown tie rule",
        _set("settings", {"tie_rule": ["coin_flip"]}),
        "settings.tie_rule[0]",
        '"coin_flip" ∉',
    ),
    (
        "calibration too small",
        _set("settings", {"rounds": {"calibration": {"size": 5}}}),
        "settings.rounds.calibration.size",
        "5 ∉ [10, 1000]",
    ),
    (
        "prize levels out of order",
        _set(
            "settings",
            {
                "prize_scheme": {
                    "collective": {
                        "levels": [{"level": "second", "count": 6}, {"level": "first", "count": 3}]
                    }
                }
            },
        ),
        "settings.prize_scheme.collective.levels",
        "config_reason_level_order",
    ),
    (
        "prize minimum above the total",
        _set(
            "settings",
            {
                "prize_scheme": {
                    "individual": {"levels": [{"level": "first", "count": 3, "min_score": "12"}]}
                }
            },
        ),
        "settings.prize_scheme.individual.levels[0].min_score",
        "12 > max_total 10",
    ),
]


@pytest.mark.parametrize(
    ("mutate", "field", "reason"),
    [pytest.param(m, f, r, id=name) for name, m, f, r in BROKEN],
)
def test_every_validation_error_names_its_field(
    mutate: Callable[[dict[str, Any]], None], field: str, reason: str
) -> None:
    data = sample()
    mutate(data)
    with pytest.raises(JudgeAppError) as caught:
        parse_config(data, Path("cuoc-thi.json"))
    error = caught.value
    assert error.code == "contest_config_invalid"
    problems = config_problems(error)
    hits = [p for p in problems if p.field == field]
    assert hits, [p.to_dict() for p in problems]
    assert any(reason in p.reason for p in hits), [p.to_dict() for p in hits]
    for problem in problems:  # a reason is a message code, or a neutral text with numbers
        assert problem.reason in CATALOGUE or not problem.reason.startswith("config_reason")
    line = describe(error, "vi")
    assert "cuoc-thi.json" in line and error.params["field"] in line


def test_all_problems_come_in_one_error() -> None:
    data = sample()
    data["criteria"][2]["step"] = "0.3"
    data["questions"][0]["answer"] = "Z"
    data["judges"][0]["head"] = False
    with pytest.raises(JudgeAppError) as caught:
        parse_config(data)
    fields = {p.field for p in config_problems(caught.value)}
    assert {"criteria[2].step", "questions[0].answer", "judges"} <= fields
    assert caught.value.params["count"] == len(config_problems(caught.value))
    assert "biểu mẫu" in describe(caught.value, "vi")  # no file: the wizard's form


def test_numbers_and_commas_are_accepted_as_scores() -> None:
    data = sample()
    data["max_total"] = 10
    data["questions"][0]["points"] = 0.25
    data["criteria"][0]["maximum"] = "3,0"
    data.pop("format")
    data.pop("version")  # the demo's original file had no header
    data["organiser"] = None  # the wizard sends None for an empty optional text
    config = parse_config(data)
    assert config.rules.max_total == Points(1000)
    assert config.questions[0].points == Points(25)
    assert config.criteria[0].maximum == Points(300)
    assert config.organiser == ""


def test_missing_settings_come_from_the_seed_defaults() -> None:
    data = sample()
    data["settings"] = {"rounds": {"screening": True}}
    config = parse_config(data)
    assert config.settings["rounds"] == {
        "calibration": {"enabled": True, "size": 10},
        "screening": True,
    }
    assert config.settings["prize_scheme"] == DEFAULT_SETTINGS["prize_scheme"]


def test_malformed_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "cuoc-thi.json"
    path.write_text('{\n  "name": "Cuộc thi",\n  "year": 2019,,\n}', encoding="utf-8")
    with pytest.raises(JudgeAppError) as caught:
        load_config(path)
    assert caught.value.code == "contest_config_bad_json"
    assert caught.value.params["line"] == 3
    assert "cuoc-thi.json" in describe(caught.value, "en")


def test_a_non_utf8_file_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "cuoc-thi.json"
    path.write_bytes(cp1258_bytes(json.dumps(sample(), ensure_ascii=False)))
    with pytest.raises(JudgeAppError) as caught:
        load_config(path)
    assert caught.value.code == "contest_config_not_utf8"
    assert "UTF-8" in describe(caught.value, "vi")


def test_a_utf8_file_with_bom_loads(tmp_path: Path) -> None:
    path = tmp_path / "cuoc-thi.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(sample(), ensure_ascii=False).encode("utf-8"))
    assert load_config(path) == load_config(sample_config_path())


def test_a_huge_file_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(contest_config, "MAX_CONFIG_BYTES", 1000)
    with pytest.raises(JudgeAppError) as caught:
        load_config(sample_config_path())
    assert caught.value.code == "contest_config_too_big"


def test_a_list_instead_of_an_object() -> None:
    with pytest.raises(JudgeAppError) as caught:
        parse_config([1, 2])  # type: ignore[arg-type]
    assert config_problems(caught.value)[0].field == "$"


# --------------------------------------------------------------------------- export, template


def test_export_then_init_gives_the_same_contest(contest: ContestDatabase, tmp_path: Path) -> None:
    set_judge_conflicts(contest, "GK1", ["THCS-KD"], "con học ở trường", actor="tb")
    set_judge_capacity(contest, "GK3", 12, actor="tb")
    exported = export_config(contest)
    assert exported.judges[1].conflicts == ("THCS-KD",)
    out = tmp_path / "export.json"
    save_config(exported, out)
    text = out.read_text(encoding="utf-8")
    assert "Khương Đình" in text and text.startswith('{\n  "format": "judge-app-contest"')
    again = create_contest(tmp_path / "again.sqlite", load_config(out), actor="tb")
    with open_contest_file(again) as db:
        assert export_config(db) == exported
        again_judges = [(j.code, j.capacity, [u for u, _ in j.conflicts]) for j in list_judges(db)]
    # The reasons given for conflicts stay in the contest they were declared in.
    assert again_judges == [
        (j.code, j.capacity, [u for u, _ in j.conflicts]) for j in list_judges(contest)
    ]


def test_config_dict_round_trip_is_exact() -> None:
    config = load_config(sample_config_path())
    assert parse_config(config_to_dict(config)) == config
    assert config_to_dict(config) == sample()


def test_template_has_no_participants_and_moves_the_dates(
    contest: ContestDatabase, tmp_path: Path
) -> None:
    _add_entries(contest, {"THCS-KD": 2})
    with contest.session() as session, session.begin():
        contest_id = session.scalars(select(Contest.id)).one()
        session.add(Participant(contest_id=contest_id, full_name="Nguyễn Thị Hà"))
    set_judge_conflicts(contest, "GK1", ["THCS-KD"], "", actor="tb")
    template = export_config(contest, template=True)
    assert template.year == 2020 and "năm 2020" in template.name
    assert (
        template.reference_date is not None and template.reference_date.isoformat() == "2020-08-20"
    )
    assert [g.deadline.isoformat() for g in template.unit_groups if g.deadline] == [
        "2020-08-20T17:00:00",
        "2020-08-22T00:00:00",
    ]
    assert all(not u.headcounts for u in template.units)
    assert all(not j.conflicts and j.capacity is None for j in template.judges)
    assert template.criteria == export_config(contest).criteria
    path = tmp_path / "mau-2020.json"
    save_config(template, path)
    assert "Nguyễn Thị Hà" not in path.read_text(encoding="utf-8")
    made = create_contest(tmp_path / "2020.sqlite", load_config(path), actor="tb")
    with open_contest_file(made) as db:
        assert _count(db, Participant) == 0 and _count(db, Entry) == 0
        assert _count(db, Headcount) == 0 and _count(db, JudgeConflict) == 0
        assert _count(db, Unit) == 4


# --------------------------------------------------------------------------- rubric file


def test_rubric_export_import_round_trip(contest: ContestDatabase, tmp_path: Path) -> None:
    path = tmp_path / "huong-dan-cham.json"
    rubric = export_rubric(contest, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "judge-app-rubric" and data["version"] == 1
    assert data["max_total"] == "10" and len(data["criteria"]) == 5
    # Next year's rubric: one criterion merged into another, a new level descriptor.
    data["criteria"][3]["maximum"] = "1.5"
    data["criteria"] = [c for c in data["criteria"] if c["code"] != "SANGTAO"]
    data["criteria"][2]["levels"] = [{"low": "0", "high": "1.5", "descriptor": "Mới"}]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    imported = import_rubric(contest, path, actor="tb")
    assert [c.code for c in imported.criteria] == ["HIEU", "VIDU", "BOCUC", "TRINHBAY"]
    with contest.read_session() as session:
        codes = session.scalars(select(Criterion.code).order_by(Criterion.sort)).all()
        assert codes == ["HIEU", "VIDU", "BOCUC", "TRINHBAY"]
        assert session.scalar(select(func.count()).select_from(CriterionLevel)) == 7
        assert session.scalar(select(func.count()).select_from(Question)) == 4
        row = session.scalars(select(AuditRow).where(AuditRow.action == "rubric.import")).one()
        assert "SANGTAO" in (row.before or "") and "huong-dan-cham.json" in (row.after or "")
    assert verify(contest).ok
    again = tmp_path / "again.json"
    assert export_rubric(contest, again) == imported
    assert rubric != imported


def test_rubric_import_is_refused_once_assigned(contest: ContestDatabase, tmp_path: Path) -> None:
    path = tmp_path / "rubric.json"
    export_rubric(contest, path)
    _add_entries(contest, {"THCS-KD": 1})
    with contest.session() as session, session.begin():
        entry = session.scalars(select(Entry)).one()
        judge = session.scalars(select(Judge).where(Judge.code == "GK1")).one()
        session.add(Assignment(entry_id=entry.id, judge_id=judge.id, round=1))
    with pytest.raises(JudgeAppError) as caught:
        import_rubric(contest, path, actor="tb")
    assert caught.value.code == "rubric_locked"
    assert caught.value.params == {"assignments": 1, "gradings": 0}


def test_rubric_file_not_adding_up_is_refused(contest: ContestDatabase, tmp_path: Path) -> None:
    path = tmp_path / "rubric.json"
    export_rubric(contest, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["max_total"] = "20"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(JudgeAppError) as caught:
        import_rubric(contest, path, actor="tb")
    assert caught.value.code == "rubric_invalid"
    assert caught.value.params["field"] == "max_total"
    assert "10 ≠ max_total = 20" in caught.value.params["reason"]


# --------------------------------------------------------------------------- unit lists


def _xlsx(path: Path, rows: list[list[Any]], merge: str | None = None) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    book.save(path)
    return path


def test_unit_list_with_header_on_row_3_and_merged_title(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "don-vi.xlsx",
        [
            ["DANH SÁCH ĐƠN VỊ DỰ THI NĂM 2019"],
            [],
            [
                "STT",
                "Mã đơn vị",
                "Tên đơn vị",
                "Nhóm",
                "Số CB-GV-NV",
                "Số HS lớp 6",
                "Số HS lớp 7",
                "Số HS lớp 8",
                "Số HS lớp 9",
                "Email",
            ],
            [
                1,
                "THCS-KD",
                "Trường THCS Khương Đình",
                "school",
                62,
                310,
                295,
                288,
                276,
                "kd@hanoiedu.vn",
            ],
            [2, "PGD", "Phòng GD&ĐT quận Thanh Xuân", "Phòng GD&ĐT", 18],
            [3, "MN-X", "", "school", 30],
            [4, "TH-Y", "Trường Tiểu học Y", "school", "ba mươi"],
            [5, "THCS-KD", "Trường THCS Khương Đình 2", "school", 5],
            [None, None, "Tổng cộng", None, 110],
        ],
        merge="A1:J1",
    )
    config = load_config(sample_config_path())
    units, problems = read_unit_list(path, groups=config.unit_groups, categories=config.categories)
    # A row with a bad headcount keeps its unit (the problem names the cell); a row without a
    # name or with a repeated code does not make a unit; the totals row is not a unit.
    assert [u.code for u in units] == ["THCS-KD", "PGD", "TH-Y"]
    assert units[2].headcounts == {}
    assert units[0].headcounts == {"staff": 62, "g6": 310, "g7": 295, "g8": 288, "g9": 276}
    assert units[0].email == "kd@hanoiedu.vn" and units[1].group == "office"
    assert [(p.row, p.code) for p in problems] == [
        (6, "unit_list_name_missing"),
        (7, "unit_list_count_bad"),
        (8, "unit_list_duplicate_code"),
    ]


def test_unit_list_without_diacritics_and_without_codes(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "don-vi.xlsx",
        [
            ["Phong GD&DT quan Thanh Xuan"],
            ["TT", "Truong", "Nhom", "So CB GV NV", "So hoc sinh", None, None, None],
            [None, None, None, None, "Lop 6", "Lop 7", "Lop 8", "Lop 9"],
            [1, "Trường THCS Thanh Xuân Trung", "Trường", 49, 240, 236, 229, 221],
            [2, "Trường Tiểu học Kim Giang", "Trường", 41],
        ],
    )
    config = load_config(sample_config_path())
    units, problems = read_unit_list(path, groups=config.unit_groups, categories=config.categories)
    assert problems == []
    assert [(u.code, u.group) for u in units] == [("THCS-TXT", "school"), ("TH-KG", "school")]
    assert units[0].headcounts == {"staff": 49, "g6": 240, "g7": 236, "g8": 229, "g9": 221}


def test_unit_list_csv_in_windows_1258(tmp_path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(["Mã đơn vị", "Tên đơn vị", "Nhóm", "Số CB-GV-NV"])
    writer.writerow(["MN-HS", "Trường Mầm non Hoa Sữa", "Trường", "28"])
    writer.writerow(["TH-NT", "Trường Tiểu học Nguyễn Trãi", "Nhà trẻ", "44"])
    path = tmp_path / "don-vi.csv"
    path.write_bytes(cp1258_bytes(buffer.getvalue()))
    config = load_config(sample_config_path())
    units, problems = read_unit_list(path, groups=config.unit_groups, categories=config.categories)
    assert [(u.code, u.name, u.headcounts) for u in units] == [
        ("MN-HS", "Trường Mầm non Hoa Sữa", {"staff": 28})
    ]
    assert [(p.row, p.code, p.params) for p in problems] == [
        (3, "unit_list_group_unknown", {"group": "Nhà trẻ"})
    ]


def test_unit_list_without_header_is_refused(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "x.xlsx", [["a", "b"], [1, 2]])
    with pytest.raises(JudgeAppError) as caught:
        read_unit_list(path)
    assert caught.value.code == "unit_list_no_header"


def test_sample_unit_list_matches_the_sample_contest() -> None:
    config = load_config(sample_config_path())
    path = ROOT / "resources" / "unit-list-sample.xlsx"
    units, problems = read_unit_list(path, groups=config.unit_groups, categories=config.categories)
    assert problems == []
    by_code = {u.code: u for u in units}
    for unit in config.units:
        assert by_code[unit.code].headcounts == unit.headcounts
        assert by_code[unit.code].group == unit.group
    merged = merge_units(config, units)
    assert len(merged.units) == 9
    assert merged.units[:4] == tuple(by_code[u.code] for u in config.units)


def test_sample_unit_list_script_writes_a_readable_list(tmp_path: Path) -> None:
    import runpy

    script = runpy.run_path(str(ROOT / "scripts" / "make_unit_list_sample.py"))
    path = script["build"](tmp_path / "units.xlsx")
    units, problems = read_unit_list(path)
    assert len(units) == 9 and problems == []


# --------------------------------------------------------------------------- judges


def test_judge_table_rules(contest: ContestDatabase) -> None:
    add_judge(
        contest, JudgeConfig("GK4", "Trần Văn Nam", capacity=5, conflicts=("PGD",)), actor="tb"
    )
    for judge, code in (
        (JudgeConfig("gk4", "Trùng mã"), "judge_exists"),
        (JudgeConfig("TB2", "Trưởng ban thứ hai", head=True), "judge_second_head"),
        (JudgeConfig("GK5", "Ai đó", unit="THPT-X"), "judge_unit_unknown"),
        (JudgeConfig("GK 6", "Mã có dấu cách"), "judge_code_bad"),
    ):
        with pytest.raises(JudgeAppError) as caught:
            add_judge(contest, judge, actor="tb")
        assert caught.value.code == code
    judges = list_judges(contest)
    assert [j.code for j in judges] == ["TB", "GK1", "GK2", "GK3", "GK4"]
    assert judges[-1].capacity == 5 and judges[-1].conflicts == (("PGD", ""),)
    with pytest.raises(JudgeAppError) as caught:
        set_judge_conflicts(contest, "GK1", ["THCS-NC"], "", actor="tb")
    assert caught.value.code == "judge_conflict_own_unit"
    with pytest.raises(JudgeAppError) as caught:
        set_judge_capacity(contest, "GK1", 0, actor="tb")
    assert caught.value.code == "judge_capacity_bad"
    set_judge_conflicts(contest, "GK4", ["MN-TH"], "vợ là hiệu trưởng", actor="tb")
    assert list_judges(contest)[-1].conflicts == (("MN-TH", "vợ là hiệu trưởng"),)
    with contest.read_session() as session:
        actions = session.scalars(select(AuditRow.action).order_by(AuditRow.id)).all()
    assert actions[-2:] == ["judge.add", "judge.conflicts"]
    assert verify(contest).ok


@pytest.mark.parametrize("seed", [1, 7, 2019, 31337])
def test_declared_conflicts_are_never_assigned(contest: ContestDatabase, seed: int) -> None:
    _add_entries(contest, {"THCS-KD": 6, "THCS-NC": 6, "MN-TH": 4, "PGD": 2})
    add_judge(contest, JudgeConfig("GK4", "Trần Văn Nam"), actor="tb")
    set_judge_conflicts(contest, "GK1", ["THCS-KD"], "dạy thêm ở trường", actor="tb")
    set_judge_conflicts(contest, "GK4", ["PGD"], "", actor="tb")
    assign_round(contest, 1, 2, seed, actor="tb")
    with contest.read_session() as session:
        pairs = session.execute(
            select(Judge.code, Unit.code)
            .join(Assignment, Assignment.judge_id == Judge.id)
            .join(Entry, Entry.id == Assignment.entry_id)
            .join(Unit, Unit.id == Entry.unit_id)
        ).all()
    assert len(pairs) == 18 * 2
    assert ("GK1", "THCS-KD") not in pairs and ("GK4", "PGD") not in pairs
    assert all(
        (judge, unit) not in pairs
        for judge, unit in (("GK1", "THCS-NC"), ("GK2", "THCS-KD"), ("GK3", "MN-TH"))
    )


def test_a_declared_conflict_that_leaves_too_few_judges_is_named(contest: ContestDatabase) -> None:
    codes = _add_entries(contest, {"THCS-KD": 2, "MN-TH": 2})
    set_judge_conflicts(contest, "GK1", ["THCS-KD"], "", actor="tb")
    with pytest.raises(JudgeAppError) as caught:
        assign_round(contest, 1, 2, 1, actor="tb")
    assert caught.value.code == "assign_infeasible"
    assert caught.value.params["entries"] == ", ".join(codes[:2])


def test_capacity_is_respected(contest: ContestDatabase) -> None:
    _add_entries(contest, {"PGD": 12})
    set_judge_capacity(contest, "GK3", 2, actor="tb")
    result = assign_round(contest, 1, 2, 5, actor="tb")
    assert result.loads["GK3"] == 2
    assert result.loads["GK1"] + result.loads["GK2"] == 22


def test_capacity_too_small_for_the_round_is_a_clear_error(contest: ContestDatabase) -> None:
    _add_entries(contest, {"PGD": 12})
    for code, capacity in (("GK1", 8), ("GK2", 8), ("GK3", 7)):
        set_judge_capacity(contest, code, capacity, actor="tb")
    with pytest.raises(JudgeAppError) as caught:
        assign_round(contest, 1, 2, 5, actor="tb")
    assert caught.value.code == "assign_capacity_short"
    assert caught.value.params == {"needed": 24, "available": 23}
    assert "24" in describe(caught.value, "vi") and "23" in describe(caught.value, "vi")
    assert _count(contest, Assignment) == 0


def test_a_conflict_declared_after_assignment_reports_the_held_entries(
    contest: ContestDatabase,
) -> None:
    _add_entries(contest, {"PGD": 4})
    assign_round(contest, 1, 2, 3, actor="tb")
    held = set_judge_conflicts(contest, "GK2", ["PGD"], "", actor="tb")
    with contest.read_session() as session:
        gk2 = session.scalars(
            select(Entry.code)
            .join(Assignment, Assignment.entry_id == Entry.id)
            .join(Judge, Judge.id == Assignment.judge_id)
            .where(Judge.code == "GK2")
        ).all()
    assert sorted(h.entry for h in held) == sorted(gk2) and gk2
    assert all(h.round == 1 and not h.graded for h in held)


def test_config_judges_keep_conflicts_and_capacity(tmp_path: Path) -> None:
    data = sample()
    data["judges"][1]["conflicts"] = ["THCS-KD", "MN-TH"]
    data["judges"][2]["capacity"] = 40
    path = create_contest(tmp_path / "c.sqlite", parse_config(data), actor="tb")
    with open_contest_file(path) as db:
        judges = {j.code: j for j in list_judges(db)}
        assert [u for u, _ in judges["GK1"].conflicts] == ["MN-TH", "THCS-KD"]
        assert judges["GK2"].capacity == 40
        config: ContestConfig = export_config(db)
        assert config.judges[1].conflicts == ("MN-TH", "THCS-KD")


def test_a_file_of_another_kind_is_one_problem(contest: ContestDatabase, tmp_path: Path) -> None:
    rubric = tmp_path / "rubric.json"
    export_rubric(contest, rubric)
    with pytest.raises(JudgeAppError) as caught:
        load_config(rubric)
    assert caught.value.params["count"] == 1
    assert caught.value.params["field"] == "format"
    config = tmp_path / "config.json"
    save_config(load_config(sample_config_path()), config)
    with pytest.raises(JudgeAppError) as caught:
        import_rubric(contest, config, actor="tb")
    assert (caught.value.code, caught.value.params["count"]) == ("rubric_invalid", 1)
