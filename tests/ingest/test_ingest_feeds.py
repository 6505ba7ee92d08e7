"""RSS and Atom feeds read from files."""

from __future__ import annotations

from ingest_samples import rss

from warlog.ingest import read_feed
from warlog.ingest.feeds import looks_like_feed

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Kessa Post</title><id>urn:kp</id>
<updated>2024-04-02T10:00:00Z</updated>
<entry><title>Port closed after drone strike</title><id>urn:kp:17</id>
<link href="https://kp.example/17"/><updated>2024-04-02T10:00:00Z</updated>
<content type="html">&lt;p&gt;A drone struck a crane in the port of Kessa.&lt;/p&gt;
&lt;p&gt;The port was closed.&lt;/p&gt;</content>
</entry></feed>
"""


def test_feeds_rss_entries_become_articles(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_text(rss("https://wire.example"), encoding="utf-8")
    first, second = read_feed(path)
    assert (first.origin, first.line, second.line) == (str(path), 1, 2)
    assert first.text == "Shells hit the central market."
    assert first.title == "Market shelled in Talsk"
    assert first.outlet == "Dorrin Daily Wire"
    assert first.url == "https://wire.example/entry1.html"
    assert first.published == "Tue, 05 Mar 2024 09:14:00 +0100"
    assert first.published_from == "input"
    assert second.text == "Rebels said they had seized the bridge at Orvin."


def test_feeds_atom_content_is_preferred(tmp_path):
    (entry,) = read_feed(ATOM.encode(), origin="kp.atom")
    assert entry.text == "A drone struck a crane in the port of Kessa.\nThe port was closed."
    assert (entry.id, entry.url, entry.outlet) == ("urn:kp:17", "https://kp.example/17", "Kessa Post")


def test_feeds_not_a_feed_is_w112():
    (problem,) = read_feed(b"<html><body><p>Not a feed.</p></body></html>", origin="x.xml")
    assert problem.code == "W112"
    (problem,) = read_feed(b"<rss version='2.0'><channel><title>t</title>", origin="y.rss")
    assert problem.code == "W112"


def test_feeds_sniffing_the_root_element():
    assert looks_like_feed(ATOM.encode())
    assert looks_like_feed(b"\xef\xbb\xbf<?xml version='1.0'?>\n<!-- c -->\n<rss version='2.0'>")
    assert looks_like_feed(b"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>")
    assert not looks_like_feed(b"<?xml version='1.0'?><inventory/>")
    assert not looks_like_feed(b"<html><body>rss</body></html>")
