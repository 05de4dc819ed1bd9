"""Ingestion jobs: one at a time, observable while they run, logged when they end.

Used by the web admin API and the Telegram /reindex command, so both report the same way.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel, Field

from core.errors import JobRunning
from core.settings import Settings

log = logging.getLogger(__name__)


class FileError(BaseModel):
    path: str
    error: str


class JobStatus(BaseModel):
    id: str
    state: str = "queued"  # queued | running | done | failed
    requested_by: str = ""
    paths: list[str] = Field(default_factory=list)
    started_at: float | None = None
    finished_at: float | None = None
    files_total: int = 0
    files_done: int = 0
    pages_total: int = 0  # scanned pages of the file being OCR'd now
    pages_done: int = 0
    ocr_pages: int = 0  # pages OCR'd in this job (pages found in the OCR cache not counted)
    chunks: int = 0
    added: int = 0
    updated: int = 0
    skipped: int = 0
    removed: int = 0
    failed: list[FileError] = Field(default_factory=list)
    error: str | None = None

    def summary_vi(self) -> str:
        if self.state == "failed":
            return f"Lượt nạp {self.id} thất bại: {self.error}"
        if self.state != "done":
            text = f"Lượt nạp {self.id} đang chạy: {self.files_done}/{self.files_total} tệp"
            if self.pages_total:
                text += f"; OCR trang {self.pages_done}/{self.pages_total}"
            return text + "."
        text = (
            f"Đã nạp xong {self.files_total} tệp: thêm {self.added}, cập nhật {self.updated}, "
            f"không đổi {self.skipped}, xóa {self.removed}, lỗi {len(self.failed)}; "
            f"{self.chunks} đoạn mới."
        )
        for f in self.failed[:5]:
            text += f"\n- {Path(f.path).name}: {f.error}"
        return text


class IngestJobs:
    """Runs Ingestor in a background thread; `on_commit` lets the service reload at once."""

    def __init__(
        self, settings: Settings, on_commit: Callable[[], object] | None = None, embedder=None
    ):
        self.settings = settings
        self.on_commit = on_commit
        self.embedder = embedder
        self.log_path = settings.data_dir / "jobs.jsonl"
        self._jobs: dict[str, JobStatus] = {}
        self._done: dict[str, threading.Event] = {}
        self._lock = threading.Lock()
        self._running: str | None = None

    def start(self, paths: list[Path], prune: bool = False, requested_by: str = "") -> JobStatus:
        """Starts a background ingest; raises JobRunning if one is running."""

        def work(ingestor, progress):
            return ingestor.run(paths, prune=prune, progress=progress)

        return self._start(requested_by, [str(p) for p in paths], work)

    def start_removal(self, doc_ids: list[str], requested_by: str = "") -> JobStatus:
        """Takes documents out of the index as a job, so it never overlaps an ingest."""
        return self._start(
            requested_by,
            [f"doc:{d}" for d in doc_ids],
            lambda ingestor, _: ingestor.remove(doc_ids),
        )

    def _start(self, requested_by: str, paths: list[str], work: Callable) -> JobStatus:
        with self._lock:
            if self._running is not None:
                raise JobRunning(self._running)
            job = JobStatus(id=uuid.uuid4().hex[:12], requested_by=requested_by, paths=paths)
            self._jobs[job.id] = job
            self._done[job.id] = threading.Event()
            self._running = job.id
        threading.Thread(target=self._run, args=(job, work), daemon=True).start()
        return job

    def _run(self, job: JobStatus, work: Callable) -> None:
        from ingest.pipeline import Ingestor

        job.state, job.started_at = "running", time.time()

        def progress(stage: str, done: int, total: int) -> None:
            if stage == "pages":
                job.pages_done, job.pages_total = done, total
            else:
                job.files_done, job.files_total = done, total

        try:
            report = work(Ingestor(self.settings, self.embedder), progress)
            job.files_total = report.seen
            job.files_done = report.seen
            job.chunks, job.added, job.updated = report.chunks, report.added, report.updated
            job.skipped, job.removed = report.skipped, report.removed
            job.ocr_pages = report.ocr_pages
            job.failed = [FileError(path=p, error=e) for p, e in report.failed]
            job.state = "done"
            if self.on_commit:
                self.on_commit()
        except Exception as exc:
            log.exception("ingest job %s failed", job.id)
            job.state, job.error = "failed", str(exc)
        finally:
            job.finished_at = time.time()
            self._append_log(job)
            with self._lock:
                self._running = None
            self._done[job.id].set()

    def _append_log(self, job: JobStatus) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("a", encoding="utf-8") as f:
            f.write(job.model_dump_json() + "\n")

    def get(self, job_id: str) -> JobStatus | None:
        if job_id in self._jobs:
            return self._jobs[job_id]
        return next((j for j in self.history(1000) if j.id == job_id), None)

    def wait(self, job_id: str, timeout: float | None = None) -> JobStatus:
        event = self._done.get(job_id)
        if event is not None:
            event.wait(timeout)
        job = self.get(job_id)
        if job is None:
            raise KeyError(job_id)
        return job

    @property
    def running(self) -> str | None:
        return self._running

    def history(self, limit: int = 50) -> list[JobStatus]:
        """Finished jobs from the log, newest first, plus the one running now."""
        jobs: list[JobStatus] = []
        if self.log_path.exists():
            for line in self.log_path.read_text(encoding="utf-8").splitlines()[-limit:]:
                try:
                    jobs.append(JobStatus.model_validate_json(line))
                except ValueError:
                    continue
        if self._running and self._running in self._jobs:
            jobs.append(self._jobs[self._running])
        return list(reversed(jobs))[:limit]
