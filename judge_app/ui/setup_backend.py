"""The set-up wizard's calls into the headless set-up code, in one place.

The wizard speaks the config dict (`docs/contest-config.md`); everything it reads, checks or
writes goes through `intake.contest_config`, `intake.contest_setup` and `exchange.keys` here, so
a form and a file are checked by the same rules and the pages hold none. Tests may hand the
wizard another backend (a slow or failing one) without touching the pages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import CATALOGUE, render

if TYPE_CHECKING:
    from judge_app.exchange.keys import KeyInfo
    from judge_app.intake.contest_config import ConfigProblem


@dataclass(frozen=True)
class Created:
    """What Finish made: the contest file and the head judge's pinned key, if any."""

    path: Path
    fingerprint: str | None


def reason_text(reason: str, lang: str) -> str:
    """A problem's reason: a message code is translated, a neutral text (`9.5 ≠ 10`) kept."""
    return render(reason, lang) if reason in CATALOGUE else reason


class SetupBackend:
    """The headless functions the wizard needs."""

    actor = "board"

    def problems(self, data: Mapping[str, Any]) -> list[ConfigProblem]:
        """Every problem of the config dict (none: it would create a contest)."""
        from judge_app.intake.contest_config import config_problems, parse_config

        try:
            parse_config(data)
        except JudgeAppError as error:
            if error.code != "contest_config_invalid":
                raise
            return list(config_problems(error))
        return []

    def load(self, path: Path) -> dict[str, Any]:
        """A template or a previous contest's export as the wizard's dict (checked first)."""
        from judge_app.intake.contest_config import config_to_dict, load_config

        return config_to_dict(load_config(path))

    def read_rubric(self, path: Path) -> dict[str, Any]:
        from judge_app.intake.contest_config import load_rubric, rubric_to_dict

        return rubric_to_dict(load_rubric(path))

    def write_rubric(self, rubric: Mapping[str, Any], max_total: str, path: Path) -> None:
        """Save the pages' rubric as a rubric file; checked like an imported one."""
        from judge_app.intake.contest_config import (
            RUBRIC_FORMAT,
            RUBRIC_VERSION,
            parse_rubric,
            save_rubric,
        )

        data = {
            "format": RUBRIC_FORMAT,
            "version": RUBRIC_VERSION,
            "max_total": max_total.strip().replace(",", ".") or "10",
            "questions": list(rubric.get("questions", [])),
            "criteria": list(rubric.get("criteria", [])),
        }
        save_rubric(parse_rubric(data, path), path)

    def read_unit_list(
        self, path: Path, lang: str, data: Mapping[str, Any]
    ) -> tuple[list[dict[str, Any]], list[str]]:
        """The units of a spreadsheet as config rows, and each problem as a sentence.

        The groups and categories typed so far (`data`, the wizard's dict) name the list's
        "Nhóm" values and headcount columns.
        """
        from judge_app.intake.contest_config import CategoryConfig, UnitGroupConfig
        from judge_app.intake.contest_setup import read_unit_list

        groups = [
            UnitGroupConfig(str(g["code"]), str(g.get("name") or g["code"]))
            for g in data.get("unit_groups", [])
            if g.get("code")
        ]
        categories = [
            CategoryConfig(
                str(c["code"]),
                str(c.get("name") or c["code"]),
                str(c.get("kind") or "staff"),
                c.get("grade") if isinstance(c.get("grade"), int) else None,
            )
            for c in data.get("categories", [])
            if c.get("code")
        ]
        units, problems = read_unit_list(path, groups=groups, categories=categories)
        rows = []
        for unit in units:
            row: dict[str, Any] = {
                "code": unit.code,
                "name": unit.name,
                "group": unit.group,
                "headcounts": dict(unit.headcounts),
            }
            if unit.email:
                row["email"] = unit.email
            rows.append(row)
        return rows, [problem_sentence(problem, lang) for problem in problems]

    def list_keys(self) -> list[KeyInfo]:
        from judge_app.exchange.keys import list_keys

        return list_keys()

    def create_key(self, name: str, passphrase: str) -> KeyInfo:
        from judge_app.exchange.keys import create_key, normalise_passphrase

        return create_key(name, normalise_passphrase(passphrase))

    def create(self, path: Path, data: Mapping[str, Any], key: KeyInfo | None) -> Created:
        """Create the contest file from the dict, then pin `key` to its head judge.

        Runs on a worker thread. The key is pinned in its own audited transaction after the
        contest exists; a refusal there leaves a complete contest whose head key can be
        registered later (`judge-app key register`), and says so.
        """
        from judge_app.exchange.judge_keys import register_judge_key
        from judge_app.intake.contest_config import parse_config
        from judge_app.intake.contest_setup import create_contest
        from judge_app.store.database import open_contest_file

        config = parse_config(data)
        created = create_contest(path, config, actor=self.actor)
        if key is None:
            return Created(created, None)
        head = config.head_judge
        if head is None:  # parse_config insists on exactly one
            raise JudgeAppError("contest_config_invalid", created, field="judges", reason="")
        with open_contest_file(created) as db:
            pinned = register_judge_key(
                db,
                head.code,
                key.public_path,
                expected_fingerprint=key.fingerprint,
                actor=self.actor,
            )
        return Created(created, pinned.fingerprint)


def problem_sentence(problem: object, lang: str) -> str:
    """A unit-list problem with its row: "Row 7: …" in the UI language."""
    code = str(getattr(problem, "code", ""))
    params = dict(getattr(problem, "params", {}) or {})
    row = getattr(problem, "row", None)
    text = render(code, lang, **params) if code in CATALOGUE else str(problem)
    if row is None:
        return text
    return render("setup_row_problem", lang, row=row, problem=text)
