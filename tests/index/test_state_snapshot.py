"""The memory-mapped snapshot answers exactly what the catalog holds: rows, ids, documents,
families, filters, lookups and BM25 scores, and it is rebuilt when its format is stale."""

from __future__ import annotations

import json
from collections import Counter

import numpy as np

from core.document import Chunk, DocMetadata, Document
from core.results import Filters
from index.catalog import Catalog
from index.lexical import BM25
from index.lookups import Lookups
from index.mapped_lookups import MappedLookups, save_lookups
from index.state import IndexState


def _doc(doc_id: str, year: str, articles: int) -> Document:
    doc = Document(
        doc_id,
        f"{doc_id}.txt",
        f"/x/{doc_id}.txt",
        doc_id * 4,
        "text",
        DocMetadata(title=f"Luật {doc_id}", date=f"{year}-01-02", doc_type="Luật"),
    )
    doc.chunks = [
        Chunk(
            f"{doc_id}-{i}",
            doc_id,
            i,
            f"Nội dung {doc_id} điều {i // 2} khoản {i}",
            [f"Điều {i // 2 + 1}. Quy định số {i // 2}", f"Khoản {i}"],
            i * 10,
            i * 10 + 9,
            f"Luật {doc_id}",
            page=None,
        )
        for i in range(2 * articles)
    ]
    return doc


def test_snapshot_rows_match_the_catalog(tmp_path):
    catalog = Catalog(tmp_path / "catalog.sqlite")
    catalog.commit([_doc("bb", "2023", 2), _doc("aa", "2024", 3), _doc("cc", "2023", 1)], [])
    state = IndexState.load(catalog, tmp_path / "bm25")
    chunks = catalog.chunks()
    assert list(state.chunks) == chunks and state.chunks[-1] == chunks[-1]
    assert state.chunks[1:3] == chunks[1:3] and len(state.chunks) == 12
    assert all(state.row_of.get(c.chunk_id) == i for i, c in enumerate(chunks))
    assert state.row_of.get("aa-99") is None and "aa-1" in state.row_of
    assert sorted(state.docs) == ["aa", "bb", "cc"] and state.docs["bb"].metadata.year == 2023
    assert state.docs.get("zz") is None
    assert [c.chunk_id for c in state.chunks_of("bb")] == ["bb-0", "bb-1", "bb-2", "bb-3"]
    assert [c.chunk_id for c in state.siblings(state.chunks_of("aa")[3])] == ["aa-2", "aa-3"]
    mask = state.mask(Filters(year=2023))
    assert (
        mask is not None
        and [c.doc_id for c, m in zip(chunks, mask, strict=True) if m] == ["bb"] * 4 + ["cc"] * 2
    )
    assert state.lookups.article("2") == [2, 3, 8, 9]  # "Điều 2" in aa and in bb


def test_bm25_postings_score_like_the_formula(tmp_path):
    docs = [["a", "b", "b"], ["b", "c"], ["a"], []]
    bm25 = BM25.build(docs)
    bm25.save(tmp_path / "snap")
    again = BM25.load(tmp_path / "snap")
    n, avgdl = len(docs), sum(map(len, docs)) / len(docs)
    df = Counter(t for d in docs for t in set(d))
    expected = np.zeros(n)
    for r, d in enumerate(docs):
        for t, w in (("b", 1.0), ("a", 0.5)):
            tf = d.count(t)
            idf = np.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5))
            expected[r] += w * idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * len(d) / avgdl))
    assert np.allclose(again.scores({"b": 1.0, "a": 0.5, "zz": 1.0}), expected, atol=1e-5)
    assert isinstance(again.rows, np.memmap) and again.size == 4


def test_a_stale_snapshot_is_rebuilt(tmp_path):
    catalog = Catalog(tmp_path / "catalog.sqlite")
    catalog.commit([_doc("aa", "2024", 1)], [])
    state = IndexState.load(catalog, tmp_path / "bm25")
    meta = state.snapshot / "tables.json"
    meta.write_text(json.dumps({**json.loads(meta.read_text()), "format": 0}))
    again = IndexState.load(catalog, tmp_path / "bm25")
    assert json.loads(meta.read_text())["format"] != 0 and len(again.chunks) == 2


def test_mapped_lookups_answer_as_lookups(tmp_path):
    texts = ["Người lao động là người làm việc cho người sử dụng lao động.", "Nội dung khác."]
    heads = ["Điều 3. Giải thích từ ngữ", "Điều 12. Tuổi chịu trách nhiệm hình sự"]
    chunks = [
        Chunk(f"c{i}", f"d{i % 3}", i, texts[i % 2], [heads[i % 2]], 0, 9, "Luật") for i in range(8)
    ]
    lookups = Lookups(chunks)
    save_lookups(tmp_path, lookups)
    mapped = MappedLookups(tmp_path)
    assert mapped.defining("nguoi lao dong") == lookups.defining("nguoi lao dong") != []
    assert mapped.article("12") == lookups.article("12") != [] and mapped.article("99") == []
    asked = {"tuoi", "chiu", "trach", "nhiem", "hinh", "su", "la", "gi"}
    assert mapped.titled(asked) == lookups.titled(asked) != []
    assert mapped.titled({"tuoi", "chiu"}) == [] == lookups.titled({"tuoi", "chiu"})
