"""Offline packs for the technician's laptop: prepare, recognise, merge back (R-X-2, #16).

``export.prepare_pack`` writes one self-contained SQLite file for an operator and a period;
``identity`` tells whether the open database is such a pack (and whose); ``merge.merge_pack``
brings its work back into the office database by uuid, in one transaction. See docs/laptop.md.
"""
from __future__ import annotations

from .identity import PackError, PackInfo, database_uuid, is_pack, office_only, pack_info

__all__ = ["PackError", "PackInfo", "database_uuid", "is_pack", "office_only", "pack_info"]
