"""operations: see ARCHITECTURE.md (not built yet)."""
