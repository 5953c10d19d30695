"""Synthetic national-scale models and the timing scripts (not part of the installed package)."""
