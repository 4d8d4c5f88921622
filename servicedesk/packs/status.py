"""On the laptop: what the pack will bring back, for the window's banner (reads only)."""
from __future__ import annotations

from . import tables as T
from .identity import BASE_TABLE, pack_info


def pending_changes(db=None) -> dict[str, int]:
    """Rows per merged table created or edited since the pack was prepared, and rows deleted
    (tombstones): what a merge would bring back. Empty for an office database."""
    from ..models import database_proxy

    db = db or database_proxy.obj
    info = pack_info(db)
    if info is None:
        return {}
    since = info.prepared_at.isoformat(sep=" ")
    out: dict[str, int] = {}
    for table in T.MERGED_TABLES:
        n = db.execute_sql(
            f'SELECT count(*) FROM "{table}" t WHERE t.updated_at > ? OR NOT EXISTS '
            f'(SELECT 1 FROM {BASE_TABLE} b WHERE b.table_name = ? AND b.record_uuid = t.uuid)',
            (since, table)).fetchone()[0]
        n += db.execute_sql("SELECT count(*) FROM tombstone WHERE table_name = ?",
                            (table,)).fetchone()[0]
        if n:
            out[table] = n
    return out
