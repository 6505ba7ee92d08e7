"""Decoding: encodings guessed, binary data rejected, gzip opened transparently."""

from __future__ import annotations

import gzip

import pytest

from warlog.errors import IngestError
from warlog.ingest.decode import decode_bytes, load_text

FRENCH = "Le dépôt de carburant a brûlé toute la nuit à Kessa ; les pompiers sont arrivés à l'aube."
GERMAN = "Die Brücke bei Orvin wurde am Dienstag gesprengt. Größere Schäden an Häusern gab es nicht."


@pytest.mark.parametrize("text", [FRENCH, GERMAN])
def test_decode_latin1_text(text):
    assert decode_bytes(text.encode("latin-1")) == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig"])
def test_decode_utf16_and_boms(encoding):
    assert decode_bytes(FRENCH.encode(encoding)) == FRENCH


def test_decode_cyrillic_cp1251():
    text = "Бойовики обстріляли село вночі, повідомили мешканці. Загинули троє людей."
    assert decode_bytes(text.encode("cp1251")) == text


def test_decode_http_charset_hint_is_tried_first():
    text = "Orvin: ça continue."
    assert decode_bytes(text.encode("iso-8859-15"), hint="iso-8859-15") == text


def test_decode_binary_is_w103():
    with pytest.raises(IngestError) as caught:
        decode_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert caught.value.code == "W103"


def test_decode_gzip_is_opened_whatever_its_name(tmp_path):
    path = tmp_path / "report.dat"
    path.write_bytes(gzip.compress(FRENCH.encode("utf-8")))
    assert load_text(path) == FRENCH


def test_decode_size_cap_and_missing_file(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("x" * 100, encoding="utf-8")
    with pytest.raises(IngestError) as caught:
        load_text(path, max_bytes=50)
    assert caught.value.code == "W108"
    with pytest.raises(IngestError) as caught:
        load_text(tmp_path / "nowhere.txt")
    assert caught.value.code == "W108"


def test_decode_control_bytes_without_nul_are_binary():
    with pytest.raises(IngestError) as caught:
        decode_bytes(bytes([0x81, 0x02, 0x8D, 0x03, 0x90, 0x04, 0x9D, 0x05]) * 50)
    assert caught.value.code == "W103"


def test_decode_truncated_gzip_is_w108(tmp_path):
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(gzip.compress(FRENCH.encode() * 50)[:60])
    with pytest.raises(IngestError) as caught:
        load_text(path)
    assert caught.value.code == "W108"
