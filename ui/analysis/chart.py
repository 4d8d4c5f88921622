"""The embedded chart (R-ANA-2): bars by a dimension or lines over time, hover values, PNG."""
from __future__ import annotations

import datetime as dt
import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QComboBox, QFileDialog, QGridLayout, QLabel, QPushButton,
                               QSizePolicy, QVBoxLayout, QWidget)

from servicedesk.queries.analysis import OTHER, GroupResult, Subject

from .. import fmt
from .labels import dimension_names, measure_names, none_label, other_label

PALETTE = ["#2563eb", "#ea580c", "#16a34a", "#dc2626", "#9333ea", "#0891b2", "#ca8a04",
           "#db2777", "#6b7280"]
# Time one event-loop turn may spend adding series to the chart; the rest waits a turn.
DRAW_BUDGET_S = 0.02
PRIORITY_COLORS = {"critical": "#dc2626", "high": "#ea580c", "normal": "#2563eb", "low": "#6b7280"}


class ChartWidget(QWidget):
    """Chart controls (group by, split by, measure) and the pyqtgraph plot, created lazily."""

    settings_changed = Signal()
    plot_ready = Signal()  # prepare_plot_soon's turn is over (the plot built if it could be)

    def __init__(self, *, ctx, subject: Subject, money: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.codes: dict[str, dict] = {}
        self.result: GroupResult | None = None
        self.hover_text = ""
        self._plot = None
        self._items: list[Any] = []  # one pyqtgraph item per series drawn, in series order
        self._shape: tuple | None = None  # what the drawn items show (see set_result)
        self._draw_shape: tuple | None = None
        self._pending: list[int] = []  # series still to draw
        # Owned by the widget: a chart closed between two pieces draws nothing more.
        self._draw_timer = QTimer(self)
        self._draw_timer.setSingleShot(True)
        self._draw_timer.setInterval(0)
        self._draw_timer.timeout.connect(self._draw_pending)
        self._plot_timer = QTimer(self)
        self._plot_timer.setSingleShot(True)
        self._plot_timer.setInterval(0)
        self._plot_timer.timeout.connect(self._prepare_plot)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.dimension = QComboBox()
        self.dimension.setObjectName("chartDimension")
        self.series = QComboBox()
        self.series.setObjectName("chartSeries")
        self.measure = QComboBox()
        self.measure.setObjectName("chartMeasure")
        for combo in (self.dimension, self.series, self.measure):
            # long dimension names must not make the page wider than a laptop's tab (#12)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(9)
        self.save_button = QPushButton(QCoreApplication.translate("Analysis", "Save as PNG…"))
        self.save_button.setToolTip(QCoreApplication.translate("Analysis", "Save chart as PNG…"))
        self.save_button.setObjectName("chartSave")
        self.save_button.clicked.connect(self._save_dialog)
        self.total_label = QLabel()
        self.total_label.setObjectName("chartTotal")
        # Two short rows rather than one long one: the controls fit a narrow tab.
        bar = QGridLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setHorizontalSpacing(6)
        bar.setVerticalSpacing(2)
        bar.addWidget(QLabel(QCoreApplication.translate("Analysis", "Group by")), 0, 0)
        bar.addWidget(self.dimension, 0, 1)
        bar.addWidget(QLabel(QCoreApplication.translate("Analysis", "split by")), 0, 2)
        bar.addWidget(self.series, 0, 3)
        bar.addWidget(self.total_label, 0, 5, Qt.AlignmentFlag.AlignRight)
        bar.addWidget(QLabel(QCoreApplication.translate("Analysis", "Show")), 1, 0)
        bar.addWidget(self.measure, 1, 1)
        bar.addWidget(self.save_button, 1, 3, 1, 3, Qt.AlignmentFlag.AlignRight)
        bar.setColumnStretch(1, 1)
        bar.setColumnStretch(3, 1)
        bar.setColumnStretch(4, 2)
        layout.addLayout(bar)
        self.plot_area = QVBoxLayout()
        layout.addLayout(self.plot_area, 1)
        self.set_subject(subject, money)
        for combo in (self.dimension, self.series, self.measure):
            combo.currentIndexChanged.connect(lambda _i: self.settings_changed.emit())

    def set_subject(self, subject: Subject, money: bool) -> None:
        self.subject = subject
        dims, measures = dimension_names(), measure_names()
        for combo in (self.dimension, self.series, self.measure):
            combo.blockSignals(True)
            combo.clear()
        for key in subject.dimensions:
            self.dimension.addItem(dims.get(key, key), key)
        self.series.addItem(QCoreApplication.translate("Analysis", "(nothing)"), None)
        for key, dim in subject.dimensions.items():
            if dim.period is None:
                self.series.addItem(dims.get(key, key), key)
        for key, measure in subject.measures.items():
            if money or not measure.money:
                self.measure.addItem(measures.get(key, key), key)
        dim, series, measure = subject.default_chart
        if measure == "value" and not money:
            measure = "count"
        self.dimension.setCurrentIndex(max(self.dimension.findData(dim), 0))
        self.series.setCurrentIndex(max(self.series.findData(series), 0))
        self.measure.setCurrentIndex(max(self.measure.findData(measure), 0))
        for combo in (self.dimension, self.series, self.measure):
            combo.blockSignals(False)

    def choice(self) -> tuple[str, str | None, str]:
        return self.dimension.currentData(), self.series.currentData(), self.measure.currentData()

    # -- drawing ------------------------------------------------------------------------------
    def _ensure_plot(self):
        if self._plot is None:
            import pyqtgraph as pg  # heavy: only when the first chart is drawn

            plot = pg.PlotWidget(background="w", enableMenu=False)  # no menus built
            plot.setObjectName("analysisPlot")
            plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            plot.setMinimumHeight(180)
            plot.showGrid(x=False, y=True, alpha=0.25)
            plot.setMenuEnabled(False)
            plot.getPlotItem().hideButtons()
            for axis in ("left", "bottom"):
                plot.getAxis(axis).setPen(pg.mkPen("#555"))
                plot.getAxis(axis).setTextPen(pg.mkPen("#333"))
            plot.setMouseEnabled(x=False, y=False)
            plot.scene().sigMouseMoved.connect(self._hover)
            self.plot_area.addWidget(plot)
            self._plot = plot
        return self._plot

    def category_label(self, result: GroupResult, key: Any, label: str, series: bool = False) -> str:
        if key is None:
            return none_label()
        if key == OTHER:
            return other_label()
        codes = result.series_codes if series else result.category_codes
        if codes:
            return self.codes.get(codes, {}).get(key, str(key))
        if not series and result.period == "month":
            return QLocale().toString(QDate(int(key[:4]), int(key[5:7]), 1), "MMM yy")
        if not series and result.period == "week":
            return fmt.date(dt.date.fromisoformat(key))
        return label or str(key)

    def value_text(self, value: float) -> str:
        if self.result is not None and self.result.kind == "money":
            return fmt.euro(value)
        if self.result is not None and self.result.kind == "hours":
            return fmt.number(value, 2)
        return fmt.number(value)

    def set_result(self, result: GroupResult, codes: dict[str, dict]) -> None:
        """Show ``result``. The same shape as the chart drawn (series, categories, kind: a new
        search, a refresh) moves the drawn items to the new values; another shape is drawn
        anew in pieces, one event-loop turn each (:meth:`_draw_pending`): the plot widget
        when there is none yet, then a few series per turn — each series is a pyqtgraph item
        with its points and legend entry, and the plot plus 8 series × 36 months built in one
        turn froze the window for 150 ms on the large database (#13)."""
        self.result = result
        self.codes = codes
        cats = [self.category_label(result, k, lbl) for k, lbl in result.categories]
        names = [self.category_label(result, k, lbl, series=True) for k, lbl in result.series]
        self._cat_labels, self._series_names = cats, names
        self.total_label.setText(QCoreApplication.translate("Analysis", "Total: {total}")
                                 .format(total=self.value_text(result.total())))
        self._draw_timer.stop()
        shape = (bool(result.period), len(cats), tuple(names), tuple(self._colors(result)))
        if self._plot is not None and cats and shape == self._shape \
                and len(self._items) == len(result.values):
            self._pending = []
            self._move_items(result)
            self._frame(result)
            return
        self._shape = None
        self._draw_shape = shape
        self._pending = ([] if self._plot is not None else ["plot"]) + ["reset"] \
            + list(range(len(result.values) if cats else 0))
        self._draw_pending()

    def drawing(self) -> bool:
        """True while pieces of the last result are still to be drawn (next event-loop turns)."""
        return bool(self._pending)

    def _draw_pending(self) -> None:
        """Draw pieces until the turn's budget is spent (the plot widget is a turn of its
        own); the rest in the next turn."""
        result = self.result
        if result is None or not self._pending:
            return
        started = time.perf_counter()
        while self._pending:
            piece = self._pending.pop(0)
            if piece == "plot":
                self._ensure_plot()
                self._draw_timer.start()
                return
            if piece == "reset":
                self._reset(result)
            else:
                self._items.append(self._add_series(result, piece))
            if self._pending and time.perf_counter() - started > DRAW_BUDGET_S:
                self._draw_timer.start()
                return
        self._shape = self._draw_shape

    def _reset(self, result: GroupResult) -> None:
        """An empty plot for ``result``: no items, a legend for several series, the axes."""
        plot = self._plot
        plot.clear()
        legend = plot.getPlotItem().legend
        if legend is not None:
            legend.scene().removeItem(legend)
            plot.getPlotItem().legend = None
        self._items = []
        if not result.categories:
            plot.getAxis("bottom").setTicks([[]])
            return
        if len(result.series) > 1:
            plot.addLegend(offset=(10, 5), labelTextColor="#333",
                           brush=pg().mkBrush(255, 255, 255, 210))
        self._frame(result)  # axes first: the series then land in their final place

    def _add_series(self, result: GroupResult, i: int):
        plot, name = self._plot, self._series_names[i]
        values, color = result.values[i], self._colors(result)[i]
        xs = list(range(len(result.categories)))
        multi = len(result.series) > 1
        if result.period:
            pen = pg().mkPen(color, width=2)
            return plot.plot(xs, values, pen=pen, symbol="o", symbolSize=5, symbolBrush=color,
                             symbolPen=pen, name=name if multi else None)
        item = pg().BarGraphItem(x=xs, height=values, y0=self._bar_base(result, i), width=0.7,
                                 brush=QColor(color), pen=pg().mkPen("w"),
                                 name=name if multi else None)
        plot.addItem(item)
        if multi:
            plot.getPlotItem().legend.addItem(item, name)
        return item

    @staticmethod
    def _bar_base(result: GroupResult, i: int) -> list[float]:
        """Where series ``i``'s bars start: on top of the series before it (stacked)."""
        return [sum(s[c] for s in result.values[:i]) for c in range(len(result.categories))]

    def _move_items(self, result: GroupResult) -> None:
        xs = list(range(len(result.categories)))
        for i, (item, values) in enumerate(zip(self._items, result.values)):
            if result.period:
                item.setData(xs, values)
            else:
                item.setOpts(x=xs, height=values, y0=self._bar_base(result, i))

    def _frame(self, result: GroupResult) -> None:
        """The category names under the axis and both ranges (one range change, not two:
        each one makes every item recompute what it shows)."""
        self._ticks()
        top = max(result.category_totals() if not result.period else
                  [max(v) for v in result.values if v] or [0])
        self._plot.setRange(xRange=(-0.6, len(result.categories) - 0.4),
                            yRange=(0, max(float(top), 1) * 1.1), padding=0)

    def _ticks(self) -> None:
        """As many category names under the axis as fit the plot's width (no overlaps)."""
        if self._plot is None or not getattr(self, "_cat_labels", None):
            return
        cats = self._cat_labels
        average = max(self._plot.fontMetrics().averageCharWidth(), 5)
        per = max(self._plot.width() - 70, 100) / len(cats)  # pixels per category
        step = 1
        while per * step / average < 8 and step < len(cats):
            step += 1
        chars = max(int(per * step / average) - 2, 6)
        ticks = [(x, _short(cats[x], min(chars, 24))) for x in range(0, len(cats), step)]
        self._plot.getAxis("bottom").setTicks([ticks])

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._ticks()

    def prepare_plot_soon(self) -> None:
        """Build the plot widget in an event-loop turn of its own (pyqtgraph's first one costs
        tens of ms), while the worker still groups the data: the page, its filter form, the
        plot and the first drawing never add up to one long freeze. The page asks for it once
        its form is built (two pieces in one turn would be one freeze again); ``plot_ready``
        follows."""
        self._plot_timer.start()

    def _prepare_plot(self) -> None:
        if self._plot is None and pyqtgraph_loaded():
            self._ensure_plot()
        self.plot_ready.emit()

    def _colors(self, result: GroupResult) -> list[str]:
        out = []
        for i, (key, _label) in enumerate(result.series):
            if result.series_dimension == "priority":
                row = self.ctx.lookups().priority(key) if key not in (None, OTHER) else None
                out.append(PRIORITY_COLORS.get(row.code if row else None,
                                               PALETTE[i % len(PALETTE)]))
            else:
                out.append(PALETTE[i % len(PALETTE)])
        return out

    def describe(self, index: int) -> str:
        """The hover text of category ``index``: its name, total and the value of each series."""
        result = self.result
        if result is None or not 0 <= index < len(result.categories):
            return ""
        lines = [f"<b>{self._cat_labels[index]}</b>: "
                 f"{self.value_text(sum(s[index] for s in result.values))}"]
        if len(result.series) > 1:
            for name, values in zip(self._series_names, result.values):
                if values[index]:
                    lines.append(f"{name}: {self.value_text(values[index])}")
        return "<br>".join(lines)

    def _hover(self, pos) -> None:
        if self._plot is None or self.result is None or not self.result.categories:
            return
        view = self._plot.getPlotItem().vb
        if not view.sceneBoundingRect().contains(pos):
            return
        x = view.mapSceneToView(pos).x()
        index = int(round(x))
        text = self.describe(index)
        self.hover_text = text
        label = self._hover_label()
        if text:
            # A label inside the plot (not a QToolTip: it follows the plot into the PNG too).
            y_top = view.viewRange()[1][1]
            label.setHtml(f'<div style="background:#ffffffe6;color:#111;padding:2px">{text}</div>')
            right_half = index > len(self.result.categories) / 2
            label.setAnchor((1, 0) if right_half else (0, 0))
            label.setPos(index, y_top)
            label.setVisible(True)
        else:
            label.setVisible(False)

    def _hover_label(self):
        import pyqtgraph as pg

        label = getattr(self, "_label", None)
        if label is None or label.scene() is None:
            label = pg.TextItem(anchor=(0, 0), border=pg.mkPen("#999"))
            label.setZValue(100)
            self._plot.addItem(label, ignoreBounds=True)
            self._label = label
        return label

    # -- saving -------------------------------------------------------------------------------
    def save_png(self, path: str) -> bool:
        target = self._plot if self._plot is not None else self
        return target.grab().save(path, "PNG")

    def _save_dialog(self) -> None:
        from ..files import remember, suggested_path
        from .labels import subject_title

        # Named after the analysis: charts of several analyses saved in one folder do not
        # overwrite each other.
        name = QCoreApplication.translate("Analysis", "{subject} chart.png").format(
            subject=subject_title(self.subject.name))
        path, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("Analysis", "Save chart"),
            suggested_path(self.ctx, "chart", name),
            QCoreApplication.translate("Analysis", "PNG image (*.png)"))
        remember(self.ctx, "chart", path)
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        if not self.save_png(path):
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, QCoreApplication.translate("Analysis", "Save chart"),
                                QCoreApplication.translate("Analysis", "The chart could not be "
                                                           "saved to “{path}”.").format(path=path))


def pg():
    """pyqtgraph, imported on first use (seconds on a cold start: the chart's worker job
    imports it first, off the GUI thread)."""
    import pyqtgraph

    return pyqtgraph


def pyqtgraph_loaded() -> bool:
    """pyqtgraph is imported already (a worker imports it: never import it here)."""
    import sys

    return "pyqtgraph" in sys.modules


def _short(text: str, size: int = 18) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


__all__ = ["ChartWidget"]
