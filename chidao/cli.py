"""`chidao` command line: ingest, ask, eval, serve, bot, stats, watch."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from core.errors import ChidaoError
from core.settings import Settings


def _ingest(args: argparse.Namespace, settings: Settings) -> int:
    from rich.progress import Progress

    from ingest.pipeline import Ingestor

    ingestor = Ingestor(settings)
    with Progress(transient=True, disable=not sys.stderr.isatty()) as bar:
        task = bar.add_task("Nạp văn bản", total=None)

        def progress(stage: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        report = ingestor.run([Path(p) for p in args.paths], prune=args.prune, progress=progress)
    print(
        f"files seen {report.seen}, added {report.added}, updated {report.updated}, "
        f"skipped {report.skipped}, removed {report.removed}, failed {len(report.failed)}; "
        f"chunks {report.chunks}, embedded {report.embedded}, {report.seconds:.1f}s"
    )
    for path, error in report.failed:
        print(f"  FAILED {path}: {error}", file=sys.stderr)
    return 1 if report.failed and not (report.added or report.updated or report.skipped) else 0


def _service(settings: Settings):
    from answering.service import AnswerService

    return AnswerService.from_settings(settings)


def _ask(args: argparse.Namespace, settings: Settings) -> int:
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
    print(f"answer accuracy {result['answer_accuracy']:.1%} over {result['questions']} questions")
    print(json.dumps(result, ensure_ascii=False))
    return 1 if args.min is not None and result["answer_accuracy"] < args.min else 0


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from chidao.compose import web_app

    uvicorn.run(web_app(settings), host=args.host or settings.host, port=args.port or settings.port)
    return 0


def _bot(args: argparse.Namespace, settings: Settings) -> int:
    from bot.main import run

    run(settings)
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
    p.set_defaults(func=_ask)
    p = sub.add_parser("eval", help="score a question set (JSONL)")
    p.add_argument("file")
    p.add_argument("--k", type=int, default=5, help="recall@k cut-off")
    p.add_argument("--min", type=float, default=None, help="exit 1 below this accuracy (0-1)")
    p.add_argument("--corpus", default=None, help="legal benchmark: folder of the laws")
    p.add_argument("--limit", type=int, default=0, help="only the first N questions")
    p.set_defaults(func=_eval)
    p = sub.add_parser("serve", help="web API and chat page")
    p.add_argument("--host", default=None)
    p.add_argument("--port", type=int, default=None)
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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING)
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
