"""Metadata read from the notices' own text: the five samples, and all 260 provincial documents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.loaders import load_text
from ingest.metadata import extract_metadata
from tests.conftest import SAMPLES, shared_path
from vntext.terms import fold


def _meta(path: Path):
    return extract_metadata(load_text(path), path.name)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "000_aa16ed5db4b16415.txt",
            dict(
                doc_type="Thông báo",
                number="",
                symbol="TB-TCT",
                place="Lạng Sơn",
                date="2022-10",
                issuer="Tổ Công tác của Chủ tịch UBND tỉnh Lạng Sơn",
                province="Lạng Sơn",
                signer="Phạm Hùng Trường",
                signer_position="Tổ trưởng, Chánh văn phòng UBND tỉnh",
            ),
        ),
        (
            "001_b47614d5102acb89.txt",
            dict(
                doc_type="Thông báo",
                number="",
                date="2024-04-23",
                issuer="UBND tỉnh Lạng Sơn",
                province="Lạng Sơn",
                signer="Hoàng Xuân Đông",
                signer_position="Phó Chánh văn phòng",
            ),
        ),
        (
            "002_1d4724909cfe222f.txt",
            dict(
                doc_type="Thông báo",
                number="",
                symbol="TB-UBND",
                place="Lạng Sơn",
                date="2024-10",
                issuer="UBND tỉnh Lạng Sơn",
                signer="Dương Công Hiệp",
            ),
        ),
        (
            "003_0ce4c6df32ab89d9.txt",
            dict(
                doc_type="Thông báo",
                number="",
                symbol="TB-UBND",
                date="2022-03",
                issuer="UBND tỉnh Lạng Sơn",
                signer="Phạm Hùng Trường",
                signer_position="Chánh văn phòng",
            ),
        ),
        ("004_04a97d19aa940e28.txt", dict(doc_type="Tin bài", date="2023-11-15", signer="")),
    ],
)
def test_sample_notices(name, expected):
    meta = _meta(SAMPLES / name)
    for field, value in expected.items():
        assert getattr(meta, field) == value, field


def test_sample_titles_places_and_display_dates():
    m = {p.name[:3]: _meta(p) for p in SAMPLES.iterdir()}
    assert m["003"].title.startswith("Kết luận phiên họp UBND tỉnh tháng 3 năm 2022")
    assert m["000"].title.startswith("Kết luận kiểm tra thực hiện nhiệm vụ")
    assert m["004"].title.startswith("Kiểm tra việc thực hiện nhiệm vụ")
    assert "Lộc Bình" in m["000"].districts and "Tam Gia" in m["000"].communes
    assert "Hoa Thám" in m["001"].communes and "Bình Gia" in m["001"].districts
    assert {"Văn Quan", "Tràng Định"} <= set(m["002"].districts)
    assert m["000"].date_display == "10/2022" and m["001"].date_display == "23/4/2024"
    assert m["000"].year == 2022


# Ten documents checked by hand against the raw crawl (header block and signature block).
HAND_CHECKED = {
    "001c610b2efdcf0c.md": (
        "Quyết định",
        "2820/QĐ-UBND",
        "2025-11-19",
        "Hồ Chí Minh",
        "Nguyễn Lộc Hà",
    ),
    "4f30202155d56bdd.md": ("Chỉ thị", "06/CT-UBND", "2025-11-25", "Quảng Trị", "Hoàng Nam"),
    "abc00053e9811268.md": ("Quyết định", "79/2025/QĐ-UBND", "2025-11-21", "Bắc Ninh", "Mai Sơn"),
    "f40e7ad008712591.md": (
        "Quyết định",
        "125/2025/QĐ-UBND",
        "2025-11-24",
        "Huế",
        "Nguyễn Thanh Bình",
    ),
    "31fb08f34535fce3.md": (
        "Kế hoạch",
        "174/KH-UBND",
        "2025-11-18",
        "Hồ Chí Minh",
        "Trần Thị Diệu Thúy",
    ),
    "0abcf1a5292b31ec.md": ("Nghị quyết", "37/2025/NQ-HĐND", "2025-11-18", "Huế", "Lê Trường Lưu"),
    "1852f73167ca9236.md": (
        "Nghị quyết",
        "66/2025/NQ-HĐND",
        "2025-11-27",
        "Hà Nội",
        "Phùng Thị Hồng Hà",
    ),
    "8d9779edcdd6c422.md": (
        "Quyết định",
        "74/2025/QĐ-UBND",
        "2025-12-04",
        "Hà Nội",
        "Vũ Đại Thắng",
    ),
    "02b9be7711f88c70.md": (
        "Nghị quyết",
        "55/2025/NQ-HĐND",
        "2025-11-26",
        "Hà Nội",
        "Phùng Thị Hồng Hà",
    ),
    "24c7124ec6b2bf61.md": (
        "Kế hoạch",
        "153/KH-UBND",
        "2025-11-17",
        "Cần Thơ",
        "Trương Cảnh Tuyên",
    ),
}


def test_ten_provincial_documents_checked_by_hand():
    folder = shared_path("datasets", "provincial")
    for name, (doc_type, number, date, province, signer) in HAND_CHECKED.items():
        m = _meta(folder / name)
        assert (m.doc_type, m.number, m.date, m.province, m.signer) == (
            doc_type,
            number,
            date,
            province,
            signer,
        ), name


def test_coverage_over_all_260_provincial_documents():
    files = sorted(shared_path("datasets", "provincial").glob("*.md"))
    metas = [_meta(f) for f in files]
    n = len(metas)
    assert n == 260
    share = lambda pred: sum(map(pred, metas)) / n  # noqa: E731
    assert share(lambda m: bool(m.number) and len(m.date) == 10) >= 0.95
    assert share(lambda m: bool(m.doc_type)) >= 0.95
    assert share(lambda m: bool(m.signer)) >= 0.90
    assert share(lambda m: bool(m.province)) >= 0.90
    assert share(lambda m: bool(m.issuer) and bool(m.title)) >= 0.90
    assert all(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", m.date) for m in metas if m.date)


def test_header_agrees_with_the_portal_table_where_the_crawl_has_one():
    """132 crawls carry the portal's own metadata table: the header reading must agree."""
    files = sorted(shared_path("datasets", "provincial").glob("*.md"))
    checked = 0
    for f in files:
        text = load_text(f)
        site = dict(re.findall(r"^(Số hiệu|Người ký|Ngày ban hành): (.+)$", text[:600], re.M))
        if not site:
            continue
        m = extract_metadata(text)
        d, mo, y = site["Ngày ban hành"].split("/")
        assert m.number == site["Số hiệu"], f.name
        assert m.date == f"{y}-{int(mo):02d}-{int(d):02d}", f.name
        assert fold(m.signer) == fold(site["Người ký"]), f.name
        checked += 1
    assert checked >= 100


def test_a_title_in_sentence_case_that_opens_like_a_body_is_still_the_title():
    """ "Triển khai …" under "KẾ HOẠCH" is the plan's title; "Thực hiện …, UBND tỉnh ban hành
    Kế hoạch …:" right under it would be the body."""
    head = "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN\n\nSố: 12/KH-UBND\n\nKẾ HOẠCH\n\n"
    m = extract_metadata(head + "Triển khai chuyển đổi số năm 2026\n\nI. MỤC TIÊU\n")
    assert m.title == "Triển khai chuyển đổi số năm 2026"
    m = extract_metadata(
        head + "Thực hiện Nghị quyết số 05, UBND tỉnh ban hành Kế hoạch như sau:\n"
    )
    assert not m.title.startswith("Thực hiện")
