"""Screens of core, by audience: ``account`` (every back-office user: second factor, password),
``audit`` (the auditor) and ``security`` (the security administrator: role grants).
``guards`` holds the permission decorator all of them use."""
