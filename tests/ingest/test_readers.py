"""Tests for read_file / read_bytes: dispatch, limits and errors that name the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from daphuong.errors import IngestError
from daphuong.ingest.legacy import unicode_to_vni
from daphuong.ingest.readers import SUPPORTED_SUFFIXES, read_bytes, read_file

from .conftest import VIETNAMESE_PARAGRAPH, make_docx, make_pdf, sample_paths


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_every_sample_reads(path: Path) -> None:
    doc = read_file(path)
    assert doc.source == str(path)
    assert len(doc.original_text) > 1000
    assert doc.title


def test_txt_gets_media_type_encoding_and_title(tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.txt"
    path.write_bytes(unicode_to_vni(VIETNAMESE_PARAGRAPH))
    doc = read_file(path)
    assert doc.original_text == VIETNAMESE_PARAGRAPH
    assert (doc.media_type, doc.encoding) == ("text/plain", "vni")
    assert doc.title == "HỘI NGHỊ ĐỐI NGOẠI TOÀN QUỐC"


def test_markdown_is_text(tmp_path: Path) -> None:
    path = tmp_path / "ghi-chu.MD"
    path.write_text("# Ghi chú\n\nNội dung cuộc họp.\n", encoding="utf-8")
    assert read_file(path).media_type == "text/markdown"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\n", "only whitespace"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "NUL bytes"),
        ("notes.odt", b"whatever", "unsupported file type '.odt'"),
        ("broken.html", b"<html><body><script>var a;</script></body></html>", "no main text"),
    ],
)
def test_bad_files_raise_with_the_path(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = _write(tmp_path, name, data)
    with pytest.raises(IngestError) as info:
        read_file(path)
    assert str(info.value).startswith(f"{path}: ")
    assert reason in info.value.reason


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="file not found"):
        read_file(tmp_path / "none.txt")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(IngestError, match="folder"):
        read_file(folder)


def test_file_over_the_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", b"a" * 2000)
    with pytest.raises(IngestError, match="file is 2000 bytes, over the limit of 1000"):
        read_file(path, max_bytes=1000)
    with pytest.raises(IngestError, match="over the limit"):
        read_bytes(b"a" * 2000, "-", None, max_bytes=1000)


def test_supported_suffixes() -> None:
    assert {".txt", ".md", ".html", ".htm", ".docx", ".pdf"} == SUPPORTED_SUFFIXES


@pytest.mark.parametrize(
    ("data", "hint", "media_type"),
    [
        (VIETNAMESE_PARAGRAPH.encode(), None, "text/plain"),
        (VIETNAMESE_PARAGRAPH.encode(), "text/markdown; charset=utf-8", "text/markdown"),
        (f"<html><body><p>{VIETNAMESE_PARAGRAPH}</p></body></html>".encode(), None, "text/html"),
        (
            make_docx([VIETNAMESE_PARAGRAPH]),
            None,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            make_docx([VIETNAMESE_PARAGRAPH]),
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
    ],
    ids=["text", "hint-markdown", "sniff-html", "sniff-docx", "hint-suffix"],
)
def test_read_bytes_picks_the_reader(data: bytes, hint: str | None, media_type: str) -> None:
    doc = read_bytes(data, "-", hint)
    assert doc.media_type == media_type
    assert "Ban Đối ngoại Trung ương" in doc.original_text


@pytest.mark.usefixtures("font_available")
def test_read_bytes_sniffs_pdf() -> None:
    doc = read_bytes(make_pdf(["Báo cáo công tác đối ngoại"]), "upload", None)
    assert doc.media_type == "application/pdf"


def test_read_bytes_rejects_unknown_media_type() -> None:
    with pytest.raises(IngestError, match=r"^upload: unsupported media type"):
        read_bytes(b"x", "upload", "image/png")
