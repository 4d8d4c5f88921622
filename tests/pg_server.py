"""A throwaway PostgreSQL cluster for the tests: initdb in a temp folder, a unix socket there.

Started once per test session, on first use, by the ``pg_cluster`` fixture (tests/conftest.py).
As root (CI) the server runs as an unprivileged user (``postgres`` when it exists, else one
made for the purpose): PostgreSQL refuses to run as root. Databases for tests are copies of
migrated templates (``CREATE DATABASE … TEMPLATE``), much faster than migrating each time.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SUPERUSER = "sd_test"
PASSWORD_ROLE = "sd_password"  # a role that must give a password (the wrong-password test)
PASSWORD = "s3cret-pw"
SUPERUSER_PASSWORD = "sd-test-super"


def server_bin(name: str) -> str | None:
    """``initdb``/``pg_ctl``: on PATH, else in Debian's versioned folder (newest first)."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                        key=lambda p: int(Path(p).parts[4]) if Path(p).parts[4].isdigit() else 0,
                        reverse=True)
    return candidates[0] if candidates else None


def missing_reason() -> str | None:
    """Why no cluster can be started here, or ``None`` when it can."""
    for name in ("initdb", "pg_ctl"):
        if server_bin(name) is None:
            return f"PostgreSQL server binaries not found ({name}): PostgreSQL tests skipped"
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _service_user() -> str | None:
    """The unprivileged user the server runs as when we are root (``None``: ourselves)."""
    if os.geteuid() != 0:
        return None
    import pwd

    for name in ("postgres", "sdpgtest"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                    "sdpgtest"], check=True, capture_output=True)
    return "sdpgtest"


class Cluster:
    """One running server; :meth:`url` gives a ``postgresql://`` URL for a database in it."""

    def __init__(self, base: Path | None = None) -> None:
        """A cluster in a new temporary folder, or in ``base`` (kept: the benchmarks reuse
        the large database they copied in there)."""
        self.user = _service_user()
        self.kept = base is not None
        self.base = Path(base) if base else Path(tempfile.mkdtemp(prefix="sd-pg-"))
        self.base.mkdir(parents=True, exist_ok=True)
        self.data = self.base / "data"
        self.sockets = Path(tempfile.mkdtemp(prefix="sd-pgrun-"))
        self.port = free_port()
        self.log = self.base / "server.log"
        if self.user:
            import pwd

            pw_ = pwd.getpwnam(self.user)
            for path in (self.base, self.sockets):
                os.chown(path, pw_.pw_uid, pw_.pw_gid)
                os.chmod(path, 0o755)

    def _run(self, *cmd: str) -> subprocess.CompletedProcess:
        argv = list(cmd)
        if self.user:
            argv = ["runuser", "-u", self.user, "--", *argv]
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["LC_ALL"] = "C.UTF-8"
        return subprocess.run(argv, check=True, capture_output=True, text=True, env=env)

    def start(self) -> "Cluster":
        if not (self.data / "PG_VERSION").exists():
            self._initdb()
        opts = (f"-p {self.port} -k {self.sockets} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200 "
                "-c shared_buffers=128MB")
        self._run(server_bin("pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w",
                  "-t", "120", "-o", opts, "start")
        with self.admin() as con:
            if not con.execute("SELECT 1 FROM pg_roles WHERE rolname = %s",
                               (PASSWORD_ROLE,)).fetchone():
                con.execute(f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD '{PASSWORD}'")
        return self

    def _initdb(self) -> None:
        pwfile = self.base / "pw"
        pwfile.write_text(SUPERUSER_PASSWORD + "\n")
        if self.user:
            shutil.chown(pwfile, self.user)
        self._run(server_bin("initdb"), "-D", str(self.data), "-U", SUPERUSER, "-E", "UTF8",
                  "--locale=C.UTF-8", "--auth-local=trust", "--auth-host=scram-sha-256",
                  "--pwfile", str(pwfile), "--no-sync")
        hba = self.data / "pg_hba.conf"
        # The password role must authenticate even on the socket (wrong-password test).
        hba.write_text(f"local all {PASSWORD_ROLE} scram-sha-256\n" + hba.read_text())

    def stop(self) -> None:
        try:
            self._run(server_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        except subprocess.CalledProcessError:  # pragma: no cover - already gone
            pass
        shutil.rmtree(self.sockets, ignore_errors=True)
        if not self.kept:
            shutil.rmtree(self.base, ignore_errors=True)

    def url(self, dbname: str, user: str = SUPERUSER, password: str | None = None) -> str:
        auth = f"{user}:{password}" if password else user
        return f"postgresql://{auth}@/{dbname}?host={self.sockets}&port={self.port}"

    def tcp_url(self, dbname: str, user: str = SUPERUSER, password: str | None = None) -> str:
        auth = f"{user}:{password}" if password else user
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{dbname}"

    def admin(self):
        """An autocommit psycopg connection to the ``postgres`` database as the superuser."""
        import psycopg

        return psycopg.connect(host=str(self.sockets), port=self.port, user=SUPERUSER,
                               dbname="postgres", autocommit=True)

    def create_database(self, name: str, template: str | None = None, owner: str | None = None) -> str:
        with self.admin() as con:
            sql = f'CREATE DATABASE "{name}"'
            if template:
                sql += f' TEMPLATE "{template}" STRATEGY FILE_COPY'
            if owner:
                sql += f' OWNER "{owner}"'
            con.execute(sql)
        return self.url(name)

    def drop_database(self, name: str) -> None:
        with self.admin() as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
