"""Run a test server on 127.0.0.1 beside the tests: on its own event loop in a thread, or in a
forked process that nothing in the test process can slow down."""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import threading
from collections.abc import Awaitable, Callable, Iterator


@contextlib.contextmanager
def serve_in_thread(
    start: Callable[[], Awaitable[int]], stop: Callable[[], Awaitable[None]]
) -> Iterator[str]:
    """Run ``start()`` (returns the port it listens on) on a new loop in a daemon thread;
    yields the base URL (no slash), then runs ``stop()`` on that loop and ends it."""
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    box: dict[str, int] = {}

    def run() -> None:
        asyncio.set_event_loop(loop)
        box["port"] = loop.run_until_complete(start())
        ready.set()
        loop.run_forever()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    ready.wait(10)
    try:
        yield f"http://127.0.0.1:{box['port']}"
    finally:
        with contextlib.suppress(Exception):
            asyncio.run_coroutine_threadsafe(stop(), loop).result(5)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)


@contextlib.contextmanager
def serve_in_process(target: Callable[..., None], *args: object, what: str) -> Iterator[str]:
    """Fork a process running ``target(*args, conn)``, which sends its port through ``conn``;
    yields the base URL (no slash) and ends the process afterwards."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe()
    process = ctx.Process(target=target, args=(*args, child))
    process.start()
    try:
        if not parent.poll(10):
            raise RuntimeError(f"{what} did not start")
        yield f"http://127.0.0.1:{parent.recv()}"
    finally:
        process.terminate()
        process.join(5)
