"""`judge-app inspect` and `judge-app render`: facts per file, PNG pages, exit 2 with reasons."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from doc_makers import RED, near, red_box_pdf, simple_docx
from PIL import Image

from judge_app.cli import main


def test_inspect_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = red_box_pdf(tmp_path / "a.pdf", pages=2)
    docx = simple_docx(tmp_path / "b.docx")
    assert main(["inspect", "--json", str(pdf), str(docx)]) == 0
    results = json.loads(capsys.readouterr().out)
    assert [r["kind"] for r in results] == ["pdf", "docx"]
    assert results[0]["page_count"] == 2 and results[0]["page_sizes_pt"][0] == [200.0, 300.0]
    assert results[1]["has_text"] and results[1]["fonts"][0]["name"] == "Times New Roman"


def test_inspect_text_and_unreadable_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = red_box_pdf(tmp_path / "a.pdf")
    empty = tmp_path / "rỗng.docx"
    empty.write_bytes(b"")
    assert main(["--lang", "en", "inspect", str(pdf), str(empty)]) == 2
    out, err = capsys.readouterr()
    assert "a.pdf: PDF, 1 pages" in out
    assert err.strip() == f"Cannot read {empty}: the file is empty (0 bytes)"


def test_render_writes_a_png(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = red_box_pdf(tmp_path / "a.pdf", pages=2)
    out = tmp_path / "out" / "p2.png"
    assert main(["render", str(pdf), "--page", "2", "--dpi", "144", "-o", str(out)]) == 0
    with Image.open(out) as picture:
        assert picture.size == (400, 600)
        assert near(picture.convert("RGB").getpixel((150, 180)), RED)  # type: ignore[arg-type]
    assert "p2.png" in capsys.readouterr().out


def test_render_bad_page_and_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = red_box_pdf(tmp_path / "a.pdf")
    assert main(["--lang", "en", "render", str(pdf), "--page", "3", "-o", "x.png"]) == 2
    assert "has 1 pages; there is no page 3" in capsys.readouterr().err
    garbage = tmp_path / "g.pdf"
    garbage.write_bytes(b"%PDF-1.4 nonsense")
    assert main(["--lang", "en", "render", str(garbage), "-o", str(tmp_path / "g.png")]) == 2
    assert "Cannot read" in capsys.readouterr().err and not (tmp_path / "g.png").exists()
