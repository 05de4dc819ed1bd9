"""Tasks are stored with their document: committed with its chunks, replaced and pruned with
it, and read again from the stored text when the extractor version changes."""

from __future__ import annotations

import shutil

import pytest

from index.catalog import Catalog
from ingest.pipeline import Ingestor
from ingest.task_store import VERSION_KEY
from ingest.tasks import TASKS_VERSION
from tests.conftest import SAMPLES

SESSION = "003_0ce4c6df32ab89d9.txt"


def _ingest(settings, folder, prune=False):
    return Ingestor(settings).run([folder], prune=prune)


def test_tasks_follow_their_document_through_ingest_replace_and_prune(settings, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SAMPLES / SESSION, docs / SESSION)
    _ingest(settings, docs)
    catalog = Catalog(settings.data_dir / "catalog.sqlite")
    tasks = catalog.tasks()
    assert ("Sở Xây dựng", "2022-04-05") in {(t.agency, t.due) for t in tasks}
    chunk_ids = catalog.chunk_ids()
    assert all(t.chunk_id in chunk_ids and t.source == SESSION for t in tasks)
    assert catalog.get_meta(VERSION_KEY) == str(TASKS_VERSION)

    text = (docs / SESSION).read_text(encoding="utf-8").replace("05/4/2022", "15/4/2022")
    (docs / SESSION).write_text(text, encoding="utf-8")
    assert _ingest(settings, docs).updated == 1
    dues = {t.due for t in catalog.tasks() if t.agency == "Sở Xây dựng"}
    assert "2022-04-15" in dues and "2022-04-05" not in dues
    assert {t.chunk_id for t in catalog.tasks()} <= catalog.chunk_ids()

    (docs / SESSION).unlink()
    assert _ingest(settings, docs, prune=True).removed == 1
    assert catalog.tasks() == []


def test_tasks_of_an_older_extractor_are_read_again_without_reloading_files(settings, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SAMPLES / SESSION, docs / SESSION)
    _ingest(settings, docs)
    catalog = Catalog(settings.data_dir / "catalog.sqlite")
    before = catalog.tasks()
    catalog.replace_tasks({}, {VERSION_KEY: "0"})  # as a catalog from before tasks looks
    assert catalog.tasks() == []
    report = _ingest(settings, docs)
    assert report.skipped == 1 and report.embedded == 0
    assert [t.model_dump() for t in catalog.tasks()] == [t.model_dump() for t in before]


def test_a_failed_commit_leaves_the_tasks_it_found(settings, tmp_path, monkeypatch):
    """Tasks and chunks switch in one transaction: when it fails, both stay as they were."""
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SAMPLES / SESSION, docs / SESSION)
    _ingest(settings, docs)
    catalog = Catalog(settings.data_dir / "catalog.sqlite")
    before = [t.model_dump() for t in catalog.tasks()]
    text = (docs / SESSION).read_text(encoding="utf-8").replace("05/4/2022", "15/4/2022")
    (docs / SESSION).write_text(text, encoding="utf-8")
    ingestor = Ingestor(settings)
    original = ingestor.catalog._db.executemany

    def failing(sql, rows):
        if sql.startswith("INSERT INTO chunks"):
            raise RuntimeError("disk full")
        return original(sql, rows)

    class Db:  # the real connection, failing on the chunks insert
        def __getattr__(self, name):
            return failing if name == "executemany" else getattr(ingestor_db, name)

        def __enter__(self):
            return ingestor_db.__enter__()

        def __exit__(self, *exc):
            return ingestor_db.__exit__(*exc)

    ingestor_db = ingestor.catalog._db
    monkeypatch.setattr(ingestor.catalog, "_db", Db())
    with pytest.raises(RuntimeError, match="disk full"):
        ingestor.run([docs])
    assert [t.model_dump() for t in catalog.tasks()] == before
