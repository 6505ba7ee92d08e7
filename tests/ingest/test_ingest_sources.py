"""read_inputs: files by extension, directories, gzip, standard input and bad inputs."""

from __future__ import annotations

import gzip
import io
import json
import sys

from ingest_samples import PAGE, rss

from warlog.ingest import CsvColumns, read_inputs
from warlog.types import IngestProblem, RawArticle

REPORT = "Artillery fire hit the outskirts of the fictional city of Brannoch overnight, residents said."


def jsonl(*records: dict) -> str:
    return "".join(json.dumps(record) + "\n" for record in records)


def test_sources_directory_is_walked_recursively_in_order(tmp_path, settings):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.jsonl").write_text(jsonl({"id": "a", "text": REPORT}), encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text("Title\n" + REPORT, encoding="utf-8")
    (tmp_path / "b" / "deep" / "d.json").write_text(
        json.dumps([{"id": "d", "text": REPORT}]), encoding="utf-8"
    )
    (tmp_path / "b" / ".secret.jsonl").write_text(jsonl({"id": "hidden", "text": REPORT}), encoding="utf-8")
    (tmp_path / ".hidden" / "e.jsonl").write_text(jsonl({"id": "hidden", "text": REPORT}), encoding="utf-8")
    (tmp_path / "b" / "page.html").write_text(PAGE, encoding="utf-8")
    items = list(read_inputs([str(tmp_path)], settings=settings))
    assert all(isinstance(item, RawArticle) for item in items)
    assert [item.origin.removeprefix(str(tmp_path)) for item in items] == [
        "/a.jsonl",
        "/b/c.txt",
        "/b/deep/d.json",
        "/b/page.html",
    ]


def test_sources_gzip_uses_the_inner_extension(tmp_path, settings):
    (tmp_path / "in.jsonl.gz").write_bytes(gzip.compress(jsonl({"id": "g1", "text": REPORT}).encode()))
    (tmp_path / "in.csv.gz").write_bytes(gzip.compress(f'id,text\ng2,"{REPORT}"\n'.encode()))
    (tmp_path / "in.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    items = list(read_inputs([str(tmp_path)], settings=settings))
    assert [item.id for item in items] == ["g2", None, "g1"]
    assert items[1].title == "Convoy ambushed near Velmora"


def test_sources_csv_columns_are_passed_on(tmp_path, settings):
    path = tmp_path / "in.csv"
    path.write_text(f'body,note\n"{REPORT}",hello\n', encoding="utf-8")
    (item,) = read_inputs([str(path)], settings=settings, csv_columns=CsvColumns(text="note"))
    assert item.text == "hello"


def test_sources_feed_and_xml_files(tmp_path, settings):
    (tmp_path / "wire.xml").write_text(rss("https://wire.example"), encoding="utf-8")
    (tmp_path / "other.xml").write_text("<?xml version='1.0'?><inventory/>", encoding="utf-8")
    other, first, second = read_inputs([str(tmp_path)], settings=settings)
    assert (other.code, first.title, second.line) == ("W107", "Market shelled in Talsk", 2)


def test_sources_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path, settings):
    (tmp_path / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    (tmp_path / "c.jsonl").write_text(jsonl({"id": "c", "text": REPORT}), encoding="utf-8")
    (tmp_path / "d.gz").write_bytes(b"\x1f\x8b not really gzip")
    (tmp_path / "notes").write_text("A note without an extension, read as text.", encoding="utf-8")
    paths = [str(tmp_path), str(tmp_path / "missing.jsonl")]
    items = list(read_inputs(paths, settings=settings))
    codes = [item.code if isinstance(item, IngestProblem) else item.id for item in items]
    assert codes == ["W107", "W103", "c", "W108", None, "W108"]
    assert items[4].text == "A note without an extension, read as text."
    assert "not text" in items[0].reason


def test_sources_stdin_json_lines(monkeypatch, settings):
    monkeypatch.setattr(
        sys, "stdin", io.StringIO(jsonl({"id": "s1", "text": REPORT}, {"id": "s2", "text": "x"}))
    )
    items = list(read_inputs(["-"], settings=settings))
    assert [(item.origin, item.line, item.id) for item in items] == [
        ("<stdin>", 1, "s1"),
        ("<stdin>", 2, "s2"),
    ]


def test_sources_stdin_json_array_bytes(monkeypatch, settings):
    data = json.dumps([{"id": "s1", "text": REPORT}]).encode("utf-16")

    class Stdin:
        buffer = io.BytesIO(data)

    monkeypatch.setattr(sys, "stdin", Stdin())
    (item,) = read_inputs(["-"], settings=settings)
    assert (item.id, item.text) == ("s1", REPORT)


def test_sources_stdin_plain_text_and_html(monkeypatch, settings):
    monkeypatch.setattr(sys, "stdin", io.StringIO("Shelling in Brannoch\n" + REPORT))
    (item,) = read_inputs(["-"], settings=settings)
    assert (item.title, item.text) == ("Shelling in Brannoch", "Shelling in Brannoch\n" + REPORT)
    monkeypatch.setattr(sys, "stdin", io.StringIO(PAGE))
    (item,) = read_inputs(["-"], settings=settings)
    assert item.outlet == "The Harbour Courier"


def test_sources_stdin_pretty_printed_object(monkeypatch, settings):
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps({"id": "p1", "text": REPORT}, indent=2)))
    (item,) = read_inputs(["-"], settings=settings)
    assert (item.id, item.line) == ("p1", 1)


def test_sources_latin1_and_utf16_files_are_decoded(tmp_path, settings):
    french = "Tirs à Brannoch\nLes habitants ont signalé des tirs près du marché, à l'aube."
    german = "Angriff in Brannoch\nDie Brücke wurde zerstört; größere Schäden gab es nicht."
    (tmp_path / "fr.txt").write_bytes(french.encode("latin-1"))
    (tmp_path / "de.txt").write_bytes(german.encode("utf-16"))
    de, fr = read_inputs([str(tmp_path)], settings=settings)
    assert (de.text, de.title) == (german, "Angriff in Brannoch")
    assert (fr.text, fr.title) == (french, "Tirs à Brannoch")
