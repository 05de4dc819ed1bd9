"""All 260 crawled provincial documents: site furniture gone, broken lines re-joined, the header
cells ("Số: ...", "Đồng Nai, ngày ...") and the signer on lines of their own."""

from __future__ import annotations

import itertools
import re
import unicodedata

import pytest

from ingest.line_kinds import ends_sentence, is_structural, starts_lower
from ingest.loaders import load_text
from tests.conftest import SHARED, require_shared

PROVINCIAL = SHARED / "datasets" / "provincial"
FURNITURE = (
    "THƯ VIỆN PHÁP LUẬT",
    "ThuVienPhapLuat",
    "Đang tải văn bản",
    "Click vào phần bôi vàng",
    "Văn bản liên quan",
    "Đăng xuất",
    "Mã số thuế",
    "Văn bản này chưa cập nhật",
    "FILE ĐƯỢC ĐÍNH KÈM",
)


@pytest.fixture(scope="module")
def provincial() -> dict[str, str]:
    folder = require_shared(PROVINCIAL)
    return {path.name: load_text(path) for path in sorted(folder.glob("*.md"))}


def test_all_load(provincial: dict[str, str]):
    assert len(provincial) == 260
    assert all(len(text) > 500 for text in provincial.values())


def test_no_site_furniture_survives(provincial: dict[str, str]):
    for name, text in provincial.items():
        for noise in FURNITURE:
            assert noise not in text, (name, noise)


def test_no_markup_survives(provincial: dict[str, str]):
    for name, text in provincial.items():
        assert "**" not in text and "|" not in text, name
        assert not re.search(r"^[-_=*#]{3,}$", text, re.M), name


def test_number_line_present(provincial: dict[str, str]):
    with_number = [n for n, t in provincial.items() if re.search(r"^Số: ?\S*\d", t, re.M)]
    assert len(with_number) >= 0.95 * len(provincial)


def _one(name: str) -> str:
    """One provincial document, through `require_shared` (skipped or, under CI, failed)."""
    return load_text(require_shared(PROVINCIAL) / name)


def test_header_cells_become_lines():
    text = _one("208bf7c0b7e8f27c.md")
    lines = text.split("\n")
    assert "Số: 63/2025/QĐ-UBND" in lines
    assert "Đồng Nai, ngày 18 tháng 11 năm 2025" in lines


def test_broken_lines_are_rejoined(provincial: dict[str, str]):
    """No short line that stops mid-sentence is followed by the rest of its sentence."""
    broken = []
    for name, text in provincial.items():
        lines = [line for line in text.split("\n") if line.strip()]
        for line, after in itertools.pairwise(lines):
            prose = len(line.split()) >= 3 and len(after) >= 40 and not is_structural(after)
            if prose and len(line) < 40 and not ends_sentence(line) and starts_lower(after):
                broken.append((name, line, after[:40]))
    # one table row the source itself split across two rows (a page break in the original)
    assert len(broken) <= 1, broken


def test_portal_metadata_stays_on_top_as_key_value_lines(provincial: dict[str, str]):
    text = provincial["98b67fb117d01944.md"]
    assert text.startswith(
        "Số hiệu: 51/2025/NQ-HĐND\nLoại văn bản: Nghị quyết\nNơi ban hành: Thành phố Hà Nội\n"
        "Người ký: Phùng Thị Hồng Hà\nNgày ban hành: 26/11/2025\n\n"
    )


def _plain(text: str) -> str:
    """Without tone marks: "Hoà" and "Hòa" are the same name written in two styles."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def test_signer_has_a_line_of_their_own(provincial: dict[str, str]):
    signed = {n: t for n, t in provincial.items() if t.startswith("Số hiệu:")}
    assert len(signed) > 100
    for name, text in signed.items():
        signer = re.search(r"^Người ký: (.+)$", text, re.M)
        assert signer, name
        body_lines = {_plain(line) for line in text[signer.end() :].split("\n")}
        assert _plain(signer.group(1)) in body_lines, name


def test_signature_block_lines():
    text = _one("741f24db1e774799.md")
    assert "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Quỳnh Thiện" in text
    text = _one("3e09f285f64c35a5.md")
    assert "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Hải Hoà" in text
