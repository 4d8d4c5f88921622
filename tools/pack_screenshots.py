"""Render the laptop dialogs offscreen (merge review, merge summary, a pack's window) for the
README and for looking at them: ``uv run python tools/pack_screenshots.py OUT_DIR [--lang it]``."""
from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="it")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtWidgets import QApplication

    from servicedesk import clock, context
    from servicedesk.db import open_database
    from servicedesk.demo import generate
    from servicedesk.models import Intervention, Operator, ServiceRequest, WorkLog
    from servicedesk.permissions import Permission, Role
    from servicedesk.packs.export import prepare_pack
    from servicedesk.services import interventions, requests as rq, worklogs
    from ui import i18n
    from ui.app import build_window

    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    from servicedesk.paths import resources_dir

    app.setStyleSheet((resources_dir() / "style.qss").read_text(encoding="utf-8"))
    i18n.install(app, args.lang)
    work = Path(tempfile.mkdtemp())
    office_path, pack_path = work / "ufficio.db", work / "tecnico.sdpack"
    generate(office_path, "small")
    db = open_database(office_path)
    today = dt.datetime.combine(clock.today(), dt.time())
    iv = (Intervention.select().join(Operator, on=(Intervention.operator == Operator.id))
          .where(Operator.role == "technician", Intervention.status == "planned",
                 Intervention.planned_start >= today)
          .order_by(Intervention.planned_start).first())
    tech = Operator.get_by_id(iv.operator_id)
    prepare_pack(db, pack_path, tech.id)
    db.close()
    # the laptop's day
    db = open_database(pack_path)
    context.set_actor(context.Actor(tech.id, Role(tech.role), tech.full_name,
                                    extra=frozenset({Permission.REQUEST_EDIT, Permission.PARTY_EDIT})))
    others = list(ServiceRequest.select().where(ServiceRequest.status.in_(("assigned", "in_progress")))
                  .limit(3))
    for n, req in enumerate(others):
        data = rq.RequestInput.of(req)
        data.subject = ["Stampante ferma in reparto", "Errore E02 dopo il riavvio",
                        "Cassetto 2 non riconosciuto"][n]
        if n == 0:
            data.priority_id = req.priority_id
        rq.update_request(req, data)
    worklogs.create(iv.request_id, worklogs.WorklogInput(tech.id, clock.today(), iv.activity_type_id,
                                                         minutes=90, notes="Sostituito il fusore"),
                    allow_overlap=True)
    rq.create_request(rq.RequestInput(customer_id=others[0].customer_id, priority_id=others[0].priority_id,
                                      description="Seconda stampante: inceppamenti frequenti"))
    window = build_window(db, lang=args.lang, screenshot=True)
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    window.grab().save(str(args.out / "pack_window.png"))
    window.close()
    db.close()
    # the office changed the same subjects meanwhile
    context.set_actor(context.SYSTEM)
    db = open_database(office_path)
    for n, req in enumerate(ServiceRequest.select().where(ServiceRequest.id.in_([r.id for r in others]))):
        data = rq.RequestInput.of(req)
        data.subject = ["Stampante bloccata (chiamata di sollecito)", "E02 ricorrente",
                        "Cassetto 2 guasto"][n]
        rq.update_request(req, data)
    window = build_window(db, lang=args.lang, screenshot=True)
    from ui.dialogs.pack_merge import PackMergeDialog
    from ui.dialogs.pack_review import PackReviewDialog

    merge = PackMergeDialog(ctx=window.ctx, path=str(pack_path), parent=window)
    merge.show()
    app.processEvents()
    merge.grab().save(str(args.out / "pack_merge.png"))
    review = PackReviewDialog(merge.report.conflicts, operator=tech.full_name, parent=window)
    review.choose(0, "laptop")
    review.choose(1, "office")
    review.show()
    app.processEvents()
    review.grab().save(str(args.out / "pack_review.png"))
    db.close()
    shutil.rmtree(work, ignore_errors=True)
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
