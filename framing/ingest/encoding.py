"""Turning received bytes into text: refuse binary files, fall back to common legacy encodings.

The rule: UTF-8 first (with or without a byte-order mark; UTF-16 only with one), then a declared
encoding (an HTTP header or an HTML ``<meta charset>``), then Windows-1252 (the usual "ANSI" of Western Windows, a superset of ISO-8859-1's printable
range), then ISO-8859-1. ISO-8859-1 decodes every byte, so its result is refused when it contains
control characters: those are C1 bytes Windows-1252 leaves undefined, which a real Western text
never holds. The encoding used is reported so a user can override it (``--encoding``).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import InputError

__all__ = ["Decoded", "decode_text", "looks_binary", "FALLBACK_ENCODINGS"]

FALLBACK_ENCODINGS = ("utf-8", "cp1252", "latin-1")

# Control characters other than tab, newline, carriage return and form feed: never in real text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_BINARY_MAGIC = (
    b"%PDF",
    b"PK\x03\x04",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"Rar!",
    b"7z\xbc\xaf",
    b"OggS",
    b"ID3",
    b"\x7fELF",
    b"MZ",
    b"\xd0\xcf\x11\xe0",
)  # PDF, zip/docx, PNG, GIF, JPEG, gzip, bz2, xz, rar, 7z, …


@dataclass(frozen=True)
class Decoded:
    """Text and the encoding it was decoded from (``utf-8``, ``cp1252`` …)."""

    text: str
    encoding: str

    @property
    def legacy(self) -> bool:
        """True when the input was not UTF-8 (worth telling the user)."""
        return self.encoding not in ("utf-8", "utf-8-sig", "ascii")


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding this tool reads.

    >>> looks_binary(b"%PDF-1.7 ..."), looks_binary("Plain text.\\n".encode())
    (True, False)
    >>> looks_binary("Caf\\xe9".encode("cp1252")), looks_binary(b"a\\x00b\\x00")
    (False, True)
    """
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if head.startswith(_BINARY_MAGIC):
        return True
    if b"\x00" in head:
        return True
    # many control bytes (other than whitespace) mean a binary format without a known signature
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.05


def _normalise_name(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("'\"")).name
    except LookupError:
        return None


def decode_text(
    data: bytes, *, declared: str | None = None, source: str = "input", forced: str | None = None
) -> Decoded:
    """Decode ``data``; raise :class:`InputError` for binary data or undecodable text.

    >>> decode_text("naïve café".encode("utf-8")).encoding
    'utf-8'
    >>> d = decode_text("naïve café – “quoted”".encode("cp1252")); d.text, d.encoding
    ('naïve café – “quoted”', 'cp1252')
    >>> decode_text(b"caf\\xe9 \\x81", source="x.txt")
    Traceback (most recent call last):
    ...
    framing.errors.InputError: x.txt: is not text in UTF-8, Windows-1252 or ISO-8859-1 (control characters after decoding) — re-save it as UTF-8 or name its encoding with --encoding
    """
    if looks_binary(data):
        raise InputError(
            source, "is a binary file, not text", hint="give an .html page or a .txt/.md article"
        )
    if forced:
        name = _normalise_name(forced)
        if name is None:
            raise InputError(source, f"unknown encoding {forced!r}", hint="e.g. --encoding cp1252")
        try:
            return Decoded(_strip_bom(data.decode(name)), name)
        except UnicodeDecodeError as exc:
            raise InputError(
                source, f"is not valid {name} (byte {exc.start})", hint="check the --encoding given"
            ) from None
    declared_name = _normalise_name(declared)
    if declared_name in ("latin-1", "iso8859-1"):
        declared_name = "cp1252"  # what servers mean by ISO-8859-1, as browsers assume too
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        # Valid UTF-8 with non-ASCII bytes is practically never legacy text by accident, so UTF-8
        # goes first even when a page declares otherwise (a wrong declaration is common).
        candidates = ["utf-8"]
        if declared_name and not declared_name.startswith(("utf-16", "utf-32")):
            candidates.append(declared_name)
        candidates += [c for c in FALLBACK_ENCODINGS if c not in candidates]
    for name in candidates:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        text = _strip_bom(text)
        trusted = name in ("utf-8", "utf-16", declared_name)
        if not trusted and _CONTROL.search(text):
            continue  # a wrong guess: a legacy decoding that yields control characters
        return Decoded(text, name)
    raise InputError(
        source,
        "is not text in UTF-8, Windows-1252 or ISO-8859-1 (control characters after decoding)",
        hint="re-save it as UTF-8 or name its encoding with --encoding",
    )


def _strip_bom(text: str) -> str:
    return text.removeprefix("\ufeff")
