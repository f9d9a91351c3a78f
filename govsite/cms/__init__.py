"""cms: Wagtail page models, themes, review workflows, quality gate, static publishing.

May import: core, sites, textcheck.
Entry points: ``services``, ``permissions``, ``sync`` (registry ↔ Wagtail), page ``models``.
"""
