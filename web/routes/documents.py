"""What the index holds: the notices, one notice with its chunk boundaries, filter values."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path

from core.results import DocumentDetail, DocumentInfo, Facets
from web.deps import ServiceDep
from web.schemas import ErrorBody

router = APIRouter(prefix="/api", tags=["documents"])
DocId = Annotated[str, Path(max_length=100, description="doc_id from a citation or the list")]


@router.get("/documents", response_model=list[DocumentInfo])
def documents(service: ServiceDep) -> list[DocumentInfo]:
    """Indexed notices, newest first."""
    return service.documents()


@router.get(
    "/documents/{doc_id}", response_model=DocumentDetail, responses={404: {"model": ErrorBody}}
)
def document(doc_id: DocId, service: ServiceDep) -> DocumentDetail:
    """The notice's full text, where each chunk sits in it (character offsets), and the
    documents it cites (type, number, date, issuer, subject, citing sentence)."""
    detail = service.document(doc_id)
    if detail is None:
        raise HTTPException(404, "Không tìm thấy văn bản này (có thể đã bị xoá hoặc nạp lại).")
    return detail


@router.get("/facets", response_model=Facets)
def facets(service: ServiceDep) -> Facets:
    """Years, districts and document types the index holds, for filter drop-downs."""
    return service.facets()
