"""A generated Chinese government site with planted defects, decoys and ground truth, and
the local HTTP servers that serve it (tests) or the files that nginx serves (bench/patrol)."""
