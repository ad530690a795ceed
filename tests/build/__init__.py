"""Tests of the build: its plan and stages, what its manifest records, and how it writes files."""
