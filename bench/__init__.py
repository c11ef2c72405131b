"""Benchmarks that print figures (one per line); run ``python -m bench`` for all of them."""
