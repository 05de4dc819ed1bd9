"""`/api/documents/{id}` lists the documents the notice cites, on a real server."""

from __future__ import annotations

import httpx

from tests.web.conftest import SOURCE


def test_document_detail_lists_the_documents_it_cites(server):
    docs = httpx.get(f"{server}/api/documents").json()
    first = next(d for d in docs if d["source"] == SOURCE)
    detail = httpx.get(f"{server}/api/documents/{first['doc_id']}").json()
    refs = {r["number"]: r for r in detail["references"]}
    report = refs["711/BC-UBND"]
    assert {k: report[k] for k in ("doc_type", "date", "date_text", "issuer")} == {
        "doc_type": "Báo cáo",
        "date": "2022-09-19",
        "date_text": "ngày 19/9/2022",
        "issuer": "UBND huyện Lộc Bình",
    }
    assert report["sentence"] in detail["text"]
    assert report["chunk_id"] in {s["chunk_id"] for s in detail["spans"]}
    assert refs["143/QĐ-UBND"]["issuer"] == "UBND tỉnh"
    assert len(detail["references"]) == len(refs), "one entry per cited document"
