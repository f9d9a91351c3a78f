"""patrol: see ARCHITECTURE.md (not built yet)."""
