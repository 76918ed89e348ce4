"""Stateless services: each answers messages by reading and changing the state the bus hands it."""

from elysium.services.classes import Classes
from elysium.services.clock import Clock
from elysium.services.lore import LoreKeeper
from elysium.services.recitals import Recitals
from elysium.services.rules import Rules
from elysium.services.upkeep import Upkeep
from elysium.services.world import World

ALL_SERVICES = (World, Clock, Rules, LoreKeeper, Classes, Recitals, Upkeep)

__all__ = ["ALL_SERVICES", "Classes", "Clock", "LoreKeeper", "Recitals", "Rules", "Upkeep", "World"]
