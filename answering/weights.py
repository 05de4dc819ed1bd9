"""Every number that steers which sentence answers, in one place, so it can be audited and
re-fitted (see chidao/fit_weights.py for how the score weights were fitted, and on which split).

A candidate sentence's score is the sum of weight × feature over the features that
answering/scoring.py computes; `chidao ask --explain` prints each term."""

from __future__ import annotations

from dataclasses import dataclass, fields


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
    # --- inside the coverage measure (answering/coverage.py) -------------------------------
    context_share: float = 0.5  # a question word found only around the sentence counts half
    ambiguous_stopword: float = 0.3  # an unaccented word that may be a stopword ("nhieu")
    pair: float = 0.5  # a syllable pair, relative to its IDF
    target_penalty: float = 0.6  # a target figure, when the question asks what was achieved
    item_matters: float = 0.1  # share a list item must match to speak for its lead-in
    # --- answer spans (answering/extractive.py) ---------------------------------------------
    span_unit: float = 0.3
    span_anchor: float = 0.3
    # --- gates and limits ---------------------------------------------------------------------
    min_coverage: float = 0.5  # share of the question the answering sentence must cover
    signer_min_coverage: float = 0.4  # "ai ký …" names the notice mostly by its title
    sibling_sources: int = 5  # how many of the best passages bring their article or list along
    max_siblings: int = 24  # a family bigger than this is a chapter, not an article


WEIGHTS = Weights()
SCORE_TERMS = tuple(
    f.name
    for f in fields(Weights)
    if f.name
    in {
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
    }
)
