"""The judge's signing key in the GUI: first-run walkthrough, choice per contest, backup, restore.

A judge signs score files with a key made on their own computer (`exchange.keys`); the head
judge pins it after the judge reads its fingerprint aloud. `SigningKeyDialog` walks a judge
without a key through making one (creation runs scrypt: off the GUI thread) and ends on the
fingerprint, large, with the public key file to send; with keys on the computer it lists them
and remembers which one is "mine" for the open contest (UI state, by contest uuid).
`KeyBackupDialog` and `KeyRestoreDialog` copy the encrypted key to and from a file the judge
keeps apart from the computer (`exchange.key_backup`); the private key leaves the key folder
no other way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QStandardPaths, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from judge_app.core.messages import render
from judge_app.exchange import keys
from judge_app.ui.errors import error_text, log_error
from judge_app.ui.i18n import current_language
from judge_app.ui.operation import Operation, Progress

if TYPE_CHECKING:
    from judge_app.exchange.key_backup import KeyBackup, RestoredKey
    from judge_app.store.database import ContestDatabase
    from judge_app.ui.settings import UiSettings

translate = QCoreApplication.translate
PUBLIC_SUFFIX = ".pem"
ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = (
    "QLabel { background: #fff4e5; border: 1px solid #e0a040; border-radius: 4px; padding: 8px; }"
)


# ---------------------------------------------------------------------------------- helpers


@dataclass(frozen=True)
class ContestRef:
    """The open workspace's contest, for remembering which key is the judge's there."""

    uuid: str
    name: str
    judge_name: str


def workspace_contest(db: ContestDatabase) -> ContestRef | None:
    """The contest of a judge's workspace (None for a board's contest file). One-row reads."""
    from sqlalchemy import select

    from judge_app.store.models import Contest, FileRole, Judge

    if db.role is not FileRole.WORKSPACE:
        return None
    with db.read_session() as session:
        contest = session.scalars(select(Contest)).first()
        judge = session.scalars(select(Judge).where(Judge.is_head.is_(False))).first()
        if contest is None:
            return None
        return ContestRef(contest.uuid, contest.name, judge.name if judge is not None else "")


def documents_folder() -> Path:
    """Where files for other people go by default: the user's Documents (else home)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


def local_time(created_at: str) -> str:
    """'2019-08-21T09:30:00+00:00' as the judge's clock shows it: '21/08/2019 16:30'."""
    try:
        moment = dt.datetime.fromisoformat(created_at)
    except ValueError:
        return created_at
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


def short_fingerprint(fingerprint: str) -> str:
    """The first group, for file names: 'khoa-cong-khai-7K3M.pem'."""
    return keys.compact_fingerprint(fingerprint)[:4]


def big_font(base: QFont, scale: float = 1.9) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(base.pointSizeF(), 9.0) * scale)
    font.setBold(True)
    return font


class FingerprintLabel(QLabel):
    """A fingerprint large enough to read aloud across a table: two lines of four groups."""

    def __init__(self, parent: QWidget | None = None, scale: float = 1.9) -> None:
        super().__init__(parent)
        self.setObjectName("bigFingerprint")
        self.setFont(big_font(self.font(), scale))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet("QLabel { padding: 6px; }")
        self.fingerprint = ""

    def set_fingerprint(self, fingerprint: str) -> None:
        self.fingerprint = fingerprint
        groups = fingerprint.split()
        half = (len(groups) + 1) // 2
        self.setText(" ".join(groups[:half]) + "\n" + " ".join(groups[half:]))


def _error_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def _show_error(label: QLabel, error: BaseException) -> None:
    log_error(error)
    label.setText(error_text(error))
    label.show()


def _password_edit(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _file_row(edit: QLineEdit, button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(button)
    return row


def _file_dialog(
    parent: QWidget, start: str, filters: list[str], *, save: bool, suffix: str
) -> QFileDialog:
    dialog = QFileDialog(parent, "", start)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setNameFilters(filters)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(suffix.lstrip("."))
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.resize(900, 560)
    return dialog


def _set_form_labels(form: QFormLayout, labels: list[str]) -> None:
    for row, text in enumerate(labels):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        widget = item.widget() if item is not None else None
        if isinstance(widget, QLabel):
            widget.setText(text)


class _KeyDialogBase(QDialog):
    """Shared: retranslate on a language switch; not closable while its job runs."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.operation: Operation[Any] | None = None

    def retranslate(self) -> None:
        """Subclasses set their texts here."""

    def reject(self) -> None:
        if self.operation is not None and self.operation.running:
            return  # the key files are being written: let it finish
        super().reject()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def save_public_key_dialog(
    parent: QWidget, info: keys.KeyInfo, on_saved: Any, on_failed: Any
) -> QFileDialog:
    """Ask where to save `info`'s public key; `export_public_key` never overwrites a file."""
    start = documents_folder() / f"khoa-cong-khai-{short_fingerprint(info.fingerprint)}.pem"
    dialog = _file_dialog(
        parent,
        str(start),
        [
            translate("SigningKeyDialog", "Public keys (*.pem)"),
            translate("SigningKeyDialog", "All files (*)"),
        ],
        save=True,
        suffix=PUBLIC_SUFFIX,
    )
    dialog.setObjectName("publicKeyFileDialog")
    dialog.setWindowTitle(translate("SigningKeyDialog", "Save the public key"))
    # An existing file is refused with a sentence; asking "overwrite?" first would mislead.
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite)
    dialog.fileSelected.connect(
        lambda name: save_public_key(parent, info, Path(name), on_saved, on_failed)
    )
    dialog.open()
    return dialog


def save_public_key(
    parent: QWidget, info: keys.KeyInfo, target: Path, on_saved: Any, on_failed: Any
) -> Operation[keys.KeyInfo]:
    fingerprint = info.fingerprint

    def work(_progress: Progress) -> keys.KeyInfo:
        return keys.export_public_key(fingerprint, target)

    return Operation(
        work,
        parent=parent,
        on_success=lambda _info: on_saved(target),
        on_failure=on_failed,
    ).start()


# ------------------------------------------------------------------------ the key dialog


class SigningKeyDialog(_KeyDialogBase):
    """Judge ▸ My signing key…: create a key (walkthrough) or choose one for this contest.

    `created` fires with the new KeyInfo, `chosen` with the fingerprint remembered as the
    judge's key for the contest.
    """

    created = Signal(object)
    chosen = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        settings: UiSettings | None = None,
        contest: ContestRef | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signingKeyDialog")
        self.settings = settings
        self.contest = contest
        self.keys: list[keys.KeyInfo] = []
        self.pages = QStackedWidget(self)
        self._build_list_page()
        self._build_create_page()
        self._build_done_page()
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.setMinimumWidth(700)
        self.resize(760, 560)
        self.retranslate()
        self.reload()
        self.pages.setCurrentWidget(self.list_page if self.keys else self.create_page)
        if not self.keys:
            self.name_edit.setFocus()

    # ------------------------------------------------------------------ pages

    def _build_list_page(self) -> None:
        page = self.list_page = QWidget(self)
        self.list_intro = QLabel(page)
        self.list_intro.setWordWrap(True)
        self.table = QTableWidget(0, 3, page)
        self.table.setObjectName("keyTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.use_selected())
        self.selected_big = FingerprintLabel(page, scale=1.5)
        self.selected_big.setObjectName("selectedFingerprint")
        self.mine_label = QLabel(page)
        self.mine_label.setObjectName("mineLabel")
        self.mine_label.setWordWrap(True)
        self.use_button = QPushButton(page)
        self.use_button.setObjectName("useKey")
        self.use_button.clicked.connect(self.use_selected)
        self.use_button.setVisible(self.contest is not None)
        self.public_button = QPushButton(page)
        self.public_button.setObjectName("savePublicKey")
        self.public_button.clicked.connect(self._save_selected_public)
        self.backup_button = QPushButton(page)
        self.backup_button.setObjectName("backupKey")
        self.backup_button.clicked.connect(self.open_backup)
        self.restore_button = QPushButton(page)
        self.restore_button.setObjectName("restoreKey")
        self.restore_button.clicked.connect(self.open_restore)
        self.new_button = QPushButton(page)
        self.new_button.setObjectName("newKey")
        self.new_button.clicked.connect(self.show_create_page)
        self.list_message = QLabel(page)
        self.list_message.setObjectName("listMessage")
        self.list_message.setWordWrap(True)
        self.list_error = _error_label(page, "listError")
        buttons = QHBoxLayout()
        for button in (self.use_button, self.public_button, self.backup_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.new_button)
        self.list_close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, page)
        self.list_close.rejected.connect(self.reject)
        layout = QVBoxLayout(page)
        layout.addWidget(self.list_intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.selected_big)
        layout.addWidget(self.mine_label)
        layout.addLayout(buttons)
        layout.addWidget(self.list_message)
        layout.addWidget(self.list_error)
        layout.addWidget(self.list_close)
        self.pages.addWidget(page)

    def _build_create_page(self) -> None:
        page = self.create_page = QWidget(self)
        self.create_title = QLabel(page)
        self.create_title.setObjectName("createTitle")
        title_font = self.create_title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setBold(True)
        self.create_title.setFont(title_font)
        self.why_label = QLabel(page)
        self.why_label.setObjectName("whyKey")
        self.why_label.setWordWrap(True)
        self.name_edit = QLineEdit(page)
        self.name_edit.setObjectName("keyName")
        if self.contest is not None:
            self.name_edit.setText(self.contest.judge_name)
        self.pass_edit = _password_edit(page, "keyPassphrase")
        self.again_edit = _password_edit(page, "keyPassphraseAgain")
        self.form = QFormLayout()
        self.form.addRow(QLabel(self), self.name_edit)
        self.form.addRow(QLabel(self), self.pass_edit)
        self.form.addRow(QLabel(self), self.again_edit)
        self.hint_label = QLabel(page)
        self.hint_label.setObjectName("passphraseHint")
        self.hint_label.setWordWrap(True)
        self.problem_label = QLabel(page)
        self.problem_label.setObjectName("createProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(ERROR_STYLE)
        self.create_error = _error_label(page, "createError")
        self.create_progress = QProgressBar(page)
        self.create_progress.setRange(0, 0)
        self.create_progress.hide()
        for edit in (self.name_edit, self.pass_edit, self.again_edit):
            edit.textChanged.connect(self._check_create)
            edit.returnPressed.connect(self.create_key)
        self.create_buttons = QDialogButtonBox(page)
        self.create_button = self.create_buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setObjectName("createKey")
        self.create_button.setDefault(True)
        self.create_back = self.create_buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.create_back.setObjectName("createBack")
        self.create_buttons.accepted.connect(self.create_key)
        self.create_buttons.rejected.connect(self._leave_create_page)
        layout = QVBoxLayout(page)
        layout.addWidget(self.create_title)
        layout.addWidget(self.why_label)
        layout.addSpacing(8)
        layout.addLayout(self.form)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.create_error)
        layout.addStretch(1)
        layout.addWidget(self.create_progress)
        layout.addWidget(self.create_buttons)
        self.pages.addWidget(page)

    def _build_done_page(self) -> None:
        page = self.done_page = QWidget(self)
        self.done_title = QLabel(page)
        self.done_title.setObjectName("doneTitle")
        self.done_title.setFont(self.create_title.font())
        self.done_intro = QLabel(page)
        self.done_intro.setWordWrap(True)
        self.big = FingerprintLabel(page)
        frame = QFrame(page)
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame_layout = QVBoxLayout(frame)
        frame_layout.addWidget(self.big)
        self.read_aloud = QLabel(page)
        self.read_aloud.setObjectName("readAloud")
        self.read_aloud.setWordWrap(True)
        self.done_public = QPushButton(page)
        self.done_public.setObjectName("doneSavePublicKey")
        self.done_public.clicked.connect(self._save_created_public)
        self.done_backup = QPushButton(page)
        self.done_backup.setObjectName("doneBackupKey")
        self.done_backup.clicked.connect(lambda: self.open_backup(self.created_key))
        self.done_message = QLabel(page)
        self.done_message.setObjectName("doneMessage")
        self.done_message.setWordWrap(True)
        self.done_error = _error_label(page, "doneError")
        row = QHBoxLayout()
        row.addWidget(self.done_public)
        row.addWidget(self.done_backup)
        row.addStretch(1)
        self.done_buttons = QDialogButtonBox(page)
        self.finish_button = self.done_buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.finish_button.setObjectName("finishKey")
        self.done_buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_title)
        layout.addWidget(self.done_intro)
        layout.addWidget(frame)
        layout.addWidget(self.read_aloud)
        layout.addLayout(row)
        layout.addWidget(self.done_message)
        layout.addWidget(self.done_error)
        layout.addStretch(1)
        layout.addWidget(self.done_buttons)
        self.pages.addWidget(page)
        self.created_key: keys.KeyInfo | None = None

    # ------------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self.setWindowTitle(translate("SigningKeyDialog", "My signing key"))
        if self.contest is not None:
            self.list_intro.setText(
                translate(
                    "SigningKeyDialog",
                    "The signing keys on this computer. Choose the one you sign the score "
                    "files of “%1” with: the head judge has pinned it for you.",
                ).replace("%1", self.contest.name)
            )
        else:
            self.list_intro.setText(
                translate(
                    "SigningKeyDialog",
                    "The signing keys on this computer. The head judge pins your key's "
                    "fingerprint; score files you sign with it are known to be yours.",
                )
            )
        self.table.setHorizontalHeaderLabels(
            [
                translate("SigningKeyDialog", "Name"),
                translate("SigningKeyDialog", "Fingerprint"),
                translate("SigningKeyDialog", "Created"),
            ]
        )
        self.use_button.setText(translate("SigningKeyDialog", "Use for this contest"))
        self.public_button.setText(translate("SigningKeyDialog", "Save public key file…"))
        self.backup_button.setText(translate("SigningKeyDialog", "Back up my key…"))
        self.restore_button.setText(translate("SigningKeyDialog", "Restore a key…"))
        self.new_button.setText(translate("SigningKeyDialog", "New key…"))
        self.create_title.setText(translate("SigningKeyDialog", "Create your signing key"))
        self.why_label.setText(
            translate(
                "SigningKeyDialog",
                "Your score files go to the head judge signed with a key that only this "
                "computer holds, so everyone can check that the scores are yours and that "
                "nobody changed them on the way. The key is locked with a passphrase that "
                "only you know: you type it each time you export your scores.",
            )
        )
        _set_form_labels(
            self.form,
            [
                translate("SigningKeyDialog", "Your name:"),
                translate("SigningKeyDialog", "Passphrase:"),
                translate("SigningKeyDialog", "Passphrase again:"),
            ],
        )
        self.name_edit.setPlaceholderText(translate("SigningKeyDialog", "e.g. Lê Thị Mai"))
        self.hint_label.setText(
            translate(
                "SigningKeyDialog",
                "At least %1 characters; a short sentence is easy to remember and hard to "
                "guess. Nobody can recover a forgotten passphrase: keep it somewhere safe.",
            ).replace("%1", str(keys.MIN_PASSPHRASE_CHARS))
        )
        self.create_button.setText(translate("SigningKeyDialog", "Create key"))
        self.create_back.setText(
            translate("SigningKeyDialog", "Back")
            if self.keys
            else translate("SigningKeyDialog", "Cancel")
        )
        self.done_title.setText(translate("SigningKeyDialog", "Your key is ready"))
        self.done_intro.setText(translate("SigningKeyDialog", "Your key's fingerprint:"))
        self.read_aloud.setText(
            translate(
                "SigningKeyDialog",
                "Read this fingerprint aloud to the head judge (in person or by phone), "
                "group by group, or send them the public key file. The head judge pins it; "
                "from then on only files signed with this key count as yours. The public key "
                "is not secret; the passphrase is.",
            )
        )
        self.done_public.setText(translate("SigningKeyDialog", "Save public key file…"))
        self.done_backup.setText(translate("SigningKeyDialog", "Back up my key…"))
        self.finish_button.setText(translate("SigningKeyDialog", "Finish"))
        self._check_create()
        self._selection_changed()

    # ------------------------------------------------------------------ list

    def reload(self, select: str | None = None) -> None:
        """Re-read the key folder (a listing of small files) and select `select` or mine."""
        self.keys = keys.list_keys()
        mine = self.mine()
        wanted = select or mine
        self.table.setRowCount(len(self.keys))
        selected_row = 0
        for row, info in enumerate(self.keys):
            name = info.name or translate("SigningKeyDialog", "(no name)")
            if info.fingerprint == mine:
                name = translate("SigningKeyDialog", "%1 (mine)").replace("%1", name)
            item = QTableWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, info.fingerprint)
            self.table.setItem(row, 0, item)
            self.table.setItem(row, 1, QTableWidgetItem(info.fingerprint))
            self.table.setItem(row, 2, QTableWidgetItem(local_time(info.created_at)))
            if info.fingerprint == wanted:
                selected_row = row
        if self.keys:
            self.table.selectRow(selected_row)
        self._selection_changed()

    def mine(self) -> str | None:
        """The key remembered for this contest, if it is still on this computer."""
        if self.contest is None or self.settings is None:
            return None
        remembered = self.settings.signing_key(self.contest.uuid)
        known = {info.fingerprint for info in self.keys}
        return remembered if remembered in known else None

    def selected(self) -> keys.KeyInfo | None:
        row = self.table.currentRow()
        return self.keys[row] if 0 <= row < len(self.keys) else None

    def _selection_changed(self) -> None:
        info = self.selected()
        for button in (self.use_button, self.public_button, self.backup_button):
            button.setEnabled(info is not None)
        self.selected_big.set_fingerprint(info.fingerprint if info else "")
        mine = self.mine()
        if self.contest is None:
            self.mine_label.setText("")
        elif mine is None:
            self.mine_label.setText(
                translate("SigningKeyDialog", "No key is chosen for this contest yet.")
            )
        else:
            self.mine_label.setText(
                translate("SigningKeyDialog", "Your key for this contest: %1").replace("%1", mine)
            )

    def use_selected(self) -> None:
        info = self.selected()
        if info is None or self.contest is None or self.settings is None:
            return
        self.settings.set_signing_key(self.contest.uuid, info.fingerprint)
        self.reload(info.fingerprint)
        self.chosen.emit(info.fingerprint)

    def _save_selected_public(self) -> QFileDialog | None:
        info = self.selected()
        if info is None:
            return None
        return save_public_key_dialog(
            self,
            info,
            lambda path: self._public_saved(self.list_message, self.list_error, info, path),
            lambda error: _show_error(self.list_error, error),
        )

    def _public_saved(self, message: QLabel, error: QLabel, info: keys.KeyInfo, path: Path) -> None:
        error.hide()
        message.setText(
            render("key_exported", current_language(), fingerprint=info.fingerprint, path=path)
        )

    def open_backup(self, info: keys.KeyInfo | None = None) -> KeyBackupDialog:
        info = info or self.selected()
        dialog = KeyBackupDialog(self, fingerprint=info.fingerprint if info else None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_restore(self) -> KeyRestoreDialog:
        dialog = KeyRestoreDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restored.connect(lambda done: self.reload(done.info.fingerprint))
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ create

    def show_create_page(self) -> None:
        self.create_error.hide()
        self.retranslate()  # "Back" now that keys exist
        self.pages.setCurrentWidget(self.create_page)
        self.name_edit.setFocus()

    def _leave_create_page(self) -> None:
        if self.operation is not None and self.operation.running:
            return
        if self.keys:
            self.pages.setCurrentWidget(self.list_page)
        else:
            self.reject()

    def create_problem(self) -> str:
        """Why the typed name and passphrases cannot make a key yet ("" when they can)."""
        if not self.name_edit.text().strip():
            return translate(
                "SigningKeyDialog", "Type your name: the head judge sees it with the key."
            )
        typed = keys.normalise_passphrase(self.pass_edit.text()).decode("utf-8")
        if len(typed) < keys.MIN_PASSPHRASE_CHARS:
            return translate(
                "SigningKeyDialog", "The passphrase needs %1 more characters."
            ).replace("%1", str(keys.MIN_PASSPHRASE_CHARS - len(typed)))
        if self.again_edit.text() != self.pass_edit.text():
            return translate("SigningKeyDialog", "Type the same passphrase twice.")
        return ""

    def _check_create(self) -> None:
        problem = self.create_problem()
        typing = bool(self.pass_edit.text() or self.again_edit.text())
        self.problem_label.setText(problem if typing or not self.name_edit.text() else "")
        running = self.operation is not None and self.operation.running
        self.create_button.setEnabled(not problem and not running)

    def create_key(self) -> Operation[keys.KeyInfo] | None:
        """Make the key on a worker thread (scrypt takes a moment), then show its fingerprint."""
        if self.create_problem() or (self.operation is not None and self.operation.running):
            self._check_create()
            return None
        name = self.name_edit.text().strip()
        passphrase = keys.normalise_passphrase(self.pass_edit.text())
        self.create_error.hide()
        self._set_creating(True)

        def work(_progress: Progress) -> keys.KeyInfo:
            return keys.create_key(name, passphrase)

        self.operation = Operation(
            work, parent=self, on_success=self._created, on_failure=self._create_failed
        )
        self.operation.done.connect(lambda: self._set_creating(False))
        return self.operation.start()

    def _set_creating(self, running: bool) -> None:
        self.create_progress.setVisible(running)
        for widget in (self.name_edit, self.pass_edit, self.again_edit, self.create_back):
            widget.setEnabled(not running)
        self.create_button.setEnabled(not running and not self.create_problem())

    def _created(self, info: keys.KeyInfo) -> None:
        self.pass_edit.clear()
        self.again_edit.clear()
        self.created_key = info
        if self.contest is not None and self.settings is not None:
            self.settings.set_signing_key(self.contest.uuid, info.fingerprint)
        self.reload(info.fingerprint)
        self.big.set_fingerprint(info.fingerprint)
        self.done_message.setText(
            render("key_location", current_language(), path=info.private_path)
        )
        self.pages.setCurrentWidget(self.done_page)
        self.finish_button.setFocus()
        self.created.emit(info)
        if self.contest is not None:
            self.chosen.emit(info.fingerprint)

    def _create_failed(self, error: BaseException) -> None:
        _show_error(self.create_error, error)

    def _save_created_public(self) -> QFileDialog | None:
        info = self.created_key
        if info is None:
            return None
        return save_public_key_dialog(
            self,
            info,
            lambda path: self._public_saved(self.done_message, self.done_error, info, path),
            lambda error: _show_error(self.done_error, error),
        )


# ------------------------------------------------------------------------------ backup


def _key_combo(parent: QWidget, fingerprint: str | None) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName("keyChoice")
    for info in keys.list_keys():
        text = f"{info.name} — {info.fingerprint}" if info.name else info.fingerprint
        combo.addItem(text, info.fingerprint)
        if info.fingerprint == fingerprint:
            combo.setCurrentIndex(combo.count() - 1)
    return combo


class KeyBackupDialog(_KeyDialogBase):
    """Back up my key…: the encrypted key files into one file the judge keeps elsewhere."""

    written = Signal(object)  # KeyBackup

    def __init__(self, parent: QWidget | None = None, *, fingerprint: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyBackupDialog")
        self.warning = QLabel(self)
        self.warning.setObjectName("backupWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.key_combo = _key_combo(self, fingerprint)
        self.key_combo.currentIndexChanged.connect(lambda _i: self._default_target())
        self.pass_edit = _password_edit(self, "backupPassphrase")
        self.target_edit = QLineEdit(self)
        self.target_edit.setObjectName("backupTarget")
        self.choose_button = QPushButton(self)
        self.choose_button.clicked.connect(self.choose_target)
        self.form = QFormLayout()
        self.form.addRow(QLabel(self), self.key_combo)
        self.form.addRow(QLabel(self), self.pass_edit)
        self.form.addRow(QLabel(self), _file_row(self.target_edit, self.choose_button))
        self.pass_hint = QLabel(self)
        self.pass_hint.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("backupMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = _error_label(self, "backupError")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.buttons = QDialogButtonBox(self)
        self.run_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.run_button.setObjectName("runBackup")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        self.pass_edit.returnPressed.connect(self.run)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addLayout(self.form)
        layout.addWidget(self.pass_hint)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)
        self.resize(700, 0)
        self._default_target()
        self.retranslate()
        self.pass_edit.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("SigningKeyDialog", "Back up my key"))
        self.warning.setText(
            translate(
                "SigningKeyDialog",
                "<b>Keep the backup apart from this computer.</b> It holds your secret key, "
                "locked with your passphrase: anyone who has the file <b>and</b> the "
                "passphrase can sign score files as you. Put it on a USB stick you keep in a "
                "safe place; never send it by e-mail or chat, and never write the passphrase "
                "on it.",
            )
        )
        _set_form_labels(
            self.form,
            [
                translate("SigningKeyDialog", "Key:"),
                translate("SigningKeyDialog", "Passphrase:"),
                translate("SigningKeyDialog", "Save the backup as:"),
            ],
        )
        self.pass_hint.setText(
            translate(
                "SigningKeyDialog",
                "The backup is written only if the passphrase opens the key, so you know "
                "it can be restored.",
            )
        )
        self.choose_button.setText(translate("SigningKeyDialog", "Choose…"))
        self.run_button.setText(translate("SigningKeyDialog", "Back up"))
        if self.key_combo.count() == 0:
            self.error.setText(
                translate("SigningKeyDialog", "There is no key on this computer yet.")
            )
            self.error.show()
            self.run_button.setEnabled(False)

    def fingerprint(self) -> str | None:
        data = self.key_combo.currentData()
        return str(data) if data else None

    def _default_target(self) -> None:
        from judge_app.exchange.key_backup import SUFFIX

        fingerprint = self.fingerprint()
        if fingerprint is not None:
            name = f"sao-luu-khoa-{short_fingerprint(fingerprint)}{SUFFIX}"
            self.target_edit.setText(str(documents_folder() / name))

    def choose_target(self) -> QFileDialog:
        from judge_app.exchange.key_backup import SUFFIX

        dialog = _file_dialog(
            self,
            self.target_edit.text(),
            [
                translate("SigningKeyDialog", "Key backups (*.jgk)"),
                translate("SigningKeyDialog", "All files (*)"),
            ],
            save=True,
            suffix=SUFFIX,
        )
        dialog.setObjectName("backupFileDialog")
        dialog.setWindowTitle(translate("SigningKeyDialog", "Save the key backup"))
        dialog.fileSelected.connect(self.target_edit.setText)
        dialog.open()
        return dialog

    def run(self) -> Operation[KeyBackup] | None:
        fingerprint, target = self.fingerprint(), self.target_edit.text().strip()
        if fingerprint is None or (self.operation is not None and self.operation.running):
            return None
        if not target or not self.pass_edit.text():
            self.error.setText(
                translate(
                    "SigningKeyDialog", "Type your passphrase and choose where to save the backup."
                )
            )
            self.error.show()
            return None
        passphrase = keys.normalise_passphrase(self.pass_edit.text())
        path = Path(target)

        def work(_progress: Progress) -> KeyBackup:
            from judge_app.exchange.key_backup import write_key_backup

            return write_key_backup(fingerprint, path, passphrase=passphrase)

        self.error.hide()
        self.message.setText("")
        self._set_running(True)
        self.operation = Operation(
            work, parent=self, on_success=self._written, on_failure=self._failed
        )
        self.operation.done.connect(lambda: self._set_running(False))
        return self.operation.start()

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        for widget in (self.run_button, self.close_button, self.pass_edit, self.key_combo):
            widget.setEnabled(not running)
        if not running:
            self.pass_edit.clear()  # never kept longer than one run

    def _written(self, backup: KeyBackup) -> None:
        self.message.setText(
            render(
                "key_backup_written",
                current_language(),
                name=backup.name,
                fingerprint=backup.fingerprint,
                path=backup.path,
            )
        )
        self.written.emit(backup)

    def _failed(self, error: BaseException) -> None:
        _show_error(self.error, error)
        self.pass_edit.setFocus()


# ----------------------------------------------------------------------------- restore


class KeyRestoreDialog(_KeyDialogBase):
    """Restore a key…: check a backup with its passphrase, then install it in the key folder."""

    restored = Signal(object)  # RestoredKey

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyRestoreDialog")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.source_edit = QLineEdit(self)
        self.source_edit.setObjectName("restoreSource")
        self.choose_button = QPushButton(self)
        self.choose_button.clicked.connect(self.choose_source)
        self.pass_edit = _password_edit(self, "restorePassphrase")
        self.form = QFormLayout()
        self.form.addRow(QLabel(self), _file_row(self.source_edit, self.choose_button))
        self.form.addRow(QLabel(self), self.pass_edit)
        self.big = FingerprintLabel(self, scale=1.5)
        self.big.hide()
        self.message = QLabel(self)
        self.message.setObjectName("restoreMessage")
        self.message.setWordWrap(True)
        self.error = _error_label(self, "restoreError")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.buttons = QDialogButtonBox(self)
        self.run_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.run_button.setObjectName("runRestore")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        self.pass_edit.returnPressed.connect(self.run)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.big)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)
        self.resize(700, 0)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("SigningKeyDialog", "Restore a key"))
        self.intro.setText(
            translate(
                "SigningKeyDialog",
                "Choose a key backup (.jgk) and type the key's passphrase. The backup is "
                "checked before anything is installed: the passphrase must open the key, and "
                "the key must be the one the backup names.",
            )
        )
        _set_form_labels(
            self.form,
            [
                translate("SigningKeyDialog", "Backup file:"),
                translate("SigningKeyDialog", "Passphrase:"),
            ],
        )
        self.choose_button.setText(translate("SigningKeyDialog", "Choose…"))
        self.run_button.setText(translate("SigningKeyDialog", "Restore"))

    def choose_source(self) -> QFileDialog:
        from judge_app.exchange.key_backup import SUFFIX

        start = self.source_edit.text() or str(documents_folder())
        dialog = _file_dialog(
            self,
            start,
            [
                translate("SigningKeyDialog", "Key backups (*.jgk)"),
                translate("SigningKeyDialog", "All files (*)"),
            ],
            save=False,
            suffix=SUFFIX,
        )
        dialog.setObjectName("restoreFileDialog")
        dialog.setWindowTitle(translate("SigningKeyDialog", "Open a key backup"))
        dialog.fileSelected.connect(self.source_edit.setText)
        dialog.open()
        return dialog

    def run(self) -> Operation[RestoredKey] | None:
        source = self.source_edit.text().strip()
        if self.operation is not None and self.operation.running:
            return None
        if not source or not self.pass_edit.text():
            self.error.setText(
                translate("SigningKeyDialog", "Choose the backup file and type its passphrase.")
            )
            self.error.show()
            return None
        passphrase = keys.normalise_passphrase(self.pass_edit.text())
        path = Path(source)

        def work(_progress: Progress) -> RestoredKey:
            from judge_app.exchange.key_backup import restore_key_backup

            return restore_key_backup(path, passphrase)

        self.error.hide()
        self.message.setText("")
        self.big.hide()
        self._set_running(True)
        self.operation = Operation(
            work, parent=self, on_success=self._restored, on_failure=self._failed
        )
        self.operation.done.connect(lambda: self._set_running(False))
        return self.operation.start()

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        for widget in (self.run_button, self.close_button, self.pass_edit, self.source_edit):
            widget.setEnabled(not running)
        if not running:
            self.pass_edit.clear()

    def _restored(self, done: RestoredKey) -> None:
        code = "key_backup_restored" if done.installed else "key_backup_already_here"
        self.big.set_fingerprint(done.info.fingerprint)
        self.big.show()
        self.message.setText(
            render(
                code,
                current_language(),
                name=done.info.name,
                fingerprint=done.info.fingerprint,
                path=self.source_edit.text().strip(),
            )
        )
        self.restored.emit(done)

    def _failed(self, error: BaseException) -> None:
        _show_error(self.error, error)
        self.pass_edit.setFocus()
