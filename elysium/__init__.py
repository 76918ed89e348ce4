"""Elysium: a YAML-moddable interactive-fiction engine and the Starred Blocks campus game."""

__version__ = "0.1.0"
