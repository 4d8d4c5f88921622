"""A character counter inside a text field ("1.234/5.000"), red when over the limit (#14).

``limit_text(edit, maximum)`` works on a QPlainTextEdit, a QTextEdit or a QLineEdit (also the
line edit of an editable combo box). Nothing is ever cut: a text pasted over the limit stays
whole and visible, the counter turns red and says by how much, and the core refuses to save it
with the field and the limit (servicedesk.limits) — the user decides what to shorten. A
QLineEdit's own ``maxLength`` would cut a pasted text without a word, so it is lifted here.
Multi-line fields show the counter always (in the bottom-right corner); single-line ones once
80% of the limit is reached, where it would otherwise sit on top of short texts.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from .. import fmt

LINE_SHOW_FROM = 0.8  # single-line fields: the counter appears from 80% of the limit


class TextCounter(QObject):
    """The counter label kept in the corner of its field; ``over`` tells whether the text is
    longer than the limit."""

    def __init__(self, edit: QWidget, maximum: int) -> None:
        super().__init__(edit)
        self.edit = edit
        self.maximum = maximum
        self.multiline = isinstance(edit, (QPlainTextEdit, QTextEdit))
        host = edit.viewport() if self.multiline else edit
        self.label = QLabel(host)
        self.label.setObjectName("textCounter")
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.over = False
        self._styled_over: bool | None = None  # the style sheet last given to the label
        if isinstance(edit, QLineEdit):
            edit.setMaxLength(32767)  # Qt's default: never cut what is typed or pasted
            edit.textChanged.connect(self.update)
        else:
            edit.textChanged.connect(self.update)
        edit.installEventFilter(self)
        host.installEventFilter(self)
        edit.setProperty("textLimit", maximum)
        self.update()

    def length(self) -> int:
        if isinstance(self.edit, QLineEdit):
            return len(self.edit.text())
        return len(self.edit.toPlainText())

    def text(self) -> str:
        return self.label.text()

    def update(self, *_args) -> None:
        n = self.length()
        self.over = n > self.maximum
        shown = self.multiline or self.over or n >= self.maximum * LINE_SHOW_FROM
        self.label.setText(f"{fmt.number(n)}/{fmt.number(self.maximum)}")
        if self.over:
            tip = QCoreApplication.translate("TextCounter", "{n} characters too many: at most {max} can be saved.").format(
                n=fmt.number(n - self.maximum), max=fmt.number(self.maximum))
        else:
            tip = QCoreApplication.translate("TextCounter", "At most {max} characters.").format(
                max=fmt.number(self.maximum))
        if self._styled_over is not self.over:  # a widget's own style sheet is costly to set
            self._styled_over = self.over
            self.label.setStyleSheet(
                "color: #b91c1c; font-weight: bold; background: rgba(255,255,255,200); padding: 0 3px;"
                if self.over else "color: #6b7280; background: rgba(255,255,255,170); padding: 0 3px;")
        self.edit.setToolTip(tip if shown else "")
        self.label.setToolTip(tip)
        self.label.setVisible(shown)
        self.edit.setProperty("overLimit", self.over)
        self._place()

    def _place(self) -> None:
        self.label.adjustSize()
        if self.multiline:
            host = self.edit.viewport()
            self.label.move(host.width() - self.label.width() - 4, host.height() - self.label.height() - 2)
        else:
            edit = self.edit
            margin = self.label.width() + 6 if self.label.isVisible() else 0
            edit.setTextMargins(0, 0, margin, 0)
            self.label.move(edit.width() - self.label.width() - 4, (edit.height() - self.label.height()) // 2)
        self.label.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._place()
        return False


def limit_text(edit: QWidget, maximum: int) -> TextCounter:
    """Give ``edit`` a counter for ``maximum`` characters (see the module docstring)."""
    existing = getattr(edit, "_text_counter", None)
    if existing is not None:
        existing.maximum = maximum
        existing.update()
        return existing
    counter = TextCounter(edit, maximum)
    edit._text_counter = counter
    return counter


def counter_of(edit: QWidget) -> TextCounter | None:
    return getattr(edit, "_text_counter", None)
