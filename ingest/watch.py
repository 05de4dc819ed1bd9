"""`chidao watch DIR`: poll a folder and ingest what was added, changed or removed."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from core.errors import JobRunning
from core.settings import Settings
from ingest.loaders import SUPPORTED_SUFFIXES
from ingest.pipeline import Ingestor

log = logging.getLogger(__name__)


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """(size, mtime) of every supported file: cheap to compare between polls."""
    out = {}
    for p in folder.rglob("*"):
        if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES:
            st = p.stat()
            out[str(p)] = (st.st_size, st.st_mtime_ns)
    return out


def watch(
    settings: Settings,
    folder: Path,
    interval: float = 10.0,
    stop: threading.Event | None = None,
    max_runs: int | None = None,
) -> int:
    """Ingest at start and after every change; returns the number of ingest runs."""
    stop = stop or threading.Event()
    ingestor = Ingestor(settings)
    seen: dict[str, tuple[int, int]] | None = None
    runs = 0
    while not stop.is_set() and (max_runs is None or runs < max_runs):
        current = snapshot(folder)
        if current != seen:
            try:
                report = ingestor.run([folder], prune=True)
                runs += 1
                seen = current
                print(
                    f"{folder}: added {report.added}, updated {report.updated}, "
                    f"removed {report.removed}, failed {len(report.failed)}",
                    flush=True,
                )
            except JobRunning:
                log.info("another ingest is running; will retry")
        stop.wait(interval)
    return runs
