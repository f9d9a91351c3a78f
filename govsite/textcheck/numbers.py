"""Shared helpers of the number detectors: boundaries and the label words around a number.

Used by the privacy checks (findings.md ``privacy_leak``) to keep its decoys out: a digit run
inside a longer number, a serial after 编号, a document or filing number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORDISH = re.compile(r"[0-9A-Za-z_]")
_SEPARATORS = " -"
_GROUP = 4

# Labels that say the number next to them is not personal data.
NOT_PERSONAL = (
    "编号", "序号", "文号", "代码", "流水", "订单", "单号", "批号", "标识码", "备案",
    "登记号", "档案号", "证书号", "许可证号", "工号", "学号", "准考证号", "邮编", "批次",
    "发票", "合同号", "项目号",
)  # fmt: skip


def isolated(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a whole number, not a slice of a longer code.

    The neighbours must not be digits, ASCII letters or ``_`` (codes, URLs), nor a decimal
    point, nor one separator followed by a short digit group (``6222 1381 2345 678`` is one
    card number, not a mobile number).
    """
    if start > 0:
        before = text[start - 1]
        if _WORDISH.match(before) or (before == "." and start > 1 and text[start - 2].isdigit()):
            return False
        if before in _SEPARATORS and 0 < _digit_run_left(text, start - 1) <= _GROUP:
            return False
    if end < len(text):
        after = text[end]
        if _WORDISH.match(after) or (after == "." and text[end + 1 : end + 2].isdigit()):
            return False
        if after in _SEPARATORS and 0 < _digit_run_right(text, end + 1) <= _GROUP:
            return False
    return True


def _digit_run_left(text: str, stop: int) -> int:
    i = stop
    while i > 0 and text[i - 1].isdigit():
        i -= 1
    return stop - i


def _digit_run_right(text: str, start: int) -> int:
    i = start
    while i < len(text) and text[i].isdigit():
        i += 1
    return i - start


def label_distance(text: str, start: int, labels: Iterable[str], window: int) -> int | None:
    """How far before ``start`` the nearest of ``labels`` ends, within ``window`` characters."""
    lo = max(start - window, 0)
    head = text[lo:start]
    best = None
    for label in labels:
        at = head.rfind(label)
        if at >= 0:
            distance = len(head) - (at + len(label))
            best = distance if best is None else min(best, distance)
    return best


def label_after(text: str, end: int, labels: Iterable[str], window: int) -> bool:
    tail = text[end : end + window]
    return any(label in tail for label in labels)


def labelled_not_personal(text: str, start: int, personal: Iterable[str], window: int = 12) -> bool:
    """True when a "not personal" label (编号, 代码, ...) is nearer than any personal label."""
    negative = label_distance(text, start, NOT_PERSONAL, window)
    if negative is None:
        return False
    positive = label_distance(text, start, personal, window)
    return positive is None or negative < positive


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９Ｘｘ", "0123456789Xx")
_HAS_FULLWIDTH = re.compile("[０-９]")


def ascii_digits(text: str) -> str:
    """``text`` with full-width digits made ASCII; same length, so offsets still hold."""
    return text.translate(_FULLWIDTH_DIGITS) if _HAS_FULLWIDTH.search(text) else text
