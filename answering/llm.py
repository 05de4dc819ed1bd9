"""The LLM answerer (langchain): writes the answer from numbered passages, then a grounding check
keeps it honest — every number and date it states must stand in a passage it cites, or the
extractive answer is used instead."""

from __future__ import annotations

import logging
import re

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import SecretStr

from answering.answerer import Answerer, TokenSink
from answering.extractive import citation, not_found
from answering.question import Question
from answering.scoring import EvidenceFinder, rerank
from core.errors import ConfigError
from core.results import Answer, Citation
from core.settings import Settings
from index.hybrid import Hit
from index.state import IndexState
from prompts import load_prompt
from vntext.sentences import split_sentences
from vntext.terms import folded_syllables

log = logging.getLogger(__name__)
NOT_FOUND_MARK = "KHÔNG_TÌM_THẤY"
PASSAGES = 5
_FACT = re.compile(r"\d+(?:[.,/]\d+)*")
_CITE = re.compile(r"\[(\d{1,2})\]")


def make_chat_model(settings: Settings) -> BaseChatModel:
    match settings.llm_provider:
        case "openai":
            from langchain_openai import ChatOpenAI

            return ChatOpenAI(
                model=settings.llm_model or "gpt-4o-mini",
                base_url=settings.llm_base_url or None,
                api_key=SecretStr(settings.llm_api_key or "not-needed"),
                temperature=settings.llm_temperature,
                timeout=settings.llm_timeout_s,
            )
        case "ollama":
            from langchain_ollama import ChatOllama

            return ChatOllama(
                model=settings.llm_model or "qwen2.5:7b",
                base_url=settings.llm_base_url or None,
                temperature=settings.llm_temperature,
            )
        case other:
            raise ConfigError(f"Unknown CHIDAO_LLM_PROVIDER={other!r}; use openai or ollama.")


def grounded(answer: str, passages: list[str]) -> bool:
    """Every number in the answer appears in the passages it cites (and it cites something)."""
    cited = {int(n) for n in _CITE.findall(answer)}
    if not cited or any(n < 1 or n > len(passages) for n in cited):
        return False
    evidence = " ".join(passages[n - 1] for n in cited)
    facts = _FACT.findall(_CITE.sub("", answer))
    return all(f in evidence for f in facts)


def _best_sentence(passage: str, answer: str) -> str:
    wanted = set(folded_syllables(answer))
    return max(split_sentences(passage), key=lambda s: len(wanted & set(folded_syllables(s))))


class LLMAnswerer:
    """Writes from the top passages through langchain; falls back to `fallback` when the model
    fails or writes a figure its citations do not hold."""

    mode = "llm"

    def __init__(self, model: BaseChatModel, fallback: Answerer):
        self.model = model
        self.fallback = fallback
        self.system = load_prompt("answer_system")
        self.user = load_prompt("answer_user")

    def answer(
        self, q: Question, hits: list[Hit], state: IndexState, on_token: TokenSink | None = None
    ) -> Answer:
        fallback = self.fallback
        evidence = EvidenceFinder(state).find(q, hits)
        ranked = rerank(hits, evidence)[:PASSAGES]
        passages = [h.chunk.text for h in ranked]
        numbered = "\n\n".join(
            f"[{i}] ({state.doc_of(h.chunk).metadata.title[:100]} — {h.chunk.section})\n"
            f"{h.chunk.text}"
            for i, h in enumerate(ranked, 1)
        )
        messages = [
            SystemMessage(self.system),
            HumanMessage(self.user.format(passages=numbered, question=q.text)),
        ]
        text = ""
        try:
            for piece in self.model.stream(messages):
                token = piece.content if isinstance(piece.content, str) else ""
                text += token
                if token and on_token is not None:
                    on_token(token)
        except Exception:
            log.exception("LLM call failed; answering extractively")
            return fallback.answer(q, hits, state)
        text = text.strip()
        if NOT_FOUND_MARK in text:
            return not_found(q.text)
        if not grounded(text, passages):
            log.warning(
                "LLM answer not grounded in its citations; answering extractively: %r", text
            )
            return fallback.answer(q, hits, state)
        return self._answer(q, text, ranked, state)

    def _answer(self, q: Question, text: str, ranked: list[Hit], state: IndexState) -> Answer:
        order: dict[int, int] = {}
        for n in (int(x) for x in _CITE.findall(text)):
            order.setdefault(n, len(order) + 1)
        text = _CITE.sub(lambda m: f"[{order[int(m.group(1))]}]", text)
        citations: list[Citation] = [
            citation(new, ranked[old - 1], state, _best_sentence(ranked[old - 1].chunk.text, text))
            for old, new in order.items()
        ]
        return Answer(question=q.text, answer=text, found=True, citations=citations, mode="llm")
