"""HTTP fetching with every limit of security.md J: guarded addresses, manual redirects checked
hop by hop, total deadline, idle timeout, byte caps on the decoded stream, retries with backoff,
per-host concurrency and rate.
"""

from __future__ import annotations

import asyncio
import errno
import socket
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver

from .config import PatrolConfig
from .safety import Guard, GuardedResolver, Refused
from .urls import BadURL, normalise, same_site

REDIRECTS = (301, 302, 303, 307, 308)
RETRY_STATUS = (429, 502, 503, 504)
CHUNK = 64 * 1024


@dataclass
class Response:
    url: str
    status: int | None = None
    error: str | None = None
    body: bytes = b""
    content_type: str = ""
    charset: str | None = None
    length: int | None = None
    seconds: float = 0.0
    chain: list[str] = field(default_factory=list)
    loop: bool = False
    offsite: bool = False  # redirected off the site and not followed
    truncated: bool = False
    location: str | None = None
    started: float = 0.0  # time.monotonic() when the fetch began
    whole_only: bool = False  # a body longer than max_bytes is not read at all

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and self.status < 400


class HostGate:
    """At most ``limit`` requests in flight to one host, started at most ``rate`` per second."""

    def __init__(self, limit: int, rate: float):
        self.semaphore = asyncio.Semaphore(limit)
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.next_start = 0.0

    async def __aenter__(self) -> None:
        await self.semaphore.acquire()
        if self.interval:
            now = time.monotonic()
            start = max(now, self.next_start)
            self.next_start = start + self.interval
            if start > now:
                await asyncio.sleep(start - now)

    async def __aexit__(self, *exc: object) -> None:
        self.semaphore.release()


class LoopLag:
    """When, and for how long, the event loop was kept from running (parsing, another patrol
    in the same loop, a thread holding the GIL). A fetch can look slower than the site was by
    a few such stalls, so a slow-looking page timed across long stalls is measured again."""

    TICK = 0.02

    def __init__(self) -> None:
        self.stalls: deque[tuple[float, float]] = deque(maxlen=20_000)
        self.task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self.task = asyncio.get_running_loop().create_task(self._watch())

    def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def longest_since(self, since: float) -> float:
        longest = 0.0
        for at, late in reversed(self.stalls):
            if at < since:
                break
            longest = max(longest, late)
        return longest

    async def _watch(self) -> None:
        last = time.monotonic()
        while True:
            await asyncio.sleep(self.TICK)
            now = time.monotonic()
            late = now - last - self.TICK
            if late > 0.005:
                self.stalls.append((now, late))
            last = now


class Fetcher:
    def __init__(
        self, config: PatrolConfig, guard: Guard, resolver: AbstractResolver | None = None
    ):
        self.config, self.guard, self.resolver = config, guard, resolver
        self.requests = 0
        self.bytes = 0
        self.gates: dict[str, HostGate] = defaultdict(self._gate)
        self.session: aiohttp.ClientSession | None = None
        self.lag = LoopLag()

    def _gate(self) -> HostGate:
        return HostGate(self.config.concurrency, self.config.rate)

    async def __aenter__(self) -> Fetcher:
        self.lag.start()
        c = self.config
        connector = aiohttp.TCPConnector(
            limit=c.concurrency * 4 + 8,
            resolver=GuardedResolver(self.guard, self.resolver),
            ttl_dns_cache=300,
        )
        self.session = aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),
            timeout=aiohttp.ClientTimeout(
                total=None, connect=c.connect_timeout, sock_read=c.read_timeout
            ),
            headers={"User-Agent": c.user_agent, "Accept-Encoding": "gzip, deflate"},
            max_line_size=16 * 1024,
            max_field_size=16 * 1024,
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.lag.stop()
        if self.session is not None:
            await self.session.close()

    async def fetch(
        self,
        url: str,
        *,
        method: str = "GET",
        max_bytes: int | None = None,
        byte_range: int | None = None,
        follow_offsite: bool = False,
        deadline: float | None = None,
        whole_only: bool = False,
    ) -> Response:
        """Fetch ``url``, following redirects by hand; never raises for network trouble."""
        started = time.monotonic()
        out = Response(url=url, started=started, whole_only=whole_only)
        try:
            async with asyncio.timeout(min(deadline or self.config.timeout, self.config.timeout)):
                await self._follow(out, method, max_bytes, byte_range, follow_offsite)
        except TimeoutError:
            out.error = "timeout"
        out.seconds = time.monotonic() - started
        return out

    async def _follow(
        self,
        out: Response,
        method: str,
        max_bytes: int | None,
        byte_range: int | None,
        follow_offsite: bool,
    ) -> None:
        current = out.url
        site = out.url
        for _hop in range(self.config.max_redirects + 1):
            out.url = current
            location = await self._retrying(out, method, current, max_bytes, byte_range)
            if location is None:
                return
            try:
                nxt, _ = normalise(location, current)
            except BadURL as exc:
                out.error = f"bad redirect: {exc}"
                return
            out.chain.append(current)
            if nxt in out.chain:
                out.chain.append(nxt)
                out.loop = True
                return
            if not follow_offsite and not same_site(nxt, site):
                out.offsite, out.url = True, nxt
                return
            current = nxt
        out.chain.append(current)
        out.loop = True

    async def _retrying(
        self, out: Response, method: str, url: str, max_bytes: int | None, byte_range: int | None
    ) -> str | None:
        for attempt in range(self.config.retries + 1):
            retry = await self._once(out, method, url, max_bytes, byte_range)
            if not retry or attempt == self.config.retries:
                break
            await asyncio.sleep(self.config.backoff * 2**attempt)
        return (out.error is None and _location(out)) or None

    async def _once(
        self, out: Response, method: str, url: str, max_bytes: int | None, byte_range: int | None
    ) -> bool:
        """One request; True when it failed in a way worth retrying."""
        out.error, out.status, out.body, out.truncated = None, None, b"", False
        try:
            self.guard.check_url(url)
        except (Refused, BadURL) as exc:
            out.error = f"not allowed: {exc}"
            return False
        headers = {"Range": f"bytes=0-{byte_range - 1}"} if byte_range else {}
        host = urlsplit(url).netloc
        assert self.session is not None  # noqa: S101  (set in __aenter__)
        try:
            async with self.gates[host]:
                self.requests += 1
                async with self.session.request(
                    method, url, allow_redirects=False, headers=headers
                ) as resp:
                    _take_head(out, resp)
                    if resp.status in REDIRECTS:
                        return False
                    too_long = out.whole_only and (out.length or 0) > (max_bytes or 0)
                    if too_long:
                        out.truncated = True  # known too big: not downloaded at all
                    elif method != "HEAD" and max_bytes:
                        await self._read(out, resp, max_bytes)
        except Refused as exc:
            out.error = f"not allowed: {exc}"
            return False
        except (aiohttp.ServerTimeoutError, TimeoutError):
            out.error = "timeout"  # aiohttp's connect or idle-read limit, not our deadline
            return False
        except (aiohttp.ClientConnectorError, aiohttp.ClientOSError) as exc:
            out.error = _describe(exc)
            return out.error == "reset"
        except aiohttp.ServerDisconnectedError:
            out.error = "reset"
            return True
        except (aiohttp.ClientPayloadError, aiohttp.ClientResponseError) as exc:
            out.error = f"malformed: {type(exc).__name__}"
            return False
        except aiohttp.ClientError as exc:
            out.error = f"error: {type(exc).__name__}"
            return False
        return out.status in RETRY_STATUS

    async def _read(self, out: Response, resp: aiohttp.ClientResponse, max_bytes: int) -> None:
        chunks: list[bytes] = []
        size = 0
        async for chunk in resp.content.iter_chunked(CHUNK):
            size += len(chunk)
            self.bytes += len(chunk)
            if size > max_bytes:
                chunks.append(chunk[: max_bytes - (size - len(chunk))])
                out.truncated = True
                resp.close()
                break
            chunks.append(chunk)
        out.body = b"".join(chunks)


def _take_head(out: Response, resp: aiohttp.ClientResponse) -> None:
    out.status = resp.status
    out.content_type = resp.content_type or ""
    out.charset = resp.charset
    out.length = resp.content_length
    out.location = resp.headers.get("Location")


def _location(out: Response) -> str | None:
    return out.location if out.status in REDIRECTS else None


def _describe(exc: OSError) -> str:
    inner = getattr(exc, "os_error", None) or exc
    text = str(exc).lower()
    if "not allowed" in text or isinstance(inner, Refused):
        return f"not allowed: {exc}"
    if isinstance(exc, aiohttp.ClientConnectorDNSError) or isinstance(inner, socket.gaierror):
        return "dns"
    if isinstance(exc, aiohttp.ClientConnectorCertificateError | aiohttp.ClientSSLError):
        return "tls"
    if isinstance(inner, ConnectionRefusedError) or inner.errno == errno.ECONNREFUSED:
        return "refused"
    if isinstance(inner, ConnectionResetError | BrokenPipeError) or "reset" in text:
        return "reset"
    if isinstance(inner, TimeoutError):
        return "timeout"
    return f"error: {type(exc).__name__}"
