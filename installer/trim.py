"""Bundle trimming used by ``servicedesk.spec``: system libraries left to the workstation (#19).

PyInstaller copies every shared library the bundle links to, system ones included. Some belong
to a system service and read its configuration (CUPS, and through it GnuTLS, Kerberos, Avahi,
p11-kit): a copy from the build machine is ~9 MB and may not match the workstation's setup.
Others are the base every Linux desktop has and must match what the workstation's own
libraries expect when they are loaded into the app: the C++ runtime (the OpenGL driver Qt loads
links the workstation's, often newer), GLib, X11, zlib and expat, and the font stack
(fontconfig reads the workstation's font configuration, whose format follows its version).
These are the libraries the AppImage project's exclude list leaves to the system for the same
reasons. All of them are taken from the workstation, as PyInstaller already does for libGL and
libxcb; the frozen app needs glibc 2.36 (Debian 12, Ubuntu 22.10 …) anyway, and any such
desktop has them.
"""
from __future__ import annotations

import os
import re
import subprocess
from typing import Callable, Iterable

# Linux libraries loaded from the workstation (CUPS: a desktop without it has no printer anyway,
# and Qt's PDF output does not need it; the others: the base of every desktop, see above)
SYSTEM_LIBRARIES = tuple(rf"{re.escape(name)}(\..*)?$" for name in (
    "libcups.so",
    "libstdc++.so", "libgcc_s.so",  # the C++ runtime
    "libglib-2.0.so", "libgthread-2.0.so", "libX11.so", "libX11-xcb.so", "libz.so",
    "libexpat.so", "libfontconfig.so", "libfreetype.so", "libgpg-error.so", "libuuid.so",
    # the session bus's client (the desktop itself talks D-Bus); Debian's links systemd and
    # libgcrypt, 2.5 MB that a copy would drag along
    "libdbus-1.so",
))

Entry = tuple[str, str, str]  # PyInstaller TOC entry: (destination, source, type code)


def _needed(path: str) -> set[str]:
    """The names of the libraries ``path`` links to itself (its DT_NEEDED entries)."""
    out = subprocess.run(["readelf", "-d", "-W", path], capture_output=True, text=True).stdout
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out))


def without_system_libraries(binaries: Iterable[Entry],
                             patterns: Iterable[str] = SYSTEM_LIBRARIES,
                             needed: Callable[[str], set[str]] = _needed) -> list[Entry]:
    """``binaries`` without the libraries matching ``patterns``, nor those that only the
    libraries that go link to (what the bundle's own files link to stays)."""
    binaries = list(binaries)
    system = re.compile("|".join(patterns))
    files = {os.path.realpath(src): dest for dest, src, code in binaries if code != "SYMLINK"}
    by_name: dict[str, str] = {}
    for real, dest in files.items():
        by_name.setdefault(os.path.basename(dest), real)
        by_name.setdefault(os.path.basename(real), real)
    users: dict[str, set[str]] = {real: set() for real in files}
    for real in files:
        for name in needed(real):
            if name in by_name:
                users[by_name[name]].add(real)
    dropped = {real for real, dest in files.items() if system.match(os.path.basename(dest))}
    changed = True
    while changed:  # a library every user of which goes, goes too
        changed = False
        for real, its_users in users.items():
            if real not in dropped and its_users and its_users <= dropped:
                dropped.add(real)
                changed = True
    kept = [entry for entry in binaries
            if entry[2] == "SYMLINK" or os.path.realpath(entry[1]) not in dropped]
    destinations = {dest for dest, _src, _code in kept}
    return [entry for entry in kept if entry[2] != "SYMLINK"
            or os.path.normpath(os.path.join(os.path.dirname(entry[0]), entry[1])) in destinations]
