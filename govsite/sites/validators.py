"""Validators for the registry's identifiers (official-rules.md §2.3)."""

import re

from govsite.core.errors import GovsiteValidationError

SITE_CODE_RE = re.compile(r"^(?:\d{10}|bm\d{8})$")
ICP_RE = re.compile(r"^[\u4e00-\u9fa5]ICP备\d{6,12}号(?:-\d{1,3})?$")
POLICE_RE = re.compile(r"^[\u4e00-\u9fa5]公网安备\d{14}号$")
DOMAIN_RE = re.compile(
    r"^(?=.{1,253}$)(?:[a-z0-9\u4e00-\u9fa5](?:[a-z0-9\u4e00-\u9fa5-]{0,61}[a-z0-9\u4e00-\u9fa5])?\.)*"
    r"[a-z0-9\u4e00-\u9fa5](?:[a-z0-9\u4e00-\u9fa5-]{0,61}[a-z0-9\u4e00-\u9fa5])?(?::\d{1,5})?$"
)


def normalize_domain(value: str) -> str:
    value = (value or "").strip().lower()
    value = re.sub(r"^https?://", "", value).rstrip("/")
    if not value or not DOMAIN_RE.match(value):
        raise GovsiteValidationError(
            f"域名“{value}”格式不正确", f"Malformed domain {value!r}", field="domain"
        )
    return value


def validate_site_code(code: str, known_division_codes=None) -> str:
    """网站标识码: a 6-digit division code + 4 digits, or ``bm`` + 8 digits.

    ``known_division_codes`` (a container of 6-digit codes) is checked when given.
    """
    code = (code or "").strip()
    if not SITE_CODE_RE.match(code):
        raise GovsiteValidationError(
            f"网站标识码“{code}”格式不正确：应为6位行政区划代码加4位数字，或“bm”加8位数字",
            f"Malformed site code {code!r}: expected a 6-digit division code and 4 digits, "
            "or 'bm' and 8 digits",
            field="site_code",
        )
    if (
        code[0].isdigit()
        and known_division_codes is not None
        and code[:6] not in known_division_codes
    ):
        raise GovsiteValidationError(
            f"网站标识码“{code}”的前6位不是有效的行政区划代码",
            f"Site code {code!r} does not start with a known division code",
            field="site_code",
        )
    return code


def validate_icp(value: str) -> str:
    value = (value or "").strip()
    if value and not ICP_RE.match(value):
        raise GovsiteValidationError(
            f"ICP备案号“{value}”格式不正确（例：浙ICP备05070218号）",
            f"Malformed ICP number {value!r} (e.g. 浙ICP备05070218号)",
            field="icp_number",
        )
    return value


def validate_police_record(value: str) -> str:
    value = (value or "").strip()
    if value and not POLICE_RE.match(value):
        raise GovsiteValidationError(
            f"公安机关备案号“{value}”格式不正确（例：浙公网安备33010602000001号）",
            f"Malformed police record number {value!r} (e.g. 浙公网安备33010602000001号)",
            field="police_record_number",
        )
    return value
