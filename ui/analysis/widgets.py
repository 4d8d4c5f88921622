"""Filter widgets: a typeable multi-picker, a checkable multi-choice, date and number ranges.

Each widget keeps what the user typed even when it is invalid; ``value()`` raises a core
``ValidationError`` (field + code) that the form shows with a translated message.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QCompleter, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QMenu, QToolButton, QVBoxLayout, QWidget)

from servicedesk.errors import FieldError, ValidationError

from .. import fmt


class EntityPicker(QWidget):
    """Type a few letters, pick from the matches (a completer fed by a core search, run on a
    worker: customers are searched among thousands of parties at every pause in typing), and
    the chosen items collect in a small list; Delete or double-click removes one."""

    changed = Signal()

    def __init__(self, search: Callable[[str], list[tuple[Any, str]]],
                 labels: Callable[[list[Any]], dict[Any, str]], placeholder: str,
                 parent: QWidget | None = None, *, threaded: bool = True) -> None:
        super().__init__(parent)
        from ..workers import Worker

        self.worker = Worker(self, threaded=threaded)
        self._search = search
        self._labels = labels
        self._matches: dict[str, Any] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(True)
        self._model = QStringListModel(self)
        self.completer = QCompleter(self._model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.edit.setCompleter(self.completer)
        self.completer.activated[str].connect(self._picked)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._refresh_matches)
        self.edit.textEdited.connect(lambda _t: self._timer.start())
        self.edit.returnPressed.connect(self._enter)
        layout.addWidget(self.edit)
        self._list: QListWidget | None = None

    @property
    def list(self) -> QListWidget:
        """The chosen items, built with the first one: a form has half a dozen pickers and a
        list view is seven widgets (viewport, scroll bars…), mostly never used (#13: opening
        the analysis builds and styles every widget of the form on the GUI thread)."""
        if self._list is None:
            self._list = QListWidget()
            self._list.setMaximumHeight(64)
            self._list.setVisible(False)
            self._list.setToolTip(QCoreApplication.translate(
                "Analysis", "Double-click or press Delete to remove"))
            self._list.itemDoubleClicked.connect(self._remove_item)
            self.layout().addWidget(self._list)
        return self._list

    def _refresh_matches(self, then: Callable[[], None] | None = None) -> None:
        """Search the typed text on the worker; the newest answer fills the completer."""
        text = self.edit.text().strip()
        self.worker.run(self._search, text, key="matches",
                        on_done=lambda found: self._show_matches(found, then))

    def _show_matches(self, found: list[tuple[Any, str]], then: Callable[[], None] | None) -> None:
        self._matches = {label: key for key, label in found}
        self._model.setStringList([label for _, label in found])
        if then is not None:
            then()
        elif found and self.edit.hasFocus():
            self.completer.complete()

    def _enter(self) -> None:
        self._refresh_matches(then=self._pick_typed)

    def _pick_typed(self) -> None:
        """Enter: the match spelled as typed, or the only match."""
        text = self.edit.text().strip()
        exact = [lbl for lbl in self._matches if lbl.casefold() == text.casefold()]
        if exact:
            self._picked(exact[0])
        elif len(self._matches) == 1:
            self._picked(next(iter(self._matches)))

    def _picked(self, label: str) -> None:
        key = self._matches.get(label)
        if key is None:
            return
        self.add(key, label)
        QTimer.singleShot(0, self.edit.clear)

    def add(self, key: Any, label: str) -> None:
        if key in self.keys():
            return
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.list.addItem(item)
        self.list.setVisible(True)
        self.changed.emit()

    def _remove_item(self, item: QListWidgetItem) -> None:
        self.list.takeItem(self.list.row(item))
        self.list.setVisible(self.list.count() > 0)
        self.changed.emit()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Delete and self._list is not None and self._list.hasFocus() \
                and self._list.currentItem():
            self._remove_item(self.list.currentItem())
            return
        super().keyPressEvent(event)

    def keys(self) -> list[Any]:
        chosen = self._list
        if chosen is None:
            return []
        return [chosen.item(i).data(Qt.ItemDataRole.UserRole) for i in range(chosen.count())]

    def texts(self) -> list[str]:
        chosen = self._list
        return [] if chosen is None else [chosen.item(i).text() for i in range(chosen.count())]

    def set_keys(self, keys: list[Any]) -> None:
        if not keys and self._list is None:  # nothing chosen, nothing to show
            self.edit.clear()
            return
        self.list.clear()
        names = self._labels(list(keys)) if keys else {}
        for key in keys:
            item = QListWidgetItem(names.get(key, str(key)))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.list.addItem(item)
        self.list.setVisible(self.list.count() > 0)
        self.edit.clear()


class MultiChoice(QToolButton):
    """A button with a menu of checkable values; shows "Any" or the chosen names."""

    changed = Signal()

    def __init__(self, choices: list[tuple[Any, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setSizePolicy(self.sizePolicy().horizontalPolicy().Expanding,
                           self.sizePolicy().verticalPolicy())
        self._menu = QMenu(self)
        self.setMenu(self._menu)
        self._actions: list[QAction] = []
        for key, label in choices:
            action = QAction(label, self._menu)
            action.setCheckable(True)
            action.setData(key)
            action.toggled.connect(self._toggled)
            self._menu.addAction(action)
            self._actions.append(action)
        self._update_text()

    def _toggled(self, _checked: bool) -> None:
        self._update_text()
        self.changed.emit()

    def _update_text(self) -> None:
        chosen = [a.text() for a in self._actions if a.isChecked()]
        text = ", ".join(chosen) if chosen else QCoreApplication.translate("Analysis", "Any")
        self.setToolTip(text)
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, 220))

    def keys(self) -> list[Any]:
        return [a.data() for a in self._actions if a.isChecked()]

    def texts(self) -> list[str]:
        return [a.text() for a in self._actions if a.isChecked()]

    def set_keys(self, keys: list[Any]) -> None:
        wanted = set(keys)
        for action in self._actions:
            action.blockSignals(True)
            action.setChecked(action.data() in wanted)
            action.blockSignals(False)
        self._update_text()


class DateEdit(QLineEdit):
    """A date typed as on paper (27/11/2026, 27/11/26, 2026-11-27); empty means "any"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(QCoreApplication.translate("Analysis", "dd/mm/yyyy"))
        self.setClearButtonEnabled(True)
        self.setMaxLength(20)

    def date(self, field: str) -> dt.date | None:
        text = self.text().strip()
        if not text:
            return None
        value = parse_date(text)
        if value is None:
            raise ValidationError(FieldError(field, "invalid_date", {"value": text}))
        return value

    def set_date(self, value: dt.date | None) -> None:
        self.setText(fmt.date(value) if value else "")


def parse_date(text: str) -> dt.date | None:
    text = text.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    locale = QLocale()
    for pattern in ("dd/MM/yyyy", "d/M/yyyy", "dd/MM/yy", "d/M/yy", "dd.MM.yyyy", "dd-MM-yyyy"):
        q = QDate.fromString(text, pattern)
        if q.isValid():
            if "yyyy" not in pattern and q.year() < 1970:
                q = q.addYears(100)
            return dt.date(q.year(), q.month(), q.day())
    q = locale.toDate(text, QLocale.FormatType.ShortFormat)
    if q.isValid():
        return dt.date(q.year(), q.month(), q.day())
    return None


class DateRange(QWidget):
    """From – to; either end may stay empty."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.start = DateEdit()
        self.end = DateEdit()
        self.start.setPlaceholderText(QCoreApplication.translate("Analysis", "from"))
        self.end.setPlaceholderText(QCoreApplication.translate("Analysis", "to"))
        for w in (self.start, self.end):
            w.textChanged.connect(lambda _t: self.changed.emit())
        layout.addWidget(self.start, 1)
        layout.addWidget(QLabel("–"))
        layout.addWidget(self.end, 1)

    def values(self, field: str) -> tuple[dt.date | None, dt.date | None]:
        errors = []
        lo = hi = None
        try:
            lo = self.start.date(f"{field}_from")
        except ValidationError as err:
            errors += err.errors
        try:
            hi = self.end.date(f"{field}_to")
        except ValidationError as err:
            errors += err.errors
        if errors:
            raise ValidationError(errors)
        return lo, hi

    def set_values(self, lo: dt.date | None, hi: dt.date | None) -> None:
        self.start.set_date(lo)
        self.end.set_date(hi)

    def text(self) -> str:
        lo, hi = self.start.text().strip(), self.end.text().strip()
        if not lo and not hi:
            return ""
        return f"{lo or '…'} – {hi or '…'}"


def parse_number(text: str, *, decimals: bool) -> Decimal | int | None:
    """An Italian or English number: "1.234,50", "1234.5", "1 234"; None when empty."""
    text = text.strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
    if not text:
        return None
    if "," in text and "." in text:
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif "," in text:
        text = text.replace(",", ".")
    elif text.count(".") > 1 or (decimals and "." in text and len(text.split(".")[-1]) == 3
                                 and QLocale().decimalPoint() == ","):
        text = text.replace(".", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():
        raise ValueError(text)
    if decimals:
        return value.quantize(Decimal("0.01"))
    if value != value.to_integral_value():
        raise ValueError(text)
    return int(value)


class NumberRange(QWidget):
    """Min – max of an amount (decimals) or a count (integers); either end may stay empty."""

    changed = Signal()

    def __init__(self, *, decimals: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.decimals = decimals
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.low = QLineEdit()
        self.high = QLineEdit()
        self.low.setPlaceholderText(QCoreApplication.translate("Analysis", "min"))
        self.high.setPlaceholderText(QCoreApplication.translate("Analysis", "max"))
        for w in (self.low, self.high):
            w.setMaxLength(20)
            w.setClearButtonEnabled(True)
            w.textChanged.connect(lambda _t: self.changed.emit())
        layout.addWidget(self.low, 1)
        layout.addWidget(QLabel("–"))
        layout.addWidget(self.high, 1)

    def values(self, field: str) -> tuple[Any, Any]:
        errors, out = [], []
        for edit, suffix in ((self.low, "_min"), (self.high, "_max")):
            try:
                out.append(parse_number(edit.text(), decimals=self.decimals))
            except ValueError:
                errors.append(FieldError(field + suffix, "invalid_number", {"value": edit.text()}))
                out.append(None)
        if errors:
            raise ValidationError(errors)
        return out[0], out[1]

    def set_values(self, lo: Any, hi: Any) -> None:
        def show(v: Any) -> str:
            if v is None:
                return ""
            return fmt.number(v, 2) if self.decimals else str(v)

        self.low.setText(show(lo))
        self.high.setText(show(hi))

    def text(self) -> str:
        lo, hi = self.low.text().strip(), self.high.text().strip()
        if not lo and not hi:
            return ""
        return f"{lo or '…'} – {hi or '…'}"
