"""Corpus extraction in one process: the parts, the rows, errors as rows, the CLI, the extra."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest

from chrono.corpus import EXCERPT_CHARS, Fields, MissingExtraError, extract_corpus, plan
from chrono.corpus.parquet import read
from chrono.corpus.rows import document_rows, excerpt
from chrono.corpus.source import Document, documents
from chrono.errors import ChronoError
from chrono.extract import extract
from tests.corpus_data import folder, jsonl, records

pytest.importorskip("pyarrow")


def _key(row: dict[str, object]) -> tuple[str, int]:
    index = row["index"]
    return (str(row["document"]), -1 if index is None else int(str(index)))


def test_jsonl_parts_cover_every_line_once_with_their_line_numbers(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "c.jsonl", 57)
    parts = plan(path, part_bytes=500)
    assert len(parts) > 5
    assert parts[0].start == 0 and parts[-1].stop == path.stat().st_size
    assert all(a.stop == b.start for a, b in itertools.pairwise(parts))
    seen = [d.id for p in parts for d in documents(p, Fields(date_field="date"))]
    assert seen == [r["id"] for r in records(57)]
    lines = path.read_text(encoding="utf-8").splitlines()
    for p in parts:  # the first line of each part is the line its byte range starts on
        assert json.loads(lines[p.first_line - 1])["id"] == next(iter(documents(p, Fields()))).id


def test_folder_parts_hold_every_file_once_in_name_order(tmp_path: Path) -> None:
    root = folder(tmp_path / "news", 30)
    (root / ".hidden.txt").write_text("May 2020", encoding="utf-8")
    (root / "sub").mkdir()
    (root / "sub" / "a.txt").write_text("In May 2020 it rained.", encoding="utf-8")
    parts = plan(root, part_bytes=1_000)
    assert len(parts) > 3
    ids = [d.id for p in parts for d in documents(p, Fields())]
    assert ids == sorted([f"doc{i:05d}.txt" for i in range(30)] + ["sub/a.txt"])


def test_rows_are_the_extractor_mentions_with_their_windows() -> None:
    text = "In May 2020, prices rose. From March 3 to June 9, 2021, the museum closed."
    rows = document_rows(Document("d", text, "2025-07-15"))
    mentions = extract(text, "2025-07-15").mentions
    assert [(r["start"], r["end"], r["text"]) for r in rows] == [
        (m.start, m.end, m.text) for m in mentions
    ]
    for r in rows:
        assert text[r["start"] : r["end"]] == r["text"]
    first = rows[0]
    assert (first["earliest"], first["latest"]) == ("2020-05-01", "2020-05-31")
    assert first["reference"] == "2025-07-15" and first["error"] is None
    span = next(r for r in rows if r["text"].startswith("From March 3 to"))
    assert (span["start_earliest"], span["end_latest"]) == ("2021-03-03", "2021-06-09")
    ends = [r for r in rows if r["part_of"] == span["index"]]
    assert [r["text"] for r in ends] == ["March 3", "June 9, 2021"]
    assert first["excerpt"] == "In May 2020, prices rose."


def test_an_unresolved_mention_is_a_row_with_its_error() -> None:
    rows = document_rows(Document("d", "They met on Friday.", None))
    assert len(rows) == 1 and rows[0]["text"] == "Friday"
    assert rows[0]["earliest"] is None and rows[0]["error"]


def test_the_excerpt_of_a_long_sentence_is_capped_around_the_mention() -> None:
    text = "word " * 500 + "in May 2020 " + "word " * 500
    start = text.index("May 2020")
    cut = excerpt(text, start, start + 8, text)
    assert len(cut) <= EXCERPT_CHARS + 2 and "May 2020" in cut
    assert cut.startswith("…") and cut.endswith("…")
    assert excerpt("a  short\n sentence", 0, 1, "a  short\n sentence") == "a short sentence"


def test_a_failing_document_is_a_row_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import chrono.corpus.rows as rows_module

    def broken(text: str, reference: object) -> object:
        if "BOOM" in text:
            raise RuntimeError("the extractor broke")
        return extract(text, reference)  # type: ignore[arg-type]

    monkeypatch.setattr(rows_module, "extract", broken)
    root = tmp_path / "c"
    root.mkdir()
    (root / "a.txt").write_text("In May 2020 it rained.", encoding="utf-8")
    (root / "b.txt").write_text("BOOM in 2021", encoding="utf-8")
    (root / "c.txt").write_bytes(b"\xff\xfe in 2022")
    (root / "d.txt").write_text("Since 1990, calm.", encoding="utf-8")
    out = tmp_path / "m.parquet"
    extract_corpus(root, out, engine="local", fields=Fields(reference="2025-07-15"))
    rows = read(out)
    errors = {r["document"]: r["error"] for r in rows if r["start"] is None}
    assert errors == {"b.txt": "the extractor broke", "c.txt": errors["c.txt"]}
    assert "not UTF-8" in errors["c.txt"]
    assert [r["text"] for r in rows if r["document"] in ("a.txt", "d.txt")] == [
        "May 2020",
        "Since 1990",
        "1990",
    ]


def test_bad_json_lines_are_rows_named_by_file_and_line(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "c.jsonl", 12, bad=True)
    out = tmp_path / "m.parquet"
    extract_corpus(path, out, engine="local", fields=Fields(date_field="date"))
    rows = read(out)
    errors = {r["document"]: r["error"] for r in rows if r["start"] is None}
    assert set(errors) == {"c.jsonl:4", "no-text", "bad-date"}
    assert "not a JSON object" in errors["c.jsonl:4"]
    assert "'text'" in errors["no-text"]
    assert "someday" in errors["bad-date"] and "YYYY-MM-DD" in errors["bad-date"]
    good = records(12)[0]
    mine = [r for r in rows if r["document"] == good["id"]]
    assert [r["reference"] for r in mine] == [good["date"]] * len(mine)
    assert [r["text"] for r in mine] == [
        m.text for m in extract(good["text"], good["date"]).mentions
    ]


def test_a_failed_run_leaves_the_previous_file(tmp_path: Path) -> None:
    root = folder(tmp_path / "c", 3)
    out = tmp_path / "m.parquet"
    out.write_bytes(b"previous")
    with pytest.raises(ChronoError, match="YYYY-MM-DD"):
        extract_corpus(root, out, engine="local", fields=Fields(reference="soon"))
    with pytest.raises(ChronoError, match="engine"):
        extract_corpus(root, out, engine="spark")
    assert out.read_bytes() == b"previous"
    assert not list(tmp_path.glob(".m.parquet*"))


def test_without_the_extra_it_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now fails
    with pytest.raises(MissingExtraError, match=r"pip install 'chrono-timeline\[dask\]'"):
        extract_corpus(folder(tmp_path / "c", 2), tmp_path / "m.parquet", engine="local")


def test_the_cluster_engines_name_the_missing_modules_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    out = tmp_path / "m.parquet"
    for engine, scheduler in (("dask", None), ("local", "tcp://127.0.0.1:1")):
        with pytest.raises(MissingExtraError, match=r"distributed: pip install 'chrono-timeline"):
            extract_corpus(folder(tmp_path / "c", 2), out, engine=engine, scheduler=scheduler)
    assert not out.exists()


def test_a_bad_reference_is_one_error_not_a_row_per_document(tmp_path: Path) -> None:
    with pytest.raises(ChronoError, match="YYYY-MM-DD"):
        extract_corpus(
            folder(tmp_path / "c", 2), tmp_path / "m.parquet", fields=Fields(reference="soon")
        )
    assert not (tmp_path / "m.parquet").exists()


def chrono(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chrono", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
    )


def test_cli_extracts_a_corpus_in_one_process(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "c.jsonl", 40)
    result = chrono(
        "extract",
        "c.jsonl",
        "--date-field",
        "date",
        "--engine",
        "local",
        "--out",
        "m.parquet",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    rows = read(tmp_path / "m.parquet")
    assert f"{len(rows)} row(s) written to m.parquet" in result.stderr
    expected = [
        (r["id"], m.start, m.text)
        for r in records(40)
        for m in extract(r["text"], r["date"]).mentions
    ]
    assert [(r["document"], r["start"], r["text"]) for r in rows] == expected
    assert path.exists()


def test_cli_corpus_errors_are_one_line(tmp_path: Path) -> None:
    folder(tmp_path / "c", 2)
    result = chrono("extract", "c", "--engine", "local", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("error: ") and "--out mentions.parquet" in result.stderr
    result = chrono("extract", "c", "--out", "m.csv", cwd=tmp_path)
    assert result.returncode == 1 and "Parquet" in result.stderr
    assert "Traceback" not in result.stderr


# --reference auto: each document's date from its own dateline (extract.md, "Round two")
DATELINED = {
    "a.txt": (
        "GENEVA, Thursday, June 6, 2024 -- The mission will start in December.",
        "2024-06-06",
    ),
    "b.txt": ("June 6, 2019 (AP) - Prices rose in March.", "2019-06-06"),
    "c.txt": ("The ferry ran on Friday, and again in May.", None),  # no dateline: an error row
    "d.txt": (
        "Harbour news\nPORTO VELHO, July 15, 2025 -- The crossing reopened on May 12.",
        "2025-07-15",
    ),
}


def _datelined(root: Path) -> Path:
    root.mkdir()
    for name, (text, _) in DATELINED.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def _check_auto_rows(rows: list[dict[str, object]]) -> None:
    by_doc: dict[str, list[dict[str, object]]] = {}
    for r in rows:
        by_doc.setdefault(str(r["document"]), []).append(r)
    assert sorted(by_doc) == sorted(DATELINED)
    for name, (text, date) in DATELINED.items():
        mine = by_doc[name]
        if date is None:
            (row,) = mine
            assert row["start"] is None and row["reference"] is None
            assert "--reference" in str(row["error"]) and "dateline" in str(row["error"])
            continue
        mentions = extract(text, date).mentions  # the same as with the date given
        assert [(r["start"], r["text"], r["earliest"]) for r in mine] == [
            (m.start, m.text, m.interval and str(m.interval.earliest)) for m in mentions
        ]
        assert {r["reference"] for r in mine} == {date}
    # read against the dateline: "will start in December" of 2024, "in March" of 2019
    december = next(r for r in by_doc["a.txt"] if r["text"] == "December")
    assert december["earliest"] == "2024-12-01"
    march = next(r for r in by_doc["b.txt"] if r["text"] == "March")
    assert march["earliest"] == "2019-03-01"


def test_reference_auto_reads_each_documents_dateline_in_one_process(tmp_path: Path) -> None:
    out = tmp_path / "m.parquet"
    extract_corpus(
        _datelined(tmp_path / "news"), out, engine="local", fields=Fields(reference="auto")
    )
    _check_auto_rows(read(out))


def test_reference_auto_on_a_local_cluster_gives_the_same_file(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    root = _datelined(tmp_path / "news")
    extract_corpus(
        root,
        tmp_path / "local.parquet",
        engine="local",
        fields=Fields(reference="auto"),
        part_bytes=100,
    )
    extract_corpus(
        root,
        tmp_path / "dask.parquet",
        engine="dask",
        workers=2,
        processes=False,
        fields=Fields(reference="auto"),
        part_bytes=100,
    )
    assert (tmp_path / "dask.parquet").read_bytes() == (tmp_path / "local.parquet").read_bytes()
    _check_auto_rows(read(tmp_path / "dask.parquet"))


def test_reference_auto_in_json_lines_where_a_document_has_no_date(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    lines = [
        {"id": "given", "date": "2020-01-15", "text": "June 6, 2024 (AP) - It rained in May."},
        {"id": "dateline", "text": "June 6, 2024 (AP) - It rained in May."},
        {"id": "neither", "text": "It rained in May."},
    ]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    out = tmp_path / "m.parquet"
    extract_corpus(path, out, engine="local", fields=Fields(date_field="date", reference="auto"))
    rows = read(out)
    may = {r["document"]: r["earliest"] for r in rows if r["text"] == "May"}
    # the date field first; the dateline where there is none; else an error row
    assert may == {"given": "2019-05-01", "dateline": "2024-05-01"}
    (neither,) = [r for r in rows if r["document"] == "neither"]
    assert neither["start"] is None and "--reference" in str(neither["error"])


def test_cli_corpus_with_reference_auto(tmp_path: Path) -> None:
    _datelined(tmp_path / "news")
    result = chrono(
        "extract",
        "news",
        "--reference",
        "auto",
        "--engine",
        "local",
        "--out",
        "m.parquet",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    _check_auto_rows(read(tmp_path / "m.parquet"))
