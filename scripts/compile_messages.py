"""Compile every .po catalogue under govsite/ to .mo with Babel (no GNU gettext needed)."""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1] / "govsite"

for po_path in ROOT.rglob("locale/*/LC_MESSAGES/*.po"):
    mo_path = po_path.with_suffix(".mo")
    if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
        continue
    with po_path.open("rb") as f:
        catalog = read_po(f)
    with mo_path.open("wb") as f:
        write_mo(f, catalog)
