"""monitoring: scheduled probes and patrols of every open site, their findings (deduplicated
across runs, with evidence), inspectors' review of findings, and alerts.

May import: core, sites, patrol (only ``engine.py`` talks to patrol).
Entry points: ``services`` (record_probe, record_patrol_run, confirm_finding, dismiss_finding),
``tasks`` (probe_site, patrol_site, schedule_due), ``access``, ``weekly`` (failure rates),
``demo_data.patrol_demo_sites``.
"""
