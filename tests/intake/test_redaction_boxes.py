"""Redaction boxes: validated, audited, and burned into the judges' copies for real (the text
under a box leaves the PDF, image pixels under it become black), read back from the package."""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import shutil
import sqlite3
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pymupdf
import pytest
from PIL import Image

from judge_app.core.errors import JudgeAppError
from judge_app.documents.redaction_burn import PageBox, burn_boxes
from judge_app.exchange import keys
from judge_app.exchange.demo_packages import DEMO_PASSPHRASE
from judge_app.exchange.package import MANIFEST, create_package, preview_copy
from judge_app.exchange.package_verify import verify_package
from judge_app.fileio import sha256_file
from judge_app.intake.redaction_boxes import (
    ADD_ACTION,
    REMOVE_ACTION,
    add_box,
    list_boxes,
    parse_box,
    remove_box,
)
from judge_app.intake.redaction_cli import add_commands
from judge_app.paths import fonts_dir
from judge_app.store.database import ContestDatabase, open_contest_file

NAME = "Nguyễn Văn Bình"
SCHOOL = "Trường THCS Kim Đồng"
A4 = (595.0, 842.0)


@pytest.fixture(scope="module")
def demo_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo contest (round 1 assigned, head key in keys/), built once for the module."""
    from judge_app.demo.build import build_demo_contest

    mp = pytest.MonkeyPatch()
    mp.setenv("JUDGE_APP_HOME", str(tmp_path_factory.mktemp("redaction-home")))
    try:
        result = build_demo_contest(tmp_path_factory.mktemp("redaction") / "demo")
    finally:
        mp.undo()
    return result.path.parent


@dataclass
class Contest:
    db: ContestDatabase
    root: Path

    @property
    def fingerprint(self) -> str:
        with sqlite3.connect(self.db.path) as connection:
            (value,) = connection.execute(
                "SELECT key_fingerprint FROM judge WHERE is_head"
            ).fetchone()
        return str(value)

    def verify(self, package: Path) -> None:
        """The judge's side accepts it: signature and every member's hash."""
        verify_package(
            package,
            accept_fingerprint=self.fingerprint,
            pinned_keys_dir=package.parent / "trust",
        )

    def package(self, code: str, out: Path) -> zipfile.ZipFile:
        """The package of the first grader assigned `code`, without automatic redaction (so
        what disappears is the boxes' doing), opened."""
        judge = _judge_of(self.db, code)
        key = keys.load_private_key(
            self.fingerprint,
            keys.normalise_passphrase(DEMO_PASSPHRASE),
            folder=self.root / "keys",
        )
        report = create_package(self.db, judge, 1, out, key, actor="test", redact=False)
        assert report.path == out
        return zipfile.ZipFile(out)


@pytest.fixture
def contest(demo_root: Path, tmp_path: Path) -> Iterator[Contest]:
    root = tmp_path / "demo"
    shutil.copytree(demo_root, root, ignore=shutil.ignore_patterns("packages"))
    with open_contest_file(root / "contest.sqlite") as db:
        yield Contest(db, root)


def _judge_of(db: ContestDatabase, code: str) -> str:
    with sqlite3.connect(db.path) as connection:
        row = connection.execute(
            "SELECT judge.code FROM assignment JOIN judge ON judge.id = assignment.judge_id"
            " JOIN entry ON entry.id = assignment.entry_id WHERE entry.code = ?"
            " AND assignment.round = 1 ORDER BY judge.code LIMIT 1",
            (code,),
        ).fetchone()
    return str(row[0])


def _replace_file(contest: Contest, code: str, data: bytes, suffix: str, kind: str) -> None:
    """Put our own file in place of entry `code`'s first file (fixture set-up, not intake)."""
    relative = f"entries/{code}/planted{suffix}"
    (contest.root / relative).write_bytes(data)
    with sqlite3.connect(contest.db.path) as connection:
        (file_id,) = connection.execute(
            "SELECT entry_file.id FROM entry_file JOIN entry ON entry.id = entry_file.entry_id"
            " WHERE entry.code = ? ORDER BY entry_file.sort, entry_file.id LIMIT 1",
            (code,),
        ).fetchone()
        connection.execute(
            "UPDATE entry_file SET stored_path = ?, sha256 = ?, size = ?, kind = ? WHERE id = ?",
            (relative, hashlib.sha256(data).hexdigest(), len(data), kind, file_id),
        )


def _cover_pdf() -> tuple[bytes, tuple[float, float, float, float]]:
    """A cover page with the entrant's name and school, a red picture beside them, and an essay
    line below; the fractions of a box over the name and school."""
    font = {"fontname": "serif", "fontfile": str(fonts_dir() / "LiberationSerif-Regular.ttf")}
    with pymupdf.open() as doc:
        page = doc.new_page(width=A4[0], height=A4[1])
        page.insert_text((72, 120), f"Họ và tên: {NAME}", fontsize=14, **font)
        page.insert_text((72, 150), SCHOOL, fontsize=14, **font)
        picture = Image.new("RGB", (100, 60), (220, 30, 30))
        buffer = io.BytesIO()
        picture.save(buffer, format="PNG")
        page.insert_image(pymupdf.Rect(400, 95, 500, 155), stream=buffer.getvalue())
        page.insert_text((72, 400), "Dịch vụ công trực tuyến giúp người dân.", fontsize=14, **font)
        data = doc.tobytes()
    box = (60 / A4[0], 95 / A4[1], 520 / A4[0], 165 / A4[1])
    return data, box


def _render(pdf: bytes, page: int = 0, zoom: float = 1.0) -> Image.Image:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        pix = doc[page].get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
        return Image.frombytes("RGB", (pix.width, pix.height), pix.samples)


def _pixels(
    box: tuple[float, float, float, float], size: tuple[int, int], grow: int
) -> tuple[int, int, int, int]:
    w, h = size
    return (
        int(box[0] * w) - grow,
        int(box[1] * h) - grow,
        int(box[2] * w) + grow,
        int(box[3] * h) + grow,
    )


def _assert_burned(
    before: Image.Image, after: Image.Image, box: tuple[float, float, float, float], tol: int
) -> None:
    """Inside the box black; outside it the same picture as the copy without the box."""
    assert before.size == after.size
    inner = _pixels(box, after.size, -3)
    inside = after.crop(inner).convert("L")
    assert max(inside.tobytes()) <= tol
    outer = _pixels(box, after.size, 3)
    mask = Image.new("L", after.size, 255)
    mask.paste(0, outer)
    diff = [
        abs(a - b)
        for a, b, keep in zip(
            before.convert("L").tobytes(), after.convert("L").tobytes(), mask.tobytes(), strict=True
        )
        if keep
    ]
    assert max(diff) <= tol


def _member(package: zipfile.ZipFile, code: str) -> tuple[str, bytes, dict[str, object]]:
    manifest = json.loads(package.read(MANIFEST))
    entry = next(e for e in manifest["entries"] if e["code"] == code)
    item = entry["files"][0]
    data = package.read(item["path"])
    return str(item["path"]), data, item


# Burned into package copies -------------------------------------------------------------------


def test_a_box_on_a_pdf_cover_removes_the_name_from_text_and_pixels(
    contest: Contest, tmp_path: Path
) -> None:
    code = "79P-9W6"
    data, box = _cover_pdf()
    _replace_file(contest, code, data, ".pdf", "PDF")
    with contest.package(code, tmp_path / "before.jgp") as package:
        _, plain, _ = _member(package, code)
    assert NAME in pymupdf.open(stream=plain, filetype="pdf")[0].get_text()

    change = add_box(contest.db, code, 1, 0, box, actor="head")
    assert change.box.page == 0 and change.box.file == 1
    with contest.package(code, tmp_path / "after.jgp") as package:
        path, burned, item = _member(package, code)
    assert path.endswith(".pdf") and item["kind"] == "pdf"
    assert item["sha256"] == hashlib.sha256(burned).hexdigest()  # the manifest names the burn
    with pymupdf.open(stream=burned, filetype="pdf") as doc:
        text = doc[0].get_text()
        assert NAME not in text and "Bình" not in text and "Kim Đồng" not in text
        assert "Dịch vụ công trực tuyến" in text  # the essay stays
        assert not list(doc[0].annots())  # applied, not an annotation left to delete
        # The picture's pixels under the box are blanked in the image itself, not covered.
        (xref, *_rest) = doc[0].get_images()[0]
        picture = Image.open(io.BytesIO(doc.extract_image(xref)["image"])).convert("RGB")
        assert picture.getpixel((50, 30)) != (220, 30, 30)
    _assert_burned(_render(plain, zoom=1.5), _render(burned, zoom=1.5), box, tol=8)
    contest.verify(tmp_path / "after.jgp")


def test_a_box_on_a_scanned_pdf_blanks_the_scan_under_it(contest: Contest, tmp_path: Path) -> None:
    code = "BJ8-C2X"  # the demo's handwritten scan
    box = (0.1, 0.04, 0.9, 0.16)
    with contest.package(code, tmp_path / "before.jgp") as package:
        _, plain, _ = _member(package, code)
    add_box(contest.db, code, 1, 0, box, actor="head")
    with contest.package(code, tmp_path / "after.jgp") as package:
        _, burned, _ = _member(package, code)
    _assert_burned(_render(plain), _render(burned), box, tol=8)
    with pymupdf.open(stream=burned, filetype="pdf") as doc:
        page = doc[0]
        xref = page.get_images()[0][0]
        where = page.get_image_rects(xref)[0]
        scan = Image.open(io.BytesIO(doc.extract_image(xref)["image"])).convert("L")
        height = page.rect.height
    # The middle of the box, in the scan's own pixels: blank, not ink hidden under paint.
    x = (0.5 * A4[0] - where.x0) / where.width * scan.width
    y = (0.1 * height - where.y0) / where.height * scan.height
    assert scan.getpixel((int(x), int(y))) == 255


def test_a_box_on_a_png_is_black_pixels_and_the_rest_unchanged(
    contest: Contest, tmp_path: Path
) -> None:
    code = "FN9-XS6"  # a PNG photo of handwriting
    box = (0.2, 0.1, 0.7, 0.25)
    with contest.package(code, tmp_path / "before.jgp") as package:
        _, plain, _ = _member(package, code)
    add_box(contest.db, code, 1, 0, box, actor="head")
    with contest.package(code, tmp_path / "after.jgp") as package:
        path, burned, item = _member(package, code)
    assert path.endswith(".png") and item["kind"] == "image"
    before, after = Image.open(io.BytesIO(plain)), Image.open(io.BytesIO(burned))
    _assert_burned(before.convert("RGB"), after.convert("RGB"), box, tol=0)


def test_a_box_on_a_jpeg_photo_is_black(contest: Contest, tmp_path: Path) -> None:
    code = "GDS-7E5"
    box = (0.05, 0.05, 0.6, 0.2)
    with contest.package(code, tmp_path / "before.jgp") as package:
        _, plain, _ = _member(package, code)
    add_box(contest.db, code, 1, 0, box, actor="head")
    with contest.package(code, tmp_path / "after.jgp") as package:
        _, burned, item = _member(package, code)
    assert item["sha256"] == hashlib.sha256(burned).hexdigest()
    before = Image.open(io.BytesIO(plain)).convert("L")
    after = Image.open(io.BytesIO(burned)).convert("L")
    inside = after.crop(_pixels(box, after.size, -4))
    assert max(inside.tobytes()) <= 24
    # Saved again with the photo's own tables: the rest differs by re-encoding noise only.
    outer = _pixels(box, after.size, 16)
    far = [
        abs(a - b)
        for index, (a, b) in enumerate(zip(before.tobytes(), after.tobytes(), strict=True))
        if not (
            outer[0] <= index % after.width <= outer[2]
            and outer[1] <= index // after.width <= outer[3]
        )
    ]
    assert sum(far) / len(far) < 2.0


def test_boxes_land_where_the_viewer_shows_a_photo_turned_by_its_exif(tmp_path: Path) -> None:
    """A phone photo stored sideways with EXIF orientation 6 shows upright (portrait) in the
    viewer; the box drawn on its top part blackens that part of the upright picture."""
    stored = Image.new("RGB", (400, 200), (255, 255, 255))
    # Stored pixels: the upright picture's top edge is the stored picture's left edge... turned
    # 90° clockwise for display, so the stored left column becomes the upright top row.
    stored.paste((0, 0, 255), (0, 0, 100, 200))
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / "photo.png"
    stored.save(path, exif=exif.tobytes())
    report = burn_boxes(path, [PageBox(0, 0.0, 0.0, 1.0, 0.1)])
    assert not report.failed and report.boxes == 1
    upright = Image.open(report.path).convert("RGB")
    assert upright.size == (200, 400)  # as the viewer shows it
    assert upright.getpixel((100, 10)) == (0, 0, 0)  # the top tenth: black
    assert upright.getpixel((100, 60)) == (0, 0, 255)  # below it the blue band is still there
    assert upright.getpixel((100, 300)) == (255, 255, 255)


def test_a_docx_with_a_box_reaches_the_judge_as_a_pdf_with_the_box_burned(
    contest: Contest, tmp_path: Path
) -> None:
    code = "46Q-Y4D"  # a typed DOCX with a cover page
    box = (0.05, 0.03, 0.95, 0.3)
    add_box(contest.db, code, 1, 0, box, actor="head", page_count=1)
    with contest.package(code, tmp_path / "after.jgp") as package:
        path, burned, item = _member(package, code)
    assert path == f"files/{code}/1.pdf" and item["kind"] == "pdf"
    with pymupdf.open(stream=burned, filetype="pdf") as doc:
        assert doc.metadata is not None and not doc.metadata.get("author")
        shown = _render(burned)
        text = doc[0].get_text(clip=doc[0].rect * pymupdf.Matrix(1, 0.25))
    assert text.strip() == ""
    inside = shown.crop(_pixels(box, shown.size, -3)).convert("L")
    assert max(inside.tobytes()) <= 8
    contest.verify(tmp_path / "after.jgp")


def test_a_box_on_a_page_the_copy_lacks_stops_the_package(contest: Contest, tmp_path: Path) -> None:
    code = "79P-9W6"
    add_box(contest.db, code, 1, 1, (0.1, 0.1, 0.5, 0.5), actor="head", page_count=9)
    with sqlite3.connect(contest.db.path) as connection:
        connection.execute("UPDATE redaction_box SET page = 7")
    with pytest.raises(JudgeAppError) as caught:
        contest.package(code, tmp_path / "p.jgp")
    assert caught.value.code == "package_file_refused"
    assert not (tmp_path / "p.jgp").exists()


def test_preview_copy_is_the_judges_copy_with_automatic_redaction_and_boxes(
    contest: Contest, tmp_path: Path
) -> None:
    code = "79P-9W6"
    data, box = _cover_pdf()
    _replace_file(contest, code, data, ".pdf", "PDF")
    # The automatic redaction alone already blacks the entrant's own name out… if it is theirs:
    # here the planted name is not the demo entrant's, so only the box removes it.
    add_box(contest.db, code, 1, 0, box, actor="head")
    copy = preview_copy(contest.db, code, 1, tmp_path / "preview")
    assert copy.boxes == 1 and copy.kind == "pdf"
    with pymupdf.open(copy.path) as doc:
        assert NAME not in doc[0].get_text()


# Validation and audit -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "rect", "code"),
    [
        (0, (0.5, 0.1, 0.4, 0.2), "redaction_box_empty"),
        (0, (0.1, 0.1, 0.1, 0.2), "redaction_box_empty"),
        (0, (0.1, 0.1, 1.2, 0.2), "redaction_box_outside"),
        (0, (-0.1, 0.1, 0.2, 0.2), "redaction_box_outside"),
        (0, (float("nan"), 0.1, 0.2, 0.2), "redaction_box_outside"),
        (2, (0.1, 0.1, 0.2, 0.2), "redaction_page_missing"),
    ],
)
def test_invalid_boxes_are_refused_and_nothing_is_stored(
    contest: Contest, page: int, rect: tuple[float, float, float, float], code: str
) -> None:
    with pytest.raises(JudgeAppError) as caught:
        add_box(contest.db, "79P-9W6", 1, page, rect, actor="head")  # a 2-page PDF
    assert caught.value.code == code
    assert list_boxes(contest.db) == []


def test_unknown_entries_files_boxes_and_typing_errors(contest: Contest) -> None:
    with pytest.raises(JudgeAppError, match="redaction_entry_not_found"):
        add_box(contest.db, "ZZZ-ZZZ", 1, 0, (0.1, 0.1, 0.2, 0.2), actor="h", page_count=1)
    with pytest.raises(JudgeAppError, match="redaction_file_not_found"):
        add_box(contest.db, "79P-9W6", 2, 0, (0.1, 0.1, 0.2, 0.2), actor="h", page_count=1)
    with pytest.raises(JudgeAppError, match="redaction_box_not_found"):
        remove_box(contest.db, 4242, actor="h")
    for text in ("0.1,0.2,0.3", "a,b,c,d", "0.1,0.2,0.3,inf"):
        with pytest.raises(JudgeAppError, match="redaction_box_format"):
            parse_box(text)
    assert parse_box(" 0.1, 0.2 ,0.3,0.4") == (0.1, 0.2, 0.3, 0.4)


def test_each_change_is_audited_without_identity_and_names_stale_packages(
    contest: Contest,
) -> None:
    code = "79P-9W6"
    added = add_box(contest.db, code, 1, 1, (0.1, 0.2, 0.3, 0.4), actor="head")
    # The demo made round 1's packages: the graders of this entry hold its old copy.
    assert added.stale_packages and all(r == 1 for _, r in added.stale_packages)
    assert {judge for judge, _ in added.stale_packages} == {
        row[0]
        for row in sqlite3.connect(contest.db.path).execute(
            "SELECT judge.code FROM assignment JOIN judge ON judge.id = assignment.judge_id"
            " JOIN entry ON entry.id = assignment.entry_id WHERE entry.code = ?",
            (code,),
        )
    }
    removed = remove_box(contest.db, added.box.id, actor="head")
    assert removed.box == added.box and list_boxes(contest.db) == []
    with sqlite3.connect(contest.db.path) as connection:
        rows = connection.execute(
            "SELECT action, actor, entity_key, before, after FROM audit_log"
            " WHERE action LIKE 'redaction.box.%' ORDER BY id"
        ).fetchall()
        names = [name for (name,) in connection.execute("SELECT full_name FROM participant")] + [
            name for (name,) in connection.execute("SELECT original_name FROM entry_file")
        ]
    assert [r[0] for r in rows] == [ADD_ACTION, REMOVE_ACTION]
    assert json.loads(rows[0][4]) == {
        "box": added.box.id,
        "entry": code,
        "file": 1,
        "page": 2,
        "rect": [0.1, 0.2, 0.3, 0.4],
    }
    assert json.loads(rows[1][3]) == json.loads(rows[0][4]) and rows[1][4] is None
    blob = json.dumps(rows, ensure_ascii=False)
    assert names and not any(name and name in blob for name in names)


# Command line ---------------------------------------------------------------------------------


def _run(argv: list[str], lang: str = "en") -> int:
    parser = argparse.ArgumentParser(prog="judge-app")
    sub = parser.add_subparsers(dest="command")
    add_commands(sub)
    args = parser.parse_args(argv)
    result: int = args.handler(args, lang)
    return result


def test_cli_add_list_preview_remove(
    contest: Contest, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(contest.db.path)
    code = "BJ8-C2X"
    assert _run(["redact", "add", db, code, "--page", "1", "--box", "0.1,0.05,0.9,0.2"]) == 0
    out = capsys.readouterr().out
    assert "Redaction box 1 added: entry BJ8-C2X, file 1, page 1." in out
    assert "must be remade" in out
    assert _run(["redact", "list", db]) == 0
    assert "#1  entry BJ8-C2X  file 1  page 1  0.1,0.05,0.9,0.2" in capsys.readouterr().out
    png = tmp_path / "page.png"
    assert _run(["redact", "preview", db, code, "-o", str(png), "--dpi", "50"]) == 0
    assert "1 boxes burned" in capsys.readouterr().out
    shown = Image.open(png).convert("L")
    inside = shown.crop(_pixels((0.1, 0.05, 0.9, 0.2), shown.size, -2))
    assert max(inside.tobytes()) <= 8
    assert _run(["redact", "remove", db, "1"], lang="vi") == 0
    assert "Đã xoá ô che số 1" in capsys.readouterr().out
    assert _run(["redact", "list", db, code]) == 0
    assert "No redaction boxes yet." in capsys.readouterr().out


def test_cli_checks_the_page_against_the_file(contest: Contest) -> None:
    with pytest.raises(JudgeAppError) as caught:
        _run(["redact", "add", str(contest.db.path), "BJ8-C2X", "--page", "3", "--box", "0,0,1,1"])
    assert caught.value.code == "redaction_page_missing"
    assert caught.value.params == {"page": 3, "pages": 2}


def test_sha_of_the_burned_copy_is_what_verification_checks(
    contest: Contest, tmp_path: Path
) -> None:
    code = "FN9-XS6"
    add_box(contest.db, code, 1, 0, (0.1, 0.1, 0.3, 0.3), actor="head")
    out = tmp_path / "p.jgp"
    contest.package(code, out).close()
    with zipfile.ZipFile(out) as package:
        _, burned, item = _member(package, code)
    scratch = tmp_path / "member.png"
    scratch.write_bytes(burned)
    assert sha256_file(scratch)[0] == item["sha256"]
