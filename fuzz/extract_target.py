"""Coverage-guided fuzzing of extraction: extract, the drafts, never a crash.

    python fuzz/extract_target.py -max_total_time=60

An input is bytes, decoded as UTF-8 with errors replaced (``chrono extract``
refuses undecodable input before extraction; what reaches it is text). The
last byte picks the reference date (none, or one of ``REFERENCES``).
``chrono.extract.extract`` must return its mentions, each span indexing the
text, with a context of bounded length; the YAML and JSON drafts must be made
and the YAML drafts must load with ``chrono.events``. Any other exception is a
crash, and libFuzzer saves the input under ``fuzz/artifacts/``.
"""

from __future__ import annotations

import atheris  # type: ignore[import-untyped,import-not-found,unused-ignore]
from runner import run

with atheris.instrument_imports():
    import chrono
    import chrono.extract
    import chrono.extract.draft
    import chrono.extract.finder
    import chrono.extract.text
    from chrono.events.files import load_text
    from chrono.extract import extract
    from chrono.extract.draft import as_json, as_yaml
    from chrono.extract.text import AROUND, WHOLE

REFERENCES = (None, "2025-07-15", "2000-02-29", "1969-07-20")


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    reference = REFERENCES[fdp.ConsumeIntInRange(0, len(REFERENCES) - 1)]  # the last byte
    text = fdp.ConsumeBytes(fdp.remaining_bytes()).decode("utf-8", errors="replace")
    try:
        extraction = extract(text, reference)
    except chrono.ChronoError:
        return
    for m in extraction.mentions:
        assert text[m.start : m.end] == m.text, (m.start, m.end, m.text)
        assert len(m.sentence) <= WHOLE + 2 * AROUND + 2 + len(m.text), len(m.sentence)
    as_json(extraction)
    _events, problems = load_text(as_yaml(extraction, "fuzz.txt"), "drafts.yaml")
    assert all(p.severity == "warning" for p in problems), problems


if __name__ == "__main__":
    run("extract", test_one_input)
