"""The probe: one homepage fetch judged as the national indicator judges it.

Spec: official-rules.md 1.3 item 2 (a probe fails when the homepage is not open after 15 s,
or answers with an error); security.md J item 81.
"""

from __future__ import annotations

from dataclasses import dataclass

from aiohttp.abc import AbstractResolver

from .config import PatrolConfig
from .fetch import Fetcher
from .safety import resolve_site, site_guard
from .urls import BadURL, normalise, split_host

PROBE_SECONDS = 15.0


@dataclass
class ProbeResult:
    url: str
    ok: bool
    status: int | None
    error: str | None
    seconds: float
    final_url: str

    def to_dict(self) -> dict[str, object]:
        return {
            "url": self.url,
            "ok": self.ok,
            "status": self.status,
            "error": self.error,
            "seconds": round(self.seconds, 3),
            "final_url": self.final_url,
        }


async def probe(
    url: str, timeout: float = PROBE_SECONDS, resolver: AbstractResolver | None = None
) -> ProbeResult:
    """Fetch the homepage once, redirects followed on the site; never raises for the network.

    ``resolver`` replaces the system's DNS (tests, ``*.localhost``); the guard still applies.
    """
    try:
        start, _ = normalise(url)
        guard = site_guard(start, await resolve_site(split_host(start)[1], resolver))
    except BadURL as exc:
        return ProbeResult(url, False, None, f"bad URL: {exc}", 0.0, url)
    config = PatrolConfig(start_url=start, timeout=timeout, retries=0, concurrency=1)
    async with Fetcher(config, guard, resolver) as fetcher:
        resp = await fetcher.fetch(start, max_bytes=config.max_page_bytes)
    error = "redirect loop" if resp.loop else resp.error
    ok = error is None and resp.status is not None and resp.status < 500
    return ProbeResult(url, ok, resp.status, error, resp.seconds, resp.url)
