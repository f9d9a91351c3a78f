"""Serve a generated site (and the fault pages) over real HTTP on 127.0.0.1, from a thread
with its own event loop, so tests and the patrol never share a loop."""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import threading
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from multiprocessing.connection import Connection

from aiohttp import web

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


@contextlib.contextmanager
def serve(app: web.Application, port: int = 0) -> Iterator[str]:
    """Run ``app`` on 127.0.0.1 in a background thread; yields the base URL (no slash)."""
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    box: dict[str, object] = {}

    async def start() -> None:
        runner = web.AppRunner(
            app, access_log=None, handler_cancellation=True, shutdown_timeout=0.1
        )
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", port)
        await site.start()
        box["runner"] = runner
        box["port"] = runner.addresses[0][1]
        ready.set()

    def run() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(start())
        loop.run_forever()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    ready.wait(10)
    try:
        yield f"http://127.0.0.1:{box['port']}"
    finally:
        runner = box["runner"]
        fut = asyncio.run_coroutine_threadsafe(runner.cleanup(), loop)  # type: ignore[attr-defined]
        with contextlib.suppress(Exception):
            fut.result(5)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)


def _serve_child(site: GeneratedSite, conn: Connection) -> None:  # pragma: no cover  (child)
    async def main() -> None:
        runner = web.AppRunner(site_app(site), access_log=None)
        await runner.setup()
        tcp = web.TCPSite(runner, "127.0.0.1", 0)
        await tcp.start()
        conn.send(runner.addresses[0][1])
        await asyncio.Event().wait()

    asyncio.run(main())


@contextlib.contextmanager
def serve_site_in_process(site: GeneratedSite) -> Iterator[str]:
    """Serve ``site`` from a forked process: nothing in the test process can slow it down."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe()
    process = ctx.Process(target=_serve_child, args=(site, child))
    process.start()
    try:
        if not parent.poll(10):
            raise RuntimeError("site server did not start")
        yield f"http://127.0.0.1:{parent.recv()}"
    finally:
        process.terminate()
        process.join(5)
