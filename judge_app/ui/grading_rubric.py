"""The rubric panel: multiple-choice answers, a score field per criterion, comments, total.

It only shows and collects: every edit leaves as a signal (question answered, score text
typed, comment typed) and the grading view decides what is valid and writes it. Keys are the
point of it: A/B/C/D record an answer, Up/Down step a score by the criterion's step, Enter
goes on to the next score, Tab to the next field (a criterion's optional comment too).
The total and the status line stay above the scrolling part, always in view.
"""

from __future__ import annotations

import html
import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCompleter,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from judge_app.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from judge_app.store.grading import (
        GradingState,
        PageNoteRow,
        Rubric,
        RubricCriterion,
        RubricQuestion,
    )

translate = QCoreApplication.translate
CONTEXT = "RubricPanel"
GOOD = "#1e7b34"
BAD = "#b42318"
NOTE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MIN_FRAGMENT = 3  # letters typed before the comment bank offers its comments

FLAG_NAMES: dict[str, str] = {
    "identity_revealed": QT_TRANSLATE_NOOP("RubricPanel", "Identity revealed in the text"),
    "suspected_copy": QT_TRANSLATE_NOOP("RubricPanel", "Suspected copy"),
    "off_topic": QT_TRANSLATE_NOOP("RubricPanel", "Off topic"),
    "wrong_format": QT_TRANSLATE_NOOP("RubricPanel", "Wrong format"),
    "unreadable": QT_TRANSLATE_NOOP("RubricPanel", "Unreadable or damaged"),
    "missing_pages": QT_TRANSLATE_NOOP("RubricPanel", "Missing pages or files"),
}


def flag_name(code: str) -> str:
    source = FLAG_NAMES.get(code)
    return translate("RubricPanel", source) if source else code


def points_text(points: object) -> str:
    """Points as a Vietnamese reader writes them (7,5); `Points.format` does the work."""
    fmt = getattr(points, "format", None)
    return str(fmt(",")) if callable(fmt) else str(points)


def action_keys(action_id: str) -> str:
    """The keys of a registry action as the F1 sheet writes them, so a hint follows the real
    shortcut if the registry changes it."""
    from judge_app.ui import actions as registry

    return registry.shortcut_text(registry.spec(action_id))


def hint_text() -> str:
    """The reminder line under the rubric: field keys, then registry actions."""
    parts = [
        translate("RubricPanel", "A–D: the option chosen"),
        translate("RubricPanel", "Delete: left blank"),
        translate("RubricPanel", "Up/Down: one step more or less"),
        translate("RubricPanel", "Enter: next score"),
        translate("RubricPanel", "Tab: next field"),
        translate("RubricPanel", "%1: submit").replace("%1", action_keys("grading_submit")),
        translate("RubricPanel", "%1: every key").replace("%1", action_keys("shortcuts")),
    ]
    return " · ".join(parts)


def _grading_keys() -> set[QKeySequence]:
    """Every key of the grading actions (fields must not swallow them: Ctrl+Z, Ctrl+E…)."""
    from judge_app.ui import actions as registry

    return {
        sequence
        for item in registry.scoped("grading")
        for sequence in registry.key_sequences(item.shortcut)
    }


def _leaves_to_actions(event: QEvent) -> bool:
    """The grading view's keys win over a field's own (its undo, an Emacs-style Ctrl+E)."""
    if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
        return False
    return QKeySequence(event.keyCombination()) in _grading_keys()


# ----------------------------------------------------------------------------- fields


class QuestionRow(QFrame):
    """One multiple-choice question: a key press records the entrant's option."""

    answered = Signal(int, str)  # question id, option ("" = left blank)
    next_wanted = Signal()
    previous_wanted = Signal()

    def __init__(self, question: RubricQuestion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.answer: str | None = None
        self.proposal: str | None = None
        self.setObjectName(f"question_{question.number}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.number_label = QLabel(self)
        bold = self.number_label.font()
        bold.setBold(True)
        self.number_label.setFont(bold)
        self.prompt_label = QLabel(question.prompt, self)
        self.prompt_label.setWordWrap(True)
        self.prompt_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.options_label = QLabel(self)
        self.options_label.setTextFormat(Qt.TextFormat.RichText)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("questionResult")
        self.result_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("✓ +0,25 ") + 4)
        layout = QGridLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.setHorizontalSpacing(8)
        layout.setVerticalSpacing(1)
        layout.addWidget(self.number_label, 0, 0)
        layout.addWidget(self.options_label, 0, 1)
        layout.addWidget(self.result_label, 0, 2)
        layout.addWidget(self.prompt_label, 1, 0, 1, 3)
        layout.setColumnStretch(1, 1)
        self.retranslate()

    @property
    def options(self) -> str:
        return self.question.options.upper()

    def set_answer(self, answer: str | None) -> None:
        self.answer = answer
        self._show()

    def set_proposal(self, option: str | None) -> None:
        self.proposal = option
        self._show()

    def is_correct(self) -> bool | None:
        """Whether the recorded option is the key's (None while nothing is recorded)."""
        if self.answer is None:
            return None
        return self.answer != "" and self.answer.upper() == self.question.answer.upper()

    def _show(self) -> None:
        parts = []
        for option in self.options:
            if option == (self.answer or "").upper():
                parts.append(
                    f"<span style='background:{GOOD if self.is_correct() else BAD};"
                    f" color:white; font-weight:bold'>&nbsp;{option}&nbsp;</span>"
                )
            else:
                parts.append(f"&nbsp;{option}&nbsp;")
        self.options_label.setText(" ".join(parts))
        correct = self.is_correct()
        if correct is None:
            if self.proposal:
                self.result_label.setText(
                    translate("RubricPanel", "Q%1: %2?")
                    .replace("%1", str(self.question.number))
                    .replace("%2", self.proposal)
                )
                self.result_label.setToolTip(
                    translate("RubricPanel", "Read in the entry's text: Enter records it")
                )
                self.result_label.setStyleSheet("color: palette(link); font-weight: bold;")
            else:
                self.result_label.setText("")
                self.result_label.setToolTip("")
        elif self.answer == "":
            self.result_label.setText(translate("RubricPanel", "blank · 0"))
            self.result_label.setStyleSheet(f"color: {BAD};")
        elif correct:
            self.result_label.setText(f"✓ +{points_text(self.question.points)}")
            self.result_label.setStyleSheet(f"color: {GOOD}; font-weight: bold;")
        else:
            self.result_label.setText("✗ 0")
            self.result_label.setStyleSheet(f"color: {BAD}; font-weight: bold;")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        plain = not (
            event.modifiers()
            & (
                Qt.KeyboardModifier.ControlModifier
                | Qt.KeyboardModifier.AltModifier
                | Qt.KeyboardModifier.MetaModifier
            )
        )
        letter = event.text().strip().upper()
        if plain and len(letter) == 1 and letter in self.options:
            self.answered.emit(self.question.id, letter)
            self.next_wanted.emit()
        elif plain and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Minus):
            self.answered.emit(self.question.id, "")
        elif plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.answer is None and self.proposal:
                self.answered.emit(self.question.id, self.proposal)
            self.next_wanted.emit()
        elif plain and key == Qt.Key.Key_Down:
            self.next_wanted.emit()
        elif plain and key == Qt.Key.Key_Up:
            self.previous_wanted.emit()
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.setStyleSheet(
            f"QFrame#{self.objectName()} {{ border: 2px solid palette(highlight); }}"
        )
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.setStyleSheet("")
        super().focusOutEvent(event)

    def retranslate(self) -> None:
        self.number_label.setText(
            translate("RubricPanel", "Question %1").replace("%1", str(self.question.number))
        )
        self.setToolTip(
            translate("RubricPanel", "Press the letter the entrant chose; Delete: left blank")
        )
        self._show()


class ScoreEdit(QLineEdit):
    """A criterion's score: `7,5` or `7.5`; Up/Down step; Enter goes to the next score."""

    step_wanted = Signal(int)  # +1 / -1
    next_wanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.setFont(font)
        self.setFixedWidth(self.fontMetrics().horizontalAdvance("00,25") + 24)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, mods = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not mods:
            self.step_wanted.emit(1 if key == Qt.Key.Key_Up else -1)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            mods & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.next_wanted.emit()
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if _leaves_to_actions(event):
            event.ignore()
            return False
        return super().event(event)


class BankLineEdit(QLineEdit):
    """A one-line comment with the comment bank as its completer (type a few letters)."""

    next_wanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bank = QStringListModel(self)
        completer = QCompleter(self.bank, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setMaxVisibleItems(10)
        self.setCompleter(completer)

    def set_bank(self, texts: list[str]) -> None:
        self.bank.setStringList(texts)

    def show_bank(self) -> None:
        """The whole bank (or what matches the text typed so far) as a list to pick from."""
        completer = self.completer()
        completer.setCompletionPrefix(self.text())
        if completer.completionCount() == 0:
            completer.setCompletionPrefix("")
        completer.complete()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        popup = self.completer().popup()
        assert popup is not None  # QCompleter always makes one
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and not popup.isVisible()
        ):
            self.next_wanted.emit()
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if _leaves_to_actions(event):
            event.ignore()
            return False
        return super().event(event)


class CommentBox(QPlainTextEdit):
    """The overall comment: several lines; the bank offers a comment for the sentence being
    typed (after three letters) and the whole bank on request (`show_bank`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.bank = QStringListModel(self)
        self.completer = QCompleter(self.bank, self)
        self.completer.setWidget(self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setMaxVisibleItems(10)
        self.completer.activated.connect(self._insert)
        self._replace = 0  # characters of the typed fragment the chosen comment replaces

    def set_bank(self, texts: list[str]) -> None:
        self.bank.setStringList(texts)

    def fragment(self) -> str:
        """What the judge is typing: the current sentence up to the cursor."""
        cursor = self.textCursor()
        block = cursor.block().text()[: cursor.positionInBlock()]
        for mark in ".!?;":
            block = block.rsplit(mark, 1)[-1]
        return block.lstrip()

    def show_bank(self) -> None:
        fragment = self.fragment()
        self.completer.setCompletionPrefix(fragment)
        self._replace = len(fragment)
        if self.completer.completionCount() == 0:
            self.completer.setCompletionPrefix("")
            self._replace = 0
        self._popup()

    def _popup(self) -> None:
        rect = self.cursorRect()
        rect.setWidth(max(self.viewport().width() - rect.left(), 200))
        self.completer.complete(rect)

    def _insert(self, text: str) -> None:
        cursor = self.textCursor()
        cursor.movePosition(cursor.MoveOperation.Left, cursor.MoveMode.KeepAnchor, self._replace)
        before = self.toPlainText()[: cursor.selectionStart()]
        glue = "" if not before or before.endswith((" ", "\n")) else " "
        cursor.insertText(glue + text)
        self.setTextCursor(cursor)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        popup = self.completer.popup()
        assert popup is not None
        if popup.isVisible() and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
            Qt.Key.Key_Escape,
            Qt.Key.Key_Tab,
            Qt.Key.Key_Backtab,
        ):
            event.ignore()  # the completer takes these
            return
        super().keyPressEvent(event)
        if not event.text() or not event.text().isprintable():
            return
        fragment = self.fragment()
        if len(fragment) >= MIN_FRAGMENT:
            self.completer.setCompletionPrefix(fragment)
            self._replace = len(fragment)
            if self.completer.completionCount() > 0:
                self._popup()
                return
        popup.hide()

    def event(self, event: QEvent) -> bool:
        if _leaves_to_actions(event):
            event.ignore()
            return False
        return super().event(event)


class CriterionBox(QFrame):
    """One written-part criterion: name, maximum and step, guide, levels, score, comment."""

    def __init__(self, number: int, criterion: RubricCriterion, parent: QWidget | None = None):
        super().__init__(parent)
        self.criterion = criterion
        self.number = number
        self.setObjectName(f"criterion_{criterion.code}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        title_font = self.title.font()
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.guide = QLabel(criterion.guide, self)
        self.guide.setWordWrap(True)
        self.guide.setVisible(bool(criterion.guide))
        self.guide.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.levels = QLabel(self)
        self.levels.setWordWrap(True)
        self.levels.setTextFormat(Qt.TextFormat.RichText)
        self.levels.setVisible(bool(criterion.levels))
        self.levels.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.score = ScoreEdit(self)
        self.score.setObjectName(f"score_{criterion.code}")
        self.out_of = QLabel(f"/ {points_text(criterion.maximum)}", self)
        self.problem = QLabel(self)
        self.problem.setObjectName(f"problem_{criterion.code}")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {BAD};")
        self.problem.hide()
        self.comment = BankLineEdit(self)
        self.comment.setObjectName(f"comment_{criterion.code}")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.score)
        row.addWidget(self.out_of)
        row.addSpacing(8)
        row.addWidget(self.comment, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(3)
        layout.addWidget(self.title)
        layout.addWidget(self.guide)
        layout.addWidget(self.levels)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        self.retranslate()

    def set_problem(self, text: str | None) -> None:
        """Red field and the reason under it; None when the score is fine."""
        if text:
            self.problem.setText(text)
            self.problem.show()
            self.score.setStyleSheet(f"QLineEdit {{ border: 2px solid {BAD}; color: {BAD}; }}")
            self.score.setToolTip(text)
        else:
            self.problem.clear()
            self.problem.hide()
            self.score.setStyleSheet("")
            self.score.setToolTip(self._score_tip())

    @property
    def has_problem(self) -> bool:
        return bool(self.problem.text())

    def _score_tip(self) -> str:
        return (
            translate(
                "RubricPanel", "0 to %1 in steps of %2 (7,5 or 7.5); Up/Down change it by a step"
            )
            .replace("%1", points_text(self.criterion.maximum))
            .replace("%2", points_text(self.criterion.step))
        )

    def retranslate(self) -> None:
        c = self.criterion
        self.title.setText(
            translate("RubricPanel", "%1. %2 (max %3, step %4)")
            .replace("%1", str(self.number))
            .replace("%2", c.name)
            .replace("%3", points_text(c.maximum))
            .replace("%4", points_text(c.step))
        )
        lines = [
            f"<b>{points_text(level.low)}–{points_text(level.high)}</b>: "
            f"{html.escape(level.descriptor)}"
            for level in c.levels
        ]
        self.levels.setText("<br>".join(lines))
        self.comment.setPlaceholderText(
            translate("RubricPanel", "Comment on this criterion (optional)")
        )
        if not self.has_problem:
            self.score.setToolTip(self._score_tip())


# ----------------------------------------------------------------------------- panel


class RubricPanel(QWidget):
    """Header (total, status, flags, what submit still needs) over the scrolling fields."""

    answer_chosen = Signal(int, str)
    score_edited = Signal(int, str)
    score_stepped = Signal(int, int)  # criterion id, +1/-1
    criterion_comment_edited = Signal(int, str)
    comment_edited = Signal(str)
    note_removal_wanted = Signal(int)  # page note id
    note_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rubricPanel")
        self.rubric: Rubric | None = None
        self.questions: dict[int, QuestionRow] = {}
        self.criteria: dict[int, CriterionBox] = {}

        self.code_label = QLabel(self)
        self.code_label.setObjectName("rubricCode")
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.35)
        big.setBold(True)
        self.code_label.setFont(big)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("rubricTotal")
        self.total_label.setFont(big)
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("rubricStatus")
        self.status_label.setWordWrap(True)
        self.flag_banner = QLabel(self)
        self.flag_banner.setObjectName("flagBanner")
        self.flag_banner.setWordWrap(True)
        self.flag_banner.setStyleSheet(
            f"background: {BAD}; color: white; padding: 4px 6px; border-radius: 3px;"
        )
        self.flag_banner.hide()
        self.message = QLabel(self)
        self.message.setObjectName("rubricMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        self.content = QWidget(self)
        self.content.setObjectName("rubricContent")
        self.fields = QVBoxLayout(self.content)
        self.fields.setContentsMargins(4, 4, 4, 10)  # the key reminder clear of the edge
        self.fields.setSpacing(6)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("rubricScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.content)

        self.choice_title = QLabel(self.content)
        self.written_title = QLabel(self.content)
        self.comment_title = QLabel(self.content)
        self.notes_title = QLabel(self.content)
        for title in (self.choice_title, self.written_title, self.comment_title, self.notes_title):
            font = title.font()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.1)
            title.setFont(font)
        self.comment = CommentBox(self.content)
        self.comment.setObjectName("overallComment")
        self.comment.setFixedHeight(self.comment.fontMetrics().lineSpacing() * 4 + 14)
        self.comment.textChanged.connect(self._comment_changed)
        self.comment_title.setBuddy(self.comment)
        self.notes = QListWidget(self.content)
        self.notes.setObjectName("pageNotes")
        self.notes.setMaximumHeight(self.notes.fontMetrics().lineSpacing() * 5 + 10)
        self.notes.installEventFilter(self)
        self.notes.itemActivated.connect(
            lambda item: self.note_activated.emit(int(item.data(NOTE_ID_ROLE)))
        )
        self.hint = QLabel(self.content)
        self.hint.setObjectName("rubricHint")
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)  # greyed: a reminder, not content
        self._filling = False

        header = QGridLayout()
        header.setContentsMargins(6, 6, 6, 2)
        header.addWidget(self.code_label, 0, 0)
        header.addWidget(self.total_label, 0, 1)
        header.addWidget(self.status_label, 1, 0, 1, 2)
        header.addWidget(self.flag_banner, 2, 0, 1, 2)
        header.addWidget(self.message, 3, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.scroll_area, 1)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self.retranslate()

    # ------------------------------------------------------------------ building

    def set_rubric(self, rubric: Rubric) -> None:
        """Build one row per question and one box per criterion (once per workspace)."""
        self.rubric = rubric
        self.fields.addWidget(self.choice_title)
        self.choice_title.setVisible(bool(rubric.questions))
        rows = []
        for question in rubric.questions:
            row = QuestionRow(question, self.content)
            row.answered.connect(self.answer_chosen)
            self.questions[question.id] = row
            self.fields.addWidget(row)
            rows.append(row)
        self.fields.addWidget(self.written_title)
        self.written_title.setVisible(bool(rubric.criteria))
        boxes = []
        for number, criterion in enumerate(rubric.criteria, start=1):
            box = CriterionBox(number, criterion, self.content)
            cid = criterion.id
            box.score.textEdited.connect(lambda text, c=cid: self.score_edited.emit(c, text))
            box.score.step_wanted.connect(lambda step, c=cid: self.score_stepped.emit(c, step))
            box.comment.textEdited.connect(
                lambda text, c=cid: self.criterion_comment_edited.emit(c, text)
            )
            box.comment.completer().activated.connect(
                lambda text, c=cid: self.criterion_comment_edited.emit(c, text)
            )
            self.criteria[cid] = box
            self.fields.addWidget(box)
            boxes.append(box)
        self.fields.addWidget(self.comment_title)
        self.fields.addWidget(self.comment)
        self.fields.addWidget(self.notes_title)
        self.fields.addWidget(self.notes)
        self.fields.addWidget(self.hint)
        self.fields.addStretch(1)
        # Enter and arrows: questions in order, then the scores, then the comment.
        stops: list[QWidget] = [*rows, *(box.score for box in boxes), self.comment]
        for here, there in itertools.pairwise(stops):
            self._link(here, there)
        for box in boxes:
            box.comment.next_wanted.connect(
                lambda b=box: self._focus(
                    stops[stops.index(b.score) + 1] if b.score in stops else self.comment
                )
            )
        for previous, row in itertools.pairwise(rows):
            row.previous_wanted.connect(lambda p=previous: self._focus(p))
        self.retranslate()

    def _link(self, here: QWidget, there: QWidget) -> None:
        if isinstance(here, QuestionRow | ScoreEdit):
            here.next_wanted.connect(lambda: self._focus(there))

    def _focus(self, widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    # ------------------------------------------------------------------ showing

    def show_entry(self, state: GradingState) -> None:
        """Fill every field from the database (a new entry is shown)."""
        self._filling = True
        try:
            for qid, row in self.questions.items():
                row.set_answer(state.answers.get(qid))
                row.set_proposal(None)
            for cid, box in self.criteria.items():
                points = state.scores.get(cid)
                box.score.setText(points_text(points) if points is not None else "")
                box.set_problem(None)
                box.comment.setText(state.criterion_comments.get(cid, ""))
            if self.comment.toPlainText() != state.comment:
                self.comment.setPlainText(state.comment)
            self.show_message(None)
        finally:
            self._filling = False
        self.update_state(state)
        self.scroll_area.verticalScrollBar().setValue(0)

    def update_state(self, state: GradingState) -> None:
        """What follows a saved change: total, status, flags, notes, ✓/✗."""
        self.code_label.setText(translate("RubricPanel", "Entry %1").replace("%1", state.code))
        max_total = points_text(self.rubric.max_total) if self.rubric is not None else "?"
        self.total_label.setText(
            translate("RubricPanel", "Total: %1 / %2")
            .replace("%1", points_text(state.total))
            .replace("%2", max_total)
        )
        for qid, row in self.questions.items():
            if row.answer != state.answers.get(qid):
                row.set_answer(state.answers.get(qid))
        self._show_status(state)
        self._show_flags(state)
        self._show_notes(state.page_notes)

    def _show_status(self, state: GradingState) -> None:
        status = str(state.status)
        if status == "submitted":
            text = translate("RubricPanel", "Submitted")
            if state.revision > 1:
                text += " · " + translate("RubricPanel", "revision %1").replace(
                    "%1", str(state.revision)
                )
            text += " · " + translate("RubricPanel", "changes are recorded as a new revision")
        else:
            text = translate("RubricPanel", "Draft")
            if state.missing:
                text += " · " + translate("RubricPanel", "still needed: %1").replace(
                    "%1", ", ".join(state.missing)
                )
            else:
                text += " · " + translate("RubricPanel", "complete: %1 submits").replace(
                    "%1", action_keys("grading_submit")
                )
        self.status_label.setText(text)

    def _show_flags(self, state: GradingState) -> None:
        if not state.flags:
            self.flag_banner.hide()
            self.flag_banner.clear()
            return
        lines = [translate("RubricPanel", "Flagged for the head judge:")]
        for code, note in state.flags.items():
            lines.append(f"• {flag_name(code)}" + (f": {note}" if note else ""))
        if getattr(state, "blocked_by", ()):
            lines.append(
                translate("RubricPanel", "It cannot be submitted until the head judge decides.")
            )
        self.flag_banner.setText("\n".join(lines))
        self.flag_banner.show()

    def _show_notes(self, notes: tuple[PageNoteRow, ...]) -> None:
        self.notes.clear()
        for note in notes:
            item = QListWidgetItem(
                translate("RubricPanel", "File %1, page %2: %3")
                .replace("%1", str(note.file_sort + 1))
                .replace("%2", str(note.page + 1))
                .replace("%3", note.text)
            )
            item.setData(NOTE_ID_ROLE, note.id)
            self.notes.addItem(item)
        self.notes.setVisible(bool(notes))
        self.notes_title.setVisible(bool(notes))

    def show_message(self, text: str | None, *, error: bool = True) -> None:
        """A line under the status: why submit was refused, or that it went through."""
        if not text:
            self.message.hide()
            self.message.clear()
            return
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {BAD if error else GOOD}; font-weight: bold;")
        self.message.show()

    def set_proposals(self, proposals: dict[int, str]) -> None:
        for qid, row in self.questions.items():
            row.set_proposal(proposals.get(qid))

    def set_general_bank(self, texts: list[str]) -> None:
        self.comment.set_bank(texts)

    def set_criterion_bank(self, criterion_id: int, texts: list[str]) -> None:
        box = self.criteria.get(criterion_id)
        if box is not None:
            box.comment.set_bank(texts)

    def set_comment_text(self, text: str) -> None:
        """Set by undo/redo: no edit signal (the caller writes)."""
        self._filling = True
        try:
            if self.comment.toPlainText() != text:
                self.comment.setPlainText(text)
                cursor = self.comment.textCursor()
                cursor.movePosition(cursor.MoveOperation.End)
                self.comment.setTextCursor(cursor)
        finally:
            self._filling = False

    def invalid_scores(self) -> list[str]:
        return [box.criterion.code for box in self.criteria.values() if box.has_problem]

    def first_field(self) -> QWidget | None:
        """Where grading starts: the first unanswered question, else the first empty score."""
        for row in self.questions.values():
            if row.answer is None:
                return row
        for box in self.criteria.values():
            if not box.score.text().strip():
                return box.score
        rows = list(self.questions.values())
        boxes = list(self.criteria.values())
        return rows[0] if rows else boxes[0].score if boxes else self.comment

    def focus_first_field(self) -> None:
        widget = self.first_field()
        if widget is not None:
            self._focus(widget)

    def focus_comment(self) -> None:
        self.comment.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.scroll_area.ensureWidgetVisible(self.comment)

    def _comment_changed(self) -> None:
        if not self._filling:
            self.comment_edited.emit(self.comment.toPlainText())

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Keep the field being typed in on screen (its whole criterion if it fits)."""
        if new is None or not self.content.isAncestorOf(new):
            return
        target: QWidget = new
        parent = new.parentWidget()
        if isinstance(parent, CriterionBox):
            target = parent
        self.scroll_area.ensureWidgetVisible(target, 8, 8)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Delete on a page note removes it."""
        if (
            watched is self.notes
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
        ):
            item = self.notes.currentItem()
            if item is not None:
                self.note_removal_wanted.emit(int(item.data(NOTE_ID_ROLE)))
            return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ language

    def retranslate(self) -> None:
        self.choice_title.setText(translate("RubricPanel", "Multiple-choice answers"))
        self.written_title.setText(translate("RubricPanel", "Written part: criteria"))
        self.comment_title.setText(translate("RubricPanel", "Overall &comment"))
        self.notes_title.setText(translate("RubricPanel", "Page notes (Delete removes one)"))
        self.comment.setPlaceholderText(
            translate(
                "RubricPanel", "Type a few letters for the comment bank, or press %1"
            ).replace("%1", action_keys("grading_bank"))
        )
        self.hint.setText(hint_text())
        for row in self.questions.values():
            row.retranslate()
        for box in self.criteria.values():
            box.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
