"""How a question is read before retrieval: an English question in the documents' Vietnamese
words, a short follow-up with the words of the question before it."""

from __future__ import annotations

import re

from answering.direct import MAX_CHARS, segments
from answering.question import Question, analyse
from core.results import Answer, Turn
from vntext.english import FRAME as ENGLISH_FRAME
from vntext.english import NOT_FOUND as ENGLISH_NOT_FOUND
from vntext.english import is_english, to_vietnamese
from vntext.terms import FOLDED_STOPWORDS, fold, syllables


def understand(question: str, history: list[Turn] | None) -> tuple[str, Question]:
    """The text to search with and the question as analysed: an English question in the
    documents' Vietnamese words; a short follow-up with the words of the one before it, its own
    places replacing the earlier ones."""
    wider = ""  # other Vietnamese forms of an English term: retrieval looks for them too
    if is_english(question):
        translation = to_vietnamese(question)
        question, wider = translation.text, translation.alternatives
    search_text = with_history(question, history)
    q = analyse(search_text)
    if search_text != question:
        own = analyse(question)
        q.text = question
        q.entities = own.entities or q.entities
        q.years = own.years or q.years
    return f"{search_text} {wider}".rstrip(), q


def in_english(answer: Answer) -> Answer:
    """The documents' Vietnamese words inside a short English frame; a yes/no verdict keeps
    the documents' word first, glossed in English ("Không (No). According to [1]: …"), so
    the answer opens as a Vietnamese one does."""
    if not answer.found:
        answer.answer = f"{ENGLISH_NOT_FOUND} ({answer.answer})"
    elif answer.citations:
        text = answer.answer.removesuffix(" [1]")
        verdict, _, rest = text.partition(". ")
        english = _VERDICTS.get(verdict)
        lead = f"{verdict} ({english}). " if english and rest else ""
        quote = f"{rest[:1].upper()}{rest[1:]}" if lead else text
        room = MAX_CHARS - len(lead) - len(ENGLISH_FRAME)
        if len(text) <= MAX_CHARS < len(lead) + len(ENGLISH_FRAME) + len(quote):
            quote = _fitted(quote, room, to_vietnamese(answer.question).text)
        answer.answer = f"{lead}{ENGLISH_FRAME}{quote}"
    return answer


def _fitted(quote: str, room: int, asked: str) -> str:
    """A direct answer the English frame pushes past the cap, cut back to `room` characters:
    clauses that state no figure and share no word with the question go first, from the end,
    then from the start; then the longest clause without a figure is shortened."""
    words = {fold(s) for s in syllables(asked)} - FOLDED_STOPWORDS

    def needed(part: str) -> bool:
        return bool(re.search(r"\d", part)) or bool({fold(s) for s in syllables(part)} & words)

    parts = segments(quote)
    while len(" ".join(parts)) > room and len(parts) > 1:
        if not needed(parts[-1]):
            parts.pop()
        elif not needed(parts[0]):
            parts.pop(0)
        else:
            break
    over = len(" ".join(parts)) - room
    if over > 0:
        plain = [p for p in parts if not re.search(r"\d", p)] or parts
        longest = parts.index(max(plain, key=len))
        keep = max(0, len(parts[longest]) - over - 2)
        parts[longest] = (parts[longest][:keep].rsplit(" ", 1)[0] + " …").lstrip(" …") or "…"
    text = " ".join(parts).rstrip(",;: ")
    return text[:1].upper() + text[1:]


_VERDICTS = {"Có": "Yes", "Không": "No", "Chưa": "Not yet", "Đúng": "Yes", "Sai": "No"}


def with_history(question: str, history: list[Turn] | None) -> str:
    """A short follow-up ("còn huyện Lộc Bình?") borrows the words of the previous question."""
    if not history or len(question.split()) > 6:
        return question
    return f"{history[-1].question} {question}"
