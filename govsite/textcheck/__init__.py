"""textcheck: see ARCHITECTURE.md (not built yet)."""
