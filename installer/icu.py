"""Qt's ICU data cut down to what an Italian/English office app reads (Linux frozen app, #19).

PySide6 on Linux ships ICU, whose data library (``libicudata.so.NN``, 32 MB) holds every locale
of the world: names of languages, currencies, units and time zones in 800 languages, collation
rules and word-break dictionaries for Chinese, Japanese, Thai …, and converters for Asian and
EBCDIC code pages. Qt reads ICU for collation (``QCollator``, locale-aware sorting), locale
case mapping, time-zone names and code pages it does not build in (``QStringDecoder``).

:func:`trim_library` rewrites the library with the data of the root locale, English and Italian,
every data file that belongs to no locale (normalisation, likely subtags, time zones, plurals …)
and the single-byte code pages (Western ones included: windows-1252, ISO-8859-15, cp850).
Left out: other languages' locale data, the multi-byte CJK/EBCDIC converters, word-break
dictionaries (Qt breaks text with its own tables) and transliteration (Qt has no API for it).
ICU falls back to the root locale for a language it lacks, as it does for any unknown one.

The data is ICU's "common data" package (a header, a table of contents sorted by name, the
items 16-byte aligned) exported by the library as ``icudtNN_dat``; the new library is assembled
with binutils (``as``, ``ld``), which PyInstaller needs anyway.
"""
from __future__ import annotations

import re
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path
from typing import Callable

# data files named like locales that belong to none
NOT_LOCALES = {"root", "pool", "res_index"}
LANGUAGES = {"en", "it"}
_LOCALE = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]*)*")
_ALIGN = 16


class IcuError(RuntimeError):
    """The library is not the ICU data library this module knows how to rewrite."""


def wanted(item: str, data: bytes) -> bool:
    """Keep ``item`` (a path in the package without its ``icudtNNl/`` prefix)?"""
    tree, _, name = item.rpartition("/")
    stem, _, ext = name.rpartition(".")
    if tree == "translit" or ext == "dict":
        return False
    if ext == "cnv":
        return _max_bytes_per_char(data) == 1
    if ext == "res" and stem not in NOT_LOCALES and _LOCALE.fullmatch(stem):
        return stem.split("_")[0] in LANGUAGES
    return True


def _max_bytes_per_char(cnv: bytes) -> int:
    """A converter's UConverterStaticData.maxBytesPerChar (after the data header)."""
    header_size = struct.unpack_from("<H", cnv, 0)[0]
    # structSize (4), name (60), codepage (4), platform, conversionType, minBytesPerChar
    return cnv[header_size + 71]


def read_package(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The package's header and its items (full names, bytes up to the next item)."""
    header_size = struct.unpack_from("<H", data, 0)[0]
    if data[2:4] != b"\xda\x27" or data[12:16] != b"CmnD":
        raise IcuError("not an ICU common data package")
    count = struct.unpack_from("<I", data, header_size)[0]
    entries = [struct.unpack_from("<II", data, header_size + 4 + 8 * i) for i in range(count)]
    ends = [offset for _name, offset in entries[1:]] + [len(data) - header_size]
    items = []
    for (name_offset, offset), end in zip(entries, ends):
        start = header_size + name_offset
        name = data[start:data.index(b"\0", start)].decode("ascii")
        items.append((name, data[header_size + offset:header_size + end]))
    return data[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """A package with ``items`` (kept in name order: ICU looks them up by binary search)."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    toc_size = 4 + 8 * len(items)
    offset = _aligned(len(header) + toc_size + len(names)) - len(header)
    toc, name_offset, body = [struct.pack("<I", len(items))], toc_size, []
    for name, data in items:
        toc.append(struct.pack("<II", name_offset, offset))
        name_offset += len(name) + 1
        padded = data + b"\0" * (_aligned(len(data)) - len(data))
        body.append(padded)
        offset += len(padded)
    start = b"".join([header, *toc, names])
    return start + b"\0" * (_aligned(len(start)) - len(start)) + b"".join(body)


def _aligned(n: int) -> int:
    return (n + _ALIGN - 1) // _ALIGN * _ALIGN


def trimmed_package(data: bytes, keep: Callable[[str, bytes], bool] = wanted
                    ) -> tuple[bytes, list[str]]:
    """The package without what ``keep`` refuses, and the names left out."""
    header, items = read_package(data)
    kept, dropped = [], []
    for name, item in items:
        (kept if keep(name.split("/", 1)[1], item) else dropped).append((name, item))
    return write_package(header, kept), [name for name, _ in dropped]


def exported_data(library: Path) -> tuple[str, bytes]:
    """The data symbol's name (``icudt73_dat``) and its bytes."""
    listing = subprocess.run(["nm", "-D", "--defined-only", "-S", str(library)],
                             capture_output=True, text=True, check=True).stdout
    found = re.search(r"^[0-9a-f]+ ([0-9a-f]+) [RD] (icudt\d+_dat)$", listing, re.M)
    if not found:
        raise IcuError(f"{library.name} exports no ICU data")
    size, symbol = int(found.group(1), 16), found.group(2)
    whole = library.read_bytes()
    start = whole.find(b"CmnD") - 12  # headerSize, magic, UDataInfo.size, reserved, flags
    if start < 0 or whole[start + 2:start + 4] != b"\xda\x27":
        raise IcuError(f"{library.name}: no ICU common data found")
    return symbol, whole[start:start + size]


def trim_library(library: Path, keep: Callable[[str, bytes], bool] = wanted
                 ) -> tuple[int, int]:
    """Rewrite ``library`` (``libicudata.so.NN``) with the items ``keep`` accepts; its size
    before and after."""
    before = library.stat().st_size
    symbol, data = exported_data(library)
    trimmed, _dropped = trimmed_package(data, keep)
    with tempfile.TemporaryDirectory(prefix="icu-") as tmp:
        work = Path(tmp)
        (work / "data.dat").write_bytes(trimmed)
        (work / "data.s").write_text(
            '\t.section .rodata\n'
            f'\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign {_ALIGN}\n'
            f'{symbol}:\n\t.incbin "data.dat"\n\t.size {symbol}, . - {symbol}\n'
            '\t.section .note.GNU-stack,"",@progbits\n', encoding="ascii")
        subprocess.run(["as", "-o", "data.o", "data.s"], cwd=work, check=True)
        subprocess.run(["ld", "-shared", "-soname", library.name, "-o", "lib.so", "data.o"],
                       cwd=work, check=True)
        shutil.copyfile(work / "lib.so", library)
    return before, library.stat().st_size


def available() -> bool:
    """binutils' assembler, linker and nm are on PATH."""
    return all(shutil.which(tool) for tool in ("as", "ld", "nm"))
