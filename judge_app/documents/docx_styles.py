"""The document's own formatting: style inheritance, theme fonts and list numbering.

Word stores formatting in layers (document defaults → paragraph style chain → character
style chain → direct formatting), and list numbers are not in the text at all but computed
from numbering.xml. A judge must see the entrant's real fonts, sizes and numbers, so this
module resolves those layers into flat property dicts the HTML writer turns into CSS.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # no stubs: see docs/docx-fidelity.md

from judge_app.documents.docx_package import W, w

A = "http://schemas.openxmlformats.org/drawingml/2006/main"

Props = dict[str, Any]

_OFF = {"0", "false", "off", "none"}


def _on(element: etree._Element) -> bool:
    """A toggle like <w:b/> or <w:b w:val="0"/>."""
    return element.get(w("val"), "1").lower() not in _OFF


def _int(value: str | None, default: int = 0) -> int:
    if value is None:
        return default
    try:
        return int(float(value))
    except ValueError:
        return default


def twips(value: str | None) -> float:
    """Twentieths of a point → points."""
    return _int(value) / 20.0


def run_props(rpr: etree._Element | None, theme: dict[str, str]) -> Props:
    """The character properties set in one <w:rPr> (only those present)."""
    props: Props = {}
    if rpr is None:
        return props
    for child in rpr:
        tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if tag == "rFonts":
            font = _font_name(child, theme)
            if font:
                props["font"] = font
        elif tag == "sz":
            size = _int(child.get(w("val")), 0)
            if size > 0:
                props["size"] = size / 2.0
        elif tag in ("b", "i", "strike", "dstrike", "caps", "smallCaps", "vanish"):
            props[tag] = _on(child)
        elif tag == "u":
            props["u"] = child.get(w("val"), "single") not in ("none", "0")
        elif tag == "color":
            value = child.get(w("val"), "auto")
            if value != "auto" and len(value) == 6:
                props["color"] = "#" + value
        elif tag == "highlight":
            props["highlight"] = child.get(w("val"), "none")
        elif tag == "shd":
            fill = child.get(w("fill"), "auto")
            if fill != "auto" and len(fill) == 6:
                props["shd"] = "#" + fill
        elif tag == "vertAlign":
            props["vert"] = child.get(w("val"), "baseline")
    return props


def _font_name(rfonts: etree._Element, theme: dict[str, str]) -> str | None:
    """The Latin font a run uses: a theme reference wins over the literal name, as in Word."""
    for attr in ("asciiTheme", "hAnsiTheme"):
        ref = rfonts.get(w(attr))
        if ref:
            name = theme.get("minor" if ref.startswith("minor") else "major")
            if name:
                return name
    name = rfonts.get(w("ascii")) or rfonts.get(w("hAnsi")) or rfonts.get(w("cs"))
    return str(name) if name else None


def para_props(ppr: etree._Element | None) -> Props:
    """The paragraph properties set in one <w:pPr> (only those present)."""
    props: Props = {}
    if ppr is None:
        return props
    for child in ppr:
        tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if tag == "jc":
            props["jc"] = child.get(w("val"), "left")
        elif tag == "ind":
            left = child.get(w("left")) or child.get(w("start"))
            right = child.get(w("right")) or child.get(w("end"))
            if left is not None:
                props["ind_left"] = twips(left)
            if right is not None:
                props["ind_right"] = twips(right)
            if child.get(w("hanging")) is not None:
                props["first"] = -twips(child.get(w("hanging")))
            elif child.get(w("firstLine")) is not None:
                props["first"] = twips(child.get(w("firstLine")))
        elif tag == "spacing":
            if child.get(w("before")) is not None:
                props["before"] = twips(child.get(w("before")))
            if child.get(w("after")) is not None:
                props["after"] = twips(child.get(w("after")))
            if child.get(w("line")) is not None:
                props["line"] = (child.get(w("lineRule"), "auto"), _int(child.get(w("line"))))
        elif tag == "numPr":
            ilvl = child.find(w("ilvl"))
            num = child.find(w("numId"))
            if num is not None:
                props["numId"] = num.get(w("val"), "0")
            if ilvl is not None:
                props["ilvl"] = _int(ilvl.get(w("val")))
        elif tag in ("pageBreakBefore", "keepNext", "contextualSpacing"):
            props[tag] = _on(child)
        elif tag == "shd":
            fill = child.get(w("fill"), "auto")
            if fill != "auto" and len(fill) == 6:
                props["shd"] = "#" + fill
        elif tag == "outlineLvl":
            props["outline"] = _int(child.get(w("val")), 9)
        elif tag == "pBdr":
            sides = {"start": "left", "end": "right"}
            props["border"] = {sides.get(_local(b), _local(b)): border_css(b) for b in child}
    return props


def _local(element: etree._Element) -> str:
    return str(etree.QName(element).localname) if isinstance(element.tag, str) else ""


def border_css(border: etree._Element) -> str:
    """A w:top/w:left/… border element as a CSS border value ("none" when switched off)."""
    value = border.get(w("val"), "single")
    if value in ("nil", "none"):
        return "none"
    size = max(_int(border.get(w("sz")), 4) / 8.0, 0.5)
    color = border.get(w("color"), "auto")
    color = "#000000" if color == "auto" or len(color) != 6 else "#" + color
    style = "dashed" if "dash" in value else "dotted" if "dot" in value else "solid"
    return f"{size:g}pt {style} {color}"


@dataclass
class Level:
    """One level of a list definition."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    ppr: Props = field(default_factory=dict)
    rpr: Props = field(default_factory=dict)
    symbol_font: bool = False


@dataclass
class Styles:
    """Everything needed to resolve a paragraph's and a run's effective formatting."""

    theme: dict[str, str] = field(default_factory=dict)
    default_run: Props = field(default_factory=dict)
    default_para: Props = field(default_factory=dict)
    styles: dict[str, etree._Element] = field(default_factory=dict)
    default_paragraph_style: str | None = None
    default_table_style: str | None = None
    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # abstractNumId → levels
    # numId → (abstractNumId, {level: startOverride})
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    _cache: dict[tuple[str, str], Props] = field(default_factory=dict)

    @classmethod
    def load(
        cls,
        styles_xml: etree._Element | None,
        theme_xml: etree._Element | None,
        numbering_xml: etree._Element | None,
    ) -> Styles:
        found = cls()
        if theme_xml is not None:
            for kind in ("minor", "major"):
                latin = theme_xml.find(f".//{{{A}}}{kind}Font/{{{A}}}latin")
                if latin is not None and latin.get("typeface"):
                    found.theme[kind] = latin.get("typeface", "")
        if styles_xml is not None:
            found._load_styles(styles_xml)
        if numbering_xml is not None:
            found._load_numbering(numbering_xml)
        return found

    def _load_styles(self, root: etree._Element) -> None:
        defaults = root.find(w("docDefaults"))
        if defaults is not None:
            self.default_run = run_props(defaults.find(f"{w('rPrDefault')}/{w('rPr')}"), self.theme)
            self.default_para = para_props(defaults.find(f"{w('pPrDefault')}/{w('pPr')}"))
        for style in root.iter(w("style")):
            style_id = style.get(w("styleId"))
            if not style_id:
                continue
            self.styles[style_id] = style
            if style.get(w("default")) in ("1", "true", "on"):
                kind = style.get(w("type"))
                if kind == "paragraph":
                    self.default_paragraph_style = style_id
                elif kind == "table":
                    self.default_table_style = style_id

    def _load_numbering(self, root: etree._Element) -> None:
        for abstract in root.iter(w("abstractNum")):
            abstract_id = abstract.get(w("abstractNumId"), "")
            levels: dict[int, Level] = {}
            for lvl in abstract.iter(w("lvl")):
                level = Level()
                level.start = _int(_val(lvl, "start"), 1)
                level.fmt = _val(lvl, "numFmt") or "decimal"
                level.text = _val(lvl, "lvlText") or ""
                level.ppr = para_props(lvl.find(w("pPr")))
                rpr = lvl.find(w("rPr"))
                level.rpr = run_props(rpr, self.theme)
                fonts = rpr.find(w("rFonts")) if rpr is not None else None
                family = (fonts.get(w("ascii")) or "") if fonts is not None else ""
                level.symbol_font = family.lower().startswith(("symbol", "wingdings"))
                levels[_int(lvl.get(w("ilvl")))] = level
            self.levels[abstract_id] = levels
        for num in root.iter(w("num")):
            num_id = num.get(w("numId"), "")
            abstract_ref = num.find(w("abstractNumId"))
            starts: dict[int, int] = {}
            for override in num.iter(w("lvlOverride")):
                start = override.find(w("startOverride"))
                if start is not None:
                    starts[_int(override.get(w("ilvl")))] = _int(start.get(w("val")), 1)
            if abstract_ref is not None:
                self.nums[num_id] = (abstract_ref.get(w("val"), ""), starts)

    def chain(self, style_id: str | None) -> list[etree._Element]:
        """The style and its basedOn ancestors, root first (cycles cut)."""
        found: list[etree._Element] = []
        seen: set[str] = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            found.append(style)
            based = style.find(w("basedOn"))
            style_id = based.get(w("val")) if based is not None else None
        return found[::-1]

    def paragraph_style(self, style_id: str | None) -> tuple[Props, Props]:
        """(paragraph props, run props) a paragraph style gives, defaults included."""
        key = ("p", style_id or "")
        if key not in self._cache:
            ppr = dict(self.default_para)
            rpr = dict(self.default_run)
            for style in self.chain(style_id or self.default_paragraph_style):
                ppr.update(para_props(style.find(w("pPr"))))
                rpr.update(run_props(style.find(w("rPr")), self.theme))
            self._cache[key] = {"p": ppr, "r": rpr}
        cached = self._cache[key]
        return cached["p"], cached["r"]

    def character_style(self, style_id: str) -> Props:
        key = ("r", style_id)
        if key not in self._cache:
            rpr: Props = {}
            for style in self.chain(style_id):
                rpr.update(run_props(style.find(w("rPr")), self.theme))
            self._cache[key] = rpr
        return self._cache[key]

    def table_style(self, style_id: str | None) -> list[etree._Element]:
        """The tblPr elements of a table style chain, root first (for inherited borders)."""
        return [
            tbl_pr
            for style in self.chain(style_id or self.default_table_style)
            if (tbl_pr := style.find(w("tblPr"))) is not None
        ]

    def table_text(self, style_id: str | None) -> tuple[Props, Props]:
        """(paragraph, run) properties a table style gives the text in its cells."""
        ppr: Props = {}
        rpr: Props = {}
        for style in self.chain(style_id or self.default_table_style):
            ppr.update(para_props(style.find(w("pPr"))))
            rpr.update(run_props(style.find(w("rPr")), self.theme))
        return ppr, rpr

    def level(self, num_id: str, ilvl: int) -> tuple[str, Level] | None:
        """(counter key, level definition) for a paragraph's numPr; None for no list."""
        entry = self.nums.get(num_id)
        if entry is None:
            return None
        abstract_id, starts = entry
        level = self.levels.get(abstract_id, {}).get(ilvl)
        if level is None:
            return None
        if ilvl in starts:
            level = Level(
                starts[ilvl], level.fmt, level.text, level.ppr, level.rpr, level.symbol_font
            )
        # Lists sharing one definition continue each other's numbers unless restarted.
        key = f"n{num_id}" if starts else f"a{abstract_id}"
        return key, level


def _val(parent: etree._Element, tag: str) -> str | None:
    child = parent.find(w(tag))
    return child.get(w("val")) if child is not None else None


@dataclass
class ListCounters:
    """Running list numbers: one counter set per list, deeper levels reset on a higher item."""

    counts: dict[str, dict[int, int]] = field(default_factory=dict)

    def label(self, styles: Styles, num_id: str, ilvl: int) -> tuple[str, Level] | None:
        found = styles.level(num_id, ilvl)
        if found is None:
            return None
        key, level = found
        counts = self.counts.setdefault(key, {})
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else level.start
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        if level.fmt == "bullet":
            return _bullet(level.text, level.symbol_font, ilvl), level
        if level.fmt == "none":
            return "", level
        text = level.text
        levels = styles.levels.get(styles.nums[num_id][0], {})
        for index in range(ilvl + 1):
            placeholder = f"%{index + 1}"
            if placeholder in text:
                fmt = levels[index].fmt if index in levels else "decimal"
                start = levels[index].start if index in levels else 1
                value = counts.get(index, start)
                text = text.replace(placeholder, format_number(value, fmt))
        return text, level


_BULLETS = ("•", "◦", "▪")


def _bullet(text: str, symbol_font: bool, ilvl: int) -> str:
    """A bullet the bundled fonts can show: Symbol/Wingdings code points become •, ◦, ▪."""
    if not text or symbol_font or any("\ue000" <= ch <= "\uf8ff" for ch in text):
        return _BULLETS[ilvl % 3]
    return text


def format_number(value: int, fmt: str) -> str:
    """A list number in Word's numFmt (decimal, letters, roman); others fall back to decimal."""
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        n = max(value, 1)
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        letters = letter.upper() if fmt == "upperLetter" else letter
        return letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> str:
    if value <= 0 or value >= 4000:
        return str(value)
    table = [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]  # fmt: skip
    out = []
    for amount, letters in table:
        while value >= amount:
            out.append(letters)
            value -= amount
    return "".join(out)


__all__ = [
    "ListCounters",
    "Props",
    "Styles",
    "W",
    "border_css",
    "format_number",
    "para_props",
    "run_props",
]
