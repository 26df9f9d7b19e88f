"""What the demo generator hands to the demo builder: people, entries and their files."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class DemoFile:
    path: Path  # absolute path of the generated file
    original_name: str  # the name a school would have given it (may carry the entrant's name)
    kind: str  # "docx" | "pdf" | "image"


@dataclass(frozen=True)
class DemoEntry:
    participant_name: str
    birth_date: dt.date | None
    category_code: str  # "staff" | "g6" | "g7" | "g8" | "g9"
    unit_code: str  # one of the units in resources/contest-sample.json
    received_at: dt.datetime  # local time the school's e-mail arrived
    files: list[DemoFile] = field(default_factory=list)
    # What the entry shows off, for people trying the demo (e.g. "Arial 12, Letter").
    note: str = ""
