"""Birth dates as Vietnamese lists write them: Excel dates or serials, "05/09/2007", "5/9/07".

Vietnamese order is always day/month/year. A text date whose "month" is above 12 but whose day
is not was typed on a computer set to US order: it is read month-first with a warning. The
year alone ("1985", common for staff) is kept as a year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from judge_app.intake.participants_columns import normalise_header
from judge_app.intake.participants_read import Cell, clean_text

EXCEL_MAX_SERIAL = 2_958_465  # 31/12/9999
_EPOCH = dt.date(1899, 12, 30)  # serial 0 in Excel's 1900 system, from 1 March 1900 on


@dataclass(frozen=True)
class BirthValue:
    """What a birth cell says: a date, or only a year, or a problem code with parameters."""

    date: dt.date | None = None
    year: int | None = None
    problem: str | None = None  # a message code, e.g. "list_date_unreadable"
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return self.date is None and self.year is None and self.problem is None


def excel_serial_date(serial: float) -> dt.date | None:
    """The date of an Excel serial, None for 0, negatives, 29/02/1900 and beyond 9999.

    Excel counts 1900 as a leap year (a Lotus 1-2-3 bug it kept): serial 60 is the 29 February
    1900 that never was, so serials below 60 are one day later than the plain count gives.
    """
    day = int(serial)
    if day < 1 or day > EXCEL_MAX_SERIAL or day == 60:
        return None
    if day < 60:
        return dt.date(1899, 12, 31) + dt.timedelta(days=day)
    return _EPOCH + dt.timedelta(days=day)


def _two_digit_year(year: int, reference: dt.date) -> int:
    return 2000 + year if year <= reference.year % 100 else 1900 + year


_DMY = re.compile(r"(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4}|\d{2})")
_YMD = re.compile(r"(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})")
_WORDS = re.compile(r"(?:ngay )?(\d{1,2}) thang (\d{1,2}) nam (\d{4})")
_MONTH_YEAR = re.compile(r"(\d{1,2})\s*[/\-.]\s*(\d{4})")
_TIME_SUFFIX = re.compile(r"\s+\d{1,2}:\d{2}(:\d{2})?(\s*[AaPp][Mm])?$")


def _make(year: int, month: int, day: int, written: str) -> BirthValue:
    try:
        return BirthValue(dt.date(year, month, day), year)
    except ValueError:
        return BirthValue(problem="list_date_invalid", params={"value": written})


def parse_birth_text(text: str, reference: dt.date) -> BirthValue:
    written = clean_text(text)
    value = _TIME_SUFFIX.sub("", written)
    if not value:
        return BirthValue()
    if match := _DMY.fullmatch(value):
        day, month, year = (int(g) for g in match.groups())
        if len(match.group(3)) == 2:
            year = _two_digit_year(year, reference)
        if month > 12 and day <= 12:
            swapped = _make(year, day, month, written)
            if swapped.date is None:
                return swapped
            return BirthValue(
                swapped.date,
                year,
                "list_date_swapped",
                {"value": written, "date": swapped.date.strftime("%d/%m/%Y")},
            )
        return _make(year, month, day, written)
    if match := _YMD.fullmatch(value):
        year, month, day = (int(g) for g in match.groups())
        return _make(year, month, day, written)
    if match := _WORDS.search(normalise_header(value)):
        day, month, year = (int(g) for g in match.groups())
        return _make(year, month, day, written)
    if re.fullmatch(r"\d{4}", value):
        return BirthValue(year=int(value))
    if match := _MONTH_YEAR.fullmatch(value):
        return BirthValue(year=int(match.group(2)))
    if re.fullmatch(r"\d{5}(\.\d+)?", value):  # a serial saved as text by a CSV export
        return parse_birth_number(float(value), written)
    return BirthValue(problem="list_date_unreadable", params={"value": written})


def parse_birth_number(number: float, written: str) -> BirthValue:
    if float(number).is_integer() and 1900 <= number <= 2100:
        return BirthValue(year=int(number))  # a year typed as a number
    date = excel_serial_date(number)
    if date is None:
        return BirthValue(problem="list_date_unreadable", params={"value": written})
    return BirthValue(date, date.year)


def parse_birth(value: Cell, reference: dt.date) -> BirthValue:
    """Read one birth cell (a date, a datetime, a number or text)."""
    if value is None or isinstance(value, bool):
        return BirthValue()
    if isinstance(value, dt.datetime):
        return BirthValue(value.date(), value.year)
    if isinstance(value, dt.date):
        return BirthValue(value, value.year)
    if isinstance(value, int | float):
        written = str(int(value)) if float(value).is_integer() else str(value)
        return parse_birth_number(value, written)
    return parse_birth_text(value, reference)


def _number(value: Cell) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return int(value) if float(value).is_integer() else None
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def parse_birth_parts(day: Cell, month: Cell, year: Cell, reference: dt.date) -> BirthValue:
    """Day, month and year from three columns; a year alone is kept."""
    if all(v in (None, "") for v in (day, month, year)):
        return BirthValue()
    d, m, y = _number(day), _number(month), _number(year)
    written = "/".join("" if v is None else str(v) for v in (day, month, year))
    if y is not None and y < 100:
        y = _two_digit_year(y, reference)
    if y is None:
        return BirthValue(problem="list_date_unreadable", params={"value": written})
    if d is None and m is None and day in (None, "") and month in (None, ""):
        return BirthValue(year=y)
    if d is None or m is None:
        return BirthValue(problem="list_date_unreadable", params={"value": written})
    return _make(y, m, d, written)


def age_on(birth: BirthValue, reference: dt.date) -> int | None:
    """Full years on `reference`; from the year alone when that is all there is."""
    if birth.date is not None:
        before = (reference.month, reference.day) < (birth.date.month, birth.date.day)
        return reference.year - birth.date.year - before
    if birth.year is not None:
        return reference.year - birth.year
    return None
