"""Bundle trimming used by ``servicedesk.spec``: system libraries left to the workstation (#19).

PyInstaller copies every shared library the bundle links to, system ones included. Some belong
to a system service and read its configuration (CUPS, and through it GnuTLS, Kerberos, Avahi,
p11-kit): a copy from the build machine is ~9 MB and may not match the workstation's setup.
Those are taken from the workstation instead, as PyInstaller already does for libGL and libxcb.
"""
from __future__ import annotations

import os
import re
from typing import Iterable

# Linux libraries loaded from the workstation (a desktop without CUPS has no printer anyway;
# Qt's PDF output does not need it)
SYSTEM_LIBRARIES = (r"libcups\.so(\..*)?$",)

Entry = tuple[str, str, str]  # PyInstaller TOC entry: (destination, source, type code)


def _closure(src: str) -> set[str]:
    """Every library ``src`` loads (``ldd`` lists the indirect ones too), as real paths."""
    from PyInstaller.depend import bindepend

    return {os.path.realpath(path) for _name, path in bindepend.get_imports(src) if path}


def without_system_libraries(binaries: Iterable[Entry],
                             patterns: Iterable[str] = SYSTEM_LIBRARIES) -> list[Entry]:
    """``binaries`` without the libraries matching ``patterns`` and those that only they need."""
    binaries = list(binaries)
    system = re.compile("|".join(patterns))
    closures = {src: _closure(src) for _dest, src, code in binaries if code != "SYMLINK"}
    roots = {path for deps in closures.values() for path in deps
             if system.match(os.path.basename(path))}
    if not roots:
        return binaries
    theirs = set(roots)
    for root in roots:
        theirs |= _closure(root)
    needed_elsewhere = set()
    for src, deps in closures.items():
        # what a binary needs stays, unless the binary goes or it loads a system library
        # (ldd lists that library's own needs as the binary's: those are not a reason to keep)
        if os.path.realpath(src) not in theirs and not deps & roots:
            needed_elsewhere |= deps | {os.path.realpath(src)}
    dropped = theirs - needed_elsewhere
    kept = [entry for entry in binaries
            if entry[2] == "SYMLINK" or os.path.realpath(entry[1]) not in dropped]
    destinations = {dest for dest, _src, _code in kept}
    return [entry for entry in kept if entry[2] != "SYMLINK"
            or os.path.normpath(os.path.join(os.path.dirname(entry[0]), entry[1])) in destinations]
