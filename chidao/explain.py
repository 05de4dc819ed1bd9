"""`chidao ask --explain`: why the answer is what it is — the question as read, then the best
candidate sentences with every score term (weight × feature), and what set the winner apart."""

from __future__ import annotations

from answering.scoring import Evidence
from answering.service import AnswerService
from answering.weights import WEIGHTS
from vntext.english import is_english, to_vietnamese


def _terms(ev: Evidence) -> dict[str, float]:
    return {name: getattr(WEIGHTS, name) * value for name, value in ev.features.items()}


def _translation(question: str) -> list[str]:
    """An English question as read: its Vietnamese query and the glossary entries used."""
    if not is_english(question):
        return []
    translation = to_vietnamese(question)
    used = "; ".join(f"{e.english} = {e.vietnamese}" for e in translation.used)
    lines = [f"english → {translation.text}", f"glossary: {used or '-'}"]
    wider = translation.alternatives
    return [*lines, f"also searched: {wider}"] if wider else lines


def explain(service: AnswerService, question: str, top: int = 5) -> str:
    q, evidence = service.evidence(question)
    lines = [
        *_translation(question),
        f"kind={q.kind} wants={q.wants or '-'} unit={q.unit or '-'} anchor={q.anchor or '-'}",
        f"entities={q.entities} years={q.years} named_doc={q.named_doc or '-'}",
        f"terms={q.accented_terms if q.accented else q.terms}",
        "",
    ]
    if not evidence:
        return "\n".join([*lines, "no candidate sentence (nothing retrieved passed the gates)"])
    for i, ev in enumerate(evidence[:top], 1):
        doc = service.state().doc_of(ev.hit.chunk)
        terms = _terms(ev)
        shown = ", ".join(f"{k} {v:+.3f}" for k, v in terms.items() if v)
        lines += [
            f"#{i} score {ev.score:.3f}  coverage {ev.coverage:.2f}  {doc.source}"
            f" · {ev.hit.origin} {ev.rank} · {ev.hit.chunk.section[:60]}",
            f"    “{ev.sentence[:160]}”",
            f"    {shown}",
        ]
    if len(evidence) > 1:
        best, runner = _terms(evidence[0]), _terms(evidence[1])
        gaps = sorted(
            ((best.get(k, 0.0) - runner.get(k, 0.0), k) for k in best.keys() | runner.keys()),
            reverse=True,
        )
        ahead = ", ".join(f"{k} {gap:+.3f}" for gap, k in gaps if gap > 0.001)
        lines += ["", f"#1 beat #2 on: {ahead or 'nothing (a tie broken by order)'}"]
    answer = service.ask(question)
    lines += ["", f"answer ({answer.mode}, found={answer.found}): {answer.answer}"]
    return "\n".join(lines)
