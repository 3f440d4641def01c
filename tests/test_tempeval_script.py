"""benchmarks/tempeval.py reads TimeML and scores mentions as it says, whatever the extractor finds.

The mentions here are made by hand, so these tests hold however good or bad the
extractor is; they guard the yardstick, not what it measures.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import chrono.extract
from benchmarks.tempeval import (
    DATA_VARIABLE,
    Document,
    Score,
    Timex,
    best_mention,
    combine,
    context,
    creation_day,
    main,
    overlap,
    parse_timeml,
    score_document,
    value_window,
)
from chrono import Day, parse
from chrono.extract.mention import Mention

TIMEML = """<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<DOCID>TEST0001</DOCID>
<DCT><TIMEX3 tid="t0" type="TIME" value="1998-08-07T09:42" functionInDocument="CREATION_TIME">\
1998-08-07 09:42</TIMEX3></DCT>
<EXTRAINFO>TEST0001 &amp;UR; 08/06/1998 <HEADER>1997</HEADER></EXTRAINFO>
<TEXT>
AT&amp;T <EVENT eid="e1" class="REPORTING">said</EVENT> <TIMEX3 tid="t1" type="DATE" \
value="1998-08-07">Friday</TIMEX3> that profits &lt;rose&gt; <SIGNAL sid="s1">in</SIGNAL> \
<TIMEX3 tid="t2" type="DATE" value="1998-Q2">the <EVENT eid="e2" class="STATE">second</EVENT> \
quarter</TIMEX3>.

It <EVENT eid="e3" class="STATE">lasted</EVENT> <TIMEX3 tid="t3" type="DURATION" value="P3Y">\
three years</TIMEX3>, from <TIMEX3 tid="t4" type="DATE" value="1995">1995</TIMEX3> to \
<TIMEX3 tid="t5" type="DATE" value="1998-08" mod="END">August</TIMEX3>, and it is over \
<TIMEX3 tid="t6" type="DATE" value="PRESENT_REF">now</TIMEX3>; Smith &amp; Sons wrote in \
<TIMEX3 tid="t7" type="DATE" value="1997-SU">the summer of 1997</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST"/>
</TimeML>
"""

PLAIN = (
    "\nAT&T said Friday that profits <rose> in the second quarter.\n\n"
    "It lasted three years, from 1995 to August, and it is over now; "
    "Smith & Sons wrote in the summer of 1997.\n"
)


@pytest.fixture
def document() -> Document:
    return parse_timeml(TIMEML)


def test_strips_tags_and_decodes_entities(document: Document) -> None:
    assert document.doc_id == "TEST0001"
    assert document.text == PLAIN


def test_timex_spans_point_at_their_text(document: Document) -> None:
    found = [(t.tid, t.type, t.value, t.text) for t in document.timexes]
    assert found == [
        ("t1", "DATE", "1998-08-07", "Friday"),
        ("t2", "DATE", "1998-Q2", "the second quarter"),
        ("t3", "DURATION", "P3Y", "three years"),
        ("t4", "DATE", "1995", "1995"),
        ("t5", "DATE", "1998-08", "August"),
        ("t6", "DATE", "PRESENT_REF", "now"),
        ("t7", "DATE", "1997-SU", "the summer of 1997"),
    ]
    for timex in document.timexes:
        assert document.text[timex.start : timex.end] == timex.text
    assert document.timexes[4].mod == "END"


def test_creation_date_is_the_reference_even_with_a_clock_time(document: Document) -> None:
    assert document.reference == Day.from_ymd(1998, 8, 7)
    assert creation_day("1999-03-12") == Day.from_ymd(1999, 3, 12)
    assert creation_day("PRESENT_REF") is None


def test_a_document_without_a_creation_date_is_refused() -> None:
    with pytest.raises(ValueError, match="DCT"):
        parse_timeml("<TimeML><TEXT>nothing</TEXT></TimeML>", "X")


def _day(iso: str) -> Day:
    year, month, day = (int(part) for part in iso.split("-"))
    return Day.from_ymd(year, month, day)


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("1998-08-07", "1998-08-07", "1998-08-07"),
        ("1998-02", "1998-02-01", "1998-02-28"),
        ("2000-02", "2000-02-01", "2000-02-29"),
        ("1998", "1998-01-01", "1998-12-31"),
        ("1998-Q1", "1998-01-01", "1998-03-31"),
        ("1998-Q2", "1998-04-01", "1998-06-30"),
        ("1998-Q3", "1998-07-01", "1998-09-30"),
        ("1998-Q4", "1998-10-01", "1998-12-31"),
        ("1998-H1", "1998-01-01", "1998-06-30"),
        ("1998-H2", "1998-07-01", "1998-12-31"),
        ("1998-SP", "1998-03-01", "1998-05-31"),
        ("1998-SU", "1998-06-01", "1998-08-31"),
        ("1998-FA", "1998-09-01", "1998-11-30"),
        ("1998-WI", "1998-12-01", "1999-02-28"),
        ("1999-WI", "1999-12-01", "2000-02-29"),
        ("1998-W32", "1998-08-03", "1998-08-09"),
        ("1998-W01", "1997-12-29", "1998-01-04"),
        ("2000-W7", "2000-02-14", "2000-02-20"),  # the corpus drops the leading zero
        ("1998-W53", "1998-12-28", "1999-01-03"),
        ("199", "1990-01-01", "1999-12-31"),
        ("19", "1900-01-01", "1999-12-31"),
    ],
)
def test_concrete_values_name_their_window(value: str, first: str, last: str) -> None:
    assert value_window(value) == (_day(first), _day(last))


@pytest.mark.parametrize(
    "value",
    [
        "PRESENT_REF",
        "PAST_REF",
        "FUTURE_REF",
        "1998-XX",
        "1998-12-XX",
        "199X",
        "19XX",
        "1998-08-07TEV",
        "2000-04-04T09:00",
        "P1W",
        "1998-13",
        "1998-02-30",
        "1999-W53",
        "1998-W00",
        "",
    ],
)
def test_other_values_are_not_concrete(value: str) -> None:
    assert value_window(value) is None


def _mention(
    document: Document, phrase: str, interval: str | None, part_of: int | None = None
) -> Mention:
    """A hand-made mention of the first ``phrase`` in the text, read as ``interval``."""
    start = document.text.index(phrase)
    meaning = parse(interval, reference=document.reference) if interval else None
    return Mention(
        text=phrase,
        start=start,
        end=start + len(phrase),
        sentence="",
        interval=meaning,
        error=None if meaning else "made up",
        part_of=part_of,
    )


@pytest.fixture
def mentions(document: Document) -> list[Mention]:
    return [
        _mention(document, "Friday", "1998-08-07"),  # right
        _mention(document, "second quarter", "Q3 1998"),  # right place, wrong window
        _mention(document, "three years", None),  # on a DURATION only: counts neither way
        _mention(document, "from 1995 to August", "from 1995 to August 1998"),
        _mention(document, "1995", "1995", part_of=3),  # range ends judge their timexes
        _mention(document, "August", "1998-08", part_of=3),
        _mention(document, "Smith", None),  # false positive
        _mention(document, "now", None),  # found; its value is not concrete
    ]  # "the summer of 1997" is missed


def test_scores_spans_by_overlap(document: Document, mentions: list[Mention]) -> None:
    score = score_document(document, mentions)
    assert (score.dates, score.recalled) == (6, 5)
    assert (score.mentions, score.top_level, score.hits, score.other_type) == (8, 6, 4, 1)
    assert score.precision == pytest.approx(4 / 5)
    assert score.recall == pytest.approx(5 / 6)
    assert score.f1 == pytest.approx(2 * 0.8 * (5 / 6) / (0.8 + 5 / 6))
    assert [m.text for m in score.missed] == ["the summer of 1997"]
    assert score.missed[0].detail == "1997-SU"
    assert [m.text for m in score.false_positives] == ["Smith"]
    assert score.false_positives[0].context.startswith("...")
    assert "[Smith]" in score.false_positives[0].context
    assert score.bad_offsets == 0


def test_counts_values_of_concrete_recalled_dates(
    document: Document, mentions: list[Mention]
) -> None:
    score = score_document(document, mentions)
    assert score.not_concrete == 1
    assert (score.value_correct, score.value_checked) == (3, 4)
    assert score.value_accuracy == pytest.approx(0.75)
    [mismatch] = score.mismatches
    assert mismatch.text == "the second quarter"
    assert "1998-04-01 .. 1998-06-30" in mismatch.detail
    assert "1998-07-01 .. 1998-09-30" in mismatch.detail


def test_an_unresolved_mention_on_a_concrete_date_is_a_mismatch(document: Document) -> None:
    score = score_document(document, [_mention(document, "Friday", None)])
    assert (score.value_correct, score.value_checked) == (0, 1)
    assert "error: made up" in score.mismatches[0].detail


def test_bad_offsets_are_counted(document: Document) -> None:
    wrong = Mention(text="Friday", start=0, end=6, sentence="")
    assert score_document(document, [wrong]).bad_offsets == 1


def test_best_mention_prefers_overlap_then_shortness() -> None:
    timex = Timex("t1", "DATE", "1998", "in 1998", 10, 17)
    wide = Mention(text="x" * 12, start=8, end=20, sentence="")
    tight = Mention(text="in 1998", start=10, end=17, sentence="")
    grazing = Mention(text="ab", start=16, end=18, sentence="")
    apart = Mention(text="ab", start=17, end=19, sentence="")
    assert best_mention(timex, [wide, grazing, tight]) is tight
    assert best_mention(timex, [grazing, wide]) is wide
    assert best_mention(timex, [apart]) is None
    assert overlap(0, 5, 5, 9) == 0
    assert overlap(0, 6, 5, 9) == 1


def test_context_keeps_the_text_as_it_is_but_on_one_line() -> None:
    text = "one\n\ntwo's  three four"
    assert context(text, 5, 8, width=5) == "...one [two]'s t..."


def test_combine_sums_documents(document: Document, mentions: list[Mention]) -> None:
    one = score_document(document, mentions)
    one.seconds = 0.5
    total = combine([one, score_document(document, mentions), Score()])
    assert (total.documents, total.dates, total.recalled, total.seconds) == (2, 12, 10, 0.5)
    assert total.precision == one.precision
    assert len(total.missed) == 2


def test_json_summary_from_the_command_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    document: Document,
    mentions: list[Mention],
) -> None:
    def fake_extract(text: str, reference: Any = None) -> SimpleNamespace:
        assert text == document.text and reference == document.reference
        return SimpleNamespace(mentions=tuple(mentions))

    monkeypatch.setattr(chrono.extract, "extract", fake_extract)
    for name in ("A.tml", "B.tml"):
        (tmp_path / name).write_text(TIMEML, encoding="utf-8")
    assert main(["--data", str(tmp_path), "--json", "--docs", "1"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["documents"] == 1
    assert summary["date_timexes"] == 6
    assert summary["precision"] == 0.8
    assert (summary["value_correct"], summary["value_checked"]) == (3, 4)
    assert summary["characters"] == len(PLAIN)


def test_text_report_lists_misses(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def crash(text: str, reference: Any = None) -> SimpleNamespace:
        raise RuntimeError("boom")

    monkeypatch.setattr(chrono.extract, "extract", crash)
    (tmp_path / "A.tml").write_text(TIMEML, encoding="utf-8")
    assert main(["--data", str(tmp_path), "--misses", "2"]) == 0
    out = capsys.readouterr().out
    assert "crashed documents (1)" in out and "RuntimeError: boom" in out
    assert "missed DATE timexes (6, showing 2; --all for all)" in out
    assert "recall               0.000 (0/6)" in out


def test_the_corpus_folder_comes_from_the_environment(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(
        chrono.extract, "extract", lambda text, reference=None: SimpleNamespace(mentions=())
    )
    (tmp_path / "A.tml").write_text(TIMEML, encoding="utf-8")
    monkeypatch.setenv(DATA_VARIABLE, str(tmp_path))
    assert main(["--json"]) == 0
    assert json.loads(capsys.readouterr().out)["documents"] == 1


def test_without_a_corpus_the_script_says_how_to_give_one(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(DATA_VARIABLE, raising=False)
    with pytest.raises(SystemExit) as stop:
        main([])
    assert stop.value.code == 2
    assert "--data DIR" in capsys.readouterr().err


CORPUS = os.environ.get(DATA_VARIABLE, "")


@pytest.mark.skipif(
    not CORPUS,
    reason=f"the TempEval-3 corpus is not in the repository: set {DATA_VARIABLE}=/path/to/"
    "a folder of TimeML *.tml files to score the extractor on it",
)
def test_the_extractor_on_the_corpus_keeps_its_figures(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The README's figures (73 AQUAINT documents) less a margin: a regression fails here.
    assert main(["--data", CORPUS, "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["bad_offsets"] == 0 and summary["crashed_documents"] == 0
    assert summary["f1"] >= 0.92
    assert summary["value_accuracy"] >= 0.84
