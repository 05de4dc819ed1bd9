"""Liveness and readiness for whoever runs the service."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from chidao.web.deps import ServiceDep

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz() -> dict:
    return {"status": "ok"}


@router.get("/readyz")
def readyz(service: ServiceDep) -> JSONResponse:
    if not service.is_ready():
        return JSONResponse({"status": "starting", "detail": "Chưa có văn bản nào được nạp."}, 503)
    return JSONResponse({"status": "ready", **service.stats().model_dump()})
