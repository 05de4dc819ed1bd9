"""`chidao serve` as users run it: start-up to /readyz, first answers, memory, load."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from pathlib import Path

import httpx

from bench.load_web import _free_port, memory_mib, run_load, running_server
from bench.measure import pct


def server_startup(data: Path, questions: list[str], workers: int = 1) -> dict:
    """Seconds from `chidao serve` to /readyz 200, the first answer after it (the Chroma
    index and the task list load on first use), the HTTP latency of the next 20 answers per
    worker asked one at a time, and memory after them."""
    t = time.perf_counter()
    with running_server(data, timeout=1800, workers=workers) as (url, ready, pid):
        ready_s = time.perf_counter() - t
        t = time.perf_counter()
        httpx.post(f"{url}/api/ask", json={"question": questions[0]}, timeout=600)
        first_s = time.perf_counter() - t
        http_ms = []  # one client, one question at a time: what a user waits for
        for q in questions[1 : 1 + 20 * workers]:
            t = time.perf_counter()
            httpx.post(f"{url}/api/ask", json={"question": q}, timeout=600).raise_for_status()
            http_ms.append((time.perf_counter() - t) * 1000)
        memory = memory_mib(pid)
    return {
        "workers": workers,
        "query_embedder": ready["embedder"],
        "startup_to_ready_s": round(ready_s, 2),
        "first_answer_s": round(first_s, 2),
        "http_answer_ms": {"p50": pct(http_ms, 0.5), "p95": pct(http_ms, 0.95)},
        "server_rss_mib": memory["rss_mib"],
        "server_pss_mib": memory["pss_mib"],
        "server_pss_anon_mib": memory["pss_anon_mib"],
        "server_pss_file_mib": memory["pss_file_mib"],
        "processes": memory["processes"],
    }


def load_test(data: Path, questions: list[str], workers: int, clients: int, seconds: float) -> dict:
    """The web load test (bench.load_web) over this index, with memory after it."""
    with running_server(data, timeout=1800, workers=workers) as (url, _, pid):
        for q in questions[: 8 * workers]:  # warm every worker
            httpx.post(f"{url}/api/ask", json={"question": q}, timeout=600)
        result = asyncio.run(run_load(url, clients, seconds, 0.25, questions))
        memory = memory_mib(pid)
    result.pop("error_kinds", None)
    return {
        "workers": workers,
        **result,
        **{f"server_{k}": v for k, v in memory.items() if k != "processes"},
    }


def with_chroma_server(data: Path, questions: list[str], workers: int = 2) -> dict:
    """The same index served by `workers` processes that share one `chroma run` server (the
    README's next step past one machine's memory): start-up, a few answers, memory of the web
    processes and of the Chroma server, measured apart."""
    port = _free_port()
    cmd = [
        str(Path(sys.executable).parent / "chroma"),
        "run",
        "--path",
        str(data / "chroma"),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    chroma = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_chroma(port)
        env = {"CHIDAO_CHROMA_HOST": "127.0.0.1", "CHIDAO_CHROMA_PORT": str(port)}
        t = time.perf_counter()
        with running_server(data, env, timeout=1800, workers=workers) as (url, _, pid):
            ready_s = time.perf_counter() - t
            latencies = []
            for q in questions[: 10 * workers]:
                t = time.perf_counter()
                httpx.post(f"{url}/api/ask", json={"question": q}, timeout=600).raise_for_status()
                latencies.append((time.perf_counter() - t) * 1000)
            web = memory_mib(pid)
        server = memory_mib(chroma.pid)
    finally:
        chroma.terminate()
        chroma.wait(30)
    return {
        "workers": workers,
        "startup_to_ready_s": round(ready_s, 2),
        "answer_ms_median_after_first": round(sorted(latencies[1:])[len(latencies) // 2], 1),
        "web_pss_mib": web["pss_mib"],
        "chroma_server_pss_mib": server["pss_mib"],
        "total_pss_mib": web["pss_mib"] + server["pss_mib"],
    }


def _wait_chroma(port: int, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2).is_success:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"chroma run did not answer on port {port} after {timeout:.0f} s")
