"""Shared fixtures: the generated site served on 127.0.0.1, patrolled once per session."""

from __future__ import annotations

import asyncio

import pytest

from govsite.patrol import PatrolConfig, patrol
from govsite.patrol.testing.server import HITS, serve, site_app
from govsite.patrol.testing.sitegen import generate


def run(config: PatrolConfig):
    return asyncio.run(patrol(config))


@pytest.fixture(scope="session")
def site():
    return generate(pages=600, seed=1)


@pytest.fixture(scope="session")
def app(site):
    return site_app(site)


@pytest.fixture(scope="session")
def served(app):
    with serve(app) as base:
        yield base


@pytest.fixture(scope="session")
def inputs(site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "lexicon.tsv").write_text(site.lexicon, encoding="utf-8")
    (folder / "names.tsv").write_text(site.names, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def patrolled(site, app, served, inputs):
    config = PatrolConfig(
        start_url=served + "/",
        today=site.today,
        lexicon_file=inputs / "lexicon.tsv",
        names_file=inputs / "names.tsv",
        slow_seconds=1.5,
    )
    before = dict(app[HITS])
    document = run(config).to_dict()
    return document, {k: n - before.get(k, 0) for k, n in app[HITS].items()}


@pytest.fixture(scope="session")
def document(patrolled):
    return patrolled[0]


@pytest.fixture(scope="session")
def hits(patrolled):
    """Requests per path that the session's patrol sent."""
    return patrolled[1]
