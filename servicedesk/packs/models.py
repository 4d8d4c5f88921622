"""The office's record of packs (m0150): bookkeeping tables, not synced, not versioned."""
from __future__ import annotations

import peewee as pw

from .. import clock
from ..models.base import database_proxy


class _Bookkeeping(pw.Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class PackExport(_Bookkeeping):
    """A pack prepared in this office: for whom, which period, and whether it came back."""

    id = pw.AutoField()
    pack_uuid = pw.CharField(max_length=32, unique=True)
    operator_id = pw.IntegerField()
    prepared_at = pw.DateTimeField(default=clock.now)
    prepared_by = pw.IntegerField(null=True)
    period_start = pw.DateField()
    period_end = pw.DateField()
    file_name = pw.CharField(max_length=300)
    size_bytes = pw.IntegerField()
    records = pw.IntegerField()
    status = pw.CharField(max_length=12, default="out")  # out, merged
    rounds = pw.IntegerField(default=0)
    last_merged_at = pw.DateTimeField(null=True)


class PackRound(_Bookkeeping):
    """One merge of a pack: the fingerprint of the laptop's changes and the report's line."""

    id = pw.AutoField()
    pack_uuid = pw.CharField(max_length=32)
    round = pw.IntegerField()
    merged_at = pw.DateTimeField(default=clock.now)
    merged_by = pw.IntegerField(null=True)
    fingerprint = pw.CharField(max_length=64)
    summary = pw.TextField()


class PackRoundRow(_Bookkeeping):
    """The laptop's values of a row a round merged (JSON): the base of the next round."""

    id = pw.AutoField()
    pack_uuid = pw.CharField(max_length=32)
    table_name = pw.CharField(max_length=64)
    record_uuid = pw.CharField(max_length=32)
    data = pw.TextField()
