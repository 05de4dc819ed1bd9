"""OCR at ingest on small inputs made here: deskew, mixed PDFs, image files, settings, bad input.
Each test reads at most two short pages with the real tesseract."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from core.errors import LoadError
from ingest.deskew import skew_angle
from ingest.loaders import check_file, load_document, load_text
from ingest.ocr import Ocr, OcrConfig
from ingest.ocr_tesseract import lines_from_tsv
from ingest.pipeline import Ingestor
from tests.conftest import make_settings
from tests.ingest.scans import layout, save_pdf, scanned

NOTICE = """THÔNG BÁO

Kết luận kiểm tra tiến độ xây dựng nông thôn mới tại huyện Đình Lập

Ngày 05/6/2025, Đoàn kiểm tra đã làm việc tại huyện Đình Lập. Đến nay huyện Đình Lập có 7 xã \
đạt chuẩn nông thôn mới; xã Bắc Xa đạt 15/19 tiêu chí, phấn đấu về đích trong năm 2025."""

TYPED = """UỶ BAN NHÂN DÂN HUYỆN ĐÌNH LẬP

THÔNG BÁO

Kết luận của Chủ tịch UBND huyện tại buổi làm việc với xã Thái Bình về xây dựng nông thôn mới.

Ngày 12/5/2025, Chủ tịch UBND huyện đã làm việc với xã Thái Bình. Xã Thái Bình đạt 12/19 \
tiêu chí nông thôn mới, trong đó tiêu chí thu nhập bình quân đầu người đạt 42 triệu đồng."""


def ocr(tmp_path: Path, **config) -> Ocr:
    return Ocr(OcrConfig(cache_dir=tmp_path / "ocr_cache", **config))


def typed_pdf(text: str, path: Path) -> Path:
    """A one-page PDF with a real text layer (matplotlib, TrueType embedded)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with plt.rc_context({"pdf.fonttype": 42, "font.family": "DejaVu Serif"}):
        fig = plt.figure(figsize=(8.27, 11.69))
        y = 0.92
        for para in text.split("\n\n"):
            for line in textwrap.wrap(para, 80):
                fig.text(0.1, y, line, fontsize=11)
                y -= 0.025
            y -= 0.015
        fig.savefig(path)
        plt.close(fig)
    return path


def merged(parts: list[Path], path: Path) -> Path:
    out = pdfium.PdfDocument.new()
    for part in parts:
        out.import_pages(pdfium.PdfDocument(part))
    out.save(path)
    return path


def test_skew_is_measured_and_removed():
    page = layout(NOTICE)[0]
    for angle in (1.5, -2.0):
        turned = page.rotate(angle, Image.Resampling.BICUBIC, expand=True, fillcolor=255)
        assert skew_angle(turned) == pytest.approx(-angle, abs=0.15)
    assert abs(skew_angle(page)) < 0.1


def test_specks_and_empty_lines_are_dropped():
    head = "\t".join(
        [
            "level",
            "page_num",
            "block_num",
            "par_num",
            "line_num",
            "word_num",
            "left",
            "top",
            "width",
            "height",
            "conf",
            "text",
        ]
    )
    rows = [
        "5\t1\t1\t1\t1\t1\t300\t400\t100\t40\t96.5\tXã",
        "5\t1\t1\t1\t1\t2\t420\t400\t50\t40\t30.0\t_",  # dust
        "5\t1\t1\t1\t1\t3\t480\t400\t40\t40\t95.0\t-",  # a real dash, read with confidence
        "5\t1\t1\t1\t1\t4\t530\t400\t80\t40\t96.0\tTam",
        "5\t1\t2\t1\t1\t1\t300\t900\t30\t30\t20.0\t'",  # a line of dust only
    ]
    lines = lines_from_tsv("\n".join([head, *rows]), scale=72 / 300)
    assert [line.text for line in lines] == ["Xã - Tam"]
    assert lines[0].x0 == pytest.approx(72.0) and lines[0].x1 == pytest.approx(146.4)


def test_mixed_pdf_reads_the_text_layer_and_ocrs_only_the_scanned_page(tmp_path: Path):
    typed = typed_pdf(TYPED, tmp_path / "typed.pdf")
    scan = save_pdf(scanned(layout(NOTICE)), tmp_path / "scan.pdf")
    reader = ocr(tmp_path)
    loaded = load_document(merged([typed, scan], tmp_path / "mixed.pdf"), reader)
    assert reader.pages_read == 1  # page 1 has a text layer: never OCR'd
    assert "Xã Thái Bình đạt 12/19 tiêu chí" in loaded.text  # text layer
    assert "xã Bắc Xa đạt 15/19 tiêu chí" in loaded.text  # OCR
    second = loaded.page_starts[1]
    assert loaded.text.index("Thái Bình đạt") < second <= loaded.text.index("Bắc Xa đạt")


def test_image_files_are_read_by_ocr_and_cached(tmp_path: Path):
    page = scanned(layout(NOTICE))[0]
    png = tmp_path / "thong-bao.png"
    page.save(png)
    reader = ocr(tmp_path)
    assert "huyện Đình Lập có 7 xã đạt chuẩn nông thôn mới" in load_text(png, reader)
    (tmp_path / "copy.png").write_bytes(png.read_bytes())  # the same bytes: from the cache
    assert "Bắc Xa đạt 15/19" in load_text(tmp_path / "copy.png", reader)
    assert (reader.pages_read, reader.pages_cached) == (1, 1)


def test_ocr_off_and_page_limit_refuse_with_a_reason(tmp_path: Path):
    pages = layout(NOTICE + "\n\n" + "\n\n".join([NOTICE] * 4), size_pt=40)
    assert len(pages) >= 2
    tif = tmp_path / "hai-trang.tif"
    pages[0].save(tif, save_all=True, append_images=pages[1:])
    with pytest.raises(LoadError, match="CHIDAO_OCR=0"):
        load_text(tif, ocr(tmp_path, enabled=False))
    with pytest.raises(LoadError, match="CHIDAO_OCR_MAX_PAGES"):
        load_text(tif, ocr(tmp_path, max_pages=1))
    with pytest.raises(LoadError, match="CHIDAO_OCR_MAX_PAGES"):  # an upload is refused at once
        check_file(tif, OcrConfig(max_pages=1))
    pdf = save_pdf(pages[:1], tmp_path / "quet.pdf")
    with pytest.raises(LoadError, match="CHIDAO_OCR=0"):
        load_text(pdf, ocr(tmp_path, enabled=False))
    check_file(pdf, OcrConfig())  # accepted without being OCR'd


def test_bad_inputs_fail_alone_with_a_reason(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "rong.png").write_bytes(b"")
    good_scan = save_pdf(scanned(layout(NOTICE)), tmp_path / "scan.pdf").read_bytes()
    (docs / "hong.pdf").write_bytes(good_scan[: len(good_scan) // 3])  # a cut-off scan
    Image.new("L", (1654, 2339), 255).save(docs / "trang.jpg")  # a blank page: no text
    (docs / "anh-hong.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x13" * 500)
    locked = typed_pdf(TYPED, tmp_path / "typed.pdf")
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=locked)
    writer.encrypt("mat-khau")
    writer.write(docs / "mat-khau.pdf")
    (docs / "tot.txt").write_text(NOTICE, encoding="utf-8")

    report = Ingestor(make_settings(tmp_path / "data")).run([docs])
    assert report.added == 1
    reasons = {Path(path).name: error for path, error in report.failed}
    assert set(reasons) == {"rong.png", "hong.pdf", "trang.jpg", "anh-hong.jpg", "mat-khau.pdf"}
    assert "tệp rỗng" in reasons["rong.png"]
    assert "hỏng" in reasons["hong.pdf"]
    assert "không nhận dạng được chữ nào" in reasons["trang.jpg"]
    assert "ảnh hỏng" in reasons["anh-hong.jpg"]
    assert "mật khẩu" in reasons["mat-khau.pdf"]
