"""The English words of dates: names, numbers and the phrases that take a date."""

from __future__ import annotations

MONTHS: dict[str, int] = {}
for _number, _name in enumerate(
    (
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ),
    start=1,
):
    MONTHS[_name] = _number
    MONTHS[_name[:3]] = _number
MONTHS["sept"] = 9
MONTH_NAMES = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

WEEKDAYS: dict[str, int] = {}
for _number, _name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"), start=1
):
    WEEKDAYS[_name] = _number
    WEEKDAYS[_name[:3]] = _number
WEEKDAYS.update({"tues": 2, "weds": 3, "thur": 4, "thurs": 4})
WEEKDAY_NAMES = ("", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Northern seasons as EDTF codes.
SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}

NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "several": 0,  # refused below: several is not a number
}

ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
}

DECADE_WORDS = {
    "twenties": 20,
    "thirties": 30,
    "forties": 40,
    "fifties": 50,
    "sixties": 60,
    "seventies": 70,
    "eighties": 80,
    "nineties": 90,
}

# Units of "last month", "two years ago" (singular and plural).
UNIT_WORDS = {
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "decade": "decade",
    "decades": "decade",
    "quarter": "quarter",
    "quarters": "quarter",
    "century": "century",
    "centuries": "century",
}

# Words that make a date approximate: one step of widening.
APPROXIMATE = ("circa", "c", "ca", "about", "around", "approximately", "approx", "roughly", "some")

# Multi-word phrases, longest first where one begins another.
PART_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("near", "the", "end", "of"), "late"),
    (("towards", "the", "end", "of"), "late"),
    (("toward", "the", "end", "of"), "late"),
    (("at", "the", "end", "of"), "late"),
    (("the", "end", "of"), "late"),
    (("end", "of"), "late"),
    (("the", "beginning", "of"), "early"),
    (("the", "start", "of"), "early"),
    (("at", "the", "beginning", "of"), "early"),
    (("at", "the", "start", "of"), "early"),
    (("beginning", "of"), "early"),
    (("start", "of"), "early"),
    (("the", "middle", "of"), "mid"),
    (("in", "the", "middle", "of"), "mid"),
    (("middle", "of"), "mid"),
    (("early",), "early"),
    (("mid",), "mid"),
    (("late",), "late"),
)

OPEN_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("no", "later", "than"), "by"),
    (("not", "later", "than"), "by"),
    (("no", "earlier", "than"), "from"),
    (("not", "earlier", "than"), "from"),
    (("not", "before"), "from"),
    (("prior", "to"), "before"),
    (("earlier", "than"), "before"),
    (("later", "than"), "after"),
    (("up", "to"), "by"),
    (("before",), "before"),
    (("after",), "after"),
    (("by",), "by"),
    (("until",), "by"),
    (("till",), "by"),
    (("since",), "since"),
)

RANGE_WORDS = frozenset({"to", "through", "thru", "until", "till"})

# Numbers as words, for years and days written out (nineteen ninety-six, the twelfth).
SMALL_NUMBERS = {word: n for word, n in NUMBERS.items() if 1 <= n <= 19 and word not in ("a", "an")}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
DAY_ORDINALS = {**ORDINALS, "thirtieth": 30}

# Holidays by their words (tokens; 's is the possessive token), longest first where one
# begins another. The names are keys of chrono.holidays.RULES, or periods of several
# days that resolve knows (the Christmas holidays, Easter week).
HOLIDAY_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("christmas", "holidays"), "christmas holidays"),
    (("christmas", "holiday"), "christmas holidays"),
    (("christmas", "day"), "christmas"),
    (("christmas", "eve"), "christmas eve"),
    (("christmas",), "christmas"),
    (("xmas",), "christmas"),
    (("boxing", "day"), "boxing day"),
    (("new", "year", "'s", "day"), "new year's day"),
    (("new", "years", "day"), "new year's day"),
    (("new", "year", "'s", "eve"), "new year's eve"),
    (("new", "years", "eve"), "new year's eve"),
    (("valentine", "'s", "day"), "valentine's day"),
    (("valentines", "day"), "valentine's day"),
    (("halloween",), "halloween"),
    (("bastille", "day"), "bastille day"),
    (("independence", "day"), "independence day"),
    (("fourth", "of", "july"), "independence day"),
    (("easter", "week"), "easter week"),
    (("easter", "sunday"), "easter"),
    (("easter", "day"), "easter"),
    (("easter", "monday"), "easter monday"),
    (("easter",), "easter"),
    (("good", "friday"), "good friday"),
    (("thanksgiving", "day"), "thanksgiving"),
    (("thanksgiving",), "thanksgiving"),
    (("labor", "day"), "labor day"),
    (("labour", "day"), "labor day"),
    (("memorial", "day"), "memorial day"),
    (("election", "day"), "election day"),
)
HOLIDAY_STARTS = frozenset(words[0] for words, _ in HOLIDAY_PHRASES) - {"fourth"}
