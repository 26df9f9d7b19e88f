"""The merge's reading of score files: the app's own exports are decoded straight into typed
entries; any other spelling goes through the general reader, which takes it or names what is
wrong, so both roads accept and refuse exactly the same files."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from signed_exchange import Exported, export_graded, resigned

from judge_app.core.errors import JudgeAppError
from judge_app.exchange import score_format
from judge_app.exchange.score_format import read_entries, read_score_file


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Exported]:
    mp = pytest.MonkeyPatch()
    mp.setenv("JUDGE_APP_HOME", str(tmp_path_factory.mktemp("home")))
    try:
        yield export_graded(tmp_path_factory.mktemp("score-format-ws"))
    finally:
        mp.undo()


def _general(path: Path) -> list[tuple[Any, ...]]:
    """The entries as the general reader sees them."""
    return [
        (
            item["code"],
            item["round"],
            item["status"],
            item["scores"],
            item["answers"],
            item["criterion_comments"],
            item["comment"],
            item["flags"],
            item["page_notes"],
            [file["sha256"] for file in item["files"]],
            item["total"],
            item.get("submitted_at"),
        )
        for item in read_score_file(path).entries
    ]


def _typed(path: Path) -> list[tuple[Any, ...]]:
    return [
        (
            item.code,
            item.round,
            item.status,
            item.scores,
            item.answers,
            item.criterion_comments,
            item.comment,
            item.flags,
            item.page_notes,
            [file.sha256 for file in item.files],
            item.total,
            item.submitted_at,
        )
        for item in read_entries(path).entries
    ]


def test_an_export_of_this_app_is_read_without_the_general_reader(
    exported: Exported, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _general(exported.path)
    general = read_score_file(exported.path)

    def refuse(path: Path) -> None:
        raise AssertionError("the general reader was used")

    monkeypatch.setattr(score_format, "read_score_file", refuse)
    fast = read_entries(exported.path)
    assert _typed(exported.path) == expected
    assert (fast.contest_uuid, fast.judge_code, fast.round, fast.revision) == (
        general.contest_uuid,
        general.judge_code,
        general.round,
        general.revision,
    )
    assert (fast.fingerprint, fast.sha256, fast.signed) == (
        general.fingerprint,
        general.sha256,
        general.signed,
    )
    assert fast.verify(exported.key.public_key())


# Spellings the export never writes: the general reader decides, and both roads agree.
_OTHER: list[tuple[str, Callable[[dict[str, Any]], Any], bool]] = [  # name, change, accepted
    ("a field of a newer app", lambda b: b.update(note_for_later="x"), True),
    ("an entry without n in its file", lambda b: b["entries"][0]["files"][0].pop("n"), True),
    ("no choice_points", lambda b: b["entries"][0].pop("choice_points"), True),
    ("a page number as text", lambda b: b["entries"][0]["page_notes"][0].update(page="1"), True),
    ("a float in the summary", lambda b: b["summary"].append(1.5), False),
    ("a float in a page note", lambda b: b["entries"][0]["page_notes"][0].update(z=0.5), False),
    ("a bool for a round", lambda b: b["entries"][0].update(round=True), False),
    ("a round past 2**31", lambda b: b["entries"][0].update(round=2**40), False),
    ("a revision past 2**31", lambda b: b.update(revision=2**40), False),
    ("a total in words", lambda b: b["entries"][0].update(total="mười"), False),
    ("a page note without text", lambda b: b["entries"][0]["page_notes"][0].pop("text"), False),
    ("a score in words", lambda b: b["entries"][0]["scores"].update(ND="hai"), False),
    ("no contest id", lambda b: b["contest"].pop("uuid"), False),
    ("two entries with one code", lambda b: b["entries"].append(b["entries"][0]), False),
    ("another format", lambda b: b.update(format="other"), False),
    ("an entry that is a list", lambda b: b["entries"].append([1]), False),
]


@pytest.mark.parametrize(
    ("change", "accepted"),
    [(change, accepted) for _, change, accepted in _OTHER],
    ids=[name for name, _, _ in _OTHER],
)
def test_another_spelling_is_judged_by_the_general_reader(
    exported: Exported,
    tmp_path: Path,
    change: Callable[[dict[str, Any]], Any],
    accepted: bool,
) -> None:
    path = resigned(exported, tmp_path / "other.jgs", change)
    if accepted:
        assert _typed(path) == _general(path)
        return
    with pytest.raises(JudgeAppError) as general:
        read_score_file(path)
    with pytest.raises(JudgeAppError) as typed:
        read_entries(path)
    assert general.value.code == typed.value.code == "score_file_malformed"
    assert general.value.params == typed.value.params
