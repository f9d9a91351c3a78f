"""demo: builds the demo province (organisations, sites, columns, articles, users) and serves its
external sites on 127.0.0.1.

May import: every app (it sits above them all); nobody imports it.
Entry points: ``govsite demo``, ``govsite serve_external_sites``; ``builder.build_demo``.
"""
