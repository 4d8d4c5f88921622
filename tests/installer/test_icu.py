"""Qt's ICU data trimmed for the frozen Linux app: what stays, and Qt still works on it (#19)."""
from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))

import icu  # noqa: E402


def _library() -> Path | None:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    return found[0] if found else None


LIBRARY = _library() if sys.platform.startswith("linux") else None
needs_icu = pytest.mark.skipif(LIBRARY is None or not icu.available(),
                               reason="PySide6's own ICU (Linux) and binutils")

# a program asking Qt for Italian collation and case through ICU, and which ICU data it loaded
LOCALE_CHECK = """
from pathlib import Path
from ui.selfcheck import _locale
print(_locale(Path(".")))
print([line.split()[-1] for line in open("/proc/self/maps") if "libicudata" in line][0])
"""


def _converter(max_bytes_per_char: int) -> bytes:
    header = struct.pack("<H", 16) + b"\xda\x27" + bytes(12)
    static = bytearray(100)
    static[71] = max_bytes_per_char
    return header + bytes(static)


def test_italian_english_and_what_belongs_to_no_language_stay():
    for item in ("coll/it.res", "coll/root.res", "coll/ucadata.icu", "curr/en_GB.res", "it_CH.res",
                 "res_index.res", "coll/res_index.res", "zone/pool.res", "supplementalData.res",
                 "likelySubtags.res", "zoneinfo64.res", "zone/tzdbNames.res", "uts46.nrm",
                 "cnvalias.icu", "brkitr/word.brk"):
        assert icu.wanted(item, b""), item
    assert icu.wanted("ibm-5348_P100-1997.cnv", _converter(1))  # windows-1252


def test_other_languages_dictionaries_and_wide_code_pages_go():
    for item in ("coll/de.res", "coll/de__PHONEBOOK.res", "zh_Hant.res", "lang/sv_FI.res",
                 "ast.res", "zone/fr.res", "brkitr/cjdict.dict", "brkitr/thaidict.dict",
                 "translit/root.res", "translit/en.res"):
        assert not icu.wanted(item, b""), item
    assert not icu.wanted("gb18030.cnv", _converter(4))


def test_package_round_trip_keeps_names_order_and_alignment():
    header = struct.pack("<H", 32) + b"\xda\x27" + struct.pack("<H", 20) + bytes(6) + b"CmnD"
    header += bytes(32 - len(header))
    items = [("icudt99l/a.res", b"A" * 16), ("icudt99l/coll/b.res", b"B" * 5),
             ("icudt99l/z.icu", b"Z" * 40)]
    data = icu.write_package(header, items)
    again_header, again = icu.read_package(data)
    assert again_header == header
    assert [name for name, _ in again] == [name for name, _ in items]
    for (_, original), (_, read) in zip(items, again):
        assert read.rstrip(b"\0") == original and len(read) % 16 == 0
    toc = len(header)
    offsets = [struct.unpack_from("<II", data, toc + 4 + 8 * i)[1] for i in range(len(items))]
    assert all((toc + offset) % 16 == 0 for offset in offsets)


def test_not_a_package_is_refused():
    with pytest.raises(icu.IcuError):
        icu.read_package(b"\x20\x00" + bytes(40))


@needs_icu
def test_real_data_keeps_its_items_byte_for_byte():
    _symbol, data = icu.exported_data(LIBRARY)
    trimmed, dropped = icu.trimmed_package(data)
    _, before = icu.read_package(data)
    _, after = icu.read_package(trimmed)
    original = dict(before)
    assert [name for name, _ in after] == [name for name, _ in before if name not in dropped]
    assert all(original[name].rstrip(b"\0") == item.rstrip(b"\0") for name, item in after)
    assert len(trimmed) < len(data) / 4
    names = {name.split("/", 1)[1] for name, _ in after}
    assert {"coll/it.res", "coll/root.res", "zone/it.res", "cnvalias.icu"} <= names


def _locale_check(tmp_path: Path, keep=icu.wanted) -> tuple[str, str]:
    library = tmp_path / "lib" / LIBRARY.name
    library.parent.mkdir()
    shutil.copyfile(LIBRARY, library)
    icu.trim_library(library, keep)
    env = {**os.environ, "LD_LIBRARY_PATH": str(library.parent), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", LOCALE_CHECK], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    result, loaded = proc.stdout.strip().splitlines()
    assert Path(loaded) == library  # Qt ran on the rewritten library
    return result, loaded


@needs_icu
def test_qt_sorts_and_upper_cases_italian_on_the_trimmed_data(tmp_path):
    result, loaded = _locale_check(tmp_path)
    assert result == "ok"
    assert Path(loaded).stat().st_size < 8_000_000  # from 32 MB


@needs_icu
def test_the_check_sees_when_collation_data_is_missing(tmp_path):
    result, _ = _locale_check(tmp_path, lambda item, data: icu.wanted(item, data)
                              and not item.startswith("coll/"))
    assert result.startswith("Italian collation is wrong")
