"""Print the CREATE statements of the current models (used once to freeze a migration)."""
from __future__ import annotations

import sys

import peewee as pw

from servicedesk.models import ALL_MODELS, database_proxy


def main() -> None:
    db = pw.SqliteDatabase(":memory:")
    database_proxy.initialize(db)
    names = set(sys.argv[1:])
    for model in ALL_MODELS:
        if names and model.__name__ not in names:
            continue
        ctx = model._schema._create_table(safe=False)
        sql, params = ctx.query()
        assert not params
        print(sql + ";")
        for index in model._schema._create_indexes(safe=False):
            sql, params = index.query()
            print(sql + ";")


if __name__ == "__main__":
    main()
