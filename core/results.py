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


class Answer(BaseModel):
    question: str
    answer: str
    found: bool
    citations: list[Citation] = Field(default_factory=list)
    timings_ms: dict[str, float] = Field(default_factory=dict)
    mode: str = "extractive"  # or "llm"


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


class DocumentDetail(DocumentInfo):
    text: str
    spans: list[ChunkSpan]


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
