"""Write the generated site for nginx: files, nginx.conf, ground truth (bench/patrol/run.sh)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from govsite.patrol.testing.model import expect_key
from govsite.patrol.testing.sitegen import generate, write

NGINX = """
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
{user}
events {{ worker_connections 1024; }}
http {{
    access_log off;
    # linkchecker keeps a 0.1-0.6 s pause per request unless the server sends this header
    add_header LinkChecker unlimited always;
    default_type application/octet-stream;
    types {{ text/html html; text/css css; application/javascript js; image/png png;
            image/jpeg jpg; image/x-icon ico; application/pdf pdf; application/zip zip;
            application/msword doc;
            application/vnd.openxmlformats-officedocument.wordprocessingml.document docx;
            application/vnd.openxmlformats-officedocument.spreadsheetml.sheet xlsx; }}
    client_body_temp_path {work}/tmp; proxy_temp_path {work}/tmp; fastcgi_temp_path {work}/tmp;
    uwsgi_temp_path {work}/tmp; scgi_temp_path {work}/tmp;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        location /slow/ {{ limit_rate 1k; }}
        location /err/ {{ return 500; }}
        location /zt/ {{ rewrite ^ /zt/index.html break; }}
        location /bszn/ {{ rewrite ^ /bszn/index.html break; }}
{redirects}
    }}
}}
"""


def main(pages: int, work: Path, port: int) -> None:
    site = generate(pages=pages, seed=7)
    root = work / "site"
    write(site, root)
    redirects = "\n".join(
        f"        location = {path} {{ return {res.status} {res.location}; }}"
        for path, res in site.resources.items()
        if res.location
    )
    user = "user root;" if os.geteuid() == 0 else ""
    (work / "tmp").mkdir(exist_ok=True)
    (work / "nginx.conf").write_text(
        NGINX.format(work=work, root=root, port=port, redirects=redirects, user=user)
    )
    (work / "lexicon.tsv").write_text(site.lexicon, encoding="utf-8")
    (work / "names.tsv").write_text(site.names, encoding="utf-8")
    truth = [list(map(_plain, expect_key(e))) for e in site.truth]
    (work / "truth.json").write_text(
        json.dumps(
            {
                "truth": truth,
                "decoys": site.decoys,
                "html_pages": site.html_pages,
                "today": site.today.isoformat(),
            },
            ensure_ascii=False,
        )
    )
    sys.stdout.write(
        f"{site.html_pages} HTML pages, {len(site.resources)} resources, {len(truth)} planted\n"
    )


def _plain(value):
    return sorted(value) if isinstance(value, frozenset) else value


if __name__ == "__main__":
    main(int(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))
