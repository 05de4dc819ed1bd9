"""Load test of the web API on loopback: N concurrent clients for T seconds, both bounded.

    python -m bench.load_web                       # 16 clients, 30 s, the configured data dir
    python -m bench.load_web --samples --clients 8 --seconds 10   # a temp index of the samples
    python -m bench.load_web --data /work/bench-data/100000/data --workers 2 --mix
    python -m bench.load_web --samples --question-log off         # without the question log

Starts `chidao serve` itself on a free 127.0.0.1 port (rate limit off), waits for /readyz, then
clients ask a fixed mix of questions through POST /api/ask and POST /api/ask/stream. Reports
requests/s, p50/p95 latency (and time to the first event for the stream), errors, server memory
(RSS and PSS summed over the server's processes: with --workers N, pages the workers share, such
as the memory-mapped index, count once in PSS), as text and as JSON. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil

from core.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"  # loopback only, whatever the settings say
MAX_CLIENTS, MAX_SECONDS = 64, 300.0
QUESTIONS = [
    "Xã Tam Gia đạt bao nhiêu tiêu chí nông thôn mới?",
    "xa hoa tham dat bao nhieu tieu chi nong thon moi",
    "Tỷ lệ giải ngân vốn sự nghiệp CTMTQG của Bình Gia là bao nhiêu?",
    "Ai ký thông báo kết luận phiên họp UBND tỉnh tháng 3 năm 2022?",
    "Huyện Chi Lăng thu ngân sách năm 2023 đạt bao nhiêu phần trăm kế hoạch giao?",
    "Giá vé xe khách tuyến Lạng Sơn - Hà Nội là bao nhiêu?",
]


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {"ask": [], "stream": []})
    first_event: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))], 1)


async def _ask(client: httpx.AsyncClient, question: str, tally: Tally) -> None:
    t = time.perf_counter()
    r = await client.post("/api/ask", json={"question": question})
    if r.status_code != 200 or "answer" not in r.json():
        tally.error(f"ask {r.status_code}")
    tally.latencies["ask"].append((time.perf_counter() - t) * 1000)


async def _stream(client: httpx.AsyncClient, question: str, tally: Tally) -> None:
    t = time.perf_counter()
    events: list[str] = []
    async with client.stream("POST", "/api/ask/stream", json={"question": question}) as r:
        async for line in r.aiter_lines():
            if line.startswith("event:"):
                if not events:
                    tally.first_event.append((time.perf_counter() - t) * 1000)
                events.append(line[6:].strip())
    if r.status_code != 200 or events[-2:] != ["answer", "done"]:
        tally.error(f"stream {r.status_code}")
    tally.latencies["stream"].append((time.perf_counter() - t) * 1000)


async def _client(
    url: str, i: int, deadline: float, stream_share: float, tally: Tally, questions: list[str]
) -> None:
    """One client asking back to back; every k-th request uses the streaming endpoint."""
    every = round(1 / stream_share) if stream_share > 0 else 0
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        n = i
        while time.perf_counter() < deadline:
            question = questions[n % len(questions)]
            n += 1
            try:
                if every and n % every == 0:
                    await _stream(client, question, tally)
                else:
                    await _ask(client, question, tally)
            except httpx.HTTPError as exc:
                tally.error(type(exc).__name__)


async def run_load(
    url: str, clients: int, seconds: float, stream_share: float, questions: list[str] = QUESTIONS
) -> dict:
    tally = Tally()
    start = time.perf_counter()
    deadline = start + seconds
    await asyncio.gather(
        *(_client(url, i, deadline, stream_share, tally, questions) for i in range(clients))
    )
    elapsed = time.perf_counter() - start
    every = [x for values in tally.latencies.values() for x in values]
    result = {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": len(every),
        "requests_per_s": round(len(every) / elapsed, 1),
        "p50_ms": percentile(every, 0.5),
        "p95_ms": percentile(every, 0.95),
        "errors": sum(tally.errors.values()),
        "error_kinds": tally.errors,
    }
    for name, values in tally.latencies.items():
        result[name] = {
            "requests": len(values),
            "p50_ms": percentile(values, 0.5),
            "p95_ms": percentile(values, 0.95),
        }
    result["stream"]["first_event_p50_ms"] = percentile(tally.first_event, 0.5)
    result["stream"]["first_event_p95_ms"] = percentile(tally.first_event, 0.95)
    return result


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _samples_dir() -> Path:
    """A fresh data dir holding the bundled samples, indexed with the configured embedder."""
    data = Path(tempfile.mkdtemp(prefix="chidao-load-")) / "data"
    cmd = [sys.executable, "-m", "chidao.cli", "ingest", str(ROOT / "samples" / "notices")]
    subprocess.run(cmd, env={**os.environ, "CHIDAO_DATA_DIR": str(data)}, check=True)
    return data


def _wait_ready(url: str, server: subprocess.Popen, timeout: float = 180) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and server.poll() is None:
        try:
            r = httpx.get(f"{url}/readyz", timeout=2)
            if r.status_code == 200:
                return r.json()
            if r.status_code == 503 and r.json().get("status") == "starting":
                raise SystemExit(f"the index is empty: {r.json()['detail']} (or use --samples)")
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    if server.poll() is not None:
        raise SystemExit(f"the server exited with code {server.returncode} before it was ready")
    raise SystemExit(f"the server was not ready after {timeout:.0f} s")


def memory_mib(pid: int) -> dict:
    """RSS and PSS of a process and its children (uvicorn workers), from smaps_rollup: RSS
    counts a shared page in every process that maps it, PSS splits it between them."""
    procs = [psutil.Process(pid), *psutil.Process(pid).children(recursive=True)]
    total = {"rss": 0, "pss": 0, "pss_anon": 0, "pss_file": 0}
    for proc in procs:
        with open(f"/proc/{proc.pid}/smaps_rollup") as f:
            for line in f:
                key, _, value = line.partition(":")
                if key.lower() in total:
                    total[key.lower()] += int(value.split()[0])  # kB
    # pss_file: pages of mapped files (the index arrays, the model), page cache the kernel can
    # drop and reread; pss_anon: the processes' own heap (Chroma's HNSW graph, Python objects)
    return {"processes": len(procs), **{f"{k}_mib": round(v / 1024) for k, v in total.items()}}


@contextmanager
def running_server(
    data: Path, env: dict[str, str] | None = None, timeout: float = 180, workers: int = 1
) -> Iterator[tuple[str, dict, int]]:
    """`chidao serve` over `data` on a free loopback port: (url, /readyz body, pid)."""
    env = {
        **os.environ,
        "CHIDAO_DATA_DIR": str(data),
        "CHIDAO_RATE_LIMIT_PER_MINUTE": "0",
        **(env or {}),
    }
    port = _free_port()
    cmd = [sys.executable, "-m", "chidao.cli", "serve", "--host", HOST, "--port", str(port)]
    cmd += ["--workers", str(workers)] if workers > 1 else []
    url = f"http://{HOST}:{port}"
    # uvicorn logs every request: kept aside, shown only when something fails
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            yield url, _wait_ready(url, server, timeout), server.pid
        except BaseException:
            log.seek(0)
            sys.stderr.write(log.read()[-4000:].decode(errors="replace"))
            raise
        finally:
            server.terminate()
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(10)


def serve_and_load(
    data: Path, clients: int, seconds: float, stream_share: float, question_log: str = "on"
) -> dict:
    env = {"CHIDAO_QUESTION_LOG": "1" if question_log == "on" else "0"}
    with running_server(data, env) as (url, ready, pid):
        for question in QUESTIONS:  # warm up: first-call costs are not load
            httpx.post(f"{url}/api/ask", json={"question": question}, timeout=60)
        result = asyncio.run(run_load(url, clients, seconds, stream_share))
        result["server_rss_mb"] = round(psutil.Process(pid).memory_info().rss / 2**20)
    result.update(embedder=ready["embedder"], documents=ready["documents"], chunks=ready["chunks"])
    result["question_log"] = question_log
    return result


def report(result: dict) -> str:
    lines = [
        f"{result['clients']} clients, {result['seconds']} s, {result['documents']} documents "
        f"/ {result['chunks']} chunks, embedder {result['embedder']}, "
        f"question log {result['question_log']}",
        f"  all     {result['requests_per_s']:7.1f} req/s  p50 {result['p50_ms']:7.1f} ms  "
        f"p95 {result['p95_ms']:7.1f} ms  errors {result['errors']}",
    ]
    for name in ("ask", "stream"):
        part = result[name]
        lines.append(
            f"  {name:7} {part['requests']:7d} req    p50 {part['p50_ms']:7.1f} ms  "
            f"p95 {part['p95_ms']:7.1f} ms"
        )
    s = result["stream"]
    lines.append(
        f"  stream first event p50 {s['first_event_p50_ms']} ms, "
        f"p95 {s['first_event_p95_ms']} ms; server ({result['workers']} worker(s)) "
        f"RSS {result['server_rss_mb']} MiB, PSS {result['server_pss_mb']} MiB"
    )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=16, help=f"1..{MAX_CLIENTS}")
    parser.add_argument("--seconds", type=float, default=30, help=f"1..{MAX_SECONDS:g}")
    parser.add_argument("--stream-share", type=float, default=0.25, help="0..1 of requests")
    parser.add_argument("--samples", action="store_true", help="index the samples in a temp dir")
    parser.add_argument("--data", type=Path, help="serve this data dir (default: the settings')")
    parser.add_argument("--workers", type=int, default=1, help="chidao serve --workers")
    parser.add_argument("--mix", action="store_true", help="ask the benchmark's question mix")
    parser.add_argument("--out", type=Path, help="also write the result JSON here")
    parser.add_argument(
        "--question-log", choices=["on", "off"], default="on", help="CHIDAO_QUESTION_LOG"
    )
    args = parser.parse_args()
    clients = max(1, min(args.clients, MAX_CLIENTS))
    seconds = max(1.0, min(args.seconds, MAX_SECONDS))
    share = max(0.0, min(args.stream_share, 1.0))
    data = _samples_dir() if args.samples else Settings().data_dir
    try:
        result = serve_and_load(data, clients, seconds, share, args.question_log)
    finally:
        if args.samples:
            shutil.rmtree(data.parent, ignore_errors=True)
    print(report(result))
    print(json.dumps(result, ensure_ascii=False))
    if args.out:
        args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
