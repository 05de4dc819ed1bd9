"""The format-independent clean-up on the five sample notices and on small crafted cases."""

from __future__ import annotations

import pytest

from ingest.cleanup import clean_text
from ingest.loaders import load_text
from tests.conftest import SAMPLES


def _paragraphs(name: str) -> list[str]:
    return load_text(SAMPLES / name).split("\n\n")


def _index(paragraphs: list[str], start: str) -> int:
    return next(i for i, p in enumerate(paragraphs) if p.startswith(start))


def test_page_break_with_footnote_between_the_halves_is_rejoined():
    paragraphs = _paragraphs("001_b47614d5102acb89.txt")
    joined = _index(paragraphs, "- Các cấp, các ngành của huyện Bình Gia")
    assert "tiếp tục phát triển, nhân rộng các mô hình trồng trọt, chăn nuôi" in paragraphs[joined]
    assert paragraphs[joined + 1].startswith("⁴ Năm 2023, Chỉ số cải cách hành chính")
    assert not any(p.startswith("mô hình trồng trọt") for p in paragraphs)


def test_several_footnotes_move_after_the_paragraph_they_interrupted():
    paragraphs = _paragraphs("001_b47614d5102acb89.txt")
    joined = _index(paragraphs, "- Về giao dự toán ngân sách nhà nước năm 2024")
    assert "còn một số hạn chế (Huyện giao tổng chi thường xuyên" in paragraphs[joined]
    notes = [p[0] for p in paragraphs[joined + 1 : joined + 4]]
    assert notes == ["¹", "²", "³"]
    assert "chưa ổn định⁴." in paragraphs[joined]  # in-text marks stay exactly as written


def test_sentence_broken_by_a_blank_line_is_rejoined():
    text = load_text(SAMPLES / "002_1d4724909cfe222f.txt")
    assert "khẩn trương tổ chức các lớp bồi dưỡng theo kế hoạch, như: Sở Thông tin" in text
    assert "\n\nnhư: Sở Thông tin" not in text
    assert "trong các cơ quan, phòng, ban từ huyện" in load_text(
        SAMPLES / "000_aa16ed5db4b16415.txt"
    )


def test_a_sentence_cut_before_the_number_it_cites_is_rejoined():
    """ "… theo quy định tại bước" / "3. Trong thời hạn 03 tháng …" is "bước 3.", not an item
    3 whose first words would head the paragraphs below it; "tài khoản" ends a heading."""
    text = clean_text(
        "Bước 4: Trường hợp không có yêu cầu sửa đổi, bổ sung, Sở Y tế có văn bản chấp thuận "
        "theo quy định tại bước\n\n3. Trong thời hạn 03 tháng kể từ ngày Sở Y tế có văn bản "
        "thông báo, cơ sở phải nộp hồ sơ sửa đổi, bổ sung.\n\nĐiều 13. Đăng ký, thay đổi "
        "thông tin của người sử dụng tài khoản\n\n1. Người sử dụng phải đăng ký."
    )
    assert "theo quy định tại bước 3. Trong thời hạn 03 tháng" in text
    assert "người sử dụng tài khoản\n\n1. Người sử dụng" in text


def test_markdown_marks_go_and_the_text_stays():
    text = load_text(SAMPLES / "000_aa16ed5db4b16415.txt")
    assert "*" not in text and "#" not in text
    paragraphs = text.split("\n\n")
    assert "THÔNG BÁO" in paragraphs
    assert "1. Đánh giá chung" in paragraphs


def test_outline_markers_start_their_own_paragraph():
    paragraphs = _paragraphs("001_b47614d5102acb89.txt")
    for heading in (
        "I. ĐÁNH GIÁ CHUNG",
        "1. Đối với UBND huyện Bình Gia",
        "III. VỀ CÁC KIẾN NGHỊ, ĐỀ XUẤT",
    ):
        assert heading in paragraphs
    assert any(p.startswith("- Về giao dự toán") for p in paragraphs)  # was "-Về giao dự toán"
    assert any(p.startswith("2.2. Tiếp tục tuyên truyền") for p in paragraphs)


@pytest.mark.parametrize(
    ("name", "closing"),
    [
        ("003_0ce4c6df32ab89d9.txt", "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nPhạm Hùng Trường"),
        (
            "002_1d4724909cfe222f.txt",
            "TL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n\nDương Công Hiệp",
        ),
        ("000_aa16ed5db4b16415.txt", "TỔ TRƯỞNG\n\nCHÁNH VĂN PHÒNG UBND TỈNH\nPhạm Hùng Trường"),
    ],
)
def test_signature_keeps_one_line_per_entry(name: str, closing: str):
    assert load_text(SAMPLES / name).endswith(closing)


def test_recipient_list_keeps_one_line_per_recipient():
    paragraphs = _paragraphs("003_0ce4c6df32ab89d9.txt")
    recipients = paragraphs[_index(paragraphs, "Nơi nhận:")].split("\n")
    assert recipients[0] == "Nơi nhận:"
    assert recipients[1:3] == ["- Văn phòng Chính phủ;", "- Thường trực Tỉnh ủy;"]
    assert recipients[-1] == "- Lưu: VT, THNC (ĐTK)."


def test_news_article_keeps_a_paragraph_per_line():
    raw = (SAMPLES / "004_04a97d19aa940e28.txt").read_text(encoding="utf-8")
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    paragraphs = _paragraphs("004_04a97d19aa940e28.txt")
    assert paragraphs == lines[:-1]  # the trailing "Ý kiến ()" comment counter is site furniture


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.txt")))
def test_clean_text_is_idempotent(name: str):
    once = load_text(SAMPLES / name)
    assert clean_text(once) == once


def test_hard_wrapped_lines_are_joined_but_outline_lines_are_not():
    raw = (
        "Căn cứ Luật Tổ chức chính\nquyền địa phương số 72/2025/QH15;\n"
        "**Điều\n15. Điều khoản thi hành**\n"
        "1. Giao Sở Khoa học và Công\nnghệ chủ trì triển khai thực hiện Quy chế này.\n"
        "2. Phát triển kinh tế\n- xã hội của tỉnh theo quy hoạch.\n"
        "a) Nội dung thứ nhất của điểm này;\nb) Nội dung thứ hai của điểm này.\n"
        "Chương II\nQUY ĐỊNH CỤ THỂ\nMục 1\n(1) Tập trung chỉ đạo;\n1.1. Về kinh tế\n"
        "- Lưu: VT.\n"
    )
    assert clean_text(raw).split("\n\n") == [
        "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;",
        "Điều 15. Điều khoản thi hành",
        "1. Giao Sở Khoa học và Công nghệ chủ trì triển khai thực hiện Quy chế này.",
        "2. Phát triển kinh tế - xã hội của tỉnh theo quy hoạch.",
        "a) Nội dung thứ nhất của điểm này;",
        "b) Nội dung thứ hai của điểm này.",
        "Chương II",
        "QUY ĐỊNH CỤ THỂ",
        "Mục 1",
        "(1) Tập trung chỉ đạo;",
        "1.1. Về kinh tế",
        "- Lưu: VT.",
    ]


def test_pipe_table_header_becomes_one_line_per_cell():
    raw = (
        "ỦY BAN NHÂN DÂN | TỈNH ĐỒNG NAI | Số: 63/2025/QĐ-UBND | "
        "Đồng Nai, ngày 18 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n"
    )
    paragraphs = clean_text(raw).split("\n\n")
    assert "Số: 63/2025/QĐ-UBND" in paragraphs
    assert "Đồng Nai, ngày 18 tháng 11 năm 2025" in paragraphs


def test_crawled_cells_split_lines_and_empty_emphasis():
    raw = (
        "|\n**ỦY BAN NHÂN\nDÂN **\nTỈNH ĐỒNG NAI\n-------\n|\n|\nSố:\n63/2025/QĐ-UBND\n|\n"
        "*Đồng Nai, ngày 18\ntháng 11 năm 2025*\n|\n* *\n** **\n**QUYẾT ĐỊNH**\n"
    )
    assert clean_text(raw).split("\n\n") == [
        "ỦY BAN NHÂN DÂN",
        "TỈNH ĐỒNG NAI",
        "Số: 63/2025/QĐ-UBND",
        "Đồng Nai, ngày 18 tháng 11 năm 2025",
        "QUYẾT ĐỊNH",
    ]


PORTAL_PAGE = """|
Bản dịch này thuộc quyền sở hữu của **
THƯ VIỆN PHÁP LUẬT**. Mọi hành vi sao chép là vi phạm pháp luật.
Click vào phần bôi vàng để xem chi tiết.
|
Đang tải văn bản...
#
**Số hiệu:**
|
63/2025/QĐ-UBND
|
|
**Loại văn bản:**
|
Quyết định
|
**
Ngày hiệu lực:**
|
Đã biết
|
**Người ký:**
|
Võ Tấn Đức
|
|
**QUYẾT ĐỊNH**
Nội dung của quyết định.
|
**CHỦ TỊCH**
**Võ Tấn Đức**
|
Quyết định 63/2025/QĐ-UBND phân cấp cho Sở Tư pháp
Văn bản này chưa cập nhật nội dung Tiếng Anh
## Văn bản liên quan
Cảm ơn đã dùng ThuVienPhapLuat.vn
"""


def test_portal_furniture_goes_and_its_metadata_table_stays_on_top():
    assert clean_text(PORTAL_PAGE).split("\n\n") == [
        "Số hiệu: 63/2025/QĐ-UBND\nLoại văn bản: Quyết định\nNgười ký: Võ Tấn Đức",
        "QUYẾT ĐỊNH",
        "Nội dung của quyết định.",
        "CHỦ TỊCH\nVõ Tấn Đức",
    ]


def test_bracket_note_marks_become_superscripts():
    raw = "Chi hỗ trợ tổ chức đảng mới[2].\n\n[2]\nTheo Quy định số 01-QĐ/TU."
    assert clean_text(raw).split("\n\n") == [
        "Chi hỗ trợ tổ chức đảng mới².",
        "² Theo Quy định số 01-QĐ/TU.",
    ]


def test_an_article_title_ending_in_a_word_that_takes_a_number_stays_whole():
    """ "đê điều" ends like "theo Điều 15": the next line is khoản 1, not the article number."""
    raw = (
        "Điều 3. Tội phá hoại đê điều\n1. Người nào phá hoại đê điều thì bị phạt tù.\n"
        "Điều 4. Dẫn chiếu\nTheo quy định tại Điều\n15 của Luật này.\n"
    ) * 3
    paragraphs = clean_text(raw).split("\n\n")
    assert paragraphs[:2] == [
        "Điều 3. Tội phá hoại đê điều",
        "1. Người nào phá hoại đê điều thì bị phạt tù.",
    ]
    assert any("tại Điều 15 của Luật này." in p for p in paragraphs)
