"""Telegram shows the page of a citation from a PDF or scan ("trang N"), and none otherwise."""

from __future__ import annotations

from bot.render import render_answer, render_passage
from core.results import Answer, Citation


def _citation(page: int | None) -> Citation:
    return Citation(
        n=1,
        source="thong-bao-quet.pdf",
        doc_id="d1",
        chunk_id="d1-abc:3",
        title="Thông báo kết luận kiểm tra",
        date="10/2022",
        section="2. Hạn chế, vướng mắc",
        quote="xã Tam Gia đạt 10/19 tiêu chí",
        passage="Năm 2022 xã Tam Gia đạt 10/19 tiêu chí.",
        page=page,
    )


def test_the_page_is_shown_beside_the_source_and_the_passage():
    answer = Answer(question="q", answer="10/19 [1]", found=True, citations=[_citation(2)])
    assert "2. Hạn chế, vướng mắc</i>, trang 2 · <code>thong-bao-quet.pdf</code>" in render_answer(
        answer
    )
    assert "<code>thong-bao-quet.pdf</code>, trang 2" in render_passage(_citation(2))


def test_no_page_no_mention():
    answer = Answer(question="q", answer="10/19 [1]", found=True, citations=[_citation(None)])
    assert "trang" not in render_answer(answer) and "trang" not in render_passage(_citation(None))
