"""Text of docx, xlsx and pdf attachments, read within bounds, for the privacy check.

Spec: findings.md ``privacy_leak`` ("in 公示 lists and attachments", official-rules.md 4.1).
A document is only read when it is small (PatrolConfig.max_document_bytes); a zip whose
members would inflate past MAX_INFLATED is refused, so an attachment bomb costs nothing.
"""

from __future__ import annotations

import io
import zipfile
from urllib.parse import urlsplit

ATTACHMENT_EXT = frozenset(
    {
        "pdf",
        "doc",
        "docx",
        "xls",
        "xlsx",
        "et",
        "wps",
        "ppt",
        "pptx",
        "zip",
        "rar",
        "7z",
        "txt",
        "csv",
        "ofd",
        "tif",
        "tiff",
    }
)
IMAGE_EXT = frozenset({"jpg", "jpeg", "png", "gif", "bmp", "webp", "svg", "ico"})
READABLE = frozenset({"docx", "xlsx", "pdf"})
MAX_INFLATED = 50 * 1024 * 1024
MAX_CHARS = 2_000_000
MAX_PDF_PAGES = 100
MAX_ROWS = 50_000


def extension(url: str) -> str:
    path = urlsplit(url).path
    name = path.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def document_text(ext: str, data: bytes) -> str:
    """The text of a docx, xlsx or pdf; empty when it cannot be read safely."""
    try:
        if ext in ("docx", "xlsx") and not _zip_is_sane(data):
            return ""
        if ext == "docx":
            return _docx(data)[:MAX_CHARS]
        if ext == "xlsx":
            return _xlsx(data)[:MAX_CHARS]
        if ext == "pdf":
            return _pdf(data)[:MAX_CHARS]
    except Exception:
        return ""
    return ""


def _zip_is_sane(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        return len(infos) < 2000 and sum(i.file_size for i in infos) <= MAX_INFLATED


def _docx(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _xlsx(data: bytes) -> str:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    lines = []
    try:
        for sheet in book.worksheets:
            for n, row in enumerate(sheet.iter_rows(values_only=True)):
                if n >= MAX_ROWS:
                    break
                lines.append(" ".join("" if v is None else str(v) for v in row))
    finally:
        book.close()
    return "\n".join(lines)


def _pdf(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    out = []
    for page in reader.pages[:MAX_PDF_PAGES]:
        out.append(page.extract_text() or "")
    return "\n".join(out)
