"""The classes service: the timetable, and attending a class that is meeting where you stand."""

from __future__ import annotations

from elysium.bus import Context, Service, handles
from elysium.bus.protocol import Attend, Narration, ShowTimetable
from elysium.content.model import SchoolClass
from elysium.content.words import definite
from elysium.state import calendar
from elysium.state.conditions import render


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
        return Narration("\n".join(lines))

    @handles(Attend)
    def attend(self, msg: Attend, ctx: Context) -> Narration:
        state, content = ctx.state, ctx.content
        course = in_session(ctx)
        if course is None:
            return Narration("No class is meeting here just now. (Type TIMETABLE to see when and where "
                             "your classes meet.)", done=False)
        key = f"{course.id}@{calendar.day_of(state['time'])}"
        if key in state["attended"]:
            return Narration(f"You have already sat through today's {course.name}.", done=False)
        if state["npcs"][course.instructor]["at"] != course.room:
            return Narration(f"The benches are set out for {course.name}, but {definite(content.npcs[course.instructor].name)} "
                             "has not come.", done=False)
        state["attended"].append(key)
        state["skills"][course.skill] = min(100, state["skills"].get(course.skill, 0) + course.gain)
        lesson = render(course.text, state, content) or f"You take your seat for {course.name} and listen closely."
        remaining = course.end - calendar.minute_of_day(state["time"])
        return Narration(f"{lesson}\n(Your {course.skill.replace('_', ' ')} rises to "
                         f"{state['skills'][course.skill]}.)", minutes=max(1, remaining))


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
