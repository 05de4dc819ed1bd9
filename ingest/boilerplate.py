"""Site furniture around a crawled notice: copyright banners, navigation, account pop-ups and the
legal portal's metadata table. The table is kept, as "Key: value" lines, because metadata
extraction reads it; everything else the site added is dropped."""

from __future__ import annotations

import re

# The portal's page: banner and menus, then "Đang tải văn bản...", the metadata table, the notice,
# then related documents, comparison help, contact details and account pop-ups.
_HEAD_END = re.compile(r"^Đang tải văn bản\.*\s*$")
_TAIL_START = {
    "Văn bản này chưa cập nhật nội dung Tiếng Anh",
    "## Văn bản liên quan",
    "NỘI DUNG SỬA ĐỔI, HƯỚNG DẪN",
    "FILE ĐƯỢC ĐÍNH KÈM THEO VĂN BẢN",
    "Cảm ơn đã dùng ThuVienPhapLuat.vn",
}
# The portal repeats the notice's name just above the tail: "Quyết định 471/QĐ-UBND năm 2025 ...".
_SITE_TITLE = re.compile(r"^(?:Quyết định|Nghị quyết|Kế hoạch|Chỉ thị|Thông báo|Công văn)\s+\S*\d")
_META_KEYS = (
    "Số hiệu",
    "Loại văn bản",
    "Nơi ban hành",
    "Người ký",
    "Ngày ban hành",
    "Ngày hiệu lực",
    "Ngày công báo",
    "Số công báo",
    "Tình trạng",
)
_META_KEY = re.compile(rf"^\**\s*({'|'.join(_META_KEYS)})\s*:\s*\**$")
# Values the portal hides from anonymous readers: no information.
_HIDDEN = {"", "Đã biết", "Đang cập nhật"}
_NEWS_TRAILER = re.compile(r"\n\s*Ý kiến\s*\(\d*\)\s*$")


def strip_site_furniture(text: str) -> tuple[list[str], str]:
    """The portal's metadata as "Key: value" lines, and the notice without the site around it."""
    lines = text.split("\n")
    meta: list[str] = []
    head = next((i for i, line in enumerate(lines) if _HEAD_END.match(line.strip())), None)
    if head is not None:
        meta, body_start = _read_meta_table(lines, head + 1)
        lines = lines[body_start:]
    lines = lines[: _tail_start(lines)]
    body = _NEWS_TRAILER.sub("", "\n".join(lines))
    return meta, body


def _tail_start(lines: list[str]) -> int:
    """First line of the portal's tail; a heading may be wrapped over two lines."""
    plain = [" ".join(line.replace("*", " ").split()) for line in lines]
    for i, line in enumerate(plain):
        nxt = plain[i + 1] if i + 1 < len(plain) else ""
        if line in _TAIL_START or f"{line} {nxt}" in _TAIL_START:
            if i and _SITE_TITLE.match(plain[i - 1]):
                return i - 1
            return i
    return len(lines)


def _units(lines: list[str], start: int) -> list[tuple[str, int]]:
    """Non-empty table cells line by line, a lone "**" glued to the line after it."""
    units: list[tuple[str, int]] = []
    pending = ""
    for i in range(start, len(lines)):
        line = lines[i].strip()
        if line in ("", "|", "||", "#"):
            continue
        if line == "**":
            pending = "**"
            continue
        units.append((pending + line, i - (1 if pending else 0)))
        pending = ""
        if len(units) > 3 * len(_META_KEYS):
            break
    return units


def _read_meta_table(lines: list[str], start: int) -> tuple[list[str], int]:
    """Read "**Số hiệu:** | 63/2025/QĐ-UBND | ..." cells: the lines, and where the body starts."""
    meta: list[str] = []
    units = _units(lines, start)
    i = 0
    while i < len(units):
        key = _META_KEY.match(units[i][0])
        if not key:
            return meta, units[i][1]
        value = units[i + 1][0] if i + 1 < len(units) else ""
        if _META_KEY.match(value):
            value = ""
            i += 1
        else:
            i += 2
        value = value.strip("* ").strip()
        if value not in _HIDDEN:
            meta.append(f"{key.group(1)}: {value}")
    return meta, units[-1][1] + 1 if units else start
