"""The benchmark's server wait gives up at once when the server dies, and its summaries."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from bench.load_web import _wait_ready
from bench.run import pct, table


def test_wait_ready_stops_when_the_server_exits():
    dead = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    dead.wait(30)
    t = time.monotonic()
    with pytest.raises(SystemExit, match="exited with code 3"):
        _wait_ready("http://127.0.0.1:9", dead, timeout=60)
    assert time.monotonic() - t < 5


def test_percentiles_and_table():
    assert pct([], 0.5) == 0.0
    assert pct([float(i) for i in range(1, 101)], 0.95) == 96.0
    ms = {"p50": 1.0, "p95": 2.0, "p99": 3.0}
    size = {
        "documents": 100000,
        "chunks": 290000,
        "ingest_s_hash_embedder": 600.0,
        "retrieval_ms": ms,
        "answer_ms": ms,
        "reingest_unchanged_s": 9.1,
        "startup_to_ready_s": 20.0,
        "server_rss_mib": 1500,
    }
    row = table({"sizes": [size]}).splitlines()[-1]
    assert row.startswith("| 100,000 | 290,000 | 600.0 | 1.0 / 2.0 / 3.0 |")
