"""ServiceDesk core: models, database, rules, queries and exports. Never imports Qt."""
from __future__ import annotations

__version__ = "0.1.0"
