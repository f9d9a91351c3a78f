"""core: regions, organisations, users and roles by scope, the audit trail, the working-day calendar.

May import: nothing of ours (only Django and libraries).
Entry points: ``services`` (every write), ``access`` (every permission decision), ``audit.record``.
"""
