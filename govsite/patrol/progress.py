"""A one-line progress bar on a terminal (stderr): pages done, queued, findings."""

from __future__ import annotations

import time
from typing import TextIO


class Bar:
    def __init__(self, stream: TextIO, width: int = 30):
        self.stream, self.width = stream, width
        self.began = time.monotonic()
        self.shown = False

    def update(self, pages: int, queued: int, findings: int) -> None:
        total = pages + queued
        filled = int(self.width * pages / total) if total else 0
        rate = pages / max(time.monotonic() - self.began, 1e-6)
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(
            f"\r[{bar}] {pages} pages, {queued} queued, {findings} findings, {rate:.0f} p/s "
        )
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
