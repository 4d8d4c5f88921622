"""The red "invalid" frame of a form field: set after a refused save, gone as soon as the user
changes that field (#12: it stayed until the next save even when the value was corrected)."""
from __future__ import annotations

from PySide6.QtWidgets import (QAbstractButton, QComboBox, QDateTimeEdit, QDoubleSpinBox,
                               QLineEdit, QListWidget, QPlainTextEdit, QSpinBox, QTextEdit,
                               QWidget)


def _changed_signals(widget: QWidget) -> list:
    if isinstance(widget, QLineEdit):
        return [widget.textChanged]
    if isinstance(widget, QComboBox):
        signals = [widget.currentIndexChanged]
        if widget.isEditable():
            signals.append(widget.editTextChanged)
        return signals
    if isinstance(widget, QDateTimeEdit):  # QDateEdit and QTimeEdit too
        return [widget.dateTimeChanged]
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        return [widget.valueChanged]
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return [widget.textChanged]
    if isinstance(widget, QListWidget):
        return [widget.itemChanged, widget.model().rowsInserted, widget.model().rowsRemoved]
    if isinstance(widget, QAbstractButton):
        return [widget.toggled]
    return []


def _repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Mark (or unmark) ``widget``; a marked one unmarks itself at the user's next change."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    _repolish(widget)
    for signal, slot in getattr(widget, "_invalid_clear", []):
        try:
            signal.disconnect(slot)
        except (RuntimeError, TypeError):  # already gone with the widget
            pass
    widget._invalid_clear = []
    if invalid:
        def clear(*_args, w=widget) -> None:
            set_invalid(w, False)

        pairs = []
        for signal in _changed_signals(widget):
            signal.connect(clear)
            pairs.append((signal, clear))
        widget._invalid_clear = pairs
