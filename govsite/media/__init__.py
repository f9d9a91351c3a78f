"""media: see ARCHITECTURE.md (not built yet)."""
