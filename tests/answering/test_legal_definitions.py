"""A term asked to be defined is answered from the law's glossary article ("Giải thích từ
ngữ"), not from a list of cases that happens to say "X là …". The law below is written for
these tests (hash embedder, real Chroma)."""

from __future__ import annotations

import pytest

from tests.conftest import service_over

LAW = "\n".join(
    [
        "LUẬT THỬ NGHIỆM VỀ THUÊ KHO BÃI",
        "",
        "Điều 1. Phạm vi điều chỉnh",
        "Luật này quy định việc thuê kho bãi để cất giữ hàng hóa.",
        "",
        "Điều 2. Giải thích từ ngữ",
        "Trong Luật này, các từ ngữ dưới đây được hiểu như sau:",
        "",
        "1. Người thuê kho là tổ chức, cá nhân thuê kho bãi để cất giữ hàng hóa theo hợp đồng.",
        "",
        "2. Chủ kho là tổ chức, cá nhân sở hữu kho bãi cho thuê.",
        "",
        "Điều 3. Các trường hợp chấm dứt hợp đồng thuê kho",
        "Hợp đồng thuê kho chấm dứt trong trường hợp sau đây:",
        "",
        "1. Hết hạn hợp đồng thuê kho.",
        "",
        "2. Người thuê kho là cá nhân chết; bị Tòa án tuyên bố mất tích hoặc đã chết.",
        "",
        "3. Kho bị phá hủy do thiên tai.",
        "",
    ]
)


@pytest.fixture(scope="module")
def glossary_service(tmp_path_factory):
    return service_over(tmp_path_factory, "luat-thue-kho.txt", LAW)


def test_a_term_is_defined_by_the_glossary_not_by_a_case(glossary_service):
    for question in ("Định nghĩa của người thuê kho?", "Người thuê kho là gì?"):
        a = glossary_service.ask(question)
        assert a.found and "Giải thích từ ngữ" in a.citations[0].section, (question, a.answer)
        assert "thuê kho bãi để cất giữ hàng hóa" in a.answer
