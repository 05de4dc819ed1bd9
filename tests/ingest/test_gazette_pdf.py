"""The 11 Official Gazette PDFs: running heads and page numbers gone, syllables whole, articles
at the start of paragraphs, notes kept as superscript-numbered paragraphs."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from ingest.loaders import load_text
from ingest.pdf_text import _join
from ingest.syllables import page_is_split, rejoin_inline, split_inside
from tests.conftest import SHARED, require_shared

GAZETTE = SHARED / "datasets" / "gazette-pdf"
HEAD = re.compile(r"CÔNG BÁO\s*/\s*Số|^\d*\s*CÔNG BÁO.*Ngày \d{1,2}-\d{1,2}-\d{4}", re.M)
ARTICLE_LINE = re.compile(r"^Điều \d+[a-z]?\. [A-ZĐÀ-Ỹ]")
_CONSONANTS = "bcdđghklmnpqrstvxBCDĐGHKLMNPQRSTVX"
_VOWELS = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
# "K ế", "Ngh ị", "th ực": an initial consonant cluster cut off from the rest of its syllable.
_PLAIN_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")  # the text layer has no superscripts
_LONE_CLUSTER = re.compile(rf"(?<![\w/-])[{_CONSONANTS}]{{1,3}} +(?=[{_VOWELS}])")


def split_fraction(text: str) -> float:
    """Share of words that are a consonant cluster split off its syllable."""
    words = re.findall(r"[^\W\d_]+", text)
    return len(_LONE_CLUSTER.findall(text)) / max(1, len(words))


@pytest.fixture(scope="module")
def gazette() -> dict[str, str]:
    folder = require_shared(GAZETTE)
    return {path.name: load_text(path) for path in sorted(folder.glob("*.pdf"))}


def test_all_eleven_load(gazette: dict[str, str]):
    assert len(gazette) == 11
    assert all(len(text) > 10_000 for text in gazette.values())


def test_no_running_head_or_page_number_survives(gazette: dict[str, str]):
    for name, text in gazette.items():
        assert not HEAD.search(text), name
        first = text.split("\n\n", 1)[0]
        assert not first.isdigit(), name


def test_syllables_are_whole(gazette: dict[str, str]):
    plain = _pypdf_plain(GAZETTE / "thong-tu-so-03-2023-tt-bkhdt-39312.pdf")
    assert split_fraction(plain) > 0.05  # the measure sees pypdf's "K ế ho ạch"
    for name, text in gazette.items():
        assert split_fraction(text) < 0.001, name


def _pypdf_plain(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages[:4])


def test_article_headings_start_paragraphs(gazette: dict[str, str]):
    for name, text in gazette.items():
        starts = {p[:30].translate(_PLAIN_DIGITS) for p in text.split("\n\n")}
        headings = _article_lines(GAZETTE / name)
        assert headings, name
        missing = [h for h in headings if h[:30] not in starts]
        assert not missing, (name, missing[:3])


def _article_lines(path: Path) -> list[str]:
    """Lines of the PDF's own text layer that open an article: "Điều 5. Tên điều"."""
    document = pdfium.PdfDocument(path)
    lines = []
    for i in range(len(document)):
        for line in document[i].get_textpage().get_text_range().split("\r\n"):
            if ARTICLE_LINE.match(line.strip()):
                lines.append(re.sub(r"\s+", " ", line.strip()))
    document.close()
    return lines


def test_chapters_and_sections_start_paragraphs(gazette: dict[str, str]):
    paragraphs = gazette["nghi-dinh-so-138-2026-nd-cp-469380.pdf"].split("\n\n")
    assert {"Chương I", "QUY ĐỊNH CHUNG", "Chương VII", "ĐIỀU KHOẢN THI HÀNH"} <= set(paragraphs)
    assert "Điều 1. Phạm vi điều chỉnh" in paragraphs


def test_paragraph_cut_by_a_page_break_is_joined(gazette: dict[str, str]):
    text = gazette["luat-so-51-2024-qh15-43559.pdf"]
    assert "chia sẻ dữ liệu trong lĩnh vực bảo hiểm y tế" in text


def test_footnotes_keep_their_numbers(gazette: dict[str, str]):
    paragraphs = gazette["van-ban-hop-nhat-so-9191-vbhn-bkhdt-43190.pdf"].split("\n\n")
    assert "Chính phủ ban hành Nghị định về tổ hợp tác.¹" in paragraphs
    assert any(p.startswith("¹ Nghị định số 113/2024/NĐ-CP") for p in paragraphs)
    assert "Điều 5.⁵ Quyền của tổ hợp tác" in paragraphs


def test_signature_lines(gazette: dict[str, str]):
    text = gazette["nghi-dinh-so-138-2026-nd-cp-469380.pdf"]
    assert "TM. CHÍNH PHỦ\n\nKT. THỦ TƯỚNG\n\nPHÓ THỦ TƯỚNG\n\nLê Thành Long" in text


def test_rotated_form_page_with_broken_syllables_is_repaired(gazette: dict[str, str]):
    text = gazette["thong-tu-so-10-2021-tt-nhnn-34057.pdf"]
    assert "Phụ lục VII" in text
    assert "của Thống đốc Ngân hàng Nhà nước Việt Nam" in text


def test_syllable_repair_needs_a_page_that_keeps_breaking():
    broken = ["Ph", "ụ l", "ục VII ", "(Ban hành kèm theo Thông t", "ư s", "ố 10"]
    assert page_is_split(broken)
    assert split_inside("Ph", "ụ l") and not split_inside("VII ", "(Ban")
    assert rejoin_inline("của Th ống đốc Ngân hàng") == "của Thống đốc Ngân hàng"
    assert not page_is_split(["các điểm a, b, c", "và d khoản 3 Điều 12."])


def test_line_end_hyphenation():
    assert _join("hệ thống e-", "government") == "hệ thống egovernment"
    assert _join("đại dịch Covid-", "19") == "đại dịch Covid-19"
    assert _join("kinh tế -", "xã hội") == "kinh tế - xã hội"
