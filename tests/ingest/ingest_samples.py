"""Fictional sample documents for the ingest tests (written for them; no real reporting)."""

from __future__ import annotations

PAGE = """<!DOCTYPE html>
<html><head><title>Convoy ambushed near Velmora - The Harbour Courier</title>
<meta property="og:site_name" content="The Harbour Courier">
<meta property="article:published_time" content="2024-02-06T08:30:00+02:00">
<link rel="canonical" href="https://courier.example/news/convoy-ambushed"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Convoy ambushed near Velmora</h1>
<p>Gunmen ambushed a supply convoy on the road north of the fictional town of Velmora on Monday,
killing two drivers, the regional governor said in a statement.</p>
<p>A spokesman for the Northern Hills Brigade denied any involvement and accused a rival faction.
Residents said the road remained closed on Tuesday morning.</p></article>
<footer>Copyright The Harbour Courier</footer></body></html>
"""

ENTRY = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>{body} The account could not be independently verified, and officials in the fictional
province of Dorrin declined to comment when reached by telephone on Wednesday.</p>
<p>Aid workers said several families had left the area overnight, heading for the coast.</p>
</article></body></html>
"""


def rss(base: str) -> str:
    """A small RSS 2.0 feed whose entries link to pages of the test server."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Dorrin Daily Wire</title><link>{base}/</link><description>test feed</description>
<item><title>Market shelled in Talsk</title><link>{base}/entry1.html</link>
<guid>{base}/entry1.html</guid><pubDate>Tue, 05 Mar 2024 09:14:00 +0100</pubDate>
<description>&lt;p&gt;Shells hit the &lt;b&gt;central market&lt;/b&gt;.&lt;/p&gt;</description></item>
<item><title>Bridge seized at Orvin</title><link>{base}/missing</link>
<guid>{base}/missing</guid><pubDate>Wed, 06 Mar 2024 17:00:00 +0000</pubDate>
<description>Rebels said they had seized the bridge at Orvin.</description></item>
</channel></rss>
"""
