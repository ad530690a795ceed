"""Bytes to text: encodings, binary files, empty files and the size limit."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from guide.article import MAX_ARTICLE_BYTES, read_article
from guide.article import decode
from guide.article.decode import decode_article, read_article_bytes
from guide.errors import ArticleError

ARTICLE = "Folic Acid\n\nTake it every day.\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def reason(excinfo) -> str:
    return excinfo.value.reason


def test_limit_is_five_mebibytes():
    assert MAX_ARTICLE_BYTES == 5 * 1024 * 1024


# ---------------------------------------------------------------- good encodings


def test_utf8(tmp_path):
    path = write(tmp_path, "a.txt", "Caf\u00e9 \u2014 it\u2019s fine.\n".encode())
    assert decode_article(path.read_bytes(), path) == "Caf\u00e9 \u2014 it\u2019s fine.\n"


def test_utf8_with_bom_is_read_and_the_bom_dropped(tmp_path):
    path = write(tmp_path, "a.txt", b"\xef\xbb\xbf" + ARTICLE.encode())
    article = read_article(path)
    assert article.title == "Folic Acid"


def test_windows_1252_curly_apostrophe_and_en_dash(tmp_path):
    data = b"Folic Acid\n\nIt\x92s best taken 1\x963 months before pregnancy.\n"
    path = write(tmp_path, "a.txt", data)
    article = read_article(path)
    assert article.sections[0].blocks[0].text == "It\u2019s best taken 1\u20133 months before pregnancy."


def test_windows_1252_western_european_text():
    data = "Caf\u00e9, na\u00efve, ni\u00f1o, Gr\u00f6\u00dfe \u2013 \u201cquoted\u201d".encode("cp1252")
    assert decode_article(data) == "Caf\u00e9, na\u00efve, ni\u00f1o, Gr\u00f6\u00dfe \u2013 \u201cquoted\u201d"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(codec):
    data = ARTICLE.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    assert decode_article(data) == ARTICLE


# ----------------------------------------------------------------- refused bytes


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG picture"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF file"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG picture"),
        (b"GIF89a\x01\x00", "a GIF picture"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "an old Word or Office document"),
        (b"{\\rtf1\\ansi Hello}", "a Rich Text (RTF) document"),
    ],
)
def test_binary_formats_are_named(tmp_path, data, kind):
    path = write(tmp_path, "renamed.txt", data)
    with pytest.raises(ArticleError) as excinfo:
        read_article(path)
    assert reason(excinfo) == f"looks like {kind}, not text; copy the article's text into a .txt file and try again."
    assert str(excinfo.value).startswith(str(path))


def test_word_docx_is_recognised(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    path = write(tmp_path, "article.txt", buffer.getvalue())
    with pytest.raises(ArticleError, match=r"looks like a Word document \(\.docx\), not text"):
        read_article(path)


def test_plain_zip_is_recognised():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "x")
    with pytest.raises(ArticleError, match="looks like a ZIP archive"):
        decode_article(buffer.getvalue())


def test_nul_bytes_are_binary():
    with pytest.raises(ArticleError, match="looks like a binary file, not text"):
        decode_article(b"Title\n\nSome\x00\x01\x02 text\x00 here")


def test_utf16_without_bom_is_not_text():
    with pytest.raises(ArticleError) as excinfo:
        decode_article(ARTICLE.encode("utf-16-le"))
    assert reason(excinfo) == decode.NOT_TEXT


@pytest.mark.parametrize(
    "data",
    [
        "Za\u017c\u00f3\u0142\u0107 g\u0119\u015bl\u0105 ja\u017a\u0144".encode("iso-8859-2"),
        "W ci\u0105\u017cy nale\u017cy je\u015b\u0107 \u017celazo.".encode("iso-8859-2"),
        b"Undefined in cp1252: \x81 and \x9d",
        b"Control in non-UTF-8: \x01 caf\xe9",
        "P\u0159\u00edli\u0161 \u017elu\u0165ou\u010dk\u00fd k\u016f\u0148".encode("iso-8859-2"),
    ],
)
def test_bytes_that_are_neither_utf8_nor_windows_1252_fail_clearly(data):
    with pytest.raises(ArticleError) as excinfo:
        decode_article(data, "polish.txt")
    assert reason(excinfo) == (
        "is not a text file in UTF-8 or Windows-1252. Save it as UTF-8 text and try again."
    )


def test_broken_utf8_after_a_bom_fails():
    with pytest.raises(ArticleError, match="not a text file in UTF-8"):
        decode_article(b"\xef\xbb\xbfok \xff\xfe broken")


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf", b"\xef\xbb\xbf  \n"])
def test_empty_and_whitespace_only_files(tmp_path, data):
    path = write(tmp_path, "empty.txt", data)
    with pytest.raises(ArticleError, match="is empty"):
        read_article(path)


def test_only_invisible_characters_is_empty(tmp_path):
    path = write(tmp_path, "zw.txt", "\u200b\u200b\n\ufeff".encode())
    with pytest.raises(ArticleError, match="is empty"):
        read_article(path)


# ------------------------------------------------------------------- size limit


def test_over_the_limit_fails(tmp_path, monkeypatch):
    monkeypatch.setattr(decode, "MAX_ARTICLE_BYTES", 100)
    path = write(tmp_path, "big.txt", b"a" * 101)
    with pytest.raises(ArticleError) as excinfo:
        read_article(path)
    assert reason(excinfo) == (
        "is larger than 100 bytes, too big to be an article. Split it into smaller files and try again."
    )
    write(tmp_path, "ok.txt", b"T\n\n" + b"a" * 97)
    assert read_article(tmp_path / "ok.txt").title == "T"


def test_the_real_limit_is_worded_in_megabytes(tmp_path):
    path = write(tmp_path, "big.txt", b"a" * (MAX_ARTICLE_BYTES + 1))
    with pytest.raises(ArticleError, match="is larger than 5 MB"):
        read_article(path)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_an_endless_device_is_refused_before_anything_is_read(monkeypatch):
    monkeypatch.setattr(os, "read", lambda *a: pytest.fail("a device was read"))
    with pytest.raises(ArticleError) as caught:
        read_article_bytes(Path("/dev/zero"))
    assert str(caught.value) == "/dev/zero: is a device, not a file; only ordinary files are read."


# ------------------------------------------------------------- file problems


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ArticleError, match="was not found"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="is a folder"):
        read_article(tmp_path)


def test_every_message_is_one_line(tmp_path):
    cases = [b"", b"%PDF-1.4", b"\x81\x8d", b"a\x00b"]
    for data in cases:
        with pytest.raises(ArticleError) as excinfo:
            decode_article(data, tmp_path / "x.txt")
        assert "\n" not in str(excinfo.value)
