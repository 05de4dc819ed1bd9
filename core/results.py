"""The one result shape every front end shows: CLI --json, web API, Telegram."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Filters(BaseModel):
    """Optional narrowing of a question to some notices."""

    year: int | None = Field(default=None, ge=1900, le=2100)
    district: str | None = Field(default=None, max_length=100)
    doc_type: str | None = Field(default=None, max_length=100)

    def is_empty(self) -> bool:
        return self.year is None and not self.district and not self.doc_type


class Turn(BaseModel):
    """One earlier exchange, so a follow-up question can lean on it."""

    question: str = Field(max_length=1000)
    answer: str = Field(default="", max_length=4000)


class Citation(BaseModel):
    n: int
    source: str  # file name the notice was ingested from
    doc_id: str
    chunk_id: str
    title: str
    date: str  # as written: "23/4/2024", "10/2022"
    section: str  # heading path: "II. NHIỆM VỤ › 2. Đối với xã Hoa Thám"
    quote: str  # the exact sentence(s) from the file that carry the answer
    passage: str  # the whole chunk the quote sits in
    page: int | None = None  # 1-based page of a PDF or scan where the passage starts


class Answer(BaseModel):
    question: str
    answer: str
    found: bool
    citations: list[Citation] = Field(default_factory=list)
    timings_ms: dict[str, float] = Field(default_factory=dict)
    mode: str = "extractive"  # or "llm"
    answer_id: str = ""  # set by the front ends' question log: unique, unguessable, for ratings


class DocumentInfo(BaseModel):
    doc_id: str
    source: str
    title: str
    doc_type: str
    number: str
    date: str
    issuer: str
    signer: str
    chunks: int


class ChunkSpan(BaseModel):
    chunk_id: str
    start: int
    end: int
    section: str


class ReferenceInfo(BaseModel):
    """A document the notice cites, as the notice states it."""

    doc_type: str  # "Báo cáo", "Quyết định", "Luật", …
    number: str  # "711/BC-UBND"; "" for a law cited by name
    date: str  # ISO, as precise as written: "2022-09-19", "2025"; "" when not stated
    date_text: str  # the words: "ngày 19/9/2022"
    issuer: str  # "UBND huyện Lộc Bình"
    about: str  # "về tình hình thực hiện …"; a law's name
    sentence: str  # the first sentence that cites it
    chunk_id: str


class DocumentDetail(DocumentInfo):
    text: str
    spans: list[ChunkSpan]
    references: list[ReferenceInfo] = Field(default_factory=list)


class Facets(BaseModel):
    """Filter values the index actually holds, for the web page's drop-downs."""

    years: list[int]
    districts: list[str]
    doc_types: list[str]


class IndexStats(BaseModel):
    documents: int
    chunks: int
    embedder: str
    generation: int


class Task(BaseModel):
    """One assignment read from a notice: who must do what, by when, and where it says so.

    `agency` is canonical ("Sở Tài nguyên và Môi trường" for "Sở TN&MT"); None when the notice
    sets a deadline without naming anyone. `due` is ISO when the words name a date; `due_text`
    keeps the words whatever they are ("Quý II/2026", "Thường xuyên", "31/02/2024").
    """

    agency: str | None = None
    co_agencies: list[str] = Field(default_factory=list)
    task: str
    due: str | None = None
    due_text: str | None = None
    recurring: bool = False
    source: str = ""  # file name of the notice
    doc_id: str = ""
    section: str = ""  # heading path of the passage
    quote: str = ""  # the notice's own words: the sentence, list item or table row
    chunk_id: str = ""  # the passage a citation opens
    start: int = 0  # where the quote starts in the notice's text
    title: str = ""  # the notice's title and date, for showing where a task comes from
    date: str = ""
