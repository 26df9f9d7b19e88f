from __future__ import annotations

import string
from pathlib import Path

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import CATALOGUE, describe, render


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    for code, (vi, en) in CATALOGUE.items():
        assert vi.strip() and en.strip(), code
        assert _fields(vi) == _fields(en), code
        words = string.Formatter().parse(vi)
        has_words = any(any(ch.isalpha() for ch in literal) for literal, *_ in words)
        assert vi != en or not has_words, f"{code} is not translated"


def test_error_sentence_names_the_file() -> None:
    error = JudgeAppError("not_a_database", Path("/tmp/bài thi.sqlite"))
    assert "/tmp/bài thi.sqlite" in describe(error, "vi")
    assert describe(error, "vi").startswith("Tệp")
    assert describe(error, "en").startswith("/tmp/bài thi.sqlite is not")


def test_missing_parameter_does_not_crash() -> None:
    assert "?" in render("database_corrupt", "en", path="x")


def test_a_code_given_as_parameter_is_said_in_the_same_language() -> None:
    error = JudgeAppError("database_corrupt", Path("c.sqlite"), reason="x", backup="no_backup")
    assert "chưa có bản sao lưu" in describe(error, "vi")
    assert "no backup yet" in describe(error, "en")
