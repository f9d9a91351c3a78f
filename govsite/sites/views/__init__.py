"""Back-office screens of the site registry (menu 网站管理), mounted under /admin/registry/.

Thin adapters: fetch through ``access``, write through ``services``, show service errors on the
form. ``sites`` holds the site list, detail and forms; ``columns`` the column forms.
"""
