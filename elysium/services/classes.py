"""The classes service: the timetable, attending a class where it meets, and the cost of missing one."""

from __future__ import annotations

from elysium.bus import Context, Service, handles, subscribes
from elysium.bus.protocol import (
    Attend, LearnPiece, Narrated, Narration, NextClass, RunEffects, ShowTimetable, TimePassed, Upcoming,
)
from elysium.content.model import SchoolClass
from elysium.content.words import definite
from elysium.state import calendar
from elysium.state.conditions import render
from elysium.state.store import MAX_ENERGY, MAX_SKILL

TIRED = 20  # below this much energy a student takes in half of a lesson
MISSED_STANDING = -2


class Classes(Service):
    name = "classes"

    @handles(ShowTimetable)
    def show_timetable(self, msg: ShowTimetable, ctx: Context) -> Narration:
        content = ctx.content
        if not content.classes:
            return Narration("No classes are posted for this term.")
        lines = ["Your timetable:"]
        for course in sorted(content.classes.values(), key=lambda c: (c.start, c.name)):
            teacher = content.npcs[course.instructor].name
            room = content.rooms[course.room].name
            lines.append(f"  {course.name}: {', '.join(course.days)}, "
                         f"{calendar.clock_text(course.start)}-{calendar.clock_text(course.end)}, "
                         f"{room}, with {definite(teacher)}")
        upcoming = next_session(ctx)
        if upcoming is not None:
            course, when = upcoming
            lines.append(f"Next: {course.name}, {_when(ctx, when)}.")
        return Narration("\n".join(lines))

    @handles(Attend)
    def attend(self, msg: Attend, ctx: Context) -> Narration:
        state, content = ctx.state, ctx.content
        course = in_session(ctx)
        if course is None:
            upcoming = next_session(ctx)
            hint = f" The next is {upcoming[0].name}, {_when(ctx, upcoming[1])}." if upcoming else ""
            return Narration(f"No class is meeting here just now.{hint} (TIMETABLE shows when and where "
                             "your classes meet.)", done=False)
        key = session_key(course, state["time"])
        if key in state["attended"]:
            return Narration(f"You have already sat through today's {course.name}.", done=False)
        if state["npcs"][course.instructor]["at"] != course.room:
            return Narration(f"The benches are set out for {course.name}, but "
                             f"{definite(content.npcs[course.instructor].name)} has not come.", done=False)
        state["attended"].append(key)
        state["counters"]["classes_attended"] = state["counters"].get("classes_attended", 0) + 1
        tired = state["energy"] < TIRED
        gain = course.gain // 2 if tired else course.gain
        # Within their ranges even for a class that gives energy back or takes skill away.
        state["energy"] = max(0, min(MAX_ENERGY, state["energy"] - course.energy))
        state["skills"][course.skill] = max(0, min(MAX_SKILL, state["skills"].get(course.skill, 0) + gain))
        lesson = render(course.text, state, content) or f"You take your seat for {course.name} and listen closely."
        lines = [lesson]
        if tired:
            lines.append("You are so tired that half of it slides past you.")
        lines.append(f"(Your {course.skill.replace('_', ' ')} rises to {state['skills'][course.skill]}.)")
        for piece in course.teaches:
            lines.append(ctx.ask(LearnPiece(piece)).text)
        if course.do:
            lines.append(ctx.ask(RunEffects(course.do, source=f"class:{course.id}")).text)
        remaining = course.end - calendar.minute_of_day(state["time"])
        return Narration("\n".join(line for line in lines if line), minutes=max(1, remaining))

    @handles(NextClass)
    def next_class(self, msg: NextClass, ctx: Context) -> Upcoming:
        upcoming = next_session(ctx)
        if upcoming is None:
            return Upcoming()
        course, when = upcoming
        return Upcoming(course.name, when, ctx.content.rooms[course.room].name)

    @subscribes(TimePassed)
    def sessions_missed(self, msg: TimePassed, ctx: Context) -> None:
        state, content = ctx.state, ctx.content
        for day in range(calendar.day_of(msg.start), calendar.day_of(msg.end) + 1):
            base = (day - 1) * calendar.MINUTES_PER_DAY
            weekday = calendar.weekday_of(base, content.game.days).lower()
            if day > content.game.term_days:
                break
            for course in content.classes.values():
                ends = base + course.end
                if not (msg.start < ends <= msg.end) or weekday not in (d.lower() for d in course.days):
                    continue
                if session_key(course, base + course.start) in state["attended"]:
                    continue
                state["counters"]["classes_missed"] = state["counters"].get("classes_missed", 0) + 1
                if course.missed is not None:
                    text = ctx.ask(RunEffects(course.missed, source=f"missed:{course.id}")).text
                else:
                    state["standing"] += MISSED_STANDING
                    teacher = definite(content.npcs[course.instructor].name)
                    text = f"You have missed {course.name}. {teacher[:1].upper()}{teacher[1:]} will have noticed."
                if text:
                    ctx.publish(Narrated(text))


def session_key(course: SchoolClass, time: int) -> str:
    return f"{course.id}@{calendar.day_of(time)}"


def in_session(ctx: Context) -> SchoolClass | None:
    """The class meeting in the player's room at this moment, if any."""
    state, content = ctx.state, ctx.content
    weekday = calendar.weekday_of(state["time"], content.game.days).lower()
    minute = calendar.minute_of_day(state["time"])
    for course in content.classes.values():
        if (course.room == state["location"] and weekday in (d.lower() for d in course.days)
                and course.start <= minute < course.end):
            return course
    return None


def next_session(ctx: Context) -> tuple[SchoolClass, int] | None:
    """The next class to begin (or still running) from now, within a week and the term."""
    state, content = ctx.state, ctx.content
    now = state["time"]
    best: tuple[int, SchoolClass] | None = None
    for day in range(calendar.day_of(now), min(calendar.day_of(now) + 7, content.game.term_days) + 1):
        base = (day - 1) * calendar.MINUTES_PER_DAY
        weekday = calendar.weekday_of(base, content.game.days).lower()
        for course in content.classes.values():
            if weekday in (d.lower() for d in course.days) and base + course.end > now:
                if best is None or base + course.start < best[0]:
                    best = (base + course.start, course)
    return (best[1], best[0]) if best else None


def _when(ctx: Context, when: int) -> str:
    now = ctx.state["time"]
    day = "today" if calendar.day_of(when) == calendar.day_of(now) else (
        "tomorrow" if calendar.day_of(when) == calendar.day_of(now) + 1
        else f"on {calendar.weekday_of(when, ctx.content.game.days)}")
    return f"{day} at {calendar.clock_text(when)}"
