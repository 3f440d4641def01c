"""The tokenizer: one match per token, whitespace between them belongs to none."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from chrono.parsing.lexer import tokenize

_PIECES = st.sampled_from(
    ["May", "12", "12th", "1990s", "'90s", "’90s", "2024-05-12", "2024-W05", "@ev1", "’s", "'s",
     ".", ",", "-", "–", "/", "€", " ", "  ", "\n", "\t", "\u00a0", "İ", "x"]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=12).map("".join))
@example("  a  ")
@example("May 12,  2025 \n")
def test_tokens_cover_every_character_but_whitespace(text: str) -> None:
    at = 0
    for tok in tokenize(text):
        assert at <= tok.start < tok.end <= len(text)
        assert text[at : tok.start].strip() == ""  # only whitespace between tokens
        assert not text[tok.start].isspace()
        at = tok.end
    assert text[at:].strip() == ""


def test_token_values_are_normalised() -> None:
    kinds_values = [(t.kind, t.value) for t in tokenize("  Sept. 12th – ’90s Friday’s  ")]
    assert kinds_values == [
        ("word", "sept"),
        ("punct", "."),
        ("ordinal", "12th"),
        ("punct", "-"),
        ("decade", "'90s"),
        ("word", "friday"),
        ("poss", "'s"),
    ]
