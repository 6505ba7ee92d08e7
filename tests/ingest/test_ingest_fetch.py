"""Fetching from a real local HTTP server: pages, feeds and every way a fetch fails."""

from __future__ import annotations

import httpx
import pytest

from warlog.errors import IngestError
from warlog.ingest import Fetcher, read_inputs, read_urls


def fetch_error(fetcher: Fetcher, url: str) -> IngestError:
    with pytest.raises(IngestError) as caught:
        fetcher.fetch(url)
    return caught.value


def test_fetch_page_with_user_agent_and_redirect(server, fast_settings):
    with Fetcher(settings=fast_settings) as fetcher:
        page = fetcher.fetch(server.base + "/moved")
    assert page.final_url == server.base + "/page.html"
    assert (page.content_type, page.charset) == ("text/html", "utf-8")
    assert b"Velmora" in page.content
    assert server.agents[-1] == fast_settings["fetch"]["user_agent"]


def test_fetch_failures_are_w109_with_a_reason(server, fast_settings):
    with Fetcher(settings=fast_settings) as fetcher:
        assert "404" in fetch_error(fetcher, server.base + "/missing").message
        assert "image/png" in fetch_error(fetcher, server.base + "/image.png").message
        assert "20000" in fetch_error(fetcher, server.base + "/big.html").message
        assert "over 20000 bytes" in fetch_error(fetcher, server.base + "/big-stream.html").message
        assert "timed out" in fetch_error(fetcher, server.base + "/slow").message
        assert fetch_error(fetcher, "http://127.0.0.1:1/refused").code == "W109"


def test_fetch_injected_client_and_ordered_results(server, fast_settings):
    urls = [server.base + path for path in ("/page.html", "/missing", "/plain.txt")]
    with httpx.Client() as client:
        with Fetcher(settings=fast_settings, client=client) as fetcher:
            results = list(fetcher.fetch_many(urls))
        assert not client.is_closed  # the caller's client stays the caller's
    assert [url for url, _ in results] == urls
    assert [type(result).__name__ for _, result in results] == ["Page", "IngestError", "Page"]


def test_fetch_host_delay_spaces_requests(server, fast_settings):
    fast_settings["fetch"]["host_delay"] = 0.2
    with Fetcher(settings=fast_settings) as fetcher:
        list(fetcher.fetch_many([server.base + "/plain.txt"] * 3))
    starts = [at for _, at in server.starts]
    assert all(later - earlier >= 0.18 for earlier, later in zip(starts, starts[1:], strict=False))


def test_fetch_url_list_file(server, fast_settings, tmp_path):
    path = tmp_path / "links.urls"
    lines = ["# morning batch", "/page.html", "", "not a url", "/missing", "/plain.txt"]
    path.write_text("\n".join(server.base + line if line.startswith("/") else line for line in lines))
    with Fetcher(settings=fast_settings) as fetcher:
        items = list(read_urls(path, fetcher=fetcher))
    assert [(type(item).__name__, item.line) for item in items] == [
        ("RawArticle", 2),
        ("IngestProblem", 4),
        ("IngestProblem", 5),
        ("RawArticle", 6),
    ]
    page, not_url, missing, plain = items
    assert not_url.code == "W107"
    assert page.url == server.base + "/page.html" and "killing two drivers" in page.text
    assert (missing.code, missing.item_id) == ("W109", server.base + "/missing")
    assert plain.title == "Headline here"


def test_fetch_txt_of_urls_is_a_url_list(server, fast_settings, tmp_path):
    path = tmp_path / "links.txt"
    path.write_text(f"{server.base}/page.html\n  {server.base}/plain.txt  \n", encoding="utf-8")
    items = list(read_inputs([str(path)], settings=fast_settings))
    assert [item.url for item in items] == [server.base + "/page.html", server.base + "/plain.txt"]
    assert [item.origin for item in items] == [str(path), str(path)]


def test_fetch_feed_url_gives_its_entries(server, fast_settings):
    items = list(read_inputs([server.base + "/feed.xml"], settings=fast_settings))
    assert [item.title for item in items] == ["Market shelled in Talsk", "Bridge seized at Orvin"]
    assert items[0].text == "Shells hit the central market."
    assert items[0].origin == server.base + "/feed.xml"


def test_fetch_feed_follows_links_when_asked(server, fast_settings):
    fast_settings["fetch"]["follow_feed_links"] = True
    items = list(read_inputs([server.base + "/feed.xml"], settings=fast_settings))
    full, problem, kept = items
    assert "independently verified" in full.text
    assert (full.title, full.outlet) == ("Market shelled in Talsk", "Dorrin Daily Wire")
    assert (problem.code, problem.line) == ("W109", 2)
    assert kept.text == "Rebels said they had seized the bridge at Orvin."


def test_fetch_problems_through_read_inputs(server, fast_settings):
    urls = [server.base + "/missing", server.base + "/notfeed.xml", server.base + "/latin1.html"]
    missing, notfeed, latin1 = read_inputs(urls, settings=fast_settings)
    assert (missing.code, missing.origin, missing.line) == ("W109", urls[0], None)
    assert notfeed.code == "W107"
    assert "Vélmorà" in latin1.text
