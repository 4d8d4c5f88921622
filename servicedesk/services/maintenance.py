"""Periodic maintenance plans and the generation of their visits (R-MNT-1).

A plan (on a unit or on a contract) repeats every N days/weeks/months/years from a start date,
until a date or forever. :func:`generate` creates the visits due within a horizon (default 60
days) as planned interventions — each with its own service request, so that it has a number,
a history and a final report like any other job — placed on the team board in the first free
slot of the preferred operator or team, with the same working-hours rules as the free-slot
search of :mod:`.scheduling`.

Rules that matter:
- The next due date follows the last **completed** visit, not the last planned one (OCA
  maintenance #161): a visit done late moves the whole chain on.
- Idempotent: a due date already covered by a visit of the plan (planned, in progress, or
  cancelled on purpose) is not generated again; visits of an older chain count as covering the
  nearest due date (within half a period).
- Fast: bookings, working hours and absences of the horizon are read once, the placement runs
  in memory and the rows are bulk-inserted in one transaction (5,000 plans well under 5 s).
"""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterable

import peewee as pw

from .. import clock, context, like, limits
from ..errors import FieldError, NotFound, ValidationError
from ..models import (ActivityType, AuditLog, Contract, ContractUnit, Intervention,
                      MaintenancePlan, Operator, Party, Priority, Product, RequestEvent,
                      RequestUnit, ServiceRequest, Team, Unit)
from ..models.base import new_uuid
from ..permissions import Permission
from .records import stored
from .units import add_months, parse_date

PERIODS = ("days", "weeks", "months", "years")
DEFAULT_HORIZON_DAYS = 60
SEARCH_DAYS = 14  # how far after the due date a free slot is looked for
COVERING_STATUSES = ("planned", "in_progress", "cancelled")
SLOT_STEP = 15  # minutes, as in scheduling
PLAN_FIELDS = ("unit", "contract", "title", "activity_type", "every", "period", "start_date",
               "until_date", "team", "operator", "duration_minutes", "instructions",
               "notice_days", "last_done_on", "active")


# -- dates -------------------------------------------------------------------------------------
def occurrence(base: dt.date, every: int, period: str, k: int) -> dt.date:
    """The ``k``-th date of the series starting at ``base`` (months computed from the base, so
    31 Jan, 28 Feb, 31 Mar … do not drift to the 28th)."""
    if period == "days":
        return base + dt.timedelta(days=every * k)
    if period == "weeks":
        return base + dt.timedelta(weeks=every * k)
    if period == "months":
        return add_months(base, every * k)
    if period == "years":
        return add_months(base, 12 * every * k)
    raise ValueError(period)


def period_days(every: int, period: str) -> int:
    return every * {"days": 1, "weeks": 7, "months": 30, "years": 365}[period]


def next_due(plan: MaintenancePlan, last_done: dt.date | None) -> dt.date:
    """The first due date: one period after the last completed visit, else the start date."""
    if last_done is None:
        return plan.start_date
    return max(plan.start_date, occurrence(last_done, plan.every, plan.period, 1))


def last_completed(plan_ids: Iterable[int] | None = None) -> dict[int, dt.date]:
    """Date of each plan's last completed visit: its done interventions, or the date the user
    recorded on the plan (visits made before the plan was in ServiceDesk), whichever is later."""
    done = pw.fn.MAX(pw.fn.COALESCE(Intervention.actual_end, Intervention.planned_start))
    query = (Intervention.select(Intervention.maintenance_plan, done)
             .where(Intervention.maintenance_plan.is_null(False), Intervention.status == "done")
             .group_by(Intervention.maintenance_plan))
    plans = MaintenancePlan.select(MaintenancePlan.id, MaintenancePlan.last_done_on) \
        .where(MaintenancePlan.last_done_on.is_null(False))
    ids = None if plan_ids is None else list(plan_ids)
    if ids is not None and len(ids) < 900:
        query = query.where(Intervention.maintenance_plan.in_(ids))
        plans = plans.where(MaintenancePlan.id.in_(ids))
    out: dict[int, dt.date] = {}
    for plan_id, when in query.tuples():
        if when is not None:
            out[plan_id] = _as_dt(when).date()
    for plan_id, day in plans.tuples():
        if plan_id not in out or day > out[plan_id]:
            out[plan_id] = day
    return out


def next_due_date(plan: MaintenancePlan) -> dt.date:
    return next_due(plan, last_completed([plan.id]).get(plan.id))


def _as_dt(value: Any) -> dt.datetime:
    """The MAX() of datetime columns: SQLite hands it back as text (the column type is lost)."""
    return dt.datetime.fromisoformat(str(value))


# -- plans ---------------------------------------------------------------------------------------
def _ref_id(value: Any) -> int | None:
    if isinstance(value, pw.Model):
        return value.id
    if value in (None, "", 0):
        return None
    return int(value)


def clean_plan(fields: dict[str, Any], current: MaintenancePlan | None = None
               ) -> tuple[dict[str, Any], list[FieldError]]:
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"unknown plan fields: {sorted(unknown)}")
    errors: list[FieldError] = []
    out: dict[str, Any] = {}

    def get(name, default=None):
        if name in fields:
            return fields[name]
        return getattr(current, name + "_id", getattr(current, name, default)) \
            if current is not None else default

    for name in ("unit", "contract", "activity_type", "team", "operator"):
        out[name] = _ref_id(get(name))
    if out["unit"] is None and out["contract"] is None:
        errors.append(FieldError("unit", "maintenance.target_required"))
    if out["activity_type"] is None:
        errors.append(FieldError("activity_type", "required"))
    for name, model in (("unit", Unit), ("contract", Contract), ("activity_type", ActivityType),
                        ("team", Team), ("operator", Operator)):
        if out[name] is not None and not model.select().where(model.id == out[name]).exists():
            errors.append(FieldError(name, "not_found"))
    title = str(get("title", "") or "").strip()
    out["title"] = title
    out["instructions"] = str(get("instructions", "") or "").strip()
    limits.check("maintenance_plan", {"title": title, "instructions": out["instructions"]}, errors)
    period = get("period", "months")
    if period not in PERIODS:
        errors.append(FieldError("period", "invalid_choice", {"value": period}))
    out["period"] = period
    for name, default, low, high in (("every", 1, 1, 999), ("duration_minutes", 120, 15, 24 * 60),
                                     ("notice_days", 7, 0, 90)):
        raw = get(name, default)
        try:
            value = int(raw)
        except (TypeError, ValueError):
            errors.append(FieldError(name, "invalid_number"))
            continue
        if value < low or value > high:
            code = "negative" if value < 0 else "maintenance.out_of_range"
            errors.append(FieldError(name, code, {"min": low, "max": high}))
        out[name] = value
    for name in ("start_date", "until_date", "last_done_on"):
        try:
            out[name] = parse_date(get(name))
        except (ValueError, TypeError):
            errors.append(FieldError(name, "invalid_date"))
    if out.get("start_date") is None and not any(e.field == "start_date" for e in errors):
        errors.append(FieldError("start_date", "required"))
    if out.get("start_date") and out.get("until_date") and out["until_date"] < out["start_date"]:
        errors.append(FieldError("until_date", "end_before_start"))
    if out.get("last_done_on") and out["last_done_on"] > clock.today():
        errors.append(FieldError("last_done_on", "maintenance.done_in_future"))
    out["active"] = bool(get("active", True))
    return out, errors


def create_plan(**fields: Any) -> MaintenancePlan:
    context.require(Permission.MAINTENANCE_EDIT)
    values, errors = clean_plan(fields)
    if errors:
        raise ValidationError(errors)
    with MaintenancePlan._meta.database.atomic():
        return MaintenancePlan.create(**values)


def update_plan(plan: MaintenancePlan, **fields: Any) -> MaintenancePlan:
    """Edit a loaded plan; a concurrent edit raises ConflictError. Visits already generated keep
    their dates; the next generation follows the new rhythm."""
    context.require(Permission.MAINTENANCE_EDIT)
    values, errors = clean_plan(fields, current=plan)
    if errors:
        raise ValidationError(errors)
    with MaintenancePlan._meta.database.atomic():
        for name, value in values.items():
            setattr(plan, name, value)
        plan.save()
    return plan


def set_plan_active(plan: MaintenancePlan, active: bool) -> MaintenancePlan:
    context.require(Permission.MAINTENANCE_EDIT)
    plan.active = active
    with MaintenancePlan._meta.database.atomic():
        plan.save()
    return plan


def change_plan(plan_id: int, expected_version: int, changes: dict[str, Any]) -> MaintenancePlan:
    """Apply ``changes`` to the plan read at ``expected_version`` (ConflictError if saved in
    between; the fields not named keep their stored values)."""
    context.require(Permission.MAINTENANCE_EDIT)
    with MaintenancePlan._meta.database.atomic():
        return update_plan(stored(MaintenancePlan, plan_id, expected_version), **changes)


def get_plan(plan_id: int) -> MaintenancePlan:
    plan = MaintenancePlan.get_or_none(MaintenancePlan.id == plan_id)
    if plan is None:
        raise NotFound("plan", code="not_found")
    return plan


# -- generation ----------------------------------------------------------------------------------
@dataclass
class GeneratedVisit:
    plan_id: int
    due_date: dt.date
    start: dt.datetime | None
    end: dt.datetime | None
    operator_id: int | None
    placed: bool  # False: no free slot within SEARCH_DAYS; left unassigned on the due date
    customer_id: int | None = None  # set with the visit's request
    intervention_id: int | None = None
    request_id: int | None = None
    request_number: str = ""


@dataclass
class GenerationResult:
    created: list[GeneratedVisit] = field(default_factory=list)
    covered: int = 0  # due dates already having a visit
    plans: int = 0

    @property
    def unplaced(self) -> list[GeneratedVisit]:
        return [v for v in self.created if not v.placed]


class _Board:
    """Bookings of the horizon per operator and day, kept in memory while placing."""

    def __init__(self, operator_ids: list[int], start: dt.datetime, end: dt.datetime) -> None:
        from . import scheduling

        self.weeks = scheduling.weeks_of(operator_ids)
        self.blocked: dict[int, dict[dt.date, list[tuple[dt.datetime, dt.datetime]]]] = {
            op: {} for op in operator_ids}
        self.minutes: dict[tuple[int, dt.date], int] = {}
        if operator_ids:
            rows = (Intervention.select(Intervention.operator, Intervention.planned_start,
                                        Intervention.planned_end)
                    .where(Intervention.operator.in_(operator_ids),
                           Intervention.status.in_(scheduling.ACTIVE_STATUSES),
                           Intervention.planned_start < end, Intervention.planned_end > start)
                    .tuples())
            for op, a, b in rows:
                self.book(op, a, b)
            for op, items in scheduling.absences_between(operator_ids, start, end).items():
                for absence in items:
                    self.book(op, absence.start, absence.end, count=False)

    def book(self, op: int, a: dt.datetime, b: dt.datetime, count: bool = True) -> None:
        day = a.date()
        while dt.datetime.combine(day, dt.time(0)) < b:
            lo = max(a, dt.datetime.combine(day, dt.time(0)))
            hi = min(b, dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0)))
            bisect.insort(self.blocked[op].setdefault(day, []), (lo, hi))
            if count:
                key = (op, day)
                self.minutes[key] = self.minutes.get(key, 0) + int((hi - lo).total_seconds() // 60)
            day += dt.timedelta(days=1)

    def first_fit(self, op: int, day: dt.date, duration: dt.timedelta,
                  after: dt.datetime) -> dt.datetime | None:
        periods = self.weeks[op].get(day.weekday(), [])
        if not periods:
            return None
        windows = [(dt.datetime.combine(day, a), dt.datetime.combine(day, b)) for a, b in periods]
        longest = max(b - a for a, b in windows)
        if duration > longest:  # a long job may span the lunch break (scheduling's rule)
            windows = [(windows[0][0], windows[-1][1])]
        blocked = self.blocked[op].get(day, [])
        for wa, wb in windows:
            cursor = _round_up(max(wa, after))
            for ba, bb in blocked:  # sorted; one that ended before the cursor moves nothing
                if ba >= cursor + duration:
                    break
                cursor = _round_up(max(cursor, bb))
            if cursor + duration <= wb:
                return cursor
        return None


def _round_up(moment: dt.datetime) -> dt.datetime:
    extra = moment.minute % SLOT_STEP
    moment = moment.replace(second=0, microsecond=0)
    return moment if extra == 0 else moment + dt.timedelta(minutes=SLOT_STEP - extra)


@dataclass
class _PlanRow:
    id: int
    unit_id: int | None
    contract_id: int | None
    title: str
    activity_type_id: int
    every: int
    period: str
    start_date: dt.date
    until_date: dt.date | None
    team_id: int | None
    operator_id: int | None
    duration_minutes: int
    instructions: str


def office_language() -> str:
    """The language of texts written for customers and of generated subjects (it/en)."""
    from .. import settings

    language = settings.read(settings.NOTICE_SENDER).get("language", "it")
    return language if isinstance(language, str) else "it"


def generate(horizon_days: int = DEFAULT_HORIZON_DAYS, *, plan_ids: Iterable[int] | None = None,
             now: dt.datetime | None = None) -> GenerationResult:
    """Create the visits due within ``horizon_days`` from today for the active plans (or the
    given ones); running it again creates nothing new. Returns what was created."""
    actor = context.require(Permission.MAINTENANCE_EDIT)
    from ..packs.identity import office_only

    office_only("maintenance.generate")  # the office generates visits, once (#16)
    if not 1 <= int(horizon_days) <= 366:
        raise ValidationError(FieldError("horizon_days", "maintenance.out_of_range",
                                         {"min": 1, "max": 366}))
    now = (now or clock.now()).replace(second=0, microsecond=0)
    today = now.date()
    horizon_end = today + dt.timedelta(days=int(horizon_days))
    db = MaintenancePlan._meta.database
    result = GenerationResult()
    with db.atomic():
        query = (MaintenancePlan.select(
            MaintenancePlan.id, MaintenancePlan.unit, MaintenancePlan.contract,
            MaintenancePlan.title, MaintenancePlan.activity_type, MaintenancePlan.every,
            MaintenancePlan.period, MaintenancePlan.start_date, MaintenancePlan.until_date,
            MaintenancePlan.team, MaintenancePlan.operator, MaintenancePlan.duration_minutes,
            MaintenancePlan.instructions)
            .where(MaintenancePlan.active == True,  # noqa: E712
                   MaintenancePlan.start_date <= horizon_end)
            .order_by(MaintenancePlan.id))
        ids = None if plan_ids is None else list(plan_ids)
        if ids is not None:
            query = query.where(MaintenancePlan.id.in_(ids))
        plans = [_PlanRow(*row) for row in query.tuples()]
        result.plans = len(plans)
        wanted = _due_dates(plans, today, horizon_end, result)
        if not wanted:
            return result
        _place(wanted, plans, now, horizon_end)
        _insert(wanted, {p.id: p for p in plans}, now, actor.operator_id)
        result.created = [v for _, v in wanted]
    return result


def _due_dates(plans: list[_PlanRow], today: dt.date, horizon_end: dt.date,
               result: GenerationResult) -> list[tuple[_PlanRow, GeneratedVisit]]:
    plan_ids = [p.id for p in plans]
    done = last_completed(plan_ids if len(plan_ids) < 900 else None)
    existing: dict[int, list[dt.date]] = {}
    rows = (Intervention.select(Intervention.maintenance_plan, Intervention.due_date)
            .where(Intervention.maintenance_plan.is_null(False),
                   Intervention.status.in_(COVERING_STATUSES),
                   Intervention.due_date.is_null(False)))
    if len(plan_ids) < 900:
        rows = rows.where(Intervention.maintenance_plan.in_(plan_ids))
    for plan_id, due in rows.tuples():
        existing.setdefault(plan_id, []).append(due)
    wanted: list[tuple[_PlanRow, GeneratedVisit]] = []
    for p in plans:
        last = done.get(p.id)
        first = p.start_date if last is None \
            else max(p.start_date, occurrence(last, p.every, p.period, 1))
        have = sorted(existing.get(p.id, []))
        span = period_days(p.every, p.period)
        k = 0
        while True:
            due = occurrence(first, p.every, p.period, k)
            k += 1
            if due > horizon_end or (p.until_date and due > p.until_date):
                break
            if k > 1 and due < today:
                continue  # one overdue visit is enough: the series resumes from today
            match = _take(have, due, span)
            if match:
                result.covered += 1
                continue
            # placed or not: _place decides; a past date is skipped above, so at most one
            # visit per day of the horizon (366) is wanted, however old the plan
            wanted.append((p, GeneratedVisit(p.id, due, None, None, None, False)))
    wanted.sort(key=lambda item: (item[1].due_date, item[0].id))
    return wanted


def _take(have: list[dt.date], due: dt.date, period: int) -> bool:
    """Does an existing visit cover ``due``? ``have`` is sorted and candidates come in order:
    visits older than one period before ``due`` are stale (never done, left behind) and dropped;
    the earliest remaining one covers ``due`` when it is not more than half a period later.
    A chain shifted by a late completion is thus covered one-to-one by the visits already
    generated from the old chain, instead of being duplicated."""
    while have and have[0] < due - dt.timedelta(days=period):
        have.pop(0)
    if have and have[0] <= due + dt.timedelta(days=period // 2):
        have.pop(0)
        return True
    return False


def _place(wanted: list[tuple[_PlanRow, GeneratedVisit]], plans: list[_PlanRow],
           now: dt.datetime, horizon_end: dt.date) -> None:
    from . import scheduling

    teams: dict[int, list[int]] = {}
    for op_id, team_id in Operator.select(Operator.id, Operator.team) \
            .where(Operator.active == True).tuples():  # noqa: E712
        if team_id is not None:
            teams.setdefault(team_id, []).append(op_id)
    technicians = [r[0] for r in Operator.select(Operator.id)
                   .where(Operator.active == True, Operator.role == "technician")  # noqa: E712
                   .order_by(Operator.id).tuples()]
    everyone = set(technicians)
    for p in plans:
        if p.operator_id:
            everyone.add(p.operator_id)
        if p.team_id:
            everyone.update(teams.get(p.team_id, []))
    start = dt.datetime.combine(min(now.date(), wanted[0][1].due_date), dt.time(0))
    end = dt.datetime.combine(horizon_end + dt.timedelta(days=SEARCH_DAYS + 1), dt.time(0))
    board = _Board(sorted(everyone), start, end)
    default_first = scheduling.default_week()[0][0][0] if scheduling.default_week()[0] \
        else dt.time(9, 0)
    for p, visit in wanted:
        if p.operator_id:
            candidates = [p.operator_id]
        elif p.team_id:
            candidates = teams.get(p.team_id, [])
        else:
            candidates = technicians
        duration = dt.timedelta(minutes=p.duration_minutes)
        after = max(now, dt.datetime.combine(visit.due_date, dt.time(0)))
        day = after.date()
        chosen: tuple[int, dt.datetime] | None = None
        for _ in range(SEARCH_DAYS + 1):
            best = None
            for op in candidates:
                begin = board.first_fit(op, day, duration, after)
                if begin is None:
                    continue
                # Earliest start; on a tie the operator with the lighter day.
                key = (begin, board.minutes.get((op, day), 0), op)
                if best is None or key < best:
                    best = key
            if best is not None:
                chosen = (best[2], best[0])
                break
            day += dt.timedelta(days=1)
        if chosen is not None:
            op, begin = chosen
            board.book(op, begin, begin + duration)
            visit.operator_id, visit.start, visit.end, visit.placed = op, begin, begin + duration, True
        else:
            # No free slot: left unassigned on the due date for the coordinator to place.
            day = visit.due_date if visit.due_date >= now.date() else now.date()
            begin = dt.datetime.combine(day, default_first)
            visit.start, visit.end, visit.placed = begin, begin + duration, False


def _reserve_numbers(year: int, count: int) -> list[str]:
    from .requests import next_number

    first = next_number(year)  # creates the year's counter when needed
    if count > 1:
        from ..models import RequestCounter

        RequestCounter.update(last=RequestCounter.last + (count - 1),
                              version=RequestCounter.version + 1, updated_at=clock.now()) \
            .where(RequestCounter.year == year).execute()
    start = int(first.rsplit("-", 1)[1])
    return [f"RS-{year}-{start + i:06d}" for i in range(count)]


def _chunks(rows: list[dict[str, Any]], size: int) -> Iterable[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def _insert_all(model, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    size = max(1, 30_000 // len(rows[0]))
    for chunk in _chunks(rows, size):
        model.insert_many(chunk).execute()


def _ids_by_uuid(model, uuids: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i in range(0, len(uuids), 900):
        part = uuids[i:i + 900]
        out.update(model.select(model.uuid, model.id).where(model.uuid.in_(part)).tuples())
    return out


def _insert(wanted: list[tuple[_PlanRow, GeneratedVisit]], plans: dict[int, _PlanRow],
            now: dt.datetime, operator_id: int | None) -> None:
    lang = office_language()
    unit_ids = {p.unit_id for p, _ in wanted if p.unit_id}
    contract_ids = {p.contract_id for p, _ in wanted if p.contract_id}
    units: dict[int, tuple[int, str, str]] = {}
    for i in range(0, len(unit_ids), 900):
        part = list(unit_ids)[i:i + 900]
        for uid, owner, serial, pname in (Unit.select(Unit.id, Unit.owner, Unit.serial,
                                                      Product.name)
                                          .join(Product).where(Unit.id.in_(part)).tuples()):
            units[uid] = (owner, serial, pname)
    contracts: dict[int, tuple[int, str, str]] = {}
    contract_units: dict[int, list[int]] = {}
    for i in range(0, len(contract_ids), 900):
        part = list(contract_ids)[i:i + 900]
        for cid, party, number, title in Contract.select(
                Contract.id, Contract.party, Contract.number, Contract.title) \
                .where(Contract.id.in_(part)).tuples():
            contracts[cid] = (party, number, title)
        for cid, uid in ContractUnit.select(ContractUnit.contract, ContractUnit.unit) \
                .where(ContractUnit.contract.in_(part)).tuples():
            contract_units.setdefault(cid, []).append(uid)
    activities = {a.id: (a.name_it if lang == "it" else a.name_en) for a in ActivityType.select()}
    priority = (Priority.get_or_none(Priority.code == "normal")
                or Priority.select().order_by(Priority.rank).first())
    numbers = iter(_reserve_numbers(now.year, len(wanted)))
    requests, interventions, links, events, audits = [], [], [], [], []
    stamp = dict(created_at=now, updated_at=now, version=1)
    word_serial = "matricola" if lang == "it" else "serial"
    for p, visit in wanted:
        if p.unit_id:
            owner, serial, pname = units[p.unit_id]
            what = f"{pname} – {word_serial} {serial}"
            linked_units = [p.unit_id]
        else:
            owner, cnumber, ctitle = contracts[p.contract_id]
            what = f"{cnumber} {ctitle}".strip()
            linked_units = contract_units.get(p.contract_id, [])
        visit.customer_id = owner
        subject = (p.title or f"{activities.get(p.activity_type_id, '')}: {what}")[:200]
        number = next(numbers)
        req_uuid, int_uuid = new_uuid(), new_uuid()
        visit.request_number = number
        requests.append(dict(
            stamp, uuid=req_uuid, number=number, customer=owner, contact=None, channel="onsite",
            subject=subject, description=(p.instructions or subject), problem_type=None,
            priority=priority.id, status="assigned" if visit.placed else "new",
            contract=p.contract_id, job_order=None, team=p.team_id,
            owner=visit.operator_id if visit.placed else None, opened_at=now,
            first_response_at=None, response_due=None, resolution_due=None, paused_since=None,
            paused_minutes=0, resolved_at=None, closed_at=None, final_report="", kb_article=None,
            sla_due=None, sla_risk_at=None))
        interventions.append(dict(
            stamp, uuid=int_uuid, request=req_uuid, activity_type=p.activity_type_id,
            operator=visit.operator_id if visit.placed else None, team=p.team_id, priority=None,
            status="planned", planned_start=visit.start, planned_end=visit.end,
            instructions=p.instructions, actual_start=None, actual_end=None, report="",
            override_note="", maintenance_plan=p.id, due_date=visit.due_date))
        links.append((req_uuid, linked_units))
    _insert_requests(requests)
    req_ids = _ids_by_uuid(ServiceRequest, [r["uuid"] for r in requests])
    for row in interventions:
        row["request"] = req_ids[row["request"]]
    _insert_all(Intervention, interventions)
    int_ids = _ids_by_uuid(Intervention, [r["uuid"] for r in interventions])
    for (req_uuid, unit_list), (_, visit), row in zip(links, wanted, interventions):
        rid = req_ids[req_uuid]
        visit.request_id, visit.intervention_id = rid, int_ids[row["uuid"]]
        for uid in unit_list:
            links_row = dict(stamp, uuid=new_uuid(), request=rid, unit=uid)
            events.append(("unit", links_row))
        text = "maintenance plan #%d" % visit.plan_id
        events.append(("event", dict(stamp, uuid=new_uuid(), request=rid, at=now,
                                     operator=operator_id, kind="status", from_status=None,
                                     to_status="new", text=text)))
        if visit.placed:
            events.append(("event", dict(stamp, uuid=new_uuid(), request=rid, at=now,
                                         operator=operator_id, kind="status", from_status="new",
                                         to_status="assigned", text="")))
        audits.append(dict(at=now, operator_id=operator_id, table_name="service_request",
                           record_id=rid, record_uuid=req_uuid, action="create", field=None,
                           old_value=None, new_value=None))
        audits.append(dict(at=now, operator_id=operator_id, table_name="intervention",
                           record_id=visit.intervention_id, record_uuid=row["uuid"],
                           action="create", field=None, old_value=text, new_value=None))
    _insert_all(RequestUnit, [r for kind, r in events if kind == "unit"])
    _insert_all(RequestEvent, [r for kind, r in events if kind == "event"])
    _insert_all(AuditLog, audits)


def _insert_requests(rows: list[dict[str, Any]]) -> None:
    """Insert the generated requests with only the columns the table has (other features add
    columns through their migrations; their defaults apply)."""
    columns = set(ServiceRequest._meta.fields)
    cleaned = [{k: v for k, v in row.items() if k in columns} for row in rows]
    _insert_all(ServiceRequest, cleaned)


# -- reading -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PlanRow:
    id: int
    title: str
    target: str  # "product – serial" or "contract number title"
    customer_id: int | None
    customer: str
    activity_type_id: int
    every: int
    period: str
    start_date: dt.date
    until_date: dt.date | None
    team: str
    operator: str
    duration_minutes: int
    notice_days: int
    next_due: dt.date
    last_done: dt.date | None
    active: bool


def plan_query(*, text: str = "", active_only: bool = False, unit_id: int | None = None,
               contract_id: int | None = None, customer_id: int | None = None,
               ids: list[int] | None = None, fields: tuple | None = None) -> pw.ModelSelect:
    """The plans joined with their unit, product, contract, customer, team and operator,
    filtered; ``fields`` None selects what :func:`list_plans` shows."""
    U, P, C, Pa, Pa2 = Unit.alias(), Product.alias(), Contract.alias(), Party.alias(), Party.alias()
    if fields is None:
        fields = (MaintenancePlan, U.serial.alias("u_serial"),
                  P.name.alias("p_name"), C.number.alias("c_number"),
                  C.title.alias("c_title"),
                  Pa.id.alias("u_owner_id"), Pa.name.alias("u_owner"),
                  Pa2.id.alias("c_party_id"), Pa2.name.alias("c_party"),
                  Team.name.alias("team_name"), Operator.full_name.alias("op_name"))
    q = (MaintenancePlan.select(*fields)
         .join(U, pw.JOIN.LEFT_OUTER, on=(MaintenancePlan.unit == U.id))
         .join(P, pw.JOIN.LEFT_OUTER, on=(U.product == P.id))
         .switch(MaintenancePlan)
         .join(Pa, pw.JOIN.LEFT_OUTER, on=(U.owner == Pa.id))
         .switch(MaintenancePlan)
         .join(C, pw.JOIN.LEFT_OUTER, on=(MaintenancePlan.contract == C.id))
         .join(Pa2, pw.JOIN.LEFT_OUTER, on=(C.party == Pa2.id))
         .switch(MaintenancePlan)
         .join(Team, pw.JOIN.LEFT_OUTER, on=(MaintenancePlan.team == Team.id))
         .switch(MaintenancePlan)
         .join(Operator, pw.JOIN.LEFT_OUTER, on=(MaintenancePlan.operator == Operator.id)))
    if active_only:
        q = q.where(MaintenancePlan.active == True)  # noqa: E712
    if unit_id is not None:
        q = q.where(MaintenancePlan.unit == unit_id)
    if contract_id is not None:
        q = q.where(MaintenancePlan.contract == contract_id)
    if customer_id is not None:
        q = q.where((U.owner == customer_id) | (C.party == customer_id))
    if ids is not None:
        q = q.where(MaintenancePlan.id.in_(ids))
    if text.strip():
        q = q.where(like.any_of([MaintenancePlan.title, U.serial, Pa.name, Pa2.name, C.number,
                                 P.name], text.strip()))
    return q


def list_plans(*, text: str = "", active_only: bool = False, unit_id: int | None = None,
               contract_id: int | None = None, customer_id: int | None = None,
               ids: list[int] | None = None, limit: int = 2000) -> list[PlanRow]:
    """Plans for the editor's list, newest first, with their next due date."""
    q = plan_query(text=text, active_only=active_only, unit_id=unit_id, contract_id=contract_id,
                   customer_id=customer_id, ids=ids).order_by(MaintenancePlan.id.desc()).limit(limit)
    rows = list(q.dicts())
    done = last_completed([r["id"] for r in rows] if len(rows) < 900 else None)
    out = []
    for r in rows:
        start = r["start_date"]
        last = done.get(r["id"])
        plan_like = MaintenancePlan(start_date=start, every=r["every"], period=r["period"])
        if r["unit"]:
            target = f"{r['p_name'] or ''} – {r['u_serial'] or ''}"
            customer_id_, customer = r["u_owner_id"], r["u_owner"] or ""
        else:
            target = f"{r['c_number'] or ''} {r['c_title'] or ''}".strip()
            customer_id_, customer = r["c_party_id"], r["c_party"] or ""
        out.append(PlanRow(r["id"], r["title"], target, customer_id_, customer,
                           r["activity_type"], r["every"], r["period"], start,
                           r["until_date"],
                           r["team_name"] or "", r["op_name"] or "", r["duration_minutes"],
                           r["notice_days"], next_due(plan_like, last), last, r["active"]))
    return out


def visits_of_plan(plan_id: int) -> list[Intervention]:
    return list(Intervention.select().where(Intervention.maintenance_plan == plan_id)
                .order_by(Intervention.due_date.desc(), Intervention.id.desc()))
