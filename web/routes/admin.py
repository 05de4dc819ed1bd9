"""Admin API: upload, delete, re-index, job progress. Off unless CHIDAO_ADMIN_TOKEN is set;
the token is compared in constant time."""

from __future__ import annotations

import hmac
import logging
import unicodedata
import uuid
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Header, HTTPException, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse

from core.errors import ChidaoError, JobRunning
from core.settings import Settings
from ingest.jobs import JobStatus
from ingest.loaders import SUPPORTED_SUFFIXES, check_file
from ingest.ocr import OcrConfig
from web.deps import JobsDep, ServiceDep, SettingsDep

log = logging.getLogger(__name__)
router = APIRouter(prefix="/admin", tags=["admin"])
STATIC = Path(__file__).resolve().parents[1] / "static"


def require_admin(
    request: Request,
    authorization: Annotated[str | None, Header()] = None,
    x_admin_token: Annotated[str | None, Header()] = None,
) -> str:
    """The caller's token matches CHIDAO_ADMIN_TOKEN; returns who, for the jobs log."""
    expected = request.app.state.settings.admin_token
    if not expected:
        raise HTTPException(404, "Chức năng quản trị đang tắt (chưa đặt CHIDAO_ADMIN_TOKEN).")
    given = x_admin_token or (authorization or "").removeprefix("Bearer ").strip()
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "Mã quản trị không đúng.")
    client = request.client.host if request.client else "?"
    return f"admin@{client}"


Admin = Annotated[str, Depends(require_admin)]
Jobs = JobsDep


def safe_name(raw: str | None) -> str:
    """A plain file name: no folders, no "..", no hidden files, NFC."""
    name = unicodedata.normalize("NFC", (raw or "").strip())
    if not name or "/" in name or "\\" in name or name.startswith(".") or "\x00" in name:
        raise ValueError("tên tệp không hợp lệ")
    return name


def _check_upload(data: bytes, name: str, settings: Settings) -> None:
    """Raise ValueError with a Vietnamese reason when the file cannot be ingested."""
    if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
        raise ValueError(f"định dạng không hỗ trợ ({Path(name).suffix or 'không có đuôi'})")
    if not data:
        raise ValueError("tệp rỗng")
    if len(data) > settings.upload_max_bytes:
        raise ValueError(f"tệp quá lớn (tối đa {settings.upload_max_bytes // (1024 * 1024)} MiB)")
    scratch = settings.data_dir / "tmp" / f"{uuid.uuid4().hex}{Path(name).suffix.lower()}"
    scratch.parent.mkdir(parents=True, exist_ok=True)
    try:
        scratch.write_bytes(data)
        # a corrupt pdf/docx or binary garbage fails here, alone; a scan is OCR'd in the job
        check_file(scratch, OcrConfig.from_settings(settings))
    except ChidaoError as exc:
        raise ValueError(str(exc)) from exc
    finally:
        scratch.unlink(missing_ok=True)


@router.post("/documents")
async def upload(
    settings: SettingsDep,
    jobs: Jobs,
    who: Admin,
    files: Annotated[list[UploadFile], File(description="notices to add or replace")],
) -> JSONResponse:
    uploads = settings.data_dir / "uploads"
    uploads.mkdir(parents=True, exist_ok=True)
    accepted, rejected, saved = [], [], []
    for upload_file in files:
        try:
            name = safe_name(upload_file.filename)
            data = await upload_file.read(settings.upload_max_bytes + 1)
            await run_in_threadpool(_check_upload, data, name, settings)
        except ValueError as exc:
            rejected.append({"name": upload_file.filename, "error": str(exc)})
            continue
        target = uploads / name
        tmp = uploads / f".{uuid.uuid4().hex}.part"
        tmp.write_bytes(data)
        tmp.replace(target)  # an upload with the same name replaces the old notice
        saved.append(target)
        accepted.append(name)
    job = None
    if saved:
        try:
            job = jobs.start(saved, requested_by=who)
        except JobRunning as exc:
            raise HTTPException(409, f"{exc} (job {exc.job_id})") from exc
    body: dict[str, Any] = {
        "job": job.model_dump() if job else None,
        "accepted": accepted,
        "rejected": rejected,
    }
    if job is None:
        body["detail"] = "Không có tệp hợp lệ nào để nạp."
    return JSONResponse(body, status_code=202 if job else 400)


@router.delete("/documents/{doc_id}")
def delete_document(
    doc_id: str, service: ServiceDep, settings: SettingsDep, jobs: Jobs, who: Admin
) -> dict:
    doc = service.state().docs.get(doc_id)
    if doc is None:
        raise HTTPException(404, "Không tìm thấy văn bản.")
    uploads = (settings.data_dir / "uploads").resolve()
    path = Path(doc.path).resolve()
    try:
        job = jobs.start_removal([doc_id], requested_by=who)
    except JobRunning as exc:
        raise HTTPException(409, f"{exc} (job {exc.job_id})") from exc
    if path.is_relative_to(uploads):  # only files the admin API itself stored are deleted
        path.unlink(missing_ok=True)
    return {"job": job.model_dump()}


@router.post("/reindex")
def reindex(settings: SettingsDep, jobs: Jobs, who: Admin) -> dict:
    folders = [p for p in (settings.docs_dir, settings.data_dir / "uploads") if p.exists()]
    try:
        job = jobs.start(folders, prune=True, requested_by=who)
    except JobRunning as exc:
        raise HTTPException(409, f"{exc} (job {exc.job_id})") from exc
    return {"job": job.model_dump()}


@router.get("/jobs")
def list_jobs(jobs: Jobs, _: Admin) -> list[JobStatus]:
    return jobs.history(100)


@router.get("/jobs/{job_id}")
def get_job(job_id: str, jobs: Jobs, _: Admin) -> JobStatus:
    job = jobs.get(job_id)
    if job is None:
        raise HTTPException(404, "Không tìm thấy lượt nạp.")
    return job


@router.get("", include_in_schema=False)
def admin_page(settings: SettingsDep) -> FileResponse:
    """The admin page itself is public; every action on it needs the token. With no token set
    the admin API is off, and the page says so and how to turn it on, instead of a form whose
    every action fails."""
    if not settings.admin_token:
        return FileResponse(STATIC / "admin-off.html", status_code=404)
    return FileResponse(STATIC / "admin.html")
