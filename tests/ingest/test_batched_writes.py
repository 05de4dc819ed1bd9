"""Vectors of several documents are written to Chroma together, and a run that dies between
those writes and the catalog commit still leaves the last complete state."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import ingest.pipeline as pipeline
from answering.service import AnswerService
from index.catalog import Catalog
from index.integrity import verify
from index.vector_store import VectorStore, make_client
from ingest.pipeline import Ingestor
from tests.conftest import SAMPLES


def _copies(folder: Path, copies: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(copies):
        for f in SAMPLES.iterdir():
            (folder / f"{i:02d}_{f.name}").write_text(f"Bản sao {i}\n\n{f.read_text()}")
    return folder


def _store_ids(settings) -> set[str]:
    return VectorStore(make_client(settings), settings.collection, "hash-256", 256).all_ids()


def _catalog_ids(settings) -> set[str]:
    return Catalog(settings.data_dir / "catalog.sqlite").chunk_ids()


def test_chunks_of_many_documents_share_one_chroma_write(settings, monkeypatch):
    writes: list[int] = []
    upsert = VectorStore.upsert
    monkeypatch.setattr(
        VectorStore,
        "upsert",
        lambda self, ids, v, m: (writes.append(len(ids)), upsert(self, ids, v, m)),
    )
    report = Ingestor(settings).run([SAMPLES])
    assert report.added == 5 and writes == [report.chunks], "five documents, one write"
    assert _store_ids(settings) == _catalog_ids(settings)


def test_the_last_partial_batch_is_written_before_the_commit(settings, tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "FLUSH_CHUNKS", 40)
    report = Ingestor(settings).run([_copies(tmp_path / "docs", 3)])
    assert report.added == 15
    assert _store_ids(settings) == _catalog_ids(settings) and len(_catalog_ids(settings)) == (
        report.chunks
    )
    assert verify(settings) == []


@pytest.mark.parametrize("dies_in", ["second_write", "catalog_commit"])
def test_a_run_dying_after_some_writes_keeps_the_last_complete_state(
    settings, tmp_path, monkeypatch, dies_in
):
    first = tmp_path / "first"
    shutil.copytree(SAMPLES, first)
    Ingestor(settings).run([first])
    before = _catalog_ids(settings)
    more = _copies(tmp_path / "more", 4)
    monkeypatch.setattr(pipeline, "FLUSH_CHUNKS", 40)

    with monkeypatch.context() as m:
        if dies_in == "second_write":
            calls = []
            upsert = VectorStore.upsert

            def dying_upsert(self, ids, vectors, metas):
                calls.append(1)
                if len(calls) == 2:
                    raise RuntimeError("killed")
                upsert(self, ids, vectors, metas)

            m.setattr(VectorStore, "upsert", dying_upsert)
        else:

            def dying_commit(self, *args, **kwargs):
                raise RuntimeError("killed")

            m.setattr(Catalog, "commit", dying_commit)
        with pytest.raises(RuntimeError):
            Ingestor(settings).run([first, more])

    assert (settings.data_dir / "ingest.dirty").exists()
    assert _catalog_ids(settings) == before
    assert _store_ids(settings) > before, "vectors of the dead run are there, unlisted"
    assert verify(settings) == []
    assert AnswerService.from_settings(settings).stats().documents == 5

    rerun = Ingestor(settings).run([first, more])
    assert rerun.added == 20 and not (settings.data_dir / "ingest.dirty").exists()
    assert _store_ids(settings) == _catalog_ids(settings)
    assert verify(settings) == []
