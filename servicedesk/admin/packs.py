"""``servicedesk-admin pack export|merge``: laptop packs from scripts (#16).

One summary line on stdout; exit 0 done, 1 conflicts left undecided (nothing written), 2 refused
(one line on stderr, nothing changed).
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any


def register(sub: Any) -> None:
    pack = sub.add_parser("pack", help="prepare or merge a technician's offline pack")
    cmds = pack.add_subparsers(dest="pack_command", required=True, metavar="ACTION")
    p = cmds.add_parser("export", help="write an operator's pack for the coming days")
    p.add_argument("--operator", required=True, metavar="USER", help="user name (or id)")
    p.add_argument("--days", type=int, default=14, help="period length in days (default 14)")
    p.add_argument("--start", type=dt.date.fromisoformat, metavar="YYYY-MM-DD",
                   help="first day (default today)")
    p.add_argument("office", metavar="OFFICE_DB")
    p.add_argument("pack", metavar="PACK")
    p.set_defaults(run=cmd_export)
    p = cmds.add_parser("merge", help="bring a pack's work back into the office database")
    p.add_argument("office", metavar="OFFICE_DB")
    p.add_argument("pack", metavar="PACK")
    p.add_argument("--dry-run", action="store_true", help="say what would change, write nothing")
    p.add_argument("--prefer", choices=("office", "laptop"),
                   help="decide every conflict for this side")
    p.add_argument("--new-round", action="store_true",
                   help="merge again a pack edited after its last merge")
    p.set_defaults(run=cmd_merge)


def _open(path: str):
    from ..db import open_database

    return open_database(path, create=False)


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def cmd_export(args: argparse.Namespace) -> int:
    from ..models import Operator
    from ..packs import PackError
    from ..packs.export import prepare_pack

    db = _open(args.office)
    try:
        key = args.operator
        op = Operator.get_or_none(Operator.username == key)
        if op is None and key.isdigit():
            op = Operator.get_or_none(Operator.id == int(key))
        if op is None:
            raise PackError(f"no operator {key!r}", code="packs.operator_unknown", operator=key)
        r = prepare_pack(db, args.pack, op.id, start=args.start, days=args.days)
        for e in r.earlier:
            print(f"servicedesk-admin: warning: an earlier pack of {op.username} prepared "
                  f"{e['prepared_at']:%Y-%m-%d %H:%M} ({e['file_name']}) is not merged back yet",
                  file=sys.stderr)
        c = r.counts
        print(f"pack {r.pack_uuid[:8]} for {op.username} ({r.operator_name}), "
              f"{r.period_start:%Y-%m-%d}..{r.period_end:%Y-%m-%d}: {c['intervention']} "
              f"interventions, {c['service_request']} requests, {c['party']} customers, "
              f"{c['unit']} units, {c['kb_article']} KB articles"
              f"{'' if r.money else ', no amounts'}; {_mb(r.size_bytes)} in {r.seconds:.1f} s "
              f"-> {r.path}")
        return 0
    finally:
        db.close()


def cmd_merge(args: argparse.Namespace) -> int:
    from ..packs.merge import merge_pack

    db = _open(args.office)
    try:
        report = merge_pack(args.pack, prefer=args.prefer, dry_run=args.dry_run,
                            new_round=args.new_round)
        print(report.summary_line())
        return report.exit_code
    finally:
        db.close()
