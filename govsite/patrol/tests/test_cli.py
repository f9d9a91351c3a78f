"""``govsite patrol URL``: the options of findings.md, exit 0 when it ran, 2 when it could not."""

from __future__ import annotations

import json
import socket

import pytest

from govsite.patrol.cli import main


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_writes_the_document_to_a_file(site, served, inputs, tmp_path, capsys):
    out = tmp_path / "doc.json"
    code = main(
        [
            served + "/",
            "--json",
            str(out),
            "--today",
            "2026-11-21",
            "--max-pages",
            "40",
            "--concurrency",
            "4",
            "--timeout",
            "10",
            "--lexicon",
            str(inputs / "lexicon.tsv"),
            "--names",
            str(inputs / "names.tsv"),
        ]
    )
    document = json.loads(out.read_text(encoding="utf-8"))
    assert code == 0
    assert document["today"] == "2026-11-21"
    assert document["stats"]["pages"] <= 40
    assert "pages" in capsys.readouterr().err


def test_writes_to_stdout_with_dash(served, capsys):
    assert main([served + "/", "--json", "-", "--max-pages", "5"]) == 0
    assert json.loads(capsys.readouterr().out)["site"] == served + "/"


def test_column_rules_override_the_names(served, tmp_path):
    rules = tmp_path / "columns.tsv"
    rules.write_text("/tjsj/\tdynamic\n/qxdt/\tother\n", encoding="utf-8")
    out = tmp_path / "doc.json"
    assert (
        main([served + "/", "--json", str(out), "--columns", str(rules), "--today", "2026-11-21"])
        == 0
    )
    stale = {
        f["url"].removeprefix(served)
        for f in json.loads(out.read_text())["findings"]
        if f["kind"] == "stale_column"
    }
    assert "/tjsj/" in stale and "/qxdt/" not in stale


@pytest.mark.parametrize(
    "url", ["not a url", "ftp://127.0.0.1/", "http://user:pw@127.0.0.1/", "http://169.254.169.254/"]
)
def test_a_bad_url_exits_2_with_one_line(url, capsys):
    assert main([url]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("govsite patrol:")


def test_a_site_that_does_not_answer_exits_2(capsys, tmp_path):
    out = tmp_path / "doc.json"
    assert main([f"http://127.0.0.1:{free_port()}/", "--json", str(out), "--timeout", "3"]) == 2
    err = capsys.readouterr().err
    assert "did not answer" in err and err.count("\n") == 1
    document = json.loads(out.read_text())
    assert [f["kind"] for f in document["findings"]] == ["site_unreachable"]
    assert document["findings"][0]["detail"] == {"error": "refused", "status": None}


def test_a_missing_input_file_exits_2(served, capsys):
    assert main([served + "/", "--names", "/nonexistent/names.tsv"]) == 2
