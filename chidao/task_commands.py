"""`chidao tasks` (the follow-up list) and `chidao tasks-eval` (extraction quality)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from core.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "tasks_gold.jsonl"
DOCS = ROOT / "tests" / "data" / "tasks_docs.json"
FOLDERS = [ROOT / "samples" / "notices", ROOT.parent / "shared" / "datasets" / "provincial"]


def add_task_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("tasks", help="tasks the notices assign, by due date")
    p.add_argument("--agency", help="canonical name, abbreviation or unaccented (Sở TN&MT)")
    p.add_argument("--due-after", help="YYYY-MM-DD")
    p.add_argument("--due-before", help="YYYY-MM-DD")
    p.add_argument("--doc-id")
    p.add_argument("-q", "--query", help="words the task must hold")
    p.add_argument("--limit", type=int, default=200)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_tasks)
    p = sub.add_parser("tasks-eval", help="task extraction against the gold set")
    p.add_argument("--gold", default=str(GOLD))
    p.add_argument("--docs", default=str(DOCS))
    p.add_argument("--folder", action="append", help="where the documents are (repeatable)")
    p.add_argument("--split", choices=["dev", "test", "all"], default="all")
    p.add_argument("--show", action="store_true", help="list dev misses and extras")
    p.add_argument("--min-precision", type=float, default=None)
    p.add_argument("--min-recall", type=float, default=None)
    p.set_defaults(func=_tasks_eval)


def _tasks(args: argparse.Namespace, settings: Settings) -> int:
    from answering.tasks import TaskBook
    from index.catalog import Catalog

    book = TaskBook(Catalog(settings.data_dir / "catalog.sqlite"))
    found = book.tasks(args.agency, args.due_after, args.due_before, args.doc_id, args.query)
    found = found[: args.limit]
    if args.json:
        print(json.dumps({"tasks": [t.model_dump() for t in found]}, ensure_ascii=False, indent=2))
        return 0
    for t in found:
        due = t.due or t.due_text or "—"
        print(f"{due:<12} {t.agency or '(chưa rõ cơ quan)'}: {t.task}\n{'':13}{t.source}")
    print(f"{len(found)} nhiệm vụ")
    return 0


def _tasks_eval(args: argparse.Namespace, settings: Settings) -> int:
    from chidao.task_eval import evaluate

    folders = [Path(f) for f in args.folder] if args.folder else FOLDERS
    report = evaluate(Path(args.gold), Path(args.docs), folders)
    splits = ["dev", "test"] if args.split == "all" else [args.split]
    for split in [*splits, *([None] if args.split == "all" else [])]:
        totals = report.totals(split)
        print(
            f"{split or 'all':<5} documents {totals['documents']:>3}  gold {totals['gold']:>4}  "
            f"predicted {totals['predicted']:>4}  matched {totals['matched']:>4}  "
            f"precision {totals['precision']:.1%}  recall {totals['recall']:.1%}"
        )
    if args.show:  # failures one by one: only ever for the dev half, which tuning may read
        for doc in (d for d in report.docs if d.split == "dev"):
            for g in doc.misses:
                print(f"MISS  {doc.source} [{g.get('agency')}] {g.get('due')} {g['quote'][:100]}")
            for t in doc.extras:
                print(f"EXTRA {doc.source} [{t.agency}] {t.due} {t.quote[:100]}")
    totals = report.totals(None if args.split == "all" else args.split)
    low_p = args.min_precision is not None and totals["precision"] < args.min_precision
    low_r = args.min_recall is not None and totals["recall"] < args.min_recall
    return 1 if low_p or low_r else 0
