"""The classes service: the timetable, attending a class where it meets, and the cost of missing one."""

from __future__ import annotations

from elysium.bus import Context, Service, handles, subscribes
from elysium.bus.protocol import (
    Attend, LearnPiece, Narrated, Narration, NextClass, RunEffects, ShowTimetable, TimePassed, Upcoming,
)
from elysium.content.model import SchoolClass
from elysium.state import calendar
from elysium.state.conditions import render
from elysium.state.store import MAX_ENERGY, MAX_SKILL
from elysium.state.text import say

TIRED = 20  # below this much energy a student takes in half of a lesson
MISSED_STANDING = -2


class Classes(Service):
    name = "classes"

    @handles(ShowTimetable)
    def show_timetable(self, msg: ShowTimetable, ctx: Context) -> Narration:
        content = ctx.content
        if not content.classes:
            return Narration(say("campus.no_classes", ctx.state, content))
        lines = [say("campus.timetable_heading", ctx.state, content)]
        for course in sorted(content.classes.values(), key=lambda c: (c.start, c.name)):
            lines.append("  " + say(
                "campus.timetable_entry", ctx.state, content, course=course.name, days=", ".join(course.days),
                start=calendar.clock_text(course.start), end=calendar.clock_text(course.end),
                room=content.rooms[course.room].name, teacher=content.npcs[course.instructor]))
        upcoming = next_session(ctx)
        if upcoming is not None:
            course, when = upcoming
            lines.append(say("campus.timetable_next", ctx.state, content, course=course.name, when=_when(ctx, when)))
        return Narration("\n".join(lines))

    @handles(Attend)
    def attend(self, msg: Attend, ctx: Context) -> Narration:
        state, content = ctx.state, ctx.content
        course = in_session(ctx)
        if course is None:
            upcoming = next_session(ctx)
            if upcoming is None:
                return Narration(say("campus.no_class_here", state, content), done=False)
            return Narration(say("campus.no_class_here_next", state, content, course=upcoming[0].name,
                                 when=_when(ctx, upcoming[1])), done=False)
        key = session_key(course, state["time"])
        if key in state["attended"]:
            return Narration(say("campus.already_attended", state, content, course=course.name), done=False)
        if state["npcs"][course.instructor]["at"] != course.room:
            return Narration(say("campus.teacher_absent", state, content, course=course.name,
                                 teacher=content.npcs[course.instructor]), done=False)
        state["attended"].append(key)
        state["counters"]["classes_attended"] = state["counters"].get("classes_attended", 0) + 1
        tired = state["energy"] < TIRED
        # Only a class that says what lateness costs (`late:`) notices it: half the lesson is gone.
        late = course.late is not None and calendar.minute_of_day(state["time"]) > course.start + course.grace
        gain = course.gain // 2 if tired or late else course.gain
        if tired and late:
            gain //= 2
        # Within their ranges even for a class that gives energy back or takes skill away.
        state["energy"] = max(0, min(MAX_ENERGY, state["energy"] - course.energy))
        state["skills"][course.skill] = max(0, min(MAX_SKILL, state["skills"].get(course.skill, 0) + gain))
        lesson = render(course.text, state, content) or say("campus.lesson", state, content, course=course.name)
        lines = []
        if late:
            state["counters"]["classes_late"] = state["counters"].get("classes_late", 0) + 1
            lines.append(ctx.ask(RunEffects(course.late, source=f"late:{course.id}")).text)
        lines.append(lesson)
        if tired:
            lines.append(say("campus.tired_in_class", state, content))
        lines.append(say("campus.skill_rises", state, content, skill=course.skill.replace("_", " "),
                         value=state["skills"][course.skill]))
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
                    text = say("campus.class_missed", state, content, course=course.name,
                               teacher=content.npcs[course.instructor])
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
    state, content = ctx.state, ctx.content
    time = calendar.clock_text(when)
    if calendar.day_of(when) == calendar.day_of(state["time"]):
        return say("campus.today_at", state, content, time=time)
    if calendar.day_of(when) == calendar.day_of(state["time"]) + 1:
        return say("campus.tomorrow_at", state, content, time=time)
    return say("campus.weekday_at", state, content, day=calendar.weekday_of(when, content.game.days), time=time)
