"""The request queue: filter spec → ordered ids, one page of display rows, counters (R-REQ-2).

Raw SQL on purpose: the queue is the hottest path of the app (200,000 requests in the large
demo) and the page query must stay within 3× the same query written by hand with sqlite3.
The table holds only ids; rows are fetched a page at a time by :func:`rows_for`.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from .. import clock, dialect, like
from ..models import database_proxy
from ..services.sla import OPEN_STATUSES

CLOSED_STATUSES = ("resolved", "closed", "cancelled")
PAGE_SIZE = 200

# sort key → SQL expression (over r = service_request, p = party, pr = priority …)
SORTS = {
    "number": "r.number",
    "opened_at": "r.opened_at",
    "customer": "p.name COLLATE NOCASE",
    "province": "p.province",
    "problem_type": "r.problem_type_id",
    "priority": "pr.rank",
    "status": "r.status",
    "team": "t.name COLLATE NOCASE",
    "owner": "o.full_name COLLATE NOCASE",
    "sla_due": "r.sla_due",
    "age": "r.opened_at",
}
_SORT_JOINS = {
    "customer": "JOIN party p ON p.id = r.customer_id",
    "province": "JOIN party p ON p.id = r.customer_id",
    "priority": "JOIN priority pr ON pr.id = r.priority_id",
    "team": "LEFT JOIN team t ON t.id = r.team_id",
    "owner": "LEFT JOIN operator o ON o.id = r.owner_id",
}


@dataclass(frozen=True)
class QueueSpec:
    """What the queue shows. Empty values mean "any"."""

    status_group: str = "open"  # open, closed, all
    statuses: tuple[str, ...] = ()
    priority_ids: tuple[int, ...] = ()
    team_id: int | None = None
    owner_id: int | None = None
    unassigned: bool = False
    urgency: str | None = None  # overdue, at_risk
    customer_id: int | None = None
    unit_id: int | None = None
    text: str = ""
    sort: str = "urgency"
    descending: bool = False

    def with_(self, **changes: Any) -> "QueueSpec":
        return replace(self, **changes)


class QueueRow(NamedTuple):
    id: int
    number: str
    opened_at: dt.datetime | None
    customer: str
    province: str
    unit: str  # "product · serial" of the first unit
    units: int
    problem_type: str
    priority_code: str
    priority_rank: int
    priority_name: str
    priority_color: str
    status: str
    team: str
    owner: str
    sla_due: dt.datetime | None
    sla_risk_at: dt.datetime | None
    paused_since: dt.datetime | None
    subject: str


@dataclass
class QueueCounts:
    open: int = 0
    overdue: int = 0
    at_risk: int = 0
    unassigned: int = 0
    mine: int = 0


def _db():
    return database_proxy.obj


def _ts(value: dt.datetime) -> str:
    return value.isoformat(sep=" ")


def _dt(value: Any) -> dt.datetime | None:
    return dialect.as_datetime(value)


# -- free text ------------------------------------------------------------------------------
_NUMBER_FULL = re.compile(r"^RS-?(\d{4})-?(\d{1,6})$", re.I)
_NUMBER_TAIL = re.compile(r"^(?:(\d{4})[-/])?(\d{1,6})$")
_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """Words of ``text`` as a full-text query: every word, as a prefix ("caldai" finds caldaia)."""
    return dialect.words_query(_WORD.findall(text)[:8], _db())


def _years() -> list[int]:
    row = _db().execute_sql("SELECT MIN(opened_at), MAX(opened_at) FROM service_request").fetchone()
    if not row or row[0] is None:
        return [clock.today().year]
    return list(range(int(str(row[0])[:4]), int(str(row[1])[:4]) + 1))


def _number_terms(text: str) -> tuple[str, list[Any]] | None:
    m = _NUMBER_FULL.match(text.replace(" ", ""))
    tail = _NUMBER_TAIL.match(text)
    if m:
        return "number = ?", [f"RS-{m.group(1)}-{int(m.group(2)):06d}"]
    if tail:
        years = [int(tail.group(1))] if tail.group(1) else _years()
        seq = int(tail.group(2))
        numbers = [f"RS-{y}-{seq:06d}" for y in years]
        return f"number IN ({','.join('?' * len(numbers))})", numbers
    if text.upper().startswith("RS-"):
        prefix = text.upper()
        return "number >= ? AND number < ?", [prefix, prefix + "\uffff"]
    return None


def _serial_sql() -> str:
    return ("SELECT ru.request_id FROM request_unit ru WHERE ru.unit_id IN "
            f"(SELECT id FROM unit WHERE serial {dialect.like(_db())} ? {like.SQL_ESCAPE})")


_VAT_SEPARATORS = re.compile(r"[\s.\-]")
_ITALIAN_VAT = re.compile(r"^(?:IT)?(\d{5,11})$")
_TRIGRAM_MIN = 3  # the trigram indexes need three characters to narrow a search


def _indexed_like(text: str) -> bool:
    """True when a '%text%' search can use a trigram index (no wildcard to escape: FTS5 does
    not take an ESCAPE clause)."""
    return len(text) >= _TRIGRAM_MIN and "%" not in text and "_" not in text


def vat_prefixes(text: str) -> list[str]:
    """How a VAT number typed as ``text`` may start in the database: as typed (spaces, dots and
    dashes dropped, upper case) and, for an Italian number, with and without the ``IT`` prefix
    (the party service stores IT + 11 digits; imported data often has the digits only)."""
    compact = _VAT_SEPARATORS.sub("", text).upper()
    out = {compact} if compact else set()
    italian = _ITALIAN_VAT.match(compact)
    if italian:
        out |= {italian.group(1), "IT" + italian.group(1)}
    return sorted(out)


def party_ids_sql(text: str) -> tuple[str, list[Any]]:
    """Ids of the parties ``text`` names: a name containing it, a city starting with it, the
    party code, or the VAT number (with or without "IT", spaces). Every branch uses an index
    (trigrams of the names, the city, code and VAT number indexes)."""
    parts: list[str] = []
    params: list[Any] = []
    lk = dialect.like(_db())
    if _indexed_like(text):
        parts.append(dialect.trigram_contains("party", "name", _db()))
        params.append(f"%{text}%")
    else:  # short or with wildcards: read the names (a narrow index of them)
        parts.append(f"SELECT id FROM party WHERE name {lk} ? {like.SQL_ESCAPE}")
        params.append(like.pattern(text))
    parts.append(f"SELECT id FROM party WHERE city {lk} ? {like.SQL_ESCAPE}")
    params.append(like.pattern(text, "starts"))
    parts.append("SELECT id FROM party WHERE code = ?")
    params.append(text.upper())
    for prefix in vat_prefixes(text):
        parts.append("SELECT id FROM party WHERE vat_number >= ? AND vat_number < ?")
        params += [prefix, prefix + "\uffff"]
    return " UNION ALL ".join(parts), params


def serial_unit_ids_sql(text: str) -> tuple[str, list[Any]]:
    """Ids of the units whose serial number contains ``text`` (by trigrams when it can)."""
    if _indexed_like(text):
        return dialect.trigram_contains("unit", "serial", _db()), [f"%{text}%"]
    return (f"SELECT id FROM unit WHERE serial {dialect.like(_db())} ? {like.SQL_ESCAPE}",
            [like.pattern(text)])


def _clean(text: str) -> str:
    return " ".join(text.split())[:200]


def text_candidates(text: str, *, descriptions: bool = True) -> tuple[str, list[Any]] | None:
    """An SQL subquery of request ids matching ``text`` by number, customer (name, VAT number
    with or without "IT", city, code), serial number or description words; each branch uses an
    index (FTS5 for the words, trigrams for names). For large sets (closed requests, all)."""
    text = _clean(text)
    if not text:
        return None
    parts: list[str] = []
    params: list[Any] = []
    number = _number_terms(text)
    if number and _NUMBER_FULL.match(text.replace(" ", "")):  # a whole number: nothing else
        return f"SELECT id FROM service_request WHERE {number[0]}", number[1]
    if number:
        parts.append(f"SELECT id FROM service_request WHERE {number[0]}")
        params += number[1]
    party_sql, party_params = party_ids_sql(text)
    parts.append(f"SELECT r2.id FROM service_request r2 WHERE r2.customer_id IN ({party_sql})")
    params += party_params
    parts.append(_serial_sql())
    params.append(like.pattern(text, "starts"))
    query = fts_query(text) if descriptions else None
    if query:
        parts.append(dialect.words_match(_db()))
        params.append(query)
    # UNION ALL: the caller tests membership (IN), which ignores duplicates anyway
    return " UNION ALL ".join(parts), params


def text_condition_inline(text: str) -> tuple[str, list[Any]] | None:
    """The same match as a per-row condition: for the open queue (a few thousand rows) reading
    their subject/description is cheaper than collecting every FTS hit of 200,000 requests."""
    text = _clean(text)
    if not text:
        return None
    number = _number_terms(text)
    if number and _NUMBER_FULL.match(text.replace(" ", "")):  # a whole number: nothing else
        return "r." + number[0], number[1]
    party_sql, params = party_ids_sql(text)
    ors = [f"r.customer_id IN ({party_sql})", f"r.id IN ({_serial_sql()})"]
    params.append(like.pattern(text, "starts"))
    if number:
        ors.append("r." + number[0])
        params += number[1]
    words = _WORD.findall(text)[:8]
    if words:
        lk = dialect.like(_db())
        ors.append("(" + " AND ".join(f"(r.subject {lk} ? {like.SQL_ESCAPE} OR r.description "
                                      f"{lk} ? {like.SQL_ESCAPE})" for _ in words) + ")")
        for w in words:
            params += [like.pattern(w), like.pattern(w)]
    return "(" + " OR ".join(ors) + ")", params


# -- ids ------------------------------------------------------------------------------------
def _where(spec: QueueSpec, now: dt.datetime) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    statuses = spec.statuses or {"open": OPEN_STATUSES, "closed": CLOSED_STATUSES}.get(
        spec.status_group, ())
    small = bool(statuses) and set(statuses) <= set(OPEN_STATUSES)
    if statuses:
        # With a text over many statuses, drive from the matching ids, not the status index.
        plus = dialect.plus(_db()) if _clean(spec.text) and not small else ""
        where.append(f"{plus}r.status IN ({','.join('?' * len(statuses))})")
        params += list(statuses)
    if spec.priority_ids:
        # "+": never drive the scan by priority (a quarter of all requests), filter instead
        where.append(f"{dialect.plus(_db())}r.priority_id IN "
                     f"({','.join('?' * len(spec.priority_ids))})")
        params += list(spec.priority_ids)
    if spec.team_id is not None:
        where.append("r.team_id = ?")
        params.append(spec.team_id)
    if spec.unassigned:
        where.append("r.owner_id IS NULL")
    elif spec.owner_id is not None:
        where.append("r.owner_id = ?")
        params.append(spec.owner_id)
    if spec.customer_id is not None:
        where.append("r.customer_id = ?")
        params.append(spec.customer_id)
    if spec.unit_id is not None:
        where.append("r.id IN (SELECT request_id FROM request_unit WHERE unit_id = ?)")
        params.append(spec.unit_id)
    if spec.urgency == "overdue":
        where.append("r.sla_due < ?")
        params.append(_ts(now))
    elif spec.urgency == "at_risk":
        where.append("r.sla_due >= ? AND r.sla_risk_at <= ?")
        params += [_ts(now), _ts(now)]
    if small:
        inline = text_condition_inline(spec.text)
        if inline:
            where.append(inline[0])
            params += inline[1]
    else:
        cand = text_candidates(spec.text)
        if cand:
            where.append(f"r.id IN ({cand[0]})")
            params += cand[1]
    return where, params


def _urgency_order(now: dt.datetime) -> tuple[str, list[Any]]:
    """Overdue, then at risk (each by priority, then due), then running clocks by due time,
    then stopped clocks (waiting) by priority. For open requests (the covering queue index)."""
    ranks = _priority_ranks()
    rank = "(CASE r.priority_id " + " ".join(f"WHEN {int(i)} THEN {int(r)}" for i, r in ranks.items()) \
        + " ELSE 9 END)" if ranks else "0"
    cls = "(CASE WHEN r.sla_due IS NULL THEN 3 WHEN r.sla_due < ? THEN 0 WHEN r.sla_risk_at <= ? THEN 1 ELSE 2 END)"
    order = f"{cls}, CASE WHEN {cls} < 2 THEN {rank} ELSE 0 END, r.sla_due, {rank}, r.opened_at DESC"
    return order, [_ts(now), _ts(now), _ts(now), _ts(now)]


def _priority_ranks() -> dict[int, int]:
    return {int(i): int(r) for i, r in _db().execute_sql("SELECT id, rank FROM priority")}


def queue_ids(spec: QueueSpec, now: dt.datetime | None = None, limit: int | None = None) -> list[int]:
    """The ids of the requests matching ``spec``, in display order.

    By urgency, "all" is the open queue by urgency followed by the other requests, newest
    first: two index-friendly queries instead of one sort of every request."""
    now = now or clock.now()
    urgency = spec.sort == "urgency" or spec.sort not in SORTS
    if urgency:
        statuses = spec.statuses or {"open": OPEN_STATUSES, "closed": CLOSED_STATUSES,
                                     "all": OPEN_STATUSES + CLOSED_STATUSES}[spec.status_group]
        open_part = tuple(s for s in statuses if s in OPEN_STATUSES)
        rest = tuple(s for s in statuses if s not in OPEN_STATUSES)
        ids: list[int] = []
        fetch = None if spec.descending else limit
        if open_part:
            where, params = _where(spec.with_(statuses=open_part), now)
            order, order_params = _urgency_order(now)
            ids = _ids(where, params + order_params, "", order, fetch)
        if rest and (fetch is None or len(ids) < fetch):
            where, params = _where(spec.with_(statuses=rest), now)
            more = None if fetch is None else fetch - len(ids)
            # With a text, drive from the (few) matching ids, not from the opened_at index.
            order = (f"{dialect.plus(_db())}r.opened_at DESC, r.id DESC" if _clean(spec.text)
                     else "r.opened_at DESC, r.id DESC")
            ids += _ids(where, params, "", order, more)
        if spec.descending:
            ids.reverse()
            ids = ids if limit is None else ids[:limit]
        return ids
    where, params = _where(spec, now)
    joins = _SORT_JOINS.get(spec.sort, "")
    direction = "DESC" if spec.descending else "ASC"
    key = SORTS[spec.sort]
    if key.endswith(" COLLATE NOCASE"):
        key = dialect.nocase(key[:-len(" COLLATE NOCASE")], _db())
    order = f"{key} {direction}, r.id {direction}"
    if spec.sort == "age":  # ascending age: the youngest (latest opened) first
        order = f"r.opened_at {'ASC' if spec.descending else 'DESC'}, r.id"
    return _ids(where, params, joins, order, limit)


def _ids(where: list[str], params: list[Any], joins: str, order: str, limit: int | None) -> list[int]:
    sql = (f"SELECT r.id FROM service_request r {joins}"
           + (f" WHERE {' AND '.join(where)}" if where else "") + f" ORDER BY {order}")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [row[0] for row in _db().execute_sql(sql, params)]


def count(spec: QueueSpec, now: dt.datetime | None = None) -> int:
    now = now or clock.now()
    where, params = _where(spec, now)
    sql = "SELECT COUNT(*) FROM service_request r" + (f" WHERE {' AND '.join(where)}" if where else "")
    return int(_db().execute_sql(sql, params).fetchone()[0])


def closed_matches(spec: QueueSpec, now: dt.datetime | None = None) -> int:
    """How many closed (resolved, closed, cancelled) requests a search of the open queue would
    find among the closed ones, the other filters kept: what the queue offers to show when the
    search finds nothing open (#12). Zero without a search text."""
    if not _clean(spec.text):
        return 0
    return count(spec.with_(status_group="closed", statuses=(), urgency=None), now)


# -- rows -----------------------------------------------------------------------------------
ROW_SQL = """
SELECT r.id, r.number, r.opened_at, p.name, COALESCE(p.province, ''),
       (SELECT pd.name || ' · ' || u.serial FROM request_unit ru JOIN unit u ON u.id = ru.unit_id
          JOIN product pd ON pd.id = u.product_id WHERE ru.request_id = r.id ORDER BY ru.id LIMIT 1),
       (SELECT COUNT(*) FROM request_unit ru WHERE ru.request_id = r.id),
       COALESCE(pt.{name}, ''), pr.code, pr.rank, pr.{name}, pr.color, r.status,
       COALESCE(t.name, ''), COALESCE(o.full_name, ''), r.sla_due, r.sla_risk_at,
       r.paused_since, r.subject
FROM service_request r
JOIN party p ON p.id = r.customer_id
JOIN priority pr ON pr.id = r.priority_id
LEFT JOIN problem_type pt ON pt.id = r.problem_type_id
LEFT JOIN team t ON t.id = r.team_id
LEFT JOIN operator o ON o.id = r.owner_id
WHERE r.id IN ({marks})
"""


def rows_for(ids: list[int], lang: str = "en") -> dict[int, QueueRow]:
    """Display rows of ``ids`` (one page), keyed by id."""
    if not ids:
        return {}
    name = "name_it" if lang == "it" else "name_en"
    out: dict[int, QueueRow] = {}
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start:chunk_start + 500]
        sql = ROW_SQL.format(name=name, marks=",".join("?" * len(chunk)))
        for v in _db().execute_sql(sql, chunk):
            out[v[0]] = QueueRow(v[0], v[1], _dt(v[2]), v[3], v[4], v[5] or "", v[6], v[7], v[8],
                                 v[9], v[10], v[11], v[12], v[13], v[14], _dt(v[15]), _dt(v[16]),
                                 _dt(v[17]), v[18])
    return out


def page(spec: QueueSpec, offset: int = 0, limit: int = PAGE_SIZE, lang: str = "en",
         now: dt.datetime | None = None) -> list[QueueRow]:
    """One page of display rows in order (what the first screen of the queue shows)."""
    ids = queue_ids(spec, now, limit=offset + limit)[offset:]
    rows = rows_for(ids, lang)
    return [rows[i] for i in ids if i in rows]


# -- counters -------------------------------------------------------------------------------
def counters(now: dt.datetime | None = None, operator_id: int | None = None) -> QueueCounts:
    """Open, overdue, at risk, unassigned (and mine) over the whole open queue."""
    now = now or clock.now()
    marks = ",".join("?" * len(OPEN_STATUSES))
    sql = (f"SELECT COUNT(*), {dialect.count_if('sla_due < ?')}, "
           f"{dialect.count_if('sla_due >= ? AND sla_risk_at <= ?')}, "
           f"{dialect.count_if('owner_id IS NULL')}, "
           f"{dialect.count_if('owner_id = ?')} FROM service_request WHERE status IN ({marks})")
    ts = _ts(now)
    row = _db().execute_sql(sql, [ts, ts, ts, operator_id if operator_id is not None else -1,
                                  *OPEN_STATUSES]).fetchone()
    return QueueCounts(*(int(v) for v in row))


# -- the history of one request (R-REQ-5) ---------------------------------------------------
_PLAN_TEXT = re.compile(r"^maintenance plan #(\d+)$")  # services/maintenance.py's opening note
# What a ticket override recorded without a reason before the history kept codes only (#12).
_OLD_OVERRIDE_TEXT = re.compile(r"^-?\d+ ticket\(s\)$")

@dataclass(frozen=True)
class TimelineEntry:
    at: dt.datetime
    kind: str  # status, note, answer, ticket_override, kb_applied, intervention(_event)
    operator: str
    text: str
    from_status: str | None = None
    to_status: str | None = None
    intervention_id: int | None = None
    activity: str = ""
    intervention_status: str = ""  # for "intervention_event": scheduled, rescheduled, done, cancelled
    planned_end: dt.datetime | None = None
    maintenance_plan_id: int | None = None  # a request opened by a maintenance plan's visit


def timeline(request_id: int, lang: str = "en") -> list[TimelineEntry]:
    """Status changes, notes, answers and interventions of a request, oldest first."""
    from ..models import ActivityType, Intervention, Operator, RequestEvent

    names = {o.id: o.full_name for o in Operator.select(Operator.id, Operator.full_name)}
    acts = {a.id: (a.name_it if lang == "it" else a.name_en) for a in ActivityType.select()}
    kinds = dict(Intervention.select(Intervention.id, Intervention.activity_type)
                 .where(Intervention.request == request_id).tuples())
    out: list[TimelineEntry] = []
    for e in (RequestEvent.select().where(RequestEvent.request == request_id)
              .order_by(RequestEvent.at, RequestEvent.id)):
        if e.kind == "intervention":
            # what happened to one intervention: the action is a code the UI translates
            out.append(TimelineEntry(e.at, "intervention_event", names.get(e.operator_id, ""),
                                     e.text, intervention_id=e.intervention_id,
                                     activity=acts.get(kinds.get(e.intervention_id), ""),
                                     intervention_status=e.to_status or ""))
            continue
        text, plan = e.text, None
        match = _PLAN_TEXT.match(text or "")
        if e.kind == "status" and match:  # a visit generated from a maintenance plan
            text, plan = "", int(match.group(1))
        if e.kind == "ticket_override" and _OLD_OVERRIDE_TEXT.match(text or ""):
            text = ""  # English written by an older version; the headline says it
        out.append(TimelineEntry(e.at, e.kind, names.get(e.operator_id, ""), text,
                                 e.from_status, e.to_status, maintenance_plan_id=plan))
    for i in (Intervention.select().where(Intervention.request == request_id)
              .order_by(Intervention.id)):
        at = i.actual_start or i.planned_start or i.created_at
        text = i.report or i.instructions
        out.append(TimelineEntry(at, "intervention", names.get(i.operator_id, ""), text,
                                 intervention_id=i.id, activity=acts.get(i.activity_type_id, ""),
                                 intervention_status=i.status,
                                 planned_end=i.actual_end or i.planned_end))
    out.sort(key=lambda t: t.at)
    return out


# -- pickers of the request form ------------------------------------------------------------
@dataclass(frozen=True)
class CustomerHit:
    id: int
    code: str
    name: str
    vat_number: str
    city: str
    province: str


def find_customers(text: str, limit: int = 30) -> list[CustomerHit]:
    """Customers by name (words, any order), VAT number, fiscal code, code or city."""
    from ..models import Party

    text = " ".join(text.split())[:100]
    if not text:
        return []
    digits = "".join(ch for ch in text if ch.isalnum()).upper()
    cond = None
    for word in text.split()[:5]:
        part = like.contains(Party.name, word) | like.starts(Party.city, word)
        cond = part if cond is None else cond & part
    if len(digits) >= 4:
        cond = cond | like.contains(Party.vat_number, digits) | like.starts(Party.fiscal_code, digits)
    cond = cond | (Party.code == text.upper())
    query = (Party.select(Party.id, Party.code, Party.name, Party.vat_number, Party.city, Party.province)
             .where(cond, Party.is_customer == True, Party.archived == False)  # noqa: E712
             .order_by(Party.name).limit(limit))
    return [CustomerHit(p.id, p.code, p.name, p.vat_number or "", p.city or "", p.province_id or "")
            for p in query]


# -- what the queue dock shows after one filter change (run on a worker) -------------------
@dataclass(frozen=True)
class QueueView:
    """One consistent answer for the queue: its ids, the counters, and the hints under the
    search box (closed requests matching a search of the open queue; a serial number typed
    exactly)."""

    spec: QueueSpec
    now: dt.datetime
    ids: list[int]
    counts: QueueCounts
    closed_matches: int = 0
    serial: Any = None  # serials.UnitHit of a serial number typed exactly
    # display rows of the first ``first_page`` ids, read with them: the list's first screen is
    # shown without a query on the GUI thread
    first_rows: dict[int, QueueRow] = field(default_factory=dict)


def queue_view(spec: QueueSpec, operator_id: int | None = None,
               now: dt.datetime | None = None, *, lang: str = "en",
               first_page: int = 0) -> QueueView:
    now = now or clock.now()
    ids = queue_ids(spec, now)
    first_rows = rows_for(ids[:first_page], lang) if first_page else {}
    counts = counters(now, operator_id=operator_id)
    open_only = spec.status_group == "open" and not spec.statuses
    closed = closed_matches(spec, now) if open_only and not ids else 0
    text = spec.text.strip()
    serial = None
    if len(text) >= 3:  # the serials' module only when there is text (not at start: #18)
        from .serials import find_units

        hits = find_units(text, limit=5)
        serial = next((h for h in hits if h.serial.lower() == text.lower()), None)
    return QueueView(spec, now, ids, counts, closed, serial, first_rows)
