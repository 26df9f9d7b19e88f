"""Certificates (giấy chứng nhận) from a DOCX template: one DOCX per prize and one merged PDF.

The template is any DOCX whose text holds fields written `{{name}}` (FIELDS lists them; the
default is resources/templates/giay-chung-nhan.docx, made by
scripts/make_certificate_template.py). Word splits text into runs wherever formatting,
spelling marks or editing history change, so `{{ho_ten}}` is often three runs ("{{", "ho_ten",
"}}"): filling reads a paragraph's runs' text together, finds each field there, writes the value
into the run where the field starts (keeping that run's formatting) and removes the field's rest
from the runs after it. A field the app does not know is refused (a typo would print as is).

Output, decided for boards that print and correct one certificate at a time:
- one DOCX per prize (`giay-chung-nhan/001-giai-nhat-P00001-nguyen-thi-anh-tuyet.docx`), an
  entrant with two prizes gets two; each file written atomically;
- `giay-chung-nhan.pdf`, every certificate in prize order, fonts embedded once.

The PDF goes through the app's own DOCX converter (`documents.docx_pdf`: the template's own
layout, Liberation fonts). Converting 500 filled files one by one spends ~0.1 s each loading
fonts into a new layout; instead the template is converted to HTML once, each certificate's
values are put into that HTML, and all of them are laid out in one Story, a page break between
certificates (measured: benchmarks/results_outputs.py). If a field does not come through the
conversion (a field inside a text box), each filled DOCX is converted on its own instead.
"""

from __future__ import annotations

import html
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from judge_app.core.errors import JudgeAppError
from judge_app.paths import resources_dir
from judge_app.reports.letterhead import date_line
from judge_app.reports.results_data import PRIZE_NAMES, ResultsBook, contest_title, score_text
from judge_app.reports.results_xlsx import write_output

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_P = f"{{{W_NS}}}p"
_T = f"{{{W_NS}}}t"
FIELD = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")

# The fields a template may use (docs/results.md repeats this list for boards).
FIELDS: dict[str, str] = {
    "ho_ten": "họ và tên người đạt giải",
    "ngay_sinh": "ngày sinh (dd/mm/yyyy)",
    "don_vi": "đơn vị (trường) của người đạt giải",
    "doi_tuong": "đối tượng dự thi (tên bảng)",
    "giai": "tên giải (Giải Nhất, Giải Nhì, …)",
    "cuoc_thi": "tên cuộc thi như văn bản ghi: Cuộc thi “…” (đã có chữ “Cuộc thi”)",
    "diem": "điểm chung cuộc (9,25)",
    "so_phach": "số phách của bài",
    "co_quan": "cơ quan tổ chức (dòng đầu của tiêu đề văn bản)",
    "ban_to_chuc": "ban tổ chức / hội đồng (dòng cuối của tiêu đề)",
    "noi": "địa danh ghi ngày",
    "ngay": "ngày cấp (ngày 05 tháng 9 năm 2019)",
    "nguoi_ky": "người ký (cài đặt certificate_signer; để trống để ký tay)",
    "so_vao_so": "số vào sổ (001/GCN)",
}
TEMPLATE_NAME = "giay-chung-nhan.docx"
FOLDER = "giay-chung-nhan"
MERGED_PDF = "giay-chung-nhan.pdf"
_TEXT_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")


def default_template() -> Path:
    return resources_dir() / "templates" / TEMPLATE_NAME


@dataclass(frozen=True)
class Certificate:
    number: int
    level: str
    code: str
    values: Mapping[str, str]

    @property
    def file_name(self) -> str:
        prize = _slug(PRIZE_NAMES.get(self.level, self.level))
        name = _slug(self.values.get("ho_ten", ""))
        return f"{self.number:03d}-{prize}-{_slug(self.code)}-{name}.docx"


@dataclass(frozen=True)
class CertificateReport:
    docx: tuple[Path, ...]
    pdf: Path | None
    pages: int
    direct: bool  # laid out once from the template's HTML (False: each DOCX converted)


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40] or "x"


# ---------------------------------------------------------------------------------------------
# Values


def certificates_for(book: ResultsBook, *, signer: str = "") -> list[Certificate]:
    """One certificate per prize held, in prize order; refused while identities are sealed."""
    r = book.results
    head = book.letterhead
    lines = head.board_lines
    prizes = book.prize_list()
    if prizes and not r.revealed:
        raise JudgeAppError("certificates_sealed", None)
    common = {
        "cuoc_thi": contest_title(r.contest_name),
        # the letterhead's first line when it has two (as the PDFs show), else the organiser
        "co_quan": lines[0] if len(lines) > 1 else book.organiser.upper(),
        "ban_to_chuc": lines[-1] if lines else "",
        "noi": head.place or "……………",
        "ngay": date_line("", head.date).split(", ", 1)[1],
        "nguoi_ky": signer,
    }
    out = []
    for number, (level, row) in enumerate(prizes, start=1):
        values = dict(common)
        values.update(
            ho_ten=row.participant or "",
            ngay_sinh=row.birth_date.strftime("%d/%m/%Y") if row.birth_date else "",
            don_vi=row.unit_name or "",
            doi_tuong=book.category_name(row.category),
            giai=PRIZE_NAMES.get(level, level),
            diem=score_text(row.final),
            so_phach=row.code,
            so_vao_so=f"{number:03d}/GCN",
        )
        out.append(Certificate(number, level, row.code, values))
    return out


# ---------------------------------------------------------------------------------------------
# Filling the template's XML


def _texts(paragraph: Any) -> list[Any]:
    """The paragraph's own w:t elements in order (not those of paragraphs nested in it, such
    as a text box's)."""
    return [t for t in paragraph.iter(_T) if _owner(t) is paragraph]


def _owner(element: Any) -> Any:
    parent = element.getparent()
    while parent is not None and parent.tag != _P:
        parent = parent.getparent()
    return parent


def fields_in(root: Any) -> list[str]:
    found: list[str] = []
    for paragraph in root.iter(_P):
        text = "".join(t.text or "" for t in _texts(paragraph))
        found.extend(m.group(1) for m in FIELD.finditer(text))
    return found


def fill_paragraph(paragraph: Any, values: Mapping[str, str]) -> int:
    """Replace every field of the paragraph; returns how many. The value goes into the run
    where the field starts (its formatting kept); the field's rest is cut from later runs."""
    texts = _texts(paragraph)
    if not texts:
        return 0
    pieces = [t.text or "" for t in texts]
    joined = "".join(pieces)
    matches = list(FIELD.finditer(joined))
    if not matches:
        return 0
    starts = []  # each piece's start offset in `joined`
    offset = 0
    for piece in pieces:
        starts.append(offset)
        offset += len(piece)

    def locate(position: int) -> tuple[int, int]:
        for index in range(len(pieces) - 1, -1, -1):
            if starts[index] <= position and (position < starts[index] + len(pieces[index])):
                return index, position - starts[index]
        return len(pieces) - 1, len(pieces[-1])

    for match in reversed(matches):  # from the end: earlier offsets stay valid
        value = values[match.group(1)]
        first, first_at = locate(match.start())
        last, last_at = locate(match.end() - 1)
        if first == last:
            text = pieces[first]
            pieces[first] = text[:first_at] + value + text[last_at + 1 :]
        else:
            pieces[first] = pieces[first][:first_at] + value
            for index in range(first + 1, last):
                pieces[index] = ""
            pieces[last] = pieces[last][last_at + 1 :]
    for element, text in zip(texts, pieces, strict=True):
        if element.text != text:
            element.text = text
            element.set(f"{{{XML_NS}}}space", "preserve")
    return len(matches)


class Template:
    """A template's parts read once; `fill` makes each certificate's DOCX bytes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            with zipfile.ZipFile(path) as archive:
                self.members = [(info, archive.read(info)) for info in archive.infolist()]
        except (OSError, zipfile.BadZipFile, KeyError) as exc:
            raise JudgeAppError("certificate_template_unreadable", path, reason=str(exc)) from exc
        self.parts: dict[str, bytes] = {}
        used: list[str] = []
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        for info, data in self.members:
            if _TEXT_PARTS.match(info.filename):
                try:
                    root = etree.fromstring(data, parser)
                except etree.XMLSyntaxError as exc:
                    raise JudgeAppError(
                        "certificate_template_unreadable", path, reason=str(exc)
                    ) from exc
                found = fields_in(root)
                if found:
                    self.parts[info.filename] = data
                    used.extend(found)
        if "word/document.xml" not in {info.filename for info, _ in self.members}:
            raise JudgeAppError("certificate_template_unreadable", path, reason="word/document.xml")
        unknown = sorted({name for name in used if name not in FIELDS})
        if unknown:
            raise JudgeAppError(
                "certificate_template_unknown_field",
                path,
                fields=", ".join(f"{{{{{n}}}}}" for n in unknown),
                known=", ".join(FIELDS),
            )
        self.fields = tuple(dict.fromkeys(used))
        self._parser = parser

    def filled_parts(self, values: Mapping[str, str]) -> dict[str, bytes]:
        out = {}
        for name, data in self.parts.items():
            root = etree.fromstring(data, self._parser)
            for paragraph in root.iter(_P):
                fill_paragraph(paragraph, values)
            out[name] = etree.tostring(
                root, xml_declaration=True, encoding="UTF-8", standalone=True
            )
        return out

    def fill(self, values: Mapping[str, str]) -> bytes:
        filled = self.filled_parts(values)
        buffer = io.BytesIO()
        # Level 1: a tenth of the time of the default level, a few KB more per certificate.
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            for info, data in self.members:
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, filled.get(info.filename, data), compresslevel=1)
        return buffer.getvalue()

    def normalised(self) -> bytes:
        """The template with each field in one run, so its HTML carries `{{name}}` whole."""
        return self.fill({name: f"{{{{{name}}}}}" for name in self.fields})


# ---------------------------------------------------------------------------------------------
# PDF


def _template_html(docx: bytes, folder: Path) -> tuple[list[str], Any, dict[str, bytes]]:
    """The converter's HTML of the template's pages, its first section and its pictures."""
    from judge_app.documents import docx_pdf
    from judge_app.documents.docx_package import DocxPackage

    source = folder / ".template-normalised.docx"
    source.write_bytes(docx)
    try:
        package = DocxPackage.open(source)
        try:
            writer = docx_pdf._walk(package, source)
        finally:
            package.close()
    finally:
        source.unlink(missing_ok=True)
    chunks = docx_pdf._non_blank(writer.chunks)
    pages = ["".join(chunk.parts) for chunk in chunks]
    pictures = {p.name: p.data for p in writer.pictures.values()}
    return pages, writer.sections[0], pictures


def _put(page: str, values: Mapping[str, str]) -> str:
    escaped = {k: html.escape(v, quote=False) for k, v in values.items()}
    return FIELD.sub(lambda m: escaped.get(m.group(1), m.group(0)), page)


def _pdf_direct(
    pages: list[str],
    section: Any,
    pictures: Mapping[str, bytes],
    certificates: Sequence[Certificate],
    progress: Callable[[int, int], None] | None,
) -> tuple[bytes, int]:
    import pymupdf

    from judge_app.documents.docx_pdf import stylesheet
    from judge_app.paths import fonts_dir

    archive = pymupdf.Archive(str(fonts_dir()))
    for name, data in pictures.items():
        archive.add(data, name)
    css = stylesheet(fonts_dir())
    breaker = '<div style="page-break-before:always"></div>'
    bodies = []
    for certificate in certificates:
        bodies.append(breaker.join(_put(page, certificate.values) for page in pages))
    buffer = io.BytesIO()
    writer = pymupdf.DocumentWriter(buffer)
    page_rect = pymupdf.Rect(0, 0, section.width, section.height)
    body = pymupdf.Rect(
        section.left, section.top, section.width - section.right, section.height - section.bottom
    )
    count = 0
    batch = 50  # a Story per 50 certificates: fonts load once per batch, memory stays flat
    for start in range(0, len(bodies), batch):
        story = pymupdf.Story(
            html=breaker.join(bodies[start : start + batch]), user_css=css, archive=archive
        )
        more = 1
        while more:
            device = writer.begin_page(page_rect)
            more, _ = story.place(body)
            story.draw(device)
            writer.end_page()
            count += 1
        if progress is not None:
            progress(min(start + batch, len(bodies)), len(bodies))
    writer.close()
    return _finish(buffer.getvalue()), count


def _finish(data: bytes) -> bytes:
    import pymupdf

    document = pymupdf.open("pdf", data)
    try:
        document.set_metadata({"title": "Giấy chứng nhận", "creator": "judge-app"})
        document.subset_fonts()
        return bytes(document.tobytes(garbage=3, deflate=True))
    finally:
        document.close()


def _pdf_each(
    template: Template,
    certificates: Sequence[Certificate],
    folder: Path,
    progress: Callable[[int, int], None] | None,
) -> tuple[bytes, int]:
    import pymupdf

    from judge_app.documents.docx_pdf import convert_docx

    merged = pymupdf.open()
    scratch = folder / ".certificate.docx"
    try:
        for index, certificate in enumerate(certificates, start=1):
            scratch.write_bytes(template.fill(certificate.values))
            part = pymupdf.open("pdf", convert_docx(scratch).pdf)
            merged.insert_pdf(part)
            part.close()
            if progress is not None:
                progress(index, len(certificates))
        data = merged.tobytes(garbage=4, deflate=True)
        count = merged.page_count
    finally:
        merged.close()
        scratch.unlink(missing_ok=True)
    return _finish(data), count


# ---------------------------------------------------------------------------------------------
# Writing


def write_certificates(
    book: ResultsBook,
    folder: Path,
    *,
    template: Path | None = None,
    signer: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> CertificateReport:
    """Every certificate as DOCX under `folder/giay-chung-nhan/` and all of them in one PDF."""
    source = template or default_template()
    loaded = Template(source)
    certificates = certificates_for(book, signer=signer)
    out_dir = folder / FOLDER
    written = []
    for certificate in certificates:
        target = out_dir / certificate.file_name
        write_output(target, loaded.fill(certificate.values))
        written.append(target)
    if not certificates:
        return CertificateReport((), None, 0, True)
    folder.mkdir(parents=True, exist_ok=True)
    pages, section, pictures = _template_html(loaded.normalised(), folder)
    direct = all(any(f"{{{{{name}}}}}" in page for page in pages) for name in loaded.fields)
    if direct:
        data, count = _pdf_direct(pages, section, pictures, certificates, progress)
    else:
        data, count = _pdf_each(loaded, certificates, folder, progress)
    pdf = folder / MERGED_PDF
    write_output(pdf, data)
    return CertificateReport(tuple(written), pdf, count, direct)
