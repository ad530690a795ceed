"""Tests of guide.speech by language and of its plumbing: the registry, lazy compilation, fast paths."""
