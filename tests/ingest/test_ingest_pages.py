"""HTML pages and plain-text files."""

from __future__ import annotations

from ingest_samples import PAGE

from warlog.ingest import html_to_text, read_html, read_txt


def test_pages_html_main_text_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (item,) = read_html(path)
    assert "killing two drivers" in item.text
    assert "Northern Hills Brigade" in item.text
    assert "Home" not in item.text and "Copyright" not in item.text
    assert item.title == "Convoy ambushed near Velmora"
    assert item.outlet == "The Harbour Courier"
    assert item.published == "2024-02-06"
    assert item.published_from == "page"
    assert item.url == "https://courier.example/news/convoy-ambushed"


def test_pages_html_fetched_url_wins_over_canonical(tmp_path):
    (item,) = read_html(PAGE.encode(), origin="mem", url="https://mirror.example/x")
    assert (item.origin, item.url) == ("mem", "https://mirror.example/x")


def test_pages_html_without_main_text_falls_back_to_visible_text():
    html = "<html><head><title>Short note</title></head><body><p>Shots heard in Talsk.</p></body></html>"
    (item,) = read_html(html.encode(), origin="mem")
    assert item.text == "Shots heard in Talsk."
    assert item.title == "Short note"


def test_pages_html_to_text_keeps_blocks_as_lines():
    fragment = "<p>Shells hit the <b>central market</b>.</p><script>x()</script><ul><li>two dead</li></ul>"
    assert html_to_text(fragment) == "Shells hit the central market.\ntwo dead"
    assert html_to_text("   ") == ""


def test_pages_txt_whole_file_is_text_first_line_is_title(tmp_path):
    content = "\n  Militia enters Orvin  \n\nThe militia entered Orvin at dawn.\r\nNo shots were fired.\n"
    path = tmp_path / "a.txt"
    path.write_bytes(content.encode("utf-8"))
    (item,) = read_txt(path)
    assert item.text == content
    assert item.title == "Militia enters Orvin"
    assert item.text.index("Militia") == 3


def test_pages_txt_single_line_has_no_title(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Only one line about a clash in Kessa.", encoding="utf-8")
    (item,) = read_txt(path)
    assert item.title is None


def test_pages_txt_binary_is_w103(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)))
    (problem,) = read_txt(path)
    assert problem.code == "W103"
