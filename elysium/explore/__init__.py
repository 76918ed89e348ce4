"""The explorer behind `elysium explore`: the game plays itself and reports what it finds.

Nothing is imported here, so that the command line can read `options` without the engine.
"""
