"""How a question is read before retrieval: an English question in the documents' Vietnamese
words, a short follow-up with the words of the question before it."""

from __future__ import annotations

from answering.question import Question, analyse
from core.results import Answer, Turn
from vntext.english import FRAME as ENGLISH_FRAME
from vntext.english import NOT_FOUND as ENGLISH_NOT_FOUND
from vntext.english import is_english, to_vietnamese


def understand(question: str, history: list[Turn] | None) -> tuple[str, Question]:
    """The text to search with and the question as analysed: an English question in the
    documents' Vietnamese words; a short follow-up with the words of the one before it, its own
    places replacing the earlier ones."""
    if is_english(question):
        question = to_vietnamese(question).text
    search_text = with_history(question, history)
    q = analyse(search_text)
    if search_text != question:
        own = analyse(question)
        q.text = question
        q.entities = own.entities or q.entities
        q.years = own.years or q.years
    return search_text, q


def in_english(answer: Answer) -> Answer:
    """The documents' Vietnamese words inside a short English frame; a yes/no verdict
    ("Không. …") opens it in English ("No. According to [1]: …")."""
    if not answer.found:
        answer.answer = f"{ENGLISH_NOT_FOUND} ({answer.answer})"
    elif answer.citations:
        text = answer.answer.removesuffix(" [1]")
        verdict, _, rest = text.partition(". ")
        english = _VERDICTS.get(verdict)
        lead = f"{english}. " if english and rest else ""
        quote = f"{rest[:1].upper()}{rest[1:]}" if lead else text
        answer.answer = f"{lead}{ENGLISH_FRAME}{quote}"
    return answer


_VERDICTS = {"Có": "Yes", "Không": "No", "Chưa": "Not yet", "Đúng": "Yes", "Sai": "No"}


def with_history(question: str, history: list[Turn] | None) -> str:
    """A short follow-up ("còn huyện Lộc Bình?") borrows the words of the previous question."""
    if not history or len(question.split()) > 6:
        return question
    return f"{history[-1].question} {question}"
