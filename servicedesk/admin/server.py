"""``servicedesk-admin`` subcommands for a PostgreSQL server (issue 17): migrate, password, backup."""
from __future__ import annotations

import argparse
import sys


def _print_progress(table: str, n: int, total: int) -> None:
    print(f"  [{n}/{total}] {table}", file=sys.stderr, flush=True)


def cmd_migrate(args: argparse.Namespace) -> int:
    from .migrate import copy_database

    report = copy_database(args.source, args.target,
                           progress=None if args.quiet else _print_progress)
    print(f"copied {report.rows} rows in {len(report.tables)} tables "
          f"(schema {report.schema_version}) in {report.seconds:.1f} s; "
          "counts and sums verified")
    return 0


def cmd_password(args: argparse.Namespace) -> int:
    import getpass

    from ..pg.database import store_password

    secret = args.password_stdin and sys.stdin.readline().rstrip("\n") or \
        getpass.getpass("Password (kept in this computer's keyring): ")
    key = store_password(args.url, secret)
    print(f"password kept in the keyring for {key}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from ..pg.backup import dump

    path = dump(args.url, args.file)
    print(f"backup written: {path}")
    return 0


def register(sub) -> None:
    p = sub.add_parser("migrate", help="copy an office database file into an empty "
                       "PostgreSQL database")
    p.add_argument("source", metavar="SQLITE_FILE")
    p.add_argument("target", metavar="POSTGRESQL_URL")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    p.set_defaults(run=cmd_migrate)
    p = sub.add_parser("password", help="keep the password of a PostgreSQL URL in the OS keyring")
    p.add_argument("url", metavar="POSTGRESQL_URL")
    p.add_argument("--password-stdin", action="store_true", help="read it from standard input")
    p.set_defaults(run=cmd_password)
    p = sub.add_parser("backup", help="pg_dump of a PostgreSQL database (custom format)")
    p.add_argument("url", metavar="POSTGRESQL_URL")
    p.add_argument("file", metavar="FILE.dump")
    p.set_defaults(run=cmd_backup)
