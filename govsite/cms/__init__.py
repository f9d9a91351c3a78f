"""cms: Wagtail page models, themes, review workflows, quality gate, static publishing.

May import: core, sites, textcheck.
Entry points: page models in ``models``, ``sync`` (registry ↔ Wagtail), ``permissions``.
"""
