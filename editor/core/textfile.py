"""Reading text files whatever their encoding, and saying which encoding was used.

UTF-8 (with or without BOM) and UTF-16 with a BOM are taken as they are; anything else is given to
charset-normalizer. Line endings become ``\\n``. Binary files are refused, never half-read.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from editor.core.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
MAX_TEXT_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    path: str

    @property
    def is_utf8(self) -> bool:
        return self.encoding in ("utf-8", "utf-8-sig", "ascii")


def read_text(path: str | Path) -> DecodedText:
    """Read and decode a text file, raising ``InputError`` naming the file on any problem."""
    path = Path(path)
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a folder, not a file")
    try:
        if path.stat().st_size > MAX_TEXT_BYTES:
            raise InputError(path, "is too large to be a transcript (over 256 MiB)")
        data = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror})") from error
    return decode(data, str(path))


def decode(data: bytes, path: str) -> DecodedText:
    if not data.strip():
        raise InputError(path, "the file is empty")
    text, encoding = _decode(data, path)
    if "\x00" in text and _webvtt(text):
        text = text.replace("\x00", "\ufffd")  # the WebVTT parser's first step
    if "\x00" in text:
        raise InputError(path, "is a binary file, not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(path, "the file is empty")
    return DecodedText(text, encoding, path)


def _decode(data: bytes, path: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise InputError(path, f"is not valid {encoding} despite its BOM") from error
    if b"\x00" in data:
        if _webvtt(data.decode("utf-8", "replace")):
            return data.decode("utf-8", "replace"), "utf-8"  # WebVTT is UTF-8 by definition
        return _decode_utf16_without_bom(data, path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(data))
    if not matches:
        raise InputError(path, "is not text in any encoding that could be recognised")
    best = matches[0]
    # Short texts often fit several code pages equally well; Windows-1252 is by far the most
    # common non-UTF-8 encoding of transcripts, so it wins a tie.
    tied = [m for m in matches if m.chaos <= best.chaos and m.coherence >= best.coherence]
    preferred = next((m for m in tied if m.encoding == "cp1252"), best)
    return str(preferred), preferred.encoding


def _webvtt(text: str) -> bool:
    """WebVTT's signature: its parser turns NUL into U+FFFD instead of refusing the file."""
    return text.removeprefix("\ufeff").startswith("WEBVTT")


def _decode_utf16_without_bom(data: bytes, path: str) -> tuple[str, str]:
    """Text with NUL bytes is UTF-16 when the NULs sit in every other byte; else it is binary."""
    half = len(data) // 2
    for encoding, zeros in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if half and zeros.count(0) >= 0.4 * half:
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    raise InputError(path, "is a binary file, not text")
