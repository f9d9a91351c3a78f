"""Serve a generated site (and the fault pages) over real HTTP on 127.0.0.1, from a thread
with its own event loop, so tests and the patrol never share a loop."""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from collections.abc import Awaitable, Callable
from multiprocessing.connection import Connection

from aiohttp import web

from .hosting import serve_in_process, serve_in_thread
from .model import GeneratedSite

HITS = web.AppKey("hits", Counter)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def site_app(site: GeneratedSite, extra: dict[str, Handler] | None = None) -> web.Application:
    extra = extra or {}

    async def handle(request: web.Request) -> web.StreamResponse:
        path = request.path
        hits[path] += 1
        if path in extra:
            return await extra[path](request)
        res = site.resources.get(path)
        if res is None:
            prefix = next((p for p in site.prefix_routes if path.startswith(p)), None)
            res = site.resources.get(site.prefix_routes[prefix]) if prefix else None
        if res is None:
            return web.Response(
                status=404, text="<h1>404 页面不存在</h1>", content_type="text/html"
            )
        if res.delay:
            await asyncio.sleep(res.delay)
        if res.location:  # with a little HTML body, as nginx sends
            return web.Response(
                status=res.status,
                headers={"Location": res.location},
                text=f"<html><body>{res.status}</body></html>",
                content_type="text/html",
            )
        headers = {"Content-Type": res.content_type}
        return web.Response(status=res.status, body=res.body, headers=headers)

    app = web.Application()
    hits: Counter[str] = Counter()
    app[HITS] = hits
    app.router.add_route("*", "/{tail:.*}", handle)
    return app


def serve(app: web.Application, port: int = 0) -> contextlib.AbstractContextManager[str]:
    """Run ``app`` on 127.0.0.1 in a background thread; yields the base URL (no slash)."""
    runner = web.AppRunner(app, access_log=None, handler_cancellation=True, shutdown_timeout=0.1)

    async def start() -> int:
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        return runner.addresses[0][1]

    return serve_in_thread(start, runner.cleanup)


def _serve_child(site: GeneratedSite, conn: Connection) -> None:  # pragma: no cover  (child)
    async def main() -> None:
        runner = web.AppRunner(site_app(site), access_log=None)
        await runner.setup()
        tcp = web.TCPSite(runner, "127.0.0.1", 0)
        await tcp.start()
        conn.send(runner.addresses[0][1])
        await asyncio.Event().wait()

    asyncio.run(main())


def serve_site_in_process(site: GeneratedSite) -> contextlib.AbstractContextManager[str]:
    """Serve ``site`` from a forked process: nothing in the test process can slow it down."""
    return serve_in_process(_serve_child, site, what="site server")
