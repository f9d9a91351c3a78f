"""sites: the registry of every government site (on the platform or external), its columns and lifecycle.

May import: core.
Entry points: ``services`` (register/transition sites, create columns), ``access`` (sites and
columns visible to a user), ``signals`` (column_saved, site_saved).
"""
