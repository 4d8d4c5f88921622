"""The overview's chart: requests opened and closed per week, last 12 weeks (pyqtgraph)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from servicedesk.queries.overview import WeekFlow

from .. import fmt

OPENED, CLOSED = "#2f6fde", "#22a06b"


class WeeklyFlowChart(QWidget):
    """Grouped bars; pyqtgraph is imported on the first draw, not at start-up."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewChart")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(QCoreApplication.translate(
            "Overview", "Requests opened and closed per week"))
        self.title.setObjectName("sectionTitle")
        layout.addWidget(self.title)
        self._layout = layout
        self._plot = None

    def set_data(self, weeks: list[WeekFlow]) -> None:
        import pyqtgraph as pg

        if self._plot is None:
            # enableMenu=False: the context menus are never built (the first plot: ~0.1 s less)
            self._plot = pg.PlotWidget(background="w", enableMenu=False)
            self._plot.setMenuEnabled(False)
            self._plot.setMouseEnabled(x=False, y=False)
            self._plot.getPlotItem().hideButtons()
            self._plot.showGrid(x=False, y=True, alpha=0.25)
            self._plot.setMinimumHeight(80)
            for axis in ("left", "bottom"):
                self._plot.getAxis(axis).setPen(pg.mkPen("#9ca3af"))
                self._plot.getAxis(axis).setTextPen(pg.mkPen("#374151"))
            legend = self._plot.addLegend(offset=(-10, 5), labelTextColor="#374151")
            legend.setBrush(pg.mkBrush(255, 255, 255, 220))
            self._legend = legend
            self._layout.addWidget(self._plot, 1)
        plot = self._plot
        plot.clear()
        xs = list(range(len(weeks)))
        plot.addItem(pg.BarGraphItem(x=[x - 0.2 for x in xs], height=[w.opened for w in weeks],
                                     width=0.38, brush=OPENED, pen=None,
                                     name=QCoreApplication.translate("Overview", "Opened")))
        plot.addItem(pg.BarGraphItem(x=[x + 0.2 for x in xs], height=[w.closed for w in weeks],
                                     width=0.38, brush=CLOSED, pen=None,
                                     name=QCoreApplication.translate("Overview", "Closed")))
        ticks = [(x, fmt.date(w.week_start)[:5]) for x, w in zip(xs, weeks)]
        plot.getAxis("bottom").setTicks([ticks])
        top = max([w.opened for w in weeks] + [w.closed for w in weeks] + [1])
        plot.setYRange(0, top * 1.15, padding=0)
        plot.setXRange(-0.7, len(weeks) - 0.3, padding=0)
