"""The engine's own sentences about rules, the score and the player's standing."""

MESSAGES: dict[str, str] = {
    "rules.nothing_comes_of_it": "Nothing comes of it.",
    "rules.score": "You have scored {score} out of a possible {max_score}, in {turns} {turns_word}.",
    "rules.score_no_maximum": "You have scored {score}, in {turns} {turns_word}.",
    "rules.status": "Energy: {energy}/{max_energy}    Standing with the faculty: {standing}    "
                    "Reputation: {reputation}    Score: {score}",
    "rules.status_skills": "Skills:",
    "rules.status_skill": "  {skill}: {level}",
}

PARAMETERS: dict[str, tuple[str, ...]] = {
    "rules.score": ("score", "max_score", "turns", "turns_word"),
    "rules.score_no_maximum": ("score", "turns", "turns_word"),
    "rules.status": ("energy", "max_energy", "standing", "reputation", "score"),
    "rules.status_skill": ("skill", "level"),
}
