"""How running prose assigns: a second duty with its own schedule inside one item, closing
exhortations that assign nothing."""

from __future__ import annotations

from ingest.tasks import extract_tasks


def test_a_later_sentence_with_its_own_schedule_is_a_second_duty():
    text = (
        "KẾ HOẠCH\n\nIV. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Sở Y tế xây dựng kế hoạch tiêm chủng mở rộng trên địa bàn tỉnh. Hằng quý báo cáo "
        "kết quả thực hiện về UBND tỉnh qua Sở Nội vụ.\n\n"
        "2. Sở Tài chính thẩm định dự toán kinh phí. Hoàn thành trước ngày 30/6/2026.\n"
    )
    tasks = [(t.agency, t.due, t.recurring, t.quote[:20]) for t in extract_tasks(text, "2026-01")]
    assert tasks == [
        ("Sở Y tế", None, False, "1. Sở Y tế xây dựng "),
        ("Sở Y tế", None, True, "Hằng quý báo cáo kết"),
        ("Sở Tài chính", "2026-06-30", False, "2. Sở Tài chính thẩm"),  # only dates the work
    ]


def test_closing_exhortations_assign_nothing():
    text = (
        "CÔNG VĂN\n\n1. Giao Sở Nội vụ\n\n- Hướng dẫn các đơn vị cập nhật hồ sơ cán bộ.\n\n"
        "Đề nghị các cơ quan, đơn vị khẩn trương triển khai, thực hiện./.\n\n"
        "Yêu cầu các sở, ban, ngành, UBND các xã, phường và các đơn vị có liên quan thực hiện "
        "nghiêm túc./.\n"
    )
    tasks = [(t.agency, t.quote[:12]) for t in extract_tasks(text, "2026-01")]
    assert tasks == [("Sở Nội vụ", "- Hướng dẫn ")]


def test_an_agency_urged_to_do_named_work_has_a_task():
    text = "CÔNG VĂN\n\nYêu cầu Sở Xây dựng khẩn trương thực hiện việc cấp phép xây dựng.\n"
    assert [t.agency for t in extract_tasks(text, "2026-01")] == ["Sở Xây dựng"]


def test_a_reported_instruction_with_a_date_is_no_task():
    text = (
        "CÔNG VĂN\n\nNgày 05/01/2026, Ủy ban nhân dân tỉnh đã chỉ đạo các cơ quan khẩn trương "
        "hoàn thành việc cập nhật dữ liệu trước ngày 30/01/2026.\n\n"
        "Khẩn trương hoàn thiện hồ sơ dự án để khởi công trước ngày 30/6/2026.\n"
    )
    assert [(t.agency, t.due) for t in extract_tasks(text, "2026-02")] == [(None, "2026-06-30")]


def test_a_lead_in_that_only_points_to_its_list_is_not_a_task_of_its_own():
    text = (
        "KẾ HOẠCH\n\n5. Để nâng cao hiệu quả quản lý, các sở, ban, ngành theo chức năng, nhiệm "
        "vụ được giao thực hiện các nội dung sau:\n\n"
        "a) Rà soát các dự án chậm tiến độ trên địa bàn.\n\n"
        "6. Sở Tài chính chủ trì xây dựng kế hoạch vốn năm 2026 với các nội dung sau:\n\n"
        "a) Cân đối nguồn vốn cho các dự án chuyển tiếp.\n"
    )
    quotes = [(t.agency, t.quote[:12]) for t in extract_tasks(text, "2026-01")]
    assert quotes == [
        ("Các sở, ban, ngành", "a) Rà soát c"),
        ("Sở Tài chính", "Sở Tài chính"),  # a lead-in that names work is one
        ("Sở Tài chính", "a) Cân đối n"),
    ]


def test_a_paragraph_that_says_what_to_do_when_is_not_a_task_of_the_heading():
    text = (
        "QUY CHẾ\n\n2. Sở Xây dựng\n\n- Thẩm định sự phù hợp của dự án với quy hoạch đô thị.\n\n"
        "Khi thẩm định sự phù hợp với quy hoạch đô thị, nội dung thẩm định phải nêu rõ quy "
        "hoạch phân khu được áp dụng.\n"
    )
    assert [t.quote[:12] for t in extract_tasks(text, "2026-01")] == ["- Thẩm định "]


def test_a_clause_that_says_who_decides_is_a_power_not_a_task():
    text = (
        "QUYẾT ĐỊNH\n\nĐiều 3. Thẩm quyền thu hồi tài sản\n\n"
        "1. Ủy ban nhân dân cấp xã quyết định thu hồi tài sản công của đơn vị thuộc phạm vi quản "
        "lý (nguồn chi thường xuyên).\n\nĐiều 4. Tổ chức thực hiện\n\n"
        "1. Các Sở, ban, ngành, đơn vị thuộc Ủy ban nhân dân tỉnh và Ủy ban nhân dân các xã, "
        "phường có trách nhiệm tổ chức thực hiện quản lý tài sản công theo quy định.\n"
    )
    tasks = [(t.agency, t.recurring) for t in extract_tasks(text, "2025-11")]
    assert tasks == [("Các sở, ban, ngành", False), ("UBND các xã, phường", False)]


def test_the_steps_of_an_administrative_procedure_are_not_tasks():
    text = (
        "QUYẾT ĐỊNH\n\n1. Thủ tục công bố sự cố môi trường\n\n1.1. Trình tự thực hiện:\n\n"
        "Ủy ban nhân dân cấp xã công bố sự cố môi trường sau khi xác minh.\n\n"
        "1.6. Cơ quan giải quyết TTHC:\n\n- Cơ quan trực tiếp thực hiện: Ủy ban nhân dân cấp xã.\n"
    )
    assert extract_tasks(text, "2025-11") == []


def test_an_agency_that_is_named_as_something_and_then_charged_has_a_task():
    text = "QUY CHẾ\n\nSở Tư pháp là cơ quan đầu mối, có trách nhiệm hướng dẫn thực hiện Quy chế.\n"
    assert [t.agency for t in extract_tasks(text, "2025-11")] == ["Sở Tư pháp"]


def test_whoever_a_condition_names_is_not_the_subject():
    text = (
        "QUY CHẾ\n\nĐiều 4. Trả kết quả\n\n3. Trường hợp hồ sơ nộp tại Trung tâm Phục vụ hành "
        "chính công thì Sở Tư pháp thực hiện trả kết quả cho người nộp.\n"
    )
    assert [t.agency for t in extract_tasks(text, "2025-11")] == ["Sở Tư pháp"]


def test_the_closing_article_in_other_words_assigns_nothing():
    text = (
        "QUYẾT ĐỊNH\n\nĐiều 3. Tổ chức thực hiện\n\nChánh Văn phòng Ủy ban nhân dân tỉnh, Giám "
        "đốc Sở Tư pháp và các tổ chức, cá nhân có liên quan căn cứ Quyết định thi hành./.\n"
    )
    assert extract_tasks(text, "2025-11") == []


def test_a_proposal_addressed_up_and_a_form_to_fill_in_assign_nothing():
    text = (
        "NGHỊ QUYẾT\n\nĐiều 6. Quy trình\n\nb) Các cơ quan ngoại giao xét, có văn bản đề nghị Ủy "
        "ban nhân dân tỉnh xét tặng danh hiệu.\n\nPhụ lục I\n\nMẫu số 01: Dùng cho các sở\n\n"
        "Kính gửi: Ủy ban nhân dân tỉnh (qua Sở Nội vụ)\n\n"
        "(Tên cơ quan) đề nghị Sở Nội vụ thẩm định hồ sơ đề nghị xét tặng.\n"
    )
    assert extract_tasks(text, "2025-11") == []


def test_a_closing_article_whose_names_run_over_several_lines_assigns_nothing():
    text = (
        "QUYẾT ĐỊNH\n\nĐiều 2. Giao Sở Tư pháp công bố thủ tục trong thời hạn 05 ngày làm việc.\n\n"
        "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tư pháp;\n\n"
        "Giám đốc: Trung tâm Phục vụ hành chính công, Trung tâm Công báo;\n\n"
        "Chủ tịch UBND các xã chịu trách nhiệm thi hành Quyết định này./.\n"
    )
    assert [t.agency for t in extract_tasks(text, "2025-11")] == ["Sở Tư pháp"]


def test_the_items_after_the_chairmans_request_are_tasks_of_those_asked():
    text = (
        "CHỈ THỊ\n\nChủ tịch UBND tỉnh yêu cầu Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh, "
        "Chủ tịch UBND các huyện, thành phố thực hiện tốt các nhiệm vụ sau:\n\n"
        "1. Tăng cường công tác phòng cháy, chữa cháy trong mùa khô.\n"
    )
    agencies = [t.agency for t in extract_tasks(text, "2026-03")]
    assert agencies == ["Các sở, ban, ngành", "UBND các huyện, thành phố"]


def test_whom_a_task_reports_to_is_no_co_agency():
    text = (
        "THÔNG BÁO\n\nSở Nội vụ phối hợp rà soát biên chế, báo cáo UBND tỉnh trước ngày "
        "15/5/2026.\n\nSở Tài chính phối hợp với Sở Nội vụ và các cơ quan liên quan thẩm định.\n"
    )
    first, second = extract_tasks(text, "2026-03")
    assert first.co_agencies == [] and first.due == "2026-05-15"
    assert second.co_agencies[0] == "Sở Nội vụ"


def test_the_powers_listed_under_an_agency_are_not_its_tasks():
    text = (
        "QUYẾT ĐỊNH\n\nĐiều 2. Sở Giáo dục và Đào tạo\n\n"
        "1. Quyết định việc nâng bậc lương trước thời hạn đối với viên chức.\n\n"
        "2. Định kỳ báo cáo Chủ tịch UBND tỉnh tình hình thực hiện phân cấp.\n"
    )
    assert [t.quote[:12] for t in extract_tasks(text, "2025-11")] == ["2. Định kỳ b"]


def test_each_giao_clause_of_one_item_is_a_task_with_its_own_deadline():
    text = (
        "THÔNG BÁO\n\n1. Giao Sở Xây dựng hoàn thiện hồ sơ thiết kế trước ngày 20/4/2026; giao Sở "
        "Tài chính thẩm định dự toán trong tháng 5/2026.\n\n2. UBND huyện Bình Sơn chủ trì, phối "
        "hợp với Trung tâm Phát triển quỹ đất tỉnh đẩy nhanh công tác bồi thường.\n"
    )
    tasks = [(t.agency, t.due, t.co_agencies) for t in extract_tasks(text, "2026-04-05")]
    assert tasks == [
        ("Sở Xây dựng", "2026-04-20", []),
        ("Sở Tài chính", "2026-05-31", []),
        ("UBND huyện Bình Sơn", None, ["Trung tâm Phát triển quỹ đất tỉnh"]),
    ]


def test_an_agency_that_is_given_the_lead_has_a_task_one_that_was_given_it_has_none():
    text = (
        "THÔNG BÁO\n\n1. Sở Giao thông vận tải được giao chủ trì lập dự án cải tạo Quốc lộ 1B, "
        "hoàn thành trong năm 2022.\n\n2. Sở Y tế đã được giao chủ trì thực hiện đề án nhưng "
        "chưa hoàn thành.\n\n3. Sở Tài chính được giao dự toán 5 tỷ đồng.\n"
    )
    tasks = [(t.agency, t.due) for t in extract_tasks(text, "2022-03-22")]
    assert tasks == [("Sở Giao thông vận tải", "2022-12-31")]


def test_clauses_without_an_opening_cue_each_keep_their_subject():
    text = (
        "NGHỊ QUYẾT\n\n5. Định kỳ (trước ngày 31 tháng 10 hằng năm), Ủy ban nhân dân cấp xã có "
        "trách nhiệm báo cáo kết quả thực hiện các dự án; Sở Tài chính có trách nhiệm giám sát, "
        "theo dõi tiến độ các dự án.\n"
    )
    assert [t.agency for t in extract_tasks(text, "2025-11-27")] == [
        "UBND các xã, phường",
        "Sở Tài chính",
    ]


def test_a_later_sentence_with_work_and_a_deadline_of_its_own_is_a_second_task():
    text = (
        "THÔNG BÁO\n\nGiao Sở TN&MT hoàn thành bản đồ số trước ngày 31/3/2026. Khẩn trương hoàn "
        "thiện cơ sở dữ liệu đất đai trước ngày 30/6/2026.\n\n"
        "1. Sở Y tế rà soát hồ sơ trước ngày 15/4/2026. Hoàn thành trước ngày 20/4/2026.\n"
    )
    tasks = [(t.agency, t.due, t.quote[:10]) for t in extract_tasks(text, "2026-03")]
    assert tasks == [
        ("Sở Tài nguyên và Môi trường", "2026-03-31", "Giao Sở TN"),
        ("Sở Tài nguyên và Môi trường", "2026-06-30", "Khẩn trươn"),
        ("Sở Y tế", "2026-04-15", "1. Sở Y tế"),  # a sentence that only dates the work
    ]


def test_a_sentence_that_only_dates_the_work_before_it_dates_that_agencys_task():
    text = "THÔNG BÁO\n\nGiao Sở Y tế rà soát hồ sơ. Thời gian hoàn thành trước ngày 20/4/2026.\n"
    tasks = [(t.agency, t.due) for t in extract_tasks(text, "2026-03")]
    assert tasks == [("Sở Y tế", "2026-04-20")]
