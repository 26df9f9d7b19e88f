"""`judge-app scores export | verify` and `judge-app merge`: the signed exchange, headless.

    judge-app scores export WORKSPACE -o FILE.jgs [--key FP] [--continue-above N]
    judge-app scores verify FILE.jgs [--key PUBKEY.pem]
    judge-app merge CONTEST_DB FILE.jgs…

The judge's private key is found by fingerprint (or is the only key on this computer); its
passphrase comes from --passphrase-file, the JUDGE_APP_PASSPHRASE variable, or a prompt.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from judge_app.core.errors import JudgeAppError
from judge_app.core.messages import render

BOARD_ACTOR = "board"


def _private_key(args: argparse.Namespace, lang: str) -> Any:
    from judge_app.exchange import keys
    from judge_app.exchange.passphrase import read_passphrase

    if args.key:
        info = keys.find_key(args.key)
    else:
        found = keys.list_keys()
        if len(found) != 1:
            raise JudgeAppError("score_export_choose_key", count=len(found))
        info = found[0]
    passphrase = read_passphrase(args, confirm=False, lang=lang)
    return keys.load_private_key(info.fingerprint, passphrase)


def cmd_scores_export(args: argparse.Namespace, lang: str) -> int:
    from judge_app.exchange.score_file import export_score_file
    from judge_app.store.database import open_contest_file

    private_key = _private_key(args, lang)
    with open_contest_file(Path(args.workspace)) as db:
        report = export_score_file(
            db, Path(args.output), private_key, continue_above=args.continue_above
        )
    print(
        render(
            "score_export_done",
            lang,
            path=report.path,
            judge=report.judge,
            round=report.round,
            revision=report.revision,
            entries=report.entries,
            submitted=report.submitted,
            sha256=report.sha256,
        )
    )
    print(render("key_fingerprint_line", lang, fingerprint=report.fingerprint))
    return 0


def cmd_scores_verify(args: argparse.Namespace, lang: str) -> int:
    from judge_app.exchange import keys
    from judge_app.exchange.score_file import read_score_file, summary_text

    path = Path(args.file)
    score_file = read_score_file(path)
    facts = {
        "path": path,
        "judge": score_file.judge_code,
        "round": score_file.round,
        "revision": score_file.revision,
        "entries": len(score_file.entries),
    }
    if not args.key:
        print(render("score_verify_unchecked", lang, path=path, fingerprint=score_file.fingerprint))
        print(summary_text(score_file))
        return 3
    public_key = keys.load_public_key_file(Path(args.key))
    fingerprint = keys.fingerprint(public_key)
    if not score_file.verify(public_key):
        print(render("score_verify_bad", lang, path=path, fingerprint=fingerprint))
        return 1
    print(render("score_verify_ok", lang, fingerprint=fingerprint, **facts))
    print(summary_text(score_file))
    return 0


def cmd_merge(args: argparse.Namespace, lang: str) -> int:
    from judge_app.core.messages import describe
    from judge_app.exchange.merge import MergeStatus, merge_score_files
    from judge_app.store.database import open_contest_file

    with open_contest_file(Path(args.db)) as db:
        workers = None if args.workers is None else max(0, args.workers)
        report = merge_score_files(
            db, [Path(p) for p in args.files], actor=args.actor, workers=workers
        )
    for outcome in report.outcomes:
        if outcome.status is MergeStatus.MERGED:
            print(
                render(
                    "merge_file_merged",
                    lang,
                    path=outcome.path,
                    judge=outcome.judge,
                    revision=outcome.revision,
                    entries=outcome.entries,
                )
            )
        elif outcome.status is MergeStatus.UNCHANGED:
            print(render("merge_file_unchanged", lang, path=outcome.path))
        else:
            assert outcome.error is not None
            reason = describe(outcome.error, lang)
            print(render("merge_file_refused", lang, path=outcome.path, reason=reason))
        if outcome.unknown_files:
            print(
                render(
                    "merge_unknown_files",
                    lang,
                    judge=outcome.judge,
                    count=len(outcome.unknown_files),
                    entries=", ".join(outcome.unknown_files[:20]),
                )
            )
    return 1 if report.refused else 0


def add_scores_subcommands(
    scores_sub: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    """`export` and `verify` under the `scores` command (whose other subcommands grade)."""
    export = scores_sub.add_parser("export", help="sign the workspace's scores into a score file")
    export.add_argument("workspace", help="the judge's workspace file")
    export.add_argument("-o", "--output", required=True, metavar="FILE.jgs")
    export.add_argument("--key", help="fingerprint of the judge's key (default: the only key)")
    export.add_argument("--passphrase-file", metavar="FILE", help="file holding the passphrase")
    export.add_argument(
        "--continue-above",
        type=int,
        default=0,
        metavar="N",
        help="a rebuilt workspace: number this export above revision N",
    )
    export.set_defaults(handler=cmd_scores_export)

    verify = scores_sub.add_parser("verify", help="check a score file and show who signed what")
    verify.add_argument("file", metavar="FILE.jgs")
    verify.add_argument("--key", metavar="PUBKEY.pem", help="the judge's public key")
    verify.set_defaults(handler=cmd_scores_verify)


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`scores …` (export and verify here; import and list from the grading workspace's CLI)
    and `merge`."""
    scores = sub.add_parser("scores", help="a judge's scores: export, verify, import, list")
    scores_sub = scores.add_subparsers(dest="scores_command", metavar="COMMAND")
    add_scores_subcommands(scores_sub)
    try:
        from judge_app.store.scores_cli import add_scores_subcommands as add_grading_commands
    except ImportError:  # pragma: no cover - until the grading CLI lands
        pass
    else:
        add_grading_commands(scores_sub)
    merge = sub.add_parser("merge", help="merge judges' signed score files into the contest")
    merge.add_argument("db", help="the board's contest file")
    merge.add_argument("files", nargs="+", metavar="FILE.jgs")
    merge.add_argument("--actor", default=BOARD_ACTOR, help="who merges, for the audit log")
    merge.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="processes that check files while the contest is written (default: one per core "
        "when the files pass 16 MB; 0: none)",
    )
    merge.set_defaults(handler=cmd_merge)
