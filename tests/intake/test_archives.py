from __future__ import annotations

import os
import stat
import struct
import time
import unicodedata
import zipfile
import zlib
from pathlib import Path

import pytest
from test_archives_makers import RawEntry, cp1258_bytes, write_raw_zip, zero_bomb

from judge_app.core.errors import JudgeAppError
from judge_app.intake.archives import ArchiveLimits, UnpackReport, unpack_sources
from judge_app.intake.archives_names import decode_name, safe_parts

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _tree(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")}


def _kept_names(report: UnpackReport) -> list[str]:
    return [k.name for k in report.kept]


def _codes(report: UnpackReport) -> list[str]:
    return [r.code for r in report.refused]


def _stored_files(out: Path) -> set[str]:
    """Files written under `out`, the staging folder excluded (it must be gone)."""
    return {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}


# Names ---------------------------------------------------------------------------------------


def test_names_in_every_encoding_schools_send(tmp_path: Path) -> None:
    vietnamese = "Bài dự thi Đặng Thị Hường.docx"
    western = "Café Müller.docx"
    flagged = tmp_path / "flagged.zip"
    _zip(flagged, {vietnamese: b"a", unicodedata.normalize("NFD", "Nguyễn Văn Ánh.pdf"): b"b"})
    raw = write_raw_zip(
        tmp_path / "raw.zip",
        [
            RawEntry("Lớp 6/Trần Quốc Toản.pdf".encode(), b"c"),  # UTF-8, flag not set
            RawEntry(cp1258_bytes("Phạm Thị Ngọc Ánh.docx"), b"d"),
            RawEntry(cp1258_bytes("Lê Văn Đức - bài dự thi.pdf"), b"e"),
            RawEntry(western.encode("cp437"), b"f"),
            RawEntry("Señor Año.txt".encode("cp437"), b"g"),
        ],
    )
    report = unpack_sources([flagged, raw], tmp_path / "out")
    assert _kept_names(report) == [
        vietnamese,
        "Nguyễn Văn Ánh.pdf",
        "Lớp 6/Trần Quốc Toản.pdf",
        "Phạm Thị Ngọc Ánh.docx",
        "Lê Văn Đức - bài dự thi.pdf",
        western,
        "Señor Año.txt",
    ]
    assert all(unicodedata.is_normalized("NFC", str(k.stored)) for k in report.kept)
    assert str(report.kept[1].stored) == "01 flagged/Nguyễn Văn Ánh.pdf"
    assert str(report.kept[2].stored) == "02 raw/Lớp 6/Trần Quốc Toản.pdf"
    assert (tmp_path / "out" / report.kept[3].stored).read_bytes() == b"d"
    assert report.refused == []


def test_unicode_path_extra_field_wins_over_the_legacy_name(tmp_path: Path) -> None:
    legacy = "Bai du thi.docx".encode("cp437")
    utf8 = "Bài dự thi.docx".encode()
    field = struct.pack("<BI", 1, zlib.crc32(legacy)) + utf8
    extra = struct.pack("<HH", 0x7075, len(field)) + field
    stale = struct.pack("<BI", 1, 12345) + b"Sai.docx"
    stale_extra = struct.pack("<HH", 0x7075, len(stale)) + stale
    archive = write_raw_zip(
        tmp_path / "x.zip",
        [RawEntry(legacy, b"1", extra=extra), RawEntry(b"Old.docx", b"2", extra=stale_extra)],
    )
    report = unpack_sources([archive], tmp_path / "out")
    assert _kept_names(report) == ["Bài dự thi.docx", "Old.docx"]


def test_decoding_guesses() -> None:
    assert decode_name(cp1258_bytes("Trường THCS Nguyễn Du")) == "Trường THCS Nguyễn Du"
    assert decode_name("Ölçü.pdf".encode()) == "Ölçü.pdf"
    assert decode_name("naïve résumé".encode("cp437")) == "naïve résumé"
    assert decode_name(b"plain.pdf") == "plain.pdf"


def test_safe_parts_remove_every_way_out() -> None:
    assert safe_parts("../../evil.txt") == ["evil.txt"]
    assert safe_parts("/etc/passwd") == ["etc", "passwd"]
    assert safe_parts("C:\\Windows\\evil.txt") == ["Windows", "evil.txt"]
    assert safe_parts("..\\..\\evil.txt") == ["evil.txt"]
    assert safe_parts("a/./b/../c") == ["a", "b", "c"]
    assert safe_parts("CON.txt") == ["_CON.txt"]
    assert safe_parts("lpt1") == ["_lpt1"]
    assert safe_parts("bad\x1b[31mname\x07.pdf") == ["bad_[31mname_.pdf"]
    assert safe_parts("gpj.\u202eexe") == ["gpj.exe"]
    assert safe_parts('a<b>:c"|?*.pdf. . ') == ["a_b__c____.pdf"]
    assert safe_parts("..") == ["_"]
    long = safe_parts("ữ" * 200 + ".docx")[0]
    assert long.endswith(".docx") and len(long.encode()) <= 180


# Junk ----------------------------------------------------------------------------------------


def test_system_junk_is_ignored_not_refused(tmp_path: Path) -> None:
    archive = _zip(
        tmp_path / "school.zip",
        {
            "__MACOSX/._bai.docx": b"x",
            "__MACOSX/lop6/._a.pdf": b"x",
            "._bai.docx": b"x",
            "lop6/Thumbs.db": b"x",
            ".DS_Store": b"x",
            "desktop.ini": b"x",
            "~$bai.docx": b"x",
            "bai.docx": b"real",
        },
    )
    report = unpack_sources([archive], tmp_path / "out")
    assert _kept_names(report) == ["bai.docx"]
    assert len(report.ignored) == 7
    assert report.ignored[0].chain == (str(archive), "__MACOSX/._bai.docx")
    assert report.refused == []


# Nesting -------------------------------------------------------------------------------------


def test_nested_zip_is_unpacked_into_its_own_folder(tmp_path: Path) -> None:
    inner = _zip(tmp_path / "inner.zip", {"Lớp 6A/bài 1.pdf": PDF})
    docx = _zip(
        tmp_path / "essay.docx", {"[Content_Types].xml": b"<x/>", "word/document.xml": b"<w/>"}
    )
    outer = _zip(
        tmp_path / "Trường A.zip",
        {"khoi6/Lớp 6.zip": inner.read_bytes(), "bài.docx": docx.read_bytes()},
    )
    report = unpack_sources([outer], tmp_path / "out")
    stored = {str(k.stored): k for k in report.kept}
    assert set(stored) == {"01 Trường A/khoi6/Lớp 6/Lớp 6A/bài 1.pdf", "01 Trường A/bài.docx"}
    nested = stored["01 Trường A/khoi6/Lớp 6/Lớp 6A/bài 1.pdf"]
    assert nested.chain == (str(outer), "khoi6/Lớp 6.zip", "Lớp 6A/bài 1.pdf")
    assert nested.size == len(PDF)
    assert report.sources[0].kind == "zip"


def test_nesting_deeper_than_the_limit_is_refused(tmp_path: Path) -> None:
    data = _zip(tmp_path / "z0.zip", {"deep.pdf": PDF}).read_bytes()
    for level in range(1, 4):
        data = _zip(tmp_path / f"z{level}.zip", {f"z{level - 1}.zip": data}).read_bytes()
    report = unpack_sources([tmp_path / "z3.zip"], tmp_path / "out")  # four zips deep
    assert report.kept == []
    assert _codes(report) == ["unpack_too_deep"]
    assert report.refused[0].chain[-1] == "z0.zip"
    ok = unpack_sources([tmp_path / "z2.zip"], tmp_path / "out2")  # three: allowed
    assert _kept_names(ok) == ["deep.pdf"]


# Hostile archives ----------------------------------------------------------------------------


def test_zip_slip_variants_land_inside_the_target(tmp_path: Path) -> None:
    inbox, out = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    archive = write_raw_zip(
        inbox / "slip.zip",
        [
            RawEntry(b"../../evil1.txt", b"1"),
            RawEntry(b"/etc/passwd", b"2"),
            RawEntry(b"C:\\evil3.txt", b"3"),
            RawEntry(b"..\\..\\evil4.txt", b"4"),
            RawEntry(b"a/../../../evil5.txt", b"5"),
            RawEntry(b"//server/share/evil6.txt", b"6"),
        ],
    )
    before = _tree(tmp_path)
    report = unpack_sources([archive], out)
    new = _tree(tmp_path) - before
    assert new and all(p == "out" or p.startswith("out/") for p in new)
    assert _stored_files(out) == {
        "01 slip/evil1.txt",
        "01 slip/etc/passwd",
        "01 slip/evil3.txt",
        "01 slip/evil4.txt",
        "01 slip/a/evil5.txt",
        "01 slip/server/share/evil6.txt",
    }
    assert len(report.kept) == 6


def test_symlink_member_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "links.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        link = zipfile.ZipInfo("passwd-link")
        link.create_system = 3
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(link, "/etc/passwd")
        zf.writestr("bai.pdf", PDF)
    report = unpack_sources([archive], tmp_path / "out")
    assert _kept_names(report) == ["bai.pdf"]
    assert _codes(report) == ["unpack_symlink"]
    assert not any(p.is_symlink() for p in (tmp_path / "out").rglob("*"))


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_symlinks_in_a_folder_source_are_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "key.txt").write_text("x")
    folder = tmp_path / "school"
    folder.mkdir()
    (folder / "bai.pdf").write_bytes(PDF)
    (folder / "link.txt").symlink_to(secret / "key.txt")
    (folder / "linkdir").symlink_to(secret, target_is_directory=True)
    report = unpack_sources([folder], tmp_path / "out")
    assert _kept_names(report) == ["bai.pdf"]
    assert sorted(r.name for r in report.refused) == ["link.txt", "linkdir"]
    assert set(_codes(report)) == {"unpack_symlink"}


def test_encrypted_member_is_refused(tmp_path: Path) -> None:
    archive = write_raw_zip(
        tmp_path / "secret.zip",
        [RawEntry(b"bai.docx", b"\x00" * 40, flags=0x1), RawEntry(b"ok.pdf", PDF)],
    )
    report = unpack_sources([archive], tmp_path / "out")
    assert _kept_names(report) == ["ok.pdf"]
    assert _codes(report) == ["unpack_encrypted"]


def test_zip_bomb_is_refused_from_its_directory_in_no_time(tmp_path: Path) -> None:
    stream, size, crc = zero_bomb(1024)  # 1 GB of zeros in ~1 MB
    archive = write_raw_zip(
        tmp_path / "bomb.zip",
        [RawEntry(b"bomb.txt", compressed=stream, size=size, crc=crc), RawEntry(b"a.pdf", PDF)],
    )
    assert archive.stat().st_size < 2 << 20
    start = time.monotonic()
    report = unpack_sources([archive], tmp_path / "out")
    assert time.monotonic() - start < 2
    assert _kept_names(report) == ["a.pdf"]
    assert _codes(report) == ["unpack_member_too_large"]
    ratio = unpack_sources(
        [archive], tmp_path / "out2", limits=ArchiveLimits(max_member_bytes=2 << 30)
    )
    assert _codes(ratio) == ["unpack_member_ratio"]


def test_bomb_with_a_lying_size_is_cut_at_the_size_it_claims(tmp_path: Path) -> None:
    stream, _, crc = zero_bomb(64)
    archive = write_raw_zip(
        tmp_path / "liar.zip", [RawEntry(b"small.txt", compressed=stream, size=1000, crc=crc)]
    )
    report = unpack_sources([archive], tmp_path / "out")
    assert report.kept == []
    assert _codes(report) == ["unpack_member_damaged"]  # zipfile stops at 1000 bytes: bad CRC
    assert _stored_files(tmp_path / "out") == set()


def test_nested_bombs_are_each_refused(tmp_path: Path) -> None:
    stream, size, crc = zero_bomb(128)
    inner = write_raw_zip(
        tmp_path / "inner.zip", [RawEntry(b"zeros.txt", compressed=stream, size=size, crc=crc)]
    )
    outer = _zip(tmp_path / "outer.zip", {f"copy{i}.zip": inner.read_bytes() for i in range(16)})
    start = time.monotonic()
    report = unpack_sources([outer], tmp_path / "out")
    assert time.monotonic() - start < 5
    assert report.kept == []
    assert _codes(report) == ["unpack_member_ratio"] * 16
    assert _stored_files(tmp_path / "out") == set()


def test_overlapping_entries_are_refused(tmp_path: Path) -> None:
    stream, size, crc = zero_bomb(8)
    archive = write_raw_zip(
        tmp_path / "overlap.zip",
        [
            RawEntry(b"a.txt", compressed=stream, size=size, crc=crc),
            RawEntry(b"a.txt", offset_of=0),
            RawEntry(b"a.txt", offset_of=0),
            RawEntry(b"ok.pdf", PDF),
        ],
    )
    report = unpack_sources([archive], tmp_path / "out")
    assert _kept_names(report) == ["ok.pdf"]
    assert _codes(report) == ["unpack_zip_overlapping"] * 3


def test_too_many_members_stop_at_the_limit(tmp_path: Path) -> None:
    archive = tmp_path / "many.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for index in range(6000):
            zf.writestr(f"f{index:04d}.txt", b"x")
    assert ArchiveLimits().max_members == 5_000
    report = unpack_sources([archive], tmp_path / "out", limits=ArchiveLimits(max_members=300))
    assert len(report.kept) == 300
    assert _codes(report) == ["unpack_too_many_files"]
    assert report.refused[0].chain[-1] == "f0300.txt"


def test_a_huge_member_and_a_huge_source_stop_while_copying(tmp_path: Path) -> None:
    folder = tmp_path / "school"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(b"%PDF" + bytes(3 << 20))
    (folder / "b.pdf").write_bytes(b"%PDF" + bytes(1 << 20))
    report = unpack_sources(
        [folder], tmp_path / "out", limits=ArchiveLimits(max_member_bytes=2 << 20)
    )
    assert _kept_names(report) == ["b.pdf"]
    assert _codes(report) == ["unpack_member_too_large"]
    (folder / "a.pdf").unlink()
    (folder / "c.pdf").write_bytes(b"%PDF" + bytes(1 << 20))
    limits = ArchiveLimits(max_source_bytes=(3 << 20) // 2)
    report = unpack_sources([folder], tmp_path / "out2", limits=limits)
    assert _kept_names(report) == ["b.pdf"]
    assert _codes(report) == ["unpack_source_too_large"]
    assert report.refused[0].name == "c.pdf"
    assert _stored_files(tmp_path / "out2") == {"01 school/b.pdf"}


def test_other_archives_and_fake_zips_are_not_supported(tmp_path: Path) -> None:
    fake = tmp_path / "entries.zip"
    fake.write_bytes(PDF)
    rar = tmp_path / "entries.rar"
    rar.write_bytes(b"Rar!\x1a\x07\x01\x00" + bytes(64))
    seven = tmp_path / "entries.zip.7z"
    seven.write_bytes(b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(64))
    inside = _zip(tmp_path / "mixed.zip", {"a.rar": rar.read_bytes(), "b.zip": PDF})
    report = unpack_sources([fake, rar, seven, inside], tmp_path / "out")
    assert report.kept == []
    assert [(r.name, r.code, r.params) for r in report.refused] == [
        ("entries.zip", "unpack_not_zip", {"kind": "PDF"}),
        ("entries.rar", "unpack_not_supported", {"format": "RAR"}),
        ("entries.zip.7z", "unpack_not_supported", {"format": "7z"}),
        ("a.rar", "unpack_not_supported", {"format": "RAR"}),
        ("b.zip", "unpack_not_zip", {"kind": "PDF"}),
    ]


def test_damaged_zip_and_missing_source_are_refusals_not_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04" + bytes(100))
    report = unpack_sources([broken, tmp_path / "nowhere.zip"], tmp_path / "out")
    assert _codes(report) == ["unpack_zip_damaged", "unpack_source_missing"]


def test_colliding_names_are_all_kept_apart(tmp_path: Path) -> None:
    archive = write_raw_zip(
        tmp_path / "dup.zip",
        [
            RawEntry(b"a.pdf", b"1"),
            RawEntry(b"A.PDF", b"2"),
            RawEntry(b"b.pdf", b"3"),
            RawEntry(b"b.pdf", b"4"),
            RawEntry(b"x", b"5"),  # a file, then a folder of the same name
            RawEntry(b"x/y.pdf", b"6"),
        ],
    )
    report = unpack_sources([archive], tmp_path / "out")
    stored = [str(k.stored) for k in report.kept]
    assert stored == [
        "01 dup/a.pdf",
        "01 dup/A (2).PDF",
        "01 dup/b.pdf",
        "01 dup/b (2).pdf",
        "01 dup/x",
        "01 dup/x (2)/y.pdf",
    ]
    contents = [(tmp_path / "out" / s).read_bytes() for s in stored]
    assert contents == [b"1", b"2", b"3", b"4", b"5", b"6"]
    again = unpack_sources([archive], tmp_path / "out")  # a second run never overwrites
    assert str(again.kept[0].stored) == "01 dup (2)/a.pdf"


def test_control_characters_in_names_are_shown_and_stored_safely(tmp_path: Path) -> None:
    archive = write_raw_zip(tmp_path / "ctl.zip", [RawEntry(b"bad\x1b[2Jname\x07.pdf", PDF)])
    report = unpack_sources([archive], tmp_path / "out")
    assert report.kept[0].name == "bad\ufffd[2Jname\ufffd.pdf"
    assert str(report.kept[0].stored) == "01 ctl/bad_[2Jname_.pdf"


def test_single_files_and_folders_with_sha256(tmp_path: Path) -> None:
    single = tmp_path / "Nguyễn A.pdf"
    single.write_bytes(PDF)
    folder = tmp_path / "Trường B"
    (folder / "lop 7").mkdir(parents=True)
    (folder / "lop 7" / "bai.pdf").write_bytes(PDF)
    (folder / "Thumbs.db").write_bytes(b"x")
    report = unpack_sources([single, folder], tmp_path / "out")
    assert [str(k.stored) for k in report.kept] == [
        "01 Nguyễn A/Nguyễn A.pdf",
        "02 Trường B/lop 7/bai.pdf",
    ]
    import hashlib

    assert report.kept[0].sha256 == hashlib.sha256(PDF).hexdigest()
    assert report.kept[0].received is None
    assert [s.kind for s in report.sources] == ["file", "folder"]
    assert len(report.ignored) == 1
    assert report.to_dict()["kept"][1]["chain"] == [str(folder), "lop 7/bai.pdf"]


def test_unwritable_target_raises(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(JudgeAppError) as caught:
        unpack_sources([], blocker / "out")
    assert caught.value.code == "unpack_target_unwritable"


def test_no_staging_left_behind(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "a.zip", {"x.pdf": PDF, "inner.zip": _zip_bytes(tmp_path)})
    unpack_sources([archive], tmp_path / "out")
    assert not any(p.name.startswith(".unpacking-") for p in (tmp_path / "out").iterdir())


def _zip_bytes(tmp_path: Path) -> bytes:
    return _zip(tmp_path / "tmp-inner.zip", {"y.pdf": PDF}).read_bytes()


def test_a_zip_listing_too_many_entries_is_not_opened(tmp_path: Path) -> None:
    archive = tmp_path / "huge-directory.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for index in range(200):
            zf.writestr(f"f{index}.txt", b"")
    limits = ArchiveLimits(max_zip_entries=100)
    report = unpack_sources([archive], tmp_path / "out", limits=limits)
    assert report.kept == []
    assert [(r.code, r.params) for r in report.refused] == [
        ("unpack_zip_too_many_entries", {"count": 200, "limit": 100})
    ]


def test_unpacking_a_folder_into_itself_ends(tmp_path: Path) -> None:
    folder = tmp_path / "school"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(PDF)
    report = unpack_sources([folder], folder / "out")
    assert [str(k.stored) for k in report.kept] == ["01 school/a.pdf"]
    again = unpack_sources([folder], folder / "out")
    assert [str(k.stored) for k in again.kept] == ["01 school (2)/a.pdf"]


def test_tar_and_gzip_are_not_supported(tmp_path: Path) -> None:
    import gzip
    import io
    import tarfile

    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        info = tarfile.TarInfo("bai.pdf")
        info.size = len(PDF)
        tar.addfile(info, io.BytesIO(PDF))
    (tmp_path / "a.tar").write_bytes(buffer.getvalue())
    (tmp_path / "a.tar.gz").write_bytes(gzip.compress(buffer.getvalue()))
    report = unpack_sources([tmp_path / "a.tar", tmp_path / "a.tar.gz"], tmp_path / "out")
    assert [r.params for r in report.refused] == [{"format": "tar"}, {"format": "gzip"}]
