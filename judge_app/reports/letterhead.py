"""The head of a Vietnamese official document and its signature blocks.

Left: the issuing body (the contest board, e.g. "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO …" over
"HỘI ĐỒNG GIÁM KHẢO") with a short rule under it; right: the national name (quốc hiệu) and the
motto (tiêu ngữ) underlined over its own length, then the place and date line in italics. This
is the layout of Nghị định 30/2020/NĐ-CP that boards use for their sheets and records.

The board's lines come from `Contest.settings` ("board_name": a string, lines separated by
"\\n", or a list of lines; "place": the town on the date line), else from the organiser.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from judge_app.reports.pdf_layout import CONTENT_WIDTH, esc

NATION = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
DEFAULT_BOARD = "HỘI ĐỒNG GIÁM KHẢO"
LEFT_WIDTH = 0.42 * CONTENT_WIDTH
DOTS = "…………"


@dataclass(frozen=True)
class Letterhead:
    board_lines: tuple[str, ...]  # the last one is set in bold (the board itself)
    place: str
    date: dt.date | None  # None: left blank for the board to write by hand


def board_lines_from(settings: Mapping[str, Any], organiser: str) -> tuple[str, ...]:
    value = settings.get("board_name")
    lines: list[str] = []
    if isinstance(value, str):
        lines = [line.strip() for line in value.splitlines() if line.strip()]
    elif isinstance(value, list):
        lines = [str(line).strip() for line in value if str(line).strip()]
    if lines:
        return tuple(lines)
    if organiser.strip():
        return (organiser.strip().upper(), DEFAULT_BOARD)
    return (DEFAULT_BOARD,)


def parse_settings(text: str | None) -> dict[str, Any]:
    """`Contest.settings`; a damaged value only loses the custom heading, never the sheet."""
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def letterhead_for(settings: Mapping[str, Any], organiser: str, date: dt.date | None) -> Letterhead:
    place = settings.get("place")
    return Letterhead(
        board_lines_from(settings, organiser),
        place.strip() if isinstance(place, str) else "",
        date,
    )


def date_line(place: str, date: dt.date | None) -> str:
    """ "Kim Động, ngày 05 tháng 02 năm 2020": days below 10 and months 1-2 get a leading 0."""
    where = place or DOTS
    if date is None:
        return f"{where}, ngày {DOTS} tháng {DOTS} năm {DOTS}"
    day = f"{date.day:02d}"
    month = f"{date.month:02d}" if date.month < 3 else str(date.month)
    return f"{where}, ngày {day} tháng {month} năm {date.year}"


def _rule(width: float, left: float) -> str:
    return (
        f'<div style="margin-left:{left:.1f}pt;width:{width:.1f}pt;'
        'border-top:0.6pt solid black;margin-top:4pt;height:1pt"></div>'
    )


def heading_html(head: Letterhead, *, number: str = "") -> str:
    """The two-column head; `number` is an optional document number under the board."""
    right_width = CONTENT_WIDTH - LEFT_WIDTH
    left = []
    for index, line in enumerate(head.board_lines):
        bold = index == len(head.board_lines) - 1
        cls = "c b" if bold else "c"
        left.append(f'<p class="{cls}" style="font-size:12.5pt">{esc(line)}</p>')
    left.append(_rule(LEFT_WIDTH / 3, LEFT_WIDTH / 3))
    if number:
        left.append(f'<p class="c" style="font-size:12pt;margin-top:4pt">{esc(number)}</p>')
    right = [
        f'<p class="c b" style="font-size:12pt">{NATION}</p>',
        f'<p class="c b" style="font-size:13pt"><u>{MOTTO}</u></p>',
        f'<p class="c i" style="font-size:13pt;margin-top:8pt">'
        f"{esc(date_line(head.place, head.date))}</p>",
    ]
    return (
        f'<table style="width:{CONTENT_WIDTH:.1f}pt"><tr>'
        f'<td style="width:{LEFT_WIDTH:.1f}pt;padding:0">{"".join(left)}</td>'
        f'<td style="width:{right_width:.1f}pt;padding:0">{"".join(right)}</td>'
        "</tr></table>"
    )


@dataclass(frozen=True)
class Signer:
    role: str  # "GIÁM KHẢO CHẤM"
    name: str  # printed under the space left for the signature; "" leaves a dotted line


def signatures_html(signers: Sequence[Signer], *, per_row: int = 2) -> str:
    """Signature blocks side by side: role in bold capitals, "(Ký, ghi rõ họ tên)", space, name."""
    rows = []
    for start in range(0, len(signers), per_row):
        group = list(signers[start : start + per_row])
        width = CONTENT_WIDTH / per_row
        cells = []
        for signer in group:
            name = esc(signer.name) if signer.name else "……………………………"
            cells.append(
                f'<td style="width:{width:.1f}pt;padding:{22 if start else 0}pt 2pt 0 2pt">'
                f'<p class="c b">{esc(signer.role)}</p>'
                '<p class="c i" style="font-size:12pt">(Ký, ghi rõ họ tên)</p>'
                '<p style="height:62pt;margin:0">&#160;</p>'
                f'<p class="c b">{name}</p></td>'
            )
        cells.extend(
            f'<td style="width:{width:.1f}pt;padding:0">&#160;</td>'
            for _ in range(per_row - len(group))
        )
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f'<table style="width:{CONTENT_WIDTH:.1f}pt;margin-top:14pt">{"".join(rows)}</table>'
