"""`chidao fit-weights`: learn the score weights from a question set's dev half.

For every answerable dev question, each candidate sentence the evidence finder scores is
labelled right when it comes from a gold document and holds every expected fact (figures whole).
A pairwise logistic ranker (right candidate vs the best-scored wrong ones of the same question)
is fitted by gradient descent with an L2 pull towards the hand-set weights, so a term the data
says little about keeps its prior. The result goes to answering/data/fitted_weights.json with
the question file, the split and the counts it was fitted on."""

from __future__ import annotations

import json
import time
from dataclasses import asdict
from pathlib import Path

import numpy as np

from answering.service import AnswerService
from answering.weights import FITTED, SCORE_TERMS, Weights
from chidao.evaluation import _contains, _norm, is_yes_no

HARD_NEGATIVES = 20
MAX_POSITIVES = 5


def _groups(service: AnswerService, questions: list[dict]) -> list[tuple[np.ndarray, np.ndarray]]:
    """(features, labels) per question with at least one right and one wrong candidate."""
    out = []
    for item in questions:
        if not item.get("found", True) or is_yes_no(item) or not item.get("expect"):
            continue
        _, evidence = service.evidence(item["question"])
        docs = service.state().docs
        sources = set(item.get("sources", []))
        rows, labels = [], []
        for ev in evidence[:200]:
            text = _norm(ev.sentence)
            right = docs[ev.hit.chunk.doc_id].source in sources and all(
                any(_contains(text, alt) for alt in group) for group in item["expect"]
            )
            rows.append([ev.features.get(name, 0.0) for name in SCORE_TERMS])
            labels.append(right)
        if any(labels) and not all(labels):
            out.append((np.array(rows, dtype=float), np.array(labels, dtype=bool)))
    return out


def _pairs(groups: list[tuple[np.ndarray, np.ndarray]], prior: np.ndarray) -> np.ndarray:
    """Feature differences right − wrong, against each question's hardest wrong candidates."""
    diffs: list[np.ndarray] = []
    for x, y in groups:
        scores = x @ prior
        neg = np.where(~y)[0]
        neg = neg[np.argsort(-scores[neg])][:HARD_NEGATIVES]
        pos = np.where(y)[0]
        pos = pos[np.argsort(-scores[pos])][:MAX_POSITIVES]
        diffs.extend(x[p] - x[n] for p in pos for n in neg)
    return np.array(diffs)


def fit(
    groups: list[tuple[np.ndarray, np.ndarray]], l2: float = 0.05, steps: int = 3000
) -> np.ndarray:
    prior = np.array([getattr(Weights(), name) for name in SCORE_TERMS])
    d = _pairs(groups, prior)
    w = prior.copy()
    lr = 0.5
    for _ in range(steps):
        margin = d @ w
        grad = -(d * (1 / (1 + np.exp(np.clip(margin, -30, 30))))[:, None]).mean(axis=0)
        w -= lr * (grad + l2 * (w - prior))
    return w


def ranking_accuracy(groups: list[tuple[np.ndarray, np.ndarray]], w: np.ndarray) -> float:
    """Share of questions whose best-scored candidate is a right one."""
    return sum(bool(y[np.argmax(x @ w)]) for x, y in groups) / max(1, len(groups))


def fit_weights(service: AnswerService, path: Path, split: str = "dev") -> dict:
    questions = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    chosen = [q for q in questions if q.get("split") == split]
    groups = _groups(service, chosen)
    prior = np.array([getattr(Weights(), name) for name in SCORE_TERMS])
    w = fit(groups)
    record = {
        "fitted_on": path.name,
        "split": split,
        "questions": len(chosen),
        "questions_with_a_right_candidate": len(groups),
        "embedder": service.embedder.name,
        "when": time.strftime("%Y-%m-%d"),
        "top1_before": round(ranking_accuracy(groups, prior), 4),
        "top1_after": round(ranking_accuracy(groups, w), 4),
        "weights": {name: round(float(v), 4) for name, v in zip(SCORE_TERMS, w, strict=True)},
        "prior": {k: v for k, v in asdict(Weights()).items() if k in SCORE_TERMS},
    }
    Path(str(FITTED)).write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    return record
