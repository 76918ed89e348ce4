"""Game time as plain numbers: minutes since midnight before the first day of term."""

from __future__ import annotations

MINUTES_PER_DAY = 24 * 60
PERIOD_STARTS = (("night", 0), ("morning", 6 * 60), ("afternoon", 12 * 60), ("evening", 17 * 60), ("night", 21 * 60))


def day_of(time: int) -> int:
    """The day of term, counting from 1."""
    return time // MINUTES_PER_DAY + 1


def minute_of_day(time: int) -> int:
    return time % MINUTES_PER_DAY


def period_of(time: int) -> str:
    minute = minute_of_day(time)
    name = "night"
    for period, start in PERIOD_STARTS:
        if minute >= start:
            name = period
    return name


def weekday_of(time: int, days: tuple[str, ...]) -> str:
    return days[(day_of(time) - 1) % len(days)]


def clock_text(minute: int) -> str:
    """'07:30' for a minute of the day."""
    minute %= MINUTES_PER_DAY
    return f"{minute // 60:02d}:{minute % 60:02d}"


def spoken_time(time: int, days: tuple[str, ...]) -> str:
    """'Moonday, day 1 of term, 07:30 in the morning'."""
    return (f"{weekday_of(time, days)}, day {day_of(time)} of term, "
            f"{clock_text(time)} ({period_of(time)})")


def in_span(minute: int, start: int, end: int) -> bool:
    """Whether a minute of the day lies in [start, end), a span that may wrap past midnight."""
    if start <= end:
        return start <= minute < end
    return minute >= start or minute < end
