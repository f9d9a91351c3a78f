"""govsite: one platform to run, watch and assess a province's government websites."""
