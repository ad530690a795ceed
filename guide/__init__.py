"""Offline, accessible audio guides made from patient-education articles."""

__version__ = "0.1.0"
