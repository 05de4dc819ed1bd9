"""Answers over a law's outline (Điều, khoản, điểm): the case a question describes, every case of a
list, a whole article, a definition, a bound across an article, an article named by number or by
title. The law below is written for these tests (hash embedder, real Chroma)."""

from __future__ import annotations

import pytest

from answering.service import AnswerService
from tests.conftest import service_over

LAW = "\n".join(
    [
        "LUẬT THỬ NGHIỆM VỀ QUẢN LÝ ĐÊ ĐIỀU",
        "",
        "Điều 1. Phạm vi điều chỉnh",
        "Luật này quy định việc quản lý, bảo vệ đê điều và xử lý vi phạm về đê điều.",
        "",
        "Điều 2. Giải thích từ ngữ",
        (
            "1. Đê điều là hệ thống công trình gồm đê, kè bảo vệ đê, cống qua đê và công "
            "trình phụ trợ. Đê điều do Nhà nước thống nhất quản lý."
        ),
        "",
        "2. Hành lang bảo vệ đê là phần đất dọc theo tuyến đê được xác định để bảo vệ đê.",
        "",
        "Điều 3. Tội phá hoại đê điều",
        (
            "1. Người nào phá hoại đê điều mà không thuộc trường hợp quy định tại Điều 4 của "
            "Luật này, thì bị phạt tù từ 01 năm đến 05 năm."
        ),
        "",
        "2. Phạm tội thuộc một trong các trường hợp sau đây, thì bị phạt tù từ 05 năm đến 10 năm:",
        "",
        "a) Có tổ chức;",
        "",
        "b) Gây vỡ đê làm ngập úng khu dân cư;",
        "",
        "c) Tái phạm nguy hiểm.",
        "",
        (
            "3. Phạm tội gây thiệt hại về tài sản 5.000.000.000 đồng trở lên, thì bị phạt tù "
            "từ 12 năm đến 20 năm."
        ),
        "",
        "4. Người phạm tội còn có thể bị phạt tiền từ 20.000.000 đồng đến 100.000.000 đồng.",
        "",
        "Điều 4. Trường hợp được miễn trách nhiệm",
        "Người gây hư hại đê điều được miễn trách nhiệm trong các trường hợp sau đây:",
        "",
        "a) Thực hiện lệnh khẩn cấp của cơ quan có thẩm quyền khi có lũ lớn;",
        "",
        "b) Do thiên tai bất khả kháng;",
        "",
        "c) Cứu người trong tình thế cấp thiết.",
        "",
        "Điều 5. Trách nhiệm của Bộ Nông nghiệp và Môi trường",
        "1. Chỉ đạo việc kiểm tra đê điều trước mùa lũ hằng năm.",
        "",
        "2. Tổng hợp báo cáo hiện trạng đê điều gửi Chính phủ trước ngày 15 tháng 5 hằng năm.",
        "",
        "Điều 6. Quỹ phòng chống thiên tai",
        "1. Quỹ phòng chống thiên tai được lập ở cấp tỉnh.",
        "",
        "2. Mức đóng góp của người lao động là một ngày lương mỗi năm.",
        "",
        "Điều 7. Tội làm giả hồ sơ đê điều",
        (
            "1. Người nào làm giả, sửa chữa, tẩy xóa hồ sơ, tài liệu quản lý đê điều nhằm che"
            " giấu sai phạm trong thi công, duy tu, bảo dưỡng đê đã bị xử phạt vi phạm hành"
            " chính về hành vi này hoặc đã bị kết án về tội này, chưa được xóa án tích mà còn"
            " vi phạm, thì bị"
            " phạt tiền từ 10.000.000 đồng đến 50.000.000 đồng, phạt cải tạo không giam giữ đến"
            " 02 năm hoặc phạt tù từ 03 tháng đến 02 năm."
        ),
        "",
        (
            "2. Người nào có một trong các hành vi sau đây nhằm chiếm đất hành lang bảo vệ đê,"
            " thì bị phạt tù từ 12 năm đến 20 năm, tù chung thân hoặc tử hình:"
        ),
        "",
        "a) Phá dỡ kè bảo vệ đê để lấy đất xây dựng trái phép;",
        "",
        "b) Tổ chức san lấp cống qua đê.",
        "",
        "Điều 8. Hiệu lực thi hành",
        "1. Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026.",
        "",
        "2. Các văn bản sau hết hiệu lực thi hành kể từ ngày Luật này có hiệu lực thi hành:",
        "",
        (
            "a) Quyết định số 12/2019/QĐ-UBND ngày 05 tháng 3 năm 2019 của Ủy ban nhân dân tỉnh"
            " về quản lý đê điều và hành lang bảo vệ đê trên địa bàn tỉnh;"
        ),
        "",
        (
            "b) Quyết định số 30/2020/QĐ-UBND ngày 10 tháng 8 năm 2020 của Ủy ban nhân dân tỉnh"
            " về quản lý đê điều, hành lang bảo vệ đê và quỹ phòng chống thiên tai."
        ),
        "",
        "Điều 10. Hỗ trợ lực lượng tuần tra canh đê",
        (
            "1. Mức hỗ trợ hằng tháng đối với thành viên lực lượng tuần tra canh đê là"
            " 1.500.000 đồng/người."
        ),
        "",
        (
            "2. Trường hợp thành viên lực lượng tuần tra canh đê đồng thời thuộc đối tượng"
            " hưởng hỗ trợ theo Quyết định số 12/2019/QĐ-UBND ngày 05 tháng 3 năm 2019 của"
            " Ủy ban nhân dân tỉnh về quản lý đê điều và hành lang bảo vệ đê thì chỉ được"
            " hưởng 01 mức hỗ trợ cao nhất."
        ),
        "",
        "3. Kinh phí hỗ trợ lực lượng tuần tra canh đê không được dùng vào mục đích khác.",
        "",
        "Điều 9. Tổ chức thực hiện",
        "1. Sở Nông nghiệp và Môi trường:",
        "",
        (
            "a) Chủ trì, phối hợp với các đơn vị liên quan xây dựng quy chế phối hợp tuần tra"
            " canh đê, trình Ủy ban nhân dân tỉnh ban hành trong năm 2026."
        ),
        "",
        "Điều 11. Mục đích của việc tuần tra canh đê",
        "1. Phát hiện sớm sự cố sạt lở, thẩm lậu để xử lý kịp thời.",
        "",
        "2. Bảo đảm an toàn cho khu dân cư ven đê.",
        "",
    ]
)


@pytest.fixture(scope="module")
def law_service(tmp_path_factory):
    return service_over(tmp_path_factory, "luat-thu-nghiem.txt", LAW)


def _ask(service: AnswerService, question: str):
    answer = service.ask(question)
    assert answer.found, question
    return answer


def test_an_aggravating_case_gets_the_frame_of_its_khoan(law_service):
    a = _ask(
        law_service,
        "Người phá hoại đê điều gây vỡ đê làm ngập úng khu dân cư bị phạt tù bao nhiêu năm?",
    )
    assert "05 năm đến 10 năm" in a.answer and "Điều 3" in a.citations[0].section


def test_the_base_case_gets_the_first_khoan(law_service):
    a = _ask(
        law_service, "Người phá hoại đê điều thì bị phạt tù từ bao nhiêu năm đến bao nhiêu năm?"
    )
    assert "01 năm đến 05 năm" in a.answer


def test_the_supplementary_fine_is_the_asked_slot(law_service):
    a = _ask(law_service, "Người phạm tội phá hoại đê điều còn có thể bị phạt tiền từ bao nhiêu?")
    assert "20.000.000 đồng" in a.answer


def test_every_case_of_a_list_is_quoted(law_service):
    a = _ask(law_service, "Người gây hư hại đê điều được miễn trách nhiệm trong trường hợp nào?")
    for item in ("lệnh khẩn cấp", "thiên tai bất khả kháng", "Cứu người"):
        assert item in a.answer


def test_a_whole_article_for_what_the_law_lays_down(law_service):
    a = _ask(law_service, "Luật quy định thế nào về quỹ phòng chống thiên tai?")
    assert "được lập ở cấp tỉnh" in a.answer and "một ngày lương" in a.answer


def test_a_definition_is_quoted_with_its_paragraph(law_service):
    a = _ask(law_service, "Đê điều là gì?")
    assert a.answer.startswith("1. Đê điều là hệ thống công trình")
    assert "Nhà nước thống nhất quản lý" in a.answer  # the rest of the paragraph


def test_the_bound_across_an_article(law_service):
    a = _ask(law_service, "Phá hoại đê điều có thể bị phạt tù tối đa bao nhiêu năm?")
    assert "20 năm" in a.answer


def test_an_agency_named_in_the_article_title(law_service):
    a = _ask(law_service, "Bộ nào chỉ đạo việc kiểm tra đê điều trước mùa lũ?")
    assert "Bộ Nông nghiệp và Môi trường" in a.answer


def test_an_article_named_by_number(law_service):
    a = _ask(law_service, "Theo Điều 6, mức đóng góp của người lao động là bao nhiêu?")
    assert "một ngày lương" in a.answer and "Điều 6" in a.citations[0].section


def test_the_figure_the_question_states_is_not_the_answer(law_service):
    a = _ask(
        law_service,
        "Phạm tội phá hoại đê điều gây thiệt hại 5.000.000.000 đồng trở lên thì bị phạt tù"
        " bao lâu?",
    )
    assert "12 năm đến 20 năm" in a.answer


def test_a_question_about_another_law_is_not_answered(law_service):
    a = law_service.ask("Theo Luật Đất đai, thời hạn giao đất nông nghiệp là bao nhiêu năm?")
    assert not a.found


def test_a_penalty_question_gets_the_penalty_not_its_own_condition(law_service):
    a = _ask(
        law_service,
        "Người làm giả hồ sơ quản lý đê điều đã bị xử phạt vi phạm hành chính về hành vi này"
        " mà còn vi phạm thì bị phạt như thế nào?",
    )
    assert "phạt tiền từ 10.000.000 đồng đến 50.000.000 đồng" in a.answer
    assert "phạt tù từ 03 tháng đến 02 năm" in a.answer


def test_the_penalty_of_a_case_sits_in_its_list_lead_in(law_service):
    a = _ask(
        law_service,
        "Phá dỡ kè bảo vệ đê để lấy đất xây dựng trái phép có hình phạt cao nhất là gì?",
    )
    assert "tử hình" in a.answer and "Phá dỡ kè" in a.answer


def test_the_effective_date_is_not_the_date_of_a_repealed_text(law_service):
    a = _ask(law_service, "Luật thử nghiệm về quản lý đê điều có hiệu lực thi hành từ ngày nào?")
    assert "01 tháng 7 năm 2026" in a.answer


def test_the_agency_that_acts_heads_the_list_even_when_the_item_names_another(law_service):
    a = _ask(law_service, "Cơ quan nào chủ trì xây dựng quy chế phối hợp tuần tra canh đê?")
    assert "Sở Nông nghiệp và Môi trường" in a.answer


def test_only_one_answers_no_to_both(law_service):
    a = _ask(
        law_service,
        "Thành viên lực lượng tuần tra canh đê đồng thời thuộc đối tượng của Quyết định số"
        " 12/2019/QĐ-UBND có được hưởng cả hai mức hỗ trợ không?",
    )
    assert a.answer.startswith("Không")


def test_a_list_item_that_adds_to_the_offence_beats_the_paragraph_the_question_repeats(
    law_service,
):
    a = _ask(
        law_service,
        "Người nào phá hoại đê điều mà không thuộc trường hợp quy định tại Điều 4 của Luật này"
        " nhưng gây vỡ đê làm ngập úng khu dân cư thì bị phạt tù bao nhiêu năm?",
    )
    assert "05 năm đến 10 năm" in a.answer


def test_an_article_titled_with_the_question_answers_it_without_repeating_its_title(
    law_service,
):
    a = _ask(law_service, "Mục đích của việc tuần tra canh đê là gì?")
    assert "Điều 11. Mục đích" in a.citations[0].section, a.answer
