"""The screens of the TUI: the title, the game, and the dialogs over it."""
