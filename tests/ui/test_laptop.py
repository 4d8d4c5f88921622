"""The laptop in the UI: prepare a pack, open it, log work, sign, close a request, merge with
one conflict (R-X-2, R-X-7, #16)."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTime
from PySide6.QtGui import QPointingDevice, QTabletEvent
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QToolBar
from PySide6.QtTest import QTest

from servicedesk import clock, context
from servicedesk.db import open_database
from servicedesk.models import (AuditLog, Intervention, Operator, ServiceRequest, WorkLog)
from servicedesk.services import requests as rq, signatures


def _window(db):
    from ui.app import build_window

    return build_window(db, lang="en", screenshot=True)


def _technician_with_work() -> Operator:
    """A technician with open interventions in the coming days (the demo has several)."""
    today = dt.datetime.combine(clock.today(), dt.time())
    row = (Intervention.select(Intervention.operator)
           .join(Operator, on=(Intervention.operator == Operator.id))
           .where(Operator.role == "technician", Intervention.status == "planned",
                  Intervention.planned_start >= today,
                  Intervention.planned_start < today + dt.timedelta(days=14))
           .group_by(Intervention.operator).order_by(Intervention.operator).first())
    return Operator.get_by_id(row.operator_id)


def _draw(qtbot, pad) -> None:
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(40, 100))
    for x in range(50, 300, 25):
        QTest.mouseMove(pad, QPoint(x, 100 + (x % 50) - 25))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(310, 90))


def test_a_pack_from_preparing_to_merging(qtbot, demo_db, tmp_path, monkeypatch):
    from ui.dialogs.pack_merge import PackMergeDialog
    from ui.dialogs.pack_prepare import PackPrepareDialog
    from ui.dialogs.pack_review import PackReviewDialog
    from ui.dialogs.schedule_dialog import CompleteDialog
    from ui.dialogs.worklog_dialog import WorklogDialog
    from ui.features.laptop import open_signature

    office_path = demo_db.info.path
    tech = _technician_with_work()
    # -- in the office: File › Laptop › Prepare pack…
    office = _window(demo_db)
    qtbot.addWidget(office)
    prepare_action = office.findChild(QAction, "actionPreparePack")
    assert prepare_action.isEnabled()
    prepare_action.trigger()
    dialog = office.findChild(PackPrepareDialog)
    dialog.operator.setCurrentIndex(dialog.operator.findData(tech.id))
    pack = tmp_path / "tecnico.sdpack"
    dialog.path.setText(str(pack))
    qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
    assert pack.exists() and "Pack written" in dialog.summary.text()
    assert "MB" in dialog.summary.text()
    dialog.reject()
    office.close()
    demo_db.close()

    # -- on the laptop: the window says whose pack it is; office-only actions disabled
    laptop_db = open_database(pack)
    laptop = _window(laptop_db)
    qtbot.addWidget(laptop)
    assert laptop.ctx.actor.operator_id == tech.id
    assert laptop.findChild(QToolBar, "packBanner") is not None
    assert tech.full_name in laptop.findChild(QLabel, "packBannerText").text()
    for name in ("actionRunRenewals", "actionPreparePack", "actionOperators"):
        action = laptop.findChild(QAction, name)
        assert action is not None and not action.isEnabled(), name
    iv = (Intervention.select().where(Intervention.operator == tech.id,
                                      Intervention.status == "planned")
          .order_by(Intervention.planned_start).first())
    request_id = iv.request_id
    # log work
    log = WorklogDialog(ctx=laptop.ctx, request_id=request_id)
    qtbot.addWidget(log)
    # a free slot of that day (the demo's own entries move with the date the test runs on)
    day = log.date.date().toPython()
    busy_until = max((e.end_time for e in WorkLog.select().where(
        WorkLog.operator == tech.id, WorkLog.work_date == day, WorkLog.end_time.is_null(False))),
        default=dt.time(7, 0))
    start = max(busy_until, dt.time(7, 0)).replace(second=0, microsecond=0)
    assert start < dt.time(22, 0), "the technician's day is full"
    log.start.setTime(QTime(start.hour, start.minute))
    end = (dt.datetime.combine(day, start) + dt.timedelta(minutes=90)).time()
    log.end.setTime(QTime(end.hour, end.minute))
    log.notes.setPlainText("On site, offline")
    log.save()
    assert WorkLog.select().where(WorkLog.notes == "On site, offline").count() == 1
    # complete the intervention, then the customer signs on screen
    clock.freeze(max(clock.now(), iv.planned_start + dt.timedelta(hours=2)))
    complete = CompleteDialog(ctx=laptop.ctx, intervention_id=iv.id)
    qtbot.addWidget(complete)
    complete.report.setPlainText("Replaced the fuser")
    complete.log_work.setChecked(False)
    complete.save()
    assert Intervention.get_by_id(iv.id).status == "done"
    sign = open_signature(laptop, iv.id)
    sign.name.setText("Mario Rossi")
    _draw(qtbot, sign.pad)
    assert not sign.pad.is_empty()
    sign.save()
    stored = Intervention.get_by_id(iv.id)
    assert stored.signer_name == "Mario Rossi" and len(signatures.strokes(stored.signature)) == 1
    # close the request (resolve with the final report, then close)
    req = ServiceRequest.get_by_id(request_id)
    for to in ("in_progress", "resolved", "closed"):
        if to in rq.allowed_transitions(req.status):
            outcome = laptop.ctx.ops.run(laptop, rq.change_status, req, to,
                                         final_report="Fuser replaced on site")
            assert outcome is not None
            req = outcome.result
    assert req.status == "closed"
    # something the office will change too: the request's subject
    data = rq.RequestInput.of(req)
    data.subject = "Laptop subject"
    assert laptop.ctx.ops.run(laptop, rq.update_request, req, data) is not None
    assert "to go back" in laptop.findChild(QLabel, "statusPack").text()
    laptop.close()
    laptop_db.close()
    clock.freeze(None)

    # -- back in the office: a conflict on the subject, decided for the laptop
    context.set_actor(context.SYSTEM)
    office_db = open_database(office_path)
    req = ServiceRequest.get_by_id(request_id)
    data = rq.RequestInput.of(req)
    data.subject = "Office subject"
    rq.update_request(req, data)
    office = _window(office_db)
    qtbot.addWidget(office)
    merge = PackMergeDialog(ctx=office.ctx, path=str(pack), parent=office)
    qtbot.addWidget(merge)
    assert merge.report is not None and len(merge.report.conflicts) == 1
    assert "1 to decide" in merge.review_button.text()

    def decide(self):
        self.choose_all("laptop")
        self.accept()
        return 1

    monkeypatch.setattr(PackReviewDialog, "exec", decide)
    qtbot.mouseClick(merge.merge_button, Qt.MouseButton.LeftButton)
    assert merge.merged is not None and merge.merged.applied
    assert "Merged:" in merge.summary.toPlainText()
    merged = ServiceRequest.get_by_id(request_id)
    assert (merged.status, merged.subject) == ("closed", "Laptop subject")
    assert Intervention.get_by_id(iv.id).signer_name == "Mario Rossi"
    assert WorkLog.select().where(WorkLog.notes == "On site, offline").count() == 1
    audit = AuditLog.get(AuditLog.action == "merge.laptop")
    assert audit.operator_id == tech.id and audit.field == "subject"
    assert not merge.merge_button.isEnabled()
    office.close()
    office_db.close()


def test_the_pad_takes_mouse_pen_and_touch(qtbot):
    from ui.widgets.signature_pad import SignaturePad

    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(600, 240)
    pad.show()
    _draw(qtbot, pad)
    assert len(signatures.strokes(pad.path())) == 1
    # a pen
    device = QPointingDevice.primaryPointingDevice()
    for kind, x, pressure in ((QEvent.Type.TabletPress, 100, 0.5), (QEvent.Type.TabletMove, 150, 0.6),
                              (QEvent.Type.TabletMove, 200, 0.6), (QEvent.Type.TabletRelease, 210, 0)):
        pos = QPointF(x, 180)
        event = QTabletEvent(kind, device, pos, pad.mapToGlobal(pos), pressure, 0, 0, 0, 0, 0,
                             Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton,
                             Qt.MouseButton.LeftButton)
        QApplication.sendEvent(pad, event)
    assert len(signatures.strokes(pad.path())) == 2
    # a finger
    touch = QTest.createTouchDevice()
    QTest.touchEvent(pad, touch).press(0, QPoint(300, 60))
    QTest.touchEvent(pad, touch).move(0, QPoint(350, 70))
    QTest.touchEvent(pad, touch).move(0, QPoint(400, 65))
    QTest.touchEvent(pad, touch).release(0, QPoint(420, 60))
    strokes = signatures.strokes(pad.path())
    assert len(strokes) == 3 and len(strokes[2]) >= 3
    # every point in the signature's own box, whatever the widget's size
    assert all(0 <= x <= signatures.WIDTH and 0 <= y <= signatures.HEIGHT
               for s in strokes for x, y in s)
    pad.clear()
    assert pad.is_empty()


def test_the_signature_is_printed_on_the_sheet(qtbot, tmp_path):
    """R-X-7: the captured signature and the signer's name on the intervention sheet."""
    from servicedesk.services import interventions
    from tests.core.pack_helpers import T0, build_office
    from ui.printing import intervention_sheet
    from ui.printing.signature_image import customer_signature

    office = build_office(tmp_path / "o" if (tmp_path / "o").mkdir() is None else None, requests=1)
    try:
        iv = Intervention.get_by_id(office.intervention_ids[0])
        interventions.start(iv, at=T0)
        assert customer_signature(iv.id) is None
        signatures.sign(iv.id, signer_name="Mario Rossi",
                        path="M20 200 L120 60 L220 200 L320 60 L420 200")
        image, name, _ = customer_signature(iv.id)
        inked = sum(1 for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
                    if image.pixelColor(x, y).alpha() > 0)
        assert name == "Mario Rossi" and inked > 20
        pdf = tmp_path / "sheet.pdf"
        intervention_sheet.save_pdf(iv.id, str(pdf), "en")
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LTFigure, LTImage, LTTextContainer

        page = next(iter(extract_pages(str(pdf))))
        text = " ".join(" ".join(e.get_text().split()) for e in page
                        if isinstance(e, LTTextContainer))
        images = [e for e in page if isinstance(e, (LTImage, LTFigure))]
        assert "MARIO ROSSI" in text
        assert images  # the signature drawn in the customer's box
    finally:
        office.db.close()
