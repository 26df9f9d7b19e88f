"""The judge's grading workspace: scoring rules, submit, revisions, undo as a set, comment bank,
page notes, resume position, all on a real workspace file with its audit log."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from grading_helpers import CODES, JUDGE, NOT_ASSIGNED, build_workspace

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import describe
from judge_app.core.scores import Points
from judge_app.store import grading
from judge_app.store.audit import verify
from judge_app.store.database import ContestDatabase, open_contest_file
from judge_app.store.grading import BLANK, GradingProgress, Rubric


@pytest.fixture
def ws_path(tmp_path: Path) -> Path:
    return build_workspace(tmp_path / "gk1.sqlite")


@pytest.fixture
def db(ws_path: Path) -> Iterator[ContestDatabase]:
    with open_contest_file(ws_path) as database:
        yield database


@pytest.fixture
def rubric(db: ContestDatabase) -> Rubric:
    return grading.load_rubric(db)


def _criterion(rubric: Rubric, code: str) -> grading.RubricCriterion:
    return next(c for c in rubric.criteria if c.code == code)


def _audit(path: Path) -> list[tuple[str, str, str | None, str | None]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(
            "SELECT action, actor, before, after FROM audit_log ORDER BY id"
        ).fetchall()
    finally:
        connection.close()


def _score_everything(db: ContestDatabase, rubric: Rubric, code: str) -> grading.GradingState:
    for question in rubric.questions:
        grading.set_answer(db, code, question.id, question.answer)
    state = None
    for criterion in rubric.criteria:
        state = grading.set_score(db, code, criterion.id, criterion.maximum)
    assert state is not None
    return state


def test_rubric_info_and_entry_list(db: ContestDatabase, rubric: Rubric) -> None:
    assert [q.number for q in rubric.questions] == [1, 2]
    assert [c.code for c in rubric.criteria] == ["ND", "HT", "ST"]
    assert rubric.max_total == Points(1050)
    assert [level.descriptor for level in _criterion(rubric, "ND").levels] == [
        "Sơ sài, thiếu ý.",
        "Đầy đủ, chính xác.",
    ]
    info = grading.workspace_info(db)
    assert (info.judge_code, info.judge_name, info.round, info.entry_count) == (
        JUDGE,
        "Lê Thị Mai",
        1,
        3,
    )
    rows = grading.list_entries(db)
    # Only the judge's own entries, by code; never the unassigned one.
    assert [row.code for row in rows] == list(CODES)
    assert all(row.progress is GradingProgress.NOT_STARTED and row.total is None for row in rows)
    assert rows[0].file_kinds == ("docx",) and rows[0].format_badge == "ok"


@pytest.mark.parametrize("typed", ["3,5", "3.5", " 3,50 "])
def test_scores_typed_with_comma_or_dot(
    db: ContestDatabase, rubric: Rubric, ws_path: Path, typed: str
) -> None:
    content = _criterion(rubric, "ND")
    state = grading.set_score(db, "A01", content.id, grading.parse_score_text(typed))
    assert state.scores == {content.id: Points(350)}
    assert state.total == Points(350)
    assert state.status is GradingProgress.DRAFT
    connection = sqlite3.connect(ws_path)
    assert connection.execute("SELECT scores FROM grading").fetchall() == [
        (f'{{"{content.id}":350}}',)
    ]
    connection.close()


def test_invalid_scores_are_refused_with_their_message(
    db: ContestDatabase, rubric: Rubric, ws_path: Path
) -> None:
    form = _criterion(rubric, "HT")  # maximum 3, step 0.5
    rows_before = len(_audit(ws_path))
    with pytest.raises(JudgeAppError) as above:
        grading.set_score(db, "A01", form.id, grading.parse_score_text("3,5"))
    assert above.value.code == "score_out_of_range"
    assert describe(above.value) == "Điểm 3,5 phải nằm trong khoảng 0 … 3."
    assert describe(above.value, "en") == "Score 3,5 must be between 0 and 3."
    with pytest.raises(JudgeAppError) as off_grid:
        grading.set_score(db, "A01", form.id, grading.parse_score_text("1,25"))
    assert describe(off_grid.value) == "Điểm 1,25 không chia hết cho bước 0,5."
    for text in ("abc", "7,555", "-1", ""):
        with pytest.raises(JudgeAppError) as bad:
            grading.parse_score_text(text)
        assert bad.value.code == "score_invalid"
    assert describe(bad.value, "en").startswith("Not a valid score")
    # The window checks before it writes with the same rule.
    problem = grading.score_problem(Points(125), form)
    assert problem is not None and problem.code == "score_off_grid"
    assert grading.score_problem(Points(250), form) is None
    # Nothing stored, nothing logged.
    assert grading.grading_state(db, "A01").scores == {}
    assert len(_audit(ws_path)) == rows_before


def test_multiple_choice_is_scored_against_the_key(db: ContestDatabase, rubric: Rubric) -> None:
    first, second = rubric.questions  # keys B (0.5) and C (0.5); question 2 offers A-C only
    state = grading.set_answer(db, "A01", first.id, "b")
    assert state.answers == {first.id: "B"} and state.choice_points == Points(50)
    state = grading.set_answer(db, "A01", second.id, "A")
    assert state.choice_points == Points(50) and state.total == Points(50)
    state = grading.set_answer(db, "A01", second.id, "C")
    assert state.choice_points == Points(100)
    state = grading.set_answer(db, "A01", first.id, BLANK)  # left blank: recorded, worth 0
    assert state.answers == {first.id: "", second.id: "C"}
    assert state.choice_points == Points(50)
    assert not any(item.startswith("Câu") for item in state.missing)
    with pytest.raises(JudgeAppError) as refused:
        grading.set_answer(db, "A01", second.id, "D")
    assert refused.value.code == "answer_not_an_option"
    assert describe(refused.value) == "Câu 2: “D” không phải là một phương án (A, B, C)."
    row = next(r for r in grading.list_entries(db) if r.code == "A01")
    assert row.total == Points(50) and row.progress is GradingProgress.DRAFT


def test_submit_refusal_lists_what_is_missing(db: ContestDatabase, rubric: Rubric) -> None:
    grading.set_score(db, "A02", _criterion(rubric, "HT").id, Points(200))
    grading.set_answer(db, "A02", rubric.questions[0].id, "A")
    with pytest.raises(JudgeAppError) as refused:
        grading.submit(db, "A02")
    assert refused.value.code == "grading_incomplete"
    assert describe(refused.value) == "Chưa nộp được bài A02: còn thiếu ND, ST, Câu 2."
    assert grading.grading_state(db, "A02").missing == ("ND", "ST", "Câu 2")
    grading.set_score(db, "A02", _criterion(rubric, "ND").id, Points(0))
    grading.set_score(db, "A02", _criterion(rubric, "ST").id, Points(150))
    grading.set_answer(db, "A02", rubric.questions[1].id, BLANK)
    state = grading.submit(db, "A02")
    assert state.status is GradingProgress.SUBMITTED and state.missing == ()
    assert state.total == Points(350)
    row = next(r for r in grading.list_entries(db) if r.code == "A02")
    assert row.progress is GradingProgress.SUBMITTED and row.total == Points(350)


def test_blocking_flags_stop_submit_but_keep_the_draft(db: ContestDatabase, rubric: Rubric) -> None:
    _score_everything(db, rubric, "A01")
    state = grading.set_flag(db, "A01", "suspected_copy", "Giống bài A03")
    assert state.flags == {"suspected_copy": "Giống bài A03"} and state.blocked_by == ()
    state = grading.set_flag(db, "A01", "unreadable", "Ảnh chụp mờ trang 2")
    assert state.status is GradingProgress.FLAGGED and state.blocked_by == ("unreadable",)
    # Scores can still be typed (kept as draft) ...
    state = grading.set_score(db, "A01", _criterion(rubric, "ST").id, Points(100))
    assert state.scores[_criterion(rubric, "ST").id] == Points(100)
    # ... but the entry cannot be submitted while the flag stands.
    with pytest.raises(JudgeAppError) as refused:
        grading.submit(db, "A01")
    assert refused.value.code == "grading_blocked"
    assert "unreadable" in describe(refused.value)
    assert grading.list_entries(db)[0].flagged
    state = grading.clear_flag(db, "A01", "unreadable")
    assert state.blocked_by == () and state.status is GradingProgress.FLAGGED
    state = grading.submit(db, "A01")  # a non-blocking flag goes along with the submission
    assert state.status is GradingProgress.SUBMITTED and state.flags == {
        "suspected_copy": "Giống bài A03"
    }
    with pytest.raises(JudgeAppError) as unknown:
        grading.set_flag(db, "A01", "too_long", "")
    assert unknown.value.code == "grading_flag_unknown"


def test_editing_a_submitted_entry_is_a_recorded_revision(
    db: ContestDatabase, rubric: Rubric, ws_path: Path
) -> None:
    _score_everything(db, rubric, "A01")
    submitted = grading.submit(db, "A01")
    content = _criterion(rubric, "ND")
    state = grading.set_score(db, "A01", content.id, Points(425))
    assert state.status is GradingProgress.SUBMITTED
    assert state.revision == submitted.revision + 1
    assert state.total == submitted.total - Points(75)
    action, actor, before, after = _audit(ws_path)[-1]
    assert (action, actor) == ("grading.revise", JUDGE)
    assert before == '{"points":500}'
    assert after == '{"change":"grading.score","points":425}'
    # A revision that leaves the entry incomplete sends it back to draft, in the same row.
    state = grading.set_score(db, "A01", content.id, None)
    assert state.status is GradingProgress.DRAFT and state.missing == ("ND",)
    assert _audit(ws_path)[-1][3] == '{"change":"grading.score","status":"draft"}'
    grading.set_score(db, "A01", content.id, Points(425))
    assert grading.submit(db, "A01").revision > state.revision
    assert verify(db).ok


def test_every_setter_takes_back_the_previous_value(
    db: ContestDatabase, rubric: Rubric, ws_path: Path
) -> None:
    """Undo in the window is the same setter with the old value, clearing included."""
    content, question = _criterion(rubric, "ND"), rubric.questions[0]
    empty = grading.grading_state(db, "A03")
    grading.set_score(db, "A03", content.id, Points(300))
    grading.set_score(db, "A03", content.id, Points(325))
    assert grading.set_score(db, "A03", content.id, Points(300)).scores == {content.id: Points(300)}
    assert grading.set_score(db, "A03", content.id, None).scores == {}
    grading.set_answer(db, "A03", question.id, "C")
    assert grading.set_answer(db, "A03", question.id, None).answers == {}
    grading.set_comment(db, "A03", "Bài viết tốt")
    assert grading.set_comment(db, "A03", "").comment == ""
    grading.set_criterion_comment(db, "A03", content.id, "Thiếu ví dụ")
    assert grading.set_criterion_comment(db, "A03", content.id, "").criterion_comments == {}
    grading.set_flag(db, "A03", "off_topic", "lạc đề")
    assert grading.clear_flag(db, "A03", "off_topic").flags == {}
    state = grading.grading_state(db, "A03")
    assert (state.scores, state.answers, state.comment, state.flags) == (
        empty.scores,
        empty.answers,
        empty.comment,
        empty.flags,
    )
    # Re-typing the stored value changes nothing and logs nothing.
    grading.set_score(db, "A03", content.id, Points(300))
    rows = len(_audit(ws_path))
    grading.set_score(db, "A03", content.id, Points(300))
    grading.set_comment(db, "A03", "")
    assert len(_audit(ws_path)) == rows
    assert verify(db).ok


def test_criterion_comment_before_the_score_is_kept(db: ContestDatabase, rubric: Rubric) -> None:
    content = _criterion(rubric, "ND")
    state = grading.set_criterion_comment(db, "A01", content.id, "Chưa nêu mức độ 4")
    assert state.criterion_comments == {content.id: "Chưa nêu mức độ 4"} and state.scores == {}
    state = grading.set_score(db, "A01", content.id, Points(250))
    assert state.criterion_comments == {content.id: "Chưa nêu mức độ 4"}
    state = grading.set_score(db, "A01", content.id, None)  # undoing the score keeps the comment
    assert state.criterion_comments == {content.id: "Chưa nêu mức độ 4"}
    state = grading.set_criterion_comment(db, "A01", content.id, "Đã sửa")
    assert grading.set_score(db, "A01", content.id, Points(275)).criterion_comments == {
        content.id: "Đã sửa"
    }


def test_the_sheet_is_kept_in_the_grading_row(
    db: ContestDatabase, rubric: Rubric, ws_path: Path
) -> None:
    content, form = _criterion(rubric, "ND"), _criterion(rubric, "HT")
    first, second = rubric.questions
    grading.set_criterion_comment(db, "A01", form.id, "Trình bày tốt")  # before any score
    grading.set_score(db, "A01", content.id, Points(250))
    grading.set_answer(db, "A01", second.id, BLANK)
    grading.set_answer(db, "A01", first.id, "b")
    connection = sqlite3.connect(ws_path)
    try:
        sheet = "SELECT scores, answers, criterion_comments FROM grading"
        assert connection.execute(sheet).fetchall() == [
            (
                f'{{"{content.id}":250}}',
                f'{{"{first.id}":"B","{second.id}":""}}',
                f'{{"{form.id}":"Trình bày tốt"}}',
            )
        ]
        # Nothing waits anywhere else (the comment typed before the score is in the row).
        assert connection.execute(
            "SELECT count(*) FROM meta WHERE key LIKE 'grading.cc.%'"
        ).fetchone() == (0,)
        grading.set_criterion_comment(db, "A01", form.id, "")
        grading.set_score(db, "A01", content.id, None)
        grading.set_answer(db, "A01", first.id, None)
        grading.set_answer(db, "A01", second.id, None)
        assert connection.execute(sheet).fetchall() == [("{}", "{}", "{}")]
    finally:
        connection.close()
    state = grading.grading_state(db, "A01")
    assert (state.scores, state.answers, state.criterion_comments) == ({}, {}, {})


def test_comment_bank_is_seeded_and_grows(db: ContestDatabase, rubric: Rubric) -> None:
    general = grading.bank_comments(db, None)
    assert len(general) >= 5 and all(c.origin == "app" for c in general)
    assert general[0].text == grading.GENERAL_COMMENTS[0]
    content = _criterion(rubric, "ND")
    assert [(c.text, c.origin) for c in grading.bank_comments(db, content.id)] == [
        ("Sơ sài, thiếu ý.", "contest"),
        ("Đầy đủ, chính xác.", "contest"),
    ]
    assert grading.bank_comments(db, _criterion(rubric, "HT").id) == []
    own = grading.add_bank_comment(db, content.id, "  Cần thêm số liệu thực tế. ")
    assert own.text == "Cần thêm số liệu thực tế." and own.origin == "judge"
    assert grading.add_bank_comment(db, content.id, "Cần thêm số liệu thực tế.") == own
    assert grading.bank_comments(db, content.id)[-1] == own
    assert len(grading.bank_comments(db, None)) == len(general)  # seeded once only
    with pytest.raises(JudgeAppError):
        grading.add_bank_comment(db, None, "   ")
    with pytest.raises(JudgeAppError):
        grading.remove_bank_comment(db, general[0].id)  # built-in ones stay
    grading.remove_bank_comment(db, own.id)
    assert own not in grading.bank_comments(db, content.id)
    assert verify(db).ok


def test_page_notes(db: ContestDatabase) -> None:
    state = grading.add_page_note(db, "A02", 0, 1, 0.25, 0.5, "Đoạn này chép từ báo")
    (note,) = state.page_notes
    assert (note.file_sort, note.page, note.x, note.y, note.text) == (
        0,
        1,
        0.25,
        0.5,
        "Đoạn này chép từ báo",
    )
    with pytest.raises(JudgeAppError):
        grading.add_page_note(db, "A02", 0, 1, 1.5, 0.5, "ngoài trang")
    with pytest.raises(JudgeAppError):
        grading.add_page_note(db, "A02", 0, 1, 0.5, 0.5, "  ")
    assert grading.remove_page_note(db, "A02", note.id).page_notes == ()
    with pytest.raises(JudgeAppError) as gone:
        grading.remove_page_note(db, "A02", note.id)
    assert gone.value.code == "page_note_unknown"


def test_resume_position_survives_reopening(ws_path: Path) -> None:
    with open_contest_file(ws_path) as db:
        assert grading.last_position(db) is None
        grading.remember_position(db, "A02")
    with open_contest_file(ws_path) as db:
        assert grading.last_position(db) == "A02"


def test_entries_of_other_judges_are_not_reachable(db: ContestDatabase, rubric: Rubric) -> None:
    with pytest.raises(JudgeAppError) as refused:
        grading.set_score(db, NOT_ASSIGNED, rubric.criteria[0].id, Points(100))
    assert refused.value.code == "grading_entry_unknown"
    assert NOT_ASSIGNED in describe(refused.value)
    with pytest.raises(JudgeAppError) as unknown:
        grading.set_score(db, "A01", 999, Points(100))
    assert unknown.value.code == "grading_criterion_unknown"


def test_board_file_is_not_a_workspace(tmp_path: Path) -> None:
    from judge_app.store.database import create_contest_file

    with (
        create_contest_file(tmp_path / "board.sqlite") as db,
        pytest.raises(JudgeAppError) as refused,
    ):
        grading.load_rubric(db)
    assert refused.value.code == "grading_not_a_workspace"


QUESTIONS = (
    grading.RubricQuestion(1, 1, "", "ABCD", "B", Points(25)),
    grading.RubricQuestion(2, 2, "", "ABCD", "D", Points(25)),
    grading.RubricQuestion(3, 3, "", "ABCD", "A", Points(25)),
    grading.RubricQuestion(4, 4, "", "ABC", "C", Points(25)),
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Câu 1: B\nCâu 2 - d\ncâu3:A\nCau 4: C", {1: "B", 2: "D", 3: "A", 4: "C"}),
        ("PHẦN TRẮC NGHIỆM\n1. B\n2) D\n3: A", {1: "B", 2: "D", 3: "A"}),
        ("Câu 1. Đáp án: B. Cổng dịch vụ công\nCâu 2: chọn D", {1: "B", 2: "D"}),
        ("| Câu | Đáp án |\n| 1 | B |\n| 2 | D |\n3\tA", {1: "B", 2: "D", 3: "A"}),
        ("CÂU 1: b", {1: "B"}),
        # Tables laid across: one line of cells per row, or one cell per line.
        ("Câu | 1 | 2 | 3 | 4\nĐáp án | B | D | A | C", {1: "B", 2: "D", 3: "A", 4: "C"}),
        ("Câu\t1\t2\nĐáp án\tB\tD", {1: "B", 2: "D"}),
        ("Câu\n1\n2\n3\nĐáp án\nB\nD\nA\nPhần II", {1: "B", 2: "D", 3: "A"}),
        # A two-column table read one cell per line.
        ("Câu\nĐáp án\n1\nB\n2\nD", {1: "B", 2: "D"}),
        # "Câu 4:" left blank; the next line lists the question's options: no answer read.
        ("Câu 4:\nA. Thủ tục cấp bằng\nB. Thủ tục chuyển trường", {}),
        # Two different answers for one question: no guess.
        ("Câu 1: B\n...\nCâu 1: C\nCâu 2: D", {2: "D"}),
        # The same answer twice is fine.
        ("Câu 1: B\nTrả lời câu 1: B", {1: "B"}),
        # An option the question does not offer, a question that does not exist.
        ("Câu 4: D\nCâu 9: A", {}),
        # Words that start with a letter are not answers.
        ("Câu 1: Bộ Công an quản lý\nCâu 2: Dịch vụ công mức độ 4", {}),
        ("", {}),
    ],
)
def test_proposed_answers_read_from_typed_text(text: str, expected: dict[int, str]) -> None:
    assert grading.proposed_answers(text, QUESTIONS) == expected


def test_every_change_is_in_the_audit_log_under_the_judge(
    db: ContestDatabase, rubric: Rubric, ws_path: Path
) -> None:
    _score_everything(db, rubric, "A01")
    grading.set_comment(db, "A01", "Tốt")
    grading.submit(db, "A01")
    actions = [row[0] for row in _audit(ws_path)]
    assert actions.count("grading.create") == 1
    assert actions.count("grading.answer") == len(rubric.questions)
    assert actions.count("grading.score") == len(rubric.criteria)
    assert actions[-2:] == ["grading.comment", "grading.submit"]
    assert {row[1] for row in _audit(ws_path) if row[0].startswith("grading.")} == {JUDGE}
    assert verify(db).ok
