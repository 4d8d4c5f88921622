"""The contract editor's summary box: the contract at a glance, as the form stands (R-CON-2..5).

It only formats: the figures come from ``servicedesk.queries.contract_summary.summarize`` (the
core's rules applied to the form's values), so what it shows before saving is what the save and
the renewal run will do.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from servicedesk.queries.contract_summary import Notice, Plan, Renewal, Summary, Tickets

from .. import fmt

KEYS = ("term", "notice", "renewals", "renewal", "tickets", "instalment", "plan")
TWO_COLUMNS_FROM = 900  # px of the box: below, one column reads better than wrapped lines


def _captions() -> dict[str, str]:
    return {"term": QCoreApplication.translate("ContractEditor", "Current term"),
            "notice": QCoreApplication.translate("ContractEditor", "Notice by"),
            "renewals": QCoreApplication.translate("ContractEditor", "Renewals"),
            "renewal": QCoreApplication.translate("ContractEditor", "Renewal"),
            "tickets": QCoreApplication.translate("ContractEditor", "Tickets"),
            "instalment": QCoreApplication.translate("ContractEditor", "Next instalment"),
            "plan": QCoreApplication.translate("ContractEditor", "Instalments")}


class SummaryBox(QFrame):
    """Title line and one labelled value per :data:`KEYS` (``values[key]``: the QLabel)."""

    def __init__(self, parent: QWidget | None = None, *, columns: int = 1) -> None:
        super().__init__(parent)
        self.setObjectName("contractSummary")
        self.setStyleSheet("QFrame#contractSummary { background: #ffffff; border: 1px solid "
                           "#dde2ea; border-radius: 6px; } QFrame#contractSummary QLabel "
                           "{ border: none; }")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(10, 6, 10, 6)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(2)
        self.title = QLabel()
        self.title.setObjectName("summaryTitle")
        self.title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.title.setWordWrap(True)
        self.values: dict[str, QLabel] = {}
        self._captions: dict[str, QLabel] = {}
        captions = _captions()
        for key in KEYS:
            cap = QLabel(captions[key])
            cap.setProperty("role", "hint")
            value = QLabel()
            value.setObjectName(f"summary_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._captions[key] = cap
            self.values[key] = value
        self.max_columns = columns
        self._columns = 0
        self._arrange(1)

    def _arrange(self, columns: int) -> None:
        """One column of captions and values, or two side by side (half the height)."""
        if columns == self._columns:
            return
        self._columns = columns
        grid = self.grid
        for w in (self.title, *self._captions.values(), *self.values.values()):
            grid.removeWidget(w)
        for col in range(grid.columnCount()):
            grid.setColumnStretch(col, 0)
        grid.addWidget(self.title, 0, 0, 1, 2 * columns)
        per_column = -(-len(KEYS) // columns)
        for i, key in enumerate(KEYS):
            row, col = 1 + i % per_column, 2 * (i // per_column)
            grid.addWidget(self._captions[key], row, col, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self.values[key], row, col + 1, Qt.AlignmentFlag.AlignTop)
            grid.setColumnStretch(col + 1, 1)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        # two columns only where each still holds a line of the longest values
        self._arrange(2 if self.max_columns > 1 and event.size().width() >= TWO_COLUMNS_FROM
                      else 1)
        super().resizeEvent(event)

    def show_summary(self, s: Summary, title: str, alert_days: int) -> None:
        self.title.setText(title)
        v = self.values
        v["term"].setText(QCoreApplication.translate("ContractEditor", "no. {n}: {s} – {e}").format(
            n=s.term_no, s=fmt.date(s.term_start), e=fmt.date(s.term_end)))
        v["notice"].setText(notice_text(s.notice, s, alert_days))
        limit = (QCoreApplication.translate("ContractEditor", "no limit") if s.max_renewals is None
                 else str(s.max_renewals))
        v["renewals"].setText(QCoreApplication.translate("ContractEditor", "{d} of {m}").format(
            d=s.renewals_done, m=limit))
        v["renewal"].setText(renewal_text(s.renewal, s) or "—")
        v["tickets"].setText(tickets_text(s.tickets))
        v["instalment"].setText(next_due_text(s.plan))
        v["plan"].setText(plan_text(s.plan, s.saved))
        v["plan"].setToolTip(plan_tooltip(s.plan))


def notice_text(n: Notice, s: Summary, alert_days: int) -> str:
    if n.state == "not_renewable":
        return QCoreApplication.translate("ContractEditor", "not renewable: ends {e}").format(e=fmt.date(s.term_end))
    if n.state == "last_term":
        return QCoreApplication.translate("ContractEditor", "last term (maximum renewals reached): ends {e}").format(e=fmt.date(s.term_end))
    if n.state == "given":
        return QCoreApplication.translate("ContractEditor", "notice given on {d}: ends {e}").format(
            d=fmt.date(n.given_on), e=fmt.date(s.term_end))
    text = fmt.date(n.cancel_by)
    if n.given_on is not None:  # given after the deadline: effective at the following expiry
        return text + "  ·  " + QCoreApplication.translate("ContractEditor", "notice given on {d}").format(
            d=fmt.date(n.given_on))
    if n.days_left < 0:
        if s.renewal.state == "renews" and s.term_end >= s.today:
            return text + "  ·  " + QCoreApplication.translate("ContractEditor", "passed: renews on {d}").format(
                d=fmt.date(n.renews_on))
        return text + "  ·  " + QCoreApplication.translate("ContractEditor", "passed")
    if n.days_left <= alert_days:
        return "⚠ " + text + "  ·  " + QCoreApplication.translate("ContractEditor", "in {n} days").format(
            n=n.days_left)
    return text


def renewal_text(r: Renewal, s: Summary) -> str:
    """The renewal of the current term in one line: proposal pending, accepted, waiting…"""
    if r.state == "proposal_due":
        return QCoreApplication.translate("ContractEditor", "proposal to be made on {d}").format(d=fmt.date(r.on))
    if r.state == "proposed":
        text = QCoreApplication.translate("ContractEditor", "⚠ proposal pending since {d}: accept or reject "
                                                            "by {e}").format(d=fmt.date(r.on), e=fmt.date(s.term_end))
        if r.amount is not None:
            text += "  ·  " + fmt.euro(r.amount)
        if r.period is not None:
            text += "  ·  " + QCoreApplication.translate("ContractEditor", "ISTAT FOI {p} not yet published").format(
                p=r.period.label)
        return text
    if r.state == "accepted":
        text = QCoreApplication.translate("ContractEditor", "proposal accepted: renews on {d}").format(
            d=fmt.date(r.on))
        return text + ("  ·  " + fmt.euro(r.amount) if r.amount is not None else "")
    if r.state == "rejected":
        return QCoreApplication.translate("ContractEditor", "proposal rejected: ends {e}").format(e=fmt.date(r.on))
    if r.state == "unanswered":
        return QCoreApplication.translate("ContractEditor", "proposal unanswered: ended {e} (it can still be "
                                                            "accepted)").format(e=fmt.date(r.on))
    if r.state == "waiting":
        return QCoreApplication.translate("ContractEditor", "⚠ renewal waiting for the ISTAT FOI figure {p}: add "
                                                            "it or renew without it (Renewal tab)").format(p=r.period.label)
    if r.state == "ends":
        return QCoreApplication.translate("ContractEditor", "none: ends {e}").format(e=fmt.date(r.on))
    if r.state == "renews":
        text = QCoreApplication.translate("ContractEditor", "renews on {d} until {u}").format(
            d=fmt.date(r.on), u=fmt.date(r.until))
        if r.amount is not None:
            text += "  ·  " + fmt.euro(r.amount)
        if r.period is not None and r.istat_pct is not None:
            text += "  ·  " + QCoreApplication.translate("ContractEditor", "ISTAT FOI {p}: {c}%").format(
                p=r.period.label, c=fmt.number(r.istat_pct, 1))
        elif r.period is not None:
            text += "  ·  " + QCoreApplication.translate("ContractEditor", "ISTAT FOI {p} not yet published").format(
                p=r.period.label)
        return text
    return ""


def tickets_text(t: Tickets) -> str:
    text = QCoreApplication.translate("ContractEditor", "available {a} · used {u} · remaining {r}").format(
        a=t.available, u=t.used, r=t.remaining)
    return "⚠ " + text if t.low else text


def next_due_text(p: Plan) -> str:
    if p.source == "invalid":
        return "—"
    if p.next_due is None:
        return QCoreApplication.translate("ContractEditor", "none due")
    text = fmt.date(p.next_due) if p.next_amount is None \
        else f"{fmt.date(p.next_due)}  ·  {fmt.euro(p.next_amount)}"
    if p.next_overdue:
        text = "⚠ " + text + "  ·  " + QCoreApplication.translate("ContractEditor", "overdue")
    return text


def plan_text(p: Plan, saved: bool) -> str:
    if p.source == "invalid":
        return "—"
    if p.source == "none" or p.count == 0:
        return QCoreApplication.translate("ContractEditor", "none (no amount)") if p.source == "none" \
            else QCoreApplication.translate("ContractEditor", "none")
    if p.each is not None:
        text = f"{p.count} × {fmt.euro(p.each)}"
    elif p.total is not None:
        text = QCoreApplication.translate("ContractEditor", "{n}, total {t}").format(
            n=p.count, t=fmt.euro(p.total))
    else:
        text = str(p.count)
    if p.first_due is not None:
        text += "  ·  " + QCoreApplication.translate("ContractEditor", "from {d}").format(d=fmt.date(p.first_due))
    if p.source == "preview" and saved:
        text += "  ·  " + QCoreApplication.translate("ContractEditor", "new plan on save")
    elif p.source == "kept":
        text += "  ·  " + QCoreApplication.translate("ContractEditor", "kept as it is")
    return text


def plan_tooltip(p: Plan) -> str:
    if p.source == "kept":
        return QCoreApplication.translate(
            "ContractEditor", "The plan of the current term was edited by hand or is partly "
                              "paid: saving leaves it as it is. Regenerate it (Billing tab) "
                              "after saving to follow the new settings.")
    if p.source == "preview":
        return QCoreApplication.translate(
            "ContractEditor", "The plan the save will write, from the amount and the billing "
                              "settings as they are in the form.")
    return ""
