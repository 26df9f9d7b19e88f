"""`judge-app contest | rubric | judge`: contest set-up, the rubric file and the judge table.

`contest init DB --config FILE` creates the board's contest file from a configuration (see
docs/contest-config.md), optionally with the office's unit list, and makes the head judge's
signing key (passphrase from ``--passphrase-file``, ``$JUDGE_APP_PASSPHRASE`` or a prompt, as
for `judge-app key create`). Heavy modules are imported inside the handlers only.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import CATALOGUE, render

__all__ = ["add_commands"]

ACTOR_ENV = "JUDGE_APP_ACTOR"


def _actor(args: argparse.Namespace) -> str:
    if getattr(args, "actor", None):
        return str(args.actor)
    try:
        return os.environ.get(ACTOR_ENV) or getpass.getuser()
    except (KeyError, OSError):  # no user name in a container or service account
        return "cli"


def _print_config_problems(error: JudgeAppError, lang: str) -> None:
    """Every problem of an invalid configuration, one line each, before the summary line."""
    from judge_app.intake.contest_config import config_problems

    for problem in config_problems(error):
        reason = render(problem.reason, lang) if problem.reason in CATALOGUE else problem.reason
        print(
            render("config_problem_line", lang, field=problem.field, reason=reason), file=sys.stderr
        )


def _with_problems(error: JudgeAppError, lang: str) -> JudgeAppError:
    if (
        error.code in ("contest_config_invalid", "rubric_invalid")
        and error.params.get("count", 0) > 1
    ):
        _print_config_problems(error, lang)
    return error


def _unit_problem_lines(problems: list[object], lang: str) -> None:
    for problem in problems:
        code = str(getattr(problem, "code", ""))
        text = render(code, lang, **dict(getattr(problem, "params", {}) or {}))
        print(
            render("list_problem_line", lang, row=getattr(problem, "row", "?"), problem=text),
            file=sys.stderr,
        )


# --------------------------------------------------------------------------- contest


def cmd_contest_init(args: argparse.Namespace, lang: str) -> int:
    from judge_app.intake.contest_config import load_config
    from judge_app.intake.contest_setup import create_contest, merge_units, read_unit_list

    db_path, config_path = Path(args.db), Path(args.config)
    if db_path.exists():
        raise JudgeAppError("file_exists", db_path)
    try:
        config = load_config(config_path)
        if args.units:
            units_path = Path(args.units)
            units, problems = read_unit_list(
                units_path, groups=config.unit_groups, categories=config.categories
            )
            if problems:
                _unit_problem_lines(list(problems), lang)
                raise JudgeAppError("unit_list_has_errors", units_path, count=len(problems))
            config = merge_units(config, units)
            print(render("contest_units_read", lang, count=len(units), path=units_path))
    except JudgeAppError as error:
        raise _with_problems(error, lang) from None
    head = config.head_judge
    passphrase: bytes | None = None
    if not args.no_head_key:
        from judge_app.exchange.passphrase import read_passphrase

        # Asked before anything is written: a typo at the prompt leaves no half-made contest.
        passphrase = read_passphrase(args, confirm=True, lang=lang)
    actor = _actor(args)
    create_contest(db_path, config, actor=actor)
    print(
        render(
            "contest_created",
            lang,
            name=config.name,
            path=db_path,
            groups=len(config.unit_groups),
            categories=len(config.categories),
            units=len(config.units),
            questions=len(config.questions),
            criteria=len(config.criteria),
            judges=len(config.judges),
        )
    )
    if passphrase is None or head is None:
        print(render("contest_head_key_later", lang, path=db_path))
        return 0
    from judge_app.exchange.judge_keys import create_head_key
    from judge_app.store.database import open_contest_file

    name = (args.head_key_name or head.name).strip()
    with open_contest_file(db_path) as db:
        info, _ = create_head_key(db, name, passphrase, actor)
    print(
        render(
            "contest_head_key",
            lang,
            judge=head.code,
            fingerprint=info.fingerprint,
            path=info.private_path,
        )
    )
    return 0


def cmd_contest_export(args: argparse.Namespace, lang: str) -> int:
    from judge_app.intake.contest_config import save_config
    from judge_app.intake.contest_setup import export_config
    from judge_app.store.database import open_contest_file

    out = Path(args.output)
    with open_contest_file(Path(args.db)) as db:
        config = export_config(db, template=args.template)
    save_config(config, out)
    if args.template:
        print(render("contest_template_exported", lang, path=out, year=config.year or "?"))
    else:
        print(render("contest_exported", lang, path=out))
    return 0


def cmd_contest_show(args: argparse.Namespace, lang: str) -> int:
    from judge_app.intake.contest_setup import contest_summary
    from judge_app.store.database import open_contest_file

    with open_contest_file(Path(args.db)) as db:
        summary = contest_summary(db)
    config = summary.config
    rules = config.rules
    print(
        render(
            "contest_show_title",
            lang,
            name=config.name,
            organiser=config.organiser or "—",
            year=config.year or "—",
        )
    )
    for group in config.unit_groups:
        deadline = (
            group.deadline.strftime("%H:%M %d/%m/%Y")
            if group.deadline
            else render("contest_show_no_deadline", lang)
        )
        print(
            render("contest_show_group", lang, group=group.code, name=group.name, deadline=deadline)
        )
    sep = "," if lang == "vi" else "."
    print(
        render(
            "contest_show_counts",
            lang,
            categories=len(config.categories),
            units=len(config.units),
            questions=len(config.questions),
            criteria=len(config.criteria),
            max_total=rules.max_total.format(sep),
        )
    )
    print(
        render(
            "contest_show_rules",
            lang,
            k=rules.judges_per_entry,
            step=rules.score_step.format(sep),
            agree=rules.agree_below.format(sep),
            discuss=rules.discuss_upto.format(sep),
        )
    )
    head = config.head_judge
    print(
        render(
            "contest_show_judges",
            lang,
            judges=len(config.judges),
            head=f"{head.code} {head.name}" if head else "—",
            keys=summary.keys_pinned,
        )
    )
    print(
        render(
            "contest_show_progress",
            lang,
            entries=summary.entries,
            participants=summary.participants,
            assignments=summary.assignments,
            gradings=summary.gradings,
        )
    )
    return 0


# --------------------------------------------------------------------------- rubric


def cmd_rubric_export(args: argparse.Namespace, lang: str) -> int:
    from judge_app.intake.contest_setup import export_rubric
    from judge_app.store.database import open_contest_file

    out = Path(args.output)
    with open_contest_file(Path(args.db)) as db:
        rubric = export_rubric(db, out)
    print(
        render(
            "rubric_exported",
            lang,
            path=out,
            questions=len(rubric.questions),
            criteria=len(rubric.criteria),
            max_total=rubric.max_total.format("," if lang == "vi" else "."),
        )
    )
    return 0


def cmd_rubric_import(args: argparse.Namespace, lang: str) -> int:
    from judge_app.intake.contest_setup import import_rubric
    from judge_app.store.database import open_contest_file

    db_path = Path(args.db)
    with open_contest_file(db_path) as db:
        try:
            rubric = import_rubric(db, Path(args.file), actor=_actor(args))
        except JudgeAppError as error:
            raise _with_problems(error, lang) from None
    print(
        render(
            "rubric_imported",
            lang,
            path=db_path,
            questions=len(rubric.questions),
            criteria=len(rubric.criteria),
            max_total=rubric.max_total.format("," if lang == "vi" else "."),
        )
    )
    return 0


# --------------------------------------------------------------------------- judges


def _capacity(value: str) -> int | None:
    if value.strip().lower() in ("none", "-", "0", "khong", "không"):
        return None
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            render("judge_capacity_value_bad", "en", value=value)
        ) from None
    if number < 1:
        raise argparse.ArgumentTypeError(render("judge_capacity_value_bad", "en", value=value))
    return number


def cmd_judge_add(args: argparse.Namespace, lang: str) -> int:
    from judge_app.intake.contest_config import JudgeConfig
    from judge_app.intake.judges import add_judge
    from judge_app.store.database import open_contest_file

    db_path = Path(args.db)
    judge = JudgeConfig(
        code=args.code.strip(),
        name=args.name.strip(),
        unit=args.unit.strip() if args.unit else None,
        head=args.head,
        capacity=args.capacity,
        conflicts=tuple(args.conflict or ()),
    )
    with open_contest_file(db_path) as db:
        add_judge(db, judge, actor=_actor(args))
    print(render("judge_added", lang, judge=judge.code, name=judge.name, path=db_path))
    return 0


def cmd_judge_list(args: argparse.Namespace, lang: str) -> int:
    from judge_app.intake.judges import list_judges
    from judge_app.store.database import open_contest_file

    db_path = Path(args.db)
    with open_contest_file(db_path) as db:
        judges = list_judges(db)
    if args.json:
        print(json.dumps([j.to_dict() for j in judges], ensure_ascii=False, indent=2))
        return 0
    if not judges:
        print(render("judge_list_empty", lang, path=db_path))
        return 0
    for judge in judges:
        print(
            render(
                "judge_list_line",
                lang,
                marker="*" if judge.head else "-",
                judge=judge.code,
                name=judge.name,
                unit=judge.unit or "—",
                capacity=judge.capacity if judge.capacity is not None else "—",
                conflicts=", ".join(unit for unit, _ in judge.conflicts) or "—",
                fingerprint=judge.fingerprint or "—",
            )
        )
    return 0


def cmd_judge_conflict(args: argparse.Namespace, lang: str) -> int:
    from judge_app.intake.judges import list_judges, set_judge_conflicts
    from judge_app.store.database import open_contest_file

    with open_contest_file(Path(args.db)) as db:
        current = {j.code: j for j in list_judges(db)}
        judge = current.get(args.judge.strip())
        if judge is None:
            raise JudgeAppError("judge_unknown", db.path, judge=args.judge)
        units = [unit for unit, _ in judge.conflicts]
        given = [u.strip() for u in args.unit]
        if args.remove:
            units = [u for u in units if u not in given]
        else:
            units += [u for u in given if u not in units]
        held = set_judge_conflicts(db, judge.code, units, args.reason or "", actor=_actor(args))
    print(render("judge_conflicts_set", lang, judge=judge.code, units=", ".join(units) or "—"))
    if held:
        entries = ", ".join(f"{h.entry} (r{h.round})" for h in held)
        print(
            render("judge_conflict_held", lang, judge=judge.code, count=len(held), entries=entries)
        )
    return 0


def cmd_judge_capacity(args: argparse.Namespace, lang: str) -> int:
    from judge_app.intake.judges import set_judge_capacity
    from judge_app.store.database import open_contest_file

    with open_contest_file(Path(args.db)) as db:
        set_judge_capacity(db, args.judge.strip(), args.capacity, actor=_actor(args))
    if args.capacity is None:
        print(render("judge_capacity_cleared", lang, judge=args.judge))
    else:
        print(render("judge_capacity_set", lang, judge=args.judge, capacity=args.capacity))
    return 0


# --------------------------------------------------------------------------- parsers


def _actor_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--actor", help="who does this, for the audit log (default: login name)")


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `contest`, `rubric` and `judge` to the CLI's subparsers."""
    contest = sub.add_parser("contest", help="contest set-up: create, export, show")
    contest_sub = contest.add_subparsers(dest="contest_command", metavar="ACTION", required=True)

    init = contest_sub.add_parser("init", help="create a contest file from a configuration")
    init.add_argument("db", metavar="CONTEST_FILE", help="the new contest file")
    init.add_argument("--config", required=True, metavar="FILE.json", help="contest configuration")
    init.add_argument("--units", metavar="UNITS.xlsx", help="the office's unit list (XLSX/XLS/CSV)")
    init.add_argument("--head-key-name", metavar="NAME", help="name on the head judge's key")
    init.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="head judge's key passphrase, first line of FILE (else $JUDGE_APP_PASSPHRASE, "
        "else a prompt)",
    )
    init.add_argument("--no-head-key", action="store_true", help="make the head judge's key later")
    _actor_option(init)
    init.set_defaults(handler=cmd_contest_init)

    export = contest_sub.add_parser("export", help="write the contest's configuration")
    export.add_argument("db", metavar="CONTEST_FILE")
    export.add_argument("-o", "--output", required=True, metavar="FILE.json")
    export.add_argument(
        "--template", action="store_true", help="next year's template: no headcounts, dates +1 year"
    )
    export.set_defaults(handler=cmd_contest_export)

    show = contest_sub.add_parser("show", help="the contest's set-up at a glance")
    show.add_argument("db", metavar="CONTEST_FILE")
    show.set_defaults(handler=cmd_contest_show)

    rubric = sub.add_parser("rubric", help="the rubric file: export, import")
    rubric_sub = rubric.add_subparsers(dest="rubric_command", metavar="ACTION", required=True)
    r_export = rubric_sub.add_parser("export", help="write the contest's rubric to a file")
    r_export.add_argument("db", metavar="CONTEST_FILE")
    r_export.add_argument("-o", "--output", required=True, metavar="RUBRIC.json")
    r_export.set_defaults(handler=cmd_rubric_export)
    r_import = rubric_sub.add_parser("import", help="replace the rubric (before any assignment)")
    r_import.add_argument("db", metavar="CONTEST_FILE")
    r_import.add_argument("file", metavar="RUBRIC.json")
    _actor_option(r_import)
    r_import.set_defaults(handler=cmd_rubric_import)

    judge = sub.add_parser("judge", help="the judge table: add, list, conflicts, capacity")
    judge_sub = judge.add_subparsers(dest="judge_command", metavar="ACTION", required=True)
    add = judge_sub.add_parser("add", help="add a judge")
    add.add_argument("db", metavar="CONTEST_FILE")
    add.add_argument("--code", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--unit", metavar="UNIT", help="the judge's own unit (never graded by them)")
    add.add_argument("--head", action="store_true", help="the head judge (one per contest)")
    add.add_argument("--capacity", type=_capacity, metavar="N", help="most entries per round")
    add.add_argument(
        "--conflict", action="append", metavar="UNIT", help="a declared conflict (repeatable)"
    )
    _actor_option(add)
    add.set_defaults(handler=cmd_judge_add)

    list_p = judge_sub.add_parser("list", help="the judges of the contest")
    list_p.add_argument("db", metavar="CONTEST_FILE")
    list_p.add_argument("--json", action="store_true", help="machine-readable output")
    list_p.set_defaults(handler=cmd_judge_list)

    conflict = judge_sub.add_parser("conflict", help="declare (or --remove) a conflict of interest")
    conflict.add_argument("db", metavar="CONTEST_FILE")
    conflict.add_argument("--judge", required=True, metavar="CODE")
    conflict.add_argument("--unit", required=True, action="append", metavar="UNIT")
    conflict.add_argument("--reason", help="why (kept with the conflict and in the audit log)")
    conflict.add_argument("--remove", action="store_true", help="withdraw these conflicts")
    _actor_option(conflict)
    conflict.set_defaults(handler=cmd_judge_conflict)

    capacity = judge_sub.add_parser("capacity", help="most entries a judge takes per round")
    capacity.add_argument("db", metavar="CONTEST_FILE")
    capacity.add_argument("--judge", required=True, metavar="CODE")
    capacity.add_argument("capacity", type=_capacity, metavar="N|none")
    _actor_option(capacity)
    capacity.set_defaults(handler=cmd_judge_capacity)
