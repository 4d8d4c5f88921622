"""``servicedesk-admin``: one small argparse program, one subcommand per task.

    servicedesk-admin pack export --operator USER [--days N] OFFICE.db PACK
    servicedesk-admin pack merge OFFICE.db PACK [--dry-run] [--prefer office|laptop]
    servicedesk-admin migrate OFFICE.db postgresql://user@host/servicedesk
    servicedesk-admin password postgresql://user@host/servicedesk     (asks; kept in the keyring)
    servicedesk-admin backup postgresql://user@host/servicedesk FILE.dump

A task module adds its subcommands with ``register(subparsers)``; each command is a function
``(args) -> int``. Errors are one line on stderr and exit code 2; nothing is changed when a
command is refused.
"""
from __future__ import annotations

import argparse
import sys

from ..errors import ServiceDeskError


def build_parser() -> argparse.ArgumentParser:
    from . import packs, server

    parser = argparse.ArgumentParser(prog="servicedesk-admin",
                                     description="ServiceDesk administration")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    packs.register(sub)
    server.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except ServiceDeskError as err:
        detail = err.params.get("detail")
        print(f"servicedesk-admin: {err}" + (f" ({detail})" if detail and str(detail) not in str(err)
                                             else ""), file=sys.stderr)
        return 2


def entry() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry()
