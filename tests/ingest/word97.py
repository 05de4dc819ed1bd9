"""Write a minimal Word 97–2003 .doc for tests, since no program here writes one (LibreOffice
would, but is far too big to install for a test).

A .doc is an OLE2 compound file holding a "WordDocument" stream (the FIB header, then the text
as UTF-16) and a "1Table" stream (the piece table saying where the text is, and the style
sheet). This writes just those: one piece of Unicode text, an empty style sheet (antiword
reads past the end of a missing one), no formatting, paragraphs ended by "\\r" as Word does.
Both streams are padded to 4 KiB, so they live in ordinary 512-byte sectors (no mini stream).
"""

from __future__ import annotations

import struct

SECTOR = 512
FREE, END, FAT_SECTOR, NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
TEXT_AT = 0x800  # where the text starts in the WordDocument stream
STYLES = struct.pack("<H9H", 18, 0, 10, 0, 0, 0, 0, 0, 0, 0)  # STSHI: no styles, 10-byte STDs


def word97(text: str) -> bytes:
    """A .doc whose body is `text` (paragraphs separated by newlines)."""
    body = text.replace("\r\n", "\n").replace("\n", "\r") + "\r"
    chars = len(body)
    word = bytearray(_fib(chars, TEXT_AT + 2 * chars).ljust(TEXT_AT, b"\0"))
    word += body.encode("utf-16-le")
    table = _clx(chars) + STYLES
    return _compound([("WordDocument", _pad(bytes(word))), ("1Table", _pad(table))])


def _fib(chars: int, end: int) -> bytes:
    fib = bytearray(0x1AA)
    struct.pack_into("<HH", fib, 0, 0xA5EC, 0x00C1)  # wIdent, nFib: Word 97
    struct.pack_into("<H", fib, 0x0A, 1 << 9)  # fWhichTblStm: the table stream is "1Table"
    struct.pack_into("<II", fib, 0x18, TEXT_AT, end)  # fcMin, fcMac
    struct.pack_into("<H", fib, 0x20, 14)  # csw
    struct.pack_into("<H", fib, 0x3E, 22)  # cslw
    struct.pack_into("<I", fib, 0x40, end)  # cbMac
    struct.pack_into("<I", fib, 0x4C, chars)  # ccpText
    struct.pack_into("<H", fib, 0x98, 0x5D)  # cbRgFcLcb
    clx = len(_clx(chars))
    struct.pack_into("<II", fib, 0x1A2, 0, clx)  # fcClx, lcbClx: the piece table
    struct.pack_into("<II", fib, 0xA2, clx, len(STYLES))  # fcStshf, lcbStshf: after it
    return bytes(fib)


def _clx(chars: int) -> bytes:
    """One piece: characters 0..chars are Unicode text at TEXT_AT (fCompressed clear)."""
    plc = struct.pack("<II", 0, chars) + struct.pack("<HIH", 0, TEXT_AT, 0)
    return b"\x02" + struct.pack("<I", len(plc)) + plc


def _pad(data: bytes) -> bytes:
    size = max(4096, -(-len(data) // SECTOR) * SECTOR)
    return data.ljust(size, b"\0")


def _compound(streams: list[tuple[str, bytes]]) -> bytes:
    """Sector 0: the FAT; sector 1: the directory; then each stream in its own chain."""
    fat = [FAT_SECTOR, END]
    starts = []
    for _, data in streams:
        starts.append(len(fat))
        count = len(data) // SECTOR
        fat += [len(fat) + i + 1 for i in range(count - 1)] + [END]
    assert len(fat) <= SECTOR // 4, "too big for a one-sector FAT"
    fat_sector = struct.pack(f"<{SECTOR // 4}I", *(fat + [FREE] * (SECTOR // 4 - len(fat))))
    entries = [_entry("Root Entry", 5, child=1, start=END, size=0)]
    for n, ((name, data), start) in enumerate(zip(streams, starts, strict=True), 1):
        left = n + 1 if n < len(streams) else NO_STREAM  # a chain of left siblings
        entries.append(_entry(name, 2, left=left, start=start, size=len(data)))
    directory = b"".join(entries).ljust(SECTOR, b"\0")
    return _header() + fat_sector + directory + b"".join(data for _, data in streams)


def _header() -> bytes:
    head = bytearray(SECTOR)
    head[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", head, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", head, 0x2C, 1, 1, 0, 4096, END, 0, END, 0, 0)
    struct.pack_into(f"<{109}I", head, 0x4C, *([FREE] * 109))
    struct.pack_into("<I", head, 0x4C, 0)  # DIFAT[0]: the FAT is sector 0
    return bytes(head)


def _entry(
    name: str, kind: int, *, left=NO_STREAM, child=NO_STREAM, start: int, size: int
) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    entry = bytearray(128)
    entry[: len(encoded)] = encoded
    struct.pack_into("<HBB", entry, 0x40, len(encoded), kind, 1)
    struct.pack_into("<III", entry, 0x44, left, NO_STREAM, child)
    struct.pack_into("<II", entry, 0x74, start, size)
    return bytes(entry)
