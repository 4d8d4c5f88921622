"""The overview page pinned as the first workspace tab: the office's key figures at a glance.

Its figures are read on a worker (``ui/workers.py``) after the window shows and again after a
change set touching requests, interventions or contracts (a burst of writes → one reading):
the window never waits for them (#18). The page's cards and chart are made after the queue's
first page is painted: the first screen shows the page's title, the figures follow."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (QFrame, QSizePolicy, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from .. import fmt
from ..workers import Worker

ORDER = 0
REFRESH_DELAY_MS = 400  # writes come in bursts (a renewal run, an import): one reading after them
WATCHED = ("service_request", "intervention", "contract")
TOPICS = {"requests", "interventions", "contracts"}


def _figures():
    """On a worker: the figures and the chart's weeks (pyqtgraph, for the chart, is imported
    by the window's warm-up, not here: at start-up it would slow the first queue page)."""
    from servicedesk.queries import overview

    return overview.overview(), overview.weekly_flow()


class FigureCard(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.value = QLabel("–")
        self.value.setObjectName("figureValue")
        self.caption = QLabel(title)
        self.caption.setObjectName("figureCaption")
        self.caption.setWordWrap(True)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set_value(self, value: int, alert: bool = False) -> None:
        self.value.setText(fmt.number(value))
        self.value.setProperty("alert", alert)
        self.value.style().unpolish(self.value)
        self.value.style().polish(self.value)


class OverviewPage(QWidget):
    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("overviewPage")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 20)
        outer.setSpacing(16)
        head = QHBoxLayout()
        title = QLabel(QCoreApplication.translate("Overview", "Today in the service office"))
        title.setObjectName("pageTitle")
        head.addWidget(title)
        head.addStretch(1)
        refresh = QPushButton(QCoreApplication.translate("Overview", "Refresh"))
        refresh.clicked.connect(self.refresh)
        head.addWidget(refresh)
        outer.addLayout(head)
        outer.addStretch(1)  # the title at the top until the cards come
        self._outer = outer
        self.cards: dict[str, FigureCard] = {}
        self.priority_label: QLabel | None = None
        self.chart = None
        self._shown = False
        self._weeks = None
        self.worker = Worker(self, threaded=not ctx.screenshot_mode)
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(REFRESH_DELAY_MS)
        self._later.timeout.connect(self.refresh)
        self._draw_timer = QTimer(self)
        self._draw_timer.setSingleShot(True)
        self._draw_timer.setInterval(150)
        self._draw_timer.timeout.connect(self._draw_chart)
        ctx.bus.changes.connect(self._on_changes)
        # Writes not yet on the op runner still announce topics only.
        ctx.bus.changed.connect(lambda topics: topics & TOPICS and self._later.start())
        if ctx.screenshot_mode:
            self._build_body()
            self.refresh()  # screenshots and tests: the figures at once
        else:  # after the queue's first page
            ctx.after_first_screen(self._build_body)
            ctx.after_first_screen(self.refresh)

    def _build_body(self) -> None:
        """The cards, the priorities' line and the weekly chart (once)."""
        if self.chart is not None:
            return
        outer = self._outer
        outer.takeAt(outer.count() - 1)  # the stretch: the chart takes the room
        grid = QGridLayout()
        grid.setSpacing(12)
        self.cards = {
            "open": FigureCard(QCoreApplication.translate("Overview", "Open requests")),
            "overdue": FigureCard(QCoreApplication.translate("Overview", "Overdue: SLA deadline passed")),
            "unassigned": FigureCard(QCoreApplication.translate("Overview", "Open requests without an owner")),
            "today": FigureCard(QCoreApplication.translate("Overview", "Interventions planned today")),
            "week": FigureCard(QCoreApplication.translate("Overview", "Interventions in the next 7 days")),
            "expiring": FigureCard(""),
        }
        self.cards["overdue"].setToolTip(QCoreApplication.translate(
            "Overview", "Open requests past the deadline that runs now — the response until the "
                        "first answer, then the resolution — counted as the queue counts them"))
        for i, card in enumerate(self.cards.values()):
            grid.addWidget(card, i // 3, i % 3)
        outer.addLayout(grid)
        self.priority_label = QLabel()
        self.priority_label.setObjectName("overviewPriorities")
        self.priority_label.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.priority_label)
        from ..widgets.overview_chart import WeeklyFlowChart

        self.chart = WeeklyFlowChart(self)
        outer.addWidget(self.chart, 1)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            if self._weeks is not None:
                self._draw_chart_later()

    def _draw_chart_later(self) -> None:
        # A timer the page owns: it dies with the page, so a page closed within the delay
        # (a database switched, the window closed) never draws into a deleted chart. It starts
        # once the window's warm-up has imported pyqtgraph (else the GUI thread would, ~1 s).
        warmup = self.ctx.warmup
        if warmup is None:
            self._draw_timer.start()
        else:
            warmup.when_done(self._draw_timer.start)

    def _draw_chart(self) -> None:
        if self._weeks is not None and self.chart is not None:
            self.chart.set_data(self._weeks)

    def _on_changes(self, changes) -> None:
        if changes.touches(*WATCHED):
            self._later.start()

    def refresh(self) -> None:
        self.worker.run(_figures, on_done=self._show_figures, key="figures",
                        on_error=lambda err: self.ctx.bus.status_message.emit(str(err)))

    def _show_figures(self, figures) -> None:
        self._build_body()  # made already, unless figures came before the first screen
        data, self._weeks = figures
        self.cards["open"].set_value(data.open_requests)
        self.cards["overdue"].set_value(data.overdue, alert=data.overdue > 0)
        self.cards["unassigned"].set_value(data.unassigned, alert=data.unassigned > 0)
        self.cards["today"].set_value(data.interventions_today)
        self.cards["week"].set_value(data.interventions_week)
        self.cards["expiring"].set_value(data.contracts_expiring)
        days = data.expiring_days  # two plain strings: lupdate skipped the plural (%n) form (#12)
        self.cards["expiring"].caption.setText(
            QCoreApplication.translate("Overview", "Active contracts ending within a day") if days == 1
            else QCoreApplication.translate("Overview", "Active contracts ending within {days} days")
            .format(days=days))
        names = {"critical": QCoreApplication.translate("Overview", "critical"), "high": QCoreApplication.translate("Overview", "high"), "normal": QCoreApplication.translate("Overview", "normal"),
                 "low": QCoreApplication.translate("Overview", "low")}
        parts = [f"<b>{n}</b> {names.get(code, code)}" for code, n in data.open_by_priority]
        if self._shown:
            self._draw_chart_later()
        self.priority_label.setText(QCoreApplication.translate("Overview", "Open requests by priority:") + " " + " · ".join(parts)
                                    if parts else "")


def install(window) -> None:
    window.workspace.open("overview", QCoreApplication.translate("Overview", "Overview"),
                          lambda parent: OverviewPage(ctx=window.ctx, parent=parent), pinned=True,
                          in_place=True)
