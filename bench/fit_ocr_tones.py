"""Fit the syllable counts that ingest/ocr_tones.py corrects OCR'd tone marks with.

Counts of syllables and of syllable pairs (lower case, NFC) in the Legal Code articles
(../shared/datasets/phapdien) and the 260 provincial documents (../shared/datasets/provincial).
The Official Gazette PDFs the OCR benchmark reads are left out, and so is every Legal Code article
taken from one of them (its `source` names the document's number), so the benchmark never scores
text the counts were taken from.

    python -m bench.fit_ocr_tones        # writes ingest/data/ocr_syllables.tsv.gz
"""

from __future__ import annotations

import gzip
import itertools
import json
import re
import sys
from collections import Counter
from pathlib import Path

from ingest.ocr_tones import MODEL, SYLLABLE, syllable_key

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "datasets"
# The gazette PDFs' own numbers (bench/ocr_gazette.py reads them): their text stays out.
GAZETTE = re.compile(
    r"51/2024/QH15|138/2026/NĐ-CP|21/2026/NQ-CP|982/QĐ-TTg|03/2023/TT-BKHĐT|07/2023/TT-BLĐTBXH"
    r"|10/2021/TT-NHNN|18/2023/TT-BLĐTBXH|20/2026/TT-BTC|464/VBHN-BLĐTBXH|9191/VBHN-BKHĐT"
)
MIN_PAIR = 2  # pairs seen once are left out: they are most of the file and steer little


def texts() -> list[str]:
    out = []
    with gzip.open(DATA / "phapdien" / "articles.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            if not GAZETTE.search(article.get("source") or ""):
                out.append(article["text"])
    out.extend(p.read_text(encoding="utf-8") for p in sorted((DATA / "provincial").glob("*.md")))
    return out


def phrases(text: str) -> list[list[str]]:
    """Runs of syllables with only spaces between them (punctuation, figures, line ends and
    words that are no Vietnamese syllable end a run)."""
    runs: list[list[str]] = [[]]
    for token in re.findall(r"\w+|[^\w ]", text):
        if SYLLABLE.fullmatch(token):
            runs[-1].append(token)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def main() -> int:
    singles: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for text in texts():
        for run in phrases(text.lower()):
            singles.update(run)
            pairs.update(itertools.pairwise(run))
    keys = Counter(syllable_key(w) for w in singles)
    rows = [f"{w}\t{n}" for w, n in singles.most_common()]
    # pairs matter only where a syllable has a sibling of another tone to be taken for
    kept = [
        f"{a} {b}\t{n}"
        for (a, b), n in pairs.most_common()
        if n >= MIN_PAIR and (keys[syllable_key(a)] > 1 or keys[syllable_key(b)] > 1)
    ]
    with gzip.open(MODEL, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("\n".join(rows) + "\n\n" + "\n".join(kept) + "\n")
    print(f"{len(rows)} syllables, {len(kept)} pairs -> {MODEL}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
