"""The request history and an intervention's override note read in Italian (R-REQ-5, R-X-3, #12:
"Intervento: ()", "completed intervention #…" and "double_booking: overlaps…" were shown)."""
from __future__ import annotations

import datetime as dt

import pytest

from servicedesk import clock
from servicedesk.models import ActivityType, Operator, ServiceRequest
from servicedesk.services import interventions

from .test_messages_italian import english_words


@pytest.fixture
def italian_window(qtbot, demo_db):
    from PySide6.QtWidgets import QApplication

    from ui import i18n
    from ui.app import build_window

    i18n.install(QApplication.instance(), "it")
    window = build_window(demo_db, lang="it", screenshot=True)
    qtbot.addWidget(window)
    yield window
    i18n.install(QApplication.instance(), "en")


def test_history_says_what_happened_to_each_intervention_in_italian(italian_window):
    request = ServiceRequest.select().where(ServiceRequest.status == "in_progress").first()
    operator = Operator.select().where(Operator.role == "technician").first()
    repair = ActivityType.get(code="repair")
    monday = clock.today() + dt.timedelta(days=7 - clock.today().weekday())
    start = dt.datetime.combine(monday, dt.time(8))
    item = interventions.schedule(request.id, activity_type_id=repair.id, operator_id=operator.id,
                                  planned_start=start, planned_end=start + dt.timedelta(hours=1),
                                  override=True).intervention
    interventions.cancel(item, "Il cliente ha rimandato")
    italian_window.ctx.bus.open_request.emit(request.id)
    editor = italian_window.workspace.currentWidget()
    history = editor.timeline.browser.toPlainText()
    assert "Intervento pianificato: Riparazione" in history
    assert "Intervento annullato: Riparazione" in history and "Il cliente ha rimandato" in history
    assert "Intervento: ()" not in history and "Intervento:  (" not in history
    assert "intervention #" not in history
    assert not english_words(history.replace("RS-", "")), english_words(history)


def test_override_note_of_a_double_booking_reads_in_italian(italian_window):
    from ui.widgets.board_common import override_note_text

    request = ServiceRequest.select().where(ServiceRequest.status == "in_progress").first()
    operator = Operator.select().where(Operator.role == "technician").first()
    repair = ActivityType.get(code="repair")
    monday = clock.today() + dt.timedelta(days=14 - clock.today().weekday())
    start = dt.datetime.combine(monday, dt.time(9))
    end = start + dt.timedelta(hours=2)
    first = interventions.schedule(request.id, activity_type_id=repair.id, operator_id=operator.id,
                                   planned_start=start, planned_end=end, override=True).intervention
    second = interventions.schedule(request.id, activity_type_id=repair.id, operator_id=operator.id,
                                    planned_start=start, planned_end=end, override=True,
                                    override_note="Cliente urgente").intervention
    shown = override_note_text(second.reload().override_note)
    assert "double_booking" not in shown and "overlaps" not in shown
    assert f"Doppia prenotazione: si sovrappone all'intervento n. {first.id}" in shown, shown
    assert "Cliente urgente" in shown


def test_overview_cards_read_in_italian(italian_window):
    """Every caption of the overview in Italian (#12: the contracts card was English: lupdate
    never saw its plural form)."""
    from PySide6.QtWidgets import QLabel

    page = italian_window.workspace.widget_for("overview")
    captions = [label.text() for label in page.findChildren(QLabel) if label.text()]
    assert any("Contratti attivi in scadenza entro" in c for c in captions), captions
    assert any(c.startswith("In ritardo") for c in captions), captions
    for caption in captions:
        assert not english_words(caption), caption
