"""The engine's own sentences about the student's day: classes, the timetable, pieces, practice and
recitals. Only a game with classes or recitals says them, so they may speak of terms and masters."""

MESSAGES: dict[str, str] = {
    "campus.status_classes": "Classes attended: {attended}, missed: {missed}.",
    "campus.status_recitals": "Recitals performed: {performed}, missed: {missed}.",
    # classes
    "campus.no_classes": "No classes are posted for this term.",
    "campus.timetable_heading": "Your timetable:",
    "campus.timetable_entry": "{course}: {days}, {start}-{end}, {room}, with {the teacher}",
    "campus.timetable_next": "Next: {course}, {when}.",
    "campus.today_at": "today at {time}",
    "campus.tomorrow_at": "tomorrow at {time}",
    "campus.weekday_at": "on {day} at {time}",
    "campus.no_class_here": "No class is meeting here just now. (TIMETABLE shows when and where your "
                            "classes meet.)",
    "campus.no_class_here_next": "No class is meeting here just now. The next is {course}, {when}. "
                                 "(TIMETABLE shows when and where your classes meet.)",
    "campus.already_attended": "You have already sat through today's {course}.",
    "campus.teacher_absent": "The benches are set out for {course}, but {the teacher} has not come.",
    "campus.lesson": "You take your seat for {course} and listen closely.",
    "campus.tired_in_class": "You are so tired that half of it slides past you.",
    "campus.skill_rises": "(Your {skill} rises to {value}.)",
    "campus.class_missed": "You have missed {course}. {The teacher} will have noticed.",
    # pieces and practice
    "campus.piece_learned": "(You add \u201c{piece}\u201d to your repertoire.)",
    "campus.repertoire_empty": "Your repertoire is empty. Classes, books and other bards can teach you pieces.",
    "campus.repertoire_heading": "Your repertoire:",
    "campus.repertoire_entry": "{piece} ({kind}, {skill}, difficulty {difficulty}): mastery {mastery}",
    "campus.practice_room_needed": "You need a quiet practice room for that; here you would only annoy people.",
    "campus.too_tired_to_practise": "You are too tired to practise. Eat something, or get some sleep.",
    "campus.practised": "You work at \u201c{piece}\u201d until the hard passages stop being hard and start "
                        "being yours. (Mastery {mastery}.)",
    "campus.practised_steady": "You play \u201c{piece}\u201d through twice without stopping, and spend the rest "
                               "of the time on the bars that still fight you. (Mastery {mastery}.)",
    "campus.practised_shaping": "The notes of \u201c{piece}\u201d are yours now, so you work on what lies between "
                                "them: where to breathe, where to wait, where to let it run. (Mastery {mastery}.)",
    "campus.practised_polish": "You play \u201c{piece}\u201d from memory with your eyes shut, stopping only to "
                               "polish a turn or two that nobody else would hear. (Mastery {mastery}.)",
    "campus.practised_mastered": "There is nothing left in \u201c{piece}\u201d to learn. You play it through for "
                                 "the pleasure of it, to keep it warm in your fingers. (Mastery {mastery}.)",
    "campus.no_pieces": "You have no pieces to your name yet. Classes, books and other bards can teach you some.",
    "campus.which_piece": "Which piece? You know {pieces}.",
    "campus.unknown_piece": "That is not a piece you know. You know {pieces}.",
    "campus.ambiguous_piece": "Which piece? {pieces} would all fit that.",
    # recitals
    "campus.no_recitals": "No recitals are announced this term.",
    "campus.recitals_heading": "Recitals this term:",
    "campus.recital_entry": "{recital}: {weekday}, day {day}, {time}, {stage}",
    "campus.recital_entry_performed": "{recital}: {weekday}, day {day}, {time}, {stage} (you performed)",
    "campus.no_audience": "You run through a few bars under your breath. It steadies you, but there is no "
                          "audience here to judge it. (RECITALS lists when and where to perform.)",
    "campus.recital_late": "You have come late, and the steward called your name long ago. He finds it on his "
                           "list, frowns, and fits you in at the end, before an audience that has been "
                           "listening for a while.",
    "campus.already_performed": "You have already taken your bow tonight.",
    "campus.step_up": "You step into the light and begin \u201c{piece}\u201d.",
    "campus.verdict_triumph": "The last note hangs in the air a heartbeat before the hall breaks into applause. "
                              "Students stamp their feet; in the front row the masters nod to one another, and "
                              "a critic from the town writes something long.",
    "campus.verdict_good": "You finish to warm, honest applause. A few students call your name, and one of the "
                           "masters makes a small, approving note.",
    "campus.verdict_fair": "You stumble once but recover, and the applause is polite. The critics' pens barely "
                           "move.",
    "campus.verdict_poor": "Your fingers and your memory betray you by turns. The applause that follows is the "
                           "kind that stings more than silence would.",
    "campus.recital_missed": "{recital} has ended without you. Your name was called, and nobody stepped into "
                             "the light.",
    # features
    "campus.time_passes": "Time passes.",
    "campus.wait_how_long": 'You can wait a number of minutes ("wait 20") or hours ("wait 2 hours").',
    "campus.status": "Score: {score}    Turns: {turns}",
    "campus.status_energy": "Energy: {energy}/{max_energy}",
    "campus.status_standing": "Standing with the faculty: {standing}    Reputation: {reputation}",
    "campus.status_score": "Score: {score}",
    "campus.story_ended": "The story has ended. Type UNDO to take back your last move, SCORE to look back "
                          "on it, or QUIT.",
    # time
    "campus.wait_past_question": "It is already {now}. Wait until {time} tomorrow? (YES or NO)",
    "campus.wait_before_end": "You stop waiting at {time}, with the end so close. (WAIT again to go on.)",
    "campus.wait_interrupted": "You stop waiting: it is {time}.",
    "campus.sleep_interrupted": "You are awake again: it is {time}.",
    "campus.wait_interrupted_unseen": "You stop waiting.",
    "campus.heard_during": "At {time}:",
    # recitals
    "campus.recital_call": "{recital} begins. The steward calls your name. Which piece will you play?",
    "campus.recital_call_unanswered": "The steward waits, then calls the next name. Your turn at {recital} "
                                      "has gone by.",
    "campus.recital_turn_gone": "Your turn has gone by: the steward has called the next name.",
    "campus.recital_entry_missed": "{recital}: {weekday}, day {day}, {time}, {stage} (missed)",
    "campus.journal_recitals": "Recitals",
    "campus.journal_recital_performed": "{recital}: you performed \u201c{piece}\u201d.",
    "campus.journal_recital_missed": "{recital}: missed.",
    # simulation
    "campus.repertoire_in_the_fingers": "practised lately, and in your fingers",
    "campus.repertoire_fading": "fading: unpractised for {days} days",
}


_ENTRY = ("recital", "weekday", "day", "time", "stage")

PARAMETERS: dict[str, tuple[str, ...]] = {
    "campus.status_classes": ("attended", "missed"),
    "campus.status_recitals": ("performed", "missed"),
    "campus.timetable_entry": ("course", "days", "start", "end", "room", "teacher"),
    "campus.timetable_next": ("course", "when"),
    "campus.today_at": ("time",),
    "campus.tomorrow_at": ("time",),
    "campus.weekday_at": ("day", "time"),
    "campus.no_class_here_next": ("course", "when"),
    "campus.already_attended": ("course",),
    "campus.teacher_absent": ("course", "teacher"),
    "campus.lesson": ("course",),
    "campus.skill_rises": ("skill", "value"),
    "campus.class_missed": ("course", "teacher"),
    "campus.piece_learned": ("piece",),
    "campus.repertoire_entry": ("piece", "kind", "skill", "difficulty", "mastery"),
    "campus.practised": ("piece", "mastery"),
    "campus.practised_steady": ("piece", "mastery"),
    "campus.practised_shaping": ("piece", "mastery"),
    "campus.practised_polish": ("piece", "mastery"),
    "campus.practised_mastered": ("piece", "mastery"),
    "campus.which_piece": ("pieces",),
    "campus.unknown_piece": ("pieces",),
    "campus.ambiguous_piece": ("pieces",),
    "campus.recital_entry": _ENTRY,
    "campus.recital_entry_performed": _ENTRY,
    "campus.step_up": ("piece",),
    "campus.recital_missed": ("recital",),
    "campus.recital_late": ("recital",),
    # features
    "campus.status": ("score", "turns"),
    "campus.status_energy": ("energy", "max_energy"),
    "campus.status_standing": ("standing", "reputation"),
    "campus.status_score": ("score",),
    # time
    "campus.wait_past_question": ("now", "time"),
    "campus.wait_before_end": ("time",),
    "campus.wait_interrupted": ("time",),
    "campus.sleep_interrupted": ("time",),
    "campus.heard_during": ("time",),
    # recitals
    "campus.recital_call": ("recital",),
    "campus.recital_call_unanswered": ("recital",),
    "campus.recital_entry_missed": _ENTRY,
    "campus.journal_recital_performed": ("recital", "piece"),
    "campus.journal_recital_missed": ("recital",),
    # simulation
    "campus.repertoire_fading": ("days",),
}
