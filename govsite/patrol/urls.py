"""URL normalisation, de-duplication keys and URL families for trap detection.

Spec: security.md J item 78 (normalise, strip tracking and session parameters).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

SESSION_PARAMS = frozenset(
    {
        "jsessionid",
        "phpsessid",
        "sessionid",
        "session_id",
        "sessid",
        "sid",
        "aspsessionid",
        "cfid",
        "cftoken",
        "token",
        "_t",
        "timestamp",
    }
)
TRACKING_PREFIXES = ("utm_", "spm", "from_", "share_")
DEFAULT_PORTS = {"http": 80, "https": 443}
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
_QUERY_SAFE = "/%:@!$'()*+,;=-._~?"
_DIGITS = re.compile(r"\d+")
_TOKEN = re.compile(r"^(?=.*\d)(?=.*[a-zA-Z])[0-9a-zA-Z_-]{16,}$|^[0-9a-fA-F-]{20,}$|^\d{13,}$")
_PATH_SESSION = re.compile(r";(jsessionid|sid|phpsessid)=([^/?#]*)", re.IGNORECASE)


class BadURL(ValueError):
    pass


def split_host(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port or DEFAULT_PORTS.get(scheme, 0)
    except ValueError as exc:
        raise BadURL(f"bad port in {url!r}") from exc
    return scheme, (parts.hostname or "").lower(), port


def origin(url: str) -> str:
    scheme, host, port = split_host(url)
    return f"{scheme}://{_netloc(scheme, host, port)}"


def _netloc(scheme: str, host: str, port: int) -> str:
    if ":" in host:
        host = f"[{host}]"
    return host if DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"


def _idna(host: str) -> str:
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise BadURL(f"bad host {host!r}") from exc


def normalise(url: str, base: str | None = None) -> tuple[str, list[tuple[str, str]]]:
    """Absolute, canonical form of a link, and the session parameters stripped from it."""
    url = url.strip().replace("\\", "/")
    if base is not None:
        url = urljoin(base, url)
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise BadURL(f"unsupported scheme {scheme!r}")
    if parts.username or parts.password:
        raise BadURL("user information in URL")
    _scheme, host, port = split_host(url)
    if not host:
        raise BadURL("no host")
    host = _idna(host) if not host.isascii() else host
    stripped: list[tuple[str, str]] = []
    path = _PATH_SESSION.sub(
        lambda m: stripped.append((m.group(1).lower(), m.group(2))) or "", parts.path
    )
    path = quote(unquote(_dot_segments(path or "/")), safe=_PATH_SAFE)
    query = []
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        low = key.lower()
        if low in SESSION_PARAMS:
            stripped.append((low, value))
        elif not low.startswith(TRACKING_PREFIXES):
            query.append((key, value))
    query.sort()
    qs = urlencode(query, safe=_QUERY_SAFE) if query else ""
    return urlunsplit((scheme, _netloc(scheme, host, port), path, qs, "")), stripped


def _dot_segments(path: str) -> str:
    out: list[str] = []
    segments = path.split("/")
    for seg in segments:
        if seg == "..":
            if len(out) > 1:
                out.pop()
        elif seg != ".":
            out.append(seg)
    if segments[-1] in (".", ".."):
        out.append("")
    joined = "/".join(out)
    return joined if joined.startswith("/") else "/" + joined


def family(url: str) -> str:
    """The URL with numbers and token-like values replaced: one key per endless family."""
    parts = urlsplit(url)
    path = _DIGITS.sub("{n}", parts.path)
    query = []
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        value = "*" if _TOKEN.match(value) else _DIGITS.sub("{n}", value)
        query.append(f"{key}={value}")
    qs = "&".join(query)
    return f"{parts.scheme}://{parts.netloc}{path}" + (f"?{qs}" if qs else "")


def token_family(url: str) -> tuple[str, str] | None:
    """(URL with token-like values starred, the tokens) when a query value looks like a session."""
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    tokens = [v for _k, v in pairs if _TOKEN.match(v)]
    if not tokens:
        return None
    qs = "&".join(f"{k}={'*' if _TOKEN.match(v) else v}" for k, v in pairs)
    return f"{parts.scheme}://{parts.netloc}{parts.path}?{qs}", "|".join(tokens)


def same_site(url: str, site: str) -> bool:
    """Same host and port; http and https on their default ports count as one site."""
    s1, h1, p1 = split_host(url)
    s2, h2, p2 = split_host(site)
    if h1 != h2:
        return False
    return p1 == p2 or (DEFAULT_PORTS.get(s1) == p1 and DEFAULT_PORTS.get(s2) == p2)


def path_segments(url: str) -> list[str]:
    return [s for s in unquote(urlsplit(url).path).split("/") if s]
