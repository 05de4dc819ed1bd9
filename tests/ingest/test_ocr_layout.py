"""Page layouts tesseract reads badly on its own, on pages drawn here: ruled tables (read cell by
cell, row by row), dot leaders of forms (counted, not read) and bullets, pages turned sideways,
tone marks put right from their neighbours, and a scan with a short text caption."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from ingest.ocr import read_image
from ingest.ocr_leaders import Leader, find_leaders, put_back
from ingest.ocr_tables import find_tables
from ingest.ocr_tesseract import TsvLine, Word
from ingest.ocr_tones import tone_model
from ingest.pdf_pages import needs_ocr, open_pdf
from ingest.pdf_text import page_lines
from tests.ingest.scans import DPI, PAGE, font, layout

# Three columns; the middle cell of row 1 wraps to three lines, so a line-by-line reading
# across the row would put "Bộ Tài chính" between its lines.
ROWS = [
    ["TT", "Nhiệm vụ", "Cơ quan chủ trì"],
    ["1", "Xây dựng kế hoạch\nchuyển đổi số\ncấp tỉnh năm 2026", "Bộ Tài chính"],
    ["2", "Tổ chức hội nghị", "Sở Nội vụ"],
]


def ruled_table(rows: list[list[str]]) -> Image.Image:
    page = Image.new("L", PAGE, 255)
    draw = ImageDraw.Draw(page)
    face = font(11)
    xs = [300, 500, 1500, 2200]
    y = 400
    for row in rows:
        height = 70 * max(cell.count("\n") + 1 for cell in row) + 40
        for i, cell in enumerate(row):
            draw.multiline_text((xs[i] + 20, y + 20), cell, font=face, fill=0, spacing=18)
        draw.line([(xs[0], y), (xs[-1], y)], fill=0, width=3)
        y += height
    draw.line([(xs[0], y), (xs[-1], y)], fill=0, width=3)
    for x in xs:
        draw.line([(x, 400), (x, y)], fill=0, width=3)
    return page


def test_ruled_table_cells_are_found_in_reading_order():
    tables = find_tables(np.asarray(ruled_table(ROWS)), DPI)
    assert len(tables) == 1
    cells = tables[0].cells
    assert len(cells) == 9
    lefts = [c.left for c in cells]
    assert lefts[:3] == sorted(lefts[:3]) and lefts[3:6] == sorted(lefts[3:6])
    assert cells[0].top < cells[3].top < cells[6].top


def test_a_prose_page_has_no_table():
    assert find_tables(np.asarray(layout("Điều 1. Phạm vi điều chỉnh " * 40)[0]), DPI) == []


def test_ruled_table_is_read_cell_by_cell():
    text = " ".join(line.text for line in read_image(ruled_table(ROWS), 72 / DPI, DPI, "vie"))
    assert "Xây dựng kế hoạch chuyển đổi số cấp tỉnh năm 2026 Bộ Tài chính" in text
    assert text.index("Cơ quan chủ trì") < text.index("Xây dựng") < text.index("Tổ chức")


def form_line(text: str, y: int, draw: ImageDraw.ImageDraw) -> None:
    draw.text((240, y), text, font=font(12), fill=0)


def test_dot_leaders_and_bullets_are_found_and_letters_dots_below_are_not():
    page = Image.new("L", PAGE, 255)
    draw = ImageDraw.Draw(page)
    form_line("Họ và tên:.................... Giới tính:......", 400, draw)
    form_line("Địa chỉ thường trú tại thị trấn Đình Lập", 520, draw)  # ạ, ị, ậ: dots below
    for x in range(240, 2200, 4):  # a dotted rule of a table: small dots drawn close together
        draw.rectangle((x, 700, x + 1, 701), fill=0)
    form_line("• Quan hệ phối hợp", 850, draw)
    marks = sorted(find_leaders(page, DPI), key=lambda mark: (mark.top, mark.left))
    assert [mark.dots for mark in marks] == [20, 6, 1] and marks[2].text == "•"


def test_leaders_go_back_where_they_stood():
    line = TsvLine(
        [Word(100, 300, "Họ"), Word(320, 400, "tên:"), Word(900, 1100, "Giới")], 50, 90, 95
    )
    leaders = [Leader(80, 86, 405, 880, 30, 2.2), Leader(400, 406, 100, 600, 21, 3.0)]
    lines = put_back([line], leaders, DPI)
    assert lines[0].text == "Họ tên:.............................. Giới"
    assert lines[1].text == "…" * 7  # a leader on a line of its own, after the lines above it


def test_a_page_turned_sideways_is_read_upright():
    page = layout("Ủy ban nhân dân huyện Đình Lập thông báo kết quả kiểm tra nông thôn mới. " * 6)[
        0
    ]
    turned = page.rotate(90, expand=True, fillcolor=255)
    text = " ".join(line.text for line in read_image(turned, 72 / DPI, DPI, "vie"))
    assert "huyện Đình Lập thông báo kết quả kiểm tra" in text


def test_tone_marks_are_put_right_from_their_neighbours():
    model = tone_model()
    assert model is not None, "ingest/data/ocr_syllables.tsv.gz: run python -m bench.fit_ocr_tones"
    assert model.correct("Sửa đôi, bô sung một sô điêu") == "Sửa đổi, bổ sung một số điều"
    assert model.correct("tái câp vôn") == "tái cấp vốn"  # "câp": no syllable ends so
    assert model.correct("GIÂY XÁC NHẬN") == "GIẤY XÁC NHẬN"
    kept = "Ông Nguyễn Văn Tám, Chủ tịch UBND huyện, đã làm việc với xã Bắc Xa."
    assert model.correct(kept) == kept


def test_a_scan_with_a_short_caption_needs_ocr(tmp_path: Path):
    """A signed scan: a page-sized image under one line of real text (the signature stamp)."""
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    scan = np.asarray(layout("Kết luận kiểm tra tiến độ xây dựng nông thôn mới. " * 30)[0])
    with plt.rc_context({"pdf.fonttype": 42, "font.family": "DejaVu Serif"}):
        fig = plt.figure(dpi=72)
        fig.figimage(scan[::4, ::4], cmap="gray", resize=True)  # the page is the image's size
        fig.text(0.05, 0.01, "Ký bởi: Ủy ban nhân dân huyện Đình Lập", fontsize=7)
        fig.savefig(tmp_path / "signed.pdf", dpi=72)
        plt.close(fig)
    document = open_pdf((tmp_path / "signed.pdf").read_bytes())
    page = document[0]
    assert len(page_lines(page)) > 0 and needs_ocr(page, page_lines(page))
