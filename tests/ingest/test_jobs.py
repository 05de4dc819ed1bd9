"""Admin re-ingestion safety: one job at a time, answers during a re-index, a killed ingest."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from answering.service import AnswerService
from core.errors import JobRunning
from index.integrity import verify
from ingest.jobs import IngestJobs
from ingest.pipeline import Ingestor
from ingest.watch import watch
from tests.conftest import SAMPLES

ROOT = Path(__file__).resolve().parents[2]
QUESTION = "Xã Tam Gia đạt bao nhiêu tiêu chí nông thôn mới?"


def _many_docs(folder: Path, copies: int) -> Path:
    """Distinct notices made from the samples (a numbered line on top makes each unique)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(copies):
        for f in SAMPLES.iterdir():
            (folder / f"{i:03d}_{f.name}").write_text(f"Bản sao {i}\n\n{f.read_text()}")
    return folder


def test_one_job_at_a_time_and_summary(settings, tmp_path):
    docs = _many_docs(tmp_path / "docs", 6)
    jobs = IngestJobs(settings)
    job = jobs.start([docs], requested_by="admin")
    with pytest.raises(JobRunning) as err:
        jobs.start([docs])
    assert err.value.job_id == job.id
    done = jobs.wait(job.id, timeout=120)
    assert done.state == "done" and done.added == 30 and done.files_done == 30
    assert "thêm 30" in done.summary_vi()
    assert jobs.history()[0].id == job.id and jobs.history()[0].requested_by == "admin"
    assert jobs.start([docs]).id != job.id  # free again after it ended


def test_questions_during_a_reindex_all_succeed(settings, tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(SAMPLES, docs)
    Ingestor(settings).run([docs])
    service = AnswerService.from_settings(settings)
    _many_docs(docs / "more", 8)
    jobs = IngestJobs(settings, on_commit=service.state)
    job = jobs.start([docs])
    answers, errors = [], []

    def ask_loop() -> None:
        while jobs.running:
            try:
                answers.append(service.ask(QUESTION))
            except Exception as exc:
                errors.append(exc)

    threads = [threading.Thread(target=ask_loop) for _ in range(3)]
    for t in threads:
        t.start()
    assert jobs.wait(job.id, timeout=300).state == "done"
    for t in threads:
        t.join()
    assert errors == [] and len(answers) >= 3
    assert all(a.found and "10/19" in a.answer for a in answers)
    assert service.stats().documents == 45


def test_killed_ingest_leaves_last_complete_state_and_rerun_repairs(tmp_path):
    data = tmp_path / "data"
    first = tmp_path / "first"
    shutil.copytree(SAMPLES, first)
    env = {**os.environ, "CHIDAO_DATA_DIR": str(data), "CHIDAO_EMBEDDER": "hash"}
    cmd = [sys.executable, "-m", "chidao.cli", "ingest"]
    assert subprocess.run([*cmd, str(first)], env=env, cwd=ROOT, timeout=300).returncode == 0
    big = _many_docs(tmp_path / "big", 80)
    proc = subprocess.Popen(
        [*cmd, str(first), str(big)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 120
    while not (data / "ingest.dirty").exists() and time.time() < deadline:
        time.sleep(0.01)
    time.sleep(0.3)  # let it write vectors for a while
    assert proc.poll() is None, "the ingest ended before it could be killed; make the corpus bigger"
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)

    from tests.conftest import make_settings

    settings = make_settings(data)
    assert verify(settings) == [], "the catalog, BM25 and the live vectors still agree"
    service = AnswerService.from_settings(settings)
    assert service.stats().documents == 5, "the last complete state is served"
    assert "10/19" in service.ask(QUESTION).answer

    rerun = subprocess.run(
        [*cmd, str(first), str(big)], env=env, cwd=ROOT, timeout=600, capture_output=True, text=True
    )
    assert rerun.returncode == 0, rerun.stderr
    assert verify(settings) == [] and not (data / "ingest.dirty").exists()
    assert AnswerService.from_settings(settings).stats().documents == 5 + 400


def test_watch_ingests_new_changed_and_removed_files(settings, tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(SAMPLES, docs)
    stop = threading.Event()
    runs = []
    thread = threading.Thread(
        target=lambda: runs.append(watch(settings, docs, interval=0.2, stop=stop)), daemon=True
    )
    thread.start()
    service = None
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            service = service or AnswerService.from_settings(settings)
            if service.stats().documents == 5:
                break
        except Exception:
            pass
        time.sleep(0.2)
    (docs / "004_04a97d19aa940e28.txt").unlink()
    while time.time() < deadline and service.stats().documents != 4:
        time.sleep(0.2)
    stop.set()
    thread.join(10)
    assert service.stats().documents == 4 and runs and runs[0] >= 2
