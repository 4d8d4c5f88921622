"""The shared analysis mechanism: a subject + a filter spec → count, pages, groups, totals, rows.

One :class:`AnalysisQuery` drives the results table, the chart and the Excel export, so the
three always agree: they are built from the same ``WHERE`` (``Subject.base``).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Callable, Iterator

import peewee as pw

from ... import context, dialect, like
from ...errors import FieldError, PermissionDenied, ValidationError
from ...permissions import Permission

OTHER = "__other__"  # the key of the "all the rest" category of a top-N chart
MAX_CATEGORIES = 20
MAX_SERIES = 8
MAX_TEXT = 200  # longest free text accepted in a filter


class QueryCancelled(Exception):
    """A long analysis query stopped because its caller no longer wants the answer."""


@dataclass(frozen=True)
class Column:
    """One column of the table and of the export.

    ``kind``: text, code (a code the UI translates with the ``codes`` map), date, datetime,
    money (Decimal euro), hours (float), int. ``money`` columns need ANALYSIS_MONEY.
    """

    key: str
    kind: str
    expr: Any
    sort: Any = None
    money: bool = False
    codes: str | None = None  # which label map translates a code column (status, priority …)
    width: int = 14  # Excel width in characters (a hint; text columns are measured)


@dataclass(frozen=True)
class Dimension:
    """A way to group rows for a chart: by a column value or by a period of a date."""

    key: str
    expr: Any  # the group key (a column or an expression of the subject's base query)
    join: Callable[[pw.ModelSelect], pw.ModelSelect] | None = None
    labels: Callable[[list[Any], str], dict[Any, tuple[str, Any]]] | None = None  # → {key: (label, order)}
    period: str | None = None  # "month" / "week": a time axis, gaps filled with zeros
    codes: str | None = None  # label map the UI applies (status …)
    money: bool = False


@dataclass(frozen=True)
class Measure:
    key: str
    expr: Any  # an aggregate over the base query
    kind: str = "int"  # int, hours, money
    money: bool = False


@dataclass
class GroupResult:
    """Chart data: ``values[s][c]`` is the measure of series ``s`` in category ``c``."""

    dimension: str
    series_dimension: str | None
    measure: str
    kind: str
    categories: list[tuple[Any, str]]
    series: list[tuple[Any, str]]
    values: list[list[float]]
    period: str | None = None
    category_codes: str | None = None
    series_codes: str | None = None

    def total(self) -> float:
        return sum(sum(v) for v in self.values)

    def category_totals(self) -> list[float]:
        return [sum(s[i] for s in self.values) for i in range(len(self.categories))]


class Subject:
    """What can be analysed: the base model, its filters, columns, dimensions and measures."""

    name: str = ""
    spec_type: type = object
    permissions: tuple[Permission, ...] = (Permission.ANALYSIS,)
    default_sort: tuple[str, bool] = ("id", True)  # (column key, descending)
    default_chart: tuple[str, str | None, str] = ("month", None, "count")

    def __init__(self) -> None:
        self._columns: list[Column] = []
        self.dimensions: dict[str, Dimension] = {}
        self.measures: dict[str, Measure] = {}

    # -- to be provided by each subject ---------------------------------------------------
    @property
    def model(self) -> type[pw.Model]:
        raise NotImplementedError

    def base(self, spec: Any) -> pw.ModelSelect:
        """``SELECT … FROM model [mandatory joins] WHERE <the spec>`` (no columns chosen)."""
        raise NotImplementedError

    def display(self, query: pw.ModelSelect, spec: Any) -> pw.ModelSelect:
        """Add the LEFT JOINs the display columns need (``spec`` None: base without filters)."""
        return query

    def count_base(self, spec: Any) -> pw.ModelSelect:
        """The base query as counted (a subject may let a count use other indexes)."""
        return self.base(spec)

    def base_models(self, spec: Any) -> set[Any]:
        """The models whose columns :meth:`base` already reads (no display join needed)."""
        return {self.model}

    def columns(self) -> list[Column]:
        return self._columns

    def grouping_base(self, spec: Any) -> pw.ModelSelect:
        """The base query with what every dimension's expression may read."""
        return self.base(spec)

    def uses_money(self, spec: Any) -> bool:
        return False


def _can_money() -> bool:
    from ...permissions import sees_money

    return sees_money()


class AnalysisQuery:
    """One validated spec of one subject. Permission is checked when it is built (the calling
    thread's actor); a worker thread may then run it."""

    def __init__(self, subject: Subject, spec: Any) -> None:
        actor = context.current()
        for permission in subject.permissions:
            actor.require(permission)
        validate(spec)
        self.money = actor.can(Permission.ANALYSIS_MONEY)
        if subject.uses_money(spec) and not self.money:
            raise PermissionDenied(Permission.ANALYSIS_MONEY.value, actor.role.value)
        self.subject = subject
        self.spec = spec
        self.columns = [c for c in subject.columns() if self.money or not c.money]
        self._col = {c.key: c for c in self.columns}

    # -- counting, paging, sorting --------------------------------------------------------
    def count_query(self) -> pw.ModelSelect:
        """``SELECT COUNT(*) …`` of the selection (what :meth:`count` runs). ``*``, not the
        id: SQLite counts a whole table from its b-tree pages without reading a row (400,000
        interventions: 0.9 instead of 18 ms), and a filtered count reads less of its index."""
        return self.subject.count_base(self.spec).select(pw.fn.COUNT(pw.SQL("*")))

    def count(self) -> int:
        return int(self.count_query().scalar() or 0)

    def _sort_expr(self, sort: tuple[str, bool] | None) -> tuple[Any, bool]:
        key, desc = sort or self.subject.default_sort
        column = self._col.get(key) or self._col[self.subject.default_sort[0]]
        return (column.sort if column.sort is not None else column.expr), desc

    def _order(self, query: pw.ModelSelect, sort: tuple[str, bool] | None) -> pw.ModelSelect:
        expr, desc = self._sort_expr(sort)
        pk = self.subject.model._meta.primary_key
        # A sub-select (tickets left of a contract) has no .asc(): Ordering takes any node.
        if desc:
            return query.order_by(pw.Ordering(expr, "DESC", nulls="LAST"), pk.desc())
        return query.order_by(pw.Ordering(expr, "ASC", nulls="LAST"), pk.asc())

    def _ordered(self, sort: tuple[str, bool] | None) -> pw.ModelSelect:
        """Every display column, in table order (one statement: the export streams it)."""
        pk = self.subject.model._meta.primary_key
        query = self.subject.display(self.subject.base(self.spec), self.spec)
        return self._order(query.select(pk, *[c.expr for c in self.columns]), sort)

    def id_query(self, sort: tuple[str, bool] | None = None) -> pw.ModelSelect:
        """``SELECT id …`` of the whole selection in table order. The display joins are added
        only when the sort column needs one: a join left unused still makes SQLite read the
        columns of its ON clause, so the ids could not come from a covering index."""
        pk = self.subject.model._meta.primary_key
        query = self.subject.base(self.spec).select(pk)
        expr, _ = self._sort_expr(sort)
        if not _models_of(expr) <= self.subject.base_models(self.spec):
            query = self.subject.display(query, self.spec)
        return self._order(query, sort)

    def page_query(self, offset: int, limit: int,
                   sort: tuple[str, bool] | None = None) -> pw.ModelSelect:
        """``SELECT id …`` of one page (what :meth:`page_ids` runs)."""
        return self.id_query(sort).offset(max(offset, 0)).limit(limit)

    def id_list(self, sort: tuple[str, bool] | None = None,
                cancelled: Callable[[], bool] | None = None) -> list[int]:
        """Every id of the selection in table order: what the results table holds (it then
        fetches rows by id, a page at a time, so scrolling never runs an OFFSET). Read from a
        bare cursor (200,000 ids in ~0.15 s; a sort on a joined name takes seconds, so it runs
        on a worker); ``cancelled`` is polled while SQLite works and stops it with
        :class:`QueryCancelled` (a newer sort made this one useless)."""
        sql, params = self.id_query(sort).sql()
        db = self.subject.model._meta.database
        connection = db.connection()
        handler = getattr(connection, "set_progress_handler", None)
        if cancelled is not None and handler is not None:
            handler(lambda: 1 if cancelled() else 0, 2_000)  # every 2,000 VM steps (~0.1 ms)
        out: list[int] = []
        # a server has no progress handler (issue 17): asked before the query and between chunks
        between = cancelled if cancelled is not None and handler is None else None
        try:
            if between is not None and between():
                raise QueryCancelled()
            cursor = db.execute_sql(sql, params)
            while True:
                chunk = cursor.fetchmany(20_000)
                if not chunk:
                    break
                out.extend(r[0] for r in chunk)
                if between is not None and between():
                    raise QueryCancelled()
        except pw.OperationalError as err:
            if cancelled is not None and cancelled():
                raise QueryCancelled() from err
            raise
        finally:
            if cancelled is not None and handler is not None:
                handler(None, 0)
        return out

    def rows_by_id(self, ids: list[int]) -> dict[int, tuple]:
        """``{id: (id, col1, col2 …)}`` of these ids (one page of the results table)."""
        return {row[0]: row for row in self.rows_for(ids)}

    def page_ids(self, offset: int, limit: int, sort: tuple[str, bool] | None = None) -> list[int]:
        """The ids of one page."""
        return [r[0] for r in self.page_query(offset, limit, sort).tuples()]

    def rows_for(self, ids: list[int]) -> list[tuple]:
        """Rows ``(id, col1, col2 …)`` of these ids, in the order given."""
        if not ids:
            return []
        pk = self.subject.model._meta.primary_key
        query = self.subject.display(self.subject.model.select(), None)
        sql, params = query.select(pk, *[c.expr for c in self.columns]).where(pk.in_(ids)).sql()
        cursor = self.subject.model._meta.database.execute_sql(sql, params)
        convert = self._converter()
        by_id = {r[0]: (r[0], *convert(r)) for r in cursor.fetchall()}
        return [by_id[i] for i in ids if i in by_id]

    def _converter(self) -> Callable[[tuple], tuple]:
        """Turns a raw row ``(id, col1 …)`` into the column values (without the id).

        Values are converted here with ``fromisoformat`` & co. rather than by peewee's field
        converters, which try strptime formats one by one: three quarters of the time of a
        page of 200 rows, most of an export's time."""
        pairs = [(i, f) for i, f in enumerate((_fast_converter(c.kind) for c in self.columns), 1)]

        def convert(row: tuple) -> tuple:
            return tuple(row[i] if f is None or row[i] is None else f(row[i]) for i, f in pairs)

        return convert

    def page(self, offset: int, limit: int, sort: tuple[str, bool] | None = None) -> list[tuple]:
        """Rows ``(id, col1, col2 …)`` of one page in the given order: ids first, then rows."""
        return self.rows_for(self.page_ids(offset, limit, sort))

    def iter_rows(self, sort: tuple[str, bool] | None = None) -> Iterator[tuple]:
        """Every row (without the id) in table order, streamed from a cursor (for the export)."""
        sql, params = self._ordered(sort).sql()
        db = self.subject.model._meta.database
        convert = self._converter()
        cursor = db.execute_sql(sql, params)
        try:
            while True:
                chunk = cursor.fetchmany(1000)
                if not chunk:
                    break
                for row in chunk:
                    yield convert(row)
        finally:
            cursor.close()

    def ids(self, sort: tuple[str, bool] | None = None) -> list[int]:
        """All ids in table order (tests, small selections)."""
        pk = self.subject.model._meta.primary_key
        query = self.subject.display(self.subject.base(self.spec), self.spec).select(pk)
        return [r[0] for r in self._order(query, sort).tuples()]

    # -- totals and groups -----------------------------------------------------------------
    def totals(self) -> dict[str, Any]:
        measures = [m for m in self.subject.measures.values() if self.money or not m.money]
        query = self.subject.base(self.spec).select(*[m.expr.alias(m.key) for m in measures])
        row = query.dicts().get()
        return {m.key: _measure_value(row[m.key], m.kind) for m in measures}

    def group(self, dimension: str, measure: str = "count", series: str | None = None,
              lang: str = "en", limit: int = MAX_CATEGORIES) -> GroupResult:
        dims = self.subject.dimensions
        if dimension not in dims or (series is not None and series not in dims):
            raise ValidationError(FieldError("dimension", "invalid_choice", {"value": dimension}))
        if measure not in self.subject.measures:
            raise ValidationError(FieldError("measure", "invalid_choice", {"value": measure}))
        meas = self.subject.measures[measure]
        if meas.money and not self.money:
            actor = context.current()
            raise PermissionDenied(Permission.ANALYSIS_MONEY.value, actor.role.value)
        dim = dims[dimension]
        sdim = dims[series] if series and series != dimension else None
        query = self.subject.grouping_base(self.spec)
        joined: set[str] = set()
        for d in (dim, sdim):
            if d is not None and d.join is not None and d.key not in joined:
                query = d.join(query)
                joined.add(d.key)
        keys = [dim.expr.alias("k")]
        if sdim is not None:
            keys.append(sdim.expr.alias("s"))
        group_exprs = [dim.expr] + ([sdim.expr] if sdim is not None else [])
        rows = list(query.select(*keys, meas.expr.alias("v")).group_by(*group_exprs).tuples())
        cells: dict[tuple[Any, Any], float] = {}
        for row in rows:
            k = row[0]
            s = row[1] if sdim is not None else None
            v = _measure_value(row[-1], meas.kind)
            cells[(k, s)] = cells.get((k, s), 0.0) + float(v or 0)
        cat_keys, cat_labels = _arrange(dim, {k for k, _ in cells}, cells, 0, lang, limit)
        if sdim is not None:
            ser_keys, ser_labels = _arrange(sdim, {s for _, s in cells}, cells, 1, lang, MAX_SERIES)
        else:
            ser_keys, ser_labels = [None], {None: ""}
        cat_index = {k: i for i, k in enumerate(cat_keys)}
        ser_index = {k: i for i, k in enumerate(ser_keys)}
        values = [[0.0] * len(cat_keys) for _ in ser_keys]
        for (k, s), v in cells.items():
            ci = cat_index.get(k, cat_index.get(OTHER))
            si = ser_index.get(s, ser_index.get(OTHER))
            if ci is None or si is None:  # pragma: no cover - _arrange always adds OTHER
                continue
            values[si][ci] += v
        return GroupResult(
            dimension=dimension, series_dimension=series if sdim is not None else None,
            measure=measure, kind=meas.kind,
            categories=[(k, cat_labels[k]) for k in cat_keys],
            series=[(k, ser_labels[k]) for k in ser_keys], values=values, period=dim.period,
            category_codes=dim.codes, series_codes=sdim.codes if sdim is not None else None)


def _models_of(expr: Any, depth: int = 0) -> set[Any]:
    """The models (or aliases) whose fields an expression reads. Every child node is visited
    (functions, cases, sub-selects); a sub-select's own tables count too, which at worst adds
    a join that was not needed."""
    if isinstance(expr, pw.Field):
        return {expr.model}
    if depth > 30 or isinstance(expr, pw.ModelAlias) or not hasattr(expr, "__dict__"):
        return set()
    out: set[Any] = set()
    for value in vars(expr).values():
        for node in _nodes_in(value):
            out |= _models_of(node, depth + 1)
    return out


def _nodes_in(value: Any) -> Iterator[Any]:
    if isinstance(value, pw.Node):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _nodes_in(item)


def _to_datetime(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    return value


def _to_date(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    return value


def _to_decimal(value: Any) -> Any:
    return Decimal(str(value)).quantize(Decimal("0.01"))


def _fast_converter(kind: str) -> Callable[[Any], Any] | None:
    return {"datetime": _to_datetime, "date": _to_date, "money": _to_decimal,
            "bool": bool}.get(kind)


def _measure_value(value: Any, kind: str) -> Any:
    if value is None:
        return Decimal("0.00") if kind == "money" else 0
    if kind == "money":
        return Decimal(str(value)).quantize(Decimal("0.01"))
    if kind == "hours":
        return round(float(value), 2)
    return int(value)


def _arrange(dim: Dimension, keys: set[Any], cells: dict, pos: int, lang: str,
             limit: int) -> tuple[list[Any], dict[Any, str]]:
    """Order the keys of a dimension, fill time gaps, keep the top ``limit`` and an "other"."""
    if dim.period:
        ordered = _period_keys(dim.period, [k for k in keys if k is not None])
        if None in keys:
            ordered.append(None)
        return ordered, {k: ("" if k is None else str(k)) for k in ordered}
    labels = dim.labels(list(keys), lang) if dim.labels else {}
    info = {k: labels.get(k, ("" if k is None else str(k), None)) for k in keys}
    totals: dict[Any, float] = {}
    for cell, v in cells.items():
        totals[cell[pos]] = totals.get(cell[pos], 0.0) + v
    ordered = sorted(keys, key=lambda k: (k is None, -totals.get(k, 0.0), str(info[k][0])))
    other = False
    if len(ordered) > limit:
        ordered, other = ordered[:limit - 1], True
    has_order = all(info[k][1] is not None for k in ordered if k is not None)
    if has_order:  # a natural order (priority rank …) beats the size order
        ordered.sort(key=lambda k: (k is None, info[k][1] if k is not None else 0))
    elif not other:
        ordered.sort(key=lambda k: (k is None, str(info[k][0]).casefold()))
    out = {k: info[k][0] for k in ordered}
    if other:
        ordered.append(OTHER)
        out[OTHER] = ""
    return ordered, out


def _period_keys(period: str, keys: list[str]) -> list[str]:
    if not keys:
        return []
    lo, hi = min(keys), max(keys)
    out: list[str] = []
    if period == "month":
        y, m = int(lo[:4]), int(lo[5:7])
        while True:
            key = f"{y:04d}-{m:02d}"
            out.append(key)
            if key >= hi or len(out) > 1200:
                break
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out
    day = dt.date.fromisoformat(lo)
    last = dt.date.fromisoformat(hi)
    while day <= last and len(out) <= 2000:
        out.append(day.isoformat())
        day += dt.timedelta(days=7)
    return out


# -- SQL helpers shared by the subjects ------------------------------------------------------

def month_of(expr: Any) -> Any:
    """'2026-03' of a stored date/datetime ('YYYY-MM-DD…' text in SQLite): a substring is
    several times cheaper than strftime() over 200,000 rows. The positions are literals, not
    parameters, so that an index on the same expression can serve the grouping (requests by
    month and priority, the default chart, reads it already grouped: no sort of every row).
    PostgreSQL: to_char (servicedesk.dialect)."""
    return dialect.month_key(expr)


def week_of(expr: Any) -> Any:
    """The Monday of the week of ``expr`` (ISO weeks start on Monday)."""
    return dialect.week_start(expr)


def hours_of(minutes: Any) -> Any:
    """Minutes as hours, a float not converted back by the column's type."""
    # A literal 60.0: a bound parameter would go through IntegerField.db_value → 60 (int division)
    return pw.fn.ROUND(minutes / pw.SQL("60.0"), 4).coerce(False)


def raw(expr: Any) -> Any:
    """An expression whose value is returned as SQLite computed it (no field conversion)."""
    return pw.fn.ROUND(expr, 4).coerce(False)


def like_pattern(text: str) -> str:
    return like.pattern(text)


def contains(expr: Any, text: str) -> Any:
    """``expr LIKE '%text%'`` with the wildcards of ``text`` taken literally."""
    return like.contains(expr, text)


def day_range(expr: Any, start: dt.date | None, end: dt.date | None, *,
              datetime_column: bool = True) -> list[Any]:
    """Conditions for ``start <= expr <= end`` (whole days; open ends when None)."""
    out = []
    if start is not None:
        out.append(expr >= (dt.datetime.combine(start, dt.time()) if datetime_column else start))
    if end is not None:
        if datetime_column:
            out.append(expr < dt.datetime.combine(end + dt.timedelta(days=1), dt.time()))
        else:
            out.append(expr <= end)
    return out


def name_labels(model: type[pw.Model], field: pw.Field, order: pw.Field | None = None):
    """A ``labels`` function reading display names of ids from ``model``."""

    def labels(keys: list[Any], lang: str) -> dict[Any, tuple[str, Any]]:
        ids = [k for k in keys if k is not None and k != OTHER]
        out: dict[Any, tuple[str, Any]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            cols = [model._meta.primary_key, field] + ([order] if order is not None else [])
            for row in model.select(*cols).where(model._meta.primary_key.in_(chunk)).tuples():
                out[row[0]] = (row[1], row[2] if order is not None else None)
        return out

    return labels


def ref_labels(model: type[pw.Model], order: pw.Field | None = None, by_code: bool = False):
    """Labels of a reference table with ``name_en``/``name_it`` (priority, activity type …)."""

    def labels(keys: list[Any], lang: str) -> dict[Any, tuple[str, Any]]:
        name = model.name_it if lang == "it" else model.name_en
        key_field = model.code if by_code else model.id
        cols = [key_field, name] + ([order] if order is not None else [])
        return {row[0]: (row[1], row[2] if order is not None else None)
                for row in model.select(*cols).tuples()}

    return labels


# -- validation and (de)serialisation of specs ----------------------------------------------

def _range_pairs(spec: Any) -> list[tuple[str, str]]:
    names = [f.name for f in dataclasses.fields(spec)]
    pairs = []
    for name in names:
        for lo, hi in (("_from", "_to"), ("_min", "_max")):
            if name.endswith(lo):
                other = name[: -len(lo)] + hi
                if other in names:
                    pairs.append((name, other))
    return pairs


def validate(spec: Any) -> None:
    """Refuse a spec that cannot mean anything: end before start, negative or reversed ranges,
    absurdly long text. Every problem is reported at once (field name + code)."""
    errors: list[FieldError] = []
    for f in dataclasses.fields(spec):
        value = getattr(spec, f.name)
        if isinstance(value, str) and len(value) > MAX_TEXT:
            errors.append(FieldError(f.name, "too_long", {"max": MAX_TEXT}))
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool) \
                and f.name.endswith(("_min", "_max")) and value < 0:
            errors.append(FieldError(f.name, "negative"))
    for lo, hi in _range_pairs(spec):
        a, b = getattr(spec, lo), getattr(spec, hi)
        if a is not None and b is not None and b < a:
            code = "end_before_start" if lo.endswith("_from") else "analysis.min_above_max"
            errors.append(FieldError(hi, code, {"min": a, "max": b}))
    if errors:
        raise ValidationError(errors)


def spec_to_dict(spec: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in dataclasses.fields(spec):
        value = getattr(spec, f.name)
        if value == f.default or (isinstance(value, tuple) and not value):
            continue
        if isinstance(value, (dt.date, Decimal)):
            value = str(value) if isinstance(value, Decimal) else value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        out[f.name] = value
    return out


def spec_from_dict(spec_type: type, data: dict[str, Any]) -> Any:
    """Rebuild a spec; unknown or malformed entries are dropped (a filter saved by an older or
    newer version still opens)."""
    kwargs: dict[str, Any] = {}
    hints = {f.name: f for f in dataclasses.fields(spec_type)}
    for name, value in (data or {}).items():
        f = hints.get(name)
        if f is None or value is None:
            continue
        default = f.default if f.default is not dataclasses.MISSING else None
        try:
            if isinstance(default, tuple) or f.default_factory is not dataclasses.MISSING:
                kwargs[name] = tuple(value)
            elif name.endswith(("_from", "_to")) and "amount" not in name:
                kwargs[name] = dt.date.fromisoformat(value)
            elif name.startswith("amount"):
                kwargs[name] = Decimal(str(value))
            elif isinstance(default, bool):
                kwargs[name] = bool(value)
            elif name.endswith(("_min", "_max")):
                kwargs[name] = int(value)
            else:
                kwargs[name] = value
        except (TypeError, ValueError, InvalidOperation):
            continue
    return spec_type(**kwargs)


def spec_to_json(spec: Any) -> str:
    return json.dumps(spec_to_dict(spec), ensure_ascii=False, sort_keys=True)


def spec_from_json(spec_type: type, text: str) -> Any:
    try:
        data = json.loads(text or "{}")
    except ValueError:
        data = {}
    return spec_from_dict(spec_type, data if isinstance(data, dict) else {})


def is_empty(spec: Any) -> bool:
    return not spec_to_dict(spec)


def replace(spec: Any, **changes: Any) -> Any:
    return dataclasses.replace(spec, **changes)


__all__ = ["AnalysisQuery", "Column", "Dimension", "GroupResult", "Measure", "OTHER",
           "QueryCancelled", "Subject",
           "contains", "day_range", "month_of", "name_labels", "ref_labels", "spec_from_dict",
           "spec_from_json", "spec_to_dict", "spec_to_json", "validate", "week_of"]
