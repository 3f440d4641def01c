"""Did-you-mean: close names are offered, far ones are not, and the work stays bounded."""

from __future__ import annotations

from chrono.suggest import Guesser, close_match


def test_a_slip_of_the_keyboard_finds_the_name() -> None:
    assert close_match("landnig", ["launch", "landing", "lunch"]) == "landing"
    assert close_match("ecowas-embrago", ["ecowas-embargo", "coup-2020"]) == "ecowas-embargo"


def test_a_different_word_is_not_a_guess() -> None:
    assert close_match("treaty", ["landing", "coup-2020"]) is None


def test_the_hint_is_worded_for_a_message() -> None:
    guess = Guesser({"landing": 0, "launch": 1})
    assert guess.hint("landnig", "@") == "; did you mean @landing?"
    assert guess.hint("landnig") == "; did you mean 'landing'?"
    assert guess.hint("zzz") == ""


def test_guessing_stops_once_its_budget_is_spent() -> None:
    guess = Guesser(["landing", "launch"], budget=5)
    assert guess("landnig") == "landing"  # 2 names compared, 3 left
    assert guess("landnig") == "landing"  # 1 left
    assert guess("landnig") is None  # not enough left for both names


def test_a_collection_larger_than_the_budget_gets_no_guess() -> None:
    assert Guesser([f"event-{i}" for i in range(10)], budget=9)("event-1") is None
