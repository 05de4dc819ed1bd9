"""Readings of a provincial notice that a question depends on: a table's group rows head the rows
below them, a procedure's row names what its other cells are about, a sum in "đồng" answers
"bao nhiêu tiền", a negation that denies none of the question's words is no "Không", a second
number in the notice's own title does not make the question about another document, and a
sentence that states the contrary of the case asked is not its answer. The plan below is written
for these tests (hash embedder, real Chroma)."""

from __future__ import annotations

import pytest

from answering.conditions import contrary_case, negations_match
from answering.question import analyse
from answering.table_leads import RowLeads
from answering.yes_no import verdict
from tests.conftest import service_over
from vntext.terms import folded_syllables

PLAN = "\n".join(
    [
        "ỦY BAN NHÂN DÂN TỈNH BẾN ĐÒ",
        "",
        "Số: 556/KH-UBND",
        "",
        "Bến Đò, ngày 19 tháng 11 năm 2025",
        "",
        "KẾ HOẠCH",
        "",
        "Thực hiện Nghị quyết số 48/NQ-CP ngày 03/4/2023 của Chính phủ về phát triển bến đò",
        "",
        "I. MỨC HỖ TRỢ",
        "",
        "| TT | Nội dung | Mức hỗ trợ |",
        "| --- | --- | --- |",
        "| 1 | Hỗ trợ thành lập mới tổ đò | 20.000.000 đồng/tổ |",
        "| 2 | Hỗ trợ kinh phí hoạt động thường xuyên của tổ đò | |",
        "| a | Đối với tổ đò trong hợp tác xã ngoài khu vực nhà nước | |",
        "| - | Có 10 thành viên trở xuống | 15.000.000 đồng/tổ/năm |",
        "| - | Từ thành viên thứ 11 trở lên | 600.000 đồng/thành viên/năm |",
        "",
        "II. THỦ TỤC HÀNH CHÍNH",
        "",
        "| TT | Tên thủ tục | Cách thức thực hiện | Thời hạn giải quyết | Phí, lệ phí |",
        "| --- | --- | --- | --- | --- |",
        (
            "| 1 | Thủ tục cấp giấy phép chở khách bằng đò ngang | Nộp trực tiếp tại Trung tâm"
            " Phục vụ hành chính công tỉnh. Nộp qua dịch vụ bưu chính công ích. Nộp trực tuyến"
            " tại Cổng dịch vụ công quốc gia. |"
            " 05 ngày làm việc kể từ ngày nhận đủ hồ sơ | Không |"
        ),
        (
            "| 2 | Thủ tục gia hạn giấy phép chở khách bằng đò ngang | Nộp trực tiếp tại Trung"
            " tâm Phục vụ hành chính công tỉnh. Nộp qua dịch vụ bưu chính công ích. Nộp trực"
            " tuyến tại Cổng dịch vụ công quốc gia."
            " | 02 ngày làm việc kể từ ngày nhận đủ hồ sơ | Không |"
        ),
        "",
        "III. TỔ CHỨC THỰC HIỆN",
        "",
        (
            "Trung tâm Phục vụ hành chính công tỉnh hướng dẫn, tiếp nhận hồ sơ; thu phí, lệ phí"
            " theo quy định; từ chối tiếp nhận hồ sơ chưa đúng quy định."
        ),
        "",
        "Kế hoạch này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026.",
        "",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn Đò",
    ]
)


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    return service_over(tmp_path_factory, "ke-hoach-ben-do.md", PLAN)


def test_a_tables_group_rows_head_the_rows_below_them(plan):
    rows = RowLeads(
        "1. Hỗ trợ thành lập — Mức: 20 đồng\n2. Hỗ trợ hoạt động\na. Đối với tổ đò\n"
        "Có 10 thành viên — Mức: 15 đồng\n3. Khác — Mức: 5 đồng"
    )
    assert rows.lead("Có 10 thành viên — Mức: 15 đồng") == "2. Hỗ trợ hoạt động … a. Đối với tổ đò"
    assert rows.lead("3. Khác — Mức: 5 đồng") == ""  # a labelled row ends the groups
    a = plan.ask(
        "Tổ đò trong hợp tác xã ngoài khu vực nhà nước có 10 thành viên trở xuống được hỗ trợ"
        " kinh phí hoạt động thường xuyên mỗi năm bao nhiêu tiền?"
    )
    assert a.found and "15.000.000 đồng/tổ/năm" in a.answer, a.answer


def test_a_procedures_row_names_what_its_other_cells_are_about(plan):
    rows = RowLeads(
        "1. Thủ tục cấp giấy phép đò — Cách: Nộp. Nộp mạng; Hạn: 05 ngày\n"
        "2. Thủ tục cấp lại giấy phép đò — Cách: Nộp. Nộp mạng; Hạn: 02 ngày"
    )
    assert rows.lead("1. Thủ tục cấp giấy phép đò — Cách: Nộp.") == ""
    assert rows.lead("Nộp mạng; Hạn: 05 ngày") == "1. Thủ tục cấp giấy phép đò"
    assert rows.lead("2. Thủ tục cấp lại giấy phép đò — Cách: Nộp.") == ""
    assert rows.lead("Nộp mạng; Hạn: 02 ngày") == "2. Thủ tục cấp lại giấy phép đò"
    assert RowLeads("Bước 1 — Việc: A. B; Thời gian: 1 ngày").lead("B; Thời gian") == ""
    a = plan.ask("Thủ tục cấp giấy phép chở khách bằng đò ngang được giải quyết trong bao lâu?")
    assert a.found and "05 ngày làm việc" in a.answer, a.answer
    a = plan.ask("Thủ tục gia hạn giấy phép chở khách bằng đò ngang giải quyết trong bao lâu?")
    assert a.found and "02 ngày làm việc" in a.answer, a.answer


def test_a_negation_that_denies_nothing_asked_is_no_khong(plan):
    q = "Trung tâm Phục vụ hành chính công tỉnh có được thu phí, lệ phí không?"
    clause = "tiếp nhận hồ sơ; thu phí, lệ phí theo quy định; từ chối hồ sơ chưa đúng quy định"
    assert verdict("co", clause, q) == "Có"
    assert verdict("co", "Trung tâm không thu phí, lệ phí đối với hồ sơ này", q) == "Không"
    a = plan.ask(q)
    assert a.found and a.answer.startswith("Có."), a.answer


def test_a_number_in_the_notices_own_title_names_the_notice(plan):
    a = plan.ask("Ai ký Kế hoạch 556/KH-UBND thực hiện Nghị quyết 48/NQ-CP của Chính phủ?")
    assert a.found and "Nguyễn Văn Đò" in a.answer, a.answer


def test_a_sentence_stating_the_contrary_case_is_not_the_answer():
    def folded(text: str) -> str:
        return " ".join(folded_syllables(text))

    q = "Hợp đồng tặng cho động sản (không phải đăng ký quyền sở hữu) có hiệu lực khi nào?"
    assert contrary_case(q, folded("Đối với động sản mà luật quy định đăng ký quyền sở hữu"))
    assert not contrary_case(q, folded("Hợp đồng tặng cho động sản có hiệu lực khi nhận"))
    assert not contrary_case(q, folded("động sản không được đăng ký quyền sở hữu"))
    assert negations_match(q, "Đối với động sản mà luật quy định đăng ký quyền sở hữu") == -1.0
    # a modal between the denial and what it denies: "không thể trả vật" against "phải trả vật"
    q = "Bên vay có nghĩa vụ gì nếu không thể trả vật cùng loại đúng số lượng chất lượng?"
    assert contrary_case(q, folded("nếu tài sản là vật thì phải trả vật cùng loại"))
    assert not contrary_case(q, folded("Trường hợp bên vay không thể trả vật thì có thể trả"))
    q = "Nơi cư trú của con là ở đâu khi cha, mẹ cùng một nơi cư trú?"
    assert contrary_case(q, folded("Nếu cha, mẹ có nơi cư trú khác nhau thì …"))
    # a closing "không" asks, it states no case: "… không nếu nạn nhân đã biết …?"
    q = "Người đó có bị xử lý không nếu nạn nhân đã biết?"
    assert not contrary_case(q, folded("trừ trường hợp nạn nhân đã biết"))


def test_an_unaccented_common_word_is_no_place_name():
    """Unaccented, "quan trac" is quan trắc (monitoring), not a district (quận) named Trắc: a
    place the evidence would then have to name."""
    q = analyse("Theo ke hoach cua UBND tinh Thanh Hoa ve quan trac moi truong nuoi thuy san")
    assert "trac moi" not in q.entities and "thanh hoa" in q.entities
    # "cap tinh thuoc linh vuc nao": thuộc (belongs to) starts no province's name
    q = analyse("Theo QD 1520/QD-UBND tinh Bac Ninh, thu tuc cap tinh thuoc linh vuc nao?")
    assert "thuoc linh" not in q.entities and "bac ninh" in q.entities
    # a question that capitalises its names: a lowercase word after "tinh" is tính (compute)
    q = analyse("Theo NQ 35/2025/NQ-HDND thanh pho Hue, bang tinh diem phan bo von la gi?")
    assert "diem phan" not in q.entities and "hue" in q.entities
    assert "tam gia" in analyse("xa tam gia dat bao nhieu tieu chi?").entities


def test_a_share_named_in_the_topic_does_not_gate_a_date(plan):
    """ "… về tỷ lệ hỗ trợ … có hiệu lực từ ngày nào": the date is asked, not a share."""
    a = plan.ask(
        "Kế hoạch 556/KH-UBND về mức và tỷ lệ hỗ trợ tổ đò có hiệu lực thi hành từ ngày nào?"
    )
    assert a.found and "01 tháng 01 năm 2026" in a.answer, a.answer


REPEAL = "\n".join(
    [
        "ỦY BAN NHÂN DÂN TỈNH BẾN ĐÒ",
        "Số: 28/2025/QĐ-UBND",
        "Bến Đò, ngày 20 tháng 11 năm 2025",
        "QUYẾT ĐỊNH",
        "Bãi bỏ Quyết định số 32/2023/QĐ-UBND về quản lý bến đò ngang",
        "Điều 1. Bãi bỏ Quyết định số 32/2023/QĐ-UBND về quản lý bến đò ngang trên địa bàn tỉnh.",
        "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn Đò",
    ]
)


def test_a_yes_no_question_about_the_day_of_signing_is_answered_yes_or_no(tmp_path_factory):
    """ "… có hiệu lực ngay từ ngày ký không?" asks yes or no, not the day it was signed."""
    q = (
        "Quyết định 28/2025/QĐ-UBND bãi bỏ quy định quản lý bến đò ngang có hiệu lực ngay từ"
        " ngày ký không?"
    )
    assert analyse(q).kind == "fact"  # not "issued": the notice's own header does not answer
    a = service_over(tmp_path_factory, "quyet-dinh-bai-bo.txt", REPEAL).ask(q)
    assert a.found and a.answer.startswith("Có."), a.answer


def test_dam_bao_sets_a_goal_only_before_its_figure():
    """ "đảm bảo 100% hồ sơ" is a goal; "đảm bảo kinh phí chi tiền lương … theo mức lương cơ sở
    2.340.000 đồng" states what a norm covers, and answers what the norm is computed on."""
    from answering.detectors import is_target

    assert is_target("Phấn đấu đạt 100% số xã đạt chuẩn")
    assert is_target("Đảm bảo 100% hồ sơ được giải quyết đúng hạn")
    norm = (
        "Định mức phân bổ nêu trên đảm bảo kinh phí chi tiền lương, tiền thưởng, phụ cấp theo "
        "mức lương cơ sở 2.340.000 đồng/người/tháng"
    )
    assert not is_target(norm)
