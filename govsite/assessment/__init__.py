"""assessment: see ARCHITECTURE.md (not built yet)."""
