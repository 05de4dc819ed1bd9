"""Near misses are refused: a notice that holds a figure close to the one asked (a share of
something else, a count where an amount is asked) does not answer the question. The notice is
written for these tests (hash embedder, real Chroma)."""

from __future__ import annotations

import pytest

from tests.conftest import service_over

NOTICE = "\n".join(
    [
        "ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM",
        "Số: 77/TB-UBND",
        "THÔNG BÁO",
        "Kết luận kiểm tra công tác cải cách hành chính tại huyện Bình Gia",
        "",
        "1. Kết quả thực hiện",
        (
            "Năm 2025, huyện Bình Gia tiếp nhận 4.120 hồ sơ thủ tục hành chính; tỷ lệ hồ sơ trễ"
            " hạn là 3,5%, giảm so với năm 2024."
        ),
        "Mỗi tập thể chỉ được tặng Cờ thi đua của Ủy ban nhân dân tỉnh một lần trong năm.",
        "",
        "2. Kiến nghị",
        "Đề nghị Sở Nội vụ hướng dẫn huyện Bình Gia rà soát quy trình nội bộ trước ngày 30/6/2026.",
        "",
    ]
)


@pytest.fixture(scope="module")
def notice_service(tmp_path_factory):
    return service_over(tmp_path_factory, "thong-bao-binh-gia.md", NOTICE)


def test_a_share_of_something_else_is_no_answer(notice_service):
    asked = notice_service.ask("Tỷ lệ hồ sơ trễ hạn của huyện Bình Gia năm 2025 là bao nhiêu?")
    assert asked.found and "3,5%" in asked.answer
    other = notice_service.ask("Tỷ lệ hộ nghèo của huyện Bình Gia năm 2025 là bao nhiêu?")
    assert not other.found


def test_a_count_is_no_amount_of_money(notice_service):
    times = notice_service.ask("Mỗi tập thể được tặng Cờ thi đua bao nhiêu lần trong năm?")
    assert times.found and "một lần" in times.answer
    answer = notice_service.ask(
        "Tập thể được tặng Cờ thi đua của Ủy ban nhân dân tỉnh được nhận kèm theo mức tiền"
        " thưởng bao nhiêu?"
    )
    assert not answer.found
