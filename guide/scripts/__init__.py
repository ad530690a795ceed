"""Narration scripts: drafting them from an article, reading and writing them."""
