"""English questions are answered in the documents' Vietnamese words inside an English frame."""

from __future__ import annotations

from answering.understanding import in_english, understand
from core.results import Answer, Citation


def _answer(text: str) -> Answer:
    cite = Citation(
        n=1,
        source="a.md",
        doc_id="a",
        chunk_id="a:1",
        title="T",
        date="",
        section="",
        quote=text,
        passage=text,
    )
    return Answer(question="q", answer=f"{text} [1]", found=True, citations=[cite])


def test_a_fact_is_quoted_inside_the_english_frame():
    assert in_english(_answer("Xã Tam Gia đạt 10/19 tiêu chí")).answer == (
        "According to [1]: Xã Tam Gia đạt 10/19 tiêu chí"
    )


def test_a_yes_no_verdict_keeps_the_documents_word_first_glossed_in_english():
    answer = in_english(_answer("Không. thủ tục này không thu phí"))
    assert answer.answer == "Không (No). According to [1]: Thủ tục này không thu phí"
    assert in_english(_answer("Chưa. xã chưa đạt chuẩn")).answer.startswith("Chưa (Not yet). ")


def test_an_english_question_is_searched_in_vietnamese():
    search_text, q = understand("How many new rural criteria has Tam Gia commune met?", None)
    assert "tiêu chí nông thôn mới" in search_text and q.kind == "number"


def test_a_direct_answer_the_frame_pushes_past_the_cap_drops_clauses_that_say_nothing_asked():
    quote = (
        "Xã Hoa Thám là xã vùng 3 đặc biệt khó khăn, là xã đăng ký phấn đấu đạt chuẩn NTM năm "
        "2024, hiện nay mới đạt 08/19 tiêu chí, các tiêu chí còn lại đều là những tiêu chí khó, "
        "cần nhiều nguồn lực, cần có sự quyết tâm của cấp ủy đảng, chính quyền và sự đồng lòng "
        "ủng hộ đồng lòng của Nhân dân."
    )
    answer = _answer(quote)
    answer.question = "How many new rural criteria has Hoa Tham commune met?"
    text = in_english(answer).answer
    assert len(text) <= 300 < len(f"According to [1]: {quote}")
    assert text.startswith("According to [1]: Xã Hoa Thám") and "08/19 tiêu chí" in text
    assert "đồng lòng" not in text


def test_a_long_answer_that_was_never_a_direct_one_is_left_whole():
    answer = _answer("1. Sở Tài chính chủ trì; " * 20)
    answer.question = "What are the tasks of the Department of Finance?"
    assert in_english(answer).answer.rstrip().endswith("chủ trì;")


def test_retrieval_also_looks_for_other_forms_scoring_reads_the_first():
    search_text, q = understand("What is the processing time for this procedure?", None)
    assert search_text.endswith("? thời hạn giải quyết")
    assert "hạn" not in q.terms and "gian" in q.terms


def test_when_every_clause_is_needed_the_longest_without_a_figure_is_shortened():
    title = "Quyết định công bố danh mục các thủ tục hành chính " * 5
    answer = _answer(f"{title.strip()}, do Nguyễn Văn An ký ngày 18/11/2025")
    answer.question = "Who signed the decision on administrative procedures?"
    text = in_english(answer).answer
    assert len(text) <= 300 and text.endswith("do Nguyễn Văn An ký ngày 18/11/2025"), text
    assert "…" in text
