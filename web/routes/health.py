"""Liveness and readiness for whoever runs the service."""

from __future__ import annotations

import logging

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from web.deps import ServiceDep

log = logging.getLogger(__name__)
router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz() -> dict:
    """The process is up and answering HTTP."""
    return {"status": "ok"}


@router.get("/readyz")
def readyz(service: ServiceDep) -> JSONResponse:
    """503 until the index holds documents; then what it holds."""
    try:
        stats = service.stats()  # also picks up an ingest another process has committed
    except Exception:
        log.exception("readiness check failed")
        return JSONResponse({"status": "error", "detail": "Không đọc được chỉ mục."}, 503)
    if not service.is_ready():
        detail = "Chưa có văn bản nào được nạp (chạy `chidao ingest`)."
        return JSONResponse({"status": "starting", "detail": detail}, 503)
    return JSONResponse({"status": "ready", **stats.model_dump()})
