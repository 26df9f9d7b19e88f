"""The action registry: every user action declared once, and everything built from it.

Menus, the toolbar, the shortcut sheet (F1) and the tests all read `REGISTRY`, so an action
cannot exist in a menu without a shortcut-sheet row or appear twice with different texts
(napari's and Picard's declarative actions). Texts are English source strings marked for
lupdate in the one context `Actions`; they are translated each time they are shown, which
is what lets the language switch at run time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QMenuBar,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from judge_app.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from judge_app.ui.main_window import MainWindow

CONTEXT = "Actions"
translate = QCoreApplication.translate


@dataclass(frozen=True)
class WindowState:
    """What enabled-when rules may look at."""

    has_contest: bool = False
    busy: bool = False
    has_recent: bool = False
    language: str = "vi"
    has_workspace: bool = False  # the open file is a judge's workspace (score export)


def _always(state: WindowState) -> bool:
    return True


def _idle(state: WindowState) -> bool:
    return not state.busy


def _contest_idle(state: WindowState) -> bool:
    return state.has_contest and not state.busy


def _recent_idle(state: WindowState) -> bool:
    return state.has_recent and not state.busy


def _workspace_idle(state: WindowState) -> bool:
    return state.has_workspace and not state.busy


Handler = str | Callable[["MainWindow"], None]
# A tuple gives alternatives (Ctrl+= and Ctrl++ both zoom in); a comma inside one string
# would make a multi-key chord instead.
Shortcut = QKeySequence.StandardKey | str | tuple[str, ...] | None

# Where an action lives: "window" actions belong to the main window; "viewer" actions to each
# DocumentViewer, so its keys work wherever a viewer has focus (its own window or, later, the
# grading workspace) and never clash with the main window's.
SCOPES = ("window", "viewer", "grading")


@dataclass(frozen=True)
class ActionSpec:
    """One user action. `text` and `status_tip` are English sources (translated on show).

    `handler` names a method of the scope's widget (MainWindow, DocumentViewer) or is a
    callable taking it. `menu` is a menu id from MENUS. A `template` action is instantiated
    once per item of a list (a recent file) and gets the item as its argument.
    """

    id: str
    text: str
    handler: Handler
    menu: str
    shortcut: Shortcut = None
    enabled_when: Callable[[WindowState], bool] = _always
    toolbar: bool = False
    status_tip: str = ""
    icon: QStyle.StandardPixmap | None = None
    separator_before: bool = False
    checkable: bool = False
    translatable: bool = True  # language names are shown in their own language
    template: bool = False
    scope: str = "window"


@dataclass(frozen=True)
class MenuSpec:
    """A menu or submenu; a submenu sits in `parent` right after the action `after`."""

    id: str
    title: str
    parent: str | None = None
    after: str | None = None
    exclusive: bool = False  # its checkable actions form one group (the language choice)
    scope: str = "window"


MENUS: tuple[MenuSpec, ...] = (
    MenuSpec("file", QT_TRANSLATE_NOOP("Actions", "&File")),
    MenuSpec("recent", QT_TRANSLATE_NOOP("Actions", "Open &recent"), "file", "open_contest"),
    MenuSpec("view", QT_TRANSLATE_NOOP("Actions", "&View")),
    MenuSpec("language", QT_TRANSLATE_NOOP("Actions", "&Language"), "view", exclusive=True),
    MenuSpec("board", QT_TRANSLATE_NOOP("Actions", "&Board")),
    MenuSpec("judge", QT_TRANSLATE_NOOP("Actions", "&Judge")),
    MenuSpec("help", QT_TRANSLATE_NOOP("Actions", "&Help")),
    # The viewer's context menu (right click on a page).
    MenuSpec("viewer", QT_TRANSLATE_NOOP("Actions", "&Document"), scope="viewer"),
    # The judge's grading view (issue #6): the main window shows it while a workspace is open.
    MenuSpec("grading", QT_TRANSLATE_NOOP("Actions", "&Grading"), scope="grading"),
)

SP = QStyle.StandardPixmap

REGISTRY: tuple[ActionSpec, ...] = (
    ActionSpec(
        "new_contest",
        QT_TRANSLATE_NOOP("Actions", "&New contest…"),
        "new_contest",
        "file",
        QKeySequence.StandardKey.New,
        _idle,
        toolbar=True,
        status_tip=QT_TRANSLATE_NOOP("Actions", "Set up a new contest step by step"),
        icon=SP.SP_FileIcon,
    ),
    ActionSpec(
        "open_contest",
        QT_TRANSLATE_NOOP("Actions", "&Open contest…"),
        "open_contest",
        "file",
        QKeySequence.StandardKey.Open,
        _idle,
        toolbar=True,
        status_tip=QT_TRANSLATE_NOOP("Actions", "Open a contest file"),
        icon=SP.SP_DialogOpenButton,
    ),
    ActionSpec(
        "open_recent",
        "",  # the item's text is the file's path
        "open_recent",
        "recent",
        enabled_when=_idle,
        template=True,
    ),
    ActionSpec(
        "clear_recent",
        QT_TRANSLATE_NOOP("Actions", "&Clear the list"),
        "clear_recent",
        "recent",
        enabled_when=_recent_idle,
        separator_before=True,
        status_tip=QT_TRANSLATE_NOOP("Actions", "Forget the recently opened contest files"),
    ),
    ActionSpec(
        "close_contest",
        QT_TRANSLATE_NOOP("Actions", "&Close contest"),
        "close_contest",
        "file",
        QKeySequence.StandardKey.Close,
        _contest_idle,
        toolbar=True,
        status_tip=QT_TRANSLATE_NOOP("Actions", "Close the open contest file"),
        icon=SP.SP_DialogCloseButton,
    ),
    ActionSpec(  # contest set-up wizard (ui/setup_wizard.py)
        "export_template",
        QT_TRANSLATE_NOOP("Actions", "Export contest as &template…"),
        "export_template",
        "file",
        enabled_when=_contest_idle,
        separator_before=True,
        status_tip=QT_TRANSLATE_NOOP(
            "Actions", "Save this contest's set-up as the starting point for next year's"
        ),
    ),
    ActionSpec(
        "quit",
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        "close",
        "file",
        "Ctrl+Q",  # StandardKey.Quit is empty on Windows
        separator_before=True,
        status_tip=QT_TRANSLATE_NOOP("Actions", "Quit judge-app"),
    ),
    ActionSpec(
        "open_entry",
        QT_TRANSLATE_NOOP("Actions", "Show the selected &entry"),
        "open_selected_entry",
        "view",
        enabled_when=_contest_idle,
        status_tip=QT_TRANSLATE_NOOP(
            "Actions", "Show the files of the selected entry (or double-click it, or press Enter)"
        ),
    ),
    ActionSpec(
        "language_vi",
        "Tiếng Việt",
        "use_vietnamese",
        "language",
        checkable=True,
        translatable=False,
        status_tip=QT_TRANSLATE_NOOP("Actions", "Show the program in Vietnamese"),
    ),
    ActionSpec(
        "language_en",
        "English",
        "use_english",
        "language",
        checkable=True,
        translatable=False,
        status_tip=QT_TRANSLATE_NOOP("Actions", "Show the program in English"),
    ),
    ActionSpec(
        "shortcuts",
        QT_TRANSLATE_NOOP("Actions", "&Keyboard shortcuts"),
        "show_shortcuts",
        "help",
        "F1",
        status_tip=QT_TRANSLATE_NOOP("Actions", "List every action and its shortcut"),
    ),
    ActionSpec(
        "about",
        QT_TRANSLATE_NOOP("Actions", "&About judge-app"),
        "show_about",
        "help",
        separator_before=True,
        status_tip=QT_TRANSLATE_NOOP("Actions", "Version and licence"),
    ),
)

REGISTRY += (
    ActionSpec(
        "board_receive",
        QT_TRANSLATE_NOOP("Actions", "&Receive entries…"),
        "receive_entries",
        "board",
        enabled_when=_contest_idle,
        status_tip=QT_TRANSLATE_NOOP(
            "Actions", "Receive a unit's e-mails, zips or folders of entries and see the report"
        ),
    ),
    # Intake review (issue #5): list columns, unmatched files and namesakes, identity leaks.
    ActionSpec(
        "board_check_list",
        QT_TRANSLATE_NOOP("Actions", "Check a participant &list…"),
        "check_participant_list",
        "board",
        enabled_when=_contest_idle,
        status_tip=QT_TRANSLATE_NOOP(
            "Actions", "See how a unit's list is read, fix its columns and remember them"
        ),
    ),
    ActionSpec(
        "board_link",
        QT_TRANSLATE_NOOP("Actions", "&Link unmatched entries…"),
        "link_unmatched_entries",
        "board",
        enabled_when=_contest_idle,
        status_tip=QT_TRANSLATE_NOOP(
            "Actions", "Give each entry that matched nobody, or several namesakes, its participant"
        ),
    ),
    ActionSpec(
        "board_leaks",
        QT_TRANSLATE_NOOP("Actions", "Scan for identity lea&ks…"),
        "scan_identity_leaks",
        "board",
        enabled_when=_contest_idle,
        status_tip=QT_TRANSLATE_NOOP(
            "Actions", "Find entries whose text names the entrant, the school, a phone or e-mail"
        ),
    ),
    ActionSpec(
        "board_assign",
        QT_TRANSLATE_NOOP("Actions", "&Assign a grading round…"),
        "assign_round",
        "board",
        enabled_when=_contest_idle,
        status_tip=QT_TRANSLATE_NOOP(
            "Actions", "Give every entry its judges for a round, at random and balanced"
        ),
    ),
    ActionSpec(
        "board_packages",
        QT_TRANSLATE_NOOP("Actions", "Make grading &packages…"),
        "make_packages",
        "board",
        enabled_when=_contest_idle,
        status_tip=QT_TRANSLATE_NOOP(
            "Actions", "Write each grader's signed package for a round, with the head judge's key"
        ),
    ),
    ActionSpec(  # redaction tool (ui/board_redaction.py)
        "board_redaction",
        QT_TRANSLATE_NOOP("Actions", "Redaction &boxes…"),
        "open_redaction_tool",
        "board",
        enabled_when=_contest_idle,
        status_tip=QT_TRANSLATE_NOOP(
            "Actions",
            "Black out names and schools on the selected entry's pages for the judges' copies",
        ),
    ),
    ActionSpec(
        "board_seal",
        QT_TRANSLATE_NOOP("Actions", "&Seal identities…"),
        "seal_identities",
        "board",
        enabled_when=_contest_idle,
        separator_before=True,
        status_tip=QT_TRANSLATE_NOOP(
            "Actions", "Lock who wrote each entry away under the board's passphrases"
        ),
    ),
    ActionSpec(
        "judge_open_package",
        QT_TRANSLATE_NOOP("Actions", "&Open grading package…"),
        "open_grading_package",
        "judge",
        enabled_when=_idle,
        status_tip=QT_TRANSLATE_NOOP(
            "Actions", "Check a package from the head judge and grade its entries here"
        ),
    ),
)

REGISTRY += (  # contest set-up wizard (ui/setup_wizard.py)
    ActionSpec(
        "board_export_rubric",
        QT_TRANSLATE_NOOP("Actions", "Export &rubric…"),
        "export_rubric",
        "board",
        enabled_when=_contest_idle,
        separator_before=True,
        status_tip=QT_TRANSLATE_NOOP(
            "Actions", "Save the contest's questions and criteria as a rubric file to reuse"
        ),
    ),
)

REGISTRY += (  # printable documents (ui/print_preview.py, reports/, issue #7)
    ActionSpec(
        "board_print_sheets",
        QT_TRANSLATE_NOOP("Actions", "Print score s&heets…"),
        "print_score_sheets",
        "board",
        enabled_when=_contest_idle,
        status_tip=QT_TRANSLATE_NOOP(
            "Actions", "Preview, print or save as PDF every judge's score sheet (phiếu chấm)"
        ),
    ),
)

REGISTRY += (  # the judge's signing key and score file (ui/judge_key_dialogs.py, issue #7)
    ActionSpec(
        "judge_export_scores",
        QT_TRANSLATE_NOOP("Actions", "&Export score file…"),
        "export_score_file",
        "judge",
        "Ctrl+Shift+E",
        _workspace_idle,
        separator_before=True,
        status_tip=QT_TRANSLATE_NOOP("Actions", "Sign your scores into a file for the head judge"),
    ),
    ActionSpec(
        "judge_signing_key",
        QT_TRANSLATE_NOOP("Actions", "My &signing key…"),
        "show_signing_key",
        "judge",
        enabled_when=_idle,
        separator_before=True,
        status_tip=QT_TRANSLATE_NOOP(
            "Actions", "Create your key, see its fingerprint, choose it for this contest"
        ),
    ),
    ActionSpec(
        "judge_backup_key",
        QT_TRANSLATE_NOOP("Actions", "&Back up my key…"),
        "backup_signing_key",
        "judge",
        enabled_when=_idle,
        status_tip=QT_TRANSLATE_NOOP(
            "Actions", "Copy your encrypted key to a file kept apart from this computer"
        ),
    ),
    ActionSpec(
        "judge_restore_key",
        QT_TRANSLATE_NOOP("Actions", "&Restore a key…"),
        "restore_signing_key",
        "judge",
        enabled_when=_idle,
        status_tip=QT_TRANSLATE_NOOP("Actions", "Install your key from a backup file"),
    ),
)

REGISTRY += (  # the head judge's merge (ui/board_keys.py, board_merge.py, merge_view.py; #7)
    ActionSpec(
        "board_judge_keys",
        QT_TRANSLATE_NOOP("Actions", "&Judges' keys…"),
        "manage_judge_keys",
        "board",
        enabled_when=_contest_idle,
        separator_before=True,
        status_tip=QT_TRANSLATE_NOOP(
            "Actions", "Register each judge's public key after comparing its fingerprint"
        ),
    ),
    ActionSpec(
        "board_merge",
        QT_TRANSLATE_NOOP("Actions", "&Merge score files…"),
        "merge_score_files",
        "board",
        enabled_when=_contest_idle,
        status_tip=QT_TRANSLATE_NOOP(
            "Actions", "Check the judges' signed score files and merge them into the contest"
        ),
    ),
    ActionSpec(
        "board_scores",
        QT_TRANSLATE_NOOP("Actions", "Scores and &discrepancies…"),
        "show_scores",
        "board",
        enabled_when=_contest_idle,
        status_tip=QT_TRANSLATE_NOOP(
            "Actions", "Every entry's scores, gaps and queue; record discussions and decisions"
        ),
    ),
)

REGISTRY += (  # results view and exports (ui/results_view.py, reports/results_*.py; #8)
    ActionSpec(
        "board_results",
        QT_TRANSLATE_NOOP("Actions", "Res&ults…"),
        "show_results",
        "board",
        enabled_when=_contest_idle,
        status_tip=QT_TRANSLATE_NOOP(
            "Actions",
            "Rankings, prizes and ties of the locked results; export the workbook, "
            "result lists and certificates",
        ),
    ),
)

REGISTRY += (  # lock and reveal (ui/board_lock.py, issue #8)
    ActionSpec(
        "board_lock",
        QT_TRANSLATE_NOOP("Actions", "&Lock scores…"),
        "lock_scores",
        "board",
        enabled_when=_contest_idle,
        status_tip=QT_TRANSLATE_NOOP(
            "Actions", "Freeze every final score before results, prizes and the reveal"
        ),
    ),
    ActionSpec(
        "board_reveal",
        QT_TRANSLATE_NOOP("Actions", "Re&veal identities…"),
        "reveal_identities",
        "board",
        enabled_when=_contest_idle,
        status_tip=QT_TRANSLATE_NOOP(
            "Actions", "Re-attach each entry to its participant (ghép phách) after the lock"
        ),
    ),
)

REGISTRY += (  # appeals, shortlist and finalists (ui/board_appeals.py, board_shortlist.py; #8)
    ActionSpec(
        "board_appeals",
        QT_TRANSLATE_NOOP("Actions", "App&eals…"),
        "show_appeals",
        "board",
        enabled_when=_contest_idle,
        status_tip=QT_TRANSLATE_NOOP(
            "Actions", "Record appeals, assign their judges and settle them by the change rule"
        ),
    ),
    ActionSpec(
        "board_shortlist",
        QT_TRANSLATE_NOOP("Actions", "Shortlist and &finalists…"),
        "show_shortlist",
        "board",
        enabled_when=_contest_idle,
        status_tip=QT_TRANSLATE_NOOP(
            "Actions",
            "Cut the shortlist after the screening round; export or import the finalists",
        ),
    ),
)

VIEWER = "viewer"

REGISTRY += (
    ActionSpec(
        "viewer_zoom_in",
        QT_TRANSLATE_NOOP("Actions", "Zoom &in"),
        "zoom_in",
        VIEWER,
        ("Ctrl+=", "Ctrl++"),
        toolbar=True,
        status_tip=QT_TRANSLATE_NOOP("Actions", "Show the pages larger"),
        scope=VIEWER,
    ),
    ActionSpec(
        "viewer_zoom_out",
        QT_TRANSLATE_NOOP("Actions", "Zoom &out"),
        "zoom_out",
        VIEWER,
        "Ctrl+-",
        toolbar=True,
        status_tip=QT_TRANSLATE_NOOP("Actions", "Show the pages smaller"),
        scope=VIEWER,
    ),
    ActionSpec(
        "viewer_fit_width",
        QT_TRANSLATE_NOOP("Actions", "Fit &width"),
        "fit_width",
        VIEWER,
        "Ctrl+0",
        toolbar=True,
        checkable=True,
        status_tip=QT_TRANSLATE_NOOP("Actions", "Make the pages as wide as the view"),
        scope=VIEWER,
    ),
    ActionSpec(
        "viewer_fit_page",
        QT_TRANSLATE_NOOP("Actions", "Fit &page"),
        "fit_page",
        VIEWER,
        "Ctrl+1",
        toolbar=True,
        checkable=True,
        status_tip=QT_TRANSLATE_NOOP("Actions", "Show one whole page in the view"),
        scope=VIEWER,
    ),
    ActionSpec(
        "viewer_single_page",
        QT_TRANSLATE_NOOP("Actions", "One page at a &time"),
        "toggle_single_page",
        VIEWER,
        "Ctrl+2",
        checkable=True,
        status_tip=QT_TRANSLATE_NOOP(
            "Actions", "Show one page at a time instead of a continuous scroll"
        ),
        scope=VIEWER,
    ),
    ActionSpec(
        "viewer_rotate",
        QT_TRANSLATE_NOOP("Actions", "&Rotate clockwise"),
        "rotate_clockwise",
        VIEWER,
        "Ctrl+R",
        toolbar=True,
        separator_before=True,
        status_tip=QT_TRANSLATE_NOOP(
            "Actions", "Turn the file's pages 90° clockwise (remembered for this file)"
        ),
        scope=VIEWER,
    ),
    ActionSpec(
        "viewer_next_page",
        QT_TRANSLATE_NOOP("Actions", "&Next page"),
        "page_forward",
        VIEWER,
        "PgDown",
        separator_before=True,
        scope=VIEWER,
    ),
    ActionSpec(
        "viewer_previous_page",
        QT_TRANSLATE_NOOP("Actions", "&Previous page"),
        "page_back",
        VIEWER,
        "PgUp",
        scope=VIEWER,
    ),
    ActionSpec(
        "viewer_first_page",
        QT_TRANSLATE_NOOP("Actions", "&First page"),
        "first_page",
        VIEWER,
        "Home",
        scope=VIEWER,
    ),
    ActionSpec(
        "viewer_last_page",
        QT_TRANSLATE_NOOP("Actions", "&Last page"),
        "last_page",
        VIEWER,
        "End",
        scope=VIEWER,
    ),
    ActionSpec(
        "viewer_next_file",
        QT_TRANSLATE_NOOP("Actions", "Next &file of the entry"),
        "next_file",
        VIEWER,
        "Ctrl+PgDown",
        scope=VIEWER,
    ),
    ActionSpec(
        "viewer_previous_file",
        QT_TRANSLATE_NOOP("Actions", "Previous file of the &entry"),
        "previous_file",
        VIEWER,
        "Ctrl+PgUp",
        scope=VIEWER,
    ),
    ActionSpec(
        "viewer_find",
        QT_TRANSLATE_NOOP("Actions", "&Search the text…"),
        "start_search",
        VIEWER,
        "Ctrl+F",
        toolbar=True,
        separator_before=True,
        status_tip=QT_TRANSLATE_NOOP("Actions", "Find words in this file and mark them"),
        scope=VIEWER,
    ),
    ActionSpec(
        "viewer_find_next",
        QT_TRANSLATE_NOOP("Actions", "Next &match"),
        "next_hit",
        VIEWER,
        "F3",
        scope=VIEWER,
    ),
    ActionSpec(
        "viewer_find_previous",
        QT_TRANSLATE_NOOP("Actions", "Previous m&atch"),
        "previous_hit",
        VIEWER,
        "Shift+F3",
        scope=VIEWER,
    ),
)


# Grading (issue #6): keys chosen to clash with no window or viewer key, since the viewer sits
# inside the grading view and both sets are live while it has focus.
GRADING = "grading"

REGISTRY += (
    ActionSpec(
        "grading_submit",
        QT_TRANSLATE_NOOP("Actions", "&Submit the entry"),
        "submit_entry",
        GRADING,
        "Ctrl+Return",  # Qt treats the keypad Enter as the same key
        status_tip=QT_TRANSLATE_NOOP(
            "Actions", "Hand in this entry's grading (every criterion and question needed)"
        ),
        scope=GRADING,
    ),
    ActionSpec(
        "grading_next",
        QT_TRANSLATE_NOOP("Actions", "&Next entry"),
        "next_entry",
        GRADING,
        "Alt+Right",
        separator_before=True,
        scope=GRADING,
    ),
    ActionSpec(
        "grading_previous",
        QT_TRANSLATE_NOOP("Actions", "&Previous entry"),
        "previous_entry",
        GRADING,
        "Alt+Left",
        scope=GRADING,
    ),
    ActionSpec(
        "grading_next_ungraded",
        QT_TRANSLATE_NOOP("Actions", "Next &ungraded entry"),
        "next_ungraded",
        GRADING,
        "F8",
        status_tip=QT_TRANSLATE_NOOP("Actions", "The next entry not submitted yet"),
        scope=GRADING,
    ),
    ActionSpec(
        "grading_page_down",
        QT_TRANSLATE_NOOP("Actions", "Next page of the &document"),
        "page_forward",
        GRADING,
        "Alt+PgDown",
        separator_before=True,
        status_tip=QT_TRANSLATE_NOOP("Actions", "Turn the page while typing in the rubric"),
        scope=GRADING,
    ),
    ActionSpec(
        "grading_page_up",
        QT_TRANSLATE_NOOP("Actions", "Previous page of the d&ocument"),
        "page_back",
        GRADING,
        "Alt+PgUp",
        scope=GRADING,
    ),
    ActionSpec(
        "grading_rubric",
        QT_TRANSLATE_NOOP("Actions", "Go to the &rubric"),
        "go_to_rubric",
        GRADING,
        "Ctrl+E",
        separator_before=True,
        status_tip=QT_TRANSLATE_NOOP("Actions", "The first question or score still empty"),
        scope=GRADING,
    ),
    ActionSpec(
        "grading_comment",
        QT_TRANSLATE_NOOP("Actions", "Go to the overall &comment"),
        "go_to_comment",
        GRADING,
        "Ctrl+M",
        scope=GRADING,
    ),
    ActionSpec(
        "grading_list",
        QT_TRANSLATE_NOOP("Actions", "Go to the entry &list"),
        "go_to_list",
        GRADING,
        "Ctrl+L",
        scope=GRADING,
    ),
    ActionSpec(
        "grading_bank",
        QT_TRANSLATE_NOOP("Actions", "Comment &bank…"),
        "show_bank",
        GRADING,
        "Ctrl+B",
        separator_before=True,
        status_tip=QT_TRANSLATE_NOOP(
            "Actions", "Pick a ready comment for the field you are typing in"
        ),
        scope=GRADING,
    ),
    ActionSpec(
        "grading_bank_add",
        QT_TRANSLATE_NOOP("Actions", "&Add the comment to the bank"),
        "add_to_bank",
        GRADING,
        "Ctrl+Shift+B",
        status_tip=QT_TRANSLATE_NOOP("Actions", "Keep the comment you typed for other entries"),
        scope=GRADING,
    ),
    ActionSpec(
        "grading_flag",
        QT_TRANSLATE_NOOP("Actions", "&Flag for the head judge…"),
        "flag_entry",
        GRADING,
        "Ctrl+G",
        separator_before=True,
        status_tip=QT_TRANSLATE_NOOP(
            "Actions", "Identity revealed, copy, off topic, wrong format, unreadable, missing pages"
        ),
        scope=GRADING,
    ),
    ActionSpec(
        "grading_note",
        QT_TRANSLATE_NOOP("Actions", "Pin a note on the &page…"),
        "pin_note",
        GRADING,
        "Ctrl+Shift+N",
        status_tip=QT_TRANSLATE_NOOP(
            "Actions", "A note at the middle of the view (or Ctrl+click on the page)"
        ),
        scope=GRADING,
    ),
    ActionSpec(
        "grading_undo",
        QT_TRANSLATE_NOOP("Actions", "&Undo"),
        "undo",
        GRADING,
        QKeySequence.StandardKey.Undo,
        separator_before=True,
        status_tip=QT_TRANSLATE_NOOP("Actions", "Take back the last score, answer or comment"),
        scope=GRADING,
    ),
    ActionSpec(
        "grading_redo",
        QT_TRANSLATE_NOOP("Actions", "&Redo"),
        "redo",
        GRADING,
        ("Ctrl+Y", "Ctrl+Shift+Z"),
        scope=GRADING,
    ),
    ActionSpec(
        "grading_swap",
        QT_TRANSLATE_NOOP("Actions", "&Swap document and rubric"),
        "swap_sides",
        GRADING,
        separator_before=True,
        status_tip=QT_TRANSLATE_NOOP("Actions", "Put the rubric on the other side"),
        scope=GRADING,
    ),
)


def scoped(scope: str, registry: Iterable[ActionSpec] = REGISTRY) -> tuple[ActionSpec, ...]:
    """The actions one kind of widget creates (see SCOPES)."""
    return tuple(item for item in registry if item.scope == scope)


def spec(action_id: str) -> ActionSpec:
    return next(s for s in REGISTRY if s.id == action_id)


def action_text(item: ActionSpec | MenuSpec) -> str:
    """The text in the current UI language (with its & mnemonic)."""
    if isinstance(item, ActionSpec) and not item.translatable:
        return item.text
    text = item.title if isinstance(item, MenuSpec) else item.text
    return translate(CONTEXT, text)


def plain_text(text: str) -> str:
    """A menu text without its mnemonic marker, for tables and buttons."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def key_sequences(shortcut: Shortcut) -> list[QKeySequence]:
    if shortcut is None:
        return []
    if isinstance(shortcut, QKeySequence.StandardKey):
        return list(QKeySequence.keyBindings(shortcut))
    if isinstance(shortcut, tuple):
        return [QKeySequence(text) for text in shortcut]
    return [QKeySequence(shortcut)]


def _on_keyboard(sequence: QKeySequence) -> bool:
    """False for dedicated media/launcher keys (Qt::Key_Back and above, e.g. an "Open" key):
    platforms bind them to standard actions, but few keyboards have them."""
    combination = sequence[0]  # type: ignore[index]  # the stubs lack operator[]
    return bool(combination.keyboardModifiers()) or combination.key().value < Qt.Key.Key_Back.value


def shortcut_text(item: ActionSpec) -> str:
    """The action's key bindings as the user's platform writes them, keyboard keys only."""
    texts = (
        seq.toString(QKeySequence.SequenceFormat.NativeText)
        for seq in key_sequences(item.shortcut)
        if _on_keyboard(seq)
    )
    return ", ".join(dict.fromkeys(texts))  # Return and Enter both read "Enter"


def _invoke(window: QWidget, handler: Handler, *args: object) -> None:
    if callable(handler):
        handler(window, *args)  # type: ignore[arg-type]
    else:
        getattr(window, handler)(*args)


def create_actions(
    window: QWidget, registry: Iterable[ActionSpec] | None = None
) -> dict[str, QAction]:
    """One QAction per non-template spec, parented to the window so shortcuts work.

    By default the main window's ("window" scope) actions; a viewer passes `scoped("viewer")`.
    """
    if registry is None:
        registry = scoped("window")
    actions: dict[str, QAction] = {}
    groups: dict[str, QActionGroup] = {}
    exclusive = {m.id for m in MENUS if m.exclusive}
    for item in registry:
        if item.template:
            continue
        action = QAction(window)
        action.setObjectName(item.id)
        action.setCheckable(item.checkable)
        action.setShortcuts(key_sequences(item.shortcut))
        if item.icon is not None:
            action.setIcon(window.style().standardIcon(item.icon))
        if item.menu in exclusive:
            group = groups.setdefault(item.menu, QActionGroup(window))
            group.addAction(action)
        action.triggered.connect(lambda _checked=False, h=item.handler: _invoke(window, h))
        actions[item.id] = action
    retranslate_actions(actions)
    return actions


def retranslate_actions(actions: dict[str, QAction]) -> None:
    for item in REGISTRY:
        action = actions.get(item.id)
        if action is None:
            continue
        action.setText(action_text(item))
        tip = translate(CONTEXT, item.status_tip) if item.status_tip else ""
        action.setStatusTip(tip)


def update_enabled(actions: dict[str, QAction], state: WindowState) -> None:
    for item in REGISTRY:
        action = actions.get(item.id)
        if action is not None:
            action.setEnabled(item.enabled_when(state))
    for lang in ("vi", "en"):
        actions[f"language_{lang}"].setChecked(state.language == lang)


# The Board menu in the order the work flows (intake → anonymisation → assignment and packages
# → exchange and settlement → results), in groups split by separators. The actions were added
# to REGISTRY issue by issue; this keeps the menu in the head judge's order, not history's.
MENU_GROUPS: dict[str, tuple[tuple[str, ...], ...]] = {
    "board": (
        ("board_receive", "board_check_list", "board_link", "board_leaks", "board_redaction"),
        ("board_seal", "board_assign", "board_packages"),
        ("board_judge_keys", "board_merge", "board_scores", "board_print_sheets"),
        ("board_lock", "board_reveal", "board_results", "board_appeals", "board_shortlist"),
        ("board_export_rubric",),
    ),
}


def _menu_items(menu_id: str) -> list[tuple[ActionSpec, bool]]:
    """(action, separator before it) for a menu: its groups' order when it has groups (actions
    not listed there follow at the end), else registry order with each action's own flag."""
    items = [item for item in REGISTRY if item.menu == menu_id and not item.template]
    groups = MENU_GROUPS.get(menu_id)
    if groups is None:
        return [(item, item.separator_before) for item in items]
    by_id = {item.id: item for item in items}
    ordered: list[tuple[ActionSpec, bool]] = []
    for group in groups:
        present = [by_id.pop(action_id) for action_id in group if action_id in by_id]
        ordered += [(item, n == 0 and bool(ordered)) for n, item in enumerate(present)]
    ordered += [(item, n == 0 and bool(ordered)) for n, item in enumerate(by_id.values())]
    return ordered


def build_menus(menubar: QMenuBar, actions: dict[str, QAction]) -> dict[str, QMenu]:
    """Fill the menu bar from MENUS and REGISTRY; returns the menus by id."""
    menus: dict[str, QMenu] = {}

    def fill(menu_spec: MenuSpec, menu: QMenu) -> None:
        menus[menu_spec.id] = menu
        menu.setObjectName(f"menu_{menu_spec.id}")
        first_sub = [m for m in MENUS if m.parent == menu_spec.id and m.after is None]
        for item, separator in _menu_items(menu_spec.id):
            if separator:
                menu.addSeparator()
            menu.addAction(actions[item.id])
            for sub in MENUS:
                if sub.parent == menu_spec.id and sub.after == item.id:
                    fill(sub, menu.addMenu(""))
        for sub in first_sub:
            fill(sub, menu.addMenu(""))

    for menu_spec in MENUS:
        if menu_spec.parent is None and menu_spec.scope == "window":
            fill(menu_spec, menubar.addMenu(""))
    retranslate_menus(menus)
    return menus


def fill_scope_menu(menu: QMenu, menu_id: str, actions: dict[str, QAction]) -> None:
    """A menu of one scope's actions in registry order (the viewer's context menu)."""
    menu.clear()
    menu.setObjectName(f"menu_{menu_id}")
    menu.setTitle(action_text(next(m for m in MENUS if m.id == menu_id)))
    for item in REGISTRY:
        if item.menu == menu_id and item.id in actions:
            if item.separator_before:
                menu.addSeparator()
            menu.addAction(actions[item.id])


def retranslate_menus(menus: dict[str, QMenu]) -> None:
    for menu_spec in MENUS:
        if menu_spec.id in menus:
            menus[menu_spec.id].setTitle(action_text(menu_spec))


def build_toolbar(toolbar: QToolBar, actions: dict[str, QAction], scope: str = "window") -> None:
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for item in REGISTRY:
        if item.toolbar and item.scope == scope:
            toolbar.addAction(actions[item.id])


def fill_recent_menu(
    menu: QMenu, window: QWidget, files: list[Path], state: WindowState, clear_action: QAction
) -> None:
    """Rebuild the recent-files submenu: one `open_recent` item per file, then "clear".

    A file that is gone stays listed but disabled, so the user sees why it cannot open;
    the submenu itself is greyed out while the list is empty.
    """
    template = spec("open_recent")
    menu.clear()
    for number, path in enumerate(files, start=1):
        escaped = str(path).replace("&", "&&")
        action = QAction(f"&{number} {escaped}" if number < 10 else escaped, menu)
        action.setObjectName(template.id)
        action.setData(str(path))
        action.setStatusTip(str(path))
        action.setEnabled(template.enabled_when(state) and path.is_file())
        action.triggered.connect(
            lambda _checked=False, p=path: _invoke(window, template.handler, p)
        )
        menu.addAction(action)
    if spec("clear_recent").separator_before and files:
        menu.addSeparator()
    menu.addAction(clear_action)
    menu.menuAction().setEnabled(bool(files))


class ShortcutSheet(QDialog):
    """F1: every registry action that has a key, with the keys, built from the registry."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutSheet")
        self.setMinimumSize(600, 560)  # every row in view: window and viewer actions
        self._intro = QLabel(self)
        self._intro.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("shortcutTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.retranslate()

    def rows(self) -> list[tuple[str, str]]:
        rows = []
        for row in range(self.table.rowCount()):
            name, keys = self.table.item(row, 0), self.table.item(row, 1)
            rows.append((name.text() if name else "", keys.text() if keys else ""))
        return rows

    def retranslate(self) -> None:
        self.setWindowTitle(translate("ShortcutSheet", "Keyboard shortcuts"))
        self._intro.setText(
            translate("ShortcutSheet", "Every action that has a key. The menus show the same keys.")
        )
        self.table.setHorizontalHeaderLabels(
            [
                translate("ShortcutSheet", "Action"),
                translate("ShortcutSheet", "Shortcut"),
                translate("ShortcutSheet", "Where"),
            ]
        )
        where = {
            "window": translate("ShortcutSheet", "Main window"),
            "viewer": translate("ShortcutSheet", "Document viewer"),
            "grading": translate("ShortcutSheet", "Grading"),
        }
        items = [item for item in REGISTRY if item.shortcut is not None and not item.template]
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            name = QTableWidgetItem(plain_text(action_text(item)))
            name.setData(Qt.ItemDataRole.UserRole, item.id)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(shortcut_text(item)))
            self.table.setItem(row, 2, QTableWidgetItem(where[item.scope]))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
