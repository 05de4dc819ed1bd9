"""English questions in the answering service: a question about assigned tasks reaches the task
list in Vietnamese words, and `chidao ask --explain` shows how an English question was read."""

from __future__ import annotations

import json

from answering.tasks import book_for, read_question
from chidao.explain import explain
from tests.conftest import ROOT
from vntext.english import to_vietnamese

SESSION = "003_0ce4c6df32ab89d9.txt"


def test_an_english_task_question_is_answered_from_the_task_list(sample_service):
    answer = sample_service.ask("Which tasks of the Department of Construction are due soon?")
    assert answer.mode == "tasks" and answer.found
    assert answer.answer.startswith("According to [1]: ")
    assert answer.citations[0].source == SESSION and "05/4/2022" in answer.answer
    by_date = sample_service.ask("What must the Department of Construction do by 5 April 2022?")
    assert by_date.mode == "tasks" and "05/4/2022" in by_date.answer


def test_english_questions_for_one_fact_do_not_reach_the_task_list(sample_service):
    book = book_for(sample_service.catalog)
    asked = 0
    for name in ("english_questions", "english_extra_questions"):
        for line in (ROOT / "tests" / "data" / f"{name}.jsonl").read_text().splitlines():
            asked += 1
            question = json.loads(line)["question"]
            assert read_question(to_vietnamese(question).text, book) is None, question
    assert asked >= 50


def test_explain_shows_the_translation_of_an_english_question(sample_service):
    shown = explain(sample_service, "Tam Gia commune has met how many new rural criteria?")
    first, glossary = shown.splitlines()[:2]
    assert first.startswith("english → ") and "xã Tam Gia" in first and "nông thôn mới" in first
    assert glossary.startswith("glossary: ") and "criteria = tiêu chí" in glossary
    vietnamese = explain(sample_service, "Xã Tam Gia đạt bao nhiêu tiêu chí nông thôn mới?")
    assert not vietnamese.startswith("english")
