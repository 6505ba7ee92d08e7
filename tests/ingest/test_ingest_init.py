"""The public interface of warlog.ingest."""

from __future__ import annotations

import warlog.ingest


def test_init_all_is_exactly_the_public_interface():
    assert sorted(warlog.ingest.__all__) == [
        "COMMON_NAMES",
        "CsvColumns",
        "Fetcher",
        "LanguageDetector",
        "Page",
        "article_id",
        "content_hash",
        "find_dateline",
        "html_to_text",
        "is_url_list",
        "normalise_date",
        "normalised_text",
        "prepare",
        "read_csv",
        "read_feed",
        "read_html",
        "read_inputs",
        "read_json",
        "read_jsonl",
        "read_txt",
        "read_urls",
    ]
    assert all(hasattr(warlog.ingest, name) for name in warlog.ingest.__all__)
