"""The Textual front-end: `ElysiumApp` shows the game on screen (and, through textual-serve,
in a browser). It holds no game logic: every command goes through `Game.turn`."""
