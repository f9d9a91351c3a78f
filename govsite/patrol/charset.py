"""Decode a page: BOM, valid UTF-8, then <meta> charset, then the HTTP header, then detection.

GB2312 and GBK labels are read as GB18030, their superset, because pages labelled GB2312 often
carry GBK characters.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "iso-8859-1": "cp1252",
    "ascii": "utf-8",
    "us-ascii": "utf-8",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    label = _SUPERSETS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def meta_charset(body: bytes) -> str | None:
    match = _META.search(body[:4096])
    return match.group(1).decode("ascii", "ignore") if match else None


def decode(body: bytes, header_charset: str | None = None) -> tuple[str, str]:
    """(text, codec used)."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body.decode(name, "replace"), name
    try:  # bytes that are valid UTF-8 beyond ASCII are UTF-8, whatever a label claims
        text = body.decode("utf-8")
        if not text.isascii():
            return text, "utf-8"
    except UnicodeDecodeError:
        pass
    tried = set()
    for label in (meta_charset(body), header_charset):
        name = _codec(label)
        if name and name not in tried:
            tried.add(name)
            text = _tolerant(body, name)
            if text is not None:
                return text, name
    if "utf-8" not in tried:
        text = _tolerant(body, "utf-8")
        if text is not None:
            return text, "utf-8"
    best = from_bytes(body[:200_000]).best()
    name = _codec(best.encoding) if best else None
    name = name or "utf-8"
    return body.decode(name, "replace"), name


def _tolerant(body: bytes, name: str) -> str | None:
    """The text when ``name`` fits apart from a few bad bytes (a page cut at its size limit)."""
    try:
        return body.decode(name)
    except UnicodeDecodeError:
        text = body.decode(name, "replace")
    return text if text.count("\ufffd") <= max(2, len(text) // 2000) else None
