"""Typeable pickers of the filter forms: search a few matches of customers, operators, job
orders … by what the user types (never the 20,000 customers at once), and the labels of ids
restored from a saved filter."""
from __future__ import annotations

from typing import Any

import peewee as pw

from ... import like
from ...models import (ActivityType, Contract, JobOrder, Operator, Party, Priority, ProblemType,
                       Product, Province, Team)
from .base import contains


def _entity(name: str) -> tuple[type[pw.Model], Any, list[Any], Any]:
    """(model, key field, searched fields, label expression)."""
    if name in ("customer", "party"):
        return Party, Party.id, [Party.name, Party.code, Party.vat_number], Party.name
    if name == "operator":
        return Operator, Operator.id, [Operator.full_name, Operator.username], Operator.full_name
    if name == "job_order":
        return JobOrder, JobOrder.id, [JobOrder.code, JobOrder.title], \
            JobOrder.code.concat(" – ").concat(JobOrder.title)
    if name == "contract":
        return Contract, Contract.id, [Contract.number, Contract.title], \
            Contract.number.concat(" – ").concat(Contract.title)
    if name == "product":
        return Product, Product.id, [Product.code, Product.name], \
            Product.code.concat(" – ").concat(Product.name)
    if name == "province":
        return Province, Province.code, [Province.code, Province.name], \
            Province.code.concat(" – ").concat(Province.name)
    if name == "team":
        return Team, Team.id, [Team.name], Team.name
    raise KeyError(name)


def search(entity: str, text: str, limit: int = 30) -> list[tuple[Any, str]]:
    """Up to ``limit`` (key, label) whose name/code contains ``text``; names that start with
    it first."""
    model, key, fields, label = _entity(entity)
    text = (text or "").strip()[:100]
    query = model.select(key, label)
    if entity == "customer":
        query = query.where(Party.is_customer == True)  # noqa: E712
    if text:
        cond = contains(fields[0], text)
        for f in fields[1:]:
            cond = cond | contains(f, text)
        query = query.where(cond)
        starts = pw.Case(None, [(like.starts(fields[0], text), 0)], 1)
        query = query.order_by(starts, fields[0])
    else:
        query = query.order_by(fields[0])
    if "archived" in model._meta.fields:
        query = query.where(model.archived == False)  # noqa: E712
    return [(k, v or "") for k, v in query.limit(limit).tuples()]


def labels(entity: str, keys: list[Any]) -> dict[Any, str]:
    """Labels of the given keys (archived records included: an old filter still reads)."""
    if not keys:
        return {}
    model, key, _fields, label = _entity(entity)
    return {k: v or "" for k, v in model.select(key, label).where(key.in_(list(keys))).tuples()}


def choices(entity: str, lang: str = "en") -> list[tuple[Any, str]]:
    """All values of a short list: priorities (by rank, keyed by code), problem and activity
    types, teams."""
    if entity == "priority":
        name = Priority.name_it if lang == "it" else Priority.name_en
        return list(Priority.select(Priority.code, name).order_by(Priority.rank).tuples())
    if entity in ("problem_type", "activity_type"):
        model = ProblemType if entity == "problem_type" else ActivityType
        name = model.name_it if lang == "it" else model.name_en
        return list(model.select(model.id, name).where(model.archived == False)  # noqa: E712
                    .order_by(name).tuples())
    if entity == "team":
        return list(Team.select(Team.id, Team.name).where(Team.archived == False)  # noqa: E712
                    .order_by(Team.name).tuples())
    raise KeyError(entity)


def code_names(entity: str, lang: str = "en") -> dict[Any, str]:
    """code → name of a reference table (for table cells and export of code columns)."""
    model = {"priority": Priority, "problem_type": ProblemType,
             "activity_type": ActivityType}[entity]
    name = model.name_it if lang == "it" else model.name_en
    return dict(model.select(model.code, name).tuples())
