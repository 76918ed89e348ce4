"""The game in web browsers: `elysium serve` runs the terminal UI for each tab (terminal.py), with
each browser its own player (players.py) and no client able to harm the rest (limits.py)."""
