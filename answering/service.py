"""The one answering service. CLI, web and Telegram only translate input and output around it."""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from answering.answerer import Answerer
from answering.extractive import ExtractiveAnswerer, not_found
from answering.named_documents import NamedDocuments
from answering.question import Question
from answering.scoring import Evidence, EvidenceFinder, rerank
from answering.tasks import answer_task_question, book_for
from answering.understanding import in_english, understand
from core.errors import QuestionError
from core.results import (
    Answer,
    ChunkSpan,
    DocumentDetail,
    DocumentInfo,
    Facets,
    Filters,
    IndexStats,
    Turn,
)
from core.settings import Settings
from index import listings
from index.catalog import Catalog
from index.embedders import Embedder, make_embedder
from index.hybrid import Hit, HybridRetriever, Origin
from index.state import IndexState
from index.vector_store import VectorStore, make_client
from vntext.english import is_english, to_vietnamese

log = logging.getLogger(__name__)
CANDIDATES = 20
MAX_LOOKUPS = 40  # passages added by exact lookups (definitions, a named article)
EventSink = Callable[[str, Any], None]


class AnswerService:
    """Answers questions over the current committed index and describes what the index holds.

    Built once per process and shared by every request; safe to call from several threads.
    After an ingest commits (in this process or another), the next call sees the new index.
    """

    def __init__(
        self,
        settings: Settings,
        embedder: Embedder,
        store: VectorStore,
        answerer: Answerer | None = None,
    ):
        self.settings = settings
        self.embedder = embedder
        self.catalog = Catalog(settings.data_dir / "catalog.sqlite")
        self.retriever = HybridRetriever(embedder, store)
        self.answerer: Answerer = answerer or ExtractiveAnswerer()
        self._state: IndexState | None = None
        self.named = NamedDocuments()
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings, embedder: Embedder | None = None) -> AnswerService:
        embedder = embedder or make_embedder(settings)
        store = VectorStore(make_client(settings), settings.collection, embedder.name, embedder.dim)
        service = cls(settings, embedder, store, make_answerer(settings))
        service.state()
        return service

    # --- index state ---------------------------------------------------------------------
    def state(self) -> IndexState:
        """The newest committed snapshot; reloaded when an ingest has bumped the generation."""
        generation = self.catalog.generation()
        state = self._state
        if state is not None and state.generation == generation:
            return state
        with self._lock:
            if self._state is None or self._state.generation != generation:
                t = time.perf_counter()
                self._state = IndexState.load(self.catalog, self.settings.data_dir / "bm25")
                log.info("index generation %s loaded in %.2fs", generation, time.perf_counter() - t)
            return self._state

    # --- questions -----------------------------------------------------------------------
    def _check(self, question: str) -> str:
        question = " ".join((question or "").split())
        if not question:
            raise QuestionError("Câu hỏi trống. Hãy nhập câu hỏi về nội dung văn bản.")
        if len(question) > self.settings.max_question_chars:
            raise QuestionError(
                f"Câu hỏi quá dài (tối đa {self.settings.max_question_chars} ký tự)."
            )
        return question

    def ask(
        self,
        question: str,
        filters: Filters | None = None,
        history: list[Turn] | None = None,
        k: int | None = None,
        on_event: EventSink | None = None,
    ) -> Answer:
        """The answer with its citations. `on_event(event, data)` hears progress ("status")
        and, in LLM mode, the answer's pieces ("token") as they come. Raises QuestionError for
        an empty or too long question."""
        emit = on_event or (lambda event, data: None)
        question = self._check(question)
        started = time.perf_counter()
        emit("status", "Đang tìm trong các văn bản…")
        state = self.state()
        # Assigned work ("Sở X có nhiệm vụ gì sắp đến hạn?") is answered from the task list,
        # one citation per task; every other question goes through retrieval.
        # An English question about tasks reaches the task list in Vietnamese words.
        english = is_english(question)
        as_vietnamese = to_vietnamese(question).text if english else question
        tasks_answer = answer_task_question(as_vietnamese, book_for(self.catalog), state)
        search_text, q = understand(question, history)
        q = self.named.in_title(state, q)
        hits = [] if tasks_answer else self._retrieve(state, search_text, q, filters)
        retrieved = time.perf_counter()
        if tasks_answer is not None:
            answer = tasks_answer
        elif not hits:
            answer = not_found(question)
        else:
            if self.answerer.mode != "extractive":
                emit("status", "Đang soạn câu trả lời…")
            answer = self.answerer.answer(q, hits, state, lambda token: emit("token", token))
        answer.question = question
        if english:
            answer = in_english(answer)
        answer.citations = answer.citations[: k or self.settings.top_k]
        answer.timings_ms = {
            "retrieve": round((retrieved - started) * 1000, 1),
            "answer": round((time.perf_counter() - retrieved) * 1000, 1),
            "total": round((time.perf_counter() - started) * 1000, 1),
        }
        return answer

    def ask_stream(
        self,
        question: str,
        filters: Filters | None = None,
        history: list[Turn] | None = None,
        k: int | None = None,
    ) -> Iterator[dict[str, Any]]:
        """`ask` as events: {"event": "status"|"token"|"answer", "data": ...}, the last one
        "answer" with Answer.model_dump(). The question is checked before the first event."""
        self._check(question)
        events: queue.Queue[dict[str, Any] | BaseException] = queue.Queue()

        def run() -> None:
            try:
                answer = self.ask(
                    question,
                    filters,
                    history,
                    k,
                    on_event=lambda e, d: events.put({"event": e, "data": d}),
                )
                events.put({"event": "answer", "data": answer.model_dump()})
            except BaseException as exc:  # handed to the consumer, raised there
                events.put(exc)

        threading.Thread(target=run, name="chidao-ask", daemon=True).start()
        while True:
            item = events.get()
            if isinstance(item, BaseException):
                raise item
            yield item
            if item["event"] == "answer":
                return

    def search(self, question: str, k: int = 10, filters: Filters | None = None) -> list[Hit]:
        """Passages for a question as the answerer ranks them: hybrid retrieval, then the
        sentence-level rerank."""
        state = self.state()
        search_text, q = understand(question, None)
        hits = self._retrieve(state, search_text, q, filters)
        evidence = EvidenceFinder(state).find(q, hits)
        return rerank(hits, evidence)[:k]

    def evidence(
        self, question: str, filters: Filters | None = None
    ) -> tuple[Question, list[Evidence]]:
        """The question as analysed and every scored candidate sentence, best first: what
        `chidao ask --explain` shows."""
        state = self.state()
        search_text, q = understand(self._check(question), None)
        return q, EvidenceFinder(state).find(q, self._retrieve(state, search_text, q, filters))

    def _retrieve(
        self, state: IndexState, text: str, q: Question, filters: Filters | None
    ) -> list[Hit]:
        """Hybrid retrieval, plus the passages that define the term asked about and the articles
        the question names (by number or by their whole title): exact lookups that ranking
        alone misses."""
        hits = self.retriever.search(state, text, CANDIDATES, filters)
        rows = state.lookups.defining(q.subject) if q.subject else []
        if q.article:
            rows = rows + state.lookups.article(q.article)
        rows = rows + state.lookups.titled(set(q.terms))
        mask = state.mask(filters)
        seen = {h.chunk.chunk_id for h in hits}
        extra = [
            Hit(state.chunks[r], 0.0, origin=Origin.LOOKUP, via=1)
            for r in rows[:MAX_LOOKUPS]
            if state.chunks[r].chunk_id not in seen and (mask is None or mask[r])
        ]
        seen |= {h.chunk.chunk_id for h in extra}
        if mask is None:
            extra += [h for h in self.named.passages(state, q) if h.chunk.chunk_id not in seen]
        return [*hits, *extra]

    # --- what the index holds --------------------------------------------------------------
    def documents(self) -> list[DocumentInfo]:
        """Indexed notices, newest first (listed once per index generation)."""
        return listings.documents(self.state())

    def document(self, doc_id: str) -> DocumentDetail | None:
        info = next((d for d in self.documents() if d.doc_id == doc_id), None)
        text = self.catalog.document_text(doc_id) if info else None
        if info is None or text is None:
            return None
        spans = [
            ChunkSpan(chunk_id=c.chunk_id, start=c.start, end=c.end, section=c.section)
            for c in self.state().chunks_of(doc_id)
        ]
        # The documents this notice cites (index/references.py).
        refs: list = [r.to_dict() for r in self.state().references.summary(doc_id)]
        return DocumentDetail(**info.model_dump(), text=text, spans=spans, references=refs)

    def facets(self) -> Facets:
        """The filter values on offer, made once per index generation and shared: read them,
        do not change them."""
        return listings.facets(self.state())

    def stats(self) -> IndexStats:
        state = self.state()
        return IndexStats(
            documents=len(state.docs),
            chunks=len(state.chunks),
            embedder=self.embedder.name,
            generation=state.generation,
        )

    def is_ready(self) -> bool:
        return self._state is not None and len(self._state.chunks) > 0


def make_answerer(settings: Settings) -> Answerer:
    """The LLM answerer when one is configured (falling back to extractive), else extractive."""
    if not settings.llm_enabled:
        return ExtractiveAnswerer()
    from answering.llm import LLMAnswerer, make_chat_model

    return LLMAnswerer(make_chat_model(settings), fallback=ExtractiveAnswerer())
