from chidao.answering.question import analyse


def test_kinds_from_question_words_with_and_without_accents():
    assert analyse("Xã Tam Gia đạt bao nhiêu tiêu chí?").kind == "number"
    assert analyse("xa tam gia dat bao nhieu tieu chi").kind == "number"
    assert analyse("Phiên họp diễn ra ngày nào?").kind == "date"
    assert analyse("Ai chủ trì buổi kiểm tra?").kind == "person"
    assert analyse("Ai ký thông báo kết luận?").kind == "signer"
    assert analyse("Huyện nào được giao diễn tập?").kind == "place"
    assert analyse("Nghị quyết 60-NQ/TU về vấn đề gì?").kind == "what"


def test_entities_are_the_named_places_and_document_numbers():
    assert analyse("Xã Tam Gia đạt bao nhiêu tiêu chí nông thôn mới?").entities == ["tam gia"]
    assert analyse("xa tam gia dat bao nhieu tieu chi").entities == ["tam gia"]
    q = analyse("Nghị quyết số 60-NQ/TU của Ban Thường vụ Tỉnh ủy về vấn đề gì?")
    assert q.entities == ["60-nq/tu"]
    q = analyse(
        "Huyện Chi Lăng nhận bao nhiêu nhiệm vụ do UBND tỉnh, Chủ tịch UBND tỉnh giao năm 2023?"
    )
    assert q.entities == ["chi lang"] and q.years == ["2023"]
    assert analyse("Lộc Bình còn bao nhiêu lớp?").entities == ["loc binh"]


def test_unit_is_what_the_question_counts():
    assert analyse("Xã Tam Gia đạt bao nhiêu tiêu chí?").unit == "tieu chi"
    assert analyse("Tỷ lệ giải ngân là bao nhiêu?").unit == "%"
    assert analyse("Thu ngân sách đạt bao nhiêu phần trăm kế hoạch?").unit == "%"
