"""library: see ARCHITECTURE.md (not built yet)."""
