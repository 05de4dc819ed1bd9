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
class TableInfo:
    """A chunk of table rows: each line of its text is one row, "label — column: value; …
    (unit)"; this says what the table is and how to read a row back (ingest.tables.row_cells)."""

    caption: str  # the table's caption or lead-in, as in the chunk's last heading "Bảng: …"
    columns: list[str]  # column headers, left to right; the row label sits under the first
    unit: str = ""  # a unit the table states for all its figures ("nghìn đồng/học sinh/tháng")
    group: str = ""  # the group row these rows sit under ("I. Hoàn thiện thể chế…"), if any

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Reference:
    """Another document a notice cites: "Báo cáo số 711/BC-UBND ngày 19/9/2022 của UBND huyện
    Lộc Bình về …", with the sentence that cites it."""

    doc_type: str  # "Báo cáo", "Quyết định", "Luật", …; "" when neither word nor symbol says
    number: str  # "711/BC-UBND", "10-CT/TW"; "" for a law cited by name only
    date: str = ""  # ISO, as precise as written: "2022-09-19", "2025"
    date_text: str = ""  # the words: "ngày 19/9/2022", "ngày 16 tháng 6 năm 2025"
    issuer: str = ""  # "UBND huyện Lộc Bình", "Thủ tướng Chính phủ"
    about: str = ""  # what it is about when stated: "về tình hình thực hiện …"
    sentence: str = ""  # the citing sentence
    chunk_id: str = ""  # the chunk the sentence is in
    doc_id: str = ""  # the citing notice

    @property
    def name(self) -> str:
        """ "Báo cáo số 711/BC-UBND", "Luật Quy hoạch"."""
        if not self.number:
            return f"{self.doc_type} {self.about}".strip()
        return f"{self.doc_type} số {self.number}".strip()

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
    page: int | None = None  # 1-based page the passage starts on (PDFs and scans); None elsewhere
    table: TableInfo | None = None  # set when the passage is rows of a table

    def __post_init__(self) -> None:
        if isinstance(self.table, dict):  # read back from JSON (catalog, snapshot)
            self.table = TableInfo(**self.table)

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
    references: list[Reference] = field(default_factory=list)  # documents the notice cites

    @property
    def version_id(self) -> str:
        return f"{self.doc_id}-{self.content_hash[:12]}"
