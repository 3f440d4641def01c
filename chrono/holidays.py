"""Named holidays as days of a given year, computed by their rules rather than listed.

Easter and the feasts that hang from it come from :func:`dateutil.easter.easter`
(imported when first needed, so that starting the command stays fast); the US
holidays that fall on the nth weekday of a month are computed from that rule.
"""

from __future__ import annotations

from chrono.days import Day, days_from_civil, month_length

# name -> (how it is fixed, numbers of the rule):
#   ("date", month, day)            the same day every year
#   ("nth", month, weekday, n)      the nth weekday of the month (n = -1: the last)
#   ("easter", offset)              days after Western Easter Sunday
#   ("election", 0, 0, 0)                 the Tuesday after the first Monday of November
RULES: dict[str, tuple[str, int, int, int]] = {
    "christmas": ("date", 12, 25, 0),
    "christmas eve": ("date", 12, 24, 0),
    "boxing day": ("date", 12, 26, 0),
    "new year's day": ("date", 1, 1, 0),
    "new year's eve": ("date", 12, 31, 0),
    "valentine's day": ("date", 2, 14, 0),
    "halloween": ("date", 10, 31, 0),
    "bastille day": ("date", 7, 14, 0),
    "independence day": ("date", 7, 4, 0),
    "easter": ("easter", 0, 0, 0),
    "good friday": ("easter", -2, 0, 0),
    "easter monday": ("easter", 1, 0, 0),
    "thanksgiving": ("nth", 11, 4, 4),
    "labor day": ("nth", 9, 1, 1),
    "memorial day": ("nth", 5, 1, -1),
    "election day": ("election", 0, 0, 0),
}

# How each holiday is written in a message.
TITLES = {
    "christmas": "Christmas",
    "christmas eve": "Christmas Eve",
    "boxing day": "Boxing Day",
    "new year's day": "New Year's Day",
    "new year's eve": "New Year's Eve",
    "valentine's day": "Valentine's Day",
    "halloween": "Halloween",
    "bastille day": "Bastille Day",
    "independence day": "Independence Day",
    "easter": "Easter",
    "good friday": "Good Friday",
    "easter monday": "Easter Monday",
    "thanksgiving": "Thanksgiving",
    "labor day": "Labor Day",
    "memorial day": "Memorial Day",
    "election day": "Election Day",
}


def nth_weekday(year: int, month: int, weekday: int, n: int) -> Day:
    """The ``n``th ``weekday`` (1 = Monday) of the month; ``n = -1`` is the last."""
    if n > 0:
        first = Day(days_from_civil(year, month, 1))
        return first.plus((weekday - first.isoweekday) % 7 + 7 * (n - 1))
    last = Day(days_from_civil(year, month, month_length(year, month)))
    return last.plus(-((last.isoweekday - weekday) % 7))


def easter(year: int) -> Day:
    """Western Easter Sunday of ``year`` (the Gregorian computus, by dateutil)."""
    from dateutil.easter import EASTER_WESTERN
    from dateutil.easter import easter as computus

    date = computus(year, EASTER_WESTERN)
    return Day(days_from_civil(date.year, date.month, date.day))


def holiday(name: str, year: int) -> Day:
    """The day of the holiday ``name`` (a key of :data:`RULES`) in ``year``."""
    how, a, b, c = RULES[name]
    if how == "date":
        return Day(days_from_civil(year, a, b))
    if how == "nth":
        return nth_weekday(year, a, b, c)
    if how == "easter":
        return easter(year).plus(a)
    return nth_weekday(year, 11, 1, 1).plus(1)  # election day: after the first Monday
