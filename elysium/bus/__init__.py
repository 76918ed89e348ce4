"""The message bus: typed requests and events between stateless services."""

from elysium.bus.bus import MAX_CHAIN, Bus, Context, Delivery, Runaway, UnhandledRequest, WrongReply
from elysium.bus.message import MESSAGE_TYPES, Event, Message, Reply, Request, from_data, to_data
from elysium.bus.service import Service, handles, subscribes

__all__ = [
    "MAX_CHAIN", "MESSAGE_TYPES", "Bus", "Context", "Delivery", "Event", "Message", "Reply", "Request",
    "Runaway", "Service", "UnhandledRequest", "WrongReply", "from_data", "handles", "subscribes", "to_data",
]
