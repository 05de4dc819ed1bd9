"""How a meeting's conclusion notice ("Thông báo kết luận") is read: who attended, what the
meeting found, what the leader praised and what the district asked for assign nothing; the
items and clauses that name their own agency do."""

from __future__ import annotations

from ingest.agencies import find_agencies
from ingest.deadlines import find_deadline
from ingest.tasks import extract_tasks


def _tasks(text: str, date: str = "2023-03-14", districts: tuple[str, ...] = ()):
    return [(t.agency, t.due) for t in extract_tasks(text, date, districts=districts)]


def test_who_attended_the_meeting_is_given_no_work():
    text = (
        "THÔNG BÁO\n\nNgày 07/3/2023, Chủ tịch UBND tỉnh đã làm việc với UBND huyện Hà Quảng. "
        "Tham dự có lãnh đạo các sở, ngành: Tài chính, Xây dựng; lãnh đạo Văn phòng UBND tỉnh; "
        "lãnh đạo Huyện ủy, HĐND, UBND huyện Hà Quảng và các phòng chuyên môn của huyện. "
        "Cùng làm việc với đoàn có đồng chí Bí thư Huyện ủy, Chủ tịch UBND huyện Hà Quảng và "
        "lãnh đạo các phòng, ban của huyện.\n"
    )
    assert _tasks(text, districts=("Hà Quảng",)) == []


def test_a_section_that_reports_assigns_only_where_it_asks():
    text = (
        "THÔNG BÁO\n\nI. KẾT QUẢ THỰC HIỆN VÀ TỒN TẠI, HẠN CHẾ\n\n"
        "Một số chủ đầu tư đã chủ động trong triển khai thực hiện, có tỷ lệ giải ngân cao như: "
        "UBND huyện Quang Bình (58,2%), Ban Quản lý dự án tỉnh (51,4%). Bên cạnh những kết quả "
        "đạt được, UBND huyện Bắc Quang còn một số hạn chế, khó khăn: 03/17 chỉ tiêu chưa đạt "
        "kế hoạch. Đề nghị Sở Tài chính rà soát các chỉ tiêu chưa đạt, báo cáo UBND tỉnh.\n"
    )
    assert _tasks(text) == [("Sở Tài chính", None)]


def test_the_chairing_leaders_praise_is_not_the_districts_task():
    text = (
        "THÔNG BÁO\n\nKết luận tại buổi kiểm tra trên địa bàn huyện Mù Cang Chải\n\n"
        "III. CHỈ ĐẠO\n\nĐồng chí Phó Chủ tịch UBND tỉnh biểu dương tinh thần chủ động, trách "
        "nhiệm của cấp ủy, chính quyền huyện Mù Cang Chải trong công tác khắc phục hậu quả.\n\n"
        "- Tiếp tục rà soát, di dời khẩn cấp các hộ dân tại khu vực có nguy cơ sạt lở cao.\n"
    )
    tasks = _tasks(text, "2022-09-22", ("Mù Cang Chải",))
    assert tasks == [("UBND huyện Mù Cang Chải", None)]


def test_a_districts_request_to_the_province_is_no_task():
    text = (
        "THÔNG BÁO\n\n3. Về vốn đầu tư\n\nUBND huyện Mù Cang Chải kiến nghị UBND tỉnh hỗ trợ "
        "kinh phí 12 tỷ đồng để xây dựng hạ tầng khu tái định cư. UBND huyện Trạm Tấu đề nghị "
        "UBND tỉnh sớm xử lý dứt điểm điểm sạt lở tại Km 286+400 Quốc lộ 32.\n"
    )
    assert _tasks(text, "2022-09-22") == []


def test_an_item_that_names_its_own_agency_overrides_its_heading():
    text = (
        "THÔNG BÁO\n\nII. NHIỆM VỤ\n\n8. Đề nghị UBND các huyện, thành phố\n\n"
        "- Đẩy nhanh việc chi trả tiền bồi thường, hoàn thành trước ngày 31/8/2023.\n\n"
        "- Riêng UBND huyện Bắc Quang: Giải quyết dứt điểm 142 hộ còn vướng mắc, bàn giao mặt "
        "bằng cho chủ đầu tư trong tháng 9/2023.\n"
    )
    assert _tasks(text, "2023-08-10") == [
        ("UBND các huyện, thành phố", "2023-08-31"),
        ("UBND huyện Bắc Quang", "2023-09-30"),
    ]


def test_a_place_word_ends_an_agency_name_before_its_work():
    text = "Giao Ban Dân tộc tỉnh tiếp thu, hoàn thiện, gửi Ủy ban Dân tộc trước ngày 10/5/2024."
    assert find_agencies(text)[0].text == "Ban Dân tộc tỉnh"


def test_a_second_agency_after_a_comma_has_its_own_task_and_shares_the_deadline():
    text = (
        "THÔNG BÁO\n\n1. Về giải phóng mặt bằng\n\n- Giao Sở TN&MT hướng dẫn UBND huyện Chợ Đồn "
        "xác định nguồn gốc đất, giá đất cụ thể, Sở Tài chính thẩm định phương án giá đất, "
        "hoàn thành trong tháng 11/2022.\n\n"
        "- Giao Sở Nội vụ chủ trì, phối hợp với Thanh tra tỉnh, Sở Xây dựng kiểm tra công vụ.\n"
    )
    assert _tasks(text, "2022-11-10") == [
        ("Sở Tài nguyên và Môi trường", "2022-11-30"),
        ("Sở Tài chính", "2022-11-30"),
        ("Sở Nội vụ", None),  # a list of helpers, not a second subject
    ]


def test_a_lead_in_with_work_of_its_own_before_its_list_is_a_task():
    text = (
        "THÔNG BÁO\n\nII. NHIỆM VỤ TRỌNG TÂM THÁNG 5 NĂM 2024\n\n"
        "Các sở, ban, ngành tiếp tục thực hiện quyết liệt các nhiệm vụ, giải pháp đề ra tại "
        "Nghị quyết số 01/NQ-CP của Chính phủ; đồng thời tập trung thực hiện tốt một số nhiệm "
        "vụ trọng tâm sau:\n\n"
        "- Rà soát các hồ sơ thủ tục hành chính quá hạn.\n"
    )
    tasks = extract_tasks(text, "2024-04-30")
    assert [(t.agency, t.quote[:24]) for t in tasks] == [
        ("Các sở, ban, ngành", "Các sở, ban, ngành tiếp "),
        ("Các sở, ban, ngành", "- Rà soát các hồ sơ thủ "),
    ]
    assert not tasks[0].quote.endswith(":")


def test_a_year_the_notice_has_lived_through_is_no_deadline():
    stale = "Rà soát, đánh giá kỹ 03 chỉ tiêu chưa đạt trong năm 2022, đề ra giải pháp khắc phục."
    assert find_deadline(stale, 2023) is None
    later = (
        "Chỉ đạo hoàn thiện hồ sơ quyết toán; hoàn thành quyết toán các dự án hoàn thành năm "
        "2022 trong Quý II/2023."
    )
    deadline = find_deadline(later, 2023)
    assert deadline is not None and deadline.iso == "2023-06-30"


def test_the_meeting_a_draft_returns_to_is_its_deadline():
    sentence = "Giao Sở X hoàn thiện Đề án, trình lại tại phiên họp thường kỳ tháng 6/2024."
    deadline = find_deadline(sentence, 2024)
    assert deadline is not None and deadline.iso == "2024-06-30"
