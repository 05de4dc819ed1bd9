"""A scanned notice answers like its text version, with page numbers in the citations.

The scan is made here: the text of a sample notice laid out on A4 pages, turned a little and
speckled, saved as a PDF with no text layer. It is OCR'd once for the module (about 6 s of
tesseract on 2 free cores); re-ingesting it reads nothing again.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest

from answering.service import AnswerService
from core.results import Citation
from ingest.loaders import load_text
from ingest.pipeline import Ingestor
from tests.conftest import SAMPLES, make_settings
from tests.ingest.scans import layout, save_pdf, scanned

pytestmark = pytest.mark.slow  # four dense pages OCR'd once for the module
NAME = "000_aa16ed5db4b16415.txt"
SCAN = "000_thong-bao-quet.pdf"
QUESTIONS = [  # the sample's questions (tests/data/dev_questions.jsonl v01-v03) and the README's
    ("Xã Tam Gia đạt bao nhiêu tiêu chí nông thôn mới?", "10/19"),
    ("Huyện Lộc Bình được Chủ tịch UBND tỉnh giao bao nhiêu nhiệm vụ năm 2022?", "18 nhiệm vụ"),
    ("Tỷ lệ hồ sơ trễ hạn của huyện Lộc Bình thông báo trên hệ thống là bao nhiêu?", "3,5%"),
    (
        "Thu ngân sách của huyện Lộc Bình đạt bao nhiêu phần trăm so với dự toán tỉnh giao?",
        "110,3%",
    ),
]


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory):
    """The four other samples as text and this one as a scan, ingested with OCR."""
    docs = tmp_path_factory.mktemp("scan-docs")
    for path in SAMPLES.iterdir():
        if path.name != NAME:
            shutil.copy(path, docs / path.name)
    pages = layout(load_text(SAMPLES / NAME))
    save_pdf(scanned(pages), docs / SCAN)
    settings = make_settings(tmp_path_factory.mktemp("scan") / "data")
    report = Ingestor(settings).run([docs])
    return settings, docs, [page.info["text"] for page in pages], report


def test_the_scan_is_ocrd_page_by_page(scan):
    _, _, pages, report = scan
    assert not report.failed and report.added == 5
    assert 3 <= len(pages) <= 4
    assert (report.ocr_pages, report.ocr_cached) == (len(pages), 0)


def test_the_scan_answers_like_the_text(scan, sample_service):
    settings, _, pages, _ = scan
    service = AnswerService.from_settings(settings)
    for question, expected in QUESTIONS:
        typed, scanned_answer = sample_service.ask(question), service.ask(question)
        assert typed.found and expected in typed.answer, question
        assert scanned_answer.found and expected in scanned_answer.answer, question
        cited = next(c for c in scanned_answer.citations if expected in c.quote)
        assert cited.source == SCAN and typed.citations[0].page is None
        assert cited.page == page_of(cited, pages), question
    tam_gia = service.ask(QUESTIONS[0][0]).citations[0]
    assert tam_gia.page in (1, 2) and "Tam Gia" in pages[1]  # the sentence is on page 2


def test_reingest_of_the_unchanged_scan_reads_nothing_again(scan):
    settings, docs, _, _ = scan
    ingestor = Ingestor(settings)
    started = time.perf_counter()
    report = ingestor.run([docs])
    elapsed = time.perf_counter() - started
    assert (report.skipped, report.added, report.updated) == (5, 0, 0)
    assert (report.ocr_pages, report.ocr_cached) == (0, 0)
    assert elapsed < 1.0, f"re-ingest took {elapsed:.2f} s"


def test_the_same_scan_under_another_name_comes_from_the_ocr_cache(scan, tmp_path: Path):
    """A restart, a re-upload or a copy: the OCR text is cached by the file's content."""
    settings, docs, pages, _ = scan
    (tmp_path / "ban-sao.pdf").write_bytes((docs / SCAN).read_bytes())
    started = time.perf_counter()
    report = Ingestor(settings).run([tmp_path / "ban-sao.pdf"])
    assert report.added == 1 and (report.ocr_pages, report.ocr_cached) == (0, len(pages))
    assert time.perf_counter() - started < 5


def test_ocr_off_and_page_limit_refuse_the_scan_with_a_reason(scan, tmp_path: Path):
    _, docs, _, _ = scan
    for overrides, reason in (
        ({"ocr": False}, "CHIDAO_OCR=0"),
        ({"ocr_max_pages": 2}, "quá giới hạn 2 trang"),
    ):
        settings = make_settings(tmp_path / str(len(reason)) / "data", **overrides)
        report = Ingestor(settings).run([docs / SCAN])
        assert report.added == 0 and reason in report.failed[0][1]


def page_of(citation: Citation, pages: list[str]) -> int | None:
    """The page of the laid-out text on which the cited passage starts (found by a run of its
    first characters that OCR read exactly)."""
    passage = _squash(citation.passage)
    for start in range(0, 60, 5):
        snippet = passage[start : start + 24]
        hits = [n for n, text in enumerate(pages, 1) if snippet in _squash(text)]
        if len(hits) == 1:
            return hits[0]
    return None


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
