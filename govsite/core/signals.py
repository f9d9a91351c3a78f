"""Extension points of core. Higher apps connect to these in their AppConfig.ready().

``role_grants_changed(user)`` is sent after a user's role grants changed and the
transaction committed; cms uses it to bring Wagtail page permissions in step.
"""

from django.dispatch import Signal

role_grants_changed = Signal()
