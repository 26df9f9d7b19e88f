"""WordprocessingML body → HTML/CSS of the document's own formatting, split into page runs.

MuPDF's Story lays out HTML but knows nothing of Word pages, so the walk cuts the body into
"chunks" at page breaks and section breaks; each chunk starts on a new page of its section's
size and margins. Everything a judge must see (text, fonts, sizes, lists with their computed
numbers, tables with borders and merged cells, pictures, text boxes, notes) becomes HTML; what
cannot be shown (charts, SmartArt, OLE objects, EMF/WMF pictures) becomes a labelled box and
a `Problem`, so nothing disappears silently. One pass over the XML: linear in the file's size.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree  # type: ignore[import-untyped]  # no stubs: see docs/docx-fidelity.md

from judge_app.documents.docx_package import DocxPackage, R, w
from judge_app.documents.docx_styles import (
    ListCounters,
    Props,
    Styles,
    border_css,
    format_number,
    para_props,
    run_props,
)
from judge_app.documents.model import Problem

WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
V = "urn:schemas-microsoft-com:vml"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
EMU_PER_PT = 12700.0
LINE_FACTOR = 1.15  # Word's "single" line of Times New Roman / Arial: ascent+descent+gap
PAGE_MARK = "\ue000PAGE\ue000"  # replaced by the page number when a header/footer is drawn
PAGES_MARK = "\ue000NUMPAGES\ue000"
FOOTNOTE_ID = "docx-footnote-"  # id of a footnote reference: its note goes on that page
DEFAULT_FONT = ("Times New Roman", 10.0)  # Word's built-in defaults when styles.xml is silent

_SANS = (
    "arial", "calibri", "helvetica", "tahoma", "verdana", "segoe", "liberation sans", "dejavu sans",
    "noto sans", "open sans", "roboto", "carlito", "arimo", "sans", "trebuchet", "century gothic",
    "franklin", "lucida sans", "candara", "corbel", "aptos", "vni-helve", ".vnarial", "montserrat",
)  # fmt: skip


def css_family(font: str | None, carlito: bool = False) -> str:
    """The bundled face that stands in for a declared font (metric-compatible where it can).

    Calibri gets Carlito (its metric twin) when the fonts folder has it: Liberation Sans is
    Arial-wide, so Calibri text set in it runs longer and can gain a page."""
    name = (font or "").lower()
    if carlito and name.startswith("calibri"):
        return "DCalibri"
    return "DSans" if any(name.startswith(s) or s in name for s in _SANS) else "DSerif"


# Word's single line is the declared font's own ascent + descent + gap, not the stand-in's.
_LINE_FACTORS = {
    "calibri": 1.221, "cambria": 1.172, "tahoma": 1.207, "verdana": 1.215, "segoe ui": 1.33,
    "georgia": 1.136, "aptos": 1.2, "carlito": 1.221,
}  # fmt: skip


def line_factor(font: object) -> float:
    """The height of a single line, in font sizes, of the font the document declares."""
    name = str(font or "").lower()
    return next((f for key, f in _LINE_FACTORS.items() if name.startswith(key)), LINE_FACTOR)


@dataclass
class Section:
    """Page geometry of one section, in points, plus its header/footer HTML."""

    width: float = 595.28
    height: float = 841.89
    top: float = 72.0
    right: float = 72.0
    bottom: float = 72.0
    left: float = 72.0
    header_dist: float = 36.0
    footer_dist: float = 36.0
    start: str = "nextPage"
    header_ref: str | None = None
    footer_ref: str | None = None
    header_html: str = ""
    footer_html: str = ""
    title_page: bool = False  # the section's first page has its own header/footer
    first_header_ref: str | None = None
    first_footer_ref: str | None = None
    first_header_html: str = ""
    first_footer_html: str = ""

    @property
    def content_width(self) -> float:
        return max(self.width - self.left - self.right, 72.0)

    @property
    def content_height(self) -> float:
        return max(self.height - self.top - self.bottom, 72.0)


@dataclass
class Chunk:
    """Content that starts on a new page of `section`."""

    section: int
    parts: list[str] = field(default_factory=list)
    starts_section: bool = False  # its first page is the section's first (title) page


@dataclass
class Picture:
    """A picture MuPDF can decode, under the name the HTML refers to it by."""

    name: str
    data: bytes


def _section(sect_pr: etree._Element | None, previous: Section | None) -> Section:
    section = Section()
    if previous is not None:
        section.header_ref, section.footer_ref = previous.header_ref, previous.footer_ref
    if sect_pr is None:
        return section
    size = sect_pr.find(w("pgSz"))
    if size is not None:
        width, height = _tw(size.get(w("w"))), _tw(size.get(w("h")))
        if width > 0 and height > 0:
            section.width, section.height = width, height
    margins = sect_pr.find(w("pgMar"))
    if margins is not None:
        section.top = abs(_tw(margins.get(w("top")), 72.0))
        section.bottom = abs(_tw(margins.get(w("bottom")), 72.0))
        section.left = _tw(margins.get(w("left")), 72.0)
        section.right = _tw(margins.get(w("right")), 72.0)
        section.header_dist = _tw(margins.get(w("header")), 36.0)
        section.footer_dist = _tw(margins.get(w("footer")), 36.0)
    kind = sect_pr.find(w("type"))
    if kind is not None:
        section.start = kind.get(w("val"), "nextPage")
    title_page = sect_pr.find(w("titlePg"))
    section.title_page = title_page is not None and title_page.get(w("val"), "1") not in (
        "0",
        "false",
    )
    section.first_header_ref = section.first_footer_ref = None
    for tag, kind in (("headerReference", "header"), ("footerReference", "footer")):
        for ref in sect_pr.findall(w(tag)):
            which = ref.get(w("type"), "default")
            if which == "default":
                setattr(section, f"{kind}_ref", ref.get(f"{{{R}}}id"))
            elif which == "first":
                setattr(section, f"first_{kind}_ref", ref.get(f"{{{R}}}id"))
    return section


def _tw(value: str | None, default: float = 0.0) -> float:
    try:
        return float(value) / 20.0 if value is not None else default
    except ValueError:
        return default


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _ns(element: etree._Element) -> str:
    return etree.QName(element).namespace or "" if isinstance(element.tag, str) else ""


def _image_kind(data: bytes) -> str | None:
    """The picture format MuPDF can decode, from its magic bytes; None for EMF/WMF/unknown."""
    if data.startswith(b"\x89PNG"):
        return "png"
    if data.startswith(b"\xff\xd8"):
        return "jpg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if data.startswith(b"BM"):
        return "bmp"
    if data.startswith((b"II*\x00", b"MM\x00*")):
        return "tif"
    return None


class HtmlWriter:
    """One walk over a DOCX: HTML chunks, pictures, font facts and problems."""

    def __init__(self, package: DocxPackage, styles: Styles, carlito: bool = False) -> None:
        self.package = package
        self.carlito = carlito
        self.styles = styles
        self.sections: list[Section] = []
        self.chunks: list[Chunk] = []
        self.pictures: dict[str, Picture] = {}
        self.fonts: Counter[tuple[str, float]] = Counter()
        self.text_chars = 0
        self.problems: dict[tuple[str, str], Problem] = {}
        self.counters = ListCounters()
        self.notes: list[tuple[int, str, str]] = []  # (number, kind, note id)
        self.footnotes: dict[int, str] = {}  # number → the note's HTML
        self._note_counts: Counter[str] = Counter()
        self.tab_stop = 36.0  # w:defaultTabStop, points
        # State of the paragraph being written (saved and restored around text boxes).
        self._para_rpr: Props = {}
        self._current_p_css = ""
        self._pending_after = 0.0  # the previous paragraph's space after, not yet placed
        self._prev_style: str | None = None
        self._broke_page = False
        self._tab_x: float | None = None  # where a leading tab starts; None after text
        self._table_text: tuple[Props, Props] | None = None  # the table style's cell text
        self._current_note = ""
        self._rels = package.relationships
        self._out: list[str] = []
        self._inline: list[str] = []
        self._floats: list[str] = []
        self._nested = 0  # inside a table cell / text box / header: page breaks ignored
        self._counting = True  # body text counts toward the font facts; headers and notes do not
        self._fields: list[list[str | bool]] = []  # [instruction, separated] per open field
        self._section = 0

    # ---- document level -------------------------------------------------------------------

    def document(self, root: etree._Element) -> None:
        body = root.find(w("body"))
        if body is None:
            raise ValueError("no body")
        self._collect_sections(body)
        self.chunks.append(Chunk(0, starts_section=True))
        self._out = self.chunks[-1].parts
        self._blocks(body)
        self._append_notes()
        self._headers_and_footers()

    def _collect_sections(self, body: etree._Element) -> None:
        previous: Section | None = None
        for sect_pr in body.iterfind(f"{w('p')}/{w('pPr')}/{w('sectPr')}"):
            previous = _section(sect_pr, previous)
            self.sections.append(previous)
        self.sections.append(_section(body.find(w("sectPr")), previous))

    def _new_page(self, section: int | None = None) -> None:
        """Start a new chunk; an empty current chunk is reused (no blank page from a break
        that directly precedes a section break)."""
        target = self._section if section is None else section
        if section is not None and not self.chunks[-1].parts:
            self.chunks[-1].section = target
            self.chunks[-1].starts_section = True
            return
        self.chunks.append(Chunk(target, starts_section=section is not None))
        self._out = self.chunks[-1].parts

    def _end_section(self) -> None:
        """After a paragraph holding a sectPr: the next section starts per its own type."""
        if self._section + 1 >= len(self.sections):
            return
        self._section += 1
        new, old = self.sections[self._section], self.sections[self._section - 1]
        same_size = (new.width, new.height) == (old.width, old.height)
        if new.start == "continuous" and same_size:
            return
        self._new_page(self._section)

    # ---- blocks -----------------------------------------------------------------------------

    def _blocks(self, parent: etree._Element) -> None:
        for child in parent:
            tag = _local(child)
            if _ns(child) == MC and tag == "AlternateContent":
                self._blocks(_alternate(child))
            elif _ns(child) != etree.QName(w("p")).namespace:
                continue
            elif tag == "p":
                self._paragraph(child)
            elif tag == "tbl":
                self._table(child)
            elif tag == "sdt":
                content = child.find(w("sdtContent"))
                if content is not None:
                    self._blocks(content)
            elif tag in ("customXml", "ins", "moveTo"):
                self._blocks(child)

    def _paragraph(self, p: etree._Element) -> None:
        ppr_el = p.find(w("pPr"))
        direct = para_props(ppr_el)
        style_el = ppr_el.find(w("pStyle")) if ppr_el is not None else None
        style_id = style_el.get(w("val")) if style_el is not None else None
        style_ppr, style_rpr = self.styles.paragraph_style(style_id)
        if self._table_text is not None and style_id in (None, self.styles.default_paragraph_style):
            # In a cell, the table style's text formatting wins over the Normal style's.
            style_ppr = {**style_ppr, **self._table_text[0]}
            style_rpr = {**style_rpr, **self._table_text[1]}
        ppr = {**style_ppr, **direct}
        label = ""
        label_rpr: Props = {}
        if ppr.get("numId") not in (None, "0"):
            found = self.counters.label(self.styles, str(ppr["numId"]), int(ppr.get("ilvl", 0)))
            if found is not None:
                label, level = found
                ppr = {**style_ppr, **level.ppr, **direct}
                label_rpr = level.rpr
        mark_rpr = {**style_rpr, **run_props(_find(ppr_el, "rPr"), self.styles.theme)}
        if ppr.get("pageBreakBefore") and not self._nested and self._out:
            self._new_page()  # a paragraph already at the top of a page needs no break
        # Word adds one paragraph's space after to the next one's space before, except between
        # paragraphs of one style marked contextualSpacing (list items): fold both into the top.
        before = float(ppr.get("before", 0))
        if ppr.get("contextualSpacing") and style_id == self._prev_style:
            before, self._pending_after = 0.0, 0.0
        ppr = {**ppr, "before": before + self._pending_after, "after": 0.0}
        self._pending_after = float({**style_ppr, **direct}.get("after", 0))
        self._prev_style = style_id
        self._current_p_css = self._paragraph_css(ppr, mark_rpr)
        open_tag = f'<p style="{self._current_p_css}">'
        self._inline, self._floats = [], []
        if label:
            label_css = self._run_css({**mark_rpr, **label_rpr, "u": False})
            self._inline.append(f'<span style="{label_css}">{html.escape(label)}\u2002</span>')
            self._count(label, mark_rpr)
        self._para_rpr = style_rpr
        self._tab_x = None if label else float(ppr.get("ind_left", 0)) + float(ppr.get("first", 0))
        self._broke_page = False
        self._runs(p)
        if self._broke_page and not "".join(self._inline).strip():
            self._out.extend(self._floats)  # as LibreOffice: no empty line after the break
            self._inline, self._floats = [], []
        else:
            self._flush_paragraph(open_tag, mark_rpr)
        if ppr_el is not None and ppr_el.find(w("sectPr")) is not None and not self._nested:
            self._end_section()

    def _flush_paragraph(self, open_tag: str, mark_rpr: Props) -> None:
        self._out.extend(self._keep_pictures_whole(block) for block in self._floats)
        content = "".join(self._inline)
        if not content.strip():
            content = f'<span style="{self._run_css(mark_rpr)}">\u00a0</span>'
        self._out.append(self._keep_pictures_whole(f"{open_tag}{content}</p>"))
        self._inline, self._floats = [], []

    def _keep_pictures_whole(self, block: str) -> str:
        """A block holding a picture goes into a one-cell table, which MuPDF never splits.

        MuPDF's Story shrinks a picture that meets the foot of a page and then skips the text
        after it (measured: a demo essay lost 120 words). A table row that does not fit moves to
        the next page whole, as Word moves an inline picture. Inside a table or text box the
        surrounding table already does this.
        """
        if self._nested or "<img" not in block:
            return block
        return f'<table class="keep"><tr><td class="keep">{block}</td></tr></table>'

    def _page_break_in_paragraph(self, open_tag_css: str) -> None:
        """A w:br type=page: the paragraph so far ends this page, the rest starts the next."""
        self._out.extend(self._keep_pictures_whole(block) for block in self._floats)
        if "".join(self._inline).strip():
            paragraph = f'<p style="{open_tag_css}">{"".join(self._inline)}</p>'
            self._out.append(self._keep_pictures_whole(paragraph))
        self._inline, self._floats = [], []
        self._new_page()
        self._broke_page = True

    def _paragraph_css(self, ppr: Props, rpr: Props) -> str:
        css = [self._font_css(rpr)]
        align = _ALIGN.get(str(ppr.get("jc", "left")), "left")
        css.append(f"text-align:{align}")
        css.append(
            f"margin:{ppr.get('before', 0):.1f}pt {max(ppr.get('ind_right', 0), 0):.1f}pt "
            f"{ppr.get('after', 0):.1f}pt {max(ppr.get('ind_left', 0), 0):.1f}pt"
        )
        if ppr.get("first"):
            css.append(f"text-indent:{ppr['first']:.1f}pt")
        rule, value = ppr.get("line", ("auto", 240))
        size = float(rpr.get("size", DEFAULT_FONT[1]))
        factor = line_factor(rpr.get("font"))
        if rule == "auto" and value > 0:
            css.append(f"line-height:{value / 240 * factor:.3f}")
        elif rule == "exact" and value > 0:
            css.append(f"line-height:{value / 20:.1f}pt")
        elif value > 0:
            css.append(f"line-height:{max(value / 20, size * factor):.1f}pt")
        if ppr.get("shd"):
            css.append(f"background-color:{ppr['shd']}")
        borders = ppr.get("border")
        if isinstance(borders, dict):
            for side in ("top", "right", "bottom", "left"):
                if borders.get(side, "none") != "none":
                    css.append(f"border-{side}:{borders[side]};padding-{side}:1pt")
        return ";".join(css)

    # ---- runs -------------------------------------------------------------------------------

    def _runs(self, parent: etree._Element) -> None:
        for child in parent:
            tag, ns = _local(child), _ns(child)
            if ns == MC and tag == "AlternateContent":
                self._runs(_alternate(child))
            elif ns == M:
                self._math(child)
            elif ns != etree.QName(w("p")).namespace:
                continue
            elif tag == "r":
                self._run(child)
            elif tag in ("hyperlink", "smartTag", "ins", "customXml", "moveTo", "dir", "bdo"):
                self._runs(child)
            elif tag == "fldSimple":
                instr = child.get(w("instr"), "").strip().split(" ")[0].upper()
                if instr in ("PAGE", "NUMPAGES") and not self._counting:
                    self._inline.append(PAGE_MARK if instr == "PAGE" else PAGES_MARK)
                else:
                    self._runs(child)
            elif tag == "sdt":
                content = child.find(w("sdtContent"))
                if content is not None:
                    self._runs(content)

    def _run(self, r: etree._Element) -> None:
        rpr_el = r.find(w("rPr"))
        rpr = dict(self._para_rpr)
        style = rpr_el.find(w("rStyle")) if rpr_el is not None else None
        if style is not None:
            rpr.update(self.styles.character_style(style.get(w("val"), "")))
        rpr.update(run_props(rpr_el, self.styles.theme))
        if rpr.get("vanish"):
            return
        css = self._run_css(rpr)
        text: list[str] = []

        def flush() -> None:
            if text:
                joined = "".join(text)
                self._count(joined, rpr)
                self._emit_text(joined, rpr, css)
                text.clear()

        for child in _run_children(r):
            tag = _local(child)
            if tag == "fldChar":
                flush()
                self._field_char(child)
            elif tag == "instrText":
                if self._fields:
                    self._fields[-1][0] = str(self._fields[-1][0]) + (child.text or "")
            elif self._in_field_code():
                continue
            elif tag in ("t", "delText"):
                if tag == "t":
                    text.append(child.text or "")
            elif tag == "tab" or tag == "ptab":
                after_text = bool("".join(text).strip())
                flush()
                self._inline.append(self._tab(after_text, rpr, css))
            elif tag == "noBreakHyphen":
                text.append("\u2011")
            elif tag == "sym":
                text.append(_symbol(child))
            elif tag in ("br", "cr"):
                flush()
                if child.get(w("type")) == "page" and not self._nested:
                    self._page_break_in_paragraph(self._current_p_css)
                elif child.get(w("type")) != "page":
                    self._inline.append("<br/>")
            elif tag in ("drawing", "pict", "object"):
                flush()
                self._graphic(child)
            elif tag in ("footnoteReference", "endnoteReference"):
                flush()
                kind = "footnote" if tag == "footnoteReference" else "endnote"
                self._note_counts[kind] += 1
                number = self._note_counts[kind]
                self.notes.append((number, kind, child.get(w("id"), "")))
                label = str(number) if kind == "footnote" else format_number(number, "lowerRoman")
                anchor = f' id="{FOOTNOTE_ID}{number}"' if kind == "footnote" else ""
                self._inline.append(f'<span style="{css}"><sup{anchor}>{label}</sup></span>')
            elif tag in ("footnoteRef", "endnoteRef"):
                flush()
                self._emit_text(self._current_note, {**rpr, "vert": "superscript"}, css)
        flush()

    def _tab(self, after_text: bool, rpr: Props, css: str) -> str:
        """A tab as preserved spaces (so text extraction still sees a gap). Tabs that start a
        paragraph (entrants indent with them) reach the next default tab stop exactly; later
        ones get half a stop, since where a line's text ends is known only to the layout."""
        stop = self.tab_stop
        if after_text or self._tab_x is None or "".join(self._inline).strip():
            self._tab_x = None
            width = stop / 2
        else:
            width = stop - (self._tab_x % stop)
            self._tab_x += width
        size = float(rpr.get("size", DEFAULT_FONT[1]))
        space = size * (0.278 if css_family(rpr.get("font")) == "DSans" else 0.25)
        spaces = " " * max(1, round(width / space))
        return f'<span style="{css};white-space:pre">{spaces}</span>'

    def _emit_text(self, text: str, rpr: Props, css: str) -> None:
        escaped = html.escape(text)
        vert = rpr.get("vert")
        if vert in ("superscript", "subscript"):
            tag = "sup" if vert == "superscript" else "sub"
            escaped = f"<{tag}>{escaped}</{tag}>"
        self._inline.append(f'<span style="{css}">{escaped}</span>')

    def _field_char(self, element: etree._Element) -> None:
        kind = element.get(w("fldCharType"))
        if kind == "begin":
            self._fields.append(["", False])
        elif kind == "separate" and self._fields:
            self._fields[-1][1] = True
            instr = str(self._fields[-1][0]).strip().split(" ")[0].upper()
            if instr in ("PAGE", "NUMPAGES") and not self._counting:
                self._inline.append(PAGE_MARK if instr == "PAGE" else PAGES_MARK)
                self._fields[-1][0] = "\x00skip"
        elif kind == "end" and self._fields:
            self._fields.pop()

    def _in_field_code(self) -> bool:
        """True between a field's begin and separate (its code), or in a replaced result."""
        return any((not sep) or instr == "\x00skip" for instr, sep in self._fields)

    def _run_css(self, rpr: Props) -> str:
        css = [self._font_css(rpr)]
        if rpr.get("b"):
            css.append("font-weight:bold")
        if rpr.get("i"):
            css.append("font-style:italic")
        decorations = [
            name
            for key, name in (("u", "underline"), ("strike", "line-through"))
            if rpr.get(key) or (key == "strike" and rpr.get("dstrike"))
        ]
        if decorations:
            css.append("text-decoration:" + " ".join(decorations))
        if rpr.get("color"):
            css.append(f"color:{rpr['color']}")
        highlight = _HIGHLIGHT.get(str(rpr.get("highlight", "none")))
        if highlight or rpr.get("shd"):
            css.append(f"background-color:{highlight or rpr['shd']}")
        if rpr.get("caps"):
            css.append("text-transform:uppercase")
        return ";".join(css)

    def _font_css(self, rpr: Props) -> str:
        size = float(rpr.get("size", DEFAULT_FONT[1]))
        family = css_family(rpr.get("font"), self.carlito)
        return f"font-family:{family};font-size:{size:g}pt"

    def _count(self, text: str, rpr: Props) -> None:
        if not self._counting or not text:
            return
        font = str(rpr.get("font") or DEFAULT_FONT[0])
        self.fonts[(font, float(rpr.get("size", DEFAULT_FONT[1])))] += len(text)
        self.text_chars += len(text)

    def _math(self, element: etree._Element) -> None:
        """Equations (OMML) become their plain text: readable, if not typeset."""
        text = "".join(t.text or "" for t in element.iter(f"{{{M}}}t"))
        if text:
            rpr = dict(self._para_rpr)
            self._count(text, rpr)
            self._emit_text(text, rpr, self._run_css({**rpr, "i": True}))
            self._problem("docx_math_simplified")

    # ---- graphics ---------------------------------------------------------------------------

    def _graphic(self, element: etree._Element) -> None:
        tag = _local(element)
        if tag == "drawing":
            for frame in element:
                self._drawing(frame, floating=_local(frame) == "anchor")
        elif tag == "pict":
            self._vml(element)
        elif tag == "object":
            self._problem("docx_object_skipped", kind="OLE")
            found = self._vml(element, placeholder_label="OLE")
            if not found:
                self._inline.append(self._box("OLE", 120, 40))

    def _drawing(self, frame: etree._Element, floating: bool) -> None:
        extent = frame.find(f"{{{WP}}}extent")
        width = float(extent.get("cx", "0")) / EMU_PER_PT if extent is not None else 100.0
        height = float(extent.get("cy", "0")) / EMU_PER_PT if extent is not None else 100.0
        data = frame.find(f"{{{A}}}graphic/{{{A}}}graphicData")
        uri = data.get("uri", "") if data is not None else ""
        pieces: list[str] = []
        if data is None:
            return
        if uri.endswith("/picture"):
            pieces.append(self._picture_html(data, width, height))
        elif uri.endswith("/chart") or "chart" in uri:
            self._problem("docx_object_skipped", kind="chart")
            pieces.append(self._box("Biểu đồ / chart", width, height))
        elif uri.endswith("/diagram"):
            self._problem("docx_object_skipped", kind="SmartArt")
            pieces.append(self._box("SmartArt", width, height))
        else:  # shapes and groups: their pictures and text boxes, in order
            for item in data.iter(f"{{{A}}}blip", f"{{{WPS}}}txbx"):
                if _local(item) == "blip":
                    pieces.append(self._blip_html(item, width, height))
                else:
                    pieces.append(self._text_box(item, width, _shape_colours(item.getparent())))
        if not pieces:
            return
        if floating:
            self._floats.append(f'<div style="{self._float_css(frame)}">{"".join(pieces)}</div>')
        else:
            self._inline.extend(pieces)

    def _float_css(self, frame: etree._Element) -> str:
        """A floating object becomes a block near its paragraph, at its horizontal place."""
        position = frame.find(f"{{{WP}}}positionH")
        css = ["margin:3pt 0"]
        if position is not None:
            align = position.find(f"{{{WP}}}align")
            offset = position.find(f"{{{WP}}}posOffset")
            if align is not None and align.text in ("center", "right"):
                css.append(f"text-align:{align.text}")
            elif offset is not None and position.get("relativeFrom") in ("column", "margin"):
                try:
                    points = float(offset.text or "0") / EMU_PER_PT
                except ValueError:
                    points = 0.0
                limit = self.sections[self._section].content_width * 0.6
                css.append(f"padding-left:{min(max(points, 0.0), limit):.1f}pt")
        return ";".join(css)

    def _picture_html(self, data: etree._Element, width: float, height: float) -> str:
        blip = data.find(f".//{{{A}}}blip")
        if blip is None:
            return ""
        return self._blip_html(blip, width, height)

    def _blip_html(self, blip: etree._Element, width: float, height: float) -> str:
        rel_id = blip.get(f"{{{R}}}embed") or blip.get(f"{{{R}}}link")
        return self._image_html(rel_id, width, height)

    def _image_html(self, rel_id: str | None, width: float, height: float) -> str:
        target = self._rels.get(rel_id or "")
        if target is None or target[1] or not self.package.has(target[0]):
            self._problem("docx_image_missing")
            return self._box("Hình / picture ?", width, height)
        part = target[0]
        picture = self.pictures.get(part)
        if picture is None:
            data = self.package.read(part)
            kind = _image_kind(data)
            if kind is None:
                extension = posixpath.splitext(part)[1].lstrip(".").upper() or "?"
                self._problem("docx_image_unsupported", format=extension)
                return self._box(f"Hình {extension} / {extension} picture", width, height)
            picture = Picture(f"img{len(self.pictures)}.{kind}", data)
            self.pictures[part] = picture
        section = self.sections[self._section]
        width, height = _fit(width, height, section.content_width, section.content_height * 0.95)
        return f'<img src="{picture.name}" style="width:{width:.1f}pt;height:{height:.1f}pt"/>'

    def _vml(self, element: etree._Element, placeholder_label: str = "") -> bool:
        """Legacy VML: v:imagedata pictures and v:textbox text boxes."""
        found = False
        for item in element.iter(f"{{{V}}}imagedata", f"{{{V}}}textbox"):
            found = True
            if _local(item) == "textbox":
                content = item.find(w("txbxContent"))
                if content is not None:
                    self._floats.append(self._text_box(item))
                continue
            width, height = _vml_size(item.getparent())
            self._inline.append(self._image_html(item.get(f"{{{R}}}id"), width, height))
        return found

    def _text_box(
        self, container: etree._Element, width: float = 0.0, colours: tuple[str, str] = ("", "")
    ) -> str:
        """A text box's paragraphs as a bordered block (its own output, no page breaks)."""
        content = container.find(w("txbxContent"))
        if content is None:
            return ""
        saved = (self._out, self._inline, self._floats, self._para_rpr, self._current_p_css)
        saved_spacing = (self._pending_after, self._prev_style)
        self._out, self._pending_after, self._prev_style = [], 0.0, None
        self._nested += 1
        try:
            self._blocks(content)
            inner = "".join(self._out)
        finally:
            self._nested -= 1
            self._out, self._inline, self._floats, self._para_rpr, self._current_p_css = saved
            self._pending_after, self._prev_style = saved_spacing
        fill, line = colours
        css = [f"border:0.75pt solid {line or '#000000'}", "padding:4pt", "margin:3pt 0"]
        if fill:
            css.append(f"background-color:{fill}")
        if width > 0:
            limit = self.sections[self._section].content_width
            css.append(f"width:{min(width, limit) - 9:.1f}pt")
        return f'<div style="{";".join(css)}">{inner}</div>'

    def _box(self, label: str, width: float, height: float) -> str:
        """A labelled frame the size of content we cannot draw, so the layout stays honest."""
        section = self.sections[self._section]
        width, height = _fit(max(width, 60), max(height, 24), section.content_width, 600)
        return (
            f'<span style="display:inline-block;border:0.75pt dashed #666;color:#555;'
            f'font-family:DSans;font-size:9pt;width:{width:.0f}pt;height:{height:.0f}pt">'
            f"[{html.escape(label)}]</span>"
        )

    def _problem(self, code: str, **params: str) -> None:
        key = (code, repr(sorted(params.items())))
        self.problems.setdefault(key, Problem(code, dict(params)))

    # ---- tables -----------------------------------------------------------------------------

    def _table(self, tbl: etree._Element) -> None:
        tbl_pr = tbl.find(w("tblPr"))
        style = tbl_pr.find(w("tblStyle")) if tbl_pr is not None else None
        style_id = style.get(w("val")) if style is not None else None
        layers = self.styles.table_style(style_id)
        saved_text = self._table_text
        self._table_text = self.styles.table_text(style_id)
        if tbl_pr is not None:
            layers.append(tbl_pr)
        borders: dict[str, str] = {}
        pad = {"top": 0.0, "bottom": 0.0, "left": 5.4, "right": 5.4}
        align = "left"
        indent = 0.0
        for layer in layers:
            found = layer.find(w("tblBorders"))
            if found is not None:
                borders.update({_side(_local(b)): _border_css(b) for b in found})
            margins = layer.find(w("tblCellMar"))
            if margins is not None:
                pad.update(_margins(margins, pad))
            ind = layer.find(w("tblInd"))
            if ind is not None and ind.get(w("type"), "dxa") == "dxa":
                indent = _tw(ind.get(w("w")))
            jc = layer.find(w("jc"))
            if jc is not None:
                align = jc.get(w("val"), "left")
        pad_left = pad["left"]
        grid = [_tw(col.get(w("w"))) for col in tbl.iterfind(f"{w('tblGrid')}/{w('gridCol')}")]
        rows = [self._row_cells(tr) for tr in _rows(tbl)]
        columns = max([len(grid)] + [sum(span for _, span, _, _ in row) for row in rows])
        grid += [0.0] * (columns - len(grid))
        rowspans = _rowspans(rows)
        section = self.sections[self._section] if not self._nested else None
        total = sum(grid)
        scale = 1.0
        if section is not None and total > section.content_width - indent - 1 > 0:
            scale = (section.content_width - indent - 1) / total  # room for the right border
        left = max(indent - pad_left, 0.0)
        if section is not None and align in ("center", "right") and total > 0:
            # MuPDF ignores margin:auto; place a centred or right-aligned table ourselves.
            free = max(section.content_width - total * scale, 0.0)
            left = free / 2 if align == "center" else free
        out = [
            f'<table style="border-collapse:collapse;margin-left:{left:.1f}pt'
            + (f";width:{total * scale:.1f}pt" if total > 0 else "")
            + '">'
        ]
        self._nested += 1
        try:
            for row_index, row in enumerate(rows):
                out.append("<tr>")
                for start, span, merge, tc in row:
                    if merge == "continue":
                        continue
                    rowspan = rowspans.get((row_index, start), 1)
                    tc_pr = tc.find(w("tcPr"))
                    cell_pad = dict(pad)
                    cell_margins = tc_pr.find(w("tcMar")) if tc_pr is not None else None
                    if cell_margins is not None:
                        cell_pad.update(_margins(cell_margins, pad))
                    css = [
                        f"padding:{cell_pad['top']:.1f}pt {cell_pad['right']:.1f}pt "
                        f"{cell_pad['bottom']:.1f}pt {cell_pad['left']:.1f}pt",
                        "vertical-align:top",
                    ]
                    width = sum(grid[start : start + span]) * scale
                    edges = {
                        "top": "top" if row_index == 0 else "insideH",
                        "bottom": "bottom" if row_index + rowspan >= len(rows) else "insideH",
                        "left": "left" if start == 0 else "insideV",
                        "right": "right" if start + span >= columns else "insideV",
                    }
                    own: dict[str, str] = {}
                    if tc_pr is not None:
                        cell_borders = tc_pr.find(w("tcBorders"))
                        if cell_borders is not None:
                            own = {_side(_local(b)): _border_css(b) for b in cell_borders}
                        v_align = tc_pr.find(w("vAlign"))
                        if v_align is not None and v_align.get(w("val")) in ("center", "bottom"):
                            middle = v_align.get(w("val")) == "center"
                            css[1] = f"vertical-align:{'middle' if middle else 'bottom'}"
                        shading = tc_pr.find(w("shd"))
                        fill = shading.get(w("fill"), "auto") if shading is not None else "auto"
                        if fill != "auto" and len(fill) == 6:
                            css.append(f"background-color:#{fill}")
                    sides = {
                        side: own.get(side) or borders.get(source, "none")
                        for side, source in edges.items()
                    }
                    css.extend(f"border-{side}:{value}" for side, value in sides.items())
                    if width > 0:  # MuPDF adds borders outside the width: keep the table's
                        inner_width = width - cell_pad["left"] - cell_pad["right"]
                        inner_width -= (
                            _border_width(sides["left"]) + _border_width(sides["right"])
                        ) / 2
                        css.append(f"width:{max(inner_width, 1.0):.1f}pt")
                    saved = self._out
                    self._out, self._pending_after, self._prev_style = [], 0.0, None
                    self._blocks(tc)
                    blocks, self._out = self._out, saved
                    attrs = (f' colspan="{span}"' if span > 1 else "") + (
                        f' rowspan="{rowspan}"' if rowspan > 1 else ""
                    )
                    if len(row) == 1 and span >= columns and merge == "" and len(blocks) > 1:
                        out.append(_frame_rows(attrs, css, cell_pad, sides, blocks))
                        continue
                    out.append(f'<td{attrs} style="{";".join(css)}">{"".join(blocks)}</td>')
                out.append("</tr>")
        finally:
            self._nested -= 1
            self._table_text = saved_text
        out.append("</table>")
        if self._pending_after and not self._nested:
            out[0] = out[0].replace(
                "margin-left", f"margin-top:{self._pending_after:.1f}pt;margin-left"
            )
        self._pending_after, self._prev_style = 0.0, None
        self._out.append("".join(out))

    def _row_cells(self, tr: etree._Element) -> list[tuple[int, int, str, etree._Element]]:
        """(grid column, span, vMerge state, cell) for each cell of a row."""
        cells: list[tuple[int, int, str, etree._Element]] = []
        column = 0
        tr_pr = tr.find(w("trPr"))
        before = tr_pr.find(w("gridBefore")) if tr_pr is not None else None
        if before is not None:
            column += int(before.get(w("val"), "0") or 0)
        for tc in _cells(tr):
            tc_pr = tc.find(w("tcPr"))
            span, merge = 1, ""
            if tc_pr is not None:
                grid_span = tc_pr.find(w("gridSpan"))
                if grid_span is not None:
                    span = max(int(grid_span.get(w("val"), "1") or 1), 1)
                v_merge = tc_pr.find(w("vMerge"))
                if v_merge is not None:
                    merge = v_merge.get(w("val"), "continue")
            cells.append((column, span, merge, tc))
            column += span
        return cells

    # ---- notes, headers, footers ------------------------------------------------------------

    def _append_notes(self) -> None:
        """Footnote bodies as HTML by number (drawn at the foot of the page that cites them);
        endnotes after the text, as Word and LibreOffice print them."""
        if not self.notes:
            return
        parts: dict[str, dict[str, etree._Element]] = {}
        for kind in ("footnote", "endnote"):
            part = self.package.related_part(f"/{kind}s")
            root = self.package.optional_xml(part)
            parts[kind] = (
                {n.get(w("id"), ""): n for n in root.iter(w(kind))} if root is not None else {}
            )
        self._counting = False
        self._nested += 1
        endnotes: list[str] = []
        try:
            for number, kind, note_id in self.notes:
                note = parts[kind].get(note_id)
                if note is None:
                    continue
                self._current_note = (
                    str(number) if kind == "footnote" else format_number(number, "lowerRoman")
                )
                self._out, self._pending_after, self._prev_style = [], 0.0, None
                self._blocks(note)
                if kind == "footnote":
                    self.footnotes[number] = "".join(self._out)
                else:
                    endnotes.extend(self._out)
        finally:
            self._nested -= 1
            self._counting = True
        if endnotes:
            last = self.chunks[-1].parts
            last.append('<hr style="width:30%;margin:12pt 0 4pt 0"/>')
            last.extend(endnotes)

    def _headers_and_footers(self) -> None:
        """Each section's default header/footer as HTML, drawn later in its page margins."""
        cache: dict[str, str] = {}
        saved_rels = self._rels
        self._counting = False
        self._nested += 1
        try:
            for index, section in enumerate(self.sections):
                self._section = index
                pairs = (
                    (section.header_ref, "header_html"),
                    (section.footer_ref, "footer_html"),
                    (section.first_header_ref, "first_header_html"),
                    (section.first_footer_ref, "first_footer_html"),
                )
                for ref, attr in pairs:
                    target = saved_rels.get(ref or "")
                    if target is None or target[1] or not self.package.has(target[0]):
                        continue
                    if target[0] not in cache:
                        self._rels = self.package.part_relationships(target[0])
                        self._out = []
                        self._blocks(self.package.xml(target[0]))
                        cache[target[0]] = "".join(self._out)
                    setattr(section, attr, cache[target[0]])
        finally:
            self._rels = saved_rels
            self._counting = True
            self._nested -= 1


_ALIGN = {
    "both": "justify", "distribute": "justify", "center": "center", "right": "right", "end": "right"
}  # fmt: skip
_HIGHLIGHT = {
    "yellow": "#ffff00", "green": "#00ff00", "cyan": "#00ffff", "magenta": "#ff00ff",
    "blue": "#0000ff", "red": "#ff0000", "darkBlue": "#000080", "darkCyan": "#008080",
    "darkGreen": "#008000", "darkMagenta": "#800080", "darkRed": "#800000",
    "darkYellow": "#808000", "darkGray": "#808080", "lightGray": "#c0c0c0", "black": "#000000",
}  # fmt: skip


def _alternate(element: etree._Element) -> etree._Element:
    """mc:AlternateContent: the first Choice (DrawingML, which we read) else the Fallback."""
    choice = element.find(f"{{{MC}}}Choice")
    if choice is not None:
        return choice
    fallback = element.find(f"{{{MC}}}Fallback")
    return fallback if fallback is not None else element


def _run_children(run: etree._Element) -> list[etree._Element]:
    """A run's content with mc:AlternateContent replaced by the branch we read."""
    children: list[etree._Element] = []
    for child in run:
        if _ns(child) == MC and _local(child) == "AlternateContent":
            children.extend(_alternate(child))
        else:
            children.append(child)
    return children


def _shape_colours(shape: etree._Element | None) -> tuple[str, str]:
    """(fill, outline) colours of a DrawingML shape, "" where it sets none."""
    if shape is None:
        return "", ""
    props = shape.find(f"{{{WPS}}}spPr")
    if props is None:
        return "", ""
    fill = props.find(f"{{{A}}}solidFill/{{{A}}}srgbClr")
    line = props.find(f"{{{A}}}ln/{{{A}}}solidFill/{{{A}}}srgbClr")
    return (
        "#" + fill.get("val", "ffffff") if fill is not None else "",
        "#" + line.get("val", "000000") if line is not None else "",
    )


def _find(parent: etree._Element | None, tag: str) -> etree._Element | None:
    return parent.find(w(tag)) if parent is not None else None


def _frame_rows(
    attrs: str, css: list[str], pad: dict[str, float], sides: dict[str, str], blocks: list[str]
) -> str:
    """A one-cell row (a frame round the whole essay is common) as one row per paragraph.

    MuPDF never splits a table row across pages and clips a row taller than the page, so a
    framed essay would lose everything after its first page; one row per block flows on, and
    with inner borders and padding removed it looks the same.
    """
    kept = [c for c in css if not c.startswith(("padding:", "border-top:", "border-bottom:"))]
    rows = []
    for index, block in enumerate(blocks):
        first, last = index == 0, index == len(blocks) - 1
        style = [
            *kept,
            f"padding:{pad['top'] if first else 0:.1f}pt {pad['right']:.1f}pt "
            f"{pad['bottom'] if last else 0:.1f}pt {pad['left']:.1f}pt",
            f"border-top:{sides['top'] if first else 'none'}",
            f"border-bottom:{sides['bottom'] if last else 'none'}",
        ]
        cell = f'<td{attrs} style="{";".join(style)}">{block}</td>'
        rows.append(cell if first else f"</tr><tr>{cell}")
    return "".join(rows)


def _rows(tbl: etree._Element) -> list[etree._Element]:
    rows: list[etree._Element] = []
    for child in tbl:
        if child.tag == w("tr"):
            rows.append(child)
        elif child.tag in (w("sdt"), w("customXml")):
            rows.extend(child.iter(w("tr")))
    return rows


def _cells(tr: etree._Element) -> list[etree._Element]:
    cells: list[etree._Element] = []
    for child in tr:
        if child.tag == w("tc"):
            cells.append(child)
        elif child.tag in (w("sdt"), w("customXml")):
            cells.extend(child.iter(w("tc")))
    return cells


def _rowspans(rows: list[list[tuple[int, int, str, etree._Element]]]) -> dict[tuple[int, int], int]:
    """Rows spanned by each vMerge="restart" cell, keyed by (row, grid column)."""
    spans: dict[tuple[int, int], int] = {}
    continuing = [{start for start, _, merge, _ in row if merge == "continue"} for row in rows]
    for row_index, row in enumerate(rows):
        for start, _, merge, _ in row:
            if merge != "restart":
                continue
            below = row_index + 1
            while below < len(rows) and start in continuing[below]:
                below += 1
            spans[(row_index, start)] = below - row_index
    return spans


def _margins(element: etree._Element, current: dict[str, float]) -> dict[str, float]:
    """Cell margins (w:tblCellMar / w:tcMar) in points, by CSS side."""
    found: dict[str, float] = {}
    for child in element:
        side = _side(_local(child))
        if side in current and child.get(w("type"), "dxa") == "dxa":
            found[side] = _tw(child.get(w("w")), current[side])
    return found


def _side(tag: str) -> str:
    return {"start": "left", "end": "right"}.get(tag, tag)


def _border_width(css: str) -> float:
    return 0.0 if css == "none" else float(css.split("pt")[0])


def _border_css(border: etree._Element) -> str:
    return border_css(border)


def _fit(width: float, height: float, max_width: float, max_height: float) -> tuple[float, float]:
    """Scale down (never up) to fit, keeping the aspect ratio; zero sizes get a default."""
    if width <= 0 or height <= 0:
        width, height = 100.0, 75.0
    scale = min(1.0, max_width / width, max_height / height)
    return width * scale, height * scale


_VML_SIZE = re.compile(r"(width|height)\s*:\s*([\d.]+)\s*(pt|in|px|cm|mm)?")
_UNIT = {"pt": 1.0, "in": 72.0, "px": 0.75, "cm": 72 / 2.54, "mm": 72 / 25.4, None: 0.75}


def _vml_size(shape: etree._Element | None) -> tuple[float, float]:
    sizes = {"width": 100.0, "height": 75.0}
    if shape is not None:
        for name, number, unit in _VML_SIZE.findall(shape.get("style", "")):
            sizes[name] = float(number) * _UNIT.get(unit or None, 0.75)
    return sizes["width"], sizes["height"]


def _symbol(element: etree._Element) -> str:
    """w:sym in Symbol/Wingdings: a bullet stands in for private-use code points."""
    try:
        code = int(element.get(w("char"), "2022"), 16)
    except ValueError:
        return "•"
    if code >= 0xF000:
        code -= 0xF000
        return "•" if element.get(w("font"), "").lower().startswith("wingdings") else chr(code)
    return chr(code)
