"""Deadlines as notices write them → ISO dates; recurring and impossible ones keep their words."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.deadlines import find_deadline, parse_due


@pytest.mark.parametrize(
    ("sentence", "due", "words"),
    [
        (
            "Sở Xây dựng hoàn thiện, trình UBND tỉnh trước ngày 05/4/2022 để ban hành.",
            date(2022, 4, 5),
            "trước ngày 05/4/2022",
        ),
        (
            "Giao Sở X hoàn thiện dự thảo, trình UBND tỉnh trong tháng 3/2022.",
            date(2022, 3, 31),
            "trong tháng 3/2022",
        ),
        (
            "Hoàn thành trong quý II năm 2022.",
            date(2022, 6, 30),
            "Hoàn thành trong quý II năm 2022",
        ),
        ("phấn đấu đến hết năm 2024 đưa xã đạt chuẩn", date(2024, 12, 31), "đến hết năm 2024"),
        ("báo cáo UBND tỉnh chậm nhất ngày 15 tháng 12 năm 2025", date(2025, 12, 15), None),
        ("khởi công trước 30/6", date(2024, 6, 30), "trước 30/6"),  # the notice's year
    ],
)
def test_a_deadline_in_a_sentence_resolves_to_a_date(sentence, due, words):
    deadline = find_deadline(sentence, year=2024)
    assert deadline is not None and deadline.due == due and not deadline.recurring
    if words:
        assert deadline.text == words
    assert sentence[deadline.start : deadline.end].strip(" ,;:") == deadline.text


def test_dates_that_are_references_are_not_deadlines():
    assert (
        find_deadline("Thực hiện Nghị quyết số 66/NQ-CP ngày 26/3/2025 của Chính phủ", 2025) is None
    )
    assert find_deadline("Xã Tam Gia đạt 10/19 tiêu chí nông thôn mới", 2022) is None


def test_recurring_deadlines_are_kept_as_recurring_without_a_date():
    d = find_deadline("tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 25/12 hàng năm.", 2025)
    assert d is not None and d.recurring and d.due is None and "25/12 hàng năm" in d.text
    d = find_deadline("định kỳ trước ngày 30 tháng 11 hàng năm báo cáo kết quả", 2025)
    assert d is not None and d.recurring and d.due is None
    for cell in ("Thường xuyên", "Hằng năm.", "Định kỳ hằng quý"):
        d = parse_due(cell, 2025)
        assert d is not None and d.recurring and d.due is None


def test_an_impossible_date_keeps_its_words_and_no_date():
    d = find_deadline("hoàn thành trước ngày 31/02/2024", 2024)
    assert d is not None and d.due is None and d.text == "trước ngày 31/02/2024"
    d = parse_due("31/02/2024")
    assert d is not None and d.due is None and d.text == "31/02/2024"


@pytest.mark.parametrize(
    ("cell", "due"),
    [
        ("Quý IV/2025", date(2025, 12, 31)),
        ("Quí IV-2025", date(2025, 12, 31)),
        ("Quý III Năm 2026", date(2026, 9, 30)),
        ("Quý IV/2025- Quý II/2026", date(2026, 6, 30)),  # a range ends at its end
        ("Quý II, III/2026", date(2026, 9, 30)),  # a list of quarters: the last one
        ("quý II và quý III năm 2026", date(2026, 9, 30)),
        ("Năm 2025 - 2026", date(2026, 12, 31)),
        ("Tháng 12/2025", date(2025, 12, 31)),
        ("6 tháng đầu năm 2025", date(2025, 6, 30)),
        ("Trước ngày 31/3/2026", date(2026, 3, 31)),
        ("Tháng 2", date(2024, 2, 29)),  # no year: the notice's year
        ("Khi có phát sinh", None),
        ("Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê", None),  # the start is no deadline
    ],
)
def test_deadline_cells(cell, due):
    d = parse_due(cell, 2024)
    assert d is not None and d.due == due and d.text == cell
    assert parse_due("  ") is None


def test_a_day_and_month_at_a_sentences_end_take_the_notices_year():
    d = find_deadline("Sở Tài chính điều chỉnh kế hoạch vốn; hoàn thành trước 15/5.", 2026)
    assert d is not None and d.due == date(2026, 5, 15) and d.text == "hoàn thành trước 15/5"
    d = find_deadline("Sở Y tế báo cáo UBND tỉnh trước ngày 20/11. Sở Nội vụ theo dõi.", 2026)
    assert d is not None and d.due == date(2026, 11, 20)


def test_a_relative_deadline_keeps_its_words():
    d = find_deadline("Thời hạn hoàn thành không quá 05 ngày làm việc kể từ ngày ban hành.", 2025)
    assert d is not None and d.due is None and d.text.startswith("không quá 05 ngày làm việc")


def test_a_cell_that_names_only_a_year_is_due_at_its_end():
    assert parse_due("2025", 2025).iso == "2025-12-31"
    assert parse_due("Năm 2026", 2025).iso == "2026-12-31"


def test_figures_as_of_a_date_and_a_horizon_are_not_deadlines():
    assert find_deadline("Tính đến ngày 30/9/2024, huyện đã giải ngân 60%.", 2024) is None
    assert find_deadline("Quy hoạch đến năm 2030, tầm nhìn đến năm 2050.", 2024) is None
    assert find_deadline("Phấn đấu đến 31/12/2024 giải ngân đạt 100%.", 2024).iso == "2024-12-31"


def test_a_range_of_months_is_due_at_its_end():
    assert parse_due("Tháng 11-12/2025", 2025).iso == "2025-12-31"
    assert parse_due("12/2025", 2025).iso == "2025-12-31"
    assert find_deadline("hoàn thành trong tháng 10-11/2025", 2025).iso == "2025-11-30"
    assert parse_due("Nghị quyết số 12/2025/NQ-HĐND", 2025).due is None


def test_a_day_and_month_in_a_recurring_sentence_recur():
    d = find_deadline(
        "Định kỳ hằng năm, tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 15/12.", 2025
    )
    assert d.recurring and d.due is None


def test_a_time_label_inside_a_sentence_sets_its_deadline():
    d = find_deadline("Cơ quan thực hiện: Sở Nội vụ. Thời gian: tháng 12/2025.", 2025)
    assert d.iso == "2025-12-31" and d.text == "Thời gian: tháng 12/2025"
    assert find_deadline("(Thời gian thực hiện: Quý I/2026)", 2025).iso == "2026-03-31"


def test_from_a_year_on_is_recurring():
    for cell in ("Từ năm 2026 trở đi", "Năm 2026 và các năm tiếp theo"):
        d = parse_due(cell, 2025)
        assert d.recurring and d.due is None and d.text == cell


def test_the_end_of_a_span_of_time_is_its_deadline():
    d = find_deadline("Tổ chức tập huấn từ tháng 3 đến tháng 6/2026 cho cán bộ cấp xã.", 2026)
    assert d.iso == "2026-06-30" and d.text == "từ tháng 3 đến tháng 6/2026"
    d = find_deadline("Tổ chức đợt cao điểm từ ngày 01/4 đến ngày 30/4/2026.", 2026)
    assert d.iso == "2026-04-30" and d.text.startswith("từ ngày 01/4")
    assert find_deadline("Phấn đấu đến năm 2030 đạt 100% xã có nhà văn hóa.", 2026) is None
    assert find_deadline("Hoàn thành hồ sơ trong năm 2026.", 2026).iso == "2026-12-31"


def test_a_date_in_what_the_work_rests_on_is_no_deadline():
    d = find_deadline("Căn cứ kết quả rà soát trong năm 2025, Sở Y tế đề xuất danh mục.", 2025)
    assert d is None
    d = find_deadline("b) Trên cơ sở số liệu năm 2025, Sở Y tế báo cáo trước ngày 15/3/2026.", 2025)
    assert d.iso == "2026-03-15"


def test_recurrent_spending_is_no_recurring_deadline():
    assert find_deadline("Bố trí kinh phí từ nguồn chi thường xuyên của đơn vị.", 2025) is None
    assert find_deadline("Thường xuyên kiểm tra việc cập nhật dữ liệu.", 2025).recurring
