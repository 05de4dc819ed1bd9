"""The unchanged check of an ingest: content hashes from the catalog, files from one scan."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from index.catalog import Catalog
from ingest.pipeline import Ingestor, doc_id_for
from tests.conftest import SAMPLES


@pytest.fixture
def nested(tmp_path: Path) -> Path:
    """The samples in two folders, one of them nested."""
    folder = tmp_path / "docs"
    for i, f in enumerate(sorted(SAMPLES.iterdir())):
        target = folder / ("a" if i < 2 else "a/b") / f.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(f, target)
    return folder


def no_metadata(monkeypatch) -> None:
    """An unchanged re-ingest must not decode every document's metadata."""

    def refuse(self):
        raise AssertionError("Catalog.documents() read by the unchanged check")

    monkeypatch.setattr(Catalog, "documents", refuse)


def test_stored_files_are_the_documents_paths_and_hashes(settings, nested):
    Ingestor(settings).run([nested])
    catalog = Catalog(settings.data_dir / "catalog.sqlite")
    stored = catalog.stored_files()
    assert stored == {d.doc_id: (d.path, d.content_hash) for d in catalog.documents()}
    assert set(stored) == {doc_id_for(p) for p in nested.rglob("*.txt")}


def test_unchanged_rerun_skips_everything_even_with_new_mtimes(settings, nested, monkeypatch):
    first = Ingestor(settings).run([nested])
    for f in nested.rglob("*.txt"):
        os.utime(f, (1, 1))  # touched, same bytes: still unchanged
    no_metadata(monkeypatch)
    again = Ingestor(settings).run([nested])
    assert (again.seen, again.skipped, again.added, again.updated) == (5, 5, 0, 0)
    assert (again.embedded, again.removed, again.failed) == (0, 0, [])
    assert again.generation == first.generation


def test_a_changed_nested_file_is_read_again_alone(settings, nested):
    first = Ingestor(settings).run([nested])
    target = next((nested / "a" / "b").glob("*.txt"))
    target.write_text(target.read_text(encoding="utf-8") + "\nPhụ lục bổ sung.\n", "utf-8")
    report = Ingestor(settings).run([nested])
    assert (report.updated, report.added, report.skipped) == (1, 0, 4)
    assert report.generation == first.generation + 1
    stored = Catalog(settings.data_dir / "catalog.sqlite").stored_files()[doc_id_for(target)]
    assert stored.path == str(target.resolve())


def test_a_removed_file_is_pruned_and_a_new_one_added(settings, nested):
    Ingestor(settings).run([nested])
    gone = next((nested / "a").glob("*.txt"))
    moved = nested / "a" / "b" / "moved.txt"
    gone.rename(moved)  # same bytes under another path: another document
    report = Ingestor(settings).run([nested], prune=True)
    assert (report.added, report.removed, report.skipped) == (1, 1, 4)
    stored = Catalog(settings.data_dir / "catalog.sqlite").stored_files()
    assert doc_id_for(gone) not in stored and doc_id_for(moved) in stored


def test_remove_by_id_takes_known_ids_only(settings, nested):
    Ingestor(settings).run([nested])
    one = next(nested.rglob("*.txt"))
    report = Ingestor(settings).remove([doc_id_for(one), "unknown-id"])
    assert report.removed == 1
    assert doc_id_for(one) not in Catalog(settings.data_dir / "catalog.sqlite").stored_files()
