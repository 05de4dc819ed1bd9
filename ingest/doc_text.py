"""Old Word files (.doc, Word 97–2003) through Debian's `antiword`.

A ".doc" from an office is not always a Word 97 file: Word also saves RTF, web pages and .docx
under that name, so the bytes decide how it is read.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file every Word 97–2003 .doc is
MISSING = (
    "cần chương trình antiword để đọc tệp .doc (Word 97–2003): cài gói Debian antiword "
    "(apt-get install antiword; `make install` làm việc này), hoặc lưu tệp thành .docx"
)


class DocTextError(Exception):
    """The .doc cannot be read; the message says why."""


def doc_kind(data: bytes) -> str:
    """ "word97", "docx", "rtf", "html" or "" (unknown), from the file's first bytes."""
    head = data[:512].lstrip()
    if data.startswith(OLE2):
        return "word97"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head[:1] == b"<" and b"html" in head.lower():
        return "html"
    return ""


def doc_to_text(data: bytes) -> str:
    """Plain UTF-8 text of a Word 97–2003 file: a line per paragraph, a blank line between."""
    exe = shutil.which("antiword")
    if exe is None:
        raise DocTextError(MISSING)
    with tempfile.TemporaryDirectory(prefix="chidao-doc-") as tmp:
        source = Path(tmp) / "input.doc"
        source.write_bytes(data)
        try:
            proc = subprocess.run(
                [exe, "-m", "UTF-8.txt", "-w", "0", str(source)], capture_output=True, timeout=120
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise DocTextError(f"antiword không chạy được ({exc})") from exc
    if proc.returncode != 0:
        reason = proc.stderr.decode("utf-8", "replace").replace(str(source), "").strip()
        raise DocTextError(f"antiword không đọc được tệp ({reason or proc.returncode})")
    lines = proc.stdout.decode("utf-8", "replace").splitlines()
    return "\n\n".join(line for line in lines if line.strip())  # -w 0: a line per paragraph
