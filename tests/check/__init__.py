"""Tests of guide.check: readability and the other checks of a guide."""
