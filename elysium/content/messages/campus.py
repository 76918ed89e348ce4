"""The engine's own sentences: campus."""

MESSAGES: dict[str, str] = {
    # features
    "campus.time_passes": "Time passes.",
    "campus.wait_how_long": 'You can wait a number of minutes ("wait 20") or hours ("wait 2 hours").',
    "campus.status": "Score: {score}    Turns: {turns}",
    "campus.story_ended": "The story has ended. Type UNDO to take back your last move, SCORE to look back "
                          "on it, or QUIT.",
}

PARAMETERS: dict[str, tuple[str, ...]] = {
    # features
    "campus.status": ("score", "turns"),
}
