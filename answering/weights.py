"""Every number that steers which sentence answers, in one place, so it can be audited and
re-fitted (the score terms are fitted by `chidao fit-weights` — chidao/fit_weights.py — on the dev
half of a question set; answering/data/fitted_weights.json records the fit and its split).

A candidate sentence's score is the sum of weight × feature over the features that
answering/scoring.py computes; `chidao ask --explain` prints each term."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from importlib.resources import files
from typing import Any


@dataclass(frozen=True)
class Weights:
    # --- score terms (answering/scoring.py: features) ---------------------------------------
    coverage: float = 1.0  # IDF-weighted share of the question's words the sentence covers
    own: float = 0.1  # the same, for the sentence's own words (no lead-in joined to it)
    kind: float = 0.15  # holds the kind of fact asked for (a number, a date, an agency…)
    kind_missing: float = -0.3  # lacks it, for kinds where an answer without it is no answer
    focus: float = 0.35  # how well the clause that holds the fact matches the question
    entity_in_sentence: float = 0.08  # the places and numbers named stand in the sentence
    unit: float = 0.15  # a figure with what the question counts ("10/19 tiêu chí")
    anchor: float = 0.15  # the asked slot filled ("phạt tù từ 03 năm")
    rank: float = 0.05  # the retriever's order (as 1/rank)
    short: float = -0.1  # a fragment under 25 characters
    named_doc: float = 0.2  # in the document the question names (-1 for the others)
    defines: float = 0.2  # defines the term asked about
    named_article: float = 0.2  # in the article the question names by number
    opening: float = 0.05  # opens with the question's subject
    listed: float = 0.1  # a list (lead-in or item) when every case is asked
    title: float = 0.2  # the question names its article's title (share squared)
    conditions: float = 0.2  # states the question's figures with the same bounds (share)
    negation: float = 0.2  # says "không …" where the question does (share of its negations)
    holder: float = 0.2  # gives the right or duty to the party asked about (-1: to the other)
    names: float = 0.2  # defines a term by what the question describes ("… được gọi là gì")
    opposite: float = 0.3  # names only the opposite compound (-1: "bất động sản" for "động sản")
    deputy: float = -0.2  # names only the deputy ("Phó Trưởng") of the title asked ("Trưởng")
    dense: float = 0.0  # the passage's rank in dense retrieval (as 1/rank)
    bm25: float = 0.0  # the passage's rank in BM25 (as 1/rank)
    # --- inside the coverage measure (answering/coverage.py) -------------------------------
    context_share: float = 0.5  # a question word found only around the sentence counts half
    ambiguous_stopword: float = 0.3  # an unaccented word that may be a stopword ("nhieu")
    pair: float = 0.5  # a syllable pair, relative to its IDF
    target_penalty: float = 0.6  # a target figure, when the question asks what was achieved
    item_matters: float = 0.1  # share a list item must match to speak for its lead-in
    # --- answer spans (answering/extractive.py) ---------------------------------------------
    span_unit: float = 0.3
    span_anchor: float = 0.3
    direct_kind: float = 0.5  # a stretch that holds the kind of fact asked for
    direct_length: float = 0.15  # per 100 characters past 120
    direct_complete: float = 0.2  # the answer runs to the end of its clause
    direct_new: float = 0.3  # the answer adds words the question does not hold
    direct_negation: float = 0.3  # the answer says "không …" where the question does
    agency_role: float = 0.5  # an agency that acts, not one that owns ("Kế hoạch của Ban…")
    # --- gates and limits ---------------------------------------------------------------------
    min_coverage: float = 0.5  # share of the question the answering sentence must cover
    signer_min_coverage: float = 0.4  # "ai ký …" names the notice mostly by its title
    sibling_sources: int = 5  # how many of the best passages bring their article or list along
    family_of_best: int = 1  # how many of the best-scored passages bring theirs after scoring
    max_siblings: int = 24  # a family bigger than this is a chapter, not an article


SCORE_TERMS = (
    "coverage",
    "own",
    "kind",
    "kind_missing",
    "focus",
    "entity_in_sentence",
    "unit",
    "anchor",
    "rank",
    "short",
    "named_doc",
    "defines",
    "named_article",
    "opening",
    "listed",
    "title",
    "conditions",
    "negation",
    "holder",
    "opposite",
    "names",
    "deputy",
    "dense",
    "bm25",
)
FITTED = files("answering") / "data" / "fitted_weights.json"


def load_weights() -> Weights:
    """The hand-set defaults, with the score terms replaced by the fitted ones when
    answering/data/fitted_weights.json exists (written by `chidao fit-weights`)."""
    if not FITTED.is_file():
        return Weights()
    fitted: dict[str, float] = json.loads(FITTED.read_text(encoding="utf-8"))["weights"]
    changes: dict[str, Any] = {k: float(v) for k, v in fitted.items() if k in SCORE_TERMS}
    return replace(Weights(), **changes)


WEIGHTS = load_weights()
