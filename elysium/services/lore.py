"""The lore service: people's greetings and topics, and the journal of what the player has learned."""

from __future__ import annotations

import re

from elysium.bus import Context, Service, handles
from elysium.bus.protocol import (
    AskAbout, Learn, LoreLearned, Narration, RunEffects, ShowJournal, TalkTo, TopicAnswered,
)
from elysium.content.model import Npc, Topic
from elysium.content.words import listed
from elysium.state.conditions import holds, render
from elysium.state.text import say

TALK = 2  # minutes a conversation takes


def _meet(ctx: Context, npc_id: str) -> None:
    """Remember that the player has spoken with someone (the `met:` condition), once their first
    words have been chosen, so that a first-meeting greeting is shown exactly once."""
    met = ctx.state.setdefault("met", [])
    if npc_id not in met:
        met.append(npc_id)
    ctx.state["spoken_to"] = {npc_id: ctx.state["time"]}  # keeps them a little (world/lingering.py)


def _asleep(npc: Npc, ctx: Context) -> bool:
    return bool(npc.asleep) and holds(npc.asleep, ctx.state, ctx.content)


def _sleeping(npc: Npc, ctx: Context) -> Narration:
    """A sleeper's answer to TALK or ASK: no greeting, no topics, and no meeting."""
    reply = render(npc.asleep_reply, ctx.state, ctx.content)
    return Narration(reply or say("world.person_asleep", ctx.state, ctx.content, noun=npc), minutes=1)


class LoreKeeper(Service):
    name = "lore"

    @handles(TalkTo)
    def talk_to(self, msg: TalkTo, ctx: Context) -> Narration:
        npc = ctx.content.npcs.get(msg.npc)
        if npc is None:
            return Narration(say("world.no_answer", ctx.state, ctx.content), done=False)
        if _asleep(npc, ctx):
            return _sleeping(npc, ctx)
        greeting = (render(npc.greeting, ctx.state, ctx.content)
                    or say("world.greeting", ctx.state, ctx.content, noun=npc))
        topics = [t.keywords[0] for t in npc.topics.values() if holds(t.condition, ctx.state, ctx.content)]
        if topics:
            greeting += "\n" + say("world.topics", ctx.state, ctx.content, noun=npc, topics=listed(topics, "or"))
        _meet(ctx, npc.id)
        return Narration(greeting, minutes=TALK)

    @handles(AskAbout)
    def ask_about(self, msg: AskAbout, ctx: Context) -> Narration:
        npc = ctx.content.npcs.get(msg.npc)
        if npc is None:
            return Narration(say("world.ask_not_person", ctx.state, ctx.content), done=False)
        if _asleep(npc, ctx):
            return _sleeping(npc, ctx)
        topic = self.find_topic(npc, msg.topic, ctx)
        if topic is None:
            reply = render(npc.default, ctx.state, ctx.content)
            _meet(ctx, npc.id)
            return Narration(reply or say("world.nothing_to_tell", ctx.state, ctx.content, noun=npc), minutes=1)
        ctx.note(TopicAnswered, npc.id, topic.id)  # for a trace and content coverage
        texts = [render(topic.text, ctx.state, ctx.content)]
        _meet(ctx, npc.id)
        if topic.effects:
            texts.append(ctx.ask(RunEffects(topic.effects, source=f"{npc.id}:{topic.id}")).text)
        return Narration("\n".join(t for t in texts if t), minutes=TALK)

    @staticmethod
    def find_topic(npc: Npc, asked: str, ctx: Context) -> Topic | None:
        words = re.findall(r"[\w']+", asked.lower())
        phrase = " ".join(words)
        best: tuple[int, Topic] | None = None
        for topic in npc.topics.values():
            for keyword in topic.keywords:
                if keyword in words or (" " in keyword and keyword in phrase) or keyword == phrase:
                    if holds(topic.condition, ctx.state, ctx.content):
                        score = len(keyword)
                        if best is None or score > best[0]:
                            best = (score, topic)
        return best[1] if best else None

    @handles(Learn)
    def learn(self, msg: Learn, ctx: Context) -> Narration:
        if msg.lore in ctx.state["lore"]:
            return Narration("")
        ctx.state["lore"].append(msg.lore)
        ctx.publish(LoreLearned(msg.lore))
        title = ctx.content.lore[msg.lore].title
        return Narration(say("world.lore_learned", ctx.state, ctx.content, title=title))

    @handles(ShowJournal)
    def show_journal(self, msg: ShowJournal, ctx: Context) -> Narration:
        known = ctx.state["lore"]
        recitals = recitals_kept(ctx)
        if not known:
            empty = say("world.journal_empty", ctx.state, ctx.content)
            return Narration("\n\n".join(t for t in (empty, recitals) if t))
        entries = []
        for lore_id in known:
            entry = ctx.content.lore[lore_id]
            entries.append(f"{entry.title}\n{render(entry.text, ctx.state, ctx.content)}")
        heading = say("world.journal_heading", ctx.state, ctx.content, known=len(known), total=len(ctx.content.lore))
        return Narration(heading + "\n\n" + "\n\n".join([*entries, *([recitals] if recitals else [])]))


def recitals_kept(ctx: Context) -> str:
    """The journal's note of each recital so far: the piece performed at it, or that it was missed."""
    state, content = ctx.state, ctx.content
    pieces, calls = state.get("recital_pieces") or {}, state.get("recital_calls") or {}
    lines = []
    for recital in sorted(content.recitals.values(), key=lambda r: (r.day, r.time)):
        if pieces.get(recital.id) in content.pieces:
            lines.append(say("campus.journal_recital_performed", state, content, recital=recital.name,
                             piece=content.pieces[pieces[recital.id]].name))
        elif calls.get(recital.id) in ("passed", "missed"):
            lines.append(say("campus.journal_recital_missed", state, content, recital=recital.name))
    return "\n".join([say("campus.journal_recitals", state, content), *lines]) if lines else ""
