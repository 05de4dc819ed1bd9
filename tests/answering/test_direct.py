"""Direct answers over a decision written for these tests (hash embedder, real Chroma): the fact
sits in an article whose opening sentence the outline reads as its heading."""

from __future__ import annotations

import pytest

from answering.candidates import Candidate
from answering.coverage import Scorer
from answering.detectors import has_unit
from answering.direct import direct_answer
from answering.question import analyse
from answering.scoring import EvidenceFinder
from answering.segments import segments
from tests.conftest import service_over

DECISION = "\n".join(
    [
        "ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM",
        "Số: 2099/QĐ-UBND",
        "QUYẾT ĐỊNH",
        "Về việc công bố danh mục thủ tục hành chính lĩnh vực thư viện",
        "",
        "Điều 1.",
        (
            "Công bố kèm theo Quyết định này danh mục 03 thủ tục hành chính mới ban hành, danh"
            " mục 05 thủ tục hành chính được sửa đổi, bổ sung và phê duyệt 06 quy trình nội bộ"
            " giải quyết thủ tục hành chính lĩnh vực thư viện thuộc thẩm quyền của Sở Văn hóa."
        ),
        (
            "Nội dung các bộ phận cơ bản của thủ tục hành chính được công bố không nêu trong"
            " Quyết định này, thực hiện theo Quyết định số 1234/QĐ-BVHTTDL ngày 01 tháng 10 năm"
            " 2025 của Bộ trưởng Bộ Văn hóa."
        ),
        "",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
        "",
    ]
)


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return service_over(tmp_path_factory, "qd-2099.txt", DECISION)


def _direct(sentence: str, q, service) -> str:
    """The direct answer when `sentence` stands alone, scored over `service`'s index."""
    return direct_answer(sentence, sentence, q, Scorer(q, service.state()))


def test_the_count_in_an_articles_opening_sentence(service):
    a = service.ask(
        "Quyết định 2099/QĐ-UBND phê duyệt bao nhiêu quy trình nội bộ giải quyết thủ tục hành"
        " chính lĩnh vực thư viện?"
    )
    assert a.found and "06 quy trình" in a.answer


def test_a_fact_in_the_lead_in_is_answered_from_the_lead_in(service):
    opening, rest = DECISION.split("\n")[6:8]
    q = analyse("Quyết định phê duyệt bao nhiêu quy trình nội bộ giải quyết thủ tục hành chính?")
    # the outline read the opening sentence as the article's heading and joined it before `rest`
    answer = direct_answer(f"{opening} … {rest}", rest, q, Scorer(q, service.state()))
    assert "06 quy trình" in answer and "1234/QĐ-BVHTTDL" not in answer


def test_an_agency_in_a_bracketed_aside_is_not_the_answer(service):
    sentence = (
        "1. Ủy ban nhân dân tỉnh phân cấp thẩm quyền quyết định thanh lý tài sản thư viện;"
        " thẩm quyền quyết định xử lý tài sản thư viện trong trường hợp bị mất, hủy hoại thuộc"
        " phạm vi quản lý của Ủy ban nhân dân tỉnh cho Sở Văn hóa (trừ trường hợp tài sản"
        " liên quan đến 02 tỉnh trở lên quy định tại điểm a khoản 1 Điều 21 Luật Thư viện số"
        " 46/2019/QH14, Điều 26 Nghị định số 136/2025/NĐ-CP ngày 12 tháng 6 năm 2025 của Chính"
        " phủ quy định phân quyền, phân cấp trong lĩnh vực văn hóa, theo Danh mục phân giao"
        " quản lý do Bộ trưởng Bộ Văn hóa ban hành)."
    )
    q = analyse(
        "Cơ quan nào được phân cấp thẩm quyền quyết định thanh lý tài sản thư viện thuộc phạm vi"
        " quản lý của UBND tỉnh?"
    )
    answer = _direct(sentence, q, service)
    assert "Sở Văn hóa" in answer and "Bộ trưởng" not in answer and "Chính phủ" not in answer


def test_the_number_asked_beside_the_notices_own_is_another_documents(service):
    a = service.ask(
        "Quyết định 2099/QĐ-UBND công bố thủ tục lĩnh vực thư viện thực hiện theo quyết định số"
        " mấy?"
    )
    assert a.found and "1234/QĐ-BVHTTDL" in a.answer


def test_an_agency_the_sentence_names_outweighs_one_only_in_its_heading(service):
    q = analyse("Đơn vị nào trực tiếp cấp mới, thu hồi hộp thư điện tử công vụ?")
    finder, scorer = EvidenceFinder(service.state()), Scorer(q, service.state())
    own = "Thực hiện cấp mới, thu hồi hộp thư điện tử công vụ theo Quy chế này."
    heading_only = Candidate(f"Trách nhiệm của Sở Khoa học và Công nghệ … {own}", own)
    named = "Trung tâm Chuyển đổi số được giao trực tiếp cấp mới, thu hồi hộp thư điện tử công vụ."
    in_sentence = Candidate(named, named)

    def kind(cand):
        return finder._features(q, cand, scorer, 0.8, 0.5, False, False, cand.text.lower())["kind"]

    assert kind(in_sentence) == 1.0 and kind(heading_only) == 0.5


def test_no_answer_starts_inside_an_enumeration():
    from answering.segments import segments, windows

    parts = segments(
        "Người lao động làm mất dụng cụ thì phải bồi thường; trường hợp do thiên tai, hỏa hoạn,"
        " địch họa, dịch bệnh nguy hiểm, thảm họa, sự kiện xảy ra khách quan không thể lường"
        " trước được thì không phải bồi thường."
    )
    starts = {w.split(",")[0] for w in windows(parts, "", None, False)}
    # a stretch from "hỏa hoạn" or "sự kiện xảy ra …" drops the cases listed before it
    assert "trường hợp do thiên tai" in starts
    assert not {"hỏa hoạn", "địch họa", "thảm họa"} & starts
    assert not any(s.startswith("sự kiện") for s in starts)
    # a segment that must be held and only stands deep in a long enumeration still is
    items = [f"mục {n}," for n in range(12)] + ["hết."]
    assert any("mục 11" in w for w in windows(items, "", 11, False))


def test_whose_consent_answered_by_a_kind_of_person_runs_from_the_slot(service):
    q = analyse(
        "Việc xác lập quan hệ dân sự liên quan đến quyền nhân thân của người bị tuyên bố mất"
        " tích phải được sự đồng ý của ai?"
    )
    said = (
        "Việc xác lập, thực hiện quan hệ dân sự liên quan đến quyền nhân thân của người bị tuyên"
        " bố mất tích, người đã chết phải được sự đồng ý của vợ, chồng hoặc con thành niên của"
        " người đó; trường hợp không có những người này thì phải được sự đồng ý của cha, mẹ của"
        " người bị tuyên bố mất tích, người đã chết, trừ trường hợp luật khác quy định khác."
    )
    answer = _direct(said, q, service)
    # no person is named: who consents is the rest of the sentence, every case of it
    assert "vợ, chồng hoặc con thành niên" in answer and "cha, mẹ" in answer, answer
    assert len(answer) <= 300


def test_a_figure_in_words_repeated_in_digits_is_one_figure_of_its_unit(service):
    # "sáu (06) giờ": the digits in brackets are the figure, not an aside cut off from it
    q = analyse("Cửa hàng bán lẻ xăng dầu mở cửa chậm nhất mấy giờ?")
    assert has_unit("giờ mở cửa bán hàng không sau sáu (06) giờ", q)
    sentence = (
        "Giờ bán hàng do doanh nghiệp tự xác định nhưng phải đảm bảo tối thiểu là mười hai (12)"
        " giờ liên tục trong một ngày (kể cả thứ Bảy, Chủ nhật, ngày Lễ, ngày Tết) và giờ mở"
        " cửa bán hàng không sau sáu (06) giờ và giờ đóng cửa nghỉ bán hàng không trước mười"
        " tám (18) giờ hàng ngày."
    )
    assert "sáu (06) giờ" in _direct(sentence, q, service)


def test_a_place_named_once_as_the_subject_does_not_pick_the_clause(sample_service):
    # "huyện Chi Lăng" opens the sentence and is every clause's subject: the clause that says
    # what is asked (forestry) holds the answer, not the one that happens to name the place
    q = analyse("Mục tiêu sản xuất lâm nghiệp giao của huyện Chi Lang năm 2023 là bao nhiêu?")
    sentence = (
        "Đến nay, huyện Chi Lăng đã thu được hơn 54,8 tỷ đồng, đạt 118,15% kế hoạch giao;"
        " nhiệm vụ giao phân bổ và giao kế hoạch vốn đầu tư công năm 2023, tính đến hết ngày"
        " 30/10/2023, đã thực hiện giải ngân được hơn 126 tỷ đồng, đạt 46,1% trên tổng kế hoạch"
        " vốn được giao; thực hiện nhiệm vụ phát triển giao thông nông thôn đến thời điểm hiện"
        " tại cũng đã đạt 98% kế hoạch được giao; nhiệm vụ phát triển sản xuất lâm nghiệp được"
        " giao năm 2023 là 10.278 ha, đến hiện tại đã hoàn thành kế hoạch được giao;…"
    )
    scorer = Scorer(q, sample_service.state())
    # over many provinces' notices the district's name is rare and weighs most of the question
    names = {"huyện": 3.9, "chi": 1.7, "lang": 4.9, "huyen_chi": 3.4, "chi_lang": 3.6}
    scorer.weights |= names
    scorer.total = sum(scorer.weights.values())
    assert "10.278 ha" in direct_answer(sentence, sentence, q, scorer)


def test_a_cited_document_is_told_by_the_words_after_its_number(sample_service):
    # two decisions replaced in one sentence: the one on specialised-use floor area is
    # 58/2024, whose description follows its number, not 59/2024 cited before it
    q = analyse(
        "Quyết định 98/2025/QĐ-UBND thay thế quyết định năm 2024 nào về tiêu chuẩn diện tích"
        " chuyên dùng?"
    )
    assert q.kind == "document"
    sentence = (
        "Quyết định này thay thế Quyết định số 59/2024/QĐ-UBND ngày 09 tháng 12 năm 2024 của Ủy"
        " ban nhân dân tỉnh phân cấp thẩm quyền quyết định áp dụng tiêu chuẩn, định mức sử dụng"
        " công trình sự nghiệp của đơn vị sự nghiệp công lập thuộc phạm vi quản lý của tỉnh và"
        " Quyết định số 58/2024/QĐ-UBND ngày 09 tháng 12 năm 2024 của Ủy ban nhân dân tỉnh ban"
        " hành tiêu chuẩn, định mức sử dụng diện tích chuyên dùng của cơ quan, tổ chức thuộc"
        " phạm vi quản lý trên địa bàn tỉnh."
    )
    answer = _direct(sentence, q, sample_service)
    assert "58/2024/QĐ-UBND" in answer


def test_bodies_listed_before_the_verb_all_act(sample_service):
    # "Sở Y tế, Sở Giáo dục và Đào tạo quyết định …": the verb follows the last body named,
    # yet both decide
    q = analyse("Cơ quan nào quyết định tiêu chuẩn diện tích công trình sự nghiệp y tế, giáo dục?")
    sentence = (
        "Đối với diện tích công trình sự nghiệp trong lĩnh vực y tế, giáo dục và đào tạo: Sở Y"
        " tế, Sở Giáo dục và Đào tạo quyết định tiêu chuẩn, định mức diện tích công trình sự"
        " nghiệp thuộc lĩnh vực y tế, lĩnh vực giáo dục và đào tạo trên cơ sở quy định chi tiết"
        " hướng dẫn của Bộ Y tế, Bộ Giáo dục và Đào tạo (nếu có)."
    )
    answer = _direct(sentence, q, sample_service)
    assert "Sở Y tế" in answer and "Sở Giáo dục và Đào tạo" in answer, answer


def test_what_remains_is_the_figure_after_con(sample_service):
    # "còn lại bao nhiêu" asks what remains: "còn lại 36.868 triệu đồng (trong đó UBND huyện
    # Lộc Bình còn 4.100 triệu đồng)", not the sum allocated before it
    q = analyse("Huyện Lộc Bình còn lại bao nhiêu kinh phí tạm ứng theo Quyết định 295/QĐ-UBND?")
    assert q.anchor == "con"
    sentence = (
        "Đồng thời, tại Quyết định số 1571/QĐ-UBND ngày 30/9/2022, UBND tỉnh đã phân bổ kế"
        " hoạch vốn đầu tư phát triển đối ứng thực hiện chương trình MTQG xây dựng nông thôn"
        " mới năm 2022 là 63.132 triệu đồng cho các huyện để thu hồi tạm ứng theo Quyết định số"
        " 295/QĐ-UBND ngày 18/02/2022 (trong đó UBND huyện Lộc Bình bố trí 6.900 triệu đồng), số"
        " kinh phí tạm ứng còn lại 36.868 triệu đồng (trong đó UBND huyện Lộc Bình còn 4.100"
        " triệu đồng), Sở Kế hoạch và Đầu tư chủ trì phối hợp với Sở Tài chính tiếp tục rà soát,"
        " cân đối báo cáo UBND tỉnh xem xét đảm bảo hoàn trả tạm ứng trong năm 2022."
    )
    answer = _direct(sentence, q, sample_service)
    assert "4.100 triệu đồng" in answer, answer


def test_a_figure_in_digits_repeated_in_words_is_one_piece():
    # "06 (sáu) giờ": the words in brackets repeat the figure; no cut falls inside it
    sentence = (
        "Giải phóng mặt bằng, triển khai phương án dự phòng để khôi phục liên lạc trong thời hạn"
        " 06 (sáu) giờ kể từ thời điểm xảy ra sự cố, hạn chế ảnh hưởng đến giao thông;"
    )
    assert any("06 (sáu) giờ" in part for part in segments(sentence))
    assert any("mười hai (12) giờ" in part for part in segments("tối thiểu là mười hai (12) giờ"))
    assert segments("Sở Y tế (chủ trì), Sở Tài chính") == ["Sở Y tế", "(chủ trì),", "Sở Tài chính"]


def test_an_aside_naming_the_asked_place_is_the_answer(sample_service):
    # the sentence is about slow progress; the aside says the asked commune's count
    q = analyse("Xã Tam Gia đạt bao nhiêu tiêu chí nông thôn mới?")
    sentence = (
        "- Tiến độ triển khai thực hiện các Chương trình mục tiêu quốc gia còn chậm, nhất là"
        " Chương trình xây dựng nông thôn mới, xã chỉ đạo về đích năm 2022 số tiêu chí đạt thấp"
        " (xã Tam Gia đạt 10/19 tiêu chí xã nông thôn mới);"
    )
    answer = _direct(sentence, q, sample_service)
    assert answer == "Xã Tam Gia đạt 10/19 tiêu chí xã nông thôn mới", answer
    # a place the words outside the aside name already is their subject: no cut
    other = analyse("Huyện Lộc Bình còn bao nhiêu học sinh?")
    said = "Huyện Lộc Bình còn 120 học sinh (trong đó xã Tam Gia có 30 học sinh)."
    assert "120 học sinh" in _direct(said, other, sample_service)


def test_what_follows_the_condition_the_question_restates(sample_service):
    # the question restates the long condition; what it asks is what comes after "thì"
    sentence = (
        "Khi bên thuê chuyển giao quyền sử dụng tài sản thuê cho người khác thông qua hợp đồng"
        " cho thuê lại, cho mượn, góp vốn hoặc bất kỳ giao dịch nào khác mà không được sự đồng ý"
        " của bên cho thuê theo quy định của pháp luật hoặc theo thỏa thuận của các bên trong hợp"
        " đồng thì bên cho thuê có quyền đơn phương chấm dứt thực hiện hợp đồng và yêu cầu bồi"
        " thường thiệt hại phát sinh từ việc chuyển giao đó."
    )
    q = analyse(
        "Khi bên thuê chuyển giao quyền sử dụng tài sản thuê cho người khác mà không được bên"
        " cho thuê đồng ý thì bên cho thuê có quyền gì?"
    )
    answer = _direct(sentence, q, sample_service)
    assert "đơn phương chấm dứt thực hiện hợp đồng" in answer, answer
    # asked before "thì", the condition is what is asked: no cut to the consequence
    condition = analyse(
        "Bên thuê chuyển giao quyền sử dụng tài sản thuê qua những giao dịch nào thì bên cho thuê"
        " có quyền đơn phương chấm dứt hợp đồng?"
    )
    said = _direct(sentence, condition, sample_service)
    assert "cho thuê lại" in said and not said.startswith("Bên cho thuê có quyền"), said
