"""How questions about a period, the end of a validity, a task's lead agency are read."""

from dataclasses import replace

from answering.about_document import distribution_lines
from answering.candidates import candidates
from answering.detectors import asks_money, has_anchor, has_kind
from answering.question import analyse
from answering.question_kind import Kind
from core.document import Chunk
from index.hybrid import Hit


def test_how_often_is_a_period_not_a_number():
    # "Định kỳ hàng quý báo cáo …" answers it without a figure
    for text in (
        "Báo cáo đánh giá kết quả hoạt động của hệ thống Thư điện tử công vụ định kỳ bao lâu "
        "một lần?",
        "Sở Tư pháp báo cáo kết quả thực hiện phân cấp mấy tháng một lần?",
        "bao cao ket qua thuc hien dinh ky bao lau mot lan",
        "Tần suất sao lưu dữ liệu hệ thống thư điện tử là gì?",
    ):
        q = analyse(text)
        assert q.kind == "period", text
        assert has_kind("e) Định kỳ hàng quý báo cáo đánh giá kết quả hoạt động", q)
    # the notices write how often as "định kỳ …": a question without the words looks for them
    q = analyse("Việc sao lưu dữ liệu hệ thống thư điện tử được thực hiện bao lâu một lần?")
    assert q.terms[-2:] == ["dinh", "ki"] and "dinh_ki" in q.pairs
    assert analyse("Báo cáo định kỳ bao lâu một lần?").terms.count("dinh") == 1
    assert "dinh" not in analyse("Thủ tục được giải quyết trong bao lâu?").terms
    # how long, and how many times, are still figures
    assert analyse("Thủ tục được giải quyết trong bao lâu?").kind == "number"
    assert analyse("Mỗi năm tổ chức bao nhiêu lần kiểm tra?").kind == "number"


def test_until_when_asks_for_the_end_of_a_period():
    stated = (
        "Thời gian ủy quyền: Kể từ ngày Quyết định được ban hành đến hết ngày 28/02/2027, trừ "
        "trường hợp quy định của pháp luật về nội dung trên có sự thay đổi."
    )
    for text in (
        "Việc ủy quyền cho Giám đốc Sở Nông nghiệp và Môi trường còn hiệu lực đến ngày nào?",
        "Việc ủy quyền cho Giám đốc Sở Nông nghiệp và Môi trường có thời hạn đến ngày nào?",
        "Viec uy quyen cho Giam doc So Nong nghiep co hieu luc den het ngay nao?",
    ):
        q = analyse(text)
        assert q.kind == "date" and q.anchor == "den", text
        assert has_anchor(stated, q)
        assert not has_anchor("Quyết định này có hiệu lực kể từ ngày 01 tháng 12 năm 2025.", q)
    # when something starts is still anchored on what starts
    assert analyse("Quyết định có hiệu lực từ ngày nào?").anchor == "hieu luc"
    assert analyse("Kế hoạch phải hoàn thành vào ngày nào?").anchor == "hoan thanh"


def test_which_agency_leads_a_task_is_no_question_about_the_issuer():
    for text in (
        "Việc rà soát hạ tầng viễn thông trong khu công nghiệp do cơ quan nào chủ trì?",
        "Nhiệm vụ cập nhật dữ liệu do đơn vị nào thực hiện?",
        "viec ra soat ha tang vien thong do co quan nao chu tri",
    ):
        assert analyse(text).kind == "agency", text
    assert analyse("Kế hoạch 144/KH-UBND do cơ quan nào?").kind == "issuer"
    assert analyse("Thông báo này do cơ quan nào ban hành?").kind == "issuer"


_SIGNED_OFF = [
    "2. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Tư pháp chịu trách nhiệm thi hành "
    "Quyết định này.",
    "Nơi nhận:",
    "- Như Điều 5;",
    "- Cục Hành chính tư pháp - Bộ Tư pháp;",
    "- Lưu: VT, HCC, HCTC, NC.",
    "Huy (23 bản)",
]


def test_the_recipients_block_is_found():
    assert distribution_lines(_SIGNED_OFF) == {1, 2, 3, 4, 5}
    assert distribution_lines(["Nơi nhận:", "- Bộ NN&MT;", "- Lưu: VT, CT.", "09 KH"]) == {
        0,
        1,
        2,
        3,
    }
    # the block ends with its list: an appendix title after it is the notice's again
    after = ["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "QUY CHẾ QUẢN LÝ, VẬN HÀNH HỆ THỐNG"]
    assert distribution_lines(after) == {0, 1, 2}
    # a list without the heading is the notice's own
    assert distribution_lines(["Các nhiệm vụ:", "- Rà soát hạ tầng;", "- Lưu trữ hồ sơ."]) == set()


def test_recipient_lines_are_no_candidates():
    chunk = Chunk("c1", "d1", 0, "\n".join(_SIGNED_OFF), headings=["Điều 5. Hiệu lực thi hành"])
    q = analyse("Lệ phí đăng ký nuôi con nuôi có yếu tố nước ngoài là bao nhiêu?")
    texts = [c.own for c in candidates(Hit(chunk, 1.0), q)]
    assert texts and not any("23 bản" in t or t.startswith("- ") for t in texts)


def test_an_amount_of_money_asked_is_not_answered_by_a_count():
    q = analyse("Cá nhân được tặng danh hiệu được nhận kèm theo mức tiền thưởng bao nhiêu?")
    assert not has_kind("Mỗi cá nhân chỉ được tặng danh hiệu một lần.", q)
    assert has_kind("Được tặng kèm theo mức tiền thưởng 10.000.000 đồng.", q)
    assert has_kind("kèm theo tiền thưởng bằng 1,5 lần mức lương cơ sở", q)
    assert has_kind("Mức thưởng (triệu đồng) — Cá nhân: 5", q)  # the unit in a column header
    fee = analyse("Lệ phí cấp giấy phép là bao nhiêu?")
    assert not has_kind("Thời hạn giải quyết 10 ngày làm việc", fee)
    assert has_kind("Lệ phí: 50.000 đồng/giấy phép", fee)
    # the fee named far before "là bao nhiêu" is still what is asked
    far = analyse(
        "Mức phí cấp chứng chỉ nghiệp vụ chuyên môn về đấu thầu đối với chứng chỉ còn thời hạn"
        " nhưng thay đổi thông tin là bao nhiêu?"
    )
    assert asks_money(far)
    assert not has_kind("Thời hạn giải quyết: trong thời hạn 15 (mười lăm) ngày làm việc", far)
    # a question that counts something else asks no money
    assert not asks_money(analyse("Theo Nghị quyết về học phí, có bao nhiêu học sinh được miễn?"))
    # "lao động" is no money, and a count asked stays a count
    workers = analyse("Doanh nghiệp có bao nhiêu lao động?")
    assert has_kind("Doanh nghiệp có 120 lao động", workers)


def test_words_that_open_a_sentence_are_no_agency():
    q = analyse("Danh mục được ban hành theo đề nghị của cơ quan nào?")
    for text in (
        "Ban hành Danh mục dịch vụ sự nghiệp công lĩnh vực xây dựng.",
        "Báo cáo kết quả thực hiện hằng năm.",
        "Trường hợp hồ sơ chưa đầy đủ thì trả lại.",
        "Hội nghị thống nhất nội dung danh mục.",
    ):
        assert not has_kind(text, q), text
    for text in (
        "Xét đề nghị của Giám đốc Sở Xây dựng tại Tờ trình số 91/TTr-SXD.",
        "Ban Chỉ đạo tỉnh theo dõi việc thực hiện.",
        "Hội Nông dân tỉnh phối hợp thực hiện.",
    ):
        assert has_kind(text, q), text


def test_an_appendix_caption_answers_only_which_document():
    caption = (
        "(Kèm theo Quyết định số 456/QĐ-UBND ngày 20/11/2025 của Uỷ ban nhân dân tỉnh Bắc Ninh)"
    )
    chunk = Chunk("c1", "d1", 0, caption + "\nSở Xây dựng chủ trì thực hiện.", headings=["PHỤ LỤC"])
    agency = analyse("Quyết định 456/QĐ-UBND của UBND tỉnh Bắc Ninh giao cơ quan nào chủ trì?")
    assert [c.own for c in candidates(Hit(chunk, 1.0), agency)] == [
        "Sở Xây dựng chủ trì thực hiện."
    ]
    which = analyse("Phụ lục này ban hành kèm theo quyết định nào?")
    assert caption in [c.own for c in candidates(Hit(chunk, 1.0), which)]


def test_what_a_named_document_is_about_is_said_after_its_number():
    q = analyse("Quyết định số 295/QĐ-UBND ngày 18/02/2022 của UBND tỉnh là về việc gì?")
    assert has_kind(
        "không thu hồi kinh phí tạm ứng tại Quyết định 295/QĐ-UBND ngày 18/02/2022 về việc tạm"
        " ứng từ nguồn ngân sách tỉnh năm 2022",
        q,
    )
    # citing the number for something else says nothing of what the decision is about
    assert not has_kind(
        "Phân bổ 63.132 triệu đồng để thu hồi tạm ứng theo Quyết định số 295/QĐ-UBND.", q
    )
    # other "what" questions are not held to it
    assert has_kind("Huyện đã hoàn thành việc rà soát.", analyse("Huyện đã làm việc gì?"))


def test_on_what_basis_asks_for_a_ground_not_an_agency():
    # "cơ sở" folds to "co so": its "sở" is no department ("Sở nào chủ trì?")
    for text in (
        "Hợp tác quốc tế về bảo vệ môi trường được thực hiện trên cơ sở nào?",
        "Việc phân bổ kinh phí dựa trên cơ sở nào?",
        "hop tac quoc te duoc thuc hien tren co so nao",
    ):
        assert analyse(text).kind == "what", text
    assert analyse("Sở nào chủ trì việc kiểm tra?").kind == "agency"
    assert analyse("Cơ quan nào thực hiện hợp tác quốc tế?").kind == "agency"


def test_which_kinds_a_list_holds_is_no_topic_word_and_no_name_asked():
    from answering.scoring import EvidenceFinder

    q = analyse("Bất động sản bao gồm những loại nào?")
    # the law lists the members ("Bất động sản bao gồm: a) Đất đai; …") without saying "loại"
    assert "loai" not in q.terms and q.wants == "list"
    assert "loai" in analyse("Sở hữu của pháp nhân thuộc loại hình sở hữu nào?").terms

    class Everything:  # covers every word it is shown
        def coverage(self, terms, context=frozenset()):
            return 1.0

    # "Việc phân loại tài sản là động sản, bất động sản …" reads as a definition; a question
    # that asks for the members of a list asks no name
    said = "Việc phân loại tài sản là động sản, bất động sản được xác định theo pháp luật."
    assert EvidenceFinder._names(q, Everything(), said) == 0.0
    named = analyse("Tài sản mà chủ sở hữu đã từ bỏ thuộc loại tài sản nào?")
    defined = "Tài sản vô chủ là tài sản mà chủ sở hữu đã từ bỏ quyền sở hữu đối với tài sản đó."
    assert EvidenceFinder._names(named, Everything(), defined) == 1.0


def test_what_the_law_lays_down_about_a_term_is_the_article_titled_with_it():
    from answering.scoring import _titled_topic

    q = analyse("Bộ luật Dân sự năm 2015 quy định như thế nào về tài sản hiện có?")
    # "hiện có" are common words, yet part of the term the article is titled with
    assert _titled_topic(q, ["Điều 108. Tài sản hiện có và tài sản hình thành trong tương lai"])
    assert not _titled_topic(q, ["Điều 105. Tài sản"])
    assert not _titled_topic(q, ["Điều 295. Tài sản bảo đảm"])
    fact = analyse("Tài sản hiện có được hiểu là gì?")
    assert not _titled_topic(fact, ["Điều 108. Tài sản hiện có và tài sản hình thành"])


def test_under_what_circumstances_is_no_topic_word():
    # the law states the case ("Người lao động nhập ngũ … thì không được tạm ứng tiền lương"),
    # not "điều kiện": a sentence that says "theo điều kiện do hai bên thỏa thuận" is no answer
    q = analyse("Người lao động trong điều kiện nào thì không được tạm ứng tiền lương?")
    assert "dieu" not in q.terms and "dieu_kien" not in q.pairs
    # asked which condition a rule sets, "điều kiện" is the topic
    assert "dieu" in analyse("Người lao động được tạm ứng tiền lương theo điều kiện nào?").terms


def test_a_cited_documents_date_is_not_when_something_happens():
    # "Căn cứ Công văn số … ngày 18 tháng 4 năm 2013": when that letter was issued, not the
    # deadline asked for; "hạn cuối ngày 15 tháng 12 hàng năm" is
    q = analyse("Thời hạn gửi kết quả đánh giá trung tâm học tập cộng đồng là khi nào?")
    assert q.kind == "when"
    cited = (
        "Căn cứ Công văn số 2553/BGDĐT-GDTX ngày 18 tháng 4 năm 2013 của Bộ Giáo dục và Đào tạo"
        " về hướng dẫn đánh giá trung tâm học tập cộng đồng;"
    )
    assert not has_kind(cited, q) and not has_kind(
        "Theo Quyết định 15/2020/QĐ-UBND ngày 2/3/2020", q
    )
    assert has_kind("gửi kết quả về Sở, hạn cuối ngày 15 tháng 12 hàng năm", q)


def test_a_cited_documents_date_is_no_deadline_but_may_be_its_issue_date():
    # "Kèm theo Quyết định số 2844/QĐ-UBND ngày 27 tháng 11 năm 2025": when the decision
    # was issued, which answers when it was issued and no other date question
    sentence = (
        "Kèm theo Quyết định số 2844/QĐ-UBND ngày 27 tháng 11 năm 2025 của Chủ tịch UBND tỉnh"
    )
    deadline = analyse(
        "Sở Nông nghiệp và Môi trường phải trình phê duyệt quy trình trước ngày nào?"
    )
    # asked of a cited document, "ký ngày nào" is read as a date (extractive.ABOUT_CITED)
    issued = replace(analyse("Quyết định 2844/QĐ-UBND được ký ngày nào?"), kind=Kind.DATE)
    assert deadline.kind == "date"
    assert not has_kind(sentence, deadline) and has_kind(sentence, issued)
    assert has_kind("trình phê duyệt quy trình giải quyết trước ngày 30/11/2025", deadline)


def test_a_bound_of_a_share_is_not_the_shortest_duration_nearby():
    # "mục tiêu tối thiểu … là bao nhiêu" of a share: "Trong 9 tháng đầu năm …" beside it
    # states a duration, no bound of what is asked; the bound of a term still compares terms
    from answering.extremes import at_bound
    from answering.scoring import Evidence

    def evidence(text: str) -> Evidence:
        chunk = Chunk("c", "d", 0, text, headings=["2. Tồn tại, hạn chế"])
        return Evidence(text, Hit(chunk, 1.0), 1, 1.0, 1.0, True, text)

    best = evidence("Tỷ lệ giảm ĐVSNCL chỉ đạt 13,94% (mục tiêu tối thiểu 20%).")
    months = evidence("Trong 9 tháng đầu năm không có thêm ĐVSNCL tự đảm bảo chi thường xuyên.")
    share = analyse("Mục tiêu tối thiểu giảm đơn vị sự nghiệp công lập tỉnh Lạng Sơn là bao nhiêu?")
    assert at_bound(share, best, [best, months]) is best
    term = analyse("Tối thiểu bao nhiêu tháng?")
    assert at_bound(term, best, [best, months]) is months
