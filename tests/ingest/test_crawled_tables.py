"""Crawled tables read by the crawl's stride (every cell written, one empty slot where a row
ends), bold group rows in the middle of a table, italic rows that are no header, and numbered
rows that close the group above them."""

from __future__ import annotations

from ingest.table_blocks import lead_in, read_block
from ingest.table_cells import Seg, emph
from ingest.table_rows import add_row, placed_lead
from ingest.table_stride import caption_cells, first_column, stride_rows, two_row_stride
from ingest.tables import Table, is_total_row, render
from tests.ingest.test_tables import _provincial, _row


def _segs(*rows: list[str]) -> list[Seg]:
    """The segments the crawl makes of `rows`: runs of filled cells, each with the empty slots
    (empty cells and the slot closing a row) after it."""
    slots = [cell for row in rows for cell in [*row, ""]]
    segs: list[Seg] = []
    for slot in slots:
        if not slot:
            if segs:
                segs[-1].empties += 1
        elif segs and segs[-1].empties == 0:
            segs[-1].cells.append(slot)
        else:
            segs.append(Seg([slot]))
    return segs


SPARSE = [
    ["II11", "", "", "Cao lanh", "", ""],
    ["", "II1101", "", "Cao lanh chưa rây", "tấn", "232.500"],
    ["", "II1102", "", "Cao lanh đã rây", "tấn", "680.000"],
    ["", "", "V20202", "Nước ngầm", "m3", "6.100"],
]


def test_a_sparse_code_table_is_read_by_position():
    rows = stride_rows(_segs(*SPARSE), 0, 6)
    assert rows == SPARSE


def test_the_stride_fails_for_the_wrong_width_or_a_short_last_row():
    assert stride_rows(_segs(*SPARSE), 0, 5) is None
    merged = [*SPARSE, ["Tổng", "1.000"]]  # a total whose label spans four columns
    segs = _segs(*merged)
    segs[-1].empties = 0
    assert stride_rows(segs, 0, 6) is None


def test_two_header_rows_give_the_width_and_the_caption_cell_before_them():
    first = ["II. NƯỚC THIÊN NHIÊN", "Mã", "Tên", "Đơn vị tính", "Đơn giá (đồng)"]
    assert caption_cells(first) == 1
    assert two_row_stride(first, ["Cấp 1", "Cấp 2", "Cấp 3"], _segs(*SPARSE), 0) == (1, 6)
    assert first_column(Seg(["Cấp 3"], 3)) == 2


def test_resource_price_list_with_codes_under_six_levels():
    """Đồng Nai resource prices: each code sits under one of six code columns and its row's
    other code cells are empty, so empty slots are no row boundaries there."""
    _, chunks = _provincial("f1526a5ac4023b74.md")
    chunk, line = _row(chunks, "Cao lanh đã rây —")
    assert line.endswith("Đơn vị tính: tấn; Đơn giá (đồng): 680.000")
    assert chunk.table is not None and chunk.table.columns[-3:] == [
        "Tên nhóm, loại tài nguyên/Sản phẩm tài nguyên",
        "Đơn vị tính",
        "Đơn giá (đồng)",
    ]
    chunk, line = _row(chunks, "Nước dưới đất (nước ngầm) phục vụ cho nông thôn —")
    assert line.endswith("Đơn giá (đồng): 6.100")
    assert chunk.table is not None
    assert chunk.table.group == "V2 Nước thiên nhiên dùng cho sản xuất kinh doanh nước sạch"


def test_a_bold_numbered_title_mid_table_heads_groups_and_a_numbered_row_closes_one():
    """ "**II** | **Thi chọn học sinh giỏi cấp quốc gia** | **1. Hội đồng/Ban Coi thi**" is two
    group rows of the same table; "4. Bồi dưỡng…" is the next item beside group "3. Tiền ăn…"."""
    _, chunks = _provincial("d5f01e57dbf5a890.md")
    chunk, line = _row(chunks, "- Tiền ăn —")
    assert line == "- Tiền ăn — Mức chi/ Tiền công (1.000đ): 200; Đơn vị tính: người/ngày"
    assert chunk.table is not None and chunk.table.group.startswith(
        "II. Thi chọn học sinh giỏi cấp quốc gia › 3. Tiền ăn, giải khát giữa giờ"
    )
    chunk = _row(chunks, "4. Bồi dưỡng học sinh tham gia tập huấn —")[0]
    assert chunk.table is not None
    assert chunk.table.group == "II. Thi chọn học sinh giỏi cấp quốc gia"
    line = _row(chunks, "- Nhân viên phục vụ, công an, bảo vệ làm việc vòng ngoài —")[1]
    assert "PHỤ LỤC" not in line  # the next appendix's title ends the table


def test_italic_rows_are_body_rows_not_the_header_of_another_table():
    _, chunks = _provincial("4672020dbba893fb.md")
    chunk, line = _row(chunks, "Phục vụ gián tiếp đoàn kiểm tra, giám sát")
    assert "Mức chi – Cấp Thành phố: 100.000 đồng/người /buổi" in line
    assert chunk.table is not None and chunk.table.columns[0] == "STT"


def test_group_rows_with_two_numbered_titles_are_read_back_nested():
    table = Table(
        ["STT", "Nội dung", "Mức chi"],
        [["II", "Thi cấp quốc gia", "1. Ban coi thi"], ["", "Trưởng ban", "692"]],
        {0},
    )
    block = read_block(render(table))
    assert block is not None
    assert [g.group for g in block.groups] == ["II. Thi cấp quốc gia › 1. Ban coi thi"]


def test_bold_closed_and_reopened_inside_a_cell_is_still_bold():
    assert emph("**2. Tiền công tập huấn các đội tuyển dự thi kỳ ****thi chọn học sinh giỏi**")


def test_a_row_is_placed_where_its_figure_and_unit_meet_their_columns():
    columns = ["Số TT", "Nội dung chi", "Mức chi (1.000đ)", "Đơn vị tính", "Ghi chú"]
    assert placed_lead(columns, ["- Trưởng ban", "553", "người/ngày"], 2, 2) == 1
    assert placed_lead(columns, ["- Chủ tịch Hội đồng/Trưởng ban", "Ghi chú"], 1, 1) == 1
    _, chunks = _provincial("d5f01e57dbf5a890.md")
    line = _row(chunks, "- Trưởng ban — Mức chi/ Tiền công (1.000đ): 553")[1]
    assert line.endswith("Đơn vị tính: người/ngày")


def test_a_row_under_a_note_merged_down_keeps_its_amounts_under_the_amount_columns():
    """ "Chủ trì cuộc họp | 500.000 đồng/người /buổi | 400.000 …": the note column is merged
    down from the row above, not the row number."""
    _, chunks = _provincial("4672020dbba893fb.md")
    line = _row(chunks, "Chủ trì cuộc họp —")[1]
    assert line.startswith("Chủ trì cuộc họp — Mức chi – Cấp Thành phố: 500.000 đồng/người /buổi")
    assert "Mức chi – Cấp xã: 400.000 đồng/người/ buổi" in line


def test_rows_under_a_label_merged_down_carry_that_label():
    """ "1 | Xã Đan Thượng | Tả Thao | …" then "| | Đê bối Liên Phương | …": the commune spans
    both rows, so the second row says it too."""
    _, chunks = _provincial("d2c5b73468786a99.md")
    line = _row(chunks, "Xã Đan Thượng — Tuyến đê: Đê bối Liên Phương")[1]
    assert line.endswith("Chiều dài (km): 2,300; Cấp đê: V")


def test_a_bold_total_row_closes_the_rows_above_and_heads_none():
    """ "**Tổng** | **18,800**" under a commune's two dikes: a row whose figure stands under the
    column of figures above it, not a group row over the next commune."""
    _, chunks = _provincial("d2c5b73468786a99.md")
    chunk, line = _row(chunks, "Tổng (Xã Đan Thượng) — ")
    assert line == "Tổng (Xã Đan Thượng) — Chiều dài (km): 18,800"  # 16,500 + 2,300
    chunk, _ = _row(chunks, "2. Xã Hạ Hòa")
    assert not any("Tổng" in h for h in chunk.headings)


def test_a_short_total_row_takes_no_cells_from_the_row_above():
    """A total holds its label and its figures only: no row number or words merged down."""
    table = Table(["STT", "Nội dung", "Đơn vị tính", "Số lượng", "Ghi chú"], [])
    add_row(
        table,
        ["1", "Nước ngầm", "m3", "40", "Khai thác"],
        ["1", "Nước ngầm", "m3", "40", "Khai thác"],
    )
    add_row(table, ["**Tổng cộng**", "**40**"], ["Tổng cộng", "40"])
    add_row(table, ["**Tổng hợp**", "**chung**"], ["Tổng hợp", "chung"])
    assert table.rows[1] == ["", "Tổng cộng", "", "40", ""]
    assert table.groups == {2}  # "Tổng hợp" is a title, not a total
    assert is_total_row(["", "**Cộng (I+II)**"]) and is_total_row(["Tổng thời gian giải quyết"])
    assert not is_total_row(["Tổng cục Thuế"]) and not is_total_row(["Công tác tuyên truyền"])


def test_a_total_says_whose_total_it_is_only_when_its_figures_sum_that_label_s_rows():
    table = Table(["STT", "Xã", "Tuyến đê", "Chiều dài (km)"], [])
    table.rows = [
        ["1", "Xã A", "Tả Thao", "16,500"],
        ["", "", "Đê bối", "2,300"],
        ["", "Tổng", "", "18,800"],
        ["2", "Xã B", "Tả Thao", "1.500"],
        ["", "", "Đê bối", "500"],
        ["", "Tổng", "", "2.100"],  # not 1.500 + 500: whose total, the table does not say
    ]
    lines = render(table).split("\n")
    assert lines[3] == "Tổng (Xã A) — Chiều dài (km): 18,800"
    assert lines[6] == "Tổng — Chiều dài (km): 2.100"


def test_a_caption_skips_an_annex_note_split_over_paragraphs_and_reads_a_title_whole():
    before = [
        "PHỤ LỤC",
        "NHIỆM VỤ CHỦ YẾU CỦA KẾ HOẠCH",
        "PHÁT TRIỂN HẠ TẦNG 5G, IoT TRÊN ĐỊA BÀN THÀNH PHỐ",
        "(Kèm theo Kế hoạch số:",
        "/KH-UBND ngày / /2025 của UBND thành phố Hà Nội)",
    ]
    assert lead_in(before) == (
        "NHIỆM VỤ CHỦ YẾU CỦA KẾ HOẠCH PHÁT TRIỂN HẠ TẦNG 5G, IoT TRÊN ĐỊA BÀN THÀNH PHỐ"
    )
    assert lead_in(["Điều 14 như sau:", "“a) Mức hỗ trợ 01 tháng cho 01 hộ là:"]) == (
        "Mức hỗ trợ 01 tháng cho 01 hộ là"
    )
    assert lead_in(["Phần I. DANH MỤC", "A. THỦ TỤC HÀNH CHÍNH CẤP TỈNH"]) == (
        "A. THỦ TỤC HÀNH CHÍNH CẤP TỈNH"  # a heading of its own above it is not joined
    )


def test_a_long_title_in_capitals_is_read_whole_not_cut_to_its_last_line():
    title = [
        "DANH MỤC HOẠT ĐỘNG, SẢN PHẨM VÀ KHUNG ĐỊNH MỨC CHI TRONG CÔNG TÁC SOẠN THẢO; THẨM",
        "ĐỊNH; TỔNG HỢP, RÀ SOÁT HỒ SƠ TRÌNH ỦY BAN NHÂN DÂN, CHỦ TỊCH ỦY BAN NHÂN DÂN;",
        "THẨM TRA VĂN BẢN QUY PHẠM PHÁP LUẬT",
    ]
    caption = lead_in(["PHỤ LỤC II", *title, "(Kèm theo Nghị quyết số 78/2025/NQ-HĐND)"])
    assert caption == " ".join(title)
