"""The widgets of the game screen, one per module."""

from elysium.tui.widgets.campus_map import CampusMap
from elysium.tui.widgets.clock import ClockPanel
from elysium.tui.widgets.command_line import CommandLine
from elysium.tui.widgets.inventory import InventoryPanel
from elysium.tui.widgets.location import LocationPanel
from elysium.tui.widgets.meter import Meter
from elysium.tui.widgets.narrative import NarrativeLog
from elysium.tui.widgets.sidebar import Sidebar
from elysium.tui.widgets.status_line import StatusLine
from elysium.tui.widgets.student import StudentPanel

__all__ = [
    "CampusMap", "ClockPanel", "CommandLine", "InventoryPanel", "LocationPanel", "Meter", "NarrativeLog",
    "Sidebar", "StatusLine", "StudentPanel",
]
