"""Answers read from table cells: the row is the one whose label the question names (not one
whose figures happen to hold a number the question states), the column the one its header
names, the unit from the header or the table; a place the table does not list is refused. The
notice below is written for these tests (hash embedder, real Chroma)."""

from __future__ import annotations

import pytest

from answering.coverage import Scorer
from answering.table_answers import best_in_row, row_own_words, row_places
from answering.unlisted_rows import Variants, names_unlisted_row
from core.document import Chunk, TableInfo
from index.hybrid import Hit
from tests.conftest import service_over, shared_path

NOTICE = "\n".join(
    [
        "QUYẾT ĐỊNH THỬ NGHIỆM VỀ TỶ LỆ CHẤT LƯỢNG CÒN LẠI CỦA NHÀ VÀ MỨC THU PHÍ",
        "",
        "Điều 1. Tỷ lệ chất lượng còn lại của nhà",
        "",
        "Tỷ lệ chất lượng còn lại của nhà theo thời gian đã sử dụng như sau:",
        "",
        "| Thời gian đã sử dụng | Nhà cấp II (%) | Nhà cấp III (%) | Nhà cấp IV (%) |",
        "| --- | --- | --- | --- |",
        "| Dưới 5 năm | 97 | 95 | 85 |",
        "| Trên 10 năm đến 20 năm | 80 | 70 | 35 |",
        "| Trên 20 năm đến 50 năm | 60 | 35 | 30 |",
        "| Trên 50 năm đến 100 năm | 50 | 30 | 20 |",
        "",
        "Điều 2. Mức thu phí tham quan theo địa bàn",
        "",
        "Mức thu phí tham quan di tích (đơn vị tính: đồng/lượt):",
        "",
        "| Địa bàn | Người lớn | Trẻ em |",
        "| --- | --- | --- |",
        "| Huyện Lộc Bình | 20.000 | 10.000 |",
        "| Huyện Cao Lộc | 30.000 | 15.000 |",
        "",
        "Điều 3. Phân công nhiệm vụ",
        "",
        "| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |",
        "| --- | --- | --- | --- | --- |",
        "| 1 | Xây dựng bản đồ số di tích | Sở Văn hóa | Các hợp tác xã du lịch | Quý IV/2026 |",
        "| 2 | Tu bổ nhà bia tiến sĩ | Ban quản lý di tích | Sở Xây dựng | Năm 2027 |",
        "",
        "Điều 4. Mức chi bồi dưỡng hội đồng thẩm định",
        "",
        "| STT | Nội dung chi | Mức chi (1.000đ) | Đơn vị tính |",
        "| --- | --- | --- | --- |",
        "| 1 | Chủ tịch hội đồng thẩm định | 450 | người/buổi |",
        "| 2 | Thư ký hội đồng thẩm định | 300 | người/buổi |",
        "",
        "Điều 5. Khung giá thuê nhà chung cư (đơn vị tính: đồng/m2/tháng)",
        "",
        "| Số tầng | Giá thuê tối thiểu | Giá thuê tối đa |",
        "| --- | --- | --- |",
        "| Số tầng <= 10 | 15.000 | 160.000 |",
        "| 10 < số tầng <= 15 | 20.000 | 180.000 |",
        "| Số tầng > 15 | 22.000 | 200.000 |",
        "",
        "Điều 6. Giá tính thuế khoáng sản làm gốm",
        "",
        "| Mã tài nguyên | Tên tài nguyên | Đơn vị tính | Giá tính thuế (đồng) |",
        "| --- | --- | --- | --- |",
        "| KS1101 | Đất sét gốm khai thác, chưa nghiền | tấn | 232.500 |",
        "| KS1102 | Đất sét gốm đã nghiền | tấn | 680.000 |",
        "",
        "Điều 7. Mức chi cho học sinh đội tuyển",
        "",
        "| STT | Nội dung chi | Mức chi (1.000đ) | Đơn vị tính |",
        "| --- | --- | --- | --- |",
        "| 1 | Bồi dưỡng học sinh đội tuyển | 80 | người/buổi |",
        "| 2 | Tiền ăn học sinh đội tuyển | 200 | người/ngày |",
        "",
    ]
)


@pytest.fixture(scope="module")
def table_service(tmp_path_factory):
    return service_over(tmp_path_factory, "quyet-dinh-bang.md", NOTICE)


def test_the_row_its_label_names_and_the_column_its_header_names(table_service):
    answer = table_service.ask(
        "Nhà cấp III có thời gian đã sử dụng trên 20 năm đến 50 năm được tính bao nhiêu phần trăm?"
    )
    assert answer.found
    assert answer.answer.startswith("Trên 20 năm đến 50 năm — Nhà cấp III (%): 35")
    assert answer.citations[0].quote.startswith("Trên 20 năm đến 50 năm")


def test_a_cell_with_the_unit_of_the_lead_in(table_service):
    answer = table_service.ask("Mức thu phí tham quan di tích đối với trẻ em tại huyện Cao Lộc?")
    assert answer.found
    assert "Huyện Cao Lộc — Trẻ em: 15.000 (đồng/lượt)" in answer.answer


def test_a_district_the_table_does_not_list_is_refused(table_service):
    answer = table_service.ask("Mức thu phí tham quan di tích đối với trẻ em tại huyện Đình Lập?")
    assert not answer.found


def test_a_column_the_question_names_answers_a_who_question(table_service):
    answer = table_service.ask("Nhiệm vụ xây dựng bản đồ số di tích có cơ quan phối hợp là ai?")
    assert answer.found
    assert "Cơ quan phối hợp: Các hợp tác xã du lịch" in answer.answer


def test_a_unit_the_header_abbreviates_answers_a_question_in_words(table_service):
    answer = table_service.ask(
        "Mức chi bồi dưỡng thư ký hội đồng thẩm định là bao nhiêu nghìn đồng mỗi buổi?"
    )
    assert answer.found
    assert "Thư ký hội đồng thẩm định — Mức chi (1.000đ): 300 (người/buổi)" in answer.answer


def test_a_row_label_written_with_signs_is_read_in_words(table_service):
    answer = table_service.ask("Giá thuê tối đa đối với nhà có số tầng trên 15 là bao nhiêu?")
    assert answer.found
    assert answer.answer.startswith("Số tầng > 15 — Giá thuê tối đa: 200.000")


def test_a_row_that_negates_the_asked_word_and_a_code_are_not_the_answer(table_service):
    answer = table_service.ask("Giá tính thuế đất sét gốm đã nghiền là bao nhiêu đồng/tấn?")
    assert answer.found
    assert answer.answer.startswith("Đất sét gốm đã nghiền — Giá tính thuế (đồng): 680.000")


def test_the_row_whose_unit_counts_per_what_is_asked(table_service):
    answer = table_service.ask(
        "Mức chi cho học sinh đội tuyển là bao nhiêu (nghìn đồng/người/ngày)?"
    )
    assert answer.found
    assert "Tiền ăn học sinh đội tuyển — Mức chi (1.000đ): 200 (người/ngày)" in answer.answer


def test_a_place_the_title_names_picks_no_row():
    row = "1.2. Các nội dung chi khác — Mức chi: Theo Nghị quyết 05/2025 của HĐND thành phố Hà Nội"
    title = "NGHỊ QUYẾT VỀ MỨC CHI BẦU CỬ CỦA THÀNH PHỐ HÀ NỘI"
    assert row_places(["ha noi"], row, title) == set()
    assert row_places(["ha noi"], row, "NGHỊ QUYẾT VỀ MỨC CHI BẦU CỬ") == {"ha noi"}


def test_a_row_says_of_itself_its_label_and_group_not_what_its_cells_quote():
    row = "1.2. Các nội dung chi khác — Mức chi: Thực hiện theo Nghị quyết 05/2025/NQ-HĐND"
    assert row_own_words(row, "1. Chi tổ chức hội nghị") == (
        "1.2. Các nội dung chi khác 1. Chi tổ chức hội nghị"
    )
    assert row_own_words("Mức chi: 400.000", "") == ""


def _names_unlisted_row(service, question: str) -> bool:
    q, evidence = service.evidence(question)
    return names_unlisted_row(evidence[0], evidence, q, Scorer(q, service.state()))


@pytest.mark.parametrize(
    "question",
    [
        "Giá tính thuế đất sét gốm đã nung là bao nhiêu đồng/tấn?",
        "Giá tính thuế cao lanh đã rây là bao nhiêu đồng/tấn?",
        "Mức chi bồi dưỡng phó chủ tịch hội đồng thẩm định là bao nhiêu?",
        "Mức chi tiền ăn cho giáo viên đội tuyển là bao nhiêu?",
        "Mức chi bồi dưỡng chủ tịch hội đồng thẩm định ở Sở Tư pháp là bao nhiêu?",
    ],
)
def test_a_row_the_tables_do_not_list_is_named_in_words_the_notice_never_says(
    table_service, question
):
    assert _names_unlisted_row(table_service, question)
    assert not table_service.ask(question).found  # and the answer says so


def test_a_listed_row_is_still_answered_through_the_service(table_service):
    answer = table_service.ask("Giá tính thuế đất sét gốm đã nghiền là bao nhiêu đồng/tấn?")
    assert answer.found


@pytest.mark.parametrize(
    "question",
    [
        "Giá tính thuế đất sét gốm đã nghiền là bao nhiêu đồng/tấn?",
        "Mức chi bồi dưỡng thư ký hội đồng thẩm định là bao nhiêu nghìn đồng mỗi buổi?",
        "Mức chi tiền ăn học sinh đội tuyển là bao nhiêu?",
        "Nhiệm vụ tu bổ nhà bia tiến sĩ do cơ quan nào chủ trì?",
    ],
)
def test_a_row_the_tables_list_is_answered(table_service, question):
    assert not _names_unlisted_row(table_service, question)


def test_a_unit_cell_holding_a_count_is_not_the_figure_asked(table_service):
    """ "Đơn vị tính: 01 Báo cáo" beside "Mức chi: 20", in a document whose title already says
    "mức chi": the unit column does not tie with the amount column."""
    question = "Mức chi báo cáo của Hội đồng nhân dân Thành phố là bao nhiêu?"
    q, _ = table_service.evidence(question)
    columns = ["STT", "Nội dung chi", "Đơn vị tính", "Mức chi", "Ghi chú"]
    row = "1.2. Báo cáo của Hội đồng nhân dân Thành phố — Đơn vị tính: 01 Báo cáo; Mức chi: 20"
    chunk = Chunk(
        "c:1",
        "d",
        1,
        row,
        context="NỘI DUNG CHI, MỨC CHI PHỤC VỤ HOẠT ĐỘNG",
        table=TableInfo("Mức chi", columns, "Triệu đồng"),
    )
    cell = best_in_row(Hit(chunk, 1.0), row, q, Scorer(q, table_service.state()))
    assert cell is not None and cell.text.endswith("Mức chi: 20 (Triệu đồng)")


def _fee_chunks() -> list[Chunk]:
    columns = ["TT", "Danh mục dịch vụ", "Đơn vị tính", "Mức trần"]
    rows = "\n".join(
        [
            "1.1.1. Bữa sáng — Đơn vị tính: Đồng/học sinh/ngày; Mức trần: 20.000",
            "1.1.2. Bữa trưa — Đơn vị tính: Đồng/học sinh/ngày; Mức trần: 35.000",
            "4. Dịch vụ đưa đón người học — Đơn vị tính: Đồng/học sinh/km; Mức trần: 10.000",
        ]
    )
    title = "CÁC KHOẢN THU DỊCH VỤ PHỤC VỤ HOẠT ĐỘNG GIÁO DỤC CỦA THÀNH PHỐ HÀ NỘI"
    prose = "Mức trần tối đa áp dụng cho các cơ sở giáo dục; buổi tối không tổ chức bán trú."
    return [
        Chunk("c:0", "d", 0, prose, context=title),
        Chunk("c:1", "d", 1, rows, context=title, table=TableInfo("Mức trần", columns)),
    ]


def test_a_variant_the_rows_leave_out_is_unlisted_though_its_words_stand_elsewhere():
    """ "bữa tối" where the rows list "Bữa sáng" and "Bữa trưa": "tối" is written in the notice
    ("tối đa", "buổi tối") but never after "bữa"."""
    listed = Variants.of(_fee_chunks())
    assert listed.unlisted("Mức trần tiền ăn bữa tối của học sinh là bao nhiêu?") == "bữa tối"
    assert listed.unlisted("Mức trần tiền ăn bữa trưa của học sinh là bao nhiêu?") == ""
    # a word the rows open with in one variant only lists no variants to leave out
    assert listed.unlisted("Mức trần dịch vụ đưa đón trẻ em là bao nhiêu?") == ""


@pytest.fixture(scope="module")
def price_list_service(tmp_path_factory):
    """Đồng Nai's resource price list for 2026: minerals and water, nothing else."""
    path = shared_path("datasets", "provincial", "f1526a5ac4023b74.md")
    return service_over(tmp_path_factory, path.name, path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("question", "unlisted"),
    [
        ("Giá tính thuế tài nguyên đối với nước khoáng thiên nhiên đóng chai là bao nhiêu?", True),
        ("Giá tính thuế tài nguyên đối với đá hộc là bao nhiêu đồng/m3?", False),
        ("Giá tính thuế tài nguyên đối với than bùn là bao nhiêu?", False),
    ],
)
def test_rows_a_real_price_list_does_not_list(price_list_service, question, unlisted):
    assert _names_unlisted_row(price_list_service, question) is unlisted


def test_a_quarter_answers_when_though_the_question_never_names_its_column(table_service):
    # "khi nào" and no word of "Thời gian thực hiện": the cell holding "Quý IV/2026" answers
    answer = table_service.ask("Bản đồ số di tích được xây dựng khi nào?")
    assert answer.found
    assert "Thời gian thực hiện: Quý IV/2026" in answer.answer


def test_money_asked_is_read_from_the_header_beside_a_unit_column(table_service):
    # "bao nhiêu tiền" needs an amount: the header "(1.000đ)" makes the cell one, although the
    # unit column says "người/ngày"
    answer = table_service.ask("Tiền ăn học sinh đội tuyển được chi bao nhiêu tiền?")
    assert answer.found
    assert "Tiền ăn học sinh đội tuyển — Mức chi (1.000đ): 200 (người/ngày)" in answer.answer


def test_a_code_column_the_question_names_in_full_is_the_cell_asked(table_service):
    """ "… có mã TTHC là gì?" is the "Mã TTHC" cell, though a long question names the column
    with a small share of its words and the "Lĩnh vực" cell is text as a "what" asks; the
    unaccented "co so 1 … nam o dia chi nao" names no "Mã số TTHC" ("so" alone is not "mã số")."""
    columns = ["STT", "Tên TTHC", "Mã TTHC", "Lĩnh vực", "Cấp thực hiện"]
    row = (
        "11. Thủ tục giải quyết khiếu nại lần hai tại cấp tỉnh — Mã TTHC: 2.002411.H05; "
        "Lĩnh vực: Giải quyết khiếu nại; Cấp thực hiện: Cấp Tỉnh"
    )
    chunk = Chunk(
        "c:1",
        "d",
        1,
        row,
        context="DANH MỤC THỦ TỤC HÀNH CHÍNH KHÔNG PHỤ THUỘC ĐỊA GIỚI HÀNH CHÍNH",
        table=TableInfo("Mã TTHC", columns),
    )
    question = (
        "Theo Quyết định số 1520/QĐ-UBND ngày 22/11/2025 của Chủ tịch UBND tỉnh Bắc Ninh về danh "
        "mục TTHC đợt 3 năm 2025, thủ tục giải quyết khiếu nại lần hai tại cấp tỉnh có mã TTHC "
        "là gì?"
    )
    q, _ = table_service.evidence(question)
    cell = best_in_row(Hit(chunk, 1.0), row, q, Scorer(q, table_service.state()))
    assert cell is not None and cell.text.endswith("Mã TTHC: 2.002411.H05"), cell
    q, _ = table_service.evidence(
        "Theo QD 1520/QD-UBND nam 2025 cua Chu tich UBND tinh Bac Ninh ve TTHC giai quyet khieu "
        "nai lan hai, Co so 1 cua Trung tam phuc vu hanh chinh cong tinh nam o dia chi nao?"
    )
    chunk.table = TableInfo("Mã số TTHC", [*columns[:2], "Mã số TTHC", *columns[3:]])
    row = row.replace("Mã TTHC:", "Mã số TTHC:")
    chunk.text = row
    cell = best_in_row(Hit(chunk, 1.0), row, q, Scorer(q, table_service.state()))
    assert cell is None or "Mã số TTHC" not in cell.text, cell


def test_a_row_under_a_column_named_in_full_needs_no_margin_over_prose():
    """ "cơ quan nào thực hiện …" names the column "Cơ quan thực hiện": a row whose label and
    that column cover the question as well as the best prose sentence answers, where a row that
    only happens to cover a little more must cover clearly more."""
    from answering.scoring import Evidence
    from answering.table_answers import Cell, _clearly_better

    class _Scorer:
        def coverage(self, terms):
            return 0.64

    chunk = Chunk("c:0", "d", 0, "Quỹ quyết định phê duyệt hỗ trợ lãi suất vay.")
    best = Evidence(chunk.text, Hit(chunk, 1.0), 1, 0.64, 1.0, False, chunk.text)
    named = Cell(Hit(chunk, 1.0), "row", "15. Thủ tục — Cơ quan thực hiện: Quỹ", 1.0, 0.66, True)
    assert _clearly_better([named], best, _Scorer(), "") is named
    unnamed = Cell(Hit(chunk, 1.0), "row", "15. Thủ tục — Ghi chú: Quỹ", 1.0, 0.66, False)
    assert _clearly_better([unnamed], best, _Scorer(), "") is None


def test_a_word_the_question_says_again_still_names_a_column(table_service):
    """ "xã Hưng Lộc … từ ngân sách xã": the first "xã" names the row, the second the column
    "… – Xã", not "… – Thành phố"."""
    share = "Tỷ lệ vốn đối ứng ngân sách địa phương (%)"
    columns = ["TT", "Tên xã", f"{share} – Thành phố", f"{share} – Xã"]
    row = f"9. Xã Hưng Lộc — {share} – Thành phố: 35; {share} – Xã: 65"
    chunk = Chunk(
        "c:1",
        "d",
        1,
        row,
        context="NGHỊ QUYẾT QUY ĐỊNH TỶ LỆ VỐN ĐỐI ỨNG",
        table=TableInfo("Tỷ lệ vốn đối ứng", columns),
    )
    for asked, value in (("xã", "Xã: 65"), ("thành phố", "Thành phố: 35")):
        question = f"Xã Hưng Lộc phải đối ứng bao nhiêu phần trăm từ ngân sách {asked}?"
        q, _ = table_service.evidence(question)
        cell = best_in_row(Hit(chunk, 1.0), row, q, Scorer(q, table_service.state()))
        assert cell is not None and cell.text.endswith(value), (question, cell)
