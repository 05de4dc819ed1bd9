"""A process table the crawl flattened into one cell a paragraph: the procedure is named in a
quoted heading, its total time is a label line followed by a bare value line. The notice below
is written for these tests (hash embedder, real Chroma)."""

from __future__ import annotations

import pytest

from answering.candidates import candidates
from answering.question import analyse
from core.document import Chunk
from index.hybrid import Hit
from tests.conftest import service_over

_STEPS = ["Thứ tự công việc", "Nội dung công việc", "Thời gian thực hiện"]
NOTICE = "\n\n".join(
    [
        "QUYẾT ĐỊNH PHÊ DUYỆT QUY TRÌNH NỘI BỘ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH "
        "LĨNH VỰC BẢO TRỢ XÃ HỘI",
        "Điều 1. Phê duyệt kèm theo Quyết định này 02 quy trình nội bộ giải quyết "
        "thủ tục hành chính.",
        "PHỤ LỤC",
        "1. Quy trình nội bộ giải quyết TTHC: “Thành lập, tổ chức lại, giải thể cơ sở trợ giúp xã "
        "hội công lập thuộc Ủy ban nhân dân cấp tỉnh, cơ quan chuyên môn thuộc Ủy ban nhân dân cấp "
        "tỉnh” (Mã TTHC:1.013820)",
        *_STEPS,
        "Bước 1",
        "Tiếp nhận, kiểm tra hồ sơ",
        "0,5 ngày làm việc",
        "Bước 2",
        "Thẩm định hồ sơ, trình lãnh đạo Sở",
        "14 ngày làm việc",
        "Tổng thời gian giải quyết TTHC",
        "35 ngày làm việc",
        "2. Quy trình nội bộ giải quyết TTHC: “Đăng ký hành nghề công tác xã hội tại Việt Nam đối "
        "với người nước ngoài, người Việt Nam định cư ở nước ngoài”",
        *_STEPS,
        "Bước 1",
        "Tiếp nhận, kiểm tra hồ sơ",
        "0,5 ngày làm việc",
        "Tổng thời gian giải quyết TTHC",
        "10 ngày làm việc",
    ]
)


@pytest.fixture(scope="module")
def process_service(tmp_path_factory):
    return service_over(tmp_path_factory, "quy-trinh.md", NOTICE)


def test_a_bare_value_line_is_read_with_the_label_line_above_it():
    q = analyse("Tổng thời gian giải quyết TTHC là bao nhiêu ngày làm việc?")
    chunk = Chunk("c:0", "d", 0, "Tổng thời gian giải quyết TTHC\n35 ngày làm việc")
    texts = [c.text for c in candidates(Hit(chunk, 1.0), q)]
    assert "Tổng thời gian giải quyết TTHC – 35 ngày làm việc" in texts
    # a sentence that ends is no label of the line after it
    chunk = Chunk("c:1", "d", 1, "Hồ sơ nộp tại Sở Y tế.\n35 ngày làm việc")
    assert not [t for t in (c.text for c in candidates(Hit(chunk, 1.0), q)) if "–" in t]


@pytest.mark.parametrize(
    ("question", "total"),
    [
        (
            "Tổng thời gian giải quyết thủ tục thành lập, tổ chức lại, giải thể cơ sở trợ giúp "
            "xã hội công lập thuộc UBND cấp tỉnh là bao nhiêu ngày làm việc?",
            "35 ngày",
        ),
        (
            "Tổng thời gian giải quyết thủ tục đăng ký hành nghề công tác xã hội đối với người "
            "nước ngoài là bao nhiêu ngày làm việc?",
            "10 ngày",
        ),
    ],
)
def test_the_total_time_of_the_procedure_the_question_names(process_service, question, total):
    a = process_service.ask(question)
    assert a.found and total in a.answer, a.answer
