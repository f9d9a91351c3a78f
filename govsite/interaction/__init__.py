"""interaction: see ARCHITECTURE.md (not built yet)."""
