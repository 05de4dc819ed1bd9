"""Old Word files (.doc) through Debian's antiword. No program here writes a .doc, so the test
writes a minimal Word 97 file itself (tests/ingest/word97.py) and antiword reads it back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core.errors import LoadError
from ingest.loaders import load_text
from ingest.pipeline import Ingestor
from tests.conftest import make_settings
from tests.ingest.word97 import word97

NOTICE = """UỶ BAN NHÂN DÂN HUYỆN ĐÌNH LẬP
THÔNG BÁO
Kết luận của Chủ tịch UBND huyện tại buổi làm việc với xã Thái Bình về xây dựng nông thôn mới
Ngày 12/5/2025, Chủ tịch UBND huyện đã làm việc với xã Thái Bình. Xã Thái Bình đạt 12/19 tiêu \
chí nông thôn mới, trong đó tiêu chí thu nhập bình quân đầu người đạt 42 triệu đồng.
Nơi nhận:
- Như trên;
- Lưu: VT."""

needs_antiword = pytest.mark.skipif(
    shutil.which("antiword") is None, reason="Debian antiword not installed (make install does)"
)


@needs_antiword
def test_a_word97_file_is_read_paragraph_by_paragraph(tmp_path: Path):
    path = tmp_path / "thong-bao.doc"
    path.write_bytes(word97(NOTICE))
    text = load_text(path)
    paragraphs = text.split("\n\n")
    assert "THÔNG BÁO" in paragraphs
    assert any(p.startswith("Ngày 12/5/2025") and "đạt 12/19 tiêu chí" in p for p in paragraphs)


@needs_antiword
def test_a_doc_is_ingested_and_answers(tmp_path: Path):
    from answering.service import AnswerService

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "thai-binh.doc").write_bytes(word97(NOTICE))
    (docs / "khong-phai-word.doc").write_bytes(b"{\\rtf1\\ansi Th\\'f4ng b\\'e1o}")
    settings = make_settings(tmp_path / "data")
    report = Ingestor(settings).run([docs])
    assert report.added == 1
    assert "RTF" in report.failed[0][1] and ".docx" in report.failed[0][1]
    answer = AnswerService.from_settings(settings).ask("Xã Thái Bình đạt bao nhiêu tiêu chí?")
    assert answer.found and "12/19" in answer.answer
    assert answer.citations[0].source == "thai-binh.doc" and answer.citations[0].page is None


def test_without_antiword_the_file_fails_alone_naming_the_package(tmp_path, monkeypatch):
    path = tmp_path / "thong-bao.doc"
    path.write_bytes(word97(NOTICE))
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))  # no antiword on the PATH
    with pytest.raises(LoadError, match="cài gói Debian antiword"):
        load_text(path)


def test_a_docx_saved_as_doc_is_read_as_docx(tmp_path: Path):
    import docx

    document = docx.Document()
    document.add_paragraph("Xã Thái Bình đạt 12/19 tiêu chí nông thôn mới.")
    document.save(tmp_path / "luu-nham.doc")
    assert "12/19 tiêu chí" in load_text(tmp_path / "luu-nham.doc")
