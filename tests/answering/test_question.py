from answering.question import analyse


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


def test_units_of_time_and_people_survive_the_stopwords():
    # "ngày", "năm", "người" are stopwords for retrieval, but after "bao nhiêu" they are counted
    assert analyse("Hồ sơ được giải quyết trong bao nhiêu ngày làm việc?").unit == "ngay"
    assert analyse("phat tu toi da bao nhieu nam?").unit == "nam"
    assert analyse("Đoàn có bao nhiêu người tham gia?").unit == "nguoi"


def test_the_slot_asked_for_is_the_words_before_the_question_word():
    assert analyse("Người phạm tội còn có thể bị phạt tiền từ bao nhiêu?").anchor == "phat tien"
    assert analyse("thì bị phạt tù tối đa bao nhiêu năm?").anchor == "phat tu"
    assert analyse("phat tu tu bao nhieu nam").anchor == "phat"  # "tù"/"từ" fold alike
    assert analyse("Người lao động được nghỉ bao lâu?").anchor == "nghi"


def test_stated_figures_but_not_article_references_or_years():
    q = analyse("Trồng từ 500 cây đến dưới 3.000 cây theo Điều 247 năm 2024 thì bị phạt bao nhiêu?")
    assert q.numbers == ["500", "3.000"]
    assert "500" in q.terms and "2024" not in q.terms


def test_definitions_in_their_usual_forms():
    assert analyse("Người thực hành là ai?").subject == "nguoi thuc hanh"
    assert analyse('Định nghĩa của "Người lao động"?').subject == "nguoi lao dong"
    assert analyse("Thế nào là phòng vệ chính đáng?").subject == "phong ve chinh dang"
    q = analyse("Bộ luật Dân sự 2015 quy định pháp nhân thương mại là gì?")
    assert q.subject == "phap nhan thuong mai" and "quy" not in q.terms
    assert "dinh" not in analyse("Định nghĩa của hợp đồng?").terms


def test_what_kind_of_answer_is_wanted():
    assert analyse("Pháp nhân chấm dứt tồn tại trong trường hợp nào?").wants == "list"
    assert analyse("Quyền khác đối với tài sản bao gồm quyền bề mặt và quyền nào?").wants == "list"
    assert analyse("Bộ luật Dân sự quy định thế nào về tên gọi của pháp nhân?").wants == "whole"
    assert analyse("Mô tả quyền đối với quốc tịch.").wants == "whole"
    assert "mo" not in analyse("Mô tả quyền đối với quốc tịch.").terms
    assert analyse("Xã Tam Gia đạt bao nhiêu tiêu chí?").wants == ""


def test_article_references():
    assert analyse("Theo Điều 32, cá nhân có quyền gì?").article == "32"
    assert analyse("Trong điều 10 của Bộ luật Lao động, nơi làm việc là gì?").article == "10"
    assert analyse("Phạm tội quy định tại Điều 12 thì sao?").article == ""  # not named first
    assert analyse("Việc này quy định tại điều mấy của Bộ luật Dân sự?").kind == "reference"
    assert analyse("Cần đảm bảo điều gì cho lao động nữ?").kind != "reference"


def test_a_law_named_with_its_year_is_no_year_filter():
    assert analyse("Theo Bộ luật Hình sự 2017, hình phạt là gì?").years == []
    assert analyse("Theo Bộ luật Hình sự năm 2017, hình phạt là gì?").years == []
    assert analyse("Xã Tam Gia đạt bao nhiêu tiêu chí năm 2022?").years == ["2022"]


def test_a_machine_is_not_how_many():
    q = analyse("Quy định về định mức sử dụng máy móc, thiết bị có hiệu lực từ ngày nào?")
    assert q.unit == "" and q.anchor == "hieu luc"
    assert analyse("Xã đạt mấy tiêu chí?").unit == "tieu chi"


def test_an_effective_date_slot_is_not_filled_by_what_ends_or_by_a_list_item():
    from answering.detectors import has_anchor

    q = analyse("Quyết định 138/2025/QĐ-UBND có hiệu lực thi hành từ ngày nào?")
    assert has_anchor("1. Quyết định này có hiệu lực thi hành từ ngày 05 tháng 12 năm 2025.", q)
    repeal = (
        "Các Quyết định sau hết hiệu lực thi hành kể từ ngày Quyết định này có hiệu lực thi"
        " hành: … b) Quyết định số 41/2017/QĐ-UBND ngày 12 tháng 9 năm 2017"
    )
    assert not has_anchor(repeal, q)


def test_which_decree_or_law_asks_for_a_document():
    from answering.detectors import has_kind

    q = analyse("Quyết định phân cấp theo quy định tại khoản 2 Điều 20 của Nghị định nào?")
    assert q.kind == "document"
    law = analyse("Tội phạm được quy định trong Bộ luật nào?")
    assert law.kind == "document"
    assert has_kind("Tội phạm là hành vi được quy định trong Bộ luật hình sự", law)
    assert not has_kind("Trừ trường hợp Bộ luật này có quy định khác", law)


def test_a_penalty_is_the_slot_unless_it_owns_what_is_asked():
    assert analyse("Hình phạt cao nhất đối với tội này là gì?").anchor == "phat"
    assert analyse("Mục đích của hình phạt là gì?").anchor == ""


def test_quy_dinh_in_the_frame_of_a_whole_rule_is_no_topic_word():
    q = analyse("Bộ luật Dân sự quy định thế nào về tên gọi của pháp nhân?")
    assert "quy" not in q.terms and "dinh" not in q.terms and "ten" in q.terms


def test_a_moment_the_law_names_fills_the_when_slot():
    from answering.detectors import has_anchor

    q = analyse("Đối với mua bán quyền tài sản thì thời điểm chuyển quyền sở hữu là khi nào?")
    assert q.anchor == "so huu"
    # the moment is named by what happens then, not by a date
    assert has_anchor(
        "3. Thời điểm chuyển quyền sở hữu đối với quyền tài sản là thời điểm bên mua nhận được"
        " giấy tờ về quyền sở hữu đối với quyền tài sản đó.",
        q,
    )
    assert not has_anchor("1. Bên bán phải làm thủ tục chuyển quyền sở hữu cho bên mua.", q)
