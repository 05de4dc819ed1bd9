"""Cited documents and table rows live in the catalog beside their notice: written in the same
commit, replaced on re-ingest, deleted with it; the index state finds them by number."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core.settings import Settings
from index.catalog import Catalog
from index.state import IndexState
from ingest.chunker import CHUNKING_VERSION
from ingest.pipeline import Ingestor, doc_id_for
from tests.conftest import SAMPLES, make_settings

SOURCE = "000_aa16ed5db4b16415.txt"
TABLE_NOTICE = """THÔNG BÁO

Mức hỗ trợ hằng tháng như sau (đơn vị tính: nghìn đồng/người/tháng):

| Đối tượng | Phường | Xã |
|---|---|---|
| Cộng tác viên dân số | 300 | 250 |
| Nhân viên y tế thôn | 450 | 400 |

Thực hiện Quyết định số 143/QĐ-UBND ngày 18/01/2022 của UBND tỉnh về nhiệm vụ năm 2022.
"""


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    shutil.copytree(SAMPLES, folder)
    (folder / "ho-tro.md").write_text(TABLE_NOTICE, encoding="utf-8")
    return folder


def _state(settings: Settings) -> IndexState:
    return IndexState.load(
        Catalog(settings.data_dir / "catalog.sqlite"), settings.data_dir / "bm25"
    )


def test_references_by_number_point_at_live_chunks(settings: Settings, docs: Path):
    Ingestor(settings).run([docs])
    state = _state(settings)
    found = state.references.by_number("711/bc-ubnd")
    assert [(r.doc_type, r.date, r.issuer) for r in found] == [
        ("Báo cáo", "2022-09-19", "UBND huyện Lộc Bình")
    ]
    chunk = state.chunks[state.row_of.get(found[0].chunk_id)]
    assert found[0].sentence in chunk.text and state.doc_of(chunk).source == SOURCE
    assert found[0] in state.references.of_chunk(chunk.chunk_id)
    assert state.references.by_number("711") == found, "a bare number finds its documents"
    cited_twice = state.references.by_number("143/QĐ-UBND")
    assert {state.docs[r.doc_id].source for r in cited_twice} == {SOURCE, "ho-tro.md"}
    summary = state.references.summary(doc_id_for(docs / SOURCE))
    advance = [r for r in summary if r.number == "295/QĐ-UBND"]
    assert len(advance) == 1 and advance[0].issuer == "UBND tỉnh", "merged, fields filled"
    assert advance[0].about.startswith("về việc tạm ứng")


def test_table_rows_keep_their_table_through_the_catalog_and_the_snapshot(
    settings: Settings, docs: Path
):
    Ingestor(settings).run([docs])
    state = _state(settings)
    rows = [c for c in state.chunks_of(doc_id_for(docs / "ho-tro.md")) if c.table]
    assert len(rows) == 1
    table = rows[0].table
    assert rows[0].text.split("\n") == [
        "Cộng tác viên dân số — Phường: 300; Xã: 250 (nghìn đồng/người/tháng)",
        "Nhân viên y tế thôn — Phường: 450; Xã: 400 (nghìn đồng/người/tháng)",
    ]
    assert (table.columns, table.unit) == (["Đối tượng", "Phường", "Xã"], "nghìn đồng/người/tháng")
    assert (
        rows[0].headings[-1]
        == "Bảng: Mức hỗ trợ hằng tháng như sau (đơn vị tính: nghìn đồng/người/tháng)"
    )
    stored = Catalog(settings.data_dir / "catalog.sqlite").chunks(rows[0].doc_id)
    assert [c.table for c in stored if c.table] == [table]


def test_references_are_replaced_with_their_notice_and_removed_with_it(
    settings: Settings, docs: Path
):
    ingestor = Ingestor(settings)
    ingestor.run([docs])
    notice = docs / "ho-tro.md"
    notice.write_text(TABLE_NOTICE.replace("143/QĐ-UBND", "144/QĐ-UBND"), encoding="utf-8")
    ingestor.run([docs])
    catalog = Catalog(settings.data_dir / "catalog.sqlite")
    numbers = [r.number for r in catalog.references(doc_id_for(notice))]
    assert numbers == ["144/QĐ-UBND"], "the old version's citations are gone, none doubled"
    ingestor.remove([doc_id_for(notice)])
    assert catalog.references(doc_id_for(notice)) == []
    assert _state(settings).references.by_number("144/QĐ-UBND") == []
    assert catalog.references(doc_id_for(docs / SOURCE)), "other notices keep theirs"


def test_an_index_chunked_by_an_older_chunker_is_read_again(tmp_path: Path, docs: Path):
    settings = make_settings(tmp_path / "data")
    Ingestor(settings).run([docs])
    catalog = Catalog(settings.data_dir / "catalog.sqlite")
    assert catalog.get_meta("chunking") == str(CHUNKING_VERSION)
    with catalog._db:  # as an index written before tables and references were read
        catalog._db.execute("UPDATE meta SET value = '1' WHERE key = 'chunking'")
        catalog._db.execute("DELETE FROM refs")
    report = Ingestor(settings).run([docs])
    assert (report.updated, report.skipped) == (6, 0)
    assert catalog.get_meta("chunking") == str(CHUNKING_VERSION) and catalog.references()
    assert Ingestor(settings).run([docs]).skipped == 6
