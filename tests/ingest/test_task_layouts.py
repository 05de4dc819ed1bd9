"""Layouts of assignments that crawled notices break: a table's rows flattened one cell a
paragraph after a page break, a heading the outline cuts before the agencies it names."""

from __future__ import annotations

from pathlib import Path

from ingest.loaders import load_text
from ingest.tasks import extract_tasks

FLATTENED = """KẾ HOẠCH

Triển khai chuyển đổi số năm 2026

PHỤ LỤC

DANH MỤC NHIỆM VỤ

| TT | Nội dung thực hiện | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
| --- | --- | --- | --- | --- |
| 1 | Xây dựng kho dữ liệu | Sở Khoa học và Công nghệ | Các sở, ban, ngành | Quý IV/2026 |

….................................

2

Số hóa hồ sơ lưu trữ của các xã

Sở Nội vụ

UBND các xã, phường

2026

II

ĐÀO TẠO

1

Tập huấn kỹ năng số cho cán bộ cấp xã

Ban Chỉ đạo Chuyển đổi số cấp tỉnh, cấp xã

Sở Nội vụ

Hằng năm

Nơi nhận:
"""


def test_a_tables_rows_flattened_after_a_page_break_are_still_its_rows(tmp_path: Path):
    path = tmp_path / "ke-hoach.md"
    path.write_text(FLATTENED, encoding="utf-8")
    tasks = extract_tasks(load_text(path), "2026-01-05")
    rows = [(t.agency, t.co_agencies, t.due, t.recurring) for t in tasks]
    assert rows == [
        ("Sở Khoa học và Công nghệ", ["Các sở, ban, ngành"], "2026-12-31", False),
        ("Sở Nội vụ", ["UBND các xã, phường"], "2026-12-31", False),
        ("Ban Chỉ đạo Chuyển đổi số cấp tỉnh", ["Sở Nội vụ"], None, True),
        ("Ban Chỉ đạo Chuyển đổi số cấp xã", ["Sở Nội vụ"], None, True),
    ]
    assert tasks[1].quote.startswith("Số hóa hồ sơ") and "ĐÀO TẠO" not in tasks[2].quote


def test_paragraphs_after_a_table_that_are_not_its_rows_are_read_as_usual():
    text = (
        "KẾ HOẠCH\n\n| TT | Nhiệm vụ | Cơ quan chủ trì |\n| --- | --- | --- |\n"
        "| 1 | Rà soát quy hoạch | Sở Xây dựng |\n\n"
        "Giao Sở Tài chính bố trí kinh phí thực hiện trước ngày 30/6/2026.\n"
    )
    tasks = [(t.agency, t.due) for t in extract_tasks(text, "2026-01-05")]
    assert ("Sở Tài chính", "2026-06-30") in tasks


def test_a_heading_cut_short_by_the_outline_still_names_all_its_agencies():
    text = (
        "CÔNG VĂN\n\n1. Giao Thủ trưởng các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, "
        "Thủ trưởng các đơn vị sự nghiệp công lập trực thuộc Ủy ban nhân dân tỉnh; Chủ tịch "
        "Ủy ban nhân dân các xã, phường\n\n"
        "- Hoàn thành cập nhật hồ sơ cán bộ trên hệ thống trước ngày 15/3/2026.\n"
    )
    tasks = extract_tasks(text, "2026-02-01")
    assert [t.agency for t in tasks] == [
        "Các sở, ban, ngành",
        "Các đơn vị sự nghiệp công lập thuộc UBND tỉnh",
        "UBND các xã, phường",
    ]
    assert {t.due for t in tasks} == {"2026-03-15"}


def test_a_heading_broken_across_two_paragraphs_names_all_its_agencies():
    text = (
        "KẾ HOẠCH\n\nV. TỔ CHỨC THỰC HIỆN\n\n1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, "
        "Hội Liên hiệp\n\nPhụ nữ tỉnh và Tỉnh đoàn\n\n"
        "- Tuyên truyền kế hoạch đến đoàn viên, hội viên.\n\n"
        "2. Sở Y tế\n\nTổng hợp kết quả khám sàng lọc, báo cáo UBND tỉnh.\n"
    )
    tasks = [(t.agency, t.quote[:12]) for t in extract_tasks(text, "2026-02-01")]
    assert tasks == [
        ("Ủy ban MTTQ Việt Nam tỉnh", "- Tuyên truy"),
        ("Hội Liên hiệp Phụ nữ tỉnh", "- Tuyên truy"),
        ("Tỉnh đoàn", "- Tuyên truy"),
        ("Sở Y tế", "Tổng hợp kết"),  # a finished paragraph under a heading is its own task
    ]


def test_words_in_brackets_after_an_agency_heading_leave_it_an_agency_heading():
    text = (
        "KẾ HOẠCH\n\nV. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Sở Nội vụ (cơ quan thường trực của Ban Chỉ đạo):\n\n"
        "- Theo dõi, tổng hợp kết quả thực hiện Kế hoạch.\n\n"
        "2. Các chủ rừng là tổ chức (các Ban quản lý rừng phòng hộ):\n\n"
        "- Rà soát ranh giới rừng được giao.\n"
    )
    tasks = [(t.agency, t.quote[:12]) for t in extract_tasks(text, "2026-02-01")]
    assert tasks == [
        ("Sở Nội vụ", "- Theo dõi, "),
        ("Các chủ rừng là tổ chức (các Ban quản lý rừng phòng hộ)", "- Rà soát ra"),
    ]


def test_a_deadline_line_after_sibling_items_dates_only_the_last_one():
    text = (
        "KẾ HOẠCH\n\n1. Giao Sở Xây dựng\n\n- Rà soát hiện trạng đánh số nhà trên địa bàn.\n\n"
        "- Cập nhật dữ liệu số nhà vào cơ sở dữ liệu đất đai.\n\n"
        "Thời gian hoàn thành trước ngày 31/5/2026.\n"
    )
    tasks = [(t.quote[:10], t.due) for t in extract_tasks(text, "2026-01")]
    assert tasks == [("- Rà soát ", None), ("- Cập nhật", "2026-05-31")]


def test_a_header_row_repeated_on_a_new_page_is_not_a_task(tmp_path: Path):
    path = tmp_path / "ke-hoach.md"
    path.write_text(
        "KẾ HOẠCH\n\nPhân công nhiệm vụ\n\n| TT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn |\n"
        "| --- | --- | --- | --- |\n| 1 | Rà soát quy hoạch | Sở Xây dựng | 2026 |\n"
        "| TT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn |\n| 2 | Cấp phép | Sở Y tế | 2026 |\n",
        encoding="utf-8",
    )
    tasks = extract_tasks(load_text(path), "2026-01")
    assert [t.agency for t in tasks] == ["Sở Xây dựng", "Sở Y tế"]


def test_an_articles_title_that_names_an_agency_heads_the_articles_paragraphs():
    text = (
        "QUY CHẾ\n\nChương II\n\nĐiều 6. Nội dung Sở Y tế có trách nhiệm chủ trì\n\n"
        "Theo dõi tình hình dịch bệnh trên địa bàn tỉnh.\n\nChương III\n\nĐiều 9.\n\n"
        "Trách nhiệm của Sở Tư pháp\n\n"
        "Sở Tư pháp là cơ quan đầu mối, có trách nhiệm hướng dẫn việc thực hiện Quy chế.\n"
    )
    tasks = [(t.agency, t.quote[:12]) for t in extract_tasks(text, "2026-01")]
    assert tasks == [("Sở Y tế", "Theo dõi tìn"), ("Sở Tư pháp", "Sở Tư pháp l")]


def test_a_numbered_place_in_a_list_is_no_agency_label():
    text = (
        "PHỤ LỤC\n\nDANH MỤC VÙNG NUÔI\n\n5.\n\nPhường Ea Kao\n\n"
        "Vùng nuôi cá rô phi thương phẩm có từ 10 ha trở lên.\n\n"
        "6.\n\nỦy ban nhân dân xã Ea Na\n\nRà soát diện tích nuôi trồng thủy sản trên địa bàn.\n"
    )
    tasks = [(t.agency, t.quote[:10]) for t in extract_tasks(text, "2025-11")]
    assert tasks == [("UBND xã Ea Na", "Rà soát di")]


def test_labels_on_their_own_line_after_bare_numbers():
    """ "1.2." › "Sở Tài chính - Cơ quan thường trực …" (a role after a dash) and "1.3." ›
    "Trách nhiệm của đối tượng thực hiện kiểm kê:" (a party no list knows) head their items;
    a sibling number whose line names no one ends the label before it."""
    text = (
        "KẾ HOẠCH\n\nIV. NHIỆM VỤ CỤ THỂ\n\n1.1.\n\nTrưởng Ban Chỉ đạo\n\n"
        "- Phụ trách chung việc tổng kiểm kê tài sản của tỉnh.\n\n"
        "1.2.\n\nSở Tài chính - Cơ quan thường trực Ban Chỉ đạo\n\n"
        "- Hướng dẫn biểu mẫu kiểm kê.\n\nThời gian hoàn thành: Tháng 12/2025.\n\n"
        "1.3.\n\nNội dung kiểm kê khác\n\n- Kiểm kê tài sản kết cấu hạ tầng.\n\n"
        "1.4.\n\nTrách nhiệm của đối tượng thực hiện kiểm kê:\n\n"
        "- Thành lập Tổ kiểm kê.\n\nThời hạn hoàn thành: Trước ngày 30/11/2025.\n"
    )
    tasks = [(t.agency, t.due, t.quote[:12]) for t in extract_tasks(text, "2025-11-21")]
    assert tasks == [
        ("Ban Chỉ đạo", None, "- Phụ trách "),
        ("Sở Tài chính", "2025-12-31", "- Hướng dẫn "),
        ("Đối tượng thực hiện kiểm kê", "2025-11-30", "- Thành lập "),
    ]


def test_a_numbered_label_that_asks_two_agencies_heads_their_items():
    text = (
        "KẾ HOẠCH\n\n2. Phân công trách nhiệm\n\n2.9. Đề nghị Liên đoàn Lao động tỉnh\n\n"
        "Tuyên truyền phòng, chống ma túy cho công nhân lao động.\n\n2.10.\n\n"
        "Đề nghị Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh\n\n"
        "- Tăng cường phối hợp trong điều tra, truy tố, xét xử các vụ án về ma túy.\n"
    )
    tasks = [(t.agency, t.quote[:10]) for t in extract_tasks(text, "2025-11-20")]
    assert tasks == [
        ("Liên đoàn Lao động tỉnh", "Tuyên truy"),
        ("Viện Kiểm sát nhân dân tỉnh", "- Tăng cườ"),
        ("Tòa án nhân dân tỉnh", "- Tăng cườ"),
    ]


def test_a_merged_lead_cell_heads_the_rows_under_it_and_a_lead_cell_may_name_helpers(tmp_path):
    path = tmp_path / "ke-hoach.md"
    path.write_text(
        "KẾ HOẠCH\n\nPHỤ LỤC\n\n| STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Tiến độ |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| 1 | Rà soát văn bản | Sở Tư pháp | Các sở, ngành | Quý II/2026 |\n"
        "| 2 | Xây dựng cơ sở dữ liệu hộ tịch | | | Quý III/2026 |\n"
        "| II | CÔNG TÁC TẬP HUẤN | | | |\n"
        "| 1 | Tập huấn nghiệp vụ | | | Hằng năm |\n"
        "| 2 | Ban hành kế hoạch | Sở Y tế chủ trì, phối hợp Sở Tài chính | | Tháng 4/2026 |\n",
        encoding="utf-8",
    )
    found = extract_tasks(load_text(path), "2026-03")
    tasks = [(t.agency, t.due, t.co_agencies[:1]) for t in found]
    assert tasks == [
        ("Sở Tư pháp", "2026-06-30", ["Các sở, ban, ngành"]),
        ("Sở Tư pháp", "2026-09-30", ["Các sở, ban, ngành"]),  # the merged cell above
        ("Sở Y tế", "2026-04-30", ["Sở Tài chính"]),  # a group row ends the merge
    ]


def test_a_heading_that_names_agencies_by_their_duties_leads_its_list():
    text = (
        "KẾ HOẠCH\n\nIV. TỔ CHỨC THỰC HIỆN\n\n"
        "5. Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh theo chức năng, nhiệm vụ:\n\n"
        "- Bảo đảm an ninh, trật tự.\n\n- Phối hợp xử lý các tình huống phát sinh.\n"
    )
    tasks = [(t.agency, t.quote[:8]) for t in extract_tasks(text, "2026-03-02")]
    assert tasks == [
        ("Công an tỉnh", "- Bảo đả"),
        ("Bộ Chỉ huy Quân sự tỉnh", "- Bảo đả"),
        ("Công an tỉnh", "- Phối h"),
        ("Bộ Chỉ huy Quân sự tỉnh", "- Phối h"),
    ]


def test_more_names_of_an_assignment_tables_columns(tmp_path):
    path = tmp_path / "ke-hoach.md"
    path.write_text(
        "KẾ HOẠCH\n\nPHỤ LỤC\n\n| TT | Giải pháp | Cơ quan tham mưu | Thời điểm hoàn thành |\n"
        "| --- | --- | --- | --- |\n| 1 | Rà soát quy hoạch | Sở Xây dựng | Quý II/2026 |\n\n"
        "| TT | Tên văn bản | Đơn vị | Thời gian trình |\n| --- | --- | --- | --- |\n"
        "| 1 | Quy định quản lý cụm công nghiệp | Sở Công Thương | Tháng 9/2026 |\n",
        encoding="utf-8",
    )
    tasks = [(t.agency, t.due) for t in extract_tasks(load_text(path), "2026-03")]
    assert tasks == [("Sở Xây dựng", "2026-06-30"), ("Sở Công Thương", "2026-09-30")]
