"""Every format and encoding loads to the same clean NFC text; bad files raise LoadError."""

from __future__ import annotations

import codecs
import random
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest

from core.errors import LoadError
from ingest.loaders import SUPPORTED_SUFFIXES, decode_bytes, load_text

NOTICE = (
    "Số: 12/TB-UBND\n\n"
    "Lạng Sơn, ngày 23 tháng 4 năm 2024\n\n"
    "THÔNG BÁO\n\n"
    "Kết luận của Chủ tịch Ủy ban nhân dân tỉnh về việc đẩy nhanh tiến độ giải ngân "
    "vốn đầu tư công, xây dựng nông thôn mới và cải cách hành chính.\n\n"
    "1. Đối với huyện Bình Gia\n\n"
    "Tiếp tục thực hiện hiệu quả các chương trình mục tiêu quốc gia; ưu tiên nguồn lực.\n"
)


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese software writes it: base letter, then a combining tone mark."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", char)
        # the letter alone or with one mark kept on it ("ô"), the tone written after it
        candidates = [base + "".join(marks)] + [
            unicodedata.normalize("NFC", base + mark) + "".join(m for m in marks if m != mark)
            for mark in marks
        ]
        for candidate in candidates:
            try:
                out += candidate.encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            raise AssertionError(f"cannot write {char!r} in cp1258")
    return bytes(out)


ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16-le-bom": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be-bom": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf-8-nfd": lambda t: unicodedata.normalize("NFD", t).encode("utf-8"),
    "cp1258": _cp1258,
}


def test_supported_suffixes():
    typed = {".txt", ".md", ".docx", ".doc", ".pdf", ".html", ".htm"}
    assert frozenset(typed | {".png", ".jpg", ".jpeg", ".tif", ".tiff"}) == SUPPORTED_SUFFIXES


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_every_encoding_gives_the_same_nfc_text(tmp_path: Path, encoding: str):
    data = ENCODINGS[encoding](NOTICE)
    assert decode_bytes(data) == unicodedata.normalize("NFC", NOTICE)
    path = tmp_path / f"notice-{encoding}.txt"
    path.write_bytes(data)
    expected = load_text(_utf8_file(tmp_path))
    assert load_text(path) == expected
    assert unicodedata.is_normalized("NFC", expected)


def _utf8_file(tmp_path: Path) -> Path:
    path = tmp_path / "reference.txt"
    path.write_text(NOTICE, encoding="utf-8")
    return path


def test_cp1258_tone_marks_are_composed():
    data = _cp1258("Tiến độ giải ngân")
    raw = data.decode("cp1258")
    assert any(unicodedata.combining(c) for c in raw), "the sample must use combining tones"
    assert decode_bytes(data) == "Tiến độ giải ngân"


def test_markdown_loads_like_text(tmp_path: Path):
    path = tmp_path / "notice.md"
    path.write_text("## **THÔNG BÁO**\n\nNội dung *chính* của **thông báo**.\n", encoding="utf-8")
    assert load_text(path) == "THÔNG BÁO\n\nNội dung chính của thông báo."


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path):
    document = docx.Document()
    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    header.cell(1, 0).text = "Số: 12/QĐ-UBND"
    header.cell(1, 1).text = "Lạng Sơn, ngày 23 tháng 4 năm 2024"
    document.add_paragraph("QUYẾT ĐỊNH")
    document.add_paragraph("Điều 1. Phạm vi điều chỉnh")
    document.add_paragraph("Quyết định này quy định việc giao dự toán ngân sách năm 2024.")
    document.add_paragraph("Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.")
    path = tmp_path / "notice.docx"
    document.save(path)

    text = load_text(path)
    paragraphs = text.split("\n\n")
    assert "Số: 12/QĐ-UBND" in paragraphs
    assert "Lạng Sơn, ngày 23 tháng 4 năm 2024" in paragraphs
    assert paragraphs.index("Số: 12/QĐ-UBND") < paragraphs.index("QUYẾT ĐỊNH")
    assert paragraphs.index("QUYẾT ĐỊNH") < paragraphs.index("Điều 1. Phạm vi điều chỉnh")
    assert "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT." in paragraphs


NEWS_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Kiểm tra tại huyện Chi Lăng - Cổng TTĐT tỉnh</title>
<script>var tracking = "không được lọt vào văn bản";</script>
<style>.menu { color: red }</style></head>
<body>
<header><div class="logo">CỔNG THÔNG TIN ĐIỆN TỬ</div></header>
<nav><ul><li><a href="/">Trang chủ</a></li><li>Tin tức</li></ul></nav>
<div id="main-menu">Giới thiệu | Liên hệ</div>
<div class="article-detail">
  <h1>Kiểm tra việc thực hiện nhiệm vụ tại huyện Chi Lăng</h1>
  <p>Chiều 15/11, Tổ Công tác của Chủ tịch UBND tỉnh đã kiểm tra
     việc thực hiện nhiệm vụ tại huyện Chi Lăng.</p>
  <p>Tính đến ngày 12/11/2023, huyện đã hoàn thành 8 nhiệm vụ đúng thời hạn.</p>
  <div class="share-buttons">Chia sẻ Facebook</div>
</div>
<div class="comment-box"><h3>Ý kiến bạn đọc</h3><textarea>Viết bình luận</textarea></div>
<footer>Bản quyền thuộc về Văn phòng UBND tỉnh</footer>
</body></html>"""


def test_html_keeps_title_and_article_drops_the_site(tmp_path: Path):
    path = tmp_path / "news.html"
    path.write_text(NEWS_PAGE, encoding="utf-8")
    text = load_text(path)
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == "Kiểm tra việc thực hiện nhiệm vụ tại huyện Chi Lăng"
    assert (
        "Chiều 15/11, Tổ Công tác của Chủ tịch UBND tỉnh đã kiểm tra việc thực hiện nhiệm vụ "
        "tại huyện Chi Lăng." in paragraphs
    )
    assert "Tính đến ngày 12/11/2023, huyện đã hoàn thành 8 nhiệm vụ đúng thời hạn." in paragraphs
    for noise in ("tracking", "Trang chủ", "Liên hệ", "Chia sẻ", "Ý kiến", "Bản quyền", "color"):
        assert noise not in text


def test_htm_suffix_is_html(tmp_path: Path):
    path = tmp_path / "page.htm"
    path.write_text("<html><body><p>Nội dung <b>chính</b>.</p></body></html>", encoding="utf-8")
    assert load_text(path) == "Nội dung chính."


def _raises(path: Path, *words: str) -> str:
    with pytest.raises(LoadError) as info:
        load_text(path)
    message = str(info.value)
    assert path.name in message
    for word in words:
        assert word in message
    return message


def test_unsupported_extension(tmp_path: Path):
    path = tmp_path / "bang.xlsx"
    path.write_bytes(b"PK\x03\x04")
    _raises(path, ".xlsx", "không được hỗ trợ")


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".pdf", ".docx"])
def test_empty_file(tmp_path: Path, suffix: str):
    path = tmp_path / f"rong{suffix}"
    path.write_bytes(b"  \n\n ")
    _raises(path, "rỗng")


def test_binary_garbage_txt(tmp_path: Path):
    path = tmp_path / "rac.txt"
    path.write_bytes(random.Random(7).randbytes(4000))
    _raises(path, "nhị phân")


def test_undecodable_text(tmp_path: Path):
    path = tmp_path / "loi-ma.txt"
    path.write_bytes("Báo cáo ".encode()[:5] + b"\x81\x8d\x90 \x9d\x9e" * 20)
    _raises(path, "không giải mã được")


def test_corrupt_pdf(tmp_path: Path):
    path = tmp_path / "hong.pdf"
    path.write_bytes(b"%PDF-1.4 garbage")
    _raises(path, "PDF")


def test_corrupt_docx_zip_garbage(tmp_path: Path):
    path = tmp_path / "hong.docx"
    path.write_bytes(b"PK\x03\x04" + random.Random(3).randbytes(500))
    _raises(path, ".docx")


def test_docx_that_is_a_zip_of_something_else(tmp_path: Path):
    path = tmp_path / "khong-phai-word.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "không phải tài liệu Word")
    _raises(path, ".docx")


def test_markup_only_file_has_no_text(tmp_path: Path):
    path = tmp_path / "trang.html"
    path.write_text("<html><head><script>x()</script></head><body></body></html>")
    _raises(path, "không tìm thấy văn bản")
