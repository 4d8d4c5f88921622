"""The Analysis menu: one workspace tab per subject (R-ANA-1..3, R-LOG-2, R-CON-6)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from servicedesk.permissions import Permission

ORDER = 90


def open_analysis(window, subject: str):
    from ..analysis.labels import subject_title
    from ..analysis.page import AnalysisPage

    title = QCoreApplication.translate("Analysis", "Analysis: {subject}").format(
        subject=subject_title(subject))
    # Made in its tab (in_place): a page moved into the tab is styled again, widget by widget
    return window.workspace.open(f"analysis:{subject}", title,
                                 lambda parent: AnalysisPage(ctx=window.ctx, subject=subject,
                                                             parent=parent), in_place=True)


def install(window) -> None:
    menu = window.menu("analysis", QCoreApplication.translate("Analysis", "&Analysis"))
    entries = [
        ("requests", QCoreApplication.translate("Analysis", "&Requests and interventions"), None),
        ("worklogs", QCoreApplication.translate("Analysis", "&Work logs"), None),
        ("contracts", QCoreApplication.translate("Analysis", "&Contracts"), Permission.CONTRACT_READ),
    ]
    actor = window.ctx.actor
    for subject, text, permission in entries:
        action = QAction(text, window)
        action.setObjectName(f"action_analysis_{subject}")
        allowed = actor.can(Permission.ANALYSIS) and (permission is None or actor.can(permission))
        action.setEnabled(allowed)
        action.triggered.connect(lambda _checked=False, s=subject: open_analysis(window, s))
        menu.addAction(action)
