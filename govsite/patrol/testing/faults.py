"""A raw TCP server on 127.0.0.1 whose pages misbehave in every way a hostile or broken site
can: hang, trickle, stream forever, gzip bomb, circular redirects, malformed HTML and HTTP.

Raw asyncio streams rather than a web framework, so the bytes on the wire are exactly the
fault. ``FAULTS`` lists the paths; the homepage links to all of them and to one sound page.
"""

from __future__ import annotations

import asyncio
import contextlib
import zlib
from multiprocessing.connection import Connection

from .hosting import serve_in_process, serve_in_thread

ZERO_MB = bytes(1024 * 1024)
IDENTITY = (
    '<meta name="SiteName" content="故障站"><meta name="SiteDomain" content="127.0.0.1">'
    '<meta name="SiteIDCode" content="3307000009">'
)
FOOTER = (
    '<div class="footer">主办单位：故障测试办公室 网站标识码：3307000009 浙ICP备05099999号 '
    "浙公网安备 33070202099999号</div>"
)
FAULTS = (
    "/hang",
    "/trickle",
    "/endless",
    "/bomb",
    "/loop-a",
    "/deep",
    "/nul",
    "/badbytes",
    "/reset",
    "/badchunk",
    "/bigheader",
    "/garbage",
    "/ok.html",
)


def page(body: str, charset: str = "utf-8") -> bytes:
    return (
        f'<html><head><meta charset="{charset}"><title>t</title>{IDENTITY}</head>'
        f"<body>{body}{FOOTER}</body></html>"
    ).encode(charset, "replace")


def head(status: str = "200 OK", extra: str = "", length: int | None = None) -> bytes:
    lines = [f"HTTP/1.1 {status}", "Content-Type: text/html; charset=utf-8", "Connection: close"]
    if length is not None:
        lines.append(f"Content-Length: {length}")
    if extra:
        lines.append(extra)
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


async def respond(path: str, writer: asyncio.StreamWriter) -> None:
    if path == "/":
        links = "".join(f'<a href="{p}">{p}</a>' for p in FAULTS)
        body = page(f"<ul>{links}</ul>")
        writer.write(head(length=len(body)) + body)
    elif path == "/ok.html":
        body = page("<p>正常页面</p>")
        writer.write(head(length=len(body)) + body)
    elif path == "/hang":
        await asyncio.sleep(3600)
    elif path == "/trickle":
        writer.write(head())
        for _ in range(3600):
            writer.write(b"<")
            await writer.drain()
            await asyncio.sleep(0.3)
    elif path == "/endless":
        writer.write(head(extra="Transfer-Encoding: chunked"))
        chunk = b"<p>" + b"x" * 65536 + b"</p>"
        while True:
            writer.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            await writer.drain()
    elif path == "/bomb":  # 2 GiB of zeros, gzip-compressed on the fly (about 2 MB on the wire)
        writer.write(head(extra="Content-Encoding: gzip"))
        comp = zlib.compressobj(9, zlib.DEFLATED, 31)
        for _ in range(2048):
            writer.write(comp.compress(ZERO_MB))
            await writer.drain()
        writer.write(comp.flush())
    elif path in ("/loop-a", "/loop-b"):
        other = "/loop-b" if path == "/loop-a" else "/loop-a"
        writer.write(head("302 Found", f"Location: {other}", 0))
    elif path == "/deep":
        body = page("<div>" * 100_000 + "深")
        writer.write(head(length=len(body)) + body)
    elif path == "/nul":
        body = page("a\x00b\x00" * 1000 + '<a href="/ok.html">ok</a>')
        writer.write(head(length=len(body)) + body)
    elif path == "/badbytes":
        body = page("正常") + b"\xff\xfe\xfa" * 5000
        writer.write(head(length=len(body)) + body)
    elif path == "/reset":
        writer.write(head(length=100_000) + b"<html>" * 100)
        await writer.drain()
        writer.transport.abort()
    elif path == "/badchunk":
        writer.write(head(extra="Transfer-Encoding: chunked") + b"zz\r\nnot a chunk\r\n")
    elif path == "/bigheader":
        writer.write(b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * 1_000_000 + b"\r\n\r\n")
    elif path == "/garbage":
        writer.write(b"\x00\x01\x02 this is not HTTP at all\r\n\r\n")
    else:
        writer.write(head("404 Not Found", length=0))


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        request = await reader.readuntil(b"\r\n\r\n")
        path = request.split(b" ", 2)[1].decode("latin-1")
        await respond(path, writer)
        await writer.drain()
    except (
        ConnectionError,
        asyncio.IncompleteReadError,
        asyncio.LimitOverrunError,
        IndexError,
        asyncio.CancelledError,
    ):  # cancelled: the server is stopping
        pass
    finally:
        with contextlib.suppress(Exception):
            writer.close()


def _child(conn: Connection) -> None:  # pragma: no cover  (runs in the forked process)
    async def main() -> None:
        server = await asyncio.start_server(handle, "127.0.0.1", 0)
        conn.send(server.sockets[0].getsockname()[1])
        await server.serve_forever()

    asyncio.run(main())


def serve_faults_in_process() -> contextlib.AbstractContextManager[str]:
    """The fault server in a process of its own, so its busy pages cannot take the GIL from
    other servers of the same test (they would then be slow for real)."""
    return serve_in_process(_child, what="fault server")


def serve_faults() -> contextlib.AbstractContextManager[str]:
    """Run the fault server in a thread; yields its base URL (no trailing slash)."""
    box: dict[str, asyncio.Server] = {}

    async def start() -> int:
        box["server"] = await asyncio.start_server(handle, "127.0.0.1", 0)
        return box["server"].sockets[0].getsockname()[1]

    async def stop() -> None:
        box["server"].close()
        tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    return serve_in_thread(start, stop)
