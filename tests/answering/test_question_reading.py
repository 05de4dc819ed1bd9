"""How questions about a period, the end of a validity, a task's lead agency are read."""

from dataclasses import replace

from answering.about_document import distribution_lines
from answering.candidates import candidates
from answering.detectors import has_anchor, has_kind
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
