"""The main window: menus and toolbar from the action registry, welcome panel or contest view.

The window holds no rules: it opens files through `store.database` on a worker thread
(`Operation`), shows what `store.overview` reads, backs the open file up every ten minutes,
and turns every failure into the translated error dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QImage
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from judge_app.core.errors import JudgeAppError
from judge_app.ui import actions as registry
from judge_app.ui.contest_view import ContestView
from judge_app.ui.dialogs import about_box, contest_file_dialog
from judge_app.ui.errors import log_error, show_error
from judge_app.ui.i18n import Translations
from judge_app.ui.operation import FutureWatcher, Operation, Progress
from judge_app.ui.settings import UiSettings
from judge_app.ui.viewer import DocumentPages, EntryViewerWindow
from judge_app.ui.welcome import WelcomePanel

if TYPE_CHECKING:
    from judge_app.documents.service import DocumentService
    from judge_app.exchange.workspace import WorkspaceReport
    from judge_app.store.database import ContestDatabase
    from judge_app.store.overview import ContestOverview, EntryRow
    from judge_app.ui.board_assign import AssignDialog
    from judge_app.ui.board_lock import LockDialog, RevealDialog
    from judge_app.ui.board_packages import PackagesDialog
    from judge_app.ui.board_receive import ReceiveDialog
    from judge_app.ui.board_seal import SealDialog
    from judge_app.ui.board_workspace import PackageOpener
    from judge_app.ui.grading_window import GradingView
    from judge_app.ui.judge_key_dialogs import ContestRef, SigningKeyDialog
    from judge_app.ui.score_export_dialog import ScoreExportDialog
    from judge_app.ui.setup_wizard import SetupWizard

translate = QCoreApplication.translate
BACKUP_INTERVAL_MS = 10 * 60 * 1000
BACKUP_REASON = "auto"


@dataclass
class LoadedContest:
    """What the worker thread hands back after opening or creating a contest file."""

    db: ContestDatabase
    overview: ContestOverview
    rows: list[EntryRow]


def load_contest(path: Path, *, create: bool) -> LoadedContest:
    """Open (or create) the file and read what the window shows. Runs on a worker thread."""
    # Imported here: SQLAlchemy costs ~0.2 s, which the first window must not wait for.
    from judge_app.store.database import create_contest_file, open_contest_file
    from judge_app.store.overview import read_entry_rows, read_overview

    db = create_contest_file(path) if create else open_contest_file(path)
    try:
        with db.read_session() as session:
            overview = read_overview(session)
            rows = read_entry_rows(session)
    except BaseException:
        db.close()
        raise
    return LoadedContest(db, overview, rows)


def entry_file_paths(db: ContestDatabase, code: str) -> list[Path]:
    """The files of entry `code` in their order, as paths on disk. Runs on a worker thread."""
    from sqlalchemy import select

    from judge_app.store.models import Entry, EntryFile

    with db.read_session() as session:
        stored = session.scalars(
            select(EntryFile.stored_path)
            .join(Entry, Entry.id == EntryFile.entry_id)
            .where(Entry.code == code)
            .order_by(EntryFile.sort, EntryFile.id)
        ).all()
    return [db.path.parent / Path(name) for name in stored]


WARM_DOCUMENTS_AFTER_MS = 1000  # after the entry list is drawn, not competing with it


def start_document_service() -> DocumentService:
    """The one document service (its module and sandbox load only when first needed)."""
    from judge_app.documents.service import DocumentService
    from judge_app.ui.i18n import current_language

    return DocumentService(lang=current_language())


@dataclass
class EntryFiles:
    """What the worker hands back before the viewer opens an entry."""

    service: DocumentPages
    paths: list[Path]
    next_paths: list[Path]


class MainWindow(QMainWindow):
    """The app window. `contest_loaded`, `contest_closed` and `idle` let callers and tests
    wait for background work without sleeping."""

    contest_loaded = Signal(Path)
    contest_closed = Signal()
    entries_reloaded = Signal()
    idle = Signal()

    def __init__(
        self,
        translations: Translations,
        settings: UiSettings,
        icon: QIcon,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon)
        self._translations = translations
        self._settings = settings
        self._icon = icon
        self.db: ContestDatabase | None = None
        self._busy = 0
        self._backup: Operation[Path] | None = None
        self._integrity_watcher: FutureWatcher | None = None
        self._closing = False
        self.last_error: BaseException | None = None  # of the last open/create
        # Started on first use, on a worker thread; tests swap in a fake.
        self.make_document_service: Callable[[], DocumentPages] = start_document_service
        self.documents: DocumentPages | None = None
        self._warming = False
        self.viewer_window: EntryViewerWindow | None = None
        self._entry_serial = 0  # only the entry asked for last is shown
        self.grading_view: GradingView | None = None  # a judge's workspace is open (issue #6)
        self.grading_menu: QMenu | None = None

        self.registry_actions = registry.create_actions(self)
        self.menus = registry.build_menus(self.menuBar(), self.registry_actions)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        registry.build_toolbar(self.toolbar, self.registry_actions)
        self.addToolBar(self.toolbar)

        self.welcome = WelcomePanel(icon, self)
        self.welcome.bind_actions(
            self.registry_actions["open_contest"], self.registry_actions["new_contest"]
        )
        self.welcome.open_requested.connect(self.open_contest_path)
        self.contest_view = ContestView(self)
        self.contest_view.entry_activated.connect(self.open_entry)
        # The entry list's right-click menu: the redaction tool on the clicked entry.
        self.contest_view.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.contest_view.table.addAction(self.registry_actions["board_redaction"])
        self.redaction_window: QWidget | None = None
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.contest_view)
        self.setCentralWidget(self.stack)

        self.path_label = QLabel(self)
        self.path_label.setObjectName("statusPath")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("statusCount")
        self.statusBar().addWidget(self.path_label, 1)
        self.statusBar().addPermanentWidget(self.count_label)

        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_INTERVAL_MS)
        self.backup_timer.timeout.connect(self.backup_now)

        self.resize(1100, 720)
        if settings.geometry is not None:
            self.restoreGeometry(settings.geometry)
        self.refresh_state()
        self.retranslate()

    # ----------------------------------------------------------------------------- state

    @property
    def busy(self) -> bool:
        return self._busy > 0

    def window_state(self) -> registry.WindowState:
        return registry.WindowState(
            has_contest=self.db is not None,
            busy=self.busy,
            has_recent=bool(self._settings.recent_files()),
            language=self._translations.language,
            has_workspace=self.grading_view is not None,
        )

    def refresh_state(self) -> None:
        """Re-evaluate every action's enabled-when and the recent-file lists."""
        state = self.window_state()
        registry.update_enabled(self.registry_actions, state)
        files = self._settings.recent_files()
        registry.fill_recent_menu(
            self.menus["recent"], self, files, state, self.registry_actions["clear_recent"]
        )
        self.welcome.set_recent_files(files)

    def _set_busy(self, busy: bool) -> None:
        self._busy += 1 if busy else -1
        self.refresh_state()
        if not self.busy:
            self.idle.emit()

    def retranslate(self) -> None:
        registry.retranslate_actions(self.registry_actions)
        registry.retranslate_menus(self.menus)
        self.toolbar.setWindowTitle(translate("MainWindow", "Toolbar"))
        self.refresh_state()  # the recent menu's "clear" text and the welcome list
        self._update_titles()

    def _update_titles(self) -> None:
        if self.db is None:
            self.setWindowTitle("judge-app")
            self.path_label.setText(translate("MainWindow", "No contest open"))
            self.count_label.setText("")
        else:
            if self.grading_view is not None:
                self.setWindowTitle(self.grading_view.title_text())
            else:
                self.setWindowTitle(f"{self.db.path.name} — judge-app")
            self.path_label.setText(
                translate("MainWindow", "Contest file: %1").replace("%1", str(self.db.path))
            )
            count = self.contest_view.model.rowCount()
            self.count_label.setText(
                translate("MainWindow", "Entries: %1").replace("%1", str(count))
            )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----------------------------------------------------------------------------- handlers

    def _start_folder(self) -> Path:
        files = self._settings.recent_files()
        for path in files:
            if path.parent.is_dir():
                return path.parent
        return Path.home()

    def new_contest(self) -> SetupWizard:
        """The set-up wizard; the contest it creates opens here."""
        from judge_app.ui.setup_wizard import SetupWizard

        wizard = SetupWizard(self, start_folder=self._start_folder())
        wizard.created.connect(self.open_contest_path)
        self._delete_on_close(wizard)
        wizard.open()
        return wizard

    def export_template(self) -> QFileDialog | None:
        """File ▸ Export contest as template: next year's starting point for the wizard."""
        if self.db is None:
            return None
        from judge_app.ui.setup_wizard import export_template_dialog

        return export_template_dialog(self, self.db, self.db.path.parent)

    def export_rubric(self) -> QFileDialog | None:
        if self.db is None:
            return None
        from judge_app.ui.setup_wizard import export_rubric_dialog

        return export_rubric_dialog(self, self.db, self.db.path.parent)

    def print_score_sheets(self) -> Operation[tuple[Path, list[QImage]]] | None:
        """Board ▸ Print score sheets: every judge's sheet, made and rendered off the GUI
        thread, then shown in the print preview (print, or save as PDF)."""
        if self.db is None:
            return None
        from judge_app.reports.score_sheet import score_sheets_from_contest
        from judge_app.ui.print_preview import preview_pdf

        db = self.db
        return preview_pdf(self, lambda path: score_sheets_from_contest(db, path), "phieu-cham.pdf")

    def open_contest(self) -> None:
        dialog = contest_file_dialog(self, create=False, folder=self._start_folder())
        dialog.fileSelected.connect(lambda name: self.open_contest_path(Path(name)))
        self._delete_on_close(dialog)
        dialog.open()

    def open_recent(self, path: Path) -> None:
        self.open_contest_path(path)

    def clear_recent(self) -> None:
        self._settings.clear_recent()
        self.refresh_state()

    def open_contest_path(self, path: Path) -> Operation[LoadedContest]:
        """Open `path` in the background; the current contest stays open until it succeeds."""
        return self._load(path, create=False)

    def create_contest_path(self, path: Path) -> Operation[LoadedContest]:
        return self._load(path, create=True)

    def _load(self, path: Path, *, create: bool) -> Operation[LoadedContest]:
        if create:
            message = translate("MainWindow", "Creating %1…")
        else:
            message = translate("MainWindow", "Opening %1…")
        self.statusBar().showMessage(message.replace("%1", str(path)))
        self._set_busy(True)
        operation = Operation(
            lambda _progress: load_contest(path, create=create),
            parent=self,
            on_success=self._contest_ready,
            on_failure=lambda error: self._load_failed(path, error),
        )
        return operation.start()

    def _contest_ready(self, loaded: LoadedContest) -> None:
        if self._closing:  # the window closed while the file was opening
            loaded.db.close()
            return
        self.last_error = None
        self._close_db()
        self.db = loaded.db
        self._settings.add_recent(loaded.db.path)
        self.contest_view.show_contest(loaded.overview, loaded.rows)
        self.stack.setCurrentWidget(self.contest_view)
        self._open_grading_if_workspace(loaded.db)
        self.statusBar().clearMessage()
        self.backup_timer.start()
        self._integrity_watcher = FutureWatcher(loaded.db.integrity_future, self)
        self._integrity_watcher.resolved.connect(self._integrity_checked)
        self._update_titles()
        self._set_busy(False)
        self.contest_loaded.emit(loaded.db.path)
        QTimer.singleShot(WARM_DOCUMENTS_AFTER_MS, self, self._warm_documents)

    def _load_failed(self, path: Path, error: BaseException) -> None:
        self.last_error = error
        if self._closing:  # nobody left to show it to: the log keeps it
            log_error(error)
            return
        self.statusBar().clearMessage()
        if isinstance(error, JudgeAppError) and error.code == "file_not_found":
            self._settings.remove_recent(path)
        self._set_busy(False)
        show_error(self, error)

    def _integrity_checked(self, outcome: object) -> None:
        """A background quick_check finished; a damaged file is closed before more writes."""
        if isinstance(outcome, BaseException) and self.db is not None:
            self.close_contest()
            show_error(self, outcome)

    def open_selected_entry(self) -> None:
        code = self.contest_view.code_at(self.contest_view.table.currentIndex().row())
        if code is not None:
            self.open_entry(code)

    def open_entry(self, code: str) -> Operation[EntryFiles] | None:
        """Show entry `code`'s files in the viewer window; the next entry's open early."""
        db = self.db
        if db is None:
            return None
        self._entry_serial += 1
        serial = self._entry_serial
        next_code = self.contest_view.code_after(code)
        service = self.documents
        make_service = self.make_document_service

        def work(_progress: Progress) -> EntryFiles:
            paths = entry_file_paths(db, code)
            next_paths = entry_file_paths(db, next_code) if next_code else []
            return EntryFiles(service or make_service(), paths, next_paths)

        def show(found: EntryFiles) -> None:
            if self.documents is None and not self._closing:
                self.documents = found.service
            elif found.service is not self.documents:
                found.service.shutdown()  # the window closed, or two first opens raced
            if self._closing or self.db is not db or serial != self._entry_serial:
                return
            window = self.entry_viewer()
            window.viewer.set_service(self.documents)
            window.show_entry(code, found.paths)
            window.viewer.prefetch_files(found.next_paths)
            window.show()
            window.raise_()
            window.activateWindow()

        return Operation(work, parent=self, on_success=show).start()

    def _warm_documents(self) -> None:
        """Start the document service (and its sandbox child, ~0.2 s) once a contest is open,
        so the judge's first entry does not wait for it."""
        if self.documents is not None or self._closing or self.db is None or self._warming:
            return
        self._warming = True
        make_service = self.make_document_service

        def work(_progress: Progress) -> DocumentPages:
            return make_service()

        def ready(service: DocumentPages) -> None:
            self._warming = False
            if self.documents is None and not self._closing:
                self.documents = service
                if self.grading_view is not None:
                    self.grading_view.set_service(service)
            else:
                service.shutdown()  # an entry was opened meanwhile, or the window closed

        Operation(work, parent=self, on_success=ready).start()

    # ----------------------------------------------------------------------------- board

    def board_service(self) -> DocumentService | None:
        """The running document service for intake's format checks, if one is up (a fake
        service in tests, or none yet, means no format checks: the entry list shows them
        later)."""
        from judge_app.documents.service import DocumentService

        return self.documents if isinstance(self.documents, DocumentService) else None

    def receive_entries(self) -> ReceiveDialog | None:
        if self.db is None:
            return None
        from judge_app.ui.board_receive import ReceiveDialog

        dialog = ReceiveDialog(
            self.db, self, service=self.board_service(), open_entry=self.open_entry
        )
        dialog.received.connect(lambda _report: self.reload_entries())
        self._delete_on_close(dialog)
        dialog.open()
        return dialog

    # Intake review (issue #5): list columns, unmatched files and namesakes, identity leaks.

    def check_participant_list(self) -> QFileDialog | None:
        """Pick a unit's list, then see and fix how its columns are read."""
        if self.db is None:
            return None
        dialog = QFileDialog(
            self, translate("MainWindow", "Participant list"), str(self.db.path.parent)
        )
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        self._delete_on_close(dialog)
        dialog.resize(900, 560)
        dialog.fileSelected.connect(lambda name: self.check_list_path(Path(name)))
        dialog.open()
        return dialog

    def check_list_path(self, path: Path) -> QWidget | None:
        if self.db is None:
            return None
        from judge_app.ui.board_columns import ColumnsDialog

        dialog = ColumnsDialog(self.db, path, self)
        self._delete_on_close(dialog)
        dialog.open()
        return dialog

    def link_unmatched_entries(self) -> QWidget | None:
        if self.db is None:
            return None
        from judge_app.ui.board_link import LinkDialog

        dialog = LinkDialog(self.db, self, open_entry=self.open_entry)
        dialog.linked.connect(lambda _outcome: self.reload_entries())
        self._delete_on_close(dialog)
        dialog.open()
        return dialog

    def scan_identity_leaks(self) -> QWidget | None:
        if self.db is None:
            return None
        from judge_app.ui.board_leaks import LeakDialog

        dialog = LeakDialog(self.db, self, open_entry=self.open_entry)
        self._delete_on_close(dialog)
        dialog.open()
        return dialog

    def assign_round(self) -> AssignDialog | None:
        if self.db is None:
            return None
        from judge_app.ui.board_assign import AssignDialog

        dialog = AssignDialog(self.db, self)
        dialog.assigned.connect(lambda _result: self.reload_entries())
        self._delete_on_close(dialog)
        dialog.open()
        return dialog

    def make_packages(self) -> PackagesDialog | None:
        if self.db is None:
            return None
        from judge_app.ui.board_packages import PackagesDialog

        dialog = PackagesDialog(self.db, self)
        self._delete_on_close(dialog)
        dialog.open()
        return dialog

    def open_redaction_tool(self, code: str | None = None) -> Operation[DocumentPages] | None:
        """The redaction tool on entry `code` (default: the entry selected in the list)."""
        db = self.db
        if db is None:
            return None
        if code is None:
            row = self.contest_view.table.currentIndex().row()
            code = self.contest_view.code_at(max(row, 0))
        if code is None:
            return None
        service = self.documents
        make_service = self.make_document_service

        def work(_progress: Progress) -> DocumentPages:
            return service or make_service()

        def show(found: DocumentPages) -> None:
            if self.documents is None and not self._closing:
                self.documents = found
            elif found is not self.documents:
                found.shutdown()
            if self._closing or self.db is not db or self.documents is None:
                return
            from judge_app.ui.board_redaction import RedactionWindow

            window = RedactionWindow(db, self.documents, code, self)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.show()
            self.redaction_window = window

        return Operation(work, parent=self, on_success=show).start()

    # The head judge's merge (issue #7): judges' keys, score files, scores and discrepancies.

    def manage_judge_keys(self) -> QWidget | None:
        if self.db is None:
            return None
        from judge_app.ui.board_keys import KeysDialog

        dialog = KeysDialog(self.db, self)
        self._delete_on_close(dialog)
        dialog.open()
        return dialog

    def merge_score_files(self) -> QWidget | None:
        if self.db is None:
            return None
        from judge_app.ui.board_merge import MergeDialog
        from judge_app.ui.merge_view import ScoresWindow

        dialog = MergeDialog(self.db, self)
        for scores in self.findChildren(ScoresWindow):
            if scores.isVisible():  # an open scores window shows the merged gradings at once
                dialog.merged.connect(scores.reload)
        self._delete_on_close(dialog)
        dialog.open()
        return dialog

    def show_scores(self) -> QWidget | None:
        """The scores and discrepancies window (one per contest, raised when open)."""
        from judge_app.ui.merge_view import ScoresWindow

        return self._board_window(ScoresWindow)

    def show_results(self) -> QWidget | None:
        """The results window (issue #8; one per contest, raised when open)."""
        from judge_app.ui.results_view import ResultsWindow

        return self._board_window(ResultsWindow)

    def show_appeals(self) -> QWidget | None:
        """Board → Appeals… (phúc khảo; one window per contest, raised when open)."""
        from judge_app.ui.board_appeals import AppealsWindow

        return self._board_window(AppealsWindow)

    def show_shortlist(self) -> QWidget | None:
        """Board → Shortlist and finalists… (one window per contest, raised when open)."""
        from judge_app.ui.board_shortlist import ShortlistWindow

        return self._board_window(
            ShortlistWindow, lambda w: w.imported.connect(self._finalists_imported)
        )

    def _board_window(
        self, kind: type[Any], setup: Callable[[Any], object] | None = None
    ) -> QWidget | None:
        """The open window of `kind` for this contest, raised; else a new one that closes with
        the contest. Board windows are not modal: the head judge keeps the list beside them."""
        if self.db is None:
            return None
        shown = (w for w in self.findChildren(kind) if w.isVisible() and w.db is self.db)
        window = next(shown, None)
        if window is None:
            window = kind(self.db, self)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.contest_closed.connect(window.close)
            self.contest_loaded.connect(window.close)
            if setup is not None:
                setup(window)
            window.reload()
        window.show()
        window.raise_()
        window.activateWindow()
        return cast(QWidget, window)

    def _finalists_imported(self, _done: object, target: Path) -> None:
        """Finalists imported into the open contest show in its entry list at once."""
        if self.db is not None and Path(target).resolve() == self.db.path.resolve():
            self.reload_entries()

    def seal_identities(self) -> SealDialog | None:
        if self.db is None:
            return None
        from judge_app.ui.board_seal import SealDialog

        dialog = SealDialog(self.db, self)
        dialog.sealed.connect(lambda _count: self.reload_entries())
        self._delete_on_close(dialog)
        dialog.open()
        return dialog

    def lock_scores(self) -> LockDialog | None:
        if self.db is None:
            return None
        from judge_app.ui.board_lock import LockDialog

        dialog = LockDialog(self.db, self)
        self._delete_on_close(dialog)
        dialog.open()
        return dialog

    def reveal_identities(self) -> RevealDialog | None:
        if self.db is None:
            return None
        from judge_app.intake.seal import seal_key_count
        from judge_app.store.results_lock import lock_state
        from judge_app.ui.board_lock import RevealDialog

        keys = seal_key_count(self.db)
        if keys is None:
            show_error(self, JudgeAppError("seal_not_set_up", self.db.path))
            return None
        dialog = RevealDialog(self.db, self, keys=keys, locked=lock_state(self.db).locked)
        dialog.revealed.connect(lambda _count: self.reload_entries())
        self._delete_on_close(dialog)
        dialog.open()
        return dialog

    def open_grading_package(self) -> QFileDialog:
        from judge_app.ui.board_workspace import package_file_dialog

        dialog = package_file_dialog(self, self._start_folder())
        dialog.fileSelected.connect(lambda name: self.open_package_path(Path(name)))
        dialog.open()
        return dialog

    def open_package_path(self, package: Path) -> PackageOpener:
        """Verify `package` into its workspace (asking for the head judge's fingerprint the
        first time), then open the workspace here."""
        from judge_app.core.messages import render
        from judge_app.ui.board_workspace import PackageOpener
        from judge_app.ui.i18n import current_language

        opener = PackageOpener(self, package)

        def opened(report: WorkspaceReport) -> None:
            self.statusBar().showMessage(
                render(
                    "workspace_opened",
                    current_language(),
                    package=report.package,
                    path=report.path,
                    judge=report.judge,
                    round=report.round,
                    entries=report.entries_added,
                    files=report.files_written,
                ),
                15_000,
            )
            loading = self.open_contest_path(report.path)
            # First run on this computer: the judge makes a signing key before grading.
            loading.done.connect(self.offer_signing_key)  # after the workspace is shown
            opener.deleteLater()

        opener.opened.connect(opened)
        opener.start()
        return opener

    # The judge's signing key and score file (ui/judge_key_dialogs.py, issue #7).

    def _workspace_contest(self) -> ContestRef | None:
        from judge_app.ui.judge_key_dialogs import workspace_contest

        return workspace_contest(self.db) if self.db is not None else None

    def show_signing_key(self) -> SigningKeyDialog:
        """Create a key (walkthrough) or choose one for the open workspace's contest."""
        from judge_app.ui.judge_key_dialogs import SigningKeyDialog

        dialog = SigningKeyDialog(self, settings=self._settings, contest=self._workspace_contest())
        self._delete_on_close(dialog)
        dialog.open()
        return dialog

    def offer_signing_key(self) -> SigningKeyDialog | None:
        """The walkthrough, when a workspace is open and this computer has no key yet."""
        from judge_app.exchange.keys import list_keys

        if self.grading_view is None or list_keys():
            return None
        return self.show_signing_key()

    def backup_signing_key(self) -> QWidget:
        from judge_app.ui.judge_key_dialogs import KeyBackupDialog

        contest = self._workspace_contest()
        mine = self._settings.signing_key(contest.uuid) if contest is not None else None
        dialog = KeyBackupDialog(self, fingerprint=mine)
        self._delete_on_close(dialog)
        dialog.open()
        return dialog

    def restore_signing_key(self) -> QWidget:
        from judge_app.ui.judge_key_dialogs import KeyRestoreDialog

        dialog = KeyRestoreDialog(self)
        self._delete_on_close(dialog)
        dialog.open()
        return dialog

    def export_score_file(self) -> ScoreExportDialog | None:
        """Sign the open workspace's scores; what the judge typed is written first."""
        if self.db is None:
            return None
        from judge_app.ui.score_export_dialog import ScoreExportDialog

        view = self.grading_view
        dialog = ScoreExportDialog(
            self.db,
            self,
            settings=self._settings,
            flush=view.session.flush if view is not None else None,
        )
        self._delete_on_close(dialog)
        dialog.open()
        return dialog

    def reload_entries(self) -> Operation[LoadedContest] | None:
        """Re-read the overview and the entry list after the board changed the file."""
        db = self.db
        if db is None:
            return None

        def work(_progress: Progress) -> LoadedContest:
            from judge_app.store.overview import read_entry_rows, read_overview

            with db.read_session() as session:
                return LoadedContest(db, read_overview(session), read_entry_rows(session))

        def show(loaded: LoadedContest) -> None:
            if self.db is loaded.db and not self._closing:
                self.contest_view.show_contest(loaded.overview, loaded.rows)
                self._update_titles()
                self.entries_reloaded.emit()

        return Operation(work, parent=self, on_success=show).start()

    # ----------------------------------------------------------------------------- grading

    def _open_grading_if_workspace(self, db: ContestDatabase) -> None:
        """A judge's workspace opens in the grading view (its list, the document, the rubric)
        instead of the board's entry table."""
        from judge_app.store.models import FileRole
        from judge_app.ui.grading_window import GradingView

        if db.role is not FileRole.WORKSPACE:
            return
        view = GradingView(db, self, help_action=self.registry_actions["shortcuts"])
        view.title_changed.connect(self._update_titles)
        view.workspace_loaded.connect(self._update_titles)
        self.grading_view = view
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        self.grading_menu = QMenu(self)
        registry.fill_scope_menu(self.grading_menu, "grading", view.actions_by_id)
        self.menus["grading"] = self.grading_menu  # retranslated with the others
        self.menuBar().insertMenu(self.menus["help"].menuAction(), self.grading_menu)
        if self.documents is not None:
            view.set_service(self.documents)
        else:
            QTimer.singleShot(0, self, self._warm_documents)  # the judge needs pages at once
        view.load()

    def _close_grading(self) -> None:
        """Everything typed reaches the workspace before its database closes."""
        view, self.grading_view = self.grading_view, None
        if view is None:
            return
        view.close_workspace()
        self.stack.removeWidget(view)
        view.deleteLater()
        self.menus.pop("grading", None)
        if self.grading_menu is not None:
            self.menuBar().removeAction(self.grading_menu.menuAction())
            self.grading_menu.deleteLater()
            self.grading_menu = None

    def entry_viewer(self) -> EntryViewerWindow:
        if self.viewer_window is None:
            self.viewer_window = EntryViewerWindow(
                self, help_action=self.registry_actions["shortcuts"]
            )
        return self.viewer_window

    def close_contest(self) -> None:
        self._close_viewer()
        self._close_db()
        self.contest_view.clear()
        self.stack.setCurrentWidget(self.welcome)
        self._update_titles()
        self.refresh_state()
        self.contest_closed.emit()

    def _close_db(self) -> None:
        self.backup_timer.stop()
        if self._backup is not None:
            self._backup.wait(30)  # a snapshot in progress reads the file: let it finish
        if self._integrity_watcher is not None:
            self._integrity_watcher.deleteLater()
            self._integrity_watcher = None
        self._close_grading()
        if self.db is not None:
            db, self.db = self.db, None
            db.close()

    def backup_now(self) -> Operation[Path] | None:
        """Snapshot the open file (timer: every ten minutes). Skipped if one is running."""
        if self.db is None or self._backup is not None:
            return None
        db = self.db

        def work(_progress: Progress) -> Path:
            from judge_app.store.backup import backup_contest

            return backup_contest(db, BACKUP_REASON)

        def finished() -> None:
            self._backup = None

        def succeeded(target: Path) -> None:
            self.statusBar().showMessage(
                translate("MainWindow", "Backup saved: %1").replace("%1", str(target)), 10_000
            )

        self._backup = Operation(work, parent=self, on_success=succeeded)
        self._backup.done.connect(finished)
        return self._backup.start()

    def use_vietnamese(self) -> None:
        self.set_language("vi")

    def use_english(self) -> None:
        self.set_language("en")

    def set_language(self, lang: str) -> None:
        """Switch the UI language now and remember it for the next start."""
        self._translations.set_language(lang)
        self._settings.language = self._translations.language
        self.refresh_state()

    def show_shortcuts(self) -> registry.ShortcutSheet:
        sheet = registry.ShortcutSheet(self)
        self._delete_on_close(sheet)
        sheet.open()
        return sheet

    def show_about(self) -> QMessageBox:
        box = about_box(self, self._icon)
        self._delete_on_close(box)
        return box

    def _delete_on_close(self, dialog: QWidget) -> None:
        """Dialogs are deleted when closed, so none piles up over a long session."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def _close_viewer(self) -> None:
        if self.viewer_window is not None:
            self.viewer_window.close()  # closes its documents

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._closing = True
        self._settings.geometry = self.saveGeometry()
        self._settings.sync()
        self._close_viewer()
        self._close_db()
        if self.documents is not None:
            self.documents.shutdown()  # stops the render thread and its child process
            self.documents = None
        super().closeEvent(event)
