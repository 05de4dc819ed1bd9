"""Tasks read from a notice: sentences that assign, items under an agency heading or a lead-in,
assignment tables, "Thời hạn hoàn thành" lines; nothing invented."""

from __future__ import annotations

from pathlib import Path

from ingest.loaders import load_text
from ingest.metadata import extract_metadata
from ingest.tasks import extract_tasks
from tests.conftest import ROOT, SAMPLES

NOTICE = (ROOT / "tests" / "data" / "tasks_notice.md").read_text(encoding="utf-8")


def _tasks(tmp_path: Path, text: str = NOTICE):
    path = tmp_path / "ke-hoach.md"
    path.write_text(text, encoding="utf-8")
    loaded = load_text(path)
    return extract_tasks(loaded, extract_metadata(loaded, path.name).date, source=path.name)


def test_items_under_an_agency_heading_are_its_tasks(tmp_path):
    tasks = [t for t in _tasks(tmp_path) if t.agency == "Sở Khoa học và Công nghệ"]
    first = tasks[0]
    assert first.task.startswith("Chủ trì, phối hợp với Sở Nội vụ")
    assert first.due == "2026-03-31" and first.due_text == "trước ngày 31/3/2026"
    assert "Sở Nội vụ" in first.co_agencies
    assert tasks[1].due is None and tasks[1].due_text is None  # an agency without a deadline
    assert first.section.startswith("II. TỔ CHỨC THỰC HIỆN › 1. Sở Khoa học và Công nghệ")


def test_a_heading_naming_several_agencies_gives_each_its_task(tmp_path):
    tasks = _tasks(tmp_path)
    review = [t for t in tasks if t.quote.startswith("a) Rà soát thủ tục")]
    assert {t.agency for t in review} == {"Các sở, ban, ngành", "UBND các huyện, thành phố"}
    report = [t for t in tasks if t.quote.startswith("b) Báo cáo kết quả")]
    assert all(t.recurring and t.due is None for t in report) and len(report) == 2


def test_a_deadline_line_under_a_task_sets_its_due_date(tmp_path):
    lead, fund = [t for t in _tasks(tmp_path) if t.agency == "Sở Tài chính"]
    assert lead.quote.startswith("Sở Tài chính chủ trì") and fund.quote.startswith("Bố trí")
    for task in (lead, fund):  # the lead-in and its item share the item's deadline and help
        assert task.due == "2026-06-30" and task.due_text == "Quý II/2026"
        assert "Kho bạc Nhà nước tỉnh" in task.co_agencies


def test_sentences_that_assign_and_an_impossible_date(tmp_path):
    tasks = [t for t in _tasks(tmp_path) if t.agency == "Sở Tài nguyên và Môi trường"]
    assert tasks[0].due is None and tasks[0].due_text == "trước ngày 31/02/2026"


def test_table_rows_are_tasks_of_each_responsible_agency(tmp_path):
    rows = [t for t in _tasks(tmp_path) if "Cơ quan chủ trì" in t.quote]
    assert [(t.agency, t.due, t.recurring) for t in rows] == [
        ("Sở Khoa học và Công nghệ", "2026-12-31", False),
        ("Sở Nội vụ", None, True),
        ("UBND các huyện, thành phố", None, True),
    ]
    assert rows[0].task == "Xây dựng kho dữ liệu dùng chung"
    assert rows[0].co_agencies == ["Các sở, ban, ngành"]


def test_goals_and_the_closing_line_are_not_tasks(tmp_path):
    quotes = " ".join(t.quote for t in _tasks(tmp_path))
    assert "100% hồ sơ" not in quotes and "thi hành Kế hoạch này" not in quotes


def test_the_march_2022_session_notice_assigns_its_two_dated_tasks():
    path = SAMPLES / "003_0ce4c6df32ab89d9.txt"
    text = load_text(path)
    tasks = extract_tasks(text, extract_metadata(text, path.name).date, source=path.name)
    dated = {(t.agency, t.due) for t in tasks if t.due}
    assert ("Sở Xây dựng", "2022-04-05") in dated
    assert ("Sở Tài nguyên và Môi trường", "2022-03-31") in dated
    for t in tasks:
        assert t.quote in text and text.find(t.quote) == t.start


def test_a_deadline_without_an_agency_keeps_agency_none():
    text = (
        "KẾ HOẠCH\n\n1. Nhiệm vụ trọng tâm\n\n"
        "- Khẩn trương hoàn thiện hồ sơ các dự án để khởi công trước 30/6/2026.\n\n"
        "- Đến hết năm 2026, 100% hồ sơ được số hóa.\n"
    )
    [task] = extract_tasks(text, "2026-03")
    assert (task.agency, task.due, task.due_text) == (None, "2026-06-30", "trước 30/6/2026")


def test_a_bare_district_is_the_committee_of_the_notices_district():
    text = (
        "THÔNG BÁO\n\nII. NHIỆM VỤ\n\n1. Đối với huyện Bình Gia\n\n"
        "- Tập trung rà soát các dự án chậm tiến độ.\n\n"
        "Huyện cần phối hợp chặt chẽ với các sở, ngành trong giải phóng mặt bằng.\n"
    )
    tasks = extract_tasks(text, "2024-04", districts=["Bình Gia"])
    assert [t.agency for t in tasks] == ["UBND huyện Bình Gia", "UBND huyện Bình Gia"]


def test_an_agency_label_heads_the_lines_after_it_even_split_from_its_number():
    text = (
        "KẾ HOẠCH\n\nIV. PHÂN CÔNG NHIỆM VỤ\n\n1.\n\nSở Công Thương:\n\n"
        "- Chủ trì điều phối toàn bộ nguồn hàng hỗ trợ cho các xã bị ảnh hưởng.\n\n"
        "2. Sở Nông nghiệp và Môi trường:\n\n"
        "- Phối hợp UBND các xã, phường cập nhật thiệt hại nông nghiệp.\n\n"
        "3.\n\nSở Y tế:\n\n- Bố trí các đội y tế lưu động cấp phát thuốc thiết yếu.\n\n"
        "Báo và Phát thanh, Truyền hình tỉnh, Sở Văn hóa, Thể thao và Du lịch:\n\n"
        "Theo chức năng, nhiệm vụ tăng cường thông tin, tuyên truyền về kế hoạch hỗ trợ.\n"
    )
    tasks = [(t.agency, t.quote[:12]) for t in extract_tasks(text, "2025-11")]
    assert tasks == [
        ("Sở Công Thương", "- Chủ trì đi"),
        ("Sở Nông nghiệp và Môi trường", "- Phối hợp U"),
        ("Sở Y tế", "- Bố trí các"),
        ("Báo và Phát thanh, Truyền hình tỉnh", "Theo chức nă"),
        ("Sở Văn hóa, Thể thao và Du lịch", "Theo chức nă"),
    ]


def test_each_clause_with_its_own_subject_keeps_its_own_deadline():
    text = (
        "THÔNG BÁO\n\n1. Về đề nghị bổ sung vốn: Giao Sở Kế hoạch và Đầu tư tổng hợp, báo cáo "
        "UBND tỉnh trong tháng 4/2022; Sở Tài chính cân đối nguồn vốn theo quy định.\n"
    )
    tasks = {t.agency: t.due for t in extract_tasks(text, "2022-03")}
    assert tasks == {"Sở Kế hoạch và Đầu tư": "2022-04-30", "Sở Tài chính": None}


def test_scope_sections_and_the_closing_notice_line_assign_nothing():
    text = (
        "QUY CHẾ\n\nĐiều 2. Đối tượng áp dụng\n\n1. Sở Nông nghiệp và Môi trường tỉnh Nghệ An.\n\n"
        "2. Ủy ban nhân dân các xã, phường (sau đây gọi là Ủy ban nhân dân cấp xã).\n\n"
        "Điều 3. Tổ chức thực hiện\n\n"
        "Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.\n"
    )
    assert extract_tasks(text, "2025-11") == []


def test_a_subject_after_an_opening_phrase_with_commas_and_a_vague_tail():
    text = (
        "KẾ HOẠCH\n\n5. Để nâng cao hiệu lực, hiệu quả quản lý nhà nước về đầu tư, tăng cường "
        "giám sát các dự án, các Sở, ngành, UBND cấp xã và các đơn vị có liên quan theo chức "
        "năng triển khai thực hiện nhiệm vụ được giao.\n"
    )
    tasks = extract_tasks(text, "2025-11")
    assert [t.agency for t in tasks] == ["Các sở, ban, ngành", "UBND các xã, phường"]
    assert tasks[0].task.startswith("Theo chức năng triển khai")


def test_the_items_after_a_list_lead_in_heading_are_the_tasks():
    text = (
        "THÔNG BÁO\n\nII. NHIỆM VỤ TRỌNG TÂM\n\n"
        "1. Đề nghị UBND huyện Bình Gia tập trung thực hiện tốt một số nhiệm vụ sau:\n\n"
        "1.1. Về phát triển kinh tế\n\n"
        "- Tập trung chỉ đạo sản xuất vụ Đông Xuân đảm bảo đúng khung thời vụ.\n\n"
        "- Chỉ đạo các xã rà soát hồ sơ đất đai, phấn đấu đến 31/12/2024 hoàn thành.\n"
    )
    tasks = extract_tasks(text, "2024-04", districts=["Bình Gia"])
    assert [(t.agency, t.due, t.quote[:12]) for t in tasks] == [
        ("UBND huyện Bình Gia", None, "Đề nghị UBND"),  # the lead-in assigns too
        ("UBND huyện Bình Gia", None, "- Tập trung "),
        ("UBND huyện Bình Gia", "2024-12-31", "- Chỉ đạo cá"),
    ]


def test_every_sentence_of_an_item_names_its_own_agencies():
    text = (
        "THÔNG BÁO\n\n3. Về giải ngân vốn đầu tư công: Yêu cầu các chủ đầu tư khẩn trương đẩy "
        "nhanh tiến độ giải ngân; Sở Tài chính phối hợp hướng dẫn, tháo gỡ vướng mắc. Các sở, "
        "ngành theo chức năng, nhiệm vụ tổ chức triển khai thực hiện trước ngày 30/6/2022.\n"
    )
    tasks = {t.agency: t.due for t in extract_tasks(text, "2022-04")}
    assert tasks == {
        "Các chủ đầu tư": None,
        "Sở Tài chính": None,
        "Các sở, ban, ngành": "2022-06-30",
    }


def test_a_district_notices_next_steps_are_the_districts_and_a_lead_heading_hands_its_co():
    text = (
        "THÔNG BÁO\n\nKết luận kiểm tra tình hình thực hiện nhiệm vụ trên địa bàn huyện Bình Gia"
        "\n\nI. KẾT QUẢ ĐẠT ĐƯỢC\n\nHuyện đã triển khai thực hiện có hiệu quả các nhiệm vụ.\n\n"
        "II. NHIỆM VỤ THỜI GIAN TỚI\n\n1. Về phát triển kinh tế\n\n"
        "- Đẩy nhanh tiến độ giải ngân vốn đầu tư công, đảm bảo hết năm 2024 đạt 100%.\n\n"
        "2. Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính:\n\n"
        "a) Thẩm định đề án vị trí việc làm của huyện.\n"
    )
    tasks = extract_tasks(text, "2024-04", districts=["Bình Gia"])
    assert [(t.agency, t.due) for t in tasks] == [
        ("UBND huyện Bình Gia", "2024-12-31"),
        ("Sở Nội vụ", None),  # "Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính:"
        ("Sở Nội vụ", None),  # "a) Thẩm định đề án …"
    ]
    assert tasks[2].co_agencies == ["Sở Tài chính"]


def test_a_lead_in_article_its_nested_items_and_the_closing_article():
    text = (
        "QUYẾT ĐỊNH\n\nĐiều 3.\n\nGiao Giám đốc Công an tỉnh thực hiện các nhiệm vụ sau:\n\n"
        "a) Cập nhật công khai đầy đủ danh mục thủ tục hành chính được công bố.\n\n"
        "b) Chủ trì, phối hợp với Giám đốc Sở Khoa học và Công nghệ\n\n"
        "- Cấu hình quy trình điện tử tiếp nhận, giải quyết thủ tục hành chính.\n\n"
        "c) Phối hợp với Chánh Văn phòng Ủy ban nhân dân tỉnh; Chủ tịch Ủy ban nhân dân các xã, "
        "phường tổ chức niêm yết công khai danh mục.\n\n"
        "Điều 4. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Công an tỉnh chịu trách nhiệm "
        "thi hành Quyết định này./.\n\nPHỤ LỤC\n\nĐăng ký cai nghiện ma túy tự nguyện tại cơ sở.\n"
    )
    tasks = extract_tasks(text, "2025-11")
    assert [t.agency for t in tasks] == ["Công an tỉnh"] * 3
    assert tasks[2].co_agencies == ["Văn phòng UBND tỉnh", "UBND các xã, phường"]


def test_a_table_rows_group_heading_is_not_a_task(tmp_path):
    cells = [
        ["STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"],
        ["I.", "CÔNG TÁC TUYÊN TRUYỀN"],
        [
            "1",
            "Tuyên truyền trên báo, đài",
            "Sở Văn hóa, Thể thao và Du lịch",
            "Sở Nội vụ",
            "Thường xuyên",
        ],
        ["II.", "XÂY DỰNG THỂ CHẾ"],
        ["1", "Rà soát văn bản quy phạm pháp luật", "Sở Tư pháp", "Các sở, ngành", "Quý I/2026"],
    ]
    lines = ["**KẾ HOẠCH**", "", "PHỤ LỤC", ""]
    for n, row in enumerate(cells):  # a crawled table: a cell a line, headers in bold
        lines += ["|", *[x for c in row for x in (f"**{c}**" if n == 0 else c, "|")]]
    tasks = _tasks(tmp_path, "\n".join(lines) + "\n")
    assert [(t.agency, t.due) for t in tasks] == [
        ("Sở Văn hóa, Thể thao và Du lịch", None),
        ("Sở Tư pháp", "2026-03-31"),
    ]


def test_a_long_list_of_agencies_keeps_the_names_the_table_does_not_know():
    text = (
        "KẾ HOẠCH\n\nIII. TỔ CHỨC THỰC HIỆN\n\n5. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, "
        "các Ban xây dựng Đảng Tỉnh ủy, Kiểm toán Nhà nước khu vực VI, Ngân hàng Nhà nước chi "
        "nhánh khu vực 5, các đơn vị có liên quan theo chức năng phối hợp thực hiện Kế hoạch.\n"
    )
    assert [t.agency for t in extract_tasks(text, "2025-11")] == [
        "Ủy ban MTTQ Việt Nam tỉnh",
        "Các Ban xây dựng Đảng Tỉnh ủy",
        "Kiểm toán Nhà nước khu vực VI",
        "Ngân hàng Nhà nước chi nhánh khu vực 5",
    ]


def test_councils_steering_boards_and_groups_that_gold_style_names():
    text = (
        "THÔNG BÁO\n\nII. NHIỆM VỤ THỜI GIAN TỚI\n\n"
        "(1) Ban Chỉ đạo các Chương trình mục tiêu quốc gia huyện tăng cường kiểm tra.\n\n"
        "(2) Các cấp, các ngành của huyện tập trung rà soát hộ nghèo.\n\n"
        "(3) HĐND huyện tăng cường giám sát việc thực hiện nghị quyết.\n\n"
        "(4) Đề nghị Ủy ban MTTQ Việt Nam tỉnh và các Đoàn thể tỉnh tuyên truyền sâu rộng.\n\n"
        "(5) Sở Y tế, Sở Tài chính cân đối nguồn vốn.\n"
    )
    assert [t.agency for t in extract_tasks(text, "2024-04")] == [
        "Ban Chỉ đạo các Chương trình mục tiêu quốc gia huyện",
        "Các cấp, các ngành",
        "HĐND huyện",
        "Ủy ban MTTQ Việt Nam tỉnh",
        "Các Đoàn thể tỉnh",
        "Sở Y tế",
        "Sở Tài chính",
    ]


def test_a_section_that_first_asks_for_work_is_not_descriptive():
    text = (
        "KẾ HOẠCH\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n- Sở Nội vụ là cơ quan thường trực của Kế hoạch.\n\n"
        "II. NHIỆM VỤ, YÊU CẦU\n\n1. Sở Nội vụ\n\n- Tổ chức hội nghị quán triệt Kế hoạch.\n"
    )
    assert [t.quote for t in extract_tasks(text, "2025-11")] == [
        "- Tổ chức hội nghị quán triệt Kế hoạch."
    ]


def test_a_lower_case_body_inside_a_list_does_not_end_it():
    text = (
        "THÔNG BÁO\n\nII. NHIỆM VỤ\n\n(1) Các cấp ủy Đảng, chính quyền, HĐND, UBND các xã tăng "
        "cường lãnh đạo công tác chuyển đổi số.\n"
    )
    assert [t.agency for t in extract_tasks(text, "2024-04")] == [
        "Các cấp ủy Đảng",
        "HĐND",
        "UBND các xã, phường",
    ]


def test_bodies_a_list_names_in_lower_case():
    text = (
        "THÔNG BÁO\n\nII. NHIỆM VỤ\n\n(1) UBND các xã và các đoàn thể chính trị - xã hội huyện "
        "tăng cường tuyên truyền, vận động nhân dân thực hiện.\n"
    )
    assert [t.agency for t in extract_tasks(text, "2024-04")] == [
        "UBND các xã, phường",
        "Các đoàn thể chính trị - xã hội huyện",
    ]
