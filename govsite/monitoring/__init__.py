"""monitoring: see ARCHITECTURE.md (not built yet)."""
