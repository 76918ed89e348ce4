"""The recitals service: the recital calendar, and performing on a stage when a recital is on."""

from __future__ import annotations

from elysium.bus import Context, Service, handles
from elysium.bus.protocol import Narration, Perform, Practise, ShowRecitals
from elysium.content.model import Recital
from elysium.state import calendar, rng
from elysium.state.conditions import render

RECITAL_LENGTH = 120  # minutes a recital's stage stays open
PERFORMANCE = 20
PRACTICE = 30


class Recitals(Service):
    name = "recitals"

    @handles(ShowRecitals)
    def show_recitals(self, msg: ShowRecitals, ctx: Context) -> Narration:
        content = ctx.content
        if not content.recitals:
            return Narration("No recitals are announced this term.")
        lines = ["Recitals this term:"]
        for recital in sorted(content.recitals.values(), key=lambda r: (r.day, r.time)):
            lines.append(f"  {recital.name}: day {recital.day}, {calendar.clock_text(recital.time)}, "
                         f"{content.rooms[recital.stage].name}")
        return Narration("\n".join(lines))

    @handles(Perform)
    def perform(self, msg: Perform, ctx: Context) -> Narration:
        state, content = ctx.state, ctx.content
        recital = on_now(ctx)
        if recital is None:
            return Narration("You run through a few bars under your breath. It steadies you, but there "
                             "is no audience here to judge it.", minutes=5)
        if recital.id in state["performed"]:
            return Narration("You have already taken your bow tonight.", done=False)
        state["performed"].append(recital.id)
        skill = state["skills"].get(recital.skill, 0)
        total = skill + rng.roll(state, 50)
        opening = render(recital.text, state, content)
        if total >= 60:
            verdict, change = ("The last note hangs in the air before the hall breaks into applause; even "
                               "the masters in the front row nod to one another."), 3
        elif total >= 30:
            verdict, change = ("You stumble once but recover, and the applause is warm if not thunderous."), 1
        else:
            verdict, change = ("Your fingers betray you, and the polite applause that follows stings more "
                               "than silence would."), -1
        state["reputation"] += change
        return Narration("\n".join(t for t in (opening, verdict) if t), minutes=PERFORMANCE)


    @handles(Practise)
    def practise(self, msg: Practise, ctx: Context) -> Narration:
        skills = ctx.state["skills"]
        skills["performance"] = min(100, skills.get("performance", 0) + 1)
        return Narration("You work through scales and a half-remembered air until your fingers move "
                         "without being told. (Your performance rises to "
                         f"{skills['performance']}.)", minutes=PRACTICE)


def on_now(ctx: Context) -> Recital | None:
    state = ctx.state
    day, minute = calendar.day_of(state["time"]), calendar.minute_of_day(state["time"])
    for recital in ctx.content.recitals.values():
        if (recital.stage == state["location"] and recital.day == day
                and recital.time <= minute < recital.time + RECITAL_LENGTH):
            return recital
    return None
