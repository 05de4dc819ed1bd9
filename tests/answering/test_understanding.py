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


def test_a_yes_no_verdict_opens_in_english():
    answer = in_english(_answer("Không. thủ tục này không thu phí"))
    assert answer.answer == "No. According to [1]: Thủ tục này không thu phí"
    assert in_english(_answer("Chưa. xã chưa đạt chuẩn")).answer.startswith("Not yet. ")


def test_an_english_question_is_searched_in_vietnamese():
    search_text, q = understand("How many new rural criteria has Tam Gia commune met?", None)
    assert "tiêu chí nông thôn mới" in search_text and q.kind == "number"
