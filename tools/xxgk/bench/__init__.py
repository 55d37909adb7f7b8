"""Benchmarks on generated county-size catalogs (``xxgk bench``)."""
