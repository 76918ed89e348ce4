"""Checks a pack's author runs on the finished game, by asking the engine and the parser what a
player would get (the checks of `elysium audit`). Nothing in the game imports this package."""

from .scenery import Coverage, Finding, scenery_coverage, unexaminable_nouns

__all__ = ["Coverage", "Finding", "scenery_coverage", "unexaminable_nouns"]
