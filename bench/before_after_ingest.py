"""Before/after ratios of the last issue-16 fixes, measured in one process on one built index:
the re-ingest of an unchanged corpus (ingest/pipeline.py as commit a7c5eb7 had it, loaded from
git, against the current one, in alternating turns), and the facets and the document list the
web layer asks for (the old walks on every call against one listing per index generation).

    python -m bench.before_after_ingest /work/bench-data 100000 \
        > docs/bench/before_after_ingest.json
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path
from statistics import median

import ingest.pipeline as pipeline
from answering.service import AnswerService
from bench.embedder import BenchEmbedder
from bench.old_code import module_at
from bench.sizes import log, no_task_extraction, settings_for
from core.results import DocumentInfo, Facets
from index.state import IndexState

BEFORE = "a7c5eb7"  # the last commit before ingest/files.py and the per-generation listings


def old_pipeline() -> types.ModuleType:
    """ingest/pipeline.py as it was at BEFORE (its imports resolve to today's modules)."""
    return module_at(BEFORE, "ingest/pipeline.py", "bench_old_pipeline")


def reingest(module: types.ModuleType, root: Path, size: int) -> dict:
    """`chidao ingest` of the unchanged folder, the Ingestor built inside as bench.run does."""
    folder = root / str(size) / "corpus"
    t = time.perf_counter()
    with no_task_extraction(module):
        report = module.Ingestor(settings_for(root, size), BenchEmbedder()).run([folder])
    return {
        "s": round(time.perf_counter() - t, 2),
        "seen": report.seen,
        "skipped": report.skipped,
        "changed": report.added + report.updated,
        "removed": report.removed,
        "failed": len(report.failed),
        "loadavg_1min": round(os.getloadavg()[0], 2),
    }


def old_facets(state: IndexState) -> Facets:
    """AnswerService.facets() at BEFORE: every document's metadata walked on every call."""
    docs = list(state.docs.values())
    return Facets(
        years=sorted({d.metadata.year for d in docs if d.metadata.year}, reverse=True),
        districts=sorted({x for d in docs for x in d.metadata.districts}),
        doc_types=sorted({d.metadata.doc_type for d in docs if d.metadata.doc_type}),
    )


def old_documents(state: IndexState) -> list[DocumentInfo]:
    """AnswerService.documents() at BEFORE: every chunk decoded to count a document's."""
    counts: dict[str, int] = {}
    for c in state.chunks:
        counts[c.doc_id] = counts.get(c.doc_id, 0) + 1
    infos = [
        DocumentInfo(
            doc_id=d.doc_id,
            source=d.source,
            title=d.metadata.title or d.source,
            doc_type=d.metadata.doc_type,
            number=d.metadata.number,
            date=d.metadata.date_display,
            issuer=d.metadata.issuer,
            signer=d.metadata.signer,
            chunks=counts.get(d.doc_id, 0),
        )
        for d in state.docs.values()
    ]
    order = {d.doc_id: (d.metadata.date, d.ingested_at) for d in state.docs.values()}
    return sorted(infos, key=lambda i: order[i.doc_id], reverse=True)


def ms(run: Callable[[], object], times: int) -> dict:
    """Median and worst of `times` calls, in ms."""
    out = []
    for _ in range(times):
        t = time.perf_counter()
        run()
        out.append((time.perf_counter() - t) * 1000)
    return {"calls": times, "median": round(median(out), 3), "max": round(max(out), 3)}


def ratio(before: dict, after: dict) -> float:
    return round(before["median"] / max(after["median"], 1e-3))


def reingest_turns(root: Path, size: int, rounds: int) -> dict:
    old = old_pipeline()
    runs: dict[str, list[dict]] = {"before": [], "after": []}
    for i in range(rounds):  # alternating who goes first: both see the same page cache
        turns = [("before", old), ("after", pipeline)]
        for which, module in turns if i % 2 == 0 else turns[::-1]:
            log(f"re-ingest, {which} (round {i + 1} of {rounds})")
            runs[which].append(reingest(module, root, size))
    counts = {
        (r["seen"], r["skipped"], r["changed"], r["removed"]) for v in runs.values() for r in v
    }
    return {
        "runs": runs,
        "same_counts": len(counts) == 1,
        "ratio": round(
            median(r["s"] for r in runs["before"]) / median(r["s"] for r in runs["after"]), 2
        ),
    }


def listings(root: Path, size: int) -> dict:
    service = AnswerService.from_settings(settings_for(root, size), BenchEmbedder())
    state = service.state()
    log("facets and the document list")
    # First calls read each document once, not kept; the old code walked the kept list.
    facets = {"after_first_ms": ms(service.facets, 1)}
    docs = {"after_first_ms": ms(service.documents, 1)}
    decode_ms = ms(state.docs.values, 1)  # decoded once and kept, as the old code had them
    facets["before_ms"] = ms(lambda: old_facets(state), 10)
    facets["after_ms"] = ms(service.facets, 200)
    facets["same"] = old_facets(state) == service.facets()
    docs["before_ms"] = ms(lambda: old_documents(state), 2)
    docs["after_ms"] = ms(service.documents, 20)
    docs["same"] = old_documents(state) == service.documents()
    last = service.documents()[-1].doc_id
    docs["document_view_after_ms"] = ms(lambda: service.document(last), 20)
    for part in (facets, docs):
        part["ratio"] = ratio(part["before_ms"], part["after_ms"])
        # The old first call decoded every document (kept) and then walked them.
        first = decode_ms["median"] + part["before_ms"]["median"]
        part["ratio_first_call"] = round(first / part["after_first_ms"]["median"], 1)
    return {"documents_decoded_once_ms": decode_ms["median"], "facets": facets, "documents": docs}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("size", type=int)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", type=Path, help="pyinstrument text of one more re-ingest")
    args = parser.parse_args()
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    load = [round(x, 2) for x in os.getloadavg()]
    result = {
        "before_commit": BEFORE,
        "documents": args.size,
        "at": started,
        "cores": os.cpu_count(),
        "loadavg_at_start": load,
        "reingest_unchanged": reingest_turns(args.root, args.size, args.rounds),
        **listings(args.root, args.size),
        "loadavg_at_end": [round(x, 2) for x in os.getloadavg()],
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    if args.profile:
        from pyinstrument import Profiler

        log("re-ingest under pyinstrument")
        profiler = Profiler(interval=0.001)
        with profiler:
            run = reingest(pipeline, args.root, args.size)
        text = profiler.output_text(unicode=True, color=False, show_all=False)
        args.profile.write_text(f"re-ingest of the unchanged corpus, {run}\n{text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
