"""The engine's own sentences about light and darkness, and about devices that switch on and off.

`{noun}` is the thing acted on (write `{the noun}`, `{The noun}`, `{a noun}`), and `{is}` is "is",
or "are" for a plural thing ("The candles are already alight.").
"""

MESSAGES: dict[str, str] = {
    "light.dark_room": "It is too dark to make out anything here.",
    "light.blunder": "You stumble about in the dark, but find no way that direction.",
    "light.darkness_name": "Darkness",
    "light.goes_dark": "Everything goes dark.",
    "light.comes_back": "You can see again.",
    "light.lit": "You light {the noun}. Warm light spills around you.",
    "light.already_lit": "{The noun} {is} already alight.",
    "light.cannot_light": "{The noun} {is} not something you can light.",
    "light.doused": "You put out {the noun}.",
    "light.not_lit": "{The noun} {is} not alight.",
    "light.examine_lit": "{The noun} {is} alight.",
    "light.examine_unlit": "{The noun} {is} not lit.",
    "light.switched_on": "You switch {the noun} on.",
    "light.switched_off": "You switch {the noun} off.",
    "light.already_on": "{The noun} {is} already on.",
    "light.already_off": "{The noun} {is} already off.",
    "light.cannot_switch": "{The noun} {is} not something you can switch on or off.",
    "light.examine_on": "{The noun} {is} switched on.",
    "light.examine_off": "{The noun} {is} switched off.",
}

_THING = ("noun", "is")

PARAMETERS: dict[str, tuple[str, ...]] = {
    "light.blunder": ("direction",),
    **{key: _THING for key in (
        "light.lit", "light.already_lit", "light.cannot_light", "light.doused", "light.not_lit",
        "light.examine_lit", "light.examine_unlit", "light.switched_on", "light.switched_off",
        "light.already_on", "light.already_off", "light.cannot_switch", "light.examine_on",
        "light.examine_off")},
}
