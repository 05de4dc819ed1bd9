"""What the index holds: the notices, one notice with its chunk boundaries, filter values."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException

from chidao.results import DocumentDetail, DocumentInfo, Facets
from chidao.web.deps import ServiceDep

router = APIRouter(prefix="/api", tags=["documents"])


@router.get("/documents", response_model=list[DocumentInfo])
def documents(service: ServiceDep) -> list[DocumentInfo]:
    return service.documents()


@router.get("/documents/{doc_id}", response_model=DocumentDetail)
def document(doc_id: str, service: ServiceDep) -> DocumentDetail:
    detail = service.document(doc_id)
    if detail is None:
        raise HTTPException(404, "Không tìm thấy văn bản này.")
    return detail


@router.get("/facets", response_model=Facets)
def facets(service: ServiceDep) -> Facets:
    return service.facets()
