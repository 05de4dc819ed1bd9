"""Before/after of BM25 scoring in one process on one built index: index/lexical.py as commit
0f4d9b8 had it (the question's columns sliced out of a scipy matrix, then multiplied), loaded
from git, against the current in-place sum, on the benchmark's question mix, alternating which
goes first; also checks that both give the same scores.

    python -m bench.before_after_bm25 /work/bench-data 100000 > docs/bench/before_after_bm25.json
"""

from __future__ import annotations

import argparse
import json
import os
import time
import types
from pathlib import Path

import numpy as np

from bench.corpus import records_for
from bench.measure import pct
from bench.old_code import module_at
from bench.questions import question_mix
from bench.sizes import settings_for
from index.hybrid import query_terms
from index.lexical import BM25

BEFORE = "0f4d9b8"  # the last commit before the in-place postings sum
ROUNDS = 4


def old_lexical() -> types.ModuleType:
    """index/lexical.py as it was at BEFORE."""
    return module_at(BEFORE, "index/lexical.py", "bench_old_lexical")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("size", type=int)
    args = parser.parse_args()
    folder = settings_for(args.root, args.size).data_dir
    snapshot = next(folder.rglob("vocab.json")).parent
    after, before = BM25.load(snapshot), old_lexical().BM25.load(snapshot)
    queries = [query_terms(q.text) for q in question_mix(records_for(args.size))]
    for q in queries:  # both read the same pages: neither pays the first touch of the mmap
        before.top(q, 20), after.top(q, 20)
    same_scores = all(np.array_equal(before.scores(q), after.scores(q)) for q in queries)
    times: dict[str, list[float]] = {"before": [], "after": []}
    for turn in range(ROUNDS):
        pair = [("before", before), ("after", after)]
        for q in queries:
            for name, bm25 in pair if turn % 2 == 0 else pair[::-1]:
                t = time.perf_counter()
                bm25.top(q, 20)
                times[name].append((time.perf_counter() - t) * 1000)
    out: dict = {
        "what": "BM25.top(question terms, 20) on the benchmark's 150 questions, "
        f"{ROUNDS} rounds alternating which goes first",
        "documents": args.size,
        "chunks": after.size,
        "before_commit": BEFORE,
        "same_scores": same_scores,
        "loadavg": [round(x, 2) for x in os.getloadavg()],
        "at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }
    for name, values in times.items():
        out[name] = {
            "p50_ms": pct(values, 0.5),
            "p95_ms": pct(values, 0.95),
            "mean_ms": round(sum(values) / len(values), 2),
        }
    out["ratio_p50"] = round(out["before"]["p50_ms"] / max(out["after"]["p50_ms"], 1e-9), 2)
    out["ratio_p95"] = round(out["before"]["p95_ms"] / max(out["after"]["p95_ms"], 1e-9), 2)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
