"""Documents a notice cites are read at ingest with their type, number, date, issuer and subject,
and the sentence and chunk that cite them; the notice's own number is not one of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.document import Document, Reference
from ingest.pipeline import Ingestor
from ingest.references import references_in
from tests.conftest import SAMPLES, make_settings, shared_path


@pytest.fixture(scope="module")
def ingestor(tmp_path_factory: pytest.TempPathFactory) -> Ingestor:
    return Ingestor(make_settings(tmp_path_factory.mktemp("refs") / "data"))


def _cited(doc: Document, number: str) -> Reference:
    found = [r for r in doc.references if r.number == number]
    assert found, f"{number} not among {[r.number for r in doc.references]}"
    return found[0]


def test_sample_notice_cites_the_district_report_and_the_decisions(ingestor: Ingestor):
    doc = ingestor.parse(SAMPLES / "000_aa16ed5db4b16415.txt")
    report = _cited(doc, "711/BC-UBND")
    assert (report.doc_type, report.date, report.date_text, report.issuer) == (
        "Báo cáo",
        "2022-09-19",
        "ngày 19/9/2022",
        "UBND huyện Lộc Bình",
    )
    assert report.about.startswith("về tình hình thực hiện nhiệm vụ UBND tỉnh")
    assert report.sentence.startswith("Sau khi nghiên cứu Báo cáo số 711/BC-UBND")
    chunk = next(c for c in doc.chunks if c.chunk_id == report.chunk_id)
    assert report.sentence in chunk.text and report.doc_id == doc.doc_id

    decision = _cited(doc, "143/QĐ-UBND")
    assert (decision.doc_type, decision.date, decision.issuer) == (
        "Quyết định",
        "2022-01-18",
        "UBND tỉnh",
    )
    notice = _cited(doc, "66/TB-TCT")  # "Ngày 16/9/2022, Tổ Công tác … đã ban hành Thông báo số …"
    assert (notice.doc_type, notice.date, notice.issuer) == (
        "Thông báo",
        "2022-09-16",
        "Tổ Công tác của Chủ tịch UBND tỉnh",
    )
    assert not [r for r in doc.references if r.number == "10/19"], "a ratio is no document"


def test_party_documents_and_the_prime_minister(ingestor: Ingestor):
    doc = ingestor.parse(SAMPLES / "003_0ce4c6df32ab89d9.txt")
    directive = _cited(doc, "10-CT/TW")
    assert (directive.doc_type, directive.date, directive.issuer) == (
        "Chỉ thị",
        "2021-09-25",
        "Ban Bí thư Trung ương Đảng",
    )
    assert _cited(doc, "1970/QĐ-TTg").issuer == "Thủ tướng Chính phủ"
    resolution = _cited(doc, "66/2017/NQ-HĐND")
    assert (resolution.date, resolution.issuer) == ("2017-12-11", "HĐND tỉnh")


def test_căn_cứ_lines_of_a_provincial_decision(ingestor: Ingestor):
    doc = ingestor.parse(shared_path("datasets", "provincial", "036bd85f1f56f768.md"))
    decree = _cited(doc, "63/2010/NĐ-CP")
    assert (decree.doc_type, decree.date, decree.date_text, decree.issuer, decree.about) == (
        "Nghị định",
        "2010-06-08",
        "ngày 08 tháng 6 năm 2010",
        "Chính phủ",
        "về kiểm soát thủ tục hành chính",
    )
    assert decree.sentence.startswith("Căn cứ Nghị định số 63/2010/NĐ-CP")
    assert _cited(doc, "92/2017/NĐ-CP").date == "2017-08-07", "the second decree of the line"
    ministry = _cited(doc, "3740/QĐ-BTC")
    assert ministry.issuer == "Bộ trưởng Bộ Tài chính"
    assert ministry.about.startswith("về việc công bố thủ tục hành chính")
    law = next(r for r in doc.references if r.about == "Tổ chức chính quyền địa phương")
    assert (law.doc_type, law.number, law.date) == ("Luật", "", "2025-06-16")
    assert law.name == "Luật Tổ chức chính quyền địa phương"
    assert _cited(doc, "22/2023/QH15").about == "Đấu thầu", "Luật Đấu thầu số 22/2023/QH15"
    assert doc.metadata.number == "2666/QĐ-UBND"
    assert not [r for r in doc.references if r.number == "2666/QĐ-UBND"], "not its own number"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Thông tư số 02/2024/TT-BKHĐT ngày 06 tháng 3 năm 2024 của Bộ Kế hoạch và Đầu tư.",
            ("Thông tư", "02/2024/TT-BKHĐT", "2024-03-06", "Bộ Kế hoạch và Đầu tư"),
        ),
        (
            "Quyết định 2666/QĐ-UBND năm 2025 công bố Danh mục thủ tục hành chính",
            ("Quyết định", "2666/QĐ-UBND", "2025", ""),
        ),
        (
            "các CQ theo GM số 146/GM-UBND của UBND tỉnh giao nhiệm vụ",
            ("Giấy mời", "146/GM-UBND", "", "UBND tỉnh"),
        ),
        (
            "thực hiện Công văn số 1234/UBND-KT ngày 31/12/2023 của UBND tỉnh",
            ("Công văn", "1234/UBND-KT", "2023-12-31", "UBND tỉnh"),
        ),
    ],
)
def test_one_citation(sentence: str, expected: tuple[str, str, str, str]):
    ref = references_in(sentence)[0]
    assert (ref.doc_type, ref.number, ref.date, ref.issuer) == expected


def test_no_citation_in_figures():
    text = "Xã Tam Gia đạt 10/19 tiêu chí, tỷ lệ 34,85% kế hoạch vốn; 1.000 đồng/trẻ/tháng."
    assert references_in(text) == []


def test_every_reference_of_the_samples_points_at_its_chunk(tmp_path: Path):
    ingestor = Ingestor(make_settings(tmp_path / "data"))
    for path in sorted(SAMPLES.iterdir()):
        doc = ingestor.parse(path)
        texts = {c.chunk_id: c.text for c in doc.chunks}
        for ref in doc.references:
            assert ref.number or ref.about
            assert ref.sentence.strip() in texts[ref.chunk_id] or ref.number in texts[ref.chunk_id]
