"""JSON Lines and JSON readers."""

from __future__ import annotations

import io
import json

from warlog.ingest import read_json, read_jsonl
from warlog.types import IngestProblem, RawArticle

GOOD = {
    "id": "dw-1",
    "title": "Depot burned in Kessa",
    "text": "A fuel depot burned for hours in the fictional port of Kessa after a night attack.",
    "published": "2024-01-09",
    "outlet": "Dorrin Daily Wire",
    "url": "https://wire.example/1",
}


def test_records_jsonl_reads_every_field(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    (item,) = read_jsonl(path)
    assert isinstance(item, RawArticle)
    assert (item.origin, item.line, item.id, item.text) == (str(path), 1, "dw-1", GOOD["text"])
    assert (item.title, item.published, item.outlet, item.url) == (
        GOOD["title"],
        "2024-01-09",
        GOOD["outlet"],
        GOOD["url"],
    )
    assert item.published_from == "input"


def test_records_jsonl_bad_lines_reported_and_reading_goes_on(tmp_path):
    lines = [
        json.dumps(GOOD),
        '{"id": "broken", "text": ',
        "",
        '["not", "an", "object"]',
        json.dumps({"id": "typed", "text": 42}),
        json.dumps({"id": "dw-2", "text": "Second report.", "extra": [1, 2]}),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_jsonl(path))
    assert [(type(item).__name__, item.line) for item in items] == [
        ("RawArticle", 1),
        ("IngestProblem", 2),
        ("IngestProblem", 4),
        ("IngestProblem", 5),
        ("RawArticle", 6),
    ]
    assert [item.code for item in items if isinstance(item, IngestProblem)] == ["W101", "W106", "W110"]
    assert items[3].item_id == "typed"
    assert "text" in items[3].reason
    assert str(items[1]) == f"{path}:2: {items[1].reason} [W101]"


def test_records_jsonl_keeps_crlf_text_exactly(tmp_path):
    text = "Line one.\r\nLine two with caf\u00e9."
    path = tmp_path / "in.jsonl"
    path.write_bytes((json.dumps({"id": "x", "text": text}) + "\r\n").encode("utf-8"))
    (item,) = read_jsonl(path)
    assert item.text == text


def test_records_jsonl_latin1_file_is_decoded(tmp_path):
    path = tmp_path / "in.jsonl"
    line = json.dumps({"id": "fr", "text": "Le dépôt a brûlé à Kessa."}, ensure_ascii=False)
    path.write_bytes(line.encode("latin-1") + b"\n")
    (item,) = read_jsonl(path)
    assert item.text == "Le dépôt a brûlé à Kessa."


def test_records_jsonl_undecodable_line_after_the_sample_is_w104(tmp_path):
    # the encoding is guessed from the first 64 KiB (UTF-8 here); a stray Latin-1 byte later
    # on spoils only its own line
    path = tmp_path / "in.jsonl"
    ok = json.dumps({"text": "Un café détruit à Kessa."}, ensure_ascii=False).encode()
    head = (ok + b"\n") * 3000
    path.write_bytes(head + b'{"id": "bad", "text": "caf\xe9"}\n' + ok + b"\n")
    items = list(read_jsonl(path))
    assert len(items) == 3002
    assert (items[3000].code, items[3000].line) == ("W104", 3001)
    assert items[3001].text == "Un café détruit à Kessa."


def test_records_jsonl_reads_a_text_stream():
    stream = io.StringIO(json.dumps(GOOD) + "\n")
    (item,) = read_jsonl(stream, origin="<test>")
    assert (item.origin, item.id) == ("<test>", "dw-1")


def test_records_json_array_reports_the_line_of_each_record(tmp_path):
    records = [GOOD, "oops", {"id": "dw-3", "text": "Third."}]
    path = tmp_path / "in.json"
    path.write_text(json.dumps(records, indent=2), encoding="utf-8")
    items = list(read_json(path))
    assert [type(item).__name__ for item in items] == ["RawArticle", "IngestProblem", "RawArticle"]
    assert items[0].line == 2
    assert items[1].code == "W106"
    text = path.read_text()
    assert items[2].line == text[: text.index('"dw-3"')].count("\n")


def test_records_json_single_object_and_invalid_document(tmp_path):
    single = tmp_path / "one.json"
    single.write_text(json.dumps(GOOD), encoding="utf-8")
    (item,) = read_json(single)
    assert item.id == "dw-1"
    broken = tmp_path / "broken.json"
    broken.write_text('[\n  {"id": "a", "text": "x"},\n  {"id": \n]', encoding="utf-8")
    (problem,) = read_json(broken)
    assert (problem.code, problem.line) == ("W101", 4)


def test_records_json_lines_under_a_json_name_are_read_as_lines(tmp_path):
    path = tmp_path / "mixed-up.json"
    path.write_text(
        json.dumps(GOOD) + "\n" + json.dumps({"id": "dw-2", "text": "More."}) + "\n", encoding="utf-8"
    )
    assert [(item.id, item.line) for item in read_json(path)] == [("dw-1", 1), ("dw-2", 2)]
