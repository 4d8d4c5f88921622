"""Random edits on both sides, then merge: every field ends as office, laptop or the decided
value; nothing duplicated, nothing lost; the second merge changes nothing (R-X-2, #16)."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servicedesk import clock, context
from servicedesk.db import open_database
from servicedesk.models import Intervention, ServiceRequest, WorkLog
from servicedesk.packs.merge import LAPTOP, OFFICE, merge_pack
from servicedesk.services import requests as rq, worklogs

from .pack_helpers import T0, build_office, export, laptop

LOGS = 4
REQUESTS = 3
WATCHED = {"work_log": ("minutes", "notes"), "service_request": ("subject", "description")}

# Entries of at most two hours: six edits on a side stay within the 16-hour day a work log may
# not exceed (the rule is worklogs', not the merge's).
edit = st.one_of(
    st.tuples(st.just("minutes"), st.integers(0, LOGS - 1), st.integers(1, 120)),
    st.tuples(st.just("notes"), st.integers(0, LOGS - 1), st.sampled_from(["a", "b", "c"])),
    st.tuples(st.just("delete"), st.integers(0, LOGS - 1), st.just(0)),
    st.tuples(st.just("create"), st.integers(0, REQUESTS - 1), st.integers(1, 120)),
    st.tuples(st.just("subject"), st.integers(0, REQUESTS - 1), st.sampled_from(["x", "y"])),
    st.tuples(st.just("description"), st.integers(0, REQUESTS - 1),
              st.sampled_from(["d1", "d2"])),
)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """An office with a few work logs and its pack, built once; each example works on copies."""
    folder = tmp_path_factory.mktemp("packprop")
    office = build_office(folder, requests=REQUESTS)
    activity = Intervention.get_by_id(office.intervention_ids[0]).activity_type_id
    for i in range(LOGS):
        worklogs.create(office.request_ids[i % REQUESTS], worklogs.WorklogInput(
            office.tech_id, T0.date(), activity, minutes=10 * (i + 1), notes="base"))
    export(office, folder / "pack.sdpack")
    office.db.close()
    clock.freeze(None)
    return office, folder


def _snapshot() -> dict[str, dict[str, dict]]:
    out: dict[str, dict[str, dict]] = {"work_log": {}, "service_request": {}}
    for row in WorkLog.select().dicts():
        out["work_log"][row["uuid"]] = row
    for row in ServiceRequest.select().dicts():
        out["service_request"][row["uuid"]] = row
    return out


def _apply(edits, uuids, activity, tech_id) -> None:
    for op, index, value in edits:
        if op in ("minutes", "notes", "delete"):
            entry = WorkLog.get_or_none(WorkLog.uuid == uuids["logs"][index])
            if entry is None:
                continue
            if op == "delete":
                worklogs.delete(entry)
                continue
            data = worklogs.WorklogInput(
                entry.operator_id, entry.work_date, entry.activity_type_id,
                minutes=value if op == "minutes" else entry.minutes,
                notes=value if op == "notes" else entry.notes)
            worklogs.update(entry, data, allow_overlap=True)
        elif op == "create":
            req = ServiceRequest.get(ServiceRequest.uuid == uuids["requests"][index])
            worklogs.create(req.id, worklogs.WorklogInput(tech_id, T0.date(), activity,
                                                          minutes=value, notes="new"),
                            allow_overlap=True)
        else:
            req = ServiceRequest.get(ServiceRequest.uuid == uuids["requests"][index])
            data = rq.RequestInput.of(req)
            setattr(data, op, value)
            rq.update_request(req, data)


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(office_edits=st.lists(edit, max_size=6), laptop_edits=st.lists(edit, max_size=6),
       prefer=st.sampled_from([OFFICE, LAPTOP]))
def test_random_edits_on_both_sides_merge_without_loss(template, tmp_path_factory,
                                                       office_edits, laptop_edits, prefer):
    office, folder = template
    work = Path(tmp_path_factory.mktemp("ex"))
    shutil.copy(folder / "office.db", work / "office.db")
    shutil.copy(folder / "pack.sdpack", work / "pack.sdpack")
    office.path = work / "office.db"
    clock.freeze(T0 + dt.timedelta(hours=2))
    office.reopen()
    base = _snapshot()
    uuids = {"logs": sorted(base["work_log"], key=lambda u: base["work_log"][u]["id"]),
             "requests": sorted(base["service_request"],
                                key=lambda u: base["service_request"][u]["id"])[:REQUESTS]}
    activity = Intervention.get_by_id(office.intervention_ids[0]).activity_type_id
    try:
        with laptop(office, work / "pack.sdpack"):
            exported = _snapshot()
            base = {t: {u: r for u, r in rows.items() if u in exported[t]}
                    for t, rows in base.items()}
            _apply(laptop_edits, uuids, activity, office.tech_id)
            lap = _snapshot()
        _apply(office_edits, uuids, activity, office.tech_id)
        off = _snapshot()
        report = merge_pack(work / "pack.sdpack", prefer=prefer)
        assert report.applied and report.exit_code == 0
        final = _snapshot()
        for table, fields in WATCHED.items():
            b, o, l, f = base[table], off[table], lap[table], final[table]
            # nothing lost: every row new on either side is there, once
            for u in set(o) - set(b):
                assert u in f
            for u in set(l) - set(b):
                assert u in f
            assert len(f) == len({*f})
            for u in b:
                in_o, in_l = u in o, u in l
                changed_o = in_o and any(o[u][x] != b[u][x] for x in fields)
                changed_l = in_l and any(l[u][x] != b[u][x] for x in fields)
                if not in_o and not in_l:
                    assert u not in f
                elif not in_l:  # deleted on the laptop
                    assert (u in f) == (changed_o and prefer == OFFICE)
                elif not in_o:  # deleted in the office
                    assert (u in f) == (changed_l and prefer == LAPTOP)
                if u not in f:
                    continue
                for x in fields:
                    bv = b[u][x]
                    ov = o[u][x] if in_o else bv
                    lv = l[u][x] if in_l else bv
                    if lv == bv:
                        expected = ov
                    elif ov == bv or ov == lv:
                        expected = lv
                    else:
                        expected = lv if prefer == LAPTOP else ov
                    if not in_o:  # restored from the laptop
                        expected = lv
                    assert f[u][x] == expected, (table, x, bv, ov, lv, prefer)
        again = merge_pack(work / "pack.sdpack", prefer=prefer)
        assert again.already_merged and _snapshot() == final
    finally:
        office.db.close()
        context.set_actor(context.SYSTEM)
        clock.freeze(None)
