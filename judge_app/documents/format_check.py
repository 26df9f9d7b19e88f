"""Does an entry file follow the contest's format: A4, Times New Roman 14, Vietnamese with marks?

The result is data: a badge per entry for the judges' list ("ok", "warn", "scan", "error"), the
measured facts the head judge filters on, and issues as message codes (core.messages) so the
UI and `judge-app inspect --json` say them in the judge's language. A format issue never
rejects an entry: only the board decides that; the check tells it where to look.

Decisions:
* Page size: A4 in either orientation (a landscape page for a wide table is still A4 paper),
  ±3 pt. Scans and photos get no page-size issue: the size of a scanned page says how it was
  scanned, not what the entrant wrote on.
* Font: names are normalised (subset prefix "ABCDEF+", spaces, hyphens, style and PostScript
  suffixes dropped), so "TimesNewRomanPS-BoldMT" and "Times New Roman Bold" are Times New Roman.
  Metric twins (Liberation Serif, Tinos, Nimbus Roman, base-14 "Times") are not: the rule names
  Times New Roman, and a PDF set in a twin means the entrant's machine had no Times New Roman;
  the judge sees a "warn" with the real font name and decides. A contest can accept them
  through `FormatRequirements.font_aliases`.
* Handwritten entries are allowed, so a file without text is a "scan", not an error.
* Legacy TCVN3/VNI text is a "warn" (the file shows garbage in every viewer), and its
  Vietnamese is judged after conversion; `display_text` gives the converted text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

from judge_app.documents.limits import Limits
from judge_app.documents.model import A4_PT, LETTER_PT, DocKind, DocumentFacts, FontUse, Problem
from judge_app.documents.problems import FAILURES
from judge_app.documents.vietnamese import (
    Language,
    LegacyEncoding,
    classify_language,
    convert_legacy_text,
    detect_legacy_encoding,
)

Badge = Literal["ok", "warn", "scan", "error"]

# Message codes (core.messages).
NOT_A4 = "format_not_a4"
FONT = "format_font"
NO_DIACRITICS = "format_no_diacritics"
NOT_VIETNAMESE = "format_not_vietnamese"
LEGACY_TCVN3 = "format_legacy_tcvn3"
LEGACY_VNI = "format_legacy_vni"
SCAN_NO_TEXT = "format_scan_no_text"
FILE_PROBLEM = "format_file_problem"

# Fewer extracted characters per page than this is a scan: scanner apps stamp a few words
# ("Scanned with CamScanner") on pages that are pictures of handwriting.
MIN_TEXT_CHARS_PER_PAGE = 100
PAGE_TOLERANCE_PT = 3.0  # default; FormatRequirements carries the contest's value
_UNREADABLE_KINDS = frozenset({DocKind.EMPTY, DocKind.UNKNOWN, DocKind.ZIP})


@dataclass(frozen=True)
class FormatRequirements:
    """What the contest asks for; the defaults are this contest's rule (a contest setting later)."""

    page_size_pt: tuple[float, float] = A4_PT
    page_size_name: str = "A4"
    page_tolerance_pt: float = PAGE_TOLERANCE_PT
    font: str = "Times New Roman"
    font_aliases: tuple[str, ...] = ()  # e.g. ("Liberation Serif",) to accept metric twins
    size_pt: float = 14.0
    size_tolerance_pt: float = 0.5
    min_required_share: float = 0.8  # of the characters, in the required font at the size
    require_diacritics: bool = True


CONTEST_DEFAULT = FormatRequirements()


@dataclass(frozen=True)
class FormatReport:
    """The format check of one file: facts to show and filter on, issues to say, one badge."""

    page_size_name: str  # "A4", "Letter", "216×279 mm", "1200×1600 px" (images), "unknown"
    pages: int
    main_font: str | None  # the font family carrying most characters; None without font data
    main_size: float | None
    required_share: float | None  # 0..1 of characters in the required font and size
    vietnamese: Language
    legacy_encoding: LegacyEncoding | None
    scan_without_text: bool
    issues: tuple[Problem, ...] = field(default_factory=tuple)
    badge: Badge = "ok"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, for `judge-app inspect --json` and the head judge's exports."""
        return {
            "badge": self.badge,
            "page_size": self.page_size_name,
            "pages": self.pages,
            "main_font": self.main_font,
            "main_size": self.main_size,
            "required_share": (
                None if self.required_share is None else round(self.required_share, 3)
            ),
            "vietnamese": self.vietnamese,
            "legacy_encoding": self.legacy_encoding,
            "scan_without_text": self.scan_without_text,
            "issues": [{"code": p.code, "params": dict(p.params)} for p in self.issues],
        }


# ---------------------------------------------------------------------------------------------
# Page size
# ---------------------------------------------------------------------------------------------


def _fits(size: tuple[float, float], target: tuple[float, float], tolerance: float) -> bool:
    """Same paper in either orientation, within `tolerance` points on each side."""
    w, h = size
    tw, th = target
    upright = abs(w - tw) <= tolerance and abs(h - th) <= tolerance
    turned = abs(w - th) <= tolerance and abs(h - tw) <= tolerance
    return upright or turned


def page_size_name(size: tuple[float, float], tolerance: float = PAGE_TOLERANCE_PT) -> str:
    """ "A4", "Letter", or the size in millimetres ("216×356 mm") for anything else."""
    if _fits(size, A4_PT, tolerance):
        return "A4"
    if _fits(size, LETTER_PT, tolerance):
        return "Letter"
    w, h = (round(v * 25.4 / 72) for v in size)
    return f"{w}×{h} mm"


# ---------------------------------------------------------------------------------------------
# Fonts
# ---------------------------------------------------------------------------------------------

_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
_STYLE_SUFFIXES = (
    "bolditalic",
    "boldoblique",
    "semibold",
    "regular",
    "italic",
    "oblique",
    "bold",
    "psmt",
    "mt",
    "ps",
)


def display_font_name(name: str) -> str:
    """The name without a PDF subset prefix ("ABCDEF+TimesNewRomanPSMT" -> "TimesNewRomanPSMT")."""
    return _SUBSET_PREFIX.sub("", name.strip())


def font_family_key(name: str) -> str:
    """A comparable family key: "TimesNewRomanPS-BoldMT", "Times New Roman Bold" -> same key."""
    key = re.sub(r"[\s\-_,]+", "", display_font_name(name).lower())
    changed = True
    while changed:
        changed = False
        for suffix in _STYLE_SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix):
                key = key[: -len(suffix)]
                changed = True
    return key


def _is_required(use: FontUse, req: FormatRequirements) -> bool:
    families = {font_family_key(n) for n in (req.font, *req.font_aliases)}
    return (
        font_family_key(use.name) in families
        and abs(use.size_pt - req.size_pt) <= req.size_tolerance_pt
    )


def _main_font(fonts: list[FontUse]) -> str:
    """The family with most characters, named as its largest use names it."""
    by_family: Counter[str] = Counter()
    first_name: dict[str, str] = {}
    for use in sorted(fonts, key=lambda u: -u.chars):
        key = font_family_key(use.name)
        by_family[key] += use.chars
        first_name.setdefault(key, display_font_name(use.name))
    return first_name[by_family.most_common(1)[0][0]]


def _main_size(fonts: list[FontUse]) -> float:
    by_size: Counter[float] = Counter()
    for use in fonts:
        by_size[round(use.size_pt * 2) / 2] += use.chars
    return by_size.most_common(1)[0][0]


def _number(value: float) -> str:
    """14.0 -> "14", 13.5 -> "13.5": sizes as people write them."""
    return f"{value:g}"


# ---------------------------------------------------------------------------------------------
# The check
# ---------------------------------------------------------------------------------------------


def _is_scan(facts: DocumentFacts) -> bool:
    if facts.kind == DocKind.IMAGE:
        return True
    # Text and fonts are counted on the first `facts_pages` pages only (documents.limits).
    counted_pages = min(max(facts.page_count, 1), Limits().facts_pages)
    return not facts.has_text or facts.text_chars < MIN_TEXT_CHARS_PER_PAGE * counted_pages


def _size_name(facts: DocumentFacts, tolerance: float) -> str:
    if facts.kind == DocKind.IMAGE and facts.image_pixels is not None:
        return f"{facts.image_pixels[0]}×{facts.image_pixels[1]} px"
    if not facts.page_sizes_pt:
        return "unknown"
    names = Counter(page_size_name(s, tolerance) for s in facts.page_sizes_pt)
    return names.most_common(1)[0][0]


def check(
    facts: DocumentFacts, text: str, req: FormatRequirements = CONTEST_DEFAULT
) -> FormatReport:
    """Check one file's facts and extracted text against the contest's format rule."""
    failures = [p for p in facts.problems if p.code in FAILURES]
    size_name = _size_name(facts, req.page_tolerance_pt)
    if failures or facts.kind in _UNREADABLE_KINDS:
        return FormatReport(
            page_size_name=size_name,
            pages=facts.page_count,
            main_font=None,
            main_size=None,
            required_share=None,
            vietnamese="unknown",
            legacy_encoding=None,
            scan_without_text=False,
            issues=(Problem(FILE_PROBLEM, {"kind": str(facts.kind)}), *failures),
            badge="error",
        )
    if _is_scan(facts):
        return FormatReport(
            page_size_name=size_name,
            pages=facts.page_count,
            main_font=None,
            main_size=None,
            required_share=None,
            vietnamese="unknown",
            legacy_encoding=None,
            scan_without_text=True,
            issues=(Problem(SCAN_NO_TEXT),),
            badge="scan",
        )

    issues: list[Problem] = []
    wrong_page = next(
        (s for s in facts.page_sizes_pt if not _fits(s, req.page_size_pt, req.page_tolerance_pt)),
        None,
    )
    if wrong_page is not None:
        issues.append(Problem(NOT_A4, {"size": page_size_name(wrong_page, req.page_tolerance_pt)}))

    main_font: str | None = None
    main_size: float | None = None
    required_share: float | None = None
    fonts = [f for f in facts.fonts if f.chars > 0]
    if fonts:
        main_font, main_size = _main_font(fonts), _main_size(fonts)
        total = sum(f.chars for f in fonts)
        required_share = sum(f.chars for f in fonts if _is_required(f, req)) / total
        if required_share < req.min_required_share:
            issues.append(
                Problem(
                    FONT,
                    {
                        "font": main_font,
                        "size": _number(main_size),
                        "share": f"{round(required_share * 100)}%",
                    },
                )
            )

    legacy = detect_legacy_encoding(text, (f.name for f in fonts))
    if legacy is not None:
        issues.append(Problem(LEGACY_TCVN3 if legacy == "tcvn3" else LEGACY_VNI))
    language = classify_language(convert_legacy_text(text, legacy) if legacy else text)
    if req.require_diacritics and language == "no_diacritics":
        issues.append(Problem(NO_DIACRITICS))
    elif req.require_diacritics and language == "not_vietnamese":
        issues.append(Problem(NOT_VIETNAMESE))

    return FormatReport(
        page_size_name=size_name,
        pages=facts.page_count,
        main_font=main_font,
        main_size=main_size,
        required_share=required_share,
        vietnamese=language,
        legacy_encoding=legacy,
        scan_without_text=False,
        issues=tuple(issues),
        badge="warn" if issues else "ok",
    )


def display_text(text: str, report: FormatReport) -> str:
    """The text to show a judge: converted to Unicode when the check found TCVN3 or VNI.

    Words already in Unicode Vietnamese are kept (documents typed partly in each). TCVN3
    capitals-font runs (.VnTimeH) come out lowercase here: only a per-run extractor knows the
    font of each run (`tcvn3_to_unicode(run, capitals_font=True)` in documents.vietnamese).
    """
    if report.legacy_encoding is None:
        return text
    return convert_legacy_text(text, report.legacy_encoding)
