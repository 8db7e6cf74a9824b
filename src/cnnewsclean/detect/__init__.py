"""Detectors: pure scorers that never edit text."""
