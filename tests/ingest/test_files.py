"""find_files: the same files, order and ids as the Path.rglob scan it replaced."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ingest.files import SourceFile, doc_id_for, find_files, suffix_of
from ingest.loaders import SUPPORTED_SUFFIXES


def rglob_scan(paths: list[Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """The scan as it was before ingest/files.py (kept here as the reference)."""
    files: list[Path] = []
    errors: list[tuple[str, str]] = []
    for path in paths:
        if path.is_dir():
            files += sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            if path.suffix.lower() in SUPPORTED_SUFFIXES:
                files.append(path)
            else:
                errors.append(
                    (str(path), f"định dạng không hỗ trợ ({path.suffix or 'không có đuôi'})")
                )
        else:
            errors.append((str(path), "không tìm thấy tệp hoặc thư mục"))
    return list(dict.fromkeys(files)), errors


def old_doc_id(path: Path) -> str:
    return hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:16]


def tree(root: Path) -> Path:
    """Names whose string order differs from their parts' order, hidden and unsupported
    files, an upper-case suffix, a symlinked file and a symlinked folder."""
    docs = root / "docs"
    for name in (
        "a/b.txt",
        "a-c.txt",
        "a.txt",
        "B.TXT",
        "z/y/x.md",
        "z/notes.xyz",
        "z/.hidden.txt",
        ".cache/skip.txt",
        "z/.git/skip.txt",
        "odd.",
        "noext",
    ):
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(name, encoding="utf-8")
    outside = root / "outside"
    (outside / "deep").mkdir(parents=True)
    (outside / "target.txt").write_text("target", encoding="utf-8")
    (outside / "deep" / "inner.txt").write_text("inner", encoding="utf-8")
    os.symlink(outside / "target.txt", docs / "z" / "link.txt")
    os.symlink(outside / "deep", docs / "linked-folder")
    os.symlink(root / "missing.txt", docs / "broken.txt")
    return docs


def test_same_files_order_ids_and_errors_as_the_rglob_scan(tmp_path):
    docs = tree(tmp_path)
    paths = [
        docs,
        docs / "a.txt",  # given again: listed once
        docs / "z" / "notes.xyz",
        docs / "noext",
        tmp_path / "nothing-here",
        tmp_path / "outside" / "target.txt",
    ]
    old_files, old_errors = rglob_scan(paths)
    files, errors = find_files(paths)
    assert [f.path for f in files] == [str(p) for p in old_files]
    assert [f.doc_id for f in files] == [old_doc_id(p) for p in old_files]
    assert errors == old_errors
    names = [os.path.relpath(f.path, docs) for f in files]
    assert names.index("a/b.txt") < names.index("a-c.txt"), "by parts, not by string"


def test_a_symlinked_file_has_its_targets_id_and_a_relative_root_works(tmp_path, monkeypatch):
    docs = tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    files, _ = find_files([Path("docs")])
    link = next(f for f in files if f.path == os.path.join("docs", "z", "link.txt"))
    assert link.resolved == str(tmp_path.resolve() / "outside" / "target.txt")
    assert link.doc_id == doc_id_for(docs / "z" / "link.txt")
    assert all(Path(f.resolved).is_absolute() for f in files)
    assert not any("inner" in f.path for f in files), "symlinked folders are not entered"


def test_suffix_of_is_pathlibs():
    for name in ("a.txt", "a.tar.gz", ".txt", "a.", "noext", "a..md", "x.DOCX"):
        assert suffix_of(name) == Path(name).suffix


def test_source_file_id_is_the_resolved_paths():
    f = SourceFile("docs/a.txt", "/abs/docs/a.txt")
    assert f.doc_id == hashlib.sha1(b"/abs/docs/a.txt").hexdigest()[:16]
