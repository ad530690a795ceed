"""Robustness tests: interruption, concurrency, bad and odd input, properties."""
