"""A seeded random number generator whose whole state is one integer kept in the game state.

SplitMix64: tiny, fast and good enough for dice, and its state survives JSON and undo untouched.
"""

from __future__ import annotations

from typing import Any

MASK = (1 << 64) - 1


def seed_state(seed: int) -> int:
    return (seed * 0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019) & MASK


def next_value(state: dict[str, Any]) -> int:
    """Advance `state['rng']` and return 64 random bits."""
    x = (state["rng"] + 0x9E3779B97F4A7C15) & MASK
    state["rng"] = x
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK
    return x ^ (x >> 31)


def roll(state: dict[str, Any], sides: int = 100) -> int:
    """A number from 1 to `sides`."""
    return next_value(state) % sides + 1
