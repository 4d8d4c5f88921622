"""Reference data: provinces, activity types, problem types, priorities, settings, saved filters."""
from __future__ import annotations

import peewee as pw

from .base import BaseModel, FixedDecimalField


class Province(BaseModel):
    """An Italian province (sigla automobilistica): MI, RM, TO …"""

    code = pw.CharField(max_length=2, unique=True)
    name = pw.CharField(max_length=64)
    region = pw.CharField(max_length=64)


class ActivityType(BaseModel):
    """Installation, repair, periodic maintenance, remote support … (tipo attività)."""

    code = pw.CharField(max_length=32, unique=True)
    name_en = pw.CharField(max_length=80)
    name_it = pw.CharField(max_length=80)
    color = pw.CharField(max_length=9, default="#5b8def")
    billable = pw.BooleanField(default=True)
    on_site = pw.BooleanField(default=True)
    default_minutes = pw.IntegerField(default=120)
    archived = pw.BooleanField(default=False)


class ProblemType(BaseModel):
    """A classification of problems (tipo problema): hardware fault, software, network …"""

    code = pw.CharField(max_length=32, unique=True)
    name_en = pw.CharField(max_length=80)
    name_it = pw.CharField(max_length=80)
    archived = pw.BooleanField(default=False)


class Priority(BaseModel):
    """Request priority with the default SLA used when no contract sets one."""

    code = pw.CharField(max_length=16, unique=True)  # critical, high, normal, low
    rank = pw.IntegerField(unique=True)  # 1 = most urgent
    name_en = pw.CharField(max_length=40)
    name_it = pw.CharField(max_length=40)
    response_hours = pw.IntegerField()  # working hours
    resolution_hours = pw.IntegerField()  # working hours
    color = pw.CharField(max_length=9, default="#888888")


class IstatIndex(BaseModel):
    """ISTAT FOI (ex tabacchi) yearly change, as published; editable by the user."""

    year = pw.IntegerField(unique=True)  # the year the change refers to
    change_pct = FixedDecimalField(max_digits=6, decimal_places=2, auto_round=True)
    published_on = pw.DateField()  # when ISTAT published the figure
    note = pw.CharField(max_length=200, default="")


class IstatMonth(BaseModel):
    """ISTAT FOI (ex tabacchi) of one month: the index and its change over the same month of the
    year before, as published; imported from ISTAT's file or typed by the user."""

    year = pw.IntegerField()
    month = pw.IntegerField()  # 1..12
    change_pct = FixedDecimalField(max_digits=6, decimal_places=2, auto_round=True, null=True)
    index_value = FixedDecimalField(max_digits=8, decimal_places=2, auto_round=True, null=True)
    index_base = pw.CharField(max_length=10, default="")  # "2015" of base 2015=100; "" unknown
    published_on = pw.DateField(null=True)
    note = pw.CharField(max_length=200, default="")

    class Meta:
        indexes = ((("year", "month"), True),)


class Setting(BaseModel):
    """Application settings shared by every workstation on the database (key/value, JSON text)."""

    key = pw.CharField(max_length=100, unique=True)
    value = pw.TextField(default="")


class SavedFilter(BaseModel):
    """A named filter set of an analysis subject, reusable by its owner (or everybody)."""

    subject = pw.CharField(max_length=32)  # requests, interventions, worklogs, contracts
    name = pw.CharField(max_length=100)
    spec_json = pw.TextField()
    operator_id = pw.IntegerField(null=True)  # None: shared with everybody

    class Meta:
        indexes = ((("subject", "name", "operator_id"), True),)
