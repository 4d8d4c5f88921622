"""Backups of a PostgreSQL database with ``pg_dump`` (custom format, restored by ``pg_restore``).

Where the client tools are installed the app and ``servicedesk-admin backup`` write a dump;
elsewhere the README tells IT how to back the server up (pg_dump on a schedule, or base
backups with WAL archiving for point-in-time recovery). The dump is written to a temporary
name and renamed when pg_dump succeeded, so a half-written file never looks like a backup.
"""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
from pathlib import Path

from ..errors import ServiceDeskError


class PgBackupError(ServiceDeskError):
    code = "backup.pg_dump_failed"


def tool(name: str) -> str | None:
    """``pg_dump``/``pg_restore`` on PATH, else in Debian's versioned folders (newest first)."""
    found = shutil.which(name)
    if found:
        return found
    found_all = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return found_all[0] if found_all else None


def available() -> bool:
    return tool("pg_dump") is not None


def _env(url: str) -> dict[str, str]:
    env = dict(os.environ)
    if "PGPASSWORD" not in env:
        from psycopg import conninfo as ci

        from .database import keyring_password

        params = ci.conninfo_to_dict(url)
        if "password" not in params:
            secret = keyring_password(params)
            if secret:
                env["PGPASSWORD"] = secret
    return env


def dump(url: str, target: str | os.PathLike, *, timeout: float = 3600) -> Path:
    """Write a custom-format dump of the database at ``url`` to ``target``."""
    exe = tool("pg_dump")
    if exe is None:
        raise PgBackupError("pg_dump is not installed", code="backup.pg_dump_missing")
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    try:
        out = subprocess.run([exe, "--format=custom", "--no-owner", f"--file={partial}",
                              f"--dbname={url}"], capture_output=True, text=True,
                             env=_env(url), timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as exc:
        partial.unlink(missing_ok=True)
        raise PgBackupError(str(exc), detail=str(exc)) from exc
    if out.returncode != 0:
        partial.unlink(missing_ok=True)
        detail = (out.stderr.strip().splitlines() or ["pg_dump failed"])[-1]
        raise PgBackupError(detail, detail=detail)
    partial.replace(target)
    return target


def restore_command(url: str, dump_file: str | os.PathLike) -> list[str]:
    """The command IT runs to restore ``dump_file`` into an empty database at ``url``."""
    return [tool("pg_restore") or "pg_restore", "--no-owner", "--exit-on-error",
            f"--dbname={url}", str(dump_file)]
