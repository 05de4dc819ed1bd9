"""Tables reach the index as whole rows that carry their column headers, their table's caption
and its unit: real tables of the provincial crawl, a web page table, and a Word table with
merged cells."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from core.document import Chunk
from ingest.chunker import chunk_document
from ingest.cleanup import clean_text
from ingest.loaders import load_text
from ingest.tables import render, row_cells, table_from_grid
from tests.conftest import shared_path


def _chunks(text: str, max_tokens: int = 320) -> list[Chunk]:
    return chunk_document(text, "d", "d-v1", "Tiêu đề", max_tokens)


def _provincial(name: str) -> tuple[str, list[Chunk]]:
    text = load_text(shared_path("datasets", "provincial", name))
    return text, _chunks(text)


def _row(chunks: list[Chunk], start: str) -> tuple[Chunk, str]:
    """The table chunk holding the row line that starts with `start`, and that line."""
    for chunk in chunks:
        for line in chunk.text.split("\n") if chunk.table else []:
            if line.startswith(start):
                return chunk, line
    raise AssertionError(f"no table row starts with {start!r}")


def test_fee_schedule_row_has_its_columns_and_the_unit_of_the_lead_in():
    """Huế tuition fees: the unit stands only in the line "Đơn vị tính: …" above the table."""
    text, chunks = _provincial("3066a06b520a2418.md")
    chunk, line = _row(chunks, "Đô thị")
    assert line == (
        "Đô thị — Mầm non: 190; Tiểu học: 190; Trung học cơ sở: 110; Trung học phổ thông: 130 "
        "(1.000 đồng/trẻ,học sinh/tháng)"
    )
    assert chunk.headings[-2:] == ["Khoản 1 – Mức học phí", "Bảng: Mức học phí"]
    assert chunk.table is not None and chunk.table.unit == "1.000 đồng/trẻ,học sinh/tháng"
    assert chunk.table.columns == [
        "Địa bàn",
        "Mầm non",
        "Tiểu học",
        "Trung học cơ sở",
        "Trung học phổ thông",
    ]
    cells = row_cells(line, chunk.table.columns, chunk.table.unit)
    assert cells["Địa bàn"] == "Đô thị" and cells["Trung học phổ thông"] == "130"
    assert text[chunk.start : chunk.end].startswith("Đô thị — Mầm non: 190")
    miền_núi = _row(chunks, "Miền núi")[1]
    assert "Trung học phổ thông: 100 " in miền_núi


def test_fee_tables_with_a_unit_column_and_a_two_row_header():
    _, chunks = _provincial("1852f73167ca9236.md")
    rows = [ln for c in chunks if c.table for ln in c.text.split("\n") if "Đền Bạch Mã" in ln]
    assert rows == [
        "1. Đền Bạch Mã, số 76 Hàng Buồm — Quản lý sử dụng – Tỷ lệ để lại cho đơn vị thu: 90%; "
        "Quản lý sử dụng – Nộp ngân sách nhà nước: 10%",
        "1. Đền Bạch Mã, số 76 Hàng Buồm — Đơn vị tính: đồng/lượt/khách; "
        "Mức thu phí (đồng): 20.000",
    ]
    fees = _row(chunks, "4. Trung tâm giao lưu văn hóa phố cổ Hà Nội, số 50 Đào Duy Từ — Đơn vị")[0]
    assert fees.headings[-1] == "Bảng: Mức thu phí đề xuất"
    assert row_cells(rows[1], fees.table.columns) == {
        "STT": "1",
        "Nội dung": "Đền Bạch Mã, số 76 Hàng Buồm",
        "Đơn vị tính": "đồng/lượt/khách",
        "Mức thu phí (đồng)": "20.000",
    }


def test_allowance_levels_sit_under_their_nested_group_rows():
    _, chunks = _provincial("a6fb1f372de14a1e.md")
    chunk, line = _row(chunks, "Dưới 30 biên chế")
    assert line == "Dưới 30 biên chế — Đơn vị tính: Đồng/biên chế /năm; Định mức: 95.000.000"
    assert chunk.headings[-3:] == [
        "Bảng: Định mức phân bổ dự toán chi đảm bảo hoạt động thường xuyên của các cơ quan",
        "I. Cơ quan hành chính",
        "1. Đơn vị dự toán cấp I",
    ]
    assert chunk.table.group == "I. Cơ quan hành chính › 1. Đơn vị dự toán cấp I"
    _, support = _provincial("1cde9b907469c65b.md")
    assert _row(support, "Các đặc khu, phường, xã còn lại")[1] == (
        "Các đặc khu, phường, xã còn lại — Hộ độc thân (01 người): 2.500.000 đ; "
        "Hộ từ 02 đến 04 người: 4.000.000 đ; Hộ từ 05 người trở lên: 5.000.000 đ"
    )


def test_assignment_table_rows_name_agency_partners_and_deadline():
    _, chunks = _provincial("8718801c503045f9.md")
    chunk, line = _row(chunks, "4. Xây dựng Bộ tiêu chí")
    assert line == (
        "4. Xây dựng Bộ tiêu chí đánh giá mức độ chuyển đổi số doanh nghiệp — Cơ quan chủ trì: "
        "Sở KH&CN; Cơ quan phối hợp: Các sở, ban, ngành tỉnh; Thời gian hoàn thành: Quí IV-2025"
    )
    assert chunk.headings[-2:] == [
        "Bảng: DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM",
        "II. HOÀN THIỆN CƠ CHẾ, CHÍNH SÁCH HỖ TRỢ CHUYỂN ĐỔI SỐ DOANH NGHIỆP",
    ]
    cells = row_cells(line, chunk.table.columns)
    assert cells["Cơ quan chủ trì"] == "Sở KH&CN" and cells["STT"] == "4"
    _, plan = _provincial("001c610b2efdcf0c.md")
    line = _row(plan, "1. Phối hợp rà soát")[1]
    assert "— Cơ quan chủ trì: Sở Tài chính; " in line
    assert "; Thời gian dự kiến hoàn thành: Quý IV/2025; " in line


def test_tables_inside_the_crawled_page_layout_and_a_cell_merged_down():
    """The crawl flattened the page layout around the notice into the same cells as its two
    tables; the header still reads as lines and the merged "VBQPPL" cell fills every row."""
    text, chunks = _provincial("036bd85f1f56f768.md")
    assert "Số: 2666/QĐ-UBND" in text.split("\n")
    chunk, line = _row(chunks, "2. Gia hạn")
    assert line == (
        "2. Gia hạn chứng chỉ nghiệp vụ chuyên môn về đấu thầu — Tên VBQPPL quy định việc bãi "
        "bỏ thủ tục hành chính: Quyết định số 3740/QĐ-BTC ngày 05 tháng 11 năm 2025 của Bộ "
        "trưởng Bộ Tài chính"
    )
    assert chunk.headings[-1] == "Bảng: B. DANH MỤC THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ"
    first = _row(chunks, "1. Cấp chứng chỉ")[1]
    assert first.startswith(
        "1. Cấp chứng chỉ nghiệp vụ chuyên môn về đấu thầu — Thời hạn giải quyết: Trong thời "
        "hạn 15 (mười lăm) ngày làm việc"
    )


def test_rows_stay_whole_and_said_once_when_a_table_is_cut_into_chunks():
    text, _ = _provincial("001c610b2efdcf0c.md")
    chunks = [c for c in _chunks(text, max_tokens=120) if c.table]
    lines = [line for c in chunks for line in c.text.split("\n")]
    assert len(lines) == len(set(lines)) > 20, "no row repeated as overlap"
    block = next(p for p in text.split("\n\n") if p.startswith("Bảng gồm các cột: TT · Nhiệm"))
    assert all(f"\n{line}\n" in f"\n{block}\n" for line in lines), "every row whole, as written"
    for c in chunks:
        assert text[c.start : c.end].split("\n")[0] == c.text.split("\n")[0]


HTML_PAGE = """<html><head><title>Mức phụ cấp</title></head><body><article>
<h1>Quyết định về mức phụ cấp nhân viên y tế thôn, bản</h1>
<p>Mức phụ cấp hằng tháng của nhân viên y tế thôn, bản như sau (đơn vị tính: đồng/người/tháng):</p>
<table><tr><th>STT</th><th>Địa bàn</th><th>Mức phụ cấp</th></tr>
<tr><td>1</td><td>Thôn, bản thuộc xã đặc biệt khó khăn</td><td>1.500.000</td></tr>
<tr><td>2</td><td>Thôn, bản còn lại</td><td>1.000.000</td></tr></table>
<p>Quyết định này có hiệu lực kể từ ngày ký, thay thế các quy định trước đây về mức phụ cấp.</p>
</article></body></html>"""


def test_html_table_rows_with_the_unit_of_their_lead_in(tmp_path: Path):
    path = tmp_path / "phu-cap.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    text = load_text(path)
    assert "2. Thôn, bản còn lại — Mức phụ cấp: 1.000.000 (đồng/người/tháng)" in text.split("\n")
    chunk, _ = _row(_chunks(text), "1. Thôn, bản thuộc xã")
    assert chunk.headings[-1].startswith("Bảng: Mức phụ cấp hằng tháng của nhân viên y tế")
    assert chunk.table.unit == "đồng/người/tháng"


def _docx_with_merged_cells(path: Path) -> None:
    document = docx.Document()
    header = document.add_table(rows=2, cols=2)  # the national header: layout, not data
    header.cell(0, 0).text = "HỘI ĐỒNG NHÂN DÂN TỈNH LẠNG SƠN"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    header.cell(1, 0).text = "Số: 12/NQ-HĐND"
    header.cell(1, 1).text = "Lạng Sơn, ngày 23 tháng 4 năm 2024"
    document.add_paragraph("NGHỊ QUYẾT")
    document.add_paragraph("Điều 1. Mức học phí năm học 2024-2025")
    document.add_paragraph("Đơn vị tính: nghìn đồng/học sinh/tháng")
    table = document.add_table(rows=6, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Cấp học"  # merged down
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Khu vực"  # merged across
    table.cell(1, 1).text, table.cell(1, 2).text = "Phường", "Xã"
    table.cell(2, 0).merge(table.cell(2, 2)).text = "I. Giáo dục phổ thông"  # a group row
    for r, (level, ward, commune) in enumerate(
        [("Trung học cơ sở", "150", "100"), ("Trung học phổ thông", "200", "130")], 3
    ):
        table.cell(r, 0).text, table.cell(r, 1).text = level, ward
        table.cell(r, 2).text = commune
    table.cell(5, 0).text = "Giáo dục thường xuyên"
    table.cell(5, 1).merge(table.cell(5, 2)).text = "90"  # one fee for both areas
    document.add_paragraph("Điều 2. Nghị quyết này có hiệu lực từ ngày 01 tháng 9 năm 2024.")
    document.save(path)


def test_docx_table_with_merged_cells(tmp_path: Path):
    path = tmp_path / "hoc-phi.docx"
    _docx_with_merged_cells(path)
    text = load_text(path)
    paragraphs = text.split("\n\n")
    assert "Số: 12/NQ-HĐND" in paragraphs, "the layout table still reads as lines"
    table = next(p for p in paragraphs if p.startswith("Bảng gồm các cột:"))
    assert table.split("\n") == [
        "Bảng gồm các cột: Cấp học · Khu vực – Phường · Khu vực – Xã",
        "Đơn vị tính: nghìn đồng/học sinh/tháng",
        "Nhóm: I. Giáo dục phổ thông",
        "Trung học cơ sở — Khu vực – Phường: 150; Khu vực – Xã: 100 (nghìn đồng/học sinh/tháng)",
        "Trung học phổ thông — Khu vực – Phường: 200; Khu vực – Xã: 130 "
        "(nghìn đồng/học sinh/tháng)",
        "Giáo dục thường xuyên — Khu vực – Phường: 90; Khu vực – Xã: 90 "
        "(nghìn đồng/học sinh/tháng)",
    ]
    chunk, _ = _row(_chunks(text), "Trung học phổ thông")
    assert chunk.headings[-2:] == ["Bảng: Mức học phí năm học 2024-2025", "I. Giáo dục phổ thông"]
    assert paragraphs.index("NGHỊ QUYẾT") < paragraphs.index(table)


def test_markdown_pipe_table_and_a_one_line_layout_row():
    raw = (
        "Mức chi hỗ trợ như sau:\n\n| STT | Nội dung | Mức chi |\n|---|---|---|\n"
        "| 1 | Hội nghị cấp tỉnh | 200.000 đồng/người |\n"
        "| 2 | Hội nghị cấp xã | 100.000 đồng/người |\n"
    )
    assert clean_text(raw).split("\n\n")[1].split("\n") == [
        "Bảng gồm các cột: STT · Nội dung · Mức chi",
        "1. Hội nghị cấp tỉnh — Mức chi: 200.000 đồng/người",
        "2. Hội nghị cấp xã — Mức chi: 100.000 đồng/người",
    ]
    one_row = "ỦY BAN NHÂN DÂN | TỈNH ĐỒNG NAI | Số: 63/2025/QĐ-UBND\n\nQUYẾT ĐỊNH\n"
    assert "Số: 63/2025/QĐ-UBND" in clean_text(one_row).split("\n\n")


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        ("Đô thị — Mầm non: 190; Tiểu học: 170 (nghìn đồng)", {"Địa bàn": "Đô thị"}),
        (
            "3. Tên; có chấm phẩy — Mầm non: 1; Tiểu học: 2",
            {"STT": "3", "Địa bàn": "Tên; có chấm phẩy"},
        ),
    ],
)
def test_row_cells_reads_a_row_line_back(line: str, cells: dict[str, str]):
    numbered = line[0].isdigit()
    columns = (
        ["STT", "Địa bàn", "Mầm non", "Tiểu học"]
        if numbered
        else ["Địa bàn", "Mầm non", "Tiểu học"]
    )
    got = row_cells(line, columns, "nghìn đồng")
    assert got == {
        **cells,
        "Mầm non": "190" if not numbered else "1",
        "Tiểu học": "170" if not numbered else "2",
    }


def test_crawled_table_after_a_caption_cell_with_a_unit_merged_down():
    """The appendix title shares the cells of the header ("**PHỤ LỤC**" then plain lines): it is
    a caption, not a column. "Đồng/học sinh/ngày" spans two rows and is written once."""
    _, chunks = _provincial("f1e9ca38ca659c82.md")
    chunk, line = _row(chunks, "1.2. Dịch vụ chăm sóc bán trú")
    assert (
        line
        == "1.2. Dịch vụ chăm sóc bán trú — Đơn vị tính: Đồng/học sinh/tháng; Mức trần: 235.000"
    )
    assert chunk.table is not None and chunk.table.columns[:2] == [
        "TT",
        "Danh mục dịch vụ phục vụ, hỗ trợ hoạt động giáo dục, đào tạo",
    ]
    assert _row(chunks, "1.1.2. Bữa trưa")[1] == (
        "1.1.2. Bữa trưa — Đơn vị tính: Đồng/học sinh/ngày; Mức trần: 35.000"
    )


def test_crawled_two_row_header_and_a_header_cell_partly_in_bold():
    _, chunks = _provincial("4672020dbba893fb.md")
    chunk = _row(chunks, "2.1. Chi bồi dưỡng cán bộ")[0]
    assert chunk.table is not None and chunk.table.columns == [
        "STT",
        "Nội dung",
        "Mức chi – Cấp Thành phố",
        "Mức chi – Cấp xã",
        "Ghi chú",
    ]
    _, procedures = _provincial("b1a5a41518097e3e.md")
    line = _row(procedures, "2. Miễn nhiệm giám định viên")[1]
    assert "— Thời hạn giải quyết: 10 ngày làm việc" in line and "; Lệ phí: Không;" in line


def test_a_bold_group_row_just_below_the_header_does_not_end_the_table():
    """ "**I** | **Tốt nghiệp THPT** | **1. Ban Chỉ đạo thi**" opens the body as its group rows;
    it is not the header of another table."""
    _, chunks = _provincial("d5f01e57dbf5a890.md")
    chunk, line = _row(chunks, "- Phó Trưởng ban — Mức chi/ Tiền công (1.000đ): 623")
    assert line.endswith("Đơn vị tính: người/ngày")
    assert chunk.table is not None
    assert chunk.table.group == "I. Tốt nghiệp trung học phổ thông › 1. Ban Chỉ đạo thi"
    assert chunk.table is not None and chunk.table.columns[:3] == [
        "Số TT",
        "Tên kỳ thi",
        "Nội dung chi",
    ]


def test_two_row_header_spanning_cell_chosen_by_what_its_sub_columns_hold():
    """ "Địa phương | Tỷ lệ vốn đối ứng (%)" over "Thành phố | Xã": the commune names are no
    shares, so the shares' header spans the second row."""
    _, chunks = _provincial("0eb3b8713cadea8f.md")
    chunk, line = _row(chunks, "1. Xã A Lưới 1 —")
    assert chunk.table is not None and chunk.table.columns[1] == "Địa phương"
    assert "Tỷ lệ vốn đối ứng ngân sách địa phương (%) – Thành phố: 80; " in line


def test_a_pipe_table_total_row_is_a_row_and_a_lone_title_a_group():
    grid = [
        ["STT", "Địa bàn", "Mức thu"],
        ["", "**Khu vực thành thị**", ""],
        ["1", "Phường", "200"],
        ["", "**Tổng cộng**", ""],
    ]
    table = table_from_grid(grid)
    assert table is not None and table.groups == {0}
    assert render(table).endswith("1. Phường — Mức thu: 200\nTổng cộng")
