"""The ``govsite`` console script.

``govsite patrol URL`` runs the pure patrol engine without Django; every other
sub-command is a Django management command (``govsite demo``, ``govsite audit verify``).
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "patrol":
        from govsite.patrol.cli import main as patrol_main

        sys.exit(patrol_main(args[1:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["govsite", *args])
