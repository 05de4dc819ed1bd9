"""The LLM answerer (langchain): writes the answer from numbered passages, then a grounding check
keeps it honest — every number and date it states must stand in a passage it cites, or the
extractive answer is used instead."""

from __future__ import annotations

import logging
import re
from collections.abc import Generator
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage

from chidao.answering.evidence import EvidenceFinder, rerank
from chidao.answering.extractive import ExtractiveAnswerer, citation, not_found
from chidao.answering.question import Question
from chidao.errors import ConfigError
from chidao.results import Answer, Citation
from chidao.settings import Settings
from index.hybrid import Hit
from index.state import IndexState
from index.vntext import folded_syllables
from ingest.sentences import split_sentences
from prompts import load_prompt

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
                api_key=settings.llm_api_key or "not-needed",
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
    def __init__(self, model: BaseChatModel):
        self.model = model
        self.system = load_prompt("answer_system")
        self.user = load_prompt("answer_user")

    def stream(
        self, q: Question, hits: list[Hit], state: IndexState, fallback: ExtractiveAnswerer
    ) -> Generator[dict[str, Any], None, Answer]:
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
                if token:
                    yield {"event": "token", "data": token}
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
