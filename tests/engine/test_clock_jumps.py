"""Passing time jumps from one due timer to the next: the same moments, the same timers in the same
order as reading every timer for every day would give, at a cost that follows the timers that fire."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from elysium.content import load_content
from elysium.content.model import Content, Timer
from elysium.engine import Game
from elysium.services.clock import due_at, next_due, term_end
from elysium.state import calendar

from engine_walks import FIXTURE_WORLD

FIXTURE = load_content(FIXTURE_WORLD)
DAY = calendar.MINUTES_PER_DAY


def with_timers(timers: dict[str, Timer], term_days: int = 3) -> Content:
    return dataclasses.replace(FIXTURE, timers=timers, game=dataclasses.replace(FIXTURE.game, term_days=term_days),
                               rules_by_verb={}, rules_by_target={}, doors_by_room={}, schedule_times=[])


def every_firing(content: Content, start: int, end: int) -> list[tuple[int, str]]:
    """(moment, timer id) of every firing in (start, end], read the slow way: every timer, every day."""
    timers = [*content.timers.values(), term_end(content)]
    due = []
    for day in range(calendar.day_of(start), calendar.day_of(end) + 1):
        for timer in timers:
            moment = (day - 1) * DAY + timer.at
            if start < moment <= end and (timer.day is None or timer.day == day):
                due.append((moment, timer.id))
    return sorted(due)


timer_sets = st.dictionaries(
    st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True),
    st.tuples(st.integers(0, DAY - 1), st.one_of(st.none(), st.integers(1, 6))),
    max_size=12,
).map(lambda found: {timer_id: Timer(timer_id, at, day=day) for timer_id, (at, day) in found.items()})


@settings(max_examples=200, deadline=None)
@given(timer_sets, st.integers(0, 7 * DAY), st.integers(0, 3 * DAY), st.integers(1, 8))
def test_jumping_finds_the_moments_and_timers_that_reading_every_minute_would(timers, start, span, term_days):
    content = with_timers(timers, term_days)
    expected = every_firing(content, start, start + span)

    found, moment = [], start
    while (moment := next_due(content, moment)) is not None and moment <= start + span:
        found += [(moment, timer.id) for timer in due_at(content, moment)]

    assert found == expected


class CountingTimers(dict):
    """A pack's timers that count how often every one of them is read."""

    reads = 0

    def values(self):
        CountingTimers.reads += 1
        return super().values()


def test_a_days_wait_reads_the_timers_once_however_many_fire():
    # Before, every step of the clock read every timer (for every day it spanned): a minute's
    # timer each minute of the day made a day's WAIT cost 1,440 x 1,440 timer readings.
    timers = CountingTimers({f"t{minute:04d}": Timer(f"t{minute:04d}", minute, effects=({"say": "Tick."},))
                             for minute in range(DAY)})
    game = Game.from_content(with_timers(timers), seed=1)
    CountingTimers.reads = 0

    reply = game.turn("wait 24 hours")

    assert reply.count("Tick.") == DAY
    assert CountingTimers.reads <= 3  # building the index: by minute, daily minutes, dated days
