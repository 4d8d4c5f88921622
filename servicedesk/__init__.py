"""ServiceDesk core: models, database, rules, queries and exports. Never imports Qt."""
from __future__ import annotations

import sys as _sys

if "peewee" not in _sys.modules:
    # peewee imports psycopg at import time when it is installed (a second on a cold start);
    # ServiceDesk imports it only when a PostgreSQL URL is opened (servicedesk.pg.database).
    _hidden = [n for n in ("psycopg", "psycopg2") if n not in _sys.modules]
    for _name in _hidden:
        _sys.modules[_name] = None  # type: ignore[assignment] - makes "import psycopg" fail
    try:
        import peewee  # noqa: F401
    finally:
        for _name in _hidden:
            _sys.modules.pop(_name, None)

__version__ = "0.1.0"
