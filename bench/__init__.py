"""Elysium's benchmark suite: every figure is a ratio of two things measured in the same run.

Run it from the project root with `python -m bench` (or `python -m bench --quick`); see
bench/README.md for what each line measures and the latest full results.
"""

GENERATOR_VERSION = 4
