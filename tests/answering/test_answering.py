"""The answering service on the five samples (hash embedder): citations, found:false, filters,
the LLM path with langchain's fake chat models."""

from __future__ import annotations

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from answering.extractive import ExtractiveAnswerer
from answering.llm import LLMAnswerer, grounded
from answering.service import AnswerService
from core.errors import QuestionError
from core.results import Filters


def test_answer_quotes_the_exact_sentence_and_cites_its_file(sample_service):
    a = sample_service.ask("Xã Tam Gia đạt bao nhiêu tiêu chí nông thôn mới?")
    assert a.found and "10/19" in a.answer and a.answer.endswith("[1]")
    c = a.citations[0]
    assert c.source == "000_aa16ed5db4b16415.txt" and c.n == 1
    assert "10/19" in c.quote and c.quote in c.passage
    detail = sample_service.document(c.doc_id)
    assert c.quote.split("(")[0].strip()[:40] in detail.text
    assert len(a.answer) <= 320 and a.timings_ms["total"] > 0


def test_unaccented_question_is_answered(sample_service):
    a = sample_service.ask("xa tam gia dat bao nhieu tieu chi nong thon moi")
    assert a.found and "10/19" in a.answer


@pytest.mark.parametrize(
    "question",
    [
        "Huyện Đình Lập đạt bao nhiêu tiêu chí nông thôn mới năm 2023?",  # place not in any notice
        "Giá vé xe khách tuyến Lạng Sơn - Hà Nội là bao nhiêu?",  # topic not in any notice
        "Xã Tam Gia đạt bao nhiêu tiêu chí nông thôn mới năm 2019?",  # right topic, wrong year
        "Tỷ lệ thanh toán trực tuyến của tỉnh Cao Bằng hiện đạt bao nhiêu?",  # other province
    ],
)
def test_says_not_found_instead_of_guessing(sample_service, question):
    a = sample_service.ask(question)
    assert not a.found and a.citations == []
    assert "Không tìm thấy" in a.answer


def test_signer_comes_from_the_signature_block(sample_service):
    a = sample_service.ask("Ai ký thông báo kết luận phiên họp UBND tỉnh tháng 3 năm 2022?")
    assert a.found and "Phạm Hùng Trường" in a.answer
    assert a.citations[0].source == "003_0ce4c6df32ab89d9.txt"
    assert a.citations[0].section == "Chữ ký"


def test_filters_narrow_the_notices(sample_service):
    q = "Tỷ lệ giải ngân vốn đầu tư công là bao nhiêu?"
    only_2023 = sample_service.ask(q, filters=Filters(year=2023))
    assert only_2023.found and only_2023.citations, "the 2023 notice answers it"
    assert all(c.date.endswith("2023") for c in only_2023.citations)
    none = sample_service.ask(q, filters=Filters(year=1999))
    assert not none.found


def test_bad_questions_are_refused(sample_service):
    with pytest.raises(QuestionError):
        sample_service.ask("   ")
    with pytest.raises(QuestionError, match="quá dài"):
        sample_service.ask("x" * 5000)


def test_stream_starts_with_status_and_ends_with_the_answer(sample_service):
    events = list(
        sample_service.ask_stream("Xã Hoa Thám hiện đạt bao nhiêu tiêu chí nông thôn mới?")
    )
    assert events[0]["event"] == "status" and events[-1]["event"] == "answer"
    assert "08/19" in events[-1]["data"]["answer"]


def test_documents_facets_and_stats(sample_service):
    docs = sample_service.documents()
    assert len(docs) == 5 and all(d.chunks > 0 for d in docs)
    assert sample_service.stats().chunks == sum(d.chunks for d in docs)
    assert sample_service.is_ready()
    assert sample_service.document("nope") is None


# --- the LLM path, with langchain's fake chat model (no network) -----------------------------


def _llm_service(sample_service: AnswerService, reply: str) -> AnswerService:
    fake = GenericFakeChatModel(messages=iter([AIMessage(content=reply)]))
    service = AnswerService(
        sample_service.settings,
        sample_service.embedder,
        sample_service.retriever.store,
        LLMAnswerer(fake, fallback=ExtractiveAnswerer()),
    )
    return service


def test_llm_answer_with_grounded_citation(sample_service):
    svc = _llm_service(sample_service, "Xã Tam Gia đạt 10/19 tiêu chí nông thôn mới [1].")
    events = list(svc.ask_stream("Xã Tam Gia đạt bao nhiêu tiêu chí nông thôn mới?"))
    assert any(e["event"] == "token" for e in events), "tokens stream"
    a = events[-1]["data"]
    assert a["mode"] == "llm" and a["found"] and "10/19" in a["answer"]
    assert a["citations"][0]["source"] == "000_aa16ed5db4b16415.txt"
    assert "10/19" in a["citations"][0]["quote"]


def test_llm_invented_number_falls_back_to_extractive(sample_service):
    svc = _llm_service(sample_service, "Xã Tam Gia đạt 15/19 tiêu chí [1].")
    a = svc.ask("Xã Tam Gia đạt bao nhiêu tiêu chí nông thôn mới?")
    assert a.mode == "extractive" and "10/19" in a.answer and "15/19" not in a.answer


def test_llm_not_found_marker(sample_service):
    svc = _llm_service(sample_service, "KHÔNG_TÌM_THẤY")
    assert not svc.ask("Giá vé xe khách Lạng Sơn - Hà Nội là bao nhiêu?").found


def test_grounding_check():
    passages = ["đạt 10/19 tiêu chí", "ngày 18/3/2022"]
    assert grounded("đạt 10/19 [1]", passages)
    assert not grounded("đạt 10/19", passages)  # no citation
    assert not grounded("đạt 11/19 [1]", passages)  # number not in the cited passage
    assert not grounded("ngày 18/3/2022 [1]", passages)  # right fact, wrong citation
    assert not grounded("đạt 10/19 [3]", passages)  # citation out of range


def test_follow_up_question_uses_the_conversation(sample_service):
    from core.results import Turn

    history = [Turn(question="Xã Tam Gia đạt bao nhiêu tiêu chí nông thôn mới?", answer="10/19")]
    a = sample_service.ask("Còn xã Hoa Thám?", history=history)
    assert a.found and "08/19" in a.answer


def test_issue_date_comes_from_the_header_line(sample_service):
    a = sample_service.ask(
        "Thông báo kết luận phiên họp UBND tỉnh tháng 3 năm 2022 ban hành ngày nào?"
    )
    assert a.found and "3/2022" in a.answer
    assert a.citations[0].quote == "Lạng Sơn, ngày tháng 3 năm 2022"


def test_agency_questions_want_an_agency(sample_service):
    a = sample_service.ask(
        "Cơ quan nào được giao rà soát, hoàn thiện dự thảo Kế hoạch về công tác khí tượng thủy văn?"
    )
    assert a.found and "Sở Tài nguyên và Môi trường" in a.answer


def test_questions_about_the_notice_itself(sample_service):
    a = sample_service.ask(
        "Thông báo kết luận phiên họp UBND tỉnh tháng 3 năm 2022 do cơ quan nào ban hành?"
    )
    assert a.found and "UBND tỉnh Lạng Sơn" in a.answer
