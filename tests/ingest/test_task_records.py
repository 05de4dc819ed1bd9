"""A plan's labelled lines under one item ("- Nội dung: …", "- Cơ quan thực hiện: …",
"- Thời gian thực hiện: …") are one task; a thủ tục's "Cơ quan thực hiện" is none."""

from __future__ import annotations

from ingest.task_records import field_line
from ingest.tasks import extract_tasks

PLAN = (
    "KẾ HOẠCH\n\nIII. NỘI DUNG HOẠT ĐỘNG\n\n1. Nâng cao nhận thức về bình đẳng giới\n\n"
    "a) Hoạt động 1\n\n- Nội dung: Triển khai Tháng hành động vì bình đẳng giới.\n\n"
    "- Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành và UBND các xã, "
    "phường.\n\n- Thời gian thực hiện: Tháng 11/2025.\n\n"
    "b) Hoạt động 2\n\n- Nội dung: Tập huấn cho đội ngũ cán bộ làm công tác xã hội.\n\n"
    "- Thời gian: Quý I/2026.\n\n- Cơ quan thực hiện: Sở Y tế.\n"
)


def test_a_record_is_one_task_with_its_content_deadline_and_agencies():
    first, second = extract_tasks(PLAN, "2025-11")
    assert (first.agency, first.due, first.due_text) == ("Sở Nội vụ", "2025-11-30", "Tháng 11/2025")
    assert first.task == "Triển khai Tháng hành động vì bình đẳng giới."
    assert first.quote.startswith("- Nội dung:") and first.quote.endswith("phường.")
    assert "Các sở, ban, ngành" in first.co_agencies
    assert (second.agency, second.due) == ("Sở Y tế", "2026-03-31")
    assert first.quote in PLAN and PLAN.find(first.quote) == first.start


def test_a_procedures_agency_line_is_not_a_task():
    text = (
        "QUYẾT ĐỊNH\n\n2. Thủ tục cấp giấy phép\n\n- Thời hạn giải quyết: 10 ngày làm việc.\n\n"
        "- Cơ quan thực hiện: Sở Văn hóa, Thể thao và Du lịch.\n\n"
        "- Cơ quan có thẩm quyền quyết định: UBND tỉnh.\n"
    )
    assert extract_tasks(text, "2025-11") == []


def test_labelled_lines():
    assert field_line("- Cơ quan chủ trì: Sở Nội vụ") == ("lead", "Sở Nội vụ")
    assert field_line("+ Thời gian hoàn thành: Quý IV/2025") == ("due", "Quý IV/2025")
    assert field_line("- Cơ quan phối hợp: Sở Tài chính") == ("co", "Sở Tài chính")
    assert field_line("Sở Nội vụ chủ trì tổ chức hội nghị") is None


def test_content_lines_listed_under_an_empty_content_label_are_one_task_each():
    text = (
        "KẾ HOẠCH\n\nIII. NỘI DUNG\n\na) Hoạt động 3\n\n- Nội dung:\n\n"
        "+ Khảo sát nhu cầu hỗ trợ pháp lý của phụ nữ vùng sâu.\n\n"
        "+ Biên soạn tài liệu hỏi đáp về phòng, chống bạo lực gia đình.\n\n"
        "- Thời gian thực hiện: Quý II/2026.\n\n"
        "- Cơ quan thực hiện: Sở Tư pháp chủ trì, phối hợp với Hội Liên hiệp Phụ nữ tỉnh.\n"
    )
    tasks = [(t.agency, t.due, t.quote[:10], t.co_agencies) for t in extract_tasks(text, "2026-01")]
    assert tasks == [
        ("Sở Tư pháp", "2026-06-30", "+ Khảo sát", ["Hội Liên hiệp Phụ nữ tỉnh"]),
        ("Sở Tư pháp", "2026-06-30", "+ Biên soạ", ["Hội Liên hiệp Phụ nữ tỉnh"]),
    ]


def test_listed_content_lines_without_a_lead_line_are_read_as_usual():
    text = (
        "KẾ HOẠCH\n\nIV. TỔ CHỨC THỰC HIỆN\n\n2. Sở Y tế\n\n- Nội dung:\n\n"
        "+ Tập huấn kỹ năng sơ cứu cho cán bộ y tế xã.\n\n"
        "3. Sở Tư pháp\n\n- Tuyên truyền pháp luật về phòng, chống bạo lực gia đình.\n"
    )
    tasks = [(t.agency, t.quote[:10]) for t in extract_tasks(text, "2026-01")]
    assert tasks == [("Sở Y tế", "+ Tập huấn"), ("Sở Tư pháp", "- Tuyên tr")]


def test_an_item_without_a_content_label_is_the_content_of_the_lines_under_it():
    text = (
        "KẾ HOẠCH\n\nII. NHIỆM VỤ\n\n1. Hoàn thiện thể chế\n\n"
        "- Tổ chức tập huấn kỹ năng số cho cán bộ, công chức.\n\n"
        "Cơ quan thực hiện: Sở Nội vụ.\n\nThời gian: Quý II/2026.\n\n"
        "2. Phát triển hạ tầng số\n\na) Nâng cấp mạng truyền số liệu chuyên dùng.\n\n"
        "- Đơn vị chủ trì: Sở Khoa học và Công nghệ.\n\n- Đơn vị phối hợp: UBND các xã, phường.\n\n"
        "- Thời gian thực hiện: Năm 2026.\n"
    )
    first, second = extract_tasks(text, "2026-03")
    assert (first.agency, first.due) == ("Sở Nội vụ", "2026-06-30")
    assert first.task.startswith("Tổ chức tập huấn") and first.quote.startswith("- Tổ chức")
    assert (second.agency, second.due) == ("Sở Khoa học và Công nghệ", "2026-12-31")
    assert second.task.startswith("Nâng cấp mạng") and second.co_agencies == ["UBND các xã, phường"]
