"""AnswerService.facets() and documents(): made once per index generation, fresh after an
ingest commits a new one, and the same as a walk of every document and chunk."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from answering.service import AnswerService
from ingest.pipeline import Ingestor
from tests.conftest import SAMPLES

LATE = "004_04a97d19aa940e28.txt"  # the only 2023 notice and the only "Tin bài"


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for f in SAMPLES.iterdir():
        if f.name != LATE:
            shutil.copy(f, folder / f.name)
    return folder


def test_facets_are_kept_per_generation_and_refresh_after_an_ingest(settings, docs):
    Ingestor(settings).run([docs])
    service = AnswerService.from_settings(settings)
    before = service.facets()
    assert service.facets() is before, "made once per generation"
    assert before.years == [2024, 2022] and before.doc_types == ["Thông báo"]

    shutil.copy(SAMPLES / LATE, docs / LATE)
    Ingestor(settings).run([docs])  # another Ingestor: the service sees only the generation
    after = service.facets()
    assert after.years == [2024, 2023, 2022] and "Tin bài" in after.doc_types
    assert after == AnswerService.from_settings(settings).facets()
    assert len(service.documents()) == 5


def test_documents_count_chunks_by_row_range_as_a_walk_did(sample_service):
    state = sample_service.state()
    walked: dict[str, int] = {}
    for c in state.chunks:
        walked[c.doc_id] = walked.get(c.doc_id, 0) + 1
    infos = sample_service.documents()
    assert {i.doc_id: i.chunks for i in infos} == walked
    docs = state.docs
    keys = [(docs[i.doc_id].metadata.date, docs[i.doc_id].ingested_at) for i in infos]
    assert keys == sorted(keys, reverse=True), "newest first"


def test_documents_list_is_a_copy_of_the_kept_one(sample_service):
    first = sample_service.documents()
    first.clear()
    assert len(sample_service.documents()) == 5
    detail = sample_service.document(sample_service.documents()[0].doc_id)
    assert detail is not None and len(detail.spans) == detail.chunks


def test_listings_do_not_keep_every_decoded_document(settings, docs):
    Ingestor(settings).run([docs])
    service = AnswerService.from_settings(settings)
    state = service.state()
    service.facets()
    service.documents()
    assert state.docs._all is None, "scanned one at a time (~100 MB at 100k documents)"
    assert list(state.docs.scan()) == state.docs.values(), "the same rows, in row order"
    assert list(state.docs.scan()) == state.docs.values(), "and from the kept list"
