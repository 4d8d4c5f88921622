"""Every action a user can reach runs: each menu entry, each dock button and list, each dialog
and page they open, on the demo database; no slot may raise, Qt may log no warning (R-X-8)."""
from __future__ import annotations

import time

from .crawler import Crawler
from .test_messages_italian import english_words, raw_field_prefixes

# The few things the crawl must not trigger, with the reason; everything else is crawled,
# including what is added later.
EXCLUDED = {
    "[actionQuit]": "closes the main window: the end of the crawl",
    "[actionSignOut]": "asks who continues and, when cancelled, closes the window on purpose "
                       "(tests/ui/test_signin.py drives it)",
}


def _excluded(what: str) -> str | None:
    return next((reason for key, reason in EXCLUDED.items() if key in what), None)


def _request_in(status: str) -> int:
    from servicedesk.models import ServiceRequest
    from servicedesk.services import requests as svc

    rid = (ServiceRequest.select(ServiceRequest.id).where(ServiceRequest.status == status)
           .order_by(ServiceRequest.id).scalar())
    if rid is None and status == "resolved":  # the demo closes what it resolves: resolve one
        rid = _request_in("in_progress")
        svc.change_status(svc.get(rid), "resolved", final_report="Sostituita la scheda.")
    assert rid is not None, status
    return rid


def _select_a_board_block(window) -> None:
    """The board's tools act on the selected intervention: select one, as a click does."""
    from servicedesk.models import Intervention

    board = window.board
    item = (Intervention.select().where(Intervention.planned_start.is_null(False),
                                        Intervention.status == "planned")
            .order_by(Intervention.planned_start.desc()).first())
    assert item is not None
    board.show_intervention(item.id)
    assert board.selected is not None


def test_every_menu_action_button_and_dialog_runs_without_error(qtbot, qtlog, demo_db, tmp_path):
    from PySide6.QtWidgets import QApplication

    from ui import i18n
    from ui.app import build_window

    i18n.install(QApplication.instance(), "it")  # the office's language
    window = build_window(demo_db, lang="it", screenshot=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    save_dir = tmp_path / "saved"
    save_dir.mkdir()
    _select_a_board_block(window)
    try:
        _crawl(window, save_dir, qtlog)
    finally:
        i18n.install(QApplication.instance(), "en")


def _crawl(window, save_dir, qtlog) -> None:
    bus = window.ctx.bus
    status: list[str] = []
    bus.status_message.connect(status.append)
    started = time.perf_counter()
    with Crawler(window, excluded=_excluded, save_dir=save_dir, qtlog=qtlog) as crawler:
        crawl = crawler.crawl_window()
        for status in ("resolved", "closed", "waiting_customer", "cancelled"):
            rid = _request_in(status)
            crawler.crawl_from(f"open a {status} request",
                               lambda rid=rid: bus.open_request.emit(rid))
    elapsed = time.perf_counter() - started
    print(f"\ncrawl: {len(crawl.steps)} steps, {len(crawl.dialogs)} dialogs/windows, "
          f"{elapsed:.1f} s")
    for line in crawl.steps:
        print("  step", line)
    for line in crawl.dialogs:
        print("  dialog", line)
    for where, text in crawl.messages:
        print("  message", where, "::", text.replace("\n", " / "))
    assert not crawl.errors and not crawl.warnings, crawl.report()
    assert len(crawl.steps) > 200, "the crawl no longer reaches the app's buttons"
    assert list(save_dir.iterdir()), "no save dialog was exercised"
    _everything_shown_is_italian(crawl, status)


def _everything_shown_is_italian(crawl, status: list[str]) -> None:
    """What the crawl made the app say (#12): no internal field name, no English left."""
    import os

    problems = []
    for where, text in crawl.messages:
        if raw_field_prefixes(text) or english_words(text):
            problems.append(f"message at {where}: {text!r}")
    for text in status:
        if english_words(text):
            problems.append(f"status bar: {text!r}")
    for title in {d.split(": ", 1)[-1] for d in crawl.dialogs}:
        if english_words(title.split(" (in ")[0]):
            problems.append(f"dialog title: {title!r}")
    for title, folder, name in crawl.saves:
        if english_words(name.replace("-", " ").replace("_", " ").rsplit(".", 1)[0]):
            problems.append(f"file name proposed by {title!r}: {name!r}")
        if os.path.samefile(folder, os.getcwd()):
            problems.append(f"{title!r} starts in the program's working folder")
    assert not problems, "\n".join(problems)
