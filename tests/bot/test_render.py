"""Telegram HTML: escaping, citations, and splitting under the 4,096-character limit."""

from __future__ import annotations

import re

import pytest

from bot.render import (
    citation_keyboard,
    parse_citation_data,
    render_answer,
    render_passage,
    render_sources,
    split_html,
)
from core.results import Answer, Citation, DocumentInfo
from tests.bot.fake_bot_api import BadRequest, html_to_text, utf16_len


def citation(n: int = 1, **fields) -> Citation:
    values = {
        "source": "000_aa16ed5db4b16415.txt",
        "doc_id": "d1",
        "chunk_id": f"d1-abc:{n}",
        "title": "Thông báo <Kết luận> & kiểm tra",
        "date": "10/2022",
        "section": "II. NHIỆM VỤ › 2. Hạn chế",
        "quote": "xã Tam Gia đạt 10/19 tiêu chí",
        "passage": "Trước đó. Năm 2022 xã Tam Gia đạt 10/19 tiêu chí. Sau <đó> & hết.",
    }
    return Citation(n=n, **{**values, **fields})


def answer(text: str, citations: list[Citation]) -> Answer:
    return Answer(question="q", answer=text, found=bool(citations), citations=citations)


def test_answer_escapes_document_text_and_lists_sources():
    html = render_answer(answer("a < b & c > d [1]", [citation()]))
    shown = html_to_text(html)  # raises if Telegram would refuse it
    assert "a < b & c > d [1]" in shown
    assert "[1] Thông báo <Kết luận> & kiểm tra (10/2022) — II. NHIỆM VỤ › 2. Hạn chế" in shown
    assert "000_aa16ed5db4b16415.txt" in shown


def test_not_found_answer_has_no_sources():
    html = render_answer(answer("Không tìm thấy thông tin này trong các văn bản.", []))
    assert "Nguồn" not in html and "Không tìm thấy" in html


def test_passage_bolds_the_quote_and_escapes():
    html = render_passage(citation())
    assert "<b>xã Tam Gia đạt 10/19 tiêu chí</b>" in html
    assert "Sau &lt;đó&gt; &amp; hết." in html
    assert html_to_text(html).endswith("Sau <đó> & hết.")


def test_passage_without_the_quote_inside_is_still_shown():
    html = render_passage(citation(quote="không có trong đoạn"))
    assert "xã Tam Gia đạt 10/19 tiêu chí" in html_to_text(html)


def test_keyboard_has_one_small_button_per_citation():
    keyboard = citation_keyboard("ab12cd34", [citation(n) for n in range(1, 8)])
    buttons = [b for row in keyboard.inline_keyboard for b in row]
    assert [b.text for b in buttons] == [f"[{n}]" for n in range(1, 8)]
    assert all(len(b.callback_data.encode()) <= 64 for b in buttons)
    assert max(len(row) for row in keyboard.inline_keyboard) <= 5
    assert parse_citation_data(buttons[2].callback_data) == ("ab12cd34", 3)
    assert citation_keyboard("k", []) is None


@pytest.mark.parametrize("data", [None, "", "cite", "cite:k", "cite:k:x", "other:k:1", "cite::1"])
def test_malformed_callback_data_is_rejected(data):
    assert parse_citation_data(data) is None


def test_sources_newest_first_as_given_and_escaped():
    docs = [
        DocumentInfo(
            doc_id=str(i),
            source=f"{i}.txt",
            title=f"Văn bản <{i}>",
            doc_type="Thông báo",
            number=f"{i}/TB-UBND",
            date=f"{i}/2024",
            issuer="",
            signer="",
            chunks=3,
        )
        for i in (3, 2, 1)
    ]
    shown = html_to_text(render_sources(docs))
    assert shown.index("Văn bản <3>") < shown.index("Văn bản <2>") < shown.index("Văn bản <1>")
    assert "Thông báo 3/TB-UBND, 3/2024 (3 đoạn)" in shown


def _check_parts(html: str, parts: list[str], limit: int) -> None:
    for part in parts:
        assert utf16_len(part) <= limit
        html_to_text(part)  # every part parses on its own: no cut tag or entity
    joined = "".join(html_to_text(p) for p in parts)
    assert re.sub(r"\s", "", joined) == re.sub(r"\s", "", html_to_text(html))


def test_a_6000_character_answer_is_split_under_the_limit():
    sentence = "Xã Tam Gia đạt 10/19 tiêu chí <nông thôn mới> & cần cố gắng hơn nữa [1]. "
    html = render_answer(answer(sentence * 85, [citation(n) for n in range(1, 6)]))
    assert len(html) > 6000
    parts = split_html(html)
    assert len(parts) == 2
    _check_parts(html, parts, 4096)


def test_tags_open_at_a_cut_are_closed_and_reopened():
    html = "<b>đậm " + "chữ &amp; chữ " * 40 + "</b> thường "
    html += "<blockquote>" + "trích " * 60 + "</blockquote>"
    parts = split_html(html, limit=120)
    assert len(parts) > 5
    _check_parts(html, parts, 120)
    assert all(p.count("<b>") == p.count("</b>") for p in parts)


def test_prefers_a_line_break_in_the_second_half():
    html = "dòng một dài " * 5 + "\n" + "dòng hai " * 20
    parts = split_html(html, limit=100)
    assert parts[0].endswith("dòng một dài")


def test_a_word_longer_than_a_message_is_cut_but_never_inside_an_entity():
    html = "<code>" + "a&amp;" * 3000 + "</code>"
    parts = split_html(html, limit=4096)
    assert len(parts) >= 4
    _check_parts(html, parts, 4096)


def test_no_empty_parts_and_short_text_untouched():
    assert split_html("") == []
    assert split_html("  \n ") == []
    assert split_html("<b>xin chào</b>") == ["<b>xin chào</b>"]


def test_counts_utf16_units_like_telegram():
    html = "😀" * 3000  # 2 UTF-16 units each
    parts = split_html(html)
    assert len(parts) == 2 and all(utf16_len(p) <= 4096 for p in parts)


def test_the_fake_api_refuses_what_telegram_refuses():
    for bad in ["<b>x", "a < b", "x &nbsp y", "<script>x</script>", "<b><i>x</b></i>"]:
        with pytest.raises(BadRequest):
            html_to_text(bad)
