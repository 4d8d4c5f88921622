"""Laptop packs: prepare, work offline, merge back (R-X-2, issue #16)."""
from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from servicedesk import clock, context
from servicedesk.models import (AuditLog, Intervention, KbArticle, Operator, Party,
                                RequestEvent, ServiceRequest, TicketMovement, Tombstone, Unit,
                                WorkLog)
from servicedesk.packs import PackError, pack_info
from servicedesk.packs.export import outstanding, prepare_pack
from servicedesk.packs.merge import LAPTOP, OFFICE, merge_pack
from servicedesk.services import interventions, kb, parties, requests as rq, tickets, units, \
    worklogs

from .pack_helpers import T0, build_office, export, laptop, request


@pytest.fixture
def office(tmp_path):
    office = build_office(tmp_path)
    yield office
    office.db.close()


def _tables(con) -> set[str]:
    return {r[0] for r in con.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL "
                                      "AND name NOT LIKE 'pack_%' AND name NOT LIKE 'sqlite_%'")}


def test_pack_holds_the_operators_work_with_the_offices_schema(office, tmp_path):
    """R-X-2: one file, same schema, the technician's interventions and what they touch; no
    money for a technician, no other password, the KB searchable offline."""
    kb.create_article(kb.ArticleData(title="Inceppamento fusore", symptoms="carta inceppata",
                                     solution="Sostituire il fusore"))
    result = export(office, tmp_path / "luca.sdpack")
    assert result.counts["intervention"] == 3 and result.counts["service_request"] == 3
    assert result.counts["instalment"] == 0 and not result.money
    assert result.size_bytes == (tmp_path / "luca.sdpack").stat().st_size
    pack = sqlite3.connect(tmp_path / "luca.sdpack")
    office_con = sqlite3.connect(office.path)
    assert _tables(pack) == _tables(office_con)
    assert pack.execute("SELECT count(*) FROM service_request WHERE description = "
                        "'Not in the pack'").fetchone()[0] == 0
    assert pack.execute("SELECT serial FROM unit").fetchall() == [("SN-1",)]
    assert pack.execute("SELECT amount FROM contract").fetchone()[0] == 0
    hashes = dict(pack.execute("SELECT username, password_hash FROM operator"))
    assert hashes == {"tecnico": "x", "capo": ""}
    assert pack.execute("SELECT count(*) FROM kb_article_fts WHERE kb_article_fts MATCH "
                        "'fusor*'").fetchone()[0] == 1
    assert pack.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert pack.execute("PRAGMA foreign_key_check").fetchall() == []
    pack.close()
    office_con.close()
    with laptop(office, tmp_path / "luca.sdpack") as db:
        info = pack_info(db)
        assert info.operator_username == "tecnico" and info.period_start == T0.date()
        assert info.period_end == T0.date() + dt.timedelta(days=13)
        from servicedesk.queries import kb as kbq  # searched with the same code as the office

        assert kbq is not None


def test_a_manager_takes_the_money_along(tmp_path):
    office = build_office(tmp_path, tech_role="manager")
    try:
        result = export(office, tmp_path / "m.sdpack")
        assert result.money
        pack = sqlite3.connect(tmp_path / "m.sdpack")
        assert pack.execute("SELECT amount FROM contract").fetchone()[0] == 1200
        pack.close()
    finally:
        office.db.close()


def test_a_second_pack_warns_about_the_first(office, tmp_path):
    first = export(office, tmp_path / "a.sdpack")
    assert first.earlier == []
    second = export(office, tmp_path / "b.sdpack")
    assert [p["pack_uuid"] for p in second.earlier] == [first.pack_uuid]
    assert len(outstanding(office.tech_id)) == 2


def test_cancel_leaves_no_file(office, tmp_path):
    class Stop(Exception):
        pass

    class Control:
        n = 0

        def check(self):
            self.n += 1
            if self.n > 5:
                raise Stop

        def progress(self, *a):
            pass

    with pytest.raises(Stop):
        export(office, tmp_path / "c.sdpack", control=Control())
    assert list(tmp_path.glob("c.sdpack*")) == []


def _work_on_the_road(office, path):
    """A day on the road: complete, log, answer, resolve and close, new request, new customer
    with a unit, a KB article."""
    with laptop(office, path):
        clock.freeze(T0 + dt.timedelta(days=1, hours=3))
        iv = Intervention.get_by_id(office.intervention_ids[0])
        interventions.complete(iv, actual_start=T0 + dt.timedelta(days=1),
                               actual_end=T0 + dt.timedelta(days=1, hours=1), report="Fusore")
        worklogs.create(iv.request_id, worklogs.WorklogInput(
            office.tech_id, clock.today(), iv.activity_type_id, minutes=60, notes="sul posto"))
        rq.add_note(iv.request_id, "Cliente avvisato", kind="answer")
        req = request(iv.request_id)
        req = rq.change_status(req, "resolved", final_report="Fusore sostituito")
        clock.freeze(T0 + dt.timedelta(days=1, hours=4))
        rq.change_status(req, "closed")
        new_party = parties.create_party(name="Bar Sport", vat_number="IT01000000016")
        product_id = Unit.get_by_id(office.unit_id).product_id
        unit = units.create_unit(product=product_id, serial="SN-NEW", owner=new_party.id)
        new = rq.create_request(rq.RequestInput(customer_id=new_party.id, description="Non stampa",
                                                priority_id=req.priority_id, unit_ids=[unit.id]))
        kb.create_article(kb.ArticleData(title="Bar Sport: stampante", solution="Cavo"))
        return new.number, new_party.code


def test_merge_brings_the_days_work_back_as_if_entered_in_the_office(office, tmp_path):
    """R-X-2: everything comes back; numbers become real; tickets debited and SLA clocks
    computed as in the office; audited with the technician as author."""
    path = tmp_path / "luca.sdpack"
    export(office, path)
    tmp_number, tmp_code = _work_on_the_road(office, path)
    assert tmp_number.startswith("TMP-") and tmp_code.startswith("TMP-")
    before_audit = AuditLog.select().count()
    report = merge_pack(path)
    assert report.applied and report.exit_code == 0 and not report.conflicts
    numbers = {t: (a, b) for t, a, b in report.numbers}
    assert numbers["service_request"][0] == tmp_number
    assert numbers["service_request"][1].startswith("RS-2026-")
    assert numbers["party"][1].startswith("C")
    new = ServiceRequest.get(ServiceRequest.number == numbers["service_request"][1])
    assert Party.get_by_id(new.customer_id).name == "Bar Sport"
    assert new.response_due is not None and new.sla_due is not None
    done = request(office.request_ids[0])
    assert done.status == "closed" and done.final_report == "Fusore sostituito"
    assert done.closed_at == T0 + dt.timedelta(days=1, hours=4)
    assert done.first_response_at is not None and done.paused_since is not None
    assert Intervention.get_by_id(office.intervention_ids[0]).status == "done"
    assert WorkLog.select().where(WorkLog.request == done.id).count() == 1
    assert tickets.balance(office.contract_id).remaining == 4  # debited in the office
    debit = TicketMovement.get(TicketMovement.request == done.id)
    assert debit.operator_id == office.tech_id
    assert KbArticle.select().where(KbArticle.title == "Bar Sport: stampante").exists()
    authors = {a.operator_id for a in AuditLog.select().where(AuditLog.id > 0)
               .order_by(AuditLog.id.desc()).limit(AuditLog.select().count() - before_audit)}
    assert authors == {office.tech_id}
    # the same clocks the office computes when the same moves are made there
    clock.freeze(T0)
    twin = rq.create_request(rq.RequestInput(customer_id=office.party_id, description="twin",
                                             priority_id=done.priority_id,
                                             contract_id=done.contract_id))
    planned = Intervention.get_by_id(office.intervention_ids[0])
    twin_iv = interventions.schedule(
        twin.id, activity_type_id=planned.activity_type_id, planned_start=planned.planned_start,
        planned_end=planned.planned_end, operator_id=office.tech_id, override=True).intervention
    clock.freeze(T0 + dt.timedelta(days=1, hours=3))
    interventions.complete(twin_iv, actual_start=T0 + dt.timedelta(days=1),
                           actual_end=T0 + dt.timedelta(days=1, hours=1), report="Fusore")
    rq.add_note(twin.id, "x", kind="answer")
    twin = rq.change_status(request(twin.id), "resolved", final_report="r")
    clock.freeze(T0 + dt.timedelta(days=1, hours=4))
    twin = rq.change_status(twin, "closed")
    for name in ("first_response_at", "response_due", "resolution_due", "paused_since",
                 "paused_minutes", "resolved_at", "closed_at", "sla_due", "sla_risk_at"):
        assert getattr(twin, name) == getattr(request(done.id), name), name


def test_the_same_pack_twice_changes_nothing(office, tmp_path):
    path = tmp_path / "luca.sdpack"
    export(office, path)
    _work_on_the_road(office, path)
    first = merge_pack(path)
    counts = [m.select().count() for m in (ServiceRequest, RequestEvent, WorkLog, AuditLog,
                                           TicketMovement, Party, Unit)]
    again = merge_pack(path)
    assert again.already_merged and again.changes == 0 and again.exit_code == 0
    assert counts == [m.select().count() for m in (ServiceRequest, RequestEvent, WorkLog,
                                                   AuditLog, TicketMovement, Party, Unit)]
    assert first.round == again.round == 1


def test_conflicts_are_decided_per_field_and_audited(office, tmp_path):
    path = tmp_path / "luca.sdpack"
    export(office, path)
    rid = office.request_ids[1]
    with laptop(office, path):
        req = request(rid)
        rq.update_request(req, rq.RequestInput(**{**rq.RequestInput.of(req).__dict__,
                                                  "subject": "laptop subject",
                                                  "description": "laptop description"}))
    req = request(rid)
    rq.update_request(req, rq.RequestInput(**{**rq.RequestInput.of(req).__dict__,
                                              "subject": "office subject"}))
    dry = merge_pack(path, dry_run=True)
    assert [(c.field, c.base, c.office, c.laptop) for c in dry.conflicts] == [
        ("subject", "Jam 1", "office subject", "laptop subject")]
    undecided = merge_pack(path)
    assert not undecided.applied and undecided.exit_code == 1
    assert request(rid).description == "Printer jams (1)"  # nothing written
    key = dry.conflicts[0].key
    report = merge_pack(path, decisions={key: LAPTOP})
    assert report.applied and report.exit_code == 0
    merged = request(rid)
    assert (merged.subject, merged.description) == ("laptop subject", "laptop description")
    decision = AuditLog.get(AuditLog.action == "merge.laptop")
    assert (decision.field, decision.old_value, decision.new_value, decision.operator_id) == (
        "subject", "office subject", "laptop subject", office.tech_id)


def test_prefer_office_keeps_the_offices_value(office, tmp_path):
    path = tmp_path / "luca.sdpack"
    export(office, path)
    rid = office.request_ids[1]
    with laptop(office, path):
        req = request(rid)
        rq.update_request(req, rq.RequestInput(**{**rq.RequestInput.of(req).__dict__,
                                                  "subject": "laptop"}))
    req = request(rid)
    rq.update_request(req, rq.RequestInput(**{**rq.RequestInput.of(req).__dict__,
                                              "subject": "office"}))
    report = merge_pack(path, prefer=OFFICE)
    assert report.applied and request(rid).subject == "office"
    assert AuditLog.select().where(AuditLog.action == "merge.office").count() == 1


def test_deletions_travel_by_tombstones(office, tmp_path):
    rid = office.request_ids[2]
    activity = Intervention.get_by_id(office.intervention_ids[2]).activity_type_id
    entry = lambda n: worklogs.create(rid, worklogs.WorklogInput(  # noqa: E731
        office.tech_id, T0.date(), activity, minutes=n))
    keep, gone, edited = entry(10), entry(20), entry(30)
    path = tmp_path / "luca.sdpack"
    export(office, path)
    with laptop(office, path):
        worklogs.delete(WorkLog.get_by_id(gone.id))
        worklogs.delete(WorkLog.get_by_id(edited.id))
        e = WorkLog.get_by_id(keep.id)
        worklogs.update(e, worklogs.WorklogInput(office.tech_id, T0.date(), activity,
                                                 minutes=15))
    # meanwhile the office edits one the laptop deleted, and deletes one the laptop edited
    e = WorkLog.get_by_id(edited.id)
    worklogs.update(e, worklogs.WorklogInput(office.tech_id, T0.date(), activity, minutes=35))
    worklogs.delete(WorkLog.get_by_id(keep.id))
    report = merge_pack(path, dry_run=True)
    kinds = sorted(c.kind for c in report.conflicts)
    assert kinds == ["deleted_laptop", "deleted_office"]
    decisions = {c.key: LAPTOP for c in report.conflicts}
    report = merge_pack(path, decisions=decisions)
    assert report.applied
    assert not WorkLog.select().where(WorkLog.id.in_([gone.id, edited.id])).exists()
    restored = WorkLog.get(WorkLog.uuid == keep.uuid)  # the laptop's edit brought it back
    assert restored.minutes == 15
    assert Tombstone.select().where(Tombstone.record_uuid == gone.uuid).exists()


def test_a_unit_met_on_site_that_the_office_registered_meanwhile_is_linked(office, tmp_path):
    path = tmp_path / "luca.sdpack"
    export(office, path)
    product_id = Unit.get_by_id(office.unit_id).product_id
    with laptop(office, path):
        units.create_unit(product=product_id, serial="SN-TWIN", owner=office.party_id)
    office_unit = units.create_unit(product=product_id, serial="SN-TWIN", owner=office.party_id)
    report = merge_pack(path)
    assert report.applied and [t for t, _ in report.linked] == ["unit"]
    assert Unit.select().where(Unit.serial == "SN-TWIN").count() == 1
    assert Unit.get(Unit.serial == "SN-TWIN").id == office_unit.id
    from servicedesk.models import UnitOwnership

    assert UnitOwnership.select().where(UnitOwnership.unit == office_unit.id).count() == 1


def test_refused_with_nothing_changed(office, tmp_path):
    """Another office, a newer schema, damaged, truncated, a tampered base, not a pack."""
    path = tmp_path / "luca.sdpack"
    export(office, path)
    _work_on_the_road(office, path)
    counts = ServiceRequest.select().count(), AuditLog.select().count()

    def refused(target) -> str:
        with pytest.raises(PackError) as info:
            merge_pack(target)
        assert (ServiceRequest.select().count(), AuditLog.select().count()) == counts
        return info.value.code

    assert refused(office.path) == "packs.not_a_pack"
    newer = tmp_path / "newer.sdpack"
    newer.write_bytes(path.read_bytes())
    con = sqlite3.connect(newer)
    con.execute("INSERT INTO schema_migrations VALUES (9999, 'future', '2030-01-01')")
    con.commit()
    con.close()
    assert refused(newer) == "packs.newer_schema"
    tampered = tmp_path / "tampered.sdpack"
    tampered.write_bytes(path.read_bytes())
    con = sqlite3.connect(tampered)
    con.execute("UPDATE pack_base SET data = replace(data, 'Jam 1', 'Jam X')")
    con.commit()
    con.close()
    assert refused(tampered) == "packs.damaged"
    truncated = tmp_path / "truncated.sdpack"
    truncated.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert refused(truncated) == "packs.damaged"
    garbage = tmp_path / "garbage.sdpack"
    data = bytearray(path.read_bytes())
    for i in range(4096, len(data), 997):
        data[i] ^= 0x5A
    garbage.write_bytes(bytes(data))
    assert refused(garbage) == "packs.damaged"
    elsewhere = build_office(tmp_path / "other" if (tmp_path / "other").mkdir() is None else None)
    try:
        assert refused(path) == "packs.other_office"
    finally:
        elsewhere.db.close()
        office.reopen()


def test_edited_after_merge_is_refused_unless_merged_as_a_new_round(office, tmp_path):
    path = tmp_path / "luca.sdpack"
    export(office, path)
    _work_on_the_road(office, path)
    merge_pack(path)
    rid = office.request_ids[1]
    with laptop(office, path):
        rq.add_note(rid, "Secondo giro", kind="note")
        req = request(rid)
        rq.update_request(req, rq.RequestInput(**{**rq.RequestInput.of(req).__dict__,
                                                  "subject": "round two"}))
    with pytest.raises(PackError) as info:
        merge_pack(path)
    assert info.value.code == "packs.edited_after_merge"
    report = merge_pack(path, new_round=True)
    assert report.applied and report.round == 2 and not report.conflicts
    assert report.created["request_event"] == 1 and report.created["service_request"] == 0
    assert request(rid).subject == "round two"
    assert merge_pack(path, new_round=True).already_merged


def test_actions_of_the_office_are_refused_in_a_pack(office, tmp_path):
    from servicedesk.services import maintenance, renewal_run

    path = tmp_path / "luca.sdpack"
    export(office, path)
    with laptop(office, path):
        context.set_actor(context.SYSTEM)
        for call in (renewal_run.run, maintenance.generate):
            with pytest.raises(PackError) as info:
                call()
            assert info.value.code == "packs.office_only"
        with pytest.raises(PackError) as info:
            prepare_pack(Operator._meta.database, tmp_path / "x.sdpack", office.tech_id)
        assert info.value.code == "packs.from_pack"


def test_every_table_has_a_pack_policy():
    """A new table is either carried (merged back or owned by the office) or left out on
    purpose: nobody adds one that silently never reaches the laptop or never comes back."""
    from servicedesk.models import ALL_MODELS
    from servicedesk.packs import tables

    left_out = {"audit_log", "saved_filter", "request_counter", "auth_token", "tombstone"}
    names = {m._meta.table_name for m in ALL_MODELS}
    assert names - left_out == set(tables.EXPORT_ORDER)
    assert set(tables.MERGED_TABLES) | set(tables.OFFICE_TABLES) == set(tables.EXPORT_ORDER)
    assert not set(tables.MERGED_TABLES) & set(tables.OFFICE_TABLES)


def test_an_outdated_office_index_is_rebuilt_in_the_pack(office, tmp_path):
    """The article index travels as it is only when current; else the pack builds its own."""
    kb.create_article(kb.ArticleData(title="Caldaia in blocco", solution="Riarmo"))
    office.db.execute_sql("UPDATE kb_index_state SET value = 'old' WHERE key = 'format'")
    export(office, tmp_path / "luca.sdpack")
    pack = sqlite3.connect(tmp_path / "luca.sdpack")
    assert pack.execute("SELECT count(*) FROM kb_article_fts WHERE kb_article_fts MATCH "
                        "'caldai*'").fetchone()[0] == 1
    from servicedesk.search.text import FORMAT_VERSION

    assert pack.execute("SELECT value FROM kb_index_state WHERE key = 'format'").fetchone()[0] \
        == str(FORMAT_VERSION)
    pack.close()
