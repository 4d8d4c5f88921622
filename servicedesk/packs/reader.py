"""Open a pack for merging: read-only, checked, refused with one code when it cannot be used."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any, Iterator

from ..errors import DatabaseOpenError
from .export import base_digest
from .identity import BASE_TABLE, PackError, PackInfo, read_info


class PackFile:
    """A pack opened read-only in one read transaction (a consistent snapshot of the laptop's
    work). Raises :class:`PackError` on open: ``packs.missing``, ``packs.damaged`` (not a
    database, truncated, failing its check, or a base that does not match its digest),
    ``packs.not_a_pack``."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).expanduser()
        self._check_file()
        try:
            self.con = sqlite3.connect(f"file:{self.path.as_posix()}?mode=ro", uri=True,
                                       isolation_level=None, timeout=10)
        except sqlite3.Error as exc:
            raise PackError(str(exc), code="packs.damaged", path=str(self.path),
                            detail=str(exc)) from exc
        try:
            self._open()
        except BaseException:
            self.con.close()
            raise

    def _check_file(self) -> None:
        from ..db import _check_file

        if not self.path.exists():
            raise PackError(f"{self.path} does not exist", code="packs.missing",
                            path=str(self.path))
        try:
            _check_file(self.path, create=False)
        except DatabaseOpenError as err:
            if err.code == "db.read_only":  # a pack on read-only media is fine to read
                return
            raise PackError(str(err), code="packs.damaged", path=str(self.path),
                            detail=err.code) from err

    def _open(self) -> None:
        try:
            self.con.execute("BEGIN")
            result = self.con.execute("PRAGMA quick_check(1)").fetchone()[0]
            if result != "ok":
                raise PackError(f"{self.path} is damaged: {result}", code="packs.damaged",
                                path=str(self.path), detail=result)
            info = read_info(lambda sql, params=(): self.con.execute(sql, params))
        except sqlite3.DatabaseError as exc:
            raise PackError(str(exc), code="packs.damaged", path=str(self.path),
                            detail=str(exc)) from exc
        if info is None:
            raise PackError(f"{self.path} is not an offline pack", code="packs.not_a_pack",
                            path=str(self.path))
        self.info: PackInfo = info
        rows = dict(self.con.execute("SELECT key, value FROM pack_info").fetchall())
        self._columns = {k.split(":", 1)[1]: json.loads(v) for k, v in rows.items()
                         if k.startswith("columns:")}
        digest = json.loads(rows.get("base_digest", "null"))
        if digest != base_digest(lambda sql: self.con.execute(sql)):
            raise PackError(f"{self.path}: its base does not match its digest",
                            code="packs.damaged", path=str(self.path), detail="base digest")
        self.migrations = {r[0] for r in self.con.execute("SELECT number FROM schema_migrations")}

    def close(self) -> None:
        try:
            if self.con.in_transaction:
                self.con.execute("ROLLBACK")
        finally:
            self.con.close()

    def __enter__(self) -> "PackFile":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- reading ---------------------------------------------------------------------------
    def columns(self, table: str) -> list[str]:
        """The table's columns in the pack now (a pack upgraded on the laptop may have more)."""
        return [r[1] for r in self.con.execute(f'PRAGMA table_info("{table}")')]

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        cols = self.columns(table)
        names = ", ".join(f'"{c}"' for c in cols)
        for values in self.con.execute(f'SELECT {names} FROM "{table}"'):
            yield dict(zip(cols, values))

    def base(self, table: str) -> dict[str, dict[str, Any]]:
        """The exported values of every row of ``table``, by uuid (column → stored value)."""
        cols = self._columns.get(table, [])
        out = {}
        for record_uuid, data in self.con.execute(
                f"SELECT record_uuid, data FROM {BASE_TABLE} WHERE table_name = ?", (table,)):
            out[record_uuid] = dict(zip(cols, json.loads(data)))
        return out

    def touched(self, table: str) -> tuple[set[str], set[str]]:
        """(uuids of rows whose stored values differ from their base, uuids of rows not in the
        base): found by SQLite comparing each row's ``json_array`` with the base text, so the
        unchanged thousands (the KB) never reach Python."""
        present = set(self.columns(table))
        cols = [c for c in self._columns.get(table, []) if c in present]
        if not cols:
            return set(), set()
        values = ", ".join(f't."{c}"' for c in cols)
        changed = {r[0] for r in self.con.execute(
            f'SELECT t.uuid FROM "{table}" t JOIN {BASE_TABLE} b ON b.table_name = ? '
            f"AND b.record_uuid = t.uuid WHERE json_array({values}) IS NOT b.data", (table,))}
        new = {r[0] for r in self.con.execute(
            f'SELECT uuid FROM "{table}" WHERE uuid NOT IN '
            f"(SELECT record_uuid FROM {BASE_TABLE} WHERE table_name = ?)", (table,))}
        return changed, new

    def rows_of(self, table: str, uuids: set[str]) -> dict[str, dict[str, Any]]:
        """The pack's rows of ``table`` with these uuids, by uuid."""
        cols = self.columns(table)
        names = ", ".join(f'"{c}"' for c in cols)
        out: dict[str, dict[str, Any]] = {}
        todo = list(uuids)
        for i in range(0, len(todo), 500):
            part = todo[i:i + 500]
            marks = ",".join("?" * len(part))
            for values in self.con.execute(f'SELECT {names} FROM "{table}" WHERE uuid IN ({marks})',
                                           part):
                row = dict(zip(cols, values))
                out[row["uuid"]] = row
        return out

    def base_of(self, table: str, uuids: set[str]) -> dict[str, dict[str, Any]]:
        """The exported values of these rows of ``table``, by uuid."""
        cols = self._columns.get(table, [])
        out: dict[str, dict[str, Any]] = {}
        todo = list(uuids)
        for i in range(0, len(todo), 500):
            part = todo[i:i + 500]
            marks = ",".join("?" * len(part))
            for record_uuid, data in self.con.execute(
                    f"SELECT record_uuid, data FROM {BASE_TABLE} WHERE table_name = ? "
                    f"AND record_uuid IN ({marks})", [table, *part]):
                out[record_uuid] = dict(zip(cols, json.loads(data)))
        return out

    def base_ids(self, table: str) -> dict[int, str]:
        """id → uuid of every exported row of ``table`` (also those deleted on the laptop)."""
        cols = self._columns.get(table, [])
        if "id" not in cols:
            return {}
        return dict(self.con.execute(
            f"SELECT json_extract(data, '$[{cols.index('id')}]'), record_uuid FROM {BASE_TABLE} "
            "WHERE table_name = ?", (table,)).fetchall())

    def tombstones(self, table: str) -> list[tuple[str, str]]:
        """(uuid, deleted_at) of rows of ``table`` deleted on the laptop."""
        return list(self.con.execute("SELECT record_uuid, deleted_at FROM tombstone "
                                     "WHERE table_name = ? ORDER BY id", (table,)))
