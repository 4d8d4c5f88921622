"""What the build leaves out of the frozen folder: symbols it may strip, the size report (#19)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))

import build  # noqa: E402
import sizes  # noqa: E402

linux_binutils = pytest.mark.skipif(not sys.platform.startswith("linux") or not shutil.which("strip"),
                                    reason="Linux libraries and binutils")


def _wheel_library(pattern: str) -> Path:
    import numpy

    site = Path(numpy.__file__).parent.parent
    found = sorted(site.glob(pattern))
    if not found:
        pytest.skip(f"no {pattern} here")
    return found[0]


@linux_binutils
def test_strip_keeps_only_copies_that_still_load(tmp_path):
    """numpy's OpenBLAS (auditwheel-patched) loses its segment alignment when stripped: the build
    must see that and keep the original; the Rust part of cryptography strips fine."""
    app = tmp_path / "ServiceDesk"
    internal = app / "_internal"
    internal.mkdir(parents=True)
    blas = _wheel_library("numpy.libs/libscipy_openblas*.so")
    rust = _wheel_library("cryptography/hazmat/bindings/_rust.abi3.so")
    for source in (blas, rust):
        shutil.copyfile(source, internal / source.name)
    (internal / "notes.so.txt").write_text("not a library")
    assert build._has_symbols(internal / blas.name) and build._loadable(internal / blas.name)

    saved, kept = build.strip_binaries(app)

    assert kept == [f"_internal/{blas.name}"]
    assert (internal / blas.name).read_bytes() == blas.read_bytes()
    assert not build._has_symbols(internal / rust.name) and build._loadable(internal / rust.name)
    assert saved == rust.stat().st_size - (internal / rust.name).stat().st_size > 1_000_000
    assert not list(internal.glob("*.stripped"))
    # what strip would have made of OpenBLAS is refused by the same rule the loader applies
    spoiled = tmp_path / "spoiled.so"
    subprocess.run(["strip", "--strip-unneeded", "-o", str(spoiled), str(blas)], check=True)
    assert not build._loadable(spoiled)


def test_size_report_groups_the_folder_by_component(tmp_path):
    app = tmp_path / "ServiceDesk"
    files = {"ServiceDesk": 10, "_internal/PySide6/Qt/lib/libicudata.so.73": 30,
             "_internal/PySide6/Qt/lib/libQt6Core.so.6": 20, "_internal/PySide6/QtCore.abi3.so": 5,
             "_internal/numpy.libs/libscipy_openblas64_.so": 25, "_internal/libstdc++.so.6": 2,
             "_internal/libpython3.11.so.1.0": 6, "_internal/resources/style.qss": 1}
    for rel, size in files.items():
        (app / rel).parent.mkdir(parents=True, exist_ok=True)
        (app / rel).write_bytes(b"x" * size)
    (app / "_internal" / "libicudata.so.73").symlink_to("PySide6/Qt/lib/libicudata.so.73")
    found = sizes.sizes(app)
    assert found == {"ICU (Qt's Unicode and locale data)": 30, "OpenBLAS (numpy's linear algebra)": 25,
                     "Qt libraries": 20, sizes.EXECUTABLE: 10, "Python": 6, "PySide6 bindings": 5,
                     "system libraries": 2, "ServiceDesk's own files": 1}
    before = {**found, "ICU (Qt's Unicode and locale data)": 300}
    lines = sizes.table(found, before).splitlines()
    assert lines[0].split() == ["0.0", "MB", "->", "0.0", "MB", "ICU", "(Qt's", "Unicode", "and",
                                "locale", "data)"]
    assert lines[-1].endswith("total")


def test_system_libraries_go_with_what_only_they_link_to():
    import trim

    links = {"/b/QtCore.abi3.so": {"libQt6Core.so.6"},
             "/b/libQt6Core.so.6": {"libglib-2.0.so.0", "libzstd.so.1", "libstdc++.so.6"},
             "/b/libglib-2.0.so.0": {"libpcre2-8.so.0"}, "/b/libpcre2-8.so.0": set(),
             "/b/libzstd.so.1": set(), "/b/libstdc++.so.6": set(),
             "/b/plugins/libcupsprintersupport.so": {"libcups.so.2"},
             "/b/libcups.so.2": {"libgnutls.so.30", "libz.so.1"},
             "/b/libgnutls.so.30": {"libnettle.so.8"}, "/b/libnettle.so.8": set(),
             "/b/libz.so.1": set(), "/b/libsqlite3.so.0": {"libz.so.1"}}
    binaries = [(path.removeprefix("/b/"), path, "BINARY") for path in links]
    binaries.append(("libQt6Core.so.6.link", "libQt6Core.so.6", "SYMLINK"))
    binaries.append(("libglib.so", "libglib-2.0.so.0", "SYMLINK"))

    kept = trim.without_system_libraries(binaries, needed=lambda path: links[path])

    assert sorted(dest for dest, _src, _code in kept) == [
        "QtCore.abi3.so", "libQt6Core.so.6", "libQt6Core.so.6.link", "libsqlite3.so.0",
        "libzstd.so.1", "plugins/libcupsprintersupport.so"]
