from __future__ import annotations

import argparse
import json
import zipfile
from pathlib import Path

import pytest

from judge_app.intake.archives_cli import add_commands

PDF = b"%PDF-1.4\n%%EOF\n"


def _run(argv: list[str], lang: str) -> int:
    parser = argparse.ArgumentParser(prog="judge-app")
    add_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    code: int = args.handler(args, lang)
    return code


def _sources(tmp_path: Path) -> list[str]:
    archive = tmp_path / "Trường A.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("Lớp 6/bài.pdf", PDF)
        zf.writestr("Thumbs.db", b"x")
    rar = tmp_path / "b.rar"
    rar.write_bytes(b"Rar!\x1a\x07\x00" + bytes(20))
    return [str(archive), str(rar)]


def test_unpack_lists_kept_ignored_and_refused_in_vietnamese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _run(["unpack", *_sources(tmp_path), "-o", str(tmp_path / "out")], "vi")
    out = capsys.readouterr().out
    assert code == 2
    assert "01 Trường A/Lớp 6/bài.pdf" in out
    assert "bỏ qua tệp hệ thống" in out and "Thumbs.db" in out
    assert "định dạng RAR không được hỗ trợ; vui lòng gửi tệp .zip" in out
    assert "Đã lấy 1 tệp" in out
    assert (tmp_path / "out" / "01 Trường A" / "Lớp 6" / "bài.pdf").read_bytes() == PDF


def test_unpack_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = _run(["unpack", *_sources(tmp_path)[:1], "-o", str(tmp_path / "o"), "--json"], "en")
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert data["kept"][0]["stored"] == "01 Trường A/Lớp 6/bài.pdf"
    assert data["ignored"][0]["name"] == "Thumbs.db"
    code = _run(["unpack", *_sources(tmp_path)[1:], "-o", str(tmp_path / "o"), "--json"], "en")
    data = json.loads(capsys.readouterr().out)
    assert code == 2
    assert data["refused"][0]["message"] == "the RAR format is not supported; please send a .zip"
