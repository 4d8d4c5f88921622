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
import json
import os
import platform
import shutil
import struct
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


def _has_symbols(path: Path) -> bool:
    """An ELF file with a symbol table or debug sections (what ``strip`` removes)."""
    with path.open("rb") as f:
        head = f.read(64)
        if head[:4] != b"\x7fELF" or head[4] != 2:  # 64-bit ELF only (x86-64, arm64)
            return False
        order = "<" if head[5] == 1 else ">"
        shoff, = struct.unpack_from(order + "Q", head, 0x28)
        entsize, count, names_index = struct.unpack_from(order + "HHH", head, 0x3A)
        if not shoff or not count:
            return False
        f.seek(shoff)
        table = f.read(entsize * count)
        name_offset, size = struct.unpack_from(order + "24xQQ", table, entsize * names_index)
        f.seek(name_offset)
        names = f.read(size)
    for i in range(count):
        start, = struct.unpack_from(order + "I", table, entsize * i)
        name = names[start:names.index(b"\0", start)]
        if name == b".symtab" or name.startswith(b".debug"):
            return True
    return False


def _loadable(path: Path) -> bool:
    """The loader's rule for every segment of a 64-bit ELF file: address and file offset agree
    modulo the segment's alignment ("ELF load command address/offset not page-aligned")."""
    data = path.read_bytes()
    order = "<" if data[5] == 1 else ">"
    phoff, = struct.unpack_from(order + "Q", data, 0x20)
    entsize, count = struct.unpack_from(order + "HH", data, 0x36)
    for i in range(count):
        kind, _flags, offset, address, _p, _fs, _ms, align = struct.unpack_from(
            order + "IIQQQQQQ", data, phoff + entsize * i)
        if kind == 1 and align > 1 and (address - offset) % align:  # PT_LOAD
            return False
    return True


def strip_binaries(app: Path) -> tuple[int, list[str]]:
    """Strip the symbols the wheels and the local Python left in their libraries (the Rust
    part of cryptography, numpy, ICU, libpython: ~5 MB): a program loads none of them. Only
    files that have symbols are touched, and a stripped copy replaces the original only where
    it still loads: ``strip`` misplaces the segments ``patchelf`` added to the libraries that
    auditwheel repaired (numpy's OpenBLAS). Returns the bytes saved and the files left as they
    were."""
    strip = shutil.which("strip")
    if not strip or not sys.platform.startswith("linux"):
        return 0, []
    saved, kept = 0, []
    for path in sorted((app / "_internal").rglob("*.so*")):
        if path.is_symlink() or not path.is_file() or not _has_symbols(path):
            continue
        stripped = path.with_name(path.name + ".stripped")
        subprocess.run([strip, "--strip-unneeded", "-o", str(stripped), str(path)], check=True)
        if _loadable(stripped):
            saved += path.stat().st_size - stripped.stat().st_size
            stripped.replace(path)
        else:
            stripped.unlink()
            kept.append(path.relative_to(app).as_posix())
    return saved, kept


def trim_icu(app: Path) -> int:
    """Qt's ICU data cut to the root locale, English and Italian (``icu.py``): bytes saved."""
    if not sys.platform.startswith("linux"):
        return 0  # Qt on Windows uses the system's ICU
    import icu

    [library] = (app / "_internal" / "PySide6" / "Qt" / "lib").glob("libicudata.so.*")
    if not icu.available():
        print("ICU data left whole: binutils (as, ld, nm) not found")
        return 0
    before, after = icu.trim_library(library)
    return before - after


def admin_link(app: Path) -> None:
    """``servicedesk-admin`` beside the app: on Windows the spec builds it (a console program);
    elsewhere it is a link to the app, which answers to that name (``launcher.py``)."""
    link = app / "servicedesk-admin"
    if sys.platform != "win32" and not link.exists():
        link.symlink_to("ServiceDesk")


def report_sizes(app: Path) -> None:
    """The size per component, next to the previous build's (``build/sizes.json``)."""
    import sizes

    now, saved = sizes.sizes(app), BUILD / "sizes.json"
    before = json.loads(saved.read_text(encoding="utf-8")) if saved.is_file() else None
    print(sizes.table(now, before))
    saved.write_text(json.dumps(now, indent=1), encoding="utf-8")
    print(f"frozen: {app} ({folder_size(app) / 1_000_000:.1f} MB)", flush=True)


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
    saved = trim_icu(APP)
    if saved:
        print(f"left out the ICU data of other languages: {saved / 1_000_000:.1f} MB")
    saved, unstrippable = strip_binaries(APP)
    if saved:
        print(f"stripped the libraries' symbols: {saved / 1_000_000:.1f} MB"
              + (f" (not {', '.join(unstrippable)}: it would not load)" if unstrippable else ""))
    admin_link(APP)
    report_sizes(APP)
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
