"""Build the workstation installers (R-X-4, #19): freeze, smoke-test, package.

    uv run python installer/build.py            # Linux: dist/ServiceDesk/ + dist/ServiceDesk-<v>-linux-<arch>.tar.gz
    uv run python installer\\build.py           # Windows: dist\\ServiceDesk\\ + build\\inno\\files.iss, then
    iscc installer\\windows\\servicedesk.iss     #          dist\\ServiceDesk-<v>-setup.exe

Steps: draw the .ico from the SVG, run PyInstaller on ``servicedesk.spec``, print the folder's
size, run ``smoke.py`` on the frozen app (``--no-smoke`` skips it), then package: on Linux a
.tar.gz with ``install.sh`` and the desktop entry, on Windows the Inno Setup file list.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = ROOT / "dist"
BUILD = ROOT / "build"
APP = DIST / "ServiceDesk"

sys.path.insert(0, str(HERE))
import inno  # noqa: E402


def version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def freeze() -> Path:
    from icon import write_ico

    ico = write_ico(ROOT / "resources" / "icons" / "servicedesk.svg", BUILD / "servicedesk.ico")
    subprocess.run([sys.executable, "-m", "PyInstaller", str(HERE / "servicedesk.spec"),
                    "--noconfirm", "--log-level", "WARN", "--distpath", str(DIST),
                    "--workpath", str(BUILD / "pyinstaller")],
                   check=True, cwd=ROOT, env={**os.environ, "SERVICEDESK_ICON": str(ico)})
    return APP / ("ServiceDesk.exe" if sys.platform == "win32" else "ServiceDesk")


def strip_python(app: Path) -> int:
    """Strip the symbols of the Python interpreter's own libraries (a locally built libpython
    carries ~17 MB of them); the wheels' libraries are left alone: stripping what auditwheel
    patched breaks it. Returns the bytes saved."""
    strip = shutil.which("strip")
    if not strip or not sys.platform.startswith("linux"):
        return 0
    internal = app / "_internal"
    files = [*internal.glob("libpython3*.so*"), *internal.glob("python3*/lib-dynload/*.so")]
    before = sum(f.stat().st_size for f in files)
    for path in files:
        subprocess.run([strip, "--strip-unneeded", str(path)], check=True)
    return before - sum(f.stat().st_size for f in files)


def smoke(executable: Path) -> None:
    subprocess.run([sys.executable, str(HERE / "smoke.py"), "--frozen", "yes", str(executable)],
                   check=True)


def linux_package() -> Path:
    """``ServiceDesk-<v>-linux-<arch>.tar.gz``: the frozen folder, the icon, the desktop entry
    and ``install.sh`` (per user, or ``--system`` as root)."""
    name = f"ServiceDesk-{version()}-linux-{platform.machine()}"
    target = DIST / f"{name}.tar.gz"
    linux = HERE / "linux"
    extras = {"install.sh": linux / "install.sh", "servicedesk.desktop": linux / "servicedesk.desktop",
              "servicedesk.svg": ROOT / "resources" / "icons" / "servicedesk.svg",
              "README.txt": linux / "README.txt"}
    with tarfile.open(target, "w:gz") as tar:
        tar.add(APP, arcname=f"{name}/ServiceDesk")
        for arcname, source in extras.items():
            tar.add(source, arcname=f"{name}/{arcname}")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-smoke", action="store_true", help="skip the smoke test")
    args = parser.parse_args(argv)
    shutil.rmtree(APP, ignore_errors=True)
    executable = freeze()
    saved = strip_python(APP)
    if saved:
        print(f"stripped the Python libraries: {saved / 1_000_000:.1f} MB less")
    print(f"frozen: {APP} ({folder_size(APP) / 1_000_000:.1f} MB)", flush=True)
    if not args.no_smoke:
        smoke(executable)
    if sys.platform == "win32":
        listed = inno.write_file_list(APP, BUILD / "inno" / "files.iss", version())
        print(f"Inno Setup file list: {listed} ({version()}); now run "
              r"iscc installer\windows\servicedesk.iss")
    elif sys.platform.startswith("linux"):
        print(f"package: {linux_package()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
