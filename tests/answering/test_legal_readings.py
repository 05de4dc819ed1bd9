"""Readings of a legal text that a yes/no or a fact question depends on: the lead-in a khoản
answers under, the case a clause excepts, a closing "không" followed by the case asked, an age
written in words, the kind of penalty asked, and a compound whose prefix turns it into its
opposite. The law below is written for these tests (hash embedder, real Chroma)."""

from __future__ import annotations

import pytest

from answering.conditions import opposite_only, unasked_case
from answering.question import analyse
from answering.yes_no import asks_exception, verdict, yes_no_frame
from tests.conftest import service_over
from vntext.quantities import numbers

LAW = "\n".join(
    [
        "LUẬT THỬ NGHIỆM VỀ BẾN ĐÒ",
        "",
        "Điều 1. Người làm chứng cho việc giao đò",
        "Mọi người đều có thể làm chứng cho việc giao đò, trừ những người sau đây:",
        "",
        "1. Người nhận đò theo hợp đồng giao đò.",
        "",
        "2. Người chưa đủ mười lăm tuổi.",
        "",
        "Điều 2. Không áp dụng thời hạn khiếu nại về bến đò",
        "Không áp dụng thời hạn khiếu nại quy định tại Điều 5 đối với các việc sau đây:",
        "",
        "1. Các việc làm chìm đò gây chết người;",
        "",
        "2. Các việc chiếm đoạt bến đò của Nhà nước.",
        "",
        "Điều 3. Năng lực lái đò",
        "1. Người từ đủ mười tám tuổi trở lên được tự lái đò chở khách.",
        "",
        (
            "2. Người lái đò say rượu làm lật đò, trừ trường hợp khách tự ý nhảy khỏi đò khi"
            " đò đang chạy, thì bị phạt tù từ 01 năm đến 03 năm."
        ),
        "",
        "Điều 4. Tội làm hỏng bến đò",
        (
            "1. Người nào làm hỏng bến đò, thì bị phạt cảnh cáo, phạt tiền từ 10.000.000 đồng"
            " đến 30.000.000 đồng hoặc phạt cải tạo không giam giữ đến 02 năm."
        ),
        "",
        ("2. Phạm tội làm hỏng bến đò của Nhà nước, thì bị phạt tù từ 03 tháng đến 02 năm."),
        "",
        "Điều 5. Hiệu lực của hợp đồng thuê đò",
        "1. Hợp đồng thuê đò là động sản có hiệu lực kể từ thời điểm bên thuê nhận đò.",
        "",
        (
            "2. Hợp đồng thuê bến đò là bất động sản có hiệu lực kể từ thời điểm đăng ký tại"
            " Ủy ban nhân dân cấp xã."
        ),
        "",
        "Điều 7. Thứ tự nhận đò",
        "1. Những người nhận đò được xếp theo thứ tự sau đây:",
        "a) Hàng nhận đò thứ nhất gồm: chủ đò, vợ chủ đò;",
        "b) Hàng nhận đò thứ hai gồm: anh ruột, chị ruột của chủ đò.",
        "",
        "Điều 8. Thời gian giữ đò",
        (
            "1. Người giữ đò đã giữ được một phần hai thời gian giữ đò thì được xin trả đò"
            " trước hạn."
        ),
        "",
        "2. Ủy ban nhân dân cấp xã ấn định thời gian giữ đò từ 01 năm đến 03 năm.",
        "",
        "Điều 9. Trợ cấp lái đò",
        "1. Tiền công để tính trợ cấp lái đò là tiền công bình quân của 06 tháng liền kề.",
        "",
        (
            "2. Chủ đò trả trợ cấp cho người lái đò, mỗi năm lái đò trả 01 tháng tiền công"
            " nhưng ít nhất bằng 02 tháng tiền công."
        ),
        "",
        "Điều 10. Cấm lái đò nhất định",
        "",
        (
            "Cấm lái đò nhất định được áp dụng khi xét thấy nếu để người bị kết án lái đò thì"
            " có thể gây nguy hại cho khách."
        ),
        "Thời hạn cấm là từ 01 năm đến 03 năm, kể từ ngày bản án có hiệu lực pháp luật.",
        "",
        "Điều 11. Tội chở quá số khách",
        "1. Người nào chở quá số khách, thì bị phạt tù từ 06 tháng đến 02 năm.",
        "",
        "2. Người phạm tội còn bị cấm lái đò nhất định, hạn cấm từ 02 năm đến 05 năm.",
        "",
        "Điều 12. Tội chở hàng cấm trên đò",
        "1. Người nào chở hàng cấm trên đò, thì bị phạt tù từ 01 năm đến 03 năm.",
        "",
        "2. Người phạm tội còn bị cấm lái đò nhất định, hạn cấm từ 02 năm đến 05 năm.",
        "",
        "Điều 13. Khiển trách người lái đò",
        "1. Khiển trách được áp dụng đối với người lái đò lần đầu vi phạm.",
        "",
        (
            "2. Cơ quan điều tra, Viện kiểm sát hoặc Tòa án quyết định áp dụng biện pháp"
            " khiển trách người lái đò."
        ),
        "",
        "Điều 14. Giáo dục tại bến",
        (
            "1. Cơ quan điều tra, Viện kiểm sát hoặc Tòa án có thể áp dụng biện pháp giáo dục"
            " tại bến từ 01 năm đến 02 năm đối với người lái đò trong những trường hợp sau"
            " đây:"
        ),
        "",
        "a) Người lái đò vi phạm lần thứ hai;",
        "",
        "b) Người lái đò không có giấy phép.",
        "",
        "Điều 15. Tội làm chìm đò",
        "1. Người nào làm chìm đò chở khách, thì bị phạt tù từ 01 năm đến 03 năm.",
        "",
        "2. Phạm tội thuộc một trong các trường hợp sau đây, thì bị phạt tù từ 03 năm đến 07 năm:",
        "",
        "a) Làm chết người;",
        "",
        "b) Gây thiệt hại về tài sản từ 100.000.000 đồng đến dưới 500.000.000 đồng.",
        "",
        "3. Phạm tội thuộc một trong các trường hợp sau đây, thì bị phạt tù từ 07 năm đến 15 năm:",
        "",
        "a) Làm chết 02 người trở lên;",
        "",
        "b) Gây thiệt hại về tài sản 500.000.000 đồng trở lên.",
        "",
        "Điều 6. Tội nghe lén trên tàu",
        (
            "1. Người nào thực hiện một trong các hành vi sau đây trên tàu chở khách, đã bị xử"
            " phạt vi phạm hành chính về hành vi này mà còn vi phạm, thì bị phạt tiền từ"
            " 20.000.000 đồng đến 50.000.000 đồng hoặc phạt cải tạo không giam giữ đến 03 năm:"
        ),
        "",
        "a) Nghe lén cuộc nói chuyện của khách đi tàu;",
        "",
        "b) Ghi hình khách đi tàu trái phép.",
        "",
        "2. Phạm tội thuộc một trong các trường hợp sau đây, thì bị phạt tù từ 01 năm đến 03 năm:",
        "",
        "a) Có tổ chức;",
        "",
        "b) Nghe lén 02 lần trở lên.",
        "",
    ]
)


@pytest.fixture(scope="module")
def law(tmp_path_factory):
    return service_over(tmp_path_factory, "luat-ben-do.txt", LAW)


def test_a_khoan_answers_under_its_articles_lead_in(law):
    """The khoản is a passage of its own; the "trừ những người sau đây:" and "Không áp dụng …
    đối với:" above it say no for it."""
    a = law.ask("Người nhận đò theo hợp đồng giao đò có được làm chứng cho việc giao đò không?")
    assert a.found and a.answer.startswith("Không."), a.answer
    a = law.ask("Có áp dụng thời hạn khiếu nại đối với các việc làm chìm đò gây chết người không?")
    assert a.found and a.answer.startswith("Không."), a.answer


def test_the_case_a_clause_excepts_gets_the_opposite_answer(law):
    a = law.ask(
        "Người lái đò say rượu làm lật đò có bị phạt tù không nếu khách tự ý nhảy khỏi đò khi"
        " đò đang chạy?"
    )
    assert a.found and a.answer.startswith("Không."), a.answer
    assert not asks_exception(
        "… phải trả toàn bộ lãi, trừ trường hợp có thỏa thuận khác",
        "Có phải trả toàn bộ lãi không (trừ trường hợp có thỏa thuận khác)?",
    )


def test_a_closing_khong_may_be_followed_by_the_case_asked():
    assert yes_no_frame("Bên bảo lãnh có được hưởng thù lao không nếu các bên có thỏa thuận?")
    assert yes_no_frame("Có phải trả toàn bộ lãi không (trừ trường hợp có thỏa thuận khác)?")
    # a question word makes it an open question
    assert not yes_no_frame("Trường hợp nào không phải bồi thường khi có thỏa thuận?")
    assert verdict("co", "Người nhận đò.", lead="Mọi người đều có thể, trừ những người sau đây:")


def test_an_age_written_in_words_is_a_figure(law):
    assert numbers("người từ đủ mười tám tuổi trở lên") == ["mười tám tuổi"]
    assert numbers("hơn một nửa tổng số thành viên") == ["một nửa"]
    a = law.ask("Người từ đủ bao nhiêu tuổi trở lên được tự lái đò chở khách?")
    assert a.found and "mười tám tuổi" in a.answer, a.answer


def test_the_kind_of_penalty_asked_picks_the_khoan(law):
    assert analyse("Làm hỏng bến đò có thể bị phạt tiền ở mức nào?").anchor == "phat tien"
    a = law.ask("Người làm hỏng bến đò bị phạt tiền ở mức nào?")
    assert a.found and "từ 10.000.000 đồng đến 30.000.000 đồng" in a.answer, a.answer


def test_an_item_answers_under_a_lead_in_whose_heading_was_cut_short():
    """In a long law each điểm is a passage of its own, under a khoản heading cut at about
    fifty characters; the penalty is in the khoản's lead-in, which is joined in full."""
    from answering.candidates import candidates
    from core.document import Chunk
    from index.hybrid import Hit

    lead = (
        "1. Người nào thực hiện một trong các hành vi sau đây trên tàu chở khách, đã bị xử"
        " phạt vi phạm hành chính về hành vi này mà còn vi phạm, thì bị phạt tiền từ"
        " 20.000.000 đồng đến 50.000.000 đồng:"
    )
    item = "a) Nghe lén cuộc nói chuyện của khách đi tàu;"
    headings = [
        "Điều 6. Tội nghe lén trên tàu",
        "Khoản 1 – Người nào thực hiện một trong các hành vi sau…",
        "Điểm a – Nghe lén cuộc nói chuyện của khách đi tàu",
    ]
    hit = Hit(Chunk("c1", "d1", 3, item, headings), 1.0, via=1)
    q = analyse("Nghe lén cuộc nói chuyện của khách đi tàu bị phạt tiền ở mức nào?")
    joined = [c.text for c in candidates(hit, q, lead) if c.own == item and c.text != item]
    assert joined and "20.000.000 đồng" in joined[0] and joined[0].endswith(item)
    # a heading that was not cut short is the lead-in itself: nothing else is joined
    whole = [*headings[:1], "Khoản 1 – Các hành vi sau đây:", headings[2]]
    hit = Hit(Chunk("c1", "d1", 3, item, whole), 1.0, via=1)
    assert not any("20.000.000" in c.text for c in candidates(hit, q, lead))


def test_an_ordinal_answers_which_rank(law):
    a = law.ask("Anh ruột của chủ đò thuộc hàng nhận đò thứ mấy?")
    assert a.found and "thứ hai" in a.answer, a.answer


def test_how_long_is_answered_by_a_duration_not_a_share(law):
    a = law.ask("Thời gian giữ đò kéo dài bao lâu?")
    assert a.found and "từ 01 năm đến 03 năm" in a.answer, a.answer
    from answering.detectors import has_kind

    q = analyse("Phải khôi phục liên lạc trong thời hạn bao lâu?")
    assert has_kind("khôi phục liên lạc trong thời hạn 06 (sáu) giờ", q)
    assert not has_kind("đã giữ được một phần hai thời gian", q)


def test_the_bound_asked_picks_the_figure_that_states_it(law):
    a = law.ask("Trợ cấp lái đò ít nhất bằng bao nhiêu tháng tiền công?")
    assert a.found and "02 tháng tiền công" in a.answer, a.answer


def test_an_article_whose_title_is_asked_speaks_of_it_without_repeating_it(law):
    """Every offence "còn bị cấm lái đò nhất định"; how long the penalty itself lasts is in the
    article named by it, where the sentence says only "Thời hạn cấm": its clause matches the
    question through the title, for a figure asked as for any other question."""
    _q, evidence = law.evidence("Thời hạn của hình phạt cấm lái đò nhất định là bao lâu?")
    assert evidence[0].sentence.startswith("Thời hạn cấm là từ 01 năm đến 03 năm")
    focus = {ev.sentence[:20]: ev.features["focus"] for ev in evidence}
    assert focus["Thời hạn cấm là từ 0"] >= focus["2. Người phạm tội cò"]


def test_an_item_is_read_under_its_own_articles_lead_in(law):
    """Điều 13's khoản 2 opens with the words of Điều 14's lead-in; it is no item of it, and
    the citation names the article that holds the answer."""
    a = law.ask("Biện pháp giáo dục tại bến áp dụng đối với người lái đò trong thời hạn bao lâu?")
    assert a.found and "từ 01 năm đến 02 năm" in a.answer, a.answer
    assert "Điều 14" in a.citations[0].section, a.citations[0].section


def test_a_case_bounded_by_a_figure_not_asked_is_another_case(law):
    a = law.ask("Làm chìm đò chở khách mà làm chết người thì bị phạt tù bao lâu?")
    assert a.found and "từ 03 năm đến 07 năm" in a.answer, a.answer
    q = "Làm chìm đò mà làm chết người thì bị phạt tù bao lâu?"
    lead = "3. Phạm tội … thì bị phạt tù từ 07 năm đến 15 năm: … "
    item = "a) Làm chết 02 người trở lên;"
    assert unasked_case(q, "phat tu", lead + item, item) == -0.5
    assert unasked_case(q, "phat tu", lead + "a) Làm chết người;", "a) Làm chết người;") == 0
    # the question states a figure: the conditions term compares it instead
    asked = "Làm chết 02 người trở lên thì bị phạt tù bao lâu?"
    assert unasked_case(asked, "phat tu", lead + item, item) == 0


def test_a_prefix_that_turns_a_compound_into_its_opposite():
    q = "Hợp đồng thuê động sản có hiệu lực kể từ thời điểm nào?"
    assert opposite_only(q, "Hợp đồng thuê bất động sản có hiệu lực từ khi đăng ký.") == -1.0
    assert opposite_only(q, "Hợp đồng thuê động sản có hiệu lực từ khi nhận.") == 0.0
    both = "03 tháng đối với bất động sản, 01 tháng đối với động sản"
    assert opposite_only(q, both) == 0.0
    assert opposite_only("Thuê bất động sản thì sao?", "thuê động sản thì hiệu lực") == -1.0
