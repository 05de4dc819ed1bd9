"""Tasks live in the catalog beside their document: written in the same transaction as its
chunks, deleted with it, and read again from the stored text when the extractor changes."""

from __future__ import annotations

from core.document import Document
from core.results import Task
from index.catalog import Catalog
from ingest.tasks import TASKS_VERSION, extract_tasks

VERSION_KEY = "tasks_version"


def tasks_of(doc: Document) -> list[Task]:
    meta = doc.metadata
    return extract_tasks(doc.text, meta.date, doc.chunks, doc.doc_id, doc.source, meta.districts)


def refresh_tasks(catalog: Catalog) -> int | None:
    """When the stored tasks were read by another extractor version (or before there were
    tasks), read every document's tasks again from its stored text and chunks: no file is
    reloaded, nothing is embedded. Returns how many tasks were stored, None when up to date."""
    if catalog.get_meta(VERSION_KEY) == str(TASKS_VERSION):
        return None
    tasks = {}
    for doc in catalog.documents():
        text = catalog.document_text(doc.doc_id) or ""
        chunks = catalog.chunks(doc.doc_id)
        meta = doc.metadata
        tasks[doc.doc_id] = extract_tasks(
            text, meta.date, chunks, doc.doc_id, doc.source, meta.districts
        )
    catalog.replace_tasks(tasks, {VERSION_KEY: str(TASKS_VERSION)})
    return sum(len(t) for t in tasks.values())
