"""Sentences, paragraphs and tense: the running-text context a mention is read in."""

from __future__ import annotations

import re
from bisect import bisect_right

# A sentence ends at . ! or ? (and any closing quotes or brackets) before white space,
# unless the word before the full stop is an abbreviation or an initial.
_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st sr jr gen col lt sgt capt gov sen rep rev prof inc corp co ltd no vs "
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri "
    "sat sun ca c approx u.s u.n u.k e.g i.e etc a.m p.m".split()
)
_WORD_BEFORE = re.compile(r"([\w.]+)$")

# Tense markers, read first in the clause that holds the mention and near it. Future:
# modals and the phrases of plans and schedules, "would" of reported plans included
# ("said it would deploy over the summer"), but not "would have".
_FUTURE = re.compile(
    r"\b(?:(?:is|are|am|was|were|be|been|being)\s+)?"  # "were planning to": its be is no past
    r"(?:will|shall|won't|would(?!\s+(?:have|not\s+have)\b)|must(?!\s+(?:have|not\s+have)\b)|"
    r"going\s+to|"
    r"(?:is|are|was|were)\s+(?:to|set\s+to|due\s+to)|"
    r"(?:expected|planning|planned|plans?|intends?|hopes?|aims?|wants?|promised|promises|"
    r"vowed|vows|pledged|pledges|agreed|agrees|prepared|preparing|ready|poised|seeks)\s+to|"
    r"(?:postponed|delayed|adjourned|deferred|put\s+off)\s+(?:\w+\s+)?until|"
    r"scheduled|slated|expected|planned\s+for|as\s+soon\s+as|deadline|next(?!\s+to\b)|"
    r"upcoming|later\s+this)\b|\w'll\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|been|said|told|ago|earlier|yesterday|previously|took|made|"
    r"began|came|went|gave|met|left|won|lost|fell|rose|held|got|saw|ran|fled|struck|stood|"
    r"sent|spent|became|brought|bought|built|caught|chose|drove|felt|fought|found|flew|grew|"
    r"heard|kept|knew|led|meant|paid|sold|shot|spoke|stole|taught|thought|threw|wrote|broke|"
    r"drew|froze|hung|sought|shook|swept|tore|withdrew|overtook|upheld|sank|sat|slept|"
    r"risen|fallen|grown|taken|given|shown|gone|seen|written|done|driven|broken|chosen|"
    r"spoken|stolen|begun|flown|hidden|thrown|"
    r"(?!(?:united|based|related|called|so-called|alleged|scheduled|expected|planned|proposed|"
    r"needed|armed|advanced|limited|red|bed|need|speed|feed|seed|shed|indeed|proceed|succeed|"
    r"exceed|breed|embed)\b)\w{3,}ed)\b",
    re.IGNORECASE,
)
# Before a participle, what makes it no past: a present "be" ("is heard"), or the
# future perfect ("will have left", "will have been").
_PRESENT_AUXILIARY = re.compile(
    r"(?:\b(?:is|are|am|be|being|stay|stays|remain|remains|seem|seems)\s+(?:\w+ly\s+|not\s+)?"
    r"|(?:\bwill|\bshall|'ll)\s+(?:not\s+)?have\s+(?:been\s+)?)$",
    re.IGNORECASE,
)
# The present of a timetable: "the festival opens on Friday", "they start school on
# Wednesday", "there is a party on Saturday" name a day to come (not as a noun: "the
# start of").
_SCHEDULED = re.compile(
    r"\b(?:there\s+(?:is|are)|(?:re)?opens?|closes?|starts?|begins?|ends?|runs?|meets?|"
    r"arrives?|leaves?|departs?|returns?|resumes?|plays?|faces?|hosts?|visits?|"
    r"launch(?:es)?|kicks?\s+off|takes?\s+place|goes|debuts?|premieres?|convenes?|expires?)\b",
    re.IGNORECASE,
)
# One pass reads both: a plan's words, or (group "timetable") the present of a timetable
_AHEAD = re.compile(rf"(?:{_FUTURE.pattern})|(?P<timetable>{_SCHEDULED.pattern})", re.IGNORECASE)
_NOT_A_VERB_AFTER = frozenset(
    "the a an its their his her our my your this to of for at no any each every not never "
    "did didn't could can may might should".split()
)
# A marker after the mention that opens a clause of its own joined by "and" / "but"
# ("cut the budget in January and would cut it again") is that clause's verb.
_JOINED = re.compile(r"\s*(?:and|but|or)\s+$", re.IGNORECASE)
_SUBORDINATE = re.compile(r"\b(?:to|that)\b", re.IGNORECASE)
_PLAN_VERBS = frozenset({"expected", "planned", "scheduled", "slated"})
_QUOTE = re.compile(r"[\"“”]")
_CLAUSE = re.compile(r"[,;:()\[\]\"“”—–]|\s-\s")
REPORTING = re.compile(
    r"\b(?:said|says|told|tells|announced|reported|reports|stated|added|declared|confirmed|"
    r"denied|insisted|warned)\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)
# A sentence that opens with its date and goes on to say who said it: "Friday, an FBI
# official said ..." dates the report as "said Friday" does.
_OPENERS = frozenset({"", "on", "late", "early", "late on", "early on"})
_REPORTED_AFTER = re.compile(
    r"\s*,\s+(?:[\w.'’-]+\s+){1,5}?(?:said|says|told|announced|reported|stated|declared|"
    r"confirmed|denied)\b",
    re.IGNORECASE,
)
NEAR = 40  # characters: a tense marker further from the mention says nothing about it
WIDE = 140  # characters: how far an opening phrase borrows the tense of its statement
WHOLE = 400  # characters: a sentence up to this long is a mention's context as it is
AROUND = 150  # characters either side of a mention in a longer one (more than NEAR, reported)
_ELLIPSIS = "…"


def sentences(text: str, paragraphs: list[int]) -> list[tuple[int, int]]:
    """[start, end) of each sentence, in order; a paragraph break also ends one."""
    cuts = set(paragraphs[1:])
    for m in _END.finditer(text):
        if m.group()[0] == ".":
            before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
            word = before.group(1).lower() if before else ""
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        cuts.add(m.end())
    spans = []
    start = 0
    for cut in [*sorted(cuts), len(text)]:
        a, b = start, cut
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
        start = cut
    return spans


def paragraph_starts(text: str) -> list[int]:
    """Where paragraphs begin: at blank lines, or at every line where there are none."""
    breaks = r"\n[ \t]*\n\s*" if re.search(r"\n[ \t]*\n", text) else r"\n\s*"
    return [0] + [m.end() for m in re.finditer(breaks, text)]


def index_of(starts: list[int], offset: int) -> int:
    """The index of the span (by sorted starts) that holds ``offset``."""
    return max(0, bisect_right(starts, offset) - 1)


def excerpt(text: str, first: int, last: int, start: int, end: int) -> tuple[str, int]:
    """The context of the mention ``text[start:end]`` in the sentence ``text[first:last]``.

    The sentence itself when it is short; otherwise :data:`AROUND` characters
    either side of the mention, cut after a space and marked with ``…``. Returns
    the excerpt and the offset in ``text`` its first character stands for, so
    that ``start - offset`` is the mention's place in it. Bounded, so that text
    without sentence breaks costs each mention the same, not the whole text again.
    """
    if last - first <= WHOLE:
        return text[first:last], first
    a, b = max(first, start - AROUND), min(last, end + AROUND)
    if a > first:
        space = text.find(" ", a, max(a, start - NEAR - 1))
        a = space + 1 if space >= 0 else a
    if b < last:
        space = text.rfind(" ", min(b, end + NEAR + 1), b)
        b = space if space >= 0 else b
    head = _ELLIPSIS if a > first else ""
    tail = _ELLIPSIS if b < last else ""
    return head + text[a:b] + tail, a - len(head)


def tense(sentence: str, start: int, end: int) -> str | None:
    """The tense of the statement that holds ``sentence[start:end]``, or None.

    ``will meet on Friday``, ``is scheduled to close Monday``, ``said it would deploy
    over the summer``: future; ``stepped down in March``: past. The nearest marker in
    the mention's own clause and within a few words decides. A clause with none
    (``In February, the company reported ...``, ``..., in March.``) is a phrase of the
    statement around it: an opening phrase takes the tense of the statement it
    opens, the nearest marker after it within :data:`WIDE` characters, short of a
    quotation mark (a quotation has its own speaker and time).
    """
    # only the NEAR characters either side are read, however long the sentence
    low = max(0, start - NEAR - 3)  # a clause mark (at most 3 characters) ending in reach
    left = max((m.end() for m in _CLAUSE.finditer(sentence, low, start)), default=0)
    ahead = _CLAUSE.finditer(sentence, end, end + NEAR + 3)
    right = next((m.start() for m in ahead), len(sentence))
    found = _nearest(sentence, max(left, start - NEAR), min(right, end + NEAR), start, end)
    if found is not None:
        return found
    # nothing near: the verb of the mention's own clause, further back ("will stand in
    # front of a full classroom on Tuesday"), within WIDE characters
    low = max(0, start - WIDE - 3)
    far = max((m.end() for m in _CLAUSE.finditer(sentence, low, start)), default=0)
    if far < start - NEAR:
        found = _nearest(sentence, max(far, start - WIDE), start, start, end, True)
        if found is not None:
            return found
    if right >= len(sentence) or start > WIDE or far > 0:
        return None
    return _opening(sentence, right, start, end)


def _opening(sentence: str, right: int, start: int, end: int) -> str | None:
    # an opening phrase ("In February, the company reported ...") takes the tense of the
    # statement it opens: the nearest marker after it, up to a quotation mark
    limit = end + WIDE
    if limit < len(sentence):  # whole words only, as an excerpt of the sentence has them
        limit = max(right, sentence.rfind(" ", right, limit))
    ahead = _QUOTE.finditer(sentence, right + 1, limit)
    stop = next((m.start() for m in ahead), min(len(sentence), limit))
    return _nearest(sentence, right, stop, start, end)


def _a_verb(sentence: str, at: int) -> bool:
    """Whether the timetable word at ``at`` is a verb: not "the start of", "to open"."""
    before = sentence[max(0, at - 12) : at].split()
    return not before or before[-1].lower() not in _NOT_A_VERB_AFTER


def _governs(sentence: str, marker: re.Match[str], start: int) -> bool:
    """Whether ``marker`` is the verb of a date at ``start`` further on in its clause.

    Not across a ``to`` or ``that`` ("subpoenaed him to testify on Feb. 10"), except
    the one ``to`` of a plan: "expected lending to start growing in the second half".
    """
    between = [w.group().lower() for w in _SUBORDINATE.finditer(sentence, marker.end(), start)]
    if not between:
        return True
    return marker.group().lower() in _PLAN_VERBS and between == ["to"]


def _nearest(
    sentence: str, left: int, right: int, start: int, end: int, governs: bool = False
) -> str | None:
    """The kind of the tense marker in ``sentence[left:right]`` nearest to the mention.

    With ``governs``, a marker counts only if no ``to`` or ``that`` stands between
    it and the mention: "subpoenaed him to testify on Feb. 10" says nothing of when
    the testimony is.
    """
    best: tuple[int, str] | None = None
    joined: str | None = None
    for kind, pattern in (("future", _AHEAD), ("past", _PAST)):
        for m in pattern.finditer(sentence, left, right):
            if start <= m.start() < end:
                continue  # the mention's own words ("last Friday") are not its verb
            if kind == "future" and m.group("timetable") and not _a_verb(sentence, m.start()):
                continue
            if kind == "past" and _PRESENT_AUXILIARY.search(
                sentence, max(0, m.start() - 24), m.start()
            ):
                continue  # "is heard", "will have left": a participle, not the past
            if governs and not _governs(sentence, m, start):
                continue
            if m.start() >= end and _JOINED.match(sentence, end, m.start()):
                joined = joined or kind  # "in January and would cut it again": the
                continue  # next clause's verb, read only where the mention's has none
            distance = start - m.end() if m.end() <= start else m.start() - end
            if best is None or distance < best[0]:
                best = (distance, kind)
    return best[1] if best else joined


def reported(sentence: str, start: int, end: int | None = None) -> bool:
    """``said Monday``, ``On Friday, police said``: a date of the report, not of its events."""
    if REPORTING.search(sentence, max(0, start - 30), start):
        return True
    if end is None or start > 12 or sentence[:start].strip().lower() not in _OPENERS:
        return False
    return bool(_REPORTED_AFTER.match(sentence, end, end + 80))
