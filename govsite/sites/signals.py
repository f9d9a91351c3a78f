"""Extension points of sites, connected by higher apps in their AppConfig.ready().

``site_saved(site, created)`` and ``column_saved(column, created)`` are sent after commit;
cms keeps Wagtail sites and column pages in step with them.
"""

from django.dispatch import Signal

site_saved = Signal()
column_saved = Signal()
