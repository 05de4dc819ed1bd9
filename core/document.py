"""The shapes ingestion produces: a notice's metadata, its chunks, the whole document."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class DocMetadata:
    """What a reader looks up first on a notice: what, which number, when, who, about what."""

    doc_type: str = (
        ""  # Thông báo, Quyết định, Kế hoạch, Báo cáo, Chỉ thị, Nghị quyết, Tin bài, ...
    )
    number: str = ""  # "66/TB-TCT"; "" when the notice leaves the number blank ("Số: /TB-UBND")
    symbol: str = ""  # the part after the number: "TB-UBND", "QĐ-UBND"
    place: str = ""  # "Lạng Sơn"
    date: str = ""  # ISO, as precise as written: "2024-04-23", "2022-10", "2022"
    issuer: str = ""  # "UBND tỉnh Lạng Sơn", "Tổ Công tác của Chủ tịch UBND tỉnh"
    province: str = ""  # "Lạng Sơn"
    title: str = ""  # trích yếu
    signer: str = ""
    signer_position: str = ""
    districts: list[str] = field(default_factory=list)
    communes: list[str] = field(default_factory=list)

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date[:4].isdigit() else None

    @property
    def date_display(self) -> str:
        """Vietnamese day/month/year as written: "23/4/2024", "10/2022", "2022"."""
        parts = [p.lstrip("0") or "0" for p in self.date.split("-") if p]
        return "/".join(reversed(parts))

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Chunk:
    """A retrievable passage: a few sentences under one heading path, footnotes attached."""

    chunk_id: str
    doc_id: str
    ordinal: int
    text: str
    headings: list[str] = field(default_factory=list)
    start: int = 0  # character offsets of the passage in Document.text
    end: int = 0
    context: str = ""  # the document's title: gives every chunk its subject when retrieved alone

    @property
    def section(self) -> str:
        return " › ".join(self.headings)

    @property
    def index_text(self) -> str:
        """What gets embedded and BM25-indexed: the heading path gives sentences their subject."""
        return "\n".join(p for p in (self.context, self.section, self.text) if p)


@dataclass
class Document:
    doc_id: str  # stable for a path
    source: str  # file name the notice was ingested from
    path: str
    content_hash: str
    text: str  # cleaned text, NFC
    metadata: DocMetadata
    chunks: list[Chunk] = field(default_factory=list)

    @property
    def version_id(self) -> str:
        return f"{self.doc_id}-{self.content_hash[:12]}"
