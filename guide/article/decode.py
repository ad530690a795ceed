"""Reading an article file's bytes and turning them into text.

The rules, in order:

1. Only an ordinary file is read (never a folder, a named pipe, which would
   wait for ever, or a device such as ``/dev/zero``, which never ends), and at
   most :data:`MAX_ARTICLE_BYTES` + 1 bytes of it, so a huge file never fills
   memory; a file over the limit is refused (see :mod:`guide.safe_read`).
2. A file that is empty or only whitespace is refused.
3. A file that starts like a known binary format (PDF, PNG, JPEG, GIF, ZIP —
   including Word ``.docx`` and OpenDocument —, old Word ``.doc``, RTF, gzip,
   audio, executables) is refused with a sentence naming the format.
4. A byte-order mark decides: UTF-8 with BOM, UTF-16 (LE/BE) and UTF-32 are
   decoded strictly.
5. A file with NUL bytes (and no UTF-16/32 BOM) is binary and refused.
6. Valid UTF-8 is UTF-8. (ASCII is valid UTF-8.)
7. Otherwise the bytes are read as Windows-1252 only when they look like
   Western text in it: no byte undefined in Windows-1252 (0x81, 0x8D, 0x8F,
   0x90, 0x9D), no C0 control other than tab, line feed, carriage return,
   vertical tab, form feed and a final Ctrl-Z, and no symbol from 0xA1–0xBF
   (``³ ¹ ¿ ¶ ± ¼`` ...) between two letters — which is what Latin-2 (Polish,
   Czech ...) and similar code pages look like when read as Windows-1252.
   Anything else is refused as "not UTF-8 or Windows-1252".

Every refusal is an :class:`~guide.errors.ArticleError` whose reason says what
is wrong and what to do.
"""

from __future__ import annotations

import codecs
import io
from pathlib import Path

from guide.errors import ArticleError
from guide.safe_read import read_bytes

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
"""Largest article file read, in bytes (5 MiB).

A long patient-education article is 10–50 KB of text, or a few hundred KB of
HTML; 5 MiB leaves room for a saved web page with inline styles and scripts
while refusing logs, databases and videos that were picked by mistake.
"""

NOT_TEXT = "is not a text file in UTF-8 or Windows-1252. Save it as UTF-8 text and try again."
EMPTY = "is empty. Put the article's text in it and try again."
_COPY_TEXT = "copy the article's text into a .txt file and try again."

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG picture"),
    (b"\xff\xd8\xff", "a JPEG picture"),
    (b"GIF87a", "a GIF picture"),
    (b"GIF89a", "a GIF picture"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word or Office document"),
    (b"{\\rtf", "a Rich Text (RTF) document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"ID3", "an MP3 sound file"),
    (b"OggS", "an Ogg sound file"),
    (b"fLaC", "a FLAC sound file"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
_ALLOWED_C0 = frozenset(b"\t\n\r\x0b\x0c")
_SUSPICIOUS = frozenset(bytes(range(0xA1, 0xC0)).decode("cp1252")) - set("ª´µ·º")


def read_article_bytes(path: Path) -> bytes:
    """Read at most ``MAX_ARTICLE_BYTES`` bytes of ``path``; refuse bigger files, and anything
    that is not an ordinary file (a folder, a named pipe, a device such as ``/dev/zero``)."""
    return read_bytes(path, MAX_ARTICLE_BYTES, ArticleError, what="an article")


def _zip_kind(data: bytes) -> str:
    """Name the kind of ZIP file: Word, OpenDocument, EPUB or plain archive."""
    import zipfile  # only for a file that starts like one

    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return "a ZIP archive"
    if any(name.startswith("word/") for name in names):
        return "a Word document (.docx)"
    if "content.xml" in names:
        return "an OpenDocument file"
    if "META-INF/container.xml" in names:
        return "an EPUB e-book"
    return "a ZIP archive"


def binary_kind(data: bytes) -> str | None:
    """The kind of binary file ``data`` starts like, or ``None`` for possible text."""
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    if data.startswith(b"RIFF") and data[8:12] in (b"WAVE", b"WEBP", b"AVI "):
        return {b"WAVE": "a WAV sound file", b"WEBP": "a WebP picture"}.get(
            data[8:12], "an AVI video"
        )
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def _decode_with_bom(data: bytes, path: Path) -> str | None:
    """Decode by byte-order mark, or ``None`` when there is none."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise ArticleError(path, NOT_TEXT) from None
    return None


def _looks_like_utf16(data: bytes) -> bool:
    """Whether NUL bytes fill every other byte, as in UTF-16 text without a BOM."""
    sample = data[:4096]
    halves = (sample[0::2], sample[1::2])
    return any(len(h) > 1 and h.count(0) >= 0.9 * len(h) for h in halves)


def looks_like_cp1252(data: bytes) -> bool:
    """Whether non-UTF-8 bytes read as Western text in Windows-1252."""
    body = data[:-1] if data.endswith(b"\x1a") else data
    for byte in set(body):
        if byte in _CP1252_UNDEFINED or (byte < 0x20 and byte not in _ALLOWED_C0):
            return False
    text = body.decode("cp1252")
    for index in range(1, len(text) - 1):
        if text[index] in _SUSPICIOUS and text[index - 1].isalpha() and text[index + 1].isalpha():
            return False
    return True


def decode_article(data: bytes, path: Path | str = "<text>") -> str:
    """Turn an article file's bytes into text, or raise a one-line ArticleError."""
    path = Path(path)
    if not data.strip():
        raise ArticleError(path, EMPTY)
    kind = binary_kind(data)
    if kind:
        raise ArticleError(path, f"looks like {kind}, not text; {_COPY_TEXT}")
    text = _decode_with_bom(data, path)
    if text is None:
        if b"\x00" in data:
            if _looks_like_utf16(data):
                raise ArticleError(path, NOT_TEXT)
            raise ArticleError(path, f"looks like a binary file, not text; {_COPY_TEXT}")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            if not looks_like_cp1252(data):
                raise ArticleError(path, NOT_TEXT) from None
            text = data.decode("cp1252")
    if not text.strip():
        raise ArticleError(path, EMPTY)
    return text
