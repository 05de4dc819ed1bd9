"""Chunks follow the notice's own outline, keep heading paths and footnotes."""

from __future__ import annotations

import itertools

from ingest.chunker import CHARS_PER_TOKEN, chunk_document
from ingest.loaders import load_text
from ingest.outline import heading_rank, parse_outline
from tests.conftest import SAMPLES, shared_path


def _chunks(name: str, max_tokens: int = 320):
    text = load_text(SAMPLES / name)
    return text, chunk_document(text, "d", "d-v1", "Tiêu đề", max_tokens)


def test_heading_path_travels_with_its_sentences():
    _, chunks = _chunks("001_b47614d5102acb89.txt")
    hoa_tham = [c for c in chunks if "hiện nay mới đạt 08/19 tiêu chí" in c.text]
    assert hoa_tham, "the Hoa Thám sentence must be in some chunk"
    assert hoa_tham[0].headings[0].startswith("II. NHIỆM VỤ TRỌNG TÂM")
    assert hoa_tham[0].headings[-1] == "2. Đối với xã Hoa Thám"
    assert "2. Đối với xã Hoa Thám" in hoa_tham[0].index_text


def test_footnotes_attach_to_the_paragraph_that_cites_them():
    _, chunks = _chunks("001_b47614d5102acb89.txt")
    citing = [c for c in chunks if "chưa ổn định⁴" in c.text]
    assert citing and "xếp hạng 4/11" in citing[0].text
    # a footnote is not a chunk of its own, away from its context
    assert not any(c.text.startswith("⁴") for c in chunks)


def test_outline_ranks_legal_and_administrative_markers():
    assert heading_rank("Chương II")[0] < heading_rank("Điều 5. Phạm vi")[0]
    assert heading_rank("I. ĐÁNH GIÁ CHUNG")[0] < heading_rank("1. Đối với huyện")[0]
    assert heading_rank("1.1. Về kinh tế")[0] < heading_rank("a) Về phát triển")[0]
    assert heading_rank("a) Về phát triển")[0] < heading_rank("(1) Tập trung")[0]
    assert heading_rank("- gạch đầu dòng") is None


def test_chunks_fit_the_budget_and_overlap_when_a_section_is_cut():
    _, chunks = _chunks("001_b47614d5102acb89.txt", max_tokens=120)
    budget = int(120 * CHARS_PER_TOKEN)
    # only a window holding one unit (plus its one-sentence overlap) may exceed the budget
    assert all(len(c.text) <= budget or len(c.text.split("\n")) <= 2 for c in chunks)
    assert len(chunks) > 40
    same_section = [(a, b) for a, b in itertools.pairwise(chunks) if a.headings == b.headings]
    assert any(a.text.split("\n")[-1] == b.text.split("\n")[0] for a, b in same_section)


def test_signature_block_is_its_own_chunk_and_nơi_nhận_is_not_indexed():
    _, chunks = _chunks("003_0ce4c6df32ab89d9.txt")
    sig = [c for c in chunks if c.headings == ["Chữ ký"]]
    assert sig and sig[0].text.splitlines()[-1].strip() == "Phạm Hùng Trường"
    assert not any("Lưu: VT" in c.text for c in chunks)


def test_closing_blocks_found_in_every_notice():
    for name in (
        "000_aa16ed5db4b16415.txt",
        "001_b47614d5102acb89.txt",
        "003_0ce4c6df32ab89d9.txt",
    ):
        outline = parse_outline(load_text(SAMPLES / name))
        assert outline.signature is not None, name


def test_an_appendix_starts_a_heading_path_of_its_own():
    """ "PHỤ LỤC" after the closing article heads the appendix; the article's path ends there."""
    text = (
        "Điều 3. Điều khoản thi hành\n\n1. Nghị quyết có hiệu lực từ ngày 01/01/2026.\n\n"
        "PHỤ LỤC II\n\nMỨC CHI HỖ TRỢ BẦU CỬ\n\nChi bồi dưỡng đại biểu dự hội nghị mỗi người.\n\n"
        "Phụ lục I kèm theo Nghị quyết này quy định mức chi.\n"
    )
    blocks = parse_outline(text).blocks
    article = next(b for b in blocks if b.text.startswith("1. Nghị quyết"))
    appendix = next(b for b in blocks if b.text.startswith("Chi bồi dưỡng"))
    assert article.headings[0] == "Điều 3. Điều khoản thi hành"
    assert appendix.headings == ["PHỤ LỤC II"]
    # a sentence that only names an appendix heads nothing
    assert heading_rank("Phụ lục I kèm theo Nghị quyết này quy định mức chi.") is None
    assert heading_rank("PHỤ LỤC")[0] < heading_rank("Chương II")[0]


def test_a_crawled_appendix_table_is_under_the_appendix_not_the_last_article():
    text = load_text(shared_path("datasets", "provincial", "4672020dbba893fb.md"))
    chunks = chunk_document(text, "d", "d-v1", "Tiêu đề")
    rows = [c for c in chunks if c.table is not None]
    assert rows and all(c.headings[0] == "PHỤ LỤC" for c in rows)
    assert all(not h.startswith("Điều") for c in rows for h in c.headings)


def test_a_quoted_name_after_a_labels_colon_stays_in_the_heading():
    """A process heading names its procedure in quotes after a colon; its total time, rows
    below, is that procedure's. An amendment's quoted new text is no name: its label stays short."""
    name = (
        "Thành lập, tổ chức lại, giải thể cơ sở trợ giúp xã hội công lập thuộc Ủy ban nhân dân "
        "cấp tỉnh, cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh"
    )
    text = "\n\n".join(
        [
            f"6. Quy trình nội bộ giải quyết TTHC: “{name}” (Mã TTHC:1.013820)",
            "Tổng thời gian giải quyết TTHC",
            "35 ngày làm việc",
            "7. Sửa đổi khoản 2 Điều 2 như sau: “2. Các Sở, ban, ngành thuộc Ủy ban nhân dân "
            "tỉnh; Ủy ban nhân dân các xã, phường và các tổ chức, cá nhân có liên quan đến việc "
            "hỗ trợ người thuộc hộ cận nghèo.”",
            "Nội dung khác của khoản này giữ nguyên.",
        ]
    )
    blocks = parse_outline(text).blocks
    total = next(b for b in blocks if b.text.startswith("35 ngày"))
    assert total.headings[-1] == f"6. Quy trình nội bộ giải quyết TTHC: “{name}”"
    other = next(b for b in blocks if b.text.startswith("Nội dung khác"))
    assert other.headings[-1] == "7. Sửa đổi khoản 2 Điều 2 như sau"


def test_a_numbered_thu_tuc_heading_takes_the_name_on_the_line_after_it():
    """The crawl put "1. Thủ tục" and the procedure's name in cells of their own: the steps and
    deadlines below are that procedure's. A heading that names its item keeps its own label."""
    name = "Cho phép nhập khẩu thuốc có hạn dùng còn lại ngắn hơn quy định"
    text = "\n\n".join(
        [
            "1. Thủ tục",
            name,
            "Trình tự thực hiện",
            "Bước 3: Trong thời hạn 15 ngày kể từ ngày ghi trên Phiếu tiếp nhận hồ sơ.",
            "2. Đối với xã Hoa Thám",
            "Khẩn trương hoàn thiện hồ sơ",
        ]
    )
    blocks = parse_outline(text).blocks
    step = next(b for b in blocks if b.text.startswith("Bước 3"))
    assert step.headings[-1] == f"1. Thủ tục: {name}"
    other = next(b for b in blocks if b.text.startswith("Khẩn trương"))
    assert other.headings[-1] == "2. Đối với xã Hoa Thám"
