"""Tools around the build: link checking, the benchmark, synthetic corpora, a local browser."""
