"""`make bench-ocr`: how well and how fast scanned pages are read, on PDFs whose text we know.

Every page of the Official Gazette PDFs in ../shared/datasets/gazette-pdf is rendered to an
image (300 dpi, grey, as ingest renders a scan) and OCR'd the way ingest OCRs a scanned page.
The OCR'd pages and the PDF's own text layer then go through the same clean-up (running heads,
page numbers, hyphenation, paragraphs rebuilt), and the two texts are compared:

    character accuracy = 1 - edit distance / length of the text-layer text

counted over all documents together, once on the texts as they are and once with every run of
whitespace taken as one space (where a paragraph breaks is layout, not reading): that is the
headline. Beside it, the same with "…" counted as the three dots it is drawn as (a dot leader
typed as "……" or as "......" looks alike on paper). Each page is also compared alone (both sides
cleaned page by page) and put in one kind, from the PDF (landscape table, ruled table, form
with dot leaders, title page, small print, prose), so the loss can be told by kind; an
any-order word score beside it (the share of the text layer's words found among the OCR'd
words, wherever they are) tells reading order from misread words.

Pages per second count rendering, deskewing and tesseract, `--workers` pages at a time; CPU
seconds per page (this process and its tesseract children) say what two free cores would do on a
shared machine.

    python -m bench.ocr_gazette                      # all 334 pages of the 11 PDFs
    python -m bench.ocr_gazette --pages 5            # the first 5 pages of each PDF
    python -m bench.ocr_gazette --only FILE.json     # the pages FILE lists ({pdf: [page, …]})

Writes docs/bench/ocr.json; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from rapidfuzz.distance import Levenshtein

from ingest.cleanup import clean_text
from ingest.ocr import Ocr, OcrConfig, Page
from ingest.pdf_text import PDFIUM_LOCK, Line, ocr_page, page_lines, pages_to_text

ROOT = Path(__file__).resolve().parents[1]
GAZETTE = ROOT.parent / "shared" / "datasets" / "gazette-pdf"
OUT = ROOT / "docs" / "bench" / "ocr.json"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def text_layer(document: pdfium.PdfDocument, indices: list[int]) -> list[list[Line]]:
    with PDFIUM_LOCK:
        return [page_lines(document[i]) for i in indices]


def ocr_pages(
    document: pdfium.PdfDocument, name: str, indices: list[int], ocr: Ocr
) -> list[list[Line]]:
    dpi = ocr.config.dpi

    def render(index: int) -> Page:
        with PDFIUM_LOCK:
            image = document[index].render(scale=dpi / 72, grayscale=True).to_pil().copy()
        return Page(image, 72 / dpi, dpi)

    read = ocr.read(f"bench-{name}", indices, render)
    return [ocr_page(read[i]) for i in indices]


def page_kind(page: pdfium.PdfPage, lines: list[Line], first: bool) -> str:
    """One kind for a page, from its PDF: how it is laid out, not how well it was read."""
    width, height = page.get_size()
    across = down = 0  # ruling lines drawn as paths
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        across += right - left > 30 and top - bottom < 3
        down += top - bottom > 10 and right - left < 3
    text = " ".join(line.text for line in lines)
    sizes = sorted(line.size for line in lines if line.size > 0)
    if across > 3 and down > 3:
        return "landscape table" if width > height else "ruled table"
    if len(re.findall(r"[.…]{4,}", text)) >= 5:
        return "form (dot leaders)"
    if first:
        return "title page"
    if sizes and sizes[len(sizes) // 2] < 11:
        return "small print"
    return "prose"


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def compare(reference: str, ocr_text: str) -> dict:
    raw = Levenshtein.distance(reference, ocr_text)
    flat_ref, flat_ocr = squash(reference), squash(ocr_text)
    flat = Levenshtein.distance(flat_ref, flat_ocr)
    dots_ref, dots_ocr = flat_ref.replace("…", "..."), flat_ocr.replace("…", "...")
    dots = Levenshtein.distance(dots_ref, dots_ocr)
    return {
        "chars": len(reference),
        "distance": raw,
        "chars_flat": len(flat_ref),
        "distance_flat": flat,
        "chars_dots": len(dots_ref),
        "distance_dots": dots,
        "accuracy": round(1 - raw / max(1, len(reference)), 4),
        "accuracy_flat": round(1 - flat / max(1, len(flat_ref)), 4),
        "accuracy_dots": round(1 - dots / max(1, len(dots_ref)), 4),
    }


def words_any_order(reference: str, ocr_text: str) -> tuple[int, int]:
    """Words of the reference found among the OCR'd words in any order, and all its words."""
    want, got = Counter(reference.split()), Counter(ocr_text.split())
    return sum((want & got).values()), sum(want.values())


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the tesseract runs)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def bench_pdf(path: Path, indices: list[int], ocr: Ocr) -> tuple[dict, list[dict]]:
    document = pdfium.PdfDocument(path)
    try:
        layer = text_layer(document, indices)
        with PDFIUM_LOCK:
            kinds = [page_kind(document[i], layer[n], i == 0) for n, i in enumerate(indices)]
        started, cpu = time.perf_counter(), cpu_seconds()
        ocr.progress = lambda done, total: log(f"  {path.name}: {done}/{total} pages")
        read = ocr_pages(document, path.name, indices, ocr)
        seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu
    finally:
        with PDFIUM_LOCK:
            document.close()
    pages = []
    for n, index in enumerate(indices):
        reference = clean_text(pages_to_text([layer[n]]))
        got = clean_text(pages_to_text([read[n]]))
        found, words = words_any_order(reference, got)
        row = {"pdf": path.name, "page": index + 1, "kind": kinds[n], **compare(reference, got)}
        pages.append({**row, "words": words, "words_any_order": found})
    whole = compare(clean_text(pages_to_text(layer)), clean_text(pages_to_text(read)))
    result = {"pdf": path.name, "pages": len(indices), "seconds": round(seconds, 1)}
    return {**result, "cpu_seconds": round(cpu, 1), **whole}, pages


def by_kind(pages: list[dict]) -> dict[str, dict]:
    """Per kind of page: pages, characters, share of all characters lost, accuracies."""
    lost = sum(p["distance_flat"] for p in pages) or 1
    out = {}
    for kind in sorted({p["kind"] for p in pages}):
        rows = [p for p in pages if p["kind"] == kind]
        chars, distance = (sum(p[k] for p in rows) for k in ("chars_flat", "distance_flat"))
        out[kind] = {
            "pages": len(rows),
            "chars": chars,
            "share_of_loss": round(distance / lost, 3),
            "accuracy": round(1 - distance / max(1, chars), 4),
            "accuracy_dots": round(
                1
                - sum(p["distance_dots"] for p in rows)
                / max(1, sum(p["chars_dots"] for p in rows)),
                4,
            ),
            "words_any_order": round(
                sum(p["words_any_order"] for p in rows) / max(1, sum(p["words"] for p in rows)), 4
            ),
        }
    return out


def tesseract_version() -> str:
    out = subprocess.run(["tesseract", "--version"], capture_output=True, text=True).stdout
    return out.splitlines()[0] if out else "?"


def accuracy(results: list[dict], key: str) -> float:
    chars = "chars" if key == "" else f"chars_{key}"
    distance = "distance" if key == "" else f"distance_{key}"
    return round(1 - sum(r[distance] for r in results) / sum(r[chars] for r in results), 4)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=None, help="first N pages of each PDF")
    parser.add_argument("--only", type=Path, default=None, help="JSON {pdf: [0-based pages]}")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not GAZETTE.is_dir():
        log(f"{GAZETTE} not found: the benchmark reads ../shared/datasets beside the repo")
        return 2
    only = json.loads(args.only.read_text(encoding="utf-8")) if args.only else None
    ocr = Ocr(OcrConfig(max_pages=100_000, workers=args.workers, cache_dir=None))
    load_before = os.getloadavg()[1]
    results, pages = [], []
    for path in sorted(GAZETTE.glob("*.pdf")):
        count = len(pdfium.PdfDocument(path))
        indices = only.get(path.name, []) if only else list(range(min(count, args.pages or count)))
        if not indices:
            continue
        log(f"{path.name} …")
        result, rows = bench_pdf(path, indices, ocr)
        results.append(result)
        pages.extend(rows)
        log(f"  accuracy {result['accuracy_flat']:.2%} in {result['seconds']} s")
    keys = ("pages", "seconds", "cpu_seconds", "chars")
    total = {key: sum(r[key] for r in results) for key in keys}
    sample = "every page"
    if only:
        sample = f"the pages listed in {args.only.name}"
    elif args.pages:
        sample = f"first {args.pages} pages of each PDF"
    summary = {
        "dataset": "../shared/datasets/gazette-pdf",
        "pdfs": len(results),
        "pages": total["pages"],
        "sample": sample,
        "dpi": ocr.config.dpi,
        "workers": args.workers,
        "tesseract": f"{tesseract_version()}, model {ocr.config.lang}",
        "seconds": round(total["seconds"], 1),
        "load_average_5min": [round(load_before, 1), round(os.getloadavg()[1], 1)],  # shared
        "pages_per_second": round(total["pages"] / max(total["seconds"], 1e-9), 3),
        # what two cores of our own would read: the machine is shared, so wall time varies
        "cpu_seconds_per_page": round(total["cpu_seconds"] / total["pages"], 2),
        "pages_per_second_2_free_cores": round(2 * total["pages"] / total["cpu_seconds"], 3),
        "char_accuracy": accuracy(results, "flat"),
        "char_accuracy_raw": accuracy(results, ""),
        "char_accuracy_ellipsis_as_dots": accuracy(results, "dots"),
        "char_accuracy_by_page": accuracy(pages, "flat"),  # each page cleaned and compared alone
        "by_kind": by_kind(pages),
        "per_pdf": results,
        "per_page": pages,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    brief = {k: v for k, v in summary.items() if k not in ("per_pdf", "per_page")}
    log(json.dumps(brief, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
