"""Did-you-mean in the grammar: misspelt month and weekday names, pointed at the word."""

from __future__ import annotations

import subprocess
import sys

import pytest

import chrono
from chrono.extract import extract


@pytest.mark.parametrize(
    ("text", "word", "name"),
    [
        ("Jnue 1969", "Jnue", "June"),
        ("18 Mya 1969", "Mya", "May"),
        ("12th of Jnue 2001", "Jnue", "June"),
        ("Septmber 12, 2020", "Septmber", "September"),
        ("Wedensday", "Wedensday", "Wednesday"),
        ("next Fridy", "Fridy", "Friday"),
        ("about Agust 1990", "Agust", "August"),
    ],
)
def test_a_misspelt_name_is_named_where_it_stands(text: str, word: str, name: str) -> None:
    with pytest.raises(chrono.ParseError) as caught:
        chrono.parse(text, "2025-07-15")
    err = caught.value
    assert err.position == text.index(word)
    assert err.expected == f"unknown word {word!r} — did you mean {name}?"


@pytest.mark.parametrize("text", ["18 people", "the elephant", "last yeer 2001", "12 Xqzw 1969"])
def test_no_suggestion_without_a_close_name(text: str) -> None:
    with pytest.raises(chrono.ParseError) as caught:
        chrono.parse(text, "2025-07-15")
    assert "did you mean" not in caught.value.expected


def test_the_command_line_shows_the_suggestion() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "chrono", "parse", "18 Mya 1969"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "did you mean May?" in done.stdout + done.stderr
    assert "position 3" in done.stdout + done.stderr


def test_running_text_is_not_corrected() -> None:
    # extraction reads as far as the grammar goes; a near-name there is simply no date
    mentions = extract("In Jnue 1969 the 18 Mya were seen.", "2025-07-15").mentions
    assert [m.text for m in mentions] == ["1969"]
